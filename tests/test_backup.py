"""Backups through the online backup API, rotation, and restore (checked, upgraded, reversible)."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from casemgr import audit, backup, db
from casemgr.actor import Actor
from casemgr.cli import main
from casemgr.enums import CaseKind, Role
from casemgr.errors import DatabaseError, PermissionDenied
from casemgr.models import AuditEntry, Case
from casemgr.services import cases
from tests.conftest import PG_URL, on_postgres
from tests.helpers import CLI_PASSWORD, case_input, give_password

#: These copy, rotate and check SQLite files; a server database is backed up with pg_dump
#: (docs/deployment.md), and asking this module to do it is refused: see the last test.
sqlite_file = pytest.mark.skipif(bool(PG_URL), reason="backs up a SQLite database file (pg_dump on a server)")


def _register(database: db.Database, actor: Actor, n: int) -> str:
    with database.write() as s:
        return cases.register_case(s, actor, case_input(CaseKind.ARBITRATION, n=n)).number


def _numbers(path: Path) -> list[str]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [r[0] for r in con.execute("SELECT number FROM cases ORDER BY id")]
    finally:
        con.close()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@sqlite_file
def test_backup_is_consistent_while_a_writer_holds_uncheckpointed_wal(
    database: db.Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    numbers = [_register(database, actors[Role.CLERK], n) for n in range(1, 4)]
    # Committed pages still sit in the WAL (the pool keeps a connection open): a file
    # copy of casemgr.db alone would miss them; the backup API must not.
    out = backup.backup_now(database, actors[Role.ADMIN], tmp_path / "out" / "copy.db")
    assert _numbers(out) == numbers
    assert not Path(str(out) + "-wal").exists()
    assert backup.check_backup_file(out) == db.head_revision()
    with database.read() as s:
        last = s.execute(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).scalar_one()
        assert last.action == "db.backup" and str(out) in (last.after or "")


def test_only_the_administrator_backs_up(
    database: db.Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    for role in Role:
        if role is Role.ADMIN:
            continue
        with pytest.raises(PermissionDenied):
            backup.backup_now(database, actors[role], tmp_path / f"{role}.db")
        assert not (tmp_path / f"{role}.db").exists()


@sqlite_file
def test_daily_backup_once_a_day_with_rotation(
    database: db.Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    _register(database, actors[Role.CLERK], 1)
    root = tmp_path / "share"
    day = dt.date(2026, 1, 1)
    made_daily = 0
    for i in range(400):
        today = day + dt.timedelta(days=i)
        r1 = backup.daily_backup_if_due(database, backup_dir=root, today=today)
        r2 = backup.daily_backup_if_due(database, backup_dir=root, today=today)  # second start that day
        assert r1.daily is not None and r2.daily is None and r2.monthly is None
        made_daily += 1
        if i % 50 == 0:
            assert _numbers(r1.daily)  # a real, readable copy
    dailies = sorted(p.name for p in (root / "daily").iterdir())
    monthlies = sorted(p.name for p in (root / "monthly").iterdir())
    last = day + dt.timedelta(days=399)
    assert len(dailies) == backup.KEEP_DAILY
    assert dailies[-1] == f"casemgr-{last:%Y-%m-%d}.db"
    assert dailies[0] == f"casemgr-{last - dt.timedelta(days=13):%Y-%m-%d}.db"
    assert len(monthlies) == backup.KEEP_MONTHLY and monthlies[-1] == f"casemgr-{last:%Y-%m}.db"
    assert not list(root.rglob("*.partial"))
    with database.read() as s:
        n_auto = s.execute(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "db.backup_auto")
        ).scalar_one()
        assert n_auto == made_daily
        assert audit.verify_chain(s) is None


class StopAfter(threading.Event):
    """A cancel event that reads as set from its n-th look on (the app quits mid-copy)."""

    def __init__(self, n: int, on_look: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.n, self.looks, self.on_look = n, 0, on_look

    def is_set(self) -> bool:
        self.looks += 1
        if self.on_look is not None:
            self.on_look()
        return self.looks >= self.n or super().is_set()


@sqlite_file
def test_an_interrupted_daily_backup_leaves_nothing_and_is_made_at_the_next_start(
    database: db.Database, actors: dict[Role, Actor], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    numbers = [_register(database, actors[Role.CLERK], n) for n in range(1, 4)]
    monkeypatch.setattr(backup, "STEP_PAGES", 2)  # many steps, so the cancel lands mid-copy
    root, today = tmp_path / "auto", dt.date(2026, 5, 4)
    steps = StopAfter(10**9)
    backup.copy_database(db.sqlite_path(database.url), tmp_path / "count.db", cancel=steps)  # type: ignore[arg-type]
    assert steps.looks > 10  # copy steps and integrity-check callbacks
    # Quit at every point of the copy and of the check: never a file that looks like a backup.
    for n in (1, 2, steps.looks // 3, steps.looks - 2):
        r = backup.daily_backup_if_due(database, backup_dir=root, today=today, cancel=StopAfter(n))
        assert r == backup.AutoBackupResult(None, None, (), interrupted=True), n
        assert [p for p in root.rglob("*") if p.is_file()] == [], n
    with database.read() as s:
        assert not s.execute(select(AuditEntry.id).where(AuditEntry.action == "db.backup_auto")).first()
    r = backup.daily_backup_if_due(database, backup_dir=root, today=today, cancel=threading.Event())
    assert r.daily is not None and not r.interrupted and _numbers(r.daily) == numbers


@sqlite_file
def test_backup_steps_copy_one_snapshot_while_colleagues_commit(
    database: db.Database, actors: dict[Role, Actor], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A commit between two steps would make SQLite restart the copy (for ever, on a busy
    database); the copy reads one snapshot instead and finishes."""
    numbers = [_register(database, actors[Role.CLERK], n) for n in range(1, 4)]
    monkeypatch.setattr(backup, "STEP_PAGES", 1)
    later: list[str] = []

    def colleague_commits() -> None:
        if len(later) < 5:
            later.append(_register(database, actors[Role.CLERK], 10 + len(later)))

    out = backup.copy_database(
        db.sqlite_path(database.url),  # type: ignore[arg-type]
        tmp_path / "snap.db",
        cancel=StopAfter(10**9, colleague_commits),
    )
    assert len(later) == 5
    assert _numbers(out) == numbers  # the state when the copy began, whole
    assert backup.check_backup_file(out) == db.head_revision()


