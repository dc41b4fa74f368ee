"""Research firms a sentence names anywhere, beyond the houses the tables know.

The house an article is about ("the bank", an unsigned "we", a strategist named with no
firm beside the name) was only ever a house of the alias tables (38 of them) or a firm the
sentence made its speaker. Text nobody tuned on names other houses just as often, and in
other places than the subject: "A snippet from Capital Economics on EUR/USD:" before the
firm's own bullets ("we forecast the euro to drop back to parity"), "FRANKFURT (dpa-AFX) -
DZ Bank stays optimistic ... They see ...", "Per data of Oakmont Asset Management Company,
... Chief investment strategist Jane Roe lifted her target". In each of these the firm is
named by a name that says it is a firm ("Capital Economics", "DZ Bank", "... Asset
Management"), which is what this module reads: a run of capitalized words, two or more,
with a word of a research firm's name in it ("Bank", "Capital", "Economics", "Research",
"Securities", "Asset Management", ...).

Not a research firm: a public body or a school ("Federal Reserve", "U.S. Treasury", "London
Business School", "Securities and Exchange Commission"), whose words are left out of the
list, a central bank ("European Central Bank", "Bank of England"), and a one-word name the
tables do not know ("Kagels" may be a person), which no rule here can tell from a surname.
"""

from __future__ import annotations

import re

from ledger.extract.house_names import QUOTED, house_mentions, house_name
from ledger.extract.patterns import speaker_phrases
from ledger.extract.person_names import NAME, clean_name

# The words of ORGANIZATION_WORDS that name a firm whose research a person voices; a public
# body's words ("reserve", "treasury", "agency", "commission", "university", "board",
# "council", "institute", "exchange") are not among them.
_PUBLIC_BODY_WORDS = frozenset(
    (
        "reserve", "treasury", "agency", "commission", "university", "board", "council",
        "institute", "exchange", "association", "organization", "organisation", "opec",
        "opec+", "sec", "imf", "eia", "iea", "fund", "funds",
    )
)  # fmt: skip
_FIRM_WORDS = frozenset(speaker_phrases.ORGANIZATION_WORDS) - _PUBLIC_BODY_WORDS
# a central bank: "European Central Bank", "Bank of England", "Swiss National Bank"
_CENTRAL_BANK = re.compile(
    r"\bCentral\b|^(?:Swiss\s+National\s+Bank|Bank\s+of\s+(?:England|Japan|Canada|Korea|Israel"
    r"|Italy|France|Spain|Mexico|Russia|Thailand|Ghana|Uganda|Jamaica|Finland|Greece|Portugal)"
    r"|People's\s+Bank\s+of\s+China|Reserve\s+Bank\b.*)$"
)
_NAME_RUN = re.compile(rf"(?<![\w&.'-]){NAME}")
_POSSESSIVE = re.compile(r"(?:'s|')$")


def firms_named(text: str) -> list[tuple[int, str]]:
    """Where each research firm is named outside quotations, in order, as the ledger keeps
    its name: the houses the tables know, and any name of two or more capitalized words with
    a research firm's word in it (see the module docstring)."""
    found = dict(house_mentions(text))
    unquoted = QUOTED.sub(lambda quote: " " * len(quote[0]), text)
    for match in _NAME_RUN.finditer(unquoted):
        if any(match.start() <= at < match.end() for at in found):
            continue  # a known house, or a known house's desk ("UBS Wealth Management")
        name = _firm_name(match[0])
        if name is not None:
            found[match.start()] = name
    return sorted(found.items())


def _firm_name(written: str) -> str | None:
    name = clean_name(written.rstrip(".,;:'").split())
    if name is None:
        return None
    words = name.split()
    if len(words) < 2 or any(word.lower() in _PUBLIC_BODY_WORDS for word in words):
        return None
    if _CENTRAL_BANK.search(name) or _CENTRAL_BANK.search(written.strip()):
        return None
    if not any(_POSSESSIVE.sub("", word.lower()) in _FIRM_WORDS for word in words):
        return None
    return house_name(name)
