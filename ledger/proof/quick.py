"""Does the log say exactly what the tables hold? Answered without parsing the log.

`verify` on an honest ledger must be fast (a 100k-claim ledger in a few
seconds), and nearly all of its entries are claims and resolutions. So the
tables' rows are turned into the texts their entries must have
(`ledger.proof.bulk`), and each logged claim or resolution text is looked up
among them: a text equal byte for byte to the canonical text of an entry
built from a row parses to that entry, so nothing is lost by not parsing it.
The few other entries (statuses, fills, sources, aliases) are parsed. Then
the log is replayed in order over row positions (status, void reason, which
resolution is current), as `ledger.proof.replay` does over parsed entries.

The answer is only "yes" or "not shown": `agrees` returns True only when the
full replay-and-compare would find no problem, and False for anything it does
not expect (a differing text, an entry out of place, an unknown type). On
False the caller runs the full comparison, which names each difference; the
tests hold the two to each other (tests/proof/test_quick.py).

Two things are read from the rows rather than the log, as hints; a wrong
hint costs time, never a wrong answer:
- a claim whose fill-once column has a `filled` entry was logged with that
  column null, so its text is built so;
- a resolution's entry also says whether it became current, the status it
  moved its claim to and the void reason: the resolver and a hand resolution
  log (current, the outcome as status, a hand void's note as reason); an
  imported one (as stored, none, none). A text that differs from the guess is
  parsed, and accepted if its fields are the row's.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ledger.proof.bulk import Same, claim_texts, resolution_texts, tokens
from ledger.proof.entries import (
    ALIAS,
    BACKFILL,
    CLAIM,
    FILL_ONCE_CLAIM_COLUMNS,
    FILLED,
    RESOLUTION,
    REVIEW,
    SOURCE,
    STATUS,
)
from ledger.proof.replay import ClaimState, LedgerState, ResolutionState


@dataclass(frozen=True)
class ClaimColumns:
    """The claims table column by column, in plain values (`entries.plain`)."""

    ids: Sequence[int]
    status: Sequence[str]
    void_reason: Sequence[str | None]
    source: Sequence[str]
    tags: Sequence[Sequence[str]]
    fields: Mapping[str, Sequence[Any]]  # every defining column


@dataclass(frozen=True)
class ResolutionColumns:
    ids: Sequence[int]
    claim_ids: Sequence[int]
    current: Sequence[bool]
    fields: Mapping[str, Sequence[Any]]  # every logged column


@dataclass(frozen=True)
class Tables:
    claims: ClaimColumns
    resolutions: ResolutionColumns
    sources: Mapping[int, Mapping[str, Any]]
    aliases: Mapping[str, str]
    reviews: Mapping[int, Mapping[str, Any]] = field(default_factory=dict)


def as_state(tables: Tables) -> LedgerState:
    """The same tables as the full comparison reads them (`replay.compare`)."""
    state = LedgerState()
    claims, resolutions = tables.claims, tables.resolutions
    claim_names, resolution_names = list(claims.fields), list(resolutions.fields)
    claim_rows = zip(*(claims.fields[name] for name in claim_names), strict=True)
    for i, row in enumerate(claim_rows):
        state.claims[claims.ids[i]] = ClaimState(
            claims.source[i],
            tuple(claims.tags[i]),
            dict(zip(claim_names, row, strict=True)),
            claims.status[i],
            claims.void_reason[i],
        )
    resolution_rows = zip(*(resolutions.fields[name] for name in resolution_names), strict=True)
    for j, row in enumerate(resolution_rows):
        state.resolutions[resolutions.ids[j]] = ResolutionState(
            resolutions.claim_ids[j],
            dict(zip(resolution_names, row, strict=True)),
            bool(resolutions.current[j]),
        )
    state.sources = {k: dict(v) for k, v in tables.sources.items()}
    state.aliases = dict(tables.aliases)
    state.reviews = {k: dict(v) for k, v in tables.reviews.items()}
    return state


class _NotShown(Exception):
    """The log does not match in the expected way: let the full comparison say why."""


def agrees(log: Sequence[Sequence[Any]], tables: Tables) -> bool:
    """True if replaying the log's (seq, kind, text, ...) rows gives exactly the tables."""
    try:
        return _agrees(log, tables)
    except (_NotShown, KeyError, TypeError, ValueError, AttributeError):
        return False


