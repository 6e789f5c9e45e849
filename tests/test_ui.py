"""The desktop application driven as a user would (pytest-qt, offscreen).

No fixed sleeps: every wait is on a signal or a condition (STYLE.md §9.9).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from casemgr import auth, db, queries
from casemgr.actor import Actor
from casemgr.enums import CaseKind, Role
from casemgr.models import Case, Deadline
from casemgr.services import cases, parties
from tests.conftest import sqlite_only
from tests.helpers import TODAY, case_input, make_id, make_uscc
from ui import i18n
from ui.app import AppContext
from ui.casefile import CaseFileWindow
from ui.login import LoginDialog, SetupAdminDialog
from ui.newcase import NewCaseDialog
from ui.pages import CaseListPage, DashboardPage, EmployerPage

PASSWORD = "Kx7-secret-Passw0rd"


def make_ctx(qtbot: QtBot, database: db.Database, actor: Actor) -> AppContext:
    return AppContext(database, actor, f"{actor.username}-name")


@pytest.fixture
def ctx_factory(qtbot: QtBot, database: db.Database) -> Iterator[list[AppContext]]:
    made: list[AppContext] = []
    yield made
    for ctx in made:
        qtbot.waitUntil(lambda c=ctx: c.runner.pending == 0, timeout=10_000)
        ctx.runner.wait_all()


def cover_next_year(database: db.Database) -> None:
    """Clocks started today may end next year; give the calendar that year (New Year's Day)."""
    from casemgr.models import CalendarOverride

    year = TODAY.year + 1
    with database.write() as s:
        if s.get(CalendarOverride, dt.date(year, 1, 1)) is None:
            s.add(CalendarOverride(day=dt.date(year, 1, 1), day_type="holiday", note="test"))


@pytest.fixture
def supervisor(
    qtbot: QtBot, database: db.Database, actors: dict[Role, Actor], ctx_factory: list[AppContext]
) -> AppContext:
    cover_next_year(database)
    ctx = make_ctx(qtbot, database, actors[Role.SUPERVISOR])
    ctx_factory.append(ctx)
    return ctx


def register(database: db.Database, actor: Actor, **kw: object) -> int:
    with database.write() as s:
        return cases.register_case(s, actor, case_input(**kw)).id  # type: ignore[arg-type]


def wait_loaded(qtbot: QtBot, model: object) -> None:
    qtbot.waitUntil(lambda: not model.is_loading and model.total is not None, timeout=10_000)  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- log-in


def test_first_start_setup_then_login(qtbot: QtBot, database: db.Database) -> None:
    with database.read() as s:
        assert auth.needs_setup(s)
    setup = SetupAdminDialog(database)
    qtbot.addWidget(setup)
    setup.display_name.setText("系统管理员")
    setup.password.setText(PASSWORD)
    setup.password2.setText(PASSWORD + "x")
    setup.submit()
    assert setup.error.isVisibleTo(setup) and setup.result() != QDialog.DialogCode.Accepted
    setup.password2.setText(PASSWORD)
    setup.submit()
    assert setup.result() == QDialog.DialogCode.Accepted and setup.actor is not None

    login = LoginDialog(database)
    qtbot.addWidget(login)
    login.username.setText("admin")
    login.password.setText("wrong-password-1")
    login.submit()
    assert login.actor is None and login.error.isVisibleTo(login) and login.error.text()
    login.password.setText(PASSWORD)
    login.submit()
    assert login.result() == QDialog.DialogCode.Accepted
    assert login.actor is not None and login.actor.role == Role.ADMIN
    assert login.display_name == "系统管理员"


# --------------------------------------------------------------------------- new cases


@pytest.mark.parametrize("kind", list(CaseKind))
def test_register_each_kind_through_the_form(
    qtbot: QtBot, database: db.Database, supervisor: AppContext, kind: CaseKind
) -> None:
    dlg = NewCaseDialog(supervisor, kind)
    qtbot.addWidget(dlg)
    dlg.employer_name.setText("汕尾市表单测试有限公司")
    dlg.district.setCurrentIndex(dlg.district.findData("城区"))  # a new employer: the case needs one
    dlg.uscc.setText(make_uscc(4242))
    worker = dlg.worker_rows[0]
    worker.name.setText("陈小明")
    worker.id_number.setText(make_id(77))
    worker.migrant.setChecked(True)
    dlg.claim_rows[0].amount.setText("12,345.60")
    with qtbot.waitSignal(dlg.registered, timeout=10_000) as blocker:
        dlg.submit()
    case_id = blocker.args[0]
    with database.read() as s:
        case = s.get(Case, case_id)
        assert case is not None
        assert case.kind == kind.value
        assert str(case.amount_claimed) == "12345.60"
        assert case.green_channel  # a migrant worker's wage claim, proposed and kept
        detail = queries.case_detail(s, supervisor.actor, case_id)
    assert [p.name for p in detail.parties if not p.is_employer] == ["陈小明"]


def test_bad_id_number_is_refused_inline_and_nothing_is_saved(
    qtbot: QtBot, database: db.Database, supervisor: AppContext
) -> None:
    dlg = NewCaseDialog(supervisor, CaseKind.ARBITRATION)
    qtbot.addWidget(dlg)
    dlg.employer_name.setText("汕尾市表单测试有限公司")
    dlg.district.setCurrentIndex(dlg.district.findData("城区"))  # a new employer: the case needs one
    worker = dlg.worker_rows[0]
    worker.name.setText("陈小明")
    good = make_id(12)
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    worker.id_number.setText(bad)
    dlg.claim_rows[0].amount.setText("100")
    dlg.submit()
    assert worker.error.isVisibleTo(dlg)
    assert "resident ID" in worker.error.text()
    assert dlg.error.isVisibleTo(dlg)
    assert supervisor.runner.pending == 0  # the service was never called
    with database.read() as s:
        assert s.execute(select(Case.id)).first() is None
    worker.id_number.setText(good)
    with qtbot.waitSignal(dlg.registered, timeout=10_000):
        dlg.submit()
    assert not worker.error.isVisibleTo(dlg)


def test_service_error_is_shown_beside_its_field(
    qtbot: QtBot, database: db.Database, supervisor: AppContext
) -> None:
    """A district the service refuses comes back as the service's own message, inline."""
    dlg = NewCaseDialog(supervisor, CaseKind.ARBITRATION)
    qtbot.addWidget(dlg)
    dlg.employer_name.setText("x" * 300)  # longer than the service allows
    dlg.worker_rows[0].name.setText("陈小明")
    dlg.claim_rows[0].amount.setText("100")
    dlg.submit()
    assert dlg.handle is not None
    with qtbot.waitSignal(dlg.handle.finished, timeout=10_000) as blocker:
        pass
    assert blocker.args == [False]
    assert dlg.employer_error.isVisibleTo(dlg) and "200" in dlg.employer_error.text()
    assert dlg.result() != QDialog.DialogCode.Accepted


def test_form_proposes_collective_and_warns_of_duplicates(
    qtbot: QtBot, database: db.Database, supervisor: AppContext
) -> None:
    existing = case_input(n=5)
    with database.write() as s:
        cases.register_case(s, supervisor.actor, existing)
    dlg = NewCaseDialog(supervisor, CaseKind.ARBITRATION)
    qtbot.addWidget(dlg)
    assert existing.employer is not None
    dlg.employer_name.setText(existing.employer.name)
    dlg.uscc.setText(existing.employer.uscc or "")
    dlg.worker_rows[0].name.setText(existing.persons[0].person.name)
    dlg.worker_rows[0].id_number.setText(existing.persons[0].person.id_number or "")
    dlg.claim_rows[0].amount.setText("500")
    dlg.workers_total.setValue(12)
    qtbot.waitUntil(lambda: dlg.proposed is not None and dlg.proposed.collective, timeout=5_000)
    qtbot.waitUntil(lambda: bool(dlg.duplicate_rows), timeout=5_000)
    assert "Collective" in dlg.flag_reasons.text()
    assert dlg.duplicates.isVisibleTo(dlg)


def test_id_number_on_file_is_reused(qtbot: QtBot, database: db.Database, supervisor: AppContext) -> None:
    with database.write() as s:
        parties.find_or_register_person(
            s, supervisor.actor, parties.PersonInput("林芳", make_id(31), "13800138000", True)
        )
    dlg = NewCaseDialog(supervisor, CaseKind.MEDIATION)
    qtbot.addWidget(dlg)
    dlg.worker_rows[0].id_number.setText(make_id(31))
    qtbot.waitUntil(lambda: dlg.worker_rows[0].name.text() == "林芳", timeout=5_000)
    # the look-up gives a masked match: never the full phone (the record keeps its number)
    assert dlg.worker_rows[0].phone.text() == ""
    assert "13800138000" not in dlg.worker_rows[0].on_file.text()
    assert dlg.worker_rows[0].migrant.isChecked()


# --------------------------------------------------------------------------- case file and transitions


def test_transition_through_its_dialog_updates_the_board(
    qtbot: QtBot, database: db.Database, supervisor: AppContext
) -> None:
    from casemgr.deadlines import default_calendar

    # received 3 working days ago: the 5-working-day acceptance decision is due in 2
    received = default_calendar().subtract_working_days(TODAY, 3)
    case_id = register(database, supervisor.actor, n=8, received_on=received, migrant=False)
    board = DashboardPage(supervisor)
    qtbot.addWidget(board)
    qtbot.waitUntil(lambda: board.board is not None, timeout=10_000)
    board.tabs.setCurrentIndex(queries.BOARD_SECTIONS.index("due_soon"))  # the tab's rows load on opening
    soon = board.models["due_soon"]

    def urgent_case_ids() -> set[int]:
        rows = [soon.row_at(r) for r in range(soon.rowCount())]
        return {e.case_id for e in rows if e is not None and e.rule_code == "arb.accept"}

    qtbot.waitUntil(lambda: case_id in urgent_case_ids(), timeout=10_000)

    win = CaseFileWindow(supervisor, case_id)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.detail is not None, timeout=10_000)
    assert "accept" in win.action_buttons and "refuse" in win.action_buttons

    # a step with a required field refuses an empty form without writing
    refuse = win.start_transition("refuse")
    assert refuse is not None
    refuse.submit()  # type: ignore[attr-defined]
    assert refuse.errors["reason"].isVisibleTo(refuse)  # type: ignore[attr-defined]
    assert supervisor.runner.pending == 0
    refuse.reject()

    before = board.board
    dlg = win.start_transition("accept")
    assert dlg is not None
    with qtbot.waitSignal(dlg.applied, timeout=10_000):  # type: ignore[attr-defined]
        dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()  # type: ignore[attr-defined]
    with database.read() as s:
        assert s.get(Case, case_id).status == "accepted"  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: board.board is not before and case_id not in urgent_case_ids(), timeout=10_000)
    qtbot.waitUntil(lambda: win.detail is not None and win.detail.row.status == "accepted", timeout=10_000)
    assert "accept" not in win.action_buttons


