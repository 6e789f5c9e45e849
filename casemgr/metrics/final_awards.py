"""终局裁决比例 / final-award share: how much of what the arbitration commission awards is final.

The plan (汕尾市“十四五”规划 ch. 9 §3) asks the commission to “提高仲裁终局比例”. Which
awards are final is decided per item (调解仲裁法 Art. 47, 办案规则 Art. 50: the amount of
each item against 12 × the monthly minimum wage; labour-standard items always); a case whose
items are partly final gets two award documents (Art. 50 ¶3). So the figure is given two
ways, with the counts that let a reader rebuild any other:

* **per case** — of the arbitration cases closed by award in the period, those in which a
  终局裁决书 was issued: every item final, or a mixed award (its final part is a final award
  document). The mixed ones are counted separately too, so the stricter “whole case final”
  share is ``all_final ÷ awarded``.
* **per item** — of the items awarded in those cases, the final ones.

Counted like the other indicators (:mod:`casemgr.metrics.indicators`): *closed in the
period* (``closed_on`` in it, the case accepted, not refused), outcome ``award``, optionally
one district. The items come from what the award step recorded (its ``final_award.items``);
a case with no recorded award step (imported from a ledger) falls back to its claim lines'
``final_award`` and, failing those, to the case's flag ``final_award`` (“any item final”):
counted per case only, as ``unknown``, and among ``all_final`` when the flag is set — a final
award document was issued, whether the award was mixed cannot be told.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session

from casemgr.enums import CaseKind, Outcome
from casemgr.metrics.indicators import Ratio, closed_in, in_district
from casemgr.metrics.periods import Period
from casemgr.models import Case, ClaimItem, Event


@dataclass(frozen=True)
class FinalAwardShare:
    awarded: int  # arbitration cases closed by award in the period
    all_final: int  # every item final
    mixed: int  # some items final, some not: two award documents (Art. 50 ¶3)
    none_final: int
    unknown: int  # no item-level record: counted per case only, from the case's flag
    items: int  # award items of the cases with an item-level record
    final_items: int

    @property
    def per_case(self) -> Ratio:
        """Cases in which a 终局裁决书 was issued ÷ cases closed by award."""
        return Ratio(self.all_final + self.mixed, self.awarded)

    @property
    def per_item(self) -> Ratio:
        return Ratio(self.final_items, self.items)


def _award_finals(session: Session, awarded: Select[tuple[int]]) -> dict[int, list[bool]]:
    """Per case, the ``final`` flag of each item of its latest recorded award step."""
    latest = (
        select(func.max(Event.id))
        .where(Event.case_id.in_(awarded), Event.action == "award", Event.kind == "transition")
        .group_by(Event.case_id)
    )
    out: dict[int, list[bool]] = {}
    for case_id, data in session.execute(select(Event.case_id, Event.data).where(Event.id.in_(latest))):
        raw = json.loads(data) if data else {}
        items = (raw.get("final_award") or {}).get("items") or []
        if items:
            out[case_id] = [bool(i.get("final")) for i in items if isinstance(i, dict)]
    return out


def final_award_share(session: Session, period: Period, district: str | None = None) -> FinalAwardShare:
    """终局裁决比例 for the period (see the module's definition); hand-checked in tests."""
    where = [Case.kind == CaseKind.ARBITRATION.value, Case.outcome == Outcome.AWARD.value, closed_in(period)]
    if (d := in_district(district)) is not None:
        where.append(d)
    awarded = select(Case.id).where(and_(*where))
    cases = session.execute(select(Case.id, Case.final_award).where(and_(*where))).all()
    recorded = _award_finals(session, awarded)
    if len(recorded) < len(cases):  # imported: the claim lines' flags, where the ledger gave them
        lines: dict[int, list[bool]] = {}
        for case_id, final in session.execute(
            select(ClaimItem.case_id, ClaimItem.final_award).where(
                ClaimItem.case_id.in_(awarded), ClaimItem.final_award.is_not(None)
            )
        ):
            lines.setdefault(case_id, []).append(bool(final))
        for case_id, finals in lines.items():
            recorded.setdefault(case_id, finals)
    all_final = mixed = none_final = unknown = items = final_items = 0
    for c in cases:
        finals = recorded.get(c.id)
        if not finals:
            unknown += 1
            if c.final_award:
                all_final += 1
            else:
                none_final += 1
            continue
        items += len(finals)
        final_items += sum(finals)
        if all(finals):
            all_final += 1
        elif any(finals):
            mixed += 1
        else:
            none_final += 1
    return FinalAwardShare(len(cases), all_final, mixed, none_final, unknown, items, final_items)
