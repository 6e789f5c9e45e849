"""The case file's 工程项目 tab (inspection cases): the project a complaint concerns, its liable
施工总承包单位 and its wage deposit, and linking or unlinking the project.

Read through ``casemgr.queries.projects.case_project``, written through
``casemgr.services.projects``; the services check ``project.edit`` and ``case.edit``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casemgr import permissions
from casemgr.enums import CaseKind
from casemgr.queries import projects as pq
from casemgr.services import projects
from ui import i18n
from ui.ops import Changes
from ui.projectpage import LEVEL_BG, LEVEL_FG, level_text
from ui.widgets import SearchBox

if TYPE_CHECKING:
    from ui.app import AppContext


class ChooseProjectDialog(QDialog):
    """Find a project by name or number; ``chosen`` is its id once accepted."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.chosen: int | None = None
        self.setWindowTitle(self.tr("Link to a construction project"))
        self.resize(560, 420)
        lay = QVBoxLayout(self)
        self.search = SearchBox()
        self.search.setPlaceholderText(self.tr("Project name or number"))
        lay.addWidget(self.search)
        self.list = QListWidget()
        lay.addWidget(self.list, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Link"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.search.search.connect(self._find)
        self.list.itemDoubleClicked.connect(lambda _i: self._accept())
        QTimer.singleShot(0, lambda: self._find(""))

    def _find(self, text: str) -> None:
        self.ctx.runner.read(lambda s: pq.project_choices(s, text), on_success=self._fill, parent=self)

    def _fill(self, choices: list[tuple[int, str]]) -> None:
        self.list.clear()
        for pid, label in choices:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, pid)
            self.list.addItem(item)
        if choices:
            self.list.setCurrentRow(0)

    def _accept(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen = int(item.data(Qt.ItemDataRole.UserRole))
            self.accept()


class CaseProjectPanel(QWidget):
    """What the complaint's case file shows of its project."""

    def __init__(self, ctx: AppContext, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.case_id = ctx, case_id
        self.project_id: int | None = None
        lay = QVBoxLayout(self)
        self.text = QLabel(self.tr("Loading…"))
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.text)
        self.colour = QLabel()
        self.colour.setWordWrap(True)
        self.colour.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(self.colour)
        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open project"))
        self.link_button = QPushButton(self.tr("Link to a project…"))
        self.unlink_button = QPushButton(self.tr("Unlink"))
        may = permissions.allowed(ctx.actor, "project.edit") and permissions.allowed(
            ctx.actor, "case.edit", CaseKind.INSPECTION
        )
        self.link_button.setVisible(may)
        self.unlink_button.setVisible(False)
        self.may_link = may
        self.open_button.setVisible(False)
        self.open_button.clicked.connect(self._open_project)
        self.link_button.clicked.connect(self._choose)
        self.unlink_button.clicked.connect(self._unlink)
        for b in (self.open_button, self.link_button, self.unlink_button):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addStretch(1)

    def reload(self) -> None:
        actor, cid = self.ctx.actor, self.case_id
        self.ctx.runner.read(lambda s: pq.case_project(s, actor, cid), on_success=self._show, parent=self)

    def _show(self, p: pq.CaseProject | None) -> None:
        self.project_id = None if p is None else p.project_id
        self.open_button.setVisible(p is not None)
        self.unlink_button.setVisible(p is not None and self.may_link)
        self.link_button.setText(self.tr("Link to another project…") if p else self.tr("Link to a project…"))
        if p is None:
            self.text.setText(self.tr("This complaint is not linked to a construction project."))
            self.colour.setText("")
            self.colour.setStyleSheet("")
            return
        gc = p.general_contractor
        lines = [
            self.tr("Project: %1").replace("%1", f"{p.code} {p.name}" if p.code else p.name),
            self.tr(
                "General contractor (pays first for a subcontractor's arrears, 条例 Art. 30): %1"
            ).replace(
                "%1", (f"{gc.name}（{gc.uscc}）" if gc.uscc else gc.name) if gc else self.tr("not recorded")
            ),
            self.tr("Wage deposit: %1").replace(
                "%1",
                self.tr("%1 yuan at %2, deposited %3")
                .replace("%1", i18n.fmt_money(p.deposit_amount) or "—")
                .replace("%2", p.deposit_bank or "—")
                .replace("%3", i18n.fmt_date(p.deposit_on))
                if p.deposit_on
                else self.tr("none recorded"),
            ),
            self.tr("Wage account: %1").replace(
                "%1", i18n.fmt_date(p.account_opened_on) if p.account_opened_on else self.tr("none recorded")
            ),
        ]
        self.text.setText("\n".join(lines))
        a = p.assessment
        reasons = ["• " + (r.zh if i18n.is_chinese() else r.en) for r in a.reasons]
        self.colour.setText(
            "\n".join([self.tr("Project warning colour: %1").replace("%1", level_text(a.level)), *reasons])
        )
        bg, fg = LEVEL_BG.get(a.level), LEVEL_FG.get(a.level)
        self.colour.setStyleSheet(
            f"QLabel {{ background: {bg.name()}; color: {fg.name()}; padding: 4px; }}" if bg and fg else ""
        )

    def _choose(self) -> None:
        dlg = ChooseProjectDialog(self.ctx, self)
        dlg.accepted.connect(lambda: self._link(dlg.chosen))
        dlg.open()

    def _link(self, project_id: int | None) -> None:
        if project_id is None:
            return
        actor, cid = self.ctx.actor, self.case_id
        self.ctx.runner.write(
            lambda s: projects.link_complaint(s, actor, cid, project_id).project_id,
            changes=Changes(case_ids=frozenset({cid}), employers=True),
            on_success=lambda _r: self.reload(),
            parent=self,
        )

    def _unlink(self) -> None:
        actor, cid = self.ctx.actor, self.case_id
        self.ctx.runner.write(
            lambda s: projects.unlink_complaint(s, actor, cid),
            changes=Changes(case_ids=frozenset({cid}), employers=True),
            on_success=lambda _r: self.reload(),
            parent=self,
        )

    def _open_project(self) -> None:
        if self.project_id is None:
            return
        from ui.projectdialog import ProjectDialog

        dlg = ProjectDialog(self.ctx, self.project_id, self)
        dlg.open()