def test_service_is_recorded_from_the_case_file_menu(
    qtbot: QtBot, database: db.Database, supervisor: AppContext
) -> None:
    """送达回证 from the "Record…" menu: the choices come from the record tables (no
    inspection documents on an arbitration case) and the serve-copy clock stops."""
    from casemgr.services import workflow as wf

    case_id = register(database, supervisor.actor, n=11, received_on=TODAY)
    with database.write() as s:
        wf.apply_transition(s, supervisor.actor, case_id, "accept", {}, expected_version=None)
    win = CaseFileWindow(supervisor, case_id)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.detail is not None and win.detail.row.status == "accepted", timeout=10_000)
    assert {"record_service", "record_defence", "record_payment"} <= set(win.record_actions)
    assert "propose_blacklist" not in win.record_actions  # inspection only
    dlg = win.start_record("record_service")
    assert dlg is not None
    combo = dlg.editors["document"]  # type: ignore[attr-defined]
    assert "decision" not in [combo.itemData(i) for i in range(combo.count())]
    combo.setCurrentIndex(combo.findData("application_copy"))
    dlg.editors["method"].setCurrentIndex(dlg.editors["method"].findData("post"))  # type: ignore[attr-defined]
    with qtbot.waitSignal(dlg.applied, timeout=10_000):  # type: ignore[attr-defined]
        dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()  # type: ignore[attr-defined]
    with database.read() as s:
        states = {d.rule_code: d.state for d in s.get(Case, case_id).deadlines}  # type: ignore[union-attr]
    assert states["arb.serve_copy"] == "met" and states["arb.defence"] == "running"


