"""The ledger's columns and how a cell's text becomes a value.

Clerks name columns in many ways (``收案日期``, ``收案时间``, ``received_on``, ``申请金额（元）``)
and write dates as Excel dates, serial numbers or text (``2026/10/1``, ``2026年10月1日``).
Everything here is pure: a parser takes one cell and returns a value or raises
:class:`CellError` with the reason in Chinese, which goes straight into the rejection report.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from casemgr import validation
from casemgr.enums import CaseKind, ClaimType, Outcome


class CellError(Exception):
    """One cell cannot be read; ``reason`` is Chinese and shown to the clerk as is."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Column:
    key: str  # field name used by the importer and the exporter
    title: str  # the header the exporter writes (Chinese, as clerks write it)
    aliases: tuple[str, ...]  # other spellings accepted on import (normalised, see norm_header)
    required: bool = False  # the file is refused when the column is missing


COLUMNS: tuple[Column, ...] = (
    Column("case_no", "案号", ("案件编号", "编号", "caseno", "casenumber", "number"), required=True),
    Column("kind", "案件类型", ("类型", "案件类别", "类别", "kind", "casetype", "type")),
    Column(
        "received_on",
        "收案日期",
        (
            "收案时间",
            "收件日期",
            "申请日期",
            "投诉日期",
            "接到投诉日期",
            "登记日期",
            "receivedon",
            "received",
        ),
        required=True,
    ),
    Column(
        "accepted_on",
        "受理日期",
        ("立案日期", "受理时间", "立案时间", "受理立案日期", "acceptedon", "accepted"),
    ),
    Column("closed_on", "结案日期", ("结案时间", "办结日期", "closedon", "closed")),
    Column("outcome", "结案方式", ("结案类型", "处理结果", "结案情况", "outcome")),
    Column("migrant_worker", "是否农民工", ("农民工", "是否为农民工", "migrantworker", "migrant")),
    Column("workers", "涉及人数", ("人数", "涉及劳动者人数", "劳动者人数", "workers")),
    Column(
        "amount_claimed",
        "申请金额",
        ("请求金额", "诉求金额", "投诉金额", "涉案金额", "标的额", "amountclaimed", "claimed"),
    ),
    Column(
        "amount_recovered",
        "追回金额",
        ("追讨金额", "结案金额", "为劳动者追回金额", "amountrecovered", "recovered"),
    ),
    Column("employer", "用人单位", ("被申请人", "被投诉单位", "单位名称", "employer")),
    Column("uscc", "统一社会信用代码", ("信用代码", "社会信用代码", "uscc", "creditcode")),
    Column("district", "所属区县", ("区县", "所属地区", "辖区", "district")),
    Column("applicant", "申请人", ("投诉人", "劳动者", "申请人姓名", "投诉人姓名", "applicant", "name")),
    Column("id_number", "身份证号", ("身份证号码", "公民身份号码", "证件号码", "idnumber", "idno")),
    Column("claim_type", "请求类型", ("争议类型", "诉求类型", "claimtype")),
)

BY_KEY: dict[str, Column] = {c.key: c for c in COLUMNS}

_UNIT_RE = re.compile(r"[（(](元|万元|人|必填|选填|yyyy-mm-dd|年-月-日)[)）]$", re.IGNORECASE)
_SPACE_RE = re.compile(r"[\s_\-*＊:：]+")


def norm_header(text: object) -> str:
    """``" 申请金额（元）* "`` → ``"申请金额"``; ``"Case No"`` → ``"caseno"``."""
    if text is None:
        return ""
    s = str(text).strip()
    s = _UNIT_RE.sub("", s)
    s = _SPACE_RE.sub("", s)
    return s.lower()


_ALIAS: dict[str, str] = {}
for _c in COLUMNS:
    for _name in (_c.title, _c.key, *_c.aliases):
        _ALIAS[norm_header(_name)] = _c.key


