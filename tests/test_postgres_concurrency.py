"""Many clerks at once on PostgreSQL: writer processes racing on numbers and on one case.

Each process registers cases and adds to one shared case's recovered amount with
optimistic locking (re-reading and retrying on a conflict). Afterwards: every number is
used once and the sequence has no gap, no increment is lost, the version counted every
successful write, and the deadline board agrees with the clocks that were stored.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from casemgr import db
from casemgr.actor import Actor
from casemgr.enums import CaseKind, Role
from casemgr.errors import ConflictError
from casemgr.models import Case, Deadline
from casemgr.services import cases
from tests.helpers import case_input

pytestmark = pytest.mark.skipif(
    not os.environ.get("CASEMGR_TEST_DATABASE_URL"), reason="needs PostgreSQL (scripts/with_postgres.sh)"
)

WORKERS = 4
CASES_EACH = 8
BUMPS_EACH = 10
DAY = dt.date(2026, 3, 2)


def _writer(url: str, actor: Actor, shared_id: int, index: int, out: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    database = db.open_database(url)
    bumps = conflicts = 0
    try:
        for i in range(CASES_EACH):
            with database.write() as s:
                cases.register_case(
                    s, actor, case_input(n=1000 + index * 100 + i, received_on=DAY), today=DAY
                )
        while bumps < BUMPS_EACH:
            try:
                with database.write() as s:
                    case = s.get(Case, shared_id)
                    assert case is not None
                    cases.update_amounts(
                        s,
                        actor,
                        shared_id,
                        expected_version=case.version,
                        amount_recovered=case.amount_recovered + Decimal("1.00"),
                        occurred_on=DAY,
                    )
                bumps += 1
            except ConflictError:
                conflicts += 1
        out.put(("ok", bumps, conflicts))
    except Exception as exc:  # reported to the parent, which fails the test with it
        out.put(("error", repr(exc), 0))
    finally:
        database.dispose()


def test_concurrent_writers(database: db.Database, actors: dict[Role, Actor]) -> None:
    clerk = actors[Role.CLERK]
    with database.write() as s:
        shared = cases.register_case(s, clerk, case_input(n=1, received_on=DAY), today=DAY)
        shared_id, v0 = shared.id, shared.version
    ctx = multiprocessing.get_context("spawn")
    out = ctx.Queue()
    procs = [
        ctx.Process(target=_writer, args=(database.url, clerk, shared_id, i, out)) for i in range(WORKERS)
    ]
    for p in procs:
        p.start()
    results = [out.get(timeout=240) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    assert all(r[0] == "ok" for r in results), results

    with database.read() as s:
        rows = s.execute(select(Case.number, Case.seq).where(Case.kind == CaseKind.ARBITRATION.value)).all()
        numbers = [r.number for r in rows]
        assert len(numbers) == len(set(numbers)) == 1 + WORKERS * CASES_EACH
        assert sorted(r.seq for r in rows) == list(range(1, len(rows) + 1))

        shared = s.get(Case, shared_id)
        assert shared is not None
        assert shared.amount_recovered == Decimal(WORKERS * BUMPS_EACH)  # no lost update
        assert shared.version == v0 + WORKERS * BUMPS_EACH

        from casemgr.deadlines.board import board

        running = s.execute(
            select(func.count())
            .select_from(Deadline)
            .where(Deadline.state == "running", Deadline.due_on < DAY + dt.timedelta(days=30))
        ).scalar_one()
        b = board(s, today=DAY + dt.timedelta(days=30), limit=1000)
        assert b.overdue.count + b.due_today.count == running
        assert running >= len(numbers)  # every case's acceptance clock is on the board
