"""Stored statutory clocks: one ``Deadline`` row per running period of a case.

The engine never counts "days left" on the fly over all cases: every event that affects a
clock (start, stop, pause, resume, restart, extension, 公告送达) recomputes that clock's
``due_on`` and stores it, so the deadline board is one indexed range query on
``(state, due_on)``.

Counting model (legal-rules §2.1, §2.3, §7):

* ``due_on = add(started_on, length + paused_days + extended_days)`` in the rule's unit,
  where ``add`` is ``add_working_days`` or ``add_calendar_days`` (rolled to the next working
  day only at the end). A pause therefore moves the due date by exactly the paused amount
  *in the clock's unit*: calendar days for calendar-day clocks, working days for
  working-day clocks.
* A pause from P to R excludes the days in (P, R]; the pausing day itself was already
  running. Every completed pause and every 公告 period is kept as an interval in
  ``Deadline.basis``, and the excluded amount is counted over the *union* of the
  intervals, so a suspension during a 公告 period is not counted twice.
* Provisional dates: when a count reaches into a year the working-day calendar does not
  cover, the clock is still stored, counted as if that year had only weekends, and
  flagged ``provisional`` (shown as "暂定：2027年节假日安排尚未导入"). Importing the year
  recomputes every provisional clock (``services.deadline_admin.recompute_provisional``). The public calendar
  API keeps raising :class:`~casemgr.errors.CalendarError` for such a year.
* A restart (补正, 变更请求, 反申请, 追加, 移送) counts afresh from the new start: completed
  pauses are dropped, an approved extension is kept (it is granted once per clock).
* Stopping a clock on or before its due date marks it ``met``; after it, ``breached``.
  A running clock past its due date stays ``running`` (it is what the board calls overdue)
  until the case acts.
* Rule edits by an administrator apply to a running clock from its next recomputation.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from sqlalchemy.orm import Session

from casemgr.actor import Actor
from casemgr.deadlines import rules as rules_mod
from casemgr.deadlines.calendar import Calendar, calendar_for, provisional_note_between
from casemgr.deadlines.rules import RuleSpec
from casemgr.enums import DeadlineState
from casemgr.errors import CalendarError, ValidationError
from casemgr.models import Case, Deadline

T = TypeVar("T")

ACTIVE = (DeadlineState.RUNNING.value, DeadlineState.PAUSED.value)


# --------------------------------------------------------------------------- pure computation


def shift(cal: Calendar, r: RuleSpec, start: dt.date, n: int) -> dt.date:
    """``start`` moved forward ``n`` units of the rule (start day not counted)."""
    if r.working:
        return cal.add_working_days(start, n)
    return cal.add_calendar_days(start, n)


def span(cal: Calendar, r: RuleSpec, start: dt.date, end: dt.date) -> int:
    """How many of the rule's units lie in (start, end]: what a pause from start to end excludes."""
    if end <= start:
        return 0
    if r.working:
        return cal.working_days_between(start, end)
    return (end - start).days


def merge_intervals(intervals: Iterable[tuple[dt.date, dt.date]]) -> list[tuple[dt.date, dt.date]]:
    """The union of half-open day intervals (P, R], as disjoint intervals in order.

    (a, b] and (c, d] with c <= b overlap or touch, so they merge into (a, max(b, d)].
    """
    out: list[tuple[dt.date, dt.date]] = []
    for a, b in sorted((a, b) for a, b in intervals if b > a):
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def excluded_units(cal: Calendar, r: RuleSpec, intervals: Iterable[tuple[dt.date, dt.date]]) -> int:
    """The rule's units excluded by the union of the pause intervals (never counted twice)."""
    return sum(span(cal, r, a, b) for a, b in merge_intervals(intervals))


