"""Checks on identifiers, phone numbers and amounts, shared by services, import and UI.

The boolean predicates never raise, whatever they are given (the UI calls them on every
keystroke, the importer on every cell). The ``clean_*`` functions normalise and raise a
:class:`~casemgr.errors.ValidationError` naming the field, for the services.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from decimal import Decimal, InvalidOperation

from casemgr import clock
from casemgr.enums import DISTRICTS_SHANWEI
from casemgr.errors import ValidationError

# GB 11643-1999 ------------------------------------------------------------------------------

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_ID_RE = re.compile(r"^[1-9]\d{16}[\dX]$")
# First digit of the administrative division code: 1 North, 2 North-east, 3 East,
# 4 Central-south, 5 South-west, 6 North-west, 7 Taiwan, 8 HK/Macau (港澳台居住证).
_ID_REGION_FIRST = frozenset("12345678")


def resident_id_check_char(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character for the first 17 digits."""
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def normalize_resident_id(value: str) -> str:
    return value.strip().upper()


def is_valid_resident_id(value: object, *, today: dt.date | None = None) -> bool:
    """18 characters, plausible region, a real birth date not in the future, MOD 11-2 check."""
    if not isinstance(value, str):
        return False
    v = normalize_resident_id(value)
    if not _ID_RE.match(v) or v[0] not in _ID_REGION_FIRST:
        return False
    if v[2:4] == "00" and v[0] != "8":  # a prefecture code is never 00 except 港澳台
        return False
    try:
        born = dt.date(int(v[6:10]), int(v[10:12]), int(v[12:14]))
    except ValueError:
        return False
    if born.year < 1800 or born > (today or clock.today()):
        return False
    return resident_id_check_char(v[:17]) == v[17]


def birth_date_from_id(value: str) -> dt.date:
    v = normalize_resident_id(value)
    return dt.date(int(v[6:10]), int(v[10:12]), int(v[12:14]))


# GB 32100-2015 ------------------------------------------------------------------------------

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, S, V, Z
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_USCC_RE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")


def uscc_check_char(first17: str) -> str:
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def normalize_uscc(value: str) -> str:
    return value.strip().upper()


def is_valid_uscc(value: object) -> bool:
    """18 characters from the code's alphabet, 6-digit region code, MOD 31 check character."""
    if not isinstance(value, str):
        return False
    return _uscc_ok(value)


@functools.lru_cache(maxsize=65_536)
def _uscc_ok(value: str) -> bool:
    # Memoised: a ledger names the same employers on many rows (a pure function of the text).
    v = normalize_uscc(value)
    if not _USCC_RE.match(v):
        return False
    return uscc_check_char(v[:17]) == v[17]


# phones ----------------------------------------------------------------------------------------

_MOBILE_RE = re.compile(r"^(?:\+?86)?1[3-9]\d{9}$")
_LANDLINE_RE = re.compile(r"^(?:\+?86)?0\d{2,3}\d{7,8}(?:\d{1,6})?$")


def normalize_phone(value: str) -> str:
    return re.sub(r"[\s\-()（）]", "", value.strip())


def is_valid_mobile(value: object) -> bool:
    return isinstance(value, str) and bool(_MOBILE_RE.match(normalize_phone(value)))


def is_valid_landline(value: object) -> bool:
    """Area code 0xx / 0xxx + 7-8 digit number, optional extension; separators allowed."""
    if not isinstance(value, str):
        return False
    v = normalize_phone(value)
    return bool(_LANDLINE_RE.match(v)) and len(v) <= 18


def is_valid_phone(value: object) -> bool:
    return is_valid_mobile(value) or is_valid_landline(value)


# amounts ---------------------------------------------------------------------------------------

MAX_AMOUNT = Decimal("100000000000.00")  # 1,000 亿元: above any single case, below BIGINT fen


