"""A ledger row as the import reads it: parsing, checking and its compact wire form.

Below both the importer (``casemgr.io.ledger_import``) and the bulk writer
(``casemgr.io.bulk``) and the planning processes (``casemgr.io.planner``), which all
take these rows: nothing here reads or writes the database. A row is checked on its own
here; what depends on other rows or on the database (duplicate case numbers, an ID
number already on file under another name) is the importer's.
"""

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from casemgr import validation
from casemgr.enums import DISTRICTS_SHANWEI, CaseKind, ClaimType, Outcome
from casemgr.io import columns
from casemgr.io.columns import CellError
from casemgr.io.readers import Table


@dataclass(frozen=True)
class Rejection:
    row: int  # 1-based row number in the file
    column: str  # the header as written in the file ("" for the whole row)
    reason: str  # Chinese, for the clerk
    value: str = ""  # the offending value, shortened


@dataclass
class LedgerRow:
    row: int
    case_no: str
    kind: CaseKind
    received_on: dt.date
    accepted_on: dt.date | None = None
    closed_on: dt.date | None = None
    outcome: Outcome | None = None
    migrant_worker: bool = False
    workers: int | None = None
    amount_claimed: Decimal = Decimal("0.00")
    amount_recovered: Decimal = Decimal("0.00")
    employer: str | None = None
    uscc: str | None = None
    district: str | None = None
    applicant: str | None = None
    id_number: str | None = None
    claim_type: ClaimType = ClaimType.WAGES


def column_title(table: Table, key: str) -> str:
    """The header of ``key`` as the file wrote it, for a rejection the clerk can find."""
    for col, k in table.fields.items():
        if k == key:
            return table.headers[col] or columns.BY_KEY[key].title
    return columns.BY_KEY[key].title


#: Distinct texts remembered per column while parsing one file (see ``parse_row``'s memo).
MEMO_LIMIT = 20_000
_NOT_SEEN = object()


