"""The monthly report's table “仲裁终局与终结”: the final-award share and 仲裁终结率 for the
month and the year to date, as plain data (snapshot-safe) and JSON.

Kept out of :mod:`casemgr.metrics.report` (at its size limit): that module only holds the
field and calls :func:`collect` / :func:`to_json`. The definitions are in
:mod:`casemgr.metrics.final_awards` and :mod:`casemgr.metrics.arb_ended` (docs/indicators.md).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from casemgr.metrics.arb_ended import arbitration_ended
from casemgr.metrics.final_awards import final_award_share
from casemgr.metrics.indicators import Ratio
from casemgr.metrics.periods import Period


@dataclass(frozen=True)
class ArbFigures:
    """One period's counts (the ratios are derived, so a snapshot stores counts only)."""

    period: Period
    awarded: int
    all_final: int
    mixed: int
    none_final: int
    unknown: int
    items: int
    final_items: int
    closed: int
    settled: int
    withdrawn: int
    other: int
    awards_ended: int
    to_court: int
    set_aside_applications: int
    late_filings: int
    pending: int
    unserved: int

    @property
    def per_case(self) -> Ratio:
        return Ratio(self.all_final + self.mixed, self.awarded)

    @property
    def per_item(self) -> Ratio:
        return Ratio(self.final_items, self.items)

    @property
    def ended(self) -> int:
        return self.settled + self.withdrawn + self.other + self.awards_ended

    @property
    def ended_ratio(self) -> Ratio:
        return Ratio(self.ended, self.closed - self.pending)


@dataclass(frozen=True)
class ArbFinality:
    month: ArbFigures
    year_to_date: ArbFigures
    as_of: dt.date  # filings recorded up to this day count; periods ending after it are pending


def _figures(session: Session, period: Period, as_of: dt.date, district: str | None) -> ArbFigures:
    s = final_award_share(session, period, district)
    e = arbitration_ended(session, period, as_of, district)
    return ArbFigures(
        period,
        s.awarded,
        s.all_final,
        s.mixed,
        s.none_final,
        s.unknown,
        s.items,
        s.final_items,
        e.closed,
        e.settled,
        e.withdrawn,
        e.other,
        e.awards_ended,
        e.to_court,
        e.set_aside_applications,
        e.late_filings,
        e.pending,
        e.unserved,
    )


def collect(
    session: Session, month: Period, ytd: Period, district: str | None, today: dt.date
) -> ArbFinality:
    """Both periods as known on ``today`` (the day the report is made: suits come after the
    month, so a reprint later may move cases from pending to ended or to court)."""
    return ArbFinality(
        _figures(session, month, today, district), _figures(session, ytd, today, district), today
    )


def _rate(r: Ratio) -> dict[str, Any]:
    rate = r.rate
    return {
        "numerator": r.numerator,
        "denominator": r.denominator,
        "rate": float(rate) if isinstance(rate, Decimal) else None,
    }


def _block(f: ArbFigures) -> dict[str, Any]:
    return {
        "final_award_share": {
            "awarded": f.awarded,
            "all_final": f.all_final,
            "mixed": f.mixed,
            "none_final": f.none_final,
            "unknown": f.unknown,
            "per_case": _rate(f.per_case),
            "items": f.items,
            "final_items": f.final_items,
            "per_item": _rate(f.per_item),
        },
        "ended_at_arbitration": {
            "closed": f.closed,
            "settled": f.settled,
            "withdrawn": f.withdrawn,
            "other": f.other,
            "awarded": f.awarded,
            "awards_ended": f.awards_ended,
            "to_court": f.to_court,
            "set_aside_applications": f.set_aside_applications,
            "late_filings": f.late_filings,
            "pending": f.pending,
            "unserved": f.unserved,
            "ended": f.ended,
            "rate": _rate(f.ended_ratio),
        },
    }


def to_json(a: ArbFinality | None) -> dict[str, Any] | None:
    if a is None:  # a month closed before the table existed
        return None
    return {"as_of": a.as_of.isoformat(), "month": _block(a.month), "year_to_date": _block(a.year_to_date)}
