"""Ledger export: real values, masking, no reporter, and the round trip through the importer."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from casemgr import db
from casemgr.actor import Actor
from casemgr.enums import CaseKind, Role
from casemgr.io.ledger_export import ExportFilter, export_cases
from casemgr.io.ledger_import import ImportOptions, import_ledger
from casemgr.models import AuditEntry, Case
from tests.conftest import make_user
from tests.helpers import make_id
from tests.test_import_ledger import TODAY, good_rows, write_csv


@pytest.fixture
def loaded(database: db.Database, actors: dict[Role, Actor], tmp_path: Path) -> db.Database:
    rows = good_rows()
    rows.append(
        ["汕劳人仲案字〔2026〕第0099号", "仲裁", "2026-08-01", "", "", "", "否", 1, "10", "",
         "'=HYPERLINK(\"x\")公司", "", "城区", "@陈", make_id(12)]
    )  # fmt: skip
    with database.write() as s:
        r = import_ledger(
            s, actors[Role.ADMIN], write_csv(tmp_path / "in.csv", rows, "utf-8"), ImportOptions(today=TODAY)
        )
    assert r.created == 5, r.rejections
    return database


def snapshot(database: db.Database) -> list[tuple[object, ...]]:
    with database.read() as s:
        return [
            (c.number, c.kind, c.status, c.received_on, c.accepted_on, c.closed_on, c.outcome, c.amount_claimed,
             c.amount_recovered, c.workers, c.migrant_worker, c.green_channel, c.district, c.complaint_type)
            for c in s.execute(select(Case).order_by(Case.number)).scalars()
        ]  # fmt: skip


def test_xlsx_has_real_values_frozen_header_and_widths(
    loaded: db.Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    out = tmp_path / "out.xlsx"
    res = export_cases(loaded, actors[Role.CLERK], out, ExportFilter(kind=CaseKind.ARBITRATION))
    assert res.rows == 3 and res.masked
    wb = openpyxl.load_workbook(out)
    ws = wb.active
    assert ws is not None
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["A"].width >= 20
    header = [c.value for c in ws[1]]
    first = {h: c for h, c in zip(header, ws[2], strict=True)}
    assert first["收案日期"].value == dt.datetime(2026, 3, 2) and first["收案日期"].is_date
    assert first["申请金额"].value == pytest.approx(8000.5) and "¥" in first["申请金额"].number_format
    assert first["涉及人数"].value == 1
    assert first["身份证号"].value == make_id(1)[:4] + "*" * 10 + make_id(1)[-4:]
    evil = {h: c for h, c in zip(header, ws[4], strict=True)}
    assert evil["用人单位"].data_type == "s" and evil["用人单位"].value.startswith("=HYPERLINK")
    with loaded.read() as s:
        entry = s.execute(select(AuditEntry).where(AuditEntry.action == "data.export")).scalar_one()
        assert '"rows":3' in (entry.after or "")


def test_date_range_filter(loaded: db.Database, actors: dict[Role, Actor], tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    f = ExportFilter(date_from=dt.date(2026, 3, 3), date_to=dt.date(2026, 5, 31))
    res = export_cases(loaded, actors[Role.SUPERVISOR], out, f)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert res.rows == len(rows) == 3
    assert {r["案号"] for r in rows} == {
        "汕劳人仲案字〔2026〕第0012号",
        "汕人社监字〔2026〕第0003号",
        "汕劳人调字〔2026〕第0004号",
    }


def test_csv_guards_formulas_and_hides_reporters(
    loaded: db.Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    out = tmp_path / "out.csv"
    export_cases(loaded, actors[Role.SUPERVISOR], out)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = {r["案号"]: r for r in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")))}
    assert rows["汕劳人仲案字〔2026〕第0099号"]["用人单位"].startswith("'=")
    assert rows["汕劳人仲案字〔2026〕第0099号"]["申请人"] == "'@陈"
    assert rows["汕劳人仲案字〔2026〕第0011号"]["身份证号"] == make_id(1)  # supervisors may export IDs
    assert rows["汕劳人仲案字〔2026〕第0011号"]["申请金额"] == "8000.50"


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_round_trip(
    loaded: db.Database, actors: dict[Role, Actor], tmp_path: Path, template_db: Path, suffix: str
) -> None:
    out = tmp_path / f"out{suffix}"
    assert export_cases(loaded, actors[Role.SUPERVISOR], out).rows == 5
    fresh_path = tmp_path / "fresh.db"
    fresh_path.write_bytes(template_db.read_bytes())
    fresh = db.open_database(f"sqlite:///{fresh_path}")
    admin = make_user(fresh, Role.ADMIN)
    try:
        with fresh.write() as s:
            r = import_ledger(s, admin, out, ImportOptions(today=TODAY))
        assert r.rejections == [] and r.created == 5
        assert snapshot(fresh) == snapshot(loaded)
        with fresh.read() as s:
            c = s.execute(select(Case).where(Case.number == "汕劳人仲案字〔2026〕第0011号")).scalar_one()
            assert c.amount_claimed == Decimal("8000.50")
    finally:
        fresh.dispose()


def test_masked_export_is_refused_on_reimport(
    loaded: db.Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    out = tmp_path / "masked.xlsx"
    export_cases(loaded, actors[Role.CLERK], out, ExportFilter(kind=CaseKind.ARBITRATION))
    with loaded.write() as s:
        s.execute(Case.__table__.delete())  # type: ignore[attr-defined]
    with loaded.write() as s:
        r = import_ledger(s, actors[Role.ADMIN], out, ImportOptions(today=TODAY))
    assert r.refused and any("脱敏" in p.reason for p in r.rejections)


def test_a_colleague_saves_during_an_export_without_waiting_and_the_file_is_one_snapshot(
    loaded: db.Database, actors: dict[Role, Actor], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The export held the write lock for its whole run (380,000 rows: a minute), so a
    colleague's save failed after the busy timeout. It now reads in a read transaction."""
    from casemgr.io import ledger_export
    from casemgr.services import cases
    from tests.helpers import case_input

    monkeypatch.setattr(ledger_export, "PAGE", 2)  # several pages, the save between two of them
    saved: list[str] = []

    def colleague_saves(n: int) -> None:
        if not saved:
            with loaded.write() as s:  # would wait 10 s and fail under the old write transaction
                saved.append(
                    cases.register_case(s, actors[Role.CLERK], case_input(CaseKind.ARBITRATION, n=77)).number
                )

    out = tmp_path / "out.csv"
    res = export_cases(loaded, actors[Role.SUPERVISOR], out, progress=colleague_saves)
    assert saved and res.rows == 5  # the case saved meanwhile is not half in the file
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert saved[0] not in {r["案号"] for r in rows} and len(rows) == 5
    with loaded.read() as s:
        assert s.execute(select(Case.id).where(Case.number == saved[0])).scalar_one()
        entry = s.execute(select(AuditEntry).where(AuditEntry.action == "data.export")).scalar_one()
        assert '"rows":5' in (entry.after or "")


def test_no_file_without_its_audit_entry(
    loaded: db.Database, actors: dict[Role, Actor], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from casemgr import audit
    from casemgr.errors import DatabaseError

    def locked(*_a: object, **_kw: object) -> None:
        raise DatabaseError("数据库忙。", "The database is busy.")

    monkeypatch.setattr(audit, "record", locked)
    out = tmp_path / "exports" / "out.xlsx"
    with pytest.raises(DatabaseError):
        export_cases(loaded, actors[Role.SUPERVISOR], out)
    assert list(out.parent.iterdir()) == []  # no export, no .partial
