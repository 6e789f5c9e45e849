"""The op runner's plumbing: results cross threads safely and leave nothing behind."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from pytestqt.qtbot import QtBot

from casemgr import db
from ui.ops import Emitter, OpRunner


def test_one_result_carrier_per_runner_whatever_the_number_of_ops(
    qtbot: QtBot, database: db.Database
) -> None:
    """Carriers made and dropped per operation were deleted on the wrong thread or with Qt
    still holding their queued results, and crashed event processing now and then. The
    runner has one, its child, for its whole life; results still reach the right op."""
    runner = OpRunner(database, lambda: "en")
    (carrier,) = runner.findChildren(Emitter)
    handles = [runner.read(lambda s, n=n: n) for n in range(40)]
    failing = runner.read(lambda s: 1 // 0)
    assert runner.pending == 41
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)
    assert [h.result for h in handles] == list(range(40))
    assert isinstance(failing.error, ZeroDivisionError)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert runner.findChildren(Emitter) == [carrier]
    runner.wait_all()


def test_a_burst_of_writes_is_announced_once_with_all_its_changes(
    qtbot: QtBot, database: db.Database
) -> None:
    """A bulk run of a thousand cases used to reload every open page a thousand times: the
    runner now merges the changes of writes in quick succession and announces them once."""
    from ui.ops import Changes

    runner = OpRunner(database, lambda: "en")
    runner.crash_handler = lambda exc, tb: None
    seen: list[Changes] = []
    runner.changed.connect(seen.append)
    handles = [
        runner.write(lambda s: None, changes=Changes(case_ids=frozenset({n}), cases=n == 3))
        for n in range(1, 31)
    ]
    handles.append(runner.write(lambda s: None, changes=lambda _r: Changes(employers=True)))
    failed = runner.write(lambda s: 1 // 0, changes=Changes(settings=True))  # a failure changes nothing
    # pending counts the announcement still to come, so waiting for 0 waits for it too
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)
    assert seen == [Changes(case_ids=frozenset(range(1, 31)), cases=True, employers=True)]
    assert isinstance(failed.error, ZeroDivisionError)
    # The next write is a new burst.
    runner.write(lambda s: None, changes=Changes(case_ids=frozenset({99})))
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=10_000)
    assert seen[1] == Changes(case_ids=frozenset({99}))
    runner.wait_all()


def test_a_held_burst_is_announced_once_however_slow_its_writes(qtbot: QtBot, database: db.Database) -> None:
    """A bulk run holds the announcements: a case that waits for a colleague's lock longer
    than the quiet time must not split the run into two page reloads."""
    from ui.ops import COALESCE_MS, Changes

    runner = OpRunner(database, lambda: "en")
    seen: list[Changes] = []
    runner.changed.connect(seen.append)
    runner.hold_changes()
    for n in (1, 2):
        handle = runner.write(lambda s: None, changes=Changes(case_ids=frozenset({n})))
        qtbot.waitUntil(
            lambda h=handle, n=n: h.result is None and n in (runner._changes or Changes()).case_ids
        )
        qtbot.wait(3 * COALESCE_MS)  # a slow case: longer than the quiet time
    assert seen == [] and runner.pending == 1
    runner.release_changes()
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)
    assert seen == [Changes(case_ids=frozenset({1, 2}))]
    runner.wait_all()
