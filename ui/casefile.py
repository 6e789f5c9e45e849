"""The case file: header and flags, parties, claims, running clocks, timeline, documents,
and the steps this user may take now.

The file is loaded as plain data on a worker thread (``queries.case_detail`` plus the
masked party views of ``casemgr.privacy``) and reloaded whenever a write touches this
case, whoever made it in this program. Every step sends the version the user was looking
at, so someone else's later save becomes a "changed by X at T — reload" message instead
of being overwritten.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from casemgr import clock, errors, permissions, privacy, queries, workflow
from casemgr.enums import CaseKind
from casemgr.services import publication
from casemgr.workflow import money, records
from ui import i18n, labels
from ui.models import AMBER, RED, flag_labels
from ui.ops import Changes
from ui.publication import open_publication
from ui.widgets import FlowLayout, TableView, badge, fit_to_screen, heading

if TYPE_CHECKING:
    from ui.app import AppContext

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """A small read-only table of already formatted cells (the case file's sub-lists)."""

    def __init__(self, headers: Sequence[str], parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self._rows: list[list[str]] = []
        self._colors: list[Any] = []
        self._tips: list[str | None] = []

    def set_rows(
        self, rows: Sequence[Sequence[str]], colors: Sequence[Any] = (), tips: Sequence[str | None] = ()
    ) -> None:
        self.beginResetModel()
        self._rows = [list(r) for r in rows]
        self._colors = list(colors) or [None] * len(self._rows)
        self._tips = list(tips) or [None] * len(self._rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(self.headers):
                return self.headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if not (0 <= index.column() < len(self.headers)):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and self._colors[index.row()] is not None:
            return QBrush(self._colors[index.row()])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tips[index.row()]
        return None


class CaseFileWindow(QDialog):
    """One case, non-modal (several can be open). Esc closes it.

    Signals:
        open_employer(int): show the employer page.
        open_case(int): show a linked case.
        loaded(): the file (re)loaded.
    """

    open_employer = Signal(int)
    open_case = Signal(int)
    loaded = Signal()

    def __init__(self, ctx: AppContext, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ctx = ctx
        self.case_id = case_id
        self.detail: queries.CaseDetail | None = None
        self.party_views: list[Any] = []
        self.party_targets: list[tuple[str, int] | None] = []  # per parties row: what a double-click edits
        self.dialogs: list[QDialog] = []
        self.setWindowTitle(self.tr("Case file"))
        lay = QVBoxLayout(self)

        head = QHBoxLayout()
        self.title = heading(self.tr("Loading…"), 16)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head.addWidget(self.title)
        self.badges = QHBoxLayout()
        head.addLayout(self.badges)
        head.addStretch(1)
        reload_button = QPushButton(self.tr("Reload"))
        reload_button.setToolTip("F5")
        reload_button.clicked.connect(self.reload)
        head.addWidget(reload_button)
        lay.addLayout(head)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        lay.addWidget(self.subtitle)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("QLabel { background: #fdecea; color: #8a1c1c; padding: 6px; }")
        self.notice.hide()
        lay.addWidget(self.notice)
        # Limitation warnings (调解仲裁法 Art. 27; 监察条例 Art. 20): decided in casemgr.
        self.limitation = QLabel()
        self.limitation.setWordWrap(True)
        self.limitation.setStyleSheet("QLabel { background: #fff4e0; color: #7a4a00; padding: 6px; }")
        self.limitation.setTextFormat(Qt.TextFormat.PlainText)
        self.limitation.hide()
        lay.addWidget(self.limitation)

        # The steps and records open in a status can be a dozen buttons: they wrap onto a
        # second line rather than scroll sideways, so at 1366 pixels every one is in view.
        bar = QWidget()
        self.actions_bar = FlowLayout(bar)
        self.actions_area = bar
        lay.addWidget(bar)

        self.tabs = QTabWidget()
        lay.addWidget(self.tabs, 1)
        # overview
        overview = QWidget()
        ov = QVBoxLayout(overview)
        self.form = QFormLayout()
        self.fields: dict[str, QLabel] = {}
        for key, text in (
            ("kind", self.tr("Kind")),
            ("status", self.tr("Status")),
            ("employer", self.tr("Employer")),
            ("district", self.tr("District")),
            ("dates", self.tr("Received / accepted / closed")),
            ("amounts", self.tr("Claimed / recovered (yuan)")),
            ("workers", self.tr("Workers involved")),
            ("channel", self.tr("Received through")),
            ("assigned", self.tr("Handled by")),
            ("links", self.tr("Linked cases")),
            ("summary", self.tr("Summary")),
            ("outcome", self.tr("Outcome")),
        ):
            lab = QLabel()
            lab.setWordWrap(True)
            lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = lab
            self.form.addRow(text, lab)
        self.fields["employer"].setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.fields["employer"].linkActivated.connect(self._employer_link)
        self.fields["links"].setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.fields["links"].linkActivated.connect(lambda href: self.open_case.emit(int(href.split(":")[1])))
        ov.addLayout(self.form)
        self.parties_model = RowsModel(
            [
                self.tr("Role"),
                self.tr("Name"),
                self.tr("ID number / credit code"),
                self.tr("Phone"),
                self.tr("Migrant worker"),
            ],
            self,
        )
        pv = TableView("casefile/parties")
        pv.setModel(self.parties_model)
        pv.restore_widths({0: 110, 1: 220, 2: 200, 3: 130})
        if ctx.can("party.register"):
            pv.setToolTip(self.tr("Double-click a party to correct its details"))
            pv.activated_row.connect(self.edit_party)
        self.parties_view = pv
        ov.addWidget(QLabel(self.tr("Parties")))
        ov.addWidget(pv, 1)
        self.claims_model = RowsModel(
            [
                self.tr("Worker"),
                self.tr("Claim"),
                self.tr("Months"),
                self.tr("Claimed"),
                self.tr("Verified"),
                self.tr("Ordered"),
                self.tr("Paid"),
                self.tr("Outstanding"),
                self.tr("Final award"),
            ],
            self,
        )
        cv = TableView("casefile/claims")
        cv.setModel(self.claims_model)
        cv.restore_widths({0: 110, 1: 170, 2: 60, 3: 110, 4: 110, 5: 120, 6: 110})
        self.claims_view = cv
        self.claims_title = QLabel(self.tr("Claims"))  # the kind's own word once loaded
        ov.addWidget(self.claims_title)
        ov.addWidget(cv, 1)
        # Ordered / paid / outstanding per worker: what the enforcement ladder is about.
        self.money_label = QLabel()
        self.money_label.setWordWrap(True)
        ov.addWidget(self.money_label)
        self.tabs.addTab(overview, self.tr("Overview"))
        # clocks
        clocks = QWidget()
        cl = QVBoxLayout(clocks)
        self.clocks_model = RowsModel(
            [
                self.tr("Time limit"),
                self.tr("Started"),
                self.tr("Due"),
                self.tr("Working days left"),
                self.tr("State"),
                self.tr("Extension"),
                self.tr("Legal basis"),
            ],
            self,
        )
        self.clocks_view = TableView("casefile/clocks")
        self.clocks_view.setModel(self.clocks_model)
        # One line a clock; the full legal basis and a provisional date's reason are tooltips.
        self.clocks_view.setWordWrap(False)
        self.clocks_view.restore_widths({0: 220, 1: 120, 2: 165, 3: 90, 4: 70, 5: 170})
        cl.addWidget(self.clocks_view)
        self.tabs.addTab(clocks, self.tr("Time limits"))
        # timeline
        self.events_model = RowsModel(
            [self.tr("Date"), self.tr("What"), self.tr("Status"), self.tr("By"), self.tr("Details")], self
        )
        ev = TableView("casefile/events")
        ev.setModel(self.events_model)
        ev.setWordWrap(True)  # a step's details in full, dates never cut off
        self.events_view = ev
        ev.restore_widths({0: 130, 1: 200, 2: 200, 3: 100})
        self.tabs.addTab(ev, self.tr("Timeline"))
        # documents
        from ui.documents import DocumentsPanel

        self.documents = DocumentsPanel(ctx, case_id, self._failed, self)
        self.tabs.addTab(self.documents, self.tr("Documents"))
        self.project_panel: Any = None  # inspection cases: the 工程项目 tab (issue 17)

        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.reload)
        ctx.runner.changed.connect(self._changed)
        fit_to_screen(self, 1080, 760)
        self.reload()

    # ----------------------------------------------------------------- loading

    def reload(self) -> None:
        actor, case_id = self.ctx.actor, self.case_id

        def load(s: Any) -> tuple[queries.CaseDetail, list[Any]]:
            detail = queries.case_detail(s, actor, case_id)
            return detail, list(privacy.party_views(s, actor, case_id))

        self.ctx.runner.read(load, on_success=self._show, parent=self)

    def _changed(self, changes: Changes) -> None:
        if self.case_id in changes.case_ids:
            self.reload()

    def _show(self, result: tuple[queries.CaseDetail, list[Any]]) -> None:
        d, views = result
        self.detail, self.party_views = d, views
        r = d.row
        zh = i18n.is_chinese()
        kind = labels.label(labels.KINDS, r.kind)
        self.setWindowTitle(f"{r.number} — {kind}")
        self.title.setText(r.number)
        self._project_tab(r.kind)
        self.notice.hide()
        self.limitation.setText("\n".join((w.zh if zh else w.en) for w in d.limitation_warnings))
        self.limitation.setVisible(bool(d.limitation_warnings))
        while self.badges.count():
            item = self.badges.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        closed = r.closed_on is not None
        self.badges.addWidget(
            badge(labels.label(labels.STATUSES, r.status), "#607d8b" if closed else "#1565c0")
        )
        colors = ["#2e7d32", "#1565c0", "#6a1b9a", "#5d4037"]
        for text, color in zip(
            flag_labels(r.green_channel, r.collective, r.supervised, r.migrant_worker), colors, strict=False
        ):
            self.badges.addWidget(badge(text, color))
        if d.simple_procedure:
            self.badges.addWidget(badge(self.tr("Simple procedure"), "#00838f"))
        if d.final_award:
            self.badges.addWidget(badge(self.tr("Final award"), "#37474f"))
        self.subtitle.setText(
            self.tr("Last changed by %1 at %2")
            .replace("%1", d.updated_by or "—")
            .replace("%2", i18n.fmt_datetime(d.updated_at))
        )
        f = self.fields
        f["kind"].setText(
            kind
            + (f"（{labels.label(labels.COMPLAINT_TYPES, d.complaint_type)}）" if d.complaint_type else "")
        )
        f["status"].setText(labels.label(labels.STATUSES, r.status))
        # each kind's own words: a complaint has a 被投诉单位 and 投诉事项; only an award is 终局
        self.claims_title.setText(labels.wording(r.kind, "claims", d.complaint_type))
        self.claims_view.setColumnHidden(8, r.kind != CaseKind.ARBITRATION.value)
        heads = self.claims_model.headers
        for col, word in ((1, "claim_col"), (3, "claimed_col"), (5, "ordered_col")):
            heads[col] = labels.wording(r.kind, word, d.complaint_type)
        self.claims_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(heads) - 1)
        if d.employer_id is not None:
            f["employer"].setText(f'<a href="employer:{d.employer_id}">{_html(r.employer_name or "")}</a>')
        else:
            f["employer"].setText("")
        f["district"].setText(labels.district(r.district))
        f["dates"].setText(
            " / ".join(i18n.fmt_date(x) or "—" for x in (r.received_on, d.accepted_on, r.closed_on))
        )
        f["amounts"].setText(f"{i18n.fmt_money(r.amount_claimed)} / {i18n.fmt_money(r.amount_recovered)}")
        f["workers"].setText(str(r.workers))
        f["channel"].setText(labels.label(labels.CHANNELS, d.channel))
        f["assigned"].setText(r.assigned_to or "")
        links = []
        if d.source_case_id is not None:
            links.append(
                self.tr("from %1").replace(
                    "%1", f'<a href="case:{d.source_case_id}">{_html(d.source_case_number or "")}</a>'
                )
            )
        for cid, number in d.derived_cases:
            links.append(self.tr("became %1").replace("%1", f'<a href="case:{cid}">{_html(number)}</a>'))
        f["links"].setText("；".join(links) if links else "—")
        f["summary"].setText(d.summary or "")
        outcome = (
            labels.label(labels.OUTCOMES, r.outcome) + (f"：{d.outcome_note}" if d.outcome_note else "")
            if r.outcome
            else "—"
        )
        # After service of an award: when it takes effect (the parties' periods are listed
        # with the clocks, marked as party periods).
        if d.award_final_effective_on:
            outcome += "；" + self.tr("final items effective %1").replace(
                "%1", i18n.fmt_date(d.award_final_effective_on)
            )
        if d.award_nonfinal_effective_from:
            outcome += "；" + self.tr("other items effective %1 unless a party sues").replace(
                "%1", i18n.fmt_date(d.award_nonfinal_effective_from)
            )
        for c in d.court_filings:  # after the award: who went to court, when, in words
            outcome += "；" + (
                self.tr("%1: %2 on %3 (%4)")
                .replace("%1", labels.label(labels.CHOICES, c.party))
                .replace("%2", labels.label(labels.CHOICES, c.action))
                .replace("%3", i18n.fmt_date(c.filed_on))
                .replace("%4", labels.label(labels.CHOICES, c.part))
            )
            if c.late:
                outcome += self.tr(", after the period")
            if c.outcome:
                outcome += " → " + labels.label(labels.CHOICES, c.outcome)
        f["outcome"].setText(outcome)

        # parties: persons masked through casemgr.privacy, employers from the detail
        rows: list[list[str]] = []
        targets: list[tuple[str, int] | None] = []
        if views:
            for v in views:
                targets.append(
                    ("person", v.person_id) if v.person_id is not None else None
                )  # hidden reporter: no
                rows.append(
                    [
                        labels.party_role(r.kind, v.role, d.complaint_type),
                        v.name,
                        v.id_number or "",
                        v.phone or "",
                        "",
                    ]
                )
        else:
            for p in d.parties:
                if not p.is_employer:
                    rows.append([labels.party_role(r.kind, p.role, d.complaint_type), p.name, "", "", ""])
                    targets.append(None)  # persons this user may not see are not editable here
        migrant = {p.person_id: p.migrant_worker for p in d.parties if p.person_id is not None}
        if views:
            for row, v in zip(rows, views, strict=True):
                row[4] = self.tr("Yes") if migrant.get(getattr(v, "person_id", None)) else ""
        for p in d.parties:
            if p.is_employer:
                rows.append(
                    [
                        labels.party_role(r.kind, p.role, d.complaint_type),
                        p.name,
                        p.id_number or "",
                        p.phone or "",
                        "",
                    ]
                )
                targets.append(("employer", p.employer_id) if p.employer_id is not None else None)
        self.parties_model.set_rows(rows)
        self.party_targets = targets

        self.claims_model.set_rows(
            [
                [
                    c.worker_name or "",
                    labels.label(labels.CLAIM_TYPES, c.claim_type),
                    "" if c.months is None else str(c.months),
                    i18n.fmt_money(c.amount_claimed),
                    i18n.fmt_money(c.amount_verified),
                    i18n.fmt_money(c.amount_ordered),
                    i18n.fmt_money(c.amount_paid),
                    ""
                    if c.amount_ordered is None
                    else i18n.fmt_money(
                        money.line_outstanding(money.Line(c.id, None, c.amount_ordered, c.amount_paid))
                    ),
                    "" if c.final_award is None else (self.tr("Yes") if c.final_award else self.tr("No")),
                ]
                for c in d.claims
            ]
        )

        owed = [w for w in d.money_by_worker if w.ordered]
        self.money_label.setVisible(bool(owed))
        self.money_label.setText(
            "\n".join(
                (
                    self.tr("%1: ordered %2 (additional compensation %5 included), paid %3, outstanding %4")
                    if w.extra
                    else self.tr("%1: ordered %2, paid %3, outstanding %4")
                )
                .replace("%1", w.worker or self.tr("Whole case"))
                .replace("%2", i18n.fmt_money(w.ordered))
                .replace("%3", i18n.fmt_money(w.paid))
                .replace("%4", i18n.fmt_money(w.outstanding))
                .replace("%5", i18n.fmt_money(w.extra))
                for w in owed
            )
        )

        today = clock.today()
        clock_rows, clock_colors, clock_tips = [], [], []
        for c in d.deadlines:
            active = c.state in ("running", "paused")
            left = ""
            color = None
            tips = [c.citation or ""]
            if active:
                left = self._working_days_left(c.due_on, today)
                if not left:  # the holiday notice of a year in between is not published yet
                    left = self.tr("provisional")
                    tips[:0] = [
                        self.tr(
                            "The working days left cannot be counted yet: the holiday calendar of a year "
                            "before the due date has not been published. The due date counts weekends only."
                        )
                    ]
                if c.party_period and c.due_on < today:
                    left = self.tr("period over")  # the party's time is up; the case goes on
                elif c.state == "running" and c.due_on < today:
                    color = RED
                elif c.state == "running" and (c.due_on - today).days <= 5:
                    color = AMBER
            ext = ""
            if c.extension_approved:
                ext = self.tr("extended by %1 days").replace("%1", str(c.extended_days))
            elif c.extension_requested_on:
                ext = self.tr("requested %1").replace("%1", i18n.fmt_date(c.extension_requested_on))
            state = labels.label(labels.DEADLINE_STATES, c.state)
            if c.state == "paused" and c.paused_on:
                state += self.tr(" since %1").replace("%1", i18n.fmt_date(c.paused_on))
            due = i18n.fmt_date(c.due_on)
            if c.provisional and active:
                # The year's holiday notice is missing: the date counts weekends only. One line
                # ("2027年1月7日（暂定）"), the reason in the tooltip: a second line was cut off.
                due += self.tr(" (provisional)")
                tips[:0] = [(c.provisional_zh if zh else c.provisional_en) or ""]
            clock_rows.append(
                [
                    (c.rule_name_zh if zh else c.rule_name_en) or c.rule_code,
                    i18n.fmt_date(c.started_on),
                    due,
                    left,
                    state,
                    ext,
                    c.citation or "",
                ]
            )
            clock_colors.append(color)
            clock_tips.append("\n".join(t for t in tips if t) or None)
        self.clocks_model.set_rows(clock_rows, clock_colors, clock_tips)

        self.events_model.set_rows(
            [
                [
                    i18n.fmt_date(e.occurred_on),
                    self._event_title(r.kind, e),
                    (
                        f"{labels.label(labels.STATUSES, e.from_status)} → {labels.label(labels.STATUSES, e.to_status)}"
                        if e.from_status and e.to_status and e.from_status != e.to_status
                        else labels.label(labels.STATUSES, e.to_status)
                    ),
                    e.user_name or "",
                    self._event_details(r.kind, e),
                ]
                for e in d.events
            ]
        )
        self.events_view.resizeRowsToContents()
        self.documents.set_documents(
            d.documents, permissions.allowed(self.ctx.actor, "document.generate", r.kind)
        )
        self._build_actions(d)
        self.loaded.emit()

    def _working_days_left(self, due: dt.date, today: dt.date) -> str:
        from casemgr.deadlines import default_calendar

        cal = default_calendar()
        try:
            if due >= today:
                return str(cal.working_days_between(today, due))
            return str(-cal.working_days_between(due, today))
        except errors.CalendarError:
            return ""

    def _event_title(self, kind: str, e: queries.EventRow) -> str:
        if e.action in labels.EVENT_ACTIONS:  # e.g. 转仲裁: a named step, not a 备注
            return labels.label(labels.EVENT_ACTIONS, e.action)
        if e.action and e.kind != "service":  # a 送达 of the award is not the award step
            try:
                t = workflow.get_transition(kind, e.action)
            except errors.KnownError:
                t = None
            if t is None:  # a record (登记…) names itself too, e.g. a party's suit after the award
                t = records.get_record(kind, e.action)
            if t is not None:
                return t.name_zh if i18n.is_chinese() else t.name_en
        if e.kind == "document" and (e.action or "").startswith("reprint."):
            return self.tr("Document reprinted")
        if e.kind == "document":
            return self.tr("Document made")
        title = labels.label(labels.EVENT_KINDS, e.kind)
        if e.action in labels.CHOICES:  # a service names the document served: 送达（申请书副本）
            title += self.tr(" (%1)").replace("%1", labels.label(labels.CHOICES, e.action))
        return title

    @staticmethod
    def _event_details(kind: str, e: queries.EventRow) -> str:
        if e.kind == "document":  # its title and number; the id and checksum are for the audit
            number = e.data.get("doc_number")
            return f"{e.data.get('title', '')}（{number}）" if number else str(e.data.get("title", ""))
        return labels.event_details(kind, e.action, e.data, e.note)

    # ----------------------------------------------------------------- actions

    def record_hearing_held(self, hearing_id: int) -> Any:
        """The clerk records the hearing as held (its day has come; the service checks that)."""
        from casemgr.services import hearings

        actor, today, case_id = self.ctx.actor, clock.today(), self.case_id
        return self.ctx.runner.write(
            lambda s: hearings.record_held(s, actor, hearing_id, on=today).case_id,
            changes=Changes(case_ids=frozenset({case_id}), cases=True),
            on_success=lambda _cid: None,  # the change reloads this case file
            on_failure=self._failed,
            parent=self,
        )

    def _build_actions(self, d: queries.CaseDetail) -> None:
        while self.actions_bar.count():
            item = self.actions_bar.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.action_buttons: dict[str, QPushButton] = {}
        label = QLabel(self.tr("Actions:"))
        self.actions_bar.addWidget(label)
        zh = i18n.is_chinese()
        # Records first: a 送达回证 or a note is the everyday action, never scrolled out of sight.
        active = [c.rule_code for c in d.deadlines if c.state in ("running", "paused")]
        ran = [c.rule_code for c in d.deadlines if c.state != "cancelled"]
        self.record_actions: dict[str, QAction] = {}
        recs = records.available_records(d.row, self.ctx.actor, active, ran_clocks=ran)
        if recs:
            b = QPushButton(self.tr("Record…"))
            menu = QMenu(b)
            for r in recs:
                act = menu.addAction(r.name_zh if zh else r.name_en)
                act.triggered.connect(lambda _=False, code=r.code: self.start_record(code))
                self.record_actions[r.code] = act
            b.setMenu(menu)
            self.actions_bar.addWidget(b)
            self.action_buttons["@record"] = b
        transitions = workflow.available_transitions(d.row, self.ctx.actor)
        for t in transitions:
            b = QPushButton(t.name_zh if zh else t.name_en)
            b.clicked.connect(lambda _=False, tt=t: self.start_transition(tt.code))
            self.actions_bar.addWidget(b)
            self.action_buttons[t.code] = b
        if d.row.kind == CaseKind.MEDIATION.value and not d.derived_cases:
            try:
                from casemgr.workflow.mediation import HANDOVER_STATES
            except ImportError:
                HANDOVER_STATES = ()
            if d.row.status in HANDOVER_STATES and self.ctx.can("case.transition", CaseKind.MEDIATION):
                b = QPushButton(self.tr("Hand to arbitration"))
                b.clicked.connect(lambda _=False: self.hand_to_arbitration())
                self.actions_bar.addWidget(b)
                self.action_buttons["@hand_to_arbitration"] = b
        if d.hearing_to_record is not None and self.ctx.can("case.transition", CaseKind.ARBITRATION):
            b = QPushButton(self.tr("Record hearing as held"))
            b.setToolTip(self.tr("The hearing's day has come: record that it took place."))
            b.clicked.connect(lambda _=False, hid=d.hearing_to_record: self.record_hearing_held(hid))
            self.actions_bar.addWidget(b)
            self.action_buttons["@hearing_held"] = b
        # 阳光仲裁 (issue 21): a served award's publication copy, for the roles that may approve it
        if publication.offered(self.ctx.actor, d.row.kind, d.row.status, d.row.outcome):
            b = QPushButton(self.tr("Publication copy…"))
            b.clicked.connect(lambda _=False, cid=d.row.id: self._keep(open_publication(self.ctx, cid, self)))
            self.actions_bar.addWidget(b)
            self.action_buttons["@publication"] = b
        for c in d.deadlines:
            if c.state not in ("running", "paused") or not c.max_extension_days or c.extension_approved:
                continue
            if c.extension_requested_on and self.ctx.can("deadline.approve_extension", d.row.kind):
                b = QPushButton(self.tr("Approve extension"))
                b.clicked.connect(lambda _=False, cc=c: self.extension(cc, approve=True))
                self.actions_bar.addWidget(b)
                self.action_buttons[f"@approve:{c.id}"] = b
            elif not c.extension_requested_on and self.ctx.can("case.transition", d.row.kind):
                b = QPushButton(self.tr("Request extension"))
                b.clicked.connect(lambda _=False, cc=c: self.extension(cc, approve=False))
                self.actions_bar.addWidget(b)
                self.action_buttons[f"@request:{c.id}"] = b
        # 举报人: hidden everywhere; the handling inspector and supervisors may look, and each
        # look is audited (reporter.view) by the service that answers.
        on_case = SimpleNamespace(kind=d.row.kind, assigned_user_id=d.assigned_user_id)
        if any(getattr(v, "confidential", False) for v in self.party_views) and privacy.may_see_reporter(
            self.ctx.actor, on_case
        ):
            b = QPushButton(self.tr("Show reporter…"))
            b.clicked.connect(lambda _=False: self.show_reporter())
            self.actions_bar.addWidget(b)
            self.action_buttons["@reporter"] = b
        if not self.action_buttons:
            label.setText(self.tr("No actions available to you in this state."))

    def show_reporter(self) -> None:
        """The reporter's identity, read (and audited as reporter.view) by the service."""
        if self.detail is None:
            return
        case_id, actor = self.detail.row.id, self.ctx.actor
        self.ctx.runner.write(
            lambda s: privacy.reporter_identity(s, actor, case_id),
            changes=Changes(),  # only its audit entry is written
            on_success=self._reporter_shown,
            parent=self,
        )

    def _reporter_shown(self, views: list[Any]) -> None:
        lines = [
            self.tr("%1, ID number %2, phone %3")
            .replace("%1", v.name)
            .replace("%2", v.id_number or "—")
            .replace("%3", v.phone or "—")
            for v in views
        ]
        text = "\n".join(lines) or self.tr("No reporter is recorded on this case.")
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Reporter (confidential)"), text, parent=self)
        box.setInformativeText(
            self.tr(
                "The law requires the reporter's identity to be kept confidential. This view has been recorded."
            )
        )
        self.reporter_box = box
        box.open()

    def start_transition(self, code: str) -> QDialog | None:
        from ui.transition import TransitionDialog

        if self.detail is None:
            return None
        t = workflow.get_transition(self.detail.row.kind, code)
        if code == "schedule_hearing":  # the booking: rooms and roster read first (ui.hearing)
            from ui.hearing import open_schedule_dialog

            return open_schedule_dialog(self, t)
        dlg = TransitionDialog(self.ctx, self.detail, t, self)
        dlg.reload_requested.connect(self.reload)
        self._keep(dlg)
        dlg.open()
        return dlg

    def edit_party(self, row: int) -> None:
        """Open the correction form for the party on ``row`` (read fresh, with its version)."""
        target = self.party_targets[row] if 0 <= row < len(self.party_targets) else None
        if target is None:
            return
        kind, party_id = target
        actor = self.ctx.actor
        self.ctx.runner.read(
            lambda s: queries.party_for_edit(s, actor, kind, party_id),
            on_success=self._open_party,
            parent=self,
        )

    def _open_party(self, form: queries.PartyForEdit) -> QDialog:
        from ui.party import PartyDialog

        dlg = PartyDialog(self.ctx, form, self)
        dlg.saved.connect(self.reload)
        self._keep(dlg)
        dlg.open()
        return dlg

    def start_record(self, code: str) -> QDialog | None:
        """A 送达回证, a defence, a payment, a blacklist step or a green-channel decision."""
        from ui.transition import TransitionDialog

        if self.detail is None:
            return None
        r = records.get_record(self.detail.row.kind, code)
        if r is None:
            return None
        dlg = TransitionDialog(self.ctx, self.detail, r, self, record=True)
        dlg.reload_requested.connect(self.reload)
        self._keep(dlg)
        dlg.open()
        return dlg

    def extension(self, deadline: queries.DeadlineRow, *, approve: bool) -> QDialog | None:
        from ui.transition import ExtensionDialog

        if self.detail is None:
            return None
        dlg = ExtensionDialog(self.ctx, self.detail, deadline, approve, self)
        self._keep(dlg)
        dlg.open()
        return dlg

    def hand_to_arbitration(self, confirmed: bool = False) -> QMessageBox | None:
        """Ask first: the handover registers a new arbitration case (assigned to an arbitration
        clerk by the bureau's rule, never to the mediator) and cannot be undone here."""
        from casemgr.services import workflow as wf

        if self.detail is None:
            return None
        if not confirmed:
            box = QMessageBox(self)
            box.setIcon(QMessageBox.Icon.Question)
            box.setWindowTitle(self.tr("Hand to arbitration"))
            box.setText(
                self.tr(
                    "Register an arbitration application from mediation case %1? It goes to an "
                    "arbitration clerk under the bureau's assignment rule, and the two cases are linked."
                ).replace("%1", self.detail.row.number)
            )
            yes = box.addButton(self.tr("Register the arbitration case"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(yes)
            box.buttonClicked.connect(
                lambda b, y=yes: self.hand_to_arbitration(confirmed=True) if b is y else None
            )
            self.handover_box = box
            box.open()
            return box
        actor, case_id, version = self.ctx.actor, self.detail.row.id, self.detail.row.version
        today = clock.today()
        self.ctx.runner.write(
            lambda s: (
                wf.hand_to_arbitration(s, actor, case_id, received_on=today, expected_version=version).id
            ),
            changes=lambda new_id: Changes(case_ids=frozenset({case_id, new_id}), cases=True),
            on_success=self.open_case.emit,
            on_failure=self._failed,
            parent=self,
        )
        return None

    def _failed(self, exc: errors.KnownError) -> bool:
        self.notice.setText(exc.message(i18n.current_language()))
        self.notice.show()
        return True

    def _keep(self, dlg: QDialog) -> None:
        self.dialogs.append(dlg)
        dlg.finished.connect(lambda _=0, dd=dlg: self.dialogs.remove(dd) if dd in self.dialogs else None)

    def _project_tab(self, kind: str) -> None:
        """The complaint's construction project (issue 17), on inspection cases only."""
        from ui.projectlink import CaseProjectPanel

        if kind != "inspection":
            return
        if self.project_panel is None:
            self.project_panel = CaseProjectPanel(self.ctx, self.case_id, self)
            self.tabs.addTab(self.project_panel, self.tr("Construction project"))
        self.project_panel.reload()

    def _employer_link(self, href: str) -> None:
        self.open_employer.emit(int(href.split(":")[1]))


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
