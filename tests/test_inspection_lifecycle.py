"""Labour inspection, issue 14 part B: the order of steps and the clocks the statutes add.

Every expected date is worked out by hand on the official calendar (国办发明电〔2025〕7号 for
2026, legal-rules §7.2) and the count is written beside it. March 2026 has no holiday; the
Qingming break is Sat 04-04 to Mon 04-06 (04-06 off); May Day is Fri 05-01 to Tue 05-05 with
Sat 05-09 a make-up working day.

The statute quoted is 广东省劳动保障监察条例 (2019 revision) unless said otherwise.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal

import pytest

from casemgr.enums import CaseKind, ComplaintType, Role
from casemgr.errors import WorkflowError
from casemgr.models import Case
from casemgr.services import cases
from casemgr.services import workflow as wf
from tests import helpers

D = dt.date


def clocks(case: Case) -> dict[str, tuple[str, dt.date]]:
    return {d.rule_code: (d.state, d.due_on) for d in case.deadlines}


def register(database, actor, *, complaint_type=ComplaintType.COMPLAINT, **kw) -> int:
    data = dataclasses.replace(helpers.case_input(CaseKind.INSPECTION, **kw), complaint_type=complaint_type)
    with database.write() as s:
        return cases.register_case(s, actor, data, today=D(2026, 11, 26)).id


def step(database, actor, case_id, code, on, **fields) -> Case:
    with database.write() as s:
        c = wf.apply_transition(s, actor, case_id, code, fields, expected_version=None, on=on)
        s.refresh(c)
        _ = (c.deadlines, c.claims)
        return c


def record(database, actor, case_id, code, on, **fields) -> Case:
    with database.write() as s:
        c = wf.apply_record(s, actor, case_id, code, fields, expected_version=None, on=on)
        s.refresh(c)
        _ = (c.deadlines, c.claims)
        return c


def load(database, case_id) -> dict[str, tuple[str, dt.date]]:
    with database.read() as s:
        return clocks(s.get(Case, case_id))


# --------------------------------------------------------------------------- item 5: 视为受理


def test_only_a_complaint_is_deemed_accepted_never_a_report(database, actors) -> None:
    """Art. 39 ¶2 deems a silent *complaint* accepted; a report (Art. 34) is checked and filed
    (Art. 32) or passed on (Art. 33 ¶2), never accepted by silence."""
    ins = actors[Role.INSPECTOR]
    # Both arrive Mon 2026-03-02. 5 wd: 03-03 (1), 04 (2), 05 (3), 06 (4), Mon 03-09 (5).
    complaint = register(database, ins, received_on=D(2026, 3, 2))
    report = register(database, ins, received_on=D(2026, 3, 2), n=2, complaint_type=ComplaintType.REPORT)
    assert load(database, complaint)["insp.accept"] == ("running", D(2026, 3, 9))
    k = load(database, report)
    assert "insp.accept" not in k  # no deemed-acceptance clock on a report
    assert k["insp.report.file"] == ("running", D(2026, 3, 9))  # file or pass on within 5 wd

    # Tue 03-10: both periods are over; the sweep accepts the complaint only.
    with database.write() as s:
        assert wf.apply_deemed_acceptances(s, ins, today=D(2026, 3, 10)) == [complaint]
    with database.read() as s:
        assert s.get(Case, complaint).accepted_on == D(2026, 3, 2)
        assert s.get(Case, report).status == "received" and s.get(Case, report).accepted_on is None
    with pytest.raises(WorkflowError) as exc:
        step(database, ins, report, "deem_accept", D(2026, 3, 10))
    assert "举报" in exc.value.zh
    # The report is filed by a decision of the bureau (one day late: the clock says so).
    c = step(database, ins, report, "accept", D(2026, 3, 10))
    assert c.status == "investigating"
    assert clocks(c)["insp.report.file"] == ("breached", D(2026, 3, 9))


# --------------------------------------------------------------------------- item 4: 中止告知


@pytest.mark.parametrize(
    ("complaint_type", "ground", "notice_due"),
    [
        # Approved Fri 04-03: 04-06 off (Qingming), 04-07 (1), 04-08 (2), Thu 04-09 (3).
        (ComplaintType.COMPLAINT, "awaiting_other_authority", D(2026, 4, 9)),
        (ComplaintType.COMPLAINT, "force_majeure", D(2026, 4, 9)),
        # "投诉人无法联系的除外": nobody to tell, no duty, no clock.
        (ComplaintType.COMPLAINT, "complainant_unreachable", None),
        # A report has no complainant: Art. 45 ¶2 binds the bureau towards a 投诉人 only.
        (ComplaintType.REPORT, "awaiting_other_authority", None),
    ],
)
def test_suspension_notice_only_to_a_complainant_who_can_be_reached(
    database, actors, complaint_type, ground, notice_due
) -> None:
    ins = actors[Role.INSPECTOR]
    cid = register(database, ins, received_on=D(2026, 3, 2), complaint_type=complaint_type)
    step(database, ins, cid, "accept", D(2026, 3, 2))
    c = step(database, ins, cid, "suspend", D(2026, 4, 3), ground=ground)
    assert c.status == "suspended"
    assert clocks(c)["insp.investigate.gd"][0] == "paused"
    if notice_due is None:
        assert "insp.suspension_notice" not in clocks(c)
    else:
        assert clocks(c)["insp.suspension_notice"] == ("running", notice_due)


# --------------------------------------------------------------------------- 限期整改指令书, 补正, 移送, 公告


def serve(database, actor, case_id, document, on, method="direct", **extra) -> None:
    with database.write() as s:
        wf.record_service(
            s,
            actor,
            case_id,
            document=document,
            method=method,
            served_on=on,
            expected_version=None,
            **extra,
        )


def ordered_case(database, ins, n=1, **kw) -> int:
    cid = register(database, ins, received_on=D(2026, 3, 2), n=n, **kw)
    step(database, ins, cid, "accept", D(2026, 3, 2))
    step(
        database,
        ins,
        cid,
        "order_payment",
        D(2026, 3, 10),
        document_no="限期整改指令书1",
        pay_by=D(2026, 3, 31),
        amount_ordered=Decimal("8000.00"),
    )
    return cid


def test_the_order_to_rectify_is_served_within_seven_working_days(database, actors) -> None:
    """Art. 47 ¶1 names the 限期整改指令书 first among the documents served within 7 wd."""
    ins = actors[Role.INSPECTOR]
    cid = ordered_case(database, ins)
    # Made Tue 03-10: 03-11 (1), 12 (2), 13 (3), 16 (4), 17 (5), 18 (6), Thu 03-19 (7).
    assert load(database, cid)["insp.serve_order"] == ("running", D(2026, 3, 19))
    serve(database, ins, cid, "order", D(2026, 3, 12))
    k = load(database, cid)
    assert k["insp.serve_order"] == ("met", D(2026, 3, 19))
    assert k["insp.pay_order"] == ("running", D(2026, 3, 31))  # served in person: date unchanged


@pytest.mark.parametrize(
    ("ground", "deemed", "pay_by"),
    [
        # Art. 47 ¶2: 60 days. Published Thu 03-12 + 60 = Mon 05-11; the order's 21 days
        # (03-10 -> 03-31) run from then: the pay-by date moves by the 60 days to Sat 05-30.
        (None, D(2026, 5, 11), D(2026, 5, 30)),
        # 3 days only for an Art. 41 case or a mass incident: 03-12 + 3 = Sun 03-15; 03-31 + 3 = 04-03.
        ("wage_evasion", D(2026, 3, 15), D(2026, 4, 3)),
        ("mass_incident", D(2026, 3, 15), D(2026, 4, 3)),
    ],
)
def test_public_notice_period_and_periods_running_from_its_end(
    database, actors, ground, deemed, pay_by
) -> None:
    """A wage-arrears case is not by itself a 3-day case (the old code used 3 days for every
    wage claim): the article names Art. 41 cases and mass incidents."""
    from sqlalchemy import select

    from casemgr.models import Event

    ins = actors[Role.INSPECTOR]
    cid = ordered_case(database, ins)
    with database.read() as s:
        assert s.get(Case, cid).wage_arrears  # a wage claim, yet 60 days without a ground
    serve(database, ins, cid, "order", D(2026, 3, 12), method="public_notice", short_notice_ground=ground)
    k = load(database, cid)
    assert k["insp.serve_order"][0] == "met"  # publishing is serving, on time
    assert k["insp.pay_order"] == ("running", pay_by)
    with database.read() as s:
        ev = s.execute(select(Event).where(Event.case_id == cid, Event.action == "order")).scalar_one()
        assert json.loads(ev.data)["deemed_served_on"] == deemed.isoformat()


def test_short_notice_ground_needs_a_public_notice(database, actors) -> None:
    from casemgr.errors import ValidationError

    ins = actors[Role.INSPECTOR]
    cid = ordered_case(database, ins)
    with pytest.raises(ValidationError) as exc:
        serve(database, ins, cid, "order", D(2026, 3, 12), method="post", short_notice_ground="mass_incident")
    assert exc.value.field == "short_notice_ground"
    assert load(database, cid)["insp.serve_order"][0] == "running"  # nothing written


def test_supplement_restarts_the_acceptance_period_from_the_completed_complaint(database, actors) -> None:
    """Art. 39(七): ask for everything missing at once, in writing, within the 5 wd of ¶2; "补正后
    符合规定的，予以受理": the complete complaint is received when completed, so the 5 wd and the
    deemed acceptance count from that day (the rule 办案规则 Art. 46(二) states for arbitration)."""
    ins = actors[Role.INSPECTOR]
    cid = register(database, ins, received_on=D(2026, 3, 2))
    c = step(database, ins, cid, "request_supplement", D(2026, 3, 5), missing="劳动关系证明")
    assert c.status == "supplement"
    assert clocks(c)["insp.accept"] == ("met", D(2026, 3, 9))  # the written notice was on time
    # Nothing runs against the bureau while the complainant gathers papers: the sweep leaves it.
    with database.write() as s:
        assert wf.apply_deemed_acceptances(s, ins, today=D(2026, 3, 12)) == []
    c = step(database, ins, cid, "supplement_received", D(2026, 3, 16))
    assert c.status == "received"
    # Complete on Mon 03-16: 17 (1), 18 (2), 19 (3), 20 (4), Mon 03-23 (5).
    running = [d for d in c.deadlines if d.rule_code == "insp.accept" and d.state == "running"]
    assert [(d.started_on, d.due_on) for d in running] == [(D(2026, 3, 16), D(2026, 3, 23))]
    with database.write() as s:
        assert wf.apply_deemed_acceptances(s, ins, today=D(2026, 3, 24)) == [cid]
    with database.read() as s:
        c = s.get(Case, cid)
        assert c.accepted_on == D(2026, 3, 16)  # "自收到投诉材料之日起即为受理": the complete material
        # 45 wd from 03-16: 17-20 (4), 23-27 (9), 30-31 (11), 04-01..03 (14), 04-06 off, 07-10 (18),
        # 13-17 (23), 20-24 (28), 27-30 (32), 05-01..05 off, 06-08 (35), Sat 05-09 make-up (36),
        # 11-15 (41), 18 (42), 19 (43), 20 (44), Thu 05-21 (45).
        assert clocks(c)["insp.investigate.gd"] == ("running", D(2026, 5, 21))


def test_a_report_is_not_asked_to_supplement(database, actors) -> None:
    ins = actors[Role.INSPECTOR]
    cid = register(database, ins, received_on=D(2026, 3, 2), complaint_type=ComplaintType.REPORT)
    with pytest.raises(WorkflowError) as exc:
        step(database, ins, cid, "request_supplement", D(2026, 3, 3), missing="身份证明")
    assert exc.value.code == "guard"  # the step exists; Art. 39(七) is for complaints


def test_passing_on_a_complaint_outside_our_jurisdiction(database, actors) -> None:
    """Art. 39(二) and ¶2: the complainant is told in writing, within 5 wd of receipt, where to
    go; the bureau's 5-wd clock is met by the transfer and the written notice has its own clock
    that outlives the closed case until its 送达回证."""
    ins = actors[Role.INSPECTOR]
    cid = register(database, ins, received_on=D(2026, 3, 2))
    c = step(
        database, ins, cid, "transfer_jurisdiction", D(2026, 3, 4), department="海丰县人力资源和社会保障局"
    )
    assert (c.status, c.outcome, c.accepted_on) == ("transferred", "transferred", None)
    k = clocks(c)
    assert k["insp.accept"] == ("met", D(2026, 3, 9))
    assert k["insp.transfer_notice"] == ("running", D(2026, 3, 9))  # 5 wd from receipt 03-02
    serve(database, ins, cid, "transfer_notice", D(2026, 3, 10))
    assert load(database, cid)["insp.transfer_notice"] == ("breached", D(2026, 3, 9))


def test_passing_on_a_report_has_its_five_days_and_no_notice(database, actors) -> None:
    """Art. 33 ¶2: a report outside our jurisdiction is passed on within 5 wd; there is no
    complainant to tell."""
    ins = actors[Role.INSPECTOR]
    cid = register(database, ins, received_on=D(2026, 3, 2), complaint_type=ComplaintType.REPORT)
    c = step(
        database, ins, cid, "transfer_jurisdiction", D(2026, 3, 9), department="陆丰市人力资源和社会保障局"
    )
    k = clocks(c)
    assert k["insp.report.file"] == ("met", D(2026, 3, 9))
    assert "insp.transfer_notice" not in k


# --------------------------------------------------------------------------- item 8: money still owed


def test_an_unpaid_order_outlives_the_decision_and_payments_are_per_worker(database, actors) -> None:
    """A collective wage case: ordered per worker, paid per worker; the handling decision closes
    the case (it is the 结案 the indicators count) but the order's clock runs on, the board lists
    it, and the ladder (police, court) stays open until the last yuan is paid."""
    from casemgr import queries
    from casemgr.deadlines import board as board_mod
    from casemgr.errors import ValidationError

    ins = actors[Role.INSPECTOR]
    cid = register(database, ins, received_on=D(2026, 3, 2), workers=3, amount="8000.00")
    step(database, ins, cid, "accept", D(2026, 3, 2))
    with database.read() as s:
        lines = [c.id for c in s.get(Case, cid).claims]
    with pytest.raises(ValidationError) as exc:  # 24,000 claimed, 23,000 ordered: whose is what?
        step(database, ins, cid, "order_payment", D(2026, 3, 10), document_no="令1",
             pay_by=D(2026, 3, 31), amount_ordered="23000.00")  # fmt: skip
    assert exc.value.field == "ordered_items"
    items = [
        {"claim_item_id": lines[0], "amount": "12000.00"},
        {"claim_item_id": lines[1], "amount": "6000.00"},
        {"claim_item_id": lines[2], "amount": "5000.00"},
    ]
    c = step(database, ins, cid, "order_payment", D(2026, 3, 10), document_no="令1",
             pay_by=D(2026, 3, 31), ordered_items=items)  # fmt: skip
    assert [x.amount_ordered for x in c.claims] == [
        Decimal("12000.00"),
        Decimal("6000.00"),
        Decimal("5000.00"),
    ]
    serve(database, ins, cid, "order", D(2026, 3, 11))

    # A part payment in a case with three workers owed must say whose money it is.
    with pytest.raises(ValidationError) as exc:
        record(database, ins, cid, "record_payment", D(2026, 3, 20), amount="6000.00")
    assert exc.value.field == "paid_items"
    c = record(database, ins, cid, "record_payment", D(2026, 3, 20),
               paid_items=[{"claim_item_id": lines[1], "amount": "6000.00"}])  # fmt: skip
    assert c.amount_recovered == Decimal("6000.00")
    assert [x.amount_paid for x in c.claims] == [Decimal("0.00"), Decimal("6000.00"), Decimal("0.00")]

    # Wed 04-01, the day after the pay-by date: the handling decision closes the case ...
    c = step(database, ins, cid, "handling_decision", D(2026, 4, 1), document_no="处理1")
    assert (c.status, c.closed_on) == ("handled", D(2026, 4, 1))
    # ... but 17,000 is still owed: the order's clock is not stopped by the close.
    assert clocks(c)["insp.pay_order"] == ("running", D(2026, 3, 31))
    with database.read() as s:
        d = queries.case_detail(s, ins, cid)
        assert [(w.worker, w.ordered, w.paid, w.outstanding) for w in d.money_by_worker] == [
            ("工人1-0", Decimal("12000.00"), Decimal("0.00"), Decimal("12000.00")),
            ("工人1-1", Decimal("6000.00"), Decimal("6000.00"), Decimal("0.00")),
            ("工人1-2", Decimal("5000.00"), Decimal("0.00"), Decimal("5000.00")),
        ]
        b = board_mod.board(s, today=D(2026, 4, 2))
        assert cid in {r.case_id for r in b.unpaid_orders.rows}
        assert cid not in {r.case_id for r in b.overdue.rows}  # the employer's period, not ours

    # The ladder after the decision: the court, then the police (worker 0 alone owed 12,000 ≥ 10,000).
    c = record(
        database, ins, cid, "apply_court_enforcement", D(2026, 4, 2), document_no="强执1", court="城区法院"
    )
    assert c.status == "handled"
    c = step(database, ins, cid, "refer_police", D(2026, 4, 3), document_no="移送1", arrears="17000.00",
             workers=2, largest_single_arrears="12000.00")  # fmt: skip
    # The case moves on but keeps the decision's closing date and outcome (counted once).
    assert (c.status, c.closed_on, c.outcome) == ("police", D(2026, 4, 1), "handling_decision")
    assert clocks(c)["insp.pay_order"][0] == "running"

    # Paid in full on 04-10 (the whole outstanding needs no split): the clock stops, late.
    c = record(database, ins, cid, "record_payment", D(2026, 4, 10), amount="17000.00")
    assert [x.amount_paid for x in c.claims] == [Decimal("12000.00"), Decimal("6000.00"), Decimal("5000.00")]
    assert clocks(c)["insp.pay_order"] == ("breached", D(2026, 3, 31))
    with database.read() as s:
        assert cid not in {r.case_id for r in board_mod.board(s, today=D(2026, 4, 13)).unpaid_orders.rows}
    with pytest.raises(WorkflowError):  # nothing owed any more: no enforcement
        record(
            database,
            ins,
            cid,
            "apply_court_enforcement",
            D(2026, 4, 13),
            document_no="强执2",
            court="城区法院",
        )


def test_a_paid_order_leaves_nothing_to_enforce(database, actors) -> None:
    ins = actors[Role.INSPECTOR]
    cid = ordered_case(database, ins)  # one worker, 8,000 by Tue 03-31
    c = record(database, ins, cid, "record_payment", D(2026, 3, 30), amount="8000.00")  # one line: no split
    assert clocks(c)["insp.pay_order"] == ("met", D(2026, 3, 31))
    c = step(database, ins, cid, "handling_decision", D(2026, 4, 1), document_no="处理1")
    with pytest.raises(WorkflowError):
        step(
            database, ins, cid, "refer_police", D(2026, 4, 2), document_no="移送1", arrears="8000", workers=1
        )


# --------------------------------------------------------------------------- 失信名单 (令第45号)


def threshold_case(database, ins, *, workers=1, amount="12000.00", months=4, n=1) -> int:
    """Ordered Tue 03-10 to pay by Tue 03-31 what was claimed, served 03-11."""
    base = helpers.case_input(
        CaseKind.INSPECTION, received_on=D(2026, 3, 2), n=n, workers=workers, amount=amount
    )
    data = dataclasses.replace(base, claims=[dataclasses.replace(c, months=months) for c in base.claims])
    with database.write() as s:
        cid = cases.register_case(s, ins, data, today=D(2026, 11, 26)).id
    step(database, ins, cid, "accept", D(2026, 3, 2))
    total = Decimal(amount) * workers
    step(database, ins, cid, "order_payment", D(2026, 3, 10), document_no="令1",
         pay_by=D(2026, 3, 31), amount_ordered=total)  # fmt: skip
    serve(database, ins, cid, "order", D(2026, 3, 11))
    return cid


@pytest.mark.parametrize(
    ("workers", "amount", "months", "due"),
    [
        # 汕尾 (二类): one worker, three months or more, 10,000 or more.
        # 20 wd after the expiry Tue 03-31: 04-01..03 (3), 04-06 off, 07-10 (7), 13-17 (12),
        # 20-24 (17), 27 (18), 28 (19), Wed 04-29 (20).
        (1, "12000.00", 4, D(2026, 4, 29)),
        (1, "10000.00", 3, D(2026, 4, 29)),  # exactly at the figures: "以上" includes them
        (1, "12000.00", 2, None),  # two months' wages: not the crime's "三个月以上"
        (1, "9999.99", 4, None),
        (1, "12000.00", None, None),  # months unknown: the inspector proposes by hand
        (10, "6000.00", None, D(2026, 4, 29)),  # ten workers, 60,000 in all
        (9, "7000.00", None, None),  # nine workers: not the collective figure (63,000 notwithstanding)
    ],
)
def test_the_duty_to_consider_listing_starts_by_itself(
    database, actors, workers, amount, months, due
) -> None:
    """令第45号 Art. 5: an order to pay expired unpaid plus the 拒不支付 amounts → listing is a duty;
    Art. 8: decided within 20 wd of the order's expiry. Nobody has to propose it."""
    from casemgr.actor import SYSTEM

    ins = actors[Role.INSPECTOR]
    cid = threshold_case(database, ins, workers=workers, amount=amount, months=months)
    with database.write() as s:  # the pay-by day itself: not yet expired
        assert wf.apply_blacklist_duties(s, SYSTEM, today=D(2026, 3, 31)) == []
    with database.write() as s:
        started = wf.apply_blacklist_duties(s, SYSTEM, today=D(2026, 4, 1))
    if due is None:
        assert started == [] and "insp.blacklist" not in load(database, cid)
        return
    assert started == [cid]
    with database.read() as s:
        d = next(x for x in s.get(Case, cid).deadlines if x.rule_code == "insp.blacklist")
        assert (d.state, d.started_on, d.due_on) == ("running", D(2026, 3, 31), due)
    with database.write() as s:  # once
        assert wf.apply_blacklist_duties(s, SYSTEM, today=D(2026, 4, 2)) == []


