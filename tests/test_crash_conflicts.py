"""No lost updates: the second of two editors gets a ConflictError naming who and when.

Two users open the same case (or party) at version v; the first saves; the second's save
is refused with the first's name and time, writes nothing, and after reloading the
second can save on top of the first: both edits are then in the record.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from casemgr import clock, db
from casemgr.actor import Actor
from casemgr.enums import CaseKind, Role
from casemgr.errors import ConflictError
from casemgr.models import AuditEntry, Case, Employer, Event, Person
from casemgr.services import cases, parties
from tests.conftest import make_user
from tests.helpers import case_input, make_id


@pytest.fixture
def two_clerks(database: db.Database, actors: dict[Role, Actor]) -> tuple[Actor, Actor]:
    return actors[Role.CLERK], make_user(database, Role.CLERK, "clerk2")


def test_second_case_editor_gets_a_conflict_and_nothing_is_lost(
    database: db.Database, two_clerks: tuple[Actor, Actor]
) -> None:
    a, b = two_clerks
    with database.write() as s:
        c = cases.register_case(s, a, case_input(CaseKind.ARBITRATION))
        case_id, v = c.id, c.version
    # both opened the case at version v
    with database.write() as s:
        cases.update_amounts(s, a, case_id, expected_version=v, amount_recovered=Decimal("1000.00"))
    with database.write() as s, pytest.raises(ConflictError) as err:
        cases.update_amounts(s, b, case_id, expected_version=v, amount_claimed=Decimal("9999.00"), workers=3)
    e = err.value
    assert e.by == "clerk-显示名"
    assert e.at is not None and abs(e.at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)
    assert "clerk-显示名" in e.zh and clock.local(e.at).strftime("%H:%M") in e.en  # Beijing time
    with database.read() as s:
        case = s.get(Case, case_id)
        assert case is not None
        assert (case.amount_recovered, case.amount_claimed, case.workers) == (
            Decimal("1000.00"),
            Decimal("8000.00"),
            1,
        )
        assert case.version == v + 1 and case.updated_by_id == a.user_id
        v2 = case.version
    # b reloads and saves again: both edits survive
    with database.write() as s:
        cases.update_amounts(s, b, case_id, expected_version=v2, amount_claimed=Decimal("9999.00"), workers=3)
    with database.read() as s:
        case = s.get(Case, case_id)
        assert case is not None
        assert (case.amount_recovered, case.amount_claimed, case.workers) == (
            Decimal("1000.00"),
            Decimal("9999.00"),
            3,
        )
        events = s.execute(
            select(Event.user_id).where(Event.case_id == case_id, Event.kind == "amounts")
        ).all()
        assert [u for (u,) in events] == [a.user_id, b.user_id]
        audited = s.execute(
            select(AuditEntry.username)
            .where(AuditEntry.action == "case.update_amounts")
            .order_by(AuditEntry.id)
        ).all()
        assert [u for (u,) in audited] == ["clerk", "clerk2"]


def test_second_person_editor_gets_a_conflict(database: db.Database, two_clerks: tuple[Actor, Actor]) -> None:
    a, b = two_clerks
    with database.write() as s:
        p = parties.find_or_register_person(s, a, parties.PersonInput("陈工", make_id(5)))
        pid, v = p.id, p.version
    with database.write() as s:
        parties.update_person(
            s, a, pid, parties.PersonInput("陈工", make_id(5), phone="13800138000"), expected_version=v
        )
    with database.write() as s, pytest.raises(ConflictError) as err:
        parties.update_person(s, b, pid, parties.PersonInput("陈工人", make_id(5)), expected_version=v)
    assert err.value.by == "clerk-显示名" and err.value.at is not None
    with database.read() as s:
        person = s.get(Person, pid)
        assert person is not None and (person.name, person.phone, person.version) == (
            "陈工",
            "13800138000",
            v + 1,
        )
    with database.write() as s:  # after reloading, b's change keeps a's phone
        fresh = s.get(Person, pid)
        assert fresh is not None
        parties.update_person(
            s,
            b,
            pid,
            parties.PersonInput("陈工人", fresh.id_number, fresh.phone),
            expected_version=fresh.version,
        )
    with database.read() as s:
        person = s.get(Person, pid)
        assert person is not None and (person.name, person.phone) == ("陈工人", "13800138000")


def test_second_employer_editor_gets_a_conflict(
    database: db.Database, two_clerks: tuple[Actor, Actor]
) -> None:
    a, b = two_clerks
    with database.write() as s:
        e = parties.find_or_register_employer(s, a, parties.EmployerInput("汕尾某厂"))
        eid, v = e.id, e.version
    with database.write() as s:
        parties.update_employer(
            s, a, eid, parties.EmployerInput("汕尾某厂", legal_rep="林某"), expected_version=v
        )
    with database.write() as s, pytest.raises(ConflictError) as err:
        parties.update_employer(s, b, eid, parties.EmployerInput("汕尾某某厂"), expected_version=v)
    assert err.value.by == "clerk-显示名"
    with database.read() as s:
        emp = s.get(Employer, eid)
        assert emp is not None and (emp.name, emp.legal_rep) == ("汕尾某厂", "林某")


def test_party_edit_refuses_an_id_number_of_another_person(
    database: db.Database, two_clerks: tuple[Actor, Actor]
) -> None:
    a, _ = two_clerks
    with database.write() as s:
        p1 = parties.find_or_register_person(s, a, parties.PersonInput("甲", make_id(1)))
        p2 = parties.find_or_register_person(s, a, parties.PersonInput("乙", make_id(2)))
        ids = (p1.id, p2.id)
    from casemgr.errors import ValidationError

    with database.write() as s, pytest.raises(ValidationError) as err:
        parties.update_person(s, a, ids[1], parties.PersonInput("乙", make_id(1)), expected_version=None)
    assert err.value.field == "id_number"