def column_for(header: object) -> str | None:
    """The field a header names, or None for a column we do not import (kept in the report)."""
    return _ALIAS.get(norm_header(header))


# --------------------------------------------------------------------------- vocabularies

KIND_WORDS: dict[str, CaseKind] = {
    "调解": CaseKind.MEDIATION,
    "劳动争议调解": CaseKind.MEDIATION,
    "调解案件": CaseKind.MEDIATION,
    "mediation": CaseKind.MEDIATION,
    "仲裁": CaseKind.ARBITRATION,
    "劳动仲裁": CaseKind.ARBITRATION,
    "劳动人事争议仲裁": CaseKind.ARBITRATION,
    "仲裁案件": CaseKind.ARBITRATION,
    "arbitration": CaseKind.ARBITRATION,
    "监察": CaseKind.INSPECTION,
    "劳动保障监察": CaseKind.INSPECTION,
    "监察投诉": CaseKind.INSPECTION,
    "举报投诉": CaseKind.INSPECTION,
    "投诉": CaseKind.INSPECTION,
    "inspection": CaseKind.INSPECTION,
}

KIND_TITLES: dict[CaseKind, str] = {
    CaseKind.MEDIATION: "调解",
    CaseKind.ARBITRATION: "仲裁",
    CaseKind.INSPECTION: "监察",
}

#: Outcome words per kind, as the issue lists them, plus the codes themselves (export round trip).
OUTCOME_WORDS: dict[CaseKind, dict[str, Outcome]] = {
    CaseKind.MEDIATION: {
        "调解成功": Outcome.AGREEMENT,
        "达成调解协议": Outcome.AGREEMENT,
        "达成和解": Outcome.SETTLEMENT,
        "和解": Outcome.SETTLEMENT,
        "和解撤回": Outcome.WITHDRAWN_SETTLED,
        "调解不成": Outcome.FAILED,
        "调解不成功": Outcome.FAILED,
        "调解失败": Outcome.FAILED,
        "逾期未达成": Outcome.EXPIRED,
        "撤回": Outcome.WITHDRAWN,
        "不予受理": Outcome.REFUSED,
    },
    CaseKind.ARBITRATION: {
        "裁决": Outcome.AWARD,
        "仲裁裁决": Outcome.AWARD,
        "调解": Outcome.ARB_MEDIATION,
        "仲裁调解": Outcome.ARB_MEDIATION,
        "调解书": Outcome.ARB_MEDIATION,
        "撤回": Outcome.WITHDRAWN,
        "撤诉": Outcome.WITHDRAWN,
        "按撤回处理": Outcome.DEEMED_WITHDRAWN,
        "不予受理": Outcome.REFUSED,
        "立案前调解成功": Outcome.PREFILING_SETTLED,
        "其他": Outcome.TERMINATED,
        "终止审理": Outcome.TERMINATED,
    },
    CaseKind.INSPECTION: {
        "处理决定": Outcome.HANDLING_DECISION,
        "行政处理决定": Outcome.HANDLING_DECISION,
        "责令改正": Outcome.HANDLING_DECISION,
        "行政处罚": Outcome.PENALTY,
        "处罚": Outcome.PENALTY,
        "撤销立案": Outcome.CANCELLED,
        "移送": Outcome.TRANSFERRED,
        "不予受理": Outcome.REFUSED,
        "告知争议处理": Outcome.REFER_TO_DISPUTE,
    },
}

#: The word the exporter writes for each (kind, outcome): the first word listed above.
OUTCOME_TITLES: dict[tuple[CaseKind, Outcome], str] = {}
for _k, _words in OUTCOME_WORDS.items():
    for _w, _o in _words.items():
        OUTCOME_TITLES.setdefault((_k, _o), _w)
for _k in CaseKind:
    for _o in Outcome:
        OUTCOME_TITLES.setdefault((_k, _o), _o.value)

