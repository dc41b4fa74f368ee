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
(patterns.speaker_phrases.NOT_A_NAME). A name is an organization when a word of it says so
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

from ledger.extract.clause_subjects import ClauseSubject, clause_subject
from ledger.extract.contrast_subjects import contrast_subjects
from ledger.extract.house_names import (
    HOUSE_NAMES,
    HOUSE_SUBJECT,
    QUOTED,
    has_organization_word,
    house_name,
    houses_in,
    houses_named,
    is_house_like,
    is_organization,
    speaks_for,
)
from ledger.extract.level_speakers import level_owners
from ledger.extract.object_clauses import in_object_clause
from ledger.extract.patterns import speaker_phrases
from ledger.extract.person_names import (
    DESCRIBED_FIRM,
    NAME,
    clean_name,
    name_after,
    name_before_apposition,
    name_before_at,
)
from ledger.extract.speaker_roles import affiliations, heading_name, introduced_people
from ledger.extract.textops import any_of, phrase_regex

_SPEAKER_VERB = re.compile(phrase_regex(speaker_phrases.SPEAKER_VERBS), re.IGNORECASE)
_SPEAKER_GROUP = re.compile(phrase_regex(speaker_phrases.SPEAKER_GROUPS), re.IGNORECASE)
# "Morgan Stanley and Wells Fargo target 7,800": the plural verb, known by the level right
# after it; in lower case only, since a title-case headline's "Year-End Target to $4,500" and
# "the fed funds target at" use the noun.
_TARGET_VERB = re.compile(
    r"(?<![\w-])target(?=\s+(?:~|about\s+|around\s+|roughly\s+)?(?:US|USD\s*)?[$\u20ac\u00a3]?\d)"
)
_SPEAKER_AFTER = any_of(speaker_phrases.SPEAKER_AFTER)
# "strategists at Scotiabank": the group's firm is named after it
_GROUP_OF_FIRM = re.compile(r"\s+(?:at|from|with)\s+(?:the\s+)?[A-Z]")
_SPEAKER_ANAPHORA = any_of(speaker_phrases.SPEAKER_ANAPHORA)
_ORGANIZATION_POINTER = any_of(speaker_phrases.SPEAKER_ANAPHORA_ORGANIZATION)
_PERSON_POINTER = any_of(speaker_phrases.SPEAKER_ANAPHORA_PERSON)
# The article a verb's phrase may end on ("according to the "), where a pointer starts.
_TRAILING_ARTICLE = re.compile(r"\b(?:the|its|their)\s+$", re.IGNORECASE)


def _points_back(text: str, match: re.Match[str]) -> bool:
    """Whether the words after a verb that puts the speaker after it point back to a house
    named before ("according to the Swiss bank"), whether or not the verb's phrase took the
    article in ("according to the " also opens "according to the bank's report")."""
    if _ORGANIZATION_POINTER.match(text, match.end()):
        return True
    article = _TRAILING_ARTICLE.search(match[0])
    return article is not None and bool(
        _ORGANIZATION_POINTER.match(text, match.start() + article.start())
    )


# "Citi, RBC and HSBC": the joint before the last name is "and", the others commas.
_LAST_JOINT = re.compile(r"(?:,\s*and\s+|\s+and\s+|,?\s+or\s+)$")
# "Bank of America and others such as HSBC or Société Générale point to $5,000": the
# houses named as examples share the call with the one before them
_COMMA_JOINT = re.compile(
    r"(?:,\s*|(?:,?\s+and)?\s+(?:many\s+)?others\s+(?:such\s+as|like|including)\s+"
    r"|,?\s+(?:such\s+as|including)\s+)$"
)
_FIRST_PERSON = any_of(speaker_phrases.FIRST_PERSON)
# "Citi's S&P 500 target", "Barclays' gold forecast": the possessive, a few words (an asset's
# name among them, or the level: "Bank of America's 7,100 target"), then what the house owns
_POSSESSIVE = re.compile(
    r"(?:'s|(?<=s)')\s+(?:(?:[\w&.^/-]+|[$€£]?\d[\d,.]*[kKmM]?)\s+){0,4}?(?:"
    + phrase_regex(speaker_phrases.SPEAKER_GROUPS + speaker_phrases.SPEAKER_POSSESSIONS)
    + ")",
    re.IGNORECASE,
)
_PERSON_AT_FIRM = re.compile(speaker_phrases.PERSON_AT_FIRM)
_HEADLINE_SPEAKER = re.compile(speaker_phrases.HEADLINE_SPEAKER)
_HEADLINE_CREDIT = re.compile(
    r"(?:\s[-\u2013\u2014|]|:)\s*(?P<name>[A-Z][\w&.'-]*(?:\s+(?:[A-Z][\w&.'-]*|of|&)){0,4})\s*$"
)
_SENTENCE_SUBJECT = re.compile(speaker_phrases.SENTENCE_SUBJECT)

