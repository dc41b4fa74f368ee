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

Confidence is the additive score documented in patterns.py (SCORE_*, CAP_*).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from ledger.claims import assets, comparisons, dates, level_rules, vocabulary
from ledger.claims.assets import BUILTIN_ALIASES, KNOWN_NAMES
from ledger.claims.bounds import (
    EARLIEST_MADE_ON,
    BoundsError,
    check_claim,
    check_deadline,
    check_made_on,
)
from ledger.claims.dates import DatePhrase
from ledger.claims.instruments import symbols_in
from ledger.claims.model import (
    Claim,
    ClaimKind,
    LevelRuleName,
    RelativeKind,
    default_window_start,
    format_price,
)
from ledger.claims.numbers import LevelMatch, find_levels
from ledger.claims.parser import parse_claim, parse_vague
from ledger.claims.vocabulary import ABOVE, AVERAGE, BELOW, HOLD, TOUCH
from ledger.errors import ClaimError
from ledger.extract import patterns as P
from ledger.extract.article import find_byline, find_dateline
from ledger.extract.candidate import Candidate, Reason
from ledger.extract.directions import Direction, Term, find_terms, is_negated, read_direction
from ledger.extract.levels import Level, call_levels, prices_now
from ledger.extract.merge import merged
from ledger.extract.sentences import split_sentences
from ledger.extract.speakers import (
    Recent,
    SpeakerReading,
    affiliations,
    find_speaker,
    is_organization,
    speaker_spans,
)
from ledger.extract.textops import any_of, blank, phrase_regex

__all__ = ["Extraction", "claim_name", "extract_article", "extract_candidates"]

# A "sentence" longer than this is a table or a dump, not prose; it is skipped.
MAX_SENTENCE_LENGTH = 1500

# ---------------------------------------------------------------- compiled patterns


# Look-alike characters replaced one for one, so positions stay put.
_TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2212": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\uff04": "$",
        "\uff05": "%",
    }
)
_REWRITES = tuple((re.compile(p, re.IGNORECASE), r) for p, r in P.REWRITES)
_CASHTAG = re.compile(P.CASHTAG)
_PAREN_TICKER = re.compile(P.PARENTHESIZED_TICKER)
_SAME_PERIOD = re.compile(P.SAME_PERIOD, re.IGNORECASE)
_QUARTER_OR_HALF = re.compile(r"\b([QH])([1-4])\b(?:\s+((?:19|20)\d\d)\b)?")
_YEAR = re.compile(r"(?<![\w$.,])((?:19|20)\d\d)(?![\w%])")
_THE_YEAR_END = re.compile(
    r"\b(?:the\s+)?end\s+of\s+(?:the|this)\s+year\b|\byear[-\s]end\b(?!\s*(?:19|20)\d\d)",
    re.IGNORECASE,
)

_FUTURE = any_of(P.FUTURE_MARKERS)
_FORECAST_WORDS = re.compile(phrase_regex(P.FORECAST_VERBS + P.FORECAST_NOUNS), re.IGNORECASE)
_HEADLINE_INFINITIVE = re.compile(P.HEADLINE_INFINITIVE, re.IGNORECASE)
_FIRST_PERSON = any_of(P.FIRST_PERSON)
_OLD_CALL = any_of(P.OLD_CALLS)
_PAST_TIME = any_of(P.PAST_TIME)
_PAST_VERB = re.compile(phrase_regex(P.PAST_VERBS), re.IGNORECASE)
_PERFECT = re.compile(P.PERFECT_TENSE, re.IGNORECASE)
_NOT_PAST_BEFORE_VERB = re.compile(P.NOT_PAST_BEFORE_VERB, re.IGNORECASE)
_CONDITIONAL = any_of(P.CONDITIONALS)
_CONDITION_SCOPE_BREAK = re.compile(P.CONDITION_SCOPE_BREAK, re.IGNORECASE)
_NOT_CONDITIONAL_BEFORE_IF = any_of(P.NOT_CONDITIONAL_BEFORE_IF)
_SCENARIO = any_of(P.SCENARIOS)
_HEDGE = any_of(P.HEDGES)
_PERIOD_FORECAST = any_of(P.PERIOD_FORECAST)
_NOT_A_LEVEL = any_of(P.NOT_A_LEVEL)
_BEARISH = any_of(P.BEARISH)
_CONSENSUS = any_of(P.CONSENSUS)
_TARGET_WORDS = frozenset(P.SIDELESS_TARGET_WORDS)
_QUESTION = re.compile(r"\?[\s\"')\]]*$")
_OTHER_ASSET = re.compile(phrase_regex(P.OTHER_ASSETS), re.IGNORECASE)
_OTHER_ASSET_KEYS = frozenset(P.OTHER_ASSETS)
_AVERAGE_WORD = re.compile(r"\baverage\b", re.IGNORECASE)
_PERIOD_OF_YEAR = re.compile(r"\b([QH][1-4])\s+of\s+(next|this|the)\s+year\b", re.IGNORECASE)
_MONTH_NAME = "|".join(sorted(dates.MONTHS, key=len, reverse=True))
_DAY_OF_MONTH = re.compile(
    rf"\b(?P<preposition>by|before|until|till|through|on)\s+(?P<month>{_MONTH_NAME})\.?\s+"
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!\s*,?\s*(?:19|20)\d\d)(?![\d:,.]\d)",
    re.IGNORECASE,
)
_NOT_ADJACENT = re.compile(r"[,;:()]|\band\b|\bor\b|\bthen\b", re.IGNORECASE)
# "by Christmas", "before Thanksgiving": dates the claim language does not name
_HOLIDAY = re.compile(
    r"\b(?P<preposition>by|before|until|till)\s+(?P<holiday>christmas|thanksgiving"
    r"|new\s+year's\s+eve|new\s+year's|new\s+year)(?:\s+day)?\b",
    re.IGNORECASE,
)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_LIST_JOINT = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*|/\s*)", re.IGNORECASE)
_SLASH_JOINT = re.compile(r"\s*/\s*")
_LIST_END = re.compile(r"[\s,]*(?:\w+\s+){0,6}?[\s,]*", re.IGNORECASE)

_NOT_PRICE_AFTER_ASSET = re.compile(
    r"^\s*(?:'s\s+)?" + phrase_regex(P.NOT_THE_PRICE_AFTER), re.IGNORECASE
)
# After a company's name, its "shares" or "stock" are the company's price itself.
_STOCK_WORDS = frozenset(("stocks", "stock", "shares", "equities"))
_NOT_PRICE_AFTER_COMPANY = re.compile(
    r"^\s*(?:'s\s+)?"
    + phrase_regex(tuple(w for w in P.NOT_THE_PRICE_AFTER if w not in _STOCK_WORDS)),
    re.IGNORECASE,
)
_NOT_SUBJECT_BEFORE_ASSET = re.compile(
    phrase_regex(P.NOT_THE_SUBJECT_BEFORE) + r"\s+(?:the\s+)?(?:price\s+of\s+)?$", re.IGNORECASE
)
_ANAPHORA = re.compile(phrase_regex(P.ASSET_ANAPHORA), re.IGNORECASE)
_LEVEL_SEEKING = re.compile(phrase_regex(P.LEVEL_SEEKING), re.IGNORECASE)
_VAGUE_CALL = any_of(P.VAGUE_CALLS)

_CLAUSE_BREAK = re.compile(P.CLAUSE_BREAKS, re.IGNORECASE)
_DEADLINE_PREPOSITION = re.compile(
    r"^(?:by|until|till|through|thru|before|within|in|over|during|from|between|end|year"
    r"|for|no\s+later)\b",
    re.IGNORECASE,
)

# ---------------------------------------------------------------- data of one sentence


