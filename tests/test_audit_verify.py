"""``casemgr audit verify``: passes on an honest database, names the entry after tampering.

Tampering is done the way an insider would: with the ``sqlite3`` module on the file,
behind the app's back.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from casemgr import audit, auth, db
from casemgr.cli import main
from casemgr.enums import CaseKind, Role
from casemgr.errors import PermissionDenied
from casemgr.models import Case
from casemgr.services import cases, users
from casemgr.services.context import Actor
from tests.helpers import case_input


@pytest.fixture
def demo(database: db.Database, actors: dict[Role, Actor], monkeypatch: pytest.MonkeyPatch) -> db.Database:
    """A small demo-like database: cases of each kind, edits, notes, users, log-ins."""
    monkeypatch.setenv("CASEMGR_LANG", "en")
    monkeypatch.setattr(auth, "SCRYPT_N", 2**10)
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


def verify(db_path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str, str]:
    rc = main(["--db", str(db_path), "audit", "verify", *extra])
    out, err = capsys.readouterr()
    return rc, out, err


def test_verify_passes_on_an_honest_database(
    demo: db.Database, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with demo.read() as s:
        n = audit.count_entries(s)
    assert n > 20
    rc, out, err = verify(db_path, capsys)
    assert (rc, err) == (0, "")
    assert f"{n} entries" in out


def _entry_ids(db_path: Path) -> list[int]:
    con = sqlite3.connect(db_path)
    try:
        return [r[0] for r in con.execute("SELECT id FROM audit_entries ORDER BY id")]
    finally:
        con.close()


def _sql(db_path: Path, stmt: str, *params: object) -> None:
    con = sqlite3.connect(db_path)
    try:
        con.execute(stmt, params)
        con.commit()
    finally:
        con.close()


def test_changed_entry_is_named(demo: db.Database, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    demo.dispose()
    target = _entry_ids(db_path)[7]
    _sql(db_path, "UPDATE audit_entries SET after = replace(after, '100.50', '900.50') WHERE id = ?", target)
    _sql(db_path, "UPDATE audit_entries SET username = 'someone' WHERE id = ?", target)
    rc, _out, err = verify(db_path, capsys)
    assert rc == 2
    assert f"#{target} " in err and "changed" in err
    assert err.count("\n") == 1  # only the first problem without --all


def test_removed_entry_breaks_the_link_of_the_next(
    demo: db.Database, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo.dispose()
    ids = _entry_ids(db_path)
    _sql(db_path, "DELETE FROM audit_entries WHERE id = ?", ids[5])
    rc, _out, err = verify(db_path, capsys)
    assert rc == 2
    assert f"#{ids[6]} " in err and "removed or inserted" in err


def test_inserted_entry_is_named(
    demo: db.Database, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo.dispose()
    ids = _entry_ids(db_path)
    con = sqlite3.connect(db_path)
    row = con.execute("SELECT at, prev_hash, hash FROM audit_entries WHERE id = ?", (ids[-1],)).fetchone()
    # A forged entry that even copies a plausible prev_hash: its own hash cannot be right.
    con.execute(
        "INSERT INTO audit_entries (at, user_id, username, action, entity, entity_id, before, after, prev_hash, hash)"
        " VALUES (?, NULL, 'x', 'case.note', 'case', '1', NULL, '{}', ?, ?)",
        (row[0], row[2], "f" * 64),
    )
    con.commit()
    new_id = con.execute("SELECT max(id) FROM audit_entries").fetchone()[0]
    con.close()
    rc, _out, err = verify(db_path, capsys)
    assert rc == 2 and f"#{new_id} " in err


def test_all_lists_every_problem(
    demo: db.Database, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo.dispose()
    ids = _entry_ids(db_path)
    for i in (3, 9):
        _sql(db_path, "UPDATE audit_entries SET action = 'x' WHERE id = ?", ids[i])
    rc, _out, err = verify(db_path, capsys, "--all")
    assert rc == 2 and f"#{ids[3]} " in err and f"#{ids[9]} " in err


def test_changed_case_row_is_named(
    demo: db.Database, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with demo.read() as s:
        number = s.execute(select(Case.number).order_by(cases.Case.id).limit(1).offset(4)).scalar_one()
    demo.dispose()
    # The insider raises the recovered amount of one case, leaving the audit trail intact.
    _sql(db_path, "UPDATE cases SET amount_recovered = amount_recovered + 100000 WHERE number = ?", number)
    rc, _out, err = verify(db_path, capsys)
    assert rc == 2
    assert number in err and "amount_recovered" in err
    # and the chain alone still passes: the limitation is stated, not hidden
    rc, _out, err = verify(db_path, capsys, "--no-cases")
    assert rc == 0


def test_case_with_bumped_version_and_no_entry_is_named(
    demo: db.Database, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo.dispose()
    _sql(db_path, "UPDATE cases SET version = version + 5, status = 'closed' WHERE id = 2")
    rc, _out, err = verify(db_path, capsys)
    assert rc == 2 and "(id 2)" in err and "status" in err and "version" in err


def test_browse_filters_and_permission(demo: db.Database, actors: dict[Role, Actor]) -> None:
    with demo.read() as s:
        first_case = s.execute(select(Case.id).order_by(cases.Case.id).limit(1)).scalar_one()
        rows = audit.browse(s, actors[Role.AUDITOR], case_id=first_case)
        assert [r.action for r in rows] == ["case.note", "case.update_amounts", "case.register"]
        by_user = audit.browse(s, actors[Role.SUPERVISOR], user_id=actors[Role.MEDIATOR].user_id)
        assert by_user and {r.username for r in by_user} == {"mediator"}
        page1 = audit.browse(s, actors[Role.ADMIN], limit=5)
        page2 = audit.browse(s, actors[Role.ADMIN], limit=5, before_id=page1[-1].id)
        assert len(page1) == 5 and page2[0].id == page1[-1].id - 1
        today = dt.datetime.now().date()
        assert audit.browse(s, actors[Role.ADMIN], date_from=today, limit=1000)
        assert audit.browse(s, actors[Role.ADMIN], date_to=today - dt.timedelta(days=1)) == []
        assert [r.action for r in audit.browse(s, actors[Role.ADMIN], action_prefix="auth.")] == [
            "auth.login"
        ]
        for role in (Role.CLERK, Role.MEDIATOR, Role.INSPECTOR):
            with pytest.raises(PermissionDenied):
                audit.browse(s, actors[role])


def test_verify_on_the_real_demo_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The shipped demo generator (all services, workflows, hand-overs) leaves a verifiable trail."""
    monkeypatch.setenv("CASEMGR_LANG", "en")
    path = tmp_path / "demo.db"
    assert main(["--db", str(path), "demo", "--cases", "40"]) == 0
    capsys.readouterr()
    rc, out, err = verify(path, capsys)
    assert (rc, err) == (0, "") and "intact" in out
    con = sqlite3.connect(path)
    case_id, number = con.execute("SELECT id, number FROM cases ORDER BY id DESC LIMIT 1").fetchone()
    con.execute("UPDATE cases SET workers = workers + 7 WHERE id = ?", (case_id,))
    con.commit()
    con.close()
    rc, _out, err = verify(path, capsys)
    assert rc == 2 and number in err and "workers" in err
