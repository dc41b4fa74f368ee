"""Which numbers in a sentence are the level of a call.

The claim language's own reader (ledger.claims.numbers) finds every price,
percent and multiple; most numbers in an article are something else: the
current price ("currently at $4,200"), a starting point ("from $3,700"), a
past record, a quantity ("1,000 tonnes", "50-day"), a probability ("a 60%
chance"), a market cap ("$2 trillion"), a year ("2026 outlook"). The rules
that tell them apart are in patterns/level_phrases.py; this module applies them and pairs
the two ends of a range ("between $4,500 and $5,000"), which the claim
language cannot state as one claim.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from itertools import pairwise

from ledger.claims.model import RelativeKind
from ledger.claims.numbers import LevelMatch, find_levels
from ledger.extract.company_figures import company_figure
from ledger.extract.patterns import direction_phrases, level_phrases, speaker_phrases
from ledger.extract.percent_contexts import (
    far_end_of_a_band,
    move_already_made,
    moves_another_quantity,
    multiplies_another_quantity,
    points_back_to_a_level,
)
from ledger.extract.quantity_amounts import (
    amount_of_change,
    counted_quantity,
    multiple_of_a_quantity,
    unit_left_out,
)
from ledger.extract.textops import any_of, phrase_regex
from ledger.extract.verb_forms import inflected_forms

_NOT_A_PRICE_AFTER = tuple(re.compile(p, re.IGNORECASE) for p in level_phrases.NOT_A_PRICE_AFTER)
_QUANTITY_OF_ASSET_AFTER = re.compile(level_phrases.QUANTITY_OF_ASSET_AFTER, re.IGNORECASE)
_NOT_THE_LEVEL_BEFORE = any_of(
    (*level_phrases.NOT_THE_LEVEL_BEFORE, *level_phrases.CLOSE_OF_THE_DAY_BEFORE)
)
_BRACKETS = re.compile(r"\([^()]*\)")
# "10x Research", "5X Partners": a multiple that starts a firm's name is no level (an
# organisation word, written capitalised, follows it), nor one a post is held at.
_FIRM_WORDS = sorted(
    {word.capitalize() for word in speaker_phrases.ORGANIZATION_WORDS if word.isalpha()},
    key=len,
    reverse=True,
)
_NAME_AFTER_A_MULTIPLE = re.compile(rf"^\s+(?:{'|'.join(_FIRM_WORDS)})\b")
# "head of research at 10x", "founder of 3x": a multiple where a post names its firm
_POST_BEFORE_A_MULTIPLE = re.compile(
    r"\b(?:research|strategist|analyst|economist|head|founder|partner|chief|CEO|CIO)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:at|of)\s+$",
    re.IGNORECASE,
)
_BAND_NOUN_AFTER = re.compile(r"\s*(?:k\b|%)?\s*(?:range|band|corridor)\b", re.IGNORECASE)
_PRESENT_STATE_BEFORE = any_of(level_phrases.PRESENT_STATE_BEFORE)
_REPORTED_PRICE_BEFORE = any_of(level_phrases.REPORTED_PRICE_BEFORE)
_PRICE_NOW_BEFORE = any_of(level_phrases.PRICE_NOW_BEFORE)
_CLOSE_OF_THE_DAY_BEFORE = any_of(level_phrases.CLOSE_OF_THE_DAY_BEFORE)
_STATED_PROBABILITY = any_of(level_phrases.STATED_PROBABILITY)
# "a supply shock would add $8 to the price", "shave $5 off": an amount the price moves by.
# (A percent after these is a move the call names: "gold could add 10%".)
_AMOUNT_OF_CHANGE_BEFORE = re.compile(
    r"\b(?:add|adds|added|adding|shave|shaves|shaved|shaving|knock|knocks|knocked|knocking"
    r"|lop|lops|lopped)\s+(?:another\s+|a\s+further\s+|an\s+extra\s+|about\s+|around\s+"
    r"|roughly\s+|some\s+|up\s+to\s+|as\s+much\s+as\s+|nearly\s+|almost\s+)?$",
    re.IGNORECASE,
)
# (the move's noun may stand between: "a 700% jump to over $1,400")
_MOVE_TO = re.compile(
    r"\s*(?:,\s*)?(?:(?:jump|rise|rally|gain|surge|climb|move|run|advance|fall|drop|decline"
    r"|slide|slump)s?\s+)?(?:to|toward|towards|at)\s+(?:the\s+|around\s+|about\s+|over\s+"
    r"|above\s+|nearly\s+|almost\s+|roughly\s+)?(?:level\s+of\s+)?",
    re.IGNORECASE,
)
# An old level set off by a comma: ", up from $44.50", ", compared with $40"
_OLD_ASIDE_BEFORE = re.compile(
    r",\s*(?:(?:up|down)\s+)?(?:from|since|vs\.?|versus|compared\s+(?:with|to)|against)\s+"
    r"(?:[a-z][\w'-]*\s+){0,3}$",
    re.IGNORECASE,
)
_ASIDE_CLOSED = re.compile(r"\s*,\s*(?:and|or|while|but)\s+", re.IGNORECASE)
_LIST_JOINT = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|/\s*)", re.IGNORECASE)
# A bare "1" moved to from a decimal level, or from it to one: "from 1.05 to 1", "to 1 from
# 1.05". (\0 marks where the number stands between the text before and after it.)
_PAIRED_WITH_DECIMAL = re.compile(
    r"\bfrom\s+\d{1,2}\.\d+\s+to\s+\0(?!\d|\.\d)|(?<![\d.])\0\s+from\s+\d{1,2}\.\d+\b",
    re.IGNORECASE,
)
_YEAR_LIKE = re.compile(r"^(?:19|20|21)\d\d$")
# "ETH to slip to 2000", "stay above 2000", "2000 US dollars": a number that could be a year
# (one the date reader did not take) is a level after a side word or a move to it, or before
# a currency or unit. ("from 2020 to 2025" has no move verb before its "to"; "16% above 2025",
# "below 2024's average" compare with a year.)
_MOVES_TO = tuple(
    phrase
    for phrase in (*direction_phrases.TOUCH_ABOVE_PHRASES, *direction_phrases.TOUCH_BELOW_PHRASES)
    if phrase.endswith(" to")
)
_YEAR_LIKE_LEVEL_BEFORE = re.compile(
    r"(?:\b(?:above|below|under|beyond)|"
    + phrase_regex((*_MOVES_TO, *inflected_forms(_MOVES_TO)))
    + r")\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_YEAR_LIKE_LEVEL_AFTER = re.compile(
    r"^\s*(?:US\s+|U\.S\.\s+)?(?:dollars?|usd|points|pts)\b", re.IGNORECASE
)
_A_YEAR_COMPARED = re.compile(r"(?:%|\bpercent|\bper\s+cent)\s+(?:above|below|under)\s+$", re.I)
_A_YEAR_COMPARED_AFTER = re.compile(
    r"^(?:['\u2019]s\b|\s+(?:levels?|averages?|prices?|highs?|lows?|figures?|peaks?)\b)",
    re.IGNORECASE,
)
_MOVE_BEFORE_PERCENT = re.compile(
    r"\b(?:(?:rise|gain|climb|rall(?:y|ie)|jump|surge|soar|fall|drop|decline|slide|lose|shed"
    r"|add|tumble|plunge|crash|correct|sink|advance|return|appreciate|depreciate|slump"
    r"|retreat|rebound)(?:s|d|ed|ing)?|rising|falling|dropping|dropped|sliding|losing|shedding"
    r"|adding|up|down|another|further|higher|lower)\s+(?:by\s+)?"
    r"(?:another\s+|a\s+further\s+|roughly\s+|about\s+|some\s+|nearly\s+|around\s+"
    r"|as\s+much\s+as\s+)?$",
    re.IGNORECASE,
)
# "more than 11% below the US$6,500 year-end estimate it set in January", "8% above the
# current $4,000": the level a percent is measured from is a reference, not a call
_PERCENT_MEASURED_FROM = re.compile(
    r"\d\s*(?:%|percent\b|per\s+cent\b)\s+(?:below|above|under|over|short\s+of|higher\s+than"
    r"|lower\s+than)\s+(?:the\s+|its\s+|their\s+|a\s+)?(?:(?!and\b|or\b|but\b|then\b|while\b)"
    r"[a-z-]+\s+){0,2}?$",
    re.IGNORECASE,
)
# "to rise by 20%", "could fall by as much as 30%": the percent is the price's own move
_PRICE_MOVES_BY = re.compile(
    r"\b(?:(?:rise|gain|climb|rall(?:y|ie)|jump|surge|soar|fall|drop|decline|slide|lose|shed"
    r"|tumble|plunge|crash|correct|sink|advance|appreciate|depreciate|slump|retreat|rebound"
    r"|increase|decrease|grow|weaken|strengthen)(?:s|d|ed|ing)?|rising|falling|dropping|sliding"
    r"|losing|shedding)\s+by\s+(?:another\s+|a\s+further\s+|roughly\s+|about\s+|some\s+"
    r"|nearly\s+|almost\s+|around\s+|up\s+to\s+|as\s+much\s+as\s+|more\s+than\s+|over\s+)?$",
    re.IGNORECASE,
)
_MOVE_AFTER_PERCENT = re.compile(
    r"^\s*(?:rally|gain|rise|decline|drop|fall|correction|move|increase|jump|surge|slump"
    r"|plunge|higher|lower)\b",
    re.IGNORECASE,
)
# "$150,000, a 40% upside": a percent that comments on a price is not a second call.
_COMMENTARY_PERCENT = re.compile(
    r"^\s*(?:upside|downside|gain|rally|rise|decline|drop|fall|from\s+current|premium|discount"
    r"|above\s+current|below\s+current)",
    re.IGNORECASE,
)

# "30% a year", "8% per annum", "2% a month": a rate of change, which no single price settles
_RATE_AFTER_PERCENT = re.compile(
    r"^\s*(?:(?:a|an|per|each|every)\s+(?:year|annum|month|quarter)\b|annually\b|yearly\b"
    r"|monthly\b|compounded\b)",
    re.IGNORECASE,
)
# "$4,550 an ounce, up 3%", "$4,550 in 2026, up 3%": the change a price makes from the one
# before, said of that price
_CHANGE_OF_THE_PRICE = re.compile(
    r"^[^,;.$%\u20ac\u00a3]{0,30},\s*(?:up|down)\s+"
    r"(?:about\s+|around\s+|roughly\s+|nearly\s+|some\s+|almost\s+)?$",
    re.IGNORECASE,
)

# Words that may follow a price level; any other word makes the number a quantity.
WORDS_AFTER_A_PRICE = frozenset(
    (
        "mark", "level", "levels", "handle", "area", "zone", "region", "threshold", "barrier",
        "line", "points", "point", "an", "a", "per", "by", "in", "within", "over", "before",
        "until", "through", "this", "next", "and", "or", "as", "for", "from", "on", "at",
        "to", "with", "while", "which", "after", "is", "was", "if", "the", "target", "price",
        "later", "sometime", "early", "late", "mid", "during", "usd", "dollars", "dollar",
        "support", "resistance", "ceiling", "floor", "figure", "milestone", "territory",
        "range", "end", "year", "eoy", "ytd", "again", "soon", "then", "would", "will",
        "could", "may", "might", "should", "says", "said", "according", "ahead", "upside",
        "downside", "apiece", "each", "ounce", "oz", "barrel", "bbl", "coin", "plus", "into",
        "near", "around", "about", "prior", "q1", "q2", "q3", "q4", "h1", "h2", "come", "once",
        "when", "but", "so", "yet", "still", "too", "even", "than", "either", "trillion",
        "billion", "million", "thousand", "k", "under", "above", "below", "high", "highs",
        "low", "lows", "peak", "top", "bottom", "record", "that", "where", "previously",
        "earlier", "now", "today", "driven", "citing", "implying", "arguing", "amid", "because",
        "thanks", "due", "on", "up", "down", "before", "year-end", "end-", "forecast", "view",
        "call", "base", "bear", "bull", "case", "outlook", "estimate", "objective", "is",
        # a level in the currency the asset is quoted in: "55,000 yen" for the Nikkei
        "yen", "pts", "us",  # "5,000 US dollars"
        # "HSBC and Barclays see EUR/USD at 1.25 and 1.22 respectively": the list's last
        "respectively", "respective",
        # "to stay below 6,000 throughout 2027", "6,000 till June", "6,000 all year"
        "throughout", "till", "til", "all", "beyond", "past", "towards", "toward",
    )
)  # fmt: skip


@dataclass(frozen=True)
class Level:
    """A level that can be a call's, and the other end of its range if it has one."""

    match: LevelMatch
    range_with: LevelMatch | None = None

    @property
    def start(self) -> int:
        return self.match.span[0]

    @property
    def end(self) -> int:
        return self.match.span[1]


