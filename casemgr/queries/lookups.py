"""Look-ups the forms make while a clerk types: a person on file, employers by name,
likely duplicates, users, a case's claim total, a party as a correction form starts from."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from casemgr import validation
from casemgr.enums import CaseKind
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


def find_person_by_id_number(session: Session, id_number: str) -> PersonMatch | None:
    p = session.execute(
        select(Person).where(Person.id_number == validation.strip_control_chars(id_number).strip().upper())
    ).scalar_one_or_none()
    if p is None:
        return None
    return PersonMatch(p.id, p.name, p.id_number, p.phone, p.migrant_worker)


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
            Case.kind == CaseKind(kind).value, Case.closed_on.is_(None), emp_cond, Person.id_number.in_(ids)
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


def party_for_edit(session: Session, kind: str, party_id: int) -> PartyForEdit:
    if kind == "person":
        p = session.get(Person, party_id) if validation.is_valid_id(party_id) else None
        if p is None:
            raise NotFoundError("当事人不存在。", "No such person.")
        return PartyForEdit("person", p.id, p.version, p.name, migrant_worker=bool(p.migrant_worker))
    e = session.get(Employer, party_id) if validation.is_valid_id(party_id) else None
    if e is None:
        raise NotFoundError("用人单位不存在。", "No such employer.")
    return PartyForEdit(
        "employer", e.id, e.version, e.name, uscc=e.uscc, legal_rep=e.legal_rep, district=e.district,
        industry=e.industry, address=e.address, phone=e.phone,
    )  # fmt: skip
