"""The price chart of a claim's window: price, the level, made_on and deadline, the evidence.

The x axis is days from the first bar (plotext's date axis mislays vertical
lines), labelled with dates. The line the claim is judged on is drawn beside
the close: the daily high for "reaches" and "stays below" claims, the low
for "falls to" and "stays above", so a touch that the close never shows is
still visible. A ratio is drawn as its series of closes (there is no
intraday ratio); an outperformance as both assets rebased to 100 at their
reference closes, so the gap between the lines is the difference in return.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd
from textual_plotext import PlotextPlot

from ledger.claims.model import evidence_label
from ledger.records import ClaimRecord
from ledger.safe_text import printable
from tui.formatting import price
from tui.ticks import nice_ticks
from tui.widgets.palette import theme_rgb

JUDGED_ON = {
    "touch_above": "high",
    "hold_below": "high",
    "touch_below": "low",
    "hold_above": "low",
}
# A band is drawn between its two edges; a hold_between is judged on both the
# high and the low, and the close is drawn with the edges.
X_TICKS = 4
Y_TICKS = 5
# The level and the day markers are dashed: the frame and the axes are solid
# lines, and a level drawn with their glyph reads as one more axis.
LEVEL_GLYPH = "╌"
DAY_GLYPH = "┊"


@dataclass(frozen=True)
class ChartWindow:
    """What the chart draws, as plain values."""

    symbol: str
    dates: tuple[date, ...]
    closes: tuple[float, ...]
    extreme_field: str | None
    extremes: tuple[float, ...]
    level: float | None
    made_on: date
    deadline: date
    evidence_date: date | None
    evidence_price: float | None
    status: str
    close_label: str = "close"
    upper: float | None = None  # a band's ceiling, drawn beside its floor (`level`)
    evidence_label: str = "evidence"  # "closest" for the closest approach of a false claim


def chart_window(claim: ClaimRecord, bars: pd.DataFrame | None) -> ChartWindow | None:
    """The chart of `claim` over `bars`, or None when there are no bars to draw."""
    if bars is None or bars.empty:
        return None
    days = tuple(pd.DatetimeIndex(bars.index).date)
    if claim.versus_symbol and "versus_close" in bars:
        return ChartWindow(
            symbol=f"{claim.symbol} vs {claim.versus_symbol}",
            dates=days,
            closes=tuple(float(v) for v in bars["close"]),
            extreme_field=f"{claim.versus_symbol} (100 = reference)",
            extremes=tuple(float(v) for v in bars["versus_close"]),
            level=None,
            made_on=claim.made_on,
            deadline=claim.deadline,
            evidence_date=claim.evidence_date,
            evidence_price=None,  # the spread, in points: not on this scale
            status=claim.status,
            close_label=f"{claim.symbol} (100 = reference)",
        )
    # A ratio's high and low are its close: nothing to draw beside it.
    field = None if "/" in claim.symbol else JUDGED_ON.get(claim.kind)
    return ChartWindow(
        symbol=claim.symbol,
        dates=days,
        closes=tuple(float(v) for v in bars["close"]),
        extreme_field=field,
        extremes=tuple(float(v) for v in bars[field]) if field else (),
        level=claim.level,
        made_on=claim.made_on,
        deadline=claim.deadline,
        evidence_date=claim.evidence_date,
        evidence_price=claim.evidence_price,
        status=claim.status,
        upper=claim.upper,
        evidence_label=evidence_label(claim.kind, claim.status),
    )


class PriceChart(PlotextPlot):
    """Draws a ChartWindow; redraws in the new colours when the theme changes."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._window: ChartWindow | None = None

    def on_mount(self) -> None:
        # PlotextPlot's own on_mount runs too (Textual calls each class's handler).
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._draw())

    def show_window(self, window: ChartWindow) -> None:
        self._window = window
        self._draw()

    def _draw(self) -> None:
        window = self._window
        plt = self.plt
        plt.clear_figure()
        if window is None:
            self.refresh()
            return
        first = window.dates[0]

        def x(day: date) -> int:
            return (day - first).days

        xs = [x(d) for d in window.dates]
        # The level must be on the chart even when the price never came near it.
        values = [*window.closes, *window.extremes]
        # So must the evidence: a hold_between's is a high or a low the closes never show,
        # and plotext cannot draw the legend of a point it clipped.
        values += [v for v in (window.level, window.upper, window.evidence_price) if v is not None]
        low, high = min(values), max(values)
        pad = (high - low) * 0.05 or abs(high) * 0.05 or 1.0
        bottom, top = low - pad, high + pad
        plt.ylim(bottom, top)
        y_ticks = nice_ticks(bottom, top, Y_TICKS)
        plt.yticks(list(y_ticks.values), list(y_ticks.labels))

        # Markers first, so the prices are drawn over them.
        def vertical(day: date, color: tuple[int, int, int]) -> None:
            plt.plot([x(day), x(day)], [bottom, top], marker=DAY_GLYPH, color=color)

        for edge in (window.level, window.upper):
            if edge is not None:
                plt.plot(
                    [xs[0], xs[-1]],
                    [edge, edge],
                    marker=LEVEL_GLYPH,
                    color=theme_rgb(self, "warning"),
                )
        for day in (window.made_on, window.deadline):
            if first <= day <= window.dates[-1] + timedelta(days=7):
                vertical(day, theme_rgb(self, "foreground-muted"))
        outcome = theme_rgb(self, "success" if window.status == "true" else "error")
        if window.evidence_date is not None:
            vertical(window.evidence_date, outcome)
        if window.extreme_field:
            plt.plot(
                xs,
                list(window.extremes),
                color=theme_rgb(self, "secondary"),
                label=window.extreme_field,
            )
        plt.plot(
            xs, list(window.closes), color=theme_rgb(self, "primary"), label=window.close_label
        )
        if window.evidence_date is not None and window.evidence_price is not None:
            plt.scatter(
                [x(window.evidence_date)],
                [window.evidence_price],
                marker="◆",
                color=outcome,
                label=f"{window.evidence_label} {window.evidence_date.isoformat()}",
            )
        ticks = sorted({round(xs[-1] * i / (X_TICKS - 1)) for i in range(X_TICKS)})
        plt.xticks(ticks, [(first + timedelta(days=t)).isoformat() for t in ticks])
        if window.upper is not None:
            level = f"band {price(window.level)}-{price(window.upper)}"
        elif window.level is not None:
            level = f"level {price(window.level)}"
        else:
            level = "no level"
        if window.close_label != "close":
            level = "returns, 100 = each one's reference close"
        plt.title(
            f"{printable(window.symbol)}  {level}  |  made on {window.made_on.isoformat()}"
            f"  |  deadline {window.deadline.isoformat()}"
        )
        self.refresh()
