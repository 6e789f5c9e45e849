"""Settings: language for everyone; users, calendar, rules, dated settings for administrators."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from ui import i18n
from ui.pages import Page
from ui.widgets import heading

if TYPE_CHECKING:
    from ui.app import AppContext


class SettingsPage(Page):
    """Tabs per area; administrators only see the tabs that change shared data."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Settings")))
        self.tabs = QTabWidget()
        lay.addWidget(self.tabs, 1)
        general = QWidget()
        form = QFormLayout(general)
        self.language = QComboBox()
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if i18n.is_chinese() else 1)
        self.language.currentIndexChanged.connect(self._language_changed)
        form.addRow(self.tr("Language"), self.language)
        self.language_note = QLabel()
        form.addRow("", self.language_note)
        self.tabs.addTab(general, self.tr("General"))

    def _language_changed(self) -> None:
        QSettings().setValue("ui/language", self.language.currentData())
        self.language_note.setText(self.tr("The new language is used from the next start."))
