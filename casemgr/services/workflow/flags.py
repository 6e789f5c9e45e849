"""The green channel and the other flags of a case, and the clocks that follow them.

Collective and 挂牌督办 are derived with the same ``propose_flags`` as at registration, so
the two never disagree; the green channel can be set by hand, with a reason.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from casemgr import permissions, validation
from casemgr.actor import Actor
from casemgr.deadlines import clocks
from casemgr.enums import EventKind
from casemgr.errors import WorkflowError
from casemgr.models import Case
from casemgr.services import cases
from casemgr.services.workflow.common import audit_case, clean_on
from casemgr.snapshots import case_snapshot


def set_green_channel(
    session: Session,
    actor: Actor,
    case_id: int,
    value: bool,
    reason: str,
    *,
    expected_version: int | None,
    on: dt.date | None = None,
) -> Case:
    """Override the automatic green-channel decision, with a reason; its clocks follow."""
    case = cases.load_case_for_update(session, case_id, expected_version)
    permissions.require(actor, "case.edit", case.kind)
    text = validation.clean_text(reason, "reason", max_len=2000)
    on = clean_on(case, on)
    if bool(case.green_channel) == bool(value):
        raise WorkflowError(
            "绿色通道状态未改变。", "The green-channel flag already has that value.", field="green_channel"
        )
    before = case_snapshot(case)
    case.green_channel = bool(value)
    case.green_channel_override = text
    clocks.refresh_for_flags(session, case, on)
    cases.touch(case, actor)
    cases.flush_or_conflict(session, case)
    cases.add_event(
        session,
        case,
        actor,
        EventKind.FLAG,
        occurred_on=on,
        action="green_channel_set" if value else "green_channel_cleared",
        note=text,
    )
    audit_case(session, actor, "case.green_channel", case, before, case_snapshot(case) | {"reason": text})
    return case


def clear_green_channel(
    session: Session,
    actor: Actor,
    case_id: int,
    reason: str,
    *,
    expected_version: int | None,
    on: dt.date | None = None,
) -> Case:
    return set_green_channel(session, actor, case_id, False, reason, expected_version=expected_version, on=on)


def refresh_flags(
    session: Session, actor: Actor, case_id: int, *, expected_version: int | None, on: dt.date | None = None
) -> Case:
    """Re-derive collective and supervised (挂牌督办) after workers or amounts changed.

    Uses the same ``propose_flags`` as registration, so the two never disagree. The green
    channel keeps a manual override when one was recorded.
    """
    case = cases.load_case_for_update(session, case_id, expected_version)
    permissions.require(actor, "case.edit", case.kind)
    on = clean_on(case, on)
    flags = cases.propose_flags(
        session,
        migrant_worker=case.migrant_worker,
        wage_arrears=case.wage_arrears,
        workers=case.workers,
        amount=case.amount_claimed,
        on=on,
        green_override=case.green_channel if case.green_channel_override else None,
    )
    before = case_snapshot(case)
    changed = {
        k: getattr(flags, k)
        for k in ("green_channel", "collective", "supervised")
        if bool(getattr(case, k)) != getattr(flags, k)
    }
    if not changed:
        return case
    for k, v in changed.items():
        setattr(case, k, v)
    clocks.refresh_for_flags(session, case, on)
    cases.touch(case, actor)
    cases.flush_or_conflict(session, case)
    cases.add_event(
        session,
        case,
        actor,
        EventKind.FLAG,
        occurred_on=on,
        action="flags_refreshed",
        data={"changed": changed, "reasons": list(flags.reasons)},
    )
    audit_case(session, actor, "case.flags", case, before, case_snapshot(case))
    return case
