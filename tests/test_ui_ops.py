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
