"""Find the market calls in article text: a transparent, rule-based reader.

No language model and no network: every decision is a rule over the tables
in `patterns.py`, and every choice made on the user's behalf is written into
the candidate's assumptions. One sentence at a time:

1. **Prepare.** Typographic quotes and dashes become plain ones, and a few
   phrasings the claim language does not read are rewritten ("the second
   quarter of 2026" → "Q2 2026"; patterns.REWRITES).
2. **Clauses about the past are set aside.** The sentence is cut at commas,
   semicolons, dashes and words like "after", "while", "which". A clause is
   *past* when it has a past time word ("last week", "on Tuesday", "so far
   this year"), a deadline already over, a past-tense market verb ("rose",
   "broke", "hit") or the perfect ("has gained") — and no future marker or
   forecast word ("will", "could", "expects", "target"). Levels and
   deadlines in past clauses are never read: "gold broke $50 last week" is a
   report, not a prediction.
3. **Is it a forecast?** What is left must have a forecast cue: a future
   marker, a forecast verb or noun, a first-person call, a headline
   infinitive ("Gold to hit $5,000") or a deadline still ahead. Strong cues
   (a forecast verb or noun) score higher than a bare "will".
4. **Conditionals and hedges.** A sentence with "if", "unless", "as long as"
   or a bull/bear "scenario" is *conditional*: its candidates are flagged and
   capped below the default --min-confidence, because the claim language
   cannot judge the condition; the user may still accept one by hand. "could",
   "may", "might" mark a candidate *hedged*, so the user can give a
   probability. "unlikely to", "don't expect" mark it *negated*: the speaker
   says it will not happen, so it is capped too.
5. **Assets, levels, deadlines, directions.** Asset names are those of the
   claim language (and the user's aliases) plus the names articles use
   (patterns.ARTICLE_ASSET_NAMES); upper-case words are not taken for tickers
   unless the article writes them as "$NVDA" or "(NVDA)". Levels come from
   the claim language's own reader, minus numbers that are quantities,
   current prices or starting points. Each asset mention opens a segment that
   runs to the next one, so "gold at $4,900 and silver at $60" gives two
   calls. The direction is the verb nearest before the level.
6. **Write the claim and check it.** The claim text is written in the claim
   language and parsed with `parse_claim`; a candidate is only proposed with
   a claim that parses to what was read. A call with no level ("Bitcoin
   needs to hold support") becomes a candidate that asks for one.

Confidence is the additive score documented in patterns.py (SCORE_*, CAP_*).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from ledger.claims import assets, dates, vocabulary
from ledger.claims.assets import BUILTIN_ALIASES, KNOWN_NAMES
from ledger.claims.dates import DatePhrase
from ledger.claims.model import Claim, ClaimKind, RelativeKind
from ledger.claims.numbers import LevelMatch, find_levels
from ledger.claims.parser import parse_claim
from ledger.claims.vocabulary import ABOVE, AVERAGE, BELOW, CLOSE, HOLD, TOUCH
from ledger.errors import ClaimError
from ledger.extract import patterns as P
from ledger.extract.article import find_byline, find_dateline
from ledger.extract.candidate import Candidate
from ledger.extract.sentences import split_sentences

__all__ = ["Extraction", "extract_article", "extract_candidates"]

# A "sentence" longer than this is a table or a dump, not prose; it is skipped.
MAX_SENTENCE_LENGTH = 1500

# ---------------------------------------------------------------- compiled patterns


def _phrase_regex(phrases: Iterable[str]) -> str:
    """Whole-word alternation of phrases, longest first, any spaces between words."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    parts = [r"\s+".join(re.escape(word) for word in phrase.split()) for phrase in ordered]
    return r"(?<![\w'])(?:" + "|".join(parts) + r")(?![\w'])"


