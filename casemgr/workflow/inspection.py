"""Labour-inspection complaints and reports (监察投诉/举报) — 条例 Arts. 17-26, 粤条例 Arts. 36-47."""

from __future__ import annotations

from casemgr.enums import CaseKind, ComplaintType, Outcome, Role
from casemgr.workflow.model import STAY, ClockEffect, FieldDef, TransitionDef

K = CaseKind.INSPECTION
ROLES = frozenset({Role.INSPECTOR, Role.SUPERVISOR})

OPEN = ("received", "supplement", "investigating", "awaiting", "suspended", "payment_ordered")
CLOSED = ("refused", "transferred", "handled", "penalized", "cancelled", "police", "referred")
STATES = OPEN + CLOSED

REASON = FieldDef("reason", "text", label_zh="理由", label_en="reason")
DOC = FieldDef("document_no", "text", label_zh="文书编号", label_en="document number")
STOP_ALL = ClockEffect("stop_all")
#: 粤条例 Art. 47: the decision is handed over on the spot or served within 7 working days.
#: Its clock runs on after the case is closed (an ``after_close`` rule) until the 送达回证.
SERVE_DECISION = ClockEffect("start", "serve_decision")
#: 粤条例 Art. 47 ¶1 names the 限期整改指令书 first: it too is served within 7 working days.
SERVE_ORDER = ClockEffect("start", "serve_order")

#: 粤条例 Art. 39 不予受理 grounds
REFUSAL_GROUNDS = (
    "outside_powers",
    "outside_jurisdiction",
    "beyond_lookback",
    "in_arbitration_or_court",
    "dispute_procedure",
    "repeat_complaint",
    "other",
)
#: 粤条例 Art. 44 pauses (not counted in the time limit)
EXTERNAL_CAUSES = ("public_notice", "audit", "appraisal")
#: 粤条例 Art. 45 中止 grounds
SUSPENSION_GROUNDS = ("awaiting_other_authority", "complainant_unreachable", "force_majeure", "other")
#: 粤条例 Art. 46 撤销立案 grounds
CANCEL_GROUNDS = (
    "facts_not_established",
    "corrected_no_penalty",
    "filed_in_error",
    "complaint_withdrawn",
    "mediated_and_paid",
    "other",
)

