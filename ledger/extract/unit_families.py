"""The unit a level is written in says which kind of asset it prices.

"The dollar index is soft. Acme Bank has an end-2026 target of $5,400 an ounce": a sentence
that names no asset is read as about the asset named just before, here one named in passing.
A level "an ounce" is a metal's and "a barrel" oil's: when the asset so chosen is of another
family, the level belongs to the article's subject if it is of the unit's family, else to
the last asset of that family the article named; if there is none, the choice stands.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ledger.extract.patterns.asset_words import ASSET_FAMILIES

_UNITS = (
    (re.compile(r"\b(?:an?|per|each|the)\s+(?:troy\s+)?ounce\b|/\s?(?:t\s?)?oz\b", re.I), "metal"),
    (re.compile(r"\b(?:an?|per|each|the)\s+barrel\b|/\s?bbl\b", re.I), "oil"),
)


def asset_of_unit(
    sentence: str, chosen: str, last_by_family: Mapping[str, str], topic: str | None
) -> str:
    """`chosen`, unless the sentence's unit prices another family's asset the article named."""
    for unit, family in _UNITS:
        if not unit.search(sentence) or ASSET_FAMILIES.get(chosen) == family:
            continue
        if topic is not None and ASSET_FAMILIES.get(topic) == family:
            return topic
        if family in last_by_family:
            return last_by_family[family]
    return chosen
