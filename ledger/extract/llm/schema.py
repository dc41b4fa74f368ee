"""What the language model is asked for, and the check of what it answers.

The model is asked for one JSON object, `{"claims": [...]}`, each claim a
flat record of the fields a reader would note (`CLAIM_SCHEMA`): who makes
the call, the asset and level as the article writes them, the kind (one of
the ledger's claim kinds), the deadline phrase, a stated probability, and
the sentence quoted word for word. Servers that support structured output
(`response_format` with a JSON schema: OpenAI, vLLM, llama.cpp, Ollama)
are held to the schema while generating; others are asked in the prompt.

Either way the reply is checked here, field by field, because a server may
ignore the schema and a model may not follow the prompt: `validate_reply`
returns `ReplyClaim`s or raises `ReplyError` with one line naming the first
thing wrong. It is lenient only where leniency cannot change a reading: a
reply wrapped in a Markdown code fence, a bare list instead of the object,
an optional field left out (read as null), a level given as a number.
Nothing here judges whether a claim makes sense: that is the claim parser's
job (`ledger.extract.llm.candidates`).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from typing import Any

from ledger.claims.bounds import FIELD_LIMITS
from ledger.claims.model import ClaimKind, format_price
from ledger.extract.llm.errors import LlmError

# Every kind a model may name: the ledger's own kinds, so a claim text built
# from them is in the claim language's canonical vocabulary.
CLAIM_KINDS: tuple[str, ...] = tuple(kind.value for kind in ClaimKind)

# Longest accepted text per field; a longer value is no reading of an article.
_TEXT_LIMITS = {
    "speaker": FIELD_LIMITS["source"],
    "asset": 100,
    "level": 100,
    "upper": 100,
    "versus": 100,
    "deadline": 200,
    "quote": FIELD_LIMITS["quote"],
}
# The fields of one claim, in the order the schema lists them.
FIELDS = (
    "speaker", "asset", "kind", "level", "upper", "versus", "deadline", "probability",
    "conditional", "quote",
)  # fmt: skip
_REQUIRED = ("asset", "kind", "quote")
_FENCE = re.compile(r"^\s*```(?:json|JSON)?\s*\n?(?P<body>.*?)\n?\s*```\s*$", re.S)
_SHOWN = 60


class ReplyError(LlmError):
    """The model's reply is not JSON, or not JSON of the claim schema."""


@dataclass(frozen=True)
class ReplyClaim:
    """One claim as the model read it: the words of the article, not yet a Claim."""

    asset: str
    kind: str
    quote: str
    speaker: str | None = None
    level: str | None = None
    upper: str | None = None
    versus: str | None = None
    deadline: str | None = None
    probability: float | None = None
    conditional: bool = False

    def to_json(self) -> dict[str, Any]:
        """The record as the schema writes it (every field, nulls included)."""
        return {
            "speaker": self.speaker,
            "asset": self.asset,
            "kind": self.kind,
            "level": self.level,
            "upper": self.upper,
            "versus": self.versus,
            "deadline": self.deadline,
            "probability": self.probability,
            "conditional": self.conditional,
            "quote": self.quote,
        }


def _nullable(kind: str, description: str) -> dict[str, Any]:
    return {"type": [kind, "null"], "description": description}


CLAIM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "claims": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "speaker": _nullable(
                        "string",
                        "who makes the forecast (a bank, a person), as the article names them;"
                        " null if nobody is named",
                    ),
                    "asset": {
                        "type": "string",
                        "description": "the asset as commonly named or its Yahoo symbol:"
                        " 'gold', 'bitcoin', 'S&P 500', 'Nvidia', 'GC=F'",
                    },
                    "kind": {"type": "string", "enum": list(CLAIM_KINDS)},
                    "level": _nullable(
                        "string",
                        "the price level as written ('$5,055', '150k'), a change ('+20%'),"
                        " 'support', 'resistance', '200-day average'; for a band its floor;"
                        " for outperform the margin in points or null",
                    ),
                    "upper": _nullable("string", "the ceiling of a band; null otherwise"),
                    "versus": _nullable(
                        "string", "the other asset of an outperform call; null otherwise"
                    ),
                    "deadline": _nullable(
                        "string",
                        "the deadline or period with its preposition: 'by the end of 2026',"
                        " 'in Q4 2026', 'within 6 months', 'by 2026-06-30'; null if none",
                    ),
                    "probability": {
                        "type": ["number", "null"],
                        "minimum": 0,
                        "maximum": 1,
                        "description": "a probability the speaker states, 0 to 1; else null",
                    },
                    "conditional": {
                        "type": "boolean",
                        "description": "true if the call holds only if something else happens",
                    },
                    "quote": {
                        "type": "string",
                        "description": "the sentence stating the call, copied exactly",
                    },
                },
                # Strict structured output needs every field listed; absent is null.
                "required": list(FIELDS),
                "additionalProperties": False,
            },
        }
    },
    "required": ["claims"],
    "additionalProperties": False,
}

