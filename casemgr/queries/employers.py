"""Employers: the list and one employer's page (its history is a query, parties being
rows reused across cases)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import case as sql_case
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from casemgr import clock, validation
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
