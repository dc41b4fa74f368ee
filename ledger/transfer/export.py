"""Writing the ledger out: YAML that `forecast import` reads back, CSV, JSON.

A stored inf or nan (an old ledger, a hand edit) is exported as what it is:
`.inf`/`.nan` in YAML, `inf`/`nan` in CSV, the strings "inf"/"nan" in JSON
(ledger/safe_json.py says why).

The YAML export round-trips every field into an empty ledger: claims as
structured fields (so no re-parsing can change them), the original text, the
logging time, revisions (by fingerprint, since ids differ between ledgers),
each claim's market baseline (`market_*`: what the market implied on
made_on) and each claim's resolution history.

An export is written as it is read, a batch of claims at a time
(`export_chunks`): the text is that of one `yaml.dump` / `json.dumps` of the
whole document, byte for byte, but no more than one batch of it is ever held.
A block-style YAML sequence, and an indented JSON list, is its items' texts one
after another (each item's text depends only on its depth), so each batch is
dumped nested as deep as in the whole document, and the lines of the nesting
are cut off.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import yaml

from ledger import safe_json
from ledger.records import (
    ClaimRecord,
    ExportBatch,
    ResolutionRecord,
    SourceSummary,
    vague_statement,
)
from ledger.transfer.json_lines import indented
from ledger.transfer.yaml_lines import block_item, sequence_item

try:
    SafeDumper: type = yaml.CSafeDumper
except AttributeError:
    SafeDumper = yaml.SafeDumper

FORMATS = ("yaml", "csv", "json")

CSV_COLUMNS = (
    "id",
    "source",
    "source_kind",
    "symbol",
    "asset",
    "kind",
    "level",
    "upper",
    "relative",
    "reference_price",
    "level_rule",
    "level_basis",
    "level_note",
    "made_on",
    "window_start",
    "deadline",
    "probability",
    "status",
    "evidence_date",
    "evidence_price",
    "evidence_field",
    "market_prob",
    "text",
    "normalized",
    "url",
    "quote",
    "tags",
    "fingerprint",
    "revises_id",
    "void_reason",
    "created_at",
    "logged_late",
    "versus_symbol",
    "margin",
    "versus_reference_price",
)


@dataclass(frozen=True)
class ExportLog:
    """The proof log as an export carries it, so `forecast verify FILE` can check
    the export offline (CSV has no room for it): the head, and every entry's text
    in seq order, a batch at a time."""

    tree_size: int
    root: str
    entries: Iterable[Sequence[str]]


def export_chunks(
    fmt: str,
    sources: Sequence[SourceSummary],
    batches: Iterable[ExportBatch],
    log: ExportLog | None = None,
) -> Iterator[str]:
    """The export's text in pieces (about one per batch), consuming `batches` and
    `log.entries` as it goes; joined, the pieces are the whole document."""
    if fmt == "yaml":
        return _yaml(sources, batches, log)
    if fmt == "csv":
        return _csv(batches)
    if fmt == "json":
        return _json(sources, batches, log)
    raise ValueError(fmt)


def _entry(claim: ClaimRecord, fingerprints: Mapping[int, str], history) -> dict[str, Any]:
    if claim.is_vague:
        return _vague_entry(claim, fingerprints, history)
    entry: dict[str, Any] = {
        "source": claim.source,
        "made_on": claim.made_on,
        "symbol": claim.symbol,
        "asset": claim.asset,
        "kind": claim.kind,
        "level": claim.level_rule or claim.relative or claim.level,
        "versus": claim.versus_symbol,
        "versus_asset": claim.versus_asset,
        "margin": claim.margin,
        "start": claim.window_start,
        "deadline": claim.deadline,
        "text": claim.text,
    }
    if claim.versus_symbol is None:  # a one-asset claim has no second asset to name
        for key in ("versus", "versus_asset", "margin"):
            del entry[key]
    else:
        del entry["level"]
    optional = {
        "level_value": claim.level if claim.level_rule else None,
        "level_basis": list(claim.level_basis) or None,
        "level_note": claim.level_note if claim.level_rule and claim.level is not None else None,
        "upper": claim.upper,
        "reference_price": claim.reference_price,
        "versus_reference_price": claim.versus_reference_price,
        "probability": claim.probability,
        "url": claim.url,
        "quote": claim.quote,
        "tags": list(claim.tags) or None,
        "assumptions": list(claim.assumptions) or None,
        "revises": fingerprints.get(claim.revises_id) if claim.revises_id else None,
        "void_reason": claim.void_reason,
        "market_prob": claim.market_prob,
        "market_sigma": claim.market_sigma,
        "market_spot": claim.market_spot,
        "market_note": claim.market_note,
        "market_computed_at": (
            claim.market_computed_at.isoformat() if claim.market_computed_at else None
        ),
    }
    entry.update({k: v for k, v in optional.items() if v is not None})
    return _with_history(entry, claim, history)


def _vague_entry(claim: ClaimRecord, fingerprints: Mapping[int, str], history) -> dict[str, Any]:
    """A vague call: its words as `claim:`, `vague: true`, and no level or window."""
    entry: dict[str, Any] = {"source": claim.source, "made_on": claim.made_on, "vague": True}
    if claim.symbol:
        entry.update(symbol=claim.symbol, asset=claim.asset)
    entry["claim"] = vague_statement(claim.normalized)
    optional = {
        "text": claim.text,
        "url": claim.url,
        "quote": claim.quote,
        "tags": list(claim.tags) or None,
        "revises": fingerprints.get(claim.revises_id) if claim.revises_id else None,
        "void_reason": claim.void_reason,
    }
    entry.update({k: v for k, v in optional.items() if v is not None})
    return _with_history(entry, claim, history)


def _with_history(entry: dict[str, Any], claim: ClaimRecord, history) -> dict[str, Any]:
    entry["created_at"] = claim.created_at.isoformat()
    if history:
        entry["resolutions"] = [_resolution(r) for r in history]
    return entry


def _resolution(r: ResolutionRecord) -> dict[str, Any]:
    data = {
        "outcome": r.outcome,
        "method": r.method,
        "evidence_date": r.evidence_date,
        "evidence_price": r.evidence_price,
        "evidence_field": r.evidence_field,
        "level_used": r.level_used,
        "split_factor": r.split_factor,
        "closest_date": r.closest_date,
        "closest_price": r.closest_price,
        "days_to_touch": r.days_to_touch,
        "data_source": r.data_source,
        "note": r.note,
        "leg_evidence": json.dumps(list(r.legs)) if r.legs else None,
        "bar_quality": r.bar_quality,
        "is_current": r.is_current,
        "created_at": r.created_at.isoformat(),
    }
    return {k: v for k, v in data.items() if v is not None}


def _yaml(
    sources: Sequence[SourceSummary], batches: Iterable[ExportBatch], log: ExportLog | None
) -> Iterator[str]:
    yield _yaml_dump(
        {
            "sources": [
                {
                    k: v
                    for k, v in {
                        "name": s.name,
                        "kind": s.kind,
                        "url": s.url,
                        "notes": s.notes,
                    }.items()
                    if v
                }
                for s in sources
            ]
        }
    )
    entries = (
        [_entry(c, batch.revised_fingerprints, batch.histories.get(c.id, ())) for c in batch.claims]
        for batch in batches
    )
    yield from _yaml_sequence(("predictions",), entries, fast=block_item)
    if log is not None:
        yield _yaml_dump({"log": {"tree_size": log.tree_size, "root": log.root}})
        yield from _yaml_sequence(("log", "entries"), log.entries, fast=_log_entry)


def _yaml_sequence(
    keys: tuple[str, ...],
    batches: Iterable[Sequence[Any]],
    fast: Callable[[Any], str | None] | None = None,
) -> Iterator[str]:
    """The lines of `keys[-1]: [items]` nested under `keys[:-1]` (mappings whose
    lines are already written), one piece per non-empty batch of items. `fast`,
    given, writes an item as it stands there, or answers None (then PyYAML
    writes it)."""
    written = False
    for batch in batches:
        if not batch:
            continue
        if fast is None:
            text = _yaml_nested(keys, list(batch), keep_keys=not written)
        else:
            pieces = [] if written else [f"{'  ' * (len(keys) - 1)}{keys[-1]}:\n"]
            for item in batch:
                piece = fast(item)
                pieces.append(
                    piece if piece is not None else _yaml_nested(keys, [item], keep_keys=False)
                )
            text = "".join(pieces)
        yield text
        written = True
    if not written:
        yield _yaml_nested(keys, [], keep_keys=True)


def _yaml_nested(keys: tuple[str, ...], items: list[Any], *, keep_keys: bool) -> str:
    """`yaml.dump` of `items` nested under `keys`, less the lines of the keys
    already written: all but the last's (`keep_keys`) or all of them."""
    document: Any = items
    for key in reversed(keys):
        document = {key: document}
    text = _yaml_dump(document)
    cut = 0
    for _ in range(len(keys) - 1 if keep_keys else len(keys)):
        cut = text.index("\n", cut) + 1
    return text[cut:]