@dataclass(frozen=True)
class SentenceLevels:
    """What `call_levels` found in a sentence."""

    levels: list[Level]
    probability: float | None  # a stated probability ("a 60% chance")
    old_spans: list[tuple[int, int]]  # old levels: a starting point, an earlier target
    reported_spans: list[tuple[int, int]]  # a reported price and the words that report it


def call_levels(
    level_text: str,
    work: str,
    *,
    asset_starts: Collection[int],
    looks_ahead: Callable[[int], bool],
) -> SentenceLevels:
    """The levels that can be calls, a stated probability, old levels and reported prices.

    Old levels are where a starting point or an earlier target was written
    ("up from $3,800 by end-2025"), so the deadline written with one is not
    taken for a call's. A reported price ("Platinum climbed to $2,446",
    "bitcoin is stuck around $90,000") is old too, and the words that report
    it ("climbed to", "holding around") name no call's direction.

    `level_text` is the sentence with dates, assets and past clauses blanked;
    `work` the same sentence unblanked (for the words around each number).
    `asset_starts` are where asset names begin (a level right before one,
    "$200K bitcoin", is a price). `looks_ahead(position)` says whether the
    clause at a position has a future marker, which lets "trading at" name a
    level ahead rather than the price now.
    """
    probability = None
    stated = _STATED_PROBABILITY.search(level_text)
    if stated:
        value = float(stated["p"] or stated["p2"])
        if 0 <= value <= 100:
            probability = value / 100
    matches, _ = find_levels(level_text)
    kept = []
    old = False
    old_aside = None
    old_spans: list[tuple[int, int]] = []
    reported_spans: list[tuple[int, int]] = []
    for index, match in enumerate(matches):
        # "from $27 and $29": a level listed with an old or current one is old too.
        # (dates are blanked in level_text: "$3,800 by end-2025 and $3,900" is a list too)
        between = level_text[matches[index - 1].span[1] : match.span[0]] if index else ""
        listed = index > 0 and _LIST_JOINT.fullmatch(between)
        if old and listed and old_aside and _ASIDE_CLOSED.fullmatch(between):
            # "$68.25 in 2026, up from $44.50, and $57 in 2027": the comma closes the aside
            listed = False
        if old and listed:
            old_aside = None  # "up from $27, $28, and $29": the aside is a list, all old
            old_spans.append(match.span)
            continue
        reported_from = _reported_from(match, work, looks_ahead)
        if reported_from is not None:
            reported_spans.append((reported_from, match.span[1]))
        old = _is_not_the_level(match, work) or reported_from is not None
        old_aside = old and _OLD_ASIDE_BEFORE.search(
            work[max(0, match.span[0] - 40) : match.span[0]]
        )
        if old:
            old_spans.append(match.span)
        if not old and _is_call_level(match, work, asset_starts, looks_ahead):
            kept.append(match)
    if any(m.price is not None for m in kept):
        kept = [
            m
            for m in kept
            if m.price is not None or not _COMMENTARY_PERCENT.match(work[m.span[1] :])
        ]
        kept = [
            m
            for index, m in enumerate(kept)
            if m.price is not None
            or index == 0
            or kept[index - 1].price is None
            or not _CHANGE_OF_THE_PRICE.match(work[kept[index - 1].span[1] : m.span[0]])
        ]
        # "decline 8% to the 95 level": the level the move ends at is the call, the
        # percent only describes the way there
        kept = [
            m
            for index, m in enumerate(kept)
            if m.price is not None
            or index + 1 >= len(kept)
            or kept[index + 1].price is None
            or not _MOVE_TO.fullmatch(work[m.span[1] : kept[index + 1].span[0]])
        ]
    kept = _without_halves_of_dropped_ranges(kept, matches, work)
    kept = _without_asides(kept, work)
    partners: dict[int, LevelMatch] = {}
    for index in range(len(kept) - 1):
        if is_range(work, kept[index], kept[index + 1]):
            partners[index], partners[index + 1] = kept[index + 1], kept[index]
    levels = [Level(match, partners.get(index)) for index, match in enumerate(kept)]
    return SentenceLevels(levels, probability, old_spans, reported_spans)