def _any(regexes: Iterable[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{r})" for r in regexes), re.IGNORECASE)


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

_FUTURE = _any(P.FUTURE_MARKERS)
_FORECAST_WORDS = re.compile(_phrase_regex(P.FORECAST_VERBS + P.FORECAST_NOUNS), re.IGNORECASE)
_HEADLINE_INFINITIVE = re.compile(P.HEADLINE_INFINITIVE, re.IGNORECASE)
_NEGATED = _any(P.NEGATED_CUES)
_PAST_TIME = _any(P.PAST_TIME)
_PAST_VERB = re.compile(_phrase_regex(P.PAST_VERBS), re.IGNORECASE)
_PERFECT = re.compile(P.PERFECT_TENSE, re.IGNORECASE)
_NOT_PAST_BEFORE_VERB = re.compile(
    r"(?:\bto|\bwill|\bwould|\bcould|\bmay|\bmight|\bcan|\bshould|\bmust|\bnot|\bnever|\bdid"
    r"|\bdoes|\bdo|n't|\bcannot|\bbe)\s+$",
    re.IGNORECASE,
)
_CONDITIONAL = _any(P.CONDITIONALS)
_NOT_CONDITIONAL_BEFORE_IF = _any(P.NOT_CONDITIONAL_BEFORE_IF)
_HEDGE = _any(P.HEDGES)
_FIRST_PERSON = _any(P.FIRST_PERSON)
_SPEAKER_VERB = re.compile(_phrase_regex(P.SPEAKER_VERBS), re.IGNORECASE)
_SPEAKER_GROUP = re.compile(_phrase_regex(P.SPEAKER_GROUPS), re.IGNORECASE)
_SPEAKER_AFTER = _any(P.SPEAKER_AFTER)
_SPEAKER_ANAPHORA = _any(P.SPEAKER_ANAPHORA)
_POSSESSIVE = re.compile(
    r"'s\s+(?:[\w-]+\s+){0,3}?(?:" + _phrase_regex(P.SPEAKER_GROUPS + P.SPEAKER_POSSESSIONS) + ")",
    re.IGNORECASE,
)
_PERSON_AT_FIRM = re.compile(P.PERSON_AT_FIRM)
_NOT_A_NAME = frozenset(P.NOT_A_NAME)
_NAME_TOKEN = re.compile(r"^[A-Z][\w&.'-]*$|^&$")
_NAME_CONNECTORS = frozenset(("of", "&", "de", "du", "van", "von", "der", "la"))
_STATED_PROBABILITY = _any(P.STATED_PROBABILITY)

_NOT_PRICE_AFTER_ASSET = re.compile(
    r"^\s*(?:'s\s+)?" + _phrase_regex(P.NOT_THE_PRICE_AFTER), re.IGNORECASE
)
_NOT_SUBJECT_BEFORE_ASSET = re.compile(
    _phrase_regex(P.NOT_THE_SUBJECT_BEFORE) + r"\s+(?:the\s+)?(?:price\s+of\s+)?$", re.IGNORECASE
)
_ANAPHORA = re.compile(_phrase_regex(P.ASSET_ANAPHORA), re.IGNORECASE)
_NOT_A_PRICE_AFTER = tuple(re.compile(p, re.IGNORECASE) for p in P.NOT_A_PRICE_AFTER)
_NOT_THE_LEVEL_BEFORE = _any(P.NOT_THE_LEVEL_BEFORE)
_LEVEL_SEEKING = re.compile(_phrase_regex(P.LEVEL_SEEKING), re.IGNORECASE)

_DIRECTION_TABLES: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (P.TOUCH_ABOVE_PHRASES, TOUCH, ABOVE),
    (P.TOUCH_BELOW_PHRASES, TOUCH, BELOW),
    (P.HOLD_ABOVE_PHRASES, HOLD, ABOVE),
    (P.HOLD_BELOW_PHRASES, HOLD, BELOW),
    (P.AVERAGE_ABOVE_PHRASES, AVERAGE, ABOVE),
    (P.AVERAGE_BELOW_PHRASES, AVERAGE, BELOW),
)
_DIRECTION_BY_PHRASE: dict[str, tuple[str, str]] = {
    phrase: (family, side) for table, family, side in _DIRECTION_TABLES for phrase in table
}
_DIRECTION_RE = re.compile(_phrase_regex(_DIRECTION_BY_PHRASE), re.IGNORECASE)
_CLOSE_ABOVE_RE = _any(P.CLOSE_PATTERNS)
_CLOSE_BELOW_RE = _any(P.CLOSE_BELOW_PATTERNS)
# "hold" words whose side defaults to above when nothing else names one.
_DEFAULT_ABOVE_HOLD = frozenset(
    ("hold", "holds", "holding", "stay", "stays", "remain", "remains", "defend", "defends")
)
_TAIL_SIDE = re.compile(
    r"^\s*(?:or|and)\s+(?P<word>higher|lower|above|below|more|less|beyond|over|under)\b",
    re.IGNORECASE,
)
_NEGATION_WORDS = frozenset(vocabulary.NEGATIONS)

_CHUNK_BREAK = re.compile(
    r",\s|;\s*|:\s|\s-{1,2}\s|\(|\)|\s(?=(?:after|since|while|whereas|but|though|although"
    r"|because|when|which|who|that|having|despite|before|following)\b)"
    r"|\s(?=and\s+(?:could|will|would|may|might|should|is|are|expects?|sees?|now)\b)",
    re.IGNORECASE,
)
_DEADLINE_PREPOSITION = re.compile(
    r"^(?:by|until|till|through|thru|before|within|in|over|during|from|between|end|year"
    r"|for|no\s+later)\b",
    re.IGNORECASE,
)
_YEAR_LIKE = re.compile(r"^(?:19|20|21)\d\d$")

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
class _Term:
    """A direction word: its family (touch, close, hold, average) and side, if it names them."""

    span: tuple[int, int]
    text: str
    family: str | None
    side: str | None
    default_side: str | None = None
    negation: bool = False


@dataclass(frozen=True)
class _Level:
    match: LevelMatch
    range_with: LevelMatch | None = None

    @property
    def start(self) -> int:
        return self.match.span[0]

    @property
    def end(self) -> int:
        return self.match.span[1]


@dataclass
class _Context:
    """What earlier sentences said, for "the bank", "the metal" and calls with no asset named."""

    author: str | None
    last_speaker: str | None = None
    last_by_family: dict[str, str] = field(default_factory=dict)
    last_symbol: str | None = None
    last_symbol_age: int = 99


@dataclass(frozen=True)
class _Settings:
    made_on: date
    aliases: Mapping[str, str]
    asset_table: Mapping[str, str]
    tickers: frozenset[str]
    horizon_months: int


# ---------------------------------------------------------------- public API


