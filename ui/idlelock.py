"""Idle lock: after N minutes without keyboard or mouse input the windows hide behind a log-in.

Why: case files hold ID numbers and wage details, and an office PC is left unattended.
The minutes come from ``casemgr.auth.idle_lock_minutes`` (a dated setting; 0 = never).
An event filter on the QApplication sees every input event of every window, so a clerk
typing in a case file keeps the main window unlocked too. Only the same user can unlock
(the password goes through ``auth.authenticate``, so failures count toward the lock-out);
closing the lock dialog quits the application instead of revealing the windows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from ui.login import LoginDialog

if TYPE_CHECKING:
    from ui.app import AppContext

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class UnlockDialog(LoginDialog):
    """The log-in dialog with the user name fixed: only the locked user may continue."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx.database, parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Locked"))
        self.header.setText(
            self.tr("The window was locked after a period without use. Enter your password to continue.")
        )
        self.username.setText(ctx.actor.username)
        self.username.setReadOnly(True)
        self.password.setFocus()


class IdleLock(QObject):
    """Locks the application's windows after ``msec`` without input.

    Signals:
        locked(): the windows were hidden and the dialog shown.
        unlocked(): the same user entered the password; the windows are back.
    """

    locked = Signal()
    unlocked = Signal()

    def __init__(
        self,
        ctx: AppContext,
        msec: int,
        *,
        on_give_up: Callable[[], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.on_give_up = on_give_up or QApplication.quit
        self.dialog: UnlockDialog | None = None
        self._hidden: list[QWidget] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        # Precise: a coarse timer may fire (and report its remaining time) 5% early.
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self.lock)
        self.set_interval(msec)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_interval(self, msec: int) -> None:
        """0 turns the lock off."""
        self.timer.stop()
        self.timer.setInterval(max(0, msec))
        if msec > 0 and self.dialog is None:
            self.timer.start()

    @property
    def is_locked(self) -> bool:
        return self.dialog is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS and self.dialog is None and self.timer.interval() > 0:
            self.timer.start()  # restart the countdown
        return False

    def lock(self) -> None:
        if self.dialog is not None:
            return
        self._hidden = [
            w for w in QApplication.topLevelWidgets() if w.isVisible() and not isinstance(w, UnlockDialog)
        ]
        for w in self._hidden:
            w.hide()
        dlg = UnlockDialog(self.ctx)
        dlg.setWindowModality(Qt.WindowModality.ApplicationModal)
        dlg.accepted.connect(self._unlock)
        dlg.rejected.connect(self._give_up)
        self.dialog = dlg
        dlg.open()
        self.locked.emit()

    def _unlock(self) -> None:
        dlg, self.dialog = self.dialog, None
        if dlg is not None:
            dlg.deleteLater()
        for w in self._hidden:
            w.show()
        self._hidden = []
        if self.timer.interval() > 0:
            self.timer.start()
        self.unlocked.emit()

    def _give_up(self) -> None:
        self.on_give_up()

    def remove(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.timer.stop()
