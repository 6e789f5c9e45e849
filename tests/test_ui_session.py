"""The user's own session in the desktop: the demo log-in, changing one's password, logging
out / switching user (pytest-qt, offscreen, Chinese UI)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from casemgr import auth, db, demo, settings
from casemgr.actor import Actor
from casemgr.enums import Role
from casemgr.models import AuditEntry
from casemgr.services import users
from ui import i18n
from ui import login as login_ui
from ui.app import AppContext
from ui.login import ChangePasswordDialog, LoginDialog, SetupAdminDialog
from ui.mainwindow import MainWindow

PASSWORD = "Kx7-secret-Passw0rd"


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    i18n.install("zh")
    yield
    i18n.install("en")


@pytest.fixture
def demo_db(database: db.Database) -> db.Database:
    """A demo database: the accounts (no cases), exactly as ``./run --demo`` makes them first."""
    demo.create_staff(database, demo.DemoResult(), False)
    return database


def with_password(database: db.Database, name: str, role: Role) -> Actor:
    with database.write() as s:
        info = users.create_user(s, auth_admin(s), name, f"{name}-显示名", role, PASSWORD, must_change=False)
    return Actor(user_id=info.id, username=name, role=role)


def auth_admin(s: object) -> Actor:
    from casemgr.actor import SYSTEM

    return SYSTEM


def test_demo_login_is_marked_and_offers_the_published_accounts(qtbot: QtBot, demo_db: db.Database) -> None:
    dlg = LoginDialog(demo_db, demo_accounts=login_ui.demo_accounts())
    qtbot.addWidget(dlg)
    assert "演示" in dlg.windowTitle()
    banner = dlg.findChild(QWidget, "demo_banner")
    assert banner is not None and "虚构" in banner.text()
    assert dlg.demo_box is not None and dlg.demo_box.count() == len(demo.STAFF) + 1
    zhuren = next(i for i in range(dlg.demo_box.count()) if "demo_zhuren" in dlg.demo_box.itemText(i))
    assert "科长/主任" in dlg.demo_box.itemText(zhuren)
    dlg.demo_box.setCurrentIndex(zhuren)
    assert dlg.username.text() == "demo_zhuren" and dlg.password.text() == "Yanshi-Zhuren-35"
    dlg.submit()
    assert dlg.result() == QDialog.DialogCode.Accepted, dlg.error.text()
    assert dlg.actor is not None and dlg.actor.role is Role.SUPERVISOR
    assert not dlg.must_change, "no forced password change on a demo database"


def test_real_database_login_has_no_demo_marking(qtbot: QtBot, database: db.Database) -> None:
    dlg = LoginDialog(database)
    qtbot.addWidget(dlg)
    assert "演示" not in dlg.windowTitle() and dlg.demo_box is None
    with database.read() as s:
        assert not settings.is_demo_database(s)


def test_demo_main_window_title_says_demo(qtbot: QtBot, demo_db: db.Database) -> None:
    with demo_db.read() as s:
        actor = auth.actor_for(next(u for u in _users(s) if u.username == "demo_zhuren"))
    ctx = AppContext(demo_db, actor, "周主任", demo=True)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    assert win.windowTitle().endswith("演示数据库")
    plain = MainWindow(AppContext(demo_db, actor, "周主任"))
    qtbot.addWidget(plain)
    assert "演示" not in plain.windowTitle()
    for w in (win, plain):
        w.ctx.runner.wait_all()


def _users(s: object) -> list:  # type: ignore[type-arg]
    from casemgr.models import User

    return list(s.execute(select(User)).scalars())  # type: ignore[attr-defined]


def test_cancelling_setup_on_a_database_with_users_goes_on_to_the_login(
    qtbot: QtBot, database: db.Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bug of issue 15: demo users but no administrator, and 取消 quit the app."""
    clerk = with_password(database, "clerk1", Role.CLERK)
    shown: list[str] = []

    def setup_exec(self: SetupAdminDialog) -> int:
        shown.append("setup")
        return QDialog.DialogCode.Rejected.value

    def login_exec(self: LoginDialog) -> int:
        shown.append("login")
        self.username.setText("clerk1")
        self.password.setText(PASSWORD)
        self.submit()
        return self.result()

    monkeypatch.setattr(SetupAdminDialog, "exec", setup_exec)
    monkeypatch.setattr(LoginDialog, "exec", login_exec)
    session = login_ui.log_in(database)
    assert shown == ["setup", "login"]
    assert session is not None and session[0].user_id == clerk.user_id