def _parse(text: str) -> dict[str, Any]:
    entry = json.loads(text)
    if not isinstance(entry, dict):
        raise _NotShown
    return entry


def _agrees(log: Sequence[Sequence[Any]], tables: Tables) -> bool:
    claims, resolutions = tables.claims, tables.resolutions
    claim_at = {claim_id: i for i, claim_id in enumerate(claims.ids)}
    resolution_at = {resolution_id: j for j, resolution_id in enumerate(resolutions.ids)}

    others: dict[int, dict[str, Any]] = {}
    fills: dict[int, set[str]] = {}
    for seq, kind, text, *_ in log:
        if kind in (CLAIM, RESOLUTION):
            continue
        entry = others[seq] = _parse(text)
        if entry["type"] == FILLED:
            columns = fills.setdefault(claim_at[entry["claim_id"]], set())
            if entry["column"] in columns or entry["column"] not in FILL_ONCE_CLAIM_COLUMNS:
                raise _NotShown
            columns.add(entry["column"])

    claim_text_at = _claim_texts(claims, fills)
    guesses = _envelopes(resolutions)
    guessed_current, guessed_status, guessed_reason = (
        [g[0] for g in guesses],
        [g[1] for g in guesses],
        [g[2] for g in guesses],
    )
    texts = resolution_texts(
        resolutions.ids,
        resolutions.claim_ids,
        {name: tokens(values) for name, values in resolutions.fields.items()},
        guessed_current,
        guessed_status,
        guessed_reason,
    )
    resolution_text_at = {text: j for j, text in enumerate(texts)}
    del texts

    recorded = [False] * len(claims.ids)
    status: list[str | None] = [None] * len(claims.ids)
    void_reason: list[str | None] = [None] * len(claims.ids)
    kinds = claims.fields["kind"]
    logged = [False] * len(resolutions.ids)
    current = [False] * len(resolutions.ids)
    current_of: dict[int, int] = {}
    sources: dict[int, Any] = {}
    aliases: dict[str, str] = {}
    reviews: dict[int, dict[str, Any]] = {}
    for seq, kind, text, *_ in log:
        if kind == CLAIM:
            i = claim_text_at.get(text)
            if i is None:
                i = _parsed_claim(text, claims, claim_at, fills)
            if recorded[i]:
                return False
            recorded[i] = True
            status[i] = "vague" if kinds[i] == "vague" else "open"
            void_reason[i] = None
        elif kind == RESOLUTION:
            j = resolution_text_at.get(text)
            if j is None:
                j, envelope = _parsed_resolution(text, resolutions, resolution_at)
            else:
                envelope = guesses[j]
            i = claim_at[resolutions.claim_ids[j]]
            if logged[j] or not recorded[i]:
                return False
            logged[j] = True
            is_current, claim_status, reason = envelope
            if is_current:
                previous = current_of.get(i)
                if previous is not None:
                    current[previous] = False
                current[j] = True
                current_of[i] = j
            if claim_status is not None:
                status[i] = claim_status
                if claim_status == "void":
                    void_reason[i] = reason
        else:
            entry = others[seq]
            entry_type = entry["type"]
            if entry_type == STATUS:
                i = claim_at[entry["claim_id"]]
                if not recorded[i]:
                    return False
                status[i], void_reason[i] = entry["status"], entry["void_reason"]
                if entry["status"] == "open":
                    previous = current_of.pop(i, None)
                    if previous is not None:
                        current[previous] = False
            elif entry_type == FILLED:
                i = claim_at[entry["claim_id"]]
                if not recorded[i] or claims.fields[entry["column"]][i] != entry["value"]:
                    return False
            elif entry_type == ALIAS:
                if entry["symbol"] is None:
                    aliases.pop(entry["alias"], None)
                else:
                    aliases[entry["alias"]] = entry["symbol"]
            elif entry_type == SOURCE:
                sources[entry["source_id"]] = dict(entry["fields"])
            elif entry_type == REVIEW:
                review_id, fields = entry["review_id"], dict(entry["fields"])
                of_claim = claim_at.get(fields.get("prediction_id"))
                if review_id in reviews or of_claim is None or not recorded[of_claim]:
                    return False
                reviews[review_id] = fields
            elif entry_type != BACKFILL:
                return False
    return (
        all(recorded)
        and all(logged)
        and status == list(claims.status)
        and void_reason == list(claims.void_reason)
        and current == [bool(c) for c in resolutions.current]
        and sources == {k: dict(v) for k, v in tables.sources.items()}
        and aliases == dict(tables.aliases)
        and reviews == {k: dict(v) for k, v in tables.reviews.items()}
    )


