"""Closed vocabularies shared by the models, the workflow, the metrics and the UI.

They are ``StrEnum`` so the database stores readable codes (``"arbitration"``) that
survive a reordering of the enum and can be read with the ``sqlite3`` shell during an
audit. Labels for people live in the UI (Qt ``tr()``) and in ``casemgr.labels`` for the
PDF reports, never here, so that the domain stays free of any one language.
"""

from __future__ import annotations

from enum import StrEnum


class CaseKind(StrEnum):
    MEDIATION = "mediation"  # 调解
    ARBITRATION = "arbitration"  # 仲裁
    INSPECTION = "inspection"  # 劳动保障监察举报投诉


class Outcome(StrEnum):
    """How a case ended (结案方式). ``None`` on the case while it is open.

    The indicators depend on these codes only (see ``casemgr.metrics``), so the
    workflow may grow states freely as long as every closing transition sets one.
    """

    # mediation (调解组织)
    AGREEMENT = "agreement"  # 达成调解协议 — success
    SETTLEMENT = "settlement"  # 达成和解 — success
    WITHDRAWN_SETTLED = "withdrawn_settled"  # 和解后撤回 — success (legal-rules §3.2)
    FAILED = "failed"  # 调解不成
    EXPIRED = "expired"  # 15 日内未达成协议, 视为调解不成
    # arbitration (仲裁)
    AWARD = "award"  # 裁决
    ARB_MEDIATION = "arb_mediation"  # 仲裁调解书 — success (counts in mediation success rate)
    DEEMED_WITHDRAWN = "deemed_withdrawn"  # 按撤回处理
    TERMINATED = "terminated"  # 终止审理 / 其他方式
    # 立案前调解成功 (办案规则 Art. 69): the application was never accepted, so it is no
    # arbitration case closed (nor a mediation success: the mediating body counts its own).
    PREFILING_SETTLED = "prefiling_settled"
    # inspection (监察)
    HANDLING_DECISION = "handling_decision"  # 责令改正 / 行政处理决定
    PENALTY = "penalty"  # 行政处罚决定
    CANCELLED = "cancelled"  # 撤销立案
    TRANSFERRED = "transferred"  # 移送有关部门 / 司法机关
    REFER_TO_DISPUTE = "refer_to_dispute"  # 告知通过争议处理程序解决 (粤条例 44 ¶4)
    # shared
    WITHDRAWN = "withdrawn"  # 撤回 (mediation/arbitration: not a success)
    REFUSED = "refused"  # 不予受理 — never counts as accepted or closed


#: Outcomes counted as "closed by successful mediation" (调解成功), legal-rules §6.1.
MEDIATION_SUCCESS_OUTCOMES: frozenset[Outcome] = frozenset(
    {Outcome.AGREEMENT, Outcome.SETTLEMENT, Outcome.WITHDRAWN_SETTLED, Outcome.ARB_MEDIATION}
)


class PartyRole(StrEnum):
    APPLICANT = "applicant"  # 申请人 (mediation, arbitration)
    RESPONDENT = "respondent"  # 被申请人
    COMPLAINANT = "complainant"  # 投诉人 (inspection, own rights)
    REPORTER = "reporter"  # 举报人 (inspection; identity confidential, 条例 Art. 9)
    THIRD_PARTY = "third_party"  # 第三人
    REPRESENTATIVE = "representative"  # 代表人 (collective cases, 办案规则 Art. 63)
    AGENT = "agent"  # 委托代理人


class ComplaintType(StrEnum):
    COMPLAINT = "complaint"  # 投诉: the worker's own rights
    REPORT = "report"  # 举报: anonymous, or not one's own rights (粤条例 Art. 34)


class MediationBody(StrEnum):
    """Who mediates: the rules differ (legal-rules §11 #11)."""

    BUREAU_CENTRE = "bureau_centre"  # 本局劳动人事争议调解中心: 调解仲裁法 Art. 14 + the bureau's rules
    ENTERPRISE = "enterprise"  # 企业劳动争议调解委员会: 企业劳动争议协商调解规定 (人社部令第17号)


