"""After the award (issue 21): a party sued or applied to set the award aside (调解仲裁法
Arts. 48-50), each counted from that party's own receipt; worked out by hand below."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from casemgr import db, queries
from casemgr.actor import SYSTEM, Actor
from casemgr.enums import Role
from casemgr.errors import ValidationError
from casemgr.models import AuditEntry, Event
from casemgr.services import workflow as wf
from casemgr.services.workflow import court
from casemgr.workflow import records
from tests.test_after_award import MIXED, _awarded

D = dt.date


def _served_separately(database: db.Database, clerk: Actor) -> int:
    """Mixed award of Tue 10-27. Worker served in person Mon 11-02: 15 days -> Tue 11-17 (both
    parts). Employer: left at its address Tue 11-03, deemed served 3 working days later, Fri
    11-06; 15 days -> Sat 11-21 -> Mon 11-23 (sue, non-final); 30 days -> Sun 12-06 -> Mon 12-07
    (set aside, final). (The same history as test_after_award.)"""
    cid = _awarded(database, clerk, MIXED)
    with database.write() as s:
        wf.record_service(s, clerk, cid, document="award", method="direct", served_on=D(2026, 11, 2),
                          expected_version=None, party="worker")  # fmt: skip
        wf.record_service(s, clerk, cid, document="award", method="left", served_on=D(2026, 11, 3),
                          expected_version=None, party="employer")  # fmt: skip
    return cid


def _file(database: db.Database, clerk: Actor, cid: int, on: dt.date, **f: object) -> None:
    with database.write() as s:
        wf.apply_record(s, clerk, cid, "record_court_filing", {"court": "汕尾市城区人民法院", **f},
                        expected_version=None, on=on)  # fmt: skip


def _enforcement(database: db.Database, cid: int) -> set[str]:
    """The enforcement clocks not cancelled."""
    with database.read() as s:
        detail = queries.case_detail(s, SYSTEM, cid)
    return {
        d.rule_code
        for d in detail.deadlines
        if d.rule_code.startswith("arb.enforce.") and d.state != "cancelled"
    }


def _refused(database: db.Database, clerk: Actor, cid: int, on: dt.date, **f: object) -> ValidationError:
    with pytest.raises(ValidationError) as exc:
        _file(database, clerk, cid, on, **f)
    return exc.value


def test_a_suit_on_the_last_day_is_in_time_and_stops_the_non_final_part(database, actors) -> None:
    clerk = actors[Role.CLERK]
    cid = _served_separately(database, clerk)
    # before: the non-final part takes effect the day after the later period, Tue 11-24
    assert "arb.enforce.nonfinal" in _enforcement(database, cid)
    with database.read() as s:
        offered = {t.code for t in records.available_records(queries.case_detail(s, clerk, cid).row, clerk)}
    assert {"record_court_filing", "record_court_outcome"} <= offered
    # The worker sues on Tue 11-17, the last day of the 15 (11-02 + 15): in time.
    _file(database, clerk, cid, D(2026, 11, 17), party="worker", action="suit", part="nonfinal")
    with database.read() as s:
        [f] = court.filings(s, cid)
        assert (f.filed_on, f.last_day, f.late, f.part) == (
            D(2026, 11, 17),
            D(2026, 11, 17),
            False,
            "nonfinal",
        )
        detail = queries.case_detail(s, clerk, cid)
        # the non-final part will not take effect: no effective date, no enforcement clock
        assert detail.award_nonfinal_effective_from is None
        sue = next(d for d in detail.deadlines if d.rule_code == "arb.after_award.sue")
        assert sue.state == "met"
        ev = s.execute(
            select(Event).where(Event.case_id == cid, Event.action == "record_court_filing")
        ).scalar_one()
        data = json.loads(ev.data)
        assert (data["timeliness"], data["last_day"], data["received_on"]) == (
            "in_time",
            "2026-11-17",
            "2026-11-02",
        )
        audit = (
            s.execute(select(AuditEntry.action).where(AuditEntry.action == "case.court_filing"))
            .scalars()
            .all()
        )
        assert audit == ["case.court_filing"]
    assert "arb.enforce.nonfinal" not in _enforcement(database, cid)
    assert "arb.enforce.final" in _enforcement(database, cid)  # the final part stands (Art. 47)


def test_a_day_late_is_recorded_and_flagged(database, actors) -> None:
    clerk = actors[Role.CLERK]
    cid = _served_separately(database, clerk)
    # Worker against the final part on Wed 11-18: one day after 11-17. Recorded, flagged late
    # (admissibility is for the court).
    _file(database, clerk, cid, D(2026, 11, 18), party="worker", action="suit", part="final")
    with database.read() as s:
        [f] = court.filings(s, cid)
        assert (f.late, f.last_day) == (True, D(2026, 11, 17))


def test_a_late_suit_leaves_the_non_final_part_to_take_effect(database, actors) -> None:
    clerk = actors[Role.CLERK]
    cid = _served_separately(database, clerk)
    # The worker's 15 days against the non-final part end Tue 11-17; a suit on Wed 11-18 is
    # recorded as late, and the enforcement clock of that part stays (the award stands unless
    # the court excuses the delay).
    _file(database, clerk, cid, D(2026, 11, 18), party="worker", action="suit", part="nonfinal")
    with database.read() as s:
        [f] = court.filings(s, cid)
        assert (f.late, f.last_day) == (True, D(2026, 11, 17))
    assert "arb.enforce.nonfinal" in _enforcement(database, cid)


def test_each_party_counts_from_its_own_receipt(database, actors) -> None:
    clerk = actors[Role.CLERK]
    cid = _served_separately(database, clerk)
    # The employer's receipt is Fri 11-06 (deemed): an application dated Thu 11-05 is refused ...
    err = _refused(
        database, clerk, cid, D(2026, 11, 5), party="employer", action="set_aside_application", part="final"
    )
    assert "早于该当事人收到裁决书之日 2026-11-06" in err.zh
    # ... Mon 11-23 is in time for the set-aside (to 12-07) and the last day of its suit (to 11-23).
    _file(
        database, clerk, cid, D(2026, 11, 23), party="employer", action="set_aside_application", part="final"
    )
    _file(database, clerk, cid, D(2026, 11, 23), party="employer", action="suit", part="nonfinal")
    with database.read() as s:
        fs = {(f.action, f.part): (f.last_day, f.late) for f in court.filings(s, cid)}
    assert fs == {
        ("set_aside_application", "final"): (D(2026, 12, 7), False),
        ("suit", "nonfinal"): (D(2026, 11, 23), False),
    }


def test_what_the_law_does_not_give_is_refused(database, actors) -> None:
    clerk = actors[Role.CLERK]
    cid = _served_separately(database, clerk)
    on = D(2026, 11, 10)
    assert "只有用人单位" in _refused(database, clerk, cid, on, party="worker", action="set_aside_application",
                                     part="final").zh  # fmt: skip
    assert "只适用于终局" in _refused(database, clerk, cid, on, party="employer", action="set_aside_application",
                                    part="nonfinal").zh  # fmt: skip
    assert "不能对终局裁决起诉" in _refused(database, clerk, cid, on, party="employer", action="suit",
                                        part="final").zh  # fmt: skip
    assert (
        "晚于今天"
        in _refused(database, clerk, cid, D(2026, 11, 24), party="worker", action="suit", part="final").zh
    )  # fmt: skip (TODAY is 11-23)
    _file(database, clerk, cid, on, party="worker", action="suit", part="final")
    assert "已经登记" in _refused(database, clerk, cid, on, party="worker", action="suit", part="final").zh
    with database.read() as s:
        assert len(court.filings(s, cid)) == 1  # nothing else was written


def test_a_party_not_yet_served_cannot_be_recorded(database, actors) -> None:
    clerk = actors[Role.CLERK]
    cid = _awarded(database, clerk, MIXED)
    with database.write() as s:
        wf.record_service(s, clerk, cid, document="award", method="direct", served_on=D(2026, 11, 2),
                          expected_version=None, party="worker")  # fmt: skip
    err = _refused(database, clerk, cid, D(2026, 11, 10), party="employer", action="suit", part="nonfinal")
    assert "尚未登记用人单位收到裁决书" in err.zh


def test_the_courts_outcome(database, actors) -> None:
    clerk = actors[Role.CLERK]
    cid = _served_separately(database, clerk)
    _file(
        database, clerk, cid, D(2026, 11, 20), party="employer", action="set_aside_application", part="final"
    )

    def outcome(**f: object) -> None:
        with database.write() as s:
            wf.apply_record(
                s, clerk, cid, "record_court_outcome", f, expected_version=None, on=D(2026, 11, 23)
            )

    with pytest.raises(ValidationError) as exc:
        outcome(party="employer", action="set_aside_application", court_outcome="judgment")
    assert "不作判决" in exc.value.zh
    with pytest.raises(ValidationError) as exc:
        outcome(party="worker", action="suit", court_outcome="suit_withdrawn")
    assert "请先登记" in exc.value.zh
    outcome(
        party="employer",
        action="set_aside_application",
        court_outcome="award_set_aside",
        document_no="(2026)粤15民特1号",
    )
    with database.read() as s:
        [f] = court.filings(s, cid)
        assert (f.outcome, f.outcome_on, f.award_stands) == ("award_set_aside", D(2026, 11, 23), False)
    # nothing left to enforce of the final part
    assert "arb.enforce.final" not in _enforcement(database, cid)


def test_a_mediation_statement_cannot_be_sued_against(database, actors) -> None:
    from casemgr.workflow import court_actions as ca

    with pytest.raises(ValidationError) as exc:
        ca.check_filing(outcome="arb_mediation", any_final=False, any_nonfinal=False, party="worker", action="suit",
                        part="nonfinal", filed_on=D(2026, 11, 2), today=D(2026, 11, 23), received_on=None,
                        last_day=None, already=False)  # fmt: skip
    assert "仲裁调解书" in exc.value.zh

    # and the case file does not offer the record on a settled case
    class Row:
        kind, status, outcome = "arbitration", "served", "arb_mediation"

    assert "record_court_filing" not in {t.code for t in records.available_records(Row(), actors[Role.CLERK])}


def test_a_suit_keeps_the_award_from_publication(database, actors) -> None:
    """Publication copy (阳光仲裁): without a suit, the mixed award served on both Mon 11-02
    (worker) / Fri 11-06 (employer) is in force from Tue 11-24 (day after 11-23); with the
    worker's suit against the non-final items it never is, and the copy is refused."""
    from casemgr.services import publication

    clerk, sup = actors[Role.CLERK], actors[Role.SUPERVISOR]
    cid = _served_separately(database, clerk)
    with database.write() as s:
        wf.apply_transition(s, clerk, cid, "serve_award", {"method": "direct"}, expected_version=None,
                            on=D(2026, 11, 6))  # fmt: skip
    with database.read() as s:
        assert publication.preview(s, sup, cid, today=D(2026, 11, 24)).case_id == cid
    _file(database, clerk, cid, D(2026, 11, 17), party="worker", action="suit", part="nonfinal")
    with database.read() as s, pytest.raises(ValidationError) as exc:
        publication.preview(s, sup, cid, today=D(2026, 11, 24))
    assert "劳动者已于2026年11月17日向汕尾市城区人民法院起诉" in exc.value.zh


def test_only_the_arbitration_roles_may_record(database, actors) -> None:
    from casemgr.errors import PermissionDenied

    clerk = actors[Role.CLERK]
    cid = _served_separately(database, clerk)
    for role in (Role.MEDIATOR, Role.INSPECTOR, Role.AUDITOR):
        with pytest.raises(PermissionDenied):
            _file(database, actors[role], cid, D(2026, 11, 10), party="worker", action="suit", part="final")
    _file(
        database, actors[Role.SUPERVISOR], cid, D(2026, 11, 10), party="worker", action="suit", part="final"
    )
    with database.read() as s:
        assert [f.party for f in court.filings(s, cid)] == ["worker"]  # the refused ones wrote nothing
