"""forecast score, forecast calibration, forecast baseline."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from ledger.cli import json_output, lines
from ledger.cli.context import (
    DbOption,
    JsonOption,
    ledger_engine,
    ledger_session,
    parse_date_option,
)
from ledger.cli.grid import Grid, print_grid
from ledger.cli.lazy import lazy_module
from ledger.errors import UsageError
from ledger.failures import summarize_failures
from ledger.records import SCORE_GROUPINGS
from ledger.safe_text import printable

if TYPE_CHECKING:
    from ledger.scoring import GroupScore

# Scoring (pandas, SciPy) is imported by the commands that use it, so the
# recording commands start fast.
# Rich and the record types load when a command renders, not for --help; `score`
# prints its table and notes without Rich in a pipe (ledger.cli.grid, ledger.cli.lines).
render = lazy_module("ledger.cli.render")

DEFAULT_BINS = 10

IncludeEarly = Annotated[
    bool,
    typer.Option(
        "--include-early",
        help="Also score claims resolved before their deadline (biased toward yes: see README).",
    ),
]


ExcludeLate = Annotated[
    bool,
    typer.Option(
        "--exclude-late",
        help="Leave out claims logged late (recorded after a day of their window had "
        "passed, when hindsight could pick them); still counted in the 'late' column.",
    ),
]


def register(app: typer.Typer) -> None:
    app.command("score")(score)
    app.command("calibration")(calibration_command)
    app.command("baseline")(baseline)


def score(
    by: Annotated[
        str, typer.Option("--by", help="Group by source, asset, tag or year.")
    ] = "source",
    since: Annotated[
        str | None, typer.Option("--since", help="Calls made on or after YYYY-MM-DD.")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Calls made on or before YYYY-MM-DD.")
    ] = None,
    min_n: Annotated[
        int, typer.Option("--min-n", min=0, help="Hide groups with fewer scored claims.")
    ] = 0,
    include_early: IncludeEarly = False,
    data_verdicts: Annotated[
        bool,
        typer.Option(
            "--data-verdicts",
            help="Score claims as the prices judged them: a claim voided after it resolved "
            "counts with its last automatic verdict, a manual override with the automatic "
            "verdict it replaced (open if the prices never judged it).",
        ),
    ] = False,
    exclude_overrides: Annotated[
        bool,
        typer.Option(
            "--exclude-overrides",
            help="Leave manually overridden claims out of the scores (still counted).",
        ),
    ] = False,
    exclude_late: ExcludeLate = False,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Who to trust: hit rates with intervals, boldness, edge over the market, Brier and log scores.

    Ranked by a hit rate shrunk toward the average (empirical Bayes), so 2 out
    of 2 does not outrank 40 out of 50. Only claims whose deadline has passed
    are scored; open ones are counted, and so are vague calls no price can
    judge, with their share of the source's calls. Each row counts the claims voided after
    they resolved (wdrn) and the manual overrides of a verdict (ovrd); they
    are scored as they stand unless --data-verdicts or --exclude-overrides.
    """
    if by not in SCORE_GROUPINGS:
        raise UsageError(f"--by {by!r}: use one of {', '.join(SCORE_GROUPINGS)}")
    from ledger.scoreboard import ScoreOptions, scoreboard
    from ledger.scoring.separation import (
        NOT_APART,
        ScoreHints,
        cannot_tell_apart,
        why_nothing_is_scored,
        why_rows_are_blank,
    )

    options = ScoreOptions(
        by=by,
        since=parse_date_option(since, "--since"),
        until=parse_date_option(until, "--until"),
        min_n=min_n,
        include_early=include_early,
        data_verdicts=data_verdicts,
        exclude_overrides=exclude_overrides,
        exclude_late=exclude_late,
    )
    with ledger_session(db) as session:
        scores = scoreboard(session, options, date.today())
    if as_json:
        json_output.print_json([_json(s) for s in scores])
        return
    if not scores:
        lines.note("nothing to score yet: record claims, then 'forecast resolve'")
        return
    print_grid(
        _score_table(scores, by),
        drop_order=(
            "bits/claim",
            "open",
            "wdrn",
            "ovrd",
            "late",
            "claims",
            "market p",
            "skill",
            "shrunk",
            "edge (p)",
        ),
    )
    hints = ScoreHints(
        early="--include-early scores them now, biased toward yes",
        late="without --exclude-late they count",
        resolve="'forecast resolve' settles open claims against prices"
        " ('forecast resolve --prices csv:DIR' works offline)",
    )
    if not any(s.scored for s in scores):
        lines.note(why_nothing_is_scored(scores, include_early, exclude_late, hints))
    else:
        if cannot_tell_apart(scores):
            lines.note(NOT_APART)
        blank = why_rows_are_blank(scores, include_early, exclude_late, hints)
        if blank:
            lines.note(blank)
    lines.note(
        "vague = calls too vague for any price to judge (share of the non-void calls); "
        "scored = resolved claims whose deadline has passed; edge = hits minus the hits the "
        "market implied; skill = Brier skill vs the market; wdrn = voided after they resolved, "
        "ovrd = manual overrides (see --data-verdicts, --exclude-overrides); late = scored "
        "claims logged after their window began (see --exclude-late)"
    )


