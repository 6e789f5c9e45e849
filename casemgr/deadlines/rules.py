"""Deadline rules as data: seeded from ``resources/rules/*.json``, editable by an administrator.

Each rule says how long a period is, in which unit (办案规则 Art. 80: 3/5/10 days are
working days, 15/45 days calendar days), whether it may be extended and by how much, which
case flags select it (green channel, collective, the inspection rule set), and which
*group* it belongs to. Workflow transitions start, stop, pause and restart groups, never
individual rules, so a bureau can add a tighter green-channel target to a group without
touching code.

A fresh database works without seeding: a rule that has no row in ``deadline_rules`` is
taken from the shipped resource file. ``services.deadline_admin.seed_rules`` copies the
shipped rules into the table so an administrator can edit them; an edited row always wins
over the file.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field, replace
from functools import cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from casemgr import runtime, settings
from casemgr.enums import CaseKind, DayType
from casemgr.errors import NotFoundError
from casemgr.models import Case, DeadlineRule

RESOURCE_DIR = runtime.resource_path("resources", "rules")

#: The selector keys stored as JSON in ``deadline_rules.selector``.
SELECTOR_KEYS = (
    "group",
    "start_on",
    "when",
    "party_period",
    "anchor",
    "anchor_field",
    "pause_public_notice",
    "after_close",
)
#: What an administrator may change in a rule (``services.deadline_admin.update_rule``); what a
#: rule selects and how it chains follows the shipped file (see :func:`all_rules`).
EDITABLE = ("length", "extension_days", "active", "hard_limit", "name_zh", "name_en", "citation", "day_type")


@dataclass(frozen=True)
class RuleSpec:
    code: str
    kind: str
    group: str
    name_zh: str
    name_en: str
    day_type: str
    length: int
    extension_days: int | None
    green_channel: bool
    hard_limit: bool
    citation: str
    active: bool = True
    #: "received": started when the case is registered. "flagged": started when the flags in
    #: ``when`` become true — at registration (from receipt) or later, from the day they are
    #: set (挂牌督办 runs from the listing, not from receipt).
    start_on: str | None = None
    when: dict[str, Any] = field(default_factory=dict)  # flag -> required value
    party_period: bool = False  # a party's period: shown, never "overdue" for the clerk
    anchor: str = "start"  # "start" | "due_field" (due = a given date) | "before_field" (n before a date)
    anchor_field: str | None = None
    pause_public_notice: bool = False  # 公告送达 time is excluded (办案规则 46(六), 粤条例 44)
    #: Runs on after the case is closed and is not ended by closing it: serving the decision
    #: (粤条例 Art. 47) and the blacklist decision (令第45号 Art. 8) come after the close.
    after_close: bool = False

    @property
    def working(self) -> bool:
        return DayType(self.day_type) is DayType.WORKING

    def selector_json(self) -> str:
        d = asdict(self)
        return json.dumps({k: d[k] for k in SELECTOR_KEYS}, ensure_ascii=False, sort_keys=True)


def _from_dict(kind: str, raw: dict[str, Any]) -> RuleSpec:
    return RuleSpec(
        code=raw["code"],
        kind=kind,
        group=raw["group"],
        name_zh=raw["name_zh"],
        name_en=raw["name_en"],
        day_type=DayType(raw["day_type"]).value,
        length=int(raw["length"]),
        extension_days=raw.get("extension_days"),
        green_channel=bool(raw.get("green_channel", False)),
        hard_limit=bool(raw.get("hard_limit", True)),
        citation=raw["citation"],
        start_on=raw.get("start_on"),
        when=dict(raw.get("when") or {}),
        party_period=bool(raw.get("party_period", False)),
        anchor=raw.get("anchor", "start"),
        anchor_field=raw.get("anchor_field"),
        pause_public_notice=bool(raw.get("pause_public_notice", False)),
        after_close=bool(raw.get("after_close", False)),
    )


@cache
def default_rules() -> tuple[RuleSpec, ...]:
    """The shipped rules, in file order (mediation, arbitration, inspection)."""
    out: list[RuleSpec] = []
    for path in sorted(RESOURCE_DIR.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        kind = CaseKind(doc["kind"]).value
        out.extend(_from_dict(kind, r) for r in doc["rules"])
    codes = [r.code for r in out]
    if len(codes) != len(set(codes)):
        raise RuntimeError("duplicate rule codes in resources/rules")
    return tuple(out)


def _from_row(row: DeadlineRule) -> RuleSpec:
    sel: dict[str, Any] = json.loads(row.selector) if row.selector else {}
    return RuleSpec(
        code=row.code,
        kind=row.kind,
        group=sel.get("group") or row.code,
        name_zh=row.name_zh,
        name_en=row.name_en,
        day_type=row.day_type,
        length=row.length,
        extension_days=row.extension_days,
        green_channel=row.green_channel,
        hard_limit=row.hard_limit,
        citation=row.citation,
        active=row.active,
        start_on=sel.get("start_on"),
        when=dict(sel.get("when") or {}),
        party_period=bool(sel.get("party_period", False)),
        anchor=sel.get("anchor") or "start",
        anchor_field=sel.get("anchor_field"),
        pause_public_notice=bool(sel.get("pause_public_notice", False)),
        after_close=bool(sel.get("after_close", False)),
    )


_SESSION_KEY = "casemgr.rules"


def all_rules(session: Session) -> dict[str, RuleSpec]:
    """Every rule by code: the table's rows over the shipped defaults (cached per session)."""
    cached = session.info.get(_SESSION_KEY)
    if isinstance(cached, dict):
        return cached
    merged = {r.code: r for r in default_rules()}
    for row in session.execute(select(DeadlineRule)).scalars():
        shipped = merged.get(row.code)
        if shipped is None:
            merged[row.code] = _from_row(row)
        else:
            # What a rule selects and how it chains (the selector) is code's business and
            # follows the shipped file, so an upgrade that adds a key reaches rows seeded
            # before it; only the administrator's editable values come from the row.
            merged[row.code] = replace(shipped, **{k: getattr(_from_row(row), k) for k in EDITABLE})
    session.info[_SESSION_KEY] = merged
    return merged


