"""Screenshots of the arrears risk warning (issue 17) at 1366×768 and 1920×1080, in Chinese,
as the demo supervisor: the 欠薪预防 › 风险预警 tab with the first employer's explanation, and
the employer page of a red employer:

    CASEMGR_TODAY=2026-11-23 QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_risk.py \\
        --db demo.db --out docs/screenshots
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from casemgr import db, queries
from casemgr.actor import Actor
from casemgr.enums import Role
from casemgr.queries.risk import RiskQuery
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

    for key in ("columns/risk/list", "columns/employer/cases"):  # the shipped column widths
        QSettings().remove(key)
    database = db.open_database(db.resolve_url(args.db))
    with database.read() as s:
        u = next(x for x in queries.users(s, active_only=True) if x.role == Role.SUPERVISOR.value)
        actor = Actor(u.id, u.username, Role(u.role), u.district)
        top = RiskQuery(actor, level="red").page(s, 0, 1)
    ctx = uiapp.AppContext(database, actor, u.display_name)
    from ui.mainwindow import MainWindow

    for w, h in ((1366, 768), (1920, 1080)):
        win = MainWindow(ctx)
        win.resize(w, h - 40)  # the taskbar
        win.show()
        settle(ctx)
        page = win.show_page("prevention")
        settle(ctx)
        risk = page.current()
        risk.view.selectRow(0)
        risk._explain(0)
        settle(ctx)
        grab(win, out / f"risk-list-{w}.png")
        if top:
            win.open_employer(top[0].employer_id)
            settle(ctx)
            grab(win, out / f"risk-employer-{w}.png")
        win.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
