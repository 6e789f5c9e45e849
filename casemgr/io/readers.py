"""Reading a ledger file into header + rows, whatever Excel or WPS wrote.

* ``.xlsx`` through openpyxl in read-only mode (streams 100,000 rows in little memory).
  Formulas are read *as formulas*, not as their cached values: a cached value may be stale
  or missing, so the importer refuses them and asks for "paste as values".
* ``.csv`` in UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode text") or GB18030
  (a superset of GBK, which is what Chinese Excel writes by default). The encoding is
  detected: a BOM decides; otherwise strict UTF-8 is tried first, because GBK text almost
  never decodes as valid UTF-8 while the converse is common.
* The header is *found*, not assumed to be row 1: ledgers often carry a merged title row
  ("2026年仲裁案件台账") and two-row headers whose group cells are merged ("金额" over
  "申请金额 | 追回金额"). The header row is the one naming the most known columns; an empty
  or unknown cell in it takes a known name from the one or two rows above (a vertically
  merged cell keeps its text only in its top cell).
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from casemgr.errors import KnownError
from casemgr.io import columns

HEADER_SCAN_ROWS = 12

# What a ledger may expand to. A 2.5 MB "xlsx" can unpack to gigabytes (a zip bomb); a CSV
# cell can be megabytes long. Beyond these bounds the file is refused with a message, before
# the work grows: Excel itself stops at 1,048,576 rows, 16,384 columns and 32,767 characters a
# cell, and a ledger has a few dozen columns.
MAX_ROWS = 1_048_576
MAX_COLUMNS = 500
MAX_CELL_CHARS = 32_767
MAX_FILE_BYTES = 512 * 1024 * 1024  # a CSV is read whole; an xlsx unpacks to at most this
MAX_PART_RATIO = 100  # XML compresses 5-20:1; a part over 8 MiB packed tighter than this is a bomb
RATIO_CHECK_BYTES = 8 * 1024 * 1024


class LedgerFileError(KnownError):
    """The file as a whole cannot be read (format, encoding, no header)."""

    code = "ledger_file"


@dataclass
class Table:
    """A ledger as read: the header row's number, field per column index, and the data rows."""

    header_row: int  # 1-based row number of the header in the file
    headers: list[str]  # the header text per column, as written (for the report)
    fields: dict[int, str]  # column index -> field key, for the columns we import
    rows: Iterator[tuple[int, list[object]]]  # (1-based row number, cells)
    encoding: str | None = None  # CSV only
    unknown: list[str] = field(default_factory=list)  # header texts we do not import
    duplicates: list[str] = field(default_factory=list)  # fields named by more than one column


def detect_encoding(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        data.decode("gb18030")
        return "gb18030"
    except UnicodeDecodeError:
        raise LedgerFileError(
            "无法识别CSV文件的编码（既不是UTF-8，也不是GBK/GB18030）。请在Excel中另存为“CSV UTF-8”或.xlsx后再导入。",
            "Cannot tell the CSV file's encoding (neither UTF-8 nor GBK/GB18030). Save it as CSV UTF-8 or .xlsx.",
            field="file",
        ) from None


def _too_big(what_zh: str, what_en: str) -> LedgerFileError:
    return LedgerFileError(
        f"文件超出台账的合理范围：{what_zh}。请检查文件是否正确，或拆分后分批导入。没有导入任何数据。",
        f"The file exceeds what a ledger can be: {what_en}. Check the file, or split it and import the parts. "
        "Nothing was imported.",
        field="file",
    )


def _bounded(rows: Iterator[tuple[int, list[object]]]) -> Iterator[tuple[int, list[object]]]:
    """Rows within the bounds above, else a clear refusal at the first row beyond them."""
    for i, cells in rows:
        if i > MAX_ROWS:
            raise _too_big(f"超过 {MAX_ROWS:,} 行", f"more than {MAX_ROWS:,} rows")
        if len(cells) > MAX_COLUMNS:
            raise _too_big(f"第{i}行超过 {MAX_COLUMNS} 列", f"row {i} has more than {MAX_COLUMNS} columns")
        for c in cells:
            if isinstance(c, str) and len(c) > MAX_CELL_CHARS:
                raise _too_big(
                    f"第{i}行有单元格超过 {MAX_CELL_CHARS:,} 个字符",
                    f"a cell in row {i} is longer than {MAX_CELL_CHARS:,} characters",
                )
        yield i, cells


def _csv_rows(path: Path) -> tuple[Iterator[tuple[int, list[object]]], str]:
    if path.stat().st_size > MAX_FILE_BYTES:
        raise _too_big(
            f"大于 {MAX_FILE_BYTES // 1024 // 1024} MB", f"larger than {MAX_FILE_BYTES // 1024 // 1024} MB"
        )
    data = path.read_bytes()
    encoding = detect_encoding(data)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise LedgerFileError(
            f"CSV文件按{encoding}编码读取失败，文件可能已损坏。",
            f"The CSV file does not decode as {encoding}; it may be damaged.",
            field="file",
        ) from None
    sample = text[:4096]
    first = sample.splitlines()[0] if sample else ""
    delimiter = max(",\t;", key=first.count) if first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)

    def cell(v: str) -> object:
        # Excel would evaluate "=..." on opening the CSV; a leading apostrophe keeps it text.
        return columns.Formula(v) if len(v) > 1 and v[0] == "=" else v

    def gen() -> Iterator[tuple[int, list[object]]]:
        i = 0
        try:
            for i, r in enumerate(reader, start=1):
                yield i, [cell(v) for v in r]
        except csv.Error as exc:  # "field larger than field limit", a NUL in old Pythons
            raise _too_big(
                f"第{i + 1}行有单元格超过 {csv.field_size_limit():,} 个字符或无法读取",
                f"row {i + 1} has a cell longer than {csv.field_size_limit():,} characters or cannot be read",
            ) from exc

    return _bounded(gen()), encoding


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list[object]]]:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    _refuse_zip_bomb(path)
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except (InvalidFileException, OSError, KeyError, ValueError) as exc:
        raise LedgerFileError(
            f"无法打开Excel文件：{exc}", f"Cannot open the Excel file: {exc}", field="file"
        ) from exc
    except Exception as exc:  # zipfile.BadZipFile and friends: a damaged or renamed file
        raise LedgerFileError(
            "文件不是有效的.xlsx工作簿（可能已损坏，或是旧版.xls，请另存为.xlsx）。",
            "The file is not a valid .xlsx workbook (damaged, or an old .xls: save it as .xlsx).",
            field="file",
        ) from exc

    def gen() -> Iterator[tuple[int, list[object]]]:
        try:
            ws = wb.worksheets[0]
            # The declared dimension pads every row to its width: refuse before iterating.
            if (ws.max_column or 0) > MAX_COLUMNS:
                raise _too_big(f"工作表有 {ws.max_column:,} 列", f"the sheet has {ws.max_column:,} columns")
            if (ws.max_row or 0) > MAX_ROWS:
                raise _too_big(f"工作表有 {ws.max_row:,} 行", f"the sheet has {ws.max_row:,} rows")
            for i, row in enumerate(ws.iter_rows(), start=1):
                # A formula is told by the cell's type, not by its text: a text cell may
                # legitimately start with "=" (the exporter writes such names as text).
                yield i, [columns.Formula(c.value) if c.data_type == "f" else c.value for c in row]
        finally:
            wb.close()

    return _bounded(gen())


