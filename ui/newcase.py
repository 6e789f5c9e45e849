"""The new-case form, one per kind (mediation, arbitration, inspection complaint).

What the clerk must never suffer: retyping a party already on file (ID-number and
credit-code look-up, employer completion), a case saved half-filled (the service is one
transaction; the form checks each field as it is typed with ``casemgr.validation`` and
shows the service's own error beside the field it names), and a duplicate registered
unawares (a warning, never a block). Proposed flags come from
``casemgr.services.cases.propose_flags``, so the form and the service cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from casemgr import clock, errors, queries, validation
from casemgr.enums import (
    CLAIMABLE_TYPES,
    DISTRICTS_SHANWEI,
    CaseKind,
    Channel,
    ClaimType,
    ComplaintType,
    MediationBody,
    PartyRole,
)
from casemgr.services import cases, parties
from ui import i18n, labels
from ui.ops import Changes
from ui.widgets import badge

if TYPE_CHECKING:
    from ui.app import AppContext

ERROR_STYLE = "color: #b00020;"
BAD_EDIT = "QLineEdit { border: 1px solid #b00020; }"


def optional_date(empty_text: str) -> QDateEdit:
    """A date box that may stay empty: its minimum date shows ``empty_text`` and means none."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(QDate(1950, 1, 1))
    edit.setMaximumDate(QDate(clock.today()))
    edit.setSpecialValueText(empty_text)
    edit.setDate(edit.minimumDate())
    return edit


class FieldError(QLabel):
    """The red line under a field."""

    def __init__(self) -> None:
        super().__init__()
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.hide()

    def set(self, text: str | None) -> None:
        self.setText(text or "")
        self.setVisible(bool(text))


