"""The command line's log-in (issue 13 finding 4): every command that writes, exports or manages
users needs one, honours "must change password", reads the password from a terminal or
``CASEMGR_PASSWORD``, says so in ``--help``, and never dies with a traceback without a terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from casemgr import auth, db
from casemgr.actor import Actor
from casemgr.cli import _login, build_parser, main
from casemgr.enums import Role
from casemgr.models import AuditEntry, MonthClosure, User
from tests.helpers import CLI_PASSWORD, give_password

ROOT = Path(__file__).resolve().parent.parent


def _audit_count(db_path: Path) -> int:
    database = db.open_database(f"sqlite:///{db_path}")
    try:
        with database.read() as s:
            return int(s.execute(select(func.count()).select_from(AuditEntry)).scalar_one())
    finally:
        database.dispose()


@pytest.fixture
def site(
    database: db.Database, actors: dict[Role, Actor], db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every role can log in with CLI_PASSWORD; English messages; the file is free for the CLI."""
    for role in Role:
        give_password(database, role.value)
    database.dispose()
    monkeypatch.setenv("CASEMGR_LANG", "en")
    monkeypatch.setenv("CASEMGR_PASSWORD", CLI_PASSWORD)
    return db_path


def _commands(tmp_path: Path) -> dict[str, list[str]]:
    ledger = tmp_path / "ledger.csv"
    ledger.write_text("案号,案件类型,收案日期\n", encoding="utf-8")
    cal = tmp_path / "cal.csv"
    cal.write_text("date,type\n2027-01-01,holiday\n", encoding="utf-8")
    return {
        "import": ["import", str(ledger), "--dry-run"],
        "export": ["export", "--out", str(tmp_path / "out.xlsx")],
        "calendar import": ["calendar", "import", str(cal)],
        "report": ["report", "--month", "2026-10", "--out", str(tmp_path / "r.json")],
        "month close": ["month", "close", "--month", "2026-10"],
        "backup": ["backup", "--out", str(tmp_path / "copy.db")],
        "backup --auto": ["backup", "--auto", "--dir", str(tmp_path / "auto")],
        "sweep": ["sweep"],
        "demo (users exist)": ["demo", "--cases", "1"],
        "user create": ["user", "create", "newbie", "--role", "clerk"],
        "user list": ["user", "list"],
        "minimum wage add": [
            "settings",
            "minimum-wage",
            "add",
            "--amount",
            "1850",
            "--from",
            "2027-03-01",
            "--notice",
            "粤府函〔2027〕1号",
        ],
        "restore (database opens)": ["restore", str(tmp_path / "copy.db")],
    }


#: Who may run each command (a role the matrix allows), for the positive checks.
RUNS_AS = {
    "import": "supervisor",
    "export": "supervisor",
    "calendar import": "admin",
    "report": "supervisor",
    "month close": "supervisor",
    "backup": "admin",
    "backup --auto": "admin",
    "sweep": "inspector",
    "demo (users exist)": "admin",
    "user create": "admin",
    "user list": "admin",
    "minimum wage add": "admin",
}


