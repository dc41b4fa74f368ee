"""Levels the market sets itself: the words that name them, read into a LevelRule.

    BTC holds support                       support: the most recent swing low
    gold breaks resistance by March         resistance: the most recent swing high
    SPX holds its 200-day average           sma(200): the mean of the last 200 closes
    gold makes a new all-time high by June  record-high(high): the highest high to made_on
    S&P 500 closes at a record in 2026      record-high(close): the highest close
    BTC revisits its 2025 high              record-high(high,2025-01-01..2025-12-31)
    silver back above its 2011 peak         the highest high of 2011

The parser reads these phrases first, before dates and direction words,
because their words belong to the level: "2025" in "its 2025 high" is not a
deadline, and "average" in "200-day average" does not make an average claim.
The phrase is blanked out of the text like every other part.

What each phrase implies about the claim's side is kept with the match:
"breaks support" is a fall through it (below), "holds support" a floor
(above), "holds below resistance" a ceiling, and a record high is reached
from below. Direction words the user wrote always win over these defaults.

The computation itself (bars -> level) is in `ledger.rules.levels`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ledger.claims.model import LevelRule, LevelRuleName
from ledger.errors import ClaimError

# The stated rules, with the parameters a chartist would recognise: a swing
# point is a fractal of 3 bars each side, looked for over the last 60 bars
# (about three months of trading days); moving averages take their length
# from the words ("200-day"), between these bounds.
SWING_LOOKBACK = 60
SWING_PIVOT = 3
MIN_MA_LENGTH = 2
MAX_MA_LENGTH = 500
MAX_SWING_LOOKBACK = 1000

# A claim on a computed level without a deadline gets one: a support,
# resistance or moving-average call is about the next few months, a record
# about the next year. Shown as an "assuming" line.
DEFAULT_HORIZON_DAYS = {
    LevelRuleName.SUPPORT: 90,
    LevelRuleName.RESISTANCE: 90,
    LevelRuleName.MOVING_AVERAGE: 90,
    LevelRuleName.RECORD_HIGH: 365,
    LevelRuleName.RECORD_LOW: 365,
}

ABOVE, BELOW = "above", "below"
TOUCH, HOLD = "touch", "hold"


@dataclass(frozen=True)
class RuleMatch:
    """A level-rule phrase found in a claim.

    `rule` has no `field` yet for records: the claim's family decides it
    (a close claim compares closes). `side`/`family` are what the phrase
    itself says ("breaks support": touch below), `year` the named period.
    """

    rule: LevelRule
    text: str
    span: tuple[int, int]
    side: str | None = None
    family: str | None = None
    year: int | None = None

    def default_side(self, family: str) -> str:
        """The side a claim on this level has when no word names one."""
        name = self.rule.name
        if name is LevelRuleName.SUPPORT:
            return ABOVE if family != TOUCH else BELOW
        if name is LevelRuleName.RESISTANCE:
            return BELOW if family != TOUCH else ABOVE
        if name is LevelRuleName.RECORD_LOW:
            return BELOW
        return ABOVE


_ADJECTIVES = r"(?:(?:critical|key|major|important|strong|crucial|nearest|first|next|main|near-term|short-term|technical)\s+)*"  # noqa: E501
_ARTICLE = r"(?:(?:the|its|a|his|her|their)\s+)?"
_LEVEL_WORD = r"(?:\s+(?:level|line|zone|area|floor|ceiling))?"

_CANONICAL_SWING = re.compile(
    r"(?<![\w-])(?P<name>support|resistance)\((?P<lookback>\d{1,4})d,pivot(?P<pivot>\d{1,2})\)",
    re.IGNORECASE,
)
_CANONICAL_SMA = re.compile(r"(?<![\w-])sma\((?P<length>\d{1,4})\)", re.IGNORECASE)
_CANONICAL_RECORD = re.compile(
    r"(?<![\w-])(?P<name>record-high|record-low)\((?P<field>high|low|close)"
    r"(?:,(?P<start>\d{4}-\d{2}-\d{2})\.\.(?P<end>\d{4}-\d{2}-\d{2}))?\)",
    re.IGNORECASE,
)
_BREAKS_SUPPORT = re.compile(
    rf"(?<![\w])(?:breaks|break|breaking|broke|cracks|crack|cracking)\s+(?:(?:below|through)\s+)?"
    rf"{_ARTICLE}{_ADJECTIVES}support{_LEVEL_WORD}(?![\w])",
    re.IGNORECASE,
)
_SWING = re.compile(
    rf"(?<![\w]){_ARTICLE}{_ADJECTIVES}(?P<name>support|resistance){_LEVEL_WORD}(?![\w])",
    re.IGNORECASE,
)
_MOVING_AVERAGE = re.compile(
    rf"(?<![\w]){_ARTICLE}(?P<length>\d{{1,4}})[- ]?(?:day|d)\s+"
    r"(?:(?:simple|exponential)\s+)?(?:moving\s+average|average|avg|ma|sma|ema|line)(?![\w])"
    r"|(?<![\w])" + _ARTICLE + r"(?P<short>\d{1,4})[- ]?(?:dma|sma|ma|ema)(?![\w])",
    re.IGNORECASE,
)
_BARE_MOVING_AVERAGE = re.compile(r"(?<![\w])moving\s+average(?![\w])", re.IGNORECASE)
_PERIOD_RECORD = re.compile(
    rf"(?<![\w]){_ARTICLE}(?P<year>(?:19|20)\d{{2}})\s+"
    r"(?P<word>highs?|peaks?|tops?|record|lows?|bottoms?|troughs?)(?![\w])"
    rf"|(?<![\w]){_ARTICLE}(?P<word2>high|peak|top|low|bottom|trough)\s+of\s+(?P<year2>(?:19|20)\d{{2}})(?![\w])",
    re.IGNORECASE,
)
_RECORD = re.compile(
    r"(?<![\w])(?:(?:a|its|an|the)\s+)?(?:new\s+)?"
    r"(?:(?:all[- ]?time|record)\s+(?P<word>highs?|lows?|closes?|close\s+high)"
    r"|(?P<abbr>ath|atl|aths)"
    r"|new\s+(?P<new>highs?|lows?)"
    r"|record(?P<bare>))(?![\w-])",
    re.IGNORECASE,
)
_LOW_WORDS = ("low", "lows", "bottom", "bottoms", "trough", "troughs", "atl")


def _span_text(match: re.Match[str]) -> str:
    return " ".join(match[0].split())


def find_level_rule(text: str, made_on: date) -> tuple[RuleMatch | None, str]:
    """The level-rule phrase in `text` (at most one), and the text with it blanked out.

    Raises ClaimError for two different computed levels, a moving average
    without a length, a length out of bounds, or a period not begun by made_on.
    """
    found: list[RuleMatch] = []
    rest = text
    for pattern, reader in _READERS:
        for match in list(pattern.finditer(rest)):
            found.append(reader(match, made_on))
            start, end = match.span()
            rest = rest[:start] + " " * (end - start) + rest[end:]
    if not found:
        if _BARE_MOVING_AVERAGE.search(rest):
            raise ClaimError(
                "'moving average' needs its length: write '200-day moving average' or '50-DMA'"
            )
        return None, rest
    distinct = list({(m.rule, m.side, m.family): m for m in found}.values())
    if len({m.rule for m in distinct}) > 1:
        raise ClaimError(
            f"names two computed levels ('{distinct[0].text}' and '{distinct[1].text}');"
            " a claim has one"
        )
    found.sort(key=lambda m: m.span)
    first = found[0]
    side = next((m.side for m in found if m.side), None)
    family = next((m.family for m in found if m.family), None)
    return RuleMatch(first.rule, first.text, first.span, side, family, first.year), rest


def parse_rule_text(text: str, made_on: date) -> RuleMatch | None:
    """A canonical rule ("support(60d,pivot3)", "sma(200)") as a whole string, or None."""
    written = text.strip()
    for pattern, reader in _READERS[:3]:
        match = pattern.fullmatch(written)
        if match:
            return reader(match, made_on)
    return None


def with_field(rule: LevelRule, family: str) -> LevelRule:
    """A record's field: closes for a close claim, else highs (record high) or lows."""
    if rule.name not in (LevelRuleName.RECORD_HIGH, LevelRuleName.RECORD_LOW) or rule.field:
        return rule
    if family == "close":
        field = "close"
    else:
        field = "high" if rule.name is LevelRuleName.RECORD_HIGH else "low"
    return LevelRule(rule.name, field=field, start=rule.start, end=rule.end)


