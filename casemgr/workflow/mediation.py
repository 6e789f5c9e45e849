"""Mediation (调解组织) — Law Art. 14, 企业劳动争议协商调解规定 Arts. 22-30, 办案规则 Arts. 74-79."""

from __future__ import annotations

from casemgr.enums import CaseKind, Outcome, Role
from casemgr.workflow.model import STAY, ClockEffect, FieldDef, TransitionDef

K = CaseKind.MEDIATION
ROLES = frozenset({Role.MEDIATOR, Role.SUPERVISOR})

OPEN = ("received", "accepted", "in_mediation")
CLOSED = (
    "agreement",
    "settled",
    "failed",
    "withdrawn",
    "expired",
    "refused",
    "review_requested",
    "review_confirmed",
    "review_refused",
    "review_not_accepted",  # 办案规则 Art. 75
    "review_withdrawn",  # Art. 79
)
STATES = OPEN + CLOSED

REASON = FieldDef("reason", "text", label_zh="理由", label_en="reason")
DOC = FieldDef("document_no", "text", label_zh="文书编号", label_en="document number")

#: 办案规则 Art. 75: a review application is not accepted when ...
REVIEW_NOT_ACCEPTED_GROUNDS = (
    "review_outside_scope",  # 不属于仲裁委员会受理争议范围
    "outside_jurisdiction",  # 不属于本仲裁委员会管辖
    "review_out_of_time",  # 超出规定的仲裁审查申请期间 (15 days, Art. 74)
    "employment_relationship",  # 确认劳动关系的
    "court_confirmed",  # 调解协议已经人民法院司法确认的
)
#: Art. 78: no 调解书 is made when the agreement ...
REVIEW_REFUSAL_GROUNDS = (
    "violates_law",  # 违反法律、行政法规强制性规定
    "harms_others",  # 损害国家利益、社会公共利益或者公民、法人、其他组织合法权益
    "false_evidence",  # 当事人提供证据材料有弄虚作假嫌疑
    "not_voluntary",  # 违反自愿原则
    "unclear_terms",  # 内容不明确
    "other",
)
REVIEW_ROLES = ROLES  # the commission's review; see docs/workflows.md on who acts

