"""Hearing scheduling on the desktop: the 确定开庭 dialog, the week's docket by room, and the
rooms and roster tab of the settings page.

Thin, as every window here: the rules (conflicts, the notice period, the tribunal's shape,
who may see a worker's name) are casemgr.services.hearings and casemgr.services.docket; a
refusal comes back as a KnownError whose Chinese text is shown beside the field it names.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStandardPaths, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from casemgr import clock, errors, queries
from casemgr.enums import CaseKind
from casemgr.services import docket as docket_service
from casemgr.services import hearings
from casemgr.workflow.model import FieldDef, TransitionDef
from ui import i18n
from ui.casefile import RowsModel
from ui.ops import Changes
from ui.pages import Page
from ui.transition import TransitionDialog, date_edit
from ui.widgets import TableView, heading

if TYPE_CHECKING:
    from ui.app import AppContext


class TribunalEditor(QWidget):
    """Two member seats beside the presiding one (leave both empty for a sole arbitrator)."""

    def __init__(
        self, arbitrators: tuple[hearings.ArbitratorInfo, ...], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.combos = [
            arbitrator_combo(arbitrators, self.tr("(none)"), self.tr("part-time")) for _ in range(2)
        ]
        for c in self.combos:
            row.addWidget(c, 1)

    def value(self) -> list[int] | None:
        ids = [c.currentData() for c in self.combos if c.currentData() is not None]
        return ids or None


def arbitrator_combo(
    arbitrators: tuple[hearings.ArbitratorInfo, ...], empty: str, part_time: str
) -> QComboBox:
    combo = QComboBox()
    combo.addItem(empty, None)
    for a in arbitrators:
        combo.addItem(a.name if a.full_time else f"{a.name}（{part_time}）", a.id)
    return combo


def select_data(combo: QComboBox, value: object) -> None:
    i = combo.findData(value)
    if i >= 0:
        combo.setCurrentIndex(i)


class HearingDialog(TransitionDialog):
    """确定开庭 with the booking: time, expected length, room and tribunal from the roster."""

    def __init__(
        self,
        ctx: AppContext,
        detail: queries.CaseDetail,
        transition: TransitionDef,
        form: hearings.ScheduleForm,
        parent: QWidget | None = None,
    ) -> None:
        self.form = form  # read by _editor while the base class builds the form
        super().__init__(ctx, detail, transition, parent)
        self.setObjectName("hearing_dialog")
        self.setMinimumWidth(620)  # a refusal names the room, the other case and both times
        if form.current:
            note = QLabel(self.tr("Replaces the hearing booked for %1.").replace("%1", form.current))
            note.setWordWrap(True)
            self.layout().insertWidget(1, note)
        presiding = self.editors["presiding_id"]
        members = self.editors["member_ids"]
        assert isinstance(presiding, QComboBox) and isinstance(members, TribunalEditor)
        ids = list(form.tribunal_ids)
        if ids and ids[0] is not None:
            select_data(presiding, ids[0])
        for combo, aid in zip(members.combos, ids[1:3], strict=False):
            if aid is not None:
                select_data(combo, aid)

    def _editor(self, f: FieldDef) -> QWidget:
        if f.name == "start_time":
            t = QTimeEdit(QTime(9, 0))
            t.setDisplayFormat("HH:mm")
            t.setTimeRange(QTime(7, 0), QTime(21, 0))
            return t
        if f.name == "duration_minutes":
            sb = QSpinBox()
            sb.setRange(15, 600)
            sb.setSingleStep(15)
            sb.setValue(hearings.DEFAULT_DURATION)
            sb.setSuffix(self.tr(" min"))
            return sb
        if f.name == "room_id":
            combo = QComboBox()
            combo.addItem(self.tr("(elsewhere: give the place below)"), None)
            for r in self.form.rooms:
                combo.addItem(f"{r.name}（{r.location}）" if r.location else r.name, r.id)
            if self.form.rooms:
                combo.setCurrentIndex(1)
            return combo
        if f.name == "presiding_id":
            return arbitrator_combo(self.form.arbitrators, self.tr("(not chosen)"), self.tr("part-time"))
        if f.name == "member_ids":
            return TribunalEditor(self.form.arbitrators)
        return super()._editor(f)

    def _failed(self, exc: errors.KnownError) -> bool:
        shown = super()._failed(exc)
        self.adjustSize()  # room for the refusal's lines under its field
        return shown

    def _value(self, f: FieldDef, w: QWidget) -> Any:
        if isinstance(w, QTimeEdit):
            return w.time().toString("HH:mm")
        if isinstance(w, TribunalEditor):
            return w.value()
        return super()._value(f, w)


# --------------------------------------------------------------------------- docket


class DocketPage(Page):
    """The hearings of a week (or a day), one column per room; prints the 开庭排期表."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("docket_page")
        self.data: Any = None
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Hearing schedule")))
        bar = QHBoxLayout()
        self.day = date_edit()
        self.span = QComboBox()
        self.span.addItem(self.tr("Week"), "week")
        self.span.addItem(self.tr("Day"), "day")
        prev_b, this_b, next_b = (
            QPushButton(self.tr("Previous")),
            QPushButton(self.tr("Today")),
            QPushButton(self.tr("Next")),
        )
        self.print_button = QPushButton(self.tr("Print schedule (PDF)…"))
        self.held_button = QPushButton(self.tr("Record as held"))
        self.held_button.setEnabled(False)
        for w in (QLabel(self.tr("Date")), self.day, self.span, prev_b, this_b, next_b):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.held_button)
        bar.addWidget(self.print_button)
        lay.addLayout(bar)
        self.title = QLabel()
        lay.addWidget(self.title)
        self.tabs = QTabWidget()
        self.grid = QTableWidget()
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setWordWrap(True)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.cellDoubleClicked.connect(self._grid_open)
        self.tabs.addTab(self.grid, self.tr("By room"))
        self.model = RowsModel(
            [
                self.tr("Date"),
                self.tr("Time"),
                self.tr("Room"),
                self.tr("Case number"),
                self.tr("Applicant"),
                self.tr("Respondent"),
                self.tr("Tribunal"),
                self.tr("Status"),
            ],
            self,
        )
        self.list = TableView("docket/list")
        self.list.setModel(self.model)
        self.list.restore_widths({0: 125, 1: 100, 2: 110, 3: 220, 4: 120, 5: 200, 6: 220, 7: 80})
        self.list.doubleClicked.connect(lambda i: self._open_entry(i.row()))
        self.list.selectionModel().selectionChanged.connect(self._selection)
        self.tabs.addTab(self.list, self.tr("List"))
        self.tabs.currentChanged.connect(self._selection)
        lay.addWidget(self.tabs, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        self.day.dateChanged.connect(self.refresh)
        self.span.currentIndexChanged.connect(self.refresh)
        prev_b.clicked.connect(lambda: self._move(-1))
        next_b.clicked.connect(lambda: self._move(1))
        this_b.clicked.connect(lambda: self.day.setDate(clock.today()))
        self.print_button.clicked.connect(self.ask_print)
        self.held_button.clicked.connect(self.record_held)
        self.refresh()

    def period(self) -> tuple[dt.date, dt.date]:
        day: dt.date = self.day.date().toPython()  # type: ignore[assignment]
        if self.span.currentData() == "day":
            return day, day
        return docket_service.week_of(day)

    def _move(self, step: int) -> None:
        days = 1 if self.span.currentData() == "day" else 7
        self.day.setDate(self.day.date().addDays(step * days))

    def refresh(self) -> None:
        first, last = self.period()
        actor, today = self.ctx.actor, clock.today()
        self.ctx.runner.read(
            lambda s: docket_service.docket(s, actor, first, last, today=today),
            on_success=self.show_docket,
            parent=self,
        )

    def on_changed(self, changes: Changes) -> None:
        if changes.cases or changes.settings:
            self.refresh()

    def state_label(self, state: str) -> str:
        return {
            "scheduled": self.tr("Scheduled"),
            "awaiting_record": self.tr("Day passed, not recorded"),
            "held": self.tr("Held"),
        }.get(state, state)

    def weekday(self, d: dt.date) -> str:
        return (
            self.tr("Monday"),
            self.tr("Tuesday"),
            self.tr("Wednesday"),
            self.tr("Thursday"),
            self.tr("Friday"),
            self.tr("Saturday"),
            self.tr("Sunday"),
        )[d.weekday()]

    def seat_text(self, e: Any) -> str:
        lead = {"presiding": self.tr("presiding"), "sole": self.tr("sole")}
        return "、".join(f"{n}（{lead[s]}）" if s in lead else n for s, n in e.tribunal)

    def show_docket(self, data: Any) -> None:
        if (data.first, data.last) != self.period():
            return  # an earlier request answered after the date was changed: its answer is stale
        self.data = data
        first, last = data.first, data.last
        span = i18n.fmt_date(first) if first == last else f"{i18n.fmt_date(first)} – {i18n.fmt_date(last)}"
        self.title.setText(
            self.tr("%1: %2 hearings").replace("%1", span).replace("%2", str(len(data.entries)))
        )
        rooms = data.by_room()
        names = list(rooms)
        days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
        self.grid.clear()
        self.grid.setColumnCount(len(names))
        self.grid.setRowCount(len(days))
        self.grid.setHorizontalHeaderLabels([n or self.tr("(place not set)") for n in names])
        self.grid.setVerticalHeaderLabels([f"{i18n.fmt_date(d)}\n{self.weekday(d)}" for d in days])
        self._cells: dict[tuple[int, int], list[Any]] = {}
        for c, name in enumerate(names):
            for e in rooms[name]:
                r = (e.hearing_date - first).days
                self._cells.setdefault((r, c), []).append(e)
        for (r, c), entries in self._cells.items():
            text = "\n\n".join(self._cell_text(e) for e in entries)
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            self.grid.setItem(r, c, item)
        self.grid.resizeRowsToContents()
        for r in range(len(days)):
            self.grid.setRowHeight(r, max(self.grid.rowHeight(r), 44))
        self.model.set_rows(
            [
                [
                    i18n.fmt_date(e.hearing_date),
                    f"{e.start}–{e.end}" if e.start else self.tr("not set"),
                    e.room,
                    e.case_number,
                    "、".join(e.applicants),
                    "、".join(e.respondents),
                    self.seat_text(e),
                    self.state_label(e.state),
                ]
                for e in data.entries
            ]
        )
        masked = self.tr("Workers' names are partly hidden for your role.") if data.masked else ""
        self.status.setText(masked)
        self._selection()

    def _cell_text(self, e: Any) -> str:
        when = f"{e.start}–{e.end}" if e.start else self.tr("time not set")
        parties = f"{'、'.join(e.applicants)} / {'、'.join(e.respondents)}"
        return f"{when}  {e.case_number}\n{parties}\n{self.seat_text(e)}  [{self.state_label(e.state)}]"

    def _selected_entry(self) -> Any:
        if self.data is None or self.tabs.currentWidget() is not self.list:
            return None
        rows = self.list.selectionModel().selectedRows()
        return self.data.entries[rows[0].row()] if rows else None

    def _selection(self, *_: object) -> None:
        e = self._selected_entry()
        self.held_button.setEnabled(
            e is not None
            and e.state == "awaiting_record"
            and self.ctx.can("case.transition", CaseKind.ARBITRATION)
        )

    def _open_entry(self, row: int) -> None:
        if self.data is not None and 0 <= row < len(self.data.entries):
            self.open_case.emit(self.data.entries[row].case_id)

    def _grid_open(self, r: int, c: int) -> None:
        entries = getattr(self, "_cells", {}).get((r, c))
        if entries:
            self.open_case.emit(entries[0].case_id)

    def record_held(self) -> Any:
        e = self._selected_entry()
        if e is None:
            return None
        actor, hid, today = self.ctx.actor, e.hearing_id, clock.today()
        return self.ctx.runner.write(
            lambda s: hearings.record_held(s, actor, hid, on=today).case_id,
            changes=lambda cid: Changes(case_ids=frozenset({cid}), cases=True),
            on_success=lambda _cid: self.status.setText(self.tr("Recorded as held.")),
            on_failure=self._failed,
            parent=self,
        )

    def _failed(self, exc: errors.KnownError) -> bool:
        self.status.setText(exc.message(i18n.current_language()))
        return True

    def ask_print(self) -> None:
        first, _last = self.period()
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = self.tr("hearing-schedule-%1.pdf").replace("%1", first.isoformat())
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save hearing schedule"), str(Path(docs) / name), self.tr("PDF files (*.pdf)")
        )
        if path:
            self.save_pdf(Path(path))

    def save_pdf(self, path: Path) -> Any:
        from casemgr.reports import docket as docket_pdf

        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        first, last = self.period()
        actor, today = self.ctx.actor, clock.today()

        def build(s: Any) -> bytes:
            return docket_pdf.pdf_bytes(docket_service.docket(s, actor, first, last, today=today))

        def done(content: bytes) -> None:
            try:
                path.write_bytes(content)
            except OSError as exc:
                self.status.setText(
                    self.tr("Could not save %1: %2").replace("%1", str(path)).replace("%2", str(exc))
                )
                return
            self.status.setText(self.tr("Saved %1").replace("%1", str(path)))

        return self.ctx.runner.read(build, on_success=done, on_failure=self._failed, parent=self)


