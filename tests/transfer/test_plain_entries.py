"""Plain structured entries are read the short way (`_read_plain_entries`), to the
same batch and the same errors as the general way.

The general reader is the oracle: a file read with the short path turned off
must give an equal batch (every entry equal, and its fingerprint) or the very
same problems, line numbers included.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.claims import parser
from ledger.errors import ImportFileError
from ledger.transfer import yaml_import
from ledger.transfer.yaml_import import read_import_text


def _no_plain_entries(raws: list[object], *args: object) -> list[None]:
    """`_read_plain_entries` turned off: every entry is read the general way."""
    return [None] * len(raws)


TODAY = date(2026, 1, 15)
ALIASES = {"yellow metal": "GC=F"}

# Per field: values the short path reads, then values it leaves to the general path
# (or that are wrong); the first list is drawn nine times in ten.
FIELD_VALUES: dict[str, tuple[list[str], list[str]]] = {
    "source": (["JPMorgan", "  Goldman  "], ["''", "[a, b]", "x" * 201]),
    "made_on": (["2025-11-20", "2024-02-29 "], ["20251120", "1899-12-31", "2026-01-16", "~"]),
    "symbol": (["GC=F", "gold", "nvda", "GC=F/SI=F"], ["not an asset!", "''", "[GC=F]"]),
    "asset": (["gold", "yellow metal", "Silver"], ["???"]),
    "kind": (
        ["touch_above", "close_below", "average_above", "hold_below"],
        ["Touch-Above", "close_between", "outperform", "vague", "sideways"],
    ),
    "level": (
        ["5055", "5055.0", "0.1", "1.0851", "0.00001234567891"],
        ["$5,055", "+20%", "0", "-5", "1e3", "12345678901", "nan", "support(60d,pivot3)", "[1]"],
    ),
    "deadline": (
        ["2026-12-31", "2025-11-21", "2124-11-20"],
        ["2025-11-20", "end-2026", "2125-11-21", "2126-01-01", "2026-02-30", "2025-11-01"],
    ),
    "probability": (["0.45", "45%", "1e-05"], ["1.5", "-0", "x"]),
    "tags": (["[bench, synthetic]", "bench, synthetic", "[]", "[' a ']"], ["['']", "[[a]]"]),
    "text": (["gold to 5055"], ["''", "y" * 2001]),
    "url": (["https://example.com/a"], ["u" * 2049]),
    "quote": (["they said so"], ["[q]"]),
    "source_kind": (["bank", "person"], ["{a: b}"]),
    "upper": ([], ["6000"]),
    "start": ([], ["2026-01-01"]),
    "created_at": ([], ["2025-11-20T10:00:00+00:00"]),
    "assumptions": ([], ["[as written]"]),
}
PLAIN = ("source", "made_on", "symbol", "kind", "level", "deadline")


@st.composite
def entries(draw: st.DrawFn) -> dict[str, str]:
    keys = [key for key in PLAIN if draw(st.integers(0, 19)) > 0]
    keys += draw(st.lists(st.sampled_from(sorted(FIELD_VALUES)), max_size=3, unique=True))
    fields = {}
    for key in dict.fromkeys(keys):
        good, bad = FIELD_VALUES[key]
        pool = good if good and draw(st.integers(0, 9)) > 0 else bad or good
        fields[key] = draw(st.sampled_from(pool))
    return fields


def _file(batch: list[dict[str, str]]) -> str:
    lines = ["sources:", "  - {name: JPMorgan, kind: bank}", "predictions:"]
    for fields in batch:
        items = list(fields.items()) or [("source", "nobody")]
        for number, (key, value) in enumerate(items):
            lines.append(f"  {'- ' if number == 0 else '  '}{key}: {value}")
    return "\n".join(lines) + "\n"


def _read(text: str) -> tuple[str, object]:
    try:
        batch = read_import_text(text, path="f.yaml", aliases=ALIASES, today=TODAY)
    except ImportFileError as error:
        return "refused", error.problems
    fingerprints = [entry.fingerprint() for entry in batch.entries]
    return "read", (batch, fingerprints)


@settings(deadline=None)
@given(batch=st.lists(entries(), min_size=1, max_size=6))
def test_the_short_path_reads_as_the_general_one(batch: list[dict[str, str]]) -> None:
    """The whole file (a bad entry refuses it, so its good entries are compared one
    file each as well)."""
    texts = [_file(batch)] + [_file([fields]) for fields in batch]
    short = [_read(text) for text in texts]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(yaml_import, "_read_plain_entries", _no_plain_entries)
        general = [_read(text) for text in texts]
    assert short == general


def test_a_plain_file_is_read_without_the_general_claim_builder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The bench's entries (and most of an export's kind) take the short path: the
    general builder is not asked for any of them. Fails where every entry is read
    the general way."""

    def refuse(**fields: object) -> None:
        raise AssertionError("claim_from_fields was asked")

    monkeypatch.setattr(parser, "claim_from_fields", refuse)
    text = _file(
        [
            {
                "source": "JPMorgan",
                "made_on": "2025-11-20",
                "symbol": symbol,
                "kind": kind,
                "level": level,
                "deadline": "2026-12-31",
                "probability": "0.45",
                "tags": "[bench, synthetic]",
            }
            for symbol, kind, level in [
                ("GC=F", "touch_above", "5055"),
                ("gold/silver", "close_below", "80.5"),
                ("BTC-USD", "average_above", "150000"),
            ]
        ]
    )
    batch = read_import_text(text, path="f.yaml", today=TODAY)
    assert [entry.claim.canonical_text() for entry in batch.entries] == [
        "GC=F touch_above 5055 by 2026-12-31",
        "GC=F/SI=F close_below 80.5 by 2026-12-31",
        "BTC-USD average_above 150000 from 2025-11-21 to 2026-12-31",
    ]
    assert [entry.source_kind for entry in batch.entries] == ["bank"] * 3
    assert batch.entries[1].claim.assumptions  # the ratio's note, as the general path gives


