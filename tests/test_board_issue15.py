"""Issue 15's board findings: the 挂牌督办 tab's 期限 column, a pending extension that must
stay on 待审批延期 until decided (also while its clock is stopped), and one definition of
"how late" for the board and the monthly report (deadlines.lateness)."""

from __future__ import annotations

import datetime as dt

from casemgr import db, deadlines, queries
from casemgr.actor import Actor
from casemgr.deadlines import board
from casemgr.deadlines.lateness import late_by
from casemgr.enums import CaseKind, Role
from casemgr.metrics import report as mr
from casemgr.models import Case
from casemgr.services import cases
from casemgr.services import workflow as wf
from tests import helpers

D = dt.date
CAL = deadlines.default_calendar()


def _register(
    database: db.Database, actor: Actor, kind: CaseKind = CaseKind.ARBITRATION, **kw: object
) -> int:
    received = kw.pop("received_on")
    with database.write() as s:
        return cases.register_case(
            s,
            actor,
            helpers.case_input(kind, received_on=received, **kw),
            today=received,  # type: ignore[arg-type]
        ).id


def test_late_by_counts_in_the_rules_own_unit() -> None:
    fri, sat, mon = D(2026, 3, 6), D(2026, 3, 7), D(2026, 3, 9)
    assert late_by(CAL, "working", fri, fri) == (0, "working")
    assert late_by(CAL, "working", fri, sat) == (1, "working")  # missed: at least one day late
    assert late_by(CAL, "working", fri, mon) == (1, "working")
    assert late_by(CAL, "calendar", fri, mon) == (3, "calendar")
    # across National Day (10-01 to 10-07 off): from 09-30 the first working day is 10-08
    assert not any(CAL.is_working_day(D(2026, 10, d)) for d in range(1, 8))
    assert late_by(CAL, "working", D(2026, 9, 30), D(2026, 10, 7)) == (1, "working")
    assert late_by(CAL, "working", D(2026, 9, 30), D(2026, 10, 8)) == (1, "working")
    assert late_by(CAL, "working", D(2026, 9, 30), D(2026, 10, 9)) == (2, "working")
    assert late_by(CAL, "calendar", D(2026, 9, 30), D(2026, 10, 9)) == (9, "calendar")
    assert late_by(CAL, None, fri, mon) == (3, "calendar")


def test_supervised_tab_names_the_time_limit(database: db.Database, actors: dict[Role, Actor]) -> None:
    """挂牌督办 rows are per case (at its earliest active clock): the 期限 column was empty."""
    ins = actors[Role.INSPECTOR]
    c = _register(
        database, ins, CaseKind.INSPECTION, received_on=D(2026, 3, 2), n=3, workers=100, migrant=False
    )
    with database.read() as s:
        b = queries.deadline_board(s, today=D(2026, 3, 9))
        (row,) = [r for r in b.supervised if r.case_id == c]
        case = s.get(Case, c)
        earliest = min(
            (d for d in case.deadlines if d.state in ("running", "paused")), key=lambda d: (d.due_on, d.id)
        )
        assert row.deadline_id is None and row.rule_code == earliest.rule_code  # a per-case row
        assert row.rule_name_zh and row.rule_name_en and row.state == "running"
        green = [r for r in queries.deadline_board(s, today=D(2026, 3, 9)).green_channel]
        assert all(r.rule_name_zh for r in green)


def test_a_pending_extension_stays_while_its_clock_is_stopped_until_decided(
    database: db.Database, actors: dict[Role, Actor]
) -> None:
    clerk, boss = actors[Role.CLERK], actors[Role.SUPERVISOR]
    a = _register(database, clerk, received_on=D(2026, 9, 21), migrant=False)
    with database.write() as s:
        wf.apply_transition(s, clerk, a, "accept", {}, expected_version=None, on=D(2026, 9, 24))
        did = next(d.id for d in s.get(Case, a).deadlines if d.rule_code == "arb.award")
        wf.request_extension(
            s, clerk, a, did, "需要等待工伤认定结论", expected_version=None, on=D(2026, 10, 9)
        )
    with database.write() as s:  # 中止: the award clock stops
        wf.apply_transition(
            s, clerk, a, "suspend", {"ground": "force_majeure", "approved_by": "仲裁院院长"},
            expected_version=None, on=D(2026, 10, 12),
        )  # fmt: skip
    for today in (D(2026, 10, 13), D(2027, 1, 20)):  # the day after, and long after the old due date
        with database.read() as s:
            b = queries.deadline_board(s, today=today, sections=("extensions",))
            assert [(r.deadline_id, r.state) for r in b.extensions] == [(did, "paused")]
            assert b.counts["extensions"] == 1
            assert [
                r.deadline_id for r in board.board(s, today=today, user_id=clerk.user_id).extensions.rows
            ] == [did]
    with database.write() as s:
        wf.approve_extension(s, boss, a, did, 15, "同意延长", None, on=D(2026, 10, 14))
    with database.read() as s:
        assert queries.deadline_board(s, today=D(2026, 10, 14)).counts["extensions"] == 0