def _without_halves_of_dropped_ranges(
    kept: list[LevelMatch], matches: list[LevelMatch], work: str
) -> list[LevelMatch]:
    """ "with gold trading near $4,300-$4,500": a range is one thing; if its first end is
    the price of the day (or not a level), so is the other, which is never a call alone."""
    dropped: set[int] = set()
    for first, second in pairwise(matches):
        if not is_range(work, first, second):
            continue
        inside = [m in kept for m in (first, second)]
        if any(inside) and not all(inside):
            dropped.update(id(m) for m in (first, second))
    return [m for m in kept if id(m) not in dropped]


def _without_asides(kept: list[LevelMatch], work: str) -> list[LevelMatch]:
    """ "~$5,055 average by Q4 2026 (up to $5,300)": a level in brackets is an aside when
    a level outside them is the call."""
    asides = [m.span() for m in _BRACKETS.finditer(work)]
    kept = _bracketed_ends_of_moves(kept, work)
    ends = {
        id(m)
        for m in kept
        if m.price is not None
        and _END_OF_MOVE_IN_BRACKETS.search(work[max(0, m.span[0] - 20) : m.span[0]])
    }

    def aside(match: LevelMatch) -> bool:
        if id(match) in ends:
            return False
        return any(start < match.span[0] < end for start, end in asides)

    if all(aside(m) for m in kept):
        return kept
    return [m for m in kept if not aside(m)]


