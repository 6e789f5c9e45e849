"""Extensions of a statutory period: one person asks, another approves once, in writing.

The law names who approves: the arbitration commission's chair or the 仲裁院 head he
authorises (调解仲裁法 Art. 43, 办案规则 Art. 45), in inspection the head of the labour
bureau (劳动保障监察条例 Art. 17, 粤条例 Art. 44). Which accounts stand for them is the
bureau's dated setting ``extension_approvers.<kind>``; :func:`require_extension_approver`
is the one check every approval or refusal goes through, for every kind of case, and it
never lets the person who asked approve their own request. A refusal is written down with
its reason like an approval; the approver approves exactly the days typed (more than the
rule allows is refused, never cut down).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from casemgr import permissions, settings, validation
from casemgr.actor import Actor
from casemgr.deadlines import clocks
from casemgr.deadlines import rules as rules_mod
from casemgr.enums import CaseKind, EventKind
from casemgr.errors import NotFoundError, PermissionDenied, ValidationError, WorkflowError
from casemgr.models import Case, Deadline, Event, User, utcnow
from casemgr.services import cases
from casemgr.services.workflow.common import audit_case, clean_on


def _deadline_of(case: Case, deadline_id: int) -> Deadline:
    d = next((x for x in case.deadlines if x.id == deadline_id), None)
    if d is None:
        raise NotFoundError("该期限不属于本案。", "No such deadline on this case.")
    return d


@dataclass(frozen=True)
class ExtensionRequest:
    """The request an approver decides on (shown in the approval dialog)."""

    deadline_id: int
    requested_on: dt.date
    requested_by_id: int | None
    requested_by: str  # display name
    days: int | None  # None: as many as the rule allows
    reason: str


def approvers(session: Session, kind: CaseKind | str, on: dt.date) -> list[str]:
    """The configured approvers of ``kind`` on ``on``: "role:<role>" / "user:<username>"."""
    return [str(x) for x in settings.get(session, f"extension_approvers.{CaseKind(kind).value}", on)]


def require_extension_approver(
    session: Session, actor: Actor, kind: CaseKind | str, *, requested_by_id: int | None, on: dt.date
) -> None:
    """The one check of who may approve (or refuse) an extension, shared by every kind.

    The actor needs the approval permission, must be one of the bureau's configured
    approvers for ``kind`` (a role or a named account) and must not be the person who asked.
    """
    permissions.require(actor, "deadline.approve_extension", kind)
    allowed = approvers(session, kind, on)
    if f"role:{actor.role}" not in allowed and f"user:{actor.username}" not in allowed:
        names = "、".join(a.partition(":")[2] for a in allowed)
        raise PermissionDenied(
            f"本局规定的延期审批人为：{names}。",
            f"Extensions here are approved by: {names}.",
            code="permission",
        )
    if requested_by_id is not None and requested_by_id == actor.user_id:
        raise PermissionDenied(
            "不能审批本人提出的延期申请。",
            "You cannot approve your own extension request.",
            code="permission",
        )


def pending_extension_request(
    session: Session, actor: Actor, case_id: int, deadline_id: int
) -> ExtensionRequest | None:
    """The request an approver is about to decide on ``deadline_id`` (None if there is none):
    what the approval dialog shows (who asked, when, for how many days, why)."""
    case = session.get(Case, case_id)
    if case is None:
        raise NotFoundError("案件不存在。", "No such case.")
    permissions.require(actor, "deadline.approve_extension", case.kind)
    return _pending(session, case, deadline_id)


def _pending(session: Session, case: Case, deadline_id: int) -> ExtensionRequest | None:
    d = _deadline_of(case, deadline_id)
    if d.extension_requested_on is None or d.extension_approved_by_id is not None:
        return None
    rows = session.execute(
        select(Event, User.display_name)
        .outerjoin(User, User.id == Event.user_id)
        .where(Event.case_id == case.id, Event.action == "extension_requested")
        .order_by(Event.id.desc())
    ).all()
    for ev, name in rows:
        data = cases.event_data(ev)
        if data.get("deadline_id") == d.id:
            days = data.get("days")
            return ExtensionRequest(
                d.id,
                d.extension_requested_on,
                ev.user_id,
                str(name or ""),
                int(days) if isinstance(days, int) else None,
                ev.note or d.note or "",
            )
    # A request recorded before requests named their author (or imported): nobody to exclude.
    return ExtensionRequest(d.id, d.extension_requested_on, None, "", None, d.note or "")


def _clean_days(days: object, maximum: int) -> int:
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= maximum:
        raise ValidationError(
            f"延长天数应为 1 至 {maximum}。",
            f"The extension must be 1 to {maximum} days.",
            field="days",
        )
    return days


def request_extension(
    session: Session,
    actor: Actor,
    case_id: int,
    deadline_id: int,
    reason: str,
    *,
    expected_version: int | None,
    on: dt.date | None = None,
    days: int | None = None,
) -> Deadline:
    """Ask for the extension (``days``: how many; None = as many as the rule allows); it shows
    on the approvers' board until decided."""
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
    if days is not None:
        days = _clean_days(days, r.extension_days)
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
        data={"deadline_id": d.id, "rule": d.rule_code, "days": days},
        note=text,
    )
    audit_case(
        session,
        actor,
        "deadline.extension_requested",
        case,
        None,
        {"deadline_id": d.id, "reason": text, "days": days},
    )
    return d


