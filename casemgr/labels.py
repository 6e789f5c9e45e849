"""Chinese and English labels for the codes printed in PDFs (reports and notices).

The domain stores codes (``enums``); the Qt UI translates with ``tr()``; PDFs are built
without Qt, so their labels live here as plain dicts of ``code -> (zh, en)``. Keep it a
simple data module: several report builders add their own tables.
"""

from __future__ import annotations

Pair = tuple[str, str]

KINDS: dict[str, Pair] = {
    "mediation": ("调解", "Mediation"),
    "arbitration": ("仲裁", "Arbitration"),
    "inspection": ("监察举报投诉", "Inspection complaints"),
}

#: Short kind names for narrow table columns.
KINDS_SHORT: dict[str, Pair] = {
    "mediation": ("调解", "Med."),
    "arbitration": ("仲裁", "Arb."),
    "inspection": ("监察", "Insp."),
}

OUTCOMES: dict[str, Pair] = {
    "agreement": ("达成调解协议", "Mediation agreement"),
    "settlement": ("达成和解", "Settlement"),
    "withdrawn_settled": ("和解后撤回", "Withdrawn after settlement"),
    "failed": ("调解不成", "Mediation failed"),
    "expired": ("逾期未达成协议", "Mediation period expired"),
    "award": ("裁决", "Award"),
    "arb_mediation": ("仲裁调解书", "Arbitral mediation statement"),
    "deemed_withdrawn": ("按撤回处理", "Deemed withdrawn"),
    "terminated": ("终止审理", "Proceedings terminated"),
    "handling_decision": ("责令改正/行政处理决定", "Order to rectify / handling decision"),
    "penalty": ("行政处罚决定", "Administrative penalty"),
    "cancelled": ("撤销立案", "Filing cancelled"),
    "transferred": ("移送", "Transferred"),
    "refer_to_dispute": ("告知通过争议处理程序解决", "Referred to dispute resolution"),
    "withdrawn": ("撤回", "Withdrawn"),
    "refused": ("不予受理", "Not accepted"),
    "prefiling_settled": ("立案前调解成功", "Settled in mediation before filing"),
}

PARTY_ROLES: dict[str, Pair] = {
    "applicant": ("申请人", "Applicant"),
    "respondent": ("被申请人", "Respondent"),
    "complainant": ("投诉人", "Complainant"),
    "reporter": ("举报人", "Reporter"),
    "third_party": ("第三人", "Third party"),
    "representative": ("代表人", "Representative"),
    "agent": ("委托代理人", "Agent"),
}

DISTRICTS: dict[str, Pair] = {
    "城区": ("城区", "Chengqu"),
    "海丰县": ("海丰县", "Haifeng County"),
    "陆丰市": ("陆丰市", "Lufeng City"),
    "陆河县": ("陆河县", "Luhe County"),
    "红海湾经济开发区": ("红海湾经济开发区", "Honghaiwan Development Zone"),
    "华侨管理区": ("华侨管理区", "Overseas Chinese Zone"),
    "汕尾高新区": ("汕尾高新区", "Shanwei Hi-tech Zone"),
}

INDICATORS: dict[str, Pair] = {
    "mediation_success_rate": ("调解成功率", "Mediation success rate"),
    "arbitration_closure_rate": ("仲裁结案率", "Arbitration closure rate"),
    "inspection_closure_rate": ("举报投诉案件结案率", "Inspection complaint closure rate"),
    "green_on_time_rate": ("绿色通道按时办结率", "Green-channel on-time rate"),
}