def parse_amount(value: object) -> Decimal | None:
    """A non-negative amount with at most 2 decimals, or None. Floats are refused on purpose."""
    if isinstance(value, bool) or isinstance(value, float):
        return None
    if isinstance(value, int):
        d = Decimal(value)
    elif isinstance(value, Decimal):
        d = value
    elif isinstance(value, str):
        s = value.strip().replace(",", "").replace("，", "").replace("¥", "").replace("元", "")
        if not s or len(s) > 20:
            return None
        try:
            d = Decimal(s)
        except InvalidOperation:
            return None
    else:
        return None
    if not d.is_finite() or d < 0 or d > MAX_AMOUNT:
        return None
    if d.as_tuple().exponent < -2 and d != d.quantize(Decimal("0.01")):  # type: ignore[operator]
        return None
    return d.quantize(Decimal("0.01"))


def is_valid_amount(value: object) -> bool:
    return parse_amount(value) is not None


# clean_* for services ------------------------------------------------------------------------


FIELD_LABELS: dict[str, tuple[str, str]] = {
    "id_number": ("身份证号码", "resident ID number"),
    "uscc": ("统一社会信用代码", "unified social credit code"),
    "phone": ("电话号码", "phone number"),
    "name": ("姓名/名称", "name"),
    "amount_claimed": ("申请金额", "amount claimed"),
    "amount_recovered": ("追回金额", "amount recovered"),
    "amount": ("金额", "amount"),
    "workers": ("涉及人数", "number of workers"),
    "received_on": ("收案日期", "date received"),
    "knew_on": ("知道权利被侵害之日", "day the party knew of the infringement"),
    "limitation_interrupted_on": ("时效中断之日", "day the limitation was interrupted"),
    "minimum_wage_monthly": ("月最低工资标准", "monthly minimum wage"),
    "notice": ("通知名称", "notice"),
    "limitation_suspended_from": ("时效中止事由发生之日", "day the cause of suspension began"),
    "limitation_suspended_to": ("中止事由消除之日", "day the cause of suspension ended"),
    "suspended_to": ("中止事由消除之日", "day the cause of suspension ended"),
    "interrupted_on": ("时效中断之日", "day the limitation was interrupted"),
    "employment_ended_on": ("劳动关系终止之日", "day employment ended"),
    "violation_on": ("违法行为发生（终了）之日", "day the violation happened (or ended)"),
    "district": ("所属区县", "district"),
    "employer": ("用人单位", "employer"),
    # Named by the services' own refusals: never shown as the code ("assigned_user：用户不存在").
    "assigned_user": ("承办人", "officer in charge"),
    "applicant": ("申请人", "applicant"),
    "valid_from": ("生效日期", "valid from"),
    "username": ("用户名", "user name"),
    "user": ("用户", "user"),
    "role": ("角色", "role"),
    "reply_due_on": ("答复期限", "reply due"),
    "password": ("密码", "password"),
    "old_password": ("原密码", "current password"),
    "link_to": ("关联案件", "linked case"),
    "ground": ("理由", "ground"),
    "case_number": ("案号", "case number"),
    "channel": ("来源渠道", "channel"),
    "claims": ("请求事项", "claims"),
    "key_monitoring_since": ("重点监控起始日期", "key monitoring since"),
    "status": ("状态", "status"),
    "sort": ("排序", "sort order"),
    "level": ("预警等级", "warning level"),
    "risk_setting": ("欠薪风险分值或阈值", "arrears risk points or threshold"),
}


def _label(field: str) -> tuple[str, str]:
    return FIELD_LABELS.get(field, (field, field))


def fail(field: str, zh_problem: str, en_problem: str) -> ValidationError:
    zh, en = _label(field)
    return ValidationError(f"{zh}：{zh_problem}", f"{en}: {en_problem}", field=field)


# Control characters, and lone surrogates (half of a UTF-16 pair pasted alone): neither can be
# stored (PostgreSQL refuses NUL; no database encodes a lone surrogate as UTF-8).
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def has_control_chars(value: str) -> bool:
    """True for text no field accepts; PostgreSQL refuses NUL outright (a DataError, not a refusal)."""
    return bool(_CONTROL_RE.search(value))


def show_control_chars(value: str) -> str:
    """``\\x00`` for each control character: a hostile value, recorded (in the audit) as seen."""
    return _CONTROL_RE.sub(lambda m: f"\\x{ord(m.group()):02x}", value)


