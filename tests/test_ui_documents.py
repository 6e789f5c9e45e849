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
    monkeypatch.setattr(documents, "ask_printer", lambda _t, _p: None)  # the user cancels the dialog
    panel.reprint_selected()
    with database.read() as s:
        assert s.execute(select(AuditEntry).where(AuditEntry.action == "document.reprint")).first() is None
    monkeypatch.setattr(documents, "ask_printer", lambda _t, _p: "printer")
    monkeypatch.setattr(documents, "print_to", lambda _printer, content: printed.append(content) or True)
    panel.reprint_selected()
    qtbot.waitUntil(lambda: printed != [], timeout=10_000)
    assert printed == [kept_bytes]
    with database.read() as s:
        assert s.execute(select(AuditEntry).where(AuditEntry.action == "document.reprint")).scalar_one()
    # the timeline names the document by title and number: no id, no checksum
    qtbot.waitUntil(lambda: win.events_model.rowCount() >= 5, timeout=10_000)
    timeline = [
        [str(win.events_model.data(win.events_model.index(r, c))) for c in range(5)]
        for r in range(win.events_model.rowCount())
    ]
    documents_rows = [row for row in timeline if "劳动保障监察限期改正指令书" in row[4]]
    assert len(documents_rows) == 2  # made, reprinted
    assert all(row[4] == "劳动保障监察限期改正指令书（汕人社监令〔2026〕第0041号）" for row in documents_rows)
    assert not any(kept_hash[:8] in cell for row in timeline for cell in row)
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


def test_print_to_puts_every_page_on_the_printer(qtbot: QtBot, tmp_path: object) -> None:
    """The print path for real, with Qt's PDF printer standing in for a paper one."""
    from pathlib import Path

    from PySide6.QtPrintSupport import QPrinter

    from casemgr.reports import notices

    data = notices.NoticeData(
        "insp_order", "汕尾市人力资源和社会保障局", "劳动保障监察限期改正指令书", "令0041", "某单位：", (),
        ("正文。" * 400,), "《劳动保障监察条例》第二十六条", "2026年11月20日",
    )  # fmt: skip
    content = notices.pdf_bytes(data)
    out = Path(str(tmp_path)) / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setResolution(150)
    assert documents.print_to(printer, content)
    pages = len(documents.render_pages(content, 10))
    assert pages >= 2 and len(documents.render_pages(out.read_bytes(), 10)) == pages
