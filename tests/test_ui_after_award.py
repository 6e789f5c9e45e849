"""The case file shows when a served award takes effect (issue 14, "after the award")."""

from __future__ import annotations

from casemgr.enums import Role
from casemgr.services import workflow as wf
from tests.test_after_award import MIXED, D, _awarded


def test_the_case_file_shows_the_effective_dates(qtbot, database, actors) -> None:
    from tests.test_ui import cover_next_year, make_ctx
    from ui import i18n
    from ui.casefile import CaseFileWindow

    clerk = actors[Role.CLERK]
    cover_next_year(database)
    cid = _awarded(database, clerk, MIXED)
    with database.write() as s:
        wf.apply_transition(
            s, clerk, cid, "serve_award", {"method": "direct"}, expected_version=None, on=D(2026, 10, 29)
        )
    ctx = make_ctx(qtbot, database, clerk)
    win = CaseFileWindow(ctx, cid)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.detail is not None, timeout=10_000)
    text = win.fields["outcome"].text()
    assert i18n.fmt_date(D(2026, 10, 27)) in text and i18n.fmt_date(D(2026, 11, 14)) in text
    qtbot.waitUntil(lambda: ctx.runner.pending == 0, timeout=10_000)
