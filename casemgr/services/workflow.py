"""Applying workflow steps and recording the events that move statutory clocks.

Every function here is one use case: it checks permissions before the first write,
validates everything (fields, guards) before writing anything, updates the case and its
clocks, appends the timeline event and writes the audit entry in the same transaction.
A refused call raises a KnownError and leaves nothing behind.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from casemgr import audit, clock, permissions, settings, validation, workflow
from casemgr.actor import Actor
from casemgr.deadlines import clocks
from casemgr.deadlines import rules as rules_mod
from casemgr.deadlines.calendar import calendar_for
from casemgr.enums import (
    CaseKind,
    ClaimType,
    DeadlineState,
    EventKind,
    PartyRole,
    Role,
    ServiceMethod,
)
from casemgr.errors import KnownError, NotFoundError, PermissionDenied, ValidationError, WorkflowError
from casemgr.models import Case, Deadline, Employer, Event, utcnow
from casemgr.services import cases, parties
from casemgr.snapshots import case_snapshot
from casemgr.workflow import final_award, records
from casemgr.workflow.model import PREVIOUS, FieldDef, TransitionDef

# --------------------------------------------------------------------------- field validation


def _missing(t: TransitionDef, f: FieldDef) -> WorkflowError:
    label = f.label_zh or f.name
    return WorkflowError(
        f"“{t.name_zh}”需要填写：{label}。",
        f"'{t.name_en}' needs the field {f.label_en or f.name}.",
        field=f.name,
        code="missing_field",
    )


def _bad(f: FieldDef, zh: str, en: str) -> ValidationError:
    return ValidationError(f"{f.label_zh or f.name}：{zh}", f"{f.label_en or f.name}: {en}", field=f.name)


def _clean_date(f: FieldDef, v: object) -> dt.date:
    if isinstance(v, dt.datetime):
        raise _bad(f, "应为日期", "must be a date")
    if isinstance(v, dt.date):
        return v
    if isinstance(v, str):
        try:
            return dt.date.fromisoformat(v.strip())
        except ValueError:
            pass
    raise _bad(f, "应为日期（YYYY-MM-DD）", "must be a date (YYYY-MM-DD)")


def _clean_items(f: FieldDef, v: object) -> list[final_award.AwardItem]:
    if not isinstance(v, list | tuple) or not v:
        raise _bad(f, "至少需要一项", "needs at least one item")
    out = []
    for i, raw in enumerate(v):
        if not isinstance(raw, dict):
            raise _bad(f, f"第{i + 1}项格式不对", f"item {i + 1} is malformed")
        try:
            ctype = ClaimType(raw.get("claim_type", ClaimType.WAGES))
        except ValueError:
            raise _bad(f, f"第{i + 1}项请求类型无效", f"item {i + 1} has an unknown claim type") from None
        amount = validation.clean_amount(raw.get("amount"), f.name)
        cid = raw.get("claim_item_id")
        if cid is not None and not validation.is_valid_id(cid):
            raise _bad(f, f"第{i + 1}项请求编号无效", f"item {i + 1} has a bad claim id")
        out.append(final_award.AwardItem(ctype, amount, cid))
    return out


def clean_fields(t: TransitionDef, fields: dict[str, Any]) -> dict[str, Any]:
    """Normalise the transition's fields; the first bad or missing one is named in the error."""
    unknown = sorted(set(fields) - {f.name for f in t.fields})
    if unknown:
        raise ValidationError(
            f"“{t.name_zh}”不接受字段 {unknown[0]}。",
            f"'{t.name_en}' takes no field {unknown[0]}.",
            field=unknown[0],
        )
    out: dict[str, Any] = {}
    for f in t.fields:
        v = fields.get(f.name)
        if v is None or (isinstance(v, str) and not v.strip()):
            if f.required:
                raise _missing(t, f)
            continue
        if f.type == "date":
            out[f.name] = _clean_date(f, v)
        elif f.type == "text":
            out[f.name] = validation.clean_text(v, f.name, max_len=2000)
        elif f.type == "decimal":
            parsed = validation.parse_amount(v) if not isinstance(v, float) else None
            if parsed is None:
                raise _bad(f, "应为金额或数值", "must be a number (not a float)")
            out[f.name] = parsed
        elif f.type == "int":
            out[f.name] = validation.clean_int(v, f.name, minimum=0, maximum=1_000_000)
        elif f.type == "bool":
            if not isinstance(v, bool):
                raise _bad(f, "应为是/否", "must be yes or no")
            out[f.name] = v
        elif f.type == "choice":
            if str(v) not in f.choices:
                raise _bad(f, f"“{v}”不是可选值", f"'{v}' is not one of {', '.join(f.choices)}")
            out[f.name] = str(v)
        elif f.type == "strings":
            if not isinstance(v, list | tuple) or not all(isinstance(x, str) and x.strip() for x in v):
                raise _bad(f, "应为非空名单", "must be a list of names")
            out[f.name] = [x.strip() for x in v]
        elif f.type == "items":
            out[f.name] = _clean_items(f, v)
        else:  # pragma: no cover - the tables are checked at import
            raise AssertionError(f.type)
    return out


