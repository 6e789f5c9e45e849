"""The arrears risk warning list (欠薪风险预警) and one employer's risk, as the screens read them.

Both read the stored levels (``employer_risk``, kept by ``casemgr.services.risk.refresh``),
never the cases: the list is one index range (district, level, score) a page at a time,
whatever the size of the record. What they return are employers, scores and counts: no
person, so no reporter (举报人保密), can appear. The acting user is checked on every read
(``case.view``: the levels are derived from cases).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from casemgr import permissions, validation
from casemgr.actor import Actor
from casemgr.enums import DISTRICTS_SHANWEI
from casemgr.errors import NotFoundError
from casemgr.models import Employer, EmployerRisk, EmployerRiskEvent

#: The list's level filter: any level (yellow and above), or exactly one.
RISK_LEVEL_FILTERS = ("any", "red", "orange", "yellow")


@dataclass(frozen=True)
class RiskPart:
    """One scored factor: ``count`` facts (at most ``cap`` counted) × ``points`` = ``score``."""

    factor: str
    count: int
    points: int
    cap: int
    score: int
    detail: dict[str, str]


@dataclass(frozen=True)
class RiskRow:
    employer_id: int
    name: str
    uscc: str | None
    district: str | None
    industry: str | None
    level: str | None
    score: int
    level_since: dt.date | None
    computed_on: dt.date
    parts: tuple[RiskPart, ...]


def _parts(raw: str) -> tuple[RiskPart, ...]:
    try:
        items = json.loads(raw)
    except ValueError:
        return ()
    return tuple(
        RiskPart(
            str(i["factor"]),
            int(i["count"]),
            int(i["points"]),
            int(i["cap"]),
            int(i["score"]),
            {str(k): str(v) for k, v in (i.get("detail") or {}).items()},
        )
        for i in items
        if isinstance(i, dict)
    )


@dataclass(frozen=True)
class RiskQuery:
    """The warning list: employers at yellow or above, highest score first, filtered by
    district, industry and level; counted and read a page at a time by the database."""

    actor: Actor
    district: str | None = None
    industry: str = ""
    level: str = "any"  # one of RISK_LEVEL_FILTERS

    def _where(self) -> list[Any]:
        permissions.require(self.actor, "case.view")
        cond: list[Any] = []
        if self.district is not None:
            if self.district not in DISTRICTS_SHANWEI:
                raise validation.fail("district", "不是有效的选项", "is not a valid choice")
            cond.append(EmployerRisk.district == self.district)
        if self.level == "any":
            cond.append(EmployerRisk.level.in_(("red", "orange", "yellow")))
        elif self.level in RISK_LEVEL_FILTERS:
            cond.append(EmployerRisk.level == self.level)
        else:
            raise validation.fail("level", "不是有效的选项", "is not a valid choice")
        industry = validation.strip_control_chars(self.industry).strip()
        if industry:
            cond.append(EmployerRisk.industry == industry)
        return cond

    def count(self, session: Session) -> int:
        stmt = select(func.count()).select_from(EmployerRisk).where(*self._where())
        return int(session.execute(stmt).scalar_one())

    def page(self, session: Session, offset: int, limit: int) -> list[RiskRow]:
        """Two steps: the page's ids from the (district, level, score) index alone, then their
        rows and names, so a district's thousands of levels are ranked without a join."""
        ids = list(
            session.execute(
                select(EmployerRisk.employer_id)
                .where(*self._where())
                .order_by(EmployerRisk.score.desc(), EmployerRisk.employer_id)
                .offset(offset)
                .limit(limit)
            ).scalars()
        )
        if not ids:
            return []
        got = {
            r.employer_id: (r, name, uscc)
            for r, name, uscc in session.execute(
                select(EmployerRisk, Employer.name, Employer.uscc)
                .join(Employer, Employer.id == EmployerRisk.employer_id)
                .where(EmployerRisk.employer_id.in_(ids))
            )
        }
        out = []
        for eid in ids:
            if eid in got:
                r, name, uscc = got[eid]
                out.append(
                    RiskRow(
                        r.employer_id,
                        name,
                        uscc,
                        r.district,
                        r.industry,
                        r.level,
                        r.score,
                        r.level_since,
                        r.computed_on,
                        _parts(r.explanation),
                    )
                )
        return out


def risk_industries(session: Session, actor: Actor) -> list[str]:
    """The industries that have a level, for the list's filter."""
    permissions.require(actor, "case.view")
    stmt = (
        select(EmployerRisk.industry)
        .where(EmployerRisk.industry.is_not(None), EmployerRisk.level.is_not(None))
        .distinct()
        .order_by(EmployerRisk.industry)
        .limit(200)
    )
    return [str(i) for i in session.execute(stmt).scalars() if i]


@dataclass(frozen=True)
class RiskChange:
    """A change of level on the employer's history."""

    occurred_on: dt.date
    from_level: str | None
    to_level: str | None
    score: int


@dataclass(frozen=True)
class EmployerRiskView:
    """What the employer page shows: the stored level and why, and every change of level."""

    employer_id: int
    level: str | None
    score: int
    computed_on: dt.date | None  # None: never scored (or nothing to score)
    level_since: dt.date | None
    parts: tuple[RiskPart, ...]
    history: tuple[RiskChange, ...]  # newest first


def employer_risk(session: Session, actor: Actor, employer_id: int) -> EmployerRiskView:
    permissions.require(actor, "case.view")
    if session.get(Employer, employer_id) is None:
        raise NotFoundError("用人单位不存在。", "No such employer.")
    row = session.get(EmployerRisk, employer_id)
    history = tuple(
        RiskChange(e.occurred_on, e.from_level, e.to_level, e.score)
        for e in session.execute(
            select(EmployerRiskEvent)
            .where(EmployerRiskEvent.employer_id == employer_id)
            .order_by(EmployerRiskEvent.occurred_on.desc(), EmployerRiskEvent.id.desc())
            .limit(50)
        ).scalars()
    )
    if row is None:
        return EmployerRiskView(employer_id, None, 0, None, None, (), history)
    return EmployerRiskView(
        employer_id, row.level, row.score, row.computed_on, row.level_since, _parts(row.explanation), history
    )
