"""Who a clause's verb belongs to, read through what stands between the name and the verb.

Unseen articles credit a call to the subject of its sentence far more often than to a name
right before a forecast verb, and they put words between the two: an aside set off by commas
("Dan Morehead, CEO of Pantera Capital, predicts"), a firm and a place ("Jochen Hitzfeld of
UniCredit in Munich is more upbeat"), a go-between ("RBC, through George Gero, thinks"), an
opening phrase ("More upbeat, RBC ...", "Not long ago Mike McGlone, an analyst at Bloomberg
Intelligence, made a bullish call"). Each such shape once had a rule of its own; here one
reader takes the sentence's subject, skips any of them, and checks that a verb follows.

The subject found is what a pronoun later in the same sentence means ("... is more upbeat
and thinks gold can reach $1,800; for this year he expects $1,700"), before any person
named in the sentences before (see `speakers.find_speaker`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ledger.extract.house_names import is_house_like, is_organization, speaks_for
from ledger.extract.person_names import NAME, clean_name, name_after

# "More upbeat, ...", "In a note on Monday, ...": words of which only the first is capitalized,
# then a comma; or a short phrase of when with no comma ("Not long ago Mike McGlone")
_OPENING = re.compile(
    r"^\W*(?:[A-Z][a-z]+(?:\s+[a-z][\w-]*){1,6},\s+|[A-Z][a-z]+ly,\s+"
    r"|(?:Not\s+long\s+ago|Earlier\s+this\s+(?:week|month|year)|Last\s+(?:week|month|year)"
    r"|Meanwhile|Elsewhere|Separately|Overall)\s+)?"
)
_SUBJECT = re.compile(NAME)
# What may stand between the subject and its verb: an aside set off by commas that opens in
# lower case ("a veteran trader", "CEO of Pantera Capital", "through George Gero"), or a firm
# and a place after "of"/"at"/"from"
_ASIDE = re.compile(r",\s+(?P<aside>(?:[a-z]|[A-Z]{2,5}\b)[^,;:()\"]{1,100}?),\s*")
# (a brand written with a small first letter, "eToro", "iShares", is a firm's name too)
_OF_FIRM = re.compile(
    rf"\s+(?:of|at|from)\s+(?P<firm>{NAME}|[a-z][A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){{0,3}})(?:\s+in\s+{NAME})?"
)
_ADVERBS = re.compile(
    r"(?:\s+(?:also|now|still|further|even|already|again|recently|meanwhile|too|likewise"
    r"|similarly|instead|then|separately|has|have|had|does|did|will|would|could|may|might))*"
)
# A finite verb: a word in -s or -ed, or one of the common irregular ones
_VERB = re.compile(
    r"\s+(?:is|are|was|were|sees|saw|thinks|thought|made|makes|put|puts|set|sets|cut|cuts"
    r"|gave|gives|took|takes|kept|keeps|held|holds|told|wrote|said|says|sat|stood|went"
    r"|ran|came|became|began|drew|grew|rose|fell|spoke|struck|stuck|sent|won|led|bet"
    r"|[a-z]{2,}(?:s|ed))\b"
)
_HAVE = re.compile(r"\s+(?:has|have|had)\b")
# A firm inside an aside: "an analyst at Bloomberg Intelligence", "CEO of Pantera Capital"
_FIRM_IN_ASIDE = re.compile(r"\b(?:at|of|with|from|through|for)\s+(?:the\s+)?(?=[A-Z])")
_FIRM_POINTER = re.compile(
    r"(?:its|their|the\s+(?:bank|firm|company|group|lender|house|broker|fund)'s)\s", re.IGNORECASE
)
# "he says", "she added": an aside that tags the sentence as someone's speech
_SPEECH_TAG = re.compile(
    r"(?:he|she|they|we|i|it|analysts|experts)\s+(?:says|said|say|adds|added|notes|noted"
    r"|argues|argued|believes|thinks|writes|wrote|claims|claimed)\b"
)
# An aside that only describes ("the famous bull", "a well-known trader"): no firm in it
_GO_BETWEEN = re.compile(r"^through\s+")


@dataclass(frozen=True)
class ClauseSubject:
    """The subject of a sentence's first clause, and the name it speaks under.

    `name` is as written ("Jochen Hitzfeld"); `speaker` is the firm when the words between
    name and verb tie a person to one they speak for ("of UniCredit"), else the name.
    `start` and `verb_end` bound the subject and its verb in the text.
    """

    name: str
    speaker: str
    start: int
    verb_end: int
    person: bool
    # "Geoff Kendrick, its global head of research, said": the aside ties the person to the
    # firm the sentences before are about, which only the caller knows
    firm_pointed: bool = False


def clause_subject(text: str) -> ClauseSubject | None:
    """The named subject of `text`'s first clause, when a verb follows it (through an aside
    or a firm and place); None when the sentence does not open on a name."""
    opening = _OPENING.match(text)
    position = opening.end() if opening else 0
    subject = _SUBJECT.match(text, position)
    if subject is None:
        return None
    # "Josh Gilbert of eToro": the name's run stops at a firm written in small letters
    written = re.sub(r"\s+of$", "", subject[0])
    person_of, _, _ = written.partition(" of ")
    if person_of != written and not is_organization(person_of):
        # "Jochen Hitzfeld of UniCredit": the person, then the firm ("Bank of America" stays)
        written = person_of
    name = clean_name(written.split())
    if name is None or name.split()[0] not in written:
        return None  # a common word opened the run ("The", "Gold"): no named subject
    end = subject.start() + len(written)
    firm: str | None = None
    tie = ""
    pointed = False
    for _ in range(2):  # "Jane Doe of Acme Bank, a veteran of two crises, ..."
        aside = _ASIDE.match(text, end)
        if aside and _SPEECH_TAG.match(aside["aside"]):
            return None  # "America, he says, is printing dollars": the subject is what is said
        if aside:
            tie = aside["aside"]
            firm = firm or _firm_in(tie)
            pointed = pointed or bool(_FIRM_POINTER.match(tie))
            end = aside.end() - 1  # the space after the comma starts the verb's gap
            continue
        of_firm = _OF_FIRM.match(text, end)
        if of_firm:
            named_firm = clean_name(of_firm["firm"].split())
            # "Pav Hundal of Swyftx": one word after "of" is a firm too (a city takes "in")
            if named_firm and (is_house_like(named_firm) or is_organization(named_firm)):
                firm, tie = firm or named_firm, of_firm[0]
            end = of_firm.end()
            continue
        break
    if end == subject.start() + len(written) and not (position and is_house_like(name)):
        # nothing between the name and the verb: the plain subject rules read that
        # ("Deutsche Bank is even more optimistic"); here "Inventories climbed" is no speaker
        return None
    adverbs = _ADVERBS.match(text, end)
    # ("Bank of America, through David Okafor, has a price target of $250,000": "has" is the
    # verb itself when no verb follows it)
    verb = _VERB.match(text, adverbs.end() if adverbs else end) or _HAVE.match(text, end)
    if verb is None:
        return None
    person = not is_organization(name)
    speaker = name
    if person and firm and firm != name and speaks_for(name, firm, tie):
        speaker = firm
    pointed = pointed and person and firm is None
    return ClauseSubject(name, speaker, subject.start(), verb.end(), person, pointed)


def _firm_in(aside: str) -> str | None:
    """The firm an aside ties its person to ("an analyst at Bloomberg Intelligence"), or the
    person a house speaks through ("through George Gero": none, the house speaks)."""
    if _GO_BETWEEN.match(aside):
        return None
    for match in _FIRM_IN_ASIDE.finditer(aside):
        firm, _ = name_after(aside, match.end())
        if firm and is_house_like(firm):
            return firm
    return None
