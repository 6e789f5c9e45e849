"""Things recorded without moving the case (``casemgr.workflow.records``): one entry point.

The desktop's "登记…" forms send every record here, so the record tables (who, in which
status, which fields) are enforced for them exactly as for workflow steps; the named
service then does the work and its own checks.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from casemgr import permissions
from casemgr.actor import Actor
from casemgr.enums import CaseKind
from casemgr.errors import WorkflowError
from casemgr.models import Case
from casemgr.services import cases, clues, limitation
from casemgr.services.workflow import blacklist
from casemgr.services.workflow.common import clean_on, require_role, require_status
from casemgr.services.workflow.enforcement import (
    apply_court_enforcement,
    decide_blacklist,
    propose_blacklist,
    record_payment,
)
from casemgr.services.workflow.fields import clean_fields
from casemgr.services.workflow.flags import refresh_flags, set_green_channel
from casemgr.services.workflow.serving import record_defence, record_service
from casemgr.workflow import records


def apply_record(
    session: Session,
    actor: Actor,
    case_id: int,
    code: str,
    fields: dict[str, Any],
    *,
    expected_version: int | None,
    on: dt.date | None = None,
) -> Case:
    """Make record ``code`` of :mod:`casemgr.workflow.records` on date ``on``.

    The forms of the desktop send every record here, so the record tables (who, in which
    status, which fields) are enforced for them exactly as for workflow steps; the named
    service then does the work and its own checks.
    """
    case = cases.load_case_for_update(session, case_id, expected_version)
    kind = CaseKind(case.kind)
    t = records.get_record(kind, code)
    if t is None:
        raise WorkflowError(f"未知的登记事项 {code}。", f"Unknown record {code}.", field="code")
    permissions.require(actor, records.PERMISSION.get(code, "case.transition"), kind)
    require_role(actor, t, kind)
    require_status(case, t)
    f = clean_fields(t, dict(fields or {}))
    on = clean_on(case, on)
    v = expected_version
    if code == "record_service":
        record_service(
            session,
            actor,
            case_id,
            document=f["document"],
            method=f["method"],
            served_on=on,
            expected_version=v,
            receipt_no=f.get("receipt_no"),
            short_notice_ground=f.get("short_notice_ground"),
            party=f.get("party"),
        )
    elif code == "record_defence":
        record_defence(session, actor, case_id, received_on=on, expected_version=v)
    elif code == "record_payment":
        record_payment(
            session,
            actor,
            case_id,
            f.get("amount"),
            paid_on=on,
            expected_version=v,
            note=f.get("note"),
            items=f.get("paid_items"),
        )
    elif code == "propose_blacklist":
        propose_blacklist(
            session,
            actor,
            case_id,
            document_no=f["document_no"],
            ground=f["ground"],
            on=on,
            expected_version=v,
        )
    elif code == "decide_blacklist":
        decide_blacklist(
            session,
            actor,
            case_id,
            listed=f["listed"],
            document_no=f["document_no"],
            on=on,
            expected_version=v,
        )
    elif code == "apply_court_enforcement":
        apply_court_enforcement(
            session, actor, case_id, document_no=f["document_no"], court=f["court"], on=on, expected_version=v
        )
    elif code == "record_blacklist_objection":
        blacklist.record_objection(session, actor, case_id, on=on, expected_version=v, note=f.get("note"))
    elif code == "record_blacklist_review":
        blacklist.record_review(
            session,
            actor,
            case_id,
            upheld=f["upheld"],
            document_no=f["document_no"],
            on=on,
            expected_version=v,
        )
    elif code == "apply_early_removal":
        blacklist.apply_early_removal(session, actor, case_id, on=on, expected_version=v)
    elif code == "decide_early_removal":
        blacklist.decide_early_removal(
            session,
            actor,
            case_id,
            granted=f["granted"],
            document_no=f["document_no"],
            on=on,
            expected_version=v,
        )
    elif code == "remove_from_blacklist":
        blacklist.remove_from_blacklist(
            session, actor, case_id, document_no=f["document_no"], on=on, expected_version=v
        )
    elif code == "revoke_document":
        from casemgr.services.workflow.revocation import revoke_document

        revoke_document(
            session,
            actor,
            case_id,
            document=f["document"],
            revoked_by=f["revoked_by"],
            document_no=f["document_no"],
            on=on,
            expected_version=v,
        )
    elif code == "record_court_filing":
        from casemgr.services.workflow.court import record_court_filing

        record_court_filing(
            session,
            actor,
            case_id,
            party=f["party"],
            action=f["action"],
            part=f["part"],
            court=f["court"],
            court_case_no=f.get("court_case_no"),
            filed_on=on,
            expected_version=v,
        )
    elif code == "record_court_outcome":
        from casemgr.services.workflow.court import record_court_outcome

        record_court_outcome(
            session,
            actor,
            case_id,
            party=f["party"],
            action=f["action"],
            court_outcome=f["court_outcome"],
            document_no=f.get("document_no"),
            on=on,
            expected_version=v,
        )
    elif code == "set_green_channel":
        set_green_channel(session, actor, case_id, f["green_channel"], f["reason"], expected_version=v, on=on)
    elif code == "add_note":
        cases.add_note(session, actor, case_id, f["note"], occurred_on=on)
    elif code == "update_amounts":
        cases.update_amounts(
            session,
            actor,
            case_id,
            expected_version=v,
            amount_claimed=f.get("amount_claimed"),
            workers=f.get("workers"),
            occurred_on=on,
        )
        # Collective and 挂牌督办 follow the new figures at once (their clocks too).
        refresh_flags(session, actor, case_id, expected_version=None, on=on)
    elif code == "record_reply":
        clues.record_reply(session, actor, case_id, f["external_ref"], on)
    elif code == "record_limitation":
        limitation.record_limitation(
            session,
            actor,
            case_id,
            expected_version=v,
            on=on,
            employment_ended_on=f.get("employment_ended_on"),
            knew_on=f.get("knew_on"),
            interrupted_on=f.get("interrupted_on"),
            ground=f.get("ground"),
            suspended_from=f.get("suspended_from"),
            suspended_to=f.get("suspended_to"),
            violation_on=f.get("violation_on"),
            note=f.get("note"),
        )
    else:  # pragma: no cover - the record tables and this dispatch are checked by a test
        raise AssertionError(code)
    return case
