"""Anchors and audited states: what the hash chain alone cannot show (issue 13, findings 2-3).

The insider here holds the database (the SQLite file, or the PostgreSQL superuser in the
PostgreSQL run): they switch the append-only guard off, delete the newest entries or
rewrite one and rehash every entry after it, so the chain is consistent again — and they
change rows (a claim item, an event, a user's role) without any audit entry. Each test
shows the plain chain check passing where it must, and the anchors or states catching it.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from casemgr import anchors, audit, auditstate, db
from casemgr.actor import Actor
from casemgr.cli import main
from casemgr.enums import CaseKind, Role
from casemgr.models import AuditEntry, Case
from casemgr.services import cases, users
from tests.helpers import CLI_PASSWORD, TODAY, case_input, give_password


@pytest.fixture
def trail(database: db.Database, actors: dict[Role, Actor], monkeypatch: pytest.MonkeyPatch) -> db.Database:
    monkeypatch.setenv("CASEMGR_LANG", "en")
    with database.write() as s:  # the fixture's users, as if created by the app (audited)
        for a in actors.values():
            audit.record(
                s, user_id=None, username="system", action="user.create", entity="user", entity_id=a.user_id
            )
    for n, (kind, role) in enumerate(
        [
            (CaseKind.ARBITRATION, Role.CLERK),
            (CaseKind.MEDIATION, Role.MEDIATOR),
            (CaseKind.INSPECTION, Role.INSPECTOR),
        ]
        * 2,
        start=1,
    ):
        with database.write() as s:
            c = cases.register_case(s, actors[role], case_input(kind, n=n, employer_n=n))
        with database.write() as s:
            cases.update_amounts(
                s, actors[role], c.id, expected_version=c.version, amount_recovered=Decimal("10")
            )
        with database.write() as s:
            cases.add_note(s, actors[role], c.id, f"note {n}", occurred_on=dt.date(2026, 3, 3))
    with database.write() as s:
        users.create_user(s, actors[Role.ADMIN], "wang.li", "王丽", Role.CLERK, "Temp-pass-2026")
    return database


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    rc = main(list(args))
    out, err = capsys.readouterr()
    return rc, out, err


def ids(url: str) -> list[int]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as con:
            return [r[0] for r in con.execute(sa.text("SELECT id FROM audit_entries ORDER BY id"))]
    finally:
        engine.dispose()


def insider(url: str, *stmts: str, **params: Any) -> None:
    """Plain SQL as the database's holder, the append-only guard switched off first."""
    engine = sa.create_engine(url)
    try:
        with engine.begin() as con:
            _guard_off(con)
            for stmt in stmts:
                con.execute(sa.text(stmt), params)
            _guard_on(con)
    finally:
        engine.dispose()


def _guard_off(con: sa.Connection) -> None:
    if con.dialect.name == "sqlite":
        con.execute(sa.text("DROP TRIGGER IF EXISTS audit_entries_no_update"))
        con.execute(sa.text("DROP TRIGGER IF EXISTS audit_entries_no_delete"))
    else:
        con.execute(sa.text("ALTER TABLE audit_entries DISABLE TRIGGER USER"))


def _guard_on(con: sa.Connection) -> None:
    if con.dialect.name != "sqlite":
        con.execute(sa.text("ALTER TABLE audit_entries ENABLE TRIGGER USER"))


def rewrite_and_rehash(url: str, entry_id: int, **changes: Any) -> None:
    """Change one entry and recompute every hash from it to the end: a consistent chain."""
    engine = sa.create_engine(url)
    try:
        with Session(engine) as s, s.begin():
            _guard_off(s.connection())
            prev = None
            for e in s.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars():
                if e.id == entry_id:
                    for k, v in changes.items():
                        setattr(e, k, v)
                if e.id >= entry_id:
                    e.prev_hash = prev or audit.GENESIS
                    e.hash = audit.entry_hash(
                        e.prev_hash, e.at, e.user_id, e.username, e.action, e.entity, e.entity_id, e.before,
                        e.after, e.state,
                    )  # fmt: skip
                prev = e.hash
            s.flush()
            _guard_on(s.connection())
    finally:
        engine.dispose()


