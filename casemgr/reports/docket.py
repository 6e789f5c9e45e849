"""The hearing docket (开庭排期表) as a PDF: a pure function of the plain data
:func:`casemgr.services.docket.docket` gathered for the acting user (names already masked
as the role requires).

Landscape A4, one table per day, rows in time order; black, white and grey only, like the
monthly report, so it prints the same on a monochrome office printer. An empty day of a
daily docket says so instead of printing an empty table.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table

from casemgr.reports import styles

WEEKDAYS = "一二三四五六日"
SEATS = {"presiding": "首席", "sole": "独任", "member": ""}
STATES = {"scheduled": "已排期", "awaiting_record": "待记录", "held": "已开庭"}
COLUMNS = ("时间", "庭室", "案号", "申请人", "被申请人", "仲裁庭", "状态")
WIDTHS = (22, 30, 58, 42, 52, 48, 17)  # mm: 269 mm on landscape A4 with 14 mm margins


@dataclass(frozen=True)
class DocketEntry:
    hearing_id: int
    case_id: int
    hearing_date: dt.date
    start: str  # "09:30"; "" when no time was recorded (hearings set before revision 0009)
    end: str
    room: str  # the room, or the place elsewhere
    case_number: str
    applicants: tuple[str, ...]
    respondents: tuple[str, ...]
    tribunal: tuple[tuple[str, str], ...]  # (seat, name): presiding / sole first
    state: str  # hearings.display_state: scheduled | awaiting_record | held


@dataclass(frozen=True)
class Docket:
    first: dt.date
    last: dt.date
    commission: str
    rooms: tuple[str, ...]  # every active room, so an empty room still shows
    entries: tuple[DocketEntry, ...]
    masked: bool
    printed_at: dt.datetime

    def by_room(self) -> dict[str, list[DocketEntry]]:
        out: dict[str, list[DocketEntry]] = {r: [] for r in self.rooms}
        for e in self.entries:
            out.setdefault(e.room, []).append(e)
        return out


def zh_day(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日（星期{WEEKDAYS[d.weekday()]}）"


def _tribunal(e: DocketEntry) -> str:
    return "、".join(f"{n}（{SEATS[s]}）" if SEATS.get(s) else n for s, n in e.tribunal) or "未指定"


def _row(e: DocketEntry, sh: styles.Sheet) -> list[Any]:
    cell = sh.styles["cell"]

    def p(text: str) -> Paragraph:
        return Paragraph(escape(text), cell)

    when = f"{e.start}–{e.end}" if e.start else "时间未定"
    return [
        p(when),
        p(e.room or "未定"),
        p(e.case_number),
        p("、".join(e.applicants)),
        p("、".join(e.respondents)),
        p(_tribunal(e)),
        p(STATES.get(e.state, e.state)),
    ]


def story(data: Docket) -> list[Any]:
    sh = styles.sheet()
    st = sh.styles
    period = zh_day(data.first) if data.first == data.last else f"{zh_day(data.first)}至{zh_day(data.last)}"
    out: list[Any] = [
        Paragraph(escape(data.commission), st["subtitle"]),
        Paragraph("开庭排期表", st["title"]),
        Paragraph(escape(period), st["subtitle"]),
    ]
    days: dict[dt.date, list[DocketEntry]] = {}
    for e in data.entries:
        days.setdefault(e.hearing_date, []).append(e)
    if not days:
        out.append(Paragraph("本期无开庭安排。", st["body"]))
    for day, entries in days.items():
        out.append(Paragraph(f"{escape(zh_day(day))}　共{len(entries)}庭", st["h2"]))
        rows = [[Paragraph(c, st["cell_center"]) for c in COLUMNS], *(_row(e, sh) for e in entries)]
        table = Table(rows, colWidths=[w * mm for w in WIDTHS], repeatRows=1)
        table.setStyle(styles.table_style(sh.font, n_rows=len(rows)))
        out.append(table)
    out.append(Spacer(1, 4 * mm))
    if data.masked:
        out.append(Paragraph("注：劳动者姓名已按打印人的查看权限隐去部分字符。", st["note"]))
    return out


def pdf_bytes(data: Docket) -> bytes:
    return styles.landscape_list_pdf(story(data), data.printed_at, "开庭排期表", data.commission)


def filename(data: Docket) -> str:
    if data.first == data.last:
        return f"开庭排期表-{data.first.isoformat()}.pdf"
    return f"开庭排期表-{data.first.isoformat()}至{data.last.isoformat()}.pdf"
