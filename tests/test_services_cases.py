"""Registering cases: numbering, parties reused, audit in the same transaction, all-or-nothing."""

from __future__ import annotations

import datetime as dt
import multiprocessing
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from casemgr import audit, db
from casemgr.enums import CaseKind, Role
from casemgr.errors import ConflictError, PermissionDenied, ValidationError
from casemgr.models import AuditEntry, Case, CaseParty, ClaimItem, Employer, Event, Person
from casemgr.services import cases, parties
from tests.conftest import make_user
from tests.helpers import case_input, make_id, make_uscc

TODAY = dt.date(2026, 11, 26)


def counts(database: db.Database) -> dict[str, int]:
    with database.read() as s:
        return {
            m.__tablename__: s.execute(select(func.count()).select_from(m)).scalar_one()
            for m in (Case, CaseParty, ClaimItem, Employer, Person, Event, AuditEntry)
        }


def test_numbers_per_kind_and_year(database, actors) -> None:
    sup = actors[Role.SUPERVISOR]
    with database.write() as s:
        a1 = cases.register_case(s, sup, case_input(CaseKind.ARBITRATION, n=1), today=TODAY)
        a2 = cases.register_case(s, sup, case_input(CaseKind.ARBITRATION, n=2), today=TODAY)
        m1 = cases.register_case(s, sup, case_input(CaseKind.MEDIATION, n=3), today=TODAY)
        i1 = cases.register_case(s, sup, case_input(CaseKind.INSPECTION, n=4), today=TODAY)
        old = cases.register_case(
            s, sup, case_input(CaseKind.ARBITRATION, n=5, received_on=dt.date(2025, 12, 30)), today=TODAY
        )
        numbers = [a1.number, a2.number, m1.number, i1.number, old.number]
    assert numbers == [
        "汕劳人仲案字〔2026〕第0001号",
        "汕劳人仲案字〔2026〕第0002号",
        "汕劳人调字〔2026〕第0001号",
        "汕人社监字〔2026〕第0001号",
        "汕劳人仲案字〔2025〕第0001号",
    ]


def test_parties_are_reused_not_duplicated(database, actors) -> None:
    clerk = actors[Role.CLERK]
    with database.write() as s:
        c1 = cases.register_case(s, clerk, case_input(n=1, employer_n=7), today=TODAY)
        c2 = cases.register_case(s, clerk, case_input(n=1, employer_n=7), today=TODAY)
        assert c1.employer_id == c2.employer_id
        p1 = {p.person_id for p in c1.parties if p.person_id}
        p2 = {p.person_id for p in c2.parties if p.person_id}
        assert p1 == p2
    assert counts(database)["employers"] == 1
    assert counts(database)["persons"] == 1


def test_register_writes_audit_in_same_transaction(database, actors) -> None:
    clerk = actors[Role.CLERK]
    with database.write() as s:
        case = cases.register_case(s, clerk, case_input(), today=TODAY)
        entry = s.execute(
            select(AuditEntry).where(AuditEntry.entity == "case", AuditEntry.entity_id == str(case.id))
        ).scalar_one()
        assert entry.action == "case.register"
        assert entry.user_id == clerk.user_id
        assert '"number":"汕劳人仲案字〔2026〕第0001号"' in (entry.after or "")
    with database.read() as s:
        assert audit.verify_chain(s) is None


def test_failure_after_first_write_rolls_back_everything(database, actors, monkeypatch) -> None:
    clerk = actors[Role.CLERK]
    before = counts(database)
    real = parties.find_or_register_person

    def boom(*args: object, **kw: object) -> Person:
        real(*args, **kw)  # type: ignore[arg-type]
        raise RuntimeError("disk full (injected)")

    monkeypatch.setattr(parties, "find_or_register_person", boom)
    with pytest.raises(RuntimeError), database.write() as s:
        cases.register_case(s, clerk, case_input(), today=TODAY)
    assert counts(database) == before
    monkeypatch.undo()
    with database.write() as s:  # the case number was not consumed either
        assert cases.register_case(s, clerk, case_input(), today=TODAY).seq == 1


def test_bad_input_writes_nothing(database, actors) -> None:
    clerk = actors[Role.CLERK]
    before = counts(database)
    bad = case_input()
    bad_person = cases.PartyLink(
        parties.PersonInput(name="李四", id_number="110105194912310021"), bad.persons[0].role
    )
    with pytest.raises(ValidationError) as err, database.write() as s:
        cases.register_case(
            s, clerk, cases.CaseInput(**{**bad.__dict__, "persons": [*bad.persons, bad_person]}), today=TODAY
        )
    assert err.value.field == "id_number"
    assert "身份证" in err.value.zh and "resident ID" in err.value.en
    assert counts(database) == before


