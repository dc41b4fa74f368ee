"""People and their roles: who works where, who was introduced, whose label or heading.

Kept apart from the sentence's own speaker rules (speakers.py) because these read
the article around the sentence: "Tom Lee, chairman of BitMine" ties a person to
a house, a list item's label or a section heading names the speaker of what follows.
"""

from __future__ import annotations

import re

from ledger.extract.house_names import (
    HOUSE_NAMES,
    HOUSE_SUBJECT,
    HOUSES,
    has_organization_word,
    house_name,
    is_organization,
    speaks_for,
    split_houses,
)
from ledger.extract.person_names import CONNECTORS, NAME, NOT_A_NAME, clean_name

_PERSON = r"[A-Z][a-z][\w'-]*(?:\s+[A-Z][a-z][\w'-]*){1,2}"
_ROLE = (
    # "co-head of commodities research": a shared post is the post (not "co-founder": a
    # founder speaks for themself)
    # "chief Japan FX strategist": a place or market may follow the first word of the role
    # ("head of U.S. equity strategy": an initialism with its dots too)
    r"(?:(?:[a-z-]+|[A-Z]{2,5}|(?:[A-Z]\.){2,3})\s+(?:(?:[a-z-]+|[A-Z]{2,5}|(?:[A-Z]\.){2,3}|[A-Z][a-z]+)\s+){0,3}?)?"
    r"(?:co-head|strategist|analyst|economist|head|chief|director"
    r"|manager|officer|cio|ceo|CIO|CEO|founder|partner|trader|researcher|president|principal|executive)(?:\s+(?:of|for)\s+(?:(?:[a-z-]+|[A-Z]{2,5}|(?:[A-Z]\.){2,3})"
    r"\s+){0,3}?[a-z-]+)?"
    # "head of equities for the Americas", "chief strategist for Asia Pacific": the region a
    # post covers, before the firm ("... at UBS Wealth Management")
    r"(?:\s+(?:for|in)\s+(?:the\s+)?(?:[A-Z][\w-]*|[A-Z]{2,5})(?:\s+[A-Z][\w-]*){0,2}"
    r"(?=\s+(?:at|of|with)\s))?"
)
ROLE = _ROLE  # the same posts, for the article-wide ties (article_affiliations.py)
# "head of US equity strategy Lori Calvasina": a role in lower case, then the person
_ROLE_THEN_PERSON = re.compile(rf"{_ROLE},?\s+(?P<person>{_PERSON})")
# "Analyst Michael Hsueh says ...", "Chief economist Jane Doe expects ...": a sentence that
# opens on a bare role and a person, after sentences about a firm, is that firm's employee
# speaking (a title with no firm is the firm's own). Not one who works for nobody, nor "And
# the strategist Jane Doe", whose article points elsewhere.
_OPENING_ROLE = re.compile(
    r"^\W*(?!(?:independent|freelance|former|retired|veteran|outside|private|and|but|or|so"
    r"|then|also|the|a|an|one|another|its|their|his|her)\b)"
    rf"{_ROLE},?\s+"
    rf"(?P<person>{_PERSON})\s+(?:says|said|thinks|expects|sees|believes|wrote|writes|notes"
    r"|noted|argues|argued|predicts|forecasts|added|adds)\b"
)
_CAPITALIZED = re.compile(r"\b[A-Z][\w&.'-]*")
_AFFILIATIONS = (
    # "Deutsche Bank strategist Maximilian Uleer", "JPMorgan's head of research, Jane Doe"
    re.compile(rf"(?P<firm>{NAME})(?:'s)?\s+{_ROLE},?\s+(?P<person>{_PERSON})"),
    # "Jane Doe, chief strategist at Acme Capital", "Jane Doe, managing director and chief
    # executive of Acme Securities" (two roles joined)
    re.compile(
        rf"(?P<person>{_PERSON}),\s+(?:a\s+|an\s+|the\s+)?{_ROLE}(?:\s+(?:and|&)\s+{_ROLE})?"
        rf"\s+(?:at|of|with)\s+(?P<firm>{NAME})"
    ),
    # "Jane Doe is head of commodities research at Acme Bank. She expects ...": the role
    # stated in a sentence of its own
    re.compile(
        rf"(?P<person>{_PERSON})\s+(?:is|was|serves\s+as|works\s+as)\s+(?:a\s+|an\s+|the\s+)?"
        rf"{_ROLE}\s+(?:at|of|with)\s+(?P<firm>{NAME})"
    ),
    # "Geoff Kendrick, the bank's head of digital assets research": the firm named before
    re.compile(
        rf"(?P<person>{_PERSON}),\s+(?P<firm>the\s+(?:bank|firm|company|group|lender|house))'s"
        rf"\s+{_ROLE}"
    ),
    # "Its strategist Martijn Rats expects": the firm the sentences before are about
    re.compile(rf"(?P<firm>\b[Ii]ts|\b[Tt]heir)\s+{_ROLE},?\s+(?P<person>{_PERSON})"),
    # "Commerzbank's expert Carsten Fritsch": an expert is the firm's only after its
    # possessive ("Japan specialist Jesper Koll" is a field, not a firm)
    re.compile(
        rf"(?P<firm>{NAME})'s\s+(?:[a-z-]+\s+){{0,2}}(?:expert|specialist),?\s+(?P<person>{_PERSON})"
    ),
    # "ING's Chris Turner"
    re.compile(rf"(?P<firm>{NAME})'s\s+(?P<person>{_PERSON})\b"),
    # "the bank's Michael Hartnett": the firm named before, by a pointer
    re.compile(
        rf"(?P<firm>\b[Tt]he\s+(?:bank|firm|lender|house|broker|group))'s\s+(?P<person>{_PERSON})\b"
    ),
    # "Maximilian Uleer, who heads European equity strategy at the bank"
    re.compile(
        rf"(?P<person>{_PERSON}),\s+who\s+(?:heads|leads|runs|works|is|oversees)\s+"
        rf"(?:[\w-]+\s+){{0,6}}?(?:at|of|for|with)\s+(?P<firm>{NAME}|the\s+(?:bank|firm))\b"
    ),
)


