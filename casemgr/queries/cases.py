"""Case lists: filters, sort, search, one page of display rows at a time.

A list never loads all cases. ``CaseQuery.page`` first selects only the ids of one page
(``ORDER BY .. LIMIT .. OFFSET`` on the ``ix_cases_kind_*`` indexes), then loads the
display columns of those ids. The correlated look-ups (first worker's name, next due
date, assignee) therefore run for at most one page of rows, however the list is sorted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, and_, exists, func, not_, or_, select
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
    """Ids of cases matching ``text`` (number, party or employer name, ID number, credit code),
    through the indexed search (:mod:`casemgr.search`)."""
    text = validation.strip_control_chars(text).strip()  # they match nothing; NUL breaks PostgreSQL
    if not text:
        return []
    return list(search.search_case_ids(session, text, kind=kind, limit=SEARCH_LIMIT))
