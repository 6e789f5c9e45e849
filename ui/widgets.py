"""Small shared widgets: a table view that opens on Enter, a debounced search box, badges,
and the date box every form uses, a wrapping row of buttons, a window size that fits its screen."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QModelIndex, QPoint, QRect, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
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

    #: The widest dates a cell shows: a plain one, and a provisional due date with its mark.
    WIDEST_DATE = "2026年12月31日"
    WIDEST_PROVISIONAL = "2027年12月31日（暂定）"

    def restore_widths(
        self, defaults: dict[int, int], *, dates: tuple[int, ...] = (), provisional: tuple[int, ...] = ()
    ) -> None:
        """``dates`` (``provisional``: dates that may carry the 暂定 mark) are columns at least as
        wide as the widest such date in this font: a date the clerk must read is never elided
        (a fixed 125 pixels cut "2027年1月15日（暂定）" where the system font is larger)."""
        header = self.horizontalHeader()
        state = QSettings().value(f"columns/{self.settings_key}") if self.settings_key else None
        if state is None or not header.restoreState(state):
            for col, width in defaults.items():
                self.setColumnWidth(col, width)
        fm = self.fontMetrics()
        for cols, sample in ((dates, self.WIDEST_DATE), (provisional, self.WIDEST_PROVISIONAL)):
            need = fm.horizontalAdvance(sample) + 16
            for col in cols:
                if self.columnWidth(col) < need:
                    self.setColumnWidth(col, need)

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


class DateEdit(QDateEdit):
    """A ``yyyy-MM-dd`` date box that keeps what the user types.

    QDateEdit checks every keystroke against its minimum and maximum. With a maximum of
    today (2026-11-23) and 2026-11-23 shown, typing 2026-12-08 makes the month "12" an
    intermediate 2026-12-23, beyond the maximum: Qt drops the "2", the month stays "1" and
    the box ends up at 2026-01-08, a date nobody typed. So the box's own range stays wide
    while typing, and the allowed range (``earliest``/``latest``) is judged when the date is
    read: :meth:`problem` names what is wrong, the box is marked red, and the form refuses
    to go on — a date is never changed behind the user's back.

    With ``empty_text`` the box may stay empty: it shows that text and :meth:`value` is None.

    Signals: as QDateEdit.
    """

    WIDE_MIN = QDate(1900, 1, 1)
    WIDE_MAX = QDate(2100, 12, 31)
    BAD = "QDateEdit { border: 1px solid #b00020; padding: 2px; }"  # the padding keeps the height

    def __init__(
        self,
        value: dt.date | None = None,
        *,
        earliest: dt.date | None = None,
        latest: dt.date | None = None,
        empty_text: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.earliest, self.latest = earliest, latest
        self.optional = empty_text is not None
        self.setDisplayFormat("yyyy-MM-dd")
        self.setDateRange(self.WIDE_MIN, self.WIDE_MAX)
        self.setCalendarPopup(True)
        if empty_text is not None:
            self.setSpecialValueText(empty_text)
        # the popup offers the allowed days only (typing is judged by problem())
        self.calendarWidget().setDateRange(
            QDate(earliest) if earliest else self.WIDE_MIN, QDate(latest) if latest else self.WIDE_MAX
        )
        self._advanced = False
        self.set_value(value)
        self.dateChanged.connect(lambda _d: self._mark())

    def set_value(self, value: dt.date | None) -> None:
        if value is None and not self.optional:
            raise ValueError("this date box may not be empty")
        self.setDate(QDate(value) if value is not None else self.WIDE_MIN)
        self._mark()

    def value(self) -> dt.date | None:
        if self.optional and self.date() == self.WIDE_MIN:
            return None
        return self.date().toPython()  # type: ignore[return-value]

    def problem(self) -> str | None:
        """Why the date shown may not be used (translated), or None."""
        v = self.value()
        if v is None:
            return None
        if self.latest is not None and v > self.latest:
            return self.tr("The date cannot be after %1.").replace("%1", self.latest.isoformat())
        if self.earliest is not None and v < self.earliest:
            return self.tr("The date cannot be before %1.").replace("%1", self.earliest.isoformat())
        return None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Typing a whole date works from any start: from the empty text (Qt would append the
        digits to it), from a fully selected box (Qt would ignore them) and with separators
        typed after a section Qt has already left because it was full (Qt would skip the next
        section: 2026 then "-" lands in the day). Delete or Backspace over the whole text of
        an optional box empties it."""
        text = event.text()
        whole = bool(self.text()) and self.lineEdit().selectedText() == self.text()
        if text.isdigit() and (whole or (self.optional and self.date() == self.WIDE_MIN)):
            if self.date() == self.WIDE_MIN:
                self.setDate(QDate(self.latest) if self.latest else QDate(2000, 1, 1))
            self.setSelectedSection(self.sectionAt(0))
        elif self.optional and whole and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.set_value(None)
            return
        elif text and text in "-/." and self._advanced:
            self._advanced = False  # Qt moved on already: this separator is the same step
            return
        before = self.currentSectionIndex()
        super().keyPressEvent(event)
        self._advanced = text.isdigit() and self.currentSectionIndex() != before

    def _mark(self) -> None:
        why = self.problem()
        self.setStyleSheet(self.BAD if why else "")
        self.setToolTip(why or "")


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
