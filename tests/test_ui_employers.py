"""The employer page: a header click sorts in the database, the status filter narrows the
list, and the model still reads a page at a time."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from casemgr import db
from casemgr.actor import Actor
from casemgr.enums import CaseKind, Role
from casemgr.models import Employer
from casemgr.services import cases
from tests.helpers import TODAY, case_input
from tests.test_ui import make_ctx, wait_loaded
from ui.pages import EmployerPage


def test_employer_page_sorts_and_filters(
    qtbot: QtBot, database: db.Database, actors: dict[Role, Actor]
) -> None:
    sup = actors[Role.SUPERVISOR]
    with database.write() as s:
        for n, employer, days in ((1, 1, 200), (2, 2, 5), (3, 2, 6), (4, 3, 300)):
            data = case_input(
                CaseKind.INSPECTION, n=n, employer_n=employer, received_on=TODAY - dt.timedelta(days=days)
            )
            cases.register_case(s, sup, data)
        listed = s.execute(select(Employer).where(Employer.name == "汕尾测试用人单位3")).scalar_one()
        listed.blacklisted_on = TODAY - dt.timedelta(days=1)
    ctx = make_ctx(qtbot, database, sup)
    page = EmployerPage(ctx)
    qtbot.addWidget(page)
    wait_loaded(qtbot, page.model)
    assert page.model.rowCount() == 3
    open_col = next(i for i, c in enumerate(page.model.COLUMNS) if c.key == "open")
    page.view.sortByColumn(open_col, Qt.SortOrder.DescendingOrder)  # a header click
    wait_loaded(qtbot, page.model)
    assert page.model.query.sort == "open" and page.model.query.descending
    assert page.model.row_at(0).name == "汕尾测试用人单位2"  # two open complaints
    page.status_filter.setCurrentIndex(page.status_filter.findData("complaints_90d"))
    wait_loaded(qtbot, page.model)
    assert [page.model.row_at(i).name for i in range(page.model.rowCount())] == ["汕尾测试用人单位2"]
    assert page.model.query.sort == "open"  # the filter keeps the order chosen
    page.status_filter.setCurrentIndex(page.status_filter.findData("blacklisted"))
    wait_loaded(qtbot, page.model)
    assert [page.model.row_at(i).name for i in range(page.model.rowCount())] == ["汕尾测试用人单位3"]
    assert page.model.PAGE_SIZE == 200 and not page.model.canFetchMore()  # paged, and all read
    qtbot.waitUntil(lambda: ctx.runner.pending == 0, timeout=10_000)
    ctx.runner.wait_all()
