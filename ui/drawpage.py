"""双随机一公开 (issue 17): inspection plans, the draw, results and the 一单两库.

A tab of 欠薪预防 (ui/prevention.py). Every rule is in casemgr.services.draws / draw_pools;
this page shows and asks. Supervisors make plans and draw (``inspection_plan.manage``); an
inspector sees the plans and records the inspections of the teams they were drawn for.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from casemgr import clock, errors, permissions
from casemgr.reports import draw_publication as pub
from casemgr.services import draw_export, draw_pools, draws
from ui.drawdialogs import (
    PlanDialog,
    ResultDialog,
    SeedDialog,
    algorithm_label,
    fill,
    result_label,
    selected_key,
    status_label,
    table,
)
from ui.ops import Changes
from ui.pages import Page

if TYPE_CHECKING:
    from ui.app import AppContext


def zh_date(d: Any) -> str:
    return d.isoformat() if d else ""


class DrawPage(Page):
    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("DrawPage", "Random inspections")

    @classmethod
    def visible_to(cls, ctx: AppContext) -> bool:
        return draws.may_view(ctx.actor)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.manager = permissions.allowed(ctx.actor, draws.MANAGE)
        self.plan_id: int | None = None
        self.rows: list[draws.InspectionRow] = []
        self.tabs = QTabWidget()
        self.tabs.addTab(self._plans_tab(), self.tr("Inspection plans"))
        self.pools: list[Any] = []
        if self.manager:
            from ui.drawpools import EmployersTab, InspectorsTab, ItemsTab

            for tab, title in (
                (ItemsTab(ctx), self.tr("Inspection items")),
                (EmployersTab(ctx), self.tr("Employer pool")),
                (InspectorsTab(ctx), self.tr("Inspector pool")),
            ):
                self.pools.append(tab)
                self.tabs.addTab(tab, title)
        box = QVBoxLayout(self)
        box.setContentsMargins(6, 6, 6, 6)
        box.addWidget(self.tabs)
        self.refresh()

    # ---------------------------------------------------------------- layout

    def _plans_tab(self) -> QWidget:
        w = QWidget()
        bar = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New plan…"))
        self.seed_button = QPushButton(self.tr("Fix seed…"))
        self.draw_button = QPushButton(self.tr("Draw"))
        self.verify_button = QPushButton(self.tr("Re-run and compare"))
        self.pdf_button = QPushButton(self.tr("Publication PDF…"))
        self.xlsx_button = QPushButton(self.tr("Publication xlsx…"))
        for b, slot in (
            (self.new_button, self.new_plan), (self.seed_button, self.fix_seed), (self.draw_button, self.draw),
            (self.verify_button, self.verify), (self.pdf_button, lambda: self.export("pdf")),
            (self.xlsx_button, lambda: self.export("xlsx")),
        ):  # fmt: skip
            b.clicked.connect(slot)
            bar.addWidget(b)
        bar.addStretch(1)
        for b in (self.new_button, self.seed_button, self.draw_button):
            b.setVisible(self.manager)
        self.verify_button.setVisible(permissions.allowed(self.ctx.actor, "audit.view"))
        self.plans = table([self.tr("Plan"), self.tr("Period"), self.tr("State"), self.tr("Inspected")])
        self.plans.itemSelectionChanged.connect(self._plan_chosen)
        self.info = QLabel(self.tr("Choose a plan."))
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.inspections = table(
            [self.tr("No."), self.tr("Employer"), self.tr("District"), self.tr("Inspectors"),
             self.tr("Inspected on"), self.tr("Result"), self.tr("Case number")]
        )  # fmt: skip
        self.inspections.doubleClicked.connect(lambda _i: self.record())
        self.record_button = QPushButton(self.tr("Record result…"))
        self.record_button.clicked.connect(self.record)
        self.record_button.setVisible(permissions.allowed(self.ctx.actor, draws.RECORD))
        right = QWidget()
        rbox = QVBoxLayout(right)
        rbox.setContentsMargins(0, 0, 0, 0)
        rbox.addWidget(self.info)
        rbox.addWidget(self.inspections, 1)
        rrow = QHBoxLayout()
        rrow.addStretch(1)
        rrow.addWidget(self.record_button)
        rbox.addLayout(rrow)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.plans)
        split.addWidget(right)
        split.setSizes([150, 450])
        box = QVBoxLayout(w)
        box.addLayout(bar)
        box.addWidget(split, 1)
        return w

    # ---------------------------------------------------------------- loading

    def refresh(self) -> None:
        actor = self.ctx.actor
        self.ctx.runner.read(lambda s: draws.list_plans(s, actor), on_success=self._show_plans, parent=self)
        for tab in self.pools:
            tab.refresh()

    def on_changed(self, changes: Changes) -> None:
        if changes.settings or changes.employers:
            self.refresh()

    def _show_plans(self, plans: list[draws.PlanRow]) -> None:
        keep = self.plan_id
        fill(
            self.plans,
            [[p.name, f"{p.period_start:%Y-%m-%d}～{p.period_end:%Y-%m-%d}", status_label(p.status),
              f"{p.done}/{p.drawn}" if p.drawn else ""] for p in plans],
            [p.id for p in plans],
        )  # fmt: skip
        for r, p in enumerate(plans):
            if p.id == keep:
                self.plans.selectRow(r)
        self._buttons()

    def _plan_chosen(self) -> None:
        self.plan_id = selected_key(self.plans)
        self._load_plan()

    def _load_plan(self) -> None:
        if self.plan_id is None:
            return
        pid = self.plan_id

        def read(s: Any) -> tuple[Any, ...]:
            plan, rows = draws.plan_detail(s, self.ctx.actor, pid)
            items = {i.id: i.name for i in draw_pools.list_items(s)}
            record = draws.draw_record(s, pid) if plan.status == "drawn" else None
            facts = (plan.status, plan.seed, plan.seed_source, plan.algorithm, plan.district, plan.industry,
                     plan.sample_count, plan.sample_percent, plan.team_size, plan.item_ids)  # fmt: skip
            return facts, rows, items, len(record["employer_pool"]) if record else None  # type: ignore[arg-type]

        self.ctx.runner.read(read, on_success=self._show_plan, parent=self)

    def _show_plan(self, payload: tuple[Any, ...]) -> None:
        import json

        facts, rows, items, pool = payload
        status, seed, source, algorithm, district, industry, count, percent, team, item_ids = facts
        self.status = status
        lines = [
            self.tr("Items: %1").replace("%1", "、".join(items.get(i, "?") for i in json.loads(item_ids))),
            self.tr("Scope: %1; %2; %3 inspectors per inspection")
            .replace("%1", "、".join(x for x in (district, industry) if x) or self.tr("all employers"))
            .replace("%2", self.tr("%1 employers").replace("%1", str(count)) if count else f"{percent}%")
            .replace("%3", str(team)),
        ]
        if seed:
            lines.append(self.tr("Seed: %1 (published: %2)").replace("%1", seed).replace("%2", source or ""))
        if pool is not None:
            lines.append(
                self.tr("Drawn by %1 from a pool of %2 employers.")
                .replace("%1", algorithm_label(algorithm))
                .replace("%2", str(pool))
            )
        self.info.setText("\n".join(lines))
        self.rows = rows
        fill(
            self.inspections,
            [[str(r.rank), r.employer, r.district or "", "、".join(r.team), zh_date(r.inspected_on),
              result_label(r.result), r.case_number or ""] for r in rows],
            [r.id for r in rows],
        )  # fmt: skip
        self._buttons()

    def _buttons(self) -> None:
        status = getattr(self, "status", None) if self.plan_id is not None else None
        self.seed_button.setEnabled(status == "draft")
        self.draw_button.setEnabled(status == "seeded")
        for b in (self.verify_button, self.pdf_button, self.xlsx_button):
            b.setEnabled(status == "drawn")

    # ---------------------------------------------------------------- actions

    def _write(self, fn: Any, done: str | None = None) -> None:
        def ok(_r: object) -> None:
            if done:
                QMessageBox.information(self, self.tr("Random inspections"), done)
            self.refresh()
            self._load_plan()

        self.ctx.runner.write(fn, changes=Changes(), on_success=ok, parent=self)

    def new_plan(self) -> None:
        self.ctx.runner.read(lambda s: draw_pools.list_items(s, active_only=True), on_success=self._plan_dialog,
                             parent=self)  # fmt: skip

    def _plan_dialog(self, items: list[draw_pools.ItemInfo]) -> None:
        dlg = PlanDialog(items, self)
        dlg.setObjectName("plan-dialog")

        def accept() -> None:
            data = dlg.value()
            self.ctx.runner.write(
                lambda s: draws.create_plan(s, self.ctx.actor, data), changes=Changes(),
                on_success=lambda pid: (dlg.done(1), setattr(self, "plan_id", pid), self.refresh()),
                on_failure=lambda e: (dlg.show_error(e.message(_lang())), True)[1], parent=self,
            )  # fmt: skip

        dlg.buttons.accepted.disconnect()
        dlg.buttons.accepted.connect(accept)
        dlg.open()

    def fix_seed(self) -> None:
        if self.plan_id is None:
            return
        pid, dlg = self.plan_id, SeedDialog(self)

        def accept() -> None:
            seed, source = dlg.seed.text(), dlg.source.text()
            self.ctx.runner.write(
                lambda s: draws.fix_seed(s, self.ctx.actor, pid, seed, source), changes=Changes(),
                on_success=lambda _r: (dlg.done(1), self.refresh(), self._load_plan()),
                on_failure=lambda e: (dlg.show_error(e.message(_lang())), True)[1], parent=self,
            )  # fmt: skip

        dlg.buttons.accepted.disconnect()
        dlg.buttons.accepted.connect(accept)
        dlg.open()

    def draw(self) -> None:
        if self.plan_id is None:
            return
        pid = self.plan_id
        sure = QMessageBox.question(
            self, self.tr("Draw"),
            self.tr("Draw this plan now? The draw and its inputs are recorded and the plan cannot be drawn again."),
        )  # fmt: skip
        if sure == QMessageBox.StandardButton.Yes:
            self._write(lambda s: draws.draw(s, self.ctx.actor, pid, today=clock.today()))

    def verify(self) -> None:
        if self.plan_id is None:
            return
        pid = self.plan_id
        self.ctx.runner.read(
            lambda s: draws.verify(s, self.ctx.actor, pid), on_success=self._verified, parent=self
        )

    def _verified(self, check: draws.Verification) -> None:
        if check.ok:
            text = self.tr("Re-run from the audit record: the same %n employer(s) and inspectors.", "",
                           len(check.rerun))  # fmt: skip
            QMessageBox.information(self, self.tr("Re-run and compare"), text)
        else:
            zh = _lang().startswith("zh")
            QMessageBox.warning(self, self.tr("Re-run and compare"),
                                "\n".join(z if zh else e for z, e in check.problems))  # fmt: skip

    def record(self) -> None:
        iid = selected_key(self.inspections)
        row = next((r for r in self.rows if r.id == iid), None)
        if row is None or not self.record_button.isVisible():
            return
        dlg = ResultDialog(row.employer, self)
        dlg.setObjectName("result-dialog")

        def accept() -> None:
            day, code = dlg.day.value(), dlg.result.currentData()
            number, note = dlg.case_number.text(), dlg.note.toPlainText()
            self.ctx.runner.write(
                lambda s: draws.record_result(
                    s, self.ctx.actor, row.id, inspected_on=day or clock.today(), result=code, note=note,
                    case_number=number, today=clock.today(),
                ),
                changes=Changes(),
                on_success=lambda _r: (dlg.done(1), self.refresh(), self._load_plan()),
                on_failure=lambda e: (dlg.show_error(e.message(_lang())), True)[1], parent=self,
            )  # fmt: skip

        dlg.buttons.accepted.disconnect()
        dlg.buttons.accepted.connect(accept)
        dlg.open()

    def export(self, kind: str) -> None:
        if self.plan_id is None:
            return
        pid = self.plan_id
        self.ctx.runner.read(
            lambda s: draw_export.publication(s, self.ctx.actor, pid, today=clock.today()),
            on_success=lambda data: self._save(data, kind), parent=self,
        )  # fmt: skip

    def _save(self, data: pub.Publication, kind: str) -> None:
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        pattern = self.tr("PDF files (*.pdf)") if kind == "pdf" else self.tr("Excel workbooks (*.xlsx)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save publication"),
                                              str(Path(docs) / pub.filename(data, kind)), pattern)  # fmt: skip
        if path:
            self.save(data, kind, Path(path))

    def save(self, data: pub.Publication, kind: str, path: Path) -> None:
        try:
            if kind == "pdf":
                path.write_bytes(pub.pdf_bytes(data))
            else:
                pub.build_xlsx(data, path)
        except OSError as exc:
            from ui.app import show_known_error

            show_known_error(self, errors.from_os_error(exc))


def _lang() -> str:
    from ui import i18n

    return i18n.current_language()
