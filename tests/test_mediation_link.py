"""调裁衔接 (issue 21): pre-filing mediation (办案规则 Art. 69), entrusted mediation (Art. 70),
the review of mediation agreements (Arts. 74-79) and their monthly figures.

Dates are worked out by hand on the 2026 calendar (March 2026 has no holiday; Art. 80: the
5- and 10-day periods are working days).
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest

from casemgr.enums import CaseKind, Outcome, Role
from casemgr.errors import PermissionDenied, WorkflowError
from casemgr.metrics import indicators as ind
from casemgr.metrics import mediation_link as ml
from casemgr.metrics import report as mr
from casemgr.metrics.periods import Period
from casemgr.models import Case
from casemgr.reports import monthly
from casemgr.services import cases
from casemgr.services import workflow as wf
from tests import helpers

D = dt.date
MARCH, APRIL = Period.month(2026, 3), Period.month(2026, 4)


def clocks(case: Case) -> dict[str, tuple[str, dt.date]]:
    return {d.rule_code: (d.state, d.due_on) for d in case.deadlines}


def register(database, actor, kind=CaseKind.ARBITRATION, n=1) -> int:
    # Not a migrant worker: no green-channel targets, only the statutory clocks.
    data = helpers.case_input(kind, received_on=D(2026, 3, 2), n=n, migrant=False)
    with database.write() as s:
        return cases.register_case(s, actor, data, today=D(2026, 11, 23)).id


def step(database, actor, case_id, code, on, **fields) -> Case:
    with database.write() as s:
        c = wf.apply_transition(s, actor, case_id, code, fields, expected_version=None, on=on)
        s.refresh(c)
        _ = (c.deadlines, c.claims)
        return c


def test_pre_filing_mediation_pauses_acceptance_and_resumes_it(database, actors) -> None:
    clerk = actors[Role.CLERK]
    cid = register(database, clerk)
    with database.read() as s:
        assert clocks(s.get(Case, cid))["arb.accept"] == ("running", D(2026, 3, 9))  # 03-03..06, 09
    with pytest.raises(WorkflowError, match="第六十九条"):  # no consent: accept it as the law says
        step(
            database,
            clerk,
            cid,
            "pre_mediation",
            D(2026, 3, 3),
            document_no="建议1",
            mediation_body="城区调解中心",
            consent=False,
        )
    with pytest.raises(PermissionDenied):  # a mediator does not act on arbitration cases
        step(
            database,
            actors[Role.MEDIATOR],
            cid,
            "pre_mediation",
            D(2026, 3, 3),
            document_no="建议1",
            mediation_body="城区调解中心",
            consent=True,
        )
    c = step(
        database,
        clerk,
        cid,
        "pre_mediation",
        D(2026, 3, 3),
        document_no="建议1",
        mediation_body="城区调解中心",
        consent=True,
    )
    assert c.status == "pre_mediation" and c.accepted_on is None
    assert clocks(c)["arb.accept"][0] == "paused"
    assert clocks(c)["arb.supplement_notice"][0] == "paused"
    with pytest.raises(WorkflowError):  # acceptance is deferred: no acceptance from here
        step(database, clerk, cid, "accept", D(2026, 3, 4))
    # Back on Mon 03-16: 03-03 had run (1 of 5); 4 working days are left: 03-17, 18, 19, 20.
    c = step(database, clerk, cid, "pre_mediation_failed", D(2026, 3, 16))
    assert c.status == "received"
    assert clocks(c)["arb.accept"] == ("running", D(2026, 3, 20))
    c = step(database, clerk, cid, "accept", D(2026, 3, 20))
    assert c.accepted_on == D(2026, 3, 20) and clocks(c)["arb.accept"][0] == "met"


def test_pre_filing_settlement_closes_the_application_unaccepted(database, actors) -> None:
    clerk = actors[Role.CLERK]
    cid = register(database, clerk)
    step(
        database,
        clerk,
        cid,
        "pre_mediation",
        D(2026, 3, 3),
        document_no="建议1",
        mediation_body="城区调解中心",
        consent=True,
    )
    # Settled on 03-20, long after the 5 days would have ended: a deferred decision is not late.
    c = step(database, clerk, cid, "pre_mediation_settled", D(2026, 3, 20), amount_agreed=Decimal("5000.00"))
    assert c.status == "prefiling_settled" and c.outcome == Outcome.PREFILING_SETTLED
    assert c.closed_on == D(2026, 3, 20) and c.accepted_on is None
    assert clocks(c)["arb.accept"][0] == "cancelled"
    assert clocks(c)["arb.supplement_notice"][0] == "cancelled"
    with database.read() as s:  # never accepted: in no closure rate, no success rate
        assert ind.arbitration_closure_rate(s, MARCH).denominator == 0
        assert ind.mediation_success_rate(s, MARCH).denominator == 0


def test_withdrawn_while_deferred_leaves_no_late_clock(database, actors) -> None:
    clerk = actors[Role.CLERK]
    cid = register(database, clerk)
    step(
        database,
        clerk,
        cid,
        "pre_mediation",
        D(2026, 3, 3),
        document_no="建议1",
        mediation_body="城区调解中心",
        consent=True,
    )
    c = step(database, clerk, cid, "withdraw", D(2026, 3, 20))
    assert c.outcome == Outcome.WITHDRAWN and c.accepted_on is None
    assert clocks(c)["arb.accept"][0] == "cancelled"


def _to_tribunal(database, clerk, cid) -> None:
    step(database, clerk, cid, "accept", D(2026, 3, 3))
    step(database, clerk, cid, "form_tribunal", D(2026, 3, 4), arbitrators=["甲", "乙", "丙"])


def test_entrusted_mediation_ten_working_days_then_back(database, actors) -> None:
    clerk = actors[Role.CLERK]
    cid = register(database, clerk)
    _to_tribunal(database, clerk, cid)
    with pytest.raises(WorkflowError, match="第七十条"):
        step(database, clerk, cid, "entrust_mediation", D(2026, 3, 5), mediator="城区调解中心", consent=False)
    c = step(database, clerk, cid, "entrust_mediation", D(2026, 3, 5), mediator="城区调解中心", consent=True)
    # Consent Thu 03-05; 10 wd: 03-06, 09-13, 16-19 -> Thu 03-19.
    assert c.status == "entrusted" and clocks(c)["arb.entrusted_mediation"] == ("running", D(2026, 3, 19))
    assert clocks(c)["arb.award"][0] == "running"  # Art. 46 does not stop the 45 days for it
    c = step(database, clerk, cid, "entrusted_unsettled", D(2026, 3, 20))
    assert c.status == "tribunal_formed"  # back where it was: the hearing goes ahead
    assert clocks(c)["arb.entrusted_mediation"][0] == "breached"  # one working day late


def test_entrusted_mediation_settled_then_mediation_statement(database, actors) -> None:
    clerk = actors[Role.CLERK]
    cid = register(database, clerk)
    _to_tribunal(database, clerk, cid)
    step(database, clerk, cid, "entrust_mediation", D(2026, 3, 5), mediator="城区调解中心", consent=True)
    with pytest.raises(WorkflowError):  # the 仲裁调解书 follows the return, not the other way
        step(database, clerk, cid, "settle", D(2026, 3, 12), document_no="调解书1", signed_by_both=True)
    c = step(database, clerk, cid, "entrusted_settled", D(2026, 3, 12), amount_agreed=Decimal("8000.00"))
    assert c.status == "tribunal_formed" and clocks(c)["arb.entrusted_mediation"][0] == "met"
    c = step(database, clerk, cid, "settle", D(2026, 3, 13), document_no="调解书1", signed_by_both=True)
    assert c.outcome == Outcome.ARB_MEDIATION


def test_no_entrusted_mediation_after_the_hearing(database, actors) -> None:
    clerk = actors[Role.CLERK]
    cid = register(database, clerk)
    _to_tribunal(database, clerk, cid)
    step(database, clerk, cid, "schedule_hearing", D(2026, 3, 5), hearing_date=D(2026, 3, 30))
    step(database, clerk, cid, "entrust_mediation", D(2026, 3, 27), mediator="调解员", consent=True)
    step(database, clerk, cid, "entrusted_unsettled", D(2026, 3, 27))
    with pytest.raises(WorkflowError, match="开庭前"):
        step(database, clerk, cid, "entrust_mediation", D(2026, 3, 30), mediator="调解员", consent=True)


def _agreement(database, med, n) -> int:
    cid = register(database, med, CaseKind.MEDIATION, n=n)
    step(database, med, cid, "accept", D(2026, 3, 3))
    step(database, med, cid, "reach_agreement", D(2026, 3, 10), document_no=f"协议{n}", signed_by_both=True)
    return cid


def test_monthly_figures_worked_by_hand(database, actors) -> None:
    clerk, med = actors[Role.CLERK], actors[Role.MEDIATOR]
    advice = {"document_no": "建议", "mediation_body": "城区调解中心", "consent": True}
    # A: diverted 03-03, settled 03-16 for 5,000.00.
    a = register(database, clerk, n=1)
    step(database, clerk, a, "pre_mediation", D(2026, 3, 3), **advice)
    step(database, clerk, a, "pre_mediation_settled", D(2026, 3, 16), amount_agreed=Decimal("5000.00"))
    # B: diverted 03-04, returned 03-16, accepted 03-20.
    b = register(database, clerk, n=2)
    step(database, clerk, b, "pre_mediation", D(2026, 3, 4), **advice)
    step(database, clerk, b, "pre_mediation_failed", D(2026, 3, 16))
    step(database, clerk, b, "accept", D(2026, 3, 20))
    # C: diverted on the month's last day (03-31: March), settled 04-02 for 3,000.50 (April).
    c = register(database, clerk, n=3)
    step(database, clerk, c, "pre_mediation", D(2026, 3, 31), **advice)
    step(database, clerk, c, "pre_mediation_settled", D(2026, 4, 2), amount_agreed=Decimal("3000.50"))
    # D: diverted 03-05, withdrawn 03-10 while deferred.
    d = register(database, clerk, n=4)
    step(database, clerk, d, "pre_mediation", D(2026, 3, 5), **advice)
    step(database, clerk, d, "withdraw", D(2026, 3, 10))
    # E: entrusted 03-05, agreement 03-12 (8,000.00), 仲裁调解书 03-13.
    e = register(database, clerk, n=5)
    _to_tribunal(database, clerk, e)
    step(database, clerk, e, "entrust_mediation", D(2026, 3, 5), mediator="城区调解中心", consent=True)
    step(database, clerk, e, "entrusted_settled", D(2026, 3, 12), amount_agreed=Decimal("8000.00"))
    step(database, clerk, e, "settle", D(2026, 3, 13), document_no="调解书", signed_by_both=True)
    # F: entrusted 03-05, no agreement 03-19.
    f = register(database, clerk, n=6)
    _to_tribunal(database, clerk, f)
    step(database, clerk, f, "entrust_mediation", D(2026, 3, 5), mediator="城区调解中心", consent=True)
    step(database, clerk, f, "entrusted_unsettled", D(2026, 3, 19))
    # G: agreement 03-10, joint application 03-12, accepted 03-13, confirmed 03-16.
    g = _agreement(database, med, 7)
    step(database, med, g, "request_review", D(2026, 3, 12), joint=True)
    step(database, med, g, "accept_review", D(2026, 3, 13))
    step(database, med, g, "confirm_review", D(2026, 3, 16), document_no="审查调解书", signed_by_both=True)
    # H: agreement 03-10, applied 03-30 (15 days ended Wed 03-25): not accepted 03-31.
    h = _agreement(database, med, 8)
    step(database, med, h, "request_review", D(2026, 3, 30), joint=True)
    step(database, med, h, "refuse_review_application", D(2026, 3, 31), ground="review_out_of_time")
    # I: agreement 03-10, applied 03-11, accepted 03-12, withdrawn 04-01 (April).
    i = _agreement(database, med, 9)
    step(database, med, i, "request_review", D(2026, 3, 11), joint=True)
    step(database, med, i, "accept_review", D(2026, 3, 12))
    step(database, med, i, "withdraw_review", D(2026, 4, 1))

    with database.read() as s:
        march = ml.figures(s, MARCH)
        april = ml.figures(s, APRIL)
        ytd = ml.figures(s, Period.year_to_date(2026, 4))
        # March: diverted A, B, C, D = 4; settled A; returned B; withdrawn D; agreed 5,000.00.
        assert march.pre_filing == ml.PreFiling(4, 1, 1, 1, Decimal("5000.00"))
        # Entrusted E, F; settled E (8,000.00); returned F.
        assert march.entrusted == ml.Entrusted(2, 1, 1, 0, Decimal("8000.00"))
        # Applied G, H, I; accepted G, I; not accepted H; confirmed G; I still under review.
        assert march.review == ml.Review(3, 2, 1, 1, 0, 0)
        # April: C settled (3,000.50); I withdrawn.
        assert april.pre_filing == ml.PreFiling(0, 1, 0, 0, Decimal("3000.50"))
        assert april.entrusted == ml.Entrusted()
        assert april.review == ml.Review(0, 0, 0, 0, 0, 1)
        # January-April: the two months added.
        assert ytd.pre_filing == ml.PreFiling(4, 2, 1, 1, Decimal("8000.50"))
        assert ytd.review == ml.Review(3, 2, 1, 1, 0, 1)
        # The rates as defined: accepted in March B (03-20), E, F (03-03) = 3; closed E only
        # (A settled and D withdrawn before filing were never accepted) -> 1/3.
        closure = ind.arbitration_closure_rate(s, MARCH)
        assert (closure.numerator, closure.denominator) == (1, 3)
        # Closed in March by mediation: G, H, I (agreements 03-10) and E's 仲裁调解书; A is not
        # a success of the commission's (the mediating body counts it) -> 4/4.
        success = ind.mediation_success_rate(s, MARCH)
        assert (success.numerator, success.denominator) == (4, 4)
        # Another district sees none of it.
        assert ml.figures(s, MARCH, "海丰县") == ml.LinkFigures()

        data = mr.collect(s, 2026, 3, today=D(2026, 11, 23))
    doc = mr.to_json(data)["mediation_link"]
    assert doc["month"]["pre_filing_mediation"] == {
        "diverted": 4,
        "settled": 1,
        "returned": 1,
        "withdrawn": 1,
        "amount_agreed_yuan": "5000.00",
    }
    assert doc["year_to_date"]["arbitration_review"]["applied"] == 3
    # The closed month keeps the table: dump and load give the same figures back.
    assert mr.load(mr.ReportData, mr.dump(data)).mediation_link == data.mediation_link
    pdf = monthly.pdf_bytes(data, invariant=True)
    assert pdf.startswith(b"%PDF")
    out = io.BytesIO()
    monthly.build_xlsx(data, out)
    from openpyxl import load_workbook

    ws = load_workbook(io.BytesIO(out.getvalue()))["调裁衔接"]
    values = {r[0]: r[1:3] for r in ws.iter_rows(values_only=True) if r and r[0]}
    assert values["立案前调解：暂缓受理转调解"] == (4, 4)
    assert values["仲裁审查：共同申请"] == (3, 3)


def test_review_extension_of_five_working_days_by_an_approver(database, actors) -> None:
    """办案规则 Art. 76: 5 wd from acceptance, extended by 5 more once approved — by someone other
    than the person who asked. Accepted Fri 03-13: 03-16..20 -> Fri 03-20; +5 -> Fri 03-27."""
    med, boss = actors[Role.MEDIATOR], actors[Role.SUPERVISOR]
    cid = _agreement(database, med, 1)
    step(database, med, cid, "request_review", D(2026, 3, 12), joint=True)
    c = step(database, med, cid, "accept_review", D(2026, 3, 13))
    assert clocks(c)["med.review"] == ("running", D(2026, 3, 20))
    did = next(d.id for d in c.deadlines if d.rule_code == "med.review")
    with database.write() as s:
        wf.request_extension(
            s, med, cid, did, "需要核实协议履行情况", expected_version=None, on=D(2026, 3, 18)
        )
    with database.write() as s, pytest.raises(PermissionDenied):
        wf.approve_extension(s, med, cid, did, 5, "自批", None, on=D(2026, 3, 18))
    with database.write() as s:
        wf.approve_extension(s, boss, cid, did, 5, "同意延长", None, on=D(2026, 3, 18))
    c = step(
        database, med, cid, "confirm_review", D(2026, 3, 26), document_no="审查调解书", signed_by_both=True
    )
    assert clocks(c)["med.review"] == ("met", D(2026, 3, 27))


def test_review_and_entrusted_clocks_are_on_the_board(database, actors) -> None:
    """The review runs on a mediation case closed by its agreement: its clock must still reach
    the board (after_close); the entrusted-mediation clock is an ordinary one."""
    from casemgr.deadlines import board

    med, clerk = actors[Role.MEDIATOR], actors[Role.CLERK]
    m = _agreement(database, med, 1)
    step(database, med, m, "request_review", D(2026, 3, 12), joint=True)
    step(database, med, m, "accept_review", D(2026, 3, 13))  # due Fri 03-20
    a = register(database, clerk, n=2)
    _to_tribunal(database, clerk, a)
    step(database, clerk, a, "entrust_mediation", D(2026, 3, 5), mediator="调解员", consent=True)  # due 03-19
    with database.read() as s:
        b = board.board(s, today=D(2026, 3, 23))
        overdue = {(r.case_id, r.rule_code) for r in b.overdue.rows}
    assert (m, "med.review") in overdue
    assert (a, "arb.entrusted_mediation") in overdue


def test_ledger_import_knows_a_pre_filing_settlement_was_never_accepted(database, actors, tmp_path) -> None:
    """The exported word 立案前调解成功 reads back; with an acceptance date it is refused (it
    would otherwise enter the arbitration closure rate), without one it counts nowhere."""
    from tests.test_import_ledger import HEADER, arb_no, run, write_xlsx

    admin = actors[Role.ADMIN]
    row = [arb_no(21), "仲裁", "2026-03-02", "2026-03-04", "2026-03-16", "立案前调解成功", "否", 1, "5000", "",
           "汕尾甲公司", helpers.make_uscc(1), "城区", "张三", helpers.make_id(1)]  # fmt: skip
    refused = run(database, admin, write_xlsx(tmp_path / "a.xlsx", [row], HEADER))
    assert refused.refused and refused.created == 0
    row[3] = ""
    done = run(database, admin, write_xlsx(tmp_path / "b.xlsx", [row], HEADER))
    assert done.created == 1 and not done.rejections
    with database.read() as s:
        c = s.query(Case).one()
        assert (c.status, c.outcome, c.accepted_on) == ("prefiling_settled", "prefiling_settled", None)
        assert ind.arbitration_closure_rate(s, MARCH).denominator == 0
