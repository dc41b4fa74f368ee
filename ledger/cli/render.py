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
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ledger import safe_json
from ledger.claims.model import Claim, format_price
from ledger.records import ClaimDetail, ClaimRecord, ResolutionRecord, SourceSummary
from ledger.safe_text import printable


def stdout() -> Console:
    """Tables for a terminal; in a pipe, lines as wide as they need to be."""
    width = None if sys.stdout.isatty() else 400
    return Console(file=sys.stdout, highlight=False, soft_wrap=True, width=width)


def stderr() -> Console:
    return Console(file=sys.stderr, highlight=False, soft_wrap=True)


def print_json(data: Any) -> None:
    """Indented for a person at a terminal; compact (and C-encoded, fast) in a pipe."""
    indent = 2 if sys.stdout.isatty() else None
    sys.stdout.write(safe_json.dumps(data, indent=indent, ensure_ascii=False) + "\n")


def cell(value: object) -> Text:
    """Stored text for a table cell or a line: never markup, one line, controls escaped."""
    return Text(printable(value))


def line(text: str) -> None:
    """One line of data on stdout that may hold stored text (shown as `cell` shows it)."""
    stdout().print(cell(text))


def note(message: str) -> None:
    """A note on stderr; any stored text in it is shown, never interpreted."""
    stderr().print(Text(printable(message, keep_newlines=True)))


def claim_lines(claim: Claim) -> list[str]:
    lines = [claim.describe(), f"  canonical: {claim.canonical_text()}"]
    lines += [f"  assuming: {a}" for a in claim.assumptions]
    return lines


def print_claim_preview(claim: Claim) -> None:
    out = stdout()
    for text in claim_lines(claim):
        out.print(cell(text))


def claims_table(records: Sequence[ClaimRecord]) -> None:
    table = Table(show_edge=False, pad_edge=False, header_style="bold")
    for column, justify in (
        ("id", "right"),
        ("status", "left"),
        ("source", "left"),
        ("asset", "left"),
        ("kind", "left"),
        ("level", "right"),
        ("made on", "left"),
        ("deadline", "left"),
        ("p", "right"),
        ("evidence", "left"),
    ):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    for r in records:
        level = level_cell(r)
        evidence = (
            f"{r.evidence_date} @ {format_price(r.evidence_price)}" if r.evidence_date else ""
        )
        status = r.status + (" (late)" if r.logged_late else "")
        table.add_row(
            *map(
                cell,
                (
                    str(r.id),
                    status,
                    r.source,
                    r.asset if r.asset == r.symbol else f"{r.asset} {r.symbol}",
                    r.kind,
                    level,
                    str(r.made_on),
                    "-" if r.is_vague else str(r.deadline),
                    "" if r.probability is None else f"{r.probability:.2f}",
                    evidence,
                ),
            )
        )
    stdout().print(table)


def level_cell(r: ClaimRecord) -> str:
    """A level as a listing shows it: 5055, +20%, a band 4000-4500, '-' for a vague call."""
    if r.is_vague:
        return "-"
    if r.upper is not None:
        return f"{format_price(r.level)}-{format_price(r.upper)}"
    return r.relative if r.relative and r.level is None else format_price(r.level)


def claim_detail(detail: ClaimDetail) -> None:
    c = detail.claim
    out = stdout()
    rows: list[tuple[str, str]] = [
        ("claim", c.description),
        ("canonical", c.normalized),
        ("text", c.text),
        ("source", f"{c.source} ({c.source_kind})"),
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
        ("reference", "" if c.reference_price is None else format_price(c.reference_price)),
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
                price = format_price(res.evidence_price)
                evidence = f" {res.evidence_field or ''} {price} on {res.evidence_date}"
            current = "*" if res.is_current else " "
            note_text = f" ({res.note})" if res.note else ""
            source = f" via {res.data_source}" if res.data_source else ""
            out.print(
                cell(
                    f"{'':>12} {current} {res.created_at:%Y-%m-%d} {res.outcome}"
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
                    f"closest approach {format_price(res.closest_price)} on {res.closest_date}"
                )
            if res.split_factor not in (None, 1.0):
                facts.append(f"level compared in split-adjusted units (x1/{res.split_factor:g})")
            if facts:
                out.print(cell(f"{'':>14} {'; '.join(facts)}"))


def band_exit(c: ClaimRecord, res: ResolutionRecord) -> str | None:
    """Which side a hold_between left its band on, read from its evidence field."""
    if c.kind != "hold_between" or res.outcome != "false" or res.method != "auto":
        return None
    if res.evidence_field == "low":
        return f"left the band below its floor {format_price(c.level)}"
    if res.evidence_field == "high":
        return f"left the band above its ceiling {format_price(c.upper)}"
    return None


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


def _market_text(c: ClaimRecord) -> str:
    if c.is_vague:
        return "none: a vague call has no level for the market to price"
    if c.market_prob is not None:
        return (
            f"{c.market_prob:.3f} (driftless GBM from {format_price(c.market_spot)} on "
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
