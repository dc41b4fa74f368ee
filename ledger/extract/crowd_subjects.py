"""A sentence whose subject is the crowd: its call is nobody's the article names.

"JPMorgan expects gold to reach $5,055 by the end of 2026. Traders watch whether
Bitcoin can hold the critical support level." The second call is the traders',
an unnamed crowd, not JPMorgan's: the article's one source must not be pinned
on it. The rules that credit bare calls to an article's sole source or sole
house read a sentence's subject first; a subject that is a crowd of market
participants ("traders", "investors", "the market", "bulls", "some analysts")
has spoken, and nobody the article names did.

Bare "analysts" or "strategists" are left alone: in a house's note they are the
house's own ("Analysts expect the metal to average $4,200"); only a quantifier
("some", "many", "other") makes them a crowd.
"""

from __future__ import annotations

import re

# an opening the subject may follow: "Meanwhile, traders ...", "For now, investors ..."
_LEAD = r"(?:(?:[A-Z][a-z]+,|(?:For\s+now|At\s+the\s+moment|Right\s+now|This\s+week),?)\s+)?"
_QUANTIFIER = r"(?:some|many|most|other|several|few|a\s+few|a\s+lot\s+of|plenty\s+of)"
_QUALIFIER = (
    r"(?:(?:retail|institutional|crypto|gold|oil|options|futures|bitcoin|currency|bond|equity"
    r"|stock|market|commodity|short-term|long-term|nervous|cautious)\s+)"
)
_CROWD = (
    r"(?:traders|investors|market\s+participants|market\s+watchers|participants|speculators"
    r"|bulls|bears|observers|onlookers|punters|hedge\s+funds|funds|buyers|sellers|holders"
    r"|whales|others|markets|the\s+market|the\s+crowd|everyone|nobody)"
)
_COUNTED_EXPERTS = (
    rf"{_QUANTIFIER}\s+{_QUALIFIER}?(?:analysts|strategists|economists|experts|forecasters"
    r"|commentators|chartists|technicians)"
)
_CROWD_SUBJECT = re.compile(
    rf"^\W*{_LEAD}(?:(?:{_QUANTIFIER}|the)\s+)?{_QUALIFIER}*{_CROWD}\b(?!\s+(?:at|of|with|from)\b)"
    rf"|^\W*{_LEAD}{_COUNTED_EXPERTS}\b(?!\s+(?:at|of|with|from)\b)",
    re.IGNORECASE,
)


def crowd_subject(sentence: str) -> bool:
    """True when `sentence` opens with an unnamed crowd of market participants as its subject.

    "Analysts at Citi", "investors with Acme" name whom the crowd belongs to: not a crowd.
    """
    return bool(_CROWD_SUBJECT.search(sentence.strip()))
