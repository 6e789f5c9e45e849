"""Applying a workflow step (a transition): :func:`apply_transition` is the only code that
executes the tables of ``casemgr.workflow``.

One call is one use case: the role and the status first, the fields and guards next, then
the case row (one UPDATE, one version bump), its clocks, the timeline event and the audit
entry, in the caller's transaction. :func:`apply_deemed_acceptances` is the law's own
step: complaints unanswered for five working days count as accepted.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from casemgr import workflow
from casemgr.actor import Actor
from casemgr.deadlines import clocks
from casemgr.enums import CaseKind, DeadlineState, EventKind
from casemgr.errors import KnownError, ValidationError, WorkflowError
from casemgr.models import Case, Deadline, Event
from casemgr.services import cases
from casemgr.services.workflow.common import audit_case, clean_on, require_role, require_status
from casemgr.services.workflow.fields import clean_fields
from casemgr.services.workflow.guards import check_guards
from casemgr.snapshots import case_snapshot
from casemgr.workflow import final_award
from casemgr.workflow.model import PREVIOUS, TransitionDef


def _previous_status(session: Session, case: Case) -> str:
    ev = session.execute(
        select(Event.from_status)
        .where(
            Event.case_id == case.id, Event.kind == EventKind.TRANSITION.value, Event.to_status == case.status
        )
        .order_by(Event.id.desc())
        .limit(1)
    ).scalar()
    if not ev:
        raise WorkflowError(
            "找不到中止前的状态。", "The status before the suspension is unknown.", field="code"
        )
    return str(ev)


def _apply_clock_effects(
    session: Session, case: Case, t: TransitionDef, f: dict[str, Any], on: dt.date
) -> None:
    for e in t.clocks:
        start = case.received_on if e.start_from == "received_on" else on
        if e.action == "start":
            anchor = f.get(e.anchor_field) if e.anchor_field else None
            clocks.start_group(session, case, e.group, start, anchor=anchor)
        elif e.action == "stop":
            clocks.stop_group(session, case, e.group, on)
        elif e.action == "cancel":
            clocks.cancel_group(session, case, e.group, on)
        elif e.action == "pause":
            clocks.pause_group(session, case, e.group, on)
        elif e.action == "resume":
            clocks.resume_group(session, case, e.group, on)
        elif e.action == "restart":
            clocks.restart_group(session, case, e.group, on)
        elif e.action == "stop_all":
            clocks.stop_all(session, case, on)
        else:  # pragma: no cover
            raise AssertionError(e.action)
    if t.closes:
        clocks.stop_all(session, case, on)


def _award_items(
    session: Session, case: Case, items: list[final_award.AwardItem], on: dt.date
) -> dict[str, Any]:
    result = final_award.decide(session, on, items)
    claims = {c.id: c for c in case.claims}
    for it in result.items:
        if it.claim_item_id is None:
            continue
        c = claims.get(it.claim_item_id)
        if c is None:
            raise ValidationError(
                f"裁决事项指向不属于本案的请求 {it.claim_item_id}。",
                f"Award item refers to claim {it.claim_item_id}, not of this case.",
                field="items",
            )
        c.amount_ordered = it.amount
        c.final_award = it.final
    case.final_award = result.any_final
    return {
        "minimum_wage": result.minimum_wage,
        "threshold": result.threshold,
        "minimum_wage_confirmed": result.minimum_wage_confirmed,
        "separate_awards_needed": result.mixed,
        "items": [
            {
                "claim_item_id": i.claim_item_id,
                "claim_type": i.claim_type.value,
                "amount": i.amount,
                "final": i.final,
                "reason": i.reason,
            }
            for i in result.items
        ],
    }


def apply_transition(
    session: Session,
    actor: Actor,
    case_id: int,
    code: str,
    fields: dict[str, Any],
    *,
    expected_version: int | None,
    on: dt.date | None = None,
) -> Case:
    """Apply workflow step ``code`` on date ``on`` (today by default)."""
    case = cases.load_case_for_update(session, case_id, expected_version)
    kind = CaseKind(case.kind)
    t = workflow.get_transition(kind, code)
    require_role(actor, t, kind)
    require_status(case, t)
    on = clean_on(case, on)
    f = clean_fields(t, dict(fields or {}))
    check_guards(session, case, t, f, on)
    return execute(session, actor, case, t, f, on)


def execute(
    session: Session, actor: Actor, case: Case, t: TransitionDef, f: dict[str, Any], on: dt.date
) -> Case:
    """Carry out a checked step: status, dates, clocks, event and audit in one go."""
    kind = CaseKind(case.kind)
    to_status = case.status if t.to_state is None else t.to_state
    if t.to_state == PREVIOUS:
        to_status = _previous_status(session, case)

    before = case_snapshot(case)
    from_status = case.status
    extra: dict[str, Any] = {}
    if "items" in f and t.code == "award":
        extra["final_award"] = _award_items(session, case, f["items"], on)
        f["items"] = extra["final_award"]["items"]
    case.status = to_status
    if t.sets_accepted == "on":
        case.accepted_on = on
    elif t.sets_accepted == "received_on":
        case.accepted_on = case.received_on
    if t.closes:
        case.closed_on = on
        assert t.outcome is not None
        case.outcome = t.outcome.value
    for flag, value in t.sets_flags.items():
        setattr(case, flag, value)
    if kind is CaseKind.INSPECTION and "complaint_type" in f:
        case.complaint_type = f["complaint_type"]
    # One UPDATE of the case row (one version bump), before the clocks flush their rows.
    cases.touch(case, actor)
    cases.flush_or_conflict(session, case)
    _apply_clock_effects(session, case, t, f, on)
    session.flush()
    data = {k: v for k, v in f.items() if k != "items"} | extra
    cases.add_event(
        session,
        case,
        actor,
        EventKind.TRANSITION,
        occurred_on=on,
        action=t.code,
        from_status=from_status,
        to_status=to_status,
        data=data or None,
    )
    audit_case(session, actor, f"case.transition.{t.code}", case, before, case_snapshot(case))
    return case


def apply_deemed_acceptances(
    session: Session, actor: Actor, *, today: dt.date, limit: int = 500
) -> list[int]:
    """粤条例 Art. 39: complaints left unanswered for 5 working days count as accepted.

    Run at start-up of the desktop (whoever logs in) and by ``casemgr sweep``: one indexed
    query on the running acceptance clocks past due. The law, not a user, accepts these
    complaints, so no role is asked for; the timeline and the audit log name ``actor``
    (the system account at start-up). Each case is its own savepoint: one that cannot be
    changed (a guard, a conflict) is skipped and the rest go on.
    """
    rows = (
        session.execute(
            select(Deadline.case_id)
            .join(Case, Case.id == Deadline.case_id)
            .where(
                Deadline.state == DeadlineState.RUNNING.value,
                Deadline.due_on < today,
                Deadline.rule_code == "insp.accept",
                Case.status == "received",
            )
            .order_by(Deadline.due_on)
            .limit(limit)
        )
        .scalars()
        .all()
    )
    t = workflow.get_transition(CaseKind.INSPECTION, "deem_accept")
    done = []
    for cid in rows:
        try:
            with session.begin_nested():
                case = cases.load_case_for_update(session, cid, None)
                if case.status not in t.from_states or today < case.received_on:
                    continue
                check_guards(session, case, t, {}, today)
                execute(session, actor, case, t, {}, today)
        except KnownError:
            continue
        done.append(cid)
    return done
