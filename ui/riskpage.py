"""风险预警 (issue 17): the ranked arrears risk warning list, a tab of the 欠薪预防 page.

Thin: the list is ``casemgr.queries.risk.RiskQuery`` read a page at a time, the score and its
explanation come stored from ``casemgr.services.risk``; this module only words them. The
factor and level names are here (``QT_TRANSLATE_NOOP``) so the employer page and the
settings page word them the same way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from casemgr import permissions
from casemgr.enums import Role
from casemgr.queries import risk as rq
from casemgr.services import risk as risk_service
from ui import i18n, labels
from ui.models import Column, PagedTableModel
from ui.ops import Changes
from ui.pages import Page, district_combo
from ui.widgets import TableView, heading

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ui.app import AppContext

LEVELS = {
    "red": QT_TRANSLATE_NOOP("Risk", "Red"),
    "orange": QT_TRANSLATE_NOOP("Risk", "Orange"),
    "yellow": QT_TRANSLATE_NOOP("Risk", "Yellow"),
}
LEVEL_COLOURS = {"red": "#c62828", "orange": "#e65100", "yellow": "#f9a825"}

#: Each factor: its name and how one fact is counted (%1 the count).
FACTORS = {
    "complaints_90d": QT_TRANSLATE_NOOP("Risk", "Complaints in the last 90 days"),
    "cases_365d": QT_TRANSLATE_NOOP("Risk", "Cases in the last 365 days"),
    "unpaid_orders": QT_TRANSLATE_NOOP("Risk", "Orders or awards not fully paid"),
    "repeat_violations": QT_TRANSLATE_NOOP("Risk", "Repeat violations found (365 days, beyond the first)"),
    "collective_365d": QT_TRANSLATE_NOOP("Risk", "Collective cases in the last 365 days"),
    "owed_per_worker": QT_TRANSLATE_NOOP("Risk", "Open arrears per worker, in months of the minimum wage"),
    "blacklisted": QT_TRANSLATE_NOOP("Risk", "On the blacklist (失信联合惩戒名单)"),
    "key_monitoring": QT_TRANSLATE_NOOP("Risk", "Under key monitoring (重点监控)"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Risk", text)


def level_label(level: str | None) -> str:
    return _tr(LEVELS[level]) if level in LEVELS else QCoreApplication.translate("Risk", "No warning")


def factor_label(code: str) -> str:
    return _tr(FACTORS[code]) if code in FACTORS else QCoreApplication.translate("Risk", "Other factor")


def explain(parts: tuple[rq.RiskPart, ...]) -> list[str]:
    """One line per scored factor: the facts, the weight, the points."""
    out = []
    for p in parts:
        line = (
            QCoreApplication.translate("Risk", "%1: %2 × %3 points = %4 points")
            .replace("%1", factor_label(p.factor))
            .replace("%2", str(p.count))
            .replace("%3", str(p.points))
            .replace("%4", str(p.score))
        )
        if p.count > p.cap:
            line += QCoreApplication.translate("Risk", " (counted up to %1)").replace("%1", str(p.cap))
        if p.factor == "owed_per_worker" and p.detail:
            line += (
                QCoreApplication.translate("Risk", " (%1 yuan per worker; minimum wage %2)")
                .replace("%1", i18n.fmt_money(_dec(p.detail.get("per_worker"))))
                .replace("%2", i18n.fmt_money(_dec(p.detail.get("minimum_wage"))))
            )
        out.append(line)
    return out


def _dec(v: str | None) -> Any:
    from decimal import Decimal, InvalidOperation

    try:
        return Decimal(v or "0")
    except InvalidOperation:
        return Decimal("0")


def setting_label(key: str) -> str | None:
    """The settings page's name of a ``risk.*`` key (None: not a risk key)."""
    part, _, code = key.removeprefix("risk.").partition(".")
    if not key.startswith("risk.") or not code:
        return None
    if part == "points":
        return QCoreApplication.translate("Risk", "Arrears risk: points per fact — %1").replace(
            "%1", factor_label(code)
        )
    if part == "cap":
        return QCoreApplication.translate("Risk", "Arrears risk: most facts counted — %1").replace(
            "%1", factor_label(code)
        )
    if part == "threshold":
        return QCoreApplication.translate("Risk", "Arrears risk: lowest score of %1").replace(
            "%1", level_label(code)
        )
    return None


