"""阳光仲裁: a supervisor approves the publication copy of a served, effective award.

The app keeps no award document text, so the award is composed from what the award step
recorded (its items, final or not, and document number), the case's parties and claims, the
tribunal and the hearing — the same facts the notices print from. The publication copy removes
the workers' personal data (:mod:`casemgr.reports.publication`, after 法释〔2016〕19号
Arts. 9–11). Approving it keeps the PDF in the case file and leaves an audit entry with the
SHA-256 of the approved text, so what went online can be proved later; the approval is
refused if the copy changed since the supervisor looked at it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from casemgr import audit, clock, permissions, privacy, settings
from casemgr.actor import Actor
from casemgr.enums import CaseKind, EventKind, PartyRole
from casemgr.errors import NotFoundError, ValidationError
from casemgr.models import AuditEntry, Case, CaseParty, Document, Employer, Event, Person, User
from casemgr.reports import publication as pub
from casemgr.services import cases, notices
from casemgr.services.workflow.court import filings
from casemgr.workflow import court_actions

ACTION = "award.publish"
DOC_TYPE = "award_publication"
#: The case states after service of the award (served, then archived).
SERVED_STATES = ("served", "archived")


@dataclass(frozen=True)
class PublicationPreview:
    case_id: int
    case_number: str
    title: str
    original: str
    copy: str
    sha256: str  # of the copy's UTF-8 text: what the supervisor approves
    doubts: tuple[pub.Doubt, ...]
    removed: int
    pseudonyms: dict[str, str]  # name -> 王某, for the screen to shade in the copy
    approved_by: str | None = None  # this very text was approved before: by whom
    approved_at: dt.datetime | None = None


@dataclass(frozen=True)
class ApprovedCopy:
    document_id: int
    sha256: str  # of the approved text
    text: str
    pdf: bytes
    filename: str


def offered(actor: Actor, kind: str, status: str, outcome: str | None) -> bool:
    """Whether the case file offers the publication copy: a served award, to a role that may
    approve it. Whether the award is already in force is :func:`preview`'s to say, with the date."""
    return (
        kind == CaseKind.ARBITRATION.value
        and outcome == "award"
        and status in SERVED_STATES
        and permissions.allowed(actor, ACTION, kind)
    )


def _last_event(session: Session, case_id: int, action: str) -> Event | None:
    return session.execute(
        select(Event)
        .where(Event.case_id == case_id, Event.action == action, Event.kind == EventKind.TRANSITION.value)
        .order_by(Event.id.desc())
        .limit(1)
    ).scalar_one_or_none()


def _effective(case: Case, lines: tuple[pub.AwardLine, ...], today: dt.date) -> dt.date | None:
    """The day the whole award is effective, or ``None`` while a part may still be sued on.

    Final items take effect when made (调解仲裁法 Art. 47); the others once *both* parties'
    15 days to sue from their own receipt have passed (Art. 50). A recorded suit is refused
    before this (:func:`_challenged`)."""
    if all(line.final for line in lines):
        return case.closed_on
    codes = ("arb.after_award.sue", "arb.after_award.employer_sue")
    sue = [d.due_on for d in case.deadlines if d.rule_code in codes and d.state != "cancelled"]
    if len({d.rule_code for d in case.deadlines if d.rule_code in codes and d.state != "cancelled"}) < 2:
        return None  # a party's receipt is not recorded yet: its period is not known
    return max(sue) + dt.timedelta(days=1)


def _challenged(session: Session, case: Case, lines: tuple[pub.AwardLine, ...]) -> None:
    """Refuse an award a party took to court: a suit means the non-final items never take
    effect (Art. 50) and a final award the worker sued on or the employer applied to set aside
    is under challenge. A dismissed application or a withdrawn suit leaves the award as made."""
    parts = {court_actions.FINAL if line.final else court_actions.NONFINAL for line in lines}
    open_ = [f for f in filings(session, case.id) if f.part in parts and not f.award_stands]
    if open_:
        f = open_[0]
        who = "劳动者" if f.party == "worker" else "用人单位"
        what = "起诉" if f.action == court_actions.SUIT else "申请撤销裁决"
        raise ValidationError(
            f"{who}已于{pub.zh_date(f.filed_on)}向{f.court}{what}，裁决未发生法律效力或正受审查，不能公开。",
            f"A party went to court on {f.filed_on}; the award is not in force or is under challenge.",
        )


