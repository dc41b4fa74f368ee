"""A group's statistics in words and numbers, with the reason when one does not apply."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from ledger.scoring import GroupScore
from tui import formatting as fmt


def _p_value(p: float | None) -> str:
    if p is None:
        return fmt.DASH
    return "<0.001" if p < 0.001 else f"{p:.3f}"


def stats_lines(score: GroupScore, *, pooled: bool = False) -> list[tuple[str, str]]:
    """(label, value) pairs; a statistic that does not apply says why instead of a number.

    `pooled`: the claims of many sources as one group, where a hit rate shrunk toward the
    average of the groups means nothing (there is one group), so it is left out."""
    lines = [
        (
            "claims",
            f"{score.claims:,}  (open {score.open:,}, true {score.true:,}, "
            f"false {score.false:,}, void {score.void:,})",
        ),
    ]
    if score.scored == 0:
        lines.append(("hit rate", "nothing scored yet: no deadline has passed on a resolved claim"))
    else:
        lines.append(
            (
                "hit rate",
                f"{fmt.pct(score.hit_rate)} of {score.scored:,} scored "
                f"(90% CI {fmt.interval(score.hit_rate_ci)}%"
                + ("" if pooled else f", shrunk {fmt.pct(score.shrunk_hit_rate)}")
                + ")",
            )
        )
    if score.with_market_prob:
        lines.append(
            (
                "boldness",
                f"market-implied p {fmt.pct(score.market_prob_mean)} on average "
                f"({score.with_market_prob:,} claims)",
            )
        )
        lines.append(
            (
                "edge",
                f"{fmt.signed(score.edge)} hits over the {score.expected_hits:.1f} the market "
                f"implied (p {_p_value(score.edge_p_value)})",
            )
        )
    else:
        lines.append(("boldness", "no market-implied probabilities yet (run a resolve)"))
    if score.with_prob:
        lines.append(
            (
                "Brier",
                f"{fmt.number(score.brier)} on {score.with_prob:,} stated probabilities "
                f"(log score {fmt.number(score.log_score)})",
            )
        )
        lines.append(
            (
                "calibration",
                f"reliability {fmt.number(score.reliability)}, resolution "
                f"{fmt.number(score.resolution)}, Spiegelhalter z "
                f"{fmt.number(score.spiegelhalter_z, 2)} (p {_p_value(score.spiegelhalter_p)})",
            )
        )
    else:
        lines.append(("Brier", "no stated probabilities among the scored claims"))
    if score.with_both:
        lines.append(
            (
                "skill",
                f"{fmt.signed(score.brier_skill_vs_market, 2)} Brier skill vs the market "
                f"({fmt.signed(score.log_gain_bits, 3)} bits/claim, {score.with_both:,} claims)",
            )
        )
    return lines


class StatsPanel(Static):
    """Shows one GroupScore (or says there is nothing to score)."""

    def show_score(self, score: GroupScore | None, *, pooled: bool = False) -> None:
        if score is None:
            self.update(Text("No claims here.", style="dim"))
            return
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column()
        for label, value in stats_lines(score, pooled=pooled):
            grid.add_row(label, value)
        self.update(grid)
