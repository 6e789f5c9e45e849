"""Copy a cached benchmark database (SQLite) into PostgreSQL, for ``./benchmark --postgres``.

The schema comes from the migrations (``alembic upgrade head`` on the empty database), the
rows from the SQLite file by ``COPY``: the same cases, clocks, events and search bigrams,
so the two engines' figures compare like for like. Secondary indexes are dropped for the
load and built after it, foreign-key triggers are off while copying (the source already
satisfied them), then ``VACUUM ANALYZE`` — what a city would do after moving its data in.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from casemgr import db
from casemgr.models import Base

BATCH = 20_000


def _psycopg_dsn(url: str) -> str:
    u = make_url(url).set(drivername="postgresql")
    return u.render_as_string(hide_password=False)


def _rows(con: sqlite3.Connection, table: str, cols: list[str], bools: set[str]) -> Iterator[tuple[Any, ...]]:
    cur = con.execute(
        f'SELECT {", ".join(chr(34) + c + chr(34) for c in cols)} FROM "{table}" ORDER BY rowid'
    )
    idx = [i for i, c in enumerate(cols) if c in bools]
    while True:
        chunk = cur.fetchmany(BATCH)
        if not chunk:
            return
        for r in chunk:
            if idx:
                r = list(r)
                for i in idx:
                    if r[i] is not None:
                        r[i] = bool(r[i])
                yield tuple(r)
            else:
                yield r


def load(path: Path, url: str, log: Callable[[str], None] = print) -> str:
    """Replace the database at ``url`` with the contents of ``path``; returns ``url``."""
    import psycopg

    t0 = time.perf_counter()
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as c:
        c.execute(sa.text("DROP SCHEMA public CASCADE"))
        c.execute(sa.text("CREATE SCHEMA public"))
    engine.dispose()
    db.upgrade(url)
    src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with psycopg.connect(_psycopg_dsn(url), autocommit=True) as pg:
        indexes = pg.execute(
            "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x "
            "JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
            "JOIN pg_namespace n ON n.oid = t.relnamespace "
            "WHERE n.nspname = 'public' AND NOT x.indisprimary "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)"
        ).fetchall()
        for name, _ddl in indexes:
            pg.execute(f'DROP INDEX "{name}"')
        tables = [t for t in Base.metadata.sorted_tables]
        pg.execute("SET session_replication_role = replica")  # no FK triggers while copying
        pg.execute("TRUNCATE " + ", ".join(f'"{t.name}"' for t in tables) + " CASCADE")
        total = 0
        for t in tables:
            # a generated column (persons.id_last4) is computed by PostgreSQL, never copied
            cols = [c.name for c in t.columns if c.computed is None]
            bools = {c.name for c in t.columns if isinstance(c.type, sa.Boolean)}
            n = 0
            with (
                pg.cursor() as cur,
                cur.copy(
                    f'COPY "{t.name}" ({", ".join(chr(34) + c + chr(34) for c in cols)}) FROM STDIN'
                ) as cp,
            ):
                for row in _rows(src, t.name, cols, bools):
                    cp.write_row(row)
                    n += 1
            total += n
            if "id" in cols and n:
                pg.execute(
                    f"SELECT setval(pg_get_serial_sequence('\"{t.name}\"', 'id'), (SELECT max(id) FROM \"{t.name}\"))"
                )
        pg.execute("SET session_replication_role = DEFAULT")
        log(f"  copied {total:,} rows ({time.perf_counter() - t0:.0f} s); indexing")
        for _name, ddl in indexes:
            pg.execute(ddl)
        pg.execute("VACUUM ANALYZE")
    src.close()
    log(f"  PostgreSQL copy of {path.name} ready in {time.perf_counter() - t0:.0f} s")
    return url
