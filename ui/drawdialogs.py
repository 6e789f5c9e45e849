"""Dialogs of the 双随机 screens: a plan, its seed, an inspection's result, pool entries.

Each dialog only collects input; the service called on OK judges it (a refusal is shown and
the dialog stays open with what was typed).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casemgr import clock
from casemgr.services import draw_pools, draws
from ui.pages import district_combo
from ui.widgets import DateEdit


class _Form(QDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(self.form)
        box.addWidget(self.error)
        box.addWidget(self.buttons)

    def show_error(self, text: str) -> None:
        self.error.setText(text)


class PlanDialog(_Form):
    """新建抽查计划."""

    def __init__(self, items: list[draw_pools.ItemInfo], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New inspection plan"), parent)
        today = clock.today()
        self.name = QLineEdit()
        self.start = DateEdit(today)
        self.end = DateEdit(today + dt.timedelta(days=30))
        self.items = QListWidget()
        self.items.setMaximumHeight(110)
        for it in items:
            row = QListWidgetItem(it.name)
            row.setData(Qt.ItemDataRole.UserRole, it.id)
            row.setToolTip(it.basis)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Unchecked)
            self.items.addItem(row)
        self.district = district_combo(self.tr("All districts"))
        self.industry = QLineEdit()
        self.industry.setPlaceholderText(self.tr("All industries"))
        self.by_count = QRadioButton(self.tr("Number of employers"))
        self.by_share = QRadioButton(self.tr("Share of the pool (%)"))
        self.by_count.setChecked(True)
        self.count = QSpinBox()
        self.count.setRange(1, 100000)
        self.count.setValue(10)
        self.share = QSpinBox()
        self.share.setRange(1, 100)
        self.share.setValue(5)
        self.team = QSpinBox()
        self.team.setRange(draws.MIN_TEAM, 10)
        self.form.addRow(self.tr("Plan name"), self.name)
        self.form.addRow(self.tr("Period from"), self.start)
        self.form.addRow(self.tr("Period to"), self.end)
        self.form.addRow(self.tr("Inspection items"), self.items)
        self.form.addRow(self.tr("District"), self.district)
        self.form.addRow(self.tr("Industry"), self.industry)
        self.form.addRow(self.by_count, self.count)
        self.form.addRow(self.by_share, self.share)
        self.form.addRow(self.tr("Inspectors per inspection"), self.team)

    def value(self) -> draws.PlanInput:
        ids = tuple(
            int(self.items.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.items.count())
            if self.items.item(i).checkState() == Qt.CheckState.Checked
        )
        return draws.PlanInput(
            name=self.name.text(),
            period_start=self.start.value() or clock.today(),
            period_end=self.end.value() or clock.today(),
            item_ids=ids,
            district=self.district.currentData(),
            industry=self.industry.text().strip() or None,
            sample_count=self.count.value() if self.by_count.isChecked() else None,
            sample_percent=self.share.value() if self.by_share.isChecked() else None,
            team_size=self.team.value(),
        )


class SeedDialog(_Form):
    """确定随机种子: typed from what was published before the draw."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Fix the seed"), parent)
        note = QLabel(
            self.tr(
                "Enter a value published before the draw (for example a lottery result or a number read out at the "
                "public draw) and say where it was published. It is recorded before the pools are read and cannot "
                "be changed."
            )
        )
        note.setWordWrap(True)
        self.seed = QLineEdit()
        self.source = QLineEdit()
        self.form.addRow(note)
        self.form.addRow(self.tr("Seed"), self.seed)
        self.form.addRow(self.tr("Published where"), self.source)


class ResultDialog(_Form):
    """登记检查情况."""

    RESULTS = ("no_problem", "corrected", "case_opened")

    def __init__(self, employer: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Record the inspection: %1").replace("%1", employer), parent)
        self.day = DateEdit(clock.today(), latest=clock.today())
        self.result = QComboBox()
        for code in self.RESULTS:
            self.result.addItem(result_label(code), code)
        self.case_number = QLineEdit()
        self.case_number.setPlaceholderText(self.tr("Case number, when a case was opened"))
        self.note = QPlainTextEdit()
        self.note.setMaximumHeight(80)
        self.form.addRow(self.tr("Inspected on"), self.day)
        self.form.addRow(self.tr("Result"), self.result)
        self.form.addRow(self.tr("Inspection case"), self.case_number)
        self.form.addRow(self.tr("Note (not published)"), self.note)


class TextDialog(_Form):
    """One or two short texts: an item and its basis, an exclusion's reason, a recusal."""

    def __init__(self, title: str, fields: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.edits: list[QLineEdit] = []
        for label, value in fields:
            edit = QLineEdit(value)
            self.edits.append(edit)
            self.form.addRow(label, edit)
        self.choice: QComboBox | None = None
        self.check: QCheckBox | None = None

    def add_choice(self, label: str, options: list[tuple[str, Any]]) -> QComboBox:
        self.choice = QComboBox()
        for text, data in options:
            self.choice.addItem(text, data)
        self.form.insertRow(0, label, self.choice)
        return self.choice

    def add_check(self, label: str, checked: bool) -> QCheckBox:
        self.check = QCheckBox(label)
        self.check.setChecked(checked)
        self.form.addRow("", self.check)
        return self.check

    def texts(self) -> list[str]:
        return [e.text() for e in self.edits]


def table(headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    t.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    t.setAlternatingRowColors(True)
    t.verticalHeader().hide()
    return t


def fill(t: QTableWidget, rows: list[list[str]], keys: list[Any]) -> None:
    t.setRowCount(0)
    t.setRowCount(len(rows))
    for r, (cells, key) in enumerate(zip(rows, keys, strict=True)):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if c == 0:
                item.setData(Qt.ItemDataRole.UserRole, key)
            t.setItem(r, c, item)
    header = t.horizontalHeader()
    for c in range(t.columnCount()):
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.Interactive)
    t.resizeColumnsToContents()
    t.resizeRowsToContents()
    if t.columnCount():  # the widest column takes whatever room is left, shown or not yet
        header.setSectionResizeMode(
            max(range(t.columnCount()), key=t.columnWidth), QHeaderView.ResizeMode.Stretch
        )


def selected_key(t: QTableWidget) -> Any:
    row = t.currentRow()
    item = t.item(row, 0) if row >= 0 else None
    return item.data(Qt.ItemDataRole.UserRole) if item is not None else None


def result_label(code: str) -> str:
    return {
        "pending": QCoreApplication.translate("DrawLabels", "Not yet inspected"),
        "no_problem": QCoreApplication.translate("DrawLabels", "No problem found"),
        "corrected": QCoreApplication.translate("DrawLabels", "Problem found, ordered to correct"),
        "case_opened": QCoreApplication.translate("DrawLabels", "Case opened"),
    }.get(code, code)


def status_label(code: str) -> str:
    return {
        "draft": QCoreApplication.translate("DrawLabels", "Seed not fixed"),
        "seeded": QCoreApplication.translate("DrawLabels", "Seed fixed, not drawn"),
        "drawn": QCoreApplication.translate("DrawLabels", "Drawn"),
    }.get(code, code)


def algorithm_label(code: str | None) -> str:
    if code == "sha256-rank-v1":
        return QCoreApplication.translate("DrawLabels", "SHA-256 ranking, version 1")
    return code or ""
