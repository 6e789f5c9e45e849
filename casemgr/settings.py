"""Dated settings: bureau name, number formats, thresholds, minimum wage.

A value is looked up *as of a date* because the law does: the final-award threshold
depends on the minimum wage in force on the award date (legal-rules §8), and a report
for last year must use last year's thresholds. Defaults live here, in code, so a fresh
database works; an administrator's row with a later ``valid_from`` overrides them.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from casemgr import clock
from casemgr.models import Setting

EPOCH = dt.date(1900, 1, 1)

#: The setting that marks a demo database (see casemgr.demo.staff).
DEMO_KEY = "demo_database"

#: 欠薪风险预警 (issue 17, docs/prevention.md §1): factor -> (points per fact, most facts counted).
#: ``risk.points.<factor>`` and ``risk.cap.<factor>`` are dated settings; 0 points turns a factor off.
RISK_DEFAULTS: dict[str, tuple[int, int]] = {
    "complaints_90d": (10, 3),  # 监察投诉 received in the last 90 days, each
    "cases_365d": (3, 5),  # cases of any kind received in the last 365 days, each
    "unpaid_orders": (15, 2),  # cases whose ordered / awarded money is not fully paid, each
    "repeat_violations": (10, 2),  # 查处 (handling decision / penalty) in 365 days beyond the first
    "collective_365d": (15, 2),  # collective (≥10 workers) cases received in the last 365 days, each
    "owed_per_worker": (5, 4),  # open arrears per worker, per month of the minimum wage
    "blacklisted": (40, 1),  # on the 失信联合惩戒名单 today
    "key_monitoring": (15, 1),  # under 工资支付重点监控
}
#: Lowest score of each level (a score below ``yellow`` has no level).
RISK_THRESHOLDS: dict[str, int] = {"yellow": 20, "orange": 40, "red": 60}

#: key -> list of (valid_from, value), oldest first. Values are JSON-serialisable.
DEFAULTS: dict[str, list[tuple[dt.date, Any]]] = {
    "bureau_name": [(EPOCH, "汕尾市人力资源和社会保障局")],
    "arbitration_commission_name": [(EPOCH, "汕尾市劳动人事争议仲裁委员会")],
    "case_number_format.arbitration": [(EPOCH, "汕劳人仲案字〔{year}〕第{seq:04d}号")],
    "case_number_format.mediation": [(EPOCH, "汕劳人调字〔{year}〕第{seq:04d}号")],
    "case_number_format.inspection": [(EPOCH, "汕人社监字〔{year}〕第{seq:04d}号")],
    # 汕尾 月最低工资标准 (legal-rules §8), each figure with the notice it comes from. The
    # 2025 figure (四类 1,750) is read from a secondary source and 汕尾's tier from the earlier
    # lists, so it stays unconfirmed until an administrator enters it with the notice.
    # The next adjustment is an administrator's dated row (services.admin.set_setting), not a
    # release.
    "minimum_wage_monthly": [
        (dt.date(2018, 7, 1), "1410.00"),
        (dt.date(2021, 12, 1), "1620.00"),
        (dt.date(2025, 3, 1), "1750.00"),
    ],
    "minimum_wage_notice": [
        (dt.date(2018, 7, 1), "广东省人民政府关于调整我省最低工资标准的通知（2018年7月1日起执行）"),
        (dt.date(2021, 12, 1), "广东省人民政府关于调整我省最低工资标准的通知（2021年12月1日起执行）"),
        (dt.date(2025, 3, 1), "广东省人民政府关于调整我省最低工资标准的通知（粤府函〔2025〕23号）"),
    ],
    "minimum_wage_confirmed": [(EPOCH, False), (dt.date(2021, 12, 1), True), (dt.date(2025, 3, 1), False)],
    # 集体 / 挂牌督办 triggers (legal-rules §2.5, §5.4; configurable)
    "collective_min_workers": [(EPOCH, 10)],
    "supervision_min_workers": [(EPOCH, 100)],
    "supervision_min_amount": [(EPOCH, "1000000.00")],
    # 拒不支付劳动报酬罪 thresholds, Guangdong 二类 incl. 汕尾 (legal-rules §5.5)
    "crime_threshold_single": [(EPOCH, "10000.00")],
    "crime_threshold_collective": [(EPOCH, "60000.00")],
    "reminder_lead_working_days": [(EPOCH, [5, 1])],
    "inspection_rule_set": [(EPOCH, "guangdong")],  # or "national" (60 + 30 wd)
    # The body a new mediation case is registered at unless the form says otherwise.
    "mediation_body_default": [(EPOCH, "bureau_centre")],  # or "enterprise" (人社部令第17号)
    # Who gets an arbitration case handed over from mediation: "least_loaded" (the active
    # arbitration clerk of the case's district with the fewest open arbitration cases, else
    # of any district) or "unassigned" (the supervisor assigns it).
    "arbitration_assignment": [(EPOCH, "least_loaded")],
    "idle_lock_minutes": [(EPOCH, 15)],
    # Notices (文书): where an administrative decision may be challenged (中华人民共和国行政复议法, 2023:
    # the people's government at the bureau's level; 行政诉讼法 Art. 46: the court the bureau names),
    # and the fonts: this PC's 仿宋/宋体 where installed, else the shipped font; or, when
    # notice_font_shipped, the font shipped with the program on every PC (every copy alike).
    "administrative_review_body": [(EPOCH, "汕尾市人民政府")],
    "administrative_court": [(EPOCH, "")],
    "notice_font_shipped": [(EPOCH, False)],
    # A demo database (``casemgr demo`` / ``./run --demo`` on a fresh file): its accounts have
    # published passwords, so every window says 演示 and it must never hold real cases.
    DEMO_KEY: [(EPOCH, False)],
    # Who approves an extension of a statutory period, per case kind: "role:<role>" or
    # "user:<username>" entries (services.workflow.require_extension_approver). The law names
    # the commission chair or the 仲裁院 head he authorises (调解仲裁法 Art. 43, 办案规则
    # Art. 45) and, in inspection, the bureau head (粤条例 Art. 44); a bureau names those
    # accounts here. Until it does, any supervisor other than the requester approves.
    "extension_approvers.mediation": [(EPOCH, ["role:supervisor"])],
    "extension_approvers.arbitration": [(EPOCH, ["role:supervisor"])],
    "extension_approvers.inspection": [(EPOCH, ["role:supervisor"])],
    **{
        f"risk.{part}.{code}": [(EPOCH, value)]
        for code, (points, cap) in RISK_DEFAULTS.items()
        for part, value in (("points", points), ("cap", cap))
    },
    **{f"risk.threshold.{level}": [(EPOCH, value)] for level, value in RISK_THRESHOLDS.items()},
}

#: Every setting of the arrears risk score (issue 17), in the order the settings page lists them.
RISK_KEYS: tuple[str, ...] = tuple(
    [f"risk.{part}.{code}" for code in RISK_DEFAULTS for part in ("points", "cap")]
    + [f"risk.threshold.{level}" for level in RISK_THRESHOLDS]
)


def decode(raw: str) -> Any:
    """A stored value as Python (the settings page lists the stored rows with it)."""
    return json.loads(raw)


def get(session: Session, key: str, on: dt.date | None = None) -> Any:
    """The value in force on ``on`` (today by default): a stored row, else the code default."""
    on = on or clock.today()
    row = session.execute(
        select(Setting.valid_from, Setting.value)
        .where(Setting.key == key, Setting.valid_from <= on)
        .order_by(Setting.valid_from.desc())
        .limit(1)
    ).first()
    default = None
    default_from = None
    for since, value in DEFAULTS.get(key, []):
        if since <= on:
            default, default_from = value, since
    # A stored row wins unless a newer code default (a later legal change) supersedes it.
    if row is not None and (default_from is None or row.valid_from >= default_from):
        return decode(row.value)
    if default_from is None:
        raise KeyError(key)
    return default


def is_demo_database(session: Session) -> bool:
    """Marked as a demo database: the title bars say so and the log-in offers the demo accounts."""
    return bool(get(session, DEMO_KEY, EPOCH))


def get_decimal(session: Session, key: str, on: dt.date | None = None) -> Decimal:
    return Decimal(str(get(session, key, on)))


def put(session: Session, key: str, value: Any, valid_from: dt.date = EPOCH) -> None:
    """Store a value (callers audit it: see services.admin)."""
    raw = json.dumps(value, ensure_ascii=False, default=str)
    existing = session.get(Setting, (key, valid_from))
    if existing is None:
        session.add(Setting(key=key, valid_from=valid_from, value=raw))
    else:
        existing.value = raw
    session.flush()
