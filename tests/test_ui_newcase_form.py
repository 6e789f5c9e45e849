"""The new-case form as a clerk types into it (issue 15, "forms and wording"): dates typed
key by key, Esc on a filled form, messages that do not move the fields, the district, a
collective complaint's claims per worker, the employer warning, the size at 1366x768, and
each kind's own words in the form and the case file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

import pytest
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from casemgr import db
from casemgr.actor import Actor
from casemgr.enums import CaseKind, ComplaintType, Role
from casemgr.models import Case, ClaimItem, Employer, Person
from casemgr.services import cases
from casemgr.services import workflow as wf
from tests.helpers import TODAY, case_input, make_id, make_uscc
from tests.test_ui import make_ctx
from ui import i18n
from ui.app import AppContext
from ui.casefile import CaseFileWindow
from ui.newcase import NewCaseDialog
from ui.transition import date_edit
from ui.widgets import DateEdit


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    i18n.install("zh")
    yield
    i18n.install("en")


@pytest.fixture
def inspector(qtbot: QtBot, database: db.Database, actors: dict[Role, Actor]) -> Iterator[AppContext]:
    ctx = make_ctx(qtbot, database, actors[Role.SUPERVISOR])
    yield ctx
    qtbot.waitUntil(lambda: ctx.runner.pending == 0, timeout=10_000)
    ctx.runner.wait_all()


def dialog(qtbot: QtBot, ctx: AppContext, kind: CaseKind) -> NewCaseDialog:
    dlg = NewCaseDialog(ctx, kind)
    # at teardown, close without the discard question (it would wait for an answer)
    qtbot.addWidget(dlg, before_close_func=lambda w: QDialog.reject(w))
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def type_date(qtbot: QtBot, edit: DateEdit, text: str) -> None:
    """As a clerk does: into the box, select what is there, type the keys."""
    edit.setFocus()
    edit.lineEdit().selectAll()
    qtbot.keyClicks(edit, text)


# --------------------------------------------------------------------------- dates


def test_typing_a_date_gives_that_date_in_every_kind_of_date_box(qtbot: QtBot) -> None:
    """2026-12-08 typed into a box that showed 2026-11-23 with a maximum of 2026-11-23 gave
    2026-01-08 with a bare QDateEdit (the month "12" was refused mid-way). The shared box
    keeps what was typed and says why it cannot be used instead."""
    free = DateEdit(dt.date(2026, 11, 23))
    capped = DateEdit(TODAY, latest=TODAY)
    optional = DateEdit(None, latest=TODAY, empty_text="not known")
    step = date_edit(TODAY)  # the transition and record dialogs' box
    for w in (free, capped, optional, step):
        qtbot.addWidget(w)
        w.show()
    type_date(qtbot, free, "2026-12-08")
    assert free.value() == dt.date(2026, 12, 8) and free.problem() is None
    type_date(qtbot, step, "2026-12-08")
    assert step.date().toPython() == dt.date(2026, 12, 8)
    type_date(qtbot, capped, "2026-12-08")
    assert capped.value() == dt.date(2026, 12, 8)  # never 2026-01-08
    assert capped.problem() is not None and "2026-11-23" in capped.problem()
    type_date(qtbot, capped, "2026-10-31")
    assert capped.value() == dt.date(2026, 10, 31) and capped.problem() is None
    type_date(qtbot, optional, "2025-02-07")  # from the empty text
    assert optional.value() == dt.date(2025, 2, 7)
    optional.lineEdit().selectAll()
    qtbot.keyClick(optional, Qt.Key.Key_Delete)
    assert optional.value() is None
    type_date(qtbot, optional, "20240229")  # without separators
    assert optional.value() == dt.date(2024, 2, 29)


def test_a_received_date_after_today_is_refused_not_changed(
    qtbot: QtBot, database: db.Database, inspector: AppContext
) -> None:
    dlg = dialog(qtbot, inspector, CaseKind.ARBITRATION)
    fill_one_worker(dlg)
    type_date(qtbot, dlg.received_on, "2026-12-08")
    assert dlg.received_on.value() == dt.date(2026, 12, 8)
    dlg.submit()
    assert dlg.handle is None and dlg.error.isVisibleTo(dlg)  # refused before the service
    assert dlg.received_on.toolTip()  # the reason, on the marked box
    type_date(qtbot, dlg.received_on, "2026-11-08")
    with qtbot.waitSignal(dlg.registered, timeout=10_000) as blocker:
        dlg.submit()
    with database.read() as s:
        assert s.get(Case, blocker.args[0]).received_on == dt.date(2026, 11, 8)


def fill_one_worker(dlg: NewCaseDialog, district: str | None = "城区") -> None:
    dlg.employer_name.setText("汕尾市表单测试有限公司")
    if district:
        dlg.district.setCurrentIndex(dlg.district.findData(district))
    dlg.worker_rows[0].name.setText("陈小明")
    dlg.worker_rows[0].id_number.setText(make_id(77))
    dlg.claim_rows[0].amount.setText("5000")


# --------------------------------------------------------------------------- Esc


def answer_next_box(qtbot: QtBot, text: str, seen: list[list[str]]) -> None:
    """Click the button named ``text`` on the next message box (it runs its own loop)."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        buttons = box.findChildren(QAbstractButton)
        seen.append([b.text() for b in buttons])
        next(b for b in buttons if b.text() == text).click()

    QTimer.singleShot(0, click)