def award_facts(session: Session, case: Case, today: dt.date) -> pub.AwardFacts:
    """The award's facts; refused unless the case has a served award in force on ``today``."""
    if case.kind != CaseKind.ARBITRATION.value or case.outcome != "award":
        raise ValidationError(
            "只有作出裁决的仲裁案件才能制作公开文本。",
            "Only an arbitration case ended by an award has a publication copy.",
        )
    award = _last_event(session, case.id, "award")
    if award is None:
        raise ValidationError("本案没有裁决记录。", "This case has no recorded award.")
    if case.status not in SERVED_STATES:
        raise ValidationError(
            "裁决书尚未送达，不能公开。", "The award has not been served yet and cannot be published."
        )
    data = cases.event_data(award)
    raw = (data.get("final_award") or {}).get("items") or data.get("items") or []
    lines = tuple(
        pub.AwardLine(
            i.get("claim_item_id"),
            str(i.get("claim_type")),
            Decimal(str(i.get("amount"))),
            bool(i.get("final")),
        )
        for i in raw
        if isinstance(i, dict)
    )
    _challenged(session, case, lines)
    effective = _effective(case, lines, today)
    if effective is None or effective > today:
        when = f"（自{pub.zh_date(effective)}起生效）" if effective else ""
        raise ValidationError(
            f"裁决尚未发生法律效力{when}，不能公开。",
            f"The award is not yet in force{f' (from {effective})' if effective else ''}; it cannot be published.",
        )
    rows = session.execute(
        select(CaseParty, Person, Employer)
        .outerjoin(Person, CaseParty.person_id == Person.id)
        .outerjoin(Employer, CaseParty.employer_id == Employer.id)
        .where(CaseParty.case_id == case.id)
        .order_by(CaseParty.id)
    ).all()
    persons: list[pub.AwardParty] = []
    employers: list[pub.AwardEmployer] = []
    for cp, person, employer in rows:
        if employer is not None:
            employers.append(
                pub.AwardEmployer(employer.name, employer.uscc, employer.legal_rep, employer.address, cp.role)
            )
        elif person is not None and cp.role != PartyRole.REPORTER.value:  # no 举报人 in arbitration
            persons.append(
                pub.AwardParty(person.name, person.id_number, person.phone, person.address, role=cp.role)
            )
    many = sum(p.role == PartyRole.APPLICANT.value for p in persons) > 1
    claims = tuple(
        pub.AwardClaim(c.id, c.claim_type, c.amount_claimed, c.person.name if many and c.person else None)
        for c in case.claims
    )
    tribunal = _last_event(session, case.id, "form_tribunal")
    hearing = _last_event(session, case.id, "schedule_hearing")
    arbitrators = cases.event_data(tribunal).get("arbitrators") if tribunal else None
    hearing_on = cases.event_data(hearing).get("hearing_date") if hearing else None
    return pub.AwardFacts(
        commission=str(settings.get(session, "arbitration_commission_name", award.occurred_on)),
        case_number=case.number,
        document_no=str(data.get("document_no") or case.number),
        accepted_on=case.accepted_on,
        hearing_on=dt.date.fromisoformat(str(hearing_on)[:10]) if hearing_on else None,
        award_on=award.occurred_on,
        persons=tuple(persons),
        employers=tuple(employers),
        claims=claims,
        lines=lines,
        arbitrators=tuple(str(a) for a in arbitrators) if isinstance(arbitrators, list) else (),
    )


