"""Crash safety: a writer killed with SIGKILL at random points loses nothing it reported.

A "zygote" process imports everything once and forks one writer per round, so each of the
many kills costs milliseconds rather than an interpreter start. Each writer registers cases
in a burst and prints ``OK <number>`` only after ``commit`` returned; the test kills it
with SIGKILL after a random number of reports plus a random delay, i.e. at a random point
inside a transaction, during commit, or between commit and print. At the end the file
must pass ``PRAGMA integrity_check``, hold every reported case complete (parties, claims,
creation event, audit entry), hold no partial case at all, and keep a gapless numbering
and an intact audit chain.
"""

from __future__ import annotations

import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
KILLS = 60
KINDS = ("arbitration", "mediation", "inspection")
ROUND_TIMEOUT = 60  # seconds; a round takes milliseconds


def _say(line: str) -> None:
    """One line in one write(): with PYTHONUNBUFFERED=1, print() writes the text and the newline
    separately, and a kill between the two glued the zygote's DONE onto an OK line."""
    os.write(1, f"{line}\n".encode())


def _writer(db_path: str, user_id: int, base: int) -> None:
    """The child: register cases until killed, reporting each committed number."""
    from casemgr import db
    from casemgr.actor import Actor
    from casemgr.enums import CaseKind, Role
    from casemgr.services import cases
    from tests.helpers import case_input

    actor = Actor(user_id=user_id, username="crash.writer", role=Role.SUPERVISOR)
    database = db.open_database(f"sqlite:///{db_path}")
    _say(f"PID {os.getpid()}")
    i = 0
    while True:
        i += 1
        n = base + i
        kind = CaseKind(KINDS[n % 3])
        with database.write() as s:
            number = cases.register_case(s, actor, case_input(kind, n=n, workers=1 + n % 3)).number
        _say(f"OK {number}")


def _zygote(db_path: str, user_id: int) -> None:
    import casemgr.services.cases  # noqa: F401  (imported once, before any fork)
    import tests.helpers  # noqa: F401

    for line in sys.stdin:
        base = int(line.split()[1])
        pid = os.fork()
        if pid == 0:
            try:
                _writer(db_path, user_id, base)
            finally:
                os._exit(3)
        _, status = os.waitpid(pid, 0)
        _say(f"DONE {status}")


@pytest.fixture
def seeded(database: object, actors: dict[object, object], db_path: Path) -> tuple[Path, int]:
    from casemgr.enums import Role

    user_id = actors[Role.SUPERVISOR].user_id  # type: ignore[attr-defined]
    database.dispose()  # type: ignore[attr-defined]
    return db_path, int(user_id)


@pytest.mark.slow
def test_sigkill_during_writes_loses_nothing_reported(seeded: tuple[Path, int]) -> None:
    db_path, user_id = seeded
    rng = random.Random(int(os.environ.get("CASEMGR_CRASH_SEED", "20261126")))
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    zygote = subprocess.Popen(
        [sys.executable, __file__, "zygote", str(db_path), str(user_id)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    assert zygote.stdin is not None and zygote.stdout is not None
    # The zygote's output is read on a thread into a queue, so a round that never ends
    # (a child that does not die, a stuck zygote) fails with what is known about it
    # instead of hanging the suite.
    lines: queue.Queue[str] = queue.Queue()
    out = zygote.stdout
    reader = threading.Thread(target=lambda: [lines.put(x) for x in out] and None, daemon=True)
    reader.start()
    current = {"pid": 0, "round": -1}

    def next_line() -> str:
        try:
            return lines.get(timeout=ROUND_TIMEOUT)
        except queue.Empty:
            pid = current["pid"]
            state = (
                Path(f"/proc/{pid}/stat").read_text().split()[2] if Path(f"/proc/{pid}").exists() else "gone"
            )
            raise AssertionError(
                f"round {current['round']}: no output for {ROUND_TIMEOUT} s (writer {pid}, state {state})"
            ) from None

    reported: list[str] = []
    signals = Counter[str]()
    started = time.monotonic()
    try:
        for round_ in range(KILLS):
            current["round"] = round_
            zygote.stdin.write(f"go {(round_ + 1) * 1000}\n")
            zygote.stdin.flush()
            line = next_line()
            assert line.startswith("PID "), line
            pid = current["pid"] = int(line.split()[1])
            for _ in range(rng.randint(0, 6)):
                line = next_line()
                assert line.startswith("OK "), line
                reported.append(line[3:].strip())
            time.sleep(rng.random() * 0.02)
            os.kill(pid, signal.SIGKILL)
            while True:  # lines the child printed before it died still count as reported
                line = next_line()
                if line.startswith("DONE"):
                    status = int(line.split()[1])
                    signals[
                        "SIGKILL" if os.WIFSIGNALED(status) and os.WTERMSIG(status) == 9 else str(status)
                    ] += 1
                    break
                assert line.startswith("OK "), line
                reported.append(line[3:].strip())
    finally:
        zygote.stdin.close()
        try:
            zygote.wait(timeout=30)
        except subprocess.TimeoutExpired:
            zygote.kill()
            zygote.wait()
        reader.join(timeout=10)  # ends at the zygote's EOF
        out.close()
    elapsed = time.monotonic() - started
    assert signals == Counter({"SIGKILL": KILLS}), signals

    con = sqlite3.connect(db_path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        rows = con.execute("SELECT id, number, kind, seq, workers FROM cases").fetchall()
        by_number = {r[1]: r for r in rows}
        missing = [n for n in reported if n not in by_number]
        assert missing == [], f"reported committed but lost: {missing[:5]}"
        assert len(set(reported)) == len(reported)
        partial = []
        for case_id, number, _kind, _seq, workers in rows:
            parties = con.execute(
                "SELECT count(*) FROM case_parties WHERE case_id = ?", (case_id,)
            ).fetchone()[0]
            claims = con.execute("SELECT count(*) FROM claim_items WHERE case_id = ?", (case_id,)).fetchone()[
                0
            ]
            created = con.execute(
                "SELECT count(*) FROM events WHERE case_id = ? AND kind = 'created'", (case_id,)
            ).fetchone()[0]
            audited = con.execute(
                "SELECT count(*) FROM audit_entries WHERE entity = 'case' AND entity_id = ? AND action = 'case.register'",
                (str(case_id),),
            ).fetchone()[0]
            if (parties, claims, created, audited) != (1 + workers, workers, 1, 1):
                partial.append((number, parties, claims, created, audited))
        assert partial == [], partial[:5]
        # Numbers come from a counter bumped in the same transaction: a rolled-back case
        # gives its number back, so each kind is numbered 1..N without a gap.
        for kind in KINDS:
            seqs = sorted(r[3] for r in rows if r[2] == kind)
            assert seqs == list(range(1, len(seqs) + 1)), kind
    finally:
        con.close()

    from casemgr import audit, db

    database = db.open_database(f"sqlite:///{db_path}")
    try:
        with database.read() as s:
            assert audit.verify_chain(s) is None
    finally:
        database.dispose()
    unreported = len(rows) - len(reported)
    print(
        f"\nkill test: {KILLS} SIGKILLs in {elapsed:.1f}s, {len(reported)} cases reported committed, "
        f"{len(rows)} present ({unreported} committed but killed before reporting), 0 lost, 0 partial"
    )
    assert len(reported) >= KILLS  # the writers really were writing when killed


if __name__ == "__main__":
    if sys.argv[1] == "zygote":
        _zygote(sys.argv[2], int(sys.argv[3]))
