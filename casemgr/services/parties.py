"""Persons and employers: one row each, found by their national identifier, reused across cases.

A clerk must never retype a party already on file, and an inspector must see that the
same employer was reported last month, so registering is always "find or create" keyed
on the resident ID number / unified social credit code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from casemgr import audit, permissions, privacy, validation
from casemgr import search as _search  # noqa: F401  (its flush hook keeps the name index current)
from casemgr.actor import Actor
from casemgr.errors import ConflictError, NotFoundError, ValidationError
from casemgr.models import Employer, Person, utcnow
from casemgr.queries.lookups import PartyForEdit, party_for_edit
from casemgr.snapshots import employer_snapshot, person_snapshot


@dataclass(frozen=True)
class PersonInput:
    name: str
    id_number: str | None = None
    phone: str | None = None
    migrant_worker: bool = False
    address: str | None = None


@dataclass(frozen=True)
class EmployerInput:
    name: str
    uscc: str | None = None
    legal_rep: str | None = None
    district: str | None = None
    industry: str | None = None
    address: str | None = None
    phone: str | None = None


def clean_person(data: PersonInput) -> PersonInput:
    return PersonInput(
        name=validation.clean_text(data.name, "name", max_len=64) or "",
        id_number=validation.clean_resident_id(data.id_number),
        phone=validation.clean_phone(data.phone),
        migrant_worker=bool(data.migrant_worker),
        address=validation.clean_text(data.address, "address", max_len=200, required=False),
    )


def clean_district(value: object) -> str | None:
    return validation.clean_district(value)


def clean_employer(data: EmployerInput) -> EmployerInput:
    return EmployerInput(
        name=validation.clean_text(data.name, "employer", max_len=200) or "",
        uscc=validation.clean_uscc(data.uscc),
        legal_rep=validation.clean_text(data.legal_rep, "legal_rep", max_len=64, required=False),
        district=clean_district(data.district),
        industry=validation.clean_text(data.industry, "industry", max_len=64, required=False),
        address=validation.clean_text(data.address, "address", max_len=200, required=False),
        phone=validation.clean_phone(data.phone),
    )


def _id_number_taken() -> ValidationError:
    return ValidationError(
        "无法登记：该身份证号码已被另一条记录使用。请稍后重试；如仍不行，请联系科长。",
        "Cannot register: the ID number is used by another record. Try again; if it "
        "persists, ask a supervisor.",
        field="id_number",
    )


def find_or_register_person(
    session: Session, actor: Actor, data: PersonInput, *, confidential: bool = False
) -> Person:
    """The person with this ID number, updated with any new contact details, or a new row.

    Without an ID number (anonymous reporters, workers known only by name) a new row is
    always created: a name alone is not an identity. ``confidential``: they are being
    registered as a reporter, so the audit entry does not record who they are
    (:func:`casemgr.privacy.recorded_person`).
    """
    permissions.require(actor, "party.register")
    clean = clean_person(data)
    person = None
    if clean.id_number:
        person = session.execute(
            select(Person).where(Person.id_number == clean.id_number)
        ).scalar_one_or_none()
    if person is not None and privacy.hidden_reporter_of(session, actor, person.id):
        # A reporter this user may not see: linking them to a new case would show their
        # name on file there. The same message as PostgreSQL gives, whose row-level
        # security hides the row (casemgr.pgroles): it says neither who nor why.
        raise _id_number_taken()
    if person is None:
        person = Person(
            name=clean.name,
            id_number=clean.id_number,
            phone=clean.phone,
            migrant_worker=clean.migrant_worker,
            address=clean.address,
            updated_by_id=actor.user_id,
        )
        try:
            with session.begin_nested():
                session.add(person)
                session.flush()
        except IntegrityError:
            # Registered meanwhile by someone else, or (PostgreSQL, casemgr.pgroles) a person
            # this user may not see: a message that says neither, never a traceback.
            raise _id_number_taken() from None
        audit.record(
            session,
            user_id=actor.user_id,
            username=actor.username,
            action="person.create",
            entity="person",
            entity_id=person.id,
            after=privacy.recorded_person(person_snapshot(person), confidential),
        )
        return person
    confidential = confidential or privacy.is_reporter(session, person.id)
    before = person_snapshot(person)
    if clean.phone and clean.phone != person.phone:
        person.phone = clean.phone
    if clean.migrant_worker and not person.migrant_worker:
        person.migrant_worker = True
    if clean.address and clean.address != person.address:
        person.address = clean.address
    after = person_snapshot(person)
    if after != before:
        person.updated_at = utcnow()
        person.updated_by_id = actor.user_id
        session.flush()
        _record_update(session, actor, person.id, before, after, confidential)
    return person


def _record_update(
    session: Session,
    actor: Actor,
    person_id: int,
    before: dict[str, object],
    after: dict[str, object],
    confidential: bool,
) -> None:
    changed = sorted(k for k in after if before.get(k) != after.get(k))
    audit.record(
        session,
        user_id=actor.user_id,
        username=actor.username,
        action="person.update",
        entity="person",
        entity_id=person_id,
        before=privacy.recorded_person(before, confidential),
        after=privacy.recorded_person(after, confidential) | ({"changed": changed} if confidential else {}),
    )


def find_or_register_employer(session: Session, actor: Actor, data: EmployerInput) -> Employer:
    """The employer with this credit code (or, lacking one, this exact name), or a new row."""
    permissions.require(actor, "party.register")
    clean = clean_employer(data)
    employer = None
    if clean.uscc:
        employer = session.execute(select(Employer).where(Employer.uscc == clean.uscc)).scalar_one_or_none()
    else:
        employer = session.execute(
            select(Employer).where(Employer.name == clean.name, Employer.uscc.is_(None)).limit(1)
        ).scalar_one_or_none()
    if employer is None:
        employer = Employer(
            name=clean.name,
            uscc=clean.uscc,
            legal_rep=clean.legal_rep,
            district=clean.district,
            industry=clean.industry,
            address=clean.address,
            phone=clean.phone,
            updated_by_id=actor.user_id,
        )
        session.add(employer)
        session.flush()
        audit.record(
            session,
            user_id=actor.user_id,
            username=actor.username,
            action="employer.create",
            entity="employer",
            entity_id=employer.id,
            after=employer_snapshot(employer),
        )
        return employer
    before = employer_snapshot(employer)
    for field in ("legal_rep", "district", "industry", "address", "phone"):
        value = getattr(clean, field)
        if value and not getattr(employer, field):
            setattr(employer, field, value)
    after = employer_snapshot(employer)
    if after != before:
        employer.updated_at = utcnow()
        employer.updated_by_id = actor.user_id
        session.flush()
        audit.record(
            session,
            user_id=actor.user_id,
            username=actor.username,
            action="employer.update",
            entity="employer",
            entity_id=employer.id,
            before=before,
            after=after,
        )
    return employer


# --------------------------------------------------------------------------- editing (optimistic locking)


def _party_conflict(session: Session, row: Person | Employer, entity_zh: str) -> ConflictError:
    from casemgr.models import User

    who = session.get(User, row.updated_by_id).display_name if row.updated_by_id else None
    return ConflictError(entity_zh, who, row.updated_at)


def update_person(
    session: Session, actor: Actor, person_id: int, data: PersonInput, *, expected_version: int | None
) -> Person:
    """Correct a person's details. A stale ``expected_version`` (someone saved first) is a
    ConflictError naming who and when, never a silent overwrite of their edit."""
    permissions.require(actor, "party.register")
    person = session.get(Person, person_id) if validation.is_valid_id(person_id) else None
    if person is None or privacy.hidden_reporter_of(session, actor, person.id):
        # A reporter this user may not see: renaming them would change (and the answer
        # reveal) the reporter; the message is the one for "no such person".
        raise NotFoundError("当事人不存在。", "No such person.")
    if expected_version is not None and person.version != expected_version:
        raise _party_conflict(session, person, "当事人")
    clean = clean_person(data)
    if clean.id_number and clean.id_number != person.id_number:
        other = session.execute(select(Person.id).where(Person.id_number == clean.id_number)).first()
        if other is not None:
            raise validation.fail("id_number", "已登记为另一名当事人", "belongs to another person on file")
    before = person_snapshot(person)
    person.name = clean.name
    person.id_number = clean.id_number
    person.phone = clean.phone
    person.migrant_worker = clean.migrant_worker
    person.address = clean.address
    after = person_snapshot(person)
    if after == before:
        return person
    person.updated_at = utcnow()
    person.updated_by_id = actor.user_id
    try:
        session.flush()
    except StaleDataError as exc:
        raise ConflictError("当事人", None, None) from exc
    _record_update(session, actor, person.id, before, after, privacy.is_reporter(session, person.id))
    return person


def update_employer(
    session: Session, actor: Actor, employer_id: int, data: EmployerInput, *, expected_version: int | None
) -> Employer:
    """Correct an employer's details, with the same conflict rule as :func:`update_person`."""
    permissions.require(actor, "party.register")
    employer = session.get(Employer, employer_id) if validation.is_valid_id(employer_id) else None
    if employer is None:
        raise NotFoundError("用人单位不存在。", "No such employer.")
    if expected_version is not None and employer.version != expected_version:
        raise _party_conflict(session, employer, "用人单位")
    clean = clean_employer(data)
    if clean.uscc and clean.uscc != employer.uscc:
        other = session.execute(select(Employer.id).where(Employer.uscc == clean.uscc)).first()
        if other is not None:
            raise validation.fail("uscc", "已登记为另一家用人单位", "belongs to another employer on file")
    before = employer_snapshot(employer) | {"phone": employer.phone}
    for f in ("name", "uscc", "legal_rep", "district", "industry", "address", "phone"):
        setattr(employer, f, getattr(clean, f))
    after = employer_snapshot(employer) | {"phone": employer.phone}
    if after == before:
        return employer
    employer.updated_at = utcnow()
    employer.updated_by_id = actor.user_id
    try:
        session.flush()
    except StaleDataError as exc:
        raise ConflictError("用人单位", None, None) from exc
    audit.record(
        session,
        user_id=actor.user_id,
        username=actor.username,
        action="employer.update",
        entity="employer",
        entity_id=employer.id,
        before=before,
        after=after,
    )
    return employer


