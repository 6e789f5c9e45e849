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
import functools
import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any, ClassVar

from sqlalchemy import Select, and_, bindparam, exists, func, or_, select
from sqlalchemy import case as sql_case
from sqlalchemy.orm import Session, aliased

from casemgr import clock, validation
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


#: Sorts whose column has many equal values break ties by the receiving date (newest
#: first when descending), then id: the order of the (kind, column, received_on) indexes,
#: so the first page is read from an index instead of sorting the kind's every case.
TIE_BY_RECEIVED = frozenset({"status", "district"})


@dataclass(frozen=True)
class CaseQuery:
    """A case list: kind, filters, sort and search. Immutable; ``with_*`` make changed copies.

    Its search runs once per query object, whatever its page and its count ask
    (``_search_plan``): the item model makes a new query object when it reloads.
    A broad search's or the "Overdue" filter's count stops at :data:`COUNT_CAP` + 1:
    :meth:`count_is_capped` says when the footer should read "5000+".
    """

    kind: CaseKind | str | None = None
    filters: CaseFilters = field(default_factory=CaseFilters)
    sort: str = "received_on"
    descending: bool = True
    search: str = ""
    today: dt.date | None = None
    _memo: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False, hash=False)

    COUNT_CAP: ClassVar[int] = SEARCH_LIMIT

    def with_sort(self, column: str, descending: bool) -> CaseQuery:
        return replace(self, sort=column, descending=descending)

    def with_search(self, text: str) -> CaseQuery:
        return replace(self, search=text.strip())

    def with_filters(self, filters: CaseFilters) -> CaseQuery:
        return replace(self, filters=filters)

    def fresh(self) -> CaseQuery:
        """The same list, to be read again (a new search: cases may have changed)."""
        return replace(self)

    # ------------------------------------------------------------------ SQL

    def _search_plan(self, session: Session) -> Any:
        from casemgr import search as _search

        with _MEMO_LOCK:
            lock = self._memo.setdefault("lock", threading.Lock())
        with lock:  # the page and the count ask at once, on two threads: one search
            plan = self._memo.get("search")
            if plan is None:
                plan = _search.list_search(session, self.search, kind=self.kind, cap=SEARCH_LIMIT)
                self._memo["search"] = plan
        return plan

    def _where(
        self, session: Session, *, walk: bool = False, search: bool = True, overdue: bool = True
    ) -> list[Any]:
        """The list's conditions. ``walk``: written for a page read in list order (the
        overdue test and a broad search as per-row tests); otherwise for counting (and
        exporting): conditions SQLite serves from indexes."""
        f = self.filters
        today = self.today or clock.today()
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
        if f.overdue and overdue:
            late = or_(
                and_(Deadline.state == DeadlineState.RUNNING.value, Deadline.due_on < today),
                Deadline.state == DeadlineState.BREACHED.value,
            )
            if walk:  # a page: each case of the list, in order, until the page is full
                cond.append(exists().where(Deadline.case_id == Case.id, late))
            else:  # a count: the overdue and breached clocks, from (state, due_on, case_id)
                cond.append(Case.id.in_(select(Deadline.case_id).where(late)))
        if self.search and search:
            plan = self._search_plan(session)
            cond.append(plan.walk if walk else plan.condition)
        return cond

    def _capped(self, session: Session) -> bool:
        return bool(self.filters.overdue or (self.search and self._search_plan(session).broad))

    def _ids_select(self, session: Session) -> Select[Any]:
        col = SORT_COLUMNS.get(self.sort, Case.received_on)
        keys = [col, Case.received_on, Case.id] if self.sort in TIE_BY_RECEIVED else [col, Case.id]
        order = [k.desc() if self.descending else k.asc() for k in keys]
        return select(Case.id).where(*self._where(session, walk=True)).order_by(*order)

    def count(self, session: Session) -> int:
        """How many cases the list has; a broad search or the overdue filter stops counting
        past :data:`COUNT_CAP` (the result is then ``COUNT_CAP + 1``)."""
        if self._capped(session):
            if self.filters.overdue:
                # Cases with a breached clock alone usually pass the cap (a city's history):
                # counted from the breached clocks, case by case, stopping at the cap.
                breached = (
                    select(Deadline.case_id)
                    .join(Case, Case.id == Deadline.case_id)
                    .where(
                        Deadline.state == DeadlineState.BREACHED.value, *self._where(session, overdue=False)
                    )
                    .distinct()
                    .limit(self.COUNT_CAP + 1)
                )
                n = int(session.execute(select(func.count()).select_from(breached.subquery())).scalar_one())
                if n > self.COUNT_CAP:
                    return n
            plan = self._search_plan(session) if self.search else None
            if plan is not None and plan.by_employer is not None:
                # The employers' cases alone may pass the cap: then nothing else is counted.
                where = [*self._where(session, search=False), plan.by_employer]
                n = self._count_to_cap(session, where)
                if n > self.COUNT_CAP:
                    return n
            return self._count_to_cap(session, self._where(session))
        stmt = select(func.count()).select_from(Case).where(*self._where(session))
        return int(session.execute(stmt).scalar_one())

    def _count_to_cap(self, session: Session, where: list[Any]) -> int:
        inner = select(Case.id).where(*where).limit(self.COUNT_CAP + 1)
        return int(session.execute(select(func.count()).select_from(inner.subquery())).scalar_one())

    def count_is_capped(self, n: int) -> bool:
        """The footer should say "5000+": the count stopped (or the search kept the newest)."""
        return n > self.COUNT_CAP

    def page_ids(self, session: Session, offset: int, limit: int) -> list[int]:
        stmt = self._ids_select(session).offset(offset).limit(limit)
        return list(session.execute(stmt).scalars())

    def page(self, session: Session, offset: int, limit: int) -> list[CaseRow]:
        """One page of rows, in list order."""
        return case_rows(session, self.page_ids(session, offset, limit), today=self.today)


