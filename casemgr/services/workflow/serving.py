"""Service of documents (送达): a 送达回证 meets the clock of the duty to serve it.

公告送达 (service by public notice) counts as done when the notice period ends, and that
period is excluded from the clocks that exclude it. In arbitration a document left at the
address (留置) or posted there (张贴) counts as served three working days later (办案规则
Art. 20 ¶2, Art. 80). Periods that run from the party's receipt (the defence period, the
periods after the award) start from that *deemed* date; the bureau's own duty to serve is
met on the day it acted.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from casemgr import permissions, validation
from casemgr.actor import Actor
from casemgr.deadlines import clocks, enforcement
from casemgr.deadlines import rules as rules_mod
from casemgr.deadlines.calendar import calendar_for
from casemgr.enums import CaseKind, EventKind, Outcome, ServiceMethod
from casemgr.errors import ValidationError
from casemgr.models import Case, Deadline, Event
from casemgr.services import cases
from casemgr.services.workflow import blacklist
from casemgr.services.workflow.common import audit_case, clean_on
from casemgr.workflow import records

DOCUMENTS = (
    "application_copy",
    "defence_copy",
    "hearing_notice",
    "tribunal_notice",
    "award",
    "decision",
    "suspension_notice",
    "order",
    "transfer_notice",
    "blacklist_notice",
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
    "order": "serve_order",
    "transfer_notice": "transfer_notice",
}
#: 粤条例 Art. 47 ¶2: the 3-day publication period applies only to an Art. 41 case (the employer's
#: head ignored a wage-arrears summons) or to violations that caused a mass incident.
SHORT_NOTICE_GROUNDS = records.SHORT_NOTICE_GROUNDS
#: Days after publication at which a public notice counts as served.
PUBLIC_NOTICE_DAYS_ARBITRATION = 30  # 民事诉讼法 Art. 95 (办案规则 Art. 20 ¶3)
PUBLIC_NOTICE_DAYS_INSPECTION = 60  # 粤条例 Art. 47
PUBLIC_NOTICE_DAYS_INSPECTION_WAGES = 3  # 粤条例 Art. 47: 欠薪
#: 办案规则 Art. 20 ¶2: "自留置、张贴之日起经过三日即视为送达"; Art. 80: three working days.
LEFT_OR_POSTED_WORKING_DAYS = 3


def deemed_served(
    session: Session,
    case: Case,
    method: ServiceMethod,
    served_on: dt.date,
    short_notice_ground: str | None = None,
) -> dt.date:
    """The day a document counts as received by the party, by the way it was served.

    In inspection the 办案规则 does not apply: a document left at the address counts as
    served that day (民事诉讼法 Art. 89, by analogy).
    """
    if method is ServiceMethod.PUBLIC_NOTICE:
        return served_on + dt.timedelta(days=public_notice_days(case, short_notice_ground))
    if method in (ServiceMethod.LEFT, ServiceMethod.POSTED) and case.kind == CaseKind.ARBITRATION.value:
        deemed, _provisional = clocks.with_provisional_fallback(
            calendar_for(session), lambda c: c.add_working_days(served_on, LEFT_OR_POSTED_WORKING_DAYS)
        )
        return deemed
    return served_on


def public_notice_days(case: Case, short_ground: str | None = None) -> int:
    """Days from publication to deemed service. Inspection: 60, or 3 only on an Art. 47 ¶2
    ground (a wage-arrears claim alone is not one: the article names Art. 41 cases and mass
    incidents)."""
    if case.kind == CaseKind.INSPECTION.value:
        if short_ground in SHORT_NOTICE_GROUNDS:
            return PUBLIC_NOTICE_DAYS_INSPECTION_WAGES
        return PUBLIC_NOTICE_DAYS_INSPECTION
    return PUBLIC_NOTICE_DAYS_ARBITRATION


def _award_record(session: Session, case: Case) -> dict[str, object]:
    """The award step's record (the award step, not a 送达回证 of the award: a SERVICE event
    with the same action)."""
    raw = session.execute(
        select(Event.data)
        .where(Event.case_id == case.id, Event.action == "award", Event.kind == EventKind.TRANSITION.value)
        .order_by(Event.id.desc())
        .limit(1)
    ).scalar()
    data = json.loads(raw) if raw else {}
    return data if isinstance(data, dict) else {}


def _award_parts(session: Session, case: Case) -> tuple[bool, bool]:
    """(any final item, any non-final item) of the case's award, from the award step's record."""
    items = (_award_record(session, case).get("final_award") or {}).get("items", [])  # type: ignore[union-attr]
    if not items:
        return bool(case.final_award), not case.final_award
    finals = [bool(i.get("final")) for i in items]
    return any(finals), not all(finals)


def award_parts(session: Session, case: Case) -> tuple[bool, bool]:
    """(any final item, any non-final item) of the case's award (what a party can go to court
    against, services.workflow.court)."""
    return _award_parts(session, case)


def _perform_days(session: Session, case: Case) -> int:
    """Days the award gives to perform after it takes effect (0: none set)."""
    value = _award_record(session, case).get("perform_days")
    return value if isinstance(value, int) and value > 0 else 0


#: The period each party has after receiving the award, by the kind of item (Arts. 48-50).
PARTY_PERIODS: dict[str, dict[str, str]] = {
    "worker": {"final": "arb.after_award.worker_sue", "nonfinal": "arb.after_award.sue"},
    "employer": {"final": "arb.after_award.employer_set_aside", "nonfinal": "arb.after_award.employer_sue"},
}
PARTIES = tuple(PARTY_PERIODS)


def _ran(case: Case, code: str) -> Deadline | None:
    return next((d for d in case.deadlines if d.rule_code == code and d.state != "cancelled"), None)


def start_after_award_periods(
    session: Session, case: Case, method: ServiceMethod, served_on: dt.date, party: str | None = None
) -> dict[str, dt.date | None]:
    """The parties' periods that run from receipt of an award (调解仲裁法 Arts. 47-51).

    Final items take effect on the day the award is made (Art. 47); the worker may sue
    within 15 days of *the worker's* receipt (Art. 48), the employer apply to set them aside
    within 30 days of *the employer's* receipt (Art. 49). Non-final items: each party may sue
    within 15 days of its own receipt; they take effect when both periods have passed (Art.
    50). ``party`` None: both parties received it that day. A party's periods start once
    (its first proof of service counts). They bind the parties, not the bureau.

    Once an item's effective date is known, the party's two years to apply to the court for
    enforcement start (Art. 51; 民事诉讼法 Art. 250): ``arb.enforce.final`` /
    ``arb.enforce.nonfinal``. Returns the effective dates for the timeline.
    """
    if case.kind != CaseKind.ARBITRATION.value or case.outcome != Outcome.AWARD.value:
        return {}
    received = deemed_served(session, case, method, served_on)
    any_final, any_nonfinal = _award_parts(session, case)
    known = rules_mod.all_rules(session)
    for p in PARTIES if party is None else (party,):
        for part, present in (("final", any_final), ("nonfinal", any_nonfinal)):
            code = PARTY_PERIODS[p][part]
            if present and _ran(case, code) is None:
                clocks.start_rule(session, case, known[code], received)
    out: dict[str, dt.date | None] = {"deemed_served_on": received, "final_effective_on": None}
    out["nonfinal_effective_from"] = None
    perform = _perform_days(session, case)
    if any_final and case.closed_on is not None:
        out["final_effective_on"] = case.closed_on
        _start_enforcement(session, case, known["arb.enforce.final"], case.closed_on, perform)
    if any_nonfinal:
        sue = [_ran(case, PARTY_PERIODS[p]["nonfinal"]) for p in PARTIES]
        if all(d is not None for d in sue):  # both parties' 15 days are known
            effective = max(d.due_on for d in sue if d is not None) + dt.timedelta(days=1)
            out["nonfinal_effective_from"] = effective
            _start_enforcement(session, case, known["arb.enforce.nonfinal"], effective, perform)
    return out


class _Roll:
    """The next working day on the official calendar; remembers whether a year it needed was
    not imported yet (then counted as weekends only and the clock is marked provisional)."""

    def __init__(self, session: Session) -> None:
        self.cal = calendar_for(session)
        self.provisional = False

    def __call__(self, d: dt.date) -> dt.date:
        day, provisional = clocks.with_provisional_fallback(self.cal, lambda c: c.next_working_day(d))
        self.provisional = self.provisional or provisional
        return day


def _start_enforcement(
    session: Session, case: Case, rule: rules_mod.RuleSpec, effective: dt.date, perform_days: int
) -> None:
    """Two years from the last day to perform ("生效之日起N日内": effective + N, the first day
    not counted), or from the effective date when the award sets no period (Art. 250 ¶2)."""
    if _ran(case, rule.code) is None:
        roll = _Roll(session)
        perform_by = effective + dt.timedelta(days=perform_days) if perform_days else None
        last = enforcement.civil_application_last_day(effective, roll, perform_by=perform_by)
        d = clocks.start_rule(session, case, rule, effective, anchor=last)
        d.provisional = d.provisional or roll.provisional


#: Inspection decisions the bureau may ask a court to enforce (行政强制法 Art. 53).
DECISIONS = (Outcome.HANDLING_DECISION.value, Outcome.PENALTY.value)


def start_court_enforcement(session: Session, case: Case, received_on: dt.date) -> Deadline | None:
    """An inspection handling decision ordering money, received by the employer on
    ``received_on``: if it is neither challenged nor performed, the bureau applies to the
    court from the end of the challenge period, within three months (行政强制法 Art. 53).
    Started only while money is owed; stopped by the application or by full payment."""
    from casemgr.workflow import money

    if case.kind != CaseKind.INSPECTION.value or case.outcome not in DECISIONS:
        return None
    lines = [money.Line(c.id, None, c.amount_ordered, c.amount_paid) for c in case.claims]
    if money.outstanding(lines) <= 0 or _ran(case, "insp.court_enforce") is not None:
        return None
    roll = _Roll(session)
    opens, last = enforcement.admin_application_window(received_on, roll)
    rule = rules_mod.all_rules(session)["insp.court_enforce"]
    d = clocks.start_rule(session, case, rule, opens, anchor=last)
    d.provisional = d.provisional or roll.provisional
    return d


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
    short_notice_ground: str | None = None,
    party: str | None = None,
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
    served_on = clean_on(case, served_on)
    receipt = validation.clean_text(receipt_no, "receipt_no", max_len=64, required=False)
    if short_notice_ground is not None and (
        short_notice_ground not in SHORT_NOTICE_GROUNDS
        or m is not ServiceMethod.PUBLIC_NOTICE
        or case.kind != CaseKind.INSPECTION.value
    ):
        raise ValidationError(
            "三日公告期仅适用于监察案件公告送达，且须为欠薪逃避调查（第四十一条）或引发群体性事件。",
            "The 3-day notice period applies only to an inspection notice for an Art. 41 case or a mass incident.",
            field="short_notice_ground",
        )
    if party is not None and (party not in PARTIES or document != "award"):
        raise ValidationError(
            "只有裁决书可以登记为向某一方当事人送达（未选择即视为双方同日收到）。",
            "Only an award's service can name the party who received it (none: both that day).",
            field="party",
        )
    deemed = deemed_served(session, case, m, served_on, short_notice_ground)
    if m is ServiceMethod.PUBLIC_NOTICE:
        clocks.exclude_interval(session, case, served_on, deemed)
        if document == "order":
            # The time the order allows runs from its (deemed) receipt: the pay-by date moves
            # by the publication period, as the bureau's own clocks do.
            clocks.shift_anchor(session, case, "pay_order", deemed - served_on)
    served_group = SERVICE_STOPS.get(document)
    if served_group is not None:
        clocks.stop_group(session, case, served_group, served_on)
    if document == "blacklist_notice":
        # 令第45号 Art. 6: the employer may object within 5 wd of (deemed) receipt.
        blacklist.start_objection_period(session, case, deemed)
    if document == "application_copy":
        # The respondent's defence period runs from the (deemed) date of receipt.
        clocks.start_group(session, case, "defence", deemed)
    if document == "award":
        start_after_award_periods(session, case, m, served_on, party)
    if document == "decision":
        start_court_enforcement(session, case, deemed)
    cases.touch(case, actor)
    cases.flush_or_conflict(session, case)
    ev = cases.add_event(
        session,
        case,
        actor,
        EventKind.SERVICE,
        occurred_on=served_on,
        action=document,
        data={
            "method": m.value,
            "served_on": served_on,
            "deemed_served_on": deemed,
            "receipt_no": receipt,
            "short_notice_ground": short_notice_ground,
            "party": party,
        },
    )
    audit_case(
        session,
        actor,
        "case.service",
        case,
        None,
        {"document": document, "method": m.value, "deemed": deemed, "party": party},
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
    received_on = clean_on(case, received_on)
    clocks.stop_group(session, case, "defence", received_on)
    started = clocks.start_group(session, case, "serve_defence", received_on)
    cases.touch(case, actor)
    cases.flush_or_conflict(session, case)
    cases.add_event(
        session, case, actor, EventKind.DOCUMENT, occurred_on=received_on, action="defence_received", data={}
    )
    audit_case(
        session,
        actor,
        "case.defence_received",
        case,
        None,
        {"received_on": received_on, "serve_by": [d.due_on for d in started]},
    )
    return case
