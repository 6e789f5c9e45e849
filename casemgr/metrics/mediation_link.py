"""调裁衔接 figures: mediation joined to arbitration (issue 21; docs/indicators.md).

Three flows the plan asks the commission to grow (汕尾市“十四五”规划 ch. 9 §3: 仲裁立案前调解,
委托调解, 调解协议仲裁审查确认), each counted from the steps taken in the period — the
date on the timeline event, which is the legal date of the act (a 调解建议书 accepted, a
mediation entrusted, a review application), not the day it was typed in:

* 立案前调解 (办案规则 Art. 69): *diverted* = applications whose acceptance was deferred
  with the applicant's consent; *settled* = those closed by an agreement before filing;
  *returned* = mediation failed and acceptance resumed; *withdrawn* = the application
  withdrawn while deferred. A case diverted in March and settled in April counts as
  diverted in March and settled in April (flows, not cohorts), which is how the 人社
  statistics count cases received and closed in a period.
* 委托调解 (Art. 70): *entrusted*, *settled* (agreement reached), *returned* (no agreement:
  to the hearing), *withdrawn* (while entrusted).
* 仲裁审查 (Arts. 74-79): *applied* (joint applications), *accepted*, *not accepted*
  (Art. 75), *confirmed* (调解书 signed for, Art. 77), *refused* (Art. 78), *withdrawn*
  (Art. 79).

None of these changes the three rates: a pre-filing settlement was never accepted, so it
is in neither the arbitration closure rate nor the mediation success rate (the mediating
organisation counts its own agreement); an entrusted mediation ends in the ordinary
仲裁调解书 or withdrawal, counted there; a review is a step on a closed mediation case.
Cases imported from a ledger have no timeline steps and so appear in none of these
figures. Only the timeline's ``(action, occurred_on)`` index is read, never the cases of
other months.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from casemgr.enums import CaseKind, EventKind
from casemgr.metrics.periods import Period
from casemgr.models import Case, Event

ARB, MED = CaseKind.ARBITRATION.value, CaseKind.MEDIATION.value

#: (kind, action, from_status or None) -> (block, figure)
STEPS: dict[tuple[str, str, str | None], tuple[str, str]] = {
    (ARB, "pre_mediation", None): ("pre_filing", "diverted"),
    (ARB, "pre_mediation_settled", None): ("pre_filing", "settled"),
    (ARB, "pre_mediation_failed", None): ("pre_filing", "returned"),
    (ARB, "withdraw", "pre_mediation"): ("pre_filing", "withdrawn"),
    (ARB, "entrust_mediation", None): ("entrusted", "entrusted"),
    (ARB, "entrusted_settled", None): ("entrusted", "settled"),
    (ARB, "entrusted_unsettled", None): ("entrusted", "returned"),
    (ARB, "withdraw", "entrusted"): ("entrusted", "withdrawn"),
    (MED, "request_review", None): ("review", "applied"),
    (MED, "accept_review", None): ("review", "accepted"),
    (MED, "refuse_review_application", None): ("review", "not_accepted"),
    (MED, "confirm_review", None): ("review", "confirmed"),
    (MED, "refuse_review", None): ("review", "refused"),
    (MED, "withdraw_review", None): ("review", "withdrawn"),
}
#: Steps whose recorded ``amount_agreed`` is summed.
AGREED = {"pre_mediation_settled": "pre_filing", "entrusted_settled": "entrusted"}


@dataclass(frozen=True)
class PreFiling:
    diverted: int = 0
    settled: int = 0
    returned: int = 0
    withdrawn: int = 0
    amount_agreed: Decimal = Decimal("0.00")


@dataclass(frozen=True)
class Entrusted:
    entrusted: int = 0
    settled: int = 0
    returned: int = 0
    withdrawn: int = 0
    amount_agreed: Decimal = Decimal("0.00")


@dataclass(frozen=True)
class Review:
    applied: int = 0
    accepted: int = 0
    not_accepted: int = 0
    confirmed: int = 0
    refused: int = 0
    withdrawn: int = 0


@dataclass(frozen=True)
class LinkFigures:
    """One period's 调裁衔接 figures."""

    pre_filing: PreFiling = field(default_factory=PreFiling)
    entrusted: Entrusted = field(default_factory=Entrusted)
    review: Review = field(default_factory=Review)


