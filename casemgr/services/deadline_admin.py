"""The administrator's changes to the deadline engine: a year's holiday notice, the rules.

Why here and not in ``casemgr.deadlines``: each is a use case like any other service — the
``settings.edit`` permission first, an audit entry in the same transaction — while the
engine below only counts and stores clocks. Importing a year is also the one change that
reaches back into clocks already running: every clock counted on a weekend-only guess
(``provisional``) is recomputed on the real calendar (:func:`recompute_provisional`).
Callers that write calendar overrides any other way must call that themselves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import asdict, replace
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from casemgr import audit, permissions
from casemgr.actor import Actor
from casemgr.deadlines import calendar, clocks, rules
from casemgr.enums import CalendarDayType, DayType, DeadlineState
from casemgr.errors import CalendarError, ValidationError
from casemgr.models import CalendarOverride, Deadline, DeadlineRule, utcnow

# --------------------------------------------------------------------------- the calendar


def import_year(
    session: Session,
    actor: Actor,
    year: int,
    *,
    holidays: Iterable[dt.date],
    workdays: Iterable[dt.date],
    note: str | None = None,
) -> int:
    """An administrator enters a year's State Council notice: its days off on weekdays and its
    make-up working days. Replaces that year's earlier overrides; audited. Returns the rows written."""
    permissions.require(actor, "settings.edit")
    hs, ws = sorted(set(holidays)), sorted(set(workdays))
    for d in (*hs, *ws):
        if d.year != year:
            raise CalendarError(
                f"{d.isoformat()} 不属于 {year} 年。", f"{d.isoformat()} is not in {year}.", field="day"
            )
    if not hs:
        raise CalendarError(
            f"{year} 年至少应有一个放假日。", f"{year} needs at least one holiday.", field="holidays"
        )
    if set(hs) & set(ws):
        raise CalendarError(
            "同一天不能既放假又上班。", "A day cannot be both off and a working day.", field="day"
        )
    before = [
        d.isoformat()
        for d in session.execute(
            select(CalendarOverride.day).where(
                CalendarOverride.day.between(dt.date(year, 1, 1), dt.date(year, 12, 31))
            )
        ).scalars()
    ]
    session.execute(
        delete(CalendarOverride).where(
            CalendarOverride.day.between(dt.date(year, 1, 1), dt.date(year, 12, 31))
        )
    )
    for d in hs:
        session.add(CalendarOverride(day=d, day_type=CalendarDayType.HOLIDAY.value, note=note))
    for d in ws:
        session.add(CalendarOverride(day=d, day_type=CalendarDayType.WORKDAY.value, note=note))
    session.flush()
    calendar.forget_cached(session)
    audit.record(
        session,
        user_id=actor.user_id,
        username=actor.username,
        action="calendar.import_year",
        entity="calendar",
        entity_id=year,
        before={"days": before},
        after={"holidays": hs, "workdays": ws},
    )
    # Clocks counted on a weekend-only guess for this year now get their real date.
    recompute_provisional(session, actor)
    return len(hs) + len(ws)


def recompute_provisional(session: Session, actor: Actor) -> list[int]:
    """After a year's calendar was imported: recompute every provisional clock (open or not),
    audited per clock with the old and new due date. Returns the ids whose flag cleared.

    A finished clock is recomputed too and judged again on its new due date: the case acted
    on ``finished_on`` either way, and whether that was in time depends on the real
    calendar, not on the weekend-only guess (the audit entry keeps the old verdict).
    """
    permissions.require(actor, "settings.edit")
    ids = list(session.execute(select(Deadline.id).where(Deadline.provisional.is_(True))).scalars())
    cleared: list[int] = []
    for i in ids:
        d = session.get(Deadline, i)
        assert d is not None
        before = {"due_on": d.due_on, "base_due_on": d.base_due_on, "provisional": True, "state": d.state}
        clocks.recompute(session, d)
        if d.finished_on is not None and d.state in (DeadlineState.MET.value, DeadlineState.BREACHED.value):
            d.state = clocks.verdict(d.finished_on, d.due_on)
        if not d.provisional:
            cleared.append(d.id)
        audit.record(
            session,
            user_id=actor.user_id,
            username=actor.username,
            action="deadline.recompute_provisional",
            entity="deadline",
            entity_id=d.id,
            before=before,
            after={
                "due_on": d.due_on,
                "base_due_on": d.base_due_on,
                "provisional": d.provisional,
                "state": d.state,
            },
        )
    session.flush()
    return cleared


# --------------------------------------------------------------------------- the rules


def rule_snapshot(r: rules.RuleSpec) -> dict[str, Any]:
    """The audited view of a rule: its fields, with the selector as the table stores it."""
    d = asdict(r)
    d.pop("when")
    d["selector"] = r.selector_json()
    return d


def seed_rules(session: Session, actor: Actor) -> list[str]:
    """Copy shipped rules missing from the table into it (idempotent); returns the codes added."""
    permissions.require(actor, "settings.edit")
    existing = set(session.execute(select(DeadlineRule.code)).scalars())
    added: list[str] = []
    for r in rules.default_rules():
        if r.code in existing:
            continue
        session.add(
            DeadlineRule(
                code=r.code,
                kind=r.kind,
                name_zh=r.name_zh,
                name_en=r.name_en,
                day_type=r.day_type,
                length=r.length,
                extension_days=r.extension_days,
                green_channel=r.green_channel,
                hard_limit=r.hard_limit,
                selector=r.selector_json(),
                citation=r.citation,
                active=r.active,
            )
        )
        added.append(r.code)
    if added:
        session.flush()
        audit.record(
            session,
            user_id=actor.user_id,
            username=actor.username,
            action="deadline_rule.seed",
            entity="deadline_rule",
            after={"codes": added},
        )
    rules.forget_cached(session)
    return added


def update_rule(session: Session, actor: Actor, code: str, **changes: Any) -> rules.RuleSpec:
    """An administrator tightens or loosens a rule; audited with before and after.

    New clocks use the new values at once; a running clock takes them at its next
    recomputation (a pause, restart or extension), as docs/deadlines.md tells the bureau.
    """
    permissions.require(actor, "settings.edit")
    bad = set(changes) - set(rules.EDITABLE)
    if bad:
        name = sorted(bad)[0]
        raise ValidationError(f"字段 {name} 不能修改。", f"Field {name} cannot be changed.", field=name)
    if "length" in changes and (not isinstance(changes["length"], int) or changes["length"] < 0):
        raise ValidationError(
            "期限天数必须是非负整数。", "The length must be a whole number ≥ 0.", field="length"
        )
    ext = changes.get("extension_days")
    if ext is not None and (not isinstance(ext, int) or ext < 0):
        raise ValidationError(
            "延长天数必须是非负整数。", "The extension must be a whole number ≥ 0.", field="extension_days"
        )
    if "day_type" in changes:
        changes["day_type"] = DayType(changes["day_type"]).value
    before = rules.rule(session, code)
    if session.execute(select(DeadlineRule.id).where(DeadlineRule.code == code)).first() is None:
        seed_rules(session, actor)
    row = session.execute(select(DeadlineRule).where(DeadlineRule.code == code)).scalar_one()
    for k, v in changes.items():
        setattr(row, k, v)
    row.updated_at = utcnow()
    session.flush()
    rules.forget_cached(session)
    after = rules.rule(session, code)
    audit.record(
        session,
        user_id=actor.user_id,
        username=actor.username,
        action="deadline_rule.update",
        entity="deadline_rule",
        entity_id=code,
        before=rule_snapshot(before),
        after=rule_snapshot(after),
    )
    return replace(after)
