"""Notices for a case: gather its facts for the acting user, render, keep the PDF hashed.

The wording and layout are pure functions in :mod:`casemgr.reports.notices`; this service
decides what they may show: a 举报 reporter whose identity is confidential
(劳动保障监察条例 Art. 9) is left out, and ID numbers are masked unless the acting user may
see personal data. :func:`generate_notice` keeps the notice in the case file — a
``Document`` row with its SHA-256, a timeline event and an audit entry in the caller's
transaction — and returns plain data.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from casemgr import audit, clock, permissions, privacy, settings
from casemgr.actor import Actor
from casemgr.enums import EventKind, PartyRole
from casemgr.errors import NotFoundError
from casemgr.models import Case, CaseParty, Document, Employer, Event, Person
from casemgr.reports import notices
from casemgr.services import cases, hearings

#: notice type -> the workflow step whose recorded fields fill the notice
SOURCE_STEP: dict[str, str] = {
    "arb_refuse": "refuse",
    "arb_supplement": "request_supplement",
    "arb_tribunal": "form_tribunal",
    "arb_hearing": "schedule_hearing",
    "med_agreement": "reach_agreement",
    "insp_refuse": "refuse",
    "insp_order": "order_payment",
    "insp_cancel": "cancel_filing",
}

_WORKER_ROLES = (PartyRole.APPLICANT.value, PartyRole.COMPLAINANT.value, PartyRole.REPORTER.value)


@dataclass(frozen=True)
class GeneratedNotice:
    """A notice kept in the case file (the ``documents`` row), as plain data."""

    id: int
    case_id: int
    doc_type: str
    title: str
    filename: str
    sha256: str
    content: bytes


def _step_fields(session: Session, case: Case, step: str | None) -> dict[str, Any]:
    if step is None:
        return {}
    ev = session.execute(
        select(Event)
        .where(Event.case_id == case.id, Event.action == step, Event.kind == EventKind.TRANSITION.value)
        .order_by(Event.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    return cases.event_data(ev) if ev is not None else {}


def _issuer(session: Session, t: notices.Template, on: dt.date) -> str:
    """The issuing body from its setting; a bureau without that setting gets the template's default."""
    try:
        return str(settings.get(session, t.issuer, on))
    except KeyError:
        return t.issuer_default or str(settings.get(session, "bureau_name", on))


def _case(session: Session, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise NotFoundError("案件不存在。", "No such case.")
    return case


def notice_facts(
    session: Session,
    actor: Actor,
    case: Case,
    notice_type: str,
    fields: Mapping[str, object] | None = None,
    *,
    today: dt.date | None = None,
) -> notices.NoticeFacts:
    """What the notice may show this actor: parties, dates, the step's recorded fields."""
    t = notices.template_for(notice_type, case.kind)
    today = today or clock.today()
    unmask = permissions.allowed(actor, "personal_data.view", case.kind)
    rows = session.execute(
        select(CaseParty, Person, Employer)
        .outerjoin(Person, CaseParty.person_id == Person.id)
        .outerjoin(Employer, CaseParty.employer_id == Employer.id)
        .where(CaseParty.case_id == case.id)
        .order_by(CaseParty.id)
    ).all()
    workers: list[notices.NoticeWorker] = []
    employers: list[notices.NoticeEmployer] = []
    hidden_reporter = False
    for cp, person, employer in rows:
        if employer is not None:
            employers.append(
                notices.NoticeEmployer(employer.name, employer.uscc, employer.legal_rep, employer.address)
            )
        elif person is not None and cp.role in _WORKER_ROLES:
            if privacy.is_confidential_reporter(case, cp.role):
                hidden_reporter = True
                continue
            idn = person.id_number if unmask else privacy.mask_id_number(person.id_number)
            workers.append(notices.NoticeWorker(cp.role, person.name, idn))
    recorded = _step_fields(session, case, SOURCE_STEP.get(notice_type))
    if notice_type == "arb_hearing":  # the booked hearing: its hour and room too (issue 15)
        recorded |= hearings.notice_fields(session, case.id)
    return notices.NoticeFacts(
        case=notices.NoticeCase(
            number=case.number,
            kind=case.kind,
            received_on=case.received_on,
            accepted_on=case.accepted_on,
            closed_on=case.closed_on,
            complaint_type=case.complaint_type,
            workers=case.workers,
            amount_claimed=case.amount_claimed,
            amount_recovered=case.amount_recovered,
        ),
        workers=tuple(workers),
        employers=tuple(employers),
        reporter_hidden=hidden_reporter,
        bureau_name=str(settings.get(session, "bureau_name", today)),
        commission_name=str(settings.get(session, "arbitration_commission_name", today)),
        issuer=_issuer(session, t, today),
        recorded={**recorded, **(fields or {})},
        today=today,
    )


def notice_data(
    session: Session,
    actor: Actor,
    case_id: int,
    notice_type: str,
    fields: Mapping[str, object] | None = None,
    *,
    today: dt.date | None = None,
) -> notices.NoticeData:
    """The notice as it would print now, without keeping it (a preview)."""
    case = _case(session, case_id)
    return notices.compose(notice_type, notice_facts(session, actor, case, notice_type, fields, today=today))


def generate_notice(
    session: Session,
    actor: Actor,
    case_id: int,
    notice_type: str,
    *,
    fields: Mapping[str, object] | None = None,
    today: dt.date | None = None,
) -> GeneratedNotice:
    """Render the notice for the case as it stands and keep it in the case file, hashed."""
    case = _case(session, case_id)
    permissions.require(actor, "document.generate", case.kind)
    data = notices.compose(notice_type, notice_facts(session, actor, case, notice_type, fields, today=today))
    content = notices.pdf_bytes(data)
    digest = hashlib.sha256(content).hexdigest()
    doc = Document(
        case_id=case.id,
        doc_type=notice_type,
        title=data.title,
        filename=notices.filename(case.number, data.title),
        mime_type="application/pdf",
        content=content,
        sha256=digest,
        created_by_id=actor.user_id,
    )
    session.add(doc)
    session.flush()
    cases.add_event(
        session,
        case,
        actor,
        EventKind.DOCUMENT,
        occurred_on=today,
        action=f"notice.{notice_type}",
        data={"document_id": doc.id, "sha256": digest, "title": data.title},
    )
    audit.record(
        session,
        user_id=actor.user_id,
        username=actor.username,
        action="document.generate",
        # About the case (its documents and timeline changed): its audited state covers both.
        entity="case",
        entity_id=case.id,
        after={"document_id": doc.id, "doc_type": notice_type, "sha256": digest, "bytes": len(content)},
    )
    return GeneratedNotice(doc.id, case.id, notice_type, data.title, doc.filename, digest, content)
