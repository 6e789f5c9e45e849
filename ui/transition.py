"""Dialogs generated from the workflow definition: a step's required fields, extensions.

A :class:`~casemgr.workflow.model.TransitionDef` lists exactly the fields its step needs
and their types; this dialog builds one editor per field, checks what it can while the
user types, and sends the values to ``casemgr.services.workflow.apply_transition`` with
the case version the user saw. The service is the judge: its refusal (a guard, a
missing field, a conflict with another user's edit) is shown inline, and nothing is
saved.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from casemgr import clock, errors, queries, validation
from casemgr.enums import ClaimType
from casemgr.workflow import money
from casemgr.workflow.model import FieldDef, TransitionDef
from ui import i18n, labels
from ui.newcase import FieldError
from ui.ops import Changes

if TYPE_CHECKING:
    from ui.app import AppContext

LONG_TEXT = {"reason", "description", "note", "result", "items", "missing"}


def date_edit(d: dt.date | None = None) -> QDateEdit:
    e = QDateEdit(QDate(d) if d else QDate(clock.today()))
    e.setCalendarPopup(True)
    e.setDisplayFormat("yyyy-MM-dd")
    return e


class ItemsEditor(QWidget):
    """Award items: one line per claim of the case (type and amount awarded)."""

    def __init__(
        self, claims: tuple[queries.ClaimRow, ...], parent: QWidget | None = None, *, purpose: str = "items"
    ) -> None:
        """``purpose`` is the field's name: ``items`` (award: prefilled with the claim),
        ``ordered_items`` (order to pay: the claim, per worker), ``paid_items`` (a payment:
        left empty, the outstanding shown as a hint)."""
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.rows: list[tuple[int | None, QComboBox, QLineEdit]] = []
        self.purpose = purpose
        for c in claims or ():
            if purpose == "paid_items":
                if c.amount_ordered is None:
                    continue
                owed = money.line_outstanding(
                    money.Line(c.id, c.worker_name, c.amount_ordered, c.amount_paid)
                )
                self._add(c.id, c.claim_type, None, c.worker_name, owed)
            else:
                self._add(c.id, c.claim_type, c.amount_claimed, c.worker_name if purpose != "items" else None)
        if not self.rows and purpose == "items":
            self._add(None, ClaimType.WAGES.value, None)

    def _add(
        self,
        claim_id: int | None,
        claim_type: str,
        amount: Any,
        worker: str | None = None,
        owed: Any = None,
    ) -> None:
        combo = QComboBox()
        for ct in ClaimType:
            combo.addItem(labels.label(labels.CLAIM_TYPES, ct.value), ct.value)
        combo.setCurrentIndex(max(0, combo.findData(claim_type)))
        edit = QLineEdit(f"{amount:.2f}" if amount is not None else "")
        if self.purpose == "paid_items":
            combo.setEnabled(False)
            edit.setPlaceholderText(self.tr("Outstanding %1").replace("%1", f"{owed:.2f}"))
        elif self.purpose == "ordered_items":
            combo.setEnabled(False)
            edit.setPlaceholderText(self.tr("Amount ordered (yuan)"))
        else:
            edit.setPlaceholderText(self.tr("Amount awarded (yuan)"))
        r = len(self.rows)
        col = 0
        if worker is not None:
            self.grid.addWidget(QLabel(worker), r, 0)
            col = 1
        self.grid.addWidget(combo, r, col)
        self.grid.addWidget(edit, r, col + 1)
        self.rows.append((claim_id, combo, edit))

    def value(self) -> list[dict[str, Any]]:
        out = []
        for cid, combo, edit in self.rows:
            if edit.text().strip():
                out.append(
                    {"claim_type": combo.currentData(), "amount": edit.text().strip(), "claim_item_id": cid}
                )
        return out


class TransitionDialog(QDialog):
    """One workflow step on one case.

    Signals:
        applied(int): the case id, after the step was committed.
        reload_requested(): the user chose to reload after a conflict.
    """

    applied = Signal(int)
    reload_requested = Signal()

    def __init__(
        self,
        ctx: AppContext,
        detail: queries.CaseDetail,
        transition: TransitionDef,
        parent: QWidget | None = None,
        *,
        record: bool = False,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail = detail
        self.transition = transition
        self.record = record  # a record (casemgr.workflow.records), not a workflow step
        self.handle: Any = None
        zh = i18n.is_chinese()
        name = transition.name_zh if zh else transition.name_en
        self.setWindowTitle(f"{name} — {detail.row.number}")
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr("Case %1, now: %2")
            .replace("%1", detail.row.number)
            .replace("%2", labels.label(labels.STATUSES, detail.row.status))
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        self.on = date_edit()
        self.on.setMaximumDate(QDate(clock.today()))
        form.addRow(self.tr("Date of this step"), self.on)
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, FieldError] = {}
        for f in transition.fields:
            editor = self._editor(f)
            self.editors[f.name] = editor
            label = (f.label_zh if zh else f.label_en) or self._fallback_label(f.name)
            if f.required and f.type != "bool":
                label += " *"
            form.addRow(label, editor)
            err = FieldError()
            self.errors[f.name] = err
            form.addRow("", err)
        lay.addLayout(form)
        self.error = FieldError()
        lay.addWidget(self.error)
        self.reload_button = QPushButton(self.tr("Reload the case"))
        self.reload_button.hide()
        self.reload_button.clicked.connect(self._reload)
        lay.addWidget(self.reload_button)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(name)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def _fallback_label(self, name: str) -> str:
        return {
            "reason": self.tr("Reason"),
            "note": self.tr("Note"),
            "document_no": self.tr("Document number"),
        }.get(name, name)

    def _editor(self, f: FieldDef) -> QWidget:
        if f.type == "date":
            return date_edit()
        if f.type == "bool":
            return QCheckBox(self.tr("Yes"))
        if f.type == "int":
            sb = QSpinBox()
            sb.setRange(0, 1_000_000)
            if f.name == "workers":
                sb.setValue(self.detail.row.workers)
            return sb
        if f.type == "choice":
            combo = QComboBox()
            if not f.required:
                combo.addItem("", None)
            for c in f.choices:
                combo.addItem(labels.label(labels.CHOICES, c), c)
            return combo
        if f.type == "items":
            return ItemsEditor(self.detail.claims, purpose=f.name)
        if f.type == "text" and f.name in LONG_TEXT:
            e = QPlainTextEdit()
            e.setTabChangesFocus(True)
            e.setFixedHeight(70)
            return e
        edit = QLineEdit()
        if f.type == "strings":
            edit.setPlaceholderText(self.tr("Names separated by commas"))
        if f.type == "decimal":
            edit.setPlaceholderText("0.00")
        return edit

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in self.transition.fields:
            v = self._value(f, self.editors[f.name])
            if v is not None:
                out[f.name] = v
        return out

    def _value(self, f: FieldDef, w: QWidget) -> Any:
        """One editor's value (a subclass with its own editors answers for them)."""
        v: Any
        if isinstance(w, QDateEdit):
            v = w.date().toPython()
        elif isinstance(w, QCheckBox):
            v = w.isChecked()
        elif isinstance(w, QSpinBox):
            v = w.value()
        elif isinstance(w, QComboBox):
            v = w.currentData()
        elif isinstance(w, ItemsEditor):
            v = w.value() or None
        elif isinstance(w, QPlainTextEdit):
            v = w.toPlainText().strip() or None
        else:
            assert isinstance(w, QLineEdit)
            text = w.text().strip()
            if f.type == "strings":
                v = [x.strip() for x in re.split(r"[,，、;；]", text) if x.strip()] or None
            else:
                v = text or None
        return v

    def check(self) -> bool:
        ok = True
        values = self.values()
        for f in self.transition.fields:
            err = self.errors[f.name]
            err.set(None)
            v = values.get(f.name)
            if f.required and f.type != "bool" and v in (None, "", []):
                err.set(self.tr("Required."))
                ok = False
            elif f.type == "decimal" and v is not None and not validation.is_valid_amount(v):
                err.set(self.tr("Enter a non-negative amount with at most 2 decimals."))
                ok = False
        return ok

    def submit(self) -> None:
        self.error.set(None)
        if not self.check():
            return
        from casemgr.services import workflow as wf

        values = self.values()
        on: dt.date = self.on.date().toPython()  # type: ignore[assignment]
        case_id, version, code, actor = (
            self.detail.row.id,
            self.detail.row.version,
            self.transition.code,
            self.ctx.actor,
        )
        apply = wf.apply_record if self.record else wf.apply_transition
        self.buttons.setEnabled(False)
        self.handle = self.ctx.runner.write(
            lambda s: apply(s, actor, case_id, code, values, expected_version=version, on=on).id,
            changes=Changes(case_ids=frozenset({case_id}), cases=True),
            on_success=self._done,
            on_failure=self._failed,
            parent=self,
        )

    def _done(self, case_id: int) -> None:
        self.buttons.setEnabled(True)
        self.accept()
        self.applied.emit(case_id)

    def _failed(self, exc: errors.KnownError) -> bool:
        self.buttons.setEnabled(True)
        text = exc.message(i18n.current_language())
        if isinstance(exc, errors.ConflictError):
            self.error.set(text)
            self.reload_button.show()
            return True
        if exc.field and exc.field in self.errors:
            self.errors[exc.field].set(text)
        else:
            self.error.set(text)
        return True

    def _reload(self) -> None:
        self.reload_requested.emit()
        self.reject()


