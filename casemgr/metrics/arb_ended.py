"""仲裁终结率 / cases ended at arbitration: the share of closed arbitration cases that did not
go on to the people's court.

The plan (汕尾市“十四五”规划 ch. 9 §3: "提升仲裁终结率") names the figure without defining
it, and no national counting rule for it was found (docs/indicators.md says where we looked).
We count it the way the phrase reads and the way the statutes split the road after arbitration
(调解仲裁法, 2007):

* **Population**: arbitration cases *closed in the period* (accepted, not refused — the same
  cases as the closure rate's numerator, :func:`casemgr.metrics.indicators.closed_in`).
* **Ended at arbitration**: a 仲裁调解书 (it takes effect on signature, Art. 42; nothing to sue
  against), a withdrawal (撤回, 按撤回处理) or another closing (终止审理), and an **award that no
  party took to court**: no suit (Arts. 48, 50) and no application to set aside (Art. 49) is
  recorded, and every period the parties had against it has ended (the last day is inside the
  period: a filing on the last day is in time).
* **Went to court**: an award against which any party's suit or set-aside application is
  recorded on or before ``as_of``, late or not (the court decides admissibility; the dispute
  left arbitration either way). Counted once per case.
* **Pending**: an award with no filing recorded while a party's period has not ended on
  ``as_of`` — including a party whose receipt of the award is not recorded yet (its period has
  not even started). Pending cases are left out of the rate and counted separately, so a month
  whose awards were served late does not look better or worse than it is; the report says so.

Rate = ended ÷ (closed − pending). The counts let a reader rebuild the stricter
"ended ÷ closed" too.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from casemgr.enums import CaseKind, Outcome
from casemgr.metrics.indicators import Ratio, closed_in, in_district
from casemgr.metrics.periods import Period
from casemgr.models import Case, Deadline, Event
from casemgr.workflow import court_actions as ca


@dataclass(frozen=True)
class ArbitrationEnded:
    closed: int  # arbitration cases closed in the period
    awarded: int
    settled: int  # 仲裁调解书
    withdrawn: int  # 撤回, 按撤回处理
    other: int  # 终止审理 and other closings
    awards_ended: int  # awards: every party period over, nobody went to court
    to_court: int  # awards with a suit or set-aside application recorded
    set_aside_applications: int  # of ``to_court``: with an employer's application to set aside
    late_filings: int  # of ``to_court``: every filing recorded after its period
    pending: int  # awards: a party's period still running (or not started: receipt not recorded)
    unserved: int  # of ``pending``: at least one party's receipt of the award not recorded

    @property
    def ended(self) -> int:
        return self.settled + self.withdrawn + self.other + self.awards_ended

    @property
    def ratio(self) -> Ratio:
        """Ended at arbitration ÷ closed cases whose road is settled (closed − pending)."""
        return Ratio(self.ended, self.closed - self.pending)


def _parts(session: Session, awarded: list[tuple[int, bool | None]]) -> dict[int, tuple[bool, bool]]:
    """Per awarded case: (any final item, any non-final item), as services.workflow.serving
    reads them (the latest award step's items; without them the case's flag)."""
    ids = [cid for cid, _ in awarded]
    latest = (
        select(func.max(Event.id))
        .where(Event.case_id.in_(ids), Event.action == "award", Event.kind == "transition")
        .group_by(Event.case_id)
    )
    items: dict[int, list[bool]] = {}
    for cid, raw in session.execute(select(Event.case_id, Event.data).where(Event.id.in_(latest))):
        data = json.loads(raw) if raw else {}
        got = (data.get("final_award") or {}).get("items") or []
        items[cid] = [bool(i.get("final")) for i in got if isinstance(i, dict)]
    out = {}
    for cid, flag in awarded:
        finals = items.get(cid)
        out[cid] = (any(finals), not all(finals)) if finals else (bool(flag), not flag)
    return out


def _periods_over(parts: tuple[bool, bool], clocks: dict[str, dt.date], as_of: dt.date) -> tuple[bool, bool]:
    """(every party's period over on ``as_of``, some party's receipt not recorded)."""
    any_final, any_nonfinal = parts
    needed = [
        code
        for (_party, _action, part), code in ca.PERIOD_RULES.items()
        if (part == ca.FINAL and any_final) or (part == ca.NONFINAL and any_nonfinal)
    ]
    unserved = any(code not in clocks for code in needed)
    over = not unserved and all(clocks[code] < as_of for code in needed)
    return over, unserved


def arbitration_ended(
    session: Session, period: Period, as_of: dt.date, district: str | None = None
) -> ArbitrationEnded:
    """仲裁终结率 for cases closed in ``period``, as known on ``as_of`` (see the module)."""
    where = [Case.kind == CaseKind.ARBITRATION.value, closed_in(period)]
    if (d := in_district(district)) is not None:
        where.append(d)
    rows = session.execute(select(Case.id, Case.outcome, Case.final_award).where(and_(*where))).all()
    by_outcome: dict[str, int] = {}
    for r in rows:
        by_outcome[r.outcome] = by_outcome.get(r.outcome, 0) + 1
    awarded = [(r.id, r.final_award) for r in rows if r.outcome == Outcome.AWARD.value]
    ids = [cid for cid, _ in awarded]
    filed: dict[int, list[tuple[int, str, dt.date, str | None]]] = {}
    for ev in session.execute(
        select(Event.case_id, Event.action, Event.occurred_on, Event.data)
        .where(Event.case_id.in_(ids), Event.action.in_(ca.CODES), Event.occurred_on <= as_of)
        .order_by(Event.id)
    ):
        filed.setdefault(ev.case_id, []).append(tuple(ev))  # type: ignore[arg-type]
    clocks: dict[int, dict[str, dt.date]] = {}
    for cid, code, due in session.execute(
        select(Deadline.case_id, Deadline.rule_code, Deadline.due_on).where(
            Deadline.case_id.in_(ids),
            Deadline.rule_code.in_(tuple(ca.PERIOD_RULES.values())),
            Deadline.state != "cancelled",
        )
    ):
        clocks.setdefault(cid, {})[code] = due
    parts = _parts(session, awarded)
    ended = to_court = set_aside = late = pending = unserved = 0
    for cid in ids:
        fs = ca.filings_from_rows(filed.get(cid, []))
        if fs:
            to_court += 1
            set_aside += any(f.action == ca.SET_ASIDE for f in fs)
            late += all(f.late for f in fs)
            continue
        over, not_served = _periods_over(parts[cid], clocks.get(cid, {}), as_of)
        if over:
            ended += 1
        else:
            pending += 1
            unserved += not_served
    withdrawn = by_outcome.get(Outcome.WITHDRAWN.value, 0) + by_outcome.get(Outcome.DEEMED_WITHDRAWN.value, 0)
    settled = by_outcome.get(Outcome.ARB_MEDIATION.value, 0)
    return ArbitrationEnded(
        closed=len(rows),
        awarded=len(awarded),
        settled=settled,
        withdrawn=withdrawn,
        other=len(rows) - len(awarded) - settled - withdrawn,
        awards_ended=ended,
        to_court=to_court,
        set_aside_applications=set_aside,
        late_filings=late,
        pending=pending,
        unserved=unserved,
    )
