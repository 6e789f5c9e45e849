"""The global search (issue 15): every kind, by name, ID number or its last four digits,
phone, case number, employer name or credit code; masked; never through a reporter.

The reporter part is written as an attacker would try it: someone who knows (or suspects)
who reported an employer searches for that person by every identifier they might have, as
every role, and looks at the rows, the descriptions and the counts.
"""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal

import pytest
from sqlalchemy import select, text

from casemgr import db, privacy
from casemgr.actor import Actor
from casemgr.enums import CaseKind, ClaimType, ComplaintType, PartyRole, Role
from casemgr.errors import PermissionDenied
from casemgr.models import Case, Person
from casemgr.queries import GlobalSearch
from casemgr.queries import globalsearch as gs
from casemgr.services import cases, parties
from tests.helpers import TODAY, make_id, make_uscc

OFFICER = {
    CaseKind.ARBITRATION: Role.CLERK,
    CaseKind.MEDIATION: Role.MEDIATOR,
    CaseKind.INSPECTION: Role.INSPECTOR,
}

WORKER_ID = make_id(4321)  # ends in its check character: the last four are computed below
REPORTER_NAME = "蓝密报"
REPORTER_ID = make_id(8765, region="441581")
REPORTER_PHONE = "13911112222"


def register(
    database: db.Database,
    actors: dict[Role, Actor],
    kind: CaseKind,
    person: tuple[str, str | None, str | None],
    employer: tuple[str, str],
    *,
    report: bool = False,
) -> int:
    role = PartyRole.COMPLAINANT if kind is CaseKind.INSPECTION else PartyRole.APPLICANT
    data = cases.CaseInput(
        kind=kind,
        received_on=TODAY,
        employer=parties.EmployerInput(name=employer[0], uscc=employer[1], district="城区"),
        persons=[
            cases.PartyLink(parties.PersonInput(name=person[0], id_number=person[1], phone=person[2]), role)
        ],
        claims=[cases.ClaimInput(ClaimType.WAGES, Decimal("3000"), 0)],
        district="城区",
        complaint_type=(ComplaintType.REPORT if report else ComplaintType.COMPLAINT)
        if kind is CaseKind.INSPECTION
        else None,
    )
    with database.write() as s:
        return cases.register_case(s, actors[OFFICER[kind]], data, today=TODAY).id


@pytest.fixture
def sample(database: db.Database, actors: dict[Role, Actor]) -> dict[str, int]:
    return {
        "arb": register(database, actors, CaseKind.ARBITRATION, ("周晓梅", WORKER_ID, "13800138000"),
                        ("汕尾市鸿达制衣有限公司", make_uscc(11))),
        "med": register(database, actors, CaseKind.MEDIATION, ("周晓梅", WORKER_ID, "13800138000"),
                        ("汕尾市鸿达制衣有限公司", make_uscc(11))),
        "insp": register(database, actors, CaseKind.INSPECTION, ("林大海", make_id(55), "13700001111"),
                         ("陆丰市金海湾电子厂", make_uscc(22))),
        # A 举报 against another employer: its complainant is a reporter (条例 Art. 9).
        "report": register(database, actors, CaseKind.INSPECTION, (REPORTER_NAME, REPORTER_ID, REPORTER_PHONE),
                           ("汕尾市被举报建材有限公司", make_uscc(33)), report=True),
    }  # fmt: skip


def ids(database: db.Database, actor: Actor, q: str) -> set[int]:
    with database.read() as s:
        return {h.case.id for h in GlobalSearch(actor, q, TODAY).page(s, 0, 200)}


def hits(database: db.Database, actor: Actor, q: str) -> list[gs.SearchHit]:
    with database.read() as s:
        return GlobalSearch(actor, q, TODAY).page(s, 0, 200)


def count(database: db.Database, actor: Actor, q: str) -> int:
    with database.read() as s:
        return GlobalSearch(actor, q, TODAY).count(s)