TRANSITIONS: tuple[TransitionDef, ...] = (
    TransitionDef(
        "accept",
        K,
        "受理",
        "Accept",
        ("received",),
        "accepted",
        ROLES,
        clocks=(ClockEffect("stop", "accept"), ClockEffect("start", "mediation")),
        sets_accepted="on",
    ),
    TransitionDef(
        "refuse",
        K,
        "不予受理",
        "Refuse",
        ("received",),
        "refused",
        ROLES,
        fields=(REASON,),
        outcome=Outcome.REFUSED,
        closes=True,
    ),
    TransitionDef("start_mediation", K, "开始调解", "Start mediating", ("accepted",), "in_mediation", ROLES),
    TransitionDef(
        "reach_agreement",
        K,
        "达成调解协议",
        "Agreement reached",
        ("accepted", "in_mediation"),
        "agreement",
        ROLES,
        fields=(
            DOC,
            FieldDef("signed_by_both", "bool", label_zh="双方签名或盖章", label_en="signed by both parties"),
        ),
        outcome=Outcome.AGREEMENT,
        closes=True,
        guards=("signed_by_both",),
    ),
    TransitionDef(
        "settle",
        K,
        "达成和解",
        "Settled",
        ("accepted", "in_mediation"),
        "settled",
        ROLES,
        fields=(FieldDef("note", "text", required=False),),
        outcome=Outcome.SETTLEMENT,
        closes=True,
    ),
    TransitionDef(
        "fail",
        K,
        "调解不成",
        "Mediation failed",
        ("accepted", "in_mediation"),
        "failed",
        ROLES,
        fields=(REASON,),
        outcome=Outcome.FAILED,
        closes=True,
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
    ),
    TransitionDef(
        "withdraw_settled",
        K,
        "和解后撤回",
        "Withdrawn after settling",
        ("accepted", "in_mediation"),
        "withdrawn",
        ROLES,
        outcome=Outcome.WITHDRAWN_SETTLED,
        closes=True,
    ),
    TransitionDef(
        "expire",
        K,
        "期满未达成协议",
        "15 days elapsed without agreement",
        OPEN,
        "expired",
        ROLES,
        outcome=Outcome.EXPIRED,
        closes=True,
        guards=("mediation_period_elapsed",),
    ),
    TransitionDef(
        # 办案规则 Art. 74: both parties apply jointly; a late application is still recorded
        # (and then not accepted under Art. 75, so the figures see it).
        "request_review",
        K,
        "双方共同申请仲裁审查",
        "Joint application for arbitration review",
        ("agreement",),
        "review_requested",
        REVIEW_ROLES,
        fields=(FieldDef("joint", "bool", label_zh="双方当事人共同申请", label_en="applied for jointly"),),
        guards=("joint_application",),
    ),
    TransitionDef(
        # 办案规则 Art. 76: the 5 (+5) wd run from the acceptance of the review application.
        "accept_review",
        K,
        "受理仲裁审查申请",
        "Review application accepted",
        ("review_requested",),
        STAY,
        REVIEW_ROLES,
        clocks=(ClockEffect("start", "review"),),
        guards=("review_not_accepted", "review_applied_in_time"),
    ),
    TransitionDef(
        "refuse_review_application",
        K,
        "仲裁审查申请不予受理",
        "Review application not accepted",
        ("review_requested",),
        "review_not_accepted",
        REVIEW_ROLES,
        fields=(
            FieldDef(
                "ground",
                "choice",
                choices=REVIEW_NOT_ACCEPTED_GROUNDS,
                label_zh="不予受理事由",
                label_en="ground",
            ),
            FieldDef("document_no", "text", required=False, label_zh="通知书编号", label_en="notice number"),
        ),
        guards=("review_not_accepted",),
    ),
    TransitionDef(
        # Art. 77: the 调解书 follows the agreement and takes effect once both parties sign.
        "confirm_review",
        K,
        "仲裁审查：出具调解书（双方签收生效）",
        "Review: mediation statement issued and signed for",
        ("review_requested",),
        "review_confirmed",
        REVIEW_ROLES,
        fields=(DOC, FieldDef("signed_by_both", "bool", label_zh="双方签收", label_en="signed for by both")),
        clocks=(ClockEffect("stop", "review"),),
        guards=("review_accepted", "signed_by_both"),
    ),
    TransitionDef(
        # Art. 78: refused in writing; Art. 79: the review ends.
        "refuse_review",
        K,
        "仲裁审查：不予制作调解书（书面通知）",
        "Review: refused (written notice)",
        ("review_requested",),
        "review_refused",
        REVIEW_ROLES,
        fields=(
            FieldDef(
                "ground", "choice", choices=REVIEW_REFUSAL_GROUNDS, label_zh="不予确认事由", label_en="ground"
            ),
            FieldDef("document_no", "text", label_zh="书面通知编号", label_en="notice number"),
            FieldDef("reason", "text", required=False, label_zh="理由", label_en="reason"),
        ),
        clocks=(ClockEffect("stop", "review"),),
        guards=("review_accepted",),
    ),
    TransitionDef(
        # Art. 76 ¶2 / Art. 79: withdrawn before the 调解书 is served; the review ends.
        "withdraw_review",
        K,
        "撤回仲裁审查申请",
        "Review application withdrawn",
        ("review_requested",),
        "review_withdrawn",
        REVIEW_ROLES,
        fields=(FieldDef("reason", "text", required=False, label_zh="理由", label_en="reason"),),
        clocks=(ClockEffect("cancel", "review"),),
    ),
)

TERMINAL: dict[Outcome, str] = {
    Outcome.AGREEMENT: "agreement",
    Outcome.SETTLEMENT: "settled",
    Outcome.WITHDRAWN_SETTLED: "withdrawn",
    Outcome.FAILED: "failed",
    Outcome.EXPIRED: "expired",
    Outcome.WITHDRAWN: "withdrawn",
    Outcome.REFUSED: "refused",
}

#: A mediation that ended in one of these may be handed to arbitration in one step.
HANDOVER_STATES = ("failed", "expired")
