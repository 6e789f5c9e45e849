"""The extension approval dialog (issue 14 item 7): it shows the request, approves exactly the
days typed, and can refuse with a reason. Who may approve is the service's rule."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from casemgr import db
from casemgr.actor import Actor
from casemgr.enums import Role
from casemgr.models import Case, Event
from casemgr.services import workflow as wf
from tests.conftest import make_user
from tests.helpers import TODAY
from tests.test_ui import cover_next_year, make_ctx, register
from ui.casefile import CaseFileWindow


def _requested(database: db.Database, clerk: Actor) -> tuple[int, int]:
    cover_next_year(database)
    case_id = register(database, clerk, n=41, received_on=TODAY, migrant=False)
    with database.write() as s:
        wf.apply_transition(s, clerk, case_id, "accept", {}, expected_version=None, on=TODAY)
        did = next(d.id for d in s.get(Case, case_id).deadlines if d.rule_code == "arb.award")
        wf.request_extension(s, clerk, case_id, did, "等待伤残等级鉴定结论", expected_version=None, days=10)
    return case_id, did


def _dialog(qtbot: QtBot, database: db.Database, actor: Actor, case_id: int, did: int):  # type: ignore[no-untyped-def]
    ctx = make_ctx(qtbot, database, actor)
    win = CaseFileWindow(ctx, case_id)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.detail is not None, timeout=10_000)
    assert win.detail is not None
    row = next(d for d in win.detail.deadlines if d.id == did)
    dlg = win.extension(row, approve=True)
    assert dlg is not None
    qtbot.waitUntil(lambda: dlg.request is not None, timeout=10_000)  # type: ignore[attr-defined]
    return ctx, win, dlg


def test_the_dialog_shows_the_request_and_refuses_too_many_days(
    qtbot: QtBot, database: db.Database, actors: dict[Role, Actor]
) -> None:
    case_id, did = _requested(database, actors[Role.CLERK])
    ctx, _win, dlg = _dialog(qtbot, database, actors[Role.SUPERVISOR], case_id, did)
    text = dlg.request_info.text()
    assert "等待伤残等级鉴定结论" in text and "clerk-显示名" in text and "10" in text
    assert dlg.days.value() == 10  # the days asked for, not the maximum
    # 20 typed: kept as typed (not cut to 15) and refused by the service, nothing saved.
    dlg.days.lineEdit().setText("20")
    dlg.reason.setPlainText("同意")
    dlg.submit()
    qtbot.waitUntil(lambda: ctx.runner.pending == 0 and dlg.error.isVisibleTo(dlg), timeout=10_000)
    assert dlg.error.isVisibleTo(dlg) and "15" in dlg.error.text()
    with database.read() as s:
        d = next(x for x in s.get(Case, case_id).deadlines if x.id == did)
        assert d.extended_days == 0


def test_the_approver_refuses_with_a_reason(
    qtbot: QtBot, database: db.Database, actors: dict[Role, Actor]
) -> None:
    case_id, did = _requested(database, actors[Role.CLERK])
    head = make_user(database, Role.SUPERVISOR, "head")
    ctx, _win, dlg = _dialog(qtbot, database, head, case_id, did)
    dlg.refuse()
    assert dlg.error.isVisibleTo(dlg)  # no reason: nothing sent
    assert ctx.runner.pending == 0
    dlg.reason.setPlainText("鉴定结论已出具，无需延期")
    with qtbot.waitSignal(dlg.applied, timeout=10_000):
        dlg.refuse()
    with database.read() as s:
        ev = s.execute(
            select(Event).where(Event.case_id == case_id, Event.action == "extension_refused")
        ).scalar_one()
        assert ev.note == "鉴定结论已出具，无需延期" and ev.user_id == head.user_id
    qtbot.waitUntil(lambda: ctx.runner.pending == 0, timeout=10_000)
