"""加付赔偿金 per worker (issue 14): an order to pay not met by its deadline leads to additional
compensation of 50 %-100 % of what is owed (劳动合同法 Art. 85; 劳动保障监察条例 Art. 26). In a
collective case it is ordered, paid and shown per worker, like the arrears."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from casemgr import queries
from casemgr.enums import Role
from casemgr.errors import WorkflowError
from casemgr.models import Case
from casemgr.workflow import money
from tests.test_inspection_lifecycle import clocks, record, register, serve, step

D = dt.date


def test_the_amount_per_worker_by_hand() -> None:
    lines = [
        money.Line(1, "甲", Decimal("12000.00"), Decimal("0.00")),
        money.Line(2, "乙", Decimal("6000.00"), Decimal("6000.00")),  # paid in time: nothing
        money.Line(3, "丙", Decimal("5000.01"), Decimal("0.00")),
        money.Line(4, "甲", Decimal("1000.00"), Decimal("400.00")),  # 甲's second line: 600 owed
    ]
    # 甲: (12,000 + 600) x 0.75 = 9,450.00; 丙: 5,000.01 x 0.75 = 3,750.0075 -> 3,750.01 (half up).
    assert money.extra_compensation(lines, Decimal("0.75")) == {
        "甲": Decimal("9450.00"),
        "丙": Decimal("3750.01"),
    }
    with pytest.raises(ValueError):  # below the statute's 50 %
        money.extra_compensation(lines, Decimal("0.49"))


def test_a_collective_case_orders_pays_and_shows_it_per_worker(database, actors) -> None:
    ins = actors[Role.INSPECTOR]
    cid = register(database, ins, received_on=D(2026, 3, 2), workers=3, amount="8000.00")
    step(database, ins, cid, "accept", D(2026, 3, 2))
    with database.read() as s:
        lines = [c.id for c in s.get(Case, cid).claims]
    items = [
        {"claim_item_id": lines[0], "amount": "12000.00"},
        {"claim_item_id": lines[1], "amount": "6000.00"},
        {"claim_item_id": lines[2], "amount": "5000.00"},
    ]
    step(database, ins, cid, "order_payment", D(2026, 3, 10), document_no="令1", pay_by=D(2026, 3, 31),
         ordered_items=items)  # fmt: skip
    serve(database, ins, cid, "order", D(2026, 3, 11))
    record(database, ins, cid, "record_payment", D(2026, 3, 20),
           paid_items=[{"claim_item_id": lines[1], "amount": "6000.00"}])  # fmt: skip
    step(database, ins, cid, "handling_decision", D(2026, 4, 1), document_no="处理1")
    # Still owed after Tue 03-31: worker 0 12,000, worker 2 5,000. At 50 %: 6,000.00 and 2,500.00;
    # worker 1 paid on time and gets none.
    c = step(
        database, ins, cid, "penalty_decision", D(2026, 4, 2), document_no="罚1", compensation_rate="0.5"
    )
    extra = [(x.person_id, x.amount_ordered) for x in c.claims if x.claim_type == "extra_compensation"]
    persons = [x.person_id for x in c.claims if x.id in lines]
    assert extra == [(persons[0], Decimal("6000.00")), (persons[2], Decimal("2500.00"))]
    with database.read() as s:
        d = queries.case_detail(s, ins, cid)
        assert [(w.worker, w.ordered, w.extra, w.paid, w.outstanding) for w in d.money_by_worker] == [
            ("工人1-0", Decimal("18000.00"), Decimal("6000.00"), Decimal("0.00"), Decimal("18000.00")),
            ("工人1-1", Decimal("6000.00"), Decimal("0.00"), Decimal("6000.00"), Decimal("0.00")),
            ("工人1-2", Decimal("7500.00"), Decimal("2500.00"), Decimal("0.00"), Decimal("7500.00")),
        ]
    # The arrears paid Fri 04-10: the order to pay is met (late); the compensation is still owed.
    c = record(database, ins, cid, "record_payment", D(2026, 4, 10), paid_items=[
        {"claim_item_id": lines[0], "amount": "12000.00"}, {"claim_item_id": lines[2], "amount": "5000.00"}])  # fmt: skip
    assert clocks(c)["insp.pay_order"] == ("breached", D(2026, 3, 31))
    # Serving the penalty decision with the compensation unpaid opens the bureau's court window.
    serve(database, ins, cid, "decision", D(2026, 4, 13))
    with database.read() as s:
        assert clocks(s.get(Case, cid))["insp.court_enforce"][0] == "running"
    # Paid per worker: the compensation lines are paid like any other; all paid ends the window.
    extra_ids = [x.id for x in c.claims if x.claim_type == "extra_compensation"]
    c = record(database, ins, cid, "record_payment", D(2026, 4, 20), paid_items=[
        {"claim_item_id": extra_ids[0], "amount": "6000.00"}, {"claim_item_id": extra_ids[1], "amount": "2500.00"}])  # fmt: skip
    assert clocks(c)["insp.court_enforce"][0] == "cancelled"
    with database.read() as s:
        d = queries.case_detail(s, ins, cid)
        assert [w.outstanding for w in d.money_by_worker] == [Decimal("0.00")] * 3


def test_no_compensation_when_the_order_was_met(database, actors) -> None:
    ins = actors[Role.INSPECTOR]
    cid = register(database, ins, received_on=D(2026, 3, 2), workers=1, amount="8000.00")
    step(database, ins, cid, "accept", D(2026, 3, 2))
    step(database, ins, cid, "order_payment", D(2026, 3, 10), document_no="令1", pay_by=D(2026, 3, 31),
         amount_ordered="8000.00")  # fmt: skip
    record(database, ins, cid, "record_payment", D(2026, 3, 30), amount="8000.00")
    with pytest.raises(WorkflowError):
        step(
            database, ins, cid, "penalty_decision", D(2026, 4, 2), document_no="罚1", compensation_rate="0.5"
        )
