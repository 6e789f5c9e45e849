"""Log-in, first-start administrator set-up and forced password change.

The rules (hashing, lock-out, password strength) live in ``casemgr.auth``; these
dialogs only collect input and show its KnownErrors inline. They run before the main
window exists, on the GUI thread: one short transaction each.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
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
        self,
        database: db.Database | None,
        parent: QWidget | None = None,
        *,
        server_url: str | None = None,
        demo_accounts: list[DemoAccount] | None = None,
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
        self.demo_box: QComboBox | None = None
        self.note = QLabel()  # the demo data still being made, on a demo database
        self.note.setObjectName("note")
        self.note.setWordWrap(True)
        self.note.hide()
        if demo_accounts:
            self._demo(demo_accounts)
        self.form.addRow(self.tr("User name"), self.username)
        self.form.addRow(self.tr("Password"), self.password)
        self.layout().insertWidget(self.layout().count() - 1, self.note)
        self.setMinimumWidth(420)
        self.username.setFocus()

    def _demo(self, accounts: list[DemoAccount]) -> None:
        """A demo database: say so plainly, and offer its published accounts to pick from."""
        self.setWindowTitle(self.tr("Log in — DEMO database"))
        banner = QLabel(
            self.tr(
                "DEMO database: every case and person in it is invented, and the passwords of its "
                "accounts are published. Never enter real cases here."
            )
        )
        banner.setObjectName("demo_banner")
        banner.setWordWrap(True)
        banner.setStyleSheet(
            "QLabel#demo_banner { background: #fff3cd; color: #7a4b00; border: 1px solid #e0b252;"
            " padding: 6px; }"
        )
        self.layout().insertWidget(1, banner)
        box = QComboBox()
        box.setObjectName("demo_accounts")
        box.addItem(self.tr("(choose a demo account)"), None)
        for acc in accounts:
            box.addItem(f"{acc.display_name}（{acc.role_label}）  {acc.username}", acc)
        box.currentIndexChanged.connect(self._demo_chosen)
        self.demo_box = box
        self.form.addRow(self.tr("Demo account"), box)

    def _demo_chosen(self, index: int) -> None:
        assert self.demo_box is not None
        acc = self.demo_box.itemData(index)
        if isinstance(acc, DemoAccount):
            self.username.setText(acc.username)
            self.password.setText(acc.password)
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setFocus()

    def set_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

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
    """Forced after an administrator reset; also the user's own change from the main window's
    account menu. The rules are casemgr.auth's; the header only says them before the user types."""

    def __init__(
        self, database: db.Database, actor: Actor, parent: QWidget | None = None, *, forced: bool = False
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self.setWindowTitle(self.tr("Change password"))
        self.setMinimumWidth(400)
        rules = self.tr(
            "The new password needs at least 10 characters; a common password or one containing "
            "your user name is refused."
        )
        if forced:
            rules = self.tr("An administrator set your password: choose your own now.") + "\n" + rules
        self.header.setText(rules)
        self.header.show()
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
            wrong_old = getattr(exc, "field", None) == "old_password"
            target = self.old if wrong_old else self.new
            target.selectAll()
            target.setFocus()
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
        change = ChangePasswordDialog(login.database, login.actor, forced=True)
        if change.exec() != QDialog.DialogCode.Accepted:
            login.database.dispose()
            return None
    return login.database, login.actor, login.display_name


def log_in(
    database: db.Database, note: Callable[[LoginDialog], None] | None = None
) -> tuple[Actor, str] | None:
    """The start-up sequence: set-up if needed, log-in, forced password change. None = cancelled.

    ``note`` may attach a live note to the log-in dialog (the demo data being made). On a
    database that has users but no administrator (made by an older demo), cancelling the
    set-up goes on to the log-in instead of quitting: those users can still work.
    """
    auth = _auth()
    from casemgr import queries, settings

    with database.read() as s:
        setup = bool(auth.needs_setup(s))
        has_users = bool(queries.users(s))
        demo = settings.is_demo_database(s)
    dlg: SetupAdminDialog | None = None
    if setup:
        dlg = SetupAdminDialog(database)
        if dlg.exec() != QDialog.DialogCode.Accepted or dlg.actor is None:
            if not has_users:
                return None
            dlg = None
    login = LoginDialog(database, demo_accounts=demo_accounts() if demo else None)
    if dlg is not None:
        login.username.setText(dlg.username.text().strip())
    if note is not None:
        note(login)
    if login.exec() != QDialog.DialogCode.Accepted or login.actor is None:
        return None
    if login.must_change:
        change = ChangePasswordDialog(database, login.actor, forced=True)
        if change.exec() != QDialog.DialogCode.Accepted:
            return None
    return login.actor, login.display_name


@dataclass(frozen=True)
class DemoAccount:
    username: str
    display_name: str
    role_label: str
    password: str


def demo_accounts() -> list[DemoAccount]:
    """The demo database's published accounts (casemgr.demo.staff.STAFF), role in the UI language."""
    from casemgr.demo.staff import STAFF
    from ui import labels

    return [
        DemoAccount(name, shown, labels.label(labels.ROLES, role.value), pw)
        for name, shown, role, _district, pw in STAFF
    ]
