"""工程建设项目台账 (issue 17): the 欠薪预防 page's project tab.

A lazily paged list (``casemgr.queries.projects.ProjectQuery``: the colour is computed and
filtered by the database) with filters for district, colour and missing element; a double
click opens the project's dialog (:mod:`ui.projectdialog`). Registering, importing and
editing are offered to roles with ``project.edit``; the services refuse the others anyway.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from casemgr import permissions
from casemgr.queries import projects as pq
from casemgr.services import project_warning as pw
from ui import i18n, labels
from ui.models import Column, PagedTableModel
from ui.ops import Changes, OpRunner
from ui.pages import Page, district_combo
from ui.widgets import SearchBox, TableView, heading

if TYPE_CHECKING:
    from ui.app import AppContext

#: background and text colour of each warning level
LEVEL_BG = {pw.RED: QColor("#fdecea"), pw.ORANGE: QColor("#fff0dc"), pw.YELLOW: QColor("#fff9d6")}
LEVEL_FG = {pw.RED: QColor("#c62828"), pw.ORANGE: QColor("#b25400"), pw.YELLOW: QColor("#8a6d00")}


def level_text(level: int) -> str:
    return {
        pw.RED: QCoreApplication.translate("ProjectLabels", "Red"),
        pw.ORANGE: QCoreApplication.translate("ProjectLabels", "Orange"),
        pw.YELLOW: QCoreApplication.translate("ProjectLabels", "Yellow"),
    }.get(level, QCoreApplication.translate("ProjectLabels", "None"))


def status_text(code: str | None) -> str:
    return {
        "planned": QCoreApplication.translate("ProjectLabels", "Not started"),
        "building": QCoreApplication.translate("ProjectLabels", "Under construction"),
        "suspended": QCoreApplication.translate("ProjectLabels", "Suspended"),
        "completed": QCoreApplication.translate("ProjectLabels", "Completed"),
    }.get(code or "", "")


def element_text(key: str) -> str:
    return {
        "account": QCoreApplication.translate("ProjectLabels", "Wage account"),
        "deposit": QCoreApplication.translate("ProjectLabels", "Wage deposit"),
        "roster": QCoreApplication.translate("ProjectLabels", "Real-name roster"),
        "board": QCoreApplication.translate("ProjectLabels", "Rights notice board"),
        "agent_pay": QCoreApplication.translate("ProjectLabels", "Wages paid by the general contractor"),
    }[key]


PROJECT_COLUMNS = (
    Column("level", "ProjectColumns", QT_TRANSLATE_NOOP("ProjectColumns", "Warning"), "level"),
    Column("code", "ProjectColumns", QT_TRANSLATE_NOOP("ProjectColumns", "Project no.")),
    Column("name", "ProjectColumns", QT_TRANSLATE_NOOP("ProjectColumns", "Project"), "name"),
    Column("district", "ProjectColumns", QT_TRANSLATE_NOOP("ProjectColumns", "District"), "district"),
    Column("status", "ProjectColumns", QT_TRANSLATE_NOOP("ProjectColumns", "Status"), "status"),
    Column("start_on", "ProjectColumns", QT_TRANSLATE_NOOP("ProjectColumns", "Started"), "start_on"),
    Column("complaints", "ProjectColumns", QT_TRANSLATE_NOOP("ProjectColumns", "Complaints"), None, True),
    Column("general", "ProjectColumns", QT_TRANSLATE_NOOP("ProjectColumns", "General contractor")),
)


class ProjectTableModel(PagedTableModel):
    """The register, a page at a time, sorted and filtered by the database."""

    COLUMNS = PROJECT_COLUMNS

    def __init__(self, runner: OpRunner, parent: Any = None) -> None:
        super().__init__(runner, parent)
        self.query = pq.ProjectQuery()

    def set_query(self, query: pq.ProjectQuery) -> None:
        self.query = query
        self.reload()

    def apply_sort(self, sort_key: str, descending: bool) -> None:
        self.query = self.query.with_sort(sort_key, descending)

    def fetch_page(self, session: Session, offset: int, limit: int) -> list[pq.ProjectRow]:
        return self.query.page(session, offset, limit)

    def fetch_count(self, session: Session) -> int:
        return self.query.count(session)

    def cell(self, row: pq.ProjectRow, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if column.key == "level" and row.level:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(LEVEL_BG[row.level])
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(LEVEL_FG[row.level])
            if role == Qt.ItemDataRole.ToolTipRole:
                return QCoreApplication.translate("ProjectColumns", "Open the project to see why")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            "level": level_text(row.level),
            "code": row.code or "",
            "name": row.name,
            "district": labels.district(row.district),
            "general": row.general_contractor or "",
            "status": status_text(row.status),
            "start_on": i18n.fmt_date(row.start_on),
            "complaints": str(row.complaints) if row.complaints else "",
        }.get(column.key)


class ProjectPage(Page):
    """The project register tab."""

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("ProjectPage", "Construction projects")

    @classmethod
    def visible_to(cls, ctx: AppContext) -> bool:
        """Every role reads the register (no personal data in it); editing is asked per action."""
        return permissions.allowed(ctx.actor, "case.view")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.may_edit = permissions.allowed(ctx.actor, "project.edit")
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Construction project register")))
        self.search = SearchBox()
        self.search.setPlaceholderText(self.tr("Search: project name or number"))
        top.addWidget(self.search, 1)
        self.new_button = QPushButton(self.tr("New project…"))
        self.import_button = QPushButton(self.tr("Import ledger…"))
        for b in (self.new_button, self.import_button):
            b.setVisible(self.may_edit)
            top.addWidget(b)
        lay.addLayout(top)
        filters = QHBoxLayout()
        self.district = district_combo(self.tr("All districts"))
        self.level = QComboBox()
        self.level.addItem(self.tr("Any colour"), None)
        for lv in (pw.RED, pw.ORANGE, pw.YELLOW, pw.NONE):
            self.level.addItem(level_text(lv), pw.LEVEL_CODES[lv])
        self.missing = QComboBox()
        self.missing.addItem(self.tr("Any element"), None)
        for e in pw.ELEMENTS:
            self.missing.addItem(self.tr("Missing: %1").replace("%1", element_text(e.key)), e.key)
        for w, tip in (
            (self.district, self.tr("Only projects in this district")),
            (self.level, self.tr("Only projects of this warning colour")),
            (self.missing, self.tr("Only projects under way that lack this element")),
        ):
            w.setToolTip(tip)
            w.currentIndexChanged.connect(lambda _i: self.apply())
            filters.addWidget(w)
        filters.addStretch(1)
        self.legend = QLabel(
            self.tr(
                "Red: an open complaint, or the wage account, deposit or roster long overdue; "
                "orange / yellow: an element overdue, or a complaint in the last year."
            )
        )
        self.legend.setWordWrap(True)
        filters.addWidget(self.legend, 2)
        lay.addLayout(filters)
        self.model = ProjectTableModel(ctx.runner, parent=self)
        self.view = TableView("projects")
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.restore_widths({0: 64, 1: 110, 2: 300, 3: 110, 4: 72, 6: 50}, dates=(5,))
        self.view.activated_row.connect(self._open_row)
        lay.addWidget(self.view, 1)
        self.count_label = QLabel()
        lay.addWidget(self.count_label)
        self.model.count_changed.connect(lambda n: self.count_label.setText(self.tr("%n project(s)", "", n)))
        self.search.search.connect(lambda _t: self.apply())
        self.new_button.clicked.connect(lambda: self.open_project(None))
        self.import_button.clicked.connect(self._import)
        self.model.reload()

    def current_query(self) -> pq.ProjectQuery:
        q = self.model.query
        return pq.ProjectQuery(
            pq.ProjectFilters(
                district=self.district.currentData(),
                level=self.level.currentData(),
                missing=self.missing.currentData(),
                search=self.search.text().strip(),
            ),
            sort=q.sort,
            descending=q.descending,
        )

    def apply(self) -> None:
        self.model.set_query(self.current_query())

    def _open_row(self, row: int) -> None:
        r = self.model.row_at(row)
        if r is not None:
            self.open_project(r.id)

    def open_project(self, project_id: int | None) -> None:
        from ui.projectdialog import ProjectDialog

        dlg = ProjectDialog(self.ctx, project_id, self)
        dlg.open_case.connect(self.open_case)
        dlg.open()

    def _import(self) -> None:
        from ui.projectimport import start_import

        start_import(self.ctx, self)

    def refresh(self) -> None:
        self.model.reload()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def on_changed(self, changes: Changes) -> None:
        if changes.cases or changes.employers:
            self.refresh()

    def save_state(self) -> None:
        self.view.save_widths()
