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
import traceback
from collections.abc import Sequence
from pathlib import Path

from casemgr import clock
from casemgr.errors import KnownError, from_os_error


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
    except OSError as exc:  # a file named on the command line: missing folder, a folder, no space
        print(from_os_error(exc).message(user_lang()), file=sys.stderr)
        return 1
    except EOFError:  # a password asked for where there is no terminal
        print(
            "没有终端可输入密码：请设置环境变量 CASEMGR_PASSWORD。"
            if user_lang() == "zh"
            else "No terminal to type a password on: set CASEMGR_PASSWORD.",
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception:  # a bug: its stack goes to the log, the user gets the log's path
        path = _log_internal_error()
        print(
            f"内部错误，未完成操作。详细信息已写入 {path}，请把该文件交给系统管理员。"
            if user_lang() == "zh"
            else f"Internal error; the command did not complete. Details are in {path}; give that file to your administrator.",
            file=sys.stderr,
        )
        return 70  # EX_SOFTWARE


def _log_internal_error() -> Path:
    """Append the current exception's stack to the command line's log in the data folder."""
    from casemgr import runtime

    folder = runtime.data_dir()
    path = folder / "casemgr-cli.log"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as fh:
            fh.write(f"--- {clock.local(clock.now()).isoformat()} {' '.join(sys.argv)}\n")
            fh.write(traceback.format_exc())
    except OSError:
        traceback.print_exc()
        return Path("(stderr)")
    return path


if __name__ == "__main__":
    sys.exit(main())
