"""Payments and the enforcement ladder: money paid, the order to pay, the blacklist.

A payment adds to the amount recovered and, once the ordered amount is paid, meets the
order's clock. An order ignored past its deadline opens the next rungs: a proposal to list
the employer as a defaulter (令第45号) and the listing decision.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from casemgr import permissions, validation
from casemgr.actor import Actor
from casemgr.deadlines import clocks
from casemgr.deadlines import rules as rules_mod
from casemgr.deadlines.limitation import add_years
from casemgr.enums import CaseKind, EventKind
from casemgr.errors import ValidationError, WorkflowError
from casemgr.models import Case, Deadline, Employer, Event, utcnow
from casemgr.services import cases
from casemgr.services.workflow.common import audit_case, clean_on
from casemgr.services.workflow.guards import latest_clock, pay_order_unpaid_expired
from casemgr.snapshots import case_snapshot


def record_payment(
    session: Session,
    actor: Actor,
    case_id: int,
    amount: Decimal | str,
    *,
    paid_on: dt.date,
    expected_version: int | None,
    note: str | None = None,
) -> Case:
    """Money the employer paid: adds to ``amount_recovered``; paying the ordered amount meets
    the order's clock (late payment marks it breached)."""
    case = cases.load_case_for_update(session, case_id, expected_version)
    permissions.require(actor, "case.transition", case.kind)
    value = validation.clean_amount(amount, "amount")
    if value <= 0:
        raise ValidationError("金额应大于零。", "The amount must be more than zero.", field="amount")
    paid_on = clean_on(case, paid_on)
    text = validation.clean_text(note, "note", max_len=2000, required=False)
    before = case_snapshot(case)
    case.amount_recovered = case.amount_recovered + value
    ordered = _ordered_amount(session, case)
    if ordered is not None and case.amount_recovered >= ordered:
        clocks.stop_group(session, case, "pay_order", paid_on)
    cases.touch(case, actor)
    cases.flush_or_conflict(session, case)
    cases.add_event(
        session,
        case,
        actor,
        EventKind.PAYMENT,
        occurred_on=paid_on,
        action="payment",
        data={"amount": value, "total": case.amount_recovered},
        note=text,
    )
    audit_case(session, actor, "case.payment", case, before, case_snapshot(case))
    return case


def _ordered_amount(session: Session, case: Case) -> Decimal | None:
    raw = session.execute(
        select(Event.data)
        .where(
            Event.case_id == case.id,
            Event.kind == EventKind.TRANSITION.value,
            Event.action == "order_payment",
        )
        .order_by(Event.id.desc())
        .limit(1)
    ).scalar()
    if not raw:
        return None
    return Decimal(str(json.loads(raw)["amount_ordered"]))


def propose_blacklist(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    document_no: str,
    ground: str,
    on: dt.date,
    expected_version: int | None,
) -> Deadline:
    """令第45号 Art. 5: an ignored order to pay plus the crime threshold or a mass incident; the
    decision is due 20 working days after the order's deadline expired (Art. 8)."""
    case = cases.load_case_for_update(session, case_id, expected_version)
    permissions.require(actor, "case.transition", case.kind)
    if case.kind != CaseKind.INSPECTION.value:
        raise WorkflowError(
            "只有监察案件可以提请列入失信名单。", "Only inspection cases can propose a listing.", field="code"
        )
    doc = validation.clean_text(document_no, "document_no", max_len=64)
    if ground not in ("crime_threshold", "mass_incident"):
        raise ValidationError("列入事由无效。", "Unknown ground.", field="ground")
    on = clean_on(case, on)
    order = latest_clock(case, "insp.pay_order")
    if order is None or not pay_order_unpaid_expired(case, on):
        raise WorkflowError(
            "提请列入失信名单须以责令限期支付逾期未支付为前提。",
            "A listing needs an order to pay that was not met by its deadline.",
            field="ground",
            code="guard",
        )
    if any(d.rule_code == "insp.blacklist" and d.state != "cancelled" for d in case.deadlines):
        raise WorkflowError("已提请过列入失信名单。", "A listing was already proposed.", field="code")
    r = rules_mod.rule(session, "insp.blacklist")
    d = clocks.start_rule(session, case, r, order.base_due_on)
    cases.touch(case, actor)
    cases.flush_or_conflict(session, case)
    cases.add_event(
        session,
        case,
        actor,
        EventKind.DOCUMENT,
        occurred_on=on,
        action="blacklist_proposed",
        data={"document_no": doc, "ground": ground, "decision_due": d.due_on},
    )
    audit_case(
        session, actor, "case.blacklist_proposed", case, None, {"document_no": doc, "due_on": d.due_on}
    )
    return d


def decide_blacklist(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    listed: bool,
    document_no: str,
    on: dt.date,
    expected_version: int | None,
) -> Case:
    """The listing decision: the employer is listed for 3 years (令第45号 Art. 11)."""
    case = cases.load_case_for_update(session, case_id, expected_version)
    permissions.require(actor, "case.transition", case.kind)
    doc = validation.clean_text(document_no, "document_no", max_len=64)
    on = clean_on(case, on)
    d = next((x for x in clocks.active_deadlines(case, ["insp.blacklist"])), None)
    if d is None:
        raise WorkflowError("没有待决定的失信名单提请。", "No listing proposal is pending.", field="code")
    clocks.stop_group(session, case, "blacklist", on)
    if listed and case.employer_id is not None:
        emp = session.get(Employer, case.employer_id)
        assert emp is not None
        emp.blacklisted_on = on
        emp.blacklisted_until = add_years(on, 3)
        emp.updated_at = utcnow()
        emp.updated_by_id = actor.user_id
    cases.touch(case, actor)
    cases.flush_or_conflict(session, case)
    cases.add_event(
        session,
        case,
        actor,
        EventKind.DOCUMENT,
        occurred_on=on,
        action="blacklist_decided",
        data={"document_no": doc, "listed": listed},
    )
    audit_case(session, actor, "case.blacklist_decided", case, None, {"document_no": doc, "listed": listed})
    return case