@dataclass(frozen=True)
class _Mention:
    """An asset in the sentence: what was written, its symbol, and how sure the reading is."""

    written: str
    symbol: str
    span: tuple[int, int]
    vague_note: str | None = None
    subject: bool = True


@dataclass(frozen=True)
class _Segment:
    """One asset's part of a sentence, and the levels in it."""

    mention: _Mention
    start: int
    end: int
    levels: tuple[Level, ...]


@dataclass(frozen=True)
class _Sentence:
    """Everything read from one sentence that its calls share."""

    original: str
    work: str
    present: str
    headline: bool
    speaker: SpeakerReading
    terms: tuple[Term, ...]
    future: tuple[DatePhrase, ...]
    scenario_spans: tuple[tuple[int, int], ...]
    conditional_from: int | None
    hedged: bool
    strong_cue: bool
    period_forecast: bool
    probability: float | None
    cue: tuple[str | None, str] = (None, "")
    speakers_at: tuple[tuple[int, tuple[str, ...]], ...] = ()
    respectively: int | None = None
    inherited: DatePhrase | None = None
    inherit_symbols: tuple[str, ...] = ()
    price_now: Mapping[str, float] = field(default_factory=dict)


@dataclass
class _Context:
    """What earlier sentences said: for "the bank", "the metal", "the same period"."""

    author: str | None
    last_speaker: str | None = None
    last_organization: str | None = None
    last_person: str | None = None
    last_by_family: dict[str, str] = field(default_factory=dict)
    last_symbol: str | None = None
    last_symbols: tuple[str, ...] = ()
    last_symbol_age: int = 99
    topic: str | None = None
    last_period: str | None = None
    last_period_age: int = 99
    last_calls: tuple[str, ...] = ()
    price_now: dict[str, float] = field(default_factory=dict)
    firm_of: dict[str, str] = field(default_factory=dict)

    def state(self) -> _ContextState:
        """All of the context a sentence's reading depends on, as a key.

        The age of the last asset counts only up to "more than two sentences
        ago", so it is capped at 3 and a repeated sentence meets the same key.
        """
        return _ContextState(
            self.last_speaker,
            self.last_organization,
            self.last_person,
            tuple(sorted(self.last_by_family.items())),
            self.last_symbol,
            self.last_symbols,
            min(self.last_symbol_age, 3),
            self.last_period,
            min(self.last_period_age, 3),
            self.last_calls,
            self.topic,
            tuple(sorted(self.price_now.items())),
            tuple(sorted(self.firm_of.items())),
        )

    def restore(self, state: _ContextState) -> None:
        self.last_speaker = state.last_speaker
        self.last_organization = state.last_organization
        self.last_person = state.last_person
        self.last_by_family = dict(state.last_by_family)
        self.last_symbol = state.last_symbol
        self.last_symbols = state.last_symbols
        self.last_symbol_age = state.last_symbol_age
        self.last_period = state.last_period
        self.last_period_age = state.last_period_age
        self.last_calls = state.last_calls
        self.topic = state.topic
        self.price_now = dict(state.price_now)
        self.firm_of = dict(state.firm_of)


@dataclass(frozen=True)
class _ContextState:
    last_speaker: str | None
    last_organization: str | None
    last_person: str | None
    last_by_family: tuple[tuple[str, str], ...]
    last_symbol: str | None
    last_symbols: tuple[str, ...]
    last_symbol_age: int
    last_period: str | None
    last_period_age: int
    last_calls: tuple[str, ...]
    topic: str | None
    price_now: tuple[tuple[str, float], ...]
    firm_of: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class _Settings:
    made_on: date
    aliases: Mapping[str, str]
    asset_table: assets.AssetTable
    tickers: frozenset[str]
    horizon_months: int


# ---------------------------------------------------------------- public API


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
    settings = _Settings(
        made_on=made_on,
        aliases=user_aliases,
        asset_table=assets.asset_table(table),
        tickers=_article_tickers(text.translate(_TYPOGRAPHY)),
        horizon_months=max(1, min(int(horizon_months), 1200)),
    )
    context = _Context(author=author)
    read: dict[tuple[str, bool, _ContextState], tuple[list[Candidate], _ContextState]] = {}
    found: list[Candidate] = []
    notes: dict[str, None] = {}
    for sentence in split_sentences(text):
        if len(sentence.text) > MAX_SENTENCE_LENGTH:
            continue
        # A sentence read before, with what earlier sentences said unchanged, reads the same:
        # boilerplate and pages that repeat one line 100,000 times are read once per line.
        key = (sentence.text, sentence.headline, context.state())
        if key in read:
            candidates, after = read[key]
            context.restore(after)
            found.extend(candidates)
            continue
        try:
            candidates = _read_sentence(sentence.text, sentence.headline, settings, context)
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


def claim_name(symbol: str, aliases: Mapping[str, str]) -> str:
    """The name a claim text uses for `symbol`: a known name if it reads back as it, else it."""
    table = dict(BUILTIN_ALIASES)
    table.update(aliases)
    for name in KNOWN_NAMES:
        if table.get(name.lower()) == symbol:
            return name
    for alias, target in sorted(aliases.items()):
        if target == symbol:
            return alias
    for alias, target in BUILTIN_ALIASES.items():
        if target == symbol and table.get(alias) == symbol:
            return alias
    return symbol


# ---------------------------------------------------------------- preparing a sentence


def _article_tickers(text: str) -> frozenset[str]:
    """Upper-case tickers the article itself marks as tickers: "$NVDA", "(NASDAQ: NVDA)"."""
    return frozenset(m["ticker"] for m in _CASHTAG.finditer(text)) | frozenset(
        m["ticker"] for m in _PAREN_TICKER.finditer(text)
    )


def _prepare(text: str, made_on: date) -> str:
    work = text.translate(_TYPOGRAPHY)
    for pattern, replacement in _REWRITES:
        work = pattern.sub(replacement, work)
    # "$NVDA" -> " NVDA": same length, and the ticker is then read like any other.
    work = _CASHTAG.sub(lambda m: " " + m["ticker"], work)
    # "Q1 of next year" -> "Q1 2026": one period, not a quarter and a year read apart
    work = _PERIOD_OF_YEAR.sub(
        lambda m: f"{m[1]} {made_on.year + (1 if m[2].lower() == 'next' else 0)}", work
    )
    work = _DAY_OF_MONTH.sub(lambda m: _dated(m, made_on), work)
    work = _HOLIDAY.sub(lambda m: f"{m['preposition']} {_holiday(m['holiday'], made_on)}", work)
    return _carry_years(work, made_on)


def _holiday(name: str, made_on: date) -> str:
    """The next Christmas, (US) Thanksgiving or New Year's Eve after made_on, as a date."""
    key = name.lower()
    for year in (made_on.year, made_on.year + 1):
        if key.startswith("christmas"):
            day = date(year, 12, 25)
        elif key.startswith("thanksgiving"):
            first = date(year, 11, 1)
            day = date(year, 11, 1 + (3 - first.weekday()) % 7 + 21)  # the fourth Thursday
        else:
            day = date(year, 12, 31)
        if day > made_on:
            return day.isoformat()
    return date(made_on.year + 1, 12, 31).isoformat()


def _dated(match: re.Match[str], made_on: date) -> str:
    """ "by March 31" -> "by 2026-03-31" (the next such day); "on Oct 6" (an event) -> ""."""
    if match["preposition"].lower() == "on":
        return ""
    month = dates.MONTHS[match["month"].lower().rstrip(".")]
    day = int(match["day"])
    for year in (made_on.year, made_on.year + 1):
        try:
            when = date(year, month, day)
        except ValueError:
            return match[0]
        if when > made_on:
            return f"{match['preposition']} {when.isoformat()}"
    return match[0]


