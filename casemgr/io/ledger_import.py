"""Importing a ledger: check every row first, then write through the case services.

Decisions (see docs/ledger-import.md):

* **Validation first, all or nothing by default.** Every row is parsed and checked against
  the database before the first write. Any rejected row refuses the whole file unless the
  caller asks for ``all_or_nothing=False``; either way a rejection workbook lists row,
  column and reason in Chinese next to the row itself, so the clerk can fix it there and
  import that workbook again.
* **The case number is the key.** A number already in the database is skipped (re-importing
  a file creates nothing new); a number used twice in the file is rejected.
* **Through the services.** Each case goes through :func:`casemgr.services.cases.register_case`
  (numbering, parties matched by ID number / credit code, flags, clocks from receipt, audit);
  acceptance and closing then replay the workflow's own clock effects on the ledger's dates,
  recorded as ``imported`` events, so deadlines, statuses and indicators come out as if a
  clerk had entered the case by hand on those dates. Large files take the bulk path
  (:mod:`casemgr.io.bulk`), which writes the very same rows with multi-row INSERTs and is
  held to the service path by ``tests/test_import_bulk.py``.
* **One transaction.** The caller owns it (``Database.write()``); nothing is committed per
  row. The session is flushed and cleared every :data:`CHUNK` rows to keep memory flat.
"""

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from casemgr import audit, clock, permissions, snapshots, workflow
from casemgr.actor import Actor
from casemgr.deadlines import clocks
from casemgr.deadlines import rules as rules_mod
from casemgr.enums import CaseKind, Channel, ComplaintType, DeadlineState, EventKind, PartyRole
from casemgr.errors import KnownError
from casemgr.io import bulk, columns
from casemgr.io.ledger_rows import (
    LedgerRow,
    Rejection,
    column_title,
    file_problems,
    parse_row,
    unpack_checked,
)
from casemgr.io.planner_pool import Planners
from casemgr.io.readers import Table, read_table
from casemgr.models import Case, Person
from casemgr.services import cases, parties

CHUNK = 1000
#: Clock groups a ledger's dates decide: acceptance and each kind's overall time limit.
LEDGER_GROUPS = frozenset(
    {"accept", "supplement_notice", "award", "investigate", "mediation", "arbitration_right"}
)
LOOKUP_BATCH = 500


class ImportCancelled(KnownError):
    code = "import_cancelled"

    def __init__(self) -> None:
        super().__init__("导入已取消，没有写入任何数据。", "Import cancelled; nothing was written.")


def default_report_path(ledger: Path) -> Path:
    """Where the rejection workbook goes unless told: beside the ledger, named after it."""
    return ledger.with_name(f"{ledger.stem}-错误报告.xlsx")


@dataclass(frozen=True)
class ImportOptions:
    dry_run: bool = False
    all_or_nothing: bool = True
    kind: CaseKind | None = None  # the kind of every row when the file has no kind column
    report_path: Path | None = None  # where to write the rejection workbook (None: not written)
    today: dt.date | None = None
    bulk: bool = True  # casemgr.io.bulk (multi-row inserts); False: one register_case per row


@dataclass
class ImportResult:
    file: str
    rows: int = 0  # non-empty data rows
    valid: int = 0
    created: int = 0
    existing: int = 0  # case numbers already in the database: left as they are
    rejections: list[Rejection] = field(default_factory=list)
    rejected_rows: int = 0
    committed: bool = False  # rows were written in the caller's transaction
    dry_run: bool = False
    report_path: str | None = None
    notes: list[str] = field(default_factory=list)  # Chinese, e.g. columns not imported

    @property
    def refused(self) -> bool:
        return not self.committed and not self.dry_run and bool(self.rejections)


Progress = Callable[[str, int, int], None]  # (phase, done, total)
Cancelled = Callable[[], bool]


#: Rows per batch when the planning processes help checking a large file.
CHECK_BATCH = 2_000