# --------------------------------------------------------------------------- rooms and roster


class RosterEntryDialog(QDialog):
    """A room (name, address) or an arbitrator (name, full-time, linked user)."""

    def __init__(
        self, *, arbitrator: bool, users: list[Any], current: Any = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Arbitrator") if arbitrator else self.tr("Hearing room"))
        form = QFormLayout(self)
        self.name = QLineEdit(current.name if current else "")
        self.name.setMaxLength(50)
        form.addRow(self.tr("Name"), self.name)
        self.location = QLineEdit((current.location or "") if current and not arbitrator else "")
        self.full_time = QCheckBox(self.tr("Full-time arbitrator"))
        self.full_time.setChecked(current.full_time if current and arbitrator else True)
        self.user = QComboBox()
        self.user.addItem(self.tr("(not a user of this program)"), None)
        for u in users:
            self.user.addItem(u.display_name, u.id)
        if arbitrator:
            form.addRow("", self.full_time)
            form.addRow(self.tr("User account"), self.user)
            if current is not None:
                select_data(self.user, current.user_id)
        else:
            form.addRow(self.tr("Address"), self.location)
        self.active = QCheckBox(self.tr("In use"))
        self.active.setChecked(current.active if current else True)
        form.addRow("", self.active)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(380)


class HearingAdminTab(QWidget):
    """Hearing rooms and the arbitrator roster (administrators)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rooms: list[hearings.RoomInfo] = []
        self.arbitrators: list[hearings.ArbitratorInfo] = []
        self.users: list[Any] = []
        lay = QHBoxLayout(self)
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(heading(self.tr("Hearing rooms"), 13))
        self.room_model = RowsModel([self.tr("Name"), self.tr("Address"), self.tr("In use")], self)
        self.room_view = TableView("settings/rooms")
        self.room_view.setModel(self.room_model)
        self.room_view.restore_widths({0: 140, 1: 200, 2: 60})
        left.addWidget(self.room_view, 1)
        rb = QHBoxLayout()
        add_room, edit_room = QPushButton(self.tr("New room…")), QPushButton(self.tr("Change…"))
        rb.addWidget(add_room)
        rb.addWidget(edit_room)
        rb.addStretch(1)
        left.addLayout(rb)
        right.addWidget(heading(self.tr("Arbitrator roster"), 13))
        self.arb_model = RowsModel(
            [self.tr("Name"), self.tr("Full-time / part-time"), self.tr("User account"), self.tr("In use")],
            self,
        )
        self.arb_view = TableView("settings/arbitrators")
        self.arb_view.setModel(self.arb_model)
        self.arb_view.restore_widths({0: 120, 1: 100, 2: 140, 3: 60})
        right.addWidget(self.arb_view, 1)
        ab = QHBoxLayout()
        add_arb, edit_arb = QPushButton(self.tr("New arbitrator…")), QPushButton(self.tr("Change…"))
        ab.addWidget(add_arb)
        ab.addWidget(edit_arb)
        ab.addStretch(1)
        right.addLayout(ab)
        lay.addLayout(left, 1)
        lay.addLayout(right, 1)
        self.status = QLabel()
        left.addWidget(self.status)
        add_room.clicked.connect(lambda: self.ask(arbitrator=False, current=None))
        edit_room.clicked.connect(
            lambda: self.ask(arbitrator=False, current=self._selected(self.room_view, self.rooms))
        )
        add_arb.clicked.connect(lambda: self.ask(arbitrator=True, current=None))
        edit_arb.clicked.connect(
            lambda: self.ask(arbitrator=True, current=self._selected(self.arb_view, self.arbitrators))
        )
        self.room_view.doubleClicked.connect(
            lambda i: self.ask(arbitrator=False, current=self.rooms[i.row()])
        )
        self.arb_view.doubleClicked.connect(
            lambda i: self.ask(arbitrator=True, current=self.arbitrators[i.row()])
        )
        self.refresh()

    @staticmethod
    def _selected(view: TableView, rows: list[Any]) -> Any:
        sel = view.selectionModel().selectedRows()
        return rows[sel[0].row()] if sel else None

    def refresh(self) -> None:
        def load(s: Any) -> Any:
            return (
                hearings.list_rooms(s),
                hearings.list_arbitrators(s),
                queries.users(s, active_only=True),
            )

        self.ctx.runner.read(load, on_success=self._show, parent=self)

    def _show(self, result: Any) -> None:
        self.rooms, self.arbitrators, self.users = result
        yes, no = self.tr("Yes"), self.tr("No")
        names = {u.id: u.display_name for u in self.users}
        self.room_model.set_rows([[r.name, r.location or "", yes if r.active else no] for r in self.rooms])
        self.arb_model.set_rows(
            [
                [
                    a.name,
                    self.tr("Full-time") if a.full_time else self.tr("Part-time"),
                    names.get(a.user_id, "") if a.user_id else "",
                    yes if a.active else no,
                ]
                for a in self.arbitrators
            ]
        )

    def ask(self, *, arbitrator: bool, current: Any) -> RosterEntryDialog:
        dlg = RosterEntryDialog(arbitrator=arbitrator, users=self.users, current=current, parent=self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.accepted.connect(lambda d=dlg: self.save(d, arbitrator=arbitrator, current=current))
        dlg.open()
        return dlg

    def save(self, dlg: RosterEntryDialog, *, arbitrator: bool, current: Any) -> Any:
        actor = self.ctx.actor
        name, active = dlg.name.text(), dlg.active.isChecked()
        own_id = current.id if current is not None else None
        if arbitrator:
            full, user = dlg.full_time.isChecked(), dlg.user.currentData()

            def fn(s: Any) -> Any:
                return hearings.save_arbitrator(
                    s, actor, name=name, full_time=full, active=active, user_id=user, arbitrator_id=own_id
                )
        else:
            location = dlg.location.text().strip() or None

            def fn(s: Any) -> Any:
                return hearings.save_room(
                    s, actor, name=name, location=location, active=active, room_id=own_id
                )

        return self.ctx.runner.write(
            fn,
            changes=Changes(settings=True),
            on_success=lambda _r: (self.status.setText(self.tr("Saved.")), self.refresh()),
            on_failure=self._failed,
            parent=self,
        )

    def _failed(self, exc: errors.KnownError) -> bool:
        self.status.setText(exc.message(i18n.current_language()))
        return True


def open_schedule_dialog(window: Any, transition: TransitionDef) -> None:
    """From the case file: read the rooms and roster, then open :class:`HearingDialog`
    (kept as ``window.hearing_dialog``)."""
    ctx, detail = window.ctx, window.detail
    actor, case_id = ctx.actor, detail.row.id

    def show(form: hearings.ScheduleForm) -> None:
        dlg = HearingDialog(ctx, detail, transition, form, window)
        dlg.reload_requested.connect(window.reload)
        window._keep(dlg)
        window.hearing_dialog = dlg
        dlg.open()

    ctx.runner.read(lambda s: hearings.schedule_form(s, actor, case_id), on_success=show, parent=window)
