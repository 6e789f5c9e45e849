"""The official indicators, each a SQL aggregate with its definition beside it.

A number computed differently from the official definition is worse than no number
(issue 4), so every predicate is written once, here, as a SQLAlchemy expression, and both
the one-indicator functions and the report's combined query are built from them. The
definitions (legal-rules §6.1) are repeated in ``docs/indicators.md`` in Chinese and English.

Common rules (共同口径):

* *accepted* (受理/立案) in a period: ``accepted_on`` falls in the period.
* *closed* (结案) in a period: ``closed_on`` falls in the period and the case was accepted
  (``accepted_on`` is set). A matter never accepted is not a case that can be closed.
* *pending at the start* (期初未结): accepted before the period began and not closed
  before it began.
* Refused applications and complaints (``Outcome.REFUSED``, 不予受理/不予立案) never count
  as accepted, pending or closed, whatever dates they carry (imports may set both).

Why the query looks like this: only the columns ``kind, accepted_on, closed_on, outcome,
district, green_channel, collective, supervised, workers, amount_*`` and the
``deadlines`` rows are read, so imported cases count the same as cases worked in the app.
All figures of any number of periods come from one pass (:func:`tally`): rows are grouped
by kind, district and the *bucket* of their acceptance and closing dates (the period
boundaries cut the calendar into buckets), and each period's figures are added up from
the few hundred groups afterwards, exactly by the predicates below. The rows that can
contribute anything are those still open, or accepted or closed on or after the earliest
period start; the ``WHERE`` spells that as an OR of per-kind ranges on the
``(kind, closed_on)`` and ``(kind, accepted_on)`` indexes, so the cost follows this year's
cases plus the open backlog, not the whole history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    and_,
    case,
    exists,
    false,
    func,
    literal_column,
    null,
    or_,
    select,
    true,
    type_coerce,
)
from sqlalchemy.orm import Session

from casemgr import settings
from casemgr.deadlines.rules import default_rules
from casemgr.enums import MEDIATION_SUCCESS_OUTCOMES, CaseKind, DeadlineState, Outcome
from casemgr.metrics.periods import Period
from casemgr.models import Case, Deadline, DeadlineRule, fen_to_yuan

RATE_QUANTUM = Decimal("0.0001")

#: Plan targets (汕尾市“十四五”规划 专栏2). Overridable with dated settings of the same key.
TARGET_DEFAULTS: dict[str, Decimal] = {
    "target.mediation_success_rate": Decimal("0.60"),
    "target.arbitration_closure_rate": Decimal("0.90"),
    "target.inspection_closure_rate": Decimal("0.96"),
}

KINDS: tuple[str, ...] = tuple(k.value for k in CaseKind)
SUCCESS_CODES: tuple[str, ...] = tuple(sorted(o.value for o in MEDIATION_SUCCESS_OUTCOMES))


# --------------------------------------------------------------------------- predicates


def not_refused() -> ColumnElement[bool]:
    """不予受理 never counts (NULL-safe: an open case has no outcome)."""
    return or_(Case.outcome.is_(None), Case.outcome != Outcome.REFUSED.value)


def _guard(cond: ColumnElement[bool], guard: bool) -> ColumnElement[bool]:
    # ``guard=False``: the caller filters refused cases in its WHERE once (tally), instead
    # of every conditional sum testing it again for every row.
    return and_(cond, not_refused()) if guard else cond


def accepted_in(p: Period, guard: bool = True) -> ColumnElement[bool]:
    """受理/立案 in the period: the acceptance (filing) date falls in it."""
    return _guard(and_(Case.accepted_on >= p.start, Case.accepted_on <= p.end), guard)


def closed_in(p: Period, guard: bool = True) -> ColumnElement[bool]:
    """结案 in the period: an accepted case whose closing date falls in it."""
    return _guard(
        and_(Case.closed_on >= p.start, Case.closed_on <= p.end, Case.accepted_on.is_not(None)), guard
    )


def succeeded_in(p: Period, guard: bool = True) -> ColumnElement[bool]:
    """调解成功: closed in the period with a success outcome (enums.MEDIATION_SUCCESS_OUTCOMES)."""
    return and_(closed_in(p, guard), Case.outcome.in_(SUCCESS_CODES))


def green_target_rule() -> ColumnElement[bool]:
    """A green-channel *target* clock: flagged so in ``deadline_rules``, or named ``*.green.*``.

    The name convention covers databases whose rules were never seeded into the table
    (the deadline engine then uses the rules shipped in ``resources/rules``).
    """
    flagged = select(DeadlineRule.code).where(DeadlineRule.green_channel.is_(True))
    return or_(Deadline.rule_code.in_(flagged), Deadline.rule_code.like("%.green.%"))


def green_late() -> ColumnElement[bool]:
    """A green-channel case missed a target: any breached clock, or a green target clock
    finished (or, if never finished, the case closed) after its due date."""
    return exists().where(
        Deadline.case_id == Case.id,
        or_(
            Deadline.state == DeadlineState.BREACHED.value,
            and_(
                Deadline.state != DeadlineState.CANCELLED.value,
                green_target_rule(),
                func.coalesce(Deadline.finished_on, Case.closed_on) > Deadline.due_on,
            ),
        ),
    )


def green_closed_in(p: Period, guard: bool = True) -> ColumnElement[bool]:
    return and_(Case.green_channel.is_(True), closed_in(p, guard))


def green_on_time_in(p: Period, guard: bool = True) -> ColumnElement[bool]:
    """绿色通道按时办结: green-channel case closed in the period and not :func:`green_late`."""
    return and_(green_closed_in(p, guard), ~green_late())


def helped_in(p: Period, guard: bool = True) -> ColumnElement[bool]:
    """帮助劳动者: closed in the period with some money recovered."""
    return and_(Case.amount_recovered > 0, closed_in(p, guard))


def in_district(district: str | None) -> ColumnElement[bool] | None:
    return None if district is None else Case.district == district


def driving_rows(min_start: dt.date, kinds: Iterable[str] = KINDS) -> ColumnElement[bool]:
    """Every row that can change any figure of a period starting on or after ``min_start``.

    Rows closed before ``min_start`` (and accepted before it) contribute nothing; the OR
    of per-kind index ranges lets SQLite (multi-index OR) and PostgreSQL (BitmapOr) skip
    them without reading the table.
    """
    terms: list[ColumnElement[bool]] = []
    for k in kinds:
        terms += [
            and_(Case.kind == k, Case.closed_on.is_(None)),
            and_(Case.kind == k, Case.closed_on >= min_start),
            and_(Case.kind == k, Case.accepted_on >= min_start),
        ]
    return or_(*terms) if terms else false()


# --------------------------------------------------------------------------- tally


def _count(cond: ColumnElement[bool]) -> Any:
    return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)


def _sum(cond: ColumnElement[bool], col: Any) -> Any:
    # Money columns are raw fen here (type_coerce): exact integer sums, converted once.
    return func.coalesce(func.sum(case((cond, type_coerce(col, Integer)), else_=0)), 0)


@dataclass(frozen=True)
class Tally:
    """Raw counts of one kind (and maybe one district) over one period. Money in fen."""

    pending_at_start: int = 0
    accepted: int = 0
    closed: int = 0
    succeeded: int = 0
    green_cases: int = 0
    green_on_time: int = 0
    collective: int = 0
    supervised: int = 0
    workers_involved: int = 0
    workers_helped: int = 0
    claimed_fen: int = 0
    recovered_fen: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(Tally)})


RATE_FIELDS = ("pending_at_start", "accepted", "closed", "succeeded")


def _day_after(day: dt.date) -> dt.date | None:
    return None if day == dt.date.max else day + dt.timedelta(days=1)


def boundaries(periods: Sequence[Period]) -> list[dt.date]:
    """Every day on which some period starts or the day after one ends, sorted."""
    days = {p.start for p in periods} | {d for p in periods if (d := _day_after(p.end)) is not None}
    return sorted(days)


def bucket(col: Any, bounds: Sequence[dt.date]) -> Any:
    """How many of ``bounds`` fall on or before the date in ``col`` (NULL stays NULL).

    Every period is a run of whole buckets, so "in the period", "before its start" and
    "on or after its start" become comparisons of small integers: exact, not approximate.
    """
    whens: list[tuple[Any, Any]] = [(col.is_(None), null())]
    whens += [(col < b, literal_column(str(i))) for i, b in enumerate(bounds)]
    return case(*whens, else_=literal_column(str(len(bounds))))


def _unordered(col: Any) -> Any:
    """``col || ''``: the same value, but no index can deliver it in order.

    Grouped by the bare ``kind, district``, SQLite walks the whole table in the order of
    ``ix_cases_kind_district_received`` (1M: 1.3 s) instead of reading the few index ranges
    of :func:`driving_rows` and grouping them in a temporary B-tree (0.3 s).
    """
    return col.op("||")(literal_column("''"))


def _cell_columns(min_start: dt.date, full: bool) -> list[Any]:
    """Per-row figures that do not depend on the period (summed per bucket pair).

    Which period a sum belongs to is decided afterwards from the bucket of ``accepted_on``
    (accepted-based figures) or ``closed_on`` (closing-based figures), exactly as
    :func:`accepted_in`, :func:`closed_in`, :func:`succeeded_in`, :func:`green_on_time_in`
    and :func:`helped_in` define them.
    """
    cols = [func.count(), _count(Case.outcome.in_(SUCCESS_CODES))]
    if full:
        green = Case.green_channel.is_(True)
        cols += [
            _count(green),
            # The deadline look-up only for green cases closed in some period (short-circuit).
            _count(and_(green, Case.closed_on >= min_start, ~green_late())),
            _count(Case.collective.is_(True)),
            _count(Case.supervised.is_(True)),
            _sum(true(), Case.workers),
            _sum(Case.amount_recovered > 0, Case.workers),
            _sum(true(), Case.amount_claimed),
            _sum(true(), Case.amount_recovered),
        ]
    return cols


def tally_statement(
    periods: Sequence[Period], district: str | None = None, *, full: bool = True, by_district: bool = False
) -> Select[Any]:
    """The one query behind :func:`tally`: rows grouped by kind, district and the buckets
    (:func:`bucket`) of their acceptance and closing dates.

    One pass over the rows that can matter (:func:`driving_rows`) serves any number of
    periods: the month, the year to date and the 12-month trend cost one read of this
    year's cases, where a conditional sum per period and figure made SQLite evaluate
    hundreds of ``CASE`` terms per row.
    """
    bounds = boundaries(periods)
    min_start = min(p.start for p in periods)
    group: list[Any] = [_unordered(Case.kind)]
    group.append(_unordered(Case.district) if by_district else literal_column("NULL"))
    group += [bucket(Case.accepted_on, bounds), bucket(Case.closed_on, bounds)]
    keys = [g.label(f"k{i}") for i, g in enumerate(group)]
    stmt = (
        select(*keys, *_cell_columns(min_start, full))
        .where(driving_rows(min_start), not_refused())
        .group_by(*(group if by_district else [group[0], group[2], group[3]]))
    )
    cond = in_district(district)
    if cond is not None:
        stmt = stmt.where(cond)
    return stmt


def tally(
    session: Session,
    periods: Sequence[Period],
    district: str | None = None,
    *,
    full: bool = True,
    by_district: bool = False,
) -> list[dict[tuple[str, str | None], Tally]]:
    """One query: for each period, the tallies keyed by (kind, district or None).

    ``full=False`` computes only what the three rates need (the 12-month trend).
    """
    if not periods:
        return []
    bounds = boundaries(periods)
    spans = []
    for p in periods:
        after = _day_after(p.end)
        # Bucket b holds dates in [bounds[b-1], bounds[b]): the period is buckets lo..hi.
        spans.append((bounds.index(p.start) + 1, len(bounds) if after is None else bounds.index(after)))
    acc: list[dict[tuple[str, str | None], list[int]]] = [{} for _ in periods]
    for row in session.execute(tally_statement(periods, district, full=full, by_district=by_district)):
        kind, dist, ab, cb = row[0], row[1] if by_district else district, row[2], row[3]
        cells = [a.setdefault((kind, dist), [0] * 12) for a in acc]
        if ab is None:  # never accepted: counts nowhere (closed_in needs accepted_on too)
            continue
        n, won, *rest = (int(v or 0) for v in row[4:])
        green, green_ok, coll, sup, workers, helped, claimed, recovered = rest or [0] * 8
        for t, (lo, hi) in zip(cells, spans, strict=True):
            if ab < lo and (cb is None or cb >= lo):
                t[0] += n
            if lo <= ab <= hi:
                t[1] += n
                t[6] += coll
                t[7] += sup
                t[8] += workers
                t[10] += claimed
            if cb is not None and lo <= cb <= hi:
                t[2] += n
                t[3] += won
                t[4] += green
                t[5] += green_ok
                t[9] += helped
                t[11] += recovered
    return [{key: Tally(*v) for key, v in a.items()} for a in acc]


def total(tallies: dict[tuple[str, str | None], Tally], kinds: Iterable[str] = KINDS) -> Tally:
    acc = Tally()
    wanted = set(kinds)
    for (kind, _), t in tallies.items():
        if kind in wanted:
            acc = acc + t
    return acc


# --------------------------------------------------------------------------- ratios


def rate(numerator: int, denominator: int) -> Decimal | None:
    """numerator ÷ denominator to 4 decimals (half up); ``None`` when nothing to divide by."""
    if denominator == 0:
        return None
    return (Decimal(numerator) / Decimal(denominator)).quantize(RATE_QUANTUM, rounding=ROUND_HALF_UP)


def target(session: Session, key: str, on: dt.date) -> Decimal:
    """The plan target in force on ``on``: a stored setting, else the plan's figure."""
    try:
        return Decimal(str(settings.get(session, key, on)))
    except KeyError:
        return TARGET_DEFAULTS[key]


