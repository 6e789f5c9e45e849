"""Mediation (around National Day 2025) and inspection (around Spring Festival 2025) walked through.

Expected dates are worked out by hand from 国办发明电〔2024〕12号 (legal-rules §7.1).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from casemgr import settings
from casemgr.enums import CaseKind, ComplaintType, Outcome, Role
from casemgr.errors import WorkflowError
from casemgr.models import Case, Employer
from casemgr.services import cases
from casemgr.services import workflow as wf
from tests import helpers
from tests.conftest import make_user

D = dt.date


def clocks(case: Case) -> dict[str, tuple[str, dt.date]]:
    return {d.rule_code: (d.state, d.due_on) for d in case.deadlines}


def register(database, actor, kind, mediation_body=None, **kw) -> int:
    data = helpers.case_input(kind, **kw)
    if mediation_body is not None:
        data = dataclasses.replace(data, mediation_body=mediation_body)
    with database.write() as s:
        return cases.register_case(s, actor, data, today=D(2026, 11, 26)).id


def step(database, actor, case_id, code, on, **fields) -> Case:
    with database.write() as s:
        c = wf.apply_transition(s, actor, case_id, code, fields, expected_version=None, on=on)
        s.refresh(c)
        _ = (c.deadlines, c.claims)
        return c


def load_clocks(database, case_id) -> dict[str, tuple[str, dt.date]]:
    with database.read() as s:
        return clocks(s.get(Case, case_id))


# --------------------------------------------------------------------------- mediation


def test_mediation_expires_and_goes_to_arbitration(database, actors) -> None:
    med = actors[Role.MEDIATOR]
    clerk2 = make_user(database, Role.CLERK, "clerk2", district="城区")
    # An enterprise mediation committee (企业劳动争议协商调解规定, 人社部令第17号).
    # Fri 2025-09-26. Accept within 3 wd: 09-28 (Sun, make-up) 1, 09-29 2, 09-30 3.
    # Right to arbitrate: 09-26 + 15 = Sat 10-11 (a waiting period: never rolled forward).
    cid = register(database, med, CaseKind.MEDIATION, received_on=D(2025, 9, 26), mediation_body="enterprise")
    k = load_clocks(database, cid)
    assert k["med.accept"] == ("running", D(2025, 9, 30))
    assert k["med.arbitration_right"] == ("running", D(2025, 10, 11))
    c = step(database, med, cid, "accept", D(2025, 9, 29))
    assert c.accepted_on == D(2025, 9, 29)
    assert clocks(c)["med.conclude"] == ("running", D(2025, 10, 14))  # 09-29 + 15 = Tue 10-14
    step(database, med, cid, "start_mediation", D(2025, 9, 30))
    with pytest.raises(WorkflowError) as exc:  # 10-11 is still inside the period
        step(database, med, cid, "expire", D(2025, 10, 11))
    assert exc.value.field == "on"
    c = step(database, med, cid, "expire", D(2025, 10, 13))
    assert (c.status, c.outcome, c.closed_on) == ("expired", Outcome.EXPIRED, D(2025, 10, 13))
    # The party's right to arbitrate arose; it was never the mediator's deadline to meet.
    assert clocks(c)["med.arbitration_right"][0] == "cancelled"

    # A mediator hands it over in one step; the arbitration is pre-filled and linked both ways.
    with database.write() as s:
        arb = wf.hand_to_arbitration(s, med, cid, received_on=D(2025, 10, 14), expected_version=None)
        arb_id = arb.id
        assert arb.kind == "arbitration" and arb.source_case_id == cid and arb.status == "received"
        assert arb.amount_claimed == Decimal("8000.00") and arb.green_channel
        assert len(arb.parties) == 2 and arb.created_by_id == med.user_id
        # Assigned by the bureau's rule to an arbitration clerk (the one with the fewest
        # open arbitration cases in the district: the "clerk" fixture user has no district,
        # clerk2 is in 城区), never to the mediator.
        assert arb.assigned_user_id == clerk2.user_id != med.user_id
    with database.read() as s:
        assert [x[0] for x in wf.linked_cases(s, cid)] == [arb_id]
        assert [x[0] for x in wf.linked_cases(s, arb_id)] == [cid]
    with database.write() as s, pytest.raises(WorkflowError):
        wf.hand_to_arbitration(s, med, cid, received_on=D(2025, 10, 15), expected_version=None)


def test_mediation_agreement_and_arbitration_review(database, actors) -> None:
    med = actors[Role.MEDIATOR]
    cid = register(database, med, CaseKind.MEDIATION, received_on=D(2025, 9, 26), mediation_body="enterprise")
    step(database, med, cid, "accept", D(2025, 9, 29))
    c = step(
        database, med, cid, "reach_agreement", D(2025, 10, 10), document_no="调解协议1", signed_by_both=True
    )
    assert c.outcome == Outcome.AGREEMENT
    # The mediator's clocks are judged; the party's right to arbitrate never arose.
    assert {d.rule_code: d.state for d in c.deadlines} == {
        "med.accept": "met",
        "med.green.accept": "breached",  # accepted on Mon 09-29, not the same day
        "med.conclude": "met",
        "med.arbitration_right": "cancelled",
    }
    # 办案规则 Art. 74: a joint application.
    with pytest.raises(WorkflowError):
        step(database, med, cid, "request_review", D(2025, 10, 27), joint=False)
    c = step(database, med, cid, "request_review", D(2025, 10, 27), joint=True)
    # 办案规则 Art. 76: the 5 wd run from the review's *acceptance*, not from the application.
    assert "med.review" not in clocks(c)
    with pytest.raises(WorkflowError):  # not accepted yet: nothing to decide
        step(
            database,
            med,
            cid,
            "confirm_review",
            D(2025, 10, 28),
            document_no="仲裁调解书1",
            signed_by_both=True,
        )
    c = step(database, med, cid, "accept_review", D(2025, 10, 28))
    assert clocks(c)["med.review"] == ("running", D(2025, 11, 4))  # 5 wd: 10-29, 30, 31, 11-03, 04
    with pytest.raises(WorkflowError):  # Art. 77: effective only once both parties signed
        step(
            database,
            med,
            cid,
            "confirm_review",
            D(2025, 10, 30),
            document_no="仲裁调解书1",
            signed_by_both=False,
        )
    c = step(
        database, med, cid, "confirm_review", D(2025, 10, 30), document_no="仲裁调解书1", signed_by_both=True
    )
    assert c.status == "review_confirmed" and c.outcome == Outcome.AGREEMENT
    assert clocks(c)["med.review"][0] == "met"


def test_review_applied_late_is_not_accepted(database, actors) -> None:
    """办案规则 Arts. 74-75: 15 days from the agreement (10-10) end on Sat 10-25, rolled to Mon
    10-27. An application of 10-28 is recorded, cannot be accepted, and is refused with the
    Art. 75 ground; the review clock never starts."""
    med = actors[Role.MEDIATOR]
    cid = register(database, med, CaseKind.MEDIATION, received_on=D(2025, 9, 26), mediation_body="enterprise")
    step(database, med, cid, "accept", D(2025, 9, 29))
    step(database, med, cid, "reach_agreement", D(2025, 10, 10), document_no="调解协议1", signed_by_both=True)
    step(database, med, cid, "request_review", D(2025, 10, 28), joint=True)
    with pytest.raises(WorkflowError, match="十五日"):
        step(database, med, cid, "accept_review", D(2025, 10, 29))
    c = step(database, med, cid, "refuse_review_application", D(2025, 10, 29), ground="review_out_of_time")
    assert c.status == "review_not_accepted" and c.outcome == Outcome.AGREEMENT
    assert "med.review" not in clocks(c)


def test_review_withdrawn_ends_the_review(database, actors) -> None:
    """Art. 79: a withdrawal ends the review; its clock is cancelled, never met nor breached."""
    med = actors[Role.MEDIATOR]
    cid = register(database, med, CaseKind.MEDIATION, received_on=D(2025, 9, 26), mediation_body="enterprise")
    step(database, med, cid, "accept", D(2025, 9, 29))
    step(database, med, cid, "reach_agreement", D(2025, 10, 10), document_no="调解协议1", signed_by_both=True)
    step(database, med, cid, "request_review", D(2025, 10, 13), joint=True)
    step(database, med, cid, "accept_review", D(2025, 10, 14))
    c = step(database, med, cid, "withdraw_review", D(2025, 10, 15))
    assert c.status == "review_withdrawn"
    assert clocks(c)["med.review"][0] == "cancelled"


@pytest.mark.parametrize(
    ("code", "fields", "outcome"),
    [
        ("fail", {"reason": "被申请人不同意"}, Outcome.FAILED),
        ("withdraw", {}, Outcome.WITHDRAWN),
        ("withdraw_settled", {}, Outcome.WITHDRAWN_SETTLED),
        ("settle", {}, Outcome.SETTLEMENT),
    ],
)
def test_mediation_closings(database, actors, code, fields, outcome) -> None:
    med = actors[Role.MEDIATOR]
    cid = register(database, med, CaseKind.MEDIATION, received_on=D(2025, 9, 26))
    step(database, med, cid, "accept", D(2025, 9, 29))
    c = step(database, med, cid, code, D(2025, 10, 9), **fields)
    assert c.outcome == outcome and c.closed_on == D(2025, 10, 9)


def test_mediation_refusal(database, actors) -> None:
    med = actors[Role.MEDIATOR]
    cid = register(database, med, CaseKind.MEDIATION, received_on=D(2025, 9, 26), mediation_body="enterprise")
    c = step(database, med, cid, "refuse", D(2025, 9, 28), reason="不属于劳动争议")
    assert c.outcome == Outcome.REFUSED and c.accepted_on is None and c.closed_on == D(2025, 9, 28)
    assert clocks(c)["med.accept"][0] == "met"


def test_a_bureau_mediation_centre_and_a_waiting_period_over_a_holiday(database, actors) -> None:
    """A case at the bureau's own mediation centre (the default): Law Art. 14 — 15 days from
    receipt, then the party may arbitrate. The 令第17号 clocks (3-wd acceptance, 15 days from
    acceptance) belong to enterprise committees; the centre's own targets are labelled as
    the bureau's. The 15 days are a waiting period: not rolled forward past a holiday."""
    med = actors[Role.MEDIATOR]
    # Received Tue 2025-09-16: 09-16 + 15 = Wed 10-01 (国庆, a holiday): the right arises when
    # that day ends, so it stays 10-01 (a deadline would have rolled to Thu 10-09).
    cid = register(database, med, CaseKind.MEDIATION, received_on=D(2025, 9, 16))
    with database.read() as s:
        c = s.get(Case, cid)
        assert c.mediation_body == "bureau_centre"
        k = clocks(c)
    assert k["med.arbitration_right"] == ("running", D(2025, 10, 1))
    assert "med.accept" not in k and "med.conclude" not in k
    # The centre's acceptance target (3 wd, the bureau's rule): 09-17, 18, 19 -> Fri 09-19.
    assert k["med.centre.accept"] == ("running", D(2025, 9, 19))
    step(database, med, cid, "accept", D(2025, 9, 17))
    with pytest.raises(WorkflowError):  # 10-01 itself is still inside the 15 days
        step(database, med, cid, "expire", D(2025, 10, 1))
    c = step(database, med, cid, "expire", D(2025, 10, 2))
    assert c.outcome == Outcome.EXPIRED