def test_future_received_date_is_refused(database, actors) -> None:
    with pytest.raises(ValidationError) as err, database.write() as s:
        cases.register_case(
            s, actors[Role.CLERK], case_input(received_on=TODAY + dt.timedelta(days=1)), today=TODAY
        )
    assert err.value.field == "received_on"


def test_role_may_not_register_other_kind(database, actors) -> None:
    before = counts(database)
    with pytest.raises(PermissionDenied), database.write() as s:
        cases.register_case(s, actors[Role.CLERK], case_input(CaseKind.INSPECTION), today=TODAY)
    assert counts(database) == before


def test_flags_green_collective_supervised(database, actors) -> None:
    with database.write() as s:
        c = cases.register_case(
            s, actors[Role.SUPERVISOR], case_input(workers=12, amount="6000"), today=TODAY
        )
        assert (c.green_channel, c.collective, c.supervised, c.workers) == (True, True, True, 12)
        assert c.amount_claimed == Decimal("72000.00")
        single = cases.register_case(s, actors[Role.SUPERVISOR], case_input(n=2, migrant=False), today=TODAY)
        assert (single.green_channel, single.collective, single.supervised) == (False, False, False)


def test_update_amounts_conflict(database, actors) -> None:
    clerk = actors[Role.CLERK]
    with database.write() as s:
        case = cases.register_case(s, clerk, case_input(), today=TODAY)
        case_id, version = case.id, case.version
    with database.write() as s:
        cases.update_amounts(s, clerk, case_id, expected_version=version, amount_recovered="3000.00")
    with pytest.raises(ConflictError) as err, database.write() as s:
        cases.update_amounts(s, clerk, case_id, expected_version=version, amount_recovered="1.00")
    assert "clerk-显示名" in err.value.zh
    with database.read() as s:
        assert s.get(Case, case_id).amount_recovered == Decimal("3000.00")  # type: ignore[union-attr]


def _writer(url: str, user_id: int, start: int, n: int) -> None:
    from casemgr.actor import Actor

    database = db.open_database(url)
    actor = Actor(user_id=user_id, username="clerk", role=Role.CLERK)
    for i in range(n):
        with database.write() as s:
            cases.register_case(s, actor, case_input(n=start + i), today=TODAY)
    database.dispose()


def test_case_numbers_unique_under_two_concurrent_writers(database, actors, db_path: Path) -> None:
    url = f"sqlite:///{db_path}"
    ctx = multiprocessing.get_context("spawn")
    procs = [
        ctx.Process(target=_writer, args=(url, actors[Role.CLERK].user_id, k * 1000, 25)) for k in (1, 2)
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    with database.read() as s:
        seqs = (
            s.execute(select(Case.seq).where(Case.kind == "arbitration").order_by(Case.seq)).scalars().all()
        )
        numbers = s.execute(select(Case.number)).scalars().all()
        assert audit.verify_chain(s) is None
    assert seqs == list(range(1, 51))
    assert len(set(numbers)) == 50


def test_make_helpers_are_valid() -> None:
    from casemgr.validation import is_valid_resident_id, is_valid_uscc

    assert all(is_valid_resident_id(make_id(i)) for i in range(50))
    assert all(is_valid_uscc(make_uscc(i)) for i in range(50))


def test_assign_case(database, actors) -> None:
    with database.write() as s:
        case = cases.register_case(s, actors[Role.CLERK], case_input(), today=TODAY)
        case_id, version = case.id, case.version
    # A clerk may not reassign; a supervisor may, but only to someone who handles arbitration.
    with pytest.raises(PermissionDenied), database.write() as s:
        cases.assign_case(
            s, actors[Role.CLERK], case_id, actors[Role.SUPERVISOR].user_id, expected_version=version
        )
    with pytest.raises(ValidationError) as err, database.write() as s:
        cases.assign_case(
            s, actors[Role.SUPERVISOR], case_id, actors[Role.INSPECTOR].user_id, expected_version=version
        )
    assert err.value.field == "assigned_user"
    other = make_user(database, Role.CLERK, "clerk2")
    with database.write() as s:
        cases.assign_case(s, actors[Role.SUPERVISOR], case_id, other.user_id, expected_version=version)
    with database.read() as s:
        c = s.get(Case, case_id)
        assert c is not None and c.assigned_user_id == other.user_id
        assert (
            s.execute(
                select(func.count())
                .select_from(Event)
                .where(Event.case_id == case_id, Event.kind == "assignment")
            ).scalar_one()
            == 1
        )
        assert audit.verify_chain(s) is None