def strip_control_chars(value: str) -> str:
    """Search text without control characters: they match nothing, and NUL breaks PostgreSQL."""
    return _CONTROL_RE.sub("", value)


#: Surrogate keys are INTEGER columns: 32 bits on PostgreSQL (64 on SQLite). An id beyond
#: that names no row on either, but PostgreSQL answers the query with an error.
MAX_ID = 2**31 - 1


def is_valid_id(value: object) -> bool:
    """A value that can be a row id on every backend (never raises, bools are not ids)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_ID


def clean_text(value: object, field: str, *, max_len: int, required: bool = True) -> str | None:
    """Trimmed text without control characters, within ``max_len``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise fail(field, "不能为空", "is required")
        return None
    if not isinstance(value, str):
        raise fail(field, "必须是文字", "must be text")
    v = value.strip()
    if _CONTROL_RE.search(v):
        raise fail(field, "含有不可见的控制字符", "contains control characters")
    if len(v) > max_len:
        raise fail(field, f"不能超过 {max_len} 个字符", f"must be at most {max_len} characters")
    return v


def clean_district(value: object) -> str | None:
    """A district of this city, or None. The message names the known ones: a report for
    "火星区" must not come out as an empty page that looks like a quiet month."""
    d = clean_text(value, "district", max_len=32, required=False)
    if d is not None and d not in DISTRICTS_SHANWEI:
        known = "、".join(DISTRICTS_SHANWEI)
        raise fail(
            "district",
            f"“{d}”不是本市的区县（本市区县：{known}）",
            f"'{d}' is not a district of this city (known: {', '.join(DISTRICTS_SHANWEI)})",
        )
    return d


def clean_resident_id(value: object, field: str = "id_number", *, required: bool = False) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise fail(field, "不能为空", "is required")
        return None
    if not is_valid_resident_id(value):
        raise fail(
            field,
            "不是有效的18位身份证号码（校验位或出生日期不符）",
            "is not a valid 18-character resident ID number",
        )
    assert isinstance(value, str)
    return normalize_resident_id(value)


def clean_uscc(value: object, field: str = "uscc", *, required: bool = False) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise fail(field, "不能为空", "is required")
        return None
    if not is_valid_uscc(value):
        raise fail(
            field, "不是有效的18位统一社会信用代码（校验位不符）", "is not a valid unified social credit code"
        )
    assert isinstance(value, str)
    return normalize_uscc(value)


def clean_phone(value: object, field: str = "phone") -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not is_valid_phone(value):
        raise fail(field, "不是有效的手机或固定电话号码", "is not a valid mobile or landline number")
    assert isinstance(value, str)
    return normalize_phone(value)


def clean_amount(value: object, field: str = "amount") -> Decimal:
    if value is None or value == "":
        return Decimal("0.00")
    d = parse_amount(value)
    if d is None:
        raise fail(
            field,
            "必须是不小于0、最多两位小数的金额",
            "must be a non-negative amount with at most 2 decimals",
        )
    return d


def clean_int(value: object, field: str, *, minimum: int = 0, maximum: int = 1_000_000) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        # isdecimal, not isdigit: "²" is a digit that int() refuses; the length cap keeps
        # int() away from its 4,300-digit limit (a ValueError, not a message).
        if isinstance(value, str) and value.strip().isdecimal() and len(value.strip()) <= 18:
            value = int(value.strip())
        else:
            raise fail(field, "必须是整数", "must be a whole number")
    assert isinstance(value, int)
    if not minimum <= value <= maximum:
        raise fail(field, f"必须在 {minimum} 到 {maximum} 之间", f"must be between {minimum} and {maximum}")
    return value


def clean_date(
    value: object, field: str, *, required: bool = True, not_after: dt.date | None = None
) -> dt.date | None:
    if value is None:
        if required:
            raise fail(field, "不能为空", "is required")
        return None
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise fail(field, "必须是日期", "must be a date")
    if value.year < 1950:
        raise fail(field, "日期过早", "is too early")
    if not_after is not None and value > not_after:
        raise fail(field, "不能晚于今天", "cannot be in the future")
    return value
