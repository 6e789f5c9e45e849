"""Engine, sessions and schema upgrades.

Why it looks like this:

* SQLite runs in WAL with ``synchronous=FULL`` so a power cut loses nothing that was
  reported committed, and readers never block the writer.
* Writes begin with ``BEGIN IMMEDIATE``: two clerks registering a case at the same
  moment queue on the write lock (busy timeout) instead of one failing half-way through
  with "database is locked" on its first write. Reads stay deferred so the lists never
  wait for a writer.
* Python's ``sqlite3`` transaction emulation is switched off (``isolation_level=None``)
  and SQLAlchemy emits BEGIN itself — the recipe from the SQLAlchemy pysqlite docs —
  so SAVEPOINTs and transactional DDL behave.
* ``open_database`` refuses a schema newer than the code and upgrades an older one after
  writing a backup copy beside it: an upgrade must never cost a bureau its data.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from casemgr import errors

ROOT = Path(__file__).resolve().parent.parent
MIGRATIONS_DIR = ROOT / "migrations"
ENV_URL = "CASEMGR_DATABASE_URL"
BUSY_TIMEOUT_MS = 10_000


def default_data_dir() -> Path:
    """Per-user data directory; the UI passes QStandardPaths' answer, the CLI uses this."""
    override = os.environ.get("CASEMGR_DATA_DIR")
    if override:
        return Path(override)
    base = os.environ.get("XDG_DATA_HOME") or (Path.home() / ".local" / "share")
    if os.name == "nt":
        base = os.environ.get("APPDATA") or base
    return Path(base) / "casemgr"


def resolve_url(db: str | os.PathLike[str] | None = None, data_dir: Path | None = None) -> str:
    """``--db PATH`` beats ``CASEMGR_DATABASE_URL`` beats the default file."""
    if db:
        s = str(db)
        if "://" in s:
            return s
        return f"sqlite:///{Path(s).expanduser().resolve()}"
    env = os.environ.get(ENV_URL)
    if env:
        return env
    d = data_dir or default_data_dir()
    d.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{d / 'casemgr.db'}"


def is_sqlite(url_or_engine: str | Engine) -> bool:
    url = url_or_engine.url if isinstance(url_or_engine, Engine) else make_url(url_or_engine)
    return url.get_backend_name() == "sqlite"


def sqlite_path(url: str) -> Path | None:
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def make_engine(url: str, **kw: Any) -> Engine:
    """Create an engine with the house pragmas. ``kw`` goes to ``create_engine``."""
    if is_sqlite(url):
        engine = create_engine(
            url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}, **kw
        )
        _install_sqlite_listeners(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, **kw)