def test_clue_from_12345_offers_the_open_case_and_links_to_it(
    qtbot: QtBot, database: db.Database, supervisor: AppContext
) -> None:
    """The same worker against the same employer is already open: the dialog lists that case,
    the clerk links the clue to it, and no second case is made."""
    from ui.clue import ClueDialog

    existing = register(database, supervisor.actor, n=12, received_on=TODAY)
    with database.read() as s:
        before = s.execute(select(Case.id)).all()
    dlg = ClueDialog(supervisor, CaseKind.ARBITRATION)
    qtbot.addWidget(dlg)
    dlg.submit()  # nothing filled in: refused inline, nothing sent
    assert dlg.errors["external_ref"].isVisibleTo(dlg) and supervisor.runner.pending == 0
    dlg.channel.setCurrentIndex(dlg.channel.findData("hotline_12345"))
    dlg.ref.setText("12345-0001")
    dlg.employer.setText("汕尾测试用人单位12")
    dlg.uscc.setText(make_uscc(12))
    dlg.worker.setText("工人12-0")
    dlg.id_number.setText(make_id(1200))
    dlg.amount.setText("8000.00")
    dlg.submit()
    qtbot.waitUntil(lambda: dlg.dup_box.isVisibleTo(dlg), timeout=10_000)
    assert dlg.candidates.count() == 1 and dlg.candidates.item(0).data(256) == existing
    with qtbot.waitSignal(dlg.recorded, timeout=10_000) as got:
        dlg.link_button.click()
    assert got.args == [existing]
    with database.read() as s:
        assert s.execute(select(Case.id)).all() == before
        codes = {d.rule_code for d in s.get(Case, existing).deadlines}  # type: ignore[union-attr]
    assert "arb.clue_reply" in codes


