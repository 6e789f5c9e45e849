"""The monthly report's figures as plain data, and its JSON form.

``collect`` runs a fixed, small number of aggregate queries (the month, the year to date
and the 12-month trend in one pass, overdue counts, two bounded lists), so
the cost does not grow with the number of closed cases. The result is a tree of frozen
dataclasses that the PDF/xlsx builders render and that a closed month stores as its
snapshot (``dump``/``load``); ID numbers are masked *before* they enter it, so no
snapshot or printed report ever holds a full ID number.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from casemgr import anchors, clock, privacy, settings, validation
from casemgr.deadlines.lateness import cases_late_by
from casemgr.enums import DISTRICTS_SHANWEI, CaseKind, PartyRole
from casemgr.metrics import indicators as ind
from casemgr.metrics import mediation_link as ml
from casemgr.metrics import report_arb
from casemgr.metrics.periods import Period, month_key, previous_months
from casemgr.models import Case, CaseParty, Employer, Person, fen_to_yuan

LIST_LIMIT = 20
TREND_MONTHS = 12
MAX_PERSONS_LISTED = 2


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Figures:
    """One period's block of the report (the JSON keys of issue 4)."""

    period: Period
    mediation: ind.Ratio
    arbitration_pending: int
    arbitration_accepted: int
    arbitration: ind.Ratio
    inspection_pending: int
    inspection_filed: int
    inspection: ind.Ratio
    green: ind.Ratio
    recovered: Decimal
    claimed: Decimal
    workers_helped: int
    workers_involved: int
    collective: int
    supervised: int
    overdue: int


@dataclass(frozen=True)
class KindRow:
    kind: str
    pending_at_start: int
    accepted: int
    closed: int
    closure: ind.Ratio  # closed ÷ (pending + accepted)
    succeeded: int
    collective: int
    supervised: int
    green_cases: int
    green_on_time: int
    overdue: int
    workers_involved: int
    workers_helped: int
    claimed: Decimal
    recovered: Decimal


@dataclass(frozen=True)
class DistrictRow:
    district: str | None
    mediation: ind.Ratio
    arbitration: ind.Ratio
    inspection: ind.Ratio
    overdue: int
    recovered: Decimal
    workers_helped: int


@dataclass(frozen=True)
class TrendPoint:
    month: str
    mediation: Decimal | None
    arbitration: Decimal | None
    inspection: Decimal | None


@dataclass(frozen=True)
class PartyRef:
    role: str
    name: str | None  # None: a reporter, whose identity is confidential (条例 Art. 9)
    masked_id: str


@dataclass(frozen=True)
class ListedCase:
    number: str
    kind: str
    district: str | None
    persons: tuple[PartyRef, ...]
    persons_total: int
    employers: tuple[str, ...]
    due_on: dt.date | None  # overdue list: the earliest past-due clock
    days: int | None  # overdue: how late on as_of, in ``unit``; green: days from acceptance to closing
    on_time: bool | None  # green list only
    unit: str = "calendar"  # overdue: "working" for a working-day rule (deadlines.lateness)


@dataclass(frozen=True)
class CaseList:
    total: int
    rows: tuple[ListedCase, ...]


@dataclass(frozen=True)
class Correction:
    """A figure of a closed month that later corrections would change."""

    key: str  # dotted JSON key, e.g. "year_to_date.arbitration.closed"
    frozen: Any
    corrected: Any


@dataclass(frozen=True)
class Closure:
    closed_at: dt.datetime
    closed_by: str | None
    corrections: tuple[Correction, ...] = ()
    changed_cases: tuple[str, ...] = ()  # case numbers updated after the closure (bounded)
    changed_cases_total: int = 0


@dataclass(frozen=True)
class ReportData:
    bureau: str
    month: str  # YYYY-MM
    district: str | None
    generated_at: dt.datetime
    as_of: dt.date  # overdue counted on this day: end of month, or today if earlier
    figures: Figures
    year_to_date: Figures
    by_kind: tuple[KindRow, ...]
    by_district: tuple[DistrictRow, ...]
    trend: tuple[TrendPoint, ...]
    green_list: CaseList
    overdue_list: CaseList
    closure: Closure | None = None
    list_limit: int = LIST_LIMIT
    notes: tuple[str, ...] = field(default=())
    # The audit chain's head when the report was made (casemgr.anchors): printed, so a later
    # truncation or rewrite of the trail is caught by ``audit verify --anchor``.
    audit_anchor: anchors.Anchor | None = None
    arb_finality: report_arb.ArbFinality | None = None  # 仲裁终局与终结 (issue 21)
    mediation_link: ml.MediationLink | None = None  # 调裁衔接 (issue 21); None in older snapshots


