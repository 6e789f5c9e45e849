"""The monthly report's 调裁衔接 table (issue 21), for the PDF and the workbook.

Kept beside ``monthly``/``monthly_xlsx`` so that each report table added for issue 21 is
its own module and the shared builders only gain a line that calls it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from reportlab.platypus import Paragraph, Table

from casemgr.metrics import mediation_link as ml
from casemgr.metrics import report as mr
from casemgr.reports import styles
from casemgr.reports.wording import money

Pair = tuple[str, str]

TITLE: Pair = ("七、调裁衔接", "7. Mediation and arbitration joined up")
SHEET: Pair = ("调裁衔接", "Mediation link")  # a sheet name has at most 31 characters
HEAD: tuple[Pair, Pair, Pair] = (("项目", "Item"), ("本月", "This month"), ("本年累计", "Year to date"))
NOTE: Pair = (
    "按办理步骤的日期统计（立案前调解：《劳动人事争议仲裁办案规则》（2017）第六十九条；委托调解：第七十条；"
    "仲裁审查：第七十四条至第七十九条）。立案前调解成功的申请未经受理，不计入仲裁结案率和调解成功率。",
    "Counted by the date of each step (Arbitration Rules 2017 Art. 69 pre-filing mediation, Art. 70 entrusted "
    "mediation, Arts. 74-79 review). Applications settled before filing were never accepted and are in "
    "neither the arbitration closure rate nor the mediation success rate.",
)
LABELS: dict[tuple[str, str], Pair] = {
    ("pre_filing", "diverted"): ("立案前调解：暂缓受理转调解", "Pre-filing mediation: diverted"),
    ("pre_filing", "settled"): ("　其中：调解成功结案", "  settled (closed)"),
    ("pre_filing", "returned"): ("　调解不成恢复受理", "  not settled, acceptance resumed"),
    ("pre_filing", "withdrawn"): ("　暂缓期间撤回申请", "  withdrawn while deferred"),
    ("pre_filing", "amount_agreed"): ("　调解成功协议金额（元）", "  amount agreed (yuan)"),
    ("entrusted", "entrusted"): ("委托调解：委托", "Entrusted mediation: entrusted"),
    ("entrusted", "settled"): ("　达成协议", "  agreement reached"),
    ("entrusted", "returned"): ("　未达成协议转开庭", "  no agreement, to the hearing"),
    ("entrusted", "withdrawn"): ("　委托期间撤回申请", "  withdrawn while entrusted"),
    ("entrusted", "amount_agreed"): ("　达成协议金额（元）", "  amount agreed (yuan)"),
    ("review", "applied"): ("仲裁审查：共同申请", "Review of agreements: joint applications"),
    ("review", "accepted"): ("　受理", "  accepted"),
    ("review", "not_accepted"): ("　不予受理", "  not accepted (Art. 75)"),
    ("review", "confirmed"): ("　出具调解书（确认）", "  confirmed (mediation statement issued)"),
    ("review", "refused"): ("　不予制作调解书", "  refused (Art. 78)"),
    ("review", "withdrawn"): ("　撤回申请", "  withdrawn (Art. 79)"),
}


def _l(pair: Pair, lang: str) -> str:
    return pair[0] if lang.startswith("zh") else pair[1]


def _cell(v: int | Decimal) -> str:
    return money(v) if isinstance(v, Decimal) else str(v)


def rows(data: mr.ReportData, lang: str) -> list[list[Any]]:
    """Header and one row per figure: label, this month, year to date (plain values)."""
    link = data.mediation_link
    out: list[list[Any]] = [[_l(h, lang) for h in HEAD]]
    for block, name in ml.ROWS:
        m = ml.value(link.month, block, name) if link else None
        y = ml.value(link.year_to_date, block, name) if link else None
        out.append([_l(LABELS[(block, name)], lang), m, y])
    return out


def pdf_block(data: mr.ReportData, lang: str, sh: styles.Sheet) -> list[Any]:
    """The table for the PDF; nothing for a month frozen before the table existed."""
    if data.mediation_link is None:
        return []
    table = rows(data, lang)
    cells: list[list[Any]] = [[Paragraph(escape(h), sh.styles["cell_center"]) for h in table[0]]]
    for label, m, y in table[1:]:
        sub = label.startswith(("　", " "))  # a figure within its group: indented
        text = ("&nbsp;" * 4 if sub else "") + escape(label.strip("　 "))
        cells.append([Paragraph(text, sh.styles["cell"]), _cell(m), _cell(y)])
    t = Table(cells, colWidths=[278, 110, 110], repeatRows=1)
    t.setStyle(styles.table_style(sh.font, n_rows=len(cells)))
    return [
        Paragraph(escape(_l(TITLE, lang)), sh.styles["h2"]),
        t,
        Paragraph(escape(_l(NOTE, lang)), sh.styles["small"]),
    ]


def add_sheet(wb: Any, data: mr.ReportData, lang: str) -> None:
    """The same table as a sheet of the workbook."""
    if data.mediation_link is None:
        return
    ws = wb.create_sheet(_l(SHEET, lang))
    for r in rows(data, lang):
        ws.append([r[0].strip("　 "), *r[1:]])
    ws.append([])
    ws.append([_l(NOTE, lang)])
