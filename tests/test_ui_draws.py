"""The 双随机 tab of 欠薪预防: a supervisor draws through the page; an inspector only sees and records."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from casemgr import db
from casemgr.actor import Actor
from casemgr.enums import Role
from casemgr.models import Employer
from casemgr.services import draw_pools, draws
from tests.conftest import make_user
from tests.test_ui import make_ctx
from ui import prevention
from ui.drawpage import DrawPage

#: reads the plans and their teams (``draws.require_view``) without taking part in them
draws_viewer = Actor(None, "审计", Role.AUDITOR)


def _setup(database: db.Database) -> tuple[Actor, Actor, int]:
    boss = make_user(database, Role.SUPERVISOR, "boss")
    inspectors = [make_user(database, Role.INSPECTOR, f"i{i}") for i in range(3)]
    with database.write() as s:
        s.add_all(Employer(name=f"单位{i}", district="城区") for i in range(6))
        s.flush()
        for a in inspectors:
            draw_pools.save_inspector(s, boss, a.user_id or 0, f"证{a.user_id}", True)
        item = draw_pools.save_item(s, boss, "工资支付情况", "《劳动保障监察条例》第十一条")
        pid = draws.create_plan(
            s,
            boss,
            draws.PlanInput(
                "第四季度抽查", dt.date(2026, 11, 1), dt.date(2026, 12, 31), (item,), sample_count=3
            ),
        )
        draws.fix_seed(s, boss, pid, "2026-11-02 开奖 738", "门户网站")
    return boss, inspectors[0], pid


def test_the_page_is_a_tab_of_prevention() -> None:
    assert ("draws", "ui.drawpage:DrawPage") in prevention.TABS


def test_supervisor_draws_and_sees_the_teams(
    qtbot: QtBot, database: db.Database, monkeypatch: object
) -> None:
    from PySide6.QtWidgets import QMessageBox

    boss, _, pid = _setup(database)
    ctx = make_ctx(qtbot, database, boss)
    page = DrawPage(ctx)
    qtbot.addWidget(page)
    assert page.tabs.count() == 4  # plans, items, employer pool, inspector pool
    qtbot.waitUntil(lambda: page.plans.rowCount() == 1, timeout=10_000)
    page.plans.selectRow(0)
    qtbot.waitUntil(lambda: page.draw_button.isEnabled(), timeout=10_000)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)  # type: ignore[attr-defined]
    page.draw()
    qtbot.waitUntil(lambda: page.inspections.rowCount() == 3, timeout=10_000)
    with database.read() as s:
        _, rows = draws.plan_detail(s, draws_viewer, pid)
    shown = [page.inspections.item(r, 1).text() for r in range(3)]
    assert shown == [r.employer for r in rows]
    assert page.inspections.item(0, 5).text() in ("尚未检查", "Not yet inspected")
    assert not page.draw_button.isEnabled() and page.pdf_button.isEnabled()
    ctx.runner.wait_all()


def test_inspector_sees_plans_but_no_pool_or_draw(qtbot: QtBot, database: db.Database) -> None:
    _, inspector, _ = _setup(database)
    ctx = make_ctx(qtbot, database, inspector)
    assert DrawPage.visible_to(ctx)
    page = DrawPage(ctx)
    qtbot.addWidget(page)
    assert page.tabs.count() == 1
    assert page.draw_button.isHidden() and page.new_button.isHidden() and not page.record_button.isHidden()
    qtbot.waitUntil(lambda: page.plans.rowCount() == 1, timeout=10_000)
    ctx.runner.wait_all()
