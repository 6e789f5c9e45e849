"""Search: two-character names, name fragments, case-number fragments, ID numbers, credit codes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from casemgr import db, search
from casemgr.actor import Actor
from casemgr.enums import CaseKind, ClaimType, PartyRole, Role
from casemgr.models import Case, Person, SearchGram
from casemgr.services import cases, parties
from tests.helpers import make_id, make_uscc

OFFICER = {
    CaseKind.ARBITRATION: Role.CLERK,
    CaseKind.MEDIATION: Role.MEDIATOR,
    CaseKind.INSPECTION: Role.INSPECTOR,
}


def register(
    database: db.Database,
    actors: dict[Role, Actor],
    names: list[tuple[str, str | None]],
    employer: tuple[str, str | None] = ("汕尾市鸿达制衣有限公司", None),
    kind: CaseKind = CaseKind.ARBITRATION,
    received_on: dt.date = dt.date(2026, 3, 2),
) -> Case:
    role = PartyRole.COMPLAINANT if kind is CaseKind.INSPECTION else PartyRole.APPLICANT
    data = cases.CaseInput(
        kind=kind,
        received_on=received_on,
        employer=parties.EmployerInput(name=employer[0], uscc=employer[1], district="海丰县"),
        persons=[cases.PartyLink(parties.PersonInput(name=n, id_number=i), role) for n, i in names],
        claims=[cases.ClaimInput(ClaimType.WAGES, Decimal("3000"), 0)],
        district="海丰县",
    )
    with database.write() as s:
        return cases.register_case(s, actors[OFFICER[kind]], data)


@pytest.fixture
def sample(database: db.Database, actors: dict[Role, Actor]) -> dict[str, Case]:
    return {
        "wangfang": register(database, actors, [("王芳", make_id(1))]),
        "wangfangfang": register(database, actors, [("王芳芳", make_id(2))]),
        "wangfang_other": register(database, actors, [("王方", make_id(3))]),
        "chenxiaoming": register(database, actors, [("陈小明", make_id(4))]),
        # Both bigrams of 陈小明 occur in this case, in two different people: not a match.
        "decoy": register(database, actors, [("陈小红", make_id(5)), ("李小明", make_id(6))]),
        "employer": register(
            database,
            actors,
            [("张伟", None)],
            employer=("陆丰市金海湾电子厂", make_uscc(77)),
            kind=CaseKind.INSPECTION,
        ),
        "mediation": register(database, actors, [("王芳", make_id(1))], kind=CaseKind.MEDIATION),
    }


def found(database: db.Database, text: str, **kw: object) -> set[int]:
    with database.read() as s:
        return set(search.search_case_ids(s, text, **kw))  # type: ignore[arg-type]


def test_two_character_name(database: db.Database, sample: dict[str, Case]) -> None:
    ids = found(database, "王芳")
    assert ids == {sample["wangfang"].id, sample["wangfangfang"].id, sample["mediation"].id}


def test_three_character_name_needs_all_three_in_one_name(
    database: db.Database, sample: dict[str, Case]
) -> None:
    assert found(database, "陈小明") == {sample["chenxiaoming"].id}
    # The given name alone finds both people called ...小明.
    assert found(database, "小明") == {sample["chenxiaoming"].id, sample["decoy"].id}


def test_employer_fragment_and_spaces(database: db.Database, sample: dict[str, Case]) -> None:
    assert found(database, "金海湾") == {sample["employer"].id}
    assert found(database, " 金海 湾 ") == {sample["employer"].id}
    # Every case of 汕尾市鸿达制衣有限公司 but the inspection one.
    assert found(database, "鸿达制衣") == {c.id for k, c in sample.items() if k != "employer"}


def test_identifiers(database: db.Database, sample: dict[str, Case]) -> None:
    assert found(database, make_id(4)) == {sample["chenxiaoming"].id}
    assert found(database, make_id(4)[:12]) >= {sample["chenxiaoming"].id}
    assert found(database, make_uscc(77).lower()) == {sample["employer"].id}
    assert found(database, make_uscc(77)[:10]) == {sample["employer"].id}


def test_case_numbers(database: db.Database, sample: dict[str, Case]) -> None:
    first = sample["wangfang"]
    assert found(database, first.number) == {first.id}
    assert first.number.endswith("第0001号")
    by_seq = found(database, "0001")
    assert first.id in by_seq and sample["employer"].id in by_seq  # seq 1 of every kind
    assert found(database, "2026-0001") == by_seq
    assert found(database, "第1号") == by_seq
    prefix = first.number.split("〕")[0]  # 汕劳人仲案字〔2026
    arbitrations = {c.id for c in sample.values() if c.kind == CaseKind.ARBITRATION.value}
    assert found(database, prefix) == arbitrations


def test_kind_filter_limit_and_order(database: db.Database, sample: dict[str, Case]) -> None:
    assert found(database, "王芳", kind=CaseKind.MEDIATION) == {sample["mediation"].id}
    with database.read() as s:
        ids = search.search_case_ids(s, "鸿达", limit=2)
    assert ids == sorted(ids, reverse=True) and len(ids) == 2
    assert ids[0] == max(c.id for k, c in sample.items() if k != "employer")


def test_nothing_for_nonsense(database: db.Database, sample: dict[str, Case]) -> None:
    assert found(database, "") == set()
    assert found(database, "  ") == set()
    assert found(database, "不存在的名字") == set()
    assert found(database, "%") == set()


def test_rename_and_rebuild_keep_the_index_right(
    database: db.Database, actors: dict[Role, Actor], sample: dict[str, Case]
) -> None:
    with database.write() as s:
        pid = s.execute(select(Person.id).where(Person.name == "王方")).scalar_one()
        parties.update_person(
            s,
            actors[Role.CLERK],
            pid,
            parties.PersonInput(name="黄志强", id_number=make_id(3)),
            expected_version=None,
        )
    assert sample["wangfang_other"].id in found(database, "志强")
    assert found(database, "王方") == set()

    with database.read() as s:
        before = {tuple(r) for r in s.execute(select(SearchGram.gram, SearchGram.party, SearchGram.party_id))}
    with database.write() as s:
        n = search.rebuild(s)
    with database.read() as s:
        after = {tuple(r) for r in s.execute(select(SearchGram.gram, SearchGram.party, SearchGram.party_id))}
    assert after == before and n == len(after)


def test_grams() -> None:
    assert search.grams("王芳") == {"王芳"}
    assert search.grams("陈 小明") == {"陈小", "小明"}
    assert search.grams("（汕尾）ABC") == {"汕尾", "尾a", "ab", "bc"}
    assert search.grams("王") == {"王"}
    assert search.grams("") == set()
