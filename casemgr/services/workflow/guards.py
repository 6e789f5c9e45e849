"""The legal conditions a workflow step checks before it may happen (its ``guards``).

Each guard is named in the step's table (``casemgr.workflow``) and decided here, on the
case as it stands and the step's cleaned fields: the tribunal's size, a hearing notice that
can still be served in time, an ignored order to pay before compensation or a police
referral, and so on. A guard never blocks work because next year's holiday notice is not
imported yet: it counts an uncovered year as weekends only.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from casemgr import settings
from casemgr.deadlines import rules as rules_mod
from casemgr.deadlines.calendar import calendar_for
from casemgr.enums import ComplaintType, DeadlineState
from casemgr.errors import WorkflowError
from casemgr.models import Case, Deadline, Event
from casemgr.services import hearings
from casemgr.workflow.model import TransitionDef


def _guard_error(zh: str, en: str, field: str | None = None) -> WorkflowError:
    return WorkflowError(zh, en, field=field, code="guard")


def latest_clock(case: Case, code: str) -> Deadline | None:
    ds = [d for d in case.deadlines if d.rule_code == code and d.state != DeadlineState.CANCELLED.value]
    return ds[-1] if ds else None


def latest_hearing_date(session: Session, case: Case) -> dt.date | None:
    """The hearing date of the last "schedule_hearing" step (None: no hearing was set)."""
    raw = session.execute(
        select(Event.data)
        .where(Event.case_id == case.id, Event.action == "schedule_hearing")
        .order_by(Event.id.desc())
        .limit(1)
    ).scalar()
    if not raw:
        return None
    value = json.loads(raw).get("hearing_date")
    return dt.date.fromisoformat(value) if isinstance(value, str) else None


def latest_step_date(session: Session, case: Case, action: str) -> dt.date | None:
    """The date of the case's last step ``action`` (None: never taken)."""
    return session.execute(
        select(Event.occurred_on)
        .where(Event.case_id == case.id, Event.action == action)
        .order_by(Event.id.desc())
        .limit(1)
    ).scalar()