class WorkerRow(QWidget):
    """One named worker: name, ID number, phone, migrant-worker flag.

    Signals:
        changed(): something that affects the proposed flags or duplicates changed.
        remove(): the user removed this row.
    """

    changed = Signal()
    remove = Signal()

    def __init__(self, ctx: AppContext, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
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
        self.remove_button.setVisible(index > 0)
        self.on_file = QLabel()
        self.on_file.setStyleSheet("color: #2e7d32;")
        self.on_file.hide()
        self.error = FieldError()
        grid.addWidget(self.name, 0, 0)
        grid.addWidget(self.id_number, 0, 1)
        grid.addWidget(self.phone, 0, 2)
        grid.addWidget(self.migrant, 0, 3)
        grid.addWidget(self.remove_button, 0, 4)
        grid.addWidget(self.on_file, 1, 0, 1, 5)
        grid.addWidget(self.error, 2, 0, 1, 5)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 2)
        self.id_number.editingFinished.connect(self._id_finished)
        self.id_number.textChanged.connect(self._id_typed)
        self.phone.editingFinished.connect(self.check_phone)
        self.migrant.toggled.connect(lambda _b: self.changed.emit())

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
            self.on_file.hide()
            return
        if not self.name.text().strip():
            self.name.setText(p.name)
        # The match carries a masked phone only: left empty, the record keeps its number.
        if p.migrant_worker:
            self.migrant.setChecked(True)
        self.on_file.setText(
            self.tr("On file: %1 (the existing record will be reused)").replace("%1", p.name)
        )
        self.on_file.show()

    def check_id(self) -> bool:
        v = self.id_number.text().strip()
        ok = not v or validation.is_valid_resident_id(v)
        self.id_number.setStyleSheet("" if ok else BAD_EDIT)
        self.error.set(
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
            self.error.set(self.tr("Not a valid mobile or landline number."))
        elif self.check_id():
            self.error.set(None)
        return ok

    def check_name(self) -> bool:
        ok = bool(self.name.text().strip())
        self.name.setStyleSheet("" if ok else BAD_EDIT)
        if not ok:
            self.error.set(self.tr("Enter the worker's name."))
        return ok

    def person_input(self) -> parties.PersonInput:
        return parties.PersonInput(
            name=self.name.text().strip(),
            id_number=self.id_number.text().strip() or None,
            phone=self.phone.text().strip() or None,
            migrant_worker=self.migrant.isChecked(),
        )


class ClaimRow(QWidget):
    """One claim line: type and amount.

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
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("Amount in yuan, e.g. 8000.00"))
        self.months = QSpinBox()
        self.months.setRange(0, 600)
        self.months.setSpecialValueText(self.tr("months: –"))
        self.months.setSuffix(self.tr(" months"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setVisible(index > 0)
        self.remove_button.clicked.connect(self.remove)
        self.error = FieldError()
        lay.addWidget(self.claim_type, 2)
        lay.addWidget(self.amount, 2)
        lay.addWidget(self.months, 1)
        lay.addWidget(self.remove_button)
        self.amount.editingFinished.connect(self.check)
        self.amount.editingFinished.connect(self.changed)
        self.claim_type.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def check(self) -> bool:
        v = self.amount.text().strip()
        ok = bool(v) and validation.is_valid_amount(v)
        self.amount.setStyleSheet("" if ok else BAD_EDIT)
        self.error.set(None if ok else self.tr("Enter a non-negative amount with at most 2 decimals."))
        return ok

    def amount_value(self) -> Decimal:
        return validation.parse_amount(self.amount.text()) or Decimal("0.00")


@dataclass(frozen=True)
class Prefill:
    """What a hand-over from a failed mediation carries into the arbitration form."""

    source_case_id: int
    source_number: str
    employer_name: str | None
    employer_uscc: str | None
    district: str | None
    workers: tuple[parties.PersonInput, ...]
    claims: tuple[tuple[str, Decimal], ...]


class NewCaseDialog(QDialog):
    """Register a case of one kind.

    Signals:
        registered(int): the new case's id, after the transaction committed.
    """

    registered = Signal(int)

    def __init__(
        self, ctx: AppContext, kind: CaseKind, parent: QWidget | None = None, prefill: Prefill | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.prefill = prefill
        self.case_id: int | None = None
        self.handle: Any = None
        self.proposed: cases.Flags | None = None
        self.duplicate_rows: list[queries.CaseRow] = []
        self.setWindowTitle(self.title())
        self.setMinimumWidth(860)
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        lay = QVBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        # -- the case
        box = QGroupBox(self.tr("Case"))
        form = QFormLayout(box)
        self.received_on = QDateEdit(QDate(clock.today()))
        self.received_on.setCalendarPopup(True)
        self.received_on.setDisplayFormat("yyyy-MM-dd")
        self.received_on.setMaximumDate(QDate(clock.today()))
        form.addRow(self.received_label(), self.received_on)
        self.district = QComboBox()
        self.district.addItem(self.tr("(from the employer)"), None)
        for d in DISTRICTS_SHANWEI:
            self.district.addItem(labels.district(d), d)
        form.addRow(self.tr("District"), self.district)
        self.channel = QComboBox()
        for ch in Channel:
            if ch is not Channel.IMPORT:
                self.channel.addItem(labels.label(labels.CHANNELS, ch.value), ch.value)
        form.addRow(self.tr("Received through"), self.channel)
        self.external_ref = QLineEdit()
        self.external_ref.setPlaceholderText(self.tr("Platform, 12345 or petition number, if any"))
        form.addRow(self.tr("External reference"), self.external_ref)
        self.complaint_type = QComboBox()
        for ct in ComplaintType:
            self.complaint_type.addItem(labels.label(labels.COMPLAINT_TYPES, ct.value), ct.value)
        if kind is CaseKind.INSPECTION:
            form.addRow(self.tr("Complaint or report"), self.complaint_type)
        else:
            self.complaint_type.hide()
        # Which body mediates decides which rules apply: a bureau mediation centre (劳动争议调解仲裁法
        # 2007, Art. 14) or an enterprise committee (企业劳动争议协商调解规定, 人社部令第17号, 2011).
        self.mediation_body = QComboBox()
        self.mediation_body.addItem(self.tr("(the bureau's default)"), None)
        self.mediation_body.addItem(self.tr("Bureau mediation centre"), MediationBody.BUREAU_CENTRE.value)
        self.mediation_body.addItem(self.tr("Enterprise mediation committee"), MediationBody.ENTERPRISE.value)
        if kind is CaseKind.MEDIATION:
            form.addRow(self.tr("Mediated by"), self.mediation_body)
        else:
            self.mediation_body.hide()
        self.summary = QPlainTextEdit()
        self.summary.setPlaceholderText(self.tr("What happened, in a few sentences"))
        self.summary.setFixedHeight(60)
        self.summary.setTabChangesFocus(True)
        form.addRow(self.tr("Summary"), self.summary)
        # Limitation (调解仲裁法 Art. 27; 监察条例 Art. 20): optional dates, warned below.
        self.limitation_dates: dict[str, QDateEdit] = {}
        names = (
            {"violation_on": self.tr("Violation happened (or ended) on")}
            if kind is CaseKind.INSPECTION
            else {
                "employment_ended_on": self.tr("Employment ended on"),
                "knew_on": self.tr("Knew of the infringement on"),
                "limitation_interrupted_on": self.tr("Limitation last interrupted on"),
            }
        )
        for name, label in names.items():
            edit = optional_date(self.tr("not known"))
            edit.dateChanged.connect(lambda _d: self._schedule_flags())
            self.limitation_dates[name] = edit
            form.addRow(label, edit)
        self.received_on.dateChanged.connect(lambda _d: self._schedule_flags())
        self.source_label = QLabel()
        if prefill is not None:
            self.source_label.setText(
                self.tr("Handed over from mediation case %1").replace("%1", prefill.source_number)
            )
            form.addRow(self.tr("Source"), self.source_label)
        lay.addWidget(box)

        # -- the employer
        box = QGroupBox(self.tr("Employer (respondent)"))
        form = QFormLayout(box)
        self.employer_name = QLineEdit()
        self.employer_name.setPlaceholderText(self.tr("Type part of the name to find an employer on file"))
        self._employer_matches: list[queries.EmployerMatch] = []
        self._completion = QStringListModel(self)
        completer = QCompleter(self._completion, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(self._employer_chosen)
        self.employer_name.setCompleter(completer)
        self.completer = completer
        self._lookup_timer = QTimer(self)
        self._lookup_timer.setSingleShot(True)
        self._lookup_timer.setInterval(250)
        self._lookup_timer.timeout.connect(self._lookup_employers)
        self.employer_name.textEdited.connect(lambda _t: self._lookup_timer.start())
        self.employer_error = FieldError()
        form.addRow(self.tr("Name"), self.employer_name)
        form.addRow("", self.employer_error)
        self.uscc = QLineEdit()
        self.uscc.setMaxLength(18)
        self.uscc.setPlaceholderText(self.tr("18-character unified social credit code"))
        self.uscc.editingFinished.connect(self.check_uscc)
        self.uscc_error = FieldError()
        form.addRow(self.tr("Credit code"), self.uscc)
        form.addRow("", self.uscc_error)
        self.legal_rep = QLineEdit()
        form.addRow(self.tr("Legal representative"), self.legal_rep)
        lay.addWidget(box)

        # -- workers
        box = QGroupBox(self.workers_title())
        wl = QVBoxLayout(box)
        self.worker_rows: list[WorkerRow] = []
        self.workers_layout = QVBoxLayout()
        wl.addLayout(self.workers_layout)
        h = QHBoxLayout()
        self.add_worker_button = QPushButton(self.tr("Add worker"))
        self.add_worker_button.clicked.connect(lambda: self.add_worker())
        h.addWidget(self.add_worker_button)
        h.addStretch(1)
        h.addWidget(QLabel(self.tr("Workers involved in all")))
        self.workers_total = QSpinBox()
        self.workers_total.setRange(0, 100000)
        self.workers_total.setSpecialValueText(self.tr("as listed"))
        self.workers_total.valueChanged.connect(lambda _v: self._schedule_flags())
        h.addWidget(self.workers_total)
        wl.addLayout(h)
        lay.addWidget(box)

        # -- claims
        box = QGroupBox(self.tr("Claims"))
        cl = QVBoxLayout(box)
        self.claim_rows: list[ClaimRow] = []
        self.claims_layout = QVBoxLayout()
        cl.addLayout(self.claims_layout)
        h = QHBoxLayout()
        self.add_claim_button = QPushButton(self.tr("Add claim"))
        self.add_claim_button.clicked.connect(lambda: self.add_claim())
        h.addWidget(self.add_claim_button)
        h.addStretch(1)
        self.total_label = QLabel()
        h.addWidget(self.total_label)
        cl.addLayout(h)
        lay.addWidget(box)

        # -- flags and warnings
        box = QGroupBox(self.tr("Flags proposed"))
        fl = QVBoxLayout(box)
        self.flag_badges = QHBoxLayout()
        fl.addLayout(self.flag_badges)
        self.flag_reasons = QLabel(self.tr("Flags are proposed once workers and claims are entered."))
        self.flag_reasons.setWordWrap(True)
        fl.addWidget(self.flag_reasons)
        g = QHBoxLayout()
        g.addWidget(QLabel(self.tr("Green channel")))
        self.green_mode = QComboBox()
        self.green_mode.addItem(self.tr("automatic"), None)
        self.green_mode.addItem(self.tr("yes (by hand)"), True)
        self.green_mode.addItem(self.tr("no (by hand)"), False)
        self.green_reason = QLineEdit()
        self.green_reason.setPlaceholderText(self.tr("Reason for setting it by hand"))
        self.green_reason.setEnabled(False)
        self.green_mode.currentIndexChanged.connect(self._green_changed)
        g.addWidget(self.green_mode)
        g.addWidget(self.green_reason, 1)
        fl.addLayout(g)
        lay.addWidget(box)
        self.duplicates = QLabel()
        self.duplicates.setWordWrap(True)
        self.duplicates.setStyleSheet("QLabel { background: #fff4e0; color: #7a4a00; padding: 6px; }")
        self.duplicates.setTextFormat(Qt.TextFormat.PlainText)
        self.duplicates.hide()
        lay.addWidget(self.duplicates)
        self.limitation = QLabel()
        self.limitation.setWordWrap(True)
        self.limitation.setStyleSheet("QLabel { background: #fdecea; color: #8a1c1c; padding: 6px; }")
        self.limitation.setTextFormat(Qt.TextFormat.PlainText)
        self.limitation.hide()
        lay.addWidget(self.limitation)
        lay.addStretch(1)

        self.error = FieldError()
        outer.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Register"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

        self._flags_timer = QTimer(self)
        self._flags_timer.setSingleShot(True)
        self._flags_timer.setInterval(300)
        self._flags_timer.timeout.connect(self._update_flags)
        self.uscc.editingFinished.connect(self._schedule_flags)
        self.employer_name.editingFinished.connect(self._schedule_flags)
        self.add_worker()
        self.add_claim()
        if prefill is not None:
            self._apply_prefill(prefill)
        self.resize(900, 760)
        self.employer_name.setFocus() if prefill else self.received_on.setFocus()

    # ----------------------------------------------------------------- titles

    def title(self) -> str:
        return {
            CaseKind.MEDIATION: self.tr("New mediation case"),
            CaseKind.ARBITRATION: self.tr("New arbitration application"),
            CaseKind.INSPECTION: self.tr("New inspection complaint"),
        }[self.kind]

    def received_label(self) -> str:
        return (
            self.tr("Complaint received on")
            if self.kind is CaseKind.INSPECTION
            else self.tr("Application received on")
        )

    def workers_title(self) -> str:
        if self.kind is CaseKind.INSPECTION:
            return self.tr("Complainants (workers)")
        return self.tr("Applicants (workers)")

    # ----------------------------------------------------------------- rows

    def add_worker(self) -> WorkerRow:
        row = WorkerRow(self.ctx, len(self.worker_rows))
        row.changed.connect(self._schedule_flags)
        row.remove.connect(lambda r=row: self._remove_worker(r))
        self.worker_rows.append(row)
        self.workers_layout.addWidget(row)
        self._schedule_flags()
        return row

    def _remove_worker(self, row: WorkerRow) -> None:
        self.worker_rows.remove(row)
        row.deleteLater()
        self._schedule_flags()

    def add_claim(self) -> ClaimRow:
        row = ClaimRow(len(self.claim_rows))
        row.changed.connect(self._schedule_flags)
        row.remove.connect(lambda r=row: self._remove_claim(r))
        self.claim_rows.append(row)
        self.claims_layout.addWidget(row)
        self.claims_layout.addWidget(row.error)
        return row

    def _remove_claim(self, row: ClaimRow) -> None:
        self.claim_rows.remove(row)
        row.error.deleteLater()
        row.deleteLater()
        self._schedule_flags()

    def _apply_prefill(self, p: Prefill) -> None:
        self.employer_name.setText(p.employer_name or "")
        self.uscc.setText(p.employer_uscc or "")
        if p.district:
            self.district.setCurrentIndex(max(0, self.district.findData(p.district)))
        for i, w in enumerate(p.workers):
            row = self.worker_rows[i] if i < len(self.worker_rows) else self.add_worker()
            row.name.setText(w.name)
            row.id_number.setText(w.id_number or "")
            row.phone.setText(w.phone or "")
            row.migrant.setChecked(w.migrant_worker)
        for i, (ctype, amount) in enumerate(p.claims):
            crow = self.claim_rows[i] if i < len(self.claim_rows) else self.add_claim()
            crow.claim_type.setCurrentIndex(max(0, crow.claim_type.findData(ctype)))
            crow.amount.setText(f"{amount:.2f}")
        self._schedule_flags()

    # ----------------------------------------------------------------- employer look-up

    def _lookup_employers(self) -> None:
        text = self.employer_name.text().strip()
        if len(text) < 2:
            return
        self.ctx.runner.read(
            lambda s: queries.employer_matches(s, text),
            on_success=lambda m, t=text: self._show_matches(t, m),
            parent=self,
        )

    def _show_matches(self, text: str, matches: list[queries.EmployerMatch]) -> None:
        if self.employer_name.text().strip() != text:
            return
        self._employer_matches = matches
        self._completion.setStringList([m.name for m in matches])
        if matches and self.employer_name.hasFocus():
            self.completer.complete()

    def _employer_chosen(self, name: str) -> None:
        m = next((m for m in self._employer_matches if m.name == name), None)
        if m is None:
            return
        self.uscc.setText(m.uscc or "")
        self.legal_rep.setText(m.legal_rep or "")
        if m.district and self.district.currentData() is None:
            self.district.setCurrentIndex(max(0, self.district.findData(m.district)))
        self.check_uscc()
        self._schedule_flags()

    def check_uscc(self) -> bool:
        v = self.uscc.text().strip()
        ok = not v or validation.is_valid_uscc(v)
        self.uscc.setStyleSheet("" if ok else BAD_EDIT)
        self.uscc_error.set(
            None if ok else self.tr("Not a valid unified social credit code (check character wrong).")
        )
        return ok

    # ----------------------------------------------------------------- flags and duplicates

    def _green_changed(self) -> None:
        self.green_reason.setEnabled(self.green_mode.currentData() is not None)
        self._schedule_flags()

    def _schedule_flags(self) -> None:
        self._flags_timer.start()

    def _update_flags(self) -> None:
        migrant = any(r.migrant.isChecked() for r in self.worker_rows)
        arrears = any(
            r.claim_type.currentData() in (ClaimType.WAGES.value, ClaimType.OVERTIME.value)
            for r in self.claim_rows
        )
        named = len([r for r in self.worker_rows if r.name.text().strip() or r.id_number.text().strip()])
        workers = self.workers_total.value() or max(named, 1)
        amount = sum((r.amount_value() for r in self.claim_rows), Decimal("0.00"))
        self.total_label.setText(self.tr("Total claimed: %1 yuan").replace("%1", i18n.fmt_money(amount)))
        on = self.received_on.date().toPython()
        green = self.green_mode.currentData()
        self.ctx.runner.read(
            lambda s: cases.propose_flags(
                s,
                migrant_worker=migrant,
                wage_arrears=arrears,
                workers=workers,
                amount=amount,
                on=on,
                green_override=green,
            ),  # type: ignore[arg-type]
            on_success=lambda f, w=workers: self._show_flags(f, w),
            parent=self,
        )
        self._update_limitation()
        ids = [
            r.id_number.text().strip()
            for r in self.worker_rows
            if validation.is_valid_resident_id(r.id_number.text())
        ]
        uscc = self.uscc.text().strip() if validation.is_valid_uscc(self.uscc.text()) else None
        name = self.employer_name.text().strip() or None
        if ids and (uscc or name):
            kind = self.kind
            self.ctx.runner.read(
                lambda s: queries.likely_duplicates(s, kind, ids, uscc, name),
                on_success=self._show_duplicates,
                parent=self,
            )
        else:
            self._show_duplicates([])

    def limitation_value(self, name: str) -> Any:
        edit = self.limitation_dates.get(name)
        if edit is None or edit.date() == edit.minimumDate():
            return None
        return edit.date().toPython()

    def _update_limitation(self) -> None:
        from casemgr.services import limitation

        data = cases.CaseInput(
            kind=self.kind,
            received_on=self.received_on.date().toPython(),  # type: ignore[arg-type]
            employer=None,
            claims=[cases.ClaimInput(ClaimType(c.claim_type.currentData())) for c in self.claim_rows],
            **{name: self.limitation_value(name) for name in self.limitation_dates},
        )
        actor = self.ctx.actor
        self.ctx.runner.read(
            lambda s: limitation.preview(s, actor, data),
            on_success=self._show_limitation,
            parent=self,
        )

    def _show_limitation(self, warnings: list[Any]) -> None:
        zh = i18n.is_chinese()
        self.limitation.setText("\n".join(w.zh if zh else w.en for w in warnings))
        self.limitation.setVisible(bool(warnings))

    def _show_flags(self, f: cases.Flags, workers: int) -> None:
        self.proposed = f
        while self.flag_badges.count():
            item = self.flag_badges.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        reasons = []
        if f.green_channel:
            self.flag_badges.addWidget(badge(self.tr("Green channel"), "#2e7d32"))
            if self.green_mode.currentData() is True:
                reasons.append(self.tr("Green channel: set by hand."))
            else:
                reasons.append(self.tr("Green channel: a migrant worker claims unpaid wages."))
        if f.collective:
            self.flag_badges.addWidget(badge(self.tr("Collective"), "#1565c0"))
            reasons.append(self.tr("Collective: %1 workers are involved.").replace("%1", str(workers)))
        if f.supervised:
            self.flag_badges.addWidget(badge(self.tr("Supervised"), "#6a1b9a"))
            reasons.append(self.tr("Supervised: collective wage arrears, or many workers or a large amount."))
        if f.migrant_worker:
            self.flag_badges.addWidget(badge(self.tr("Migrant worker"), "#5d4037"))
        self.flag_badges.addStretch(1)
        self.flag_reasons.setText("\n".join(reasons) if reasons else self.tr("No special flags."))

    def _show_duplicates(self, rows: list[queries.CaseRow]) -> None:
        self.duplicate_rows = rows
        if not rows:
            self.duplicates.hide()
            return
        numbers = "、".join(r.number for r in rows)
        self.duplicates.setText(
            self.tr(
                "Possible duplicate: the same worker already has an open case against this employer (%1). "
                "You can still register this one."
            ).replace("%1", numbers)
        )
        self.duplicates.show()

    # ----------------------------------------------------------------- submit

    def check_all(self) -> bool:
        ok = True
        first: QWidget | None = None
        if not self.employer_name.text().strip() and self.kind is not CaseKind.MEDIATION:
            self.employer_error.set(self.tr("Enter the employer's name."))
            ok = False
            first = first or self.employer_name
        else:
            self.employer_error.set(None)
        if not self.check_uscc():
            ok = False
            first = first or self.uscc
        for r in self.worker_rows:
            good = r.check_id() and r.check_phone()
            if not good:
                first = first or r.id_number
            elif not r.check_name() and (self.kind is not CaseKind.INSPECTION or r.id_number.text().strip()):
                good = False
                first = first or r.name
            ok = ok and good
        for c in self.claim_rows:
            if not c.check():
                ok = False
                first = first or c.amount
        if first is not None:
            first.setFocus()
        return ok

    def case_input(self) -> cases.CaseInput:
        role = PartyRole.COMPLAINANT if self.kind is CaseKind.INSPECTION else PartyRole.APPLICANT
        if (
            self.kind is CaseKind.INSPECTION
            and self.complaint_type.currentData() == ComplaintType.REPORT.value
        ):
            role = PartyRole.REPORTER  # confidential (监察条例 Art. 9); the service insists too
        workers = [r for r in self.worker_rows if r.name.text().strip()]
        green = self.green_mode.currentData()
        employer = None
        if self.employer_name.text().strip():
            employer = parties.EmployerInput(
                name=self.employer_name.text().strip(),
                uscc=self.uscc.text().strip() or None,
                legal_rep=self.legal_rep.text().strip() or None,
                district=self.district.currentData(),
            )
        return cases.CaseInput(
            kind=self.kind,
            received_on=self.received_on.date().toPython(),  # type: ignore[arg-type]
            employer=employer,
            persons=[cases.PartyLink(r.person_input(), role) for r in workers],
            claims=[
                cases.ClaimInput(
                    ClaimType(c.claim_type.currentData()),
                    c.amount.text().strip(),
                    0 if workers else None,
                    months=c.months.value() or None,
                )
                for c in self.claim_rows
                if c.amount.text().strip()
            ],
            district=self.district.currentData(),
            workers=self.workers_total.value() or None,
            summary=self.summary.toPlainText().strip() or None,
            channel=Channel(self.channel.currentData()),
            external_ref=self.external_ref.text().strip() or None,
            complaint_type=ComplaintType(self.complaint_type.currentData())
            if self.kind is CaseKind.INSPECTION
            else None,
            green_channel_override=green,
            green_channel_reason=self.green_reason.text().strip() or None if green is not None else None,
            source_case_id=self.prefill.source_case_id if self.prefill else None,
            **{name: self.limitation_value(name) for name in self.limitation_dates},
            mediation_body=self.mediation_body.currentData() if self.kind is CaseKind.MEDIATION else None,
        )

    def submit(self) -> None:
        self.error.set(None)
        if not self.check_all():
            self.error.set(self.tr("Please correct the fields marked in red."))
            return
        data = self.case_input()
        actor = self.ctx.actor
        self.buttons.setEnabled(False)

        def run(s: Any) -> int:
            return cases.register_case(s, actor, data).id

        self.handle = self.ctx.runner.write(
            run,
            changes=lambda cid: Changes(case_ids=frozenset({cid}), cases=True, employers=True),
            on_success=self._registered,
            on_failure=self._failed,
            parent=self,
        )

    def _registered(self, case_id: int) -> None:
        self.case_id = case_id
        self.buttons.setEnabled(True)
        self.accept()
        self.registered.emit(case_id)

    def _failed(self, exc: errors.KnownError) -> bool:
        """Show the service's message beside the field it names; nothing was saved."""
        self.buttons.setEnabled(True)
        text = exc.message(i18n.current_language())
        target: FieldError = self.error
        if exc.field in ("uscc",):
            target = self.uscc_error
        elif exc.field in ("employer", "legal_rep"):
            target = self.employer_error
        elif exc.field in ("id_number", "name", "phone", "applicant") and self.worker_rows:
            target = self.worker_rows[0].error
        elif exc.field in ("amount_claimed", "claims") and self.claim_rows:
            target = self.claim_rows[0].error
        target.set(text)
        if target is not self.error:
            self.error.set(self.tr("Not registered: %1").replace("%1", text))
        return True
