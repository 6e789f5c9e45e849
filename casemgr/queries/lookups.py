"""Look-ups the forms make while a clerk types: a person on file, employers by name,
likely duplicates, users, a case's claim total, a party as a correction form starts from."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, not_, or_, select
from sqlalchemy.orm import Session, aliased

from casemgr import audit, permissions, privacy, validation
from casemgr.actor import Actor
from casemgr.enums import CaseKind, Role
from casemgr.errors import NotFoundError
from casemgr.models import (
    Case,
    CaseParty,
    ClaimItem,
    Employer,
    Person,
    User,
    fen_to_yuan,
)
from casemgr.queries.cases import CaseRow, case_rows


@dataclass(frozen=True)
class PersonMatch:
    id: int
    name: str
    id_number: str | None
    phone: str | None
    migrant_worker: bool


@dataclass(frozen=True)
class EmployerMatch:
    id: int
    name: str
    uscc: str | None
    district: str | None
    legal_rep: str | None


def find_person_by_id_number(session: Session, actor: Actor, id_number: str) -> PersonMatch | None:
    """The person on file with this ID number, for the new-case form: masked, and audited.

    What the form needs is "this person is on file, their record will be reused" and the
    name to fill in; never the full phone (a typed ID number must not become a way to
    collect phone numbers) and not the ID number back unmasked. Each match is recorded as
    ``person.lookup``. A reporter this user may not see is "not on file" here (the
    registration still reuses the record, without showing it).
    """
    permissions.require(actor, "case.view")
    p = session.execute(
        select(Person).where(Person.id_number == validation.strip_control_chars(id_number).strip().upper())
    ).scalar_one_or_none()
    if p is None or privacy.hidden_reporter_of(session, actor, p.id):
        return None
    audit.record(
        session,
        user_id=actor.user_id,
        username=actor.username,
        action="person.lookup",
        entity="person",
        entity_id=p.id,
        after={"by": "id_number"},
    )
    return PersonMatch(
        p.id, p.name, privacy.mask_id_number(p.id_number), privacy.mask_phone(p.phone), p.migrant_worker
    )


def employer_matches(session: Session, text: str, limit: int = 20) -> list[EmployerMatch]:
    """Employers whose name starts with / contains ``text`` or whose credit code equals it."""
    text = validation.strip_control_chars(text).strip()
    if not text:
        return []
    like = f"%{text.replace('%', '').replace('_', '')}%"
    stmt = (
        select(Employer)
        .where(or_(Employer.uscc == text.upper(), Employer.name.like(like)))
        .order_by(func.length(Employer.name), Employer.id)
        .limit(limit)
    )
    return [
        EmployerMatch(e.id, e.name, e.uscc, e.district, e.legal_rep) for e in session.execute(stmt).scalars()
    ]


def likely_duplicates(
    session: Session,
    kind: CaseKind | str,
    id_numbers: Sequence[str],
    employer_uscc: str | None,
    employer_name: str | None,
) -> list[CaseRow]:
    """Open cases of the same kind with the same complainant and employer (warn, never block)."""
    ids = [i.strip().upper() for i in id_numbers if i and i.strip()]
    if not ids or not (employer_uscc or employer_name):
        return []
    emp_cond = Employer.uscc == employer_uscc.upper() if employer_uscc else Employer.name == employer_name
    cp = aliased(CaseParty)
    stmt = (
        select(Case.id)
        .join(Employer, Employer.id == Case.employer_id)
        .join(cp, cp.case_id == Case.id)
        .join(Person, Person.id == cp.person_id)
        .where(
            Case.kind == CaseKind(kind).value,
            Case.closed_on.is_(None),
            emp_cond,
            Person.id_number.in_(ids),
            # a reporter's 举报 is no "duplicate" to show: it would say who reported
            not_(privacy.confidential_link(Case, cp)),
        )
        .distinct()
        .limit(10)
    )
    return case_rows(session, list(session.execute(stmt).scalars()))


@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    display_name: str
    role: str
    district: str | None
    active: bool


def _user_row(u: User) -> UserRow:
    return UserRow(u.id, u.username, u.display_name, u.role, u.district, u.active)


def users(session: Session, *, active_only: bool = False) -> list[UserRow]:
    stmt = select(User).order_by(User.id)
    if active_only:
        stmt = stmt.where(User.active.is_(True))
    return [_user_row(u) for u in session.execute(stmt).scalars()]


def user(session: Session, user_id: int | None) -> UserRow | None:
    """One user by id (None for the system account or an unknown id)."""
    u = session.get(User, user_id) if validation.is_valid_id(user_id) else None
    return _user_row(u) if u is not None else None


def user_named(session: Session, username: str) -> UserRow | None:
    """One user by log-in name, exactly as stored."""
    u = session.execute(select(User).where(User.username == username)).scalar_one_or_none()
    return _user_row(u) if u is not None else None


@dataclass(frozen=True)
class OfficerRow:
    """A user who can take over cases, with the open cases they already handle."""

    id: int
    display_name: str
    role: str
    district: str | None
    open_cases: int


def assignable_officers(session: Session, kinds: Iterable[CaseKind | str]) -> list[OfficerRow]:
    """Active users who may handle every one of ``kinds`` — the rule ``assign_case`` enforces
    (their role works on the kind), so a reassign dialog never offers an inspector for an
    arbitration case — each with their caseload, lightest first."""
    wanted = [CaseKind(k) for k in kinds]
    active = session.execute(select(User).where(User.active.is_(True)).order_by(User.id)).scalars().all()
    fit = [
        u
        for u in active
        if all(
            permissions.allowed(
                Actor(user_id=u.id, username=u.username, role=Role(u.role)), "case.transition", k
            )
            for k in wanted
        )
    ]
    if not fit:
        return []
    load = dict(
        session.execute(
            select(Case.assigned_user_id, func.count())
            .where(Case.assigned_user_id.in_([u.id for u in fit]), Case.closed_on.is_(None))
            .group_by(Case.assigned_user_id)
        ).all()
    )
    rows = [OfficerRow(u.id, u.display_name, u.role, u.district, int(load.get(u.id, 0))) for u in fit]
    return sorted(rows, key=lambda r: (r.open_cases, r.id))


def case_number(session: Session, case_id: int | None) -> str | None:
    """A case's number by id (None for an unknown id): how people name a case in messages."""
    if not validation.is_valid_id(case_id):
        return None
    return session.execute(select(Case.number).where(Case.id == case_id)).scalar()


