"""What every connection of the program is set up with, on either engine (issue 20).

The figures these settings buy are measured in bench/ (docs/performance.md); here, that
each new connection really has them, including those a pool opens later.
"""

from __future__ import annotations

from sqlalchemy import text

from casemgr import db


def test_each_connection_has_the_programs_settings(database: db.Database) -> None:
    with database.read() as s1, database.read() as s2:  # two pooled connections at once
        for s in (s1, s2):
            if db.is_sqlite(database.url):
                # 8 MB page cache (negative: KiB), not SQLite's 2 MB default.
                assert s.execute(text("PRAGMA cache_size")).scalar_one() == -db.CACHE_KIB == -8192
            else:
                # No parallel workers for page-sized index walks.
                assert s.execute(text("SHOW max_parallel_workers_per_gather")).scalar_one() == "0"
    with database.write() as s:
        if not db.is_sqlite(database.url):
            assert s.execute(text("SHOW max_parallel_workers_per_gather")).scalar_one() == "0"
