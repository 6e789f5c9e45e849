"""Applying a workflow step (a transition): :func:`apply_transition` is the only code that
executes the tables of ``casemgr.workflow``.

One call is one use case: the role and the status first, the fields and guards next, then
the case row (one UPDATE, one version bump), its clocks, the timeline event and the audit
entry, in the caller's transaction. :func:`apply_deemed_acceptances` is the law's own
step: complaints unanswered for five working days count as accepted.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from casemgr import audit, permissions, workflow
from casemgr.actor import Actor
from casemgr.deadlines import clocks
from casemgr.deadlines import rules as rules_mod
from casemgr.enums import CaseKind, ComplaintType, DeadlineState, EventKind, PartyRole, ServiceMethod
from casemgr.errors import KnownError, PermissionDenied, ValidationError, WorkflowError
from casemgr.models import Case, CaseParty, Deadline, Event
from casemgr.services import cases, hearings
from casemgr.services.workflow import serving
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


def clock_condition(case: Case, name: str, f: dict[str, Any], from_status: str | None = None) -> bool:
    """The named conditions of :attr:`ClockEffect.only_if`."""
    if name == "acceptance_deferred":
        return from_status == "pre_mediation"  # 办案规则 Art. 69 暂缓受理
    if name == "complainant_to_notify":
        # 粤条例 Art. 45 ¶2: "书面通知投诉人，投诉人无法联系的除外".
        return (
            rules_mod.complaint_type_of(case) == ComplaintType.COMPLAINT.value
            and f.get("ground") != "complainant_unreachable"
        )
    if name == "is_complaint":
        return rules_mod.complaint_type_of(case) == ComplaintType.COMPLAINT.value
    raise AssertionError(f"unknown clock condition {name}")


def accept_clock_start(case: Case) -> dt.date:
    """The day the complaint counts as received: its receipt, or the day a 补正 completed it."""
    ds = [
        d for d in case.deadlines if d.rule_code == "insp.accept" and d.state != DeadlineState.CANCELLED.value
    ]
    return max((d.started_on for d in ds), default=case.received_on)


def _apply_clock_effects(
    session: Session, case: Case, t: TransitionDef, f: dict[str, Any], on: dt.date, from_status: str
) -> None:
    for e in t.clocks:
        if e.only_if is not None and not clock_condition(case, e.only_if, f, from_status):
            continue
        start = on
        if e.start_from == "received_on":
            start = case.received_on
        elif e.start_from == "accept_clock":
            start = accept_clock_start(case)
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
        "minimum_wage_notice": result.notice,
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


def _order_items(case: Case, f: dict[str, Any]) -> tuple[Decimal, list[dict[str, Any]]]:
    """Set ``amount_ordered`` on the claim lines an order to pay covers; return the total and
    the lines (for the timeline). Refused, before anything is written, when the figures do not
    say whose money it is."""
    lines = {c.id: c for c in case.claims}
    total = f.get("amount_ordered")
    items = f.get("ordered_items")
    chosen: dict[int, Decimal] = {}
    if items:
        for it in items:
            if it.claim_item_id not in lines:
                raise ValidationError(
                    "责令支付金额须逐项对应本案的请求事项。",
                    "Each ordered amount must belong to a claim line of this case.",
                    field="ordered_items",
                )
            chosen[it.claim_item_id] = it.amount
        if total is not None and total != sum(chosen.values(), Decimal("0")):
            raise ValidationError(
                "合计金额与各劳动者金额之和不符。",
                "The total does not equal the sum of the amounts per worker.",
                field="amount_ordered",
            )
        total = sum(chosen.values(), Decimal("0"))
    elif total is None:
        raise ValidationError("请填写责令支付金额。", "Enter the amount ordered.", field="amount_ordered")
    elif len(lines) == 1:
        chosen = {next(iter(lines)): total}
    elif lines and total == sum((c.amount_claimed for c in lines.values()), Decimal("0")):
        chosen = {i: c.amount_claimed for i, c in lines.items()}
    elif lines:
        raise ValidationError(
            "多项请求（或多名劳动者）的案件，请逐项填写责令支付金额。",
            "With several claim lines (or workers), enter the amount ordered for each.",
            field="ordered_items",
        )
    if total <= 0:
        raise ValidationError(
            "责令支付金额应大于零。", "The amount ordered must be more than zero.", field="amount_ordered"
        )
    for i, amount in chosen.items():
        lines[i].amount_ordered = amount
    return total, [{"claim_item_id": i, "amount": a} for i, a in chosen.items()]


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


def _may_reclassify(actor: Actor, case: Case, new_type: str) -> None:
    """Turning a 举报 into a complaint makes its reporter an ordinary complainant whom every
    inspector may see: that decides who sees the reporter's identity, as assigning the case
    does, so it takes the same right (``case.assign``, the supervisor's). The other way
    (a complaint kept confidential as a report) only narrows who sees and is the handler's."""
    if case.complaint_type == ComplaintType.REPORT.value and new_type != ComplaintType.REPORT.value:
        if not permissions.allowed_case(actor, "case.assign", case):
            raise PermissionDenied(
                "只有科长可以把举报改为投诉：改后举报人的身份不再保密。",
                "Only a supervisor may change a report into a complaint: the reporter's identity "
                "would no longer be confidential.",
                code="permission",
            )


def _relabel_reporters(session: Session, case: Case, new_type: str) -> list[int]:
    """The person links follow the type: reporter on a 举报, complainant on a complaint."""
    to_report = new_type == ComplaintType.REPORT.value
    old_role, new_role = (
        (PartyRole.COMPLAINANT, PartyRole.REPORTER)
        if to_report
        else (PartyRole.REPORTER, PartyRole.COMPLAINANT)
    )
    moved: list[int] = []
    for cp in session.execute(
        select(CaseParty).where(CaseParty.case_id == case.id, CaseParty.role == old_role.value)
    ).scalars():
        cp.role = new_role.value
        moved.append(cp.id)
    return moved


def execute(
    session: Session, actor: Actor, case: Case, t: TransitionDef, f: dict[str, Any], on: dt.date
) -> Case:
    """Carry out a checked step: status, dates, clocks, event and audit in one go."""
    kind = CaseKind(case.kind)
    new_type = f.get("complaint_type") if kind is CaseKind.INSPECTION else None
    if new_type is not None and new_type == case.complaint_type:
        new_type = None
    if new_type is not None:
        _may_reclassify(actor, case, str(new_type))
    to_status = case.status if t.to_state is None else t.to_state
    if t.to_state == PREVIOUS:
        to_status = _previous_status(session, case)

    before = case_snapshot(case)
    from_status = case.status
    extra: dict[str, Any] = {}
    if "items" in f and t.code == "award":
        extra["final_award"] = _award_items(session, case, f["items"], on)
        f["items"] = extra["final_award"]["items"]
    if t.code == "order_payment":
        f["amount_ordered"], f["ordered_items"] = _order_items(case, f)
    case.status = to_status
    if t.sets_accepted == "on":
        case.accepted_on = on
    elif t.sets_accepted == "received_on":
        case.accepted_on = case.received_on
    elif t.sets_accepted == "accept_clock":
        case.accepted_on = accept_clock_start(case)
    if t.closes and case.closed_on is None:
        case.closed_on = on
        assert t.outcome is not None
        case.outcome = t.outcome.value
    # A later rung of the enforcement ladder on a case already closed by its decision (移送公安,
    # 加付赔偿金 after a 处理决定) keeps the decision's closing date and outcome: the indicators
    # count the case once, in the month it was decided.
    for flag, value in t.sets_flags.items():
        setattr(case, flag, value)
    old_type = case.complaint_type
    if new_type is not None:
        case.complaint_type = str(new_type)
        moved = _relabel_reporters(session, case, str(new_type))
    # One UPDATE of the case row (one version bump), before the clocks flush their rows.
    cases.touch(case, actor)
    cases.flush_or_conflict(session, case)
    _apply_clock_effects(session, case, t, f, on, from_status)
    if t.code == "penalty_decision" and f.get("compensation_rate") is not None:
        from casemgr.services.workflow.enforcement import order_extra_compensation

        extra["extra_compensation"] = order_extra_compensation(session, case, f["compensation_rate"])
    if t.code == "serve_award":
        extra.update(serving.start_after_award_periods(session, case, ServiceMethod(f["method"]), on))
    session.flush()
    slot = hearings.slot_from_fields(f) if t.code == "schedule_hearing" else None
    if slot is not None and slot.room_id is not None and not f.get("place"):
        f["place"] = hearings.room_name(session, slot.room_id)  # the notice prints where
    data = {k: v for k, v in f.items() if k != "items"} | extra
    if slot is not None:  # the timeline reads names, not row ids (the booking keeps the ids)
        data = hearings.step_record(session, data, slot)
    event = cases.add_event(
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
    if slot is not None:
        hearings.record_scheduled(session, case, slot, event, f.get("place"))
    audit_case(session, actor, f"case.transition.{t.code}", case, before, case_snapshot(case))
    if new_type is not None:
        audit.record(
            session,
            user_id=actor.user_id,
            username=actor.username,
            action="case.reclassify",
            entity="case",
            entity_id=case.id,
            before={"complaint_type": old_type},
            after={"complaint_type": case.complaint_type, "parties": moved},
        )
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
                # 粤条例 Art. 39 deems complaints accepted, never reports (Art. 34).
                or_(Case.complaint_type.is_(None), Case.complaint_type != ComplaintType.REPORT.value),
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
