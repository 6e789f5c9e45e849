"""services.admin.set_setting: administrators only, audited, cleaned to the default's type."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from casemgr import db, settings
from casemgr.actor import Actor
from casemgr.enums import Role
from casemgr.errors import PermissionDenied, ValidationError
from casemgr.models import AuditEntry, Setting
from casemgr.services import admin
from tests.helpers import TODAY


def test_minimum_wage_from_a_date_is_audited_and_used_from_then(
    database: db.Database, actors: dict[Role, Actor]
) -> None:
    with database.read() as s:
        before = settings.get_decimal(s, "minimum_wage_monthly", dt.date(2027, 6, 1))
    with database.write() as s:
        admin.set_setting(
            s,
            actors[Role.ADMIN],
            "minimum_wage_monthly",
            "1850.00",
            dt.date(2027, 3, 1),
            notice="广东省人民政府关于调整我省最低工资标准的通知（测试）",
        )
    with database.read() as s:
        assert settings.get_decimal(s, "minimum_wage_monthly", dt.date(2027, 2, 28)) == before
        assert settings.get_decimal(s, "minimum_wage_monthly", dt.date(2027, 3, 1)) == Decimal("1850.00")
        entry = s.execute(select(AuditEntry).where(AuditEntry.action == "setting.update")).scalar_one()
        assert entry.username == "admin" and entry.entity_id == "minimum_wage_monthly@2027-03-01"
        assert "1850.00" in entry.after and str(before) in entry.before
        assert "关于调整我省最低工资标准的通知（测试）" in entry.after
        # The figure is the administrator's word from that date: the notice is kept beside it
        # and the figure counts as confirmed (the built-in 2025 figure is not, until then).
        assert settings.get(s, "minimum_wage_notice", dt.date(2027, 3, 1)).endswith("（测试）")
        assert settings.get(s, "minimum_wage_confirmed", dt.date(2027, 3, 1)) is True
        assert "粤府函〔2025〕23号" in settings.get(s, "minimum_wage_notice", dt.date(2027, 2, 28))
        history = admin.setting_history(s, "minimum_wage_monthly")
        assert [h.valid_from for h in history] == sorted(h.valid_from for h in history)
        assert (history[-1].valid_from, history[-1].stored) == (dt.date(2027, 3, 1), True)


@pytest.mark.parametrize("notice", [None, "", "   "])
def test_a_minimum_wage_without_the_notice_is_refused(
    database: db.Database, actors: dict[Role, Actor], notice: str | None
) -> None:
    """Issue 14 item 2: every figure names the government notice it comes from."""
    with pytest.raises(ValidationError) as exc, database.write() as s:
        admin.set_setting(
            s, actors[Role.ADMIN], "minimum_wage_monthly", "1850.00", dt.date(2027, 3, 1), notice=notice
        )
    assert exc.value.field == "notice"
    with database.read() as s:
        assert s.execute(select(func.count()).select_from(Setting)).scalar_one() == 0
        assert s.execute(select(func.count()).where(AuditEntry.entity == "setting")).scalar_one() == 0


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.CLERK])
def test_only_administrators(database: db.Database, actors: dict[Role, Actor], role: Role) -> None:
    with pytest.raises(PermissionDenied), database.write() as s:
        admin.set_setting(s, actors[role], "bureau_name", "别的局", dt.date(2026, 1, 1))
    with database.read() as s:
        assert s.execute(select(func.count()).select_from(Setting)).scalar_one() == 0


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("minimum_wage_monthly", "-5"),
        ("minimum_wage_monthly", "abc"),
        ("minimum_wage_monthly", "0"),
        ("collective_min_workers", "ten"),
        ("collective_min_workers", 0),
        ("bureau_name", ""),
        ("minimum_wage_confirmed", "yes"),
        ("case_number_format.arbitration", "x"),  # not editable here
        ("no_such_key", "1"),
    ],
)
def test_bad_values_are_refused_and_nothing_is_written(
    database: db.Database, actors: dict[Role, Actor], key: str, value: object
) -> None:
    with pytest.raises(ValidationError) as exc, database.write() as s:
        admin.set_setting(s, actors[Role.ADMIN], key, value, dt.date(2026, 1, 1))
    assert exc.value.zh and exc.value.en
    with database.read() as s:
        assert s.execute(select(func.count()).select_from(Setting)).scalar_one() == 0
        assert s.execute(select(func.count()).where(AuditEntry.action == "setting.update")).scalar_one() == 0


def test_key_monitoring_is_a_supervisors_audited_decision(
    database: db.Database, actors: dict[Role, Actor]
) -> None:
    from casemgr.models import Employer
    from casemgr.services import parties

    with database.write() as s:
        emp = Employer(name="汕尾市重点监控测试有限公司", district="城区")
        s.add(emp)
        s.flush()
        eid = emp.id
    with database.write() as s, pytest.raises(PermissionDenied):
        parties.set_key_monitoring(s, actors[Role.INSPECTOR], eid, monitored=True, since=TODAY)
    with database.write() as s:
        parties.set_key_monitoring(s, actors[Role.SUPERVISOR], eid, monitored=True, since=TODAY)
    with database.read() as s:
        emp2 = s.get(Employer, eid)
        assert emp2 is not None and emp2.key_monitoring and emp2.key_monitoring_since == TODAY
        entry = s.execute(
            select(AuditEntry).where(AuditEntry.action == "employer.key_monitoring")
        ).scalar_one()
        assert entry.user_id == actors[Role.SUPERVISOR].user_id
