"""The 调裁衔接 steps in the case file, in Chinese (issue 21): every step button of a case in
pre-filing mediation, in entrusted mediation and under review reads as words, and every one
of their dialogs fits the office screen and shows no raw code (tests/uicheck.py)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest

from casemgr.enums import CaseKind, Role
from tests import uicheck
from tests.test_mediation_link import D, _agreement, _to_tribunal, register, step
from ui import i18n

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support raise\(\)$")


@pytest.fixture
def zh() -> Iterator[None]:
    i18n.install("zh")
    yield
    i18n.install("en")


def _case_file(qtbot, database, actor, cid):
    from sqlalchemy import update

    from casemgr.models import User
    from tests.test_ui import cover_next_year
    from ui.app import AppContext
    from ui.casefile import CaseFileWindow

    cover_next_year(database)
    with database.write() as s:  # the fixture's users are called after their role (a code)
        s.execute(update(User).values(display_name="陈书记员"))
    ctx = AppContext(database, actor, "陈书记员")
    win = CaseFileWindow(ctx, cid)
    qtbot.addWidget(win)
    win.setGeometry(uicheck.MAXIMISED)
    win.show()
    qtbot.waitUntil(lambda: win.detail is not None, timeout=10_000)
    qtbot.waitUntil(lambda: ctx.runner.pending == 0, timeout=10_000)
    return ctx, win


@pytest.mark.parametrize("where", ["received", "pre_mediation", "tribunal_formed", "entrusted", "review"])
def test_the_steps_read_as_words(qtbot, database, actors, zh, where) -> None:
    clerk, med = actors[Role.CLERK], actors[Role.MEDIATOR]
    actor = clerk
    if where == "review":
        actor = med
        cid = _agreement(database, med, 1)
        step(database, med, cid, "request_review", D(2026, 3, 12), joint=True)
        step(database, med, cid, "accept_review", D(2026, 3, 13))
        expected = {"refuse_review_application", "confirm_review", "refuse_review", "withdraw_review"}
    else:
        cid = register(database, clerk, CaseKind.ARBITRATION, n=1)
        expected = {"pre_mediation"}
        if where == "pre_mediation":
            step(
                database,
                clerk,
                cid,
                "pre_mediation",
                D(2026, 3, 3),
                document_no="建议1",
                mediation_body="调解中心",
                consent=True,
            )
            expected = {"pre_mediation_settled", "pre_mediation_failed", "withdraw"}
        elif where in ("tribunal_formed", "entrusted"):
            _to_tribunal(database, clerk, cid)
            expected = {"entrust_mediation"}
            if where == "entrusted":
                step(
                    database,
                    clerk,
                    cid,
                    "entrust_mediation",
                    D(2026, 3, 5),
                    mediator="调解中心",
                    consent=True,
                )
                expected = {"entrusted_settled", "entrusted_unsettled", "withdraw"}
    ctx, win = _case_file(qtbot, database, actor, cid)
    assert expected <= set(win.action_buttons), sorted(win.action_buttons)
    for code in expected:
        assert any("\u4e00" <= ch <= "\u9fff" for ch in win.action_buttons[code].text()), code
    uicheck.assert_window_ok(win, f"case file at {where}")
    for code in sorted(expected):
        dlg = win.start_transition(code)
        assert dlg is not None
        qtbot.waitExposed(dlg)
        uicheck.assert_window_ok(dlg, f"step {code}")
        dlg.reject()
    qtbot.waitUntil(lambda: ctx.runner.pending == 0, timeout=10_000)


def test_the_amount_agreed_is_entered_in_the_dialog(qtbot, database, actors, zh) -> None:
    """The settled step through its dialog: the amount typed is what the figures sum."""
    from PySide6.QtWidgets import QDialogButtonBox

    from casemgr.metrics import mediation_link as ml
    from casemgr.metrics.periods import Period

    clerk = actors[Role.CLERK]
    cid = register(database, clerk, CaseKind.ARBITRATION, n=1)
    step(
        database,
        clerk,
        cid,
        "pre_mediation",
        D(2026, 3, 3),
        document_no="建议1",
        mediation_body="调解中心",
        consent=True,
    )
    ctx, win = _case_file(qtbot, database, clerk, cid)
    dlg = win.start_transition("pre_mediation_settled")
    assert dlg is not None
    dlg.editors["amount_agreed"].setText("4321.50")
    with qtbot.waitSignal(dlg.applied, timeout=20_000):
        dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: ctx.runner.pending == 0, timeout=10_000)
    with database.read() as s:
        f = ml.figures(s, Period(D(2026, 1, 1), D(2026, 12, 31)))
    assert f.pre_filing.settled == 1 and f.pre_filing.amount_agreed == Decimal("4321.50")
