"""The deadline board: what is overdue, due today, due soon; green-channel and supervised
cases; extensions waiting for a supervisor.

Each section is two indexed queries: its first ``limit`` rows in due order, read from an
index already in that order (``(state, due_on)``, the partial index over active clocks,
or the few ids of pending extensions and provisional dates) and stopped at the limit;
and its count (all seven counts in one statement). Closed
cases have no running clock, so the cost grows with the number of open clocks, never with
the number of cases ever registered.

What a city's supervisor waits for (issue 20): the whole city has thousands of overdue
clocks and green-channel cases at 1M cases, and counting every one of them to fill the
section badges, and fetching 200 rows for all seven sections, took a second. So:

* ``count_limit``: a section's count stops at that many ("99+" on a badge says enough);
  ``None`` counts exactly (reports, the start-up reminder, tests).
* ``sections``: which sections get rows; the others get only their count. The dashboard
  asks for the tab on screen and fetches another tab's rows when it is opened.
* green channel and supervised list each case once, at its earliest active clock. For the
  whole city's green channel (a third of its open cases) by reading active clocks in due
  order, window by window, and keeping each case's first (the cases' first appearances in
  ``(due_on, case_id)`` order are exactly their order by earliest due date); for a user's
  or a district's cases and for the few supervised ones, grouped from the open-case
  indexes, instead of grouping every open case's clocks of the city.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Date, Integer, Select, and_, bindparam, exists, func, select, text
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
    #: Orders to pay past their date and not paid in full, open or decided: the enforcement
    #: ladder is open on each (加付赔偿金, 申请法院强制执行, 移送公安, 失信名单).
    unpaid_orders: BoardSection = field(default_factory=lambda: BoardSection("unpaid_orders", 0, []))
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
            "unpaid_orders",
        )
    )


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
    """How many clocks a section has, stopping at ``limit + 1`` when a limit is given.

    The stopped count reads the clocks in due order like the rows: without an ORDER BY
    to match, SQLite passes over the small partial indexes of pending extensions and
    provisional dates for the (state) index and walks every active clock (20-40 ms at 1M).
    """
    inner = select(Deadline.id).join(Case, Case.id == Deadline.case_id).where(*where, *filters)
    if limit is not None:
        inner = inner.order_by(Deadline.due_on).limit(limit + 1)
    return select(func.count()).select_from(inner.subquery())


#: The active-clock condition as literal SQL, so ix_deadlines_active_due serves it.
ACTIVE_SQL = text("deadlines." + ACTIVE_CLOCK)
EXTENSION_SQL = text(
    "deadlines.extension_requested_on IS NOT NULL AND deadlines.extension_approved_by_id IS NULL"
)


def clock_window_query(flag: Any, filters: list[Any]) -> Select[Any]:
    """One window of the city's active clocks in ``(due_on, case_id)`` order (``:batch``
    clocks from ``:offset``, read from ix_deadlines_active_due and nothing else), each
    with its case's columns when the case is an open flagged one of the board's filter
    and NULLs otherwise. The window is a subquery with its own LIMIT, so no planner
    statistics can turn it into "every open case, then sort their clocks" (which SQLite
    chose for the joined form with the shipped statistics); a short window means the end.
    """
    window = (
        select(Deadline.due_on, Deadline.case_id)
        .where(ACTIVE_SQL)
        .order_by(Deadline.due_on, Deadline.case_id)
        .limit(bindparam("batch", type_=Integer))
        .offset(bindparam("offset", type_=Integer))
        .subquery()
    )
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
            window.c.due_on,
        )
        .select_from(window)
        .outerjoin(Case, and_(Case.id == window.c.case_id, flag.is_(True), *filters))
        .order_by(window.c.due_on, window.c.case_id)
    )


def grouped_case_query(flag: Any, filters: list[Any], limit: int) -> Select[Any]:
    """Open flagged cases by their earliest active clock, grouped: for a flag on a few
    percent of open cases (supervised), read from the flag's partial index, where walking
    the city's active clocks in due order would pass thirty clocks for each one kept."""
    due = func.min(Deadline.due_on).label("due_on")
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
            due,
        )
        .join(Deadline, and_(Deadline.case_id == Case.id, ACTIVE_SQL))
        .where(flag.is_(True), *filters)
        .group_by(Case.id)
        .order_by(due, Case.id)
        .limit(limit)
    )