# "Strategists led by Wayne Gordon now expect", "UBS analysts led by Jane Doe", "Equity
# strategists led by Venu Krishna": a team speaks for its firm, named before the team words
# (a house the tables know, or an organization's name) or, failing that, the firm the
# sentences before are about.
_TEAM_LED_BY = re.compile(
    rf"(?P<firm>(?<![\w'])(?:{NAME}(?:'s)?\s+)?)(?:[A-Za-z-]+\s+)?(?:[Aa]nalysts|[Ss]trategists"
    r"|[Ee]conomists|[Rr]esearchers|[Tt]eam)\s+(?:led|headed)\s+by\s+"
    rf"(?P<person>{_PERSON})"
)


# "Marcus Feld from Bank of America", "Jane Doe of UBS": a person tied to a firm by a
# preposition alone, wherever the sentence names them
_PERSON_OF_FIRM = re.compile(rf"(?P<person>{_PERSON})\s+(?:from|of)\s+(?P<firm>{NAME})")
_NEXT_WORD = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[,;:]$|(?<![.\s][A-Za-z])(?<!\bInc)(?<!\bCo)(?<!\bCorp)(?<!\bLtd)\.$")


def affiliations(text: str, last_organization: str | None = None) -> dict[str, str]:
    """People the sentence names with the firm they speak for, by full name and surname.

    "Deutsche Bank strategist Maximilian Uleer": a later "Uleer thinks" is
    Deutsche Bank's call, as the article credits the firm.
    """
    found: dict[str, str] = {}
    subject = HOUSE_SUBJECT.match(text)
    house = clean_name(subject["name"].split()) if subject else None
    if house and is_organization(house):
        # "RBC Capital Markets is the latest to lift its target: head of US equity strategy
        # Lori Calvasina wrote": a person given by a role alone speaks for the house the
        # sentence is about
        for match in _ROLE_THEN_PERSON.finditer(text, subject.end()):
            between = _CAPITALIZED.findall(text, subject.end(), match.start())
            if any(word.lower().rstrip(".,") not in NOT_A_NAME for word in between):
                break  # "Oppenheimer has 8,100, UBS forecasts 7,700, and strategist Ed Yardeni"
            person = clean_name(match["person"].split())
            if person and person != house and not is_organization(person):
                found[person] = house
                found[person.split()[-1]] = house
    for pattern in _AFFILIATIONS:
        position, retried = 0, False
        while match := pattern.search(text, position):
            # "... at JPMorgan Chase." and "... at UBS." end the sentence; "U.S." and "Co."
            # keep their dot
            written = _SENTENCE_END.sub("", match["firm"])
            written = written.removesuffix("'s").removesuffix("\u2019s").removesuffix("'")
            pointer = written.lower().startswith("the ") or written.lower() in ("its", "their")
            firm = last_organization if pointer else clean_name(written.split())
            person = clean_name(match["person"].split())
            # "Randy Smallwood, chief executive of Wheaton Precious Metals" speaks for himself
            officer = bool(person and firm and not speaks_for(person, firm, match[0]))
            # the role ("strategist at") says the firm is one, whatever its words; a match
            # found on a second look must name a house ("Chief U.S. equity strategist Mike
            # Wilson": "U.S." is a place in the role)
            known = not retried or (firm in HOUSE_NAMES or has_organization_word(firm or ""))
            if firm and person and firm != person and not is_organization(person) and known:
                if officer:
                    position, retried = match.end(), False
                    continue
                found[person] = firm
                found[person.split()[-1]] = firm
                position, retried = match.end(), False
            else:
                # "According to Citi analyst Jane Doe": the match that took "According" for the
                # firm hid the one that starts at "Citi"; look again from the next word
                gap = _NEXT_WORD.search(text, match.start())
                position, retried = (gap.end() if gap else len(text)), True
    opening = _OPENING_ROLE.match(text[:1].lower() + text[1:])
    if opening and last_organization and is_organization(last_organization):
        person = clean_name(opening["person"].split())
        if person and person != last_organization and not is_organization(person):
            found.setdefault(person, last_organization)
            found.setdefault(person.split()[-1], last_organization)
    for match in _PERSON_OF_FIRM.finditer(text):
        # "according to Marcus Feld from Bank of America", "said Jane Doe of UBS": the tie
        # outside the subject's place, where clause_subjects.py does not look; only a firm
        # the tables know or one whose name says it is one
        person = clean_name(match["person"].split())
        firm = clean_name(_SENTENCE_END.sub("", match["firm"]).split())
        known = firm is not None and (firm in HOUSE_NAMES or has_organization_word(firm))
        tied = known and person and firm != person and not is_organization(person)
        if tied and speaks_for(person, firm, match[0]):
            found.setdefault(person, firm)
            found.setdefault(person.split()[-1], firm)
    for match in _TEAM_LED_BY.finditer(text):
        person = clean_name(match["person"].split())
        named = clean_name(match["firm"].removesuffix(" ").removesuffix("'s").split())
        known = named is not None and (named in HOUSE_NAMES or is_organization(named))
        firm = named if known else last_organization
        if firm and person and firm != person and not is_organization(person):
            found.setdefault(person, firm)
            found.setdefault(person.split()[-1], firm)
    return found


