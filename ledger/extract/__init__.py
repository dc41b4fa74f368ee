"""Finding claims in article text: a rule-based extractor whose patterns are data.

`extract_article(text, today=...)` reads an article (plain text; HTML goes
through `html_text.html_to_text` first) and proposes `Candidate`s, each
with a claim text in the claim language that `parse_claim` accepts. Nothing
here records anything: the CLI does, and only what the user accepts.

    patterns/     what the extractor looks for: names, verbs, cues (data)
    tables.py     pipe tables of forecasts → one labelled line per row
    sentences.py  text → sentences
    html_text.py  HTML → article text, publication date, author
    article.py    dateline and byline at the top of a text
    article_date.py   the day an article was written: page, dateline, URL, or today
    levels.py     which numbers are a call's level
    directions.py which way a call points (kind and side)
    speakers.py   who makes a call
    house_names.py    which names are houses, and the name kept for each
    person_names.py   a name read out of text, trimmed and widened
    speaker_roles.py  people's roles and houses, list labels, section headings
    article_affiliations.py   people the article ties to a firm anywhere: the firm's calls
    unnamed.py    calls of forecasters the writer does not name ("some analysts")
    extractor.py  the pipeline, one sentence at a time
    sentence_walk.py      one sentence read into its segments' calls
    segment_candidates.py one segment's levels paired into candidates
    state.py      what is held while reading: a sentence's facts, the article so far
    prepare.py    a sentence made plain: typography, rewrites, explicit dates
    clauses.py    clauses, and which are past, conditional or a forecast
    mentions.py   which assets a sentence names, and what later sentences remember
    pairing.py    which level goes with which asset, deadline and speaker
    writing.py    one call written as a checked claim candidate, with its reasons
    special_calls.py  outperformance, vague calls, calls with no number
    merge.py      one candidate per call (headline and body restate each other)
    candidate.py  what is proposed
    textops.py    blanking and phrase patterns shared by the above
    fetch.py      fetching a URL (the only network access besides llm/)
    llm/          the optional language-model extractor (`forecast extract --llm`)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ledger.extract.candidate import Candidate
    from ledger.extract.extractor import (
        Extraction,
        claim_name,
        extract_article,
        extract_candidates,
    )

# The extractor compiles hundreds of patterns when imported; a command that
# only needs a small module of this package (reading an article's size, the
# fetcher's flag) must not pay for it, so these names load on first use (PEP 562).
_HOMES = {
    "Candidate": "candidate",
    "Extraction": "extractor",
    "claim_name": "extractor",
    "extract_article": "extractor",
    "extract_candidates": "extractor",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


__all__ = ["Candidate", "Extraction", "claim_name", "extract_article", "extract_candidates"]
