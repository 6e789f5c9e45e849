"""欠薪预防 (issue 17): one navigation entry whose tabs are the prevention screens.

One entry rather than four keeps the navigation pane inside 768 pixels of height; each tab is
a ``Page`` of its own (so it opens cases and employers like any page) and is built on first
view, so start-up pays for none of them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from ui.ops import Changes
from ui.pages import Page

if TYPE_CHECKING:
    from ui.app import AppContext

# (key, "module:Class") of each tab, in the order shown. A tab's class is a ``Page`` with two
# classmethods: ``title()``, its caption (through ``QCoreApplication.translate`` in its own
# module), and ``visible_to(ctx)``, whether the signed-in user's role has any use for it (the
# services refuse regardless; this only spares a user a tab of refusals).
TABS: tuple[tuple[str, str], ...] = (
    ("risk", "ui.riskpage:RiskPage"),
    ("grading", "ui.gradingpage:GradingPage"),
    ("draws", "ui.drawpage:DrawPage"),
    ("projects", "ui.projectpage:ProjectPage"),
)


class PreventionPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self._classes: dict[int, type[Page]] = {}
        self._keys: dict[str, int] = {}
        self._built: dict[int, Page] = {}
        for key, target in TABS:
            module, name = target.split(":")
            cls = getattr(importlib.import_module(module), name)
            if not cls.visible_to(ctx):
                continue
            holder = QWidget()
            holder.setObjectName(f"prevention-{key}")
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            index = self.tabs.addTab(holder, cls.title())
            self._classes[index] = cls
            self._keys[key] = index
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if self._classes:
            layout.addWidget(self.tabs)
            self.tabs.currentChanged.connect(self._show)
            self._show(self.tabs.currentIndex())
        else:
            layout.addWidget(QLabel(self.tr("Nothing here for your role.")))

    def _show(self, index: int) -> None:
        if index < 0 or index in self._built:
            return
        page = self._classes[index](self.ctx)
        page.open_case.connect(self.open_case)
        page.open_employer.connect(self.open_employer)
        self.tabs.widget(index).layout().addWidget(page)
        self._built[index] = page

    def show_tab(self, key: str) -> Page | None:
        """Bring the tab ``key`` (see ``TABS``) to the front; None if the role does not have it."""
        index = self._keys.get(key)
        if index is None:
            return None
        self.tabs.setCurrentIndex(index)
        self._show(index)
        return self._built[index]

    def current(self) -> Page | None:
        return self._built.get(self.tabs.currentIndex())

    def refresh(self) -> None:
        if (page := self.current()) is not None:
            page.refresh()

    def focus_search(self) -> None:
        if (page := self.current()) is not None:
            page.focus_search()

    def on_changed(self, changes: Changes) -> None:
        """Each built tab is connected to the runner itself (``Page.__init__``)."""

    def save_state(self) -> None:
        for page in self._built.values():
            page.save_state()