def test_esc_on_a_filled_form_asks_in_chinese_first(
    qtbot: QtBot, chinese: None, database: db.Database, inspector: AppContext
) -> None:
    empty = dialog(qtbot, inspector, CaseKind.INSPECTION)
    qtbot.keyClick(empty, Qt.Key.Key_Escape)  # nothing typed: closes without a question
    assert not empty.isVisible()

    dlg = dialog(qtbot, inspector, CaseKind.INSPECTION)
    dlg.worker_rows[0].name.setText("陈小明")
    seen: list[list[str]] = []
    answer_next_box(qtbot, "继续填写", seen)
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    assert seen and set(seen[0]) == {"放弃", "继续填写"}
    assert dlg.isVisible() and dlg.worker_rows[0].name.text() == "陈小明"
    answer_next_box(qtbot, "继续填写", seen)
    dlg.close()  # the window's close button asks too
    assert dlg.isVisible()
    answer_next_box(qtbot, "放弃", seen)
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    assert not dlg.isVisible() and dlg.result() == QDialog.DialogCode.Rejected
    with database.read() as s:
        assert s.execute(select(Case.id)).first() is None


# --------------------------------------------------------------------------- layout


def test_messages_do_not_move_the_fields_while_typing(
    qtbot: QtBot, database: db.Database, inspector: AppContext
) -> None:
    dlg = dialog(qtbot, inspector, CaseKind.ARBITRATION)
    second = dlg.add_worker()
    claim = dlg.claim_rows[0]
    qtbot.waitUntil(lambda: second.isVisible())

    def where() -> list[int]:
        return [
            w.mapTo(dlg, w.rect().topLeft()).y() for w in (dlg.uscc, dlg.legal_rep, second.name, claim.amount)
        ]

    before = where()
    bad = make_id(12)[:-1] + ("0" if make_id(12)[-1] != "0" else "1")
    dlg.worker_rows[0].id_number.setText(bad)
    dlg.worker_rows[0].check_id()
    dlg.uscc.setText("91441500ABCDEFGH")
    dlg.check_uscc()
    dlg.employer_name.clear()
    dlg.check_all()  # every message at once
    assert dlg.worker_rows[0].error.isVisible() and dlg.uscc_error.isVisible()
    assert dlg.employer_error.isVisible()
    assert where() == before


def test_the_dialog_fits_a_1366x768_screen_with_its_buttons_in_sight(
    qtbot: QtBot, database: db.Database, inspector: AppContext
) -> None:
    """Available area at the office: 1366x728 (a 40 px task bar). A collective complaint
    with many workers and claims scrolls inside; the dialog and its buttons stay on screen."""
    avail = QRect(0, 0, 1366, 728)
    dlg = NewCaseDialog(inspector, CaseKind.INSPECTION)
    qtbot.addWidget(dlg, before_close_func=lambda w: QDialog.reject(w))
    dlg.fit_screen(avail)
    for _ in range(9):
        dlg.add_worker()
    for _ in range(4):
        dlg.add_claim()
    dlg.move(0, 0)
    dlg.show()
    qtbot.waitExposed(dlg)
    hint = dlg.sizeHint()
    assert hint.width() <= avail.width() and hint.height() <= avail.height()
    assert dlg.minimumSizeHint().height() <= avail.height()
    frame = dlg.frameGeometry()
    assert frame.width() <= avail.width() and frame.height() <= avail.height()
    for b in dlg.buttons.buttons():
        top_left = b.mapTo(dlg, b.rect().topLeft())
        assert b.isVisible() and 0 <= top_left.y() and top_left.y() + b.height() <= dlg.height()
    assert {b.text() for b in dlg.buttons.buttons()} >= {"Register"}
    assert dlg.scroll.verticalScrollBar().maximum() > 0  # the fields scroll, not the dialog


