"""Builders for test data that go through the real services."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from casemgr import validation
from casemgr.enums import CaseKind, ClaimType, PartyRole
from casemgr.services import cases, parties

#: The day the whole suite runs on (``casemgr.clock.today()``, set through ``CASEMGR_TODAY`` in
#: conftest so that programs the tests start see it too), whatever the machine's clock says.
#: A Monday late in 2026: clocks started on it run into 2027, a year the calendar package
#: does not cover, so the provisional-date paths are always exercised.
TODAY = dt.date(2026, 11, 23)


def make_id(n: int, region: str = "441502", born: dt.date = dt.date(1985, 6, 15)) -> str:
    first17 = f"{region}{born:%Y%m%d}{n % 1000:03d}"
    return first17 + validation.resident_id_check_char(first17)


def make_uscc(n: int) -> str:
    first17 = f"91441500{n:09d}"
    return first17 + validation.uscc_check_char(first17)


def case_input(
    kind: CaseKind = CaseKind.ARBITRATION,
    *,
    received_on: dt.date = dt.date(2026, 3, 2),
    n: int = 1,
    migrant: bool = True,
    workers: int = 1,
    amount: str = "8000.00",
    employer_n: int | None = None,
) -> cases.CaseInput:
    role = PartyRole.COMPLAINANT if kind is CaseKind.INSPECTION else PartyRole.APPLICANT
    persons = [
        cases.PartyLink(
            parties.PersonInput(name=f"工人{n}-{i}", id_number=make_id(n * 100 + i), migrant_worker=migrant),
            role,
        )
        for i in range(workers)
    ]
    claims = [cases.ClaimInput(ClaimType.WAGES, Decimal(amount), i) for i in range(workers)]
    return cases.CaseInput(
        kind=kind,
        received_on=received_on,
        employer=parties.EmployerInput(
            name=f"汕尾测试用人单位{employer_n or n}", uscc=make_uscc(employer_n or n), district="城区"
        ),
        persons=persons,
        claims=claims,
        district="城区",
    )


#: The password :func:`give_password` sets (passes casemgr.auth's policy).
CLI_PASSWORD = "Cli-login-pass-2026"


def give_password(
    database: object, username: str, password: str = CLI_PASSWORD, *, must_change: bool = False
) -> None:
    """Let a test user log in (the CLI, the log-in dialog): a real hash, as the app stores it."""
    from sqlalchemy import select

    from casemgr import auth
    from casemgr.models import User

    with database.write() as s:  # type: ignore[attr-defined]
        u = s.execute(select(User).where(User.username == username)).scalar_one()
        u.password_hash = auth.hash_password(password)
        u.must_change_password = must_change
