"""Start-up and the application context shared by every window.

Start-up order matters: translators before any widget (so the log-in dialog is in
Chinese), the database opened and upgraded before log-in (a refused or damaged file is
a message, never a traceback), and the crash hook installed first of all.
"""

from __future__ import annotations

import argparse
import logging
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QSettings,
    QStandardPaths,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from casemgr import clock, db, errors, permissions, runtime
from casemgr.actor import Actor
from casemgr.enums import CaseKind
from ui import collector, i18n, labels
from ui.ops import Emitter, OpRunner, Task

log = logging.getLogger("casemgr.ui")

ORGANIZATION = "casemgr"
APPLICATION = "casemgr"


class AppContext(QObject):
    """Who is logged in, on which database, in which language; owns the op runner.

    Signals: none of its own; views listen to ``runner.changed``.
    """

    def __init__(
        self,
        database: db.Database,
        actor: Actor,
        display_name: str,
        parent: QObject | None = None,
        *,
        demo: bool = False,
    ) -> None:
        super().__init__(parent)
        self.demo = demo  # a demo database (casemgr.settings.DEMO_KEY): the title bars say so
        self.database = database
        self.actor = actor
        self.display_name = display_name
        self.runner = OpRunner(database, i18n.current_language, self)
        self.runner.error_presenter = show_known_error
        self.runner.crash_handler = show_crash
        self.runner.acting = lambda: self.actor
        self.runner.session_ended.connect(self._session_ended)

    def _session_ended(self, exc: errors.KnownError) -> None:
        """Deactivated or re-roled while the window was open: say why, close everything, quit."""
        log.info("session ended: %s", exc.en)
        # The message first: while it is open, closing the windows cannot end the event loop
        # (last window closed) before the user has read why.
        box = QMessageBox(
            QMessageBox.Icon.Warning, QCoreApplication.translate("App", "Logged out"), exc.message(self.lang)
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _=0: QApplication.exit(0))
        box.open()
        self.logout_box = box
        for w in QApplication.topLevelWidgets():
            if w is not box and w.isVisible():
                w.close()

    @property
    def lang(self) -> str:
        return i18n.current_language()

    def can(self, action: str, kind: CaseKind | str | None = None) -> bool:
        return permissions.allowed(self.actor, action, kind)

    def role_label(self) -> str:
        return labels.label(labels.ROLES, str(self.actor.role))

    def database_label(self) -> str:
        path = db.sqlite_path(self.database.url)
        return str(path) if path else self.database.engine.url.render_as_string(hide_password=True)


# --------------------------------------------------------------------------- messages


def show_known_error(parent: QWidget | None, exc: errors.KnownError) -> QMessageBox:
    """A known error as a window-modal message in the UI language (non-blocking ``open()``)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("App", "Cannot do that"))
    if isinstance(exc, errors.ConflictError):
        box.setWindowTitle(QCoreApplication.translate("App", "Changed by someone else"))
    box.setText(exc.message(i18n.current_language()))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.open()
    return box


class CrashDialog(QDialog):
    """A bug: say so plainly, show the details for the report, keep the app running."""

    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unexpected error"))
        lay = QVBoxLayout(self)
        msg = QLabel(
            self.tr(
                "Something went wrong inside the program. Nothing half-done was saved. "
                "Please send the details below to your administrator."
            )
        )
        msg.setWordWrap(True)
        lay.addWidget(msg)
        text = QPlainTextEdit(details)
        text.setReadOnly(True)
        text.setFont(QFont("monospace"))
        lay.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(640, 360)


_crash_dialogs: list[CrashDialog] = []


def show_crash(exc: BaseException, details: str) -> None:
    log.error("unexpected error: %s\n%s", exc, details)
    if QApplication.instance() is None:
        return
    dlg = CrashDialog(details, QApplication.activeWindow())
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _crash_dialogs.append(dlg)
    dlg.finished.connect(lambda _=0, d=dlg: _crash_dialogs.remove(d) if d in _crash_dialogs else None)
    dlg.open()


def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Known errors as messages; everything else logged and shown as a crash dialog."""
    if isinstance(exc, errors.KnownError):
        show_known_error(QApplication.activeWindow(), exc)
        return
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    show_crash(exc, "".join(traceback.format_exception(exc_type, exc, tb)))