class Channel(StrEnum):
    """Where a matter came in; outside channels carry an external reference and a reply clock."""

    WINDOW = "window"  # 窗口 / 当面
    MAIL = "mail"  # 信函
    ONLINE = "online"  # 网上申请
    PLATFORM = "platform"  # 全国根治欠薪线索反映平台
    HOTLINE_12345 = "hotline_12345"  # 12345 热线
    PETITION = "petition"  # 信访
    TRANSFER = "transfer"  # 其他部门移送
    OWN_DISCOVERY = "own_discovery"  # 主动发现 (粤条例 Art. 32)
    IMPORT = "import"  # 台账导入


class ClaimType(StrEnum):
    WAGES = "wages"  # 劳动报酬 / 工资
    OVERTIME = "overtime"  # 加班费
    SEVERANCE = "severance"  # 经济补偿 (incl. 竞业限制, 解除/终止)
    DAMAGES = "damages"  # 赔偿金 (二倍工资, 违法解除 ...)
    SOCIAL_INSURANCE = "social_insurance"  # 社会保险 (Law Art. 47(二): final whatever the amount)
    WORKING_TIME = "working_time"  # 工作时间 (Art. 47(二))
    REST_LEAVE = "rest_leave"  # 休息休假 (Art. 47(二))
    INJURY_MEDICAL = "injury_medical"  # 工伤医疗费 (Art. 47(一): the one injury item that can be final)
    INJURY = "injury"  # 其他工伤待遇 (伤残补助金, 停工留薪期工资 ...): never final
    OTHER = "other"
    # 加付赔偿金 (劳动合同法 Art. 85, 劳动保障监察条例 Art. 26): ordered by the bureau per worker
    # when an order to pay is not met; never claimed, so not offered on the new-case form.
    EXTRA_COMPENSATION = "extra_compensation"


#: The claim types a case can be registered with (the others are ordered, not claimed).
CLAIMABLE_TYPES = tuple(ct for ct in ClaimType if ct is not ClaimType.EXTRA_COMPENSATION)


class EventKind(StrEnum):
    CREATED = "created"
    TRANSITION = "transition"
    HEARING = "hearing"
    SERVICE = "service"  # 送达
    DOCUMENT = "document"
    PAYMENT = "payment"
    NOTE = "note"
    CLOCK = "clock"  # pause / resume / restart / extension
    FLAG = "flag"  # green channel / supervision set or cleared
    ASSIGNMENT = "assignment"
    AMOUNTS = "amounts"
    IMPORTED = "imported"


class ServiceMethod(StrEnum):
    DIRECT = "direct"  # 直接送达
    LEFT = "left"  # 留置送达
    POSTED = "posted"  # 张贴送达 (办案规则 Art. 20 ¶2: like 留置, served three working days later)
    POST = "post"  # 邮寄送达
    ELECTRONIC = "electronic"  # 电子送达
    PUBLIC_NOTICE = "public_notice"  # 公告送达 (time excluded from the 45-day clock)


class DeadlineState(StrEnum):
    RUNNING = "running"
    PAUSED = "paused"
    MET = "met"
    BREACHED = "breached"
    CANCELLED = "cancelled"


class DayType(StrEnum):
    WORKING = "working"  # 工作日
    CALENDAR = "calendar"  # 自然日, rolled to the next working day


class CalendarDayType(StrEnum):
    HOLIDAY = "holiday"  # 放假 (statutory holiday or 调休 rest day)
    WORKDAY = "workday"  # 调休上班 / working day


class Role(StrEnum):
    ADMIN = "admin"  # 系统管理员
    SUPERVISOR = "supervisor"  # 科长 / 主任
    CLERK = "clerk"  # 仲裁书记员
    MEDIATOR = "mediator"  # 调解员
    INSPECTOR = "inspector"  # 劳动保障监察员
    AUDITOR = "auditor"  # 只读审计


DISTRICTS_SHANWEI: tuple[str, ...] = (
    "城区",
    "海丰县",
    "陆丰市",
    "陆河县",
    "红海湾经济开发区",
    "华侨管理区",
    "汕尾高新区",
)
