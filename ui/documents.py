"""The case file's 文书 tab: make a notice, preview it, print it, and reopen or reprint a kept one.

Everything a notice says and who may make it is decided by :mod:`casemgr.services.notices`;
this module only asks for the fields, shows the PDF the service returns and sends it to a
printer. A preview is a page image rendered from that very PDF (PDFium, through pypdfium2),
so what the clerk sees is what prints. A reprint prints the kept bytes — the service
checks them against their hash and audits the reprint — never a fresh rendering.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from casemgr import queries
from ui import i18n
from ui.ops import Changes
from ui.widgets import TableView

if TYPE_CHECKING:
    from ui.app import AppContext


PREVIEW_DPI = 90
#: PDFium is not thread-safe: one rendering at a time, whichever thread asks.
_PDFIUM = threading.Lock()


def render_pages(content: bytes, dpi: float) -> list[QImage]:
    """Every page of a PDF as an image at ``dpi`` (QImage: safe to make on a worker thread)."""
    import pypdfium2 as pdfium

    with _PDFIUM:
        return _render(pdfium.PdfDocument(content), dpi)


def _render(pdf: Any, dpi: float) -> list[QImage]:
    try:
        images = []
        for i in range(len(pdf)):
            bitmap = pdf[i].render(scale=dpi / 72, prefer_bgrx=True)
            image = QImage(
                bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB32
            )
            images.append(image.copy())  # own the pixels: the bitmap's buffer goes with pdfium
        return images
    finally:
        pdf.close()


def ask_printer(title: str, parent: QWidget | None) -> Any:
    """Qt's print dialog (in the user's language through Qt's translations); None when cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setFullPage(True)  # the PDF carries the GB/T 9704 margins itself
    dialog = QPrintDialog(printer, parent)
    return printer if dialog.exec() == QDialog.DialogCode.Accepted else None


def print_to(printer: Any, content: bytes) -> bool:
    """Every page at the printer's resolution (at most 300 dpi), scaled to the paper."""
    dpi = min(printer.resolution(), 300)
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        for n, image in enumerate(render_pages(content, dpi)):
            if n:
                printer.newPage()
            target = painter.viewport()
            scaled = image.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(target.x(), target.y(), scaled)
    finally:
        painter.end()
    return True


def print_pdf(content: bytes, title: str, parent: QWidget | None) -> bool:
    printer = ask_printer(title, parent)
    return printer is not None and print_to(printer, content)


def _with_pages(content: bytes) -> tuple[bytes, list[QImage]]:
    """The PDF and its preview pages, rendered where the caller runs (a worker thread)."""
    content = bytes(content)
    return content, render_pages(content, PREVIEW_DPI)


