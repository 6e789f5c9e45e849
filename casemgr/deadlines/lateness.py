"""How late a clock is: in the unit its rule counts in, one definition for board and report.

A time limit in working days (受理五个工作日, 调查九十个工作日) is late by working days; a time
limit in calendar days (裁决四十五日, rolled to the next working day when it ends on a
holiday) is late by calendar days. The board and the monthly report both call
:func:`late_by`, and both label the figure with its unit ("逾期3个工作日", "逾期3日"), so the
two can never show different numbers for the same clock again (issue 15: the report
counted calendar days for every clock, the board working days).

A clock that ended on a Friday is late on Saturday: one day late, though no working day
has passed yet (``working_days_between`` would say 0). The lateness of a missed time limit
is at least one day of its unit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from casemgr.deadlines import rules as rules_mod
from casemgr.deadlines.calendar import Calendar, calendar_for
from casemgr.enums import DayType, DeadlineState
from casemgr.errors import CalendarError
from casemgr.models import Deadline

WORKING = DayType.WORKING.value
CALENDAR = DayType.CALENDAR.value
#: The states of a clock that can be late (a met or cancelled clock is not).
LATE_STATES = (DeadlineState.RUNNING.value, DeadlineState.PAUSED.value, DeadlineState.BREACHED.value)


def late_by(cal: Calendar, day_type: str | None, due_on: dt.date, as_of: dt.date) -> tuple[int, str]:
    """(days late, unit) of a clock due on ``due_on``, on ``as_of``; (0, unit) when not late.

    Counted in working days for a working-day rule, else in calendar days. Past the years
    the calendar covers, working days cannot be counted: calendar days then, labelled so.
    """
    if as_of <= due_on:
        return 0, WORKING if day_type == WORKING else CALENDAR
    if day_type == WORKING:
        try:
            return max(1, int(cal.working_days_between(due_on, as_of))), WORKING
        except CalendarError:
            pass
    return (as_of - due_on).days, CALENDAR


def cases_late_by(
    session: Session, cases: Iterable[tuple[int, dt.date]], as_of: dt.date
) -> dict[int, tuple[int, str]]:
    """For (case id, due date of its earliest overdue clock) pairs: (days late, unit), with
    the unit of the rule of that clock (a few dozen rows: one query)."""
    wanted = dict(cases)
    if not wanted:
        return {}
    rows = session.execute(
        select(Deadline.case_id, Deadline.due_on, Deadline.rule_code)
        .where(Deadline.case_id.in_(list(wanted)), Deadline.state.in_(LATE_STATES))
        .order_by(Deadline.case_id, Deadline.id)
    ).all()
    all_rules = rules_mod.all_rules(session)
    cal = calendar_for(session)
    out: dict[int, tuple[int, str]] = {}
    for cid, due_on, code in rows:
        if cid in out or due_on != wanted[cid]:
            continue
        spec = all_rules.get(code)
        out[cid] = late_by(cal, spec.day_type if spec else None, due_on, as_of)
    for cid, due_on in wanted.items():  # (a clock of no known rule): calendar days
        out.setdefault(cid, late_by(cal, None, due_on, as_of))
    return out
