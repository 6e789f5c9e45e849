"""``./benchmark --postgres`` measures the same data on PostgreSQL: the copy is faithful.

A small generated benchmark database is copied into PostgreSQL by ``bench/to_postgres.py``;
every table must hold the same number of rows, and the deadline board, a list page and the
month's indicators must give the same answers on both engines.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy import func, select

from casemgr import db
from casemgr.models import Base
from tests.conftest import PG_URL, on_postgres

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))


@on_postgres
def test_the_postgres_copy_answers_like_the_sqlite_file(tmp_path: Path, pg_template: str) -> None:
    import generate
    import to_postgres

    from casemgr.deadlines.board import board
    from casemgr.metrics import indicators as ind
    from casemgr.metrics.periods import Period
    from casemgr.queries import CaseFilters, CaseQuery
    from tests import pg

    path = tmp_path / "small.db"
    generate.build(path, 1500, log=lambda _m: None)
    assert PG_URL
    with pg.fresh_database(PG_URL, pg_template) as url:
        to_postgres.load(path, url, log=lambda _m: None)
        a, b = db.open_database(f"sqlite:///{path}"), db.open_database(url)
        try:
            answers = []
            for database in (a, b):
                with database.read() as s:
                    counts = {
                        t.name: s.execute(select(func.count()).select_from(t)).scalar_one()
                        for t in Base.metadata.sorted_tables
                    }
                    bd = board(s, today=generate.TODAY, district="海丰县")
                    page = CaseQuery(
                        kind="arbitration", filters=CaseFilters(district="城区"), today=generate.TODAY
                    ).page_ids(s, 0, 50)
                    tally = ind.tally(s, [Period.month(2026, 10)])
                    answers.append(
                        (counts, [(sec, getattr(bd, sec).count) for sec in bd.sections], page, tally)
                    )
            assert answers[0][0]["cases"] == 1500
            assert answers[0] == answers[1]
        finally:
            a.dispose()
            b.dispose()
