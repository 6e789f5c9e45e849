"""Importing the bureau's project ledger (工程建设项目台账) from .xlsx or .csv.

As the case ledger import (:mod:`casemgr.io.ledger_import`): every row is read and checked
first (the same checks as the project form, :func:`casemgr.services.projects.clean_project`),
each problem named by row, column and reason in Chinese; a file with any rejected row writes
nothing. A clean file is written through :func:`casemgr.services.projects.save_project` (so
each project's units are found by credit code and every project has its audit entry) in the
caller's one transaction. A row whose 项目编号 — or, lacking one, whose exact name — is already
on file updates that project: importing the same ledger again creates nothing new.

The columns (``resources/templates/工程建设项目台账模板.xlsx``, docs/prevention.md §4) are found
by their header, anywhere in the first rows; a unit is "名称" with its credit code in the next
column, several 分包单位 in one cell are separated by "；" or a line break, each "名称（代码）".
Element columns take the *date* the thing was done: "是" without a date is refused, because
the warning colour is measured from dates and a guessed date would mislead it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from casemgr import clock, permissions
from casemgr.actor import Actor
from casemgr.errors import KnownError, ValidationError
from casemgr.io import columns
from casemgr.io.ledger_rows import Rejection
from casemgr.io.readers import HEADER_SCAN_ROWS, LedgerFileError, raw_rows
from casemgr.services import parties, projects

#: field -> (the template's header, other headers bureaus write). Matched after removing
#: spaces, "*" and a trailing unit such as "（元）".
COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("项目编号", "项目代码", "工程编号"),
    "name": ("项目名称", "工程名称"),
    "district": ("所属区县", "区县", "所在区县"),
    "address": ("项目地址", "工程地址", "建设地点"),
    "builder": ("建设单位",),
    "builder_uscc": ("建设单位统一社会信用代码", "建设单位信用代码"),
    "general_contractor": ("施工总承包单位", "总承包单位", "施工单位"),
    "general_uscc": ("总包统一社会信用代码", "施工总承包单位统一社会信用代码", "总包信用代码"),
    "subcontractors": ("分包单位", "劳务分包单位"),
    "start_on": ("开工日期",),
    "end_on": ("竣工日期", "计划竣工日期"),
    "status": ("项目状态", "状态"),
    "deposit_amount": ("工资保证金金额", "保证金金额"),
    "deposit_bank": ("保证金存储银行", "保证金银行"),
    "deposit_on": ("保证金存储日期", "保证金缴存日期"),
    "account_bank": ("专用账户开户银行", "专户开户银行"),
    "account_opened_on": ("专用账户开户日期", "专户开户日期"),
    "roster_on": ("实名制落实日期", "实名制管理日期"),
    "board_on": ("告示牌设立日期", "维权信息告示牌设立日期"),
    "last_agent_pay_on": ("最近代发日期", "最近一次总包代发日期"),
    "note": ("备注",),
}
TITLES = {k: v[0] for k, v in COLUMNS.items()}
_UNIT = re.compile(r"[（(](元|万元|yyyy-mm-dd|年-月-日|必填|选填)[)）]$", re.IGNORECASE)
_BY_HEADER = {re.sub(r"[\s*＊]", "", h): k for k, hs in COLUMNS.items() for h in hs}
STATUS_WORDS = {zh: code for code, (zh, _en) in projects.STATUSES.items()} | {
    "施工中": "building",
    "已竣工": "completed",
}
_SPLIT = re.compile(r"[；;\n]+")
_SUB = re.compile(r"^(.*?)[（(]([0-9A-Za-z]{18})[)）]$")
DATES = (
    "start_on",
    "end_on",
    "deposit_on",
    "account_opened_on",
    "roster_on",
    "board_on",
    "last_agent_pay_on",
)
TEXTS = {"code": 64, "name": 200, "district": 32, "address": 200, "builder": 200, "builder_uscc": 18,
         "general_contractor": 200, "general_uscc": 18, "deposit_bank": 100, "account_bank": 100, "note": 2000}  # fmt: skip


def column_for(header: object) -> str | None:
    if columns.is_blank(header):
        return None
    text = _UNIT.sub("", re.sub(r"[\s*＊]", "", columns.text_of(header)))
    return _BY_HEADER.get(text)


@dataclass(frozen=True)
class PlannedRow:
    row: int
    data: projects.ProjectInput
    project_id: int | None  # the project it updates; None: a new one


@dataclass
class ProjectImportResult:
    file: str
    rows: int = 0
    planned: list[PlannedRow] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    committed: bool = False
    notes: list[str] = field(default_factory=list)  # Chinese: columns not imported

    @property
    def refused(self) -> bool:
        return bool(self.rejections)


class ProjectImportRefused(KnownError):
    """Raised to roll back the caller's transaction when a row fails while writing."""

    code = "project_import"


