"""Language: translators, and dates and money formatted the way a Chinese office writes them.

The app follows the system locale unless the user picked a language in the settings
(stored in QSettings under ``ui/language``). Qt's own strings (standard buttons, the
colour and file dialogs) come from ``qtbase_zh_CN.qm``, which is installed first.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from casemgr import clock, runtime

TRANSLATIONS_DIR = runtime.resource_path("resources", "translations")
SUPPORTED = ("zh", "en")

_state: dict[str, object] = {"lang": "zh", "translators": []}

#: Qt's own strings that the qtbase_zh_CN.qm shipped with PySide6 lacks (Qt 6 added the
#: mnemonics to the file dialog's labels after its Chinese translation was made, so the dialog
#: said "Look in:" and "Files of type:" in English). Our catalogue carries them under Qt's own
#: contexts; it is installed after qtbase's, so Qt asks it first.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Don't Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close without Saving"),
)


def current_language() -> str:
    return str(_state["lang"])


def is_chinese() -> bool:
    return current_language() == "zh"


def choose_language(requested: str | None = None) -> str:
    """``--lang`` beats the saved setting beats the system locale (Chinese unless English)."""
    if requested in SUPPORTED:
        return str(requested)
    saved = QSettings().value("ui/language", "", str)
    if saved in SUPPORTED:
        return str(saved)
    return "en" if QLocale.system().language() == QLocale.Language.English else "zh"


def install(lang: str) -> None:
    """Install (or replace) the translators for ``lang``; English needs none."""
    app = QCoreApplication.instance()
    assert app is not None
    for t in list(_state["translators"]):  # type: ignore[call-overload]
        app.removeTranslator(t)
    _state["translators"] = []
    _state["lang"] = lang
    if lang != "zh":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    installed: list[QTranslator] = []
    for name, directory in (("qtbase_zh_CN", qt_dir), ("casemgr_zh_CN", str(TRANSLATIONS_DIR))):
        t = QTranslator(app)
        if t.load(name, directory):
            app.installTranslator(t)
            installed.append(t)
    _state["translators"] = installed


def fmt_date(d: dt.date | None) -> str:
    """2026年11月26日 in Chinese, 2026-11-26 in English; empty for no date."""
    if d is None:
        return ""
    if is_chinese():
        return f"{d.year}年{d.month}月{d.day}日"
    return d.isoformat()


def fmt_datetime(t: dt.datetime | None) -> str:
    if t is None:
        return ""
    local = clock.local(t)
    return f"{fmt_date(local.date())} {local:%H:%M}"


def fmt_money(amount: Decimal | None) -> str:
    if amount is None:
        return ""
    return f"{amount:,.2f}"