def compute_due(
    cal: Calendar, r: RuleSpec, started_on: dt.date, anchor: dt.date | None, paused: int, extended: int
) -> tuple[dt.date, dt.date]:
    """(base_due_on, due_on) for a clock of rule ``r``."""
    if r.anchor == "due_field":
        if anchor is None:
            raise ValueError(f"rule {r.code} needs the date of {r.anchor_field}")
        base = anchor
        k = paused + extended
        return base, (shift(cal, r, base, k) if k else base)
    if r.anchor == "before_field":
        if anchor is None:
            raise ValueError(f"rule {r.code} needs the date of {r.anchor_field}")
        # Conservative reading of "开庭五日前": the n working days after service all fall
        # before the hearing day, so the last day to serve is the (n+1)-th working day before it.
        base = cal.subtract_working_days(anchor, r.length + 1)
        return base, base
    base = shift(cal, r, started_on, r.length)
    k = paused + extended
    return base, (shift(cal, r, started_on, r.length + k) if k else base)


@dataclass
class Basis:
    """What a clock's due date is computed from, stored as JSON in ``Deadline.basis``.

    ``carried`` holds excluded units recorded before intervals were kept (rows older than
    revision 0002); ``anchor`` is the date a ``due_field``/``before_field`` rule counts from.
    """

    intervals: list[tuple[dt.date, dt.date]] = field(default_factory=list)
    carried: int = 0
    anchor: dt.date | None = None

    @classmethod
    def of(cls, d: Deadline) -> Basis:
        if not d.basis:
            return cls(carried=d.paused_days or 0)
        raw = json.loads(d.basis)
        return cls(
            intervals=[
                (dt.date.fromisoformat(a), dt.date.fromisoformat(b)) for a, b in raw.get("pauses", [])
            ],
            carried=int(raw.get("carried", 0)),
            anchor=dt.date.fromisoformat(raw["anchor"]) if raw.get("anchor") else None,
        )

    def store(self, d: Deadline) -> None:
        d.basis = json.dumps(
            {
                "pauses": [[a.isoformat(), b.isoformat()] for a, b in self.intervals],
                "carried": self.carried,
                "anchor": self.anchor.isoformat() if self.anchor else None,
            },
            sort_keys=True,
        )


def _anchor_of(r: RuleSpec, d: Deadline, b: Basis) -> dt.date | None:
    if r.anchor == "start":
        return None
    if b.anchor is not None:
        return b.anchor
    # Rows from before revision 0002: a due_field clock's anchor is its base date.
    return d.base_due_on if r.anchor == "due_field" else None


def _derive(cal: Calendar, r: RuleSpec, d: Deadline, b: Basis) -> tuple[int, dt.date, dt.date]:
    paused = b.carried + excluded_units(cal, r, b.intervals)
    base, due = compute_due(cal, r, d.started_on, _anchor_of(r, d, b), paused, d.extended_days)
    return paused, base, due


def with_provisional_fallback(cal: Calendar, fn: Callable[[Calendar], T]) -> tuple[T, bool]:
    """Run ``fn(cal)``; when the calendar runs out, run it again counting weekends only and
    say the result is provisional. Only ``calendar_year_missing`` falls back.

    Public because the bulk import counts its clocks with it too."""
    try:
        return fn(cal), False
    except CalendarError as exc:
        if exc.code != "calendar_year_missing":
            raise
        return fn(cal.provisional()), True


def recompute(session: Session, d: Deadline) -> None:
    """Derive the due date from the stored basis; flag it provisional when the calendar ran out."""
    r = rules_mod.rule(session, d.rule_code)
    b = Basis.of(d)
    if r.anchor == "before_field" and _anchor_of(r, d, b) is None:
        return  # a pre-0002 row without its hearing date: rescheduling starts a new clock
    result, provisional = with_provisional_fallback(calendar_for(session), lambda c: _derive(c, r, d, b))
    d.paused_days, d.base_due_on, d.due_on = result
    d.provisional = provisional


def provisional_note(session: Session, d: Deadline) -> tuple[str, str] | None:
    """(zh, en) naming the missing year when ``d`` is provisional, else None."""
    if not d.provisional:
        return None
    return provisional_note_between(calendar_for(session), d.started_on, d.due_on)


# --------------------------------------------------------------------------- operations on a case


def active_deadlines(case: Case, codes: Iterable[str] | None = None) -> list[Deadline]:
    wanted = set(codes) if codes is not None else None
    return [d for d in case.deadlines if d.state in ACTIVE and (wanted is None or d.rule_code in wanted)]


