"""The construction project register (issue 17): warning colours worked out by hand, the same
colours from the database, edits and links audited, wrong roles refused, reporters hidden."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from casemgr import db
from casemgr.actor import Actor
from casemgr.enums import CaseKind, ComplaintType, PartyRole, Role
from casemgr.errors import NotFoundError, PermissionDenied, ValidationError
from casemgr.models import AuditEntry, Case, Project, ProjectComplaint
from casemgr.queries import projects as pq
from casemgr.services import cases, parties, projects
from casemgr.services import project_warning as pw
from tests.helpers import TODAY, case_input, make_id, make_uscc

D = dt.date
DAY = dt.timedelta(days=1)


def facts(start: dt.date | None, status: str = "building", **done: dt.date | None) -> pw.Facts:
    dates = {e.column: None for e in pw.ELEMENTS} | done
    return pw.Facts(status=status, start_on=start, dates=dates)


ALL_DONE = dict(
    account_opened_on=D(2026, 9, 1),
    deposit_on=D(2026, 9, 1),
    roster_on=D(2026, 9, 1),
    board_on=D(2026, 9, 1),
    last_agent_pay_on=D(2026, 11, 10),
)

# (name, facts, expected level, expected missing elements), "today" = 2026-11-23.
CASES: list[tuple[str, pw.Facts, int, tuple[str, ...]]] = [
    # Everything in place, last 代发 13 days ago (due 31 days after it): no warning.
    ("all in place", facts(D(2026, 9, 1), **ALL_DONE), pw.NONE, ()),
    # Started 2026-11-13, 10 days ago; account and deposit still within their 30 days; roster
    # and board due on the first day: 10 days overdue -> yellow (orange for the roster from 15).
    # 代发: due 2026-12-14 (start + 31): not yet.
    ("young site", facts(D(2026, 11, 13)), pw.YELLOW, ("roster", "board")),
    # Started 2026-09-01, 83 days ago. Deposit missing: 83 - 30 = 53 days overdue -> orange
    # (31..60); red only from 61. Everything else done, 代发 on 11-10.
    ("deposit 53 days late", facts(D(2026, 9, 1), **(ALL_DONE | {"deposit_on": None})), pw.ORANGE, ("deposit",)),
    # Started 2026-08-01, 114 days ago: no account, 114 - 30 = 84 days overdue -> red (>= 61).
    ("account 84 days late", facts(D(2026, 8, 1), **(ALL_DONE | {"account_opened_on": None})), pw.RED, ("account",)),
    # Started 2026-06-01, 175 days ago, no notice board: 175 days overdue, but Art. 34 is an
    # Art. 56 matter and stops at orange.
    ("board long missing", facts(D(2026, 6, 1), **(ALL_DONE | {"board_on": None})), pw.ORANGE, ("board",)),
    # Roster missing since 2026-10-23: 31 days overdue -> red (roster turns red from 31).
    ("roster 31 days", facts(D(2026, 10, 23), **(ALL_DONE | {"roster_on": None})), pw.RED, ("roster",)),
    # Roster missing 30 days (start 10-24) -> orange (15..30); account/deposit due 11-23: not late.
    ("roster 30 days", facts(D(2026, 10, 24), **(ALL_DONE | {"roster_on": None})), pw.ORANGE, ("roster",)),
    # 代发 last on 2026-09-30: due 2026-10-31, 23 days overdue -> yellow.
    ("pay 23 days late", facts(D(2026, 9, 1), **(ALL_DONE | {"last_agent_pay_on": D(2026, 9, 30)})), pw.YELLOW,
     ("agent_pay",)),
    # 代发 last on 2026-08-20: due 2026-09-20, 64 days overdue -> orange (never red, Art. 56).
    ("pay 64 days late", facts(D(2026, 6, 1), **(ALL_DONE | {"last_agent_pay_on": D(2026, 8, 20)})), pw.ORANGE,
     ("agent_pay",)),
    # Under way, no start date, nothing recorded: every element "start unknown" -> yellow.
    ("no start date", facts(None), pw.YELLOW, ("account", "deposit", "roster", "board", "agent_pay")),
    # A completed project is not checked for elements: nothing recorded, still no warning.
    ("completed", facts(D(2025, 1, 1), status="completed"), pw.NONE, ()),
    # Planned, start in the future: no element checked.
    ("planned", facts(D(2027, 3, 1), status="planned"), pw.NONE, ()),
    # Under way with a start date next week: nothing is due yet.
    ("starts next week", facts(TODAY + 7 * DAY), pw.NONE, ()),
]  # fmt: skip


@pytest.mark.parametrize(("name", "f", "level", "missing"), CASES, ids=[c[0] for c in CASES])
def test_colours_worked_out_by_hand(name: str, f: pw.Facts, level: int, missing: tuple[str, ...]) -> None:
    a = pw.assess(f, TODAY)
    assert a.level == level, a.reasons
    assert sorted(a.missing) == sorted(missing)
    # every colour explains itself, naming the element and its article
    for r in a.reasons:
        assert r.zh and r.en
        if r.element in pw.BY_KEY:
            assert pw.BY_KEY[r.element].article in r.zh


def test_every_field_a_project_refusal_names_has_a_label() -> None:
    """As tests/test_validation's guard for ``validation.fail``: no refusal shows a field code."""
    import re
    from pathlib import Path

    source = Path(projects.__file__).read_text(encoding="utf-8")
    named = set(re.findall(r"\brefuse\(\s*\"(\w+)\"", source))
    assert "deposit_on" in named and sorted(named - set(projects.LABELS)) == []
    assert projects.refuse("end_on", "不能早于开工日期", "x").zh == "竣工日期：不能早于开工日期"


