"""The A/B/C rules of 《企业劳动保障守法诚信等级评价办法》 (人社部规〔2016〕1号), as code.

What the 办法 says and where (docs/prevention.md §2 has the sources and what was checked):

* The grading is done once a year on the employer's record of the **previous year**
  (上一年度信用记录); so a run in 2026 grades the year 2025 and only what happened in 2025
  counts.
* Art. 6 (the number as remembered; the wording checked, docs/prevention.md §2):
  **A** — 未因劳动保障违法行为被查处; **B** — 被查处, but none of the C cases;
  **C** — any one of: (1) 被查处三次以上（含三次）; (2) a violation led to a 群体性事件, 极端事件
  or 严重不良社会影响; (3) 使用童工、强迫劳动 or another serious violation; (4) 拒不履行 an order
  to rectify within a time limit (限期整改指令), a handling decision or a penalty decision;
  (5) 无理抗拒、阻挠 an inspection; (6) 被追究刑事责任.

How the app knows each (``Evidence``):

* 被查处 (a ``Finding``): an inspection case in which the bureau made an order or a decision
  against the employer — 责令限期支付/改正, 行政处理决定, 行政处罚决定 or 移送公安. One case is
  one 查处 however many acts it holds, dated by its first such act: a case ordered in
  December 2025 and decided in January 2026 is a 2025 查处, and only that. A case cancelled,
  refused or referred to dispute procedures is not a 查处.
* C(1) counts those findings. C(4) is read from the case file where it shows: a penalty
  decision with 加付赔偿金 (it exists only because an order to pay was not met, 劳动保障监察条例
  Art. 26), a referral to the police for refusing to pay (刑法 Art. 276-1 requires 经政府有关
  部门责令支付仍不支付), or a listing on the wage-arrears blacklist (人社部令第45号 Art. 5,
  which presupposes a refusal to pay after an order).
* C(2), C(3), C(5), C(6) and any refusal the case file does not show are not facts the app
  can derive (a collective case is ≥10 workers, not a 群体性事件): an inspector records them
  as ``Fact`` with a note, and the rules use them like the others. Collective cases are shown
  to the reviewer as a hint, without changing the grade.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum


class Grade(StrEnum):
    A = "A"
    B = "B"
    C = "C"


class FactKind(StrEnum):
    """What an inspector records because the case file cannot show it (Art. 6 C items)."""

    GROUP_INCIDENT = "group_incident"  # C(2) 群体性事件、极端事件或严重不良社会影响
    SERIOUS_VIOLATION = "serious_violation"  # C(3) 使用童工、强迫劳动等严重违法
    NON_PERFORMANCE = "non_performance"  # C(4) 拒不履行限期整改指令、处理决定、处罚决定
    OBSTRUCTION = "obstruction"  # C(5) 无理抗拒、阻挠劳动保障监察
    CRIMINAL = "criminal"  # C(6) 被追究刑事责任


#: Inspection steps that are a 查处: the bureau found a violation and ordered or decided on it.
FINDING_ACTS: tuple[str, ...] = ("order_payment", "handling_decision", "penalty_decision", "refer_police")

#: Art. 6 C(1): 三次以上（含三次）.
C_FINDINGS = 3

FACT_LABELS: dict[FactKind, tuple[str, str]] = {
    FactKind.GROUP_INCIDENT: (
        "因劳动保障违法行为引发群体性事件、极端事件或造成严重不良社会影响",
        "a violation led to a mass incident, an extreme incident or serious harm to the public",
    ),
    FactKind.SERIOUS_VIOLATION: (
        "因使用童工、强迫劳动等严重劳动保障违法行为被查处",
        "dealt with for child labour, forced labour or another serious violation",
    ),
    FactKind.NON_PERFORMANCE: (
        "拒不履行劳动保障监察限期整改指令、行政处理决定或者行政处罚决定",
        "refused to carry out an order to rectify, a handling decision or a penalty decision",
    ),
    FactKind.OBSTRUCTION: (
        "无理抗拒、阻挠人力资源社会保障行政部门实施劳动保障监察",
        "unreasonably resisted or obstructed a labour inspection",
    ),
    FactKind.CRIMINAL: (
        "因劳动保障违法行为被追究刑事责任",
        "held criminally liable for a labour-law violation",
    ),
}

#: 分类监管: what each grade means for inspections, printed on the notice (docs/prevention.md §2).
CONSEQUENCES: dict[Grade, tuple[str, str]] = {
    Grade.A: ("适当减少劳动保障监察日常巡视检查频次", "fewer routine inspections"),
    Grade.B: ("适当增加劳动保障监察日常巡视检查频次", "more frequent routine inspections"),
    Grade.C: (
        "列入劳动保障监察重点对象，强化日常巡视检查",
        "a priority target of labour inspection, with closer routine inspections",
    ),
}


@dataclass(frozen=True)
class Finding:
    """One inspection case in which the employer was 查处, dated by its first order or decision."""

    case_id: int
    number: str
    on: dt.date
    collective: bool = False


@dataclass(frozen=True)
class Refusal:
    """A refusal the case file shows: ``how`` is extra_compensation, police or blacklist."""

    how: str
    on: dt.date
    case_id: int | None = None
    number: str | None = None


@dataclass(frozen=True)
class Fact:
    id: int
    kind: FactKind
    on: dt.date
    note: str


@dataclass(frozen=True)
class Evidence:
    """Everything of one employer in the evaluated year; the service collects it."""

    year: int
    findings: Sequence[Finding] = ()
    refusals: Sequence[Refusal] = ()
    facts: Sequence[Fact] = ()


@dataclass(frozen=True)
class Reason:
    """One line of a proposal's explanation. ``effect`` is the grade it leads to (None: a hint)."""

    code: str
    effect: Grade | None
    cases: tuple[str, ...] = ()
    on: dt.date | None = None
    note: str | None = None
    count: int = 0

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "effect": self.effect.value if self.effect else None,
            "cases": list(self.cases),
            "on": self.on.isoformat() if self.on else None,
            "note": self.note,
            "count": self.count,
        }

    @classmethod
    def from_dict(cls, d: dict[str, object]) -> Reason:
        on = d.get("on")
        effect = d.get("effect")
        cases = d.get("cases") or []
        return cls(
            code=str(d["code"]),
            effect=Grade(str(effect)) if effect else None,
            cases=tuple(str(c) for c in cases) if isinstance(cases, list) else (),
            on=dt.date.fromisoformat(str(on)) if on else None,
            note=str(d["note"]) if d.get("note") else None,
            count=int(str(d.get("count") or 0)),
        )

    def text(self, lang: str = "zh") -> str:
        zh = lang.lower().startswith("zh")
        nums = "、".join(self.cases) if zh else ", ".join(self.cases)
        if self.code == "findings_c":
            return (
                f"因劳动保障违法行为被查处{self.count}次（三次以上，C级情形第一项）：{nums}"
                if zh
                else f"dealt with for violations {self.count} times (three or more, grade C item 1): {nums}"
            )
        if self.code == "findings_b":
            return (
                f"因劳动保障违法行为被查处{self.count}次，不属C级情形（B级）：{nums}"
                if zh
                else f"dealt with for violations {self.count} time(s), no grade C case (grade B): {nums}"
            )
        if self.code == "findings":
            return (
                f"评价年度内因劳动保障违法行为被查处{self.count}次：{nums}"
                if zh
                else f"dealt with for violations {self.count} time(s) in the year: {nums}"
            )
        if self.code == "none":
            return (
                "评价年度内未因劳动保障违法行为被查处（A级）"
                if zh
                else "not dealt with for any violation in the year (grade A)"
            )
        if self.code == "refusal":
            how = {
                "extra_compensation": (
                    "逾期未支付被责令加付赔偿金",
                    "extra compensation ordered for non-payment",
                ),
                "police": (
                    "经责令支付仍不支付，移送公安机关",
                    "referred to the police after refusing to pay",
                ),
                "blacklist": (
                    "列入拖欠农民工工资失信联合惩戒对象名单",
                    "listed on the wage-arrears blacklist",
                ),
            }.get(self.note or "", (self.note or "", self.note or ""))
            where = f"（{nums}）" if nums and zh else (f" ({nums})" if nums else "")
            return (
                f"拒不履行限期整改指令或处理、处罚决定（C级情形第四项）：{how[0]}{where}"
                if zh
                else f"refused an order or decision (grade C item 4): {how[1]}{where}"
            )
        if self.code.startswith("fact:"):
            kind = FactKind(self.code[5:])
            item = {
                FactKind.GROUP_INCIDENT: "二",
                FactKind.SERIOUS_VIOLATION: "三",
                FactKind.NON_PERFORMANCE: "四",
                FactKind.OBSTRUCTION: "五",
                FactKind.CRIMINAL: "六",
            }[kind]
            label = FACT_LABELS[kind][0 if zh else 1]
            on = self.on.isoformat() if self.on else ""
            return (
                f"{label}（C级情形第{item}项，监察员登记 {on}：{self.note or ''}）"
                if zh
                else f"{label} (grade C, recorded by an inspector {on}: {self.note or ''})"
            )
        if self.code == "collective":
            return (
                f"涉及集体案件（十人以上），请核实是否引发群体性事件：{nums}"
                if zh
                else f"collective case(s) (ten workers or more): check for a mass incident: {nums}"
            )
        return self.code