def test_a_paid_order_starts_no_listing(database, actors) -> None:
    from casemgr.actor import SYSTEM

    ins = actors[Role.INSPECTOR]
    cid = threshold_case(database, ins)
    record(database, ins, cid, "record_payment", D(2026, 3, 31), amount="12000.00")
    with database.write() as s:
        assert wf.apply_blacklist_duties(s, SYSTEM, today=D(2026, 4, 1)) == []


def test_blacklist_lifecycle_from_the_duty_to_early_removal(database, actors) -> None:
    """One employer through 令第45号: notice, objection, check, decision, term, credit repair, removal."""
    from casemgr.actor import SYSTEM
    from casemgr.models import Employer

    ins, boss = actors[Role.INSPECTOR], actors[Role.SUPERVISOR]
    cid = threshold_case(database, ins)
    c = step(database, ins, cid, "handling_decision", D(2026, 4, 1), document_no="处理1")
    with database.write() as s:
        assert wf.apply_blacklist_duties(s, SYSTEM, today=D(2026, 4, 1)) == [cid]
    assert load(database, cid)["insp.blacklist"] == ("running", D(2026, 4, 29))
    with pytest.raises(WorkflowError) as exc:  # Art. 6: not without telling the employer first
        record(database, boss, cid, "decide_blacklist", D(2026, 4, 2), listed=True, document_no="列入1")
    assert exc.value.field == "listed"

    # The notice served Thu 04-02: objection within 5 wd: 04-03 (1), 04-06 off, 07 (2), 08 (3),
    # 09 (4), Fri 04-10 (5).
    serve(database, ins, cid, "blacklist_notice", D(2026, 4, 2))
    assert load(database, cid)["insp.blacklist.objection"] == ("running", D(2026, 4, 10))
    with pytest.raises(WorkflowError):  # not before the objection period is over
        record(database, boss, cid, "decide_blacklist", D(2026, 4, 9), listed=True, document_no="列入1")
    # Objection Wed 04-08: checked within 5 wd: 04-09 (1), 10 (2), 13 (3), 14 (4), Wed 04-15 (5).
    record(database, ins, cid, "record_blacklist_objection", D(2026, 4, 8), note="已部分支付")
    k = load(database, cid)
    assert k["insp.blacklist.objection"] == ("met", D(2026, 4, 10))
    assert k["insp.blacklist.verify"] == ("running", D(2026, 4, 15))
    record(database, ins, cid, "record_blacklist_review", D(2026, 4, 14), upheld=False, document_no="复核1")
    assert load(database, cid)["insp.blacklist.verify"] == ("met", D(2026, 4, 15))

    # Listed Fri 04-24 (by 04-29: met). Term 3 years to 2029-04-24; removal within 10 wd of it.
    c = record(database, boss, cid, "decide_blacklist", D(2026, 4, 24), listed=True, document_no="列入1")
    k = clocks(c)
    assert k["insp.blacklist"] == ("met", D(2026, 4, 29))
    assert k["insp.blacklist.term"] == ("running", D(2029, 4, 24))
    removal = next(d for d in c.deadlines if d.rule_code == "insp.blacklist.removal")
    # 2029 is not in the calendar yet: provisional, weekends only. Tue 2029-04-24: 25 (1), 26 (2),
    # 27 (3), 30 (4), 05-01 (5), 02 (6), 03 (7), 04 (8), 07 (9), Tue 05-08 (10).
    assert (removal.state, removal.due_on, removal.provisional) == ("running", D(2029, 5, 8), True)
    with database.read() as s:
        emp = s.get(Employer, c.employer_id)
        assert (emp.blacklisted_on, emp.blacklisted_until) == (D(2026, 4, 24), D(2029, 4, 24))
    with pytest.raises(WorkflowError):  # before the term ends, only through early removal
        record(database, ins, cid, "remove_from_blacklist", D(2026, 5, 4), document_no="移出1")

    # Credit repair: paid in full Wed 05-06 (the correction); six months on the list since then
    # runs to 11-06 (Art. 12).
    record(database, ins, cid, "record_payment", D(2026, 5, 6), amount="12000.00")
    with pytest.raises(WorkflowError) as exc:
        record(database, ins, cid, "apply_early_removal", D(2026, 11, 5))
    assert "2026-11-06" in exc.value.zh
    # Applied Mon 11-09: decided within 15 wd: 11-10..13 (4), 16-20 (9), 23-27 (14), Mon 11-30 (15).
    c = record(database, ins, cid, "apply_early_removal", D(2026, 11, 9))
    assert clocks(c)["insp.blacklist.early"] == ("running", D(2026, 11, 30))
    # Granted Fri 11-20: removed within 10 wd: 23-27 (5), 30 (6), 12-01 (7), 02 (8), 03 (9), Fri 12-04 (10).
    c = record(
        database, boss, cid, "decide_early_removal", D(2026, 11, 20), granted=True, document_no="提前移出1"
    )
    k = clocks(c)
    assert k["insp.blacklist.early"] == ("met", D(2026, 11, 30))
    assert k["insp.blacklist.removal"] == ("running", D(2026, 12, 4))
    c = record(database, ins, cid, "remove_from_blacklist", D(2026, 12, 1), document_no="移出1")
    k = clocks(c)
    assert k["insp.blacklist.removal"] == ("met", D(2026, 12, 4))
    assert k["insp.blacklist.term"][0] == "cancelled"  # ended early
    with database.read() as s:
        assert s.get(Employer, c.employer_id).blacklisted_until == D(2026, 12, 1)
        # the listing and the removal are the employer's own audited changes (auditstate v2
        # covers its blacklist dates): nothing differs from the trail
        from sqlalchemy import select

        from casemgr import auditstate
        from casemgr.models import AuditEntry

        actions = s.execute(
            select(AuditEntry.action).where(
                AuditEntry.entity == "employer", AuditEntry.entity_id == str(c.employer_id)
            )
        ).scalars()
        assert {"employer.blacklisted", "employer.blacklist_removed"} <= set(actions)
        assert [p for p in auditstate.iter_state_problems(s) if p.entity in ("employer", "case")] == []


