"""Background operations: one service call or query on a worker thread (Anki's CollectionOp).

Why: a query over a million cases or a write waiting on SQLite's busy timeout must never
freeze the window. Each op opens its own session on the worker thread
(``Database.write()`` = one transaction, or ``Database.read()``), calls one function with
it, and hands the *plain* result back to the GUI thread through a queued signal. ORM
objects never cross threads (STYLE.md §9.2-9.3).

A write op declares what it changed (:class:`Changes`); the runner broadcasts that after
success and the views that show those things refresh themselves. The broadcast is
coalesced: the changes of a burst of writes (a bulk run of a thousand cases, saves in
quick succession) are merged and announced once, :data:`COALESCE_MS` after the last of
them, so each open page reloads once per burst instead of once per case (a thousand board
and list reloads made a 1,000-case bulk reassign at 1M cases take twenty minutes). A :class:`KnownError`
goes to the op's failure callback (or a message box in the UI language); anything else
is a bug and goes to the crash handler.

Every op runs through :func:`casemgr.auth.run_as` with the logged-in user (``acting``):
the user's active flag and role are read again in the op's own transaction, so a user
deactivated or given another role while the window is open does nothing more with the
old rights; the runner then emits ``session_ended`` (the app logs the user out).
"""

from __future__ import annotations

import itertools
import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from casemgr import auth, db, errors
from casemgr.actor import Actor

log = logging.getLogger(__name__)

#: Quiet time after a write before the merged changes are announced: longer than the gap
#: between the writes of a bulk run (one case takes a few ms), short enough that a person
#: sees the list follow their save at once.
COALESCE_MS = 150


@dataclass(frozen=True)
class Changes:
    """What a write touched, so views can decide whether to refresh."""

    case_ids: frozenset[int] = field(default_factory=frozenset)
    cases: bool = False  # lists and the board
    employers: bool = False
    settings: bool = False
    users: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.case_ids | other.case_ids,
            self.cases or other.cases,
            self.employers or other.employers,
            self.settings or other.settings,
            self.users or other.users,
        )


class Emitter(QObject):
    """Carries results from worker threads to the GUI thread (a queued signal).

    One per owner (the op runner, the start-up backup), a child of it, made on the GUI
    thread and living as long as its owner: never one per operation. Carriers made and
    dropped per operation were deleted on the wrong thread or while Qt still held their
    queued results or deferred deletes, and crashed the GUI thread's event processing
    (a segmentation fault in about one full suite run in three).

    Signals:
        done(object): a tuple (token, (result, exception or None, formatted traceback)).
            Always a tuple, never a bare None: PySide6 mis-counts references to None sent
            through a queued ``object`` signal ("none_dealloc" fatal error).
    """

    done = Signal(object)


class Task(QRunnable):
    """Runs ``fn`` on a pool thread and emits ``(token, payload)`` through ``emitter``."""

    def __init__(self, fn: Callable[[], Any], emitter: Emitter, token: int = 0) -> None:
        super().__init__()
        self.fn = fn
        self.emitter = emitter
        self.token = token
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            payload = (self.fn(), None, "")
        except BaseException as exc:  # handed to the GUI thread, which decides
            payload = (None, exc, traceback.format_exc())
        try:
            self.emitter.done.emit((self.token, payload))
        except RuntimeError:  # the application is shutting down; nobody is listening
            log.info("background result dropped at shutdown")


class Handle(QObject):
    """One running op. Tests wait on ``finished``.

    Signals:
        finished(bool): True on success, False on any failure.
    """

    finished = Signal(bool)

    def __init__(self) -> None:
        super().__init__()
        self.result: Any = None
        self.error: BaseException | None = None