CLAIM_WORDS: dict[str, ClaimType] = {
    "欠薪": ClaimType.WAGES,
    "工资": ClaimType.WAGES,
    "劳动报酬": ClaimType.WAGES,
    "拖欠工资": ClaimType.WAGES,
    "加班费": ClaimType.OVERTIME,
    "经济补偿": ClaimType.SEVERANCE,
    "经济补偿金": ClaimType.SEVERANCE,
    "赔偿金": ClaimType.DAMAGES,
    "二倍工资": ClaimType.DAMAGES,
    "社会保险": ClaimType.SOCIAL_INSURANCE,
    "社保": ClaimType.SOCIAL_INSURANCE,
    "工伤": ClaimType.INJURY,
    "工伤待遇": ClaimType.INJURY,
    "工伤医疗费": ClaimType.INJURY_MEDICAL,
    "工作时间": ClaimType.WORKING_TIME,
    "工时": ClaimType.WORKING_TIME,
    "休息休假": ClaimType.REST_LEAVE,
    "年休假": ClaimType.REST_LEAVE,
    "其他": ClaimType.OTHER,
    "加付赔偿金": ClaimType.EXTRA_COMPENSATION,
}
for _ct in ClaimType:
    CLAIM_WORDS[_ct.value] = _ct

CLAIM_TITLES: dict[ClaimType, str] = {
    ClaimType.WAGES: "欠薪",
    ClaimType.OVERTIME: "加班费",
    ClaimType.SEVERANCE: "经济补偿",
    ClaimType.DAMAGES: "赔偿金",
    ClaimType.SOCIAL_INSURANCE: "社会保险",
    ClaimType.INJURY: "工伤待遇",
    ClaimType.INJURY_MEDICAL: "工伤医疗费",
    ClaimType.WORKING_TIME: "工作时间",
    ClaimType.REST_LEAVE: "休息休假",
    ClaimType.OTHER: "其他",
    ClaimType.EXTRA_COMPENSATION: "加付赔偿金",
}

YES_WORDS = frozenset({"是", "y", "yes", "true", "1", "√", "✓", "农民工"})
NO_WORDS = frozenset({"否", "n", "no", "false", "0", "×", "非农民工"})

# --------------------------------------------------------------------------- cell parsers

