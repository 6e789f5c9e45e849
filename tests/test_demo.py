"""Demo data: valid identifiers, 汕尾 districts, every kind, real workflow histories, determinism."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from casemgr import audit, auth, db, demo, errors, settings, validation, workflow
from casemgr.cli import main as cli_main
from casemgr.demo import showcase
from casemgr.enums import DISTRICTS_SHANWEI, CaseKind, EventKind
from casemgr.metrics import indicators
from casemgr.metrics.periods import Period
from casemgr.models import AuditEntry, Case, Employer, Event, Person, User
from tests.helpers import TODAY as HELPERS_TODAY

TODAY = dt.date(2026, 6, 15)  # inside the years chinese-calendar covers, clocks included
N = 90


def _fresh(tmp_path_factory: pytest.TempPathFactory, template_db: Path, name: str) -> db.Database:
    path = tmp_path_factory.mktemp(name) / "demo.db"
    shutil.copy(template_db, path)
    return db.open_database(f"sqlite:///{path}")


@pytest.fixture(scope="module")
def demo_db(
    tmp_path_factory: pytest.TempPathFactory, template_db: Path
) -> Iterator[tuple[db.Database, demo.DemoResult]]:
    database = _fresh(tmp_path_factory, template_db, "demo")
    result = demo.generate(database, cases=N, seed=7, today=TODAY)
    yield database, result
    database.dispose()


def test_exactly_the_cases_asked_for(demo_db: tuple[db.Database, demo.DemoResult]) -> None:
    database, result = demo_db
    with database.read() as s:
        assert s.execute(select(func.count()).select_from(Case)).scalar_one() == N
    assert result.cases == N
    assert set(result.by_kind) == {k.value for k in CaseKind}


def test_identifiers_are_valid_and_local(demo_db: tuple[db.Database, demo.DemoResult]) -> None:
    database, _ = demo_db
    with database.read() as s:
        ids = list(s.execute(select(Person.id_number).where(Person.id_number.is_not(None))).scalars())
        codes = list(s.execute(select(Employer.uscc).where(Employer.uscc.is_not(None))).scalars())
        names = list(s.execute(select(Person.name)).scalars())
        districts = set(s.execute(select(Case.district)).scalars())
    assert len(ids) > N // 2
    assert all(validation.is_valid_resident_id(v, today=TODAY) for v in ids)
    assert any(v[:4] == "4415" for v in ids), "local workers carry 汕尾 region codes"
    assert codes and all(validation.is_valid_uscc(v) for v in codes)
    assert all(v[2:6] == "4415" for v in codes), "employers are registered in 汕尾"
    assert districts <= set(DISTRICTS_SHANWEI) and len(districts) >= 4
    lengths = {len(n) for n in names if n != "匿名举报人"}
    assert {2, 3} <= lengths


def test_realistic_mix(demo_db: tuple[db.Database, demo.DemoResult]) -> None:
    database, _ = demo_db
    first = TODAY - dt.timedelta(days=int(18 * 30.4))
    with database.read() as s:
        lo, hi = s.execute(select(func.min(Case.received_on), func.max(Case.received_on))).one()
        assert first <= lo and hi <= TODAY
        assert (hi - lo).days > 365, "spread over the last 18 months"
        flags = s.execute(
            select(
                func.count().filter(Case.migrant_worker.is_(True)),
                func.count().filter(Case.green_channel.is_(True)),
                func.count().filter(Case.collective.is_(True)),
                func.count().filter(Case.closed_on.is_not(None)),
            )
        ).one()
        assert all(int(v or 0) > 0 for v in flags), flags
        # Open and overdue cases are the last weeks' work: see test_backlog_is_weeks_not_years.
        statuses = {tuple(r) for r in s.execute(select(Case.kind, Case.status).distinct())}
    # 90 random walks reach a dozen statuses; every status is asserted on the full demo
    # (test_a_case_at_every_workflow_stage).
    assert len(statuses) >= 12


def test_status_follows_the_timeline(demo_db: tuple[db.Database, demo.DemoResult]) -> None:
    """Statuses come from real transitions: the last status-changing event names the case's status."""
    database, _ = demo_db
    with database.read() as s:
        for case in s.execute(select(Case)).scalars():
            evs = list(s.execute(select(Event).where(Event.case_id == case.id).order_by(Event.id)).scalars())
            assert evs[0].kind == EventKind.CREATED.value
            moves = [e.to_status for e in evs if e.to_status is not None]
            assert moves[-1] == case.status, case.number
            dates = [e.occurred_on for e in evs]
            assert min(dates) >= case.received_on and max(dates) <= TODAY
        assert audit.verify_chain(s) is None


