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
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

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


@dataclass(frozen=True)
class Calendar:
    """An immutable working-day calendar; build it once per session (see :func:`calendar_for`)."""

    overrides: Mapping[dt.date, bool] = field(default_factory=dict)  # day -> is a working day
    package_years: frozenset[int] = PACKAGE_YEARS
    #: Only the clock engine sets this (see :meth:`provisional`): an uncovered year is
    #: counted as Monday-Friday instead of raising. The public calendar always raises.
    assume_weekends: bool = False

    def provisional(self) -> Calendar:
        """This calendar, counting uncovered years as weekends only.

        For the clock engine alone: a clock whose due date lands in a year nobody has
        imported yet still needs a date to be shown and sorted on the board. Every date
        computed with it is stored flagged ``provisional`` and recomputed when the year
        is imported (``casemgr.services.deadline_admin.recompute_provisional``).
        """
        return replace(self, assume_weekends=True)

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
        d = start
        left = n
        while left:
            d += dt.timedelta(days=1)
            if self.is_working_day(d):
                left -= 1
        return d

    def subtract_working_days(self, end: dt.date, n: int) -> dt.date:
        """The n-th working day before ``end`` (end not counted)."""
        d = end
        left = n
        while left > 0:
            d -= dt.timedelta(days=1)
            if self.is_working_day(d):
                left -= 1
        return d

    def add_calendar_days(self, start: dt.date, n: int, *, roll: bool = True) -> dt.date:
        """``start + n`` days, moved to the next working day when it is a rest day (民诉法 Art. 85)."""
        d = start + dt.timedelta(days=n)
        return self.next_working_day(d) if roll else d

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in ``(start, end]``: how far a working-day clock moves over that span."""
        if end <= start:
            return 0
        count = 0
        d = start
        while d < end:
            d += dt.timedelta(days=1)
            if self.is_working_day(d):
                count += 1
        return count

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
    cal = _build((r.day, r.day_type) for r in rows)
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
