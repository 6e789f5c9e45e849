"""Bulk actions on selected rows: one audited service call per case, then a summary."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from casemgr import db, queries
from casemgr.actor import Actor
from casemgr.enums import CaseKind, Role
from casemgr.models import AuditEntry, Case, Document
from casemgr.services import cases
from casemgr.services import workflow as wf
from tests.conftest import make_user
from tests.helpers import TODAY, case_input
from ui import i18n
from ui.app import AppContext
from ui.bulk import BulkActions, CloseDialog, NoticeDialog, ReassignDialog, SummaryDialog


@pytest.fixture
def ctx(qtbot: QtBot, database: db.Database, actors: dict[Role, Actor]) -> Iterator[AppContext]:
    c = AppContext(database, actors[Role.SUPERVISOR], "supervisor")
    yield c
    qtbot.waitUntil(lambda: c.runner.pending == 0, timeout=10_000)
    c.runner.wait_all()


@pytest.fixture
def rows(database: db.Database, actors: dict[Role, Actor]) -> list[queries.CaseRow]:
    today = TODAY
    ids = []
    for n in range(1, 4):
        with database.write() as s:
            ids.append(
                cases.register_case(
                    s,
                    actors[Role.CLERK],
                    case_input(CaseKind.ARBITRATION, n=n, received_on=today),
                    today=today,
                ).id
            )
    with database.read() as s:
        return queries.case_rows(s, ids)


def audit_count(database: db.Database, action: str) -> int:
    with database.read() as s:
        return int(s.execute(select(func.count()).where(AuditEntry.action == action)).scalar_one())


def run_dialog(qtbot: QtBot, bulk: BulkActions, dialog_type: type) -> SummaryDialog:
    qtbot.waitUntil(lambda: isinstance(bulk.dialog, dialog_type), timeout=10_000)
    with qtbot.waitSignal(bulk.summary_shown, timeout=20_000) as blocker:
        bulk.dialog.submit()  # type: ignore[union-attr]
    summary = blocker.args[0]
    assert isinstance(summary, SummaryDialog)
    return summary


def test_reassign_each_case_is_one_audited_call_and_a_stale_row_is_refused(
    qtbot: QtBot,
    database: db.Database,
    actors: dict[Role, Actor],
    ctx: AppContext,
    rows: list[queries.CaseRow],
) -> None:
    # Someone else changes the second case after the list was loaded.
    with database.write() as s:
        cases.assign_case(
            s, actors[Role.SUPERVISOR], rows[1].id, actors[Role.SUPERVISOR].user_id, expected_version=None
        )
    before = audit_count(database, "case.assign")
    assert before >= 1
    clerk2 = make_user(database, Role.CLERK, "clerk2")
    parent = QWidget()
    qtbot.addWidget(parent)
    bulk = BulkActions(ctx, parent)
    bulk.start("reassign", rows)
    qtbot.waitUntil(lambda: isinstance(bulk.dialog, ReassignDialog), timeout=10_000)
    dlg = bulk.dialog
    assert isinstance(dlg, ReassignDialog)
    dlg.user.setCurrentIndex(dlg.user.findData(clerk2.user_id))
    summary = run_dialog(qtbot, bulk, ReassignDialog)
    ok = [o.ok for o in summary.outcomes]
    assert ok == [True, False, True]
    assert (
        "changed" in summary.outcomes[1].message.lower() or "modified" in summary.outcomes[1].message.lower()
    )
    assert summary.headline.text() == "Done: 2. Refused: 1."
    assert summary.table.rowCount() == 3 and summary.table.item(1, 1).text() == "Refused"
    assert audit_count(database, "case.assign") == before + 2
    with database.read() as s:
        assigned = [s.get(Case, r.id).assigned_user_id for r in rows]
    assert assigned == [clerk2.user_id, actors[Role.SUPERVISOR].user_id, clerk2.user_id]


def test_close_needs_a_reason_and_reports_refusals_in_chinese(
    qtbot: QtBot,
    database: db.Database,
    actors: dict[Role, Actor],
    ctx: AppContext,
    rows: list[queries.CaseRow],
) -> None:
    i18n.install("zh")
    # The third case is already withdrawn: a closing step is refused for it.
    with database.write() as s:
        wf.apply_transition(
            s, actors[Role.CLERK], rows[2].id, "withdraw", {"reason": "x"}, expected_version=None
        )
    parent = QWidget()
    qtbot.addWidget(parent)
    bulk = BulkActions(ctx, parent)
    dlg = bulk.start("close", rows)
    assert isinstance(dlg, CloseDialog)
    codes = [dlg.step.itemData(i).code for i in range(dlg.step.count())]
    assert set(codes) == {"refuse", "withdraw"}  # from the workflow table, only reason-only steps
    dlg.step.setCurrentIndex(codes.index("withdraw"))
    dlg.submit()
    assert dlg.error.isVisibleTo(dlg) and dlg.result() == 0  # no reason: nothing runs
    assert bulk.run is None
    dlg.reason.setPlainText("申请人撤回申请")
    summary = run_dialog(qtbot, bulk, CloseDialog)
    assert [o.ok for o in summary.outcomes] == [True, True, False]
    refused = summary.outcomes[2].message
    assert "不能执行" in refused or "已被" in refused, refused  # the service's reason, in Chinese
    with database.read() as s:
        assert [s.get(Case, r.id).closed_on is not None for r in rows] == [True, True, True]
        assert s.get(Case, rows[0].id).status == "withdrawn"


def test_print_notices_saves_one_pdf_per_case(
    qtbot: QtBot, tmp_path: Path, database: db.Database, ctx: AppContext, rows: list[queries.CaseRow]
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    bulk = BulkActions(ctx, parent)
    dlg = bulk.start("print", rows[:2])
    assert isinstance(dlg, NoticeDialog)
    dlg.notice.setCurrentIndex(dlg.notice.findData("arb_supplement"))
    dlg.folder.setEditText(str(tmp_path / "out"))
    summary = run_dialog(qtbot, bulk, NoticeDialog)
    assert all(o.ok for o in summary.outcomes), [o.message for o in summary.outcomes]
    pdfs = sorted((tmp_path / "out").glob("*.pdf"))
    assert len(pdfs) == 2 and all(p.read_bytes().startswith(b"%PDF") for p in pdfs)
    with database.read() as s:
        assert s.execute(select(func.count()).select_from(Document)).scalar_one() == 2


def test_print_offers_the_notices_the_selected_stages_call_for_and_refuses_a_case_at_another(
    qtbot: QtBot,
    tmp_path: Path,
    database: db.Database,
    ctx: AppContext,
    rows: list[queries.CaseRow],
    actors: dict[Role, Actor],
) -> None:
    """Issue 15: bulk printing offered every notice of the kind whatever the stage. Now the
    list holds what a selected case's stage calls for, and the service refuses (one line in the
    summary, nothing kept) a case at a stage the chosen notice does not fit."""
    from casemgr.reports.notices import notice_types
    from casemgr.services import workflow as wf

    received = {c for c, _t in notice_types(CaseKind.ARBITRATION, rows[0].status)}
    parent = QWidget()
    qtbot.addWidget(parent)
    bulk = BulkActions(ctx, parent)
    dlg = bulk.start("print", rows[:1])
    assert isinstance(dlg, NoticeDialog)
    offered = {dlg.notice.itemData(i) for i in range(dlg.notice.count())}
    assert offered == received and offered < {c for c, _t in notice_types(CaseKind.ARBITRATION)}
    dlg.reject()
    # the second case accepted: 受理通知书 fits it, not the first (still at 收到申请)
    with database.write() as s:
        wf.apply_transition(s, actors[Role.CLERK], rows[1].id, "accept", {}, expected_version=None, on=TODAY)
    with database.read() as s:
        two = queries.case_rows(s, [rows[0].id, rows[1].id])
    accepted_only = next(
        c for c, _t in notice_types(CaseKind.ARBITRATION, two[1].status) if c not in received
    )
    dlg = bulk.start("print", two)
    assert isinstance(dlg, NoticeDialog)
    dlg.notice.setCurrentIndex(dlg.notice.findData(accepted_only))
    dlg.folder.setEditText(str(tmp_path / "out"))
    summary = run_dialog(qtbot, bulk, NoticeDialog)
    by_case = {o.case_id: o for o in summary.outcomes}
    assert by_case[rows[1].id].ok and not by_case[rows[0].id].ok
    assert "阶段" in by_case[rows[0].id].message or "stage" in by_case[rows[0].id].message
    with database.read() as s:
        assert s.execute(select(func.count()).select_from(Document)).scalar_one() == 1


def test_list_page_menu_reaches_the_bulk_dialog(
    qtbot: QtBot, ctx: AppContext, rows: list[queries.CaseRow]
) -> None:
    from ui.mainwindow import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    page = win.show_page("arbitration")
    # The count and the first page arrive separately (ui/models.py): wait for the rows, or
    # selectAll selects nothing and the "select cases first" message box blocks the test.
    qtbot.waitUntil(
        lambda: page.model.total == 3 and page.model.rowCount() == 3,  # type: ignore[attr-defined]
        timeout=10_000,
    )
    page.view.selectAll()  # type: ignore[attr-defined]
    page._bulk("close")  # type: ignore[attr-defined]
    assert win.bulk is not None and isinstance(win.bulk.dialog, CloseDialog)
    assert "3" in win.bulk.dialog.findChildren(type(win.bulk.dialog.error))[0].text()
    win.bulk.dialog.reject()


def test_reassign_offers_only_officers_of_the_kind_with_their_caseload(
    qtbot: QtBot,
    database: db.Database,
    actors: dict[Role, Actor],
    ctx: AppContext,
    rows: list[queries.CaseRow],
) -> None:
    """Issue 15: bulk reassign of arbitration cases offered inspectors and the auditor (then
    the service refused every row) and showed nobody's caseload."""
    with database.read() as s:
        offered = queries.assignable_officers(s, {CaseKind.ARBITRATION})
    roles = {o.role for o in offered}
    assert Role.INSPECTOR.value not in roles and Role.AUDITOR.value not in roles
    assert Role.MEDIATOR.value not in roles
    assert Role.CLERK.value in roles
    clerk2 = make_user(database, Role.CLERK, "clerk2")
    with database.write() as s:  # the registering clerk handled all three; two move to clerk2
        for r in rows[:2]:
            cases.assign_case(s, actors[Role.SUPERVISOR], r.id, clerk2.user_id, expected_version=None)
    with database.read() as s:
        load = {o.id: o.open_cases for o in queries.assignable_officers(s, {CaseKind.ARBITRATION})}
        assert load[clerk2.user_id] == 2 and load[actors[Role.CLERK].user_id] == 1
        mixed = queries.assignable_officers(s, {CaseKind.ARBITRATION, CaseKind.INSPECTION})
    assert {o.role for o in mixed} <= {Role.SUPERVISOR.value}  # only a role working on both kinds
    parent = QWidget()
    qtbot.addWidget(parent)
    bulk = BulkActions(ctx, parent)
    bulk.start("reassign", rows)
    qtbot.waitUntil(lambda: isinstance(bulk.dialog, ReassignDialog), timeout=10_000)
    dlg = bulk.dialog
    assert isinstance(dlg, ReassignDialog)
    items = [dlg.user.itemText(i) for i in range(dlg.user.count())]
    assert {dlg.user.itemData(i) for i in range(dlg.user.count())} == set(load)
    assert any("2 open cases" in t for t in items), items
    dlg.reject()


