"""The yearly grading run on cases made through the real workflow (issue 17).

The history, graded for 2025 (worked out by hand):

* employer 1: three inspection cases ordered to pay in Feb, Jun and Dec 2025 -> 3 查处 -> C.
* employer 2: two cases ordered in 2025 -> B.
* employer 3: one case received in Dec 2025 but ordered on 2026-01-05 -> no 2025 查处 -> A
  (it counts for 2026).
* employer 4: one case ordered 2025-03-10 to pay by 03-31, not paid, penalty with 加付赔偿金
  on 04-02 -> a refusal (Art. 6 C(4)) -> C although only one 查处.
* employer 5: a case cancelled (撤销立案) in 2025 -> not a 查处 -> A.
"""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from sqlalchemy import func, select, update

from casemgr.actor import Actor
from casemgr.enums import Role
from casemgr.errors import PermissionDenied, ValidationError
from casemgr.models import AuditEntry, Case, EmployerGrade
from casemgr.queries import grading as gq
from casemgr.services import grading, grading_export
from tests.test_inspection_lifecycle import register, step

D = dt.date
TODAY = D(2026, 11, 23)


def ordered(database, ins, employer: int, n: int, received: dt.date, on: dt.date) -> int:
    cid = register(database, ins, received_on=received, n=n, employer_n=employer)
    step(database, ins, cid, "accept", received)
    step(database, ins, cid, "order_payment", on, document_no=f"令{n}", pay_by=on + dt.timedelta(days=20),
         amount_ordered="8000.00")  # fmt: skip
    return cid


@pytest.fixture
def history(database, actors):
    ins = actors[Role.INSPECTOR]
    ordered(database, ins, 1, 11, D(2025, 2, 1), D(2025, 2, 3))
    ordered(database, ins, 1, 12, D(2025, 6, 1), D(2025, 6, 2))
    ordered(database, ins, 1, 13, D(2025, 12, 1), D(2025, 12, 31))
    ordered(database, ins, 2, 21, D(2025, 4, 1), D(2025, 4, 2))
    ordered(database, ins, 2, 22, D(2025, 9, 1), D(2025, 9, 2))
    ordered(database, ins, 3, 31, D(2025, 12, 29), D(2026, 1, 5))
    cid = ordered(database, ins, 4, 41, D(2025, 3, 2), D(2025, 3, 10))
    step(database, ins, cid, "penalty_decision", D(2025, 4, 2), document_no="罚41", compensation_rate="0.5")
    cid = register(database, ins, received_on=D(2025, 5, 6), n=51, employer_n=5)
    step(database, ins, cid, "accept", D(2025, 5, 6))
    step(database, ins, cid, "cancel_filing", D(2025, 5, 20), ground="facts_not_established")
    with database.read() as s:
        return {n: s.get(Case, cid).employer_id for n, cid in _cases(s).items()}


def _cases(s):
    return {int(c.employer.name.removeprefix("汕尾测试用人单位")): c.id for c in s.scalars(select(Case))}


#: the auditor reads the list (``grading.view``) without taking part in it
VIEWER = Actor(None, "审计", Role.AUDITOR)


def grades(database, year: int) -> dict[int, gq.GradeRow]:
    with database.read() as s:
        return {r.employer_id: r for r in gq.grade_rows(s, VIEWER, gq.GradeFilter(year), 0, 100)}


def test_the_run_proposes_by_hand_worked_grades(database, actors, history) -> None:
    with database.write() as s:
        result = grading.run(s, actors[Role.INSPECTOR], 2025, today=TODAY)
    assert result.by_grade == {"A": 2, "B": 1, "C": 2} and result.kept == 0
    rows = grades(database, 2025)
    got = {n: rows[eid].proposed for n, eid in history.items()}
    assert got == {1: "C", 2: "B", 3: "A", 4: "C", 5: "A"}
    assert rows[history[1]].reasons[0].count == 3
    assert [r.code for r in rows[history[4]].reasons] == ["refusal", "findings"]
    # The list shows C first, then B, then A.
    assert [r.grade for r in rows.values()] == ["C", "C", "B", "A", "A"]
    # Graded for 2026, employer 3's January order is its one 查处: B.
    with database.write() as s:
        grading.run(s, actors[Role.SUPERVISOR], 2026, today=D(2027, 2, 1))
    assert grades(database, 2026)[history[3]].proposed == "B"


def test_only_a_year_that_has_ended(database, actors) -> None:
    with database.write() as s, pytest.raises(ValidationError):
        grading.run(s, actors[Role.SUPERVISOR], 2026, today=TODAY)


