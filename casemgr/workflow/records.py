"""Steps that record something without moving the case through its workflow.

A 送达回证, the respondent's defence, a payment by the employer, the blacklist proposal and
decision, and a manual green-channel decision change clocks, amounts or flags but not the
status. They are described here with the same :class:`TransitionDef` vocabulary (``to_state``
is :data:`STAY`), so the desktop builds their forms exactly as it builds workflow steps and
``casemgr.services.workflow.apply_record`` is the one place that carries them out.

Which record is offered where is decided here, not in the UI: by kind, by status and by the
clocks the case has (a blacklist decision only while a proposal is pending).
"""

from __future__ import annotations

from collections.abc import Iterable

from casemgr import permissions
from casemgr.actor import Actor
from casemgr.enums import CaseKind, Role, ServiceMethod
from casemgr.workflow import arbitration, court_actions, inspection, mediation
from casemgr.workflow.model import STAY, FieldDef, TransitionDef

#: Documents a 送达回证 can be for, per kind (the clock each one stops is in the service).
SERVICE_DOCUMENTS: dict[CaseKind, tuple[str, ...]] = {
    CaseKind.ARBITRATION: (
        "application_copy",
        "defence_copy",
        "tribunal_notice",
        "hearing_notice",
        "award",
        "other",
    ),
    CaseKind.INSPECTION: (
        "suspension_notice",
        "order",
        "decision",
        "transfer_notice",
        "blacklist_notice",
        "other",
    ),
}
METHODS = tuple(m.value for m in ServiceMethod)
BLACKLIST_GROUNDS = ("crime_threshold", "mass_incident")
#: 粤条例 Art. 47 ¶2: the grounds for a 3-day (not 60-day) publication period in inspection.
SHORT_NOTICE_GROUNDS = ("wage_evasion", "mass_incident")
#: Who received an award (调解仲裁法 Arts. 48-50 count from each party's own receipt).
AWARD_RECIPIENTS = ("worker", "employer")
#: What a reconsideration body or a court may revoke, and who (令第45号 Art. 16 ties a listing to
#: the order to pay wages: 责令限期支付工资文书).
REVOCABLE_DOCUMENTS = ("order", "decision")
REVOKED_BY = ("reconsideration", "court_judgment")
#: After an order to pay: where a blacklist proposal and decision can be made.
_AFTER_ORDER = ("payment_ordered", "handled", "penalized", "police")

#: Each kind's workflow module: its roles, its states and which of them are open.
_FLOW = {CaseKind.MEDIATION: mediation, CaseKind.ARBITRATION: arbitration, CaseKind.INSPECTION: inspection}
DOC_NO = FieldDef("document_no", "text", label_zh="文书编号", label_en="document number")


def _service(kind: CaseKind) -> TransitionDef:
    return TransitionDef(
        "record_service",
        kind,
        "登记送达（送达回证）",
        "Record service (proof of service)",
        tuple(s for s in _FLOW[kind].STATES if s != "archived"),
        STAY,
        _FLOW[kind].ROLES,
        fields=(
            FieldDef(
                "document",
                "choice",
                choices=SERVICE_DOCUMENTS[kind],
                label_zh="送达文书",
                label_en="document",
            ),
            FieldDef("method", "choice", choices=METHODS, label_zh="送达方式", label_en="method"),
            FieldDef("receipt_no", "text", required=False, label_zh="回证编号", label_en="receipt number"),
            *(
                (
                    FieldDef(
                        "short_notice_ground",
                        "choice",
                        required=False,
                        choices=SHORT_NOTICE_GROUNDS,
                        label_zh="三日公告期事由（粤条例第47条）",
                        label_en="ground for the 3-day notice period",
                    ),
                )
                if kind is CaseKind.INSPECTION
                else ()
            ),
            *(
                (
                    FieldDef(
                        "party",
                        "choice",
                        required=False,
                        choices=AWARD_RECIPIENTS,
                        label_zh="受送达当事人（裁决书；不选即双方同日收到）",
                        label_en="party served (award; none: both that day)",
                    ),
                )
                if kind is CaseKind.ARBITRATION
                else ()
            ),
        ),
    )


