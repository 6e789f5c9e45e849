"""Every cell of the permission statement (docs/permissions.md), proved against the services.

The expected answers come from ``docs/permissions.md``, the hand-written and reviewed
statement of who may do what, never from ``casemgr.permissions`` (the table under test).
For each action and role, a probe calls the service that guards the action with valid
input, on a case of every kind: where the statement says yes the call succeeds and is
audited; where it says no it raises PermissionDenied and the database is unchanged (audit
entries counted; the audit trail records every write). The table the UI asks
(``permissions.MATRIX``) is then held to the same statement, cell by cell.
"""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from casemgr import backup, db, permissions, privacy
from casemgr.actor import Actor
from casemgr.enums import CaseKind, ComplaintType, PartyRole, Role
from casemgr.errors import PermissionDenied
from casemgr.models import AuditEntry
from casemgr.services import cases, parties, users
from tests.conftest import make_user
from tests.helpers import TODAY, case_input, make_id

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class World:
    database: db.Database
    actors: dict[Role, Actor]
    other_inspector: Actor
    colleagues: dict[CaseKind, Actor]  # a second officer of each kind, to assign cases to
    case_ids: dict[CaseKind, int]
    tmp: Path
    counter: Iterator[int] = field(default_factory=lambda: itertools.count(1))
    months: Iterator[int] = field(default_factory=lambda: itertools.count(0))  # months to close, from 2001-01


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> Iterator[World]:
    tmp = tmp_path_factory.mktemp("perm")
    shutil.copy(template_db, tmp / "casemgr.db")
    database = db.open_database(f"sqlite:///{tmp / 'casemgr.db'}")
    actors = {role: make_user(database, role) for role in Role}
    other = make_user(database, Role.INSPECTOR, "inspector2")
    colleagues = {
        CaseKind.MEDIATION: make_user(database, Role.MEDIATOR, "mediator2"),
        CaseKind.ARBITRATION: make_user(database, Role.CLERK, "clerk2"),
        CaseKind.INSPECTION: other,
    }
    ids: dict[CaseKind, int] = {}
    for i, kind in enumerate(CaseKind):
        data = case_input(kind, n=90 + i)
        if kind is CaseKind.INSPECTION:
            # a 举报 with a named reporter, handled by the first inspector
            data = cases.CaseInput(
                **{
                    **data.__dict__,
                    "complaint_type": ComplaintType.REPORT,
                    "persons": [
                        cases.PartyLink(
                            parties.PersonInput("举报人甲", make_id(777), "13800138000"), PartyRole.REPORTER
                        )
                    ],
                    "claims": [],
                    "assigned_user_id": actors[Role.INSPECTOR].user_id,
                }
            )
        with database.write() as s:
            ids[kind] = cases.register_case(s, actors[Role.SUPERVISOR], data).id
    yield World(database, actors, other, colleagues, ids, tmp)
    database.dispose()


# --------------------------------------------------------------------------- the statement

STATEMENT_PATH = ROOT / "docs" / "permissions.md"
#: The page's own words for the kinds; deliberately not the app's vocabularies.
DOC_KINDS = {"调解": CaseKind.MEDIATION, "仲裁": CaseKind.ARBITRATION, "监察": CaseKind.INSPECTION}


@dataclass(frozen=True)
class Cell:
    kinds: frozenset[CaseKind]  # empty: refused
    own: bool = False  # only on cases assigned to the user


def parse_cell(text: str, where: str) -> Cell:
    words = text.replace(",", " ").replace("，", " ").replace("、", " ").split()
    own = "(own)" in words
    words = [w for w in words if w != "(own)"]
    if words == ["—"] and not own:
        return Cell(frozenset())
    if words == ["✔"]:
        return Cell(frozenset(CaseKind), own)
    unknown = [w for w in words if w not in DOC_KINDS]
    assert words and not unknown, f"{where}: cannot read the cell {text!r}"
    return Cell(frozenset(DOC_KINDS[w] for w in words), own)


