"""Arbitration (仲裁) — Law Arts. 29-50, 办案规则 Arts. 29-79 (clock events per Art. 46)."""

from __future__ import annotations

from casemgr.enums import CaseKind, Outcome, Role, ServiceMethod
from casemgr.workflow.model import PREVIOUS, STAY, ClockEffect, FieldDef, TransitionDef

K = CaseKind.ARBITRATION
ROLES = frozenset({Role.CLERK, Role.SUPERVISOR})

OPEN = (
    "received",
    "supplement",
    "pre_mediation",  # 立案前调解，暂缓受理 (办案规则 Art. 69)
    "accepted",
    "tribunal_formed",
    "hearing_scheduled",
    "entrusted",  # 委托调解中 (Art. 70)
    "suspended",
)
CLOSED = (
    "refused",
    "prefiling_settled",  # 立案前调解成功: never accepted, so in no closure rate
    "awarded",
    "settled",
    "withdrawn",
    "deemed_withdrawn",
    "terminated",
    "served",
    "archived",
)
STATES = OPEN + CLOSED
LIVE = ("accepted", "tribunal_formed", "hearing_scheduled")  # accepted and not suspended

REASON = FieldDef("reason", "text", label_zh="理由", label_en="reason")
DOC = FieldDef("document_no", "text", label_zh="文书编号", label_en="document number")
DESC = FieldDef("description", "text", label_zh="内容", label_en="description")

#: 办案规则 Art. 47 中止 grounds
SUSPENSION_GROUNDS = (
    "party_died_or_incapacitated",  # 劳动者死亡/丧失民事行为能力
    "employer_terminated",  # 用人单位终止
    "force_majeure",  # 不可抗力
    "depends_on_other_case",  # 本案以另一案结果为依据
    "awaiting_appraisal",  # 等待工伤认定、伤残等级鉴定以及其他鉴定结论
    "other",
)

STOP_ALL = ClockEffect("stop_all")
#: 暂缓受理 (Art. 69): the acceptance decision is deferred, so its 5-wd clocks (Arts. 29, 30)
#: stand still while the applicant tries mediation and run on with what was left if it fails.
ACCEPT_GROUPS = ("accept", "supplement_notice")
#: Art. 70: delegated before the hearing (a hearing that already took place rules it out).
BEFORE_HEARING = ("accepted", "tribunal_formed", "hearing_scheduled")
AMOUNT_AGREED = FieldDef(
    "amount_agreed", "decimal", label_zh="协议金额（元）", label_en="amount agreed (yuan)"
)
RESTART_AWARD = (ClockEffect("restart", "award"),)