# ---------------------------------------------------------------- readers


def _canonical_swing(match: re.Match[str], made_on: date) -> RuleMatch:
    lookback, pivot = int(match["lookback"]), int(match["pivot"])
    if not (pivot >= 1 and 2 * pivot + 1 <= lookback <= MAX_SWING_LOOKBACK):
        raise ClaimError(
            f"'{match[0]}': a swing rule needs a pivot of 1 or more and a lookback from"
            f" {2 * max(pivot, 1) + 1} to {MAX_SWING_LOOKBACK} bars, like support(60d,pivot3)"
        )
    return RuleMatch(
        LevelRule(LevelRuleName(match["name"].lower()), lookback=lookback, pivot=pivot),
        match[0],
        match.span(),
    )


def _canonical_sma(match: re.Match[str], made_on: date) -> RuleMatch:
    return RuleMatch(_moving_average(int(match["length"]), match[0]), match[0], match.span())


def _canonical_record(match: re.Match[str], made_on: date) -> RuleMatch:
    name = LevelRuleName(match["name"].lower())
    start = end = None
    if match["start"]:
        try:
            start = date.fromisoformat(match["start"])
            end = date.fromisoformat(match["end"])
        except ValueError:
            raise ClaimError(f"'{match[0]}' has a date that does not exist") from None
        if start > end:
            raise ClaimError(f"'{match[0]}': the period starts after it ends")
        _check_period_begun(start, made_on, match[0])
    rule = LevelRule(name, field=match["field"].lower(), start=start, end=end)
    return RuleMatch(rule, match[0], match.span())


