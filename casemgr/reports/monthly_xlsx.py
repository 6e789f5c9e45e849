"""The monthly report as a workbook: the PDF's figures, sheet by sheet (casemgr.reports.monthly)."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from casemgr import celltext, labels
from casemgr.metrics import report as mr
from casemgr.reports import arb_finality, monthly_link
from casemgr.reports.wording import anchor_line as _anchor_line
from casemgr.reports.wording import district as _district
from casemgr.reports.wording import local as _local
from casemgr.reports.wording import met as _met
from casemgr.reports.wording import parties as _parties
from casemgr.reports.wording import t as _t


def build_xlsx(data: mr.ReportData, out: BinaryIO | str | Path, *, lang: str = "zh") -> None:
    """The same figures as a workbook: a summary sheet, by kind, by district, trend, lists."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "summary" if not lang.startswith("zh") else "主要指标"
    bold = Font(bold=True)
    ws.append([_t("title", lang, bureau=data.bureau).replace("\n", " ")])
    ws.append(
        [
            data.month,
            data.district or _t("all_districts", lang),
            _t("generated", lang, at=_local(data.generated_at)),
            _anchor_line(data, lang),
        ]
    )
    ws.append([])
    ws.append(
        [
            _t("indicator", lang),
            f"{_t('this_month', lang)} {_t('numerator', lang)}",
            f"{_t('this_month', lang)} {_t('denominator', lang)}",
            f"{_t('this_month', lang)} {_t('rate', lang)}",
            f"{_t('ytd', lang)} {_t('numerator', lang)}",
            f"{_t('ytd', lang)} {_t('denominator', lang)}",
            f"{_t('ytd', lang)} {_t('rate', lang)}",
            _t("target", lang),
            _t("met", lang),
        ]
    )
    for c in ws[ws.max_row]:
        c.font = bold
    f, y = data.figures, data.year_to_date
    for code, rm, ry in (
        ("mediation_success_rate", f.mediation, y.mediation),
        ("arbitration_closure_rate", f.arbitration, y.arbitration),
        ("inspection_closure_rate", f.inspection, y.inspection),
        ("green_on_time_rate", f.green, y.green),
    ):
        ws.append(
            [
                labels.text(labels.INDICATORS, code, lang),
                rm.numerator,
                rm.denominator,
                rm.rate,
                ry.numerator,
                ry.denominator,
                ry.rate,
                ry.target,
                _met(ry, lang),
            ]
        )
        for col in (4, 7, 8):
            ws.cell(ws.max_row, col).number_format = "0.00%"
    ws.append([])
    for key, a, b in (
        ("recovered", f.recovered, y.recovered),
        ("claimed", f.claimed, y.claimed),
        ("workers_helped", f.workers_helped, y.workers_helped),
        ("workers_involved", f.workers_involved, y.workers_involved),
        ("collective", f.collective, y.collective),
        ("supervised", f.supervised, y.supervised),
        ("overdue", f.overdue, y.overdue),
    ):
        ws.append([_t(key, lang), a, b])
    ws.append([])
    ws.append([_t("targets_note", lang)])
    ws.append([])
    ws.append([_t(k, lang) for k in ("sign_head", "sign_review", "sign_prepared", "sign_date")])

    wk = wb.create_sheet(_t("kind", lang))
    wk.append(
        [
            _t(k, lang)
            for k in (
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
                "workers_involved",
                "workers_helped",
                "claimed",
                "recovered",
            )
        ]
    )
    for k in data.by_kind:
        wk.append(
            [
                labels.text(labels.KINDS, k.kind, lang),
                k.pending_at_start,
                k.accepted,
                k.closed,
                k.closure.rate,
                k.succeeded,
                k.collective,
                k.supervised,
                k.green_cases,
                k.green_on_time,
                k.overdue,
                k.workers_involved,
                k.workers_helped,
                k.claimed,
                k.recovered,
            ]
        )
    wd = wb.create_sheet(_t("district_col", lang))
    wd.append(
        [
            _t("district_col", lang),
            *[
                labels.text(labels.INDICATORS, c, lang)
                for c in ("mediation_success_rate", "arbitration_closure_rate", "inspection_closure_rate")
            ],
            _t("overdue", lang),
            _t("recovered", lang),
            _t("workers_helped", lang),
        ]
    )
    for d in data.by_district:
        wd.append(
            [
                _district(d.district, lang),
                d.mediation.rate,
                d.arbitration.rate,
                d.inspection.rate,
                d.overdue,
                d.recovered,
                d.workers_helped,
            ]
        )
    wt = wb.create_sheet("trend" if not lang.startswith("zh") else "趋势")
    wt.append(
        [
            "month",
            *[
                labels.text(labels.INDICATORS, c, lang)
                for c in ("mediation_success_rate", "arbitration_closure_rate", "inspection_closure_rate")
            ],
        ]
    )
    for p in data.trend:
        wt.append([p.month, p.mediation, p.arbitration, p.inspection])
    arb_finality.xlsx_sheet(wb, data.arb_finality, lang)
    for title, cl in (("green", data.green_list), ("overdue", data.overdue_list)):
        wl = wb.create_sheet(_t(title, lang))
        wl.append(
            [
                _t("case_number", lang),
                _t("kind", lang),
                _t("parties", lang),
                _t("employer", lang),
                _t("due_on", lang),
                _t("days_taken" if title == "green" else "days_overdue", lang),
                *([_t("late_unit", lang)] if title == "overdue" else []),
            ]
        )
        for r in cl.rows:
            wl.append(
                [
                    r.number,
                    labels.text(labels.KINDS, r.kind, lang),
                    _parties(r, lang),
                    "、".join(r.employers),
                    r.due_on,
                    r.days,
                    *([_t(f"unit_{r.unit}", lang)] if title == "overdue" else []),
                ]
            )
    monthly_link.add_sheet(wb, data, lang)
    celltext.save_workbook(wb, out if not isinstance(out, Path) else str(out))  # text, never formulas