_MEMO_LOCK = threading.Lock()


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
    text = validation.strip_control_chars(text).strip()  # they match nothing; NUL breaks PostgreSQL
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
    # A party's own period (the defence): when it has run out the case simply goes on, so
    # it is never shown as the clerk's overdue (the board leaves it out for the same reason).
    party_period: bool = False


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
    from casemgr.deadlines import rules as rules_mod

    party = set(rules_mod.party_period_codes(session))
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
            party_period=d.rule_code in party,
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
    today = today or clock.today()
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
        s = validation.strip_control_chars(self.search).strip()
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
        today = today or clock.today()
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
        select(Person).where(Person.id_number == validation.strip_control_chars(id_number).strip().upper())
    ).scalar_one_or_none()
    if p is None:
        return None
    return PersonMatch(p.id, p.name, p.id_number, p.phone, p.migrant_worker)


def employer_matches(session: Session, text: str, limit: int = 20) -> list[EmployerMatch]:
    """Employers whose name starts with / contains ``text`` or whose credit code equals it."""
    text = validation.strip_control_chars(text).strip()
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
#
# ONE board definition lives in ``casemgr.deadlines.board`` (which sections exist, what
# counts as overdue or due soon, which clocks are a party's own period). This adapter only
# adds the display columns a table needs (worker, employer, handler, working days left)
# for the rows that engine returned, so the dashboard can never disagree with it.


@dataclass(frozen=True)
class BoardEntry:
    """One row of a board section, as the dashboard lists it."""

    case_id: int
    number: str
    kind: str
    status: str
    district: str | None
    due_on: dt.date
    green_channel: bool
    supervised: bool
    deadline_id: int | None = None  # None on per-case rows (green channel, supervised)
    rule_code: str | None = None
    rule_name_zh: str | None = None
    rule_name_en: str | None = None
    state: str | None = None
    working_days_left: int | None = None  # negative when overdue; None when the calendar cannot say
    worker_name: str | None = None
    employer_name: str | None = None
    assigned_to: str | None = None
    extension_requested: bool = False
    provisional: bool = False  # due date counted without next year's holiday notice
    provisional_zh: str | None = None
    provisional_en: str | None = None


@dataclass(frozen=True)
class Board:
    """The dashboard's sections. Each list is capped; ``counts`` are exact unless the board
    was asked for with a ``count_limit``, and then ``more[name]`` says the count stopped
    there ("99+")."""

    today: dt.date
    overdue: tuple[BoardEntry, ...]
    due_today: tuple[BoardEntry, ...]
    due_soon: tuple[BoardEntry, ...]
    green_channel: tuple[BoardEntry, ...]
    supervised: tuple[BoardEntry, ...]
    extensions: tuple[BoardEntry, ...]
    provisional: tuple[BoardEntry, ...]
    counts: dict[str, int]
    calendar_warning: tuple[str, str] | None = None  # (zh, en)
    more: dict[str, bool] = field(default_factory=dict)
    loaded: tuple[str, ...] = ()  # the sections whose rows were fetched

    def count_text(self, name: str) -> str:
        """The badge: the count, or "99+" when it stopped at the limit."""
        n = self.counts.get(name, 0)
        return f"{n}+" if self.more.get(name) else str(n)


BOARD_SECTIONS = (
    "overdue",
    "due_today",
    "due_soon",
    "green_channel",
    "supervised",
    "extensions",
    "provisional",
)
BOARD_CAP = 200


