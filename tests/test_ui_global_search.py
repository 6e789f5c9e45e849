"""The main window's global search (issue 15): the toolbar box, the lazy results window,
what each row says (masked), opening a case file from a result."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from casemgr import db, privacy
from casemgr.actor import Actor
from casemgr.enums import CaseKind, Role
from casemgr.services import cases
from tests.helpers import case_input, make_id
from ui.app import AppContext


@pytest.fixture
def ctx(qtbot: QtBot, database: db.Database, actors: dict[Role, Actor]) -> Iterator[AppContext]:
    c = AppContext(database, actors[Role.SUPERVISOR], "科长甲")
    yield c
    qtbot.waitUntil(lambda: c.runner.pending == 0, timeout=10_000)
    c.runner.wait_all()


# The offscreen platform cannot raise a window (a real desktop does): not the app's warning.
@pytest.mark.qt_log_ignore("^This plugin does not support raise\\(\\)$")
def test_toolbar_search_lists_every_kind_masked_and_opens_the_case(
    qtbot: QtBot, database: db.Database, actors: dict[Role, Actor], ctx: AppContext
) -> None:
    from ui.casefile import CaseFileWindow
    from ui.globalsearch import GlobalSearchWindow
    from ui.mainwindow import MainWindow

    ids = {}
    for kind, role in ((CaseKind.ARBITRATION, Role.CLERK), (CaseKind.INSPECTION, Role.INSPECTOR)):
        with database.write() as s:
            ids[kind] = cases.register_case(s, actors[role], case_input(kind, n=3)).id
    # both cases' first worker: 工人3-0 with the same ID number (one person, two cases)
    worker_id = make_id(300)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    box = win.global_search_box
    assert box.isVisible() and "4" in box.placeholderText()
    box.setText(worker_id[-4:])
    qtbot.keyClick(box, Qt.Key.Key_Return)
    results = win.search_window
    assert isinstance(results, GlobalSearchWindow) and results.isVisible()
    model = results.model
    qtbot.waitUntil(lambda: model.total == 2 and model.rowCount() == 2, timeout=10_000)
    assert {model.row_at(i).case.id for i in range(2)} == set(ids.values())
    matched = [model.data(model.index(i, 3)) for i in range(2)]
    for text in matched:
        assert "身份证号后4位" in text or "last 4 of ID number" in text
        assert privacy.mask_id_number(worker_id) in text and worker_id not in text
    assert results.count_label.text() in ("2 个案件", "2 case(s)", "2 cases")
    kinds = {model.data(model.index(i, 1)) for i in range(2)}
    assert len(kinds) == 2  # one arbitration, one inspection row
    # Enter on a result opens its case file
    results.view.setFocus()
    results.view.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(results.view, Qt.Key.Key_Return)
    first = model.row_at(0).case.id
    qtbot.waitUntil(lambda: first in win.case_windows, timeout=10_000)
    assert isinstance(win.case_windows[first], CaseFileWindow)
    for w in list(win.case_windows.values()):
        w.close()
    # refining in the results window: nothing found says so; one character asks for more
    results.box.setText("查无此人此公司")
    results.box.returnPressed.emit()
    qtbot.waitUntil(lambda: model.total == 0, timeout=10_000)
    qtbot.waitUntil(lambda: results.count_label.text() in ("未找到案件。", "No case found."), timeout=10_000)
    results.run("工")
    assert model.rowCount() == 0 and results.count_label.text()
