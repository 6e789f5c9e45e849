"""Python's cyclic garbage collection, run on the GUI thread only.

Why: the op runner's worker threads allocate plenty (ORM rows, query results), and
CPython runs its cyclic collector on whichever thread happens to allocate past the
threshold. A collection on a worker thread can free a cycle that holds a widget or
another QObject of the GUI thread, deleting it on the wrong thread while Qt still has
events for it: a segmentation fault later, in the GUI thread's event processing (the
suite crashed that way in about one full run in three). So automatic collection is off
while the app runs, and this object collects, by generation, from a timer on the GUI
thread — the approach of Anki and other large PySide/PyQt applications.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GuiGarbageCollector(QObject):
    """Disables automatic collection; collects the generations due, every ``INTERVAL_MS``."""

    INTERVAL_MS = 1000

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect_due)
        self.timer.start(self.INTERVAL_MS)

    def collect_due(self) -> int:
        """Collect the oldest generation whose count passed its threshold; returns it (-1: none)."""
        counts = gc.get_count()
        generation = -1
        for g in range(3):
            if counts[g] > self.threshold[g]:
                generation = g
        if generation >= 0:
            gc.collect(generation)
        return generation


def install(app: QObject) -> GuiGarbageCollector:
    """Once per application: the collector is a child of ``app`` and lives as long as it."""
    existing = app.findChild(GuiGarbageCollector)
    if existing is None:
        return GuiGarbageCollector(app)
    gc.disable()  # someone (a test harness) may have turned it back on
    return existing
