"""The frozen program's entry point (PyInstaller builds ``casemgr`` and ``casemgr-cli`` from it).

One script, two executables, one folder: ``casemgr`` starts the desktop app (on Windows
without a console window), ``casemgr-cli`` — or ``casemgr --cli`` — runs the command line
(``casemgr.cli``). Two more forms are for the program itself and for installers' checks:

* ``-m casemgr.io.planner``: the ledger import starts its helper processes as
  ``sys.executable -m casemgr.io.planner``; frozen, ``sys.executable`` is this program, so
  it answers that form the way Python would.
* ``--selftest OUT.png``: the installation check (``ui.selftest``): logs in with a user
  name and password read from standard input, opens the main window, saves a picture of it
  and prints what was loaded.
"""

from __future__ import annotations

import sys
from pathlib import Path


def _standard_streams() -> None:
    """Give a helper process the standard streams the planner protocol relies on.

    The Windows desktop program is a GUI executable: its helper children get the two pipes
    but no stderr of their own (fd 2 is closed), and Python then has ``sys.stderr`` (and
    without the pipes ``sys.stdin``/``sys.stdout``) set to None. The planner reads frames on
    fd 0, writes them on a copy of fd 1 and points fd 1 at fd 2; each must exist.
    """
    import io
    import os

    try:
        os.fstat(2)
    except OSError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
    for fd, name, mode in ((0, "stdin", "rb"), (1, "stdout", "wb"), (2, "stderr", "wb")):
        if getattr(sys, name) is None:
            setattr(sys, name, io.TextIOWrapper(open(fd, mode, closefd=False), encoding="utf-8"))


def main(argv: list[str]) -> int:
    args = argv[1:]
    if args[:2] == ["-m", "casemgr.io.planner"]:
        _standard_streams()
        from casemgr.io import planner

        return planner.main()
    if args[:1] == ["--selftest"]:  # also from casemgr-cli.exe, whose console shows the result
        from ui import selftest

        return selftest.main(args[1:])
    if Path(sys.executable).stem.lower().endswith("-cli") or args[:1] == ["--cli"]:
        from casemgr.cli import main as cli_main

        return cli_main(args[1:] if args[:1] == ["--cli"] else args)
    from ui.app import run

    return run([argv[0], *args])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