def _case(session: Session, actor: Actor, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise NotFoundError("案件不存在。", "No such case.")
    permissions.require(actor, ACTION, case.kind)
    return case


def _shown(facts: pub.AwardFacts) -> pub.AwardFacts:
    """The original as the screen shows it: ID numbers and phones masked as everywhere else
    (casemgr.privacy), so comparing the texts reveals no full number and needs no reveal."""
    return dataclasses.replace(
        facts,
        persons=tuple(
            dataclasses.replace(
                a,
                id_number=privacy.mask_id_number(a.id_number),
                phone=privacy.mask_phone(a.phone),
                sex_and_birth=pub.birth_and_sex(a.id_number),
            )
            for a in facts.persons
        ),
    )


def _approval(session: Session, case_id: int, sha256: str) -> tuple[str, dt.datetime] | None:
    """Who approved this exact text, and when (the audit trail is the record of approvals)."""
    rows = session.execute(
        select(AuditEntry.after, AuditEntry.at, User.display_name, AuditEntry.username)
        .outerjoin(User, User.id == AuditEntry.user_id)
        .where(
            AuditEntry.entity == "case",
            AuditEntry.entity_id == str(case_id),
            AuditEntry.action == "award.publish_approve",
        )
        .order_by(AuditEntry.id.desc())
    ).all()
    for after, at, name, username in rows:
        if after and json.loads(after).get("text_sha256") == sha256:
            return str(name or username or ""), at
    return None


def preview(
    session: Session, actor: Actor, case_id: int, *, today: dt.date | None = None
) -> PublicationPreview:
    """The award and its publication copy side by side, for a supervisor to approve."""
    case = _case(session, actor, case_id)
    facts = award_facts(session, case, today or clock.today())
    _, red = pub.publication_copy(facts)
    sha = hashlib.sha256(red.text.encode("utf-8")).hexdigest()
    before = _approval(session, case.id, sha)
    return PublicationPreview(
        case.id,
        case.number,
        f"{facts.document_no} 裁决书（公开文本）",
        pub.award_text(_shown(facts)),
        red.text,
        sha,
        red.doubts,
        red.removed,
        red.pseudonyms,
        before[0] if before else None,
        before[1] if before else None,
    )


def approve(
    session: Session, actor: Actor, case_id: int, sha256: str, *, today: dt.date | None = None
) -> ApprovedCopy:
    """Approve the copy the supervisor saw (``sha256``): keep its PDF and audit the approval."""
    today = today or clock.today()
    p = preview(session, actor, case_id, today=today)
    if p.sha256 != sha256:
        raise ValidationError(
            "裁决公开文本在您查看后已有变化，请重新核对后再批准。",
            "The publication copy changed after you looked at it; review it again before approving.",
        )
    if p.approved_by is not None:
        when = clock.local(p.approved_at).strftime("%Y-%m-%d %H:%M") if p.approved_at else "?"
        raise ValidationError(
            f"该公开文本已由{p.approved_by}于{when}批准，无需重复批准。",
            f"This publication copy was approved by {p.approved_by} at {when} already.",
        )
    case = _case(session, actor, case_id)
    pdf = pub.pdf_bytes(p.title, p.copy)
    filename = f"{case.number}-裁决书公开文本.pdf".replace("/", "_")
    doc = notices.keep_document(
        session,
        actor,
        case,
        doc_type=DOC_TYPE,
        title="裁决书（公开文本）",
        filename=filename,
        content=pdf,
        occurred_on=today,
        action="award.publication_approved",
    )
    audit.record(
        session,
        user_id=actor.user_id,
        username=actor.username,
        action="award.publish_approve",
        entity="case",
        entity_id=case.id,
        after={
            "document_id": doc.id,
            "text_sha256": p.sha256,
            "pdf_sha256": doc.sha256,
            "approved_on": today.isoformat(),
        },
    )
    return ApprovedCopy(doc.id, p.sha256, p.copy, pdf, filename)


def approved_copy(
    session: Session, actor: Actor, case_id: int, *, today: dt.date | None = None
) -> ApprovedCopy:
    """The copy as approved, to save again later: refused unless this text was approved."""
    p = preview(session, actor, case_id, today=today)
    if p.approved_by is None:
        raise ValidationError("公开文本尚未批准。", "The publication copy has not been approved yet.")
    pdf = pub.pdf_bytes(p.title, p.copy)
    digest = hashlib.sha256(pdf).hexdigest()
    doc = session.execute(
        select(Document.id, Document.filename)
        .where(Document.case_id == case_id, Document.doc_type == DOC_TYPE, Document.sha256 == digest)
        .order_by(Document.id.desc())
        .limit(1)
    ).first()
    if doc is None:  # the stored PDF no longer matches the approved text: never hand out another
        raise ValidationError(
            "案卷中找不到与批准文本一致的公开文本。",
            "The case file holds no publication copy matching the approved text.",
        )
    return ApprovedCopy(doc.id, p.sha256, p.copy, pdf, doc.filename)
