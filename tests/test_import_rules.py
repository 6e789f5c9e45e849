"""Every rule that rejects a ledger row, one row per rule, each rejected by that rule alone.

Each case starts from a row the importer accepts and changes one or two cells so that
exactly one rule objects. The test then asserts the whole rejection — row, column and the
Chinese reason the clerk reads — both in the result and in the rejection workbook, and that
the accepted control row beside it is not touched. Deleting any one rule from
``casemgr.io.ledger_import`` therefore fails its case here (``scripts/mutate.py`` does exactly
that, rule by rule; see docs/reliability.md). Reasons are written out literally: they are
what the clerk sees, so a change of wording is a change to review.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
import pytest

from casemgr import db
from casemgr.actor import Actor
from casemgr.enums import CaseKind, Role
from casemgr.io.ledger_import import ImportOptions, ImportResult, import_ledger
from casemgr.io.ledger_rows import Rejection
from casemgr.services import cases
from tests.helpers import TODAY, case_input, make_id, make_uscc

HEADER = (
    "案号",
    "案件类型",
    "收案日期",
    "受理日期",
    "结案日期",
    "结案方式",
    "是否农民工",
    "涉及人数",
    "申请金额",
    "追回金额",
    "用人单位",
    "统一社会信用代码",
    "所属区县",
    "申请人",
    "身份证号",
)

#: Accepted rows, one per kind, that each rule case changes. Closed cases, so that every
#: date rule has a date to object to.
BASE: dict[str, dict[str, object]] = {
    "arbitration": {
        "案号": "汕劳人仲案字〔2026〕第0101号",
        "案件类型": "仲裁",
        "收案日期": "2026-03-02",
        "受理日期": "2026-03-04",
        "结案日期": "2026-04-10",
        "结案方式": "裁决",
        "是否农民工": "是",
        "涉及人数": "1",
        "申请金额": "8000.50",
        "追回金额": "8000.50",
        "用人单位": "汕尾规则甲公司",
        "统一社会信用代码": make_uscc(101),
        "所属区县": "城区",
        "申请人": "张规则",
        "身份证号": make_id(101),
    },
    "inspection": {
        "案号": "汕人社监字〔2026〕第0102号",
        "案件类型": "监察",
        "收案日期": "2026-03-05",
        "受理日期": "2026-03-06",
        "结案日期": "2026-04-01",
        "结案方式": "责令改正",
        "是否农民工": "是",
        "涉及人数": "3",
        "申请金额": "3000",
        "追回金额": "3000",
        "用人单位": "汕尾规则乙公司",
        "统一社会信用代码": make_uscc(102),
        "所属区县": "海丰县",
        "申请人": "李规则",
        "身份证号": make_id(102),
    },
    "mediation": {
        "案号": "汕劳人调字〔2026〕第0103号",
        "案件类型": "调解",
        "收案日期": "2026-05-06",
        "受理日期": "2026-05-07",
        "结案日期": "2026-05-20",
        "结案方式": "调解成功",
        "是否农民工": "否",
        "涉及人数": "1",
        "申请金额": "5000",
        "追回金额": "5000",
        "用人单位": "",
        "统一社会信用代码": "",
        "所属区县": "陆丰市",
        "申请人": "王规则",
        "身份证号": make_id(103),
    },
}

#: The control row of every ledger: accepted, and on the edges the date rules must allow
#: (received today; the earliest year allowed).
CONTROL = {
    **BASE["arbitration"],
    "案号": "汕劳人仲案字〔2026〕第0100号",
    "收案日期": TODAY.isoformat(),
    "受理日期": "",
    "结案日期": "",
    "结案方式": "",
    "追回金额": "",
    "用人单位": "汕尾规则丙公司",
    "统一社会信用代码": make_uscc(100),
    "申请人": "赵规则",
    "身份证号": make_id(100),
}
CONTROL_1950 = {**CONTROL, "案号": "汕劳人仲案字〔1950〕第0001号", "收案日期": "1950-01-01"}

DISTRICTS = "城区、海丰县、陆丰市、陆河县、红海湾经济开发区、华侨管理区、汕尾高新区"
MASKED_ID = make_id(104)[:6] + "********" + make_id(104)[14:]
BAD_ID = make_id(105)[:-1] + ("0" if make_id(105)[-1] != "0" else "1")
BAD_USCC = make_uscc(105)[:-1] + ("0" if make_uscc(105)[-1] != "0" else "1")


@dataclass(frozen=True)
class Rule:
    base: str  # key of BASE
    change: dict[str, object]  # column title -> new cell value
    column: str  # the column the rejection names
    reason: str  # the exact reason in the report
    drop: tuple[str, ...] = ()  # columns the file does not have
    kind: CaseKind | None = None  # ImportOptions.kind
    value: str | None = None  # the echoed value, when it is not the changed cell as written
    extra: dict[str, object] = field(default_factory=dict)


RULES: dict[str, Rule] = {
    # --- cell readers (ledger_import.get): a formula, a cell no parser can read
    "formula": Rule("arbitration", {"申请金额": "=SUM(1000,2000)"}, "申请金额",
                    "单元格是公式，请在Excel中复制后“选择性粘贴→数值”再导入"),
    "unreadable cell": Rule("arbitration", {"收案日期": "2026-02-30"}, "收案日期", "“2026-02-30”不是存在的日期"),
    # --- case number and kind
    "empty case number": Rule("arbitration", {"案号": ""}, "案号", "案号不能为空"),
    "empty kind": Rule("arbitration", {"案件类型": ""}, "案件类型", "案件类型不能为空（调解、仲裁 或 监察）"),
    "kind differs from the chosen kind": Rule("mediation", {}, "案件类型", "与指定的导入类型“仲裁”不一致",
                                              kind=CaseKind.ARBITRATION),
    # --- dates
    "date after today": Rule("arbitration", {"结案日期": (TODAY + dt.timedelta(days=1)).isoformat()}, "结案日期",
                             "日期不能晚于今天"),
    "date before 1950": Rule("arbitration", {"收案日期": "1949-12-31"}, "收案日期", "日期过早"),
    "empty received date": Rule("arbitration", {"收案日期": ""}, "收案日期", "收案日期不能为空"),
    "accepted before received": Rule("arbitration", {"受理日期": "2026-03-01"}, "受理日期", "受理日期早于收案日期"),
    # closed after receipt (03-02) but before acceptance (03-04): the rule compares with acceptance
    "closed before accepted": Rule("arbitration", {"结案日期": "2026-03-03"}, "结案日期",
                                   "结案日期早于收案/受理日期"),
    "closed before received": Rule("arbitration", {"受理日期": "", "结案日期": "2026-03-01", "结案方式": "不予受理"},
                                   "结案日期", "结案日期早于收案/受理日期"),
    # --- closing
    "closing date without an outcome": Rule("arbitration", {"结案方式": ""}, "结案方式",
                                            "已填结案日期，但没有填结案方式"),
    "outcome without a closing date": Rule("arbitration", {"结案日期": ""}, "结案日期",
                                           "已填结案方式，但没有填结案日期"),
    "outcome in a file without closing dates": Rule("arbitration", {}, "结案方式",
                                                    "文件没有“结案日期”列，无法导入结案方式", drop=("结案日期",)),
    "refused but accepted": Rule("arbitration", {"结案方式": "不予受理"}, "受理日期",
                                 "不予受理的案件不应有受理日期"),
    "closed but never accepted": Rule("arbitration", {"受理日期": ""}, "受理日期",
                                      "已结案（非不予受理）的案件须填写受理日期"),
    # --- parties
    "masked credit code": Rule("arbitration", {"统一社会信用代码": "91441500MA5*****6X"}, "统一社会信用代码",
                               "统一社会信用代码已脱敏（含*），请填写完整代码"),
    "credit code with a wrong check character": Rule("arbitration", {"统一社会信用代码": BAD_USCC},
                                                     "统一社会信用代码",
                                                     "不是有效的18位统一社会信用代码（校验位不符）"),
    "masked ID number": Rule("arbitration", {"身份证号": MASKED_ID}, "身份证号",
                             "身份证号已脱敏（含*），无法用来识别当事人，请填写完整号码"),
    "ID number with a wrong check character": Rule("arbitration", {"身份证号": BAD_ID}, "身份证号",
                                                   "不是有效的18位身份证号码（校验位或出生日期不符）"),
    "ID number without a name": Rule("inspection", {"申请人": ""}, "申请人", "填写了身份证号，但没有申请人姓名"),
    "district outside the city": Rule("arbitration", {"所属区县": "火星区"}, "所属区县",
                                      f"“火星区”不是本市的区县（可填：{DISTRICTS}）"),
    "arbitration without an employer": Rule("arbitration", {"用人单位": "", "统一社会信用代码": ""}, "用人单位",
                                            "仲裁案件须填写用人单位"),
    "inspection without an employer": Rule("inspection", {"用人单位": "", "统一社会信用代码": ""}, "用人单位",
                                            "监察案件须填写用人单位"),
    "arbitration without an applicant": Rule("arbitration", {"申请人": "", "身份证号": ""}, "申请人",
                                             "仲裁案件须填写申请人"),
    "mediation without an applicant": Rule("mediation", {"申请人": "", "身份证号": ""}, "申请人",
                                           "调解案件须填写申请人"),
    "credit code without an employer": Rule("mediation", {"统一社会信用代码": make_uscc(106)}, "用人单位",
                                            "填写了统一社会信用代码，但没有用人单位名称"),
}  # fmt: skip


def write_ledger(path: Path, rows: list[dict[str, object]], drop: tuple[str, ...] = ()) -> Path:
    header = [h for h in HEADER if h not in drop]
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(header)
    for r in rows:
        ws.append([r.get(h, "") for h in header])  # "=..." text is saved as a formula
    wb.save(path)
    return path


def run(database: db.Database, actor: Actor, path: Path, kind: CaseKind | None = None) -> ImportResult:
    opts = ImportOptions(today=TODAY, report_path=path.with_name("report.xlsx"), kind=kind)
    with database.write() as s:
        return import_ledger(s, actor, path, opts)


def report(path: str | None) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """The rejection workbook: (错误清单 rows, 台账（待修改） rows), headers left out."""
    assert path is not None
    wb = openpyxl.load_workbook(path)
    listed = [tuple(r) for r in wb["错误清单"].iter_rows(min_row=2, values_only=True)]
    fixable = [tuple(r) for r in wb["台账（待修改）"].iter_rows(min_row=2, values_only=True)]
    return listed, fixable


@pytest.fixture
def admin(actors: dict[Role, Actor]) -> Actor:
    return actors[Role.ADMIN]


def test_the_rows_the_rules_start_from_are_accepted(
    database: db.Database, admin: Actor, tmp_path: Path
) -> None:
    """Otherwise a rule case below could be rejected for a reason of its base row."""
    same_day = {  # received, accepted and closed on one day: allowed
        **BASE["arbitration"],
        "案号": "汕劳人仲案字〔2026〕第0108号",
        "受理日期": BASE["arbitration"]["收案日期"],
        "结案日期": BASE["arbitration"]["收案日期"],
        "结案方式": "撤回",
    }
    rows = [CONTROL, CONTROL_1950, same_day, *BASE.values()]
    result = run(database, admin, write_ledger(tmp_path / "ok.xlsx", rows))
    assert result.rejections == [] and result.created == 6
    for kind in (CaseKind.ARBITRATION,):  # the chosen kind matching the rows is no problem
        again = run(database, admin, write_ledger(tmp_path / "k.xlsx", [CONTROL]), kind=kind)
        assert again.rejections == [] and again.existing == 1
    dropped = {k: v for k, v in BASE["arbitration"].items() if k not in ("结案日期", "结案方式")}
    dropped["案号"] = "汕劳人仲案字〔2026〕第0109号"
    no_closing = run(database, admin, write_ledger(tmp_path / "d.xlsx", [dropped], drop=("结案日期",)))
    assert no_closing.rejections == [] and no_closing.created == 1


@pytest.mark.parametrize("name", list(RULES))
def test_each_rule_rejects_its_row_alone_and_says_why(
    database: db.Database, admin: Actor, tmp_path: Path, name: str
) -> None:
    rule = RULES[name]
    bad_row = {**BASE[rule.base], **rule.change}
    path = write_ledger(tmp_path / "ledger.xlsx", [CONTROL, bad_row], drop=rule.drop)
    result = run(database, admin, path, kind=rule.kind)
    value = rule.value if rule.value is not None else str(bad_row.get(rule.column, ""))
    # Row 1 is the header, row 2 the control row, row 3 the row under test.
    assert result.rejections == [Rejection(3, rule.column, rule.reason, value)]
    assert result.valid == 1 and result.refused and result.created == 0
    listed, fixable = report(result.report_path)
    assert listed == [(3, rule.column, rule.reason, value or None)]  # an empty cell reads back as None
    assert [r[-2:] for r in fixable] == [(2, None), (3, f"{rule.column}：{rule.reason}")]


def test_a_repeated_bad_cell_is_rejected_each_time_with_the_same_reason(
    database: db.Database, admin: Actor, tmp_path: Path
) -> None:
    """The second row takes the parse result remembered for the text (parse_row's memo)."""
    rows = [
        {**BASE["arbitration"], "案号": f"汕劳人仲案字〔2026〕第01{n}号", "收案日期": "2026-02-30"}
        for n in (11, 12)
    ]
    result = run(database, admin, write_ledger(tmp_path / "memo.xlsx", rows))
    reason = "“2026-02-30”不是存在的日期"
    assert result.rejections == [
        Rejection(2, "收案日期", reason, "2026-02-30"),
        Rejection(3, "收案日期", reason, "2026-02-30"),
    ]


# --------------------------------------------------------------------------- rules over rows


def test_a_case_number_twice_in_the_file(database: db.Database, admin: Actor, tmp_path: Path) -> None:
    result = run(database, admin, write_ledger(tmp_path / "dup.xlsx", [CONTROL, CONTROL]))
    assert result.rejections == [Rejection(3, "案号", "案号与第2行重复", str(CONTROL["案号"]))]
    assert report(result.report_path)[0] == [(3, "案号", "案号与第2行重复", CONTROL["案号"])]


def test_a_case_number_on_file_as_another_kind(database: db.Database, admin: Actor, tmp_path: Path) -> None:
    with database.write() as s:
        data = case_input(CaseKind.MEDIATION, n=7)
        number = cases.register_case(s, admin, data, today=TODAY).number
    row = {**BASE["arbitration"], "案号": number}
    result = run(database, admin, write_ledger(tmp_path / "kind.xlsx", [CONTROL, row]))
    assert result.rejections == [Rejection(3, "案号", "该案号已登记为其他类型的案件", number)]
    assert report(result.report_path)[0] == [(3, "案号", "该案号已登记为其他类型的案件", number)]


def test_an_id_number_on_file_under_another_name(database: db.Database, admin: Actor, tmp_path: Path) -> None:
    run(database, admin, write_ledger(tmp_path / "first.xlsx", [CONTROL]))
    row = {**BASE["arbitration"], "身份证号": CONTROL["身份证号"]}  # 赵规则's number under 张规则
    result = run(database, admin, write_ledger(tmp_path / "second.xlsx", [row]))
    reason = "该身份证号已登记为“赵规则”，与本行姓名“张规则”不符"
    assert result.rejections == [Rejection(2, "身份证号", reason, str(CONTROL["身份证号"]))]
    assert report(result.report_path)[0] == [(2, "身份证号", reason, CONTROL["身份证号"])]


def test_an_id_number_under_two_names_in_the_file(
    database: db.Database, admin: Actor, tmp_path: Path
) -> None:
    row = {**BASE["arbitration"], "身份证号": CONTROL["身份证号"]}
    result = run(database, admin, write_ledger(tmp_path / "names.xlsx", [CONTROL, row]))
    reason = "同一身份证号在第2行姓名为“赵规则”，与本行“张规则”不符"
    assert result.rejections == [Rejection(3, "身份证号", reason, str(CONTROL["身份证号"]))]


def test_a_kind_the_role_may_not_import(
    database: db.Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    result = run(
        database, actors[Role.MEDIATOR], write_ledger(tmp_path / "role.xlsx", [BASE["mediation"], CONTROL])
    )
    assert result.rejections == [Rejection(0, "案件类型", "您的角色无权导入仲裁案件")]
    assert result.refused and result.created == 0


# --------------------------------------------------------------------------- rules over the file


def test_a_missing_required_column(database: db.Database, admin: Actor, tmp_path: Path) -> None:
    result = run(database, admin, write_ledger(tmp_path / "cols.xlsx", [CONTROL], drop=("收案日期",)))
    assert result.rejections == [Rejection(1, "收案日期", "缺少必需的列“收案日期”")]
    assert report(result.report_path)[0] == [(1, "收案日期", "缺少必需的列“收案日期”", None)]


def test_no_kind_column_and_no_kind_chosen(database: db.Database, admin: Actor, tmp_path: Path) -> None:
    path = write_ledger(tmp_path / "nokind.xlsx", [CONTROL], drop=("案件类型",))
    reason = "缺少“案件类型”列；请添加该列，或在导入时指定案件类型"
    assert run(database, admin, path).rejections == [Rejection(1, "案件类型", reason)]
    assert run(database, admin, path, kind=CaseKind.ARBITRATION).rejections == []


def test_a_column_twice(database: db.Database, admin: Actor, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append([*HEADER, "申请人"])
    ws.append([*(CONTROL[h] for h in HEADER), "又一人"])
    wb.save(tmp_path / "twice.xlsx")
    result = run(database, admin, tmp_path / "twice.xlsx")
    assert result.rejections == [Rejection(1, "申请人", "“申请人”列出现了不止一次")]