def test_who_proposes_and_who_confirms(database, actors, history) -> None:
    for role in (Role.CLERK, Role.MEDIATOR, Role.AUDITOR, Role.ADMIN):
        with database.write() as s, pytest.raises(PermissionDenied):
            grading.run(s, actors[role], 2025, today=TODAY)
    with database.write() as s:
        grading.run(s, actors[Role.INSPECTOR], 2025, today=TODAY)
    gid = grades(database, 2025)[history[2]].id
    with database.write() as s, pytest.raises(PermissionDenied):
        grading.confirm(s, actors[Role.INSPECTOR], gid)
    with database.write() as s:
        grading.confirm(s, actors[Role.SUPERVISOR], gid)
    row = grades(database, 2025)[history[2]]
    assert (row.status, row.grade) == ("confirmed", "B")


def test_a_change_needs_a_reason_and_is_audited(database, actors, history) -> None:
    sup = actors[Role.SUPERVISOR]
    with database.write() as s:
        grading.run(s, sup, 2025, today=TODAY)
    row = grades(database, 2025)[history[4]]
    with database.write() as s, pytest.raises(ValidationError):
        grading.change(s, sup, row.id, "B", "")
    with database.write() as s:
        n_before = s.scalar(select(func.count()).select_from(AuditEntry))
        grading.change(s, sup, row.id, "B", "复核：加付赔偿金已于次日全额支付", expected_version=row.version)
    row = grades(database, 2025)[history[4]]
    assert (row.proposed, row.grade, row.status, row.changed) == ("C", "B", "confirmed", True)
    with database.read() as s:
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == n_before + 1
        assert last.action == "grading.change"
        assert json.loads(last.before)["grade"] == "C" and json.loads(last.after)["grade"] == "B"
        assert json.loads(last.after)["change_reason"].startswith("复核")
        assert gq.latest_confirmed(s, history[4]) == gq.EmployerGradeInfo(2025, "B")


def test_bulk_confirm_takes_the_filtered_unchanged_proposals(database, actors, history) -> None:
    sup = actors[Role.SUPERVISOR]
    with database.write() as s:
        grading.run(s, sup, 2025, today=TODAY)
        assert grading.confirm_all(s, sup, gq.GradeFilter(2025, grade="A")) == 2
    with database.read() as s:
        summary = gq.year_summary(s, actors[Role.AUDITOR], 2025)
    assert (summary.confirmed, summary.proposed, summary.by_grade) == (2, 3, {"A": 2, "B": 1, "C": 2})
    # A re-run keeps the confirmed grades and rewrites only the open proposals.
    with database.write() as s:
        again = grading.run(s, actors[Role.INSPECTOR], 2025, today=TODAY)
    assert again.kept == 2 and again.by_grade == {"A": 0, "B": 1, "C": 2}
    # A proposal tampered with (or made from evidence since corrected) is rewritten by a re-run.
    with database.write() as s:
        s.execute(
            update(EmployerGrade)
            .where(EmployerGrade.employer_id == history[1], EmployerGrade.year == 2025)
            .values(proposed="A", grade="A", reasons=None)
        )
    before = grades(database, 2025)[history[1]].version
    with database.write() as s:
        grading.run(s, actors[Role.INSPECTOR], 2025, today=TODAY)
    row = grades(database, 2025)[history[1]]
    assert (row.proposed, row.grade, row.reasons[0].count, row.version) == ("C", "C", 3, before + 1)


def test_an_inspectors_fact_reproposes_the_open_year(database, actors, history) -> None:
    ins = actors[Role.INSPECTOR]
    with database.write() as s:
        grading.run(s, ins, 2025, today=TODAY)
    with database.write() as s, pytest.raises(ValidationError):
        grading.record_fact(s, ins, history[5], "obstruction", D(2025, 7, 1), "", today=TODAY)
    with database.write() as s:
        grading.record_fact(
            s, ins, history[5], "obstruction", D(2025, 7, 1), "拒绝提供工资台账，现场笔录", today=TODAY
        )
    row = grades(database, 2025)[history[5]]
    assert row.proposed == "C" and row.reasons[0].code == "fact:obstruction"


def test_the_list_and_its_exports_are_for_those_who_grade_and_the_auditor(database, actors, history) -> None:
    with database.write() as s:
        grading.run(s, actors[Role.SUPERVISOR], 2025, today=TODAY)
    with database.read() as s:
        for role in (Role.CLERK, Role.MEDIATOR, Role.ADMIN):
            with pytest.raises(PermissionDenied):
                gq.grade_rows(s, actors[role], gq.GradeFilter(2025))
            with pytest.raises(PermissionDenied):
                grading_export.list_xlsx(s, actors[role], gq.GradeFilter(2025), io.BytesIO())
        assert gq.count_grades(s, actors[Role.AUDITOR], gq.GradeFilter(2025)) == 5