def _payment(kind: CaseKind) -> TransitionDef:
    return TransitionDef(
        "record_payment",
        kind,
        "登记用人单位支付",
        "Record a payment by the employer",
        tuple(s for s in _FLOW[kind].STATES if s not in ("refused", "archived")),
        STAY,
        _FLOW[kind].ROLES,
        fields=(
            FieldDef(
                "amount", "decimal", required=False, label_zh="支付金额（元）", label_en="amount paid (yuan)"
            ),
            FieldDef(
                "paid_items",
                "items",
                required=False,
                label_zh="各劳动者本次支付（元）",
                label_en="paid per worker (yuan)",
            ),
            FieldDef("note", "text", required=False, label_zh="备注", label_en="note"),
        ),
    )


def _green(kind: CaseKind) -> TransitionDef:
    return TransitionDef(
        "set_green_channel",
        kind,
        "绿色通道（手工设定）",
        "Green channel (set by hand)",
        _FLOW[kind].OPEN,
        STAY,
        _FLOW[kind].ROLES,
        fields=(
            FieldDef("green_channel", "bool", label_zh="适用绿色通道", label_en="on the green channel"),
            FieldDef("reason", "text", label_zh="理由", label_en="reason"),
        ),
    )


def _note(kind: CaseKind) -> TransitionDef:
    return TransitionDef(
        "add_note",
        kind,
        "添加备注",
        "Add a note",
        _FLOW[kind].STATES,
        STAY,
        _FLOW[kind].ROLES,
        fields=(FieldDef("note", "text", label_zh="备注", label_en="note"),),
    )


def _amounts(kind: CaseKind) -> TransitionDef:
    return TransitionDef(
        "update_amounts",
        kind,
        "更正请求金额/涉及人数",
        "Correct the amount claimed or the number of workers",
        _FLOW[kind].OPEN,
        STAY,
        _FLOW[kind].ROLES,
        fields=(
            FieldDef(
                "amount_claimed",
                "decimal",
                required=False,
                label_zh="请求金额（元）",
                label_en="amount claimed",
            ),
            FieldDef("workers", "int", label_zh="涉及人数", label_en="workers"),
        ),
    )


def _reply(kind: CaseKind) -> TransitionDef:
    return TransitionDef(
        "record_reply",
        kind,
        "答复来件渠道",
        "Reply to the outside channel",
        _FLOW[kind].STATES,
        STAY,
        _FLOW[kind].ROLES,
        fields=(FieldDef("external_ref", "text", label_zh="来件编号", label_en="reference number"),),
    )


#: Law Art. 27 ¶2 / 办案规则 Art. 27: what interrupts the limitation.
INTERRUPTION_GROUNDS = ("claim_made", "relief_sought", "obligor_agreed")


def _limitation(kind: CaseKind) -> TransitionDef:
    """The facts the limitation warning counts from (调解仲裁法 Art. 27; 监察条例 Art. 20)."""
    if kind is CaseKind.INSPECTION:
        fields: tuple[FieldDef, ...] = (
            FieldDef(
                "violation_on",
                "date",
                label_zh="违法行为发生（持续的，终了）之日",
                label_en="day of the violation (its end, if it continued)",
            ),
        )
    else:
        fields = (
            FieldDef(
                "employment_ended_on",
                "date",
                required=False,
                label_zh="劳动关系终止之日",
                label_en="day employment ended",
            ),
            FieldDef(
                "knew_on",
                "date",
                required=False,
                label_zh="知道或应当知道权利被侵害之日",
                label_en="day the party knew of the infringement",
            ),
            FieldDef(
                "interrupted_on",
                "date",
                required=False,
                label_zh="时效中断之日",
                label_en="day the limitation was interrupted",
            ),
            FieldDef(
                "ground",
                "choice",
                required=False,
                choices=INTERRUPTION_GROUNDS,
                label_zh="中断事由",
                label_en="what interrupted it",
            ),
            # 调解仲裁法 Art. 27 ¶3: force majeure or another justified reason (时效中止)
            FieldDef(
                "suspended_from",
                "date",
                required=False,
                label_zh="时效中止事由发生之日（不可抗力等）",
                label_en="day the cause of suspension began (force majeure etc.)",
            ),
            FieldDef(
                "suspended_to",
                "date",
                required=False,
                label_zh="中止事由消除之日",
                label_en="day the cause of suspension ended",
            ),
        )
    return TransitionDef(
        "record_limitation",
        kind,
        "登记时效事实（知道日、中断、中止、终止）",
        "Record the limitation facts (knowledge, interruption, suspension, end)",
        _FLOW[kind].STATES,
        STAY,
        _FLOW[kind].ROLES,
        fields=(*fields, FieldDef("note", "text", required=False, label_zh="备注", label_en="note")),
    )