TRANSITIONS: tuple[TransitionDef, ...] = (
    TransitionDef(
        "request_supplement",
        K,
        "通知补正材料",
        "Ask for missing materials (补正)",
        ("received",),
        "supplement",
        ROLES,
        fields=(FieldDef("items", "text", label_zh="需补正的材料", label_en="missing items"),),
        clocks=(ClockEffect("stop", "supplement_notice"), ClockEffect("pause", "accept")),
    ),
    TransitionDef(
        "complete_supplement",
        K,
        "材料补正完毕",
        "Materials supplemented",
        ("supplement",),
        "received",
        ROLES,
        # Art. 46(二): receipt counts from the day the materials are complete.
        clocks=(ClockEffect("restart", "accept"),),
    ),
    TransitionDef(
        # 办案规则 Art. 69: a 调解建议书; with the applicant's consent acceptance is deferred.
        "pre_mediation",
        K,
        "立案前调解（调解建议书，暂缓受理）",
        "Mediation proposal accepted: acceptance deferred",
        ("received",),
        "pre_mediation",
        ROLES,
        fields=(
            FieldDef("document_no", "text", label_zh="调解建议书编号", label_en="proposal number"),
            FieldDef("mediation_body", "text", label_zh="调解组织", label_en="mediation organisation"),
            FieldDef("consent", "bool", label_zh="申请人同意先行调解", label_en="the applicant consents"),
        ),
        clocks=tuple(ClockEffect("pause", g) for g in ACCEPT_GROUPS),
        guards=("applicant_consent",),
    ),
    TransitionDef(
        # Settled before filing: closed as such, never accepted (no accepted_on).
        "pre_mediation_settled",
        K,
        "立案前调解成功（达成调解协议）",
        "Settled in mediation before filing",
        ("pre_mediation",),
        "prefiling_settled",
        ROLES,
        fields=(
            AMOUNT_AGREED,
            FieldDef(
                "document_no", "text", required=False, label_zh="调解协议书编号", label_en="agreement no."
            ),
        ),
        outcome=Outcome.PREFILING_SETTLED,
        closes=True,
        # Cancelled, not stopped: a deferred decision that is never taken was not late.
        clocks=tuple(ClockEffect("cancel", g) for g in ACCEPT_GROUPS),
    ),
    TransitionDef(
        "pre_mediation_failed",
        K,
        "立案前调解不成，恢复受理审查",
        "Mediation before filing failed: acceptance resumes",
        ("pre_mediation",),
        "received",
        ROLES,
        fields=(FieldDef("reason", "text", required=False, label_zh="情况说明", label_en="note"),),
        clocks=tuple(ClockEffect("resume", g) for g in ACCEPT_GROUPS),
    ),
    TransitionDef(
        # 办案规则 Art. 70: before the hearing, both parties consenting; the 10 wd run from consent.
        "entrust_mediation",
        K,
        "委托调解（双方当事人同意）",
        "Mediation entrusted (both parties consent)",
        BEFORE_HEARING,
        "entrusted",
        ROLES,
        fields=(
            FieldDef("mediator", "text", label_zh="受委托的调解组织或个人", label_en="entrusted mediator"),
            FieldDef("consent", "bool", label_zh="双方当事人同意", label_en="both parties consent"),
        ),
        clocks=(ClockEffect("start", "entrusted_mediation"),),
        guards=("both_parties_consent", "before_hearing"),
    ),
    TransitionDef(
        # Back to where it was; the 仲裁调解书 or the withdrawal follows as usual.
        "entrusted_settled",
        K,
        "委托调解达成协议",
        "Entrusted mediation: agreement reached",
        ("entrusted",),
        PREVIOUS,
        ROLES,
        fields=(AMOUNT_AGREED,),
        clocks=(ClockEffect("stop", "entrusted_mediation"),),
    ),
    TransitionDef(
        "entrusted_unsettled",
        K,
        "委托调解未达成协议（开庭审理）",
        "Entrusted mediation failed: to the hearing",
        ("entrusted",),
        PREVIOUS,
        ROLES,
        fields=(FieldDef("reason", "text", required=False, label_zh="情况说明", label_en="note"),),
        clocks=(ClockEffect("stop", "entrusted_mediation"),),
    ),
    TransitionDef(
        "accept",
        K,
        "受理",
        "Accept",
        ("received",),
        "accepted",
        ROLES,
        clocks=(
            ClockEffect("stop", "accept"),
            ClockEffect("stop", "supplement_notice"),
            ClockEffect("start", "serve_copy"),
            ClockEffect("start", "tribunal"),
            ClockEffect("start", "one_shot_notice"),
            ClockEffect("start", "award"),
        ),
        sets_accepted="on",
    ),
    TransitionDef(
        "refuse",
        K,
        "不予受理",
        "Refuse",
        ("received", "supplement"),
        "refused",
        ROLES,
        fields=(REASON,),
        outcome=Outcome.REFUSED,
        closes=True,
        clocks=(STOP_ALL,),
    ),
    TransitionDef(
        "form_tribunal",
        K,
        "组成仲裁庭",
        "Form the tribunal",
        ("accepted",),
        "tribunal_formed",
        ROLES,
        fields=(FieldDef("arbitrators", "strings", label_zh="仲裁员", label_en="arbitrators"),),
        clocks=(ClockEffect("stop", "tribunal"),),
        guards=("tribunal_size",),
    ),
    TransitionDef(
        "send_one_shot_notice",
        K,
        "一次性通知后续事项",
        "One-shot notice of all matters",
        LIVE,
        STAY,
        ROLES,
        clocks=(ClockEffect("stop", "one_shot_notice"),),
    ),
    TransitionDef(
        "schedule_hearing",
        K,
        "确定开庭",
        "Schedule the hearing",
        ("tribunal_formed", "hearing_scheduled"),
        "hearing_scheduled",
        ROLES,
        fields=(
            FieldDef("hearing_date", "date", label_zh="开庭日期", label_en="hearing date"),
            FieldDef("start_time", "time", required=False, label_zh="开庭时间", label_en="time"),
            FieldDef(
                "duration_minutes", "int", required=False, label_zh="预计时长（分钟）", label_en="minutes"
            ),
            FieldDef("room_id", "int", required=False, label_zh="仲裁庭室", label_en="hearing room"),
            FieldDef(
                "presiding_id", "int", required=False, label_zh="首席（独任）仲裁员", label_en="presiding"
            ),
            FieldDef("member_ids", "ids", required=False, label_zh="仲裁员", label_en="members"),
            FieldDef("place", "text", required=False, label_zh="开庭地点", label_en="place"),
            FieldDef(
                "early_hearing_reason",
                "text",
                required=False,
                label_zh="开庭日在答辩期内的理由",
                label_en="reason for a hearing inside the defence period",
            ),
        ),
        clocks=(ClockEffect("start", "hearing_notice", anchor_field="hearing_date"),),
        guards=("hearing_notice_possible", "hearing_after_defence_period", "hearing_slot_free"),
    ),
    TransitionDef(
        "suspend",
        K,
        "中止审理",
        "Suspend (中止)",
        LIVE,
        "suspended",
        ROLES,
        fields=(
            FieldDef("ground", "choice", choices=SUSPENSION_GROUNDS, label_zh="中止事由", label_en="ground"),
            FieldDef("approved_by", "text", label_zh="批准人", label_en="approved by"),
        ),
        clocks=(ClockEffect("pause", "award"),),
    ),
    TransitionDef(
        "resume",
        K,
        "恢复审理",
        "Resume",
        ("suspended",),
        PREVIOUS,
        ROLES,
        clocks=(ClockEffect("resume", "award"),),
    ),
    TransitionDef(
        "change_claims",
        K,
        "增加、变更仲裁请求",
        "Claims added or changed",
        LIVE,
        STAY,
        ROLES,
        fields=(DESC,),
        clocks=RESTART_AWARD,
    ),
    TransitionDef(
        # 办案规则 Art. 36: only during the defence period; decide within 5 wd of receipt.
        "receive_counterclaim",
        K,
        "收到反申请",
        "Counter-claim received",
        LIVE,
        STAY,
        ROLES,
        fields=(DESC,),
        clocks=(ClockEffect("start", "counterclaim_accept"),),
        guards=("within_defence_period",),
    ),
    TransitionDef(
        # Accepted and joined: the award limit runs from this acceptance (Art. 46(四)).
        "join_counterclaim",
        K,
        "受理反申请并合并处理",
        "Counter-claim accepted and joined",
        LIVE,
        STAY,
        ROLES,
        fields=(DESC,),
        clocks=(ClockEffect("stop", "counterclaim_accept"), *RESTART_AWARD),
        guards=("counterclaim_pending",),
    ),
    TransitionDef(
        "refuse_counterclaim",
        K,
        "反申请不予受理",
        "Counter-claim not accepted",
        LIVE,
        STAY,
        ROLES,
        fields=(REASON,),
        clocks=(ClockEffect("stop", "counterclaim_accept"),),
        guards=("counterclaim_pending",),
    ),
    TransitionDef(
        "join_party",
        K,
        "追加当事人或第三人",
        "Party or third party joined",
        LIVE,
        STAY,
        ROLES,
        fields=(DESC,),
        clocks=RESTART_AWARD,
    ),
    TransitionDef(
        "accept_transfer",
        K,
        "接受移送管辖",
        "Case received on transfer of jurisdiction",
        LIVE,
        STAY,
        ROLES,
        fields=(
            FieldDef("from_commission", "text", label_zh="移送机构", label_en="transferring commission"),
        ),
        clocks=RESTART_AWARD,
    ),
    TransitionDef(
        "set_simple_procedure",
        K,
        "适用简易处理",
        "Use the simple procedure",
        ("accepted", "tribunal_formed"),
        STAY,
        ROLES,
        fields=(
            FieldDef(
                "ground",
                "choice",
                choices=("clear_facts", "small_amount", "parties_agree"),
                label_zh="适用理由",
                label_en="ground",
            ),
        ),
        sets_flags={"simple_procedure": True},
    ),
    TransitionDef(
        # Art. 61: conversion does not reset the clock.
        "convert_to_ordinary",
        K,
        "转为普通程序",
        "Convert to the ordinary procedure",
        LIVE,
        STAY,
        ROLES,
        fields=(REASON,),
        sets_flags={"simple_procedure": False},
    ),
    TransitionDef(
        "award",
        K,
        "作出裁决",
        "Award",
        ("tribunal_formed", "hearing_scheduled"),
        "awarded",
        ROLES,
        fields=(
            DOC,
            FieldDef("items", "items", label_zh="裁决事项", label_en="award items"),
            FieldDef(
                "written_hearing",
                "bool",
                required=False,
                label_zh="简易处理书面审理",
                label_en="simple procedure decided on the papers",
            ),
            # 民事诉讼法 Art. 250 ¶2: the two years to apply for enforcement run from the last
            # day of the performance period the award sets ("自本裁决生效之日起N日内").
            FieldDef(
                "perform_days",
                "int",
                required=False,
                label_zh="履行期限（裁决生效后日数，未规定填0）",
                label_en="days to perform after the award takes effect (0: none set)",
            ),
        ),
        outcome=Outcome.AWARD,
        closes=True,
        clocks=(STOP_ALL,),
        guards=("hearing_held",),
    ),
    TransitionDef(
        "settle",
        K,
        "仲裁调解书（双方签收生效）",
        "Mediation statement signed by both",
        LIVE,
        "settled",
        ROLES,
        fields=(DOC, FieldDef("signed_by_both", "bool", label_zh="双方签收", label_en="signed for by both")),
        outcome=Outcome.ARB_MEDIATION,
        closes=True,
        clocks=(STOP_ALL,),
        guards=("signed_by_both",),
    ),
    TransitionDef(
        "withdraw",
        K,
        "撤回申请",
        "Withdrawn",
        OPEN,
        "withdrawn",
        ROLES,
        fields=(FieldDef("reason", "text", required=False),),
        outcome=Outcome.WITHDRAWN,
        closes=True,
        # Withdrawn while acceptance was deferred: the decision never fell due.
        clocks=(
            *(ClockEffect("cancel", g, only_if="acceptance_deferred") for g in ACCEPT_GROUPS),
            STOP_ALL,
        ),
    ),
    TransitionDef(
        "deem_withdrawn",
        K,
        "按撤回处理（申请人无正当理由拒不到庭）",
        "Deemed withdrawn (applicant absent)",
        ("hearing_scheduled",),
        "deemed_withdrawn",
        ROLES,
        fields=(REASON,),
        outcome=Outcome.DEEMED_WITHDRAWN,
        closes=True,
        clocks=(STOP_ALL,),
    ),
    TransitionDef(
        "terminate",
        K,
        "终止审理（其他方式结案）",
        "Terminated (other)",
        (*LIVE, "suspended"),
        "terminated",
        ROLES,
        fields=(REASON,),
        outcome=Outcome.TERMINATED,
        closes=True,
        clocks=(STOP_ALL,),
    ),
    TransitionDef(
        "serve_award",
        K,
        "送达裁决书/调解书",
        "Award or statement served",
        ("awarded", "settled"),
        "served",
        ROLES,
        fields=(
            FieldDef(
                "method",
                "choice",
                choices=tuple(m.value for m in ServiceMethod),
                label_zh="送达方式",
                label_en="method",
            ),
        ),
    ),
    TransitionDef(
        "archive",
        K,
        "归档",
        "Archive",
        ("served", "withdrawn", "deemed_withdrawn", "terminated", "refused"),
        "archived",
        ROLES,
    ),
)

TERMINAL: dict[Outcome, str] = {
    Outcome.AWARD: "awarded",
    Outcome.ARB_MEDIATION: "settled",
    Outcome.WITHDRAWN: "withdrawn",
    Outcome.DEEMED_WITHDRAWN: "deemed_withdrawn",
    Outcome.TERMINATED: "terminated",
    Outcome.REFUSED: "refused",
    Outcome.PREFILING_SETTLED: "prefiling_settled",
}
