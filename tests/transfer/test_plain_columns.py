"""Plain entries read a column at a time (`plain_columns.read_plain_entries`) are
the entries the one-at-a-time reader (`yaml_import._read_plain_entry`) makes,
and what the general reader makes of them.

The oracles: `_read_plain_entry` entry by entry (itself held to the general
reader by tests/transfer/test_plain_entries.py), `NewClaim.check` and
`claim_fingerprint` run afresh on every entry made, and whole files read and
recorded the general way (tests/transfer/test_import_per_entry.py compares
every table; here files longer than a stretch, bad entries among good ones).
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.claims.fingerprint import claim_fingerprint
from ledger.errors import ImportFileError
from ledger.records import NewClaim
from ledger.transfer import yaml_import
from ledger.transfer.plain_columns import read_plain_entries
from ledger.transfer.yaml_import import _load, _PlainMemo, read_import_text
from tests.transfer.test_plain_entries import _file

TODAY = date(2026, 1, 15)
ALIASES = {"yellow metal": "GC=F"}
SOURCE_KINDS = {"jpmorgan": "bank"}

# Per field, the texts an entry may give: plain ones and ones that send it the
# general way (or are wrong); None leaves the field out.
VALUES: dict[str, list[str | None]] = {
    "source": ["JPMorgan", "  Goldman  ", "Zoë", "''", "x" * 201, "[a, b]"],
    "made_on": ["2025-11-20", "2024-02-29 ", "20251120", "1899-12-31", "2026-01-16", None],
    "symbol": ["GC=F", "gold", "nvda", "GC=F/SI=F", "not an asset!", "[GC=F]", None],
    "asset": [None, None, "gold", "yellow metal", "???"],
    "kind": ["touch_above", "close_below", "average_above", "hold_below", "Touch-Above", None],
    "level": [
        "5055",
        "5055.0",
        "0.1",
        "1.0851",
        "0",
        "0120",
        "9999999999",
        "12345678901",
        "١٢",
        "1e3",
    ],
    "deadline": ["2026-12-31", "2025-11-21", "2124-11-20", "2125-11-21", "2025-11-01", None],
    "probability": [None, None, "0.45", "45%", "1.5", "x"],
    "tags": [None, None, "[bench, synthetic]", "bench, synthetic", "[]", "['']", "[[a]]"],
    "text": [None, None, "gold to 5055", "y" * 2001],
    "url": [None, None, "https://example.com/a", "u" * 2049],
    "quote": [None, "they said so", "[q]"],
    "source_kind": [None, None, "person", "{a: b}", "k" * 200],
    "upper": [None, None, None, "6000"],
    "key": [None, None, None, "k1"],
}


@st.composite
def entry_fields(draw: st.DrawFn) -> dict[str, str]:
    fields = {}
    for key, values in VALUES.items():
        value = draw(st.sampled_from(values))
        if value is not None:
            fields[key] = value
    return fields


def _raw_entries(batch: list[dict[str, str]]) -> list[object]:
    return _load(_file(batch))["predictions"]


@settings(deadline=None, max_examples=150)
@given(batch=st.lists(entry_fields(), min_size=1, max_size=12))
def test_the_columns_make_the_entries_one_at_a_time_makes(batch: list[dict[str, str]]) -> None:
    raws = _raw_entries(batch)
    columns = read_plain_entries(raws, ALIASES, SOURCE_KINDS, TODAY, _PlainMemo())
    one_by_one = [
        yaml_import._read_plain_entry(raw, ALIASES, SOURCE_KINDS, TODAY, _PlainMemo())
        for raw in raws
    ]
    assert columns == one_by_one
    for made, expected in zip(columns, one_by_one, strict=True):
        if made is None:
            continue
        assert made.fingerprint() == expected.fingerprint()
        assert made.claim.canonical_text() == expected.claim.canonical_text()
        assert made.claim.assumptions == expected.claim.assumptions


@settings(deadline=None, max_examples=60)
@given(batch=st.lists(entry_fields(), min_size=1, max_size=12))
def test_what_the_columns_mark_checked_passes_the_checks(batch: list[dict[str, str]]) -> None:
    """The fingerprint and the check the columns fill in are what `NewClaim` itself
    finds on a copy made by its __init__ (which remembers neither)."""
    raws = _raw_entries(batch)
    for made in read_plain_entries(raws, ALIASES, SOURCE_KINDS, TODAY, _PlainMemo()):
        if made is None:
            continue
        fresh = NewClaim(**{f.name: getattr(made, f.name) for f in dataclasses.fields(made)})
        fresh.check(TODAY)  # raises where a value is out of bounds
        claim = fresh.claim
        assert made.fingerprint() == claim_fingerprint(
            fresh.source, dataclasses.replace(claim).canonical_text(), claim.made_on
        )


def _plain(day: int, level: int, **more: str) -> dict[str, str]:
    return {
        "source": "JPMorgan",
        "made_on": f"2025-11-{day:02d}",
        "symbol": "GC=F",
        "kind": "touch_above",
        "level": str(level),
        "deadline": "2026-12-31",
        **more,
    }


def test_entries_across_stretches_read_as_the_general_way(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file longer than a stretch, with entries for the general way and repeats in
    every stretch: the batch the general reader gives."""
    monkeypatch.setattr(yaml_import, "_PLAIN_STRETCH", 7)
    batch = [_plain(1 + i % 28, 5000 + i, probability="0.45") for i in range(40)]
    batch[3] = {**batch[3], "upper": "9000", "kind": "close_between"}  # the general way
    batch[20] = dict(batch[2])  # the same claim again
    batch[33] = {"source": "JPMorgan", "made_on": "2025-11-03", "claim": '"gold $5055 by 2026"'}
    text = _file(batch)
    columns = read_import_text(text, path="f.yaml", aliases=ALIASES, today=TODAY)
    with monkeypatch.context() as patch:
        patch.setattr(yaml_import, "_read_plain_entries", lambda raws, *args: [None] * len(raws))
        general = read_import_text(text, path="f.yaml", aliases=ALIASES, today=TODAY)
    assert columns == general
    assert [e.fingerprint() for e in columns.entries] == [e.fingerprint() for e in general.entries]
    assert len(columns.entries) == 40  # the repeat is kept, recorded once


