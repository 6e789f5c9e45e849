"""Cyclic garbage is collected on the GUI thread only (ui.collector)."""

from __future__ import annotations

import gc

from PySide6.QtWidgets import QApplication

from ui import collector


def test_automatic_collection_is_off_and_the_gui_thread_collects(qapp: QApplication) -> None:
    c = collector.install(qapp)
    assert collector.install(qapp) is c  # one per application
    assert not gc.isenabled()  # a worker thread can no longer free the GUI's objects

    class Node:
        pass

    gc.collect()
    before = gc.get_count()[0]
    for _ in range(c.threshold[0] + 10):  # enough cycles to pass generation 0's threshold
        a, b = Node(), Node()
        a.other, b.other = b, a  # type: ignore[attr-defined]
    assert gc.get_count()[0] > before
    assert c.collect_due() >= 0
    assert gc.get_count()[0] < c.threshold[0]
    assert c.timer.isActive() and c.timer.interval() == collector.GuiGarbageCollector.INTERVAL_MS
