"""Clues from the wage-arrears platform, 12345 and petitions: channel, reference, reply clock,
and the duplicate check that offers linking instead of a second case."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from casemgr import db
from casemgr.actor import Actor
from casemgr.enums import CaseKind, Channel, Role
from casemgr.errors import NotFoundError, PermissionDenied, ValidationError
from casemgr.models import AuditEntry, Case, Deadline, Event
from casemgr.services import cases, clues, parties
from casemgr.services import workflow as wf
from tests.helpers import case_input, make_id, make_uscc

TODAY = dt.date(2026, 11, 20)
TODAY_LATER = dt.date(2026, 11, 30)  # the day the channel is answered


def clue(n: int = 1, *, channel: Channel = Channel.PLATFORM, ref: str = "XS2026110001") -> clues.ClueInput:
    return clues.ClueInput(
        channel=channel,
        external_ref=ref,
        received_on=dt.date(2026, 11, 16),
        reply_due_on=dt.date(2026, 11, 23),
        employer=parties.EmployerInput(name=f"汕尾测试用人单位{n}", uscc=make_uscc(n), district="城区"),
        worker=parties.PersonInput(name=f"工人{n}-0", id_number=make_id(n * 100), migrant_worker=True),
        amount_claimed=Decimal("6000.00"),
    )


def count(database: db.Database, model: type) -> int:
    with database.read() as s:
        return int(s.execute(select(func.count()).select_from(model)).scalar_one())


def test_new_clue_keeps_channel_reference_and_a_reply_clock(
    database: db.Database, actors: dict[Role, Actor]
) -> None:
    with database.write() as s:
        r = clues.record_clue(s, actors[Role.INSPECTOR], clue(), today=TODAY)
    assert not r.linked and r.reply_due_on == dt.date(2026, 11, 23)
    with database.read() as s:
        c = s.get(Case, r.case_id)
        assert c is not None
        assert (c.kind, c.channel, c.external_ref, c.complaint_type) == (
            "inspection",
            "platform",
            "XS2026110001",
            "complaint",
        )
        d = s.get(Deadline, r.reply_deadline_id)
        assert d is not None and d.rule_code == "insp.clue_reply" and d.state == "running"
        assert d.due_on == dt.date(2026, 11, 23) and "XS2026110001" in (d.note or "")
        assert s.execute(select(AuditEntry).where(AuditEntry.action == "clue.record")).scalar_one()


def test_same_worker_and_employer_offers_to_link(database: db.Database, actors: dict[Role, Actor]) -> None:
    insp = actors[Role.INSPECTOR]
    with database.write() as s:
        existing = cases.register_case(s, insp, case_input(CaseKind.INSPECTION, n=1), today=TODAY)
        existing_id = existing.id
    before = count(database, Case)
    with pytest.raises(clues.PossibleDuplicate) as exc, database.write() as s:
        clues.record_clue(s, insp, clue(1, channel=Channel.HOTLINE_12345, ref="12345-88"), today=TODAY)
    assert [c.case_id for c in exc.value.candidates] == [existing_id]
    assert "关联" in exc.value.zh
    assert count(database, Case) == before  # nothing written until the clerk chooses
    with database.write() as s:
        r = clues.record_clue(
            s, insp, clue(1, channel=Channel.HOTLINE_12345, ref="12345-88"), link_to=existing_id, today=TODAY
        )
    assert r.linked and r.case_id == existing_id and count(database, Case) == before
    with database.read() as s:
        ev = s.execute(select(Event).where(Event.action == "clue.linked")).scalar_one()
        assert ev.case_id == existing_id and "12345-88" in (ev.data or "")
    with database.write() as s:
        forced = clues.record_clue(s, insp, clue(1, ref="XS-2"), force_new=True, today=TODAY)
    assert not forced.linked and count(database, Case) == before + 1
    with database.read() as s:
        entry = s.execute(select(AuditEntry).where(AuditEntry.action == "clue.record")).scalar_one()
        assert existing.number in (entry.after or "")


def test_other_worker_or_employer_or_closed_case_is_no_duplicate(
    database: db.Database, actors: dict[Role, Actor]
) -> None:
    insp = actors[Role.INSPECTOR]
    with database.write() as s:
        cases.register_case(s, insp, case_input(CaseKind.INSPECTION, n=1), today=TODAY)
        assert clues.find_open_duplicates(s, make_uscc(1), make_id(200)) == []  # another worker
        assert clues.find_open_duplicates(s, make_uscc(2), make_id(100)) == []  # another employer
        assert len(clues.find_open_duplicates(s, make_uscc(1), make_id(100))) == 1
    with database.write() as s:
        anon = dataclasses.replace(clue(1), worker=None)
        r = clues.record_clue(s, insp, anon, today=TODAY)  # anonymous: nothing to match on
        assert s.get(Case, r.case_id).complaint_type == "report"  # type: ignore[union-attr]


def test_link_must_match_and_be_open(database: db.Database, actors: dict[Role, Actor]) -> None:
    insp = actors[Role.INSPECTOR]
    with database.write() as s:
        other = cases.register_case(s, insp, case_input(CaseKind.INSPECTION, n=5), today=TODAY).id
        same = cases.register_case(s, insp, case_input(CaseKind.INSPECTION, n=1), today=TODAY).id
    events = count(database, Event)
    # Another employer and worker: no link.
    with pytest.raises(ValidationError) as err, database.write() as s:
        clues.record_clue(s, insp, clue(1), link_to=other, today=TODAY)
    assert err.value.field == "link_to" and "用人单位或劳动者与来件不一致" in err.value.zh
    assert count(database, Event) == events
    # The same employer and worker, but the case is closed: no link either.
    with database.write() as s:
        wf.apply_transition(
            s, insp, same, "refuse", {"ground": "outside_powers", "reason": "不属于监察职权"},
            expected_version=None, on=dt.date(2026, 3, 3),
        )  # fmt: skip
    events = count(database, Event)
    with pytest.raises(ValidationError) as err, database.write() as s:
        clues.record_clue(s, insp, clue(1), link_to=same, today=TODAY)
    assert err.value.field == "link_to" and "已结案" in err.value.zh
    assert count(database, Event) == events and count(database, Case) == 2


def test_reply_stops_the_clock(database: db.Database, actors: dict[Role, Actor]) -> None:
    insp = actors[Role.INSPECTOR]
    with database.write() as s:
        r = clues.record_clue(s, insp, clue(), today=TODAY)
    with database.write() as s:
        d = clues.record_reply(s, insp, r.case_id, "XS2026110001", dt.date(2026, 11, 24), today=TODAY_LATER)
        assert d.state == "breached" and d.finished_on == dt.date(2026, 11, 24)
    with pytest.raises(NotFoundError), database.write() as s:  # already answered
        clues.record_reply(s, insp, r.case_id, "XS2026110001", dt.date(2026, 11, 24), today=TODAY_LATER)


@pytest.mark.parametrize(
    "change",
    [
        {"channel": Channel.WINDOW},
        {"external_ref": "  "},
        {"reply_due_on": dt.date(2026, 11, 1)},
        {"received_on": dt.date(2026, 12, 1)},
    ],
)
def test_bad_clues_are_refused(
    database: db.Database, actors: dict[Role, Actor], change: dict[str, object]
) -> None:
    with pytest.raises(ValidationError), database.write() as s:
        clues.record_clue(s, actors[Role.INSPECTOR], dataclasses.replace(clue(), **change), today=TODAY)  # type: ignore[arg-type]
    assert count(database, Case) == 0


def test_only_roles_that_register(database: db.Database, actors: dict[Role, Actor]) -> None:
    with pytest.raises(PermissionDenied), database.write() as s:
        clues.record_clue(s, actors[Role.AUDITOR], clue(), today=TODAY)
