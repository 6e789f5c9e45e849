"""The report page's 调裁衔接 table (issue 21): the figures of ``casemgr.metrics.mediation_link``.

Its own module so the report page only gains the line that calls it (another table of
issue 21 joins the page beside it).
"""

from __future__ import annotations

from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ui import i18n

if TYPE_CHECKING:
    from casemgr.metrics.report import ReportData

CTX = "MediationLink"
#: (block, figure) -> label; the order is casemgr.metrics.mediation_link.ROWS.
LABELS = {
    ("pre_filing", "diverted"): QT_TRANSLATE_NOOP(
        "MediationLink", "Pre-filing mediation: diverted (acceptance deferred)"
    ),
    ("pre_filing", "settled"): QT_TRANSLATE_NOOP("MediationLink", "— settled, closed before filing"),
    ("pre_filing", "returned"): QT_TRANSLATE_NOOP("MediationLink", "— not settled, acceptance resumed"),
    ("pre_filing", "withdrawn"): QT_TRANSLATE_NOOP("MediationLink", "— withdrawn while deferred"),
    ("pre_filing", "amount_agreed"): QT_TRANSLATE_NOOP("MediationLink", "— amount agreed (yuan)"),
    ("entrusted", "entrusted"): QT_TRANSLATE_NOOP("MediationLink", "Entrusted mediation: entrusted"),
    ("entrusted", "settled"): QT_TRANSLATE_NOOP("MediationLink", "— agreement reached"),
    ("entrusted", "returned"): QT_TRANSLATE_NOOP("MediationLink", "— no agreement, to the hearing"),
    ("entrusted", "withdrawn"): QT_TRANSLATE_NOOP("MediationLink", "— withdrawn while entrusted"),
    ("entrusted", "amount_agreed"): QT_TRANSLATE_NOOP("MediationLink", "— amount agreed (yuan)"),
    ("review", "applied"): QT_TRANSLATE_NOOP(
        "MediationLink", "Review of mediation agreements: joint applications"
    ),
    ("review", "accepted"): QT_TRANSLATE_NOOP("MediationLink", "— accepted"),
    ("review", "not_accepted"): QT_TRANSLATE_NOOP("MediationLink", "— not accepted"),
    ("review", "confirmed"): QT_TRANSLATE_NOOP("MediationLink", "— confirmed by a mediation statement"),
    ("review", "refused"): QT_TRANSLATE_NOOP("MediationLink", "— refused"),
    ("review", "withdrawn"): QT_TRANSLATE_NOOP("MediationLink", "— withdrawn"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def _cell(v: int | Decimal) -> str:
    return i18n.fmt_money(v) if isinstance(v, Decimal) else str(v)


def html(data: ReportData) -> str:
    """The table as the preview's HTML; nothing for a month frozen before it existed."""
    link = data.mediation_link
    if link is None:
        return ""
    # Literal translate() calls, so lupdate sees them (a wrapper's argument is invisible to it).
    title = QCoreApplication.translate("MediationLink", "Mediation joined to arbitration")
    this_month = QCoreApplication.translate("MediationLink", "This month")
    ytd = QCoreApplication.translate("MediationLink", "Year to date")
    out = [
        f"<h3>{escape(title)}</h3>",
        "<table border='1' cellspacing='0' cellpadding='4'>",
        f"<tr><th></th><th>{escape(this_month)}</th><th>{escape(ytd)}</th></tr>",
    ]
    for (block, name), label in LABELS.items():
        m = getattr(getattr(link.month, block), name)
        y = getattr(getattr(link.year_to_date, block), name)
        out.append(
            f"<tr><td>{escape(_tr(label))}</td>"
            f"<td align='right'>{_cell(m)}</td><td align='right'>{_cell(y)}</td></tr>"
        )
    out.append("</table>")
    out.append(
        "<p>"
        + escape(
            QCoreApplication.translate(
                "MediationLink",
                "Counted by the date of each step. Applications settled before filing were never "
                "accepted: they are in neither the arbitration closure rate nor the mediation success rate.",
            )
        )
        + "</p>"
    )
    return "".join(out)
