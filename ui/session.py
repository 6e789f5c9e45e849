"""The user's own session from the main window: change one's password, log out / switch user.

Why a module of its own: the main window only gets one status-bar button; what logging out
means (audit entry, every window of the previous user closed, back to the log-in) lives here
and in ``ui.app.run``'s session loop, and the password rules stay in ``casemgr.auth``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox, QToolButton, QWidget

from casemgr import errors
from ui import i18n

if TYPE_CHECKING:
    from ui.mainwindow import MainWindow


class SessionMenu(QObject):
    """The 账户 button in the main window's status bar: change password, log out / switch user.

    ``window.switch_user`` is set when the user logs out: ``ui.app.run`` then shows the log-in
    again instead of quitting.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.switch_user = False
        button = QToolButton()
        button.setObjectName("account")
        button.setText(QCoreApplication.translate("Session", "Account"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.change_action = QAction(QCoreApplication.translate("Session", "Change my password…"), window)
        self.change_action.setObjectName("change_password")
        self.change_action.triggered.connect(self.change_password)
        self.logout_action = QAction(QCoreApplication.translate("Session", "Log out / switch user…"), window)
        self.logout_action.setObjectName("logout")
        self.logout_action.triggered.connect(self.ask_logout)
        button.addAction(self.change_action)
        button.addAction(self.logout_action)
        window.addAction(self.change_action)
        window.addAction(self.logout_action)
        window.statusBar().addPermanentWidget(button)
        self.button = button

    def change_password(self) -> QWidget:
        from ui.login import ChangePasswordDialog

        ctx = self.window.ctx
        dlg = ChangePasswordDialog(ctx.database, ctx.actor, self.window)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        dlg.accepted.connect(
            lambda: self.window.statusBar().showMessage(
                QCoreApplication.translate("Session", "Your password was changed."), 10_000
            )
        )
        dlg.open()
        return dlg

    def ask_logout(self) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("Session", "Log out"),
            QCoreApplication.translate(
                "Session", "Log out and close every window of this session? Another user can then log in."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.window,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(QCoreApplication.translate("Session", "Log out"))
        box.button(QMessageBox.StandardButton.No).setText(QCoreApplication.translate("Session", "Cancel"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(
            lambda result: self.logout() if result == QMessageBox.StandardButton.Yes else None
        )
        box.open()
        return box

    def logout(self) -> bool:
        """Audit the log-out, close every window of this user; False if the audit entry failed
        (the user stays logged in: a log-out nobody recorded did not happen)."""
        from casemgr import auth

        ctx = self.window.ctx
        try:
            with ctx.database.write() as s:
                auth.logout(s, ctx.actor)
        except errors.KnownError as exc:
            QMessageBox.warning(
                self.window,
                QCoreApplication.translate("Session", "Log out"),
                exc.message(i18n.current_language()),
            )
            return False
        self.window.switch_user = True
        if self.window.idle_lock is not None:
            self.window.idle_lock.remove()
        for w in QApplication.topLevelWidgets():
            if w is not self.window and w.isVisible():
                w.close()
        self.window.close()
        return True
