"""Export of the current case list view through the ledger writer (casemgr.io.ledger_export).

Why this shape: the list's own SQL conditions (filters and search of ``queries.CaseQuery``)
go to the writer, so the file holds exactly the cases on screen; the writer masks ID
numbers unless the user may export them and audits the export. It pages through the
cases by id and runs on a worker thread; the rows written so far come back through a
queued signal to a progress dialog, so a long export never freezes the window.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget
from sqlalchemy.orm import Session

from casemgr import errors, queries
from casemgr.enums import CaseKind
from ui import i18n
from ui.ops import Changes

if TYPE_CHECKING:
    from ui.app import AppContext


class _Progress(QObject):
    """Created on the GUI thread; the worker emits, Qt queues to the GUI thread.

    Signals:
        total(int): cases in the view (known before writing starts).
        rows(int): rows written so far.
    """

    total = Signal(int)
    rows = Signal(int)


class ExportView(QObject):
    """One export: ask for a file, write it off the GUI thread, report.

    Signals:
        done(object): the ``ExportResult`` after a successful export.
        failed(str): the refusal in the UI language.
    """

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, ctx: AppContext, query: queries.CaseQuery, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.query = query
        self.parent_widget = parent
        self.progress: QProgressDialog | None = None
        self.message: QMessageBox | None = None
        self.handle: Any = None

    def ask_path(self) -> Path | None:
        """The save dialog (tests call :meth:`run` with a path instead)."""
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        kind = CaseKind(self.query.kind).value if self.query.kind else "cases"
        path, _ = QFileDialog.getSaveFileName(
            self.parent_widget,
            self.tr("Export the list"),
            str(Path(docs) / f"{kind}.xlsx"),
            self.tr("Excel workbook (*.xlsx);;CSV file (*.csv)"),
        )
        return Path(path) if path else None

    def start(self) -> None:
        path = self.ask_path()
        if path is not None:
            self.run(path)

    def run(self, path: Path) -> None:
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_suffix(".xlsx")
        progress = _Progress(self)
        dlg = QProgressDialog(self.tr("Exporting…"), "", 0, 0, self.parent_widget)
        dlg.setWindowTitle(self.tr("Export the list"))
        dlg.setCancelButton(None)  # the writer has no safe point to stop; it pages quickly
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        dlg.setMinimumDuration(300)
        dlg.setAutoClose(False)
        dlg.setAutoReset(False)
        self.progress = dlg
        progress.total.connect(lambda n: dlg.setMaximum(max(n, 1)))
        progress.rows.connect(self._rows)
        query = self.query
        actor = self.ctx.actor

        def list_filter(s: Session) -> Any:
            from casemgr.io.ledger_export import ExportFilter

            progress.total.emit(query.count(s))
            kind = CaseKind(query.kind) if query.kind else None
            return ExportFilter(kind=kind, where=tuple(query._where(s)))

        def job(database: Any) -> Any:
            from casemgr.io.ledger_export import export_cases

            # Its own transactions: the rows in a read (a colleague's save never waits for
            # an export), then the audit entry in a short write.
            return export_cases(database, actor, path, list_filter, progress=progress.rows.emit)

        self.handle = self.ctx.runner.call(
            job, changes=Changes(), on_success=self._done, on_failure=self._failed, parent=self
        )

    def _rows(self, n: int) -> None:
        if self.progress is not None:
            self.progress.setValue(min(n, self.progress.maximum()))
            self.progress.setLabelText(self.tr("%1 cases written…").replace("%1", str(n)))

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _done(self, result: Any) -> None:
        self._close_progress()
        text = self.tr("%1 cases exported to %2.").replace("%1", str(result.rows)).replace("%2", result.path)
        if result.masked:
            text += "\n" + self.tr("ID numbers are masked.")
        box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Export the list"), text, parent=self.parent_widget
        )
        open_button = box.addButton(self.tr("Open"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        open_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(result.path)))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message = box
        box.open()
        self.done.emit(result)

    def _failed(self, exc: errors.KnownError) -> bool:
        self._close_progress()
        self.failed.emit(exc.message(i18n.current_language()))
        return False  # the runner shows it in a message box