def _same(logged: Mapping[str, Any], stored: Mapping[str, Any]) -> bool:
    """Equal as the full comparison sees it: a key one side lacks reads as null
    (an entry logged before a column existed)."""
    return logged == stored or all(
        logged.get(name) == stored.get(name) for name in set(logged) | set(stored)
    )


def _claim_texts(claims: ClaimColumns, fills: Mapping[int, set[str]]) -> dict[str, int]:
    """Each claim's entry text, as it was logged: fill-once columns filled later were null."""
    columns = {name: tokens(values) for name, values in claims.fields.items()}
    for i, filled in fills.items():
        for name in filled:
            column = columns[name]
            if isinstance(column, list):
                column[i] = "null"
            elif column != Same("null"):
                columns[name] = column = [column.token] * len(claims.ids)
                column[i] = "null"
    texts = claim_texts(claims.ids, claims.source, claims.tags, columns)
    return {text: i for i, text in enumerate(texts)}


def _envelopes(resolutions: ResolutionColumns) -> list[tuple[bool, str | None, str | None]]:
    """(current, claim status, void reason) each resolution was most likely logged with."""
    fields = resolutions.fields
    guesses = []
    for is_current, outcome, method, run_id, note in zip(
        resolutions.current,
        fields["outcome"],
        fields["method"],
        fields["run_id"],
        fields["note"],
        strict=True,
    ):
        if run_id is not None or method == "manual":
            reason = note if method == "manual" and outcome == "void" else None
            guesses.append((True, outcome, reason))
        else:
            guesses.append((bool(is_current), None, None))
    return guesses


def _parsed_claim(
    text: str, claims: ClaimColumns, claim_at: Mapping[int, int], fills: Mapping[int, set[str]]
) -> int:
    """A claim entry whose text is not the one built from its row (logged by an
    older version, say): its row, if it says what the row says."""
    entry = _parse(text)
    i = claim_at[entry["claim_id"]]
    filled = fills.get(i, set())
    row = {name: None if name in filled else values[i] for name, values in claims.fields.items()}
    if (
        entry["type"] != CLAIM
        or entry["source"] != claims.source[i]
        or list(entry["tags"]) != list(claims.tags[i])
        or not _same(entry["fields"], row)
    ):
        raise _NotShown
    return i


def _parsed_resolution(
    text: str, resolutions: ResolutionColumns, resolution_at: Mapping[int, int]
) -> tuple[int, tuple[bool, str | None, str | None]]:
    """A resolution entry logged otherwise than guessed: its row, if its fields are the row's."""
    entry = _parse(text)
    j = resolution_at[entry["resolution_id"]]
    row = {name: values[j] for name, values in resolutions.fields.items()}
    if (
        entry["type"] != RESOLUTION
        or entry["claim_id"] != resolutions.claim_ids[j]
        or not _same(entry["fields"], row)
    ):
        raise _NotShown
    return j, (bool(entry["current"]), entry["claim_status"], entry["void_reason"])
