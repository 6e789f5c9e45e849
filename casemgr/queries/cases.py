"""Case lists: filters, sort, search, one page of display rows at a time.

A list never loads all cases. ``CaseQuery.page`` first selects only the ids of one page
(``ORDER BY .. LIMIT .. OFFSET`` on the ``ix_cases_kind_*`` indexes), then loads the
display columns of those ids. The correlated look-ups (first worker's name, next due
date, assignee) therefore run for at most one page of rows, however the list is sorted.
"""

from __future__ import annotations

import datetime as dt
import functools
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any, ClassVar

from sqlalchemy import Select, and_, bindparam, exists, func, not_, or_, select
from sqlalchemy import case as sql_case
from sqlalchemy.orm import Session, aliased

from casemgr import clock, privacy, search, validation
from casemgr.enums import CaseKind, DeadlineState, PartyRole
from casemgr.models import (
    Case,
    CaseParty,
    Deadline,
    Employer,
    Person,
    User,
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
    "id": Case.id,  # the global search: newest registered first, read from the primary key
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
    #: The kinds a list may show (the global search: the kinds the user may view); empty = any.
    kinds: tuple[str, ...] = ()


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
        with _MEMO_LOCK:
            lock = self._memo.setdefault("lock", threading.Lock())
        with lock:  # the page and the count ask at once, on two threads: one search
            plan = self._memo.get("search")
            if plan is None:
                plan = search.list_search(session, self.search, kind=self.kind, cap=SEARCH_LIMIT)
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
        if f.kinds:
            cond.append(Case.kind.in_(f.kinds))
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
        """The footer should say "5000+": the count stopped (or the search kept the newest).

        Only a search or the "Overdue" filter stops counting; any other list's count is
        exact however large (a kind's 380,000 cases are counted from an index)."""
        return bool(self.search or self.filters.overdue) and n > self.COUNT_CAP

    def page_ids(self, session: Session, offset: int, limit: int) -> list[int]:
        stmt = self._ids_select(session).offset(offset).limit(limit)
        return list(session.execute(stmt).scalars())

    def page(self, session: Session, offset: int, limit: int) -> list[CaseRow]:
        """One page of rows, in list order."""
        return case_rows(session, self.page_ids(session, offset, limit), today=self.today)


_MEMO_LOCK = threading.Lock()


def case_rows(session: Session, ids: Sequence[int], today: dt.date | None = None) -> list[CaseRow]:
    """Display rows for ``ids``, in the order given (one query for the whole page).

    Plain columns from a statement built once: loading whole ``Case`` objects and building
    the statement each time took two thirds of a 200-row page at 1M cases (18 ms of 25).
    """
    if not ids:
        return []
    by_id = {r[0]: CaseRow(*r) for r in session.execute(_case_rows_stmt(), {"ids": list(ids)})}
    return [by_id[i] for i in ids if i in by_id]


@functools.cache
def _case_rows_stmt() -> Select[Any]:
    worker_roles = (PartyRole.APPLICANT.value, PartyRole.COMPLAINANT.value)
    cp = aliased(CaseParty)
    worker = (
        select(Person.name)
        .join(cp, cp.person_id == Person.id)
        # A reporter never shows on a list, whoever looks (privacy: their name is revealed
        # only in the case file, to those allowed, audited).
        .where(cp.case_id == Case.id, cp.role.in_(worker_roles), not_(privacy.confidential_link(Case, cp)))
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
    # In CaseRow's field order.
    return (
        select(
            Case.id,
            Case.number,
            Case.kind,
            Case.status,
            Case.district,
            Case.received_on,
            Case.closed_on,
            Case.outcome,
            Employer.name,
            worker,
            Case.amount_claimed,
            Case.amount_recovered,
            Case.workers,
            Case.green_channel,
            Case.collective,
            Case.supervised,
            Case.migrant_worker,
            User.display_name,
            due,
            Case.version,
        )
        .outerjoin(Employer, Employer.id == Case.employer_id)
        .outerjoin(User, User.id == Case.assigned_user_id)
        .where(Case.id.in_(bindparam("ids", expanding=True)))
    )


def search_case_ids(session: Session, text: str, *, kind: CaseKind | str | None = None) -> list[int]:
    """Ids of cases matching ``text`` (number, party or employer name, ID number, credit code),
    through the indexed search (:mod:`casemgr.search`)."""
    text = validation.strip_control_chars(text).strip()  # they match nothing; NUL breaks PostgreSQL
    if not text:
        return []
    return list(search.search_case_ids(session, text, kind=kind, limit=SEARCH_LIMIT))
