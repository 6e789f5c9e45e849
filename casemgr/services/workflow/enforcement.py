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
from casemgr.enums import CaseKind, ClaimType, EventKind
from casemgr.errors import ValidationError, WorkflowError
from casemgr.models import Case, Deadline, Event
from casemgr.services import cases
from casemgr.services.workflow import blacklist
from casemgr.services.workflow.common import audit_case, clean_on
from casemgr.services.workflow.guards import latest_clock, pay_order_unpaid_expired
from casemgr.snapshots import case_snapshot
from casemgr.workflow import money
from casemgr.workflow.final_award import AwardItem


def record_payment(
    session: Session,
    actor: Actor,
    case_id: int,
    amount: Decimal | str | None,
    *,
    paid_on: dt.date,
    expected_version: int | None,
    note: str | None = None,
    items: list[AwardItem] | None = None,
) -> Case:
    """Money the employer paid: adds to ``amount_recovered`` and to the claim lines it pays
    (``items``: per line, i.e. per worker; without them see :func:`money.allocate`). Once
    nothing ordered is outstanding the order's clock is met (late payment: breached) — until
    then it runs on, whatever decision closed the case."""
    case = cases.load_case_for_update(session, case_id, expected_version)
    permissions.require(actor, "case.transition", case.kind)
    value = validation.clean_amount(amount, "amount") if amount is not None else None
    paid_on = clean_on(case, paid_on)
    text = validation.clean_text(note, "note", max_len=2000, required=False)
    shares = _payment_shares(case, value, items)
    if value is None:
        value = sum(shares.values(), Decimal("0"))
    if value <= 0:
        raise ValidationError("金额应大于零。", "The amount must be more than zero.", field="amount")
    before = case_snapshot(case)
    case.amount_recovered = case.amount_recovered + value
    by_id = {c.id: c for c in case.claims}
    for cid, share in shares.items():
        by_id[cid].amount_paid = by_id[cid].amount_paid + share
    lines = money_lines(case)
    if any(ln.ordered is not None for ln in lines):
        # the order to pay is met by the arrears; 加付赔偿金 is the decision's, not the order's
        settled = money.outstanding(ln for ln in lines if not ln.extra) == 0
        all_paid = money.outstanding(lines) == 0
    else:  # an order without claim lines (a report, an old case): the case-level figure
        ordered = _ordered_amount(session, case)
        settled = all_paid = ordered is not None and case.amount_recovered >= ordered
    if settled:
        clocks.stop_group(session, case, "pay_order", paid_on)
    if all_paid:
        # nothing left to enforce: the bureau's clock to go to court ends with the debt
        clocks.cancel_group(session, case, "court_enforcement", paid_on)
    cases.touch(case, actor)
    cases.flush_or_conflict(session, case)
    cases.add_event(
        session,
        case,
        actor,
        EventKind.PAYMENT,
        occurred_on=paid_on,
        action="payment",
        data={
            "amount": value,
            "total": case.amount_recovered,
            "lines": [{"claim_item_id": i, "amount": a} for i, a in shares.items()],
        },
        note=text,
    )
    audit_case(session, actor, "case.payment", case, before, case_snapshot(case))
    return case


def money_lines(case: Case) -> list[money.Line]:
    return [
        money.Line(
            c.id,
            c.person.name if c.person is not None else None,
            c.amount_ordered,
            c.amount_paid,
            extra=c.claim_type == ClaimType.EXTRA_COMPENSATION.value,
        )
        for c in case.claims
    ]


def order_extra_compensation(session: Session, case: Case, rate: Decimal) -> list[dict[str, object]]:
    """The decision orders 加付赔偿金 (劳动合同法 Art. 85; 劳动保障监察条例 Art. 26): one claim
    line per worker, ``rate`` times what that worker is still owed of the order (see
    :func:`casemgr.workflow.money.extra_compensation`), so that it is paid and shown per
    worker like the arrears. Workers are told apart by person, not by name."""
    from casemgr.models import ClaimItem

    by_person = [
        money.Line(
            c.id,
            str(c.person_id),
            c.amount_ordered,
            c.amount_paid,
            extra=c.claim_type == ClaimType.EXTRA_COMPENSATION.value,
        )
        for c in case.claims
    ]
    if any(ln.extra for ln in by_person):
        raise ValidationError(
            "本案已责令加付赔偿金。",
            "Additional compensation has already been ordered.",
            field="compensation_rate",
        )
    names = {str(c.person_id): (c.person.name if c.person is not None else None) for c in case.claims}
    out: list[dict[str, object]] = []
    for key, amount in money.extra_compensation(by_person, rate).items():
        person_id = None if key == "None" else int(key)
        case.claims.append(
            ClaimItem(
                person_id=person_id,
                claim_type=ClaimType.EXTRA_COMPENSATION.value,
                amount_claimed=Decimal("0.00"),
                amount_ordered=amount,
                amount_paid=Decimal("0.00"),
            )
        )
        out.append({"worker": names.get(key), "amount": amount})
    session.flush()
    return out


