"""The settings page: users, calendar import, deadline rules, dated settings, through the services."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from casemgr import db, errors, settings
from casemgr.actor import Actor
from casemgr.enums import Role
from casemgr.models import AuditEntry, CalendarOverride, User
from ui.app import AppContext
from ui.settingspage import SettingsPage

PASSWORD = "Kx7-secret-Passw0rd"


def make(qtbot: QtBot, database: db.Database, actor: Actor, shown: list[str]) -> Iterator[AppContext]:
    c = AppContext(database, actor, actor.username)
    c.runner.error_presenter = lambda _w, exc: shown.append(exc.message("en"))
    yield c
    qtbot.waitUntil(lambda: c.runner.pending == 0, timeout=10_000)
    c.runner.wait_all()


@pytest.fixture
def shown() -> list[str]:
    return []


@pytest.fixture
def admin(
    qtbot: QtBot, database: db.Database, actors: dict[Role, Actor], shown: list[str]
) -> Iterator[AppContext]:
    yield from make(qtbot, database, actors[Role.ADMIN], shown)


@pytest.fixture
def page(qtbot: QtBot, admin: AppContext) -> SettingsPage:
    p = SettingsPage(admin)
    qtbot.addWidget(p)
    return p


def test_other_roles_see_only_the_general_tab(
    qtbot: QtBot, database: db.Database, actors: dict[Role, Actor], shown: list[str]
) -> None:
    for ctx in make(qtbot, database, actors[Role.SUPERVISOR], shown):
        p = SettingsPage(ctx)
        qtbot.addWidget(p)
        assert p.tabs.count() == 1 and p.users is None and p.rules is None


def test_users_create_refuse_weak_password_deactivate(
    qtbot: QtBot, qtmodeltester: object, database: db.Database, page: SettingsPage, shown: list[str]
) -> None:
    users = page.users
    assert users is not None
    qtbot.waitUntil(lambda: users.model.rowCount() == len(Role), timeout=10_000)
    qtmodeltester.check(users.model)  # type: ignore[attr-defined]

    dlg = users.ask_new()
    dlg.username.setText("newclerk")
    dlg.display_name.setText("新书记员")
    dlg.role.setCurrentIndex(dlg.role.findData(Role.CLERK.value))
    dlg.password.setText("123")
    h = users.create(dlg)
    qtbot.waitUntil(lambda: h.error is not None, timeout=10_000)
    assert isinstance(h.error, errors.ValidationError) and shown  # the service's refusal, shown
    dlg.password.setText(PASSWORD)
    h = users.create(dlg)
    qtbot.waitUntil(lambda: users.model.rowCount() == len(Role) + 1, timeout=10_000)
    assert "newclerk" in users.status.text()
    dlg.close()
    new = next(u for u in users.rows if u.username == "newclerk")
    users.set_active(new, False)
    qtbot.waitUntil(
        lambda: not next(u for u in users.rows if u.username == "newclerk").active, timeout=10_000
    )
    with database.read() as s:
        u = s.execute(select(User).where(User.username == "newclerk")).scalar_one()
        assert not u.active and u.must_change_password
        actions = set(s.execute(select(AuditEntry.action)).scalars())
    assert {"user.create", "user.deactivate"} <= actions

    users.set_district(new, "陆丰市")
    qtbot.waitUntil(
        lambda: next(u for u in users.rows if u.username == "newclerk").district == "陆丰市", timeout=10_000
    )
    with database.read() as s:
        assert s.execute(select(User.district).where(User.username == "newclerk")).scalar_one() == "陆丰市"


def test_calendar_import_shows_the_year_and_recomputes(
    qtbot: QtBot, tmp_path: Path, database: db.Database, page: SettingsPage
) -> None:
    cal = page.calendar
    assert cal is not None
    qtbot.waitUntil(lambda: cal.model.rowCount() > 0, timeout=10_000)
    years = {cal.model.data(cal.model.index(r, 0)) for r in range(cal.model.rowCount())}
    next_year = max(int(y) for y in years) + 1
    f = tmp_path / "holidays.csv"
    f.write_text(
        f"date,type,note\n{next_year}-01-01,holiday,元旦\n{next_year}-02-06,workday,春节调休\n",
        encoding="utf-8",
    )
    with qtbot.waitSignal(cal.import_file(f).finished, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: cal.model.rowCount() == len(years) + 1, timeout=10_000)
    assert "2" in cal.status.text()
    with database.read() as s:
        assert s.execute(select(func.count()).select_from(CalendarOverride)).scalar_one() == 2


def test_rule_edit_is_saved_through_the_service(
    qtbot: QtBot, database: db.Database, page: SettingsPage
) -> None:
    rules = page.rules
    assert rules is not None
    qtbot.waitUntil(lambda: rules.model.rowCount() > 5, timeout=10_000)
    i = next(i for i, r in enumerate(rules.rules) if r.code == "arb.award")
    rules.view.selectRow(i)
    dlg = rules.ask_edit()
    assert dlg is not None and dlg.changes() == {}
    dlg.length.setValue(dlg.rule.length + 5)
    assert dlg.changes() == {"length": dlg.rule.length + 5}
    old = dlg.rule.length
    with qtbot.waitSignal(rules.save("arb.award", dlg.changes()).finished, timeout=10_000):
        pass
    dlg.close()
    qtbot.waitUntil(
        lambda: next(r for r in rules.rules if r.code == "arb.award").length == old + 5, timeout=10_000
    )
    with database.read() as s:
        assert (
            s.execute(select(func.count()).where(AuditEntry.action == "deadline_rule.update")).scalar_one()
            == 1
        )


def test_minimum_wage_with_a_date_and_a_refused_value(
    qtbot: QtBot, database: db.Database, page: SettingsPage
) -> None:
    values = page.values
    assert values is not None
    values.key.setCurrentIndex(values.key.findData("minimum_wage_monthly"))
    qtbot.waitUntil(lambda: values.model.rowCount() >= 3, timeout=10_000)
    n = values.model.rowCount()
    values.value.setText("-1")
    with qtbot.waitSignal(values.save().finished, timeout=10_000):
        pass
    assert values.error.isVisibleTo(values) and "minimum" in values.error.text().lower()
    values.value.setText("1900.00")
    values.valid_from.setDate(QDate(2027, 3, 1))
    with qtbot.waitSignal(values.save().finished, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: values.model.rowCount() == n + 1, timeout=10_000)
    last = values.model.rowCount() - 1
    assert values.model.data(values.model.index(last, 1)) == "1900.00"
    with database.read() as s:
        assert str(settings.get(s, "minimum_wage_monthly", dt.date(2027, 3, 2))) == "1900.00"
