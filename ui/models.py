"""Item models over the paged queries in ``casemgr.queries`` (never over all cases).

:class:`PagedTableModel` shows the first page as soon as the worker thread returns it
and asks for the next page only when the view scrolls near the end (``canFetchMore`` /
``fetchMore``); the exact count arrives separately, so a slow count never delays the first
rows. Every load carries a generation number: a page that arrives after the query
changed (a new search, a new sort) is dropped instead of being mixed in.

Column headers are marked with ``QT_TRANSLATE_NOOP`` under explicit contexts and
translated with ``QCoreApplication.translate``, because ``tr()`` in a base class would
look them up under the subclass's name (STYLE.md §8).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from sqlalchemy.orm import Session

from casemgr import clock, queries
from ui import i18n, labels
from ui.ops import OpRunner

Index = QModelIndex | QPersistentModelIndex

RED = QColor("#c62828")
AMBER = QColor("#b26a00")
GREEN = QColor("#2e7d32")
OVERDUE_BG = QColor("#fdecea")
SOON_BG = QColor("#fff4e0")


@dataclass(frozen=True)
class Column:
    key: str
    context: str
    title: str  # source text, marked for lupdate where the table is defined
    sort_key: str | None = None
    align_right: bool = False

    def header(self) -> str:
        return QCoreApplication.translate(self.context, self.title)


class PagedTableModel(QAbstractTableModel):
    """Rows from a paged query, loaded on worker threads.

    Signals:
        loaded(): the first page of a (re)load has arrived.
        count_changed(int): the exact number of rows the query matches.
        loading(bool): a page is being fetched.
    """

    loaded = Signal()
    count_changed = Signal(int)
    loading = Signal(bool)

    PAGE_SIZE = 200
    COLUMNS: Sequence[Column] = ()

    def __init__(self, runner: OpRunner, parent: Any = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._rows: list[Any] = []
        self._total: int | None = None
        self._exhausted = True
        self._fetching = False
        self._generation = 0
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.DescendingOrder

    # -- to implement ----------------------------------------------------------------

    def fetch_page(self, session: Session, offset: int, limit: int) -> list[Any]:
        raise NotImplementedError

    def fetch_count(self, session: Session) -> int:
        raise NotImplementedError

    def cell(self, row: Any, column: Column, role: int) -> Any:
        raise NotImplementedError

    def apply_sort(self, sort_key: str, descending: bool) -> None:
        """Change the query's order; the base class reloads."""

    # -- loading ---------------------------------------------------------------------

    @property
    def total(self) -> int | None:
        return self._total

    @property
    def is_loading(self) -> bool:
        return self._fetching

    def reload(self) -> None:
        """Drop what is shown and load the first page and the count again."""
        self._generation += 1
        gen = self._generation
        self.beginResetModel()
        self._rows = []
        self._total = None
        self._exhausted = False
        self._fetching = False
        self.endResetModel()
        self._fetch(gen, 0, first=True)
        self.runner.read(self.fetch_count, on_success=lambda n, g=gen: self._on_count(g, n), parent=self)

    def _on_count(self, gen: int, n: int) -> None:
        if gen != self._generation:
            return
        self._total = int(n)
        self.count_changed.emit(self._total)

    def _fetch(self, gen: int, offset: int, *, first: bool = False) -> None:
        self._fetching = True
        self.loading.emit(True)
        limit = self.PAGE_SIZE
        self.runner.read(
            lambda s: self.fetch_page(s, offset, limit),
            on_success=lambda rows, g=gen, o=offset, f=first: self._on_page(g, o, rows, f),
            on_failure=lambda exc, g=gen: self._on_fail(g),
            parent=self,
        )

    def _on_fail(self, gen: int) -> bool:
        if gen == self._generation:
            self._fetching = False
            self._exhausted = True
            self.loading.emit(False)
        return False  # let the runner show the message

    def _on_page(self, gen: int, offset: int, rows: list[Any], first: bool) -> None:
        if gen != self._generation:
            return
        self._fetching = False
        self.loading.emit(False)
        if offset != len(self._rows):
            return  # defensive: pages arrive in order because only one fetch runs at a time
        if len(rows) < self.PAGE_SIZE:
            self._exhausted = True
        if rows:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        if first:
            self.loaded.emit()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid():
            return False
        return not self._exhausted and not self._fetching

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self.canFetchMore():
            return
        self._fetch(self._generation, len(self._rows))

    # -- Qt model --------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.COLUMNS[section].header()
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if not (0 <= index.column() < len(self.COLUMNS)):
            return None
        column = self.COLUMNS[index.column()]
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.align_right:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return self.cell(row, column, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(self.COLUMNS)):
            return
        key = self.COLUMNS[column].sort_key
        if key is None:
            return
        self._sort_column, self._sort_order = column, order
        self.apply_sort(key, order == Qt.SortOrder.DescendingOrder)
        self.reload()

    def row_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[Any]:
        return list(self._rows)


