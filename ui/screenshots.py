"""Screenshots of the real application for the README (offscreen, in Chinese).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m ui.screenshots --db demo.db --out docs/screenshots

The database should hold demo data (``casemgr demo``); the pictures are taken as the
demo supervisor, who sees every kind and the whole board. Also prints how long the main
window took to open, for the start-up benchmark.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QWidget

from casemgr import db, queries
from casemgr.actor import Actor
from casemgr.enums import CaseKind, Role
from ui import app as uiapp
from ui import i18n


def wait_for(condition: object, timeout_ms: int = 15_000) -> None:
    """Run the event loop until ``condition()`` holds (no fixed sleeps)."""
    deadline = time.monotonic() + timeout_ms / 1000
    while not condition() and time.monotonic() < deadline:  # type: ignore[operator]
        loop = QEventLoop()
        QTimer.singleShot(20, loop.quit)
        loop.exec()


def settle(ctx: uiapp.AppContext) -> None:
    """Queries done, then a few more turns of the loop for the queued show/layout events."""
    wait_for(lambda: ctx.runner.pending == 0)
    turns = [0]

    def done() -> bool:
        turns[0] += 1
        return turns[0] > 10 and ctx.runner.pending == 0

    wait_for(done)


def grab(widget: QWidget, path: Path) -> None:
    widget.grab().save(str(path))
    print(f"wrote {path}")


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--db", required=True)
    p.add_argument("--out", default="docs/screenshots")
    p.add_argument("--lang", default="zh")
    p.add_argument(
        "--roles",
        action="store_true",
        help="only the main window and a case file of each role, maximised on this screen",
    )
    args = p.parse_args(argv)
    if args.roles:
        return role_windows(args)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    qapp = uiapp.make_application(["casemgr"])
    qapp.setStyle("Fusion")
    i18n.install(args.lang)
    database = db.open_database(db.resolve_url(args.db))
    with database.read() as s:
        staff = queries.users(s, active_only=True)
        u = next((x for x in staff if x.role == Role.SUPERVISOR.value), None)
        assert u is not None, "no supervisor: run `casemgr demo` first"
        actor = Actor(u.id, u.username, Role(u.role), u.district)
        name = u.display_name
        # The newest open green-channel arbitration: its case file shows running clocks.
        green = queries.CaseFilters(green_channel=True, open_only=True)
        page = queries.CaseQuery(kind=CaseKind.ARBITRATION, filters=green).page(s, 0, 1)
        case_id = page[0].id if page else None
    ctx = uiapp.AppContext(database, actor, name)
    from ui.mainwindow import MainWindow

    t0 = time.perf_counter()
    win = MainWindow(ctx)
    win.resize(1440, 860)
    win.show()
    t_open = time.perf_counter() - t0
    settle(ctx)
    t_board = time.perf_counter() - t0
    print(
        f"main window constructed and shown in {t_open * 1000:.0f} ms; board filled after {t_board * 1000:.0f} ms"
    )
    win.show_page("dashboard")
    settle(ctx)
    grab(win, out / "dashboard.png")

    win.show_page("arbitration")
    settle(ctx)
    grab(win, out / "case-list.png")

    if case_id is not None:
        cf = win.open_case(case_id)
        cf.resize(1180, 800)
        settle(ctx)
        grab(cf, out / "case-file.png")
        cf.tabs.setCurrentIndex(1)  # the time limits, with any provisional due date
        settle(ctx)
        grab(cf, out / "case-file-clocks.png")
        cf.resize(1280, 720)  # an office laptop: the actions scroll, the window still fits
        settle(ctx)
        grab(cf, out / "case-file-1280.png")
        rec = cf.start_record("record_service")  # a 送达回证, from the "登记…" menu
        if rec is not None:
            rec.resize(560, 300)
            settle(ctx)
            grab(rec, out / "record-service.png")
            rec.reject()
        person = next((tgt for tgt in cf.party_targets if tgt and tgt[0] == "person"), None)
        if person is not None:  # the correction form: no ID number or phone in it
            from ui.party import PartyDialog

            with database.read() as s:
                form = queries.party_for_edit(s, ctx.actor, *person)
            pd = PartyDialog(ctx, form, cf)
            pd.show()
            settle(ctx)
            grab(pd, out / "party.png")
            pd.close()
        cf.close()

    new_case_and_employers(ctx, win, out)

    from ui.clue import ClueDialog

    clue = ClueDialog(ctx, CaseKind.INSPECTION, win)
    clue.channel.setCurrentIndex(clue.channel.findData("hotline_12345"))
    clue.ref.setText("12345-20261127-0042")
    clue.employer.setText("汕尾市城区海滨建筑劳务有限公司")
    clue.worker.setText("陈志强")
    clue.amount.setText("18600.00")
    clue.summary.setPlainText("来电反映2026年8月至10月工资未发放。")
    clue.show()
    clue.resize(620, 720)
    settle(ctx)
    grab(clue, out / "clue.png")
    clue.close()

    # Ledger import: the options, then a check-only run of a small ledger with one bad row
    # (check only: the demo database is not changed).
    import tempfile

    from casemgr.io.ledger_import import ImportOptions
    from ui.importer import ImportDialog, ImportView

    tmp = Path(tempfile.mkdtemp())
    ledger = tmp / "2026年仲裁台账.csv"
    ledger.write_text(
        "案号,案件类型,收案日期,受理日期,结案日期,结案方式,是否农民工,涉及人数,申请金额,用人单位,所属区县,申请人\n"
        "汕劳人仲案字〔2026〕第9001号,仲裁,2026-03-02,2026-03-04,2026-04-20,裁决,是,1,8600,汕尾市城区海滨建筑劳务有限公司,城区,陈志强\n"
        "汕劳人仲案字〔2026〕第9002号,仲裁,2026-02-30,,,,否,1,5200,汕尾市城区海滨建筑劳务有限公司,城区,林秀英\n"
        "汕劳人仲案字〔2026〕第9003号,仲裁,2026-03-09,2026-03-10,,,是,12,186000.5,陆丰市东海电子厂,陆丰市,黄文辉\n",
        encoding="utf-8-sig",
    )
    idlg = ImportDialog(CaseKind.ARBITRATION, win)
    idlg.path_edit.setText(str(ledger))
    idlg.dry_run.setChecked(True)
    idlg.show()
    idlg.resize(640, 300)
    settle(ctx)
    grab(idlg, out / "import.png")
    view = ImportView(ctx, CaseKind.ARBITRATION, win)
    view.run(
        ledger, ImportOptions(dry_run=True, kind=CaseKind.ARBITRATION, report_path=tmp / "错误报告.xlsx")
    )
    wait_for(lambda: view.message is not None)
    settle(ctx)
    assert view.message is not None
    grab(view.message, out / "import-result.png")
    view.message.close()
    idlg.close()

    # Report page: the figures of last month, previewed.
    from ui.reportpage import ReportPage

    report = win.show_page("reports")
    assert isinstance(report, ReportPage)
    report.preview()
    settle(ctx)
    grab(win, out / "report.png")
    win.close()

    # Settings as the administrator (only they see the shared-data tabs).
    # The demo has no administrator (the first start creates one); the settings page only
    # reads here, so an administrator actor that is not stored is enough for the picture.
    with database.read() as s:
        a = next((x for x in queries.users(s) if x.role == Role.ADMIN.value), None)
        admin = Actor(a.id, a.username, Role.ADMIN, a.district) if a else Actor(0, "admin", Role.ADMIN, None)
    admin_ctx = uiapp.AppContext(database, admin, a.display_name if a else "系统管理员")
    admin_win = MainWindow(admin_ctx)
    admin_win.resize(1440, 860)
    admin_win.show()
    from ui.settingspage import SettingsPage

    page = admin_win.show_page("settings")
    assert isinstance(page, SettingsPage)
    page.tabs.setCurrentWidget(page.rules)
    settle(admin_ctx)
    grab(admin_win, out / "settings.png")
    admin_win.close()
    admin_ctx.runner.wait_all()
    ctx.runner.wait_all()
    database.dispose()
    return 0


def new_case_and_employers(ctx: uiapp.AppContext, win: QWidget, out: Path) -> None:
    """A collective complaint being registered and the employer list, on the two office
    screens: 1366x768 (1366x728 free above the task bar) and 1920x1080."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QDialog

    from ui.newcase import NewCaseDialog

    with ctx.database.read() as s:  # an employer on the blacklist: the form warns about it
        listed = queries.EmployerQuery(status="blacklisted").page(s, 0, 1)
    for width, height in ((1366, 768), (1920, 1080)):
        dlg = NewCaseDialog(ctx, CaseKind.INSPECTION, win)
        dlg.fit_screen(QRect(0, 0, width, height - 40))
        if listed and width < 1900:
            dlg.employer_name.setText(listed[0].name)
            dlg.uscc.setText(listed[0].uscc or "")
        else:
            dlg.employer_name.setText("汕尾市城区海滨建筑劳务有限公司")
            dlg.district.setCurrentIndex(dlg.district.findData("城区"))
        for i, (name, phone) in enumerate((("陈志强", "13812345678"), ("林秀英", ""), ("黄文辉", ""))):
            row = dlg.worker_rows[i] if i < len(dlg.worker_rows) else dlg.add_worker()
            row.name.setText(name)
            row.phone.setText(phone)
            row.migrant.setChecked(True)
        wages = dlg.claim_rows[0]
        wages.amount.setText("6200.00")  # each worker's
        wages.months.setValue(2)
        overtime = dlg.add_claim()
        overtime.claim_type.setCurrentIndex(overtime.claim_type.findData("overtime"))
        overtime.worker.setCurrentIndex(overtime.worker.findData(1))
        overtime.amount.setText("960.00")
        dlg.workers_total.setValue(12)
        dlg.summary.setPlainText("投诉人等12人在工地务工，2026年9月至10月工资未发放。")
        dlg.show()
        dlg._check_employer()
        dlg._update_flags()
        settle(ctx)
        grab(dlg, out / f"new-case-{width}.png")
        QDialog.reject(dlg)  # a picture, not a registration: no "discard?" question

    for width, height in ((1366, 768), (1920, 1080)):
        win.resize(width, height - 40)
        page = win.show_page("employers")  # type: ignore[attr-defined]
        settle(ctx)
        # the small screen: all employers, most open cases first; the large: 重点监控 only
        page.status_filter.setCurrentIndex(
            0 if width < 1900 else page.status_filter.findData("key_monitoring")
        )
        open_col = next(i for i, c in enumerate(page.model.COLUMNS) if c.key == "open")
        page.view.sortByColumn(open_col, Qt.SortOrder.DescendingOrder)
        settle(ctx)
        page.view.selectRow(0)
        page._select_row(0)
        settle(ctx)
        grab(win, out / f"employers-{width}.png")