# --------------------------------------------------------------------------- collect


def _figures(
    session: Session,
    period: Period,
    t: dict[tuple[str, str | None], ind.Tally],
    overdue: int,
    targets: dict[str, Decimal],
) -> Figures:
    arb = ind.total(t, (CaseKind.ARBITRATION.value,))
    ins = ind.total(t, (CaseKind.INSPECTION.value,))
    alltot = ind.total(t)
    return Figures(
        period=period,
        mediation=ind.mediation_ratio(t, targets["target.mediation_success_rate"]),
        arbitration_pending=arb.pending_at_start,
        arbitration_accepted=arb.accepted,
        arbitration=ind.closure_ratio(
            t, CaseKind.ARBITRATION.value, targets["target.arbitration_closure_rate"]
        ),
        inspection_pending=ins.pending_at_start,
        inspection_filed=ins.accepted,
        inspection=ind.closure_ratio(t, CaseKind.INSPECTION.value, targets["target.inspection_closure_rate"]),
        green=ind.Ratio(alltot.green_on_time, alltot.green_cases),
        recovered=fen_to_yuan(alltot.recovered_fen),
        claimed=fen_to_yuan(alltot.claimed_fen),
        workers_helped=alltot.workers_helped,
        workers_involved=alltot.workers_involved,
        collective=alltot.collective,
        supervised=alltot.supervised,
        overdue=overdue,
    )


def _district_order(d: str | None) -> tuple[int, str]:
    if d is None:
        return (2, "")
    if d in DISTRICTS_SHANWEI:
        return (0, f"{DISTRICTS_SHANWEI.index(d):03d}")
    return (1, d)


def collect(
    session: Session,
    year: int,
    month: int,
    district: str | None = None,
    *,
    today: dt.date | None = None,
    now: dt.datetime | None = None,
    list_limit: int = LIST_LIMIT,
) -> ReportData:
    """All figures of the monthly report, from live data."""
    district = validation.clean_district(district)
    today = today or clock.today()
    now = now or clock.now()
    m = Period.month(year, month)
    ytd = Period.year_to_date(year, month)
    as_of = min(m.end, today)
    targets = {k: ind.target(session, k, m.end) for k in ind.TARGET_DEFAULTS}

    months = previous_months(year, month, TREND_MONTHS)
    # One pass for the month, the year to date and the trend (casemgr.metrics.indicators.tally).
    t_month, t_ytd, *trend_t = ind.tally(
        session, [m, ytd, *(Period.month(y, mm) for y, mm in months)], district, by_district=True
    )
    overdue = ind.overdue_counts(session, as_of, district)
    overdue_total = sum(overdue.values())

    by_kind: list[KindRow] = []
    for kind in ind.KINDS:
        k = ind.total(t_month, (kind,))
        by_kind.append(
            KindRow(
                kind=kind,
                pending_at_start=k.pending_at_start,
                accepted=k.accepted,
                closed=k.closed,
                closure=ind.Ratio(k.closed, k.pending_at_start + k.accepted),
                succeeded=k.succeeded,
                collective=k.collective,
                supervised=k.supervised,
                green_cases=k.green_cases,
                green_on_time=k.green_on_time,
                overdue=sum(v for (kk, _), v in overdue.items() if kk == kind),
                workers_involved=k.workers_involved,
                workers_helped=k.workers_helped,
                claimed=fen_to_yuan(k.claimed_fen),
                recovered=fen_to_yuan(k.recovered_fen),
            )
        )

    districts = {d for (_, d) in t_month} | {d for (_, d) in overdue}
    by_district: list[DistrictRow] = []
    for d in sorted(districts, key=_district_order):
        sub = {key: v for key, v in t_month.items() if key[1] == d}
        alld = ind.total(sub)
        by_district.append(
            DistrictRow(
                district=d,
                mediation=ind.mediation_ratio(sub, targets["target.mediation_success_rate"]),
                arbitration=ind.closure_ratio(
                    sub, CaseKind.ARBITRATION.value, targets["target.arbitration_closure_rate"]
                ),
                inspection=ind.closure_ratio(
                    sub, CaseKind.INSPECTION.value, targets["target.inspection_closure_rate"]
                ),
                overdue=sum(v for (_, dd), v in overdue.items() if dd == d),
                recovered=fen_to_yuan(alld.recovered_fen),
                workers_helped=alld.workers_helped,
            )
        )

    trend = tuple(
        TrendPoint(
            month=month_key(y, mm),
            mediation=ind.mediation_ratio(t).rate,
            arbitration=ind.closure_ratio(t, CaseKind.ARBITRATION.value).rate,
            inspection=ind.closure_ratio(t, CaseKind.INSPECTION.value).rate,
        )
        for (y, mm), t in zip(months, trend_t, strict=True)
    )

    figures = _figures(session, m, t_month, overdue_total, targets)
    return ReportData(
        bureau=str(settings.get(session, "bureau_name", m.end)),
        month=month_key(year, month),
        district=district,
        generated_at=now,
        as_of=as_of,
        figures=figures,
        year_to_date=_figures(session, ytd, t_ytd, overdue_total, targets),
        by_kind=tuple(by_kind),
        by_district=tuple(by_district),
        trend=trend,
        green_list=CaseList(figures.green.denominator, _green_rows(session, m, district, list_limit)),
        overdue_list=CaseList(overdue_total, _overdue_rows(session, as_of, district, list_limit)),
        list_limit=list_limit,
        audit_anchor=anchors.current(session, f"report {month_key(year, month)}"),
        arb_finality=report_arb.collect(session, m, ytd, district, today),
        mediation_link=ml.collect(session, year, month, district),
    )


