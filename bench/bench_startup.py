"""App start to main window shown (offscreen), and the process's peak RSS.

Usage: ``.venv/bin/python bench/bench_startup.py --db FILE``. Prints one line
``shown <seconds since this process started> rss_mb <peak RSS>``. The log-in dialog is
replaced by a fixed supervisor account: what a person spends typing a password is not
the application's start-up time; everything else (Qt, opening and checking the
database, building the main window and its first queries) is measured.
"""

from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path

T0 = time.perf_counter()
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    import argparse

    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    args = ap.parse_args()

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    import ui.login
    import ui.mainwindow
    from casemgr.actor import Actor
    from casemgr.enums import Role

    def log_in(_database: object) -> tuple[Actor, str]:
        return Actor(user_id=1, username="bench1", role=Role.SUPERVISOR), "bench"

    ui.login.log_in = log_in  # type: ignore[assignment]
    original_show = ui.mainwindow.MainWindow.show

    def show(self: ui.mainwindow.MainWindow) -> None:
        original_show(self)

        def shown() -> None:
            elapsed = time.perf_counter() - T0
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"shown {elapsed:.3f} rss_mb {rss:.0f}", flush=True)
            QApplication.instance().quit()  # type: ignore[union-attr]

        QTimer.singleShot(0, shown)

    ui.mainwindow.MainWindow.show = show  # type: ignore[method-assign]
    from ui.app import run

    return run(["casemgr", "--db", args.db])


if __name__ == "__main__":
    sys.exit(main())
