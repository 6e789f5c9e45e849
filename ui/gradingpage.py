"""守法诚信等级评价 (issue 17): a tab of the 欠薪预防 page.

The list is a paged model over ``casemgr.queries.grading`` (a year holds every employer in the
register: nothing loads them all); the selected row's reasons show below it. Inspectors run
the year's proposal and record the facts the case file cannot show; supervisors confirm, one
by one or all unchanged proposals of the filtered list, or change a grade with a reason.
Every rule is in ``casemgr`` (the services refuse what a role may not do; the buttons only
spare a user a refusal).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QStandardPaths, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casemgr import clock, permissions
from casemgr.actor import Actor
from casemgr.grading.rules import FactKind
from casemgr.queries import grading as gq
from casemgr.services import grading, grading_export
from ui import i18n, labels
from ui.models import Column, PagedTableModel
from ui.ops import Changes
from ui.pages import Page, district_combo
from ui.widgets import DateEdit, SearchBox, TableView, heading

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ui.app import AppContext

CTX = "GradingPage"
GRADE_COLOURS = {"A": QColor("#2e7d32"), "B": QColor("#b26a00"), "C": QColor("#c62828")}


def status_label(status: str) -> str:
    return (
        QCoreApplication.translate("GradingPage", "Confirmed")
        if status == gq.CONFIRMED
        else QCoreApplication.translate("GradingPage", "Proposed")
    )


def grade_label(grade: str) -> str:
    return {
        "A": QCoreApplication.translate("GradingPage", "Grade A"),
        "B": QCoreApplication.translate("GradingPage", "Grade B"),
        "C": QCoreApplication.translate("GradingPage", "Grade C"),
    }.get(grade, grade)


def fact_labels() -> dict[FactKind, str]:
    return {
        FactKind.GROUP_INCIDENT: QCoreApplication.translate(
            "GradingPage", "Mass or extreme incident, serious public harm"
        ),
        FactKind.SERIOUS_VIOLATION: QCoreApplication.translate(
            "GradingPage", "Child labour, forced labour or other serious violation"
        ),
        FactKind.NON_PERFORMANCE: QCoreApplication.translate(
            "GradingPage", "Refused an order to rectify or a decision"
        ),
        FactKind.OBSTRUCTION: QCoreApplication.translate(
            "GradingPage", "Resisted or obstructed an inspection"
        ),
        FactKind.CRIMINAL: QCoreApplication.translate("GradingPage", "Held criminally liable"),
    }


class GradeTableModel(PagedTableModel):
    COLUMNS = (
        Column("employer", CTX, QT_TRANSLATE_NOOP("GradingPage", "Employer")),
        Column("district", CTX, QT_TRANSLATE_NOOP("GradingPage", "District")),
        Column("proposed", CTX, QT_TRANSLATE_NOOP("GradingPage", "Proposal")),
        Column("grade", CTX, QT_TRANSLATE_NOOP("GradingPage", "Grade")),
        Column("status", CTX, QT_TRANSLATE_NOOP("GradingPage", "Status")),
        Column("confirmed_by", CTX, QT_TRANSLATE_NOOP("GradingPage", "Confirmed by")),
        Column("reason", CTX, QT_TRANSLATE_NOOP("GradingPage", "Main reason")),
    )

    def __init__(self, runner: Any, actor: Actor, f: gq.GradeFilter, parent: Any = None) -> None:
        super().__init__(runner, parent)
        self.actor = actor
        self.filter = f

    def set_filter(self, f: gq.GradeFilter) -> None:
        self.filter = f
        self.reload()

    def fetch_page(self, session: Session, offset: int, limit: int) -> list[gq.GradeRow]:
        return gq.grade_rows(session, self.actor, self.filter, offset, limit)

    def fetch_count(self, session: Session) -> int:
        return gq.count_grades(session, self.actor, self.filter)

    def cell(self, row: gq.GradeRow, column: Column, role: int) -> Any:
        key = column.key
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "employer":
                return row.employer_name
            if key == "district":
                return labels.district(row.district)
            if key == "proposed":
                return grade_label(row.proposed)
            if key == "grade":
                return grade_label(row.grade) + (" *" if row.changed else "")
            if key == "status":
                return status_label(row.status)
            if key == "reason":
                return row.reasons[0].text(i18n.current_language()) if row.reasons else ""
            if key == "confirmed_by":
                return row.confirmed_by or ""
        if role == Qt.ItemDataRole.ForegroundRole and key in ("grade", "proposed"):
            colour = GRADE_COLOURS.get(row.grade if key == "grade" else row.proposed)
            return QBrush(colour) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole and key in ("reason", "grade"):
            return "\n".join(r.text(i18n.current_language()) for r in row.reasons)
        return None


class ChangeDialog(QDialog):
    """A grade other than the proposal needs a reason; the service checks it again."""

    def __init__(self, row: gq.GradeRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change the grade"))
        form = QFormLayout(self)
        form.addRow(self.tr("Employer"), QLabel(row.employer_name))
        form.addRow(self.tr("Proposed"), QLabel(grade_label(row.proposed)))
        self.grade = QComboBox()
        for g in ("A", "B", "C"):
            self.grade.addItem(grade_label(g), g)
        self.grade.setCurrentIndex(self.grade.findData(row.grade))
        form.addRow(self.tr("Grade"), self.grade)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(
            self.tr("Why the grade differs from the proposal (review, objection …)")
        )
        self.reason.setFixedHeight(90)
        form.addRow(self.tr("Reason"), self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Confirm"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class FactDialog(QDialog):
    """A fact the case file cannot show (Art. 6 C items 2, 3, 5, 6 and refusals not on file)."""

    def __init__(self, row: gq.GradeRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record a grading fact"))
        form = QFormLayout(self)
        form.addRow(self.tr("Employer"), QLabel(row.employer_name))
        self.kind = QComboBox()
        for kind, text in fact_labels().items():
            self.kind.addItem(text, kind.value)
        form.addRow(self.tr("What happened"), self.kind)
        last = min(dt.date(row.year, 12, 31), clock.today())
        self.on = DateEdit(last, earliest=dt.date(row.year, 1, 1), latest=last)
        form.addRow(self.tr("Date"), self.on)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(
            self.tr("The facts and their source: document number, record, who reported it")
        )
        self.note.setFixedHeight(90)
        form.addRow(self.tr("Note"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Record"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class GradingPage(Page):
    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("GradingPage", "Compliance grading")

    @classmethod
    def visible_to(cls, ctx: AppContext) -> bool:
        return permissions.allowed(ctx.actor, "grading.view")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.can_propose = permissions.allowed(ctx.actor, grading.PROPOSE)
        self.can_confirm = permissions.allowed(ctx.actor, grading.CONFIRM)
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Compliance grading (A/B/C)")))
        self.year = QComboBox()
        self.year.setToolTip(self.tr("The year evaluated: the grading uses that year's record"))
        top.addWidget(self.year)
        self.grade = QComboBox()
        self.grade.addItem(self.tr("All grades"), None)
        for g in ("C", "B", "A"):
            self.grade.addItem(grade_label(g), g)
        top.addWidget(self.grade)
        self.status = QComboBox()
        self.status.addItem(self.tr("Proposed and confirmed"), None)
        self.status.addItem(self.tr("Proposed"), gq.PROPOSED)
        self.status.addItem(self.tr("Confirmed"), gq.CONFIRMED)
        top.addWidget(self.status)
        self.district = district_combo(self.tr("All districts"))
        top.addWidget(self.district)
        self.search = SearchBox()
        self.search.setPlaceholderText(self.tr("Employer name or credit code"))
        top.addWidget(self.search, 1)
        lay.addLayout(top)

        actions = QHBoxLayout()
        self.run_button = self._button(
            actions, self.tr("Propose grades for the year"), self.run, self.can_propose
        )
        self.fact_button = self._button(
            actions, self.tr("Record a fact…"), self.record_fact, self.can_propose
        )
        self.confirm_button = self._button(actions, self.tr("Confirm"), self.confirm, self.can_confirm)
        self.change_button = self._button(actions, self.tr("Change grade…"), self.change, self.can_confirm)
        self.confirm_all_button = self._button(
            actions, self.tr("Confirm all shown"), self.confirm_all, self.can_confirm
        )
        actions.addStretch(1)
        self.notice_button = self._button(
            actions, self.tr("Notice (PDF)…"), self.save_notice, self.can_propose
        )
        self._button(actions, self.tr("Export Excel…"), lambda: self.export("xlsx"), True)
        self._button(actions, self.tr("Export PDF…"), lambda: self.export("pdf"), True)
        lay.addLayout(actions)

        self.summary = QLabel()
        lay.addWidget(self.summary)
        self.model = GradeTableModel(ctx.runner, ctx.actor, gq.GradeFilter(clock.today().year - 1), self)
        self.view = TableView("grading")
        self.view.setModel(self.model)
        self.view.restore_widths({0: 260, 1: 76, 2: 64, 3: 64, 4: 64, 5: 80})
        self.view.clicked.connect(lambda idx: self._show_detail())
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        lay.addWidget(self.view, 1)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(70)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.detail)
        self.count = QLabel()
        lay.addWidget(self.count)
        self.model.count_changed.connect(lambda n: self.count.setText(self.tr("%n employer(s)", "", n)))
        for combo in (self.grade, self.status, self.district):
            combo.currentIndexChanged.connect(lambda _i: self.apply())
        self.year.currentIndexChanged.connect(lambda _i: self.apply())
        self.search.search.connect(lambda _t: self.apply())
        self._load_years()

    def _button(self, row: QHBoxLayout, text: str, slot: Any, allowed: bool) -> QPushButton:
        b = QPushButton(text)
        b.clicked.connect(lambda _c=False: slot())
        b.setVisible(allowed)
        row.addWidget(b)
        return b

    # ------------------------------------------------------------------ list

    def current_filter(self) -> gq.GradeFilter:
        year = self.year.currentData()
        return gq.GradeFilter(
            year=int(year) if year is not None else clock.today().year - 1,
            grade=self.grade.currentData(),
            status=self.status.currentData(),
            district=self.district.currentData(),
            text=self.search.text().strip(),
        )

    def _load_years(self) -> None:
        actor = self.ctx.actor
        self.ctx.runner.read(lambda s: gq.graded_years(s, actor), on_success=self._set_years, parent=self)

    def _set_years(self, years: list[int]) -> None:
        keep = self.year.currentData()
        last = clock.today().year - 1
        self.year.blockSignals(True)
        self.year.clear()
        for y in sorted(set(years) | {last}, reverse=True):
            self.year.addItem(self.tr("Year %1").replace("%1", str(y)), y)
        index = self.year.findData(keep if keep is not None else last)
        self.year.setCurrentIndex(max(index, 0))
        self.year.blockSignals(False)
        self.apply()

    def apply(self) -> None:
        f = self.current_filter()
        self.model.set_filter(f)
        self.detail.clear()
        self.ctx.runner.read(
            lambda s: gq.year_summary(s, self.ctx.actor, f.year), on_success=self._show_summary, parent=self
        )

    def _show_summary(self, y: gq.YearSummary) -> None:
        if sum(y.by_grade.values()) == 0:
            self.summary.setText(self.tr("No grades for this year yet."))
            return
        self.summary.setText(
            self.tr("Year %1: grade A %2, grade B %3, grade C %4; proposed %5, confirmed %6, changed %7")
            .replace("%1", str(y.year))
            .replace("%2", str(y.by_grade.get("A", 0)))
            .replace("%3", str(y.by_grade.get("B", 0)))
            .replace("%4", str(y.by_grade.get("C", 0)))
            .replace("%5", str(y.proposed))
            .replace("%6", str(y.confirmed))
            .replace("%7", str(y.changed))
        )

    def selected(self) -> gq.GradeRow | None:
        row = self.view.current_row()
        return self.model.row_at(row) if row >= 0 else None

    def _show_detail(self) -> None:
        r = self.selected()
        if r is None:
            self.detail.clear()
            return
        lang = i18n.current_language()
        lines = [f"<b>{r.employer_name}</b>　{grade_label(r.grade)}（{status_label(r.status)}）"]
        lines += [f"• {x.text(lang)}" for x in r.reasons]
        if r.change_reason:
            lines.append(self.tr("Reason for the change: %1").replace("%1", r.change_reason))
        self.detail.setText("<br>".join(lines))

    def refresh(self) -> None:
        self.apply()

    def focus_search(self) -> None:
        self.search.setFocus()

    def on_changed(self, changes: Changes) -> None:
        if changes.employers:
            self.apply()

    # ------------------------------------------------------------------ acts

    def _done(self, message: str) -> Any:
        def show(_result: Any) -> None:
            self.summary.setText(message)
            self._load_years()

        return show

    def _need_row(self) -> gq.GradeRow | None:
        r = self.selected()
        if r is None:
            QMessageBox.information(self, self.tr("Compliance grading"), self.tr("Select an employer first."))
        return r

    def run(self) -> None:
        year = self.current_filter().year
        actor = self.ctx.actor
        self.ctx.runner.write(
            lambda s: grading.run(s, actor, year),
            changes=Changes(employers=True),
            on_success=lambda r: self._done(
                self.tr("Proposals written for %1: A %2, B %3, C %4; %5 confirmed grades kept.")
                .replace("%1", str(r.year))
                .replace("%2", str(r.by_grade["A"]))
                .replace("%3", str(r.by_grade["B"]))
                .replace("%4", str(r.by_grade["C"]))
                .replace("%5", str(r.kept))
            )(r),
            parent=self,
        )

    def confirm(self) -> None:
        r = self._need_row()
        if r is None:
            return
        actor = self.ctx.actor
        self.ctx.runner.write(
            lambda s: grading.confirm(s, actor, r.id, expected_version=r.version),
            changes=Changes(employers=True),
            parent=self,
        )

    def change(self) -> Any:
        r = self._need_row()
        if r is None:
            return None
        dlg = ChangeDialog(r, self)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return dlg
        actor, grade, reason = self.ctx.actor, dlg.grade.currentData(), dlg.reason.toPlainText()
        self.ctx.runner.write(
            lambda s: grading.change(s, actor, r.id, grade, reason, expected_version=r.version),
            changes=Changes(employers=True),
            parent=self,
        )
        return dlg

    def confirm_all(self) -> None:
        f = self.current_filter()
        answer = QMessageBox.question(
            self,
            self.tr("Confirm all shown"),
            self.tr("Confirm every unchanged proposal of the list as it is filtered now?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        actor = self.ctx.actor
        self.ctx.runner.write(
            lambda s: grading.confirm_all(s, actor, f),
            changes=Changes(employers=True),
            on_success=lambda n: self._done(self.tr("%n grade(s) confirmed.", "", n))(n),
            parent=self,
        )

    def record_fact(self) -> Any:
        r = self._need_row()
        if r is None:
            return None
        dlg = FactDialog(r, self)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return dlg
        on = dlg.on.value()
        if on is None or (problem := dlg.on.problem()) is not None:
            QMessageBox.warning(self, self.tr("Compliance grading"), problem or "")
            return dlg
        actor, kind, note = self.ctx.actor, dlg.kind.currentData(), dlg.note.toPlainText()
        self.ctx.runner.write(
            lambda s: grading.record_fact(s, actor, r.employer_id, kind, on, note),
            changes=Changes(employers=True),
            parent=self,
        )
        return dlg

    def _save_path(self, default_name: str, pattern: str) -> Path | None:
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save"), str(Path(docs) / default_name), pattern)
        return Path(path) if path else None

    def export(self, kind: str) -> None:
        f = self.current_filter()
        name = self.tr("compliance-grades-%1").replace("%1", str(f.year)) + "." + kind
        pattern = self.tr("Excel workbooks (*.xlsx)") if kind == "xlsx" else self.tr("PDF files (*.pdf)")
        path = self._save_path(name, pattern)
        if path is not None:
            self.export_to(path, kind)

    def export_to(self, path: Path, kind: str) -> None:
        f, actor = self.current_filter(), self.ctx.actor

        def job(s: Session) -> Path:
            if kind == "xlsx":
                grading_export.list_xlsx(s, actor, f, path)
            else:
                path.write_bytes(grading_export.list_pdf(s, actor, f))
            return path

        self.ctx.runner.read(job, on_success=self._saved, parent=self)

    def _saved(self, path: Path) -> None:
        self.summary.setText(self.tr("Saved to %1").replace("%1", str(path)))

    def save_notice(self) -> None:
        r = self._need_row()
        if r is None:
            return
        if r.status != gq.CONFIRMED:
            QMessageBox.information(
                self,
                self.tr("Compliance grading"),
                self.tr("Only a confirmed grade is notified to the employer."),
            )
            return
        path = self._save_path(
            self.tr("grading-notice-%1.pdf").replace("%1", r.employer_name), self.tr("PDF files (*.pdf)")
        )
        if path is not None:
            self.notice_to(r.id, path)

    def notice_to(self, grade_id: int, path: Path) -> None:
        actor = self.ctx.actor

        def job(s: Session) -> Path:
            pdf, _name = grading_export.notice_pdf(s, actor, grade_id)
            path.write_bytes(pdf)
            return path

        self.ctx.runner.write(job, changes=Changes(), on_success=self._saved, parent=self)
