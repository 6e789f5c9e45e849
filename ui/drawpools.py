"""一单两库 tabs of the 双随机 page: the item list, the employer pool, the inspector pool and
the declared conflicts (回避). Shown to those who manage them (``inspection_plan.manage``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from casemgr.services import draw_pools
from ui import labels
from ui.drawdialogs import TextDialog, fill, selected_key, table
from ui.ops import Changes
from ui.pages import district_combo

if TYPE_CHECKING:
    from ui.app import AppContext

POOL_PAGE = 500


class _Tab(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.box = QVBoxLayout(self)
        self.bar = QHBoxLayout()
        self.box.addLayout(self.bar)

    def button(self, text: str, slot: Any) -> QPushButton:
        b = QPushButton(text)
        b.clicked.connect(slot)
        self.bar.addWidget(b)
        return b

    def refresh(self) -> None:
        raise NotImplementedError

    def ask(self, dlg: TextDialog, call: Any) -> None:
        """Open ``dlg``; on OK run ``call(session, dlg)`` as a write and keep the dialog on a refusal."""
        from ui import i18n

        def accept() -> None:
            self.ctx.runner.write(
                lambda s: call(s, dlg), changes=Changes(),
                on_success=lambda _r: (dlg.done(1), self.refresh()),
                on_failure=lambda e: (dlg.show_error(e.message(i18n.current_language())), True)[1], parent=self,
            )  # fmt: skip

        dlg.buttons.accepted.disconnect()
        dlg.buttons.accepted.connect(accept)
        dlg.open()


class ItemsTab(_Tab):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.button(self.tr("Add item…"), lambda: self.edit(None))
        self.button(self.tr("Edit…"), lambda: self.edit(selected_key(self.items)))
        self.bar.addStretch(1)
        self.items = table([self.tr("Inspection item"), self.tr("Legal basis"), self.tr("In use")])
        self.box.addWidget(self.items, 1)
        self.data: list[draw_pools.ItemInfo] = []

    def refresh(self) -> None:
        self.ctx.runner.read(draw_pools.list_items, on_success=self._show, parent=self)

    def _show(self, items: list[draw_pools.ItemInfo]) -> None:
        self.data = items
        yes, no = self.tr("Yes"), self.tr("No")
        fill(self.items, [[i.name, i.basis, yes if i.active else no] for i in items], [i.id for i in items])

    def edit(self, item_id: int | None) -> None:
        cur = next((i for i in self.data if i.id == item_id), None)
        dlg = TextDialog(
            self.tr("Inspection item"),
            [(self.tr("Item"), cur.name if cur else ""), (self.tr("Legal basis"), cur.basis if cur else "")],
            self,
        )
        dlg.add_check(self.tr("In use"), cur.active if cur else True)
        self.ask(dlg, lambda s, d: draw_pools.save_item(
            s, self.ctx.actor, *d.texts(), item_id=item_id, active=d.check.isChecked()))  # fmt: skip


class EmployersTab(_Tab):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.district = district_combo(self.tr("All districts"))
        self.industry = QLineEdit()
        self.industry.setPlaceholderText(self.tr("Industry"))
        self.bar.addWidget(self.district)
        self.bar.addWidget(self.industry)
        self.button(self.tr("Filter"), self.refresh)
        self.button(self.tr("Exclude…"), self.exclude)
        self.button(self.tr("Put back"), self.include)
        self.button(self.tr("Declare conflict…"), self.conflict)
        self.bar.addStretch(1)
        self.count = QLabel()
        self.box.addWidget(self.count)
        self.table = table(
            [self.tr("Employer"), self.tr("District"), self.tr("Industry"), self.tr("In the pool")]
        )
        self.box.addWidget(self.table, 1)
        self.inspectors: list[draw_pools.InspectorInfo] = []

    def refresh(self) -> None:
        district, industry = self.district.currentData(), self.industry.text().strip() or None

        def read(s: Any) -> tuple[int, list[draw_pools.PoolEmployer], list[draw_pools.InspectorInfo]]:
            return (len(draw_pools.employer_pool(s, district, industry)),
                    draw_pools.list_pool(s, district, industry, limit=POOL_PAGE), draw_pools.list_inspectors(s))  # fmt: skip

        self.ctx.runner.read(read, on_success=self._show, parent=self)

    def _show(
        self, payload: tuple[int, list[draw_pools.PoolEmployer], list[draw_pools.InspectorInfo]]
    ) -> None:
        n, rows, self.inspectors = payload
        text = self.tr("%1 employers in the pool under this filter.").replace("%1", str(n))
        if len(rows) == POOL_PAGE:
            text += " " + self.tr("The first %1 are listed; narrow the filter to see others.").replace(
                "%1", str(POOL_PAGE)
            )
        self.count.setText(text)
        fill(
            self.table,
            [[e.name, labels.district(e.district), e.industry or "",
              self.tr("Excluded: %1").replace("%1", e.excluded) if e.excluded else self.tr("Yes")] for e in rows],
            [e.id for e in rows],
        )  # fmt: skip

    def exclude(self) -> None:
        eid = selected_key(self.table)
        if eid is None:
            return
        dlg = TextDialog(self.tr("Exclude from the pool"), [(self.tr("Reason"), "")], self)
        self.ask(dlg, lambda s, d: draw_pools.exclude_employer(s, self.ctx.actor, eid, d.texts()[0]))

    def include(self) -> None:
        eid = selected_key(self.table)
        if eid is not None:
            self.ctx.runner.write(lambda s: draw_pools.include_employer(s, self.ctx.actor, eid), changes=Changes(),
                                  on_success=lambda _r: self.refresh(), parent=self)  # fmt: skip

    def conflict(self) -> None:
        eid = selected_key(self.table)
        if eid is None:
            return
        dlg = TextDialog(self.tr("Declare a conflict (recusal)"), [(self.tr("Ground"), "")], self)
        dlg.add_choice(self.tr("Inspector"), [(i.name, i.user_id) for i in self.inspectors])
        self.ask(dlg, lambda s, d: draw_pools.declare_conflict(
            s, self.ctx.actor, d.choice.currentData(), eid, d.texts()[0]))  # fmt: skip


class InspectorsTab(_Tab):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.button(self.tr("Edit…"), self.edit)
        self.bar.addStretch(1)
        self.table = table(
            [self.tr("Inspector"), self.tr("District"), self.tr("Certificate no."), self.tr("Can be drawn")]
        )
        self.box.addWidget(self.table, 2)
        self.box.addWidget(QLabel(self.tr("Declared conflicts (recusal)")))
        self.conflicts = table([self.tr("Inspector"), self.tr("Employer"), self.tr("Ground")])
        self.box.addWidget(self.conflicts, 1)
        self.data: list[draw_pools.InspectorInfo] = []

    def refresh(self) -> None:
        actor = self.ctx.actor
        self.ctx.runner.read(lambda s: (draw_pools.list_inspectors(s), draw_pools.list_recusals(s, actor)),
                             on_success=self._show, parent=self)  # fmt: skip

    def _show(self, payload: tuple[list[draw_pools.InspectorInfo], list[draw_pools.RecusalInfo]]) -> None:
        self.data, recusals = payload

        def state(i: draw_pools.InspectorInfo) -> str:
            if not i.cert_no:
                return self.tr("No: no enforcement certificate")
            return self.tr("Yes") if i.available else self.tr("No: %1").replace("%1", i.note or "")

        fill(self.table, [[i.name, labels.district(i.district), i.cert_no or "", state(i)] for i in self.data],
             [i.user_id for i in self.data])  # fmt: skip
        fill(
            self.conflicts,
            [[r.inspector, r.employer, r.reason] for r in recusals],
            [r.user_id for r in recusals],
        )

    def edit(self) -> None:
        uid = selected_key(self.table)
        cur = next((i for i in self.data if i.user_id == uid), None)
        if cur is None:
            return
        dlg = TextDialog(
            self.tr("Inspector: %1").replace("%1", cur.name),
            [(self.tr("Certificate no."), cur.cert_no or ""), (self.tr("Why unavailable"), cur.note or "")],
            self,
        )
        dlg.add_check(self.tr("Can be drawn"), cur.available)
        self.ask(dlg, lambda s, d: draw_pools.save_inspector(
            s, self.ctx.actor, uid, d.texts()[0], d.check.isChecked(), d.texts()[1]))  # fmt: skip
