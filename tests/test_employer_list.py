"""The employer list (sorted by the database, filtered by watch status) and the warning the
new-case form shows about an employer: queries only, no Qt."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from casemgr import db, permissions, queries
from casemgr.enums import CaseKind, Role
from casemgr.errors import ValidationError
from casemgr.models import Case, Employer
from casemgr.services import cases
from tests.helpers import TODAY, case_input, make_uscc


@pytest.fixture
def employers(database: db.Database, actors) -> dict[str, int]:
    """Four employers: a blacklisted one, a key-monitored one with an old complaint, one with
    a recent complaint and an open arbitration, and a quiet one without district."""
    sup = actors[Role.SUPERVISOR]
    with database.write() as s:
        ids = {}
        recent = cases.register_case(
            s,
            sup,
            case_input(CaseKind.INSPECTION, n=1, employer_n=1, received_on=TODAY - dt.timedelta(days=10)),
        )
        cases.register_case(s, sup, case_input(CaseKind.ARBITRATION, n=2, employer_n=1), today=TODAY)
        cases.register_case(s, sup, case_input(CaseKind.ARBITRATION, n=3, employer_n=1), today=TODAY)
        ids["recent"] = recent.employer_id
        old = cases.register_case(
            s,
            sup,
            case_input(CaseKind.INSPECTION, n=4, employer_n=2, received_on=TODAY - dt.timedelta(days=120)),
        )
        ids["monitored"] = old.employer_id
        black = cases.register_case(s, sup, case_input(CaseKind.MEDIATION, n=5, employer_n=3), today=TODAY)
        ids["black"] = black.employer_id
        s.get(Case, black.id).closed_on = TODAY  # its only case is closed
        quiet = Employer(name="安静单位", uscc=make_uscc(99), district=None)
        s.add(quiet)
        s.flush()
        ids["quiet"] = quiet.id
        s.get(Employer, ids["monitored"]).key_monitoring = True
        e = s.get(Employer, ids["black"])
        e.blacklisted_on, e.blacklisted_until = TODAY - dt.timedelta(days=30), TODAY + dt.timedelta(days=1000)
        # a listing that has run out does not count
        q = s.get(Employer, ids["quiet"])
        q.blacklisted_on, q.blacklisted_until = dt.date(2022, 1, 1), dt.date(2025, 1, 1)
    return ids


def _names(database: db.Database, q: queries.EmployerQuery) -> list[int]:
    with database.read() as s:
        return [r.id for r in q.page(s, 0, 50)]


def test_status_filter(database, employers) -> None:
    e = employers
    q = queries.EmployerQuery(today=TODAY)
    assert set(_names(database, q)) == set(e.values())
    with database.read() as s:
        assert _names(database, dataclasses.replace(q, status="key_monitoring")) == [e["monitored"]]
        assert _names(database, dataclasses.replace(q, status="blacklisted")) == [e["black"]]
        assert _names(database, dataclasses.replace(q, status="complaints_90d")) == [e["recent"]]
        assert dataclasses.replace(q, status="blacklisted").count(s) == 1
        with pytest.raises(ValidationError):
            dataclasses.replace(q, status="nonsense").count(s)


def test_sorted_by_the_database_on_every_column(database, employers) -> None:
    e = employers
    q = queries.EmployerQuery(today=TODAY)
    by_open = _names(database, q.with_sort("open", True))
    assert by_open[0] == e["recent"]  # two open arbitrations and an open complaint
    assert _names(database, q.with_sort("cases", True))[0] == e["recent"]
    assert _names(database, q.with_sort("status", True))[:2] == [e["black"], e["monitored"]]
    names = _names(database, q.with_sort("name", False))
    with database.read() as s:
        labels = [s.get(Employer, i).name for i in names]
    assert labels == sorted(labels)
    # NULLs last both ways: the employer without district ends the list
    assert _names(database, q.with_sort("district", False))[-1] == e["quiet"]
    assert _names(database, q.with_sort("district", True))[-1] == e["quiet"]
    # paging in sorted order: two pages put together are the whole list
    with database.read() as s:
        s2 = q.with_sort("open", True)
        assert [r.id for r in s2.page(s, 0, 2)] + [r.id for r in s2.page(s, 2, 2)] == by_open
        with pytest.raises(ValidationError):
            q.with_sort("password_hash", False).page(s, 0, 10)


def test_alert_counts_open_cases_complaints_and_watch_status(database, actors, employers) -> None:
    e, clerk = employers, actors[Role.CLERK]
    with database.read() as s:
        a = queries.employer_alert(s, clerk, employer_id=e["recent"], today=TODAY)
        assert a is not None and a.worth_warning
        assert a.open_by_kind == {"arbitration": 2, "inspection": 1}
        assert a.complaints_90d == 1 and not a.blacklisted and not a.key_monitoring
        b = queries.employer_alert(s, clerk, uscc=make_uscc(3), today=TODAY)
        assert b is not None and b.blacklisted and b.blacklisted_until == TODAY + dt.timedelta(days=1000)
        assert b.open_total == 0
        m = queries.employer_alert(s, clerk, name="汕尾测试用人单位2", today=TODAY)
        assert m is not None and m.key_monitoring and m.complaints_90d == 0  # 120 days ago
        quiet = queries.employer_alert(s, clerk, employer_id=e["quiet"], today=TODAY)
        assert quiet is not None and not quiet.worth_warning  # expired listing
        assert queries.employer_alert(s, clerk, name="没有这个单位", today=TODAY) is None
        assert queries.employer_alert(s, clerk, uscc="not a code", today=TODAY) is None


def test_alert_counts_only_the_kinds_the_user_may_view(database, actors, employers, monkeypatch) -> None:
    """The counts follow case.view: a role that may not view inspection cases is not told
    about complaints (the permission table is narrowed here; today every role views all)."""
    clerk = actors[Role.CLERK]
    narrowed = dict(permissions.MATRIX["case.view"])
    narrowed[Role.CLERK] = frozenset({CaseKind.ARBITRATION, CaseKind.MEDIATION})
    monkeypatch.setitem(permissions.MATRIX, "case.view", narrowed)
    with database.read() as s:
        a = queries.employer_alert(s, clerk, employer_id=employers["recent"], today=TODAY)
    assert a is not None
    assert a.open_by_kind == {"arbitration": 2}
    assert a.complaints_90d == 0