def test_every_kind_by_name_id_last4_phone(
    database: db.Database, actors: dict[Role, Actor], sample: dict[str, int]
) -> None:
    sup = actors[Role.SUPERVISOR]
    both = {sample["arb"], sample["med"]}
    assert ids(database, sup, "周晓梅") == both
    assert ids(database, sup, "晓梅") == both
    assert ids(database, sup, WORKER_ID) == both
    assert ids(database, sup, WORKER_ID.lower()) == both
    last4 = WORKER_ID[-4:]
    assert sample["arb"] in ids(database, sup, last4)
    assert ids(database, sup, privacy.mask_id_number(WORKER_ID) or "") == both  # pasted from a screen
    assert ids(database, sup, "13800138000") == both
    assert ids(database, sup, "138 0013 8000") == both
    assert ids(database, sup, "1370000") == {sample["insp"]}  # a phone's first seven digits
    assert count(database, sup, "周晓梅") == 2


def test_last4_is_what_the_masked_list_shows(
    database: db.Database, actors: dict[Role, Actor], sample: dict[str, int]
) -> None:
    """The four characters after the stars on screen find the person (an X check digit too)."""
    with database.read() as s:
        stored = s.execute(select(Person.id_last4).where(Person.id_number == WORKER_ID)).scalar_one()
    shown = privacy.mask_id_number(WORKER_ID) or ""
    assert stored == shown[-4:] == WORKER_ID[-4:]
    x_id = next(make_id(n) for n in range(1000, 2000) if make_id(n).endswith("X"))
    other = register(
        database, actors, CaseKind.ARBITRATION, ("郑十一", x_id, None), ("某某公司", make_uscc(44))
    )
    assert other in ids(database, actors[Role.CLERK], x_id[-4:].lower())
    found = [h for h in hits(database, actors[Role.CLERK], x_id[-4:]) if h.case.id == other]
    assert found[0].matches[0].field == gs.MATCH_ID_LAST4


def test_employer_name_credit_code_and_case_number(
    database: db.Database, actors: dict[Role, Actor], sample: dict[str, int]
) -> None:
    clerk = actors[Role.CLERK]
    assert ids(database, clerk, "金海湾") == {sample["insp"]}
    assert ids(database, clerk, make_uscc(11)) == {sample["arb"], sample["med"]}
    assert ids(database, clerk, make_uscc(11)[:10]) >= {sample["arb"], sample["med"]}
    with database.read() as s:
        number = s.get(Case, sample["insp"]).number
    (hit,) = hits(database, clerk, number)
    assert hit.case.id == sample["insp"] and hit.matches[0].field == gs.MATCH_NUMBER
    (uscc_hit,) = [h for h in hits(database, clerk, make_uscc(22))]
    assert uscc_hit.matches[0].field == gs.MATCH_USCC and uscc_hit.matches[0].uscc == make_uscc(22)


def test_rows_say_what_matched_masked(
    database: db.Database, actors: dict[Role, Actor], sample: dict[str, int]
) -> None:
    for role in (Role.CLERK, Role.SUPERVISOR, Role.AUDITOR):
        for h in hits(database, actors[role], "13800138000"):
            (m,) = h.matches
            assert m.field == gs.MATCH_PHONE and m.name == "周晓梅"
            assert m.phone == "138****8000" and m.id_number == privacy.mask_id_number(WORKER_ID)
            assert WORKER_ID not in json.dumps(dataclasses.asdict(h), ensure_ascii=False, default=str)
            assert "13800138000" not in json.dumps(dataclasses.asdict(h), ensure_ascii=False, default=str)


def test_short_or_empty_text_finds_nothing_and_runs_nothing(
    database: db.Database, actors: dict[Role, Actor], sample: dict[str, int]
) -> None:
    for q in ("", "  ", "周", "\x00"):
        assert not GlobalSearch(actors[Role.CLERK], q, TODAY).searchable
        assert count(database, actors[Role.CLERK], q) == 0 and ids(database, actors[Role.CLERK], q) == set()


