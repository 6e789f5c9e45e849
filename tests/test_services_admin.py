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


def test_minimum_wage_from_a_date_is_audited_and_used_from_then(
    database: db.Database, actors: dict[Role, Actor]
) -> None:
    with database.read() as s:
        before = settings.get_decimal(s, "minimum_wage_monthly", dt.date(2027, 6, 1))
    with database.write() as s:
        admin.set_setting(s, actors[Role.ADMIN], "minimum_wage_monthly", "1850.00", dt.date(2027, 3, 1))
    with database.read() as s:
        assert settings.get_decimal(s, "minimum_wage_monthly", dt.date(2027, 2, 28)) == before
        assert settings.get_decimal(s, "minimum_wage_monthly", dt.date(2027, 3, 1)) == Decimal("1850.00")
        entry = s.execute(select(AuditEntry).where(AuditEntry.action == "setting.update")).scalar_one()
        assert entry.username == "admin" and entry.entity_id == "minimum_wage_monthly@2027-03-01"
        assert "1850.00" in entry.after and str(before) in entry.before
        history = admin.setting_history(s, "minimum_wage_monthly")
        assert [h.valid_from for h in history] == sorted(h.valid_from for h in history)
        assert (history[-1].valid_from, history[-1].stored) == (dt.date(2027, 3, 1), True)


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
