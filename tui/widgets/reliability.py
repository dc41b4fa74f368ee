"""The reliability diagram: stated probability against observed frequency, in the terminal.

Each calibration bin is a point at (mean stated probability, observed
frequency) with its 90% Jeffreys interval as a vertical bar; the diagonal is
perfect calibration. Points under the diagonal mean the source says "70%"
for things that happen less often than that.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual_plotext import PlotextPlot

from ledger.scoring.calibration import CalibrationBin
from tui.widgets.palette import theme_rgb

TICKS = [0.0, 0.25, 0.5, 0.75, 1.0]
TICK_LABELS = ["0%", "25%", "50%", "75%", "100%"]


class ReliabilityPlot(PlotextPlot):
    """Draws the bins it is given; redraws in the new colours when the theme changes."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._bins: tuple[CalibrationBin, ...] = ()

    def on_mount(self) -> None:
        # PlotextPlot's own on_mount runs too (Textual calls each class's handler).
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._draw())

    def show_bins(self, bins: Sequence[CalibrationBin]) -> None:
        self._bins = tuple(bins)
        self._draw()

    def _draw(self) -> None:
        plt = self.plt
        plt.clear_figure()
        n = sum(b.n for b in self._bins)
        plt.title(f"reliability: stated vs observed ({n} claims)")
        plt.plot([0.0, 1.0], [0.0, 1.0], color=theme_rgb(self, "foreground-muted"))
        interval_colour = theme_rgb(self, "secondary")
        for row in self._bins:
            plt.plot(
                [row.mean_prob, row.mean_prob],
                [row.freq_ci[0], row.freq_ci[1]],
                color=interval_colour,
            )
        if self._bins:
            plt.scatter(
                [b.mean_prob for b in self._bins],
                [b.freq for b in self._bins],
                marker="●",
                color=theme_rgb(self, "accent"),
            )
        plt.xlim(0.0, 1.0)
        plt.ylim(0.0, 1.0)
        plt.xticks(TICKS, TICK_LABELS)
        plt.yticks(TICKS, TICK_LABELS)
        plt.xlabel("stated")
        self.refresh()
