"""Constant-time working-day arithmetic equals the day-by-day count it replaced.

The reference functions below are the walking implementations the calendar used before it
kept per-year tables (one ``is_working_day`` call per day). Every result — and every
``CalendarError`` — of the table arithmetic must be the same, for:

* every pair of dates from 2025-01-01 to 2028-12-31: two package years, a year covered
  only by an administrator's overrides (2027) and, on the clock engine's provisional
  calendar, a year nobody covers (2028) — the years a bureau's open clocks live in;
* every start date of every covered year (2004-2026 from the package) with the periods
  the rules use and a few years' worth, crossing every year boundary;
* random dates and periods anywhere in 2000-2032, including uncovered years, where the
  two must raise the same error for the same arguments.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casemgr.deadlines.calendar import PACKAGE_YEARS, Calendar, calendar_for, default_calendar
from casemgr.enums import CalendarDayType
from casemgr.errors import CalendarError
from casemgr.models import CalendarOverride

D = dt.date
ONE = dt.timedelta(days=1)

# 2027 as an administrator would enter its notice (any plausible days will do: the point is
# that overrides, not the package, decide the year).
OVERRIDES_2027 = {
    **{D(2027, 1, 1): False, D(2027, 2, 6): True, D(2027, 2, 20): True},
    **{D(2027, 2, 8) + ONE * i: False for i in range(9)},  # 春节
    **{D(2027, 10, 1) + ONE * i: False for i in range(7)},  # 国庆
    D(2027, 9, 26): True,
    D(2027, 10, 9): True,
}


# --------------------------------------------------------------------------- the reference walk


def walk_add(cal: Calendar, start: dt.date, n: int) -> dt.date:
    if n < 0:
        return walk_subtract(cal, start, -n)
    if n == 0:
        return cal.next_working_day(start)
    d, left = start, n
    while left:
        d += ONE
        if cal.is_working_day(d):
            left -= 1
    return d


def walk_subtract(cal: Calendar, end: dt.date, n: int) -> dt.date:
    d, left = end, n
    while left > 0:
        d -= ONE
        if cal.is_working_day(d):
            left -= 1
    return d


def walk_between(cal: Calendar, start: dt.date, end: dt.date) -> int:
    if end <= start:
        return 0
    count, d = 0, start
    while d < end:
        d += ONE
        if cal.is_working_day(d):
            count += 1
    return count


def outcome(fn, *args):  # type: ignore[no-untyped-def]
    """The value, or the error's code and text: both implementations must agree on either."""
    try:
        return ("ok", fn(*args))
    except CalendarError as e:
        return ("error", e.code, str(e))


def days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + ONE * i for i in range((last - first).days + 1)]


def fresh(cal: Calendar) -> Calendar:
    """A calendar with empty tables, so each test builds them from scratch."""
    out = Calendar(overrides=dict(cal.overrides), package_years=cal.package_years)
    return out.provisional() if cal.assume_weekends else out


def span_calendar() -> Calendar:
    """2025-2026 from the package, 2027 from overrides, 2028 provisional (weekends only)."""
    return Calendar(overrides=OVERRIDES_2027).provisional()


# --------------------------------------------------------------------------- every pair


def test_working_days_between_every_pair_2025_to_2028() -> None:
    cal = span_calendar()
    span = days(D(2025, 1, 1), D(2028, 12, 31))
    # The walk, once: rank[i] = working days in (span[0], span[i]]. walk_between(a, b) is
    # rank[b] - rank[a] by its definition; the walk itself is checked against it below.
    rank = [0]
    for d in span[1:]:
        rank.append(rank[-1] + cal.is_working_day(d))
    for i, j in ((0, 5), (10, 400), (300, 1460), (729, 731), (1094, 1097)):
        assert walk_between(cal, span[i], span[j]) == rank[j] - rank[i]
    between = cal.working_days_between
    for i, a in enumerate(span):
        ra = rank[i]
        got = [between(a, b) for b in span[i:]]
        assert got == [r - ra for r in rank[i:]], a
        # end before start: nothing to count
        assert all(between(a, b) == 0 for b in span[max(0, i - 3) : i])


