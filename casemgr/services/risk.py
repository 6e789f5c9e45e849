"""欠薪风险预警 (issue 17): each employer's arrears risk score, level and its explanation.

The score is a sum of factors read from the bureau's own record (docs/prevention.md §1):
each factor counts facts (complaints in 90 days, unpaid orders …), at most ``cap`` of them,
times ``points``; both are dated settings (``risk.points.<factor>``, ``risk.cap.<factor>``),
as are the thresholds of the three levels. :func:`assess` is the rule, a pure function of
the facts and the settings; :func:`gather` reads the facts for many employers in a few
grouped queries; :func:`refresh` stores the result and records every change of level on the
employer's history (``EmployerRiskEvent``) and in the audit chain.

When it runs: the supervisor's 重新计算 on the warning list and ``casemgr risk refresh``
(the nightly job) score every employer; a refresh of a few employers (ids given) is what a
write that touches them would call. "Today" is always passed in or read from
``casemgr.clock``: the 90- and 365-day windows end on it.

A score says nothing about who complained: the explanation holds counts and amounts only,
so a reporter's identity (举报人保密) cannot leak through the warning list.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, Decimal
from typing import Any

from sqlalchemy import BigInteger, and_, event, func, inspect, or_, select, type_coerce
from sqlalchemy import case as sql_case
from sqlalchemy.orm import Session, UOWTransaction

from casemgr import audit, clock, permissions, settings
from casemgr.actor import Actor
from casemgr.enums import CaseKind, Outcome
from casemgr.models import AuditEntry, Case, ClaimItem, Employer, EmployerRisk, EmployerRiskEvent, fen_to_yuan

#: Levels from the highest down (a score below the yellow threshold has none).
LEVELS: tuple[str, ...] = ("red", "orange", "yellow")
LEVEL_RANK = {None: 0, "yellow": 1, "orange": 2, "red": 3}
#: Outcomes of an inspection that found a violation (查处): a handling decision or a penalty.
VIOLATION_OUTCOMES = (Outcome.HANDLING_DECISION.value, Outcome.PENALTY.value)
#: Factor codes in the order the explanation lists them.
FACTORS: tuple[str, ...] = tuple(settings.RISK_DEFAULTS)


@dataclass(frozen=True)
class Facts:
    """What the record says about one employer on one day (counts and yuan, no names)."""

    employer_id: int
    complaints_90d: int = 0
    cases_365d: int = 0
    unpaid_orders: int = 0
    violations_365d: int = 0
    collective_365d: int = 0
    owed_open: Decimal = Decimal("0.00")  # claimed − recovered on open wage-arrears cases
    workers_open: int = 0  # the workers of those cases
    blacklisted: bool = False
    key_monitoring: bool = False
    district: str | None = None
    industry: str | None = None


@dataclass(frozen=True)
class Weights:
    """The settings in force on a day: factor -> (points, cap), the thresholds, the minimum wage."""

    factors: dict[str, tuple[int, int]]
    thresholds: dict[str, int]
    minimum_wage: Decimal

    @classmethod
    def on(cls, session: Session, day: dt.date) -> Weights:
        return cls(
            {
                code: (
                    int(settings.get(session, f"risk.points.{code}", day)),
                    int(settings.get(session, f"risk.cap.{code}", day)),
                )
                for code in FACTORS
            },
            {lv: int(settings.get(session, f"risk.threshold.{lv}", day)) for lv in LEVELS},
            settings.get_decimal(session, "minimum_wage_monthly", day),
        )

    @classmethod
    def defaults(cls, minimum_wage: Decimal = Decimal("1750.00")) -> Weights:
        return cls(dict(settings.RISK_DEFAULTS), dict(settings.RISK_THRESHOLDS), minimum_wage)


@dataclass(frozen=True)
class Part:
    """One factor that scored: ``count`` facts (capped at ``cap``) × ``points`` = ``score``."""

    factor: str
    count: int
    points: int
    cap: int
    score: int
    detail: dict[str, str] = field(default_factory=dict)  # e.g. the amount per worker

    def as_json(self) -> dict[str, Any]:
        return {
            "factor": self.factor,
            "count": self.count,
            "points": self.points,
            "cap": self.cap,
            "score": self.score,
            **({"detail": self.detail} if self.detail else {}),
        }


@dataclass(frozen=True)
class Assessment:
    employer_id: int
    score: int
    level: str | None
    parts: tuple[Part, ...]

    def explanation(self) -> str:
        return json.dumps([p.as_json() for p in self.parts], ensure_ascii=False)


def level_for(score: int, thresholds: dict[str, int]) -> str | None:
    """The highest level whose threshold the score reaches (none below yellow)."""
    for lv in LEVELS:
        if score >= thresholds[lv]:
            return lv
    return None


def assess(facts: Facts, weights: Weights) -> Assessment:
    """The rule: Σ min(count, cap) × points over the factors, then the thresholds.

    ``repeat_violations`` counts the violations found in 365 days *beyond the first* (a first
    查处 is already in the complaint and case counts; a second one is a pattern).
    ``owed_per_worker`` counts whole months of the minimum wage that the open wage-arrears
    cases claim per worker and have not recovered.
    """
    months = 0
    per_worker = Decimal("0.00")
    if facts.owed_open > 0 and facts.workers_open > 0 and weights.minimum_wage > 0:
        per_worker = (facts.owed_open / facts.workers_open).quantize(Decimal("0.01"))
        months = int((per_worker / weights.minimum_wage).to_integral_value(ROUND_FLOOR))
    counts = {
        "complaints_90d": facts.complaints_90d,
        "cases_365d": facts.cases_365d,
        "unpaid_orders": facts.unpaid_orders,
        "repeat_violations": max(0, facts.violations_365d - 1),
        "collective_365d": facts.collective_365d,
        "owed_per_worker": months,
        "blacklisted": int(facts.blacklisted),
        "key_monitoring": int(facts.key_monitoring),
    }
    parts: list[Part] = []
    for code in FACTORS:
        points, cap = weights.factors[code]
        n = counts[code]
        if n <= 0 or points <= 0 or cap <= 0:
            continue
        detail = {}
        if code == "owed_per_worker":
            detail = {"per_worker": str(per_worker), "minimum_wage": str(weights.minimum_wage)}
        parts.append(Part(code, n, points, cap, min(n, cap) * points, detail))
    score = sum(p.score for p in parts)
    return Assessment(facts.employer_id, score, level_for(score, weights.thresholds), tuple(parts))


# --------------------------------------------------------------------------- facts from the record


def _n(cond: Any) -> Any:
    return func.coalesce(func.sum(sql_case((cond, 1), else_=0)), 0)


def _fen(col: Any) -> Any:
    return type_coerce(col, BigInteger)


def gather(session: Session, today: dt.date, employer_ids: Sequence[int] | None = None) -> dict[int, Facts]:
    """The facts of the given employers (all when None) that have a case or a watch flag.

    Three grouped queries whatever the number of employers: cases by employer (one pass over
    ``ix_cases_employer``), unpaid orders by employer (claim lines ordered and not fully
    paid), and the flagged employers; then each employer's district and industry.
    """
    d90 = today - dt.timedelta(days=90)
    d365 = today - dt.timedelta(days=365)
    seen = Case.received_on <= today
    open_arrears = and_(Case.closed_on.is_(None), Case.wage_arrears.is_(True), seen)
    q = (
        select(
            Case.employer_id,
            _n(and_(Case.kind == CaseKind.INSPECTION.value, Case.received_on > d90, seen)),
            _n(and_(Case.received_on > d365, seen)),
            _n(
                and_(
                    Case.kind == CaseKind.INSPECTION.value,
                    Case.outcome.in_(VIOLATION_OUTCOMES),
                    Case.closed_on > d365,
                    Case.closed_on <= today,
                )
            ),
            _n(and_(Case.collective.is_(True), Case.received_on > d365, seen)),
            # raw fen: a CASE over a Money column loses its type
            func.coalesce(
                func.sum(
                    sql_case((open_arrears, _fen(Case.amount_claimed) - _fen(Case.amount_recovered)), else_=0)
                ),
                0,
            ),
            func.coalesce(func.sum(sql_case((open_arrears, Case.workers), else_=0)), 0),
        )
        .where(Case.employer_id.is_not(None))
        .group_by(Case.employer_id)
    )
    unpaid = (
        select(Case.employer_id, func.count(func.distinct(Case.id)))
        .join(ClaimItem, ClaimItem.case_id == Case.id)
        .where(
            Case.employer_id.is_not(None),
            ClaimItem.amount_ordered.is_not(None),
            ClaimItem.amount_ordered > ClaimItem.amount_paid,
            Case.outcome.is_distinct_from(Outcome.REFUSED.value),
            seen,
        )
        .group_by(Case.employer_id)
    )
    flagged = select(Employer.id).where(
        or_(Employer.key_monitoring.is_(True), Employer.blacklisted_on.is_not(None))
    )
    if employer_ids is not None:
        ids = list(employer_ids)
        q, unpaid = q.where(Case.employer_id.in_(ids)), unpaid.where(Case.employer_id.in_(ids))
        flagged = flagged.where(Employer.id.in_(ids))
    raw: dict[int, dict[str, Any]] = {}
    for eid, c90, c365, viol, coll, owed, workers in session.execute(q):
        raw[eid] = {
            "complaints_90d": int(c90),
            "cases_365d": int(c365),
            "violations_365d": int(viol),
            "collective_365d": int(coll),
            "owed_open": max(fen_to_yuan(owed), Decimal("0.00")),
            "workers_open": int(workers),
        }
    for eid, n in session.execute(unpaid):
        raw.setdefault(eid, {})["unpaid_orders"] = int(n)
    for (eid,) in session.execute(flagged):
        raw.setdefault(eid, {})
    out: dict[int, Facts] = {}
    ids_all = sorted(raw)
    for i in range(0, len(ids_all), 5000):
        chunk = ids_all[i : i + 5000]
        for e in session.execute(
            select(
                Employer.id,
                Employer.district,
                Employer.industry,
                Employer.key_monitoring,
                Employer.blacklisted_on,
                Employer.blacklisted_until,
            ).where(Employer.id.in_(chunk))
        ):
            listed = (
                e.blacklisted_on is not None
                and e.blacklisted_on <= today
                and (e.blacklisted_until is None or e.blacklisted_until >= today)
            )
            out[e.id] = Facts(
                e.id,
                **raw[e.id],
                blacklisted=listed,
                key_monitoring=bool(e.key_monitoring),
                district=e.district,
                industry=e.industry,
            )
    return out


# --------------------------------------------------------------------------- stored levels


@dataclass(frozen=True)
class RefreshResult:
    scored: int  # employers with a score above zero
    changes: int  # level changes recorded (events and audit entries)
    by_level: dict[str, int]


def refresh(
    session: Session,
    actor: Actor | None,
    *,
    employer_ids: Iterable[int] | None = None,
    today: dt.date | None = None,
    author: tuple[int | None, str | None] = (None, None),
    record_run: bool = True,
) -> RefreshResult:
    """Recompute and store the levels of the given employers (all when None).

    ``actor`` None is the system (the nightly CLI job and writes that touch an employer's cases
    call it so); a person must hold ``risk.refresh``. Each change of level appends one
    ``EmployerRiskEvent`` and one audit entry (entity ``employer``) with the old and new level
    and the explanation; an unchanged level only updates the stored score and explanation.
    The run itself is one more audit entry (``risk.refresh``).
    """
    if actor is not None:
        permissions.require(actor, "risk.refresh")
    today = today or clock.today()
    ids = None if employer_ids is None else sorted(set(employer_ids))
    weights = Weights.on(session, today)
    facts = gather(session, today, ids)
    current_q = select(EmployerRisk)
    if ids is not None:
        current_q = current_q.where(EmployerRisk.employer_id.in_(ids))
    current = {r.employer_id: r for r in session.execute(current_q).scalars()}
    by_level = {lv: 0 for lv in LEVELS}
    changes = scored = 0
    uid, uname = (actor.user_id, actor.username) if actor is not None else author
    for eid in sorted(set(facts) | set(current)):
        f = facts.get(eid) or Facts(eid)
        a = assess(f, weights)
        row = current.get(eid)
        before = row.level if row is not None else None
        if a.level:
            by_level[a.level] += 1
        if a.score > 0:
            scored += 1
        if before != a.level:
            changes += 1
            session.add(
                EmployerRiskEvent(
                    employer_id=eid,
                    occurred_on=today,
                    from_level=before,
                    to_level=a.level,
                    score=a.score,
                    explanation=a.explanation(),
                    user_id=uid,
                )
            )
            audit.record(
                session,
                user_id=uid,
                username=uname,
                action="risk.level_change",
                entity="employer",
                entity_id=eid,
                before={"level": before, "score": row.score if row else 0},
                after={
                    "level": a.level,
                    "score": a.score,
                    "on": today,
                    "factors": [p.as_json() for p in a.parts],
                },
            )
        if a.score == 0 and row is not None and a.level is None:
            session.delete(row)
        elif a.score > 0 and row is None:
            session.add(
                EmployerRisk(
                    employer_id=eid,
                    level=a.level,
                    score=a.score,
                    district=f.district,
                    industry=f.industry,
                    explanation=a.explanation(),
                    computed_on=today,
                    level_since=today if a.level else None,
                )
            )
        elif row is not None:
            if before != a.level:
                row.level_since = today if a.level else None
            row.level, row.score, row.explanation, row.computed_on = a.level, a.score, a.explanation(), today
            row.district, row.industry = f.district, f.industry
    if record_run:  # the run itself: who recomputed, for which day, over which employers, with what result
        audit.record(
            session,
            user_id=uid,
            username=uname,
            action="risk.refresh",
            entity="risk",
            entity_id=None,
            after={
                "on": today,
                "employers": "all" if ids is None else ids[:50],
                "scored": scored,
                "changes": changes,
                "by_level": by_level,
            },
        )
    session.flush()
    return RefreshResult(scored, changes, by_level)


# --------------------------------------------------------------------------- after each write


_TOUCHED = "risk.touched_employers"
_TOUCHED_CASES = "risk.touched_cases"
_AUTHOR = "risk.author"


def _employer_of(obj: Any, attr: str = "employer_id") -> set[int]:
    """The employer an object names now and, if it changed in this flush, the one it named."""
    ids = {getattr(obj, attr)} if getattr(obj, attr, None) else set()
    hist = inspect(obj).attrs[attr].history
    ids |= {i for i in (hist.deleted or ()) if i}
    return ids


@event.listens_for(Session, "after_flush")
def _note_touched(session: Session, _ctx: UOWTransaction) -> None:
    """Remember which employers this transaction's writes concern (cases, their claim lines,
    the employer's own watch flags and district) and who wrote (the audit entry's author)."""
    touched: set[int] = session.info.setdefault(_TOUCHED, set())
    cases: set[int] = session.info.setdefault(_TOUCHED_CASES, set())
    for obj in itertools.chain(session.new, session.dirty, session.deleted):
        if isinstance(obj, AuditEntry):
            if obj.action not in ("risk.level_change", "risk.refresh"):
                session.info[_AUTHOR] = (obj.user_id, obj.username)
            continue
        if obj in session.dirty and not _scored_change(obj):
            continue  # a reassignment, a phone number: nothing the score reads
        if isinstance(obj, Case):
            touched |= _employer_of(obj)
        elif isinstance(obj, ClaimItem) and obj.case_id:
            cases.add(obj.case_id)
        elif isinstance(obj, Employer) and obj.id and obj not in session.deleted:
            touched.add(obj.id)


#: The columns the score reads, per table: a change elsewhere re-scores nobody.
_SCORED = {
    Case: (
        "employer_id",
        "kind",
        "received_on",
        "closed_on",
        "outcome",
        "collective",
        "wage_arrears",
        "amount_claimed",
        "amount_recovered",
        "workers",
    ),
    ClaimItem: ("amount_ordered", "amount_paid", "case_id"),
    Employer: ("key_monitoring", "blacklisted_on", "blacklisted_until", "district", "industry"),
}


def _scored_change(obj: Any) -> bool:
    cols = _SCORED.get(type(obj))
    if cols is None:
        return False
    attrs = inspect(obj).attrs
    return any(attrs[c].history.has_changes() for c in cols)


def note_touched(
    session: Session, employer_ids: Iterable[int], author: tuple[int | None, str | None]
) -> None:
    """For writers that bypass the ORM (the bulk ledger import): these employers' records
    changed in this transaction; re-score them at its commit, in ``author``'s name."""
    ids = {int(i) for i in employer_ids}
    if ids:
        session.info.setdefault(_TOUCHED, set()).update(ids)
        session.info[_AUTHOR] = author