def test_the_handover_never_lands_with_the_mediator(database, actors) -> None:
    """No arbitration clerk on duty: the new case is left unassigned (the supervisor's queue),
    not given to the mediator who handed it over."""
    med = actors[Role.MEDIATOR]
    with database.write() as s:
        from casemgr.models import User

        s.query(User).filter(User.role == "clerk").update({"active": False})
    cid = register(database, med, CaseKind.MEDIATION, received_on=D(2025, 9, 26))
    step(database, med, cid, "accept", D(2025, 9, 29))
    step(database, med, cid, "fail", D(2025, 10, 9), reason="被申请人不同意调解")
    with database.write() as s:
        arb = wf.hand_to_arbitration(s, med, cid, received_on=D(2025, 10, 9), expected_version=None)
        assert arb.assigned_user_id is None


# --------------------------------------------------------------------------- inspection


def test_inspection_deemed_acceptance_pause_and_enforcement_ladder(database, actors) -> None:
    ins, boss = actors[Role.INSPECTOR], actors[Role.SUPERVISOR]
    # Complaint Fri 2025-01-24. 5 wd: 01-26 (Sun, make-up) 1, 01-27 2, 01-28..02-04 off,
    # 02-05 3, 02-06 4, 02-07 5.
    cid = register(database, ins, CaseKind.INSPECTION, received_on=D(2025, 1, 24))
    k = load_clocks(database, cid)
    assert k["insp.accept"] == ("running", D(2025, 2, 7))
    assert k["insp.green.accept"] == ("running", D(2025, 1, 24))
    with pytest.raises(WorkflowError):
        step(database, ins, cid, "deem_accept", D(2025, 2, 7))
    # Nobody answered: on 02-10 it counts as accepted from the day it came in (粤条例 39).
    with database.write() as s:
        assert wf.apply_deemed_acceptances(s, ins, today=D(2025, 2, 10)) == [cid]
    with database.read() as s:
        c = s.get(Case, cid)
        assert c.status == "investigating" and c.accepted_on == D(2025, 1, 24)
    with database.write() as s:
        c = s.get(Case, cid)
        _ = c.deadlines
    # Guangdong 45 wd from 01-24: 01-26, 01-27, 02-05..07, 02-08 (Sat make-up) = 6,
    # 02-10..14 = 11, 02-17..21 = 16, 02-24..28 = 21, 03-03..07 = 26, 03-10..14 = 31,
    # 03-17..21 = 36, 03-24..28 = 41, 03-31, 04-01, 04-02, 04-03 = 45 (04-04 清明).
    assert clocks(c)["insp.investigate.gd"] == ("running", D(2025, 4, 3))
    assert clocks(c)["insp.green.investigate"] == ("running", D(2025, 3, 13))  # 30th: 03-13
    assert clocks(c)["insp.accept"][0] == "breached"

    # Public notice 03-03..03-10 is not counted (粤条例 44): 5 wd (03-04..07, 03-10).
    step(database, ins, cid, "await_external", D(2025, 3, 3), cause="public_notice")
    c = step(database, ins, cid, "end_external", D(2025, 3, 10))
    # 45 + 5 = 50th working day: 04-03 (45), 04-07, 08, 09, 10, 11 (50).
    assert clocks(c)["insp.investigate.gd"] == ("running", D(2025, 4, 11))

    # Order to pay by Mon 03-31; partial payment does not meet it.
    c = step(
        database,
        ins,
        cid,
        "order_payment",
        D(2025, 3, 20),
        document_no="限期支付令1",
        pay_by=D(2025, 3, 31),
        amount_ordered=Decimal("50000.00"),
    )
    assert clocks(c)["insp.investigate.gd"][0] == "met"
    assert clocks(c)["insp.pay_order"] == ("running", D(2025, 3, 31))
    with pytest.raises(WorkflowError) as exc:  # not yet expired: no additional compensation
        step(
            database,
            ins,
            cid,
            "penalty_decision",
            D(2025, 3, 28),
            document_no="处罚1",
            compensation_rate="0.5",
        )
    assert exc.value.field == "compensation_rate"
    with database.write() as s:
        c2 = wf.record_payment(s, ins, cid, "20000.00", paid_on=D(2025, 3, 25), expected_version=None)
        assert c2.amount_recovered == Decimal("20000.00")
    assert load_clocks(database, cid)["insp.pay_order"][0] == "running"
    with pytest.raises(WorkflowError) as exc:
        step(
            database,
            ins,
            cid,
            "penalty_decision",
            D(2025, 4, 7),
            document_no="处罚1",
            compensation_rate="1.5",
        )
    assert exc.value.field == "compensation_rate"
    c = step(
        database, ins, cid, "penalty_decision", D(2025, 4, 7), document_no="处罚1", compensation_rate="0.5"
    )
    assert (c.status, c.outcome, c.closed_on) == ("penalized", Outcome.PENALTY, D(2025, 4, 7))
    # 30,000 of the 50,000 ordered is still owed: the decision does not end the order, its clock
    # runs on past the close (issue 14 item 8; tests/test_inspection_lifecycle.py).
    assert clocks(c)["insp.pay_order"] == ("running", D(2025, 3, 31))

    # Blacklist proposal: decision due 20 wd after the order expired (令45号 Art. 8):
    # 04-01..03 (3), 04-07..11 (8), 04-14..18 (13), 04-21..25 (18), 04-27 (Sun, make-up) 19, 04-28 20.
    with database.write() as s:
        d = wf.propose_blacklist(
            s,
            ins,
            cid,
            document_no="提请1",
            ground="crime_threshold",
            on=D(2025, 4, 8),
            expected_version=None,
        )
        assert d.due_on == D(2025, 4, 28)
    with database.write() as s:  # 令第45号 Art. 6: the employer is told first; 5 wd to object (to 04-16)
        wf.record_service(
            s,
            ins,
            cid,
            document="blacklist_notice",
            method="direct",
            served_on=D(2025, 4, 9),
            expected_version=None,
        )
    with database.write() as s:
        wf.decide_blacklist(
            s, boss, cid, listed=True, document_no="列入决定1", on=D(2025, 4, 25), expected_version=None
        )
    with database.read() as s:
        c = s.get(Case, cid)
        emp = s.get(Employer, c.employer_id)
        assert (emp.blacklisted_on, emp.blacklisted_until) == (D(2025, 4, 25), D(2028, 4, 25))
        assert clocks(c)["insp.blacklist"][0] == "met"