# --------------------------------------------------------------------------- guards


def _guard_error(zh: str, en: str, field: str | None = None) -> WorkflowError:
    return WorkflowError(zh, en, field=field, code="guard")


def _latest_clock(case: Case, code: str) -> Deadline | None:
    ds = [d for d in case.deadlines if d.rule_code == code and d.state != DeadlineState.CANCELLED.value]
    return ds[-1] if ds else None


def _pay_order_unpaid_expired(case: Case, on: dt.date) -> bool:
    """The order to pay was not met by its deadline (still unpaid, or paid only late)."""
    d = _latest_clock(case, "insp.pay_order")
    return (
        d is not None
        and d.due_on < on
        and d.state in (DeadlineState.RUNNING.value, DeadlineState.BREACHED.value)
    )


def check_guards(session: Session, case: Case, t: TransitionDef, f: dict[str, Any], on: dt.date) -> None:
    # A guard must not block work because next year's notice is not imported yet: it counts
    # an uncovered year as weekends only, and the clock it starts is stored as provisional.
    cal = calendar_for(session).provisional()
    for g in t.guards:
        if g == "signed_by_both" and f.get("signed_by_both") is not True:
            raise _guard_error(
                "须经双方当事人签名（签收）后方可生效。",
                "It takes effect only once both parties have signed.",
                "signed_by_both",
            )
        elif g == "mediation_period_elapsed":
            ds = [
                x
                for x in (_latest_clock(case, "med.arbitration_right"), _latest_clock(case, "med.conclude"))
                if x
            ]
            if not any(on > d.due_on for d in ds):
                first = min((d.due_on for d in ds), default=None)
                raise _guard_error(
                    f"调解期限尚未届满（{first}）。" if first else "调解期限尚未届满。",
                    f"The mediation period has not elapsed ({first})."
                    if first
                    else "The period has not elapsed.",
                    "on",
                )
        elif g == "review_within_15_days":
            assert case.closed_on is not None
            limit = cal.add_calendar_days(case.closed_on, 15)
            if on > limit:
                raise _guard_error(
                    f"仲裁审查须在调解协议生效之日起十五日内申请（至 {limit}）。",
                    f"Arbitration review must be applied for within 15 days of the agreement (by {limit}).",
                    "on",
                )
        elif g == "tribunal_size":
            n = len(f.get("arbitrators", []))
            sole_ok = case.simple_procedure and not case.collective
            if not (n == 3 or (n == 1 and sole_ok)):
                raise _guard_error(
                    "仲裁庭应由三名仲裁员组成；独任仲裁仅适用于简易处理的非集体案件。",
                    "A tribunal has three arbitrators; a sole arbitrator only in a simple, non-collective case.",
                    "arbitrators",
                )
        elif g == "hearing_notice_possible":
            r = rules_mod.rule(session, "arb.hearing_notice")
            latest = cal.subtract_working_days(f["hearing_date"], r.length + 1)
            if latest < on:
                raise _guard_error(
                    f"开庭日期过近：开庭通知须在开庭{r.length}个工作日前送达，最迟 {latest}。",
                    f"The hearing is too soon: the notice must be served {r.length} working days before, by {latest}.",
                    "hearing_date",
                )
        elif g == "acceptance_period_elapsed":
            d = _latest_clock(case, "insp.accept")
            if d is None or not on > d.due_on:
                raise _guard_error(
                    "五个工作日的受理期限尚未届满，不能视为受理。",
                    "The five-working-day period has not elapsed; the complaint is not yet deemed accepted.",
                    "on",
                )
        elif g == "pay_by_after_order":
            if f["pay_by"] <= on:
                raise _guard_error(
                    "限期应晚于责令日期。", "The pay-by date must be after the order.", "pay_by"
                )
        elif g == "compensation_after_unpaid_order":
            rate = f.get("compensation_rate")
            if rate is None:
                continue
            if not Decimal("0.5") <= rate <= Decimal("1"):
                raise _guard_error(
                    "加付赔偿金比例应为应付金额的50%至100%。",
                    "Additional compensation is 50% to 100% of the amount due.",
                    "compensation_rate",
                )
            if not _pay_order_unpaid_expired(case, on):
                raise _guard_error(
                    "只有逾期未按责令限期支付的，才能责令加付赔偿金。",
                    "Additional compensation needs an order to pay that was not met by its deadline.",
                    "compensation_rate",
                )
        elif g == "crime_threshold":
            if not _pay_order_unpaid_expired(case, on):
                raise _guard_error(
                    "移送公安须以责令支付后逾期仍不支付为前提。",
                    "A police referral needs an order to pay that was ignored past its deadline.",
                    "document_no",
                )
            single = settings.get_decimal(session, "crime_threshold_single", on)
            collective = settings.get_decimal(session, "crime_threshold_collective", on)
            workers = int(f["workers"])
            largest = f.get("largest_single_arrears")
            if largest is None and workers == 1:
                largest = f["arrears"]
            ok = (workers >= 10 and f["arrears"] >= collective) or (largest is not None and largest >= single)
            if not ok:
                raise _guard_error(
                    f"拖欠金额未达到拒不支付劳动报酬罪数额标准（一人 {single} 元，十人以上 {collective} 元）。",
                    f"The arrears are below the crime threshold ({single} yuan for one worker, "
                    f"{collective} for ten or more).",
                    "arrears",
                )
        elif g != "signed_by_both":
            raise AssertionError(f"unknown guard {g}")


