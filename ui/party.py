"""Correct a party's details from the case file (double-click a row of the parties table).

A person's ID number and phone are never put into the form (the case file shows them
masked, and unmasking is a logged act of its own): those boxes start empty and mean "keep
the current value" (``casemgr.services.parties.correct_person``). An employer's details
are not personal data and start filled in. The version read with the form goes back with
the change, so someone else's correction in between is a conflict, not an overwrite.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from casemgr import errors, queries
from casemgr.services import parties
from ui import i18n
from ui.newcase import FieldError
from ui.ops import Changes
from ui.pages import district_combo

if TYPE_CHECKING:
    from ui.app import AppContext


class PartyDialog(QDialog):
    """Signals: saved(): the correction was committed."""

    saved = Signal()

    def __init__(self, ctx: AppContext, form: queries.PartyForEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.form = form
        self.handle: Any = None
        person = form.kind == "person"
        self.setWindowTitle(
            self.tr("Correct the person's details") if person else self.tr("Correct the employer")
        )
        lay = QVBoxLayout(self)
        fl = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, FieldError] = {}

        def row(name: str, label: str, value: str | None, placeholder: str = "") -> None:
            e = QLineEdit(value or "")
            e.setPlaceholderText(placeholder)
            self.edits[name] = e
            fl.addRow(label, e)
            err = FieldError()
            self.errors[name] = err
            fl.addRow("", err)

        keep = self.tr("leave empty to keep the current value")
        row("name", self.tr("Name *"), form.name)
        if person:
            row("id_number", self.tr("New ID number"), None, keep)
            row("phone", self.tr("New phone"), None, keep)
            row("address", self.tr("New address"), None, keep)
            self.migrant = QCheckBox(self.tr("Migrant worker"))
            self.migrant.setChecked(form.migrant_worker)
            fl.addRow("", self.migrant)
        else:
            row("uscc", self.tr("Credit code"), form.uscc)
            row("legal_rep", self.tr("Legal representative"), form.legal_rep)
            self.district = district_combo(self.tr("(not known)"))
            self.district.setCurrentIndex(max(0, self.district.findData(form.district)))
            fl.addRow(self.tr("District"), self.district)
            row("industry", self.tr("Industry"), form.industry)
            row("address", self.tr("Address"), form.address)
            row("phone", self.tr("Phone"), form.phone)
        lay.addLayout(fl)
        self.error = FieldError()
        lay.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(480)

    def _text(self, name: str) -> str | None:
        return self.edits[name].text().strip() or None

    def submit(self) -> None:
        for e in self.errors.values():
            e.set(None)
        self.error.set(None)
        if not self._text("name"):
            self.errors["name"].set(self.tr("Required."))
            return
        f, actor = self.form, self.ctx.actor
        if f.kind == "person":
            changes = {k: self._text(k) for k in ("name", "id_number", "phone", "address")}
            changes["migrant_worker"] = self.migrant.isChecked()

            def run(s: Any) -> None:
                parties.correct_person(s, actor, f.id, changes, expected_version=f.version)
        else:
            data = parties.EmployerInput(
                name=self._text("name") or "",
                uscc=self._text("uscc"),
                legal_rep=self._text("legal_rep"),
                district=self.district.currentData(),
                industry=self._text("industry"),
                address=self._text("address"),
                phone=self._text("phone"),
            )

            def run(s: Any) -> None:
                parties.update_employer(s, actor, f.id, data, expected_version=f.version)

        self.buttons.setEnabled(False)
        self.handle = self.ctx.runner.write(
            run,
            changes=Changes(cases=True, employers=f.kind == "employer"),
            on_success=self._done,
            on_failure=self._failed,
            parent=self,
        )

    def _done(self, _result: object) -> None:
        self.buttons.setEnabled(True)
        self.accept()
        self.saved.emit()

    def _failed(self, exc: errors.KnownError) -> bool:
        self.buttons.setEnabled(True)
        text = exc.message(i18n.current_language())
        name = "name" if exc.field == "employer" else exc.field  # an employer's name is "employer"
        if name and name in self.errors:
            self.errors[name].set(text)
        else:
            self.error.set(text)
        return True
