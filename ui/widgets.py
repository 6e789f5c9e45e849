"""Small shared widgets: a table view that opens on Enter, a debounced search box, badges."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QLineEdit, QTableView, QWidget


class TableView(QTableView):
    """Rows select whole; Enter or double-click emits ``activated_row``; widths persist.

    Signals:
        activated_row(int): the user asked to open this row.
    """

    activated_row = Signal(int)

    def __init__(self, settings_key: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings_key = settings_key
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(26)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)
        self.setWordWrap(False)
        self.doubleClicked.connect(lambda idx: self.activated_row.emit(idx.row()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)

    def restore_widths(self, defaults: dict[int, int]) -> None:
        header = self.horizontalHeader()
        state = QSettings().value(f"columns/{self.settings_key}") if self.settings_key else None
        if state is not None and header.restoreState(state):
            return
        for col, width in defaults.items():
            self.setColumnWidth(col, width)

    def save_widths(self) -> None:
        if self.settings_key:
            QSettings().setValue(f"columns/{self.settings_key}", self.horizontalHeader().saveState())

    def selected_rows(self) -> list[int]:
        return (
            sorted({i.row() for i in self.selectionModel().selectedRows()}) if self.selectionModel() else []
        )

    def current_row(self) -> int:
        idx: QModelIndex = self.currentIndex()
        return idx.row() if idx.isValid() else -1


class SearchBox(QLineEdit):
    """Emits ``search`` a short moment after the user stops typing (and at once on Enter).

    Signals:
        search(str): the text to search for.
    """

    search = Signal(str)
    DEBOUNCE_MS = 300

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DEBOUNCE_MS)
        self._timer.timeout.connect(self._fire)
        self.textEdited.connect(lambda _t: self._timer.start())
        self.returnPressed.connect(self._fire)
        self._last: str | None = None

    def _fire(self) -> None:
        self._timer.stop()
        text = self.text().strip()
        if text != self._last:
            self._last = text
            self.search.emit(text)


def badge(text: str, color: str) -> QLabel:
    b = QLabel(text)
    b.setStyleSheet(
        f"QLabel {{ background: {color}; color: white; border-radius: 8px; padding: 2px 8px; font-weight: bold; }}"
    )
    return b


def heading(text: str, size: int = 15) -> QLabel:
    h = QLabel(text)
    f = h.font()
    f.setPointSize(size)
    f.setBold(True)
    h.setFont(f)
    return h