# "the euro losing 7% against the dollar over the next year (to 1.20)": the bracket gives
# the price the move ends at, which is the call (as "decline 8% to the 95 level" is).
_END_OF_MOVE_IN_BRACKETS = re.compile(
    r"\((?:to|toward|towards)\s+(?:about\s+|around\s+|roughly\s+)?(?:US)?\$?\s*$", re.I
)


def _bracketed_ends_of_moves(kept: list[LevelMatch], work: str) -> list[LevelMatch]:
    """Without each percent whose move the next level, in brackets after "(to", ends at."""
    dropped = set()
    for percent, price in pairwise(kept):
        if percent.relative is None or percent.relative.kind is not RelativeKind.PERCENT:
            continue
        between = work[percent.span[1] : price.span[0]]
        if (
            price.price is not None
            and len(between) <= 70
            and _END_OF_MOVE_IN_BRACKETS.search(between)
        ):
            dropped.add(id(percent))
    return [m for m in kept if id(m) not in dropped]


def _reported_from(match: LevelMatch, work: str, looks_ahead: Callable[[int], bool]) -> int | None:
    """Where the words begin that report this price as the market's (None: they do not).

    A move that has happened ("slid to $1,310") reports it whatever else the clause says;
    a present state ("is stuck around") only when the clause does not look ahead ("will be
    holding around $5,000 next year" is a call).
    """
    start = match.span[0]
    offset = max(0, start - 80)
    before = work[offset:start]
    reported = _REPORTED_PRICE_BEFORE.search(before)
    if reported is None and not looks_ahead(start):
        reported = _PRESENT_STATE_BEFORE.search(before)
    return None if reported is None else offset + reported.start()


