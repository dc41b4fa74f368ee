"""How numbers and claims read on screen: short, aligned, and honest about "no data".

A statistic that does not apply is None in the scoring engine; on screen it
is a dash, never a zero, so "no probabilities stated" cannot be mistaken for
a perfect Brier score.

Stored text is data. A source name, a quote, a void reason or an article's
sentence may hold Textual markup (`[@click=app.quit]`) or terminal control
sequences; Textual reads a `str` handed to Static, a toast, a checkbox label
or a DataTable cell as markup, and runs the actions in it. So stored text
reaches a widget only as `plain(...)`, a `rich.text.Text` that is never parsed,
with control characters shown as escapes (`shown(...)`). The project's own
words may be markup; stored text is never interpolated into a markup string.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.console import JustifyMethod
from rich.text import Text

from ledger.claims.model import OBSERVED_DIGITS, observed_price, shown_price
from ledger.safe_text import printable
from ledger.scoring.calibration import CalibrationBin

DASH = "–"
SPARK_LEVELS = "▁▂▃▄▅▆▇█"
CALIBRATION_BINS = 10
HIT, MISS = "▮", "▯"
MARKET_DIGITS = OBSERVED_DIGITS
SHORT_FIELDS = {"average": "avg"}

OPEN_REASON_WORDS = {
    "waiting_for_deadline": "waiting for the deadline",
    "waiting_for_data": "waiting for data",
    "unknown_symbol": "unknown symbol",
    "no_data_in_window": "no data in the window",
    "source_error": "price source failed",
    "data_gap": "gap in the price data",
    "invalid_claim": "cannot be judged",
}


def shown(value: object) -> str:
    """Stored text as it may be put on screen: one line, control characters as escapes.

    Still a str: hand it to a widget inside a `Text` (`plain`, `Text.assemble`),
    never as a markup string.
    """
    return printable(value)


def plain(value: object, style: str = "", *, justify: JustifyMethod | None = None) -> Text:
    """Stored text for a widget: a `Text`, never read as markup, controls escaped."""
    return Text(printable(value, keep_newlines=True), style=style, justify=justify)


def pct(value: float | None, digits: int = 0) -> str:
    """0.625 -> '62%' (or '62.5%' with digits=1); None -> dash."""
    return DASH if value is None else f"{value * 100:.{digits}f}%"


def interval(bounds: tuple[float, float] | None) -> str:
    """A probability interval in percent: (0.48, 0.751) -> '48–75'."""
    if bounds is None:
        return DASH
    low, high = bounds
    return f"{low * 100:.0f}–{high * 100:.0f}"


def hit_rate(rate: float | None, bounds: tuple[float, float] | None) -> str:
    """Hit rate with its 90% interval: '62 [48–75]'."""
    if rate is None:
        return DASH
    return f"{rate * 100:.0f} [{interval(bounds)}]"


def number(value: float | None, digits: int = 3) -> str:
    # + 0.0 turns a rounded -0.0 into 0.0: "-0.00" shows a sign that is not there.
    return DASH if value is None else f"{round(value, digits) + 0.0:.{digits}f}"


def signed(value: float | None, digits: int = 1) -> str:
    return DASH if value is None else f"{round(value, digits) + 0.0:+.{digits}f}"


def price(value: float | None) -> str:
    """A level as stated (the claim's own number, not rounded away); a long one with an
    exponent (1.0e+12)."""
    return DASH if value is None else shown_price(round(value, 6))


def market_price(value: float | None) -> str:
    """An observed price rounded for its magnitude (`observed_price`: 62353.535 -> 62354,
    2944.37 -> 2944.4), or a dash; the CLI's listings round the same way."""
    return DASH if value is None else observed_price(value)


def count(n: int, noun: str) -> str:
    """'1 claim', '2 claims': a count a sentence can hold (regular plurals only)."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def day(value: date | None) -> str:
    return DASH if value is None else value.isoformat()


def calibration_sparkline(bins: Sequence[CalibrationBin], width: int = CALIBRATION_BINS) -> str:
    """Observed frequency per stated-probability bin, low to high: '·▂▃·▅▆▇·'.

    A calibrated source climbs from left to right; a dot is a bin without
    claims. Bins are the engine's equal-width bins, so position i always
    means stated probability i/width..(i+1)/width.
    """
    if not bins:
        return ""
    cells = ["·"] * width
    for row in bins:
        index = min(round(row.low * width), width - 1)
        level = min(int(row.freq * len(SPARK_LEVELS)), len(SPARK_LEVELS) - 1)
        cells[index] = SPARK_LEVELS[level]
    return "".join(cells)


def outcome_mark(hit: bool) -> str:
    """A scored call as one cell of a hit/miss strip: ▮ came true, ▯ did not."""
    return HIT if hit else MISS


def open_reason(reason: str | None, detail: str | None = None) -> str:
    """Why an open claim is open, in words; None means no resolver run has looked at it."""
    if reason is None:
        return "not checked yet"
    words = OPEN_REASON_WORDS.get(reason, reason.replace("_", " "))
    return shown(f"{words}: {detail}" if detail else words)


def evidence(
    evidence_date: date | None,
    evidence_price: float | None,
    field: str | None,
    width: int | None = None,
) -> str:
    """'2026-01-26 high 5100' or a dash. Within `width`, the field's name is shortened
    ('avg'), then left out: the date and the number are never cut."""
    if evidence_date is None:
        return DASH
    if field == "return_spread" and evidence_price is not None:
        # One return minus the other, in points: not a price ('31.577' read as one).
        return f"{evidence_date.isoformat()} {evidence_price:+.2f}pp"
    number = [] if evidence_price is None else [market_price(evidence_price)]
    names = [shown(field), SHORT_FIELDS.get(field, shown(field)), None] if field else [None]
    for name in names:
        text = " ".join([evidence_date.isoformat(), *([name] if name else []), *number])
        if width is None or len(text) <= width:
            return text
    return text


def truncate(text: str, width: int) -> str:
    """`text` on one line, cut to `width` characters with an ellipsis (controls escaped)."""
    flat = " ".join(shown(text).split())
    return flat if len(flat) <= width else flat[: max(width - 1, 0)] + "…"
