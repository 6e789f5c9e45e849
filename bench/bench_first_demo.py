"""``./run --demo`` on a fresh database, to the log-in window and to a usable main window.

Usage: ``.venv/bin/python bench/bench_first_demo.py [--cases N]`` (offscreen). The parent
starts a child process (so Python's and Qt's own start are counted) that runs the real
``ui.app.run(["main.py", "--demo", "--db", FILE])`` — packages already installed, nothing
else replaced. A timer in the child watches the windows as a person would: when the log-in
window is on screen it notes the time, picks the demo supervisor from the demo-account list
and presses OK; when the main window's dashboard shows its board it notes the time and
quits (the demo cases are still being made in the background then). Prints::

    login <s> main_usable <s> cases_at_login <n> cases_at_main <n>

Seconds are from the parent's clock when it started the child.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def child(db_file: str, spawned_at: float, cases: int) -> int:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    import ui.app
    from ui.login import LoginDialog
    from ui.mainwindow import MainWindow

    marks: dict[str, float] = {}
    counts: dict[str, int] = {}

    def poll() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, LoginDialog) and w.isVisible() and "login" not in marks:
                marks["login"] = time.time() - spawned_at
                counts["login"] = _cases(db_file)
                assert w.demo_box is not None, "no demo account list on a demo database"
                w.demo_box.setCurrentIndex(2)  # demo_zhuren, the supervisor (widest view)
                w.submit()
            if isinstance(w, MainWindow) and w.isVisible() and "main" not in marks:
                board = getattr(w.pages.get("dashboard"), "board", None)
                if board is not None:
                    marks["main"] = time.time() - spawned_at
                    counts["main"] = _cases(db_file)
                    print(
                        f"login {marks['login']:.2f} main_usable {marks['main']:.2f} "
                        f"cases_at_login {counts['login']} cases_at_main {counts['main']}",
                        flush=True,
                    )
                    w.close()
                    QApplication.quit()

    app = QApplication(["main.py"])  # ui.app.run uses this one
    timer = QTimer(app)
    timer.timeout.connect(poll)
    timer.start(20)
    return ui.app.run(["main.py", "--demo", "--db", db_file, "--demo-cases", str(cases)])


def _cases(db_file: str) -> int:
    import sqlite3

    con = sqlite3.connect(db_file)
    try:
        return int(con.execute("SELECT count(*) FROM cases").fetchone()[0])
    finally:
        con.close()


def main() -> int:
    import argparse

    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=1500)
    ap.add_argument("--child", nargs=2, metavar=("DB", "SPAWNED_AT"))
    args = ap.parse_args()
    if args.child:
        return child(args.child[0], float(args.child[1]), args.cases)
    with tempfile.TemporaryDirectory() as tmp:
        db_file = str(Path(tmp) / "demo.db")
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=tmp, XDG_CONFIG_HOME=tmp)
        env["CASEMGR_BACKUP_DIR"] = str(Path(tmp) / "backups")
        t0 = time.time()
        out = subprocess.run(
            [sys.executable, __file__, "--cases", str(args.cases), "--child", db_file, str(t0)],
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        sys.stdout.write(out.stdout)
        if out.returncode != 0:
            sys.stderr.write(out.stderr[-3000:])
        return out.returncode


if __name__ == "__main__":
    sys.exit(main())
