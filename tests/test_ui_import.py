"""Importing a ledger from the app: options, progress off the GUI thread, cancel, refusals."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from casemgr import db
from casemgr.actor import Actor
from casemgr.enums import CaseKind, Role
from casemgr.io.ledger_import import ImportOptions
from tests.test_import_bulk import HEADER, TODAY, ledger, write_csv
from ui.app import AppContext
from ui.importer import ImportDialog, ImportView
from ui.pages import CaseListPage


@pytest.fixture
def ctx(qtbot: QtBot, database: db.Database, actors: dict[Role, Actor]) -> Iterator[AppContext]:
    c = AppContext(database, actors[Role.ADMIN], Role.ADMIN.value)
    yield c
    qtbot.waitUntil(lambda: c.runner.pending == 0, timeout=10_000)
    c.runner.wait_all()


def count(database: db.Database) -> int:
    with database.read() as s:
        return int(s.execute(text("SELECT count(*) FROM cases")).scalar() or 0)


def test_a_ledger_imported_from_the_app_is_written_and_summarised(
    qtbot: QtBot, tmp_path: Path, database: db.Database, ctx: AppContext
) -> None:
    path = write_csv(tmp_path / "台账.csv", ledger(), "utf-8", HEADER)
    view = ImportView(ctx, None, None)  # type: ignore[arg-type]
    with qtbot.waitSignal(view.done, timeout=30_000) as blocker:
        view.run(path, ImportOptions(today=TODAY))
        assert view.progress is not None  # shown while the worker imports
    result = blocker.args[0]
    assert result.created == len(ledger()) == count(database)
    assert view.progress is None and view.message is not None
    assert f"{len(ledger())} rows: {len(ledger())} created" in view.message.text()


def test_a_refused_ledger_writes_nothing_and_offers_the_report(
    qtbot: QtBot, tmp_path: Path, database: db.Database, ctx: AppContext
) -> None:
    rows = ledger()
    rows[3][2] = "2026-02-30"
    path = write_csv(tmp_path / "bad.csv", rows, "utf-8", HEADER)
    view = ImportView(ctx, CaseKind.ARBITRATION, None)  # type: ignore[arg-type]
    report = tmp_path / "bad-错误报告.xlsx"
    with qtbot.waitSignal(view.done, timeout=30_000) as blocker:
        view.run(path, ImportOptions(today=TODAY, report_path=report))
    result = blocker.args[0]
    assert result.refused and count(database) == 0 and report.exists()
    text_ = view.message.text()  # type: ignore[union-attr]
    assert "Nothing was imported" in text_ and "Row 5" in text_
    assert any(b.text() == "Open the report" for b in view.message.buttons())  # type: ignore[union-attr]


def test_cancelling_an_import_from_the_app_writes_nothing(
    qtbot: QtBot, tmp_path: Path, database: db.Database, ctx: AppContext
) -> None:
    path = write_csv(tmp_path / "l.csv", ledger(), "utf-8", HEADER)
    view = ImportView(ctx, None, None)  # type: ignore[arg-type]
    view.cancel()  # pressed before the first batch: the import stops at its first check
    with qtbot.waitSignal(view.failed, timeout=30_000) as blocker:
        view.run(path, ImportOptions(today=TODAY))
    assert "cancelled" in blocker.args[0]
    assert count(database) == 0


def test_the_dialog_needs_an_existing_file_and_builds_the_options(qtbot: QtBot, tmp_path: Path) -> None:
    dlg = ImportDialog(CaseKind.MEDIATION)
    qtbot.addWidget(dlg)
    dlg.path_edit.setText(str(tmp_path / "missing.xlsx"))
    dlg.import_button.click()
    assert dlg.result() == 0 and dlg.error_label.isVisibleTo(dlg)
    real = write_csv(tmp_path / "调解台账.csv", ledger()[:2], "utf-8", HEADER)
    dlg.path_edit.setText(str(real))
    dlg.partial.setChecked(True)
    dlg.import_button.click()
    assert dlg.result() == 1
    opts = dlg.options()
    assert opts.kind is CaseKind.MEDIATION and not opts.all_or_nothing and not opts.dry_run
    assert opts.report_path == tmp_path / "调解台账-错误报告.xlsx"
    dlg.kind_combo.setCurrentIndex(1)
    assert dlg.options().kind is None


@pytest.mark.parametrize("role", [Role.ADMIN, Role.AUDITOR])
def test_the_import_button_follows_the_role(
    qtbot: QtBot, database: db.Database, actors: dict[Role, Actor], role: Role
) -> None:
    c = AppContext(database, actors[role], role.value)
    page = CaseListPage(c, CaseKind.ARBITRATION)
    qtbot.addWidget(page)
    assert page.import_button.isVisibleTo(page) is (role is Role.ADMIN)
    qtbot.waitUntil(lambda: c.runner.pending == 0, timeout=10_000)
    c.runner.wait_all()


def test_a_check_only_run_says_what_would_be_imported_and_writes_nothing(
    qtbot: QtBot, tmp_path: Path, database: db.Database, ctx: AppContext
) -> None:
    path = write_csv(tmp_path / "l.csv", ledger(), "utf-8", HEADER)
    view = ImportView(ctx, None, None)  # type: ignore[arg-type]
    with qtbot.waitSignal(view.done, timeout=30_000):
        view.run(path, ImportOptions(today=TODAY, dry_run=True))
    n = len(ledger())
    assert count(database) == 0
    text_ = view.message.text()  # type: ignore[union-attr]
    assert f"{n} rows: {n} could be imported, 0 already on file" in text_
    assert "Check passed: nothing was written." in text_
    assert not view.cancel_requested.is_set()  # closing the progress dialog is not a cancel
