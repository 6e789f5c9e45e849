"""Planner statistics shipped with the program, so every office's SQLite file plans its
queries as the benchmark's did.

SQLite chooses among indexes with the statistics ``ANALYZE`` stores in ``sqlite_stat1``.
An office database never runs ``ANALYZE`` (a full one holds the write lock for seconds at
1M cases, and an ``analysis_limit`` sample misjudged the clock states badly enough to pick
the wrong index), and without statistics SQLite guesses: a clerk's board then walked the
city's overdue clocks instead of their own open cases, and the board's sections of few
clocks read every active clock instead of their small partial indexes.
The benchmark database has statistics, so it would have hidden that.

SQLite's documented remedy ("Manual Control Of Query Plans Using SQLITE_STAT Tables",
https://sqlite.org/optoverview.html) is to run ``ANALYZE`` on a representative database
and install its ``sqlite_stat1`` rows in the deployed ones. :data:`STAT1` is that content,
from the 1,000,000-case benchmark database (``bench/generate.py``; the rows of tables
whose size does not matter are left out), with one estimate corrected where an average
misleads (``ix_deadlines_state_due``, see its row). The estimates describe a large office, which is
what the plans must be right for; on a small database the same plans are merely fast.

:func:`install` writes them when a file is opened (``casemgr.db.open_database``) and
they differ; ``tests/test_sqlite_stats.py`` fails when an index has no row here, so a new
index comes with its estimate. PostgreSQL keeps its own statistics (autovacuum).
"""

from __future__ import annotations

from typing import Any

#: (table, index, stat) as ANALYZE writes them: the index's row count, then the average
#: number of rows per distinct value of its first 1, 2, ... columns.
STAT1: tuple[tuple[str, str, str], ...] = (
    ("case_parties", "ix_case_parties_case_id", "2099914 3"),
    ("case_parties", "ix_case_parties_employer", "2099914 42 1"),
    ("case_parties", "ix_case_parties_person", "2099914 2 1"),
    ("cases", "ix_cases_assigned_status", "1000000 5000 218"),
    ("cases", "ix_cases_employer", "1000000 20 1"),
    ("cases", "ix_cases_kind_accepted", "1000000 333334 152"),
    ("cases", "ix_cases_kind_amount", "1000000 333334 5 1"),
    ("cases", "ix_cases_kind_closed", "981456 327152 150"),
    ("cases", "ix_cases_kind_district_received", "1000000 333334 47620 22"),
    ("cases", "ix_cases_kind_number", "1000000 333334 1"),
    ("cases", "ix_cases_kind_received", "1000000 333334 153 1"),
    ("cases", "ix_cases_kind_status_received", "1000000 333334 33334 22"),
    ("cases", "ix_cases_kind_workers", "1000000 333334 10417 1"),
    ("cases", "ix_cases_open_assigned", "18544 93 14"),
    ("cases", "ix_cases_open_district", "18544 2650"),
    ("cases", "ix_cases_open_kind_amount", "18544 6182 1 1"),
    ("cases", "ix_cases_open_supervised", "623 89"),
    ("cases", "ix_cases_seq", "1000000 16 3"),
    ("cases", "ix_cases_source_case_id", "1000000 1000000"),
    ("cases", "sqlite_autoindex_cases_1", "1000000 1"),
    ("claim_items", "ix_claim_items_case_id", "1099914 1"),
    ("deadlines", "ix_deadlines_active_due", "19036 10 1"),
    ("deadlines", "ix_deadlines_case", "1957597 2 1"),
    ("deadlines", "ix_deadlines_extension_pending", "20 1"),
    ("deadlines", "ix_deadlines_provisional", "1957597 978799 391520"),
    ("deadlines", "ix_deadlines_running_rule", "17644 2206 5"),
    # Measured "489400 297": the average over the four states, which is the finished clocks'
    # (met, breached). The queries on this index ask for running and paused clocks, about
    # 1 % of them (17,000 of 1.96M); at the measured average SQLite preferred to read every
    # open case and sort their clocks for the city's overdue section (150 ms instead of 2).
    ("deadlines", "ix_deadlines_state_due", "1957597 20000 30 1"),
    ("employers", "ix_employers_name", "50000 1"),
    ("employers", "sqlite_autoindex_employers_1", "50000 1"),
    ("events", "ix_events_case_occurred", "3420928 4 1 1"),
    # Migration 0013 (调裁衔接 figures): estimated, not measured — ~35 step names share the
    # 3.4M events, ~100,000 each, ~60 per name and day. Far less selective than a case's own
    # events ("4"), so a look-up by case and step keeps using ix_events_case_occurred.
    ("events", "ix_events_action_occurred", "3420928 100000 60"),
    ("persons", "ix_persons_id_last4", "1099914 100"),  # migration 0010: ~100 people per 4 digits
    # The benchmark's persons have no phone (ANALYZE said "1099914 1099914": one value for
    # every row); a phone number belongs to one person, sometimes two (a family's line).
    ("persons", "ix_persons_phone", "1099914 2"),
    ("persons", "ix_persons_name", "1099914 15"),
    ("persons", "sqlite_autoindex_persons_1", "1099914 1"),
    ("search_grams", "ix_search_grams_party", "2660129 1330065 3"),
    ("search_grams", "sqlite_autoindex_search_grams_1", "2660129 456 453 1"),
)


def _wanted() -> list[tuple[str, str, str]]:
    return sorted(STAT1)


def install(dbapi_connection: Any) -> bool:
    """Make ``sqlite_stat1`` hold :data:`STAT1` (a raw sqlite3 connection, outside any
    transaction). Returns True when it wrote. A read-only file is left as it is."""
    import sqlite3

    cur = dbapi_connection.cursor()
    try:
        have = cur.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone()
        if have is not None:
            rows = sorted(
                (str(t), str(i), str(s))
                for t, i, s in cur.execute("SELECT tbl, idx, stat FROM sqlite_stat1 WHERE idx IS NOT NULL")
            )
            if rows == _wanted():
                return False
        try:
            cur.execute("BEGIN IMMEDIATE")
            if have is None:
                cur.execute("ANALYZE alembic_version")  # creates sqlite_stat1 (a tiny table)
            cur.execute("DELETE FROM sqlite_stat1")
            if cur.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat4'").fetchone():
                cur.execute("DELETE FROM sqlite_stat4")
            cur.executemany("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)", STAT1)
            cur.execute("COMMIT")
        except sqlite3.OperationalError:  # read-only file, or busy for longer than the timeout
            if dbapi_connection.in_transaction:
                cur.execute("ROLLBACK")
            return False
        cur.execute("ANALYZE sqlite_master")  # this connection reloads the statistics
        return True
    finally:
        cur.close()
