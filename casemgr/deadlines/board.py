"""The deadline board: what is overdue, due today, due soon; green-channel and supervised
cases; extensions waiting for a supervisor.

Each section is two indexed queries: its first ``limit`` rows in due order, read from an
index already in that order (``(state, due_on)``, or a partial index over active clocks,
pending extensions or provisional dates) and stopped at the limit; and its count. Closed
cases have no running clock, so the cost grows with the number of open clocks, never with
the number of cases ever registered.

What a city's supervisor waits for (issue 20): the whole city has thousands of overdue
clocks and green-channel cases at 1M cases, and counting every one of them to fill the
section badges, and fetching 200 rows for all seven sections, took a second. So:

* ``count_limit``: a section's count stops at that many ("99+" on a badge says enough);
  ``None`` counts exactly (reports, the start-up reminder, tests).
* ``sections``: which sections get rows; the others get only their count. The dashboard
  asks for the tab on screen and fetches another tab's rows when it is opened.
* green channel and supervised list each case once, at its earliest active clock, by
  reading active clocks in due order and keeping each case's first (the cases' first
  appearances in ``(due_on, case_id)`` order are exactly their order by earliest due
  date), instead of grouping every open case's clocks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, exists, func, select, text
from sqlalchemy.orm import Session

from casemgr import settings
from casemgr.deadlines import rules as rules_mod
from casemgr.deadlines.calendar import CalendarWarning, calendar_for, calendar_warning
from casemgr.deadlines.calendar import provisional_note_between as provisional_note
from casemgr.deadlines.clocks import reminder_level
from casemgr.enums import DeadlineState
from casemgr.errors import CalendarError
from casemgr.models import ACTIVE_CLOCK, Case, Deadline

RUNNING = DeadlineState.RUNNING.value
#: After-close clocks read per board (decisions awaiting service, pending blacklist
#: decisions): a few dozen in a city; the cap only bounds a pathological backlog.
LATE_CAP = 5_000
ACTIVE = (DeadlineState.RUNNING.value, DeadlineState.PAUSED.value)


@dataclass(frozen=True)
class BoardRow:
    case_id: int
    case_number: str
    kind: str
    status: str
    district: str | None
    assigned_user_id: int | None
    green_channel: bool
    supervised: bool
    due_on: dt.date
    deadline_id: int | None = None  # None on per-case rows (green channel, supervised)
    rule_code: str | None = None
    rule_name_zh: str | None = None
    rule_name_en: str | None = None
    hard_limit: bool = True
    state: str | None = None
    reminder: str | None = None  # "breached" | "due_today" | "lead_N" | None
    extension_requested_on: dt.date | None = None
    provisional: bool = False  # counted on a weekend-only guess: the year's calendar is missing
    provisional_zh: str | None = None  # "暂定：2027年节假日安排尚未导入"
    provisional_en: str | None = None


@dataclass(frozen=True)
class BoardSection:
    code: str  # overdue | due_today | due_soon | green_channel | supervised | extensions | provisional
    count: int  # exact, or the board's count_limit when there are more (then ``more`` is True)
    rows: list[BoardRow]
    more: bool = False  # the count stopped at the limit: show "99+"


@dataclass(frozen=True)
class Board:
    today: dt.date
    within_working_days: int
    soon_until: dt.date
    window_approximate: bool  # the calendar ran out: the due-soon window was widened, never narrowed
    overdue: BoardSection
    due_today: BoardSection
    due_soon: BoardSection
    green_channel: BoardSection
    supervised: BoardSection
    extensions: BoardSection
    provisional: BoardSection  # open clocks whose due date is provisional (calendar not imported)
    calendar_warning: CalendarWarning | None = None
    sections: tuple[str, ...] = field(
        default=(
            "overdue",
            "due_today",
            "due_soon",
            "green_channel",
            "supervised",
            "extensions",
            "provisional",
        )
    )


def _filters(user_id: int | None, district: str | None, kind: str | None) -> list[Any]:
    """The user/district/kind filter, without the open-or-closed condition (see ``board``)."""
    f: list[Any] = []
    if user_id is not None:
        f.append(Case.assigned_user_id == user_id)
    if district is not None:
        f.append(Case.district == district)
    if kind is not None:
        f.append(Case.kind == str(kind))
    return f


def deadline_query(where: list[Any], filters: list[Any], limit: int) -> Select[Any]:
    return (
        select(
            Deadline.id,
            Deadline.rule_code,
            Deadline.due_on,
            Deadline.state,
            Deadline.extension_requested_on,
            Deadline.extension_approved_by_id,
            Deadline.provisional,
            Deadline.started_on,
            Case.id.label("case_id"),
            Case.number,
            Case.kind,
            Case.status,
            Case.district,
            Case.assigned_user_id,
            Case.green_channel,
            Case.supervised,
        )
        .join(Case, Case.id == Deadline.case_id)
        .where(*where, *filters)
        .order_by(Deadline.due_on, Deadline.id)
        .limit(limit)
    )


def deadline_count(where: list[Any], filters: list[Any], limit: int | None) -> Select[Any]:
    """How many clocks a section has, stopping at ``limit + 1`` when a limit is given."""
    inner = select(Deadline.id).join(Case, Case.id == Deadline.case_id).where(*where, *filters)
    if limit is not None:
        inner = inner.limit(limit + 1)
    return select(func.count()).select_from(inner.subquery())


#: The active-clock condition as literal SQL, so ix_deadlines_active_due serves it.
ACTIVE_SQL = text("deadlines." + ACTIVE_CLOCK)
EXTENSION_SQL = text(
    "deadlines.extension_requested_on IS NOT NULL AND deadlines.extension_approved_by_id IS NULL"
)


def active_clock_query(flag: Any, filters: list[Any], limit: int, offset: int) -> Select[Any]:
    """Active clocks of open flagged cases in ``(due_on, case_id)`` order: a case's first
    appearance is at its earliest due date (see the module docstring)."""
    return (
        select(
            Case.id.label("case_id"),
            Case.number,
            Case.kind,
            Case.status,
            Case.district,
            Case.assigned_user_id,
            Case.green_channel,
            Case.supervised,
            Deadline.due_on,
        )
        .join(Case, Case.id == Deadline.case_id)
        .where(ACTIVE_SQL, flag.is_(True), *filters)
        .order_by(Deadline.due_on, Deadline.case_id)
        .limit(limit)
        .offset(offset)
    )


def case_count(flag: Any, filters: list[Any], limit: int | None) -> Select[Any]:
    """Open flagged cases with at least one active clock, stopping at ``limit + 1``."""
    has_clock = exists().where(Deadline.case_id == Case.id, ACTIVE_SQL)
    inner = select(Case.id).where(flag.is_(True), has_clock, *filters)
    if limit is not None:
        inner = inner.limit(limit + 1)
    return select(func.count()).select_from(inner.subquery())


def board(
    session: Session,
    *,
    today: dt.date,
    user_id: int | None = None,
    district: str | None = None,
    within_working_days: int = 3,
    kind: str | None = None,
    limit: int = 200,
    count_limit: int | None = None,
    sections: Collection[str] | None = None,
) -> Board:
    """The board for a user, a district, a kind or the whole city.

    ``limit``: rows per section; ``count_limit``: counts stop there (``None``: exact);
    ``sections``: the sections that get rows (``None``: all; the others only a count).
    """
    cal = calendar_for(session)
    approximate = False
    try:
        soon_until = cal.add_working_days(today, within_working_days)
    except CalendarError:
        # Never hide a deadline because next year's calendar is missing: widen the window.
        soon_until = today + dt.timedelta(days=2 * within_working_days + 14)
        approximate = True
    try:
        leads = [int(x) for x in settings.get(session, "reminder_lead_working_days", today)]
    except KeyError:
        leads = [5, 1]
    all_rules = rules_mod.all_rules(session)
    party = [c for c, r in all_rules.items() if r.party_period]
    filters = _filters(user_id, district, kind)

    def level(due: dt.date) -> str | None:
        try:
            return reminder_level(cal, due, today, leads)
        except CalendarError:
            return "breached" if today > due else None

    # Running and paused clocks live on open cases (closing a case runs clocks.stop_all),
    # except the few ``after_close`` rules (serving the decision, the blacklist decision).
    # Each clock section is one indexed query over open cases, starting from the small
    # partial indexes over open cases; the after-close clocks of closed cases are read
    # once, from ix_deadlines_running_rule, and sorted into the sections here (one round
    # trip instead of one per section: it is the round trips a server's board pays for).
    after_close = rules_mod.after_close_codes(session)
    late: list[Any] = []
    if after_close:
        late = list(
            session.execute(
                deadline_query(
                    [Deadline.state == RUNNING, Deadline.rule_code.in_(after_close)],
                    [Case.closed_on.is_not(None), *filters],
                    LATE_CAP,
                )
            ).all()
        )

    open_filters = [Case.closed_on.is_(None), *filters]

    def counted(n: int) -> tuple[int, bool]:
        if count_limit is not None and n > count_limit:
            return count_limit, True
        return n, False

    def fetch(code: str, where: list[Any], keep: Callable[[Any], bool]) -> tuple[int, bool, list[Any]]:
        extra = [r for r in late if keep(r)]
        n = int(session.execute(deadline_count(where, open_filters, count_limit)).scalar_one())
        total, more = counted(n + len(extra))
        rows: list[Any] = []
        if sections is None or code in sections:
            rows = list(session.execute(deadline_query(where, open_filters, limit)).all())
            if extra:
                rows = sorted([*rows, *extra], key=lambda r: (r.due_on, r.id))[:limit]
        return total, more, rows

    def dl_section(code: str, where: list[Any], keep: Callable[[Any], bool]) -> BoardSection:
        total, more, rows = fetch(code, where, keep)
        out = []
        for r in rows:
            spec = all_rules.get(r.rule_code)
            note = provisional_note(cal, r.started_on, r.due_on) if r.provisional else None
            out.append(
                BoardRow(
                    case_id=r.case_id,
                    case_number=r.number,
                    kind=r.kind,
                    status=r.status,
                    district=r.district,
                    assigned_user_id=r.assigned_user_id,
                    green_channel=bool(r.green_channel),
                    supervised=bool(r.supervised),
                    due_on=r.due_on,
                    deadline_id=r.id,
                    rule_code=r.rule_code,
                    rule_name_zh=spec.name_zh if spec else None,
                    rule_name_en=spec.name_en if spec else None,
                    hard_limit=spec.hard_limit if spec else True,
                    state=r.state,
                    reminder=level(r.due_on) if r.state == RUNNING else None,
                    extension_requested_on=r.extension_requested_on,
                    provisional=bool(r.provisional),
                    provisional_zh=note[0] if note else None,
                    provisional_en=note[1] if note else None,
                )
            )
        return BoardSection(code, total, out, more)

    def case_section(code: str, flag: Any) -> BoardSection:
        total, more = counted(int(session.execute(case_count(flag, open_filters, count_limit)).scalar_one()))
        out: list[BoardRow] = []
        if sections is None or code in sections:
            seen: set[int] = set()
            offset, batch = 0, 2 * limit + 10
            while len(out) < limit:
                rows = session.execute(active_clock_query(flag, open_filters, batch, offset)).all()
                for r in rows:
                    if r.case_id in seen:
                        continue
                    seen.add(r.case_id)
                    out.append(
                        BoardRow(
                            case_id=r.case_id,
                            case_number=r.number,
                            kind=r.kind,
                            status=r.status,
                            district=r.district,
                            assigned_user_id=r.assigned_user_id,
                            green_channel=bool(r.green_channel),
                            supervised=bool(r.supervised),
                            due_on=r.due_on,
                            reminder=level(r.due_on),
                        )
                    )
                    if len(out) == limit:
                        break
                if len(rows) < batch:
                    break
                offset += batch
                batch *= 2
        return BoardSection(code, total, out, more)

    not_party = [Deadline.rule_code.not_in(party)] if party else []
    # Each section: its SQL condition for open cases, and the same test for the
    # after-close rows read above (all of them running).
    return Board(
        today=today,
        within_working_days=within_working_days,
        soon_until=soon_until,
        window_approximate=approximate,
        overdue=dl_section(
            "overdue",
            [Deadline.state == RUNNING, Deadline.due_on < today, *not_party],
            lambda r: r.due_on < today and r.rule_code not in party,
        ),
        due_today=dl_section(
            "due_today",
            [Deadline.state == RUNNING, Deadline.due_on == today],
            lambda r: r.due_on == today,
        ),
        due_soon=dl_section(
            "due_soon",
            [Deadline.state == RUNNING, Deadline.due_on > today, Deadline.due_on <= soon_until],
            lambda r: today < r.due_on <= soon_until,
        ),
        green_channel=case_section("green_channel", Case.green_channel),
        supervised=case_section("supervised", Case.supervised),
        # The next two start from their partial indexes: pending extensions and provisional
        # due dates are few, and the literal conditions are what make those indexes usable.
        extensions=dl_section(
            "extensions",
            [EXTENSION_SQL, ACTIVE_SQL],
            lambda r: r.extension_requested_on is not None and r.extension_approved_by_id is None,
        ),
        provisional=dl_section(
            "provisional",
            [Deadline.provisional.is_(True), ACTIVE_SQL],
            lambda r: bool(r.provisional),
        ),
        calendar_warning=calendar_warning(today, session),
    )


def reminders(
    session: Session, *, today: dt.date, user_id: int | None = None, district: str | None = None
) -> list[BoardRow]:
    """Start-up reminders: every running clock breached or within the largest lead time."""
    try:
        leads = [int(x) for x in settings.get(session, "reminder_lead_working_days", today)]
    except KeyError:
        leads = [5, 1]
    b = board(session, today=today, user_id=user_id, district=district, within_working_days=max(leads))
    return [r for s in (b.overdue, b.due_today, b.due_soon) for r in s.rows]
