"""The case file shows a party's suit and a late one in Chinese words; the report page shows
the table 仲裁终局与终结 (issue 21). Screenshots: ``SCREENSHOTS=dir`` keeps them."""

from __future__ import annotations

import os
from pathlib import Path

from casemgr.enums import Role
from casemgr.services import workflow as wf
from tests.test_after_award import D
from tests.test_court_filings import _file, _served_separately

RAW = ("suit", "set_aside_application", "nonfinal", "in_time", "late", "record_court_filing", "worker")


def test_the_case_file_shows_who_went_to_court(qtbot, database, actors) -> None:  # type: ignore[no-untyped-def]
    from tests.test_ui import cover_next_year, make_ctx
    from ui import i18n
    from ui.casefile import CaseFileWindow

    clerk = actors[Role.CLERK]
    cover_next_year(database)
    cid = _served_separately(database, clerk)
    _file(database, clerk, cid, D(2026, 11, 17), party="worker", action="suit", part="nonfinal")
    _file(database, clerk, cid, D(2026, 11, 18), party="worker", action="suit", part="final")  # a day late
    _file(
        database, clerk, cid, D(2026, 11, 20), party="employer", action="set_aside_application", part="final"
    )
    with database.write() as s:
        wf.apply_record(s, clerk, cid, "record_court_outcome", {"party": "employer", "action":
                        "set_aside_application", "court_outcome": "application_dismissed"},
                        expected_version=None, on=D(2026, 11, 23))  # fmt: skip
    i18n.install("zh")
    try:
        ctx = make_ctx(qtbot, database, clerk)
        win = CaseFileWindow(ctx, cid)
        qtbot.addWidget(win)
        qtbot.waitUntil(lambda: win.detail is not None, timeout=10_000)
        text = win.fields["outcome"].text()
        assert "劳动者于2026年11月17日向人民法院起诉（非终局裁决事项）" in text
        assert "劳动者于2026年11月18日向人民法院起诉（终局裁决事项），已逾期" in text
        assert "用人单位于2026年11月20日申请撤销裁决（终局裁决事项） → 裁定驳回申请" in text
        rows = [
            [win.events_model.index(r, c).data() for c in range(win.events_model.columnCount())]
            for r in range(win.events_model.rowCount())
        ]
        filed = [r for r in rows if r[1] == "登记当事人起诉/申请撤销裁决"]
        assert len(filed) == 3, rows
        late = next(r for r in filed if "2026年11月18日" in r[0])
        assert "已逾期（是否受理由人民法院决定）" in late[4] and "期间最后一日：2026年11月17日" in late[4]
        shown = text + "".join(str(c) for r in rows for c in r)
        assert not any(code in shown for code in RAW), shown
        out = os.environ.get("SCREENSHOTS")
        if out:
            for w, h in ((1366, 768), (1920, 1080)):
                win.resize(w, h)
                win.show()
                qtbot.wait(300)
                win.grab().save(str(Path(out) / f"court-filing-case-file-{w}x{h}.png"))
                win.tabs.setCurrentIndex(2)  # 办案经过: the filings in words
                qtbot.wait(300)
                win.grab().save(str(Path(out) / f"court-filing-timeline-{w}x{h}.png"))
                win.tabs.setCurrentIndex(0)
            rec = win.start_record("record_court_filing")
            assert rec is not None
            rec.show()
            qtbot.wait(300)
            rec.grab().save(str(Path(out) / "court-filing-form.png"))
            rec.reject()
        qtbot.waitUntil(lambda: ctx.runner.pending == 0, timeout=10_000)
    finally:
        i18n.install("en")


def test_the_report_page_shows_the_table(qtbot, database, actors) -> None:  # type: ignore[no-untyped-def]
    from casemgr.metrics import report as mr
    from tests.test_arb_ended import _history
    from tests.test_ui import make_ctx
    from ui import i18n
    from ui.reportpage import ReportPage

    _history(database, actors)
    with database.read() as s:
        data = mr.collect(s, 2026, 10, today=D(2026, 11, 23))
    i18n.install("zh")
    try:
        ctx = make_ctx(qtbot, database, actors[Role.SUPERVISOR])
        page = ReportPage(ctx)
        qtbot.addWidget(page)
        html = page.preview_html(data)
        assert "<h3>仲裁终局与终结</h3>" in html
        row = html[html.index("<td>仲裁终结率</td>") :].split("</tr>")[0]
        assert "60.00%（3/5）" in row
        out = os.environ.get("SCREENSHOTS")
        if out:
            page.view.setHtml(html)
            for w, h in ((1366, 768), (1920, 1080)):
                page.resize(w, h)
                page.show()
                page.view.verticalScrollBar().setValue(page.view.verticalScrollBar().maximum())
                qtbot.wait(300)
                page.grab().save(str(Path(out) / f"report-arb-finality-{w}x{h}.png"))
        qtbot.waitUntil(lambda: ctx.runner.pending == 0, timeout=10_000)
    finally:
        i18n.install("en")