def _group_codes(session: Session, case: Case, group: str) -> set[str]:
    return {r.code for r in rules_mod.all_rules(session).values() if r.kind == case.kind and r.group == group}


def start_rule(
    session: Session, case: Case, r: RuleSpec, on: dt.date, *, anchor: dt.date | None = None
) -> Deadline:
    (base, due), provisional = with_provisional_fallback(
        calendar_for(session), lambda c: compute_due(c, r, on, anchor, 0, 0)
    )
    d = Deadline(
        case_id=case.id,
        rule_code=r.code,
        started_on=on,
        base_due_on=base,
        due_on=due,
        state=DeadlineState.RUNNING.value,
        paused_days=0,
        extended_days=0,
        provisional=provisional,
    )
    Basis(anchor=anchor if r.anchor != "start" else None).store(d)
    case.deadlines.append(d)
    session.flush()
    return d


def start_group(
    session: Session, case: Case, group: str, on: dt.date, *, anchor: dt.date | None = None
) -> list[Deadline]:
    """Start the group's selected rules; a rule already running is left alone (idempotent)
    unless it is anchored on a date (a new hearing date replaces the old notice clock)."""
    out: list[Deadline] = []
    for r in rules_mod.rules_in_group(session, case, group, on=on):
        current = active_deadlines(case, [r.code])
        if current and r.anchor == "start":
            continue
        for d in current:
            d.state = DeadlineState.CANCELLED.value
            d.finished_on = on
        out.append(start_rule(session, case, r, on, anchor=anchor))
    return out


def verdict(finished_on: dt.date, due_on: dt.date) -> str:
    """The state of a clock the case stopped on ``finished_on``: met on or before its due
    date, breached after it. One definition for the engine, the bulk import and the
    recomputation of provisional clocks."""
    return (DeadlineState.MET if finished_on <= due_on else DeadlineState.BREACHED).value


def finish(d: Deadline, on: dt.date) -> None:
    """The case acted on ``on``: the clock stops, met or breached (see :func:`verdict`)."""
    d.finished_on = on
    if d.state == DeadlineState.PAUSED.value:
        d.paused_on = None
    d.state = verdict(on, d.due_on)


def stop_group(session: Session, case: Case, group: str, on: dt.date) -> list[Deadline]:
    ds = active_deadlines(case, _group_codes(session, case, group))
    for d in ds:
        finish(d, on)
    return ds


def cancel_group(session: Session, case: Case, group: str, on: dt.date) -> list[Deadline]:
    ds = active_deadlines(case, _group_codes(session, case, group))
    for d in ds:
        d.state = DeadlineState.CANCELLED.value
        d.finished_on = on
        d.paused_on = None
    return ds


def pause_group(session: Session, case: Case, group: str, on: dt.date) -> list[Deadline]:
    ds = [d for d in active_deadlines(case, _group_codes(session, case, group)) if d.state == "running"]
    for d in ds:
        d.state = DeadlineState.PAUSED.value
        d.paused_on = on
    return ds


def _add_interval(d: Deadline, start: dt.date, end: dt.date) -> None:
    b = Basis.of(d)
    b.intervals.append((start, end))
    b.store(d)


def resume_group(session: Session, case: Case, group: str, on: dt.date) -> list[Deadline]:
    ds = [d for d in active_deadlines(case, _group_codes(session, case, group)) if d.state == "paused"]
    for d in ds:
        assert d.paused_on is not None
        if on < d.paused_on:
            raise ValidationError(
                "恢复日期不能早于中止日期。", "The resumption date is before the pause.", field="on"
            )
        _add_interval(d, d.paused_on, on)
        d.paused_on = None
        d.state = DeadlineState.RUNNING.value
        recompute(session, d)
    return ds


def restart_group(session: Session, case: Case, group: str, on: dt.date) -> list[Deadline]:
    """Count the group's clocks afresh from ``on``; start any selected rule not yet running."""
    ds = active_deadlines(case, _group_codes(session, case, group))
    for d in ds:
        d.started_on = on
        d.paused_days = 0
        d.paused_on = None
        b = Basis.of(d)
        Basis(anchor=b.anchor).store(d)
        d.state = DeadlineState.RUNNING.value
        recompute(session, d)
    started = start_group(session, case, group, on)
    return ds + started