def check_shared(
    planners: Planners,
    items: list[tuple[int, list[object]]],
    table: Table,
    default_kind: CaseKind | None,
    today: dt.date,
    memo: dict[str, dict[str, object]],
    tick: Callable[[int], None],
    done: int,
) -> list[LedgerRow | list[Rejection]]:
    """``parse_row`` over ``items``: every other batch here, the others in the planners.

    The results come back in file order; what depends on the rows before (duplicate case
    numbers) is decided by the caller. Rows and problems come back as plain tuples.
    """
    batches = [items[i : i + CHECK_BATCH] for i in range(0, len(items), CHECK_BATCH)]
    theirs = [b for i, b in enumerate(batches) if i % 2 == 1]
    portable = Table(table.header_row, table.headers, table.fields, iter(()))
    planners.begin(len(theirs))
    for batch in theirs:
        planners.submit(b"C" + pickle.dumps((batch, portable, default_kind, today), pickle.HIGHEST_PROTOCOL))
    mine: list[list[LedgerRow | list[Rejection]]] = []
    for i, batch in enumerate(batches):
        if i % 2 == 0:
            mine.append([parse_row(n, cells, table, default_kind, today, memo) for n, cells in batch])
            done += len(batch)
            tick(done)
    out: list[LedgerRow | list[Rejection]] = []
    mine_iter, their_results = iter(mine), planners.results(waiting=lambda: tick(done))
    for i, batch in enumerate(batches):
        if i % 2 == 0:
            out.extend(next(mine_iter))
        else:
            out.extend(unpack_checked(next(their_results)))
            done += len(batch)
            tick(done)
    return out


# --------------------------------------------------------------------------- database checks


def _chunks(items: Sequence[str], n: int = LOOKUP_BATCH) -> list[Sequence[str]]:
    return [items[i : i + n] for i in range(0, len(items), n)]


def _check_against_db(
    session: Session, rows: list[LedgerRow], table: Table
) -> tuple[list[LedgerRow], int, list[Rejection]]:
    """Rows to create, how many are already present, and conflicts with what is on file."""
    numbers = [r.case_no for r in rows]
    existing: dict[str, str] = {}
    for batch in _chunks(numbers):
        for number, kind in session.execute(select(Case.number, Case.kind).where(Case.number.in_(batch))):
            existing[number] = kind
    ids = sorted({r.id_number for r in rows if r.id_number})
    names: dict[str, str] = {}
    for batch in _chunks(ids):
        for idn, name in session.execute(
            select(Person.id_number, Person.name).where(Person.id_number.in_(batch))
        ):
            names[idn] = name
    todo: list[LedgerRow] = []
    present = 0
    problems: list[Rejection] = []
    seen_ids: dict[str, tuple[str, int]] = {}
    for r in rows:
        kind = existing.get(r.case_no)
        if kind is not None:
            if kind != r.kind.value:
                problems.append(
                    Rejection(
                        r.row, column_title(table, "case_no"), "该案号已登记为其他类型的案件", r.case_no
                    )
                )
            else:
                present += 1
            continue
        if r.id_number and r.applicant:
            on_file = names.get(r.id_number)
            if on_file is not None and on_file != r.applicant:
                problems.append(
                    Rejection(
                        r.row,
                        column_title(table, "id_number"),
                        f"该身份证号已登记为“{on_file}”，与本行姓名“{r.applicant}”不符",
                        columns.echo(r.id_number),
                    )
                )
                continue
            first = seen_ids.setdefault(r.id_number, (r.applicant, r.row))
            if first[0] != r.applicant:
                problems.append(
                    Rejection(
                        r.row,
                        column_title(table, "id_number"),
                        f"同一身份证号在第{first[1]}行姓名为“{first[0]}”，与本行“{r.applicant}”不符",
                        columns.echo(r.id_number),
                    )
                )
                continue
        todo.append(r)
    return todo, present, problems


# --------------------------------------------------------------------------- writing


def _case_input(r: LedgerRow) -> cases.CaseInput:
    worker_role = PartyRole.COMPLAINANT if r.kind is CaseKind.INSPECTION else PartyRole.APPLICANT
    persons: list[cases.PartyLink] = []
    if r.applicant:
        persons.append(
            cases.PartyLink(
                parties.PersonInput(name=r.applicant, id_number=r.id_number, migrant_worker=r.migrant_worker),
                worker_role,
            )
        )
    employer = (
        parties.EmployerInput(name=r.employer, uscc=r.uscc, district=r.district) if r.employer else None
    )
    complaint_type = None
    if r.kind is CaseKind.INSPECTION:
        # 粤条例 Art. 34: without a named worker asserting own rights, it is a report (举报).
        complaint_type = ComplaintType.COMPLAINT if r.applicant else ComplaintType.REPORT
    return cases.CaseInput(
        kind=r.kind,
        received_on=r.received_on,
        employer=employer,
        persons=persons,
        claims=[cases.ClaimInput(r.claim_type, r.amount_claimed, 0 if persons else None)],
        district=r.district,
        workers=r.workers,
        channel=Channel.IMPORT,
        complaint_type=complaint_type,
        number=r.case_no,
    )