def employer_risk_html(v: rq.EmployerRiskView) -> str:
    """The employer page's risk line: the level in its colour, the score, each factor, and
    the changes of level (the employer's risk history), newest first."""
    import html

    if v.level in LEVEL_COLOURS:
        head = (
            f'<span style="background:{LEVEL_COLOURS[v.level]};color:{"#000" if v.level == "yellow" else "#fff"};">'
            f"&nbsp;{html.escape(level_label(v.level))}&nbsp;</span> "
        )
    else:
        head = html.escape(level_label(None)) + " "
    head += html.escape(QCoreApplication.translate("Risk", "%1 points").replace("%1", str(v.score)))
    if v.computed_on:
        head += html.escape(
            QCoreApplication.translate("Risk", " (computed for %1)").replace(
                "%1", i18n.fmt_date(v.computed_on)
            )
        )
    lines = [head, *(html.escape("• " + line) for line in explain(v.parts))]
    for h in v.history[:5]:
        lines.append(
            html.escape(
                QCoreApplication.translate("Risk", "%1: %2 → %3 (%4 points)")
                .replace("%1", i18n.fmt_date(h.occurred_on))
                .replace("%2", level_label(h.from_level))
                .replace("%3", level_label(h.to_level))
                .replace("%4", str(h.score))
            )
        )
    return "<br>".join(lines)


RISK_COLUMNS = (
    Column("level", "RiskColumns", QT_TRANSLATE_NOOP("RiskColumns", "Level")),
    Column("score", "RiskColumns", QT_TRANSLATE_NOOP("RiskColumns", "Score"), None, True),
    Column("name", "RiskColumns", QT_TRANSLATE_NOOP("RiskColumns", "Employer")),
    Column("district", "RiskColumns", QT_TRANSLATE_NOOP("RiskColumns", "District")),
    Column("industry", "RiskColumns", QT_TRANSLATE_NOOP("RiskColumns", "Industry")),
    Column("since", "RiskColumns", QT_TRANSLATE_NOOP("RiskColumns", "Level since")),
)


class RiskTableModel(PagedTableModel):
    """The warning list, highest score first, a page at a time."""

    COLUMNS = RISK_COLUMNS

    def __init__(self, runner: Any, query: rq.RiskQuery, parent: Any = None) -> None:
        super().__init__(runner, parent)
        self.query = query

    def set_query(self, query: rq.RiskQuery) -> None:
        self.query = query
        self.reload()

    def fetch_page(self, session: Session, offset: int, limit: int) -> list[rq.RiskRow]:
        return self.query.page(session, offset, limit)

    def fetch_count(self, session: Session) -> int:
        return self.query.count(session)

    def cell(self, row: rq.RiskRow, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.UserRole:
            return row.employer_id
        if column.key == "level" and row.level in LEVEL_COLOURS:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor(LEVEL_COLOURS[row.level]))
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor("#000000" if row.level == "yellow" else "#ffffff"))
        if role == Qt.ItemDataRole.ToolTipRole and column.key in ("name", "district", "industry"):
            role = Qt.ItemDataRole.DisplayRole  # a cut 红海湾经济开发试验区 reads in full on hover
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            "level": level_label(row.level),
            "score": str(row.score),
            "name": row.name,
            "district": labels.district(row.district),
            "industry": row.industry or "",
            "since": i18n.fmt_date(row.level_since) if row.level_since else "",
        }.get(column.key)