@dataclass(frozen=True)
class Extraction:
    """The candidates of one article and the made_on they were read with (and why)."""

    made_on: date
    made_on_from: str
    author: str | None
    candidates: tuple[Candidate, ...]


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

    `made_on` (the user's --made-on) wins; then `published` (the page's own
    metadata); then a dateline near the top of the text; then `today`. The
    reason is returned so the user can see which it was.
    """
    if made_on is not None:
        day, why = made_on, "given with --made-on"
    elif published is not None:
        day, why = published, "the page's publication date"
    else:
        dateline = find_dateline(text)
        if dateline is not None and dateline.day <= today:
            day, why = dateline.day, f"the dateline '{dateline.text}'"
        else:
            day, why = today, "today: no date found in the article (give --made-on)"
    writer = author or find_byline(text)
    candidates = extract_candidates(
        text, made_on=day, aliases=aliases, author=writer, horizon_months=horizon_months
    )
    return Extraction(day, why, writer, tuple(candidates))


def extract_candidates(
    text: str,
    *,
    made_on: date,
    aliases: Mapping[str, str] | None = None,
    author: str | None = None,
    horizon_months: int = P.DEFAULT_HORIZON_MONTHS,
) -> list[Candidate]:
    """Every claim proposed for `text`, in reading order, duplicates merged.

    Never raises for any text: a sentence that cannot be read yields nothing.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    user_aliases = {" ".join(str(k).lower().split()): str(v) for k, v in (aliases or {}).items()}
    table = dict(P.ARTICLE_ASSET_NAMES)
    table.update(user_aliases)
    settings = _Settings(
        made_on=made_on,
        aliases=user_aliases,
        asset_table=table,
        tickers=_article_tickers(text.translate(_TYPOGRAPHY)),
        horizon_months=max(1, int(horizon_months)),
    )
    context = _Context(author=author)
    found: list[Candidate] = []
    for sentence in split_sentences(text):
        if len(sentence.text) > MAX_SENTENCE_LENGTH:
            continue
        try:
            found.extend(_read_sentence(sentence.text, sentence.headline, settings, context))
        except ClaimError:
            continue  # a claim module refused something odd in this sentence; skip it
    return _merged(found)


# ---------------------------------------------------------------- one sentence


def _prepare(text: str) -> str:
    work = text.translate(_TYPOGRAPHY)
    for pattern, replacement in _REWRITES:
        work = pattern.sub(replacement, work)
    # "$NVDA" -> " NVDA": same length, and the ticker is then read like any other.
    return _CASHTAG.sub(lambda m: " " + m["ticker"], work)


def _article_tickers(text: str) -> frozenset[str]:
    """Upper-case tickers the article itself marks as tickers: "$NVDA", "(NASDAQ: NVDA)"."""
    return frozenset(m["ticker"] for m in _CASHTAG.finditer(text)) | frozenset(
        m["ticker"] for m in _PAREN_TICKER.finditer(text)
    )


def _blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for index in range(max(0, start), min(end, len(chars))):
            chars[index] = " "
    return "".join(chars)


def _read_sentence(
    original: str, headline: bool, settings: _Settings, context: _Context
) -> list[Candidate]:
    work = _prepare(original)
    made_on = settings.made_on
    context.last_symbol_age += 1

    speaker, speaker_note = _speaker(work, context)
    mentions = _mentions(work, settings, context)
    phrases = _date_phrases(work, made_on)
    chunks = _chunks(work)
    past_spans = [span for span in chunks if _is_past(work, span, phrases, made_on)]
    present = _blank(work, past_spans)
    _remember(context, mentions, speaker if speaker_note is None else None)

    def in_present(span: tuple[int, int]) -> bool:
        return not any(s <= span[0] < e for s, e in past_spans)

    future = [p for p in phrases if p.deadline > made_on and in_present(p.span)]
    strong_cue = bool(_FORECAST_WORDS.search(present)) or bool(_FIRST_PERSON.search(present))
    cue = (
        strong_cue
        or bool(_FUTURE.search(present))
        or bool(future)
        or (headline and bool(_HEADLINE_INFINITIVE.search(present)))
    )
    if not cue or not present.strip():
        return []

    subjects = [m for m in mentions if m.subject and in_present(m.span)] or [
        m for m in mentions if m.subject
    ]
    if not subjects:
        if mentions or context.last_symbol is None or context.last_symbol_age > 2:
            return []
        subjects = [
            _Mention(
                "",
                context.last_symbol,
                (0, 0),
                vague_note=f"no asset named: read as {context.last_symbol}, named just before",
            )
        ]

    level_text = _blank(present, [m.span for m in mentions] + [p.span for p in phrases])
    levels, probability = _levels(level_text, work)
    terms = _terms(present, mentions, levels, phrases)

    flags = _Flags(
        hedged=bool(_HEDGE.search(present)),
        conditional=_is_conditional(present),
        negated=bool(_NEGATED.search(present)),
        strong_cue=strong_cue,
        headline=headline,
        probability=probability,
        speaker=speaker,
        speaker_note=speaker_note,
    )
    candidates: list[Candidate] = []
    for segment in _segments(subjects, levels, len(work)):
        candidates += _segment_candidates(
            original, work, segment, terms, future, flags, settings, present
        )
    return candidates


@dataclass(frozen=True)
class _Flags:
    hedged: bool
    conditional: bool
    negated: bool
    strong_cue: bool
    headline: bool
    probability: float | None
    speaker: str | None
    speaker_note: str | None


@dataclass(frozen=True)
class _Segment:
    mention: _Mention
    start: int
    end: int
    levels: tuple[_Level, ...]


def _remember(context: _Context, mentions: list[_Mention], speaker: str | None) -> None:
    for mention in mentions:
        family = P.ASSET_FAMILIES.get(mention.symbol)
        if family:
            context.last_by_family[family] = mention.symbol
    subjects = [m for m in mentions if m.subject]
    if subjects:
        context.last_symbol = subjects[-1].symbol
        context.last_symbol_age = 0
    if speaker:
        context.last_speaker = speaker


