"""The TUI's one door to the ledger: every read and write the screens make.

Screens never open sessions; their workers call a `LedgerData` method, which
opens a session, calls the same query layer as the CLI (`ledger.store`,
`ledger.scoreboard`, `ledger.resolver`) and returns plain data. Each method is
one unit of work, safe to call from a worker thread: the engine's pool hands
each thread its own connection.

`today` is injected, not read from the clock, so that scores (which admit
only claims whose deadline has passed), the due list, the made_on an
imported article falls back to, and the snapshots are the same on every run.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from sqlalchemy.engine import Engine
from sqlmodel import Session

from ledger.claims.pairs import legs_of, pair_key
from ledger.claims.probability import parse_probability as parse_stated_probability
from ledger.errors import ClaimError, NotFoundError, UsageError
from ledger.records import SOURCE_KINDS, ClaimDetail, ClaimRecord, NewClaim
from ledger.scoring import GroupScore, score_groups
from ledger.store.scoring import ScoringColumns
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
    recent_outcomes,
    scoreboard_columns,
)

if TYPE_CHECKING:
    import pandas as pd

    from ledger.claims.model import Claim
    from ledger.extract import Extraction
    from ledger.extract.reading import Article
    from ledger.resolver import ResolveSummary
    from ledger.services import review as review_service

# The scoreboard, the first screen, needs none of the claim parser, the
# extractor, the resolver, the review queries or pandas: each is imported by
# the method that uses it, so the scoreboard paints sooner.

# Bars shown around a claim's window: enough before made_on to see where the
# price came from, a little after the deadline to see where it went.
CHART_DAYS_BEFORE = 30
CHART_DAYS_AFTER = 10
# File names read as HTML whatever their content looks like (as `forecast extract` reads them).

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


def rebased_pair(first: pd.DataFrame, second: pd.DataFrame, claim: ClaimRecord) -> pd.DataFrame:
    """Both legs of an outperformance as one frame, each 100 at its reference close.

    `close` is the first asset, `versus_close` the second, on the union of their
    trading days (a day one did not trade carries its last close forward), so
    the gap between the lines is the difference in return the claim is about.
    """
    import pandas as pd

    reference_day = pd.Timestamp(claim.window_start - timedelta(days=1))
    joined = pd.concat(
        {"close": first["close"], "versus_close": second["close"]},
        axis=1,
        join="outer",
        sort=True,
    ).sort_index()
    joined = joined.ffill().dropna()
    if joined.empty:
        return joined
    before = joined[joined.index <= reference_day]
    base = before.iloc[-1] if len(before) else joined.iloc[0]
    return joined / base * 100.0


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
    source_kind: str = ""
    revises: str = ""
    vague: bool = False  # a call no price can settle: recorded and counted, never judged


@dataclass(frozen=True)
class Recorded:
    """What saving the add form did."""

    claim_id: int
    duplicate: bool
    normalized: str


@dataclass(frozen=True)
class ArticleCandidates:
    """What the extractor found in an article, and the aliases its claim texts were read with.

    The aliases travel with the candidates because the import screen parses
    the user's edits to a claim text on every keystroke, on the UI thread,
    where it must not read the ledger.
    """

    extraction: Extraction
    aliases: dict[str, str]
    origin: str


@dataclass(frozen=True)
class PickedClaim:
    """A candidate the user ticked, as edited: what `forecast extract` would record for it."""

    text: str
    source: str
    made_on: date
    quote: str
    probability: float | None = None


@dataclass(frozen=True)
class PicksRecorded:
    """What recording the ticked candidates did, pick by pick: its claim id and if it was new."""

    ids: tuple[int, ...]
    new: tuple[bool, ...]

    @property
    def added(self) -> int:
        return sum(self.new)

    @property
    def duplicates(self) -> int:
        return len(self.new) - self.added


def parse_probability(text: str) -> float | None:
    """A probability as `forecast add --prob` reads it: 0.7 or 70%; blank is none."""
    return parse_stated_probability(text) if text.strip() else None


def parse_day(text: str, default: date) -> date:
    """A YYYY-MM-DD date; blank means `default`."""
    clean = text.strip()
    if not clean:
        return default
    try:
        return date.fromisoformat(clean)
    except ValueError as exc:
        raise UsageError(f"made on {text!r} is not a date: type YYYY-MM-DD") from exc


def parse_claim_id(text: str) -> int | None:
    """A claim id as typed ("12" or "#12"); blank is none."""
    clean = text.strip().removeprefix("#").strip()
    if not clean:
        return None
    if not clean.isdigit() or int(clean) == 0:
        raise UsageError(f"revises {text.strip()!r}: type the id of a claim, e.g. 12")
    return int(clean)


def parse_source_kind(text: str) -> str | None:
    """A source kind for a new source (person, bank, ...); blank leaves it to the ledger."""
    clean = text.strip().lower()
    if not clean:
        return None
    if clean not in SOURCE_KINDS:
        raise UsageError(f"source kind {text!r}: use one of {', '.join(SOURCE_KINDS)}")
    return clean


def read_article(path: str) -> Article:
    """The text of an article file, read as `forecast extract FILE` reads it.

    The reader (and its HTML parser) is imported here, not with this module:
    the scoreboard a start paints never reads an article."""
    from ledger.extract.reading import read_article_file

    return read_article_file(path)


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
        self,
        by: str = "source",
        scope: ClaimScope | None = None,
        *,
        include_early: bool = False,
        exclude_late: bool = False,
    ) -> list[GroupScore]:
        """One GroupScore per group of claims in `scope`, scored as `forecast score` does.

        Only claims whose deadline has passed are scored (unless
        `include_early`); open and void claims are counted, never scored.
        Claims voided after they resolved and manual overrides are counted
        and scored as they stand, as `forecast score` scores them by default.
        Claims logged late are counted, and left out of the scores with
        `exclude_late` (`forecast score --exclude-late`).
        """
        with Session(self.engine) as session:
            columns = scoreboard_columns(
                session, by=by, scope=scope or ClaimScope(), today=self.today
            )
        return _score_columns(columns, columns.group, include_early, exclude_late)

    def pooled_score(
        self,
        scope: ClaimScope | None = None,
        *,
        include_early: bool = False,
        exclude_late: bool = False,
    ) -> GroupScore | None:
        """Every claim in `scope` scored as one group (None when there is none): the
        calibration of the whole ledger, or of the filtered set, across sources."""
        with Session(self.engine) as session:
            columns = scoreboard_columns(
                session, by="source", scope=scope or ClaimScope(), today=self.today
            )
        groups = np.full(len(columns), POOLED, dtype=object)
        pooled = _score_columns(columns, groups, include_early, exclude_late)
        return pooled[0] if pooled else None

    def recent_outcomes(
        self,
        by: str = "source",
        scope: ClaimScope | None = None,
        *,
        include_early: bool = False,
        exclude_late: bool = False,
        per_group: int = 10,
    ) -> dict[str, tuple[bool, ...]]:
        """Each group's last scored calls without a stated probability, oldest first (one query)."""
        with Session(self.engine) as session:
            return recent_outcomes(
                session,
                by=by,
                scope=scope or ClaimScope(),
                today=self.today,
                include_early=include_early,
                exclude_late=exclude_late,
                per_group=per_group,
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
        from ledger.rules import ratio_bars
        from ledger.store.claims import get_claim
        from ledger.store.prices import load_bars

        with Session(self.engine) as session:
            detail = get_claim(session, claim_id)
            claim = detail.claim
            end = max(claim.deadline, claim.evidence_date or claim.deadline)
            first = claim.made_on - timedelta(days=CHART_DAYS_BEFORE)
            last = min(end + timedelta(days=CHART_DAYS_AFTER), self.today)
            key = pair_key(claim.symbol, claim.versus_symbol) if claim.versus_symbol else None
            legs = legs_of(key or claim.symbol)
            found = load_bars(session, list(legs), first, last)
        if len(legs) == 1:
            return ClaimView(detail, found.get(claim.symbol), self.today)
        numerator, denominator = (found.get(leg) for leg in legs)
        if numerator is None or denominator is None or numerator.empty or denominator.empty:
            return ClaimView(detail, None, self.today)
        if key is None:  # a ratio: the series the rules judge
            return ClaimView(detail, ratio_bars(numerator, denominator), self.today)
        return ClaimView(detail, rebased_pair(numerator, denominator, claim), self.today)

    def review(self, days: int | None = None) -> list[review_service.ReviewItem]:
        """The review list as of today (the same queries as `forecast review`);
        `days` defaults to the review service's own window."""
        from ledger.services import review as review_service

        with Session(self.engine) as session:
            return review_service.review_list(
                session, self.today, review_service.DEFAULT_DAYS if days is None else days
            )

    def review_accept(self, claim_id: int, note: str | None) -> review_service.ReviewOutcome:
        from ledger.services import review as review_service

        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            return review_service.accept(session, claim_id, note)

    def review_rejudge(self, claim_id: int) -> review_service.ReviewOutcome:
        from ledger.services import review as review_service

        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            return review_service.rejudge_on_closes(session, claim_id, None, as_of=self.today)

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
        from ledger.claims.assets import resolve_asset

        try:
            return resolve_asset(asset, aliases).symbol
        except ClaimError:
            return asset.strip().upper()

    # --- writing -----------------------------------------------------------

    def preview(
        self, text: str, made_on: str, aliases: dict[str, str], *, vague: bool = False
    ) -> Claim:
        """The claim as it would be recorded; raises ClaimError/UsageError as `forecast add`."""
        if not text.strip():
            if vague:
                raise ClaimError("type what was said, e.g. the silver squeeze is not over")
            raise ClaimError("type a claim, e.g. gold $5055 by end-2026")
        from ledger.claims import bounds
        from ledger.claims.parser import parse_claim, parse_vague

        day = parse_day(made_on, self.today)
        if vague:
            claim = parse_vague(text, made_on=day, aliases=aliases)
        else:
            claim = parse_claim(text, made_on=day, aliases=aliases)
        bounds.check_claim(claim, self.today)
        return claim

    def record(self, form: ClaimForm) -> Recorded:
        """Record the form's claim the way `forecast add` does; a known claim is not added twice."""
        from ledger.store.claims import ClaimFilter, list_claims, record_claims

        if not form.source.strip():
            raise UsageError("a claim needs a source: who made the call?")
        probability = parse_probability(form.probability)
        if form.vague and probability is not None:
            raise UsageError("a vague call is never scored: clear the probability")
        made_on = parse_day(form.made_on, self.today)
        source_kind = parse_source_kind(form.source_kind)
        revises = parse_claim_id(form.revises)
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            if revises is not None and not list_claims(session, ClaimFilter(ids=[revises])):
                raise NotFoundError(f"no claim #{revises} in the ledger to revise")
            entry = _new_claim(
                session,
                form.text,
                made_on,
                user_aliases(session),
                source=form.source,
                source_kind=source_kind,
                probability=probability,
                url=form.url,
                quote=form.quote,
                tags=parse_tags(form.tags),
                revises_id=revises,
                vague=form.vague,
            )
            entry.check(self.today)
            result = record_claims(session, [entry])
        duplicate = not result.added
        claim_id = result.duplicate_ids[0] if duplicate else result.added[0]
        return Recorded(claim_id, duplicate, entry.claim.canonical_text())

    def revised_claim(self, claim_id: int) -> ClaimRecord:
        """The claim a new one would revise; NotFoundError names the id when there is none."""
        from ledger.store.claims import ClaimFilter, list_claims

        with Session(self.engine) as session:
            found = list_claims(session, ClaimFilter(ids=[claim_id]))
        if not found:
            raise NotFoundError(f"no claim #{claim_id} in the ledger to revise")
        return found[0]

    def extract(
        self, pasted: str, path: str = "", made_on: date | None = None, url: str = ""
    ) -> ArticleCandidates:
        """Candidates for an article, as `forecast extract` proposes them; records nothing.

        A file path, when given, is read instead of the pasted text. made_on
        is the user's if given, else the article's date (its page, its text, then
        the date in its `url`, as `forecast extract --url` reads it), else `today`.
        """
        from ledger.extract import extract_article
        from ledger.extract.acceptance import decided
        from ledger.extract.reading import Article
        from ledger.services.market_sides import with_market_sides

        article = read_article(path) if path.strip() else Article(pasted)
        if not article.text.strip():
            raise UsageError("nothing to read: paste an article or give the path of a file")
        aliases = self.aliases()
        extraction = extract_article(
            article.text,
            today=self.today,
            made_on=made_on,
            aliases=aliases,
            author=article.author,
            published=article.published,
            url=url.strip() or None,
        )
        with Session(self.engine) as session:
            extraction = with_market_sides(session, extraction)
        scored, _ = decided(extraction.candidates, "vetted")  # as `forecast extract` scores
        extraction = dataclasses.replace(extraction, candidates=tuple(scored))
        origin = Path(path.strip()).name if path.strip() else "the pasted text"
        return ArticleCandidates(extraction, aliases, origin)

    def record_picks(self, picks: Sequence[PickedClaim], url: str = "") -> PicksRecorded:
        """Record the ticked candidates in one batch, as `forecast extract` records accepted ones.

        The sentence is the quote and the article's URL (if any) the link; a
        claim already in the ledger, or ticked twice, is reported, not added.
        """
        from ledger.store.claims import record_claims

        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            aliases = user_aliases(session)
            entries = [
                _new_claim(
                    session,
                    pick.text,
                    pick.made_on,
                    aliases,
                    source=pick.source,
                    probability=pick.probability,
                    url=url,
                    quote=pick.quote,
                )
                for pick in picks
            ]
            for entry in entries:
                entry.check(self.today)
            result = record_claims(session, entries)
        new_ids = result.id_by_fingerprint()
        known_ids = dict(
            zip((d.fingerprint() for d in result.duplicates), result.duplicate_ids, strict=True)
        )
        ids: list[int] = []
        new: list[bool] = []
        claimed: set[str] = set()
        for entry in entries:
            fingerprint = entry.fingerprint()
            fresh = fingerprint in new_ids and fingerprint not in claimed
            claimed.add(fingerprint)
            ids.append(new_ids[fingerprint] if fingerprint in new_ids else known_ids[fingerprint])
            new.append(fresh)
        return PicksRecorded(tuple(ids), tuple(new))

    def void(self, claim_id: int, why: str) -> ClaimRecord:
        from ledger.store.claims import void_claim

        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            return void_claim(session, claim_id, why)

    def resolve(self, progress: Progress | None = None) -> ResolveSummary:
        """One resolver run as of today against the configured price source."""
        from ledger.market.factory import price_source_from_spec
        from ledger.resolver import run_resolver
        from ledger.store.engine import cache_dir

        source = price_source_from_spec(self.prices, cache_dir=cache_dir())
        return run_resolver(
            self.engine, source, as_of=self.today, today=self.today, progress=progress
        )


def _new_claim(
    session: Session,
    text: str,
    made_on: date,
    aliases: dict[str, str],
    *,
    source: str,
    source_kind: str | None = None,
    probability: float | None = None,
    url: str = "",
    quote: str = "",
    tags: tuple[str, ...] = (),
    revises_id: int | None = None,
    vague: bool = False,
) -> NewClaim:
    """A claim as `forecast add` and `forecast extract` build it before `record_claims`.

    A relative level ("+20%") is measured from the cached close on made_on
    when the cache has it, and a computed level ("holds support") read from
    the cached bars; otherwise the resolver fills them in later. With
    `vague`, the text is a vague call's words (`forecast add --vague`).
    """
    from ledger.claims.parser import parse_claim, parse_vague
    from ledger.level_now import fix_level_now
    from ledger.store.claims import reference_close

    if not source.strip():
        raise UsageError("a claim needs a source: who made the call?")
    if vague:
        parsed = parse_vague(text, made_on=made_on, aliases=aliases)
    else:
        parsed = parse_claim(text, made_on=made_on, aliases=aliases)
    if parsed.level_pending:
        # From the cache only: the TUI never waits on the network to record.
        parsed = fix_level_now(session, parsed, None).claim
    if parsed.relative is not None:
        reference = reference_close(session, parsed.symbol, made_on)
        if reference is not None:
            parsed = dataclasses.replace(
                parsed, reference_price=reference, level=parsed.relative.apply(reference)
            )
    return NewClaim(
        source=source.strip(),
        source_kind=source_kind,
        claim=parsed,
        text=text.strip(),
        probability=probability,
        url=url.strip() or None,
        quote=quote.strip() or None,
        tags=tags,
        revises_id=revises_id,
    )


POOLED = "all claims"


def _score_columns(
    columns: ScoringColumns, groups: np.ndarray, include_early: bool, exclude_late: bool
) -> list[GroupScore]:
    """`score_groups` over a scoreboard's columns, one group per distinct label in `groups`,
    scored as `forecast score` scores."""
    if not len(columns):
        return []
    past = columns.past_deadline
    scorable = np.ones_like(past) if include_early else past
    late = columns.logged_late
    return score_groups(
        groups,
        columns.status,
        scorable & ~late if exclude_late else scorable,
        columns.probability,
        columns.market_prob,
        withdrawn=columns.withdrawn,
        overridden=columns.overridden,
        logged_late=late & scorable,
    )
