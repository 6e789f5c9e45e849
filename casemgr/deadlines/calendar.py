"""The official working-day calendar: chinese-calendar plus the administrator's overrides.

Why it is built this way:

* The law counts days on the State Council's yearly holiday notice (legal-rules §7), which
  moves weekends around (调休). A weekend-only guess is wrong several times a year, so a
  date in a year that neither the package nor the administrator covers raises
  :class:`~casemgr.errors.CalendarError` naming the year instead of guessing.
* The clock engine alone may count an uncovered year as weekends only
  (:meth:`Calendar.provisional`): it stores such a due date flagged *provisional* so a
  case can be accepted in late November, and importing the year
  (``services.deadline_admin.import_year``) recomputes those clocks.
  The calendar API itself keeps raising.
* The administrator's overrides (``calendar_overrides``) beat the package: a bureau
  can enter next year's notice the day it is published, before a package upgrade, and can
  correct a local exception. A year counts as covered by overrides as soon as it has at
  least one override row (every notice has at least 元旦), and its remaining days follow
  the plain Monday-Friday pattern, which is exactly what a notice leaves unsaid.
* Counting (民事诉讼法 Art. 85, 办案规则 Art. 80): the start day is never counted;
  working-day periods count only working days (调休上班 counts, 放假 does not);
  calendar-day periods that end on a rest day or holiday roll to the next working day.
* Working-day arithmetic is constant time per year crossed, not per day: each calendar
  keeps, per year it has been asked about, the cumulative number of working days before
  each day of the year and the list of the year's working days, derived from
  :meth:`Calendar.is_working_day` (so overrides and provisional years count exactly as a
  day-by-day walk would; ``tests/test_calendar_tables.py`` proves it for every pair of
  dates). A board of a thousand clocks used to walk a million days to say "3 working days
  left"; it now does two list look-ups per row. A year the calendar does not cover raises
  the same :class:`~casemgr.errors.CalendarError` the walk raised, for the same dates.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from chinese_calendar import constants as cc_constants
from sqlalchemy import select
from sqlalchemy.orm import Session

from casemgr.enums import CalendarDayType
from casemgr.errors import CalendarError
from casemgr.models import CalendarOverride

#: Days ahead of the end of coverage at which admins are told to import the next year.
RUNOUT_WARNING_DAYS = 60


def _package_years() -> frozenset[int]:
    """Years chinese-calendar has official data for (it raises NotImplementedError beyond)."""
    days = list(cc_constants.holidays) + list(cc_constants.workdays)
    first = min(d.year for d in days)
    last = max(d.year for d in days)
    return frozenset(range(first, last + 1))


PACKAGE_YEARS: frozenset[int] = _package_years()


class _Year(NamedTuple):
    """One year's working days, for arithmetic without walking the days."""

    jan1: int  # date.toordinal() of 1 January
    cum: tuple[int, ...]  # cum[i]: working days among the year's first i days (len = days + 1)
    days: tuple[int, ...]  # day-of-year index (0 = 1 January) of each working day, in order

    @property
    def total(self) -> int:
        return len(self.days)


