"""Limitation warnings (warnings, not refusals: the commission decides).

* Arbitration (Law Art. 27, 办案规则 Art. 26): one year from when the right was known to be
  infringed; for unpaid wages no limit while employment lasts, then one year from its end.
  The app knows the end of employment, so it warns when the application came in more than a
  year after it (interruptions under Art. 27 ¶2 may still save the claim).
* Inspection (条例 Art. 20): violations not discovered or reported within two years are no
  longer investigated; counted from the violation or, if continuing, from its end.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from casemgr.enums import CaseKind


@dataclass(frozen=True)
class LimitationWarning:
    code: str  # "arbitration_limitation" | "inspection_lookback"
    limit_date: dt.date
    zh: str
    en: str


def add_years(d: dt.date, years: int) -> dt.date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def limitation_warnings(
    kind: str, received_on: dt.date, employment_ended_on: dt.date | None, violation_on: dt.date | None
) -> list[LimitationWarning]:
    out: list[LimitationWarning] = []
    k = CaseKind(kind)
    if k in (CaseKind.ARBITRATION, CaseKind.MEDIATION) and employment_ended_on is not None:
        limit = add_years(employment_ended_on, 1)
        if received_on > limit:
            out.append(
                LimitationWarning(
                    "arbitration_limitation",
                    limit,
                    f"申请日已超过劳动关系终止之日（{employment_ended_on.isoformat()}）起一年（至 {limit.isoformat()}），"
                    "请审查是否存在时效中断或中止事由（调解仲裁法第27条）。",
                    f"Applied more than one year after employment ended ({employment_ended_on.isoformat()}; "
                    f"limit {limit.isoformat()}). Check for interruption or suspension (Law Art. 27).",
                )
            )
    if k is CaseKind.INSPECTION and violation_on is not None:
        limit = add_years(violation_on, 2)
        if received_on > limit:
            out.append(
                LimitationWarning(
                    "inspection_lookback",
                    limit,
                    f"违法行为发生（或终了）于 {violation_on.isoformat()}，已超过两年（至 {limit.isoformat()}），"
                    "依劳动保障监察条例第20条不再查处。",
                    f"The violation ({violation_on.isoformat()}) is more than two years old (limit {limit.isoformat()}); "
                    "条例 Art. 20 bars investigating it.",
                )
            )
    return out
