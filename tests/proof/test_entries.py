"""The canonical form of log entries, and the classification of claim columns."""

from __future__ import annotations

import json
import math
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledger.proof.entries import (
    FILL_ONCE_CLAIM_COLUMNS,
    MUTABLE_CLAIM_COLUMNS,
    MUTABLE_RESOLUTION_COLUMNS,
    canonical,
    claim_entry,
    defining_columns,
    plain,
)
from ledger.store.tables import PredictionRow, ResolutionRow

# Every column of `prediction` that defines a claim. A column a change adds
# must be put here (logged and guarded) or in MUTABLE_CLAIM_COLUMNS
# (bookkeeping the application may change): this list is the decision.
DEFINING = {
    "upper_level",
    "level_rule",
    "level_params",
    "level_basis",
    "level_note",
    "versus_symbol",
    "versus_asset",
    "versus_reference_price",
    "margin",
    "source_id",
    "symbol",
    "asset",
    "kind",
    "level",
    "relative_kind",
    "relative_value",
    "reference_price",
    "made_on",
    "window_start",
    "deadline",
    "probability",
    "text",
    "normalized",
    "assumptions",
    "url",
    "quote",
    "fingerprint",
    "revises_id",
    "created_at",
    "claimed_created_at",
}
RESOLUTION_LOGGED = {
    "leg_evidence",
    "bar_quality",  # what kind of bars the verdict stood on: part of its evidence
    "outcome",
    "evidence_date",
    "evidence_price",
    "evidence_field",
    "level_used",
    "split_factor",
    "closest_date",
    "closest_price",
    "days_to_touch",
    "data_source",
    "method",
    "note",
    "run_id",
    "created_at",
    "claimed_method",
    "claimed_at",
}


def test_every_claim_column_is_classified() -> None:
    columns = [c.name for c in PredictionRow.__table__.columns]
    unclassified = set(columns) - DEFINING - MUTABLE_CLAIM_COLUMNS
    assert not unclassified, (
        f"classify prediction column(s) {sorted(unclassified)}: defining (add to DEFINING in "
        "this test; they are then logged and guarded) or mutable bookkeeping (add to "
        "MUTABLE_CLAIM_COLUMNS in ledger/proof/entries.py)"
    )
    assert set(defining_columns(columns)) == DEFINING
    assert FILL_ONCE_CLAIM_COLUMNS <= DEFINING
    assert not DEFINING & MUTABLE_CLAIM_COLUMNS


def test_every_resolution_column_is_classified() -> None:
    columns = {c.name for c in ResolutionRow.__table__.columns}
    unclassified = columns - RESOLUTION_LOGGED - MUTABLE_RESOLUTION_COLUMNS
    assert not unclassified, f"classify resolution column(s) {sorted(unclassified)}"


def test_the_canonical_form_is_fixed() -> None:
    entry = claim_entry(
        7,
        "Bänk «A»",
        ["z", "a"],
        {
            "level": plain(5055.0),
            "probability": plain(0.7),
            "tiny": plain(1e-05),
            "made_on": plain(date(2025, 11, 20)),
            "created_at": plain(datetime(2025, 11, 20, 9, 30, tzinfo=UTC)),
            "url": None,
            "quote": 'a "quote"\n',
        },
    )
    assert (
        canonical(entry)
        == (
            '{"claim_id":7,"fields":{"created_at":"2025-11-20T09:30:00.000000Z",'
            '"level":5055.0,"made_on":"2025-11-20","probability":0.7,'
            '"quote":"a \\"quote\\"\\n","tiny":1e-05,"url":null},'
            '"source":"Bänk «A»","tags":["a","z"],"type":"claim","v":1}'
        ).encode()
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime(2026, 1, 2, 3, 4, 5, 6), "2026-01-02T03:04:05.000006Z"),  # naive: UTC (SQLite)
        (datetime(2026, 1, 2, 5, 4, 5, 6, tzinfo=timezone(timedelta(hours=2))),
         "2026-01-02T03:04:05.000006Z"),  # aware (PostgreSQL) in another zone
        (math.inf, "Infinity"),
        (-math.inf, "-Infinity"),
        (math.nan, "NaN"),
        (True, True),
        (3, 3),
    ],
)  # fmt: skip
def test_plain_values(value, expected) -> None:
    assert plain(value) == expected


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_a_float_reads_back_from_its_canonical_text(value: float) -> None:
    """Shortest round-trip repr: the same double gives the same bytes everywhere."""
    text = canonical({"x": plain(value)})
    assert json.loads(text)["x"] == value
    assert canonical(json.loads(text)) == text


@given(
    st.dictionaries(
        st.text(max_size=8),
        st.one_of(
            st.none(),
            st.booleans(),
            st.integers(),
            st.text(),
            st.floats(allow_nan=False, allow_infinity=False),
        ),
        max_size=6,
    )
)
def test_canonical_is_a_fixed_point(entry: dict) -> None:
    """Parsing canonical bytes and serializing again gives the same bytes, which is
    what lets `verify` detect an entry edited into another (valid JSON) form."""
    text = canonical(entry)
    assert canonical(json.loads(text)) == text