class ExtensionDialog(QDialog):
    """Ask for (officer) or decide on (approver) the one extension a clock may get.

    The approver sees the request (who asked, when, how many days, why), approves exactly
    the days typed (the box does not clamp: more than the rule allows is refused by the
    service, with its message) or refuses with a reason. Who may approve is the service's
    rule (``require_extension_approver``), not this dialog's.

    Signals:
        applied(int): the case id.
    """

    applied = Signal(int)

    def __init__(
        self,
        ctx: AppContext,
        detail: queries.CaseDetail,
        deadline: queries.DeadlineRow,
        approve: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail = detail
        self.deadline = deadline
        self.approve = approve
        self.handle: Any = None
        self.request: Any = None
        rule = (deadline.rule_name_zh if i18n.is_chinese() else deadline.rule_name_en) or deadline.rule_code
        self.setWindowTitle(self.tr("Approve extension") if approve else self.tr("Request extension"))
        lay = QVBoxLayout(self)
        info = QLabel(self.tr("%1: due %2").replace("%1", rule).replace("%2", i18n.fmt_date(deadline.due_on)))
        info.setWordWrap(True)
        lay.addWidget(info)
        self.request_info = QLabel()
        self.request_info.setWordWrap(True)
        self.request_info.setVisible(approve)
        lay.addWidget(self.request_info)
        form = QFormLayout()
        maximum = deadline.max_extension_days or 1
        self.days = QSpinBox()
        # Wide range on purpose: a typed number is never silently cut to the maximum.
        self.days.setRange(1, 999)
        self.days.setValue(maximum)
        self.days.setSuffix(self.tr(" (at most %1)").replace("%1", str(maximum)))
        form.addRow(self.tr("Days of extension"), self.days)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(80)
        form.addRow(self.tr("Reason *"), self.reason)
        lay.addLayout(form)
        self.error = FieldError()
        lay.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.refuse_button: QPushButton | None = None
        if approve:
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Approve"))
            self.refuse_button = self.buttons.addButton(
                self.tr("Refuse"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.refuse_button.clicked.connect(self.refuse)
            self._load_request()
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)

    def _load_request(self) -> None:
        from casemgr.services import workflow as wf

        actor, case_id, deadline_id = self.ctx.actor, self.detail.row.id, self.deadline.id
        self.request_info.setText(self.tr("Loading the request…"))
        self.ctx.runner.read(
            lambda s: wf.pending_extension_request(s, actor, case_id, deadline_id),
            on_success=self._show_request,
            on_failure=self._failed,
            parent=self,
        )

    def _show_request(self, req: Any) -> None:
        self.request = req
        if req is None:
            self.request_info.setText(self.tr("There is no request to decide."))
            return
        days = (
            self.tr("%1 days").replace("%1", str(req.days))
            if req.days
            else self.tr("as many as the rule allows")
        )
        self.request_info.setText(
            self.tr("Requested by %1 on %2 for %3. Reason: %4")
            .replace("%1", req.requested_by or "—")
            .replace("%2", i18n.fmt_date(req.requested_on))
            .replace("%3", days)
            .replace("%4", req.reason or "—")
        )
        if req.days:
            self.days.setValue(req.days)

    def typed_days(self) -> int | None:
        """The number the user typed, or None when the box's text is not exactly a number."""
        self.days.interpretText()
        text = self.days.cleanText().strip()
        return int(text) if text.isdigit() and int(text) == self.days.value() else None

    def submit(self) -> None:
        from casemgr.services import workflow as wf

        reason = self.reason.toPlainText().strip()
        if not reason:
            self.error.set(self.tr("Give the reason."))
            return
        days = self.typed_days()
        if days is None:
            self.error.set(self.tr("Type the number of days."))
            return
        actor, case_id, version = self.ctx.actor, self.detail.row.id, self.detail.row.version
        deadline_id = self.deadline.id
        if self.approve:

            def run(s: Any) -> int:
                wf.approve_extension(s, actor, case_id, deadline_id, days, reason, version)
                return case_id
        else:

            def run(s: Any) -> int:
                wf.request_extension(
                    s, actor, case_id, deadline_id, reason, expected_version=version, days=days
                )
                return case_id

        self._run(run)

    def refuse(self) -> None:
        from casemgr.services import workflow as wf

        reason = self.reason.toPlainText().strip()
        if not reason:
            self.error.set(self.tr("Give the reason for refusing."))
            return
        actor, case_id, version = self.ctx.actor, self.detail.row.id, self.detail.row.version
        deadline_id = self.deadline.id

        def run(s: Any) -> int:
            wf.refuse_extension(s, actor, case_id, deadline_id, reason, version)
            return case_id

        self._run(run)

    def _run(self, run: Any) -> None:
        case_id = self.detail.row.id
        self.buttons.setEnabled(False)
        self.handle = self.ctx.runner.write(
            run,
            changes=Changes(case_ids=frozenset({case_id}), cases=True),
            on_success=self._done,
            on_failure=self._failed,
            parent=self,
        )

    def _done(self, case_id: int) -> None:
        self.buttons.setEnabled(True)
        self.accept()
        self.applied.emit(case_id)

    def _failed(self, exc: errors.KnownError) -> bool:
        self.buttons.setEnabled(True)
        self.error.set(exc.message(i18n.current_language()))
        return True
