"""The monthly report as PDF and xlsx: pure functions of ``metrics.report.ReportData``.

No Session, no ORM, no Qt (STYLE.md §7, §9.11): the builder can run on a worker thread,
reprint a closed month from its snapshot, and be tested byte-for-byte with
``invariant=True``. Labels come from ``casemgr.labels`` in the language asked for.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    KeepTogether,
    LayoutError,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
)

from casemgr import labels
from casemgr.errors import KnownError
from casemgr.metrics import report as mr
from casemgr.metrics.indicators import Ratio
from casemgr.reports import arb_finality, charts, monthly_link, styles

# The workbook lives in its own module (this one stays under the size the layers allow);
# callers keep writing ``monthly.build_xlsx``.
from casemgr.reports.monthly_xlsx import build_xlsx as build_xlsx
from casemgr.reports.wording import anchor_line as _anchor_line
from casemgr.reports.wording import district as _district
from casemgr.reports.wording import local as _local
from casemgr.reports.wording import met as _met
from casemgr.reports.wording import money, pct
from casemgr.reports.wording import parties as _parties
from casemgr.reports.wording import t as _t

MARGIN = 15 * mm
ProgressCallback = Callable[[str, int], None]


class ReportError(KnownError):
    code = "report"


# --------------------------------------------------------------------------- page furniture


def _canvas_maker(
    footer: Callable[[int, int], tuple[str, str]], font: str, anchor_line: str = ""
) -> type[rl_canvas.Canvas]:
    """A canvas that knows the page count: pages are kept until ``save`` to print "x of y"."""

    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                left, centre = footer(self._pageNumber, total)
                self.setFont(font, 7.5)
                self.drawString(MARGIN, 9 * mm, left)
                self.drawCentredString(A4[0] / 2, 9 * mm, centre)
                if anchor_line:
                    self.setFont(font, 6)
                    self.drawString(MARGIN, 5.5 * mm, anchor_line)
                self.setLineWidth(0.4)
                self.line(MARGIN, 12.5 * mm, A4[0] - MARGIN, 12.5 * mm)
                super().showPage()
            super().save()

    return NumberedCanvas


# --------------------------------------------------------------------------- story


def _summary(data: mr.ReportData, lang: str, sh: styles.Sheet) -> list[Any]:
    ss = sh.styles
    f, y = data.figures, data.year_to_date
    head1 = [
        _t("indicator", lang),
        _t("this_month", lang),
        "",
        "",
        _t("ytd", lang),
        "",
        "",
        _t("target", lang),
        _t("met", lang),
    ]
    sub = [_t("numerator", lang), _t("denominator", lang), _t("rate", lang)]
    head2 = ["", *sub, *sub, "", ""]
    rows: list[list[Any]] = [head1, head2]
    items = [
        ("mediation_success_rate", f.mediation, y.mediation),
        ("arbitration_closure_rate", f.arbitration, y.arbitration),
        ("inspection_closure_rate", f.inspection, y.inspection),
        ("green_on_time_rate", f.green, y.green),
    ]
    misses: list[tuple[int, int]] = []
    for i, (code, rm, ry) in enumerate(items):
        r = len(rows)
        rows.append(
            [
                Paragraph(escape(labels.text(labels.INDICATORS, code, lang)), ss["cell"]),
                str(rm.numerator),
                str(rm.denominator),
                pct(rm.rate),
                str(ry.numerator),
                str(ry.denominator),
                pct(ry.rate),
                "≥" + pct(ry.target) if ry.target is not None else "—",
                # The plan's targets are annual: a month is judged on the year to date, never
                # on its own (a normal month's closure rate is far below an annual target).
                _met(ry, lang),
            ]
        )
        if ry.met is False:
            misses.append((8, r))
        del i
    widths = [122, 40, 40, 50, 40, 40, 50, 50, 79]
    t = Table(rows, colWidths=widths, repeatRows=2)
    st = styles.table_style(sh.font, header_rows=2, zebra=False)
    st.add("SPAN", (0, 0), (0, 1))
    st.add("SPAN", (1, 0), (3, 0))
    st.add("SPAN", (4, 0), (6, 0))
    st.add("SPAN", (7, 0), (7, 1))
    st.add("SPAN", (8, 0), (8, 1))
    st.add("ALIGN", (8, 2), (8, -1), "CENTER")
    for c, r in misses:
        st.add("BACKGROUND", (c, r), (c, r), styles.MISS_FILL)
    t.setStyle(st)

    other = [
        [_t("other_figures", lang), _t("this_month", lang), _t("ytd", lang)],
        [_t("recovered", lang), money(f.recovered), money(y.recovered)],
        [_t("workers_helped", lang), str(f.workers_helped), str(y.workers_helped)],
        [_t("claimed", lang), money(f.claimed), money(y.claimed)],
        [_t("workers_involved", lang), str(f.workers_involved), str(y.workers_involved)],
        [_t("collective", lang), str(f.collective), str(y.collective)],
        [_t("supervised", lang), str(f.supervised), str(y.supervised)],
        [_t("overdue", lang), str(f.overdue), "—"],
    ]
    t2 = Table(other, colWidths=[160, 110, 110], repeatRows=1)
    t2.setStyle(styles.table_style(sh.font, n_rows=len(other)))
    return [
        Paragraph(escape(_t("summary", lang)), ss["h2"]),
        t,
        Spacer(1, 5),
        t2,
        Paragraph(escape(_t("overdue_as_of", lang, day=data.as_of.isoformat())), ss["small"]),
    ]


def _trend(data: mr.ReportData, lang: str, sh: styles.Sheet) -> list[Any]:
    f = data.figures
    names = [
        labels.text(labels.INDICATORS, c, lang)
        for c in ("mediation_success_rate", "arbitration_closure_rate", "inspection_closure_rate")
    ]
    drawing = charts.trend_chart(
        [p.month for p in data.trend],
        [
            [p.mediation for p in data.trend],
            [p.arbitration for p in data.trend],
            [p.inspection for p in data.trend],
        ],
        names,
        [f.mediation.target, f.arbitration.target, f.inspection.target],
        sh.font,
        width=A4[0] - 2 * MARGIN,
    )
    return [
        KeepTogether(
            [
                Paragraph(escape(_t("trend", lang)), sh.styles["h2"]),
                Paragraph(escape(_t("chart_title", lang)), sh.styles["small"]),
                drawing,
            ]
        )
    ]


def _head(keys: list[str], lang: str, sh: styles.Sheet) -> list[Any]:
    return [Paragraph(escape(_t(k, lang)), sh.styles["cell_center"]) for k in keys]


def _by_kind(data: mr.ReportData, lang: str, sh: styles.Sheet) -> list[Any]:
    rows: list[list[Any]] = [
        _head(
            [
                "kind",
                "pending",
                "accepted",
                "closed",
                "closure_rate",
                "succeeded",
                "collective",
                "supervised",
                "green",
                "green_on_time",
                "overdue",
            ],
            lang,
            sh,
        )
    ]
    money_rows: list[list[Any]] = [
        _head(["kind", "workers_involved", "workers_helped", "claimed", "recovered"], lang, sh)
    ]
    for k in data.by_kind:
        name = Paragraph(escape(labels.text(labels.KINDS, k.kind, lang)), sh.styles["cell"])
        rows.append(
            [
                name,
                str(k.pending_at_start),
                str(k.accepted),
                str(k.closed),
                pct(k.closure.rate),
                str(k.succeeded),
                str(k.collective),
                str(k.supervised),
                str(k.green_cases),
                str(k.green_on_time),
                str(k.overdue),
            ]
        )
        money_rows.append(
            [name, str(k.workers_involved), str(k.workers_helped), money(k.claimed), money(k.recovered)]
        )
    t = Table(rows, colWidths=[70, 44, 46, 40, 46, 40, 38, 40, 46, 36, 52], repeatRows=1)
    t.setStyle(styles.table_style(sh.font, n_rows=len(rows)))
    t2 = Table(money_rows, colWidths=[70, 80, 80, 110, 110], repeatRows=1)
    t2.setStyle(styles.table_style(sh.font, n_rows=len(money_rows)))
    return [Paragraph(escape(_t("by_kind", lang)), sh.styles["h2"]), t, Spacer(1, 4), t2]


def _ratio_cell(r: Ratio) -> str:
    return f"{pct(r.rate)} ({r.numerator}/{r.denominator})"


def _by_district(data: mr.ReportData, lang: str, sh: styles.Sheet) -> list[Any]:
    rows: list[list[Any]] = [
        [
            Paragraph(escape(_t("district_col", lang)), sh.styles["cell_center"]),
            *[
                Paragraph(escape(labels.text(labels.INDICATORS, c, lang)), sh.styles["cell_center"])
                for c in ("mediation_success_rate", "arbitration_closure_rate", "inspection_closure_rate")
            ],
            *_head(["overdue", "recovered", "workers_helped"], lang, sh),
        ]
    ]
    for d in data.by_district:
        rows.append(
            [
                Paragraph(escape(_district(d.district, lang)), sh.styles["cell"]),
                _ratio_cell(d.mediation),
                _ratio_cell(d.arbitration),
                _ratio_cell(d.inspection),
                str(d.overdue),
                money(d.recovered),
                str(d.workers_helped),
            ]
        )
    if not data.by_district:
        rows.append([_t("none", lang), "", "", "", "", "", ""])
    t = Table(rows, colWidths=[92, 84, 84, 84, 40, 76, 48], repeatRows=1)
    t.setStyle(styles.table_style(sh.font, n_rows=len(rows)))
    return [Paragraph(escape(_t("by_district", lang)), sh.styles["h2"]), t]


def _case_table(
    cl: mr.CaseList,
    lang: str,
    sh: styles.Sheet,
    last: tuple[str, str],
    value: Callable[[mr.ListedCase], list[str]],
) -> Table:
    cell = sh.styles["cell"]
    rows: list[list[Any]] = [_head(["case_number", "kind", "parties", "employer", *last], lang, sh)]
    for r in cl.rows:
        rows.append(
            [
                Paragraph(escape(r.number), cell),
                Paragraph(escape(labels.text(labels.KINDS_SHORT, r.kind, lang)), cell),
                Paragraph(escape(_parties(r, lang)), cell),
                Paragraph(escape("、".join(r.employers)), cell),
                *value(r),
            ]
        )
    if not cl.rows:
        rows.append([_t("none", lang), "", "", "", "", ""])
    t = Table(rows, colWidths=[124, 30, 146, 104, 50, 56], repeatRows=1)
    t.setStyle(styles.table_style(sh.font, n_rows=len(rows)))
    return t


def _lists(data: mr.ReportData, lang: str, sh: styles.Sheet) -> list[Any]:
    ss = sh.styles
    g, o = data.green_list, data.overdue_list
    return [
        Paragraph(escape(_t("lists", lang)), ss["h2"]),
        Paragraph(escape(_t("green_list", lang, total=g.total, shown=len(g.rows))), ss["lead"]),
        _case_table(
            g,
            lang,
            sh,
            ("days_taken", "on_time"),
            lambda r: ["" if r.days is None else str(r.days), _t("yes" if r.on_time else "no", lang)],
        ),
        Spacer(1, 6),
        Paragraph(escape(_t("overdue_list", lang, total=o.total, shown=len(o.rows))), ss["lead"]),
        _case_table(
            o,
            lang,
            sh,
            ("due_on", "days_overdue"),
            lambda r: [
                r.due_on.isoformat() if r.due_on else "",
                "" if r.days is None else _t(f"late_{r.unit}", lang, n=r.days),
            ],
        ),
    ]


def _closure(data: mr.ReportData, lang: str, sh: styles.Sheet) -> list[Any]:
    c = data.closure
    if c is None:
        return []
    ss = sh.styles
    out: list[Any] = [
        Paragraph(escape(_t("closed_month", lang, at=_local(c.closed_at), by=c.closed_by or "?")), ss["body"])
    ]
    if c.corrections:
        out.append(Paragraph(escape(_t("corrections", lang)), ss["body"]))
        rows = [[x.key, str(x.frozen), f"({x.corrected})"] for x in c.corrections]
        t = Table(rows, colWidths=[250, 90, 90])
        t.setStyle(styles.table_style(sh.font, header_rows=0, zebra=False))
        out.append(t)
    if c.changed_cases_total:
        out.append(
            Paragraph(
                escape(
                    _t("changed_cases", lang, total=c.changed_cases_total, numbers="、".join(c.changed_cases))
                ),
                ss["small"],
            )
        )
    out.append(Spacer(1, 4))
    return out


def story(data: mr.ReportData, lang: str = "zh") -> list[Any]:
    sh = styles.sheet()
    ss = sh.styles
    year, month = data.month.split("-")
    title = _t("title", lang, bureau=data.bureau)
    sub = [
        _t("month", lang, year=year, month=int(month), month_en=data.month),
        _t(
            "district",
            lang,
            district=_district(data.district, lang) if data.district else _t("all_districts", lang),
        ),
        _t("generated", lang, at=_local(data.generated_at)),
    ]
    return [
        Paragraph(escape(title).replace("\n", "<br/>"), ss["title"]),
        Paragraph(escape("    ".join(sub)), ss["subtitle"]),
        *_closure(data, lang, sh),
        *_summary(data, lang, sh),
        *_trend(data, lang, sh),
        *_by_kind(data, lang, sh),
        *_by_district(data, lang, sh),
        *_lists(data, lang, sh),
        *arb_finality.pdf_section(data.arb_finality, lang, sh),
        *monthly_link.pdf_block(data, lang, sh),
        Spacer(1, 6),
        Paragraph(escape(_t("targets_note", lang)), ss["small"]),
        Paragraph(escape(_t("definitions", lang)), ss["small"]),
        *_signatures(lang, sh),
    ]


def _signatures(lang: str, sh: styles.Sheet) -> list[Any]:
    """The block a statistical return carries before it leaves the bureau: who answers for it,
    who checked it, who prepared it, and when it was submitted — filled in by hand."""
    line = "＿＿＿＿＿＿"
    row = [
        _t("sign_head", lang) + line,
        _t("sign_review", lang) + line,
        _t("sign_prepared", lang) + line,
        _t("sign_date", lang),
    ]
    t = Table([row], colWidths=[115, 105, 105, 180])
    t.setStyle([("FONT", (0, 0), (-1, -1), sh.font, 9), ("VALIGN", (0, 0), (-1, -1), "BOTTOM")])
    return [Spacer(1, 14), KeepTogether([t])]


def build_pdf(
    data: mr.ReportData,
    out: BinaryIO | str | Path,
    *,
    lang: str = "zh",
    invariant: bool = False,
    progress: ProgressCallback | None = None,
) -> None:
    """Write the report to ``out`` (a path or a binary stream)."""
    sh = styles.sheet()
    target: Any = str(out) if isinstance(out, str | Path) else out
    doc = SimpleDocTemplate(
        target,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=18 * mm,
        title=f"{data.bureau} {data.month}",
        author=data.bureau,
        invariant=1 if invariant else 0,
    )
    if progress is not None:
        doc.setProgressCallBack(progress)
    generated = _t("generated", lang, at=_local(data.generated_at))

    def footer(page: int, pages: int) -> tuple[str, str]:
        return generated, _t("page", lang, page=page, pages=pages)

    try:
        doc.build(story(data, lang), canvasmaker=_canvas_maker(footer, sh.font, _anchor_line(data, lang)))
    except LayoutError as exc:
        raise ReportError(
            f"报表排版失败：某一部分内容过长，无法放入一页（{exc}）。",
            f"The report could not be laid out: a part is too large for a page ({exc}).",
            code="report_layout",
        ) from exc


def pdf_bytes(data: mr.ReportData, *, lang: str = "zh", invariant: bool = False) -> bytes:
    buf = io.BytesIO()
    build_pdf(data, buf, lang=lang, invariant=invariant)
    return buf.getvalue()
