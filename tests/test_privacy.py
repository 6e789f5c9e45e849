"""Masking of ID numbers and phones; reporter confidentiality (监察条例 Art. 9); audited reveals."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from casemgr import db, privacy
from casemgr.actor import Actor
from casemgr.enums import CaseKind, ComplaintType, PartyRole, Role
from casemgr.errors import PermissionDenied
from casemgr.models import AuditEntry
from casemgr.services import cases, parties
from tests.conftest import make_user
from tests.helpers import case_input, make_id


def test_masks() -> None:
    assert privacy.mask_id_number("44150219850615123X") == "4415**********123X"
    assert privacy.mask_phone("13800138000") == "138****8000"
    assert privacy.mask_phone("0660-3361234") == "0660-***1234"
    assert privacy.mask_name("张三丰") == "张**"
    for empty in (None, ""):
        assert privacy.mask_id_number(empty) == empty and privacy.mask_phone(empty) == empty


@given(st.text(min_size=5, max_size=40))
def test_masking_never_shows_the_middle(value: str) -> None:
    m = privacy.mask_id_number(value)
    assert m is not None and len(m) == len(value.strip())
    if len(value.strip()) >= 12:
        assert "*" * 4 in m
    p = privacy.mask_phone(value)
    assert p is not None and "*" in p


@pytest.fixture
def report_case(database: db.Database, actors: dict[Role, Actor]) -> int:
    data = case_input(CaseKind.INSPECTION, n=3)
    data = cases.CaseInput(
        **{
            **data.__dict__,
            "complaint_type": ComplaintType.REPORT,
            "persons": [
                cases.PartyLink(
                    parties.PersonInput("举报人乙", make_id(42), "13912345678"), PartyRole.REPORTER
                ),
                cases.PartyLink(
                    parties.PersonInput("证人丙", make_id(43), "13700001111"), PartyRole.THIRD_PARTY
                ),
            ],
            "claims": [],
            "assigned_user_id": actors[Role.INSPECTOR].user_id,
        }
    )
    with database.write() as s:
        return cases.register_case(s, actors[Role.SUPERVISOR], data).id


def _audit(database: db.Database) -> list[tuple[str, str | None]]:
    with database.read() as s:
        return [
            (a, u)
            for a, u in s.execute(select(AuditEntry.action, AuditEntry.username).order_by(AuditEntry.id))
        ]


def test_lists_are_masked_and_reporters_hidden_for_everyone(
    database: db.Database, actors: dict[Role, Actor], report_case: int
) -> None:
    n_audit = len(_audit(database))
    for role in Role:
        with database.write() as s:
            views = privacy.party_views(s, actors[role], report_case)
        reporter, witness = views
        assert reporter.confidential and reporter.name == privacy.REPORTER_PLACEHOLDER[0]
        assert reporter.id_number is None and reporter.phone is None and reporter.person_id is None
        assert witness.id_number == privacy.mask_id_number(make_id(43)) and witness.phone == "137****1111"
    assert len(_audit(database)) == n_audit  # masked views are not audited


def test_reveal_for_the_handling_inspector_is_audited(
    database: db.Database, actors: dict[Role, Actor], report_case: int
) -> None:
    with database.write() as s:
        views = privacy.party_views(s, actors[Role.INSPECTOR], report_case, reveal=True)
    assert [(v.name, v.id_number, v.masked) for v in views] == [
        ("举报人乙", make_id(42), False),
        ("证人丙", make_id(43), False),
    ]
    assert _audit(database)[-2:] == [("personal_data.view", "inspector"), ("reporter.view", "inspector")]


def test_other_inspector_sees_the_witness_but_never_the_reporter(
    database: db.Database, actors: dict[Role, Actor], report_case: int
) -> None:
    other = make_user(database, Role.INSPECTOR, "inspector2")
    with database.write() as s:
        views = privacy.party_views(s, other, report_case, reveal=True)
    assert views[0].confidential and views[0].name == privacy.REPORTER_PLACEHOLDER[0]
    assert views[1].id_number == make_id(43)
    assert _audit(database)[-1] == ("personal_data.view", "inspector2")
    with database.write() as s, pytest.raises(PermissionDenied):
        privacy.reporter_identity(s, other, report_case)


@pytest.mark.parametrize("purpose", ["export", "report", "notice"])
def test_reporter_never_leaves_the_screen(
    database: db.Database, actors: dict[Role, Actor], report_case: int, purpose: privacy.Purpose
) -> None:
    """Even the supervisor exporting with unmasked personal data gets the placeholder."""
    with database.write() as s:
        views = privacy.party_views(s, actors[Role.SUPERVISOR], report_case, reveal=True, purpose=purpose)
    assert views[0].confidential and views[0].id_number is None
    assert views[1].id_number == make_id(43)
    assert _audit(database)[-1] == ("personal_data.export", "supervisor")
    with database.write() as s, pytest.raises(PermissionDenied):
        privacy.party_views(s, actors[Role.INSPECTOR], report_case, reveal=True, purpose=purpose)


def test_roles_without_the_permission_cannot_unmask(
    database: db.Database, actors: dict[Role, Actor], report_case: int
) -> None:
    for role in (Role.ADMIN, Role.AUDITOR, Role.CLERK, Role.MEDIATOR):
        n = len(_audit(database))
        with database.write() as s, pytest.raises(PermissionDenied):
            privacy.party_views(s, actors[role], report_case, reveal=True)
        assert len(_audit(database)) == n
        assert not privacy.may_unmask(actors[role], CaseKind.INSPECTION)


def test_a_report_type_complainant_is_confidential_too(
    database: db.Database, actors: dict[Role, Actor]
) -> None:
    data = case_input(CaseKind.INSPECTION, n=8)
    data = cases.CaseInput(**{**data.__dict__, "complaint_type": ComplaintType.REPORT})
    with database.write() as s:
        cid = cases.register_case(s, actors[Role.INSPECTOR], data).id
        views = privacy.party_views(s, actors[Role.CLERK], cid)
    assert [v.confidential for v in views] == [True]