def _carry_years(work: str, made_on: date) -> str:
    """A year named earlier in the sentence carries forward to a later yearless period.

    "in Q2 2026 and $4,000 in Q3" means Q3 2026; "in Q1 2026 before ... by the
    end of the year" means the end of 2026. A quarter or half carries the year
    only if it comes later in that year; "the end of the year" only after a
    year later than made_on's (else the claim language's reading is the same).
    """
    pieces: list[str] = []
    last = 0
    for match in _QUARTER_OR_HALF.finditer(work):
        if match[3]:
            continue
        named = _year_before(work, match.start(), made_on)
        if named and (named[1] is None or int(match[2]) > named[1]):
            pieces.append(work[last : match.end()] + f" {named[0]}")
            last = match.end()
    work = "".join(pieces) + work[last:]
    later = [m for m in _YEAR.finditer(work) if int(m[1]) > made_on.year]
    if not later:
        return work

    def with_year(match: re.Match[str]) -> str:
        before = [m[1] for m in later if m.start() < match.start()]
        if not before:
            return match[0]
        if match[0].lower().startswith("year"):
            return f"year-end {before[-1]}"
        return f"the end of {before[-1]}"

    return _THE_YEAR_END.sub(with_year, work)


def _year_before(work: str, position: int, made_on: date) -> tuple[str, int | None] | None:
    """The last year named before `position` (with its quarter or half, if it had one).

    A bare year counts only if it is after made_on's year ("in 2026, and ... in
    the fourth quarter"): for made_on's own year the claim language's reading of
    a yearless quarter is already the coming one.
    """
    best: tuple[int, str, int | None] | None = None
    for match in _QUARTER_OR_HALF.finditer(work, 0, position):
        if match[3]:
            best = (match.start(), match[3], int(match[2]))
    for match in _YEAR.finditer(work, 0, position):
        if int(match[1]) > made_on.year and (best is None or match.start() > best[0]):
            inside_period = any(
                q.start() <= match.start() < q.end() for q in _QUARTER_OR_HALF.finditer(work)
            )
            if not inside_period:
                best = (match.start(), match[1], None)
    return (best[1], best[2]) if best else None


def _date_phrases(work: str, made_on: date) -> list[DatePhrase]:
    try:
        phrases, _ = dates.find_date_phrases(work, made_on)
    except ClaimError:
        return []  # an impossible date ("2026-13-45") in the sentence: read no deadline from it
    return phrases


def _with_same_period(
    work: str, phrases: list[DatePhrase], made_on: date, context: _Context
) -> tuple[str, list[DatePhrase]]:
    """ "over the same period" → the period named before it, here or in the last sentence."""
    match = _SAME_PERIOD.search(work)
    if match is None:
        return work, phrases
    earlier = [p for p in phrases if p.span[1] <= match.start() and p.deadline > made_on]
    pointed = earlier[-1].text if earlier else context.last_period
    if pointed is None:
        return work, phrases
    work = work[: match.start()] + pointed + work[match.end() :]
    return work, _date_phrases(work, made_on)


# ---------------------------------------------------------------- one sentence