_QUOTED_FIRST_PERSON = re.compile(r"^\W*\"[^\"]*\b(?:we|our|i|my)\b[^\"]*\"?\W*$", re.IGNORECASE)
_FIRM_BEFORE_PERSON = re.compile(
    r"(?P<firm>[A-Z][\w&.-]*(?:\s+(?:[A-Z][\w&.-]*|of|&)){0,4})(?:'s|(?<=s)')\s+$"
)


# "..., Commerzbank analyst Carsten Fritsch notes.", "..., said Jane Doe of Acme.": the
# speaker named after the last comma, with a verb of saying that ends the sentence (not an
# outlet's "reported")
_SAYING = (
    r"(?:said|says|say|notes|note|noted|wrote|writes|write|added|adds|add|argued|argues|argue"
    r"|warned|warns|warn|told\s+\w+)"
)
_CLOSING_ATTRIBUTION = re.compile(
    rf",\s*(?:[^,;]{{2,120}}?\s+{_SAYING}|{_SAYING}\s+[^,;]{{2,120}}?)"
    r"[\s.!\"']*$"
)
# "Recycling was a little higher", "Investment is flowing": a sentence's first word is
# capitalized whatever it is, and one that ends like a noun made from a verb is no name
_COMMON_NOUN = re.compile(r"[A-Z][a-z]+(?:ing|tion|sion|ment|ness)")
# "Among the most optimistic, JPMorgan drew attention by saying ...": an opening phrase in
# lower-case words, then the sentence's subject
_OPENING_PHRASE = re.compile(r"^\W*[A-Z][a-z]+(?:\s+[a-z][\w-]*){0,6},\s+(?=[A-Z])")
# What a name after "according to" supplied when it is not a view: "according to Jinshi
# data", "according to Bloomberg figures"
_SOURCE_OF_DATA = re.compile(
    r"\s+(?:data|figures|statistics|calculations|numbers|tallies|compiled)\b", re.IGNORECASE
)
# What a name right after "said" or "predicts" is an adjective of when it names a market
# ("said U.S. crude could climb", "predicts Japanese stocks will"), not a speaker
_WHAT_A_PLACE_NAMES = re.compile(
    r"\.?\s+(?:crude|oil|gasoline|natural\s+gas|gas|stocks?|equities|shares|dollar|yields?"
    r"|treasur\w*|bonds?|inflation|rates?|home\s+prices|growth)\b",
    re.IGNORECASE,
)
# "in" right before a name that a verb follows: a place ("... of Citi in Hong Kong expects")
_PLACE_BEFORE = re.compile(r"(?<![A-Za-z])in\s+$")
# "through" right before it: the person a house speaks through ("RBC, through George Gero,")
_GO_BETWEEN_BEFORE = re.compile(r"(?<![A-Za-z])through\s+(?:its\s+[a-z ]{2,60}?\s+)?$")
# A verb of reporting what another said: the outlet that "has learned" or "reported" that a
# house expects something passes the call on, it does not make it
_REPORTS = re.compile(
    r"(?:has|have)\s+(?:learned|learnt|reported)\b|(?:reports|reported)\s+that\b", re.IGNORECASE
)


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
    # a first-person call by a writer the article does not name: nobody else's
    writer: bool = False
    # "he expects" when no person was named before: a person, so not the house named last
    person_unnamed: bool = False


@dataclass(frozen=True)
class Recent:
    """The speakers named before a sentence, that its pointers ("the bank", "she") mean."""

    speaker: str | None = None
    organization: str | None = None
    person: str | None = None
    # whether an unsigned "we" may be that organization writing: its own note names it in
    # the paragraph, or the article credits no other house (see `find_speaker`)
    writer_may_be_it: bool = True
    # the speaker named before the quotation the sentence is inside opened, if it is inside
    # one that opened in a sentence before
    quoted: str | None = None


