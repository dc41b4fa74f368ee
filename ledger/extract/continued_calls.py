"""A call that goes on from the one before: its speaker is the one named there.

Reports on one house's outlook name the house once and then state its path in
bare sentences: "Standard Chartered sees bitcoin at $50,000 this year. Bitcoin
should then go on to $120,000 by the end of next year." The second sentence
names nobody, yet the call is the bank's as surely as the first: it goes on
with the same asset, right after a sentence in which a named speaker made a
call on it.

The rule is kept narrow, since a sentence that names nobody is as often the
writer's own aside ("Right now bitcoin trades at $95,000") or a market report:

- the sentence just before named the speaker (or pointed back to them) and
  made a call or gave their view in a forecast word ("Acme Bank expects gold
  to keep rising", "Acme's strategists published their 2026 outlook"), and
  this sentence's assets are all among the ones that call or view was on (or
  it names none, and the asset it talks about is one of them; a view that
  named no asset covers any);
- this sentence looks ahead in words of its own (a future marker, a hedge, a
  forecast word): a bare level after a call is not enough;
- it names no other house or person, so the call cannot be someone else's, and
  no one by a pronoun ("he", "they", "we"): those are the pointer rules' to read;
  nor forecasters of its own ("other analysts think ..."), named or not.

A list item is left to the list's own rules (its label, the lead-in's speaker).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ledger.extract.clauses import FORECAST_WORDS, FUTURE, HEDGE
from ledger.extract.house_names import houses_named
from ledger.extract.patterns import speaker_phrases
from ledger.extract.speaker_roles import introduced_people
from ledger.extract.speakers import SpeakerReading, named_speakers
from ledger.extract.textops import phrase_regex

# "Until now he expected the index to finish 2023 at 4,000": a pronoun is someone the pointer
# rules answer for (or could not), not a sentence that names nobody
_PERSONAL_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)\b")

# "Other analysts think bitcoin could reach $300,000": forecasters of the sentence's own,
# named or not, whose call it is
_OTHER_FORECASTERS = re.compile(
    phrase_regex(
        (*speaker_phrases.SPEAKER_GROUPS, "others", "investors", "forecasters", "observers")
    ),
    re.IGNORECASE,
)


# what a view that names no asset ("published their 2026 outlook") covers
ANY_ASSET = "*"


def viewed_symbols(work: str, speaker: SpeakerReading, symbols: Iterable[str]) -> tuple[str, ...]:
    """The assets a sentence gives a named speaker's view on, in a forecast word of its own
    ("Acme Bank expects gold to keep rising"); ANY_ASSET for a view on no asset named."""
    if not speaker.name or not (speaker.named or speaker.pointed):
        return ()
    if not FORECAST_WORDS.search(work):
        return ()
    return tuple(dict.fromkeys(symbols)) or (ANY_ASSET,)


def continued_speaker(
    work: str,
    *,
    last_speaker: str | None,
    last_speaker_age: int,
    previous_calls: tuple[str, ...],
    symbols: Iterable[str],
    last_symbol: str | None,
) -> SpeakerReading | None:
    """The speaker of the call just before, when this sentence goes on with it; else None.

    `last_speaker_age` is counted after this sentence's own step (1: named in
    the sentence just before); `previous_calls` are the assets of that
    sentence's calls and views (`viewed_symbols`); `symbols` the assets this
    sentence names as subjects.
    """
    if last_speaker is None or last_speaker_age > 1 or not previous_calls:
        return None
    named = tuple(symbols) or ((last_symbol,) if last_symbol else ())
    if not named:
        return None
    if ANY_ASSET not in previous_calls and any(s not in previous_calls for s in named):
        return None
    if not (FUTURE.search(work) or HEDGE.search(work) or FORECAST_WORDS.search(work)):
        return None
    if _PERSONAL_PRONOUN.search(work) or _OTHER_FORECASTERS.search(work):
        return None
    if houses_named(work) or introduced_people(work) or named_speakers(work):
        return None
    return SpeakerReading(
        last_speaker,
        note=f"nobody named in the sentence: it goes on with {last_speaker}'s call just before",
    )
