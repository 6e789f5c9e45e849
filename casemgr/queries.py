"""Read-only list queries for the UI: paged case lists, the case file, employer pages.

Why it looks like this:

* A list never loads all cases. ``CaseQuery.page`` first selects only the ids of one
  page (``ORDER BY .. LIMIT .. OFFSET`` on the ``ix_cases_kind_*`` indexes), then loads the
  display columns of those ids. The correlated look-ups (first worker's name, next due
  date, assignee) therefore run for at most one page of rows, however the list is sorted.
* Rows are frozen dataclasses, so they can cross from the worker thread to the GUI
  thread; no ORM object leaves the session (STYLE.md §9.3).
* Text search goes through ``casemgr.search.search_case_ids`` (the indexed search) when it
  is installed; until then a LIKE fallback keeps the feature working on small databases.
* SQL only here, no Qt (the UI's item models wrap these).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, and_, exists, func, or_, select
from sqlalchemy import case as sql_case
from sqlalchemy.orm import Session, aliased

from casemgr.enums import CaseKind, DeadlineState, PartyRole
from casemgr.errors import NotFoundError
from casemgr.models import (
    Case,
    CaseParty,
    ClaimItem,
    Deadline,
    Document,
    Employer,
    Event,
    Person,
    User,
    fen_to_yuan,
)

#: States of a case that is still being worked on are those without an outcome/closure date.
OPEN_DEADLINE_STATES = (DeadlineState.RUNNING.value, DeadlineState.PAUSED.value)
SEARCH_LIMIT = 5000

#: Sortable columns: name -> SQL expression on ``cases``. Names are what the UI passes.
SORT_COLUMNS: dict[str, Any] = {
    "number": Case.number,
    "received_on": Case.received_on,
    "status": Case.status,
    "district": Case.district,
    "amount_claimed": Case.amount_claimed,
    "workers": Case.workers,
    "closed_on": Case.closed_on,
}


@dataclass(frozen=True)
class CaseFilters:
    """What a list shows. ``None`` means "any"."""

    status: str | None = None
    statuses: tuple[str, ...] = ()
    district: str | None = None
    received_from: dt.date | None = None
    received_to: dt.date | None = None
    green_channel: bool | None = None
    collective: bool | None = None
    supervised: bool | None = None
    assigned_user_id: int | None = None
    overdue: bool = False
    open_only: bool = False
    employer_id: int | None = None


@dataclass(frozen=True)
class CaseRow:
    """One line of a case list."""

    id: int
    number: str
    kind: str
    status: str
    district: str | None
    received_on: dt.date
    closed_on: dt.date | None
    outcome: str | None
    employer_name: str | None
    worker_name: str | None
    amount_claimed: Decimal
    amount_recovered: Decimal
    workers: int
    green_channel: bool
    collective: bool
    supervised: bool
    migrant_worker: bool
    assigned_to: str | None
    due_on: dt.date | None
    version: int


@dataclass(frozen=True)
class CaseQuery:
    """A case list: kind, filters, sort and search. Immutable; ``with_*`` make changed copies."""

    kind: CaseKind | str | None = None
    filters: CaseFilters = field(default_factory=CaseFilters)
    sort: str = "received_on"
    descending: bool = True
    search: str = ""
    today: dt.date | None = None

    def with_sort(self, column: str, descending: bool) -> CaseQuery:
        return replace(self, sort=column, descending=descending)

    def with_search(self, text: str) -> CaseQuery:
        return replace(self, search=text.strip())

    def with_filters(self, filters: CaseFilters) -> CaseQuery:
        return replace(self, filters=filters)

    # ------------------------------------------------------------------ SQL

    def _where(self, session: Session) -> list[Any]:
        f = self.filters
        today = self.today or dt.date.today()
        cond: list[Any] = []
        if self.kind is not None:
            cond.append(Case.kind == CaseKind(self.kind).value)
        if f.status:
            cond.append(Case.status == f.status)
        if f.statuses:
            cond.append(Case.status.in_(f.statuses))
        if f.district:
            cond.append(Case.district == f.district)
        if f.received_from:
            cond.append(Case.received_on >= f.received_from)
        if f.received_to:
            cond.append(Case.received_on <= f.received_to)
        if f.green_channel is not None:
            cond.append(Case.green_channel.is_(f.green_channel))
        if f.collective is not None:
            cond.append(Case.collective.is_(f.collective))
        if f.supervised is not None:
            cond.append(Case.supervised.is_(f.supervised))
        if f.assigned_user_id is not None:
            cond.append(Case.assigned_user_id == f.assigned_user_id)
        if f.employer_id is not None:
            cond.append(Case.employer_id == f.employer_id)
        if f.open_only:
            cond.append(Case.closed_on.is_(None))
        if f.overdue:
            cond.append(
                exists().where(
                    Deadline.case_id == Case.id,
                    or_(
                        and_(Deadline.state == DeadlineState.RUNNING.value, Deadline.due_on < today),
                        Deadline.state == DeadlineState.BREACHED.value,
                    ),
                )
            )
        if self.search:
            ids = search_case_ids(session, self.search, kind=self.kind)
            cond.append(Case.id.in_(ids) if ids else Case.id.is_(None))
        return cond

    def _ids_select(self, session: Session) -> Select[Any]:
        col = SORT_COLUMNS.get(self.sort, Case.received_on)
        order = [col.desc(), Case.id.desc()] if self.descending else [col.asc(), Case.id.asc()]
        return select(Case.id).where(*self._where(session)).order_by(*order)

    def count(self, session: Session) -> int:
        stmt = select(func.count()).select_from(Case).where(*self._where(session))
        return int(session.execute(stmt).scalar_one())

    def page_ids(self, session: Session, offset: int, limit: int) -> list[int]:
        stmt = self._ids_select(session).offset(offset).limit(limit)
        return list(session.execute(stmt).scalars())

    def page(self, session: Session, offset: int, limit: int) -> list[CaseRow]:
        """One page of rows, in list order."""
        return case_rows(session, self.page_ids(session, offset, limit), today=self.today)


def case_rows(session: Session, ids: Sequence[int], today: dt.date | None = None) -> list[CaseRow]:
    """Display rows for ``ids``, in the order given (one query for the whole page)."""
    if not ids:
        return []
    worker_roles = (PartyRole.APPLICANT.value, PartyRole.COMPLAINANT.value)
    cp = aliased(CaseParty)
    worker = (
        select(Person.name)
        .join(cp, cp.person_id == Person.id)
        .where(cp.case_id == Case.id, cp.role.in_(worker_roles))
        .order_by(cp.id)
        .limit(1)
        .scalar_subquery()
    )
    # The state test sits inside the aggregate on purpose: as a WHERE term SQLite picks
    # ix_deadlines_state_due and scans every running clock for each row (6 s a page at
    # 300k cases); with case_id alone it uses ix_deadlines_case.
    due = (
        select(
            func.min(sql_case((Deadline.state == DeadlineState.RUNNING.value, Deadline.due_on), else_=None))
        )
        .where(Deadline.case_id == Case.id)
        .scalar_subquery()
    )
    stmt = (
        select(Case, Employer.name, worker, User.display_name, due)
        .outerjoin(Employer, Employer.id == Case.employer_id)
        .outerjoin(User, User.id == Case.assigned_user_id)
        .where(Case.id.in_(list(ids)))
    )
    by_id: dict[int, CaseRow] = {}
    for c, emp_name, worker_name, assignee, due_on in session.execute(stmt):
        by_id[c.id] = CaseRow(
            id=c.id,
            number=c.number,
            kind=c.kind,
            status=c.status,
            district=c.district,
            received_on=c.received_on,
            closed_on=c.closed_on,
            outcome=c.outcome,
            employer_name=emp_name,
            worker_name=worker_name,
            amount_claimed=c.amount_claimed,
            amount_recovered=c.amount_recovered,
            workers=c.workers,
            green_channel=c.green_channel,
            collective=c.collective,
            supervised=c.supervised,
            migrant_worker=c.migrant_worker,
            assigned_to=assignee,
            due_on=due_on,
            version=c.version,
        )
    return [by_id[i] for i in ids if i in by_id]


def search_case_ids(session: Session, text: str, *, kind: CaseKind | str | None = None) -> list[int]:
    """Ids of cases matching ``text`` (number, party or employer name, ID number, credit code)."""
    text = text.strip()
    if not text:
        return []
    try:
        from casemgr import search as _search
    except ImportError:
        _search = None  # type: ignore[assignment]
    if _search is not None and hasattr(_search, "search_case_ids"):
        return list(_search.search_case_ids(session, text, kind=kind, limit=SEARCH_LIMIT))
    return _like_search(session, text, kind)


def _like_search(session: Session, text: str, kind: CaseKind | str | None) -> list[int]:
    """Fallback until the indexed search lands: LIKE on number, names, exact ID/credit code."""
    like = f"%{text.replace('%', '').replace('_', '')}%"
    upper = text.upper()
    person_ids = select(Person.id).where(or_(Person.name.like(like), Person.id_number == upper))
    employer_ids = select(Employer.id).where(or_(Employer.name.like(like), Employer.uscc == upper))
    party_case_ids = select(CaseParty.case_id).where(
        or_(CaseParty.person_id.in_(person_ids), CaseParty.employer_id.in_(employer_ids))
    )
    stmt = select(Case.id).where(or_(Case.number.like(like), Case.id.in_(party_case_ids)))
    if kind is not None:
        stmt = stmt.where(Case.kind == CaseKind(kind).value)
    return list(session.execute(stmt.limit(SEARCH_LIMIT)).scalars())


# --------------------------------------------------------------------------- case file


@dataclass(frozen=True)
class PartyRow:
    role: str
    name: str
    is_employer: bool
    id_number: str | None  # resident ID or credit code, unmasked (the UI masks per permission)
    phone: str | None
    migrant_worker: bool
    person_id: int | None
    employer_id: int | None


@dataclass(frozen=True)
class ClaimRow:
    id: int
    worker_name: str | None
    claim_type: str
    months: int | None
    amount_claimed: Decimal
    amount_verified: Decimal | None
    amount_ordered: Decimal | None
    amount_paid: Decimal
    final_award: bool | None


@dataclass(frozen=True)
class DeadlineRow:
    id: int
    rule_code: str
    rule_name_zh: str | None
    rule_name_en: str | None
    citation: str | None
    day_type: str | None
    max_extension_days: int | None
    started_on: dt.date
    due_on: dt.date
    state: str
    paused_on: dt.date | None
    extended_days: int
    extension_requested_on: dt.date | None
    extension_approved: bool
    # Counted as if the year had only weekends; shown with this note (deadlines.clocks).
    provisional: bool = False
    provisional_zh: str | None = None
    provisional_en: str | None = None


@dataclass(frozen=True)
class EventRow:
    id: int
    kind: str
    action: str | None
    occurred_on: dt.date
    recorded_at: dt.datetime
    user_name: str | None
    from_status: str | None
    to_status: str | None
    data: dict[str, Any]
    note: str | None


@dataclass(frozen=True)
class DocumentRow:
    id: int
    doc_type: str
    title: str
    filename: str
    created_at: dt.datetime


@dataclass(frozen=True)
class CaseDetail:
    """Everything the case file shows, as plain data."""

    row: CaseRow
    accepted_on: dt.date | None
    outcome_note: str | None
    summary: str | None
    channel: str
    complaint_type: str | None
    simple_procedure: bool
    final_award: bool
    wage_arrears: bool
    employer_id: int | None
    assigned_user_id: int | None
    source_case_id: int | None
    source_case_number: str | None
    derived_cases: tuple[tuple[int, str], ...]
    updated_at: dt.datetime
    updated_by: str | None
    parties: tuple[PartyRow, ...]
    claims: tuple[ClaimRow, ...]
    deadlines: tuple[DeadlineRow, ...]
    events: tuple[EventRow, ...]
    documents: tuple[DocumentRow, ...]


def case_detail(session: Session, case_id: int) -> CaseDetail:
    case = session.get(Case, case_id)
    if case is None:
        raise NotFoundError("案件不存在。", "No such case.")
    row = case_rows(session, [case_id])[0]
    parties: list[PartyRow] = []
    for cp in case.parties:
        if cp.person is not None:
            p = cp.person
            parties.append(
                PartyRow(cp.role, p.name, False, p.id_number, p.phone, p.migrant_worker, p.id, None)
            )
        elif cp.employer is not None:
            e = cp.employer
            parties.append(PartyRow(cp.role, e.name, True, e.uscc, e.phone, False, None, e.id))
    claims = tuple(
        ClaimRow(
            c.id,
            c.person.name if c.person else None,
            c.claim_type,
            c.months,
            c.amount_claimed,
            c.amount_verified,
            c.amount_ordered,
            c.amount_paid,
            c.final_award,
        )
        for c in case.claims
    )
    rules = _rules_by_code(session, {d.rule_code for d in case.deadlines})
    deadlines = tuple(
        DeadlineRow(
            d.id,
            d.rule_code,
            *rules.get(d.rule_code, (None, None, None, None, None)),
            d.started_on,
            d.due_on,
            d.state,
            d.paused_on,
            d.extended_days,
            d.extension_requested_on,
            d.extension_approved_by_id is not None,
            *_provisional(session, d),
        )
        for d in case.deadlines
    )
    ev_stmt = (
        select(Event, User.display_name)
        .outerjoin(User, User.id == Event.user_id)
        .where(Event.case_id == case_id)
        .order_by(Event.occurred_on, Event.id)
    )
    events = tuple(
        EventRow(
            e.id,
            e.kind,
            e.action,
            e.occurred_on,
            e.recorded_at,
            uname,
            e.from_status,
            e.to_status,
            _json(e.data),
            e.note,
        )
        for e, uname in session.execute(ev_stmt)
    )
    docs = tuple(
        DocumentRow(d.id, d.doc_type, d.title, d.filename, d.created_at)
        for d in session.execute(
            select(Document.id, Document.doc_type, Document.title, Document.filename, Document.created_at)
            .where(Document.case_id == case_id)
            .order_by(Document.id)
        )
    )
    source_number = None
    if case.source_case_id is not None:
        source_number = session.execute(
            select(Case.number).where(Case.id == case.source_case_id)
        ).scalar_one_or_none()
    derived = tuple(
        (i, n)
        for i, n in session.execute(
            select(Case.id, Case.number).where(Case.source_case_id == case_id).order_by(Case.id)
        )
    )
    updated_by = session.get(User, case.updated_by_id).display_name if case.updated_by_id else None
    return CaseDetail(
        row=row,
        accepted_on=case.accepted_on,
        outcome_note=case.outcome_note,
        summary=case.summary,
        channel=case.channel,
        complaint_type=case.complaint_type,
        simple_procedure=case.simple_procedure,
        final_award=case.final_award,
        wage_arrears=case.wage_arrears,
        employer_id=case.employer_id,
        assigned_user_id=case.assigned_user_id,
        source_case_id=case.source_case_id,
        source_case_number=source_number,
        derived_cases=derived,
        updated_at=case.updated_at,
        updated_by=updated_by,
        parties=tuple(parties),
        claims=claims,
        deadlines=deadlines,
        events=events,
        documents=docs,
    )


def _rules_by_code(
    session: Session, codes: set[str]
) -> dict[str, tuple[str | None, str | None, str | None, str | None, int | None]]:
    """Names and citations from the rule set (administrator rows over the shipped defaults)."""
    if not codes:
        return {}
    from casemgr.deadlines import rules as rules_mod

    known = rules_mod.all_rules(session)
    return {
        c: (r.name_zh, r.name_en, r.citation, r.day_type, r.extension_days)
        for c in codes
        if (r := known.get(c)) is not None
    }


def _json(raw: str | None) -> dict[str, Any]:
    if not raw:
        return {}
    try:
        value = json.loads(raw)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {"value": value}


# --------------------------------------------------------------------------- employers


@dataclass(frozen=True)
class EmployerRow:
    id: int
    name: str
    uscc: str | None
    district: str | None
    legal_rep: str | None
    key_monitoring: bool
    blacklisted: bool
    cases_total: int
    open_cases: int


@dataclass(frozen=True)
class EmployerSummary:
    """The employer page header: history is a query because parties are reused rows."""

    id: int
    name: str
    uscc: str | None
    legal_rep: str | None
    district: str | None
    industry: str | None
    address: str | None
    phone: str | None
    key_monitoring: bool
    key_monitoring_since: dt.date | None
    blacklisted_on: dt.date | None
    blacklisted_until: dt.date | None
    cases_total: int
    open_cases: int
    cases_by_kind: dict[str, int]
    amount_claimed: Decimal
    amount_recovered: Decimal
    workers: int
    complaints_90d: int


def employer_summary(session: Session, employer_id: int, today: dt.date | None = None) -> EmployerSummary:
    today = today or dt.date.today()
    e = session.get(Employer, employer_id)
    if e is None:
        raise NotFoundError("用人单位不存在。", "No such employer.")
    by_kind: dict[str, int] = {}
    total = open_ = workers = 0
    claimed = recovered = Decimal("0.00")
    stmt = (
        select(
            Case.kind,
            func.count(),
            _open_sum(),
            func.sum(Case.amount_claimed),
            func.sum(Case.amount_recovered),
            func.coalesce(func.sum(Case.workers), 0),
        )
        .where(Case.employer_id == employer_id)
        .group_by(Case.kind)
    )
    for kind, n, n_open, c_sum, r_sum, w_sum in session.execute(stmt):
        by_kind[kind] = int(n)
        total += int(n)
        open_ += int(n_open or 0)
        claimed += c_sum or Decimal("0.00")
        recovered += r_sum or Decimal("0.00")
        workers += int(w_sum or 0)
    complaints = session.execute(
        select(func.count())
        .select_from(Case)
        .where(
            Case.employer_id == employer_id,
            Case.kind == CaseKind.INSPECTION.value,
            Case.received_on > today - dt.timedelta(days=90),
        )
    ).scalar_one()
    blacklisted = e.blacklisted_on is not None and (
        e.blacklisted_until is None or e.blacklisted_until >= today
    )
    return EmployerSummary(
        id=e.id,
        name=e.name,
        uscc=e.uscc,
        legal_rep=e.legal_rep,
        district=e.district,
        industry=e.industry,
        address=e.address,
        phone=e.phone,
        key_monitoring=e.key_monitoring,
        key_monitoring_since=e.key_monitoring_since,
        blacklisted_on=e.blacklisted_on if blacklisted else None,
        blacklisted_until=e.blacklisted_until if blacklisted else None,
        cases_total=total,
        open_cases=open_,
        cases_by_kind=by_kind,
        amount_claimed=claimed,
        amount_recovered=recovered,
        workers=workers,
        complaints_90d=int(complaints),
    )


def _open_sum() -> Any:
    from sqlalchemy import case as sql_case

    return func.sum(sql_case((Case.closed_on.is_(None), 1), else_=0))


@dataclass(frozen=True)
class EmployerQuery:
    """The employer list: search by name or credit code, newest first, paged."""

    search: str = ""
    key_monitoring: bool | None = None

    def _where(self) -> list[Any]:
        cond: list[Any] = []
        s = self.search.strip()
        if s:
            like = f"%{s.replace('%', '').replace('_', '')}%"
            cond.append(or_(Employer.name.like(like), Employer.uscc == s.upper()))
        if self.key_monitoring is not None:
            cond.append(Employer.key_monitoring.is_(self.key_monitoring))
        return cond

    def count(self, session: Session) -> int:
        return int(
            session.execute(select(func.count()).select_from(Employer).where(*self._where())).scalar_one()
        )

    def page(
        self, session: Session, offset: int, limit: int, today: dt.date | None = None
    ) -> list[EmployerRow]:
        today = today or dt.date.today()
        emps = list(
            session.execute(
                select(Employer)
                .where(*self._where())
                .order_by(Employer.id.desc())
                .offset(offset)
                .limit(limit)
            ).scalars()
        )
        if not emps:
            return []
        ids = [e.id for e in emps]
        counts = {
            eid: (int(n), int(o or 0))
            for eid, n, o in session.execute(
                select(Case.employer_id, func.count(), _open_sum())
                .where(Case.employer_id.in_(ids))
                .group_by(Case.employer_id)
            )
        }
        return [
            EmployerRow(
                e.id,
                e.name,
                e.uscc,
                e.district,
                e.legal_rep,
                e.key_monitoring,
                e.blacklisted_on is not None
                and (e.blacklisted_until is None or e.blacklisted_until >= today),
                *counts.get(e.id, (0, 0)),
            )
            for e in emps
        ]


# --------------------------------------------------------------------------- look-ups for forms


@dataclass(frozen=True)
class PersonMatch:
    id: int
    name: str
    id_number: str | None
    phone: str | None
    migrant_worker: bool


@dataclass(frozen=True)
class EmployerMatch:
    id: int
    name: str
    uscc: str | None
    district: str | None
    legal_rep: str | None


def find_person_by_id_number(session: Session, id_number: str) -> PersonMatch | None:
    p = session.execute(
        select(Person).where(Person.id_number == id_number.strip().upper())
    ).scalar_one_or_none()
    if p is None:
        return None
    return PersonMatch(p.id, p.name, p.id_number, p.phone, p.migrant_worker)


def employer_matches(session: Session, text: str, limit: int = 20) -> list[EmployerMatch]:
    """Employers whose name starts with / contains ``text`` or whose credit code equals it."""
    text = text.strip()
    if not text:
        return []
    like = f"%{text.replace('%', '').replace('_', '')}%"
    stmt = (
        select(Employer)
        .where(or_(Employer.uscc == text.upper(), Employer.name.like(like)))
        .order_by(func.length(Employer.name), Employer.id)
        .limit(limit)
    )
    return [
        EmployerMatch(e.id, e.name, e.uscc, e.district, e.legal_rep) for e in session.execute(stmt).scalars()
    ]


def likely_duplicates(
    session: Session,
    kind: CaseKind | str,
    id_numbers: Sequence[str],
    employer_uscc: str | None,
    employer_name: str | None,
) -> list[CaseRow]:
    """Open cases of the same kind with the same complainant and employer (warn, never block)."""
    ids = [i.strip().upper() for i in id_numbers if i and i.strip()]
    if not ids or not (employer_uscc or employer_name):
        return []
    emp_cond = Employer.uscc == employer_uscc.upper() if employer_uscc else Employer.name == employer_name
    cp = aliased(CaseParty)
    stmt = (
        select(Case.id)
        .join(Employer, Employer.id == Case.employer_id)
        .join(cp, cp.case_id == Case.id)
        .join(Person, Person.id == cp.person_id)
        .where(
            Case.kind == CaseKind(kind).value, Case.closed_on.is_(None), emp_cond, Person.id_number.in_(ids)
        )
        .distinct()
        .limit(10)
    )
    return case_rows(session, list(session.execute(stmt).scalars()))


@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    display_name: str
    role: str
    district: str | None
    active: bool


def users(session: Session, *, active_only: bool = False) -> list[UserRow]:
    stmt = select(User).order_by(User.id)
    if active_only:
        stmt = stmt.where(User.active.is_(True))
    return [
        UserRow(u.id, u.username, u.display_name, u.role, u.district, u.active)
        for u in session.execute(stmt).scalars()
    ]


def claim_total(session: Session, case_id: int) -> Decimal:
    raw = session.execute(
        select(func.sum(ClaimItem.amount_claimed)).where(ClaimItem.case_id == case_id)
    ).scalar_one()
    return raw if raw is not None else fen_to_yuan(0)


# --------------------------------------------------------------------------- deadline board


@dataclass(frozen=True)
class BoardEntry:
    """One running clock of an open case, as the dashboard lists it."""

    deadline_id: int
    case_id: int
    number: str
    kind: str
    status: str
    worker_name: str | None
    employer_name: str | None
    district: str | None
    assigned_to: str | None
    rule_code: str
    rule_name_zh: str | None
    rule_name_en: str | None
    due_on: dt.date
    working_days_left: int | None  # negative when overdue; None when the calendar cannot say
    state: str
    green_channel: bool
    supervised: bool
    extension_requested: bool
    provisional: bool = False  # due date counted without next year's holiday notice


@dataclass(frozen=True)
class Board:
    """The dashboard's sections. Each list is capped; ``counts`` are exact."""

    today: dt.date
    overdue: tuple[BoardEntry, ...]
    due_today: tuple[BoardEntry, ...]
    due_soon: tuple[BoardEntry, ...]
    green_channel: tuple[BoardEntry, ...]
    supervised: tuple[BoardEntry, ...]
    extensions: tuple[BoardEntry, ...]
    counts: dict[str, int]
    calendar_warning: tuple[str, str] | None = None  # (zh, en)


