"""The bulk import writes exactly what the services write (one register_case per row).

One varied ledger — every kind, open, accepted, closed and refused cases, green-channel,
collective and supervised flags, repeated and pre-existing parties, anonymous reports —
goes through both paths into two copies of the same database; every table must come out
the same (timestamps aside). If this fails after a change to register_case or the clock
engine, casemgr/io/bulk.py needs the same change.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from casemgr import audit, db
from casemgr.actor import Actor
from casemgr.enums import CaseKind, Channel, Role
from casemgr.io import bulk
from casemgr.io.ledger_import import ImportCancelled, ImportOptions, import_ledger
from casemgr.io.planner_pool import PlannerError
from casemgr.services import cases, parties
from tests.conftest import PG_URL, make_user, on_postgres
from tests.helpers import case_input, make_id, make_uscc
from tests.test_import_ledger import HEADER, write_csv

TODAY = dt.date(2026, 11, 20)

TABLES = {
    "cases": "SELECT * FROM cases ORDER BY id",
    "persons": "SELECT * FROM persons ORDER BY id",
    "employers": "SELECT * FROM employers ORDER BY id",
    "case_parties": "SELECT * FROM case_parties ORDER BY id",
    "claim_items": "SELECT * FROM claim_items ORDER BY id",
    "events": "SELECT * FROM events ORDER BY id",
    "deadlines": "SELECT * FROM deadlines ORDER BY id",
    "case_number_counters": "SELECT * FROM case_number_counters ORDER BY kind, year",
    "search_grams": "SELECT * FROM search_grams ORDER BY party, party_id, gram",
}
TIMESTAMPS = {"created_at", "updated_at", "recorded_at"}


def ledger() -> list[list[object]]:
    rows: list[list[object]] = []
    kinds = [("仲裁", "汕劳人仲案字〔{y}〕第{n:04d}号", ["裁决", "调解", "撤回", "不予受理", "其他"]),
             ("监察", "汕人社监字〔{y}〕第{n:04d}号", ["处理决定", "行政处罚", "撤销立案", "移送", "不予受理"]),
             ("调解", "汕劳人调字〔{y}〕第{n:04d}号", ["调解成功", "调解不成", "撤回", "不予受理", "调解成功"])]  # fmt: skip
    n = 0
    for word, fmt, outcomes in kinds:
        for i in range(15):
            n += 1
            received = dt.date(2025, 12, 1) + dt.timedelta(days=11 * i + n)
            shape = i % 5  # 0 open, 1 accepted, 2 closed, 3 refused/closed, 4 open with recovered money
            outcome = outcomes[i % 5]
            refused = outcome == "不予受理"
            accepted = "" if shape in (0, 4) or refused else (received + dt.timedelta(days=3)).isoformat()
            closed = (received + dt.timedelta(days=40 + i)).isoformat() if shape in (2, 3) else ""
            if closed and not refused and not accepted:
                accepted = (received + dt.timedelta(days=3)).isoformat()
            if refused and shape in (2, 3):
                accepted = ""
            workers = [1, 3, 12, 150, 1][i % 5]
            amount = ["8000", "1200000", "500.5", "30000", "0"][i % 5]
            anonymous = word == "监察" and i % 4 == 3
            no_id = word == "调解" and i % 6 == 5
            rows.append([
                fmt.format(y=received.year, n=100 + n), word, received.isoformat(), accepted,
                closed, outcome if closed else "", "是" if i % 2 == 0 else "否", workers, amount,
                "900" if shape == 4 else ("700" if closed and not refused else ""),
                f"汕尾等价测试单位{i % 6}" if not (word == "调解" and i % 7 == 6) else "",
                make_uscc(60 + i % 6) if i % 6 != 5 and not (word == "调解" and i % 7 == 6) else "",
                ["城区", "", "海丰县"][i % 3],
                "" if anonymous else f"劳动者{n}", "" if anonymous or no_id else make_id(500 + n % 9),
            ])  # fmt: skip
    # the same person twice in the file: once not a migrant worker, then as one
    rows.append(["汕劳人仲案字〔2026〕第0900号", "仲裁", "2026-06-01", "", "", "", "否", 1, "100", "",
                 "汕尾等价测试单位0", make_uscc(60), "城区", "复现者", make_id(950)])  # fmt: skip
    rows.append(["汕劳人仲案字〔2026〕第0901号", "仲裁", "2026-06-02", "", "", "", "是", 1, "100", "",
                 "汕尾等价测试单位0", make_uscc(60), "城区", "复现者", make_id(950)])  # fmt: skip
    # names must agree per ID number across the file
    names: dict[object, object] = {}
    for r in rows:
        if r[14]:
            r[13] = names.setdefault(r[14], r[13])
    return rows


def dump(database: db.Database) -> dict[str, list[dict[str, object]]]:
    out: dict[str, list[dict[str, object]]] = {}
    with database.read() as s:
        for name, sql in TABLES.items():
            out[name] = [
                {k: v for k, v in row._mapping.items() if k not in TIMESTAMPS} for row in s.execute(text(sql))
            ]
        entries = []
        for row in s.execute(text("SELECT action, entity, entity_id, before, after FROM audit_entries")):
            entries.append((row.action, row.entity, row.entity_id, row.before, row.after))
        out["audit"] = sorted(entries, key=json.dumps)  # type: ignore[arg-type]
        assert audit.verify_chain(s) is None
    return out


def _seed_existing_parties(database: db.Database, admin: Actor) -> None:
    """An employer without district and a non-migrant worker on file: the party fixes.

    Seeded as an earlier ledger import: only an import may leave a case without a district."""
    with database.write() as s:
        base = case_input(CaseKind.ARBITRATION, n=61, received_on=dt.date(2025, 1, 6), migrant=False)
        emp = parties.EmployerInput(name="汕尾等价测试单位2", uscc=make_uscc(62), district=None)
        person = cases.PartyLink(
            parties.PersonInput(name="劳动者2", id_number=make_id(502)), base.persons[0].role
        )
        cases.register_case(s, admin, dataclasses.replace(base, employer=emp, persons=[person], district=None, channel=Channel.IMPORT),
                            today=TODAY)  # fmt: skip


def indexes(database: db.Database) -> list[tuple[str, str]]:
    with database.read() as s:
        return sorted(
            (r[0], r[1]) for r in s.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'index'"))
        )


@pytest.mark.parametrize("rebuild", [False, True], ids=["indexes-kept", "indexes-rebuilt"])
def test_bulk_path_writes_what_the_services_write(
    database: db.Database,
    db_path: Path,
    actors: dict[Role, Actor],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    rebuild: bool,
) -> None:
    """Also with the large-file mode (indexes dropped and rebuilt): same rows, same indexes."""
    if rebuild:
        monkeypatch.setattr(bulk, "REBUILD_MIN_ROWS", 1)
    admin = actors[Role.ADMIN]
    _seed_existing_parties(database, admin)
    copy = tmp_path / "copy.db"
    db.backup_sqlite(db_path, copy)
    other = db.open_database(f"sqlite:///{copy}")
    try:
        path = write_csv(tmp_path / "l.csv", ledger(), "utf-8", HEADER)
        with database.write() as s:
            slow = import_ledger(s, admin, path, ImportOptions(today=TODAY, bulk=False))
        before = indexes(other)
        with other.write() as s:
            fast = import_ledger(s, admin, path, ImportOptions(today=TODAY, bulk=True))
        assert indexes(other) == before
        assert slow.rejections == [] and slow.created == fast.created == len(ledger())
        a, b = dump(database), dump(other)
        for table in (*TABLES, "audit"):
            assert len(a[table]) == len(b[table]), table
            for x, y in zip(a[table], b[table], strict=True):
                assert x == y, (table, x, y)
        # the ledger exercised what it is meant to
        states = {d["state"] for d in a["deadlines"]}
        assert {"running", "met", "breached", "cancelled"} <= states
        flags = {(c["green_channel"], c["collective"], c["supervised"]) for c in a["cases"]}
        assert len(flags) >= 3
        assert any(x[0] == "person.update" for x in a["audit"]) and any(
            x[0] == "employer.update" for x in a["audit"]
        )
    finally:
        other.dispose()


@pytest.mark.parametrize("processes", ["0", "1"], ids=["planned-here", "planner-process"])
def test_a_cancelled_large_import_keeps_every_index(
    database: db.Database,
    db_path: Path,
    actors: dict[Role, Actor],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    processes: str,
) -> None:
    """The DROP INDEX of the large-file mode is part of the import's transaction; a planning
    process is stopped with the import."""
    if db.is_sqlite(database.engine.url.render_as_string(hide_password=False)) is False:
        pytest.skip("the large-file mode is SQLite's")
    monkeypatch.setattr(bulk, "REBUILD_MIN_ROWS", 1)
    monkeypatch.setattr(bulk, "PARALLEL_MIN_ROWS", 1)
    monkeypatch.setenv("CASEMGR_IMPORT_PROCESSES", processes)
    procs: list[object] = []
    real_start = bulk.start_planners

    def start(*args: object) -> object:
        planners = real_start(*args)  # type: ignore[arg-type]
        procs.extend(planners._procs if planners is not None else [])
        return planners

    monkeypatch.setattr(bulk, "start_planners", start)
    monkeypatch.setattr("casemgr.io.ledger_import.CHUNK", 10)
    before = indexes(database)
    path = write_csv(tmp_path / "l.csv", ledger(), "utf-8", HEADER)
    calls = 0

    dropped: list[int] = []
    real_drop = bulk.BulkWriter._drop_indexes

    def drop(self: bulk.BulkWriter, new_rows: int) -> None:
        real_drop(self, new_rows)
        dropped.append(len(self._dropped_indexes))

    monkeypatch.setattr(bulk.BulkWriter, "_drop_indexes", drop)

    def progress(phase: str, done: int, total: int) -> None:
        nonlocal calls
        calls += phase == "write"

    def cancel_after_two_chunks() -> bool:
        return calls >= 2

    with pytest.raises(ImportCancelled), database.write() as s:
        import_ledger(
            s, actors[Role.ADMIN], path, ImportOptions(today=TODAY), progress=progress,
            cancelled=cancel_after_two_chunks,
        )  # fmt: skip
    assert calls == 2
    assert dropped and dropped[0] >= 10  # the writer had dropped them when it was cancelled
    assert len(procs) == int(processes) and all(p.poll() is not None for p in procs)  # type: ignore[attr-defined]
    assert indexes(database) == before
    with database.read() as s:
        assert s.execute(text("SELECT count(*) FROM cases")).scalar() == 0


def test_planning_processes_write_what_one_process_writes(
    database: db.Database,
    db_path: Path,
    actors: dict[Role, Actor],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two planner processes and this one share the chunks; the database comes out the same,
    the audit chain in the same order, and the processes are gone afterwards."""
    if database.engine.dialect.name != "sqlite":
        pytest.skip("compares two SQLite files")
    admin = actors[Role.ADMIN]
    _seed_existing_parties(database, admin)
    copy = tmp_path / "copy.db"
    db.backup_sqlite(db_path, copy)
    other = db.open_database(f"sqlite:///{copy}")
    monkeypatch.setattr(bulk, "PARALLEL_MIN_ROWS", 1)
    monkeypatch.setattr("casemgr.io.ledger_import.CHUNK", 4)  # 12 chunks: planners' and this one's
    monkeypatch.setattr("casemgr.io.ledger_import.CHECK_BATCH", 5)  # and they check half the rows
    started: list[object] = []
    real_start = bulk.start_planners

    def start(*args: object) -> object:
        planners = real_start(*args)  # type: ignore[arg-type]
        started.append(planners)
        return planners

    monkeypatch.setattr(bulk, "start_planners", start)
    try:
        path = write_csv(tmp_path / "l.csv", ledger(), "utf-8", HEADER)
        monkeypatch.setenv("CASEMGR_IMPORT_PROCESSES", "0")
        with database.write() as s:
            alone = import_ledger(s, admin, path, ImportOptions(today=TODAY))
        assert started == [None]
        monkeypatch.setenv("CASEMGR_IMPORT_PROCESSES", "2")
        with other.write() as s:
            shared = import_ledger(s, admin, path, ImportOptions(today=TODAY))
        planners = started[1]
        assert planners is not None and planners.count == 0  # type: ignore[attr-defined]  # closed
        assert planners.planned >= 8  # type: ignore[attr-defined]  # of 12 chunks; this process 2
        assert alone.created == shared.created == len(ledger())
        a, b = dump(database), dump(other)
        for table in TABLES:
            assert a[table] == b[table], table
        order = "SELECT action, entity, entity_id, after FROM audit_entries ORDER BY id"
        with database.read() as s1, other.read() as s2:
            assert s1.execute(text(order)).all() == s2.execute(text(order)).all()
            assert audit.verify_chain(s2) is None
    finally:
        other.dispose()