@dataclass(frozen=True)
class Ratio:
    numerator: int
    denominator: int
    target: Decimal | None = None

    @property
    def rate(self) -> Decimal | None:
        return rate(self.numerator, self.denominator)

    @property
    def met(self) -> bool | None:
        r = self.rate
        if r is None or self.target is None:
            return None
        return r >= self.target


def mediation_ratio(t: dict[tuple[str, str | None], Tally], tgt: Decimal | None = None) -> Ratio:
    both = total(t, (CaseKind.MEDIATION.value, CaseKind.ARBITRATION.value))
    return Ratio(both.succeeded, both.closed, tgt)


def closure_ratio(t: dict[tuple[str, str | None], Tally], kind: str, tgt: Decimal | None = None) -> Ratio:
    k = total(t, (kind,))
    return Ratio(k.closed, k.pending_at_start + k.accepted, tgt)


# --------------------------------------------------------------------------- one function per indicator


def mediation_success_rate(session: Session, period: Period, district: str | None = None) -> Ratio:
    """劳动人事争议调解成功率 / mediation success rate.

    分子：本期以调解成功结案的案件数——调解组织达成调解协议、和解（含和解后撤回），加上
    仲裁机构以仲裁调解书结案的案件。分母：本期调解组织和仲裁机构全部结案数（不含不予受理）。

    Numerator: mediation and arbitration cases closed in the period with an outcome in
    ``MEDIATION_SUCCESS_OUTCOMES`` (agreement, settlement, withdrawn after settlement,
    仲裁调解书). Denominator: all mediation and arbitration cases closed in the period.
    """
    t = tally(session, [period], district, full=False)[0]
    return mediation_ratio(t, target(session, "target.mediation_success_rate", period.end))


