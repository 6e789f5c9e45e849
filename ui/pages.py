"""The main window's pages: dashboard (deadline board), case lists, employers.

Pages build nothing until they are first shown (the main window creates them lazily),
and every query runs through the op runner, so opening the window costs no database work
on the GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from casemgr import clock, queries
from casemgr.enums import DISTRICTS_SHANWEI, CaseKind
from casemgr.queries import grading as grading_queries
from ui import i18n, labels
from ui.models import BoardTableModel, CaseTableModel, EmployerTableModel, employer_status
from ui.ops import Changes
from ui.widgets import DateEdit, SearchBox, TableView, heading

if TYPE_CHECKING:
    from ui.app import AppContext


class Page(QWidget):
    """What the main window expects of a page.

    Signals:
        open_case(int): show this case's file.
        open_employer(int): show this employer's page.
    """

    open_case = Signal(int)
    open_employer = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        ctx.runner.changed.connect(self.on_changed)

    def refresh(self) -> None:
        """F5."""

    def focus_search(self) -> None:
        """Ctrl+F."""

    def new_case_kind(self) -> CaseKind | None:
        """The kind Ctrl+N registers on this page (None: ask)."""
        return None

    def on_changed(self, changes: Changes) -> None:
        """A write happened somewhere: refresh if it concerns this page."""

    def save_state(self) -> None:
        """Store column widths and the like in QSettings."""


def district_combo(any_text: str) -> QComboBox:
    combo = QComboBox()
    combo.addItem(any_text, None)
    for d in DISTRICTS_SHANWEI:
        combo.addItem(labels.district(d), d)
    return combo


# --------------------------------------------------------------------------- dashboard


class DashboardPage(Page):
    """The deadline board: overdue, due today, due soon, green channel, supervised, extensions.

    What a city's supervisor waits for at 1M cases (issue 20): one read gives every
    section's badge (counts stop at :data:`BADGE_LIMIT`: "99+") and the rows of the tab on
    screen only; another tab's rows are read when it is opened. Each tab lists the
    :data:`ROWS` most urgent entries; the case lists' "Overdue" filter has them all.
    """

    BADGE_LIMIT = 99
    ROWS = 100

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.board: queries.Board | None = None
        self._loaded: set[str] = set()  # sections whose rows belong to the current refresh
        self._generation = 0
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Deadline board")))
        top.addStretch(1)
        self.scope = QComboBox()
        self.scope.addItem(self.tr("My cases"), "mine")
        self.scope.addItem(self.tr("All cases"), "all")
        if ctx.can("case.assign") or ctx.can("deadline.approve_extension"):
            self.scope.setCurrentIndex(1)
        self.district = district_combo(self.tr("All districts"))
        if ctx.actor.district:
            self.district.setCurrentIndex(max(0, self.district.findData(ctx.actor.district)))
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.scope)
        top.addWidget(self.district)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        top.addWidget(refresh)
        lay.addLayout(top)

        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("QLabel { background: #fff4e0; color: #7a4a00; padding: 6px; }")
        self.warning.hide()
        lay.addWidget(self.warning)

        cards = QGridLayout()
        self.cards: dict[str, QToolButton] = {}
        colors = {
            "overdue": "#c62828",
            "due_today": "#b26a00",
            "due_soon": "#b26a00",
            "green_channel": "#2e7d32",
            "supervised": "#6a1b9a",
            "extensions": "#1565c0",
            "provisional": "#616161",
            "unpaid_orders": "#ad1457",
        }
        self.tabs = QTabWidget()
        self.models: dict[str, BoardTableModel] = {}
        self.views: dict[str, TableView] = {}
        for i, name in enumerate(queries.BOARD_SECTIONS):
            card = QToolButton()
            card.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            card.setMinimumSize(130, 64)
            card.setStyleSheet(
                f"QToolButton {{ border: 1px solid #ccc; border-left: 6px solid {colors[name]}; "
                f"border-radius: 4px; background: white; font-size: 14px; padding: 4px 10px; }}"
                "QToolButton:hover { background: #f5f5f5; }"
            )
            card.clicked.connect(lambda _=False, n=i: self.tabs.setCurrentIndex(n))
            self.cards[name] = card
            cards.addWidget(card, 0, i)
            model = BoardTableModel(self)
            view = TableView(f"board/{name}")
            view.setModel(model)
            view.activated_row.connect(lambda r, m=model: self._open(m, r))
            view.restore_widths({0: 215, 1: 70, 2: 230, 3: 125, 4: 125, 5: 75, 6: 220}, provisional=(3, 4))
            self.models[name] = model
            self.views[name] = view
            self.tabs.addTab(view, "")
        lay.addLayout(cards)
        lay.addWidget(self.tabs, 1)
        self.status = QLabel()
        lay.addWidget(self.status)
        self._retitle()
        self.scope.currentIndexChanged.connect(self.refresh)
        self.district.currentIndexChanged.connect(self.refresh)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.refresh()

    def section_title(self, name: str) -> str:
        return {
            "overdue": self.tr("Overdue"),
            "due_today": self.tr("Due today"),
            "due_soon": self.tr("Due within 3 working days"),
            "green_channel": self.tr("Green channel"),
            "supervised": self.tr("Supervised"),
            "extensions": self.tr("Extensions to approve"),
            "provisional": self.tr("Provisional due dates"),
            "unpaid_orders": self.tr("Orders to pay not met"),
        }[name]

    def _retitle(self) -> None:
        b = self.board
        for i, name in enumerate(queries.BOARD_SECTIONS):
            shown = "…" if b is None or name not in b.counts else b.count_text(name)
            self.cards[name].setText(f"{self.section_title(name)}\n{shown}")
            self.tabs.setTabText(i, f"{self.section_title(name)} ({shown})")

    def _open(self, model: BoardTableModel, row: int) -> None:
        entry = model.row_at(row)
        if entry is not None:
            self.open_case.emit(entry.case_id)

    def current_section(self) -> str:
        return queries.BOARD_SECTIONS[max(0, self.tabs.currentIndex())]

    def refresh(self) -> None:
        self._generation += 1
        self._loaded = set()
        self._load(self.current_section())

    def _load(self, section: str) -> None:
        user_id = self.ctx.actor.user_id if self.scope.currentData() == "mine" else None
        district = self.district.currentData()
        gen = self._generation
        self.status.setText(self.tr("Loading…"))
        self.ctx.runner.read(
            lambda s: queries.deadline_board(
                s,
                user_id=user_id,
                district=district,
                sections=(section,),
                cap=self.ROWS,
                count_limit=self.BADGE_LIMIT,
            ),
            on_success=lambda board, g=gen: self._show(board) if g == self._generation else None,
            parent=self,
        )

    def _tab_changed(self, index: int) -> None:
        name = queries.BOARD_SECTIONS[index] if 0 <= index < len(queries.BOARD_SECTIONS) else None
        if name is not None and self.board is not None and name not in self._loaded:
            self._load(name)

    def _show(self, board: queries.Board) -> None:
        self.board = board
        for name in board.loaded:
            self.models[name].set_rows(getattr(board, name))
            self._loaded.add(name)
        for name in queries.BOARD_SECTIONS:
            if name not in self._loaded:
                self.models[name].set_rows(())  # read again when its tab is opened
        self._retitle()
        current = self.current_section()
        if current not in self._loaded:  # the tab was changed while this read ran: read its rows
            self._load(current)
        if board.calendar_warning:
            zh, en = board.calendar_warning
            self.warning.setText(zh if i18n.is_chinese() else en)
            self.warning.show()
        else:
            self.warning.hide()
        self.status.setText(self.tr("As of %1").replace("%1", i18n.fmt_date(board.today)))

    def on_changed(self, changes: Changes) -> None:
        if changes.cases or changes.case_ids or changes.settings:
            self.refresh()

    def save_state(self) -> None:
        for v in self.views.values():
            v.save_widths()


# --------------------------------------------------------------------------- case lists


class CaseListPage(Page):
    """One kind's cases: search, filters, sortable paged table, bulk actions, export.

    Signals:
        new_case(str): register a case of this kind.
        new_clue(str): record a clue from an outside channel for this kind.
        bulk(str, list): run a bulk action ("reassign", "close", "print") on these rows.
        export(object): export the current view (a CaseQuery).
        import_ledger(str): import a ledger of this kind (the kind's value).
    """

    new_case = Signal(str)
    new_clue = Signal(str)
    bulk = Signal(str, list)
    export = Signal(object)
    import_ledger = Signal(str)

    def __init__(self, ctx: AppContext, kind: CaseKind, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.kind = kind
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(self.kind_title()))
        top.addSpacing(16)
        self.search = SearchBox()
        self.search.setPlaceholderText(self.tr("Search: case number, name, ID number, employer, credit code"))
        self.search.setMinimumWidth(380)
        top.addWidget(self.search, 1)
        self.new_button = QPushButton(self.tr("New case…"))
        self.new_button.setToolTip(self.tr("Register a new case (Ctrl+N)"))
        self.new_button.setVisible(ctx.can("case.register", kind))
        self.new_button.clicked.connect(lambda: self.new_case.emit(self.kind.value))
        top.addWidget(self.new_button)
        self.clue_button = QPushButton(self.tr("Clue from outside…"))
        self.clue_button.setToolTip(self.tr("National clue platform, 12345 hotline or petition"))
        self.clue_button.setVisible(ctx.can("case.register", kind))
        self.clue_button.clicked.connect(lambda: self.new_clue.emit(self.kind.value))
        top.addWidget(self.clue_button)
        self.bulk_button = QPushButton(self.tr("Selected cases"))
        menu = QMenu(self.bulk_button)
        if ctx.can("case.assign", kind):
            menu.addAction(self.tr("Reassign…"), lambda: self._bulk("reassign"))
        if ctx.can("case.transition", kind):
            menu.addAction(self.tr("Close with a reason…"), lambda: self._bulk("close"))
        menu.addAction(self.tr("Print notices…"), lambda: self._bulk("print"))
        self.bulk_button.setMenu(menu)
        top.addWidget(self.bulk_button)
        self.import_button = QPushButton(self.tr("Import ledger…"))
        self.import_button.setToolTip(self.tr("Import cases from an Excel or CSV ledger (台账)"))
        self.import_button.setVisible(ctx.can("data.import", kind))
        self.import_button.clicked.connect(lambda: self.import_ledger.emit(self.kind.value))
        top.addWidget(self.import_button)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(lambda: self.export.emit(self.model.query))
        top.addWidget(self.export_button)
        lay.addLayout(top)

        filters = QHBoxLayout()
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("Any status"), None)
        self.status_filter.addItem(self.tr("Open cases"), "@open")
        from casemgr import workflow

        for st in workflow.STATES[kind]:
            self.status_filter.addItem(labels.label(labels.STATUSES, st), st)
        self.district_filter = district_combo(self.tr("All districts"))
        self.date_check = QCheckBox(self.tr("Received from"))
        self.date_from = DateEdit(QDate(clock.today()).addMonths(-3).toPython())  # type: ignore[arg-type]
        self.date_to = DateEdit(clock.today())
        for d in (self.date_from, self.date_to):
            d.setEnabled(False)
        self.date_check.toggled.connect(self.date_from.setEnabled)
        self.date_check.toggled.connect(self.date_to.setEnabled)
        self.green = QCheckBox(self.tr("Green channel"))
        self.collective = QCheckBox(self.tr("Collective"))
        self.mine = QCheckBox(self.tr("Assigned to me"))
        self.overdue = QCheckBox(self.tr("Overdue"))
        for w in (self.status_filter, self.district_filter, self.date_check, self.date_from):
            filters.addWidget(w)
        filters.addWidget(QLabel(self.tr("to")))
        for w in (self.date_to, self.green, self.collective, self.mine, self.overdue):
            filters.addWidget(w)
        filters.addStretch(1)
        lay.addLayout(filters)

        self.model = CaseTableModel(ctx.runner, queries.CaseQuery(kind=kind), self)
        self.view = TableView(f"cases/{kind.value}")
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(5, Qt.SortOrder.DescendingOrder)
        self.view.setSelectionMode(TableView.SelectionMode.ExtendedSelection)
        self.view.activated_row.connect(self._open_row)
        # Every column, 承办人 the last, in view on a maximised 1366-pixel screen; the status
        # wide enough for 已作出处理决定.
        self.view.restore_widths(
            {0: 205, 1: 115, 2: 65, 3: 175, 4: 80, 5: 110, 6: 110, 7: 100, 8: 40, 9: 90, 10: 80},
            dates=(5, 6),
        )
        lay.addWidget(self.view, 1)
        self.count_label = QLabel()
        lay.addWidget(self.count_label)
        self.model.count_changed.connect(self._show_count)
        self.model.loading.connect(
            lambda busy: self.count_label.setText(self.tr("Loading…")) if busy else None
        )

        self.search.search.connect(lambda _t: self.apply())
        for combo in (self.status_filter, self.district_filter):
            combo.currentIndexChanged.connect(lambda _i: self.apply())
        for box in (self.date_check, self.green, self.collective, self.mine, self.overdue):
            box.toggled.connect(lambda _b: self.apply())
        self.date_from.dateChanged.connect(lambda _d: self.apply())
        self.date_to.dateChanged.connect(lambda _d: self.apply())
        self.setTabOrder(self.search, self.new_button)
        self.apply()

    def kind_title(self) -> str:
        return {
            CaseKind.MEDIATION: self.tr("Mediation cases"),
            CaseKind.ARBITRATION: self.tr("Arbitration cases"),
            CaseKind.INSPECTION: self.tr("Inspection complaints"),
        }[self.kind]

    def current_query(self) -> queries.CaseQuery:
        status = self.status_filter.currentData()
        f = queries.CaseFilters(
            status=status if status and status != "@open" else None,
            open_only=status == "@open",
            district=self.district_filter.currentData(),
            received_from=self.date_from.date().toPython() if self.date_check.isChecked() else None,  # type: ignore[arg-type]
            received_to=self.date_to.date().toPython() if self.date_check.isChecked() else None,  # type: ignore[arg-type]
            green_channel=True if self.green.isChecked() else None,
            collective=True if self.collective.isChecked() else None,
            assigned_user_id=self.ctx.actor.user_id if self.mine.isChecked() else None,
            overdue=self.overdue.isChecked(),
        )
        q = self.model.query
        return queries.CaseQuery(
            kind=self.kind, filters=f, sort=q.sort, descending=q.descending, search=self.search.text().strip()
        )

    def apply(self) -> None:
        self.model.set_query(self.current_query())

    def _show_count(self, n: int) -> None:
        q = self.model.query
        if q.count_is_capped(n):  # a broad search or the overdue filter stopped counting
            self.count_label.setText(
                self.tr("More than %1 cases: narrow the search or the filters").replace(
                    "%1", f"{q.COUNT_CAP:,}"
                )
            )
            return
        self.count_label.setText(self.tr("%n case(s)", "", n))

    def _open_row(self, row: int) -> None:
        r = self.model.row_at(row)
        if r is not None:
            self.open_case.emit(r.id)

    def _bulk(self, action: str) -> None:
        rows = [self.model.row_at(r) for r in self.view.selected_rows()]
        self.bulk.emit(action, [r for r in rows if r is not None])

    def refresh(self) -> None:
        self.model.reload()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_case_kind(self) -> CaseKind | None:
        return self.kind

    def on_changed(self, changes: Changes) -> None:
        if changes.cases or changes.case_ids:
            self.model.reload()

    def save_state(self) -> None:
        self.view.save_widths()


# --------------------------------------------------------------------------- employers


class EmployerDetail(QFrame):
    """One employer: identity, watch status, totals, every case against it.

    Signals:
        open_case(int)
    """

    open_case = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.employer_id: int | None = None
        self.summary: queries.EmployerSummary | None = None
        lay = QVBoxLayout(self)
        self.title = heading("", 14)
        self.title.setWordWrap(True)
        lay.addWidget(self.title)
        self.status = QLabel()
        self.status.setStyleSheet("color: #c62828; font-weight: bold;")
        lay.addWidget(self.status)
        form = QFormLayout()
        self.fields: dict[str, QLabel] = {}
        for key, text in (
            ("uscc", self.tr("Credit code")),
            ("legal_rep", self.tr("Legal representative")),
            ("district", self.tr("District")),
            ("industry", self.tr("Industry")),
            ("cases", self.tr("Cases")),
            ("amounts", self.tr("Claimed / recovered (yuan)")),
            ("workers", self.tr("Workers involved")),
            ("complaints", self.tr("Complaints in the last 90 days")),
            ("grade", QCoreApplication.translate("GradingPage", "Compliance grade")),
            ("risk", QCoreApplication.translate("EmployerPage", "Arrears risk")),
        ):
            lab = QLabel()
            lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            lab.setWordWrap(True)
            self.fields[key] = lab
            form.addRow(text, lab)
        lay.addLayout(form)
        self.model = CaseTableModel(
            ctx.runner, queries.CaseQuery(filters=queries.CaseFilters(employer_id=-1)), self
        )
        self.view = TableView("employer/cases")
        self.view.setModel(self.model)
        self.view.activated_row.connect(self._open_row)
        self.view.restore_widths({0: 250, 1: 100, 2: 80, 3: 200}, dates=(5, 6))
        lay.addWidget(self.view, 1)

    def show_employer(self, employer_id: int) -> None:
        self.employer_id = employer_id
        self.ctx.runner.read(
            lambda s: queries.employer_summary(s, employer_id), on_success=self._show, parent=self
        )
        self.model.set_query(queries.CaseQuery(filters=queries.CaseFilters(employer_id=employer_id)))
        self.fields["grade"].setText("")
        self.ctx.runner.read(
            lambda s: (employer_id, grading_queries.latest_confirmed(s, employer_id)),
            on_success=self._show_grade,
            parent=self,
        )
        from ui import riskpage  # issue 17: the stored level, why, and its changes

        actor = self.ctx.actor
        self.ctx.runner.read(
            lambda s: riskpage.rq.employer_risk(s, actor, employer_id),
            on_success=self._show_risk,
            parent=self,
        )

    def _show_grade(self, result: tuple[int, grading_queries.EmployerGradeInfo | None]) -> None:
        """The grade the employer was last told of (守法诚信等级), from the confirmed yearly grading."""
        employer_id, info = result
        if employer_id == self.employer_id:
            self.fields["grade"].setText(labels.grade_text(info))

    def _show_risk(self, v: Any) -> None:
        from ui import riskpage

        if v.employer_id == self.employer_id:
            self.fields["risk"].setText(riskpage.employer_risk_html(v))

    def _show(self, e: queries.EmployerSummary) -> None:
        if e.id != self.employer_id:
            return
        self.summary = e
        self.title.setText(e.name)
        status = employer_status(e.key_monitoring, e.blacklisted_on is not None)
        if e.blacklisted_until:
            status += " " + self.tr("(until %1)").replace("%1", i18n.fmt_date(e.blacklisted_until))
        self.status.setText(status)
        by_kind = "，".join(
            f"{labels.label(labels.KINDS, k)} {n}" for k, n in sorted(e.cases_by_kind.items())
        )
        self.fields["uscc"].setText(e.uscc or "")
        self.fields["legal_rep"].setText(e.legal_rep or "")
        self.fields["district"].setText(labels.district(e.district))
        self.fields["industry"].setText(e.industry or "")
        self.fields["cases"].setText(
            self.tr("%1 in all, %2 open").replace("%1", str(e.cases_total)).replace("%2", str(e.open_cases))
            + (f"（{by_kind}）" if by_kind else "")
        )
        self.fields["amounts"].setText(
            f"{i18n.fmt_money(e.amount_claimed)} / {i18n.fmt_money(e.amount_recovered)}"
        )
        self.fields["workers"].setText(str(e.workers))
        self.fields["complaints"].setText(str(e.complaints_90d))

    def _open_row(self, row: int) -> None:
        r = self.model.row_at(row)
        if r is not None:
            self.open_case.emit(r.id)


class EmployerPage(Page):
    """Employers searched by name or credit code; the selected one's history beside the list."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Employers")))
        self.search = SearchBox()
        self.search.setPlaceholderText(self.tr("Search: employer name or credit code"))
        top.addWidget(self.search, 1)
        self.status_filter = QComboBox()
        for text, code in (
            (self.tr("All"), "all"),
            (self.tr("Key monitoring"), "key_monitoring"),
            (self.tr("Blacklisted"), "blacklisted"),
            (self.tr("Complaints in the last 90 days"), "complaints_90d"),
        ):
            self.status_filter.addItem(text, code)
        self.status_filter.setToolTip(self.tr("Show only employers with this watch status"))
        self.status_filter.currentIndexChanged.connect(lambda _i: self._apply_filter())
        top.addWidget(self.status_filter)
        lay.addLayout(top)
        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        self.model = EmployerTableModel(ctx.runner, parent=self)
        self.view = TableView("employers")
        self.view.setModel(self.model)
        # newest first until a header is clicked; each click asks the database for a new order
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        # every column in sight at 1366x768, the watch status included
        self.view.restore_widths({0: 210, 1: 150, 2: 70, 3: 62, 4: 46, 5: 46})
        self.view.activated_row.connect(self._select_row)
        self.view.clicked.connect(lambda idx: self._select_row(idx.row()))
        ll.addWidget(self.view, 1)
        self.count_label = QLabel()
        ll.addWidget(self.count_label)
        split.addWidget(left)
        self.detail = EmployerDetail(ctx)
        self.detail.open_case.connect(self.open_case)
        split.addWidget(self.detail)
        split.setSizes([700, 520])
        lay.addWidget(split, 1)
        self.model.count_changed.connect(lambda n: self.count_label.setText(self.tr("%n employer(s)", "", n)))
        self.search.search.connect(lambda _t: self._apply_filter())
        self.model.reload()

    def _apply_filter(self) -> None:
        """A new search or status keeps the column order the clerk chose."""
        q = self.model.query
        self.model.set_query(
            queries.EmployerQuery(
                search=self.search.text().strip(),
                status=self.status_filter.currentData(),
                sort=q.sort,
                descending=q.descending,
            )
        )

    def _select_row(self, row: int) -> None:
        r = self.model.row_at(row)
        if r is not None:
            self.show_employer(r.id)

    def show_employer(self, employer_id: int) -> None:
        self.detail.show_employer(employer_id)

    def refresh(self) -> None:
        self.model.reload()
        if self.detail.employer_id is not None:
            self.detail.show_employer(self.detail.employer_id)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def on_changed(self, changes: Changes) -> None:
        if changes.employers or changes.cases:
            self.refresh()

    def save_state(self) -> None:
        self.view.save_widths()
        self.detail.view.save_widths()
