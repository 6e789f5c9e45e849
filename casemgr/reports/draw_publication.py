"""双随机一公开 的"公开": a plan's draw and its results, for the bureau's website.

What is published and why: 国办发〔2015〕58号 二(四) asks that 抽查情况及查处结果 be made public.
The sheet names the plan, its items and their legal basis, how the draw was made (seed and
its source, the algorithm, the pool's size and SHA-256, so anyone can re-run it), and per
employer the inspectors, the date and the result. It prints no worker's name or any other
personal data: the free-text notes of an inspection are not published at all, and a linked
case appears only by its case number.

Pure functions of :class:`Publication` (plain data), as every report here.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

from casemgr import celltext, clock
from casemgr.reports import styles

RESULT_ZH = {
    "pending": "尚未检查",
    "no_problem": "未发现问题",
    "corrected": "发现问题，已责令改正",
    "case_opened": "立案查处",
}
ALGORITHM_ZH = {"sha256-rank-v1": "SHA-256 排序法（第1版）"}
COLUMNS = ("序号", "检查对象", "区县", "检查人员", "检查日期", "检查结果", "立案案号")
WIDTHS = (12, 78, 24, 42, 26, 44, 40)


@dataclass(frozen=True)
class PublishedRow:
    rank: int
    employer: str
    district: str | None
    inspectors: tuple[str, ...]
    inspected_on: dt.date | None
    result: str
    case_number: str | None


@dataclass(frozen=True)
class Publication:
    bureau: str
    plan: str
    period_start: dt.date
    period_end: dt.date
    items: tuple[tuple[str, str], ...]  # (item, legal basis)
    scope: str  # the pool's filters in words
    seed: str
    seed_source: str
    algorithm: str
    pool_size: int
    pool_sha256: str
    drawn_on: dt.date
    rows: tuple[PublishedRow, ...]
    printed_at: dt.datetime
    employer_pool: tuple[tuple[int, str], ...] = ()  # (编号, name): what was drawn from
    inspector_pool: tuple[tuple[int, str], ...] = ()


def _day(d: dt.date | None) -> str:
    return f"{d.year}年{d.month}月{d.day}日" if d else "—"


def facts(data: Publication) -> list[tuple[str, str]]:
    return [
        ("检查期间", f"{_day(data.period_start)}至{_day(data.period_end)}"),
        ("抽查事项", "；".join(f"{n}（依据：{b}）" for n, b in data.items)),
        ("抽取范围", data.scope),
        ("抽取日期", _day(data.drawn_on)),
        ("随机种子", f"{data.seed}（来源：{data.seed_source}）"),
        ("抽取方法", ALGORITHM_ZH.get(data.algorithm, data.algorithm)),
        ("名录库", f"{data.pool_size} 家，编号清单 SHA-256：{data.pool_sha256}"),
    ]


def _cells(r: PublishedRow) -> list[str]:
    return [
        str(r.rank),
        r.employer,
        r.district or "",
        "、".join(r.inspectors),
        _day(r.inspected_on) if r.inspected_on else "",
        RESULT_ZH.get(r.result, r.result),
        r.case_number or "",
    ]


def pdf_bytes(data: Publication) -> bytes:
    sh = styles.sheet()
    st = sh.styles
    size = landscape(A4)
    out: list[Any] = [
        Paragraph(escape(data.bureau), st["subtitle"]),
        Paragraph("“双随机、一公开”抽查结果公示", st["title"]),
        Paragraph(escape(data.plan), st["subtitle"]),
    ]
    info = [[Paragraph(escape(k), st["cell"]), Paragraph(escape(v), st["cell"])] for k, v in facts(data)]
    table = Table(info, colWidths=[30 * mm, 236 * mm])
    table.setStyle(styles.table_style(sh.font, header_rows=0, zebra=False, n_rows=len(info)))
    out += [table, Spacer(1, 4 * mm)]
    rows = [[Paragraph(c, st["cell_center"]) for c in COLUMNS]]
    rows += [[Paragraph(escape(c), st["cell"]) for c in _cells(r)] for r in data.rows]
    grid = Table(rows, colWidths=[w * mm for w in WIDTHS], repeatRows=1)
    grid.setStyle(styles.table_style(sh.font, n_rows=len(rows)))
    out += [
        grid,
        Spacer(1, 3 * mm),
        Paragraph(
            "注：任何人可按本局公布的抽取方法，以上述随机种子和名录库编号清单重新计算，得到相同的检查对象和检查人员。"
            "本公示不含劳动者个人信息。",
            st["note"],
        ),
    ]
    printed = clock.local(data.printed_at).strftime("%Y-%m-%d %H:%M")

    def footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(sh.font, 7.5)
        canvas.drawString(14 * mm, 8 * mm, f"生成时间：{printed}（北京时间）")
        canvas.drawRightString(size[0] - 14 * mm, 8 * mm, f"第{doc.page}页")
        canvas.restoreState()

    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=size, leftMargin=14 * mm, rightMargin=14 * mm, topMargin=12 * mm,
        bottomMargin=14 * mm, title="双随机一公开抽查结果公示", author=data.bureau,
    )  # fmt: skip
    doc.build(out, onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()


def build_xlsx(data: Publication, out: BinaryIO | str | Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "抽查结果公示"
    ws.append(celltext.xlsx_row(ws, [f"{data.bureau}“双随机、一公开”抽查结果公示"]))
    ws.append(celltext.xlsx_row(ws, [data.plan]))
    for k, v in facts(data):
        ws.append(celltext.xlsx_row(ws, [k, v]))
    ws.append([])
    ws.append(list(COLUMNS))
    header = ws.max_row
    for r in data.rows:
        ws.append(celltext.xlsx_row(ws, _cells(r)))
    for cell in ws[header]:
        cell.font = Font(bold=True)
    ws["A1"].font = Font(bold=True, size=13)
    for col, width in zip("ABCDEFG", (8, 36, 12, 20, 16, 22, 24), strict=True):
        ws.column_dimensions[col].width = width
    pool = wb.create_sheet("名录库")
    pool.append(["检查对象编号", "单位名称", "", "执法人员编号", "姓名"])
    for i in range(max(len(data.employer_pool), len(data.inspector_pool))):
        e = data.employer_pool[i] if i < len(data.employer_pool) else ("", "")
        u = data.inspector_pool[i] if i < len(data.inspector_pool) else ("", "")
        pool.append(celltext.xlsx_row(pool, [e[0], e[1], "", u[0], u[1]]))
    pool.column_dimensions["B"].width = 36
    celltext.save_workbook(wb, out)


def filename(data: Publication, ext: str) -> str:
    safe = "".join(c for c in data.plan if c not in '\\/:*?"<>|')[:60]
    return f"双随机抽查结果公示-{safe}.{ext}"
