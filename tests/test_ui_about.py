"""Settings → General: the About box (version, both schema revisions) and this computer's report font."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from casemgr import db, runtime
from casemgr.actor import Actor
from casemgr.enums import Role
from casemgr.reports import fonts
from ui import about
from ui.app import REPORT_FONT_KEY, AppContext
from ui.settingspage import SettingsPage


@pytest.fixture
def ctx(qtbot: QtBot, database: db.Database, actors: dict[Role, Actor]) -> Iterator[AppContext]:
    c = AppContext(database, actors[Role.CLERK], "书记员")
    yield c
    qtbot.waitUntil(lambda: c.runner.pending == 0, timeout=10_000)
    c.runner.wait_all()
    fonts.configure(None)


def test_about_names_the_version_and_both_schema_revisions(qtbot: QtBot, ctx: AppContext) -> None:
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    about.show_about(ctx, page)
    qtbot.waitUntil(lambda: getattr(about.show_about, "last", None) is not None, timeout=10_000)
    box = about.show_about.last  # type: ignore[attr-defined]
    assert isinstance(box, QMessageBox)
    text = box.text()
    assert runtime.version() in text
    assert text.count(db.head_revision()) == 2  # the program's and the open database's
    assert fonts.cjk_font().path in text and "Apache" in text
    box.close()


def test_old_database_shows_its_own_revision(ctx: AppContext) -> None:
    assert f"<td>{db.head_revision()}</td>" in about.about_text(ctx, db.head_revision())
    assert "<td>0001</td>" in about.about_text(ctx, "0001")


def test_a_bureau_font_is_kept_per_computer_and_a_bad_one_refused(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    assert "WenQuanYi" in page.report_font.text()
    bad = tmp_path / "思源宋体.otf"
    bad.write_bytes(b"OTTO" + bytes(100))
    assert not page.set_report_font(str(bad))
    assert "TrueType" in page.report_font_note.text() and not page.report_font_note.isHidden()
    assert QSettings().value(REPORT_FONT_KEY, "", str) == ""
    assert fonts.cjk_font().path == str(fonts.bundled_font())

    own = tmp_path / "仿宋 #局.ttc"
    own.write_bytes(fonts.bundled_font().read_bytes())
    assert page.set_report_font(str(own))
    assert QSettings().value(REPORT_FONT_KEY, "", str) == str(own)
    assert fonts.cjk_font().path == str(own) and page.report_font.text() == str(own)
    assert page.report_font_note.isHidden()

    assert page.set_report_font(None)
    assert fonts.cjk_font().path == str(fonts.bundled_font())
