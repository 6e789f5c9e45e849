"""Going to court to enforce (申请法院强制执行), issue 14: the bureau's window after an unpaid
inspection decision (行政强制法 Art. 53), with dates counted by hand on the 2026 official
calendar (国办发明电〔2025〕7号: 国庆 10-01..10-07 off; 2027 not imported, weekends only).
The party's two years after an award are in tests/test_after_award.py."""

from __future__ import annotations

import datetime as dt

import pytest

from casemgr import queries
from casemgr.actor import Actor
from casemgr.deadlines import enforcement
from casemgr.enums import Role
from casemgr.errors import WorkflowError
from tests.test_inspection_lifecycle import clocks, record, register, serve, step

D = dt.date


def _decided(database, ins: Actor) -> int:
    """One worker, 8,000 ordered Tue 03-10 to be paid by Tue 03-31; decision Wed 04-01, unpaid."""
    cid = register(database, ins, received_on=D(2026, 3, 2), workers=1, amount="8000.00")
    step(database, ins, cid, "accept", D(2026, 3, 2))
    step(database, ins, cid, "order_payment", D(2026, 3, 10), document_no="令1", pay_by=D(2026, 3, 31),
         amount_ordered="8000.00")  # fmt: skip
    serve(database, ins, cid, "order", D(2026, 3, 11))
    step(database, ins, cid, "handling_decision", D(2026, 4, 1), document_no="处理1")
    return cid


def test_the_window_pure_arithmetic() -> None:
    """Received Thu 2026-04-02. Reconsideration: + 60 days = Mon 06-01; suit: + 6 months = Fri
    10-02, a 国庆 holiday -> Thu 10-08 (the later one ends the challenge period). The bureau may
    apply from Fri 10-09, until 10-08 + 3 months = Fri 2027-01-08."""
    holiday = {D(2026, 10, d) for d in range(1, 8)}  # 国庆 as the official calendar has it

    def roll(d: dt.date) -> dt.date:
        while d.weekday() >= 5 or d in holiday:
            d += dt.timedelta(days=1)
        return d

    assert enforcement.challenge_period_end(D(2026, 4, 2), roll) == D(2026, 10, 8)
    assert enforcement.admin_application_window(D(2026, 4, 2), roll) == (D(2026, 10, 9), D(2027, 1, 8))
    # Two years to apply for an award: from the effective date, or from a later last day of
    # performance (民诉法 Art. 250 ¶2): Sat 2026-11-14 + 2 years = Tue 2028-11-14.
    assert enforcement.civil_application_last_day(D(2026, 11, 14), roll) == D(2028, 11, 14)
    assert enforcement.civil_application_last_day(D(2026, 11, 14), roll, perform_by=D(2026, 11, 24)) == D(
        2028, 11, 24
    )


def test_an_unpaid_decision_opens_the_bureaus_window_after_the_challenge_period(database, actors) -> None:
    ins = actors[Role.INSPECTOR]
    cid = _decided(database, ins)
    # Served on the employer Thu 04-02 (see the arithmetic above): from Fri 10-09 to Fri 2027-01-08.
    serve(database, ins, cid, "decision", D(2026, 4, 2))
    with database.read() as s:
        detail = queries.case_detail(s, ins, cid)
        d = next(x for x in detail.deadlines if x.rule_code == "insp.court_enforce")
        assert (d.started_on, d.due_on, d.party_period, d.provisional) == (
            D(2026, 10, 9),
            D(2027, 1, 8),
            False,  # the bureau's own duty, not a party's period
            True,  # 2027 is not imported yet
        )
        assert "行政强制法（2011）第53条" in (d.citation or "")
    # Too early: the employer may still sue until 10-08.
    with pytest.raises(WorkflowError) as exc:
        record(
            database,
            ins,
            cid,
            "apply_court_enforcement",
            D(2026, 10, 8),
            document_no="强执1",
            court="城区法院",
        )
    assert "2026-10-09" in exc.value.zh and "行政强制法" in exc.value.zh
    c = record(
        database, ins, cid, "apply_court_enforcement", D(2026, 10, 9), document_no="强执1", court="城区法院"
    )
    assert clocks(c)["insp.court_enforce"] == ("met", D(2027, 1, 8))


def test_paying_in_full_ends_the_window(database, actors) -> None:
    ins = actors[Role.INSPECTOR]
    cid = _decided(database, ins)
    serve(database, ins, cid, "decision", D(2026, 4, 2))
    c = record(database, ins, cid, "record_payment", D(2026, 4, 20), amount="8000.00")
    assert clocks(c)["insp.court_enforce"][0] == "cancelled"


def test_a_paid_decision_starts_no_window(database, actors) -> None:
    ins = actors[Role.INSPECTOR]
    cid = _decided(database, ins)
    c = record(database, ins, cid, "record_payment", D(2026, 4, 1), amount="8000.00")
    serve(database, ins, cid, "decision", D(2026, 4, 2))
    with database.read() as s:
        codes = {d.rule_code for d in queries.case_detail(s, ins, cid).deadlines}
    assert "insp.court_enforce" not in codes and c.id == cid