def test_open_pages_reload_once_per_bulk_run_not_once_per_case(
    qtbot: QtBot, database: db.Database, actors: dict[Role, Actor], ctx: AppContext
) -> None:
    from ui.pages import CaseListPage, DashboardPage

    today = TODAY
    ids = []
    with database.write() as s:
        for n in range(1, 13):
            ids.append(
                cases.register_case(
                    s,
                    actors[Role.CLERK],
                    case_input(CaseKind.ARBITRATION, n=n, received_on=today),
                    today=today,
                ).id
            )
    with database.read() as s:
        rows = queries.case_rows(s, ids)
    board = DashboardPage(ctx)
    listing = CaseListPage(ctx, CaseKind.ARBITRATION)
    for w in (board, listing):
        qtbot.addWidget(w)
    qtbot.waitUntil(lambda: board.board is not None and listing.model.total == 12, timeout=10_000)
    qtbot.waitUntil(lambda: ctx.runner.pending == 0, timeout=10_000)
    reloads = {"board": 0, "list": 0}
    board_refresh, list_reload = board.refresh, listing.model.reload

    def count_board() -> None:
        reloads["board"] += 1
        board_refresh()

    def count_list() -> None:
        reloads["list"] += 1
        list_reload()

    board.refresh = count_board  # type: ignore[method-assign]
    listing.model.reload = count_list  # type: ignore[method-assign]
    clerk2 = make_user(database, Role.CLERK, "clerk2")
    bulk = BulkActions(ctx, listing)
    bulk.start("reassign", rows)
    qtbot.waitUntil(lambda: isinstance(bulk.dialog, ReassignDialog), timeout=10_000)
    bulk.dialog.user.setCurrentIndex(bulk.dialog.user.findData(clerk2.user_id))  # type: ignore[union-attr]
    summary = run_dialog(qtbot, bulk, ReassignDialog)
    assert all(o.ok for o in summary.outcomes)
    qtbot.waitUntil(lambda: ctx.runner.pending == 0, timeout=10_000)
    assert reloads == {"board": 1, "list": 1}
    with database.read() as s:
        assert {s.get(Case, i).assigned_user_id for i in ids} == {clerk2.user_id}