def test_refer_to_police_at_the_crime_threshold(database, actors) -> None:
    ins = actors[Role.INSPECTOR]
    cid = register(database, ins, CaseKind.INSPECTION, received_on=D(2026, 3, 2), migrant=False)
    step(database, ins, cid, "accept", D(2026, 3, 2))
    step(
        database,
        ins,
        cid,
        "order_payment",
        D(2026, 3, 10),
        document_no="令1",
        pay_by=D(2026, 3, 20),
        amount_ordered=Decimal("12000"),
    )
    with pytest.raises(WorkflowError) as exc:  # before the deadline: no crime yet
        step(
            database,
            ins,
            cid,
            "refer_police",
            D(2026, 3, 19),
            document_no="移送1",
            arrears="12000",
            workers=1,
        )
    assert exc.value.field == "document_no"
    with pytest.raises(WorkflowError) as exc:  # 汕尾 二类: 10,000 yuan for one worker
        step(
            database,
            ins,
            cid,
            "refer_police",
            D(2026, 3, 23),
            document_no="移送1",
            arrears="9999.99",
            workers=1,
        )
    assert exc.value.field == "arrears"
    with pytest.raises(WorkflowError):  # ten workers: 60,000
        step(
            database,
            ins,
            cid,
            "refer_police",
            D(2026, 3, 23),
            document_no="移送1",
            arrears="59999",
            workers=10,
        )
    c = step(
        database, ins, cid, "refer_police", D(2026, 3, 23), document_no="移送1", arrears="12000", workers=1
    )
    assert (c.status, c.outcome) == ("police", Outcome.TRANSFERRED)