def arbitration_closure_rate(session: Session, period: Period, district: str | None = None) -> Ratio:
    """劳动人事争议仲裁结案率 / arbitration closure rate.

    分子：本期仲裁结案数（裁决、调解书、撤回、其他方式）。分母：期初未结案件数 + 本期立案受理数。
    不予受理的申请既不计入分子也不计入分母。

    Numerator: arbitration cases closed in the period (any way). Denominator: arbitration
    cases pending at the start of the period + accepted in the period. Refused: neither.
    """
    t = tally(session, [period], district, full=False)[0]
    return closure_ratio(
        t, CaseKind.ARBITRATION.value, target(session, "target.arbitration_closure_rate", period.end)
    )


def inspection_closure_rate(session: Session, period: Period, district: str | None = None) -> Ratio:
    """劳动保障监察举报投诉案件结案率 / inspection complaint closure rate.

    分子：本期举报投诉案件结案数（作出处理/处罚决定、撤销立案、移送等）。分母：期初未结 + 本期立案数。
    不予立案的举报投诉不计入。

    Numerator: complaints closed in the period. Denominator: complaints pending at the
    start + filed (立案) in the period. Refused complaints: neither.
    """
    t = tally(session, [period], district, full=False)[0]
    return closure_ratio(
        t, CaseKind.INSPECTION.value, target(session, "target.inspection_closure_rate", period.end)
    )