def _common(kind: CaseKind) -> tuple[TransitionDef, ...]:
    return (_note(kind), _amounts(kind), _reply(kind), _limitation(kind))


RECORDS: dict[CaseKind, dict[str, TransitionDef]] = {
    CaseKind.MEDIATION: {
        t.code: t
        for t in (_payment(CaseKind.MEDIATION), _green(CaseKind.MEDIATION), *_common(CaseKind.MEDIATION))
    },
    CaseKind.ARBITRATION: {
        t.code: t
        for t in (
            _service(CaseKind.ARBITRATION),
            TransitionDef(
                "record_defence",
                CaseKind.ARBITRATION,
                "登记收到答辩书",
                "Record the defence received",
                tuple(s for s in arbitration.OPEN if s not in ("received", "supplement")),
                STAY,
                arbitration.ROLES,
            ),
            _payment(CaseKind.ARBITRATION),
            _green(CaseKind.ARBITRATION),
            *_common(CaseKind.ARBITRATION),
            *court_actions.RECORDS,
        )
    },
    CaseKind.INSPECTION: {
        t.code: t
        for t in (
            _service(CaseKind.INSPECTION),
            _payment(CaseKind.INSPECTION),
            TransitionDef(
                "propose_blacklist",
                CaseKind.INSPECTION,
                "提请列入失信联合惩戒名单",
                "Propose listing in the wage-arrears blacklist",
                _AFTER_ORDER,
                STAY,
                inspection.ROLES,
                fields=(
                    DOC_NO,
                    FieldDef(
                        "ground", "choice", choices=BLACKLIST_GROUNDS, label_zh="列入事由", label_en="ground"
                    ),
                ),
            ),
            TransitionDef(
                "decide_blacklist",
                CaseKind.INSPECTION,
                "失信名单列入决定",
                "Decide on the blacklist listing",
                _AFTER_ORDER,
                STAY,
                inspection.ROLES,
                fields=(
                    FieldDef("listed", "bool", label_zh="决定列入", label_en="listed"),
                    DOC_NO,
                ),
            ),
            TransitionDef(
                # 保障农民工工资支付条例 Art. 42: an order to pay not complied with → apply to the
                # people's court for enforcement. A rung of the ladder, open while money is owed.
                "apply_court_enforcement",
                CaseKind.INSPECTION,
                "申请人民法院强制执行",
                "Apply to the court for enforcement",
                _AFTER_ORDER,
                STAY,
                inspection.ROLES,
                fields=(DOC_NO, FieldDef("court", "text", label_zh="受理法院", label_en="court")),
            ),
            # 令第45号 Arts. 6, 12, 14, 17: the listing's later steps, each offered while its clock runs.
            TransitionDef(
                "record_blacklist_objection",
                CaseKind.INSPECTION,
                "登记用人单位对列入失信名单的异议",
                "Record the employer's objection to the listing",
                _AFTER_ORDER,
                STAY,
                inspection.ROLES,
                fields=(FieldDef("note", "text", required=False, label_zh="异议要点", label_en="objection"),),
            ),
            TransitionDef(
                "record_blacklist_review",
                CaseKind.INSPECTION,
                "异议复核结果（告知用人单位）",
                "Result of checking the objection (told to the employer)",
                _AFTER_ORDER,
                STAY,
                inspection.ROLES,
                fields=(
                    FieldDef("upheld", "bool", label_zh="异议成立", label_en="objection upheld"),
                    DOC_NO,
                ),
            ),
            TransitionDef(
                "apply_early_removal",
                CaseKind.INSPECTION,
                "登记提前移出失信名单申请（含信用承诺）",
                "Record an application for early removal (with the credit promise)",
                _AFTER_ORDER,
                STAY,
                inspection.ROLES,
            ),
            TransitionDef(
                "decide_early_removal",
                CaseKind.INSPECTION,
                "提前移出决定",
                "Decide on early removal",
                _AFTER_ORDER,
                STAY,
                inspection.ROLES,
                fields=(FieldDef("granted", "bool", label_zh="同意提前移出", label_en="granted"), DOC_NO),
            ),
            TransitionDef(
                "remove_from_blacklist",
                CaseKind.INSPECTION,
                "移出失信名单",
                "Remove from the blacklist",
                _AFTER_ORDER,
                STAY,
                inspection.ROLES,
                fields=(DOC_NO,),
            ),
            TransitionDef(
                # A reconsideration decision or a judgment revoked the bureau's order or decision;
                # a listing resting on a revoked order to pay is revoked too (令第45号 Arts. 16-17).
                "revoke_document",
                CaseKind.INSPECTION,
                "登记文书被依法撤销（复议、诉讼）",
                "Record that an order or decision was revoked (reconsideration, court)",
                _AFTER_ORDER,
                STAY,
                inspection.ROLES,
                fields=(
                    FieldDef(
                        "document",
                        "choice",
                        choices=REVOCABLE_DOCUMENTS,
                        label_zh="被撤销的文书",
                        label_en="document revoked",
                    ),
                    FieldDef(
                        "revoked_by", "choice", choices=REVOKED_BY, label_zh="撤销机关", label_en="revoked by"
                    ),
                    FieldDef(
                        "document_no",
                        "text",
                        label_zh="复议决定书或判决书编号",
                        label_en="number of the reconsideration decision or judgment",
                    ),
                ),
            ),
            _green(CaseKind.INSPECTION),
            *_common(CaseKind.INSPECTION),
        )
    },
}