def _json(score: GroupScore) -> dict:
    data = score.to_dict()
    data.pop("calibration", None)
    return data


def _score_table(scores: list[GroupScore], by: str) -> Grid:
    columns = (
        (by, "left"),
        ("claims", "right"),
        ("open", "right"),
        ("vague", "right"),
        ("scored", "right"),
        ("wdrn", "right"),
        ("ovrd", "right"),
        ("late", "right"),
        ("hit rate (90% CI)", "right"),
        ("shrunk", "right"),
        ("market p", "right"),
        ("edge (p)", "right"),
        ("Brier", "right"),
        ("skill", "right"),
        ("bits/claim", "right"),
    )
    table = Grid([name for name, _ in columns], [justify for _, justify in columns])
    for s in scores:
        ci = f" ({s.hit_rate_ci[0]:.0%}-{s.hit_rate_ci[1]:.0%})" if s.hit_rate_ci else ""
        table.add_row(
            printable(str(s.group)),
            str(s.claims),
            str(s.open),
            _vague(s),
            str(s.scored),
            str(s.voided_after_resolution),
            str(s.manual_overrides),
            str(s.logged_late),
            _pct(s.hit_rate) + ci,
            _pct(s.shrunk_hit_rate),
            _pct(s.market_prob_mean),
            "" if s.edge is None else f"{s.edge:+.1f} ({s.edge_p_value:.2f})",
            _num(s.brier),
            _num(s.brier_skill_vs_market, signed=True),
            _num(s.log_gain_bits, signed=True),
        )
    return table


def _vague(score: GroupScore) -> str:
    if not score.vague:
        return "0"
    return f"{score.vague} ({_pct(score.vagueness_rate)})"


def _pct(value: float | None) -> str:
    return "" if value is None else f"{value:.0%}"


def _num(value: float | None, signed: bool = False) -> str:
    if value is None:
        return ""
    return f"{value:+.3f}" if signed else f"{value:.3f}"


def calibration_command(
    source: Annotated[str | None, typer.Option("--source", "-s", help="Only this source.")] = None,
    bins: Annotated[
        int, typer.Option("--bins", min=1, max=100, help="Equal-width bins.")
    ] = DEFAULT_BINS,
    include_early: IncludeEarly = False,
    exclude_late: ExcludeLate = False,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Are the stated probabilities honest? Observed frequency per probability bin."""
    from rich.table import Table

    from ledger.scoreboard import calibration

    with ledger_session(db) as session:
        report, n = calibration(
            session,
            source=source,
            bins=bins,
            include_early=include_early,
            today=date.today(),
            exclude_late=exclude_late,
        )
    if as_json:
        data = report.to_dict()
        data["scored"] = n
        render.print_json(data)
        return
    if n == 0:
        render.note("no scored claims with a probability yet: add some with --prob, then resolve")
        return
    table = Table(show_edge=False, pad_edge=False, header_style="bold")
    for name in ("bin", "n", "mean stated", "observed", "90% interval"):
        table.add_column(name, justify="right")
    for b in report.bins:
        table.add_row(
            f"{b.low:.0%}-{b.high:.0%}",
            str(b.n),
            _pct(b.mean_prob),
            _pct(b.freq),
            f"{b.freq_ci[0]:.0%}-{b.freq_ci[1]:.0%}" if b.freq_ci else "",
        )
    out = render.stdout()
    out.print(table)
    z = round(report.spiegelhalter_z, 2) + 0.0  # + 0.0: no "-0.00" for a z that rounds to zero
    out.print(
        f"{n} claims; Brier {report.brier:.3f} = reliability {report.reliability:.3f} "
        f"- resolution {report.resolution:.3f} + uncertainty {report.uncertainty:.3f}; "
        f"Spiegelhalter z {z:+.2f} (p {report.spiegelhalter_p:.2f})",
        markup=False,
    )


def baseline(
    recompute: Annotated[
        bool, typer.Option("--recompute", help="Recompute every claim's baseline.")
    ] = False,
    prices: Annotated[str, typer.Option("--prices", help="yahoo, or csv:DIR.")] = "yahoo",
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Compute what the market implied for each claim on the day it was made."""
    from ledger.baseline import compute_baselines
    from ledger.market.factory import price_source_from_spec
    from ledger.store.engine import cache_dir

    source = price_source_from_spec(prices, cache_dir=cache_dir())
    engine = ledger_engine(db)
    try:
        summary = compute_baselines(engine, source, recompute=recompute)
    finally:
        engine.dispose()
    if as_json:
        render.print_json(summary.to_json())
    else:
        typer.echo(
            f"baselines: {summary.computed} computed, {summary.without} without one "
            f"(not enough history), {len(summary.skipped_symbols)} symbols skipped"
        )
        for line in summarize_failures(summary.skipped_symbols):
            typer.echo(printable(f"skipped {line}"))
    raise typer.Exit(1 if summary.skipped_symbols else 0)
