"""Which way a call points: the family (touch, close, hold, average) and the side.

The direction of a call is read from the words just before its level, the
verb nearest the level winning ("will remain supported and could reach
$5,000" is a touch, not a hold). Phrases are looked for in this order, each
blanked once read so nothing is read twice: year-end closes ("end 2026 at
7,500"), negated verbs from the claim language ("never falls below" is a
floor), the verbs articles use (patterns/direction_phrases.py), then the claim language's own
vocabulary for everything else (side words like "above", "below").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ledger.claims import vocabulary
from ledger.claims.dates import DatePhrase
from ledger.claims.vocabulary import ABOVE, AVERAGE, BELOW, CLOSE, HOLD, TOUCH
from ledger.extract.patterns import direction_phrases, forecast_cues
from ledger.extract.textops import any_of, blank, phrase_regex
from ledger.extract.verb_forms import inflected_forms

_NEGATED = any_of(forecast_cues.NEGATED_CUES)
_NOT_A_NEGATION = any_of(forecast_cues.NOT_A_NEGATION)
_DIRECTION_TABLES: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (direction_phrases.TOUCH_ABOVE_PHRASES, TOUCH, ABOVE),
    (direction_phrases.TOUCH_BELOW_PHRASES, TOUCH, BELOW),
    (direction_phrases.HOLD_ABOVE_PHRASES, HOLD, ABOVE),
    (direction_phrases.HOLD_BELOW_PHRASES, HOLD, BELOW),
    (direction_phrases.AVERAGE_ABOVE_PHRASES, AVERAGE, ABOVE),
    (direction_phrases.AVERAGE_BELOW_PHRASES, AVERAGE, BELOW),
)
_DIRECTION_BY_PHRASE: dict[str, tuple[str, str]] = {
    phrase: (family, side) for table, family, side in _DIRECTION_TABLES for phrase in table
}
# "sinking to" where the table has "sink to": every form of a table's verbs reads as it does
for _form, _phrase in inflected_forms(_DIRECTION_BY_PHRASE).items():
    _DIRECTION_BY_PHRASE.setdefault(_form, _DIRECTION_BY_PHRASE[_phrase])
_DIRECTION_RE = re.compile(phrase_regex(_DIRECTION_BY_PHRASE), re.IGNORECASE)
_CLOSE_ABOVE_RE = any_of(direction_phrases.CLOSE_PATTERNS)
_CLOSE_BELOW_RE = any_of(direction_phrases.CLOSE_BELOW_PATTERNS)
_CLOSE_SIDELESS_RE = any_of(direction_phrases.CLOSE_SIDELESS_PATTERNS)
_SIDELESS_HOLD = frozenset(direction_phrases.SIDELESS_HOLD_WORDS)
_TAIL_SIDE = re.compile(
    r"^\s*(?:or|and)\s+(?P<word>higher|lower|above|below|more|less|beyond|over|under)\b",
    re.IGNORECASE,
)
# "the index's record close of 6,900" names a past level, not a close to call.
_PAST_CLOSE = re.compile(
    r"\b(?:record|all-time|previous|prior|last|fresh|lifetime)\s+(?:close|closing\s+high)\b",
    re.IGNORECASE,
)
# "see the DAX close to 12,100 points": "close to" before a number is "near", not a close.
_NEAR_A_NUMBER = re.compile(
    r"\bclose\s+to(?=\s+(?:about\s+|around\s+)?(?:US)?\$?\s?\d)", re.IGNORECASE
)
# "keeps $30,000 for 2029", "We keep a year-end forecast of 145": the firm keeps its call;
# the verb says nothing of the price holding. (A price that "keeps above $4,000" still holds.)
_KEEPS_A_CALL = re.compile(
    r"\b(?:keeps?|kept|keeping|maintains?|maintained|maintaining)\s+(?=(?:(?:its|their|our|a|an"
    r"|the|his|her)\s+)?(?:[\w-]+\s+){0,3}?(?:forecasts?|targets?|projections?|estimates?|views?"
    r"|calls?|paths?|outlook)\b|(?:US)?\$?\s?\d)",
    re.IGNORECASE,
)
# "$56 in 2026, 19% below 2025, and $54 in 2027": a comparison, not the side of a call.
_COMPARISON = re.compile(
    r"\b\d+(?:\.\d+)?\s*(?:%|percent|per\s+cent)\s+(?:below|above|under|over|higher\s+than"
    r"|lower\s+than)\s+(?:(?:19|20)\d\d|current|today's|last|the|its|spot|where)\b",
    re.IGNORECASE,
)
# "LBBW set its forecast a little lower, at 16,500": one house's forecast beside another's,
# not the side of the price
_FORECAST_COMPARED = re.compile(
    r"\b(?:forecasts?|targets?|estimates?|projections?)\s+(?:(?:a|little|bit|touch|slightly"
    r"|somewhat|much|far|even|still)\s+){0,3}(?:lower|higher)\b(?!\s+than\b)",
    re.IGNORECASE,
)
_NEGATION_WORDS = frozenset(vocabulary.NEGATIONS) | {"won't", "doesn't", "don't"}


@dataclass(frozen=True)
class Term:
    """A direction word: its family (touch, close, hold, average) and side, if it names them."""

    span: tuple[int, int]
    text: str
    family: str | None
    side: str | None
    default_side: str | None = None
    negation: bool = False


@dataclass(frozen=True)
class Direction:
    """What a call's words say: its family and side, the verb that said so, and any reading."""

    family: str
    side: str
    verb: str | None
    note: str | None
    # False when no word said the side and it was read as the family's default ("reach")
    stated_side: bool = True


