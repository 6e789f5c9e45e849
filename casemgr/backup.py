"""Backups and restore of the SQLite database file.

Why it looks like this:

* Copies go through SQLite's online backup API, never a file copy: the app (or a colleague
  on the same file) may be writing, and the WAL holds committed pages a file copy would miss.
* A copy is written to a temporary name, checked with ``PRAGMA integrity_check`` and only
  then renamed, so a full disk or a dropped network share never leaves a half backup that
  looks like a good one.
* The automatic backup runs at the first start of each day and keeps the last 14 daily and
  12 monthly copies (the first backup of a month is also kept as that month's copy), in
  ``backups/`` beside the database unless a location is configured (a network share, say).
  The month's copy is a second name (a hard link) for that day's file, not a second copy
  of 1.6 GB; only where the file system has no hard links is the checked file copied.
* The automatic backup never delays quitting: it copies in steps of a few megabytes inside
  one read transaction (a fixed snapshot, so colleagues' writes neither block it nor make
  it start over), and a ``cancel`` event stops it between steps and during the check. An
  interrupted copy is deleted — a ``.partial`` file is never taken for a backup — and the
  next start makes the day's copy again.
* Restore refuses a file that is damaged, not ours, or from a newer program; upgrades an
  older one with the migrations (on a temporary copy, never on the backup itself); keeps
  the current database as a copy; then writes the result over the live file through the
  backup API, so the WAL and the open file stay consistent.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from casemgr import audit, clock, db, errors, permissions
from casemgr.actor import SYSTEM, Actor

KEEP_DAILY = 14
KEEP_MONTHLY = 12
ENV_BACKUP_DIR = "CASEMGR_BACKUP_DIR"
SETTING_BACKUP_DIR = "backup_dir"

_DAILY_RE = re.compile(r"^casemgr-(\d{4}-\d{2}-\d{2})\.db$")
_MONTHLY_RE = re.compile(r"^casemgr-(\d{4}-\d{2})\.db$")

#: Pages copied per backup step (4 MB of 4 KB pages): a cancel waits at most one step.
STEP_PAGES = 1024


class BackupCancelled(Exception):
    """The copy was stopped by its ``cancel`` event (the app is quitting); nothing was kept."""


def _integrity(path: Path, cancel: threading.Event | None = None) -> str:
    con = sqlite3.connect(db.sqlite_uri(path), uri=True)
    try:
        if cancel is not None:
            # A non-zero return interrupts the statement ("interrupted"), checked below.
            con.set_progress_handler(cancel.is_set, 20_000)
        try:
            rows = con.execute("PRAGMA integrity_check").fetchall()
        except sqlite3.OperationalError:
            if cancel is not None and cancel.is_set():
                raise BackupCancelled() from None
            raise
    finally:
        con.close()
    return "; ".join(str(r[0]) for r in rows)


def copy_database(src: Path, dest: Path, *, cancel: threading.Event | None = None) -> Path:
    """Consistent online copy of ``src`` to ``dest``, checked, written atomically.

    With ``cancel``, setting the event stops the copy within one step (or the check within
    a moment) with :class:`BackupCancelled`, and the partial file is removed.
    """
    dest = Path(dest)
    if not dest.name or dest.is_dir():
        raise errors.FileError(
            f"备份文件须是一个文件名，而不是文件夹：{dest}",
            f"The backup must be a file name, not a folder: {dest}",
        )
    if dest.exists() and not dest.is_file():
        # The copy replaces the target by renaming onto it: onto /dev/null (run as root) that
        # would have put a file where the system's device was.
        raise errors.FileError(
            f"{dest} 不是普通文件（设备或管道），不能作为备份文件。",
            f"{dest} is not a regular file (a device or a pipe); it cannot be a backup file.",
        )
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".partial")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()

    def step(_status: int, _remaining: int, _total: int) -> None:
        if cancel is not None and cancel.is_set():
            raise BackupCancelled()

    try:
        s = sqlite3.connect(
            db.sqlite_uri(src), uri=True, timeout=db.BUSY_TIMEOUT_MS / 1000, isolation_level=None
        )
        try:
            # One read transaction for all the steps: in WAL mode a fixed snapshot, so a
            # colleague's commit between two steps neither waits for the copy nor restarts
            # it (without it, SQLite restarts a stepwise backup after every foreign write).
            s.execute("BEGIN")
            s.execute("SELECT count(*) FROM sqlite_master").fetchall()
            d = sqlite3.connect(str(tmp))
            try:
                s.backup(d, pages=STEP_PAGES, progress=step)
                # A backup is a single self-contained file: no WAL beside it.
                d.execute("PRAGMA journal_mode=DELETE")
            finally:
                d.close()
        finally:
            s.close()
        result = _integrity(tmp, cancel)
        if result != "ok":
            raise errors.DatabaseError(
                f"备份副本未通过完整性检查：{result}", f"The backup copy failed its integrity check: {result}"
            )
        os.replace(tmp, dest)
    except sqlite3.Error as exc:
        raise errors.DatabaseError(f"备份失败：{exc}", f"Backup failed: {exc}") from exc
    except OSError as exc:
        raise errors.DatabaseError(
            f"无法写入备份文件 {dest}：{exc.strerror}", f"Cannot write the backup file {dest}: {exc.strerror}"
        ) from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return dest


def _require_sqlite_path(database: db.Database) -> Path:
    path = db.sqlite_path(database.url)
    if path is None:
        raise errors.DatabaseError(
            "只有 SQLite 数据库文件可以在这里备份；服务器数据库请用 pg_dump。",
            "Only a SQLite database file can be backed up here; use pg_dump for a server database.",
        )
    return path


def backup_now(database: db.Database, actor: Actor, dest: Path) -> Path:
    """An administrator's backup to a chosen file; audited in the live database."""
    permissions.require(actor, "backup.run")
    out = copy_database(_require_sqlite_path(database), Path(dest))
    with database.write() as s:
        audit.record(
            s,
            user_id=actor.user_id,
            username=actor.username,
            action="db.backup",
            entity="database",
            after={"file": str(out), "bytes": out.stat().st_size},
        )
    return out