# --------------------------------------------------------------------------- cases

CASE_COLUMNS = (
    Column("number", "CaseColumns", QT_TRANSLATE_NOOP("CaseColumns", "Case number"), "number"),
    Column("status", "CaseColumns", QT_TRANSLATE_NOOP("CaseColumns", "Status"), "status"),
    Column("worker", "CaseColumns", QT_TRANSLATE_NOOP("CaseColumns", "Worker")),
    Column("employer", "CaseColumns", QT_TRANSLATE_NOOP("CaseColumns", "Employer")),
    Column("district", "CaseColumns", QT_TRANSLATE_NOOP("CaseColumns", "District"), "district"),
    Column("received_on", "CaseColumns", QT_TRANSLATE_NOOP("CaseColumns", "Received"), "received_on"),
    Column("due_on", "CaseColumns", QT_TRANSLATE_NOOP("CaseColumns", "Due")),
    Column(
        "amount",
        "CaseColumns",
        QT_TRANSLATE_NOOP("CaseColumns", "Amount claimed (yuan)"),
        "amount_claimed",
        True,
    ),
    Column("workers", "CaseColumns", QT_TRANSLATE_NOOP("CaseColumns", "Workers"), "workers", True),
    Column("flags", "CaseColumns", QT_TRANSLATE_NOOP("CaseColumns", "Flags")),
    Column("assigned", "CaseColumns", QT_TRANSLATE_NOOP("CaseColumns", "Handled by")),
)


def flag_labels(green: bool, collective: bool, supervised: bool, migrant: bool = False) -> list[str]:
    out = []
    if green:
        out.append(QCoreApplication.translate("Flags", "Green channel"))
    if collective:
        out.append(QCoreApplication.translate("Flags", "Collective"))
    if supervised:
        out.append(QCoreApplication.translate("Flags", "Supervised"))
    if migrant:
        out.append(QCoreApplication.translate("Flags", "Migrant worker"))
    return out


