"""The op runner's plumbing: results cross threads safely and leave nothing behind."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from pytestqt.qtbot import QtBot

from casemgr import db
from ui.ops import Emitter, OpRunner


def test_each_result_carrier_belongs_to_qt_and_is_deleted_after_use(
    qtbot: QtBot, database: db.Database
) -> None:
    """A carrier owned by Python could be deleted on the worker thread (or inside its own slot)
    while Qt still held its queued result: a crash in event processing. Carriers are children
    of the runner from birth and are deleted, on the GUI thread, once their result is in."""
    runner = OpRunner(database, lambda: "en")
    handles = [runner.read(lambda s, n=n: n) for n in range(40)]
    assert len(runner.findChildren(Emitter)) == 40  # results are delivered only by the event loop
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)
    assert [h.result for h in handles] == list(range(40))
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert runner.findChildren(Emitter) == []
    runner.wait_all()