def find_terms(
    present: str, blanked: Iterable[tuple[int, int]], phrases: Iterable[DatePhrase]
) -> list[Term]:
    """Direction words: close patterns, negated holds, article verbs, then the vocabulary."""
    base = blank(present, blanked)
    base = blank(base, [m.span() for m in _PAST_CLOSE.finditer(base)])
    # (read in the sentence as written: the number may be blanked in `base` already)
    base = blank(base, [m.span() for m in _NEAR_A_NUMBER.finditer(present)])
    base = blank(base, [m.span() for m in _KEEPS_A_CALL.finditer(present)])
    base = blank(base, [m.span() for m in _COMPARISON.finditer(base)])
    base = blank(base, [m.span() for m in _FORECAST_COMPARED.finditer(base)])
    terms: list[Term] = []
    for pattern, side in (
        (_CLOSE_BELOW_RE, BELOW),
        (_CLOSE_ABOVE_RE, ABOVE),
        (_CLOSE_SIDELESS_RE, None),
    ):
        for match in pattern.finditer(base):
            # a sideless close ("end the year around $2,600") is above only by default
            default_side = ABOVE if side is None else None
            terms.append(Term(match.span(), match[0], CLOSE, side, default_side))
            base = blank(base, [match.span()])
    base = blank(base, [p.span for p in phrases])
    base = blank(base, [m.span() for m in _NOT_A_NEGATION.finditer(base)])
    # Negated verbs first ("never falls below" is a floor), from the claim language.
    found, _ = vocabulary.find_terms(base)
    for match in found:
        words = match.text.lower().split()
        if len(words) > 1 and words[0] in _NEGATION_WORDS and match.term.family:
            terms.append(Term(match.span, match.text, match.term.family, match.term.side))
            base = blank(base, [match.span])
    for match in _DIRECTION_RE.finditer(base):
        phrase = " ".join(match[0].lower().split())
        family, side = _DIRECTION_BY_PHRASE[phrase]
        if phrase in _SIDELESS_HOLD:
            terms.append(Term(match.span(), match[0], family, None, default_side=ABOVE))
        else:
            terms.append(Term(match.span(), match[0], family, side))
        base = blank(base, [match.span()])
    found, _ = vocabulary.find_terms(base)
    for match in found:
        term = match.term
        terms.append(
            Term(match.span, match.text, term.family, term.side, term.default_side, term.negation)
        )
    terms.sort(key=lambda t: t.span[0])
    return terms


def read_direction(terms: Iterable[Term], window: tuple[int, int], tail: str) -> Direction | None:
    """The family and side nearest before the level; None when the window names neither."""
    inside = [t for t in terms if window[0] <= t.span[0] < window[1] and not t.negation]
    family_term = next((t for t in reversed(inside) if t.family), None)
    side_term = next((t for t in reversed(inside) if t.side), None)
    side = side_term.side if side_term else None
    tail_side = _TAIL_SIDE.match(tail)
    if tail_side:
        side = BELOW if tail_side["word"].lower() in ("lower", "below", "less", "under") else ABOVE
    if family_term is None and side is None:
        return None
    family = family_term.family if family_term and family_term.family else TOUCH
    note = None
    stated = side is not None
    if side is None:
        side = ABOVE
        if family_term is None or family_term.default_side is None:
            note = f"'{family_term.text if family_term else ''}' names no side: read as above"
    verb = family_term.text if family_term else side_term.text if side_term else None
    return Direction(family, side, verb, note, stated_side=stated)


def is_negated(present: str, terms: Iterable[Term], window: tuple[int, int]) -> bool:
    """Whether the speaker says the call will not happen ("does not expect gold to reach")."""
    text = blank(present, [(0, window[0])])[: window[1]]
    text = blank(text, [m.span() for m in _NOT_A_NEGATION.finditer(text)])
    if _NEGATED.search(text):
        return True
    # A lone "not"/"never" counts only right before the verb ("will not reach").
    verbs = [t for t in terms if window[0] <= t.span[0] < window[1] and t.family]
    if not verbs:
        return False
    before_verb = text[: verbs[-1].span[0]].lower().split()[-2:]
    return any(word in _NEGATION_WORDS for word in before_verb)
