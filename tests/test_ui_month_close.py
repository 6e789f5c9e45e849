"""Month close and reopen from the report page (issue 15): a supervisor's buttons, with a
confirmation and a clear state; other roles get no button and the service refuses them
with a Chinese message."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from casemgr import db
from casemgr.actor import Actor
from casemgr.enums import CaseKind, Role
from casemgr.errors import PermissionDenied
from casemgr.models import MonthClosure
from casemgr.services import cases, months
from tests.helpers import TODAY, case_input
from ui.app import AppContext
from ui.reportpage import ReportPage


def make_page(qtbot: QtBot, database: db.Database, actor: Actor, made: list[AppContext]) -> ReportPage:
    ctx = AppContext(database, actor, actor.username)
    made.append(ctx)
    p = ReportPage(ctx)
    qtbot.addWidget(p)
    p.month.setDate(QDate(2026, 10, 1))  # a finished month (the suite's today is 2026-11-23)
    qtbot.waitUntil(lambda: p.closure_label.text() != "", timeout=10_000)
    return p


@pytest.fixture
def made(qtbot: QtBot) -> Iterator[list[AppContext]]:
    out: list[AppContext] = []
    yield out
    for c in out:
        qtbot.waitUntil(lambda c=c: c.runner.pending == 0, timeout=20_000)
        c.runner.wait_all()


@pytest.fixture
def october(database: db.Database, actors: dict[Role, Actor]) -> db.Database:
    received = dt.date(2026, 10, 12)
    with database.write() as s:
        cases.register_case(
            s, actors[Role.CLERK], case_input(CaseKind.ARBITRATION, n=1, received_on=received), today=received
        )
    return database


def closures(database: db.Database) -> int:
    with database.read() as s:
        return int(s.execute(select(func.count()).select_from(MonthClosure)).scalar_one())


def test_supervisor_closes_after_confirming_and_reopens(
    qtbot: QtBot, october: db.Database, actors: dict[Role, Actor], made: list[AppContext]
) -> None:
    page = make_page(qtbot, october, actors[Role.SUPERVISOR], made)
    assert page.close_button.isVisibleTo(page) and page.close_button.isEnabled()
    assert not page.reopen_button.isEnabled()
    assert page.closure_label.text() in ("This month is not closed", "本月未关账")
    asked: list[str] = []
    page.confirm = lambda title, text: asked.append(text) or False  # type: ignore[method-assign]
    page.close_button.click()
    assert asked and "2026-10" in asked[0] and closures(october) == 0  # cancelled: nothing written
    page.confirm = lambda title, text: True  # type: ignore[method-assign]
    page.close_button.click()
    qtbot.waitUntil(lambda: page.closure is not None, timeout=20_000)
    assert closures(october) == 1
    assert page.closure_label.text().startswith(("This month is closed", "本月已关账"))
    assert actors[Role.SUPERVISOR].username in page.closure_label.text()
    assert not page.close_button.isEnabled() and page.reopen_button.isEnabled()
    page.reopen_button.click()
    qtbot.waitUntil(lambda: page.closure is None and closures(october) == 0, timeout=20_000)
    assert page.close_button.isEnabled() and not page.reopen_button.isEnabled()


def test_the_state_follows_the_month_and_an_unfinished_month_cannot_be_closed(
    qtbot: QtBot, october: db.Database, actors: dict[Role, Actor], made: list[AppContext]
) -> None:
    with october.write() as s:
        months.close_month(s, actors[Role.SUPERVISOR], 2026, 10, today=TODAY)
    page = make_page(qtbot, october, actors[Role.SUPERVISOR], made)
    qtbot.waitUntil(lambda: page.closure is not None, timeout=10_000)
    page.month.setDate(QDate(TODAY.year, TODAY.month, 1))  # this month: still running
    qtbot.waitUntil(lambda: page.closure is None, timeout=10_000)
    assert not page.close_button.isEnabled() and not page.reopen_button.isEnabled()


@pytest.mark.parametrize("role", [Role.CLERK, Role.INSPECTOR, Role.AUDITOR, Role.ADMIN])
def test_other_roles_see_the_state_but_no_button_and_the_service_refuses_in_chinese(
    qtbot: QtBot, october: db.Database, actors: dict[Role, Actor], made: list[AppContext], role: Role
) -> None:
    with october.write() as s:
        months.close_month(s, actors[Role.SUPERVISOR], 2026, 10, today=TODAY)
    page = make_page(qtbot, october, actors[role], made)
    qtbot.waitUntil(lambda: page.closure is not None, timeout=10_000)
    assert page.closure_label.text().startswith(("This month is closed", "本月已关账"))
    assert not page.close_button.isVisibleTo(page) and not page.reopen_button.isVisibleTo(page)
    with pytest.raises(PermissionDenied) as refused, october.write() as s:
        months.reopen_month(s, actors[role], 2026, 10)
    assert "关账" in refused.value.message("zh")
    with pytest.raises(PermissionDenied), october.write() as s:
        months.close_month(s, actors[role], 2026, 9, today=TODAY)
    assert closures(october) == 1