def parse_row(
    rowno: int,
    cells: Sequence[object],
    table: Table,
    default_kind: CaseKind | None,
    today: dt.date,
    memo: dict[str, dict[str, object]] | None = None,
) -> LedgerRow | list[Rejection]:
    """One row into a :class:`LedgerRow`, or every problem it has (not only the first).

    ``memo`` (one dict per file) remembers what a column's text was read as, or why it was
    refused: a ledger repeats its dates, amounts, employers, districts and outcomes on
    thousands of rows, and reading each again was a third of checking a large file. Only
    plain text is remembered (an Excel number or date, or a formula, is read every time),
    and at most :data:`MEMO_LIMIT` texts per column (case numbers and ID numbers do not repeat).
    """
    raw: dict[str, object] = {}
    for col, key in table.fields.items():
        raw[key] = cells[col] if col < len(cells) else None
    problems: list[Rejection] = []
    bad_keys: set[str] = set()

    def bad(key: str, reason: str) -> None:
        bad_keys.add(key)
        problems.append(Rejection(rowno, column_title(table, key), reason, columns.echo(raw.get(key))))

    def get(key: str, parser: Callable[[object], object], context: str = "") -> object:
        """``context`` names what else the parser depends on (the kind, for outcomes)."""
        value = raw.get(key)
        seen = None
        if memo is not None and value.__class__ is str:
            seen = memo.setdefault(key + context, {})
            known = seen.get(value, _NOT_SEEN)  # type: ignore[call-overload]
            if known is not _NOT_SEEN:
                if isinstance(known, CellError):
                    bad(key, known.reason)
                    return None
                return known
        if columns.is_formula(value):
            bad(key, "单元格是公式，请在Excel中复制后“选择性粘贴→数值”再导入")
            return None
        try:
            result = parser(value)
        except CellError as exc:
            if seen is not None and len(seen) < MEMO_LIMIT:
                seen[value] = exc  # type: ignore[index]
            bad(key, exc.reason)
            return None
        if seen is not None and len(seen) < MEMO_LIMIT:
            seen[value] = result  # type: ignore[index]
        return result

    case_no = get("case_no", lambda v: columns.parse_text(v, 64))
    if case_no is None and "case_no" not in bad_keys:
        bad("case_no", "案号不能为空")
    kind = get("kind", columns.parse_kind)
    if kind is None and "kind" not in bad_keys:
        if default_kind is None:
            if "kind" not in bad_keys:
                bad("kind", "案件类型不能为空（调解、仲裁 或 监察）")
        else:
            kind = default_kind
    elif kind is not None and default_kind is not None and kind != default_kind:
        bad("kind", f"与指定的导入类型“{columns.KIND_TITLES[default_kind]}”不一致")
    received = get("received_on", columns.parse_date)
    accepted = get("accepted_on", columns.parse_date)
    closed = get("closed_on", columns.parse_date)
    for key, d in (("received_on", received), ("accepted_on", accepted), ("closed_on", closed)):
        if isinstance(d, dt.date):
            if d > today:
                bad(key, "日期不能晚于今天")
            elif d.year < 1950:
                bad(key, "日期过早")
    if received is None and "received_on" not in bad_keys:
        bad("received_on", "收案日期不能为空")
    if isinstance(received, dt.date) and isinstance(accepted, dt.date) and accepted < received:
        bad("accepted_on", "受理日期早于收案日期")
    if isinstance(closed, dt.date):
        start = accepted if isinstance(accepted, dt.date) else received
        if isinstance(start, dt.date) and closed < start:
            bad("closed_on", "结案日期早于收案/受理日期")
    outcome = None
    if isinstance(kind, CaseKind):
        outcome = get("outcome", lambda v: columns.parse_outcome(v, kind), kind.value)
    # The outcome cell itself, not the parsed outcome: without a kind it was not read at all.
    if closed is not None and columns.is_blank(raw.get("outcome")):
        bad("outcome", "已填结案日期，但没有填结案方式")
    if outcome is not None and closed is None and "closed_on" in table.fields.values():
        if "closed_on" not in bad_keys:
            bad("closed_on", "已填结案方式，但没有填结案日期")
    if outcome is not None and closed is None and "closed_on" not in table.fields.values():
        bad("outcome", "文件没有“结案日期”列，无法导入结案方式")
    if outcome is Outcome.REFUSED and accepted is not None:
        bad("accepted_on", "不予受理的案件不应有受理日期")
    if outcome is Outcome.PREFILING_SETTLED and accepted is not None:  # 办案规则 Art. 69: never accepted
        bad("accepted_on", "立案前调解成功的申请未经受理，不应有受理日期")
    never_accepted = (Outcome.REFUSED, Outcome.PREFILING_SETTLED)
    if outcome is not None and outcome not in never_accepted and closed is not None and accepted is None:
        bad("accepted_on", "已结案（非不予受理）的案件须填写受理日期")
    migrant = get("migrant_worker", columns.parse_bool)
    workers = get("workers", columns.parse_int)
    claimed = get("amount_claimed", columns.parse_amount)
    recovered = get("amount_recovered", columns.parse_amount)
    employer = get("employer", lambda v: columns.parse_text(v, 200))
    uscc = get("uscc", lambda v: columns.parse_text(v, 18 * 3))
    district = get("district", lambda v: columns.parse_text(v, 32))
    applicant = get("applicant", lambda v: columns.parse_text(v, 64))
    id_number = get("id_number", lambda v: columns.parse_text(v, 18 * 3))
    claim_type = get("claim_type", columns.parse_claim_type)

    if isinstance(uscc, str):
        if columns.looks_masked(uscc):
            bad("uscc", "统一社会信用代码已脱敏（含*），请填写完整代码")
        elif not validation.is_valid_uscc(uscc):
            bad("uscc", "不是有效的18位统一社会信用代码（校验位不符）")
        else:
            uscc = validation.normalize_uscc(uscc)
    if isinstance(id_number, str):
        if columns.looks_masked(id_number):
            bad("id_number", "身份证号已脱敏（含*），无法用来识别当事人，请填写完整号码")
        elif not validation.is_valid_resident_id(id_number, today=today):
            bad("id_number", "不是有效的18位身份证号码（校验位或出生日期不符）")
        else:
            id_number = validation.normalize_resident_id(id_number)
        if applicant is None and "applicant" not in bad_keys:
            bad("applicant", "填写了身份证号，但没有申请人姓名")
    if isinstance(district, str) and district not in DISTRICTS_SHANWEI:
        bad("district", f"“{district}”不是本市的区县（可填：{'、'.join(DISTRICTS_SHANWEI)}）")
    if isinstance(kind, CaseKind):
        if kind is not CaseKind.MEDIATION and employer is None and "employer" not in bad_keys:
            bad("employer", f"{columns.KIND_TITLES[kind]}案件须填写用人单位")
        if kind is not CaseKind.INSPECTION and applicant is None:
            if "applicant" not in bad_keys:
                bad("applicant", f"{columns.KIND_TITLES[kind]}案件须填写申请人")
    if uscc is not None and employer is None and "employer" not in bad_keys:
        bad("employer", "填写了统一社会信用代码，但没有用人单位名称")
    if problems:
        return problems
    assert isinstance(case_no, str) and isinstance(kind, CaseKind) and isinstance(received, dt.date)
    return LedgerRow(
        row=rowno,
        case_no=case_no,
        kind=kind,
        received_on=received,
        accepted_on=accepted if isinstance(accepted, dt.date) else None,
        closed_on=closed if isinstance(closed, dt.date) else None,
        outcome=outcome if isinstance(outcome, Outcome) else None,
        migrant_worker=bool(migrant),
        workers=workers if isinstance(workers, int) else None,
        amount_claimed=claimed if isinstance(claimed, Decimal) else Decimal("0.00"),
        amount_recovered=recovered if isinstance(recovered, Decimal) else Decimal("0.00"),
        employer=employer if isinstance(employer, str) else None,
        uscc=uscc if isinstance(uscc, str) else None,
        district=district if isinstance(district, str) else None,
        applicant=applicant if isinstance(applicant, str) else None,
        id_number=id_number if isinstance(id_number, str) else None,
        claim_type=claim_type if isinstance(claim_type, ClaimType) else ClaimType.WAGES,
    )


