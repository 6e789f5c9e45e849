"""Clues from outside channels: the national wage-arrears clue platform, 12345 and petitions.

A clue arrives with the channel's own reference number and a date by which the channel
expects an answer. Recording it:

* keeps channel, external reference and the reply deadline — a clock on the deadline board
  (rule group ``clue_reply``, resources/rules/clue_reply_*.json), stopped by
  :func:`record_reply`;
* first looks for an **open case with the same employer credit code and worker ID number**.
  The same worker's arrears often come in twice (the platform *and* 12345, or a complaint at
  the window and then a petition). If one exists the call raises :class:`PossibleDuplicate`
  listing the candidates, and the clerk chooses: link the clue to one of them
  (``link_to=case_id``: an event and a reply clock on that case, no new case) or register a
  new case anyway (``force_new=True``, recorded in the audit entry). Nothing is written
  until the clerk has chosen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from casemgr import audit, clock, permissions, validation, workflow
from casemgr.actor import Actor
from casemgr.deadlines import clocks
from casemgr.deadlines import rules as rules_mod
from casemgr.enums import CaseKind, Channel, ClaimType, ComplaintType, EventKind, PartyRole
from casemgr.errors import KnownError, NotFoundError
from casemgr.models import Case, CaseParty, Deadline, Employer, Person
from casemgr.services import cases, parties

OUTSIDE_CHANNELS: frozenset[Channel] = frozenset({Channel.PLATFORM, Channel.HOTLINE_12345, Channel.PETITION})
CHANNEL_TITLES: dict[Channel, str] = {
    Channel.PLATFORM: "全国根治欠薪线索反映平台",
    Channel.HOTLINE_12345: "12345热线",
    Channel.PETITION: "信访",
}
REPLY_GROUP = "clue_reply"


@dataclass(frozen=True)
class ClueInput:
    channel: Channel
    external_ref: str
    received_on: dt.date
    reply_due_on: dt.date
    employer: parties.EmployerInput
    worker: parties.PersonInput | None = None  # None: anonymous (a 举报)
    kind: CaseKind = CaseKind.INSPECTION
    amount_claimed: Decimal | str = Decimal("0.00")
    workers: int | None = None
    district: str | None = None
    summary: str | None = None


@dataclass(frozen=True)
class DuplicateCandidate:
    case_id: int
    number: str
    kind: str
    status: str
    received_on: dt.date
    channel: str
    external_ref: str | None


@dataclass(frozen=True)
class ClueResult:
    case_id: int
    number: str
    linked: bool  # True: recorded on an existing case instead of a new one
    reply_deadline_id: int
    reply_due_on: dt.date


class PossibleDuplicate(KnownError):
    """An open case already concerns this worker and employer; the clerk must choose."""

    code = "clue_duplicate"

    def __init__(self, candidates: Sequence[DuplicateCandidate]) -> None:
        numbers = "、".join(c.number for c in candidates)
        super().__init__(
            f"该劳动者对同一用人单位已有未结案件（{numbers}）。请选择关联到已有案件，或确认另立新案。",
            f"This worker already has an open case against the same employer ({numbers}). "
            "Link the clue to it, or confirm a new case.",
            field="duplicate",
        )
        self.candidates = tuple(candidates)


def _clean(data: ClueInput, today: dt.date) -> tuple[Channel, str, str | None, str | None]:
    channel = Channel(data.channel)
    if channel not in OUTSIDE_CHANNELS:
        raise validation.fail(
            "channel", "不是外部来件渠道（线索平台、12345、信访）", "is not an outside channel"
        )
    ref = validation.clean_text(data.external_ref, "external_ref", max_len=64)
    assert ref is not None
    validation.clean_date(data.received_on, "received_on", not_after=today)
    validation.clean_date(data.reply_due_on, "reply_due_on")
    if data.reply_due_on < data.received_on:
        raise validation.fail("reply_due_on", "答复期限早于收到日期", "is before the day the clue came in")
    uscc = validation.clean_uscc(data.employer.uscc)
    id_number = validation.clean_resident_id(data.worker.id_number) if data.worker else None
    return channel, ref, uscc, id_number


def find_open_duplicates(
    session: Session, uscc: str | None, id_number: str | None
) -> list[DuplicateCandidate]:
    """Open cases (any kind) naming both this employer credit code and this worker ID number."""
    if not uscc or not id_number:
        return []
    worker_cases = (
        select(CaseParty.case_id)
        .join(Person, CaseParty.person_id == Person.id)
        .where(Person.id_number == validation.normalize_resident_id(id_number))
    )
    rows = session.execute(
        select(Case)
        .join(Employer, Case.employer_id == Employer.id)
        .where(
            Employer.uscc == validation.normalize_uscc(uscc),
            Case.closed_on.is_(None),
            Case.id.in_(worker_cases),
        )
        .order_by(Case.received_on.desc(), Case.id.desc())
        .limit(20)
    ).scalars()
    return [
        DuplicateCandidate(c.id, c.number, c.kind, c.status, c.received_on, c.channel, c.external_ref)
        for c in rows
        if not workflow.status_is_closed(c.kind, c.status)
    ]


def _reply_rule_code(session: Session, case: Case) -> str:
    for r in rules_mod.all_rules(session).values():
        if r.kind == case.kind and r.group == REPLY_GROUP and r.active:
            return r.code
    raise NotFoundError("缺少答复期限规则。", "No reply-deadline rule is configured.")


def _start_reply_clock(
    session: Session, case: Case, channel: Channel, ref: str, received: dt.date, due: dt.date
) -> Deadline:
    r = rules_mod.rule(session, _reply_rule_code(session, case))
    d = clocks.start_rule(session, case, r, received, anchor=due)
    d.note = f"{CHANNEL_TITLES[channel]} {ref}"
    return d


def record_clue(
    session: Session,
    actor: Actor,
    data: ClueInput,
    *,
    link_to: int | None = None,
    force_new: bool = False,
    today: dt.date | None = None,
) -> ClueResult:
    """Record a clue: on a new case, or (``link_to``) on an open case of the same worker/employer."""
    today = today or clock.today()
    channel, ref, uscc, id_number = _clean(data, today)
    if link_to is not None:
        case = cases.load_case_for_update(session, link_to, None)
        permissions.require(actor, "case.edit", case.kind)
        if case.closed_on is not None or workflow.status_is_closed(case.kind, case.status):
            raise validation.fail("link_to", "所选案件已结案，不能关联", "the chosen case is closed")
        candidates = {c.case_id for c in find_open_duplicates(session, uscc, id_number)}
        if case.id not in candidates:
            raise validation.fail(
                "link_to",
                "所选案件的用人单位或劳动者与来件不一致",
                "the chosen case names another employer or worker",
            )
        d = _start_reply_clock(session, case, channel, ref, data.received_on, data.reply_due_on)
        cases.add_event(
            session,
            case,
            actor,
            EventKind.NOTE,
            occurred_on=data.received_on,
            action="clue.linked",
            data={
                "channel": channel.value,
                "external_ref": ref,
                "reply_due_on": data.reply_due_on,
                "deadline_id": d.id,
            },
            note=f"{CHANNEL_TITLES[channel]}来件 {ref} 关联到本案",
        )
        audit.record(
            session,
            user_id=actor.user_id,
            username=actor.username,
            action="clue.link",
            entity="case",
            entity_id=case.id,
            after={"channel": channel.value, "external_ref": ref, "reply_due_on": data.reply_due_on},
        )
        return ClueResult(case.id, case.number, True, d.id, d.due_on)

    permissions.require(actor, "case.register", data.kind)
    duplicates = find_open_duplicates(session, uscc, id_number)
    if duplicates and not force_new:
        raise PossibleDuplicate(duplicates)
    role = PartyRole.COMPLAINANT if data.kind is CaseKind.INSPECTION else PartyRole.APPLICANT
    persons = [cases.PartyLink(data.worker, role)] if data.worker else []
    case = cases.register_case(
        session,
        actor,
        cases.CaseInput(
            kind=data.kind,
            received_on=data.received_on,
            employer=data.employer,
            persons=persons,
            claims=[cases.ClaimInput(ClaimType.WAGES, data.amount_claimed, 0 if persons else None)],
            district=data.district,
            workers=data.workers,
            summary=data.summary,
            channel=channel,
            external_ref=ref,
            complaint_type=(
                (ComplaintType.COMPLAINT if data.worker else ComplaintType.REPORT)
                if data.kind is CaseKind.INSPECTION
                else None
            ),
        ),
        today=today,
    )
    d = _start_reply_clock(session, case, channel, ref, data.received_on, data.reply_due_on)
    session.flush()
    audit.record(
        session,
        user_id=actor.user_id,
        username=actor.username,
        action="clue.record",
        entity="case",
        entity_id=case.id,
        after={
            "channel": channel.value,
            "external_ref": ref,
            "reply_due_on": data.reply_due_on,
            "despite_open_cases": [c.number for c in duplicates],
        },
    )
    return ClueResult(case.id, case.number, False, d.id, d.due_on)


def record_reply(
    session: Session,
    actor: Actor,
    case_id: int,
    external_ref: str,
    replied_on: dt.date,
    *,
    today: dt.date | None = None,
) -> Deadline:
    """The channel was answered: stop that clue's reply clock (met, or breached if late)."""
    case = cases.load_case_for_update(session, case_id, None)
    permissions.require(actor, "case.edit", case.kind)
    ref = validation.clean_text(external_ref, "external_ref", max_len=64)
    validation.clean_date(replied_on, "replied_on", not_after=today or clock.today())
    codes = {r.code for r in rules_mod.all_rules(session).values() if r.group == REPLY_GROUP}
    mine = [d for d in clocks.active_deadlines(case, codes) if (d.note or "").endswith(f" {ref}")]
    if not mine:
        raise NotFoundError(f"本案没有来件 {ref} 的答复期限。", f"No reply deadline for {ref} on this case.")
    d = mine[0]
    d.finished_on = replied_on
    d.state = "met" if replied_on <= d.due_on else "breached"
    session.flush()
    cases.add_event(
        session,
        case,
        actor,
        EventKind.CLOCK,
        occurred_on=replied_on,
        action="clue.replied",
        data={"external_ref": ref, "deadline_id": d.id, "state": d.state},
    )
    audit.record(
        session,
        user_id=actor.user_id,
        username=actor.username,
        action="clue.reply",
        entity="case",
        entity_id=case.id,
        after={"external_ref": ref, "replied_on": replied_on, "state": d.state},
    )
    return d
