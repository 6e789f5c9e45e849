"""Settings: language for everyone; users, calendar, deadline rules, dated settings for administrators.

Every change is one service call through the op runner (the services check
``users.manage`` / ``settings.edit`` and audit); the page only collects input and shows
what the services return. Administrator tabs are hidden for other roles, but the services
would refuse them anyway.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from casemgr import clock, errors
from casemgr.enums import Role
from ui import i18n, labels
from ui.about import show_about
from ui.app import REPORT_FONT_KEY, apply_report_font
from ui.casefile import RowsModel
from ui.ops import Changes
from ui.pages import Page
from ui.widgets import DateEdit, TableView, heading

if TYPE_CHECKING:
    from casemgr.deadlines.rules import RuleSpec
    from casemgr.services.users import UserInfo
    from ui.app import AppContext


def _error_label() -> QLabel:
    lab = QLabel()
    lab.setStyleSheet("color: #c62828;")
    lab.setWordWrap(True)
    lab.hide()
    return lab


class SettingsPage(Page):
    """Tabs per area; administrators only see the tabs that change shared data."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Settings")))
        self.tabs = QTabWidget()
        lay.addWidget(self.tabs, 1)
        general = QWidget()
        form = QFormLayout(general)
        self.language = QComboBox()
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if i18n.is_chinese() else 1)
        self.language.currentIndexChanged.connect(self._language_changed)
        form.addRow(self.tr("Language"), self.language)
        self.language_note = QLabel()
        form.addRow("", self.language_note)
        self.report_font = QLineEdit()
        self.report_font.setReadOnly(True)
        choose_font = QPushButton(self.tr("Choose…"))
        choose_font.clicked.connect(self._ask_report_font)
        default_font = QPushButton(self.tr("Use the shipped font"))
        default_font.clicked.connect(lambda: self.set_report_font(None))
        font_row = QHBoxLayout()
        font_row.addWidget(self.report_font, 1)
        font_row.addWidget(choose_font)
        font_row.addWidget(default_font)
        form.addRow(self.tr("Report font (this computer)"), font_row)
        self.report_font_note = _error_label()
        form.addRow("", self.report_font_note)
        self._show_report_font()
        about = QPushButton(self.tr("About casemgr…"))
        about.clicked.connect(lambda: show_about(self.ctx, self))
        about_row = QHBoxLayout()
        about_row.addWidget(about)
        about_row.addStretch(1)
        form.addRow("", about_row)
        self.tabs.addTab(general, self.tr("General"))
        self.users: UsersTab | None = None
        self.calendar: CalendarTab | None = None
        self.rules: RulesTab | None = None
        self.values: ValuesTab | None = None
        if ctx.can("users.manage"):
            self.users = UsersTab(ctx)
            self.tabs.addTab(self.users, self.tr("Users"))
        if ctx.can("settings.edit"):
            self.values = ValuesTab(ctx)
            self.tabs.addTab(self.values, self.tr("Bureau and amounts"))
            self.calendar = CalendarTab(ctx)
            self.tabs.addTab(self.calendar, self.tr("Holiday calendar"))
            self.rules = RulesTab(ctx)
            self.tabs.addTab(self.rules, self.tr("Deadline rules"))
            from ui.hearing import HearingAdminTab

            self.hearing_admin = HearingAdminTab(ctx)
            self.tabs.addTab(self.hearing_admin, self.tr("Hearing rooms and arbitrators"))

    def _show_report_font(self) -> None:
        chosen = str(QSettings().value(REPORT_FONT_KEY, "", str))
        self.report_font.setText(chosen or self.tr("WenQuanYi Micro Hei (shipped with the program)"))

    def _ask_report_font(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Font for the reports"), "", self.tr("TrueType fonts (*.ttf *.ttc)")
        )
        if path:
            self.set_report_font(path)

    def set_report_font(self, path: str | None) -> bool:
        """Use ``path`` (None: the shipped font) for this computer's PDFs; refuse a font that cannot print."""
        from casemgr.reports import fonts

        if path:
            problem = fonts.font_problem(path)
            if problem is not None:
                self.report_font_note.setText(problem[0] if i18n.is_chinese() else problem[1])
                self.report_font_note.show()
                return False
        QSettings().setValue(REPORT_FONT_KEY, path or "")
        apply_report_font()
        self.report_font_note.hide()
        self._show_report_font()
        return True

    def _language_changed(self) -> None:
        QSettings().setValue("ui/language", self.language.currentData())
        self.language_note.setText(self.tr("The new language is used from the next start."))

    def refresh(self) -> None:
        for tab in (self.users, self.calendar, self.rules, self.values):
            if tab is not None:
                tab.refresh()

    def on_changed(self, changes: Changes) -> None:
        if changes.users and self.users is not None:
            self.users.refresh()
        if changes.settings:
            for tab in (self.calendar, self.rules, self.values):
                if tab is not None:
                    tab.refresh()