@sqlite_file
def test_the_months_copy_is_a_second_name_for_the_days_file(
    database: db.Database, actors: dict[Role, Actor], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _register(database, actors[Role.CLERK], 1)
    root = tmp_path / "auto"
    r = backup.daily_backup_if_due(database, backup_dir=root, today=dt.date(2026, 5, 1))
    assert r.daily is not None and r.monthly is not None
    assert r.daily.stat().st_ino == r.monthly.stat().st_ino  # one file, two names: no second copy

    # Where the file system has no hard links, the checked file is copied.
    def no_links(*_a: object) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(backup.os, "link", no_links)
    r2 = backup.daily_backup_if_due(database, backup_dir=root, today=dt.date(2026, 6, 1))
    assert r2.monthly is not None and r2.daily is not None
    assert r2.monthly.stat().st_ino != r2.daily.stat().st_ino and _sha(r2.monthly) == _sha(r2.daily)
    assert not list(root.rglob("*.partial"))


@sqlite_file
def test_backup_location_from_environment(
    database: db.Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(backup.ENV_BACKUP_DIR, str(tmp_path / "net"))
    r = backup.daily_backup_if_due(database, today=dt.date(2026, 5, 4))
    assert r.daily == tmp_path / "net" / "daily" / "casemgr-2026-05-04.db"
    monkeypatch.delenv(backup.ENV_BACKUP_DIR)
    assert backup.backup_dir_for(database) == db.sqlite_path(database.url).parent / "backups"  # type: ignore[union-attr]


def test_restore_round_trip_keeps_the_current_database(
    database: db.Database, actors: dict[Role, Actor], db_path: Path, tmp_path: Path
) -> None:
    first = _register(database, actors[Role.CLERK], 1)
    saved = backup.backup_now(database, actors[Role.ADMIN], tmp_path / "b.db")
    second = _register(database, actors[Role.CLERK], 2)
    database.dispose()
    result = backup.restore(db_path, saved)
    assert _numbers(db_path) == [first]
    assert result.previous_copy is not None and _numbers(result.previous_copy) == [first, second]
    reopened = db.open_database(f"sqlite:///{db_path}")
    try:
        with reopened.read() as s:
            assert audit.verify_chain(s) is None
            actions = [a for (a,) in s.execute(select(AuditEntry.action).order_by(AuditEntry.id))]
            assert actions[-1] == "db.restore"
    finally:
        reopened.dispose()


def _initial_revision_backup(path: Path) -> None:
    """A backup as the first release wrote it: schema 0001, rows inserted by hand."""
    db.upgrade(f"sqlite:///{path}", "0001")
    con = sqlite3.connect(path)
    now = dt.datetime(2026, 1, 5, 2, 0, tzinfo=dt.UTC)
    naive = now.replace(tzinfo=None).isoformat(sep=" ")
    con.execute(
        "INSERT INTO users (id, username, display_name, role, must_change_password, failed_logins, active, created_at)"
        " VALUES (1, 'old.clerk', '老书记员', 'clerk', 0, 0, 1, ?)",
        (naive,),
    )
    con.execute(
        "INSERT INTO cases (id, number, kind, year, seq, status, received_on, migrant_worker, wage_arrears,"
        " green_channel, collective, supervised, simple_procedure, final_award, channel, amount_claimed,"
        " amount_recovered, workers, created_at, updated_at, version)"
        " VALUES (1, '汕劳人仲案字〔2026〕第0001号', 'arbitration', 2026, 1, 'received', '2026-01-05',"
        " 1, 1, 1, 0, 0, 0, 0, 'window', 800000, 0, 1, ?, ?, 1)",
        (naive, naive),
    )
    con.execute("INSERT INTO case_number_counters (kind, year, last_seq) VALUES ('arbitration', 2026, 1)")
    after = '{"number":"汕劳人仲案字〔2026〕第0001号"}'
    h = audit.entry_hash(audit.GENESIS, now, 1, "old.clerk", "case.register", "case", "1", None, after)
    con.execute(
        "INSERT INTO audit_entries (id, at, user_id, username, action, entity, entity_id, before, after,"
        " prev_hash, hash) VALUES (1, ?, 1, 'old.clerk', 'case.register', 'case', '1', NULL, ?, ?, ?)",
        (naive, after, audit.GENESIS, h),
    )
    con.commit()
    con.close()


def test_restore_a_backup_from_the_initial_revision(
    database: db.Database, actors: dict[Role, Actor], db_path: Path, tmp_path: Path
) -> None:
    _register(database, actors[Role.CLERK], 7)
    database.dispose()
    old = tmp_path / "from-0001.db"
    _initial_revision_backup(old)
    before = _sha(old)
    result = backup.restore(db_path, old)
    assert result.from_revision == "0001" and result.to_revision == db.head_revision()
    assert _sha(old) == before  # the backup itself is never upgraded in place
    reopened = db.open_database(f"sqlite:///{db_path}")
    try:
        assert db.current_revision(reopened.engine) == db.head_revision()
        with reopened.read() as s:
            case = s.execute(select(Case)).scalar_one()
            assert case.number == "汕劳人仲案字〔2026〕第0001号"
            assert str(case.amount_claimed) == "8000.00"
            assert audit.verify_chain(s) is None
        # the restored database is fully usable by the current services
        with reopened.write() as s:
            old_clerk = Actor(user_id=1, username="old.clerk", role=Role.CLERK)
            c = cases.register_case(s, old_clerk, case_input(CaseKind.ARBITRATION, n=3))
            assert c.id == 2 and c.number.endswith("第0002号")
    finally:
        reopened.dispose()


@pytest.mark.parametrize("problem", ["damaged", "foreign", "newer", "empty", "truncated"])
def test_restore_refuses_a_bad_backup_and_changes_nothing(
    database: db.Database, actors: dict[Role, Actor], db_path: Path, tmp_path: Path, problem: str
) -> None:
    _register(database, actors[Role.CLERK], 1)
    saved = backup.backup_now(database, actors[Role.ADMIN], tmp_path / "good.db")
    database.dispose()
    bad = tmp_path / "bad.db"
    if problem == "damaged":
        data = bytearray(saved.read_bytes())
        for i in range(4096, len(data), 7):
            data[i] = 0xA5
        bad.write_bytes(bytes(data))
    elif problem == "foreign":
        con = sqlite3.connect(bad)
        con.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
        con.commit()
        con.close()
    elif problem == "newer":
        bad.write_bytes(saved.read_bytes())
        con = sqlite3.connect(bad)
        con.execute("UPDATE alembic_version SET version_num = '9999'")
        con.commit()
        con.close()
    elif problem == "empty":
        bad.write_bytes(b"")
    else:
        bad.write_bytes(saved.read_bytes()[: 4096 * 2])
    live_before = _sha(db_path)
    bad_before = _sha(bad)
    with pytest.raises(DatabaseError) as err:
        backup.restore(db_path, bad)
    assert err.value.zh and err.value.en
    assert _sha(db_path) == live_before and _sha(bad) == bad_before
    assert not list(tmp_path.glob("*restoring*")) and not list(db_path.parent.glob("*restoring*"))


def test_cli_backup_and_restore(
    database: db.Database,
    actors: dict[Role, Actor],
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = _register(database, actors[Role.CLERK], 1)
    give_password(database, "admin")
    give_password(database, "clerk")
    database.dispose()
    out = tmp_path / "cli.db"
    monkeypatch.setenv("CASEMGR_PASSWORD", CLI_PASSWORD)
    monkeypatch.setenv("CASEMGR_LANG", "en")
    assert main(["--db", str(db_path), "backup", "--out", str(out)]) == 1  # nobody logged in
    assert "log-in is required" in capsys.readouterr().err
    assert main(["--db", str(db_path), "backup", "--out", str(out), "--user", "clerk"]) == 1
    assert not out.exists()
    assert main(["--db", str(db_path), "backup", "--out", str(out), "--user", "admin"]) == 0
    assert _numbers(out) == [first]
    database2 = db.open_database(f"sqlite:///{db_path}")
    _register(database2, actors[Role.CLERK], 2)
    database2.dispose()
    capsys.readouterr()
    assert main(["--db", str(db_path), "restore", str(out)]) == 1  # the database opens: log in first
    assert "log-in is required" in capsys.readouterr().err and len(_numbers(db_path)) == 2
    assert main(["--db", str(db_path), "restore", str(out), "--user", "admin"]) == 0
    assert _numbers(db_path) == [first]
    assert "revision" in capsys.readouterr().out
    for p in db_path.parent.glob(db_path.name + "*"):  # lost: the way back needs no log-in
        p.unlink()
    assert main(["--db", str(db_path), "restore", str(out)]) == 0
    assert _numbers(db_path) == [first]
    assert main(["--db", str(db_path), "restore", str(tmp_path / "missing.db"), "--user", "admin"]) == 1
    assert "does not exist" in capsys.readouterr().err


@on_postgres
def test_a_server_database_is_refused_with_a_pointer_to_pg_dump(
    database: db.Database,
    actors: dict[Role, Actor],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with pytest.raises(DatabaseError, match="pg_dump"):
        backup.backup_now(database, actors[Role.ADMIN], tmp_path / "copy.db")
    assert not list(tmp_path.iterdir())
    # At start-up the daily backup quietly does nothing on a server ...
    assert backup.daily_backup_if_due(database, backup_dir=tmp_path / "auto") == backup.AutoBackupResult(
        None, None, ()
    )
    assert not (tmp_path / "auto").exists()
    # ... but asked for by name it says why not, instead of "already done".
    give_password(database, "admin")
    monkeypatch.setenv("CASEMGR_PASSWORD", CLI_PASSWORD)
    argv = ["--db", database.url, "backup", "--auto", "--dir", str(tmp_path / "auto"), "--user", "admin"]
    assert main(argv) == 1
    assert "pg_dump" in capsys.readouterr().err
    assert main(["--db", database.url, "restore", str(tmp_path / "x.db")]) == 1
    with database.read() as s:
        assert not s.execute(select(AuditEntry).where(AuditEntry.action.like("db.%"))).first()
