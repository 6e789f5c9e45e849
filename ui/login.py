"""Log-in, first-start administrator set-up and forced password change.

The rules (hashing, lock-out, password strength) live in ``casemgr.auth``; these
dialogs only collect input and show its KnownErrors inline. They run before the main
window exists, on the GUI thread: one short transaction each.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from casemgr import db, errors
from casemgr.actor import Actor
from ui import i18n


def _auth() -> Any:
    from casemgr import auth

    return auth


class _Form(QDialog):
    """A small form with an inline error line and OK/Cancel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.hide()
        lay.addWidget(self.header)
        lay.addLayout(self.form)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def submit(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    @staticmethod
    def password_edit() -> QLineEdit:
        e = QLineEdit()
        e.setEchoMode(QLineEdit.EchoMode.Password)
        return e


class SetupAdminDialog(_Form):
    """First start: there are no users yet, so the first person creates the administrator."""

    def __init__(self, database: db.Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Create the administrator"))
        self.header.setText(
            self.tr("This database has no users yet. Create the administrator account to start.")
        )
        self.header.show()
        self.username = QLineEdit("admin")
        self.display_name = QLineEdit()
        self.password = self.password_edit()
        self.password2 = self.password_edit()
        self.form.addRow(self.tr("User name"), self.username)
        self.form.addRow(self.tr("Full name"), self.display_name)
        self.form.addRow(self.tr("Password"), self.password)
        self.form.addRow(self.tr("Repeat password"), self.password2)

    def submit(self) -> None:
        if self.password.text() != self.password2.text():
            self.show_error(self.tr("The two passwords differ."))
            return
        try:
            with self.database.write() as s:
                self.actor = _auth().create_initial_admin(
                    s, self.username.text().strip(), self.display_name.text().strip(), self.password.text()
                )
        except errors.KnownError as exc:
            self.show_error(exc.message(i18n.current_language()))
            return
        self.accept()


class LoginDialog(_Form):
    """User name and password; a wrong password or a locked account is shown inline.

    With ``server_url`` (PostgreSQL, one login role per user: casemgr.pgroles) the user name
    and password are the connection's credentials: the server checks them, and
    ``self.database`` is the connection opened with them.
    """

    def __init__(
        self, database: db.Database | None, parent: QWidget | None = None, *, server_url: str | None = None
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.server_url = server_url
        self.actor: Actor | None = None
        self.display_name = ""
        self.must_change = False
        self.setWindowTitle(self.tr("Log in"))
        self.header.setText(self.tr("Labour dispute and wage arrears case management"))
        self.header.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.header.show()
        self.username = QLineEdit()
        self.password = self.password_edit()
        self.form.addRow(self.tr("User name"), self.username)
        self.form.addRow(self.tr("Password"), self.password)
        self.username.setFocus()

    def submit(self) -> None:
        auth = _auth()
        if self.server_url is not None:
            self._submit_to_server()
            return
        assert self.database is not None
        try:
            with self.database.write() as s:
                actor = auth.authenticate(s, self.username.text().strip(), self.password.text())
        except errors.KnownError as exc:
            self.show_error(exc.message(i18n.current_language()))
            self.password.selectAll()
            self.password.setFocus()
            return
        with self.database.read() as s:
            self.must_change = bool(auth.must_change_password(s, actor))
            self.display_name = _display_name(s, actor)
        self.actor = actor
        self.accept()

    def _submit_to_server(self) -> None:
        from casemgr.services import pglogin

        assert self.server_url is not None
        database: db.Database | None = None
        try:
            database = pglogin.connect(self.server_url, self.username.text().strip(), self.password.text())
            with database.write() as s:
                actor, self.must_change = pglogin.login(s)
            with database.read() as s:
                self.display_name = _display_name(s, actor)
        except errors.KnownError as exc:
            if database is not None:
                database.dispose()
            self.show_error(exc.message(i18n.current_language()))
            self.password.selectAll()
            self.password.setFocus()
            return
        self.database = database
        self.actor = actor
        self.accept()


class ChangePasswordDialog(_Form):
    """Forced after an administrator reset; also reachable from the settings."""

    def __init__(self, database: db.Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self.setWindowTitle(self.tr("Change password"))
        self.old = self.password_edit()
        self.new = self.password_edit()
        self.new2 = self.password_edit()
        self.form.addRow(self.tr("Current password"), self.old)
        self.form.addRow(self.tr("New password"), self.new)
        self.form.addRow(self.tr("Repeat new password"), self.new2)

    def submit(self) -> None:
        if self.new.text() != self.new2.text():
            self.show_error(self.tr("The two passwords differ."))
            return
        try:
            with self.database.write() as s:
                _auth().change_password(s, self.actor, self.old.text(), self.new.text())
        except errors.KnownError as exc:
            self.show_error(exc.message(i18n.current_language()))
            return
        self.accept()


def _display_name(session: Any, actor: Actor) -> str:
    from casemgr import queries

    u = queries.user(session, actor.user_id)
    return u.display_name if u is not None else actor.username


def log_in_to_server(url: str) -> tuple[db.Database, Actor, str] | None:
    """PostgreSQL with one login role per user: log-in (which opens the connection), then the
    forced password change. None = cancelled. The first administrator is created by the
    database's owner (docs/deployment.md), never from a desktop."""
    login = LoginDialog(None, server_url=url)
    if login.exec() != QDialog.DialogCode.Accepted or login.actor is None or login.database is None:
        return None
    if login.must_change:
        change = ChangePasswordDialog(login.database, login.actor)
        if change.exec() != QDialog.DialogCode.Accepted:
            login.database.dispose()
            return None
    return login.database, login.actor, login.display_name


def log_in(database: db.Database) -> tuple[Actor, str] | None:
    """The start-up sequence: set-up if needed, log-in, forced password change. None = cancelled."""
    auth = _auth()
    with database.read() as s:
        setup = bool(auth.needs_setup(s))
    if setup:
        dlg = SetupAdminDialog(database)
        if dlg.exec() != QDialog.DialogCode.Accepted or dlg.actor is None:
            return None
    login = LoginDialog(database)
    if setup:
        login.username.setText(dlg.username.text().strip())
    if login.exec() != QDialog.DialogCode.Accepted or login.actor is None:
        return None
    if login.must_change:
        change = ChangePasswordDialog(database, login.actor)
        if change.exec() != QDialog.DialogCode.Accepted:
            return None
    return login.actor, login.display_name