# --------------------------------------------------------------------------- district


def test_a_new_employer_without_district_makes_the_form_ask_for_one(
    qtbot: QtBot, database: db.Database, inspector: AppContext
) -> None:
    dlg = dialog(qtbot, inspector, CaseKind.ARBITRATION)
    fill_one_worker(dlg, district=None)
    dlg.uscc.setText(make_uscc(5151))
    dlg._check_employer()
    qtbot.waitUntil(lambda: dlg._alert_loaded == dlg._employer_key(), timeout=10_000)
    dlg.submit()
    assert dlg.handle is None  # refused by the form, the service never asked
    assert dlg.district_error.isVisible() and dlg.district.currentData() is None
    dlg.district.setCurrentIndex(dlg.district.findData("海丰县"))
    assert not dlg.district_error.isVisible()
    with qtbot.waitSignal(dlg.registered, timeout=10_000) as blocker:
        dlg.submit()
    with database.read() as s:
        assert s.get(Case, blocker.args[0]).district == "海丰县"


def test_the_service_refusal_lands_on_the_district_line(
    qtbot: QtBot, database: db.Database, inspector: AppContext
) -> None:
    """Registered before the employer look-up answered: the service refuses, the form shows it."""
    dlg = dialog(qtbot, inspector, CaseKind.ARBITRATION)
    fill_one_worker(dlg, district=None)
    dlg.submit()
    assert dlg.handle is not None
    with qtbot.waitSignal(dlg.handle.finished, timeout=10_000):
        pass
    assert dlg.district_error.isVisible() and dlg.district.styleSheet()
    assert "employer has none on file" in dlg.district_error.text()  # the service's own words
    with database.read() as s:
        assert s.execute(select(Case.id)).first() is None
        assert s.execute(select(Employer.id)).first() is None


def test_an_employer_on_file_with_a_district_needs_none_chosen(
    qtbot: QtBot, database: db.Database, inspector: AppContext
) -> None:
    with database.write() as s:
        cases.register_case(s, inspector.actor, case_input(CaseKind.ARBITRATION, n=3, employer_n=3))
    dlg = dialog(qtbot, inspector, CaseKind.ARBITRATION)
    fill_one_worker(dlg, district=None)
    dlg.employer_name.setText("汕尾测试用人单位3")
    dlg.uscc.setText(make_uscc(3))
    with qtbot.waitSignal(dlg.registered, timeout=10_000) as blocker:
        dlg.submit()
    with database.read() as s:
        assert s.get(Case, blocker.args[0]).district == "城区"


# --------------------------------------------------------------------------- collective claims


def test_a_collective_complaint_enters_its_claims_per_worker(
    qtbot: QtBot, database: db.Database, inspector: AppContext
) -> None:
    dlg = dialog(qtbot, inspector, CaseKind.INSPECTION)
    dlg.employer_name.setText("汕尾市集体欠薪测试有限公司")
    dlg.district.setCurrentIndex(dlg.district.findData("城区"))
    names = ["陈一", "林二", "黄三"]
    for i, name in enumerate(names):
        row = dlg.worker_rows[i] if i < len(dlg.worker_rows) else dlg.add_worker()
        row.name.setText(name)
        row.migrant.setChecked(True)
    wages = dlg.claim_rows[0]
    assert wages.worker.isVisibleTo(dlg) and wages.worker.currentData() == -1  # "each worker" first
    assert [wages.worker.itemText(i) for i in range(1, 4)] == names
    wages.amount.setText("4200")
    overtime = dlg.add_claim()
    overtime.claim_type.setCurrentIndex(overtime.claim_type.findData("overtime"))
    overtime.worker.setCurrentIndex(overtime.worker.findData(1))  # 林二's own claim
    overtime.amount.setText("800")
    dlg._update_flags()
    assert "13,400.00" in dlg.total_label.text()  # 3 x 4200 + 800
    with qtbot.waitSignal(dlg.registered, timeout=10_000) as blocker:
        dlg.submit()
    with database.read() as s:
        lines = s.execute(
            select(Person.name, ClaimItem.claim_type, ClaimItem.amount_claimed)
            .join(Person, Person.id == ClaimItem.person_id)
            .where(ClaimItem.case_id == blocker.args[0])
            .order_by(ClaimItem.id)
        ).all()
        total = s.get(Case, blocker.args[0]).amount_claimed
    assert [tuple(x) for x in lines] == [
        ("陈一", "wages", Decimal("4200.00")),
        ("林二", "wages", Decimal("4200.00")),
        ("黄三", "wages", Decimal("4200.00")),
        ("林二", "overtime", Decimal("800.00")),
    ]
    assert total == Decimal("13400.00")


