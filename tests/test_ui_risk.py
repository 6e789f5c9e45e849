"""The 欠薪预防 › 风险预警 tab and the employer page's risk line (issue 17): who sees the tab,
the list's filters, the explanation beside it, 重新计算 for supervisors only; no raw code."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from casemgr import db
from casemgr.actor import Actor
from casemgr.enums import CaseKind, Role
from casemgr.services import cases
from tests.helpers import TODAY, case_input
from tests.test_ui import make_ctx, wait_loaded
from ui.pages import EmployerDetail
from ui.prevention import PreventionPage
from ui.riskpage import RiskPage


def _history(database: db.Database, sup: Actor) -> None:
    """Employer 1: three complaints this month, 8,000 open per worker: 30 + 9 + 20 = 59, orange.
    Employer 2: one complaint: 10 + 3 + 20 = 33, yellow."""
    with database.write() as s:
        for n, employer, days in ((1, 1, 5), (2, 1, 6), (3, 1, 7), (4, 2, 8)):
            data = case_input(
                CaseKind.INSPECTION, n=n, employer_n=employer, received_on=TODAY - dt.timedelta(days=days)
            )
            cases.register_case(s, sup, data, today=TODAY)


def test_risk_tab_lists_explains_and_filters(qtbot: QtBot, database: db.Database, actors) -> None:
    sup = actors[Role.SUPERVISOR]
    _history(database, sup)
    ctx = make_ctx(qtbot, database, sup)
    page = PreventionPage(ctx)
    qtbot.addWidget(page)
    risk = page.show_tab("risk")
    assert isinstance(risk, RiskPage) and page.tabs.tabText(0) == RiskPage.title()
    wait_loaded(qtbot, risk.model)
    rows = [risk.model.row_at(i) for i in range(risk.model.rowCount())]
    assert [(r.name, r.score, r.level) for r in rows] == [
        ("汕尾测试用人单位1", 59, "orange"),
        ("汕尾测试用人单位2", 33, "yellow"),
    ]
    assert risk.model.data(risk.model.index(0, 0)) == "Orange"  # a word, never the code's value alone
    risk._explain(0)
    text = risk.detail.text()
    assert "Complaints in the last 90 days: 3 × 10 points = 30 points" in text
    assert "complaints_90d" not in text and "orange" not in text
    risk.level.setCurrentIndex(risk.level.findData("yellow"))
    wait_loaded(qtbot, risk.model)
    assert [risk.model.row_at(i).score for i in range(risk.model.rowCount())] == [33]
    risk.district.setCurrentIndex(risk.district.findData("海丰县"))
    wait_loaded(qtbot, risk.model)
    assert risk.model.rowCount() == 0
    assert risk.refresh_button.isVisibleTo(risk)
    qtbot.waitUntil(lambda: ctx.runner.pending == 0, timeout=10_000)
    ctx.runner.wait_all()


def test_who_sees_the_tab_and_the_recompute_button(qtbot: QtBot, database: db.Database, actors) -> None:
    for role, tab, button in (
        (Role.INSPECTOR, True, False),
        (Role.CLERK, False, False),
        (Role.AUDITOR, True, False),
    ):
        ctx = make_ctx(qtbot, database, actors[role])
        assert RiskPage.visible_to(ctx) is tab
        if tab:
            page = RiskPage(ctx)
            qtbot.addWidget(page)
            wait_loaded(qtbot, page.model)
            assert page.refresh_button.isVisibleTo(page) is button
        qtbot.waitUntil(lambda ctx=ctx: ctx.runner.pending == 0, timeout=10_000)
        ctx.runner.wait_all()


def test_employer_page_shows_the_colour_the_factors_and_the_changes(
    qtbot: QtBot, database: db.Database, actors
) -> None:
    sup = actors[Role.SUPERVISOR]
    _history(database, sup)
    ctx = make_ctx(qtbot, database, actors[Role.MEDIATOR])
    detail = EmployerDetail(ctx)
    qtbot.addWidget(detail)
    from casemgr.queries.risk import RiskQuery

    with database.read() as s:
        eid = RiskQuery(sup).page(s, 0, 1)[0].employer_id
    detail.show_employer(eid)
    qtbot.waitUntil(lambda: "59" in detail.fields["risk"].text(), timeout=10_000)
    html = detail.fields["risk"].text()
    assert "#e65100" in html and "Orange" in html and "59 points" in html
    # the four complaints were one transaction: one change, scored at its commit
    assert html.endswith("2026-11-23: No warning → Orange (59 points)")
    qtbot.waitUntil(lambda: ctx.runner.pending == 0, timeout=10_000)
    ctx.runner.wait_all()
