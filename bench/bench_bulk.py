"""Bulk reassign of N cases through the UI's runner, with the board and a case list open.

Usage: ``.venv/bin/python bench/bench_bulk.py --db URL --supervisor ID --to ID [--n 1000]``
(on a copy: it writes). A whole-city supervisor has the dashboard (the city's board) and
the arbitration list open, selects the first N open arbitration cases of the list and
reassigns them — ``ui.bulk.BulkRun``, one audited service call per case on the op
runner, exactly as the "Selected cases → Reassign…" menu runs it. Timed from the start of
the run until every case is done *and* the open pages have reloaded (the runner idle).
Prints ``bulk <s> ok <n> refused <n> reloads board <n> list <n>``.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    import argparse

    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--supervisor", type=int, required=True)
    ap.add_argument("--to", type=int, required=True)
    ap.add_argument("--n", type=int, default=1000)
    args = ap.parse_args()

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from casemgr import db, queries
    from casemgr.actor import Actor
    from casemgr.enums import CaseKind, Role
    from casemgr.services.cases import assign_case
    from ui.app import AppContext
    from ui.bulk import BulkRun
    from ui.pages import CaseListPage, DashboardPage

    app = QApplication.instance() or QApplication(sys.argv)  # noqa: F841 - Qt needs it alive
    database = db.open_database(args.db)
    actor = Actor(user_id=args.supervisor, username="bench-supervisor", role=Role.SUPERVISOR)
    ctx = AppContext(database, actor, "bench")

    def wait(cond: object, timeout_s: float = 3600) -> None:
        loop = QEventLoop()
        timer = QTimer()
        timer.setInterval(5)
        end = time.monotonic() + timeout_s

        def check() -> None:
            if cond() or time.monotonic() > end:  # type: ignore[operator]
                loop.quit()

        timer.timeout.connect(check)
        timer.start()
        loop.exec()
        timer.stop()

    board = DashboardPage(ctx)
    listing = CaseListPage(ctx, CaseKind.ARBITRATION)
    board.show()
    listing.show()
    wait(lambda: board.board is not None and listing.model.total is not None and ctx.runner.pending == 0)
    reloads = {"board": 0, "list": 0}
    board_refresh, list_reload = board.refresh, listing.model.reload

    def count_board() -> None:
        reloads["board"] += 1
        board_refresh()

    def count_list() -> None:
        reloads["list"] += 1
        list_reload()

    board.refresh = count_board  # type: ignore[method-assign]
    listing.model.reload = count_list  # type: ignore[method-assign]

    q = queries.CaseQuery(kind=CaseKind.ARBITRATION, filters=queries.CaseFilters(open_only=True))
    with database.read() as s:
        rows = q.page(s, 0, args.n)
    to = args.to
    run = BulkRun(
        ctx,
        rows,
        lambda s, r: assign_case(s, actor, r.id, to, expected_version=r.version).id,
        lambda _r, _res: "",
    )
    t0 = time.perf_counter()
    run.start()
    wait(lambda: run.done and ctx.runner.pending == 0)
    elapsed = time.perf_counter() - t0
    ok = sum(o.ok for o in run.outcomes)
    print(
        f"bulk {elapsed:.3f} ok {ok} refused {len(run.outcomes) - ok} "
        f"reloads board {reloads['board']} list {reloads['list']}",
        flush=True,
    )
    ctx.runner.wait_all()
    database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
