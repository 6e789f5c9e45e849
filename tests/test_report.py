"""The monthly report as PDF, xlsx and JSON from the command line (dataset: test_metrics_data)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from reportlab.platypus import LayoutError

from casemgr.cli import main
from casemgr.db import Database
from casemgr.enums import Role
from casemgr.metrics import report as mr
from casemgr.reports import fonts, monthly
from tests.conftest import make_user
from tests.helpers import CLI_PASSWORD, give_password
from tests.test_metrics_data import D, build_march_2026

TODAY = D(2026, 4, 10)
NOW = dt.datetime(2026, 4, 10, 1, 2, 3, tzinfo=dt.UTC)

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


@pytest.fixture
def data(database: Database, monkeypatch: pytest.MonkeyPatch) -> mr.ReportData:
    make_user(database, Role.SUPERVISOR, "sup")  # the CLI's log-in (casemgr report --user sup)
    give_password(database, "sup")
    monkeypatch.setenv("CASEMGR_PASSWORD", CLI_PASSWORD)
    with database.write() as s:
        build_march_2026(s)
    with database.read() as s:
        return mr.collect(s, 2026, 3, today=TODAY, now=NOW)


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


@needs_pdftotext
def test_pdf_gives_back_chinese_headings_and_the_figures(data: mr.ReportData, tmp_path: Path) -> None:
    path = tmp_path / "r.pdf"
    monthly.build_pdf(data, path, invariant=True)
    text = pdf_text(path)
    for expected in (
        "汕尾市人力资源和社会保障局",
        "统计月份：2026年3月",
        "调解成功率",
        "仲裁结案率",
        "举报投诉案件结案率",
        "本年累计",
        "40.00%",  # arbitration closure rate, March (2/5)
        "66.67%",  # inspection closure rate, YTD (2/3)
        "≥96.00%",
        "12,000.76",  # recovered in March
        "4415**********123X",  # masked ID in the overdue list
        "举报人（保密）",
        "生成时间：2026-04-10 09:02",  # UTC+8
    ):
        assert expected in text, expected
    # 仲裁终局与终结 and 调裁衔接 (issue 21) put the signatures on a third page.
    assert "第1页共3页" in "".join(text.split())  # pdftotext drops the spaces between CJK and digits
    assert "44150219850615123X" not in text
    assert "秘密举报人" not in text


@needs_pdftotext
def test_pdf_in_english(data: mr.ReportData, tmp_path: Path) -> None:
    path = tmp_path / "en.pdf"
    monthly.build_pdf(data, path, lang="en", invariant=True)
    text = pdf_text(path)
    for expected in ("Mediation success rate", "Year to date", "Page 1 of", "Month: 2026-03", "40.00%"):
        assert expected in text, expected


def test_pdf_is_deterministic_with_invariant_and_embeds_a_subset_font(data: mr.ReportData) -> None:
    a = monthly.pdf_bytes(data, invariant=True)
    b = monthly.pdf_bytes(data, invariant=True)
    assert a == b
    assert a.startswith(b"%PDF")
    if fonts.cjk_font().embedded:
        assert b"/FontFile2" in a  # TrueType program embedded (ReportLab subsets it)


def test_a_closed_month_prints_its_closing_note(data: mr.ReportData, tmp_path: Path) -> None:
    closed = dataclasses.replace(
        data,
        closure=mr.Closure(
            closed_at=NOW,
            closed_by="科长",
            corrections=(mr.Correction("arbitration.closed", 2, 3),),
            changed_cases=("TEST-1",),
            changed_cases_total=1,
        ),
    )
    path = tmp_path / "c.pdf"
    monthly.build_pdf(closed, path, invariant=True)
    if shutil.which("pdftotext"):
        text = pdf_text(path)
        assert "由 科长 关账" in text and "arbitration.closed" in text and "(3)" in text


def test_layout_error_becomes_a_known_error(data: mr.ReportData, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise LayoutError("Flowable too large")

    monkeypatch.setattr(monthly.SimpleDocTemplate, "build", boom)
    with pytest.raises(monthly.ReportError) as exc:
        monthly.pdf_bytes(data)
    assert exc.value.code == "report_layout" and "排版" in exc.value.zh


def test_xlsx_has_the_figures(data: mr.ReportData, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "r.xlsx"
    monthly.build_xlsx(data, path)
    wb = load_workbook(path)
    ws = wb["主要指标"]
    rows = {r[0]: r for r in ws.iter_rows(values_only=True) if r and r[0]}
    assert rows["仲裁结案率"][1:4] == (2, 5, 0.4)
    assert rows["追回金额（元）"][1:3] == (12000.76, 12300.76)


def test_cli_writes_json_and_refuses_a_bad_month(
    data: mr.ReportData, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.json"
    rc = main(
        [
            "--db",
            str(db_path),
            "report",
            "--month",
            "2026-03",
            "--out",
            str(out),
            "--today",
            "2026-04-10",
            "--user",
            "sup",
        ]
    )
    assert rc == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert (doc["arbitration"]["closure_rate"], doc["year_to_date"]["inspection"]["closure_rate"]) == (
        0.4,
        0.6667,
    )
    assert doc["arrears"]["recovered_yuan"] == "12000.76"
    rc = main(["--db", str(db_path), "report", "--month", "2026/03", "--out", str(out), "--user", "sup"])
    assert rc == 1
    assert "YYYY-MM" in capsys.readouterr().err


def test_cli_pdf_for_one_district(data: mr.ReportData, db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "h.pdf"
    rc = main(
        [
            "--db",
            str(db_path),
            "report",
            "--month",
            "2026-03",
            "--district",
            "海丰县",
            "--out",
            str(out),
            "--lang",
            "zh",
            "--user",
            "sup",
        ]
    )
    assert rc == 0 and out.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        assert "区县：海丰县" in pdf_text(out)


def _month_misses_year_meets(data: mr.ReportData) -> mr.ReportData:
    """Arbitration: 1 of 10 closed this month (10 %), 19 of 20 in the year (95 % ≥ 90 %);
    overdue 7 this month, 11 in the year (distinct, so a swapped column shows)."""
    from decimal import Decimal

    from casemgr.metrics.indicators import Ratio

    target = Decimal("0.90")
    month = dataclasses.replace(data.figures, arbitration=Ratio(1, 10, target), overdue=7)
    ytd = dataclasses.replace(data.year_to_date, arbitration=Ratio(19, 20, target), overdue=11)
    return dataclasses.replace(data, figures=month, year_to_date=ytd)


@needs_pdftotext
def test_targets_are_judged_on_the_year_to_date_and_the_pdf_is_signed(
    data: mr.ReportData, tmp_path: Path
) -> None:
    """Issue 15: monthly closure rates were judged against the plan's annual targets, so a
    normal month read 否 everywhere; the printed return had no signature block."""
    path = tmp_path / "r.pdf"
    monthly.build_pdf(_month_misses_year_meets(data), path, invariant=True)
    text = pdf_text(path)
    row = next(line for line in text.splitlines() if "仲裁结案率" in line and "%" in line)
    assert "10.00%" in row and "95.00%" in row and "≥90.00%" in row
    assert row.split()[-1] == "是", row  # one judgement, on the year to date
    assert "否" not in row
    flat = "".join(text.split())
    for words in (
        "达标（本年累计）",
        "年度目标",
        "按本年累计判断",
        "单位负责人：",
        "审核：",
        "制表：",
        "报出日期：",
    ):
        assert words in flat, words


def test_xlsx_judges_the_year_and_counts_overdue_per_period(data: mr.ReportData, tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "r.xlsx"
    monthly.build_xlsx(_month_misses_year_meets(data), path, lang="zh")
    rows = [list(r) for r in openpyxl.load_workbook(path).worksheets[0].iter_rows(values_only=True)]
    arb = next(r for r in rows if r and r[0] == "仲裁结案率")
    assert arb[-1] == "是"
    overdue = next(r for r in rows if r and r[0] == "超期未结案件")
    assert overdue[1:3] == [7, 11]  # the year-to-date column showed the month's figure
    assert any(r and r[0] == "单位负责人：" for r in rows)


def test_cli_report_needs_a_user_who_may_generate_reports(
    data: mr.ReportData,
    database: Database,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Issue 13 part A: `casemgr report` needed no log-in, and the report service checked no
    permission; a mediator (no report.generate) and a wrong password now get nothing."""
    out = tmp_path / "r.json"
    with pytest.raises(SystemExit):  # no --user: argparse refuses
        main(["--db", str(db_path), "report", "--month", "2026-03", "--out", str(out)])
    make_user(database, Role.MEDIATOR, "med")
    give_password(database, "med")
    assert (
        main(["--db", str(db_path), "report", "--month", "2026-03", "--out", str(out), "--user", "med"]) == 1
    )
    assert not out.exists()
    monkeypatch.setenv("CASEMGR_PASSWORD", "wrong-password-1")
    assert (
        main(["--db", str(db_path), "report", "--month", "2026-03", "--out", str(out), "--user", "sup"]) == 1
    )
    assert not out.exists()
    capsys.readouterr()
