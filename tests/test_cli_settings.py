"""``casemgr settings minimum-wage``: the next adjustment needs no release (issue 14 item 2), added
from the command line by a logged-in administrator, with its notice, audited; the final-award
threshold follows it from its date."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from casemgr import db, settings
from casemgr.actor import Actor
from casemgr.cli import main
from casemgr.enums import Role
from casemgr.models import AuditEntry
from casemgr.workflow import final_award
from tests.helpers import CLI_PASSWORD, give_password

D = dt.date


@pytest.fixture
def site(
    database: db.Database, actors: dict[Role, Actor], db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    for role in Role:
        give_password(database, role.value)
    database.dispose()
    monkeypatch.setenv("CASEMGR_LANG", "en")
    monkeypatch.setenv("CASEMGR_PASSWORD", CLI_PASSWORD)
    return db_path


def _add(site: Path, *extra: str, user: str = "admin") -> list[str]:
    return ["--db", str(site), "settings", "minimum-wage", "add", *extra, "--user", user]


def test_an_administrator_adds_the_next_figure(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc = main(_add(site, "--amount", "1850", "--from", "2027-03-01", "--notice", "粤府函〔2027〕9号"))
    out = capsys.readouterr().out
    # 12 x 1,850 = 22,200.00
    assert rc == 0 and "1850.00" in out and "22200.00" in out and "2027-03-01" in out
    database = db.open_database(f"sqlite:///{site}")
    try:
        with database.read() as s:
            assert settings.get_decimal(s, "minimum_wage_monthly", D(2027, 2, 28)) == Decimal("1750.00")
            assert settings.get_decimal(s, "minimum_wage_monthly", D(2027, 3, 1)) == Decimal("1850.00")
            assert settings.get(s, "minimum_wage_notice", D(2027, 3, 1)) == "粤府函〔2027〕9号"
            entry = s.execute(
                select(AuditEntry).where(AuditEntry.entity_id == "minimum_wage_monthly@2027-03-01")
            ).scalar_one()
            assert entry.action == "setting.update" and entry.username == "admin"
            # the final-award threshold follows from that day, confirmed by the entered notice
            assert final_award.threshold_on(s, D(2027, 3, 1)) == (
                Decimal("1850.00"),
                Decimal("22200.00"),
                True,
            )
            assert final_award.threshold_on(s, D(2027, 2, 28))[1] == Decimal("21000.00")
    finally:
        database.dispose()
    assert main(["--db", str(site), "settings", "minimum-wage", "list"]) == 0
    listed = capsys.readouterr().out
    assert "2027-03-01\t1850.00\t粤府函〔2027〕9号\tentered" in listed
    assert "2025-03-01\t1750.00" in listed


@pytest.mark.parametrize(
    ("extra", "user", "message"),
    [
        (["--amount", "1850", "--from", "2027-03-01", "--notice", " "], "admin", "notice"),
        (
            ["--amount", "-5", "--from", "2027-03-01", "--notice", "粤府函"],
            "admin",
            "monthly minimum wage: must be a non-negative amount",
        ),
        (["--amount", "1850", "--from", "2027-02-30", "--notice", "粤府函"], "admin", "not a date"),
        (
            ["--amount", "1850", "--from", "2027-03-01", "--notice", "粤府函"],
            "supervisor",
            "may not change settings",
        ),
    ],
)
def test_bad_input_or_a_non_administrator_changes_nothing(
    site: Path, capsys: pytest.CaptureFixture[str], extra: list[str], user: str, message: str
) -> None:
    assert main(_add(site, *extra, user=user)) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    database = db.open_database(f"sqlite:///{site}")
    try:
        with database.read() as s:
            assert settings.get_decimal(s, "minimum_wage_monthly", D(2027, 3, 1)) == Decimal("1750.00")
    finally:
        database.dispose()
