"""Labels for the domain's codes (kinds, statuses, outcomes, roles ...).

The domain stores codes, never sentences. Each table is marked with
``QT_TRANSLATE_NOOP`` so ``pyside6-lupdate`` extracts every label (it cannot see
``tr(variable)``, STYLE.md §8), and :func:`label` translates it at run time under the
table's own context. An unknown code is shown as itself rather than hidden: a new
workflow state must never make a case disappear from view.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

KINDS = {
    "mediation": QT_TRANSLATE_NOOP("Kind", "Mediation"),
    "arbitration": QT_TRANSLATE_NOOP("Kind", "Arbitration"),
    "inspection": QT_TRANSLATE_NOOP("Kind", "Inspection complaint"),
}

STATUSES = {
    "received": QT_TRANSLATE_NOOP("Status", "Received"),
    "supplement": QT_TRANSLATE_NOOP("Status", "Awaiting documents"),
    "accepted": QT_TRANSLATE_NOOP("Status", "Accepted"),
    "in_mediation": QT_TRANSLATE_NOOP("Status", "Mediating"),
    "agreement": QT_TRANSLATE_NOOP("Status", "Agreement reached"),
    "settled": QT_TRANSLATE_NOOP("Status", "Settled"),
    "failed": QT_TRANSLATE_NOOP("Status", "Mediation failed"),
    "withdrawn": QT_TRANSLATE_NOOP("Status", "Withdrawn"),
    "expired": QT_TRANSLATE_NOOP("Status", "Expired without agreement"),
    "refused": QT_TRANSLATE_NOOP("Status", "Not accepted"),
    "review_requested": QT_TRANSLATE_NOOP("Status", "Arbitration review requested"),
    "review_confirmed": QT_TRANSLATE_NOOP("Status", "Review: confirmed"),
    "review_refused": QT_TRANSLATE_NOOP("Status", "Review: not confirmed"),
    "review_not_accepted": QT_TRANSLATE_NOOP("Status", "Review application not accepted"),
    "review_withdrawn": QT_TRANSLATE_NOOP("Status", "Review application withdrawn"),
    "pre_mediation": QT_TRANSLATE_NOOP("Status", "Mediating before filing (acceptance deferred)"),
    "prefiling_settled": QT_TRANSLATE_NOOP("Status", "Settled before filing"),
    "entrusted": QT_TRANSLATE_NOOP("Status", "Entrusted mediation"),
    "tribunal_formed": QT_TRANSLATE_NOOP("Status", "Tribunal formed"),
    "hearing_scheduled": QT_TRANSLATE_NOOP("Status", "Hearing scheduled"),
    "suspended": QT_TRANSLATE_NOOP("Status", "Suspended"),
    "awarded": QT_TRANSLATE_NOOP("Status", "Award made"),
    "deemed_withdrawn": QT_TRANSLATE_NOOP("Status", "Deemed withdrawn"),
    "terminated": QT_TRANSLATE_NOOP("Status", "Terminated"),
    "served": QT_TRANSLATE_NOOP("Status", "Served"),
    "archived": QT_TRANSLATE_NOOP("Status", "Archived"),
    "investigating": QT_TRANSLATE_NOOP("Status", "Investigating"),
    "awaiting": QT_TRANSLATE_NOOP("Status", "Waiting (time not counted)"),
    "payment_ordered": QT_TRANSLATE_NOOP("Status", "Payment ordered"),
    "transferred": QT_TRANSLATE_NOOP("Status", "Transferred"),
    "handled": QT_TRANSLATE_NOOP("Status", "Handling decision made"),
    "penalized": QT_TRANSLATE_NOOP("Status", "Penalty imposed"),
    "cancelled": QT_TRANSLATE_NOOP("Status", "Filing cancelled"),
    "police": QT_TRANSLATE_NOOP("Status", "Transferred to the police"),
    "referred": QT_TRANSLATE_NOOP("Status", "Referred to dispute procedure"),
}

#: Choice values of transition fields (casemgr.workflow FieldDef.choices).
CHOICES = {
    "party_died_or_incapacitated": QT_TRANSLATE_NOOP("Choice", "A party died or lost capacity"),
    "employer_terminated": QT_TRANSLATE_NOOP("Choice", "The employer was dissolved"),
    "force_majeure": QT_TRANSLATE_NOOP("Choice", "Force majeure"),
    "depends_on_other_case": QT_TRANSLATE_NOOP("Choice", "Depends on another case"),
    "awaiting_appraisal": QT_TRANSLATE_NOOP("Choice", "Awaiting appraisal"),
    "other": QT_TRANSLATE_NOOP("Choice", "Other"),
    "clear_facts": QT_TRANSLATE_NOOP("Choice", "Facts are clear"),
    "small_amount": QT_TRANSLATE_NOOP("Choice", "Small amount"),
    "parties_agree": QT_TRANSLATE_NOOP("Choice", "Both parties agree"),
    "application_copy": QT_TRANSLATE_NOOP("Choice", "Copy of the application"),
    "defence_copy": QT_TRANSLATE_NOOP("Choice", "Copy of the defence"),
    "tribunal_notice": QT_TRANSLATE_NOOP("Choice", "Notice of the tribunal's composition"),
    "hearing_notice": QT_TRANSLATE_NOOP("Choice", "Hearing notice"),
    "award": QT_TRANSLATE_NOOP("Choice", "Award or mediation statement"),
    "decision": QT_TRANSLATE_NOOP("Choice", "Decision (handling, penalty or cancellation)"),
    "suspension_notice": QT_TRANSLATE_NOOP("Choice", "Notice of suspension"),
    "order": QT_TRANSLATE_NOOP("Choice", "Order to rectify or pay"),
    "transfer_notice": QT_TRANSLATE_NOOP("Choice", "Notice naming the competent bureau"),
    "blacklist_notice": QT_TRANSLATE_NOOP("Choice", "Notice of the intended blacklisting"),
    "wage_evasion": QT_TRANSLATE_NOOP("Choice", "Employer's head ignored the wage-arrears summons"),
    "crime_threshold": QT_TRANSLATE_NOOP("Choice", "Arrears reach the crime threshold"),
    "mass_incident": QT_TRANSLATE_NOOP("Choice", "Caused a mass or extreme incident"),
    "direct": QT_TRANSLATE_NOOP("Choice", "Delivered in person"),
    "left": QT_TRANSLATE_NOOP("Choice", "Left at the address"),
    "posted": QT_TRANSLATE_NOOP("Choice", "Posted at the address"),
    "worker": QT_TRANSLATE_NOOP("Choice", "The worker"),
    "reconsideration": QT_TRANSLATE_NOOP("Choice", "Administrative reconsideration decision"),
    "court_judgment": QT_TRANSLATE_NOOP("Choice", "Court judgment"),
    "employer": QT_TRANSLATE_NOOP("Choice", "The employer"),
    "claim_made": QT_TRANSLATE_NOOP("Choice", "A demand was made on the other side"),
    "relief_sought": QT_TRANSLATE_NOOP("Choice", "Relief was sought from an authority"),
    "obligor_agreed": QT_TRANSLATE_NOOP("Choice", "The other side agreed to perform"),
    "post": QT_TRANSLATE_NOOP("Choice", "By post"),
    "electronic": QT_TRANSLATE_NOOP("Choice", "Electronic service"),
    "public_notice": QT_TRANSLATE_NOOP("Choice", "Public notice"),
    "complaint": QT_TRANSLATE_NOOP("Choice", "Complaint"),
    "report": QT_TRANSLATE_NOOP("Choice", "Report"),
    "outside_powers": QT_TRANSLATE_NOOP("Choice", "Outside the inspection's powers"),
    "outside_jurisdiction": QT_TRANSLATE_NOOP("Choice", "Outside our jurisdiction"),
    "beyond_lookback": QT_TRANSLATE_NOOP("Choice", "Older than the two-year look-back"),
    "in_arbitration_or_court": QT_TRANSLATE_NOOP("Choice", "Already in arbitration or court"),
    "dispute_procedure": QT_TRANSLATE_NOOP("Choice", "Belongs in the dispute procedure"),
    "repeat_complaint": QT_TRANSLATE_NOOP("Choice", "Repeated complaint"),
    "audit": QT_TRANSLATE_NOOP("Choice", "Audit"),
    "appraisal": QT_TRANSLATE_NOOP("Choice", "Appraisal"),
    "awaiting_other_authority": QT_TRANSLATE_NOOP("Choice", "Waiting for another authority"),
    "complainant_unreachable": QT_TRANSLATE_NOOP("Choice", "Complainant unreachable"),
    "facts_not_established": QT_TRANSLATE_NOOP("Choice", "Facts not established"),
    "corrected_no_penalty": QT_TRANSLATE_NOOP("Choice", "Corrected; no penalty needed"),
    "filed_in_error": QT_TRANSLATE_NOOP("Choice", "Filed in error"),
    "complaint_withdrawn": QT_TRANSLATE_NOOP("Choice", "Complaint withdrawn"),
    "mediated_and_paid": QT_TRANSLATE_NOOP("Choice", "Mediated and paid"),
    "suit": QT_TRANSLATE_NOOP("Choice", "Suit at the people's court"),
    "set_aside_application": QT_TRANSLATE_NOOP("Choice", "Application to set the award aside"),
    "final": QT_TRANSLATE_NOOP("Choice", "Final award items"),
    "nonfinal": QT_TRANSLATE_NOOP("Choice", "Non-final award items"),
    "award_set_aside": QT_TRANSLATE_NOOP("Choice", "Award set aside"),
    "application_dismissed": QT_TRANSLATE_NOOP("Choice", "Application dismissed"),
    "judgment": QT_TRANSLATE_NOOP("Choice", "Judgment"),
    "court_mediation": QT_TRANSLATE_NOOP("Choice", "Settled by the court's mediation"),
    "suit_withdrawn": QT_TRANSLATE_NOOP("Choice", "Suit withdrawn"),
    "in_time": QT_TRANSLATE_NOOP("Choice", "Within the period"),
    "late": QT_TRANSLATE_NOOP("Choice", "After the period (admissibility is for the court)"),
    "review_outside_scope": QT_TRANSLATE_NOOP("Choice", "Not a dispute the commission handles"),
    "review_out_of_time": QT_TRANSLATE_NOOP("Choice", "Applied for after the 15 days"),
    "employment_relationship": QT_TRANSLATE_NOOP("Choice", "Confirms an employment relationship"),
    "court_confirmed": QT_TRANSLATE_NOOP("Choice", "Already confirmed by a court"),
    "violates_law": QT_TRANSLATE_NOOP("Choice", "Violates mandatory law"),
    "harms_others": QT_TRANSLATE_NOOP("Choice", "Harms the public or others' rights"),
    "false_evidence": QT_TRANSLATE_NOOP("Choice", "Evidence suspected false"),
    "not_voluntary": QT_TRANSLATE_NOOP("Choice", "Not voluntary"),
    "unclear_terms": QT_TRANSLATE_NOOP("Choice", "Terms unclear"),
}

OUTCOMES = {
    "agreement": QT_TRANSLATE_NOOP("Outcome", "Mediation agreement"),
    "settlement": QT_TRANSLATE_NOOP("Outcome", "Settlement"),
    "withdrawn_settled": QT_TRANSLATE_NOOP("Outcome", "Withdrawn after settlement"),
    "failed": QT_TRANSLATE_NOOP("Outcome", "Mediation failed"),
    "expired": QT_TRANSLATE_NOOP("Outcome", "No agreement within 15 days"),
    "award": QT_TRANSLATE_NOOP("Outcome", "Award"),
    "arb_mediation": QT_TRANSLATE_NOOP("Outcome", "Arbitral mediation statement"),
    "deemed_withdrawn": QT_TRANSLATE_NOOP("Outcome", "Deemed withdrawn"),
    "terminated": QT_TRANSLATE_NOOP("Outcome", "Terminated"),
    "handling_decision": QT_TRANSLATE_NOOP("Outcome", "Order to rectify"),
    "penalty": QT_TRANSLATE_NOOP("Outcome", "Administrative penalty"),
    "cancelled": QT_TRANSLATE_NOOP("Outcome", "Filing cancelled"),
    "transferred": QT_TRANSLATE_NOOP("Outcome", "Transferred"),
    "refer_to_dispute": QT_TRANSLATE_NOOP("Outcome", "Referred to dispute procedure"),
    "withdrawn": QT_TRANSLATE_NOOP("Outcome", "Withdrawn"),
    "refused": QT_TRANSLATE_NOOP("Outcome", "Not accepted"),
    "prefiling_settled": QT_TRANSLATE_NOOP("Outcome", "Settled before filing"),
}

ROLES = {
    "admin": QT_TRANSLATE_NOOP("Role", "Administrator"),
    "supervisor": QT_TRANSLATE_NOOP("Role", "Supervisor"),
    "clerk": QT_TRANSLATE_NOOP("Role", "Arbitration clerk"),
    "mediator": QT_TRANSLATE_NOOP("Role", "Mediator"),
    "inspector": QT_TRANSLATE_NOOP("Role", "Labour inspector"),
    "auditor": QT_TRANSLATE_NOOP("Role", "Auditor"),
}

PARTY_ROLES = {
    "applicant": QT_TRANSLATE_NOOP("PartyRole", "Applicant"),
    "respondent": QT_TRANSLATE_NOOP("PartyRole", "Respondent"),
    "complainant": QT_TRANSLATE_NOOP("PartyRole", "Complainant"),
    "reporter": QT_TRANSLATE_NOOP("PartyRole", "Reporter"),
    "third_party": QT_TRANSLATE_NOOP("PartyRole", "Third party"),
    "representative": QT_TRANSLATE_NOOP("PartyRole", "Representative"),
    "agent": QT_TRANSLATE_NOOP("PartyRole", "Agent"),
}

CLAIM_TYPES = {
    "wages": QT_TRANSLATE_NOOP("ClaimType", "Wages"),
    "overtime": QT_TRANSLATE_NOOP("ClaimType", "Overtime pay"),
    "severance": QT_TRANSLATE_NOOP("ClaimType", "Severance"),
    "damages": QT_TRANSLATE_NOOP("ClaimType", "Damages"),
    "social_insurance": QT_TRANSLATE_NOOP("ClaimType", "Social insurance"),
    "injury": QT_TRANSLATE_NOOP("ClaimType", "Work injury benefits (other than medical costs)"),
    "injury_medical": QT_TRANSLATE_NOOP("ClaimType", "Work injury medical costs"),
    "extra_compensation": QT_TRANSLATE_NOOP("ClaimType", "Additional compensation (late payment)"),
    "working_time": QT_TRANSLATE_NOOP("ClaimType", "Working time"),
    "rest_leave": QT_TRANSLATE_NOOP("ClaimType", "Rest and leave"),
    "other": QT_TRANSLATE_NOOP("ClaimType", "Other"),
}

EVENT_KINDS = {
    "created": QT_TRANSLATE_NOOP("EventKind", "Registered"),
    "transition": QT_TRANSLATE_NOOP("EventKind", "Step"),
    "hearing": QT_TRANSLATE_NOOP("EventKind", "Hearing"),
    "service": QT_TRANSLATE_NOOP("EventKind", "Service of documents"),
    "document": QT_TRANSLATE_NOOP("EventKind", "Document"),
    "payment": QT_TRANSLATE_NOOP("EventKind", "Payment"),
    "note": QT_TRANSLATE_NOOP("EventKind", "Note"),
    "clock": QT_TRANSLATE_NOOP("EventKind", "Time limit"),
    "flag": QT_TRANSLATE_NOOP("EventKind", "Flag"),
    "assignment": QT_TRANSLATE_NOOP("EventKind", "Assignment"),
    "amounts": QT_TRANSLATE_NOOP("EventKind", "Amounts"),
    "imported": QT_TRANSLATE_NOOP("EventKind", "Imported"),
}

DEADLINE_STATES = {
    "running": QT_TRANSLATE_NOOP("DeadlineState", "Running"),
    "paused": QT_TRANSLATE_NOOP("DeadlineState", "Paused"),
    "met": QT_TRANSLATE_NOOP("DeadlineState", "Met"),
    "breached": QT_TRANSLATE_NOOP("DeadlineState", "Breached"),
    "cancelled": QT_TRANSLATE_NOOP("DeadlineState", "Cancelled"),
}

CHANNELS = {
    "window": QT_TRANSLATE_NOOP("Channel", "In person"),
    "mail": QT_TRANSLATE_NOOP("Channel", "Letter"),
    "online": QT_TRANSLATE_NOOP("Channel", "Online"),
    "platform": QT_TRANSLATE_NOOP("Channel", "National wage-arrears platform"),
    "hotline_12345": QT_TRANSLATE_NOOP("Channel", "12345 hotline"),
    "petition": QT_TRANSLATE_NOOP("Channel", "Petition"),
    "transfer": QT_TRANSLATE_NOOP("Channel", "Transferred by another office"),
    "own_discovery": QT_TRANSLATE_NOOP("Channel", "Found by inspection"),
    "import": QT_TRANSLATE_NOOP("Channel", "Ledger import"),
}

COMPLAINT_TYPES = {
    "complaint": QT_TRANSLATE_NOOP("ComplaintType", "Complaint"),
    "report": QT_TRANSLATE_NOOP("ComplaintType", "Report"),
}

DISTRICTS = {
    "城区": QT_TRANSLATE_NOOP("District", "Chengqu"),
    "海丰县": QT_TRANSLATE_NOOP("District", "Haifeng County"),
    "陆丰市": QT_TRANSLATE_NOOP("District", "Lufeng City"),
    "陆河县": QT_TRANSLATE_NOOP("District", "Luhe County"),
    "红海湾经济开发区": QT_TRANSLATE_NOOP("District", "Honghaiwan Development Zone"),
    "华侨管理区": QT_TRANSLATE_NOOP("District", "Huaqiao Zone"),
    "汕尾高新区": QT_TRANSLATE_NOOP("District", "Shanwei Hi-tech Zone"),
}

#: Events recorded under a plain kind but with a name of their own (``Event.action``).
EVENT_ACTIONS = {
    "handed_to_arbitration": QT_TRANSLATE_NOOP("EventAction", "Handed to arbitration"),
}

#: The words that differ per kind. An inspection complaint has a 被投诉单位 and 投诉事项 (若干规定
#: 劳社部令第25号 Art. 18: "被投诉用人单位", "投诉人"), a report a 被举报单位 (劳动保障监察条例
#: Art. 9: 举报); mediation has a 申请人, the other party and 调解请求 (企业劳动争议协商调解规定,
#: 人社部令第17号, Art. 21); only arbitration has a 被申请人, 仲裁请求 and 终局裁决.
WORDING: dict[str, dict[str, str]] = {
    "mediation": {
        "applicant": QT_TRANSLATE_NOOP("Wording", "Applicant"),
        "respondent": QT_TRANSLATE_NOOP("Wording", "Other party"),
        "claims": QT_TRANSLATE_NOOP("Wording", "Mediation requests"),
        "add_claim": QT_TRANSLATE_NOOP("Wording", "Add a request"),
        "employer_box": QT_TRANSLATE_NOOP("Wording", "Employer (the other party)"),
        "workers_box": QT_TRANSLATE_NOOP("Wording", "Applicants (workers)"),
        "received": QT_TRANSLATE_NOOP("Wording", "Mediation application received on"),
        "claim_col": QT_TRANSLATE_NOOP("Wording", "Mediation request"),
        "claimed_col": QT_TRANSLATE_NOOP("Wording", "Amount requested"),
        "ordered_col": QT_TRANSLATE_NOOP("Wording", "Amount agreed"),
    },
    "arbitration": {
        "applicant": QT_TRANSLATE_NOOP("Wording", "Applicant"),
        "respondent": QT_TRANSLATE_NOOP("Wording", "Respondent"),
        "claims": QT_TRANSLATE_NOOP("Wording", "Arbitration claims"),
        "add_claim": QT_TRANSLATE_NOOP("Wording", "Add a claim"),
        "employer_box": QT_TRANSLATE_NOOP("Wording", "Employer (respondent)"),
        "workers_box": QT_TRANSLATE_NOOP("Wording", "Applicants (workers)"),
        "received": QT_TRANSLATE_NOOP("Wording", "Arbitration application received on"),
        "claim_col": QT_TRANSLATE_NOOP("Wording", "Arbitration claim"),
        "claimed_col": QT_TRANSLATE_NOOP("Wording", "Amount claimed"),
        "ordered_col": QT_TRANSLATE_NOOP("Wording", "Amount awarded"),
    },
    "inspection": {
        "applicant": QT_TRANSLATE_NOOP("Wording", "Complainant"),
        "respondent": QT_TRANSLATE_NOOP("Wording", "Employer complained about"),
        "claims": QT_TRANSLATE_NOOP("Wording", "Matters complained of"),
        "add_claim": QT_TRANSLATE_NOOP("Wording", "Add a matter"),
        "employer_box": QT_TRANSLATE_NOOP("Wording", "Employer complained about"),
        "workers_box": QT_TRANSLATE_NOOP("Wording", "Complainants (workers)"),
        "received": QT_TRANSLATE_NOOP("Wording", "Complaint received on"),
        "claim_col": QT_TRANSLATE_NOOP("Wording", "Matter complained of"),
        "claimed_col": QT_TRANSLATE_NOOP("Wording", "Amount involved"),
        "ordered_col": QT_TRANSLATE_NOOP("Wording", "Ordered to pay"),
    },
    "report": {
        "applicant": QT_TRANSLATE_NOOP("Wording", "Reporter"),
        "respondent": QT_TRANSLATE_NOOP("Wording", "Employer reported"),
        "claims": QT_TRANSLATE_NOOP("Wording", "Matters reported"),
        "add_claim": QT_TRANSLATE_NOOP("Wording", "Add a matter"),
        "employer_box": QT_TRANSLATE_NOOP("Wording", "Employer reported"),
        "workers_box": QT_TRANSLATE_NOOP("Wording", "Reporters"),
        "received": QT_TRANSLATE_NOOP("Wording", "Report received on"),
        "claim_col": QT_TRANSLATE_NOOP("Wording", "Matter reported"),
        "claimed_col": QT_TRANSLATE_NOOP("Wording", "Amount involved"),
        "ordered_col": QT_TRANSLATE_NOOP("Wording", "Ordered to pay"),
    },
}

#: Names of what a timeline event records beside a step's own fields (those carry their labels).
EVENT_FIELDS = {
    "days": QT_TRANSLATE_NOOP("EventField", "Days"),
    "document_no": QT_TRANSLATE_NOOP("EventField", "Document number"),
    "arbitration_number": QT_TRANSLATE_NOOP("EventField", "Arbitration case"),
    "external_ref": QT_TRANSLATE_NOOP("EventField", "Reference"),
    "amount_recovered": QT_TRANSLATE_NOOP("EventField", "Amount recovered"),
    "outstanding": QT_TRANSLATE_NOOP("EventField", "Outstanding"),
    "court": QT_TRANSLATE_NOOP("EventField", "Court"),
    "decision_due": QT_TRANSLATE_NOOP("EventField", "Decision due"),
    "reason": QT_TRANSLATE_NOOP("EventField", "Reason"),
    "method": QT_TRANSLATE_NOOP("EventField", "Service method"),
    "served_on": QT_TRANSLATE_NOOP("EventField", "Served on"),
    "deemed_served_on": QT_TRANSLATE_NOOP("EventField", "Deemed served on"),
    "receipt_no": QT_TRANSLATE_NOOP("EventField", "Receipt number"),
    "received_on": QT_TRANSLATE_NOOP("EventField", "Received the award on"),
    "last_day": QT_TRANSLATE_NOOP("EventField", "Last day of the period"),
    "timeliness": QT_TRANSLATE_NOOP("EventField", "Timeliness"),
}

_CONTEXTS = {
    id(KINDS): "Kind",
    id(STATUSES): "Status",
    id(CHOICES): "Choice",
    id(OUTCOMES): "Outcome",
    id(ROLES): "Role",
    id(PARTY_ROLES): "PartyRole",
    id(CLAIM_TYPES): "ClaimType",
    id(EVENT_KINDS): "EventKind",
    id(DEADLINE_STATES): "DeadlineState",
    id(CHANNELS): "Channel",
    id(COMPLAINT_TYPES): "ComplaintType",
    id(DISTRICTS): "District",
    id(EVENT_ACTIONS): "EventAction",
    id(EVENT_FIELDS): "EventField",
}

#: Recorded for the program, never for the reader: row ids, the PDF's hash, a clock's rule code.
_HIDDEN_KEYS = frozenset({"sha256", "rule", "rule_code", "state", "changed", "from_user_id", "to_user_id"})
#: A value that is a code (``direct``, ``insp.investigate.gd``) or a hash, not words.
_CODE = re.compile(r"[a-z][a-z0-9_]*(?:[._-][a-z0-9_]+)*|[0-9a-f]{16,}")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def wording(kind: str | None, word: str, complaint_type: str | None = None) -> str:
    """The word ``word`` (a key of :data:`WORDING`) as this kind of case says it."""
    table = WORDING.get("report" if complaint_type == "report" else (kind or ""), WORDING["arbitration"])
    return QCoreApplication.translate("Wording", table[word])


def party_role(kind: str | None, role: str | None, complaint_type: str | None = None) -> str:
    """A party's role as this kind of case names it: the employer of a complaint is the
    被投诉单位, never a 被申请人; the worker of a mediation is its 申请人."""
    if role == "respondent":
        return wording(kind, "respondent", complaint_type)
    if role in ("applicant", "complainant") and kind is not None:
        return wording(kind, "applicant", complaint_type)
    return label(PARTY_ROLES, role)


def label(table: dict[str, str], code: str | None) -> str:
    """The translated label of ``code`` in ``table``; the code itself when unknown."""
    if code is None:
        return ""
    source = table.get(code)
    if source is None:
        return _extra(table, code)
    return QCoreApplication.translate(_CONTEXTS[id(table)], source)


def _extra(table: dict[str, str], code: str) -> str:
    """Codes the workflow defines beyond our tables: use its own zh/en label when it has one."""
    if table is STATUSES:
        try:
            from casemgr import workflow
        except ImportError:
            return code
        getter = getattr(workflow, "state_label", None)
        if getter is not None:
            from ui import i18n

            try:
                return str(getter(code, i18n.current_language()))
            except Exception:  # an unknown state: show the code
                return code
    return code


def district(code: str | None) -> str:
    """District names stay Chinese in Chinese; English shows the romanised name."""
    if code is None:
        return ""
    from ui import i18n

    return code if i18n.is_chinese() else label(DISTRICTS, code)


def _value_text(value: object) -> str:
    if isinstance(value, str):
        for table in (CHOICES, OUTCOMES, STATUSES, CLAIM_TYPES):
            if value in table:
                return label(table, value)
        if _ISO_DATE.fullmatch(value):
            from ui import i18n

            return i18n.fmt_date(dt.date.fromisoformat(value))
        return "" if _CODE.fullmatch(value) else value
    return str(value)


def event_details(kind: str, action: str | None, data: dict[str, Any], note: str | None) -> str:
    """What a timeline event recorded, in words: a step's field under its own label, a choice
    by its label, a date as a date. Ids, hashes and rule codes are the program's, not the
    reader's (the timeline showed "7672；insp.investigate.gd" and "4；7aa1cefa…"): left out,
    as is any other value that is a code nobody has labelled."""
    from ui import i18n

    zh = i18n.is_chinese()
    names: dict[str, str] = {}
    if action:
        from casemgr import errors, workflow
        from casemgr.workflow import records

        try:
            step = records.get_record(kind, action) or workflow.get_transition(kind, action)
        except errors.KnownError:
            step = None
        if step is not None:
            names = {f.name: (f.label_zh if zh else f.label_en) for f in step.fields}
    parts = []
    for key, value in data.items():
        if key == "flags" and isinstance(value, list):
            parts += [t for t in (_value_text(x) for x in value if isinstance(x, str)) if t]
            continue
        if key in _HIDDEN_KEYS or key.endswith("_id") or isinstance(value, bool):
            continue
        if not isinstance(value, str | int | float):
            continue
        text = _value_text(value)
        if not text:
            continue
        name = names.get(key) or (label(EVENT_FIELDS, key) if key in EVENT_FIELDS else "")
        parts.append(f"{name}：{text}" if name else text)
    if note:
        parts.append(note)
    return "；".join(parts)


def grade_text(info: Any) -> str:
    """An employer's latest confirmed 守法诚信等级 (a ``queries.grading.EmployerGradeInfo`` or None)."""
    if info is None:
        return QCoreApplication.translate("GradingPage", "Not graded")
    return (
        QCoreApplication.translate("GradingPage", "Grade %1 (year %2)")
        .replace("%1", info.grade)
        .replace("%2", str(info.year))
    )