#: Report texts; ``{name}`` placeholders are filled with ``str.format``.
REPORT: dict[str, Pair] = {
    "title": (
        "{bureau}\n劳动争议调解仲裁与劳动保障监察月度统计报表",
        "{bureau}\nMonthly report: mediation, arbitration and labour inspection",
    ),
    "month": ("统计月份：{year}年{month}月", "Month: {month_en}"),
    "district": ("区县：{district}", "District: {district}"),
    "all_districts": ("全市", "Whole city"),
    "generated": ("生成时间：{at}", "Generated: {at}"),
    "page": ("第 {page} 页 共 {pages} 页", "Page {page} of {pages}"),
    "audit_anchor": (
        "审计链锚点：{anchor}（核验：casemgr audit verify --anchor {seq}:哈希值）",
        "Audit chain anchor: {anchor} (check: casemgr audit verify --anchor {seq}:HASH)",
    ),
    "summary": ("一、主要指标", "1. Key indicators"),
    "indicator": ("指标", "Indicator"),
    "this_month": ("本月", "This month"),
    "ytd": ("本年累计", "Year to date"),
    "numerator": ("分子", "Num."),
    "denominator": ("分母", "Denom."),
    "rate": ("比率", "Rate"),
    "target": ("年度目标", "Annual target"),
    "met": ("达标（本年累计）", "Met (year to date)"),
    "targets_note": (
        "目标为“十四五”规划的年度目标，按本年累计判断是否达标；单月比率仅供参考。",
        "The targets are the plan's annual targets and are judged on the year to date; a single month is shown for reference.",
    ),
    "sign_head": ("单位负责人：", "Head of unit:"),
    "sign_review": ("审核：", "Reviewed by:"),
    "sign_prepared": ("制表：", "Prepared by:"),
    "sign_date": ("报出日期：　　　年　　月　　日", "Date of submission:"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "na": ("—", "—"),
    "other_figures": ("其他数据", "Other figures"),
    "recovered": ("追回金额（元）", "Recovered (yuan)"),
    "claimed": ("请求金额（元）", "Claimed (yuan)"),
    "workers_helped": ("帮助劳动者（人）", "Workers helped"),
    "workers_involved": ("涉及劳动者（人）", "Workers involved"),
    "collective": ("集体案件", "Collective cases"),
    "supervised": ("挂牌督办案件", "Supervised cases"),
    "overdue": ("超期未结案件", "Open cases past a deadline"),
    "overdue_as_of": ("超期案件统计日：{day}", "Overdue counted on {day}"),
    "trend": ("二、近12个月趋势", "2. Twelve-month trend"),
    "by_kind": ("三、分类统计（本月）", "3. By kind (this month)"),
    "by_district": ("四、分区县统计（本月）", "4. By district (this month)"),
    "kind": ("类别", "Kind"),
    "district_col": ("区县", "District"),
    "no_district": ("未填区县", "(no district)"),
    "pending": ("期初未结", "Pending at start"),
    "accepted": ("本期受理/立案", "Accepted"),
    "closed": ("本期结案", "Closed"),
    "closure_rate": ("结案率", "Closure rate"),
    "succeeded": ("调解成功", "Mediated"),
    "green": ("绿色通道结案", "Green closed"),
    "green_on_time": ("按时", "On time"),
    "lists": ("五、绿色通道与超期案件", "5. Green-channel and overdue cases"),
    "green_list": (
        "本月结案的绿色通道案件（共 {total} 件，列出前 {shown} 件，超时优先）",
        "Green-channel cases closed this month ({total}; first {shown}, late first)",
    ),
    "overdue_list": (
        "超期未结案件（共 {total} 件，列出超期最久的 {shown} 件）",
        "Open cases past a deadline ({total}; the {shown} most overdue)",
    ),
    "case_number": ("案号", "Case number"),
    "parties": ("当事人", "Parties"),
    "employer": ("用人单位", "Employer"),
    "days_overdue": ("逾期", "Late by"),
    # deadlines.lateness: a working-day time limit is late by working days, a calendar-day one by days
    "late_working": ("{n}个工作日", "{n} working days"),
    "late_calendar": ("{n}日", "{n} days"),
    "late_unit": ("逾期单位", "Unit"),
    "unit_working": ("工作日", "working days"),
    "unit_calendar": ("日", "days"),
    "days_taken": ("办结天数", "Days taken"),
    "on_time": ("是否按时", "On time"),
    "due_on": ("到期日", "Due"),
    "reporter_confidential": ("举报人（保密）", "Reporter (confidential)"),
    "more_persons": ("等{n}人", "+{n} more"),
    "none": ("无", "None"),
    "closed_month": (
        "本月已于 {at} 由 {by} 关账，以下为关账时的数据。",
        "This month was closed on {at} by {by}; the figures are those frozen then.",
    ),
    "corrections": (
        "关账后录入的更正将改变以下数据（括号内为更正后数值）：",
        "Corrections entered after closing would change these figures (corrected value beside):",
    ),
    "changed_cases": (
        "关账后修改的案件（共 {total} 件）：{numbers}",
        "Cases edited after closing ({total}): {numbers}",
    ),
    "definitions": (
        "口径说明：调解成功率＝调解成功结案数÷调解与仲裁结案总数；结案率＝本期结案数÷（期初未结数＋本期受理/立案数）；不予受理案件不计入；本年累计自1月1日至本月末。",
        "Definitions: mediation success rate = cases closed by successful mediation ÷ all mediation and arbitration cases closed; closure rate = closed ÷ (pending at start + accepted); refused cases never count; year to date runs from 1 January to the end of the month.",
    ),
    "chart_title": ("三项指标近12个月走势（虚线为目标）", "Three rates over 12 months (dashed: targets)"),
}


def text(table: dict[str, Pair], code: str | None, lang: str = "zh") -> str:
    """The label of ``code`` in ``lang`` (``zh`` or ``en``); the code itself if unknown."""
    if code is None:
        return ""
    pair = table.get(code)
    if pair is None:
        return code
    return pair[0] if lang.lower().startswith("zh") else pair[1]