def set_key_monitoring(
    session: Session, actor: Actor, employer_id: int, *, monitored: bool, since: dt.date | None
) -> Employer:
    """Put an employer under 重点监控 (or take it off): a supervisor's decision, audited, so an
    inspector registering the next complaint sees it (the employer list filters on it)."""
    permissions.require(actor, "case.assign")
    employer = session.get(Employer, employer_id) if validation.is_valid_id(employer_id) else None
    if employer is None:
        raise NotFoundError("用人单位不存在。", "No such employer.")
    if monitored and since is None:
        raise validation.fail("key_monitoring_since", "须填写日期", "needs a date")
    before = {"key_monitoring": employer.key_monitoring, "since": employer.key_monitoring_since}
    employer.key_monitoring = monitored
    employer.key_monitoring_since = since if monitored else None
    employer.updated_at = utcnow()
    employer.updated_by_id = actor.user_id
    session.flush()
    audit.record(
        session,
        user_id=actor.user_id,
        username=actor.username,
        action="employer.key_monitoring",
        entity="employer",
        entity_id=employer.id,
        before=before,
        after={"key_monitoring": monitored, "since": employer.key_monitoring_since},
    )
    return employer


#: What a correction of a person may change; a field left out keeps its value.
PERSON_FIELDS = ("name", "id_number", "phone", "address", "migrant_worker")