SYSTEM_PROMPT = f"""You find market forecasts in news articles.
A forecast is a call that a named asset will reach, stay above or below, close above or below,
average, or trade within a price level by a deadline, or outperform another asset.
Answer with one JSON object {{"claims": [...]}} matching this JSON schema, and nothing else:
{json.dumps(CLAIM_SCHEMA, separators=(",", ":"))}
Rules:
- kind is touch_above/touch_below (reaches the level), close_above/close_below (closes beyond it
  on the deadline), hold_above/hold_below (never breaks it), average_above/average_below,
  close_between/hold_between (a band: level is the floor, upper the ceiling), outperform
  (asset beats versus), or vague (a call with no level or date a price could settle).
- quote is one sentence of the article copied character for character; never paraphrase.
- Only forecasts someone makes: not current prices, past moves, or earlier targets replaced.
- One claim per asset, level and deadline; several speakers or levels are several claims.
- No forecasts in the article: {{"claims": []}}."""


def response_format() -> dict[str, Any]:
    """The `response_format` that holds a server to the schema while it generates."""
    return {
        "type": "json_schema",
        "json_schema": {"name": "forecast_claims", "strict": True, "schema": CLAIM_SCHEMA},
    }


def validate_reply(content: object) -> tuple[ReplyClaim, ...]:
    """The claims of a reply's message content; ReplyError for anything else.

    Total: whatever `content` is, the result is a tuple of ReplyClaim or a
    ReplyError, never another exception.
    """
    if not isinstance(content, str):
        raise ReplyError(f"the model's reply has no text content ({type(content).__name__})")
    fenced = _FENCE.match(content)
    body = fenced["body"] if fenced else content
    try:
        data = json.loads(body, parse_constant=_no_constant)
    except (ValueError, RecursionError) as error:
        shown = " ".join(content.split())[:_SHOWN]
        reason = error.msg if isinstance(error, json.JSONDecodeError) else "unreadable"
        raise ReplyError(f"the model's reply is not valid JSON ({reason}): {shown!r}") from None
    if isinstance(data, dict) and "claims" in data:
        items = data["claims"]
    elif isinstance(data, list):
        items = data
    else:
        raise _mismatch("the reply is not an object with a 'claims' list")
    if not isinstance(items, list):
        raise _mismatch(f"'claims' is {_type_name(items)}, not a list")
    return tuple(_claim(item, f"claims[{index}]") for index, item in enumerate(items))


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows")


def _mismatch(what: str) -> ReplyError:
    return ReplyError(f"the model's reply does not match the claim schema: {what}")


def _type_name(value: object) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true/false"}.get(
        type(value), "null" if value is None else "a number"
    )


def _claim(item: object, where: str) -> ReplyClaim:
    if not isinstance(item, dict):
        raise _mismatch(f"{where} is {_type_name(item)}, not an object")
    for name in _REQUIRED:
        if item.get(name) is None:
            raise _mismatch(f"{where} has no {name}")
    kind = _required_text(item, "kind", where)
    if kind not in CLAIM_KINDS:
        raise _mismatch(f"{where}.kind is {kind[:_SHOWN]!r}, not one of {', '.join(CLAIM_KINDS)}")
    conditional = item.get("conditional", False)
    if conditional is None:
        conditional = False
    if not isinstance(conditional, bool):
        raise _mismatch(f"{where}.conditional is {_type_name(conditional)}, not true/false")
    return ReplyClaim(
        asset=_required_text(item, "asset", where),
        kind=kind,
        quote=_required_text(item, "quote", where),
        speaker=_text(item, "speaker", where),
        level=_level(item, "level", where),
        upper=_level(item, "upper", where),
        versus=_text(item, "versus", where),
        deadline=_text(item, "deadline", where),
        probability=_probability(item, where),
        conditional=conditional,
    )


def _text(item: dict[str, Any], name: str, where: str) -> str | None:
    """A text field, whitespace collapsed; blank reads as null."""
    value = item.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _mismatch(f"{where}.{name} is {_type_name(value)}, not text")
    limit = _TEXT_LIMITS.get(name, 100)
    if len(value) > limit:
        raise _mismatch(f"{where}.{name} is {len(value)} characters, more than {limit}")
    collapsed = " ".join(value.split())
    return collapsed or None


def _required_text(item: dict[str, Any], name: str, where: str) -> str:
    value = _text(item, name, where)
    if value is None:
        raise _mismatch(f"{where}.{name} is blank")
    return value


def _level(item: dict[str, Any], name: str, where: str) -> str | None:
    """A level as text: a number the model gave as a number is written as the ledger would."""
    value = item.get(name)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = _finite(value)
        if number is None:
            raise _mismatch(f"{where}.{name} is not a finite number")
        return format_price(number)
    return _text(item, name, where)


def _probability(item: dict[str, Any], where: str) -> float | None:
    value = item.get("probability")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _mismatch(f"{where}.probability is {_type_name(value)}, not a number")
    number = _finite(value)
    if number is None or not 0 <= number <= 1:
        raise _mismatch(f"{where}.probability is {str(value)[:_SHOWN]}, not between 0 and 1")
    return number


def _finite(value: float) -> float | None:
    """`value` as a finite float, or None (JSON integers may be too large for one)."""
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None
