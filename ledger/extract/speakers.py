"""Who makes a call: named in the sentence, pointed back to, or the article's author.

Tried in this order, the first that gives a name wins:

1. a name the sentence attaches to a forecast: "JPMorgan expects",
   "according to Goldman Sachs", "analysts at Citi", "Citi's strategists",
   "said Jane Doe, chief strategist at Acme Capital" (the firm, not the
   person, when both are given: the call is the house's view);
2. a headline's leading name: "UBS: gold to average $3,900 in Q2";
3. a first-person call ("I expect", "we think", outside quotation marks):
   the article's author, from the byline;
4. a pointer back: "the bank", "the firm" to the last organization named,
   "she", "the strategist" to the last person (as the article credited them),
   "they", "the team" to the last speaker of either kind;
5. the subject of the sentence: "Deutsche Bank is even more optimistic, ...",
   "JPMorgan continues to be bullish on gold, expecting ...", or a house
   opening it with a verb of its own ("Deutsche Bank accepts ...").

Around these rules: a section heading that is only a house's name
("GOLDMAN SACHS (DEC 1)") and a list item's label ("Goldman Sachs: ~$4,900")
name the speaker of what follows; "he", "she" and "his target" point to the
person last introduced with a role ("Tom Lee, chairman of BitMine"); and every
name is kept as the ledger should keep it (`house_name`: "Citigroup Inc" is
Citigroup, "BofA" Bank of America, "Tony Sycamore of IG" IG), with the short
names the article itself spells out widened (`article_names`: "Schiff" is
Peter Schiff, "EIA" the Energy Information Administration).

A name is a run of capitalized words (with "of", "&" inside: "Bank of
America") that is not a common word, an outlet or an asset
(patterns.NOT_A_NAME). A name is an organization when a word of it says so
("Capital", "Bank", "Sachs") or it is one word or an acronym ("JPMorgan",
"UBS"); otherwise a person.

One sentence may give several speakers their own calls: "Barclays pencils in
7,200, Citi and RBC are aiming for 7,000": `speaker_spans` lists where each
named speaker (or list of speakers, "Citi and RBC") starts, so each level can
be credited to the speaker named last before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ledger.claims.assets import BUILTIN_ALIASES
from ledger.extract import patterns as P
from ledger.extract.textops import any_of, phrase_regex

_SPEAKER_VERB = re.compile(phrase_regex(P.SPEAKER_VERBS), re.IGNORECASE)
_SPEAKER_GROUP = re.compile(phrase_regex(P.SPEAKER_GROUPS), re.IGNORECASE)
_SPEAKER_AFTER = any_of(P.SPEAKER_AFTER)
# "strategists at Scotiabank": the group's firm is named after it
_GROUP_OF_FIRM = re.compile(r"\s+(?:at|from|with)\s+(?:the\s+)?[A-Z]")
_SPEAKER_ANAPHORA = any_of(P.SPEAKER_ANAPHORA)
_ORGANIZATION_POINTER = any_of(P.SPEAKER_ANAPHORA_ORGANIZATION)
_PERSON_POINTER = any_of(P.SPEAKER_ANAPHORA_PERSON)
_ORGANIZATION_WORDS = frozenset(P.ORGANIZATION_WORDS)
# "Citi, RBC and HSBC": the joint before the last name is "and", the others commas.
_LAST_JOINT = re.compile(r"(?:,\s*and\s+|\s+and\s+|,?\s+or\s+)$")
# "Bank of America and others such as HSBC or Société Générale point to $5,000": the
# houses named as examples share the call with the one before them
_COMMA_JOINT = re.compile(
    r"(?:,\s*|(?:,?\s+and)?\s+(?:many\s+)?others\s+(?:such\s+as|like|including)\s+"
    r"|,?\s+(?:such\s+as|including)\s+)$"
)
_FIRST_PERSON = any_of(P.FIRST_PERSON)
_POSSESSIVE = re.compile(
    r"'s\s+(?:[\w-]+\s+){0,4}?(?:" + phrase_regex(P.SPEAKER_GROUPS + P.SPEAKER_POSSESSIONS) + ")",
    re.IGNORECASE,
)
_PERSON_AT_FIRM = re.compile(P.PERSON_AT_FIRM)
_HEADLINE_SPEAKER = re.compile(P.HEADLINE_SPEAKER)
_HEADLINE_CREDIT = re.compile(
    r"\s[-\u2013\u2014|]\s*(?P<name>[A-Z][\w&.'-]*(?:\s+(?:[A-Z][\w&.'-]*|of|&)){0,4})\s*$"
)
_SENTENCE_SUBJECT = re.compile(P.SENTENCE_SUBJECT)
_HOUSE_SUBJECT = re.compile(
    r"^\W*(?P<name>[A-Z][\w&.'-]*(?:\s+(?:[A-Z][\w&.'-]*|of|&)){0,4})"
    # "UBS, meanwhile, keeps its forecast range": an adverb set off by commas
    r"(?:,\s+(?:meanwhile|however|too|also|instead|likewise|similarly|in\s+turn"
    r"|for\s+its\s+part|(?:while|though|although|albeit)\s[^,;:]{1,60}),)?\s+"
    r"(?:[a-z]+(?:s|ed)|led|cut|said|saw|set|kept|took|made|gave|put|held|told|wrote)\b"
)
_QUOTED = re.compile(r"\"[^\"]*\"")
_QUOTED_FIRST_PERSON = re.compile(r"^\W*\"[^\"]*\b(?:we|our|i|my)\b[^\"]*\"?\W*$", re.IGNORECASE)
_FIRM_BEFORE_PERSON = re.compile(
    r"(?P<firm>[A-Z][\w&.-]*(?:\s+(?:[A-Z][\w&.-]*|of|&)){0,4})(?:'s|(?<=s)')\s+$"
)
_NOT_A_NAME = frozenset(P.NOT_A_NAME)
_OFFICER_TITLES = frozenset(("CEO", "CIO", "CFO", "COO", "CTO", "CMO", "CSO"))
_WHERE_BASED = re.compile(r"-(?:based|headquartered|listed|born)$", re.IGNORECASE)
_NAME_TOKEN = re.compile(r"^[A-Z][\w&.'-]*$|^&$")
_CONNECTORS = frozenset(("of", "&", "de", "du", "van", "von", "der", "la"))
_FILLERS = frozenset(P.SPEAKER_VERB_FILLERS)
_ASSET_WORDS = frozenset(BUILTIN_ALIASES) | frozenset(P.ARTICLE_ASSET_NAMES)
_LEGAL_SUFFIXES = frozenset(P.LEGAL_SUFFIXES)
_HOUSES = {alias.lower(): house for alias, house in P.HOUSE_ALIASES.items()}
_HOUSE_NAMES = tuple(dict.fromkeys(P.HOUSE_ALIASES.values()))
_DESKS = frozenset(P.HOUSE_DESKS)
_WEEKDAYS = frozenset(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
)
# "JPMorgan therefore sees", "Citi reportedly expects": an adverb between name and verb
_ADVERB = re.compile(r"^(?:[a-z]+ly|therefore|thus|hence|too|already|again|similarly)$")
# (a comma between digits, "$2,800", does not end the description)
_APPOSITION = re.compile(
    r",\s+(?:(?:a|an|the|who|whose|which|one|(?:co-)?chief|(?:co-)?head|founder|co-founder|in|at|on|for"
    r"|according)\b(?:[^,;:]|(?<=\d),(?=\d)){1,100}|"
    + r"(?:meanwhile|however|too|also|instead|likewise|similarly"
    r"|though|in\s+turn|for\s+its\s+part|for\s+their\s+part)"
    # "Deutsche Bank, while more conservative, also sees": a clause of contrast
    r"|(?:while|though|although|albeit|like|unlike)\b[^,;:]{1,60}"
    # "Goldman Sachs, calling gold the currency of last resort, expects": a participle's clause
    r"|[a-z]{3,}ing\b[^,;:]{1,100}),\s*(?:[a-z]+\s+){0,2}$"
)
_PARENTHETICAL = re.compile(r"^\([^()]*\),?$")


@dataclass(frozen=True)
class SpeakerReading:
    """The speaker of a sentence's calls, and how it was found.

    `named` is True when the sentence itself names the speaker, so later
    sentences can point back to it ("the bank"); `note` explains any other
    reading, for the candidate's assumptions.
    """

    name: str | None
    named: bool = False
    note: str | None = None
    # read from a pointer ("the bank says"): the speaker named before is still the one
    pointed: bool = False


@dataclass(frozen=True)
class Recent:
    """The speakers named before a sentence, that its pointers ("the bank", "she") mean."""

    speaker: str | None = None
    organization: str | None = None
    person: str | None = None


def is_organization(name: str) -> bool:
    """Whether a name is a firm rather than a person, by the rule in the module docstring."""
    words = name.split()
    if len(words) == 1:
        return True
    return any(
        word.lower() in _ORGANIZATION_WORDS or (len(word) >= 2 and word.isupper()) for word in words
    )


# "Bank of America Merrill Lynch equity strategist Savita Subramanian": up to five words
_NAME = r"[A-Z][\w&.'-]*(?:\s+(?:[A-Z][\w&.'-]*|of|&)){0,4}"
_PERSON = r"[A-Z][a-z][\w'-]*(?:\s+[A-Z][a-z][\w'-]*){1,2}"
_ROLE = (
    # "co-head of commodities research": a shared post is the post (not "co-founder": a
    # founder speaks for themself)
    r"(?:(?:[a-z-]+|[A-Z]{2,5})\s+){0,4}?(?:co-head|strategist|analyst|economist|head|chief|director"
    r"|manager|officer|cio|ceo|founder|partner|trader|researcher|president|principal|executive)(?:\s+(?:of|for)\s+(?:(?:[a-z-]+|[A-Z]{2,5})"
    r"\s+){0,3}?[a-z-]+)?"
)
# "head of US equity strategy Lori Calvasina": a role in lower case, then the person
_ROLE_THEN_PERSON = re.compile(rf"{_ROLE},?\s+(?P<person>{_PERSON})")
_CAPITALIZED = re.compile(r"\b[A-Z][\w&.'-]*")
_AFFILIATIONS = (
    # "Deutsche Bank strategist Maximilian Uleer", "JPMorgan's head of research, Jane Doe"
    re.compile(rf"(?P<firm>{_NAME})(?:'s)?\s+{_ROLE},?\s+(?P<person>{_PERSON})"),
    # "Jane Doe, chief strategist at Acme Capital", "Jane Doe, managing director and chief
    # executive of Acme Securities" (two roles joined)
    re.compile(
        rf"(?P<person>{_PERSON}),\s+(?:a\s+|an\s+|the\s+)?{_ROLE}(?:\s+(?:and|&)\s+{_ROLE})?"
        rf"\s+(?:at|of|with)\s+(?P<firm>{_NAME})"
    ),
    # "Geoff Kendrick, the bank's head of digital assets research": the firm named before
    re.compile(
        rf"(?P<person>{_PERSON}),\s+(?P<firm>the\s+(?:bank|firm|company|group|lender|house))'s"
        rf"\s+{_ROLE}"
    ),
    # "Its strategist Martijn Rats expects": the firm the sentences before are about
    re.compile(rf"(?P<firm>\b[Ii]ts|\b[Tt]heir)\s+{_ROLE},?\s+(?P<person>{_PERSON})"),
    # "ING's Chris Turner"
    re.compile(rf"(?P<firm>{_NAME})'s\s+(?P<person>{_PERSON})\b"),
    # "Maximilian Uleer, who heads European equity strategy at the bank"
    re.compile(
        rf"(?P<person>{_PERSON}),\s+who\s+(?:heads|leads|runs|works|is|oversees)\s+"
        rf"(?:[\w-]+\s+){{0,6}}?(?:at|of|for|with)\s+(?P<firm>{_NAME}|the\s+(?:bank|firm))\b"
    ),
)


# "Strategists led by Wayne Gordon now expect", "UBS analysts led by Jane Doe", "Equity
# strategists led by Venu Krishna": a team speaks for its firm, named before the team words
# (a house the tables know, or an organization's name) or, failing that, the firm the
# sentences before are about.
_TEAM_LED_BY = re.compile(
    rf"(?P<firm>(?<![\w'])(?:{_NAME}(?:'s)?\s+)?)(?:[A-Za-z-]+\s+)?(?:[Aa]nalysts|[Ss]trategists"
    r"|[Ee]conomists|[Rr]esearchers|[Tt]eam)\s+(?:led|headed)\s+by\s+"
    rf"(?P<person>{_PERSON})"
)


def affiliations(text: str, last_organization: str | None = None) -> dict[str, str]:
    """People the sentence names with the firm they speak for, by full name and surname.

    "Deutsche Bank strategist Maximilian Uleer": a later "Uleer thinks" is
    Deutsche Bank's call, as the article credits the firm.
    """
    found: dict[str, str] = {}
    subject = _HOUSE_SUBJECT.match(text)
    house = clean_name(subject["name"].split()) if subject else None
    if house and is_organization(house):
        # "RBC Capital Markets is the latest to lift its target: head of US equity strategy
        # Lori Calvasina wrote": a person given by a role alone speaks for the house the
        # sentence is about
        for match in _ROLE_THEN_PERSON.finditer(text, subject.end()):
            between = _CAPITALIZED.findall(text, subject.end(), match.start())
            if any(word.lower().rstrip(".,") not in _NOT_A_NAME for word in between):
                break  # "Oppenheimer has 8,100, UBS forecasts 7,700, and strategist Ed Yardeni"
            person = clean_name(match["person"].split())
            if person and person != house and not is_organization(person):
                found[person] = house
                found[person.split()[-1]] = house
    for pattern in _AFFILIATIONS:
        for match in pattern.finditer(text):
            written = match["firm"].removesuffix("'s").removesuffix("\u2019s").removesuffix("'")
            pointer = written.lower().startswith("the ") or written.lower() in ("its", "their")
            firm = last_organization if pointer else clean_name(written.split())
            person = clean_name(match["person"].split())
            # the role ("strategist at") says the firm is one, whatever its words
            if firm and person and firm != person and not is_organization(person):
                found[person] = firm
                found[person.split()[-1]] = firm
    for match in _TEAM_LED_BY.finditer(text):
        person = clean_name(match["person"].split())
        named = clean_name(match["firm"].removesuffix(" ").removesuffix("'s").split())
        known = named is not None and (named in _HOUSE_NAMES or is_organization(named))
        firm = named if known else last_organization
        if firm and person and firm != person and not is_organization(person):
            found.setdefault(person, firm)
            found.setdefault(person.split()[-1], firm)
    return found


def find_speaker(
    text: str, *, headline: bool, author: str | None, recent: Recent | None = None
) -> SpeakerReading:
    """The speaker of `text`, by the rules in the module docstring."""
    recent = recent or Recent()
    named = named_speakers(text)
    if named:
        return SpeakerReading(min(named)[1], named=True)
    heading = heading_name(text)
    if heading is not None:
        return SpeakerReading(heading, named=True, note=f"the section heading: {heading}")
    if headline:
        match = _HEADLINE_SPEAKER.match(text)
        name = clean_name(match["name"].split()) if match else None
        if name:
            return SpeakerReading(name, named=True)
        # "USD/JPY to fall below 140 by the end of the year - MUFG": the source after a dash
        credit = _HEADLINE_CREDIT.search(text)
        name = clean_name(credit["name"].split()) if credit else None
        if name and (name in _HOUSE_NAMES or is_organization(name)):
            return SpeakerReading(house_name(name), named=True)
    if recent.speaker and _QUOTED_FIRST_PERSON.search(text):
        # '"We have a modest year-end target of 152," the strategist wrote' names its
        # speaker in the sentence; a quote standing alone is the last speaker's.
        return SpeakerReading(
            recent.speaker, note=f"a quotation in the first person: read as {recent.speaker}"
        )
    if _FIRST_PERSON.search(_QUOTED.sub(" ", text)):
        if author:
            return SpeakerReading(author, note=f"first-person call: the article's author, {author}")
        if recent.organization:
            # An unsigned report in the first person ("We forecast Brent at $56") after the
            # text names its publisher: the publisher's own call.
            return SpeakerReading(
                recent.organization,
                note=f"first-person call with no author named: read as {recent.organization},"
                " the organization named before",
            )
        return SpeakerReading(
            None, note="first-person call by the article's author, who is not named: give --source"
        )
    pointer = _SPEAKER_ANAPHORA.search(text)
    if pointer:
        if _ORGANIZATION_POINTER.fullmatch(pointer[0]):
            # "Standard Chartered is more upbeat: it raised its target": the house the
            # sentence names before the pointer, before any named in sentences before
            earlier = houses_named(text[: pointer.start()])
            meant = earlier[-1] if earlier else recent.organization or recent.speaker
        elif _PERSON_POINTER.fullmatch(pointer[0]):
            meant = recent.person or recent.speaker
        else:
            meant = recent.speaker
        if meant:
            return SpeakerReading(
                meant, note=f"'{pointer[0]}' read as {meant}, named before", pointed=True
            )
    subject = _SENTENCE_SUBJECT.match(text)
    if subject:
        name = clean_name(subject["name"].split())
        if name:
            return SpeakerReading(name, named=True)
    subject = _HOUSE_SUBJECT.match(text)
    if subject:
        # "Deutsche Bank accepts ..., but is forecasting 1.25": a firm opening the sentence
        # with a verb of its own is who speaks, whatever the verb.
        name = clean_name(subject["name"].split())
        if name and (name in _HOUSE_NAMES or _has_organization_word(name)):
            return SpeakerReading(name, named=True)
    return SpeakerReading(None)


def _has_organization_word(name: str) -> bool:
    return any(word.lower() in _ORGANIZATION_WORDS for word in name.split())


def speaker_spans(text: str) -> list[tuple[int, tuple[str, ...]]]:
    """Where each speaker the sentence names starts, with the names listed there.

    "Citi and RBC are aiming for 7,000" gives one entry with both names: each
    makes the call. Sorted by position; a place named twice counts once.
    """
    found: dict[int, tuple[str, ...]] = {}
    for position, name in named_speakers(text):
        names = [name]
        start = position
        for count in range(8):  # a list of speakers is short; stop at eight
            joint = (_COMMA_JOINT if count else _LAST_JOINT).search(text, 0, start)
            if joint is None:
                break
            earlier, earlier_start = name_before_at(text[: joint.start()])
            if earlier is None:
                break
            names.insert(0, earlier)
            start = earlier_start
        found.setdefault(start, tuple(dict.fromkeys(n for name in names for n in _houses_in(name))))
    for start, houses in roll_call(text):
        found.setdefault(start, houses)
    if found:
        first = min(found)
        for match in _GAPPED_HOUSE.finditer(text):
            # "Bank of America has set 55,500 as its target and UBS 54,000": the verb is
            # left out for the second house, whose level follows its name at once.
            name = clean_name(match["name"].split())
            if match.start("name") > first and name and _is_house_like(name):
                found.setdefault(match.start("name"), (house_name(name),))
    return sorted(found.items())


# A roll call of houses and their levels, with no forecast verb: "Next comes BMO Capital at
# 6,700, then a group (Citi, Goldman Sachs, Fundstrat) at 6,600", "Morgan Stanley, HSBC and
# Yardeni follow at 6,500". Each name list is followed by "at" and a number at once, or by a
# verb of rank ("follow", "come in", "sit", "stand") and "at".
_ROLL_CALL = re.compile(
    rf"(?P<names>{_NAME}(?:\s*,\s*{_NAME}){{0,7}}(?:,?\s+(?:and|&)\s+{_NAME})?)\)?"
    r"\s+(?:(?:follows?|comes?\s+in|sits?|stands?|is|are|remains?|trails?)\s+)?at\s+"
    r"(?:~|about\s+|around\s+)?(?:US|USD\s*)?[$\u20ac\u00a3]?\d"
)
_ROLL_CALL_JOINT = re.compile(r"\s*,\s*(?:and\s+|&\s+)?|,?\s+(?:and|&)\s+")


def roll_call(text: str) -> list[tuple[int, tuple[str, ...]]]:
    """Where each name list of a roll call of houses starts, with its houses ("Morgan
    Stanley, HSBC and Yardeni follow at 6,500": one call each). A list counts when every
    part of it is a name and one of them looks like a house, so "in March at $4,000" or
    "Spot at $4,100" gives nothing."""
    found: list[tuple[int, tuple[str, ...]]] = []
    for match in _ROLL_CALL.finditer(text):
        names = [clean_name(part.split()) for part in _ROLL_CALL_JOINT.split(match["names"])]
        if all(names) and any(_is_house_like(n) for n in names if n):
            houses = tuple(dict.fromkeys(n for n in names if n))
            found.append((match.start("names"), houses))
    return found


_GAPPED_HOUSE = re.compile(
    rf"(?:,\s*(?:and\s+|while\s+|whereas\s+)?|\s(?:and|while|whereas)\s+)(?P<name>{_NAME})"
    r"\s+(?:at\s+|with\s+)?(?:~|about\s+|around\s+)?(?:US|USD\s*)?[$\u20ac\u00a3]?\d"
)


def _is_house_like(name: str) -> bool:
    """A known house, or a name with a firm's word or an acronym in it ("Evercore ISI")."""
    if _is_house(name) or _has_organization_word(name):
        return True
    if len(name.split()) == 1:
        return name.isupper() and len(name) >= 2  # "RBC", not "March" in "and March 2026"
    return is_organization(name)


_HOUSE_MENTION = re.compile(
    r"(?<![\w&])(?:"
    + "|".join(re.escape(alias) for alias in sorted(P.HOUSE_ALIASES, key=len, reverse=True))
    + r")(?![\w&])"
)


def houses_named(text: str) -> list[str]:
    """Known houses the text names anywhere outside quotations ("This one comes from ING"),
    as the ledger names them: what "the bank" in the next sentences points back to."""
    unquoted = _QUOTED.sub(lambda quote: " " * len(quote[0]), text)
    return [_HOUSES[match[0].lower()] for match in _HOUSE_MENTION.finditer(unquoted)]


def split_houses(name: str) -> list[str]:
    """ "Goldman Sachs & Morgan Stanley", "Citi and HSBC": the known houses a name joins, each
    as the ledger names it; one name when it is one firm ("Hauck & Aufhäuser")."""
    parts = [part.strip() for part in re.split(r"\s+(?:&|and)\s+", name)]
    if len(parts) > 1 and all(_is_house(part) for part in parts):
        return [house_name(part) for part in parts]
    return [name]


def _houses_in(name: str) -> list[str]:
    """ "Deutsche Bank & SocGen": two houses joined by "&" are two speakers; a firm whose own
    name has an "&" ("Hauck & Aufhäuser") is one."""
    parts = [part.strip() for part in name.split(" & ")]
    if len(parts) > 1 and all(_is_house(part) for part in parts):
        return [house_name(part) for part in parts]
    return [name]


def _is_house(name: str) -> bool:
    """A known house, by any of its names or the first word of one ("Goldman")."""
    key = name.lower()
    return key in _HOUSES or any(house.lower().startswith(f"{key} ") for house in _HOUSE_NAMES)


def named_speakers(text: str) -> list[tuple[int, str]]:
    """Every (position, name) the sentence attaches to a forecast or a statement.

    The position is where the name starts when it comes before its verb
    ("JPMorgan expects"), and where the verb starts when it comes after
    ("said Goldman Sachs").
    """
    found: list[tuple[int, str]] = []
    # Names inside a quotation are what is quoted ("The prospect of BoJ hikes ..."), not
    # who speaks: blanked, so that positions stay put.
    text = _QUOTED.sub(lambda quote: " " * len(quote[0]), text)
    for match in _SPEAKER_AFTER.finditer(text):
        name, end = name_after(text, match.end())
        if name:
            firm = _PERSON_AT_FIRM.match(text, end)
            if firm:
                organization, _ = name_after(text, firm.end())
                name = organization or name
            found.append((match.start(), name))
    for match in _POSSESSIVE.finditer(text):
        name, start = name_before_at(text[: match.start()])
        if name:
            found.append((start, name))
    for pattern in (_SPEAKER_GROUP, _SPEAKER_VERB):
        for match in pattern.finditer(text):
            if pattern is _SPEAKER_GROUP and _GROUP_OF_FIRM.match(text, match.end()):
                continue  # "Currency strategists at Scotiabank": the words before describe them
            name, start = name_before_at(text[: match.start()])
            if name is None and pattern is _SPEAKER_VERB:
                name, start = _name_before_apposition(text[: match.start()])
            if name:
                # "ING's Chris Turner sees": the person speaks for the firm
                firm = _FIRM_BEFORE_PERSON.search(text, 0, start)
                firm_name = clean_name(firm["firm"].split()) if firm else None
                if firm is not None and firm_name and not is_organization(name):
                    found.append((firm.start(), firm_name))
                else:
                    found.append((start, name))
    return found


def _name_before_apposition(text: str) -> tuple[str | None, int]:
    """ "Peter Brandt, a well-known trader with 741k followers, predicted": the name before a
    description set off by commas (one that starts in lower case) is the verb's subject."""
    match = _APPOSITION.search(text)
    if match is None:
        return None, len(text)
    return name_before_at(text[: match.start()])


def clean_name(tokens: list[str]) -> str | None:
    """A name without leading or trailing common words; None if nothing is left."""
    while tokens and (
        tokens[0].lower().rstrip(".") in _NOT_A_NAME
        or tokens[0] in _CONNECTORS
        # "UK-based Standard Chartered", "London-listed HSBC": where the firm is, not its name
        or (len(tokens) > 1 and _WHERE_BASED.search(tokens[0]))
    ):
        tokens = tokens[1:]
    while tokens and (tokens[-1].lower() in _NOT_A_NAME or tokens[-1] in _CONNECTORS):
        if len(tokens) >= 2 and " ".join(tokens[-2:]).lower() == "capital markets":
            break  # "BMO Capital Markets", "RBC Capital Markets": the firm's own name
        tokens = tokens[:-1]
    if not tokens:
        return None
    name = " ".join(tokens)
    if name.lower() in _ASSET_WORDS:
        return None
    return house_name(name)


def house_name(name: str) -> str:
    """The name a ledger keeps for a speaker: the house, as readers name it.

    The ledger scores a source by its name, so one bank written four ways
    ("JPMorgan Chase & Co.", "J.P. Morgan", "BofA Global Research", "Citigroup
    Inc") would be four sources. Legal suffixes go ("Inc", "& Co.", "plc"),
    a known house's desks and branches go ("UBS Switzerland", "Goldman Sachs
    Research"), a known short name becomes the house's ("BofA"), a
    person named with the firm becomes the firm ("Tony Sycamore of IG",
    "Oxford Economics' Norihiro Yamaguchi": the call is the house's view),
    and "U.S." before an agency goes. A name the tables do not know is kept.
    """
    tokens = name.split()
    while len(tokens) > 1 and tokens[-1].lower().rstrip(".,") in _LEGAL_SUFFIXES:
        tokens = tokens[:-1]
        if len(tokens) > 1 and tokens[-1] == "&":
            tokens = tokens[:-1]
    for index, token in enumerate(tokens[:-1]):
        # "Oxford Economics' Norihiro Yamaguchi": a plural possessive before a person
        if index and token.endswith("'") and not is_organization(" ".join(tokens[index + 1 :])):
            return house_name(" ".join(tokens[: index + 1])[:-1])
        # "Evercore ISI's Julian Emanuel": the firm's person, named in full, speaks for it
        person = tokens[index + 1 :]
        if token.endswith(("'s", "\u2019s")) and len(person) >= 2:
            firm = " ".join(tokens[: index + 1])[:-2]
            if is_organization(firm) and not is_organization(" ".join(person)):
                return house_name(firm)
    while len(tokens) > 1 and tokens[0] in ("U.S.", "US"):
        tokens = tokens[1:]
    titles = [i for i, token in enumerate(tokens) if token in _OFFICER_TITLES]
    if titles and 0 < titles[0] < len(tokens) - 1:
        # "Ripple CEO Brad Garlinghouse": the person speaks for the firm before the title
        return house_name(" ".join(tokens[: titles[0]]))
    if "of" in tokens:
        at = tokens.index("of")
        person, firm = " ".join(tokens[:at]), " ".join(tokens[at + 1 :])
        if at >= 2 and firm and not is_organization(person) and is_organization(firm):
            return house_name(firm)
    name = " ".join(tokens)
    key = name.lower()
    if key in _HOUSES:
        return _HOUSES[key]
    for house in _HOUSE_NAMES:
        if key.startswith(house.lower() + " ") and key[len(house) + 1 :] in _DESKS:
            return house
    return name


def name_before(text: str) -> str | None:
    """The capitalized name that ends `text` ("JPMorgan" in "... JPMorgan " before "expects")."""
    return name_before_at(text)[0]


def name_before_at(text: str) -> tuple[str | None, int]:
    """The capitalized name that ends `text`, and where in `text` it starts."""
    name: list[str] = []
    start = len(text)
    weekday = False
    relative = False
    for match in reversed(list(re.finditer(r"\S+", text[-400:]))):
        token = match[0]
        if not name and not relative and token.lower() in ("which", "who", "that"):
            relative = True  # "Bankhaus Lampe, which see the DAX at 12,100"
            continue
        if relative and not name and token.endswith(","):
            token = token[:-1]
        if not name and (token.lower() in _FILLERS or _ADVERB.match(token)):
            continue  # "JPMorgan now expects", "Capital Economics does not expect"
        if not name and _PARENTHETICAL.match(token):
            continue  # "Bank of America (BofA) has lifted": the short name, in brackets
        if not name and token.lower() in _WEEKDAYS:
            weekday = True  # "Bank of America on Monday raised"
            continue
        if not name and weekday and token.lower() == "on":
            weekday = False
            continue
        if name and token.startswith("-") and _NAME_TOKEN.match(token[1:]):
            token = token[1:]  # "(Reuters) -Bank of America": the wire's dash
        bare = token[:-2] if token.endswith("'s") else token
        if name and bare != token:
            break  # a possessive ends a name, it does not continue one
        if re.search(r"[,;:!?\"]$", bare):
            break  # "..., said": the name, if any, is on the other side of the comma
        if _NAME_TOKEN.match(bare) or (name and bare in _CONNECTORS):
            name.insert(0, bare)
            start = max(0, len(text) - 400) + match.start()
            continue
        break
    cleaned = clean_name(name) if name else None
    if cleaned is None:
        return None, len(text)
    # the name as the ledger keeps it may be spelled otherwise ("Societe Generale")
    return cleaned, start + max(0, text[start:].find(cleaned.split()[0]))


# A person's role in lower case right before the name: "analyst", "chief market strategist",
# "crypto trader", "veteran investor", "co-founder".
_ROLE_BEFORE_NAME = re.compile(
    r"(?:(?:[a-z]+|co-[a-z]+)\s+){0,3}?(?:analyst|strategist|economist|trader|investor"
    r"|founder|co-founder|chief|ceo|cio|partner|head|director|manager|researcher"
    r"|commentator|portfolio\s+manager)\s+(?=[A-Z][a-z])"
)


def name_after(text: str, start: int) -> tuple[str | None, int]:
    """The capitalized name that starts at `start`, and where it ends."""
    name: list[str] = []
    # "according to the World Bank", "said the IMF": the article before the institution
    article = re.match(r"the\s+(?=[A-Z])", text[start:])
    if article:
        start += article.end()
    # "says analyst Jane Doe", "said chief market strategist Jane Doe": the role before the name
    role = _ROLE_BEFORE_NAME.match(text, start)
    if role:
        start = role.end()
    position = start
    for match in re.finditer(r"\S+", text[start:]):
        token = match[0]
        bare = token.rstrip(",;:.!?\")'")
        if bare.endswith("'s"):
            bare = bare[:-2]
        if _NAME_TOKEN.match(bare) or (name and bare in _CONNECTORS):
            name.append(bare)
            position = start + match.start() + len(bare)
            if bare != token:
                break
            continue
        break
    return (clean_name(name) if name else None), position


_SHORT_NAME = re.compile(
    r"(?P<full>[A-Z][\w&.'-]*(?:\s+(?:[A-Z][\w&.'-]*|of|&|for|de)){1,6})\s+"
    r"\((?P<short>[A-Z][A-Za-z]{1,7})\)"
)
_ACRONYM = re.compile(r"\b[A-Z]{3,6}\b")
_LONG_NAME = re.compile(r"\b[A-Z][\w&.'-]*(?:\s+(?:[A-Z][\w&.'-]*|of|&|for)){2,6}")
_FULL_PERSON = re.compile(r"\b(?P<full>[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+(?P<last>[A-Z][a-z][\w'-]+))\b")


def article_names(text: str) -> dict[str, str]:
    """Short names the article itself spells out: "Bank of America (BofA)", "Peter Schiff".

    A later "BofA" or "Schiff" is then the name the article gave in full, so
    one speaker is one source however a sentence shortens it. An acronym
    counts only with two capitals or more ("BofA", "EIA"), a surname only when
    one person of the article has it.
    """
    names: dict[str, str] = {}
    # Each distinct name is cleaned once: a page repeating one line is read in linear time.
    for short, written in dict.fromkeys(
        (m["short"], m["full"]) for m in _SHORT_NAME.finditer(text)
    ):
        full = clean_name(written.split())
        if full and sum(c.isupper() for c in short) >= 2 and len(full.split()) >= 2:
            names.setdefault(short, full)
    # "The U.S. Energy Information Administration raised ...", later "EIA": its initials
    acronyms = set(_ACRONYM.findall(text))
    if acronyms:
        for written in dict.fromkeys(m[0] for m in _LONG_NAME.finditer(text)):
            full = clean_name(written.split())
            if full is None:
                continue
            initials = "".join(word[0] for word in full.split() if word[0].isupper())
            if len(initials) >= 3 and initials in acronyms:
                names.setdefault(initials, full)
    surnames: dict[str, set[str]] = {}
    for written, last in dict.fromkeys((m["full"], m["last"]) for m in _FULL_PERSON.finditer(text)):
        full = clean_name(written.split())
        if full is None or full != written or is_organization(full):
            continue
        surnames.setdefault(last, set()).add(full)
    for last, fulls in surnames.items():
        if len(fulls) == 1:
            names.setdefault(last, next(iter(fulls)))
    return names


_LABEL = re.compile(
    r"^\W*(?P<name>[A-Z][\w&.'-]*(?:\s+(?:[A-Z][\w&.'-]*|of|&)){0,4})\s*(?:\([^()]{1,40}\))?\s*:"
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
    written = match["name"].split()
    name = clean_name(written)
    if name is None:
        return None
    if name in _HOUSE_NAMES or _has_organization_word(name):
        return name
    words = name.split()
    acronym = any(len(w) >= 2 and w.isalpha() and w.isupper() for w in words)
    if len(words) >= 2 and acronym and not name.isupper():
        return name  # "Evercore ISI: the tech-focused boutique set a 6,600 target"
    # A name of capitals alone ("Metals Focus", "Yardeni Research") counts when the level
    # follows the colon at once: "Metal Matters: Upgrading silver ..." is a column's title.
    capitalized = all(w[0].isupper() or w in _CONNECTORS for w in written)
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


def heading_name(text: str) -> str | None:
    """A line that is only a house's name ("GOLDMAN SACHS (DEC 1)", "Goldman Sachs:"): the
    heading of a factbox section, whose bullets are that house's calls."""
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
    known = _HOUSES.get(name.lower())
    if known is not None:
        return known
    return name if name in _HOUSE_NAMES or _has_organization_word(name) else None
