"""阳光仲裁 on the desktop: the award and its publication copy side by side, 批准公开.

Thin: the copy, who may approve it and whether the award is in force are
casemgr.services.publication; this dialog shows the two texts, the places a name was left
for a human to judge, and after approval saves the copy as PDF or plain text.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRegularExpression, QStandardPaths
from PySide6.QtGui import QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
)

from casemgr import clock, errors
from casemgr.services import publication
from ui import i18n
from ui.ops import Changes

if TYPE_CHECKING:
    from ui.app import AppContext


class PublicationDialog(QDialog):
    """Opened from a case file with a served award; every step runs as the logged-in user."""

    def __init__(self, ctx: AppContext, case_id: int, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_id = case_id
        self.preview: publication.PublicationPreview | None = None
        self.approved: publication.ApprovedCopy | None = None
        self.setWindowTitle(self.tr("Award publication copy"))
        self.resize(1200, 680)
        lay = QVBoxLayout(self)
        self.intro = QLabel(
            self.tr(
                "Names of natural persons become surname + 某; ID numbers, phone numbers, home addresses "
                "and bank accounts are removed; employers are kept (Supreme People's Court, Provisions on "
                "the Publication of Judgments on the Internet, Fa Shi [2016] No. 19, Arts. 9–11). "
                "Check the copy before approving it."
            )
        )
        self.intro.setWordWrap(True)
        lay.addWidget(self.intro)
        grid = QGridLayout()
        self.original = QPlainTextEdit(readOnly=True)
        self.copy = QPlainTextEdit(readOnly=True)
        font = QFont(self.original.font())
        font.setPointSizeF(font.pointSizeF() * 1.1)
        for edit in (self.original, self.copy):
            edit.setFont(font)
        grid.addWidget(QLabel(self.tr("Award as served")), 0, 0)
        grid.addWidget(QLabel(self.tr("Publication copy")), 0, 1)
        grid.addWidget(self.original, 1, 0)
        grid.addWidget(self.copy, 1, 1)
        lay.addLayout(grid, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        buttons = QHBoxLayout()
        self.approve_button = QPushButton(self.tr("Approve for publication"))
        self.approve_button.setEnabled(False)
        self.approve_button.clicked.connect(self.approve)
        self.pdf_button = QPushButton(self.tr("Save PDF…"))
        self.text_button = QPushButton(self.tr("Save text…"))
        for b in (self.pdf_button, self.text_button):
            b.setEnabled(False)
        self.pdf_button.clicked.connect(lambda: self._ask_save("pdf"))
        self.text_button.clicked.connect(lambda: self._ask_save("txt"))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons.addWidget(self.approve_button)
        buttons.addStretch(1)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.text_button)
        buttons.addWidget(close)
        lay.addLayout(buttons)
        self.load()

    def load(self) -> None:
        actor, case_id, today = self.ctx.actor, self.case_id, clock.today()
        self.ctx.runner.read(
            lambda s: publication.preview(s, actor, case_id, today=today),
            on_success=self._show,
            on_failure=self._failed,
            parent=self,
        )

    def _show(self, p: publication.PublicationPreview) -> None:
        self.preview = p
        self.original.setPlainText(p.original)
        self.copy.setPlainText(p.copy)
        self._mark(p)
        if p.approved_by is not None:  # approved before: offer the saved copy, not a second approval
            actor, case_id, today = self.ctx.actor, self.case_id, clock.today()
            self.ctx.runner.read(
                lambda s: publication.approved_copy(s, actor, case_id, today=today),
                on_success=lambda a: self._approved(a, p.approved_by, p.approved_at),
                on_failure=self._failed,
                parent=self,
            )
            return
        self.approve_button.setEnabled(True)
        if p.doubts:
            where = "；".join(d.context for d in p.doubts)
            self.status.setText(
                self.tr("A party's name runs into a word here and was left as it is; check it: %1").replace(
                    "%1", where
                )
            )
        else:
            self.status.setText(self.tr("%n item(s) of personal data removed.", "", p.removed))

    def _mark(self, p: publication.PublicationPreview) -> None:
        """Shade what was replaced in the copy (pseudonyms, ××) so the eye finds every change."""
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#FFF2B3"))
        marks = ["××", *sorted(set(p.pseudonyms.values()), key=len, reverse=True)]
        pattern = QRegularExpression("|".join(QRegularExpression.escape(m) for m in marks))
        selections = []
        doc = self.copy.document()
        cursor = doc.find(pattern)
        while not cursor.isNull():
            sel = QTextEdit.ExtraSelection()
            sel.cursor, sel.format = cursor, fmt
            selections.append(sel)
            cursor = doc.find(pattern, cursor)
        self.copy.setExtraSelections(selections)

    def approve(self) -> None:
        if self.preview is None:
            return
        actor, case_id, sha, today = self.ctx.actor, self.case_id, self.preview.sha256, clock.today()
        self.ctx.runner.write(
            lambda s: publication.approve(s, actor, case_id, sha, today=today),
            changes=Changes(case_ids=frozenset({case_id})),
            on_success=self._approved,
            on_failure=self._failed,
            parent=self,
        )

    def _approved(
        self, a: publication.ApprovedCopy, by: str | None = None, at: dt.datetime | None = None
    ) -> None:
        self.approved = a
        self.approve_button.setEnabled(False)
        self.pdf_button.setEnabled(True)
        self.text_button.setEnabled(True)
        self.status.setText(
            self.tr("Approved by %1 on %2 and kept in the case file.")
            .replace("%1", by or self.ctx.display_name)
            .replace("%2", i18n.fmt_datetime(at) if at else i18n.fmt_date(clock.today()))
        )

    def _failed(self, exc: errors.KnownError) -> bool:
        self.status.setText(exc.message(i18n.current_language()))
        return True

    def _ask_save(self, kind: str) -> None:
        if self.approved is None:
            return
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = Path(self.approved.filename).with_suffix("." + kind).name
        pattern = self.tr("PDF files (*.pdf)") if kind == "pdf" else self.tr("Text files (*.txt)")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save publication copy"), str(Path(docs) / name), pattern
        )
        if path:
            self.save(Path(path))

    def save(self, path: Path) -> Path:
        """Write the approved copy: PDF, or UTF-8 text for the commission's website."""
        assert self.approved is not None
        if path.suffix.lower() == ".pdf":
            path.write_bytes(self.approved.pdf)
        else:
            path = path if path.suffix.lower() == ".txt" else path.with_suffix(".txt")
            path.write_text(self.approved.text + "\n", encoding="utf-8")
        self.status.setText(self.tr("Saved to %1").replace("%1", str(path)))
        return path


def open_publication(ctx: AppContext, case_id: int, parent: Any) -> PublicationDialog:
    """The case file's action: open the dialog (window-modal, like the other case dialogs)."""
    dlg = PublicationDialog(ctx, case_id, parent)
    dlg.open()
    return dlg