BOARD_SECTIONS = ("overdue", "due_today", "due_soon", "green_channel", "supervised", "extensions")
BOARD_CAP = 500


def deadline_board(
    session: Session,
    *,
    today: dt.date | None = None,
    user_id: int | None = None,
    district: str | None = None,
    within_working_days: int = 3,
    cap: int = BOARD_CAP,
) -> Board:
    """Running clocks by urgency: one range query on ``ix_deadlines_state_due`` per section.

    Only running clocks of open cases appear; a paused clock is not urgent but an extension
    request on it still needs the supervisor, so the extensions section includes paused ones.
    """
    from casemgr.deadlines.calendar import calendar_for, calendar_warning
    from casemgr.errors import CalendarError

    today = today or dt.date.today()
    cal = calendar_for(session)
    try:
        horizon = cal.add_working_days(today, within_working_days)
    except CalendarError:
        horizon = today + dt.timedelta(days=within_working_days + 4)

    def base(*cond: Any, states: tuple[str, ...] = (DeadlineState.RUNNING.value,)) -> Select[Any]:
        stmt = (
            select(Deadline.id)
            .join(Case, Case.id == Deadline.case_id)
            .where(Deadline.state.in_(states), Case.closed_on.is_(None), *cond)
        )
        if user_id is not None:
            stmt = stmt.where(Case.assigned_user_id == user_id)
        if district:
            stmt = stmt.where(Case.district == district)
        return stmt

    from casemgr.deadlines import rules as rules_mod

    # A party's own period (e.g. the time to apply for arbitration) is shown on the case,
    # but it is never the clerk's overdue work.
    own = Deadline.rule_code.not_in(rules_mod.party_period_codes(session))
    sections = {
        "overdue": base(Deadline.due_on < today, own),
        "due_today": base(Deadline.due_on == today, own),
        "due_soon": base(Deadline.due_on > today, Deadline.due_on <= horizon, own),
        "green_channel": base(Case.green_channel.is_(True)),
        "supervised": base(Case.supervised.is_(True)),
        "extensions": base(
            Deadline.extension_requested_on.is_not(None),
            Deadline.extension_approved_by_id.is_(None),
            states=(DeadlineState.RUNNING.value, DeadlineState.PAUSED.value),
        ),
    }
    counts: dict[str, int] = {}
    ids_by_section: dict[str, list[int]] = {}
    for name, stmt in sections.items():
        counts[name] = int(session.execute(select(func.count()).select_from(stmt.subquery())).scalar_one())
        ids_by_section[name] = list(
            session.execute(stmt.order_by(Deadline.due_on, Deadline.id).limit(cap)).scalars()
        )
    # Open clocks counted on a weekend-only guess (ix_deadlines_provisional).
    counts["provisional"] = int(
        session.execute(
            select(func.count()).select_from(
                base(Deadline.provisional.is_(True), states=ACTIVE_STATES).subquery()
            )
        ).scalar_one()
    )
    all_ids = {i for ids in ids_by_section.values() for i in ids}
    entries = _board_entries(session, all_ids, today, cal)
    warning = calendar_warning(today, session)
    return Board(
        today=today,
        counts=counts,
        calendar_warning=(warning.zh, warning.en) if warning else None,
        **{name: tuple(entries[i] for i in ids if i in entries) for name, ids in ids_by_section.items()},
    )


