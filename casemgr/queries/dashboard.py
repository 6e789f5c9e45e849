"""The dashboard's deadline board, with the columns its table shows.

ONE board definition lives in ``casemgr.deadlines.board`` (which sections exist, what
counts as overdue or due soon, which clocks are a party's own period). This adapter only
adds the display columns a table needs (worker, employer, handler, working days left)
for the rows that engine returned, so the dashboard can never disagree with it.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, bindparam, not_, select
from sqlalchemy.orm import Session, aliased

from casemgr import clock, privacy
from casemgr.deadlines import board as board_mod
from casemgr.deadlines import rules as rules_mod
from casemgr.deadlines.calendar import calendar_for
from casemgr.deadlines.lateness import late_by
from casemgr.enums import PartyRole
from casemgr.errors import CalendarError
from casemgr.models import Case, CaseParty, Deadline, Employer, Person, User


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
    #: Past its due date: how late, in the unit its rule counts in ("working" / "calendar"),
    #: the same figure the monthly report prints (casemgr.deadlines.lateness).
    late_days: int | None = None
    late_unit: str | None = None


@dataclass(frozen=True)
class Board:
    """The dashboard's sections. Each list is capped; ``counts`` are exact unless the board
    was asked for with a ``count_limit``, and then ``more[name]`` says the count stopped
    there ("99+")."""

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
    more: dict[str, bool] = field(default_factory=dict)
    loaded: tuple[str, ...] = ()  # the sections whose rows were fetched

    def count_text(self, name: str) -> str:
        """The badge: the count, or "99+" when it stopped at the limit."""
        n = self.counts.get(name, 0)
        return f"{n}+" if self.more.get(name) else str(n)


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
    sections: Sequence[str] | None = None,
    count_limit: int | None = None,
) -> Board:
    """``casemgr.deadlines.board.board`` with display columns, for the dashboard table.

    ``cap`` limits the rows of each section; ``sections`` names the sections that get rows
    (``None``: all; the dashboard asks for the tab on screen); ``count_limit`` lets the
    counts stop there ("99+" on a badge; ``None``: exact).
    """
    today = today or clock.today()
    wanted = BOARD_SECTIONS if sections is None else tuple(n for n in BOARD_SECTIONS if n in sections)
    b = board_mod.board(
        session,
        today=today,
        user_id=user_id,
        district=district,
        within_working_days=within_working_days,
        limit=max(cap, 1),
        count_limit=count_limit,
        sections=wanted if cap > 0 else (),
    )
    by_name = {name: getattr(b, name) for name in BOARD_SECTIONS}
    kept = {name: sec.rows[:cap] for name, sec in by_name.items()}
    case_ids = sorted({r.case_id for rows in kept.values() for r in rows})
    extra = _board_display(session, case_ids)
    cal = calendar_for(session)
    all_rules = rules_mod.all_rules(session)
    # Per-case rows (green channel, 挂牌督办) carry only the earliest due date: name its clock.
    per_case = sorted(
        {(r.case_id, r.due_on) for rows in kept.values() for r in rows if r.deadline_id is None}
    )
    clocks = _earliest_clocks(session, per_case)

    def left(due: dt.date) -> int | None:
        try:
            if due >= today:
                return int(cal.working_days_between(today, due))
            return -int(cal.working_days_between(due, today))
        except CalendarError:
            return None

    def entry(r: Any) -> BoardEntry:
        c = extra.get(r.case_id)
        code, state = r.rule_code, r.state
        if r.deadline_id is None:  # stays None: a per-case row (the engine's contract)
            _did, code, state = clocks.get((r.case_id, r.due_on), (None, None, None))
        spec = all_rules.get(code) if code else None
        late, unit = late_by(cal, spec.day_type if spec else None, r.due_on, today)
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
            rule_code=code,
            rule_name_zh=r.rule_name_zh or (spec.name_zh if spec else None),
            rule_name_en=r.rule_name_en or (spec.name_en if spec else None),
            state=state,
            working_days_left=left(r.due_on),
            worker_name=c[0] if c else None,
            employer_name=c[1] if c else None,
            assigned_to=c[2] if c else None,
            extension_requested=r.extension_requested_on is not None,
            provisional=r.provisional,
            provisional_zh=r.provisional_zh,
            provisional_en=r.provisional_en,
            late_days=late or None,
            late_unit=unit if late else None,
        )

    warning = b.calendar_warning
    return Board(
        today=today,
        counts={name: sec.count for name, sec in by_name.items()},
        calendar_warning=(warning.zh, warning.en) if warning else None,
        more={name: sec.more for name, sec in by_name.items()},
        loaded=wanted if cap > 0 else (),
        **{name: tuple(entry(r) for r in rows) for name, rows in kept.items()},
    )


def _earliest_clocks(
    session: Session, per_case: Sequence[tuple[int, dt.date]]
) -> dict[tuple[int, dt.date], tuple[int, str, str]]:
    """(case, due date) -> (clock id, rule code, state) of the case's active clock due then
    (the earliest, which the board's per-case sections list): one query for the page."""
    if not per_case:
        return {}
    wanted = set(per_case)
    rows = session.execute(
        select(Deadline.id, Deadline.case_id, Deadline.due_on, Deadline.rule_code, Deadline.state)
        .where(Deadline.case_id.in_(sorted({c for c, _ in per_case})), board_mod.ACTIVE_SQL)
        .order_by(Deadline.case_id, Deadline.due_on, Deadline.id)
    ).all()
    out: dict[tuple[int, dt.date], tuple[int, str, str]] = {}
    for did, cid, due, code, state in rows:
        if (cid, due) in wanted and (cid, due) not in out:
            out[(cid, due)] = (did, code, state)
    return out


def _board_display(session: Session, ids: Sequence[int]) -> dict[int, tuple[str | None, ...]]:
    """(worker, employer, handler) of the board's cases: the three names the table adds,
    in one query of plain columns (loading whole case rows for a thousand entries was a
    third of the city board's time); the statement is built once."""
    if not ids:
        return {}
    return {cid: (w, e, u) for cid, w, e, u in session.execute(_board_display_stmt(), {"ids": list(ids)})}


@functools.cache
def _board_display_stmt() -> Select[Any]:
    cp = aliased(CaseParty)
    worker = (
        select(Person.name)
        .join(cp, cp.person_id == Person.id)
        .where(
            cp.case_id == Case.id,
            cp.role.in_((PartyRole.APPLICANT.value, PartyRole.COMPLAINANT.value)),
            # Never a reporter, nor the complainant an older version stored on a 举报: lists
            # show no reporter to anyone (casemgr.privacy).
            not_(privacy.confidential_link(Case, cp)),
        )
        .order_by(cp.id)
        .limit(1)
        .scalar_subquery()
    )
    return (
        select(Case.id, worker, Employer.name, User.display_name)
        .outerjoin(Employer, Employer.id == Case.employer_id)
        .outerjoin(User, User.id == Case.assigned_user_id)
        .where(Case.id.in_(bindparam("ids", expanding=True)))
    )
