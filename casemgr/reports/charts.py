"""The 12-month trend chart of the three rates (ReportLab graphics, black and white).

The three series differ by marker and dash pattern, not colour, so the chart survives a
monochrome printer; targets are thin dashed lines labelled at the right edge. A month
with no denominator has no rate: the line has a gap there, never a fake zero.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Line, String
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
    chart = HorizontalLineChart()
    chart.x, chart.y = 38, 42
    chart.width, chart.height = width - 110, height - 60
    chart.data = [tuple(None if v is None else float(v) * 100 for v in s) for s in series]
    chart.categoryAxis.categoryNames = [m[2:] for m in months]  # "26-03": short enough for 12
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = "%d%%"
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.Color(0.85, 0.85, 0.85)
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.joinedLines = True
    for i, (marker, dash) in enumerate(SERIES_STYLE[: len(series)]):
        line = chart.lines[i]
        line.strokeColor = colors.black
        line.strokeWidth = 1.1
        line.strokeDashArray = dash
        sym = makeMarker(marker)
        sym.size = 4.5
        sym.fillColor = colors.black if marker.startswith("Filled") else colors.white
        sym.strokeColor = colors.black
        line.symbol = sym
    d.add(chart)

    # Target lines: thin, grey, dashed, labelled at the right edge.
    x0, x1 = chart.x, chart.x + chart.width
    for tgt in targets:
        if tgt is None:
            continue
        y = chart.y + chart.height * float(tgt)
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
    lx = chart.x
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
