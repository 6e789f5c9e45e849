"""The paged list queries behind the UI's case lists, case file and employer page."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from casemgr import db, queries
from casemgr.actor import Actor
from casemgr.enums import CaseKind, Role
from casemgr.services import cases
from tests.helpers import case_input


def _register(database: db.Database, actor: Actor, **kw: object) -> int:
    with database.write() as s:
        return cases.register_case(s, actor, case_input(**kw)).id  # type: ignore[arg-type]


def test_pages_cover_every_case_once_in_order(database: db.Database, actors: dict[Role, Actor]) -> None:
    admin = actors[Role.ADMIN]
    for n in range(7):
        _register(database, admin, n=n + 1, received_on=dt.date(2026, 1, 1) + dt.timedelta(days=n))
    _register(database, admin, kind=CaseKind.MEDIATION, n=50)
    q = queries.CaseQuery(kind=CaseKind.ARBITRATION)
    with database.read() as s:
        assert q.count(s) == 7
        rows = q.page(s, 0, 3) + q.page(s, 3, 3) + q.page(s, 6, 3)
    assert [r.received_on for r in rows] == sorted((r.received_on for r in rows), reverse=True)
    assert len({r.id for r in rows}) == 7
    assert all(r.kind == "arbitration" for r in rows)
    with database.read() as s:
        asc = q.with_sort("received_on", descending=False).page(s, 0, 10)
    assert [r.id for r in asc] == [r.id for r in reversed(rows)]


def test_row_carries_names_and_amounts(database: db.Database, actors: dict[Role, Actor]) -> None:
    cid = _register(database, actors[Role.ADMIN], n=3, amount="1234.56")
    with database.read() as s:
        (row,) = queries.CaseQuery(kind="arbitration").page(s, 0, 10)
    assert row.id == cid
    assert row.worker_name == "工人3-0"
    assert row.employer_name == "汕尾测试用人单位3"
    assert row.amount_claimed == Decimal("1234.56")
    assert row.district == "城区"


def test_search_by_two_character_name_and_id(database: db.Database, actors: dict[Role, Actor]) -> None:
    from casemgr.services import parties

    admin = actors[Role.ADMIN]
    base = case_input(n=4)
    named = cases.CaseInput(
        **{
            **base.__dict__,
            "persons": [
                cases.PartyLink(parties.PersonInput(name="林芳", id_number=None), base.persons[0].role)
            ],
        }
    )
    with database.write() as s:
        target = cases.register_case(s, admin, named).id
    _register(database, admin, n=5)
    q = queries.CaseQuery(kind=CaseKind.ARBITRATION)
    with database.read() as s:
        assert [r.id for r in q.with_search("林芳").page(s, 0, 10)] == [target]
        assert q.with_search("林芳").count(s) == 1
        assert q.with_search("不存在的人").count(s) == 0
        by_uscc = q.with_search(case_input(n=5).employer.uscc or "").page(s, 0, 10)  # type: ignore[union-attr]
    assert len(by_uscc) == 1 and by_uscc[0].id != target


def test_filters(database: db.Database, actors: dict[Role, Actor]) -> None:
    admin = actors[Role.ADMIN]
    big = _register(database, admin, n=6, workers=12)
    small = _register(database, admin, n=7, migrant=False)
    q = queries.CaseQuery(kind=CaseKind.ARBITRATION)
    with database.read() as s:
        coll = q.with_filters(queries.CaseFilters(collective=True)).page(s, 0, 10)
        green = q.with_filters(queries.CaseFilters(green_channel=True)).page(s, 0, 10)
        mine = q.with_filters(queries.CaseFilters(assigned_user_id=admin.user_id)).count(s)
        nobody = q.with_filters(queries.CaseFilters(assigned_user_id=actors[Role.CLERK].user_id)).count(s)
        district = q.with_filters(queries.CaseFilters(district="海丰县")).count(s)
        dated = q.with_filters(
            queries.CaseFilters(received_from=dt.date(2026, 3, 3), received_to=dt.date(2026, 12, 31))
        ).count(s)
    assert [r.id for r in coll] == [big]
    assert big in [r.id for r in green] and small not in [r.id for r in green]
    assert (mine, nobody, district, dated) == (2, 0, 0, 0)


def test_case_detail_and_employer_summary(database: db.Database, actors: dict[Role, Actor]) -> None:
    admin = actors[Role.ADMIN]
    a = _register(database, admin, n=8, employer_n=99, amount="100.00")
    _register(database, admin, n=9, employer_n=99, amount="50.50", kind=CaseKind.INSPECTION)
    with database.read() as s:
        d = queries.case_detail(s, a)
        assert d.employer_id is not None
        summary = queries.employer_summary(s, d.employer_id, today=dt.date(2026, 3, 10))
        emp_rows = queries.EmployerQuery(search="测试用人单位99").page(s, 0, 10)
        dupes = queries.likely_duplicates(
            s,
            CaseKind.ARBITRATION,
            [p.id_number or "" for p in d.parties if not p.is_employer],
            summary.uscc,
            None,
        )
    assert d.row.number and d.parties and d.claims and d.events
    assert {p.is_employer for p in d.parties} == {True, False}
    assert summary.cases_total == 2 and summary.open_cases == 2
    assert summary.amount_claimed == Decimal("150.50")
    assert summary.complaints_90d == 1
    assert summary.cases_by_kind == {"arbitration": 1, "inspection": 1}
    assert [(r.id, r.cases_total) for r in emp_rows] == [(d.employer_id, 2)]
    assert [r.id for r in dupes] == [a]
