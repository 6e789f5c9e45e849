"""Importing a project ledger (issue 17): a hand-made workbook with good and bad rows; a bad
row refuses the file and names its row, column and reason in Chinese; nothing is half-stored;
importing again updates by 项目编号 (or name) instead of adding."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from casemgr import db
from casemgr.actor import Actor
from casemgr.enums import Role
from casemgr.errors import PermissionDenied
from casemgr.io import project_import as pi
from casemgr.io.readers import LedgerFileError
from casemgr.models import AuditEntry, Employer, Project
from casemgr.queries import projects as pq
from casemgr.services import project_warning as pw
from tests.helpers import TODAY, make_uscc

ROOT = Path(__file__).resolve().parent.parent
HEADER = ["项目编号", "项目名称*", "所属区县", "施工总承包单位", "总包统一社会信用代码", "分包单位",
          "开工日期", "项目状态", "工资保证金金额（元）", "保证金存储银行", "保证金存储日期",
          "专用账户开户日期", "实名制落实日期", "告示牌设立日期", "最近代发日期", "联系人"]  # fmt: skip
GC = make_uscc(501)
SUB = make_uscc(502)
GOOD = [
    # every element in place, 代发 13 days before TODAY (2026-11-23): no warning
    ["P-001", "城区一号安置房", "城区", "甲建筑公司", GC, f"乙劳务公司（{SUB}）；丙安装公司",
     dt.datetime(2026, 9, 1), "在建", 300000, "汕尾农商银行", "2026-09-10",
     "2026/9/5", "2026年9月1日", dt.date(2026, 9, 2), "2026-11-10", "张三"],
    # no number; deposit and account missing since 2026-08-01: 114 - 30 = 84 days late -> red
    [None, "海丰县二号厂房", "海丰县", "甲建筑公司", GC, None, "2026-08-01", None, None, None, None,
     None, "2026-08-01", "2026-08-01", "2026-11-01", None],
]  # fmt: skip


def workbook(path: Path, rows: list[list[object]], title: bool = True) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    if title:  # ledgers carry a merged title row above the header
        ws.append(["2026年工程建设项目台账"])
    ws.append(HEADER)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def count(database: db.Database, model: type) -> int:
    with database.read() as s:
        return int(s.execute(select(func.count()).select_from(model)).scalar_one())


def test_good_rows_are_imported_with_their_units_and_colours(
    database: db.Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    path = workbook(tmp_path / "ledger.xlsx", GOOD)
    with database.write() as s:
        preview = pi.import_projects(s, actors[Role.INSPECTOR], path, dry_run=True, today=TODAY)
    assert preview.rows == 2 and not preview.rejections and len(preview.planned) == 2
    assert [p.project_id for p in preview.planned] == [None, None]
    assert preview.notes == ["以下列不导入：联系人"]
    assert count(database, Project) == 0  # the preview wrote nothing
    with database.write() as s:
        result = pi.import_projects(s, actors[Role.INSPECTOR], path, today=TODAY)
    assert (result.created, result.updated, result.committed) == (2, 0, True)
    with database.read() as s:
        rows = {r.name: r for r in pq.ProjectQuery(today=TODAY).page(s, 0, 10)}
        assert rows["城区一号安置房"].level == pw.NONE and rows["海丰县二号厂房"].level == pw.RED
        d = pq.project_detail(s, actors[Role.AUDITOR], rows["城区一号安置房"].id, TODAY)
        assert d.general_contractor is not None and d.general_contractor.uscc == GC
        assert [(u.name, u.uscc) for u in d.subcontractors] == [("乙劳务公司", SUB), ("丙安装公司", None)]
        assert d.deposit_amount == Decimal("300000.00") and d.account_opened_on == dt.date(2026, 9, 5)
        assert d.roster_on == dt.date(2026, 9, 1) and d.start_on == dt.date(2026, 9, 1)
        # the 总包 of both projects is one employer row, found by its credit code
        assert (
            s.execute(select(func.count()).select_from(Employer).where(Employer.uscc == GC)).scalar_one() == 1
        )
        assert (
            s.execute(
                select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "project.create")
            ).scalar_one()
            == 2
        )


def test_reimport_updates_by_number_or_name(
    database: db.Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    with database.write() as s:
        pi.import_projects(s, actors[Role.INSPECTOR], workbook(tmp_path / "a.xlsx", GOOD), today=TODAY)
    again = [list(r) for r in GOOD]
    again[1][9], again[1][10], again[1][11] = (
        "某银行",
        "2026-11-20",
        "2026-11-20",
    )  # deposit and account now done
    again[0][1] = "城区一号安置房（一期）"  # renamed: the number still finds it
    with database.write() as s:
        result = pi.import_projects(
            s, actors[Role.SUPERVISOR], workbook(tmp_path / "b.xlsx", again), today=TODAY
        )
    assert (result.created, result.updated) == (0, 2)
    assert count(database, Project) == 2
    with database.read() as s:
        rows = {r.name: r for r in pq.ProjectQuery(today=TODAY).page(s, 0, 10)}
        assert set(rows) == {"城区一号安置房（一期）", "海丰县二号厂房"}
        assert rows["海丰县二号厂房"].level == pw.NONE


BAD = [
    (["P-009", "", "城区", "甲建筑公司", GC], "项目名称", "项目名称：不能为空"),
    (["P-010", "某项目", "火星区"], "所属区县", "火星区"),
    (["P-011", "某项目", "城区", "甲建筑公司", GC, None, "2026-13-01"], "开工日期", "不是存在的日期"),
    (["P-012", "某项目", "城区", "甲建筑公司", GC, None, "2026-08-01", "拆除"], "项目状态", "不是项目状态"),
    (["P-013", "某项目", "城区", "甲建筑公司", GC, None, "2026-08-01", None, "-5"], "工资保证金金额", "不是有效金额"),
    (["P-014", "某项目", "城区", "甲建筑公司", GC, None, "2026-08-01", None, 1000], "保证金存储日期", "存储日期"),
    (["P-015", "某项目", "城区", "甲建筑公司", GC, None, "2026-08-01", None, None, None, None, "是"],
     "专用账户开户日期", "不能只写“是”"),
    (["P-016", "某项目", "城区", "甲建筑公司", "91441500000000000X"], "施工总承包单位", "统一社会信用代码"),
    (["P-017", "某项目", "城区", None, None, "乙劳务公司"], "施工总承包单位", "有分包单位时必须填写"),
    (["P-018", "某项目", "城区", "甲建筑公司", GC, None, "2026-08-01", None, None, None, None, None, None,
      "2026-12-25"], "告示牌设立日期", "不能晚于今天"),
    (["P-001", "重复编号的项目", "城区"], "项目编号", "与第 3 行重复"),
]  # fmt: skip


@pytest.mark.parametrize(("row", "column", "words"), BAD, ids=[b[0][0] for b in BAD])
def test_a_bad_row_refuses_the_file_and_says_where(
    database: db.Database,
    actors: dict[Role, Actor],
    tmp_path: Path,
    row: list[object],
    column: str,
    words: str,
) -> None:
    path = workbook(tmp_path / "bad.xlsx", [*GOOD, row])
    with database.write() as s:
        result = pi.import_projects(s, actors[Role.INSPECTOR], path, today=TODAY)
    assert result.refused and not result.committed and result.created == 0
    [rej] = result.rejections
    # the title row is 1, the header 2, the good rows 3 and 4: the bad one is row 5
    assert (rej.row, rej.column) == (5, column) and words in rej.reason, rej
    assert count(database, Project) == 0 and count(database, Employer) == 0


def test_a_row_failing_while_written_rolls_back_every_row(
    database: db.Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    """Two rows pass their checks, the second fails while being written (made to, here: a
    clash between check and write, such as a colleague saving the same number meanwhile):
    the caller's transaction rolls back the first row too."""
    path = workbook(tmp_path / "ok.xlsx", GOOD)
    from casemgr.services import projects

    real = projects.save_project
    calls = {"n": 0}

    def failing(*a: object, **k: object) -> object:
        calls["n"] += 1
        if calls["n"] == 2:
            raise projects.refuse("code", "已被另一个项目使用", "is taken")
        return real(*a, **k)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(projects, "save_project", failing)
        with pytest.raises(pi.ProjectImportRefused, match="第 4 行无法保存"), database.write() as s:
            pi.import_projects(s, actors[Role.INSPECTOR], path, today=TODAY)
    assert count(database, Project) == 0 and count(database, Employer) == 0


def test_file_problems_and_permission(
    database: db.Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["案号", "收案日期"])
    wb.save(tmp_path / "cases.xlsx")
    with pytest.raises(LedgerFileError, match="项目名称"), database.write() as s:
        pi.import_projects(s, actors[Role.INSPECTOR], tmp_path / "cases.xlsx", today=TODAY)
    with pytest.raises(PermissionDenied), database.write() as s:
        pi.import_projects(s, actors[Role.CLERK], workbook(tmp_path / "x.xlsx", GOOD), today=TODAY)
    assert count(database, Project) == 0


def test_the_shipped_template_is_the_generated_one_and_its_example_imports(
    database: db.Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    shipped = ROOT / "resources" / "templates" / "工程建设项目台账模板.xlsx"
    fresh = pi.write_template(tmp_path / "t.xlsx")
    read = [openpyxl.load_workbook(p, read_only=True).worksheets[0] for p in (shipped, fresh)]
    assert [[c.value for c in r] for r in read[0].iter_rows()] == [
        [c.value for c in r] for r in read[1].iter_rows()
    ]
    with database.write() as s:
        result = pi.import_projects(s, actors[Role.INSPECTOR], shipped, today=TODAY)
    assert result.created == 1 and not result.rejections