def test_a_party_is_corrected_from_the_case_file(
    qtbot: QtBot, database: db.Database, supervisor: AppContext
) -> None:
    """Double-click a worker: the form has the name but not the ID number or phone; an
    empty box keeps the value, a filled one changes it."""
    from casemgr.models import CaseParty, Person
    from ui.party import PartyDialog

    case_id = register(database, supervisor.actor, n=13, received_on=TODAY)
    win = CaseFileWindow(supervisor, case_id)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.detail is not None, timeout=10_000)
    row = next(i for i, t in enumerate(win.party_targets) if t and t[0] == "person")
    win.edit_party(row)
    qtbot.waitUntil(lambda: any(isinstance(w, PartyDialog) for w in win.dialogs), timeout=10_000)
    dlg = next(w for w in win.dialogs if isinstance(w, PartyDialog))
    assert dlg.edits["name"].text() == "工人13-0" and dlg.edits["id_number"].text() == ""
    dlg.edits["phone"].setText("13812345678")
    with qtbot.waitSignal(dlg.saved, timeout=10_000):
        dlg.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    with database.read() as s:
        pid = s.execute(
            select(CaseParty.person_id).where(CaseParty.case_id == case_id, CaseParty.person_id.is_not(None))
        ).scalar_one()
        person = s.get(Person, pid)
        assert person is not None and person.phone == "13812345678" and person.id_number == make_id(1300)


def test_an_employer_correction_refused_by_the_service_is_shown_beside_its_field(
    qtbot: QtBot, database: db.Database, supervisor: AppContext
) -> None:
    """The service names an employer's name "employer"; the form shows it under 名称, writes nothing."""
    from casemgr.models import Employer
    from ui.party import PartyDialog

    case_id = register(database, supervisor.actor, n=14, received_on=TODAY)
    with database.read() as s:
        emp_id = s.get(Case, case_id).employer_id  # type: ignore[union-attr]
        form = queries.party_for_edit(s, supervisor.actor, "employer", emp_id)
    dlg = PartyDialog(supervisor, form)
    qtbot.addWidget(dlg)
    assert dlg.edits["uscc"].text() == make_uscc(14)  # an employer's details start filled in
    dlg.edits["name"].setText("单" * 300)
    dlg.submit()
    with qtbot.waitSignal(dlg.handle.finished, timeout=10_000):  # type: ignore[union-attr]
        pass
    assert dlg.errors["name"].isVisibleTo(dlg) and not dlg.error.isVisibleTo(dlg)
    with database.read() as s:
        assert s.get(Employer, emp_id).name == "汕尾测试用人单位14"  # type: ignore[union-attr]