class PreviewDialog(QDialog):
    """The pages of one notice as they print, with Print and Save as."""

    printed = Signal()

    def __init__(
        self,
        content: bytes,
        title: str,
        filename: str,
        parent: QWidget | None = None,
        pages: list[QImage] | None = None,
    ) -> None:
        super().__init__(parent)
        self.content, self.filename = content, filename
        self.setWindowTitle(title)
        lay = QVBoxLayout(self)
        sheet = QWidget()
        col = QVBoxLayout(sheet)
        col.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.page_labels: list[QLabel] = []
        for image in pages if pages is not None else render_pages(content, PREVIEW_DPI):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setStyleSheet("QLabel { background: white; border: 1px solid #999; }")
            col.addWidget(label)
            self.page_labels.append(label)
        scroll = QScrollArea()
        scroll.setWidget(sheet)
        scroll.setWidgetResizable(True)
        scroll.setStyleSheet("QScrollArea { background: #777; }")
        lay.addWidget(scroll, 1)
        buttons = QDialogButtonBox()
        self.print_button = buttons.addButton(self.tr("Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = buttons.addButton(self.tr("Save as…"), QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.save_as)
        lay.addWidget(buttons)
        screen = self.screen().availableGeometry() if self.screen() else None
        height = min(1000, screen.height() - 60) if screen else 700
        self.resize(min(900, (screen.width() - 40) if screen else 900), height)

    def save_as(self) -> str | None:
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the notice"), str(Path(docs) / self.filename), self.tr("PDF files (*.pdf)")
        )
        if not path:
            return None
        try:
            Path(path).write_bytes(self.content)
        except OSError as exc:
            QMessageBox.warning(
                self, self.tr("Save as…"), self.tr("Could not write the file: %1").replace("%1", str(exc))
            )
            return None
        return path


class NewDocumentDialog(QDialog):
    """Which notice, its number and the fields the template asks for; Preview before it is kept."""

    def __init__(
        self, types: list[tuple[str, str]], earlier: list[queries.DocumentRow], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New document"))
        self.earlier = earlier
        self.form = QFormLayout(self)
        self.kind = QComboBox()
        for code, title in types:
            self.kind.addItem(title, code)
        self.form.addRow(self.tr("Document"), self.kind)
        self.field_widgets: dict[str, Any] = {}
        self.fields_box = QFormLayout()
        self.form.addRow(self.fields_box)
        buttons = QDialogButtonBox()
        self.preview_button = buttons.addButton(self.tr("Preview"), QDialogButtonBox.ButtonRole.ActionRole)
        self.make_button = buttons.addButton(self.tr("Make and keep"), QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.clicked.connect(self.reject)
        self.make_button.clicked.connect(self.accept)
        self.form.addRow(buttons)
        self.kind.currentIndexChanged.connect(self._fields)
        self._fields()

    def notice_type(self) -> str:
        return str(self.kind.currentData())

    def _fields(self) -> None:
        from casemgr.reports.notices import ask_fields

        while self.fields_box.rowCount():
            self.fields_box.removeRow(0)
        self.field_widgets = {}
        for spec in ask_fields(self.notice_type()):
            widget: Any
            if spec.documents:
                widget = QComboBox()
                widget.setEditable(True)
                for d in self.earlier:
                    widget.addItem(f"{d.title}（{d.number}）" if d.number else d.title)
            elif spec.choices:
                widget = QComboBox()
                for value, text in spec.choices:
                    widget.addItem(text, value)
            elif spec.multiline:
                widget = QPlainTextEdit()
                widget.setFixedHeight(64)
            else:
                widget = QLineEdit()
            self.field_widgets[spec.key] = widget
            self.fields_box.addRow(spec.label, widget)
        self.adjustSize()

    def fields(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for key, w in self.field_widgets.items():
            if isinstance(w, QPlainTextEdit):
                out[key] = w.toPlainText().strip()
            elif isinstance(w, QComboBox):
                out[key] = w.currentData() if w.currentData() is not None else w.currentText().strip()
            else:
                out[key] = w.text().strip()
        return {k: v for k, v in out.items() if v}


class DocumentsPanel(QWidget):
    """The 文书 tab: the case's kept notices (title, number, date) and what can be done with them."""

    def __init__(self, ctx: AppContext, case_id: int, failed: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.case_id, self.failed = ctx, case_id, failed
        self.rows: list[queries.DocumentRow] = []
        self.dialogs: list[QDialog] = []
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New document…"))
        self.open_button = QPushButton(self.tr("Preview"))
        self.reprint_button = QPushButton(self.tr("Reprint…"))
        for b in (self.new_button, self.open_button, self.reprint_button):
            bar.addWidget(b)
        bar.addStretch(1)
        lay.addLayout(bar)
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([self.tr("Title"), self.tr("Number"), self.tr("Date")])
        self.view = TableView("casefile/documents2")
        self.view.setModel(self.model)
        self.view.restore_widths({0: 320, 1: 280, 2: 160})
        self.view.doubleClicked.connect(lambda _i: self.open_selected())
        lay.addWidget(self.view)
        self.new_button.clicked.connect(self.new_document)
        self.open_button.clicked.connect(self.open_selected)
        self.reprint_button.clicked.connect(self.reprint_selected)
        self._buttons()

    def set_documents(self, rows: tuple[queries.DocumentRow, ...], may_make: bool) -> None:
        self.rows = list(rows)
        self.may_make = may_make
        self.model.setRowCount(0)
        for d in rows:
            items = [
                QStandardItem(d.title),
                QStandardItem(d.number or ""),
                QStandardItem(i18n.fmt_date(d.dated) if d.dated else i18n.fmt_datetime(d.created_at)),
            ]
            for it in items:
                it.setEditable(False)
            self.model.appendRow(items)
        self._buttons()

    def _buttons(self) -> None:
        may = getattr(self, "may_make", False)
        self.new_button.setEnabled(may)
        self.open_button.setEnabled(may and bool(self.rows))
        self.reprint_button.setEnabled(may and bool(self.rows))

    def _selected(self) -> queries.DocumentRow | None:
        row = self.view.current_row()
        if row < 0 and self.rows:
            row = len(self.rows) - 1
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _keep(self, dlg: QDialog) -> QDialog:
        self.dialogs = [d for d in self.dialogs if shiboken6.isValid(d) and d.isVisible()] + [dlg]
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.show()
        return dlg

    # ------------------------------------------------------------------ actions

    def new_document(self) -> None:
        from casemgr.services import notices

        actor, case_id = self.ctx.actor, self.case_id
        self.ctx.runner.read(
            lambda s: notices.available_types(s, actor, case_id),
            on_success=self._ask_new,
            on_failure=self.failed,
            parent=self,
        )

    def _ask_new(self, types: list[tuple[str, str]]) -> QDialog | None:
        if not types:
            QMessageBox.information(
                self, self.tr("New document"), self.tr("No document can be made at this stage.")
            )
            return None
        dlg = NewDocumentDialog(types, self.rows, self)
        dlg.preview_button.clicked.connect(lambda: self._preview_new(dlg))
        dlg.accepted.connect(lambda: self._make(dlg.notice_type(), dlg.fields()))
        self.new_dialog = dlg
        return self._keep(dlg)

    def _preview_new(self, dlg: NewDocumentDialog) -> None:
        from casemgr.services import notices

        actor, case_id, code, fields = self.ctx.actor, self.case_id, dlg.notice_type(), dlg.fields()
        title = dlg.kind.currentText()
        self.ctx.runner.read(
            lambda s: _with_pages(notices.preview_notice(s, actor, case_id, code, fields=fields)),
            on_success=lambda r: self._show(
                r[0],
                self.tr("Preview (not kept): %1").replace("%1", title),
                "preview.pdf",
                printable=False,
                pages=r[1],
            ),
            on_failure=self.failed,
            parent=self,
        )

    def _make(self, code: str, fields: dict[str, object]) -> None:
        from casemgr.services import notices

        actor, case_id = self.ctx.actor, self.case_id
        self.ctx.runner.write(
            lambda s: notices.generate_notice(s, actor, case_id, code, fields=fields, check_state=True),
            changes=Changes(case_ids=frozenset({case_id})),
            on_success=lambda doc: self._show(
                bytes(doc.content), doc.title, doc.filename, printable=True, document_id=None
            ),
            on_failure=self.failed,
            parent=self,
        )

    def open_selected(self) -> None:
        from casemgr.services import notices

        doc = self._selected()
        if doc is None:
            return
        actor = self.ctx.actor
        self.ctx.runner.read(
            lambda s: (d := notices.open_document(s, actor, doc.id), _with_pages(d.content)[1]),
            on_success=lambda r: self._show(
                bytes(r[0].content),
                r[0].title,
                r[0].filename,
                printable=True,
                document_id=r[0].id,
                pages=r[1],
            ),
            on_failure=self.failed,
            parent=self,
        )

    def reprint_selected(self) -> None:
        doc = self._selected()
        if doc is not None:
            self._reprint(doc.id, self)

    def _reprint(self, document_id: int, parent: QWidget) -> None:
        """Printer first, then the audited reprint: a cancelled print dialog records nothing."""
        from casemgr.services import notices

        doc = next((d for d in self.rows if d.id == document_id), None)
        printer = ask_printer(doc.title if doc else "", parent)
        if printer is None:
            return
        actor, case_id = self.ctx.actor, self.case_id
        self.ctx.runner.write(
            lambda s: notices.reprint_document(s, actor, document_id),
            changes=Changes(case_ids=frozenset({case_id})),
            on_success=lambda d: print_to(printer, bytes(d.content)),
            on_failure=self.failed,
            parent=self,
        )

    def _show(
        self,
        content: bytes,
        title: str,
        filename: str,
        *,
        printable: bool,
        document_id: int | None = None,
        pages: list[QImage] | None = None,
    ) -> PreviewDialog:
        dlg = PreviewDialog(content, title, filename, self, pages)
        if not printable:
            dlg.print_button.hide()
        elif document_id is None:  # just made: the first print is the original, not a reprint
            dlg.print_button.clicked.connect(lambda: print_pdf(content, title, dlg))
        else:
            dlg.print_button.clicked.connect(lambda: self._reprint(document_id, dlg))
        self.preview = dlg
        self._keep(dlg)
        return dlg