#: The page each role starts its day on, and the kind of case it opens.
ROLE_DAY = {
    Role.CLERK: ("arbitration", CaseKind.ARBITRATION),
    Role.INSPECTOR: ("inspection", CaseKind.INSPECTION),
    Role.MEDIATOR: ("mediation", CaseKind.MEDIATION),
    Role.SUPERVISOR: ("dashboard", CaseKind.ARBITRATION),
}
#: A maximised window's client area: the screen less a 40-pixel taskbar and a 31-pixel title bar.
CHROME = 40 + 31


def role_windows(args: argparse.Namespace) -> int:
    """role-<role>-<width>.png and role-<role>-case-<width>.png on the screen Qt runs on
    (QT_QPA_PLATFORM=offscreen:configfile=... sets 1366x768 or 1920x1080)."""
    from ui.mainwindow import MainWindow

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    qapp = uiapp.make_application(["casemgr"])
    qapp.setStyle("Fusion")
    i18n.install(args.lang)
    screen = qapp.primaryScreen().geometry()
    width, height = screen.width(), screen.height() - CHROME
    database = db.open_database(db.resolve_url(args.db))
    for role, (page_key, kind) in ROLE_DAY.items():
        with database.read() as s:
            u = next((x for x in queries.users(s, active_only=True) if x.role == role.value), None)
            if u is None:
                continue
            actor = Actor(u.id, u.username, role, u.district)
            open_only = queries.CaseFilters(open_only=True)
            rows = queries.CaseQuery(kind=kind, filters=open_only).page(s, 0, 1)
        ctx = uiapp.AppContext(database, actor, u.display_name)
        win = MainWindow(ctx)
        win.setWindowState(Qt.WindowState.WindowNoState)  # the client area of a maximised window
        win.setGeometry(0, 31, width, height)
        win.show()
        win.show_page(page_key)
        settle(ctx)
        grab(win, out / f"role-{role.value}-{screen.width()}.png")
        if rows:
            cf = win.open_case(rows[0].id)
            cf.setGeometry(0, 31, width, height)
            settle(ctx)
            grab(cf, out / f"role-{role.value}-case-{screen.width()}.png")
            if role is Role.CLERK:  # the time limits (provisional ones explained) and the timeline
                for tab, name in ((1, "clocks"), (2, "timeline")):
                    cf.tabs.setCurrentIndex(tab)
                    settle(ctx)
                    grab(cf, out / f"role-{role.value}-case-{name}-{screen.width()}.png")
            cf.close()
        win.close()
        ctx.runner.wait_all()
    database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
