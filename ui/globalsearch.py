"""The global search's results: every kind of case the user may view, one page at a time.

The main window's toolbar holds the search box; this window lists what
``casemgr.queries.GlobalSearch`` returns (a lazy model: 200 rows, more as the view
scrolls), says what matched on each row (masked, as every list), and opens a case file on
Enter or a double-click. The rules (which kinds, what is masked, reporters never matched)
are the query's; this module only shows them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QHeaderView, QLabel, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from casemgr import queries
from casemgr.queries import globalsearch as gs
from ui import i18n, labels
from ui.models import Column, PagedTableModel
from ui.ops import OpRunner
from ui.widgets import SearchBox, TableView

if TYPE_CHECKING:
    from ui.app import AppContext

_C = "SearchColumns"
SEARCH_COLUMNS = (
    Column("number", _C, QT_TRANSLATE_NOOP("SearchColumns", "Case number")),
    Column("kind", _C, QT_TRANSLATE_NOOP("SearchColumns", "Kind")),
    Column("status", _C, QT_TRANSLATE_NOOP("SearchColumns", "Status")),
    Column("matched", _C, QT_TRANSLATE_NOOP("SearchColumns", "Matched")),
    Column("worker", _C, QT_TRANSLATE_NOOP("SearchColumns", "Worker")),
    Column("employer", _C, QT_TRANSLATE_NOOP("SearchColumns", "Employer")),
    Column("received_on", _C, QT_TRANSLATE_NOOP("SearchColumns", "Received")),
    Column("assigned", _C, QT_TRANSLATE_NOOP("SearchColumns", "Handled by")),
)

_FIELDS = {
    gs.MATCH_NUMBER: QT_TRANSLATE_NOOP("SearchColumns", "case number"),
    gs.MATCH_NAME: QT_TRANSLATE_NOOP("SearchColumns", "name"),
    gs.MATCH_ID_NUMBER: QT_TRANSLATE_NOOP("SearchColumns", "ID number"),
    gs.MATCH_ID_LAST4: QT_TRANSLATE_NOOP("SearchColumns", "last 4 of ID number"),
    gs.MATCH_PHONE: QT_TRANSLATE_NOOP("SearchColumns", "phone"),
    gs.MATCH_EMPLOYER: QT_TRANSLATE_NOOP("SearchColumns", "employer name"),
    gs.MATCH_USCC: QT_TRANSLATE_NOOP("SearchColumns", "credit code"),
}


def match_text(m: gs.Match) -> str:
    """ "身份证号后4位：申请人 周晓梅 4415**********1234 138****8000" — masked, as the query gave it."""
    what = QCoreApplication.translate(_C, _FIELDS.get(m.field, m.field))
    if m.field == gs.MATCH_NUMBER:
        return what
    parts = [labels.label(labels.PARTY_ROLES, m.role)] if m.role else []
    parts += [p for p in (m.name, m.id_number, m.phone, m.uscc) if p]
    return f"{what}：{' '.join(parts)}"


class SearchResultsModel(PagedTableModel):
    """The global search's rows (``queries.SearchHit``), fetched a page at a time."""

    COLUMNS = SEARCH_COLUMNS

    def __init__(self, runner: OpRunner, search: queries.GlobalSearch, parent: Any = None) -> None:
        super().__init__(runner, parent)
        self.search = search

    def set_search(self, search: queries.GlobalSearch) -> None:
        self.search = search
        self.reload()

    def fetch_page(self, session: Session, offset: int, limit: int) -> list[queries.SearchHit]:
        return self.search.page(session, offset, limit)

    def fetch_count(self, session: Session) -> int:
        return self.search.count(session)

    def cell(self, row: queries.SearchHit, column: Column, role: int) -> Any:
        c = row.case
        if role == Qt.ItemDataRole.UserRole:
            return c.id
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        key = column.key
        if key == "matched":
            text = "；".join(match_text(m) for m in row.matches)
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return None
        return {
            "number": c.number,
            "kind": labels.label(labels.KINDS, c.kind),
            "status": labels.label(labels.STATUSES, c.status),
            "worker": c.worker_name or "",
            "employer": c.employer_name or "",
            "received_on": i18n.fmt_date(c.received_on),
            "assigned": c.assigned_to or "",
        }.get(key)


class GlobalSearchWindow(QDialog):
    """Results of a search across every kind; refine the text here, open a case with Enter.

    Signals:
        open_case(int): the user asked to open this case.
    """

    open_case = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("global_search")
        self.setWindowTitle(self.tr("Search all cases"))
        self.setModal(False)
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.box = SearchBox()
        self.box.setPlaceholderText(placeholder())
        top.addWidget(self.box, 1)
        lay.addLayout(top)
        self.hint = QLabel(
            self.tr(
                "ID numbers and phones are shown masked; open the case file to see more. "
                "Reporters' identities are never searched."
            )
        )
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        lay.addWidget(self.hint)
        self.model = SearchResultsModel(ctx.runner, queries.GlobalSearch(ctx.actor, ""), self)
        self.view = TableView("global_search")
        self.view.setModel(self.model)
        self.view.restore_widths({0: 230, 1: 70, 2: 100, 3: 340, 4: 70, 5: 200, 6: 110, 7: 90}, dates=(6,))
        # The match column takes what the others leave: at 1366×768 a fixed 420 pixels pushed
        # 承办人 out of view behind a sideways scrollbar; the full match is in its tooltip.
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.view.activated_row.connect(self._open_row)
        lay.addWidget(self.view, 1)
        self.count_label = QLabel()
        lay.addWidget(self.count_label)
        self.model.count_changed.connect(self._show_count)
        self.model.loading.connect(
            lambda busy: self.count_label.setText(self.tr("Loading…")) if busy else None
        )
        self.box.search.connect(self.run)
        self.resize(1100, 560)

    def run(self, text: str) -> None:
        """Search for ``text`` (the toolbar box or this window's own)."""
        if self.box.text() != text:
            self.box.setText(text)
        search = queries.GlobalSearch(self.ctx.actor, text)
        if not search.searchable:
            self.model.set_search(search)
            self.count_label.setText(self.tr("Type at least two characters or some digits."))
            return
        self.model.set_search(search)

    def _show_count(self, n: int) -> None:
        if not self.model.search.searchable:
            return
        if self.model.search.count_is_capped(n):
            self.count_label.setText(
                self.tr("More than %1 cases: narrow the search").replace("%1", f"{queries.SEARCH_LIMIT:,}")
            )
        elif n == 0:
            self.count_label.setText(self.tr("No case found."))
        else:
            self.count_label.setText(self.tr("%n case(s)", "", n))

    def _open_row(self, row: int) -> None:
        hit = self.model.row_at(row)
        if hit is not None:
            self.open_case.emit(hit.case.id)

    def done(self, r: int) -> None:
        self.view.save_widths()
        super().done(r)


def placeholder() -> str:
    return QCoreApplication.translate(
        "GlobalSearchWindow",
        "Search all cases: name, ID number or its last 4 digits, phone, case number, employer",
    )
