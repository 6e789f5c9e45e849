"""The official calendar: dates worked out by hand from the State Council notices (legal-rules §7)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casemgr import deadlines
from casemgr.deadlines.calendar import Calendar
from casemgr.enums import CalendarDayType
from casemgr.errors import CalendarError
from casemgr.models import CalendarOverride
from casemgr.services import deadline_admin

D = dt.date
CAL = deadlines.default_calendar()


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2025, 1, 26), True),  # Sun, 调休上班 before 春节 2025
        (D(2025, 1, 28), False),  # Tue, 除夕
        (D(2025, 2, 4), False),  # Tue, last day off
        (D(2025, 2, 8), True),  # Sat, 调休上班
        (D(2025, 9, 28), True),  # Sun, 调休上班 before 国庆
        (D(2025, 10, 8), False),  # Wed, last day of 国庆+中秋
        (D(2025, 10, 11), True),  # Sat, 调休上班
        (D(2026, 1, 4), True),  # Sun, 调休上班 after 元旦 2026
        (D(2026, 2, 14), True),  # Sat, 调休上班 before 春节 2026
        (D(2026, 2, 23), False),  # Mon, 初七, last day off
        (D(2026, 2, 28), True),  # Sat, 调休上班
        (D(2026, 9, 20), True),  # Sun, 调休上班 before 国庆 2026
        (D(2026, 10, 7), False),  # Wed, last day off
        (D(2026, 10, 10), True),  # Sat, 调休上班
        (D(2026, 10, 11), False),  # ordinary Sunday
    ],
)
def test_official_days(day: dt.date, working: bool) -> None:
    assert CAL.is_working_day(day) is working


@pytest.mark.parametrize("year", [2025, 2026])
def test_working_days_per_year_match_the_notices(year: int) -> None:
    # legal-rules §7.1/§7.2: 248 working days in 2025 and in 2026.
    first = D(year, 1, 1)
    n = sum(CAL.is_working_day(first + dt.timedelta(days=i)) for i in range((D(year + 1, 1, 1) - first).days))
    assert n == 248


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        # Fri 2025-01-24 + 1 wd: Sat 25 rest, Sun 26 is a make-up working day.
        (D(2025, 1, 24), 1, D(2025, 1, 26)),
        # Mon 2025-01-27 + 1 wd: 01-28..02-04 off -> Wed 02-05.
        (D(2025, 1, 27), 1, D(2025, 2, 5)),
        # Fri 2025-02-07 + 1 wd: Sat 02-08 make-up day counts.
        (D(2025, 2, 7), 1, D(2025, 2, 8)),
        # Tue 2025-09-30 + 1 wd: 10-01..10-08 off -> Thu 10-09.
        (D(2025, 9, 30), 1, D(2025, 10, 9)),
        # Fri 2026-02-13 + 5 wd: 02-14(1, make-up), 02-15..23 off, 02-24(2), 25(3), 26(4), 27(5).
        (D(2026, 2, 13), 5, D(2026, 2, 27)),
        # Wed 2026-09-30 + 1 wd: 10-01..10-07 off -> Thu 10-08.
        (D(2026, 9, 30), 1, D(2026, 10, 8)),
        # Fri 2026-09-18 + 1 wd: Sun 09-20 is a make-up day.
        (D(2026, 9, 18), 1, D(2026, 9, 20)),
        # 0 wd = the same working day, or the next one (green channel "same day").
        (D(2026, 2, 16), 0, D(2026, 2, 24)),
        (D(2026, 3, 2), 0, D(2026, 3, 2)),
    ],
)
def test_add_working_days(start: dt.date, n: int, expected: dt.date) -> None:
    assert CAL.add_working_days(start, n) == expected


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        # 2026-02-01 + 15 = 02-16 (除夕, off) -> rolls over the whole holiday to Tue 02-24.
        (D(2026, 2, 1), 15, D(2026, 2, 24)),
        # 2025-09-16 + 15 = 10-01 (国庆) -> rolls to Thu 10-09.
        (D(2025, 9, 16), 15, D(2025, 10, 9)),
        # 2026-02-13 + 15 = Sat 02-28, a make-up working day: no roll.
        (D(2026, 2, 13), 15, D(2026, 2, 28)),
        # 2026-03-03 + 45 = Fri 04-17, a working day.
        (D(2026, 3, 3), 45, D(2026, 4, 17)),
        # 2026-04-01 + 30 = 05-01 (劳动节 05-01..05-05 off) -> Wed 05-06.
        (D(2026, 4, 1), 30, D(2026, 5, 6)),
    ],
)
def test_add_calendar_days_rolls_to_the_next_working_day(start: dt.date, n: int, expected: dt.date) -> None:
    assert CAL.add_calendar_days(start, n) == expected


def test_a_year_nobody_covers_is_an_error_naming_the_year() -> None:
    with pytest.raises(CalendarError) as exc:
        CAL.is_working_day(D(2027, 1, 4))
    assert "2027" in exc.value.zh and "2027" in exc.value.en
    # counting into the uncovered year fails too, instead of guessing weekends
    with pytest.raises(CalendarError):
        CAL.add_calendar_days(D(2026, 12, 20), 30)
    with pytest.raises(CalendarError):
        CAL.is_working_day(D(2003, 5, 1))


def test_overrides_cover_a_new_year_and_beat_the_package() -> None:
    cal = Calendar(overrides={D(2027, 1, 1): False, D(2026, 10, 11): True})
    assert cal.is_working_day(D(2026, 10, 11))  # a Sunday made a working day by the admin
    assert not cal.is_working_day(D(2027, 1, 1))
    assert cal.is_working_day(D(2027, 1, 4))  # covered year, plain Monday
    assert 2027 in cal.covered_years()
    assert cal.add_calendar_days(D(2026, 12, 31), 1) == D(2027, 1, 4)  # Fri 01-01 off, weekend


def test_calendar_for_session_reads_overrides_and_the_runout_warning(database) -> None:
    today = D(2026, 11, 26)
    w = deadlines.calendar_warning(today)
    assert w is not None and w.next_year == 2027 and w.last_covered_day == D(2026, 12, 31)
    assert "2027" in w.zh
    assert deadlines.calendar_warning(D(2026, 10, 1)) is None  # 91 days ahead: not yet
    with database.write() as s:
        s.add(CalendarOverride(day=D(2027, 1, 1), day_type=CalendarDayType.HOLIDAY.value, note="元旦"))
    with database.read() as s:
        assert not deadlines.calendar_for(s).is_working_day(D(2027, 1, 1))
        assert 2027 in deadlines.covered_years(s)
        assert deadlines.calendar_warning(today, s) is None


covered_days = st.dates(min_value=D(2005, 1, 1), max_value=D(2026, 9, 30))


@settings(max_examples=200, deadline=None)
@given(start=covered_days, a=st.integers(0, 40), b=st.integers(0, 40))
def test_add_working_days_is_monotonic_and_lands_on_working_days(start: dt.date, a: int, b: int) -> None:
    lo, hi = sorted((a, b))
    d_lo, d_hi = CAL.add_working_days(start, lo), CAL.add_working_days(start, hi)
    assert d_lo <= d_hi
    assert CAL.is_working_day(d_hi)
    if hi > 0:
        assert d_hi > start
        # exactly `hi` working days lie in (start, result]
        assert CAL.working_days_between(start, d_hi) == hi


@settings(max_examples=200, deadline=None)
@given(start=covered_days, n=st.integers(1, 60))
def test_add_calendar_days_is_the_first_working_day_on_or_after_start_plus_n(start: dt.date, n: int) -> None:
    d = CAL.add_calendar_days(start, n)
    raw = start + dt.timedelta(days=n)
    assert d >= raw and CAL.is_working_day(d)
    assert all(not CAL.is_working_day(raw + dt.timedelta(days=i)) for i in range((d - raw).days))


def test_admin_imports_a_year_and_it_is_audited(database, actors) -> None:
    from casemgr.enums import Role
    from casemgr.errors import PermissionDenied

    with database.write() as s, pytest.raises(PermissionDenied):
        deadline_admin.import_year(s, actors[Role.CLERK], 2027, holidays=[D(2027, 1, 1)], workdays=[])
    with database.write() as s:
        n = deadline_admin.import_year(
            s, actors[Role.ADMIN], 2027, holidays=[D(2027, 1, 1)], workdays=[D(2027, 2, 6)], note="测试"
        )
        assert n == 2
        cal = deadlines.calendar_for(s)
        assert cal.is_working_day(D(2027, 2, 6)) and not cal.is_working_day(D(2027, 1, 1))
        # counting into 2027 now works: Thu 2026-12-31 + 1 wd -> Mon 2027-01-04
        assert cal.add_working_days(D(2026, 12, 31), 1) == D(2027, 1, 4)
    with database.write() as s, pytest.raises(CalendarError):
        deadline_admin.import_year(s, actors[Role.ADMIN], 2027, holidays=[D(2028, 1, 1)], workdays=[])
