"""Applying workflow steps and recording the events that move statutory clocks.

Every function here is one use case: it checks permissions before the first write,
validates everything (fields, guards) before writing anything, updates the case and its
clocks, appends the timeline event and writes the audit entry in the same transaction.
A refused call raises a KnownError and leaves nothing behind.

The package is the public face; its modules follow the work:

==============  ==============================================================
``steps``       apply_transition (the workflow tables), the deemed-acceptance sweep
``records``     apply_record: every "登记…" form, dispatched to the services below
``fields``      clean_fields: a step's fields cleaned to their declared types
``guards``      check_guards: the legal conditions of a step
``common``      role, status, date and audit checks every step and record shares
``serving``     送达 (service of documents), the defence
``enforcement`` payments, the order to pay, the blacklist
``extensions``  extension requests and approvals
``flags``       green channel, collective, 挂牌督办 and their clocks
``handover``    mediation handed to arbitration; linked cases
==============  ==============================================================
"""

from casemgr.services.workflow.enforcement import decide_blacklist, propose_blacklist, record_payment
from casemgr.services.workflow.extensions import approve_extension, request_extension
from casemgr.services.workflow.fields import clean_fields
from casemgr.services.workflow.flags import clear_green_channel, refresh_flags, set_green_channel
from casemgr.services.workflow.guards import check_guards
from casemgr.services.workflow.handover import hand_to_arbitration, linked_cases
from casemgr.services.workflow.records import apply_record
from casemgr.services.workflow.serving import (
    DOCUMENTS,
    PUBLIC_NOTICE_DAYS_ARBITRATION,
    PUBLIC_NOTICE_DAYS_INSPECTION,
    PUBLIC_NOTICE_DAYS_INSPECTION_WAGES,
    SERVICE_STOPS,
    public_notice_days,
    record_defence,
    record_service,
)
from casemgr.services.workflow.steps import apply_deemed_acceptances, apply_transition

__all__ = [
    "DOCUMENTS",
    "PUBLIC_NOTICE_DAYS_ARBITRATION",
    "PUBLIC_NOTICE_DAYS_INSPECTION",
    "PUBLIC_NOTICE_DAYS_INSPECTION_WAGES",
    "SERVICE_STOPS",
    "apply_deemed_acceptances",
    "apply_record",
    "apply_transition",
    "approve_extension",
    "check_guards",
    "clean_fields",
    "clear_green_channel",
    "decide_blacklist",
    "hand_to_arbitration",
    "linked_cases",
    "propose_blacklist",
    "public_notice_days",
    "record_defence",
    "record_payment",
    "record_service",
    "refresh_flags",
    "request_extension",
    "set_green_channel",
]
