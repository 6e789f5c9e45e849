"""一裁终局 per award item at its threshold: "不超过" 12 months of the minimum wage is final.

调解仲裁法 Art. 47(一) and 办案规则 Art. 50: a money item is final when its amount does not
*exceed* 12 × the local monthly minimum wage, so an item of exactly the threshold is final
and one fen more is not. The threshold is read the way the app reads it for an award date
(``final_award.threshold_on``: the dated minimum-wage setting in force that day), so a
change of the figure or of the dates (issue 14) keeps these boundary tests meaningful; one
test pins today's configured figure by hand.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from casemgr import db, settings
from casemgr.enums import ClaimType
from casemgr.workflow import final_award
from casemgr.workflow.final_award import AwardItem
from tests.helpers import TODAY

FEN = Decimal("0.01")

#: Award dates under different minimum-wage figures, and today.
AWARD_DATES = [dt.date(2019, 6, 3), dt.date(2024, 6, 3), dt.date(2025, 3, 3), TODAY]


def finals(database: db.Database, on: dt.date, items: list[AwardItem]) -> list[tuple[bool, str]]:
    with database.read() as s:
        return [(i.final, i.reason) for i in final_award.decide(s, on, items).items]


@pytest.mark.parametrize("on", AWARD_DATES, ids=str)
@pytest.mark.parametrize("claim_type", sorted(final_award.MONEY_TYPES), ids=str)
def test_a_money_item_at_the_threshold_is_final_and_one_fen_more_is_not(
    database: db.Database, on: dt.date, claim_type: ClaimType
) -> None:
    with database.read() as s:
        _wage, limit, _confirmed = final_award.threshold_on(s, on)
    items = [
        AwardItem(claim_type, limit - FEN),
        AwardItem(claim_type, limit),
        AwardItem(claim_type, limit + FEN),
    ]
    assert finals(database, on, items) == [
        (True, "within_threshold"),
        (True, "within_threshold"),  # "不超过": equal to the threshold is within it
        (False, "over_threshold"),
    ]


def test_todays_configured_threshold_by_hand(database: db.Database) -> None:
    """Today's figure, computed by hand. When the figure changes (issue 14: 12 × 1,750.00 =
    21,000.00 from 2025-03-01), this test changes with it, on purpose."""
    # 汕尾 monthly minimum wage configured from 2025-03-01: 1,720.00 yuan.
    # 12 × 1,720.00 = 10 × 1,720.00 + 2 × 1,720.00 = 17,200.00 + 3,440.00 = 20,640.00 yuan.
    with database.read() as s:
        wage, limit, confirmed = final_award.threshold_on(s, TODAY)
    assert (wage, limit, confirmed) == (Decimal("1720.00"), Decimal("20640.00"), False)
    items = [
        AwardItem(ClaimType.WAGES, Decimal("20639.99")),
        AwardItem(ClaimType.WAGES, Decimal("20640.00")),
        AwardItem(ClaimType.WAGES, Decimal("20640.01")),
    ]
    assert [f for f, _ in finals(database, TODAY, items)] == [True, True, False]


def test_the_minimum_wage_in_force_on_the_award_date_decides(database: db.Database) -> None:
    # 2021-12-01 .. 2025-02-28: 12 × 1,620.00 = 19,440.00; an item of 19,440.01 is not final
    # on 2025-02-28 and is final on 2025-03-03 (12 × 1,720.00 = 20,640.00).
    item = [AwardItem(ClaimType.SEVERANCE, Decimal("19440.01"))]
    assert finals(database, dt.date(2025, 2, 28), item) == [(False, "over_threshold")]
    assert finals(database, dt.date(2025, 3, 3), item) == [(True, "within_threshold")]


def test_an_administrators_dated_figure_moves_the_threshold(database: db.Database) -> None:
    """A stored setting (the admin confirms a new figure) is what the decision reads."""
    with database.write() as s:
        settings.put(s, "minimum_wage_monthly", "1750.00", dt.date(2026, 6, 1))
    # 12 × 1,750.00 = 21,000.00 from 2026-06-01; the day before, 20,640.00 still applies.
    items = [AwardItem(ClaimType.WAGES, Decimal("21000.00")), AwardItem(ClaimType.WAGES, Decimal("21000.01"))]
    assert [f for f, _ in finals(database, dt.date(2026, 6, 1), items)] == [True, False]
    assert [f for f, _ in finals(database, dt.date(2026, 5, 31), items)] == [False, False]


def test_labour_standard_items_are_final_whatever_the_amount_and_other_items_never(
    database: db.Database,
) -> None:
    items = [
        AwardItem(ClaimType.SOCIAL_INSURANCE, Decimal("999999.99")),
        AwardItem(ClaimType.OTHER, Decimal("1.00")),
    ]
    assert finals(database, TODAY, items) == [(True, "labour_standard"), (False, "not_covered")]
