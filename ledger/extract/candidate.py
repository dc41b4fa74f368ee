"""A proposed claim: what the extractor read in a sentence, for the user to accept.

A candidate is never recorded by itself: the CLI records it only when the
user accepts it (or passes --yes and it scores at least --min-confidence).
It carries everything the user needs to judge it: the sentence, the claim
text in the claim language (None when something essential is missing, with
`needs` saying what), the parsed claim, the speaker, a confidence, every
assumption made on the user's behalf, and why: the words of the sentence
each part of the reading came from (`reasons`), so a wrong reading can be
traced to the words that misled it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ledger.claims.model import Claim

# The parts of a reading, in the order they are shown.
REASON_ROLES = ("cue", "asset", "level", "direction", "deadline", "speaker")
_ROLE_LABELS = {
    "cue": "a call because of",
    "asset": "asset",
    "level": "level",
    "direction": "direction",
    "deadline": "deadline",
    "speaker": "speaker",
}


@dataclass(frozen=True)
class Reason:
    """One part of a reading and the words of the sentence it was read from.

    `words` is None when the sentence has no words for the part (no direction
    word, no deadline) and `how` says what was assumed instead.
    """

    role: str
    words: str | None
    how: str | None = None

    def text(self) -> str:
        """ "level '$5,055'", "deadline: none (12 months assumed)"."""
        label = _ROLE_LABELS.get(self.role, self.role)
        shown = f"{label} '{self.words}'" if self.words else f"{label}: none"
        return f"{shown} ({self.how})" if self.how else shown

    def to_json(self) -> dict[str, str | None]:
        return {"role": self.role, "words": self.words, "how": self.how}


@dataclass(frozen=True)
class Candidate:
    """One claim proposed from one sentence.

    `claim_text` parses with `parse_claim` (same made_on and aliases) to `claim`.
    When `needs` is "level" both are None and `template` holds the claim text
    with "{level}" where the user's level goes. A `vague` candidate is a call
    no price can settle; its claim text is a vague call in canonical form
    ("SI=F vague: ..."), which records as one.
    """

    sentence: str
    made_on: date
    symbol: str
    asset: str
    confidence: float
    claim_text: str | None = None
    claim: Claim | None = None
    speaker: str | None = None
    assumptions: tuple[str, ...] = field(default=())
    hedged: bool = False
    conditional: bool = False
    negated: bool = False
    needs: str | None = None
    template: str | None = None
    kind_hint: str | None = None
    deadline_hint: date | None = None
    probability: float | None = None
    headline: bool = False
    reasons: tuple[Reason, ...] = field(default=())
    vague: bool = False
    # What kept the confidence down (a bonus missing, a penalty, a cap), by name; see
    # ledger/extract/confidence.py. Empty for calls not scored by the price-call score.
    lowered_by: tuple[str, ...] = field(default=())
    # The side is the default (above): no word of the call named one, no price of the day was
    # known when it was read. kind_convention.py reads it against a price the article gives later.
    side_unstated: bool = False
    # The rule score (confidence.py) once the acceptance model (acceptance.py) has put its
    # probability in `confidence`; None before, and for candidates the model does not score.
    rule_confidence: float | None = None

    @property
    def reading(self) -> str:
        """The call as read, in words ("GC=F trades at or above 5055 by 2026-12-31")."""
        if self.claim is not None:
            return self.claim.describe()
        deadline = self.deadline.isoformat() if self.deadline else "?"
        return f"{self.symbol} {self.kind or '?'} ? (no level) by {deadline}"

    @property
    def why(self) -> str:
        """The reasons on one line: which words made it a call, and which gave each part."""
        return "; ".join(reason.text() for reason in self.reasons)

    @property
    def kind(self) -> str | None:
        return self.claim.kind.value if self.claim else self.kind_hint

    @property
    def deadline(self) -> date | None:
        return self.claim.deadline if self.claim else self.deadline_hint

    @property
    def level_key(self) -> str | None:
        """The level as canonical claim text writes it ("5055", "+20%"), for matching.

        A vague call has none: its words take the level's place, so two vague
        calls about one asset stay two.
        """
        if self.claim is None:
            return None
        if self.claim.kind.is_vague:
            return self.claim.canonical_text()
        return self.claim.canonical_level

    def with_level(self, level_text: str) -> str | None:
        """The claim text once the user gives the missing level, or None if none is missing."""
        if self.template is None:
            return None
        return self.template.replace("{level}", level_text.strip())

    def to_json(self) -> dict[str, Any]:
        claim = self.claim
        return {
            "sentence": self.sentence,
            "claim": self.claim_text,
            "canonical": claim.canonical_text() if claim else None,
            "description": claim.describe() if claim else None,
            "symbol": self.symbol,
            "asset": self.asset,
            "kind": self.kind,
            "level": claim.level if claim else None,
            "upper": claim.upper if claim else None,
            "relative": claim.relative.text() if claim and claim.relative else None,
            "made_on": self.made_on.isoformat(),
            "window_start": claim.window_start.isoformat() if claim else None,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "speaker": self.speaker,
            "confidence": self.confidence,
            "assumptions": list(self.assumptions),
            "hedged": self.hedged,
            "conditional": self.conditional,
            "negated": self.negated,
            "needs": self.needs,
            "template": self.template,
            "probability": self.probability,
            "headline": self.headline,
            "reading": self.reading,
            "why": [reason.to_json() for reason in self.reasons],
            "vague": self.vague,
            "lowered_by": list(self.lowered_by),
            "rule_confidence": self.rule_confidence,
            "side_unstated": self.side_unstated,
            "versus": claim.versus_symbol if claim else None,
        }
