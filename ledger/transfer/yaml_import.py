"""Reading an import file into claims ready to record.

Pure: text in, `ImportBatch` out; the store records it in one transaction.
Every bad entry is reported (with its line number) before anything is
written, so one typo never leaves half a file in the ledger.

An entry gives its claim as claim-language text (`claim: "gold $5055 by
end-2026"`) or as structured fields (`symbol`/`asset`, `kind`, `level`,
`deadline`, optional `start`), which is what `forecast export` writes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import yaml

from ledger.claims.parser import claim_from_fields, parse_claim
from ledger.claims.probability import parse_probability
from ledger.errors import ClaimError, ImportFileError
from ledger.records import RESOLUTION_EVIDENCE, SOURCE_KINDS, NewClaim

# libyaml's parser with no implicit typing: every scalar arrives as text and
# this module converts the fields it knows (dates, numbers, booleans). On a
# 100k-entry file PyYAML's per-scalar type resolution would cost more than the
# parsing, and the schema says what each field is anyway.
try:
    SafeLoader: type = yaml.CBaseLoader
except AttributeError:  # libyaml missing: same result, slower
    SafeLoader = yaml.BaseLoader

NULLS = frozenset({"", "~", "null", "Null", "NULL"})
TRUES = frozenset({"true", "True", "TRUE", "yes", "Yes", "on"})
FALSES = frozenset({"false", "False", "FALSE", "no", "No", "off"})

ENTRY_KEYS = {
    "source",
    "source_kind",
    "made_on",
    "claim",
    "text",
    "symbol",
    "asset",
    "kind",
    "level",
    "start",
    "deadline",
    "probability",
    "prob",
    "url",
    "quote",
    "tags",
    "key",
    "revises",
    "fingerprint",
    "created_at",
    "reference_price",
    "assumptions",
    "status",
    "void_reason",
    "resolutions",
    "note",
    "normalized",
}
SOURCE_KEYS = {"name", "kind", "url", "notes"}
RESOLUTION_KEYS = {"outcome", "method", "is_current", "created_at", *RESOLUTION_EVIDENCE}


@dataclass(frozen=True)
class SourceInfo:
    name: str
    kind: str | None
    url: str | None
    notes: str | None


@dataclass(frozen=True)
class ImportBatch:
    sources: tuple[SourceInfo, ...]
    entries: tuple[NewClaim, ...]
    resolutions: dict[int, tuple[dict[str, Any], ...]]  # entry index -> history, oldest first
    void_reasons: dict[int, str]


def read_import_text(
    text: str, *, path: str, aliases: Mapping[str, str] | None = None
) -> ImportBatch:
    """Parse and validate an import file; raise ImportFileError listing every problem."""
    try:
        data = yaml.load(text, Loader=SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ImportFileError(path, [f"{where}not valid YAML ({problem})"]) from exc
    if data is None or _nullable(data) is None:
        raise ImportFileError(path, ["the file is empty: see predictions.example.yaml"])
    if isinstance(data, list):
        data = {"predictions": data}
    if not isinstance(data, dict) or "predictions" not in data:
        raise ImportFileError(
            path, ["expected a mapping with a 'predictions:' list (see predictions.example.yaml)"]
        )
    lines = _LineFinder(text)
    problems: list[str] = []

    sources = _read_sources(_nullable(data.get("sources")) or [], lines, problems)
    raw_entries = _nullable(data.get("predictions")) or []
    if not isinstance(raw_entries, list):
        raise ImportFileError(path, ["'predictions:' must be a list of entries"])
    source_kinds = {s.name.casefold(): s.kind for s in sources}

    entries: list[NewClaim] = []
    resolutions: dict[int, tuple[dict[str, Any], ...]] = {}
    void_reasons: dict[int, str] = {}
    keys: dict[str, int] = {}
    pending_revises: list[tuple[int, str]] = []
    for index, raw in enumerate(raw_entries):
        if isinstance(raw, dict):
            raw = {key: _nullable(value) for key, value in raw.items()}
        try:
            entry, history, revises_key = _read_entry(raw, aliases, source_kinds)
        except (ClaimError, _EntryError) as exc:
            problems.append(f"line {lines.entry_line(index)}: {exc}")
            continue
        position = len(entries)
        if isinstance(raw, dict) and raw.get("key") is not None:
            keys[str(raw["key"])] = position
        if revises_key is not None:
            pending_revises.append((position, revises_key))
        if history:
            resolutions[position] = history
        if isinstance(raw, dict) and raw.get("void_reason"):
            void_reasons[position] = str(raw["void_reason"])
        entries.append(entry)

    for position, revises_key in pending_revises:
        if revises_key in keys:
            target = entries[keys[revises_key]]
            entries[position] = dataclasses.replace(
                entries[position], revises_fingerprint=target.fingerprint()
            )
        else:
            entries[position] = dataclasses.replace(
                entries[position], revises_fingerprint=revises_key
            )
    if problems:
        raise ImportFileError(path, problems)
    return ImportBatch(tuple(sources), tuple(entries), resolutions, void_reasons)


class _EntryError(Exception):
    pass


def _read_sources(raw: Any, lines: _LineFinder, problems: list[str]) -> list[SourceInfo]:
    if not isinstance(raw, list):
        problems.append("'sources:' must be a list of {name, kind, url, notes}")
        return []
    out = []
    for index, item in enumerate(raw):
        if isinstance(item, str):
            item = {"name": item}
        if isinstance(item, dict):
            item = {key: _nullable(value) for key, value in item.items()}
        if not isinstance(item, dict) or not str(item.get("name") or "").strip():
            problems.append(f"line {lines.source_line(index)}: a source needs a name")
            continue
        unknown = set(item) - SOURCE_KEYS
        if unknown:
            problems.append(
                f"line {lines.source_line(index)}: "
                f"unknown source field(s) {', '.join(sorted(unknown))}"
            )
            continue
        kind = item.get("kind")
        if kind is not None and str(kind).lower() not in SOURCE_KINDS:
            problems.append(
                f"line {lines.source_line(index)}: "
                f"source kind {kind!r} is not one of {', '.join(SOURCE_KINDS)}"
            )
            continue
        out.append(
            SourceInfo(
                name=str(item["name"]).strip(),
                kind=str(kind).lower() if kind else None,
                url=_opt_str(item.get("url")),
                notes=_opt_str(item.get("notes")),
            )
        )
    return out


def _read_entry(
    raw: Any,
    aliases: Mapping[str, str] | None,
    source_kinds: Mapping[str, str | None],
) -> tuple[NewClaim, tuple[dict[str, Any], ...], str | None]:
    if not isinstance(raw, dict):
        raise _EntryError("an entry must be a mapping with source, made_on and claim")
    unknown = set(raw) - ENTRY_KEYS
    if unknown:
        raise _EntryError(
            f"unknown field(s) {', '.join(sorted(unknown))}: known fields are source, made_on, "
            "claim (or symbol, kind, level, deadline), probability, url, quote, tags, revises"
        )
    source = _opt_str(raw.get("source"))
    if not source:
        raise _EntryError("no source: add 'source: NAME'")
    made_on = _date(raw.get("made_on"), "made_on")
    if made_on is None:
        raise _EntryError("no made_on: add 'made_on: 2025-11-20' (the day the call was made)")

    if raw.get("claim") is not None:
        claim_text = str(raw["claim"])
        claim = parse_claim(claim_text, made_on=made_on, aliases=aliases)
        text = _opt_str(raw.get("text")) or claim_text
    elif raw.get("kind") is not None:
        asset = raw.get("symbol") or raw.get("asset")
        if not asset:
            raise _EntryError("a structured entry needs 'symbol' (or 'asset')")
        level = raw.get("level")
        if level is None:
            raise _EntryError("a structured entry needs 'level' (a price, or '+20%')")
        claim = claim_from_fields(
            asset=str(asset),
            kind=str(raw["kind"]),
            level=str(level),
            deadline=_date_or_text(raw.get("deadline"), "deadline"),
            made_on=made_on,
            start=_date_or_text(raw.get("start"), "start") if raw.get("start") else None,
            aliases=aliases,
        )
        if raw.get("asset") and raw.get("symbol"):
            claim = dataclasses.replace(claim, asset=str(raw["asset"]))
        text = _opt_str(raw.get("text")) or claim.canonical_text()
    else:
        raise _EntryError(
            "no claim: add 'claim: \"gold $5055 by end-2026\"' or the fields symbol, kind, "
            "level, deadline"
        )
    if raw.get("assumptions"):
        claim = dataclasses.replace(claim, assumptions=tuple(map(str, raw["assumptions"])))
    if raw.get("reference_price") is not None:
        reference = _positive(raw["reference_price"], "reference_price")
        if claim.relative is not None:
            claim = dataclasses.replace(
                claim, reference_price=reference, level=claim.relative.apply(reference)
            )

    probability = raw.get("probability", raw.get("prob"))
    if probability is not None:
        probability = parse_probability(str(probability))
    tags = raw.get("tags") or []
    if isinstance(tags, str):
        tags = [t for t in tags.replace(",", " ").split() if t]
    if not isinstance(tags, list):
        raise _EntryError("tags must be a list like [gold, banks]")
    history = _read_history(raw.get("resolutions"))
    created_at = raw.get("created_at")
    if created_at is not None and not isinstance(created_at, datetime):
        try:
            created_at = datetime.fromisoformat(str(created_at))
        except ValueError as exc:
            raise _EntryError(f"created_at {created_at!r} is not an ISO timestamp") from exc
    revises = raw.get("revises")
    entry = NewClaim(
        source=source,
        source_kind=_opt_str(raw.get("source_kind")) or source_kinds.get(source.casefold()),
        claim=claim,
        text=text,
        probability=probability,
        url=_opt_str(raw.get("url")),
        quote=_opt_str(raw.get("quote")),
        tags=tuple(str(t).strip() for t in tags if str(t).strip()),
        created_at=created_at,
    )
    return entry, history, (str(revises) if revises is not None else None)


def _read_history(raw: Any) -> tuple[dict[str, Any], ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise _EntryError("resolutions must be a list")
    out = []
    for item in raw:
        if not isinstance(item, dict) or item.get("outcome") not in ("true", "false", "void"):
            raise _EntryError("each resolution needs outcome: true, false or void")
        unknown = set(item) - RESOLUTION_KEYS
        if unknown:
            raise _EntryError(f"unknown resolution field(s) {', '.join(sorted(unknown))}")
        values = {key: _nullable(value) for key, value in item.items()}
        for key in ("evidence_date", "closest_date"):
            values[key] = _date(values.get(key), key)
        for key in ("evidence_price", "level_used", "split_factor", "closest_price"):
            if values.get(key) is not None:
                values[key] = _number(values[key], key)
        if values.get("days_to_touch") is not None:
            values["days_to_touch"] = int(_number(values["days_to_touch"], "days_to_touch"))
        if "is_current" in values:
            values["is_current"] = _boolean(values["is_current"], "is_current")
        if values.get("created_at") is not None and not isinstance(values["created_at"], datetime):
            values["created_at"] = datetime.fromisoformat(str(values["created_at"]))
        values.setdefault("method", "auto")
        out.append(values)
    return tuple(out)


def _nullable(value: Any) -> Any:
    return None if isinstance(value, str) and value in NULLS else value


def _number(value: Any, name: str) -> float:
    try:
        return float(value)
    except (TypeError, ValueError) as exc:
        raise _EntryError(f"{name} {value!r} is not a number") from exc


def _boolean(value: Any, name: str) -> bool:
    if isinstance(value, bool):
        return value
    if value in TRUES:
        return True
    if value in FALSES:
        return False
    raise _EntryError(f"{name} {value!r} is not true or false")


def _positive(value: Any, name: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError) as exc:
        raise _EntryError(f"{name} {value!r} is not a number") from exc
    if not number > 0:
        raise _EntryError(f"{name} must be positive")
    return number


def _date(value: Any, name: str) -> date | None:
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, datetime):
        return value.date()
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise _EntryError(f"{name} {value!r} is not a date: write YYYY-MM-DD") from exc


def _date_or_text(value: Any, name: str) -> date | str:
    if value is None:
        raise _EntryError(f"no {name}: add '{name}: 2026-12-31'")
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:  # the common case, and what export writes: no phrase parsing needed
        return date.fromisoformat(text)
    except ValueError:
        return text


def _opt_str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


class _LineFinder:
    """Line numbers of entries, found lazily: only a file with errors pays for them."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._node: yaml.Node | None = None
        self._loaded = False

    def _root(self) -> yaml.Node | None:
        if not self._loaded:
            self._loaded = True
            try:
                self._node = yaml.compose(self._text, Loader=SafeLoader)
            except yaml.YAMLError:
                self._node = None
        return self._node

    def _line_in(self, key: str, index: int) -> int:
        root = self._root()
        if isinstance(root, yaml.SequenceNode) and key == "predictions":
            seq: yaml.Node | None = root
        elif isinstance(root, yaml.MappingNode):
            seq = next((v for k, v in root.value if getattr(k, "value", None) == key), None)
        else:
            seq = None
        if isinstance(seq, yaml.SequenceNode) and index < len(seq.value):
            return seq.value[index].start_mark.line + 1
        return 0

    def entry_line(self, index: int) -> int:
        return self._line_in("predictions", index)

    def source_line(self, index: int) -> int:
        return self._line_in("sources", index)
