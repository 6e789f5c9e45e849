"""终局裁决比例 (issue 21): per case and per item, worked out by hand below."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from casemgr import db
from casemgr.actor import Actor
from casemgr.enums import CaseKind, Role
from casemgr.metrics.final_awards import final_award_share
from casemgr.metrics.periods import Period
from casemgr.services import cases
from tests.helpers import case_input
from tests.test_publication import awarded_case

D = dt.date
W = "wages"


def _item(claim_type: str, amount: str) -> dict[str, object]:
    return {"claim_type": claim_type, "amount": Decimal(amount)}


def _imported(s, registrar: Actor, n: int, finals: list[bool | None], flag: bool) -> int:  # type: ignore[no-untyped-def]
    """A case as a ledger import leaves it: closed by award on 2026-10-15, no award step recorded."""
    c = cases.register_case(
        s, registrar, case_input(CaseKind.ARBITRATION, n=n, received_on=D(2026, 9, 1), workers=len(finals))
    )
    c.accepted_on, c.closed_on, c.outcome, c.status, c.final_award = (
        D(2026, 9, 2),
        D(2026, 10, 15),
        "award",
        "awarded",
        flag,
    )
    for line, final in zip(c.claims, finals, strict=True):
        line.final_award = final
    s.flush()
    return c.id


def test_final_award_share_by_case_and_by_item(database: db.Database, actors: dict[Role, Actor]) -> None:
    sup, clerk = actors[Role.SUPERVISOR], actors[Role.CLERK]
    # The threshold on the award day (2026-10-27) is 12 × 1,750.00 = 21,000.00 (the seeded
    # minimum wage): an item of exactly 21,000.00 is final, one cent more is not (Art. 47(一)).
    with database.write() as s:
        awarded_case(s, clerk, sup, 51, [_item(W, "8000.00")])  # A: 1 item, final            -> all final
        awarded_case(
            s, clerk, sup, 52, [_item(W, "8000.00"), _item("severance", "30000.00")]
        )  # B: mixed, 1 of 2
        awarded_case(
            s, clerk, sup, 53, [_item("severance", "30000.00")]
        )  # C: 1 item, not final -> none final
        awarded_case(  # D: social insurance final whatever the amount (Art. 47(二)) -> mixed, 2 of 3
            s,
            clerk,
            sup,
            54,
            [_item("social_insurance", "50000.00"), _item(W, "21000.00"), _item("damages", "21000.01")],
        )
        _imported(s, sup, 55, [True, False], flag=True)  # F: imported, claim lines 1 of 2 final -> mixed
        _imported(s, sup, 56, [None], flag=True)  # G: imported, only the case flag -> unknown, all final
        _imported(s, sup, 57, [None], flag=False)  # H: imported, flag unset       -> unknown, none final
    with database.read() as s:
        october = final_award_share(s, Period.month(2026, 10))
        to_the_27th = final_award_share(s, Period(D(2026, 10, 1), D(2026, 10, 27)))
        from_the_28th = final_award_share(s, Period(D(2026, 10, 28), D(2026, 11, 30)))
        elsewhere = final_award_share(s, Period.month(2026, 10), district="海丰县")
        before_awards = final_award_share(s, Period(D(2026, 10, 1), D(2026, 10, 26)))
    # Cases: A, B, C, D (awarded 10-27) and F, G, H (imported, closed 10-15) = 7.
    # all final: A, G = 2; mixed: B, D, F = 3; none final: C, H = 2; unknown: G, H = 2.
    # Per case: (2 + 3) / 7 = 0.714285… -> 0.7143.
    # Items: A 1 + B 2 + C 1 + D 3 + F 2 = 9; final: A 1 + B 1 + C 0 + D 2 + F 1 = 5.
    # Per item: 5 / 9 = 0.5555… -> 0.5556.
    assert (october.awarded, october.all_final, october.mixed, october.none_final, october.unknown) == (
        7,
        2,
        3,
        2,
        2,
    )
    assert (october.items, october.final_items) == (9, 5)
    assert october.per_case.rate == Decimal("0.7143") and october.per_item.rate == Decimal("0.5556")
    # The last day of a period is in it (awards of 10-27 count up to the 27th, not from the 28th).
    assert to_the_27th == october
    assert from_the_28th.awarded == 0 and from_the_28th.per_case.rate is None
    # Up to the 26th: only the imported F, G, H (closed 10-15): 1 + 1 of 3 cases, 1 of 2 items.
    assert (before_awards.awarded, before_awards.per_case.numerator, before_awards.per_item.numerator) == (
        3,
        2,
        1,
    )
    assert before_awards.per_item.denominator == 2
    assert elsewhere.awarded == 0