def test_board_and_report_agree_on_how_late(database: db.Database, actors: dict[Role, Actor]) -> None:
    """A case whose earliest overdue clock counts working days (受理, 5 working days) and one
    whose counts calendar days (调解, 15 days): the board and the October report give each
    the same figure and unit."""
    clerk, mediator = actors[Role.CLERK], actors[Role.MEDIATOR]
    working = _register(database, clerk, received_on=D(2026, 10, 12), n=1, migrant=False)  # due 10-19
    calendar = _register(
        database, mediator, CaseKind.MEDIATION, received_on=D(2026, 10, 9), n=2, migrant=False
    )
    with database.write() as s:
        wf.apply_transition(s, mediator, calendar, "accept", {}, expected_version=None, on=D(2026, 10, 9))
    as_of = D(2026, 10, 31)  # the October report counts overdue on the month's last day
    with database.read() as s:
        b = queries.deadline_board(s, today=as_of)
        by_case: dict[int, queries.BoardEntry] = {}
        for r in sorted(b.overdue, key=lambda r: (r.due_on, r.rule_code or "")):
            by_case.setdefault(r.case_id, r)
        data = mr.collect(s, 2026, 10, today=D(2026, 11, 23))
        assert data.as_of == as_of
        listed = {r.number: r for r in data.overdue_list.rows}
        numbers = {cid: s.get(Case, cid).number for cid in (working, calendar)}
    w, c = by_case[working], by_case[calendar]
    assert w.late_unit == "working" and w.due_on == D(2026, 10, 19)  # five working days from Monday 10-12
    assert w.late_days == 9  # 10-20 .. 10-30: nine working days, where calendar days say 12
    assert c.late_unit == "calendar" and c.rule_code and c.late_days == (as_of - c.due_on).days
    for cid, entry in ((working, w), (calendar, c)):
        row = listed[numbers[cid]]
        assert (row.days, row.unit, row.due_on) == (entry.late_days, entry.late_unit, entry.due_on)


def test_the_board_labels_lateness_with_its_unit(qapp: object) -> None:
    from ui.models import BoardTableModel

    base = dict(case_id=1, number="X", kind="arbitration", status="accepted", district=None,
                due_on=D(2026, 3, 6), green_channel=False, supervised=False)  # fmt: skip
    model = BoardTableModel()
    model.set_rows(
        [
            queries.BoardEntry(
                **base, state="running", working_days_left=-3, late_days=3, late_unit="working"
            ),
            queries.BoardEntry(
                **base, state="running", working_days_left=-1, late_days=3, late_unit="calendar"
            ),
            queries.BoardEntry(
                **base, state="paused", working_days_left=-1, late_days=3, late_unit="calendar"
            ),
            queries.BoardEntry(**base, state="running", working_days_left=2),
        ]
    )
    col = [c.key for c in model.COLUMNS].index("left")
    shown = [model.data(model.index(i, col)) for i in range(4)]
    assert shown[0] in ("3 working day(s) late", "逾期3个工作日")
    assert shown[1] in ("3 day(s) late", "逾期3日")
    assert shown[2] in ("paused", "已中止")
    assert shown[3] in ("2 working day(s)", "2个工作日")


def test_a_tab_opened_before_the_first_read_answers_gets_its_rows(
    qtbot: object, database: db.Database, actors: dict[Role, Actor]
) -> None:
    """Found taking the screenshots: a supervisor who clicks 挂牌督办 while the board is still
    loading got an empty tab (the answer carried only the first tab's rows, and a tab change
    before any answer read nothing)."""
    from ui.app import AppContext
    from ui.pages import DashboardPage

    ins = actors[Role.INSPECTOR]
    c = _register(
        database, ins, CaseKind.INSPECTION, received_on=helpers.TODAY, n=3, workers=100, migrant=False
    )
    ctx = AppContext(database, actors[Role.SUPERVISOR], "科长")
    try:
        page = DashboardPage(ctx)  # its first read is under way
        qtbot.addWidget(page)  # type: ignore[attr-defined]
        page.tabs.setCurrentIndex(queries.BOARD_SECTIONS.index("supervised"))
        model = page.models["supervised"]
        qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=10_000)  # type: ignore[attr-defined]
        assert model.row_at(0).case_id == c and model.row_at(0).rule_name_zh
    finally:
        qtbot.waitUntil(lambda: ctx.runner.pending == 0, timeout=10_000)  # type: ignore[attr-defined]
        ctx.runner.wait_all()
