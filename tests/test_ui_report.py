"""The report page: preview from services.months.report_data, then PDF / JSON / xlsx."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from casemgr import db
from casemgr.actor import Actor
from casemgr.enums import CaseKind, Role
from casemgr.services import cases
from tests.helpers import case_input
from ui.app import AppContext
from ui.reportpage import ReportPage


def context(qtbot: QtBot, database: db.Database, actor: Actor) -> Iterator[AppContext]:
    c = AppContext(database, actor, actor.username)
    yield c
    qtbot.waitUntil(lambda: c.runner.pending == 0, timeout=20_000)
    c.runner.wait_all()


@pytest.fixture
def page(qtbot: QtBot, database: db.Database, actors: dict[Role, Actor]) -> Iterator[ReportPage]:
    received = dt.date(2026, 10, 12)
    for n in range(1, 4):
        with database.write() as s:
            cases.register_case(
                s,
                actors[Role.CLERK],
                case_input(CaseKind.ARBITRATION, n=n, received_on=received),
                today=received,
            )
    for ctx in context(qtbot, database, actors[Role.SUPERVISOR]):
        p = ReportPage(ctx)
        qtbot.addWidget(p)
        p.month.setDate(QDate(2026, 10, 1))
        yield p


def test_preview_shows_the_figures(qtbot: QtBot, page: ReportPage) -> None:
    with qtbot.waitSignal(page.previewed, timeout=20_000) as blocker:
        page.preview()
    data = blocker.args[0]
    assert data.month == "2026-10"
    arb = next(k for k in data.by_kind if k.kind == "arbitration")
    text = page.view.toPlainText()
    assert "Mediation success rate" in text and "2026-10" in text
    assert arb.overdue == 3  # the three acceptance clocks ran out in October
    html = page.preview_html(data)
    row = html[html.index("<td>Arbitration</td>") :].split("</tr>")[0]
    assert "<td align='right'>3</td>" in row


@pytest.mark.parametrize("suffix", [".pdf", ".json", ".xlsx"])
def test_save_each_format(qtbot: QtBot, tmp_path: Path, page: ReportPage, suffix: str) -> None:
    out = tmp_path / f"report{suffix}"
    with qtbot.waitSignal(page.saved, timeout=60_000):
        page.save(out)
    assert out.exists() and page.open_button.isEnabled() and page.last_file == out
    if suffix == ".pdf":
        assert out.read_bytes().startswith(b"%PDF")
    elif suffix == ".json":
        doc = json.loads(out.read_text(encoding="utf-8"))
        assert "2026-10" in json.dumps(doc)
    else:
        assert openpyxl.load_workbook(out).sheetnames


def test_roles_without_reports_cannot_start_one(
    qtbot: QtBot, database: db.Database, actors: dict[Role, Actor]
) -> None:
    for ctx in context(qtbot, database, actors[Role.CLERK]):
        p = ReportPage(ctx)
        qtbot.addWidget(p)
        assert not p.preview_button.isEnabled() and not p.save_button.isEnabled()
        assert p.status.text()