class OpRunner(QObject):
    """Runs ops on a thread pool and reports what changed.

    Signals:
        changed(object): the merged :class:`Changes` of the successful writes of a burst,
            once the burst is over (no write succeeded for :data:`COALESCE_MS`).
        busy(bool): True while any op is running (for the status bar and tests).
        session_ended(object): the :class:`errors.AuthError` (code ``session_ended``) of the
            first op refused because the user was deactivated or re-roled; once.
    """

    changed = Signal(object)
    busy = Signal(bool)
    session_ended = Signal(object)

    def __init__(self, database: db.Database, lang: Callable[[], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self._lang = lang
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(4)
        self._emitter = Emitter(self)
        self._emitter.done.connect(self._deliver)
        self._live: dict[int, Callable[[tuple[Any, BaseException | None, str]], None]] = {}
        self._tokens = itertools.count(1)
        self._changes: Changes | None = None  # announced when the timer fires
        self._holds = 0  # open bursts (hold_changes): nothing is announced while any is open
        self._announce = QTimer(self)
        self._announce.setSingleShot(True)
        self._announce.setInterval(COALESCE_MS)
        self._announce.timeout.connect(self._flush_changes)
        self.crash_handler: Callable[[BaseException, str], None] = _log_crash
        self.error_presenter: Callable[[QWidget | None, errors.KnownError], None] = _log_known
        #: Who is logged in (read on the GUI thread when an op starts); None: nobody to re-check.
        self.acting: Callable[[], Actor | None] = lambda: None
        self.ended = False

    @property
    def pending(self) -> int:
        """Ops still running, plus one while changes wait to be announced."""
        return len(self._live) + (self._changes is not None)

    def hold_changes(self) -> None:
        """A burst begins (a bulk run, an import in steps): its writes are announced once,
        after :meth:`release_changes`, however long a single case takes (a write that waits
        for a colleague's lock must not split the burst into two announcements)."""
        self._holds += 1
        self._announce.stop()

    def release_changes(self) -> None:
        self._holds = max(0, self._holds - 1)
        if self._holds == 0 and self._changes is not None:
            self._announce.start()

    def _merge_changes(self, ch: Changes) -> None:
        self._changes = ch if self._changes is None else self._changes | ch
        if not self._holds:
            self._announce.start()  # (re)start: announced once the burst is quiet

    def _flush_changes(self) -> None:
        if self._holds:
            return
        ch, self._changes = self._changes, None
        if ch is not None:
            self.changed.emit(ch)

    def write(
        self,
        fn: Callable[[Session], Any],
        *,
        changes: Changes | Callable[[Any], Changes],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[errors.KnownError], bool] | None = None,
        parent: QObject | None = None,
    ) -> Handle:
        """``fn(session)`` in one write transaction. ``on_failure`` returns True when it showed the error."""

        actor = self.acting()

        def job() -> Any:
            return auth.run_as(self.database.write, actor, fn)

        return self._start(job, changes, on_success, on_failure, parent)

    def call(
        self,
        fn: Callable[[db.Database], Any],
        *,
        changes: Changes | Callable[[Any], Changes] | None = None,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[errors.KnownError], bool] | None = None,
        parent: QObject | None = None,
    ) -> Handle:
        """``fn(database)`` for an operation that opens its own transactions (an export reads
        in a read transaction and writes only its audit entry)."""
        return self._start(lambda: fn(self.database), changes, on_success, on_failure, parent)

    def read(
        self,
        fn: Callable[[Session], Any],
        *,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[errors.KnownError], bool] | None = None,
        parent: QObject | None = None,
    ) -> Handle:
        actor = self.acting()

        def job() -> Any:
            return auth.run_as(self.database.read, actor, fn)

        return self._start(job, None, on_success, on_failure, parent)

    def _start(
        self,
        job: Callable[[], Any],
        changes: Changes | Callable[[Any], Changes] | None,
        on_success: Callable[[Any], None] | None,
        on_failure: Callable[[errors.KnownError], bool] | None,
        parent: QObject | None,
    ) -> Handle:
        handle = Handle()
        token = next(self._tokens)

        def done(payload: tuple[Any, BaseException | None, str]) -> None:
            result, exc, tb = payload
            if isinstance(exc, OSError):  # a file the user named: missing folder, no space, no permission
                exc = errors.from_os_error(exc)
            handle.result, handle.error = result, exc
            # The widget that asked may have been closed while the op ran: its callbacks
            # would touch deleted C++ objects, so they are dropped (the write still counts).
            alive = parent is None or shiboken6.isValid(parent)
            widget = parent if alive and isinstance(parent, QWidget) else None
            try:
                if exc is None:
                    if changes is not None:
                        self._merge_changes(changes(result) if callable(changes) else changes)
                    if on_success is not None and alive:
                        on_success(result)
                elif isinstance(exc, errors.AuthError) and exc.code == "session_ended":
                    if not self.ended:
                        self.ended = True
                        self.session_ended.emit(exc)
                elif isinstance(exc, errors.KnownError):
                    if not alive or on_failure is None or not on_failure(exc):
                        self.error_presenter(widget, exc)
                else:
                    self.crash_handler(exc, tb)
            finally:
                if not self._live:
                    self.busy.emit(False)
                handle.finished.emit(exc is None)

        self._live[token] = done
        if len(self._live) == 1:
            self.busy.emit(True)
        self.pool.start(Task(job, self._emitter, token))
        return handle

    def _deliver(self, message: tuple[int, tuple[Any, BaseException | None, str]]) -> None:
        token, payload = message
        done = self._live.pop(token, None)
        if done is not None:
            done(payload)

    def wait_all(self, msecs: int = 30_000) -> bool:
        """Block until the pool is empty (shutdown only; the GUI never calls this)."""
        return self.pool.waitForDone(msecs)


def _log_crash(exc: BaseException, tb: str) -> None:
    log.error("unexpected error in a background operation:\n%s", tb)


def _log_known(parent: QWidget | None, exc: errors.KnownError) -> None:
    log.warning("%s", exc)