def _install_sqlite_listeners(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        try:
            cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            cur.execute("PRAGMA foreign_keys=ON")
            mode = cur.execute("PRAGMA journal_mode").fetchone()
            if mode and str(mode[0]).lower() not in ("wal", "memory"):
                cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")
        finally:
            cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


@dataclass
class Database:
    """An open database: the engine plus the two session factories we hand out."""

    url: str
    engine: Engine
    read_factory: sessionmaker[Session]
    write_factory: sessionmaker[Session]

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A session for queries; rolls back at the end (it must not write)."""
        with self.read_factory() as s:
            try:
                yield s
            finally:
                s.rollback()

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """One user action = one transaction: commit on success, roll back on any error."""
        with self.write_factory() as s, s.begin():
            yield s

    def dispose(self) -> None:
        self.engine.dispose()


def database_from_engine(url: str, engine: Engine) -> Database:
    if is_sqlite(engine):
        write_engine = engine.execution_options(sqlite_begin="IMMEDIATE")
    else:
        write_engine = engine
    return Database(
        url=url,
        engine=engine,
        read_factory=sessionmaker(engine, expire_on_commit=False),
        write_factory=sessionmaker(write_engine, expire_on_commit=False),
    )


# --------------------------------------------------------------------------- migrations


def alembic_config(url: str) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    cfg.attributes["configure_logger"] = False
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    head = script.get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    return {r.revision for r in script.walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(url: str, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(url), revision)


def downgrade(url: str, revision: str) -> None:
    from alembic import command

    command.downgrade(alembic_config(url), revision)


def check_sqlite_file(path: Path) -> str | None:
    """Raise a clear DatabaseError for a file we must not touch; else return its revision.

    Everything here reads through a read-only connection: even switching a file to WAL
    rewrites its header, and a file we refuse must stay byte-for-byte as it was.
    """
    if not path.exists():
        return None
    if path.is_dir():
        raise errors.DatabaseError(
            f"{path} 是一个文件夹，不是数据库文件。", f"{path} is a folder, not a database file."
        )
    if not os.access(path, os.R_OK):
        raise errors.DatabaseError(
            f"无法读取数据库文件 {path}（没有权限）。",
            f"Cannot read database file {path} (permission denied).",
        )
    if path.stat().st_size == 0:
        return None
    with open(path, "rb") as f:
        header = f.read(16)
    if header != b"SQLite format 3\x00":
        raise errors.DatabaseError(
            f"{path} 不是数据库文件，或已损坏。程序没有改动它。",
            f"{path} is not a database file or is damaged. It was left untouched.",
        )
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise errors.DatabaseError(
            f"数据库文件 {path} 是只读的，请检查文件权限。",
            f"The database file {path} is read-only; check its permissions.",
        )
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=2)
        try:
            names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            ok = con.execute("PRAGMA quick_check").fetchone()
            rev_row = (
                con.execute("SELECT version_num FROM alembic_version").fetchone()
                if "alembic_version" in names
                else None
            )
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        if "locked" in str(exc).lower():
            raise errors.DatabaseError(
                f"数据库 {path} 正被其他程序锁定，请稍后再试。",
                f"The database {path} is locked by another program; try again later.",
            ) from exc
        raise errors.DatabaseError(
            f"数据库文件 {path} 已损坏（{exc}）。请从备份恢复。程序没有改动它。",
            f"The database file {path} is damaged ({exc}). Restore a backup; it was left untouched.",
        ) from exc
    if not ok or ok[0] != "ok":
        raise errors.DatabaseError(
            f"数据库文件 {path} 完整性检查失败，请从备份恢复。",
            f"The database file {path} failed its integrity check; restore a backup.",
        )
    if names and "alembic_version" not in names:
        raise errors.DatabaseError(
            f"{path} 不是本程序的数据库。程序没有改动它。",
            f"{path} is not a casemgr database. It was left untouched.",
        )
    rev = rev_row[0] if rev_row else None
    _refuse_unknown_revision(rev)
    return rev


def _refuse_unknown_revision(rev: str | None) -> None:
    if rev is not None and rev not in known_revisions():
        raise errors.DatabaseError(
            "该数据库由更新版本的程序创建，请升级本程序后再打开。程序没有改动它。",
            "This database was created by a newer version of casemgr; upgrade the program. It was left untouched.",
            code="db_too_new",
        )


def backup_sqlite(src: Path, dest: Path) -> Path:
    """Online, consistent copy through SQLite's backup API (safe while others write)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    s = sqlite3.connect(str(src), timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        d = sqlite3.connect(str(dest))
        try:
            s.backup(d)
        finally:
            d.close()
    finally:
        s.close()
    return dest


def open_database(url: str, *, upgrade_schema: bool = True) -> Database:
    """Open (creating or upgrading) the database at ``url``.

    A newer schema than the code knows is refused, because running old code on it would
    write rows the new code does not expect.
    """
    path = sqlite_path(url)
    if path is not None:
        check_sqlite_file(path)
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(url)
    try:
        rev = current_revision(engine)
    except Exception as exc:  # driver-specific: unreachable server, bad credentials
        engine.dispose()
        raise errors.DatabaseError(f"无法打开数据库：{exc}", f"Cannot open the database: {exc}") from exc
    head = head_revision()
    try:
        _refuse_unknown_revision(rev)
    except errors.DatabaseError:
        engine.dispose()
        raise
    if rev != head:
        if not upgrade_schema:
            engine.dispose()
            raise errors.DatabaseError("数据库需要升级。", "The database needs an upgrade.", code="db_old")
        if rev is None and path is not None and path.exists() and path.stat().st_size > 0:
            names = set(inspect(engine).get_table_names())
            if names:
                engine.dispose()
                raise errors.DatabaseError(
                    f"{path} 不是本程序的数据库。", f"{path} is not a casemgr database."
                )
        if rev is not None and path is not None:
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            backup_sqlite(path, path.with_name(f"{path.stem}.before-upgrade-{rev}-{stamp}{path.suffix}"))
        engine.dispose()
        upgrade(url)
        engine = make_engine(url)
    return database_from_engine(url, engine)