def forget_cached(session: Session) -> None:
    session.info.pop(_SESSION_KEY, None)


def rule(session: Session, code: str) -> RuleSpec:
    r = all_rules(session).get(code)
    if r is None:
        raise NotFoundError(f"期限规则 {code} 不存在。", f"No deadline rule {code}.")
    return r


def case_facts(session: Session, case: Case, on: dt.date | None = None) -> dict[str, Any]:
    """The flags a rule's ``when`` may test."""
    return {
        "green_channel": bool(case.green_channel),
        "collective": bool(case.collective),
        "supervised": bool(case.supervised),
        "simple_procedure": bool(case.simple_procedure),
        "migrant_worker": bool(case.migrant_worker),
        "rule_set": str(settings.get(session, "inspection_rule_set", on or case.received_on)),
    }


def selects(r: RuleSpec, facts: dict[str, Any]) -> bool:
    return r.active and all(facts.get(k) == v for k, v in r.when.items())


def rules_in_group(session: Session, case: Case, group: str, *, on: dt.date | None = None) -> list[RuleSpec]:
    """The active rules of ``group`` for this case's kind that its flags select."""
    facts = case_facts(session, case, on)
    return [
        r
        for r in all_rules(session).values()
        if r.kind == case.kind and r.group == group and selects(r, facts)
    ]


def rules_started_on_receipt(session: Session, case: Case) -> list[RuleSpec]:
    facts = case_facts(session, case, case.received_on)
    return [
        r
        for r in all_rules(session).values()
        if r.kind == case.kind and r.start_on in ("received", "flagged") and selects(r, facts)
    ]


def after_close_codes(session: Session) -> list[str]:
    """Rules whose clocks outlive the case's closing (see ``RuleSpec.after_close``)."""
    return sorted(r.code for r in all_rules(session).values() if r.after_close)


def party_period_codes(session: Session) -> list[str]:
    return sorted(r.code for r in all_rules(session).values() if r.party_period)