def _is_not_the_level(match: LevelMatch, work: str) -> bool:
    """A starting point, an old target, a record: the words before it say so.

    "by" before a level is the step of a change ("raised its target by $200"), except a
    percent the price itself moves by: "silver to fall by 20% by the end of 2026".
    """
    start = match.span[0]
    before = work[max(0, start - 80) : start]
    if match.relative is not None and _PRICE_MOVES_BY.search(before):
        return False
    if _PERCENT_MEASURED_FROM.search(before) and not _YEAR_LIKE.match(match.text):
        return True  # (a year there is a comparison with that year: "19% below 2025")
    return bool(_NOT_THE_LEVEL_BEFORE.search(before))


def _is_call_level(
    match: LevelMatch,
    work: str,
    asset_starts: Collection[int],
    looks_ahead: Callable[[int], bool],
) -> bool:
    start, end = match.span
    after = work[end : end + 60]
    before = work[max(0, start - 60) : start]
    if any(pattern.match(after) for pattern in _NOT_A_PRICE_AFTER):
        return False
    if unit_left_out(match, work) or counted_quantity(match, work) or amount_of_change(match, work):
        return False
    if company_figure(match, work):
        return False  # "EPS of $US356": what the index earns, not where it goes
    if _PRESENT_STATE_BEFORE.search(before) and not looks_ahead(start):
        return False
    written = match.text.replace(" ", "")
    if match.price is not None and _PAIRED_WITH_DECIMAL.search(before + "\0" + after):
        return True  # "cut its forecast from 1.05 to 1": the other end says it is a price
    if match.price is not None:
        if _AMOUNT_OF_CHANGE_BEFORE.search(before):
            return False
        year_like_level = bool(
            _YEAR_LIKE_LEVEL_BEFORE.search(before) or _YEAR_LIKE_LEVEL_AFTER.match(after)
        ) and not (_A_YEAR_COMPARED.search(before) or _A_YEAR_COMPARED_AFTER.match(after))
        return _is_price(match.price, written, after, end, asset_starts, year_like_level)
    if match.relative is None:  # pragma: no cover - a LevelMatch is a price or a relative
        return False
    if match.relative.kind is RelativeKind.MULTIPLE:
        if multiple_of_a_quantity(match, work) or multiplies_another_quantity(after):
            return False
        if _NAME_AFTER_A_MULTIPLE.match(after) or _POST_BEFORE_A_MULTIPLE.search(before):
            return False
        # "double-digit", "double down", "the halving": not a multiple of the price
        return not re.match(r"^(?:-|\s+(?:down|digit))", after, re.IGNORECASE) and not re.search(
            r"\bthe\s+$", before, re.IGNORECASE
        )
    if _RATE_AFTER_PERCENT.match(after):
        return False  # "rise about 30% a year for 20 years": a rate, not a level to reach
    if (
        moves_another_quantity(before)
        or move_already_made(after)
        or far_end_of_a_band(before, match.sign)
        or points_back_to_a_level(work[:start])
    ):
        # profit's rise, a move made "over 24 hours", "5.25%-5.50%", "That points to 18%"
        return False
    if match.sign:
        return True
    # An unsigned percent is a call only next to a move: "rise 20%", "a 20% rally".
    return bool(_MOVE_BEFORE_PERCENT.search(before) or _MOVE_AFTER_PERCENT.match(after))