def case_count(flag: Any, filters: list[Any], limit: int | None) -> Select[Any]:
    """Open flagged cases with at least one active clock, stopping at ``limit + 1``."""
    has_clock = exists().where(Deadline.case_id == Case.id, ACTIVE_SQL)
    inner = select(Case.id).where(flag.is_(True), has_clock, *filters)
    if limit is not None:
        inner = inner.limit(limit + 1)
    return select(func.count()).select_from(inner.subquery())


SECTIONS = (
    "overdue",
    "due_today",
    "due_soon",
    "green_channel",
    "supervised",
    "extensions",
    "provisional",
    "unpaid_orders",
)
CASE_SECTIONS = {"green_channel": Case.green_channel, "supervised": Case.supervised}


@dataclass(frozen=True)
class _Statements:
    """A board's statements for one shape of filters, with the day, the window's end, the
    user, the district and the kind as bound parameters: built once and reused, because
    building a dozen SQLAlchemy statements cost as much as running them (0.4 ms each)."""

    late: Select[Any] | None
    counts: Select[Any]
    rows: dict[str, Select[Any]]
    windowed: frozenset[str]  # sections read window by window (clock_window_query)


def _section_where(party: tuple[str, ...]) -> dict[str, list[Any]]:
    today, soon = bindparam("today", type_=Date), bindparam("soon_until", type_=Date)
    not_party = [Deadline.rule_code.not_in(party)] if party else []
    return {
        "overdue": [Deadline.state == RUNNING, Deadline.due_on < today, *not_party],
        "due_today": [Deadline.state == RUNNING, Deadline.due_on == today],
        "due_soon": [Deadline.state == RUNNING, Deadline.due_on > today, Deadline.due_on <= soon],
        # The few pending extensions and provisional dates: their clocks' ids first, from
        # ix_deadlines_extension_pending (a literal condition, or SQLite cannot use it) and
        # ix_deadlines_provisional, then each clock by its primary key. As a plain join the
        # planner started from every open case or every active clock instead.
        "extensions": [Deadline.id.in_(select(Deadline.id).where(EXTENSION_SQL).correlate(None)), ACTIVE_SQL],
        # Orders to pay past their date and still running: money still owed (issue 14).
        "unpaid_orders": [
            Deadline.state == RUNNING,
            Deadline.rule_code == UNPAID_ORDER_RULE,
            Deadline.due_on < today,
        ],
        "provisional": [
            Deadline.id.in_(
                select(Deadline.id).where(Deadline.provisional.is_(True), ACTIVE_SQL).correlate(None)
            )
        ],
    }


