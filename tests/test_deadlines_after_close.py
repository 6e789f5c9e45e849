"""Clocks that outlive the case, the supervised-listing clock, and provisional verdicts.

Expected dates are worked out by hand from 国办发明电〔2024〕12号 (legal-rules §7.1):
National Day 2025 is 10-01..10-08 off, with Sun 09-28 and Sat 10-11 as make-up working
days; 2026 dates follow 国办发明电〔2025〕7号 (Qingming 04-04..06, Labour Day 05-01..05,
make-up Sat 05-09).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from casemgr.deadlines import board as board_mod
from casemgr.deadlines import rules as rules_mod
from casemgr.enums import CaseKind, Role
from casemgr.errors import WorkflowError
from casemgr.models import AuditEntry, Case, Deadline
from casemgr.services import cases, deadline_admin
from casemgr.services import workflow as wf
from tests import helpers

D = dt.date


def register(database, actor, kind=CaseKind.INSPECTION, **kw) -> int:
    with database.write() as s:
        return cases.register_case(s, actor, helpers.case_input(kind, **kw), today=D(2026, 11, 26)).id


def step(database, actor, case_id, code, on, **fields) -> None:
    with database.write() as s:
        wf.apply_transition(s, actor, case_id, code, fields, expected_version=None, on=on)


def clock(database, case_id, code) -> Deadline:
    with database.read() as s:
        d = (
            s.execute(
                select(Deadline)
                .where(Deadline.case_id == case_id, Deadline.rule_code == code)
                .order_by(Deadline.id.desc())
            )
            .scalars()
            .first()
        )
        assert d is not None, code
        s.expunge(d)
        return d


def serve(database, actor, case_id, on, method="direct") -> None:
    with database.write() as s:
        wf.record_service(
            s, actor, case_id, document="decision", method=method, served_on=on, expected_version=None
        )


def board_ids(database, today, section, **kw) -> set[int]:
    with database.read() as s:
        b = board_mod.board(s, today=today, **kw)
        return {r.deadline_id for r in getattr(b, section).rows}


# --------------------------------------------------------------------------- 粤条例 Art. 47


def test_a_decision_is_served_within_7_working_days_after_the_case_closed(database, actors) -> None:
    ins = actors[Role.INSPECTOR]
    cid = register(database, ins, received_on=D(2025, 9, 1))
    step(database, ins, cid, "accept", D(2025, 9, 1))
    # Decision Fri 09-26. 7 wd: 09-28 (Sun, make-up) 1, 09-29 2, 09-30 3, 10-01..08 off,
    # 10-09 4, 10-10 5, 10-11 (Sat, make-up) 6, 10-13 7.
    step(database, ins, cid, "handling_decision", D(2025, 9, 26), document_no="处理决定1")
    with database.read() as s:
        c = s.get(Case, cid)
        assert (c.status, c.closed_on) == ("handled", D(2025, 9, 26))
    d = clock(database, cid, "insp.serve_decision")
    assert (d.state, d.started_on, d.due_on) == ("running", D(2025, 9, 26), D(2025, 10, 13))
    assert clock(database, cid, "insp.investigate.gd").state == "met"  # closing still stops the rest

    # The closed case's clock is on the board: due soon on 10-10 (3 wd: 10-11, 10-13, 10-14),
    # overdue on 10-14, for the district and city-wide.
    assert d.id in board_ids(database, D(2025, 10, 10), "due_soon", district="城区")
    assert d.id in board_ids(database, D(2025, 10, 10), "due_soon")
    assert d.id not in board_ids(database, D(2025, 10, 10), "due_soon", district="海丰县")
    assert d.id in board_ids(database, D(2025, 10, 13), "due_today", district="城区")
    assert d.id in board_ids(database, D(2025, 10, 14), "overdue", district="城区")

    serve(database, ins, cid, D(2025, 10, 13))
    d = clock(database, cid, "insp.serve_decision")
    assert (d.state, d.finished_on) == ("met", D(2025, 10, 13))
    assert d.id not in board_ids(database, D(2025, 10, 14), "overdue")


def test_a_decision_served_late_breaches_its_clock(database, actors) -> None:
    ins = actors[Role.INSPECTOR]
    cid = register(database, ins, received_on=D(2025, 9, 1))
    step(database, ins, cid, "accept", D(2025, 9, 1))
    step(database, ins, cid, "cancel_filing", D(2025, 9, 26), ground="facts_not_established")
    serve(database, ins, cid, D(2025, 10, 14), method="post")
    d = clock(database, cid, "insp.serve_decision")
    assert (d.state, d.due_on, d.finished_on) == ("breached", D(2025, 10, 13), D(2025, 10, 14))


def test_closing_without_a_written_decision_starts_no_service_clock(database, actors) -> None:
    ins = actors[Role.INSPECTOR]
    cid = register(database, ins, received_on=D(2026, 3, 2))
    step(database, ins, cid, "accept", D(2026, 3, 2))
    step(database, ins, cid, "refer_to_dispute", D(2026, 3, 20), reason="事实无法查清")
    with database.read() as s:
        codes = {d.rule_code for d in s.get(Case, cid).deadlines}
    assert "insp.serve_decision" not in codes


def test_the_blacklist_decision_of_a_closed_case_stays_on_the_board(database, actors) -> None:
    """令第45号 Art. 8: proposed after the penalty closed the case, still due in 20 wd."""
    ins = actors[Role.INSPECTOR]
    cid = register(database, ins, received_on=D(2026, 3, 2))
    step(database, ins, cid, "accept", D(2026, 3, 2))
    step(
        database,
        ins,
        cid,
        "order_payment",
        D(2026, 3, 20),
        document_no="限期支付1",
        pay_by=D(2026, 3, 31),
        amount_ordered=Decimal("50000.00"),
    )
    step(database, ins, cid, "penalty_decision", D(2026, 4, 7), document_no="处罚1", compensation_rate="0.5")
    with database.write() as s:
        d = wf.propose_blacklist(
            s,
            ins,
            cid,
            document_no="提请1",
            ground="crime_threshold",
            on=D(2026, 4, 8),
            expected_version=None,
        )
        # 20 wd after Tue 03-31: 04-01..03 (3), 04-07..10 (7, 04-06 清明 off), 04-13..17 (12),
        # 04-20..24 (17), 04-27..29 (20).
        assert d.due_on == D(2026, 4, 29)
        did = d.id
    assert did in board_ids(database, D(2026, 4, 27), "due_soon", district="城区")
    assert did in board_ids(database, D(2026, 4, 30), "overdue", district="城区")
    serve(database, ins, cid, D(2026, 4, 10))  # serving the penalty decision leaves it running
    assert clock(database, cid, "insp.blacklist").state == "running"


# --------------------------------------------------------------------------- 挂牌督办 (§5.4)


def test_a_supervised_case_has_15_days_and_30_by_approval(database, actors) -> None:
    clerk, boss = actors[Role.CLERK], actors[Role.SUPERVISOR]
    # ≥ 100 workers: supervised at registration, from receipt on Fri 2025-09-26.
    # 15 calendar days: Sat 10-11, itself a make-up working day -> 10-11.
    cid = register(database, clerk, CaseKind.ARBITRATION, received_on=D(2025, 9, 26), workers=100)
    d = clock(database, cid, "arb.supervision")
    assert (d.state, d.due_on) == ("running", D(2025, 10, 11))
    with database.write() as s:
        wf.request_extension(
            s, clerk, cid, d.id, "涉及人数众多，情况复杂", expected_version=None, on=D(2025, 10, 9)
        )
    with database.write() as s:
        wf.approve_extension(s, boss, cid, d.id, 15, "同意延长", None, on=D(2025, 10, 9))
    # 30 days: Sun 10-26 -> Mon 10-27.
    assert clock(database, cid, "arb.supervision").due_on == D(2025, 10, 27)
    with database.write() as s, pytest.raises(WorkflowError):
        wf.request_extension(s, clerk, cid, d.id, "再次延长", expected_version=None, on=D(2025, 10, 20))
    step(database, clerk, cid, "accept", D(2025, 9, 29))
    step(database, clerk, cid, "withdraw", D(2025, 10, 20), reason="已全部支付")
    assert clock(database, cid, "arb.supervision").state == "met"


def test_listing_later_starts_the_clock_that_day_and_unlisting_cancels_it(database, actors) -> None:
    ins = actors[Role.INSPECTOR]
    cid = register(database, ins, received_on=D(2026, 3, 2), n=7)
    with database.read() as s:
        assert not s.get(Case, cid).supervised
        assert not [d for d in s.get(Case, cid).deadlines if d.rule_code == "insp.supervision"]
    with database.write() as s:
        cases.update_amounts(s, ins, cid, expected_version=None, workers=120)
        wf.refresh_flags(s, ins, cid, expected_version=None, on=D(2026, 3, 5))
    # From the listing day, not from receipt: Thu 03-05 + 15 = Fri 03-20.
    d = clock(database, cid, "insp.supervision")
    assert (d.state, d.started_on, d.due_on) == ("running", D(2026, 3, 5), D(2026, 3, 20))
    with database.read() as s:
        sup = board_mod.board(s, today=D(2026, 3, 6), district="城区").supervised
        assert cid in {r.case_id for r in sup.rows}
    with database.write() as s:
        cases.update_amounts(s, ins, cid, expected_version=None, workers=1)
        wf.refresh_flags(s, ins, cid, expected_version=None, on=D(2026, 3, 9))
    assert clock(database, cid, "insp.supervision").state == "cancelled"


def test_rules_seeded_before_a_structural_change_follow_the_shipped_file(database, actors) -> None:
    """A bureau that seeded its rules before ``after_close`` existed keeps its edits and gets the key."""
    admin = actors[Role.ADMIN]
    with database.write() as s:
        deadline_admin.update_rule(s, admin, "insp.blacklist", length=25)
    with database.read() as s:
        r = rules_mod.rule(s, "insp.blacklist")
        assert (r.length, r.after_close) == (25, True)
        assert rules_mod.after_close_codes(s) == [
            "insp.blacklist",
            "insp.blacklist.early",
            "insp.blacklist.objection",
            "insp.blacklist.removal",
            "insp.blacklist.term",
            "insp.blacklist.verify",
            "insp.court_enforce",
            "insp.pay_order",
            "insp.serve_decision",
            "insp.serve_order",
            "insp.transfer_notice",
            "med.review",  # the review of an agreement runs on the closed mediation case
        ]


# --------------------------------------------------------------------------- provisional verdicts


def test_a_finished_provisional_clock_is_judged_again_on_the_real_calendar(database, actors) -> None:
    clerk, admin = actors[Role.CLERK], actors[Role.ADMIN]
    today = D(2026, 11, 26)
    cid = register(database, clerk, CaseKind.ARBITRATION, received_on=today)
    step(database, clerk, cid, "accept", today)
    # 45 days from Thu 11-26 = Sun 2027-01-10; weekends-only guess -> Mon 01-11 (provisional).
    d = clock(database, cid, "arb.award")
    assert (d.due_on, d.provisional) == (D(2027, 1, 11), True)
    step(database, clerk, cid, "withdraw", D(2027, 1, 12), reason="和解")
    assert clock(database, cid, "arb.award").state == "breached"
    # The real notice makes Mon 01-11 a day off: due Tue 01-12, so the withdrawal was in time.
    with database.write() as s:
        deadline_admin.import_year(s, admin, 2027, holidays=[D(2027, 1, 1), D(2027, 1, 11)], workdays=[])
    d = clock(database, cid, "arb.award")
    assert (d.due_on, d.provisional, d.state) == (D(2027, 1, 12), False, "met")
    with database.read() as s:
        entry = s.execute(
            select(AuditEntry).where(
                AuditEntry.action == "deadline.recompute_provisional", AuditEntry.entity_id == str(d.id)
            )
        ).scalar_one()
        assert "breached" in entry.before and "met" in entry.after
