"""Start-up backup off the GUI thread (failure = status-bar warning) and the idle lock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from casemgr import auth, backup, db
from casemgr.actor import Actor
from casemgr.enums import Role
from casemgr.models import User
from ui.app import AppContext, StartupBackup
from ui.idlelock import IdleLock, UnlockDialog
from ui.mainwindow import MainWindow
from ui.ops import Changes

PASSWORD = "Kx7-secret-Passw0rd"


@pytest.fixture
def ctx(qtbot: QtBot, database: db.Database, actors: dict[Role, Actor]) -> Iterator[AppContext]:
    actor = actors[Role.CLERK]
    with database.write() as s:
        s.get(User, actor.user_id).password_hash = auth.hash_password(PASSWORD)
    c = AppContext(database, actor, "clerk")
    yield c
    qtbot.waitUntil(lambda: c.runner.pending == 0, timeout=10_000)
    c.runner.wait_all()


def test_startup_backup_makes_the_days_copy(qtbot: QtBot, database: db.Database, tmp_path: Path) -> None:
    if db.sqlite_path(database.url) is None:
        pytest.skip("SQLite file backups only")
    job = StartupBackup(database)
    with qtbot.waitSignal(job.finished, timeout=30_000) as blocker:
        job.start()
    result, error = blocker.args[0]
    assert error == "" and result.daily is not None and Path(result.daily).exists()


def test_quitting_cancels_the_startup_backup_and_keeps_nothing(
    qtbot: QtBot, database: db.Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if db.sqlite_path(database.url) is None:
        pytest.skip("SQLite file backups only")
    monkeypatch.setenv(backup.ENV_BACKUP_DIR, str(tmp_path / "auto"))
    job = StartupBackup(database)
    job.cancel()  # the user quit before the copy's first step
    with qtbot.waitSignal(job.finished, timeout=30_000) as blocker:
        job.start()
    result, error = blocker.args[0]
    assert error == "" and result.interrupted and result.daily is None
    assert not [p for p in (tmp_path / "auto").rglob("*") if p.is_file()]


def test_startup_backup_failure_is_a_status_bar_warning(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, database: db.Database, ctx: AppContext
) -> None:
    def broken(_database: db.Database, **_kw: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup, "daily_backup_if_due", broken)
    job = StartupBackup(database)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    job.report_to(win.show_warning)  # before it finishes: delivered when it does
    with qtbot.waitSignal(job.finished, timeout=30_000):
        job.start()
    assert win.warning_label.isVisibleTo(win)
    assert "Automatic backup failed" in win.warning_label.text()
    assert "No space left" in win.warning_label.text()


def test_input_restarts_the_countdown(qtbot: QtBot, ctx: AppContext) -> None:
    w = QWidget()
    qtbot.addWidget(w)
    w.show()
    lock = IdleLock(ctx, 10_000, on_give_up=lambda: None)
    try:
        qtbot.waitUntil(lambda: lock.timer.remainingTime() < 9_950, timeout=5_000)
        qtbot.keyClick(w, Qt.Key.Key_A)
        assert lock.timer.remainingTime() > 9_950
    finally:
        lock.remove()


def test_idle_lock_hides_windows_until_the_same_user_reenters_the_password(
    qtbot: QtBot, ctx: AppContext
) -> None:
    w = QWidget()
    qtbot.addWidget(w)
    w.show()
    gave_up: list[bool] = []
    lock = IdleLock(ctx, 30, on_give_up=lambda: gave_up.append(True))
    try:
        with qtbot.waitSignal(lock.locked, timeout=5_000):
            pass
        dlg = lock.dialog
        assert isinstance(dlg, UnlockDialog) and lock.is_locked
        assert not w.isVisible()
        assert dlg.username.text() == "clerk" and dlg.username.isReadOnly()
        dlg.password.setText("wrong-password-1")
        dlg.submit()
        assert lock.is_locked and dlg.error.isVisibleTo(dlg) and not w.isVisible()
        dlg.password.setText(PASSWORD)
        with qtbot.waitSignal(lock.unlocked, timeout=5_000):
            dlg.submit()
        assert w.isVisible() and not lock.is_locked and lock.timer.isActive()
        # Locked again after the next idle period; closing the dialog gives up (quits).
        with qtbot.waitSignal(lock.locked, timeout=5_000):
            pass
        assert lock.dialog is not None
        lock.dialog.reject()
        assert gave_up == [True]
    finally:
        lock.remove()
        if lock.dialog is not None:
            lock.dialog.close()


def test_a_deactivated_user_is_logged_out_with_a_message(
    qtbot: QtBot,
    ctx: AppContext,
    database: db.Database,
    actors: dict[Role, Actor],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The administrator deactivates the clerk while the window is open: the next op does
    nothing, the windows close and a message (not a traceback) says why (issue 13)."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from casemgr.services import users

    exits: list[int] = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: exits.append(code)))
    crashes: list[object] = []
    ctx.runner.crash_handler = lambda exc, tb: crashes.append(exc)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: ctx.runner.pending == 0, timeout=10_000)
    with database.write() as s:
        users.deactivate(s, actors[Role.ADMIN], ctx.actor.user_id)
    ran: list[int] = []
    with qtbot.waitSignal(ctx.runner.session_ended, timeout=10_000):
        h1 = ctx.runner.write(lambda s: ran.append(1), changes=Changes())
        h2 = ctx.runner.read(lambda s: ran.append(2))
    qtbot.waitUntil(lambda: ctx.runner.pending == 0, timeout=10_000)
    assert ran == [] and crashes == []
    assert h1.error is not None and h2.error is not None
    assert not win.isVisible()
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert len(boxes) == 1  # once, however many ops were refused
    assert "deactivated" in boxes[0].text() or "停用" in boxes[0].text()
    boxes[0].done(0)
    assert exits == [0]