def setup_logging() -> Path:
    log_dir = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation))
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / "casemgr.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


# --------------------------------------------------------------------------- start-up


class StartupBackup(QObject):
    """The day's automatic backup (``casemgr.backup.daily_backup_if_due``) on a worker thread.

    Why here: it runs right after the database is opened, before the log-in, so it never
    waits for a user; a failure (disk full, folder not writable) must not stop the work of
    the day, so it becomes a warning in the main window's status bar. Quitting never waits
    for it: :meth:`cancel` stops the copy within one step and the next start redoes it.

    Signals:
        finished(object): a tuple (AutoBackupResult or None, error message or "").
    """

    finished = Signal(object)

    def __init__(self, database: db.Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.result: tuple[object, str] | None = None
        self._cancel = threading.Event()
        self._emitter = Emitter(self)  # one carrier, owned by this object: see ui.ops.Emitter
        self._emitter.done.connect(self._done)

    def start(self) -> None:
        from casemgr import backup

        def job() -> tuple[object, str]:
            try:
                return backup.daily_backup_if_due(self.database, cancel=self._cancel), ""
            except errors.KnownError as exc:
                return None, exc.message(i18n.current_language())
            except OSError as exc:
                return None, str(exc)

        QThreadPool.globalInstance().start(Task(job, self._emitter))

    def cancel(self) -> None:
        """The app is quitting: stop the copy (it is discarded and made at the next start)."""
        self._cancel.set()

    def _done(self, message: tuple[int, tuple[object, BaseException | None, str]]) -> None:
        result, exc, tb = message[1]
        if exc is not None:  # a bug in the backup code: logged, reported as a warning
            log.error("automatic backup failed:\n%s", tb)
            result = (None, str(exc))
        self.result = result  # type: ignore[assignment]
        self.finished.emit(self.result)

    def report_to(self, show_warning: Callable[[str], None]) -> None:
        """Hand a failure to ``show_warning`` now or when the backup finishes."""

        def deliver(r: tuple[object, str] | None) -> None:
            if r is not None and r[1]:
                show_warning(
                    QCoreApplication.translate("App", "Automatic backup failed: %1").replace("%1", r[1])
                )

        if self.result is not None:
            deliver(self.result)
        else:
            self.finished.connect(deliver)


def start_idle_lock(ctx: AppContext, parent: QObject) -> Any:
    """The idle lock with the minutes from the settings (read off the GUI thread)."""
    from casemgr import auth
    from ui.idlelock import IdleLock

    lock = IdleLock(ctx, 0, parent=parent)
    ctx.runner.read(
        lambda s: auth.idle_lock_minutes(s),
        on_success=lambda minutes: lock.set_interval(int(minutes) * 60_000),
        parent=parent,
    )
    return lock


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="casemgr-gui", description="casemgr desktop application")
    p.add_argument("--db", help="database file or SQLAlchemy URL (default: your data directory)")
    p.add_argument("--demo", action="store_true", help="fill an empty database with demo data first")
    p.add_argument("--demo-cases", type=int, default=1500, help="number of demo cases (with --demo)")
    p.add_argument("--lang", choices=i18n.SUPPORTED, help="user-interface language")
    p.add_argument("--version", action="store_true", help="print the version and the schema revision")
    return p.parse_args(list(argv))


def make_application(argv: Sequence[str]) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(list(argv))
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("casemgr")
    collector.install(app)  # cyclic garbage collection on this thread only (see ui.collector)
    icon = runtime.resource_path("resources", "icons", "casemgr.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    add_bundled_font_if_needed()
    return app


def add_bundled_font_if_needed() -> str | None:
    """On a PC without any Chinese font (a bare UOS or a server image), use the shipped one.

    Without it every label would be boxes. Only then: loading a 5 MB font costs start time
    that a PC with its own fonts should not pay. Returns the family added, if any.
    """
    if QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        return None
    from casemgr.reports import fonts

    font_id = QFontDatabase.addApplicationFont(str(fonts.bundled_font()))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    app_font = QApplication.font()
    app_font.setFamilies([app_font.family(), families[0]])
    QApplication.setFont(app_font)
    return families[0]


def default_url(db_arg: str | None) -> str:
    data_dir = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation))
    return db.resolve_url(db_arg, data_dir=data_dir)