def _decidable(session: Session, actor: Actor, case: Case, d: Deadline, on: dt.date) -> ExtensionRequest:
    """The pending request on ``d`` after the approver check (shared by approve and refuse)."""
    req = _pending(session, case, d.id)
    require_extension_approver(
        session, actor, case.kind, requested_by_id=req.requested_by_id if req else None, on=on
    )
    if d.extension_approved_by_id is not None or d.extended_days:
        raise WorkflowError("延长只能批准一次。", "An extension can be approved only once.", field="deadline")
    if d.state not in clocks.ACTIVE:
        raise WorkflowError("该期限已结束。", "This deadline is no longer running.", field="deadline")
    if req is None:
        raise WorkflowError(
            "该期限没有待审批的延期申请：须先由承办人提出申请。",
            "There is no extension request to decide: the officer must ask first.",
            field="deadline",
        )
    return req


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
    """The written approval (Law Art. 43, 办案规则 Art. 45, 条例 Art. 17, 粤条例 Art. 44): by a
    configured approver who did not ask, once, exactly ``days`` (≤ the rule's maximum)."""
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
    req = _decidable(session, actor, case, d, on)
    days = _clean_days(days, r.extension_days)
    before = {"deadline_id": d.id, "due_on": d.due_on, "extended_days": d.extended_days}
    clocks.extend(session, d, days)
    d.extension_approved_by_id = actor.user_id
    d.extension_approved_at = utcnow()
    d.note = f"{req.reason}\n—— {text}" if req.reason else text
    cases.touch(case, actor)
    cases.flush_or_conflict(session, case)
    cases.add_event(
        session,
        case,
        actor,
        EventKind.CLOCK,
        occurred_on=on,
        action="extension_approved",
        data={
            "deadline_id": d.id,
            "rule": d.rule_code,
            "days": days,
            "requested_days": req.days,
            "requested_by_id": req.requested_by_id,
            "due_on": d.due_on,
        },
        note=text,
    )
    audit_case(
        session,
        actor,
        "deadline.extension_approved",
        case,
        before,
        {
            "deadline_id": d.id,
            "due_on": d.due_on,
            "extended_days": d.extended_days,
            "requested_days": req.days,
            "reason": text,
        },
    )
    return d


def refuse_extension(
    session: Session,
    actor: Actor,
    case_id: int,
    deadline_id: int,
    reason: str,
    expected_version: int | None,
    *,
    on: dt.date | None = None,
) -> Deadline:
    """The approver refuses the request, in writing with a reason; the clock is unchanged and
    a new request may follow."""
    case = cases.load_case_for_update(session, case_id, expected_version)
    permissions.require(actor, "deadline.approve_extension", case.kind)
    d = _deadline_of(case, deadline_id)
    text = validation.clean_text(reason, "reason", max_len=2000)
    on = clean_on(case, on)
    req = _decidable(session, actor, case, d, on)
    d.extension_requested_on = None
    cases.touch(case, actor)
    cases.flush_or_conflict(session, case)
    cases.add_event(
        session,
        case,
        actor,
        EventKind.CLOCK,
        occurred_on=on,
        action="extension_refused",
        data={
            "deadline_id": d.id,
            "rule": d.rule_code,
            "requested_days": req.days,
            "requested_by_id": req.requested_by_id,
        },
        note=text,
    )
    audit_case(
        session,
        actor,
        "deadline.extension_refused",
        case,
        {"deadline_id": d.id, "requested_on": req.requested_on, "request_reason": req.reason},
        {"deadline_id": d.id, "due_on": d.due_on, "reason": text},
    )
    return d
