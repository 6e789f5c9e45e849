"""Importing a case ledger from the app: choose the file and options, watch it, cancel it.

Why this shape: everything the import decides (checking, the rejection workbook, all or
nothing, permissions, writing) is ``casemgr.io.ledger_import``'s; this module only asks
for the file and options, runs the import on the runner's worker thread in one write
transaction, shows its progress through a queued signal and turns the cancel button into
the import's ``cancelled`` callback — a cancelled or refused import writes nothing.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from casemgr import errors
from casemgr.enums import CaseKind
from ui import i18n, labels
from ui.ops import Changes

if TYPE_CHECKING:
    from casemgr.io.ledger_import import ImportOptions, ImportResult
    from ui.app import AppContext

# Rejections listed in the result message; the workbook has all of them.
SHOWN_REJECTIONS = 10


class ImportDialog(QDialog):
    """The file and the options of one import."""

    def __init__(self, kind: CaseKind | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import a ledger"))
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "An Excel (.xlsx) or CSV ledger with a header row (案号, 收案日期, …). "
                "Every row is checked first; rows with problems are listed in a workbook "
                "you can correct and import again. Case numbers already on file are skipped."
            )
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        row = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setMinimumWidth(360)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form.addRow(self.tr("File"), row)
        self.kind_combo = QComboBox()
        if kind is not None:
            self.kind_combo.addItem(labels.label(labels.KINDS, kind.value), kind.value)
        self.kind_combo.addItem(self.tr("Every kind (from the 案件类型 column)"), None)
        form.addRow(self.tr("Cases of"), self.kind_combo)
        lay.addLayout(form)
        self.dry_run = QCheckBox(self.tr("Check only, write nothing"))
        self.partial = QCheckBox(self.tr("Import the good rows even if some rows are rejected"))
        lay.addWidget(self.dry_run)
        lay.addWidget(self.partial)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.setVisible(False)
        lay.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def _browse(self) -> None:
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a ledger"), docs, self.tr("Ledgers (*.xlsx *.csv)")
        )
        if path:
            self.path_edit.setText(path)

    def path(self) -> Path:
        return Path(self.path_edit.text().strip())

    def _accept(self) -> None:
        path = self.path()
        if not self.path_edit.text().strip() or not path.is_file():
            self.error_label.setText(self.tr("Choose an existing .xlsx or .csv file."))
            self.error_label.setVisible(True)
            return
        self.accept()

    def options(self) -> ImportOptions:
        from casemgr.io.ledger_import import ImportOptions, default_report_path

        path = self.path()
        kind = self.kind_combo.currentData()
        return ImportOptions(
            dry_run=self.dry_run.isChecked(),
            all_or_nothing=not self.partial.isChecked(),
            kind=CaseKind(kind) if kind else None,
            report_path=default_report_path(path),
        )


class _Progress(QObject):
    """Created on the GUI thread; the import emits from the worker, Qt queues it here.

    Signals:
        step(str, int, int): phase ("check" or "write"), rows done, rows to write (0 while checking).
    """

    step = Signal(str, int, int)


class ImportView(QObject):
    """One import from the app.

    Signals:
        done(object): the ``ImportResult`` (also for a refused file or a dry run).
        failed(str): the error in the UI language (a cancelled import too).
    """

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, ctx: AppContext, kind: CaseKind | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.parent_widget = parent
        self.progress: QProgressDialog | None = None
        self.message: QMessageBox | None = None
        self.handle: Any = None
        self.cancel_requested = threading.Event()

    def start(self) -> None:
        dlg = ImportDialog(self.kind, self.parent_widget)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self.run(dlg.path(), dlg.options())

    def run(self, path: Path, options: ImportOptions) -> None:
        progress = _Progress(self)
        dlg = QProgressDialog(self.tr("Checking the ledger…"), self.tr("Cancel"), 0, 0, self.parent_widget)
        dlg.setWindowTitle(self.tr("Import a ledger"))
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        dlg.setMinimumDuration(300)
        dlg.setAutoClose(False)
        dlg.setAutoReset(False)
        dlg.canceled.connect(self.cancel)
        self.progress = dlg
        progress.step.connect(self._step)
        actor = self.ctx.actor
        cancel = self.cancel_requested

        def job(s: Session) -> Any:
            from casemgr.io.ledger_import import import_ledger

            return import_ledger(
                s, actor, path, options, progress=progress.step.emit, cancelled=cancel.is_set
            )

        def changes(result: Any) -> Changes:
            return Changes(cases=bool(result.created), employers=bool(result.created))

        self.handle = self.ctx.runner.write(
            job, changes=changes, on_success=self._done, on_failure=self._failed, parent=self
        )

    def cancel(self) -> None:
        """The import stops at its next row batch or chunk and rolls back."""
        self.cancel_requested.set()
        if self.progress is not None:
            self.progress.setLabelText(self.tr("Cancelling…"))

    def _step(self, phase: str, done: int, total: int) -> None:
        dlg = self.progress
        if dlg is None or self.cancel_requested.is_set():
            return
        if phase == "check":
            dlg.setMaximum(0)
            dlg.setLabelText(self.tr("Checking the ledger… %1 rows").replace("%1", f"{done:,}"))
        else:
            dlg.setMaximum(max(total, 1))
            dlg.setValue(min(done, max(total, 1)))
            dlg.setLabelText(
                self.tr("Writing cases… %1 of %2").replace("%1", f"{done:,}").replace("%2", f"{total:,}")
            )

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect(self.cancel)  # closing it emits canceled
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def summary(self, result: ImportResult) -> str:
        counts = (
            self.tr("%1 rows: %2 could be imported, %3 already on file, %4 rows with problems.")
            if result.dry_run
            else self.tr("%1 rows: %2 created, %3 already on file, %4 rows with problems.")
        )
        new = result.valid - result.existing if result.dry_run else result.created
        lines = [
            counts.replace("%1", f"{result.rows:,}")
            .replace("%2", f"{new:,}")
            .replace("%3", f"{result.existing:,}")
            .replace("%4", f"{result.rejected_rows:,}")
        ]
        if result.refused:
            lines.append(
                self.tr("Nothing was imported: correct the rows listed in the report and import again.")
            )
        elif result.dry_run:
            lines.append(
                self.tr("Check only: nothing was written.")
                if result.rejections
                else self.tr("Check passed: nothing was written.")
            )
        for p in result.rejections[:SHOWN_REJECTIONS]:
            lines.append(
                self.tr("Row %1, %2: %3")
                .replace("%1", str(p.row))
                .replace("%2", p.column)
                .replace("%3", p.reason)
            )
        if len(result.rejections) > SHOWN_REJECTIONS:
            lines.append(self.tr("… %1 problems in all.").replace("%1", f"{len(result.rejections):,}"))
        lines += result.notes  # the importer's notes are in Chinese (column names, encoding)
        return "\n".join(lines)

    def _done(self, result: Any) -> None:
        self._close_progress()
        icon = QMessageBox.Icon.Warning if result.rejections else QMessageBox.Icon.Information
        box = QMessageBox(icon, self.tr("Import a ledger"), self.summary(result), parent=self.parent_widget)
        if result.report_path:
            report = result.report_path
            open_button = box.addButton(self.tr("Open the report"), QMessageBox.ButtonRole.ActionRole)
            open_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(report)))
        box.addButton(QMessageBox.StandardButton.Close)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message = box
        box.open()
        self.done.emit(result)

    def _failed(self, exc: errors.KnownError) -> bool:
        self._close_progress()
        self.failed.emit(exc.message(i18n.current_language()))
        return False  # the runner shows it in a message box
