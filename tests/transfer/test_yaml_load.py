"""The import's YAML loader keeps one string per repeated key and value."""

from __future__ import annotations

from ledger.transfer.yaml_import import _load

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