_LABEL = re.compile(
    r"^\W*(?P<name>[A-Z][\w&.'-]*(?:\s+(?:[A-Z][\w&.'-]*|of|&|and)){0,4})\s*(?:\([^()]{1,40}\))?\s*:"
)


# "Natixis: $64", "Natixis: Brent at $64 in 2026" (a table's row read as a line)
_LEVEL_AFTER_LABEL = re.compile(
    r"\s*(?:[A-Z][\w&/.-]*(?:\s+[A-Z0-9][\w&/.-]*)?\s+(?:at|average)\s+)?[~\u2248]?\s*"
    r"(?:US|USD\s*)?"
    r"[$\u20ac\u00a3]?\d"
)


def label_speaker(text: str) -> str | None:
    """The speaker a list item's label names: "Goldman Sachs: ~$4,900 by end-2026",
    "Oppenheimer (John Stoltzfus): 8,100". A label that is a house, has a firm's word, or is
    a name in capitals throughout ("Metals Focus") counts; "Key forecasts:" does not."""
    match = _LABEL.match(text)
    if match is None:
        return None
    if " and " in match["name"]:
        # "JPMorgan and BNP Paribas: USD/JPY target of 160": two houses the label joins
        houses = split_houses(match["name"])
        return match["name"] if len(houses) > 1 else None
    written = match["name"].split()
    name = clean_name(written)
    if name is None:
        return None
    if name in HOUSE_NAMES or has_organization_word(name):
        return name
    words = name.split()
    acronym = any(len(w) >= 2 and w.isalpha() and w.isupper() for w in words)
    if len(words) >= 2 and acronym and not name.isupper():
        return name  # "Evercore ISI: the tech-focused boutique set a 6,600 target"
    # A name of capitals alone ("Metals Focus", "Yardeni Research") counts when the level
    # follows the colon at once: "Metal Matters: Upgrading silver ..." is a column's title.
    capitalized = all(w[0].isupper() or w in CONNECTORS for w in written)
    if capitalized and _LEVEL_AFTER_LABEL.match(text, match.end()):
        whole = house_name(" ".join(written))
        return whole if clean_name(whole.split()) else name
    return None


