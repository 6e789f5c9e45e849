"""Exporting cases as a ledger (.xlsx or .csv) that the importer reads back unchanged.

* The columns are the importer's own (``columns.COLUMNS``) plus a few read-only ones
  (status, flags) the importer ignores, so export → import is a round trip.
* Real values, not text: dates are Excel dates, amounts are numbers formatted as yuan
  (``¥#,##0.00``), counts are integers; the header row is frozen and columns have widths.
* Personal data: ID numbers are masked unless the actor may export them
  (``personal_data.export``, casemgr.privacy; such an export is audited), and a 举报
  reporter never appears at all (劳动保障监察条例 Art. 9), whoever exports.
* Text that starts with ``= + - @`` (also after a tab or CR) is written as text (xlsx) or
  prefixed with ``'`` (csv), so a party name can never become a formula in the supervisor's
  spreadsheet (``casemgr.celltext``, shared by every workbook the program writes).
* Cases are read in pages of :data:`PAGE` by id (keyset), never all at once, inside one
  *read* transaction: exporting 380,000 cases takes a minute, and a colleague saving a
  case meanwhile must not wait for it (a write transaction held SQLite's write lock for
  the whole export, and their save failed after the 10 s busy timeout). Only the audit
  entry is written, in its own short transaction after the file is complete; the file is
  written under a temporary name and appears under its real name only once the export is
  audited, so there is never an unaudited export of personal data.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from casemgr import audit, celltext, db, permissions, privacy, validation
from casemgr.actor import Actor
from casemgr.enums import CaseKind, ClaimType, Outcome, PartyRole
from casemgr.errors import ValidationError
from casemgr.io import columns
from casemgr.models import Case, CaseParty, ClaimItem, Employer, Person

PAGE = 2000
YUAN_FORMAT = "¥#,##0.00"
DATE_FORMAT = "yyyy-mm-dd"

#: (key, title, width, kind of value) in export order; keys beyond the importer's are read-only.
EXPORT_COLUMNS: tuple[tuple[str, str, int, str], ...] = (
    ("case_no", "案号", 30, "text"),
    ("kind", "案件类型", 10, "text"),
    ("received_on", "收案日期", 12, "date"),
    ("accepted_on", "受理日期", 12, "date"),
    ("closed_on", "结案日期", 12, "date"),
    ("outcome", "结案方式", 12, "text"),
    ("migrant_worker", "是否农民工", 10, "text"),
    ("workers", "涉及人数", 10, "int"),
    ("amount_claimed", "申请金额", 16, "money"),
    ("amount_recovered", "追回金额", 16, "money"),
    ("employer", "用人单位", 32, "text"),
    ("uscc", "统一社会信用代码", 22, "text"),
    ("district", "所属区县", 12, "text"),
    ("applicant", "申请人", 12, "text"),
    ("id_number", "身份证号", 22, "text"),
    ("claim_type", "请求类型", 10, "text"),
    ("status", "状态", 14, "text"),
    ("green_channel", "绿色通道", 10, "text"),
)


@dataclass(frozen=True)
class ExportFilter:
    """What to export: the same filters the case list offers (received date range)."""

    kind: CaseKind | None = None
    date_from: dt.date | None = None  # received_on >= date_from
    date_to: dt.date | None = None  # received_on <= date_to
    status: str | None = None
    district: str | None = None
    # Extra SQL conditions on ``cases``: the app's "export this list" passes the list's own
    # filters (casemgr.queries.CaseQuery), so the file holds exactly the cases on screen.
    where: tuple[Any, ...] = ()


@dataclass(frozen=True)
class ExportResult:
    path: str
    rows: int
    masked: bool


def _query(f: ExportFilter, after_id: int) -> Select[tuple[Case, Employer | None]]:
    q = select(Case, Employer).outerjoin(Employer, Case.employer_id == Employer.id).where(Case.id > after_id)
    if f.kind is not None:
        q = q.where(Case.kind == CaseKind(f.kind).value)
    if f.date_from is not None:
        q = q.where(Case.received_on >= f.date_from)
    if f.date_to is not None:
        q = q.where(Case.received_on <= f.date_to)
    if f.status is not None:
        q = q.where(Case.status == f.status)
    if f.district is not None:
        q = q.where(Case.district == f.district)
    if f.where:
        q = q.where(*f.where)
    return q.order_by(Case.id).limit(PAGE)


WORKER_ROLES = (PartyRole.APPLICANT.value, PartyRole.COMPLAINANT.value, PartyRole.REPORTER.value)


def iter_rows(session: Session, actor: Actor, f: ExportFilter) -> Iterator[dict[str, object]]:
    """The export rows as plain values, page by page (also used by the app's "export list")."""
    unmask = {k: permissions.allowed(actor, "personal_data.export", k) for k in CaseKind}
    last = 0
    while True:
        page = session.execute(_query(f, last)).all()
        if not page:
            return
        ids = [c.id for c, _ in page]
        people: dict[int, tuple[str, Person]] = {}
        for cp_case, role, person in session.execute(
            select(CaseParty.case_id, CaseParty.role, Person)
            .join(Person, CaseParty.person_id == Person.id)
            .where(CaseParty.case_id.in_(ids), CaseParty.role.in_(WORKER_ROLES))
            .order_by(CaseParty.id)
        ):
            people.setdefault(cp_case, (role, person))
        claim_types: dict[int, str] = {}
        for cid, ct in session.execute(
            select(ClaimItem.case_id, ClaimItem.claim_type)
            .where(ClaimItem.case_id.in_(ids))
            .order_by(ClaimItem.id)
        ):
            claim_types.setdefault(cid, ct)
        for case, employer in page:
            kind = CaseKind(case.kind)
            role_person = people.get(case.id)
            name = id_number = None
            if role_person is not None and not privacy.is_confidential_reporter(case, role_person[0]):
                person = role_person[1]
                name = person.name
                id_number = person.id_number if unmask[kind] else privacy.mask_id_number(person.id_number)
            outcome = Outcome(case.outcome) if case.outcome else None
            yield {
                "case_no": case.number,
                "kind": columns.KIND_TITLES[kind],
                "received_on": case.received_on,
                "accepted_on": case.accepted_on,
                "closed_on": case.closed_on,
                "outcome": columns.OUTCOME_TITLES[(kind, outcome)] if outcome else None,
                "migrant_worker": "是" if case.migrant_worker else "否",
                "workers": case.workers,
                "amount_claimed": case.amount_claimed,
                "amount_recovered": case.amount_recovered,
                "employer": employer.name if employer else None,
                "uscc": employer.uscc if employer else None,
                "district": case.district,
                "applicant": name,
                "id_number": id_number,
                "claim_type": columns.CLAIM_TITLES[ClaimType(claim_types[case.id])]
                if case.id in claim_types
                else None,
                "status": case.status,
                "green_channel": "是" if case.green_channel else "否",
                "_unmasked": bool(id_number) and unmask[kind],
                "_case_id": case.id,
            }
        last = ids[-1]
        session.expunge_all()


def _write_xlsx(path: Path, rows: Iterator[dict[str, object]]) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("案件台账")
    ws.freeze_panes = "A2"
    for i, (_, _, width, _) in enumerate(EXPORT_COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    head_font = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="DDEBF7")
    header = []
    for _, title, _, _ in EXPORT_COLUMNS:
        c = WriteOnlyCell(ws, value=title)
        c.font = head_font
        c.fill = head_fill
        c.alignment = Alignment(horizontal="center")
        header.append(c)
    ws.append(header)
    n = 0
    for row in rows:
        out = []
        for key, _, _, kind in EXPORT_COLUMNS:
            value = row.get(key)
            cell = WriteOnlyCell(ws, value=value)
            if kind == "date" and value is not None:
                cell.number_format = DATE_FORMAT
            elif kind == "money" and value is not None:
                cell.number_format = YUAN_FORMAT
            elif kind == "text" and isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever the text starts with
                celltext.make_text(cell)  # and stays text when edited in Excel
            out.append(cell)
        ws.append(out)
        n += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return n


def _write_csv(path: Path, rows: Iterator[dict[str, object]]) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    # UTF-8 with BOM: Excel on a Chinese Windows opens it correctly by double-click.
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow([title for _, title, _, _ in EXPORT_COLUMNS])
        for row in rows:
            out: list[str] = []
            for key, _, _, _kind in EXPORT_COLUMNS:
                value = row.get(key)
                if value is None:
                    out.append("")
                elif isinstance(value, dt.date):
                    out.append(value.isoformat())
                elif isinstance(value, Decimal):
                    out.append(f"{value:.2f}")
                elif isinstance(value, str):
                    out.append(celltext.csv_text(value))
                else:
                    out.append(str(value))
            w.writerow(out)
            n += 1
    return n


def export_cases(
    database: db.Database,
    actor: Actor,
    path: Path,
    f: ExportFilter | Callable[[Session], ExportFilter] | None = None,
    *,
    progress: Callable[[int], None] | None = None,
) -> ExportResult:
    """Write the filtered cases to ``path`` (.xlsx or .csv); audited, with unmasked IDs listed.

    Reads in one read transaction, then records the audit entry in a short write
    transaction (see the module's docstring). ``f`` may be a function of the read session
    (the app's "export this list" builds the list's own conditions in it).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ValidationError(
            "导出文件须以 .xlsx 或 .csv 结尾。", "The export file must end in .xlsx or .csv.", field="out"
        )
    if path.exists() and not path.is_file():
        # The file is renamed onto its name at the end: onto a device (/dev/null, run as
        # root) that would put a file where the device was.
        raise ValidationError(
            f"{path} 不是普通文件，不能作为导出文件。",
            f"{path} is not a regular file; it cannot be the export file.",
            field="out",
        )
    tmp = path.with_name(path.name + ".partial")
    unmasked_cases: list[int] = []
    try:
        with database.read() as s:
            if not db.is_sqlite(database.url):
                # One snapshot for all the pages, as SQLite's read transaction gives: a case
                # saved during the export is in the file whole or not at all.
                s.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            flt = (f(s) if callable(f) else f) or ExportFilter()
            permissions.require(actor, "data.export", flt.kind)
            if flt.date_from and flt.date_to and flt.date_from > flt.date_to:
                raise ValidationError(
                    "起始日期晚于截止日期。", "The start date is after the end date.", field="from"
                )
            validation.clean_district(flt.district)

            def tracked() -> Iterator[dict[str, object]]:
                for i, row in enumerate(iter_rows(s, actor, flt), start=1):
                    if row.get("_unmasked"):
                        unmasked_cases.append(int(row["_case_id"]))  # type: ignore[call-overload]
                    if progress is not None and i % PAGE == 0:
                        progress(i)
                    yield row

            n = _write_xlsx(tmp, tracked()) if suffix == ".xlsx" else _write_csv(tmp, tracked())
        with database.write() as s:
            audit.record(
                s,
                user_id=actor.user_id,
                username=actor.username,
                action="data.export",
                entity="export",
                entity_id=path.name,
                after={
                    "kind": flt.kind.value if flt.kind else None,
                    "from": flt.date_from,
                    "to": flt.date_to,
                    "rows": n,
                    "unmasked_cases": len(unmasked_cases),
                },
            )
        os.replace(tmp, path)
    except OSError as exc:
        raise ValidationError(
            f"无法写入导出文件 {path}：{exc.strerror}",
            f"Cannot write the export file {path}: {exc.strerror}",
            field="out",
        ) from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return ExportResult(str(path), n, masked=not unmasked_cases)