def _header(rows: list[tuple[int, list[object]]]) -> tuple[int, dict[int, str], list[str]]:
    best, best_n = -1, 0
    for i, (_n, cells) in enumerate(rows):
        found = {column_for(c) for c in cells} - {None}
        if "name" in found and len(found) > best_n:
            best, best_n = i, len(found)
    if best < 0 or best_n < 2:
        raise LedgerFileError(
            "没有找到表头行：前12行中没有一行写有“项目名称”“施工总承包单位”等列名。请使用项目台账模板。",
            "No header row: none of the first 12 rows names 项目名称 and another known column.",
            field="header",
        )
    fields: dict[int, str] = {}
    unknown: list[str] = []
    for col, cell in enumerate(rows[best][1]):
        key = column_for(cell)
        if key is None:
            if not columns.is_blank(cell):
                unknown.append(columns.text_of(cell))
        elif key not in fields.values():
            fields[col] = key
    return best, fields, unknown


def units_from_text(text: str | None) -> tuple[parties.EmployerInput, ...]:
    out = []
    for part in _SPLIT.split(text or ""):
        part = part.strip().rstrip("、，,")
        if not part:
            continue
        m = _SUB.match(part)
        out.append(
            parties.EmployerInput(m.group(1).strip(), m.group(2).upper())
            if m
            else parties.EmployerInput(part)
        )
    return tuple(out)


def parse_row(
    rowno: int, cells: list[object], fields: dict[int, str], today: dt.date
) -> projects.ProjectInput | list[Rejection]:
    """One row as a checked ProjectInput, or its problems (row, column, reason in Chinese)."""
    raw: dict[str, Any] = {}
    problems: list[Rejection] = []
    for col, key in fields.items():
        value = cells[col] if col < len(cells) else None
        try:
            if columns.is_formula(value):
                raise columns.CellError("是公式，请复制后“选择性粘贴为数值”")
            if key in DATES:
                if isinstance(value, str) and value.strip() in columns.YES_WORDS:
                    raise columns.CellError("请填写办理日期（如 2026-03-01），不能只写“是”")
                if isinstance(value, str) and value.strip() in columns.NO_WORDS:
                    value = None
                raw[key] = columns.parse_date(value)
            elif key == "deposit_amount":
                raw[key] = None if columns.is_blank(value) else columns.parse_amount(value)
            elif key == "status":
                text = columns.parse_text(value, 16)
                if text is not None and text not in STATUS_WORDS:
                    raise columns.CellError(f"“{text}”不是项目状态（可填：未开工、在建、停工、竣工）")
                raw[key] = STATUS_WORDS.get(text or "在建")
            elif key == "subcontractors":
                raw[key] = units_from_text(
                    columns.parse_text(value.replace("\n", "；") if isinstance(value, str) else value, 2000)
                )
            else:
                raw[key] = columns.parse_text(value, TEXTS[key])
        except columns.CellError as exc:
            problems.append(Rejection(rowno, TITLES[key], exc.reason, columns.echo(value)))
    if problems:
        return problems

    def unit(name_key: str, uscc_key: str) -> parties.EmployerInput | None:
        name, uscc = raw.get(name_key), raw.get(uscc_key)
        return parties.EmployerInput(name or "", uscc) if (name or uscc) else None

    data = projects.ProjectInput(
        name=raw.get("name") or "",
        code=raw.get("code"),
        district=raw.get("district"),
        address=raw.get("address"),
        builder=unit("builder", "builder_uscc"),
        general_contractor=unit("general_contractor", "general_uscc"),
        subcontractors=raw.get("subcontractors", ()),
        status=raw.get("status") or "building",
        deposit_amount=raw.get("deposit_amount"),
        deposit_bank=raw.get("deposit_bank"),
        account_bank=raw.get("account_bank"),
        note=raw.get("note"),
        **{k: raw.get(k) for k in DATES},
    )
    try:
        return projects.clean_project(data, today)
    except ValidationError as exc:
        return [Rejection(rowno, TITLES.get(exc.field or "", ""), exc.zh)]