# Roles that introduce a person who may speak for themself ("Tom Lee, chairman of BitMine").
_INTRO_ROLE = (
    r"(?:(?:[a-z-]+|[A-Z]{2,5})\s+){0,4}?(?:strategist|analyst|economist|head|chief|director|manager|officer"
    r"|cio|ceo|founder|co-founder|partner|trader|researcher|chairman|chair|president|investor)"
)
_INTRODUCED = (
    # "it is Tom Lee, chairman of BitMine", "Jane Doe, a veteran trader, ..."
    re.compile(
        rf"(?P<person>{_PERSON}),\s+(?:a\s+|an\s+|the\s+)?(?:[a-z-]+\s+){{0,3}}{_INTRO_ROLE}"
    ),
    # "veteran trader Peter Brandt", "strategist Nicky Shiels"
    re.compile(rf"\b{_INTRO_ROLE}\s+(?P<person>{_PERSON})"),
    # "President Donald Trump", "Chairman Jerome Powell": a title written before the name
    re.compile(
        r"\b(?:President|Chairman|Chairwoman|Chair|Governor|Senator|Secretary|Chancellor"
        rf"|Prime\s+Minister|CEO|CIO)\s+(?P<person>{_PERSON})"
    ),
)


def introduced_people(text: str) -> list[str]:
    """People the sentence introduces with a role ("Tom Lee, chairman of BitMine"), in order.

    A later "he" or "she" is the person introduced last, even when this
    sentence makes no call: articles introduce the speaker, then quote them.
    """
    found: list[tuple[int, str]] = []
    for pattern in _INTRODUCED:
        for match in pattern.finditer(text):
            person = clean_name(match["person"].split())
            if person and not is_organization(person):
                found.append((match.start("person"), person))
    return [person for _, person in sorted(found)]


_NAME_ONLY = re.compile(
    r"^\W*(?P<name>[A-Z][\w&.'-]*(?:\s+(?:[A-Z][\w&.'-]*|of|&)){0,4})\s*(?:\([^()]{1,30}\))?\s*:?\s*$"
)


def heading_name(text: str, *, people: bool = False) -> str | None:
    """A line that is only a house's name ("GOLDMAN SACHS (DEC 1)", "Goldman Sachs:"): the
    heading of a factbox section, whose bullets are that house's calls. With `people`, a
    line that is only a person's full name ("Tim Draper") heads that person's section, as in
    a round-up of what "some of the better-known names expect"."""
    match = _NAME_ONLY.match(text)
    if match is None:
        return None
    written = match["name"]
    if written.isupper():
        words = [w if len(w) <= 4 else w.capitalize() for w in written.split()]
        written = " ".join(words)
    name = clean_name(written.split())
    if name is None:
        return None
    known = HOUSES.get(name.lower())
    if known is not None:
        return known
    if name in HOUSE_NAMES or has_organization_word(name):
        return name
    words = written.split()
    if (
        people
        and name == written
        and 2 <= len(words) <= 3
        and all(w.isalpha() and w.istitle() for w in words)
        and not is_organization(name)
    ):
        return name
    return None
