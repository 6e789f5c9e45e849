"""Calendar import: next year's notice as date,type lines (CSV or JSON), and the covered years."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from casemgr import db
from casemgr.actor import Actor
from casemgr.cli import main
from casemgr.deadlines import calendar as cal_mod
from casemgr.enums import Role
from casemgr.errors import CalendarError, PermissionDenied, ValidationError
from casemgr.io.calendar_import import coverage, import_calendar
from casemgr.models import AuditEntry, CalendarOverride

NEXT = max(cal_mod.PACKAGE_YEARS) + 1  # a year the package does not know yet

CSV_TEXT = f"""date,type
{NEXT}-01-01,holiday
{NEXT}-01-02,holiday
# a comment line
{NEXT}-02-06,workday
{NEXT}年10月1日,holiday
"""


def overrides(database: db.Database) -> dict[dt.date, str]:
    with database.read() as s:
        return {d: t for d, t in s.execute(select(CalendarOverride.day, CalendarOverride.day_type))}


def test_csv_import_makes_the_year_countable_and_is_idempotent(
    database: db.Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    path = tmp_path / "next.csv"
    path.write_text(CSV_TEXT, encoding="gbk")
    with database.read() as s:
        with pytest.raises(CalendarError):
            cal_mod.calendar_for(s).is_working_day(dt.date(NEXT, 3, 3))
    with database.write() as s:
        r = import_calendar(s, actors[Role.ADMIN], path)
        assert (r.days, r.added, r.changed) == (4, 4, 0) and r.years == [NEXT]
        cal = cal_mod.calendar_for(s)  # the cache was dropped: the new days count at once
        assert not cal.is_working_day(dt.date(NEXT, 1, 1))
    assert overrides(database)[dt.date(NEXT, 10, 1)] == "holiday"
    with database.read() as s:
        cal = cal_mod.calendar_for(s)
        assert cal.covers(NEXT)
        assert cal.is_working_day(dt.date(NEXT, 2, 6))
        years = {c.year: c for c in coverage(s)}
        assert years[NEXT].source == "overrides" and (years[NEXT].holidays, years[NEXT].workdays) == (3, 1)
    with database.write() as s:
        again = import_calendar(s, actors[Role.ADMIN], path)
        assert (again.added, again.changed, again.unchanged) == (0, 0, 4)
    with database.read() as s:
        assert (
            s.execute(
                select(func.count())
                .select_from(AuditEntry)
                .where(AuditEntry.action == "calendar.import_year")
            ).scalar_one()
            == 1
        )


def test_json_import_replaces_the_year(
    database: db.Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    (tmp_path / "a.csv").write_text(CSV_TEXT, encoding="utf-8")
    with database.write() as s:
        import_calendar(s, actors[Role.ADMIN], tmp_path / "a.csv")
    doc = [
        {"date": f"{NEXT}-01-02", "type": "workday", "note": "更正"},
        {"date": f"{NEXT}-05-01", "type": "holiday"},
    ]
    (tmp_path / "b.json").write_text(json.dumps(doc), encoding="utf-8")
    with database.write() as s:
        r = import_calendar(s, actors[Role.ADMIN], tmp_path / "b.json")
    assert (r.added, r.changed, r.removed) == (1, 1, 3)
    # a file is the year's whole notice: the year's days not in it are gone
    assert overrides(database) == {dt.date(NEXT, 1, 2): "workday", dt.date(NEXT, 5, 1): "holiday"}
    (tmp_path / "c.json").write_text(json.dumps({f"{NEXT}-06-01": "holiday"}), encoding="utf-8")
    with database.write() as s:
        assert import_calendar(s, actors[Role.ADMIN], tmp_path / "c.json").added == 1


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (f"{NEXT}-01-01,holiday\n{NEXT}-02-30,holiday\n", 2),
        (f"{NEXT}-01-01,vacation\n", 1),
        (f"{NEXT}-01-01,holiday\n{NEXT}-01-01,workday\n", 2),
        (f"{NEXT}-01-01\n", 1),
    ],
)
def test_bad_file_writes_nothing(
    database: db.Database, actors: dict[Role, Actor], tmp_path: Path, text: str, line: int
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError) as exc, database.write() as s:
        import_calendar(s, actors[Role.ADMIN], path)
    assert f"第{line}行" in exc.value.zh
    assert overrides(database) == {}


def test_only_administrators(database: db.Database, actors: dict[Role, Actor], tmp_path: Path) -> None:
    path = tmp_path / "next.csv"
    path.write_text(CSV_TEXT, encoding="utf-8")
    with pytest.raises(PermissionDenied), database.write() as s:
        import_calendar(s, actors[Role.CLERK], path)


def test_cli_import_and_years(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from casemgr import auth

    database = db.open_database(f"sqlite:///{db_path}")
    with database.write() as s:
        auth.create_initial_admin(s, "root", "管理员", "Casemgr-Test-2026!")
    database.dispose()
    monkeypatch.setenv("CASEMGR_PASSWORD", "Casemgr-Test-2026!")
    monkeypatch.setenv("CASEMGR_LANG", "zh")
    path = tmp_path / "next.csv"
    path.write_text(CSV_TEXT, encoding="utf-8")
    assert main(["--db", str(db_path), "calendar", "import", str(path), "--user", "root"]) == 0
    assert "新增 4" in capsys.readouterr().out
    assert main(["--db", str(db_path), "calendar", "years"]) == 0
    out = capsys.readouterr().out
    assert f"{NEXT}  管理员导入" in out and f"{NEXT - 1}  程序自带" in out