def test_citations_name_the_regulation_its_number_year_and_article() -> None:
    from tests.test_citations import ARTICLE, YEAR, _problems

    for e in pw.ELEMENTS:
        assert _problems(e.article) == [] and YEAR.search(e.article) and ARTICLE.search(e.article), e.article


def test_complaints_colour_a_project() -> None:
    # an open complaint is red even on a project with every element in place
    a = pw.assess(
        pw.Facts("building", D(2026, 9, 1), facts(None, **ALL_DONE).dates, open_complaints=1), TODAY
    )
    assert a.level == pw.RED and a.reasons[0].element == "complaint_open"
    # a closed complaint of the last year: yellow, even on a completed project
    b = pw.assess(pw.Facts("completed", D(2025, 1, 1), {}, recent_complaints=2), TODAY)
    assert b.level == pw.YELLOW and "2 件" in b.reasons[0].zh


# --------------------------------------------------------------------------- services and queries


def _gc(n: int) -> parties.EmployerInput:
    return parties.EmployerInput(f"总包建筑公司{n}", make_uscc(800 + n), district="城区")


def _save(s, actor: Actor, name: str, start: dt.date | None, **kw) -> Project:  # type: ignore[no-untyped-def]
    data = projects.ProjectInput(name=name, start_on=start, general_contractor=_gc(1), district="城区", **kw)
    return projects.save_project(s, actor, data, today=TODAY)


def _audits(database: db.Database, action: str) -> list[AuditEntry]:
    with database.read() as s:
        rows = s.execute(select(AuditEntry).where(AuditEntry.action == action)).scalars().all()
        s.expunge_all()
        return list(rows)


def test_database_colours_agree_with_the_rule(database: db.Database, actors: dict[Role, Actor]) -> None:
    inspector = actors[Role.INSPECTOR]
    expected: dict[int, int] = {}
    with database.write() as s:
        for name, f, level, _missing in CASES:
            done = {k: v for k, v in f.dates.items() if v is not None}
            p = projects.save_project(
                s,
                inspector,
                projects.ProjectInput(name=name, start_on=f.start_on, status=f.status, **done),
                today=TODAY,
            )
            expected[p.id] = level
    with database.read() as s:
        q = pq.ProjectQuery(today=TODAY)
        rows = q.page(s, 0, 100)
        assert {r.id: r.level for r in rows} == expected
        assert q.count(s) == len(CASES)
        # the list's filters are the same rule: red ones, and those missing a deposit
        reds = pq.ProjectQuery(pq.ProjectFilters(level="red"), today=TODAY).page(s, 0, 100)
        assert {r.id for r in reds} == {i for i, lv in expected.items() if lv == pw.RED}
        no_deposit = pq.ProjectQuery(pq.ProjectFilters(missing="deposit"), today=TODAY)
        want = {n for n, f, _lv, m in CASES if "deposit" in m}
        assert {r.name for r in no_deposit.page(s, 0, 100)} == want
        assert no_deposit.count(s) == len(want)
        # sorted most severe first by default
        assert [r.level for r in rows] == sorted((r.level for r in rows), reverse=True)


