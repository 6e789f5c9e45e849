"""Shared fixtures: a fresh migrated database per test, users of every role.

Migrating takes a while, so one template file is migrated per session and copied for
each test (Anki's ``getEmptyCol`` trick, STYLE.md §9).
"""

from __future__ import annotations

import gc
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The offscreen platform's own screen is 800x800; the tests run on what the commonest office
# screen leaves to windows instead (1366x768 less a 40-pixel taskbar: tests/office_screen.json;
# the offscreen platform has no taskbar, so its screen is that area), so windows open at the
# size Qt gives them there and tests/uicheck.py can hold every window to it.
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = "offscreen:configfile=" + str(
        Path(__file__).with_name("office_screen.json")
    )

from tests.helpers import TODAY

# Every test, and every program a test starts, runs on the same day (casemgr.clock).
os.environ["CASEMGR_TODAY"] = TODAY.isoformat()

# ./test runs the suite again with the machine's clock moved (CASEMGR_TEST_CLOCK=2031-01-01):
# every Python clock in this process answers that moment, so a test or an app path that reads
# the real date instead of casemgr.clock fails there. (Qt's and SQLite's own clocks are not
# moved; tests/test_architecture.py forbids the app to read them.)
if os.environ.get("CASEMGR_TEST_CLOCK"):
    import datetime as _dt

    import time_machine

    _moved = _dt.datetime.fromisoformat(os.environ["CASEMGR_TEST_CLOCK"])
    time_machine.travel(_moved.replace(tzinfo=_moved.tzinfo or _dt.UTC), tick=True).start()

from casemgr import auth, db
from casemgr.actor import Actor
from casemgr.enums import Role
from casemgr.models import User

# Real argon2id at the smallest cost: the tests check behaviour, not the cost (one test,
# test_auth.test_production_hashing_parameters, holds auth.PRODUCTION_HASHER to OWASP).
auth.HASHER = auth.PasswordHasher(time_cost=1, memory_cost=8, parallelism=1, hash_len=32, salt_len=16)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "qtbot" in getattr(item, "fixturenames", ()) or "qapp" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    db.upgrade(f"sqlite:///{path}")
    return path


#: ``postgresql+psycopg://...`` (set by scripts/with_postgres.sh): the ``database`` fixture
#: runs on PostgreSQL, one fresh database per test copied from a migrated template database.
PG_URL = os.environ.get("CASEMGR_TEST_DATABASE_URL")
on_postgres = pytest.mark.skipif(not PG_URL, reason="needs PostgreSQL (scripts/with_postgres.sh)")
sqlite_only = pytest.mark.skipif(bool(PG_URL), reason="SQLite-specific (files, pragmas)")


@pytest.fixture
def db_path(tmp_path: Path, template_db: Path) -> Path:
    if PG_URL:
        pytest.skip("works on a SQLite database file; the PostgreSQL run covers the rest")
    path = tmp_path / "casemgr.db"
    shutil.copy(template_db, path)
    return path


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    from tests import pg

    assert PG_URL
    yield from pg.template(PG_URL)


@pytest.fixture
def database(request: pytest.FixtureRequest) -> Iterator[db.Database]:
    if PG_URL:
        from tests import pg

        with pg.fresh_database(PG_URL, request.getfixturevalue("pg_template")) as url:
            database = db.open_database(url)
            yield database
            database.dispose()
        return
    database = db.open_database(f"sqlite:///{request.getfixturevalue('db_path')}")
    yield database
    database.dispose()


def make_user(
    database: db.Database, role: Role, username: str | None = None, district: str | None = None
) -> Actor:
    name = username or role.value
    with database.write() as s:
        u = User(username=name, display_name=f"{name}-显示名", role=role.value, district=district)
        s.add(u)
        s.flush()
        return Actor(user_id=u.id, username=u.username, role=role, district=district)


@pytest.fixture
def actors(database: db.Database) -> dict[Role, Actor]:
    """One user per role, keyed by role."""
    return {role: make_user(database, role) for role in Role}


@pytest.fixture(autouse=True)
def _isolated_anchor_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The audit anchors a test's runs remember (casemgr.anchors) go to its own folder."""
    monkeypatch.setenv("CASEMGR_ANCHOR_DIR", str(tmp_path / "anchors"))


@pytest.fixture(autouse=True)
def _isolated_qt_settings(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[None]:
    """UI tests (tests/test_ui*.py): QSettings in a temporary folder, never the developer's own
    configuration, and the English UI. Other tests never start Qt (casemgr works without it)."""
    if not request.module.__name__.rpartition(".")[2].startswith("test_ui"):
        # No Qt here (every UI test's cycles were collected at its end): the usual collector.
        gc.enable()
        yield
        return
    app = request.getfixturevalue("qapp")
    from PySide6.QtCore import QCoreApplication, QSettings

    from ui import collector, i18n

    collector.install(app)  # as the app does: no cyclic collection on the op runner's threads

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QCoreApplication.setOrganizationName("casemgr-test")
    QCoreApplication.setApplicationName("casemgr-test")
    i18n.install("en")
    yield
    i18n.install("en")
    gc.collect()  # this test's cycles go now, on the GUI thread