def test_national_rule_set_and_suspension(database, actors) -> None:
    ins = actors[Role.INSPECTOR]
    with database.write() as s:
        settings.put(s, "inspection_rule_set", "national")
    cid = register(database, ins, CaseKind.INSPECTION, received_on=D(2026, 9, 1), migrant=False)
    c = step(database, ins, cid, "accept", D(2026, 9, 1), complaint_type=ComplaintType.REPORT.value)
    assert c.complaint_type == "report"  # 举报 recorded
    k = clocks(c)
    assert "insp.investigate.gd" not in k
    # 60 wd from Tue 09-01: 09-02..04 (3), 07-11 (8), 14-18 (13), 09-20 Sun make-up (14), 21-24 (18),
    # 09-25 中秋 off, 09-28..30 (21), 10-01..07 off, 10-08, 09 (23), 10-10 Sat make-up (24),
    # 10-12..16 (29), 19-23 (34), 26-30 (39), 11-02..06 (44), 09-13 (49), 16-20 (54), 23-27 (59), 11-30 (60).
    assert k["insp.investigate.national"] == ("running", D(2026, 11, 30))
    c = step(database, ins, cid, "suspend", D(2026, 9, 4), ground="complainant_unreachable")
    # 粤条例 Art. 45 ¶2: the written notice goes to a complainant "投诉人无法联系的除外"; a report
    # has no complainant, so no notice clock (tests/test_inspection_lifecycle.py has the cases).
    assert "insp.suspension_notice" not in clocks(c)
    c = step(database, ins, cid, "resume", D(2026, 9, 11))
    # The pause (09-04, 09-11] excludes 07..11 = 5 wd.
    assert clocks(c)["insp.investigate.national"][1] == D(2026, 12, 7)  # 5 wd after 11-30
    c = step(database, ins, cid, "cancel_filing", D(2026, 9, 30), ground="complaint_withdrawn")
    assert c.outcome == Outcome.CANCELLED


