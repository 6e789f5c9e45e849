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
)
STATES = OPEN + CLOSED

REASON = FieldDef("reason", "text", label_zh="理由", label_en="reason")
DOC = FieldDef("document_no", "text", label_zh="文书编号", label_en="document number")

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
        "request_review",
        K,
        "申请仲裁审查",
        "Apply for arbitration review",
        ("agreement",),
        "review_requested",
        ROLES,
        guards=("review_within_15_days",),
    ),
    TransitionDef(
        # 办案规则 Art. 76: the 5 (+5) wd run from the acceptance of the review application.
        "accept_review",
        K,
        "受理仲裁审查申请",
        "Review application accepted",
        ("review_requested",),
        STAY,
        ROLES,
        clocks=(ClockEffect("start", "review"),),
        guards=("review_not_accepted",),
    ),
    TransitionDef(
        "confirm_review",
        K,
        "仲裁审查：出具调解书",
        "Review: mediation statement issued",
        ("review_requested",),
        "review_confirmed",
        ROLES,
        fields=(DOC,),
        clocks=(ClockEffect("stop", "review"),),
        guards=("review_accepted",),
    ),
    TransitionDef(
        "refuse_review",
        K,
        "仲裁审查：不予制作调解书",
        "Review: refused",
        ("review_requested",),
        "review_refused",
        ROLES,
        fields=(REASON,),
        clocks=(ClockEffect("stop", "review"),),
        guards=("review_accepted",),
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