# --------------------------------------------------------------------------- transitions


def _require_role(actor: Actor, t: TransitionDef, kind: CaseKind) -> None:
    permissions.require(actor, "case.transition", kind)
    if Role(actor.role) not in t.roles:
        raise PermissionDenied(
            f"您的角色无权执行“{t.name_zh}”。", f"Your role may not perform '{t.name_en}'.", code="permission"
        )


def _require_status(case: Case, t: TransitionDef) -> None:
    """A step or record offered in other statuses only is a clear refusal that writes nothing."""
    if case.status not in t.from_states:
        raise WorkflowError(
            f"案件当前状态（{case.status}）不能执行“{t.name_zh}”。",
            f"'{t.name_en}' is not possible from status {case.status}.",
            field="code",
            code="illegal_transition",
        )


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


def _audit(session: Session, actor: Actor, action: str, case: Case, before: Any, after: Any) -> None:
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


def _clean_on(case: Case, on: dt.date | None) -> dt.date:
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
    _require_role(actor, t, kind)
    _require_status(case, t)
    on = _clean_on(case, on)
    f = clean_fields(t, dict(fields or {}))
    check_guards(session, case, t, f, on)
    return _execute(session, actor, case, t, f, on)


def _execute(
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
    _audit(session, actor, f"case.transition.{t.code}", case, before, case_snapshot(case))
    return case


# --------------------------------------------------------------------------- records


def apply_record(
    session: Session,
    actor: Actor,
    case_id: int,
    code: str,
    fields: dict[str, Any],
    *,
    expected_version: int | None,
    on: dt.date | None = None,
) -> Case:
    """Make record ``code`` of :mod:`casemgr.workflow.records` on date ``on``.

    The forms of the desktop send every record here, so the record tables (who, in which
    status, which fields) are enforced for them exactly as for workflow steps; the named
    service then does the work and its own checks.
    """
    case = cases.load_case_for_update(session, case_id, expected_version)
    kind = CaseKind(case.kind)
    t = records.get_record(kind, code)
    if t is None:
        raise WorkflowError(f"未知的登记事项 {code}。", f"Unknown record {code}.", field="code")
    permissions.require(actor, records.PERMISSION.get(code, "case.transition"), kind)
    _require_role(actor, t, kind)
    _require_status(case, t)
    f = clean_fields(t, dict(fields or {}))
    on = _clean_on(case, on)
    v = expected_version
    if code == "record_service":
        record_service(
            session,
            actor,
            case_id,
            document=f["document"],
            method=f["method"],
            served_on=on,
            expected_version=v,
            receipt_no=f.get("receipt_no"),
        )
    elif code == "record_defence":
        record_defence(session, actor, case_id, received_on=on, expected_version=v)
    elif code == "record_payment":
        record_payment(
            session, actor, case_id, f["amount"], paid_on=on, expected_version=v, note=f.get("note")
        )
    elif code == "propose_blacklist":
        propose_blacklist(
            session,
            actor,
            case_id,
            document_no=f["document_no"],
            ground=f["ground"],
            on=on,
            expected_version=v,
        )
    elif code == "decide_blacklist":
        decide_blacklist(
            session,
            actor,
            case_id,
            listed=f["listed"],
            document_no=f["document_no"],
            on=on,
            expected_version=v,
        )
    elif code == "set_green_channel":
        set_green_channel(session, actor, case_id, f["green_channel"], f["reason"], expected_version=v, on=on)
    elif code == "add_note":
        cases.add_note(session, actor, case_id, f["note"], occurred_on=on)
    elif code == "update_amounts":
        cases.update_amounts(
            session,
            actor,
            case_id,
            expected_version=v,
            amount_claimed=f.get("amount_claimed"),
            workers=f.get("workers"),
            occurred_on=on,
        )
        # Collective and 挂牌督办 follow the new figures at once (their clocks too).
        refresh_flags(session, actor, case_id, expected_version=None, on=on)
    elif code == "record_reply":
        from casemgr.services import clues

        clues.record_reply(session, actor, case_id, f["external_ref"], on)
    else:  # pragma: no cover - the record tables and this dispatch are checked by a test
        raise AssertionError(code)
    return case


# --------------------------------------------------------------------------- extensions


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
    on = _clean_on(case, on)
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
    _audit(session, actor, "deadline.extension_requested", case, None, {"deadline_id": d.id, "reason": text})
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
    on = _clean_on(case, on)
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
    _audit(
        session,
        actor,
        "deadline.extension_approved",
        case,
        before,
        {"deadline_id": d.id, "due_on": d.due_on, "extended_days": d.extended_days, "reason": text},
    )
    return d


# --------------------------------------------------------------------------- service (送达)

DOCUMENTS = (
    "application_copy",
    "defence_copy",
    "hearing_notice",
    "tribunal_notice",
    "award",
    "decision",
    "suspension_notice",
    "other",
)
#: The clock group a 送达回证 of each document meets (the duty to serve it).
SERVICE_STOPS = {
    "application_copy": "serve_copy",
    "hearing_notice": "hearing_notice",
    "tribunal_notice": "tribunal",
    "defence_copy": "serve_defence",
    "suspension_notice": "suspension_notice",
    "decision": "serve_decision",
}
#: Days after publication at which a public notice counts as served.
PUBLIC_NOTICE_DAYS_ARBITRATION = 30  # 民事诉讼法 Art. 95 (办案规则 Art. 20 ¶3)
PUBLIC_NOTICE_DAYS_INSPECTION = 60  # 粤条例 Art. 47
PUBLIC_NOTICE_DAYS_INSPECTION_WAGES = 3  # 粤条例 Art. 47: 欠薪


def public_notice_days(case: Case) -> int:
    if case.kind == CaseKind.INSPECTION.value:
        return PUBLIC_NOTICE_DAYS_INSPECTION_WAGES if case.wage_arrears else PUBLIC_NOTICE_DAYS_INSPECTION
    return PUBLIC_NOTICE_DAYS_ARBITRATION


def record_service(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    document: str,
    method: ServiceMethod | str,
    served_on: dt.date,
    expected_version: int | None,
    receipt_no: str | None = None,
) -> Event:
    """One 送达回证. For 公告送达 ``served_on`` is the publication date: the document counts as
    served when the notice period ends, and the period is excluded from the clocks that exclude it."""
    case = cases.load_case_for_update(session, case_id, expected_version)
    permissions.require(actor, "case.transition", case.kind)
    if document not in DOCUMENTS:
        raise ValidationError(
            f"文书类型“{document}”无效。", f"Unknown document type '{document}'.", field="document"
        )
    try:
        m = ServiceMethod(method)
    except ValueError:
        raise ValidationError(
            f"送达方式“{method}”无效。", f"Unknown service method '{method}'.", field="method"
        ) from None
    served_on = _clean_on(case, served_on)
    receipt = validation.clean_text(receipt_no, "receipt_no", max_len=64, required=False)
    deemed = served_on
    if m is ServiceMethod.PUBLIC_NOTICE:
        deemed = served_on + dt.timedelta(days=public_notice_days(case))
        clocks.exclude_interval(session, case, served_on, deemed)
    served_group = SERVICE_STOPS.get(document)
    if served_group is not None:
        clocks.stop_group(session, case, served_group, served_on)
    if document == "application_copy":
        # The respondent's defence period runs from the (deemed) date of receipt.
        clocks.start_group(session, case, "defence", deemed)
    cases.touch(case, actor)
    cases.flush_or_conflict(session, case)
    ev = cases.add_event(
        session,
        case,
        actor,
        EventKind.SERVICE,
        occurred_on=served_on,
        action=document,
        data={"method": m.value, "served_on": served_on, "deemed_served_on": deemed, "receipt_no": receipt},
    )
    _audit(
        session,
        actor,
        "case.service",
        case,
        None,
        {"document": document, "method": m.value, "deemed": deemed},
    )
    return ev


def record_defence(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    received_on: dt.date,
    expected_version: int | None,
) -> Case:
    """The respondent's defence arrived: the party's period ends and the tribunal has 5 wd to
    serve a copy on the applicant (调解仲裁法 Art. 30, 办案规则 Art. 33); the 送达回证 of the
    ``defence_copy`` stops that clock."""
    case = cases.load_case_for_update(session, case_id, expected_version)
    permissions.require(actor, "case.transition", case.kind)
    if case.kind != CaseKind.ARBITRATION.value or case.closed_on is not None:
        raise ValidationError(
            "只有未结的仲裁案件才能登记答辩书。",
            "A defence can only be recorded on an open arbitration case.",
            field="received_on",
        )
    received_on = _clean_on(case, received_on)
    clocks.stop_group(session, case, "defence", received_on)
    started = clocks.start_group(session, case, "serve_defence", received_on)
    cases.touch(case, actor)
    cases.flush_or_conflict(session, case)
    cases.add_event(
        session, case, actor, EventKind.DOCUMENT, occurred_on=received_on, action="defence_received", data={}
    )
    _audit(
        session,
        actor,
        "case.defence_received",
        case,
        None,
        {"received_on": received_on, "serve_by": [d.due_on for d in started]},
    )
    return case


# --------------------------------------------------------------------------- payments and the enforcement ladder


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
    paid_on = _clean_on(case, paid_on)
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
    _audit(session, actor, "case.payment", case, before, case_snapshot(case))
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
    on = _clean_on(case, on)
    order = _latest_clock(case, "insp.pay_order")
    if order is None or not _pay_order_unpaid_expired(case, on):
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
    _audit(session, actor, "case.blacklist_proposed", case, None, {"document_no": doc, "due_on": d.due_on})
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
    on = _clean_on(case, on)
    d = next((x for x in clocks.active_deadlines(case, ["insp.blacklist"])), None)
    if d is None:
        raise WorkflowError("没有待决定的失信名单提请。", "No listing proposal is pending.", field="code")
    clocks.stop_group(session, case, "blacklist", on)
    if listed and case.employer_id is not None:
        from casemgr.deadlines.limitation import add_years

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
    _audit(session, actor, "case.blacklist_decided", case, None, {"document_no": doc, "listed": listed})
    return case


# --------------------------------------------------------------------------- green channel and flags


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
    on = _clean_on(case, on)
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
    _audit(session, actor, "case.green_channel", case, before, case_snapshot(case) | {"reason": text})
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
    on = _clean_on(case, on)
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
    _audit(session, actor, "case.flags", case, before, case_snapshot(case))
    return case


# --------------------------------------------------------------------------- deemed acceptance sweep


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
                _execute(session, actor, case, t, {}, today)
        except KnownError:
            continue
        done.append(cid)
    return done


# --------------------------------------------------------------------------- mediation -> arbitration


def hand_to_arbitration(
    session: Session,
    actor: Actor,
    mediation_case_id: int,
    *,
    received_on: dt.date,
    expected_version: int | None,
) -> Case:
    """A failed or expired mediation becomes an arbitration application, pre-filled and linked.

    The arbitration points at the mediation (``source_case_id``); the mediation's timeline
    records the arbitration's id and number, so the link is visible from both sides.
    """
    med = cases.load_case_for_update(session, mediation_case_id, expected_version)
    if med.kind != CaseKind.MEDIATION.value:
        raise WorkflowError(
            "只有调解案件可以转仲裁。", "Only a mediation can be handed to arbitration.", field="case"
        )
    permissions.require(actor, "case.transition", CaseKind.MEDIATION)
    from casemgr.workflow.mediation import HANDOVER_STATES

    if med.status not in HANDOVER_STATES:
        raise WorkflowError(
            "只有调解不成或期满未达成协议的案件可以转仲裁。",
            "Only a failed or expired mediation can be handed to arbitration.",
            field="code",
            code="illegal_transition",
        )
    existing = session.execute(
        select(Case.number).where(Case.source_case_id == med.id, Case.kind == CaseKind.ARBITRATION.value)
    ).scalar()
    if existing:
        raise WorkflowError(
            f"该调解案件已转为仲裁案件 {existing}。",
            f"Already handed to arbitration as {existing}.",
            field="case",
        )
    persons = []
    index: dict[int, int] = {}
    for cp in med.parties:
        if cp.person is None:
            continue
        p = cp.person
        index[p.id] = len(persons)
        persons.append(
            cases.PartyLink(
                parties.PersonInput(
                    name=p.name,
                    id_number=p.id_number,
                    phone=p.phone,
                    migrant_worker=p.migrant_worker,
                    address=p.address,
                ),
                PartyRole(cp.role),
            )
        )
    emp = med.employer
    employer = (
        parties.EmployerInput(
            name=emp.name,
            uscc=emp.uscc,
            legal_rep=emp.legal_rep,
            district=emp.district,
            industry=emp.industry,
            address=emp.address,
            phone=emp.phone,
        )
        if emp is not None
        else None
    )
    claims = [
        cases.ClaimInput(
            claim_type=ClaimType(c.claim_type),
            amount_claimed=c.amount_claimed,
            worker_index=index.get(c.person_id) if c.person_id is not None else None,
            months=c.months,
            period_from=c.period_from,
            period_to=c.period_to,
        )
        for c in med.claims
    ]
    data = cases.CaseInput(
        kind=CaseKind.ARBITRATION,
        received_on=received_on,
        employer=employer,
        persons=persons,
        claims=claims,
        district=med.district,
        workers=med.workers,
        summary=med.summary,
        employment_ended_on=med.employment_ended_on,
        green_channel_override=med.green_channel if med.green_channel_override else None,
        green_channel_reason=med.green_channel_override,
        source_case_id=med.id,
    )
    # The handover is the mediator's own step (DESIGN §1); registering the arbitration it
    # produces is part of that step, so it runs with the registering rights of the role
    # that receives it, recorded under the mediator's own name.
    registrar = (
        actor
        if permissions.allowed(actor, "case.register", CaseKind.ARBITRATION)
        else dataclasses.replace(actor, role=Role.CLERK)
    )
    arb = cases.register_case(session, registrar, data, today=max(received_on, clock.today()))
    cases.touch(med, actor)
    cases.flush_or_conflict(session, med)
    cases.add_event(
        session,
        med,
        actor,
        EventKind.NOTE,
        occurred_on=received_on,
        action="handed_to_arbitration",
        data={"arbitration_case_id": arb.id, "arbitration_number": arb.number},
    )
    _audit(session, actor, "case.hand_to_arbitration", med, None, {"arbitration_case_id": arb.id})
    return arb


def linked_cases(session: Session, case_id: int) -> list[tuple[int, str, str]]:
    """(id, number, kind) of the cases this one came from or led to, both directions."""
    case = session.get(Case, case_id) if validation.is_valid_id(case_id) else None
    if case is None:
        raise NotFoundError("案件不存在。", "No such case.")
    out = []
    if case.source_case_id is not None:
        src = session.get(Case, case.source_case_id)
        if src is not None:
            out.append((src.id, src.number, src.kind))
    for row in session.execute(select(Case.id, Case.number, Case.kind).where(Case.source_case_id == case.id)):
        out.append((row.id, row.number, row.kind))
    return out
