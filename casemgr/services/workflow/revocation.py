"""An order or a decision of the bureau revoked by a reconsideration body or a court.

The bureau records the revocation (the 复议决定书 or the judgment's number) and what rested on
the revoked document ends with it:

* A revoked **order to pay** (责令限期支付工资文书: the 限期整改指令书 of ``order_payment``):
  the employer no longer owes by it, so its clock, the duty to consider a listing and the
  listing's notice periods are cancelled. A listing that rests on it is revoked (人社部令第45号,
  2021, Art. 16: "列入决定所依据的责令限期支付工资文书被依法撤销的 ... 应当撤销列入决定"):
  the term ends that day, the employer's listing ends that day (an audited change of the
  employer), and the bureau must take the employer off the published list within 10
  working days (Art. 17(三)): the removal clock starts.
* A revoked **handling or penalty decision**: nothing is left to enforce, so the bureau's
  window to apply to the court (行政强制法 Art. 53) is cancelled. Art. 16 ties a listing to the
  order to pay, not to the decision: the listing stays unless the order is revoked too (the
  revoking body usually revokes both; each is recorded).

The case keeps its closing date and outcome (the indicators count the decision in the month
it was made); a fresh decision after a revocation is not modelled here.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from casemgr import permissions, validation
from casemgr.actor import Actor
from casemgr.deadlines import clocks
from casemgr.enums import CaseKind, DeadlineState, EventKind
from casemgr.errors import ValidationError, WorkflowError
from casemgr.models import Case, Event
from casemgr.services import cases
from casemgr.services.workflow import blacklist
from casemgr.services.workflow.common import audit_case, clean_on
from casemgr.services.workflow.guards import latest_clock
from casemgr.services.workflow.serving import DECISIONS
from casemgr.workflow.records import REVOCABLE_DOCUMENTS, REVOKED_BY

#: Clock groups that rest on the order to pay.
_ORDER_GROUPS = ("pay_order", "blacklist", "blacklist_objection", "blacklist_verify", "blacklist_early")


def _revoked(session: Session, case: Case) -> set[str]:
    rows = session.execute(
        select(Event.data).where(Event.case_id == case.id, Event.action == "document_revoked")
    ).scalars()
    return {str(json.loads(r).get("document")) for r in rows if r}


def _has_order(session: Session, case: Case) -> bool:
    return (
        session.execute(
            select(Event.id).where(Event.case_id == case.id, Event.action == "order_payment").limit(1)
        ).first()
        is not None
    )


def revoke_document(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    document: str,
    revoked_by: str,
    document_no: str,
    on: dt.date,
    expected_version: int | None,
) -> Case:
    case = cases.load_case_for_update(session, case_id, expected_version)
    permissions.require(actor, "case.transition", case.kind)
    if case.kind != CaseKind.INSPECTION.value:
        raise ValidationError("只有监察案件登记文书撤销。", "Only inspection cases record a revocation.")
    if document not in REVOCABLE_DOCUMENTS:
        raise ValidationError(f"文书“{document}”无效。", f"Unknown document '{document}'.", field="document")
    if revoked_by not in REVOKED_BY:
        raise ValidationError(
            f"撤销机关“{revoked_by}”无效。", f"Unknown revoking body '{revoked_by}'.", field="revoked_by"
        )
    doc = validation.clean_text(document_no, "document_no", max_len=64)
    on = clean_on(case, on)
    if document == "order" and not _has_order(session, case):
        raise WorkflowError("本案没有责令限期支付文书。", "This case has no order to pay.", field="document")
    if document == "decision" and case.outcome not in DECISIONS:
        raise WorkflowError(
            "本案没有处理决定或处罚决定。", "This case has no handling or penalty decision.", field="document"
        )
    if document in _revoked(session, case):
        raise WorkflowError("该文书已登记撤销。", "That revocation is already recorded.", field="document")
    data: dict[str, object] = {"document": document, "revoked_by": revoked_by, "document_no": doc}
    # Nothing is left to enforce in court either way (the decision, or the debt under it).
    clocks.cancel_group(session, case, "court_enforcement", on)
    if document == "order":
        for group in _ORDER_GROUPS:
            clocks.cancel_group(session, case, group, on)
        term = latest_clock(case, "insp.blacklist.term")
        if term is not None and term.state in clocks.ACTIVE:
            # 令第45号 Art. 16: the listing is revoked; Art. 17(三): removed within 10 wd.
            term.state = DeadlineState.CANCELLED.value
            term.finished_on = on
            clocks.cancel_group(session, case, "blacklist_removal", on)
            removal = clocks.start_group(session, case, "blacklist_removal", on, anchor=on)
            blacklist.set_employer_listing(session, actor, case, "blacklist_revoked", until=on)
            data["listing_revoked"] = True
            data["remove_by"] = removal[0].due_on if removal else None
    cases.touch(case, actor)
    cases.flush_or_conflict(session, case)
    cases.add_event(
        session, case, actor, EventKind.DOCUMENT, occurred_on=on, action="document_revoked", data=data
    )
    audit_case(session, actor, "case.document_revoked", case, None, data)
    return case
