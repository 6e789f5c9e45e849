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
  running. Overlapping exclusions (a suspension during a 公告 period) are counted twice;
  record them one after the other.
* A restart (补正, 变更请求, 反申请, 追加, 移送) counts afresh from the new start: completed
  pauses are dropped, an approved extension is kept (it is granted once per clock).
* Stopping a clock on or before its due date marks it ``met``; after it, ``breached``.
  A running clock past its due date stays ``running`` (it is what the board calls overdue)
  until the case acts.
* Rule edits by an administrator apply to a running clock from its next recomputation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy.orm import Session

from casemgr.deadlines import rules as rules_mod
from casemgr.deadlines.calendar import Calendar, calendar_for
from casemgr.deadlines.rules import RuleSpec
from casemgr.enums import DeadlineState
from casemgr.errors import ValidationError
from casemgr.models import Case, Deadline
from casemgr.services.context import Actor

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


def recompute(session: Session, d: Deadline) -> None:
    r = rules_mod.rule(session, d.rule_code)
    cal = calendar_for(session)
    anchor = d.base_due_on if r.anchor == "due_field" else None
    if r.anchor == "before_field":
        return  # fixed by the hearing date; rescheduling starts a new clock
    base, due = compute_due(cal, r, d.started_on, anchor, d.paused_days, d.extended_days)
    d.base_due_on = base
    d.due_on = due


# --------------------------------------------------------------------------- operations on a case


def active_deadlines(case: Case, codes: Iterable[str] | None = None) -> list[Deadline]:
    wanted = set(codes) if codes is not None else None
    return [d for d in case.deadlines if d.state in ACTIVE and (wanted is None or d.rule_code in wanted)]


def _group_codes(session: Session, case: Case, group: str) -> set[str]:
    return {r.code for r in rules_mod.all_rules(session).values() if r.kind == case.kind and r.group == group}


def start_rule(
    session: Session, case: Case, r: RuleSpec, on: dt.date, *, anchor: dt.date | None = None
) -> Deadline:
    cal = calendar_for(session)
    base, due = compute_due(cal, r, on, anchor, 0, 0)
    d = Deadline(
        case_id=case.id,
        rule_code=r.code,
        started_on=on,
        base_due_on=base,
        due_on=due,
        state=DeadlineState.RUNNING.value,
        paused_days=0,
        extended_days=0,
    )
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


def _finish(d: Deadline, on: dt.date) -> None:
    d.finished_on = on
    if d.state == DeadlineState.PAUSED.value:
        d.paused_on = None
    d.state = (DeadlineState.MET if on <= d.due_on else DeadlineState.BREACHED).value


def stop_group(session: Session, case: Case, group: str, on: dt.date) -> list[Deadline]:
    ds = active_deadlines(case, _group_codes(session, case, group))
    for d in ds:
        _finish(d, on)
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


def resume_group(session: Session, case: Case, group: str, on: dt.date) -> list[Deadline]:
    cal = calendar_for(session)
    ds = [d for d in active_deadlines(case, _group_codes(session, case, group)) if d.state == "paused"]
    for d in ds:
        r = rules_mod.rule(session, d.rule_code)
        assert d.paused_on is not None
        if on < d.paused_on:
            raise ValidationError(
                "恢复日期不能早于中止日期。", "The resumption date is before the pause.", field="on"
            )
        d.paused_days += span(cal, r, d.paused_on, on)
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
        d.state = DeadlineState.RUNNING.value
        recompute(session, d)
    started = start_group(session, case, group, on)
    return ds + started


def exclude_interval(session: Session, case: Case, start: dt.date, end: dt.date) -> list[Deadline]:
    """公告送达: the publication period (start, end] does not count on clocks that exclude it."""
    cal = calendar_for(session)
    out: list[Deadline] = []
    for d in active_deadlines(case):
        r = rules_mod.rule(session, d.rule_code)
        if not r.pause_public_notice:
            continue
        if start < d.started_on:
            continue
        d.paused_days += span(cal, r, start, end)
        recompute(session, d)
        out.append(d)
    return out


def extend(session: Session, d: Deadline, days: int) -> None:
    d.extended_days += days
    recompute(session, d)


def stop_all(session: Session, case: Case, on: dt.date) -> list[Deadline]:
    """The case closed: its clocks are met or breached; a party's running period is cancelled."""
    ds = active_deadlines(case)
    for d in ds:
        r = rules_mod.rule(session, d.rule_code)
        if r.party_period:
            d.state = DeadlineState.CANCELLED.value
            d.finished_on = on
            d.paused_on = None
        else:
            _finish(d, on)
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
