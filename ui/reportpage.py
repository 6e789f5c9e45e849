"""The report page: pick a month and a district, preview the figures, save PDF/JSON/xlsx, open, print.

The figures come from ``casemgr.services.months.report_data`` (live figures, or a closed
month's snapshot plus corrections) and the files from ``casemgr.reports.monthly`` /
``casemgr.metrics.report.to_json`` (pure functions of that data). Collecting runs on a
worker thread; the preview only formats the plain dataclass it gets back.
"""

from __future__ import annotations

import datetime as dt
import json
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QStandardPaths, QUrl, Signal
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
from sqlalchemy.orm import Session

from casemgr import clock
from ui import i18n, labels
from ui.pages import Page, district_combo
from ui.widgets import heading

if TYPE_CHECKING:
    from casemgr.metrics.indicators import Ratio
    from casemgr.metrics.report import ReportData
    from ui.app import AppContext


class ReportPage(Page):
    """Monthly report: preview of the figures, then PDF, JSON or xlsx.

    Signals:
        previewed(object): the ReportData shown.
        saved(str): the path of a file written.
    """

    previewed = Signal(object)
    saved = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Monthly report")))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Month")))
        self.month = QDateEdit(QDate(clock.today()).addMonths(-1))
        self.month.setDisplayFormat("yyyy-MM")
        row.addWidget(self.month)
        self.district = district_combo(self.tr("Whole city"))
        row.addWidget(self.district)
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.clicked.connect(self.preview)
        row.addWidget(self.preview_button)
        self.save_button = QPushButton(self.tr("Save…"))
        self.save_button.setToolTip(self.tr("Save as PDF, JSON or Excel"))
        self.save_button.clicked.connect(self.ask_save)
        row.addWidget(self.save_button)
        self.open_button = QPushButton(self.tr("Open / print"))
        self.open_button.setToolTip(self.tr("Open the saved PDF in the PDF viewer, which prints it"))
        self.open_button.clicked.connect(self.open_last)
        self.open_button.setEnabled(False)
        row.addWidget(self.open_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.view = QTextBrowser()
        lay.addWidget(self.view, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        allowed = ctx.can("report.generate")
        for w in (self.preview_button, self.save_button):
            w.setEnabled(allowed)
        if not allowed:
            self.status.setText(self.tr("Your role may not generate reports."))
        self.data: ReportData | None = None
        self.last_file: Path | None = None

    def month_start(self) -> dt.date:
        d = self.month.date()
        return dt.date(d.year(), d.month(), 1)

    def _collect(self) -> Any:
        from casemgr.services import months

        m, district = self.month_start(), self.district.currentData()
        return lambda s: months.report_data(s, m.year, m.month, district)

    # ------------------------------------------------------------------ preview

    def preview(self) -> Any:
        self.status.setText(self.tr("Computing…"))
        return self.ctx.runner.read(self._collect(), on_success=self._show_preview, parent=self)

    def _show_preview(self, data: ReportData) -> None:
        self.data = data
        self.view.setHtml(self.preview_html(data))
        self.status.setText("")
        self.previewed.emit(data)

    def _pct(self, r: Ratio) -> str:
        rate = r.rate
        text = "—" if rate is None else f"{rate * 100:.2f}%"
        text += f"（{r.numerator}/{r.denominator}）"
        if r.met is False:
            text = f"<span style='color:#c62828'>{text}</span>"
        return text

    def preview_html(self, data: ReportData) -> str:
        f, y = data.figures, data.year_to_date
        rows = [
            (self.tr("Mediation success rate"), self._pct(f.mediation), self._pct(y.mediation)),
            (self.tr("Arbitration closure rate"), self._pct(f.arbitration), self._pct(y.arbitration)),
            (self.tr("Inspection closure rate"), self._pct(f.inspection), self._pct(y.inspection)),
            (self.tr("Green channel on time"), self._pct(f.green), self._pct(y.green)),
            (self.tr("Wages recovered (yuan)"), i18n.fmt_money(f.recovered), i18n.fmt_money(y.recovered)),
            (self.tr("Amount claimed (yuan)"), i18n.fmt_money(f.claimed), i18n.fmt_money(y.claimed)),
            (self.tr("Workers helped"), str(f.workers_helped), str(y.workers_helped)),
            (self.tr("Workers involved"), str(f.workers_involved), str(y.workers_involved)),
            (self.tr("Collective cases"), str(f.collective), str(y.collective)),
            (self.tr("Supervised cases"), str(f.supervised), str(y.supervised)),
            (self.tr("Overdue cases"), str(f.overdue), str(y.overdue)),
        ]
        district = labels.district(data.district) if data.district else self.tr("Whole city")
        # lupdate does not look inside f-strings: translate first, then format.
        this_month, year_to_date, by_kind = self.tr("This month"), self.tr("Year to date"), self.tr("By kind")
        title = escape(f"{data.bureau} · {data.month} · {district}")
        html = [
            f"<h2>{title}</h2>",
            "<p>"
            + escape(self.tr("Overdue counted on %1.").replace("%1", i18n.fmt_date(data.as_of)))
            + "</p>",
            "<table border='1' cellspacing='0' cellpadding='4'>",
            f"<tr><th></th><th>{escape(this_month)}</th><th>{escape(year_to_date)}</th></tr>",
        ]
        html += [
            f"<tr><td>{escape(a)}</td><td align='right'>{b}</td><td align='right'>{c}</td></tr>"
            for a, b, c in rows
        ]
        html.append("</table>")
        html.append(f"<h3>{escape(by_kind)}</h3>")
        html.append("<table border='1' cellspacing='0' cellpadding='4'><tr>")
        for h in (
            self.tr("Kind"),
            self.tr("Pending at start"),
            self.tr("Accepted"),
            self.tr("Closed"),
            self.tr("Closure rate"),
            self.tr("Overdue"),
            self.tr("Recovered (yuan)"),
        ):
            html.append(f"<th>{escape(h)}</th>")
        html.append("</tr>")
        for k in data.by_kind:
            html.append(
                "<tr>"
                f"<td>{escape(labels.label(labels.KINDS, k.kind))}</td><td align='right'>{k.pending_at_start}</td>"
                f"<td align='right'>{k.accepted}</td><td align='right'>{k.closed}</td>"
                f"<td align='right'>{self._pct(k.closure)}</td><td align='right'>{k.overdue}</td>"
                f"<td align='right'>{i18n.fmt_money(k.recovered)}</td></tr>"
            )
        html.append("</table>")
        if data.closure is not None:
            html.append(
                "<p>"
                + escape(self.tr("This month is closed: the figures are the closing snapshot."))
                + "</p>"
            )
        return "".join(html)

    # ------------------------------------------------------------------ save

    def ask_save(self) -> None:
        m = self.month_start()
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        default = str(Path(docs) / f"monthly-report-{m:%Y-%m}.pdf")
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save report"),
            default,
            self.tr("PDF files (*.pdf);;JSON files (*.json);;Excel workbooks (*.xlsx)"),
        )
        if path:
            self.save(Path(path))

    def save(self, path: Path) -> Any:
        if path.suffix.lower() not in (".pdf", ".json", ".xlsx"):
            path = path.with_suffix(".pdf")
        collect = self._collect()
        lang = i18n.current_language()

        url = self.ctx.database.url

        def job(s: Session) -> str:
            from casemgr import anchors
            from casemgr.metrics import report as mr
            from casemgr.reports import monthly

            data = collect(s)
            suffix = path.suffix.lower()
            if suffix == ".json":
                path.write_text(
                    json.dumps(mr.to_json(data), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
                )
            elif suffix == ".xlsx":
                monthly.build_xlsx(data, path, lang=lang)
            else:
                monthly.build_pdf(data, path, lang=lang)
            anchors.remember(url, data.audit_anchor)  # the head it prints (casemgr.anchors)
            return str(path)

        self.status.setText(self.tr("Writing %1…").replace("%1", path.name))
        return self.ctx.runner.read(job, on_success=self._saved, parent=self)

    def _saved(self, path: str) -> None:
        self.last_file = Path(path)
        self.open_button.setEnabled(True)
        self.status.setText(self.tr("Saved to %1").replace("%1", path))
        self.saved.emit(path)

    def open_last(self) -> bool:
        """Open the file in its viewer (the PDF viewer prints it; no print path of our own to drift)."""
        if self.last_file is None:
            return False
        return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_file))))
