"""What every workflow step and record does alike: who may, from which status, on which
date, and the audit entry that goes with it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from casemgr import audit, clock, permissions
from casemgr.actor import Actor
from casemgr.enums import CaseKind, Role
from casemgr.errors import PermissionDenied, ValidationError, WorkflowError
from casemgr.models import Case
from casemgr.workflow.model import TransitionDef


def require_role(actor: Actor, t: TransitionDef, kind: CaseKind) -> None:
    permissions.require(actor, "case.transition", kind)
    if Role(actor.role) not in t.roles:
        raise PermissionDenied(
            f"您的角色无权执行“{t.name_zh}”。", f"Your role may not perform '{t.name_en}'.", code="permission"
        )


def require_status(case: Case, t: TransitionDef) -> None:
    """A step or record offered in other statuses only is a clear refusal that writes nothing."""
    if case.status not in t.from_states:
        raise WorkflowError(
            f"案件当前状态（{case.status}）不能执行“{t.name_zh}”。",
            f"'{t.name_en}' is not possible from status {case.status}.",
            field="code",
            code="illegal_transition",
        )


def audit_case(session: Session, actor: Actor, action: str, case: Case, before: Any, after: Any) -> None:
    audit.record(
        session,
        user_id=actor.user_id,
        username=actor.username,
        action=action,
        entity="case",
        entity_id=case.id,
        before=before,
        after=after,
    )


def clean_on(case: Case, on: dt.date | None) -> dt.date:
    on = on or clock.today()
    if isinstance(on, dt.datetime) or not isinstance(on, dt.date):
        raise ValidationError("日期无效。", "Not a date.", field="on")
    if on < case.received_on:
        raise ValidationError(
            f"日期不能早于收案日 {case.received_on}。",
            f"The date is before receipt ({case.received_on}).",
            field="on",
        )
    return on
