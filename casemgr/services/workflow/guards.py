"""The legal conditions a workflow step checks before it may happen (its ``guards``).

Each guard is named in the step's table (``casemgr.workflow``) and decided here, on the
case as it stands and the step's cleaned fields: the tribunal's size, a hearing notice that
can still be served in time, an ignored order to pay before compensation or a police
referral, and so on. A guard never blocks work because next year's holiday notice is not
imported yet: it counts an uncovered year as weekends only.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from casemgr import settings
from casemgr.deadlines import rules as rules_mod
from casemgr.deadlines.calendar import calendar_for
from casemgr.enums import DeadlineState
from casemgr.errors import WorkflowError
from casemgr.models import Case, Deadline
from casemgr.workflow.model import TransitionDef


def _guard_error(zh: str, en: str, field: str | None = None) -> WorkflowError:
    return WorkflowError(zh, en, field=field, code="guard")


def latest_clock(case: Case, code: str) -> Deadline | None:
    ds = [d for d in case.deadlines if d.rule_code == code and d.state != DeadlineState.CANCELLED.value]
    return ds[-1] if ds else None


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