def _is_price(
    price: float,
    written: str,
    after: str,
    end: int,
    asset_starts: Collection[int],
    year_like_level: bool = False,
) -> bool:
    has_currency = re.search(r"[$a-z]", written, re.IGNORECASE) is not None
    if price >= 1e9 or price <= 0:
        return False  # market caps and flows, not prices
    if not has_currency and _YEAR_LIKE.match(written) and not year_like_level:
        return False  # a year the date reader did not take ("2026 outlook")
    if not has_currency and "." not in written and "," not in written and price < 10:
        return False  # "3 rate cuts", "two-day"
    if any(0 < start - end <= 2 for start in asset_starts):
        # "$200K bitcoin" is a price; "500 bitcoin" a quantity.
        return "$" in written or not _QUANTITY_OF_ASSET_AFTER.match(after)
    if has_currency:
        return True  # "$70 all year": a sign or a scale makes it a price whatever follows
    # A plain number is a price only before words that go with prices ("7,000 by June").
    word = re.match(r"^-?\s*([a-z][a-z-]*)", after, re.IGNORECASE)
    return word is None or word[1].lower() in WORDS_AFTER_A_PRICE


def prices_now(level_text: str, work: str, looks_ahead: Callable[[int], bool]) -> list[LevelMatch]:
    """The prices the sentence states as the price of the day ("was bid just above $1,425").

    `level_text` is the sentence with dates and assets blanked, past clauses
    kept: "Gold traded at $4,050 on Friday" states the price as well as a
    present tense does. A clause that looks ahead ("will be trading at") states none.
    """
    matches, _ = find_levels(level_text)

    def before(match: LevelMatch) -> str:
        # "dipped under US$ 60": a sign the number was read without is no word before it
        return _SIGN_AT_END.sub("", work[max(0, match.span[0] - 60) : match.span[0]])

    # "the current spot rate of about 1.3450", "Wednesday's close of 6642.16" state the price
    # of the day even in a clause that looks ahead ("the median slips below ... by March")
    return [
        match
        for match in matches
        if match.price is not None
        and (
            _CLOSE_OF_THE_DAY_BEFORE.search(before(match))
            or (
                # "at 140 by end-2026, from around 155 now", "compared with $4,050 today"
                _COMPARED_BEFORE.search(before(match))
                and _NOW_AFTER.match(work, match.span[1])
                # not a quantity: "to top their record, against about 820 million now"
                and not _SCALE_WORD.search(match.text)
            )
            or (
                _PRICE_NOW_BEFORE.search(before(match))
                and not looks_ahead(match.span[0])
                and not _DATED_HISTORY.search(_clause_around(work, match))
            )
        )
    ]


