"""The dashboard shows the deadline engine's board (one definition), provisional dates included."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from casemgr import db, queries
from casemgr.actor import Actor
from casemgr.deadlines import board as board_mod
from casemgr.enums import CaseKind, Role
from casemgr.services import cases
from casemgr.services import workflow as wf
from tests.helpers import TODAY, case_input
from ui import i18n
from ui.app import AppContext
from ui.casefile import CaseFileWindow
from ui.models import BoardTableModel
from ui.pages import DashboardPage


@pytest.fixture
def ctx(qtbot: QtBot, database: db.Database, actors: dict[Role, Actor]) -> Iterator[AppContext]:
    c = AppContext(database, actors[Role.SUPERVISOR], "supervisor")
    yield c
    qtbot.waitUntil(lambda: c.runner.pending == 0, timeout=10_000)
    c.runner.wait_all()


def accepted(database: db.Database, actor: Actor, n: int, received_on: dt.date) -> int:
    with database.write() as s:
        cid = cases.register_case(
            s, actor, case_input(CaseKind.ARBITRATION, n=n, received_on=received_on), today=received_on
        ).id
    with database.write() as s:
        wf.apply_transition(s, actor, cid, "accept", {}, expected_version=None, on=received_on)
    return cid


def test_adapter_returns_exactly_the_engine_sections(
    database: db.Database, actors: dict[Role, Actor]
) -> None:
    clerk = actors[Role.CLERK]
    today = TODAY
    for n in range(1, 4):
        register_on = today - dt.timedelta(days=10 * n)
        with database.write() as s:
            cases.register_case(
                s, clerk, case_input(CaseKind.ARBITRATION, n=n, received_on=register_on), today=register_on
            )
    accepted(database, clerk, 9, today)
    with database.read() as s:
        engine = board_mod.board(s, today=today)
        ui = queries.deadline_board(s, today=today)
    for name in queries.BOARD_SECTIONS:
        section = getattr(engine, name)
        assert ui.counts[name] == section.count, name
        assert [(e.case_id, e.deadline_id, e.due_on) for e in getattr(ui, name)] == [
            (r.case_id, r.deadline_id, r.due_on) for r in section.rows
        ], name
    assert ui.counts["overdue"] >= 1  # the 5-day acceptance clocks of the older cases ran out
    # Display columns come along for the same rows.
    row = ui.overdue[0]
    assert row.worker_name and row.working_days_left is not None and row.working_days_left < 0


def test_cap_keeps_exact_counts(database: db.Database, actors: dict[Role, Actor]) -> None:
    clerk = actors[Role.CLERK]
    old = TODAY - dt.timedelta(days=30)
    for n in range(1, 4):
        with database.write() as s:
            cases.register_case(s, clerk, case_input(CaseKind.ARBITRATION, n=n, received_on=old), today=old)
    with database.read() as s:
        capped = queries.deadline_board(s, cap=0)
        full = queries.deadline_board(s)
    assert capped.overdue == () and capped.counts["overdue"] == full.counts["overdue"] >= 3
    assert len(full.overdue) == full.counts["overdue"]


def test_dashboard_reads_badges_for_all_and_rows_for_the_tab_on_screen(
    qtbot: QtBot, database: db.Database, actors: dict[Role, Actor], ctx: AppContext
) -> None:
    """At a city's scale the badges stop counting ("99+") and only the tab on screen reads
    its rows; another tab's rows come when it is opened, the badges with them."""
    clerk = actors[Role.CLERK]
    old = TODAY - dt.timedelta(days=30)
    for n in range(1, 5):
        with database.write() as s:
            cases.register_case(s, clerk, case_input(CaseKind.ARBITRATION, n=n, received_on=old), today=old)
    DashboardPage.BADGE_LIMIT = 2
    try:
        page = DashboardPage(ctx)
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda: page.board is not None, timeout=10_000)
    finally:
        DashboardPage.BADGE_LIMIT = 99
    assert page.board is not None
    overdue = queries.BOARD_SECTIONS.index("overdue")
    assert page.tabs.currentIndex() == overdue and page.board.loaded == ("overdue",)
    assert "(2+)" in page.tabs.tabText(overdue) and "2+" in page.cards["overdue"].text()
    assert page.models["overdue"].rowCount() >= 1
    assert page.models["green_channel"].rowCount() == 0  # not read yet
    assert page.board.counts["green_channel"] >= 1  # but counted
    page.cards["green_channel"].click()
    qtbot.waitUntil(lambda: page.models["green_channel"].rowCount() >= 1, timeout=10_000)
    assert page.board.loaded == ("green_channel",)
    assert page.models["overdue"].rowCount() >= 1  # kept: it belongs to the same refresh
    page.refresh()  # a change elsewhere: the tab on screen is read again, the others later
    qtbot.waitUntil(lambda: ctx.runner.pending == 0, timeout=10_000)
    assert page.models["overdue"].rowCount() == 0 and page.models["green_channel"].rowCount() >= 1


