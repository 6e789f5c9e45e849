"""The installation check: the real start-up, log-in and main window, then a picture of it.

    casemgr --selftest OUT.png [--db FILE] [--lang zh]      (frozen build, packaging/launcher.py)
    python -m ui.selftest OUT.png [--db FILE]               (from a checkout)

User name and password come from standard input (two lines), never from the command line
where other users of the PC could read them in the process list. The check drives the same
``ui.app.run`` a clerk's double-click starts: the log-in dialog gets the name and password
typed into its fields and its OK button pressed (a wrong password fails the check like it
fails a clerk); once the main window has shown its first page, the window is saved to
``OUT.png`` and a JSON line says what was loaded — the Qt translation of Qt's own buttons,
the Qt platform plug-in, the report font — so an administrator who installed the program on
a new PC, and the packaging test (tests/test_packaging.py), see at once whether it works.
Exit status 0 only when the main window was reached and saved.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget

from casemgr import db, runtime

TIMEOUT_MS = 60_000


def _qt_own_translation(context: str, text: str) -> str:
    """What Qt's own translator (qtbase_zh_CN) makes of one of Qt's strings.

    Called through variables so that lupdate does not copy Qt's string into our .ts, where
    our translator would answer for Qt's and hide a missing qtbase translation.
    """
    translate = QCoreApplication.translate
    return translate(context, text)


class _Driver:
    """Polls the application's windows: types into the log-in dialog, then grabs the main window."""

    def __init__(self, username: str, password: str, out: Path) -> None:
        self.username = username
        self.password = password
        self.out = out
        self.submitted = False
        self.seen_window_at: int | None = None
        self.ticks = 0
        self.result: dict[str, Any] = {"ok": False}
        self.timer = QTimer()
        self.timer.setInterval(50)
        self.timer.timeout.connect(self.tick)

    def tick(self) -> None:
        from ui.login import LoginDialog
        from ui.mainwindow import MainWindow

        self.ticks += 1
        if self.ticks * 50 > TIMEOUT_MS:
            self.finish(error="timed out before the main window was ready")
            return
        modal = QApplication.activeModalWidget()
        if isinstance(modal, LoginDialog):
            if self.submitted and modal.error.isVisible():
                self.finish(error="log-in refused: " + modal.error.text())
                return
            if not self.submitted:
                modal.username.setText(self.username)
                modal.password.setText(self.password)
                self.submitted = True
                modal.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
            return
        if isinstance(modal, QDialog) and not isinstance(modal.parent(), QWidget):
            # A start-up dialog other than the log-in (first-run set-up, forced password change).
            self.finish(error=f"unexpected dialog: {modal.windowTitle()}")
            return
        window = next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)), None)
        if window is None or not window.isVisible():
            return
        if window.ctx.runner.pending:
            self.seen_window_at = None
            return
        if self.seen_window_at is None:
            self.seen_window_at = self.ticks
        if self.ticks - self.seen_window_at < 10:  # queued show and layout events after the last query
            return
        self.out.parent.mkdir(parents=True, exist_ok=True)
        saved = window.grab().save(str(self.out))
        self.finish(window=window, error=None if saved else f"cannot write {self.out}")

    def finish(self, window: Any = None, error: str | None = None) -> None:
        from casemgr.reports import fonts

        self.timer.stop()
        font = fonts.cjk_font()
        app = QApplication.instance()
        self.result = {
            "ok": error is None and window is not None,
            "error": error,
            "version": runtime.version(),
            "schema": db.head_revision(),
            "frozen": runtime.is_frozen(),
            "platform": QApplication.platformName(),
            "window_title": window.windowTitle() if window is not None else None,
            "qt_cancel": _qt_own_translation("QPlatformTheme", "Cancel"),
            "app_font": QApplication.font().family(),
            "report_font": font.path or font.name,
            "report_font_embedded": font.embedded,
            "screenshot": str(self.out) if error is None else None,
        }
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QDialog) and w.isVisible():
                w.reject()
        if window is not None:
            window.close()
        if app is not None:
            QTimer.singleShot(0, app.quit)


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="casemgr --selftest", description=__doc__.split("\n", 1)[0])
    p.add_argument("out", help="where to save the picture of the main window (PNG)")
    p.add_argument("--db", help="database file or URL (default: the usual one)")
    p.add_argument("--lang", default="zh", help="user-interface language (default zh)")
    args = p.parse_args(argv)
    lines = sys.stdin.read().splitlines()
    if len(lines) < 2:
        print("casemgr --selftest: give the user name and the password on standard input", file=sys.stderr)
        return 2
    from ui import app as uiapp

    driver = _Driver(lines[0].strip(), lines[1], Path(args.out).resolve())
    run_argv = ["casemgr", "--lang", args.lang] + (["--db", args.db] if args.db else [])
    uiapp.make_application(run_argv)
    QTimer.singleShot(0, driver.timer.start)
    code = uiapp.run(run_argv)
    print(json.dumps(driver.result, ensure_ascii=False))
    return 0 if driver.result["ok"] and code == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
