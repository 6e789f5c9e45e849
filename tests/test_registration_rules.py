"""Registration rules the new-case form relies on, held by the service (no Qt): a case
always has a district, and a collective case's claims are stored one line per worker."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from casemgr import db
from casemgr.enums import CaseKind, Channel, ClaimType, Role
from casemgr.errors import ValidationError
from casemgr.models import Case, ClaimItem, Employer, Person
from casemgr.services import cases, parties
from tests.helpers import TODAY, case_input, make_uscc


def _count(database: db.Database, model: type) -> int:
    with database.read() as s:
        return int(s.execute(select(func.count()).select_from(model)).scalar_one())


def test_a_new_employer_without_district_and_no_case_district_is_refused(database, actors) -> None:
    """“(同用人单位)” on a new employer that has no district: refused, nothing written."""
    clerk = actors[Role.CLERK]
    data = case_input(CaseKind.ARBITRATION, n=1)
    data = dataclasses.replace(
        data, district=None, employer=parties.EmployerInput(name="无区县新单位", uscc=make_uscc(901))
    )
    before = (_count(database, Case), _count(database, Employer), _count(database, Person))
    with pytest.raises(ValidationError) as err, database.write() as s:
        cases.register_case(s, clerk, data, today=TODAY)
    assert err.value.field == "district"
    assert "区县" in err.value.zh
    assert (_count(database, Case), _count(database, Employer), _count(database, Person)) == before


def test_the_case_takes_the_employers_district_or_the_one_chosen(database, actors) -> None:
    clerk, med = actors[Role.CLERK], actors[Role.MEDIATOR]
    with database.write() as s:
        # the employer on file has a district: "(同用人单位)" takes it
        on_file = case_input(CaseKind.ARBITRATION, n=2, employer_n=2)
        cases.register_case(s, clerk, on_file, today=TODAY)
        again = dataclasses.replace(
            case_input(CaseKind.ARBITRATION, n=3, employer_n=2),
            district=None,
            employer=parties.EmployerInput(name="汕尾测试用人单位2", uscc=make_uscc(2)),
        )
        c = cases.register_case(s, clerk, again, today=TODAY)
        assert c.district == "城区"
        # a new employer without district, the case's district chosen: stored
        chosen = dataclasses.replace(
            case_input(CaseKind.ARBITRATION, n=4),
            district="海丰县",
            employer=parties.EmployerInput(name="无区县新单位二", uscc=make_uscc(902)),
        )
        assert cases.register_case(s, clerk, chosen, today=TODAY).district == "海丰县"
        # a mediation with no employer must name its district too
        no_emp = dataclasses.replace(case_input(CaseKind.MEDIATION, n=5), employer=None, district=None)
        with pytest.raises(ValidationError) as err:
            cases.register_case(s, med, no_emp, today=TODAY)
        assert err.value.field == "district"


def test_an_imported_ledger_row_may_lack_a_district(database, actors) -> None:
    """History keeps what the ledger says (the report's 未填区县 row)."""
    admin = actors[Role.ADMIN]
    data = dataclasses.replace(
        case_input(CaseKind.ARBITRATION, n=6),
        district=None,
        channel=Channel.IMPORT,
        employer=parties.EmployerInput(name="台账单位", uscc=make_uscc(903)),
    )
    with database.write() as s:
        assert cases.register_case(s, admin, data, today=TODAY).district is None


def _collective(n: int, workers: int, claims: list[cases.ClaimInput]) -> cases.CaseInput:
    base = case_input(CaseKind.INSPECTION, n=n, workers=workers)
    return dataclasses.replace(base, claims=claims)


def _lines(database: db.Database, case_id: int) -> list[tuple[str, str, Decimal]]:
    with database.read() as s:
        rows = s.execute(
            select(Person.name, ClaimItem.claim_type, ClaimItem.amount_claimed)
            .join(Person, Person.id == ClaimItem.person_id, isouter=True)
            .where(ClaimItem.case_id == case_id)
            .order_by(ClaimItem.id)
        ).all()
    return [(r[0], r[1], r[2]) for r in rows]


def test_an_amount_for_each_worker_is_stored_once_per_worker(database, actors) -> None:
    ins = actors[Role.INSPECTOR]
    data = _collective(10, 3, [cases.ClaimInput(ClaimType.WAGES, Decimal("4200.00"), each_worker=True)])
    with database.write() as s:
        c = cases.register_case(s, ins, data, today=TODAY)
        cid, total = c.id, c.amount_claimed
    assert _lines(database, cid) == [
        ("工人10-0", "wages", Decimal("4200.00")),
        ("工人10-1", "wages", Decimal("4200.00")),
        ("工人10-2", "wages", Decimal("4200.00")),
    ]
    assert total == Decimal("12600.00")


def test_amounts_split_explicitly_keep_their_workers(database, actors) -> None:
    ins = actors[Role.INSPECTOR]
    data = _collective(
        11,
        3,
        [
            cases.ClaimInput(ClaimType.WAGES, Decimal("3000.00"), 0),
            cases.ClaimInput(ClaimType.WAGES, Decimal("5500.50"), 2),
            cases.ClaimInput(ClaimType.OVERTIME, Decimal("800.00"), 1),
        ],
    )
    with database.write() as s:
        cid = cases.register_case(s, ins, data, today=TODAY).id
    assert _lines(database, cid) == [
        ("工人11-0", "wages", Decimal("3000.00")),
        ("工人11-2", "wages", Decimal("5500.50")),
        ("工人11-1", "overtime", Decimal("800.00")),
    ]


def test_a_collective_claim_naming_no_worker_is_refused_not_pinned_on_the_first(database, actors) -> None:
    ins = actors[Role.INSPECTOR]
    data = _collective(12, 2, [cases.ClaimInput(ClaimType.WAGES, Decimal("50000.00"))])
    before = _count(database, Case)
    with pytest.raises(ValidationError) as err, database.write() as s:
        cases.register_case(s, ins, data, today=TODAY)
    assert err.value.field == "claims"
    assert _count(database, Case) == before
    # one worker: a line without a worker is still that worker's case claim (unchanged)
    single = _collective(13, 1, [cases.ClaimInput(ClaimType.WAGES, Decimal("5000.00"))])
    with database.write() as s:
        cid = cases.register_case(s, ins, single, today=TODAY).id
    assert _lines(database, cid) == [(None, "wages", Decimal("5000.00"))]