def _read_sentence(
    original: str, headline: bool, settings: _Settings, context: _Context
) -> list[Candidate]:
    made_on = settings.made_on
    context.last_symbol_age += 1
    context.last_period_age += 1
    # A list of calls runs over sentences: "Deutsche Bank projects 8,000 for the end of 2026
    # ... Oppenheimer has the most bullish target at 8,100": the period carries to the next
    # sentence's calls on the same asset, when it names none of its own.
    inherited = None
    if context.last_period is not None and context.last_period_age == 1:
        inherited = next(iter(_date_phrases(context.last_period, made_on)), None)
    inherit_symbols, context.last_calls = context.last_calls, ()
    work = _prepare(original, made_on)
    phrases = _date_phrases(work, made_on)
    work, phrases = _with_same_period(work, phrases, made_on, context)

    affiliated = affiliations(work, context.last_organization)
    context.firm_of.update(affiliated)
    speaker = _credited(
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
    mentions = _mentions(work, settings, context)
    clauses = _clauses(work)
    past = [span for span in clauses if _is_past(work, span, phrases, made_on)]
    if _OLD_CALL.search(work):
        past = [(0, len(work))]
    present = blank(work, past)
    _remember(context, mentions, speaker)

    def looks_ahead(position: int) -> bool:
        clause = next((work[s:e] for s, e in clauses if s <= position < e), "")
        return bool(_FUTURE.search(clause) or _FORECAST_WORDS.search(clause))

    known = blank(work, [m.span for m in mentions] + [p.span for p in phrases])
    _remember_prices(context, mentions, prices_now(known, work, looks_ahead))

    def in_present(span: tuple[int, int]) -> bool:
        return not any(s <= span[0] < e for s, e in past)

    future = tuple(p for p in phrases if p.deadline > made_on and in_present(p.span))
    strong_cue = bool(_FORECAST_WORDS.search(present) or _FIRST_PERSON.search(present))
    cue = (
        strong_cue
        or bool(_FUTURE.search(present))
        or bool(future)
        or (headline and bool(_HEADLINE_INFINITIVE.search(present)))
        # "the rally in gold is far from over" looks ahead by itself, about a named asset.
        or (bool(_VAGUE_CALL.search(present)) and any(m.subject for m in mentions))
    )
    if future:
        context.last_period = future[-1].text
        context.last_period_age = 0
    if not cue or not present.strip():
        return []
    if _QUESTION.search(original):
        return []  # "Is S&P 8,000 in play?": a question asks, it does not call

    # A mention in a past clause still owns the levels after it until the next mention:
    # "In one week the metal went from $4,000 to $4,200, and Schiff is calling for $5,000".
    subjects = [m for m in mentions if m.subject]
    vague = _vague_call(original, work, present, subjects, phrases, speaker, headline, settings)
    if vague is not None:
        return [vague]
    if not subjects:
        if mentions or context.last_symbol is None or context.last_symbol_age > 2:
            return []
        meant = context.last_symbol
        if context.topic in context.last_symbols:
            meant = context.topic  # "The S&P 500 and the Dow closed at records" in an S&P story
        subjects = [
            _Mention(
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

    levels, probability, old_spans = call_levels(
        level_text, work, asset_starts=[m.span[0] for m in mentions], looks_ahead=looks_ahead
    )
    future = _without_old_deadlines(work, future, levels, old_spans)
    sentence = _Sentence(
        original=original,
        work=work,
        present=present,
        headline=headline,
        speaker=speaker,
        terms=tuple(
            find_terms(
                present, [m.span for m in mentions] + [lv.match.span for lv in levels], phrases
            )
        ),
        future=future,
        scenario_spans=tuple(span for span in clauses if _SCENARIO.search(work[span[0] : span[1]])),
        conditional_from=_conditional_from(work),
        hedged=bool(_HEDGE.search(present)),
        strong_cue=strong_cue,
        cue=_cue_words(present, future, headline),
        period_forecast=bool(_PERIOD_FORECAST.search(original.translate(_TYPOGRAPHY))),
        probability=probability,
        speakers_at=tuple(
            (position, tuple(dict.fromkeys(context.firm_of.get(n, n) for n in names)))
            for position, names in speaker_spans(present)
        ),
        inherited=inherited if strong_cue and not future else None,
        inherit_symbols=inherit_symbols,
        price_now=dict(context.price_now),
        respectively=_respectively_at(present),
    )
    segments = _segments(subjects, levels, len(work))
    segments = _respective_assets(sentence, segments, subjects)
    candidates: list[Candidate] = []
    for segment in segments:
        for group, speaker in _by_speaker(sentence, segment):
            candidates += _segment_candidates(replace(sentence, speaker=speaker), group, settings)
    compared = _comparison_candidates(sentence, settings)
    if compared:
        # "gold will outperform bitcoin" names no level for either: nothing to ask for.
        candidates = [c for c in candidates if c.needs != "level"] + compared
    context.last_calls = tuple(dict.fromkeys(c.symbol for c in candidates if c.claim))
    return candidates


def _comparison_candidates(sentence: _Sentence, settings: _Settings) -> list[Candidate]:
    """An outperformance call ("we expect gold to outperform bitcoin through 2026").

    Proposed only when the sentence takes a side: the claim parser refuses a
    comparison without a winner ("gold vs bitcoin: which will do better?"),
    and a question is never a call. Its window and margin are the parser's
    reading of the sentence's present clauses.
    """
    if sentence.original.rstrip().endswith("?"):
        return []
    if not comparisons.find_words(sentence.present):
        return []
    # The clause that compares (a level elsewhere in the sentence is another call), else all.
    pieces = [sentence.present[start:end] for start, end in _clauses(sentence.work)]
    pieces = [p for p in pieces if comparisons.find_words(p)] + [sentence.present]
    read = None
    for piece in pieces:
        try:
            read = parse_claim(piece, made_on=settings.made_on, aliases=settings.aliases)
        except ClaimError:
            continue
        if read.is_outperformance:
            break
    if read is None or not read.is_outperformance or read.versus_symbol is None:
        return []
    window = f"by {read.deadline.isoformat()}"
    if read.window_start != default_window_start(read.made_on):
        window = f"from {read.window_start.isoformat()} to {read.deadline.isoformat()}"
    winner = claim_name(read.symbol, settings.aliases)
    loser = claim_name(read.versus_symbol, settings.aliases)
    claim_text = f"{winner} outperforms {loser}{read.margin_text} {window}"
    claim = _parsed(claim_text, settings)
    if claim is None or claim.canonical_text() != read.canonical_text():
        return []
    conditional = _is_conditional(sentence, 0)
    when = sentence.future[0] if sentence.future else None
    notes = _flag_notes(sentence, when, conditional, False, settings)
    notes += [a for a in read.assumptions if "crypto" in a]
    score = P.SCORE_BASE + P.SCORE_TIME_FRAME + P.SCORE_DIRECTION
    score += P.SCORE_SPEAKER if sentence.speaker.name else 0
    score += P.SCORE_STRONG_CUE if sentence.strong_cue else 0
    score += P.SCORE_HEDGED if sentence.hedged else 0
    if conditional:
        score = min(score, P.CAP_CONDITIONAL)
    return [
        Candidate(
            sentence=sentence.original,
            made_on=settings.made_on,
            symbol=claim.symbol,
            asset=read.asset,
            confidence=round(min(1.0, max(0.0, score)), 2),
            claim_text=claim_text,
            claim=claim,
            speaker=sentence.speaker.name,
            assumptions=tuple(dict.fromkeys(notes + list(claim.assumptions))),
            hedged=sentence.hedged,
            conditional=conditional,
            probability=sentence.probability,
            headline=sentence.headline,
        )
    ]


def _remember_prices(context: _Context, mentions: list[_Mention], prices: list[LevelMatch]) -> None:
    """Each price of the day for the asset named last before it (or first after it)."""
    for price in prices:
        before = [m for m in mentions if m.span[1] <= price.span[0]]
        after = [m for m in mentions if m.span[0] >= price.span[1]]
        owner = before[-1] if before else after[0] if after else None
        symbol = owner.symbol if owner else context.last_symbol
        if symbol is not None and price.price is not None:
            context.price_now[symbol] = price.price


def _without_old_deadlines(
    work: str,
    future: tuple[DatePhrase, ...],
    levels: list[Level],
    old_spans: list[tuple[int, int]],
) -> tuple[DatePhrase, ...]:
    """The deadlines less those written with an old level.

    "from $1,622 this year to $1,624 in 2011", "up from $3,800 by end-2025 and
    $3,900 by mid-2026": a deadline right after an old level is the old
    level's when more levels follow it. A deadline after the last level of
    all ("to $57 from $52 for the end of next year") is the call's too.
    """
    kept = []
    for phrase in future:
        after_old = any(
            end <= phrase.span[0] and not work[end : phrase.span[0]].strip() for _, end in old_spans
        )
        more_follow = any(lv.start >= phrase.span[1] for lv in levels) or any(
            start >= phrase.span[1] for start, _ in old_spans
        )
        if not (after_old and more_follow):
            kept.append(phrase)
    return tuple(kept)


def _respectively_at(present: str) -> int | None:
    match = _RESPECTIVELY.search(present)
    return match.start() if match else None


def _level_lists(sentence: _Sentence, levels: Iterable[Level]) -> list[list[Level]]:
    """Levels listed to be paired in order with a list of assets or periods.

    "$30 and $34, respectively" is one list (the levels just before
    "respectively"); "Brent / WTI at $56 / $52" another (levels joined by
    slashes, with or without "respectively").
    """
    ordered = sorted(levels, key=lambda lv: lv.start)
    lists: list[list[Level]] = []
    run: list[Level] = []
    for level in ordered:
        if run and _SLASH_JOINT.fullmatch(sentence.work[run[-1].end : level.start]):
            run.append(level)
            continue
        if len(run) > 1:
            lists.append(run)
        run = [level]
    if len(run) > 1:
        lists.append(run)
    at = sentence.respectively
    if at is None:
        return lists
    before = [lv for lv in ordered if lv.end <= at]
    if not before or not _LIST_END.fullmatch(sentence.work[before[-1].end : at]):
        return lists
    listed = [before[-1]]
    for level in reversed(before[:-1]):
        if not _LIST_JOINT.fullmatch(sentence.work[level.end : listed[0].start]):
            break
        listed.insert(0, level)
    if len(listed) > 1 and not any(listed[-1] in other for other in lists):
        lists.append(listed)
    return sorted(lists, key=lambda found: found[0].start)


def _respective_assets(
    sentence: _Sentence, segments: list[_Segment], subjects: list[_Mention]
) -> list[_Segment]:
    """ "gold and silver to $4,800 and $62, respectively": each asset its own level.

    The assets must be listed (joined by commas, "and" or slashes) before the
    levels, as many as there are levels; otherwise the segments stand as they are.
    """
    lists = _level_lists(sentence, [lv for seg in segments for lv in seg.levels])
    if not lists:
        return segments
    paired: set[int] = set()
    pairs: list[_Segment] = []
    previous_end = 0
    for position, run in enumerate(lists):
        listed = [m for m in subjects if previous_end <= m.span[0] and m.span[1] <= run[0].start]
        chain: list[_Mention] = []
        for mention in reversed(listed):
            joint = sentence.work[mention.span[1] : chain[0].span[0]] if chain else ""
            if chain and not _LIST_JOINT.fullmatch(joint):
                break
            chain.insert(0, mention)
            if len(chain) == len(run):
                break
        if len(chain) != len(run) or len({m.symbol for m in chain}) != len(chain):
            continue
        later = [m for m in subjects if m.span[0] >= run[-1].end]
        end = later[0].span[0] if later and position + 1 < len(lists) else len(sentence.work)
        pairs += [_Segment(m, previous_end, end, (lv,)) for m, lv in zip(chain, run, strict=True)]
        paired.update(id(lv) for lv in run)
        previous_end = run[-1].end
    if not pairs:
        return segments
    paired_mentions = {id(seg.mention) for seg in pairs}
    kept = [
        replace(seg, levels=tuple(lv for lv in seg.levels if id(lv) not in paired))
        for seg in segments
        if id(seg.mention) not in paired_mentions or any(id(lv) not in paired for lv in seg.levels)
    ]
    kept = [seg for seg in kept if seg.levels or id(seg.mention) not in paired_mentions]
    return sorted(kept + pairs, key=lambda seg: seg.levels[0].start if seg.levels else seg.start)


def _by_speaker(sentence: _Sentence, segment: _Segment) -> list[tuple[_Segment, SpeakerReading]]:
    """A segment's levels grouped by the speaker named last before each.

    "Barclays pencils in 7,200, Citi and RBC are aiming for 7,000": each
    speaker's level is a call of its own, and a list of speakers ("Citi and
    RBC") makes one call each. A sentence with a single speaker is one group.
    """
    spans = sentence.speakers_at
    whole = [(segment, sentence.speaker)]
    if not spans or not segment.levels:
        return whole
    owners: dict[int | None, list[Level]] = {}
    for level in segment.levels:
        owner = None
        for index, (position, _names) in enumerate(spans):
            if position <= level.start:
                owner = index
        owners.setdefault(owner, []).append(level)
    named = [o for o in owners if o is not None]
    if len(owners) < 2 and not any(len(spans[o][1]) > 1 for o in named):
        return whole
    groups: list[tuple[_Segment, SpeakerReading]] = []
    for owner, own in owners.items():
        start = segment.start if owner is None else max(segment.start, spans[owner][0])
        group = replace(segment, start=start, levels=tuple(own))
        if owner is None:
            groups.append((group, sentence.speaker))
            continue
        for name in spans[owner][1]:
            groups.append((group, SpeakerReading(name, named=True)))
    return groups


def _credited(speaker: SpeakerReading, firm_of: Mapping[str, str]) -> SpeakerReading:
    """A person who speaks for a firm named before ("Uleer thinks ...") is the firm's voice."""
    if speaker.name is None or speaker.name not in firm_of:
        return speaker
    firm = firm_of[speaker.name]
    return replace(speaker, name=firm, note=f"{speaker.name} speaks for {firm}, named before")


def _vague_call(
    original: str,
    work: str,
    present: str,
    subjects: list[_Mention],
    phrases: list[DatePhrase],
    speaker: SpeakerReading,
    headline: bool,
    settings: _Settings,
) -> Candidate | None:
    """A call no price can settle ("the silver squeeze may not be over"), flagged vague.

    Only for a sentence with a vague-call phrase and no level at all: one with
    a level is read as a call prices can judge. The asset is the first one
    named, if any. Capped below --min-confidence: only the user records one.
    """
    if not _VAGUE_CALL.search(present):
        return None
    spans = [m.span for m in subjects] + [p.span for p in phrases]
    levels, _ = find_levels(blank(work, spans))
    if levels:
        return None
    words = " ".join(original.split())
    mention = subjects[0] if subjects else None
    try:
        claim = parse_vague(
            words,
            made_on=settings.made_on,
            asset=mention.symbol if mention else None,
            aliases=settings.aliases,
        )
    except ClaimError:
        return None
    if mention is None:
        claim = replace(claim, symbol="", asset="")  # no asset named: about none
    hedged = bool(_HEDGE.search(present))
    score = P.SCORE_BASE + (P.SCORE_SPEAKER if speaker.name else 0.0)
    score += P.SCORE_HEDGED if hedged else 0.0
    return Candidate(
        sentence=original,
        made_on=settings.made_on,
        symbol=claim.symbol,
        asset=(mention.written if mention else "") or claim.asset,
        confidence=round(min(max(score, 0.0), P.CAP_VAGUE), 2),
        claim_text=claim.canonical_text(),
        claim=claim,
        speaker=speaker.name,
        assumptions=("no level a price could settle: a vague call, counted, never scored",),
        hedged=hedged,
        kind_hint=ClaimKind.VAGUE.value,
        headline=headline,
        vague=True,
    )


def _remember(context: _Context, mentions: list[_Mention], speaker: SpeakerReading) -> None:
    mentions = [m for m in mentions if m.symbol]
    for mention in mentions:
        family = P.ASSET_FAMILIES.get(mention.symbol)
        if family:
            context.last_by_family[family] = mention.symbol
    subjects = [m for m in mentions if m.subject]
    if subjects:
        context.last_symbol = subjects[-1].symbol
        context.last_symbols = tuple(dict.fromkeys(m.symbol for m in subjects))
        context.last_symbol_age = 0
        if context.topic is None:
            context.topic = subjects[0].symbol  # the headline's asset, else the first named
    if speaker.named and speaker.name:
        context.last_speaker = speaker.name
        if is_organization(speaker.name):
            context.last_organization = speaker.name
        else:
            context.last_person = speaker.name


# ---------------------------------------------------------------- clauses, past, conditions


def _clauses(work: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in _CLAUSE_BREAK.finditer(work):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(work)))
    return [(s, e) for s, e in spans if work[s:e].strip()]


def _is_past(work: str, span: tuple[int, int], phrases: list[DatePhrase], made_on: date) -> bool:
    """A clause that reports what happened: past words or tense, and nothing about the future."""
    text = work[span[0] : span[1]]
    if _FUTURE.search(text) or _FORECAST_WORDS.search(text) or _FIRST_PERSON.search(text):
        return False
    if _PAST_TIME.search(text) or _PERFECT.search(text):
        return True
    if any(p.deadline <= made_on and span[0] <= p.span[0] < span[1] for p in phrases):
        return True
    return any(
        not _NOT_PAST_BEFORE_VERB.search(text[: verb.start()]) for verb in _PAST_VERB.finditer(text)
    )


def _conditional_from(present: str) -> int | None:
    """Where the sentence's conditional part starts, or None if it has no condition.

    A condition governs its own clause: from the last scope break before it
    (", and", ", but", ";") to the end, or the whole sentence if none.
    """
    starts = []
    for match in _CONDITIONAL.finditer(present):
        written = match[0].lower().lstrip(" \"'(")
        if written.startswith("if") and _NOT_CONDITIONAL_BEFORE_IF.search(present[: match.start()]):
            continue
        breaks = [b.end() for b in _CONDITION_SCOPE_BREAK.finditer(present, 0, match.start())]
        starts.append(breaks[-1] if breaks else 0)
    return min(starts) if starts else None


def _is_conditional(sentence: _Sentence, position: int) -> bool:
    return (
        sentence.conditional_from is not None and position >= sentence.conditional_from
    ) or _in_any(position, sentence.scenario_spans)


# ---------------------------------------------------------------- assets


def _mentions(work: str, settings: _Settings, context: _Context) -> list[_Mention]:
    """Asset mentions, in order: aliases and article names, marked tickers, anaphora."""
    table = settings.asset_table
    found: list[_Mention] = []
    rest = work
    for match in assets.asset_mentions(work, table):
        try:
            table.checked(match)
        except ClaimError:
            break  # a user alias points at something unusable; read no more assets
        key = " ".join(match.asset.lower().split())
        if key in _OTHER_ASSET_KEYS and key not in table.user_aliases:
            # Copper, wheat, coffee ... are known to the claim language, but articles
            # quote them in units of their own (copper per tonne, HG=F per pound): their
            # levels are read as another asset's, never as the futures symbol's, unless
            # the user made the name an alias of their own.
            continue
        start, end = match.span
        rest = rest[:start] + " " * (end - start) + rest[end:]
        if match.note is not None:
            continue  # a lower-case ticker ("nvda"): articles mark tickers, "$NVDA"
        if key not in table and not _is_ticker(match.asset, settings.tickers):
            continue  # an upper-case word ("UBS", "CPI"), not a ticker the article marked
        symbol = match.symbol
        if f"{symbol}-USD" in P.ASSET_FAMILIES:
            symbol = f"{symbol}-USD"  # "$SOL" is Solana, priced in dollars
        found.append(_Mention(match.asset, symbol, match.span, P.VAGUE_ASSET_NAMES.get(key)))
    for match in _ANAPHORA.finditer(rest):
        families = P.ASSET_ANAPHORA[" ".join(match[0].lower().split())].split("|")
        earlier = [m.symbol for m in found if m.span[0] < match.start()]
        symbol = next(
            (s for s in reversed(earlier) if P.ASSET_FAMILIES.get(s) in families),
            _pointed_asset(context, families),
        )
        if symbol:
            note = f"'{match[0]}' read as {symbol}, named before"
            found.append(_Mention(match[0], symbol, match.span(), note))
    # Assets with no symbol ("copper", "the Topix") are mentions too: their levels are
    # theirs, never the next asset's or the one before ("Citi sees gold at $4,500 and
    # copper at $12,000"); they give no candidate.
    for match in _OTHER_ASSET.finditer(rest):
        if not any(m.span[0] < match.end() and match.start() < m.span[1] for m in found):
            found.append(_Mention(match[0], "", match.span()))
    found.sort(key=lambda m: m.span[0])
    joined: list[_Mention] = []
    for mention in found:
        # "Brent crude oil", "gold bullion": one asset's name read as two; the first names it.
        if joined and not work[joined[-1].span[1] : mention.span[0]].strip():
            last = joined[-1]
            joined[-1] = replace(last, span=(last.span[0], mention.span[1]))
            continue
        joined.append(mention)
    return [_with_role(work, m) for m in joined]


def _pointed_asset(context: _Context, families: list[str]) -> str | None:
    """What "the index" or "the benchmark" means when the sentence names no such asset.

    The article's topic if it is of that kind (an S&P 500 story's "the
    benchmark" is the S&P 500 even after a mention of the Dow), else the
    last asset of that kind named.
    """
    if context.topic is not None and P.ASSET_FAMILIES.get(context.topic) in families:
        return context.topic
    for family in families:
        if family in context.last_by_family:
            return context.last_by_family[family]
    return None


def _is_ticker(token: str, tickers: frozenset[str]) -> bool:
    return (
        token in tickers
        or "=" in token
        or token.startswith("^")
        or re.fullmatch(r"[A-Z0-9]+-(?:USD|USDT|EUR|GBP)", token) is not None
    )


def _with_role(work: str, mention: _Mention) -> _Mention:
    """A mention is the call's subject unless it is a yardstick or not the price."""
    start, end = mention.span
    before = work[max(0, start - 40) : start]
    company = mention.symbol in symbols_in("sp500")
    not_price_after = _NOT_PRICE_AFTER_COMPANY if company else _NOT_PRICE_AFTER_ASSET
    subject = not (not_price_after.search(work[end:]) or _NOT_SUBJECT_BEFORE_ASSET.search(before))
    return mention if subject else replace(mention, subject=False)


# ---------------------------------------------------------------- segments and calls


def _segments(subjects: list[_Mention], levels: list[Level], length: int) -> list[_Segment]:
    merged: list[_Mention] = []
    for mention in subjects:
        if merged and merged[-1].symbol == mention.symbol:
            continue
        merged.append(mention)
    bounds = [m.span[0] for m in merged[1:]] + [length]
    owned: list[list[Level]] = [[] for _ in merged]
    for level in levels:
        index = 0
        for position, mention in enumerate(merged):
            if mention.span[0] <= level.start:
                index = position
        # "$10,000 ether": a level right before an asset name is that asset's.
        for position, mention in enumerate(merged):
            if 0 < mention.span[0] - level.end <= 2:
                index = position
        owned[index].append(level)
    return [
        _Segment(mention, 0 if position == 0 else mention.span[0], bounds[position], tuple(own))
        for position, (mention, own) in enumerate(zip(merged, owned, strict=True))
    ]


@dataclass(frozen=True)
class _Plan:
    """One call to write: its level, deadline phrase, direction and window."""

    level: Level
    when: DatePhrase | None
    direction: Direction | None
    window: tuple[int, int]
    several: bool


def _segment_candidates(
    sentence: _Sentence, segment: _Segment, settings: _Settings
) -> list[Candidate]:
    levels = list(segment.levels)
    if not segment.mention.symbol:
        return []  # an asset with no symbol: its levels are set aside
    if not levels:
        return _needs_level(sentence, segment, settings)
    own = _own_deadlines(levels, segment, sentence.future, sentence.work)
    own.update(_respective_deadlines(sentence, levels))
    windows = []
    previous_end = segment.start
    for level in levels:
        windows.append((previous_end, level.start))
        previous_end = level.end
    directions = [
        read_direction(sentence.terms, window, sentence.work[lv.end : lv.end + 24])
        for lv, window in zip(levels, windows, strict=True)
    ]
    plans: list[_Plan] = []
    if len(own) > 1:
        # A ladder: each level with its own deadline is a call ("$3.47 in 2025 and $4.02 in
        # 2026"); a level without one beside them is commentary, not a rung.
        last: Direction | None = None
        for index, level in enumerate(levels):
            direction = directions[index] or last
            if index in own:
                plans.append(_Plan(level, own[index], direction, windows[index], several=False))
            last = direction
    else:
        several = len(levels) > 1 and not (len(levels) == 2 and levels[0].range_with)
        index = max(
            range(len(levels)),
            key=lambda i: (2 * bool(directions[i] and directions[i].verb) + (i in own), -i),
        )
        when = own.get(index) or _fallback_deadline(sentence.future, segment, levels[index])
        if when is None and segment.mention.symbol in sentence.inherit_symbols:
            when = sentence.inherited
        plans.append(_Plan(levels[index], when, directions[index], windows[index], several))
    found = [_candidate(sentence, segment, plan, settings) for plan in plans]
    return [c for c in found if c is not None]


def _own_deadlines(
    levels: list[Level], segment: _Segment, future: tuple[DatePhrase, ...], work: str
) -> dict[int, DatePhrase]:
    """Each deadline phrase belongs to the nearest level before it, else to the one after it.

    A phrase written right after a level ("1.25 by end-2026", no comma or "and"
    between) is that level's before any other is placed, so "over the next two
    years ... at 1.25 by end-2026" gives the level its own date, not the first.
    """
    own: dict[int, DatePhrase] = {}
    inside = [p for p in future if segment.start <= p.span[0] < segment.end]
    placed: set[int] = set()
    for number, phrase in enumerate(inside):
        left = [i for i, lv in enumerate(levels) if lv.end <= phrase.span[0]]
        if not left or left[-1] in own:
            continue
        gap = work[levels[left[-1]].end : phrase.span[0]]
        if len(gap) <= 40 and not _NOT_ADJACENT.search(gap):
            own[left[-1]] = phrase
            placed.add(number)
    for number, phrase in enumerate(inside):
        if number in placed:
            continue
        left = [i for i, lv in enumerate(levels) if lv.end <= phrase.span[0]]
        right = [i for i, lv in enumerate(levels) if lv.start >= phrase.span[1]]
        if left and left[-1] not in own:
            own[left[-1]] = phrase
        elif right and right[0] not in own:
            own[right[0]] = phrase
    return own


def _respective_deadlines(sentence: _Sentence, levels: list[Level]) -> dict[int, DatePhrase]:
    """ "its three- and twelve-month forecasts to $30 and $34, respectively": in order.

    The periods must be listed before the levels, as many as there are levels.
    """
    lists = [found for found in _level_lists(sentence, levels) if sentence.respectively]
    if not lists:
        return {}
    run = lists[-1]
    periods = [p for p in sentence.future if p.span[1] <= run[0].start]
    if len(periods) < len(run):
        return {}
    periods = periods[-len(run) :]
    if any(periods[0].span[0] < lv.start < run[0].start for lv in levels):
        return {}
    index = {id(lv): i for i, lv in enumerate(levels)}
    return {index[id(lv)]: p for lv, p in zip(run, periods, strict=True) if id(lv) in index}


def _fallback_deadline(
    future: tuple[DatePhrase, ...], segment: _Segment, level: Level
) -> DatePhrase | None:
    """A deadline the call shares with the sentence: "gold at $4,900 and silver at $60 by 2026"."""
    inside = [p for p in future if segment.start <= p.span[0] < segment.end]
    pool = inside or list(future)
    if not pool:
        return None
    after = [p for p in pool if p.span[0] >= level.end]
    return after[0] if after else pool[-1]


def _candidate(
    sentence: _Sentence, segment: _Segment, plan: _Plan, settings: _Settings
) -> Candidate | None:
    mention, level, when, direction = segment.mention, plan.level, plan.when, plan.direction
    notes: list[str] = []
    if plan.several:
        notes.append(
            f"{len(segment.levels)} levels in the sentence: took '{level.match.text}'"
            " (the one after a direction word or with its own deadline)"
        )
    if mention.vague_note:
        notes.append(mention.vague_note)
    family, side = (direction.family, direction.side) if direction else (TOUCH, ABOVE)
    if (
        direction is None
        and when is not None
        and (
            (sentence.period_forecast and (when.start or _AVERAGE_WORD.search(sentence.work)))
            or _is_quarter_or_half(when)
        )
    ):
        family = AVERAGE
        notes.append("a forecast for a period, with no direction word: read as its average")
    elif (
        direction is None or " ".join((direction.verb or "").lower().split()) in _TARGET_WORDS
    ) and _BEARISH.search(sentence.present):
        side = BELOW
        notes.append(
            f"no direction word, and the speaker is bearish: '{level.match.text}' read as a"
            " level to fall to (touch)"
        )
    elif (direction is None or _names_no_side(direction)) and _below_price_now(
        level.match, mention.symbol, sentence.price_now
    ):
        side = BELOW
        notes.append(
            f"no direction word, and '{level.match.text}' is below the price the article gives"
            f" ({format_price(sentence.price_now[mention.symbol])}): read as a level to fall to"
        )
    elif direction is None:
        notes.append(f"no direction word: '{level.match.text}' read as a level to reach (touch)")
    elif direction.note:
        notes.append(direction.note)
    relative = level.match.relative
    if relative is not None and relative.kind is RelativeKind.PERCENT and level.match.sign:
        side = BELOW if level.match.sign == "-" else ABOVE  # "-15%" says the side itself
    kind = vocabulary.kind_for(family, side)
    conditional = _is_conditional(sentence, level.start)
    negated = is_negated(sentence.present, sentence.terms, plan.window)
    notes += _flag_notes(sentence, when, conditional, negated, settings)
    name = claim_name(mention.symbol, settings.aliases)
    when_text = _when_text(when, family, settings)

    if level.range_with is not None:
        low, high = sorted((level.match, level.range_with), key=lambda m: m.span[0])
        notes.insert(
            0,
            f"a range ('{low.text}' to '{high.text}'): the claim language has no range claim;"
            " give the side you mean",
        )
        return _asking(sentence, mention, name, kind, when_text, when, conditional, settings, notes)

    claim_text, claim = _written_claim(
        name, kind, _level_text(level.match, side), when_text, when, settings, mention.symbol
    )
    if claim is None or claim_text is None:
        return None
    score = P.SCORE_BASE
    score += P.SCORE_TIME_FRAME if when is not None else 0
    score += P.SCORE_SPEAKER if sentence.speaker.name else 0
    score += P.SCORE_DIRECTION if direction and direction.verb else 0
    score += P.SCORE_STRONG_CUE if sentence.strong_cue else 0
    score += P.SCORE_HEDGED if sentence.hedged else 0
    score += P.SCORE_SEVERAL_LEVELS if plan.several else 0
    score += P.SCORE_VAGUE_ASSET if mention.vague_note else 0
    if when is None:
        score = min(score, P.CAP_NO_TIME_FRAME)
    if _CONSENSUS.search(sentence.present):
        score = min(score, P.CAP_CONSENSUS)
        notes.append("a consensus of many forecasters (median, survey, average): nobody's call")
    if conditional:
        score = min(score, P.CAP_CONDITIONAL)
    if negated:
        score = min(score, P.CAP_NEGATED)
    return Candidate(
        sentence=sentence.original,
        made_on=settings.made_on,
        symbol=claim.symbol,
        asset=mention.written or name,
        confidence=round(min(1.0, max(0.0, score)), 2),
        claim_text=claim_text,
        claim=claim,
        speaker=sentence.speaker.name,
        assumptions=tuple(dict.fromkeys(notes + list(claim.assumptions))),
        hedged=sentence.hedged,
        conditional=conditional,
        negated=negated,
        probability=sentence.probability,
        headline=sentence.headline,
        reasons=_reasons(
            sentence, mention, level.match.text, direction, kind, when, claim.deadline, settings
        ),
    )


def _is_quarter_or_half(when: DatePhrase) -> bool:
    """ "$3.98 in the first quarter", "$60 in H2 2026": a level for a period of months is,
    as forecasters publish them, the period's average."""
    return when.start is not None and (when.deadline - when.start).days <= 184


def _names_no_side(direction: Direction) -> bool:
    """A target word ("target", "target of") says where, not which way."""
    return " ".join((direction.verb or "").lower().split()) in _TARGET_WORDS


def _below_price_now(level: LevelMatch, symbol: str, price_now: Mapping[str, float]) -> bool:
    return level.price is not None and symbol in price_now and level.price < price_now[symbol]


def _cue_words(
    present: str, future: tuple[DatePhrase, ...], headline: bool
) -> tuple[str | None, str]:
    """The words that make a sentence a forecast, and what kind of words they are."""
    for pattern, how in (
        (_FORECAST_WORDS, "a forecast word"),
        (_FIRST_PERSON, "a first-person call"),
        (_FUTURE, "a future marker"),
    ):
        match = pattern.search(present)
        if match:
            return " ".join(match[0].split()), how
    if future:
        return future[0].text, "a deadline still ahead"
    match = _HEADLINE_INFINITIVE.search(present) if headline else None
    if match:
        return " ".join(match[0].split()), "a headline's infinitive"
    return None, "no forecast words"


def _reasons(
    sentence: _Sentence,
    mention: _Mention,
    level_words: str | None,
    direction: Direction | None,
    kind: ClaimKind,
    when: DatePhrase | None,
    deadline: date | None,
    settings: _Settings,
) -> tuple[Reason, ...]:
    """Why the candidate reads as it does: each part and the words it came from."""
    cue_words, cue_how = sentence.cue
    asset_how = mention.vague_note or f"read as {mention.symbol}"
    if direction is not None and direction.verb:
        direction_reason = Reason("direction", direction.verb, f"read as {kind.value}")
    else:
        direction_reason = Reason("direction", None, f"read as {kind.value}")
    shown_deadline = deadline.isoformat() if deadline else "?"
    if when is None:
        deadline_reason = Reason(
            "deadline", None, f"{settings.horizon_months} months assumed: {shown_deadline}"
        )
    elif when is sentence.inherited:
        deadline_reason = Reason(
            "deadline", when.text, f"from the sentence before: {shown_deadline}"
        )
    else:
        deadline_reason = Reason("deadline", when.text, f"read as {shown_deadline}")
    speaker = sentence.speaker
    if speaker.name is None:
        speaker_reason = Reason("speaker", None, speaker.note or "nobody named: give the source")
    else:
        speaker_reason = Reason("speaker", speaker.name, speaker.note or "named in the sentence")
    return (
        Reason("cue", cue_words, cue_how),
        Reason("asset", mention.written or None, asset_how),
        Reason("level", level_words, None if level_words else "none given: give one"),
        direction_reason,
        deadline_reason,
        speaker_reason,
    )


def _in_any(position: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def _flag_notes(
    sentence: _Sentence,
    when: DatePhrase | None,
    conditional: bool,
    negated: bool,
    settings: _Settings,
) -> list[str]:
    notes = []
    if when is not None and when is sentence.inherited:
        notes.append(f"no time frame in the sentence: '{when.text}' taken from the sentence before")
    if when is None:
        notes.append(
            f"no time frame in the sentence: the default horizon of {settings.horizon_months}"
            " months is assumed"
        )
    if conditional:
        notes.append("conditional: judged as if the condition held (accept it only knowingly)")
    if negated:
        notes.append("the speaker says this will NOT happen: give it a low probability")
    if sentence.hedged:
        notes.append("hedged ('could', 'may', 'might'): give it a probability")
    if sentence.speaker.note:
        notes.append(sentence.speaker.note)
    return notes


def _level_text(level: LevelMatch, side: str) -> str:
    relative = level.relative
    if relative is None:
        return level.text
    if relative.kind is RelativeKind.PERCENT:
        value = relative.value if level.sign else abs(relative.value)
        if not level.sign and side == BELOW:
            value = -value
        return f"{value:+g}%"
    return relative.text()


def _when_text(when: DatePhrase | None, family: str, settings: _Settings) -> str:
    if when is None:
        return f"within {settings.horizon_months} months"
    # "average $4,500 next year" means over next year, not from tomorrow to its end.
    if family == AVERAGE and when.start is None and not _DEADLINE_PREPOSITION.match(when.text):
        return f"in {when.text}"
    return when.text


def _written_claim(
    name: str,
    kind: ClaimKind,
    level_text: str,
    when_text: str,
    when: DatePhrase | None,
    settings: _Settings,
    symbol: str,
) -> tuple[str | None, Claim | None]:
    """Claim text in words, checked by parsing it; canonical-style words if the first fails."""
    words = f"{name} {P.VERB_FOR_KIND[kind.value]} {level_text} {when_text}"
    claim = _parsed(words, settings)
    deadline = when.deadline if when else None
    if _reads_as(claim, symbol, kind, deadline):
        return words, claim
    if when is None:
        return None, None
    if when.start is not None and kind.family in (AVERAGE, TOUCH, HOLD):
        period = f"from {when.start.isoformat()} to {when.deadline.isoformat()}"
    else:
        period = f"by {when.deadline.isoformat()}"
    fallback = f"{name} {kind.value} {level_text} {period}"
    claim = _parsed(fallback, settings)
    if _reads_as(claim, symbol, kind, deadline):
        return fallback, claim
    return None, None


def _parsed(text: str, settings: _Settings) -> Claim | None:
    try:
        return parse_claim(text, made_on=settings.made_on, aliases=settings.aliases)
    except ClaimError:
        return None


def _reads_as(claim: Claim | None, symbol: str, kind: ClaimKind, deadline: date | None) -> bool:
    return (
        claim is not None
        and claim.symbol == symbol
        and claim.kind is kind
        and (deadline is None or claim.deadline == deadline)
    )


def _needs_level(sentence: _Sentence, segment: _Segment, settings: _Settings) -> list[Candidate]:
    """A call with a direction but no level ("needs to hold support"): ask, do not invent."""
    mention = segment.mention
    if not mention.written:
        return []
    if not _LEVEL_SEEKING.search(sentence.present[segment.start : segment.end]):
        return []
    direction = read_direction(sentence.terms, (segment.start, segment.end), "")
    if direction is None:
        return []
    kind = vocabulary.kind_for(direction.family, direction.side)
    inside = [p for p in sentence.future if segment.start <= p.span[0] < segment.end]
    when = (inside or list(sentence.future) or [None])[0]
    conditional = _is_conditional(sentence, segment.start)
    name = claim_name(mention.symbol, settings.aliases)
    computed = _computed_level(sentence, segment, name, kind, when, conditional, settings)
    if computed is not None:
        return [computed]
    notes = [f"no level given ('{direction.verb or kind.value}' of what?): give one"]
    notes += _flag_notes(sentence, when, conditional, False, settings)
    when_text = _when_text(when, direction.family, settings)
    return [_asking(sentence, mention, name, kind, when_text, when, conditional, settings, notes)]


def _computed_level(
    sentence: _Sentence,
    segment: _Segment,
    name: str,
    kind: ClaimKind,
    when: DatePhrase | None,
    conditional: bool,
    settings: _Settings,
) -> Candidate | None:
    """A call on a level the market sets ("whether Bitcoin can hold the critical support
    level"): a claim on the rule's level, pending until the bars fix it.

    Its confidence is capped below the default --min-confidence: which level a
    writer meant by "support" is the rule's reading, and the user should look.
    """
    try:
        rule, _ = level_rules.find_level_rule(
            sentence.present[segment.start : segment.end], settings.made_on
        )
    except ClaimError:
        return None
    if rule is None or not _names_one_level(rule):
        return None
    when_text = when.text if when is not None else ""
    words = " ".join(f"{name} {P.VERB_FOR_KIND[kind.value]} {rule.text} {when_text}".split())
    claim = _parsed(words, settings)
    if claim is None or claim.level_rule is None or claim.symbol != segment.mention.symbol:
        return None
    notes = [
        f"'{rule.text}' is read by the rule {claim.level_rule.text()}: the level is computed"
        " from the bars up to the call date; check it is the level the writer meant",
        *claim.assumptions,
    ]
    # Without a time frame the rule's own default horizon holds (its assumption
    # says so), not --horizon-months: a support call is about the next months.
    flags = _flag_notes(sentence, when, conditional, False, settings)
    notes += flags[1:] if when is None else flags
    mention = segment.mention
    return Candidate(
        sentence=sentence.original,
        made_on=settings.made_on,
        symbol=mention.symbol,
        asset=mention.written or name,
        confidence=P.CAP_COMPUTED_LEVEL,
        claim_text=words,
        claim=claim,
        speaker=sentence.speaker.name,
        assumptions=tuple(dict.fromkeys(notes)),
        hedged=sentence.hedged,
        conditional=conditional,
        probability=sentence.probability,
        headline=sentence.headline,
    )


def _names_one_level(rule: level_rules.RuleMatch) -> bool:
    """Whether the words point at one level the rule reads: "the critical support level",
    "its 200-day average", "a new all-time high". A bare "hold support" stays a call
    that asks the user for the level meant, as articles use it loosely."""
    if rule.rule.name not in (LevelRuleName.SUPPORT, LevelRuleName.RESISTANCE):
        return True
    return bool(_DEFINITE_LEVEL.search(rule.text))


_DEFINITE_LEVEL = re.compile(r"^(?:the|its|his|her|their)\s|\blevel\b", re.IGNORECASE)


def _asking(
    sentence: _Sentence,
    mention: _Mention,
    name: str,
    kind: ClaimKind,
    when_text: str,
    when: DatePhrase | None,
    conditional: bool,
    settings: _Settings,
    notes: list[str],
) -> Candidate:
    """A candidate that needs a level from the user before it can be a claim."""
    deadline = when.deadline if when else None
    if deadline is None:
        try:
            deadline = dates.add_months(settings.made_on, settings.horizon_months)
        except ClaimError:
            deadline = None
    return Candidate(
        sentence=sentence.original,
        made_on=settings.made_on,
        symbol=mention.symbol,
        asset=mention.written or name,
        confidence=P.CAP_NEEDS_LEVEL,
        speaker=sentence.speaker.name,
        assumptions=tuple(dict.fromkeys(notes)),
        hedged=sentence.hedged,
        conditional=conditional,
        needs="level",
        template=f"{name} {P.VERB_FOR_KIND[kind.value]} {{level}} {when_text}",
        kind_hint=kind.value,
        deadline_hint=deadline,
        probability=sentence.probability,
        headline=sentence.headline,
        reasons=_reasons(sentence, mention, None, None, kind, when, deadline, settings),
    )
