"""Screenshots of issue 15's screens (global search, report page's month close, board) at
1366×768 and 1920×1080, in Chinese, as the demo supervisor:

    CASEMGR_TODAY=2026-11-23 QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_issue15.py \\
        --db demo.db --out docs/screenshots
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QDate

from casemgr import db, queries
from casemgr.actor import Actor
from casemgr.enums import Role
from ui import app as uiapp
from ui import i18n
from ui.screenshots import grab, settle


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--db", required=True)
    p.add_argument("--out", default="docs/screenshots")
    args = p.parse_args(argv)
    out = Path(args.out)
    qapp = uiapp.make_application(["casemgr"])
    qapp.setStyle("Fusion")
    i18n.install("zh")
    from PySide6.QtCore import QSettings

    for key in ("columns/global_search", "columns/board"):  # the shipped column widths
        QSettings().remove(key)
    database = db.open_database(db.resolve_url(args.db))
    with database.read() as s:
        u = next(x for x in queries.users(s, active_only=True) if x.role == Role.SUPERVISOR.value)
        actor = Actor(u.id, u.username, Role(u.role), u.district)
        # the last four digits of a worker's ID number, as a masked list shows them
        from sqlalchemy import select

        from casemgr.models import CaseParty, Person

        term = s.execute(
            select(Person.id_last4)
            .join(CaseParty, CaseParty.person_id == Person.id)
            .where(Person.id_last4.is_not(None), CaseParty.role == "applicant")
            .limit(1)
        ).scalar_one()
    ctx = uiapp.AppContext(database, actor, u.display_name)
    from ui.mainwindow import MainWindow
    from ui.reportpage import ReportPage

    for w, h, tag in ((1366, 768, "1366"), (1920, 1080, "1920")):
        win = MainWindow(ctx)
        win.resize(w, h - 40)  # the taskbar
        win.show()
        settle(ctx)
        board = win.show_page("dashboard")
        board.tabs.setCurrentIndex(list(queries.BOARD_SECTIONS).index("supervised"))
        settle(ctx)
        grab(win, out / f"board-supervised-{tag}.png")
        board.tabs.setCurrentIndex(0)
        settle(ctx)
        grab(win, out / f"board-overdue-{tag}.png")
        win.global_search_box.setText(term)
        results = win.search_all(term)
        results.resize(min(w - 60, 1500), min(h - 120, 760))
        settle(ctx)
        grab(win, out / f"search-box-{tag}.png")
        grab(results, out / f"search-results-{tag}.png")
        results.run("陈")  # one character: asks for more
        results.run("建筑")
        settle(ctx)
        grab(results, out / f"search-results-employer-{tag}.png")
        results.close()
        report = win.show_page("reports")
        assert isinstance(report, ReportPage)
        report.month.setDate(QDate(2026, 10, 1))
        settle(ctx)
        report.preview()
        settle(ctx)
        grab(win, out / f"report-close-{tag}.png")
        report.close_month()  # what 本月关账… does after its confirmation
        settle(ctx)
        grab(win, out / f"report-closed-{tag}.png")
        report.reopen_month()  # leave the demo database as it was
        settle(ctx)
        win.close()
        win.deleteLater()
        settle(ctx)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
