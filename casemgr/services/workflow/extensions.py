"""Extensions of a statutory period: the clerk asks, a supervisor approves once, in writing."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from casemgr import permissions, validation
from casemgr.actor import Actor
from casemgr.deadlines import clocks
from casemgr.deadlines import rules as rules_mod
from casemgr.enums import EventKind
from casemgr.errors import NotFoundError, ValidationError, WorkflowError
from casemgr.models import Case, Deadline, utcnow
from casemgr.services import cases
from casemgr.services.workflow.common import audit_case, clean_on


def _deadline_of(case: Case, deadline_id: int) -> Deadline:
    d = next((x for x in case.deadlines if x.id == deadline_id), None)
    if d is None:
        raise NotFoundError("该期限不属于本案。", "No such deadline on this case.")
    return d


def request_extension(
    session: Session,
    actor: Actor,
    case_id: int,
    deadline_id: int,
    reason: str,
    *,
    expected_version: int | None,
    on: dt.date | None = None,
) -> Deadline:
    """The clerk asks for the extension; it shows on the supervisor's board until decided."""
    case = cases.load_case_for_update(session, case_id, expected_version)
    permissions.require(actor, "case.transition", case.kind)
    d = _deadline_of(case, deadline_id)
    r = rules_mod.rule(session, d.rule_code)
    text = validation.clean_text(reason, "reason", max_len=2000)
    on = clean_on(case, on)
    if not r.extension_days:
        raise WorkflowError(
            f"“{r.name_zh}”不能延长。", f"'{r.name_en}' cannot be extended.", field="deadline"
        )
    if d.state not in clocks.ACTIVE or d.extension_approved_by_id is not None or d.extension_requested_on:
        raise WorkflowError(
            "该期限已申请或已批准延长。", "An extension was already requested or granted.", field="deadline"
        )
    d.extension_requested_on = on
    d.note = text
    cases.touch(case, actor)
    cases.flush_or_conflict(session, case)
    cases.add_event(
        session,
        case,
        actor,
        EventKind.CLOCK,
        occurred_on=on,
        action="extension_requested",
        data={"deadline_id": d.id, "rule": d.rule_code},
        note=text,
    )
    audit_case(
        session, actor, "deadline.extension_requested", case, None, {"deadline_id": d.id, "reason": text}
    )
    return d


def approve_extension(
    session: Session,
    actor: Actor,
    case_id: int,
    deadline_id: int,
    days: int,
    reason: str,
    expected_version: int | None,
    *,
    on: dt.date | None = None,
) -> Deadline:
    """A supervisor's written approval (Law Art. 43, 条例 Art. 17, 粤条例 Art. 44): once, ≤ the rule's maximum."""
    case = cases.load_case_for_update(session, case_id, expected_version)
    permissions.require(actor, "deadline.approve_extension", case.kind)
    d = _deadline_of(case, deadline_id)
    r = rules_mod.rule(session, d.rule_code)
    text = validation.clean_text(reason, "reason", max_len=2000)
    on = clean_on(case, on)
    if not r.extension_days:
        raise WorkflowError(
            f"“{r.name_zh}”不能延长。", f"'{r.name_en}' cannot be extended.", field="deadline"
        )
    if d.extension_approved_by_id is not None or d.extended_days:
        raise WorkflowError("延长只能批准一次。", "An extension can be approved only once.", field="deadline")
    if d.state not in clocks.ACTIVE:
        raise WorkflowError("该期限已结束。", "This deadline is no longer running.", field="deadline")
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= r.extension_days:
        raise ValidationError(
            f"延长天数应为 1 至 {r.extension_days}。",
            f"The extension must be 1 to {r.extension_days} days.",
            field="days",
        )
    before = {"deadline_id": d.id, "due_on": d.due_on, "extended_days": d.extended_days}
    clocks.extend(session, d, days)
    d.extension_approved_by_id = actor.user_id
    d.extension_approved_at = utcnow()
    d.extension_requested_on = d.extension_requested_on or on
    d.note = text
    cases.touch(case, actor)
    cases.flush_or_conflict(session, case)
    cases.add_event(
        session,
        case,
        actor,
        EventKind.CLOCK,
        occurred_on=on,
        action="extension_approved",
        data={"deadline_id": d.id, "rule": d.rule_code, "days": days, "due_on": d.due_on},
        note=text,
    )
    audit_case(
        session,
        actor,
        "deadline.extension_approved",
        case,
        before,
        {"deadline_id": d.id, "due_on": d.due_on, "extended_days": d.extended_days, "reason": text},
    )
    return d