# ---------------------------------------------------------------- clauses, past, conditions


def _chunks(work: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in _CHUNK_BREAK.finditer(work):
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


def _is_conditional(present: str) -> bool:
    for match in _CONDITIONAL.finditer(present):
        if match[0].lower().startswith("if") and _NOT_CONDITIONAL_BEFORE_IF.search(
            present[: match.start()]
        ):
            continue
        return True
    return False


# ---------------------------------------------------------------- dates


def _date_phrases(work: str, made_on: date) -> list[DatePhrase]:
    try:
        phrases, _ = dates.find_date_phrases(work, made_on)
    except ClaimError:
        return []  # an impossible date ("2026-13-45") in the sentence: read no deadline from it
    return phrases


# ---------------------------------------------------------------- assets


def _mentions(work: str, settings: _Settings, context: _Context) -> list[_Mention]:
    """Asset mentions, in order: aliases and article names, article tickers, anaphora."""
    table = settings.asset_table
    known_keys = set(BUILTIN_ALIASES) | set(table)
    found: list[_Mention] = []
    rest = work
    for _ in range(len(work) // 2 + 2):
        try:
            match, _unused = assets.find_assets(rest, table)
        except ClaimError:
            break  # a user alias points at something unusable; read no more assets
        if match is None:
            break
        start, end = match.span
        rest = rest[:start] + " " * (end - start) + rest[end:]
        key = " ".join(match.asset.lower().split())
        if key not in known_keys and not _is_ticker(match.asset, settings.tickers):
            continue  # an upper-case word ("UBS", "CPI"), not a ticker the article marked
        found.append(_Mention(match.asset, match.symbol, match.span, P.VAGUE_ASSET_NAMES.get(key)))
    for match in _ANAPHORA.finditer(rest):
        family = P.ASSET_ANAPHORA[" ".join(match[0].lower().split())]
        earlier = [m.symbol for m in found if m.span[0] < match.start()]
        symbol = next(
            (s for s in reversed(earlier) if P.ASSET_FAMILIES.get(s) == family),
            context.last_by_family.get(family),
        )
        if symbol:
            note = f"'{match[0]}' read as {symbol}, named before"
            found.append(_Mention(match[0], symbol, match.span(), note))
    found.sort(key=lambda m: m.span[0])
    return [_with_role(work, m) for m in found]


def _is_ticker(token: str, tickers: frozenset[str]) -> bool:
    return (
        token in tickers
        or "=" in token
        or token.startswith("^")
        or re.fullmatch(r"[A-Z0-9]+-(?:USD|USDT|EUR|GBP)", token) is not None
    )


def _with_role(work: str, mention: _Mention) -> _Mention:
    start, end = mention.span
    after = work[end:]
    before = work[max(0, start - 40) : start]
    subject = not (_NOT_PRICE_AFTER_ASSET.search(after) or _NOT_SUBJECT_BEFORE_ASSET.search(before))
    if subject == mention.subject:
        return mention
    return _Mention(mention.written, mention.symbol, mention.span, mention.vague_note, subject)


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


# ---------------------------------------------------------------- levels


def _levels(level_text: str, work: str) -> tuple[list[_Level], float | None]:
    """The usable levels, and a stated probability ("a 60% chance") if there is one."""
    probability = None
    stated = _STATED_PROBABILITY.search(level_text)
    if stated:
        value = float(stated["p"] or stated["p2"])
        if 0 <= value <= 100:
            probability = value / 100
    matches, _ = find_levels(level_text)
    kept = [m for m in matches if _is_level(m, work)]
    if any(m.price is not None for m in kept):
        # "$150,000, a 40% upside": the price is the call, the percent its commentary.
        kept = [m for m in kept if m.price is not None]
    partners: dict[int, LevelMatch] = {}
    for index in range(len(kept) - 1):
        if _is_range(work, kept[index], kept[index + 1]):
            partners[index], partners[index + 1] = kept[index + 1], kept[index]
    levels = [_Level(match, partners.get(index)) for index, match in enumerate(kept)]
    return levels, probability


def _is_level(match: LevelMatch, work: str) -> bool:
    start, end = match.span
    after = work[end : end + 60]
    before = work[max(0, start - 60) : start]
    if any(pattern.match(after) for pattern in _NOT_A_PRICE_AFTER):
        return False
    if _NOT_THE_LEVEL_BEFORE.search(before):
        return False
    written = match.text.replace(" ", "")
    if match.price is not None:
        plain = not re.search(r"[$a-z]", written, re.IGNORECASE)
        if match.price >= 1e9 or match.price <= 0:
            return False  # market caps and flows, not prices
        if plain and _YEAR_LIKE.match(written):
            return False  # a year the date reader did not take ("2026 outlook")
        if plain and "." not in written and "," not in written and match.price < 10:
            return False  # "3 rate cuts", "two-day"
        return not re.match(r"^-?\s*[a-z]", after, re.IGNORECASE) or _allowed_word_after(after)
    if match.relative is None:  # pragma: no cover - a LevelMatch is a price or a relative
        return False
    if match.relative.kind is RelativeKind.MULTIPLE:
        return not re.match(r"^(?:-|\s+(?:down|digit))", after, re.IGNORECASE) and not re.search(
            r"\bthe\s+$", before, re.IGNORECASE
        )
    if match.sign:
        return True
    # An unsigned percent is a call only next to a move: "rise 20%", "a 20% rally".
    return bool(
        re.search(
            r"(?:rise|rises|rising|gain|gains|climb|climbs|rally|rallies|jump|surge|soar|fall"
            r"|falls|falling|drop|drops|decline|declines|slide|slides|lose|loses|shed|sheds|up"
            r"|down|another|further|add|adds|tumble|plunge|crash|correct|sink|advance|higher"
            r"|lower)\s+(?:by\s+)?(?:another\s+|a\s+further\s+|roughly\s+|about\s+|some\s+"
            r"|nearly\s+|around\s+)?$",
            before,
            re.IGNORECASE,
        )
        or re.match(
            r"^\s*(?:upside|downside|rally|gain|rise|decline|drop|fall|correction|move"
            r"|increase|jump|surge|slump|plunge|higher|lower)\b",
            after,
            re.IGNORECASE,
        )
    )


_WORDS_AFTER_A_PRICE = frozenset(
    (
        "mark", "level", "levels", "handle", "area", "zone", "region", "threshold", "barrier",
        "line", "points", "point", "an", "a", "per", "by", "in", "within", "over", "before",
        "until", "through", "this", "next", "and", "or", "as", "for", "from", "on", "at",
        "to", "with", "while", "which", "after", "is", "was", "if", "the", "target", "price",
        "later", "sometime", "early", "late", "mid", "during", "usd", "dollars", "dollar",
        "support", "resistance", "ceiling", "floor", "figure", "milestone", "territory",
        "range", "sometime", "end", "year", "eoy", "ytd", "again", "soon", "then", "would",
        "will", "could", "may", "might", "should", "says", "said", "according", "ahead",
        "upside", "downside", "apiece", "each", "ounce", "oz", "barrel", "bbl", "coin",
        "plus", "or", "into", "near", "around", "about", "before", "prior", "q1", "q2",
        "q3", "q4", "h1", "h2", "eoy", "come", "sometime", "once", "when", "but", "so",
        "yet", "still", "too", "even", "than", "either", "trillion", "billion", "million",
        "thousand", "k", "within", "over", "under", "above", "below", "high", "highs",
        "low", "lows", "peak", "top", "bottom", "record", "per", "next", "that", "where",
    )
)  # fmt: skip


def _allowed_word_after(after: str) -> bool:
    word = re.match(r"^-?\s*([a-z]+)", after, re.IGNORECASE)
    return word is None or word[1].lower() in _WORDS_AFTER_A_PRICE


def _is_range(work: str, first: LevelMatch, second: LevelMatch) -> bool:
    """Whether two levels are the ends of one range: "between $4,500 and $5,000", "4,500-5,000"."""
    between = work[first.span[1] : second.span[0]]
    before = work[max(0, first.span[0] - 12) : first.span[0]]
    if re.fullmatch(r"\s*-\s*", between):
        return True
    return bool(
        re.fullmatch(r"\s*(?:and|to)\s*", between)
        and re.search(r"\bbetween\s+$|\brange\s+(?:of\s+)?$", before, re.IGNORECASE)
    )


# ---------------------------------------------------------------- directions


def _terms(
    present: str, mentions: list[_Mention], levels: list[_Level], phrases: list[DatePhrase]
) -> list[_Term]:
    """Direction words of the sentence: close patterns, negated holds, article verbs, vocabulary."""
    base = _blank(present, [m.span for m in mentions] + [lv.match.span for lv in levels])
    terms: list[_Term] = []
    for pattern, side in ((_CLOSE_BELOW_RE, BELOW), (_CLOSE_ABOVE_RE, ABOVE)):
        for match in pattern.finditer(base):
            terms.append(_Term(match.span(), match[0], CLOSE, side))
            base = _blank(base, [match.span()])
    base = _blank(base, [p.span for p in phrases])
    # Negated verbs first ("never falls below" is a floor), from the claim language.
    found, _ = vocabulary.find_terms(base)
    for match in found:
        words = match.text.lower().split()
        if len(words) > 1 and words[0] in _NEGATION_WORDS | {"won't", "doesn't"}:
            terms.append(_Term(match.span, match.text, match.term.family, match.term.side))
            base = _blank(base, [match.span])
    for match in _DIRECTION_RE.finditer(base):
        phrase = " ".join(match[0].lower().split())
        family, side = _DIRECTION_BY_PHRASE[phrase]
        default_side = ABOVE if phrase in _DEFAULT_ABOVE_HOLD else None
        if phrase in _DEFAULT_ABOVE_HOLD:
            side = None
        terms.append(_Term(match.span(), match[0], family, side, default_side))
        base = _blank(base, [match.span()])
    found, _ = vocabulary.find_terms(base)
    for match in found:
        term = match.term
        terms.append(
            _Term(match.span, match.text, term.family, term.side, term.default_side, term.negation)
        )
    terms.sort(key=lambda t: t.span[0])
    return terms


@dataclass(frozen=True)
class _Direction:
    family: str
    side: str
    verb: str | None
    negated: bool
    note: str | None


def _direction(terms: list[_Term], window: tuple[int, int], tail: str) -> _Direction | None:
    """The family and side nearest before the level; None when the window names neither."""
    inside = [t for t in terms if window[0] <= t.span[0] < window[1]]
    family_term = next((t for t in reversed(inside) if t.family), None)
    side_term = next((t for t in reversed(inside) if t.side), None)
    negated = any(t.negation for t in inside)
    tail_side = _TAIL_SIDE.match(tail)
    side = side_term.side if side_term else None
    if tail_side:
        word = tail_side["word"].lower()
        side = BELOW if word in ("lower", "below", "less", "under") else ABOVE
    if family_term is None and side is None:
        return None
    family = family_term.family if family_term and family_term.family else TOUCH
    note = None
    if side is None:
        side = (family_term.default_side if family_term else None) or ABOVE
        if family_term is None or family_term.default_side is None:
            note = f"no side named: '{family_term.text if family_term else ''}' read as above"
    verb = family_term.text if family_term else (side_term.text if side_term else None)
    return _Direction(family or TOUCH, side, verb, negated, note)


# ---------------------------------------------------------------- segments and candidates


def _segments(subjects: list[_Mention], levels: list[_Level], length: int) -> list[_Segment]:
    merged: list[_Mention] = []
    for mention in subjects:
        if merged and merged[-1].symbol == mention.symbol:
            continue
        merged.append(mention)
    bounds = [m.span[0] for m in merged[1:]] + [length]
    owned: list[list[_Level]] = [[] for _ in merged]
    for level in levels:
        index = 0
        for position, mention in enumerate(merged):
            if mention.span[0] <= level.start:
                index = position
        # "$10,000 ether": a level right before an asset name is that asset's.
        for position, mention in enumerate(merged):
            if 0 <= mention.span[0] - level.end <= 1:
                index = position
        owned[index].append(level)
    segments = []
    for position, mention in enumerate(merged):
        start = 0 if position == 0 else mention.span[0]
        segments.append(_Segment(mention, start, bounds[position], tuple(owned[position])))
    return segments


def _segment_candidates(
    original: str,
    work: str,
    segment: _Segment,
    terms: list[_Term],
    future: list[DatePhrase],
    flags: _Flags,
    settings: _Settings,
    present: str,
) -> list[Candidate]:
    levels = list(segment.levels)
    if not levels:
        return _needs_level(original, segment, terms, future, flags, settings, present)
    plans: list[tuple[_Level, DatePhrase | None, _Direction | None]] = []
    boundaries = [lv.start for lv in levels[1:]] + [segment.end]
    own_dates: list[DatePhrase | None] = []
    directions: list[_Direction | None] = []
    previous_end = segment.start
    for level, boundary in zip(levels, boundaries, strict=True):
        own_dates.append(next((p for p in future if level.end <= p.span[0] < boundary), None))
        window = (previous_end, level.start)
        directions.append(_direction(terms, window, work[level.end : level.end + 24]))
        previous_end = level.end
    notes: list[str] = []
    several = False
    dated = [d for d in own_dates if d is not None]
    if len(levels) > 1 and len(dated) == len(levels) and len({d.deadline for d in dated}) > 1:
        last_direction = None
        for level, own, direction in zip(levels, own_dates, directions, strict=True):
            direction = direction or last_direction
            plans.append((level, own, direction))
            last_direction = direction
    else:
        if len(levels) > 1 and not levels[0].range_with:
            several = True
        chosen = _choose(levels, directions)
        index = levels.index(chosen)
        date_phrase = own_dates[index] or _segment_date(future, segment, chosen)
        plans.append((chosen, date_phrase, directions[index]))
        if several:
            notes.append(
                f"{len(levels)} levels in the sentence: took '{chosen.match.text}'"
                " (the one after the direction word)"
            )
    candidates = []
    for level, date_phrase, direction in plans:
        candidate = _candidate(
            original, segment, level, date_phrase, direction, flags, settings, several, notes
        )
        if candidate is not None:
            candidates.append(candidate)
    return candidates


def _choose(levels: list[_Level], directions: list[_Direction | None]) -> _Level:
    with_verb = [lv for lv, d in zip(levels, directions, strict=True) if d and d.verb]
    return with_verb[-1] if with_verb else levels[-1]


def _segment_date(future: list[DatePhrase], segment: _Segment, level: _Level) -> DatePhrase | None:
    inside = [p for p in future if segment.start <= p.span[0] < segment.end]
    if inside:
        after = [p for p in inside if p.span[0] >= level.end]
        return after[0] if after else inside[-1]
    if not future:
        return None
    after = [p for p in future if p.span[0] >= level.end]
    return after[0] if after else future[-1]


def _candidate(
    original: str,
    segment: _Segment,
    level: _Level,
    date_phrase: DatePhrase | None,
    direction: _Direction | None,
    flags: _Flags,
    settings: _Settings,
    several: bool,
    shared_notes: list[str],
) -> Candidate | None:
    mention = segment.mention
    notes = list(shared_notes)
    if mention.vague_note:
        notes.append(mention.vague_note)
    family = direction.family if direction else TOUCH
    side = direction.side if direction else ABOVE
    if direction is None:
        notes.append(f"no direction word: '{level.match.text}' read as a level to reach (touch)")
    elif direction.note:
        notes.append(direction.note)
    relative = level.match.relative
    if relative is not None and relative.kind is RelativeKind.PERCENT and level.match.sign:
        side = BELOW if level.match.sign == "-" else ABOVE  # "-15%" says the side itself
    kind = vocabulary.kind_for(family, side)
    name = claim_name(mention.symbol, settings.aliases)
    when = _when_text(date_phrase, family, settings)
    if date_phrase is None:
        notes.append(
            f"no time frame in the sentence: the default horizon of {settings.horizon_months}"
            " months is assumed"
        )
    if flags.conditional:
        notes.append("conditional: judged as if the condition held (accept it only knowingly)")
    if flags.negated or (direction and direction.negated):
        notes.append("the speaker says this will NOT happen: give it a low probability")
    if flags.hedged:
        notes.append("hedged ('could', 'may', 'might'): give it a probability")
    if flags.speaker_note:
        notes.append(flags.speaker_note)

    if level.range_with is not None:
        low, high = sorted((level.match, level.range_with), key=lambda m: (m.price or 0, m.span[0]))
        notes.append(
            f"a range ('{low.text}' to '{high.text}'): the claim language has no range claim;"
            " give the side you mean"
        )
        return _asking(original, mention, name, kind, when, date_phrase, flags, settings, notes)

    level_text = _level_text(level.match, side)
    claim_text, claim = _written_claim(
        name, kind, level_text, when, date_phrase, settings, mention.symbol
    )
    if claim is None or claim_text is None:
        return None
    score = P.SCORE_BASE
    score += P.SCORE_TIME_FRAME if date_phrase is not None else 0
    score += P.SCORE_SPEAKER if flags.speaker else 0
    score += P.SCORE_DIRECTION if direction and direction.verb else 0
    score += P.SCORE_STRONG_CUE if flags.strong_cue else 0
    score += P.SCORE_HEDGED if flags.hedged else 0
    score += P.SCORE_SEVERAL_LEVELS if several else 0
    score += P.SCORE_VAGUE_ASSET if mention.vague_note else 0
    if flags.conditional:
        score = min(score, P.CAP_CONDITIONAL)
    if flags.negated or (direction and direction.negated):
        score = min(score, P.CAP_NEGATED)
    return Candidate(
        sentence=original,
        made_on=settings.made_on,
        symbol=claim.symbol,
        asset=mention.written or name,
        confidence=_clip(score),
        claim_text=claim_text,
        claim=claim,
        speaker=flags.speaker,
        assumptions=tuple(dict.fromkeys(notes + list(claim.assumptions))),
        hedged=flags.hedged,
        conditional=flags.conditional,
        negated=flags.negated or bool(direction and direction.negated),
        probability=flags.probability,
        headline=flags.headline,
    )


def _clip(score: float) -> float:
    return round(min(1.0, max(0.0, score)), 2)


def _level_text(level: LevelMatch, side: str) -> str:
    relative = level.relative
    if relative is None:
        return level.text
    if relative.kind is RelativeKind.PERCENT:
        value = abs(relative.value) if not level.sign else relative.value
        if not level.sign and side == BELOW:
            value = -value
        return f"{value:+g}%"
    return relative.text()


def _when_text(date_phrase: DatePhrase | None, family: str, settings: _Settings) -> str:
    if date_phrase is None:
        return f"within {settings.horizon_months} months"
    text = date_phrase.text
    # "average $4,500 next year" means over next year, not from tomorrow to its end.
    if family == AVERAGE and date_phrase.start is None and not _DEADLINE_PREPOSITION.match(text):
        return f"in {text}"
    return text


def _written_claim(
    name: str,
    kind: ClaimKind,
    level_text: str,
    when: str,
    date_phrase: DatePhrase | None,
    settings: _Settings,
    symbol: str,
) -> tuple[str | None, Claim | None]:
    """Claim text in words, checked by parsing it; the canonical words if the first fails."""
    words = f"{name} {P.VERB_FOR_KIND[kind.value]} {level_text} {when}"
    claim = _parsed(words, settings)
    wanted_deadline = date_phrase.deadline if date_phrase else None
    if _reads_as(claim, symbol, kind, wanted_deadline):
        return words, claim
    if date_phrase is None:
        return None, None
    if date_phrase.start is not None and kind.family in (AVERAGE, TOUCH, HOLD):
        period = f"from {date_phrase.start.isoformat()} to {date_phrase.deadline.isoformat()}"
    else:
        period = f"by {date_phrase.deadline.isoformat()}"
    fallback = f"{name} {kind.value} {level_text} {period}"
    claim = _parsed(fallback, settings)
    if _reads_as(claim, symbol, kind, wanted_deadline):
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


def _needs_level(
    original: str,
    segment: _Segment,
    terms: list[_Term],
    future: list[DatePhrase],
    flags: _Flags,
    settings: _Settings,
    present: str,
) -> list[Candidate]:
    """A call with a direction but no level ("needs to hold support"): ask, do not invent."""
    mention = segment.mention
    if not mention.written:
        return []
    text = present[segment.start : segment.end]
    if not _LEVEL_SEEKING.search(text):
        return []
    direction = _direction(terms, (segment.start, segment.end), "")
    if direction is None:
        return []
    kind = vocabulary.kind_for(direction.family, direction.side)
    name = claim_name(mention.symbol, settings.aliases)
    inside = [p for p in future if segment.start <= p.span[0] < segment.end] or future
    date_phrase = inside[0] if inside else None
    when = _when_text(date_phrase, direction.family, settings)
    notes = [f"no level given ('{direction.verb or kind.value}' of what?): give one"]
    if date_phrase is None:
        notes.append(
            f"no time frame in the sentence: the default horizon of {settings.horizon_months}"
            " months is assumed"
        )
    if flags.hedged:
        notes.append("hedged ('could', 'may', 'might'): give it a probability")
    if flags.speaker_note:
        notes.append(flags.speaker_note)
    return [_asking(original, mention, name, kind, when, date_phrase, flags, settings, notes)]


def _asking(
    original: str,
    mention: _Mention,
    name: str,
    kind: ClaimKind,
    when: str,
    date_phrase: DatePhrase | None,
    flags: _Flags,
    settings: _Settings,
    notes: list[str],
) -> Candidate:
    deadline = date_phrase.deadline if date_phrase else None
    if deadline is None:
        try:
            deadline = dates.add_months(settings.made_on, settings.horizon_months)
        except ClaimError:
            deadline = None
    return Candidate(
        sentence=original,
        made_on=settings.made_on,
        symbol=mention.symbol,
        asset=mention.written or name,
        confidence=P.CAP_NEEDS_LEVEL,
        speaker=flags.speaker,
        assumptions=tuple(dict.fromkeys(notes)),
        hedged=flags.hedged,
        conditional=flags.conditional,
        negated=flags.negated,
        needs="level",
        template=f"{name} {P.VERB_FOR_KIND[kind.value]} {{level}} {when}",
        kind_hint=kind.value,
        deadline_hint=deadline,
        probability=flags.probability,
        headline=flags.headline,
    )


# ---------------------------------------------------------------- speakers


def _speaker(work: str, context: _Context) -> tuple[str | None, str | None]:
    """Who makes the call, and a note when it was not named in the sentence itself."""
    named = _named_speakers(work)
    if named:
        return min(named)[1], None
    if _FIRST_PERSON.search(work):
        if context.author:
            return context.author, f"first-person call: the article's author, {context.author}"
        return None, "first-person call by the article's author, who is not named: give --source"
    if _SPEAKER_ANAPHORA.search(work) and context.last_speaker:
        match = _SPEAKER_ANAPHORA.search(work)
        assert match is not None
        return context.last_speaker, f"'{match[0]}' read as {context.last_speaker}, named before"
    return None, None


def _named_speakers(work: str) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for match in _SPEAKER_AFTER.finditer(work):
        name, end = _name_after(work, match.end())
        if name:
            firm = _PERSON_AT_FIRM.match(work, end)
            if firm:
                organization, _ = _name_after(work, firm.end())
                name = organization or name
            found.append((match.start(), name))
    for match in _POSSESSIVE.finditer(work):
        name = _name_before(work[: match.start()])
        if name:
            found.append((match.start(), name))
    for pattern in (_SPEAKER_GROUP, _SPEAKER_VERB):
        for match in pattern.finditer(work):
            name = _name_before(work[: match.start()])
            if name:
                found.append((match.start(), name))
    return found


def _clean_name(tokens: list[str]) -> str | None:
    while tokens and (tokens[0].lower().rstrip(".") in _NOT_A_NAME or tokens[0] == "&"):
        tokens = tokens[1:]
    while tokens and (tokens[-1].lower() in _NOT_A_NAME or tokens[-1] in _NAME_CONNECTORS):
        tokens = tokens[:-1]
    if not tokens:
        return None
    name = " ".join(tokens)
    if name.lower() in P.ARTICLE_ASSET_NAMES or name.lower() in BUILTIN_ALIASES:
        return None
    return name


def _name_before(text: str) -> str | None:
    """The capitalized name that ends `text` ("... JPMorgan" in "JPMorgan expects")."""
    tokens = text.split()
    name: list[str] = []
    for token in reversed(tokens):
        bare = token[:-2] if token.endswith("'s") else token
        if bare != token and name:
            break  # "Citi's Goldman": a possessive ends a name, it does not continue one
        if name and re.search(r"[,;:.!?\"]$", token) and not re.fullmatch(r"(?:[A-Z]\.)+", token):
            break
        if _NAME_TOKEN.match(bare) or (name and bare in _NAME_CONNECTORS):
            name.insert(0, bare.rstrip(",;:"))
            if re.search(r"[,;:!?\"]$", bare):
                break
            continue
        break
    return _clean_name(name) if name else None


def _name_after(text: str, start: int) -> tuple[str | None, int]:
    """The capitalized name that starts at `start` ("Goldman Sachs" in "said Goldman Sachs.")."""
    name: list[str] = []
    position = start
    for match in re.finditer(r"\S+", text[start:]):
        token = match[0]
        bare = token.rstrip(",;:.!?\")'")
        if bare.endswith("'s"):
            bare = bare[:-2]
        if _NAME_TOKEN.match(bare) or (name and bare in _NAME_CONNECTORS):
            name.append(bare)
            position = start + match.start() + len(bare)
            if bare != token:
                break
            continue
        break
    cleaned = _clean_name(name) if name else None
    return cleaned, position


# ---------------------------------------------------------------- the whole article


def _merged(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per (speaker, claim): a headline and its body often say the same thing.

    Short speaker names are first widened to the longest name in the article
    that starts with them ("Goldman" → "Goldman Sachs").
    """
    names = sorted({c.speaker for c in candidates if c.speaker}, key=len, reverse=True)

    def widened(name: str | None) -> str | None:
        if name is None:
            return None
        words = name.split()
        for longer in names:
            if longer.split()[: len(words)] == words:
                return longer
        return name

    index_by_key: dict[tuple[str, str, str], int] = {}
    result: list[Candidate] = []
    for candidate in candidates:
        speaker = widened(candidate.speaker)
        if speaker != candidate.speaker:
            candidate = replace(candidate, speaker=speaker)
        claim_key = candidate.claim.canonical_text() if candidate.claim else candidate.template
        key = ((speaker or "").casefold(), candidate.symbol, claim_key or "")
        if key in index_by_key:
            index = index_by_key[key]
            if candidate.confidence > result[index].confidence:
                result[index] = candidate
            continue
        index_by_key[key] = len(result)
        result.append(candidate)
    return result