def test_register_edit_and_audit(database: db.Database, actors: dict[Role, Actor]) -> None:
    inspector = actors[Role.INSPECTOR]
    with database.write() as s:
        p = _save(
            s, inspector, "汕尾市城区某安置房项目", D(2026, 9, 1), code="SW-2026-001",
            builder=parties.EmployerInput("汕尾城投公司", make_uscc(901)),
            subcontractors=(parties.EmployerInput("劳务分包公司甲", make_uscc(902)),),
            deposit_amount=Decimal("300000.00"), deposit_bank="汕尾农商银行", deposit_on=D(2026, 9, 10),
        )  # fmt: skip
        pid, version = p.id, p.version
    [created] = _audits(database, "project.create")
    assert (
        created.entity == "project" and created.entity_id == str(pid) and created.user_id == inspector.user_id
    )
    assert '"deposit_amount":"300000.00"' in (created.after or "")
    with database.write() as s:
        projects.save_project(
            s, actors[Role.SUPERVISOR],
            projects.ProjectInput(name="汕尾市城区某安置房项目", code="SW-2026-001", start_on=D(2026, 9, 1),
                                  general_contractor=_gc(1), roster_on=D(2026, 9, 2)),
            project_id=pid, expected_version=version, today=TODAY,
        )  # fmt: skip
    [updated] = _audits(database, "project.update")
    assert '"roster_on":null' in (updated.before or "") and '"roster_on":"2026-09-02"' in (
        updated.after or ""
    )
    with database.read() as s:
        d = pq.project_detail(s, inspector, pid, TODAY)
        assert d.general_contractor is not None and d.general_contractor.uscc == make_uscc(801)
        assert d.subcontractors == () and d.builder is None and d.deposit_on is None
    # a stale form is refused, nothing written
    with pytest.raises(Exception, match="重新加载"), database.write() as s:
        projects.save_project(s, inspector, projects.ProjectInput(name="改名"), project_id=pid,
                              expected_version=version, today=TODAY)  # fmt: skip


@pytest.mark.parametrize(
    ("kw", "field", "words"),
    [
        ({"name": " "}, "name", "项目名称：不能为空"),
        ({"status": "demolished"}, "status", "项目状态"),
        ({"district": "火星区"}, "district", "火星区"),
        ({"end_on": D(2026, 1, 1)}, "end_on", "不能早于开工日期"),
        ({"board_on": TODAY + DAY}, "board_on", "不能晚于今天"),
        ({"deposit_amount": Decimal("-1")}, "deposit_amount", "金额"),
        ({"deposit_amount": Decimal("100")}, "deposit_on", "存储日期"),
        ({"subcontractors": (parties.EmployerInput("分包乙"),), "general_contractor": None},
         "general_contractor", "施工总承包单位"),
        ({"general_contractor": parties.EmployerInput("总包丙", "123")}, "general_contractor", "施工总承包单位"),
    ],
)  # fmt: skip
def test_bad_input_is_refused_in_chinese_and_writes_nothing(
    database: db.Database, actors: dict[Role, Actor], kw: dict[str, object], field: str, words: str
) -> None:
    base: dict[str, object] = {"name": "某项目", "start_on": D(2026, 5, 1), "general_contractor": _gc(2)}
    with pytest.raises(ValidationError) as err, database.write() as s:
        projects.save_project(s, actors[Role.INSPECTOR], projects.ProjectInput(**(base | kw)), today=TODAY)  # type: ignore[arg-type]
    assert err.value.field == field and words in err.value.zh
    with database.read() as s:
        assert s.execute(select(func.count()).select_from(Project)).scalar_one() == 0


@pytest.mark.parametrize("role", [Role.ADMIN, Role.CLERK, Role.MEDIATOR, Role.AUDITOR])
def test_wrong_roles_may_not_edit_or_link(
    database: db.Database, actors: dict[Role, Actor], role: Role
) -> None:
    with database.write() as s:
        pid = _save(s, actors[Role.INSPECTOR], "某项目", D(2026, 5, 1)).id
        cid = cases.register_case(s, actors[Role.INSPECTOR], case_input(CaseKind.INSPECTION, n=5)).id
    before = len(_audits(database, "project.create"))
    with pytest.raises(PermissionDenied), database.write() as s:
        _save(s, actors[role], "另一个项目", D(2026, 5, 1))
    with pytest.raises(PermissionDenied), database.write() as s:
        projects.link_complaint(s, actors[role], cid, pid)
    assert len(_audits(database, "project.create")) == before
    with database.read() as s:
        assert s.execute(select(func.count()).select_from(ProjectComplaint)).scalar_one() == 0
        # but everyone reads the register
        assert pq.project_detail(s, actors[role], pid, TODAY).name == "某项目"


