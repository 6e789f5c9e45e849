"""Administrator's changes to dated settings (bureau name, minimum wage, thresholds).

Why a service: ``casemgr.settings.put`` only stores; a change of the minimum wage moves
the final-award threshold and a change of a threshold moves the collective/supervised
flags, so who changed what, from which date, must be in the audit chain, and a bad value
must be refused before it is stored. Only keys the code knows are accepted, and each value
is cleaned to the type of its default (amounts as yuan strings, counts as integers, names
as text, flags as booleans).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from casemgr import audit, permissions, settings, validation
from casemgr.actor import Actor
from casemgr.enums import Role
from casemgr.errors import ValidationError
from casemgr.models import Setting

#: Settings an administrator edits in the app, by value type.
MONEY_KEYS = (
    "minimum_wage_monthly",
    "supervision_min_amount",
    "crime_threshold_single",
    "crime_threshold_collective",
)
INT_KEYS = ("collective_min_workers", "supervision_min_workers", "idle_lock_minutes")
TEXT_KEYS = (
    "bureau_name",
    "arbitration_commission_name",
    "administrative_review_body",
    "administrative_court",
)
BOOL_KEYS = ("minimum_wage_confirmed", "notice_font_shipped")
#: Lists of "role:<role>" / "user:<username>" (who approves extensions, per case kind).
APPROVER_KEYS = (
    "extension_approvers.arbitration",
    "extension_approvers.inspection",
    "extension_approvers.mediation",
)
MINIMUM_WAGE_KEY = "minimum_wage_monthly"
#: The arrears risk score's points, caps and thresholds (issue 17): whole numbers, 0 allowed.
RISK_KEYS = settings.RISK_KEYS
EDITABLE_KEYS = TEXT_KEYS + MONEY_KEYS + INT_KEYS + BOOL_KEYS + APPROVER_KEYS + RISK_KEYS


@dataclass(frozen=True)
class SettingValue:
    """One dated value of a setting, as the settings page lists it."""

    key: str
    valid_from: dt.date
    value: Any
    stored: bool  # False: the code default (no administrator row)


def _clean_approvers(key: str, value: object) -> list[str]:
    """ "role:supervisor, user:wang" (or a list) -> ["role:supervisor", "user:wang"]."""
    raw = value if isinstance(value, list | tuple) else str(value or "").replace("，", ",").split(",")
    out: list[str] = []
    for item in raw:
        entry = str(item).strip()
        if not entry:
            continue
        prefix, _, name = entry.partition(":")
        ok = bool(name.strip()) and (
            (prefix == "role" and name in {r.value for r in Role if r not in (Role.AUDITOR, Role.ADMIN)})
            or prefix == "user"
        )
        if not ok:
            raise validation.fail(
                key,
                f"“{entry}”无效：应为 role:角色代码 或 user:用户名",
                f"'{entry}' is not role:<role code> or user:<username>",
            )
        out.append(f"{prefix}:{name.strip()}")
    if not out:
        raise validation.fail(key, "至少指定一名审批人", "name at least one approver")
    return out


def _clean(key: str, value: object) -> Any:
    if key in APPROVER_KEYS:
        return _clean_approvers(key, value)
    if key in MONEY_KEYS:
        amount = validation.clean_amount(value, key)
        if amount <= 0:
            raise validation.fail(key, "必须大于零", "must be more than zero")
        return str(amount)
    if key in INT_KEYS:
        return validation.clean_int(value, key, minimum=1, maximum=1_000_000)
    if key in RISK_KEYS:
        return validation.clean_int(value, "risk_setting", minimum=0, maximum=1000)
    if key in TEXT_KEYS:
        return validation.clean_text(value, key, max_len=100)
    if not isinstance(value, bool):
        raise validation.fail(key, "必须为是或否", "must be yes or no")
    return value


def _check_threshold_order(session: Session, key: str, value: int, on: dt.date) -> None:
    """Yellow < orange < red on the day the change takes effect: with red at or below orange an
    employer would turn red before it is ever orange, and the ranked list would mislead."""
    levels = {
        lv: int(settings.get(session, f"risk.threshold.{lv}", on)) for lv in ("yellow", "orange", "red")
    }
    levels[key.rsplit(".", 1)[1]] = value
    y, o, r = levels["yellow"], levels["orange"], levels["red"]
    if not y < o < r:
        raise validation.fail(
            "risk_setting",
            f"预警分值须满足 黄色 < 橙色 < 红色（修改后为 {y} / {o} / {r}）",
            f"the thresholds must rise yellow < orange < red (this change makes them {y} / {o} / {r})",
        )


def set_setting(
    session: Session,
    actor: Actor,
    key: str,
    value: object,
    valid_from: dt.date,
    *,
    notice: str | None = None,
) -> SettingValue:
    """Store ``value`` for ``key`` in force from ``valid_from``; audited with the value it replaces.

    A monthly minimum wage needs ``notice``, the name of the government notice that sets it
    (e.g. 粤府函〔2025〕23号): the final-award threshold follows the figure, and an award must
    be able to say which notice it applied. The figure, its notice and its confirmation are
    stored together, in one audit entry.
    """
    permissions.require(actor, "settings.edit")
    if key not in EDITABLE_KEYS:
        raise ValidationError(f"设置项 {key} 不能修改。", f"Setting {key} cannot be changed.", field="key")
    if not isinstance(valid_from, dt.date) or isinstance(valid_from, dt.datetime):
        raise validation.fail("valid_from", "须为日期", "must be a date")
    clean = _clean(key, value)
    if key.startswith("risk.threshold."):
        _check_threshold_order(session, key, clean, valid_from)
    before = settings.get(session, key, valid_from)
    extra: dict[str, Any] = {}
    if key == MINIMUM_WAGE_KEY:
        if notice is None or not str(notice).strip():
            raise ValidationError(
                "请填写发布该最低工资标准的通知名称（如 粤府函〔2025〕23号）。",
                "Enter the name of the notice that sets this minimum wage (e.g. 粤府函〔2025〕23号).",
                field="notice",
            )
        extra["notice"] = validation.clean_text(notice, "notice", max_len=200)
        settings.put(session, "minimum_wage_notice", extra["notice"], valid_from)
        settings.put(session, "minimum_wage_confirmed", True, valid_from)
    settings.put(session, key, clean, valid_from)
    audit.record(
        session,
        user_id=actor.user_id,
        username=actor.username,
        action="setting.update",
        entity="setting",
        entity_id=f"{key}@{valid_from.isoformat()}",
        before={"value": before},
        after={"value": clean, "valid_from": valid_from, **extra},
    )
    return SettingValue(key, valid_from, clean, True)


def setting_history(session: Session, key: str) -> list[SettingValue]:
    """Every dated value of ``key``: the code defaults and the stored rows, oldest first."""
    stored = {
        row.valid_from: row.value
        for row in session.execute(select(Setting).where(Setting.key == key)).scalars()
    }
    out = {since: SettingValue(key, since, v, False) for since, v in settings.DEFAULTS.get(key, [])}
    for since, raw in stored.items():
        out[since] = SettingValue(key, since, settings.decode(raw), True)
    return [out[d] for d in sorted(out)]


def current_values(session: Session, on: dt.date | None = None) -> dict[str, Any]:
    """The value in force today of every editable setting."""
    return {k: settings.get(session, k, on) for k in EDITABLE_KEYS}