def _payment_shares(case: Case, value: Decimal | None, items: list[AwardItem] | None) -> dict[int, Decimal]:
    """Which claim lines a payment pays. Named lines as given; otherwise, on an inspection case
    with ordered lines, the only line owed or the whole outstanding — a part payment in a case
    with several workers owed must say whose it is (the law counts arrears per worker)."""
    by_id = {c.id: c for c in case.claims}
    if items:
        shares: dict[int, Decimal] = {}
        for it in items:
            if it.claim_item_id not in by_id:
                raise ValidationError(
                    "支付金额须逐项对应本案的请求事项。",
                    "Each amount paid must belong to a claim line of this case.",
                    field="paid_items",
                )
            if it.amount < 0:
                raise ValidationError("金额不能为负。", "An amount cannot be negative.", field="paid_items")
            shares[it.claim_item_id] = shares.get(it.claim_item_id, Decimal("0")) + it.amount
        if value is not None and value != sum(shares.values(), Decimal("0")):
            raise ValidationError(
                "支付金额与各劳动者金额之和不符。",
                "The amount paid does not equal the sum of the amounts per worker.",
                field="amount",
            )
        return {i: a for i, a in shares.items() if a}
    if value is None:
        raise ValidationError("请填写支付金额。", "Enter the amount paid.", field="amount")
    lines = money_lines(case)
    if case.kind != CaseKind.INSPECTION.value or not any(ln.ordered is not None for ln in lines):
        return {}
    shares_or_none = money.allocate(lines, value)
    if shares_or_none is None:
        raise ValidationError(
            "本案有多名劳动者（多项请求）尚未足额支付：部分支付请逐项填写是哪位劳动者的工资。",
            "Several workers (claim lines) are still owed: for a part payment say whose money it is.",
            field="paid_items",
        )
    return shares_or_none


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
    """The listing decision (令第45号 Art. 8), after the notice and its objection period (Art. 6):
    the employer is listed for 3 years (Art. 11) and removed within 10 wd of their end (Art. 17)."""
    case = cases.load_case_for_update(session, case_id, expected_version)
    permissions.require(actor, "case.transition", case.kind)
    doc = validation.clean_text(document_no, "document_no", max_len=64)
    on = clean_on(case, on)
    d = next((x for x in clocks.active_deadlines(case, ["insp.blacklist"])), None)
    if d is None:
        raise WorkflowError("没有待决定的失信名单提请。", "No listing proposal is pending.", field="code")
    if listed:
        blacklist.listing_may_be_decided(case, on)
    clocks.stop_group(session, case, "blacklist", on)
    # A decision not to list ends the notice's periods too; a listing starts its term.
    clocks.cancel_group(session, case, "blacklist_objection", on)
    until = blacklist.start_term(session, case, on) if listed else None
    if listed:
        blacklist.set_employer_listing(session, actor, case, "blacklisted", listed_on=on, until=until)
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


def apply_court_enforcement(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    document_no: str,
    court: str,
    on: dt.date,
    expected_version: int | None,
) -> Case:
    """申请人民法院强制执行 (保障农民工工资支付条例 Art. 42): only once the order to pay expired
    with money still owed, and (once the decision's service started the bureau's window, see
    ``serving.start_court_enforcement``) not before the employer's time to challenge the
    decision has run out (行政强制法 Art. 53). It meets that window's clock. The order's
    clock keeps running: applying is not being paid."""
    case = cases.load_case_for_update(session, case_id, expected_version)
    permissions.require(actor, "case.transition", case.kind)
    doc = validation.clean_text(document_no, "document_no", max_len=64)
    where = validation.clean_text(court, "court", max_len=100)
    on = clean_on(case, on)
    order = latest_clock(case, "insp.pay_order")
    if order is None or order.state != "running" or not order.due_on < on:
        raise WorkflowError(
            "申请强制执行须以责令限期支付逾期且尚未付清为前提。",
            "Enforcement needs an order to pay that expired with money still owed.",
            field="document_no",
            code="guard",
        )
    window = latest_clock(case, "insp.court_enforce")
    if window is not None and window.state in clocks.ACTIVE and on < window.started_on:
        # 行政强制法 Art. 53: only once the employer can no longer challenge the decision
        raise WorkflowError(
            f"处理决定的复议、诉讼期限届满前不能申请法院强制执行，最早 {window.started_on}"
            "（行政强制法（2011）第53条；行政诉讼法（2017年修正）第46条）。",
            f"The court can be asked to enforce the decision only after the time to challenge it"
            f" has run out: from {window.started_on}.",
            field="document_no",
            code="guard",
        )
    owed = money.outstanding(money_lines(case))
    clocks.stop_group(session, case, "court_enforcement", on)
    cases.touch(case, actor)
    cases.flush_or_conflict(session, case)
    cases.add_event(
        session,
        case,
        actor,
        EventKind.DOCUMENT,
        occurred_on=on,
        action="court_enforcement",
        data={"document_no": doc, "court": where, "outstanding": owed},
    )
    audit_case(
        session, actor, "case.court_enforcement", case, None, {"document_no": doc, "outstanding": owed}
    )
    return case
