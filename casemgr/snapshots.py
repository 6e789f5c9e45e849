"""The audited view of each entity: what an audit entry's ``before`` and ``after`` hold.

One definition per entity, below both the services that record them and the audit checks
that compare them with the rows (``audit.iter_case_problems``), so the two can never
disagree about what a snapshot contains. Each function reads attributes only: the bulk
import hands in plain namespaces with the same fields and gets byte-identical entries.
"""

from __future__ import annotations

from casemgr.models import Case, Employer, Person, User


def case_snapshot(case: Case) -> dict[str, object]:
    """The audited view of a case row (before/after); ``version`` lets the audit check
    tell a row edited behind the app's back from one changed by a later audited step."""
    return {
        "number": case.number,
        "kind": case.kind,
        "status": case.status,
        "district": case.district,
        "employer_id": case.employer_id,
        "received_on": case.received_on,
        "accepted_on": case.accepted_on,
        "closed_on": case.closed_on,
        "outcome": case.outcome,
        "migrant_worker": case.migrant_worker,
        "wage_arrears": case.wage_arrears,
        "green_channel": case.green_channel,
        "collective": case.collective,
        "supervised": case.supervised,
        "simple_procedure": case.simple_procedure,
        "amount_claimed": case.amount_claimed,
        "amount_recovered": case.amount_recovered,
        "workers": case.workers,
        "assigned_user_id": case.assigned_user_id,
        "version": case.version,
    }


def person_snapshot(p: Person) -> dict[str, object]:
    return {
        "name": p.name,
        "id_number": p.id_number,
        "phone": p.phone,
        "migrant_worker": p.migrant_worker,
        "address": p.address,
    }


def employer_snapshot(e: Employer) -> dict[str, object]:
    """Without the phone: a correction of the phone adds it itself (``parties.update_employer``)."""
    return {
        "name": e.name,
        "uscc": e.uscc,
        "legal_rep": e.legal_rep,
        "district": e.district,
        "industry": e.industry,
        "address": e.address,
    }


def user_snapshot(user: User) -> dict[str, object]:
    """The audited view of a user: never the password hash."""
    return {
        "username": user.username,
        "display_name": user.display_name,
        "role": user.role,
        "district": user.district,
        "active": user.active,
        "must_change_password": user.must_change_password,
        "locked_until": user.locked_until,
    }
