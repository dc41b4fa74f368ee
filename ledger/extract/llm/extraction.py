"""An article's candidates from the language model: ask, check the reply, read each claim.

Kept apart from the package's `__init__`, which imports nothing, so that the
CLI can load the endpoint settings (`client`) without the claim parser.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

from ledger.extract.llm.candidates import read_claims
from ledger.extract.llm.client import LlmEndpoint, complete
from ledger.extract.llm.schema import SYSTEM_PROMPT, response_format, validate_reply

if TYPE_CHECKING:
    from ledger.extract.extractor import Extraction

# About 25,000 tokens: a long article fits, and a small local model's context
# is not flooded by a page that is mostly something else.
MAX_ARTICLE_CHARS = 100_000


def extract_with_llm(
    text: str,
    rules: Extraction,
    endpoint: LlmEndpoint,
    *,
    today: date,
    aliases: Mapping[str, str] | None = None,
    horizon_months: int = 12,
) -> Extraction:
    """`rules` with its candidates replaced by the model's, checked; LlmError if none came.

    The made_on, its reason and the author come from the rule-based reading of
    the same article (`rules`), so both extractors date a call alike. Claims
    the checks refuse are dropped and listed in the notes; a reply with no
    claims is an answer (the model found none), not a failure.
    """
    shown = text[:MAX_ARTICLE_CHARS]
    notes: list[str] = []
    if len(text) > MAX_ARTICLE_CHARS:
        notes.append(f"the model was given the first {MAX_ARTICLE_CHARS:,} characters only")
    user = f"Article (written on {rules.made_on.isoformat()}):\n\n{shown}"
    messages = [
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "user", "content": user},
    ]
    content = complete(endpoint, messages, response_format())
    claims = validate_reply(content)
    reading = read_claims(
        claims,
        text,
        made_on=rules.made_on,
        today=today,
        model=endpoint.model,
        aliases=aliases,
        horizon_months=horizon_months,
    )
    notes.extend(reading.dropped)
    return dataclasses.replace(rules, candidates=reading.candidates, notes=tuple(notes))