# --------------------------------------------------------------------------- users


class NewUserDialog(QDialog):
    """User name, display name, role, district, temporary password (changed at first log-in)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New user"))
        form = QFormLayout(self)
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.role = QComboBox()
        for r in Role:
            self.role.addItem(labels.label(labels.ROLES, r.value), r.value)
        self.district = QComboBox()
        self.district.addItem(self.tr("(none)"), None)
        from casemgr.enums import DISTRICTS_SHANWEI

        for d in DISTRICTS_SHANWEI:
            self.district.addItem(labels.district(d), d)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Display name"), self.display_name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("District"), self.district)
        form.addRow(self.tr("Temporary password"), self.password)
        self.error = _error_label()
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class UsersTab(QWidget):
    """The user list and the administrator's actions on the selected user."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[UserInfo] = []
        lay = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New user…"))
        self.role_button = QPushButton(self.tr("Change role…"))
        self.district_button = QPushButton(self.tr("Change district…"))
        self.reset_button = QPushButton(self.tr("Reset password…"))
        self.active_button = QPushButton(self.tr("Deactivate / reactivate"))
        self.unlock_button = QPushButton(self.tr("Unlock"))
        for b in (
            self.new_button,
            self.role_button,
            self.district_button,
            self.reset_button,
            self.active_button,
            self.unlock_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        self.model = RowsModel(
            [
                self.tr("User name"),
                self.tr("Display name"),
                self.tr("Role"),
                self.tr("District"),
                self.tr("Active"),
                self.tr("Locked until"),
                self.tr("Last log-in"),
            ],
            self,
        )
        self.view = TableView("settings/users")
        self.view.setModel(self.model)
        self.view.restore_widths({0: 120, 1: 140, 2: 100, 3: 90, 4: 60, 5: 150, 6: 150})
        lay.addWidget(self.view, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        self.new_button.clicked.connect(lambda: self.ask_new())
        self.role_button.clicked.connect(self._ask_role)
        self.district_button.clicked.connect(self._ask_district)
        self.reset_button.clicked.connect(self._ask_reset)
        self.active_button.clicked.connect(self._toggle_active)
        self.unlock_button.clicked.connect(self._unlock)
        self.refresh()

    def refresh(self) -> None:
        from casemgr.services import users

        actor = self.ctx.actor
        self.ctx.runner.read(lambda s: users.list_users(s, actor), on_success=self._show, parent=self)

    def _show(self, rows: list[UserInfo]) -> None:
        self.rows = rows
        yes, no = self.tr("Yes"), self.tr("No")
        self.model.set_rows(
            [
                [
                    u.username,
                    u.display_name,
                    labels.label(labels.ROLES, u.role.value),
                    labels.district(u.district),
                    yes if u.active else no,
                    i18n.fmt_datetime(u.locked_until) if u.locked_until else "",
                    i18n.fmt_datetime(u.last_login_at) if u.last_login_at else "",
                ]
                for u in rows
            ]
        )

    def selected(self) -> UserInfo | None:
        r = self.view.current_row()
        return self.rows[r] if 0 <= r < len(self.rows) else None

    def _write(self, fn: Any, done: str) -> Any:
        return self.ctx.runner.write(
            fn,
            changes=Changes(users=True),
            on_success=lambda _r: self.status.setText(done),
            parent=self,
        )

    def ask_new(self) -> NewUserDialog:
        dlg = NewUserDialog(self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.accepted.connect(lambda d=dlg: self.create(d))
        dlg.open()
        return dlg

    def create(self, dlg: NewUserDialog) -> Any:
        from casemgr.services import users

        actor = self.ctx.actor
        values = (
            dlg.username.text(),
            dlg.display_name.text(),
            dlg.role.currentData(),
            dlg.password.text(),
            dlg.district.currentData(),
        )
        return self._write(
            lambda s: users.create_user(s, actor, *values[:4], district=values[4]),
            self.tr("User %1 created; they change the password at the first log-in.").replace(
                "%1", values[0]
            ),
        )

    def _ask_role(self) -> None:
        u = self.selected()
        if u is None:
            return
        names = [labels.label(labels.ROLES, r.value) for r in Role]
        choice, ok = QInputDialog.getItem(
            self, self.tr("Change role"), u.display_name, names, list(Role).index(u.role), False
        )
        if ok:
            self.set_role(u, list(Role)[names.index(choice)])

    def set_role(self, u: UserInfo, role: Role) -> Any:
        from casemgr.services import users

        actor = self.ctx.actor
        return self._write(
            lambda s: users.set_role(s, actor, u.id, role),
            self.tr("Role of %1 changed.").replace("%1", u.username),
        )

    def _ask_district(self) -> None:
        """The district a user works for: their board and lists start from it."""
        from casemgr.enums import DISTRICTS_SHANWEI

        u = self.selected()
        if u is None:
            return
        codes: list[str | None] = [None, *DISTRICTS_SHANWEI]
        names = [self.tr("(whole city)"), *(labels.district(d) for d in DISTRICTS_SHANWEI)]
        current = codes.index(u.district) if u.district in codes else 0
        choice, ok = QInputDialog.getItem(
            self, self.tr("Change district"), u.display_name, names, current, False
        )
        if ok:
            self.set_district(u, codes[names.index(choice)])

    def set_district(self, u: UserInfo, district: str | None) -> Any:
        from casemgr.services import users

        actor = self.ctx.actor
        return self._write(
            lambda s: users.set_district(s, actor, u.id, district),
            self.tr("District of %1 changed.").replace("%1", u.username),
        )

    def _ask_reset(self) -> None:
        u = self.selected()
        if u is None:
            return
        pw, ok = QInputDialog.getText(
            self, self.tr("Reset password"), self.tr("Temporary password"), QLineEdit.EchoMode.Password
        )
        if ok and pw:
            self.reset_password(u, pw)

    def reset_password(self, u: UserInfo, password: str) -> Any:
        from casemgr.services import users

        actor = self.ctx.actor
        return self._write(
            lambda s: users.reset_password(s, actor, u.id, password),
            self.tr("Password of %1 reset; they change it at the next log-in.").replace("%1", u.username),
        )

    def _toggle_active(self) -> None:
        u = self.selected()
        if u is not None:
            self.set_active(u, not u.active)

    def set_active(self, u: UserInfo, active: bool) -> Any:
        from casemgr.services import users

        actor = self.ctx.actor
        fn = users.reactivate if active else users.deactivate
        text = self.tr("%1 reactivated.") if active else self.tr("%1 deactivated.")
        return self._write(lambda s: fn(s, actor, u.id), text.replace("%1", u.username))

    def _unlock(self) -> None:
        u = self.selected()
        if u is not None:
            self.unlock(u)

    def unlock(self, u: UserInfo) -> Any:
        from casemgr.services import users

        actor = self.ctx.actor
        return self._write(
            lambda s: users.unlock(s, actor, u.id), self.tr("%1 unlocked.").replace("%1", u.username)
        )


# --------------------------------------------------------------------------- calendar


class CalendarTab(QWidget):
    """Covered years, the "calendar runs out" warning, import of a year's notice (CSV/JSON)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        lay = QVBoxLayout(self)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("QLabel { background: #fff4e0; color: #7a4a00; padding: 6px; }")
        self.warning.hide()
        lay.addWidget(self.warning)
        row = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Import a year's holidays…"))
        self.import_button.clicked.connect(self._ask_import)
        row.addWidget(self.import_button)
        hint = QLabel(
            self.tr("CSV or JSON: date, type (holiday or workday), note. Each year replaces its notice.")
        )
        hint.setWordWrap(True)
        row.addWidget(hint, 1)
        lay.addLayout(row)
        self.model = RowsModel(
            [
                self.tr("Year"),
                self.tr("Source"),
                self.tr("Holidays on file"),
                self.tr("Make-up working days"),
            ],
            self,
        )
        self.view = TableView("settings/calendar")
        self.view.setModel(self.model)
        self.view.restore_widths({0: 80, 1: 220, 2: 120, 3: 140})
        lay.addWidget(self.view, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        self.refresh()

    def refresh(self) -> None:
        from casemgr.deadlines.calendar import calendar_warning
        from casemgr.io.calendar_import import coverage

        def load(s: Session) -> Any:
            return coverage(s), calendar_warning(clock.today(), s)

        self.ctx.runner.read(load, on_success=self._show, parent=self)

    def _show(self, result: Any) -> None:
        years, warning = result
        source = {
            "package": self.tr("Built in"),
            "overrides": self.tr("Imported"),
            "both": self.tr("Built in, with imported changes"),
        }
        self.model.set_rows(
            [[str(y.year), source.get(y.source, y.source), str(y.holidays), str(y.workdays)] for y in years]
        )
        if warning is not None:
            self.warning.setText(warning.zh if i18n.is_chinese() else warning.en)
            self.warning.show()
        else:
            self.warning.hide()

    def _ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a year's holidays"), "", self.tr("Calendar files (*.csv *.json)")
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> Any:
        from casemgr.io.calendar_import import import_calendar

        actor = self.ctx.actor
        return self.ctx.runner.write(
            lambda s: import_calendar(s, actor, path),
            changes=Changes(settings=True, cases=True),  # provisional clocks were recomputed
            on_success=self._imported,
            parent=self,
        )

    def _imported(self, r: Any) -> None:
        self.status.setText(
            self.tr("Imported %1 days for %2: %3 added, %4 changed, %5 removed.")
            .replace("%1", str(r.days))
            .replace("%2", "、".join(str(y) for y in r.years))
            .replace("%3", str(r.added))
            .replace("%4", str(r.changed))
            .replace("%5", str(r.removed))
        )
        self.refresh()


# --------------------------------------------------------------------------- rules


class RuleDialog(QDialog):
    """Edit the parts of a rule an administrator may change (new clocks use them)."""

    def __init__(self, rule: RuleSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rule = rule
        zh = i18n.is_chinese()
        self.setWindowTitle(rule.name_zh if zh else rule.name_en)
        form = QFormLayout(self)
        self.length = QSpinBox()
        self.length.setRange(0, 3650)
        self.length.setValue(rule.length)
        self.extension = QSpinBox()
        self.extension.setRange(0, 3650)
        self.extension.setValue(rule.extension_days or 0)
        self.working = QCheckBox(self.tr("Working days (otherwise calendar days)"))
        self.working.setChecked(rule.working)
        self.hard = QCheckBox(self.tr("Statutory limit"))
        self.hard.setChecked(rule.hard_limit)
        self.active = QCheckBox(self.tr("In use"))
        self.active.setChecked(rule.active)
        self.citation = QPlainTextEdit(rule.citation)
        self.citation.setFixedHeight(70)
        self.citation.setTabChangesFocus(True)
        form.addRow(self.tr("Length (days)"), self.length)
        form.addRow(self.tr("Extension (days)"), self.extension)
        form.addRow("", self.working)
        form.addRow("", self.hard)
        form.addRow("", self.active)
        form.addRow(self.tr("Legal basis"), self.citation)
        note = QLabel(self.tr("Running clocks keep the period they started with."))
        note.setWordWrap(True)
        form.addRow(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def changes(self) -> dict[str, Any]:
        """Only what differs from the rule, so the audit entry shows the real change."""
        new: dict[str, Any] = {
            "length": self.length.value(),
            "extension_days": self.extension.value()
            if self.extension.value() or self.rule.extension_days
            else None,
            "day_type": "working" if self.working.isChecked() else "calendar",
            "hard_limit": self.hard.isChecked(),
            "active": self.active.isChecked(),
            "citation": self.citation.toPlainText().strip(),
        }
        old = {
            "length": self.rule.length,
            "extension_days": self.rule.extension_days,
            "day_type": self.rule.day_type,
            "hard_limit": self.rule.hard_limit,
            "active": self.rule.active,
            "citation": self.rule.citation,
        }
        return {k: v for k, v in new.items() if v != old[k]}


class RulesTab(QWidget):
    """Every deadline rule with its length, day type and legal citation."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rules: list[RuleSpec] = []
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("Edit rule…"))
        self.edit_button.clicked.connect(lambda: self.ask_edit())
        row.addWidget(self.edit_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.model = RowsModel(
            [
                self.tr("Kind"),
                self.tr("Time limit"),
                self.tr("Length"),
                self.tr("Extension"),
                self.tr("In use"),
                self.tr("Legal basis"),
            ],
            self,
        )
        self.view = TableView("settings/rules")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.restore_widths({0: 70, 1: 240, 2: 110, 3: 80, 4: 60, 5: 400})
        self.view.activated_row.connect(lambda _r: self.ask_edit())
        lay.addWidget(self.view, 1)
        self.status = QLabel()
        lay.addWidget(self.status)
        self.refresh()

    def refresh(self) -> None:
        from casemgr.deadlines.rules import all_rules

        self.ctx.runner.read(
            lambda s: sorted(all_rules(s).values(), key=lambda r: (r.kind, r.code)),
            on_success=self._show,
            parent=self,
        )

    def _show(self, rules: list[RuleSpec]) -> None:
        self.rules = rules
        zh = i18n.is_chinese()
        yes, no = self.tr("Yes"), self.tr("No")
        rows = []
        for r in rules:
            unit = self.tr("working days") if r.working else self.tr("days")
            rows.append(
                [
                    labels.label(labels.KINDS, r.kind),
                    r.name_zh if zh else r.name_en,
                    f"{r.length} {unit}",
                    "" if not r.extension_days else f"{r.extension_days} {unit}",
                    yes if r.active else no,
                    r.citation,
                ]
            )
        self.model.set_rows(rows, (), [r.citation for r in rules])
        self.view.resizeRowsToContents()

    def ask_edit(self) -> RuleDialog | None:
        r = self.view.current_row()
        if not 0 <= r < len(self.rules):
            return None
        dlg = RuleDialog(self.rules[r], self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.accepted.connect(lambda d=dlg: self.save(d.rule.code, d.changes()))
        dlg.open()
        return dlg

    def save(self, code: str, changes: dict[str, Any]) -> Any:
        if not changes:
            return None
        from casemgr.services.deadline_admin import update_rule

        actor = self.ctx.actor
        return self.ctx.runner.write(
            lambda s: update_rule(s, actor, code, **changes),
            changes=Changes(settings=True),
            on_success=lambda _r: self.status.setText(self.tr("Rule saved; new clocks use it.")),
            parent=self,
        )


# --------------------------------------------------------------------------- dated values


class ValuesTab(QWidget):
    """Bureau name, minimum wage and thresholds, each with the date it applies from."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        from casemgr.services.admin import EDITABLE_KEYS

        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.key = QComboBox()
        for k in EDITABLE_KEYS:
            self.key.addItem(self.key_label(k), k)
        form.addRow(self.tr("Setting"), self.key)
        self.current = QLabel()
        self.current.setWordWrap(True)
        form.addRow(self.tr("In force today"), self.current)
        self.value = QLineEdit()
        form.addRow(self.tr("New value"), self.value)
        # A minimum wage names the government notice that sets it (shown for that key only).
        self.notice = QLineEdit()
        self.notice.setPlaceholderText(self.tr("e.g. 粤府函〔2025〕23号"))
        self.notice_label = QLabel(self.tr("Notice (name and number)"))
        form.addRow(self.notice_label, self.notice)
        self.valid_from = DateEdit(clock.today())
        form.addRow(self.tr("Valid from"), self.valid_from)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(lambda: self.save())
        form.addRow("", self.save_button)
        self.error = _error_label()
        form.addRow(self.error)
        lay.addLayout(form)
        lay.addWidget(QLabel(self.tr("History")))
        self.model = RowsModel([self.tr("Valid from"), self.tr("Value"), self.tr("Source")], self)
        self.view = TableView("settings/values")
        self.view.setModel(self.model)
        self.view.restore_widths({0: 140, 1: 320, 2: 120})
        lay.addWidget(self.view, 1)
        self.key.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh()

    def key_label(self, key: str) -> str:
        return {
            "bureau_name": self.tr("Bureau name (reports and notices)"),
            "arbitration_commission_name": self.tr("Arbitration commission name"),
            "minimum_wage_monthly": self.tr("Monthly minimum wage (yuan)"),
            "supervision_min_amount": self.tr("Supervised case: amount from (yuan)"),
            "crime_threshold_single": self.tr("Refusal to pay wages: amount for one worker (yuan)"),
            "crime_threshold_collective": self.tr("Refusal to pay wages: amount in all (yuan)"),
            "collective_min_workers": self.tr("Collective case: workers from"),
            "supervision_min_workers": self.tr("Supervised case: workers from"),
            "idle_lock_minutes": self.tr("Lock the window after idle minutes"),
            "minimum_wage_confirmed": self.tr("Minimum wage confirmed"),
            "administrative_review_body": self.tr("Notices: where to apply for administrative review"),
            "administrative_court": self.tr("Notices: the court for administrative suits"),
            "notice_font_shipped": self.tr("Notices: always use the shipped font (not this PC's 仿宋/宋体)"),
            "extension_approvers.arbitration": self.tr(
                "Who approves arbitration extensions (role:supervisor or user:account, comma-separated)"
            ),
            "extension_approvers.inspection": self.tr(
                "Who approves inspection extensions (role:supervisor or user:account, comma-separated)"
            ),
            "extension_approvers.mediation": self.tr(
                "Who approves mediation extensions (role:supervisor or user:account, comma-separated)"
            ),
        }.get(key) or self._risk_label(key)

    @staticmethod
    def _risk_label(key: str) -> str:
        from ui.riskpage import setting_label

        return setting_label(key) or key

    def refresh(self) -> None:
        from casemgr import settings as settings_mod
        from casemgr.services.admin import setting_history

        key = str(self.key.currentData())
        is_wage = key == "minimum_wage_monthly"
        self.notice.setVisible(is_wage)
        self.notice_label.setVisible(is_wage)

        def load(s: Session) -> Any:
            return key, settings_mod.get(s, key), setting_history(s, key)

        self.ctx.runner.read(load, on_success=self._show, parent=self)

    def _fmt(self, v: Any) -> str:
        if isinstance(v, bool):
            return self.tr("Yes") if v else self.tr("No")
        if isinstance(v, list):
            return ", ".join(str(x) for x in v)
        return str(v)

    def _show(self, result: Any) -> None:
        key, value, history = result
        if key != self.key.currentData():
            return
        self.current.setText(self._fmt(value))
        self.model.set_rows(
            [
                [
                    i18n.fmt_date(h.valid_from) if h.valid_from.year > 1900 else self.tr("Always"),
                    self._fmt(h.value),
                    self.tr("Administrator") if h.stored else self.tr("Built in"),
                ]
                for h in history
            ]
        )

    def save(self) -> Any:
        from casemgr.services.admin import BOOL_KEYS, set_setting

        key = str(self.key.currentData())
        raw: Any = self.value.text().strip()
        if key in BOOL_KEYS:
            raw = {
                "1": True,
                "true": True,
                "是": True,
                "yes": True,
                "0": False,
                "false": False,
                "否": False,
            }.get(raw.lower(), raw)
        on = self.valid_from.date().toPython()
        actor = self.ctx.actor
        notice = self.notice.text() if key == "minimum_wage_monthly" else None
        self.error.hide()
        return self.ctx.runner.write(
            lambda s: set_setting(s, actor, key, raw, on, notice=notice),  # type: ignore[arg-type]
            changes=Changes(settings=True),
            on_success=lambda _r: (self.value.clear(), self.notice.clear(), self.refresh()),
            on_failure=self._refused,
            parent=self,
        )

    def _refused(self, exc: errors.KnownError) -> bool:
        self.error.setText(exc.message(i18n.current_language()))
        self.error.show()
        return True
