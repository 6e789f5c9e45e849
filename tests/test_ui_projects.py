"""The project register tab (issue 17) in the real widgets: the 欠薪预防 page shows it, the
list pages and filters by colour in the database, the dialog explains the colour and lists the
complaints without their reporter, the import preview refuses a bad file, and the case file of
a complaint shows its project's 总包 and deposit. Rules are tested without Qt (test_projects)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from pytestqt.qtbot import QtBot

from casemgr import db
from casemgr.actor import Actor
from casemgr.enums import CaseKind, Role
from casemgr.services import cases, parties, projects
from tests.helpers import TODAY, case_input, make_uscc
from tests.test_project_import import GOOD, workbook
from tests.test_ui import make_ctx, wait_loaded
from ui import i18n
from ui.prevention import PreventionPage
from ui.projectdialog import ProjectDialog
from ui.projectimport import ProjectImportDialog
from ui.projectpage import ProjectPage


def _world(database: db.Database, insp: Actor) -> tuple[int, int, int]:
    with database.write() as s:
        red = projects.save_project(
            s, insp,
            projects.ProjectInput(name="某安置房项目", code="P-1", district="城区", start_on=dt.date(2026, 8, 1),
                                  general_contractor=parties.EmployerInput("甲建筑公司", make_uscc(701)),
                                  deposit_amount=Decimal("200000"), deposit_bank="某银行",
                                  deposit_on=dt.date(2026, 8, 5)),
            today=TODAY,
        ).id  # fmt: skip
        fine = projects.save_project(
            s,
            insp,
            projects.ProjectInput(name="某竣工项目", status="completed", district="海丰县"),
            today=TODAY,
        ).id
        cid = cases.register_case(s, insp, case_input(CaseKind.INSPECTION, n=41)).id
        projects.link_complaint(s, insp, cid, red)
    return red, fine, cid


def test_the_tab_lists_filters_and_explains(
    qtbot: QtBot, database: db.Database, actors: dict[Role, Actor]
) -> None:
    i18n.install("zh")
    insp = actors[Role.INSPECTOR]
    red, _fine, _cid = _world(database, insp)
    ctx = make_ctx(qtbot, database, insp)
    holder = PreventionPage(ctx)
    qtbot.addWidget(holder)
    page = holder.show_tab("projects")
    assert holder.tabs.tabText(holder.tabs.currentIndex()) == "工程项目台账"
    assert isinstance(page, ProjectPage)
    wait_loaded(qtbot, page.model)
    assert page.model.rowCount() == 2
    assert page.model.data(page.model.index(0, 0)) == "红色" and page.model.row_at(0).id == red
    assert page.new_button.isVisibleTo(page) and page.import_button.isVisibleTo(page)
    page.level.setCurrentIndex(page.level.findData("none"))
    wait_loaded(qtbot, page.model)
    assert [page.model.row_at(i).name for i in range(page.model.rowCount())] == ["某竣工项目"]
    dlg = ProjectDialog(ctx, red, page)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.version is not None, timeout=10_000)
    text = dlg.colour.text()
    assert "预警颜色：红色" in text and "1 件未办结的投诉" in text and "第二十六条" in text
    assert dlg.complaints.rowCount() == 1 and dlg.complaints.item(0, 3).text() == "工人41-0"
    assert dlg.general_uscc.text() == make_uscc(701) and not dlg.name.isReadOnly()
    # save an edit through the dialog: the roster is now in place
    dlg.roster_on.set_value(dt.date(2026, 8, 1))
    dlg._save()
    qtbot.waitUntil(lambda: dlg.version == 2, timeout=10_000)
    assert "实名制" not in dlg.colour.text()
    # a new project from the empty dialog: saved, then shown with its colour (roster due since 11-01)
    new = ProjectDialog(ctx, None, page)
    qtbot.addWidget(new)
    new.name.setText("新登记的项目")
    new.general.setText("乙建筑公司")
    new.start_on.set_value(dt.date(2026, 11, 1))
    new._save()
    qtbot.waitUntil(lambda: new.version == 1, timeout=10_000)
    assert new.title.text() == "新登记的项目" and new.complaints_box.isVisibleTo(new)
    assert "未落实实名制管理，已逾期 22 天" in new.colour.text()
    qtbot.waitUntil(lambda: ctx.runner.pending == 0, timeout=10_000)
    ctx.runner.wait_all()


def test_a_reader_gets_no_edit_buttons(
    qtbot: QtBot, database: db.Database, actors: dict[Role, Actor]
) -> None:
    i18n.install("zh")
    red, _fine, _cid = _world(database, actors[Role.INSPECTOR])
    ctx = make_ctx(qtbot, database, actors[Role.AUDITOR])
    page = ProjectPage(ctx)
    qtbot.addWidget(page)
    wait_loaded(qtbot, page.model)
    assert not page.new_button.isVisibleTo(page) and not page.import_button.isVisibleTo(page)
    dlg = ProjectDialog(ctx, red, page)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.version is not None, timeout=10_000)
    assert (
        dlg.name.isReadOnly()
        and not dlg.save_button.isVisibleTo(dlg)
        and not dlg.link_button.isVisibleTo(dlg)
    )
    qtbot.waitUntil(lambda: ctx.runner.pending == 0, timeout=10_000)
    ctx.runner.wait_all()


def test_import_preview_refuses_a_bad_file(
    qtbot: QtBot, database: db.Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    i18n.install("zh")
    ctx = make_ctx(qtbot, database, actors[Role.INSPECTOR])
    dlg = ProjectImportDialog(ctx)
    qtbot.addWidget(dlg)
    bad = [*GOOD, ["P-9", "某项目", "火星区"]]
    dlg.check(workbook(tmp_path / "bad.xlsx", bad))
    qtbot.waitUntil(lambda: dlg.result_ is not None, timeout=10_000)
    assert not dlg.import_button.isEnabled() and dlg.table.rowCount() == 1
    assert dlg.table.item(0, 0).text() == "5" and dlg.table.item(0, 1).text() == "所属区县"
    assert "不会导入任何项目" in dlg.summary.text()
    dlg.result_ = None
    dlg.check(workbook(tmp_path / "good.xlsx", GOOD))
    qtbot.waitUntil(lambda: dlg.result_ is not None, timeout=10_000)
    assert dlg.import_button.isEnabled() and "新增项目 2 个" in dlg.summary.text()
    qtbot.waitUntil(lambda: ctx.runner.pending == 0, timeout=10_000)
    ctx.runner.wait_all()


def test_the_case_file_shows_the_project(
    qtbot: QtBot, database: db.Database, actors: dict[Role, Actor]
) -> None:
    from ui.casefile import CaseFileWindow

    i18n.install("zh")
    _red, _fine, cid = _world(database, actors[Role.INSPECTOR])
    ctx = make_ctx(qtbot, database, actors[Role.SUPERVISOR])
    win = CaseFileWindow(ctx, cid)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.project_panel is not None and "甲建筑公司" in win.project_panel.text.text(),
                    timeout=10_000)  # fmt: skip
    text = win.project_panel.text.text()
    assert make_uscc(701) in text and "200,000.00 元" in text and "第三十条" in text
    assert win.project_panel.unlink_button.isVisibleTo(win.project_panel)
    qtbot.waitUntil(lambda: ctx.runner.pending == 0, timeout=10_000)
    ctx.runner.wait_all()
