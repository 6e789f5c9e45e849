"""The environment's faults SQLite reports, told apart: a busy database (and who holds it),
a full disk, a read-only file, an I/O error — none of which means the file is damaged, so
none may advise restoring a backup (issue 18)."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import socket
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy.orm import Session

from casemgr import clock, errors


def _sqlite_file(session: Session) -> Path | None:
    url = session.get_bind().url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


# SQLite's primary result codes (sqlite.org/rescode.html) this module tells apart.
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN = 5, 6, 8, 10, 13, 14
LOW_DISK_BYTES = 64 * 1024 * 1024  # below this an I/O error is most likely a full disk


def _free_bytes(path: Path | None) -> int | None:
    folder = path.parent if path is not None else None
    while folder is not None and not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        return shutil.disk_usage(folder).free if folder is not None else None
    except OSError:
        return None


def disk_full_error(path: Path | None = None) -> errors.DatabaseError:
    where = f"（{path.parent}）" if path is not None else ""
    where_en = f" ({path.parent})" if path is not None else ""
    return errors.DatabaseError(
        f"磁盘空间已满{where}：这次操作没有保存，已有数据完好。请腾出磁盘空间后重试；不要从备份恢复，否则会丢失备份之后的修改。",
        f"The disk is full{where_en}: this action was not saved and the existing data is intact. "
        "Free some space and try again; do not restore a backup (it would lose every change since).",
        code="disk_full",
    )


def fault_error(exc: BaseException, path: Path | None = None) -> errors.DatabaseError | None:
    """A KnownError for the environment's faults SQLite reports — busy, read-only, full disk,
    I/O — else None. None of them means the file is damaged: advising a restore here would
    throw away every change since the backup."""
    orig = getattr(exc, "orig", exc)
    code = getattr(orig, "sqlite_errorcode", None)
    if not isinstance(orig, sqlite3.DatabaseError) or code is None:
        return None
    primary = code & 0xFF
    if primary in (SQLITE_BUSY, SQLITE_LOCKED):
        return busy_error(path)
    if primary == SQLITE_FULL:
        return disk_full_error(path)
    if primary == SQLITE_READONLY:
        return errors.DatabaseError(
            "数据库文件或其所在文件夹是只读的：这次操作没有保存。请检查文件权限或共享设置。",
            "The database file or its folder is read-only: this action was not saved. Check the permissions.",
            code="db_readonly",
        )
    if primary in (SQLITE_IOERR, SQLITE_CANTOPEN):
        free = _free_bytes(path)
        if free is not None and free < LOW_DISK_BYTES:
            return disk_full_error(path)
        return errors.DatabaseError(
            f"读写数据库时出现磁盘或网络错误（{orig}）：这次操作没有保存，数据库文件没有被改动。"
            "请检查磁盘、网络共享或文件权限后重试。",
            f"A disk or network error while using the database ({orig}): this action was not saved and the "
            "file was not changed. Check the disk, the network share or the permissions and try again.",
            code="db_io",
        )
    return None


def busy_error(path: Path | None = None) -> errors.DatabaseError:
    """The second writer's message: who holds the database and until about when (if known)."""
    held = read_holder(path) if path is not None else None
    if held is not None:
        until = held.get("until") or ""
        zh_until = f"，预计 {until} 前结束" if until else ""
        en_until = f", expected to end by {until}" if until else ""
        zh = (
            f"数据库正被 {held.get('who', '')} 的“{held.get('what_zh', '')}”占用"
            f"（开始于 {held.get('since', '')}{zh_until}）。您的修改没有保存，表单中的内容仍在，请稍后再保存。"
        )
        en = (
            f"The database is busy with {held.get('who', '')}'s {held.get('what_en', '')} "
            f"(since {held.get('since', '')}{en_until}). Nothing was saved; your form keeps what you typed — "
            "save again in a moment."
        )
    else:
        zh = "数据库正被另一位同事或程序写入，等待超时。您的修改没有保存，表单中的内容仍在，请稍后再保存。"
        en = (
            "Another colleague or program is writing to the database and the wait timed out. "
            "Nothing was saved; your form keeps what you typed — save again in a moment."
        )
    return errors.DatabaseError(zh, en, code="db_busy")


# --------------------------------------------------------------------------- who holds the database

HOLDER_STALE_SECONDS = 6 * 3600


def holder_path(path: Path) -> Path:
    return path.with_name(path.name + ".holder.json")


def read_holder(path: Path) -> dict[str, str] | None:
    """What :func:`holding` wrote for a long write, unless its process is gone or it is stale."""
    try:
        data = json.loads(holder_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    if data.get("host") == socket.gethostname() and not _alive(int(data.get("pid", 0) or 0)):
        return None
    if clock.now().timestamp() - float(data.get("at", 0) or 0) > HOLDER_STALE_SECONDS:
        return None
    return {k: str(v) for k, v in data.items()}


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


@contextlib.contextmanager
def holding(
    session: Session, who: str, what_zh: str, what_en: str, seconds: float | None = None
) -> Iterator[None]:
    """Say, beside an SQLite file, who holds its write lock for a long operation (an import,
    a bulk reassignment) and until about when, so a colleague whose save times out is told
    in plain words. Best effort: a file that cannot be written changes nothing else."""
    path = _sqlite_file(session)
    if path is None:
        yield
        return
    now = clock.now()
    data = {
        "who": who,
        "what_zh": what_zh,
        "what_en": what_en,
        "since": clock.local(now).strftime("%H:%M"),
        "until": clock.local(now + dt.timedelta(seconds=seconds)).strftime("%H:%M") if seconds else "",
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "at": now.timestamp(),
    }
    target = holder_path(path)
    try:
        target.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    except OSError:
        target = None  # type: ignore[assignment]
    try:
        yield
    finally:
        if target is not None:
            with contextlib.suppress(OSError):
                target.unlink()
