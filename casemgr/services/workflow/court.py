"""Record that a party went to court after the award, and what the court did.

The rules (who may do what against which part, the late flag) are
:mod:`casemgr.workflow.court_actions`; this module gathers the facts from the case (the
award's parts, the party's clock for the remedy) and writes the record: a timeline event whose
action is the record's code (so the case file shows it in words through the record's own
labels), an audit entry, and the clocks that the filing ends:

* the party's own period for that remedy is met (it acted; a late filing leaves the clock as
  it ended);
* a suit against the non-final items means they do not take effect (Art. 50): the two years to
  apply for their enforcement, started when both periods seemed to have run, are cancelled;
* a final award set aside by the court has nothing left to enforce: its enforcement clock is
  cancelled.

No table: a filing is an event of the case (one or two per case at most), read back by
:func:`filings` for the case file, the publication copy and :mod:`casemgr.metrics.arb_ended`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from casemgr import clock, permissions, validation
from casemgr.actor import Actor
from casemgr.deadlines import clocks
from casemgr.enums import CaseKind, EventKind
from casemgr.errors import ValidationError
from casemgr.models import Case, Deadline, Event
from casemgr.services import cases
from casemgr.services.workflow.common import audit_case, clean_on
from casemgr.services.workflow.serving import award_parts
from casemgr.workflow import court_actions as ca

FILED = ca.FILING.code
DECIDED = ca.OUTCOME.code


def _clock(case: Case, code: str) -> Deadline | None:
    return next((d for d in case.deadlines if d.rule_code == code and d.state != "cancelled"), None)


def filings(session: Session, case_id: int) -> list[ca.Filing]:
    rows = session.execute(
        select(Event.case_id, Event.action, Event.occurred_on, Event.data)
        .where(Event.case_id == case_id, Event.action.in_((FILED, DECIDED)))
        .order_by(Event.id)
    ).all()
    return ca.filings_from_rows([tuple(r) for r in rows])  # type: ignore[misc]


def record_court_filing(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    party: str,
    action: str,
    part: str,
    court: str,
    filed_on: dt.date,
    expected_version: int | None,
    court_case_no: str | None = None,
) -> ca.Filing:
    """A party sued (Arts. 48, 50) or the employer applied to set aside (Art. 49) on ``filed_on``."""
    case = cases.load_case_for_update(session, case_id, expected_version)
    permissions.require(actor, "case.transition", case.kind)
    if case.kind != CaseKind.ARBITRATION.value:
        raise ValidationError(
            "只有仲裁案件才能登记起诉或申请撤销裁决。", "Only arbitration cases.", field="action"
        )
    filed_on = clean_on(case, filed_on)
    court_name = validation.clean_text(court, "court", max_len=100)
    number = validation.clean_text(court_case_no, "court_case_no", max_len=64, required=False)
    any_final, any_nonfinal = award_parts(session, case) if case.outcome == "award" else (False, False)
    rule = ca.PERIOD_RULES.get((party, action, part))
    period = _clock(case, rule) if rule else None
    late = ca.check_filing(
        outcome=case.outcome,
        any_final=any_final,
        any_nonfinal=any_nonfinal,
        party=party,
        action=action,
        part=part,
        filed_on=filed_on,
        today=clock.today(),
        received_on=period.started_on if period else None,
        last_day=period.due_on if period else None,
        already=any((f.party, f.action, f.part) == (party, action, part) for f in filings(session, case.id)),
    )
    assert period is not None  # check_filing refuses a filing without the party's clock
    if not late and period.state in clocks.ACTIVE:
        clocks.finish(period, filed_on)
    if part == ca.NONFINAL and not late:
        # A suit out of time does not stop the award taking effect (Art. 50): the court will
        # hear it only if it finds the delay excused, and the enforcement clock stays until then.
        clocks.cancel_group(session, case, "court_enforcement_nonfinal", filed_on)
    data: dict[str, object] = {
        "party": party,
        "action": action,
        "part": part,
        "court": court_name,
        "court_case_no": number,
        "received_on": period.started_on,
        "last_day": period.due_on,
        "timeliness": ca.LATE if late else ca.IN_TIME,
    }
    cases.touch(case, actor)
    cases.flush_or_conflict(session, case)
    cases.add_event(session, case, actor, EventKind.NOTE, occurred_on=filed_on, action=FILED, data=data)
    audit_case(session, actor, "case.court_filing", case, None, data)
    return ca.Filing(party, action, part, filed_on, court_name, period.due_on, late)


def record_court_outcome(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    party: str,
    action: str,
    court_outcome: str,
    on: dt.date,
    expected_version: int | None,
    document_no: str | None = None,
) -> ca.Filing:
    """What the court did with a recorded filing (dismissed, set aside, judgment, withdrawn)."""
    case = cases.load_case_for_update(session, case_id, expected_version)
    permissions.require(actor, "case.transition", case.kind)
    on = clean_on(case, on)
    if court_outcome not in ca.OUTCOMES:
        raise ValidationError("法院处理结果无效。", "Unknown court outcome.", field="court_outcome")
    filing = next(
        (
            f
            for f in filings(session, case_id)
            if f.party == party and f.action == action and f.outcome is None
        ),
        None,
    )
    if filing is None:
        raise ValidationError(
            "没有登记该当事人尚无结果的这项起诉（申请），请先登记起诉或申请撤销裁决。",
            "No such filing is recorded for this party; record the filing first.",
            field="action",
        )
    if on < filing.filed_on:
        raise ValidationError(
            f"处理结果日期 {on} 早于起诉（申请）日期 {filing.filed_on}。",
            f"The outcome date {on} is before the filing ({filing.filed_on}).",
            field="on",
        )
    if court_outcome in ("award_set_aside", "application_dismissed") and action != ca.SET_ASIDE:
        raise ValidationError(
            "撤销裁决或驳回申请只适用于用人单位申请撤销裁决的案件；起诉的结果为判决、调解或撤诉。",
            "Set aside / application dismissed answer a set-aside application only.",
            field="court_outcome",
        )
    if court_outcome == "judgment" and action == ca.SET_ASIDE:
        raise ValidationError(
            "申请撤销裁决由中级人民法院裁定撤销或驳回，不作判决。",
            "A set-aside application ends in a ruling, not a judgment.",
            field="court_outcome",
        )
    if court_outcome == "award_set_aside":
        clocks.cancel_group(session, case, "court_enforcement_final", on)
    number = validation.clean_text(document_no, "document_no", max_len=64, required=False)
    data = {"party": party, "action": action, "court_outcome": court_outcome, "document_no": number}
    cases.touch(case, actor)
    cases.flush_or_conflict(session, case)
    cases.add_event(session, case, actor, EventKind.NOTE, occurred_on=on, action=DECIDED, data=data)
    audit_case(session, actor, "case.court_outcome", case, None, data)
    return replace(filing, outcome=court_outcome, outcome_on=on)
