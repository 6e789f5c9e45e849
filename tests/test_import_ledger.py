"""Ledger import: hand-made ledgers in each encoding and format, good and broken."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from casemgr import audit, db
from casemgr.actor import Actor
from casemgr.enums import CaseKind, EventKind, Role
from casemgr.errors import PermissionDenied
from casemgr.io.ledger_import import ImportCancelled, ImportOptions, ImportResult, import_ledger
from casemgr.io.readers import LedgerFileError
from casemgr.models import AuditEntry, Case, Deadline, Employer, Event, Person
from casemgr.services import cases
from tests.helpers import case_input, make_id, make_uscc

TODAY = dt.date(2026, 11, 20)
HEADER = [
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
]


def arb_no(n: int) -> str:
    return f"汕劳人仲案字〔2026〕第{n:04d}号"


def good_rows() -> list[list[object]]:
    return [
        [arb_no(11), "仲裁", "2026-03-02", "2026/3/4", "2026年4月10日", "裁决", "是", 1, "8000.50", "8000.50",
         "汕尾甲公司", make_uscc(1), "城区", "张三", make_id(1)],
        [arb_no(12), "仲裁", "2026-03-09", "", "", "", "否", 2, "1,000.00", "", "汕尾乙公司", make_uscc(2),
         "城区", "李四", make_id(2)],
        ["汕人社监字〔2026〕第0003号", "监察", "2026-03-05", "2026-03-06", "2026-04-01", "撤销立案", "是", 3,
         "3000", "", "汕尾乙公司", make_uscc(2), "海丰县", "", ""],
        ["汕劳人调字〔2026〕第0004号", "调解", "2026-05-06", "2026-05-07", "2026-05-20", "调解成功", "是", 1,
         "5000", "5000", "", "", "陆丰市", "王五", make_id(5)],
    ]  # fmt: skip


def write_csv(path: Path, rows: list[list[object]], encoding: str, header: list[str] = HEADER) -> Path:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(header)
    w.writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, rows: list[list[object]], header: list[str] = HEADER, title: bool = False) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    if title:
        ws.append(["2026年劳动争议案件台账"])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def run(database: db.Database, actor: Actor, path: Path, **kw: object) -> ImportResult:
    opts = ImportOptions(today=TODAY, report_path=path.with_suffix(".report.xlsx"), **kw)  # type: ignore[arg-type]
    with database.write() as s:
        return import_ledger(s, actor, path, opts)


def count(database: db.Database, model: type) -> int:
    with database.read() as s:
        return int(s.execute(select(func.count()).select_from(model)).scalar_one())


def report_rows(path: str | None) -> list[tuple[object, ...]]:
    assert path is not None
    wb = openpyxl.load_workbook(path)
    return [tuple(r) for r in wb["错误清单"].iter_rows(min_row=2, values_only=True)]


@pytest.fixture
def admin(actors: dict[Role, Actor]) -> Actor:
    return actors[Role.ADMIN]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
def test_csv_in_each_encoding_imports_the_same_cases(
    database: db.Database, admin: Actor, tmp_path: Path, encoding: str
) -> None:
    path = write_csv(tmp_path / "ledger.csv", good_rows(), encoding)
    result = run(database, admin, path)
    assert result.rejections == []
    assert result.created == 4 and result.committed
    with database.read() as s:
        c = cases.case_by_number(s, arb_no(11))
        assert c is not None
        assert (c.status, c.outcome, c.accepted_on, c.closed_on) == (
            "awarded",
            "award",
            dt.date(2026, 3, 4),
            dt.date(2026, 4, 10),
        )
        assert c.amount_claimed == Decimal("8000.50") and c.amount_recovered == Decimal("8000.50")
        assert c.migrant_worker and c.green_channel and c.channel == "import"
        insp = cases.case_by_number(s, "汕人社监字〔2026〕第0003号")
        assert insp is not None and insp.status == "cancelled" and insp.complaint_type == "report"
        assert insp.workers == 3
        med = cases.case_by_number(s, "汕劳人调字〔2026〕第0004号")
        assert med is not None and med.outcome == "agreement" and med.employer_id is None
        open_case = cases.case_by_number(s, arb_no(12))
        assert open_case is not None and open_case.status == "received" and open_case.closed_on is None


def test_xlsx_with_title_row_real_dates_and_serials(
    database: db.Database, admin: Actor, tmp_path: Path
) -> None:
    rows = good_rows()
    rows[0][2] = dt.datetime(2026, 3, 2)  # a real Excel date
    rows[1][2] = 46090  # Excel serial for 2026-03-09
    rows[0][8] = 8000.5  # Excel keeps numbers as floats
    path = write_xlsx(tmp_path / "ledger.xlsx", rows, title=True)
    result = run(database, admin, path)
    assert result.rejections == [] and result.created == 4
    with database.read() as s:
        c = cases.case_by_number(s, arb_no(12))
        assert c is not None and c.received_on == dt.date(2026, 3, 9)
        assert cases.case_by_number(s, arb_no(11)).amount_claimed == Decimal("8000.50")  # type: ignore[union-attr]


def test_columns_in_any_order_with_english_aliases(
    database: db.Database, admin: Actor, tmp_path: Path
) -> None:
    header = [
        "employer",
        "uscc",
        "Case No",
        "received_on",
        "kind",
        "applicant",
        "id_number",
        "amount_claimed",
    ]
    rows = [["汕尾甲公司", make_uscc(1), arb_no(21), "2026-06-01", "arbitration", "赵六", make_id(6), 1200]]
    path = write_xlsx(tmp_path / "en.xlsx", rows, header=header)
    result = run(database, admin, path)
    assert result.rejections == [] and result.created == 1
    with database.read() as s:
        c = cases.case_by_number(s, arb_no(21))
        assert c is not None and c.amount_claimed == Decimal("1200.00") and c.kind == "arbitration"


def test_merged_two_row_header(database: db.Database, admin: Actor, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(
        ["案号", "案件类型", "收案日期", "金额", None, "用人单位", "统一社会信用代码", "申请人", "身份证号"]
    )
    ws.append([None, None, None, "申请金额", "追回金额", None, None, None, None])
    for col in (1, 2, 3, 6, 7, 8, 9):
        ws.merge_cells(start_row=1, start_column=col, end_row=2, end_column=col)
    ws.merge_cells("D1:E1")
    ws.append([arb_no(31), "仲裁", "2026-06-01", 900, 0, "汕尾甲公司", make_uscc(1), "钱七", make_id(7)])
    wb.save(tmp_path / "merged.xlsx")
    result = run(database, admin, tmp_path / "merged.xlsx")
    assert result.rejections == [] and result.created == 1
    with database.read() as s:
        c = cases.case_by_number(s, arb_no(31))
        assert c is not None and c.amount_claimed == Decimal("900.00")


def test_reimport_creates_no_duplicates_and_parties_are_matched(
    database: db.Database, admin: Actor, tmp_path: Path
) -> None:
    with database.write() as s:  # an employer and a worker already on file
        cases.register_case(s, admin, case_input(n=1, employer_n=1), today=TODAY)
    employers, persons = count(database, Employer), count(database, Person)
    path = write_csv(tmp_path / "ledger.csv", good_rows(), "utf-8")
    first = run(database, admin, path)
    assert first.created == 4
    # employer 1 reused; employer 2 new; persons: make_id(1) differs from case_input's ids
    assert count(database, Employer) == employers + 1
    n_cases = count(database, Case)
    second = run(database, admin, path)
    assert second.created == 0 and second.existing == 4 and second.rejections == []
    assert count(database, Case) == n_cases
    assert count(database, Person) == persons + 3


def test_closed_case_history_is_imported_events_and_clocks(
    database: db.Database, admin: Actor, tmp_path: Path
) -> None:
    run(database, admin, write_csv(tmp_path / "l.csv", good_rows()[:1], "utf-8"))
    with database.read() as s:
        c = cases.case_by_number(s, arb_no(11))
        assert c is not None
        evs = s.execute(select(Event).where(Event.case_id == c.id).order_by(Event.id)).scalars().all()
        assert [(e.kind, e.action, e.occurred_on) for e in evs] == [
            (EventKind.CREATED.value, None, dt.date(2026, 3, 2)),
            (EventKind.IMPORTED.value, "accept", dt.date(2026, 3, 4)),
            (EventKind.IMPORTED.value, "close", dt.date(2026, 4, 10)),
        ]
        ds = {d.rule_code: d for d in s.execute(select(Deadline).where(Deadline.case_id == c.id)).scalars()}
        assert ds["arb.accept"].state == "met" and ds["arb.accept"].finished_on == dt.date(2026, 3, 4)
        assert ds["arb.award"].state == "met" and ds["arb.award"].finished_on == dt.date(2026, 4, 10)
        assert ds["arb.serve_copy"].state == "cancelled"  # the ledger has no date for that step
        assert not [d for d in ds.values() if d.state in ("running", "paused")]
        assert audit.verify_chain(s) is None


def test_imported_number_moves_the_counter(database: db.Database, admin: Actor, tmp_path: Path) -> None:
    run(database, admin, write_csv(tmp_path / "l.csv", good_rows()[:2], "utf-8"))
    with database.write() as s:
        c = cases.register_case(s, admin, case_input(n=9, received_on=dt.date(2026, 7, 1)), today=TODAY)
        assert c.number == arb_no(13)


# --------------------------------------------------------------------------- broken ledgers


def test_broken_rows_refuse_the_file_and_the_report_names_each_problem(
    database: db.Database, admin: Actor, tmp_path: Path
) -> None:
    rows = good_rows()
    bad = [
        [arb_no(40), "仲裁", "2026-13-45", "", "", "", "是", 1, "100", "", "汕尾丙公司", make_uscc(3), "城区",
         "孙八", make_id(8)],
        [arb_no(41), "仲裁", "2026-03-01", "", "", "", "是", 1, "100", "", "汕尾丙公司", make_uscc(3)[:-1] + "0",
         "城区", "周九", make_id(9)[:-1] + ("0" if make_id(9)[-1] != "0" else "1")],
        [arb_no(11), "仲裁", "2026-03-01", "", "", "", "是", 1, "100", "", "汕尾丙公司", make_uscc(3), "城区",
         "吴十", make_id(10)],
        [arb_no(42), "仲裁", "2026-03-01", "", "", "", "是", 1, "100", "", "汕尾丙公司", make_uscc(3), "城区",
         "郑" * 10_000, make_id(11)],
        [arb_no(43), "劳务", "2027-01-01", "", "", "判决", "也许", "十", "-5", "", "", "", "火星区", "", ""],
    ]  # fmt: skip
    path = write_xlsx(tmp_path / "broken.xlsx", [*rows, [None] * 15, ["", "  "], *bad])
    before = {m: count(database, m) for m in (Case, Person, Employer, Event, AuditEntry, Deadline)}
    result = run(database, admin, path)
    assert not result.committed and result.refused and result.created == 0
    assert {m: count(database, m) for m in (Case, Person, Employer, Event, AuditEntry, Deadline)} == before
    assert result.rows == 9  # the two empty rows are not rows
    found = {(r, c) for r, c, *_ in report_rows(result.report_path)}
    # header is row 1; good rows 2-5; empty rows 6-7; bad rows 8-12
    assert (8, "收案日期") in found
    assert (9, "统一社会信用代码") in found and (9, "身份证号") in found
    assert (10, "案号") in found  # duplicate of row 2
    assert (11, "申请人") in found  # 10,000 characters
    for col in ("案件类型", "收案日期", "是否农民工", "涉及人数", "申请金额", "所属区县"):
        assert (12, col) in found, col
    reasons = {(r, c): reason for r, c, reason, _ in report_rows(result.report_path)}
    assert "第2行重复" in str(reasons[(10, "案号")])
    assert "过长" in str(reasons[(11, "申请人")])
    long_echo = next(v for r, c, _, v in report_rows(result.report_path) if (r, c) == (11, "申请人"))
    assert len(str(long_echo)) < 100  # the report echoes a shortened value
    # the fixable sheet repeats every row (all-or-nothing) with the reasons beside them
    wb = openpyxl.load_workbook(result.report_path)  # type: ignore[arg-type]
    sheet = list(wb["台账（待修改）"].iter_rows(values_only=True))
    assert sheet[0][:15] == tuple(HEADER) and sheet[0][-1] == "错误说明"
    assert len(sheet) == 1 + 9
    assert "收案日期" in str(sheet[5][-1]) and sheet[5][-2] == 8


def test_fixed_report_reimports(database: db.Database, admin: Actor, tmp_path: Path) -> None:
    rows = good_rows()
    rows[1][2] = "2026-02-30"
    result = run(database, admin, write_xlsx(tmp_path / "l.xlsx", rows))
    assert result.refused and result.report_path
    wb = openpyxl.load_workbook(result.report_path)
    ws = wb["台账（待修改）"]
    ws.cell(row=3, column=3, value="2026-02-28")  # the clerk fixes the red cell
    fixed = tmp_path / "fixed.xlsx"
    wb.save(fixed)
    again = run(database, admin, fixed)
    assert again.rejections == [] and again.created == 4
    assert any("错误说明" in n for n in again.notes)


def test_partial_import_takes_the_good_rows(database: db.Database, admin: Actor, tmp_path: Path) -> None:
    rows = good_rows()
    rows[1][14] = "441502198506151230"  # bad checksum (the real one differs)
    if rows[1][14] == make_id(2):
        rows[1][14] = "441502198506151231"
    result = run(database, admin, write_csv(tmp_path / "l.csv", rows, "utf-8"), all_or_nothing=False)
    assert result.committed and result.created == 3 and result.rejected_rows == 1
    wb = openpyxl.load_workbook(result.report_path)  # type: ignore[arg-type]
    assert len(list(wb["台账（待修改）"].iter_rows())) == 2  # header + the one rejected row


def test_formula_cells_are_refused(database: db.Database, admin: Actor, tmp_path: Path) -> None:
    rows = good_rows()[:1]
    rows[0][8] = "=SUM(1000,2000)"
    result = run(database, admin, write_xlsx(tmp_path / "f.xlsx", rows))
    assert result.refused
    (row,) = report_rows(result.report_path)
    assert row[:2] == (2, "申请金额") and "公式" in str(row[2])
    wb = openpyxl.load_workbook(result.report_path)  # type: ignore[arg-type]
    assert wb["台账（待修改）"].cell(row=2, column=9).data_type == "s"  # shown, never evaluated


def test_missing_required_columns(database: db.Database, admin: Actor, tmp_path: Path) -> None:
    header = ["案号", "用人单位", "申请人"]
    result = run(database, admin, write_xlsx(tmp_path / "m.xlsx", [[arb_no(1), "甲", "乙"]], header=header))
    assert result.refused
    reasons = " ".join(str(r[2]) for r in report_rows(result.report_path))
    assert "收案日期" in reasons and "案件类型" in reasons
    assert count(database, Case) == 0


def test_kind_option_for_a_file_without_kind_column(
    database: db.Database, admin: Actor, tmp_path: Path
) -> None:
    header = [h for h in HEADER if h != "案件类型"]
    rows = [r[:1] + r[2:] for r in good_rows()[:2]]
    result = run(
        database, admin, write_csv(tmp_path / "k.csv", rows, "gbk", header), kind=CaseKind.ARBITRATION
    )
    assert result.rejections == [] and result.created == 2


def test_dry_run_writes_nothing(database: db.Database, admin: Actor, tmp_path: Path) -> None:
    result = run(database, admin, write_csv(tmp_path / "l.csv", good_rows(), "utf-8"), dry_run=True)
    assert result.valid == 4 and result.created == 0 and not result.committed
    assert count(database, Case) == 0


def test_id_number_with_another_name_on_file_is_rejected(
    database: db.Database, admin: Actor, tmp_path: Path
) -> None:
    run(database, admin, write_csv(tmp_path / "a.csv", good_rows()[:1], "utf-8"))
    row = good_rows()[1]
    row[14] = make_id(1)  # 张三's number under 李四's name
    result = run(database, admin, write_csv(tmp_path / "b.csv", [row], "utf-8"))
    assert result.refused
    assert "张三" in str(report_rows(result.report_path)[0][2])


def test_role_may_import_only_its_kind(
    database: db.Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    result = run(database, actors[Role.MEDIATOR], write_csv(tmp_path / "l.csv", good_rows(), "utf-8"))
    assert result.refused and count(database, Case) == 0
    with pytest.raises(PermissionDenied):
        run(database, actors[Role.AUDITOR], tmp_path / "l.csv")


def test_unreadable_files(database: db.Database, admin: Actor, tmp_path: Path) -> None:
    (tmp_path / "x.xlsx").write_bytes(b"not a zip")
    with pytest.raises(LedgerFileError):
        run(database, admin, tmp_path / "x.xlsx")
    (tmp_path / "y.csv").write_bytes(b"\xff\xfe\xfd\x80\x81" * 3)
    with pytest.raises(LedgerFileError):
        run(database, admin, tmp_path / "y.csv")
    (tmp_path / "z.csv").write_text("foo,bar\n1,2\n", encoding="utf-8")
    with pytest.raises(LedgerFileError):
        run(database, admin, tmp_path / "z.csv")


@pytest.mark.parametrize("bulk", [True, False])
def test_cancel_rolls_everything_back(
    database: db.Database, admin: Actor, tmp_path: Path, bulk: bool
) -> None:
    path = write_csv(tmp_path / "l.csv", good_rows(), "utf-8")
    seen: list[tuple[str, int, int]] = []
    with pytest.raises(ImportCancelled), database.write() as s:
        import_ledger(
            s,
            admin,
            path,
            ImportOptions(today=TODAY, bulk=bulk),
            progress=lambda phase, done, total: seen.append((phase, done, total)),
            cancelled=lambda: True,
        )
    assert count(database, Case) == 0 and count(database, AuditEntry) == 0
    assert seen == ([("write", 4, 4)] if bulk else [])  # bulk: after the first chunk; else: the first row
