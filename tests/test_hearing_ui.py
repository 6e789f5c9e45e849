"""Hearing scheduling on the desktop (issue 15), driven as a clerk would (pytest-qt, offscreen)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QSpinBox, QTimeEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from casemgr import db
from casemgr.actor import Actor
from casemgr.enums import CaseKind, Role
from casemgr.models import Hearing
from casemgr.services import cases, hearings
from casemgr.services import workflow as wf
from tests.helpers import TODAY, case_input
from tests.test_ui import cover_next_year
from ui.app import AppContext
from ui.casefile import CaseFileWindow

DAY = dt.date(2026, 12, 10)


def setup_cases(database: db.Database, actors: dict[Role, Actor], n: int = 2) -> list[int]:
    admin, clerk = actors[Role.ADMIN], actors[Role.CLERK]
    cover_next_year(database)
    with database.write() as s:
        for name in ("第一仲裁庭", "第二仲裁庭"):
            hearings.save_room(s, admin, name=name, location="仲裁院三楼")
        for name in ("赵一", "钱二", "孙三", "李四"):
            hearings.save_arbitrator(s, admin, name=name, full_time=name != "李四")
    ids = []
    for i in range(1, n + 1):
        data = case_input(CaseKind.ARBITRATION, received_on=dt.date(2026, 11, 16), n=i)
        with database.write() as s:
            cid = cases.register_case(s, clerk, data, today=TODAY).id
            wf.apply_transition(s, clerk, cid, "accept", {}, expected_version=None, on=dt.date(2026, 11, 17))
            wf.apply_transition(
                s, clerk, cid, "form_tribunal", {"arbitrators": ["赵一", "钱二", "孙三"]},
                expected_version=None, on=dt.date(2026, 11, 18),
            )  # fmt: skip
        ids.append(cid)
    return ids


def open_dialog(qtbot: QtBot, ctx: AppContext, case_id: int) -> tuple[CaseFileWindow, object]:
    win = CaseFileWindow(ctx, case_id)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.detail is not None, timeout=10_000)
    assert win.start_transition("schedule_hearing") is None  # opens once the roster is read
    qtbot.waitUntil(lambda: getattr(win, "hearing_dialog", None) is not None, timeout=10_000)
    return win, win.hearing_dialog  # type: ignore[attr-defined]


def fill(dlg: object, start: QTime, room: str) -> None:
    e = dlg.editors  # type: ignore[attr-defined]
    e["hearing_date"].setDate(QDate(DAY))
    assert isinstance(e["start_time"], QTimeEdit) and isinstance(e["duration_minutes"], QSpinBox)
    e["start_time"].setTime(start)
    room_combo = e["room_id"]
    assert isinstance(room_combo, QComboBox)
    room_combo.setCurrentIndex(
        next(i for i in range(room_combo.count()) if room_combo.itemText(i).startswith(room))
    )


def test_schedule_through_the_dialog_and_a_clash_is_shown_beside_the_room(
    qtbot: QtBot, database: db.Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    a, b = setup_cases(database, actors)
    ctx = AppContext(database, actors[Role.CLERK], "clerk-name")
    _win, dlg = open_dialog(qtbot, ctx, a)
    presiding = dlg.editors["presiding_id"]  # type: ignore[attr-defined]
    assert presiding.currentText() == "赵一"  # the tribunal the case formed, from the roster
    assert [c.currentText() for c in dlg.editors["member_ids"].combos] == ["钱二", "孙三"]  # type: ignore[attr-defined]
    fill(dlg, QTime(9, 0), "第一仲裁庭")
    with qtbot.waitSignal(dlg.applied, timeout=10_000):  # type: ignore[attr-defined]
        dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()  # type: ignore[attr-defined]
    with database.read() as s:
        h = s.scalars(select(Hearing).where(Hearing.case_id == a)).one()
        assert (h.hearing_date, h.start_minute, h.duration_minutes, len(h.members)) == (DAY, 540, 120, 3)

    _win2, dlg2 = open_dialog(qtbot, ctx, b)
    fill(dlg2, QTime(10, 0), "第一仲裁庭")
    dlg2.submit()  # type: ignore[attr-defined]
    err = dlg2.errors["room_id"]  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: bool(err.text()), timeout=10_000)
    assert "09:00" in err.text() and dlg2.isVisible()  # type: ignore[attr-defined]
    with database.read() as s:
        assert s.scalars(select(Hearing).where(Hearing.case_id == b)).all() == []
    qtbot.waitUntil(lambda: ctx.runner.pending == 0, timeout=10_000)
    ctx.runner.wait_all()


def test_docket_page_shows_the_week_by_room_and_prints(
    qtbot: QtBot, database: db.Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    from ui.hearing import DocketPage

    (a,) = setup_cases(database, actors, 1)
    clerk = actors[Role.CLERK]
    with database.write() as s:
        room = hearings.list_rooms(s)[1].id
        arb = [x.id for x in hearings.list_arbitrators(s)]  # 钱二 孙三 赵一 (by name), then 李四
        zhao = next(x.id for x in hearings.list_arbitrators(s) if x.name == "赵一")
        members = [i for i in arb[:3] if i != zhao]
        wf.apply_transition(
            s, clerk, a, "schedule_hearing",
            {"hearing_date": DAY, "start_time": "14:30", "room_id": room, "presiding_id": zhao, "member_ids": members},
            expected_version=None, on=TODAY,
        )  # fmt: skip
    ctx = AppContext(database, clerk, "clerk-name")
    page = DocketPage(ctx)
    qtbot.addWidget(page)
    page.day.setDate(QDate(DAY))
    qtbot.waitUntil(lambda: page.data is not None and page.data.first == dt.date(2026, 12, 7), timeout=10_000)
    headers = [page.grid.horizontalHeaderItem(c).text() for c in range(page.grid.columnCount())]
    assert headers == ["第一仲裁庭", "第二仲裁庭"] and page.grid.rowCount() == 7
    cell = page.grid.item(3, 1)  # Thursday, room two
    assert cell is not None and "14:30–16:30" in cell.text() and "赵一" in cell.text()
    assert page.model.rowCount() == 1
    out = tmp_path / "docket.pdf"
    page.save_pdf(out)
    qtbot.waitUntil(out.exists, timeout=10_000)
    assert out.read_bytes().startswith(b"%PDF")
    qtbot.waitUntil(lambda: ctx.runner.pending == 0, timeout=10_000)
    ctx.runner.wait_all()


def test_the_case_file_records_the_hearing_as_held_on_its_day(
    qtbot: QtBot, database: db.Database, actors: dict[Role, Actor], monkeypatch: object
) -> None:
    """From the hearing's day the case file has 记录已开庭; clicking it records the hearing
    (audited, on the timeline) and the button goes away."""
    cid = setup_cases(database, actors, n=1)[0]
    clerk = actors[Role.CLERK]
    with database.read() as s:
        room = hearings.list_rooms(s)[0].id
        arb = [a.id for a in hearings.list_arbitrators(s)][:3]
    with database.write() as s:
        wf.apply_transition(
            s, clerk, cid, "schedule_hearing",
            {"hearing_date": DAY, "start_time": "09:00", "room_id": room,
             "presiding_id": arb[0], "member_ids": arb[1:]},
            expected_version=None, on=TODAY,
        )  # fmt: skip
    monkeypatch.setenv("CASEMGR_TODAY", DAY.isoformat())  # type: ignore[attr-defined]
    ctx = AppContext(database, clerk, "书记员")
    win = CaseFileWindow(ctx, cid)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.detail is not None, timeout=10_000)
    assert "@hearing_held" in win.action_buttons
    win.action_buttons["@hearing_held"].click()
    qtbot.waitUntil(lambda: "@hearing_held" not in win.action_buttons, timeout=10_000)
    with database.read() as s:
        h = s.scalars(select(Hearing).where(Hearing.case_id == cid)).one()
        assert (h.status, h.held_on) == ("held", DAY)
    ctx.runner.wait_all()
