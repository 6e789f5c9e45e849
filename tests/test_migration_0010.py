"""Revision 0010: persons.id_last4 (generated from the ID number) and the phone index.

Persons written before the upgrade get their last four digits at once (the column is
computed by the database, no backfill), and later writes keep it right, bulk inserts that
bypass the ORM included."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import insert, select, update

from casemgr import db
from casemgr.models import Person


def test_existing_persons_get_their_last_four_and_writes_keep_it(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    url = f"sqlite:///{path}"
    db.upgrade(url, "0008")
    con = sqlite3.connect(path)
    with con:
        con.execute(
            "INSERT INTO persons (id, name, id_number, phone, migrant_worker, created_at, updated_at, version)"
            " VALUES (1, '张三', '11010519491231002X', '13800138000', 1, '2026-01-05 08:00:00',"
            " '2026-01-05 08:00:00', 1), (2, '李四', NULL, NULL, 0, '2026-01-05 08:00:00',"
            " '2026-01-05 08:00:00', 1)"
        )
    con.close()
    database = db.open_database(url)  # upgrades to head
    try:
        with database.read() as s:
            rows = dict(s.execute(select(Person.id, Person.id_last4)).all())
        assert rows == {1: "002X", 2: None}
        with database.write() as s:
            s.execute(
                insert(Person),
                [{"name": "王五", "id_number": "441502198506150012", "migrant_worker": False, "version": 1}],
            )
            s.execute(update(Person).where(Person.id == 1).values(id_number="110105194912310035"))
        with database.read() as s:
            rows = dict(s.execute(select(Person.name, Person.id_last4)).all())
        assert rows == {"张三": "0035", "李四": None, "王五": "0012"}
    finally:
        database.dispose()
    db.downgrade(url, "0008")
    con = sqlite3.connect(path)
    cols = {r[1] for r in con.execute("PRAGMA table_xinfo(persons)")}
    idx = {r[1] for r in con.execute("PRAGMA index_list(persons)")}
    names = [r[0] for r in con.execute("SELECT name FROM persons ORDER BY id")]
    con.close()
    assert "id_last4" not in cols and "ix_persons_phone" not in idx
    assert names == ["张三", "李四", "王五"]
