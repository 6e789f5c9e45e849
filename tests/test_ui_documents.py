"""The case file's 文书 tab driven as an inspector would: make a notice from the tab, see its
pages, reopen it, reprint the kept bytes; an auditor gets no buttons (pytest-qt, offscreen)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from casemgr import db
from casemgr.actor import Actor
from casemgr.enums import CaseKind, Role
from casemgr.models import AuditEntry, Document
from casemgr.services import cases, workflow
from tests.helpers import TODAY, case_input
from tests.test_ui import cover_next_year, make_ctx
from ui import documents
from ui.app import AppContext
from ui.casefile import CaseFileWindow


@pytest.fixture
def ordered_case(database: db.Database, actors: dict[Role, Actor]) -> int:
    cover_next_year(database)
    insp = actors[Role.INSPECTOR]
    with database.write() as s:
        cid = cases.register_case(
            s, insp, case_input(CaseKind.INSPECTION, received_on=TODAY - dt.timedelta(days=14))
        ).id
        workflow.apply_transition(
            s, insp, cid, "accept", {}, expected_version=None, on=TODAY - dt.timedelta(days=13)
        )
        workflow.apply_transition(
            s,
            insp,
            cid,
            "order_payment",
            {"document_no": "汕人社监令〔2026〕第0041号", "pay_by": TODAY + dt.timedelta(days=10),
             "amount_ordered": Decimal("8000.00")},
            expected_version=None,
            on=TODAY - dt.timedelta(days=6),
        )  # fmt: skip
    return cid


def open_file(qtbot: QtBot, ctx: AppContext, case_id: int) -> CaseFileWindow:
    win = CaseFileWindow(ctx, case_id)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.detail is not None, timeout=10_000)
    return win


def test_inspector_makes_previews_reopens_and_reprints_a_notice(
    qtbot: QtBot,
    database: db.Database,
    actors: dict[Role, Actor],
    ordered_case: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ctx = make_ctx(qtbot, database, actors[Role.INSPECTOR])
    win = open_file(qtbot, ctx, ordered_case)
    panel = win.documents
    assert panel.new_button.isEnabled() and not panel.reprint_button.isEnabled()  # nothing kept yet
    panel.new_document()
    qtbot.waitUntil(lambda: getattr(panel, "new_dialog", None) is not None, timeout=10_000)
    dlg = panel.new_dialog
    offered = {dlg.kind.itemData(i) for i in range(dlg.kind.count())}
    assert {"insp_order", "blacklist_notice", "insp_receipt"} <= offered and "insp_penalty" not in offered
    dlg.kind.setCurrentIndex(dlg.kind.findData("insp_order"))
    assert set(dlg.field_widgets) == {"document_no", "violations"}
    dlg.field_widgets["violations"].setPlainText("拖欠1名劳动者工资")
    dlg.accept()
    qtbot.waitUntil(lambda: getattr(panel, "preview", None) is not None, timeout=10_000)
    assert len(panel.preview.page_labels) == 1 and not panel.preview.page_labels[0].pixmap().isNull()
    # the list shows the title, the order's number and the date; no code, no hash
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10_000)
    shown = [panel.model.item(0, c).text() for c in range(3)]
    assert shown[:2] == ["劳动保障监察限期改正指令书", "汕人社监令〔2026〕第0041号"]
    with database.read() as s:
        kept = s.execute(select(Document)).scalar_one()
        kept_bytes, kept_hash = kept.content, kept.sha256
    assert not any(kept_hash[:8] in t or "insp_order" in t for t in shown)

    panel.preview = None
    panel.open_selected()
    qtbot.waitUntil(lambda: panel.preview is not None, timeout=10_000)
    assert panel.preview.content == kept_bytes

    printed: list[bytes] = []
    monkeypatch.setattr(documents, "print_pdf", lambda content, _t, _p: printed.append(content) or True)
    panel.reprint_selected()
    qtbot.waitUntil(lambda: printed != [], timeout=10_000)
    assert printed == [kept_bytes]
    with database.read() as s:
        assert s.execute(select(AuditEntry).where(AuditEntry.action == "document.reprint")).scalar_one()
    ctx.runner.wait_all()


def test_the_auditor_sees_the_list_but_may_not_make_open_or_reprint(
    qtbot: QtBot, database: db.Database, actors: dict[Role, Actor], ordered_case: int
) -> None:
    from casemgr.services import notices

    with database.write() as s:
        notices.generate_notice(s, actors[Role.INSPECTOR], ordered_case, "insp_order")
    ctx = make_ctx(qtbot, database, actors[Role.AUDITOR])
    win = open_file(qtbot, ctx, ordered_case)
    panel = win.documents
    assert panel.model.rowCount() == 1
    assert not panel.new_button.isEnabled() and not panel.open_button.isEnabled()
    assert not panel.reprint_button.isEnabled()
    ctx.runner.wait_all()
