"""Small shared widgets: a table view that opens on Enter, a debounced search box, badges,
a wrapping row of buttons, a window size that fits its screen."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, QRect, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QTableView,
    QWidget,
)


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


def fit_to_screen(window: QWidget, width: int, height: int, frame: int = 40) -> None:
    """Resize ``window`` to ``width`` x ``height``, or less where its screen has less room.

    ``frame`` is the title bar and borders, unknown before the window is shown: at 1366x768
    a window taller than about 697 pixels reaches under the taskbar.
    """
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(width, height)
        return
    avail = screen.availableGeometry()
    window.resize(min(width, avail.width()), min(height, avail.height() - frame))


class FlowLayout(QLayout):
    """Widgets left to right, wrapping onto the next line when the row is full (Qt's flow
    layout example): a case's steps stay in view at 1366 pixels without a sideways scrollbar."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(spacing)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line = area.x(), area.y(), 0
        gap = self.spacing()
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line > 0:
                x, y, line = area.x(), y + line + gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + gap
            line = max(line, hint.height())
        return y + line - rect.y() + m.bottom()