_CLOCK_ACTIONS = {
    "start": clocks.start_group,
    "stop": clocks.stop_group,
    "cancel": clocks.cancel_group,
}


def _replay(session: Session, actor: Actor, case: Case, r: LedgerRow) -> None:
    """Acceptance and closing on the ledger's dates, with the workflow's clock effects.

    The case row is changed once (one UPDATE, one version bump), then the clocks and the
    imported events follow, so the result does not depend on when the ORM happens to flush.
    """
    kind = CaseKind(case.kind)
    received_status = case.status
    accept = workflow.get_transition(kind, "accept") if r.accepted_on is not None else None
    accepted_status = (accept.to_state or received_status) if accept is not None else received_status
    closing = r.closed_on is not None and r.outcome is not None
    if accept is not None:
        case.accepted_on = r.accepted_on
    if closing:
        assert r.outcome is not None
        case.closed_on = r.closed_on
        case.outcome = r.outcome.value
        case.status = workflow.terminal_status(kind, r.outcome)
    else:
        case.status = accepted_status
    if r.amount_recovered:
        case.amount_recovered = r.amount_recovered
    session.flush()
    if accept is not None:
        assert r.accepted_on is not None
        for eff in accept.clocks:
            fn = _CLOCK_ACTIONS.get(eff.action)
            if fn is not None and eff.group:
                start = case.received_on if eff.start_from == "received_on" else r.accepted_on
                fn(session, case, eff.group, start)
        cases.add_event(
            session,
            case,
            actor,
            EventKind.IMPORTED,
            occurred_on=r.accepted_on,
            action="accept",
            from_status=received_status,
            to_status=accepted_status,
        )
        # A ledger records receipt, acceptance and closing only. Clocks of the steps in between
        # (service, tribunal, notices) would otherwise show as breached for want of a date.
        for d in clocks.active_deadlines(case):
            if rules_mod.rule(session, d.rule_code).group not in LEDGER_GROUPS:
                d.state = DeadlineState.CANCELLED.value
                d.finished_on = r.closed_on or r.accepted_on
                d.note = "台账导入：台账未记录该环节的日期"
    if closing:
        assert r.closed_on is not None and r.outcome is not None
        clocks.stop_all(session, case, r.closed_on)
        cases.add_event(
            session,
            case,
            actor,
            EventKind.IMPORTED,
            occurred_on=r.closed_on,
            action="close",
            from_status=accepted_status,
            to_status=case.status,
            data={"outcome": r.outcome.value, "amount_recovered": r.amount_recovered},
        )


def _write_row(session: Session, actor: Actor, r: LedgerRow, today: dt.date) -> Case:
    case = cases.register_case(session, actor, _case_input(r), today=today)
    if r.accepted_on is None and r.closed_on is None and not r.amount_recovered:
        return case
    _replay(session, actor, case, r)
    session.flush()
    audit.record(
        session,
        user_id=actor.user_id,
        username=actor.username,
        action="case.import_history",
        entity="case",
        entity_id=case.id,
        after=snapshots.case_snapshot(case),
    )
    return case


# --------------------------------------------------------------------------- entry point