def test_kinds_follow_the_permission_matrix(
    database: db.Database, actors: dict[Role, Actor], sample: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from casemgr import permissions

    # A bureau that lets mediators view only mediation cases: the global search follows.
    matrix = dict(permissions.MATRIX)
    view = dict(matrix["case.view"])
    view[Role.MEDIATOR] = frozenset({CaseKind.MEDIATION})
    matrix["case.view"] = view
    monkeypatch.setattr(permissions, "MATRIX", matrix)
    assert gs.viewable_kinds(actors[Role.MEDIATOR]) == ("mediation",)
    assert ids(database, actors[Role.MEDIATOR], "周晓梅") == {sample["med"]}
    assert ids(database, actors[Role.SUPERVISOR], "周晓梅") == {sample["arb"], sample["med"]}


def test_a_user_without_case_view_is_refused(database: db.Database, sample: dict[str, int]) -> None:
    nobody = Actor(user_id=999, username="x", role="nobody")  # type: ignore[arg-type]
    with database.read() as s, pytest.raises((PermissionDenied, ValueError)):
        GlobalSearch(nobody, "周晓梅", TODAY).page(s, 0, 10)


# --------------------------------------------------------------------------- the attacker


ATTACKS = (
    REPORTER_NAME,
    REPORTER_NAME[:2],
    REPORTER_NAME[1:],
    REPORTER_ID,
    REPORTER_ID[:10],
    REPORTER_ID[-4:],
    privacy.mask_id_number(REPORTER_ID) or "",
    REPORTER_PHONE,
    REPORTER_PHONE[:7],
    "139 1111 2222",
)
SECRETS = (REPORTER_NAME, REPORTER_ID, REPORTER_PHONE, privacy.mask_id_number(REPORTER_ID) or "",
           privacy.mask_phone(REPORTER_PHONE) or "")  # fmt: skip


@pytest.mark.parametrize("role", list(Role))
def test_a_reporter_is_never_found_nor_shown(
    database: db.Database, actors: dict[Role, Actor], sample: dict[str, int], role: Role
) -> None:
    """Searched by every identifier, by every role (supervisors and the handling inspector
    included: a list is no place to reveal a reporter, the case file's audited view is):
    no row, no count, no description gives the reporter away."""
    actor = actors[role]
    for q in ATTACKS:
        assert sample["report"] not in ids(database, actor, q), (role, q)
        assert count(database, actor, q) == 0, (role, q)
    # The 举报 itself is found by its employer or number; its row names nobody.
    for q in ("被举报建材", make_uscc(33)):
        rows = hits(database, actor, q)
        assert [h.case.id for h in rows] == [sample["report"]]
        dump = json.dumps([dataclasses.asdict(h) for h in rows], ensure_ascii=False, default=str)
        assert not [s for s in SECRETS if s in dump], (role, q, dump)
        assert rows[0].case.worker_name is None


def test_a_reporter_who_is_also_a_worker_elsewhere(database: db.Database, actors: dict[Role, Actor]) -> None:
    """The same person as an ordinary applicant is found there (their own claim), and the
    count is that case alone: nothing says they also reported."""
    who = ("白双面", make_id(7411, region="441521"), "13522223333")
    own = register(database, actors, CaseKind.ARBITRATION, who, ("汕尾市另一家公司", make_uscc(66)))
    report = register(
        database, actors, CaseKind.INSPECTION, who, ("汕尾市被举报二厂", make_uscc(67)), report=True
    )
    for role in (Role.CLERK, Role.SUPERVISOR, Role.INSPECTOR, Role.MEDIATOR):
        for q in (who[1][-4:], who[0], who[2], who[1]):
            assert ids(database, actors[role], q) == {own}, (role, q)
            assert count(database, actors[role], q) == 1
    assert ids(database, actors[Role.SUPERVISOR], "被举报二厂") == {report}


def test_last4_has_an_index(database: db.Database, sample: dict[str, int]) -> None:
    """The tail search reads ix_persons_id_last4, not the million persons."""
    if database.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's plan text")
    with database.read() as s:
        plan = " ".join(
            str(r[-1])
            for r in s.execute(text("EXPLAIN QUERY PLAN SELECT id FROM persons WHERE id_last4 = '1234'"))
        )
        phone = " ".join(
            str(r[-1])
            for r in s.execute(text("EXPLAIN QUERY PLAN SELECT id FROM persons WHERE phone = '138'"))
        )
    assert "ix_persons_id_last4" in plan and "ix_persons_phone" in phone