def test_link_and_unlink_are_audited_and_shown_from_both_sides(
    database: db.Database, actors: dict[Role, Actor]
) -> None:
    insp = actors[Role.INSPECTOR]
    reporter = parties.PersonInput("举报人保密甲", make_id(611), "13800138611")
    data = case_input(CaseKind.INSPECTION, n=6)
    report = cases.CaseInput(**{**data.__dict__, "complaint_type": ComplaintType.REPORT, "claims": [],
                                "persons": [cases.PartyLink(reporter, PartyRole.REPORTER)]})  # fmt: skip
    with database.write() as s:
        pid = _save(s, insp, "某商住楼项目", D(2026, 9, 1), deposit_amount=Decimal("500000"),
                    deposit_bank="某银行", deposit_on=D(2026, 9, 5)).id  # fmt: skip
        complaint = cases.register_case(s, insp, case_input(CaseKind.INSPECTION, n=7))
        cid, rid = complaint.id, cases.register_case(s, insp, report).id
        arb = cases.register_case(s, actors[Role.CLERK], case_input(CaseKind.ARBITRATION, n=8)).id
    with database.write() as s:
        projects.link_complaint(s, insp, cid, pid)
        projects.link_complaint(s, actors[Role.SUPERVISOR], rid, pid)
    links = _audits(database, "project.link_complaint")
    assert [(e.entity_id, e.user_id) for e in links] == [(str(pid), insp.user_id),
                                                         (str(pid), actors[Role.SUPERVISOR].user_id)]  # fmt: skip
    assert "举报人保密甲" not in "".join((e.after or "") for e in links)
    with database.read() as s:
        seen = pq.case_project(s, actors[Role.MEDIATOR], cid, TODAY)
        assert seen is not None and seen.general_contractor is not None
        assert seen.general_contractor.name == "总包建筑公司1" and seen.deposit_amount == Decimal("500000.00")
        # two open complaints: red, and it says so
        assert seen.assessment.level == pw.RED and "2 件未办结的投诉" in seen.assessment.reasons[0].zh
        d = pq.project_detail(s, actors[Role.AUDITOR], pid, TODAY)
        assert {r.id for r in d.complaints} == {cid, rid}
        # the 举报's reporter never shows in the project's complaint list, to anyone
        for role in Role:
            shown = pq.project_detail(s, actors[role], pid, TODAY).complaints
            assert all(r.worker_name != "举报人保密甲" for r in shown)
    # only inspection cases link; an unknown case is "not found"
    with pytest.raises(ValidationError, match="监察"), database.write() as s:
        projects.link_complaint(s, actors[Role.SUPERVISOR], arb, pid)
    with pytest.raises(NotFoundError), database.write() as s:
        projects.link_complaint(s, insp, 999_999, pid)
    with database.write() as s:
        projects.unlink_complaint(s, insp, cid)
    [unlinked] = _audits(database, "project.unlink_complaint")
    assert unlinked.entity_id == str(pid) and f'"case_id":{cid}' in (unlinked.before or "")
    with database.read() as s:
        assert pq.case_project(s, insp, cid, TODAY) is None
        assert [r.id for r in pq.project_detail(s, insp, pid, TODAY).complaints] == [rid]


def test_closing_the_complaint_turns_red_to_yellow(database: db.Database, actors: dict[Role, Actor]) -> None:
    insp = actors[Role.INSPECTOR]
    done = {k: v for k, v in ALL_DONE.items()}
    with database.write() as s:
        pid = _save(s, insp, "某厂房项目", D(2026, 9, 1), **done).id
        cid = cases.register_case(
            s, insp, case_input(CaseKind.INSPECTION, n=9, received_on=D(2026, 10, 9))
        ).id
        projects.link_complaint(s, insp, cid, pid)
    with database.read() as s:
        assert pq.ProjectQuery(today=TODAY).page(s, 0, 10)[0].level == pw.RED
    with database.write() as s:  # test data: the case closed (the workflow is tested elsewhere)
        case = s.get(Case, cid)
        assert case is not None
        case.closed_on = D(2026, 11, 2)
    with database.read() as s:
        row = pq.ProjectQuery(today=TODAY).page(s, 0, 10)[0]
        # received 2026-10-09, within 365 days, closed: yellow
        assert row.level == pw.YELLOW and row.complaints == 1
        a = pq.project_detail(s, insp, pid, TODAY).assessment
        assert a.level == pw.YELLOW and a.reasons[0].element == "complaint_recent"
        # a year later it no longer counts
        later = D(2027, 10, 10)
        assert pq.ProjectQuery(pq.ProjectFilters(level="yellow"), today=later).count(s) == 0