@pytest.mark.parametrize(
    ("code", "fields", "status", "outcome"),
    [
        ("refuse", {"ground": "beyond_lookback", "reason": "超过两年"}, "refused", Outcome.REFUSED),
        ("transfer_out", {"department": "住建局"}, "transferred", Outcome.TRANSFERRED),
    ],
)
def test_inspection_closings_at_receipt(database, actors, code, fields, status, outcome) -> None:
    ins = actors[Role.INSPECTOR]
    cid = register(database, ins, CaseKind.INSPECTION, received_on=D(2026, 3, 2))
    c = step(database, ins, cid, code, D(2026, 3, 3), **fields)
    assert (c.status, c.outcome, c.accepted_on) == (status, outcome, None)
    if code == "transfer_out":
        c = step(database, ins, cid, "report_back", D(2026, 3, 20), result="住建局已督促支付")
        assert c.status == "transferred"


def test_handling_decision_and_dispute_referral(database, actors) -> None:
    ins = actors[Role.INSPECTOR]
    a = register(database, ins, CaseKind.INSPECTION, received_on=D(2026, 3, 2))
    step(database, ins, a, "accept", D(2026, 3, 2))
    assert step(database, ins, a, "handling_decision", D(2026, 3, 20), document_no="处理1").outcome == (
        Outcome.HANDLING_DECISION
    )
    b = register(database, ins, CaseKind.INSPECTION, received_on=D(2026, 3, 2), n=2)
    step(database, ins, b, "accept", D(2026, 3, 2))
    assert step(database, ins, b, "refer_to_dispute", D(2026, 3, 20), reason="事实无法查清").outcome == (
        Outcome.REFER_TO_DISPUTE
    )


