"""A page damaged in the middle of a file: the open stays cheap, the damage is still told.

The open no longer reads every page (``PRAGMA quick_check`` cost seconds on a big file), so
a damaged page deep in the file passes the open; the first query reading it must give a
clear DatabaseError, and ``casemgr db check`` (the whole-file check) must report it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from casemgr import db
from casemgr.cli import main as cli_main
from casemgr.errors import DatabaseError


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    path = tmp_path / "casemgr.db"
    db.upgrade(f"sqlite:///{path}")
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=DELETE")
    con.executemany(
        "INSERT INTO calendar_overrides (day, day_type, note) VALUES (?, 'holiday', ?)",
        [(f"{2000 + i // 366}-{1 + i % 12:02d}-{1 + i % 28:02d}#{i}", "假" * 60) for i in range(4000)],
    )
    con.commit()
    pages = con.execute(
        "SELECT pageno FROM dbstat WHERE name = 'calendar_overrides' AND pagetype = 'leaf' ORDER BY pageno"
    ).fetchall()
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    middle = pages[len(pages) // 2][0]
    data = bytearray(path.read_bytes())
    start = (middle - 1) * page_size
    data[start : start + page_size] = b"\xa5" * page_size
    path.write_bytes(bytes(data))
    return path


def test_damaged_middle_page_is_a_clear_error_on_first_read(damaged: Path) -> None:
    database = db.open_database(f"sqlite:///{damaged}")  # cheap check: passes
    try:
        with pytest.raises(DatabaseError) as err, database.read() as s:
            s.execute(text("SELECT count(*), max(length(note)) FROM calendar_overrides")).one()
        assert err.value.code == "db_damaged"
        assert "db check" in err.value.en and err.value.zh
    finally:
        database.dispose()


def test_db_check_reads_every_page(damaged: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert db.integrity_check(damaged) != ["ok"]
    assert cli_main(["--db", str(damaged), "db", "check"]) == 1
    good = tmp_path / "good.db"
    db.upgrade(f"sqlite:///{good}")
    assert db.integrity_check(good) == ["ok"]
    assert cli_main(["--db", str(good), "db", "check"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "ok"
