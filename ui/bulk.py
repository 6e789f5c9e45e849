"""Bulk actions on the selected rows of a case list: reassign, close with a reason, print notices.

Why one op per case: each case is one audited service call in its own transaction, so a
refusal on one case (wrong state, changed by someone else, a notice that needs a field the
case lacks) never undoes or blocks the others, and the summary can say exactly what
happened to which case. The ops run one after another (SQLite has one writer anyway),
off the GUI thread; the dialog only collects the choice and shows the summary.

Which closing steps are offered comes from the workflow tables
(``casemgr.workflow.available_transitions``); the services decide whether each case may
take it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from casemgr import errors, queries, workflow
from casemgr.enums import CaseKind
from casemgr.workflow.model import TransitionDef
from ui import i18n, labels
from ui.ops import Changes

if TYPE_CHECKING:
    from ui.app import AppContext


@dataclass(frozen=True)
class Outcome:
    """What happened to one case."""

    case_id: int
    number: str
    ok: bool
    message: str  # in the UI language: the refusal, or what was done


class BulkRun(QObject):
    """Runs one write op per case, in order, and collects the outcomes.

    Signals:
        progress(int, int): cases done, cases in all.
        finished(list): the :class:`Outcome` list, in the order of the rows.
    """

    progress = Signal(int, int)
    finished = Signal(list)

    def __init__(
        self,
        ctx: AppContext,
        rows: Sequence[queries.CaseRow],
        call: Callable[[Session, queries.CaseRow], Any],
        describe: Callable[[queries.CaseRow, Any], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows = list(rows)
        self.call = call
        self.describe = describe
        self.outcomes: list[Outcome] = []
        self.done = False

    def start(self) -> None:
        self.progress.emit(0, len(self.rows))
        # The open pages reload once, when the run is over, not once per case.
        self.ctx.runner.hold_changes()
        self._next()

    def _next(self) -> None:
        i = len(self.outcomes)
        if i >= len(self.rows):
            self.done = True
            self.ctx.runner.release_changes()
            self.finished.emit(self.outcomes)
            return
        row = self.rows[i]
        handle = self.ctx.runner.write(
            lambda s, r=row: self.call(s, r),
            changes=Changes(case_ids=frozenset({row.id}), cases=True),
            on_failure=lambda exc, r=row: self._refused(r, exc),
        )
        handle.finished.connect(lambda ok, h=handle, r=row: self._after(r, ok, h))

    def _refused(self, row: queries.CaseRow, exc: errors.KnownError) -> bool:
        self.outcomes.append(Outcome(row.id, row.number, False, exc.message(i18n.current_language())))
        return True  # shown in the summary, not in a message box per case

    def _after(self, row: queries.CaseRow, ok: bool, handle: Any) -> None:
        if ok:
            self.outcomes.append(Outcome(row.id, row.number, True, self.describe(row, handle.result)))
        elif len(self.outcomes) <= self.rows.index(row):
            # Not a known error: a bug, already shown by the crash handler; count it as refused.
            text = self.tr("Unexpected error (see the log)")
            self.outcomes.append(Outcome(row.id, row.number, False, text))
        self.progress.emit(len(self.outcomes), len(self.rows))
        self._next()


# --------------------------------------------------------------------------- choice dialogs


class _ChoiceDialog(QDialog):
    """Shared frame: an intro line, a form, OK/Cancel; OK only when the form is complete."""

    def __init__(self, title: str, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        lay = QVBoxLayout(self)
        # translate() with a fixed context: self.tr() in a base class would look the
        # string up under the subclass's name.
        intro = QLabel(QCoreApplication.translate("BulkDialog", "%n selected case(s).", "", count))
        lay.addWidget(intro)
        self.form = QFormLayout()
        lay.addLayout(self.form)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.error.hide()
        lay.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)

    def problem(self) -> str | None:
        return None

    def submit(self) -> None:
        msg = self.problem()
        if msg:
            self.error.setText(msg)
            self.error.show()
            return
        self.accept()


class ReassignDialog(_ChoiceDialog):
    """Pick the new handler among the officers who may handle every selected case's kind
    (``queries.assignable_officers``), lightest caseload first."""

    def __init__(
        self, users: Sequence[queries.OfficerRow], count: int, parent: QWidget | None = None
    ) -> None:
        super().__init__("", count, parent)
        self.setWindowTitle(self.tr("Reassign cases"))
        self.user = QComboBox()
        for u in users:
            text = (
                self.tr("%1 (%2) — %3 open cases")
                .replace("%1", u.display_name)
                .replace("%2", labels.label(labels.ROLES, u.role))
                .replace("%3", str(u.open_cases))
            )
            self.user.addItem(text, u.id)
        self.form.addRow(self.tr("New handler"), self.user)

    def user_id(self) -> int | None:
        data = self.user.currentData()
        return int(data) if data is not None else None

    def problem(self) -> str | None:
        return None if self.user_id() is not None else self.tr("Choose a user.")


def bulk_closing_steps(rows: Sequence[queries.CaseRow], ctx: AppContext) -> list[tuple[TransitionDef, int]]:
    """Closing steps this user may take on at least one selected case, with how many.

    Only steps whose fields a bulk form can fill for every case: a written reason, and
    choices (the ground). Steps needing per-case data (document numbers, award items) are
    done one case at a time in the case file.
    """
    found: dict[str, tuple[TransitionDef, int]] = {}
    for r in rows:
        for t in workflow.available_transitions(r, ctx.actor):
            if not t.closes or t.field("reason") is None:
                continue
            if any(f.type not in ("text", "choice") for f in t.fields):
                continue
            prev = found.get(t.code)
            found[t.code] = (t, (prev[1] if prev else 0) + 1)
    return sorted(found.values(), key=lambda p: (-p[1], p[0].code))


class CloseDialog(_ChoiceDialog):
    """A closing step and the closure reason (required), plus any choice the step asks."""

    def __init__(
        self, steps: Sequence[tuple[TransitionDef, int]], count: int, parent: QWidget | None = None
    ) -> None:
        super().__init__("", count, parent)
        self.setWindowTitle(self.tr("Close cases"))
        zh = i18n.is_chinese()
        self.step = QComboBox()
        for t, n in steps:
            name = t.name_zh if zh else t.name_en
            self.step.addItem(self.tr("%1 (possible for %2)").replace("%1", name).replace("%2", str(n)), t)
        self.form.addRow(self.tr("Closing step"), self.step)
        self.ground = QComboBox()
        self.ground_label = QLabel(self.tr("Ground"))
        self.form.addRow(self.ground_label, self.ground)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("Required: why these cases are closed"))
        self.reason.setFixedHeight(80)
        self.reason.setTabChangesFocus(True)
        self.form.addRow(self.tr("Closure reason"), self.reason)
        self.step.currentIndexChanged.connect(self._step_changed)
        self._step_changed()

    def transition(self) -> TransitionDef | None:
        t = self.step.currentData()
        return t if isinstance(t, TransitionDef) else None

    def _step_changed(self) -> None:
        self.ground.clear()
        t = self.transition()
        choice = next((f for f in t.fields if f.type == "choice"), None) if t else None
        if choice is not None:
            for c in choice.choices:
                self.ground.addItem(labels.label(labels.CHOICES, c), c)
        self.ground.setVisible(choice is not None)
        self.ground_label.setVisible(choice is not None)

    def fields(self) -> dict[str, Any]:
        t = self.transition()
        out: dict[str, Any] = {"reason": self.reason.toPlainText().strip()}
        if t is not None:
            choice = next((f for f in t.fields if f.type == "choice"), None)
            if choice is not None:
                out[choice.name] = self.ground.currentData()
        return out

    def problem(self) -> str | None:
        if self.transition() is None:
            return self.tr("None of the selected cases can be closed by you in its present state.")
        if not self.reason.toPlainText().strip():
            return self.tr("Enter the closure reason.")
        return None


class NoticeDialog(_ChoiceDialog):
    """The kind of notice and the folder its PDFs are saved in."""

    def __init__(
        self,
        kind: CaseKind,
        count: int,
        parent: QWidget | None = None,
        statuses: frozenset[str] = frozenset(),
    ) -> None:
        super().__init__("", count, parent)
        self.setWindowTitle(self.tr("Print notices"))
        from casemgr.reports.notices import notice_types

        # Only notices that at least one selected case's stage calls for (all of the kind when
        # no stage is known); a case at another stage is refused by the service, one by one.
        fitting = {code for st in statuses for code, _t in notice_types(kind, st)}
        self.notice = QComboBox()
        for code, title in notice_types(kind):
            if not statuses or code in fitting:
                self.notice.addItem(title, code)
        self.form.addRow(self.tr("Notice"), self.notice)
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        self.folder = QComboBox()
        self.folder.setEditable(True)
        self.folder.addItem(str(Path(docs) / "notices"))
        self.form.addRow(self.tr("Save the PDFs in"), self.folder)
        browse = QDialogButtonBox()
        b = browse.addButton(self.tr("Choose folder…"), QDialogButtonBox.ButtonRole.ActionRole)
        b.clicked.connect(self._browse)
        self.form.addRow("", browse)

    def _browse(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Save the PDFs in"), self.folder.currentText())
        if path:
            self.folder.setEditText(path)

    def notice_type(self) -> str | None:
        data = self.notice.currentData()
        return str(data) if data else None

    def folder_path(self) -> Path:
        return Path(self.folder.currentText().strip())

    def problem(self) -> str | None:
        if self.notice.count() == 0:
            return self.tr("No notice is called for at the stage of the selected cases.")
        if self.notice_type() is None:
            return self.tr("Choose a notice.")
        if not self.folder.currentText().strip():
            return self.tr("Choose a folder.")
        return None


# --------------------------------------------------------------------------- summary


class SummaryDialog(QDialog):
    """What succeeded and what was refused, and why, case by case."""

    def __init__(
        self,
        title: str,
        outcomes: Sequence[Outcome],
        parent: QWidget | None = None,
        folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.outcomes = list(outcomes)
        lay = QVBoxLayout(self)
        ok = sum(1 for o in outcomes if o.ok)
        self.headline = QLabel(
            self.tr("Done: %1. Refused: %2.").replace("%1", str(ok)).replace("%2", str(len(outcomes) - ok))
        )
        self.headline.setStyleSheet("font-weight: bold;")
        lay.addWidget(self.headline)
        self.table = QTableWidget(len(outcomes), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Case number"), self.tr("Result"), self.tr("Details")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        for i, o in enumerate(outcomes):
            self.table.setItem(i, 0, QTableWidgetItem(o.number))
            res = QTableWidgetItem(self.tr("Done") if o.ok else self.tr("Refused"))
            res.setForeground(Qt.GlobalColor.darkGreen if o.ok else Qt.GlobalColor.red)
            self.table.setItem(i, 1, res)
            self.table.setItem(i, 2, QTableWidgetItem(o.message))
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        lay.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        if folder is not None and any(o.ok for o in outcomes):
            b = buttons.addButton(self.tr("Open folder"), QDialogButtonBox.ButtonRole.ActionRole)
            b.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
        lay.addWidget(buttons)
        self.resize(760, 380)


class ProgressDialog(QDialog):
    """Progress of a bulk run; closes itself and opens the summary when done."""

    def __init__(self, title: str, run: BulkRun, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.run = run
        lay = QVBoxLayout(self)
        self.label = QLabel(self.tr("Working…"))
        lay.addWidget(self.label)
        self.bar = QProgressBar()
        self.bar.setRange(0, len(run.rows))
        lay.addWidget(self.bar)
        run.progress.connect(self._progress)
        self.setMinimumWidth(360)

    def _progress(self, done: int, total: int) -> None:
        self.bar.setValue(done)
        self.label.setText(self.tr("%1 of %2 cases").replace("%1", str(done)).replace("%2", str(total)))


# --------------------------------------------------------------------------- entry point


class BulkActions(QObject):
    """Starts a bulk action for a list page: ask, run, summarise.

    Signals:
        summary_shown(object): the :class:`SummaryDialog` (tests read it).
    """

    summary_shown = Signal(object)

    def __init__(self, ctx: AppContext, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.ctx = ctx
        self.parent_widget = parent_widget
        self.dialog: QDialog | None = None
        self.run: BulkRun | None = None
        self.summary: SummaryDialog | None = None

    def start(self, action: str, rows: Sequence[queries.CaseRow]) -> QDialog | None:
        if action == "reassign":
            kinds = {r.kind for r in rows}
            self.ctx.runner.read(
                lambda s: queries.assignable_officers(s, kinds),
                on_success=lambda users, r=list(rows): self._ask_reassign(users, r),
                parent=self.parent_widget,
            )
            return None
        if action == "close":
            return self._ask_close(list(rows))
        if action == "print":
            return self._ask_print(list(rows))
        raise ValueError(action)

    # ---------------------------------------------------------------- reassign

    def _ask_reassign(self, users: list[queries.OfficerRow], rows: list[queries.CaseRow]) -> None:
        dlg = ReassignDialog(users, len(rows), self.parent_widget)
        names = {u.id: u.display_name for u in users}

        def go() -> None:
            uid = dlg.user_id()
            assert uid is not None
            from casemgr.services.cases import assign_case

            self._run(
                self.tr("Reassign cases"),
                rows,
                lambda s, r: assign_case(s, self.ctx.actor, r.id, uid, expected_version=r.version).id,
                lambda _r, _res: self.tr("Now handled by %1").replace("%1", names.get(uid, "")),
            )

        self._open(dlg, go)

    # ---------------------------------------------------------------- close

    def _ask_close(self, rows: list[queries.CaseRow]) -> QDialog:
        dlg = CloseDialog(bulk_closing_steps(rows, self.ctx), len(rows), self.parent_widget)

        def go() -> None:
            t = dlg.transition()
            assert t is not None
            fields = dlg.fields()
            from casemgr.services.workflow import apply_transition

            name = t.name_zh if i18n.is_chinese() else t.name_en
            self._run(
                self.tr("Close cases"),
                rows,
                lambda s, r: (
                    apply_transition(
                        s, self.ctx.actor, r.id, t.code, dict(fields), expected_version=r.version
                    ).status
                ),
                lambda _r, status: (
                    self.tr("%1: now %2")
                    .replace("%1", name)
                    .replace("%2", labels.label(labels.STATUSES, status))
                ),
            )

        self._open(dlg, go)
        return dlg

    # ---------------------------------------------------------------- print

    def _ask_print(self, rows: list[queries.CaseRow]) -> QDialog:
        kind = CaseKind(rows[0].kind)
        dlg = NoticeDialog(kind, len(rows), self.parent_widget, frozenset(r.status for r in rows))

        def go() -> None:
            code = dlg.notice_type()
            folder = dlg.folder_path()
            assert code is not None
            from casemgr.services.notices import generate_notice

            def call(s: Session, r: queries.CaseRow) -> tuple[str, bytes]:
                doc = generate_notice(s, self.ctx.actor, r.id, code, check_state=True)
                return doc.filename, bytes(doc.content)

            def describe(_r: queries.CaseRow, result: tuple[str, bytes]) -> str:
                name, content = result
                path = folder / name
                try:
                    folder.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(content)
                except OSError as exc:
                    return self.tr("Kept in the case file; the file could not be written: %1").replace(
                        "%1", str(exc)
                    )
                return self.tr("Saved as %1").replace("%1", str(path))

            self._run(self.tr("Print notices"), rows, call, describe, open_folder=folder)

        self._open(dlg, go)
        return dlg

    # ---------------------------------------------------------------- plumbing

    def _open(self, dlg: QDialog, go: Callable[[], None]) -> None:
        self.dialog = dlg
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.accepted.connect(go)
        dlg.open()

    def _run(
        self,
        title: str,
        rows: list[queries.CaseRow],
        call: Callable[[Session, queries.CaseRow], Any],
        describe: Callable[[queries.CaseRow, Any], str],
        open_folder: Path | None = None,
    ) -> None:
        run = BulkRun(self.ctx, rows, call, describe, self)
        progress = ProgressDialog(title, run, self.parent_widget)
        progress.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.run = run

        def finished(outcomes: list[Outcome]) -> None:
            progress.close()
            summary = SummaryDialog(title, outcomes, self.parent_widget, open_folder)
            summary.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.summary = summary
            summary.open()
            self.summary_shown.emit(summary)

        run.finished.connect(finished)
        progress.open()
        run.start()