def test_removing_a_worker_moves_their_claims_back_to_each_worker(
    qtbot: QtBot, database: db.Database, inspector: AppContext
) -> None:
    dlg = dialog(qtbot, inspector, CaseKind.INSPECTION)
    for i, name in enumerate(["陈一", "林二", "黄三"]):
        row = dlg.worker_rows[i] if i < len(dlg.worker_rows) else dlg.add_worker()
        row.name.setText(name)
    claim = dlg.claim_rows[0]
    claim.worker.setCurrentIndex(claim.worker.findData(2))
    dlg._remove_worker(dlg.worker_rows[1])
    assert claim.worker.currentText() == "黄三"  # the same worker, one place up
    dlg._remove_worker(dlg.worker_rows[1])
    assert claim.worker.isHidden() and claim.whose() is None


# --------------------------------------------------------------------------- employer warning


def test_the_form_warns_about_an_employer_with_open_cases_or_on_the_blacklist(
    qtbot: QtBot, chinese: None, database: db.Database, inspector: AppContext
) -> None:
    with database.write() as s:
        for n in (1, 2):
            recent = case_input(
                CaseKind.INSPECTION, n=n, employer_n=8, received_on=TODAY - dt.timedelta(days=5)
            )
            cases.register_case(s, inspector.actor, recent)
        e = s.execute(select(Employer).where(Employer.uscc == make_uscc(8))).scalar_one()
        e.blacklisted_on, e.blacklisted_until = TODAY - dt.timedelta(days=10), dt.date(2029, 11, 13)
    dlg = dialog(qtbot, inspector, CaseKind.INSPECTION)
    dlg.employer_name.setText("汕尾测试用人单位8")
    dlg.uscc.setText(make_uscc(8))
    dlg.uscc.editingFinished.emit()
    qtbot.waitUntil(lambda: dlg.employer_warning.isVisibleTo(dlg), timeout=10_000)
    text = dlg.employer_warning.text()
    assert "失信" in text and "2029年11月13日" in text
    assert "未结案件 2 件" in text and "近90日投诉 2 件" in text
    assert "仍可登记" in text  # a warning, not a block
    assert dlg.employer_note.isVisible() and dlg.employer_note.toolTip() == text
    fill_one_worker(dlg, district=None)
    dlg.employer_name.setText("汕尾测试用人单位8")
    with qtbot.waitSignal(dlg.registered, timeout=10_000):
        dlg.submit()


# --------------------------------------------------------------------------- wording per kind

#: What each kind must never say (issue 15): arbitration's words in a complaint, and so on.
WRONG_WORDS = {
    "arbitration": ("被投诉", "投诉事项", "调解请求", "举报事项"),
    "mediation": ("终局裁决", "仲裁请求", "被投诉", "投诉事项", "被申请人"),
    "complaint": ("被申请人", "请求事项", "终局裁决", "仲裁请求", "申请人"),
    "report": ("被申请人", "请求事项", "终局裁决", "仲裁请求", "申请人", "投诉事项"),
}