def correct_person(
    session: Session,
    actor: Actor,
    person_id: int,
    changes: dict[str, object],
    *,
    expected_version: int | None,
) -> PartyForEdit:
    """Change only the given fields of a person (``update_person`` with the rest kept).

    Returns the record as the correction form shows it (never the full ID number or phone):
    the caller learns nothing it did not type.

    The desktop never shows a clerk the full ID number or phone without a logged reveal, so
    its correction form cannot send the current values back; "leave it empty to keep it" is
    how a clerk corrects a name or a phone number without seeing the rest.
    """
    bad = sorted(set(changes) - set(PERSON_FIELDS))
    if bad:
        raise validation.fail(bad[0], "不能修改", "cannot be changed")
    permissions.require(actor, "party.register")
    person = session.get(Person, person_id) if validation.is_valid_id(person_id) else None
    if person is None or privacy.hidden_reporter_of(session, actor, person.id):
        raise NotFoundError("当事人不存在。", "No such person.")
    current = {f: getattr(person, f) for f in PERSON_FIELDS}
    merged = current | {k: v for k, v in changes.items() if v is not None}
    update_person(
        session,
        actor,
        person_id,
        PersonInput(
            name=str(merged["name"]),
            id_number=merged["id_number"],  # type: ignore[arg-type]
            phone=merged["phone"],  # type: ignore[arg-type]
            migrant_worker=bool(merged["migrant_worker"]),
            address=merged["address"],  # type: ignore[arg-type]
        ),
        expected_version=expected_version,
    )
    return party_for_edit(session, actor, "person", person_id)