@pytest.mark.parametrize(
    "command",
    list(_commands(Path("/tmp")).keys()),
)
def test_every_writing_command_refuses_without_a_log_in(
    site: Path, tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--db", str(site), *_commands(tmp_path)[command]]
    before = _audit_count(site)
    try:
        rc = main(argv)
    except SystemExit as exc:  # argparse: --user is a required option there
        rc = int(exc.code or 0)
        assert "--user" in capsys.readouterr().err
    else:
        assert "log-in is required" in capsys.readouterr().err
    assert rc != 0
    assert _audit_count(site) == before  # nothing done, nothing recorded
    assert not (tmp_path / "copy.db").exists() and not (tmp_path / "out.xlsx").exists()
    assert not (tmp_path / "r.json").exists()


@pytest.mark.parametrize("command", list(RUNS_AS))
def test_with_a_log_in_they_run_and_a_wrong_password_is_refused(
    site: Path,
    tmp_path: Path,
    command: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    argv = ["--db", str(site), *_commands(tmp_path)[command], "--user", RUNS_AS[command]]
    monkeypatch.setenv("CASEMGR_PASSWORD", "Wrong-pass-2026")
    monkeypatch.setenv("CASEMGR_NEW_PASSWORD", "Fresh-staff-pass-2026")
    assert main(argv) == 1
    assert "Wrong user name or password" in capsys.readouterr().err
    monkeypatch.setenv("CASEMGR_PASSWORD", CLI_PASSWORD)
    rc = main(argv)
    err = capsys.readouterr().err
    assert rc in (0, 2), err  # import's dry run of a ledger without rows may report it (2)


def test_report_needs_a_role_that_may_generate_reports(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.json"
    argv = ["--db", str(site), "report", "--month", "2026-10", "--out", str(out)]
    assert main([*argv, "--user", "clerk"]) == 1
    assert "may not generate reports" in capsys.readouterr().err and not out.exists()
    assert main([*argv, "--user", "auditor"]) == 0 and out.exists()


def test_month_close_honours_casemgr_password(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """It used to ask getpass whatever the environment said (finding 4)."""
    monkeypatch.setattr(_login, "is_terminal", lambda: False)
    assert main(["--db", str(site), "month", "close", "--month", "2026-10", "--user", "supervisor"]) == 0
    database = db.open_database(f"sqlite:///{site}")
    try:
        with database.read() as s:
            assert s.execute(select(func.count()).select_from(MonthClosure)).scalar_one() == 1
    finally:
        database.dispose()


def test_must_change_password_is_refused_without_a_terminal(
    site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    database = db.open_database(f"sqlite:///{site}")
    give_password(database, "supervisor", must_change=True)
    database.dispose()
    monkeypatch.setattr(_login, "is_terminal", lambda: False)
    before = _audit_count(site)
    assert main(["--db", str(site), "month", "close", "--month", "2026-10", "--user", "supervisor"]) == 1
    err = capsys.readouterr().err
    assert "must be changed" in err and "terminal" in err and "desktop" in err
    database = db.open_database(f"sqlite:///{site}")
    try:
        with database.read() as s:
            assert not s.execute(select(func.count()).select_from(MonthClosure)).scalar_one()
            actions = s.execute(select(AuditEntry.action).order_by(AuditEntry.id.desc())).scalars().all()
    finally:
        database.dispose()
    assert "month.close" not in actions and _audit_count(site) == before + 1  # only the log-in


def test_must_change_password_is_changed_on_a_terminal(
    site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    database = db.open_database(f"sqlite:///{site}")
    give_password(database, "supervisor", must_change=True)
    database.dispose()
    monkeypatch.delenv("CASEMGR_PASSWORD")
    typed = iter([CLI_PASSWORD, "Brand-new-pass-2026", "Brand-new-pass-2026"])
    prompts: list[str] = []

    def fake_getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return next(typed)

    monkeypatch.setattr(_login, "is_terminal", lambda: True)
    monkeypatch.setattr(_login.getpass, "getpass", fake_getpass)
    assert main(["--db", str(site), "month", "close", "--month", "2026-10", "--user", "supervisor"]) == 0
    assert len(prompts) == 3 and "new password" in prompts[1]
    database = db.open_database(f"sqlite:///{site}")
    try:
        with database.write() as s:
            u = s.execute(select(User).where(User.username == "supervisor")).scalar_one()
            assert not u.must_change_password
            assert auth.verify_password("Brand-new-pass-2026", u.password_hash)
            assert s.execute(select(func.count()).select_from(MonthClosure)).scalar_one() == 1
            actions = list(s.execute(select(AuditEntry.action).order_by(AuditEntry.id)).scalars())
    finally:
        database.dispose()
    assert actions[-3:] == ["auth.login", "auth.change_password", "month.close"]


def test_a_weak_new_password_on_the_terminal_is_refused_cleanly(
    site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    database = db.open_database(f"sqlite:///{site}")
    give_password(database, "supervisor", must_change=True)
    database.dispose()
    typed = iter(["Password12", "Password12"])
    monkeypatch.setattr(_login, "is_terminal", lambda: True)
    monkeypatch.setattr(_login.getpass, "getpass", lambda prompt="": next(typed))
    assert main(["--db", str(site), "month", "close", "--month", "2026-10", "--user", "supervisor"]) == 1
    assert "too common" in capsys.readouterr().err


def test_no_terminal_and_no_casemgr_password_gives_a_message_not_a_traceback(site: Path) -> None:
    """A real process with its standard input closed (a cron job, a pipe): getpass used to die."""
    env = {k: v for k, v in os.environ.items() if k != "CASEMGR_PASSWORD"}
    env["CASEMGR_LANG"] = "en"
    for argv in (
        ["month", "close", "--month", "2026-10", "--user", "supervisor"],
        ["report", "--month", "2026-10", "--out", "-", "--user", "supervisor"],
        ["user", "list", "--user", "admin"],
    ):
        proc = subprocess.run(
            [sys.executable, "-m", "casemgr", "--db", str(site), *argv],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=120,
        )
        assert proc.returncode == 1, proc.stderr
        assert "Traceback" not in proc.stderr and "EOFError" not in proc.stderr
        assert "CASEMGR_PASSWORD" in proc.stderr


def test_help_documents_casemgr_password_for_every_command_that_logs_in() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name in ("import", "export", "report", "month", "backup", "restore", "sweep", "demo", "user"):
        text = sub.choices[name].format_help()  # type: ignore[index]
        assert "CASEMGR_PASSWORD" in text and "--user" in text, name
    cal = sub.choices["calendar"]  # type: ignore[index]
    cal_sub = next(a for a in cal._actions if a.dest == "calendar_action")
    assert "CASEMGR_PASSWORD" in cal_sub.choices["import"].format_help()
    st = sub.choices["settings"]  # type: ignore[index]
    mw = next(a for a in st._actions if a.dest == "settings_what").choices["minimum-wage"]
    add = next(a for a in mw._actions if a.dest == "minimum_wage_action").choices["add"]
    assert "CASEMGR_PASSWORD" in add.format_help() and "--user" in add.format_help()


def test_readme_documents_casemgr_password() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "CASEMGR_PASSWORD" in text and "script" in text.lower()
