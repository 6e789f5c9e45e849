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
from dataclasses import dataclass

from sqlalchemy import and_, case, func, select
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


#: A party's periods after the award (started by its own receipt, for the parts the award has).
_WORKER = tuple(code for (party, _a, _p), code in ca.PERIOD_RULES.items() if party == "worker")
_EMPLOYER = tuple(code for (party, _a, _p), code in ca.PERIOD_RULES.items() if party == "employer")


def arbitration_ended(
    session: Session, period: Period, as_of: dt.date, district: str | None = None
) -> ArbitrationEnded:
    """仲裁终结率 for cases closed in ``period``, as known on ``as_of`` (see the module)."""
    where = [Case.kind == CaseKind.ARBITRATION.value, closed_in(period)]
    if (d := in_district(district)) is not None:
        where.append(d)
    by_outcome = dict(
        session.execute(select(Case.outcome, func.count()).where(and_(*where)).group_by(Case.outcome)).all()
    )
    closed = sum(by_outcome.values())
    awarded_n = by_outcome.get(Outcome.AWARD.value, 0)
    awarded = select(Case.id).where(and_(*where, Case.outcome == Outcome.AWARD.value))
    # Filings are few (the awards that went to court): read them to tell late ones and set-asides.
    filed: dict[int, list[tuple[int, str, dt.date, str | None]]] = {}
    for ev in session.execute(
        select(Event.case_id, Event.action, Event.occurred_on, Event.data)
        .where(Event.case_id.in_(awarded), Event.action.in_(ca.CODES), Event.occurred_on <= as_of)
        .order_by(Event.id)
    ):
        filed.setdefault(ev.case_id, []).append(tuple(ev))  # type: ignore[arg-type]
    to_court = set_aside = late = 0
    for rows in filed.values():
        fs = ca.filings_from_rows(rows)
        if fs:
            to_court += 1
            set_aside += any(f.action == ca.SET_ASIDE for f in fs)
            late += all(f.late for f in fs)
    # The rest in SQL, one row per served award never reaching Python: each party's receipt
    # started its periods for the parts the award has, so "both parties served and the last
    # period over" is "a worker's and an employer's clock, the latest due before as_of".
    gone = select(Event.case_id).where(
        Event.case_id.in_(awarded), Event.action == ca.FILING.code, Event.occurred_on <= as_of
    )
    per = (
        select(
            func.max(case((Deadline.rule_code.in_(_WORKER), 1), else_=0)).label("w"),
            func.max(case((Deadline.rule_code.in_(_EMPLOYER), 1), else_=0)).label("e"),
            func.max(Deadline.due_on).label("last"),
        )
        .where(
            Deadline.case_id.in_(awarded),
            Deadline.case_id.not_in(gone),
            Deadline.rule_code.in_(_WORKER + _EMPLOYER),
            Deadline.state != "cancelled",
        )
        .group_by(Deadline.case_id)
        .subquery()
    )
    both = and_(per.c.w == 1, per.c.e == 1)
    served, ended = session.execute(
        select(
            func.count().filter(both),
            func.count().filter(and_(both, per.c.last < as_of)),
        ).select_from(per)
    ).one()
    waiting = awarded_n - to_court
    withdrawn = by_outcome.get(Outcome.WITHDRAWN.value, 0) + by_outcome.get(Outcome.DEEMED_WITHDRAWN.value, 0)
    settled = by_outcome.get(Outcome.ARB_MEDIATION.value, 0)
    return ArbitrationEnded(
        closed=closed,
        awarded=awarded_n,
        settled=settled,
        withdrawn=withdrawn,
        other=closed - awarded_n - settled - withdrawn,
        awards_ended=ended,
        to_court=to_court,
        set_aside_applications=set_aside,
        late_filings=late,
        pending=waiting - ended,
        unserved=waiting - served,
    )
