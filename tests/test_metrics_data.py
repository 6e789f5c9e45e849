"""A small hand-built dataset whose figures are worked out on paper in tests/test_metrics.py.

Rows are inserted directly (not through the workflow) because the indicators must count
imported cases exactly like cases worked in the app: they read only the case columns.
"""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

from sqlalchemy.orm import Session

from casemgr.models import Case, CaseParty, Deadline, Employer, Person

D = dt.date
_seq = itertools.count(1)


def add_case(
    s: Session,
    kind: str,
    *,
    received: dt.date | None = None,
    accepted: dt.date | None = None,
    closed: dt.date | None = None,
    outcome: str | None = None,
    district: str | None = "城区",
    green: bool = False,
    collective: bool = False,
    supervised: bool = False,
    workers: int = 1,
    claimed: str = "0.00",
    recovered: str = "0.00",
    name: str | None = None,
) -> Case:
    n = next(_seq)
    received = received or accepted or closed or D(2026, 1, 1)
    c = Case(
        number=name or f"TEST-{kind[:3]}-{n:04d}",
        kind=kind,
        year=received.year,
        seq=n,
        status="closed" if closed else "open",
        district=district,
        received_on=received,
        accepted_on=accepted,
        closed_on=closed,
        outcome=outcome,
        green_channel=green,
        collective=collective,
        supervised=supervised,
        workers=workers,
        amount_claimed=Decimal(claimed),
        amount_recovered=Decimal(recovered),
    )
    s.add(c)
    s.flush()
    return c


def add_deadline(
    s: Session, case: Case, code: str, due: dt.date, state: str, finished: dt.date | None = None
) -> None:
    s.add(
        Deadline(
            case_id=case.id,
            rule_code=code,
            started_on=case.accepted_on or case.received_on,
            base_due_on=due,
            due_on=due,
            state=state,
            finished_on=finished,
        )
    )
    s.flush()


def build_march_2026(s: Session) -> dict[str, Case]:
    """The dataset of the paper calculation (see the comments in test_metrics.py)."""
    c: dict[str, Case] = {}
    # --- mediation
    c["M1"] = add_case(
        s,
        "mediation",
        accepted=D(2026, 2, 10),
        closed=D(2026, 3, 5),
        outcome="agreement",
        green=True,
        recovered="0.01",
        workers=1,
    )
    add_deadline(s, c["M1"], "med.green.close", D(2026, 3, 10), "met", D(2026, 3, 5))
    add_deadline(s, c["M1"], "med.green.other", D(2026, 2, 15), "cancelled")  # cancelled: ignored
    c["M2"] = add_case(
        s, "mediation", accepted=D(2026, 3, 2), closed=D(2026, 3, 20), outcome="failed", green=True, workers=5
    )
    add_deadline(s, c["M2"], "med.green.close", D(2026, 3, 15), "met", D(2026, 3, 20))  # late target
    c["M3"] = add_case(
        s, "mediation", accepted=D(2026, 3, 10), closed=D(2026, 4, 2), outcome="agreement", recovered="500.00"
    )
    c["M4"] = add_case(s, "mediation", received=D(2026, 3, 3), closed=D(2026, 3, 4), outcome="refused")
    c["M5"] = add_case(
        s,
        "mediation",
        accepted=D(2025, 12, 20),
        closed=D(2026, 1, 10),
        outcome="settlement",
        recovered="300.00",
        workers=4,
    )
    # --- arbitration
    c["A1"] = add_case(
        s,
        "arbitration",
        received=D(2025, 11, 14),
        accepted=D(2025, 11, 15),
        collective=True,
        workers=12,
        claimed="120000.00",
    )
    add_deadline(s, c["A1"], "arb.award", D(2026, 1, 5), "running")
    c["A2"] = add_case(
        s,
        "arbitration",
        accepted=D(2025, 12, 1),
        closed=D(2026, 3, 15),
        outcome="arb_mediation",
        recovered="2000.25",
        workers=2,
    )
    c["A3"] = add_case(
        s, "arbitration", accepted=D(2026, 1, 5), closed=D(2026, 2, 20), outcome="award", collective=True
    )
    c["A4"] = add_case(
        s, "arbitration", accepted=D(2026, 2, 25), closed=D(2026, 3, 31), outcome="award", green=True
    )
    add_deadline(s, c["A4"], "arb.award", D(2026, 3, 20), "breached")
    c["A5"] = add_case(
        s, "arbitration", accepted=D(2026, 3, 1), supervised=True, claimed="5000.00", workers=3
    )
    add_deadline(s, c["A5"], "arb.award", D(2026, 4, 20), "running")
    c["A6"] = add_case(
        s, "arbitration", accepted=D(2026, 3, 31), closed=D(2026, 4, 1), outcome="withdrawn", claimed="800.50"
    )
    c["A7"] = add_case(
        s,
        "arbitration",
        received=D(2026, 3, 5),
        accepted=D(2026, 3, 6),
        closed=D(2026, 3, 6),
        outcome="refused",
        recovered="999.00",
        claimed="999.00",
        collective=True,
    )
    c["A8"] = add_case(s, "arbitration", accepted=D(2025, 10, 1), closed=D(2025, 12, 31), outcome="award")
    # --- inspection
    c["I1"] = add_case(
        s,
        "inspection",
        accepted=D(2026, 1, 15),
        closed=D(2026, 3, 10),
        outcome="handling_decision",
        green=True,
        recovered="10000.50",
        workers=3,
        district="海丰县",
    )
    c["I2"] = add_case(s, "inspection", accepted=D(2026, 3, 12))
    add_deadline(s, c["I2"], "ins.close", D(2026, 3, 20), "breached")
    c["I3"] = add_case(s, "inspection", received=D(2026, 3, 1), outcome="refused", closed=D(2026, 3, 2))
    c["I4"] = add_case(s, "inspection", accepted=D(2026, 2, 1), closed=D(2026, 2, 28), outcome="cancelled")

    # Parties of A1 (listed as overdue) and I2 (a reporter: identity confidential).
    worker = Person(name="陈大明", id_number="44150219850615123X")
    emp = Employer(name="汕尾市测试建筑有限公司")
    reporter = Person(name="秘密举报人", id_number="441502199001011234")
    s.add_all([worker, emp, reporter])
    s.flush()
    s.add_all(
        [
            CaseParty(case_id=c["A1"].id, role="applicant", person_id=worker.id),
            CaseParty(case_id=c["A1"].id, role="respondent", employer_id=emp.id),
            CaseParty(case_id=c["I2"].id, role="reporter", person_id=reporter.id),
        ]
    )
    s.flush()
    return c