def find_speaker(
    text: str,
    *,
    headline: bool,
    author: str | None,
    recent: Recent | None = None,
    section: bool = False,
) -> SpeakerReading:
    """The speaker of `text`, by the rules in the module docstring.

    `section`: the line is a heading inside the body (not the article's headline), where a
    person's name alone heads that person's section ("Tim Draper").
    """
    recent = recent or Recent()
    named = _without_relayed_sources(text, named_speakers(text))
    if len(named) > 1:
        # "The WPIC has trimmed its deficit forecast, Commerzbank analyst Carsten Fritsch
        # notes": who the sentence's closing words say is speaking reports the rest of it
        closing = _CLOSING_ATTRIBUTION.search(text)
        last = [entry for entry in named if closing and entry[0] >= closing.start()]
        if last:
            note = "named in the sentence's closing attribution"
            return SpeakerReading(min(last)[1], named=True, note=note)
    if named:
        return SpeakerReading(min(named)[1], named=True)
    closing = _closing_speaker(text)
    if closing is not None:
        return SpeakerReading(
            closing, named=True, note="named in the sentence's closing attribution"
        )
    heading = heading_name(text, people=section)
    if heading is not None:
        return SpeakerReading(heading, named=True, note=f"the section heading: {heading}")
    if headline:
        match = _HEADLINE_SPEAKER.match(text)
        name = clean_name(match["name"].split()) if match else None
        if name:
            return SpeakerReading(name, named=True)
        # "USD/JPY to fall below 140 by the end of the year - MUFG": the source after a dash
        # or a colon ("Sensex likely to touch 21,700 by year-end: Nomura")
        credit = _HEADLINE_CREDIT.search(text)
        name = clean_name(credit["name"].split()) if credit else None
        if name and (name in HOUSE_NAMES or is_organization(name)):
            return SpeakerReading(house_name(name), named=True)
    quoted = recent.quoted or recent.speaker
    if quoted and _QUOTED_FIRST_PERSON.search(text):
        # '"We have a modest year-end target of 152," the strategist wrote' names its
        # speaker in the sentence; a quote standing alone is the last speaker's (the one
        # named before the quotation opened, when it opened sentences before).
        return SpeakerReading(quoted, note=f"a quotation in the first person: read as {quoted}")
    if _FIRST_PERSON.search(QUOTED.sub(" ", text)):
        if author:
            return SpeakerReading(author, note=f"first-person call: the article's author, {author}")
        if quoted and text.count('"') % 2:
            # '... since we expect gold to rise to $1,900 by year-end."': the rest of a
            # quotation (a quote mark left open) is the one quoted, named before it opened
            # (not "Donald Trump" whom the quotation mentions).
            return SpeakerReading(quoted, note=f"inside a quotation: read as {quoted}")
        if recent.organization and recent.writer_may_be_it:
            # An unsigned report in the first person ("We forecast Brent at $56") after the
            # text names its publisher: the publisher's own call. In a news article that
            # credits several houses, a "we" a paragraph after the last one's is the writer's,
            # not that house's: a bank's note names itself where it speaks, a reporter quotes.
            return SpeakerReading(
                recent.organization,
                note=f"first-person call with no author named: read as {recent.organization},"
                " the organization named before",
            )
        return SpeakerReading(
            None,
            note="first-person call by the article's author, who is not named: give --source",
            writer=True,
        )
    pointer = _SPEAKER_ANAPHORA.search(text)
    if pointer:
        person = False
        if _ORGANIZATION_POINTER.fullmatch(pointer[0]):
            # "Standard Chartered is more upbeat: it raised its target": the house the
            # sentence names before the pointer, before any named in sentences before
            earlier = houses_named(text[: pointer.start()])
            meant = earlier[-1] if earlier else recent.organization or recent.speaker
        else:
            # "Jochen Hitzfeld of UniCredit is more upbeat ...; for this year he expects
            # $1,700": the sentence's own subject, before any named in sentences before
            own = clause_subject(text[: pointer.start()])
            person = _PERSON_POINTER.fullmatch(pointer[0]) is not None
            own_speaker = _subject_speaker(own, recent)
            if own is not None and own_speaker and (own.person or not person):
                note = f"'{pointer[0]}' read as {own_speaker}, the sentence's subject"
                return SpeakerReading(own_speaker, named=True, note=note)
            elif person:
                # "Jochen Hitzfeld of UniCredit ... thinks gold can reach $1,800; for this year
                # he expects $1,700": a person the same sentence names before the pointer,
                # before any named in sentences before; never a house ("he" is no bank)
                meant = _person_before(text[: pointer.start()]) or next(
                    (n for n in (recent.person, recent.speaker) if n and not _is_house(n)),
                    None,
                )
            else:
                # "The analysts expect", "they say": the speaker before, or failing one the
                # house the sentences before are about ("in the view of UBS Wealth Management")
                meant = recent.speaker or recent.organization
        if meant:
            return SpeakerReading(
                meant, note=f"'{pointer[0]}' read as {meant}, named before", pointed=True
            )
        if person:
            note = f"'{pointer[0]}' points to a person the article has not named"
            return SpeakerReading(None, note=note, person_unnamed=True)
    subject = _SENTENCE_SUBJECT.match(text)
    if subject and not _COMMON_NOUN.fullmatch(subject["name"]):
        name = clean_name(subject["name"].split())
        if name:
            return SpeakerReading(name, named=True)
    own = clause_subject(text)
    meant = _subject_speaker(own, recent)
    if own is not None and meant and not _COMMON_NOUN.fullmatch(own.name):
        # "Dan Morehead, CEO of Pantera Capital, predicts ...", "More upbeat, RBC, through
        # George Gero, thinks ...": the subject, through what stands before its verb
        note = None if meant == own.name else f"{own.name} speaks for {meant}"
        return SpeakerReading(meant, named=True, note=note)
    described = DESCRIBED_FIRM.match(text)
    # "French bank Societe Generale updated its forecast": the firm after what it is
    subject = HOUSE_SUBJECT.match(text[described.end() :] if described else text)
    if subject and not _COMMON_NOUN.fullmatch(subject["name"]):
        # "Deutsche Bank accepts ..., but is forecasting 1.25": a firm opening the sentence
        # with a verb of its own is who speaks, whatever the verb.
        name = clean_name(subject["name"].split())
        if name and (name in HOUSE_NAMES or has_organization_word(name)):
            return SpeakerReading(name, named=True)
    opening = _OPENING_PHRASE.match(text)
    subject = HOUSE_SUBJECT.match(text[opening.end() :]) if opening else None
    if subject:
        # after an opening phrase only a house the tables know: "Among the most optimistic,
        # JPMorgan drew ..." is the bank's call, "In March, Gold rallied ..." nobody's
        name = clean_name(subject["name"].split())
        if name and name in HOUSE_NAMES:
            return SpeakerReading(name, named=True)
    return SpeakerReading(None)


