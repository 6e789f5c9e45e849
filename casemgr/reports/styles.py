"""The one stylesheet of the monthly report (STYLE.md §7: one styles module, fonts once).

Everything is black, white and grey so a report prints the same on a monochrome office
printer; emphasis is by weight of line and by fill shade, never by colour alone.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.platypus import TableStyle

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
