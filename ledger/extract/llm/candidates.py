"""From the model's reading to candidates the ledger can judge, or a reason why not.

The model's fields are never trusted as a claim. Each reading is written
back into the claim language ("gold touch_above $5,055 by the end of
2026": the asset and level as the article wrote them, the kind by its
canonical name, the deadline phrase) and read by `parse_claim`, the parser
every other path uses, then checked against the ledger's bounds
(`check_claim`). So a candidate from the model is exactly as judgeable as
one typed by hand, and its claim text is one the user can edit. A reading
the parser or the bounds refuse is dropped with the parser's own reason.

Three guards against what a model invents:
- the quote must occur in the article (spacing, typographic quotes and
  dashes, and case aside); the candidate's sentence is then the article's
  own words, never the model's;
- a price level (and a band's ceiling, a relative change) must be one the
  quote states: a true sentence with a wrong number is the likeliest
  hallucination, and the ledger would score the source on the model's
  number. A computed level ("support") is the rule's, not a number to find;
- a speaker the article never names is not used (the user is asked, or
  --source gives one), since a source is what the ledger scores.

Pure: no network, no clock (`today` is given).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from ledger.claims.bounds import check_claim
from ledger.claims.model import Claim, format_price
from ledger.claims.numbers import find_levels
from ledger.claims.parser import parse_claim, parse_vague
from ledger.errors import ClaimError
from ledger.extract.candidate import Candidate, Reason
from ledger.extract.llm.schema import ReplyClaim
from ledger.extract.patterns import confidence_scores

# The model gives no calibrated confidence. A reading that survived the parser
# and the quote check clears the default --yes bar (0.6); the readings the
# rule-based extractor never lets --yes record alone are capped as it caps them
# (patterns.CAP_*): conditional, vague, a computed level, no time frame.
CONFIDENCE = 0.7
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")
_DURATION = re.compile(
    r"^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen)"
    r"\s+(?:days?|weeks?|months?|quarters?|years?)$",
    re.IGNORECASE,
)
_SAME_PRICE = 0.005
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
_SHOWN = 80

# Characters a model writes plainly where an article has the typographic form.
LOOKALIKES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2032": "'",
        "\u2212": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2026": "...",
    }
)


@dataclass(frozen=True)
class Reading:
    """What became of the model's claims: the candidates, and one note per claim dropped."""

    candidates: tuple[Candidate, ...]
    dropped: tuple[str, ...]


class ArticleText:
    """The article, normalized once for finding quotes, with a map back to its own words."""

    def __init__(self, text: str) -> None:
        self.text = text
        folded: list[str] = []
        origin: list[int] = []
        space = True
        for index, char in enumerate(text):
            if char.isspace():
                if not space:
                    folded.append(" ")
                    origin.append(index)
                space = True
                continue
            space = False
            for piece in char.translate(LOOKALIKES).casefold():
                folded.append(piece)
                origin.append(index)
        self._folded = "".join(folded)
        self._origin = origin

    def find(self, words: str) -> str | None:
        """The article's own text where `words` occur (normalized alike), or None."""
        needle = _normalized(words)
        if not needle:
            return None
        start = self._folded.find(needle)
        if start < 0:
            return None
        first = self._origin[start]
        last = self._origin[start + len(needle) - 1]
        return " ".join(self.text[first : last + 1].split())

    def names(self, words: str) -> bool:
        return self.find(words) is not None


def _normalized(text: str) -> str:
    return " ".join(text.translate(LOOKALIKES).casefold().split())


def read_claims(
    claims: Sequence[ReplyClaim],
    article: str,
    *,
    made_on: date,
    today: date,
    model: str,
    aliases: Mapping[str, str] | None = None,
    horizon_months: int = 12,
) -> Reading:
    """Candidates for the model's claims that pass the parser, the bounds and the guards.

    A claim that fails any of them is dropped, with a note naming it and why;
    a second reading of a claim already proposed is dropped as well.
    """
    text = ArticleText(article)
    candidates: list[Candidate] = []
    dropped: list[str] = []
    seen: dict[str, int] = {}
    for number, claim in enumerate(claims, start=1):
        label = f"model claim {number} ({_shown(claim)})"
        try:
            candidate = _candidate(claim, text, made_on, today, model, aliases, horizon_months)
        except ClaimError as error:
            dropped.append(f"{label} dropped: {error}")
            continue
        key = candidate.claim.canonical_text() if candidate.claim else candidate.template or ""
        if key in seen:
            dropped.append(f"{label} dropped: the same claim as model claim {seen[key]}")
            continue
        seen[key] = number
        candidates.append(candidate)
    return Reading(tuple(candidates), tuple(dropped))


def _shown(claim: ReplyClaim) -> str:
    parts = [claim.asset, claim.kind, claim.level, claim.deadline]
    shown = " ".join(part for part in parts if part)
    return shown if len(shown) <= _SHOWN else shown[: _SHOWN - 3] + "..."


