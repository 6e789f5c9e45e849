"""Employers: the list and one employer's page (its history is a query, parties being
rows reused across cases)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from sqlalchemy import case as sql_case
from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import Session

from casemgr import clock, permissions, validation
from casemgr.actor import Actor
from casemgr.enums import CaseKind
from casemgr.errors import NotFoundError
from casemgr.models import (
    Case,
    Employer,
)


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
    return func.sum(sql_case((Case.closed_on.is_(None), 1), else_=0))


#: The employer list's status filter (the page's 全部 / 重点监控 / 失信名单 / 近90日投诉).
STATUS_FILTERS = ("all", "key_monitoring", "blacklisted", "complaints_90d")
#: Days back that count as "recent complaints" (the employer page says the same).
RECENT_COMPLAINT_DAYS = 90


def _blacklisted(today: dt.date) -> Any:
    return Employer.blacklisted_on.is_not(None) & or_(
        Employer.blacklisted_until.is_(None), Employer.blacklisted_until >= today
    )


def _recent_complaint(today: dt.date) -> Any:
    return exists().where(
        Case.employer_id == Employer.id,
        Case.kind == CaseKind.INSPECTION.value,
        Case.received_on > today - dt.timedelta(days=RECENT_COMPLAINT_DAYS),
    )


def _case_count(open_only: bool) -> Any:
    q = select(func.count()).select_from(Case).where(Case.employer_id == Employer.id)
    if open_only:
        q = q.where(Case.closed_on.is_(None))
    return q.scalar_subquery()


def _sort_keys(today: dt.date) -> dict[str, Any]:
    """Column key -> SQL expression: the list is sorted by the database, a page at a time."""
    return {
        "name": Employer.name,
        "uscc": Employer.uscc,
        "district": Employer.district,
        "legal_rep": Employer.legal_rep,
        "cases": _case_count(False),
        "open": _case_count(True),
        # blacklisted first (descending), then key monitoring
        "status": sql_case((_blacklisted(today), 2), else_=0)
        + sql_case((Employer.key_monitoring, 1), else_=0),
    }


SORT_KEYS = ("name", "uscc", "district", "legal_rep", "cases", "open", "status")


@dataclass(frozen=True)
class EmployerQuery:
    """The employer list: search by name or credit code, a status filter, sorted by the
    database (newest first by default) and read a page at a time."""

    search: str = ""
    key_monitoring: bool | None = None
    status: str = "all"  # one of STATUS_FILTERS
    sort: str | None = None  # one of SORT_KEYS; None: newest first
    descending: bool = False
    today: dt.date | None = None

    def with_sort(self, key: str, descending: bool) -> EmployerQuery:
        return replace(self, sort=key, descending=descending)

    def _where(self) -> list[Any]:
        today = self.today or clock.today()
        cond: list[Any] = []
        s = validation.strip_control_chars(self.search).strip()
        if s:
            like = f"%{s.replace('%', '').replace('_', '')}%"
            cond.append(or_(Employer.name.like(like), Employer.uscc == s.upper()))
        if self.key_monitoring is not None:
            cond.append(Employer.key_monitoring.is_(self.key_monitoring))
        if self.status == "key_monitoring":
            cond.append(Employer.key_monitoring.is_(True))
        elif self.status == "blacklisted":
            cond.append(_blacklisted(today))
        elif self.status == "complaints_90d":
            cond.append(_recent_complaint(today))
        elif self.status != "all":
            raise validation.fail("status", "不是有效的选项", "is not a valid choice")
        return cond

    def count(self, session: Session) -> int:
        return int(
            session.execute(select(func.count()).select_from(Employer).where(*self._where())).scalar_one()
        )

    def _order(self) -> list[Any]:
        if self.sort is None:
            return [Employer.id.desc()]
        key = _sort_keys(self.today or clock.today()).get(self.sort)
        if key is None:
            raise validation.fail("sort", "不是有效的选项", "is not a valid choice")
        # NULLs (no credit code, no district) last either way; the id makes pages stable.
        nulls = sql_case((key.is_(None), 1), else_=0)
        return [nulls, key.desc() if self.descending else key.asc(), Employer.id]

    def page(
        self, session: Session, offset: int, limit: int, today: dt.date | None = None
    ) -> list[EmployerRow]:
        today = today or self.today or clock.today()
        emps = list(
            session.execute(
                select(Employer).where(*self._where()).order_by(*self._order()).offset(offset).limit(limit)
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


# --------------------------------------------------------------------------- registration warning


@dataclass(frozen=True)
class EmployerAlert:
    """What the new-case form warns about an employer (a warning, never a block)."""

    employer_id: int
    name: str
    district: str | None  # None: "(from the employer)" cannot give the case one
    open_by_kind: dict[str, int]  # only the kinds the acting user may see
    complaints_90d: int
    key_monitoring: bool
    blacklisted_until: dt.date | None  # None: not on the list (or listed with no end: see below)
    blacklisted: bool

    @property
    def open_total(self) -> int:
        return sum(self.open_by_kind.values())

    @property
    def worth_warning(self) -> bool:
        return bool(self.open_total or self.complaints_90d or self.key_monitoring or self.blacklisted)


def employer_alert(
    session: Session,
    actor: Actor,
    *,
    employer_id: int | None = None,
    uscc: str | None = None,
    name: str | None = None,
    today: dt.date | None = None,
) -> EmployerAlert | None:
    """The employer the form names (by id, credit code or exact name) and why to look twice:
    open cases by kind, complaints in the last 90 days, key monitoring, the blacklist.

    Counted over the case kinds the acting user may view (``case.view``); counts say
    nothing about who complained, so a reporter stays hidden.
    """
    permissions.require(actor, "case.view")
    today = today or clock.today()
    if employer_id is not None and validation.is_valid_id(employer_id):
        cond: Any = Employer.id == employer_id
    elif uscc and validation.is_valid_uscc(uscc):
        cond = Employer.uscc == uscc.strip().upper()
    elif name and validation.strip_control_chars(name).strip():
        cond = Employer.name == validation.strip_control_chars(name).strip()
    else:
        return None
    e = session.execute(select(Employer).where(cond).order_by(Employer.id).limit(1)).scalar_one_or_none()
    if e is None:
        return None
    kinds = [k.value for k in CaseKind if permissions.allowed(actor, "case.view", k)]
    open_by_kind = {
        str(kind): int(n)
        for kind, n in session.execute(
            select(Case.kind, func.count())
            .where(Case.employer_id == e.id, Case.closed_on.is_(None), Case.kind.in_(kinds))
            .group_by(Case.kind)
        )
    }
    recent = 0
    if CaseKind.INSPECTION.value in kinds:
        recent = int(
            session.execute(
                select(func.count())
                .select_from(Case)
                .where(
                    Case.employer_id == e.id,
                    Case.kind == CaseKind.INSPECTION.value,
                    Case.received_on > today - dt.timedelta(days=RECENT_COMPLAINT_DAYS),
                )
            ).scalar_one()
        )
    listed = e.blacklisted_on is not None and (e.blacklisted_until is None or e.blacklisted_until >= today)
    return EmployerAlert(
        employer_id=e.id,
        name=e.name,
        district=e.district,
        open_by_kind=open_by_kind,
        complaints_90d=recent,
        key_monitoring=e.key_monitoring,
        blacklisted_until=e.blacklisted_until if listed else None,
        blacklisted=listed,
    )