def test_limitation_warnings() -> None:
    from casemgr.deadlines.limitation import limitation_warnings

    w = limitation_warnings("arbitration", D(2026, 3, 2), D(2025, 3, 1), None)
    assert [x.code for x in w] == ["arbitration_limitation"] and w[0].limit_date == D(2026, 3, 1)
    assert limitation_warnings("arbitration", D(2026, 3, 1), D(2025, 3, 1), None) == []
    assert (
        limitation_warnings("arbitration", D(2026, 3, 1), None, None) == []
    )  # still employed: wages unlimited
    w = limitation_warnings("inspection", D(2026, 3, 2), None, D(2024, 3, 1))
    assert [x.code for x in w] == ["inspection_lookback"]


def test_the_sweep_accepts_by_law_in_the_systems_name(database, actors, monkeypatch) -> None:
    """粤条例 Art. 39 needs nobody's role: ``casemgr sweep`` (and the desktop at log-in) runs as
    the system account; the timeline and audit say so; answered complaints are left alone."""
    from sqlalchemy import select

    from casemgr.cli import main
    from casemgr.models import AuditEntry, Event

    ins = actors[Role.INSPECTOR]
    # Mon 2026-03-02: 5 wd -> Mon 03-09; unanswered on Tue 03-10.
    late = register(database, ins, CaseKind.INSPECTION, received_on=D(2026, 3, 2))
    also = register(database, ins, CaseKind.INSPECTION, received_on=D(2026, 3, 2), n=2)
    fresh = register(database, ins, CaseKind.INSPECTION, received_on=D(2026, 3, 9), n=3)
    step(database, ins, also, "refuse", D(2026, 3, 5), ground="outside_powers", reason="不属于监察事项")
    from tests.helpers import CLI_PASSWORD, give_password

    give_password(database, ins.username)  # the command writes: it runs after a user's log-in
    monkeypatch.setenv("CASEMGR_PASSWORD", CLI_PASSWORD)
    assert main(["--db", database.url, "sweep", "--today", "2026-03-10", "--user", ins.username]) == 0
    with database.read() as s:
        assert s.get(Case, late).status == "investigating"
        assert s.get(Case, late).accepted_on == D(2026, 3, 2)
        assert s.get(Case, also).status == "refused" and s.get(Case, fresh).status == "received"
        ev = s.execute(select(Event).where(Event.case_id == late, Event.action == "deem_accept")).scalar_one()
        assert ev.user_id is None
        entry = s.execute(
            select(AuditEntry).where(AuditEntry.action == "case.transition.deem_accept")
        ).scalar_one()
        assert entry.username == "system" and entry.entity_id == str(late)
    assert (
        main(["--db", database.url, "sweep", "--today", "2026-03-10", "--user", ins.username]) == 0
    )  # no more
    with database.read() as s:
        n = s.execute(select(AuditEntry).where(AuditEntry.action == "case.transition.deem_accept")).all()
        assert len(n) == 1