# --------------------------------------------------------------------------- automatic daily backups


def backup_dir_for(database: db.Database, configured: str | os.PathLike[str] | None = None) -> Path:
    """Argument, then ``CASEMGR_BACKUP_DIR``, then the ``backup_dir`` setting, then ``backups/``."""
    if configured:
        return Path(configured)
    env = os.environ.get(ENV_BACKUP_DIR)
    if env:
        return Path(env)
    from casemgr import settings

    try:
        with database.read() as s:
            value = settings.get(s, SETTING_BACKUP_DIR)
    except KeyError:
        value = None
    if value:
        return Path(str(value))
    return _require_sqlite_path(database).parent / "backups"


@dataclass(frozen=True)
class AutoBackupResult:
    daily: Path | None  # the copy made now, None when today's already existed
    monthly: Path | None
    removed: tuple[Path, ...]
    interrupted: bool = False  # cancelled (the app quit): nothing kept, redone at the next start


def link_or_copy(existing: Path, new: Path) -> Path:
    """``new`` as a second name of the checked file ``existing`` (a hard link: no second
    copy of the data, and deleting either name leaves the other whole); a plain copy where
    the file system has no hard links. Written under a temporary name, then renamed."""
    new.parent.mkdir(parents=True, exist_ok=True)
    tmp = new.with_name(new.name + ".partial")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    try:
        try:
            os.link(existing, tmp)
        except OSError:
            shutil.copyfile(existing, tmp)
        os.replace(tmp, new)
    except OSError as exc:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise errors.DatabaseError(
            f"无法写入备份文件 {new}：{exc.strerror}", f"Cannot write the backup file {new}: {exc.strerror}"
        ) from exc
    return new


def daily_backup_if_due(
    database: db.Database,
    *,
    backup_dir: str | os.PathLike[str] | None = None,
    today: dt.date | None = None,
    cancel: threading.Event | None = None,
) -> AutoBackupResult:
    """Run at start-up: the day's first start makes the day's copy and prunes old ones.

    ``cancel`` (set when the app quits) stops the copy; the result then says
    ``interrupted`` and nothing of the day's copy is left, so the next start makes it.
    """
    if db.sqlite_path(database.url) is None:
        return AutoBackupResult(None, None, ())
    today = today or clock.today()
    root = backup_dir_for(database, backup_dir)
    daily_dir, monthly_dir = root / "daily", root / "monthly"
    daily_file = daily_dir / f"casemgr-{today:%Y-%m-%d}.db"
    monthly_file = monthly_dir / f"casemgr-{today:%Y-%m}.db"
    made_daily = made_monthly = None
    if not daily_file.exists():
        try:
            made_daily = copy_database(_require_sqlite_path(database), daily_file, cancel=cancel)
        except BackupCancelled:
            return AutoBackupResult(None, None, (), interrupted=True)
    if not monthly_file.exists():
        made_monthly = link_or_copy(daily_file, monthly_file)
    removed = prune(root)
    if made_daily is not None:
        with database.write() as s:
            audit.record(
                s,
                user_id=None,
                username=SYSTEM.username,
                action="db.backup_auto",
                entity="database",
                after={"file": str(made_daily), "removed": [p.name for p in removed]},
            )
    return AutoBackupResult(made_daily, made_monthly, tuple(removed))