class CaseTableModel(PagedTableModel):
    """A case list (one kind, filters, sort, search).

    Signals: as :class:`PagedTableModel`.
    """

    COLUMNS = CASE_COLUMNS

    def __init__(self, runner: OpRunner, query: queries.CaseQuery, parent: Any = None) -> None:
        super().__init__(runner, parent)
        self.query = query
        self.today: Callable[[], dt.date] = clock.today

    def set_query(self, query: queries.CaseQuery) -> None:
        self.query = query
        self.reload()

    def reload(self) -> None:
        # A new query object: its search runs again (cases may have changed since), once
        # for the first page and the count together (CaseQuery._search_plan).
        self.query = self.query.fresh()
        super().reload()

    def apply_sort(self, sort_key: str, descending: bool) -> None:
        self.query = self.query.with_sort(sort_key, descending)

    def fetch_page(self, session: Session, offset: int, limit: int) -> list[queries.CaseRow]:
        return self.query.page(session, offset, limit)

    def fetch_count(self, session: Session) -> int:
        return self.query.count(session)

    def cell(self, row: queries.CaseRow, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        key = column.key
        open_case = row.closed_on is None
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "number":
                return row.number
            if key == "status":
                return labels.label(labels.STATUSES, row.status)
            if key == "worker":
                return row.worker_name or ""
            if key == "employer":
                return row.employer_name or ""
            if key == "district":
                return labels.district(row.district)
            if key == "received_on":
                return i18n.fmt_date(row.received_on)
            if key == "due_on":
                return i18n.fmt_date(row.due_on) if open_case else ""
            if key == "amount":
                return i18n.fmt_money(row.amount_claimed)
            if key == "workers":
                return str(row.workers)
            if key == "flags":
                return "、".join(flag_labels(row.green_channel, row.collective, row.supervised))
            if key == "assigned":
                return row.assigned_to or ""
            return None
        if role == Qt.ItemDataRole.ForegroundRole and key in ("due_on", "flags"):
            if key == "due_on" and open_case and row.due_on is not None:
                today = self.today()
                if row.due_on < today:
                    return QBrush(RED)
                if (row.due_on - today).days <= 3:
                    return QBrush(AMBER)
            if key == "flags" and row.green_channel:
                return QBrush(GREEN)
        if role == Qt.ItemDataRole.ToolTipRole and key == "number":
            return labels.label(labels.KINDS, row.kind)
        if role == Qt.ItemDataRole.ToolTipRole and key in ("status", "employer", "district"):
            # in full where a narrow column elides it (告知通过争议处理程序解决 at 1366 pixels)
            return self.cell(row, column, Qt.ItemDataRole.DisplayRole) or None
        return None


# --------------------------------------------------------------------------- employers

EMPLOYER_COLUMNS = (
    Column("name", "EmployerColumns", QT_TRANSLATE_NOOP("EmployerColumns", "Employer"), "name"),
    Column("uscc", "EmployerColumns", QT_TRANSLATE_NOOP("EmployerColumns", "Credit code"), "uscc"),
    Column("district", "EmployerColumns", QT_TRANSLATE_NOOP("EmployerColumns", "District"), "district"),
    Column(
        "legal_rep",
        "EmployerColumns",
        QT_TRANSLATE_NOOP("EmployerColumns", "Legal representative"),
        "legal_rep",
    ),
    Column("cases", "EmployerColumns", QT_TRANSLATE_NOOP("EmployerColumns", "Cases"), "cases", True),
    Column("open", "EmployerColumns", QT_TRANSLATE_NOOP("EmployerColumns", "Open"), "open", True),
    Column("status", "EmployerColumns", QT_TRANSLATE_NOOP("EmployerColumns", "Watch status"), "status"),
)


def employer_status(key_monitoring: bool, blacklisted: bool) -> str:
    out = []
    if key_monitoring:
        out.append(QCoreApplication.translate("Flags", "Key monitoring"))
    if blacklisted:
        out.append(QCoreApplication.translate("Flags", "Blacklisted"))
    return "、".join(out)


class EmployerTableModel(PagedTableModel):
    """The employer list, searched by name or credit code, filtered by watch status and
    sorted on any column by the database.

    Signals: as :class:`PagedTableModel`.
    """

    COLUMNS = EMPLOYER_COLUMNS

    def __init__(
        self, runner: OpRunner, query: queries.EmployerQuery | None = None, parent: Any = None
    ) -> None:
        super().__init__(runner, parent)
        self.query = query or queries.EmployerQuery()

    def set_query(self, query: queries.EmployerQuery) -> None:
        self.query = query
        self.reload()

    def apply_sort(self, sort_key: str, descending: bool) -> None:
        # sorted by the database (EmployerQuery's ORDER BY), a page at a time: still lazy
        self.query = self.query.with_sort(sort_key, descending)

    def fetch_page(self, session: Session, offset: int, limit: int) -> list[queries.EmployerRow]:
        return self.query.page(session, offset, limit)

    def fetch_count(self, session: Session) -> int:
        return self.query.count(session)

    def cell(self, row: queries.EmployerRow, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole and column.key == "status" and row.blacklisted:
            return QBrush(RED)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            "name": row.name,
            "uscc": row.uscc or "",
            "district": labels.district(row.district),
            "legal_rep": row.legal_rep or "",
            "cases": str(row.cases_total),
            "open": str(row.open_cases),
            "status": employer_status(row.key_monitoring, row.blacklisted),
        }.get(column.key)


# --------------------------------------------------------------------------- board

BOARD_COLUMNS = (
    Column("number", "BoardColumns", QT_TRANSLATE_NOOP("BoardColumns", "Case number")),
    Column("kind", "BoardColumns", QT_TRANSLATE_NOOP("BoardColumns", "Kind")),
    Column("rule", "BoardColumns", QT_TRANSLATE_NOOP("BoardColumns", "Time limit")),
    Column("due_on", "BoardColumns", QT_TRANSLATE_NOOP("BoardColumns", "Due")),
    Column("left", "BoardColumns", QT_TRANSLATE_NOOP("BoardColumns", "Days left / late"), None, True),
    Column("worker", "BoardColumns", QT_TRANSLATE_NOOP("BoardColumns", "Worker")),
    Column("employer", "BoardColumns", QT_TRANSLATE_NOOP("BoardColumns", "Employer")),
    Column("assigned", "BoardColumns", QT_TRANSLATE_NOOP("BoardColumns", "Handled by")),
)


class BoardTableModel(QAbstractTableModel):
    """One section of the deadline board (already capped by the query, so held whole)."""

    COLUMNS = BOARD_COLUMNS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[queries.BoardEntry] = []

    def set_rows(self, rows: Sequence[queries.BoardEntry]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> queries.BoardEntry | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(self.COLUMNS):
                return self.COLUMNS[section].header()
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if not (0 <= index.column() < len(self.COLUMNS)):
            return None
        e = self._rows[index.row()]
        key = self.COLUMNS[index.column()].key
        if role == Qt.ItemDataRole.UserRole:
            return e.case_id
        if role == Qt.ItemDataRole.DisplayRole:
            rule = e.rule_name_zh if i18n.is_chinese() else e.rule_name_en
            return {
                "number": e.number,
                "kind": labels.label(labels.KINDS, e.kind),
                "rule": rule or e.rule_code or "",
                "due_on": self._due_text(e),
                "left": self._left_text(e),
                "worker": e.worker_name or "",
                "employer": e.employer_name or "",
                "assigned": e.assigned_to or "",
            }.get(key)
        if role == Qt.ItemDataRole.ToolTipRole and key == "due_on" and e.provisional:
            return e.provisional_zh if i18n.is_chinese() else e.provisional_en
        if role == Qt.ItemDataRole.BackgroundRole:
            if e.due_on < self._today():
                return QBrush(OVERDUE_BG)
            if e.working_days_left is not None and e.working_days_left <= 3:
                return QBrush(SOON_BG)
        if role == Qt.ItemDataRole.ForegroundRole and key in ("due_on", "left"):
            if e.due_on < self._today():
                return QBrush(RED)
            return QBrush(AMBER) if e.working_days_left is not None and e.working_days_left <= 3 else None
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "left":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _left_text(e: queries.BoardEntry) -> str:
        """ "3个工作日" ahead; "逾期3个工作日" / "逾期3日" past the due date, in the unit its rule
        counts in (the monthly report prints the same figure); "已中止" for a paused clock,
        whose due date moves on when it resumes."""
        if e.state == "paused":
            return QCoreApplication.translate("BoardColumns", "paused")
        if e.late_days:
            if e.late_unit == "working":
                text = QCoreApplication.translate("BoardColumns", "%1 working day(s) late")
            else:
                text = QCoreApplication.translate("BoardColumns", "%1 day(s) late")
            return text.replace("%1", str(e.late_days))
        if e.working_days_left is None:
            return ""
        text = QCoreApplication.translate("BoardColumns", "%1 working day(s)")
        return text.replace("%1", str(e.working_days_left))

    @staticmethod
    def _due_text(e: queries.BoardEntry) -> str:
        """A provisional due date says so beside the date (its note names the missing year)."""
        text = i18n.fmt_date(e.due_on)
        if e.provisional:
            text += " " + QCoreApplication.translate("BoardColumns", "(provisional)")
        return text

    @staticmethod
    def _today() -> dt.date:
        return clock.today()
