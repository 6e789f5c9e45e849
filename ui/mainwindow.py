"""The main window: navigation pane, lazily built pages, status bar, shortcuts.

Start-up stays light: only the navigation and the (empty) page stack are built here;
each page is constructed the first time it is shown, and its queries run on worker
threads. Geometry, the last page and column widths are kept in QSettings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRect, QSettings, QSize, Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from casemgr import clock, errors, queries
from casemgr.enums import CaseKind
from ui import i18n, labels
from ui.ops import Changes
from ui.pages import CaseListPage, DashboardPage, EmployerPage, Page

if TYPE_CHECKING:
    from ui.app import AppContext

PAGES = (
    "dashboard",
    "mediation",
    "arbitration",
    "docket",
    "inspection",
    "employers",
    "prevention",
    "reports",
    "settings",
)


class MainWindow(QMainWindow):
    """Signals: none; pages talk to it through their own signals."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        title = self.tr("Labour dispute and wage arrears cases")
        simulated = clock.simulated()
        if simulated is not None:  # training and demonstrations: never mistaken for the real day
            title += self.tr(" — simulated date %1").replace("%1", i18n.fmt_date(simulated))
        if ctx.demo:  # published passwords, invented cases: never mistaken for the real database
            title += self.tr(" — DEMO database")
        self.setWindowTitle(title)
        self.switch_user = False  # set by ui.session on log-out: ui.app.run shows the log-in again
        self.pages: dict[str, Page] = {}
        self.case_windows: dict[int, QWidget] = {}
        self.dialogs: list[QWidget] = []
        self.bulk: Any = None  # ui.bulk.BulkActions, made on first use

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setIconSize(QSize(0, 0))
        self.nav.setFixedWidth(140)
        self.nav.setStyleSheet(
            "QListWidget#nav { background: #243447; color: #e8eef4; border: none; font-size: 15px; }"
            "QListWidget#nav::item { padding: 12px 14px; }"
            "QListWidget#nav::item:selected { background: #3a5a80; color: white; }"
        )
        for key in PAGES:
            item = QListWidgetItem(self.page_title(key))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
        self.stack = QStackedWidget()
        self._placeholders: dict[str, QWidget] = {}
        for key in PAGES:
            ph = QWidget()
            self._placeholders[key] = ph
            self.stack.addWidget(ph)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.nav.currentRowChanged.connect(self._nav_changed)
        self._add_global_search()

        sb = self.statusBar()
        self.user_label = QLabel(
            self.tr("User: %1 (%2)").replace("%1", ctx.display_name).replace("%2", ctx.role_label())
        )
        self.db_label = QLabel(self.tr("Database: %1").replace("%1", ctx.database_label()))
        self.db_label.setObjectName("database_label")
        self.busy_label = QLabel()
        sb.addWidget(self.user_label)
        sb.addWidget(self.db_label, 1)
        self.warning_label = QLabel()
        self.warning_label.setStyleSheet("color: #b26a00; font-weight: bold;")
        self.warning_label.hide()
        sb.addWidget(self.warning_label)
        self.idle_lock: Any = None  # ui.idlelock.IdleLock, set by ui.app.run
        sb.addPermanentWidget(self.busy_label)
        from ui.session import SessionMenu

        self.session_menu = SessionMenu(self)
        # A bound method, not a lambda: Qt drops the connection when the window is deleted.
        ctx.runner.busy.connect(self._busy)

        QShortcut(QKeySequence("Ctrl+N"), self, lambda: self.new_case())
        QShortcut(QKeySequence("Ctrl+F"), self, self.focus_search)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.refresh)
        for i in range(len(PAGES)):
            QShortcut(QKeySequence(f"Alt+{i + 1}"), self, lambda n=i: self.nav.setCurrentRow(n))

        s = QSettings()
        geo = s.value("window/geometry")
        if geo is not None:
            self.restoreGeometry(geo)
        else:
            self._first_size()
        last = str(s.value("window/page", "dashboard"))
        self.nav.setCurrentRow(PAGES.index(last) if last in PAGES else 0)

    def _add_global_search(self) -> None:
        """One search box across every kind of case (issue 15); results in their own window."""
        from ui.globalsearch import placeholder

        bar = self.addToolBar(self.tr("Search"))
        bar.setObjectName("search_toolbar")
        bar.setMovable(False)
        self.global_search_box = QLineEdit()
        self.global_search_box.setObjectName("global_search_box")
        self.global_search_box.setClearButtonEnabled(True)
        self.global_search_box.setPlaceholderText(placeholder())
        self.global_search_box.setMaximumWidth(560)
        self.global_search_box.returnPressed.connect(lambda: self.search_all(self.global_search_box.text()))
        bar.addWidget(self.global_search_box)
        self.search_window: Any = None
        QShortcut(QKeySequence("Ctrl+Shift+F"), self, self.global_search_box.setFocus)

    def search_all(self, text: str) -> Any:
        """Show the global search's results for ``text`` (the window is made once, then reused)."""
        from ui.globalsearch import GlobalSearchWindow

        if self.search_window is None:
            self.search_window = GlobalSearchWindow(self.ctx, self)
            self.search_window.open_case.connect(self.open_case)
        self.search_window.run(text.strip())
        self.search_window.show()
        self.search_window.raise_()
        return self.search_window

    #: The first start's size where the screen has room for it (with a title bar and frame).
    FIRST_SIZE = QSize(1360, 820)
    FRAME = 40

    def _first_size(self) -> None:
        """On the commonest office screen (1366x768, about 697 pixels inside a frame above the
        taskbar) 1360x820 put the status bar off-screen: there the window opens maximised."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        avail = screen.availableGeometry() if screen is not None else QRect(0, 0, 1920, 1080)
        want = self.FIRST_SIZE
        if want.width() <= avail.width() and want.height() + self.FRAME <= avail.height():
            self.resize(want)
            return
        self.resize(min(want.width(), avail.width()), min(want.height(), avail.height() - self.FRAME))
        self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    # ----------------------------------------------------------------- pages

    def page_title(self, key: str) -> str:
        return {
            "dashboard": self.tr("Dashboard"),
            "mediation": self.tr("Mediation"),
            "arbitration": self.tr("Arbitration"),
            "docket": self.tr("Hearings"),
            "inspection": self.tr("Inspection"),
            "employers": self.tr("Employers"),
            "prevention": self.tr("Prevention"),
            "reports": self.tr("Reports"),
            "settings": self.tr("Settings"),
        }[key]

    def page(self, key: str) -> Page:
        """The page for ``key``, built on first use."""
        page = self.pages.get(key)
        if page is not None:
            return page
        page = self._build(key)
        page.open_case.connect(self.open_case)
        page.open_employer.connect(self.open_employer)
        self.pages[key] = page
        ph = self._placeholders.pop(key)
        idx = self.stack.indexOf(ph)
        self.stack.insertWidget(idx, page)
        self.stack.removeWidget(ph)
        ph.deleteLater()
        return page

    def _build(self, key: str) -> Page:
        if key == "dashboard":
            return DashboardPage(self.ctx)
        if key in ("mediation", "arbitration", "inspection"):
            p = CaseListPage(self.ctx, CaseKind(key))
            p.new_case.connect(lambda kind: self.new_case(CaseKind(kind)))
            p.new_clue.connect(lambda kind: self.new_clue(CaseKind(kind)))
            p.bulk.connect(self.bulk_action)
            p.export.connect(self.export_view)
            p.import_ledger.connect(lambda kind: self.import_ledger(CaseKind(kind)))
            return p
        if key == "employers":
            return EmployerPage(self.ctx)
        if key == "docket":  # issue 15: the week's hearings by room, the 开庭排期表
            from ui.hearing import DocketPage

            return DocketPage(self.ctx)
        if key == "prevention":  # issue 17: risk warning, grading, inspection draws, projects
            from ui.prevention import PreventionPage

            return PreventionPage(self.ctx)
        if key == "reports":
            from ui.reportpage import ReportPage

            return ReportPage(self.ctx)
        from ui.settingspage import SettingsPage

        return SettingsPage(self.ctx)

    def current_key(self) -> str:
        item = self.nav.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else "dashboard"

    def current_page(self) -> Page:
        return self.page(self.current_key())

    def show_page(self, key: str) -> Page:
        self.nav.setCurrentRow(PAGES.index(key))
        return self.page(key)

    def _nav_changed(self, row: int) -> None:
        if not (0 <= row < len(PAGES)):
            return
        page = self.page(PAGES[row])
        self.stack.setCurrentWidget(page)

    # ----------------------------------------------------------------- actions

    def refresh(self) -> None:
        self.current_page().refresh()

    def focus_search(self) -> None:
        key = self.current_key()
        if key in ("dashboard", "reports", "settings"):
            key = (
                "arbitration"
                if self.ctx.can("case.register", CaseKind.ARBITRATION)
                else self._first_kind().value
            )
            self.show_page(key)
        self.current_page().focus_search()

    def _first_kind(self) -> CaseKind:
        for k in (CaseKind.ARBITRATION, CaseKind.MEDIATION, CaseKind.INSPECTION):
            if self.ctx.can("case.register", k):
                return k
        return CaseKind.ARBITRATION

    def new_case(self, kind: CaseKind | None = None) -> Any:
        kind = kind or self.current_page().new_case_kind()
        allowed = [k for k in CaseKind if self.ctx.can("case.register", k)]
        if not allowed:
            return None
        if kind is None or kind not in allowed:
            if len(allowed) == 1:
                kind = allowed[0]
            else:
                names = [labels.label(labels.KINDS, k.value) for k in allowed]
                choice, ok = QInputDialog.getItem(
                    self, self.tr("New case"), self.tr("Kind of case"), names, 0, False
                )
                if not ok:
                    return None
                kind = allowed[names.index(choice)]
        from ui.newcase import NewCaseDialog

        dlg = NewCaseDialog(self.ctx, kind, self)
        dlg.registered.connect(self.open_case)
        self._keep(dlg)
        dlg.open()
        return dlg

    def new_clue(self, kind: CaseKind) -> Any:
        """A clue from the national platform, 12345 or a petition; opens the case it lands on."""
        from ui.clue import ClueDialog

        if not self.ctx.can("case.register", kind):
            return None
        dlg = ClueDialog(self.ctx, kind, self)
        dlg.recorded.connect(self.open_case)
        self._keep(dlg)
        dlg.open()
        return dlg

    def open_case(self, case_id: int) -> Any:
        from ui.casefile import CaseFileWindow

        win = self.case_windows.get(case_id)
        if win is None:
            win = CaseFileWindow(self.ctx, case_id, self)
            win.open_employer.connect(self.open_employer)
            win.open_case.connect(self.open_case)
            win.destroyed.connect(lambda _=None, cid=case_id: self.case_windows.pop(cid, None))
            self.case_windows[case_id] = win
        win.show()
        win.raise_()
        win.activateWindow()
        return win

    def open_employer(self, employer_id: int) -> None:
        page = self.show_page("employers")
        assert isinstance(page, EmployerPage)
        page.show_employer(employer_id)

    def bulk_action(self, action: str, rows: list[queries.CaseRow]) -> None:
        if not rows:
            QMessageBox.information(
                self, self.tr("Selected cases"), self.tr("Select one or more cases first.")
            )
            return
        from ui.bulk import BulkActions

        if self.bulk is None:
            self.bulk = BulkActions(self.ctx, self)
        self.bulk.start(action, rows)

    def export_view(self, query: queries.CaseQuery) -> Any:
        from ui.export import ExportView

        export = ExportView(self.ctx, query, self)
        export.start()
        return export

    def import_ledger(self, kind: CaseKind | None) -> Any:
        from ui.importer import ImportView

        view = ImportView(self.ctx, kind, self)
        view.start()
        return view

    def _keep(self, w: QWidget) -> None:
        self.dialogs.append(w)
        w.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        w.destroyed.connect(lambda _=None, ww=w: self.dialogs.remove(ww) if ww in self.dialogs else None)

    def _busy(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("Working…") if busy else "")

    def show_warning(self, text: str) -> None:
        """A lasting warning in the status bar (e.g. the automatic backup failed)."""
        self.warning_label.setText(text)
        self.warning_label.setToolTip(text)
        self.warning_label.show()

    #: Complaints deemed accepted per write at start-up, and at most per start (the rest at
    #: the next start, as before). In steps so that quitting waits for one step at most
    #: (about 0.1 s at 1M cases): a single transaction of 500 took 5 s, and quitting
    #: waited for all of it.
    SWEEP_STEP = 10
    SWEEP_MAX = 500

    def show_start_reminder(self) -> None:
        """What is due today for this user, once, after the window is up (off the GUI thread).

        First the law's own step: complaints nobody answered within 5 working days count as
        accepted (粤条例 Art. 39, ``apply_deemed_acceptances``, in the system's name), so the
        reminder and the board already show their investigation clocks.
        """
        self.ctx.runner.hold_changes()  # the steps' changes reach the pages once
        self._sweep_step(0)

    def _sweep_step(self, done_so_far: int) -> None:
        from casemgr import pgroles
        from casemgr.actor import SYSTEM
        from casemgr.services import workflow as wf

        today = clock.today()
        step = self.SWEEP_STEP
        actor = self.ctx.actor

        def after(ids: list[int]) -> None:
            total = done_so_far + len(ids)
            if len(ids) >= step and total < self.SWEEP_MAX:  # a full step: there may be more
                self._sweep_step(total)
            else:
                self._sweep_done()

        self.ctx.runner.write(
            lambda s: (
                [
                    *wf.apply_deemed_acceptances(s, SYSTEM, today=today, limit=step),
                    # 令第45号 Arts. 5, 8: an order expired unpaid above the threshold obliges a decision.
                    *wf.apply_blacklist_duties(s, SYSTEM, today=today, limit=step),
                ]
                if pgroles.sweeps_at_login(s, actor)
                else []
            ),
            changes=lambda ids: Changes(case_ids=frozenset(ids), cases=bool(ids)),
            on_success=after,
            on_failure=self._sweep_failed,
            parent=self,
        )

    def _sweep_done(self) -> None:
        self.ctx.runner.release_changes()
        self._read_reminder()

    def _sweep_failed(self, exc: errors.KnownError) -> bool:
        self.show_warning(exc.message(i18n.current_language()))
        self._sweep_done()
        return True

    def _read_reminder(self) -> None:
        uid = self.ctx.actor.user_id
        self.ctx.runner.read(
            lambda s: queries.deadline_board(s, user_id=uid, cap=0), on_success=self._remind, parent=self
        )

    def _remind(self, board: queries.Board) -> None:
        c = board.counts
        if not (c.get("overdue") or c.get("due_today") or c.get("extensions")):
            return
        lines = [
            self.tr("Today is %1.").replace("%1", i18n.fmt_date(board.today)),
            self.tr("Your cases due today: %1").replace("%1", str(c.get("due_today", 0))),
            self.tr("Your overdue cases: %1").replace("%1", str(c.get("overdue", 0))),
        ]
        if self.ctx.can("deadline.approve_extension"):
            lines.append(self.tr("Extensions to approve: %1").replace("%1", str(c.get("extensions", 0))))
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Due today"), "\n".join(lines), parent=self)
        box.setObjectName("start_reminder")
        self._keep(box)
        box.open()

    def on_changed(self, changes: Changes) -> None:  # pragma: no cover - pages listen themselves
        pass

    def closeEvent(self, event: QCloseEvent) -> None:
        s = QSettings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/page", self.current_key())
        for p in self.pages.values():
            p.save_state()
        for w in list(self.case_windows.values()):
            w.close()
        super().closeEvent(event)
