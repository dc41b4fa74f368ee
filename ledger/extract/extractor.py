"""Find the market calls in article text: a transparent, rule-based reader.

No language model and no network: every decision is a rule over the tables
in `patterns/`, and every choice made on the user's behalf is written into
the candidate's assumptions. One sentence at a time:

1. **Prepare.** Typographic quotes and dashes become plain ones; phrasings
   the claim language does not read are rewritten ("the second quarter of
   2026" → "Q2 2026"); a year named earlier in the sentence carries to a
   later "Q3" or "the end of the year"; "over the same period" is replaced
   by the period it points back to.
2. **The past is set aside.** A sentence that looks back on an old call
   ("At the start of the year, ...", "... came true") is history. Otherwise
   the sentence is cut into clauses (at commas, semicolons, dashes and words
   like "after", "while", "which"), and a clause is *past* when it has a past
   time word ("last week", "on Tuesday", "so far this year"), a deadline
   already over, a past-tense market verb ("rose", "broke", "hit") or the
   perfect ("has gained") — and no future marker or forecast word ("will",
   "could", "expects", "target"). Levels and deadlines in past clauses are
   never read: "gold broke $50 last week" is a report, not a prediction.
3. **Is it a forecast?** What is left must have a forecast cue: a future
   marker, a forecast verb or noun, a first-person call, a headline
   infinitive ("Gold to hit $5,000") or a deadline still ahead.
4. **Conditionals, scenarios, hedges, negations.** "if", "unless", "as long
   as" or an inverted "Should inflation return, ..." make every call of the
   sentence *conditional*; "bull case"/"bear case" make their own clause so.
   Conditional candidates are flagged and capped below the default
   --min-confidence: the claim language cannot judge the condition, so only
   the user may accept one. "could", "may", "might" mark a candidate
   *hedged*, so the user can give a probability. "does not expect",
   "unlikely to" between the asset and the level mark it *negated* (capped
   too): the speaker says it will not happen.
5. **Assets, levels, deadlines, directions.** Asset names are those of the
   claim language and the user's aliases plus the names articles use;
   upper-case words are tickers only when the article marks them ("$NVDA",
   "(NVDA)"). Each asset mention opens a segment that runs to the next one,
   so "gold at $4,900 and silver at $60" gives two calls. Levels come from
   levels.py; each deadline phrase belongs to the nearest level before it
   (else after it); when every level of a segment has its own deadline, each
   is a call ("$4,500 in 2026 and $5,000 in 2027"), otherwise the level after
   a direction verb is taken. The direction is the verb nearest before the
   level; with none, the level is one to reach (touch), or, for a bank's
   "forecast for H2 2026", the period's average.
6. **Comparisons.** A sentence that takes a side between two assets ("we
   expect gold to outperform bitcoin through 2026") is an outperformance
   call, read by the claim parser; "gold vs bitcoin" with no winner, or a
   question, is not.
7. **Write the claim and check it.** The claim text is written in the claim
   language and parsed with `parse_claim`; a candidate is proposed only with
   a claim that parses to what was read. A call with no level ("Bitcoin
   needs to hold support") becomes a candidate that asks for one.

Lists are read as their writers lay them out: bullets and "Name: level" lines
under a lead-in take its asset and period and do not age them, a section
heading names the house for its items. A range is proposed as a band claim
(close_between, or hold_between with "range", "stay", "trade"), capped below
--min-confidence, as a band is as often where the price has been. A sentence
that names nobody takes the speaker named within the two sentences before,
and says so in its assumptions.

Confidence is the additive score documented in patterns/confidence_scores.py (SCORE_*, CAP_*).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from ledger.claims import assets
from ledger.claims.bounds import (
    BoundsError,
    check_claim,
    check_deadline,
    check_made_on,
)
from ledger.errors import ClaimError
from ledger.extract.aligned_tables import aligned_as_pipes
from ledger.extract.article import find_byline
from ledger.extract.article_affiliations import article_affiliations, credited_to_firms
from ledger.extract.article_date import DateSource, article_date
from ledger.extract.candidate import Candidate
from ledger.extract.dashboards import dashboard_lines
from ledger.extract.described_speakers import credited_to_described
from ledger.extract.entity_focus import credited_to_sole_house, focus_affiliations
from ledger.extract.forecast_grids import forecast_grids
from ledger.extract.house_names import source_name
from ledger.extract.kind_convention import sides_against_price_of_day
from ledger.extract.merge import merged
from ledger.extract.oil_benchmark import with_article_oil
from ledger.extract.patterns import (
    asset_words,
    claim_wording,
)
from ledger.extract.percent_beside_price import without_percents_beside_prices
from ledger.extract.person_names import article_names
from ledger.extract.prepare import (
    TYPOGRAPHY,
    article_tickers,
)
from ledger.extract.sentence_walk import read_sentence
from ledger.extract.sentences import split_sentences, without_sidebar
from ledger.extract.stacked_lists import stacked_items
from ledger.extract.state import Context, ContextState, Settings
from ledger.extract.tables import tables_as_lines
from ledger.extract.target_pointer import as_written, asks_for_a_level, with_target_named
from ledger.extract.target_spreads import without_spread_ends
from ledger.extract.writing import claim_name

# Assets whose forecast for a year, in a bank's table, is the year's average.
_AVERAGED_FAMILIES = frozenset(("oil", "gas", "metal"))

__all__ = ["Extraction", "claim_name", "extract_article", "extract_candidates"]


# A "sentence" longer than this is a table or a dump, not prose; it is skipped.
MAX_SENTENCE_LENGTH = 1500


@dataclass(frozen=True)
class Extraction:
    """The candidates of one article and the made_on they were read with (and why).

    `notes` says what was read but left out: calls whose dates or levels the
    ledger would refuse (`ledger.claims.bounds`), one line each.
    """

    made_on: date
    made_on_from: str
    author: str | None
    candidates: tuple[Candidate, ...]
    notes: tuple[str, ...] = ()
    made_on_source: DateSource = DateSource.GIVEN


def extract_article(
    text: str,
    *,
    today: date,
    made_on: date | None = None,
    aliases: Mapping[str, str] | None = None,
    author: str | None = None,
    published: date | None = None,
    horizon_months: int = claim_wording.DEFAULT_HORIZON_MONTHS,
    url: str | None = None,
) -> Extraction:
    """Candidates for an article, made_on taken from the caller, the page, its text or its URL.

    `made_on` (the user's --made-on) wins, and must be one the ledger accepts
    (BoundsError otherwise); then `published` (the page's own metadata), a
    dateline in the text, the date in `url`, and at last `today`
    (`ledger.extract.article_date`). The reason is returned so the user can
    see which it was and correct it.
    """
    dated = article_date(text, today=today, made_on=made_on, published=published, url=url)
    day = dated.day
    writer = author or find_byline(text)
    candidates, notes = _extract(
        text,
        made_on=day,
        today=today,
        aliases=aliases,
        author=writer,
        horizon_months=horizon_months,
    )
    return Extraction(day, dated.why, writer, tuple(candidates), tuple(notes), dated.source)


def extract_candidates(
    text: str,
    *,
    made_on: date,
    aliases: Mapping[str, str] | None = None,
    author: str | None = None,
    horizon_months: int = claim_wording.DEFAULT_HORIZON_MONTHS,
    today: date | None = None,
) -> list[Candidate]:
    """Every claim proposed for `text`, in reading order, restatements merged.

    Never raises for any text: a sentence that cannot be read yields nothing,
    and a call the ledger would refuse (a deadline past the horizon, a level
    out of range; with `today`, a made_on after it) is not proposed.
    """
    candidates, _notes = _extract(
        text,
        made_on=made_on,
        today=today,
        aliases=aliases,
        author=author,
        horizon_months=horizon_months,
    )
    return candidates


def _extract(
    text: str,
    *,
    made_on: date,
    today: date | None,
    aliases: Mapping[str, str] | None,
    author: str | None,
    horizon_months: int,
) -> tuple[list[Candidate], list[str]]:
    """The candidates, and one note per call left out for being out of bounds."""
    if not isinstance(text, str) or not text.strip():
        return [], []
    user_aliases = {" ".join(str(k).lower().split()): str(v) for k, v in (aliases or {}).items()}
    table = dict(asset_words.ARTICLE_ASSET_NAMES)
    table.update(user_aliases)
    settings = Settings(
        made_on=made_on,
        aliases=user_aliases,
        asset_table=assets.asset_table(table),
        tickers=article_tickers(text.translate(TYPOGRAPHY)),
        horizon_months=max(1, min(int(horizon_months), 1200)),
        full_names=article_names(text.translate(TYPOGRAPHY)),
    )
    context = Context(author=author)

    def names_asset(cell: str) -> tuple[str, bool] | None:
        table = settings.asset_table
        known = [m for m in assets.asset_mentions(cell, table) if m.asset in table]
        if not known:
            return None
        return known[0].asset, asset_words.ASSET_FAMILIES.get(known[0].symbol) in _AVERAGED_FAMILIES

    # grids of houses' forecasts in any layout first; what they leave, the older table readers
    text = forecast_grids(stacked_items(text), names_asset, made_on)
    text = tables_as_lines(aligned_as_pipes(text), names_asset)
    text = dashboard_lines(stacked_items(text))
    read: dict[tuple[str, bool, ContextState], tuple[list[Candidate], ContextState]] = {}
    found: list[Candidate] = []
    notes: dict[str, None] = {}
    target_waits = False  # the sentence before was a target call with no level
    sentences = split_sentences(without_sidebar(text))
    readable = [s.text for s in sentences if len(s.text) <= MAX_SENTENCE_LENGTH]
    firm_of = article_affiliations(readable)
    for person, firm in focus_affiliations(readable).items():
        firm_of.setdefault(person, firm)  # a tie the article states wins over the house in focus
    for sentence in sentences:
        if len(sentence.text) > MAX_SENTENCE_LENGTH:
            continue
        pointed = with_target_named(sentence.text) if target_waits else None
        if pointed is not None:
            original = sentence.text
            sentence = replace(sentence, text=pointed)
        context.paragraph = sentence.paragraph
        # A sentence read before, with what earlier sentences said unchanged, reads the same:
        # boilerplate and pages that repeat one line 100,000 times are read once per line.
        key = (sentence.text, sentence.headline, sentence.item, context.state())
        if key in read:
            candidates, after = read[key]
            context.restore(after)
            found.extend(candidates)
            continue
        try:
            candidates = read_sentence(
                sentence.text, sentence.headline, settings, context, item=sentence.item
            )
        except ClaimError:
            candidates = []  # a claim module refused something odd in this sentence; skip it
        candidates = _within_bounds(candidates, today or made_on, notes)
        candidates = without_spread_ends(candidates, sentence.text)
        if pointed is not None:
            candidates = as_written(candidates, original)
        target_waits = asks_for_a_level(sentence.text, candidates)
        read[key] = (candidates, context.state())
        found.extend(candidates)
    found = credited_to_sole_house(credited_to_firms(found, firm_of, author), text)
    found = credited_to_described(found, firm_of)
    found = [c if c.speaker is None else replace(c, speaker=source_name(c.speaker)) for c in found]
    found = with_article_oil(found, text, set(user_aliases))
    found = without_percents_beside_prices(found, text)
    return merged(sides_against_price_of_day(found, context.price_now, text)), list(notes)


def _within_bounds(
    candidates: list[Candidate], today: date, notes: dict[str, None]
) -> list[Candidate]:
    """The candidates the ledger would accept; a note for each it would refuse.

    The bounds are `ledger.claims.bounds`, the ones every path into the
    ledger checks, so what is proposed here is never refused when recorded.
    """
    kept = []
    for candidate in candidates:
        try:
            if candidate.claim is not None:
                check_claim(candidate.claim, today)
            else:
                check_made_on(candidate.made_on, today)
                if candidate.deadline_hint is not None:
                    check_deadline(candidate.made_on, candidate.deadline_hint)
        except BoundsError as error:
            shown = candidate.claim_text or candidate.template or candidate.sentence
            notes[f"not proposed: '{shown}': {error}"] = None
            continue
        kept.append(candidate)
    return kept
