"""The rejection workbook: the clerk's rows with the problems marked, ready to fix and import.

Sheet 1 repeats the ledger's own header and rows (every row when the import was all or
nothing, so that the corrected workbook is a complete ledger again; only the rejected
rows otherwise, because the rest went in). Each bad cell is filled red and carries the
reason as a comment; the last column spells out every reason of the row. Those two extra
columns are unknown to the importer and ignored, so the corrected sheet imports as is.
Sheet 2 lists row, column and reason, for printing.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from casemgr import validation
from casemgr.io.readers import Table

REASON_HEADER = "错误说明"
ROW_HEADER = "原行号"


def _cell_value(value: object) -> object:
    """A value a workbook can hold: control characters (which openpyxl refuses with
    IllegalCharacterError, and which made the whole report fail) shown as ``\\x01``, and no
    more than Excel's 32,767 characters a cell."""
    if isinstance(value, str):
        value = validation.show_control_chars(value)
        if len(value) > 32000:
            return value[:32000]
    return value


def write_rejection_report(
    path: Path,
    table: Table,
    rows: Sequence[tuple[int, list[object]]],
    rejections: Sequence[object],
    *,
    only_rejected: bool,
) -> Path:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill

    by_row: dict[int, list[object]] = {}
    for p in rejections:
        by_row.setdefault(p.row, []).append(p)  # type: ignore[attr-defined]
    col_of_title = {t: i for i, t in enumerate(table.headers) if t}
    red = PatternFill("solid", fgColor="FFC7CE")
    bold = Font(bold=True)

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("台账（待修改）")
    ws.freeze_panes = "A2"
    for i in range(len(table.headers) + 2):
        ws.column_dimensions[_letter(i)].width = 16
    ws.column_dimensions[_letter(len(table.headers) + 1)].width = 60
    header = [WriteOnlyCell(ws, value=_cell_value(h)) for h in [*table.headers, ROW_HEADER, REASON_HEADER]]
    for c in header:
        c.font = bold
    ws.append(header)
    file_level = [p for p in rejections if p.row in (0, table.header_row)]  # type: ignore[attr-defined]
    if file_level:
        ws.append(
            ["", *([""] * (len(table.headers) - 1)), "", _cell_value("；".join(_text(p) for p in file_level))]
        )
    for rowno, cells in rows:
        problems = by_row.get(rowno, [])
        if only_rejected and not problems:
            continue
        out = []
        bad_cols = {col_of_title.get(p.column): p for p in problems}  # type: ignore[attr-defined]
        for i in range(len(table.headers)):
            value = _cell_value(cells[i] if i < len(cells) else None)
            cell = WriteOnlyCell(ws, value=value)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # show the formula text; never evaluate it
            if hasattr(value, "year"):
                cell.number_format = "yyyy-mm-dd"
            p = bad_cols.get(i)
            if p is not None:
                cell.fill = red
                cell.comment = Comment(_cell_value(p.reason), "casemgr")  # type: ignore[attr-defined]
            out.append(cell)
        reason = WriteOnlyCell(ws, value=_cell_value("；".join(_text(p) for p in problems)))
        reason.alignment = Alignment(wrap_text=True)
        out.append(WriteOnlyCell(ws, value=rowno))
        out.append(reason)
        ws.append(out)

    ws2 = wb.create_sheet("错误清单")
    ws2.freeze_panes = "A2"
    for letter, width in zip("ABCD", (8, 18, 60, 30), strict=True):
        ws2.column_dimensions[letter].width = width
    ws2.append([_bold(ws2, t, bold) for t in ("行号", "列", "原因", "原值")])
    for p in rejections:
        ws2.append([_cell_value(v) for v in (p.row or "", p.column, p.reason, p.value)])  # type: ignore[attr-defined]
    ws3 = wb.create_sheet("说明")
    ws3.column_dimensions["A"].width = 100
    for line in (
        "请在“台账（待修改）”中按红色单元格的批注和“错误说明”列修改后保存，再重新导入本文件。",
        "“原行号”和“错误说明”两列导入时会被忽略，无需删除。",
        "已导入过的案号会自动跳过，重复导入不会产生重复案件。",
        "日期可写成 2026-10-01、2026/10/1 或 2026年10月1日；含公式的单元格请“选择性粘贴→数值”。",
    ):
        ws3.append([line])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def _text(p: object) -> str:
    column = getattr(p, "column", "")
    reason = getattr(p, "reason", "")
    return f"{column}：{reason}" if column else str(reason)


def _bold(ws: object, value: str, font: object) -> object:
    from openpyxl.cell import WriteOnlyCell

    c = WriteOnlyCell(ws, value=value)  # type: ignore[arg-type]
    c.font = font
    return c


def _letter(i: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(i + 1)