def test_limitation_from_knowledge_interruption_and_wage_claims() -> None:
    """调解仲裁法 Art. 27: one year from knowledge (¶1), afresh from an interruption (¶2); wage
    claims none while employed, one year from the end (¶4). 条例 Art. 20: two years."""
    from casemgr.deadlines import default_calendar
    from casemgr.deadlines.limitation import limitation_warnings

    nwd = default_calendar().next_working_day
    sev = ["severance"]
    # Knew Mon 2025-06-30: last day Tue 2026-06-30; received Wed 07-01 -> warned.
    w = limitation_warnings("arbitration", D(2026, 7, 1), None, None, knew_on=D(2025, 6, 30), claim_types=sev)
    assert [(x.code, x.limit_date) for x in w] == [("arbitration_limitation", D(2026, 6, 30))]
    # Interrupted Mon 2025-12-01 (a demand on the employer): afresh to Tue 2026-12-01 -> in time.
    assert (
        limitation_warnings(
            "arbitration",
            D(2026, 7, 1),
            None,
            None,
            knew_on=D(2025, 6, 30),
            interrupted_on=D(2025, 12, 1),
            claim_types=sev,
        )
        == []
    )
    # Wages while employed: no limit, however old the arrears.
    assert (
        limitation_warnings(
            "arbitration", D(2026, 7, 1), None, None, knew_on=D(2020, 1, 1), claim_types=["wages"]
        )
        == []
    )
    # Wages after employment ended Wed 2025-10-01 (国庆): a year later is Thu 2026-10-01, a holiday;
    # the last day moves to the next working day, Thu 2026-10-08 (10-01..07 off).
    w = limitation_warnings(
        "arbitration", D(2026, 10, 8), D(2025, 10, 1), None, claim_types=["wages"], next_working_day=nwd
    )
    assert w == []
    w = limitation_warnings(
        "arbitration", D(2026, 10, 9), D(2025, 10, 1), None, claim_types=["wages"], next_working_day=nwd
    )
    assert [(x.code, x.limit_date) for x in w] == [("wage_limitation", D(2026, 10, 8))]
    # Inspection: violation ended Fri 2024-05-31 -> two years: Sun 2026-05-31 -> Mon 06-01.
    assert limitation_warnings("inspection", D(2026, 6, 1), None, D(2024, 5, 31), next_working_day=nwd) == []
    w = limitation_warnings("inspection", D(2026, 6, 2), None, D(2024, 5, 31), next_working_day=nwd)
    assert [(x.code, x.limit_date) for x in w] == [("inspection_lookback", D(2026, 6, 1))]
