"""The house an article is about at each point, and the researchers it introduces without a firm.

Articles about one house's call rarely repeat the house beside the person who voices it:
"DZ Bank now thinks more of the market. In a study published on Tuesday, analyst Christian
Kahler sees ...", "At the top of the range is Oppenheimer. Chief investment strategist John
Stoltzfus sees ...", "... said Natasha Kaneva, head of global commodities strategy",
"According to Dr. Ulrich Stephan, ... The strategist for private clients had expected ...".
The labelling convention credits the firm, and no phrase rule can list every way of
writing this. What they share: a person given a researcher's post (analyst, strategist,
economist, head of research or strategy, chief investment officer) with no firm of their
own beside it, while the article is about a house: the only one named in the sentence and
the one before, or else the only one the article has named so far. That house is the one they speak
for. A pointer with such a post ("the strategist") gives it to the person named last, up to
two sentences before.

One pass over the article keeps the house in focus (the last house the tables know, named
outside quotations) and ties each such person to it, by full name and surname, for
`article_affiliations` (explicit ties, "Jane Doe of Acme", win over these). Not tied: a
person whose post is an officer's, a founder's, a trader's or an investor's (they speak
for themselves unless a firm is named), one described as independent, former or retired,
the public figures the convention tracks in their own name, and anyone when no house was
named close before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ledger.extract.candidate import Candidate
from ledger.extract.crowd_subjects import crowd_subject
from ledger.extract.house_names import (
    HOUSE_NAMES,
    HOUSE_SUBJECT,
    QUOTED,
    has_organization_word,
    house_mentions,
    house_name,
    houses_named,
    is_organization,
    speaks_for,
)
from ledger.extract.named_firms import firms_named
from ledger.extract.patterns import speaker_phrases
from ledger.extract.person_names import clean_name
from ledger.extract.speakers import named_speakers

_PERSON = r"(?P<person>[A-Z][a-z][\w'-]*(?:\s+[A-Z][a-z][\w'-]*){1,2})"
# a researcher's post: what the convention credits to the firm (no officer, founder, trader)
_RESEARCH_POST = (
    r"(?:(?:(?!(?:and|or|but|while|whereas|with|of|at|by|to|from|said|says|the|a|an)\b)[a-z-]+"
    r"|[A-Z]{2,5}|U\.S\.)\s+){0,4}?"
    r"(?:strategist|analyst|economist|researcher"
    r"|(?:co-)?head\s+of\s+(?:[\w.-]+\s+){0,4}?(?:research|strategy|economics|analysis)"
    r"|chief\s+investment\s+officer|portfolio\s+manager)s?"
)
# what makes a post the person's own, not a firm's
_NOT_A_FIRMS = re.compile(
    r"\b(?:independent|freelance|former|retired|ex-|one-time|veteran|outside|private|amateur"
    r"|crypto|self-described|famed|famous|well-known|popular|technical)\b",
    re.IGNORECASE,
)
# "analyst Christian Kahler sees", "Chief investment strategist John Stoltzfus": the post
# right before the name, in lower case except its first word
_POST_THEN_PERSON = re.compile(
    rf"(?<![\w'])(?<![Tt]he\s)(?P<post>(?:[Ii]ts\s+|[Tt]heir\s+)?"
    r"(?:(?:Chief|Senior|Lead|Global|Head|Equity|Market|Investment|Commodities|Currency|FX)\s+)?"
    rf"(?:{_RESEARCH_POST}|(?:Analyst|Strategist|Economist)s?)),?\s+{_PERSON}"
)
# "Natasha Kaneva, head of global commodities strategy", "Sven Streibel, chief equity
# strategist at the central institution of ...": the post right after the name, with no
# firm's name after it
_PERSON_THEN_POST = re.compile(
    rf"{_PERSON},\s+(?P<post>(?:(?:a|an|the|its|their)\s+)?{_RESEARCH_POST})"
    r"(?P<after>\s+(?:at|of|with|for)\s+\S+)?"
)
# "The strategist for private and corporate clients had ...", "the analyst said": a pointer
# to the person named last, with a researcher's post
_POST_POINTER = re.compile(rf"\b[Tt](?:he|his)\s+(?P<post>{_RESEARCH_POST})\b(?!\s+[A-Z])")
_PERSON_RUN = re.compile(_PERSON)
_SENTENCE_SUBJECT = re.compile(speaker_phrases.SENTENCE_SUBJECT)
_DESCRIBED_FIRM_AFTER = re.compile(
    r"\s+(?:at|of|with)\s+(?:the\s+)?(?:[a-z-]+\s+){1,3}?(?:firm|company|house|bank|manager"
    r"|brokerage|consultancy|boutique)\s+(?P<firm>[A-Z][\w&.-]*(?:\s+(?:[A-Z][\w&.-]*|of|&)){0,4})"
)
# a clause of its own before the person, with its own subject: a round-up's next entry
_ANOTHER_CLAUSE = re.compile(r"(?:,\s*(?:and|while|whereas|but)|;)\s+[^,;]*$")
# sentences back that a house named stays the one the article is about
_WINDOW = 1
# sentences back that a pointer with a post ("the strategist") reaches for its person
_POINTER_WINDOW = 2


def focus_affiliations(sentences: Sequence[str]) -> dict[str, str]:
    """Who speaks for the house in focus, by full name and surname (see the module docstring)."""
    found: dict[str, str] = {}
    named_at: list[tuple[int, str]] = []  # (sentence, house) in reading order
    last_person: str | None = None
    last_person_at = -99
    for index, raw in enumerate(sentences):
        text = QUOTED.sub(lambda quote: " " * len(quote[0]), raw)

        def focus(position: int, index: int = index, text: str = text) -> str | None:
            # one house only: "UBS forecasts 7,700, and strategist Ed Yardeni ..." names two,
            # and a round-up's strategist is not the last house's
            if _ANOTHER_CLAUSE.search(text, 0, position):
                return None  # "UBS forecasts 7,700, and strategist Ed Yardeni points to ..."
            recent = [house for at, house in named_at if index - at <= _WINDOW]
            # failing one close before, the only house the article has named so far
            houses = set(_houses(text)) | set(recent) or {house for _, house in named_at}
            return houses.pop() if len(houses) == 1 else None

        for pattern in (_POST_THEN_PERSON, _PERSON_THEN_POST):
            for match in pattern.finditer(text):
                after = match.groupdict().get("after")
                if after and re.match(r"\s+(?:at|of|with|for)\s+[A-Z]", after):
                    continue  # "..., strategist at Acme": the firm is named; speaker_roles reads it
                described = _DESCRIBED_FIRM_AFTER.match(text, match.end("post"))
                if described:
                    # "head of digital asset research at global investment firm VanEck": what
                    # the firm is says it is one, whatever its name
                    firm = clean_name(described["firm"].rstrip(".,;:").split())
                    _tie(found, match["person"], firm and house_name(firm), match["post"])
                    continue
                described = text[max(0, match.start() - 30) : match.start()] + match["post"]
                if _NOT_A_FIRMS.search(described) or _named_firm_before(text, match.start()):
                    continue
                firm = focus(match.start())
                _tie(found, match["person"], firm, match["post"])
                for other in _fellows(text, match):
                    _tie(found, other, firm, match["post"])
        pointer = _POST_POINTER.search(text)
        if pointer and last_person and index - last_person_at <= _POINTER_WINDOW:
            # "According to Dr. Ulrich Stephan, ... The strategist for private clients":
            # the person named last holds the post
            persons_before = [m for m in _PERSON_RUN.finditer(text, 0, pointer.start())]
            if not any(not is_organization(m["person"]) for m in persons_before):
                _tie(found, last_person, focus(pointer.start()), pointer["post"])
        for match in _PERSON_RUN.finditer(text):
            person = clean_name(match["person"].split())
            if person and not is_organization(person) and not houses_named(person):
                last_person, last_person_at = person, index
        named_at.extend((index, house) for house in _houses(text))
    return found


# "analysts Michael Haigh and Ben Hoff wrote", "strategists Jane Roe, John Doe and Ann Poe":
# the others a plural post names after its first person
_FELLOW = re.compile(rf"(?:,\s+(?:and\s+)?|,?\s+and\s+){_PERSON}")


def _fellows(text: str, match: re.Match[str]) -> list[str]:
    """The people named after the first under one plural post ("analysts A and B"): they
    hold the same post at the same house."""
    if not re.search(r"(?:ist|yst|er|ead|ar)s\b", match["post"]):
        return []
    fellows = []
    end = match.end()
    while (fellow := _FELLOW.match(text, end)) is not None:
        fellows.append(fellow["person"])
        end = fellow.end()
    return fellows


def _houses(text: str) -> list[str]:
    """The houses a sentence names, in order: every house the tables know, and any firm the
    sentence makes a speaker ("DZ Bank now thinks ...") whose name says it is a firm."""
    # "Per data of Oakmont Asset Management, ...": a research firm named anywhere
    found = firms_named(text)
    named = named_speakers(text)
    for pattern in (HOUSE_SUBJECT, _SENTENCE_SUBJECT):
        # "Brightwater Bank is bullish on gold": the firm the sentence is about
        subject = pattern.match(text)
        if subject:
            named.append((subject.start("name"), subject["name"]))
    for position, written in named:
        name = clean_name(written.split())
        if name is None:
            continue
        known = name in HOUSE_NAMES or house_name(name) in HOUSE_NAMES
        # a firm's word alone ("Bank" of "ANALYSIS/Deutsche Bank") names no firm
        whole = len(name.split()) > 1 and is_organization(name) and has_organization_word(name)
        if known or whole:
            found.append((position, house_name(name)))
    return [house for _, house in sorted(found)]


# "Deutsche Bank strategist Jane Doe", "Citi's analyst Jane Doe": a firm named right before
# the post is the person's own (speaker_roles reads it)
_FIRM_BEFORE = re.compile(r"[A-Z][\w&.-]*(?:'s|s')?\s*$")


def _named_firm_before(text: str, start: int) -> bool:
    before = text[max(0, start - 60) : start]
    match = _FIRM_BEFORE.search(before)
    return bool(match and houses_named(match[0]))


def _tie(found: dict[str, str], written: str, firm: str | None, post: str) -> None:
    person = clean_name(written.split())
    if firm is None or person is None or is_organization(person) or houses_named(person):
        return
    if not speaks_for(person, firm, post):
        return
    found.setdefault(person, firm)
    found.setdefault(person.split()[-1], firm)


def credited_to_sole_house(candidates: Sequence[Candidate], text: str) -> list[Candidate]:
    """Calls the article credits to nobody, credited to the one house it is about.

    A note or an outlook published by one house ("BofAML | We still see EUR/USD at 1.08",
    "Standard Chartered's latest move: it raised its ether target to $7,500 and predicts
    $25,000 by 2028") names the house where it speaks and then leaves it out. When every house
    the article names and every speaker it credits is that one house, a call with no speaker
    in a paragraph that names the house before it, or a call in the first person after the
    house was named, is its call. Not when the article credits a person or names two houses,
    and not a call paragraphs away from the house ("JPMorgan's analysts compared ... \n\nNew
    price target: $170,000"): a house's name does not carry across the page."""
    speakers = {c.speaker for c in candidates if c.speaker is not None}
    houses = {house_name(h) for _, h in house_mentions(text)}
    houses |= {house_name(s) for s in speakers}
    if len(houses) != 1 or any(not is_organization(s) for s in speakers):
        return list(candidates)
    (house,) = houses
    if not speakers and house not in HOUSE_NAMES:
        return list(candidates)  # a name only the tables' aliases found, credited by no call
    named = [at for at, written in house_mentions(text) if house_name(written) == house]
    for speaker in speakers:
        named += [m.start() for m in re.finditer(re.escape(speaker), text)]
    return [
        replace(c, speaker=house)
        if c.speaker is None and not crowd_subject(c.sentence) and _about_the_house(c, text, named)
        else c
        for c in candidates
    ]


_WE = re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)


def _about_the_house(candidate: Candidate, text: str, named: list[int]) -> bool:
    """Whether the house is named in the call's paragraph before the call ends, or named
    anywhere before a call in the first person (a sidebar's headline after the note, "JPMorgan
    Lifts Gold Price Forecast ...", is not what the note is about)."""
    where = text.find(candidate.sentence[:60])
    if where < 0:
        return False
    paragraph = text.rfind("\n", 0, where) + 1
    if any(paragraph <= at < where + len(candidate.sentence) for at in named):
        return True
    first_person = _WE.search(QUOTED.sub(" ", candidate.sentence)) is not None
    return first_person and min(named, default=where) < where
