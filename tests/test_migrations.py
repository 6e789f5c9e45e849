"""The migrations are the schema: upgrade head equals the models, and upgrades keep data.

Every new revision adds its step to ``test_upgrade_from_each_revision_keeps_data``:
data written at the oldest revision must survive the walk to head.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import select

from casemgr import db
from casemgr.models import Base


def _diff(url: str) -> list[object]:
    engine = db.make_engine(url)
    try:
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True, "render_as_batch": True})
            return list(compare_metadata(ctx, Base.metadata))
    finally:
        engine.dispose()


def test_single_head() -> None:
    script = ScriptDirectory.from_config(db.alembic_config("sqlite://"))
    assert len(script.get_heads()) == 1, script.get_heads()


def test_upgrade_head_on_empty_database_equals_models(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    db.upgrade(url)
    assert _diff(url) == []


def test_downgrade_base_then_upgrade_head(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'round.db'}"
    db.upgrade(url)
    db.downgrade(url, "base")
    con = sqlite3.connect(tmp_path / "round.db")
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    con.close()
    assert tables <= {"alembic_version"}
    db.upgrade(url)
    assert _diff(url) == []


def _revisions_oldest_first() -> list[str]:
    script = ScriptDirectory.from_config(db.alembic_config("sqlite://"))
    return [r.revision for r in reversed(list(script.walk_revisions()))]


SEED_0001 = [
    "INSERT INTO users (id, username, display_name, role, must_change_password, failed_logins, active, created_at)"
    " VALUES (1, 'clerk', '书记员甲', 'clerk', 0, 0, 1, '2026-01-05 08:00:00')",
    "INSERT INTO employers (id, name, uscc, district, key_monitoring, created_at, updated_at, version)"
    " VALUES (1, '汕尾某建筑有限公司', '91350100M000100Y43', '城区', 0, '2026-01-05 08:00:00', '2026-01-05 08:00:00', 1)",
    "INSERT INTO persons (id, name, id_number, migrant_worker, created_at, updated_at, version)"
    " VALUES (1, '张三', '11010519491231002X', 1, '2026-01-05 08:00:00', '2026-01-05 08:00:00', 1)",
    "INSERT INTO cases (id, number, kind, year, seq, status, district, employer_id, received_on, accepted_on,"
    " migrant_worker, wage_arrears, green_channel, collective, supervised, simple_procedure, final_award, channel,"
    " amount_claimed, amount_recovered, workers, created_at, updated_at, version)"
    " VALUES (1, '汕劳人仲案字〔2026〕第0001号', 'arbitration', 2026, 1, 'accepted', '城区', 1, '2026-01-05',"
    " '2026-01-06', 1, 1, 1, 0, 0, 0, 0, 'window', 1234567, 0, 1, '2026-01-05 08:00:00', '2026-01-05 08:00:00', 1)",
    "INSERT INTO case_parties (id, case_id, role, employer_id) VALUES (1, 1, 'respondent', 1)",
    "INSERT INTO case_parties (id, case_id, role, person_id) VALUES (2, 1, 'applicant', 1)",
    "INSERT INTO events (id, case_id, kind, occurred_on, recorded_at) VALUES (1, 1, 'created', '2026-01-05',"
    " '2026-01-05 08:00:00')",
    # Two "确定开庭" steps (the second rescheduled the first): revision 0009 keeps the latest as a hearing.
    "INSERT INTO events (id, case_id, kind, action, occurred_on, recorded_at, data) VALUES (2, 1, 'transition',"
    " 'schedule_hearing', '2026-01-20', '2026-01-20 08:00:00', '{\"hearing_date\": \"2026-02-10\"}')",
    "INSERT INTO events (id, case_id, kind, action, occurred_on, recorded_at, data) VALUES (3, 1, 'transition',"
    " 'schedule_hearing', '2026-01-22', '2026-01-22 08:00:00',"
    ' \'{"hearing_date": "2026-02-12", "place": "第二仲裁庭"}\')',
]


@pytest.mark.parametrize("start", _revisions_oldest_first()[:-1] or ["0001"])
def test_upgrade_from_each_revision_keeps_data(tmp_path: Path, start: str) -> None:
    path = tmp_path / "old.db"
    url = f"sqlite:///{path}"
    db.upgrade(url, "0001")
    con = sqlite3.connect(path)
    with con:
        for stmt in SEED_0001:
            con.execute(stmt)
    con.close()
    db.upgrade(url, start)
    database = db.open_database(url)  # upgrades to head, writing a backup first
    try:
        from casemgr.models import Case, Hearing

        with database.read() as s:
            case = s.get(Case, 1)
            assert case is not None
            assert case.number == "汕劳人仲案字〔2026〕第0001号"
            assert str(case.amount_claimed) == "12345.67"
            assert [p.role for p in case.parties] == ["respondent", "applicant"]
            assert case.employer is not None and case.employer.uscc == "91350100M000100Y43"
            hearings = s.scalars(select(Hearing).where(Hearing.case_id == 1)).all()
            if int(start) < 9:  # carried over by 0009: the latest date and place, no time, not "held"
                assert [
                    (h.hearing_date, h.place, h.start_minute, h.status, h.event_id) for h in hearings
                ] == [(dt.date(2026, 2, 12), "第二仲裁庭", None, "scheduled", 3)]
        assert db.current_revision(database.engine) == db.head_revision()
    finally:
        database.dispose()
    if start != db.head_revision():
        assert list(tmp_path.glob("old.before-upgrade-*.db")), "no backup written before the upgrade"


def test_newer_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    url = f"sqlite:///{path}"
    db.upgrade(url)
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    con.close()
    before = path.read_bytes()
    from casemgr.errors import DatabaseError

    with pytest.raises(DatabaseError) as err:
        db.open_database(url)
    assert err.value.code == "db_too_new"
    assert "更新版本" in err.value.zh
    assert path.read_bytes() == before


def test_a_downgrade_keeps_the_audited_states_the_chain_hashes(tmp_path: Path) -> None:
    """Revision 0006's states are part of the entries' hashes: a downgrade (a bureau going
    back one program version) must not drop them, or the chain breaks for good."""
    from casemgr import audit
    from casemgr.models import User

    url = f"sqlite:///{tmp_path / 'states.db'}"
    database = db.open_database(url)
    with database.write() as s:
        u = User(username="a", display_name="a", role="admin")
        s.add(u)
        s.flush()
        audit.record(s, user_id=None, username="system", action="user.create", entity="user", entity_id=u.id)
    database.dispose()
    db.downgrade(url, "0005")
    db.upgrade(url)
    database = db.open_database(url)
    try:
        with database.read() as s:
            assert audit.verify_chain(s) is None
    finally:
        database.dispose()
