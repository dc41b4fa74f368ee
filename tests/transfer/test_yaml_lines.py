"""The direct YAML writer of export entries against PyYAML itself: for any entry,
either the very text `yaml.dump` writes for it as an item of `predictions:`, or
None (and PyYAML writes it)."""

from __future__ import annotations

import json
from datetime import date, datetime

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.transfer.export import SafeDumper
from ledger.transfer.yaml_lines import block_item, sequence_item

# Words the resolver reads as other types, indicators, markers, and the
# characters around the writer's edge (quotes, '#', tabs, unicode).
_TRICKY = st.sampled_from(
    [
        "true", "no", "On", "null", "~", "NULL", "1e3", "0x1F", "+12", "-5%", "-", "- a",
        "12:30", "2026-01-02", "2026-12-07T16:56:19.207369+00:00", ".inf", ".5", "<<", "=",
        "? x", "?x", ":x", "x:", "a: b", "a :b", "---", "...x", "a #b", "a#b", "'", "it's",
        '"q"', "%x", "@x", "`x", "!x", "&x", "*x", "|x", ">x", "[x]", "{x}", "x,y", "",
        " lead", "trail ", "two  spaces", "tab\tx", "line\nbreak", "é", "GC=F", "^GSPC",
        "support(60d,pivot3)", "x" * 90, ("word " * 30).strip(), "a  " + "b " * 50 + "c",
    ]
)  # fmt: skip
_LOG_ENTRY = st.builds(
    lambda fields, kind: json.dumps({"fields": fields, "type": kind}, sort_keys=True),
    st.dictionaries(
        st.sampled_from(["name", "text", "level", "note"]),
        st.one_of(st.text(alphabet="ab '\"#:x1é ", max_size=30), st.floats(), st.none()),
    ),
    st.sampled_from(["claim", "source", "it's"]),
)
_TEXT = st.one_of(
    _TRICKY,
    _LOG_ENTRY,
    st.text(alphabet="ab :-'#,.%?!x12 \"\\", max_size=120),
    st.text(max_size=30),
    st.lists(st.sampled_from(["word", "to", "2026-01-02", "a:b", "x,", "(1)"]), max_size=40).map(
        " ".join
    ),
)
_SCALAR = st.one_of(
    _TEXT,
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(),
    st.datetimes(),
)
_KEY = st.sampled_from(["source", "made_on", "text", "level", "x", "a_much_longer_key_name"])
_RESOLUTION = st.dictionaries(_KEY, _SCALAR, max_size=5)
_VALUE = st.one_of(
    _SCALAR,
    st.lists(_TEXT, max_size=4),
    st.lists(_RESOLUTION, max_size=3),
)
_ENTRY = st.dictionaries(_KEY, _VALUE, max_size=8)


def _pyyaml_item(entry: dict) -> str:
    text = yaml.dump(
        {"predictions": [entry]},
        Dumper=SafeDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
    )
    return text.split("\n", 1)[1]


@settings(max_examples=400, deadline=None)
@given(_ENTRY)
def test_an_entry_is_written_as_pyyaml_writes_it_or_left_to_it(entry: dict) -> None:
    written = block_item(entry)
    if written is not None:
        assert written == _pyyaml_item(entry)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.sampled_from(["x", "text", "a_much_longer_key_name"]))
def test_a_string_value_is_written_as_pyyaml_writes_it(value: str, key: str) -> None:
    entry = {key: value, "tags": [value]}
    written = block_item(entry)
    if written is not None:
        assert written == _pyyaml_item(entry)


def test_the_usual_entry_is_written_directly() -> None:
    """The bench's entries (and most of any ledger's) take the direct way."""
    entry = {
        "source": "Source 001",
        "made_on": date(2022, 1, 31),
        "symbol": "^GSPC",
        "asset": "GC=F",
        "kind": "average_above",
        "level": 57456.0,
        "start": date(2022, 2, 1),
        "deadline": date(2022, 6, 21),
        "text": "GC=F average_above 57456 from 2022-02-01 to 2022-06-21",
        "probability": 0.59,
        "tags": ["bench", "synthetic"],
        "assumptions": [
            "no averaging period given: the average runs from 2022-02-01 (the day after"
            " the call) to 2022-06-21"
        ],
        "created_at": datetime(2026, 12, 7, 16, 56, 19).isoformat() + "+00:00",
        "resolutions": [{"outcome": "true", "evidence_date": date(2022, 3, 1), "is_current": True}],
    }
    assert block_item(entry) == _pyyaml_item(entry)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_a_log_entry_is_written_as_pyyaml_writes_it(value: str) -> None:
    written = sequence_item(value, 2)
    if written is not None:
        text = yaml.dump(
            {"log": {"entries": [value]}},
            Dumper=SafeDumper,
            sort_keys=False,
            allow_unicode=True,
            default_flow_style=False,
        )
        assert written == text.split("\n", 2)[2]


def test_a_proof_log_entry_is_written_directly() -> None:
    entry = json.dumps(
        {"fields": {"name": "Source 000", "text": 'gold\'s "high" # 1', "v": 1.5}},
        sort_keys=True,
    )
    assert sequence_item(entry * 3, 2) is not None
