"""Screenshots of the construction project register (issue 17) at 1366×768 and 1920×1080, in
Chinese, as a demo inspector. Adds a dozen hand-made projects (through the services) to a COPY
of a demo database and links a few open complaints to them:

    CASEMGR_TODAY=2026-11-23 QT_QPA_PLATFORM=offscreen .venv/bin/python \\
        scripts/screenshots_issue17_projects.py --db demo.db --out docs/screenshots
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from casemgr import clock, db, queries
from casemgr.actor import Actor
from casemgr.enums import CaseKind, Role
from casemgr.services import parties, projects
from ui import app as uiapp
from ui import i18n
from ui.screenshots import grab, settle

D = dt.date


def uscc(n: int) -> str:
    from casemgr import validation

    first17 = f"91441500{n:09d}"
    return first17 + validation.uscc_check_char(first17)


def seed(database: db.Database, actor: Actor) -> tuple[int, int]:
    """Projects covering every colour; returns (a red project's id, a linked complaint's id)."""
    gc = [parties.EmployerInput(n, uscc(900 + i), district="城区") for i, n in
          enumerate(("广东汕尾建工集团有限公司", "海丰县宏达建筑工程有限公司", "陆丰市金厦建设有限公司"))]  # fmt: skip
    sub = parties.EmployerInput("汕尾市诚信劳务有限公司", uscc(950))
    done = dict(account_bank="汕尾农商银行", account_opened_on=D(2026, 3, 10), deposit_amount=Decimal("300000"),
                deposit_bank="汕尾农商银行", deposit_on=D(2026, 3, 12), roster_on=D(2026, 3, 1),
                board_on=D(2026, 3, 2), last_agent_pay_on=D(2026, 11, 10))  # fmt: skip
    specs = [
        ("SW-2026-001", "汕尾市城区香洲安置房一期", "城区", D(2026, 3, 1), "building", {}),
        ("SW-2026-002", "汕尾市城区凤山路市政道路改造", "城区", D(2026, 8, 1), "building",
         {"account_opened_on": None, "account_bank": None}),
        ("SW-2026-003", "海丰县彭湃中学教学楼", "海丰县", D(2026, 9, 1), "building",
         {"deposit_on": None, "deposit_amount": None, "deposit_bank": None}),
        ("SW-2026-004", "陆丰市碣石镇污水处理厂", "陆丰市", D(2026, 6, 1), "building", {"board_on": None}),
        ("SW-2026-005", "陆河县河田镇卫生院住院楼", "陆河县", D(2026, 11, 10), "building",
         {k: None for k in done}),
        ("SW-2026-006", "汕尾市城区品清湖商业综合体", "城区", D(2026, 5, 1), "building",
         {"last_agent_pay_on": D(2026, 9, 30)}),
        ("SW-2025-031", "海丰县公平镇保障性住房", "海丰县", D(2025, 4, 1), "completed", {}),
        (None, "红海湾开发区渔港码头扩建", "红海湾经济开发区", D(2026, 7, 15), "suspended",
         {"roster_on": None}),
        ("SW-2026-009", "华侨管理区侨城小学运动场", "华侨管理区", D(2027, 1, 5), "planned", {k: None for k in done}),
        ("SW-2026-010", "陆丰市东海街道滨海大道", "陆丰市", D(2026, 4, 1), "building", {}),
    ]  # fmt: skip
    ids = []
    with database.write() as s:
        for i, (code, name, district, start, status, override) in enumerate(specs):
            elements = done | override
            data = projects.ProjectInput(
                name=name, code=code, district=district, address=f"{district}某路{i + 1}号", start_on=start,
                end_on=start + dt.timedelta(days=540), status=status, general_contractor=gc[i % 3],
                builder=parties.EmployerInput(f"{district}城市建设投资有限公司", uscc(960 + i)),
                subcontractors=(sub,) if i % 2 == 0 else (), **elements,
            )  # fmt: skip
            ids.append(projects.save_project(s, actor, data).id)
        complaints = queries.CaseQuery(kind=CaseKind.INSPECTION, filters=queries.CaseFilters(open_only=True))
        open_ids = [r.id for r in complaints.page(s, 0, 5)]
        closed = queries.CaseQuery(kind=CaseKind.INSPECTION).page(s, 0, 60)
        closed_ids = [r.id for r in closed if r.closed_on is not None][:2]
        sup = Actor(actor.user_id, actor.username, Role.SUPERVISOR)  # links across inspectors' cases
        for cid in open_ids[:2]:
            projects.link_complaint(s, sup, cid, ids[0])
        for cid in closed_ids:
            projects.link_complaint(s, sup, cid, ids[9])
    return ids[0], open_ids[0]


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
    red, complaint = seed(database, actor)
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
