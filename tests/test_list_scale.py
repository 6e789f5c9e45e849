"""The case lists at a city's scale (issue 20): a broad search walks the list in its own
order and stops; its count, and the overdue filter's, stop past the cap; a search runs
once for a page and its count; status and district sorts break ties by receiving date.

The thresholds are lowered here so a handful of cases shows what a million would; the
speed itself is measured in bench/ (``./benchmark``), not in tests.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from pytestqt.qtbot import QtBot

from casemgr import db, queries, search
from casemgr.actor import Actor
from casemgr.enums import CaseKind, ClaimType, PartyRole, Role
from casemgr.services import cases, parties
from tests.helpers import TODAY, case_input, make_id, make_uscc

D = dt.date


def register(
    database: db.Database, actor: Actor, employer: str, worker: str, n: int, received_on: dt.date
) -> int:
    data = cases.CaseInput(
        kind=CaseKind.ARBITRATION,
        received_on=received_on,
        employer=parties.EmployerInput(name=employer, uscc=make_uscc(500 + n), district="海丰县"),
        persons=[
            cases.PartyLink(parties.PersonInput(name=worker, id_number=make_id(500 + n)), PartyRole.APPLICANT)
        ],
        claims=[cases.ClaimInput(ClaimType.WAGES, Decimal("3000"), 0)],
        district="海丰县",
    )
    with database.write() as s:
        return cases.register_case(s, actor, data, today=received_on).id


@pytest.fixture
def builders(database: db.Database, actors: dict[Role, Actor]) -> dict[str, int]:
    """Twelve building firms' cases on different days, two decoys, one other trade."""
    clerk = actors[Role.CLERK]
    out = {}
    for n in range(12):
        out[f"b{n}"] = register(
            database,
            clerk,
            f"汕尾市第{n}建筑工程有限公司",
            f"工人甲{n}",
            n,
            D(2026, 1, 5) + dt.timedelta(days=3 * n),
        )
    # Every bigram of 建筑工程, but never together: not a match for the four characters.
    out["decoy"] = register(database, clerk, "建筑材料与工程机械有限公司", "李四", 40, D(2026, 3, 1))
    out["other"] = register(database, clerk, "汕尾市鸿达制衣有限公司", "王五", 41, D(2026, 3, 2))
    return out