def test_provisional_due_date_on_the_board_and_in_the_case_file(
    qtbot: QtBot, qtmodeltester: object, database: db.Database, actors: dict[Role, Actor], ctx: AppContext
) -> None:
    """Today's award clock (45 days) runs into a year whose holiday notice is not imported."""
    today = TODAY
    with database.read() as s:
        from casemgr.deadlines.calendar import calendar_for

        cal = calendar_for(s)
        # TODAY is chosen so that the 45-day clock ends in a year nobody has imported yet
        assert cal.first_uncovered_year(today, today + dt.timedelta(days=70)) == today.year + 1
    cid = accepted(database, actors[Role.CLERK], 1, today)
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.board is not None, timeout=10_000)
    assert page.board is not None
    assert page.board.counts["provisional"] >= 1
    assert "(1)" in page.tabs.tabText(queries.BOARD_SECTIONS.index("provisional"))
    model = page.models["provisional"]
    page.tabs.setCurrentIndex(queries.BOARD_SECTIONS.index("provisional"))  # its rows load on opening
    qtbot.waitUntil(lambda: model.rowCount() >= 1, timeout=10_000)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    rows = [model.row_at(r) for r in range(model.rowCount())]
    (entry,) = [e for e in rows if e is not None and e.case_id == cid]
    r = rows.index(entry)
    due_col = [c.key for c in BoardTableModel.COLUMNS].index("due_on")
    idx = model.index(r, due_col)
    assert "(provisional)" in model.data(idx)
    tip = model.data(idx, Qt.ItemDataRole.ToolTipRole)
    assert tip and str(entry.due_on.year) in tip

    win = CaseFileWindow(ctx, cid)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.detail is not None, timeout=10_000)
    # One line "date (provisional)" (a second line was cut off at 1366x768); the reason,
    # naming the missing year, in the row's tooltip.
    cm = win.clocks_model
    rows_due = [
        (cm.data(cm.index(r, 2)), cm.data(cm.index(r, 2), Qt.ItemDataRole.ToolTipRole))
        for r in range(cm.rowCount())
    ]
    assert any(
        "\n" not in t and t.endswith("(provisional)") and str(entry.due_on.year) in (tip or "")
        for t, tip in rows_due
    ), rows_due


def test_provisional_note_in_chinese(qtbot: QtBot, database: db.Database, actors: dict[Role, Actor]) -> None:
    today = TODAY
    cid = accepted(database, actors[Role.CLERK], 1, today)
    with database.read() as s:
        b = queries.deadline_board(s)
    entries = [e for e in b.provisional if e.case_id == cid]
    assert entries  # TODAY's 45-day award clock ends in an uncovered year (see tests.helpers.TODAY)
    i18n.install("zh")
    model = BoardTableModel()
    model.set_rows(entries)
    due_col = [c.key for c in BoardTableModel.COLUMNS].index("due_on")
    tip = model.data(model.index(0, due_col), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("暂定：") and "节假日安排尚未导入" in tip
    assert "暂定" in model.data(model.index(0, due_col))
