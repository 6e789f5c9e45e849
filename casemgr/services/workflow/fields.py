"""The fields of a workflow step or record, cleaned to their declared types before any write.

``casemgr.workflow`` declares each step's fields (date, text, amount, choice, names, award
items); :func:`clean_fields` turns what a form or a caller sent into those types and names
the first missing or bad field in the error, so a refused step writes nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from casemgr import validation
from casemgr.enums import ClaimType
from casemgr.errors import ValidationError, WorkflowError
from casemgr.services import hearings
from casemgr.workflow import final_award
from casemgr.workflow.model import FieldDef, TransitionDef


def _missing(t: TransitionDef, f: FieldDef) -> WorkflowError:
    label = f.label_zh or f.name
    return WorkflowError(
        f"“{t.name_zh}”需要填写：{label}。",
        f"'{t.name_en}' needs the field {f.label_en or f.name}.",
        field=f.name,
        code="missing_field",
    )


def _bad(f: FieldDef, zh: str, en: str) -> ValidationError:
    return ValidationError(f"{f.label_zh or f.name}：{zh}", f"{f.label_en or f.name}: {en}", field=f.name)


def _clean_date(f: FieldDef, v: object) -> dt.date:
    if isinstance(v, dt.datetime):
        raise _bad(f, "应为日期", "must be a date")
    if isinstance(v, dt.date):
        return v
    if isinstance(v, str):
        try:
            return dt.date.fromisoformat(v.strip())
        except ValueError:
            pass
    raise _bad(f, "应为日期（YYYY-MM-DD）", "must be a date (YYYY-MM-DD)")


def _clean_items(f: FieldDef, v: object) -> list[final_award.AwardItem]:
    if not isinstance(v, list | tuple) or not v:
        raise _bad(f, "至少需要一项", "needs at least one item")
    out = []
    for i, raw in enumerate(v):
        if not isinstance(raw, dict):
            raise _bad(f, f"第{i + 1}项格式不对", f"item {i + 1} is malformed")
        try:
            ctype = ClaimType(raw.get("claim_type", ClaimType.WAGES))
        except ValueError:
            raise _bad(f, f"第{i + 1}项请求类型无效", f"item {i + 1} has an unknown claim type") from None
        amount = validation.clean_amount(raw.get("amount"), f.name)
        cid = raw.get("claim_item_id")
        if cid is not None and not validation.is_valid_id(cid):
            raise _bad(f, f"第{i + 1}项请求编号无效", f"item {i + 1} has a bad claim id")
        out.append(final_award.AwardItem(ctype, amount, cid))
    return out


def clean_fields(t: TransitionDef, fields: dict[str, Any]) -> dict[str, Any]:
    """Normalise the transition's fields; the first bad or missing one is named in the error."""
    unknown = sorted(set(fields) - {f.name for f in t.fields})
    if unknown:
        raise ValidationError(
            f"“{t.name_zh}”不接受字段 {unknown[0]}。",
            f"'{t.name_en}' takes no field {unknown[0]}.",
            field=unknown[0],
        )
    out: dict[str, Any] = {}
    for f in t.fields:
        v = fields.get(f.name)
        if v is None or (isinstance(v, str) and not v.strip()):
            if f.required:
                raise _missing(t, f)
            continue
        if f.type == "date":
            out[f.name] = _clean_date(f, v)
        elif f.type == "text":
            out[f.name] = validation.clean_text(v, f.name, max_len=2000)
        elif f.type == "decimal":
            parsed = validation.parse_amount(v) if not isinstance(v, float) else None
            if parsed is None:
                raise _bad(f, "应为金额或数值", "must be a number (not a float)")
            out[f.name] = parsed
        elif f.type == "int":
            out[f.name] = validation.clean_int(v, f.name, minimum=0, maximum=1_000_000)
        elif f.type == "bool":
            if not isinstance(v, bool):
                raise _bad(f, "应为是/否", "must be yes or no")
            out[f.name] = v
        elif f.type == "choice":
            if str(v) not in f.choices:
                raise _bad(f, f"“{v}”不是可选值", f"'{v}' is not one of {', '.join(f.choices)}")
            out[f.name] = str(v)
        elif f.type == "strings":
            if not isinstance(v, list | tuple) or not all(isinstance(x, str) and x.strip() for x in v):
                raise _bad(f, "应为非空名单", "must be a list of names")
            out[f.name] = [x.strip() for x in v]
        elif f.type == "items":
            out[f.name] = _clean_items(f, v)
        elif f.type == "time":  # a wall-clock time, kept as "HH:MM" (the hearing's start)
            out[f.name] = hearings.hhmm(hearings.parse_time(v, f.name))
        elif f.type == "ids":  # rows chosen from a list (the tribunal's members)
            if not isinstance(v, list | tuple) or not all(validation.is_valid_id(x) for x in v):
                raise _bad(f, "应为名单中的选项", "must be entries of the list")
            out[f.name] = [int(x) for x in v]
        else:  # pragma: no cover - the tables are checked at import
            raise AssertionError(f.type)
    return out
