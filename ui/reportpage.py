"""The report page: pick a month and a district, preview, save as PDF, open or print.

The figures come from ``casemgr.metrics`` and the PDF from ``casemgr.reports.monthly``
(pure functions of plain data), run on a worker thread.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ui import i18n
from ui.pages import Page, district_combo
from ui.widgets import heading

if TYPE_CHECKING:
    from ui.app import AppContext


class ReportPage(Page):
    """Monthly report: preview of the figures, then a PDF."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Monthly report")))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Month")))
        self.month = QDateEdit(QDate.currentDate().addMonths(-1))
        self.month.setDisplayFormat("yyyy-MM")
        row.addWidget(self.month)
        self.district = district_combo(self.tr("Whole city"))
        row.addWidget(self.district)
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.clicked.connect(self.preview)
        row.addWidget(self.preview_button)
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.clicked.connect(self.save_pdf)
        row.addWidget(self.save_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.view = QTextBrowser()
        lay.addWidget(self.view, 1)
        self.status = QLabel()
        lay.addWidget(self.status)
        allowed = ctx.can("report.generate")
        for w in (self.preview_button, self.save_button):
            w.setEnabled(allowed)
        if not allowed:
            self.status.setText(self.tr("Your role may not generate reports."))
        self.last_pdf: Path | None = None

    def month_start(self) -> dt.date:
        d = self.month.date()
        return dt.date(d.year(), d.month(), 1)

    def _report_module(self) -> Any:
        try:
            from casemgr.reports import monthly
        except ImportError:
            return None
        return monthly

    def preview(self) -> None:
        monthly = self._report_module()
        if monthly is None or not hasattr(monthly, "preview_html"):
            self.status.setText(self.tr("The report module is not installed yet."))
            return
        month, district = self.month_start(), self.district.currentData()
        lang = i18n.current_language()
        self.status.setText(self.tr("Computing…"))
        self.ctx.runner.read(
            lambda s: monthly.preview_html(s, month, district=district, lang=lang),
            on_success=self._show_preview,
            parent=self,
        )

    def _show_preview(self, html: str) -> None:
        self.view.setHtml(html)
        self.status.setText("")

    def save_pdf(self) -> None:
        monthly = self._report_module()
        if monthly is None or not hasattr(monthly, "build_for_month"):
            self.status.setText(self.tr("The report module is not installed yet."))
            return
        month, district = self.month_start(), self.district.currentData()
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        default = str(Path(docs) / f"monthly-report-{month:%Y-%m}.pdf")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save report"), default, self.tr("PDF files (*.pdf)")
        )
        if not path:
            return
        actor = self.ctx.actor
        self.status.setText(self.tr("Writing the PDF…"))
        self.ctx.runner.read(
            lambda s: monthly.build_for_month(s, actor, month, Path(path), district=district),
            on_success=lambda _r, p=path: self._saved(Path(p)),
            parent=self,
        )

    def _saved(self, path: Path) -> None:
        self.last_pdf = path
        self.status.setText(self.tr("Saved to %1").replace("%1", str(path)))
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
