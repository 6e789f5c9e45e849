"""Mediation handed to arbitration from the case file: asked first, then registered and
assigned by the bureau's rule (issue 14 item 9)."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from casemgr import db
from casemgr.actor import Actor
from casemgr.enums import CaseKind, Role
from casemgr.models import Case
from casemgr.services import cases
from casemgr.services import workflow as wf
from tests.conftest import make_user
from tests.helpers import case_input
from tests.test_ui import make_ctx
from ui.casefile import CaseFileWindow

D = dt.date


def test_the_handover_asks_first_and_never_assigns_the_mediator(
    qtbot: QtBot, database: db.Database, actors: dict[Role, Actor]
) -> None:
    med = actors[Role.MEDIATOR]
    clerk = make_user(database, Role.CLERK, "clerk-cq", district="城区")
    with database.write() as s:
        cid = cases.register_case(s, med, case_input(CaseKind.MEDIATION, received_on=D(2026, 11, 2))).id
        wf.apply_transition(s, med, cid, "accept", {}, expected_version=None, on=D(2026, 11, 3))
        wf.apply_transition(
            s, med, cid, "fail", {"reason": "被申请人拒绝调解"}, expected_version=None, on=D(2026, 11, 10)
        )
    ctx = make_ctx(qtbot, database, med)
    win = CaseFileWindow(ctx, cid)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.detail is not None, timeout=10_000)
    box = win.hand_to_arbitration()
    assert box is not None and box.isVisible()
    with database.read() as s:  # nothing registered before the answer
        assert s.execute(select(func.count()).where(Case.kind == "arbitration")).scalar_one() == 0
    with qtbot.waitSignal(win.open_case, timeout=10_000) as blocker:
        box.defaultButton().click()
    with database.read() as s:
        arb = s.get(Case, blocker.args[0])
        assert arb is not None and arb.source_case_id == cid
        assert arb.assigned_user_id == clerk.user_id != med.user_id
    qtbot.waitUntil(lambda: ctx.runner.pending == 0, timeout=10_000)