def test_a_late_objection_is_refused(database, actors) -> None:
    from casemgr.actor import SYSTEM

    ins = actors[Role.INSPECTOR]
    cid = threshold_case(database, ins)
    with database.write() as s:
        wf.apply_blacklist_duties(s, SYSTEM, today=D(2026, 4, 1))
    serve(database, ins, cid, "blacklist_notice", D(2026, 4, 2))  # objection by Fri 04-10
    with pytest.raises(WorkflowError) as exc:
        record(database, ins, cid, "record_blacklist_objection", D(2026, 4, 13))
    assert "2026-04-10" in exc.value.zh


# --------------------------------------------------------------------------- item 7: who approves


def test_the_bureau_head_approves_an_inspection_extension_never_the_requester(database, actors) -> None:
    """粤条例 Art. 44: +30 wd "经人力资源社会保障行政部门负责人批准"; the bureau names the head's
    accounts (``extension_approvers.inspection``); whoever asked does not approve."""
    from casemgr import settings
    from casemgr.errors import PermissionDenied
    from tests.conftest import make_user

    ins, boss = actors[Role.INSPECTOR], actors[Role.SUPERVISOR]
    head = make_user(database, Role.SUPERVISOR, username="局长")
    cid = register(database, ins, received_on=D(2026, 3, 2))
    c = step(database, ins, cid, "accept", D(2026, 3, 2))
    # 45 wd from Mon 03-02: 03-03..06 (4), 09-13 (9), 16-20 (14), 23-27 (19), 30-31 (21),
    # 04-01..03 (24), 04-06 off, 07-10 (28), 13-17 (33), 20-24 (38), 27-30 (42),
    # 05-01..05 off, 06 (43), 07 (44), Fri 05-08 (45).
    d = next(x for x in c.deadlines if x.rule_code == "insp.investigate.gd")
    assert d.due_on == D(2026, 5, 8)
    with database.write() as s:
        wf.request_extension(s, boss, cid, d.id, "需要委托审计", expected_version=None, on=D(2026, 4, 20))
    with database.write() as s, pytest.raises(PermissionDenied) as exc:
        wf.approve_extension(s, boss, cid, d.id, 30, "同意", None, on=D(2026, 4, 21))
    assert "本人" in exc.value.zh
    # The bureau names its head: another supervisor who is not the head may not approve either.
    with database.write() as s:
        settings.put(s, "extension_approvers.inspection", ["user:局长"])
    other = make_user(database, Role.SUPERVISOR, username="科长乙")
    with database.write() as s, pytest.raises(PermissionDenied) as exc:
        wf.approve_extension(s, other, cid, d.id, 30, "同意", None, on=D(2026, 4, 21))
    assert "局长" in exc.value.zh
    with database.write() as s:
        d2 = wf.approve_extension(s, head, cid, d.id, 30, "情况复杂，同意延长", None, on=D(2026, 4, 21))
        # +30 wd from 05-08: Sat 05-09 make-up (1), 11-15 (6), 18-22 (11), 25-29 (16),
        # 06-01..05 (21), 08-12 (26), 15 (27), 16 (28), 17 (29), Thu 06-18 (30).
        assert (d2.extended_days, d2.due_on) == (30, D(2026, 6, 18))


