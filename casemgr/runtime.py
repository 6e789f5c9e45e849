"""Where the program's own files and the user's data live, from a checkout or installed.

Why one module: the program runs from a source checkout (``./run``), from a pip install,
and frozen by PyInstaller (the Windows installer and the UOS/Kylin .deb, see
``packaging/casemgr.spec``). Frozen, the read-only files the build carries (migrations,
rules, notice templates, translations, fonts) sit under ``sys._MEIPASS`` rather than beside
the sources, and every place that reads one asks :func:`resource_path` instead of counting
``parent`` steps from its own ``__file__``.

The per-user data folder follows Qt's ``QStandardPaths.AppLocalDataLocation`` for
organisation and application "casemgr" (the desktop app asks Qt; the command line, which
imports no Qt, computes the same folder here, so both open the same database). On Windows
that is ``%LOCALAPPDATA%\\casemgr\\casemgr``, not the roaming ``%APPDATA%``: a roaming
profile copies its files at log-on and log-off, which would copy an SQLite database (and
not its ``-wal``) behind the program's back, and government PCs often redirect the roaming
folder to a network share, where SQLite's locks do not hold (docs/deployment.md).
The path logic takes the platform and the environment as arguments so that a test on Linux
can run it for a Windows user with a Chinese name (tests/test_runtime.py).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

ORGANIZATION = "casemgr"
APPLICATION = "casemgr"
ENV_DATA_DIR = "CASEMGR_DATA_DIR"


def is_frozen() -> bool:
    """True inside a PyInstaller build (``sys.frozen`` is set by its bootloader)."""
    return bool(getattr(sys, "frozen", False))


def resource_root() -> Path:
    """The folder holding ``migrations/``, ``resources/`` (and, frozen, the bundled fonts)."""
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).resolve().parent))
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A file or folder the program ships, e.g. ``resource_path("resources", "rules")``."""
    return resource_root().joinpath(*parts)


def _platform_kind(platform: str) -> str:
    if platform.startswith("win") or platform == "cygwin":
        return "windows"
    if platform == "darwin":
        return "mac"
    return "unix"


def data_dir_for(platform: str, env: Mapping[str, str], home: str) -> PurePath:
    """The per-user data folder on ``platform`` (``sys.platform``) for ``env`` and ``home``.

    Pure (no file system, no Qt): what ``QStandardPaths.AppLocalDataLocation`` answers there,
    unless ``CASEMGR_DATA_DIR`` names another folder.
    """
    kind = _platform_kind(platform)
    path_type: type[PurePath] = PureWindowsPath if kind == "windows" else PurePosixPath
    override = env.get(ENV_DATA_DIR)
    if override:
        return path_type(override)
    if kind == "windows":
        base = env.get("LOCALAPPDATA") or str(PureWindowsPath(home, "AppData", "Local"))
        return PureWindowsPath(base, ORGANIZATION, APPLICATION)
    if kind == "mac":
        return PurePosixPath(home, "Library", "Application Support", ORGANIZATION, APPLICATION)
    xdg = env.get("XDG_DATA_HOME", "")
    # The XDG spec: a relative value is invalid and must be ignored (Qt does the same).
    base = xdg if xdg.startswith("/") else str(PurePosixPath(home, ".local", "share"))
    return PurePosixPath(base, ORGANIZATION, APPLICATION)


def data_dir() -> Path:
    """The data folder on this machine (created by whoever writes into it first)."""
    return Path(data_dir_for(sys.platform, os.environ, str(Path.home())))


def version() -> str:
    from casemgr import __version__

    return __version__
