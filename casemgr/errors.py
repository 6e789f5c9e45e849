"""Domain errors.

Split as qutebrowser does (STYLE.md §1): a :class:`KnownError` is the user's or the
environment's doing and is shown as a message; anything else is a bug and goes to the
crash handler. Each known error carries a stable ``code``, the ``field`` it concerns and
a message in Chinese and in English, because ``casemgr`` imports no Qt and therefore
cannot translate; the UI picks the text for the current language (``message(lang)``).
"""

from __future__ import annotations

import datetime as dt
import errno

from casemgr import clock


class KnownError(Exception):
    """An error a user can understand and act on. Nothing was written."""

    code: str = "error"

    def __init__(self, zh: str, en: str, *, field: str | None = None, code: str | None = None) -> None:
        super().__init__(en)
        self.zh = zh
        self.en = en
        self.field = field
        if code is not None:
            self.code = code

    def message(self, lang: str = "zh") -> str:
        return self.zh if lang.lower().startswith("zh") else self.en

    def __str__(self) -> str:
        return f"{self.en} / {self.zh}"


class ValidationError(KnownError):
    """Bad input: names the field and the problem."""

    code = "validation"


class NotFoundError(KnownError):
    code = "not_found"


class PermissionDenied(KnownError):
    code = "permission"


class WorkflowError(KnownError):
    """An illegal transition or a transition missing a required field."""

    code = "workflow"


class ConflictError(KnownError):
    """Optimistic-lock failure: somebody else saved the record first."""

    code = "conflict"

    def __init__(self, entity: str, by: str | None, at: dt.datetime | None) -> None:
        when = clock.local(at).strftime("%Y-%m-%d %H:%M") if at else "?"
        who = by or "?"
        super().__init__(
            f"该{entity}已被 {who} 于 {when} 修改，请重新加载后再操作。",
            f"This {entity} was changed by {who} at {when}; reload it and try again.",
        )
        self.by = by
        self.at = at


class CalendarError(KnownError):
    """A date outside every known calendar year: never guessed."""

    code = "calendar"


class DatabaseError(KnownError):
    """The database file cannot be used (locked, read-only, corrupt, too new, foreign)."""

    code = "database"


class AuthError(KnownError):
    code = "auth"


class FileError(KnownError):
    """A file the user named cannot be read or written (missing folder, a folder, no space)."""

    code = "file"


def from_os_error(exc: OSError) -> KnownError:
    """An OSError at the edge (writing a report, reading a ledger) in the user's words.

    Every case says that nothing was half-written by us: the caller's transaction rolled back,
    and a file that failed to write is the only thing affected.
    """
    name = exc.filename if exc.filename is not None else ""
    if isinstance(exc, IsADirectoryError):
        return FileError(f"{name} 是一个文件夹，请给出文件名。", f"{name} is a folder; give a file name.")
    if isinstance(exc, FileNotFoundError):
        return FileError(
            f"找不到 {name}（文件或其所在文件夹不存在）。",
            f"{name} not found (the file or its folder does not exist).",
        )
    if isinstance(exc, NotADirectoryError):
        return FileError(f"路径 {name} 中有一部分不是文件夹。", f"Part of the path {name} is not a folder.")
    if isinstance(exc, PermissionError) or exc.errno == errno.EROFS:
        return FileError(
            f"没有权限写入或读取 {name}（或磁盘是只读的）。",
            f"No permission to read or write {name} (or the disk is read-only).",
        )
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return FileError(
            f"磁盘空间已满，{name} 没有写完。请腾出空间后重试；数据库没有受影响。",
            f"The disk is full; {name} was not written completely. Free some space and try again; the database is unaffected.",
            code="disk_full",
        )
    return FileError(
        f"读写 {name} 失败：{exc.strerror or exc}", f"Reading or writing {name} failed: {exc.strerror or exc}"
    )