# --------------------------------------------------------------------------- the inspector's whole path


def test_a_wage_complaint_from_receipt_to_the_police_and_the_blacklist_every_clock_visible(
    database, actors
) -> None:
    """Issue 14 "done when": receipt → acceptance → order (served) → unpaid → decision → police →
    listing duty → notice → listing, and at each stop every running clock of the case is on the
    case file and, while it is running, on the board (bureau clocks by due date; an unpaid order
    in its own section)."""
    from casemgr import queries
    from casemgr.actor import SYSTEM
    from casemgr.deadlines import board as board_mod

    ins, boss = actors[Role.INSPECTOR], actors[Role.SUPERVISOR]

    def visible(today: dt.date) -> set[str]:
        """The case's running clocks, checked against the case file and the board of ``today``."""
        with database.read() as s:
            running = {d.rule_code for d in s.get(Case, cid).deadlines if d.state == "running"}
            shown = {d.rule_code for d in queries.case_detail(s, ins, cid).deadlines if d.state == "running"}
            assert running <= shown
            b = board_mod.board(s, today=today, within_working_days=400)
            on_board = {
                r.rule_code
                for sec in (b.overdue, b.due_today, b.due_soon, b.unpaid_orders)
                for r in sec.rows
                if r.case_id == cid
            }
            party = set(rules_mod.party_period_codes(s))
            # A party's period past its end is not the inspector's overdue; every other one shows.
            missing = {
                c
                for c in running - on_board
                if not (c in party and c != "insp.pay_order")
                # three years ahead: on the case file now, on the board when they come due
                and c not in ("insp.blacklist.term", "insp.blacklist.removal")
            }
            assert not missing, missing
            return running

    from casemgr.deadlines import rules as rules_mod

    cid = threshold_case(database, ins, amount="15000.00")  # received 03-02, ordered 03-10, served 03-11
    assert visible(D(2026, 3, 12)) == {"insp.pay_order"}
    c = step(database, ins, cid, "handling_decision", D(2026, 4, 1), document_no="处理1")
    assert c.closed_on == D(2026, 4, 1)
    with database.write() as s:
        assert wf.apply_blacklist_duties(s, SYSTEM, today=D(2026, 4, 1)) == [cid]
    assert visible(D(2026, 4, 1)) == {"insp.pay_order", "insp.serve_decision", "insp.blacklist"}
    serve(database, ins, cid, "decision", D(2026, 4, 2))
    step(
        database, ins, cid, "refer_police", D(2026, 4, 2), document_no="移送1", arrears="15000.00", workers=1
    )
    serve(database, ins, cid, "blacklist_notice", D(2026, 4, 2))
    # The decision served unpaid: the bureau's window to ask the court to enforce it (行政强制法
    # Art. 53; tests/test_court_enforcement.py) is on the case file and the board too.
    assert visible(D(2026, 4, 3)) == {
        "insp.pay_order",
        "insp.blacklist",
        "insp.blacklist.objection",
        "insp.court_enforce",
    }
    record(database, boss, cid, "decide_blacklist", D(2026, 4, 13), listed=True, document_no="列入1")
    assert visible(D(2026, 4, 14)) == {
        "insp.pay_order",
        "insp.blacklist.term",
        "insp.blacklist.removal",
        "insp.court_enforce",
    }
    with database.read() as s:
        c = s.get(Case, cid)
        assert (c.status, c.outcome, c.closed_on) == ("police", "handling_decision", D(2026, 4, 1))
        # When the term runs out the removal is on the board (provisional: 2029 not imported).
        # Term ends Fri 2029-04-13; 10 wd, weekends only: 16-20 (5), 23-27 (10) -> Fri 04-27.
        soon = board_mod.board(s, today=D(2029, 4, 25)).due_soon.rows
        assert [(r.rule_code, r.due_on) for r in soon if r.case_id == cid] == [
            ("insp.blacklist.removal", D(2029, 4, 27))
        ]
