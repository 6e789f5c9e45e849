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

from PySide6.QtCore import QRect, QSize, QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from casemgr import clock, errors, queries, validation
from casemgr.enums import (
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
from ui.caseform import BAD_COMBO, BAD_EDIT, EACH_WORKER, WARN_STYLE, ClaimRow, FieldError, WorkerRow
from ui.ops import Changes
from ui.widgets import DateEdit, badge

__all__ = ["ClaimRow", "FieldError", "NewCaseDialog", "Prefill", "WorkerRow"]

if TYPE_CHECKING:
    from ui.app import AppContext


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
        self.employer_alert: queries.EmployerAlert | None = None
        self._alert_key: tuple[object, ...] | None = None  # asked for
        self._alert_loaded: tuple[object, ...] | None = None  # answered
        self._chosen_employer: int | None = None  # picked from the completion list
        self.setWindowTitle(self.title())
        self.setMinimumWidth(760)
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        lay = QVBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.scroll = scroll
        today = clock.today()

        # -- the case: two columns of label and field, so the form fits a 1366x768 screen
        box = QGroupBox(self.tr("Case"))
        grid = QGridLayout(box)
        grid.setVerticalSpacing(2)
        cells: list[tuple[str, QWidget, QWidget | None]] = []
        self.received_on = DateEdit(today, latest=today)
        self.received_label_widget = QLabel()  # its text: _apply_wording()
        cells.append(("received", self.received_on, None))
        self.district = QComboBox()
        self.district.addItem(self.tr("(from the employer)"), None)
        for d in DISTRICTS_SHANWEI:
            self.district.addItem(labels.district(d), d)
        self.district.currentIndexChanged.connect(lambda _i: self._check_district(quiet=True))
        self.district_error = FieldError(reserve=True)
        cells.append((self.tr("District"), self.district, self.district_error))
        self.channel = QComboBox()
        for ch in Channel:
            if ch is not Channel.IMPORT:
                self.channel.addItem(labels.label(labels.CHANNELS, ch.value), ch.value)
        cells.append((self.tr("Received through"), self.channel, None))
        self.external_ref = QLineEdit()
        self.external_ref.setPlaceholderText(self.tr("Platform, 12345 or petition number, if any"))
        cells.append((self.tr("External reference"), self.external_ref, None))
        self.complaint_type = QComboBox()
        for ct in ComplaintType:
            self.complaint_type.addItem(labels.label(labels.COMPLAINT_TYPES, ct.value), ct.value)
        self.complaint_type.currentIndexChanged.connect(lambda _i: self._apply_wording())
        if kind is CaseKind.INSPECTION:
            cells.append((self.tr("Complaint or report"), self.complaint_type, None))
        else:
            self.complaint_type.hide()
        # Which body mediates decides which rules apply: a bureau mediation centre (劳动争议调解仲裁法
        # 2007, Art. 14) or an enterprise committee (企业劳动争议协商调解规定, 人社部令第17号, 2011).
        self.mediation_body = QComboBox()
        self.mediation_body.addItem(self.tr("(the bureau's default)"), None)
        self.mediation_body.addItem(self.tr("Bureau mediation centre"), MediationBody.BUREAU_CENTRE.value)
        self.mediation_body.addItem(self.tr("Enterprise mediation committee"), MediationBody.ENTERPRISE.value)
        if kind is CaseKind.MEDIATION:
            cells.append((self.tr("Mediated by"), self.mediation_body, None))
        else:
            self.mediation_body.hide()
        # Limitation (调解仲裁法 Art. 27; 监察条例 Art. 20): optional dates, warned below.
        self.limitation_dates: dict[str, DateEdit] = {}
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
            edit = DateEdit(None, latest=today, empty_text=self.tr("not known"))
            edit.dateChanged.connect(lambda _d: self._schedule_flags())
            self.limitation_dates[name] = edit
            cells.append((label, edit, None))
        self.received_on.dateChanged.connect(lambda _d: self._schedule_flags())
        row = 0
        for i, (label, widget, below) in enumerate(cells):
            col = (i % 2) * 2
            text = self.received_label_widget if label == "received" else QLabel(label)
            grid.addWidget(text, row, col)
            grid.addWidget(widget, row, col + 1)
            if below is not None:
                grid.addWidget(below, row + 1, col + 1)
            if i % 2 == 1 or i == len(cells) - 1:
                row += 2
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.summary = QPlainTextEdit()
        self.summary.setPlaceholderText(self.tr("What happened, in a few sentences"))
        self.summary.setFixedHeight(48)
        self.summary.setTabChangesFocus(True)
        grid.addWidget(QLabel(self.tr("Summary")), row, 0)
        grid.addWidget(self.summary, row, 1, 1, 3)
        self.source_label = QLabel()
        if prefill is not None:
            self.source_label.setText(
                self.tr("Handed over from mediation case %1").replace("%1", prefill.source_number)
            )
            grid.addWidget(QLabel(self.tr("Source")), row + 1, 0)
            grid.addWidget(self.source_label, row + 1, 1, 1, 3)
        lay.addWidget(box)

        # -- the employer
        box = QGroupBox()
        self.employer_box = box
        grid = QGridLayout(box)
        grid.setVerticalSpacing(2)
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
        self.employer_name.textEdited.connect(lambda _t: setattr(self, "_chosen_employer", None))
        self.employer_name.editingFinished.connect(lambda: self._check_employer())
        # one reserved line: the error, else the warning about the employer's record
        self.employer_error = FieldError(reserve=True)
        self.employer_note = FieldError(style=WARN_STYLE, reserve=True)
        grid.addWidget(QLabel(self.tr("Name")), 0, 0)
        grid.addWidget(self.employer_name, 0, 1, 1, 3)
        grid.addWidget(self.employer_note, 1, 1, 1, 3)
        grid.addWidget(self.employer_error, 1, 1, 1, 3)
        self.uscc = QLineEdit()
        self.uscc.setMaxLength(18)
        self.uscc.setPlaceholderText(self.tr("18-character unified social credit code"))
        self.uscc.editingFinished.connect(self.check_uscc)
        self.uscc.editingFinished.connect(lambda: self._check_employer())
        self.uscc_error = FieldError(reserve=True)
        grid.addWidget(QLabel(self.tr("Credit code")), 2, 0)
        grid.addWidget(self.uscc, 2, 1)
        grid.addWidget(self.uscc_error, 3, 1, 1, 3)
        self.legal_rep = QLineEdit()
        grid.addWidget(QLabel(self.tr("Legal representative")), 2, 2)
        grid.addWidget(self.legal_rep, 2, 3)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        lay.addWidget(box)

        # -- workers
        box = QGroupBox()
        self.workers_box = box
        wl = QVBoxLayout(box)
        wl.setSpacing(2)
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
        box = QGroupBox()
        self.claims_box = box
        cl = QVBoxLayout(box)
        cl.setSpacing(2)
        self.claim_rows: list[ClaimRow] = []
        self.claims_layout = QVBoxLayout()
        cl.addLayout(self.claims_layout)
        h = QHBoxLayout()
        self.add_claim_button = QPushButton()
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
        self.flag_reasons = QLabel(self.tr("Flags are proposed once workers and amounts are entered."))
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
        # what the bureau knows of this employer: open cases, recent complaints, watch lists
        self.employer_warning = QLabel()
        self.employer_warning.setWordWrap(True)
        self.employer_warning.setStyleSheet("QLabel { background: #fff4e0; color: #7a4a00; padding: 6px; }")
        self.employer_warning.setTextFormat(Qt.TextFormat.PlainText)
        self.employer_warning.hide()
        lay.addWidget(self.employer_warning)
        lay.addStretch(1)

        self.error = FieldError(lines=2, reserve=True)
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
        self._apply_wording()
        if prefill is not None:
            self._apply_prefill(prefill)
        self.fit_screen()
        self.employer_name.setFocus() if prefill else self.received_on.setFocus()

    # ----------------------------------------------------------------- size and closing

    def fit_screen(self, avail: QRect | None = None) -> None:
        """At most the screen's free area (1366x768 less the task bar at the office): the
        fields scroll, the buttons stay in sight. ``avail``: that area (default: the screen's)."""
        if avail is None and self.screen() is not None:
            avail = self.screen().availableGeometry()
        self._avail = avail
        width, height = 960, 980
        if avail is not None:
            width = min(width, avail.width() - 40)
            height = min(height, avail.height() - 40)  # the title bar and the frame
        self.resize(max(width, self.minimumWidth()), height)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        avail = getattr(self, "_avail", None)
        if avail is None:
            return hint
        return hint.boundedTo(QSize(avail.width() - 40, avail.height() - 40))

    def has_input(self) -> bool:
        """Anything typed that closing would lose."""
        texts = [self.employer_name, self.uscc, self.legal_rep, self.external_ref, self.green_reason]
        if any(e.text().strip() for e in texts) or self.summary.toPlainText().strip():
            return True
        for r in self.worker_rows:
            if any(e.text().strip() for e in (r.name, r.id_number, r.phone)):
                return True
        if any(c.amount.text().strip() for c in self.claim_rows):
            return True
        return any(e.value() is not None for e in self.limitation_dates.values())

    def reject(self) -> None:
        """Esc, Cancel and the window's close button (QDialog.closeEvent calls this and keeps
        the window when it stays visible) ask before a filled form is thrown away."""
        if self.case_id is None and self.has_input() and not self.confirm_discard():
            return
        super().reject()

    def confirm_discard(self) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.title())
        box.setText(self.tr("Discard this registration? What you entered will be lost."))
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        self.discard_box = box
        box.exec()
        self.discard_box = None
        return box.clickedButton() is discard

    # ----------------------------------------------------------------- titles

    def title(self) -> str:
        return {
            CaseKind.MEDIATION: self.tr("New mediation case"),
            CaseKind.ARBITRATION: self.tr("New arbitration application"),
            CaseKind.INSPECTION: self.tr("New inspection complaint"),
        }[self.kind]

    def complaint_code(self) -> str | None:
        return self.complaint_type.currentData() if self.kind is CaseKind.INSPECTION else None

    def word(self, key: str) -> str:
        """This kind's word (labels.WORDING): a complaint never says 被申请人 or 请求事项."""
        return labels.wording(self.kind.value, key, self.complaint_code())

    def received_label(self) -> str:
        return self.word("received")

    def workers_title(self) -> str:
        return self.word("workers_box")

    def _apply_wording(self) -> None:
        self.received_label_widget.setText(self.received_label())
        self.employer_box.setTitle(self.word("employer_box"))
        self.workers_box.setTitle(self.workers_title())
        self.claims_box.setTitle(self.word("claims"))
        self.add_claim_button.setText(self.word("add_claim"))

    # ----------------------------------------------------------------- rows

    def add_worker(self) -> WorkerRow:
        row = WorkerRow(self.ctx, len(self.worker_rows))
        row.changed.connect(self._schedule_flags)
        row.name.textChanged.connect(lambda _t: self._refresh_claim_workers())
        row.remove.connect(lambda r=row: self._remove_worker(r))
        self.worker_rows.append(row)
        self.workers_layout.addWidget(row)
        self._refresh_claim_workers()
        self._schedule_flags()
        return row

    def _remove_worker(self, row: WorkerRow) -> None:
        position = self.worker_rows.index(row)
        self.worker_rows.remove(row)
        row.deleteLater()
        for c in self.claim_rows:  # a claim of the removed worker goes back to "each worker"
            whose = c.worker.currentData()
            if whose == position:
                c.worker.setCurrentIndex(0)
            elif isinstance(whose, int) and whose > position:
                c.worker.setCurrentIndex(c.worker.findData(whose - 1))
        self._refresh_claim_workers()
        self._schedule_flags()

    def _refresh_claim_workers(self) -> None:
        names = [r.name.text().strip() for r in self.worker_rows]
        for c in self.claim_rows:
            c.set_workers(names)

    def add_claim(self) -> ClaimRow:
        row = ClaimRow(len(self.claim_rows))
        row.set_workers([r.name.text().strip() for r in self.worker_rows])
        row.changed.connect(self._schedule_flags)
        row.remove.connect(lambda r=row: self._remove_claim(r))
        self.claim_rows.append(row)
        self.claims_layout.addWidget(row)
        self.claims_layout.addWidget(row.error)
        return row

    def named_workers(self) -> list[WorkerRow]:
        """The worker rows that become parties (a row without a name is left out)."""
        return [r for r in self.worker_rows if r.name.text().strip()]

    def claim_total(self) -> Decimal:
        """What the claims add up to: an amount "for each worker" counts once per worker."""
        each = max(len(self.named_workers()), 1)
        return sum(
            (c.amount_value() * (each if c.whose() == EACH_WORKER else 1) for c in self.claim_rows),
            Decimal("0.00"),
        )

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
        self._check_employer(m.id)
        self._schedule_flags()

    def _employer_key(self) -> tuple[object, ...]:
        uscc = self.uscc.text().strip().upper()
        return (
            self._chosen_employer,
            uscc if validation.is_valid_uscc(uscc) else "",
            self.employer_name.text().strip(),
        )

    def _check_employer(self, employer_id: int | None = None) -> None:
        """Ask what the bureau knows of the employer named (open cases, complaints in the
        last 90 days, key monitoring, the blacklist): a warning beside the name, never a block."""
        if employer_id is not None:
            self._chosen_employer = employer_id
        key = self._employer_key()
        employer_id, uscc, name = key
        if key == self._alert_key:
            return
        self._alert_key = key
        if not (employer_id or uscc or name):
            self._show_alert(key, None)
            return
        actor = self.ctx.actor
        self.ctx.runner.read(
            lambda s: queries.employer_alert(
                s,
                actor,
                employer_id=employer_id,  # type: ignore[arg-type]
                uscc=str(uscc) or None,
                name=None if uscc else str(name),
            ),
            on_success=lambda a, k=key: self._show_alert(k, a),
            parent=self,
        )

    def _show_alert(self, key: tuple[object, ...], alert: queries.EmployerAlert | None) -> None:
        if key != self._alert_key:
            return  # the clerk has typed on since
        self.employer_alert = alert
        self._alert_loaded = key
        self._check_district(quiet=True)
        if alert is None or not alert.worth_warning:
            self.employer_note.set(None)
            self.employer_warning.hide()
            return
        parts = []
        if alert.blacklisted:
            until = i18n.fmt_date(alert.blacklisted_until) if alert.blacklisted_until else "—"
            parts.append(self.tr("on the wage-arrears blacklist (until %1)").replace("%1", until))
        if alert.key_monitoring:
            parts.append(self.tr("under key monitoring"))
        if alert.open_total:
            by_kind = "，".join(
                f"{labels.label(labels.KINDS, k)} {n}" for k, n in sorted(alert.open_by_kind.items())
            )
            parts.append(
                self.tr("%1 open case(s): %2").replace("%1", str(alert.open_total)).replace("%2", by_kind)
            )
        if alert.complaints_90d:
            parts.append(
                self.tr("%1 complaint(s) in the last 90 days").replace("%1", str(alert.complaints_90d))
            )
        text = self.tr("This employer is on file: %1. You can still register this case.").replace(
            "%1", "；".join(parts)
        )
        self.employer_note.set(text)
        self.employer_note.setVisible(not self.employer_error.full_text())
        self.employer_warning.setText(text)
        self.employer_warning.show()

    def _check_district(self, *, quiet: bool = False) -> bool:
        """A case needs a district: "(from the employer)" works only for an employer on file
        that has one. ``quiet``: only clear the message (while the clerk is still typing)."""
        known = self.employer_alert.district if self.employer_alert is not None else None
        ok = self.district.currentData() is not None or known is not None
        if ok or not quiet:
            self.district.setStyleSheet("" if ok else BAD_COMBO)
            self.district_error.set(
                None
                if ok
                else self.tr("Choose the district: this employer has none on file.")
                if self.employer_alert is not None
                else self.tr("Choose the district: the employer is new to the register.")
            )
        return ok

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
        amount = self.claim_total()
        self.total_label.setText(self.tr("Total amount: %1 yuan").replace("%1", i18n.fmt_money(amount)))
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
        return None if edit is None else edit.value()

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
            else:
                whose = c.whose()
                if whose is not None and whose >= 0 and not self.worker_rows[whose].name.text().strip():
                    c.error.set(self.tr("The worker this claim is for has no name yet."))
                    ok = False
                    first = first or c.worker
        for edit in (self.received_on, *self.limitation_dates.values()):
            if edit.problem():
                ok = False
                first = first or edit
        if not self._district_ok_for_submit():
            ok = False
            first = first or self.district
        if first is not None:
            first.setFocus()
            self.scroll.ensureWidgetVisible(first)
        return ok

    def _district_ok_for_submit(self) -> bool:
        """Block only what is known to fail: with the employer's record not read yet, the
        service decides (and its refusal lands on the same line)."""
        if self.district.currentData() is not None:
            return self._check_district()
        if not self.employer_name.text().strip():
            self.district_error.set(self.tr("Choose the district."))
            self.district.setStyleSheet(BAD_COMBO)
            return False
        if self._alert_key != self._employer_key() or self._alert_key != self._alert_loaded:
            return True
        return self._check_district()

    def case_input(self) -> cases.CaseInput:
        role = PartyRole.COMPLAINANT if self.kind is CaseKind.INSPECTION else PartyRole.APPLICANT
        if (
            self.kind is CaseKind.INSPECTION
            and self.complaint_type.currentData() == ComplaintType.REPORT.value
        ):
            role = PartyRole.REPORTER  # confidential (监察条例 Art. 9); the service insists too
        workers = self.named_workers()
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
            claims=[self._claim_input(c, workers) for c in self.claim_rows if c.amount.text().strip()],
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

    def _claim_input(self, c: ClaimRow, workers: list[WorkerRow]) -> cases.ClaimInput:
        """One claim line, for one worker or for each (never pinned on the first of many)."""
        whose = c.whose()
        index: int | None = None
        if whose is None:
            index = 0 if workers else None
        elif whose >= 0 and self.worker_rows[whose] in workers:
            index = workers.index(self.worker_rows[whose])
        return cases.ClaimInput(
            ClaimType(c.claim_type.currentData()),
            c.amount.text().strip(),
            index,
            months=c.months.value() or None,
            each_worker=whose == EACH_WORKER and bool(workers),
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
        elif exc.field in ("received_on", "knew_on", "limitation_interrupted_on"):
            target = self.error
        elif exc.field in ("amount_claimed", "claims") and self.claim_rows:
            target = self.claim_rows[0].error
        elif exc.field == "district":
            target = self.district_error
            self.district.setStyleSheet(BAD_COMBO)
        target.set(text)
        if target is not self.error:
            self.error.set(self.tr("Not registered: %1").replace("%1", text))
        return True
