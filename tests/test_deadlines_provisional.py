"""Provisional due dates: a clock that runs into a year the calendar does not cover yet.

Today is 2026-11-26 and chinese-calendar ends with 2026. The calendar API raises for 2027;
the clock engine stores a date counted as if 2027 had only weekends, flags it provisional,
and recomputes it when an administrator imports the 2027 notice.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from casemgr import deadlines, queries
from casemgr.deadlines import board as board_mod
from casemgr.deadlines import calendar as cal_mod
from casemgr.enums import CaseKind, Role
from casemgr.errors import CalendarError, PermissionDenied
from casemgr.models import AuditEntry, Case, Deadline
from casemgr.services import cases, deadline_admin
from casemgr.services import workflow as wf
from tests import helpers

D = dt.date
TODAY = D(2026, 11, 26)


def _accepted_case(database, clerk) -> int:
    with database.write() as s:
        c = cases.register_case(
            s, clerk, helpers.case_input(CaseKind.ARBITRATION, received_on=TODAY), today=TODAY
        )
        cid = c.id
    with database.write() as s:
        wf.apply_transition(s, clerk, cid, "accept", {}, expected_version=None, on=TODAY)
    return cid


def _clock(s, cid: int, code: str) -> Deadline:
    return (
        s.execute(
            select(Deadline)
            .where(Deadline.case_id == cid, Deadline.rule_code == code)
            .order_by(Deadline.id.desc())
        )
        .scalars()
        .first()
    )


def test_the_calendar_api_still_raises_for_2027() -> None:
    cal = deadlines.default_calendar()
    with pytest.raises(CalendarError) as exc:
        cal.is_working_day(D(2027, 1, 4))
    assert exc.value.code == "calendar_year_missing" and "2027" in exc.value.zh
    with pytest.raises(CalendarError):
        cal.add_calendar_days(TODAY, 45)
    # Only the engine's explicit provisional calendar counts weekends; it leaves 2026 alone.
    prov = cal.provisional()
    assert prov.add_calendar_days(TODAY, 45) == D(2027, 1, 11)
    assert prov.is_working_day(D(2026, 10, 7)) is False  # National Day 2026 (a Wed), from the package
    assert prov.is_working_day(D(2026, 10, 10)) is True  # its make-up Saturday


def test_accepting_an_arbitration_case_today_gives_a_provisional_award_date(database, actors) -> None:
    clerk = actors[Role.CLERK]
    cid = _accepted_case(database, clerk)
    with database.read() as s:
        award = _clock(s, cid, "arb.award")
        # 45 calendar days from Thu 2026-11-26 (start day not counted): 11-27..11-30 = 4,
        # December = 31 (35), 2027-01-01..01-10 = 10 (45) -> Sun 2027-01-10. 2027-01-01 is a
        # Friday, so 01-10 is a Sunday; weekend-only assumption -> Mon 2027-01-11.
        assert award.due_on == D(2027, 1, 11)
        assert award.provisional is True
        # Clocks that end inside 2026 are exact: serve the copy in 5 wd -> 11-27, 11-30,
        # 12-01, 12-02, 12-03; green target 30 days -> Sat 12-26 -> Mon 12-28.
        serve = _clock(s, cid, "arb.serve_copy")
        assert (serve.due_on, serve.provisional) == (D(2026, 12, 3), False)
        green = _clock(s, cid, "arb.green.award")
        assert (green.due_on, green.provisional) == (D(2026, 12, 28), False)

        # Every place that shows a deadline can tell: the case file ...
        file = queries.case_detail(s, cid)
        rows = {r.rule_code: r for r in file.deadlines}
        assert rows["arb.award"].provisional and not rows["arb.serve_copy"].provisional
        assert rows["arb.award"].provisional_zh == "暂定：2027年节假日安排尚未导入"
        assert (
            rows["arb.award"].provisional_en == "provisional: the 2027 holiday calendar has not been imported"
        )
        # ... the engine's board (a section and a flag on rows) ...
        b = board_mod.board(s, today=TODAY)
        assert b.provisional.count == 1
        (row,) = b.provisional.rows
        assert (row.case_id, row.rule_code, row.due_on) == (cid, "arb.award", D(2027, 1, 11))
        assert row.provisional and row.provisional_zh == "暂定：2027年节假日安排尚未导入"
        soon = board_mod.board(s, today=D(2027, 1, 8), within_working_days=3)
        assert [(r.rule_code, r.provisional) for r in soon.due_soon.rows if r.case_id == cid] == [
            ("arb.award", True)
        ]
        # ... and the UI's board query.
        qb = queries.deadline_board(s, today=TODAY)
        assert qb.counts["provisional"] == 1


def test_importing_2027_recomputes_provisional_clocks_and_clears_the_flag(database, actors) -> None:
    clerk, admin = actors[Role.CLERK], actors[Role.ADMIN]
    cid = _accepted_case(database, clerk)
    with database.write() as s:
        award_id = _clock(s, cid, "arb.award").id
    # A hypothetical 2027 notice that makes Mon 01-11 a day off: the award period ends on
    # Sun 01-10, rolls past the holiday on Mon 01-11 and lands on Tue 2027-01-12.
    with database.write() as s:
        deadline_admin.import_year(s, admin, 2027, holidays=[D(2027, 1, 1), D(2027, 1, 11)], workdays=[])
    with database.read() as s:
        award = s.get(Deadline, award_id)
        assert (award.due_on, award.provisional) == (D(2027, 1, 12), False)
        assert award.state == "running"
        entry = s.execute(
            select(AuditEntry).where(
                AuditEntry.action == "deadline.recompute_provisional", AuditEntry.entity_id == str(award_id)
            )
        ).scalar_one()
        assert "2027-01-11" in entry.before and "2027-01-12" in entry.after
        assert board_mod.board(s, today=TODAY).provisional.count == 0
        # The calendar API now covers 2027 through the overrides.
        assert cal_mod.calendar_for(s).is_working_day(D(2027, 1, 11)) is False


def test_recompute_needs_the_settings_permission(database, actors) -> None:
    with database.write() as s, pytest.raises(PermissionDenied):
        deadline_admin.recompute_provisional(s, actors[Role.CLERK])


def test_a_hearing_in_2027_can_be_scheduled_and_its_notice_date_is_recomputed(database, actors) -> None:
    clerk, admin = actors[Role.CLERK], actors[Role.ADMIN]
    cid = _accepted_case(database, clerk)
    with database.write() as s:
        wf.apply_transition(
            s,
            clerk,
            cid,
            "form_tribunal",
            {"arbitrators": ["甲", "乙", "丙"]},
            expected_version=None,
            on=TODAY,
        )
        wf.apply_transition(
            s,
            clerk,
            cid,
            "schedule_hearing",
            {"hearing_date": D(2027, 1, 15), "place": "第一仲裁庭"},
            expected_version=None,
            on=D(2026, 12, 1),
        )
        notice = _clock(s, cid, "arb.hearing_notice")
        # Hearing Fri 2027-01-15; the 5 wd before it (weekends only) are 01-08, 11..14, so the
        # notice goes out by the 6th working day before: Thu 2027-01-07.
        assert (notice.due_on, notice.provisional) == (D(2027, 1, 7), True)
        nid = notice.id
    # The notice makes Mon 01-11 and Tue 01-12 days off: counting back from 01-15 -> 01-14,
    # 01-13, 01-08, 01-07, 01-06 are the 5 wd; serve by the 6th, Tue 2027-01-05.
    with database.write() as s:
        deadline_admin.import_year(
            s, admin, 2027, holidays=[D(2027, 1, 1), D(2027, 1, 11), D(2027, 1, 12)], workdays=[]
        )
    with database.read() as s:
        notice = s.get(Deadline, nid)
        assert (notice.due_on, notice.provisional) == (D(2027, 1, 5), False)
        assert s.get(Case, cid).status == "hearing_scheduled"
