"""Overlapping pauses (a suspension during a 公告 period) are excluded once: the union of the
intervals, in the clock's own unit."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from casemgr import deadlines
from casemgr.deadlines import clocks, rules
from casemgr.enums import CaseKind, Role
from casemgr.models import Case
from casemgr.services import cases
from casemgr.services import workflow as wf
from tests import helpers

D = dt.date
CAL = deadlines.default_calendar()
RULES = {r.code: r for r in rules.default_rules()}

interval = st.tuples(st.dates(min_value=D(2025, 1, 1), max_value=D(2026, 10, 31)), st.integers(0, 45)).map(
    lambda t: (t[0], t[0] + dt.timedelta(days=t[1]))
)


@settings(max_examples=200, deadline=None)
@given(
    intervals=st.lists(interval, min_size=0, max_size=5),
    code=st.sampled_from(["arb.award", "insp.investigate.gd"]),
)
def test_excluded_time_is_the_union_of_the_pauses(intervals, code) -> None:
    r = RULES[code]
    # Brute force: the set of excluded days, each (P, R] taken day by day.
    days = {a + dt.timedelta(days=i) for a, b in intervals for i in range(1, (b - a).days + 1)}
    expected = len(days) if not r.working else sum(1 for d in days if CAL.is_working_day(d))
    assert clocks.excluded_units(CAL, r, intervals) == expected
    # Order and repetition do not matter; never more than the plain sum.
    assert clocks.excluded_units(CAL, r, list(reversed(intervals)) * 2) == expected
    assert expected <= sum(clocks.span(CAL, r, a, b) for a, b in intervals)
    merged = clocks.merge_intervals(intervals)
    assert all(x[1] < y[0] for x, y in itertools.pairwise(merged))


def test_a_suspension_inside_a_public_notice_period_is_not_counted_twice(database, actors) -> None:
    clerk = actors[Role.CLERK]
    with database.write() as s:
        cid = cases.register_case(
            s,
            clerk,
            helpers.case_input(CaseKind.ARBITRATION, received_on=D(2026, 3, 2)),
            today=D(2026, 11, 26),
        ).id
    with database.write() as s:
        wf.apply_transition(s, clerk, cid, "accept", {}, expected_version=None, on=D(2026, 3, 3))
        # 公告送达 published Wed 03-04: served after 30 days (04-03); (03-04, 04-03] excluded.
        wf.record_service(
            s,
            clerk,
            cid,
            document="application_copy",
            method="public_notice",
            served_on=D(2026, 3, 4),
            expected_version=None,
        )
        wf.apply_transition(
            s,
            clerk,
            cid,
            "form_tribunal",
            {"arbitrators": ["甲", "乙", "丙"]},
            expected_version=None,
            on=D(2026, 3, 5),
        )
        # Suspended 03-10 .. resumed 03-20: wholly inside the 公告 period, so nothing more.
        wf.apply_transition(
            s,
            clerk,
            cid,
            "suspend",
            {"ground": "awaiting_appraisal", "approved_by": "院长"},
            expected_version=None,
            on=D(2026, 3, 10),
        )
        wf.apply_transition(s, clerk, cid, "resume", {}, expected_version=None, on=D(2026, 3, 20))
        award = next(d for d in s.get(Case, cid).deadlines if d.rule_code == "arb.award")
        # 03-03 + 45 + 30 = 05-17 (Sun) -> Mon 05-18; the ten suspended days are already excluded.
        assert award.paused_days == 30
        assert award.due_on == D(2026, 5, 18)
        # A second suspension sticking out of the 公告 period: 04-01 .. 04-08 adds only
        # (04-03, 04-08] = 5 days -> 03-03 + 80 = Fri 05-22.
        wf.apply_transition(
            s,
            clerk,
            cid,
            "suspend",
            {"ground": "awaiting_appraisal", "approved_by": "院长"},
            expected_version=None,
            on=D(2026, 4, 1),
        )
        wf.apply_transition(s, clerk, cid, "resume", {}, expected_version=None, on=D(2026, 4, 8))
        s.refresh(award)
        assert (award.paused_days, award.due_on) == (35, D(2026, 5, 22))