def parse_statement(text: str) -> dict[str, dict[Role, Cell]]:
    """The permission table of docs/permissions.md: action -> role -> cell."""
    lines = [ln.strip() for ln in text.splitlines()]
    header_at = next(i for i, ln in enumerate(lines) if ln.startswith("| action |"))
    roles = [Role(c.split()[0]) for c in lines[header_at].strip("|").split("|")[1:]]
    assert sorted(roles) == sorted(Role), f"the table's role columns {roles} are not every role once"
    table: dict[str, dict[Role, Cell]] = {}
    for ln in lines[header_at + 2 :]:
        if not ln.startswith("|"):
            break
        cells = [c.strip() for c in ln.strip("|").split("|")]
        action = cells[0].split("`")[1]
        assert action not in table, f"{action} is listed twice"
        assert len(cells) == 1 + len(roles), f"{action}: {len(cells) - 1} cells for {len(roles)} roles"
        table[action] = {
            r: parse_cell(c, f"{action}/{r.value}") for r, c in zip(roles, cells[1:], strict=True)
        }
    return table


STATEMENT = parse_statement(STATEMENT_PATH.read_text(encoding="utf-8"))


def expected(action: str, role: Role, kind: CaseKind, assigned_user_id: int | None, actor: Actor) -> bool:
    cell = STATEMENT[action][role]
    if kind not in cell.kinds:
        return False
    return not cell.own or (assigned_user_id is not None and assigned_user_id == actor.user_id)


def test_the_statement_reads_and_names_every_action_of_the_code() -> None:
    """A new action must be stated (and reviewed) before anyone may do it."""
    assert set(STATEMENT) == set(permissions.MATRIX)
    assert parse_cell("监察 (own)", "x") == Cell(frozenset({CaseKind.INSPECTION}), own=True)
    assert parse_cell("调解, 仲裁", "x") == Cell(frozenset({CaseKind.MEDIATION, CaseKind.ARBITRATION}))
    with pytest.raises(AssertionError, match="cannot read"):
        parse_cell("仲裁?", "x")
    for action, by_role in STATEMENT.items():
        if action not in permissions.KIND_ACTIONS:
            assert all(
                c.kinds in (frozenset(), frozenset(CaseKind)) and not c.own for c in by_role.values()
            ), f"{action} does not concern a case kind: its cells are ✔ or —"


# --------------------------------------------------------------------------- probes

Probe = Callable[[Session, Actor, CaseKind, World], object]


def _fresh_case(s: Session, k: CaseKind, w: World) -> cases.Case:
    return cases.register_case(s, w.actors[Role.SUPERVISOR], case_input(k, n=500 + next(w.counter)))


def _register(s: Session, a: Actor, k: CaseKind, w: World) -> object:
    return cases.register_case(s, a, case_input(k, n=200 + next(w.counter)))


def _edit(s: Session, a: Actor, k: CaseKind, w: World) -> object:
    cases.add_note(s, a, w.case_ids[k], f"note {next(w.counter)}")
    return cases.update_amounts(
        s, a, w.case_ids[k], expected_version=None, amount_recovered=Decimal(next(w.counter))
    )


def _transition(s: Session, a: Actor, k: CaseKind, w: World) -> object:
    from casemgr.services import workflow

    c = _fresh_case(s, k, w)
    return workflow.apply_transition(s, a, c.id, "accept", {}, expected_version=c.version, on=c.received_on)


def _assign(s: Session, a: Actor, k: CaseKind, w: World) -> object:
    c = _fresh_case(s, k, w)  # not the shared case: its handler decides who sees the reporter
    return cases.assign_case(s, a, c.id, w.colleagues[k].user_id, expected_version=None)


#: The clock of each kind that the law lets a head extend (a running one after acceptance).
EXTENDABLE = {
    CaseKind.MEDIATION: "med.centre.conclude",  # the bureau centre (the default mediation body)
    CaseKind.ARBITRATION: "arb.award",
    CaseKind.INSPECTION: "insp.investigate.gd",
}


def _approve_extension(s: Session, a: Actor, k: CaseKind, w: World) -> object:
    from casemgr.services import workflow

    c = _fresh_case(s, k, w)
    workflow.apply_transition(
        s, w.actors[Role.SUPERVISOR], c.id, "accept", {}, expected_version=None, on=c.received_on
    )
    d = next(d for d in c.deadlines if d.rule_code == EXTENDABLE[k] and d.state == "running")
    # The officer of the kind asks (issue 14: an approver never decides their own request).
    workflow.request_extension(
        s, w.colleagues[k], c.id, d.id, "案情复杂", expected_version=None, on=c.received_on
    )
    return workflow.approve_extension(s, a, c.id, d.id, 1, "案情复杂", None, on=c.received_on)


