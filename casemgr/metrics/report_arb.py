"""The monthly report's table “仲裁终局与终结”: the final-award share and 仲裁终结率 for the
month and the year to date, as plain data (snapshot-safe) and JSON.

Kept out of :mod:`casemgr.metrics.report` (at its size limit): that module only holds the
field and calls :func:`collect` / :func:`to_json`. The definitions are in
:mod:`casemgr.metrics.final_awards` and :mod:`casemgr.metrics.arb_ended` (docs/indicators.md).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from casemgr.metrics.arb_ended import ArbitrationEnded, arbitration_ended
from casemgr.metrics.final_awards import FinalAwardShare, final_award_share
from casemgr.metrics.indicators import Ratio
from casemgr.metrics.periods import Period


@dataclass(frozen=True)
class ArbFigures:
    """One period's counts (the ratios are their properties, so a snapshot stores counts only)."""

    period: Period
    share: FinalAwardShare
    ended: ArbitrationEnded


@dataclass(frozen=True)
class ArbFinality:
    month: ArbFigures
    year_to_date: ArbFigures
    as_of: dt.date  # filings recorded up to this day count; periods ending after it are pending


def _figures(session: Session, period: Period, as_of: dt.date, district: str | None) -> ArbFigures:
    return ArbFigures(
        period,
        final_award_share(session, period, district),
        arbitration_ended(session, period, as_of, district),
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
    s, e = f.share, f.ended
    return {
        "final_award_share": {
            **{k: getattr(s, k) for k in ("awarded", "all_final", "mixed", "none_final", "unknown")},
            "per_case": _rate(s.per_case),
            "items": s.items,
            "final_items": s.final_items,
            "per_item": _rate(s.per_item),
        },
        "ended_at_arbitration": {
            **dataclasses.asdict(e),
            "ended": e.ended,
            "rate": _rate(e.ratio),
        },
    }


def to_json(a: ArbFinality | None) -> dict[str, Any] | None:
    if a is None:  # a month closed before the table existed
        return None
    return {"as_of": a.as_of.isoformat(), "month": _block(a.month), "year_to_date": _block(a.year_to_date)}
