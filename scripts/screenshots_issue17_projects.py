"""Screenshots of the construction project register (issue 17) at 1366×768 and 1920×1080, in
Chinese, as a demo inspector, on a COPY of a demo database (its register made by
casemgr.demo.projects if the database predates it):

    CASEMGR_TODAY=2026-11-23 QT_QPA_PLATFORM=offscreen .venv/bin/python \\
        scripts/screenshots_issue17_projects.py --db demo.db --out docs/screenshots
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from casemgr import clock, db, queries
from casemgr.actor import Actor
from casemgr.enums import Role
from ui import app as uiapp
from ui import i18n
from ui.screenshots import grab, settle

D = dt.date


def seed(database: db.Database) -> tuple[int, int]:
    """The demo's register (made here if the demo database predates it): (a red project with
    complaints, one of its complaints)."""
    from sqlalchemy import select

    from casemgr.demo.projects import make_projects
    from casemgr.models import Project, ProjectComplaint

    with database.write() as s:
        if s.execute(select(Project.id).limit(1)).first() is None:
            u = next(x for x in queries.users(s, active_only=True) if x.role == Role.SUPERVISOR.value)
            make_projects(s, Actor(u.id, u.username, Role.SUPERVISOR), clock.today())
        pid, cid = s.execute(
            select(ProjectComplaint.project_id, ProjectComplaint.case_id).order_by(ProjectComplaint.case_id)
        ).first()
    return pid, cid


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--db", required=True)
    p.add_argument("--out", default="docs/screenshots")
    args = p.parse_args(argv)
    out = Path(args.out)
    work = Path(tempfile.mkdtemp()) / "shots.db"
    shutil.copy(args.db, work)
    qapp = uiapp.make_application(["casemgr"])
    qapp.setStyle("Fusion")
    i18n.install("zh")
    from PySide6.QtCore import QSettings

    QSettings().remove("columns/projects")
    database = db.open_database(db.resolve_url(str(work)))
    with database.read() as s:
        u = next(x for x in queries.users(s, active_only=True) if x.role == Role.INSPECTOR.value)
        actor = Actor(u.id, u.username, Role(u.role), u.district)
    red, complaint = seed(database)
    ctx = uiapp.AppContext(database, actor, u.display_name)
    from casemgr.io import project_import as pi
    from ui.casefile import CaseFileWindow
    from ui.mainwindow import MainWindow
    from ui.projectdialog import ProjectDialog
    from ui.projectimport import ProjectImportDialog

    bad = Path(tempfile.mkdtemp()) / "项目台账.xlsx"
    pi.write_template(bad)
    import openpyxl

    wb = openpyxl.load_workbook(bad)
    ws = wb.worksheets[0]
    ws.append(
        [
            "SW-2026-201",
            "某项目",
            "火星区",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ]
    )
    ws.append(["SW-2026-202", "某厂房", "城区", "", "", "", "", "", "", "2026-13-01", "", "拆除"])
    wb.save(bad)
    print("today", clock.today())
    for w, h, tag in ((1366, 768, "1366"), (1920, 1080, "1920")):
        win = MainWindow(ctx)
        win.resize(w, h - 40)
        win.show()
        settle(ctx)
        win.show_page("prevention")
        settle(ctx)
        grab(win, out / f"projects-list-{tag}.png")
        dlg = ProjectDialog(ctx, red, win)
        dlg.show()
        settle(ctx)
        grab(dlg, out / f"projects-dialog-{tag}.png")
        print(tag, "dialog", dlg.width(), dlg.height())
        dlg.close()
        imp = ProjectImportDialog(ctx, win)
        imp.show()
        imp.check(bad)
        settle(ctx)
        grab(imp, out / f"projects-import-{tag}.png")
        print(tag, "import", imp.width(), imp.height())
        imp.close()
        cf = CaseFileWindow(ctx, complaint, win)
        cf.show()
        settle(ctx)
        cf.tabs.setCurrentIndex(cf.tabs.count() - 1)
        settle(ctx)
        grab(cf, out / f"projects-casefile-{tag}.png")
        print(tag, "casefile", cf.width(), cf.height())
        cf.close()
        win.close()
    ctx.runner.wait_all()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
