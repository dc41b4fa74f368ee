"""The one error of the language-model extractor, so the CLI can fall back on it."""

from __future__ import annotations

from ledger.errors import LedgerError


class LlmError(LedgerError):
    """The language model gave no usable answer: one line saying why and what to check.

    Raised for an unreachable endpoint, a timeout, an HTTP error, a refusal,
    a reply that is not JSON of the claim schema. The caller falls back to the
    rule-based extractor; nothing the model said is used.
    """