def pay_order_unpaid_expired(case: Case, on: dt.date) -> bool:
    """The order to pay was not met by its deadline (still unpaid, or paid only late)."""
    d = latest_clock(case, "insp.pay_order")
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
                for x in (latest_clock(case, "med.arbitration_right"), latest_clock(case, "med.conclude"))
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
        elif g == "review_applied_in_time":
            # 办案规则 Arts. 74-75: applied for within 15 days of the agreement taking effect.
            assert case.closed_on is not None
            limit = cal.add_calendar_days(case.closed_on, 15)
            applied = latest_step_date(session, case, "request_review") or on
            if applied > limit:
                raise _guard_error(
                    f"仲裁审查申请于 {applied} 提出，超出调解协议生效之日起十五日（至 {limit}），"
                    "应当不予受理（《劳动人事争议仲裁办案规则》（2017）第七十四条、第七十五条）。",
                    f"The review was applied for on {applied}, after the 15 days from the agreement "
                    f"(by {limit}): it is not to be accepted (Arbitration Rules 2017 Arts. 74-75).",
                    "code",
                )
        elif g in ("joint_application", "applicant_consent", "both_parties_consent"):
            if f.get("joint" if g == "joint_application" else "consent") is not True:
                zh, en = {
                    "joint_application": (
                        "仲裁审查须由双方当事人共同申请（《劳动人事争议仲裁办案规则》（2017）第七十四条）。",
                        "Both parties must apply for the review together (Arbitration Rules 2017 Art. 74).",
                    ),
                    "applicant_consent": (
                        "申请人同意先行调解的，才能暂缓受理；不同意的，应当依法受理"
                        "（《劳动人事争议仲裁办案规则》（2017）第六十九条）。",
                        "Acceptance is deferred only if the applicant agrees to mediate first (Arbitration Rules 2017 Art. 69).",
                    ),
                    "both_parties_consent": (
                        "委托调解须经双方当事人同意（《劳动人事争议仲裁办案规则》（2017）第七十条）。",
                        "Entrusted mediation needs both parties' consent (Arbitration Rules 2017 Art. 70).",
                    ),
                }[g]
                raise _guard_error(zh, en, "joint" if g == "joint_application" else "consent")
        elif g == "before_hearing":
            hearing = latest_hearing_date(session, case)
            if hearing is not None and hearing <= on:
                raise _guard_error(
                    f"已于 {hearing} 开庭，委托调解只能在开庭前进行（《劳动人事争议仲裁办案规则》（2017）第七十条）。",
                    f"The hearing was on {hearing}: mediation can be entrusted only before it (Arbitration Rules 2017 Art. 70).",
                    "code",
                )
        elif g in ("review_accepted", "review_not_accepted"):
            accepted = latest_clock(case, "med.review") is not None
            if g == "review_accepted" and not accepted:
                raise _guard_error(
                    "仲裁审查申请尚未受理。", "The review application has not been accepted yet.", "code"
                )
            if g == "review_not_accepted" and accepted:
                raise _guard_error(
                    "仲裁审查申请已受理。", "The review application was already accepted.", "code"
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
            hearings.check_notice_period(session, f["hearing_date"], on)
        elif g == "hearing_slot_free":
            hearings.check_slot(session, case, hearings.slot_from_fields(f), on)
        elif g == "complaint_only":
            if rules_mod.complaint_type_of(case) != ComplaintType.COMPLAINT.value:
                raise _guard_error(
                    "举报不适用“逾期未告知视为受理”：只有投诉才能视为受理"
                    "（《广东省劳动保障监察条例》（2019年修正）第三十四条、第三十九条）。",
                    "A report is never deemed accepted: only a complaint is "
                    "(Guangdong Labour Inspection Regulations, 2019 revision, Arts. 34 and 39).",
                    "code",
                )
        elif g == "hearing_after_defence_period":
            if f.get("early_hearing_reason"):
                continue
            d = latest_clock(case, "arb.defence")
            if d is not None:
                end = d.due_on
            else:
                # Not served yet: even if served today the period runs at least this long.
                r = rules_mod.rule(session, "arb.defence")
                end = cal.add_working_days(on, r.length)
            if f["hearing_date"] <= end:
                raise _guard_error(
                    f"开庭日期在被申请人答辩期内（答辩期至 {end}）：请填写理由（如被申请人同意缩短答辩期），"
                    "或改定答辩期满后的日期。",
                    f"The hearing falls inside the respondent's defence period (ends {end}): give the reason "
                    "(e.g. the respondent agreed to shorten it) or choose a later date.",
                    "early_hearing_reason",
                )
        elif g == "hearing_held":
            hearing = latest_hearing_date(session, case)
            if hearing is not None and hearing <= on:
                continue
            if case.simple_procedure and f.get("written_hearing") is True:
                continue
            if hearing is None:
                zh = "尚未开庭审理，不能作出裁决（简易处理的案件可书面审理）。"
                en = "No hearing has taken place: no award yet (a simple-procedure case may be decided on the papers)."
            else:
                zh = f"开庭日期为 {hearing}，开庭审理之前不能作出裁决。"
                en = f"The hearing is on {hearing}: no award before it has taken place."
            raise _guard_error(zh, en, "code")
        elif g == "within_defence_period":
            d = latest_clock(case, "arb.defence")
            if d is None:
                raise _guard_error(
                    "答辩期尚未开始（仲裁申请书副本尚未送达被申请人），不能登记反申请。",
                    "The defence period has not started (the application copy is not served yet).",
                    "on",
                )
            if on > d.due_on:
                raise _guard_error(
                    f"反申请须在答辩期内提出（答辩期至 {d.due_on}）；答辩期满后提出的，应当另行申请仲裁"
                    "（劳动人事争议仲裁办案规则第36条）。",
                    f"A counter-claim must come within the defence period (ended {d.due_on}); a later one "
                    "is a separate application (办案规则 Art. 36).",
                    "on",
                )
        elif g == "counterclaim_pending":
            d = latest_clock(case, "arb.counterclaim_accept")
            if d is None or d.state not in (DeadlineState.RUNNING.value, DeadlineState.PAUSED.value):
                raise _guard_error(
                    "没有待决定受理的反申请。", "No counter-claim is waiting for a decision.", "code"
                )
        elif g == "acceptance_period_elapsed":
            d = latest_clock(case, "insp.accept")
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
            if not pay_order_unpaid_expired(case, on):
                raise _guard_error(
                    "只有逾期未按责令限期支付的，才能责令加付赔偿金。",
                    "Additional compensation needs an order to pay that was not met by its deadline.",
                    "compensation_rate",
                )
        elif g == "crime_threshold":
            if not pay_order_unpaid_expired(case, on):
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
