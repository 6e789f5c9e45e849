"""Screenshots of hearing scheduling (issue 15) at the two office screen sizes, in Chinese.

    CASEMGR_TODAY=2026-11-23 QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/hearing_screenshots.py

Builds a throwaway database (rooms, roster, a week of hearings), then grabs the 开庭排期
page, the 确定开庭 dialog (with a refused double booking) and the roster tab at 1366x768
and 1920x1080 into docs/screenshots/.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QDate, QTime  # noqa: E402

from casemgr import clock, db  # noqa: E402
from casemgr.actor import Actor  # noqa: E402
from casemgr.enums import CaseKind, Role  # noqa: E402
from casemgr.models import CalendarOverride, User  # noqa: E402
from casemgr.services import cases, hearings  # noqa: E402
from casemgr.services import workflow as wf  # noqa: E402
from tests.helpers import case_input  # noqa: E402
from ui import app as uiapp  # noqa: E402
from ui import i18n  # noqa: E402
from ui.screenshots import grab, settle  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SIZES = ((1366, 768), (1920, 1080))


def populate(database: db.Database) -> dict[Role, Actor]:
    actors = {}
    with database.write() as s:
        s.add(CalendarOverride(day=dt.date(2027, 1, 1), day_type="holiday", note="元旦"))
        for role, name in (
            (Role.ADMIN, "系统管理员"),
            (Role.CLERK, "书记员林晓"),
            (Role.SUPERVISOR, "陈主任"),
        ):
            u = User(username=role.value, display_name=name, role=role.value)
            s.add(u)
            s.flush()
            actors[role] = Actor(u.id, u.username, role, None)
    admin, clerk = actors[Role.ADMIN], actors[Role.CLERK]
    with database.write() as s:
        rooms = [
            hearings.save_room(s, admin, name=n, location=loc).id
            for n, loc in (
                ("第一仲裁庭", "仲裁院三楼301"),
                ("第二仲裁庭", "仲裁院三楼302"),
                ("第三仲裁庭", "仲裁院四楼"),
            )
        ]
        names = ("黄志明", "林秀英", "陈国栋", "吴晓燕", "郑伟", "刘建华", "张丽")
        arb = [hearings.save_arbitrator(s, admin, name=n, full_time=i < 5).id for i, n in enumerate(names)]
    today = clock.today()
    plan = [  # (day offset from Monday 12-07, time, room, presiding index)
        (0, "09:00", 0, 0), (0, "14:30", 0, 3), (0, "09:30", 1, 3), (1, "09:00", 2, 2),
        (2, "09:00", 0, 0), (2, "10:00", 1, 3), (3, "09:00", 0, 1), (3, "14:30", 1, 0), (4, "09:00", 2, 2),
    ]  # fmt: skip
    monday = dt.date(2026, 12, 7)
    for n, (off, start, room, p) in enumerate(plan, 1):
        data = case_input(CaseKind.ARBITRATION, received_on=dt.date(2026, 11, 16), n=n)
        with database.write() as s:
            cid = cases.register_case(s, clerk, data, today=today).id
            wf.apply_transition(s, clerk, cid, "accept", {}, expected_version=None, on=dt.date(2026, 11, 17))
            trib = [names[p], names[(p + 1) % 7], names[(p + 2) % 7]]
            wf.apply_transition(s, clerk, cid, "form_tribunal", {"arbitrators": trib}, expected_version=None,
                                on=dt.date(2026, 11, 18))  # fmt: skip
            day = monday + dt.timedelta(days=off)
            wf.apply_transition(
                s, clerk, cid, "schedule_hearing",
                {"hearing_date": day, "start_time": start, "room_id": rooms[room], "presiding_id": arb[p],
                 "member_ids": [arb[(p + 1) % 7], arb[(p + 2) % 7]],
                 **({"early_hearing_reason": "被申请人书面同意缩短答辩期"} if day <= dt.date(2026, 12, 7) else {})},
                expected_version=None, on=today,
            )  # fmt: skip
    data = case_input(CaseKind.ARBITRATION, received_on=dt.date(2026, 11, 16), n=50)
    with database.write() as s:  # the case the dialog schedules
        cid = cases.register_case(s, clerk, data, today=today).id
        wf.apply_transition(s, clerk, cid, "accept", {}, expected_version=None, on=dt.date(2026, 11, 17))
        wf.apply_transition(s, clerk, cid, "form_tribunal", {"arbitrators": list(names[:3])}, expected_version=None,
                            on=dt.date(2026, 11, 18))  # fmt: skip
    actors[Role.INSPECTOR] = Actor(cid, "", Role.INSPECTOR, None)  # carries the case id (not a user)
    return actors


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    qapp = uiapp.make_application(["casemgr"])
    qapp.setStyle("Fusion")
    i18n.install("zh")
    with tempfile.TemporaryDirectory() as tmp:
        database = db.open_database(f"sqlite:///{Path(tmp) / 'shots.db'}")
        actors = populate(database)
        case_id = actors.pop(Role.INSPECTOR).user_id
        from ui.casefile import CaseFileWindow
        from ui.mainwindow import MainWindow

        for w, h in SIZES:
            ctx = uiapp.AppContext(database, actors[Role.CLERK], "书记员林晓")
            win = MainWindow(ctx)
            win.resize(w, h)
            win.show()
            page = win.show_page("docket")
            page.day.setDate(QDate(2026, 12, 9))  # type: ignore[attr-defined]
            settle(ctx)
            grab(win, OUT / f"docket-{w}x{h}.png")
            page.tabs.setCurrentIndex(1)  # type: ignore[attr-defined]
            settle(ctx)
            if w == 1366:
                grab(win, OUT / f"docket-list-{w}x{h}.png")
            cf = CaseFileWindow(ctx, case_id, win)
            cf.resize(min(w, 1180), min(h - 40, 800))
            cf.show()
            settle(ctx)
            cf.start_transition("schedule_hearing")
            settle(ctx)
            dlg = cf.hearing_dialog  # type: ignore[attr-defined]
            dlg.editors["hearing_date"].setDate(QDate(2026, 12, 9))
            dlg.editors["start_time"].setTime(QTime(9, 30))
            dlg.submit()  # 第一仲裁庭 is taken 09:00–11:00 that day: refused beside the room
            settle(ctx)
            size = dlg.size()
            assert size.width() <= w and size.height() <= h - 40, (size, w, h)  # fits the screen
            if w == 1366:  # a dialog is the same size on either screen
                grab(dlg, OUT / f"hearing-dialog-{w}x{h}.png")
            print(f"scheduling dialog {size.width()}x{size.height()} on a {w}x{h} screen")
            dlg.reject()
            cf.close()
            win.close()
            settle(ctx)
            ctx.runner.wait_all()
        from casemgr.reports import docket as docket_pdf
        from casemgr.services import docket as docket_service

        with database.read() as s:  # the printed docket, as the clerk prints it
            data = docket_service.docket(s, actors[Role.CLERK], *docket_service.week_of(dt.date(2026, 12, 9)))
        pdf = Path(tmp) / "docket.pdf"
        pdf.write_bytes(docket_pdf.pdf_bytes(data))
        subprocess.run(
            ["pdftoppm", "-r", "60", "-png", "-singlefile", str(pdf), str(OUT / "docket-pdf")], check=True
        )
        print(f"wrote {OUT / 'docket-pdf.png'}")
        actx = uiapp.AppContext(database, actors[Role.ADMIN], "系统管理员")
        awin = MainWindow(actx)
        awin.resize(1366, 768)
        awin.show()
        sp = awin.show_page("settings")
        sp.tabs.setCurrentWidget(sp.hearing_admin)  # type: ignore[attr-defined]
        settle(actx)
        grab(awin, OUT / "hearing-roster-1366x768.png")
        awin.close()
        settle(actx)
        actx.runner.wait_all()
        database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