def visible_texts(widget: object) -> list[str]:
    out = [widget.windowTitle()]  # type: ignore[attr-defined]
    for w in widget.findChildren(QLabel):  # type: ignore[attr-defined]
        if w.isVisibleTo(widget):
            out.append(w.text())
    for g in widget.findChildren(QGroupBox):  # type: ignore[attr-defined]
        if g.isVisibleTo(widget):
            out.append(g.title())
    for b in widget.findChildren(QPushButton):  # type: ignore[attr-defined]
        if b.isVisibleTo(widget):
            out.append(b.text())
    for e in widget.findChildren(QLineEdit):  # type: ignore[attr-defined]
        if e.isVisibleTo(widget):
            out.append(e.placeholderText())
    return out


def table_texts(view: object) -> list[str]:
    model = view.model()  # type: ignore[attr-defined]
    out = [
        str(model.headerData(c, Qt.Orientation.Horizontal))
        for c in range(model.columnCount())
        if not view.isColumnHidden(c)  # type: ignore[attr-defined]
    ]
    for r in range(model.rowCount()):
        for c in range(model.columnCount()):
            if not view.isColumnHidden(c):  # type: ignore[attr-defined]
                out.append(str(model.data(model.index(r, c)) or ""))
    return out


@pytest.mark.parametrize("variant", ["arbitration", "mediation", "complaint", "report"])
def test_each_kind_speaks_its_own_words_in_the_form_and_the_case_file(
    qtbot: QtBot, chinese: None, database: db.Database, inspector: AppContext, variant: str
) -> None:
    kind = CaseKind.INSPECTION if variant in ("complaint", "report") else CaseKind(variant)
    dlg = dialog(qtbot, inspector, kind)
    if variant == "report":
        dlg.complaint_type.setCurrentIndex(dlg.complaint_type.findData(ComplaintType.REPORT.value))
    dlg.worker_rows[0].name.setText("陈一")
    dlg.add_worker().name.setText("林二")  # two workers: the claim line offers whose it is
    dlg.claim_rows[0].amount.setText("100")
    dlg._update_flags()  # the total and the flags are shown
    form_text = "\n".join(visible_texts(dlg))
    data = case_input(kind, n=40)
    if variant == "report":
        data = type(data)(**{**data.__dict__, "complaint_type": ComplaintType.REPORT})
    with database.write() as s:
        case_id = cases.register_case(s, inspector.actor, data).id
    win = CaseFileWindow(inspector, case_id)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.detail is not None, timeout=10_000)
    file_text = "\n".join(
        [*visible_texts(win), *table_texts(win.parties_view), *table_texts(win.claims_view)]
    )
    for word in WRONG_WORDS[variant]:
        assert word not in form_text, (variant, word, "form")
        assert word not in file_text, (variant, word, "case file")
    expected = {
        "arbitration": ("被申请人", "仲裁请求"),
        "mediation": ("对方当事人", "调解请求"),
        "complaint": ("被投诉单位", "投诉事项"),
        "report": ("被举报单位", "举报事项"),
    }[variant]
    for word in expected:
        assert word in form_text and word in file_text, (variant, word)


def test_the_timeline_names_a_handover_to_arbitration(
    qtbot: QtBot, chinese: None, database: db.Database, actors: dict[Role, Actor]
) -> None:
    med = actors[Role.MEDIATOR]
    with database.write() as s:
        cid = cases.register_case(s, med, case_input(CaseKind.MEDIATION, received_on=dt.date(2026, 11, 2))).id
        wf.apply_transition(s, med, cid, "accept", {}, expected_version=None, on=dt.date(2026, 11, 3))
        wf.apply_transition(
            s, med, cid, "fail", {"reason": "拒绝调解"}, expected_version=None, on=dt.date(2026, 11, 10)
        )
        arb = wf.hand_to_arbitration(s, med, cid, received_on=dt.date(2026, 11, 12), expected_version=None)
        number, arb_id = arb.number, arb.id
    ctx = make_ctx(qtbot, database, med)
    win = CaseFileWindow(ctx, cid)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.detail is not None, timeout=10_000)
    rows = [
        [win.events_model.data(win.events_model.index(r, c)) for c in range(5)]
        for r in range(win.events_model.rowCount())
    ]
    handover = [r for r in rows if r[1] == "转仲裁"]
    assert len(handover) == 1 and number in handover[0][4] and str(arb_id) not in handover[0][4].split("；")
    assert not any(r[1] == "备注" for r in rows)
    qtbot.waitUntil(lambda: ctx.runner.pending == 0, timeout=10_000)
