"""A notice laid out per GB/T 9704-2012 《党政机关公文格式》, on a canvas, line by line.

Why our own little typesetter instead of ReportLab's paragraphs: the standard is a grid —
A4, type area 156 × 225 mm from 37 mm top and 28 mm left (§5.2.1), 22 lines of 28 characters
of 3号仿宋 (§5.2.2) that fill the line (撑满版心) —, and a paragraph flow cannot hold 28
characters of 16 pt in 156 mm (that needs the 15.8 pt pitch Word's document grid uses) nor
keep every line on the 10.2 mm pitch. So each line is placed on the grid here: characters at
the grid pitch, a full line justified to both edges, full-width closing punctuation never
starts a line (it is squeezed into the line before, 挤进) and an opening bracket never ends
one. The rest of the standard that a notice uses:

* title in 2号小标宋 (22 pt), centred, wrapped into balanced lines (§7.3.1);
* the issuing body's name and the date (阿拉伯数字, §7.3.5) at the end, the date 4
  characters in from the right and the name centred over it, with room above them for the
  red seal that presses on both (§7.3.5.1) — :func:`layout` reports where it goes;
* page numbers in 4号 (14 pt) half-width digits between em dashes, "— 1 —", 7 mm under the
  type area, odd pages right and even pages left, one character in (§7.5);
* first-level headings in 黑体 (§7.3.3).

The layout is a pure function of :class:`~casemgr.reports.notices.NoticeData` and the fonts;
output is deterministic (``invariant``) so a reprint and a test can compare bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, BinaryIO

if TYPE_CHECKING:
    from casemgr.reports.fonts import NoticeFonts

#: :class:`casemgr.reports.notices.NoticeData` (not imported: that module imports this one)
NoticeData = Any

MM = 72 / 25.4
PAGE_W, PAGE_H = 210 * MM, 297 * MM
TOP, LEFT = 37 * MM, 28 * MM
AREA_W, AREA_H = 156 * MM, 225 * MM
LINES, CHARS = 22, 28
PITCH = AREA_H / LINES  # 10.23 mm between lines
CHAR = AREA_W / CHARS  # 5.57 mm per character
BODY, TITLE, PAGE_NO, TABLE = 16.0, 22.0, 14.0, 14.0  # 3号, 2号, 4号, 4号
SEAL_DIAMETER = 42 * MM  # the common round seal of a government body

#: Full-width punctuation that must not begin a line (GB/T 15834 标点符号用法, 避头点号).
NO_LINE_START = "，。、；：？！）》」』】〕”’％"
#: Opening marks that must not end a line.
NO_LINE_END = "（《「『【〔“‘"
_TOKEN = re.compile(r"[A-Za-z0-9.,%:/\-]+|\s|.", re.S)


@dataclass(frozen=True)
class Placed:
    """One line of text as drawn (for tests): page, left x, baseline y from the page top."""

    page: int
    x: float
    y: float
    text: str
    font: str
    size: float


@dataclass
class Layout:
    lines: list[Placed] = field(default_factory=list)
    seal_center: tuple[int, float, float] | None = None  # page, x, y from the page top
    pages: int = 1


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _width(token: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(token, font, size)


def break_lines(text: str, font: str, size: float, width: float, *, pitch: float | None = None) -> list[str]:
    """Greedy lines of ``text`` no wider than ``width`` at ``pitch`` per full-width character."""
    spacing = (pitch - size) if pitch else 0.0
    lines: list[str] = []
    line: list[str] = []
    used = 0.0
    for tok in _tokens(text):
        w = _width(tok, font, size) + spacing * len(tok)
        if line and used + w > width + 0.01:
            if tok in NO_LINE_START:  # squeeze it into this line (挤进); justification absorbs it
                line.append(tok)
                used += w
                continue
            carry: list[str] = []
            while len(line) > 1 and line[-1] in NO_LINE_END:
                carry.insert(0, line.pop())
            lines.append("".join(line).rstrip())
            line = [*carry, tok] if tok.strip() or carry else []
            used = sum(_width(t, font, size) + spacing * len(t) for t in line)
            continue
        if not line and not tok.strip():
            continue
        line.append(tok)
        used += w
    if line:
        lines.append("".join(line).rstrip())
    return lines


class _Pen:
    """Draws on the grid and turns pages; keeps what it drew for :class:`Layout`."""

    def __init__(self, canvas: Any, fonts: NoticeFonts, out: Layout) -> None:
        self.c, self.fonts, self.out = canvas, fonts, out
        self.y = TOP  # top of the next line band, from the page top
        self.page = 1

    @property
    def bottom(self) -> float:
        return TOP + AREA_H

    def room(self, height: float) -> bool:
        return self.y + height <= self.bottom + 0.01

    def need(self, height: float) -> None:
        if not self.room(height):
            self.new_page()

    def new_page(self) -> None:
        self.page_number()
        self.c.showPage()
        self.page += 1
        self.out.pages = self.page
        self.y = TOP

    def text(
        self,
        s: str,
        x: float,
        size: float,
        font: str,
        *,
        band: float = PITCH,
        char_space: float = 0.0,
        stroke: bool = False,
    ) -> None:
        """``s`` in the band that starts at ``self.y``: its glyphs' top at the band's top."""
        from reportlab.pdfbase.pdfmetrics import getFont

        ascent = getFont(font).face.ascent / 1000 * size
        baseline = self.y + ascent
        t = self.c.beginText()
        t.setTextOrigin(x, PAGE_H - baseline)
        t.setFont(font, size)
        t.setCharSpace(char_space)
        if stroke:  # 小标宋's weight from a regular 宋体: fill and a hairline stroke
            t.setTextRenderMode(2)
        t.textOut(s)
        self.c.setLineWidth(0.35)
        self.c.drawText(t)
        self.out.lines.append(Placed(self.page, x, baseline, s, font, size))
        self.y += band

    def paragraph(self, s: str, *, indent: int = 2, font: str | None = None, justify: bool = True) -> None:
        font = font or self.fonts.body.name
        first = indent * CHAR
        lines = break_lines(s, font, BODY, AREA_W - first, pitch=CHAR)
        if len(lines) > 1:  # the rest of the paragraph runs the full width
            rest = break_lines(s[len(lines[0]) :].lstrip(), font, BODY, AREA_W, pitch=CHAR)
            lines = [lines[0], *rest]
        for i, line in enumerate(lines):
            self.need(PITCH)
            x = LEFT + (first if i == 0 else 0.0)
            space = CHAR - BODY
            if len(line) > 1:
                natural = sum(_width(ch, font, BODY) for ch in line)
                fill = (LEFT + AREA_W - x - natural) / (len(line) - 1)
                # A full line fills the type area; a squeezed-in closing mark never overflows it.
                space = fill if justify and i < len(lines) - 1 else min(space, fill)
            self.text(line, x, BODY, font, char_space=space)

    def centred(self, s: str, size: float, font: str, *, stroke: bool = False) -> None:
        for line in balanced(s, font, size, AREA_W):
            self.need(PITCH)
            w = _width(line, font, size)
            self.text(line, LEFT + (AREA_W - w) / 2, size, font, stroke=stroke)

    def rules(self, n: int) -> None:
        """``n`` ruled lines to write on by pen."""
        self.c.setLineWidth(0.5)
        for _ in range(n):
            self.need(PITCH)
            y = PAGE_H - (self.y + PITCH - 1.5 * MM)
            self.c.line(LEFT + 2 * CHAR, y, LEFT + AREA_W, y)
            self.y += PITCH

    def table(self, rows: tuple[tuple[str, ...], ...], header: bool) -> None:
        """A bordered table; a header row repeats on each page and never stands alone."""
        if not rows:
            return
        n = len(rows[0])
        widths = [AREA_W * 0.36, AREA_W * 0.64] if n == 2 else [AREA_W * 0.28] + [AREA_W * 0.24] * (n - 1)
        sized = [(row, self._cells(row, widths, header and r == 0)) for r, row in enumerate(rows)]
        head = sized[0] if header else None
        body = sized[1:] if header else sized
        if head is not None:
            self.need(head[1][1] + (body[0][1][1] if body else 0))
            self._row(head[0], head[1], widths, bold_all=True)
        for row, cells in body:
            if not self.room(cells[1]):
                self.new_page()
                if head is not None:
                    self._row(head[0], head[1], widths, bold_all=True)
            self._row(row, cells, widths, bold_all=False)
        self.y = TOP + PITCH * -(-(self.y - TOP) // PITCH)  # back onto the grid

    _PAD = 1.5 * MM
    _LEAD = TABLE * 1.45

    def _cells(
        self, row: tuple[str, ...], widths: list[float], is_header: bool
    ) -> tuple[list[list[str]], float]:
        font = self.fonts.body.name
        cells = [
            [
                ("\t" + ln if part.startswith("　") else ln)  # "年 月 日" set to the cell's right
                for part in cell.split("\n")
                for ln in (break_lines(part, font, TABLE, w - 2 * self._PAD) or [""])
            ]
            for cell, w in zip(row, widths, strict=True)
        ]
        min_height = PITCH * (1.5 if len(widths) > 2 and not is_header else 1.0)
        return cells, max(min_height, max(len(c) for c in cells) * self._LEAD + 2 * self._PAD)

    def _row(
        self,
        row: tuple[str, ...],
        sized: tuple[list[list[str]], float],
        widths: list[float],
        *,
        bold_all: bool,
    ) -> None:
        cells, height = sized
        self.c.setLineWidth(0.75)
        top, x = self.y, LEFT
        for c, (lines, w) in enumerate(zip(cells, widths, strict=True)):
            self.y = top + self._PAD
            bold = bold_all or (len(widths) == 2 and c == 0)
            cell_font = self.fonts.heading.name if bold else self.fonts.body.name
            for line in lines:
                if line.startswith("\t"):
                    line = line[1:]
                    x_text = x + w - self._PAD - _width(line, cell_font, TABLE)
                else:
                    x_text = x + self._PAD
                self.text(line, x_text, TABLE, cell_font, band=self._LEAD)
            self.c.rect(x, PAGE_H - top - height, w, height)
            x += w
        self.y = top + height

    def page_number(self) -> None:
        """ "— 1 —" in 4号, 7 mm under the type area; odd pages right, even pages left (§7.5)."""
        font = self.fonts.title.name
        s = f"— {self.page} —"
        w = _width(s, font, PAGE_NO)
        x = LEFT + AREA_W - PAGE_NO - w if self.page % 2 else LEFT + PAGE_NO
        y = PAGE_H - (TOP + AREA_H + 7 * MM) - PAGE_NO * 0.35  # the dashes sit 7 mm below the area
        self.c.setFont(font, PAGE_NO)
        self.c.drawString(x, y, s)


def balanced(s: str, font: str, size: float, width: float) -> list[str]:
    """A title in lines of nearly equal length (a long one is not a full line and a stub)."""
    lines = break_lines(s, font, size, width)
    if len(lines) < 2:
        return lines
    target = _width(s, font, size) / len(lines)
    for _ in range(8):
        trial = break_lines(s, font, size, target)
        if len(trial) == len(lines):
            return trial
        target += size / 2
    return lines


def _parts(data: NoticeData) -> Iterator[tuple[str, str]]:
    """The body as (kind, text): text, heading, write, table."""
    placed_table = False
    for para in data.paragraphs:
        if para.startswith("# "):
            yield "heading", para[2:]
        elif m := re.fullmatch(r"\[\[write:(\d+)\]\]", para):
            yield "write", m.group(1)
        elif para == "[[table]]":
            placed_table = True
            yield "table", ""
        else:
            for line in para.split("\n"):
                if line.strip():
                    yield "text", line
    if data.table and not placed_table:
        yield "table", ""


def layout(data: NoticeData, fonts: NoticeFonts, out: BinaryIO, *, invariant: bool = True) -> Layout:
    """Draw ``data`` into ``out`` as a PDF and return where its lines and seal went."""
    from reportlab.pdfgen.canvas import Canvas

    c = Canvas(
        out,
        pagesize=(PAGE_W, PAGE_H),
        invariant=1 if invariant else 0,
        pageCompression=1,
        initialFontName=fonts.body.name,  # else an unused, unembedded Helvetica is listed
        initialFontSize=BODY,
    )
    c.setTitle(f"{data.title} {data.doc_number}")
    c.setAuthor(data.issuer)
    result = Layout()
    pen = _Pen(c, fonts, result)
    title_font, body_font = fonts.title.name, fonts.body.name
    pen.centred(data.issuer, TITLE, title_font, stroke=fonts.title_stroke)
    for line in data.title_lines or (data.title,):
        pen.centred(line, TITLE, title_font, stroke=fonts.title_stroke)
    if data.show_number:
        pen.centred(data.doc_number, BODY, body_font)
    pen.y += PITCH  # one empty line before the addressee (§7.3.2)
    if data.addressee:
        pen.paragraph(data.addressee, indent=0, justify=False)
    for p in data.parties:
        pen.paragraph(f"{p.label}：{p.name}", justify=False)
        for d in p.details.split("，") if p.details else ():
            pen.paragraph(d, indent=4, justify=False)
    for kind, text in _parts(data):
        if kind == "heading":
            pen.need(PITCH * 2)  # a heading never ends a page
            pen.paragraph(text, font=fonts.heading.name, justify=False)
        elif kind == "write":
            pen.rules(int(text))
        elif kind == "table":
            pen.table(data.table, data.table_header)
        else:
            pen.paragraph(text)
    basis = "依据：" + data.legal_basis
    if data.show_closing:
        # The seal's page must carry body text (§7.3.5.1): the basis goes over with the closing.
        lines = len(break_lines(basis, body_font, BODY, AREA_W - 2 * CHAR, pitch=CHAR))
        pen.need(PITCH * lines + _closing_height(data))
    pen.paragraph(basis)
    if data.show_closing:
        _closing(pen, data)
    pen.page_number()
    c.save()
    return result


def _closing_height(data: NoticeData) -> float:
    return PITCH * (4 + max(0, 2 * len(data.signatures) - 1) + 2 * len(data.after_date))


def _closing(pen: _Pen, data: NoticeData) -> None:
    """Signatures, then the issuer and the date with the seal's room, kept on one page."""
    font = pen.fonts.body.name
    pen.need(_closing_height(data))
    pen.y += PITCH  # the seal's top sits within one line of the body (§7.3.5.1)
    for s in data.signatures:
        pen.text(s, LEFT + AREA_W / 2 - 2 * CHAR, BODY, font)
        pen.y += PITCH
    if data.signatures:
        pen.y -= PITCH
    pen.y += PITCH
    right = LEFT + AREA_W - 4 * CHAR  # 成文日期右空四字
    date_w = _width(data.date_text, font, BODY)
    centre = right - date_w / 2
    issuer_w = _width(data.issuer, font, BODY)
    issuer_x = min(centre - issuer_w / 2, LEFT + AREA_W - issuer_w)
    issuer_top = pen.y
    pen.text(data.issuer, issuer_x, BODY, font)
    pen.text(data.date_text, right - date_w, BODY, font)
    # The seal presses on both lines, which sit a little below its centre (§7.3.5.1).
    pen.out.seal_center = (pen.page, centre, issuer_top + PITCH * 0.6)
    for s in data.after_date:
        pen.y += PITCH
        pen.text(s, LEFT + AREA_W / 2 - 2 * CHAR, BODY, font)
