"""Arbitration walked through every path; dates worked out by hand from legal-rules §7 (2026 notice)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from casemgr import workflow
from casemgr.enums import CaseKind, Outcome, Role
from casemgr.errors import PermissionDenied, ValidationError, WorkflowError
from casemgr.models import AuditEntry, Case, Event
from casemgr.services import cases
from casemgr.services import workflow as wf
from tests import helpers

D = dt.date


def clocks(case: Case) -> dict[str, tuple[str, dt.date]]:
    """Latest clock per rule: (state, due_on)."""
    out: dict[str, tuple[str, dt.date]] = {}
    for d in case.deadlines:
        out[d.rule_code] = (d.state, d.due_on)
    return out


def register(database, actor, **kw) -> int:
    with database.write() as s:
        c = cases.register_case(
            s, actor, helpers.case_input(CaseKind.ARBITRATION, **kw), today=D(2026, 11, 26)
        )
        return c.id


def step(database, actor, case_id, code, on, **fields) -> Case:
    with database.write() as s:
        c = wf.apply_transition(s, actor, case_id, code, fields, expected_version=None, on=on)
        s.refresh(c)
        _ = (c.deadlines, c.claims)
        return c


def test_full_path_around_spring_festival_2026(database, actors) -> None:
    clerk, boss = actors[Role.CLERK], actors[Role.SUPERVISOR]
    # Received Fri 2026-02-13, a migrant worker's wage claim -> green channel.
    cid = register(database, clerk, received_on=D(2026, 2, 13))
    with database.read() as s:
        c = s.get(Case, cid)
        assert c.status == "received" and c.green_channel
        k = clocks(c)
    # 5 wd: 02-14 (Sat, make-up) 1, 02-15..23 holiday, 02-24 2, 25 3, 26 4, 27 5.
    assert k["arb.accept"] == ("running", D(2026, 2, 27))
    assert k["arb.supplement_notice"] == ("running", D(2026, 2, 27))
    assert k["arb.green.accept"] == ("running", D(2026, 2, 13))  # same working day

    # 补正 asked on the make-up Saturday: the acceptance clock waits.
    c = step(database, clerk, cid, "request_supplement", D(2026, 2, 14), items="劳动合同复印件")
    assert c.status == "supplement"
    assert clocks(c)["arb.accept"][0] == "paused"
    assert clocks(c)["arb.supplement_notice"][0] == "met"
    # Completed Mon 03-02: receipt counts from then (办案规则 46(二)): 03-03..06 = 4, 03-09 = 5.
    c = step(database, clerk, cid, "complete_supplement", D(2026, 3, 2))
    assert c.status == "received"
    assert clocks(c)["arb.accept"] == ("running", D(2026, 3, 9))
    assert clocks(c)["arb.green.accept"] == ("running", D(2026, 3, 2))

    # Accepted Tue 03-03: statutory clock met, the green same-day target missed.
    c = step(database, clerk, cid, "accept", D(2026, 3, 3))
    k = clocks(c)
    assert c.accepted_on == D(2026, 3, 3) and c.closed_on is None
    assert k["arb.accept"][0] == "met" and k["arb.green.accept"][0] == "breached"
    assert k["arb.serve_copy"] == ("running", D(2026, 3, 10))  # 03-04,05,06,09,10
    assert k["arb.tribunal_notice"] == ("running", D(2026, 3, 10))
    assert k["arb.green.notify"] == ("running", D(2026, 3, 6))  # 3 wd
    assert k["arb.award"] == ("running", D(2026, 4, 17))  # 03-03 + 45 = Fri 04-17
    assert k["arb.green.award"] == ("running", D(2026, 4, 2))  # + 30 = Thu 04-02

    with database.write() as s:
        wf.record_service(
            s,
            clerk,
            cid,
            document="application_copy",
            method="post",
            served_on=D(2026, 3, 5),
            expected_version=None,
        )
    c = step(database, clerk, cid, "form_tribunal", D(2026, 3, 5), arbitrators=["甲", "乙", "丙"])
    assert clocks(c)["arb.tribunal_notice"][0] == "met"
    assert clocks(c)["arb.serve_copy"][0] == "met"
    # Defence: 10 wd from the respondent's receipt 03-05 -> 03-06, 09..13, 16..19 -> 03-19.
    assert clocks(c)["arb.defence"] == ("running", D(2026, 3, 19))
    # The defence arrives Fri 03-06: serve its copy within 5 wd -> 03-09..13 -> Fri 03-13.
    with database.write() as s:
        wf.record_defence(s, clerk, cid, received_on=D(2026, 3, 6), expected_version=None)
        assert clocks(s.get(Case, cid))["arb.defence"] == ("met", D(2026, 3, 19))
        assert clocks(s.get(Case, cid))["arb.serve_defence"] == ("running", D(2026, 3, 13))
        wf.record_service(
            s,
            clerk,
            cid,
            document="defence_copy",
            method="post",
            served_on=D(2026, 3, 12),
            expected_version=None,
        )
        assert clocks(s.get(Case, cid))["arb.serve_defence"] == ("met", D(2026, 3, 13))
    c = step(database, clerk, cid, "send_one_shot_notice", D(2026, 3, 6))
    assert clocks(c)["arb.green.notify"][0] == "met" and c.status == "tribunal_formed"

    # 中止 03-10 .. 恢复 03-20: ten calendar days do not count (46(六)).
    c = step(
        database, clerk, cid, "suspend", D(2026, 3, 10), ground="awaiting_appraisal", approved_by="仲裁院院长"
    )
    assert c.status == "suspended" and clocks(c)["arb.award"][0] == "paused"
    c = step(database, clerk, cid, "resume", D(2026, 3, 20))
    assert c.status == "tribunal_formed"  # back where it was
    assert clocks(c)["arb.award"] == ("running", D(2026, 4, 27))  # 03-03 + 55 = Mon 04-27
    assert clocks(c)["arb.green.award"] == ("running", D(2026, 4, 13))  # + 40 = Sun 04-12 -> Mon 04-13

    # Claims changed 04-01: the award period restarts (46(三)); the pause is forgotten.
    c = step(database, clerk, cid, "change_claims", D(2026, 4, 1), description="增加加班费请求")
    assert clocks(c)["arb.award"] == ("running", D(2026, 5, 18))  # 04-01 + 45 = Sat 05-16 -> Mon 05-18
    assert clocks(c)["arb.green.award"] == ("running", D(2026, 5, 6))  # + 30 = 05-01 (劳动节) -> Wed 05-06

    # Hearing on Mon 04-20: notice to be served by 04-10 (04-13..17 are the 5 wd before the hearing).
    with pytest.raises(WorkflowError) as exc:
        step(database, clerk, cid, "schedule_hearing", D(2026, 4, 10), hearing_date=D(2026, 4, 16))
    assert exc.value.field == "hearing_date"
    c = step(
        database,
        clerk,
        cid,
        "schedule_hearing",
        D(2026, 4, 10),
        hearing_date=D(2026, 4, 20),
        place="第一仲裁庭",
    )
    assert clocks(c)["arb.hearing_notice"] == ("running", D(2026, 4, 10))
    with database.write() as s:
        wf.record_service(
            s,
            clerk,
            cid,
            document="hearing_notice",
            method="direct",
            served_on=D(2026, 4, 10),
            expected_version=None,
        )
    with database.read() as s:
        assert clocks(s.get(Case, cid))["arb.hearing_notice"][0] == "met"

    # Extension: asked by the clerk, approved by a supervisor (the configured approver), once,
    # at most 15 days (tests/test_extension_approval.py has the approver rules).
    with database.read() as s:
        award_id = next(
            d.id for d in s.get(Case, cid).deadlines if d.rule_code == "arb.award" and d.state == "running"
        )
    with database.write() as s:
        wf.request_extension(s, clerk, cid, award_id, "需要鉴定", expected_version=None, on=D(2026, 5, 8))
    with database.write() as s, pytest.raises(PermissionDenied):
        wf.approve_extension(s, clerk, cid, award_id, 15, "案情复杂", None)
    with database.write() as s, pytest.raises(ValidationError) as exc:
        wf.approve_extension(s, boss, cid, award_id, 16, "案情复杂", None)
    assert exc.value.field == "days"
    with database.write() as s:
        d = wf.approve_extension(s, boss, cid, award_id, 15, "案情复杂", None, on=D(2026, 5, 10))
        # 04-01 + 45 + 15 = Sun 05-31 -> Mon 06-01.
        assert d.due_on == D(2026, 6, 1)
    with database.write() as s, pytest.raises(WorkflowError):
        wf.approve_extension(s, boss, cid, award_id, 1, "再次延期", None)

    # Award 05-20: per item against 12 x 1,750 = 21,000 yuan (粤府函〔2025〕23号, from 2025-03-01).
    with database.read() as s:
        claim_id = s.get(Case, cid).claims[0].id
    c = step(
        database,
        clerk,
        cid,
        "award",
        D(2026, 5, 20),
        document_no="汕劳人仲裁字〔2026〕1号",
        items=[
            {"claim_item_id": claim_id, "claim_type": "wages", "amount": Decimal("15000.00")},
            {"claim_type": "severance", "amount": Decimal("30000.00")},
        ],
    )
    assert c.status == "awarded" and c.outcome == Outcome.AWARD and c.closed_on == D(2026, 5, 20)
    assert (
        c.final_award
        and c.claims[0].final_award is True
        and c.claims[0].amount_ordered == Decimal("15000.00")
    )
    k = clocks(c)
    assert k["arb.award"][0] == "met"  # 05-20 <= 06-01
    assert k["arb.green.award"][0] == "breached"  # the 30-day target was 05-06
    assert k["arb.defence"][0] == "met"  # the defence came in on 03-06; closing leaves it met
    with database.read() as s:
        ev = s.execute(select(Event).where(Event.case_id == cid, Event.action == "award")).scalar_one()
        data = cases.event_data(ev)
        assert data["final_award"]["threshold"] == "21000.00"
        assert data["final_award"]["separate_awards_needed"] is True
        assert [i["final"] for i in data["final_award"]["items"]] == [True, False]

    c = step(database, clerk, cid, "serve_award", D(2026, 5, 22), method="direct")
    c = step(database, clerk, cid, "archive", D(2026, 6, 1))
    assert c.status == "archived" and workflow.status_is_closed(CaseKind.ARBITRATION, c.status)
    assert c.outcome == Outcome.AWARD  # archiving keeps the outcome


def test_public_notice_service_is_excluded_from_the_award_clock(database, actors) -> None:
    clerk = actors[Role.CLERK]
    cid = register(database, clerk, received_on=D(2026, 3, 2), migrant=False)
    step(database, clerk, cid, "accept", D(2026, 3, 3))  # award due 04-17
    with database.write() as s:
        wf.record_service(
            s,
            clerk,
            cid,
            document="application_copy",
            method="public_notice",
            served_on=D(2026, 3, 6),
            expected_version=None,
        )
    with database.read() as s:
        k = clocks(s.get(Case, cid))
    # 30 days of publication (民诉法 95) excluded: 03-03 + 75 = Sun 05-17 -> Mon 05-18.
    assert k["arb.award"] == ("running", D(2026, 5, 18))
    # The defence period runs from the deemed service 04-05 (Sun, 清明 off 04-04..06):
    # 10 wd: 04-07..10 (4), 04-13..17 (9), 04-20 (10).
    assert k["arb.defence"] == ("running", D(2026, 4, 20))


@pytest.mark.parametrize(
    ("code", "fields", "status", "outcome"),
    [
        ("settle", {"document_no": "调解书1", "signed_by_both": True}, "settled", Outcome.ARB_MEDIATION),
        ("withdraw", {}, "withdrawn", Outcome.WITHDRAWN),
        ("terminate", {"reason": "终止审理"}, "terminated", Outcome.TERMINATED),
    ],
)
def test_other_closings(database, actors, code, fields, status, outcome) -> None:
    clerk = actors[Role.CLERK]
    cid = register(database, clerk, received_on=D(2026, 3, 2), migrant=False)
    step(database, clerk, cid, "accept", D(2026, 3, 3))
    c = step(database, clerk, cid, code, D(2026, 3, 20), **fields)
    assert (c.status, c.outcome, c.closed_on, c.accepted_on) == (
        status,
        outcome,
        D(2026, 3, 20),
        D(2026, 3, 3),
    )
    assert all(d.state in ("met", "breached", "cancelled") for d in c.deadlines)


def test_deemed_withdrawn_needs_a_scheduled_hearing(database, actors) -> None:
    clerk = actors[Role.CLERK]
    cid = register(database, clerk, received_on=D(2026, 3, 2), migrant=False)
    step(database, clerk, cid, "accept", D(2026, 3, 3))
    with pytest.raises(WorkflowError) as exc:
        step(database, clerk, cid, "deem_withdrawn", D(2026, 3, 4), reason="未到庭")
    assert exc.value.field == "code"
    step(database, clerk, cid, "form_tribunal", D(2026, 3, 4), arbitrators=["甲", "乙", "丙"])
    # Copy not served yet: the defence period runs at least to 03-18 (10 wd from 03-04), so the
    # hearing is on Thu 03-19.
    step(database, clerk, cid, "schedule_hearing", D(2026, 3, 4), hearing_date=D(2026, 3, 19))
    c = step(database, clerk, cid, "deem_withdrawn", D(2026, 3, 19), reason="申请人无正当理由拒不到庭")
    assert c.outcome == Outcome.DEEMED_WITHDRAWN and c.status == "deemed_withdrawn"


def test_refusal_closes_without_acceptance(database, actors) -> None:
    clerk = actors[Role.CLERK]
    cid = register(database, clerk, received_on=D(2026, 3, 2))
    c = step(database, clerk, cid, "refuse", D(2026, 3, 4), reason="不属于受理范围")
    assert c.outcome == Outcome.REFUSED and c.closed_on == D(2026, 3, 4) and c.accepted_on is None
    assert workflow.terminal_status(CaseKind.ARBITRATION, Outcome.REFUSED) == "refused"


def test_bad_steps_write_nothing(database, actors) -> None:
    clerk, mediator = actors[Role.CLERK], actors[Role.MEDIATOR]
    cid = register(database, clerk, received_on=D(2026, 3, 2))
    with database.read() as s:
        version = s.get(Case, cid).version
        n_events = s.scalar(select(func.count()).select_from(Event))
        n_audit = s.scalar(select(func.count()).select_from(AuditEntry))
    with pytest.raises(WorkflowError) as exc:  # illegal from "received"
        step(database, clerk, cid, "award", D(2026, 3, 3), document_no="x", items=[])
    assert exc.value.field == "code"
    with pytest.raises(WorkflowError) as exc:  # missing required field
        step(database, clerk, cid, "refuse", D(2026, 3, 3))
    assert exc.value.field == "reason"
    with pytest.raises(ValidationError) as exc:  # unknown field
        step(database, clerk, cid, "accept", D(2026, 3, 3), hearing_date=D(2026, 3, 9))
    assert exc.value.field == "hearing_date"
    with pytest.raises(PermissionDenied):
        step(database, mediator, cid, "accept", D(2026, 3, 3))
    step(database, clerk, cid, "accept", D(2026, 3, 3))
    with pytest.raises(WorkflowError) as exc:  # not signed by both
        step(database, clerk, cid, "settle", D(2026, 3, 5), document_no="调解书", signed_by_both=False)
    assert exc.value.field == "signed_by_both"
    with database.read() as s:
        c = s.get(Case, cid)
        assert c.status == "accepted" and c.version == version + 1
        assert s.scalar(select(func.count()).select_from(Event)) == n_events + 1
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == n_audit + 1
    # a stale version is a conflict, not an overwrite
    from casemgr.errors import ConflictError

    with database.write() as s, pytest.raises(ConflictError):
        wf.apply_transition(
            s, clerk, cid, "form_tribunal", {"arbitrators": ["甲", "乙", "丙"]}, expected_version=version
        )


def test_collective_case_rules(database, actors) -> None:
    clerk = actors[Role.CLERK]
    cid = register(database, clerk, received_on=D(2026, 3, 2), workers=10, migrant=False)
    c = step(database, clerk, cid, "accept", D(2026, 3, 3))
    assert c.collective and c.supervised  # 10 workers with wage arrears -> 挂牌督办
    assert clocks(c)["arb.collective.notice"] == ("running", D(2026, 3, 10))  # one-shot notice, 5 wd
    with pytest.raises(WorkflowError) as exc:  # Art. 65: three arbitrators
        step(database, clerk, cid, "form_tribunal", D(2026, 3, 4), arbitrators=["甲"])
    assert exc.value.field == "arbitrators"


def test_simple_procedure_allows_a_sole_arbitrator_and_keeps_the_clock(database, actors) -> None:
    clerk = actors[Role.CLERK]
    cid = register(database, clerk, received_on=D(2026, 3, 2), migrant=False)
    step(database, clerk, cid, "accept", D(2026, 3, 3))
    c = step(database, clerk, cid, "set_simple_procedure", D(2026, 3, 3), ground="small_amount")
    assert c.simple_procedure
    c = step(database, clerk, cid, "form_tribunal", D(2026, 3, 4), arbitrators=["独任仲裁员"])
    c = step(database, clerk, cid, "convert_to_ordinary", D(2026, 3, 10), reason="案情复杂")
    assert not c.simple_procedure
    assert clocks(c)["arb.award"] == ("running", D(2026, 4, 17))  # Art. 61: no reset


@pytest.mark.parametrize("code", ["change_claims", "join_party"])  # counter-claims: see below
def test_restarts(database, actors, code) -> None:
    clerk = actors[Role.CLERK]
    cid = register(database, clerk, received_on=D(2026, 9, 1), migrant=False)
    step(database, clerk, cid, "accept", D(2026, 9, 2))  # 09-02 + 45 = Sat 10-17 -> Mon 10-19
    with database.read() as s:
        assert clocks(s.get(Case, cid))["arb.award"][1] == D(2026, 10, 19)
    # Restart on 09-16: + 45 = Sat 10-31 -> Mon 11-02.
    c = step(database, clerk, cid, code, D(2026, 9, 16), description="反申请/追加")
    assert clocks(c)["arb.award"] == ("running", D(2026, 11, 2))


def test_workflow_tables_are_consistent() -> None:
    for kind in CaseKind:
        for t in workflow.TRANSITIONS[kind].values():
            if t.closes:
                assert workflow.terminal_status(kind, t.outcome) in workflow.CLOSED_STATES[kind]
        assert workflow.STATES[kind][0] == cases.INITIAL_STATUS
    with pytest.raises(WorkflowError):
        workflow.terminal_status(CaseKind.ARBITRATION, Outcome.PENALTY)


def test_available_transitions_follow_status_and_role(database, actors) -> None:
    clerk = actors[Role.CLERK]
    cid = register(database, clerk, received_on=D(2026, 3, 2))
    with database.read() as s:
        c = s.get(Case, cid)
        codes = {t.code for t in workflow.available_transitions(c, clerk)}
        assert {"accept", "refuse", "request_supplement", "withdraw"} <= codes and "award" not in codes
        assert workflow.available_transitions(c, actors[Role.MEDIATOR]) == []
        assert workflow.available_transitions(c, actors[Role.ADMIN]) == []


def _serve(database, actor, cid, document, method, on) -> None:
    with database.write() as s:
        wf.record_service(
            s, actor, cid, document=document, method=method, served_on=on, expected_version=None
        )


@pytest.mark.parametrize("method", ["left", "posted"])
def test_left_or_posted_service_counts_three_working_days_later(database, actors, method) -> None:
    """办案规则 Art. 20 ¶2: a document left (留置) or posted (张贴) counts as served "经过三日"
    after that day; Art. 80: three days are working days. The defence period (10 wd from
    receipt, Art. 33) starts from that deemed date, not from the day it was left."""
    clerk = actors[Role.CLERK]
    cid = register(database, clerk, received_on=D(2026, 9, 21), migrant=False)
    step(database, clerk, cid, "accept", D(2026, 9, 24))
    # Left on Tue 09-29. 3 wd: 09-30 (1), 10-01..07 国庆 off, 10-08 (2), 10-09 (3) -> Fri 10-09.
    _serve(database, clerk, cid, "application_copy", method, D(2026, 9, 29))
    with database.read() as s:
        c = s.get(Case, cid)
        k = clocks(c)
        ev = s.execute(
            select(Event).where(Event.case_id == cid, Event.action == "application_copy")
        ).scalar_one()
        data = cases.event_data(ev)
    assert data["deemed_served_on"] == "2026-10-09"
    # Defence 10 wd from Fri 10-09: 10-10 (Sat, make-up day) 1, 10-12..16 (2-6), 10-19..22 (7-10)
    # -> Thu 10-22. (Counted from 09-29 it would wrongly end Mon 10-19.)
    assert k["arb.defence"] == ("running", D(2026, 10, 22))
    # The bureau's own duty to serve (5 wd from acceptance) was met when it left the copy.
    assert k["arb.serve_copy"][0] == "met"


def test_direct_service_counts_from_the_day_itself(database, actors) -> None:
    clerk = actors[Role.CLERK]
    cid = register(database, clerk, received_on=D(2026, 9, 21), migrant=False)
    step(database, clerk, cid, "accept", D(2026, 9, 24))
    _serve(database, clerk, cid, "application_copy", "direct", D(2026, 9, 29))
    with database.read() as s:
        k = clocks(s.get(Case, cid))
    # 10 wd from Tue 09-29: 09-30 (1), 10-08, 09 (3), 10-10 Sat make-up (4), 10-12..16 (9), 10-19 (10).
    assert k["arb.defence"] == ("running", D(2026, 10, 19))


def _accepted_and_served(database, clerk) -> int:
    """Received Mon 09-21, accepted Thu 09-24, application copy handed over Tue 09-29.

    Award limit: 09-24 + 45 = Sun 11-08 -> Mon 11-09 (Sep 24 + 6 = 09-30, + 31 = 10-31, + 8 = 11-08).
    Defence: 10 wd from 09-29 = 09-30, 10-08, 10-09, 10-10 (Sat, make-up), 10-12..16, 10-19 -> Mon 10-19.
    """
    cid = register(database, clerk, received_on=D(2026, 9, 21), migrant=False)
    step(database, clerk, cid, "accept", D(2026, 9, 24))
    _serve(database, clerk, cid, "application_copy", "direct", D(2026, 9, 29))
    with database.read() as s:
        k = clocks(s.get(Case, cid))
    assert k["arb.award"] == ("running", D(2026, 11, 9))
    assert k["arb.defence"] == ("running", D(2026, 10, 19))
    return cid


def test_a_counterclaim_inside_the_defence_period_gets_a_five_day_decision(database, actors) -> None:
    """办案规则 Art. 36: a counter-claim only during the defence period, accepted or not within
    5 wd of receipt; once joined, the award limit runs from its acceptance (Art. 46(四))."""
    clerk = actors[Role.CLERK]
    cid = _accepted_and_served(database, clerk)
    # Received Fri 10-16 (inside the period ending 10-19): decide within 5 wd:
    # 10-19 (1), 20 (2), 21 (3), 22 (4), 23 (5) -> Fri 10-23.
    c = step(database, clerk, cid, "receive_counterclaim", D(2026, 10, 16), description="返还借款")
    assert clocks(c)["arb.counterclaim_accept"] == ("running", D(2026, 10, 23))
    assert clocks(c)["arb.award"] == ("running", D(2026, 11, 9))  # not moved by the receipt
    # Joined Wed 10-21: the award limit counts afresh: 10-21 + 45 = Sat 12-05 -> Mon 12-07
    # (Oct 21 + 10 = 10-31, + 30 = 11-30, + 5 = 12-05).
    c = step(database, clerk, cid, "join_counterclaim", D(2026, 10, 21), description="合并审理")
    assert clocks(c)["arb.counterclaim_accept"] == ("met", D(2026, 10, 23))
    assert clocks(c)["arb.award"] == ("running", D(2026, 12, 7))


def test_a_counterclaim_after_the_defence_period_is_refused(database, actors) -> None:
    clerk = actors[Role.CLERK]
    cid = _accepted_and_served(database, clerk)
    # Tue 10-20 is the day after the defence period ended (Mon 10-19): a separate case instead.
    with pytest.raises(WorkflowError) as exc:
        step(database, clerk, cid, "receive_counterclaim", D(2026, 10, 20), description="返还借款")
    assert "2026-10-19" in exc.value.zh and "另行申请仲裁" in exc.value.zh
    # Nothing to join or refuse without a counter-claim received in time.
    with pytest.raises(WorkflowError):
        step(database, clerk, cid, "join_counterclaim", D(2026, 10, 20), description="合并")


def test_a_counterclaim_before_the_application_copy_was_served_is_refused(database, actors) -> None:
    clerk = actors[Role.CLERK]
    cid = register(database, clerk, received_on=D(2026, 9, 21), migrant=False)
    step(database, clerk, cid, "accept", D(2026, 9, 24))
    with pytest.raises(WorkflowError):
        step(database, clerk, cid, "receive_counterclaim", D(2026, 9, 25), description="返还借款")


def test_a_refused_counterclaim_leaves_the_award_limit_alone(database, actors) -> None:
    clerk = actors[Role.CLERK]
    cid = _accepted_and_served(database, clerk)
    step(database, clerk, cid, "receive_counterclaim", D(2026, 10, 16), description="返还借款")
    # Decided Mon 10-26, after the 5 wd ended Fri 10-23: the bureau breached its clock.
    c = step(database, clerk, cid, "refuse_counterclaim", D(2026, 10, 26), reason="不属于劳动争议")
    assert clocks(c)["arb.counterclaim_accept"] == ("breached", D(2026, 10, 23))
    assert clocks(c)["arb.award"] == ("running", D(2026, 11, 9))


def test_an_extension_does_not_survive_a_restart(database, actors) -> None:
    """办案规则 Art. 46: a restart counts the limit afresh (重新计算); the extension approved for
    the old period lapses, and a new one may be approved for the new period."""
    clerk, boss = actors[Role.CLERK], actors[Role.SUPERVISOR]
    cid = _accepted_and_served(database, clerk)
    with database.read() as s:
        award_id = next(d.id for d in s.get(Case, cid).deadlines if d.rule_code == "arb.award")
    with database.write() as s:
        wf.request_extension(s, clerk, cid, award_id, "需要鉴定", expected_version=None, on=D(2026, 10, 9))
        d = wf.approve_extension(s, boss, cid, award_id, 15, "同意延长", None, on=D(2026, 10, 10))
        # 09-24 + 60 = Mon 11-23.
        assert d.due_on == D(2026, 11, 23)
    # Claims changed Wed 10-21: 10-21 + 45 = Sat 12-05 -> Mon 12-07, not + 60 (-> 12-21).
    c = step(database, clerk, cid, "change_claims", D(2026, 10, 21), description="增加加班费")
    d = next(x for x in c.deadlines if x.id == award_id)
    assert (d.state, d.due_on, d.extended_days, d.extension_approved_by_id) == (
        "running",
        D(2026, 12, 7),
        0,
        None,
    )
    # A new extension for the new period: 10-21 + 60 = Sun 12-20 -> Mon 12-21.
    with database.write() as s:
        wf.request_extension(s, clerk, cid, award_id, "仍需鉴定", expected_version=None, on=D(2026, 11, 30))
        d = wf.approve_extension(s, boss, cid, award_id, 15, "同意", None, on=D(2026, 12, 1))
        assert d.due_on == D(2026, 12, 21)


def test_a_hearing_inside_the_defence_period_needs_a_recorded_reason(database, actors) -> None:
    """Law Art. 30 / 办案规则 Art. 33: the respondent has 10 wd from receipt to answer; a
    hearing on or before the last day of that period needs a reason on file (e.g. the
    respondent agreed to shorten it, Art. 58)."""
    clerk = actors[Role.CLERK]
    cid = _accepted_and_served(database, clerk)  # defence period ends Mon 10-19
    step(database, clerk, cid, "form_tribunal", D(2026, 9, 25), arbitrators=["甲", "乙", "丙"])
    # Hearing Mon 10-19 (the last day of the period); notice possible: the 6th wd before it is
    # Sat 10-10 (make-up day): 10-16, 15, 14, 13, 12, 10 -> set on Fri 10-09 in time.
    with pytest.raises(WorkflowError) as exc:
        step(database, clerk, cid, "schedule_hearing", D(2026, 10, 9), hearing_date=D(2026, 10, 19))
    assert exc.value.field == "early_hearing_reason" and "2026-10-19" in exc.value.zh
    c = step(
        database,
        clerk,
        cid,
        "schedule_hearing",
        D(2026, 10, 9),
        hearing_date=D(2026, 10, 19),
        early_hearing_reason="被申请人书面同意缩短答辩期",
    )
    with database.read() as s:
        ev = s.execute(
            select(Event).where(Event.case_id == cid, Event.action == "schedule_hearing")
        ).scalar_one()
        assert cases.event_data(ev)["early_hearing_reason"] == "被申请人书面同意缩短答辩期"
    # Tue 10-20, the day after the period: no reason needed.
    c = step(database, clerk, cid, "schedule_hearing", D(2026, 10, 9), hearing_date=D(2026, 10, 20))
    assert c.status == "hearing_scheduled"


def test_a_hearing_before_the_copy_is_served_counts_the_shortest_defence_period(database, actors) -> None:
    clerk = actors[Role.CLERK]
    cid = register(database, clerk, received_on=D(2026, 9, 21), migrant=False)
    step(database, clerk, cid, "accept", D(2026, 9, 24))
    step(database, clerk, cid, "form_tribunal", D(2026, 9, 25), arbitrators=["甲", "乙", "丙"])
    # Not served yet: even if served today (Fri 09-25) the period runs 10 wd to
    # 09-28, 29, 30, 10-08, 09, 10 (Sat, make-up), 12, 13, 14, 15 -> Thu 10-15.
    with pytest.raises(WorkflowError) as exc:
        step(database, clerk, cid, "schedule_hearing", D(2026, 9, 25), hearing_date=D(2026, 10, 14))
    assert exc.value.field == "early_hearing_reason"
    c = step(database, clerk, cid, "schedule_hearing", D(2026, 9, 25), hearing_date=D(2026, 10, 16))
    assert c.status == "hearing_scheduled"


def test_no_award_before_the_hearing(database, actors) -> None:
    """调解仲裁法 Arts. 35-42: the award follows the hearing; a simple-procedure case may be
    decided on the papers (办案规则 Art. 60); withdrawal and settlement need no hearing."""
    clerk = actors[Role.CLERK]
    cid = _accepted_and_served(database, clerk)
    step(database, clerk, cid, "form_tribunal", D(2026, 9, 25), arbitrators=["甲", "乙", "丙"])
    items = [{"claim_type": "wages", "amount": Decimal("8000.00")}]
    with pytest.raises(WorkflowError) as exc:
        step(database, clerk, cid, "award", D(2026, 10, 16), document_no="裁1", items=items)
    assert exc.value.field == "code"
    # Not simple procedure: a "written hearing" is no way round.
    with pytest.raises(WorkflowError):
        step(
            database,
            clerk,
            cid,
            "award",
            D(2026, 10, 16),
            document_no="裁1",
            items=items,
            written_hearing=True,
        )
    step(database, clerk, cid, "schedule_hearing", D(2026, 10, 9), hearing_date=D(2026, 10, 20))
    with pytest.raises(WorkflowError) as exc:
        step(database, clerk, cid, "award", D(2026, 10, 19), document_no="裁1", items=items)
    assert "2026-10-20" in exc.value.zh
    c = step(database, clerk, cid, "award", D(2026, 10, 20), document_no="裁1", items=items)
    assert c.status == "awarded"


def test_a_simple_procedure_case_may_be_decided_on_the_papers(database, actors) -> None:
    clerk = actors[Role.CLERK]
    cid = _accepted_and_served(database, clerk)
    step(database, clerk, cid, "set_simple_procedure", D(2026, 9, 25), ground="small_amount")
    step(database, clerk, cid, "form_tribunal", D(2026, 9, 25), arbitrators=["独任仲裁员"])
    items = [{"claim_type": "wages", "amount": Decimal("8000.00")}]
    with pytest.raises(WorkflowError):
        step(database, clerk, cid, "award", D(2026, 10, 20), document_no="裁1", items=items)
    c = step(
        database, clerk, cid, "award", D(2026, 10, 20), document_no="裁1", items=items, written_hearing=True
    )
    assert c.status == "awarded"
