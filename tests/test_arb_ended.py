"""仲裁终结率 (issue 21): closed arbitration cases that did not go to court, worked out by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from casemgr import db
from casemgr.actor import Actor
from casemgr.enums import CaseKind, Role
from casemgr.metrics.arb_ended import arbitration_ended
from casemgr.metrics.final_awards import final_award_share
from casemgr.metrics.periods import Period
from casemgr.services import cases
from casemgr.services import workflow as wf
from tests.helpers import case_input
from tests.test_publication import FINAL, MIXED_ITEMS, awarded_case

D = dt.date
NONFINAL = [{"claim_type": "severance", "amount": Decimal("30000.00")}]
OCTOBER = Period.month(2026, 10)


def _closed_otherwise(s, clerk: Actor, registrar: Actor, n: int, how: str) -> int:  # type: ignore[no-untyped-def]
    """Accepted Thu 09-24; settled by a 仲裁调解书 or withdrawn on Tue 10-20."""
    c = cases.register_case(s, registrar, case_input(CaseKind.ARBITRATION, n=n, received_on=D(2026, 9, 21)))

    def step(code: str, on: dt.date, **f: object) -> None:
        wf.apply_transition(s, clerk, c.id, code, f, expected_version=None, on=on)

    step("accept", D(2026, 9, 24))
    if how == "settle":
        step("form_tribunal", D(2026, 9, 25), arbitrators=["甲", "乙", "丙"])
        step("settle", D(2026, 10, 20), document_no="汕劳人仲调字〔2026〕3号", signed_by_both=True)
    else:
        step("withdraw", D(2026, 10, 20), reason="已自行协商")
    return c.id


def _file(s, clerk: Actor, cid: int, on: dt.date, **f: object) -> None:  # type: ignore[no-untyped-def]
    wf.apply_record(s, clerk, cid, "record_court_filing", {"court": "汕尾市城区人民法院", **f},
                    expected_version=None, on=on)  # fmt: skip


def _history(database: db.Database, actors: dict[Role, Actor]) -> None:
    """Seven arbitration cases closed in October 2026 (awards made Tue 10-27).

    A mixed award, both parties served Thu 10-29: suits to Fri 11-13, set-aside to Mon 11-30
      (10-29 + 30 = Sat 11-28 -> Mon 11-30). Nobody files.
    B mixed award, worker served Mon 11-02 (suits to Tue 11-17), employer's copy left Tue
      11-03, deemed served Fri 11-06 (suit to Mon 11-23, set-aside to Mon 12-07). The worker
      sues on Tue 11-17, the LAST day: in time.
    C final award only, both served 10-29: the worker's suit is due Fri 11-13; he sues on
      Sat 11-14, ONE DAY LATE: recorded, flagged late, still a case that went to court.
    D non-final award only, both served 10-29: both suits due 11-13; nobody files.
    E 仲裁调解书 (settled) Tue 10-20.   F withdrawn Tue 10-20.
    G mixed award, never served (no 送达回证 recorded).
    """
    sup, clerk = actors[Role.SUPERVISOR], actors[Role.CLERK]
    with database.write() as s:
        awarded_case(s, clerk, sup, 61, MIXED_ITEMS)  # A
        b = awarded_case(s, clerk, sup, 62, MIXED_ITEMS, serve=False)
        wf.record_service(s, clerk, b, document="award", method="direct", served_on=D(2026, 11, 2),
                          expected_version=None, party="worker")  # fmt: skip
        wf.record_service(s, clerk, b, document="award", method="left", served_on=D(2026, 11, 3),
                          expected_version=None, party="employer")  # fmt: skip
        _file(s, clerk, b, D(2026, 11, 17), party="worker", action="suit", part="nonfinal")
        c = awarded_case(s, clerk, sup, 63, FINAL)
        _file(s, clerk, c, D(2026, 11, 14), party="worker", action="suit", part="final")
        awarded_case(s, clerk, sup, 64, NONFINAL)  # D
        _closed_otherwise(s, clerk, sup, 65, "settle")  # E
        _closed_otherwise(s, clerk, sup, 66, "withdraw")  # F
        awarded_case(s, clerk, sup, 67, MIXED_ITEMS, serve=False)  # G


def test_cases_ended_at_arbitration(database: db.Database, actors: dict[Role, Actor]) -> None:
    _history(database, actors)
    with database.read() as s:
        on_23rd = arbitration_ended(s, OCTOBER, as_of=D(2026, 11, 23))
        on_30th = arbitration_ended(s, OCTOBER, as_of=D(2026, 11, 30))
        on_1st = arbitration_ended(s, OCTOBER, as_of=D(2026, 12, 1))
        before = arbitration_ended(s, OCTOBER, as_of=D(2026, 11, 16))
        elsewhere = arbitration_ended(s, OCTOBER, as_of=D(2026, 12, 1), district="海丰县")
    # On Mon 11-23: closed 7 (A-G); awarded 5 (A, B, C, D, G); settled 1 (E); withdrawn 1 (F).
    # To court: B (in time), C (late) = 2; late_filings 1 (C). Pending: A (employer may apply
    # to set aside until 11-30), G (unserved) = 2; unserved 1. Awards ended: D = 1.
    # Ended = E + F + D = 3. Rate = 3 / (7 - 2) = 0.6.
    assert (on_23rd.closed, on_23rd.awarded, on_23rd.settled, on_23rd.withdrawn, on_23rd.other) == (
        7,
        5,
        1,
        1,
        0,
    )
    assert (on_23rd.to_court, on_23rd.late_filings, on_23rd.set_aside_applications) == (2, 1, 0)
    assert (on_23rd.pending, on_23rd.unserved, on_23rd.awards_ended, on_23rd.ended) == (2, 1, 1, 3)
    assert on_23rd.ratio.rate == Decimal("0.6000")
    # Mon 11-30 is A's last day: the employer can still apply, A is still pending.
    assert on_30th == on_23rd
    # Tue 12-01: A's periods are all over with nothing filed: ended 4, pending G only.
    # Rate = 4 / (7 - 1) = 0.6667.
    assert (on_1st.awards_ended, on_1st.ended, on_1st.pending) == (2, 4, 1)
    assert on_1st.ratio.rate == Decimal("0.6667")
    # Mon 11-16, before B's and after C's filing: B is pending (its periods run), C went to court.
    # D's suits ended 11-13: ended. Pending A, B, G = 3; to court C = 1; ended E, F, D = 3 -> 3 / 4.
    assert (before.to_court, before.pending, before.ended) == (1, 3, 3)
    assert before.ratio.rate == Decimal("0.7500")
    assert elsewhere.closed == 0 and elsewhere.ratio.rate is None


def test_final_award_share_of_the_same_history(database: db.Database, actors: dict[Role, Actor]) -> None:
    _history(database, actors)
    with database.read() as s:
        share = final_award_share(s, OCTOBER)
    # Awards A, B, G mixed (1 of 2 items final), C all final (1 of 1), D none (0 of 1).
    # Per case: (1 all final + 3 mixed) / 5 = 0.8. Per item: (1+1+1+1+0) / (2+2+2+1+1) = 4/8 = 0.5.
    assert (share.awarded, share.all_final, share.mixed, share.none_final) == (5, 1, 3, 1)
    assert share.per_case.rate == Decimal("0.8000") and share.per_item.rate == Decimal("0.5000")


def test_the_monthly_report_shows_the_table(
    database: db.Database, actors: dict[Role, Actor], tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """The same history in the October report made on Mon 11-23: PDF, JSON, xlsx, snapshot."""
    import json
    import os
    import shutil
    import subprocess
    from pathlib import Path

    from openpyxl import load_workbook

    from casemgr.metrics import report as mr
    from casemgr.reports import monthly

    _history(database, actors)
    with database.read() as s:
        data = mr.collect(s, 2026, 10, today=D(2026, 11, 23))
    doc = mr.to_json(data)["arbitration_finality"]
    assert doc["as_of"] == "2026-11-23"
    ended = doc["month"]["ended_at_arbitration"]
    # as in test_cases_ended_at_arbitration: 3 ended of 7 closed, 2 pending -> 3 / 5
    assert (ended["closed"], ended["ended"], ended["pending"], ended["to_court"]) == (7, 3, 2, 2)
    assert ended["rate"] == {"numerator": 3, "denominator": 5, "rate": 0.6}
    # the year to date holds only October's closings here
    assert doc["year_to_date"]["final_award_share"]["per_case"] == {
        "numerator": 4,
        "denominator": 5,
        "rate": 0.8,
    }
    # a closed month's snapshot gives the table back unchanged
    assert mr.load(mr.ReportData, json.loads(json.dumps(mr.dump(data)))).arb_finality == data.arb_finality
    monthly.build_xlsx(data, tmp_path / "r.xlsx")
    ws = load_workbook(tmp_path / "r.xlsx")["仲裁终局与终结"]
    cells = {r[0]: r[1:] for r in ws.iter_rows(values_only=True) if r and r[0]}
    assert cells["仲裁终结率"] == ("60.00% (3/5)", "60.00% (3/5)")
    assert cells["终局裁决比例（按裁决事项）"][0] == "50.00% (4/8)"
    pdf = monthly.pdf_bytes(data)
    if out := os.environ.get("SCREENSHOTS"):  # docs/reports: the sample rendered with pdftoppm
        (Path(out) / "monthly-arb-finality.pdf").write_bytes(pdf)
    if shutil.which("pdftotext"):
        (tmp_path / "r.pdf").write_bytes(pdf)
        out = subprocess.run(
            ["pdftotext", "-layout", str(tmp_path / "r.pdf"), "-"], capture_output=True, check=True
        )
        text = "".join(out.stdout.decode().split())
        assert "仲裁终局与终结" in text and "仲裁终结率60.00%(3/5)" in text
