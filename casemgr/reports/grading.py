"""The grading's printed forms: the list (PDF and workbook) and the 评价结果告知书 per employer.

Pure functions of plain data (:mod:`casemgr.services.grading_export` gathers it). The list is
landscape A4 in black, white and grey like the other reports; the notice is laid out by the
same GB/T 9704 layout as the case notices (:mod:`casemgr.reports.notice_layout`). Both in
Chinese: they go to employers and to the bureau's files.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table

from casemgr.grading.rules import CONSEQUENCES, Grade
from casemgr.reports import styles
from casemgr.reports.notices import NoticeData, NoticeParty, zh_date

SOURCE = "《企业劳动保障守法诚信等级评价办法》（人社部规〔2016〕1号）"
GRADE_NAMES = {"A": "A级", "B": "B级", "C": "C级"}
STATUS_NAMES = {"proposed": "待确定", "confirmed": "已确定"}
COLUMNS = ("序号", "用人单位", "统一社会信用代码", "区域", "评价意见", "确定等级", "状态", "依据", "改变理由")
WIDTHS = (10, 52, 36, 16, 14, 14, 14, 80, 33)  # mm: 269 on landscape A4 with 14 mm margins


@dataclass(frozen=True)
class ListLine:
    employer: str
    uscc: str
    district: str
    proposed: str
    grade: str
    status: str
    reasons: tuple[str, ...]  # already worded (Reason.text)
    change_reason: str


@dataclass(frozen=True)
class GradeList:
    bureau: str
    year: int
    filter_text: str  # "全部" or what the list was filtered by
    lines: tuple[ListLine, ...]
    counts: dict[str, int]
    printed_at: dt.datetime


def list_title(year: int) -> str:
    return f"{year}年度企业劳动保障守法诚信等级评价结果"


def _story(data: GradeList) -> list[Any]:
    sh = styles.sheet()
    st = sh.styles
    out: list[Any] = [
        Paragraph(escape(data.bureau), st["subtitle"]),
        Paragraph(escape(list_title(data.year)), st["title"]),
        Paragraph(
            escape(
                f"范围：{data.filter_text}　共{len(data.lines)}家"
                f"（A级{data.counts.get('A', 0)}家，B级{data.counts.get('B', 0)}家，C级{data.counts.get('C', 0)}家）"
                f"　依据：{SOURCE}"
            ),
            st["subtitle"],
        ),
    ]
    head = [Paragraph(c, st["cell_center"]) for c in COLUMNS]
    rows: list[list[Any]] = [head]
    for i, ln in enumerate(data.lines, 1):
        rows.append(
            [
                Paragraph(str(i), st["cell_center"]),
                Paragraph(escape(ln.employer), st["cell"]),
                Paragraph(escape(ln.uscc), st["cell"]),
                Paragraph(escape(ln.district), st["cell_center"]),
                Paragraph(GRADE_NAMES.get(ln.proposed, ln.proposed), st["cell_center"]),
                Paragraph(GRADE_NAMES.get(ln.grade, ln.grade), st["cell_center"]),
                Paragraph(STATUS_NAMES.get(ln.status, ln.status), st["cell_center"]),
                Paragraph("<br/>".join(escape(r) for r in ln.reasons), st["cell"]),
                Paragraph(escape(ln.change_reason), st["cell"]),
            ]
        )
    if data.lines:
        table = Table(rows, colWidths=[w * mm for w in WIDTHS], repeatRows=1)
        table.setStyle(styles.table_style(sh.font, n_rows=len(rows)))
        out.append(table)
    else:
        out.append(Paragraph("没有符合条件的评价记录。", st["body"]))
    out.append(Spacer(1, 4 * mm))
    out.append(
        Paragraph(
            "注：A级——未因劳动保障违法行为被查处；B级——因劳动保障违法行为被查处，但不属于C级情形；"
            "C级——被查处三次以上、引发群体性事件、使用童工或强迫劳动、拒不履行整改指令或处理处罚决定、"
            "无理抗拒阻挠监察或被追究刑事责任之一。“待确定”为评价意见，尚未经科长确定，不得对外公布。",
            st["note"],
        )
    )
    return out


def list_pdf(data: GradeList) -> bytes:
    return styles.landscape_list_pdf(_story(data), data.printed_at, list_title(data.year), data.bureau)


def list_xlsx(year: int, lines: Iterable[ListLine], out: BinaryIO | str | Path) -> int:
    """The list as a workbook, streamed (write-only) so a whole city's year fits; returns rows."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(f"{year}年度")
    ws.append([list_title(year)])
    ws.append(list(COLUMNS))
    n = 0
    for n, ln in enumerate(lines, 1):
        ws.append(
            [
                n,
                ln.employer,
                ln.uscc,
                ln.district,
                GRADE_NAMES.get(ln.proposed, ln.proposed),
                GRADE_NAMES.get(ln.grade, ln.grade),
                STATUS_NAMES.get(ln.status, ln.status),
                "；".join(ln.reasons),
                ln.change_reason,
            ]
        )
    wb.save(out)
    return n


@dataclass(frozen=True)
class NoticeFacts:
    bureau: str
    year: int
    employer: str
    uscc: str
    legal_rep: str
    address: str
    grade: str
    reasons: tuple[str, ...]
    change_reason: str
    doc_number: str
    issued_on: dt.date


def notice(f: NoticeFacts) -> NoticeData:
    """评价结果告知书: the grade, the facts it rests on, what it means, how to contest it."""
    grade = Grade(f.grade)
    paras = [
        f"根据{SOURCE}，本局依据你单位{f.year}年度的劳动保障守法诚信记录（日常巡视检查、书面材料审查、"
        f"举报投诉查处及专项检查等劳动保障监察工作中取得的信息），对你单位进行了劳动保障守法诚信等级评价，"
        f"评价结果为：{GRADE_NAMES[grade.value]}。",
        "# 一、评价依据的事实",
        *(f"{i}. {r}" for i, r in enumerate(f.reasons, 1)),
    ]
    if f.change_reason:
        paras.append(f"{len(f.reasons) + 1}. 本局审核意见：{f.change_reason}")
    paras += [
        "# 二、分类监管",
        f"根据该办法关于分类监管的规定，对{GRADE_NAMES[grade.value]}企业，人力资源社会保障行政部门将{CONSEQUENCES[grade][0]}。"
        "评价结果归入你单位劳动保障守法诚信档案。",
        "# 三、异议",
        "你单位对评价结果有异议的，可以向本局劳动保障监察机构书面提出，并提供相关证据，本局将予以复核。",
    ]
    parts = (
        f"统一社会信用代码：{f.uscc}" if f.uscc else "",
        f"法定代表人：{f.legal_rep}" if f.legal_rep else "",
        f"地址：{f.address}" if f.address else "",
    )
    details = "，".join(x for x in parts if x)
    return NoticeData(
        notice_type="grading_result",
        issuer=f.bureau,
        title="劳动保障守法诚信等级评价结果告知书",
        doc_number=f.doc_number,
        addressee=None,
        parties=(NoticeParty("用人单位", f.employer, details),),
        paragraphs=tuple(paras),
        legal_basis=SOURCE,
        date_text=zh_date(f.issued_on),
    )


def notice_filename(year: int, employer: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", f"{year}年度守法诚信等级评价结果告知书-{employer}") + ".pdf"
