"""关于 / About: the program's version, the schema it writes and the one the open database has.

A clerk reading this to the help desk over the phone is the common case, so it says in
plain words what is installed, where the data is and which font the reports use; the
licences of what the program carries are named (the files are in the installed folder).
"""

from __future__ import annotations

import platform
from typing import TYPE_CHECKING, Any

import PySide6
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.orm import Session

from casemgr import db, runtime

if TYPE_CHECKING:
    from ui.app import AppContext


def database_revision(session: Session) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(session.connection()).get_current_revision()


def about_text(ctx: AppContext, db_revision: str | None) -> str:
    """The rows of the About box as HTML (tested without showing the box)."""
    from html import escape

    from casemgr.reports import fonts

    font = fonts.cjk_font()
    rows = [
        (QCoreApplication.translate("About", "Version"), runtime.version()),
        (QCoreApplication.translate("About", "Schema revision of the program"), db.head_revision()),
        (
            QCoreApplication.translate("About", "Schema revision of the database"),
            db_revision or QCoreApplication.translate("About", "none"),
        ),
        (QCoreApplication.translate("About", "Database"), ctx.database_label()),
        (QCoreApplication.translate("About", "Data folder"), str(runtime.data_dir())),
        (QCoreApplication.translate("About", "Report font"), font.path or font.name),
        (
            QCoreApplication.translate("About", "Built with"),
            f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {PySide6.__version__}"
            + (QCoreApplication.translate("About", " (installed build)") if runtime.is_frozen() else ""),
        ),
    ]
    body = "".join(f"<tr><td><b>{escape(k)}</b>&nbsp;&nbsp;</td><td>{escape(v)}</td></tr>" for k, v in rows)
    notice = QCoreApplication.translate(
        "About",
        "The reports embed WenQuanYi Micro Hei (Apache License 2.0); the licences of the "
        "fonts and libraries are in the program's folder.",
    )
    return f"<h3>casemgr {escape(runtime.version())}</h3><table>{body}</table><p>{escape(notice)}</p>"


def show_about(ctx: AppContext, parent: QWidget | None = None) -> Any:
    """Read the database's revision off the GUI thread, then show the box (non-blocking)."""

    def shown(rev: str | None) -> None:
        box = QMessageBox(parent)
        box.setWindowTitle(QCoreApplication.translate("About", "About casemgr"))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(about_text(ctx, rev))
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()
        show_about.last = box  # type: ignore[attr-defined]  # for tests

    return ctx.runner.read(database_revision, on_success=shown, parent=parent)