def _document(s: Session, a: Actor, k: CaseKind, w: World) -> object:
    from casemgr.reports import notices
    from casemgr.services import notices as notice_service

    code = notices.notice_types(k)[0][0]
    return notice_service.generate_notice(s, a, w.case_ids[k], code, today=dt.date(2026, 11, 20))


def _import(s: Session, a: Actor, k: CaseKind, w: World) -> object:
    from casemgr.io.ledger_import import ImportOptions, import_ledger

    n = next(w.counter)
    number = {CaseKind.MEDIATION: "调", CaseKind.ARBITRATION: "仲", CaseKind.INSPECTION: "监"}[k] + f"导入{n}"
    word = {CaseKind.MEDIATION: "调解", CaseKind.ARBITRATION: "仲裁", CaseKind.INSPECTION: "监察"}[k]
    path = w.tmp / f"ledger{n}.csv"
    path.write_text(
        "案号,案件类型,收案日期,用人单位,申请人\n" + f"{number},{word},2026-03-02,探针导入单位{n},探针{n}\n",
        encoding="utf-8",
    )
    result = import_ledger(s, a, path, ImportOptions(kind=k, today=dt.date(2026, 11, 20)))
    assert result.created == 1, result.rejections
    return result


def _export(s: Session, a: Actor, k: CaseKind, w: World) -> object:
    from casemgr.io.ledger_export import ExportFilter, export_cases

    # The export opens its own transactions (it reads in a read transaction and writes only
    # its audit entry: issue 20), so it takes the database; ``s`` stays unused and unbegun.
    return export_cases(w.database, a, w.tmp / f"export{next(w.counter)}.csv", ExportFilter(kind=k))


def _party(s: Session, a: Actor, k: CaseKind, w: World) -> object:
    n = next(w.counter)
    parties.find_or_register_employer(s, a, parties.EmployerInput(f"探针单位{n}"))
    return parties.find_or_register_person(s, a, parties.PersonInput(f"探针{n}", make_id(300 + n % 600)))


def _users(s: Session, a: Actor, k: CaseKind, w: World) -> object:
    return users.create_user(s, a, f"probe{next(w.counter)}", "探针", Role.CLERK, "Probe-pass-2026")


def _audit_view(s: Session, a: Actor, k: CaseKind, w: World) -> object:
    return privacy.browse_audit(s, a, limit=5)


def _view(s: Session, a: Actor, k: CaseKind, w: World) -> object:
    return privacy.party_views(s, a, w.case_ids[k])


def _pd_view(s: Session, a: Actor, k: CaseKind, w: World) -> object:
    return privacy.party_views(s, a, w.case_ids[k], reveal=True)


def _pd_export(s: Session, a: Actor, k: CaseKind, w: World) -> object:
    return privacy.party_views(s, a, w.case_ids[k], reveal=True, purpose="export")


def _reporter(s: Session, a: Actor, k: CaseKind, w: World) -> object:
    return privacy.reporter_identity(s, a, w.case_ids[k])


def _backup(s: Session, a: Actor, k: CaseKind, w: World) -> object:
    return backup.backup_now(w.database, a, w.tmp / f"b{next(w.counter)}.db")


def _settings(s: Session, a: Actor, k: CaseKind, w: World) -> object:
    from casemgr.services import deadline_admin

    return deadline_admin.seed_rules(s, a)