def file_problems(table: Table, default_kind: CaseKind | None) -> list[Rejection]:
    """What is wrong with the file as a whole (missing or doubled columns), before any row."""
    out: list[Rejection] = []
    present = set(table.fields.values())
    for col in columns.COLUMNS:
        if col.required and col.key not in present:
            out.append(Rejection(table.header_row, col.title, f"缺少必需的列“{col.title}”"))
    if "kind" not in present and default_kind is None:
        out.append(
            Rejection(table.header_row, "案件类型", "缺少“案件类型”列；请添加该列，或在导入时指定案件类型")
        )
    for title in table.duplicates:
        out.append(Rejection(table.header_row, title, f"“{title}”列出现了不止一次"))
    return out


# --------------------------------------------------------------------------- to and from the planning processes
# Plain tuples, not the dataclasses: pickling 100,000 LedgerRows (dates, Decimals, enums)
# cost the importing process two seconds.


def pack_row(r: LedgerRow) -> tuple[Any, ...]:
    """A LedgerRow as a tuple of text and numbers."""
    return (r.row, r.case_no, r.kind.value, r.received_on.toordinal(), _ordinal(r.accepted_on),
            _ordinal(r.closed_on), r.outcome.value if r.outcome is not None else None, r.migrant_worker,
            r.workers, str(r.amount_claimed), str(r.amount_recovered), r.employer, r.uscc, r.district,
            r.applicant, r.id_number, r.claim_type.value)  # fmt: skip


def unpack_row(t: tuple[Any, ...]) -> LedgerRow:
    day = dt.date.fromordinal
    return LedgerRow(row=t[0], case_no=t[1], kind=CaseKind(t[2]), received_on=day(t[3]),
                     accepted_on=day(t[4]) if t[4] is not None else None,
                     closed_on=day(t[5]) if t[5] is not None else None,
                     outcome=Outcome(t[6]) if t[6] is not None else None, migrant_worker=t[7], workers=t[8],
                     amount_claimed=Decimal(t[9]), amount_recovered=Decimal(t[10]), employer=t[11], uscc=t[12],
                     district=t[13], applicant=t[14], id_number=t[15], claim_type=ClaimType(t[16]))  # fmt: skip


def _ordinal(day: dt.date | None) -> int | None:
    return day.toordinal() if day is not None else None


def check_batch(data: bytes) -> bytes:
    """A planning process's side of checking a large file (``ledger_import``): ``parse_row`` over a
    pickled batch, the rows packed as :func:`pack_row` does."""
    batch, table, default_kind, today = pickle.loads(data)
    memo: dict[str, dict[str, object]] = {}
    packed: list[tuple[bool, Any]] = []
    for n, cells in batch:
        parsed = parse_row(n, cells, table, default_kind, today, memo)
        packed.append((False, parsed) if isinstance(parsed, list) else (True, pack_row(parsed)))
    return pickle.dumps(packed, pickle.HIGHEST_PROTOCOL)


def unpack_checked(data: bytes) -> list[LedgerRow | list[Rejection]]:
    """What :func:`check_batch` sent back, as rows and lists of problems."""
    return [unpack_row(x) if ok else x for ok, x in pickle.loads(data)]
