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
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from casemgr import clock, errors, runtime
from casemgr.dbfaults import (  # re-exported: callers name them db.*
    SQLITE_BUSY as SQLITE_BUSY,
)
from casemgr.dbfaults import (
    SQLITE_CANTOPEN as SQLITE_CANTOPEN,
)
from casemgr.dbfaults import (
    SQLITE_FULL as SQLITE_FULL,
)
from casemgr.dbfaults import (
    SQLITE_IOERR as SQLITE_IOERR,
)
from casemgr.dbfaults import (
    SQLITE_LOCKED as SQLITE_LOCKED,
)
from casemgr.dbfaults import (
    SQLITE_READONLY as SQLITE_READONLY,
)
from casemgr.dbfaults import (
    busy_error as busy_error,
)
from casemgr.dbfaults import (
    disk_full_error as disk_full_error,
)
from casemgr.dbfaults import (
    fault_error as fault_error,
)
from casemgr.dbfaults import (
    holder_path as holder_path,
)
from casemgr.dbfaults import (
    holding as holding,
)
from casemgr.dbfaults import (
    read_holder as read_holder,
)

ROOT = runtime.resource_root()
MIGRATIONS_DIR = runtime.resource_path("migrations")
ENV_URL = "CASEMGR_DATABASE_URL"
BUSY_TIMEOUT_MS = 10_000


def default_data_dir() -> Path:
    """Per-user data directory: the folder the desktop app uses (``casemgr.runtime``).

    Until 0.1 the command line used ``<data home>/casemgr`` while the app used
    ``<data home>/casemgr/casemgr``; a database found only in the old place is still used,
    so no one's cases seem to vanish.
    """
    d = runtime.data_dir()
    if os.environ.get(runtime.ENV_DATA_DIR):
        return d
    legacy = d.parent
    if not (d / "casemgr.db").exists() and (legacy / "casemgr.db").is_file():
        return legacy
    return d


def resolve_url(db: str | os.PathLike[str] | None = None, data_dir: Path | None = None) -> str:
    """``--db PATH`` beats ``CASEMGR_DATABASE_URL`` beats the default file."""
    if db:
        s = str(db)
        if "://" in s:
            return s
        return sqlite_url(Path(s).expanduser().resolve())
    env = os.environ.get(ENV_URL)
    if env:
        return env
    d = data_dir or default_data_dir()
    d.mkdir(parents=True, exist_ok=True)
    return sqlite_url(d / "casemgr.db")


def sqlite_url(path: os.PathLike[str] | str) -> str:
    """The SQLAlchemy URL of a database file, whatever characters its path holds.

    An f-string would not do: SQLAlchemy percent-decodes the URL, so a folder named
    ``案件%20备份`` would become ``案件 备份`` — another file.
    """
    return URL.create("sqlite", database=str(path)).render_as_string(hide_password=False)


def sqlite_uri(path: os.PathLike[str] | str, mode: str = "ro") -> str:
    """An SQLite ``file:`` URI for ``path`` (``mode=ro`` by default), for ``sqlite3.connect(uri=True)``.

    ``sqlite_uri(path)`` breaks on a path with ``#`` or ``?`` (SQLite cuts the path
    there and opens — read-write — a file named after the part before it) or ``%`` (decoded).
    The path is percent-encoded instead; Windows paths get the ``/C:/…`` and
    ``////server/share/…`` forms SQLite documents for drive letters and UNC shares.
    """
    p = path if isinstance(path, PurePath) else Path(path)
    if isinstance(p, Path) and not p.is_absolute():
        p = p.absolute()
    text = str(p)
    if isinstance(p, PureWindowsPath):
        text = text.replace("\\", "/")
        if not text.startswith("//"):
            text = "/" + text  # C:/x -> /C:/x
    return f"file://{quote(text, safe='/:')}?mode={mode}"


def is_sqlite(url_or_engine: str | Engine) -> bool:
    url = url_or_engine.url if isinstance(url_or_engine, Engine) else make_url(url_or_engine)
    return url.get_backend_name() == "sqlite"


SUPPORTED_BACKENDS = ("sqlite", "postgresql")


def check_url(url: str) -> None:
    """Refuse, in words, a database address casemgr cannot use (``--db mysql://…``)."""
    try:
        backend = make_url(url).get_backend_name()
    except Exception as exc:  # sqlalchemy.exc.ArgumentError and ValueError from odd text
        raise errors.DatabaseError(
            f"无法识别的数据库地址：{url}",
            f"Not a database address casemgr understands: {url}",
            code="db_url",
        ) from exc
    if backend not in SUPPORTED_BACKENDS:
        raise errors.DatabaseError(
            f"不支持的数据库类型“{backend}”：请使用 SQLite 数据库文件或 PostgreSQL（postgresql://…）。",
            f"Unsupported database type '{backend}': use an SQLite file or PostgreSQL (postgresql://…).",
            code="db_url",
        )


