"""The case file: one case with its parties, claims, clocks, timeline and documents."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from casemgr import clock, privacy
from casemgr.actor import Actor
from casemgr.deadlines import rules as rules_mod
from casemgr.deadlines.clocks import provisional_note
from casemgr.deadlines.limitation import LimitationWarning, next_working_day_of, warnings_for_case
from casemgr.enums import EventKind
from casemgr.errors import NotFoundError
from casemgr.models import (
    Case,
    Deadline,
    Document,
    Event,
    User,
)
from casemgr.queries.cases import CaseRow, case_rows
from casemgr.workflow import money


@dataclass(frozen=True)
class PartyRow:
    role: str
    name: str
    is_employer: bool
    id_number: str | None  # resident ID or credit code, unmasked (the UI masks per permission)
    phone: str | None
    migrant_worker: bool
    person_id: int | None
    employer_id: int | None


@dataclass(frozen=True)
class ClaimRow:
    id: int
    worker_name: str | None
    claim_type: str
    months: int | None
    amount_claimed: Decimal
    amount_verified: Decimal | None
    amount_ordered: Decimal | None
    amount_paid: Decimal
    final_award: bool | None


@dataclass(frozen=True)
class DeadlineRow:
    id: int
    rule_code: str
    rule_name_zh: str | None
    rule_name_en: str | None
    citation: str | None
    day_type: str | None
    max_extension_days: int | None
    started_on: dt.date
    due_on: dt.date
    state: str
    paused_on: dt.date | None
    extended_days: int
    extension_requested_on: dt.date | None
    extension_approved: bool
    # Counted as if the year had only weekends; shown with this note (deadlines.clocks).
    provisional: bool = False
    provisional_zh: str | None = None
    provisional_en: str | None = None
    # A party's own period (the defence): when it has run out the case simply goes on, so
    # it is never shown as the clerk's overdue (the board leaves it out for the same reason).
    party_period: bool = False


@dataclass(frozen=True)
class EventRow:
    id: int
    kind: str
    action: str | None
    occurred_on: dt.date
    recorded_at: dt.datetime
    user_name: str | None
    from_status: str | None
    to_status: str | None
    data: dict[str, Any]
    note: str | None


@dataclass(frozen=True)
class DocumentRow:
    id: int
    doc_type: str
    title: str
    filename: str
    created_at: dt.datetime
    number: str | None = None  # 文号 printed on it (kept on its timeline event)
    dated: dt.date | None = None  # the date printed on it (成文日期)


@dataclass(frozen=True)
class CaseDetail:
    """Everything the case file shows, as plain data."""

    row: CaseRow
    accepted_on: dt.date | None
    outcome_note: str | None
    summary: str | None
    channel: str
    complaint_type: str | None
    simple_procedure: bool
    final_award: bool
    wage_arrears: bool
    employer_id: int | None
    assigned_user_id: int | None
    source_case_id: int | None
    source_case_number: str | None
    derived_cases: tuple[tuple[int, str], ...]
    updated_at: dt.datetime
    updated_by: str | None
    parties: tuple[PartyRow, ...]
    claims: tuple[ClaimRow, ...]
    deadlines: tuple[DeadlineRow, ...]
    events: tuple[EventRow, ...]
    documents: tuple[DocumentRow, ...]
    #: Ordered / paid / outstanding per worker (claim lines with an ordered amount).
    money_by_worker: tuple[money.WorkerMoney, ...] = ()
    # After an award is served (调解仲裁法 Arts. 47-50): the final items take effect on the
    # day the award was made; the other items on this day if no party sued in time.
    award_final_effective_on: dt.date | None = None
    award_nonfinal_effective_from: dt.date | None = None
    #: After the award: a party's suit or set-aside application (services.workflow.court).
    court_filings: tuple[Any, ...] = ()
    # 调解仲裁法 Art. 27 / 监察条例 Art. 20: warnings the case file shows above everything else.
    limitation_warnings: tuple[LimitationWarning, ...] = ()
    #: The booked hearing whose day has come and that nobody recorded as held yet (its id): the
    #: case file offers "record as held" where the clerk is, not only on the docket page.
    hearing_to_record: int | None = None


def case_detail(session: Session, actor: Actor, case_id: int) -> CaseDetail:
    """The case file as ``actor`` may see it: persons through :func:`casemgr.privacy.party_views`
    (ID numbers and phones masked, a reporter replaced by "identity confidential", in the
    parties and in the claims alike); unmasking is a separate, audited request."""
    case = session.get(Case, case_id)
    if case is None:
        raise NotFoundError("案件不存在。", "No such case.")
    views = privacy.party_views(session, actor, case_id)  # checks case.view
    row = case_rows(session, [case_id])[0]
    migrant = {cp.person_id: bool(cp.person.migrant_worker) for cp in case.parties if cp.person is not None}
    hidden = {
        cp.person_id
        for cp in case.parties
        if cp.person_id is not None and privacy.is_confidential_reporter(case, cp.role)
    }
    parties: list[PartyRow] = [
        PartyRow(
            v.role,
            v.name,
            False,
            v.id_number,
            v.phone,
            False if v.confidential else migrant.get(v.person_id, False),
            v.person_id,
            None,
        )
        for v in views
    ]
    for cp in case.parties:
        if cp.employer is not None:
            e = cp.employer
            parties.append(PartyRow(cp.role, e.name, True, e.uscc, e.phone, False, None, e.id))
    placeholder = privacy.REPORTER_PLACEHOLDER[0]
    claims = tuple(
        ClaimRow(
            c.id,
            (placeholder if c.person_id in hidden else c.person.name) if c.person else None,
            c.claim_type,
            c.months,
            c.amount_claimed,
            c.amount_verified,
            c.amount_ordered,
            c.amount_paid,
            c.final_award,
        )
        for c in case.claims
    )
    rules = _rules_by_code(session, {d.rule_code for d in case.deadlines})
    party = set(rules_mod.party_period_codes(session))
    deadlines = tuple(
        DeadlineRow(
            d.id,
            d.rule_code,
            *rules.get(d.rule_code, (None, None, None, None, None)),
            d.started_on,
            d.due_on,
            d.state,
            d.paused_on,
            d.extended_days,
            d.extension_requested_on,
            d.extension_approved_by_id is not None,
            *_provisional(session, d),
            party_period=d.rule_code in party,
        )
        for d in case.deadlines
    )
    ev_stmt = (
        select(Event, User.display_name)
        .outerjoin(User, User.id == Event.user_id)
        .where(Event.case_id == case_id)
        .order_by(Event.occurred_on, Event.id)
    )
    events = tuple(
        EventRow(
            e.id,
            e.kind,
            e.action,
            e.occurred_on,
            e.recorded_at,
            uname,
            e.from_status,
            e.to_status,
            _json(e.data),
            e.note,
        )
        for e, uname in session.execute(ev_stmt)
    )
    made: dict[int, tuple[str | None, dt.date]] = {}  # document id -> (number, date) of its making
    for raw, occurred_on in session.execute(
        select(Event.data, Event.occurred_on)
        .where(
            Event.case_id == case_id, Event.kind == EventKind.DOCUMENT.value, Event.action.like("notice.%")
        )
        .order_by(Event.id)
    ):
        data = _json(raw) or {}
        if data.get("document_id") is not None:
            made.setdefault(int(data["document_id"]), (data.get("doc_number"), occurred_on))
    docs = tuple(
        DocumentRow(d.id, d.doc_type, d.title, d.filename, d.created_at, *made.get(d.id, (None, None)))
        for d in session.execute(
            select(Document.id, Document.doc_type, Document.title, Document.filename, Document.created_at)
            .where(Document.case_id == case_id)
            .order_by(Document.id)
        )
    )
    source_number = None
    if case.source_case_id is not None:
        source_number = session.execute(
            select(Case.number).where(Case.id == case.source_case_id)
        ).scalar_one_or_none()
    derived = tuple(
        (i, n)
        for i, n in session.execute(
            select(Case.id, Case.number).where(Case.source_case_id == case_id).order_by(Case.id)
        )
    )
    updated_by = session.get(User, case.updated_by_id).display_name if case.updated_by_id else None
    return CaseDetail(
        row=row,
        accepted_on=case.accepted_on,
        outcome_note=case.outcome_note,
        summary=case.summary,
        channel=case.channel,
        complaint_type=case.complaint_type,
        simple_procedure=case.simple_procedure,
        final_award=case.final_award,
        wage_arrears=case.wage_arrears,
        employer_id=case.employer_id,
        assigned_user_id=case.assigned_user_id,
        source_case_id=case.source_case_id,
        source_case_number=source_number,
        derived_cases=derived,
        updated_at=case.updated_at,
        updated_by=updated_by,
        parties=tuple(parties),
        claims=claims,
        deadlines=deadlines,
        events=events,
        documents=docs,
        money_by_worker=tuple(
            money.by_worker(
                money.Line(
                    c.id,
                    c.worker_name,
                    c.amount_ordered,
                    c.amount_paid,
                    extra=c.claim_type == "extra_compensation",
                )
                for c in claims
            )
        ),
        **_award_effect(case),
        court_filings=_court_filings(session, case),
        limitation_warnings=tuple(warnings_for_case(case, next_working_day_of(session))),
        hearing_to_record=_hearing_to_record(session, case_id),
    )


def _hearing_to_record(session: Session, case_id: int) -> int | None:
    from casemgr.services import hearings  # a hearing's state is decided there, once

    h = hearings.current_hearing(session, case_id)
    today = clock.today()
    if h is None or hearings.display_state(h.status, h.hearing_date, today) != hearings.AWAITING_RECORD:
        return None
    return h.id


def _court_filings(session: Session, case: Case) -> tuple[Any, ...]:
    if case.kind != "arbitration" or case.outcome != "award":
        return ()
    from casemgr.services.workflow.court import filings

    return tuple(filings(session, case.id))


def _award_effect(case: Case) -> dict[str, dt.date | None]:
    """The award's effective dates, read off the clocks that start when they are known: the
    parties' two years to apply for enforcement run from them (see serving)."""
    live = {d.rule_code: d for d in case.deadlines if d.state != "cancelled"}
    final = "arb.enforce.final" in live or bool(
        {"arb.after_award.worker_sue", "arb.after_award.employer_set_aside"} & live.keys()
    )
    nonfinal = live.get("arb.enforce.nonfinal")
    return {
        "award_final_effective_on": case.closed_on if final else None,
        "award_nonfinal_effective_from": nonfinal.started_on if nonfinal is not None else None,
    }


def _rules_by_code(
    session: Session, codes: set[str]
) -> dict[str, tuple[str | None, str | None, str | None, str | None, int | None]]:
    """Names and citations from the rule set (administrator rows over the shipped defaults)."""
    if not codes:
        return {}
    known = rules_mod.all_rules(session)
    return {
        c: (r.name_zh, r.name_en, r.citation, r.day_type, r.extension_days)
        for c in codes
        if (r := known.get(c)) is not None
    }


def _json(raw: str | None) -> dict[str, Any]:
    if not raw:
        return {}
    try:
        value = json.loads(raw)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {"value": value}


def _provisional(session: Session, d: Deadline) -> tuple[bool, str | None, str | None]:
    note = provisional_note(session, d)
    return (True, note[0], note[1]) if note else (False, None, None)
