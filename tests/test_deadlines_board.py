"""Clocks and the deadline board: pause properties, the indexed board query, rule edits."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from casemgr import deadlines
from casemgr.deadlines import board, clocks, rules
from casemgr.enums import CaseKind, Role
from casemgr.errors import ValidationError
from casemgr.models import Case
from casemgr.services import cases, deadline_admin
from casemgr.services import workflow as wf
from tests import helpers

D = dt.date
CAL = deadlines.default_calendar()
RULES = {r.code: r for r in rules.default_rules()}


@settings(max_examples=150, deadline=None)
@given(
    start=st.dates(min_value=D(2006, 1, 1), max_value=D(2026, 6, 30)),
    code=st.sampled_from(["arb.award", "insp.investigate.gd", "arb.accept", "med.conclude"]),
    offset=st.integers(0, 20),
    length=st.integers(0, 40),
)
def test_a_pause_moves_the_due_date_by_exactly_the_paused_amount(start, code, offset, length) -> None:
    r = RULES[code]
    p = start + dt.timedelta(days=offset)
    resume = p + dt.timedelta(days=length)
    k = clocks.span(CAL, r, p, resume)
    _, before = clocks.compute_due(CAL, r, start, None, 0, 0)
    _, after = clocks.compute_due(CAL, r, start, None, k, 0)
    # How many working days a pause holds is counted by hand below (the table of pauses);
    # here, the relation: the due date moves by exactly the paused amount.
    assert 0 <= k <= (resume - p).days
    if r.working:
        # as if the paused working days did not exist
        assert after == CAL.add_working_days(before, k)
        assert CAL.working_days_between(before, after) == k
    else:
        assert k == (resume - p).days
        raw = start + dt.timedelta(days=r.length)
        assert after == CAL.add_calendar_days(raw, k)


@pytest.mark.parametrize(
    ("code", "paused", "resumed", "units"),
    [
        # Fri 03-06 -> Mon 03-16, an ordinary fortnight: Mon 03-09 .. Fri 03-13 (5), Mon 03-16 (6).
        ("insp.investigate.gd", D(2026, 3, 6), D(2026, 3, 16), 6),
        # Fri 2026-02-13 -> Fri 02-27, Spring Festival: Sat 02-14 is a make-up working day (1);
        # Sun 02-15 .. Mon 02-23 are off (holiday and weekend); Tue 02-24 .. Fri 02-27 (2..5).
        ("insp.investigate.gd", D(2026, 2, 13), D(2026, 2, 27), 5),
        # Thu 2026-09-24 -> Mon 10-12, Mid-Autumn and National Day: Fri 09-25 off, weekend,
        # Mon 09-28 .. Wed 09-30 (1..3), 10-01 .. 10-07 off, Thu 10-08 (4), Fri 10-09 (5),
        # Sat 10-10 make-up working day (6), Sun 10-11 off, Mon 10-12 (7).
        ("insp.investigate.gd", D(2026, 9, 24), D(2026, 10, 12), 7),
        # Fri 2025-01-24 -> Mon 02-10: Sun 01-26 make-up (1), Mon 01-27 (2), 01-28 .. 02-04 off,
        # Wed 02-05 .. Fri 02-07 (3..5), Sat 02-08 make-up (6), Sun 02-09 off, Mon 02-10 (7).
        ("arb.accept", D(2025, 1, 24), D(2025, 2, 10), 7),
        # A calendar-day clock (the 45-day award limit) excludes every day: 03-10 -> 03-25 is 15.
        ("arb.award", D(2026, 3, 10), D(2026, 3, 25), 15),
        ("arb.award", D(2026, 9, 30), D(2026, 10, 8), 8),  # holidays included: 10-01 .. 10-08
        ("insp.investigate.gd", D(2026, 3, 16), D(2026, 3, 16), 0),  # resumed the day it paused
        ("insp.investigate.gd", D(2026, 3, 14), D(2026, 3, 15), 0),  # a Sunday only
    ],
)
def test_a_pause_excludes_the_units_counted_by_hand(code: str, paused: D, resumed: D, units: int) -> None:
    assert clocks.span(CAL, RULES[code], paused, resumed) == units


def test_a_pause_over_national_day_moves_a_five_working_day_clock_by_hand() -> None:
    r = RULES["arb.accept"]  # 5 working days from receipt
    # Received Tue 2026-09-29: Wed 09-30 (1), 10-01 .. 10-07 off, Thu 10-08 (2), Fri 10-09 (3),
    # Sat 10-10 make-up (4), Sun 10-11 off, Mon 10-12 (5).
    assert clocks.compute_due(CAL, r, D(2026, 9, 29), None, 0, 0) == (D(2026, 10, 12), D(2026, 10, 12))
    # Paused Wed 09-30 -> Fri 10-09: Thu 10-08 and Fri 10-09 do not count (2), so the clock runs
    # two more working days: Tue 10-13, Wed 10-14.
    k = clocks.span(CAL, r, D(2026, 9, 30), D(2026, 10, 9))
    assert k == 2
    assert clocks.compute_due(CAL, r, D(2026, 9, 29), None, k, 0) == (D(2026, 10, 12), D(2026, 10, 14))


def _register(database, actor, kind=CaseKind.ARBITRATION, **kw) -> int:
    with database.write() as s:
        return cases.register_case(s, actor, helpers.case_input(kind, **kw), today=D(2026, 11, 26)).id


def test_board_sections_filters_and_reminders(database, actors) -> None:
    clerk, ins = actors[Role.CLERK], actors[Role.INSPECTOR]
    a = _register(database, clerk, received_on=D(2026, 3, 2), n=1)  # green; accept due 03-09
    b = _register(database, clerk, received_on=D(2026, 3, 5), n=2, migrant=False)  # accept due 03-12
    c = _register(
        database, ins, CaseKind.INSPECTION, received_on=D(2026, 3, 2), n=3, workers=100, migrant=False
    )
    with database.write() as s:
        wf.apply_transition(s, clerk, b, "accept", {}, expected_version=None, on=D(2026, 3, 6))
    with database.read() as s:
        bd = board.board(s, today=D(2026, 3, 9), within_working_days=3)
        overdue = {(r.case_id, r.rule_code) for r in bd.overdue.rows}
        # green same-day target 03-02 is overdue; the statutory clock of case a is due today
        assert (a, "arb.green.accept") in overdue and bd.overdue.count == len(bd.overdue.rows)
        assert {(r.case_id, r.rule_code) for r in bd.due_today.rows} >= {
            (a, "arb.accept"),
            (c, "insp.accept"),
        }
        assert all(r.reminder == "due_today" for r in bd.due_today.rows)
        # 03-09 + 3 wd = 03-12: case b's serve-copy and tribunal clocks (due 03-13) are outside
        assert bd.soon_until == D(2026, 3, 12)
        assert all(r.due_on <= D(2026, 3, 12) for r in bd.due_soon.rows)
        assert {r.case_id for r in bd.green_channel.rows} == {a}
        assert {r.case_id for r in bd.supervised.rows} == {c} and bd.supervised.rows[
            0
        ].assigned_user_id == ins.user_id
        assert bd.calendar_warning is None
        # per kind / per user filters
        only_ins = board.board(s, today=D(2026, 3, 9), kind="inspection")
        assert {r.case_id for r in only_ins.due_today.rows} == {c}
        mine = board.board(s, today=D(2026, 3, 9), user_id=clerk.user_id)
        assert c not in {r.case_id for r in mine.due_today.rows}
        assert board.board(s, today=D(2026, 3, 9), district="海丰县").due_today.count == 0
        # start-up reminders reach five working days ahead
        assert {r.case_id for r in board.reminders(s, today=D(2026, 3, 9))} == {a, b, c}
        # late in the year the window is widened, never narrowed, and admins are warned
        late = board.board(s, today=D(2026, 12, 29))
        assert late.window_approximate and late.calendar_warning is not None


def test_extension_request_shows_on_the_board(database, actors) -> None:
    boss = actors[Role.SUPERVISOR]
    a = _register(
        database, actors[Role.INSPECTOR], kind=CaseKind.INSPECTION, received_on=D(2026, 3, 2), migrant=False
    )
    with database.write() as s:
        wf.apply_transition(
            s, actors[Role.INSPECTOR], a, "accept", {}, expected_version=None, on=D(2026, 3, 2)
        )
        case = s.get(Case, a)
        did = next(d.id for d in case.deadlines if d.rule_code == "insp.investigate.gd")
        wf.request_extension(
            s, actors[Role.INSPECTOR], a, did, "需要审计", expected_version=None, on=D(2026, 4, 1)
        )
    with database.read() as s:
        assert [r.deadline_id for r in board.board(s, today=D(2026, 4, 2)).extensions.rows] == [did]
    with database.write() as s:
        d = wf.approve_extension(s, boss, a, did, 30, "情况复杂，批准延长30个工作日", None, on=D(2026, 4, 2))
        assert d.extended_days == 30
    with database.read() as s:
        assert board.board(s, today=D(2026, 4, 2)).extensions.count == 0


def test_board_queries_use_the_state_due_index(database, actors) -> None:
    with database.read() as s:
        pg = s.get_bind().dialect.name == "postgresql"
        if pg:
            # The tables are nearly empty, where PostgreSQL rightly prefers a sequential
            # scan; forbidding it shows whether the index can serve the query at all.
            s.execute(text("SET LOCAL enable_seqscan = off"))
        explain = "EXPLAIN " if pg else "EXPLAIN QUERY PLAN "
        full_scan = ("Seq Scan on cases", "Seq Scan on deadlines") if pg else ("SCAN cases", "SCAN deadlines")

        def plan_of(stmt) -> str:
            sql = str(stmt.compile(s.get_bind(), compile_kwargs={"literal_binds": True}))
            return " | ".join(str(r[-1]) for r in s.execute(text(explain + sql)))

        for where in (
            [board.Deadline.state == "running", board.Deadline.due_on < D(2026, 3, 9)],
            [board.Deadline.state == "running", board.Deadline.due_on == D(2026, 3, 9)],
        ):
            plan = plan_of(board.deadline_query(where, [board.Case.district == "城区"], 200))
            # An index that reads running clocks only: (state, due_on), or one of the partial
            # indexes PostgreSQL may prefer when the tables are tiny — over running clocks
            # (rule_code, due_on), or over active ones (due_on, case_id: running and the few
            # paused; revision 0007).
            state_index = ("ix_deadlines_state_due", "ix_deadlines_running_rule", "ix_deadlines_active_due")
            assert any(ix in plan for ix in state_index), plan
            assert not any(scan in plan for scan in full_scan), plan
        # Green channel and supervised: active clocks in due order, from the partial index
        # over active clocks (each case at its earliest clock), never a grouping of them all.
        # Each query reads one window of active clocks from that index (its own LIMIT; the
        # outer sort is of that window only).
        open_case = [board.Case.closed_on.is_(None)]
        window = board.clock_window_query(board.Case.green_channel, open_case).params(batch=410, offset=0)
        plan = plan_of(window)
        # (SQLite says "SCAN deadlines USING INDEX": it reads that small index in order.)
        assert "ix_deadlines_active_due" in plan and "Seq Scan on deadlines" not in plan, plan
        # The few pending extensions and provisional dates: their own partial indexes.
        where = board._section_where(())
        for section, index in (
            ("extensions", "ix_deadlines_extension_pending"),
            ("provisional", "ix_deadlines_provisional"),
        ):
            plan = plan_of(board.deadline_query(where[section], open_case, 200))
            assert index in plan and "Seq Scan on deadlines" not in plan, plan
            assert "SCAN cases" not in plan and "Seq Scan on cases" not in plan, plan


def test_rules_are_data_and_edits_are_audited(database, actors) -> None:
    admin, clerk = actors[Role.ADMIN], actors[Role.CLERK]
    green_award = RULES["arb.green.award"]
    assert green_award.green_channel and not green_award.hard_limit and RULES["arb.award"].hard_limit
    assert all(r.citation for r in RULES.values())
    with database.write() as s:
        assert "arb.award" in deadline_admin.seed_rules(s, admin)
        assert deadline_admin.seed_rules(s, admin) == []
        deadline_admin.update_rule(s, admin, "arb.green.award", length=20)
    with database.write() as s:
        try:
            deadline_admin.update_rule(s, admin, "arb.green.award", length=-1)
        except ValidationError as e:
            assert e.field == "length"
        else:
            raise AssertionError("negative length accepted")
    a = _register(database, clerk, received_on=D(2026, 3, 2))
    with database.write() as s:
        c = wf.apply_transition(s, clerk, a, "accept", {}, expected_version=None, on=D(2026, 3, 3))
        due = {d.rule_code: d.due_on for d in c.deadlines}
        assert due["arb.green.award"] == D(2026, 3, 23)  # 03-03 + 20 = Mon 03-23
        assert due["arb.award"] == D(2026, 4, 17)  # the statutory hard limit is untouched