def _green_rows(session: Session, m: Period, district: str | None, limit: int) -> tuple[ListedCase, ...]:
    late = ind.green_late()
    stmt = (
        select(Case.id, Case.number, Case.kind, Case.district, Case.accepted_on, Case.closed_on, late)
        .where(ind.green_closed_in(m))
        .order_by(late.desc(), Case.closed_on, Case.number)
        .limit(limit)
    )
    if district is not None:
        stmt = stmt.where(Case.district == district)
    rows = session.execute(stmt).all()
    parties = _parties(session, [r[0] for r in rows])
    out = []
    for cid, number, kind, dist, acc, closed, is_late in rows:
        persons, n, emps = parties.get(cid, ((), 0, ()))
        out.append(
            ListedCase(
                number=number,
                kind=kind,
                district=dist,
                persons=persons,
                persons_total=n,
                employers=emps,
                due_on=None,
                days=(closed - acc).days if closed and acc else None,
                on_time=not bool(is_late),
            )
        )
    return tuple(out)


def _overdue_rows(
    session: Session, as_of: dt.date, district: str | None, limit: int
) -> tuple[ListedCase, ...]:
    due = ind.earliest_overdue_due(as_of).label("due")
    stmt = (
        select(Case.id, Case.number, Case.kind, Case.district, due)
        .where(ind.open_on(as_of), ind.has_overdue_clock(as_of))
        .order_by(due, Case.number)
        .limit(limit)
    )
    if district is not None:
        stmt = stmt.where(Case.district == district)
    rows = session.execute(stmt).all()
    parties = _parties(session, [r[0] for r in rows])
    late = cases_late_by(session, [(r[0], r[4]) for r in rows], as_of)
    out = []
    for cid, number, kind, dist, due_on in rows:
        persons, n, emps = parties.get(cid, ((), 0, ()))
        out.append(
            ListedCase(
                number=number,
                kind=kind,
                district=dist,
                persons=persons,
                persons_total=n,
                employers=emps,
                due_on=due_on,
                days=late[cid][0],
                on_time=None,
                unit=late[cid][1],
            )
        )
    return tuple(out)


PERSON_ROLES = (
    PartyRole.APPLICANT.value,
    PartyRole.COMPLAINANT.value,
    PartyRole.REPORTER.value,
    PartyRole.REPRESENTATIVE.value,
)


