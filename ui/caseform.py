"""The parts of the new-case form: a field's message line, one worker, one claim line.

Messages never move the fields: each message line keeps its height whether it shows
something or not (a clerk typing an ID number must not see the row below jump away), and a
message longer than its line is cut with "…" and shown whole as the tooltip.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from casemgr import queries, validation
from casemgr.enums import CLAIMABLE_TYPES
from casemgr.services import parties
from ui import labels
from ui.ops import Changes

if TYPE_CHECKING:
    from ui.app import AppContext

ERROR_STYLE = "color: #b00020;"
NOTE_STYLE = "color: #2e7d32;"
WARN_STYLE = "color: #8a4b00;"
#: The red frame of a field in error; the padding keeps the field's height (a bare border
#: makes Qt drop the style's frame and shrinks the box by 4 px: the row below would jump).
BAD_EDIT = "QLineEdit { border: 1px solid #b00020; padding: 2px; }"
BAD_COMBO = "QComboBox { border: 1px solid #b00020; padding: 2px 6px; }"


class FieldError(QLabel):
    """The message line under a field. ``reserve``: its height is kept, shown or not, so a
    message appearing while the clerk types moves nothing (the new-case form); dialogs
    that check only on submit leave it False and the line takes no room until needed."""

    def __init__(self, lines: int = 1, style: str = ERROR_STYLE, *, reserve: bool = False) -> None:
        super().__init__()
        self._full = ""
        self._style = style
        self.setStyleSheet(style)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.lines = lines
        self.setWordWrap(lines > 1 or not reserve)
        if reserve:
            self.setFixedHeight(lines * self.fontMetrics().lineSpacing() + 2)
            policy = self.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)  # a long message never widens the form
            self.setSizePolicy(policy)
        self.reserve = reserve
        self.hide()

    def set(self, text: str | None, style: str | None = None) -> None:
        self._full = text or ""
        self.setStyleSheet(style or self._style)
        self.setToolTip(self._full)
        self._elide()
        self.setVisible(bool(text))

    def full_text(self) -> str:
        return self._full

    def text(self) -> str:  # the whole message, not the cut one shown
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        if not self.reserve or self.lines > 1 or self.width() <= 20:
            super().setText(self._full)
            return
        super().setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, self.width()))


class WorkerRow(QWidget):
    """One named worker: name, ID number, phone, migrant-worker flag, and one message line
    (an error, or "on file" when the ID number matches a person already registered).

    Signals:
        changed(): something that affects the proposed flags, duplicates or claim lines changed.
        remove(): the user removed this row.
    """

    changed = Signal()
    remove = Signal()

    def __init__(self, ctx: AppContext, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(1)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Name"))
        self.id_number = QLineEdit()
        self.id_number.setPlaceholderText(self.tr("Resident ID number"))
        self.id_number.setMaxLength(18)
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("Phone"))
        self.migrant = QCheckBox(self.tr("Migrant worker"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove)
        keep = self.remove_button.sizePolicy()
        keep.setRetainSizeWhenHidden(True)  # the first row lines up with the others
        self.remove_button.setSizePolicy(keep)
        self.remove_button.setVisible(index > 0)
        self.on_file = FieldError(style=NOTE_STYLE, reserve=True)
        self.error = FieldError(reserve=True)
        grid.addWidget(self.name, 0, 0)
        grid.addWidget(self.id_number, 0, 1)
        grid.addWidget(self.phone, 0, 2)
        grid.addWidget(self.migrant, 0, 3)
        grid.addWidget(self.remove_button, 0, 4)
        # one reserved line for both: an error hides the "on file" note
        grid.addWidget(self.on_file, 1, 0, 1, 5)
        grid.addWidget(self.error, 1, 0, 1, 5)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 2)
        self.id_number.editingFinished.connect(self._id_finished)
        self.id_number.textChanged.connect(self._id_typed)
        self.phone.editingFinished.connect(self.check_phone)
        self.migrant.toggled.connect(lambda _b: self.changed.emit())
        self.name.textChanged.connect(lambda _t: self.changed.emit())

    def set_error(self, text: str | None) -> None:
        self.error.set(text)
        self.on_file.setVisible(not text and bool(self.on_file.full_text()))

    def _id_typed(self, text: str) -> None:
        if len(text.strip()) == 18:
            self._id_finished()

    def _id_finished(self) -> None:
        if self.check_id():
            value = self.id_number.text().strip().upper()
            actor = self.ctx.actor
            # A write: each match is audited (person.lookup); the answer is masked.
            self.ctx.runner.write(
                lambda s: queries.find_person_by_id_number(s, actor, value),
                changes=Changes(),
                on_success=lambda p, v=value: self._on_file(v, p),
                parent=self,
            )
        self.changed.emit()

    def _on_file(self, value: str, p: queries.PersonMatch | None) -> None:
        if self.id_number.text().strip().upper() != value:
            return
        if p is None:
            self.on_file.set(None)
            return
        if not self.name.text().strip():
            self.name.setText(p.name)
        # The match carries a masked phone only: left empty, the record keeps its number.
        if p.migrant_worker:
            self.migrant.setChecked(True)
        self.on_file.set(self.tr("On file: %1 (the existing record will be reused)").replace("%1", p.name))
        self.on_file.setVisible(not self.error.full_text())

    def check_id(self) -> bool:
        v = self.id_number.text().strip()
        ok = not v or validation.is_valid_resident_id(v)
        self.id_number.setStyleSheet("" if ok else BAD_EDIT)
        self.set_error(
            None
            if ok
            else self.tr("Not a valid 18-character resident ID number (check digit or birth date wrong).")
        )
        return ok

    def check_phone(self) -> bool:
        v = self.phone.text().strip()
        ok = not v or validation.is_valid_phone(v)
        self.phone.setStyleSheet("" if ok else BAD_EDIT)
        if not ok:
            self.set_error(self.tr("Not a valid mobile or landline number."))
        elif self.check_id():
            self.set_error(None)
        return ok

    def check_name(self) -> bool:
        ok = bool(self.name.text().strip())
        self.name.setStyleSheet("" if ok else BAD_EDIT)
        if not ok:
            self.set_error(self.tr("Enter the worker's name."))
        return ok

    def person_input(self) -> parties.PersonInput:
        return parties.PersonInput(
            name=self.name.text().strip(),
            id_number=self.id_number.text().strip() or None,
            phone=self.phone.text().strip() or None,
            migrant_worker=self.migrant.isChecked(),
        )


#: The "whose claim" choice that means "the same amount for each worker named".
EACH_WORKER = -1


class ClaimRow(QWidget):
    """One claim line: type, amount, months and — with several workers — whose claim it is:
    one worker's, or the same amount for each (stored one line per worker by the service).

    Signals:
        changed(); remove()
    """

    changed = Signal()
    remove = Signal()

    def __init__(self, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.claim_type = QComboBox()
        for ct in CLAIMABLE_TYPES:  # 加付赔偿金 is ordered by the bureau, never claimed
            self.claim_type.addItem(labels.label(labels.CLAIM_TYPES, ct.value), ct.value)
        self.worker = QComboBox()
        self.worker.setToolTip(
            self.tr("Whose claim this is: one worker's, or the same amount for each worker")
        )
        self.worker.setMinimumContentsLength(8)
        self.worker.hide()
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("Amount in yuan, e.g. 8000.00"))
        self.months = QSpinBox()
        self.months.setRange(0, 600)
        self.months.setSpecialValueText(self.tr("months: –"))
        self.months.setSuffix(self.tr(" months"))
        self.remove_button = QPushButton(self.tr("Remove"))
        keep = self.remove_button.sizePolicy()
        keep.setRetainSizeWhenHidden(True)  # the first line lines up with the others
        self.remove_button.setSizePolicy(keep)
        self.remove_button.setVisible(index > 0)
        self.remove_button.clicked.connect(self.remove)
        self.error = FieldError(reserve=True)
        lay.addWidget(self.claim_type, 2)
        lay.addWidget(self.worker, 2)
        lay.addWidget(self.amount, 2)
        lay.addWidget(self.months, 1)
        lay.addWidget(self.remove_button)
        self.amount.editingFinished.connect(self.check)
        self.amount.editingFinished.connect(self.changed)
        self.claim_type.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.worker.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def set_workers(self, names: list[str]) -> None:
        """Offer "each worker" and every worker row (``names[i]`` is row i, maybe empty)."""
        current = self.worker.currentData()
        self.worker.blockSignals(True)
        self.worker.clear()
        self.worker.addItem(self.tr("Each worker"), EACH_WORKER)
        for i, name in enumerate(names):
            self.worker.addItem(name or self.tr("Worker %1 (no name yet)").replace("%1", str(i + 1)), i)
        found = self.worker.findData(current) if current is not None else 0
        self.worker.setCurrentIndex(max(0, found))
        self.worker.blockSignals(False)
        self.worker.setVisible(len(names) > 1)

    def whose(self) -> int | None:
        """EACH_WORKER, a worker row's position, or None (the choice is not offered)."""
        return self.worker.currentData() if self.worker.count() > 2 else None

    def check(self) -> bool:
        v = self.amount.text().strip()
        ok = bool(v) and validation.is_valid_amount(v)
        self.amount.setStyleSheet("" if ok else BAD_EDIT)
        self.error.set(None if ok else self.tr("Enter a non-negative amount with at most 2 decimals."))
        return ok

    def amount_value(self) -> Decimal:
        return validation.parse_amount(self.amount.text()) or Decimal("0.00")