MAX_CELL_ECHO = 60  # characters of a bad value echoed in the report


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text_of(value: object) -> str:
    """The cell as text; a whole float (Excel's way of storing 12) loses its ``.0``."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    s = str(value).strip()
    # A leading apostrophe is how the exporter (and Excel users) keep "=..." from being a formula.
    if len(s) > 1 and s[0] == "'" and s[1] in "=+-@":
        s = s[1:]
    return s


def echo(value: object) -> str:
    s = text_of(value) if value is not None else ""
    return s if len(s) <= MAX_CELL_ECHO else s[:MAX_CELL_ECHO] + f"…（共{len(s)}字）"


class Formula(str):
    """An .xlsx cell holding a formula (its text, e.g. ``=SUM(A1:B1)``), never its cached value."""


def is_formula(value: object) -> bool:
    """A formula cell of a workbook, or CSV text that Excel would take for one (see readers)."""
    return isinstance(value, Formula)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SERIAL = re.compile(r"\d{5}(\.0+)?")


def parse_text(value: object, max_len: int) -> str | None:
    if is_blank(value):
        return None
    s = text_of(value)
    if _CONTROL.search(s):
        raise CellError("含有不可见的控制字符")
    s = " ".join(s.split())  # line breaks inside a cell (Alt+Enter) become spaces
    if len(s) > max_len:
        raise CellError(f"内容过长（{len(s)}字），不能超过{max_len}字")
    return s


EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 = 1900-01-01 with Excel's 1900 leap-year quirk
_DATE_RES = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?)?$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)


def parse_date(value: object) -> dt.date | None:
    """Excel dates, serial numbers (CSV from Excel) and the usual text forms."""
    if is_blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise CellError("不是日期")
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:  # the common case, 2026-10-01, without the regular expressions below
            return dt.date.fromisoformat(value)
        except ValueError:
            pass  # 2026-13-01 and friends get the full treatment and its message
    if isinstance(value, int | float) or (isinstance(value, str) and _SERIAL.fullmatch(value.strip())):
        serial = float(value)
        if not serial.is_integer() or not 20000 <= serial <= 80000:  # 1954 .. 2119
            raise CellError(f"“{echo(value)}”不是有效的日期")
        return EXCEL_EPOCH + dt.timedelta(days=int(serial))
    s = text_of(value).replace(" ", "") if "年" in str(value) else text_of(value)
    for rx in _DATE_RES:
        m = rx.match(s)
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                raise CellError(f"“{echo(value)}”不是存在的日期") from None
    raise CellError(f"“{echo(value)}”不是可识别的日期（请写成 2026-10-01、2026/10/1 或 2026年10月1日）")


def parse_amount(value: object) -> Decimal:
    """Yuan with at most two decimals. Excel hands numbers over as floats; their repr is exact enough."""
    if is_blank(value):
        return Decimal("0.00")
    if isinstance(value, bool):
        raise CellError("不是金额")
    if isinstance(value, float):
        try:
            value = Decimal(repr(value))
        except InvalidOperation:
            raise CellError("不是金额") from None
    d = validation.parse_amount(value)
    if d is None:
        raise CellError(f"“{echo(value)}”不是有效金额（不小于0、最多两位小数）")
    return d


def parse_int(value: object, *, minimum: int = 0, maximum: int = 100_000) -> int | None:
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise CellError("不是整数")
    if isinstance(value, float):
        if not value.is_integer():
            raise CellError(f"“{echo(value)}”不是整数")
        value = int(value)
    if isinstance(value, str):
        s = value.strip().removesuffix("人").removesuffix("名").strip()
        if not s.isdecimal() or len(s) > 18:  # "²" is a digit int() refuses
            raise CellError(f"“{echo(value)}”不是整数")
        value = int(s)
    if not isinstance(value, int):
        raise CellError("不是整数")
    if not minimum <= value <= maximum:
        raise CellError(f"应在{minimum}到{maximum}之间")
    return value


def parse_bool(value: object) -> bool:
    if is_blank(value):
        return False
    if isinstance(value, bool):
        return value
    s = text_of(value).lower()
    if s in YES_WORDS:
        return True
    if s in NO_WORDS:
        return False
    raise CellError(f"“{echo(value)}”应填“是”或“否”")


def parse_kind(value: object) -> CaseKind | None:
    if is_blank(value):
        return None
    kind = KIND_WORDS.get(text_of(value).lower())
    if kind is None:
        raise CellError(f"“{echo(value)}”不是案件类型（应为 调解、仲裁 或 监察）")
    return kind


def parse_outcome(value: object, kind: CaseKind) -> Outcome | None:
    if is_blank(value):
        return None
    s = text_of(value)
    words = OUTCOME_WORDS[kind]
    outcome = words.get(s) or words.get(s.lower())
    if outcome is None:
        try:
            code = Outcome(s.lower())
        except ValueError:
            code = None
        if code is not None and code in words.values():
            outcome = code
    if outcome is None:
        allowed = "、".join(dict.fromkeys(OUTCOME_TITLES[(kind, o)] for o in words.values()))
        raise CellError(f"“{echo(value)}”不是{KIND_TITLES[kind]}案件的结案方式（可填：{allowed}）")
    return outcome


def parse_claim_type(value: object) -> ClaimType | None:
    if is_blank(value):
        return None
    ct = CLAIM_WORDS.get(text_of(value).lower())
    if ct is None:
        raise CellError(f"“{echo(value)}”不是请求类型（可填：{'、'.join(CLAIM_TITLES.values())}）")
    return ct


def looks_masked(value: str) -> bool:
    return "*" in value or "＊" in value
