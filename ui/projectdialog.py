"""One construction project: its data, its 两金三制 elements, why it has its colour, its complaints.

Everything is read through ``casemgr.queries.projects.project_detail`` and written through
``casemgr.services.projects`` on the op runner; this dialog decides nothing. A role without
``project.edit`` sees the same dialog read-only. Sized for 1366x768.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casemgr import permissions
from casemgr.io.project_import import units_from_text
from casemgr.queries import projects as pq
from casemgr.services import parties, projects
from casemgr.services import project_warning as pw
from ui import i18n, labels
from ui.ops import Changes
from ui.pages import district_combo
from ui.projectpage import LEVEL_BG, LEVEL_FG, level_text, status_text
from ui.widgets import DateEdit, heading

if TYPE_CHECKING:
    from ui.app import AppContext


def _reason_text(r: pw.Reason) -> str:
    return r.zh if i18n.is_chinese() else r.en


class ProjectDialog(QDialog):
    """Signals: open_case(int): show this complaint's case file."""

    open_case = Signal(int)

    def __init__(self, ctx: AppContext, project_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.project_id = project_id
        self.version: int | None = None
        self.may_edit = permissions.allowed(ctx.actor, "project.edit")
        self.setWindowTitle(
            self.tr("Construction project") if project_id else self.tr("New construction project")
        )
        self.resize(1080, 660)
        lay = QVBoxLayout(self)
        self.title = heading(self.tr("New construction project"), 13)
        lay.addWidget(self.title)
        self.colour = QLabel()
        self.colour.setWordWrap(True)
        self.colour.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(self.colour)

        grid = QGridLayout()
        grid.addWidget(self._project_box(), 0, 0)
        grid.addWidget(self._units_box(), 0, 1)
        grid.addWidget(self._elements_box(), 0, 2)
        for col, stretch in ((0, 3), (1, 3), (2, 3)):
            grid.setColumnStretch(col, stretch)
        lay.addLayout(grid)

        self.complaints_box = QGroupBox(self.tr("Complaints linked to this project"))
        cl = QVBoxLayout(self.complaints_box)
        self.complaints = QTableWidget(0, 6)
        self.complaints.setHorizontalHeaderLabels(
            [
                self.tr("Case number"),
                self.tr("Status"),
                self.tr("Received"),
                self.tr("Complainant"),
                self.tr("Amount (yuan)"),
                self.tr("Closed"),
            ]
        )
        self.complaints.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.complaints.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.complaints.verticalHeader().hide()
        self.complaints.horizontalHeader().setStretchLastSection(True)
        self.complaints.setMinimumHeight(110)
        self.complaints.doubleClicked.connect(lambda _i: self._open_selected())
        cl.addWidget(self.complaints)
        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open case"))
        self.link_button = QPushButton(self.tr("Link a complaint…"))
        self.unlink_button = QPushButton(self.tr("Unlink"))
        self.open_button.clicked.connect(self._open_selected)
        self.link_button.clicked.connect(self._link)
        self.unlink_button.clicked.connect(self._unlink)
        for b in (self.open_button, self.link_button, self.unlink_button):
            row.addWidget(b)
        self.link_button.setVisible(self.may_edit)
        self.unlink_button.setVisible(self.may_edit)
        row.addStretch(1)
        cl.addLayout(row)
        lay.addWidget(self.complaints_box, 1)
        self.complaints_box.setVisible(project_id is not None)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.save_button = buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setVisible(self.may_edit)
        self.save_button.clicked.connect(self._save)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self._set_editable(self.may_edit)
        if project_id is not None:
            self.load()

    # -- building ----------------------------------------------------------------------

    def _project_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Project"))
        form = QFormLayout(box)
        self.code = QLineEdit()
        self.name = QLineEdit()
        self.district = district_combo(self.tr("(none)"))
        self.address = QLineEdit()
        self.status = QComboBox()
        for code in projects.STATUSES:
            self.status.addItem(status_text(code), code)
        self.status.setCurrentIndex(self.status.findData("building"))
        self.start_on = DateEdit(empty_text=self.tr("unknown"))
        self.end_on = DateEdit(empty_text=self.tr("unknown"))
        form.addRow(self.tr("Project no."), self.code)
        form.addRow(self.tr("Project name"), self.name)
        form.addRow(self.tr("District"), self.district)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Start date"), self.start_on)
        form.addRow(self.tr("Completion date"), self.end_on)
        return box

    def _units_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Units (found by credit code)"))
        form = QFormLayout(box)
        self.builder, self.builder_uscc = QLineEdit(), QLineEdit()
        self.general, self.general_uscc = QLineEdit(), QLineEdit()
        for w in (self.builder_uscc, self.general_uscc):
            w.setPlaceholderText(self.tr("credit code"))
            w.setMaxLength(18)
        self.subs = QPlainTextEdit()
        self.subs.setPlaceholderText(self.tr("One per line: name（credit code）"))
        self.subs.setMaximumHeight(84)
        form.addRow(self.tr("Developer"), self.builder)
        form.addRow("", self.builder_uscc)
        form.addRow(self.tr("General contractor"), self.general)
        form.addRow("", self.general_uscc)
        form.addRow(self.tr("Subcontractors"), self.subs)
        return box

    def _elements_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Wage safeguards (两金三制)"))
        form = QFormLayout(box)
        self.deposit_amount = QLineEdit()
        self.deposit_amount.setPlaceholderText(self.tr("yuan"))
        self.deposit_bank = QLineEdit()
        self.deposit_on = DateEdit(empty_text=self.tr("not deposited"))
        self.account_bank = QLineEdit()
        self.account_opened_on = DateEdit(empty_text=self.tr("not opened"))
        self.roster_on = DateEdit(empty_text=self.tr("not in place"))
        self.board_on = DateEdit(empty_text=self.tr("not set up"))
        self.last_agent_pay_on = DateEdit(empty_text=self.tr("none recorded"))
        rows = (
            (self.tr("Wage deposit (yuan)"), self.deposit_amount, "deposit"),
            (self.tr("Deposit bank"), self.deposit_bank, "deposit"),
            (self.tr("Deposited on"), self.deposit_on, "deposit"),
            (self.tr("Wage account bank"), self.account_bank, "account"),
            (self.tr("Account opened on"), self.account_opened_on, "account"),
            (self.tr("Real-name roster since"), self.roster_on, "roster"),
            (self.tr("Notice board set up on"), self.board_on, "board"),
            (self.tr("Latest paid by the general contractor"), self.last_agent_pay_on, "agent_pay"),
        )
        for text, widget, key in rows:
            widget.setToolTip(pw.BY_KEY[key].article)
            form.addRow(text, widget)
        return box

    def _fields(self) -> list[QWidget]:
        return [self.code, self.name, self.district, self.address, self.status, self.start_on, self.end_on,
                self.builder, self.builder_uscc, self.general, self.general_uscc, self.subs, self.deposit_amount,
                self.deposit_bank, self.deposit_on, self.account_bank, self.account_opened_on, self.roster_on,
                self.board_on, self.last_agent_pay_on]  # fmt: skip

    def _set_editable(self, editable: bool) -> None:
        for w in self._fields():
            if isinstance(w, QLineEdit | QPlainTextEdit):
                w.setReadOnly(not editable)
            else:
                w.setEnabled(editable)

    # -- reading -----------------------------------------------------------------------

    def load(self) -> None:
        pid, actor = self.project_id, self.ctx.actor
        assert pid is not None
        self.ctx.runner.read(lambda s: pq.project_detail(s, actor, pid), on_success=self._show, parent=self)

    def _show(self, d: pq.ProjectDetail) -> None:
        self.project_id, self.version = d.id, d.version
        self.setWindowTitle(self.tr("Construction project"))
        self.title.setText(d.name)
        a = d.assessment
        lines = [self.tr("Warning colour: %1").replace("%1", level_text(a.level))]
        lines += ["• " + _reason_text(r) for r in a.reasons] or [
            self.tr("Every element in place; no complaint.")
        ]
        self.colour.setText("\n".join(lines))
        bg, fg = LEVEL_BG.get(a.level), LEVEL_FG.get(a.level)
        self.colour.setStyleSheet(
            f"QLabel {{ background: {bg.name()}; color: {fg.name()}; padding: 4px; }}" if bg and fg else ""
        )
        self.code.setText(d.code or "")
        self.name.setText(d.name)
        self.district.setCurrentIndex(max(0, self.district.findData(d.district)))
        self.address.setText(d.address or "")
        self.status.setCurrentIndex(self.status.findData(d.status))
        self.start_on.set_value(d.start_on)
        self.end_on.set_value(d.end_on)
        self.builder.setText(d.builder.name if d.builder else "")
        self.builder_uscc.setText((d.builder.uscc or "") if d.builder else "")
        self.general.setText(d.general_contractor.name if d.general_contractor else "")
        self.general_uscc.setText((d.general_contractor.uscc or "") if d.general_contractor else "")
        self.subs.setPlainText(
            "\n".join(f"{u.name}（{u.uscc}）" if u.uscc else u.name for u in d.subcontractors)
        )
        self.deposit_amount.setText(i18n.fmt_money(d.deposit_amount).replace(",", ""))
        self.deposit_bank.setText(d.deposit_bank or "")
        self.account_bank.setText(d.account_bank or "")
        for name in projects.DONE_DATES:
            getattr(self, name).set_value(getattr(d, name))
        self.complaints.setRowCount(len(d.complaints))
        for i, c in enumerate(d.complaints):
            cells = [c.number, labels.label(labels.STATUSES, c.status), i18n.fmt_date(c.received_on),
                     c.worker_name or "", i18n.fmt_money(c.amount_claimed), i18n.fmt_date(c.closed_on)]  # fmt: skip
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, c.id)
                self.complaints.setItem(i, j, item)
        self.complaints.resizeColumnsToContents()
        self.complaints.horizontalHeader().setStretchLastSection(True)
        self.complaints_box.setVisible(True)

    # -- writing -----------------------------------------------------------------------

    def _input(self) -> projects.ProjectInput | None:
        for w in (self.start_on, self.end_on, *(getattr(self, n) for n in projects.DONE_DATES)):
            if (problem := w.problem()) is not None:
                QMessageBox.warning(self, self.windowTitle(), problem)
                w.setFocus()
                return None

        def unit(name: QLineEdit, uscc: QLineEdit) -> parties.EmployerInput | None:
            n, c = name.text().strip(), uscc.text().strip()
            return parties.EmployerInput(n, c or None) if (n or c) else None

        return projects.ProjectInput(
            name=self.name.text(),
            code=self.code.text() or None,
            district=self.district.currentData(),
            address=self.address.text() or None,
            builder=unit(self.builder, self.builder_uscc),
            general_contractor=unit(self.general, self.general_uscc),
            subcontractors=units_from_text(self.subs.toPlainText()),
            start_on=self.start_on.value(),
            end_on=self.end_on.value(),
            status=self.status.currentData(),
            deposit_amount=self.deposit_amount.text() or None,
            deposit_bank=self.deposit_bank.text() or None,
            account_bank=self.account_bank.text() or None,
            **{n: getattr(self, n).value() for n in projects.DONE_DATES},
        )

    def _save(self) -> None:
        data = self._input()
        if data is None:
            return
        actor, pid, version = self.ctx.actor, self.project_id, self.version
        self.save_button.setEnabled(False)

        def done(project_id: int) -> None:
            self.save_button.setEnabled(True)
            self.project_id = project_id
            self.load()

        def failed(_exc: object) -> bool:
            self.save_button.setEnabled(True)
            return False

        self.ctx.runner.write(
            lambda s: projects.save_project(s, actor, data, project_id=pid, expected_version=version).id,
            changes=Changes(employers=True),
            on_success=done,
            on_failure=failed,
            parent=self,
        )

    def _selected_case(self) -> int | None:
        row = self.complaints.currentRow()
        item = self.complaints.item(row, 0) if row >= 0 else None
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _open_selected(self) -> None:
        if (cid := self._selected_case()) is not None:
            self.open_case.emit(cid)

    def _link(self) -> None:
        number, ok = QInputDialog.getText(
            self, self.tr("Link a complaint"), self.tr("Case number of the complaint:")
        )
        if not ok or not number.strip() or self.project_id is None:
            return
        actor, pid = self.ctx.actor, self.project_id
        self.ctx.runner.write(
            lambda s: projects.link_complaint_by_number(s, actor, number, pid),
            changes=lambda cid: Changes(case_ids=frozenset({cid}), employers=True),
            on_success=lambda _c: self.load(),
            parent=self,
        )

    def _unlink(self) -> None:
        cid = self._selected_case()
        if cid is None:
            return
        actor = self.ctx.actor
        self.ctx.runner.write(
            lambda s: projects.unlink_complaint(s, actor, cid),
            changes=Changes(case_ids=frozenset({cid}), employers=True),
            on_success=lambda _r: self.load(),
            parent=self,
        )
