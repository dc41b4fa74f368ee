"""One candidate per call: a headline and its body often say the same thing.

Articles repeat themselves: the headline states the call, the first
paragraph states it again with the speaker's full name, and a later
paragraph may restate it with "the bank". Recording each would put the
same call in the ledger under three sources; these rules merge them before
the user sees them.
"""

from __future__ import annotations

from dataclasses import replace

from ledger.extract.candidate import Candidate


def merged(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per call: a headline and its body often say the same thing.

    Short speaker names are widened to the longest name in the article that
    starts with them ("Goldman" → "Goldman Sachs", "Citi" → "Citigroup"). Two candidates are the
    same call when they agree on symbol, kind, level and deadline and their
    speakers agree or one has none; the better-scored one is kept, with the
    speaker if either has one. A call read with the default horizon is
    dropped when the article states the same symbol, kind and level with a
    time frame (a headline that leaves out the date of its story), and a
    headline's call is dropped when the body has one with the same symbol,
    level and deadline (the body's wording is the precise one).
    """
    names = sorted({c.speaker for c in candidates if c.speaker}, key=len, reverse=True)

    def widened(name: str | None) -> str | None:
        if name is None:
            return None
        return next((longer for longer in names if _shortens(name, longer)), name)

    result: list[Candidate] = []
    for candidate in candidates:
        speaker = widened(candidate.speaker)
        if speaker != candidate.speaker:
            candidate = replace(candidate, speaker=speaker)
        same = next((i for i, kept in enumerate(result) if _same_call(kept, candidate)), None)
        if same is None:
            result.append(candidate)
            continue
        kept = result[same]
        better = candidate if candidate.confidence > kept.confidence else kept
        result[same] = replace(better, speaker=better.speaker or kept.speaker or candidate.speaker)
    dated = {(c.symbol, c.kind, c.level_key) for c in result if c.claim and not _default_horizon(c)}
    in_body = {(c.symbol, c.level_key, c.deadline) for c in result if c.claim and not c.headline}
    return [
        c
        for c in result
        if not (c.claim and _default_horizon(c) and (c.symbol, c.kind, c.level_key) in dated)
        and not (c.claim and c.headline and (c.symbol, c.level_key, c.deadline) in in_body)
    ]


def _shortens(short: str, long: str) -> bool:
    """ "Goldman" shortens "Goldman Sachs", "Citi" shortens "Citigroup"; "UBS" nothing else."""
    words, longer = short.split(), long.split()
    if longer[: len(words)] == words:
        return True
    return len(words) == 1 and len(short) >= 4 and longer[0].startswith(short)


def _same_call(first: Candidate, second: Candidate) -> bool:
    if first.claim is None or second.claim is None:
        return (
            first.claim is None
            and second.claim is None
            and first.template == second.template
            and first.speaker == second.speaker
        )
    speakers_agree = (
        first.speaker is None
        or second.speaker is None
        or first.speaker.casefold() == second.speaker.casefold()
    )
    return speakers_agree and (
        first.symbol,
        first.kind,
        first.level_key,
        first.deadline,
    ) == (second.symbol, second.kind, second.level_key, second.deadline)


def _default_horizon(candidate: Candidate) -> bool:
    return any(note.startswith("no time frame in the sentence") for note in candidate.assumptions)
