"""A construction project's warning colour: which 两金三制 element is missing, for how long,
and whether a complaint is linked to it. Every colour comes with its reasons.

The rule is data (:data:`ELEMENTS`) read twice: :func:`assess` in Python for one project's
explanation, and :func:`level_sql` as one SQL ``CASE`` for the register's colour column and
filter, so a list of 100,000 projects is filtered and paged by the database. A test holds the
two to the same answers on hand-made projects.

The elements and their articles (《保障农民工工资支付条例》, 国务院令第724号, in force
2020-05-01; read in the text of the regulation):

* 农民工工资专用账户, Art. 26 (the 施工总承包单位 opens it); 工资保证金, Art. 32 (stored by the
  总包; a 金融机构保函 may stand for it); 实名制, Art. 28 (no one works on the site unregistered).
  Failing any of these is an Art. 55 offence (责令项目停工 if not corrected): they can turn red.
* 维权信息告示牌, Art. 34, and the monthly 总包代发, Art. 31 (the 分包's monthly pay sheet paid
  by the 总包 through the special account; Art. 24: labour costs are paid at least monthly).
  Failing these is an Art. 56 offence (a fine, no stop order): they stop at orange.

How long an element may be missing is the bureau's policy, not a statutory period (the
regulation names none): the 专用账户 and the 保证金 get 30 days from the start (the 2021
《工程建设领域农民工工资专用账户管理暂行办法》 gives the 总包 30 days from the contract to open
the account; the register knows the start, not the contract); the roster and the notice
board are due on the first day; 代发 is due a month (31 days) after the previous one, or
after the start. Overdue from 1 day: yellow; from 31 (15 for the roster): orange; from 61
(31 for the roster): red where the element may be red at all.

Only projects under way (在建, 停工) are checked for elements; a planned or completed project
is coloured by its complaints alone. An open complaint linked to the project is red; one
received in the last 365 days and since closed is yellow.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, case, exists, func, literal, or_, select

from casemgr.models import Case, Project, ProjectComplaint

NONE, YELLOW, ORANGE, RED = 0, 1, 2, 3
LEVEL_CODES = {NONE: "none", YELLOW: "yellow", ORANGE: "orange", RED: "red"}
LEVEL_ZH = {NONE: "无预警", YELLOW: "黄色", ORANGE: "橙色", RED: "红色"}
CHECKED_STATUSES = ("building", "suspended")
RECENT_COMPLAINT_DAYS = 365


@dataclass(frozen=True)
class Element:
    key: str
    zh: str
    en: str
    article: str  # as shown to the user
    column: str  # the Project attribute that records it (a date)
    grace_days: int  # after the reference date, before it is overdue
    steps: tuple[tuple[int, int], ...]  # (days overdue at least, level), ascending
    monthly: bool = False  # reference: the latest recorded date, else the start


ART = "保障农民工工资支付条例（国务院令第724号，2019）"
ELEMENTS: tuple[Element, ...] = (
    Element("account", "农民工工资专用账户", "wage account", f"{ART}第二十六条", "account_opened_on", 30,
            ((1, YELLOW), (31, ORANGE), (61, RED))),
    Element("deposit", "工资保证金", "wage deposit", f"{ART}第三十二条", "deposit_on", 30,
            ((1, YELLOW), (31, ORANGE), (61, RED))),
    Element("roster", "实名制管理", "real-name roster", f"{ART}第二十八条", "roster_on", 0,
            ((1, YELLOW), (15, ORANGE), (31, RED))),
    Element("board", "维权信息告示牌", "rights notice board", f"{ART}第三十四条", "board_on", 0,
            ((1, YELLOW), (31, ORANGE))),
    Element("agent_pay", "总包代发工资", "wages paid by the general contractor", f"{ART}第三十一条",
            "last_agent_pay_on", 31, ((1, YELLOW), (31, ORANGE)), monthly=True),
)  # fmt: skip
BY_KEY = {e.key: e for e in ELEMENTS}


@dataclass(frozen=True)
class Reason:
    level: int
    element: str  # an ELEMENTS key, or "complaint_open" / "complaint_recent"
    zh: str
    en: str


@dataclass(frozen=True)
class Assessment:
    level: int
    reasons: tuple[Reason, ...]  # most severe first

    @property
    def code(self) -> str:
        return LEVEL_CODES[self.level]

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(r.element for r in self.reasons if r.element in BY_KEY)


@dataclass(frozen=True)
class Facts:
    """What the rule reads of a project (plain values, so it runs on a row or a form)."""

    status: str
    start_on: dt.date | None
    dates: dict[str, dt.date | None]  # element column -> date done
    open_complaints: int = 0
    recent_complaints: int = 0  # received in the last 365 days and closed


def _level_for(element: Element, overdue: int) -> int:
    level = NONE
    for at_least, lv in element.steps:
        if overdue >= at_least:
            level = lv
    return level


def assess(facts: Facts, today: dt.date) -> Assessment:
    reasons: list[Reason] = []
    if facts.open_complaints:
        n = facts.open_complaints
        reasons.append(Reason(RED, "complaint_open", f"有 {n} 件未办结的投诉", f"{n} open complaint(s)"))
    elif facts.recent_complaints:
        n = facts.recent_complaints
        reasons.append(
            Reason(
                YELLOW,
                "complaint_recent",
                f"近一年有 {n} 件投诉（已办结）",
                f"{n} complaint(s) in the last year, closed",
            )
        )
    if facts.status in CHECKED_STATUSES:
        for e in ELEMENTS:
            done = facts.dates.get(e.column)
            ref = (done or facts.start_on) if e.monthly else facts.start_on
            if done is not None and not e.monthly:
                continue
            if ref is None:
                reasons.append(
                    Reason(YELLOW, e.key, f"未落实{e.zh}（开工日期不详，{e.article}）",
                           f"no {e.en} (start date unknown)")
                )  # fmt: skip
                continue
            overdue = (today - ref).days - e.grace_days
            level = _level_for(e, overdue)
            if level == NONE:
                continue
            if e.monthly and done is not None:
                zh = f"{e.zh}已 {overdue + e.grace_days} 天未办理（上次 {done.isoformat()}，{e.article}）"
                en = f"{e.en}: none for {overdue + e.grace_days} days (last {done.isoformat()})"
            else:
                zh = f"未落实{e.zh}，已逾期 {overdue} 天（{e.article}）"
                en = f"no {e.en}, {overdue} days overdue"
            reasons.append(Reason(level, e.key, zh, en))
    reasons.sort(key=lambda r: -r.level)
    return Assessment(max((r.level for r in reasons), default=NONE), tuple(reasons))


# --------------------------------------------------------------------------- the same rule in SQL


def _cutoff(today: dt.date, element: Element, overdue: int) -> dt.date:
    """The latest reference date at which ``element`` is ``overdue`` days late by ``today``."""
    return today - dt.timedelta(days=element.grace_days + overdue)


def _element_condition(element: Element, level: int, today: dt.date) -> Any:
    """SQL: ``element`` alone puts a project at ``level`` or above."""
    col = getattr(Project, element.column)
    ref = func.coalesce(col, Project.start_on) if element.monthly else Project.start_on
    missing = literal(True) if element.monthly else col.is_(None)
    terms = []
    reached = [at for at, lv in element.steps if lv >= level]
    if reached:
        terms.append(and_(missing, ref <= _cutoff(today, element, min(reached))))
    if level <= YELLOW:
        terms.append(and_(col.is_(None), ref.is_(None)))
    return or_(*terms) if terms else None


def _complaints(today: dt.date, open_only: bool) -> Any:
    stmt = select(ProjectComplaint.case_id).join(Case, Case.id == ProjectComplaint.case_id)
    stmt = stmt.where(ProjectComplaint.project_id == Project.id)
    if open_only:
        stmt = stmt.where(Case.closed_on.is_(None))
    else:
        stmt = stmt.where(Case.received_on >= today - dt.timedelta(days=RECENT_COMPLAINT_DAYS))
    return exists(stmt)


def at_least_sql(level: int, today: dt.date) -> Any:
    """SQL: the project's colour is ``level`` or worse."""
    terms = []
    for e in ELEMENTS:
        cond = _element_condition(e, level, today)
        if cond is not None:
            terms.append(cond)
    checked = and_(Project.status.in_(CHECKED_STATUSES), or_(*terms)) if terms else None
    out = [_complaints(today, open_only=True)]
    if level <= YELLOW:
        out.append(_complaints(today, open_only=False))
    if checked is not None:
        out.append(checked)
    return or_(*out)


def level_sql(today: dt.date) -> Any:
    """SQL: the project's colour level (0-3), the same answer as :func:`assess`."""
    return case(
        (at_least_sql(RED, today), RED),
        (at_least_sql(ORANGE, today), ORANGE),
        (at_least_sql(YELLOW, today), YELLOW),
        else_=NONE,
    )


def missing_sql(key: str, today: dt.date) -> Any:
    """SQL: the project is under way and ``key`` is missing (overdue or of unknown start)."""
    return and_(Project.status.in_(CHECKED_STATUSES), _element_condition(BY_KEY[key], YELLOW, today))
