"""Labour inspection, issue 14 part B: the order of steps and the clocks the statutes add.

Every expected date is worked out by hand on the official calendar (国办发明电〔2025〕7号 for
2026, legal-rules §7.2) and the count is written beside it. March 2026 has no holiday; the
Qingming break is Sat 04-04 to Mon 04-06 (04-06 off); May Day is Fri 05-01 to Tue 05-05 with
Sat 05-09 a make-up working day.

The statute quoted is 广东省劳动保障监察条例 (2019 revision) unless said otherwise.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from casemgr.enums import CaseKind, ComplaintType, Role
from casemgr.errors import WorkflowError
from casemgr.models import Case
from casemgr.services import cases
from casemgr.services import workflow as wf
from tests import helpers

D = dt.date


def clocks(case: Case) -> dict[str, tuple[str, dt.date]]:
    return {d.rule_code: (d.state, d.due_on) for d in case.deadlines}


def register(database, actor, *, complaint_type=ComplaintType.COMPLAINT, **kw) -> int:
    data = dataclasses.replace(helpers.case_input(CaseKind.INSPECTION, **kw), complaint_type=complaint_type)
    with database.write() as s:
        return cases.register_case(s, actor, data, today=D(2026, 11, 26)).id


def step(database, actor, case_id, code, on, **fields) -> Case:
    with database.write() as s:
        c = wf.apply_transition(s, actor, case_id, code, fields, expected_version=None, on=on)
        s.refresh(c)
        _ = (c.deadlines, c.claims)
        return c


def record(database, actor, case_id, code, on, **fields) -> Case:
    with database.write() as s:
        c = wf.apply_record(s, actor, case_id, code, fields, expected_version=None, on=on)
        s.refresh(c)
        _ = (c.deadlines, c.claims)
        return c


def load(database, case_id) -> dict[str, tuple[str, dt.date]]:
    with database.read() as s:
        return clocks(s.get(Case, case_id))


# --------------------------------------------------------------------------- item 5: 视为受理


def test_only_a_complaint_is_deemed_accepted_never_a_report(database, actors) -> None:
    """Art. 39 ¶2 deems a silent *complaint* accepted; a report (Art. 34) is checked and filed
    (Art. 32) or passed on (Art. 33 ¶2), never accepted by silence."""
    ins = actors[Role.INSPECTOR]
    # Both arrive Mon 2026-03-02. 5 wd: 03-03 (1), 04 (2), 05 (3), 06 (4), Mon 03-09 (5).
    complaint = register(database, ins, received_on=D(2026, 3, 2))
    report = register(database, ins, received_on=D(2026, 3, 2), n=2, complaint_type=ComplaintType.REPORT)
    assert load(database, complaint)["insp.accept"] == ("running", D(2026, 3, 9))
    k = load(database, report)
    assert "insp.accept" not in k  # no deemed-acceptance clock on a report
    assert k["insp.report.file"] == ("running", D(2026, 3, 9))  # file or pass on within 5 wd

    # Tue 03-10: both periods are over; the sweep accepts the complaint only.
    with database.write() as s:
        assert wf.apply_deemed_acceptances(s, ins, today=D(2026, 3, 10)) == [complaint]
    with database.read() as s:
        assert s.get(Case, complaint).accepted_on == D(2026, 3, 2)
        assert s.get(Case, report).status == "received" and s.get(Case, report).accepted_on is None
    with pytest.raises(WorkflowError) as exc:
        step(database, ins, report, "deem_accept", D(2026, 3, 10))
    assert "举报" in exc.value.zh
    # The report is filed by a decision of the bureau (one day late: the clock says so).
    c = step(database, ins, report, "accept", D(2026, 3, 10))
    assert c.status == "investigating"
    assert clocks(c)["insp.report.file"] == ("breached", D(2026, 3, 9))


# --------------------------------------------------------------------------- item 4: 中止告知


@pytest.mark.parametrize(
    ("complaint_type", "ground", "notice_due"),
    [
        # Approved Fri 04-03: 04-06 off (Qingming), 04-07 (1), 04-08 (2), Thu 04-09 (3).
        (ComplaintType.COMPLAINT, "awaiting_other_authority", D(2026, 4, 9)),
        (ComplaintType.COMPLAINT, "force_majeure", D(2026, 4, 9)),
        # "投诉人无法联系的除外": nobody to tell, no duty, no clock.
        (ComplaintType.COMPLAINT, "complainant_unreachable", None),
        # A report has no complainant: Art. 45 ¶2 binds the bureau towards a 投诉人 only.
        (ComplaintType.REPORT, "awaiting_other_authority", None),
    ],
)
def test_suspension_notice_only_to_a_complainant_who_can_be_reached(
    database, actors, complaint_type, ground, notice_due
) -> None:
    ins = actors[Role.INSPECTOR]
    cid = register(database, ins, received_on=D(2026, 3, 2), complaint_type=complaint_type)
    step(database, ins, cid, "accept", D(2026, 3, 2))
    c = step(database, ins, cid, "suspend", D(2026, 4, 3), ground=ground)
    assert c.status == "suspended"
    assert clocks(c)["insp.investigate.gd"][0] == "paused"
    if notice_due is None:
        assert "insp.suspension_notice" not in clocks(c)
    else:
        assert clocks(c)["insp.suspension_notice"] == ("running", notice_due)
