"""``casemgr audit verify``: passes on an honest database, names the entry after tampering.

Tampering is done the way an insider would: plain SQL on its own connection, behind the
app's back — on the SQLite file, and on the PostgreSQL server in the PostgreSQL run.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import select

from casemgr import audit, auth, clock, db, privacy
from casemgr.actor import Actor
from casemgr.cli import main
from casemgr.enums import CaseKind, Role
from casemgr.errors import PermissionDenied
from casemgr.models import Case
from casemgr.services import cases, users
from tests.helpers import case_input


@pytest.fixture
def demo(database: db.Database, actors: dict[Role, Actor], monkeypatch: pytest.MonkeyPatch) -> db.Database:
    """A small demo-like database: cases of each kind, edits, notes, users, log-ins."""
    monkeypatch.setenv("CASEMGR_LANG", "en")
    with database.write() as s:  # the fixture's users, as if created by the app (audited)
        for a in actors.values():
            audit.record(
                s, user_id=None, username="system", action="user.create", entity="user", entity_id=a.user_id
            )
    by_kind = {
        CaseKind.ARBITRATION: Role.CLERK,
        CaseKind.MEDIATION: Role.MEDIATOR,
        CaseKind.INSPECTION: Role.INSPECTOR,
    }
    n = 0
    for kind, role in by_kind.items():
        for _ in range(3):
            n += 1
            with database.write() as s:
                c = cases.register_case(s, actors[role], case_input(kind, n=n, employer_n=n % 2 + 1))
            with database.write() as s:
                cases.update_amounts(
                    s, actors[role], c.id, expected_version=c.version, amount_recovered=Decimal("100.50")
                )
            with database.write() as s:
                cases.add_note(s, actors[role], c.id, f"电话联系单位 {n}", occurred_on=dt.date(2026, 3, 3))
    with database.write() as s:
        users.create_user(s, actors[Role.ADMIN], "wang.li", "王丽", Role.CLERK, "Temp-pass-2026")
    with database.write() as s:
        auth.authenticate(s, "wang.li", "Temp-pass-2026")
    return database


def verify(url: str, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str, str]:
    rc = main(["--db", url, "audit", "verify", *extra])
    out, err = capsys.readouterr()
    return rc, out, err


@pytest.fixture
def url(demo: db.Database) -> str:
    """The demo database's URL, for the CLI and the insider's own connection."""
    u = demo.url
    return u


def test_verify_passes_on_an_honest_database(
    demo: db.Database, url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with demo.read() as s:
        n = audit.count_entries(s)
    assert n > 20
    rc, out, err = verify(url, capsys)
    assert (rc, err) == (0, "")
    assert f"{n} entries" in out


def _entry_ids(url: str) -> list[int]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as con:
            return [r[0] for r in con.execute(sa.text("SELECT id FROM audit_entries ORDER BY id"))]
    finally:
        engine.dispose()


def _sql(url: str, stmt: str, **params: object) -> Any:
    engine = sa.create_engine(url)
    try:
        with engine.begin() as con:
            return (
                con.execute(sa.text(stmt), params).first()
                if stmt.lstrip().upper().startswith("SELECT")
                else con.execute(sa.text(stmt), params)
            )
    finally:
        engine.dispose()


def _tamper(url: str, stmt: str, **params: object) -> Any:
    """Change the audit table as an insider would: first out of the way with the guard that
    refuses it (the SQLite file's holder drops the triggers; on PostgreSQL only a superuser
    or the owner can switch them off — the application's login roles cannot, see
    tests/test_pg_roles.py)."""
    engine = sa.create_engine(url)
    try:
        with engine.begin() as con:
            if engine.dialect.name == "sqlite":
                con.execute(sa.text("DROP TRIGGER IF EXISTS audit_entries_no_update"))
                con.execute(sa.text("DROP TRIGGER IF EXISTS audit_entries_no_delete"))
            else:
                con.execute(sa.text("ALTER TABLE audit_entries DISABLE TRIGGER USER"))
            result = con.execute(sa.text(stmt), params)
            if engine.dialect.name != "sqlite":
                con.execute(sa.text("ALTER TABLE audit_entries ENABLE TRIGGER USER"))
            return result
    finally:
        engine.dispose()


def test_the_database_refuses_to_change_or_delete_audit_entries(demo: db.Database, url: str) -> None:
    """The append-only guard: a trigger on both engines (migration 0006), whoever connects."""
    ids = _entry_ids(url)
    for stmt in (
        "UPDATE audit_entries SET action = 'x' WHERE id = :id",
        "DELETE FROM audit_entries WHERE id = :id",
    ):
        with pytest.raises(sa.exc.DBAPIError, match="append-only"):
            _sql(url, stmt, id=ids[3])
    if demo.engine.dialect.name == "postgresql":
        # CASCADE, as an attacker would type it: inspection plans point at their draw's entry
        # (issue 17), and a plain TRUNCATE stops at that foreign key before the trigger speaks.
        with pytest.raises(sa.exc.DBAPIError, match="append-only"):
            _sql(url, "TRUNCATE audit_entries CASCADE")
        with pytest.raises(sa.exc.DBAPIError):
            _sql(url, "TRUNCATE audit_entries")
    else:  # and with the sqlite3 module itself, as a clerk with the shell would
        con = sqlite3.connect(sa.engine.make_url(url).database or "")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            con.execute("DELETE FROM audit_entries")
        con.close()
    assert _entry_ids(url) == ids


def test_changed_entry_is_named(demo: db.Database, url: str, capsys: pytest.CaptureFixture[str]) -> None:
    target = _entry_ids(url)[7]
    _tamper(
        url, "UPDATE audit_entries SET after = replace(after, '100.50', '900.50') WHERE id = :id", id=target
    )
    _tamper(url, "UPDATE audit_entries SET username = 'someone' WHERE id = :id", id=target)
    rc, _out, err = verify(url, capsys)
    assert rc == 2
    assert f"#{target} " in err and "changed" in err
    assert err.count("\n") == 1  # only the first problem without --all


@pytest.mark.parametrize(
    "column", ["user_id", "username", "action", "entity", "entity_id", "before", "after", "state"]
)
def test_each_recorded_field_changed_alone_is_named(
    demo: db.Database, url: str, capsys: pytest.CaptureFixture[str], column: str
) -> None:
    """Every field of an entry is covered by its hash: changing any one of them is seen."""
    target, old = _sql(
        url,
        f"SELECT id, {column} FROM audit_entries WHERE before IS NOT NULL AND user_id IS NOT NULL"
        " AND entity_id IS NOT NULL AND state IS NOT NULL ORDER BY id LIMIT 1",
    )
    new = old + 1 if column == "user_id" else f"{old}x"
    _tamper(url, f"UPDATE audit_entries SET {column} = :v WHERE id = :id", v=new, id=target)
    rc, _out, err = verify(url, capsys)
    assert rc == 2 and f"#{target} " in err and "changed" in err, err


def test_removed_entry_breaks_the_link_of_the_next(
    demo: db.Database, url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = _entry_ids(url)
    _tamper(url, "DELETE FROM audit_entries WHERE id = :id", id=ids[5])
    rc, _out, err = verify(url, capsys)
    assert rc == 2
    assert f"#{ids[6]} " in err and "removed or inserted" in err


def test_inserted_entry_is_named(demo: db.Database, url: str, capsys: pytest.CaptureFixture[str]) -> None:
    ids = _entry_ids(url)
    row = _sql(url, "SELECT at, prev_hash, hash FROM audit_entries WHERE id = :id", id=ids[-1])
    # A forged entry that even copies a plausible prev_hash: its own hash cannot be right.
    _sql(
        url,
        "INSERT INTO audit_entries (at, user_id, username, action, entity, entity_id, before, after, prev_hash, hash)"
        " VALUES (:at, NULL, 'x', 'case.note', 'case', '1', NULL, '{}', :prev, :hash)",
        at=row[0],
        prev=row[2],
        hash="f" * 64,
    )
    new_id = _sql(url, "SELECT max(id) FROM audit_entries")[0]
    rc, _out, err = verify(url, capsys)
    assert rc == 2 and f"#{new_id} " in err


def test_all_lists_every_problem(demo: db.Database, url: str, capsys: pytest.CaptureFixture[str]) -> None:
    ids = _entry_ids(url)
    for i in (3, 9):
        _tamper(url, "UPDATE audit_entries SET action = 'x' WHERE id = :id", id=ids[i])
    rc, _out, err = verify(url, capsys, "--all")
    assert rc == 2 and f"#{ids[3]} " in err and f"#{ids[9]} " in err


def test_changed_case_row_is_named(demo: db.Database, url: str, capsys: pytest.CaptureFixture[str]) -> None:
    with demo.read() as s:
        number = s.execute(select(Case.number).order_by(cases.Case.id).limit(1).offset(4)).scalar_one()
    # The insider raises the recovered amount of one case, leaving the audit trail intact.
    _sql(url, "UPDATE cases SET amount_recovered = amount_recovered + 100000 WHERE number = :id", id=number)
    rc, _out, err = verify(url, capsys)
    assert rc == 2
    assert number in err and "amount_recovered" in err
    # and the chain alone still passes: the limitation is stated, not hidden
    rc, _out, err = verify(url, capsys, "--no-cases")
    assert rc == 0


def test_case_with_bumped_version_and_no_entry_is_named(
    demo: db.Database, url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _sql(
        url,
        "UPDATE cases SET version = version + 5, status = 'closed' WHERE id = :id",
        id=first_case_id(url) + 1,
    )
    rc, _out, err = verify(url, capsys)
    assert rc == 2 and "(id 2)" in err and "status" in err and "version" in err


def test_browse_filters_and_permission(demo: db.Database, actors: dict[Role, Actor]) -> None:
    with demo.read() as s:
        first_case = s.execute(select(Case.id).order_by(cases.Case.id).limit(1)).scalar_one()
        rows = privacy.browse_audit(s, actors[Role.AUDITOR], case_id=first_case)
        assert [r.action for r in rows] == ["case.note", "case.update_amounts", "case.register"]
        by_user = privacy.browse_audit(s, actors[Role.SUPERVISOR], user_id=actors[Role.MEDIATOR].user_id)
        assert by_user and {r.username for r in by_user} == {"mediator"}
        page1 = privacy.browse_audit(s, actors[Role.ADMIN], limit=5)
        page2 = privacy.browse_audit(s, actors[Role.ADMIN], limit=5, before_id=page1[-1].id)
        assert len(page1) == 5 and page2[0].id == page1[-1].id - 1
        today = clock.local(clock.now()).date()  # the entries' real moments, in Beijing days
        assert privacy.browse_audit(s, actors[Role.ADMIN], date_from=today, limit=1000)
        assert privacy.browse_audit(s, actors[Role.ADMIN], date_to=today - dt.timedelta(days=1)) == []
        assert [r.action for r in privacy.browse_audit(s, actors[Role.ADMIN], action_prefix="auth.")] == [
            "auth.login"
        ]
        for role in (Role.CLERK, Role.MEDIATOR, Role.INSPECTOR):
            with pytest.raises(PermissionDenied):
                privacy.browse_audit(s, actors[role])


def test_verify_on_the_real_demo_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The shipped demo generator (all services, workflows, hand-overs) leaves a verifiable trail."""
    monkeypatch.setenv("CASEMGR_LANG", "en")
    path = tmp_path / "demo.db"
    assert main(["--db", str(path), "demo", "--cases", "40"]) == 0
    capsys.readouterr()
    rc, out, err = verify(str(path), capsys)
    assert (rc, err) == (0, "") and "intact" in out
    con = sqlite3.connect(path)
    case_id, number = con.execute("SELECT id, number FROM cases ORDER BY id DESC LIMIT 1").fetchone()
    con.execute("UPDATE cases SET workers = workers + 7 WHERE id = ?", (case_id,))
    con.commit()
    con.close()
    rc, _out, err = verify(str(path), capsys)
    assert rc == 2 and number in err and "workers" in err


def first_case_id(url: str) -> int:
    return int(_sql(url, "SELECT min(id) FROM cases")[0])


@pytest.mark.parametrize(
    "text",
    [
        "plain",
        '引号"与\\反斜杠',
        "换行\n制表\t回车\r",
        "\x00\x1f\x7f控制",
        "emoji 😀 and \u2028 separator",
        "",
    ],
)
@pytest.mark.parametrize("user_id", [None, 0, 17])
def test_the_hash_is_the_sha256_of_the_json_array_of_the_entry(text: str, user_id: int | None) -> None:
    """entry_hash_at builds the array by hand (speed); it must stay the encoder's bytes."""
    import hashlib

    parts = [
        "a" * 64,
        "2026-11-27T06:00:00+00:00",
        user_id,
        text or None,
        "case.register",
        "case",
        text,
        None,
        text,
    ]
    expected = hashlib.sha256(audit._HASH_JSON(parts).encode("utf-8")).hexdigest()
    assert audit.entry_hash_at(*parts) == expected  # type: ignore[arg-type]
