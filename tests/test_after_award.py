"""After the award (issue 14, "missing"): the award's effective date and the parties' periods
that run from service of the award (调解仲裁法 Arts. 47-50). They bind the parties, not the
bureau: shown on the case file, never on the board as the bureau's overdue."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from casemgr import db, queries
from casemgr.actor import SYSTEM, Actor
from casemgr.deadlines import board
from casemgr.enums import CaseKind, Role
from casemgr.models import Case, Event
from casemgr.services import cases
from casemgr.services import workflow as wf
from tests import helpers

D = dt.date


def _awarded(database: db.Database, clerk: Actor, items: list[dict], **award: object) -> int:
    """Accepted Thu 2026-09-24, copy served 09-29, hearing Tue 10-20, award Tue 10-27."""
    with database.write() as s:
        c = cases.register_case(
            s,
            clerk,
            helpers.case_input(CaseKind.ARBITRATION, received_on=D(2026, 9, 21), migrant=False),
            today=D(2026, 9, 21),
        )
        cid = c.id

        def step(code: str, on: dt.date, **f: object) -> None:
            wf.apply_transition(s, clerk, cid, code, f, expected_version=None, on=on)

        step("accept", D(2026, 9, 24))
        wf.record_service(
            s,
            clerk,
            cid,
            document="application_copy",
            method="direct",
            served_on=D(2026, 9, 29),
            expected_version=None,
        )
        step("form_tribunal", D(2026, 9, 25), arbitrators=["甲", "乙", "丙"])
        step("schedule_hearing", D(2026, 10, 9), hearing_date=D(2026, 10, 20))
        step("award", D(2026, 10, 27), document_no="汕劳人仲案字〔2026〕9号", items=items, **award)
    return cid


def _periods(database: db.Database, cid: int) -> dict[str, tuple[dt.date, dt.date, bool]]:
    with database.read() as s:
        detail = queries.case_detail(s, SYSTEM, cid)
    return {
        d.rule_code: (d.started_on, d.due_on, d.party_period)
        for d in detail.deadlines
        if ".after_award." in d.rule_code
    }


def _enforcement(database: db.Database, cid: int) -> dict[str, tuple[dt.date, dt.date, bool, bool]]:
    with database.read() as s:
        detail = queries.case_detail(s, SYSTEM, cid)
    return {
        d.rule_code: (d.started_on, d.due_on, d.party_period, d.provisional)
        for d in detail.deadlines
        if d.rule_code.startswith("arb.enforce.")
    }


MIXED = [
    {"claim_type": "wages", "amount": Decimal("8000.00")},  # ≤ 21,000.00: final
    {"claim_type": "severance", "amount": Decimal("30000.00")},  # over: not final
]


def test_a_mixed_award_served_in_person(database, actors) -> None:
    clerk = actors[Role.CLERK]
    cid = _awarded(database, clerk, MIXED)
    with database.write() as s:
        wf.apply_transition(
            s, clerk, cid, "serve_award", {"method": "direct"}, expected_version=None, on=D(2026, 10, 29)
        )
    # Both parties received it Thu 10-29. 15 days: 10-29 + 15 = Fri 11-13 (non-final part: each
    # party may sue; the worker's suit against the final part). 30 days: 10-29 + 30 = Sat 11-28
    # -> Mon 11-30.
    assert _periods(database, cid) == {
        "arb.after_award.sue": (D(2026, 10, 29), D(2026, 11, 13), True),
        "arb.after_award.employer_sue": (D(2026, 10, 29), D(2026, 11, 13), True),
        "arb.after_award.worker_sue": (D(2026, 10, 29), D(2026, 11, 13), True),
        "arb.after_award.employer_set_aside": (D(2026, 10, 29), D(2026, 11, 30), True),
    }
    # Two years to apply to the court (民诉法 Art. 250), from the effective dates (the award sets
    # no performance period): final part Tue 2026-10-27 -> Fri 2028-10-27; the rest Sat
    # 2026-11-14 -> Tue 2028-11-14 (both weekdays; 2028 not imported: provisional).
    assert _enforcement(database, cid) == {
        "arb.enforce.final": (D(2026, 10, 27), D(2028, 10, 27), True, True),
        "arb.enforce.nonfinal": (D(2026, 11, 14), D(2028, 11, 14), True, True),
    }
    with database.read() as s:
        ev = s.execute(select(Event).where(Event.case_id == cid, Event.action == "serve_award")).scalar_one()
        data = cases.event_data(ev)
        # The final part is effective on the day it is made (Art. 47); the rest once the 15
        # days pass without a suit (Art. 50): from Sat 11-14.
        assert data["final_effective_on"] == "2026-10-27"
        assert data["nonfinal_effective_from"] == "2026-11-14"
        detail = queries.case_detail(s, clerk, cid)
        assert (detail.award_final_effective_on, detail.award_nonfinal_effective_from) == (
            D(2026, 10, 27),
            D(2026, 11, 14),
        )
    # The board never counts a party's period as the bureau's overdue, even long after.
    with database.read() as s:
        b = board.board(s, today=D(2026, 12, 10))
        codes = {r.rule_code for sec in (b.overdue, b.due_today, b.due_soon) for r in sec.rows}
        assert not any(".after_award." in c for c in codes)


def test_a_final_award_left_at_the_address(database, actors) -> None:
    clerk = actors[Role.CLERK]
    cid = _awarded(database, clerk, [{"claim_type": "wages", "amount": Decimal("21000.00")}])
    with database.write() as s:
        wf.apply_transition(
            s, clerk, cid, "serve_award", {"method": "left"}, expected_version=None, on=D(2026, 10, 29)
        )
    # Left Thu 10-29: deemed served 3 wd later: 10-30 (1), 11-02 (2), 11-03 (3) -> Tue 11-03.
    # 11-03 + 15 = Wed 11-18; 11-03 + 30 = Thu 12-03. No non-final part, so no general suit period.
    assert _periods(database, cid) == {
        "arb.after_award.worker_sue": (D(2026, 11, 3), D(2026, 11, 18), True),
        "arb.after_award.employer_set_aside": (D(2026, 11, 3), D(2026, 12, 3), True),
    }
    with database.read() as s:
        detail = queries.case_detail(s, clerk, cid)
        assert (detail.award_final_effective_on, detail.award_nonfinal_effective_from) == (
            D(2026, 10, 27),
            None,
        )


def test_a_non_final_award_and_a_second_proof_of_service_change_nothing(database, actors) -> None:
    clerk = actors[Role.CLERK]
    cid = _awarded(database, clerk, [{"claim_type": "injury", "amount": Decimal("5000.00")}])
    with database.write() as s:
        wf.apply_transition(
            s, clerk, cid, "serve_award", {"method": "post"}, expected_version=None, on=D(2026, 11, 2)
        )
        # The 送达回证 of the same award, recorded afterwards: the periods stay as they were.
        wf.record_service(
            s, clerk, cid, document="award", method="post", served_on=D(2026, 11, 2), expected_version=None
        )
    # Received Mon 11-02 by both: + 15 = Tue 11-17; effective from Wed 11-18 if nobody sues.
    assert _periods(database, cid) == {
        "arb.after_award.sue": (D(2026, 11, 2), D(2026, 11, 17), True),
        "arb.after_award.employer_sue": (D(2026, 11, 2), D(2026, 11, 17), True),
    }
    # 2 years from Wed 2026-11-18: Sat 2028-11-18 -> Mon 2028-11-20 (weekend rolled).
    assert _enforcement(database, cid) == {
        "arb.enforce.nonfinal": (D(2026, 11, 18), D(2028, 11, 20), True, True)
    }
    with database.read() as s:
        detail = queries.case_detail(s, clerk, cid)
        assert (detail.award_final_effective_on, detail.award_nonfinal_effective_from) == (
            None,
            D(2026, 11, 18),
        )
        assert len([d for d in s.get(Case, cid).deadlines if ".after_award." in d.rule_code]) == 2


def test_a_mediation_statement_has_no_such_periods(database, actors) -> None:
    clerk = actors[Role.CLERK]
    with database.write() as s:
        c = cases.register_case(
            s,
            clerk,
            helpers.case_input(CaseKind.ARBITRATION, received_on=D(2026, 9, 21), migrant=False),
            today=D(2026, 9, 21),
        )
        cid = c.id
        wf.apply_transition(s, clerk, cid, "accept", {}, expected_version=None, on=D(2026, 9, 24))
        wf.apply_transition(
            s,
            clerk,
            cid,
            "settle",
            {"document_no": "调1", "signed_by_both": True},
            expected_version=None,
            on=D(2026, 10, 9),
        )
        wf.apply_transition(
            s, clerk, cid, "serve_award", {"method": "direct"}, expected_version=None, on=D(2026, 10, 9)
        )
    assert _periods(database, cid) == {}


def test_each_party_counts_from_its_own_receipt(database, actors) -> None:
    """Arts. 48-50 count from *each* party's receipt: a 送达回证 names the party served; the
    non-final part takes effect only when both parties' 15 days have passed, and only then
    does the two-year enforcement period start."""
    clerk = actors[Role.CLERK]
    cid = _awarded(database, clerk, MIXED)
    with database.write() as s:
        wf.record_service(s, clerk, cid, document="award", method="direct", served_on=D(2026, 11, 2),
                          expected_version=None, party="worker")  # fmt: skip
    # The worker received it Mon 11-02: 15 days -> Tue 11-17 (to sue on either part, Arts. 48, 50).
    assert _periods(database, cid) == {
        "arb.after_award.sue": (D(2026, 11, 2), D(2026, 11, 17), True),
        "arb.after_award.worker_sue": (D(2026, 11, 2), D(2026, 11, 17), True),
    }
    with database.read() as s:
        detail = queries.case_detail(s, clerk, cid)
        # final part: effective on the award day Tue 10-27 (Art. 47); the rest: not known yet
        assert (detail.award_final_effective_on, detail.award_nonfinal_effective_from) == (
            D(2026, 10, 27),
            None,
        )
    # Final part: 2028-10-27 (a Friday); no clock for the non-final part before the employer's receipt.
    assert _enforcement(database, cid) == {
        "arb.enforce.final": (D(2026, 10, 27), D(2028, 10, 27), True, True)
    }
    with database.write() as s:
        wf.record_service(s, clerk, cid, document="award", method="left", served_on=D(2026, 11, 3),
                          expected_version=None, party="employer")  # fmt: skip
        # a second proof for the worker changes nothing (the first receipt counts)
        wf.record_service(s, clerk, cid, document="award", method="direct", served_on=D(2026, 11, 5),
                          expected_version=None, party="worker")  # fmt: skip
    # Left at the employer's address Tue 11-03: deemed served 3 wd later: 11-04 (1), 05 (2), Fri 11-06 (3).
    # 15 days: 11-06 + 15 = Sat 11-21 -> Mon 11-23 (sue); 30 days: Sun 12-06 -> Mon 12-07 (set aside).
    assert _periods(database, cid) == {
        "arb.after_award.sue": (D(2026, 11, 2), D(2026, 11, 17), True),
        "arb.after_award.worker_sue": (D(2026, 11, 2), D(2026, 11, 17), True),
        "arb.after_award.employer_sue": (D(2026, 11, 6), D(2026, 11, 23), True),
        "arb.after_award.employer_set_aside": (D(2026, 11, 6), D(2026, 12, 7), True),
    }
    # Non-final part effective from Tue 11-24 (the day after the later period); two years: Fri 2028-11-24.
    assert _enforcement(database, cid) == {
        "arb.enforce.final": (D(2026, 10, 27), D(2028, 10, 27), True, True),
        "arb.enforce.nonfinal": (D(2026, 11, 24), D(2028, 11, 24), True, True),
    }
    with database.read() as s:
        detail = queries.case_detail(s, clerk, cid)
        assert detail.award_nonfinal_effective_from == D(2026, 11, 24)
        # the citation the case file shows names the statute, article and year
        enforce = next(d for d in detail.deadlines if d.rule_code == "arb.enforce.nonfinal")
        assert "民事诉讼法（2023年修正）第250条" in (enforce.citation or "")


def test_only_an_awards_service_names_a_party(database, actors) -> None:
    from casemgr.errors import ValidationError

    clerk = actors[Role.CLERK]
    cid = _awarded(database, clerk, MIXED)
    with database.write() as s, pytest.raises(ValidationError) as exc:
        wf.record_service(s, clerk, cid, document="hearing_notice", method="direct", served_on=D(2026, 11, 2),
                          expected_version=None, party="worker")  # fmt: skip
    assert exc.value.field == "party"
    with database.write() as s, pytest.raises(ValidationError):
        wf.record_service(s, clerk, cid, document="award", method="direct", served_on=D(2026, 11, 2),
                          expected_version=None, party="court")  # fmt: skip
    assert _periods(database, cid) == {}


def test_the_two_years_run_from_the_last_day_to_perform(database, actors) -> None:
    """民诉法 Art. 250 ¶2: an award that says "自本裁决生效之日起十日内支付" gives two years from
    the tenth day. Final part effective Tue 10-27: last day to pay 10-27 + 10 = Fri 11-06; two
    years: Mon 2028-11-06. Non-final part, both served Thu 10-29: 15 days to Fri 11-13,
    effective Sat 11-14; + 10 = Tue 11-24; two years: Fri 2028-11-24."""
    clerk = actors[Role.CLERK]
    cid = _awarded(database, clerk, MIXED, perform_days=10)
    with database.write() as s:
        wf.apply_transition(
            s, clerk, cid, "serve_award", {"method": "direct"}, expected_version=None, on=D(2026, 10, 29)
        )
    assert _enforcement(database, cid) == {
        "arb.enforce.final": (D(2026, 10, 27), D(2028, 11, 6), True, True),
        "arb.enforce.nonfinal": (D(2026, 11, 14), D(2028, 11, 24), True, True),
    }