def _candidate(
    reply: ReplyClaim,
    article: ArticleText,
    made_on: date,
    today: date,
    model: str,
    aliases: Mapping[str, str] | None,
    horizon_months: int,
) -> Candidate:
    sentence = article.find(reply.quote)
    if sentence is None:
        raise ClaimError("its quote does not occur in the article (a model may paraphrase)")
    assumptions: list[str] = []
    speaker = reply.speaker
    if speaker is not None and not article.names(speaker):
        assumptions.append(f"speaker '{speaker}' is not named in the article: left blank")
        speaker = None
    if reply.kind == "vague":
        claim = _vague(reply, sentence, made_on, aliases)
        claim_text = claim.canonical_text()
        deadline_reason = Reason("deadline", None, "a vague call has none")
    else:
        claim_text, claim, deadline_reason = _priced(reply, made_on, aliases, horizon_months)
    check_claim(claim, today)
    _check_stated(claim, sentence)
    confidence = CONFIDENCE
    for capped, cap in (
        (reply.conditional, confidence_scores.CAP_CONDITIONAL),
        (claim.kind.is_vague, confidence_scores.CAP_VAGUE),
        (claim.level_rule is not None, confidence_scores.CAP_COMPUTED_LEVEL),
        (reply.deadline is None and not claim.kind.is_vague, confidence_scores.CAP_NO_TIME_FRAME),
    ):
        if capped:
            confidence = min(confidence, cap)
    reasons = (
        Reason("cue", model, "the language model's reading"),
        Reason("asset", reply.asset, f"read as {claim.symbol}" if claim.symbol else None),
        Reason("level", reply.level),
        Reason("direction", reply.kind),
        deadline_reason,
        Reason("speaker", speaker),
    )
    hedged = reply.probability is not None and not claim.kind.is_vague
    return Candidate(
        sentence=sentence,
        made_on=made_on,
        symbol=claim.symbol,
        asset=claim.asset,
        confidence=confidence,
        claim_text=claim_text,
        claim=claim,
        speaker=speaker,
        assumptions=(*assumptions, *claim.assumptions),
        hedged=hedged,
        conditional=reply.conditional,
        probability=reply.probability if hedged else None,
        reasons=reasons,
        vague=claim.kind.is_vague,
    )


def _check_stated(claim: Claim, sentence: str) -> None:
    """ClaimError unless the sentence states the claim's level(s), as `find_levels` reads them.

    A price matches within half a percent ("5.1k" is 5100; "$5,055" is 5055);
    a relative level by its kind and size (the sign is the direction's).
    """
    if claim.kind.is_vague or claim.is_outperformance or claim.level_rule is not None:
        return
    stated, _ = find_levels(sentence)
    if claim.relative is not None:
        wanted = (claim.relative.kind, abs(claim.relative.value))
        if not any(
            m.relative and (m.relative.kind, abs(m.relative.value)) == wanted for m in stated
        ):
            raise ClaimError(f"its level {claim.relative.text()} is not stated in its quote")
        return
    prices = [m.price for m in stated if m.price is not None]
    for name, value in (("level", claim.level), ("upper level", claim.upper)):
        if value is not None and not any(
            abs(price - value) <= _SAME_PRICE * abs(value) for price in prices
        ):
            raise ClaimError(f"its {name} {format_price(value)} is not stated in its quote")


def _vague(
    reply: ReplyClaim, sentence: str, made_on: date, aliases: Mapping[str, str] | None
) -> Claim:
    """A vague call in the article's words, about the asset the model named if it is known."""
    try:
        return parse_vague(sentence, made_on=made_on, asset=reply.asset, aliases=aliases)
    except ClaimError:
        return parse_vague(sentence, made_on=made_on, aliases=aliases)


def _priced(
    reply: ReplyClaim, made_on: date, aliases: Mapping[str, str] | None, horizon_months: int
) -> tuple[str, Claim, Reason]:
    """The claim text the reading writes, and the claim `parse_claim` reads from it.

    With no deadline, the parser's own default for the claim is used if it has
    one (a support level is judged over 90 days), else --horizon-months, as
    the rule-based extractor does, and the reason says which.
    """
    body = _claim_body(reply)
    if reply.deadline is not None:
        deadline, how = _deadline_phrase(reply.deadline)
        text = f"{body} {deadline}"
        claim = parse_claim(text, made_on=made_on, aliases=aliases)
        if how is not None:
            claim = dataclasses.replace(claim, assumptions=(how, *claim.assumptions))
        return text, claim, Reason("deadline", reply.deadline, how)
    try:
        claim = parse_claim(body, made_on=made_on, aliases=aliases)
        return body, claim, Reason("deadline", None, "none stated: the claim's own default")
    except ClaimError:
        pass
    text = f"{body} within {horizon_months} months"
    claim = parse_claim(text, made_on=made_on, aliases=aliases)
    return text, claim, Reason("deadline", None, f"none stated: {horizon_months} months assumed")


def _deadline_phrase(deadline: str) -> tuple[str, str | None]:
    """The deadline as claim text; a phrase the model gave without its preposition gets one.

    A bare date, year or duration would read as a second level ("5055 2026"),
    so it gets the preposition it most likely lost, and the reading says so.
    """
    if _ISO_DATE.match(deadline):
        return f"by {deadline}", None
    if _YEAR.match(deadline):
        phrase = f"by end-{deadline}"
    elif _DURATION.match(deadline):
        phrase = f"within {deadline}"
    else:
        return deadline, None
    return phrase, f"the model's deadline '{deadline}' is read as '{phrase}'"


def _claim_body(reply: ReplyClaim) -> str:
    """Asset, kind and level(s) in the claim language; ClaimError when a part is missing."""
    if reply.kind == "outperform":
        if reply.versus is None:
            raise ClaimError("an outperform call needs the other asset (versus)")
        margin = ""
        if reply.level is not None:
            # A bare number is a margin in points ("10"); words keep their own unit.
            unit = " points" if _NUMBER.match(reply.level) else ""
            margin = f" by {reply.level}{unit}"
        return f"{reply.asset} outperforms {reply.versus}{margin}"
    if reply.level is None:
        raise ClaimError(f"a {reply.kind} call needs a level, and the model gave none")
    if reply.kind.endswith("_between"):
        if reply.upper is None:
            raise ClaimError(f"a {reply.kind} band needs its ceiling (upper)")
        return f"{reply.asset} {reply.kind} {reply.level} and {reply.upper}"
    return f"{reply.asset} {reply.kind} {reply.level}"
