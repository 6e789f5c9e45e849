"""Values one backend stores or looks up and the other rejects with a driver error.

PostgreSQL refuses NUL in text and ids beyond its 32-bit INTEGER with a DataError, where
SQLite just finds no row. Each such value must be refused (or match nothing) in the
service and query layer, the same way on both backends: these tests run on both.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from casemgr import auth, db, queries, search, validation
from casemgr.actor import Actor
from casemgr.enums import CaseKind, Role
from casemgr.errors import AuthError, NotFoundError, ValidationError
from casemgr.models import AuditEntry, Event
from casemgr.services import cases, parties, users
from casemgr.services import workflow as wf
from tests.helpers import case_input

PW = "Str0ng-pass-2026"
TOO_BIG = [validation.MAX_ID + 1, 2**63 - 1, 2**80]


def test_id_range_is_the_portable_integer_range() -> None:
    assert validation.is_valid_id(1) and validation.is_valid_id(validation.MAX_ID)
    for bad in [0, -1, True, "1", 1.0, None, *TOO_BIG]:
        assert not validation.is_valid_id(bad), bad


def test_nul_in_a_log_in_is_refused_and_audited_visibly(database: db.Database) -> None:
    with database.write() as s:
        auth.create_initial_admin(s, "admin", "管理员", PW)
    for name in ["\x00admin", "ad\x00min", "admin\x00"]:
        with database.write() as s, pytest.raises(AuthError):
            auth.authenticate(s, name, PW)
    with database.read() as s:
        seen = s.execute(
            select(AuditEntry.username)
            .where(AuditEntry.action == "auth.login_failed")
            .order_by(AuditEntry.id)
        ).scalars()
        assert list(seen) == ["\\x00admin", "ad\\x00min", "admin\\x00"]
    with database.write() as s:  # the real name still logs in, with no failure counted against it
        assert auth.authenticate(s, "admin", PW).username == "admin"


@pytest.mark.parametrize("bad", ["\x00", "张三\x00", "a\x00b"])
def test_nul_in_text_fields_is_a_validation_error_naming_the_field(
    database: db.Database, actors: dict[Role, Actor], bad: str
) -> None:
    clerk, admin = actors[Role.CLERK], actors[Role.ADMIN]
    with database.write() as s:
        case_id = cases.register_case(s, clerk, case_input(CaseKind.ARBITRATION, n=1)).id
    with database.write() as s, pytest.raises(ValidationError) as err:
        cases.add_note(s, clerk, case_id, bad)
    assert err.value.field == "note"
    with database.write() as s, pytest.raises(ValidationError) as err:
        parties.find_or_register_person(s, clerk, parties.PersonInput(name=bad))
    assert err.value.field == "name"
    with database.write() as s, pytest.raises(ValidationError) as err:
        users.create_user(s, admin, bad, "显示名", Role.CLERK, PW)
    assert err.value.field == "username"
    with database.read() as s:
        assert (
            s.execute(select(func.count()).select_from(Event).where(Event.case_id == case_id)).scalar_one()
            == 1
        )


def test_nul_in_search_text_matches_what_the_rest_matches(
    database: db.Database, actors: dict[Role, Actor]
) -> None:
    with database.write() as s:
        c = cases.register_case(s, actors[Role.CLERK], case_input(CaseKind.ARBITRATION, n=1))
        number = c.number
    with database.read() as s:
        assert queries.search_case_ids(s, number + "\x00") == queries.search_case_ids(s, number) != []
        assert search.search_case_ids(s, "\x00") == []
        assert queries.find_person_by_id_number(s, "\x00") is None
        assert queries.employer_matches(s, "\x00") == []
        assert queries.EmployerQuery(search="\x00").count(s) == queries.EmployerQuery().count(s)


@pytest.mark.parametrize("big", TOO_BIG)
def test_ids_beyond_the_integer_range_are_not_found(
    database: db.Database, actors: dict[Role, Actor], big: int
) -> None:
    sup, admin = actors[Role.SUPERVISOR], actors[Role.ADMIN]
    with database.write() as s:
        case_id = cases.register_case(s, actors[Role.CLERK], case_input(CaseKind.ARBITRATION, n=1)).id
    with database.write() as s, pytest.raises(NotFoundError):
        cases.add_note(s, sup, big, "记录")
    with database.write() as s, pytest.raises(ValidationError) as err:
        cases.assign_case(s, sup, case_id, big, expected_version=None)
    assert err.value.field == "assigned_user"
    with database.write() as s, pytest.raises(NotFoundError):
        parties.update_person(s, sup, big, parties.PersonInput(name="张三"), expected_version=None)
    with database.write() as s, pytest.raises(NotFoundError):
        parties.update_employer(s, sup, big, parties.EmployerInput(name="某公司"), expected_version=None)
    with database.write() as s, pytest.raises(NotFoundError):
        users.deactivate(s, admin, big)
    with database.read() as s, pytest.raises(NotFoundError):
        wf.linked_cases(s, big)
