"""Database files we must not use: a clear DatabaseError at start, and the file untouched."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from casemgr import db
from casemgr.errors import DatabaseError


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _open_refused(path: Path, *needles: str) -> DatabaseError:
    before = _sha(path) if path.is_file() else None
    with pytest.raises(DatabaseError) as err:
        db.open_database(f"sqlite:///{path}")
    e = err.value
    assert (e.zh and e.en and str(path) in e.en) or "newer version" in e.en
    for n in needles:
        assert n in e.en, e.en
    if before is not None:
        assert _sha(path) == before, "a refused database file was modified"
    return e


@pytest.fixture
def good(template_db: Path, tmp_path: Path) -> Path:
    p = tmp_path / "good.db"
    shutil.copy(template_db, p)
    return p


def test_not_a_database_at_all(tmp_path: Path) -> None:
    p = tmp_path / "notes.db"
    p.write_text("这是一份会议记录，不是数据库。\n" * 50, encoding="utf-8")
    _open_refused(p, "not a database file")


def test_a_folder(tmp_path: Path) -> None:
    (tmp_path / "dir.db").mkdir()
    _open_refused(tmp_path / "dir.db", "folder")


def test_another_programs_sqlite_database(tmp_path: Path) -> None:
    p = tmp_path / "recipes.db"
    con = sqlite3.connect(p)
    con.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
    con.execute("INSERT INTO recipes (name) VALUES ('饺子')")
    con.commit()
    con.close()
    _open_refused(p, "not a casemgr database")


def test_newer_schema(good: Path) -> None:
    con = sqlite3.connect(good)
    con.execute("UPDATE alembic_version SET version_num = 'zz99_future'")
    con.commit()
    con.close()
    e = _open_refused(good, "newer version")
    assert e.code == "db_too_new"


@pytest.mark.parametrize("how", ["pages", "truncated", "header-tail"])
def test_corrupt(good: Path, how: str) -> None:
    data = bytearray(good.read_bytes())
    if how == "pages":
        for i in range(4096 + 100, len(data), 97):
            data[i] ^= 0x5A
    elif how == "truncated":
        data = data[: len(data) // 3 + 17]
    else:
        data[16:100] = b"\xff" * 84  # page size and friends destroyed, magic string intact
    good.write_bytes(bytes(data))
    _open_refused(good)


def test_locked_by_another_program(good: Path) -> None:
    con = sqlite3.connect(good, isolation_level=None)
    con.execute("PRAGMA journal_mode=DELETE")
    con.execute("BEGIN EXCLUSIVE")
    try:
        _open_refused(good, "locked")
    finally:
        con.execute("ROLLBACK")
        con.close()


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_file(good: Path) -> None:
    good.chmod(0o444)
    try:
        _open_refused(good, "read-only")
    finally:
        good.chmod(0o644)


def test_read_only_as_reported_by_the_os(good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where permissions cannot be tested for real (root in CI), the OS answer is simulated."""
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if mode == os.W_OK else real(p, mode))
    _open_refused(good, "read-only")


def test_a_good_and_an_empty_file_open(good: Path, tmp_path: Path) -> None:
    d = db.open_database(f"sqlite:///{good}")
    d.dispose()
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    d = db.open_database(f"sqlite:///{empty}")
    try:
        assert db.current_revision(d.engine) == db.head_revision()
    finally:
        d.dispose()