def test_same_seed_same_data(
    demo_db: tuple[db.Database, demo.DemoResult], tmp_path_factory: pytest.TempPathFactory, template_db: Path
) -> None:
    database, _ = demo_db
    other = _fresh(tmp_path_factory, template_db, "again")
    third = _fresh(tmp_path_factory, template_db, "seed")
    try:
        demo.generate(other, cases=N, seed=7, today=TODAY)
        demo.generate(third, cases=N, seed=8, today=TODAY)

        def snapshot(d: db.Database) -> list[tuple[object, ...]]:
            with d.read() as s:
                cases = s.execute(select(Case.number, Case.status, Case.amount_claimed).order_by(Case.id))
                persons = s.execute(select(Person.name, Person.id_number).order_by(Person.id))
                return [*(tuple(r) for r in cases), *(tuple(r) for r in persons)]

        assert snapshot(other) == snapshot(database)
        assert snapshot(third) != snapshot(database)
    finally:
        other.dispose()
        third.dispose()


def test_fresh_database_becomes_a_demo_database_with_the_published_accounts(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli_main(["--db", str(db_path), "demo", "--cases", "3", "--today", TODAY.isoformat()]) == 0
    out = capsys.readouterr().out
    database = db.open_database(f"sqlite:///{db_path}")
    try:
        with database.read() as s:
            assert settings.is_demo_database(s)
            assert not auth.needs_setup(s), "a demo database has its administrator: no set-up dialog"
            assert s.execute(select(func.count()).select_from(User)).scalar_one() == len(demo.STAFF)
        for username, _shown, role, _district, password in demo.STAFF:
            assert f"{username}" in out and password in out
            auth.check_password_strength(password, username=username)
            assert not set(password) & set("Il0O"), "no look-alike characters"
            with database.write() as s:
                actor = auth.authenticate(s, username, password)
                assert actor.role is role
                assert not auth.must_change_password(s, actor), "no forced change on a demo database"
    finally:
        database.dispose()

    # A second run is refused: demo data never mixes with existing cases.
    assert cli_main(["--db", str(db_path), "demo", "--cases", "3"]) == 1
    capsys.readouterr()
    database = db.open_database(f"sqlite:///{db_path}")
    try:
        with database.read() as s:
            assert s.execute(select(func.count()).select_from(Case)).scalar_one() == 3
    finally:
        database.dispose()


def test_the_readme_lists_every_demo_account() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for username, _shown, _role, _district, password in demo.STAFF:
        assert f"| `{username}` |" in readme and f"`{password}`" in readme, username


def test_a_database_with_users_never_gets_published_passwords(
    db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Demo data added by an administrator to a database that has users: random passwords,
    changed at first log-in, and the database is not marked as a demo one."""
    database = db.open_database(f"sqlite:///{db_path}")
    with database.write() as s:
        auth.create_initial_admin(s, "chief", "科长", "Real-Admin-Pass-93")
    database.dispose()
    monkeypatch.setenv("CASEMGR_PASSWORD", "Real-Admin-Pass-93")
    args = ["--db", str(db_path), "demo", "--user", "chief", "--cases", "2", "--today", TODAY.isoformat()]
    assert cli_main([*args, "--users"]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if x.strip().startswith("demo_shuji1"))
    password = line.split()[-1]
    assert all(pw not in out for *_rest, pw in demo.STAFF)
    database = db.open_database(f"sqlite:///{db_path}")
    try:
        with database.read() as s:
            assert not settings.is_demo_database(s)
        with database.write() as s:
            actor = auth.authenticate(s, "demo_shuji1", password)
            assert auth.must_change_password(s, actor)
            with pytest.raises(errors.KnownError):
                auth.authenticate(s, "demo_zhuren", "Yanshi-Zhuren-35")
    finally:
        database.dispose()


# --------------------------------------------------------------------------- plausible figures (issue 15)

FIG_CASES = 1500  # what ``./run --demo`` makes: the rates are asked of that demo


@pytest.fixture(scope="module")
def figures_db(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> Iterator[db.Database]:
    """The demo as ``./run --demo`` makes it (default seed), on the tests' fixed today."""
    database = _fresh(tmp_path_factory, template_db, "figures")
    demo.generate(database, cases=FIG_CASES, seed=2026, today=HELPERS_TODAY)
    yield database
    database.dispose()


def test_indicators_are_in_published_ranges(figures_db: db.Database) -> None:
    """Computed by the app's own casemgr.metrics for the year to date, as published: 调解成功率
    70–82 %, 仲裁结案率 and 举报投诉结案率 97–100 %."""
    year = Period(dt.date(HELPERS_TODAY.year, 1, 1), HELPERS_TODAY)
    with figures_db.read() as s:
        med = indicators.mediation_success_rate(s, year)
        arb = indicators.arbitration_closure_rate(s, year)
        insp = indicators.inspection_closure_rate(s, year)
    assert med.denominator > 50 and arb.denominator > 50 and insp.denominator > 50
    assert med.rate is not None and Decimal("0.70") <= med.rate <= Decimal("0.82"), med
    assert arb.rate is not None and Decimal("0.97") <= arb.rate <= 1, arb
    assert insp.rate is not None and Decimal("0.97") <= insp.rate <= 1, insp


def test_backlog_is_weeks_not_years(figures_db: db.Database) -> None:
    """A few overdue cases, days or weeks late (issue 15 found 491 days), in proportion to size."""
    with figures_db.read() as s:
        n = indicators.overdue_cases(s, HELPERS_TODAY)
        dues = s.execute(
            select(indicators.earliest_overdue_due(HELPERS_TODAY))
            .select_from(Case)
            .where(indicators.open_on(HELPERS_TODAY), indicators.has_overdue_clock(HELPERS_TODAY))
        ).scalars()
        late = [(HELPERS_TODAY - d).days for d in dues if d is not None]
    assert 12 <= n <= 60, n  # a few dozen
    with figures_db.read() as s:
        still_open = s.execute(select(func.count()).where(Case.closed_on.is_(None))).scalar_one()
    assert still_open > n, "open cases, most of them within their deadlines"
    assert late and max(late) <= 90, sorted(late)  # days or weeks, not a year


def test_cases_are_owned_by_their_kinds_officers(figures_db: db.Database) -> None:
    owner_roles = {
        CaseKind.MEDIATION.value: {"mediator"},
        CaseKind.ARBITRATION.value: {"clerk"},
        CaseKind.INSPECTION.value: {"inspector"},
    }
    with figures_db.read() as s:
        rows = s.execute(
            select(Case.kind, User.role).join(User, User.id == Case.assigned_user_id).distinct()
        ).all()
        collective = s.execute(select(func.count()).where(Case.collective.is_(True))).scalar_one()
    assert rows
    for kind, role in rows:
        assert role in owner_roles[kind], (kind, role)
    assert collective > 0


def test_a_case_at_every_workflow_stage(figures_db: db.Database) -> None:
    """Every status of every kind's workflow table (casemgr.workflow.STATES) can be opened in
    the demo: the random walks reach most, the showcase the rest, within the cases asked for."""
    with figures_db.read() as s:
        present = {tuple(r) for r in s.execute(select(Case.kind, Case.status).distinct())}
        total = s.execute(select(func.count()).select_from(Case)).scalar_one()
    missing = [(k.value, st) for k in CaseKind for st in workflow.STATES[k] if (k.value, st) not in present]
    assert missing == []
    assert total == FIG_CASES


def test_showcase_paths_follow_the_tables() -> None:
    for kind in CaseKind:
        for stage in workflow.STATES[kind]:
            path = showcase.path_to(kind, stage)
            assert path is not None, (kind, stage)
            state = "received"
            for t in path:
                assert state in t.from_states, (kind, stage, t.code)
                state = t.to_state if t.to_state is not None else state
            assert state == stage


def test_blacklisted_employers_through_the_listing_procedure(figures_db: db.Database) -> None:
    """失信名单 employers, listed by the real procedure (proposal, notice, objection period,
    decision), still listed today; and the audit trail of the whole demo verifies."""
    with figures_db.read() as s:
        listed = s.execute(
            select(func.count())
            .select_from(Employer)
            .where(Employer.blacklisted_on <= HELPERS_TODAY, Employer.blacklisted_until > HELPERS_TODAY)
        ).scalar_one()
        assert audit.verify_chain(s) is None
    assert listed >= 2


def test_key_monitoring_employers(figures_db: db.Database) -> None:
    """重点监控: the employers with the most complaints, put there by the supervisor (audited)."""
    with figures_db.read() as s:
        monitored = s.execute(
            select(Employer.id, Employer.key_monitoring_since).where(Employer.key_monitoring.is_(True))
        ).all()
        audited = s.execute(
            select(func.count()).where(AuditEntry.action == "employer.key_monitoring")
        ).scalar_one()
    assert len(monitored) >= 3 and all(
        since is not None and since <= HELPERS_TODAY for _i, since in monitored
    )
    assert audited == len(monitored)


def test_the_docket_has_rooms_a_roster_and_booked_hearings(figures_db: db.Database) -> None:
    """The demo's 开庭排期 shows something (it was empty): hearings in the roster's rooms at a
    time, each with a presiding arbitrator; none double-booked (the schedule step refuses that,
    so every booked hearing passed the service's own checks); the past ones recorded as held."""
    from casemgr.models import Arbitrator, Hearing, HearingArbitrator, HearingRoom

    with figures_db.read() as s:
        assert s.scalar(select(func.count()).select_from(HearingRoom)) == 4
        assert s.scalar(select(func.count()).select_from(Arbitrator)) == 12
        booked = s.execute(
            select(
                Hearing.id, Hearing.room_id, Hearing.hearing_date, Hearing.start_minute, Hearing.status
            ).where(Hearing.room_id.is_not(None))
        ).all()
        seats = s.execute(select(HearingArbitrator.hearing_id, HearingArbitrator.arbitrator_id)).all()
    assert len(booked) > 50, len(booked)
    slots = [(r, d, m) for _i, r, d, m, status in booked if status in ("scheduled", "held")]
    assert len(slots) == len(set(slots)), "a room booked twice at the same time"
    assert {i for i, *_ in booked} <= {h for h, _a in seats}, "a booked hearing without a tribunal"
    past = [status for _i, _r, d, _m, status in booked if d < HELPERS_TODAY]
    assert past and past.count("held") >= 0.9 * len(past), (past.count("held"), len(past))
    upcoming = [d for _i, _r, d, _m, status in booked if d >= HELPERS_TODAY and status == "scheduled"]
    assert upcoming, "the coming week's docket is empty"