def test_concurrent_edit_shows_changed_by_and_reload(
    qtbot: QtBot, database: db.Database, supervisor: AppContext, actors: dict[Role, Actor]
) -> None:
    from casemgr.services import workflow as wf

    case_id = register(database, supervisor.actor, n=9, received_on=TODAY)
    win = CaseFileWindow(supervisor, case_id)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.detail is not None, timeout=10_000)
    # someone else (the clerk, elsewhere) accepts the case first
    with database.write() as s:
        wf.apply_transition(s, actors[Role.CLERK], case_id, "accept", {}, expected_version=None)
    dlg = win.start_transition("refuse")
    assert dlg is not None
    dlg.editors["reason"].setPlainText("材料不全")  # type: ignore[attr-defined]
    dlg.submit()  # type: ignore[attr-defined]
    with qtbot.waitSignal(dlg.handle.finished, timeout=10_000) as blocker:  # type: ignore[attr-defined]
        pass
    assert blocker.args == [False]
    assert dlg.reload_button.isVisibleTo(dlg)  # type: ignore[attr-defined]
    assert "clerk-显示名" in dlg.error.text()  # type: ignore[attr-defined]
    with qtbot.waitSignal(win.loaded, timeout=10_000):
        dlg.reload_button.click()  # type: ignore[attr-defined]
    assert win.detail is not None and win.detail.row.status == "accepted"


# --------------------------------------------------------------------------- lists, search, employers


def test_search_by_two_character_name(qtbot: QtBot, database: db.Database, supervisor: AppContext) -> None:
    base = case_input(n=10)
    named = cases.CaseInput(
        **{**base.__dict__, "persons": [cases.PartyLink(parties.PersonInput("林芳"), base.persons[0].role)]}
    )
    with database.write() as s:
        target = cases.register_case(s, supervisor.actor, named).id
    for n in range(11, 14):
        register(database, supervisor.actor, n=n)
    page = CaseListPage(supervisor, CaseKind.ARBITRATION)
    qtbot.addWidget(page)
    wait_loaded(qtbot, page.model)
    assert page.model.rowCount() == 4
    page.search.setText("林芳")
    with qtbot.waitSignal(page.model.loaded, timeout=10_000):
        page.search.returnPressed.emit()
    assert [r.id for r in page.model.rows()] == [target]
    wait_loaded(qtbot, page.model)
    assert page.model.total == 1
    opened: list[int] = []
    page.open_case.connect(opened.append)
    page.view.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert opened == [target]


def test_case_list_pages_without_loading_everything(
    qtbot: QtBot, database: db.Database, supervisor: AppContext
) -> None:
    from ui.models import CaseTableModel

    for n in range(1, 8):
        register(database, supervisor.actor, n=n, received_on=dt.date(2026, 1, n))
    model = CaseTableModel(supervisor.runner, queries.CaseQuery(kind=CaseKind.ARBITRATION))
    model.PAGE_SIZE = 3
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.reload()
    wait_loaded(qtbot, model)
    assert model.rowCount() == 3 and model.total == 7
    assert model.canFetchMore()
    with qtbot.waitSignal(model.rowsInserted, timeout=10_000):
        model.fetchMore()
    assert model.rowCount() == 6
    received = [r.received_on for r in model.rows()]
    assert received == sorted(received, reverse=True)
    # sorting by a column reloads in SQL order
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.sort(5, Qt.SortOrder.AscendingOrder)
    assert model.rows()[0].received_on == dt.date(2026, 1, 1)
    assert model.rowCount() == 3


def fetch_all(qtbot: QtBot, model: object) -> None:
    while model.canFetchMore():  # type: ignore[attr-defined]
        with qtbot.waitSignal(model.loading, timeout=10_000, check_params_cb=lambda busy: not busy):  # type: ignore[attr-defined]
            model.fetchMore()  # type: ignore[attr-defined]


