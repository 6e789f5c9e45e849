"""What a clerk sees, held to the office screen and to plain Chinese (issue 15).

Two checks for any window the walks open (tests/test_walks.py; other screens are added to
the walks as they come):

* :func:`assert_fits` — the window fits the available area of a 1366x768 screen (a 40-pixel
  taskbar and a 31-pixel title bar taken off, as on the bureau's Windows and UOS desktops),
  no window asks for more than that as its minimum, and every button of a
  ``QDialogButtonBox`` lies inside the window and inside every scroll area around it.
* :func:`assert_no_raw_code` — no visible text (window titles, labels, buttons and their
  menus, tab titles, group titles, tooltips, placeholders, combo items, table headers and
  cells through the models' DisplayRole and ToolTipRole, read-only text views) shows a code
  instead of words: a dotted code (``arb.award``), a bare hash, a value of casemgr/enums.py,
  or one of the codes users have reported (``insp_order``, ``assigned_user``, ``direct``,
  ``legal-rules``).

Why words as patterns and not a list of known strings: the next raw code will be one nobody
has listed yet, and a dotted lower-case token or a hex run is what every one so far looked like.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from casemgr import enums

SCREEN = QSize(1366, 768)
TASKBAR = 40
TITLE_BAR = 31
#: The most a window's client area may take: the screen less the taskbar and its title bar.
CLIENT = QSize(SCREEN.width(), SCREEN.height() - TASKBAR - TITLE_BAR)
#: Where a maximised main window's client area lies on that screen.
MAXIMISED = QRect(0, TITLE_BAR, CLIENT.width(), CLIENT.height())

#: Values of the domain's enums: shown as themselves they are English codes in a Chinese window.
ENUM_VALUES = frozenset(
    str(m.value)
    for e in vars(enums).values()
    if isinstance(e, type) and issubclass(e, enums.StrEnum) and e is not enums.StrEnum
    for m in e
)
#: Codes users found in the window (issue 15), whatever pattern they match.
REPORTED = ("insp_order", "assigned_user", "direct", "legal-rules")

_DOTTED = re.compile(r"[a-z_]+\.[a-z_.]+")
#: A lower-case identifier with an underscore (``arb_supplement``): a code in any language.
_SNAKE = re.compile(r"(?<![A-Za-z0-9_])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![A-Za-z0-9_])")
_HASH = re.compile(r"(?<![0-9A-Za-z])(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{8,}(?![0-9A-Za-z])")
_WORD = re.compile(r"(?<![A-Za-z_])[a-z][a-z_]*(?![A-Za-z_])")
#: File names and paths are what they are (the database's file in the status bar, a PDF saved).
_FILE = re.compile(r"\S*\.(?:db|sqlite|pdf|xlsx|csv|json|png|qm|ts)\b", re.IGNORECASE)


def raw_codes(text: str) -> list[str]:
    """The raw codes in ``text`` (empty when it reads as words)."""
    if not text:
        return []
    plain = _FILE.sub(" ", text)
    found = [m.group(0) for m in _DOTTED.finditer(plain)]
    found += [m.group(0) for m in _SNAKE.finditer(plain) if m.group(0) not in found]
    found += [m.group(0) for m in _HASH.finditer(plain)]
    found += [w for w in (m.group(0) for m in _WORD.finditer(plain)) if w in ENUM_VALUES]
    found += [code for code in REPORTED if code in plain and code not in found]
    if plain.strip() in ("?", "？"):  # a question mark nobody explains (a count not known)
        found.append(plain.strip())
    return found


def _plain(text: str) -> str:
    if "<" in text and ">" in text:
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return text


def _model_texts(view: QAbstractItemView, where: str, max_rows: int) -> Iterator[tuple[str, str]]:
    model = view.model()
    if model is None:
        return
    display, tip = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole
    root = QModelIndex()
    rows = model.rowCount(root)
    try:
        columns = model.columnCount(root)
    except TypeError:  # a list model (QListWidget's): one column, its count not public
        columns = 1
    for col in range(columns):
        for role in (display, tip):
            h = model.headerData(col, Qt.Orientation.Horizontal, role)
            if isinstance(h, str):
                yield f"{where} header {col}", h
    for row in range(min(rows, max_rows)):
        for col in range(columns):
            idx = model.index(row, col)
            for role in (display, tip):
                v = model.data(idx, role)
                if isinstance(v, str):
                    yield f"{where} cell ({row},{col})", v


def visible_texts(top: QWidget, max_rows: int = 200) -> list[tuple[str, str]]:
    """Every text a user can read in ``top`` now (hidden widgets left out), with where it is."""
    out: list[tuple[str, str]] = [("window title", top.windowTitle())]
    widgets: Iterable[QWidget] = [top, *top.findChildren(QWidget)]
    for w in widgets:
        if w is not top and not w.isVisibleTo(top):
            continue
        where = f"{type(w).__name__}({w.objectName() or '-'})"
        if w.toolTip():
            out.append((f"{where} tooltip", w.toolTip()))
        if isinstance(w, QLabel):
            out.append((where, _plain(w.text())))
        elif isinstance(w, QAbstractButton):
            out.append((where, w.text()))
            menu = getattr(w, "menu", lambda: None)()
            if menu is not None:
                out += [(f"{where} menu", a.text()) for a in menu.actions()]
                out += [(f"{where} menu tip", a.toolTip()) for a in menu.actions() if a.toolTip() != a.text()]
        elif isinstance(w, QComboBox):
            out += [(f"{where} item {i}", w.itemText(i)) for i in range(w.count())]
        elif isinstance(w, QLineEdit):
            out.append((f"{where} placeholder", w.placeholderText()))
            if w.isReadOnly():
                out.append((where, w.text()))
        elif isinstance(w, QGroupBox):
            out.append((where, w.title()))
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                out += [(f"{where} tab {i}", w.tabText(i)), (f"{where} tab tip {i}", w.tabToolTip(i))]
        elif isinstance(w, QTextEdit | QPlainTextEdit) and w.isReadOnly():
            out.append((where, w.toPlainText()))
        if isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView):
            out += list(_model_texts(w, where, max_rows))
    return [(where, t) for where, t in out if t]


def assert_no_raw_code(top: QWidget, *, allow: Iterable[str] = ()) -> None:
    """No visible text of ``top`` shows a raw code (``allow``: exact texts known to be fine)."""
    allowed = set(allow)
    # Where the data lives (a file path, a server and database name the administrator chose)
    # is the user's own text, not a code: a PostgreSQL test database is called t_8693371ad100.
    allowed |= {w.text() for w in top.findChildren(QLabel, "database_label")}
    bad = [
        f"{where}: {text!r} -> {codes}"
        for where, text in visible_texts(top)
        if text not in allowed and (codes := raw_codes(text))
    ]
    assert not bad, "raw codes in the window:\n" + "\n".join(bad)


def _inside_every_clip(w: QWidget, top: QWidget) -> bool:
    """``w`` is entirely inside each parent up to ``top`` (a scroll area's viewport included)."""
    rect = w.rect()
    child, parent = w, w.parentWidget()
    while parent is not None:
        rect = QRect(child.mapTo(parent, rect.topLeft()), rect.size())
        if not parent.rect().contains(rect):
            return False
        if parent is top:
            return True
        child, parent = parent, parent.parentWidget()
    return False


def assert_fits(top: QWidget, name: str = "") -> None:
    """``top`` fits the office screen as it is shown, and could not be made to need more."""
    what = name or type(top).__name__
    assert top.isVisible(), f"{what} is not shown"
    QApplication.processEvents()
    size, minimum = top.size(), top.minimumSizeHint().expandedTo(top.minimumSize())
    if top.isMaximized():  # the window manager gives it the screen's room; only its minimum counts
        size = size.boundedTo(CLIENT)
    assert size.width() <= CLIENT.width() and size.height() <= CLIENT.height(), (
        f"{what} is {size.width()}x{size.height()}, the screen leaves {CLIENT.width()}x{CLIENT.height()}"
    )
    assert minimum.width() <= CLIENT.width() and minimum.height() <= CLIENT.height(), (
        f"{what} needs at least {minimum.width()}x{minimum.height()}"
    )
    for box in top.findChildren(QDialogButtonBox):
        if not box.isVisibleTo(top):
            continue
        for b in box.buttons():
            if b.isVisibleTo(top):
                assert _inside_every_clip(b, top), f"{what}: button {b.text()!r} is cut off or scrolled away"


_DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{2}-\d{2}")
#: A cell's text margins (Fusion and the Windows style: 3-4 pixels a side, plus the grid line).
CELL_PADDING = 10


def cut_dates(top: QWidget, max_rows: int = 50) -> list[str]:
    """Cells of the visible tables whose date does not fit its column ("2027年1月14日..."):
    a date the clerk must read is never elided."""
    found = []
    for view in top.findChildren(QTableView):
        if not view.isVisibleTo(top) or view.model() is None:
            continue
        model, fm = view.model(), view.fontMetrics()
        for row in range(min(model.rowCount(), max_rows)):
            for col in range(model.columnCount()):
                if view.isColumnHidden(col):
                    continue
                text = model.data(model.index(row, col), Qt.ItemDataRole.DisplayRole)
                if not isinstance(text, str) or not _DATE.search(text):
                    continue
                room = max(view.columnWidth(col) - CELL_PADDING, 1)
                lines = sum(max(1, -(-fm.horizontalAdvance(line) // room)) for line in text.split("\n"))
                if view.wordWrap() and lines * fm.lineSpacing() + 4 > view.rowHeight(row):
                    found.append(
                        f"({row},{col}) {text!r}: {lines} lines in a {view.rowHeight(row)}-pixel row"
                    )
                    continue
                if view.wordWrap():  # the words after it wrap; the date itself must fit
                    need = max(fm.horizontalAdvance(m.group(0)) for m in _DATE.finditer(text))
                else:
                    need = fm.horizontalAdvance(text.replace("\n", " "))
                if need + CELL_PADDING > view.columnWidth(col):
                    found.append(
                        f"({row},{col}) {text!r}: {need + CELL_PADDING} > {view.columnWidth(col)} px"
                    )
    return found


def assert_dates_not_cut(top: QWidget, name: str = "") -> None:
    bad = cut_dates(top)
    assert not bad, f"{name or type(top).__name__}: dates cut off:\n" + "\n".join(bad)


def assert_window_ok(top: QWidget, name: str = "", *, allow: Iterable[str] = (), dates: bool = True) -> None:
    """All three checks (``dates=False``: a screen whose cut dates another change is fixing).

    With ``CASEMGR_WALK_SHOTS=<folder>`` each window checked is also saved there as a PNG, to
    be looked at (the checks cannot tell an ugly screen from a good one)."""
    shots = os.environ.get("CASEMGR_WALK_SHOTS")
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
        slug = re.sub(r"[^\w-]+", "-", name or type(top).__name__).strip("-")
        top.grab().save(str(Path(shots) / f"{slug}.png"))
    assert_fits(top, name)
    assert_no_raw_code(top, allow=allow)
    if dates:
        assert_dates_not_cut(top, name)


def each_tab(tabs: QTabWidget) -> Iterator[int]:
    """Make each tab current in turn (what the user reads is on the current tab only)."""
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        yield i


def scrollbar_needed(area: QAbstractScrollArea) -> bool:
    bar = area.horizontalScrollBar()
    return bar.maximum() > bar.minimum()


def is_main_window(w: QWidget) -> bool:
    return isinstance(w, QMainWindow)
