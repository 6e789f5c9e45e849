"""Service of documents (送达): a 送达回证 meets the clock of the duty to serve it.

公告送达 (service by public notice) counts as done when the notice period ends, and that
period is excluded from the clocks that exclude it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from casemgr import permissions, validation
from casemgr.actor import Actor
from casemgr.deadlines import clocks
from casemgr.enums import CaseKind, EventKind, ServiceMethod
from casemgr.errors import ValidationError
from casemgr.models import Case, Event
from casemgr.services import cases
from casemgr.services.workflow.common import audit_case, clean_on

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
    served_on = clean_on(case, served_on)
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
    audit_case(
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