TRANSITIONS: tuple[TransitionDef, ...] = (
    TransitionDef(
        "accept",
        K,
        "受理并立案",
        "Accept and file",
        ("received",),
        "investigating",
        ROLES,
        fields=(
            FieldDef(
                "complaint_type",
                "choice",
                required=False,
                choices=tuple(c.value for c in ComplaintType),
                label_zh="举报/投诉",
                label_en="report or complaint",
            ),
        ),
        clocks=(ClockEffect("stop", "accept"), ClockEffect("start", "investigate")),
        sets_accepted="on",
    ),
    TransitionDef(
        # 粤条例 Art. 39: not told within 5 working days -> accepted from the day the complaint came in.
        "deem_accept",
        K,
        "逾期未告知，视为受理",
        "Deemed accepted (no answer in 5 working days)",
        ("received",),
        "investigating",
        ROLES,
        # After a 补正 the complaint counts as received when it was completed.
        clocks=(
            ClockEffect("stop", "accept"),
            ClockEffect("start", "investigate", start_from="accept_clock"),
        ),
        sets_accepted="accept_clock",
        # Only a 投诉 is ever "accepted" by silence; a 举报 is checked and filed (Arts. 32-34).
        guards=("complaint_only", "acceptance_period_elapsed"),
    ),
    TransitionDef(
        # 粤条例 Art. 39(七): incomplete → tell the complainant at once, in writing, within the
        # 5 wd of Art. 39 ¶2 (that duty is met by this notice); once complete it is accepted.
        "request_supplement",
        K,
        "一次性告知补正投诉材料",
        "Ask for the missing material (all at once)",
        ("received",),
        "supplement",
        ROLES,
        fields=(FieldDef("missing", "text", label_zh="需补正的材料", label_en="missing material"),),
        clocks=(ClockEffect("stop", "accept"),),
        guards=("complaint_only",),
    ),
    TransitionDef(
        # The completed complaint is received on the day the material is complete: the 5 wd of
        # Arts. 36 and 39 ¶2 (and deemed acceptance) count afresh from that day.
        "supplement_received",
        K,
        "补正材料已收到",
        "Missing material received",
        ("supplement",),
        "received",
        ROLES,
        clocks=(ClockEffect("restart", "accept"),),
    ),
    TransitionDef(
        # Outside this bureau's territorial jurisdiction: a report is passed on within 5 wd
        # (Art. 33 ¶2); a complaint is answered in writing within 5 wd of receipt telling the
        # complainant where to go (Art. 39(二), ¶2) — for migrant workers' wages the bureau also
        # forwards it itself (首问负责制, 保障农民工工资支付条例 Art. 10).
        "transfer_jurisdiction",
        K,
        "移送有管辖权的人社部门",
        "Pass on to the competent bureau",
        ("received", "supplement"),
        "transferred",
        ROLES,
        fields=(FieldDef("department", "text", label_zh="有管辖权的部门", label_en="competent bureau"),),
        outcome=Outcome.TRANSFERRED,
        closes=True,
        clocks=(
            ClockEffect("stop", "accept"),
            ClockEffect("start", "transfer_notice", start_from="accept_clock", only_if="is_complaint"),
        ),
    ),
    TransitionDef(
        "refuse",
        K,
        "不予受理（书面告知理由）",
        "Refuse (written reasons)",
        ("received", "supplement"),
        "refused",
        ROLES,
        fields=(
            FieldDef("ground", "choice", choices=REFUSAL_GROUNDS, label_zh="不予受理事由", label_en="ground"),
            REASON,
        ),
        outcome=Outcome.REFUSED,
        closes=True,
        clocks=(STOP_ALL,),
    ),
    TransitionDef(
        # 首问负责 (保障农民工工资支付条例 Art. 10): hand over and report the result back.
        "transfer_out",
        K,
        "移送有关部门",
        "Transfer to another department",
        ("received", "investigating"),
        "transferred",
        ROLES,
        fields=(FieldDef("department", "text", label_zh="接收部门", label_en="department"),),
        outcome=Outcome.TRANSFERRED,
        closes=True,
        clocks=(STOP_ALL,),
    ),
    TransitionDef(
        "report_back",
        K,
        "告知处理结果",
        "Result reported back",
        ("transferred",),
        STAY,
        ROLES,
        fields=(FieldDef("result", "text", label_zh="处理结果", label_en="result"),),
    ),
    TransitionDef(
        "await_external",
        K,
        "公告/审计/鉴定（不计入时限）",
        "Public notice, audit or appraisal (not counted)",
        ("investigating",),
        "awaiting",
        ROLES,
        fields=(FieldDef("cause", "choice", choices=EXTERNAL_CAUSES, label_zh="事由", label_en="cause"),),
        clocks=(ClockEffect("pause", "investigate"),),
    ),
    TransitionDef(
        "end_external",
        K,
        "公告/审计/鉴定结束",
        "Public notice, audit or appraisal ended",
        ("awaiting",),
        "investigating",
        ROLES,
        clocks=(ClockEffect("resume", "investigate"),),
    ),
    TransitionDef(
        "suspend",
        K,
        "中止",
        "Suspend (中止)",
        ("investigating",),
        "suspended",
        ROLES,
        fields=(
            FieldDef("ground", "choice", choices=SUSPENSION_GROUNDS, label_zh="中止事由", label_en="ground"),
        ),
        # 粤条例 Art. 45 ¶2: the complainant is told in writing within 3 wd of the approval (a
        # 送达回证 stops it), "投诉人无法联系的除外": no duty, so no clock, when the complainant
        # cannot be reached, nor on a report (举报), which has no complainant to tell.
        clocks=(
            ClockEffect("pause", "investigate"),
            ClockEffect("start", "suspension_notice", only_if="complainant_to_notify"),
        ),
    ),
    TransitionDef(
        "resume",
        K,
        "恢复",
        "Resume",
        ("suspended",),
        "investigating",
        ROLES,
        clocks=(ClockEffect("resume", "investigate"),),
    ),
    TransitionDef(
        "order_payment",
        K,
        "责令限期支付",
        "Order to pay within a time limit",
        ("investigating",),
        "payment_ordered",
        ROLES,
        fields=(
            DOC,
            FieldDef("pay_by", "date", label_zh="限期", label_en="pay by"),
            FieldDef(
                "amount_ordered",
                "decimal",
                required=False,
                label_zh="责令支付金额（合计）",
                label_en="amount ordered (total)",
            ),
            # Per claim line (per worker in a collective case); without it the total falls on
            # the only line, or on every line at its claimed amount (casemgr.workflow.money).
            FieldDef(
                "ordered_items",
                "items",
                required=False,
                label_zh="各劳动者责令支付金额",
                label_en="amount ordered per worker",
            ),
        ),
        clocks=(
            ClockEffect("stop", "investigate"),
            ClockEffect("start", "pay_order", anchor_field="pay_by"),
            SERVE_ORDER,
        ),
        guards=("pay_by_after_order",),
    ),
    TransitionDef(
        "handling_decision",
        K,
        "责令改正/行政处理决定",
        "Order to rectify or handling decision",
        ("investigating", "payment_ordered"),
        "handled",
        ROLES,
        fields=(DOC,),
        outcome=Outcome.HANDLING_DECISION,
        closes=True,
        clocks=(STOP_ALL, SERVE_DECISION),
    ),
    TransitionDef(
        "penalty_decision",
        K,
        "行政处罚决定（可加付赔偿金）",
        "Penalty decision (with additional compensation)",
        # From "handled" too: a handling decision left unpaid still leads to 加付赔偿金
        # (条例 Art. 26, 粤条例 Art. 51); the case keeps the closing date of the first decision.
        ("investigating", "payment_ordered", "handled"),
        "penalized",
        ROLES,
        fields=(
            DOC,
            FieldDef(
                "compensation_rate",
                "decimal",
                required=False,
                label_zh="加付赔偿金比例",
                label_en="additional compensation rate",
            ),
        ),
        outcome=Outcome.PENALTY,
        closes=True,
        clocks=(STOP_ALL, SERVE_DECISION),
        guards=("compensation_after_unpaid_order",),
    ),
    TransitionDef(
        "cancel_filing",
        K,
        "撤销立案",
        "Cancel the filing",
        ("investigating", "awaiting", "suspended"),
        "cancelled",
        ROLES,
        fields=(
            FieldDef("ground", "choice", choices=CANCEL_GROUNDS, label_zh="撤销立案事由", label_en="ground"),
        ),
        outcome=Outcome.CANCELLED,
        closes=True,
        clocks=(STOP_ALL, SERVE_DECISION),
    ),
    TransitionDef(
        "refer_police",
        K,
        "移送公安机关（涉嫌拒不支付劳动报酬罪）",
        "Refer to the police (refusal to pay wages)",
        # A decision does not extinguish an unpaid order: the ladder stays open after it.
        ("payment_ordered", "handled", "penalized"),
        "police",
        ROLES,
        fields=(
            DOC,
            FieldDef("arrears", "decimal", label_zh="拖欠金额", label_en="arrears"),
            FieldDef("workers", "int", label_zh="涉及人数", label_en="workers"),
            FieldDef(
                "largest_single_arrears",
                "decimal",
                required=False,
                label_zh="单人最高拖欠额",
                label_en="largest arrears of one worker",
            ),
        ),
        outcome=Outcome.TRANSFERRED,
        closes=True,
        clocks=(STOP_ALL,),
        guards=("crime_threshold",),
    ),
    TransitionDef(
        "refer_to_dispute",
        K,
        "告知通过争议处理程序解决",
        "Refer to dispute resolution",
        ("investigating",),
        "referred",
        ROLES,
        fields=(REASON,),
        outcome=Outcome.REFER_TO_DISPUTE,
        closes=True,
        clocks=(STOP_ALL,),
    ),
)

TERMINAL: dict[Outcome, str] = {
    Outcome.HANDLING_DECISION: "handled",
    Outcome.PENALTY: "penalized",
    Outcome.CANCELLED: "cancelled",
    Outcome.TRANSFERRED: "transferred",
    Outcome.REFER_TO_DISPUTE: "referred",
    Outcome.REFUSED: "refused",
}
