"""The third-person and -ing forms of the verbs in a table of direction phrases.

The direction tables (patterns/direction_phrases.py) were filled as articles used each verb,
so one form of a verb is often there without another ("sink to" but not "sinking to",
"slump to" but not "slumping to"), and a call is read the wrong way round when a writer
picks the missing form ("sees bitcoin sinking to $60,000" read as a rise to $60,000). This
module supplies the missing forms, so every verb in a table is read in all its forms.

Only phrases of a verb and what follows it ("sink to", "pull back to", "carry it to") are
inflected: a verb alone ("fall", "drop") is read only as written, since "falling rates lift
gold to $5,000" must not read as a fall. Past forms are never added: "slid to $4,000" is a
report, read by the past-tense rules, not a call.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# First words of table phrases that are not verbs ("path to", "upside to", "a floor") or
# that must not be inflected ("not fall below": the negation is the phrase's point).
_NOT_VERBS = frozenset(
    (
        "a", "an", "as", "not", "never", "won't", "will", "on", "path", "road", "upside",
        "downside", "target", "price", "floor", "ceiling", "correction", "pullback", "peak",
        "trough", "bottom", "cap", "capped",
        # "trading above $4,000" is as often the price of the day as a call
        "trade",
    )
)  # fmt: skip
_IRREGULAR_THIRD = {"go": "goes", "do": "does", "have": "has", "be": "is"}
_IRREGULAR_ING = {"be": "being", "see": "seeing", "lie": "lying", "die": "dying"}
_VOWELS = "aeiou"
_ONE_SYLLABLE_CVC = re.compile(r"^[^aeiou]*[aeiou][^aeiouwxy]$")


def third_person(verb: str) -> str:
    """ "sink" -> "sinks", "push" -> "pushes", "rally" -> "rallies"."""
    if verb in _IRREGULAR_THIRD:
        return _IRREGULAR_THIRD[verb]
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in _VOWELS:
        return verb[:-1] + "ies"
    return verb + "s"


def present_participle(verb: str) -> str:
    """ "sink" -> "sinking", "slide" -> "sliding", "slip" -> "slipping", "rally" -> "rallying"."""
    if verb in _IRREGULAR_ING:
        return _IRREGULAR_ING[verb]
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")) and len(verb) > 2:
        return verb[:-1] + "ing"
    if _ONE_SYLLABLE_CVC.match(verb):  # dip, slip, drop, top, hit
        return verb + verb[-1] + "ing"
    return verb + "ing"


def inflected_forms(phrases: Iterable[str]) -> dict[str, str]:
    """Each missing form of each multi-word verb phrase, mapped to the phrase it comes from.

    "sink to" gives "sinks to" and "sinking to"; a phrase already in `phrases` is never
    returned, so a table's own entries keep their reading.
    """
    written = set(phrases)
    forms: dict[str, str] = {}
    for phrase in written:
        verb, _, rest = phrase.partition(" ")
        if not rest or verb in _NOT_VERBS or not verb.isalpha() or verb.endswith(("ing", "ed")):
            continue
        if rest.endswith(" of") or rest == "of":
            continue  # "average price of", "target of": a noun, not a verb
        if verb.endswith("s") and not verb.endswith("ss"):
            continue  # "heads to", "eases to": already a third-person form
        for form in (third_person(verb), present_participle(verb)):
            inflected = f"{form} {rest}"
            if inflected not in written:
                forms.setdefault(inflected, phrase)
    return forms
