"""Correcting a party: only the fields given change, stale forms are refused, all audited."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from casemgr import queries
from casemgr.enums import CaseKind, Role
from casemgr.errors import ConflictError, PermissionDenied, ValidationError
from casemgr.models import AuditEntry, Case, CaseParty, Person
from casemgr.services import cases, parties
from tests import helpers


def person_of(database, case_id: int) -> int:
    with database.read() as s:
        return s.execute(
            select(CaseParty.person_id).where(CaseParty.case_id == case_id, CaseParty.person_id.is_not(None))
        ).scalar_one()


def test_a_phone_is_corrected_without_touching_the_id_number(database, actors) -> None:
    clerk = actors[Role.CLERK]
    with database.write() as s:
        cid = cases.register_case(s, clerk, helpers.case_input(CaseKind.ARBITRATION, n=3)).id
    pid = person_of(database, cid)
    with database.read() as s:
        form = queries.party_for_edit(s, clerk, "person", pid)
        before = s.get(Person, pid)
        id_number = before.id_number
    assert form.name == "工人3-0" and form.phone is None  # the form never carries the phone
    with database.write() as s:
        parties.correct_person(
            s,
            clerk,
            pid,
            {"phone": "13800138000", "id_number": None, "name": "工人叁"},
            expected_version=form.version,
        )
    with database.read() as s:
        p = s.get(Person, pid)
        assert (p.name, p.phone, p.id_number) == ("工人叁", "13800138000", id_number)
        entry = s.execute(select(AuditEntry).where(AuditEntry.action == "person.update")).scalar_one()
        assert "工人3-0" in entry.before and "工人叁" in entry.after
    # The same form again is stale: someone (this clerk) saved in between.
    with database.write() as s, pytest.raises(ConflictError):
        parties.correct_person(s, clerk, pid, {"phone": "13900139000"}, expected_version=form.version)
    with database.write() as s, pytest.raises(ValidationError) as exc:
        parties.correct_person(s, clerk, pid, {"id_number": "441502198506150011"}, expected_version=None)
    assert exc.value.field == "id_number"  # bad check digit: refused, nothing changed
    with database.write() as s, pytest.raises(ValidationError):
        parties.correct_person(s, clerk, pid, {"blacklisted": True}, expected_version=None)
    with database.write() as s, pytest.raises(PermissionDenied):
        parties.correct_person(s, actors[Role.AUDITOR], pid, {"phone": "13900139000"}, expected_version=None)
    with database.read() as s:
        assert s.get(Person, pid).phone == "13800138000"
        assert s.get(Case, cid) is not None
