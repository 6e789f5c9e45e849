"""The deadline engine: official calendar, rules as data, stored clocks, the deadline board.

Public API (used by tests and integrators)::

    cal = casemgr.deadlines.default_calendar()
    cal.is_working_day(d); cal.add_working_days(start, n); cal.add_calendar_days(start, n)
    casemgr.deadlines.calendar_for(session)      # with the administrator's overrides
    casemgr.deadlines.covered_years(session)
    casemgr.deadlines.calendar_warning(today, session)   # "import next year" warning

Submodules: ``calendar`` (counting), ``rules`` (deadline rules as data), ``clocks`` (the
stored Deadline rows and their recomputation), ``board`` (the deadline board queries),
``limitation`` (limitation-period warnings), ``final_award`` (一裁终局 per claim item).
"""

from __future__ import annotations

from casemgr.deadlines.calendar import (
    RUNOUT_WARNING_DAYS,
    Calendar,
    CalendarWarning,
    calendar_for,
    calendar_warning,
    covered_years,
    default_calendar,
)

__all__ = [
    "RUNOUT_WARNING_DAYS",
    "Calendar",
    "CalendarWarning",
    "calendar_for",
    "calendar_warning",
    "covered_years",
    "default_calendar",
]