ACTIVE_STATES = (DeadlineState.RUNNING.value, DeadlineState.PAUSED.value)


def _provisional(session: Session, d: Deadline) -> tuple[bool, str | None, str | None]:
    from casemgr.deadlines.clocks import provisional_note

    note = provisional_note(session, d)
    return (True, note[0], note[1]) if note else (False, None, None)


def _board_entries(session: Session, ids: set[int], today: dt.date, cal: Any) -> dict[int, BoardEntry]:
    from casemgr.errors import CalendarError

    if not ids:
        return {}
    stmt = (
        select(
            Deadline, Case.number, Case.kind, Case.status, Case.district, Case.green_channel, Case.supervised
        )
        .join(Case, Case.id == Deadline.case_id)
        .where(Deadline.id.in_(ids))
    )
    raw = list(session.execute(stmt))
    case_ids = sorted({d.case_id for d, *_ in raw})
    rows = {r.id: r for r in case_rows(session, case_ids)}
    rules = {
        code: (v[0], v[1]) for code, v in _rules_by_code(session, {d.rule_code for d, *_ in raw}).items()
    }
    out: dict[int, BoardEntry] = {}
    for d, number, kind, status, district, green, supervised in raw:
        try:
            if d.due_on >= today:
                left: int | None = cal.working_days_between(today, d.due_on)
            else:
                left = -cal.working_days_between(d.due_on, today)
        except CalendarError:
            left = None
        r = rows.get(d.case_id)
        zh, en = rules.get(d.rule_code, (None, None))
        out[d.id] = BoardEntry(
            deadline_id=d.id,
            case_id=d.case_id,
            number=number,
            kind=kind,
            status=status,
            worker_name=r.worker_name if r else None,
            employer_name=r.employer_name if r else None,
            district=district,
            assigned_to=r.assigned_to if r else None,
            rule_code=d.rule_code,
            rule_name_zh=zh,
            rule_name_en=en,
            due_on=d.due_on,
            working_days_left=left,
            state=d.state,
            green_channel=green,
            supervised=supervised,
            extension_requested=d.extension_requested_on is not None and d.extension_approved_by_id is None,
            provisional=bool(d.provisional),
        )
    return out
