"""The optional language-model extractor: `forecast extract --llm`.

For users who run a language model (a local Ollama, llama.cpp or vLLM
server, or a hosted one): the article goes to any OpenAI-compatible
chat-completions endpoint with a request for JSON of the claim fields, and
what comes back is treated as a reader's notes, not as claims. Every
reading goes through the claim parser and the ledger's bounds like a
claim typed by hand (`candidates.py`), its quote must be in the article,
and anything else is dropped with its reason. The rule-based extractor
stays the default and the fallback: any failure of the model (unreachable,
too slow, an HTTP error, a refusal, a reply that is not JSON of the
schema) is one `LlmError` line, and the caller uses the rules' candidates.

    schema.py      what is asked for (the JSON schema, the prompt) and the reply check
    client.py      one chat-completions request and its failures (the only network access)
    candidates.py  the model's readings through the parser and the guards
    errors.py      LlmError
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date

from ledger.extract.extractor import Extraction
from ledger.extract.llm.candidates import Reading, read_claims
from ledger.extract.llm.client import DEFAULT_TIMEOUT, LlmEndpoint, check_endpoint_url, complete
from ledger.extract.llm.errors import LlmError
from ledger.extract.llm.schema import SYSTEM_PROMPT, response_format, validate_reply

__all__ = [
    "DEFAULT_TIMEOUT",
    "MAX_ARTICLE_CHARS",
    "LlmEndpoint",
    "LlmError",
    "Reading",
    "check_endpoint_url",
    "extract_with_llm",
]

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
