"""Finding claims in article text: a rule-based extractor whose patterns are data.

`extract_article(text, today=...)` reads an article (plain text; HTML goes
through `html_text.html_to_text` first) and proposes `Candidate`s, each
with a claim text in the claim language that `parse_claim` accepts. Nothing
here records anything: the CLI does, and only what the user accepts.

    patterns.py   what the extractor looks for: names, verbs, cues (data)
    sentences.py  text → sentences
    html_text.py  HTML → article text, publication date, author
    article.py    dateline and byline at the top of a text
    levels.py     which numbers are a call's level
    directions.py which way a call points (kind and side)
    speakers.py   who makes a call
    extractor.py  the pipeline, one sentence at a time
    merge.py      one candidate per call (headline and body restate each other)
    candidate.py  what is proposed
    textops.py    blanking and phrase patterns shared by the above
    fetch.py      fetching a URL (the only network access besides llm/)
    llm/          the optional language-model extractor (`forecast extract --llm`)
"""

from __future__ import annotations

from ledger.extract.candidate import Candidate
from ledger.extract.extractor import Extraction, claim_name, extract_article, extract_candidates

__all__ = ["Candidate", "Extraction", "claim_name", "extract_article", "extract_candidates"]
