"""Turning records into what a terminal or a script reads.

Data goes to stdout (tables, JSON); notes and progress go to stderr.

Every string in a record is data, whoever wrote it: a source name, a quote
or a URL may hold Rich markup (`[link=...]`, `[/x]`) or terminal control
sequences. It reaches the console only through `cell()`, a `Text` that Rich
never parses, with control characters shown as visible escapes
(`ledger.safe_text.printable`). Markup is kept for the project's own table
headers; no stored text is ever interpolated into a markup string. JSON is
written as it is stored (json.dumps escapes control characters itself).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from rich import box
from rich.console import Console
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from ledger.claims.model import (
    evidence_label,
    format_margin,
    shown_price,
)
from ledger.claims.series import describe_series, price_source_text
from ledger.cli.grid import (
    fitted_cell,
    fitted_widths,
    looks_like_dates,
    plain_ascii,
    table_lines,
)
from ledger.cli.json_output import print_json, print_json_list  # noqa: F401 (re-exported)
from ledger.cli.lines import (  # noqa: F401 (re-exported)
    claim_lines,
    level_reading,
    level_rule_json,
    line,
    note,
    print_claim_preview,
)
from ledger.records import (
    ClaimDetail,
    ClaimRecord,
    ResolutionRecord,
    SourceSummary,
    leg_lines,
)
from ledger.safe_text import printable


def stdout() -> Console:
    """Tables for a terminal; in a pipe, lines as wide as they need to be."""
    width = None if sys.stdout.isatty() else 400
    return Console(file=sys.stdout, highlight=False, soft_wrap=True, width=width)


def stderr() -> Console:
    """Notes for a person: wrapped at word boundaries to a terminal's width (a terminal
    wraps long lines mid-word: 'sc' / 'ored'); in a pipe or a log, one line per note."""
    if sys.stderr.isatty():
        return Console(file=sys.stderr, highlight=False, soft_wrap=False)
    return Console(file=sys.stderr, highlight=False, soft_wrap=True)


def print_table(table: Table, drop_order: Sequence[str] = ()) -> None:
    """Print a table that fits the terminal by dropping whole columns, never cutting a number.

    Rich squeezes an over-wide table by wrapping or cutting cells, which turns
    a date or a Brier score into a different-looking value. Instead the
    columns named in `drop_order` go first (in that order) until the rest fit;
    right-aligned (numeric) columns and dates keep their full width, and only
    free text (a source name, an asset) is shortened with an ellipsis if the
    table is still too wide.
    """
    console = stdout()
    fit_columns(table, drop_order, console)
    lines = None if console.is_terminal else plain_table_lines(table, console.width)
    if lines is None:
        console.print(table)
    else:
        console.file.write("".join(line + "\n" for line in lines))


def plain_table_lines(table: Table, width: int) -> list[str] | None:
    """The lines Rich prints for a fitted table on a console that is no terminal,
    or None when the table is not of the one plain shape this knows.

    Rich lays out each of a long listing's cells through its whole renderer,
    which costs `forecast list` more than the rest of the command; in a pipe
    the result is plain text that is quicker to build directly. The shape is
    the one `fit_columns` leaves (fixed widths, one line per cell) in this
    module's tables and the scoreboard's, with ASCII cells (`Text`, or a `str`
    that holds no markup); anything else goes to Rich, and a test holds the two
    to the same bytes.
    """
    if not (
        table.box is box.HEAVY_HEAD
        and table.show_header
        and not (table.show_edge or table.pad_edge or table.show_footer or table.show_lines)
        and not (table.expand or table.collapse_padding or table.leading or table.row_styles)
        and table.padding == (0, 1, 0, 1)
        and table.title is None
        and table.caption is None
        and table.width is None
        and table.min_width is None
        and table.row_count
    ):
        return None
    columns = table.columns
    widths: list[int] = []
    rows: list[list[str]] = [[] for _ in range(table.row_count + 1)]
    for column in columns:
        if not (
            column.no_wrap
            and column.width is not None
            and column.justify in ("left", "right")
            and column.ratio is None
            and column.min_width is None
            and column.max_width is None
            and isinstance(column.header, str)
            and plain_ascii(column.header)
            and "[" not in column.header  # a str header is read as markup,
            and ":" not in column.header  # and ':smile:' as an emoji
        ):
            return None
        cells = column._cells
        if len(cells) != table.row_count:
            return None
        for position, value in enumerate([Text(column.header), *cells], start=0):
            if isinstance(value, str):
                # A str cell is markup to Rich (the scoreboard's figures): as it is
                # only without '[' (a tag) and ':' (an emoji code).
                if "[" in value or ":" in value:
                    return None
                value = Text(value)
            if not (
                isinstance(value, Text)
                and not value.spans
                and value.justify is None
                and value.overflow is None
                and not value.no_wrap
                and value.end == "\n"
                and plain_ascii(value.plain)
            ):
                return None
            text = fitted_cell(value.plain, column.width, column.justify, column.overflow)
            if text is None:
                return None
            rows[position].append(text)
        widths.append(column.width)
    if sum(widths) + 3 * (len(columns) - 1) > width:
        return None  # Rich would shrink the columns itself
    return table_lines(rows, widths)


def fit_columns(table: Table, drop_order: Sequence[str], console: Console) -> None:
    """Drop columns of `table` in `drop_order` until its natural width fits the console,
    then give every column a fixed width: numbers and dates whole, free text shortened
    (`grid.fitted_widths`)."""
    columns = list(table.columns)

    def chrome(kept: list[int]) -> int:
        """What the table adds around the cells (separators, padding), measured, not
        assumed: on a header-only copy, since measuring every cell of a long listing
        costs more than the rest of the command."""
        skeleton = Table(
            show_edge=table.show_edge,
            pad_edge=table.pad_edge,
            box=table.box,
            padding=table.padding,
            collapse_padding=table.collapse_padding,
            header_style=table.header_style,
        )
        for i in kept:
            skeleton.add_column(columns[i].header, justify=columns[i].justify)
        options = console.options.update(max_width=100_000)
        measured = Measurement.get(console, options, skeleton).maximum
        return measured - sum(cell_width(columns[i].header) for i in kept)

    natural = [max([cell_width(c.header), *map(cell_width, c._cells)]) for c in columns]
    is_text = [
        c.justify != "right"
        and not looks_like_dates([v.plain if isinstance(v, Text) else str(v) for v in c._cells])
        for c in columns
    ]
    headers = [str(c.header) for c in columns]
    kept, widths = fitted_widths(headers, natural, is_text, drop_order, chrome, console.width)
    table.columns[:] = [columns[i] for i in kept]
    for position, (i, fixed) in enumerate(zip(kept, widths, strict=True)):
        column = columns[i]
        column._index = position  # Rich pads the first and last column by index
        column.width = fixed
        column.no_wrap = True
        if is_text[i]:
            column.overflow = "ellipsis"


def cell_width(value: object) -> int:
    return value.cell_len if isinstance(value, Text) else Text(str(value)).cell_len


def cell(value: object) -> Text:
    """Stored text for a table cell or a line: never markup, one line, controls escaped."""
    return Text(printable(value))


def claim_detail(detail: ClaimDetail) -> None:
    c = detail.claim
    out = stdout()
    rows: list[tuple[str, str]] = [
        ("claim", c.description),
        ("canonical", c.normalized),
        ("text", c.text),
        ("source", f"{c.source} ({c.source_kind})"),
        ("series", "" if c.is_vague else describe_series(c.symbol).line()),
        ("versus series", describe_series(c.versus_symbol).line() if c.versus_symbol else ""),
        ("made on", str(c.made_on)),
        (
            "window",
            "none: too vague for any price to settle (never resolved or scored)"
            if c.is_vague
            else f"{c.window_start} .. {c.deadline}",
        ),
        ("status", _status_text(c)),
        ("probability", "" if c.probability is None else f"{c.probability:g}"),
        ("market prob", _market_text(c)),
        ("versus", f"{c.versus_asset} ({c.versus_symbol})" if c.versus_symbol else ""),
        (
            "margin",
            f"{format_margin(c.margin or 0.0)} percentage points" if c.versus_symbol else "",
        ),
        ("reference", _reference_text(c)),
        ("level rule", c.level_rule or ""),
        (
            "level",
            level_reading(c.level_note, c.level is None) if c.level_rule else "",
        ),
        ("level bars", ", ".join(d.isoformat() for d in c.level_basis)),
        ("tags", ", ".join(c.tags)),
        ("url", c.url or ""),
        ("quote", c.quote or ""),
        (
            "logged",
            c.created_at.strftime("%Y-%m-%d %H:%M UTC")
            + ("  LOGGED LATE" if c.logged_late else ""),
        ),
        (
            "claimed",
            f"says it was logged at {detail.claimed_created_at:%Y-%m-%d %H:%M UTC}, unverified"
            if detail.claimed_created_at
            else "",
        ),
        ("fingerprint", c.fingerprint),
    ]
    rows += [("assuming", a) for a in c.assumptions]
    if c.revises_id:
        rows.append(("revises", f"#{c.revises_id}"))
    for label, value in rows:
        if value:
            out.print(cell(f"{label:>12}  {value}"))
    if detail.revision_chain:
        out.print(cell(f"{'revisions':>12}"))
        for r in detail.revision_chain:
            mark = "->" if r.id == c.id else "  "
            out.print(cell(f"{'':>12}  {mark} #{r.id} {r.made_on} {r.normalized} [{r.status}]"))
    if detail.resolutions:
        out.print(cell(f"{'history':>12}"))
        for res in detail.resolutions:
            evidence = ""
            if res.evidence_date:
                price = shown_price(res.evidence_price)
                label = "closest " if evidence_label(c.kind, res.outcome) == "closest" else ""
                evidence = f" {label}{res.evidence_field or ''} {price} on {res.evidence_date}"
            current = "*" if res.is_current else " "
            note_text = f" ({res.note})" if res.note else ""
            source = f" via {res.data_source}" if res.data_source else ""
            out.print(
                cell(
                    f"{'':>12} {current} {run_day(res)} {res.outcome}"
                    f" [{_method_text(res)}]{evidence}{source}{note_text}"
                )
            )
            facts = []
            side = band_exit(c, res)
            if side:
                facts.append(side)
            if res.days_to_touch is not None:
                facts.append(f"touched after {res.days_to_touch} days")
            if res.closest_date and res.closest_date != res.evidence_date:
                facts.append(
                    f"closest approach {shown_price(res.closest_price)} on {res.closest_date}"
                )
            if res.split_factor not in (None, 1.0):
                facts.append(f"level compared in split-adjusted units (x1/{res.split_factor:g})")
            if res.bar_quality:
                facts.append(BAR_QUALITY_NOTES.get(res.bar_quality, f"bars: {res.bar_quality}"))
            if res.evidence_date and res.outcome in ("true", "false"):
                facts.append(judged_on_text(c, res))
            if facts:
                out.print(cell(f"{'':>14} {'; '.join(facts)}"))
            for reason in res.revisions:
                out.print(cell(f"{'':>14} revised: {reason}"))
            for line in leg_lines(res.legs, c.margin):
                out.print(cell(f"{'':>14} {line}"))


def judged_on_text(c: ClaimRecord, res: ResolutionRecord) -> str:
    """'judged on GC=F (COMEX gold futures, ...), prices from Yahoo Finance'."""
    symbols = [c.symbol, c.versus_symbol] if c.versus_symbol else [c.symbol]
    series = ", ".join(f"{s} ({describe_series(s).name})" for s in symbols)
    where = price_source_text(res.data_source, c.symbol)
    return f"judged on {series}" + (f", prices from {where}" if where else "")


BAR_QUALITY_NOTES = {
    "repaired": "stood on a repaired bar (open or close outside the quoted range, range widened)",
    "close_only": "stood on a close-only bar (no intraday range: only its close was seen)",
}


def band_exit(c: ClaimRecord, res: ResolutionRecord) -> str | None:
    """Which side a hold_between left its band on, read from its evidence field."""
    if c.kind != "hold_between" or res.outcome != "false" or res.method != "auto":
        return None
    if res.evidence_field == "low":
        return f"left the band below its floor {shown_price(c.level)}"
    if res.evidence_field == "high":
        return f"left the band above its ceiling {shown_price(c.upper)}"
    return None


def run_day(res: ResolutionRecord) -> str:
    """The day a resolution was made, and the day it judged as of when that was another
    ('2026-12-06 (as of 2026-06-30)'): a run with --as-of looks back, and saying only
    the wall-clock day would hide that."""
    made = f"{res.created_at:%Y-%m-%d}"
    if res.run_as_of is None or res.run_as_of == res.created_at.date():
        return made
    return f"{made} (as of {res.run_as_of})"


def _method_text(res: ResolutionRecord) -> str:
    """'imported' says what the file claimed the resolution was, and when."""
    if res.method != "imported":
        return res.method
    claimed = [res.claimed_method or ""]
    if res.claimed_at:
        claimed.append(f"at {res.claimed_at:%Y-%m-%d}")
    said = " ".join(p for p in claimed if p)
    return f"imported, says {said}, unverified" if said else "imported"


def _status_text(c: ClaimRecord) -> str:
    if c.void_reason:
        return f"{c.status} ({c.void_reason})"
    if c.open_reason:
        detail = f": {c.open_detail}" if c.open_detail else ""
        return f"{c.status} ({c.open_reason.replace('_', ' ')}{detail})"
    return c.status


def _reference_text(c: ClaimRecord) -> str:
    if not c.versus_symbol:
        return "" if c.reference_price is None else shown_price(c.reference_price)
    prices = [
        f"{symbol} {'?' if price is None else shown_price(price)}"
        for symbol, price in (
            (c.symbol, c.reference_price),
            (c.versus_symbol, c.versus_reference_price),
        )
    ]
    return ", ".join(prices) + " (closes the returns run from, as quoted)"


def _market_text(c: ClaimRecord) -> str:
    if c.is_vague:
        return "none: a vague call has no level for the market to price"
    if c.market_prob is not None and c.versus_symbol:
        return (
            f"{c.market_prob:.3f} (both legs driftless GBM, trailing-year volatilities and"
            f" correlation; volatility of the ratio {c.market_sigma:.1%})"
        )
    if c.market_prob is not None and "/" in c.symbol:
        return (
            f"{c.market_prob:.3f} (ratio of two driftless GBMs from {shown_price(c.market_spot)}"
            f" on {c.made_on}, trailing-year volatility of the ratio {c.market_sigma:.1%})"
        )
    if c.market_prob is not None:
        return (
            f"{c.market_prob:.3f} (driftless GBM from {shown_price(c.market_spot)} on "
            f"{c.made_on}, trailing-year volatility {c.market_sigma:.1%})"
        )
    return f"none: {c.market_note}" if c.market_note else "not computed yet (forecast baseline)"


def sources_table(sources: Sequence[SourceSummary]) -> None:
    table = Table(show_edge=False, pad_edge=False, header_style="bold")
    for column in ("source", "kind", "claims", "open", "true", "false", "void", "vague"):
        table.add_column(column, justify="left" if column in ("source", "kind") else "right")
    for s in sources:
        table.add_row(
            cell(s.name),
            cell(s.kind),
            *(str(v) for v in (s.claims, s.open, s.true, s.false, s.void, s.vague)),
        )
    stdout().print(table)