def test_employer_page_shows_history(qtbot: QtBot, database: db.Database, supervisor: AppContext) -> None:
    a = register(database, supervisor.actor, n=20, employer_n=55, amount="100.00")
    register(database, supervisor.actor, n=21, employer_n=55, amount="20.00", kind=CaseKind.INSPECTION)
    with database.read() as s:
        employer_id = s.get(Case, a).employer_id  # type: ignore[union-attr]
    page = EmployerPage(supervisor)
    qtbot.addWidget(page)
    wait_loaded(qtbot, page.model)
    assert page.model.total == 1
    page.show_employer(employer_id)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: page.detail.summary is not None, timeout=10_000)
    wait_loaded(qtbot, page.detail.model)
    assert page.detail.title.text() == "汕尾测试用人单位55"
    assert page.detail.model.total == 2
    assert page.detail.fields["amounts"].text().startswith("120.00")
    assert page.detail.fields["complaints"].text() in ("0", "1")


# --------------------------------------------------------------------------- item models


def test_item_models_pass_the_model_tester(
    qtbot: QtBot, qtmodeltester: object, database: db.Database, supervisor: AppContext
) -> None:
    from ui.casefile import RowsModel
    from ui.models import BoardTableModel, CaseTableModel, EmployerTableModel

    for n in range(1, 6):
        register(database, supervisor.actor, n=n, received_on=TODAY, workers=12 if n == 1 else 1)
    case_model = CaseTableModel(supervisor.runner, queries.CaseQuery(kind=CaseKind.ARBITRATION))
    case_model.PAGE_SIZE = 2
    case_model.reload()
    wait_loaded(qtbot, case_model)
    qtmodeltester.check(case_model)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not case_model.is_loading, timeout=10_000)
    fetch_all(qtbot, case_model)
    assert case_model.rowCount() == 5
    qtmodeltester.check(case_model)  # type: ignore[attr-defined]

    employers = EmployerTableModel(supervisor.runner)
    employers.reload()
    wait_loaded(qtbot, employers)
    qtmodeltester.check(employers)  # type: ignore[attr-defined]
    assert employers.rowCount() == 5

    board = BoardTableModel()
    with database.read() as s:
        b = queries.deadline_board(s)
    board.set_rows(b.due_today + b.due_soon + b.overdue)
    assert board.rowCount() > 0
    qtmodeltester.check(board)  # type: ignore[attr-defined]

    rows = RowsModel(["a", "b"])
    rows.set_rows([["1", "2"], ["3", "4"]])
    qtmodeltester.check(rows)  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- main window


