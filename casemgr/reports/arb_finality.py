"""The table “仲裁终局与终结” of the monthly report (PDF and xlsx), from
:class:`casemgr.metrics.report_arb.ArbFinality`: pure functions, no Session, no Qt.

One list of rows (:func:`rows`) feeds both formats, so the PDF and the workbook cannot
disagree; the definitions printed under the table are the ones in docs/indicators.md.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from casemgr.metrics.indicators import Ratio
from casemgr.metrics.report_arb import ArbFinality
from casemgr.reports import styles
from casemgr.reports.wording import pct

Pair = tuple[str, str]

TEXT: dict[str, Pair] = {
    "title": ("仲裁终局与终结", "Final awards and cases ended at arbitration"),
    "heading": ("六、仲裁终局与终结", "6. Final awards and cases ended at arbitration"),
    "item": ("项目", "Item"),
    "month": ("本月", "This month"),
    "ytd": ("本年累计", "Year to date"),
    "awarded": ("以裁决结案的仲裁案件", "Arbitration cases closed by award"),
    "all_final": ("其中：全部事项终局", "of which every item final"),
    "mixed": ("其中：部分事项终局（终局部分另作裁决书）", "of which partly final (separate final award)"),
    "per_case": ("终局裁决比例（按案件）", "Final-award share (per case)"),
    "per_item": ("终局裁决比例（按裁决事项）", "Final-award share (per award item)"),
    "closed": ("仲裁结案数", "Arbitration cases closed"),
    "settled": ("其中：仲裁调解书", "of which mediation statements"),
    "withdrawn": ("其中：撤回、按撤回处理", "of which withdrawn"),
    "other": ("其中：终止审理等", "of which terminated etc."),
    "awards_ended": ("其中：裁决后各方期间届满，未起诉、未申请撤销", "of which awards nobody took to court"),
    "to_court": ("裁决后当事人起诉或申请撤销", "Awards taken to court"),
    "set_aside": ("其中：用人单位申请撤销终局裁决", "of which set-aside applications"),
    "late": (
        "其中：逾期提起（是否受理由人民法院决定）",
        "of which filed late (admissibility is for the court)",
    ),
    "pending": ("起诉、申请撤销期间未届满（不计入终结率）", "Periods still running (left out of the rate)"),
    "unserved": ("其中：裁决书尚未登记送达", "of which award service not recorded"),
    "ended_rate": ("仲裁终结率", "Cases ended at arbitration"),
    "as_of": (
        "起诉和申请撤销登记至 {day}；期间在该日仍未届满的裁决计为“未届满”。",
        "Suits and set-aside applications counted as recorded up to {day}; awards whose periods "
        "had not ended on that day are counted as pending.",
    ),
    "definitions": (
        "口径：终局裁决比例（按案件）＝作出终局裁决书的案件（全部终局或部分终局）÷以裁决结案的案件；"
        "（按事项）＝终局裁决事项÷全部裁决事项（《劳动争议调解仲裁法》（2007）第四十七条、《劳动人事争议仲裁办案规则》（2017）第五十条）。"
        "仲裁终结率＝（调解书＋撤回＋终止审理等＋裁决后各方期间届满均未起诉或申请撤销的案件）÷"
        "（仲裁结案数－期间未届满的裁决）；起诉（调解仲裁法第四十八条、第五十条）或申请撤销（第四十九条）逾期的，"
        "仍计为进入诉讼，是否受理由人民法院决定。",
        "Final-award share per case = cases with a final award document ÷ cases closed by award; per item = "
        "final items ÷ award items (Labour Dispute Mediation and Arbitration Law 2007, Art. 47; Arbitration Rules 2017, Art. 50). Ended at arbitration = (mediation "
        "statements + withdrawals + terminations + awards whose parties' periods all ended with no suit or "
        "set-aside application) ÷ (cases closed − awards whose periods still run); a late filing still counts "
        "as going to court (the court decides whether to hear it).",
    ),
}


def t(key: str, lang: str, **kw: Any) -> str:
    zh, en = TEXT[key]
    return (zh if lang.startswith("zh") else en).format(**kw)


def _ratio(r: Ratio) -> str:
    return f"{pct(r.rate)} ({r.numerator}/{r.denominator})"


#: Rows that break down the row above them (indented).
SUB = {"all_final", "mixed", "settled", "withdrawn", "other", "awards_ended", "set_aside", "late", "unserved"}


def rows(a: ArbFinality, lang: str) -> list[list[str]]:
    """Header and body of the table: item, this month, year to date."""

    def line(key: str, get: Any) -> list[str]:
        return [("\u3000" if key in SUB else "") + t(key, lang), get(a.month), get(a.year_to_date)]

    def n(attr: str) -> Any:
        return lambda f: str(getattr(f.ended, attr))

    body = [
        line("awarded", lambda f: str(f.share.awarded)),
        line("all_final", lambda f: str(f.share.all_final)),
        line("mixed", lambda f: str(f.share.mixed)),
        line("per_case", lambda f: _ratio(f.share.per_case)),
        line("per_item", lambda f: _ratio(f.share.per_item)),
        line("closed", n("closed")),
        line("settled", n("settled")),
        line("withdrawn", n("withdrawn")),
        line("other", n("other")),
        line("awards_ended", n("awards_ended")),
        line("to_court", n("to_court")),
        line("set_aside", n("set_aside_applications")),
        line("late", n("late_filings")),
        line("pending", n("pending")),
        line("unserved", n("unserved")),
        line("ended_rate", lambda f: _ratio(f.ended.ratio)),
    ]
    return [[t("item", lang), t("month", lang), t("ytd", lang)], *body]


def pdf_section(a: ArbFinality | None, lang: str, sh: styles.Sheet) -> list[Any]:
    """Heading, table and definitions; nothing for a month closed before the table existed."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

    if a is None:
        return []
    ss = sh.styles
    sub = ParagraphStyle("arb_sub", parent=ss["cell"], leftIndent=12)
    data: list[list[Any]] = [
        [Paragraph(escape(r[0].lstrip("\u3000")), sub if r[0].startswith("\u3000") else ss["cell"]), *r[1:]]
        for r in rows(a, lang)
    ]
    table = Table(data, colWidths=[250, 130, 130], repeatRows=1)
    st = styles.table_style(sh.font, n_rows=len(data))
    st.add("ALIGN", (1, 1), (-1, -1), "RIGHT")
    table.setStyle(st)
    return [
        KeepTogether(
            [
                Paragraph(escape(t("heading", lang)), ss["h2"]),
                table,
                Paragraph(escape(t("as_of", lang, day=a.as_of.isoformat())), ss["small"]),
                Paragraph(escape(t("definitions", lang)), ss["small"]),
                Spacer(1, 4),
            ]
        )
    ]


def xlsx_sheet(wb: Any, a: ArbFinality | None, lang: str) -> None:
    """A sheet with the same rows, the rates also as numbers (formatted as percentages)."""
    if a is None:
        return
    from openpyxl.styles import Font

    ws = wb.create_sheet(t("title", lang) if lang.startswith("zh") else "arbitration finality")
    for r in rows(a, lang):
        ws.append(r)
    for c in ws[1]:
        c.font = Font(bold=True)
    ws.append([])
    ws.append([t("as_of", lang, day=a.as_of.isoformat())])
    ws.append([t("definitions", lang)])
    ws.column_dimensions["A"].width = 44
    ws.column_dimensions["B"].width = 18
    ws.column_dimensions["C"].width = 18