def claim_total(session: Session, case_id: int) -> Decimal:
    raw = session.execute(
        select(func.sum(ClaimItem.amount_claimed)).where(ClaimItem.case_id == case_id)
    ).scalar_one()
    return raw if raw is not None else fen_to_yuan(0)


# --------------------------------------------------------------------------- party corrections


@dataclass(frozen=True)
class PartyForEdit:
    """What a correction form starts from: never a person's full ID number or phone."""

    kind: str  # "person" | "employer"
    id: int
    version: int
    name: str
    migrant_worker: bool = False
    uscc: str | None = None
    legal_rep: str | None = None
    district: str | None = None
    industry: str | None = None
    address: str | None = None
    phone: str | None = None  # employers only: a company's line is not personal data


def party_for_edit(session: Session, actor: Actor, kind: str, party_id: int) -> PartyForEdit:
    """A correction form's starting point; a reporter this user may not see is refused
    with the same message as a person that does not exist (it says nothing about them)."""
    permissions.require(actor, "party.register")
    if kind == "person":
        p = session.get(Person, party_id) if validation.is_valid_id(party_id) else None
        if p is None or privacy.hidden_reporter_of(session, actor, p.id):
            raise NotFoundError("当事人不存在。", "No such person.")
        return PartyForEdit("person", p.id, p.version, p.name, migrant_worker=bool(p.migrant_worker))
    e = session.get(Employer, party_id) if validation.is_valid_id(party_id) else None
    if e is None:
        raise NotFoundError("用人单位不存在。", "No such employer.")
    return PartyForEdit(
        "employer", e.id, e.version, e.name, uscc=e.uscc, legal_rep=e.legal_rep, district=e.district,
        industry=e.industry, address=e.address, phone=e.phone,
    )  # fmt: skip
