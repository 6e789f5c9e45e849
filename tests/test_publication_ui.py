"""阳光仲裁 on the desktop (issue 21): the case file's action, the side-by-side dialog, 批准公开."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from casemgr import db
from casemgr.actor import Actor
from casemgr.enums import Role
from casemgr.models import AuditEntry
from tests.test_publication import FINAL, awarded_case
from ui import i18n
from ui.app import AppContext
from ui.casefile import CaseFileWindow


@pytest.fixture
def zh() -> Iterator[None]:
    i18n.install("zh")
    yield
    i18n.install("en")


def _ctx(qtbot: QtBot, database: db.Database, actor: Actor, made: list[AppContext]) -> AppContext:
    ctx = AppContext(database, actor, "周主任")
    made.append(ctx)
    return ctx


@pytest.fixture
def made(qtbot: QtBot) -> Iterator[list[AppContext]]:
    out: list[AppContext] = []
    yield out
    for ctx in out:
        qtbot.waitUntil(lambda c=ctx: c.runner.pending == 0, timeout=10_000)
        ctx.runner.wait_all()


def test_a_supervisor_approves_and_saves_the_copy(
    qtbot: QtBot,
    database: db.Database,
    actors: dict[Role, Actor],
    made: list[AppContext],
    tmp_path: Path,
    zh: None,
) -> None:
    sup = actors[Role.SUPERVISOR]
    with database.write() as s:
        cid = awarded_case(s, actors[Role.CLERK], sup, 81, FINAL)
    win = CaseFileWindow(_ctx(qtbot, database, sup, made), cid)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.detail is not None, timeout=10_000)
    button = win.action_buttons["@publication"]
    assert button.text() == "裁决书公开…"
    button.click()
    dlg = win.dialogs[-1]
    qtbot.waitUntil(lambda: dlg.preview is not None, timeout=10_000)  # type: ignore[attr-defined]
    assert "王成" in dlg.original.toPlainText()  # type: ignore[attr-defined]
    copy = dlg.copy.toPlainText()  # type: ignore[attr-defined]
    assert "王成" not in copy and "申请人：王某" in copy and "13800138000" not in copy
    assert not dlg.pdf_button.isEnabled()  # type: ignore[attr-defined]
    assert dlg.approve_button.text() == "批准公开"  # type: ignore[attr-defined]
    dlg.approve_button.click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: dlg.approved is not None, timeout=10_000)  # type: ignore[attr-defined]
    assert "周主任" in dlg.status.text()  # type: ignore[attr-defined]
    txt = dlg.save(tmp_path / "copy.txt")  # type: ignore[attr-defined]
    pdf = dlg.save(tmp_path / "copy.pdf")  # type: ignore[attr-defined]
    assert txt.read_text(encoding="utf-8").strip() == copy.strip()
    assert pdf.read_bytes().startswith(b"%PDF")
    with database.read() as s:
        actions = list(
            s.execute(select(AuditEntry.action).where(AuditEntry.user_id == sup.user_id)).scalars()
        )
    assert actions.count("award.publish_approve") == 1
    dlg.reject()
    # Opened again: the approval is shown and the copy can be saved; no second approval.
    win.action_buttons["@publication"].click()
    again = win.dialogs[-1]
    assert again is not dlg
    qtbot.waitUntil(lambda: again.approved is not None, timeout=10_000)  # type: ignore[attr-defined]
    assert not again.approve_button.isEnabled() and again.pdf_button.isEnabled()  # type: ignore[attr-defined]
    assert "supervisor-显示名" in again.status.text()  # type: ignore[attr-defined]
    again.reject()


def test_a_clerk_is_not_offered_the_copy(
    qtbot: QtBot, database: db.Database, actors: dict[Role, Actor], made: list[AppContext]
) -> None:
    clerk = actors[Role.CLERK]
    with database.write() as s:
        cid = awarded_case(s, clerk, actors[Role.SUPERVISOR], 82, FINAL)
    win = CaseFileWindow(_ctx(qtbot, database, clerk, made), cid)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.detail is not None, timeout=10_000)
    assert "@publication" not in win.action_buttons