def exclude_interval(session: Session, case: Case, start: dt.date, end: dt.date) -> list[Deadline]:
    """公告送达: the publication period (start, end] does not count on clocks that exclude it."""
    out: list[Deadline] = []
    for d in active_deadlines(case):
        r = rules_mod.rule(session, d.rule_code)
        if not r.pause_public_notice:
            continue
        if start < d.started_on:
            continue
        _add_interval(d, start, end)
        recompute(session, d)
        out.append(d)
    return out


def extend(session: Session, d: Deadline, days: int) -> None:
    d.extended_days += days
    recompute(session, d)


def stop_all(session: Session, case: Case, on: dt.date) -> list[Deadline]:
    """The case closed: its clocks are met or breached; a party's running period is cancelled.

    A clock of an ``after_close`` rule keeps running: serving the decision and deciding on
    the blacklist are duties that start or continue once the case is closed.
    """
    ds = []
    for d in active_deadlines(case):
        r = rules_mod.rule(session, d.rule_code)
        if r.after_close:
            continue
        ds.append(d)
        if r.party_period:
            d.state = DeadlineState.CANCELLED.value
            d.finished_on = on
            d.paused_on = None
        else:
            finish(d, on)
    return ds


def refresh_for_flags(session: Session, case: Case, on: dt.date) -> None:
    """After a flag change (green channel, collective): start newly selected rules of the groups
    that are running, from the same start as their siblings; cancel rules no longer selected."""
    facts = rules_mod.case_facts(session, case, on)
    active = active_deadlines(case)
    by_group: dict[str, list[Deadline]] = {}
    for d in active:
        by_group.setdefault(rules_mod.rule(session, d.rule_code).group, []).append(d)
    for d in active:
        if not rules_mod.selects(rules_mod.rule(session, d.rule_code), facts):
            d.state = DeadlineState.CANCELLED.value
            d.finished_on = on
            d.paused_on = None
    if case.closed_on is None:
        _start_flagged(session, case, facts, on)
    for group, ds in by_group.items():
        sibling = next((d for d in ds if d.state in ACTIVE), None)
        if sibling is None:
            continue
        have = {d.rule_code for d in ds}
        for r in rules_mod.rules_in_group(session, case, group, on=on):
            if r.code in have or r.anchor != "start":
                continue
            nd = start_rule(session, case, r, sibling.started_on)
            if sibling.state == DeadlineState.PAUSED.value:
                nd.state = DeadlineState.PAUSED.value
                nd.paused_on = sibling.paused_on


def _start_flagged(session: Session, case: Case, facts: dict[str, object], on: dt.date) -> None:
    """Start each ``start_on: flagged`` rule the flags now select and that never ran on this
    case (a clock that ran and was cancelled when the flag was cleared starts afresh)."""
    ran = {d.rule_code for d in case.deadlines if d.state != DeadlineState.CANCELLED.value}
    for r in rules_mod.all_rules(session).values():
        if (
            r.kind == case.kind
            and r.start_on == "flagged"
            and r.code not in ran
            and rules_mod.selects(r, facts)
        ):
            start_rule(session, case, r, on)


def on_case_registered(session: Session, case: Case, actor: Actor) -> list[Deadline]:
    """Called by ``register_case``: start the clocks that run from receipt."""
    out = [
        start_rule(session, case, r, case.received_on)
        for r in rules_mod.rules_started_on_receipt(session, case)
    ]
    return out


# --------------------------------------------------------------------------- reminders


def reminder_level(cal: Calendar, due_on: dt.date, today: dt.date, leads: Iterable[int]) -> str | None:
    """ "breached" past the due date, "due_today", "lead_N" within N working days (smallest N), else None."""
    if today > due_on:
        return "breached"
    if today == due_on:
        return "due_today"
    left = cal.working_days_between(today, due_on)
    for n in sorted(leads):
        if left <= n:
            return f"lead_{n}"
    return None
