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
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from casemgr import clock
from casemgr import labels as report_labels
from ui import i18n, labels, reportlink
from ui.pages import Page, district_combo
from ui.report_arb import ArbFinalityHtml
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
        lay.addLayout(self._closing_row())
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
        self.closure: Any = None  # casemgr.services.months.ClosureInfo of the month shown, or None
        self.month.dateChanged.connect(lambda _d: self.refresh_closure())
        self.district.currentIndexChanged.connect(lambda _i: self.refresh_closure())
        self.refresh_closure()

    # ------------------------------------------------------------------ month close

    def _closing_row(self) -> QHBoxLayout:
        """The month's state (本月已关账 / 未关账) and, for a supervisor, close and reopen."""
        row = QHBoxLayout()
        self.closure_label = QLabel()
        self.closure_label.setObjectName("closure_state")
        row.addWidget(self.closure_label)
        self.close_button = QPushButton(self.tr("Close the month…"))
        self.close_button.setToolTip(
            self.tr("Freeze this month's figures: later reprints show exactly what was reported")
        )
        self.close_button.clicked.connect(self.ask_close)
        self.reopen_button = QPushButton(self.tr("Reopen the month…"))
        self.reopen_button.setToolTip(
            self.tr("Drop the frozen figures; the month reports live figures again")
        )
        self.reopen_button.clicked.connect(self.ask_reopen)
        may = self.ctx.can("month.close")
        for b in (self.close_button, self.reopen_button):
            b.setEnabled(False)
            b.setVisible(may)  # the service refuses other roles anyway (casemgr.services.months)
            row.addWidget(b)
        row.addStretch(1)
        return row

    def refresh_closure(self) -> Any:
        from casemgr.services import months

        m, district = self.month_start(), self.district.currentData()
        return self.ctx.runner.read(
            lambda s: months.closure(s, m.year, m.month, district), on_success=self._show_closure, parent=self
        )

    def _show_closure(self, info: Any) -> None:
        self.closure = info
        if info is None:
            self.closure_label.setText(self.tr("This month is not closed"))
            self.closure_label.setStyleSheet("color: #555;")
        else:
            self.closure_label.setText(
                self.tr("This month is closed (%1, by %2)")
                .replace("%1", i18n.fmt_datetime(info.closed_at))
                .replace("%2", info.closed_by or "—")
            )
            self.closure_label.setStyleSheet("color: #2e7d32; font-weight: bold;")
        may = self.ctx.can("month.close")
        finished = self.month_start() < dt.date(clock.today().year, clock.today().month, 1)
        self.close_button.setEnabled(may and info is None and finished)
        self.reopen_button.setEnabled(may and info is not None)
        if may and info is None and not finished:
            self.close_button.setToolTip(self.tr("A month can be closed once it has ended"))

    def confirm(self, title: str, text: str) -> bool:
        """Ask before closing or reopening (replaced in tests)."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        yes = box.addButton(title, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is yes

    def _month_text(self) -> str:
        m, district = self.month_start(), self.district.currentData()
        where = labels.district(district) if district else self.tr("Whole city")
        return f"{m:%Y-%m} · {where}"

    def ask_close(self) -> Any:
        if not self.confirm(
            self.tr("Close the month"),
            self.tr(
                "Close %1? Its figures are frozen as they are now; the report of this month will "
                "print these figures, and later corrections are listed beside them."
            ).replace("%1", self._month_text()),
        ):
            return None
        return self.close_month()

    def ask_reopen(self) -> Any:
        if not self.confirm(
            self.tr("Reopen the month"),
            self.tr("Reopen %1? The frozen figures are dropped (the audit log keeps them).").replace(
                "%1", self._month_text()
            ),
        ):
            return None
        return self.reopen_month()

    def close_month(self) -> Any:
        from casemgr.services import months
        from ui.ops import Changes

        m, district, actor = self.month_start(), self.district.currentData(), self.ctx.actor
        today = clock.today()
        return self.ctx.runner.write(
            lambda s: months.close_month(s, actor, m.year, m.month, district, today=today),
            changes=Changes(),
            on_success=self._after_closing,
            parent=self,
        )

    def reopen_month(self) -> Any:
        from casemgr.services import months
        from ui.ops import Changes

        m, district, actor = self.month_start(), self.district.currentData(), self.ctx.actor
        return self.ctx.runner.write(
            lambda s: months.reopen_month(s, actor, m.year, m.month, district),
            changes=Changes(),
            on_success=self._after_closing,
            parent=self,
        )

    def _after_closing(self, _result: Any) -> None:
        self.refresh_closure()
        if self.ctx.can("report.generate"):
            self.preview()

    def month_start(self) -> dt.date:
        d = self.month.date()
        return dt.date(d.year(), d.month(), 1)

    def _collect(self) -> Any:
        from casemgr.services import months

        m, district, actor = self.month_start(), self.district.currentData(), self.ctx.actor
        return lambda s: months.report_data(s, actor, m.year, m.month, district)

    # ------------------------------------------------------------------ preview

    def preview(self) -> Any:
        self.status.setText(self.tr("Computing…"))
        return self.ctx.runner.read(self._collect(), on_success=self._show_preview, parent=self)

    def _show_preview(self, data: ReportData) -> None:
        self.data = data
        self.view.setHtml(self.preview_html(data))
        self.status.setText("")
        self.previewed.emit(data)

    def _pct(self, r: Ratio, *, judged: bool = False) -> str:
        """A rate with its counts; red when it misses its target — only where it is judged
        (the year to date: the plan's targets are annual, a month is not held to them)."""
        rate = r.rate
        text = "—" if rate is None else f"{rate * 100:.2f}%"
        text += f"（{r.numerator}/{r.denominator}）"
        if judged and r.met is False:
            text = f"<span style='color:#c62828'>{text}</span>"
        return text

    def _indicator(self, code: str) -> str:
        """The indicator's name as the printed report has it (one label everywhere)."""
        return report_labels.text(report_labels.INDICATORS, code, i18n.current_language())

    def preview_html(self, data: ReportData) -> str:
        f, y = data.figures, data.year_to_date
        rates = [
            ("mediation_success_rate", f.mediation, y.mediation),
            ("arbitration_closure_rate", f.arbitration, y.arbitration),
            ("inspection_closure_rate", f.inspection, y.inspection),
            ("green_on_time_rate", f.green, y.green),
        ]
        rows = [
            *((self._indicator(code), self._pct(m), self._pct(ytd, judged=True)) for code, m, ytd in rates),
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
        html.append(
            "<p>"
            + escape(report_labels.text(report_labels.REPORT, "targets_note", i18n.current_language()))
            + "</p>"
        )
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
        html.append(ArbFinalityHtml(self).html(data.arb_finality))  # issue 21
        html.append(reportlink.html(data))
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
        # lupdate does not look inside f-strings: translate the pattern, then fill it in.
        default = str(Path(docs) / self.tr("monthly-report-%1.pdf").replace("%1", f"{m:%Y-%m}"))
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