@event.listens_for(Session, "before_commit")
def _refresh_touched(session: Session) -> None:
    """Each write that touches an employer's record re-scores that employer before it commits,
    in the same transaction: the stored level is never behind the cases it is computed from.
    The level change (if any) is recorded in the name of the write's author. A savepoint's
    release also fires this hook: only the outermost commit re-scores."""
    if session.in_nested_transaction():
        return
    session.flush()
    touched: set[int] = session.info.pop(_TOUCHED, set())
    cases: set[int] = session.info.pop(_TOUCHED_CASES, set())
    author = session.info.pop(_AUTHOR, (None, None))
    if cases:
        touched |= {
            eid
            for (eid,) in session.execute(
                select(Case.employer_id).where(Case.id.in_(sorted(cases)), Case.employer_id.is_not(None))
            )
        }
    if touched:
        refresh(session, None, employer_ids=touched, author=author, record_run=False)
        session.info.pop(_TOUCHED, None)
        session.info.pop(_TOUCHED_CASES, None)
        session.info.pop(_AUTHOR, None)


@event.listens_for(Session, "after_transaction_end")
def _forget_touched(session: Session, transaction: Any) -> None:
    """A rolled-back transaction re-scores nobody (a savepoint's end keeps the outer list)."""
    if transaction.parent is not None:
        return
    for key in (_TOUCHED, _TOUCHED_CASES, _AUTHOR):
        session.info.pop(key, None)