def check_file(
    session: Session, actor: Actor, path: Path, today: dt.date | None = None
) -> ProjectImportResult:
    """Read and check every row, and find the project each one updates; writes nothing."""
    permissions.require(actor, "project.edit")
    today = today or clock.today()
    rows_iter, _enc = raw_rows(path)
    head: list[tuple[int, list[object]]] = []
    for item in rows_iter:
        head.append(item)
        if len(head) >= HEADER_SCAN_ROWS:
            break
    at, fields, unknown = _header(head)
    result = ProjectImportResult(file=str(path))
    if unknown:
        result.notes.append("以下列不导入：" + "、".join(unknown))
    if "name" not in fields.values():
        raise LedgerFileError("缺少“项目名称”列。", "The 项目名称 column is missing.", field="header")
    seen: dict[str, int] = {}

    def data_rows() -> Any:
        yield from head[at + 1 :]
        yield from rows_iter

    for rowno, cells in data_rows():
        if all(columns.is_blank(c) for c in cells):
            continue
        result.rows += 1
        parsed = parse_row(rowno, cells, fields, today)
        if isinstance(parsed, list):
            result.rejections.extend(parsed)
            continue
        key = f"code:{parsed.code}" if parsed.code else f"name:{parsed.name}"
        if key in seen:
            title, value = ("项目编号", parsed.code or "") if parsed.code else ("项目名称", parsed.name)
            result.rejections.append(Rejection(rowno, title, f"与第 {seen[key]} 行重复", value))
            continue
        seen[key] = rowno
        existing = projects.find_existing(session, parsed.code, parsed.name)
        result.planned.append(PlannedRow(rowno, parsed, existing.id if existing else None))
    if result.rows == 0:
        result.rejections.append(Rejection(0, "", "表头下没有任何数据行"))
    return result


def import_projects(
    session: Session,
    actor: Actor,
    path: Path,
    *,
    dry_run: bool = False,
    today: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ProjectImportResult:
    """Check the file; if every row is good (and not ``dry_run``) write them all.

    A refused file returns its rejections and writes nothing. A row that fails while being
    written (a credit code another unit's row already holds, say) raises
    :class:`ProjectImportRefused`, so the caller's transaction rolls back every row."""
    today = today or clock.today()
    result = check_file(session, actor, path, today)
    if result.refused or dry_run:
        return result
    for i, planned in enumerate(result.planned):
        try:
            projects.save_project(session, actor, planned.data, project_id=planned.project_id, today=today)
        except KnownError as exc:
            raise ProjectImportRefused(
                f"第 {planned.row} 行无法保存：{exc.zh}。没有导入任何项目。",
                f"Row {planned.row} cannot be saved: {exc.en}. No project was imported.",
            ) from exc
        if planned.project_id is None:
            result.created += 1
        else:
            result.updated += 1
        if progress is not None:
            progress(i + 1, len(result.planned))
    result.committed = True
    return result


def write_template(path: Path) -> Path:
    """The ledger template: the header row, one example row, a sheet explaining the columns."""
    import openpyxl
    from openpyxl.styles import Font

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "工程建设项目台账"
    ws.append([TITLES[k] for k in COLUMNS])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.append(EXAMPLE)
    for i, key in enumerate(COLUMNS, start=1):
        ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width = max(12, len(TITLES[key]) * 2 + 2)
    notes = wb.create_sheet("填写说明")
    notes.append(["列名", "是否必填", "说明"])
    for key in COLUMNS:
        hint = "；".join(t for t in (HELP.get(key, ""), DATE_HINT if key in DATES else "") if t)
        notes.append([TITLES[key], "必填" if key == "name" else "", hint])
    notes.column_dimensions["A"].width = 26
    notes.column_dimensions["C"].width = 90
    wb.save(path)
    return path


EXAMPLE: list[object] = [
    "SW-2026-001", "汕尾市城区示范安置房项目", "城区", "汕尾市城区某路1号",
    "汕尾市示范城市投资有限公司", "", "广东示范建筑工程有限公司", "",
    "汕尾示范劳务有限公司；某某建材安装有限公司", "2026-03-01", "2027-06-30", "在建",
    "300000", "某某银行汕尾分行", "2026-03-20", "某某银行汕尾分行", "2026-03-15", "2026-03-01",
    "2026-03-05", "2026-11-10", "",
]  # fmt: skip

DATE_HINT = "日期，如 2026-03-01；尚未办理的留空，不要只写“是”"
HELP: dict[str, str] = {
    "code": "有项目编号的按编号更新，重复导入不会新增；没有编号的按项目名称更新",
    "district": "本市区县名称",
    "builder_uscc": "18位统一社会信用代码；填写后按代码识别单位",
    "general_uscc": "施工总承包单位的18位统一社会信用代码",
    "subcontractors": "多个分包单位用“；”或换行分隔，可写成 名称（统一社会信用代码）",
    "status": "未开工、在建、停工、竣工（空白按在建）",
    "deposit_amount": "元，最多两位小数；保障农民工工资支付条例（国务院令第724号，2019）第三十二条（可用金融机构保函替代）",
    "deposit_on": "填写了保证金金额或银行时必填",
    "account_opened_on": "保障农民工工资支付条例（国务院令第724号，2019）第二十六条；填写了开户银行时必填",
    "roster_on": "保障农民工工资支付条例（国务院令第724号，2019）第二十八条；实名制管理落实的日期",
    "board_on": "保障农民工工资支付条例（国务院令第724号，2019）第三十四条；维权信息告示牌设立的日期",
    "last_agent_pay_on": "保障农民工工资支付条例（国务院令第724号，2019）第三十一条；最近一次由总包通过专用账户代发工资的日期",
}