# "According to The Block, Standard Chartered analysts have raised ...", "According to a CNBC-e
# report, Bank of America revised ...": the outlet that relays a house's call, set off by a
# comma before a clause that names its own speaker
_RELAYED_SOURCE = re.compile(
    rf"\b[Aa]ccording\s+to\s+(?:an?\s+|the\s+)?{NAME}(?:'s)?"
    r"(?:\s+(?:report|article|story|piece|interview|newsletter|data))?\s*,\s+"
)


def _without_relayed_sources(text: str, named: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The named speakers less an outlet that only passes on the call of a house the same
    sentence names after it: the house is who makes the call."""
    for relay in _RELAYED_SOURCE.finditer(text):
        relayer = clean_name(relay[0].rstrip(", ").removesuffix("'s").split()[2:])
        if relayer and house_name(relayer) in HOUSE_NAMES:
            # a house makes its own call: "According to UBS Group, gold could rise to $2,900,
            # a view in line with Goldman Sachs's forecasts"
            continue
        if any(position >= relay.end() for position, _ in named):
            named = [(p, n) for p, n in named if not relay.start() <= p < relay.end()]
    return named


_NAME_RUN = re.compile(NAME)
_RELAYER = re.compile(r"\b(?:obtained|published|reported|seen|cited|quoted)\s+by\b")
_FIRM_AFTER = re.compile(r"\b(?:at|of|from|with)\s+(?:the\s+)?(?=[A-Z])")


def _closing_speaker(text: str) -> str | None:
    """The speaker the sentence's closing words name when no rule before found one:
    "..., writes newsletter editor John Smith.", "..., strategists at the Bank of Montreal
    note.": the firm after "at"/"of" when there is one, else the last name."""
    closing = _CLOSING_ATTRIBUTION.search(QUOTED.sub(lambda q: " " * len(q[0]), text))
    if closing is None:
        return None
    span = text[closing.start() : closing.end()]
    if any(m[0].split()[-1][:1].islower() for m in _SPEAKER_ANAPHORA.finditer(text)):
        # "..., the Dutch bank's economists said", "Its forecasts are ..., says the analysis":
        # a pointer in the sentence, read as one ("the Bank of Montreal" is a name)
        return None
    relayer = _RELAYER.search(span)
    if relayer:
        span = span[: relayer.start()]  # "says the analysis obtained by Trend": who passed it on
    for match in _FIRM_AFTER.finditer(span):
        firm, _ = name_after(span, match.end())
        if firm and is_house_like(firm):
            return firm
    names = [clean_name(run[0].rstrip(".").split()) for run in _NAME_RUN.finditer(span)]
    names = [name for name in names if name]
    return names[-1] if names else None


def _person_before(text: str) -> str | None:
    """The person named last in `text` by a post or a firm ("Jochen Hitzfeld of UniCredit",
    "Tom Lee, chairman of BitMine", "President Donald Trump"), as written."""
    people = [*introduced_people(text), *affiliations(text)]
    placed = [(text.rfind(name), name) for name in people if " " in name]
    placed = [entry for entry in placed if entry[0] >= 0]
    return max(placed)[1] if placed else None


def _is_house(name: str | None) -> bool:
    """Whether a name is a house's (a bank, a firm), which "he" or "she" cannot mean."""
    return name is not None and (house_name(name) in HOUSE_NAMES or is_organization(name))


def _subject_speaker(subject: ClauseSubject | None, recent: Recent) -> str | None:
    """Who a sentence's subject speaks for: the firm its aside names, the firm the sentences
    before are about when the aside points to it ("its head of research"; nobody when no firm
    was named before), else itself."""
    if subject is None:
        return None
    if subject.firm_pointed:
        return recent.organization
    return subject.speaker


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
        found.setdefault(start, tuple(dict.fromkeys(n for name in names for n in houses_in(name))))
    for start, houses in roll_call(text):
        found.setdefault(start, houses)
    for start, houses in level_owners(text):
        # "DZ Bank (13,200 points)", "that of Evercore, which has a target of 6,000": a
        # house that owns the level in its own bracket or clause
        found.setdefault(start, houses)
    if found:
        first = min(found)
        for start, names in contrast_subjects(text):
            # "Lee projected $10,000 by year-end, while Hayes stressed a $10,000 target"
            if start > first:
                found.setdefault(start, names)
        for match in _GAPPED_HOUSE.finditer(text):
            # "Bank of America has set 55,500 as its target and UBS 54,000": the verb is
            # left out for the second house, whose level follows its name at once.
            name = clean_name(match["name"].split())
            if match.start("name") > first and name and is_house_like(name):
                found.setdefault(match.start("name"), (house_name(name),))
    return sorted(found.items())


# A roll call of houses and their levels, with no forecast verb: "Next comes BMO Capital at
# 6,700, then a group (Citi, Goldman Sachs, Fundstrat) at 6,600", "Morgan Stanley, HSBC and
# Yardeni follow at 6,500". Each name list is followed by "at" and a number at once, or by a
# verb of rank ("follow", "come in", "sit", "stand") and "at".
_ROLL_CALL = re.compile(
    rf"(?P<names>{NAME}(?:\s*,\s*{NAME}){{0,7}}(?:,?\s+(?:and|&)\s+{NAME})?)\)?"
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
        if all(names) and any(is_house_like(n) for n in names if n):
            houses = tuple(dict.fromkeys(n for n in names if n))
            found.append((match.start("names"), houses))
    return found


_GAPPED_HOUSE = re.compile(
    rf"(?:,\s*(?:and\s+|while\s+|whereas\s+)?|\s(?:and|while|whereas)\s+)(?P<name>{NAME})"
    r"\s+(?:at\s+|with\s+)?(?:~|about\s+|around\s+)?(?:US|USD\s*)?[$\u20ac\u00a3]?\d"
)


# "The trader PlanB says bitcoin should ...": a verb of saying opens a clause of its own, whose
# verb ("should") is not the main verb after a clause inside a noun phrase
_SAYS_THAT = re.compile(r"(?:says|said|thinks|believes|argues|argued|reckons|insists)", re.I)
# the noun right before the name, in apposition to it ("The trader PlanB says")
_APPOSED = re.compile(r"\b(?i:the|a|an)\s+[a-z][\w-]*\s+$")
# 'The trader "PlanB", creator of ...': a one-word name in quotation marks after a lower-case
# word is a nickname, who speaks, not a quotation
_QUOTED_NICKNAME = re.compile(r'(?P<before>\b[a-z]+ )"(?P<name>[A-Z][\w.-]{1,20})"')
# what a quoted name after these words is: who was told, an outlet, a title ("told "Rosbalt"")
_NOT_BEFORE_NICKNAME = frozenset(
    ("told", "said", "says", "to", "by", "from", "in", "on", "at", "for", "with", "of")
)


def _nickname(quote: re.Match[str]) -> str:
    if quote["before"].strip() in _NOT_BEFORE_NICKNAME:
        return quote[0]
    return f"{quote['before']}  {quote['name']}"


def named_speakers(text: str) -> list[tuple[int, str]]:
    """Every (position, name) the sentence attaches to a forecast or a statement.

    The position is where the name starts when it comes before its verb
    ("JPMorgan expects"), and where the verb starts when it comes after
    ("said Goldman Sachs").
    """
    found: list[tuple[int, str]] = []
    # Names inside a quotation are what is quoted ("The prospect of BoJ hikes ..."), not
    # who speaks: blanked, so that positions stay put.
    text = _QUOTED_NICKNAME.sub(_nickname, text)
    text = QUOTED.sub(lambda quote: " " * len(quote[0]), text)
    for match in _SPEAKER_AFTER.finditer(text):
        if _points_back(text, match):
            continue  # "according to the Swiss bank": a pointer back, read by find_speaker
        name, end = name_after(text, match.end())
        if name and _WHAT_A_PLACE_NAMES.match(text, end):
            continue  # "said U.S. crude could climb": the place names the market, not who speaks
        if name and _SOURCE_OF_DATA.match(text, end):
            continue  # "according to Jinshi data, Morgan Stanley strategists say": a source
        if name:
            firm = _PERSON_AT_FIRM.match(text, end)
            if firm:
                organization, _ = name_after(text, firm.end())
                # "said Tom Lee, chairman of BitMine": a public figure, or an officer of a firm
                # that voices no research, speaks in their own name
                if organization and speaks_for(name, organization, firm[0]):
                    name = organization
            found.append((match.start(), name))
    for match in _POSSESSIVE.finditer(text):
        name, start = name_before_at(text[: match.start()])
        if name:
            found.append((start, name))
    for pattern in (_SPEAKER_GROUP, _SPEAKER_VERB, _TARGET_VERB):
        for match in pattern.finditer(text):
            if _REPORTS.match(text, match.start()):
                continue  # "CoinVoice has learned that Goldman Sachs raised": who reports
            if pattern is _SPEAKER_GROUP and _GROUP_OF_FIRM.match(text, match.end()):
                continue  # "Currency strategists at Scotiabank": the words before describe them
            name, start = name_before_at(text[: match.start()])
            if name is None and pattern is not _SPEAKER_GROUP:
                name, start = name_before_apposition(text[: match.start()])
            saying = _SAYS_THAT.fullmatch(match[0].strip()) is not None and bool(
                _APPOSED.search(text, 0, start)
            )
            if name and not saying and in_object_clause(text, start, match.end()):
                continue  # "the deficit the WPIC expects ... has not lifted": not who speaks
            if name and _PLACE_BEFORE.search(text, 0, start):
                continue  # "Jane Doe of Citi in Hong Kong expects": where the subject works
            if name and _GO_BETWEEN_BEFORE.search(text, 0, start):
                continue  # "RBC, through George Gero, thinks": the house speaks through him
            if name:
                # "ING's Chris Turner sees": the person speaks for the firm
                firm = _FIRM_BEFORE_PERSON.search(text, 0, start)
                firm_name = clean_name(firm["firm"].split()) if firm else None
                if firm is not None and firm_name and not is_organization(name):
                    found.append((firm.start(), firm_name))
                else:
                    found.append((start, name))
    return found