def test_main_window_navigation_shortcuts_and_reminder(
    qtbot: QtBot, database: db.Database, supervisor: AppContext
) -> None:
    from ui.mainwindow import PAGES, MainWindow

    register(database, supervisor.actor, n=1, received_on=TODAY - dt.timedelta(days=40))
    with database.write() as s:  # a complaint nobody answered: the start-up sweep accepts it
        complaint = cases.register_case(
            s,
            supervisor.actor,
            case_input(CaseKind.INSPECTION, n=2, received_on=TODAY - dt.timedelta(days=20)),
        ).id
    win = MainWindow(supervisor)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    assert set(win.pages) == {"dashboard"}  # other pages are built when first shown
    assert "supervisor-name" in win.user_label.text() and "Supervisor" in win.user_label.text()
    assert str(database.url).split("///")[-1] in win.db_label.text()
    qtbot.keyClick(win, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert win.current_key() == "arbitration"
    page = win.pages["arbitration"]
    assert isinstance(page, CaseListPage) and page.search.hasFocus()
    qtbot.keyClick(win, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dlg = next(w for w in win.dialogs if isinstance(w, NewCaseDialog))
    assert dlg.kind is CaseKind.ARBITRATION
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dlg.isVisible())
    win.show_start_reminder()
    qtbot.waitUntil(lambda: any(isinstance(w, QMessageBox) for w in win.dialogs), timeout=10_000)
    box = next(w for w in win.dialogs if isinstance(w, QMessageBox))
    assert "overdue" in box.text()
    box.close()
    with database.read() as s:
        c = s.get(Case, complaint)
        assert c is not None and c.status == "investigating" and c.accepted_on == c.received_on
    for key in PAGES:
        win.show_page(key)
    assert set(win.pages) == set(PAGES)
    win.close()
    assert QSettings().value("window/page") == PAGES[-1]


def test_start_up_sweep_runs_in_steps_so_quitting_waits_for_one_step_at_most(
    qtbot: QtBot, database: db.Database, supervisor: AppContext
) -> None:
    """Deeming a backlog of 500 complaints accepted was one 5-second transaction at 1M
    cases that quitting had to wait for; it is now steps of a few cases, each its own write."""
    from ui.mainwindow import MainWindow

    complaints = []
    for n in range(3, 8):
        with database.write() as s:
            complaints.append(
                cases.register_case(
                    s,
                    supervisor.actor,
                    case_input(CaseKind.INSPECTION, n=n, received_on=TODAY - dt.timedelta(days=20)),
                ).id
            )
    win = MainWindow(supervisor)
    qtbot.addWidget(win)
    win.SWEEP_STEP = 2  # type: ignore[misc]
    writes = []
    original = supervisor.runner.write

    def counting(*a: object, **kw: object) -> object:
        writes.append(1)
        return original(*a, **kw)  # type: ignore[arg-type]

    supervisor.runner.write = counting  # type: ignore[method-assign]
    win.show_start_reminder()
    qtbot.waitUntil(lambda: len(writes) == 3 and supervisor.runner.pending == 0, timeout=10_000)
    assert len(writes) == 3  # 2 + 2 + 1: a step with fewer than 2 ends the sweep
    with database.read() as s:
        assert {s.get(Case, c).status for c in complaints} == {"investigating"}  # type: ignore[union-attr]
    for w in win.dialogs:
        w.close()


def test_chinese_labels_and_dates(qapp: QApplication) -> None:
    from ui import labels

    i18n.install("zh")
    try:
        assert labels.label(labels.KINDS, "arbitration") == "仲裁"
        assert i18n.fmt_date(dt.date(2026, 11, 26)) == "2026年11月26日"
        assert QCoreApplication.translate("MainWindow", "Dashboard") == "工作台"
    finally:
        i18n.install("en")
    assert labels.label(labels.KINDS, "arbitration") == "Arbitration"
    assert i18n.fmt_date(dt.date(2026, 11, 26)) == "2026-11-26"


def test_translation_is_complete() -> None:
    import xml.etree.ElementTree as ET

    ts = Path(__file__).resolve().parent.parent / "resources" / "translations" / "casemgr_zh_CN.ts"
    root = ET.parse(ts).getroot()
    messages = root.findall(".//message")
    assert len(messages) > 200
    bad = []
    for m in messages:
        t = m.find("translation")
        source = m.findtext("source")
        if t is None or t.get("type") in ("unfinished", "obsolete", "vanished") or not (t.text or "").strip():
            if t is not None and t.get("type") in ("obsolete", "vanished"):
                continue
            if m.get("numerus") == "yes" and t is not None and t.findall("numerusform"):
                if all((n.text or "").strip() for n in t.findall("numerusform")) and t.get("type") is None:
                    continue
            bad.append(source)
    assert bad == []


def test_every_string_in_the_code_has_a_translation(tmp_path: Path) -> None:
    """The check above reads the .ts file only; a new tr() string nobody added to it would be
    shown in English to a Chinese clerk. lupdate (on a copy) must find nothing new."""
    import subprocess
    import sys
    import xml.etree.ElementTree as ET

    root = Path(__file__).resolve().parent.parent
    copy = tmp_path / "check.ts"
    copy.write_bytes((root / "resources" / "translations" / "casemgr_zh_CN.ts").read_bytes())
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    sources = sorted(str(p) for p in (root / "ui").glob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(copy)], check=True, capture_output=True)
    missing = [
        m.findtext("source")
        for m in ET.parse(copy).getroot().iter("message")
        if (t := m.find("translation")) is not None and t.get("type") == "unfinished"
    ]
    assert missing == []