def _log_entry(text: str) -> str | None:
    return sequence_item(text, 2)


def _yaml_dump(document: Any) -> str:
    return yaml.dump(
        document, Dumper=SafeDumper, sort_keys=False, allow_unicode=True, default_flow_style=False
    )


def _csv(batches: Iterable[ExportBatch]) -> Iterator[str]:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for batch in batches:
        for row in _json_objects(batch):
            row["tags"] = " ".join(row["tags"])
            row["level_basis"] = " ".join(row["level_basis"])
            writer.writerow(["" if row.get(k) is None else row[k] for k in CSV_COLUMNS])
        yield out.getvalue()
        out.seek(0)
        out.truncate()
    yield out.getvalue()


def _json_objects(batch: ExportBatch) -> Sequence[dict[str, Any]]:
    """Each claim's `to_json()` object (fresh: the caller may change it)."""
    return batch.json_objects or [claim.to_json() for claim in batch.claims]


def _json(
    sources: Sequence[SourceSummary], batches: Iterable[ExportBatch], log: ExportLog | None
) -> Iterator[str]:
    yield "{\n"
    yield from _json_list("sources", [[s.to_json() for s in sources]], depth=1)
    yield ",\n"
    claims = ([_claim_json(data, batch) for data in _json_objects(batch)] for batch in batches)
    yield from _json_list("claims", claims, depth=1)
    if log is not None:
        yield ',\n  "log": {\n'
        yield f'    "tree_size": {safe_json.dumps(log.tree_size)},\n'
        yield f'    "root": {safe_json.dumps(log.root)},\n'
        yield from _json_list("entries", log.entries, depth=2)
        yield "\n  }"
    yield "\n}\n"


def _claim_json(data: dict[str, Any], batch: ExportBatch) -> dict[str, Any]:
    data["resolutions"] = [
        {
            k: (v.isoformat() if isinstance(v, date | datetime) else v)
            for k, v in _resolution(r).items()
        }
        for r in batch.histories.get(data["id"], ())
    ]
    return data


def _json_list(key: str, batches: Iterable[Sequence[Any]], depth: int) -> Iterator[str]:
    """`"key": [items]` as `json.dumps(..., indent=2)` writes it `depth` levels deep."""
    pad = "  " * depth
    inner = pad + "  "
    yield f"{pad}{json.dumps(key)}: "
    written = False
    for batch in batches:
        if not batch:
            continue
        items = (inner + indented(item, depth + 1) for item in batch)
        yield ("[\n" if not written else ",\n") + ",\n".join(items)
        written = True
    yield f"\n{pad}]" if written else "[]"