class RiskPage(Page):
    """Ranked employers at yellow or above, filtered by district, industry and level; the
    selected one's explanation beside the list; a double click opens the employer."""

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("RiskPage", "Arrears risk warning")

    @classmethod
    def visible_to(cls, ctx: AppContext) -> bool:
        return Role(ctx.actor.role) in (Role.SUPERVISOR, Role.INSPECTOR, Role.AUDITOR)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Arrears risk warning")))
        top.addStretch(1)
        self.district = district_combo(self.tr("All districts"))
        if ctx.actor.district:
            self.district.setCurrentIndex(max(0, self.district.findData(ctx.actor.district)))
        self.industry = QComboBox()
        self.industry.addItem(self.tr("All industries"), "")
        self.level = QComboBox()
        for text, code in (
            (self.tr("All levels"), "any"),
            (level_label("red"), "red"),
            (level_label("orange"), "orange"),
            (level_label("yellow"), "yellow"),
        ):
            self.level.addItem(text, code)
        for w in (self.district, self.industry, self.level):
            top.addWidget(w)
            w.currentIndexChanged.connect(lambda _i: self.apply())
        self.refresh_button = QPushButton(self.tr("Recompute"))
        self.refresh_button.setToolTip(self.tr("Score every employer again from today's record"))
        self.refresh_button.setVisible(permissions.allowed(ctx.actor, "risk.refresh"))
        self.refresh_button.clicked.connect(self.recompute)
        top.addWidget(self.refresh_button)
        lay.addLayout(top)
        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        self.model = RiskTableModel(ctx.runner, self.current_query(), self)
        self.view = TableView("risk/list")
        self.view.setModel(self.model)
        self.view.restore_widths({0: 64, 1: 50, 2: 250, 3: 96, 4: 96, 5: 110}, dates=(5,))
        self.view.activated_row.connect(self._open_row)
        self.view.clicked.connect(lambda idx: self._explain(idx.row()))
        ll.addWidget(self.view, 1)
        self.count_label = QLabel()
        self.note = QLabel()
        foot = QHBoxLayout()
        foot.addWidget(self.count_label)
        foot.addStretch(1)
        foot.addWidget(self.note)
        ll.addLayout(foot)
        split.addWidget(left)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(6, 0, 0, 0)
        self.detail_title = heading("", 12)
        self.detail_title.setWordWrap(True)
        rl.addWidget(self.detail_title)
        self.detail = QLabel(self.tr("Select an employer to see why it is on the list."))
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        rl.addWidget(self.detail, 1)
        split.addWidget(right)
        split.setSizes([760, 400])
        lay.addWidget(split, 1)
        self.model.count_changed.connect(lambda n: self.count_label.setText(self.tr("%n employer(s)", "", n)))
        self.model.reload()
        self._load_industries()

    def current_query(self) -> rq.RiskQuery:
        return rq.RiskQuery(
            self.ctx.actor,
            district=self.district.currentData(),
            industry=str(self.industry.currentData() or ""),
            level=str(self.level.currentData()),
        )

    def apply(self) -> None:
        self.model.set_query(self.current_query())

    def _load_industries(self) -> None:
        actor = self.ctx.actor
        self.ctx.runner.read(
            lambda s: rq.risk_industries(s, actor), on_success=self._show_industries, parent=self
        )

    def _show_industries(self, names: list[str]) -> None:
        keep = self.industry.currentData()
        self.industry.blockSignals(True)
        while self.industry.count() > 1:
            self.industry.removeItem(1)
        for n in names:
            self.industry.addItem(n, n)
        self.industry.setCurrentIndex(max(0, self.industry.findData(keep)))
        self.industry.blockSignals(False)

    def _explain(self, row: int) -> None:
        r = self.model.row_at(row)
        if r is None:
            return
        self.detail_title.setText(r.name)
        lines = [
            self.tr("%1, %2 points").replace("%1", level_label(r.level)).replace("%2", str(r.score)),
            self.tr("Computed for %1").replace("%1", i18n.fmt_date(r.computed_on)),
            "",
            *(f"• {line}" for line in explain(r.parts)),
        ]
        self.detail.setText("\n".join(lines))

    def _open_row(self, row: int) -> None:
        r = self.model.row_at(row)
        if r is not None:
            self.open_employer.emit(r.employer_id)

    def recompute(self) -> None:
        actor = self.ctx.actor
        self.refresh_button.setEnabled(False)

        def done(result: risk_service.RefreshResult) -> None:
            self.refresh_button.setEnabled(True)
            self.note.setText(
                self.tr("Recomputed: %1 red, %2 orange, %3 yellow; %4 level change(s)")
                .replace("%1", str(result.by_level["red"]))
                .replace("%2", str(result.by_level["orange"]))
                .replace("%3", str(result.by_level["yellow"]))
                .replace("%4", str(result.changes))
            )

        def failed(_e: Any) -> bool:
            self.refresh_button.setEnabled(True)
            return False

        self.ctx.runner.write(
            lambda s: risk_service.refresh(s, actor),
            changes=Changes(employers=True),
            on_success=done,
            on_failure=failed,
            parent=self,
        )

    def refresh(self) -> None:
        self.model.reload()
        self._load_industries()

    def on_changed(self, changes: Changes) -> None:
        if changes.employers or changes.cases:
            self.model.reload()

    def save_state(self) -> None:
        self.view.save_widths()