def green_channel_on_time_rate(session: Session, period: Period, district: str | None = None) -> Ratio:
    """绿色通道按时办结率 / green-channel on-time rate.

    分母：本期结案的绿色通道案件（三类案件合计）。分子：其中没有任何期限被标记为超期
    （breached），且每个绿色通道目标期限都在到期日当日或之前完成（未完成的按结案日计）的案件。

    Denominator: green-channel cases (all kinds) closed in the period. Numerator: those
    with no breached deadline and every green-channel target clock finished (or, if
    never finished, the case closed) on or before its due date.
    """
    t = total(tally(session, [period], district)[0])
    return Ratio(t.green_on_time, t.green_cases)


@dataclass(frozen=True)
class Arrears:
    recovered: Decimal  # yuan, cases closed in the period
    claimed: Decimal  # yuan, cases accepted in the period
    workers_helped: int
    workers_involved: int


def arrears(session: Session, period: Period, district: str | None = None) -> Arrears:
    """追回金额与帮助劳动者 / amounts recovered and workers helped.

    追回金额：本期结案案件的 amount_recovered 合计（元）。帮助劳动者人数：本期结案且追回金额
    大于零的案件的涉及人数之和。请求金额、涉及人数按本期受理的案件计。

    Recovered: sum of ``amount_recovered`` of cases closed in the period. Workers helped:
    sum of ``workers`` of cases closed in the period with something recovered. Amount
    claimed and workers involved: cases accepted in the period.
    """
    t = total(tally(session, [period], district)[0])
    return Arrears(
        fen_to_yuan(t.recovered_fen), fen_to_yuan(t.claimed_fen), t.workers_helped, t.workers_involved
    )


