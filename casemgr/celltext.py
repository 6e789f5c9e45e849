"""Text as text in every spreadsheet the program writes (formula injection, OWASP "CSV injection").

Why: a party's name, an employer's name, a rejected cell's value or a setting is text typed
by somebody else. Written as it is, ``=HYPERLINK("http://…","点此")`` or
``=cmd|' /C calc'!A0`` becomes a live formula in the supervisor's Excel (openpyxl stores a
string that starts with ``=`` as a formula), and text starting with ``+ - @`` turns into one
the moment somebody edits the cell. Spreadsheet programs also skip a leading tab or carriage
return before deciding, so those count too.

* xlsx: such a cell is stored as a string (never ``<f>``) with Excel's "quote prefix" style,
  which shows the text unchanged and keeps it text when the cell is edited.
* csv: the text gets a leading apostrophe (the usual defence; a CSV has no types).

The one rule lives here, at the bottom of the layers, because the report (domain layer)
and the ledger files (io layer) both write workbooks.
"""

from __future__ import annotations

from typing import Any

#: What a spreadsheet takes for the start of a formula (the ASCII ones and their full-width
#: forms, which a Chinese input method produces and some spreadsheet programs accept).
FORMULA_STARTS = frozenset("=+-@＝＋－＠")
#: Skipped by spreadsheet programs before they look at the first character.
_LEADING = "\t\r\n "


def looks_like_formula(value: object) -> bool:
    """True for text a spreadsheet could run: ``=``, ``+``, ``-``, ``@`` first, after tabs/CRs."""
    if not isinstance(value, str) or not value:
        return False
    if value[0] in FORMULA_STARTS:
        return True
    stripped = value.lstrip(_LEADING)
    return stripped != value and stripped[:1] in FORMULA_STARTS


def csv_text(value: str) -> str:
    """The text for a CSV cell: an apostrophe in front of anything formula-like."""
    return "'" + value if looks_like_formula(value) else value


def xlsx_cell(ws: Any, value: object) -> Any:
    """The value to append to ``ws``: formula-like text becomes a string cell with a quote prefix.

    Everything else is returned unchanged (numbers, dates and plain text keep their types).
    Works for write-only and ordinary worksheets (``ws.append`` accepts cells).
    """
    if not looks_like_formula(value):
        return value
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, value=value)
    make_text(cell)
    return cell


def make_text(cell: Any) -> None:
    """Mark one cell holding formula-like text as plain text (idempotent; other cells untouched)."""
    if looks_like_formula(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True


def xlsx_row(ws: Any, values: list[object] | tuple[object, ...]) -> list[object]:
    """A row for ``ws.append`` with every formula-like text made safe."""
    return [xlsx_cell(ws, v) for v in values]


def neutralise_workbook(wb: Any) -> int:
    """Before saving an ordinary (not write-only) workbook: make every formula-like text cell text.

    Returns how many cells it changed. Cells holding real formulas the program wrote on
    purpose would be changed too: the program writes none.
    """
    n = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and looks_like_formula(cell.value):
                    make_text(cell)
                    n += 1
    return n


def save_workbook(wb: Any, out: Any) -> None:
    """Save an ordinary workbook after :func:`neutralise_workbook` (names, districts, titles)."""
    neutralise_workbook(wb)
    wb.save(out)
