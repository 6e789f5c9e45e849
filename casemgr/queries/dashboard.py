"""The dashboard's deadline board, with the columns its table shows.

ONE board definition lives in ``casemgr.deadlines.board`` (which sections exist, what
counts as overdue or due soon, which clocks are a party's own period). This adapter only
adds the display columns a table needs (worker, employer, handler, working days left)
for the rows that engine returned, so the dashboard can never disagree with it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from casemgr import clock
from casemgr.deadlines import board as board_mod
from casemgr.deadlines.calendar import calendar_for
from casemgr.errors import CalendarError
from casemgr.queries.cases import case_rows


@dataclass(frozen=True)
class BoardEntry:
    """One row of a board section, as the dashboard lists it."""

    case_id: int
    number: str
    kind: str
    status: str
    district: str | None
    due_on: dt.date
    green_channel: bool
    supervised: bool
    deadline_id: int | None = None  # None on per-case rows (green channel, supervised)
    rule_code: str | None = None
    rule_name_zh: str | None = None
    rule_name_en: str | None = None
    state: str | None = None
    working_days_left: int | None = None  # negative when overdue; None when the calendar cannot say
    worker_name: str | None = None
    employer_name: str | None = None
    assigned_to: str | None = None
    extension_requested: bool = False
    provisional: bool = False  # due date counted without next year's holiday notice
    provisional_zh: str | None = None
    provisional_en: str | None = None


@dataclass(frozen=True)
class Board:
    """The dashboard's sections. Each list is capped; ``counts`` are exact."""

    today: dt.date
    overdue: tuple[BoardEntry, ...]
    due_today: tuple[BoardEntry, ...]
    due_soon: tuple[BoardEntry, ...]
    green_channel: tuple[BoardEntry, ...]
    supervised: tuple[BoardEntry, ...]
    extensions: tuple[BoardEntry, ...]
    provisional: tuple[BoardEntry, ...]
    counts: dict[str, int]
    unpaid_orders: tuple[BoardEntry, ...] = ()
    calendar_warning: tuple[str, str] | None = None  # (zh, en)


BOARD_SECTIONS = (
    "overdue",
    "due_today",
    "due_soon",
    "green_channel",
    "supervised",
    "extensions",
    "provisional",
    "unpaid_orders",
)
BOARD_CAP = 200


def deadline_board(
    session: Session,
    *,
    today: dt.date | None = None,
    user_id: int | None = None,
    district: str | None = None,
    within_working_days: int = 3,
    cap: int = BOARD_CAP,
) -> Board:
    """``casemgr.deadlines.board.board`` with display columns, for the dashboard table.

    ``cap`` limits the rows of each section (the counts stay exact); the engine needs at
    least one row per section to report its count, so a cap of 0 still fetches one.
    """
    today = today or clock.today()
    b = board_mod.board(
        session,
        today=today,
        user_id=user_id,
        district=district,
        within_working_days=within_working_days,
        limit=max(cap, 1),
    )
    sections = {name: getattr(b, name) for name in BOARD_SECTIONS}
    kept = {name: sec.rows[:cap] for name, sec in sections.items()}
    case_ids = sorted({r.case_id for rows in kept.values() for r in rows})
    extra = {r.id: r for r in case_rows(session, case_ids, today)} if case_ids else {}
    cal = calendar_for(session)

    def left(due: dt.date) -> int | None:
        try:
            if due >= today:
                return int(cal.working_days_between(today, due))
            return -int(cal.working_days_between(due, today))
        except CalendarError:
            return None

    def entry(r: Any) -> BoardEntry:
        c = extra.get(r.case_id)
        return BoardEntry(
            case_id=r.case_id,
            number=r.case_number,
            kind=r.kind,
            status=r.status,
            district=r.district,
            due_on=r.due_on,
            green_channel=r.green_channel,
            supervised=r.supervised,
            deadline_id=r.deadline_id,
            rule_code=r.rule_code,
            rule_name_zh=r.rule_name_zh,
            rule_name_en=r.rule_name_en,
            state=r.state,
            working_days_left=left(r.due_on),
            worker_name=c.worker_name if c else None,
            employer_name=c.employer_name if c else None,
            assigned_to=c.assigned_to if c else None,
            extension_requested=r.extension_requested_on is not None,
            provisional=r.provisional,
            provisional_zh=r.provisional_zh,
            provisional_en=r.provisional_en,
        )

    warning = b.calendar_warning
    return Board(
        today=today,
        counts={name: sec.count for name, sec in sections.items()},
        calendar_warning=(warning.zh, warning.en) if warning else None,
        **{name: tuple(entry(r) for r in rows) for name, rows in kept.items()},
    )