@dataclass(frozen=True)
class MediationLink:
    """The month and the year to date, as the monthly report prints them."""

    month: LinkFigures
    year_to_date: LinkFigures


def _where(period: Period, district: str | None) -> Any:
    # One range of ix_events_action_occurred per action; the kind is checked per row below.
    cond = and_(
        Event.action.in_(sorted({a for _, a, _ in STEPS})),
        Event.occurred_on >= period.start,
        Event.occurred_on <= period.end,
        Event.kind == EventKind.TRANSITION.value,
    )
    return cond if district is None else and_(cond, Case.district == district)


def figures(session: Session, period: Period, district: str | None = None) -> LinkFigures:
    """The 调裁衔接 figures of ``period`` (inclusive), for one district or all."""
    counts: dict[str, dict[str, Any]] = {"pre_filing": {}, "entrusted": {}, "review": {}}
    rows = session.execute(
        select(Case.kind, Event.action, Event.from_status, func.count())
        .join(Case, Case.id == Event.case_id)
        .where(_where(period, district))
        .group_by(Case.kind, Event.action, Event.from_status)
    )
    for kind, action, from_status, n in rows:
        key = STEPS.get((kind, action, None)) or STEPS.get((kind, action, from_status))
        if key is None:
            continue  # a withdrawal from any other status
        block, name = key
        counts[block][name] = counts[block].get(name, 0) + int(n)
    agreed = session.execute(
        select(Case.kind, Event.action, Event.data)
        .join(Case, Case.id == Event.case_id)
        .where(_where(period, district), Event.action.in_(sorted(AGREED)))
    )
    for kind, action, raw in agreed:
        if kind != ARB:
            continue
        value = json.loads(raw).get("amount_agreed") if raw else None
        if value is not None:
            block = counts[AGREED[action]]
            block["amount_agreed"] = block.get("amount_agreed", Decimal("0.00")) + Decimal(str(value))
    return LinkFigures(
        PreFiling(**counts["pre_filing"]), Entrusted(**counts["entrusted"]), Review(**counts["review"])
    )


def collect(session: Session, year: int, month: int, district: str | None = None) -> MediationLink:
    return MediationLink(
        figures(session, Period.month(year, month), district),
        figures(session, Period.year_to_date(year, month), district),
    )


def _block_json(obj: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in vars(obj).items():
        out[name + "_yuan" if isinstance(value, Decimal) else name] = (
            f"{value:.2f}" if isinstance(value, Decimal) else value
        )
    return out


def figures_json(f: LinkFigures) -> dict[str, Any]:
    return {
        "pre_filing_mediation": _block_json(f.pre_filing),
        "entrusted_mediation": _block_json(f.entrusted),
        "arbitration_review": _block_json(f.review),
    }


def to_json(link: MediationLink | None) -> dict[str, Any] | None:
    """The report JSON's ``mediation_link`` block (``None`` in a snapshot made before it existed)."""
    if link is None:
        return None
    return {"month": figures_json(link.month), "year_to_date": figures_json(link.year_to_date)}


#: The rows the report prints, in order: (block, figure).
ROWS: tuple[tuple[str, str], ...] = (
    ("pre_filing", "diverted"),
    ("pre_filing", "settled"),
    ("pre_filing", "returned"),
    ("pre_filing", "withdrawn"),
    ("pre_filing", "amount_agreed"),
    ("entrusted", "entrusted"),
    ("entrusted", "settled"),
    ("entrusted", "returned"),
    ("entrusted", "withdrawn"),
    ("entrusted", "amount_agreed"),
    ("review", "applied"),
    ("review", "accepted"),
    ("review", "not_accepted"),
    ("review", "confirmed"),
    ("review", "refused"),
    ("review", "withdrawn"),
)


def value(f: LinkFigures, block: str, name: str) -> int | Decimal:
    v: int | Decimal = getattr(getattr(f, block), name)
    return v
