"""Limitation warnings as the clerk meets them: in the registration form and on the case file.

The rule is ``casemgr.deadlines.limitation`` (调解仲裁法 Art. 27, 劳动保障监察条例 Art. 20); here
it gets the working-day calendar (a last day on a holiday moves to the next working day) and
the facts it needs are recorded — the day the party knew, the latest interruption, the end
of employment or of the violation — each change audited. Warnings, never refusals: whether
a claim is time-barred is for the commission (a party must raise it) or the bureau.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from casemgr import audit, permissions, validation
from casemgr.actor import Actor
from casemgr.deadlines.limitation import (
    LimitationWarning,
    limitation_warnings,
    next_working_day_of,
    warnings_for_case,
)
from casemgr.enums import CaseKind, EventKind
from casemgr.errors import ValidationError
from casemgr.models import Case
from casemgr.services import cases
from casemgr.snapshots import case_snapshot
from casemgr.workflow.records import INTERRUPTION_GROUNDS

__all__ = ["INTERRUPTION_GROUNDS", "preview", "record_limitation", "warnings_for"]


def preview(session: Session, actor: Actor, data: cases.CaseInput) -> list[LimitationWarning]:
    """The warnings the registration form shows while the clerk types (nothing is stored)."""
    permissions.require(actor, "case.register", data.kind)
    if not isinstance(data.received_on, dt.date):
        return []
    return limitation_warnings(
        CaseKind(data.kind).value,
        data.received_on,
        data.employment_ended_on,
        data.violation_on,
        knew_on=data.knew_on,
        interrupted_on=data.limitation_interrupted_on,
        claim_types=[c.claim_type for c in data.claims],
        next_working_day=next_working_day_of(session),
    )


def warnings_for(session: Session, case: Case) -> list[LimitationWarning]:
    return warnings_for_case(case, next_working_day_of(session))


def record_limitation(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    expected_version: int | None,
    on: dt.date,
    employment_ended_on: dt.date | None = None,
    knew_on: dt.date | None = None,
    interrupted_on: dt.date | None = None,
    ground: str | None = None,
    suspended_from: dt.date | None = None,
    suspended_to: dt.date | None = None,
    violation_on: dt.date | None = None,
    note: str | None = None,
) -> Case:
    """Record the facts the limitation counts from (only those given change).

    An interruption needs its ground (a demand on the other side, relief sought from an
    authority, the other side agreeing to perform); the latest one counts. A suspension
    (Art. 27 ¶3) is its cause's first day and, once known, the day it ended; the end may
    be recorded later, on its own.
    """
    case = cases.load_case_for_update(session, case_id, expected_version)
    permissions.require(actor, "case.edit", case.kind)
    kind = CaseKind(case.kind)
    given = {
        "employment_ended_on": employment_ended_on,
        "knew_on": knew_on,
        "limitation_interrupted_on": interrupted_on,
        "limitation_suspended_from": suspended_from,
        "limitation_suspended_to": suspended_to,
        "violation_on": violation_on,
    }
    allowed = {"violation_on"} if kind is CaseKind.INSPECTION else set(given) - {"violation_on"}
    changes: dict[str, object] = {}
    for name, value in given.items():
        if value is None:
            continue
        if name not in allowed:
            raise validation.fail(name, "不适用于此类案件", "does not apply to this kind of case")
        day = validation.clean_date(value, name, not_after=on)
        if name in ("knew_on", "limitation_interrupted_on") and day is not None and day > case.received_on:
            raise validation.fail(name, "不能晚于收案日期", "cannot be after the date received")
        changes[name] = day
    start = changes.get("limitation_suspended_from", case.limitation_suspended_from)
    end = changes.get("limitation_suspended_to", case.limitation_suspended_to)
    if end is not None and (start is None or end < start):
        raise validation.fail(
            "suspended_to",
            "中止事由消除之日须在其发生之日当日或之后",
            "must be on or after the day the cause began",
        )
    if "limitation_interrupted_on" in changes and ground not in INTERRUPTION_GROUNDS:
        raise validation.fail("ground", "请选择时效中断事由", "choose what interrupted the limitation")
    if not changes:
        raise ValidationError(
            "请至少填写一个日期。",
            "Enter at least one date.",
            field="knew_on" if allowed != {"violation_on"} else "violation_on",
        )
    text = validation.clean_text(note, "note", max_len=2000, required=False)
    before = case_snapshot(case) | {k: getattr(case, k) for k in changes}
    for name, day in changes.items():
        setattr(case, name, day)
    cases.touch(case, actor)
    cases.flush_or_conflict(session, case)
    cases.add_event(
        session,
        case,
        actor,
        EventKind.NOTE,
        occurred_on=on,
        action="limitation",
        data={**changes, "ground": ground if "limitation_interrupted_on" in changes else None},
        note=text,
    )
    audit.record(
        session,
        user_id=actor.user_id,
        username=actor.username,
        action="case.limitation",
        entity="case",
        entity_id=case.id,
        before=before,
        after=case_snapshot(case) | changes | {"ground": ground, "note": text},
    )
    return case