# --------------------------------------------------------------------------- anchors


def test_deleting_the_newest_entries_is_named_after_a_verify(
    trail: db.Database, capsys: pytest.CaptureFixture[str]
) -> None:
    url = trail.url
    rc, out, _ = cli(capsys, "--db", url, "audit", "verify")
    assert rc == 0 and "intact" in out
    all_ids = ids(url)
    insider(url, "DELETE FROM audit_entries WHERE id >= :first", first=all_ids[-3])
    # The chain alone is consistent: what is left is a perfect shorter chain.
    with trail.read() as s:
        assert audit.verify_chain(s) is None
    rc, _out, err = cli(capsys, "--db", url, "audit", "verify")
    assert rc == 2
    assert f"#{all_ids[-3]} is gone" in err and "truncated" in err


def test_an_anchor_file_shows_truncation_on_another_pc(
    trail: db.Database, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = trail.url
    anchor = tmp_path / "anchor-2026-11.json"
    rc, out, _ = cli(capsys, "--db", url, "audit", "anchor", "--out", str(anchor))
    head = ids(url)[-1]
    assert rc == 0 and f"#{head} " in out
    doc = json.loads(anchor.read_text(encoding="utf-8"))
    assert doc["seq"] == head and len(doc["hash"]) == 64
    insider(url, "DELETE FROM audit_entries WHERE id >= :first", first=ids(url)[-4])
    monkeypatch.setenv("CASEMGR_ANCHOR_DIR", str(tmp_path / "another-pc"))  # remembers nothing
    rc, out, _ = cli(capsys, "--db", url, "audit", "verify", "--no-cases")
    assert rc == 0, "without an anchor a truncated chain looks intact: that is the gap anchors close"
    rc, _out, err = cli(capsys, "--db", url, "audit", "verify", "--anchor", str(anchor))
    assert rc == 2 and f"audit entry #{head} of the anchor" in err and "is gone" in err
    # typed back from a printed report: SEQ:HASH
    rc, _out, err = cli(capsys, "--db", url, "audit", "verify", "--anchor", f"{head}:{doc['hash']}")
    assert rc == 2 and f"#{head}" in err


def test_a_rewritten_and_rehashed_chain_names_the_changed_entry(
    trail: db.Database, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = trail.url
    anchor = tmp_path / "anchor.json"
    assert cli(capsys, "--db", url, "audit", "anchor", "--out", str(anchor))[0] == 0
    all_ids = ids(url)
    target = all_ids[len(all_ids) // 2]
    rewrite_and_rehash(url, target, username="someone-else")
    with trail.read() as s:
        assert audit.verify_chain(s) is None  # consistent again
    # this PC verified the chain before: the very entry is named
    rc, _out, err = cli(capsys, "--db", url, "audit", "verify")
    assert rc == 2 and f"audit entry #{target} differs" in err and "rewritten" in err
    # another PC with only the anchor file: the anchor's entry, and "at or before"
    monkeypatch.setenv("CASEMGR_ANCHOR_DIR", str(tmp_path / "another-pc"))
    assert cli(capsys, "--db", url, "audit", "verify", "--no-cases")[0] == 0
    rc, _out, err = cli(capsys, "--db", url, "audit", "verify", "--anchor", str(anchor))
    assert rc == 2 and f"#{all_ids[-1]} no longer has the hash" in err and "at or before" in err


def test_truncated_then_appended_names_the_first_replaced_entry(
    trail: db.Database, actors: dict[Role, Actor], capsys: pytest.CaptureFixture[str]
) -> None:
    """Delete the newest entries and let the app append new ones: the ids may be reused
    (SQLite) or not (PostgreSQL's sequence); either way the first lost entry is named."""
    url = trail.url
    assert cli(capsys, "--db", url, "audit", "verify")[0] == 0
    all_ids = ids(url)
    insider(url, "DELETE FROM audit_entries WHERE id >= :first", first=all_ids[-3])
    with trail.write() as s:
        first_case = s.execute(select(Case.id).order_by(Case.id)).scalars().first()
        assert first_case is not None
        cases.add_note(s, actors[Role.CLERK], first_case, "after the cut")
    rc, _out, err = cli(capsys, "--db", url, "audit", "verify")
    assert rc == 2 and f"#{all_ids[-3]} " in err


def test_no_anchor_is_written_for_a_broken_chain(
    trail: db.Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    url = trail.url
    insider(url, "UPDATE audit_entries SET action = 'x' WHERE id = :id", id=ids(url)[4])
    out_file = tmp_path / "a.json"
    rc, _out, err = cli(capsys, "--db", url, "audit", "anchor", "--out", str(out_file))
    assert rc == 2 and "no anchor was written" in err and not out_file.exists()


@pytest.mark.parametrize("value", ["12:zz", "no-such-file.json", "0:" + "a" * 63])
def test_a_bad_anchor_is_a_clear_message(
    trail: db.Database, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    rc, _out, err = cli(capsys, "--db", trail.url, "audit", "verify", "--anchor", value)
    assert rc == 1 and "anchor" in err and "Traceback" not in err


def test_the_monthly_report_prints_the_anchor(
    trail: db.Database, actors: dict[Role, Actor], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from casemgr.metrics import report as mr
    from casemgr.reports import monthly

    with trail.read() as s:
        data = mr.collect(s, 2026, 10, today=TODAY)
    head_id = ids(trail.url)[-1]
    assert data.audit_anchor is not None and data.audit_anchor.seq == head_id
    doc = mr.to_json(data)
    assert doc["report"]["audit_anchor"] == {"seq": head_id, "hash": data.audit_anchor.hash}
    pdf = tmp_path / "r.pdf"
    monthly.build_pdf(data, pdf, lang="en")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
        assert f"#{head_id} {data.audit_anchor.hash}" in text.replace("\n", " ")
    from openpyxl import load_workbook

    xlsx = tmp_path / "r.xlsx"
    monthly.build_xlsx(data, xlsx, lang="en")
    cells = [c for row in load_workbook(xlsx).worksheets[0].iter_rows(values_only=True) for c in row if c]
    assert any(isinstance(c, str) and data.audit_anchor.hash in c for c in cells)
    # and the anchor read from the printed report catches a later truncation
    insider(trail.url, "DELETE FROM audit_entries WHERE id >= :first", first=head_id - 1)
    rc, _out, err = cli(
        capsys, "--db", trail.url, "audit", "verify", "--anchor", f"#{head_id} {data.audit_anchor.hash}"
    )
    assert rc == 2 and f"#{head_id}" in err


def test_a_printed_report_is_remembered_as_an_anchor(
    trail: db.Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The head a report prints is one of "the anchors this PC has seen": a later truncation
    is caught by a plain verify on that PC, with no anchor typed in."""
    out = tmp_path / "r.json"
    give_password(trail, "supervisor")  # the report is made as a user who may (report.generate)
    monkeypatch.setenv("CASEMGR_PASSWORD", CLI_PASSWORD)
    args = ("--db", trail.url, "report", "--month", "2026-10", "--out", str(out), "--user", "supervisor")
    assert cli(capsys, *args)[0] == 0
    printed = json.loads(out.read_text(encoding="utf-8"))["report"]["audit_anchor"]
    assert [(h.seq, h.hash) for h in anchors.Store(trail.url).heads] == [(printed["seq"], printed["hash"])]
    insider(trail.url, "DELETE FROM audit_entries WHERE id >= :first", first=printed["seq"] - 2)
    rc, _out, err = cli(capsys, "--db", trail.url, "audit", "verify", "--no-cases")
    assert rc == 2 and f"#{printed['seq']}" in err and "report 2026-10" in err


@pytest.mark.skipif(
    bool(__import__("os").environ.get("CASEMGR_TEST_DATABASE_URL")), reason="SQLite file restore"
)
def test_a_restore_puts_the_remembered_anchors_aside(
    trail: db.Database, actors: dict[Role, Actor], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from casemgr import backup

    copy = backup.backup_now(trail, actors[Role.ADMIN], tmp_path / "b.db")
    with trail.write() as s:
        first = s.execute(select(Case.id).order_by(Case.id)).scalars().first()
        assert first is not None
        cases.add_note(s, actors[Role.CLERK], first, "after the backup")
    assert cli(capsys, "--db", trail.url, "audit", "verify")[0] == 0  # remembers the longer chain
    path = Path(sa.engine.make_url(trail.url).database or "")
    trail.dispose()
    backup.restore(path, copy, actor=actors[Role.ADMIN])
    rc, out, err = cli(capsys, "--db", trail.url, "audit", "verify")
    assert (rc, err) == (0, "") and "intact" in out
    assert list(anchors.anchor_dir().glob("*.restore-*"))


def test_forgetting_puts_the_files_aside(trail: db.Database, tmp_path: Path) -> None:
    store = anchors.Store(trail.url)
    with trail.read() as s:
        anchors.refresh(s, store)
    store.save()
    assert anchors.Store(trail.url).ids
    anchors.Store(trail.url).forget("restore")
    assert not anchors.Store(trail.url).ids and not anchors.Store(trail.url).heads
    assert list(store.dir.glob("*.restore-*"))


# --------------------------------------------------------------------------- audited states


def _first(url: str, sql: str) -> Any:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as con:
            return con.execute(sa.text(sql)).first()
    finally:
        engine.dispose()


CHANGES = {
    "claim item raised": (
        "UPDATE claim_items SET amount_claimed = amount_claimed + 100000"
        " WHERE id = (SELECT min(id) FROM claim_items WHERE case_id = :case)",
        "claim items",
    ),
    "event deleted": (
        "DELETE FROM events WHERE id = (SELECT max(id) FROM events WHERE case_id = :case)",
        "events",
    ),
    "party swapped": (
        "UPDATE case_parties SET person_id = (SELECT max(id) FROM persons)"
        " WHERE id = (SELECT min(id) FROM case_parties WHERE case_id = :case AND person_id IS NOT NULL)",
        "parties",
    ),
    "summary rewritten": ("UPDATE cases SET summary = 'nothing happened' WHERE id = :case", "case row"),
    "event added": (
        "INSERT INTO events (case_id, kind, occurred_on, recorded_at, note)"
        " VALUES (:case, 'note', '2026-03-04', '2026-03-04 08:00:00', 'backdated')",
        "events",
    ),
}


@pytest.mark.parametrize("what", sorted(CHANGES))
def test_verify_names_case_rows_changed_behind_the_app(
    trail: db.Database, capsys: pytest.CaptureFixture[str], what: str
) -> None:
    stmt, part = CHANGES[what]
    case_id, number = _first(trail.url, "SELECT id, number FROM cases ORDER BY id LIMIT 1 OFFSET 2")
    assert cli(capsys, "--db", trail.url, "audit", "verify")[0] == 0
    insider(trail.url, stmt, case=case_id)
    rc, _out, err = cli(capsys, "--db", trail.url, "audit", "verify")
    assert rc == 2 and number in err and part in err, err
    rc, _out, _err = cli(capsys, "--db", trail.url, "audit", "verify", "--no-cases")
    assert rc == 0  # the chain itself is untouched


def test_verify_names_a_user_made_supervisor_behind_the_app(
    trail: db.Database, capsys: pytest.CaptureFixture[str]
) -> None:
    insider(trail.url, "UPDATE users SET role = 'supervisor' WHERE username = 'wang.li'")
    rc, _out, err = cli(capsys, "--db", trail.url, "audit", "verify")
    assert rc == 2 and "user wang.li" in err and "role" in err


def test_verify_names_a_user_inserted_behind_the_app(
    trail: db.Database, capsys: pytest.CaptureFixture[str]
) -> None:
    insider(
        trail.url,
        "INSERT INTO users (username, display_name, role, must_change_password, failed_logins, active, created_at)"
        " VALUES ('backdoor', 'x', 'admin', false, 0, true, '2026-11-01 08:00:00')",
    )
    rc, _out, err = cli(capsys, "--db", trail.url, "audit", "verify")
    assert rc == 2 and "backdoor" in err and "no audit entry" in err


def test_verify_names_a_renamed_person(trail: db.Database, capsys: pytest.CaptureFixture[str]) -> None:
    pid = _first(
        trail.url, "SELECT min(entity_id) FROM audit_entries WHERE entity = 'person' AND state IS NOT NULL"
    )
    if pid is None or pid[0] is None:
        pytest.skip("no audited person in this trail")
    insider(trail.url, "UPDATE persons SET name = '李四' WHERE id = :id", id=int(pid[0]))
    rc, _out, err = cli(capsys, "--db", trail.url, "audit", "verify")
    assert rc == 2 and f"person {pid[0]}" in err


def test_the_state_columns_are_the_migrations() -> None:
    """auditstate's ``py1`` lists and migration 0006's ``pg1`` function cover the same columns."""
    import importlib.util

    path = next((db.MIGRATIONS_DIR / "versions").glob("*_0006_*.py"))
    spec = importlib.util.spec_from_file_location("m0006", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    theirs = {
        e: [(n, t, k, tuple(c.strip() for c in cols.split(","))) for n, t, k, cols, _o in parts]
        for e, parts in mod.STATE_PARTS.items()
    }
    ours = {e: [(p.name, p.table, p.key, p.columns) for p in parts] for e, parts in auditstate.PARTS.items()}
    assert theirs == ours


def test_the_version_2_state_columns_are_migration_0011s() -> None:
    """auditstate's ``py2`` lists and migration 0011's ``pg2`` function cover the same columns,
    and version 2 covers every column issue 14 added (the case's limitation facts and
    mediation body, the employer's blacklist dates)."""
    import importlib.util

    path = next((db.MIGRATIONS_DIR / "versions").glob("*_0011_limitation_suspension*.py"))
    spec = importlib.util.spec_from_file_location("m0011", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    theirs = {
        e: [(n, t, k, tuple(c.strip() for c in cols.split(","))) for n, t, k, cols, _o in parts]
        for e, parts in mod.STATE_PARTS.items()
    }
    ours = {
        e: [(p.name, p.table, p.key, p.columns) for p in parts] for e, parts in auditstate.PARTS_V2.items()
    }
    assert theirs == ours
    case_columns = auditstate.PARTS_V2["case"][0].columns
    for column in (
        "knew_on",
        "limitation_interrupted_on",
        "limitation_suspended_from",
        "limitation_suspended_to",
        "mediation_body",
    ):
        assert column in case_columns and column not in auditstate.PARTS["case"][0].columns
    assert {"blacklisted_on", "blacklisted_until"} <= set(auditstate.PARTS_V2["employer"][0].columns)


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("knew_on", "2020-01-01"),
        ("limitation_interrupted_on", "2026-11-20"),
        ("limitation_suspended_from", "2026-01-05"),
        ("limitation_suspended_to", "2026-02-05"),
        ("mediation_body", "enterprise"),
    ],
)
def test_verify_names_an_off_app_edit_of_issue_14s_case_columns(
    trail: db.Database, capsys: pytest.CaptureFixture[str], column: str, value: str
) -> None:
    """An insider moves the date the party knew (so a time-barred claim looks in time), or
    any other of issue 14's columns, in raw SQL: verify names the case."""
    assert cli(capsys, "--db", trail.url, "audit", "verify")[0] == 0
    case_id = _first(
        trail.url,
        "SELECT max(CAST(entity_id AS INTEGER)) FROM audit_entries WHERE entity = 'case' AND state IS NOT NULL",
    )[0]
    insider(trail.url, f"UPDATE cases SET {column} = :v WHERE id = :c", v=value, c=int(case_id))
    rc, _out, err = cli(capsys, "--db", trail.url, "audit", "verify")
    assert rc == 2 and f"(id {case_id}) differs" in err and "case row" in err, err


def test_verify_names_an_off_app_edit_of_an_employers_blacklist_dates(
    trail: db.Database, capsys: pytest.CaptureFixture[str]
) -> None:
    """Taking an employer off the 失信名单 behind the app (blacklisted_until in the past) is named."""
    eid = _first(
        trail.url,
        "SELECT max(CAST(entity_id AS INTEGER)) FROM audit_entries WHERE entity = 'employer' AND state IS NOT NULL",
    )
    if eid is None or eid[0] is None:
        pytest.skip("no audited employer in this trail")
    insider(trail.url, "UPDATE employers SET blacklisted_until = '2020-01-01' WHERE id = :i", i=int(eid[0]))
    rc, _out, err = cli(capsys, "--db", trail.url, "audit", "verify")
    assert rc == 2 and f"employer {eid[0]} differs" in err and "employer row" in err, err


def test_states_are_read_from_the_database_after_the_change(trail: db.Database) -> None:
    """The recorded state equals a fresh computation (same transaction, flushed rows)."""
    with trail.read() as s:
        rows = s.execute(
            select(AuditEntry.entity, AuditEntry.entity_id, AuditEntry.state)
            .where(AuditEntry.state.is_not(None))
            .order_by(AuditEntry.id.desc())
            .limit(1)
        ).all()
        assert rows
        _entity, _entity_id, state = rows[0]
        assert json.loads(state)["v"] == ("pg2" if s.get_bind().dialect.name == "postgresql" else "py2")
        problems = list(auditstate.iter_state_problems(s))
        assert problems == []


def test_verify_names_frozen_month_figures_changed_behind_the_app(
    trail: db.Database, actors: dict[Role, Actor], capsys: pytest.CaptureFixture[str]
) -> None:
    from casemgr.services import months

    with trail.write() as s:
        months.close_month(s, actors[Role.SUPERVISOR], 2026, 10, today=TODAY)
    with trail.write() as s:  # reopened and closed again by the app: still intact
        months.reopen_month(s, actors[Role.SUPERVISOR], 2026, 10)
    assert cli(capsys, "--db", trail.url, "audit", "verify")[0] == 0
    with trail.write() as s:
        months.close_month(s, actors[Role.SUPERVISOR], 2026, 10, today=TODAY)
    assert cli(capsys, "--db", trail.url, "audit", "verify")[0] == 0
    insider(trail.url, "UPDATE month_closures SET snapshot = replace(snapshot, '\"closed\"', '\"closd\"')")
    rc, _out, err = cli(capsys, "--db", trail.url, "audit", "verify")
    assert rc == 2 and "month closure 2026-10" in err and "frozen figures" in err
    insider(trail.url, "DELETE FROM month_closures")
    rc, _out, err = cli(capsys, "--db", trail.url, "audit", "verify")
    assert rc == 2 and "month closure 2026-10" in err


def test_a_state_rewritten_to_hide_a_change_breaks_the_chain(
    trail: db.Database, capsys: pytest.CaptureFixture[str]
) -> None:
    """The insider changes a claim and then the recorded state to match: the state is part of
    the entry's hash, so the chain names that entry."""
    case_id = _first(trail.url, "SELECT min(id) FROM cases")[0]
    insider(trail.url, "UPDATE claim_items SET amount_claimed = 99999999 WHERE case_id = :c", c=case_id)
    with trail.read() as s:
        entry_id = s.execute(
            select(AuditEntry.id)
            .where(
                AuditEntry.entity == "case",
                AuditEntry.entity_id == str(case_id),
                AuditEntry.state.is_not(None),
            )
            .order_by(AuditEntry.id.desc())
            .limit(1)
        ).scalar_one()
        fresh = (
            auditstate.state_json(auditstate.python_state(s, "case", str(case_id)))
            if s.get_bind().dialect.name == "sqlite"
            else s.execute(text("SELECT casemgr_entity_state_v2('case', :i)"), {"i": str(case_id)}).scalar()
        )
    insider(trail.url, "UPDATE audit_entries SET state = :s WHERE id = :i", s=fresh, i=entry_id)
    rc, _out, err = cli(capsys, "--db", trail.url, "audit", "verify")
    assert rc == 2 and f"audit entry #{entry_id} is broken" in err
