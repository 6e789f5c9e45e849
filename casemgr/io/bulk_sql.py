"""Multi-row INSERTs for the bulk import: bound once per distinct value, sent in one go.

Why not ``session.execute(insert(table), rows)``: SQLAlchemy's per-row parameter
bookkeeping was a third of a 100,000-row import. These helpers build the INSERT once per
table and column list, apply each column's own bind processor once per distinct value, and
hand the driver plain tuples — on PostgreSQL with psycopg 3 as a COPY. The stored values are
those ``insert()`` would store (``tests/test_import_bulk.py`` compares the raw rows).
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from itertools import repeat
from typing import Any

from sqlalchemy.orm import Session

from casemgr import audit

_MISS = object()
# audit.to_json without sort_keys (AuditJson orders the keys itself) and without the
# default hook (it converts dates and amounts itself): same output.
_SORTED_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


class BoundInserts:
    """INSERT statements with bound parameters for one session's dialect (memoised)."""

    def __init__(self, session: Session) -> None:
        self._dialect = session.get_bind().dialect
        self._sqlite = self._dialect.name == "sqlite"
        self._specs: dict[tuple[str, tuple[str, ...]], tuple[str, list[Any], tuple[Any, ...]]] = {}
        self._bound: dict[tuple[str, str], dict[Any, Any]] = {}

    def bind(
        self, table: Any, names: tuple[str, ...], rows: list[tuple[Any, ...]]
    ) -> tuple[str, list[tuple[Any, ...]]]:
        """An INSERT and its parameters with the columns' own bind processors applied.

        Same stored values as ``session.execute(insert(table), rows)`` (the equivalence test
        compares the raw rows) without SQLAlchemy's per-row parameter bookkeeping, which was
        a third of the import's time. Rows are tuples in the order of ``names``: building a
        dict per row only to take it apart again was a tenth. A processor's result is
        memoised per distinct value: a chunk repeats the same timestamps, dates, states and
        amounts thousands of times. Columns left out take their scalar Python-side default,
        as insert() would give them (a column added to the model later needs no change here).
        The result is plain text and numbers, cheap to hand from a planning process over.
        """
        dialect = self._dialect
        spec = self._specs.get((table.name, names))
        if spec is None:
            given = set(names)
            cols = [table.c[n] for n in names]
            defaults = [c for c in table.columns if c.name not in given and c.default is not None
                        and c.default.is_scalar]  # fmt: skip
            procs = [col.type.dialect_impl(dialect).bind_processor(dialect) for col in (*cols, *defaults)]
            fixed = []
            for col, proc in zip(defaults, procs[len(cols) :], strict=True):
                value = col.default.arg
                fixed.append(proc(value) if proc is not None else value)
            all_names = [*names, *(c.name for c in defaults)]
            mark = "?" if dialect.paramstyle == "qmark" else "%s"
            quote = dialect.identifier_preparer.quote
            sql = (
                f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in all_names)}) "
                f"VALUES ({', '.join([mark] * len(all_names))})"
            )
            spec = (sql, procs[: len(cols)], tuple(fixed))
            self._specs[(table.name, names)] = spec
        sql, procs, fixed = spec
        if not rows:
            return sql, []
        columns_: list[Any] = list(zip(*rows, strict=True))
        for i, proc in enumerate(procs):
            if proc is None:
                continue
            memo = self._bound.setdefault((table.name, names[i]), {})
            if len(memo) > 50_000:  # unique values (ids, names) gain nothing from the memo
                memo.clear()
            values = columns_[i]
            get = memo.get
            out = [get(v, _MISS) for v in values]
            for j, b in enumerate(out):
                if b is _MISS:
                    v = values[j]
                    b = memo.get(v, _MISS)
                    if b is _MISS:
                        b = memo[v] = proc(v)
                    out[j] = b
            columns_[i] = out
        n = len(rows)
        for value in fixed:
            columns_.append(repeat(value, n))
        return sql, list(zip(*columns_, strict=True))

    def run(self, conn: Any, sql: str, params: list[tuple[Any, ...]]) -> None:
        """executemany, or on PostgreSQL with psycopg 3 a COPY of the same rows.

        Why: psycopg's executemany costs a round trip per row; COPY streams them (100,000
        ledger rows into PostgreSQL: 1,846 -> see docs/ledger-import.md). The INSERT is ours
        (:meth:`bind`), so its table and columns are the COPY's, and psycopg adapts the
        bound values as it would for the INSERT.
        """
        if not params:
            return
        if self._sqlite:
            conn.exec_driver_sql(sql, params)
            return
        with conn.connection.dbapi_connection.cursor() as cursor:
            if not hasattr(cursor, "copy"):  # a driver other than psycopg 3
                conn.exec_driver_sql(sql, params)
                return
            head, _, _ = sql.partition(" VALUES ")
            with cursor.copy(head.replace("INSERT INTO", "COPY", 1) + " FROM STDIN") as copy:
                for row in params:
                    copy.write_row(row)


class AuditJson:
    """``audit.to_json`` of a snapshot dict, byte for byte, faster for repeated shapes."""

    def __init__(self) -> None:
        self._keys: dict[tuple[str, ...], list[str]] = {}
        self._memo: dict[tuple[type, Any], str] = {}

    def encode(self, snap: dict[str, Any]) -> str:
        """``audit.to_json(snap)`` byte for byte, for the few dict shapes the import audits.

        The keys are sorted once per shape instead of per entry, and dates and amounts are
        converted once per distinct value: with a third of a million entries per 100,000
        rows, the generic encoder's sorting and per-value callbacks were a sixth of the import.
        """
        shape = tuple(snap)
        keys = self._keys.get(shape)
        if keys is None:
            keys = self._keys[shape] = sorted(snap)
        memo = self._memo
        ordered = {}
        for k in keys:
            v = snap[k]
            cls = v.__class__
            if cls is Decimal or cls is dt.date:
                j = memo.get((cls, v))
                if j is None:
                    j = memo[(cls, v)] = audit.json_default(v)
                v = j
            ordered[k] = v
        return _SORTED_JSON(ordered)
