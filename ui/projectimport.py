"""Importing a project ledger from the app: choose the file, look at the preview, import.

The preview is ``casemgr.io.project_import.check_file`` (a read: nothing written): how many
projects are new, how many update one on file, and every rejected row with its column and
reason. Import is offered only for a file without rejections, and runs in one write
transaction (all rows or none). The template can be saved from here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casemgr.io import project_import as pi
from ui.ops import Changes

if TYPE_CHECKING:
    from ui.app import AppContext

SHOWN = 200  # rejections listed in the preview


class ProjectImportDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result_: pi.ProjectImportResult | None = None
        self.setWindowTitle(self.tr("Import a project ledger"))
        self.resize(900, 560)
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "An Excel (.xlsx) or CSV ledger with a header row (项目名称, 施工总承包单位, 开工日期, …; "
                "see the template). Every row is checked first and nothing is imported while any row "
                "has a problem. A project already on file (same 项目编号, or same name) is updated."
            )
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        browse = QPushButton(self.tr("Choose file…"))
        template = QPushButton(self.tr("Save the template…"))
        browse.clicked.connect(self._browse)
        template.clicked.connect(self._template)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        row.addWidget(template)
        lay.addLayout(row)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Column"), self.tr("Problem"), self.tr("Value")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        lay.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
        self.import_button = buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self._import)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def _browse(self) -> None:
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a project ledger"), start, self.tr("Ledgers (*.xlsx *.csv)")
        )
        if name:
            self.check(Path(name))

    def _template(self) -> None:
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the template"),
            str(Path(start) / "工程建设项目台账模板.xlsx"),
            "Excel (*.xlsx)",
        )
        if name:
            pi.write_template(Path(name))

    def check(self, path: Path) -> None:
        """Preview ``path`` (a read on the worker thread)."""
        self.path.setText(str(path))
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Checking…"))
        actor = self.ctx.actor
        self.ctx.runner.read(
            lambda s: pi.check_file(s, actor, path),
            on_success=self._show,
            on_failure=self._failed,
            parent=self,
        )

    def _failed(self, _exc: object) -> bool:
        self.summary.setText(self.tr("The file cannot be imported."))
        return False

    def _show(self, r: pi.ProjectImportResult) -> None:
        self.result_ = r
        new = sum(1 for p in r.planned if p.project_id is None)
        text = self.tr("%1 row(s): %2 new project(s), %3 update(s) of projects on file.")
        text = (
            text.replace("%1", str(r.rows)).replace("%2", str(new)).replace("%3", str(len(r.planned) - new))
        )
        if r.rejections:
            text += " " + self.tr(
                "%1 problem(s) below: correct the file and choose it again; nothing is imported."
            )
            text = text.replace("%1", str(len(r.rejections)))
        if r.notes:
            text += "\n" + "\n".join(r.notes)
        self.summary.setText(text)
        shown = r.rejections[:SHOWN]
        self.table.setRowCount(len(shown))
        for i, rej in enumerate(shown):
            for j, value in enumerate((str(rej.row or ""), rej.column, rej.reason, rej.value)):
                self.table.setItem(i, j, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.import_button.setEnabled(not r.rejections and bool(r.planned))

    def _import(self) -> None:
        path, actor = Path(self.path.text()), self.ctx.actor
        self.import_button.setEnabled(False)
        self.ctx.runner.write(
            lambda s: pi.import_projects(s, actor, path),
            changes=Changes(employers=True),
            on_success=self._done,
            on_failure=self._failed,
            parent=self,
        )

    def _done(self, r: pi.ProjectImportResult) -> None:
        if r.refused:  # the file changed since the preview
            self._show(r)
            return
        msg = self.tr("Imported: %1 new project(s), %2 updated.").replace("%1", str(r.created))
        QMessageBox.information(self, self.windowTitle(), msg.replace("%2", str(r.updated)))
        self.accept()


def start_import(ctx: AppContext, parent: QWidget | None = None) -> ProjectImportDialog:
    dlg = ProjectImportDialog(ctx, parent)
    dlg.open()
    return dlg