class DemoFiller(QObject):
    """``./run --demo`` on a fresh database: the accounts now, the cases on a worker thread.

    Why: making 1,500 cases through the real services takes minutes; the log-in and the main
    window must not wait for them (a progress box that blocks the GUI thread is never painted).
    The accounts are made first, on the GUI thread (a second or two, with a painted progress
    box), so that the log-in works at once; the cases follow in small batches (one short
    write transaction each), so a user's own write never waits long for the database.
    Quitting stops it after the current batch (the demo then has fewer cases).

    The worker thread only emits ``_step``/``_end``, connected to this object's own methods
    (queued onto the GUI thread, the ui.ops.Emitter pattern); the log-in dialog and the main
    window follow through :meth:`listen`, plain callbacks called on the GUI thread.
    """

    _step = Signal(int, int)
    _end = Signal(str)

    BATCH = 8  # cases per write transaction (about half a second)
    PAUSE = 0.2  # seconds between them: see casemgr.demo.generate_cases

    def __init__(self, database: db.Database, n_cases: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.n_cases = n_cases
        self.done = 0
        self.running = False
        self.error = ""
        self._listeners: list[Callable[[str], None]] = []
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None
        self._staff: Any = None
        self._result: Any = None
        self._step.connect(self._on_step)
        self._end.connect(self._on_end)

    @staticmethod
    def wanted(database: db.Database) -> bool:
        """Only a database without users and cases becomes a demo database."""
        from casemgr import queries

        with database.read() as s:
            return not queries.CaseQuery().count(s) and not queries.users(s)

    def make_accounts(self) -> None:
        from PySide6.QtWidgets import QProgressDialog

        from casemgr import demo

        box = QProgressDialog(QCoreApplication.translate("App", "Creating the demo accounts…"), "", 0, 0)
        box.setCancelButton(None)
        box.setWindowModality(Qt.WindowModality.ApplicationModal)
        box.setMinimumDuration(0)
        box.show()
        for _ in range(5):  # painted before the GUI thread is busy
            QApplication.processEvents()
        try:
            self._result = demo.DemoResult()
            self._staff = demo.create_staff(self.database, self._result, False)
        finally:
            box.close()

    def start(self) -> None:
        self.running = True
        self._thread = threading.Thread(target=self._run, name="demo-cases", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        from casemgr import demo

        error = ""
        try:
            demo.generate_cases(
                self.database,
                self._staff,
                self._result,
                cases=self.n_cases,
                progress=lambda done, total: self._step.emit(done, total),
                batch=self.BATCH,
                cancelled=self._cancel.is_set,
                pause=self.PAUSE,
            )
        except Exception as exc:  # a bug or a full disk: logged, said in the status bar
            log.exception("demo data failed")
            error = str(exc) or type(exc).__name__
        try:
            self._end.emit(error)
        except RuntimeError:  # quitting: nobody listens any more
            pass

    def _on_step(self, done: int, _total: int) -> None:
        self.done = done
        self._tell()

    def _on_end(self, error: str) -> None:
        self.running = False
        self.error = error
        self._tell()

    def _tell(self) -> None:
        for listener in list(self._listeners):
            listener(self.text())

    def listen(self, listener: Callable[[str], None]) -> Callable[[], None]:
        """Call ``listener(text)`` now and at each step; returns the function that stops it."""
        self._listeners.append(listener)
        listener(self.text())
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def stop(self) -> None:
        """Quitting: stop after the current batch and wait for it (a few seconds at most)."""
        self._cancel.set()
        if self._thread is not None:
            self._thread.join(30)

    def text(self) -> str:
        """What the user is told: "" once the demo is complete."""
        if self.error:
            return QCoreApplication.translate("App", "Demo data failed: %1").replace("%1", self.error)
        if not self.running:
            return ""
        return (
            QCoreApplication.translate("App", "Demo cases are being made in the background: %1 of %2")
            .replace("%1", str(self.done))
            .replace("%2", str(self.n_cases))
        )

    def attach_to_login(self, login: Any) -> None:
        """The log-in dialog says how far the demo cases are (until it closes)."""
        stop = self.listen(login.set_note)
        login.finished.connect(lambda _=0: stop())

    def attach_to_window(self, window: Any) -> Callable[[], None]:
        """The main window's status bar says how far; its page is refreshed when done."""
        bar = window.statusBar()

        def show(text: str) -> None:
            if text:
                bar.showMessage(text)
            elif not self.running:
                bar.showMessage(QCoreApplication.translate("App", "The demo data is complete."), 15_000)
                window.refresh()
                stop()

        if not self.running and not self.error:
            return lambda: None
        stop = self.listen(show)
        return stop


def run(argv: Sequence[str]) -> int:
    args = parse_args(argv[1:])
    if args.version:
        print(db.version_text())
        return 0
    app = make_application(argv)
    sys.excepthook = excepthook
    try:
        setup_logging()
    except OSError:
        pass
    lang = i18n.choose_language(args.lang)
    i18n.install(lang)
    apply_report_font()
    try:
        clock.today()
    except ValueError as exc:  # a malformed CASEMGR_TODAY: say so before anything is counted from it
        QMessageBox.critical(None, QCoreApplication.translate("App", "Cannot start"), str(exc))
        return 2
    from casemgr import pgroles

    try:
        url = default_url(args.db)
        per_user = pgroles.needs_login(url)  # PostgreSQL: the log-in opens the connection
        filler: DemoFiller | None = None
        if not per_user:
            database = db.open_database(url)
            if args.demo and DemoFiller.wanted(database):
                filler = DemoFiller(database, args.demo_cases)
                filler.make_accounts()
            backup = StartupBackup(database)
            backup.start()
            if filler is not None:
                filler.start()
    except errors.KnownError as exc:
        QMessageBox.critical(
            None, QCoreApplication.translate("App", "Cannot open the database"), exc.message(lang)
        )
        return 2

    if per_user:
        from ui.login import log_in_to_server

        server_session = log_in_to_server(url)
        if server_session is None:
            return 0
        database, actor, display_name = server_session
        backup = StartupBackup(database)
        backup.start()
        return _session(app, database, actor, display_name, backup, None)
    from ui.login import log_in

    code = 0
    while True:  # one turn per user: "log out / switch user" brings the log-in back
        session = log_in(database, filler.attach_to_login if filler is not None else None)
        if session is None:
            break
        actor, display_name = session
        code, switch = _main_window(app, database, actor, display_name, backup, filler)
        if not switch:
            break
    _shut_down(database, backup, filler)
    return code


def _is_demo(database: db.Database) -> bool:
    from casemgr import settings

    try:
        with database.read() as s:
            return settings.is_demo_database(s)
    except errors.KnownError:
        return False


def _main_window(
    app: QApplication,
    database: db.Database,
    actor: Actor,
    display_name: str,
    backup: StartupBackup,
    filler: DemoFiller | None,
) -> tuple[int, bool]:
    """One user's session: the main window until it is closed. Returns (exit code, switch user)."""
    ctx = AppContext(database, actor, display_name, demo=_is_demo(database))

    from ui.mainwindow import MainWindow

    window = MainWindow(ctx)
    backup.report_to(window.show_warning)
    window.idle_lock = start_idle_lock(ctx, window)
    detach = filler.attach_to_window(window) if filler is not None else (lambda: None)
    window.show()
    QTimer.singleShot(0, window.show_start_reminder)
    code = app.exec()
    switch = bool(window.switch_user)
    detach()
    window.idle_lock.remove()
    ctx.runner.wait_all()
    window.deleteLater()
    ctx.deleteLater()
    return int(code), switch


def _session(
    app: QApplication,
    database: db.Database,
    actor: Actor,
    display_name: str,
    backup: StartupBackup,
    filler: DemoFiller | None,
) -> int:
    code, _switch = _main_window(app, database, actor, display_name, backup, filler)
    _shut_down(database, backup, filler)
    return code


def _shut_down(database: db.Database, backup: StartupBackup, filler: DemoFiller | None) -> None:
    backup.cancel()  # an unfinished daily copy must not hold the exit (it is redone next start)
    if filler is not None:
        filler.stop()
    QThreadPool.globalInstance().waitForDone(10_000)
    database.dispose()


def settings() -> QSettings:
    return QSettings()


#: QSettings key: this computer's font file for the PDFs (a bureau's own 仿宋/宋体); empty = shipped font.
REPORT_FONT_KEY = "report/font_file"


def apply_report_font() -> None:
    from casemgr.reports import fonts

    fonts.configure(str(QSettings().value(REPORT_FONT_KEY, "", str)) or None)