def _refuse_zip_bomb(path: Path) -> None:
    """Look at the zip's directory before anything is unpacked: sizes as declared there bound
    what the reader can produce (zipfile stops at the declared size)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a zip: openpyxl's own error below says so
    total = sum(i.file_size for i in infos)
    if total > MAX_FILE_BYTES:
        raise _too_big(
            f"解压后超过 {MAX_FILE_BYTES // 1024 // 1024} MB",
            f"it unpacks to more than {MAX_FILE_BYTES // 1024 // 1024} MB",
        )
    for i in infos:
        if i.file_size > RATIO_CHECK_BYTES and i.file_size > MAX_PART_RATIO * max(i.compress_size, 1):
            raise _too_big(
                f"其中的 {i.filename} 压缩比异常（{i.compress_size:,} 字节解压为 {i.file_size:,} 字节）",
                f"its part {i.filename} unpacks from {i.compress_size:,} to {i.file_size:,} bytes",
            )


def raw_rows(path: Path) -> tuple[Iterator[tuple[int, list[object]]], str | None]:
    """(row number, cells) of the first sheet or the CSV, within the bounds above, and the
    CSV's encoding: for ledgers whose columns are not the case ledger's (the project register)."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise LedgerFileError(f"找不到文件 {path}", f"No such file: {path}", field="file")
    if suffix in (".csv", ".txt"):
        return _csv_rows(path)
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx_rows(path), None
    raise LedgerFileError(
        f"不支持的文件类型“{suffix}”，请使用 .xlsx 或 .csv。",
        f"Unsupported file type '{suffix}'; use .xlsx or .csv.",
        field="file",
    )


def read_table(path: Path) -> Table:
    rows, encoding = raw_rows(path)
    head: list[tuple[int, list[object]]] = []
    for item in rows:
        head.append(item)
        if len(head) >= HEADER_SCAN_ROWS:
            break
    best, best_count = -1, 0
    for idx, (_, cells) in enumerate(head):
        count = len({columns.column_for(c) for c in cells if columns.column_for(c)})
        if count > best_count:
            best, best_count = idx, count
    if best < 0 or best_count < 2:
        raise LedgerFileError(
            "没有找到表头行：前12行中没有一行写有“案号”“收案日期”等列名。",
            "No header row found: none of the first 12 rows names columns such as 案号 or 收案日期.",
            field="header",
        )
    header_no, header_cells = head[best]
    # A two-row header: the row below names the columns under a merged group cell ("金额").
    block = [best]
    while block[-1] + 1 < len(head):
        below = [c for c in head[block[-1] + 1][1] if not columns.is_blank(c)]
        if not below or not all(columns.column_for(c) for c in below):
            break
        block.append(block[-1] + 1)
    last = block[-1]
    width = max(len(c) for _, c in head)
    headers: list[str] = []
    fields: dict[int, str] = {}
    taken: dict[str, int] = {}
    unknown: list[str] = []
    duplicates: list[str] = []
    for col in range(width):
        cell = header_cells[col] if col < len(header_cells) else None
        key = None
        text = columns.text_of(cell) if not columns.is_blank(cell) else ""
        # Lower header rows name columns more precisely; merged cells keep their text in the
        # top cell only, so look below first, then at this row, then up to two rows above.
        for idx in [*reversed(block), best - 1, best - 2]:
            if idx < 0:
                continue
            cells = head[idx][1]
            value = cells[col] if col < len(cells) else None
            if columns.column_for(value):
                key, text = columns.column_for(value), columns.text_of(value)
                break
        headers.append(text)
        if key is None:
            if text:
                unknown.append(text)
            continue
        if key in taken:
            duplicates.append(columns.BY_KEY[key].title)
            continue
        taken[key] = col
        fields[col] = key

    def data_rows() -> Iterator[tuple[int, list[object]]]:
        yield from head[last + 1 :]
        yield from rows

    return Table(
        header_row=header_no,
        headers=headers,
        fields=fields,
        rows=data_rows(),
        encoding=encoding,
        unknown=unknown,
        duplicates=duplicates,
    )
