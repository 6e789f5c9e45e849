"""The pool of planning processes for the bulk import: they turn chunks of ledger rows into INSERTs.

Why processes and not threads: planning is pure Python (rules, clocks, snapshots, bind
values), and the GIL lets one thread run it at a time; a thread beside the inserts made
the import slower. Why plain child processes and not ``multiprocessing``: its "spawn"
start re-runs the parent's main script in the child, so any caller without an
``if __name__ == "__main__"`` guard would start processes forever, and "fork" copies a Qt
application's threads. A child is ``python -m casemgr.io.planner`` with two pipes:
a packed ``(rows, assignment)`` in, a packed :class:`~casemgr.io.bulk.ChunkPlan` out
(length-prefixed frames). This module is the parent's side (the pool) and knows nothing
of what the frames hold, so the bulk writer can import it; the child's side,
:mod:`casemgr.io.planner`, imports the writer.

The child opens its own connection to the database and reads only the bureau's rules,
settings and calendar, which an import does not change.
"""

from __future__ import annotations

import logging
import os
import pickle
import queue
import struct
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from casemgr.errors import KnownError

log = logging.getLogger(__name__)

#: Plans read and waiting for the inserting thread, at most.
AHEAD = 3
_PACKAGE_ROOT = str(Path(__file__).resolve().parent.parent.parent)


class PlannerError(KnownError):
    """A planning process failed; the import's transaction rolls back (nothing is written)."""

    code = "import_planner_failed"

    def __init__(self, detail: str) -> None:
        super().__init__(
            "导入的辅助进程出错，导入已撤销，没有写入任何数据。可重试；若再次出错，"
            "请设置环境变量 CASEMGR_IMPORT_PROCESSES=0 后导入，并把日志交给管理员。",
            "An import helper process failed; the import was undone and nothing was written. "
            "Try again; if it fails again, set CASEMGR_IMPORT_PROCESSES=0 and give the log to "
            "the administrator.",
        )
        self.detail = detail

    def __str__(self) -> str:
        return f"{self.message('en')} ({self.detail})"


_LEN = struct.Struct("<Q")


def write_frame(pipe: BinaryIO, data: bytes) -> None:
    pipe.write(_LEN.pack(len(data)))
    pipe.write(data)
    pipe.flush()


def read_frame(pipe: BinaryIO) -> bytes | None:
    """One frame, or None at the end of the stream."""
    head = pipe.read(_LEN.size)
    if len(head) < _LEN.size:
        return None
    (n,) = _LEN.unpack(head)
    data = pipe.read(n)
    if len(data) < n:
        return None
    return data


class Planners:
    """``n`` planning processes, fed with opaque task frames; results come back in task order.

    Rounds: :meth:`begin` a round of tasks (checking rows, then planning chunks), submit
    them, read the results.

    The threads here only move bytes (pipe reads and writes release the GIL): packing the
    tasks and unpacking the plans happen in the importing thread, because a thread
    unpickling beside it held the GIL that its executemany needs for every row — the
    inserts took twice as long.
    """

    def __init__(self, n: int, url: str, actor: Any, today: Any, ledger_groups: frozenset[str]) -> None:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (_PACKAGE_ROOT, env.get("PYTHONPATH")) if p)
        self._procs: list[subprocess.Popen[bytes]] = []
        self.planned = 0  # chunks planned by these processes so far
        self._count = 0
        self._stop: threading.Event | None = None
        self._threads: list[threading.Thread] = []
        self._todo: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._done: queue.Queue[tuple[bool, Any]] = queue.Queue()
        init = pickle.dumps((url, actor, today, ledger_groups), pickle.HIGHEST_PROTOCOL)
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
                write_frame(proc.stdin, init)
        except BaseException:
            self.close()
            raise

    @property
    def count(self) -> int:
        return len(self._procs)

    def begin(self, count: int) -> None:
        """Expect ``count`` tasks: :meth:`submit` them, read the plans with :meth:`results`.

        One thread sends the tasks round-robin as they are submitted (the caller decides the
        next chunk's ids while the first is being planned), another reads the plans back. A
        few finished plans may wait in memory (``AHEAD``) so the processes keep planning while
        the caller inserts; beyond that the pipes hold them back.
        """
        for t in self._threads:  # the previous round's threads have delivered everything
            t.join()
        n = len(self._procs)
        self._count = count
        todo: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        done: queue.Queue[tuple[bool, Any]] = queue.Queue(maxsize=AHEAD)
        stop = threading.Event()
        self._todo, self._done, self._stop = todo, done, stop

        def feed() -> None:
            try:
                for i in range(count):
                    task = todo.get()
                    if task is None or stop.is_set():
                        return
                    stdin = self._procs[i % n].stdin
                    assert stdin is not None
                    write_frame(stdin, task)
            except (OSError, ValueError):  # a process died or was stopped: the reader reports it
                pass

        def read() -> None:
            for i in range(count):
                proc = self._procs[i % n]
                assert proc.stdout is not None
                item: tuple[bool, Any]
                try:
                    frame = read_frame(proc.stdout)
                except (OSError, ValueError):
                    frame = None
                if frame is None:
                    code = proc.wait()
                    item = (False, f"ended unexpectedly (exit status {code})")
                elif frame[:1] == b"E":
                    item = (False, "failed:\n" + frame[1:].decode("utf-8", "replace"))
                else:
                    item = (True, frame[1:])
                while not stop.is_set():
                    try:
                        done.put(item, timeout=0.2)
                        break
                    except queue.Full:
                        continue
                if not item[0] or stop.is_set():
                    return

        self._threads = [
            threading.Thread(target=feed, name="import-planner-feed", daemon=True),
            threading.Thread(target=read, name="import-planner-read", daemon=True),
        ]
        for t in self._threads:
            t.start()

    def submit(self, task: bytes) -> None:
        """Queue one packed task (see :meth:`begin`)."""
        self._todo.put(task)

    def results(self, waiting: Callable[[], None] | None = None) -> Iterator[bytes]:
        """The results, in the order the tasks were submitted; a failed process raises here.

        ``waiting`` is called about twice a second while a result is late, so that a user's
        cancel still works if a process hangs (it raises to stop).
        """
        for _ in range(self._count):
            while True:
                try:
                    ok, payload = self._done.get(timeout=0.5)
                    break
                except queue.Empty:
                    if waiting is not None:
                        waiting()
            if not ok:
                log.error("import planning process %s", payload)
                raise PlannerError(f"import planning process {payload}")
            self.planned += 1
            yield payload

    def close(self) -> None:
        """Stop every process and thread (also when the import failed or was cancelled)."""
        if self._stop is not None:
            self._stop.set()
            self._todo.put(None)
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
        for t in self._threads:
            t.join()
        self._threads = []