def deadline_board(
    session: Session,
    *,
    today: dt.date | None = None,
    user_id: int | None = None,
    district: str | None = None,
    within_working_days: int = 3,
    cap: int = BOARD_CAP,
    sections: Sequence[str] | None = None,
    count_limit: int | None = None,
) -> Board:
    """``casemgr.deadlines.board.board`` with display columns, for the dashboard table.

    ``cap`` limits the rows of each section; ``sections`` names the sections that get rows
    (``None``: all; the dashboard asks for the tab on screen); ``count_limit`` lets the
    counts stop there ("99+" on a badge; ``None``: exact).
    """
    from casemgr.deadlines import board as board_mod
    from casemgr.deadlines.calendar import calendar_for
    from casemgr.errors import CalendarError

    today = today or clock.today()
    wanted = BOARD_SECTIONS if sections is None else tuple(n for n in BOARD_SECTIONS if n in sections)
    b = board_mod.board(
        session,
        today=today,
        user_id=user_id,
        district=district,
        within_working_days=within_working_days,
        limit=max(cap, 1),
        count_limit=count_limit,
        sections=wanted if cap > 0 else (),
    )
    by_name = {name: getattr(b, name) for name in BOARD_SECTIONS}
    kept = {name: sec.rows[:cap] for name, sec in by_name.items()}
    case_ids = sorted({r.case_id for rows in kept.values() for r in rows})
    extra = _board_display(session, case_ids)
    cal = calendar_for(session)

    def left(due: dt.date) -> int | None:
        try:
            if due >= today:
                return int(cal.working_days_between(today, due))
            return -int(cal.working_days_between(due, today))
        except CalendarError:
            return None

    def entry(r: Any) -> BoardEntry:
        c = extra.get(r.case_id)
        return BoardEntry(
            case_id=r.case_id,
            number=r.case_number,
            kind=r.kind,
            status=r.status,
            district=r.district,
            due_on=r.due_on,
            green_channel=r.green_channel,
            supervised=r.supervised,
            deadline_id=r.deadline_id,
            rule_code=r.rule_code,
            rule_name_zh=r.rule_name_zh,
            rule_name_en=r.rule_name_en,
            state=r.state,
            working_days_left=left(r.due_on),
            worker_name=c[0] if c else None,
            employer_name=c[1] if c else None,
            assigned_to=c[2] if c else None,
            extension_requested=r.extension_requested_on is not None,
            provisional=r.provisional,
            provisional_zh=r.provisional_zh,
            provisional_en=r.provisional_en,
        )

    warning = b.calendar_warning
    return Board(
        today=today,
        counts={name: sec.count for name, sec in by_name.items()},
        calendar_warning=(warning.zh, warning.en) if warning else None,
        more={name: sec.more for name, sec in by_name.items()},
        loaded=wanted if cap > 0 else (),
        **{name: tuple(entry(r) for r in rows) for name, rows in kept.items()},
    )


def _board_display(session: Session, ids: Sequence[int]) -> dict[int, tuple[str | None, ...]]:
    """(worker, employer, handler) of the board's cases: the three names the table adds,
    in one query of plain columns (loading whole case rows for a thousand entries was a
    third of the city board's time); the statement is built once."""
    if not ids:
        return {}
    return {cid: (w, e, u) for cid, w, e, u in session.execute(_board_display_stmt(), {"ids": list(ids)})}


@functools.cache
def _board_display_stmt() -> Select[Any]:
    cp = aliased(CaseParty)
    worker = (
        select(Person.name)
        .join(cp, cp.person_id == Person.id)
        .where(cp.case_id == Case.id, cp.role.in_((PartyRole.APPLICANT.value, PartyRole.COMPLAINANT.value)))
        .order_by(cp.id)
        .limit(1)
        .scalar_subquery()
    )
    return (
        select(Case.id, worker, Employer.name, User.display_name)
        .outerjoin(Employer, Employer.id == Case.employer_id)
        .outerjoin(User, User.id == Case.assigned_user_id)
        .where(Case.id.in_(bindparam("ids", expanding=True)))
    )


def _provisional(session: Session, d: Deadline) -> tuple[bool, str | None, str | None]:
    from casemgr.deadlines.clocks import provisional_note

    note = provisional_note(session, d)
    return (True, note[0], note[1]) if note else (False, None, None)


# --------------------------------------------------------------------------- party corrections


@dataclass(frozen=True)
class PartyForEdit:
    """What a correction form starts from: never a person's full ID number or phone."""

    kind: str  # "person" | "employer"
    id: int
    version: int
    name: str
    migrant_worker: bool = False
    uscc: str | None = None
    legal_rep: str | None = None
    district: str | None = None
    industry: str | None = None
    address: str | None = None
    phone: str | None = None  # employers only: a company's line is not personal data


def party_for_edit(session: Session, kind: str, party_id: int) -> PartyForEdit:
    if kind == "person":
        p = session.get(Person, party_id) if validation.is_valid_id(party_id) else None
        if p is None:
            raise NotFoundError("当事人不存在。", "No such person.")
        return PartyForEdit("person", p.id, p.version, p.name, migrant_worker=bool(p.migrant_worker))
    e = session.get(Employer, party_id) if validation.is_valid_id(party_id) else None
    if e is None:
        raise NotFoundError("用人单位不存在。", "No such employer.")
    return PartyForEdit(
        "employer", e.id, e.version, e.name, uscc=e.uscc, legal_rep=e.legal_rep, district=e.district,
        industry=e.industry, address=e.address, phone=e.phone,
    )  # fmt: skip