def test_cancelling_setup_on_an_empty_database_quits(
    qtbot: QtBot, database: db.Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(SetupAdminDialog, "exec", lambda self: QDialog.DialogCode.Rejected.value)
    monkeypatch.setattr(LoginDialog, "exec", lambda self: pytest.fail("no user can log in"))
    assert login_ui.log_in(database) is None


def test_change_own_password(qtbot: QtBot, database: db.Database) -> None:
    actor = with_password(database, "clerk1", Role.CLERK)
    dlg = ChangePasswordDialog(database, actor)
    qtbot.addWidget(dlg)
    assert "10" in dlg.header.text() and not dlg.header.isHidden()

    dlg.old.setText("wrong-old-Passw0rd")
    dlg.new.setText("Another-Good-Pass-77")
    dlg.new2.setText("Another-Good-Pass-77")
    dlg.submit()
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert "原密码" in dlg.error.text() and "不正确" in dlg.error.text()

    dlg.old.setText(PASSWORD)
    dlg.new.setText("short1")
    dlg.new2.setText("short1")
    dlg.submit()
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert "至少需要 10 个字符" in dlg.error.text()

    dlg.new.setText("password123")
    dlg.new2.setText("password123")
    dlg.submit()
    assert "常见" in dlg.error.text()
    with database.write() as s:  # nothing changed so far
        auth.authenticate(s, "clerk1", PASSWORD)

    dlg.new.setText("Another-Good-Pass-77")
    dlg.new2.setText("Another-Good-Pass-77")
    dlg.submit()
    assert dlg.result() == QDialog.DialogCode.Accepted, dlg.error.text()
    with database.write() as s:
        assert auth.authenticate(s, "clerk1", "Another-Good-Pass-77").user_id == actor.user_id


def test_logout_closes_every_window_and_is_audited(qtbot: QtBot, database: db.Database) -> None:
    actor = with_password(database, "clerk1", Role.CLERK)
    ctx = AppContext(database, actor, "clerk1")
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    other = QWidget()  # a case window of the same session
    qtbot.addWidget(other)
    other.show()
    menu = win.session_menu
    assert [a.text() for a in menu.button.actions()] == ["修改我的密码…", "注销 / 切换用户…"]
    assert menu.logout()
    assert win.switch_user and not win.isVisible() and not other.isVisible()
    with database.read() as s:
        actions = list(
            s.execute(select(AuditEntry.action).where(AuditEntry.user_id == actor.user_id)).scalars()
        )
    assert actions[-1] == "auth.logout"
    ctx.runner.wait_all()


def test_change_password_from_the_main_window(qtbot: QtBot, database: db.Database) -> None:
    actor = with_password(database, "clerk1", Role.CLERK)
    win = MainWindow(AppContext(database, actor, "clerk1"))
    qtbot.addWidget(win)
    win.show()
    dlg = win.session_menu.change_password()
    assert isinstance(dlg, ChangePasswordDialog) and dlg.isVisible()
    assert dlg.windowTitle() == "修改密码"
    dlg.reject()
    win.ctx.runner.wait_all()


def test_run_returns_to_the_login_after_logout(
    qapp: object, tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``ui.app.run``: log out brings the log-in back and the next user gets a new main window;
    closing the window ends the app."""
    import sys
    from pathlib import Path

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui import app as uiapp

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    path = Path(str(tmp_path)) / "run.db"
    database = db.open_database(f"sqlite:///{path}")
    first = with_password(database, "clerk1", Role.CLERK)
    second = with_password(database, "insp1", Role.INSPECTOR)
    database.dispose()
    turns: list[Actor] = []
    windows: list[MainWindow] = []

    def act() -> None:
        win = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        windows.append(win)
        if len(turns) == 1:
            assert win.session_menu.logout()
        else:
            win.close()

    def fake_log_in(_database: db.Database, _note: object) -> tuple[Actor, str] | None:
        if len(turns) == 2:
            pytest.fail("closing the window must not bring the log-in back")
        actor = first if not turns else second
        turns.append(actor)
        QTimer.singleShot(50, act)
        return actor, actor.username

    monkeypatch.setattr(login_ui, "log_in", fake_log_in)
    assert uiapp.run(["casemgr", "--db", str(path), "--lang", "zh"]) == 0
    assert [a.username for a in turns] == ["clerk1", "insp1"]
    assert len(windows) == 2 and windows[0] is not windows[1]
    assert windows[1].ctx.actor.username == "insp1"
    check = db.open_database(f"sqlite:///{path}")
    try:
        with check.read() as s:
            actions = list(
                s.execute(select(AuditEntry.action).where(AuditEntry.user_id == first.user_id)).scalars()
            )
        assert "auth.logout" in actions
    finally:
        check.dispose()
