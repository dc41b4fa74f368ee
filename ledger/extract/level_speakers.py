"""The house that owns a level in a survey or comparison sentence (issue 11).

A survey names several houses in one sentence, each with its own level, often with no verb
of forecasting for the later ones: "Together with DZ Bank (13,200 points), only two banks
expect a fall", "Oppenheimer's estimate is below that of Evercore, which has a year-end
target of 6,000", "LBBW set its forecast a little lower, at 16,500, while Helaba, with a
target of 15,700, is the most pessimistic", "..., with JPMorgan expecting crude to average
$61". Each of these shapes ties a level to the house named just before it, inside the
level's own parenthesis, relative clause, apposition or "with"/"while" clause; the positions
found here join `speakers.speaker_spans`, so that `pairing.by_speaker` credits each level to
its own house and leaves the sentence's speaker the rest.

A bracketed level counts only after a name that looks like a house ("DZ Bank",
"National-Bank"): "in March (4,100)" gives nothing. The relative clause and the "with a
target of" apposition name who holds a target, so any name there counts but the common words
`clean_name` drops ("Gold, which has ..." gives nothing).
"""

from __future__ import annotations

import re

from ledger.extract.house_names import house_name, is_house_like
from ledger.extract.person_names import NAME, clean_name

_LEVEL = r"(?:~|about\s+|around\s+)?(?:US|USD\s*)?[$\u20ac\u00a3]?\d"

# "DZ Bank (13,200 points)": the level in brackets right after the house
_BRACKETED = re.compile(rf"(?P<name>{NAME})\s*\(\s*{_LEVEL}")

# "that of Evercore, which has a year-end target of 6,000"; "Helaba, with a target of
# 15,700, is"; "Citi, which sees gold at $4,000": an apposition or relative clause set off
# by a comma after the house that carries the level
_APPOSED = re.compile(
    rf"(?P<name>{NAME}),\s+(?:which|who|that)\s+(?:has|had|have|sees?|expects?|forecasts?"
    r"|predicts?|targets?|puts?|pencils?\s+in|projects?|is\s+(?:calling|looking|aiming))\b"
    rf"|(?P<with_name>{NAME}),\s+with\s+(?:an?\s+|its\s+)?(?:[\w-]+\s+){{0,3}}"
    r"(?:target|forecast|estimate|call|projection|view)\s+of\s+"
    # "of roughly 1.25", "of the $5,000 mark", "of near 1.25"
    r"(?:[a-z][\w-]*\s+){0,3}" + _LEVEL
)

# "with JPMorgan expecting crude to average $61", "while Helaba sees 15,700": a house as the
# subject of its own "with"/"while"/"whereas" clause, its verb right after the name
_CLAUSE_SUBJECT = re.compile(
    # (described first: "while the number two lender, Halvorsen Bank, sees 58,000")
    r"\b(?:with|while|whereas)\s+(?P<described>the\s+[\w\s'\u2019-]{1,40}?,\s+)?"
    rf"(?P<name>{NAME}),?\s+(?:is\s+|are\s+)?"
    r"(?:expecting|anticipating|seeing|forecasting|predicting|projecting|targeting"
    r"|calling\s+for|pencilling\s+in|penciling\s+in|sees|expects|forecasts|predicts"
    r"|projects|targets|anticipates)\b"
)

# "Bank of America's 7,100 target implies 4% upside; Deutsche Bank's 8,000 about 17%": a
# level right after a house's possessive is that house's (a list of targets by owner)
_POSSESSED = re.compile(
    rf"(?P<name>{NAME})(?:'s?|\u2019s?)\s+(?:(?:new|latest|revised|current|year-end|end-\d{{4}}"
    r"|\d{4})\s+)?" + _LEVEL
)

# "Halvorsen Capital and Brightwater Bank lead the bulls with 2026 targets around 8,300":
# houses listed as the subject, their level in a "with ... targets" phrase after the verb (one
# call each; every part of the list a name and one of them a house, as in a roll call)
_HOLDERS_WITH = re.compile(
    rf"(?P<names>{NAME}(?:\s*,\s*{NAME}){{0,6}}(?:,?\s+(?:and|&)\s+{NAME})?)\s+[a-z]+\s+"
    r"(?:[\w-]+\s+){0,4}?with\s+(?:[\w&./-]+\s+){0,3}?(?:targets?|forecasts?"
    r"|estimates?|projections?|calls?)\s+(?:of\s+|around\s+|near\s+|at\s+|close\s+to\s+)?" + _LEVEL
)
_JOINT = re.compile(r"\s*,\s*(?:and\s+|&\s+)?|,?\s+(?:and|&)\s+")

# the last name of a list ("the private banks Metzler and Bankhaus Lampe, which see ..."):
# the clause is the whole list's, which `speakers.speaker_spans` reads
# and a place ("Bankhaus Lampe in Dusseldorf, which sees ..."): the house before it is the
# sentence's speaker
_LIST_BEFORE = re.compile(r"(?:,|\band|&|\bin)\s*$")


def level_owners(text: str) -> list[tuple[int, tuple[str, ...]]]:
    """Where each house that owns a level by the shapes above starts, with its name.

    Sorted by position; the caller merges them with the speakers its own rules found.
    """
    found: dict[int, tuple[str, ...]] = {}
    for pattern in (_BRACKETED, _APPOSED, _CLAUSE_SUBJECT, _POSSESSED):
        for match in pattern.finditer(text):
            group = "with_name" if match.groupdict().get("with_name") else "name"
            name = clean_name(match[group].split())
            if name is None or (pattern is not _APPOSED and not _looks_like_house(name)):
                continue
            listed = _LIST_BEFORE.search(text, 0, match.start(group))
            if match.groupdict().get("described"):
                listed = None  # the comma closes the description, not a list
            if listed and pattern not in (_BRACKETED, _POSSESSED):
                continue  # "Metzler and Bankhaus Lampe, which see 12,100": the list's call
            start = match.start(group) + match[group].find(name.split()[0])
            found.setdefault(start, (house_name(name),))
    for match in _HOLDERS_WITH.finditer(text):
        names = [clean_name(part.split()) for part in _JOINT.split(match["names"])]
        # as in a roll call: every part a name, one of them a house ("Helaba and Acme Bank")
        if len(names) >= 2 and all(names) and any(n and _looks_like_house(n) for n in names):
            houses = tuple(dict.fromkeys(house_name(n) for n in names if n))
            found.setdefault(match.start("names"), houses)
    return sorted(found.items())


def _looks_like_house(name: str) -> bool:
    """A house by `is_house_like`, also when its firm's word is joined by a hyphen
    ("National-Bank", "Schröder-Bank")."""
    return is_house_like(name) or is_house_like(name.replace("-", " "))
