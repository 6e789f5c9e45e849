"""双随机一公开 (issue 17): the draw on a hand-made pool, recusal, re-run and tampering.

The expected draws are worked out from SHA-256 by hand below and recomputed in
:func:`independent_draw` from ``hashlib`` alone — never from casemgr.services.draw_algo.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3

import pytest
from sqlalchemy import select

from casemgr import db
from casemgr.actor import Actor
from casemgr.enums import Role
from casemgr.errors import PermissionDenied, ValidationError, WorkflowError
from casemgr.models import Employer, PlanInspection
from casemgr.services import draw_algo, draw_pools, draws
from tests.conftest import make_user, sqlite_only
from tests.helpers import TODAY

SEED = "2026-12-01 社会福利彩票 3D 第2026321期 518"

#: reads the plans and their teams (``draws.require_view``) without taking part in them
draws_viewer = Actor(None, "审计", Role.AUDITOR)


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def independent_draw(
    seed: str, employers: list[int], inspectors: list[int], barred: set[tuple[int, int]], n: int, k: int
) -> list[tuple[int, list[int]]]:
    """docs/prevention.md §3 written again from the text, for the tests."""
    chosen = sorted(employers, key=lambda e: sha(f"{seed}|E|{e}"))[:n]
    load = dict.fromkeys(inspectors, 0)
    out = []
    for e in chosen:
        ok = sorted(
            (u for u in inspectors if (u, e) not in barred), key=lambda u: (load[u], sha(f"{seed}|I|{e}|{u}"))
        )
        team = ok[:k]
        for u in team:
            load[u] += 1
        out.append((e, team))
    return out


def test_the_hand_worked_draw() -> None:
    # Employers 1..5, SHA-256(SEED|E|id) begins: 1 8e36b3, 2 6f20d1, 3 5d82a6, 4 f7f420, 5 dc8e8d
    # -> ranked 3, 2, 1, 5, 4; n = 3 draws 3, 2, 1.
    # Inspectors 11..14, team of 2, inspector 14 recused from employer 3.
    #   e3: 11, 12, 13 eligible; SHA(SEED|I|3|u): 11 990793, 12 4a8976, 13 cc57fc -> [12, 11]
    #   e2: loads 11:1 12:1 13:0 14:0; among load 0: 13 c7cf24, 14 1bbb75        -> [14, 13]
    #   e1: every load 1; 11 4e6a48, 12 c2a8bd, 13 4b8565, 14 fea753              -> [13, 11]
    inp = draw_algo.DrawInputs(SEED, (1, 2, 3, 4, 5), (11, 12, 13, 14), ("14:3",), n=3, team_size=2)
    assert draw_algo.run(inp) == [(3, [12, 11]), (2, [14, 13]), (1, [13, 11])]
    # without the conflict employer 3 would get 14 (SHA 17b3bc, the smallest) and 12
    free = draw_algo.DrawInputs(SEED, (1, 2, 3, 4, 5), (11, 12, 13, 14), (), n=3, team_size=2)
    assert draw_algo.run(free)[0] == (3, [14, 12])
    assert draw_algo.fingerprint((1, 2, 3, 4, 5)) == sha("1,2,3,4,5")


def test_share_is_rounded_up_and_capped() -> None:
    assert draw_algo.sample_size(41, None, 5) == 3  # 2.05 -> 3
    assert draw_algo.sample_size(4, 10, None) == 4
    assert draw_algo.sample_size(0, None, 50) == 0


def test_too_few_inspectors_without_conflict_is_refused() -> None:
    inp = draw_algo.DrawInputs("seed", (1,), (11, 12), ("12:1",), n=1, team_size=2)
    with pytest.raises(draw_algo.DrawImpossible):
        draw_algo.run(inp)


# --------------------------------------------------------------------------- with a database


def _world(database: db.Database) -> tuple[Actor, list[Actor], list[int]]:
    boss = make_user(database, Role.SUPERVISOR, "boss")
    team = [make_user(database, Role.INSPECTOR, f"insp{i}") for i in range(4)]
    no_cert = make_user(database, Role.INSPECTOR, "nocert")
    with database.write() as s:
        emps = [Employer(name=f"单位{c}", district="城区" if i < 5 else "海丰县", industry="建筑业")
                for i, c in enumerate("甲乙丙丁戊己庚")]  # fmt: skip
        s.add_all(emps)
        s.flush()
        ids = [e.id for e in emps]
        for a in team:
            draw_pools.save_inspector(s, boss, a.user_id, f"粤执{a.user_id:05d}", True)
        draw_pools.save_inspector(s, boss, no_cert.user_id, "", True)  # no 执法证: not in the pool
        draw_pools.save_item(s, boss, "工资支付情况", "《劳动保障监察条例》第十一条第（六）项")
    return boss, team, ids


def _plan(database: db.Database, boss: Actor, **kw: object) -> int:
    data = {"name": "2026年第四季度工资支付专项抽查", "period_start": dt.date(2026, 12, 1),
            "period_end": dt.date(2026, 12, 31), "item_ids": (1,), "district": "城区", "sample_count": 3}  # fmt: skip
    data.update(kw)
    with database.write() as s:
        pid = draws.create_plan(s, boss, draws.PlanInput(**data))  # type: ignore[arg-type]
        draws.fix_seed(s, boss, pid, SEED, "2026-12-01 公开摇号现场宣读")
    return pid


def test_draw_records_its_inputs_and_reruns_the_same(database: db.Database) -> None:
    boss, team, ids = _world(database)
    u = [a.user_id for a in team]
    city = ids[:5]  # the 城区 employers; 单位己, 单位庚 are 海丰县
    with database.write() as s:
        draw_pools.exclude_employer(s, boss, city[4], "已注销")
        draw_pools.declare_conflict(s, boss, u[0], city[0], "近亲属任该单位负责人")
    pid = _plan(database, boss)
    with database.write() as s:
        got = draws.draw(s, boss, pid, today=TODAY)
    pool = city[:4]
    want = independent_draw(SEED, pool, u, {(u[0], city[0])}, 3, 2)
    assert got == want
    assert all(u[0] not in t for e, t in got if e == city[0])
    with database.read() as s:
        rec = draws.draw_record(s, pid)
        assert rec is not None
        assert rec["employer_pool"] == pool and rec["employer_pool_sha256"] == sha(",".join(map(str, pool)))
        assert rec["inspector_pool"] == u  # the inspector without a 执法证 is not in it
        assert rec["conflicts"] == [f"{u[0]}:{city[0]}"] and rec["algorithm"] == "sha256-rank-v1"
        check = draws.verify(s, boss, pid)
        assert check.ok, check.problems
        assert check.rerun == want == check.recorded
        rows = s.scalars(
            select(PlanInspection).where(PlanInspection.plan_id == pid).order_by(PlanInspection.rank)
        ).all()
        assert [r.employer_id for r in rows] == [e for e, _ in want]


def test_a_drawn_plan_is_not_drawn_again_and_a_seed_is_fixed_once(database: db.Database) -> None:
    boss, _, _ = _world(database)
    pid = _plan(database, boss)
    with database.write() as s:
        draws.draw(s, boss, pid, today=TODAY)
    with pytest.raises(WorkflowError), database.write() as s:
        draws.draw(s, boss, pid, today=TODAY)
    with pytest.raises(WorkflowError), database.write() as s:
        draws.fix_seed(s, boss, pid, "another seed", "重新摇号")


def test_plan_rules(database: db.Database) -> None:
    boss, team, _ = _world(database)
    with pytest.raises(ValidationError, match="2 inspectors"), database.write() as s:
        draws.create_plan(s, boss, draws.PlanInput("x", TODAY, TODAY, (1,), sample_count=1, team_size=1))
    with pytest.raises(ValidationError), database.write() as s:
        draws.create_plan(s, boss, draws.PlanInput("x", TODAY, TODAY, (1,), sample_count=1, sample_percent=5))
    with pytest.raises(PermissionDenied), database.write() as s:
        draws.create_plan(s, team[0], draws.PlanInput("x", TODAY, TODAY, (1,), sample_count=1))
    # a share of the pool: 5 城区 employers at 50 % -> 3
    pid = _plan(database, boss, sample_count=None, sample_percent=50)
    with database.write() as s:
        assert len(draws.draw(s, boss, pid, today=TODAY)) == 3


def test_results_by_the_drawn_team_only(database: db.Database) -> None:
    boss, team, _ = _world(database)
    pid = _plan(database, boss, sample_count=1, period_start=dt.date(2026, 11, 1))
    with database.write() as s:
        ((_, members),) = draws.draw(s, boss, pid, today=TODAY)
        row = s.scalars(select(PlanInspection).where(PlanInspection.plan_id == pid)).one()
        iid = row.id
    outsider = next(a for a in team if a.user_id not in members)
    member = next(a for a in team if a.user_id in members)
    with pytest.raises(PermissionDenied), database.write() as s:
        draws.record_result(s, outsider, iid, inspected_on=TODAY, result="no_problem", today=TODAY)
    with pytest.raises(ValidationError), database.write() as s:
        draws.record_result(
            s, member, iid, inspected_on=TODAY + dt.timedelta(days=1), result="no_problem", today=TODAY
        )
    with database.write() as s:
        draws.record_result(
            s, member, iid, inspected_on=TODAY, result="corrected", note="补发工资", today=TODAY
        )
    with database.read() as s:
        _, rows = draws.plan_detail(s, draws_viewer, pid)
        assert rows[0].result == "corrected" and rows[0].inspected_on == TODAY


def test_tampered_record_is_detected_without_the_database() -> None:
    inp = draw_algo.DrawInputs(SEED, (1, 2, 3, 4, 5), (11, 12, 13, 14), ("14:3",), n=3, team_size=2)
    rec = draw_algo.record_of(inp, draw_algo.run(inp))
    assert draws.verify_record(json.loads(json.dumps(rec)))[1] == []
    dropped = {**rec, "employer_pool": [1, 2, 4, 5]}  # employer 3 quietly removed from the pool
    assert any("employer_pool" in en for _, en in draws.verify_record(dropped)[1])
    rehashed = {**dropped, "employer_pool_sha256": sha("1,2,4,5")}  # and its SHA-256 recomputed
    assert any("another result" in en for _, en in draws.verify_record(rehashed)[1])
    no_recusal = {**rec, "conflicts": [], "conflicts_sha256": sha("")}
    assert draws.verify_record(no_recusal)[1]


def test_rows_changed_behind_the_app_are_named(database: db.Database) -> None:
    boss, _, _ = _world(database)
    pid = _plan(database, boss)
    with database.write() as s:
        draws.draw(s, boss, pid, today=TODAY)
        first = s.scalars(
            select(PlanInspection).where(PlanInspection.plan_id == pid, PlanInspection.rank == 1)
        ).one()
        swap = s.scalars(select(Employer.id).where(Employer.id.not_in(
            select(PlanInspection.employer_id).where(PlanInspection.plan_id == pid)))).first()  # fmt: skip
        first.employer_id = swap
    with database.read() as s:
        check = draws.verify(s, boss, pid)
    assert not check.ok and any("differ from the draw" in en for _, en in check.problems)
    with database.write() as s:  # the plan's readable copy of the record, edited
        plan, _ = draws.plan_detail(s, draws_viewer, pid)
        plan.draw_record = (plan.draw_record or "").replace('"n":3', '"n":2')
    with database.read() as s:
        check = draws.verify(s, boss, pid)
    assert any("plan's copy" in en for _, en in check.problems)


@sqlite_only
def test_an_edited_audit_entry_is_detected(db_path: object, database: db.Database) -> None:
    boss, _, _ = _world(database)
    pid = _plan(database, boss)
    with database.write() as s:
        draws.draw(s, boss, pid, today=TODAY)
        entry_id = draws.plan_detail(s, draws_viewer, pid)[0].draw_audit_id
    # someone with a copy of the file drops the append-only trigger and rewrites the record
    con = sqlite3.connect(str(db_path))
    con.execute("DROP TRIGGER audit_entries_no_update")
    rec = json.loads(con.execute("SELECT after FROM audit_entries WHERE id=?", (entry_id,)).fetchone()[0])
    rec["seed"] = "chosen afterwards"
    con.execute(
        "UPDATE audit_entries SET after=? WHERE id=?", (json.dumps(rec, ensure_ascii=False), entry_id)
    )
    con.commit()
    con.close()
    with database.read() as s:
        check = draws.verify(s, boss, pid)
    en = [e for _, e in check.problems]
    assert "The draw's audit entry was altered." in en
    assert "The seed was not recorded before the draw." in en


def test_publication_has_results_and_no_notes(database: db.Database, tmp_path: object) -> None:
    from openpyxl import load_workbook

    from casemgr.reports import draw_publication as pub
    from casemgr.services import draw_export

    boss, _, _ = _world(database)
    pid = _plan(database, boss, sample_count=2, period_start=dt.date(2026, 11, 1))
    with database.write() as s:
        draws.draw(s, boss, pid, today=TODAY)
        _, rows = draws.plan_detail(s, draws_viewer, pid)
        draws.record_result(s, boss, rows[0].id, inspected_on=TODAY, result="corrected",
                            note="工人张三反映拖欠工资", today=TODAY)  # fmt: skip
    with database.read() as s:
        data = draw_export.publication(s, boss, pid, today=TODAY)
    assert [r.result for r in data.rows] == ["corrected", "pending"]
    assert data.pool_size == 5 and len(data.employer_pool) == 5 and data.seed == SEED
    path = tmp_path / "p.xlsx"  # type: ignore[operator]
    pub.build_xlsx(data, path)
    wb = load_workbook(path)
    text = " ".join(str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value)
    assert rows[0].employer in text and "发现问题，已责令改正" in text and SEED in text
    assert "张三" not in text  # an inspection's free-text note is never published
    pdf = pub.pdf_bytes(data)
    assert pdf.startswith(b"%PDF") and b"\xe5\xbc\xa0\xe4\xb8\x89" not in pdf


def test_cli_verify_and_offline_rerun(database: db.Database, db_path: object, tmp_path: object,
                                      monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    from casemgr import cli
    from tests.helpers import CLI_PASSWORD, give_password

    boss, _, _ = _world(database)
    pid = _plan(database, boss)
    with database.write() as s:
        want = draws.draw(s, boss, pid, today=TODAY)
    give_password(database, "boss")
    monkeypatch.setenv("CASEMGR_PASSWORD", CLI_PASSWORD)
    out = tmp_path / "draw.json"  # type: ignore[operator]
    assert (
        cli.main(
            ["--db", str(db_path), "draw", "verify", str(pid), "--user", "boss", "--record-out", str(out)]
        )
        == 0
    )
    capsys.readouterr()
    assert cli.main(["draw", "rerun", str(out)]) == 0
    printed = capsys.readouterr().out
    assert [int(line.split("\t")[1].split()[1]) for line in printed.splitlines()[2:]] == [e for e, _ in want]
    rec = json.loads(out.read_text(encoding="utf-8"))
    rec["seed"] = "x" + rec["seed"]
    out.write_text(json.dumps(rec), encoding="utf-8")
    assert cli.main(["draw", "rerun", str(out)]) == 2


def test_a_malformed_result_in_a_record_is_a_problem_not_a_crash() -> None:
    inp = draw_algo.DrawInputs(SEED, (1, 2, 3, 4, 5), (11, 12, 13, 14), ("14:3",), n=3, team_size=2)
    rec = draw_algo.record_of(inp, draw_algo.run(inp))
    for bad in (5, [[1]], [["x", [1]]]):
        rerun, problems = draws.verify_record({**json.loads(json.dumps(rec)), "result": bad})
        assert rerun == [] and problems, bad


def test_recusal_grounds_are_for_the_supervisors_who_keep_them(database: db.Database) -> None:
    sup, insp = make_user(database, Role.SUPERVISOR), make_user(database, Role.INSPECTOR)
    with database.read() as s:
        assert draw_pools.list_recusals(s, sup) == []
        with pytest.raises(PermissionDenied):
            draw_pools.list_recusals(s, insp)


def test_plans_are_read_by_those_who_draw_record_or_verify_them(database: db.Database) -> None:
    clerk, insp = make_user(database, Role.CLERK), make_user(database, Role.INSPECTOR)
    with database.read() as s:
        assert draws.list_plans(s, insp) == [] and draws.list_plans(s, draws_viewer) == []
        with pytest.raises(PermissionDenied):
            draws.list_plans(s, clerk)
