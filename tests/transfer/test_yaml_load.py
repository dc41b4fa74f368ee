"""The import's YAML loader keeps one string per repeated key and value."""

from __future__ import annotations

import re
import sys
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.transfer.yaml_import import NULLS, _load, _Refused

TEXT = """\
predictions:
  - {source: Ann, made_on: 2025-01-02, symbol: GC=F, kind: touch_above, level: "5000"}
  - {source: Ann, made_on: 2025-01-02, symbol: GC=F, kind: touch_above, level: "5100"}
  - {source: Bob, made_on: 2025-01-03, symbol: GC=F, kind: touch_above, level: ~, tags: [a, a]}
"""


def test_repeated_keys_and_values_are_one_string() -> None:
    """A million-entry file repeats its field names and most values (sources,
    symbols, kinds, days) in every entry: one string each keeps the parsed file
    a fifth smaller. The values are still what the file says."""
    first, second, third = _load(TEXT)["predictions"]
    assert first == {
        "source": "Ann",
        "made_on": "2025-01-02",
        "symbol": "GC=F",
        "kind": "touch_above",
        "level": "5000",
    }
    assert third["level"] is None and third["tags"] == ["a", "a"]
    for key_one, key_two in zip(first, second, strict=True):
        assert key_one is key_two
    for name in ("source", "made_on", "symbol", "kind"):
        assert first[name] is second[name]
    assert first["symbol"] is third["symbol"]


def test_a_level_is_not_interned() -> None:
    """A level seldom repeats: interning each (adding it to the interpreter's table
    and taking it out again) cost a tenth of loading a 100k-entry file, for no
    memory saved. Fails where every value is interned."""
    text = "predictions:\n  - {source: Ann, kind: touch_above, level: 98765.4321012}\n"
    (entry,) = _load(text)["predictions"]
    assert entry["level"] == "98765.4321012"
    assert sys.intern("".join(["98765.", "4321012"])) is not entry["level"]
    assert sys.intern("".join(["touch_", "above"])) is entry["kind"]


SCALARS = st.one_of(
    st.sampled_from(["", "~", "null", "Null", "NULL", "yes", "off", "1e3", "0x1F", "<<", "- a"]),
    st.text(st.characters(blacklist_categories=["Cs", "Cc"]), max_size=8),
)
DOCUMENTS = st.recursive(
    SCALARS | st.none(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(SCALARS, inner, max_size=4),
    max_leaves=20,
)


def nulls_as_none(value: Any, *, in_mapping: bool = False) -> Any:
    """What `_load` promises beside PyYAML's BaseLoader: a mapping's value YAML
    reads as null is None; keys and list items stay text."""
    if isinstance(value, dict):
        return {key: nulls_as_none(item, in_mapping=True) for key, item in value.items()}
    if isinstance(value, list):
        return [nulls_as_none(item) for item in value]
    return None if in_mapping and value in NULLS else value


@settings(max_examples=300)
@given(DOCUMENTS, st.sampled_from([None, False, True]))
def test_the_loader_reads_what_pyyaml_reads(data: Any, flow: bool | None) -> None:
    """The event-driven loader is held to PyYAML's own composer and BaseLoader
    (every scalar as text) on documents written in block, flow and mixed style."""
    text = yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True)
    expected = yaml.load(text, Loader=yaml.BaseLoader)
    assert _load(text) == nulls_as_none(expected)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("a: &x 1\nb: *x\n", "anchors and aliases (&x)"),
        ("a: 1\nb: 2\na: 3\n", "line 3: duplicate key 'a' (first on line 1)"),
        ("? [a]\n: 1\n", "unhashable key"),
        ("a: 1\n---\nb: 2\n", "line 2: not valid YAML (expected a single document"),
    ],
)
def test_what_the_loader_refuses_names_its_line(text: str, problem: str) -> None:
    with pytest.raises(_Refused, match=re.escape(problem)):
        _load(text)