@dataclass(frozen=True)
class Calendar:
    """An immutable working-day calendar; build it once per session (see :func:`calendar_for`)."""

    overrides: Mapping[dt.date, bool] = field(default_factory=dict)  # day -> is a working day
    package_years: frozenset[int] = PACKAGE_YEARS
    #: Only the clock engine sets this (see :meth:`provisional`): an uncovered year is
    #: counted as Monday-Friday instead of raising. The public calendar always raises.
    assume_weekends: bool = False
    #: Per-year tables (:class:`_Year`), filled on first use. A cache, not state: the
    #: calendar is immutable, so a table never goes stale; two threads building the same
    #: year build equal tables.
    _years: dict[int, _Year] = field(default_factory=dict, init=False, repr=False, compare=False)
    _twin: list[Calendar] = field(default_factory=list, init=False, repr=False, compare=False)

    def provisional(self) -> Calendar:
        """This calendar, counting uncovered years as weekends only.

        For the clock engine alone: a clock whose due date lands in a year nobody has
        imported yet still needs a date to be shown and sorted on the board. Every date
        computed with it is stored flagged ``provisional`` and recomputed when the year
        is imported (``casemgr.services.deadline_admin.recompute_provisional``).
        The same object is returned each time, so its year tables are built once.
        """
        if self.assume_weekends:
            return self
        if not self._twin:
            self._twin.append(replace(self, assume_weekends=True))
        return self._twin[0]

    def first_uncovered_year(self, start: dt.date, end: dt.date) -> int | None:
        """The first year in ``start.year .. end.year`` this calendar does not cover."""
        return next((y for y in range(start.year, end.year + 1) if not self.covers(y)), None)

    @property
    def override_years(self) -> frozenset[int]:
        return frozenset(d.year for d in self.overrides)

    def covered_years(self) -> list[int]:
        return sorted(self.package_years | self.override_years)

    def covers(self, year: int) -> bool:
        return year in self.package_years or year in self.override_years

    def last_covered_day(self) -> dt.date:
        """The last day of the unbroken run of covered years that contains the newest package year."""
        years = set(self.covered_years())
        last = max(years)
        return dt.date(last, 12, 31)

    def is_working_day(self, d: dt.date) -> bool:
        w = self.overrides.get(d)
        if w is not None:
            return w
        if d.year in self.package_years:
            # The package's own tables: a weekday not in the holiday list, or a make-up day.
            if d in cc_constants.workdays:
                return True
            if d in cc_constants.holidays:
                return False
            return d.weekday() < 5
        if d.year in self.override_years or self.assume_weekends:
            return d.weekday() < 5
        raise CalendarError(
            f"{d.year} 年的节假日安排尚未导入，无法计算期限。请管理员在“日历”中导入 {d.year} 年国务院放假通知。",
            f"The {d.year} holiday calendar has not been imported, so the deadline cannot be computed. "
            f"An administrator must import the State Council's {d.year} holiday notice.",
            field="calendar",
            code="calendar_year_missing",
        )

    def _year(self, year: int) -> _Year:
        """The year's table, built from :meth:`is_working_day` (raises for an uncovered year)."""
        t = self._years.get(year)
        if t is None:
            first = dt.date(year, 1, 1)
            n = 366 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 365
            cum = [0]
            days: list[int] = []
            one = dt.timedelta(days=1)
            d = first
            for i in range(n):
                if self.is_working_day(d):
                    days.append(i)
                cum.append(len(days))
                if i < n - 1:
                    d += one
            t = _Year(first.toordinal(), tuple(cum), tuple(days))
            self._years[year] = t
        return t

    def next_working_day(self, d: dt.date) -> dt.date:
        """``d`` itself when it is a working day, else the first working day after it."""
        while not self.is_working_day(d):
            d += dt.timedelta(days=1)
        return d

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The n-th working day after ``start`` (start not counted).

        ``n == 0`` means "the same working day": ``start`` if it is one, else the next
        one (the green channel's "accept the same working day").
        """
        if n < 0:
            return self.subtract_working_days(start, -n)
        if n == 0:
            return self.next_working_day(start)
        year = start.year
        if start.month == 12 and start.day == 31:
            k = n  # nothing left in start's year: its table is not needed (nor required)
            year += 1
        else:
            t = self._year(year)
            k = t.cum[start.toordinal() - t.jan1 + 1] + n  # rank of the answer among the year's working days
        while True:
            t = self._year(year)
            if k <= len(t.days):
                return dt.date.fromordinal(t.jan1 + t.days[k - 1])
            k -= len(t.days)
            year += 1

    def subtract_working_days(self, end: dt.date, n: int) -> dt.date:
        """The n-th working day before ``end`` (end not counted)."""
        if n <= 0:
            return end
        year = end.year
        if end.month == 1 and end.day == 1:
            k = n
        else:
            t = self._year(year)
            before = t.cum[end.toordinal() - t.jan1]  # working days of the year before ``end``
            if n <= before:
                return dt.date.fromordinal(t.jan1 + t.days[before - n])
            k = n - before
        while True:
            year -= 1
            t = self._year(year)
            if k <= len(t.days):
                return dt.date.fromordinal(t.jan1 + t.days[len(t.days) - k])
            k -= len(t.days)

    def add_calendar_days(self, start: dt.date, n: int, *, roll: bool = True) -> dt.date:
        """``start + n`` days, moved to the next working day when it is a rest day (民诉法 Art. 85)."""
        d = start + dt.timedelta(days=n)
        return self.next_working_day(d) if roll else d

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in ``(start, end]``: how far a working-day clock moves over that span."""
        if end <= start:
            return 0
        if start.year == end.year:
            t = self._year(start.year)
            return t.cum[end.toordinal() - t.jan1 + 1] - t.cum[start.toordinal() - t.jan1 + 1]
        count = 0
        if not (start.month == 12 and start.day == 31):
            t = self._year(start.year)
            count += len(t.days) - t.cum[start.toordinal() - t.jan1 + 1]
        for year in range(start.year + 1, end.year):
            count += len(self._year(year).days)
        t = self._year(end.year)
        return count + t.cum[end.toordinal() - t.jan1 + 1]

    def runs_out_within(self, today: dt.date, days: int = RUNOUT_WARNING_DAYS) -> dt.date | None:
        """The last covered day when it is less than ``days`` away, else None."""
        last = self.last_covered_day()
        if (last - today).days < days:
            return last
        return None


def provisional_note(year: int) -> tuple[str, str]:
    """(zh, en) shown beside every provisional due date."""
    return (
        f"暂定：{year}年节假日安排尚未导入",
        f"provisional: the {year} holiday calendar has not been imported",
    )


def provisional_note_between(cal: Calendar, started_on: dt.date, due_on: dt.date) -> tuple[str, str]:
    """(zh, en) naming the first year between a clock's start and due date that ``cal`` lacks
    (the due date's year when the gap has since been filled)."""
    year = cal.first_uncovered_year(min(started_on, due_on), max(started_on, due_on))
    return provisional_note(year if year is not None else due_on.year)


@dataclass(frozen=True)
class CalendarWarning:
    """Shown to administrators at start-up and on the deadline board."""

    code: str
    last_covered_day: dt.date
    next_year: int
    zh: str
    en: str


def _build(overrides: Iterable[tuple[dt.date, str]]) -> Calendar:
    return Calendar(overrides={d: CalendarDayType(t) is CalendarDayType.WORKDAY for d, t in overrides})


_DEFAULT = _build(())

#: The calendar last built from a database's overrides, keyed by those rows: every session
#: reads the (few dozen) override rows, but sessions with the same rows share one Calendar
#: and so its year tables, instead of rebuilding them on every board refresh.
_SHARED: dict[tuple[tuple[dt.date, str], ...], Calendar] = {}
_SHARED_LOCK = threading.Lock()


def default_calendar() -> Calendar:
    """The package calendar alone (no database): what tests and integrators count with."""
    return _DEFAULT


_SESSION_KEY = "casemgr.calendar"


def calendar_for(session: Session) -> Calendar:
    """The package calendar with this database's overrides; cached on the session."""
    cached = session.info.get(_SESSION_KEY)
    if isinstance(cached, Calendar):
        return cached
    rows = session.execute(select(CalendarOverride.day, CalendarOverride.day_type)).all()
    key = tuple(sorted((r.day, str(r.day_type)) for r in rows))
    with _SHARED_LOCK:
        cal = _SHARED.get(key)
        if cal is None:
            cal = _build(key)
            _SHARED.clear()  # one database per process in practice; tests switch often
            _SHARED[key] = cal
    session.info[_SESSION_KEY] = cal
    return cal


def forget_cached(session: Session) -> None:
    """Drop the cached calendar after an override changed in this session."""
    session.info.pop(_SESSION_KEY, None)


def covered_years(session: Session | None = None) -> list[int]:
    cal = calendar_for(session) if session is not None else default_calendar()
    return cal.covered_years()


def calendar_warning(
    today: dt.date, session: Session | None = None, *, days: int = RUNOUT_WARNING_DAYS
) -> CalendarWarning | None:
    """A warning when the calendar runs out within ``days`` days (default 60), else None."""
    cal = calendar_for(session) if session is not None else default_calendar()
    last = cal.runs_out_within(today, days)
    if last is None:
        return None
    nxt = last.year + 1
    return CalendarWarning(
        code="calendar_runs_out",
        last_covered_day=last,
        next_year=nxt,
        zh=f"工作日历只到 {last.isoformat()}。请管理员尽快导入 {nxt} 年国务院放假通知，否则无法计算 {nxt} 年的期限。",
        en=f"The working-day calendar ends on {last.isoformat()}. An administrator must import the "
        f"{nxt} holiday notice, or deadlines falling in {nxt} cannot be computed.",
    )
