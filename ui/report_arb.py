"""The report page's table “仲裁终局与终结” (final-award share, cases ended at arbitration).

Formats :class:`casemgr.metrics.report_arb.ArbFinality` only; the counting is in
``casemgr.metrics.final_awards`` / ``casemgr.metrics.arb_ended``. Its own module so the report
page grows by two lines (other tables of issue 21 are added beside it).
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from ui import i18n

if TYPE_CHECKING:
    from casemgr.metrics.indicators import Ratio
    from casemgr.metrics.report_arb import ArbFigures, ArbFinality


class ArbFinalityHtml(QObject):
    def _pct(self, r: Ratio) -> str:
        rate = r.rate
        return ("—" if rate is None else f"{rate * 100:.2f}%") + f"（{r.numerator}/{r.denominator}）"

    def html(self, a: ArbFinality | None) -> str:
        if a is None:  # a month closed before the table existed
            return ""
        lines: list[tuple[str, Callable[[ArbFigures], str]]] = [
            (self.tr("Arbitration cases closed by award"), lambda f: str(f.share.awarded)),
            (self.tr("Final-award share (per case)"), lambda f: self._pct(f.share.per_case)),
            (self.tr("Final-award share (per award item)"), lambda f: self._pct(f.share.per_item)),
            (self.tr("Arbitration cases closed"), lambda f: str(f.ended.closed)),
            (self.tr("Mediation statements, withdrawals, terminations"), lambda f: str(f.ended.settled + f.ended.withdrawn + f.ended.other)),
            (self.tr("Awards nobody took to court"), lambda f: str(f.ended.awards_ended)),
            (self.tr("Awards taken to court (sued or set-aside applied for)"), lambda f: str(f.ended.to_court)),
            (self.tr("Periods still running (left out of the rate)"), lambda f: str(f.ended.pending)),
            (self.tr("Cases ended at arbitration"), lambda f: self._pct(f.ended.ratio)),
        ]  # fmt: skip
        title = self.tr("Final awards and cases ended at arbitration")
        month, ytd = self.tr("This month"), self.tr("Year to date")
        note = self.tr(
            "Suits and set-aside applications recorded up to %1 count; awards whose periods had not "
            "ended then are pending. Rate: ended ÷ (closed − pending)."
        ).replace("%1", i18n.fmt_date(a.as_of))
        out = [
            f"<h3>{escape(title)}</h3>",
            "<table border='1' cellspacing='0' cellpadding='4'>",
            f"<tr><th></th><th>{escape(month)}</th><th>{escape(ytd)}</th></tr>",
        ]
        out += [
            f"<tr><td>{escape(label)}</td><td align='right'>{escape(get(a.month))}</td>"
            f"<td align='right'>{escape(get(a.year_to_date))}</td></tr>"
            for label, get in lines
        ]
        out.append("</table>")
        out.append(f"<p>{escape(note)}</p>")
        return "".join(out)
