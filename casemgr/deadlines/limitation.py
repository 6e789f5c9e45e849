"""Limitation warnings (warnings, not refusals: the commission or the bureau decides).

* Arbitration (调解仲裁法 Art. 27, 办案规则 Arts. 26-27): one year from the day the party
  knew or should have known that the right was infringed (¶1). For unpaid wages there is no
  limit while employment lasts; after it ends, one year from the end (¶4). An interruption —
  a demand made on the other side, a complaint or an application to an authority, the other
  side agreeing to perform — starts the year afresh (¶2). The app warns when the
  application came in after the last day, counted from the latest of those dates.
  Suspension (¶3: force majeure or another justified reason kept the party from applying):
  the year stops while the cause lasts and runs on ("继续计算") from the day it ended, so
  the days from the cause's start (or the year's start, if later) to its end are added;
  while the cause lasts there is no last day. Art. 27 ¶3 puts no "last six months"
  condition on it (that is 民法典 Art. 194, for civil actions; the special law governs), and
  the year does not restart after it (that is an interruption, ¶2). A cause that began
  after the year had run out changes nothing. Applied to the wage year of ¶4 as to ¶1's
  (our reading: ¶4 is the same limitation, moved to the end of employment).
* Inspection (劳动保障监察条例 Art. 20): a violation neither discovered nor complained of or
  reported within two years is no longer investigated; counted from the violation or, if it
  continued, from its end.

A year ends on the same calendar day a year later (民法典 Art. 200-201: the start day is
not counted); a last day that is not a working day moves to the next working day (民法典
Art. 203), when a calendar is given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from casemgr.enums import CaseKind, ClaimType

#: Claims for pay (劳动报酬): no limitation while employment lasts (Law Art. 27 ¶4).
WAGE_TYPES = frozenset({ClaimType.WAGES, ClaimType.OVERTIME})


@dataclass(frozen=True)
class LimitationWarning:
    code: str  # "arbitration_limitation" | "wage_limitation" | "inspection_lookback"
    limit_date: dt.date
    zh: str
    en: str


def add_years(d: dt.date, years: int) -> dt.date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def _last_day(start: dt.date, years: int, next_working_day: Callable[[dt.date], dt.date] | None) -> dt.date:
    end = add_years(start, years)
    return next_working_day(end) if next_working_day is not None else end


def limitation_warnings(
    kind: str,
    received_on: dt.date,
    employment_ended_on: dt.date | None,
    violation_on: dt.date | None,
    *,
    knew_on: dt.date | None = None,
    interrupted_on: dt.date | None = None,
    suspended_from: dt.date | None = None,
    suspended_to: dt.date | None = None,
    claim_types: Iterable[ClaimType | str] = (),
    next_working_day: Callable[[dt.date], dt.date] | None = None,
) -> list[LimitationWarning]:
    """The warnings for a case received on ``received_on``.

    ``claim_types``: the case's claims. Wage claims count from the end of employment (none
    while it lasts); other claims from ``knew_on`` or, when it is not known, from the end of
    employment (a dismissal is known the day it happens). No claims given: counted like
    other claims.
    """
    out: list[LimitationWarning] = []
    k = CaseKind(kind)
    types = {ClaimType(t) for t in claim_types}
    if k in (CaseKind.ARBITRATION, CaseKind.MEDIATION):
        wage = bool(types & WAGE_TYPES)
        other = bool(types - WAGE_TYPES) or not types

        def afresh(start: dt.date) -> dt.date:
            return max(start, interrupted_on) if interrupted_on is not None else start

        def limit_of(start: dt.date) -> tuple[dt.date | None, int]:
            days = suspended_days(start, suspended_from, suspended_to)
            if days is None:
                return None, 0
            end = add_years(start, 1) + dt.timedelta(days=days)
            return (next_working_day(end) if next_working_day is not None else end), days

        if wage and employment_ended_on is not None:
            start = afresh(employment_ended_on)
            limit, held = limit_of(start)
            if limit is not None and received_on > limit:
                out.append(
                    LimitationWarning(
                        "wage_limitation",
                        limit,
                        f"劳动报酬请求：申请日已超过一年时效（自{_from_zh(employment_ended_on, start)}起算，"
                        f"{_held_zh(held)}至 {limit.isoformat()}）。请审查是否存在时效中断或中止事由"
                        "（劳动争议调解仲裁法（2007）第27条第2、3、4款）。",
                        f"Wage claim: applied after the one-year limitation ({_from_en(employment_ended_on, start)}; "
                        f"{_held_en(held)}last day {limit.isoformat()}). Check for interruption or suspension "
                        "(Labour Dispute Mediation and Arbitration Law 2007, Art. 27 ¶2-4).",
                    )
                )
        start_other = knew_on or employment_ended_on
        if other and start_other is not None:
            start = afresh(start_other)
            limit, held = limit_of(start)
            if limit is not None and received_on > limit:
                basis_zh = "知道或者应当知道权利被侵害之日" if knew_on else "劳动关系终止之日"
                basis_en = (
                    "the day the party knew of the infringement" if knew_on else "the end of employment"
                )
                out.append(
                    LimitationWarning(
                        "arbitration_limitation",
                        limit,
                        f"申请日已超过一年仲裁时效（自{basis_zh} {start_other.isoformat()}"
                        f"{'、时效中断后重新' if start != start_other else ''}起算，{_held_zh(held)}"
                        f"至 {limit.isoformat()}）。"
                        "请审查是否存在时效中断或中止事由（劳动争议调解仲裁法（2007）第27条）。",
                        f"Applied after the one-year limitation (from {basis_en}, {start_other.isoformat()}"
                        f"{', counted afresh after an interruption' if start != start_other else ''}; "
                        f"{_held_en(held)}last day {limit.isoformat()}). Check for interruption or suspension "
                        "(Labour Dispute Mediation and Arbitration Law 2007, Art. 27).",
                    )
                )
    if k is CaseKind.INSPECTION and violation_on is not None:
        limit = _last_day(violation_on, 2, next_working_day)
        if received_on > limit:
            out.append(
                LimitationWarning(
                    "inspection_lookback",
                    limit,
                    f"违法行为发生（或终了）于 {violation_on.isoformat()}，已超过两年（至 {limit.isoformat()}），"
                    "依劳动保障监察条例（2004）第20条不再查处。",
                    f"The violation ({violation_on.isoformat()}) is more than two years old (limit {limit.isoformat()}); "
                    "Regulation on Labour Security Supervision (2004), Art. 20 bars investigating it.",
                )
            )
    return out


def suspended_days(
    start: dt.date, suspended_from: dt.date | None, suspended_to: dt.date | None
) -> int | None:
    """Days the year starting on ``start`` stood still (Art. 27 ¶3); None while the cause
    still lasts (no last day yet). The cause counts if it began before the year ran out."""
    if suspended_from is None or suspended_from > add_years(start, 1):
        return 0
    if suspended_to is None:
        return None
    return max(0, (suspended_to - max(suspended_from, start)).days)


def _held_zh(days: int) -> str:
    return f"时效中止 {days} 日不计入，" if days else ""


def _held_en(days: int) -> str:
    return f"{days} days of suspension not counted; " if days else ""


def _from_zh(ended: dt.date, start: dt.date) -> str:
    if start == ended:
        return f"劳动关系终止之日 {ended.isoformat()}"
    return f"时效中断之日 {start.isoformat()}（劳动关系终止于 {ended.isoformat()}）"


def _from_en(ended: dt.date, start: dt.date) -> str:
    if start == ended:
        return f"from the end of employment, {ended.isoformat()}"
    return (
        f"counted afresh from the interruption on {start.isoformat()}; employment ended {ended.isoformat()}"
    )


def warnings_for_case(
    case: object, next_working_day: Callable[[dt.date], dt.date] | None = None
) -> list[LimitationWarning]:
    """The warnings for a stored case (anything with the case's dates and ``claims``)."""
    return limitation_warnings(
        str(getattr(case, "kind")),  # noqa: B009
        getattr(case, "received_on"),  # noqa: B009
        getattr(case, "employment_ended_on", None),
        getattr(case, "violation_on", None),
        knew_on=getattr(case, "knew_on", None),
        interrupted_on=getattr(case, "limitation_interrupted_on", None),
        suspended_from=getattr(case, "limitation_suspended_from", None),
        suspended_to=getattr(case, "limitation_suspended_to", None),
        claim_types=[c.claim_type for c in getattr(case, "claims", ())],
        next_working_day=next_working_day,
    )


def next_working_day_of(session: Session) -> Callable[[dt.date], dt.date]:
    """The calendar's next working day, counting an uncovered year as weekends only."""
    from casemgr.deadlines.calendar import calendar_for
    from casemgr.deadlines.clocks import with_provisional_fallback

    cal = calendar_for(session)

    def roll(d: dt.date) -> dt.date:
        day, _provisional = with_provisional_fallback(cal, lambda c: c.next_working_day(d))
        return day

    return roll
