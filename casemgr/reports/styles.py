"""The one stylesheet of the monthly report (STYLE.md §7: one styles module, fonts once).

Everything is black, white and grey so a report prints the same on a monochrome office
printer; emphasis is by weight of line and by fill shade, never by colour alone.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, SimpleDocTemplate, TableStyle

from casemgr import clock
from casemgr.reports import fonts

GRID = colors.Color(0.35, 0.35, 0.35)
HEADER_FILL = colors.Color(0.85, 0.85, 0.85)
ZEBRA_FILL = colors.Color(0.95, 0.95, 0.95)
MISS_FILL = colors.Color(0.75, 0.75, 0.75)  # an indicator below its target: darker cell + "否"


@dataclass(frozen=True)
class Sheet:
    font: str
    styles: StyleSheet1


@functools.cache
def sheet() -> Sheet:
    """Register the CJK font (once) and build the paragraph styles around it."""
    font = fonts.cjk_font().name
    ss = StyleSheet1()
    ss.add(ParagraphStyle("body", fontName=font, fontSize=9, leading=12, alignment=TA_LEFT))
    ss.add(ParagraphStyle("small", parent=ss["body"], fontSize=7.5, leading=9.5))
    ss.add(ParagraphStyle("cell", parent=ss["body"], fontSize=8, leading=10))
    ss.add(ParagraphStyle("cell_right", parent=ss["cell"], alignment=TA_RIGHT))
    ss.add(ParagraphStyle("cell_center", parent=ss["cell"], alignment=TA_CENTER))
    ss.add(ParagraphStyle("title", fontName=font, fontSize=15, leading=21, alignment=TA_CENTER, spaceAfter=4))
    ss.add(ParagraphStyle("subtitle", parent=ss["body"], alignment=TA_CENTER, spaceAfter=6))
    ss.add(
        ParagraphStyle(
            "h2", fontName=font, fontSize=11.5, leading=15, spaceBefore=8, spaceAfter=4, keepWithNext=1
        )
    )
    ss.add(ParagraphStyle("lead", parent=ss["body"], keepWithNext=1))
    ss.add(ParagraphStyle("note", parent=ss["small"], textColor=colors.black))
    return Sheet(font, ss)


def table_style(font: str, *, header_rows: int = 1, zebra: bool = True, n_rows: int = 0) -> TableStyle:
    cmds: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("LEADING", (0, 0), (-1, -1), 10),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("BOX", (0, 0), (-1, -1), 0.9, colors.black),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, header_rows), (-1, -1), "RIGHT"),
        ("ALIGN", (0, 0), (-1, header_rows - 1), "CENTER"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if zebra:
        for r in range(header_rows + 1, n_rows, 2):
            cmds.append(("BACKGROUND", (0, r), (-1, r), ZEBRA_FILL))
    return TableStyle(cmds)


def landscape_list_pdf(story: Sequence[Flowable], printed_at: dt.datetime, title: str, author: str) -> bytes:
    """A landscape A4 list (the docket, the grading list) with the time printed, in Beijing time,
    and the page number on every page: one layout, so two printed lists cannot drift apart."""
    sh = sheet()
    printed = clock.local(printed_at).strftime("%Y-%m-%d %H:%M")
    size = landscape(A4)

    def footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(sh.font, 7.5)
        canvas.drawString(14 * mm, 8 * mm, f"打印时间：{printed}（北京时间）")
        canvas.drawRightString(size[0] - 14 * mm, 8 * mm, f"第{doc.page}页")
        canvas.restoreState()

    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=size,
        leftMargin=14 * mm,
        rightMargin=14 * mm,
        topMargin=12 * mm,
        bottomMargin=14 * mm,
        title=title,
        author=author,
    )
    doc.build(list(story), onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()