def test_a_bad_entry_among_plain_ones_is_named_by_its_line() -> None:
    text = _file(
        [
            {
                "source": "A",
                "made_on": "2025-11-20",
                "symbol": "GC=F",
                "kind": "touch_above",
                "level": "5055",
                "deadline": "2026-12-31",
            },
            {
                "source": "A",
                "made_on": "2025-11-20",
                "symbol": "GC=F",
                "kind": "touch_above",
                "level": "5055",
                "deadline": "2025-11-01",
            },
        ]
    )
    with pytest.raises(ImportFileError) as caught:
        read_import_text(text, path="f.yaml", today=TODAY)
    assert len(caught.value.problems) == 1
    assert caught.value.problems[0].startswith("line 10: deadline 2025-11-01")


# Few values per field, so that a file repeats them: what the short path's memo
# (`_PlainMemo`) serves; bad values among them, so some repeat refused.
REPEATED: dict[str, list[str]] = {
    "source": ["A", "B"],
    "made_on": ["2025-11-20", "20251120", "2026-01-16"],
    "symbol": ["GC=F", "nvda", "not an asset!"],
    "kind": ["touch_above", "average_below"],
    "level": ["5055", "0.5"],
    "deadline": ["2026-12-31", "2026-02-30", "end-2026"],
    "probability": ["0.45", "45%", "1.5"],
    "tags": ["[bench, synthetic]", "bench, synthetic", "['']", "[[a]]", "[]"],
}


@st.composite
def repeating_entries(draw: st.DrawFn) -> dict[str, str]:
    return {
        key: draw(st.sampled_from(values))
        for key, values in REPEATED.items()
        if key in PLAIN or draw(st.booleans())
    }


@settings(deadline=None, max_examples=40)
@given(batch=st.lists(repeating_entries(), min_size=8, max_size=30))
def test_repeated_values_read_as_the_general_way(batch: list[dict[str, str]]) -> None:
    """Each repeated text is read once per file by the short path; every entry still
    reads as the general path reads it, good or bad."""
    short = _read(_file(batch))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(yaml_import, "_read_plain_entries", _no_plain_entries)
        general = _read(_file(batch))
    assert short == general


def test_a_repeated_probability_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fails where the short path parses each entry's probability (and days, tags) again."""
    calls: list[str] = []
    parse = yaml_import.parse_probability

    def counted(text: str, **options: object) -> float:
        calls.append(text)
        return parse(text, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(yaml_import, "parse_probability", counted)
    plain = {
        "source": "A",
        "symbol": "GC=F",
        "kind": "touch_above",
        "deadline": "2026-12-31",
        "probability": "0.45",
    }
    batch = [
        {**plain, "made_on": f"2025-11-{day:02d}", "level": str(5000 + day)} for day in range(1, 21)
    ]
    entries = read_import_text(_file(batch), path="f.yaml", today=TODAY).entries
    assert [entry.probability for entry in entries] == [0.45] * 20
    assert calls == ["0.45"]
