"""The TUI's one door to the ledger: every read and write the screens make.

Screens never open sessions; their workers call a `LedgerData` method, which
opens a session, calls the same query layer as the CLI (`ledger.store`,
`ledger.scoreboard`, `ledger.resolver`) and returns plain data. Each method is
one unit of work, safe to call from a worker thread: the engine's pool hands
each thread its own connection.

`today` is injected, not read from the clock, so that scores (which admit
only claims whose deadline has passed), the due list and the snapshots are
the same on every run.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd
from sqlalchemy.engine import Engine
from sqlmodel import Session

from ledger.claims.assets import resolve_asset
from ledger.claims.model import Claim
from ledger.claims.parser import parse_claim
from ledger.errors import ClaimError, UsageError
from ledger.market.factory import price_source_from_spec
from ledger.records import ClaimDetail, ClaimRecord, NewClaim
from ledger.resolver import ResolveSummary, run_resolver
from ledger.scoring import GroupScore, score_groups
from ledger.store.claims import get_claim, record_claims, reference_close, void_claim
from ledger.store.engine import cache_dir
from ledger.store.prices import load_bars
from ledger.store.sources import user_aliases
from ledger.store.views import (
    ClaimOrder,
    ClaimRow,
    ClaimScope,
    DueSummary,
    FilterVocabulary,
    claim_rows,
    count_claims,
    due_summary,
    filter_vocabulary,
    scoreboard_frame,
)

# Bars shown around a claim's window: enough before made_on to see where the
# price came from, a little after the deadline to see where it went.
CHART_DAYS_BEFORE = 30
CHART_DAYS_AFTER = 10

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class ClaimPage:
    """A page of a claims table; `total` is counted only for the first page."""

    rows: tuple[ClaimRow, ...]
    offset: int
    total: int | None


@dataclass(frozen=True)
class ClaimView:
    """Everything the claim screen shows: the claim, its history, and its price window."""

    detail: ClaimDetail
    bars: pd.DataFrame | None
    today: date


@dataclass(frozen=True)
class ClaimForm:
    """What the add form collected, as typed (checked and parsed by `record`)."""

    text: str
    source: str
    probability: str = ""
    made_on: str = ""
    url: str = ""
    quote: str = ""
    tags: str = ""


@dataclass(frozen=True)
class Recorded:
    """What saving the add form did."""

    claim_id: int
    duplicate: bool
    normalized: str


def parse_probability(text: str) -> float | None:
    """A probability as `forecast add --prob` reads it: 0.7 or 70%; blank is none."""
    clean = text.strip()
    if not clean:
        return None
    try:
        value = float(clean[:-1]) / 100.0 if clean.endswith("%") else float(clean)
    except ValueError as exc:
        raise UsageError(f"probability {text!r} is not a number: type 0.7 or 70%") from exc
    if not 0.0 <= value <= 1.0:
        raise UsageError(f"probability {text!r} is outside 0..1: type 0.7 or 70%")
    return value


def parse_day(text: str, default: date) -> date:
    """A YYYY-MM-DD date; blank means `default`."""
    clean = text.strip()
    if not clean:
        return default
    try:
        return date.fromisoformat(clean)
    except ValueError as exc:
        raise UsageError(f"made on {text!r} is not a date: type YYYY-MM-DD") from exc


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags separated by commas or spaces, without repeats, in the order typed."""
    seen: dict[str, None] = {}
    for part in text.replace(",", " ").split():
        seen.setdefault(part.strip(), None)
    return tuple(seen)