#: The permission each record needs on top of its roles (a flag is an edit, not a step).
PERMISSION = {
    "set_green_channel": "case.edit",
    "add_note": "case.edit",
    "update_amounts": "case.edit",
    "record_reply": "case.edit",
    "record_limitation": "case.edit",
}
#: Records offered only while a clock of the listing runs (令第45号).
_NEEDS_CLOCK = {
    "record_blacklist_objection": "insp.blacklist.objection",
    "record_blacklist_review": "insp.blacklist.verify",
    "apply_early_removal": "insp.blacklist.term",
    "decide_early_removal": "insp.blacklist.early",
    "remove_from_blacklist": "insp.blacklist.removal",
}
#: The reply clocks of clues from outside channels (resources/rules/clue_reply_*.json).
REPLY_RULE_SUFFIX = ".clue_reply"


def get_record(kind: CaseKind | str, code: str) -> TransitionDef | None:
    return RECORDS[CaseKind(kind)].get(code)


def available_records(
    case: object, actor: Actor, active_clocks: Iterable[str] = (), *, ran_clocks: Iterable[str] = ()
) -> list[TransitionDef]:
    """The records ``actor`` may make on ``case`` (anything with ``kind`` and ``status``).

    ``active_clocks`` are the rule codes of the case's running or paused clocks, and
    ``ran_clocks`` those of every clock not cancelled: a blacklist decision needs a pending
    proposal, and a case is proposed once (``propose_blacklist`` refuses a second time).
    """
    kind = CaseKind(getattr(case, "kind"))  # noqa: B009
    status = str(getattr(case, "status"))  # noqa: B009
    role = Role(actor.role)
    active = set(active_clocks)
    out = []
    for t in RECORDS[kind].values():
        if status not in t.from_states or role not in t.roles:
            continue
        if not permissions.allowed(actor, PERMISSION.get(t.code, "case.transition"), kind):
            continue
        if t.code == "decide_blacklist" and "insp.blacklist" not in active:
            continue
        if t.code == "propose_blacklist" and "insp.blacklist" in active | set(ran_clocks):
            continue
        if t.code == "record_reply" and not any(c.endswith(REPLY_RULE_SUFFIX) for c in active):
            continue
        needs = _NEEDS_CLOCK.get(t.code)
        if needs is not None and needs not in active:
            continue
        if t.code == "apply_early_removal" and "insp.blacklist.early" in active:
            continue
        if t.code in court_actions.CODES and getattr(case, "outcome", None) != "award":
            continue  # after an award only (a 仲裁调解书 cannot be sued against)
        out.append(t)
    return out
