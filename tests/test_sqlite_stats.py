"""Shipped planner statistics: every office file plans the hot queries as the benchmark did."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from casemgr import db, sqlite_stats
from tests.conftest import PG_URL

pytestmark = pytest.mark.skipif(bool(PG_URL), reason="SQLite's planner statistics (PostgreSQL keeps its own)")

#: Tables that grow with the caseload: their indexes need an estimate, or SQLite guesses.
BIG = ("cases", "deadlines", "case_parties", "persons", "employers", "events", "claim_items", "search_grams")

#: A clerk's overdue clocks, as the board asks for them.
USER_OVERDUE = (
    "SELECT deadlines.id FROM deadlines JOIN cases ON cases.id = deadlines.case_id "
    "WHERE deadlines.state = 'running' AND deadlines.due_on < '2026-11-16' AND cases.closed_on IS NULL "
    "AND cases.assigned_user_id = 8 AND cases.district = '海丰县' ORDER BY deadlines.due_on, deadlines.id LIMIT 200"
)


def stat_rows(path: Path) -> list[tuple[str, str, str]]:
    con = sqlite3.connect(path)
    try:
        return sorted(con.execute("SELECT tbl, idx, stat FROM sqlite_stat1 WHERE idx IS NOT NULL"))
    finally:
        con.close()


def plan(path: Path, sql: str) -> str:
    con = sqlite3.connect(path)
    try:
        return " | ".join(str(r[-1]) for r in con.execute("EXPLAIN QUERY PLAN " + sql))
    finally:
        con.close()


def test_every_index_of_the_big_tables_has_an_estimate(db_path: Path) -> None:
    db.open_database(f"sqlite:///{db_path}").dispose()
    con = sqlite3.connect(db_path)
    try:
        indexes = {
            (t, n)
            for t, n in con.execute("SELECT tbl_name, name FROM sqlite_master WHERE type = 'index'")
            if t in BIG
        }
    finally:
        con.close()
    shipped = {(t, i) for t, i, _ in sqlite_stats.STAT1}
    assert indexes - shipped == set(), "add the new index's estimate to casemgr/sqlite_stats.py"
    assert shipped - indexes == set(), "an estimate for an index that no longer exists"


def test_a_file_without_statistics_gets_them_and_plans_a_clerks_board_from_their_cases(
    tmp_path: Path,
) -> None:
    path = tmp_path / "office.db"
    db.open_database(f"sqlite:///{path}").dispose()
    con = sqlite3.connect(path)
    con.execute("DELETE FROM sqlite_stat1")  # as an office file that never ran ANALYZE
    con.commit()
    con.close()
    # Without statistics SQLite walks every overdue clock of the city for one clerk.
    assert "ix_cases_open_assigned" not in plan(path, USER_OVERDUE)
    db.open_database(f"sqlite:///{path}").dispose()
    assert stat_rows(path) == sorted(sqlite_stats.STAT1)
    p = plan(path, USER_OVERDUE)
    assert p.startswith("SEARCH cases USING INDEX ix_cases_open_assigned"), p


def test_install_writes_only_when_they_differ_and_replaces_a_local_analyze(tmp_path: Path) -> None:
    path = tmp_path / "office.db"
    db.open_database(f"sqlite:///{path}").dispose()
    con = sqlite3.connect(path, isolation_level=None)
    try:
        assert sqlite_stats.install(con) is False  # already there
        con.execute("ANALYZE")  # someone ran ANALYZE on a near-empty file
        assert stat_rows(path) != sorted(sqlite_stats.STAT1)
        assert sqlite_stats.install(con) is True
        assert stat_rows(path) == sorted(sqlite_stats.STAT1)
    finally:
        con.close()


def test_a_read_only_file_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "office.db"
    db.open_database(f"sqlite:///{path}").dispose()
    con = sqlite3.connect(path)
    con.execute("DELETE FROM sqlite_stat1")
    con.commit()
    con.close()
    ro = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
    try:
        assert sqlite_stats.install(ro) is False
    finally:
        ro.close()
    assert stat_rows(path) == []
