"""Limitation warnings in the registration form and on the case file (issue 14)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from casemgr import db
from casemgr.enums import CaseKind, ClaimType
from casemgr.models import Case
from tests.helpers import TODAY, make_id, make_uscc
from tests.test_ui import ctx_factory, supervisor  # noqa: F401  (fixtures)
from ui.app import AppContext
from ui.casefile import CaseFileWindow
from ui.newcase import NewCaseDialog


def test_the_form_warns_and_the_case_file_keeps_warning(
    qtbot: QtBot,
    database: db.Database,
    supervisor: AppContext,  # noqa: F811
) -> None:
    dlg = NewCaseDialog(supervisor, CaseKind.ARBITRATION)
    qtbot.addWidget(dlg)
    dlg.employer_name.setText("汕尾市时效测试有限公司")
    dlg.district.setCurrentIndex(dlg.district.findData("城区"))
    dlg.uscc.setText(make_uscc(4343))
    dlg.worker_rows[0].name.setText("陈大明")
    dlg.worker_rows[0].id_number.setText(make_id(78))
    claim = dlg.claim_rows[0]
    claim.claim_type.setCurrentIndex(claim.claim_type.findData(ClaimType.SEVERANCE.value))
    claim.amount.setText("30000")
    assert not dlg.limitation.isVisibleTo(dlg)
    # Received today (Mon 2026-11-23); knew on 2025-11-20 (Thu): the year ended Fri 2026-11-20.
    dlg.limitation_dates["knew_on"].setDate(QDate(2025, 11, 20))
    qtbot.waitUntil(lambda: dlg.limitation.isVisibleTo(dlg), timeout=10_000)
    assert "2026-11-20" in dlg.limitation.text()
    # Interrupted Mon 2025-12-01: the year runs afresh to Tue 2026-12-01, no warning.
    dlg.limitation_dates["limitation_interrupted_on"].setDate(QDate(2025, 12, 1))
    qtbot.waitUntil(lambda: not dlg.limitation.isVisibleTo(dlg), timeout=10_000)
    dlg.limitation_dates["limitation_interrupted_on"].setDate(dlg.limitation_dates["knew_on"].minimumDate())
    qtbot.waitUntil(lambda: dlg.limitation.isVisibleTo(dlg), timeout=10_000)
    with qtbot.waitSignal(dlg.registered, timeout=10_000) as blocker:
        dlg.submit()
    case_id = blocker.args[0]
    with database.read() as s:
        case = s.get(Case, case_id)
        assert (
            case is not None
            and case.knew_on == dt.date(2025, 11, 20)
            and case.limitation_interrupted_on is None
        )
        assert case.received_on == TODAY
    win = CaseFileWindow(supervisor, case_id)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.detail is not None, timeout=10_000)
    assert win.limitation.isVisibleTo(win) and "2026-11-20" in win.limitation.text()