def _parties(
    session: Session, case_ids: Sequence[int]
) -> dict[int, tuple[tuple[PartyRef, ...], int, tuple[str, ...]]]:
    """Workers (masked) and employers of at most ``LIST_LIMIT`` listed cases."""
    if not case_ids:
        return {}
    rows = session.execute(
        select(
            CaseParty.case_id,
            CaseParty.role,
            Person.name,
            Person.id_number,
            Employer.name,
            privacy.confidential_link(Case, CaseParty),
        )
        .join(Case, Case.id == CaseParty.case_id)
        .outerjoin(Person, Person.id == CaseParty.person_id)
        .outerjoin(Employer, Employer.id == CaseParty.employer_id)
        .where(CaseParty.case_id.in_(case_ids))
        .order_by(CaseParty.case_id, CaseParty.id)
    ).all()
    acc: dict[int, tuple[list[PartyRef], list[int], list[str]]] = {}
    for cid, role, pname, pid, ename, confidential in rows:
        persons, count, emps = acc.setdefault(cid, ([], [0], []))
        if ename is not None:
            if ename not in emps:
                emps.append(ename)
        elif role in PERSON_ROLES:
            count[0] += 1
            if len(persons) < MAX_PERSONS_LISTED:
                if confidential:  # a reporter, or the complainant of a 举报 (casemgr.privacy)
                    persons.append(PartyRef(PartyRole.REPORTER.value, None, ""))
                else:
                    persons.append(PartyRef(role, pname, privacy.mask_id_number(pid) or ""))
    return {cid: (tuple(p), c[0], tuple(e)) for cid, (p, c, e) in acc.items()}


def changed_since(
    session: Session, ytd: Period, since: dt.datetime, district: str | None, limit: int = LIST_LIMIT
) -> tuple[tuple[str, ...], int]:
    """Cases touching the year to date that were edited after ``since`` (bounded list + count)."""
    cond = and_(
        Case.updated_at > since,
        ind.driving_rows(ytd.start),
        Case.received_on <= ytd.end,
    )
    if district is not None:
        cond = and_(cond, Case.district == district)
    n = session.execute(select(func.count()).select_from(Case).where(cond)).scalar_one()
    numbers = session.execute(select(Case.number).where(cond).order_by(Case.number).limit(limit)).scalars()
    return tuple(numbers), int(n)


# --------------------------------------------------------------------------- JSON (the contract)


def _rate_json(r: Decimal | None) -> float | None:
    # 4 decimals already (Ratio.rate); a JSON number as issue 4 asks.
    return None if r is None else float(r)


def figures_json(f: Figures) -> dict[str, Any]:
    """The block of issue 4: exactly these keys (plus a few documented extras)."""
    return {
        "period": {"from": f.period.start.isoformat(), "to": f.period.end.isoformat()},
        "mediation": {
            "closed": f.mediation.denominator,
            "succeeded": f.mediation.numerator,
            "success_rate": _rate_json(f.mediation.rate),
        },
        "arbitration": {
            "pending_at_start": f.arbitration_pending,
            "accepted": f.arbitration_accepted,
            "closed": f.arbitration.numerator,
            "closure_rate": _rate_json(f.arbitration.rate),
        },
        "inspection": {
            "pending_at_start": f.inspection_pending,
            "filed": f.inspection_filed,
            "closed": f.inspection.numerator,
            "closure_rate": _rate_json(f.inspection.rate),
        },
        "green_channel": {
            "cases": f.green.denominator,
            "on_time": f.green.numerator,
            "on_time_rate": _rate_json(f.green.rate),
        },
        "arrears": {
            "recovered_yuan": f"{f.recovered:.2f}",
            "workers": f.workers_helped,
            "claimed_yuan": f"{f.claimed:.2f}",
            "workers_involved": f.workers_involved,
        },
        "cases": {"collective": f.collective, "supervised": f.supervised, "overdue": f.overdue},
    }


def _ratio_json(r: ind.Ratio) -> dict[str, Any]:
    return {"numerator": r.numerator, "denominator": r.denominator, "rate": _rate_json(r.rate)}


