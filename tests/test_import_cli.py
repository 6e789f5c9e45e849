"""``casemgr import`` and ``casemgr export`` from the command line."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from sqlalchemy import func, select

from casemgr import auth, db
from casemgr.cli import main
from casemgr.models import Case
from tests.test_import_ledger import good_rows, write_csv

PASSWORD = "Casemgr-Test-2026!"


@pytest.fixture
def cli_db(database: db.Database, monkeypatch: pytest.MonkeyPatch) -> str:
    """The test database's URL (a SQLite file, or PostgreSQL in that run) with an administrator."""
    with database.write() as s:
        auth.create_initial_admin(s, "root", "管理员", PASSWORD)
    database.dispose()
    monkeypatch.setenv("CASEMGR_PASSWORD", PASSWORD)
    monkeypatch.setenv("CASEMGR_LANG", "zh")
    return database.url


def cases_in(url: str) -> int:
    database = db.open_database(url)
    try:
        with database.read() as s:
            return int(s.execute(select(func.count()).select_from(Case)).scalar_one())
    finally:
        database.dispose()


def test_dry_run_then_import_then_export(
    cli_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger = write_csv(tmp_path / "台账.csv", good_rows(), "gb18030")
    base = ["--db", cli_db]
    assert main([*base, "import", str(ledger), "--user", "root", "--dry-run"]) == 0
    assert "检查通过" in capsys.readouterr().out and cases_in(cli_db) == 0
    assert main([*base, "import", str(ledger), "--user", "root"]) == 0
    assert "新建 4" in capsys.readouterr().out and cases_in(cli_db) == 4
    out = tmp_path / "out.csv"
    assert main([*base, "export", "--kind", "仲裁", "--from", "2026-01-01", "--to", "2026-12-31",
                 "--out", str(out), "--user", "root"]) == 0  # fmt: skip
    assert "已导出 2 件" in capsys.readouterr().out
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [r["案件类型"] for r in rows] == ["仲裁", "仲裁"]


def test_rejected_file_exits_2_with_a_report(
    cli_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = good_rows()
    rows[2][2] = "去年"
    ledger = write_csv(tmp_path / "bad.csv", rows, "utf-8")
    assert main(["--db", cli_db, "import", str(ledger), "--user", "root"]) == 2
    out = capsys.readouterr().out
    assert "第4行 收案日期" in out and "未导入任何数据" in out
    assert (tmp_path / "bad-错误报告.xlsx").is_file() and cases_in(cli_db) == 0
    assert main(["--db", cli_db, "import", str(ledger), "--user", "root", "--partial"]) == 2
    assert cases_in(cli_db) == 3


def test_wrong_password_imports_nothing(
    cli_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CASEMGR_PASSWORD", "wrong")
    ledger = write_csv(tmp_path / "l.csv", good_rows(), "utf-8")
    assert main(["--db", cli_db, "import", str(ledger), "--user", "root"]) == 1
    assert cases_in(cli_db) == 0
