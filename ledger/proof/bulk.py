"""Canonical entry texts for many rows at once, built column by column.

`verify` must show that every claim and resolution in the tables is what the
log recorded. Parsing 200,000 logged texts costs more than everything else
`verify` does; building, from the tables, the text each entry must have and
comparing bytes costs far less, because the work is done a column at a time:
each column's values become JSON tokens in one pass chosen by the types the
column holds (a string column is one C call per value), and each row's text
is one `%` of a template whose keys, in canonical (sorted) order, are fixed.

The texts are exactly `entries.canonical` of the same entry, byte for byte
(tests/proof/test_bulk.py checks this with hypothesis). Values must already be
in the canonical vocabulary (`entries.plain`): None, bool, int, finite float,
str, or lists and dicts of those.
"""

from __future__ import annotations

import json.encoder
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ledger.proof.entries import CLAIM, FORMAT_VERSION, RESOLUTION, canonical_json

_quote = json.encoder.encode_basestring  # the escaping of ensure_ascii=False, as canonical uses
_NONE = type(None)


def canonical_token(value: Any) -> str:
    """One value's canonical JSON text."""
    kind = type(value)
    if value is None:
        return "null"
    if kind is str:
        return _quote(value)
    if kind is bool:
        return "true" if value else "false"
    if kind is float:
        return float.__repr__(value)
    if kind is int:
        return int.__repr__(value)
    return canonical_json(value)


@dataclass(frozen=True)
class Same:
    """A column whose every row has this one token: written into the template
    once instead of into every row (most of a claim's columns are null)."""

    token: str


Column = list[str] | Same
Columns = Mapping[str, "Column | Columns"]  # a nested mapping is a nested object


def tokens(values: Sequence[Any]) -> Column:
    """The canonical JSON text of each value, one pass per column; a column of one
    value throughout (a run's method, its time, its data source) is `Same`."""
    if values.count(None) == len(values):  # an empty column (most of a claim's), asked in C
        return Same("null")
    kinds = set(map(type, values))
    if len(kinds) == 1 and kinds <= {str, int, float} and len(set(values)) == 1:
        first = values[0]
        # One type: 1 == 1.0 in a set. Equal floats have one text but for 0.0 and
        # -0.0 (equal, written apart), and NaN (a set keeps one NaN object once).
        if type(first) is not float or (first == first and first != 0.0):
            return Same(canonical_token(first))
    if kinds <= {_NONE, str}:
        distinct = set(values)
        if len(distinct) * 4 <= len(values):
            # Few texts, each repeated (symbols, kinds, days, sources): each quoted
            # once, then looked up a C call at a time.
            quoted: dict[str | None, str] = {None: "null"}
            quoted.update((value, _quote(value)) for value in distinct if value is not None)
            return list(map(quoted.__getitem__, values))
        return ["null" if v is None else _quote(v) for v in values]
    if kinds <= {_NONE, float}:
        return ["null" if v is None else float.__repr__(v) for v in values]
    if kinds <= {_NONE, int}:
        return ["null" if v is None else int.__repr__(v) for v in values]
    return [canonical_token(v) for v in values]


def _template(columns: Columns, varying: list[list[str]]) -> str:
    """`{"k1":%s,"k2":null,...}`: keys in canonical order (sorted by code point),
    a `%s` for each varying column (appended to `varying` in that order)."""
    parts = []
    for key in sorted(columns):
        column = columns[key]
        if isinstance(column, Same):
            value = column.token.replace("%", "%%")
        elif isinstance(column, list):
            varying.append(column)
            value = "%s"
        else:
            value = _template(column, varying)
        parts.append(_quote(key).replace("%", "%%") + ":" + value)
    return "{" + ",".join(parts) + "}"


def object_texts(columns: Columns, rows: int) -> list[str]:
    """Each of `rows` rows' JSON object text, from its columns' tokens (see `tokens`)."""
    varying: list[list[str]] = []
    template = _template(columns, varying)
    if not varying:
        return [template.replace("%%", "%")] * rows
    if any(len(column) != rows for column in varying):
        raise ValueError("columns of different lengths")
    return [template % row for row in zip(*varying, strict=True)]


def claim_texts(
    claim_ids: Sequence[int],
    sources: Sequence[str],
    tags: Sequence[Sequence[str]],
    fields: Columns,
) -> list[str]:
    """`canonical(claim_entry(...))` of each row, as text; `fields` holds each
    defining column's tokens."""
    return object_texts(
        {
            "claim_id": tokens(claim_ids),
            "fields": fields,
            "source": tokens(sources),
            "tags": _tag_tokens(tags),
            "type": Same(_quote(CLAIM)),
            "v": Same(str(FORMAT_VERSION)),
        },
        len(claim_ids),
    )


def _tag_tokens(tags: Sequence[Sequence[str]]) -> list[str]:
    """Each claim's tags as canonical JSON, each distinct list written once (an
    import's claims share a few tag lists)."""
    written: dict[tuple[str, ...], str] = {(): "[]"}
    out = []
    for claim_tags in tags:
        key = tuple(claim_tags)
        token = written.get(key)
        if token is None:
            token = written[key] = canonical_json(sorted(claim_tags))
        out.append(token)
    return out


def resolution_texts(
    resolution_ids: Sequence[int],
    claim_ids: Sequence[int],
    fields: Columns,
    current: Sequence[bool],
    claim_status: Sequence[str | None],
    void_reason: Sequence[str | None],
) -> list[str]:
    """`canonical(resolution_entry(...))` of each row, as text; `fields` holds
    each logged column's tokens."""
    return object_texts(
        {
            "claim_id": tokens(claim_ids),
            "claim_status": tokens(claim_status),
            "current": ["true" if c else "false" for c in current],
            "fields": fields,
            "resolution_id": tokens(resolution_ids),
            "type": Same(_quote(RESOLUTION)),
            "v": Same(str(FORMAT_VERSION)),
            "void_reason": tokens(void_reason),
        },
        len(resolution_ids),
    )