@pytest.mark.parametrize("text", ["建筑", "建筑工程", "有限公司"])
def test_a_broad_search_lists_exactly_what_the_narrow_one_finds_in_list_order(
    database: db.Database, builders: dict[str, int], monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    base = queries.CaseQuery(kind=CaseKind.ARBITRATION, search=text, today=TODAY)
    orders = [(c, d) for c in queries.SORT_COLUMNS for d in (True, False)]
    with database.read() as s:
        narrow_plan = search.list_search(s, text, kind=CaseKind.ARBITRATION, cap=5000)
        narrow = [(r.id, r.received_on) for r in base.fresh().page(s, 0, 100)]
        narrow_count = base.fresh().count(s)
        exact = {o: [r.id for r in base.with_sort(*o).page(s, 0, 100)] for o in orders}
    assert not narrow_plan.broad
    monkeypatch.setattr(search, "BROAD_EMPLOYERS", 2)
    with database.read() as s:
        assert search.list_search(s, text, kind=CaseKind.ARBITRATION, cap=5000).broad
        for sort, desc in orders:  # every sortable column, both ways: the exact search's order
            broad = [r.id for r in base.with_sort(sort, desc).page(s, 0, 100)]
            assert broad == exact[sort, desc], (text, sort, desc)
            assert set(broad) == {i for i, _ in narrow}, (text, sort)
        paged = [r.id for r in base.fresh().page(s, 0, 5)] + [r.id for r in base.fresh().page(s, 5, 100)]
        assert paged == [i for i, _ in narrow]  # newest first, page after page
        assert base.fresh().count(s) == narrow_count
    extra = {"建筑": {"decoy"}, "建筑工程": set(), "有限公司": {"decoy", "other"}}[text]
    expected = {f"b{n}" for n in range(12)} | extra
    assert {i for i, _ in narrow} == {builders[k] for k in expected}


@pytest.mark.parametrize("dense_share", [0.0, 2.0])  # counted in list order / employer by employer
def test_a_broad_count_stops_past_the_cap_and_says_so(
    database: db.Database, builders: dict[str, int], monkeypatch: pytest.MonkeyPatch, dense_share: float
) -> None:
    monkeypatch.setattr(search, "BROAD_EMPLOYERS", 2)
    monkeypatch.setattr(search, "DENSE_SHARE", dense_share)
    monkeypatch.setattr(queries.CaseQuery, "COUNT_CAP", 5)
    q = queries.CaseQuery(kind=CaseKind.ARBITRATION, search="建筑", today=TODAY)
    with database.read() as s:
        n = q.count(s)
        assert n == 6 and q.count_is_capped(n)  # "More than 5 cases"
        assert len(q.page(s, 0, 100)) == 13  # the list itself is not cut (12 firms and the decoy)
        narrow = q.with_search("第3建筑")
        assert narrow.count(s) == 1 and not narrow.count_is_capped(1)
    monkeypatch.setattr(queries.CaseQuery, "COUNT_CAP", 50)
    with database.read() as s:
        assert q.fresh().count(s) == 13  # under the cap: exact (12 firms and the decoy)


def test_page_and_count_share_one_search(
    database: db.Database, builders: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []
    original = search.list_search

    def counting(*a: object, **kw: object) -> object:
        calls.append(1)
        return original(*a, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(search, "list_search", counting)
    q = queries.CaseQuery(kind=CaseKind.ARBITRATION, search="建筑", today=TODAY)
    with database.read() as s:
        q.page(s, 0, 5)
        q.count(s)
        q.page(s, 5, 5)
        assert len(calls) == 1
        q.fresh().count(s)  # the list reloads: a new search (cases may have changed)
        assert len(calls) == 2


def test_overdue_filter_counts_exactly_then_stops_past_the_cap(
    database: db.Database, actors: dict[Role, Actor], monkeypatch: pytest.MonkeyPatch
) -> None:
    clerk = actors[Role.CLERK]
    old, new = TODAY - dt.timedelta(days=40), TODAY
    overdue = []
    for n in range(1, 5):  # the 5-working-day acceptance clock of these ran out long ago
        with database.write() as s:
            overdue.append(cases.register_case(s, clerk, case_input(n=n, received_on=old), today=old).id)
    with database.write() as s:
        cases.register_case(s, clerk, case_input(n=9, received_on=new), today=new)
    q = queries.CaseQuery(kind=CaseKind.ARBITRATION, filters=queries.CaseFilters(overdue=True), today=TODAY)
    with database.read() as s:
        assert q.count(s) == 4 and not q.count_is_capped(4)
        assert sorted(r.id for r in q.page(s, 0, 100)) == sorted(overdue)
    monkeypatch.setattr(queries.CaseQuery, "COUNT_CAP", 2)
    with database.read() as s:
        assert q.count(s) == 3 and q.count_is_capped(3)
        everything = queries.CaseQuery(kind=CaseKind.ARBITRATION, today=TODAY)
        assert everything.count(s) == 5 and not everything.count_is_capped(5)  # no filter: exact


def test_status_and_district_sorts_break_ties_by_receiving_date(
    database: db.Database, actors: dict[Role, Actor]
) -> None:
    clerk = actors[Role.CLERK]
    ids = []
    for n, day in enumerate((D(2026, 2, 1), D(2026, 4, 1), D(2026, 3, 1)), start=1):
        with database.write() as s:
            ids.append(cases.register_case(s, clerk, case_input(n=n, received_on=day), today=day).id)
    with database.read() as s:
        for sort in ("status", "district"):
            q = queries.CaseQuery(kind=CaseKind.ARBITRATION, sort=sort, descending=True, today=TODAY)
            assert [r.id for r in q.page(s, 0, 10)] == [ids[1], ids[2], ids[0]]  # same status: newest first
            asc = q.with_sort(sort, False)
            assert [r.id for r in asc.page(s, 0, 10)] == [ids[0], ids[2], ids[1]]


def test_the_list_footer_says_more_than_the_cap_in_chinese(
    qtbot: QtBot, database: db.Database, actors: dict[Role, Actor], monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui import i18n
    from ui.app import AppContext
    from ui.pages import CaseListPage

    clerk = actors[Role.CLERK]
    old = TODAY - dt.timedelta(days=40)
    for n in range(1, 5):  # four overdue cases; the footer may count two
        with database.write() as s:
            cases.register_case(s, clerk, case_input(n=n, received_on=old), today=old)
    monkeypatch.setattr(queries.CaseQuery, "COUNT_CAP", 2)
    ctx = AppContext(database, actors[Role.SUPERVISOR], "supervisor-name")
    i18n.install("zh")
    try:
        page = CaseListPage(ctx, CaseKind.ARBITRATION)
        qtbot.addWidget(page)
        qtbot.waitUntil(
            lambda: page.count_label.text() == "共 4 件", timeout=10_000
        )  # no search, no filter: exact
        page.overdue.setChecked(True)
        qtbot.waitUntil(lambda: page.count_label.text() == "超过 2 件，请缩小搜索或筛选范围", timeout=10_000)
        # The list itself is not cut (its page is a read of its own, done before or after the count).
        qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=10_000)
    finally:
        i18n.install("en")
        qtbot.waitUntil(lambda: ctx.runner.pending == 0, timeout=10_000)
        ctx.runner.wait_all()
