"""Export of the current list view: the list's filters and search, off the GUI thread, masked IDs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from pytestqt.qtbot import QtBot

from casemgr import db, permissions
from casemgr.actor import Actor
from casemgr.enums import CaseKind, Role
from casemgr.services import cases
from tests.helpers import TODAY, case_input
from ui.app import AppContext
from ui.export import ExportView
from ui.pages import CaseListPage


@pytest.fixture(params=[Role.SUPERVISOR, Role.CLERK])
def ctx(
    request: pytest.FixtureRequest, qtbot: QtBot, database: db.Database, actors: dict[Role, Actor]
) -> Iterator[AppContext]:
    c = AppContext(database, actors[request.param], request.param.value)
    yield c
    qtbot.waitUntil(lambda: c.runner.pending == 0, timeout=10_000)
    c.runner.wait_all()


def test_export_writes_exactly_the_searched_list(
    qtbot: QtBot, tmp_path: Path, database: db.Database, actors: dict[Role, Actor], ctx: AppContext
) -> None:
    today = TODAY
    for n in range(1, 4):
        with database.write() as s:
            cases.register_case(
                s, actors[Role.CLERK], case_input(CaseKind.ARBITRATION, n=n, received_on=today), today=today
            )
    page = CaseListPage(ctx, CaseKind.ARBITRATION)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.total == 3, timeout=10_000)
    page.search.setText("工人2")
    page.apply()
    qtbot.waitUntil(lambda: page.model.total == 1, timeout=10_000)

    export = ExportView(ctx, page.model.query, page)
    out = tmp_path / "list.xlsx"
    with qtbot.waitSignal(export.done, timeout=20_000) as blocker:
        export.run(out)
    result = blocker.args[0]
    assert result.rows == 1 and Path(result.path) == out
    ws = openpyxl.load_workbook(out).active
    rows = list(ws.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert len(body) == 1
    record = dict(zip(header, body[0], strict=False))
    assert record["申请人"] == "工人2-0"
    allowed = permissions.allowed(ctx.actor, "personal_data.export", CaseKind.ARBITRATION)
    assert result.masked is (not allowed)
    assert ("*" in str(record["身份证号"])) is (not allowed)
    assert allowed is (ctx.actor.role == Role.SUPERVISOR)
    assert export.progress is None  # the progress dialog is gone
    assert export.message is not None and "1" in export.message.text()