def sqlite_path(url: str) -> Path | None:
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


#: SQLite page cache per connection, in KiB (see ``_install_sqlite_listeners``).
CACHE_KIB = 8192


def make_engine(url: str, **kw: Any) -> Engine:
    """Create an engine with the house pragmas. ``kw`` goes to ``create_engine``."""
    if is_sqlite(url):
        engine = create_engine(
            url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}, **kw
        )
        _install_sqlite_listeners(engine)
        return engine
    # ``casemgr_namespace`` names the PostgreSQL role prefix (casemgr.pgroles), not a libpq option.
    server = make_url(url).difference_update_query(["casemgr_namespace"])
    engine = create_engine(server, pool_pre_ping=True, **kw)
    if server.get_backend_name() == "postgresql":
        _install_postgres_listeners(engine)
    return engine


def _install_postgres_listeners(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # No parallel workers for this program's statements: each is an index walk that
        # stops after a page, a badge's 100 or a count's 5,001 rows, and starting workers
        # cost more than the walk (10-40 ms of a district board's 57 ms at 1M on a busy
        # 2-core server; a whole-table report reads a few hundred thousand rows at most).
        autocommit = dbapi_conn.autocommit
        dbapi_conn.autocommit = True
        try:
            cur = dbapi_conn.cursor()
            cur.execute("SET max_parallel_workers_per_gather = 0")
            cur.close()
        finally:
            dbapi_conn.autocommit = autocommit


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
            # 8 MB of page cache per connection instead of SQLite's 2 MB: a list page
            # sorted by amount reads its 200 cases from all over a 1.6 GB file (cases,
            # parties, clocks: ~5,000 pages), which 2 MB cannot hold from one reading to
            # the next (5.5-7.5 ms a page at 1M instead of 4.0-4.4 ms).
            cur.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        finally:
            cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


@contextlib.contextmanager
def _damaged_as_known_error(path: Path | None = None) -> Iterator[None]:
    try:
        yield
    except (sqlite3.DatabaseError, DBAPIError) as exc:
        known = damaged_file_error(exc) or fault_error(exc, path)
        if known is None:
            raise
        raise known from exc


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
        with _damaged_as_known_error(sqlite_path(self.url)), self.read_factory() as s:
            try:
                yield s
            finally:
                s.rollback()

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """One user action = one transaction: commit on success, roll back on any error."""
        with _damaged_as_known_error(sqlite_path(self.url)), self.write_factory() as s, s.begin():
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


def version_text() -> str:
    """``casemgr --version``: the program's version and the schema it writes, one line.

    Here rather than in ``casemgr.runtime``, which sits below the database layer."""
    return f"casemgr {runtime.version()} (schema {head_revision()})"


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

    The cost is bounded, not proportional to the file: the header, the schema and the first
    and last row of every table (a truncated or scrambled file fails there). A full
    ``PRAGMA quick_check`` read every page — 6 s of a 7 s start on a 1.6 GB office file —
    so it lives where whole-file work belongs: ``integrity_check`` (``casemgr db check``),
    the checked copies of backup and restore. A damaged page found later, on first read,
    becomes the same clear DatabaseError (``Database.read``/``write``).
    """
    if not path.exists():
        return None
    if path.is_dir():
        raise errors.DatabaseError(
            f"{path} 是一个文件夹，不是数据库文件。", f"{path} is a folder, not a database file."
        )
    if not path.is_file():
        raise errors.DatabaseError(
            f"{path} 不是普通文件（可能是设备或管道），不能用作数据库。程序没有改动它。",
            f"{path} is not a regular file (a device or a pipe?); it cannot be a database. It was left untouched.",
        )
    if not os.access(path, os.R_OK):
        raise errors.DatabaseError(
            f"无法读取数据库文件 {path}（没有权限）。",
            f"Cannot read database file {path} (permission denied).",
        )
    if path.stat().st_size == 0:
        return None
    with open(path, "rb") as f:
        header = f.read(100)
    if header[:16] != b"SQLite format 3\x00":
        raise errors.DatabaseError(
            f"{path} 不是数据库文件，或已损坏。程序没有改动它。",
            f"{path} is not a database file or is damaged. It was left untouched.",
        )
    problem = _header_problem(path, header)
    if problem:
        raise errors.DatabaseError(
            f"数据库文件 {path} 已损坏（{problem}）。请从备份恢复。程序没有改动它。",
            f"The database file {path} is damaged ({problem}). Restore a backup; it was left untouched.",
        )
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise errors.DatabaseError(
            f"数据库文件 {path} 是只读的，请检查文件权限。",
            f"The database file {path} is read-only; check its permissions.",
        )
    try:
        con = sqlite3.connect(sqlite_uri(path), uri=True, timeout=2)
        try:
            names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            con.execute("PRAGMA schema_version").fetchone()
            _touch_tables(con, names)
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
        fault = fault_error(exc, path)
        if fault is not None:
            raise fault from exc
        raise errors.DatabaseError(
            f"数据库文件 {path} 已损坏（{exc}）。请从备份恢复。程序没有改动它。",
            f"The database file {path} is damaged ({exc}). Restore a backup; it was left untouched.",
        ) from exc
    if names and "alembic_version" not in names:
        raise errors.DatabaseError(
            f"{path} 不是本程序的数据库。程序没有改动它。",
            f"{path} is not a casemgr database. It was left untouched.",
        )
    rev = rev_row[0] if rev_row else None
    _refuse_unknown_revision(rev)
    return rev


def _header_problem(path: Path, header: bytes) -> str | None:
    """What is wrong with the 100-byte header (format in sqlite.org/fileformat.html), if anything."""
    if len(header) < 100:
        return "header too short"
    raw_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if raw_size == 1 else raw_size
    if page_size < 512 or page_size > 65536 or page_size & (page_size - 1):
        return f"page size {raw_size}"
    if header[21:24] != b"\x40\x20\x20":  # payload fractions, fixed by the format
        return "header fields"
    pages = int.from_bytes(header[28:32], "big")
    valid = header[24:28] == header[92:96]  # in-header size valid only if written by 3.7.0+
    wal = path.with_name(path.name + "-wal")
    if valid and pages and not wal.exists() and path.stat().st_size < pages * page_size:
        return "file truncated"
    return None


def _touch_tables(con: sqlite3.Connection, names: set[str]) -> None:
    """Read the first and last row of each table: their root and edge pages, a few per table."""
    for name in sorted(names):
        quoted = '"' + name.replace('"', '""') + '"'
        con.execute(f"SELECT * FROM {quoted} LIMIT 1").fetchall()
        with contextlib.suppress(sqlite3.OperationalError):  # WITHOUT ROWID tables
            con.execute(f"SELECT * FROM {quoted} ORDER BY rowid DESC LIMIT 1").fetchall()


def integrity_check(path: Path) -> list[str]:
    """``PRAGMA integrity_check`` of the whole file: ``["ok"]`` or the problems found.

    Reads every page (minutes on a big file): for ``casemgr db check`` and backups, never
    on the way to the main window.
    """
    con = sqlite3.connect(sqlite_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        return [str(r[0]) for r in con.execute("PRAGMA integrity_check").fetchall()]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        con.close()


def damaged_file_error(exc: BaseException) -> errors.DatabaseError | None:
    """A KnownError for SQLite's "disk image is malformed" / "not a database", else None.

    The cheap check at open cannot see a damaged page in the middle of a big file; the
    first query that reads it gets this message (restore a backup) instead of a traceback.
    """
    orig = getattr(exc, "orig", exc)
    code = getattr(orig, "sqlite_errorcode", None)
    if not isinstance(orig, sqlite3.DatabaseError) or code is None or code & 0xFF not in (11, 26):
        return None  # 11 SQLITE_CORRUPT, 26 SQLITE_NOTADB
    return errors.DatabaseError(
        f"数据库文件已损坏（{orig}）。请关闭程序，运行 casemgr db check 并从备份恢复。",
        f"The database file is damaged ({orig}). Close the program, run `casemgr db check` "
        "and restore a backup.",
        code="db_damaged",
    )


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
    check_url(url)
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
            stamp = clock.local(clock.now()).strftime("%Y%m%d-%H%M%S")
            backup_sqlite(path, path.with_name(f"{path.stem}.before-upgrade-{rev}-{stamp}{path.suffix}"))
        engine.dispose()
        upgrade(url)
        engine = make_engine(url)
    if path is not None:
        _install_planner_stats(engine)
    return database_from_engine(url, engine)


def _install_planner_stats(engine: Engine) -> None:
    """The shipped planner statistics (casemgr.sqlite_stats: why)."""
    from casemgr import sqlite_stats

    raw = engine.raw_connection()
    try:
        sqlite_stats.install(raw.dbapi_connection)
    finally:
        raw.close()
