"""Start to usable board, and quit, as a person of one role does it (offscreen).

Usage: ``.venv/bin/python bench/bench_startup.py --db URL --user-id N --role ROLE
[--district D] [--spawned-at EPOCH]``. The log-in dialog is replaced by the given account
(typing a password is not the application's start-up time); everything else is the real
start: Qt, opening and checking the database, the day's automatic backup (the caller
points ``CASEMGR_BACKUP_DIR`` at an empty folder, so it is the day's first start), the
main window, the dashboard's board for this role, the start-up reminder.

When the dashboard has shown its board the person quits at once (the worst moment for the
backup started at the same time). Prints one line::

    board <s> quit <epoch> hwm_mb <MB>

``board``: seconds from ``--spawned-at`` (the parent's clock when it started this process,
so the interpreter's own start is counted) to the board on screen; ``quit``: the epoch
time of the quit, from which the parent measures how long the process took to end;
``hwm_mb``: this process's peak resident memory (``VmHWM`` of this process's own address
space — ``ru_maxrss`` would report the benchmark parent's peak, which a forked child
inherits at exec).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

SPAWN_FALLBACK = time.time()
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def peak_rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    import argparse

    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--user-id", type=int, required=True)
    ap.add_argument("--role", required=True)
    ap.add_argument("--district")
    ap.add_argument("--spawned-at", type=float, default=SPAWN_FALLBACK)
    args = ap.parse_args()

    from PySide6.QtWidgets import QApplication

    import ui.login
    import ui.pages
    from casemgr.actor import Actor
    from casemgr.enums import Role

    actor = Actor(
        user_id=args.user_id, username=f"bench{args.user_id}", role=Role(args.role), district=args.district
    )

    def log_in(_database: object) -> tuple[Actor, str]:
        return actor, "bench"

    ui.login.log_in = log_in  # type: ignore[assignment]
    original_show = ui.pages.DashboardPage._show
    done = {"board": False}

    def show(self: ui.pages.DashboardPage, board: object) -> None:
        original_show(self, board)
        if done["board"]:
            return
        done["board"] = True
        QApplication.processEvents()  # paint it: the board is on screen, not just in memory
        elapsed = time.time() - args.spawned_at
        rss = peak_rss_mb()
        quit_at = time.time()
        print(f"board {elapsed:.3f} quit {quit_at:.3f} hwm_mb {rss:.0f}", flush=True)
        QApplication.instance().quit()  # type: ignore[union-attr]

    ui.pages.DashboardPage._show = show  # type: ignore[method-assign]
    from ui.app import run

    return run(["casemgr", "--db", args.db])


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.exit(code)