# --------------------------------------------------------------------------- overdue


#: A party's own period (答辩期, 申请仲裁的权利, 限期支付): past its date it is the party who is
#: late, not the bureau. The board never lists these as overdue; nor does the report (issue
#: 15: the report counted them, the board did not). ``party_period`` is not an editable field
#: of a rule, so the shipped rules say which they are.
PARTY_PERIODS = tuple(sorted(r.code for r in default_rules() if r.party_period))


def overdue_condition(as_of: dt.date) -> ColumnElement[bool]:
    """A clock of the bureau's past due on ``as_of``: breached, or still running with its due
    date before it (a party's own period is never the bureau's delay: :data:`PARTY_PERIODS`).

    ``coalesce(state, '')`` is the same value but not an index key: looked up per case, the
    planner must use ``ix_deadlines_case`` rather than scan every breached clock ever.
    """
    return and_(
        func.coalesce(Deadline.state, "").in_((DeadlineState.BREACHED.value, DeadlineState.RUNNING.value)),
        Deadline.due_on < as_of,
        Deadline.rule_code.not_in(PARTY_PERIODS),
    )


def open_on(as_of: dt.date) -> ColumnElement[bool]:
    """Not refused and not closed by ``as_of``.

    Spelled as per-kind ranges on ``(kind, closed_on)`` (open, or closed after ``as_of``) so
    the closed history is skipped by the index, however many clocks it breached. "Received
    by ``as_of``" needs no term of its own next to :func:`overdue_condition`: a clock starts
    on or after receipt, so one due before ``as_of`` implies the case was received by then.
    """
    still_open = or_(
        *[
            term
            for k in KINDS
            for term in (
                and_(Case.kind == k, Case.closed_on.is_(None)),
                and_(Case.kind == k, Case.closed_on > as_of),
            )
        ]
    )
    return and_(still_open, not_refused())


def has_overdue_clock(as_of: dt.date) -> ColumnElement[bool]:
    return exists().where(Deadline.case_id == Case.id, overdue_condition(as_of))


def earliest_overdue_due(as_of: dt.date) -> Any:
    """The due date of the case's earliest past-due clock (for "days overdue")."""
    return (
        select(func.min(Deadline.due_on))
        .where(Deadline.case_id == Case.id, overdue_condition(as_of))
        .correlate(Case)
        .scalar_subquery()
    )


def overdue_counts(
    session: Session, as_of: dt.date, district: str | None = None
) -> dict[tuple[str, str | None], int]:
    """超期案件 / cases past a statutory deadline on ``as_of``, by (kind, district).

    未结案件中，存在已超期（breached）或仍在计时且到期日早于统计日的期限的案件数。
    Open cases with a clock that is breached, or running with its due date before ``as_of``.
    Driven by the open cases (index on ``closed_on``), then one indexed look-up of the
    case's clocks, so the breached clocks of long-closed cases are never read.
    """
    # Two queries, each one index range: still open, and closed after ``as_of`` (grouped
    # by closed_on first, so the range on (kind, closed_on) also gives the order). As one
    # OR grouped by (kind, district), SQLite at 1M cases chose to scan every case in that
    # index order instead (1.2 s instead of milliseconds).
    out: dict[tuple[str, str | None], int] = {}
    for still_open in (Case.closed_on.is_(None), and_(Case.kind.in_(KINDS), Case.closed_on > as_of)):
        stmt = (
            select(Case.kind, Case.district, func.count())
            .where(still_open, not_refused(), has_overdue_clock(as_of))
            .group_by(Case.kind, Case.closed_on, Case.district)
        )
        cond = in_district(district)
        if cond is not None:
            stmt = stmt.where(cond)
        for r in session.execute(stmt):
            out[(r[0], r[1])] = out.get((r[0], r[1]), 0) + int(r[2])
    return out


def overdue_cases(session: Session, as_of: dt.date, district: str | None = None) -> int:
    return sum(overdue_counts(session, as_of, district).values())