def _month_close(s: Session, a: Actor, k: CaseKind, w: World) -> object:
    from casemgr.services import months

    n = next(w.months)
    return months.close_month(s, a, 2001 + n // 12, 1 + n % 12, today=dt.date(2026, 11, 1))


def _report(s: Session, a: Actor, k: CaseKind, w: World) -> object:
    from casemgr.services import months

    return months.report_data(s, a, 2026, 10, today=dt.date(2026, 11, 1))


def _publish(s: Session, a: Actor, k: CaseKind, w: World) -> object:
    from casemgr.services import publication
    from tests.test_publication import FINAL, awarded_case

    if k is not CaseKind.ARBITRATION:  # no award to publish: the permission is refused first
        return publication.approve(s, a, _fresh_case(s, k, w).id, "", today=dt.date(2026, 11, 23))
    cid = awarded_case(s, w.actors[Role.CLERK], w.actors[Role.SUPERVISOR], 700 + next(w.counter), FINAL)
    sha = publication.preview(s, w.actors[Role.SUPERVISOR], cid, today=dt.date(2026, 11, 23)).sha256
    return publication.approve(s, a, cid, sha, today=dt.date(2026, 11, 23))


def _plan_manage(s: Session, a: Actor, k: CaseKind, w: World) -> object:
    from casemgr.services import draw_pools

    return draw_pools.save_item(s, a, f"抽查事项{next(w.counter)}", "《劳动保障监察条例》第十一条")


def _inspection_record(s: Session, a: Actor, k: CaseKind, w: World) -> object:
    """A fresh one-employer plan drawn by the supervisor, whose team is the two inspectors."""
    from casemgr.models import Employer
    from casemgr.services import draw_pools, draws

    boss, n = w.actors[Role.SUPERVISOR], next(w.counter)
    emp = Employer(name=f"抽查单位{n}", district=f"抽查区{n}")
    s.add(emp)
    s.flush()
    for who in (w.actors[Role.INSPECTOR], w.other_inspector):
        draw_pools.save_inspector(s, boss, who.user_id or 0, f"粤{who.user_id}", True)
    item = draw_pools.save_item(s, boss, f"事项{n}", "《劳动保障监察条例》第十一条")
    d = dt.date(2026, 11, 1)
    pid = draws.create_plan(
        s, boss, draws.PlanInput(f"计划{n}", d, d, (item,), district=f"抽查区{n}", sample_count=1)
    )
    draws.fix_seed(s, boss, pid, f"seed{n}", "测试")
    draws.draw(s, boss, pid, today=d)
    _, rows = draws.plan_detail(s, boss, pid)
    return draws.record_result(
        s, a, rows[0].id, inspected_on=d, result="no_problem", today=dt.date(2026, 11, 23)
    )


def _grading_view(s: Session, a: Actor, k: CaseKind, w: World) -> object:
    from casemgr.queries import grading as gq

    return gq.count_grades(s, a, gq.GradeFilter(2025))


def _grading_propose(s: Session, a: Actor, k: CaseKind, w: World) -> object:
    from casemgr.services import grading

    case = s.get(cases.Case, w.case_ids[k])
    assert case is not None and case.employer_id is not None
    note = "无理阻挠监察，现场笔录"
    return grading.record_fact(s, a, case.employer_id, "obstruction", dt.date(2025, 6, 1), note, today=TODAY)


def _grading_confirm(s: Session, a: Actor, k: CaseKind, w: World) -> object:
    from casemgr.models import EmployerGrade
    from casemgr.services import grading

    case = s.get(cases.Case, w.case_ids[k])
    assert case is not None and case.employer_id is not None
    g = EmployerGrade(employer_id=case.employer_id, year=1900 + next(w.counter), proposed="A", grade="A")
    s.add(g)
    s.flush()
    return grading.confirm(s, a, g.id)


def _risk_refresh(s: Session, a: Actor, k: CaseKind, w: World) -> object:
    from casemgr.services import risk

    return risk.refresh(s, a, today=dt.date(2026, 11, 23))


def _project(s: Session, a: Actor, k: CaseKind, w: World) -> object:
    from casemgr.services import projects

    data = projects.ProjectInput(name=f"探针工程{next(w.counter)}", start_on=dt.date(2026, 5, 1))
    return projects.save_project(s, a, data, today=dt.date(2026, 11, 20))


PROBES: dict[str, Probe] = {
    "case.view": _view,
    "case.register": _register,
    "case.edit": _edit,
    "case.transition": _transition,
    "case.assign": _assign,
    "deadline.approve_extension": _approve_extension,
    "party.register": _party,
    "document.generate": _document,
    "data.import": _import,
    "data.export": _export,
    "users.manage": _users,
    "audit.view": _audit_view,
    "personal_data.view": _pd_view,
    "personal_data.export": _pd_export,
    "reporter.view": _reporter,
    "backup.run": _backup,
    "settings.edit": _settings,
    "month.close": _month_close,
    "report.generate": _report,
    "award.publish": _publish,
    "inspection_plan.manage": _plan_manage,
    "inspection.record": _inspection_record,
    "grading.view": _grading_view,
    "grading.propose": _grading_propose,
    "grading.confirm": _grading_confirm,
    "risk.refresh": _risk_refresh,
    "project.edit": _project,
}

#: Stated actions no service guards yet, so only the table (what the UI shows) is checked.
UNPROBED: dict[str, str] = {}


def test_every_action_is_probed_or_listed() -> None:
    assert set(PROBES) | set(UNPROBED) == set(STATEMENT)
    assert not set(PROBES) & set(UNPROBED)


def _audit_count(database: db.Database) -> int:
    with database.read() as s:
        return int(s.execute(select(func.count()).select_from(AuditEntry)).scalar_one())


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
@pytest.mark.parametrize("action", sorted(PROBES))
def test_the_service_does_what_the_statement_says(world: World, action: str, role: Role) -> None:
    actor = world.actors[role]
    kinds = list(CaseKind) if action in permissions.KIND_ACTIONS else [CaseKind.INSPECTION]
    for kind in kinds:
        result: object = None
        with world.database.read() as s:
            case = s.get(cases.Case, world.case_ids[kind])
            assert case is not None
            want = expected(action, role, kind, case.assigned_user_id, actor)
        before = _audit_count(world.database)
        try:
            with world.database.write() as s:
                result = PROBES[action](s, actor, kind, world)
            got = True
        except PermissionDenied:
            got = False
            assert _audit_count(world.database) == before, "a refused call wrote"
        assert got == want, (
            f"{role.value} {action} {kind.value}: the service says {got}, the statement {want}"
        )
        nothing_shown = isinstance(result, list) and all(getattr(v, "masked", False) for v in result)
        # reads that show no person unmasked leave no entry: lists, the audit view, the report
        if (
            got
            and action not in ("case.view", "audit.view", "report.generate", "grading.view")
            and not nothing_shown
        ):
            assert _audit_count(world.database) > before, f"{action} by {role.value} left no audit entry"


@pytest.mark.parametrize("action", sorted(permissions.MATRIX))
def test_the_table_the_ui_asks_says_what_the_statement_says(action: str) -> None:
    for role in Role:
        cell = STATEMENT[action][role]
        actor = Actor(user_id=7, username="u", role=role)
        if action not in permissions.KIND_ACTIONS:
            assert permissions.allowed(actor, action) == bool(cell.kinds), (action, role)
            continue
        for kind in CaseKind:
            mine = cases.Case(kind=kind.value, assigned_user_id=7)
            theirs = cases.Case(kind=kind.value, assigned_user_id=8)
            where = (action, role.value, kind.value)
            assert permissions.allowed(actor, action, kind) == (kind in cell.kinds), where
            assert permissions.allowed_case(actor, action, mine) == (kind in cell.kinds), where
            assert permissions.allowed_case(actor, action, theirs) == (kind in cell.kinds and not cell.own), (
                where
            )


@pytest.mark.parametrize("action", sorted(PROBES))
def test_a_role_the_statement_does_not_know_is_refused_by_every_service(world: World, action: str) -> None:
    """A forged or outdated session (a role not in the statement) may do nothing at all: each
    service asks, even where every role of the statement is allowed (data.export, case.view)."""
    ghost = Actor(user_id=world.actors[Role.SUPERVISOR].user_id, username="ghost", role="janitor")  # type: ignore[arg-type]
    before = _audit_count(world.database)
    with pytest.raises(PermissionDenied), world.database.write() as s:
        PROBES[action](s, ghost, CaseKind.INSPECTION, world)
    assert _audit_count(world.database) == before


def test_reporter_identity_is_for_the_handling_inspector_only(world: World) -> None:
    cid = world.case_ids[CaseKind.INSPECTION]
    with world.database.write() as s:
        shown = privacy.reporter_identity(s, world.actors[Role.INSPECTOR], cid)
        assert [v.name for v in shown] == ["举报人甲"] and shown[0].id_number == make_id(777)
    with world.database.write() as s, pytest.raises(PermissionDenied) as err:
        privacy.reporter_identity(s, world.other_inspector, cid)
    assert "handling this case" in err.value.en


def test_unknown_role_or_action_is_refused() -> None:
    ghost = Actor(user_id=99, username="ghost", role="janitor")  # type: ignore[arg-type]
    assert not permissions.allowed(ghost, "case.view", CaseKind.ARBITRATION)
    clerk = Actor(user_id=1, username="c", role=Role.CLERK)
    assert not permissions.allowed(clerk, "case.delete_everything")
    assert not permissions.allowed(clerk, "case.edit", "nonsense-kind")
    with pytest.raises(PermissionDenied):
        permissions.require(clerk, "case.edit", CaseKind.INSPECTION)
