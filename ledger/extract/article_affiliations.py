"""People the article ties to a firm anywhere: their calls are the firm's.

The sentence walk (speaker_roles.affiliations) learns "Jane Doe, chief strategist at
Acme Capital" as it reads, so only calls after the tie are the firm's. Articles often
quote the person first and say who they are later ("Oil could hit $85, energy analyst
Michael Rothman said. ... said Rothman, founder of research firm Cornerstone Analytics";
"Wilson is chief US equity strategist at Morgan Stanley"), and the labelling convention
credits the firm wherever the article ties them. So every tie in the article is read
first, and a call credited to the person, by full name or surname, is the firm's.

Not every tie makes the firm the speaker: the convention keeps a person who does not
voice the firm's research (a miner's or a treasury company's chief executive: "Randy
Smallwood, chief executive of Wheaton Precious Metals") and the public figures it tracks
in their own name (speaker_phrases.PUBLIC_FIGURES). A firm counts when it is a house the
tables know or its name has a financial firm's word ("Capital", "Analytics", "Group").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace

from ledger.extract.candidate import Candidate
from ledger.extract.house_names import HOUSE_NAMES, speaks_for, voices_research
from ledger.extract.person_names import NAME, clean_name
from ledger.extract.speaker_roles import ROLE, affiliations

# a post, or a board's chair ("Wien, vice chairman of Blackstone Private Wealth Solutions")
_POST = rf"(?:{ROLE}|(?:vice\s+|executive\s+)?chair(?:man|woman)?)"
# "Wilson is chief US equity strategist at Morgan Stanley", "said Rothman, founder and
# president of research firm Cornerstone Analytics": a person, by full name or surname,
# said to hold a post at a firm
_HOLDS_POST_AT = re.compile(
    r"(?P<person>[A-Z][a-z][\w'-]*(?:\s+[A-Z][a-z][\w'-]*){0,2})(?:,\s+|,?\s+(?:who\s+)?"
    r"(?:is|was|has\s+been|serves\s+as)\s+)"
    rf"(?:(?:a|an|the)\s+)?{_POST}(?:\s+(?:and|&)\s+{_POST})?"
    # "at financial services firm Monex Group", "of research firm Cornerstone Analytics"
    r"\s+(?:at|of|with)\s+(?:(?:[a-z-]+\s+){1,3}(?:firm|company|house)\s+)?"
    # "deVere Group": a firm's name may open in lower case
    rf"(?P<firm>(?:[a-z]{{1,3}}(?=[A-Z]))?{NAME})"
)
# "Cathie Wood's Ark Invest": a person's firm, named after the person's possessive
_PERSONS_FIRM = re.compile(
    r"(?P<person>\b[A-Z][a-z][\w-]*(?:\s+[A-Z][a-z][\w-]*){1,2})(?:'s|\u2019s)\s+(?P<firm>"
    rf"{NAME})"
)

# "Geoff Kendrick, a man who studies these digital currents at Standard Chartered",
# "Christopher Harvey, a veteran strategist who moved to CIBC Capital Markets from Wells
# Fargo": an aside in lower-case words, opened by "a"/"an", that places the person at a firm
# (not where they were: "a former strategist at", "who left Citi for")
_DESCRIBED_AT = re.compile(
    r"(?P<person>[A-Z][a-z][\w'-]*(?:\s+[A-Z][a-z][\w'-]*){1,2}),\s+(?:a|an)\s+"
    r"(?P<aside>(?:[a-z][\w-]*\s+){1,5}?(?:who\s+)?(?:[a-z][\w-]*\s+){0,5}?)"
    rf"(?:(?:at|to|with)\s+(?:the\s+)?|(?<=\bjoined\s))(?P<firm>{NAME})"
)
_FORMER = re.compile(r"\b(?:former|formerly|previously|once|ex|left|used|retired|until)\b")


def _described_at(text: str) -> dict[str, str]:
    """The ties `_DESCRIBED_AT` finds, by full name and surname."""
    found: dict[str, str] = {}
    for match in _DESCRIBED_AT.finditer(text):
        if _FORMER.search(match["aside"]):
            continue
        person = clean_name(match["person"].split())
        firm = clean_name(re.sub(r"(?<=[a-z]{2})[.,;:]$", "", match["firm"]).split())
        if person and firm and person != firm:
            found.setdefault(person, firm)
            found.setdefault(person.split()[-1], firm)
    return found


def article_affiliations(sentences: Iterable[str]) -> dict[str, str]:
    """Who speaks for which firm, by full name and surname, from ties anywhere in the article;
    the first tie of a person wins."""
    found: dict[str, str] = {}
    for text in sentences:
        ties = dict(affiliations(text))
        matches = [*_HOLDS_POST_AT.finditer(text), *_PERSONS_FIRM.finditer(text)]
        for match in matches:
            person = clean_name(match["person"].split())
            written = re.sub(r"(?<=[a-z]{2})[.,;:]$", "", match["firm"])
            firm = clean_name(written.split())
            if person and firm and person != firm:
                ties.setdefault(person, firm)
                ties.setdefault(person.split()[-1], firm)
        for person, firm in _described_at(text).items():
            ties.setdefault(person, firm)
        for person, firm in ties.items():
            if speaks_for(person, firm) and voices_research(firm):
                found.setdefault(person, firm)
    return found


def credited_to_firms(
    candidates: Iterable[Candidate], firm_of: Mapping[str, str], author: str | None
) -> list[Candidate]:
    """Each call credited to a person the article ties to a firm, credited to the firm; the
    by-lined author's own calls stay the author's."""
    credited: list[Candidate] = []
    for candidate in candidates:
        firm = _firm_of_person(candidate.speaker, firm_of)
        if firm is not None and candidate.speaker != author:
            candidate = replace(candidate, speaker=firm)
        credited.append(candidate)
    return credited


def _firm_of_person(name: str | None, firm_of: Mapping[str, str]) -> str | None:
    if name is None or name in HOUSE_NAMES:
        return None
    if name in firm_of:
        return firm_of[name]
    words = name.split()
    # "Mike Wilson" after "Wilson is chief US equity strategist at Morgan Stanley"
    if 2 <= len(words) <= 3 and all(w[:1].isupper() and w[1:].islower() for w in words):
        return firm_of.get(words[-1])
    return None
