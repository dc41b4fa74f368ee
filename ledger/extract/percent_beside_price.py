"""A percent the article writes beside a price target is that target told again.

Writers put the move a target implies right next to it: "Mid-year DAX target 15,000,
upside +8%", "gold will likely touch $3,300 by the end of 2025, another 10% or so this
year", "US$ 150,000 this month, a rise of more than 53% from the current price", "the
euro losing 7% over the next year (to 1.20)". Elsewhere (a headline, a summary line, the
sentence after) the same percent comes back alone: "PlanB expects bitcoin to rise 53%
still in December 2024", "we expect just under +8% upside to mid-year", "gold is only
expected to rise 10%". Read alone, each of those was proposed as a call of its own.

Measured at unseen contact (issue 11, session 15): this was the one kind of spurious
percent that recurs across the retired frozen files (corpus_test7, _test8, _test10), and
no earlier rule caught it, as `merge._percents_to_prices` looks for "N% to $X" only
within a call's own sentence, and `percent_restated` needs a start price to do the
arithmetic with, which these articles do not give.

The rule: a percent call (a rise or fall, no price) is dropped when the article pairs the
same percent with a price (one right after the other in a sentence, nothing but words
between) and a price call of the same asset at that price is proposed, for the same
deadline month give or take one, or read from the very sentence the pair stands in (where
"upside +15%" after "Year-end DAX target 16,000" may have picked up the wrong period from
the text that follows). The price call is kept: the ledger checks it as written, while a
percent is read from the price of the day of recording. A percent the article never ties
to a price ("can rally another 12% next year ... year-end target 7,400") stays a call.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from ledger.claims.model import RelativeKind
from ledger.claims.numbers import LevelMatch, find_levels
from ledger.extract.candidate import Candidate

# Words between a price and the percent beside it: no other number, no sentence break.
_MAX_GAP = 70
_SENTENCE_BREAK = re.compile(r"[.!?](?:\s|$)|\n\s*\n|;")
# A percent followed by the price its move ends at: "losing 7% ... (to 1.20)", "14% to $4,900".
# ("at" is no such word: "gain a further 20% in 2026 and set its target at $60" is two calls.)
_TO_THE_PRICE = re.compile(r"(?:\(|\b)(?:to|toward|towards)\s+(?:about\s+|around\s+)?$", re.I)
# A plain four-digit number that is a year, not a price ("by the end of 2025, another 10%").
_YEAR = re.compile(r"^(?:19|20)\d\d$")
# How close two written percents, and two prices, must be to be the same figure.
_PERCENT_TOLERANCE = 0.5
_PRICE_TOLERANCE = 0.005


@dataclass(frozen=True)
class PricedPercent:
    """A percent written beside a price, and the sentence they stand in."""

    price: float
    percent: float
    sentence: str


def priced_percents(text: str) -> list[PricedPercent]:
    """Every (price, percent) pair the text writes side by side, in either order."""
    pairs: list[PricedPercent] = []
    for sentence in _sentences(text):
        levels = [m for m in find_levels(sentence)[0] if not _is_year(m)]
        for first, second in pairwise(levels):
            between = sentence[first.span[1] : second.span[0]]
            if len(between) > _MAX_GAP or _SENTENCE_BREAK.search(between):
                continue
            price, percent = _price_and_percent(first, second, between)
            if price is not None and percent is not None:
                pairs.append(PricedPercent(price, percent, sentence))
    return pairs


def without_percents_beside_prices(candidates: list[Candidate], text: str) -> list[Candidate]:
    """The candidates less each percent call that restates a price call the article pairs
    it with (see the module docstring)."""
    percents = [c for c in candidates if _percent_of(c) is not None]
    if not percents:
        return candidates
    pairs = priced_percents(text)
    if not pairs:
        return candidates
    prices = [c for c in candidates if c.claim is not None and c.claim.level is not None]
    return [c for c in candidates if not _restates(c, pairs, prices)]


def _restates(candidate: Candidate, pairs: list[PricedPercent], prices: list[Candidate]) -> bool:
    percent = _percent_of(candidate)
    if percent is None:
        return False
    for pair in pairs:
        if abs(pair.percent - percent) > _PERCENT_TOLERANCE:
            continue
        own_sentence = _same_sentence(candidate.sentence, pair.sentence)
        for target in prices:
            level = target.claim.level if target.claim is not None else None
            if level is None or target.symbol != candidate.symbol:
                continue
            if abs(float(level) - pair.price) > _PRICE_TOLERANCE * pair.price:
                continue
            if candidate.speaker and target.speaker and candidate.speaker != target.speaker:
                continue
            if own_sentence or _near(candidate.deadline, target.deadline):
                return True
    return False


def _percent_of(candidate: Candidate) -> float | None:
    """The size of a percent call's move (no sign), None for any other candidate."""
    claim = candidate.claim
    if claim is None or claim.relative is None or claim.level is not None:
        return None
    if claim.relative.kind is not RelativeKind.PERCENT:
        return None
    return abs(float(claim.relative.value))


def _price_and_percent(
    first: LevelMatch, second: LevelMatch, between: str
) -> tuple[float | None, float | None]:
    if first.price is not None and _is_percent(second):
        return first.price, abs(float(second.relative.value))  # type: ignore[union-attr]
    if _is_percent(first) and second.price is not None and _TO_THE_PRICE.search(between):
        return second.price, abs(float(first.relative.value))  # type: ignore[union-attr]
    return None, None


def _is_percent(match: LevelMatch) -> bool:
    return match.relative is not None and match.relative.kind is RelativeKind.PERCENT


def _is_year(match: LevelMatch) -> bool:
    return match.price is not None and bool(_YEAR.match(match.text.strip()))


def _sentences(text: str) -> list[str]:
    # Headings without a stop run on into the next line; the gap limit keeps them apart.
    return [part for part in re.split(r"(?<=[.!?])\s+|\n\s*\n", text) if part.strip()]


def _same_sentence(candidate_sentence: str, pair_sentence: str) -> bool:
    one, other = " ".join(candidate_sentence.split()), " ".join(pair_sentence.split())
    return bool(one) and bool(other) and (one in other or other in one)


def _near(one: date | None, other: date | None) -> bool:
    if one is None or other is None:
        return False
    return abs((one.year * 12 + one.month) - (other.year * 12 + other.month)) <= 1