def test_add_and_subtract_every_start_2025_to_2028() -> None:
    """From every day of the span, the 1st to 300th working day after and before it (300
    working days cross at least one new year from any start)."""
    cal = span_calendar()
    span = days(D(2025, 1, 1), D(2028, 12, 31))
    working = [d for d in span if cal.is_working_day(d)]
    pos = {d: k for k, d in enumerate(working)}  # rank among the working days
    # the number of working days on or before each day of the span
    upto, k = [], 0
    for d in span:
        k += d in pos
        upto.append(k)
    for i, a in enumerate(span):
        first_after = upto[i]  # index in ``working`` of the first working day after a
        ahead = working[first_after : first_after + 300]
        assert [cal.add_working_days(a, n) for n in range(1, len(ahead) + 1)] == ahead, a
        before = upto[i] - (a in pos)  # working days strictly before a
        behind = working[max(0, before - 300) : before][::-1]
        assert [cal.subtract_working_days(a, n) for n in range(1, len(behind) + 1)] == behind, a
        assert cal.add_working_days(a, 0) == walk_add(cal, a, 0)
        assert cal.subtract_working_days(a, 0) == a
        if before >= 3:
            assert cal.add_working_days(a, -3) == walk_subtract(cal, a, 3)


PERIODS = (1, 2, 3, 5, 10, 15, 20, 30, 45, 60, 90, 248, 249, 500, 1000)


class Walk:
    """One day-by-day walk over a span, remembered: the n-th working day after ``a`` is the
    working day n places after the last one on or before ``a`` — what ``walk_add`` returns,
    without walking again for every (a, n)."""

    def __init__(self, cal: Calendar, first: dt.date, last: dt.date) -> None:
        self.first = first
        self.span = days(first, last)
        self.working = [d for d in self.span if cal.is_working_day(d)]
        is_working = set(self.working)
        self.upto: list[int] = []  # working days on or before each day of the span
        k = 0
        for d in self.span:
            k += d in is_working
            self.upto.append(k)

    def add(self, a: dt.date, n: int) -> dt.date | None:
        k = self.upto[(a - self.first).days] + n - 1
        return self.working[k] if k < len(self.working) else None

    def subtract(self, a: dt.date, n: int) -> dt.date | None:
        i = (a - self.first).days
        k = self.upto[i] - (self.working[self.upto[i] - 1] == a if self.upto[i] else 0) - n
        return self.working[k] if k >= 0 else None

    def between(self, a: dt.date, b: dt.date) -> int:
        return max(0, self.upto[(b - self.first).days] - self.upto[(a - self.first).days])


def test_walk_reference_is_the_walk() -> None:
    cal = default_calendar()
    w = Walk(cal, D(2024, 1, 1), D(2026, 12, 31))
    for a, n in (
        (D(2024, 2, 8), 5),
        (D(2025, 9, 30), 1),
        (D(2026, 2, 13), 5),
        (D(2025, 12, 31), 248),
        (D(2026, 1, 1), 248),
    ):
        assert w.add(a, n) == walk_add(cal, a, n)
        assert w.subtract(a, n) == walk_subtract(cal, a, n)
        assert w.between(a, a + ONE * 40) == walk_between(cal, a, a + ONE * 40)


def test_every_start_of_every_package_year_with_the_rules_periods() -> None:
    cal = default_calendar()
    first, last = min(PACKAGE_YEARS), max(PACKAGE_YEARS)
    w = Walk(cal, D(first, 1, 1), D(last, 12, 31))
    for a in w.span:
        for n in PERIODS:
            want = w.add(a, n)
            if want is not None:
                assert cal.add_working_days(a, n) == want, (a, n)
            want = w.subtract(a, n)
            if want is not None:
                assert cal.subtract_working_days(a, n) == want, (a, n)


def test_year_boundaries_of_every_package_year() -> None:
    """Every pair with one end in the last and the other in the first 45 days of a year, and
    every pair of 1 January / 31 December across all package years."""
    cal = default_calendar()
    years = sorted(PACKAGE_YEARS)
    w = Walk(cal, D(years[0], 1, 1), D(years[-1], 12, 31))
    for y in years[1:]:
        near = days(D(y - 1, 11, 17), D(y, 2, 14))
        for a, b in itertools.product(near, repeat=2):
            assert cal.working_days_between(a, b) == w.between(a, b), (a, b)
    edges = [D(y, m, d) for y in years for m, d in ((1, 1), (12, 31))]
    for a, b in itertools.product(edges, repeat=2):
        assert cal.working_days_between(a, b) == w.between(a, b), (a, b)


# --------------------------------------------------------------------------- uncovered years


