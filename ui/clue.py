"""A clue from an outside channel (线索平台, 12345, 信访): recorded on a new case or linked.

The form collects what the channel sends; ``casemgr.services.clues.record_clue`` decides.
When an open case already names the same worker and employer, the service refuses with
the candidates (:class:`~casemgr.services.clues.PossibleDuplicate`); the dialog then lists
them and lets the clerk link the clue to one, or register a new case anyway — the second
call carries that choice, and nothing was written before it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from casemgr import clock, errors, validation
from casemgr.enums import CaseKind, Channel
from casemgr.services import clues, parties
from ui import i18n, labels
from ui.newcase import FieldError
from ui.ops import Changes
from ui.pages import district_combo
from ui.transition import date_edit
from ui.widgets import DateEdit

if TYPE_CHECKING:
    from ui.app import AppContext

CHANNEL_NAMES = {
    Channel.PLATFORM: ("全国根治欠薪线索反映平台", "National wage-arrears clue platform"),
    Channel.HOTLINE_12345: ("12345热线", "12345 hotline"),
    Channel.PETITION: ("信访", "Petition"),
}


class ClueDialog(QDialog):
    """Record one clue.

    Signals:
        recorded(int): the case the clue was recorded on (new or linked).
    """

    recorded = Signal(int)

    def __init__(self, ctx: AppContext, kind: CaseKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.handle: Any = None
        self.setWindowTitle(self.tr("Clue from an outside channel"))
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr("Kind of case: %1. The reply deadline goes on the deadline board.").replace(
                "%1", labels.label(labels.KINDS, kind.value)
            )
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        zh = i18n.is_chinese()
        self.channel = QComboBox()
        for ch, (name_zh, name_en) in CHANNEL_NAMES.items():
            self.channel.addItem(name_zh if zh else name_en, ch.value)
        self.ref = QLineEdit()
        self.received = DateEdit(clock.today(), latest=clock.today())
        self.reply_due = date_edit(clock.today() + dt.timedelta(days=10))
        self.employer = QLineEdit()
        self.uscc = QLineEdit()
        self.uscc.setPlaceholderText(self.tr("18 characters, if the channel gives it"))
        self.worker = QLineEdit()
        self.worker.setPlaceholderText(self.tr("empty: anonymous report"))
        self.id_number = QLineEdit()
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("0.00")
        self.workers = QSpinBox()
        self.workers.setRange(1, 100_000)
        self.district = district_combo(self.tr("(not known)"))
        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(60)
        self.errors: dict[str, FieldError] = {}
        for name, label, w in (
            ("channel", self.tr("Channel *"), self.channel),
            ("external_ref", self.tr("Channel's reference number *"), self.ref),
            ("received_on", self.tr("Received on *"), self.received),
            ("reply_due_on", self.tr("Reply due by *"), self.reply_due),
            ("employer", self.tr("Employer *"), self.employer),
            ("uscc", self.tr("Credit code"), self.uscc),
            ("worker", self.tr("Worker"), self.worker),
            ("id_number", self.tr("Worker's ID number"), self.id_number),
            ("amount_claimed", self.tr("Amount owed (yuan)"), self.amount),
            ("workers", self.tr("Workers involved"), self.workers),
            ("district", self.tr("District"), self.district),
            ("summary", self.tr("Summary"), self.summary),
        ):
            form.addRow(label, w)
            err = FieldError()
            self.errors[name] = err
            form.addRow("", err)
        lay.addLayout(form)
        # Shown when the service finds open cases of the same worker and employer.
        self.dup_box = QWidget()
        dup = QVBoxLayout(self.dup_box)
        dup.setContentsMargins(0, 0, 0, 0)
        self.dup_label = QLabel()
        self.dup_label.setWordWrap(True)
        dup.addWidget(self.dup_label)
        self.candidates = QListWidget()
        self.candidates.setMaximumHeight(110)
        dup.addWidget(self.candidates)
        self.link_button = QPushButton(self.tr("Link to the selected case"))
        self.link_button.clicked.connect(self.link_selected)
        self.new_anyway_button = QPushButton(self.tr("Register a new case anyway"))
        self.new_anyway_button.clicked.connect(lambda: self.submit(force_new=True))
        dup.addWidget(self.link_button)
        dup.addWidget(self.new_anyway_button)
        self.dup_box.hide()
        lay.addWidget(self.dup_box)
        self.error = FieldError()
        lay.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Record the clue"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def data(self) -> clues.ClueInput | None:
        """The form as the service's input, or None after marking what is missing or malformed."""
        for e in self.errors.values():
            e.set(None)
        ok = True
        if not self.ref.text().strip():
            self.errors["external_ref"].set(self.tr("Required."))
            ok = False
        if not self.employer.text().strip():
            self.errors["employer"].set(self.tr("Required."))
            ok = False
        amount = self.amount.text().strip() or "0.00"
        if not validation.is_valid_amount(amount):
            self.errors["amount_claimed"].set(self.tr("Enter a non-negative amount with at most 2 decimals."))
            ok = False
        worker_name = self.worker.text().strip()
        id_number = self.id_number.text().strip() or None
        if id_number and not worker_name:
            self.errors["worker"].set(self.tr("Give the worker's name with the ID number."))
            ok = False
        if why := self.received.problem():
            self.errors["received_on"].set(why)
            ok = False
        if not ok:
            return None
        received: dt.date = self.received.date().toPython()  # type: ignore[assignment]
        reply_due: dt.date = self.reply_due.date().toPython()  # type: ignore[assignment]
        worker = (
            parties.PersonInput(name=worker_name, id_number=id_number, migrant_worker=True)
            if worker_name
            else None
        )
        return clues.ClueInput(
            channel=Channel(self.channel.currentData()),
            external_ref=self.ref.text().strip(),
            received_on=received,
            reply_due_on=reply_due,
            employer=parties.EmployerInput(
                name=self.employer.text().strip(),
                uscc=self.uscc.text().strip() or None,
                district=self.district.currentData(),
            ),
            worker=worker,
            kind=self.kind,
            amount_claimed=amount,
            workers=self.workers.value(),
            district=self.district.currentData(),
            summary=self.summary.toPlainText().strip() or None,
        )

    def submit(self, *, force_new: bool = False, link_to: int | None = None) -> None:
        self.error.set(None)
        data = self.data()
        if data is None:
            return
        actor = self.ctx.actor
        self._enable(False)
        self.handle = self.ctx.runner.write(
            lambda s: clues.record_clue(s, actor, data, link_to=link_to, force_new=force_new).case_id,
            changes=lambda cid: Changes(case_ids=frozenset({cid}), cases=True),
            on_success=self._done,
            on_failure=self._failed,
            parent=self,
        )

    def link_selected(self) -> None:
        item = self.candidates.currentItem()
        if item is None:
            self.error.set(self.tr("Choose the case to link the clue to."))
            return
        self.submit(link_to=int(item.data(Qt.ItemDataRole.UserRole)))

    def _enable(self, on: bool) -> None:
        self.buttons.setEnabled(on)
        self.link_button.setEnabled(on)
        self.new_anyway_button.setEnabled(on)

    def _done(self, case_id: int) -> None:
        self._enable(True)
        self.accept()
        self.recorded.emit(case_id)

    def _failed(self, exc: errors.KnownError) -> bool:
        self._enable(True)
        text = exc.message(i18n.current_language())
        if isinstance(exc, clues.PossibleDuplicate):
            self.dup_label.setText(text)
            self.candidates.clear()
            for c in exc.candidates:
                item = QListWidgetItem(
                    f"{c.number}  {labels.label(labels.STATUSES, c.status)}  {i18n.fmt_date(c.received_on)}"
                )
                item.setData(Qt.ItemDataRole.UserRole, c.case_id)
                self.candidates.addItem(item)
            self.candidates.setCurrentRow(0)
            self.dup_box.show()
            return True
        field_map = {"name": "worker"}  # the person's name; the employer's is "employer"
        name = field_map.get(exc.field or "", exc.field or "")
        if name in self.errors:
            self.errors[name].set(text)
        else:
            self.error.set(text)
        return True
