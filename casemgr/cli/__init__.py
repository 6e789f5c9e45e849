"""The ``casemgr`` command.

Each sub-command lives in its own module under ``casemgr.cli`` and exposes
``register(subparsers)``; modules are discovered, so adding a command touches no shared
file. Known errors print their message (in the locale's language) and exit 1; nothing
reaches the user as a traceback except a real bug.
"""

from __future__ import annotations

import argparse
import importlib
import locale
import os
import pkgutil
import sys
from collections.abc import Sequence

from casemgr import clock
from casemgr.errors import KnownError


def user_lang() -> str:
    env = os.environ.get("CASEMGR_LANG") or os.environ.get("LC_ALL") or os.environ.get("LANG") or ""
    if not env:
        env = (locale.getlocale()[0] or "") if hasattr(locale, "getlocale") else ""
    return "zh" if env.lower().startswith("zh") else "en"


class _VersionAction(argparse.Action):
    """``--version``: computed only when asked (it reads the migrations folder)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kw: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kw)  # type: ignore[arg-type]

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kw: object) -> None:
        from casemgr import db

        print(db.version_text())
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="casemgr", description="casemgr — labour-dispute case manager")
    parser.add_argument(
        "--version", action=_VersionAction, help="print the version and the database schema revision"
    )
    parser.add_argument("--db", help="database file or SQLAlchemy URL (default: user data directory)")
    sub = parser.add_subparsers(dest="command", required=True)
    pkg = importlib.import_module(__name__)
    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        clock.today()
    except ValueError as exc:  # a malformed CASEMGR_TODAY: say so before anything is counted from it
        print(exc, file=sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except KnownError as exc:
        print(exc.message(user_lang()), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
