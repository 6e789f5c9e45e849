"""``casemgr risk refresh``: the nightly re-score, by a supervisor; an officer is refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from casemgr import db
from casemgr.actor import Actor
from casemgr.cli import main
from casemgr.enums import Role
from casemgr.models import AuditEntry, Employer, EmployerRisk
from tests.helpers import CLI_PASSWORD, give_password, make_uscc


def test_supervisor_refreshes_an_inspector_may_not(
    database: db.Database, actors: dict[Role, Actor], db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    for role in (Role.SUPERVISOR, Role.INSPECTOR):
        give_password(database, role.value)
    with database.write() as s:
        # listed from 2026-12-01: no level today; 40 points, orange, from that day
        s.add(
            Employer(
                name="名单单位",
                uscc=make_uscc(7),
                district="城区",
                blacklisted_on=dt.date(2026, 12, 1),
                blacklisted_until=dt.date(2029, 12, 1),
            )
        )
    database.dispose()
    monkeypatch.setenv("CASEMGR_LANG", "en")
    monkeypatch.setenv("CASEMGR_PASSWORD", CLI_PASSWORD)
    args = ["--db", str(db_path), "risk", "refresh", "--today", "2026-12-02"]
    assert main([*args, "--user", "inspector"]) != 0
    assert main([*args, "--user", "supervisor"]) == 0
    assert "scored 1 employers: 0 red, 1 orange, 0 yellow; 1 level change(s)" in capsys.readouterr().out
    d = db.open_database(f"sqlite:///{db_path}")
    try:
        with d.read() as s:
            row = s.execute(select(EmployerRisk)).scalar_one()
            assert (row.level, row.score, row.level_since) == ("orange", 40, dt.date(2026, 12, 2))
            who = (
                s.execute(select(AuditEntry.username).where(AuditEntry.action == "risk.refresh"))
                .scalars()
                .all()
            )
            assert who == ["supervisor"]
    finally:
        d.dispose()
