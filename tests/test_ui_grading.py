"""The 守法诚信等级 tab (issue 17) driven as a supervisor and an inspector would."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from casemgr.enums import Role
from casemgr.queries import grading as gq
from tests.test_grading_service import history  # noqa: F401  (fixture)
from tests.test_ui import make_ctx, wait_loaded
from ui.gradingpage import GradingPage
from ui.pages import EmployerDetail
from ui.prevention import PreventionPage


def settle(qtbot: QtBot, ctx) -> None:
    qtbot.waitUntil(lambda: ctx.runner.pending == 0, timeout=15_000)


def test_supervisor_runs_confirms_and_the_employer_page_shows_it(qtbot, database, actors, history) -> None:  # noqa: F811
    ctx = make_ctx(qtbot, database, actors[Role.SUPERVISOR])
    holder = PreventionPage(ctx)
    qtbot.addWidget(holder)
    page = holder.show_tab("grading")
    assert (
        isinstance(page, GradingPage)
        and holder.tabs.tabText(holder.tabs.currentIndex()) == GradingPage.title()
    )
    settle(qtbot, ctx)
    assert page.current_filter().year == 2025  # the year before "today" (2026-11-23)
    page.run()
    settle(qtbot, ctx)
    wait_loaded(qtbot, page.model)
    assert page.model.rowCount() == 5
    first = page.model.row_at(0)
    assert first.grade == "C"
    # The first C row: confirm it through the button's slot, with the row selected.
    page.view.selectRow(0)
    page.confirm()
    settle(qtbot, ctx)
    wait_loaded(qtbot, page.model)
    with database.read() as s:
        assert gq.latest_confirmed(s, first.employer_id) == gq.EmployerGradeInfo(2025, "C")
    detail = EmployerDetail(ctx)
    qtbot.addWidget(detail)
    detail.show_employer(first.employer_id)
    settle(qtbot, ctx)
    assert detail.fields["grade"].text() == "Grade C (year 2025)"
    # Filtering to grade A, then confirming all shown, confirms the two A rows only.
    page.grade.setCurrentIndex(page.grade.findData("A"))
    wait_loaded(qtbot, page.model)
    assert page.model.rowCount() == 2
    with database.write() as s:
        from casemgr.services import grading

        assert grading.confirm_all(s, actors[Role.SUPERVISOR], page.current_filter()) == 2
    ctx.runner.wait_all()


def test_inspector_proposes_but_cannot_confirm_and_a_clerk_sees_no_tab(qtbot, database, actors) -> None:
    ins = make_ctx(qtbot, database, actors[Role.INSPECTOR])
    page = GradingPage(ins)
    qtbot.addWidget(page)
    settle(qtbot, ins)
    assert not page.run_button.isHidden() and not page.fact_button.isHidden()
    assert (
        page.confirm_button.isHidden()
        and page.change_button.isHidden()
        and page.confirm_all_button.isHidden()
    )
    clerk = make_ctx(qtbot, database, actors[Role.CLERK])
    assert not GradingPage.visible_to(clerk)
    assert GradingPage.visible_to(make_ctx(qtbot, database, actors[Role.AUDITOR]))
    ins.runner.wait_all()


def test_the_fact_and_change_dialogs_go_through_the_services(
    qtbot,
    database,
    actors,
    history,  # noqa: F811
    monkeypatch,
) -> None:
    import datetime as dt

    from PySide6.QtWidgets import QDialog

    from ui.gradingpage import ChangeDialog, FactDialog

    ctx = make_ctx(qtbot, database, actors[Role.SUPERVISOR])
    page = GradingPage(ctx)
    qtbot.addWidget(page)
    settle(qtbot, ctx)
    page.run()
    settle(qtbot, ctx)
    wait_loaded(qtbot, page.model)
    a_row = next(i for i in range(page.model.rowCount()) if page.model.row_at(i).grade == "A")
    page.view.selectRow(a_row)
    employer = page.selected().employer_id

    def fill_fact(dlg: FactDialog) -> QDialog.DialogCode:
        assert dlg.on.value() == dt.date(2025, 12, 31)  # the evaluated year's last day by default
        dlg.kind.setCurrentIndex(dlg.kind.findData("criminal"))
        dlg.on.set_value(dt.date(2025, 10, 9))
        dlg.note.setPlainText("（2025）汕城法刑初字第88号判决")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(FactDialog, "exec", fill_fact)
    page.record_fact()
    settle(qtbot, ctx)
    wait_loaded(qtbot, page.model)
    row = next(
        page.model.row_at(i)
        for i in range(page.model.rowCount())
        if page.model.row_at(i).employer_id == employer
    )
    assert row.grade == "C" and row.reasons[0].code == "fact:criminal"

    page.view.selectRow(
        next(i for i in range(page.model.rowCount()) if page.model.row_at(i).employer_id == employer)
    )

    def fill_change(dlg: ChangeDialog) -> QDialog.DialogCode:
        dlg.grade.setCurrentIndex(dlg.grade.findData("B"))
        dlg.reason.setPlainText("复核：判决系对个人，单位不承担刑事责任")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ChangeDialog, "exec", fill_change)
    page.change()
    settle(qtbot, ctx)
    with database.read() as s:
        assert gq.latest_confirmed(s, employer) == gq.EmployerGradeInfo(2025, "B")
    ctx.runner.wait_all()
