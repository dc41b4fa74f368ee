"""Find the market calls in article text: a transparent, rule-based reader.

No language model and no network: every decision is a rule over the tables
in `patterns.py`, and every choice made on the user's behalf is written into
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

Confidence is the additive score documented in patterns.py (SCORE_*, CAP_*).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from ledger.claims import assets
from ledger.claims.bounds import (
    EARLIEST_MADE_ON,
    BoundsError,
    check_claim,
    check_deadline,
    check_made_on,
)
from ledger.claims.dates import MONTHS, DatePhrase
from ledger.claims.vocabulary import ABOVE, AVERAGE, BELOW, TOUCH
from ledger.errors import ClaimError
from ledger.extract import patterns as P
from ledger.extract.article import find_byline, find_dateline
from ledger.extract.candidate import Candidate
from ledger.extract.clauses import (
    FIRST_PERSON,
    FORECAST_WORDS,
    FUTURE,
    HEADLINE_INFINITIVE,
    HEDGE,
    STANDING_CALL,
    VAGUE_CALL,
    clause_spans,
    conditional_spans,
    is_past,
)
from ledger.extract.dashboards import dashboard_lines
from ledger.extract.directions import Direction, find_terms, is_negated, read_direction
from ledger.extract.levels import Level, call_levels, prices_now
from ledger.extract.mentions import find_mentions, remember, remember_prices
from ledger.extract.merge import merged
from ledger.extract.pairing import (
    by_speaker,
    credited,
    fallback_deadline,
    for_a_span_of_years,
    listed_month_ends,
    named_before,
    own_deadlines,
    respective_assets,
    respective_deadlines,
    respectively_at,
    split_segments,
    without_old_deadlines,
)
from ledger.extract.prepare import (
    TYPOGRAPHY,
    article_tickers,
    date_phrases,
    prepare,
    with_same_period,
)
from ledger.extract.sentences import split_sentences, without_sidebar
from ledger.extract.sides import is_sideless_average, path_side
from ledger.extract.speakers import (
    Recent,
    SpeakerReading,
    affiliations,
    article_names,
    find_speaker,
    houses_named,
    introduced_people,
    is_organization,
    label_speaker,
    roll_call,
    speaker_spans,
    split_houses,
)
from ledger.extract.special_calls import comparison_candidates, needs_level, vague_call
from ledger.extract.state import Context, ContextState, Mention, Segment, SentenceFacts, Settings
from ledger.extract.tables import tables_as_lines
from ledger.extract.textops import any_of, blank
from ledger.extract.writing import Plan, claim_name, cue_words, write_candidate

_OLD_CALL = any_of(P.OLD_CALLS)
_OLD_EDITION = any_of(P.OLD_EDITIONS)
_OLD_CALL_ASIDE = re.compile(P.OLD_CALL_ASIDE, re.IGNORECASE)
# "parity": the level 1.00, for the pairs quoted near one (not USD/JPY).
_PARITY = re.compile(r"\b(?:parity|one-for-one|one-to-one)\b", re.IGNORECASE)
_NEAR_ONE_PAIRS = frozenset(("EURUSD=X", "GBPUSD=X", "AUDUSD=X", "CHF=X", "EURCHF=X", "EURGBP=X"))
# Assets whose forecast for a year, in a bank's table, is the year's average.
_AVERAGED_FAMILIES = frozenset(("oil", "gas", "metal"))
_YEAR_IN = re.compile(r"\b((?:19|20)\d\d)\b")
# "could reach 50,000 soon and perhaps 70,000 by the end of the decade": no date to judge
_VAGUE_TIME_AFTER = re.compile(
    r"\s*(?:soon|shortly|eventually|at\s+some\s+point|in\s+(?:the\s+)?(?:near|long)\s+term"
    r"|one\s+day|in\s+time)\b",
    re.IGNORECASE,
)
_REPORTED_BEFORE = re.compile(
    r"\b(?:said|says|told|wrote|announced|noted|reported|added)\s+(?:on\s+\w+\s+)?(?:that\s+)?"
    r"(?:it|they|he|she|the\s+(?:bank|firm|group))\s+$",
    re.IGNORECASE,
)
_PART_BOUNDARY = re.compile(r"[:;]\s|\s(?:but|yet|whereas)\s", re.IGNORECASE)
# "have lifted their targets this month alone", "up 20% this year to date": the part gone
_SO_FAR_AFTER = re.compile(r"\s+(?:alone|so\s+far|to\s+date)\b", re.IGNORECASE)
_BACKWARD_PREPOSITION = re.compile(
    r"\s*(?:in|for|during|over|at\s+the\s+end\s+of|the\s+end\s+of|end\s+of)\b", re.IGNORECASE
)
_BARE_MONTH = re.compile(
    r"\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?\s*$", re.IGNORECASE
)
_AVERAGE_AFTER = re.compile(
    r"\s*(?:(?:an?\s+)?average\b(?!\s+(?:of|daily|annual))|\([^()]{0,40}\baverage\b[^()]{0,20}\))",
    re.IGNORECASE,
)
_ASIDE_AFTER = re.compile(r"[^()\d]{0,12}\([^()]{1,60}\)")
_SCENARIO = any_of(P.SCENARIOS)
_PERIOD_FORECAST = any_of(P.PERIOD_FORECAST)
_NOT_A_LEVEL = any_of(P.NOT_A_LEVEL)
_QUESTION = re.compile(r"\?[\s\"')\]]*$")
# "Brent crude is expected to slide to $60", in a report on one house's outlook: a forecast
# in the passive, whose forecaster is the house the sentences before name
_PASSIVE_FORECAST = re.compile(
    r"\b(?:is|are)\s+(?:now\s+|still\s+|also\s+)?(?:expected|forecast|projected|seen"
    r"|predicted|estimated)\s+to\b",
    re.IGNORECASE,
)
# "earlier this month", "so far this year": the part of a period already gone, not a deadline
_PAST_PART_BEFORE = re.compile(
    r"\b(?:earlier|so\s+far|already|previously|until\s+now|to\s+date)\s+(?:in\s+)?$",
    re.IGNORECASE,
)


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


def extract_article(
    text: str,
    *,
    today: date,
    made_on: date | None = None,
    aliases: Mapping[str, str] | None = None,
    author: str | None = None,
    published: date | None = None,
    horizon_months: int = P.DEFAULT_HORIZON_MONTHS,
) -> Extraction:
    """Candidates for an article, made_on taken from the caller, the page or the dateline.

    `made_on` (the user's --made-on) wins, and must be one the ledger accepts
    (BoundsError otherwise); then `published` (the page's own metadata); then
    a dateline near the top of the text; then `today`. A page or dateline
    date the ledger would refuse (`<meta name=date content=0001-01-01>`, a
    day still to come) is passed over, and the reason says so. The reason is
    returned so the user can see which it was.
    """
    passed_over: list[str] = []
    if made_on is not None:
        check_made_on(made_on, today)
        day, why = made_on, "given with --made-on"
    else:
        found = _accepted_day(published, "the page's publication date", today, passed_over)
        if found is None:
            dateline = find_dateline(text, today)
            label = f"the dateline '{dateline.text}'" if dateline else ""
            found = _accepted_day(dateline.day if dateline else None, label, today, passed_over)
        if found is not None:
            day, why = found[0], "; ".join((found[1], *passed_over))
        elif passed_over:
            day, why = today, f"today: {'; '.join(passed_over)}; give --made-on"
        else:
            day, why = today, "today: no date found in the article (give --made-on)"
    writer = author or find_byline(text)
    candidates, notes = _extract(
        text,
        made_on=day,
        today=today,
        aliases=aliases,
        author=writer,
        horizon_months=horizon_months,
    )
    return Extraction(day, why, writer, tuple(candidates), tuple(notes))


def _accepted_day(
    day: date | None, label: str, today: date, passed_over: list[str]
) -> tuple[date, str] | None:
    """`day` with its label if the ledger accepts it as a made_on; else None, noted."""
    if day is None:
        return None
    try:
        check_made_on(day, today)
    except BoundsError:
        passed_over.append(
            f"{label} {day.isoformat()} was ignored, not between"
            f" {EARLIEST_MADE_ON.isoformat()} and today"
        )
        return None
    return day, label


def extract_candidates(
    text: str,
    *,
    made_on: date,
    aliases: Mapping[str, str] | None = None,
    author: str | None = None,
    horizon_months: int = P.DEFAULT_HORIZON_MONTHS,
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
    table = dict(P.ARTICLE_ASSET_NAMES)
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
        return known[0].asset, P.ASSET_FAMILIES.get(known[0].symbol) in _AVERAGED_FAMILIES

    text = dashboard_lines(tables_as_lines(text, names_asset))
    read: dict[tuple[str, bool, ContextState], tuple[list[Candidate], ContextState]] = {}
    found: list[Candidate] = []
    notes: dict[str, None] = {}
    for sentence in split_sentences(without_sidebar(text)):
        if len(sentence.text) > MAX_SENTENCE_LENGTH:
            continue
        # A sentence read before, with what earlier sentences said unchanged, reads the same:
        # boilerplate and pages that repeat one line 100,000 times are read once per line.
        key = (sentence.text, sentence.headline, sentence.item, context.state())
        if key in read:
            candidates, after = read[key]
            context.restore(after)
            found.extend(candidates)
            continue
        try:
            candidates = _read_sentence(
                sentence.text, sentence.headline, settings, context, item=sentence.item
            )
        except ClaimError:
            candidates = []  # a claim module refused something odd in this sentence; skip it
        candidates = _within_bounds(candidates, today or made_on, notes)
        read[key] = (candidates, context.state())
        found.extend(candidates)
    return merged(found), list(notes)


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


def _read_sentence(
    original: str, headline: bool, settings: Settings, context: Context, *, item: bool = False
) -> list[Candidate]:
    made_on = settings.made_on
    # The items of a list ("Where the houses see the S&P 500 finishing 2026:" then
    # "- Deutsche Bank: 8,000", "- UBS: 7,500") are all read under the lead-in: they do not
    # age the asset and period it named, however long the list.
    if not item:
        context.last_symbol_age += 1
        context.last_period_age += 1
        context.last_speaker_age += 1
    # A list of calls runs over sentences: "Deutsche Bank projects 8,000 for the end of 2026
    # ... Oppenheimer has the most bullish target at 8,100": the period carries to the next
    # sentence's calls on the same asset, when it names none of its own.
    inherited = None
    if context.last_period is not None and context.last_period_age <= (1 if not item else 2):
        # a bare year read in its sentence ("finishing 2026") reads alone as "by 2026"
        inherited = next(
            iter(
                date_phrases(context.last_period, made_on)
                or date_phrases(f"by {context.last_period}", made_on)
            ),
            None,
        )
    inherit_symbols, context.last_calls = context.last_calls, ()
    if item and context.last_symbol is not None:
        inherit_symbols = (*inherit_symbols, context.last_symbol)
    earlier_year = None
    if context.last_period is not None and context.last_period_age <= 1:
        years = _YEAR_IN.findall(context.last_period)
        earlier_year = int(years[-1]) if years else None
    if (
        (earlier_year is None or earlier_year <= made_on.year)
        and context.headline_period is not None
        and context.read_body
    ):
        # "Gold could keep rising: forecasts point to $5,000 in 2026" then "around $5,055 in
        # the fourth quarter": a quarter with no year is in the year the headline names
        earlier_year = context.headline_period.deadline.year
    work = prepare(original, made_on, earlier_year)
    phrases = date_phrases(work, made_on)
    work, phrases = with_same_period(work, phrases, made_on, context)

    affiliated = affiliations(work, context.last_organization)
    context.firm_of.update(affiliated)
    speaker = credited(
        find_speaker(
            work,
            headline=headline,
            author=context.author,
            recent=Recent(context.last_speaker, context.last_organization, context.last_person),
        ),
        context.firm_of,
    )
    if speaker.name is None and affiliated:
        # "Geoffrey Kendrick, head of research at Standard Chartered, has cut his target"
        person, firm = next(iter(affiliated.items()))
        speaker = SpeakerReading(firm, named=True, note=f"{person} speaks for {firm}")
    # a list item's label, or a paragraph's: "Goldman Sachs: in a Monday note the bank said"
    label = label_speaker(work) if item or not headline else None
    label_houses: tuple[str, ...] = ()
    if label is not None:
        speaker = SpeakerReading(label, named=True, note=f"the list item's label: {label}")
        # "Goldman Sachs & Morgan Stanley: a target of 4,800": two houses, one call each
        label_houses = tuple(split_houses(label))
        if len(label_houses) < 2:
            label_houses = ()
    if (
        speaker.name is None
        and context.last_speaker is not None
        and context.last_speaker_age <= 2
        and (
            item
            or FORECAST_WORDS.search(work)
            or STANDING_CALL.search(work)
            or _PASSIVE_FORECAST.search(work)
        )
    ):
        # "New price target: $170,000 within 6-12 months" after "JPMorgan's analysts took
        # ...": a forecast nobody is named for, in a report on one speaker's call, is theirs.
        speaker = SpeakerReading(
            context.last_speaker,
            note=f"nobody named in the sentence: read as {context.last_speaker}, named just before",
        )
    if speaker.name in settings.full_names:
        full = settings.full_names[speaker.name]
        speaker = replace(speaker, name=full, note=speaker.note or f"'{speaker.name}' is {full}")
    mentions = find_mentions(work, settings, context)
    work = _parity_as_level(work, mentions, context)
    clauses = clause_spans(work)
    past = [span for span in clauses if is_past(work, span, phrases, made_on)]
    past += [aside.span() for aside in _OLD_CALL_ASIDE.finditer(work)]
    old_call = _OLD_CALL.search(work) or _OLD_EDITION.search(work)
    if old_call and _REPORTED_BEFORE.search(work, 0, old_call.start()):
        old_call = None  # "Citi said it had raised its forecasts to $1,575": the news itself
    if old_call:
        # "it had expected for 2026: the flagship cryptocurrency should hit $150,000 next
        # year": a call someone had made is past up to the next colon, semicolon or "but";
        # the part after it is the sentence's own. Other old calls take the whole sentence.
        start = next((s for s, e in clauses if s <= old_call.start() < e), 0)
        boundary = _PART_BOUNDARY.search(work, old_call.end())
        end = boundary.start() if boundary else len(work)
        rest = work[end:]
        by_then = old_call[0].lstrip().lower().startswith("had") or bool(
            _OLD_EDITION.match(old_call[0])
        )
        if by_then and (FUTURE.search(rest) or FORECAST_WORDS.search(rest)):
            past = [*past, (start, end)]
        else:
            past = [(0, len(work))]
    present = blank(work, past)
    lead_direction = context.lead_direction
    lead_period_forecast = context.lead_period_forecast
    if not item:
        # A lead-in ("Where the houses see the S&P 500 finishing 2026:") lends its
        # direction to the list under it; any other sentence ends the list.
        terms = find_terms(present, [m.span for m in mentions], phrases)
        lead_in = original.rstrip().endswith(":")
        context.lead_direction = read_direction(terms, (0, len(work)), "") if lead_in else None
        # "The leading banks' gold forecasts for 2026:": each row under it is one for the year
        context.lead_period_forecast = lead_in and bool(
            _PERIOD_FORECAST.search(original.translate(TYPOGRAPHY))
        )
    remember(context, mentions, speaker)
    named_houses = houses_named(work)
    if named_houses and not (speaker.named and speaker.name and is_organization(speaker.name)):
        context.last_organization = named_houses[-1]  # "This one comes from ING. ... the bank"
    introduced = introduced_people(work)
    if introduced and not (speaker.named and speaker.name and not is_organization(speaker.name)):
        context.last_person = introduced[-1]  # "Tom Lee, chairman of BitMine ... he called"

    def looks_ahead(position: int) -> bool:
        clause = next((work[s:e] for s, e in clauses if s <= position < e), "")
        return bool(FUTURE.search(clause) or FORECAST_WORDS.search(clause))

    known = blank(work, [m.span for m in mentions] + [p.span for p in phrases])
    remember_prices(context, mentions, prices_now(known, work, looks_ahead))

    def in_present(span: tuple[int, int]) -> bool:
        return not any(s <= span[0] < e for s, e in past)

    future = tuple(
        p
        for p in phrases
        if p.deadline > made_on
        and in_present(p.span)
        and not _PAST_PART_BEFORE.search(work, 0, p.span[0])
        and not _SO_FAR_AFTER.match(work, p.span[1])
        and not _month_just_gone(p, made_on)
    )
    if headline and not context.read_body:
        # "Gold price seen climbing: major banks bullish on 2026": the year the article's
        # first line names is the period of the calls below it that name none of their own
        # (a dateline after it is the day it was written, not a period).
        context.headline_period = _headline_period(work, future, made_on)
    context.read_body = True
    strong_cue = bool(
        FORECAST_WORDS.search(present)
        or FIRST_PERSON.search(present)
        or STANDING_CALL.search(present)
    )
    # "Next comes BMO Capital at 6,700 ... Morgan Stanley, HSBC and Yardeni follow at 6,500":
    # a roll call of houses right after a sentence of calls goes on with that list, its asset
    # and period, though it has no forecast word of its own
    roll = bool(inherit_symbols) and inherited is not None and bool(roll_call(present))
    cue = (
        strong_cue
        or roll
        or bool(FUTURE.search(present))
        or bool(future)
        or (headline and bool(HEADLINE_INFINITIVE.search(present)))
        or (item and inherited is not None)
        # "the rally in gold is far from over" looks ahead by itself, about a named asset.
        or (bool(VAGUE_CALL.search(present)) and any(m.subject for m in mentions))
    )
    if future and not item:
        context.last_period = future[-1].text
        context.last_period_age = 0
    if not cue or not present.strip():
        return []
    if _QUESTION.search(original):
        return []  # "Is S&P 8,000 in play?": a question asks, it does not call

    # A mention in a past clause still owns the levels after it until the next mention:
    # "In one week the metal went from $4,000 to $4,200, and Schiff is calling for $5,000".
    subjects = [m for m in mentions if m.subject]
    vague = vague_call(original, work, present, subjects, phrases, speaker, headline, settings)
    if vague is not None:
        return [vague]
    if not subjects:
        # An article about one asset only ("Standard Chartered cuts its bitcoin forecast in
        # half") is about it in every sentence: "he now expects the $500,000 level in 2030".
        only_asset = context.named_symbols == (context.topic,) and context.topic is not None
        if mentions or context.last_symbol is None:
            return []
        if context.last_symbol_age > 2 and not only_asset:
            return []
        meant = context.last_symbol
        if context.topic in context.last_symbols:
            meant = context.topic  # "The S&P 500 and the Dow closed at records" in an S&P story
        subjects = [
            Mention(
                "",
                meant,
                (0, 0),
                vague_note=f"no asset named: read as {meant}, named just before",
            )
        ]

    level_text = blank(
        present,
        [m.span for m in mentions]
        + [p.span for p in phrases]
        + [m.span() for m in _NOT_A_LEVEL.finditer(present)],
    )

    found = call_levels(
        level_text, work, asset_starts=[m.span[0] for m in mentions], looks_ahead=looks_ahead
    )
    levels = found.levels
    future = without_old_deadlines(work, future, levels, found.old_spans)
    sentence = SentenceFacts(
        original=original,
        work=work,
        present=present,
        headline=headline,
        speaker=speaker,
        terms=tuple(
            find_terms(
                blank(present, found.reported_spans),
                [m.span for m in mentions] + [lv.match.span for lv in levels],
                phrases,
            )
        ),
        future=future,
        scenario_spans=tuple(span for span in clauses if _SCENARIO.search(work[span[0] : span[1]])),
        conditional_spans=conditional_spans(work),
        hedged=bool(HEDGE.search(present)),
        strong_cue=strong_cue,
        cue=cue_words(present, future, headline),
        period_forecast=bool(_PERIOD_FORECAST.search(original.translate(TYPOGRAPHY)))
        or (item and lead_period_forecast),
        probability=found.probability,
        speakers_at=((0, label_houses),)
        if label_houses
        else tuple(
            (position, tuple(dict.fromkeys(_full_name(n, context, settings) for n in names)))
            for position, names in speaker_spans(present)
        ),
        inherited=inherited if (strong_cue or item or roll) and not future else None,
        headline_period=context.headline_period,
        level_spans=tuple(lv.match.span for lv in levels),
        inherit_symbols=inherit_symbols,
        price_now=dict(context.price_now),
        respectively=respectively_at(present),
        lead_direction=lead_direction if item else None,
    )

    # "S&P 500 earnings per share reaching $275 ..., and the index at 7,100": a level after an
    # asset that is not the price (its earnings, its miners) and before any subject is not a
    # call on the subject named after it.
    yardsticks = [m for m in mentions if not m.subject]
    levels = [
        lv
        for lv in levels
        if any(m.span[0] < lv.start for m in subjects)
        or not any(m.span[1] <= lv.start for m in yardsticks)
    ]
    levels = [lv for lv in levels if not for_a_span_of_years(work, future, lv)]
    segments = split_segments(subjects, levels, work)
    segments = respective_assets(sentence, segments, subjects)
    candidates: list[Candidate] = []
    carried: Direction | None = None
    for segment in segments:
        # A gapped list reads each asset with the first one's verb: "silver to end the year
        # at $37, platinum at $1,250 and palladium at $1,100" are three year-end closes.
        before, carried = carried, None
        for group, speaker in by_speaker(sentence, segment):
            found, carried = _segment_candidates(
                replace(sentence, speaker=speaker), group, settings, before
            )
            candidates += found
    compared = comparison_candidates(sentence, settings)
    if compared:
        # "gold will outperform bitcoin" names no level for either: nothing to ask for.
        candidates = [c for c in candidates if c.needs != "level"] + compared
    if roll and any(c.claim is not None for c in candidates):
        context.last_period_age = 0  # the roll call may go on in the next sentence
    if any(c.claim is not None and c.symbol == context.last_symbol for c in candidates):
        # A call read on the asset named before keeps it the topic: "The STEO puts the annual
        # average at $3.47 ..." then "Quarter by quarter, the agency now sees $3.51 ...".
        context.last_symbol_age = 0
    # a call whose level was an old one ("had a year-end target of 1775") still lends its
    # period to the next sentence's ("he lifted that target to 1825")
    context.last_calls = tuple(
        dict.fromkeys(c.symbol for c in candidates if c.claim or c.needs == "level")
    )
    return candidates


def _segment_candidates(
    sentence: SentenceFacts,
    segment: Segment,
    settings: Settings,
    before: Direction | None = None,
) -> tuple[list[Candidate], Direction | None]:
    """The segment's candidates, and the direction of its last level for a gapped list.

    `before` is the direction the asset before it in the sentence was read with: a
    segment with no direction word of its own reads with it.
    """
    levels = list(segment.levels)
    if not segment.mention.symbol:
        return [], None  # an asset with no symbol: its levels are set aside
    if not levels:
        return needs_level(sentence, segment, settings), None
    own = own_deadlines(levels, segment, sentence.future, sentence.work)
    own.update(respective_deadlines(sentence, levels))
    if len(levels) == 2 and list(own) == [1]:
        # "for 2027 ... 61 dollars for WTI, and 75 dollars for 2030": a ladder of two years
        earlier = named_before(sentence, segment, levels[0])
        if earlier is not None:
            own[0] = earlier
    # "could nearly double the price by the end of the year, lifting their year-end target
    # to $7,500": a multiple that says the same as a price for the same day is no call of its own
    priced = {own[i].deadline for i, lv in enumerate(levels) if i in own and lv.match.price}
    restated = {
        i
        for i, lv in enumerate(levels)
        if i in own and lv.match.price is None and own[i].deadline in priced
    }
    if restated:
        kept = [i for i in range(len(levels)) if i not in restated]
        own = {kept.index(i): phrase for i, phrase in own.items() if i in kept}
        levels = [levels[i] for i in kept]
    windows = []
    previous_end = segment.start
    for level in levels:
        windows.append((previous_end, level.start))
        # "5,055 dollars (Q4 2026 average), 6,000 dollars (long-term)": the words in the
        # brackets after a level are that level's, not the next one's direction
        aside = _ASIDE_AFTER.match(sentence.work, level.end)
        previous_end = (
            aside.end() if aside and aside.end() <= _next_start(levels, level) else level.end
        )
    directions = [
        read_direction(sentence.terms, window, sentence.work[lv.end : lv.end + 24])
        for lv, window in zip(levels, windows, strict=True)
    ]
    directions = [d or sentence.lead_direction for d in directions]
    if before is not None and all(d is None for d in directions):
        directions = [before for _ in directions]
    for index, level in enumerate(levels):
        if directions[index] is None and _AVERAGE_AFTER.match(sentence.work, level.end):
            # "~$4,560 average": the noun after the level names the kind
            directions[index] = Direction(AVERAGE, ABOVE, None, None)
    plans: list[Plan] = []
    if len(own) > 1:
        # A ladder: each level with its own deadline is a call ("$3.47 in 2025 and $4.02 in
        # 2026"); a level without one beside them is commentary, not a rung.
        last: Direction | None = None
        last_year = 0
        # how the rung before lies against today's price, for a later rung's verb to move from
        unstated = _UNSTATED
        price_now = sentence.price_now.get(segment.mention.symbol)
        for index, level in enumerate(levels):
            year = own[index].deadline.year if index in own else last_year
            # a verb of the path is read against the rung before only from year to year:
            # "to average $55 in 2026, falling to $54 in the fourth quarter" is a fall
            # a rung whose side no word stated lies where the price of the day (or the path
            # the sentence runs) puts it, not on the default side its verb reads
            stated = (
                last
                if last is not None and last.stated_side and not is_sideless_average(last)
                else None
            )
            before = (stated or unstated) if last_year and year > last_year else None
            direction = _rung_direction(directions[index], before) or last
            if index in own:
                plans.append(Plan(level, own[index], direction, windows[index], several=False))
            last, last_year = direction, year
            below_now = bool(price_now and level.match.price and level.match.price < price_now) or (
                not price_now and path_side(sentence.present, level.match) == BELOW
            )
            unstated = _UNSTATED_BELOW if below_now else _UNSTATED
            if is_negated(sentence.present, sentence.terms, windows[index]):
                # "does not expect gold to reach $6,000": no rung to move from
                last, last_year = None, 0
    elif _paths_of_one_call(levels, directions):
        # "~$4,560 average, peaking near $5,000", "to $5,000, with an average of $4,400":
        # a peak and an average are two calls on one path, each with its own word.
        for index, level in enumerate(levels):
            when = own.get(index) or fallback_deadline(sentence, segment, level)
            if when is None and segment.mention.symbol in sentence.inherit_symbols:
                when = sentence.inherited
            when = when or sentence.headline_period
            plans.append(Plan(level, when, directions[index], windows[index], several=False))
    else:
        several = len(levels) > 1 and not (len(levels) == 2 and levels[0].range_with)
        index = max(
            range(len(levels)),
            key=lambda i: (
                not _VAGUE_TIME_AFTER.match(sentence.work, levels[i].end),
                2 * bool(directions[i] and directions[i].verb) + (i in own),
                -i,
            ),
        )
        listed = listed_month_ends(sentence) if len(levels) == 1 else ()
        if index in own and own[index] not in listed:
            listed = ()  # "1.22 by end-2026; cuts in September and October": its own deadline
        for when in listed:
            # "targets for March, June and September 2026 to $5,000": a call per month
            plans.append(Plan(levels[index], when, directions[index], windows[index], several))
        when = own.get(index) or fallback_deadline(sentence, segment, levels[index])
        if when is None and segment.mention.symbol in sentence.inherit_symbols:
            when = sentence.inherited
        when = when or sentence.headline_period
        if not listed:
            plans.append(Plan(levels[index], when, directions[index], windows[index], several))
    found = [write_candidate(sentence, segment, plan, settings) for plan in plans]
    return [c for c in found if c is not None], directions[-1]


# a rung with no direction word, read as the default (above) reads
_UNSTATED = Direction(TOUCH, ABOVE, None, None)
_UNSTATED_BELOW = Direction(TOUCH, BELOW, None, None)


def _rung_direction(own: Direction | None, last: Direction | None) -> Direction | None:
    """A ladder rung's own direction, read against the rung before (None: it has none).

    "silver at $32 in 2021, then easing to $31 in 2022 and $30 in 2023": the verb of a
    later rung says how the path moves from the rung before, not where the rung lies
    against the price of the day. After a rung read above, a falling verb leaves the
    rung above (a rung read below stays below when the path keeps falling).
    """
    if own is None:
        return None
    if last is not None and last.side == ABOVE and own.side == BELOW and own.family == TOUCH:
        return replace(
            own,
            side=ABOVE,
            note=f"'{own.verb}' moves from the rung before, not from today's price: read as above",
        )
    return own


def _parity_as_level(work: str, mentions: list[Mention], context: Context) -> str:
    """ "the euro will fall to parity", "trade one-for-one with the dollar": for a currency
    pair quoted near one, parity is the level 1.00. Written over the words, same length, so
    every position read before stays put."""
    if not _PARITY.search(work):
        return work
    symbols = [m.symbol for m in mentions if m.symbol] or [context.last_symbol or ""]
    if not any(symbol in _NEAR_ONE_PAIRS for symbol in symbols):
        return work
    return _PARITY.sub(lambda match: "1." + "0" * (len(match[0]) - 2), work)


def _next_start(levels: list[Level], level: Level) -> int:
    """Where the level after `level` starts (or a position past every level)."""
    return next((lv.start for lv in levels if lv.start > level.start), 10**9)


def _month_just_gone(phrase: DatePhrase, made_on: date) -> bool:
    """ "Brent averaged $62.23 in October", written on 12 November: a month named without a
    year that ended in the three months before the article is that month, not next year's."""
    if _YEAR_IN.search(phrase.text) or not _BARE_MONTH.search(phrase.text):
        return False
    if not _BACKWARD_PREPOSITION.match(phrase.text):
        return False  # "by March", "before December", "until June" look ahead
    months_ahead = (phrase.deadline.year - made_on.year) * 12 + phrase.deadline.month
    months_ahead -= made_on.month
    return months_ahead >= 9


def _headline_period(work: str, future: tuple[DatePhrase, ...], made_on: date) -> DatePhrase | None:
    """The period a headline names: a date phrase with a year, else a bare year to come.

    Only a year-long period counts ("2026", "by end-2026"): "by Christmas" in a headline
    is one call's deadline, not the article's period.
    """
    dated = [p for p in future if _YEAR_IN.search(p.text)]
    if dated:
        return dated[0]
    for year in _YEAR_IN.findall(work):
        found = date_phrases(f"by the end of {year}", made_on)
        if found and found[0].deadline > made_on:
            return replace(found[0], text=f"{year} (the headline's year)")
    return None


def _paths_of_one_call(levels: list[Level], directions: list[Direction | None]) -> bool:
    """Two levels, each with a direction word of its own family (an average and a peak)."""
    if len(levels) != 2 or any(lv.range_with is not None for lv in levels):
        return False
    if any(d is None for d in directions):
        return False
    families = {d.family for d in directions if d is not None}
    # the average may be written after its level ("~$4,560 average"), the peak has its verb
    return (
        len(families) == 2
        and AVERAGE in families
        and all(d.verb for d in directions if d is not None and d.family != AVERAGE)
    )


def _full_name(name: str, context: Context, settings: Settings) -> str:
    """A listed speaker as credited: the firm a person speaks for, else the name in full."""
    if name in context.firm_of:
        return context.firm_of[name]
    return settings.full_names.get(name, name)
