"""The hot queries use indexes: EXPLAIN QUERY PLAN never shows a scan of ``cases``.

The statements are captured while the real functions run (board, list page, search), so
the test checks what the application sends, not a copy of it. The database is a small
bulk-loaded one with ANALYZE statistics, like a real office database.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from casemgr import db, search
from casemgr.models import Case, Person

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import generate

TODAY = generate.TODAY
SCAN = re.compile(r"\bSCAN (cases|deadlines|persons|employers|case_parties|search_grams)\b")
INDEX_SCAN = re.compile(r"\bSCAN \w+ USING (?:COVERING )?INDEX (\w+)")


def _partial_indexes() -> set[str]:
    """Partial indexes cover a small part of their table (open cases, active clocks, ...):
    reading one from end to end is the point of it, not a full scan."""
    from casemgr.models import Base

    return {
        ix.name
        for table in Base.metadata.tables.values()
        for ix in table.indexes
        if ix.dialect_options["sqlite"].get("where") is not None and ix.name
    }


PARTIAL = _partial_indexes()


@pytest.fixture(scope="module")
def bulk_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[db.Database]:
    path = tmp_path_factory.mktemp("plans") / "plans.db"
    generate.build(path, 3000, log=lambda _m: None)
    database = db.open_database(f"sqlite:///{path}")
    yield database
    database.dispose()


def plans(database: db.Database, fn: Callable[[Session], Any]) -> list[tuple[str, list[str]]]:
    """(statement, plan lines) for every SELECT ``fn`` sends."""
    captured: list[tuple[str, Any]] = []

    def grab(_conn: Any, _cur: Any, statement: str, params: Any, _ctx: Any, _many: bool) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            captured.append((statement, params))

    event.listen(database.engine, "before_cursor_execute", grab)
    try:
        with database.read() as s:
            fn(s)
    finally:
        event.remove(database.engine, "before_cursor_execute", grab)
    out = []
    raw = database.engine.raw_connection()
    try:
        for statement, params in captured:
            rows = raw.cursor().execute("EXPLAIN QUERY PLAN " + statement, params).fetchall()
            out.append((statement, [str(r[-1]) for r in rows]))
    finally:
        raw.close()
    assert out, "the function sent no query"
    return out


def assert_no_scan(found: list[tuple[str, list[str]]]) -> None:
    def full_scan(line: str) -> bool:
        m = INDEX_SCAN.search(line)
        return bool(SCAN.search(line)) and not (m is not None and m.group(1) in PARTIAL)

    for statement, lines in found:
        bad = [line for line in lines if full_scan(line)]
        assert not bad, f"full scan in:\n{statement}\nplan: {lines}"


def test_deadline_board_uses_the_due_index(bulk_db: db.Database) -> None:
    """The whole city's board (a supervisor's): the overdue, due-today and due-soon sections
    find their clocks by state and due date, never by reading every clock; the other
    sections read only their small partial indexes (active clocks, pending extensions).
    (A user's board starts from their open cases instead: see
    test_a_users_board_starts_from_their_open_cases.)"""
    from casemgr.deadlines.board import board

    found = plans(bulk_db, lambda s: board(s, today=TODAY))
    for st, lines in found:
        full = [ln for ln in lines if re.search(r"\bSCAN deadlines\b", ln)]
        assert all(INDEX_SCAN.search(ln) and INDEX_SCAN.search(ln).group(1) in PARTIAL for ln in full), (
            st,
            lines,
        )  # type: ignore[union-attr]
    where = {st: st.split("WHERE", 1)[-1].split("ORDER BY", 1)[0] for st, _ in found}
    dated = [
        (st, ln)
        for st, ln in found
        if "deadlines.due_on" in where[st] and "closed_on IS NULL" in where[st] and "count(*)" not in st
    ]
    # overdue, due today, due soon, unpaid orders (one rule's running clocks past due): rows
    assert len(dated) == 4, [where[st] for st, _ in dated]
    for st, lines in dated:
        indexes = ("ix_deadlines_state_due", "ix_deadlines_running_rule")
        assert any(f"USING INDEX {ix}" in line for line in lines for ix in indexes), (st, lines)
    (counts,) = [(st, ln) for st, ln in found if st.lstrip().startswith("SELECT (SELECT count(*)")]
    by_state_due = [line for line in counts[1] if "ix_deadlines_state_due" in line]
    assert len(by_state_due) >= 3, counts  # the dated sections' counts (all sections in one statement)


def test_case_list_page_uses_the_list_indexes(bulk_db: db.Database) -> None:
    from casemgr.queries import CaseFilters, CaseQuery

    q = CaseQuery(kind="arbitration", filters=CaseFilters(district="海丰县"), today=TODAY)
    found = plans(bulk_db, lambda s: q.page(s, 0, 100))
    assert_no_scan(found)
    assert any("ix_cases_kind_district_received" in line for _st, ln in found for line in ln)


def test_a_users_board_starts_from_their_open_cases(bulk_db: db.Database) -> None:
    """Not from every running clock in the city (124 ms at 1M before ix_cases_open_assigned)."""
    from casemgr.deadlines.board import board

    with bulk_db.read() as s:
        user_id = s.execute(
            select(Case.assigned_user_id).where(Case.closed_on.is_(None)).limit(1)
        ).scalar_one()
    found = plans(bulk_db, lambda s: board(s, today=TODAY, district="海丰县", user_id=user_id))
    board_queries = [(st, ln) for st, ln in found if "deadlines" in st and "cases" in st]
    assert len(board_queries) >= 6  # overdue, today, soon, green, supervised, extensions, ...
    assert_no_scan(board_queries)
    late = 0
    for st, lines in board_queries:
        where = st.split("WHERE", 1)[-1]
        if "closed_on IS NOT NULL" in where:
            # The after-close clocks (serving a decision, the blacklist) of closed cases.
            late += 1
            # From the after-close rules' running clocks, or (with ten such rules since issue
            # 14) from the user's own cases: both read only what they need, no scan.
            starts = ("ix_deadlines_running_rule", "ix_cases_assigned_status")
            assert any(ix in line for line in lines for ix in starts), (st, lines)
            continue
        if "provisional" in where:
            continue  # starts from ix_deadlines_provisional: provisional clocks are few
        assert any("ix_cases_open_assigned" in line for line in lines), (st, lines)
    assert late == 1  # the after-close clocks are read once, for every section


def test_open_cases_by_amount_read_the_open_index_in_order(bulk_db: db.Database) -> None:
    """Issue 8 figure 2b: no sort of every open case of the kind (3.5x growth 10k -> 1M)."""
    from casemgr.queries import CaseFilters, CaseQuery

    q = CaseQuery(kind="inspection", filters=CaseFilters(open_only=True), sort="amount_claimed", today=TODAY)
    found = plans(bulk_db, lambda s: q.page_ids(s, 0, 100))
    assert_no_scan(found)
    (_st, lines) = found[0]
    assert any("ix_cases_open_kind_amount" in line for line in lines), lines
    assert not any("TEMP B-TREE" in line for line in lines), lines


@pytest.mark.parametrize("kind", ["two", "three", "fragment", "id"])
def test_search_uses_indexes(bulk_db: db.Database, kind: str) -> None:
    with bulk_db.read() as s:
        term = {
            "two": lambda: s.execute(select(Person.name).where(Person.name.like("__")).limit(1)).scalar_one(),
            "three": lambda: s.execute(
                select(Person.name).where(Person.name.like("___")).limit(1)
            ).scalar_one(),
            "fragment": lambda: s.execute(select(Case.number).limit(1)).scalar_one().split("〔")[1][:-1],
            "id": lambda: s.execute(
                select(Person.id_number).where(Person.id_number.is_not(None)).limit(1)
            ).scalar_one(),
        }[kind]()
        assert search.search_case_ids(s, term), term
    assert_no_scan(plans(bulk_db, lambda s: search.search_case_ids(s, term)))


def test_scan_detector_is_not_blind(bulk_db: db.Database) -> None:
    """A query with no usable index is reported, so the checks above can fail."""
    found = plans(bulk_db, lambda s: s.execute(select(Case.id).where(Case.summary == "x")).all())
    with pytest.raises(AssertionError, match="full scan"):
        assert_no_scan(found)


@pytest.mark.parametrize("sort", ["number", "status", "district", "received_on", "amount_claimed", "workers"])
@pytest.mark.parametrize("descending", [True, False])
def test_every_sortable_column_reads_its_first_page_from_an_index(
    bulk_db: db.Database, sort: str, descending: bool
) -> None:
    """Issue 20: sorting a kind's whole list by amount, workers or case number sorted all of
    its cases (380k at 1M) for every page; each column now has an index in list order."""
    from casemgr.queries import CaseQuery

    q = CaseQuery(kind="arbitration", sort=sort, descending=descending, today=TODAY)
    found = plans(bulk_db, lambda s: q.page_ids(s, 0, 200))
    assert_no_scan(found)
    (_st, lines) = found[0]
    assert not any("TEMP B-TREE" in line for line in lines), (sort, lines)


def test_a_broad_search_page_walks_the_list_index(
    bulk_db: db.Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A broad search's page reads the list's own index in order, testing each case against
    the matching parties (read once), instead of collecting every match to sort them."""
    from casemgr.queries import CaseQuery

    monkeypatch.setattr(search, "BROAD_EMPLOYERS", 2)
    q = CaseQuery(kind="arbitration", search="有限公司", today=TODAY)
    found = plans(bulk_db, lambda s: q.page_ids(s, 0, 200))
    page = [(st, ln) for st, ln in found if "ORDER BY" in st]
    assert page and any("ix_cases_kind_received" in line for line in page[-1][1]), page
    assert not any("TEMP B-TREE FOR ORDER BY" in line for line in page[-1][1]), page
