"""What the trust work (issue 13, part B) costs the user: ``python bench/bench_trust.py [--postgres URL]``.

1. **Audited states** (casemgr.auditstate): every entry about a case reads the case's rows
   back to record their digest. Measured as the services a clerk calls — register a case,
   change its amounts, add a note — with states and with them switched off, on SQLite (and on
   PostgreSQL, where the server computes them, with ``--postgres``).
2. **audit verify** on the cached 10,000-case database (bench/.cache/bench-10k.db; its rows
   came from the bulk generator, so the chain is short and few rows have states: this
   times the walk over every row of every audited table).
3. **Row-level security** (``--postgres SUPERUSER_URL``): the 10k database copied into
   PostgreSQL, the security layer installed, then the screens' queries (bench/run.py's
   ``measure``: board, list pages, search, indicators, PDF) as the owner (no row-level
   security) and as a mediator's and a supervisor's own login role.

Prints one table; nothing here changes a cached database (copies are used).
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from sqlalchemy import text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from casemgr import auditstate, db  # noqa: E402
from casemgr.enums import CaseKind, Role  # noqa: E402


def _services_ms(database: db.Database, n: int) -> float:
    """ms per (register + amounts + note) of one case, median of batches of 10."""
    from casemgr.actor import Actor
    from casemgr.models import User
    from casemgr.services import cases
    from tests.helpers import case_input

    with database.write() as s:
        u = User(username=f"bench{time.monotonic_ns()}", display_name="b", role=Role.CLERK.value)
        s.add(u)
        s.flush()
        actor = Actor(u.id, u.username, Role.CLERK)
    times = []
    for b in range(n // 10):
        t0 = time.perf_counter()
        for i in range(10):
            k = b * 10 + i
            with database.write() as s:
                c = cases.register_case(
                    s, actor, case_input(CaseKind.ARBITRATION, n=k + 1, employer_n=k % 7 + 1)
                )
            with database.write() as s:
                c = cases.update_amounts(
                    s, actor, c.id, expected_version=c.version, amount_recovered=Decimal("100.00")
                )
            with database.write() as s:
                cases.add_note(s, actor, c.id, "bench", occurred_on=dt.date(2026, 3, 3))
        times.append((time.perf_counter() - t0) * 100)
    return statistics.median(times)


def states_cost(url: str, n: int) -> tuple[float, float]:
    """(with states, without) in ms per case."""
    database = db.open_database(url)
    try:
        with_states = _services_ms(database, n)
        original = auditstate.record_state
        auditstate.record_state = lambda *_a, **_k: None  # type: ignore[assignment]
        try:
            if not db.is_sqlite(url):
                import casemgr.audit as audit_mod

                orig_head = audit_mod._head_and_state

                def head_only(session: Any, entity: str, entity_id: Any) -> Any:
                    return orig_head(session, "-", None)

                audit_mod._head_and_state = head_only  # type: ignore[assignment]
            without = _services_ms(database, n)
        finally:
            auditstate.record_state = original  # type: ignore[assignment]
            if not db.is_sqlite(url):
                audit_mod._head_and_state = orig_head  # type: ignore[assignment]
    finally:
        database.dispose()
    return with_states, without


def verify_seconds(path: Path) -> tuple[float, int]:
    from casemgr.cli import main

    t0 = time.perf_counter()
    rc = main(["--db", str(path), "audit", "verify"])
    return time.perf_counter() - t0, rc


def rls(pg_url: str, runs: int) -> dict[str, dict[str, float | None]]:
    import generate
    import run as bench_run
    import to_postgres

    from casemgr import pgroles

    src = generate.cached("10k")
    to_postgres.load(src, pg_url, log=lambda m: print(m, file=sys.stderr))
    pgroles.install(pg_url, "bench")
    engine = db.make_engine(pg_url)
    who = {}
    with engine.begin() as c:
        for role in (Role.MEDIATOR, Role.SUPERVISOR):
            _uid, name = c.execute(
                text("SELECT id, username FROM users WHERE role = :r AND active ORDER BY id LIMIT 1"),
                {"r": role.value},
            ).one()
            who[role] = name
    database = db.open_database(pg_url, upgrade_schema=False)
    with database.write() as s:
        for name in who.values():
            uid = s.execute(text("SELECT id FROM users WHERE username = :n"), {"n": name}).scalar_one()
            pgroles.set_password(s, uid, "Bench-secret-2026")
    database.dispose()
    engine.dispose()
    base = make_url(pg_url)
    out = {"owner (no RLS)": bench_run.measure(pg_url, runs)}
    for role, name in who.items():
        url = base.set(username=pgroles.login_role("bench", name), password="Bench-secret-2026")
        out[f"{role.value} login"] = bench_run.measure(url.render_as_string(hide_password=False), runs)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(prog="bench_trust")
    ap.add_argument("--cases", type=int, default=100)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--postgres", help="a PostgreSQL superuser URL to a throwaway database")
    args = ap.parse_args()
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'b.db'}"
        w, wo = states_cost(url, args.cases)
        rows.append(
            (
                "SQLite: register+amounts+note, per case",
                f"{w:.1f} ms with states, {wo:.1f} ms without ({w / wo:.2f}×)",
            )
        )
        if args.postgres:
            w, wo = states_cost(args.postgres, args.cases)
            rows.append(
                ("PostgreSQL: the same", f"{w:.1f} ms with states, {wo:.1f} ms without ({w / wo:.2f}×)")
            )
        import generate

        copy = Path(tmp) / "10k.db"
        shutil.copy(generate.cached("10k"), copy)
        secs, rc = verify_seconds(copy)
        rows.append(("audit verify, 10k cases (SQLite)", f"{secs:.1f} s (exit {rc})"))
    if args.postgres:
        res = rls(args.postgres, args.runs)
        keys = [
            "board",
            "list_page",
            "list_page_open_by_amount",
            "search_2char",
            "search_3char",
            "search_id_number",
            "indicators",
            "pdf",
        ]
        base = res["owner (no RLS)"]
        for who, figures in res.items():
            cells = []
            for k in keys:
                v, b = figures.get(k), base.get(k)
                cells.append(
                    f"{k} {v:.1f}" + (f" ({v / b:.2f}×)" if b else "") if v is not None else f"{k} —"
                )
            rows.append((f"PostgreSQL 10k as {who}, ms", "; ".join(cells)))
    w = max(len(r[0]) for r in rows)
    for a, b in rows:
        print(f"{a.ljust(w)}  {b}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