def import_ledger(
    session: Session,
    actor: Actor,
    path: Path,
    options: ImportOptions | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportResult:
    """Check and (unless refused or a dry run) write a ledger in the caller's transaction.

    A refused file writes nothing; the caller still commits harmlessly. A cancelled import
    raises :class:`ImportCancelled`, and the caller's transaction rolls back.
    """
    started: list[Planners] = []  # planning processes of a large file, always stopped
    try:
        return _import_ledger(session, actor, path, options, progress, cancelled, started)
    finally:
        for planners in started:
            planners.close()


def _import_ledger(
    session: Session,
    actor: Actor,
    path: Path,
    options: ImportOptions | None,
    progress: Progress | None,
    cancelled: Cancelled | None,
    started: list[Planners],
) -> ImportResult:
    opts = options or ImportOptions()
    today = opts.today or clock.today()
    permissions.require(actor, "data.import", opts.kind)  # kind None: any kind this role imports
    table = read_table(Path(path))
    result = ImportResult(file=str(path), dry_run=opts.dry_run)
    if table.unknown:
        result.notes.append("以下列不导入：" + "、".join(table.unknown))
    if table.encoding:
        result.notes.append(f"文件编码：{table.encoding}")
    rejections = file_problems(table, opts.kind)
    kept: list[tuple[int, list[object]]] = []  # every non-empty row, for the report
    rows: list[LedgerRow] = []
    bad_rows: set[int] = set()
    seen: dict[str, int] = {}
    memo: dict[str, dict[str, object]] = {}

    def take(rowno: int, parsed: LedgerRow | list[Rejection]) -> None:
        """One checked row, in file order: its problems, or a duplicate case number, or kept."""
        if isinstance(parsed, list):
            rejections.extend(parsed)
            bad_rows.add(rowno)
            return
        first = seen.get(parsed.case_no)
        if first is not None:
            rejections.append(
                Rejection(rowno, column_title(table, "case_no"), f"案号与第{first}行重复", parsed.case_no)
            )
            bad_rows.add(rowno)
            return
        seen[parsed.case_no] = rowno
        rows.append(parsed)

    def tick(done: int) -> None:
        if progress is not None:
            progress("check", done, 0)
        if cancelled is not None and cancelled():
            raise ImportCancelled()

    if not rejections:
        data_rows = ((n, c) for n, c in table.rows if not all(columns.is_blank(x) for x in c))
        for rowno, cells in data_rows:
            kept.append((rowno, cells))
            take(rowno, parse_row(rowno, cells, table, opts.kind, today, memo))
            if len(kept) % CHUNK == 0:
                tick(len(kept))
            if len(kept) == bulk.PARALLEL_MIN_ROWS and opts.bulk and not opts.dry_run:
                planners = bulk.start_planners(session, actor, today, LEDGER_GROUPS)
                if planners is not None:
                    started.append(planners)
                    # A large file: the planners, idle until the writing starts, check half the rest.
                    rest = list(data_rows)
                    kept.extend(rest)
                    checked = check_shared(
                        planners, rest, table, opts.kind, today, memo, tick, len(kept) - len(rest)
                    )
                    for (n, _), parsed in zip(rest, checked, strict=True):
                        take(n, parsed)
    result.rows = len(kept)
    for kind in sorted({r.kind for r in rows}):
        if not permissions.allowed(actor, "data.import", kind):
            rejections.append(Rejection(0, "案件类型", f"您的角色无权导入{columns.KIND_TITLES[kind]}案件"))
    todo, result.existing, db_problems = _check_against_db(session, rows, table)
    rejections.extend(db_problems)
    bad_rows.update(p.row for p in db_problems)
    result.valid = len(todo) + result.existing
    rejections.sort(key=lambda p: (p.row, p.column))
    result.rejections = rejections
    result.rejected_rows = len({p.row for p in rejections})
    if rejections and opts.report_path is not None:
        from casemgr.io.report import write_rejection_report

        only_bad = not opts.all_or_nothing
        write_rejection_report(opts.report_path, table, kept, rejections, only_rejected=only_bad)
        result.report_path = str(opts.report_path)
    if opts.dry_run or (rejections and opts.all_or_nothing):
        return result
    total = len(todo)
    # The bulk path does not pass through register_case, so it asks the same questions here.
    for kind in sorted({r.kind for r in todo}):
        permissions.require(actor, "case.register", kind)
    if todo:
        permissions.require(actor, "party.register")
    if opts.bulk:
        writer = bulk.BulkWriter(session, actor, today, LEDGER_GROUPS)
        written = 0

        def after_chunk(n: int) -> None:
            nonlocal written
            written += n
            if progress is not None:
                progress("write", written, total)
            if cancelled is not None and cancelled():
                raise ImportCancelled()

        try:
            writer.run(todo, CHUNK, after_chunk, started[0] if started else None)
        finally:
            writer.close()  # before the caller commits or rolls back
    else:
        for i, r in enumerate(todo, start=1):
            _write_row(session, actor, r, today)
            if cancelled is not None and cancelled():
                raise ImportCancelled()
            if i % CHUNK == 0:
                session.flush()
                session.expunge_all()  # everything is flushed; keep memory flat on big files
                if progress is not None:
                    progress("write", i, total)
    session.flush()
    if progress is not None:
        progress("write", total, total)
    result.created = total
    result.committed = True
    if total:
        audit.record(
            session,
            user_id=actor.user_id,
            username=actor.username,
            action="ledger.import",
            entity="ledger",
            entity_id=Path(path).name,
            after={
                "file": Path(path).name,
                "rows": result.rows,
                "created": result.created,
                "existing": result.existing,
                "rejected_rows": result.rejected_rows,
            },
        )
    return result


__all__ = [
    "ImportCancelled",
    "ImportOptions",
    "ImportResult",
    "default_report_path",
    "import_ledger",
]