def test_uncovered_years_raise_exactly_where_the_walk_raised() -> None:
    """The public calendar (no 2027 data) and the override calendar next to 2028: the same
    value where the walk never entered the missing year, the same error where it did."""
    for cal in (default_calendar(), Calendar(overrides=OVERRIDES_2027)):
        last = max(cal.covered_years())
        edge = days(D(last, 12, 1), D(last + 1, 1, 20))
        for a, b in itertools.product(edge, repeat=2):
            assert outcome(cal.working_days_between, a, b) == outcome(walk_between, cal, a, b), (a, b)
        for a in edge:
            for n in range(0, 25):
                assert outcome(cal.add_working_days, a, n) == outcome(walk_add, cal, a, n), (a, n)
                assert outcome(cal.subtract_working_days, a, n) == outcome(walk_subtract, cal, a, n), (a, n)
        # an uncovered year before the package's first
        first = min(PACKAGE_YEARS)
        early = days(D(first - 1, 12, 20), D(first, 1, 10))
        for a, b in itertools.product(early, repeat=2):
            assert outcome(cal.working_days_between, a, b) == outcome(walk_between, cal, a, b), (a, b)
        for a in early:
            for n in range(0, 12):
                assert outcome(cal.subtract_working_days, a, n) == outcome(walk_subtract, cal, a, n), (a, n)


dates = st.dates(min_value=D(2000, 1, 1), max_value=D(2032, 12, 31))
calendars = st.sampled_from(
    [
        default_calendar(),
        default_calendar().provisional(),
        Calendar(overrides=OVERRIDES_2027),
        span_calendar(),
    ]
)


@settings(max_examples=400, deadline=None)
@given(calendars, dates, dates)
def test_between_equals_the_walk_anywhere(cal: Calendar, a: dt.date, b: dt.date) -> None:
    assert outcome(cal.working_days_between, a, b) == outcome(walk_between, cal, a, b)


@settings(max_examples=400, deadline=None)
@given(calendars, dates, st.integers(min_value=-800, max_value=800))
def test_add_and_subtract_equal_the_walk_anywhere(cal: Calendar, a: dt.date, n: int) -> None:
    assert outcome(cal.add_working_days, a, n) == outcome(walk_add, cal, a, n)
    assert outcome(cal.subtract_working_days, a, n) == outcome(walk_subtract, cal, a, n)


# --------------------------------------------------------------------------- tables and sessions


def test_tables_are_built_per_calendar_and_follow_its_overrides() -> None:
    base = default_calendar()
    moved = Calendar(
        overrides={D(2026, 3, 16): False, D(2026, 3, 21): True}
    )  # a Monday off, a Saturday worked
    a, b = D(2026, 3, 13), D(2026, 3, 23)
    assert base.working_days_between(a, b) == walk_between(base, a, b) == 6
    assert moved.working_days_between(a, b) == walk_between(moved, a, b) == 6  # one lost, one gained
    assert moved.add_working_days(a, 1) == D(2026, 3, 17)
    assert base.add_working_days(a, 1) == D(2026, 3, 16)
    assert moved.subtract_working_days(b, 1) == D(2026, 3, 21)
    assert base.subtract_working_days(b, 1) == D(2026, 3, 20)
    # the provisional twin is one object, so its tables are built once
    assert base.provisional() is base.provisional()
    assert base.provisional().provisional() is base.provisional()
    assert fresh(span_calendar()).working_days_between(D(2027, 12, 31), D(2028, 1, 31)) == 21


def test_calendar_for_shares_tables_between_sessions_until_an_override_changes(database) -> None:
    with database.read() as s:
        first = calendar_for(s)
    with database.read() as s:
        assert calendar_for(s) is first  # same overrides: same calendar, tables already built
    with database.write() as s:
        s.add(CalendarOverride(day=D(2026, 12, 28), day_type=CalendarDayType.HOLIDAY.value))
    with database.read() as s:
        changed = calendar_for(s)
    assert changed is not first
    assert not changed.is_working_day(D(2026, 12, 28))
    assert changed.working_days_between(D(2026, 12, 25), D(2026, 12, 31)) == 3
    assert first.working_days_between(D(2026, 12, 25), D(2026, 12, 31)) == 4


@pytest.mark.parametrize("year", [2025, 2026])
def test_year_totals_match_the_notices(year: int) -> None:
    # legal-rules §7.1/§7.2: 248 working days in 2025 and in 2026.
    assert default_calendar().working_days_between(D(year - 1, 12, 31), D(year, 12, 31)) == 248