@dataclass(frozen=True)
class Proposal:
    grade: Grade
    reasons: tuple[Reason, ...] = field(default_factory=tuple)


def in_year(d: dt.date, year: int) -> bool:
    return d.year == year


def decide(ev: Evidence) -> Proposal:
    """Art. 6 on one employer's year. Only evidence dated inside ``ev.year`` counts."""
    findings = sorted((f for f in ev.findings if in_year(f.on, ev.year)), key=lambda f: (f.on, f.number))
    refusals = sorted((r for r in ev.refusals if in_year(r.on, ev.year)), key=lambda r: r.on)
    facts = sorted((f for f in ev.facts if in_year(f.on, ev.year)), key=lambda f: (f.on, f.id))
    c_reasons: list[Reason] = []
    nums = tuple(f.number for f in findings)
    if len(findings) >= C_FINDINGS:
        c_reasons.append(Reason("findings_c", Grade.C, nums, count=len(findings)))
    for r in refusals:
        c_reasons.append(Reason("refusal", Grade.C, (r.number,) if r.number else (), r.on, r.how))
    for f in facts:
        c_reasons.append(Reason(f"fact:{f.kind.value}", Grade.C, (), f.on, f.note))
    hints = []
    collective = tuple(f.number for f in findings if f.collective)
    if collective and not any(f.kind is FactKind.GROUP_INCIDENT for f in facts):
        hints.append(Reason("collective", None, collective))
    if c_reasons:
        if len(findings) < C_FINDINGS and findings:
            c_reasons.append(Reason("findings", None, nums, count=len(findings)))
        return Proposal(Grade.C, tuple(c_reasons + hints))
    if findings:
        return Proposal(Grade.B, (Reason("findings_b", Grade.B, nums, count=len(findings)), *hints))
    return Proposal(Grade.A, (Reason("none", Grade.A),))