class LedgerData:
    """The ledger as the TUI sees it: an engine, a price-source spec, and a fixed today."""

    def __init__(self, engine: Engine, *, prices: str = "yahoo", today: date) -> None:
        self.engine = engine
        self.prices = prices
        self.today = today

    # --- reading -----------------------------------------------------------

    def scoreboard(
        self, by: str = "source", scope: ClaimScope | None = None, *, include_early: bool = False
    ) -> list[GroupScore]:
        """One GroupScore per group of claims in `scope`, scored as `forecast score` does.

        Only claims whose deadline has passed are scored (unless
        `include_early`); open and void claims are counted, never scored.
        """
        with Session(self.engine) as session:
            frame = scoreboard_frame(session, by=by, scope=scope or ClaimScope(), today=self.today)
        if frame.empty:
            return []
        past = frame["past_deadline"].to_numpy(dtype=bool)
        return score_groups(
            frame["group"].to_numpy(dtype=object),
            frame["status"].to_numpy(dtype=np.int64),
            np.ones_like(past) if include_early else past,
            frame["probability"].to_numpy(dtype=np.float64),
            frame["market_prob"].to_numpy(dtype=np.float64),
        )

    def claims_page(
        self, scope: ClaimScope, order: ClaimOrder, offset: int, limit: int
    ) -> ClaimPage:
        with Session(self.engine) as session:
            rows = claim_rows(session, scope, order, limit=limit, offset=offset)
            total = count_claims(session, scope) if offset == 0 else None
        return ClaimPage(tuple(rows), offset, total)

    def claim(self, claim_id: int) -> ClaimView:
        """The claim with its history, and the cached bars of its window (None if none)."""
        with Session(self.engine) as session:
            detail = get_claim(session, claim_id)
            claim = detail.claim
            end = max(claim.deadline, claim.evidence_date or claim.deadline)
            bars = load_bars(
                session,
                [claim.symbol],
                claim.made_on - timedelta(days=CHART_DAYS_BEFORE),
                min(end + timedelta(days=CHART_DAYS_AFTER), self.today),
            ).get(claim.symbol)
        return ClaimView(detail, bars, self.today)

    def due_summary(self) -> DueSummary:
        with Session(self.engine) as session:
            return due_summary(session, self.today)

    def vocabulary(self) -> FilterVocabulary:
        with Session(self.engine) as session:
            return filter_vocabulary(session)

    def aliases(self) -> dict[str, str]:
        with Session(self.engine) as session:
            return user_aliases(session)

    def symbol_for(self, asset: str, aliases: dict[str, str]) -> str:
        """The symbol an asset name stands for ("gold" -> GC=F), as the CLI reads --asset."""
        try:
            return resolve_asset(asset, aliases).symbol
        except ClaimError:
            return asset.strip().upper()

    # --- writing -----------------------------------------------------------

    def preview(self, text: str, made_on: str, aliases: dict[str, str]) -> Claim:
        """The claim as it would be recorded; raises ClaimError/UsageError as `forecast add`."""
        if not text.strip():
            raise ClaimError("type a claim, e.g. gold $5055 by end-2026")
        return parse_claim(text, made_on=parse_day(made_on, self.today), aliases=aliases)

    def record(self, form: ClaimForm) -> Recorded:
        """Record the form's claim the way `forecast add` does; a known claim is not added twice."""
        if not form.source.strip():
            raise UsageError("a claim needs a source: who made the call?")
        probability = parse_probability(form.probability)
        made_on = parse_day(form.made_on, self.today)
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            parsed = parse_claim(form.text, made_on=made_on, aliases=user_aliases(session))
            if parsed.relative is not None:
                reference = reference_close(session, parsed.symbol, made_on)
                if reference is not None:
                    parsed = dataclasses.replace(
                        parsed, reference_price=reference, level=parsed.relative.apply(reference)
                    )
            entry = NewClaim(
                source=form.source.strip(),
                claim=parsed,
                text=form.text.strip(),
                probability=probability,
                url=form.url.strip() or None,
                quote=form.quote.strip() or None,
                tags=parse_tags(form.tags),
            )
            result = record_claims(session, [entry])
        duplicate = not result.added
        claim_id = result.duplicate_ids[0] if duplicate else result.added[0]
        return Recorded(claim_id, duplicate, parsed.canonical_text())

    def void(self, claim_id: int, why: str) -> ClaimRecord:
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            return void_claim(session, claim_id, why)

    def resolve(self, progress: Progress | None = None) -> ResolveSummary:
        """One resolver run as of today against the configured price source."""
        source = price_source_from_spec(self.prices, cache_dir=cache_dir())
        return run_resolver(
            self.engine, source, as_of=self.today, today=self.today, progress=progress
        )
