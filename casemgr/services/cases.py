"""Registering cases and writing to them: one call, one transaction, one audit entry.

The caller owns the session and its transaction (``Database.write()``), so a failure
anywhere in a call rolls back everything the call wrote, audit entry included.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import TypeVar

from sqlalchemy import case as sa_case
from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from casemgr import audit, clock, permissions, privacy, settings, validation
from casemgr.actor import Actor
from casemgr.enums import (
    CaseKind,
    Channel,
    ClaimType,
    ComplaintType,
    EventKind,
    MediationBody,
    PartyRole,
    Role,
)
from casemgr.errors import ConflictError, NotFoundError
from casemgr.models import (
    Case,
    CaseNumberCounter,
    CaseParty,
    ClaimItem,
    Employer,
    Event,
    Person,
    User,
    utcnow,
)
from casemgr.services import parties
from casemgr.snapshots import case_snapshot

INITIAL_STATUS = "received"

_E = TypeVar("_E", bound=Enum)


@dataclass(frozen=True)
class ClaimInput:
    claim_type: ClaimType = ClaimType.WAGES
    amount_claimed: Decimal | str | int = Decimal("0.00")
    worker_index: int | None = None  # index into CaseInput.persons (the worker this line is for)
    months: int | None = None
    #: The amount is what *each* named worker claims: stored as one line per worker, so a
    #: collective case's claim is never pinned on its first worker.
    each_worker: bool = False
    period_from: dt.date | None = None
    period_to: dt.date | None = None


@dataclass(frozen=True)
class PartyLink:
    person: parties.PersonInput
    role: PartyRole


@dataclass(frozen=True)
class CaseInput:
    kind: CaseKind
    received_on: dt.date
    employer: parties.EmployerInput | None
    persons: Sequence[PartyLink] = ()
    claims: Sequence[ClaimInput] = ()
    district: str | None = None
    workers: int | None = None  # defaults to the number of distinct workers named
    summary: str | None = None
    channel: Channel = Channel.WINDOW
    external_ref: str | None = None
    complaint_type: ComplaintType | None = None
    employment_ended_on: dt.date | None = None
    violation_on: dt.date | None = None
    knew_on: dt.date | None = None  # the party knew of the infringement (limitation, Law Art. 27)
    limitation_interrupted_on: dt.date | None = None  # the latest 时效中断 (Art. 27 ¶2)
    mediation_body: MediationBody | None = None  # mediation only; None: the bureau's default
    simple_procedure: bool = False
    green_channel_override: bool | None = None  # None: decided automatically
    green_channel_reason: str | None = None
    assigned_user_id: int | None = None
    #: With no ``assigned_user_id``: leave the case unassigned (the supervisor's queue)
    #: instead of giving it to the person registering it.
    leave_unassigned: bool = False
    source_case_id: int | None = None
    extra: dict[str, object] = field(default_factory=dict)
    #: A case number given by the caller (ledger import keeps the ledger's numbers); None: next free.
    number: str | None = None


@dataclass(frozen=True)
class Flags:
    migrant_worker: bool
    wage_arrears: bool
    green_channel: bool
    collective: bool
    supervised: bool
    reasons: tuple[str, ...]  # Chinese, shown beside the proposed flags


def propose_flags(
    session: Session,
    *,
    migrant_worker: bool,
    wage_arrears: bool,
    workers: int,
    amount: Decimal,
    on: dt.date,
    green_override: bool | None = None,
) -> Flags:
    """Green channel, collective and supervision as the policy defines them (legal-rules §5.3-5.4).

    Green channel: a migrant worker's wage-arrears claim. Collective: ≥ N workers (default
    10). Supervised (挂牌督办): a collective arrears case, or ≥ 100 workers, or ≥ 1,000,000
    yuan (defaults; settings).
    """
    reasons: list[str] = []
    green = migrant_worker and wage_arrears
    if green:
        reasons.append("农民工追讨工资，适用绿色通道")
    if green_override is not None and green_override != green:
        green = green_override
        reasons.append("绿色通道由承办人手工设定")
    collective = workers >= int(settings.get(session, "collective_min_workers", on))
    if collective:
        reasons.append(f"涉及 {workers} 名劳动者，为集体案件")
    big = workers >= int(
        settings.get(session, "supervision_min_workers", on)
    ) or amount >= settings.get_decimal(session, "supervision_min_amount", on)
    supervised = (collective and wage_arrears) or big
    if supervised:
        reasons.append("集体欠薪或涉及人数/金额较大，挂牌督办")
    return Flags(migrant_worker, wage_arrears, green, collective, supervised, tuple(reasons))


def next_case_number(session: Session, kind: CaseKind, year: int) -> tuple[str, int]:
    """Bump the (kind, year) counter in this transaction; the row lock makes numbers unique.

    One ``INSERT .. ON CONFLICT DO UPDATE .. RETURNING`` statement, so two writers can
    never read the same ``last_seq`` (SQLite serialises writers; PostgreSQL locks the row).
    """
    dialect = session.get_bind().dialect.name
    ins = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = (
        ins(CaseNumberCounter)
        .values(kind=kind.value, year=year, last_seq=1)
        .on_conflict_do_update(
            index_elements=["kind", "year"], set_={"last_seq": CaseNumberCounter.last_seq + 1}
        )
        .returning(CaseNumberCounter.last_seq)
    )
    seq = int(session.execute(stmt).scalar_one())
    fmt = str(settings.get(session, f"case_number_format.{kind.value}"))
    return fmt.format(year=year, seq=seq), seq


def reserve_given_number(session: Session, kind: CaseKind, number: object) -> tuple[str, int]:
    """Take a number the caller brings (an imported ledger's 案号); refuse one already used.

    When it follows this bureau's format, the (kind, year) counter is moved past it, so a
    case registered by hand afterwards never collides with an imported one.
    """
    clean = validation.clean_text(number, "case_number", max_len=64)
    assert clean is not None
    if session.execute(select(Case.id).where(Case.number == clean)).first() is not None:
        raise validation.fail("case_number", f"“{clean}”已存在", f"'{clean}' already exists")
    fmt = str(settings.get(session, f"case_number_format.{kind.value}"))
    pattern = re.escape(fmt).replace(re.escape("{year}"), r"(?P<year>\d{4})")
    pattern = re.sub(r"\\\{seq[^}]*\\\}", r"(?P<seq>\\d+)", pattern)
    m = re.fullmatch(pattern, clean)
    if m is None:
        return clean, 0
    year, seq = int(m.group("year")), int(m.group("seq"))
    dialect = session.get_bind().dialect.name
    ins = postgresql.insert if dialect == "postgresql" else sqlite.insert
    session.execute(
        ins(CaseNumberCounter)
        .values(kind=kind.value, year=year, last_seq=seq)
        .on_conflict_do_update(
            index_elements=["kind", "year"],
            set_={
                "last_seq": sa_case((CaseNumberCounter.last_seq < seq, seq), else_=CaseNumberCounter.last_seq)
            },
        )
    )
    return clean, seq


def add_event(
    session: Session,
    case: Case,
    actor: Actor,
    kind: EventKind,
    *,
    occurred_on: dt.date | None = None,
    action: str | None = None,
    from_status: str | None = None,
    to_status: str | None = None,
    data: dict[str, object] | None = None,
    note: str | None = None,
) -> Event:
    """Append to the timeline (internal: callers have already checked permissions)."""
    ev = Event(
        case_id=case.id,
        kind=kind.value,
        action=action,
        occurred_on=occurred_on or clock.today(),
        user_id=actor.user_id,
        from_status=from_status,
        to_status=to_status,
        data=audit.to_json(data) if data else None,
        note=note,
    )
    session.add(ev)
    session.flush()
    return ev


def _choice(enum_cls: type[_E], value: object, field: str) -> _E:
    """A closed-vocabulary value, or a ValidationError naming the field (never a bare ValueError)."""
    try:
        return enum_cls(value)
    except (ValueError, TypeError):
        raise validation.fail(field, "不是有效的选项", "is not a valid choice") from None


def _check_choices(data: CaseInput) -> None:
    """Codes, dates and ids of a CaseInput, checked before the first write (hostile-input tests)."""
    _choice(Channel, data.channel, "channel")
    if data.complaint_type is not None:
        _choice(ComplaintType, data.complaint_type, "complaint_type")
    if not isinstance(data.persons, Sequence) or not isinstance(data.claims, Sequence):
        raise validation.fail("applicant", "格式无效", "is malformed")
    for link in data.persons:
        _choice(PartyRole, getattr(link, "role", None), "party_role")
    for c in data.claims:
        _choice(ClaimType, getattr(c, "claim_type", None), "claim_type")
        if c.months is not None:
            validation.clean_int(c.months, "months", minimum=0, maximum=1200)
        validation.clean_date(c.period_from, "period_from", required=False)
        validation.clean_date(c.period_to, "period_to", required=False)
    validation.clean_date(data.employment_ended_on, "employment_ended_on", required=False)
    validation.clean_date(data.violation_on, "violation_on", required=False)
    for name in ("knew_on", "limitation_interrupted_on"):
        # Facts before the application: never after the day it was received.
        value = validation.clean_date(getattr(data, name), name, required=False)
        if value is not None and isinstance(data.received_on, dt.date) and value > data.received_on:
            raise validation.fail(name, "不能晚于收案日期", "cannot be after the date received")
    for name in ("assigned_user_id", "source_case_id"):
        v = getattr(data, name)
        if v is not None and (isinstance(v, bool) or not isinstance(v, int)):
            raise validation.fail(name, "无效", "is not a valid id")
    if data.workers is not None:
        validation.clean_int(data.workers, "workers", minimum=0, maximum=100_000)


def _mediation_body(
    session: Session, kind: CaseKind, body: MediationBody | str | None, on: dt.date
) -> str | None:
    if kind is not CaseKind.MEDIATION:
        return None
    if body is None:
        body = str(settings.get(session, "mediation_body_default", on))
    return _choice(MediationBody, body, "mediation_body").value


def _is_report(kind: CaseKind, data: CaseInput) -> bool:
    return (
        kind is CaseKind.INSPECTION
        and data.complaint_type is not None
        and (ComplaintType(data.complaint_type) is ComplaintType.REPORT)
    )


def _reporters_of_a_report(kind: CaseKind, data: CaseInput) -> CaseInput:
    """On a 举报 the person who raises it is a reporter (举报人), whose identity the bureau keeps
    confidential (劳动保障监察条例 Art. 9), never an ordinary complainant: whichever form or
    import sends "complainant", the stored link says "reporter", so every read path and the
    database's row-level security (casemgr.pgroles) treat it as one."""
    if not _is_report(kind, data):
        return data
    links = [
        PartyLink(link.person, PartyRole.REPORTER) if PartyRole(link.role) is PartyRole.COMPLAINANT else link
        for link in data.persons
    ]
    return dataclasses.replace(data, persons=links)


def register_case(session: Session, actor: Actor, data: CaseInput, *, today: dt.date | None = None) -> Case:
    """Open a case with its parties and claims; number it; start its clocks; audit it."""
    kind = _choice(CaseKind, data.kind, "kind")
    permissions.require(actor, "case.register", kind)
    _check_choices(data)
    data = _reporters_of_a_report(kind, data)
    today = today or clock.today()
    received = validation.clean_date(data.received_on, "received_on", not_after=today)
    assert received is not None
    district = parties.clean_district(data.district)
    summary = validation.clean_text(data.summary, "summary", max_len=4000, required=False)
    external_ref = validation.clean_text(data.external_ref, "external_ref", max_len=64, required=False)
    if data.employer is None and kind is not CaseKind.MEDIATION:
        raise validation.fail("employer", "不能为空", "is required")
    if not data.persons and kind is not CaseKind.INSPECTION:
        raise validation.fail("applicant", "至少需要一名申请人", "at least one applicant is required")
    worker_roles = {PartyRole.APPLICANT, PartyRole.COMPLAINANT}
    if _is_report(kind, data):  # the reporter is the worker the 举报 is about (flags, counts)
        worker_roles.add(PartyRole.REPORTER)
    claims_clean = _claim_lines(data, worker_roles)
    # Validate every party before the first write, so bad input writes nothing at all.
    cleaned_persons = [parties.clean_person(p.person) for p in data.persons]
    if data.employer is not None:
        parties.clean_employer(data.employer)
    n_workers = len(
        {
            (p.id_number or f"#{i}")
            for i, (p, link) in enumerate(zip(cleaned_persons, data.persons, strict=True))
            if link.role in worker_roles
        }
    )
    workers = validation.clean_int(
        data.workers if data.workers is not None else max(n_workers, 1), "workers", minimum=0, maximum=100_000
    )
    if data.assigned_user_id is not None and (
        not validation.is_valid_id(data.assigned_user_id) or session.get(User, data.assigned_user_id) is None
    ):
        raise validation.fail("assigned_user", "用户不存在", "no such user")

    employer: Employer | None = None
    if data.employer is not None:
        employer = parties.find_or_register_employer(session, actor, data.employer)
    district = district or (employer.district if employer else None)
    if district is None and data.channel != Channel.IMPORT:  # an import keeps its ledger's gaps
        zh, en = "不能为空（该用人单位未登记区县，请选择）", "is required (the employer has none on file)"
        raise validation.fail("district", zh, en)  # the caller rolls back the employer above
    complaint = data.complaint_type and ComplaintType(data.complaint_type).value
    persons: list[Person] = [
        parties.find_or_register_person(
            session,
            actor,
            p.person,
            confidential=privacy.is_confidential_role(kind.value, complaint, PartyRole(p.role).value),
        )
        for p in data.persons
    ]

    amount_total = sum((a for _, a in claims_clean), Decimal("0.00"))
    migrant = any(
        p.migrant_worker for p, link in zip(persons, data.persons, strict=True) if link.role in worker_roles
    )
    wage_arrears = any(c.claim_type in (ClaimType.WAGES, ClaimType.OVERTIME) for c, _ in claims_clean)
    flags = propose_flags(
        session,
        migrant_worker=migrant,
        wage_arrears=wage_arrears,
        workers=workers,
        amount=amount_total,
        on=received,
        green_override=data.green_channel_override,
    )
    complaint_type = None
    if kind is CaseKind.INSPECTION:
        complaint_type = (data.complaint_type or ComplaintType.COMPLAINT).value
    if data.number is not None:
        number, seq = reserve_given_number(session, kind, data.number)
    else:
        number, seq = next_case_number(session, kind, received.year)
    case = Case(
        number=number,
        kind=kind.value,
        year=received.year,
        seq=seq,
        status=INITIAL_STATUS,
        district=district,
        employer_id=employer.id if employer else None,
        received_on=received,
        migrant_worker=flags.migrant_worker,
        wage_arrears=flags.wage_arrears,
        green_channel=flags.green_channel,
        green_channel_override=(
            data.green_channel_reason if data.green_channel_override is not None else None
        ),
        collective=flags.collective,
        supervised=flags.supervised,
        simple_procedure=bool(data.simple_procedure),
        complaint_type=complaint_type,
        channel=Channel(data.channel).value,
        external_ref=external_ref,
        amount_claimed=amount_total,
        amount_recovered=Decimal("0.00"),
        workers=workers,
        employment_ended_on=data.employment_ended_on,
        violation_on=data.violation_on,
        knew_on=data.knew_on,
        limitation_interrupted_on=data.limitation_interrupted_on,
        mediation_body=_mediation_body(session, kind, data.mediation_body, received),
        summary=summary,
        assigned_user_id=data.assigned_user_id
        if data.assigned_user_id is not None
        else (None if data.leave_unassigned else actor.user_id),
        source_case_id=data.source_case_id,
        created_by_id=actor.user_id,
        updated_by_id=actor.user_id,
    )
    session.add(case)
    session.flush()
    if employer is not None:
        respondent_role = PartyRole.RESPONDENT
        session.add(CaseParty(case_id=case.id, role=respondent_role.value, employer_id=employer.id))
    for person, link in zip(persons, data.persons, strict=True):
        session.add(CaseParty(case_id=case.id, role=PartyRole(link.role).value, person_id=person.id))
    for c, amount in claims_clean:  # one line per worker (see _claim_lines)
        session.add(
            ClaimItem(
                case_id=case.id,
                person_id=persons[c.worker_index].id if c.worker_index is not None else None,
                claim_type=ClaimType(c.claim_type).value,
                months=c.months,
                period_from=c.period_from,
                period_to=c.period_to,
                amount_claimed=amount,
            )
        )
    session.flush()
    add_event(
        session,
        case,
        actor,
        EventKind.CREATED,
        occurred_on=received,
        to_status=INITIAL_STATUS,
        data={"flags": list(flags.reasons)} if flags.reasons else None,
    )
    _start_clocks(session, case, actor)
    audit.record(
        session,
        user_id=actor.user_id,
        username=actor.username,
        action="case.register",
        entity="case",
        entity_id=case.id,
        after=case_snapshot(case),
    )
    return case


def _claim_lines(data: CaseInput, worker_roles: set[PartyRole]) -> list[tuple[ClaimInput, Decimal]]:
    """Claims checked and laid out one line per worker (ClaimItem's own rule).

    A line for "each worker" becomes one line per named worker; with more than one worker
    named, a line that names none is refused rather than guessed (it used to land on the
    first worker, who then seemed to claim the whole group's arrears).
    """
    workers = [i for i, link in enumerate(data.persons) if getattr(link, "role", None) in worker_roles]
    out: list[tuple[ClaimInput, Decimal]] = []
    for i, c in enumerate(data.claims):
        amount = validation.clean_amount(c.amount_claimed, "amount_claimed")
        index = c.worker_index
        if index is not None and (not isinstance(index, int) or not 0 <= index < len(data.persons)):
            raise validation.fail(
                "claims", f"第{i + 1}项请求指向不存在的劳动者", f"claim {i + 1} names no listed worker"
            )
        if c.each_worker and c.worker_index is None and workers:
            out.extend((dataclasses.replace(c, worker_index=w, each_worker=False), amount) for w in workers)
        elif c.worker_index is None and len(workers) > 1:
            raise validation.fail(
                "claims",
                f"第{i + 1}项请求未写明是哪名劳动者的：集体案件请逐人填写金额，或选择“每人”",
                f"claim {i + 1} names no worker: in a collective case enter each worker's amount, or choose 'each'",
            )
        else:
            out.append((c, amount))
    return out


def _start_clocks(session: Session, case: Case, actor: Actor) -> None:
    """Start the clocks that run from receipt (acceptance decision and so on).

    Delegated to the deadline engine when it is installed; imported lazily so the
    foundation works on its own.
    """
    try:
        from casemgr.deadlines import clocks
    except ImportError:
        return
    clocks.on_case_registered(session, case, actor)


def load_case_for_update(session: Session, case_id: int, expected_version: int | None) -> Case:
    """Fetch a case to change it; a stale ``expected_version`` is a conflict, not an overwrite."""
    if not validation.is_valid_id(case_id):
        raise NotFoundError("案件不存在。", "No such case.")
    case = session.get(Case, case_id)
    if case is None:
        raise NotFoundError("案件不存在。", "No such case.")
    if expected_version is not None and case.version != expected_version:
        raise conflict_for(session, case)
    return case


def conflict_for(session: Session, case: Case) -> ConflictError:
    who = session.get(User, case.updated_by_id).display_name if case.updated_by_id else None
    return ConflictError("案件", who, case.updated_at)


def touch(case: Case, actor: Actor) -> None:
    case.updated_at = utcnow()
    case.updated_by_id = actor.user_id


def flush_or_conflict(session: Session, case: Case) -> None:
    """Flush; a concurrent writer that bumped the version first turns into a ConflictError."""
    try:
        session.flush()
    except StaleDataError as exc:
        # The caller's transaction (Database.write) rolls back as the error leaves it.
        raise ConflictError("案件", None, None) from exc


def update_amounts(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    expected_version: int | None,
    amount_claimed: Decimal | str | None = None,
    amount_recovered: Decimal | str | None = None,
    workers: int | None = None,
    occurred_on: dt.date | None = None,
) -> Case:
    case = load_case_for_update(session, case_id, expected_version)
    permissions.require(actor, "case.edit", case.kind)
    occurred_on = validation.clean_date(occurred_on, "occurred_on", required=False)
    before = case_snapshot(case)
    changes: dict[str, object] = {}
    if amount_claimed is not None:
        case.amount_claimed = validation.clean_amount(amount_claimed, "amount_claimed")
        changes["amount_claimed"] = case.amount_claimed
    if amount_recovered is not None:
        case.amount_recovered = validation.clean_amount(amount_recovered, "amount_recovered")
        changes["amount_recovered"] = case.amount_recovered
    if workers is not None:
        case.workers = validation.clean_int(workers, "workers", minimum=0, maximum=100_000)
        changes["workers"] = case.workers
    if not changes:
        return case
    touch(case, actor)
    flush_or_conflict(session, case)
    add_event(session, case, actor, EventKind.AMOUNTS, occurred_on=occurred_on, data=changes)
    audit.record(
        session,
        user_id=actor.user_id,
        username=actor.username,
        action="case.update_amounts",
        entity="case",
        entity_id=case.id,
        before=before,
        after=case_snapshot(case),
    )
    return case


def assign_case(
    session: Session, actor: Actor, case_id: int, user_id: int, *, expected_version: int | None
) -> Case:
    """Hand a case to another handler (承办人); supervisors and administrators only.

    The new handler must be an active user whose role works on this kind of case, so a
    complaint can never land with a mediator who cannot act on it.
    """
    case = load_case_for_update(session, case_id, expected_version)
    permissions.require(actor, "case.assign", case.kind)
    user = session.get(User, user_id) if validation.is_valid_id(user_id) else None
    if user is None or not user.active:
        raise validation.fail("assigned_user", "用户不存在或已停用", "no such active user")
    if not permissions.allowed(
        Actor(user_id=user.id, username=user.username, role=Role(user.role)), "case.transition", case.kind
    ):
        raise validation.fail(
            "assigned_user",
            f"{user.display_name} 的角色不办理此类案件",
            f"{user.display_name}'s role does not handle this kind of case",
        )
    if case.assigned_user_id == user.id:
        return case
    before = case_snapshot(case)
    old = case.assigned_user_id
    case.assigned_user_id = user.id
    touch(case, actor)
    flush_or_conflict(session, case)
    add_event(session, case, actor, EventKind.ASSIGNMENT, data={"from_user_id": old, "to_user_id": user.id})
    audit.record(
        session,
        user_id=actor.user_id,
        username=actor.username,
        action="case.assign",
        entity="case",
        entity_id=case.id,
        before=before,
        after=case_snapshot(case),
    )
    return case


def add_note(
    session: Session, actor: Actor, case_id: int, note: str, *, occurred_on: dt.date | None = None
) -> Event:
    case = load_case_for_update(session, case_id, None)
    permissions.require(actor, "case.edit", case.kind)
    text = validation.clean_text(note, "note", max_len=4000)
    occurred_on = validation.clean_date(occurred_on, "occurred_on", required=False)
    ev = add_event(session, case, actor, EventKind.NOTE, occurred_on=occurred_on, note=text)
    audit.record(
        session,
        user_id=actor.user_id,
        username=actor.username,
        action="case.note",
        entity="case",
        entity_id=case.id,
        after={"event_id": ev.id, "note": text},
    )
    return ev


def event_data(ev: Event) -> dict[str, object]:
    return json.loads(ev.data) if ev.data else {}


def case_by_number(session: Session, number: str) -> Case | None:
    return session.execute(select(Case).where(Case.number == number)).scalar_one_or_none()
