"""Planning processes for the bulk import: they turn chunks of ledger rows into INSERTs.

Why processes and not threads: planning is pure Python (rules, clocks, snapshots, bind
values), and the GIL lets one thread run it at a time; a thread beside the inserts made
the import slower. Why plain child processes and not ``multiprocessing``: its "spawn"
start re-runs the parent's main script in the child, so any caller without an
``if __name__ == "__main__"`` guard would start processes forever, and "fork" copies a Qt
application's threads. A child here is ``python -m casemgr.io.planner`` with two pipes:
pickled ``(rows, assignment)`` in, pickled :class:`~casemgr.io.bulk.ChunkPlan` out.

The child opens its own connection to the database and reads only the bureau's rules,
settings and calendar, which an import does not change.
"""

from __future__ import annotations

import os
import pickle
import queue
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO

#: Plans read and waiting for the inserting thread, at most.
AHEAD = 3
_PACKAGE_ROOT = str(Path(__file__).resolve().parent.parent.parent)


class PlannerError(RuntimeError):
    """A planning process failed; the import's transaction must roll back."""


class Planners:
    """``n`` planning processes; :meth:`plans` yields the chunks' plans in the given order."""

    def __init__(self, n: int, url: str, actor: Any, today: Any, ledger_groups: frozenset[str]) -> None:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (_PACKAGE_ROOT, env.get("PYTHONPATH")) if p)
        self._procs: list[subprocess.Popen[bytes]] = []
        try:
            for _ in range(n):
                proc = subprocess.Popen(
                    [sys.executable, "-m", "casemgr.io.planner"],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    env=env,
                )
                self._procs.append(proc)
                assert proc.stdin is not None
                pickle.dump(("init", url, actor, today, ledger_groups), proc.stdin, pickle.HIGHEST_PROTOCOL)
                proc.stdin.flush()
        except BaseException:
            self.close()
            raise
        self.planned = 0  # chunks planned by these processes so far

    @property
    def count(self) -> int:
        return len(self._procs)

    def plans(self, tasks: Sequence[tuple[Any, Any]]) -> Iterator[Any]:
        """Send the tasks round-robin from one thread, read the plans back in another.

        The caller gets the plans in task order. A few finished plans may wait in memory
        (``AHEAD``), so the processes keep planning while the caller inserts; beyond that
        the pipes hold them back.
        """
        n = len(self._procs)
        done: queue.Queue[tuple[bool, Any]] = queue.Queue(maxsize=AHEAD)
        stop = threading.Event()

        def feed() -> None:
            try:
                for i, task in enumerate(tasks):
                    if stop.is_set():
                        return
                    stdin = self._procs[i % n].stdin
                    assert stdin is not None
                    pickle.dump(("plan", *task), stdin, pickle.HIGHEST_PROTOCOL)
                    stdin.flush()
            except (OSError, ValueError):  # a process died or was stopped: the reader reports it
                pass

        def read() -> None:
            for i in range(len(tasks)):
                proc = self._procs[i % n]
                assert proc.stdout is not None
                try:
                    item: tuple[bool, Any] = (True, _read(proc.stdout, proc))
                except BaseException as exc:
                    item = (False, exc)
                while not stop.is_set():
                    try:
                        done.put(item, timeout=0.2)
                        break
                    except queue.Full:
                        continue
                if not item[0] or stop.is_set():
                    return

        threads = [
            threading.Thread(target=feed, name="import-planner-feed", daemon=True),
            threading.Thread(target=read, name="import-planner-read", daemon=True),
        ]
        for t in threads:
            t.start()
        try:
            for _ in range(len(tasks)):
                ok, payload = done.get()
                if not ok:
                    raise payload
                self.planned += 1
                yield payload
        finally:
            stop.set()
            if any(t.is_alive() for t in threads):
                self.close()  # unblocks both threads (their pipes close)
            for t in threads:
                t.join()

    def close(self) -> None:
        """Stop every process (also when the import failed or was cancelled)."""
        for proc in self._procs:
            if proc.poll() is None:
                proc.kill()
        for proc in self._procs:
            proc.wait()
            for pipe in (proc.stdin, proc.stdout):
                if pipe is not None:
                    try:
                        pipe.close()
                    except OSError:
                        pass
        self._procs = []


def _read(stdout: BinaryIO, proc: subprocess.Popen[bytes]) -> Any:
    try:
        status, payload = pickle.load(stdout)
    except (EOFError, OSError, ValueError):
        code = proc.wait()
        raise PlannerError(f"import planning process ended unexpectedly (exit status {code})") from None
    if status != "ok":
        raise PlannerError(f"import planning process failed:\n{payload}")
    return payload


def main() -> int:
    """The child: read tasks until the parent closes the pipe."""
    import traceback

    from sqlalchemy.orm import Session

    from casemgr import db
    from casemgr.io.bulk import BulkWriter

    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # a stray print must not corrupt the pickles
    inp = sys.stdin.buffer
    planner: BulkWriter | None = None
    while True:
        try:
            msg = pickle.load(inp)
        except EOFError:
            return 0
        try:
            if msg[0] == "init":
                _, url, actor, today, groups = msg
                planner = BulkWriter(Session(db.make_engine(url)), actor, today, groups, planner_only=True)
                continue
            assert planner is not None, "planning process not initialised"
            _, rows, assigned = msg
            reply: tuple[str, Any] = ("ok", planner.plan(rows, assigned))
        except Exception:
            reply = ("error", traceback.format_exc())
        pickle.dump(reply, out, pickle.HIGHEST_PROTOCOL)
        out.flush()
        if reply[0] == "error":
            return 1


if __name__ == "__main__":
    sys.exit(main())
