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
from casemgr.enums import CaseKind, EventKind, PartyRole
from casemgr.errors import DatabaseError, NotFoundError, WorkflowError
from casemgr.models import Case, CaseParty, ClaimItem, Document, Employer, Event, Person
from casemgr.reports import notices
from casemgr.services import cases, hearings

#: notice type -> the workflow steps whose recorded fields fill the notice (a later one wins)
SOURCE_STEP: dict[str, tuple[str, ...]] = {
    "arb_refuse": ("refuse",),
    "arb_supplement": ("request_supplement",),
    "arb_tribunal": ("form_tribunal",),
    "arb_hearing": ("schedule_hearing",),
    "arb_award": ("schedule_hearing",),
    "med_agreement": ("reach_agreement",),
    "insp_refuse": ("refuse",),
    "insp_order": ("order_payment",),
    "insp_cancel": ("cancel_filing",),
    "insp_decision": ("order_payment", "handling_decision"),
    "insp_penalty": ("penalty_decision",),
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


def _last_step(session: Session, case: Case, step: str) -> Event | None:
    return session.execute(
        select(Event)
        .where(Event.case_id == case.id, Event.action == step, Event.kind == EventKind.TRANSITION.value)
        .order_by(Event.id.desc())
        .limit(1)
    ).scalar_one_or_none()


def _step_fields(session: Session, case: Case, steps: tuple[str, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for step in steps:
        ev = _last_step(session, case, step)
        if ev is not None:
            out.update(cases.event_data(ev))
    return out


def _order_fields(session: Session, case: Case) -> dict[str, Any]:
    """The order to pay (限期改正指令书) that later notices recite: when, its number, by when, how much."""
    ev = _last_step(session, case, "order_payment")
    if ev is None:
        return {}
    data = cases.event_data(ev)
    number = str(data.get("document_no") or "").strip()
    out: dict[str, Any] = {
        "order_on": ev.occurred_on,
        "order_doc": f"《劳动保障监察限期改正指令书》（{number}）"
        if number
        else "《劳动保障监察限期改正指令书》",
    }
    for key in ("pay_by", "amount_ordered"):
        if data.get(key) not in (None, ""):
            out[key] = data[key]
    return out


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
    recorded: dict[str, Any] = {"review_body": settings.get(session, "administrative_review_body", today)}
    court = settings.get(session, "administrative_court", today)
    if court:
        recorded["court"] = court
    if case.kind == CaseKind.INSPECTION.value:
        recorded.update(_order_fields(session, case))
    recorded.update(_step_fields(session, case, SOURCE_STEP.get(notice_type, ())))
    if notice_type in ("arb_hearing", "arb_award"):  # the booked hearing: its hour and room too
        recorded |= hearings.notice_fields(session, case.id)
    if not SOURCE_STEP.get(notice_type):
        recorded.pop("document_no", None)  # the order's number is not this document's
    claims = tuple(
        notices.NoticeClaim(t, a)
        for t, a in session.execute(
            select(ClaimItem.claim_type, ClaimItem.amount_claimed)
            .where(ClaimItem.case_id == case.id)
            .order_by(ClaimItem.id)
        )
    )
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
            final_award=bool(case.final_award),
        ),
        workers=tuple(workers),
        employers=tuple(employers),
        reporter_hidden=hidden_reporter,
        bureau_name=str(settings.get(session, "bureau_name", today)),
        commission_name=str(settings.get(session, "arbitration_commission_name", today)),
        issuer=_issuer(session, t, today),
        recorded={**recorded, **{k: v for k, v in (fields or {}).items() if v not in (None, "")}},
        today=today,
        claims=claims,
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


def available_types(session: Session, actor: Actor, case_id: int) -> list[tuple[str, str]]:
    """(code, title) of the notices this actor may make for the case in its present state."""
    case = _case(session, case_id)
    if not permissions.allowed(actor, "document.generate", case.kind):
        return []
    return notices.notice_types(case.kind, case.status)


def _font_preference(session: Session, on: dt.date) -> str:
    return "shipped" if settings.get(session, "notice_font_shipped", on) else "system"


def preview_notice(
    session: Session,
    actor: Actor,
    case_id: int,
    notice_type: str,
    *,
    fields: Mapping[str, object] | None = None,
    today: dt.date | None = None,
) -> bytes:
    """The PDF as :func:`generate_notice` would keep it, without keeping it (nothing written)."""
    case = _case(session, case_id)
    permissions.require(actor, "document.generate", case.kind)
    today = today or clock.today()
    data = notices.compose(notice_type, notice_facts(session, actor, case, notice_type, fields, today=today))
    return notices.pdf_bytes(data, font_preference=_font_preference(session, today))


def keep_document(
    session: Session,
    actor: Actor,
    case: Case,
    *,
    doc_type: str,
    title: str,
    filename: str,
    content: bytes,
    occurred_on: dt.date,
    action: str,
    data: Mapping[str, object] | None = None,
) -> Document:
    """Keep a made PDF in the case file, hashed, with its timeline event. Every kept document
    goes through here, so a reprint can check the bytes against the hash recorded at the
    time; the caller writes its own audit entry (what was approved or made differs)."""
    digest = hashlib.sha256(content).hexdigest()
    doc = Document(
        case_id=case.id,
        doc_type=doc_type,
        title=title,
        filename=filename,
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
        occurred_on=occurred_on,
        action=action,
        data={"document_id": doc.id, "sha256": digest, "title": title, **(data or {})},
    )
    return doc


def generate_notice(
    session: Session,
    actor: Actor,
    case_id: int,
    notice_type: str,
    *,
    fields: Mapping[str, object] | None = None,
    today: dt.date | None = None,
    check_state: bool = False,
) -> GeneratedNotice:
    """Render the notice for the case as it stands and keep it in the case file, hashed.

    ``check_state``: refuse a notice the case's state does not call for (the case file's
    文书 tab asks for this; the bulk menu prints what the clerk chose for many cases).
    """
    case = _case(session, case_id)
    permissions.require(actor, "document.generate", case.kind)
    if check_state:
        t = notices.template_for(notice_type, case.kind)
        if t.states and case.status not in t.states:
            raise WorkflowError(
                f"“{t.title}”不适用于案件当前所处的阶段。",
                f"{t.title} does not apply at the case's present stage.",
                field="notice_type",
            )
    today = today or clock.today()
    data = notices.compose(notice_type, notice_facts(session, actor, case, notice_type, fields, today=today))
    content = notices.pdf_bytes(data, font_preference=_font_preference(session, today))
    doc = keep_document(
        session,
        actor,
        case,
        doc_type=notice_type,
        title=data.title,
        filename=notices.filename(case.number, data.title),
        content=content,
        occurred_on=today,
        action=f"notice.{notice_type}",
        data={"doc_number": data.doc_number},
    )
    digest = doc.sha256
    audit.record(
        session,
        user_id=actor.user_id,
        username=actor.username,
        action="document.generate",
        # About the case (its documents and timeline changed): its audited state covers both.
        entity="case",
        entity_id=case.id,
        after={
            "document_id": doc.id,
            "doc_type": notice_type,
            "doc_number": data.doc_number,
            "sha256": digest,
            "bytes": len(content),
        },
    )
    return GeneratedNotice(doc.id, case.id, notice_type, data.title, doc.filename, digest, content)


def _stored(session: Session, actor: Actor, document_id: int) -> tuple[Document, Case]:
    doc = session.get(Document, document_id)
    case = session.get(Case, doc.case_id) if doc is not None else None
    if doc is None or case is None:
        raise NotFoundError("文书不存在。", "No such document.")
    # A kept notice may show unmasked ID numbers (its maker could see them): only the officers
    # who may make notices for this kind may open one again.
    permissions.require(actor, "document.generate", case.kind)
    if hashlib.sha256(doc.content).hexdigest() != doc.sha256:
        raise DatabaseError(
            "该文书的内容与保存时的校验值不一致，可能已被改动，不能打开或重印。请联系系统管理员。",
            "This document no longer matches the checksum it was kept with; it may have been altered "
            "and cannot be opened or reprinted. Tell the administrator.",
        )
    return doc, case


def _doc_number(session: Session, doc: Document) -> str | None:
    """The number printed on a kept notice, from the timeline event that recorded its making."""
    for ev in session.execute(
        select(Event).where(
            Event.case_id == doc.case_id,
            Event.kind == EventKind.DOCUMENT.value,
            Event.action.like("notice.%"),
        )
    ).scalars():
        data = cases.event_data(ev)
        if data.get("document_id") == doc.id:
            return str(data["doc_number"]) if data.get("doc_number") else None
    return None


def open_document(session: Session, actor: Actor, document_id: int) -> GeneratedNotice:
    """A kept notice, exactly as it was made (checked against its hash), for preview."""
    doc, case = _stored(session, actor, document_id)
    return GeneratedNotice(doc.id, case.id, doc.doc_type, doc.title, doc.filename, doc.sha256, doc.content)


def reprint_document(
    session: Session, actor: Actor, document_id: int, *, today: dt.date | None = None
) -> GeneratedNotice:
    """The same bytes again, for a second copy: audited and on the timeline, never re-rendered.

    A reprint is not a new notice: re-rendering would print today's date and today's facts
    under the old number. So the kept PDF is handed back unchanged.
    """
    doc, case = _stored(session, actor, document_id)
    today = today or clock.today()
    cases.add_event(
        session,
        case,
        actor,
        EventKind.DOCUMENT,
        occurred_on=today,
        action=f"reprint.{doc.doc_type}",
        data={
            "document_id": doc.id,
            "sha256": doc.sha256,
            "title": doc.title,
            "doc_number": _doc_number(session, doc),
        },
    )
    audit.record(
        session,
        user_id=actor.user_id,
        username=actor.username,
        action="document.reprint",
        entity="case",
        entity_id=case.id,
        after={"document_id": doc.id, "sha256": doc.sha256},
    )
    return GeneratedNotice(doc.id, case.id, doc.doc_type, doc.title, doc.filename, doc.sha256, doc.content)
