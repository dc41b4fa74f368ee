"""A target named in one sentence and given its level in the next.

"Acme has raised its year-end gold target. They took it to 5,400 dollars from 4,900." The
first sentence makes a call with no level (a candidate that asks for one); the second has
the level but no asset and no forecast word: its "it" is the target. Reading that "it" as
"the target" lets the second sentence be read as the call it is, with the asset, speaker
and deadline the walk already carries from the sentence before. Only a sentence right
after a level-less target call, and only "<pronoun> <moved> it to", is read so: "Buyers
took it to $5,400 on Monday" after a sentence about prices stays a reported move.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ledger.extract.candidate import Candidate

_TARGET_NOUN = re.compile(
    r"\b(?:targets?|forecasts?|estimates?|projections?|price\s+calls?)\b", re.IGNORECASE
)
# "They took it to", "The bank has now moved it up to", "It lifted it to": the pointer "it"
# before "to" a level, after an opening subject.
_MOVED_IT_TO = re.compile(
    r"^(\s*(?:it|they|he|she|we|the\s+(?:bank|firm|house|broker|team|analysts|strategists))"
    r"\s+(?:(?:has|have|had|now|also|then|since|just)\s+)*(?:took|taken|moved|raised|lifted"
    r"|increased|cut|lowered|trimmed|pushed|brought|put|set|revised|nudged|bumped)\s+)it"
    r"(\s+(?:up\s+|down\s+|back\s+)?to\b)",
    re.IGNORECASE,
)


def asks_for_a_level(previous: str, candidates: Sequence[Candidate]) -> bool:
    """Whether the sentence before named a target and made a call that asks for its level."""
    return bool(_TARGET_NOUN.search(previous)) and any(c.needs == "level" for c in candidates)


def with_target_named(sentence: str) -> str | None:
    """The sentence with its "it" read as "the target", or None if it is not that shape."""
    if not _MOVED_IT_TO.match(sentence):
        return None
    return _MOVED_IT_TO.sub(r"\1the target\2", sentence, count=1)


def as_written(candidates: Sequence[Candidate], original: str) -> list[Candidate]:
    """The candidates showing the sentence as the article wrote it."""
    return [replace(c, sentence=original) for c in candidates]
