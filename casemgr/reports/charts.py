"""The 12-month trend chart of the three rates (ReportLab graphics, black and white).

The three series differ by marker and dash pattern, not colour, so the chart survives a
monochrome printer; targets are thin dashed lines labelled at the right edge. A month
with no denominator has no rate: the line has a gap there, never a fake zero.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from reportlab.graphics.shapes import Drawing, Line, PolyLine, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

#: (marker, dash pattern) per series, in the order mediation, arbitration, inspection.
SERIES_STYLE: tuple[tuple[str, list[float] | None], ...] = (
    ("FilledCircle", None),
    ("Square", [4, 2]),
    ("FilledTriangle", [1, 2]),
)


def trend_chart(
    months: Sequence[str],
    series: Sequence[Sequence[Decimal | None]],
    names: Sequence[str],
    targets: Sequence[Decimal | None],
    font: str,
    *,
    width: float = 480,
    height: float = 190,
) -> Drawing:
    """``series[i][j]`` is rate i in month j (0..1 or None); plotted as percentages."""
    d = Drawing(width, height)
    # Drawn by hand rather than with HorizontalLineChart: its polylines fail on a series
    # with a single known month, and a gap must stay a gap.
    x0, y0 = 38.0, 42.0
    w, h = width - 110.0, height - 60.0
    n = max(1, len(months))
    step = w / n
    grid = colors.Color(0.85, 0.85, 0.85)

    def px(i: int) -> float:
        return x0 + step * (i + 0.5)

    def py(v: float) -> float:
        return y0 + h * v

    for pct in range(0, 101, 20):
        y = py(pct / 100)
        d.add(
            Line(x0, y, x0 + w, y, strokeColor=grid if pct else colors.black, strokeWidth=0.3 if pct else 0.8)
        )
        d.add(String(x0 - 4, y - 2.5, f"{pct}%", fontName=font, fontSize=7, textAnchor="end"))
    d.add(Line(x0, y0, x0, y0 + h, strokeColor=colors.black, strokeWidth=0.8))
    for i, m in enumerate(months):
        d.add(Line(px(i), y0, px(i), y0 - 3, strokeColor=colors.black, strokeWidth=0.5))
        d.add(String(px(i), y0 - 12, m[2:], fontName=font, fontSize=7, textAnchor="middle"))  # "26-03"

    for values, (marker, dash) in zip(series, SERIES_STYLE, strict=False):
        run: list[float] = []
        points = [(i, v) for i, v in enumerate(values)]
        for i, v in [*points, (len(points), None)]:
            if v is not None:
                run += [px(i), py(float(v))]
                continue
            if len(run) >= 4:
                d.add(PolyLine(run, strokeColor=colors.black, strokeWidth=1.1, strokeDashArray=dash))
            run = []
        for i, v in points:
            if v is None:
                continue
            sym = makeMarker(marker)
            sym.x, sym.y, sym.size = px(i), py(float(v)), 4.5
            sym.fillColor = colors.black if marker.startswith("Filled") else colors.white
            sym.strokeColor = colors.black
            d.add(sym)

    # Target lines: thin, grey, dashed, labelled at the right edge.
    x1 = x0 + w
    for tgt in targets:
        if tgt is None:
            continue
        y = py(float(tgt))
        d.add(
            Line(
                x0,
                y,
                x1,
                y,
                strokeColor=colors.Color(0.45, 0.45, 0.45),
                strokeWidth=0.5,
                strokeDashArray=[2, 2],
            )
        )
        d.add(String(x1 + 3, y - 2.5, f"{float(tgt) * 100:.0f}%", fontName=font, fontSize=6.5))

    # Legend: line sample with its marker, then the name; one row under the axis.
    lx = x0
    ly = 8
    for (marker, dash), name in zip(SERIES_STYLE, names, strict=False):
        d.add(
            Line(lx, ly + 3, lx + 22, ly + 3, strokeColor=colors.black, strokeWidth=1.1, strokeDashArray=dash)
        )
        sym = makeMarker(marker)
        sym.x, sym.y, sym.size = lx + 11, ly + 3, 4.5
        sym.fillColor = colors.black if marker.startswith("Filled") else colors.white
        sym.strokeColor = colors.black
        d.add(sym)
        d.add(String(lx + 26, ly, name, fontName=font, fontSize=7.5))
        lx += 26 + stringWidth(name, font, 7.5) + 18
    return d