def test_bad_entries_in_later_stretches_are_named_by_their_lines(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(yaml_import, "_PLAIN_STRETCH", 4)
    batch = [_plain(1 + i, 5000 + i) for i in range(12)]
    batch[5] = {**batch[5], "deadline": "2025-11-01"}  # before made_on
    batch[9] = {**batch[9], "probability": "1.5"}
    batch[10] = {**batch[10], "made_on": "2026-01-16"}  # after today
    with pytest.raises(ImportFileError) as caught:
        read_import_text(_file(batch), path="f.yaml", aliases=ALIASES, today=TODAY)
    problems = caught.value.problems
    assert len(problems) == 3
    # "predictions:" is line 3; each entry takes six lines, the ninth seven.
    assert problems[0].startswith("line 34: deadline 2025-11-01")  # the entry's line
    assert problems[1].startswith("line 58: probability")
    assert problems[2].startswith("line 66: made_on 2026-01-16")  # the field's line


def test_two_plain_entries_of_one_claim_that_disagree_are_refused() -> None:
    batch = [_plain(1, 5055, probability="0.4"), _plain(1, 5055, probability="0.6")]
    with pytest.raises(ImportFileError) as caught:
        read_import_text(_file(batch), path="f.yaml", today=TODAY)
    (problem,) = caught.value.problems
    assert problem.startswith("line 11: the same claim as line 4")
    assert "a different probability (0.6 here, 0.4 there)" in problem