def to_json(data: ReportData) -> dict[str, Any]:
    """The report as JSON for other systems: the month's block at the top level."""
    f = data.figures
    doc: dict[str, Any] = {
        "report": {
            "bureau": data.bureau,
            "month": data.month,
            "district": data.district,
            "generated_at": data.generated_at.astimezone(dt.UTC).isoformat(),
            "overdue_as_of": data.as_of.isoformat(),
            "closed": None,
            "audit_anchor": (
                {"seq": data.audit_anchor.seq, "hash": data.audit_anchor.hash} if data.audit_anchor else None
            ),
        },
        **figures_json(f),
        "targets": {
            "mediation_success_rate": _rate_json(f.mediation.target),
            "arbitration_closure_rate": _rate_json(f.arbitration.target),
            "inspection_closure_rate": _rate_json(f.inspection.target),
        },
        "year_to_date": figures_json(data.year_to_date),
        "by_kind": [
            {
                "kind": k.kind,
                "pending_at_start": k.pending_at_start,
                "accepted": k.accepted,
                "closed": k.closed,
                "closure_rate": _rate_json(k.closure.rate),
                "succeeded": k.succeeded,
                "collective": k.collective,
                "supervised": k.supervised,
                "green_cases": k.green_cases,
                "green_on_time": k.green_on_time,
                "overdue": k.overdue,
                "workers_involved": k.workers_involved,
                "workers_helped": k.workers_helped,
                "claimed_yuan": f"{k.claimed:.2f}",
                "recovered_yuan": f"{k.recovered:.2f}",
            }
            for k in data.by_kind
        ],
        "by_district": [
            {
                "district": d.district,
                "mediation": _ratio_json(d.mediation),
                "arbitration": _ratio_json(d.arbitration),
                "inspection": _ratio_json(d.inspection),
                "overdue": d.overdue,
                "recovered_yuan": f"{d.recovered:.2f}",
                "workers_helped": d.workers_helped,
            }
            for d in data.by_district
        ],
        "trend": [
            {
                "month": p.month,
                "mediation_success_rate": _rate_json(p.mediation),
                "arbitration_closure_rate": _rate_json(p.arbitration),
                "inspection_closure_rate": _rate_json(p.inspection),
            }
            for p in data.trend
        ],
        "green_channel_list": _list_json(data.green_list),
        "overdue_list": _list_json(data.overdue_list),
        "arbitration_finality": report_arb.to_json(data.arb_finality),
        "mediation_link": ml.to_json(data.mediation_link),
    }
    if data.closure is not None:
        c = data.closure
        doc["report"]["closed"] = {
            "closed_at": c.closed_at.astimezone(dt.UTC).isoformat(),
            "closed_by": c.closed_by,
            "corrections": [
                {"key": x.key, "frozen": x.frozen, "corrected": x.corrected} for x in c.corrections
            ],
            "changed_cases": list(c.changed_cases),
            "changed_cases_total": c.changed_cases_total,
        }
    return doc


def _list_json(cl: CaseList) -> dict[str, Any]:
    return {
        "total": cl.total,
        "rows": [
            {
                "number": r.number,
                "kind": r.kind,
                "district": r.district,
                "persons": [{"role": p.role, "name": p.name, "id": p.masked_id} for p in r.persons],
                "persons_total": r.persons_total,
                "employers": list(r.employers),
                "due_on": r.due_on.isoformat() if r.due_on else None,
                "days": r.days,
                "on_time": r.on_time,
            }
            for r in cl.rows
        ],
    }


def flat(doc: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """``{"a": {"b": 1}}`` -> ``{"a.b": 1}`` for the figure blocks (lists are skipped)."""
    out: dict[str, Any] = {}
    for k, v in doc.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            out.update(flat(v, key + "."))
        elif not isinstance(v, list):
            out[key] = v
    return out


# --------------------------------------------------------------------------- snapshot codec


def dump(obj: Any) -> Any:
    """A dataclass tree as JSON-able data (Decimal as string, dates ISO): the snapshot."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: dump(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, Decimal):
        return str(obj)
    if isinstance(obj, dt.datetime | dt.date):
        return obj.isoformat()
    if isinstance(obj, tuple | list):
        return [dump(x) for x in obj]
    return obj


def load(cls: Any, raw: Any) -> Any:
    """Inverse of :func:`dump` driven by the dataclasses' type hints."""
    if raw is None:
        return None
    origin = typing.get_origin(cls)
    if origin in (types.UnionType, typing.Union):
        inner = [a for a in typing.get_args(cls) if a is not type(None)]
        return load(inner[0], raw)
    if origin is tuple:
        return tuple(load(typing.get_args(cls)[0], x) for x in raw)
    if cls is Any:
        return raw
    if dataclasses.is_dataclass(cls):
        hints = typing.get_type_hints(cls)
        return cls(
            **{f.name: load(hints[f.name], raw[f.name]) for f in dataclasses.fields(cls) if f.name in raw}
        )
    if cls is Decimal:
        return Decimal(raw)
    if cls is dt.datetime:
        return dt.datetime.fromisoformat(raw)
    if cls is dt.date:
        return dt.date.fromisoformat(raw)
    return cls(raw)