def prune(root: Path, keep_daily: int = KEEP_DAILY, keep_monthly: int = KEEP_MONTHLY) -> list[Path]:
    """Delete all but the newest ``keep_*`` copies; names carry the date, so no clock games."""
    removed: list[Path] = []
    for sub, pattern, keep in (("daily", _DAILY_RE, keep_daily), ("monthly", _MONTHLY_RE, keep_monthly)):
        d = root / sub
        if not d.is_dir():
            continue
        files = sorted((p for p in d.iterdir() if pattern.match(p.name)), key=lambda p: p.name)
        for p in files[: max(0, len(files) - keep)]:
            p.unlink()
            removed.append(p)
    return removed


# --------------------------------------------------------------------------- restore


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    previous_copy: Path | None  # the database as it was before the restore
    from_revision: str | None
    to_revision: str


def check_backup_file(path: Path) -> str:
    """The revision of a usable backup; a DatabaseError naming the problem otherwise."""
    path = Path(path)
    if not path.is_file() or path.stat().st_size == 0:
        raise errors.DatabaseError(
            f"备份文件 {path} 不存在或为空。", f"The backup file {path} does not exist or is empty."
        )
    rev = db.check_sqlite_file(path)  # header, quick_check, ours, not newer
    try:
        result = _integrity(path)
    except sqlite3.Error as exc:
        result = str(exc)
    if result != "ok":
        raise errors.DatabaseError(
            f"备份文件 {path} 已损坏（{result}），不能恢复。",
            f"The backup file {path} is damaged ({result}); it cannot be restored.",
        )
    if rev is None:
        raise errors.DatabaseError(
            f"{path} 不是本程序的数据库备份。", f"{path} is not a casemgr database backup."
        )
    return rev


def restore(
    db_path: Path, backup_file: Path, *, actor: Actor = SYSTEM, now: dt.datetime | None = None
) -> RestoreResult:
    """Replace the database at ``db_path`` with ``backup_file``. Close the app's connections first."""
    permissions.require(actor, "backup.run")
    db_path, backup_file = Path(db_path), Path(backup_file)
    from_rev = check_backup_file(backup_file)
    stamp = clock.local(now or clock.now()).strftime("%Y%m%d-%H%M%S")
    work = db_path.with_name(f"{db_path.stem}.restoring-{stamp}{db_path.suffix}")
    previous: Path | None = None
    try:
        copy_database(backup_file, work)
        if from_rev != db.head_revision():
            db.upgrade(db.sqlite_url(work))
        if db_path.exists() and db_path.stat().st_size > 0:
            previous = db_path.with_name(f"{db_path.stem}.before-restore-{stamp}{db_path.suffix}")
            try:
                copy_database(db_path, previous)
            except errors.DatabaseError:
                # The current file is damaged (that may be why we restore): keep its bytes as they are.
                shutil.copy2(db_path, previous)
        _overwrite(work, db_path)
    finally:
        for p in (work, work.with_name(work.name + "-wal"), work.with_name(work.name + "-shm")):
            with contextlib.suppress(FileNotFoundError):
                p.unlink()
    database = db.open_database(db.sqlite_url(db_path))
    try:
        with database.write() as s:
            audit.record(
                s,
                user_id=actor.user_id,
                username=actor.username,
                action="db.restore",
                entity="database",
                after={
                    "file": str(backup_file),
                    "from_revision": from_rev,
                    "previous_copy": str(previous) if previous else None,
                },
            )
        to_rev = db.current_revision(database.engine) or ""
    finally:
        database.dispose()
    from casemgr import anchors

    anchors.forget(db.sqlite_url(db_path))  # the chain now ends where the backup's did
    return RestoreResult(backup_file, previous, from_rev, to_rev)


def _overwrite(src: Path, dest: Path) -> None:
    """Write ``src`` over ``dest`` page by page through the backup API (WAL-safe)."""
    s = sqlite3.connect(db.sqlite_uri(src), uri=True)
    try:
        d = sqlite3.connect(str(dest), timeout=db.BUSY_TIMEOUT_MS / 1000)
        try:
            s.backup(d)
            d.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            d.close()
    except sqlite3.Error as exc:
        raise errors.DatabaseError(
            f"无法写入数据库 {dest}（{exc}）。请关闭所有使用它的程序后重试。",
            f"Cannot write the database {dest} ({exc}). Close every program using it and retry.",
        ) from exc
    finally:
        s.close()