@functools.lru_cache(maxsize=64)
def _statements(
    shape: tuple[bool, bool, bool],
    party: tuple[str, ...],
    after_close: tuple[str, ...],
    limit: int,
    count_limit: int | None,
) -> _Statements:
    has_user, has_district, has_kind = shape
    filters: list[Any] = []
    if has_user:
        filters.append(Case.assigned_user_id == bindparam("user_id"))
    if has_district:
        filters.append(Case.district == bindparam("district"))
    if has_kind:
        filters.append(Case.kind == bindparam("kind"))
    open_filters = [Case.closed_on.is_(None), *filters]
    where = _section_where(party)
    late = None
    if after_close:
        late = deadline_query(
            [Deadline.state == RUNNING, Deadline.rule_code.in_(after_close)],
            [Case.closed_on.is_not(None), *filters],
            LATE_CAP,
        )
    counts = []
    rows: dict[str, Select[Any]] = {}
    for name in SECTIONS:
        if name in CASE_SECTIONS:
            flag = CASE_SECTIONS[name]
            counts.append(case_count(flag, open_filters, count_limit))
            if name == "green_channel" and not (has_user or has_district):
                # The city: a third of its open cases are green, so the first hundred are
                # among the first few hundred active clocks in due order, window by window.
                rows[name] = clock_window_query(flag, open_filters)
            else:
                # A user's or a district's few cases, or the few supervised ones: grouped
                # from the open-case indexes, each at its earliest clock.
                rows[name] = grouped_case_query(flag, open_filters, limit)
        else:
            counts.append(deadline_count(where[name], open_filters, count_limit))
            rows[name] = deadline_query(where[name], open_filters, limit)
    # All seven counts in one statement: one round trip (what a server's board pays for).
    count_all = select(*(c.scalar_subquery().label(n) for c, n in zip(counts, SECTIONS, strict=True)))
    windowed = frozenset() if has_user or has_district else frozenset({"green_channel"})
    return _Statements(late, count_all, rows, windowed)


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
    party = tuple(sorted(c for c, r in all_rules.items() if r.party_period))
    # Running and paused clocks live on open cases (closing a case runs clocks.stop_all),
    # except the few ``after_close`` rules (serving the decision, the blacklist decision):
    # those of closed cases are read once, from ix_deadlines_running_rule, and sorted into
    # the sections here.
    after_close = tuple(sorted(rules_mod.after_close_codes(session)))
    st = _statements(
        (user_id is not None, district is not None, kind is not None), party, after_close, limit, count_limit
    )
    params: dict[str, Any] = {"today": today, "soon_until": soon_until}
    if user_id is not None:
        params["user_id"] = user_id
    if district is not None:
        params["district"] = district
    if kind is not None:
        params["kind"] = str(kind)

    def level(due: dt.date) -> str | None:
        try:
            return reminder_level(cal, due, today, leads)
        except CalendarError:
            return "breached" if today > due else None

    late = list(session.execute(st.late, params).all()) if st.late is not None else []
    keep: dict[str, Callable[[Any], bool]] = {
        "overdue": lambda r: r.due_on < today and r.rule_code not in party,
        "due_today": lambda r: r.due_on == today,
        "due_soon": lambda r: today < r.due_on <= soon_until,
        "extensions": lambda r: r.extension_requested_on is not None and r.extension_approved_by_id is None,
        "provisional": lambda r: bool(r.provisional),
        "unpaid_orders": lambda r: r.rule_code == UNPAID_ORDER_RULE and r.due_on < today,
    }
    counts = session.execute(st.counts, params).one()._mapping
    out: dict[str, BoardSection] = {}
    for name in SECTIONS:
        n = int(counts[name])
        extra = [r for r in late if keep[name](r)] if name in keep else []
        n += len(extra)
        more = count_limit is not None and n > count_limit
        total = count_limit if more and count_limit is not None else n
        rows: list[BoardRow] = []
        if sections is None or name in sections:
            if name in CASE_SECTIONS and name in st.windowed:
                rows = _case_rows(session, st.rows[name], params, limit, level)
            elif name in CASE_SECTIONS:
                rows = [_case_row(r, level) for r in session.execute(st.rows[name], params)]
            else:
                found = list(session.execute(st.rows[name], params).all())
                if extra:
                    found = sorted([*found, *extra], key=lambda r: (r.due_on, r.id))[:limit]
                rows = [_clock_row(r, all_rules, cal, level) for r in found]
        out[name] = BoardSection(name, total, rows, more)
    return Board(
        today=today,
        within_working_days=within_working_days,
        soon_until=soon_until,
        window_approximate=approximate,
        calendar_warning=calendar_warning(today, session),
        **out,  # type: ignore[arg-type]
    )


#: The order to pay (a party's period): past its date and still running = money still owed.
UNPAID_ORDER_RULE = "insp.pay_order"


def _clock_row(
    r: Any, all_rules: dict[str, Any], cal: Any, level: Callable[[dt.date], str | None]
) -> BoardRow:
    spec = all_rules.get(r.rule_code)
    note = provisional_note(cal, r.started_on, r.due_on) if r.provisional else None
    return BoardRow(
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


def _case_row(r: Any, level: Callable[[dt.date], str | None]) -> BoardRow:
    return BoardRow(
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


def _case_rows(
    session: Session,
    stmt: Select[Any],
    params: dict[str, Any],
    limit: int,
    level: Callable[[dt.date], str | None],
) -> list[BoardRow]:
    """Each case once, at its earliest active clock: the first ``limit`` distinct cases of
    the clocks read in ``(due_on, case_id)`` order, in batches until enough are found."""
    out: list[BoardRow] = []
    seen: set[int] = set()
    offset, batch = 0, 2 * limit + 10
    while len(out) < limit:
        rows = session.execute(stmt, {**params, "batch": batch, "offset": offset}).all()
        for r in rows:
            if r.case_id is None or r.case_id in seen:  # (a window's clock of another case)
                continue
            seen.add(r.case_id)
            out.append(_case_row(r, level))
            if len(out) == limit:
                break
        if len(rows) < batch:
            break
        offset += batch
        batch *= 2
    return out


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