def test_deadline_rows_exist_for_board(database: db.Database, actors: dict[Role, Actor]) -> None:
    """The board test above relies on registration starting the acceptance clock."""
    case_id = register(database, actors[Role.SUPERVISOR], n=30, received_on=TODAY)
    with database.read() as s:
        codes = set(s.execute(select(Deadline.rule_code).where(Deadline.case_id == case_id)).scalars())
    assert "arb.accept" in codes


# --------------------------------------------------------------------------- start-up (./run)


def test_run_refuses_a_damaged_database_with_a_message(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from ui import app as uiapp

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    shown: list[str] = []
    monkeypatch.setattr(uiapp.QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    bad = tmp_path / "not-a-db.db"
    bad.write_bytes(b"this is not sqlite at all" * 10)
    assert uiapp.run(["casemgr", "--db", str(bad), "--lang", "en"]) == 2
    assert len(shown) == 1 and "not a database file" in shown[0]
    assert bad.read_bytes() == b"this is not sqlite at all" * 10


def test_run_demo_fills_an_empty_database(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``./run --demo``: the accounts first, then the log-in at once while the cases are made
    on a worker thread; the log-in dialog is told how far they are."""
    import sys
    import time

    from ui import app as uiapp
    from ui import login

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    notes: list[str] = []

    class FakeLogin:
        def set_note(self, text: str) -> None:
            notes.append(text)

        class finished:  # stands for the dialog's signal
            @staticmethod
            def connect(fn: object) -> None:
                pass

    def fake_log_in(database: db.Database, note: object) -> None:
        with database.read() as s:
            assert not auth.needs_setup(s), "the demo has its administrator: no set-up dialog"
        assert callable(note)
        note(FakeLogin())  # type: ignore[operator]
        deadline = time.monotonic() + 60
        while notes[-1] and time.monotonic() < deadline:  # "" = the demo is complete
            QApplication.processEvents()
            time.sleep(0.02)
        return None  # then the user cancels the log-in

    monkeypatch.setattr(login, "log_in", fake_log_in)
    path = tmp_path / "demo.db"
    assert uiapp.run(["casemgr", "--db", str(path), "--demo", "--demo-cases", "6", "--lang", "en"]) == 0
    assert notes[0].startswith("Demo cases are being made in the background") and notes[-1] == ""
    check = db.open_database(f"sqlite:///{path}")
    try:
        with check.read() as s:
            assert len(s.execute(select(Case.id)).all()) >= 6
    finally:
        check.dispose()


@sqlite_only
def test_a_save_while_a_colleague_imports_names_them_and_keeps_the_form(
    qtbot: QtBot, database: db.Database, supervisor: AppContext
) -> None:
    """Issue 18, finding 3: a long import held the write lock past the wait and the clerk's
    save failed with a raw "database is locked" shown as 意外错误; what was typed must stay."""
    from sqlalchemy import text

    importer = db.open_database(database.url)  # the colleague's desktop: its own connection
    dlg = NewCaseDialog(supervisor, CaseKind.ARBITRATION)
    qtbot.addWidget(dlg)
    dlg.employer_name.setText("汕尾市表单测试有限公司")
    dlg.district.setCurrentIndex(dlg.district.findData("城区"))  # a new employer: the case needs one
    worker = dlg.worker_rows[0]
    worker.name.setText("陈小明")
    worker.id_number.setText(make_id(77))
    dlg.claim_rows[0].amount.setText("12,345.60")
    try:
        with importer.write() as s, db.holding(s, "wangfang", "导入台账", "ledger import", 120):
            s.execute(text("UPDATE users SET display_name = display_name"))
            dlg.submit()  # waits the full 10 s busy timeout, as at the office
            qtbot.waitUntil(lambda: supervisor.runner.pending == 0, timeout=30_000)
    finally:
        importer.dispose()
    assert dlg.error.isVisibleTo(dlg)
    assert "wangfang" in dlg.error.text() and "ledger import" in dlg.error.text()
    assert worker.name.text() == "陈小明" and dlg.claim_rows[0].amount.text() == "12,345.60"
    with database.read() as s:
        assert s.execute(select(Case.id)).first() is None
    with qtbot.waitSignal(dlg.registered, timeout=10_000):  # the colleague is done: save again
        dlg.submit()