_SIGN_AT_END = re.compile(r"(?:US|U\.S\.|A|C)?\$\s+$")
# A price set beside the call as where the market is: "from around 155 now", "compared with
# $4,050 currently", "versus 1.16 today".
_COMPARED_BEFORE = re.compile(
    r"\b(?:from|compared\s+(?:with|to)|versus|vs\.?|against)\s+(?:about\s+|around\s+|roughly\s+"
    r"|nearly\s+|some\s+|just\s+(?:over|under|above|below)\s+)?$",
    re.IGNORECASE,
)
_SCALE_WORD = re.compile(r"\d\s*(?:million|billion|trillion|mn|bn|tn|m|b)\b", re.IGNORECASE)
_NOW_AFTER = re.compile(
    r"\s*(?:(?:US\s+)?dollars?|usd|points|pts|yen)?(?:\s+(?:an?|per)\s+(?:ounce|oz|barrel|bbl))?"
    r",?\s+(?:right\s+)?(?:now|currently|today|at\s+present|at\s+the\s+moment)\b",
    re.IGNORECASE,
)


# "rose to $2,000 in 2020", "hit $100 in January", "closed the year at 4,314": a move the
# article dates to a year, a month or a year's end is history, not the price of the day.
_DATED_HISTORY = re.compile(
    r"\b(?:(?:19|20)\d\d|january|february|march|april|june|july|august|september|october"
    r"|november|december|the\s+year|last\s+(?:year|month|quarter)|ago)\b",
    re.IGNORECASE,
)


def _clause_around(work: str, match: LevelMatch) -> str:
    """The words of the clause a price stands in: back to and on to a comma or stop."""
    start = max(work.rfind(mark, 0, match.span[0]) for mark in ",;.:(")
    ends = [i for i in (work.find(mark, match.span[1]) for mark in ",;:)") if i >= 0]
    stop = re.search(r"\.(?!\d)", work[match.span[1] :])
    if stop:
        ends.append(match.span[1] + stop.start())
    return work[start + 1 : min(ends, default=len(work))]


# "Lee projected $10,000 to $12,000 by year-end", "I expect 1,200 to 1,400 dollars an ounce":
# two levels joined by "to" straight after a verb of forecasting are a band (a move "from
# $2,000 to $2,500" has its "from"; "raised its target $100 to $2,500" no forecasting verb).
_BAND_AFTER_A_FORECAST_VERB = re.compile(
    r"\b(?:expects?|expected|expecting|sees?|seeing|projects?|projected|projecting|predicts?"
    r"|predicted|predicting|forecasts?|forecasting|anticipates?|anticipated|looks?\s+for"
    r"|looking\s+for|calls?\s+for|calling\s+for|eyes|eyeing|pencils?\s+in|pencilled\s+in)"
    r"\s+(?:(?:about|around|roughly|somewhere|anywhere)\s+)?$",
    re.IGNORECASE,
)


def is_range(work: str, first: LevelMatch, second: LevelMatch) -> bool:
    """Whether two levels are the ends of one range: "between $4,500 and $5,000", "4,500-5,000"."""
    between = work[first.span[1] : second.span[0]]
    before = work[max(0, first.span[0] - 12) : first.span[0]]
    if re.fullmatch(r"\s*-\s*", between):
        return True
    # "a $60 to $70 range", "a 4,000-4,500 band": the noun after the pair says it
    if re.fullmatch(r"\s*(?:to|and)\s*", between) and _BAND_NOUN_AFTER.match(work, second.span[1]):
        return True
    if re.fullmatch(r"\s*to\s*", between) and _BAND_AFTER_A_FORECAST_VERB.search(
        work[max(0, first.span[0] - 40) : first.span[0]]
    ):
        return True
    return bool(
        re.fullmatch(r"\s*(?:and|to)\s*", between)
        and re.search(r"\bbetween\s+$|\brange\s+(?:of\s+)?$", before, re.IGNORECASE)
    )
