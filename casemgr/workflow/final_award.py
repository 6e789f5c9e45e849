"""一裁终局: which award items are final (Law Art. 47, 办案规则 Art. 50).

Per item, not per case: a money item (wages, injury costs, severance, damages) is final when
its awarded amount does not exceed 12 × the local monthly minimum wage; labour-standard
items (working time, rest, social insurance) are always final. A mixed award must be issued
as separate award documents, each with its own remedy (Art. 50 ¶3). The minimum wage used
is the one in force on the award date (legal-rules §8, the default reading; a dated
setting).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.orm import Session

from casemgr import settings
from casemgr.enums import ClaimType

#: Law Art. 47(一): 追索劳动报酬、工伤医疗费、经济补偿或者赔偿金 — of the injury benefits only
#: the medical costs (工伤医疗费); other 工伤待遇 are never final.
MONEY_TYPES = frozenset(
    {ClaimType.WAGES, ClaimType.OVERTIME, ClaimType.INJURY_MEDICAL, ClaimType.SEVERANCE, ClaimType.DAMAGES}
)
#: Art. 47(二): disputes over working time, rest and leave, social insurance — final whatever
#: the amount.
LABOUR_STANDARD_TYPES = frozenset({ClaimType.WORKING_TIME, ClaimType.REST_LEAVE, ClaimType.SOCIAL_INSURANCE})


@dataclass(frozen=True)
class AwardItem:
    claim_type: ClaimType
    amount: Decimal
    claim_item_id: int | None = None


@dataclass(frozen=True)
class FinalAwardItem:
    claim_type: ClaimType
    amount: Decimal
    claim_item_id: int | None
    final: bool
    reason: str  # "within_threshold" | "over_threshold" | "labour_standard" | "not_covered"


@dataclass(frozen=True)
class FinalAwardResult:
    award_date: dt.date
    minimum_wage: Decimal
    threshold: Decimal
    minimum_wage_confirmed: bool
    items: tuple[FinalAwardItem, ...]
    notice: str = ""  # the government notice the minimum wage comes from

    @property
    def any_final(self) -> bool:
        return any(i.final for i in self.items)

    @property
    def mixed(self) -> bool:
        """Final and non-final items together: separate award documents are needed."""
        return self.any_final and not all(i.final for i in self.items)


def threshold_on(session: Session, award_date: dt.date) -> tuple[Decimal, Decimal, bool]:
    wage = settings.get_decimal(session, "minimum_wage_monthly", award_date)
    try:
        confirmed = bool(settings.get(session, "minimum_wage_confirmed", award_date))
    except KeyError:
        confirmed = False
    return wage, (wage * 12).quantize(Decimal("0.01")), confirmed


def decide(session: Session, award_date: dt.date, items: list[AwardItem]) -> FinalAwardResult:
    wage, limit, confirmed = threshold_on(session, award_date)
    try:
        notice = str(settings.get(session, "minimum_wage_notice", award_date))
    except KeyError:
        notice = ""
    out = []
    for it in items:
        if it.claim_type in LABOUR_STANDARD_TYPES:
            final, why = True, "labour_standard"
        elif it.claim_type in MONEY_TYPES:
            final = it.amount <= limit
            why = "within_threshold" if final else "over_threshold"
        else:
            final, why = False, "not_covered"
        out.append(FinalAwardItem(it.claim_type, it.amount, it.claim_item_id, final, why))
    return FinalAwardResult(award_date, wage, limit, confirmed, tuple(out), notice)
