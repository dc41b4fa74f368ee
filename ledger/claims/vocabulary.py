"""Direction words → what kind of claim is meant, kept as data a user can read.

A claim's kind has two halves: a family (touch, close, hold, average: what
the rule looks at) and a side (above or below the level). Words usually give
one half each: "closes" gives the family, "above" the side; "falls to" gives
both. The tables below are the whole vocabulary: to teach the parser a new
phrase, add it here.

Touch words are weak: "rises and holds above 4000" is a hold claim, so a
close, hold or average word always wins over a touch word. Two strong
families ("closes" and "averages") or two sides ("rises" and "below") in one
claim contradict each other and are an error, not a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ledger.claims.model import LEVEL_KINDS, ClaimKind
from ledger.errors import ClaimError

TOUCH, CLOSE, HOLD, AVERAGE = "touch", "close", "hold", "average"
ABOVE, BELOW = "above", "below"


@dataclass(frozen=True)
class Term:
    """One phrase and what it says about the claim's family and side.

    `default_side` applies only when no other word names a side ("BTC holds
    80000" means it holds above); `negation` marks a lone "never"/"not",
    which the parser refuses rather than silently reading the opposite.
    """

    phrase: str
    family: str | None = None
    side: str | None = None
    default_side: str | None = None
    names_kind: bool = False
    negation: bool = False

    @property
    def strong(self) -> bool:
        """Whether this word decides the family over a touch word."""
        return self.names_kind or self.family in (CLOSE, HOLD, AVERAGE)


# -- touch: the price reaches the level at some time in the window -------------------

REACHES = (
    "reaches", "reach", "reaching", "hits", "hit", "hitting", "touches", "touching",
    "tops", "topping", "rises to", "rises above", "rise to", "rise above", "climbs to",
    "climbs above", "rallies to", "jumps to", "surges to", "soars to", "goes above",
    "breaks above", "breaks through", "breaks", "surpasses", "exceeds", "crosses above",
    "trades above", "rises", "rise", "climbs", "rallies", "gains", "jumps", "surges",
    "soars", "up", "higher",
)  # fmt: skip

FALLS_TO = (
    "falls to", "falls below", "falls under", "fall to", "fall below", "drops to",
    "drops below", "drops under", "drop to", "drop below", "sinks to", "sinks below",
    "dips to", "dips below", "declines to", "slides to", "slumps to", "crashes to",
    "plunges to", "tumbles to", "goes below", "breaks below", "crosses below",
    "trades below", "falls", "fall", "falling", "drops", "drop", "dropping", "sinks",
    "dips", "declines", "decline", "slides", "slumps", "crashes", "crash", "plunges",
    "tumbles", "loses", "down", "lower",
)  # fmt: skip

# -- close: judged on the last close on or before the deadline ------------------------

CLOSES = (
    "closes", "close", "closing", "closed", "closes out", "ends", "ending", "ended",
    "ends up", "to end", "will end", "would end", "finishes", "finish", "finishing",
    "finished", "settles", "settle", "settling",
)  # fmt: skip

# -- hold: the price never crosses the level in the window ----------------------------

HOLDS = ("holds", "hold", "holding", "holds at")  # "BTC holds 80000": holds above
STAYS = ("stays", "stay", "staying", "remains", "remain", "remaining", "keeps", "keep")
HOLDS_ABOVE = ("holds support at", "holds support", "hold support at", "hold support")
# A range is a band the price keeps to for the whole window: "trades in a $60-70 range".
RANGES = ("range", "trading range", "range-bound", "rangebound", "range bound", "band")

NEGATIONS = ("never", "not", "doesn't", "does not", "won't", "will not", "fails to")
# After a negation these say the price stays on the other side: "never falls below 5000"
# is a floor (hold_above), "never exceeds 5000" a ceiling (hold_below).
NEGATED_BELOW_VERBS = (
    "falls below", "falls under", "falls to", "fall below", "fall under", "fall to",
    "drops below", "drops to", "drop below", "drop to", "dips below", "dip below",
    "sinks below", "sink below", "goes below", "go below", "trades below", "trade below",
    "breaks below", "break below", "closes below", "close below",
)  # fmt: skip
NEGATED_ABOVE_VERBS = (
    "rises above", "rise above", "goes above", "go above", "trades above", "trade above",
    "breaks above", "break above", "climbs above", "climb above", "closes above",
    "close above", "exceeds", "exceed", "surpasses", "surpass", "tops", "top", "hits",
    "hit", "reaches", "reach", "touches", "touch", "breaks", "break",
)  # fmt: skip

# -- average: the mean daily close over the window --------------------------------------

AVERAGES = ("averages", "average", "averaging", "averaged", "avg", "on average", "averages out at")

# -- sides alone -------------------------------------------------------------------------

ABOVE_WORDS = (
    "above", "over", "at least", "at or above", "no less than", "not below", "not under",
    ">=", ">", "\u2265", "higher than", "more than", "greater than", "north of", "beyond",
    "past", "atop",
)  # fmt: skip
BELOW_WORDS = (
    "below", "under", "at most", "at or below", "no more than", "not above", "not over",
    "<=", "<", "\u2264", "lower than", "less than", "south of", "beneath", "sub",
)  # fmt: skip


def _terms() -> tuple[Term, ...]:
    terms: list[Term] = []
    terms += [Term(p, TOUCH, ABOVE) for p in REACHES]
    terms += [Term(p, TOUCH, BELOW) for p in FALLS_TO]
    terms += [Term(p, CLOSE) for p in CLOSES]
    terms += [Term(p, HOLD, default_side=ABOVE) for p in HOLDS]
    terms += [Term(p, HOLD) for p in STAYS]
    terms += [Term(p, HOLD, ABOVE) for p in HOLDS_ABOVE]
    terms += [Term(p, HOLD) for p in RANGES]
    for negation in NEGATIONS:
        terms += [Term(f"{negation} {verb}", HOLD, ABOVE) for verb in NEGATED_BELOW_VERBS]
        terms += [Term(f"{negation} {verb}", HOLD, BELOW) for verb in NEGATED_ABOVE_VERBS]
    terms += [Term(p, negation=True) for p in NEGATIONS]
    terms += [Term(p, AVERAGE) for p in AVERAGES]
    terms += [Term(p, side=ABOVE) for p in ABOVE_WORDS]
    terms += [Term(p, side=BELOW) for p in BELOW_WORDS]
    # Band kind names ("close_between 4000 and 4500") are read with their bounds,
    # by numbers.find_bands; vague calls by the parser's "vague:" form.
    terms += [
        Term(kind.value, kind.family, ABOVE if kind.is_above else BELOW, names_kind=True)
        for kind in LEVEL_KINDS
    ]
    return tuple(terms)


TERMS: tuple[Term, ...] = _terms()
_BY_PHRASE: dict[str, Term] = {term.phrase: term for term in TERMS}


def _trie_pattern(phrases: list[str] | tuple[str, ...], *, ends: bool = True) -> str:
    """One regex for many phrases, factored as a trie: "falls to|falls below" becomes
    "falls\\s+(?:below|to)". Python's re tries alternatives one by one, so the flat
    list of several hundred phrases cost ~60 µs a claim; the trie costs a few.

    Longer continuations come before a phrase's own end, so "never falls below"
    still wins over "falls below" and "falls". With `ends` a phrase ends where a
    word (or a comparison sign) does; without, the pattern is a prefix that the
    caller continues.
    """
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for char in " ".join(phrase.split()):
            node = node.setdefault(char, {})
        node[""] = phrase

    def render(node: dict) -> str:
        branches = []
        for char in sorted(k for k in node if k):
            head = r"\s+" if char == " " else re.escape(char)
            branches.append(head + render(node[char]))
        if "" in node:
            phrase = node[""]
            if not ends:
                branches.append("")
            else:
                branches.append(r"(?![\w'])" if phrase[-1].isalnum() else r"(?![<>=])")
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return render(trie)


def _terms_pattern(phrases: list[str]) -> re.Pattern[str]:
    """Longest first, so "never falls below" wins over "falls below" and "falls".

    Word phrases share one leading word-boundary check, which keeps the big
    alternation from being tried in the middle of every word.
    """
    words = _trie_pattern([p for p in phrases if p[0].isalnum()])
    signs = _trie_pattern([p for p in phrases if not p[0].isalnum()])
    return re.compile(
        rf"(?<![\w])(?:{words})|(?<![<>=\u2264\u2265])(?:{signs})", re.IGNORECASE | re.ASCII
    )


def _factored_terms_pattern(phrases: list[str]) -> re.Pattern[str]:
    """`_terms_pattern(phrases)`, matching the same phrases, with the negated verbs
    ("never falls below", "won't exceed": every negation before every verb, two
    thirds of the phrases) written once as negation-then-verb.

    Compiling the whole trie was about 13 ms of every `forecast add` (Python
    compiles a pattern at import, in Python); this one has a third of its size.
    The negated-verb branch comes first and is always the longest match where it
    matches (no other phrase continues a negation with a verb), so the matches are
    the full trie's: a test holds the two patterns to the same matches.
    """
    verbs = (*NEGATED_BELOW_VERBS, *NEGATED_ABOVE_VERBS)
    negated = {" ".join(f"{n} {v}".split()) for n in NEGATIONS for v in verbs}
    rest = [p for p in phrases if " ".join(p.split()) not in negated]
    negations = _trie_pattern(NEGATIONS, ends=False)
    words = _trie_pattern([p for p in rest if p[0].isalnum()])
    signs = _trie_pattern([p for p in rest if not p[0].isalnum()])
    return re.compile(
        rf"(?<![\w])(?:(?:{negations})\s+(?:{_trie_pattern(verbs)})|{words})"
        rf"|(?<![<>=\u2264\u2265])(?:{signs})",
        re.IGNORECASE | re.ASCII,
    )


_TERMS_RE = _factored_terms_pattern(list(_BY_PHRASE))


@dataclass(frozen=True)
class TermMatch:
    term: Term
    text: str
    span: tuple[int, int]


def find_terms(text: str) -> tuple[list[TermMatch], str]:
    """Every vocabulary phrase in `text`, in order, and the text with them blanked out."""
    found: list[TermMatch] = []
    rest = text
    for match in list(_TERMS_RE.finditer(text)):
        phrase = " ".join(match[0].lower().replace("\u2019", "'").split())
        found.append(TermMatch(_BY_PHRASE[phrase], " ".join(match[0].split()), match.span()))
        start, end = match.span()
        rest = rest[:start] + " " * (end - start) + rest[end:]
    return found, rest


BETWEEN = "between"


# Kinds by name: a dict lookup, where `ClaimKind(name)` goes through Enum's
# call machinery (it showed in the profile of a 100k-entry import).
_KINDS_BY_NAME: dict[str, ClaimKind] = {kind.value: kind for kind in ClaimKind}


def kind_for(family: str, side: str) -> ClaimKind:
    """The ClaimKind for a family and a side: ("hold", "below") → HOLD_BELOW,
    ("close", "between") → CLOSE_BETWEEN."""
    name = f"{family}_{side}"
    return _KINDS_BY_NAME.get(name) or ClaimKind(name)  # ClaimKind(...): its ValueError


def parse_kind_name(name: str) -> ClaimKind:
    """A kind name as written in structured fields ("touch_above", "Touch-Above")."""
    exact = _KINDS_BY_NAME.get(name)  # as export writes it: nothing to normalize
    if exact is not None:
        return exact
    key = "_".join(re.split(r"[\s_-]+", name.strip().lower()))
    try:
        return ClaimKind(key)
    except ValueError:
        known = ", ".join(kind.value for kind in ClaimKind)
        raise ClaimError(f"unknown kind '{name}': use one of {known}") from None