def test_a_failing_planner_process_fails_the_import_and_writes_nothing(
    database: db.Database,
    actors: dict[Role, Actor],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(bulk, "PARALLEL_MIN_ROWS", 1)
    monkeypatch.setattr("casemgr.io.ledger_import.CHUNK", 4)
    monkeypatch.setenv("CASEMGR_IMPORT_PROCESSES", "1")
    real_start = bulk.start_planners
    procs: list[object] = []

    def start_and_kill(*args: object) -> object:
        planners = real_start(*args)  # type: ignore[arg-type]
        assert planners is not None
        procs.extend(planners._procs)
        planners._procs[0].kill()  # as if it crashed
        return planners

    monkeypatch.setattr(bulk, "start_planners", start_and_kill)
    path = write_csv(tmp_path / "l.csv", ledger(), "utf-8", HEADER)
    with pytest.raises(PlannerError, match="ended unexpectedly"), database.write() as s:
        import_ledger(s, actors[Role.ADMIN], path, ImportOptions(today=TODAY))
    assert procs and all(p.poll() is not None for p in procs)  # type: ignore[attr-defined]
    with database.read() as s:
        assert s.execute(text("SELECT count(*) FROM cases")).scalar() == 0
        assert (
            s.execute(text("SELECT count(*) FROM audit_entries WHERE action = 'case.register'")).scalar() == 0
        )


def test_a_task_reaches_a_planner_process_unchanged(tmp_path: Path) -> None:
    """Rows and assignments travel as plain tuples; every field must come back equal."""
    from casemgr.io.ledger_import import read_table
    from casemgr.io.ledger_rows import parse_row as parse

    path = write_csv(tmp_path / "l.csv", ledger(), "utf-8", HEADER)
    table = read_table(path)
    rows = [
        r for rowno, cells in table.rows if not isinstance(r := parse(rowno, cells, table, None, TODAY), list)
    ]
    assert len(rows) == len(ledger())
    assert any(r.applicant is None for r in rows) and any(r.outcome for r in rows)
    assert any(r.accepted_on is None for r in rows) and any(r.uscc is None for r in rows)
    assigned = [
        bulk.Assigned(
            i + 1, i % 3 or None, i % 2 == 0, i or None, i % 5 == 0, i % 2 == 1, "城区" if i % 4 else None
        )
        for i in range(len(rows))
    ]
    back_rows, back_assigned = bulk.unpack_task(bulk.pack_task(rows, assigned))
    assert back_rows == rows and back_assigned == assigned
    plan = bulk.ChunkPlan([("INSERT INTO x (a) VALUES (?)", [(1,), (None,)])], [("a", "b", "1", None)])
    assert bulk.unpack_plan(bulk.pack_plan(plan)) == plan


def test_rows_checked_by_planner_processes_are_refused_alike(
    database: db.Database, actors: dict[Role, Actor], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bad cells, duplicates across batches and good rows: the same report with or without help."""
    monkeypatch.setattr(bulk, "PARALLEL_MIN_ROWS", 1)
    monkeypatch.setattr("casemgr.io.ledger_import.CHECK_BATCH", 3)
    rows = ledger()
    rows[5][2] = "2026-13-45"  # a bad date in a batch of this process
    rows[9][8] = "abc"  # a bad amount in a planner's batch
    rows[10][0] = rows[4][0]  # a duplicate case number, first seen in another batch
    rows[13][11] = "91441500MA4X0000X0"  # a bad credit code
    path = write_csv(tmp_path / "bad.csv", rows, "utf-8", HEADER)
    results = []
    for processes in ("0", "1"):
        monkeypatch.setenv("CASEMGR_IMPORT_PROCESSES", processes)
        with database.write() as s:
            results.append(import_ledger(s, actors[Role.ADMIN], path, ImportOptions(today=TODAY)))
    alone, helped = results
    assert alone.rejections == helped.rejections and alone.refused and helped.refused
    assert {r.row for r in alone.rejections} == {7, 11, 12, 15}
    assert (alone.rows, alone.valid) == (helped.rows, helped.valid)


def test_a_hanging_planner_process_does_not_block_cancelling(
    database: db.Database, actors: dict[Role, Actor], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A planner that stops answering (here: SIGSTOP) must not make the cancel button useless."""
    import signal

    monkeypatch.setattr(bulk, "PARALLEL_MIN_ROWS", 1)
    monkeypatch.setattr("casemgr.io.ledger_import.CHUNK", 4)
    monkeypatch.setenv("CASEMGR_IMPORT_PROCESSES", "1")
    real_start = bulk.start_planners
    procs: list[Any] = []

    def start_and_freeze(*args: object) -> object:
        planners = real_start(*args)  # type: ignore[arg-type]
        assert planners is not None
        procs.extend(planners._procs)
        os.kill(planners._procs[0].pid, signal.SIGSTOP)
        return planners

    monkeypatch.setattr(bulk, "start_planners", start_and_freeze)
    asked = 0

    def cancelled() -> bool:
        nonlocal asked
        asked += 1
        return asked > 3

    path = write_csv(tmp_path / "l.csv", ledger(), "utf-8", HEADER)
    with pytest.raises(ImportCancelled), database.write() as s:
        import_ledger(s, actors[Role.ADMIN], path, ImportOptions(today=TODAY), cancelled=cancelled)
    assert procs and all(p.poll() is not None for p in procs)  # killed, though stopped
    with database.read() as s:
        assert s.execute(text("SELECT count(*) FROM cases")).scalar() == 0


@on_postgres
def test_bulk_path_writes_what_the_services_write_on_postgresql(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL: ids from the sequences, rows by COPY, a planner process — same tables."""
    from tests import pg

    assert PG_URL
    monkeypatch.setattr(bulk, "PARALLEL_MIN_ROWS", 1)
    monkeypatch.setattr("casemgr.io.ledger_import.CHUNK", 4)
    monkeypatch.setattr("casemgr.io.ledger_import.CHECK_BATCH", 5)
    monkeypatch.setenv("CASEMGR_IMPORT_PROCESSES", "1")
    template = request.getfixturevalue("pg_template")
    path = write_csv(tmp_path / "l.csv", ledger(), "utf-8", HEADER)
    with pg.fresh_database(PG_URL, template) as url_a, pg.fresh_database(PG_URL, template) as url_b:
        a, b = db.open_database(url_a), db.open_database(url_b)
        try:
            results = []
            for database, fast in ((a, False), (b, True)):
                admin = {role: make_user(database, role) for role in Role}[Role.ADMIN]
                _seed_existing_parties(database, admin)
                with database.write() as s:
                    results.append(import_ledger(s, admin, path, ImportOptions(today=TODAY, bulk=fast)))
            assert results[0].created == results[1].created == len(ledger())
            slow, quick = dump(a), dump(b)
            for table in (*TABLES, "audit"):
                assert slow[table] == quick[table], table
        finally:
            a.dispose()
            b.dispose()
