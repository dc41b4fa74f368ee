"""Who makes a call: named in the sentence, pointed back to, or the article's author.

Tried in this order, the first that gives a name wins:

1. a name the sentence attaches to a forecast: "JPMorgan expects",
   "according to Goldman Sachs", "analysts at Citi", "Citi's strategists",
   "said Jane Doe, chief strategist at Acme Capital" (the firm, not the
   person, when both are given: the call is the house's view);
2. a headline's leading name: "UBS: gold to average $3,900 in Q2";
3. a first-person call ("I expect", "we think", outside quotation marks):
   the article's author, from the byline;
4. a pointer back ("the bank", "the firm", "he said"): the last speaker named;
5. the subject of the sentence: "Deutsche Bank is even more optimistic, ...".

A name is a run of capitalized words (with "of", "&" inside: "Bank of
America") that is not a common word or an asset (patterns.NOT_A_NAME).
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
_SPEAKER_ANAPHORA = any_of(P.SPEAKER_ANAPHORA)
_FIRST_PERSON = any_of(P.FIRST_PERSON)
_POSSESSIVE = re.compile(
    r"'s\s+(?:[\w-]+\s+){0,4}?(?:" + phrase_regex(P.SPEAKER_GROUPS + P.SPEAKER_POSSESSIONS) + ")",
    re.IGNORECASE,
)
_PERSON_AT_FIRM = re.compile(P.PERSON_AT_FIRM)
_HEADLINE_SPEAKER = re.compile(P.HEADLINE_SPEAKER)
_SENTENCE_SUBJECT = re.compile(P.SENTENCE_SUBJECT)
_QUOTED = re.compile(r"\"[^\"]*\"")
_NOT_A_NAME = frozenset(P.NOT_A_NAME)
_NAME_TOKEN = re.compile(r"^[A-Z][\w&.'-]*$|^&$")
_CONNECTORS = frozenset(("of", "&", "de", "du", "van", "von", "der", "la"))
_FILLERS = frozenset(P.SPEAKER_VERB_FILLERS)
_ASSET_WORDS = frozenset(BUILTIN_ALIASES) | frozenset(P.ARTICLE_ASSET_NAMES)


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


def find_speaker(
    text: str, *, headline: bool, author: str | None, last_speaker: str | None
) -> SpeakerReading:
    """The speaker of `text`, by the rules in the module docstring."""
    named = named_speakers(text)
    if named:
        return SpeakerReading(min(named)[1], named=True)
    if headline:
        match = _HEADLINE_SPEAKER.match(text)
        name = clean_name(match["name"].split()) if match else None
        if name:
            return SpeakerReading(name, named=True)
    if _FIRST_PERSON.search(_QUOTED.sub(" ", text)):
        if author:
            return SpeakerReading(author, note=f"first-person call: the article's author, {author}")
        return SpeakerReading(
            None, note="first-person call by the article's author, who is not named: give --source"
        )
    pointer = _SPEAKER_ANAPHORA.search(text)
    if pointer and last_speaker:
        return SpeakerReading(
            last_speaker, note=f"'{pointer[0]}' read as {last_speaker}, named before"
        )
    subject = _SENTENCE_SUBJECT.match(text)
    if subject:
        name = clean_name(subject["name"].split())
        if name:
            return SpeakerReading(name, named=True)
    return SpeakerReading(None)


def named_speakers(text: str) -> list[tuple[int, str]]:
    """Every (position, name) the sentence attaches to a forecast or a statement."""
    found: list[tuple[int, str]] = []
    for match in _SPEAKER_AFTER.finditer(text):
        name, end = name_after(text, match.end())
        if name:
            firm = _PERSON_AT_FIRM.match(text, end)
            if firm:
                organization, _ = name_after(text, firm.end())
                name = organization or name
            found.append((match.start(), name))
    for match in _POSSESSIVE.finditer(text):
        name = name_before(text[: match.start()])
        if name:
            found.append((match.start(), name))
    for pattern in (_SPEAKER_GROUP, _SPEAKER_VERB):
        for match in pattern.finditer(text):
            name = name_before(text[: match.start()])
            if name:
                found.append((match.start(), name))
    return found


def clean_name(tokens: list[str]) -> str | None:
    """A name without leading or trailing common words; None if nothing is left."""
    while tokens and (tokens[0].lower().rstrip(".") in _NOT_A_NAME or tokens[0] in _CONNECTORS):
        tokens = tokens[1:]
    while tokens and (tokens[-1].lower() in _NOT_A_NAME or tokens[-1] in _CONNECTORS):
        tokens = tokens[:-1]
    if not tokens:
        return None
    name = " ".join(tokens)
    if name.lower() in _ASSET_WORDS:
        return None
    return name


def name_before(text: str) -> str | None:
    """The capitalized name that ends `text` ("JPMorgan" in "... JPMorgan " before "expects")."""
    name: list[str] = []
    for token in reversed(text.split()):
        if not name and token.lower() in _FILLERS:
            continue  # "JPMorgan now expects", "Capital Economics does not expect"
        bare = token[:-2] if token.endswith("'s") else token
        if name and bare != token:
            break  # a possessive ends a name, it does not continue one
        if re.search(r"[,;:!?\"]$", bare):
            break  # "..., said": the name, if any, is on the other side of the comma
        if _NAME_TOKEN.match(bare) or (name and bare in _CONNECTORS):
            name.insert(0, bare)
            continue
        break
    return clean_name(name) if name else None


def name_after(text: str, start: int) -> tuple[str | None, int]:
    """The capitalized name that starts at `start`, and where it ends."""
    name: list[str] = []
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