def _breaks_support(match: re.Match[str], made_on: date) -> RuleMatch:
    rule = LevelRule(LevelRuleName.SUPPORT, lookback=SWING_LOOKBACK, pivot=SWING_PIVOT)
    return RuleMatch(rule, _span_text(match), match.span(), side=BELOW, family=TOUCH)


def _swing(match: re.Match[str], made_on: date) -> RuleMatch:
    name = LevelRuleName(match["name"].lower())
    rule = LevelRule(name, lookback=SWING_LOOKBACK, pivot=SWING_PIVOT)
    return RuleMatch(rule, _span_text(match), match.span())


def _moving_average_phrase(match: re.Match[str], made_on: date) -> RuleMatch:
    length = int(match["length"] or match["short"])
    return RuleMatch(_moving_average(length, match[0]), _span_text(match), match.span())


def _moving_average(length: int, text: str) -> LevelRule:
    if not MIN_MA_LENGTH <= length <= MAX_MA_LENGTH:
        raise ClaimError(
            f"'{' '.join(text.split())}': a moving average is {MIN_MA_LENGTH} to"
            f" {MAX_MA_LENGTH} days long, like '200-day moving average'"
        )
    return LevelRule(LevelRuleName.MOVING_AVERAGE, length=length)


def _period_record(match: re.Match[str], made_on: date) -> RuleMatch:
    year = int(match["year"] or match["year2"])
    word = (match["word"] or match["word2"]).lower()
    name = LevelRuleName.RECORD_LOW if word in _LOW_WORDS else LevelRuleName.RECORD_HIGH
    start, end = date(year, 1, 1), date(year, 12, 31)
    _check_period_begun(start, made_on, _span_text(match))
    rule = LevelRule(name, start=start, end=end)
    return RuleMatch(rule, _span_text(match), match.span(), year=year)


def _record(match: re.Match[str], made_on: date) -> RuleMatch:
    word = (match["word"] or match["abbr"] or match["new"] or "").lower()
    name = LevelRuleName.RECORD_LOW if word in _LOW_WORDS else LevelRuleName.RECORD_HIGH
    family = "close" if word.startswith("close") else None
    return RuleMatch(LevelRule(name), _span_text(match), match.span(), family=family)


def _check_period_begun(start: date, made_on: date, text: str) -> None:
    if start > made_on:
        raise ClaimError(
            f"'{' '.join(text.split())}' is a period that had not begun on the call date"
            f" {made_on.isoformat()}: its extreme is not a level anyone knew"
        )


_READERS = (
    (_CANONICAL_SWING, _canonical_swing),
    (_CANONICAL_SMA, _canonical_sma),
    (_CANONICAL_RECORD, _canonical_record),
    (_BREAKS_SUPPORT, _breaks_support),
    (_SWING, _swing),
    (_MOVING_AVERAGE, _moving_average_phrase),
    (_PERIOD_RECORD, _period_record),
    (_RECORD, _record),
)
