"""The line scanner reads what libyaml's events read, or declines the file."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.errors import ImportFileError
from ledger.transfer import yaml_scan
from ledger.transfer.yaml_import import (
    _SELDOM_REPEATED,
    NULLS,
    _load,
    _load_events,
    _Refused,
    read_import_text,
)
from ledger.transfer.yaml_scan import scan

ROOT = Path(__file__).resolve().parents[2]


def scanned(text: str) -> Any:
    return scan(text, NULLS, _SELDOM_REPEATED)


def ordered(value: Any) -> Any:
    """`value` with each mapping as its list of items: equal means same keys in
    the same order, same values, same types (None is not "")."""
    if isinstance(value, dict):
        return [("dict", key, ordered(item)) for key, item in value.items()]
    if isinstance(value, list):
        return ["list", *(ordered(item) for item in value)]
    return (type(value).__name__, value)


def events(text: str) -> Any:
    """What the event reader makes of `text`, or the exception it raises."""
    try:
        return ordered(_load_events(text))
    except (yaml.YAMLError, _Refused) as exc:
        return type(exc)


NASTY = [
    "yes",
    "no",
    "on",
    "off",
    "null",
    "Null",
    "NULL",
    "~",
    "",
    "0x1F",
    "1e3",
    "-5",
    "-.5",
    "2026-01-01",
    ".inf",
    "<<",
    "=",
    "a: b",
    "a:b",
    "a #b",
    "a#b",
    "C#",
    "'",
    "''",
    '"',
    "it's",
    "- a",
    "-a",
    "--",
    "---",
    "...",
    "?a",
    ":a",
    "a:",
    "x ",
    " x",
    "a  b",
    "é",
    "日本",
    "a\u3000",
    "\u00a0a",
    "[a]",
    "{a}",
    "a, b",
    "a [b]",
    "&a",
    "*a",
    "!x",
    "|",
    ">",
    "%a",
    "@a",
    "`a",
    "http://x.org/a?b=c#d",
    "5055.5",
    "GC=F",
    "^GSPC",
    "a\\b",
    "\t",
    "a\tb",
]
SCALARS = st.one_of(
    st.sampled_from(NASTY),
    st.text(st.sampled_from("aZ09 -:#'\"[]{},.~é\u3000\\_/"), max_size=8),
)
# The usual file's values, with the readings that trip a scanner up (typed
# words, dates, ':' and '#' inside, a quote inside, unicode).
MILD = st.one_of(
    st.sampled_from(["yes", "null", "~", "0x1F", "1e3", "-5", "2026-01-01", "GC=F", "a:b", "C#"]),
    st.sampled_from(["it's", "é", "日本", "http://x.org/a?b=c#d", "5055.5", "a  b", "Source 001"]),
    st.text(st.sampled_from("aZ09 -:#._/é"), min_size=1, max_size=8),
)
KEYS = st.sampled_from(["source", "made_on", "level", "kind", "tags", "claim", "null", "a_b"])


@st.composite
def written_scalars(draw: st.DrawFn, nasty: bool = True) -> str:
    """A scalar as a file might write it: plain, single- or double-quoted, with
    trailing spaces or a comment perhaps (invalid YAML included when `nasty`)."""
    value = draw(SCALARS if nasty else MILD)
    style = draw(st.sampled_from(["plain", "plain", "single", "double"]))
    if not nasty:
        ending = draw(st.sampled_from(["", "", " ", "  # note"]))
        if style == "single":
            return "'" + value.replace("'", "''") + "'" + ending
        if style == "double" and '"' not in value:
            return f'"{value}"{ending}'
        if ": " in value or " #" in value or value.endswith(":"):
            return f"'{value}'"
        return value + ending
    if style == "single":
        value = "'" + value.replace("'", draw(st.sampled_from(["''", "'"]))) + "'"
    elif style == "double":
        value = f'"{value}"'
    return value + draw(st.sampled_from(["", "", " ", "  # note", "# x", " #"]))


@st.composite
def flows(draw: st.DrawFn, nasty: bool = True) -> str:
    words = SCALARS if nasty else st.text(st.sampled_from("aZ09 -._/"), min_size=1, max_size=6)
    items = draw(st.lists(words, max_size=3))
    if draw(st.booleans()):
        return "[" + draw(st.sampled_from([", ", ",", " , "])).join(items) + "]"
    keys = draw(st.lists(KEYS, max_size=3, unique=not nasty))
    return "{" + ", ".join(f"{key}: {item}" for key, item in zip(keys, items, strict=False)) + "}"


@st.composite
def values(draw: st.DrawFn, column: int, nasty: bool) -> list[str]:
    """The text after `key:` and any lines the value takes, for a key at `column`."""
    shape = draw(st.sampled_from(["scalar", "scalar", "scalar", "flow", "block", "empty"]))
    if shape == "scalar":
        return [" " + draw(written_scalars(nasty))]
    if shape == "flow":
        return [" " + draw(flows(nasty))]
    if shape == "empty":
        return [draw(st.sampled_from(["", " ", " # none"]))]
    dash = column + draw(st.sampled_from([0, 2, 1] if nasty else [0, 2]))
    items = draw(st.lists(written_scalars(nasty), min_size=1, max_size=3))
    return ["", *(f"{' ' * dash}- {item}" for item in items)]


@st.composite
def mappings(draw: st.DrawFn, column: int, first: str, nasty: bool) -> list[str]:
    """A block mapping's lines; `first` is written before the first key (a dash)."""
    lines = []
    for index, key in enumerate(draw(st.lists(KEYS, min_size=1, max_size=4, unique=not nasty))):
        value = draw(values(column, nasty))
        lead = first if index == 0 else " " * column
        lines.append(f"{lead}{key}:{value[0]}")
        lines.extend(value[1:])
    return lines


@st.composite
def documents(draw: st.DrawFn) -> str:
    """Files of the usual shape; one in three nasty (any scalar, stray lines,
    odd indentation: mostly declined, never read wrong)."""
    nasty = draw(st.sampled_from([True, False, False]))
    indent = draw(st.sampled_from([0, 2, 2, 4, 1] if nasty else [0, 2, 4]))
    lines: list[str] = []
    if draw(st.booleans()):
        lines.append("sources:")
        for _ in range(draw(st.integers(0, 2))):
            item = draw(st.one_of(flows(nasty), written_scalars(nasty)))
            lines.append(f"{' ' * indent}- {item}")
    wrapped = draw(st.booleans()) or bool(lines)
    if wrapped:
        lines.append("predictions:" + draw(st.sampled_from(["", " ", " # entries"])))
    dash_at = indent if wrapped else 0
    for _ in range(draw(st.integers(1, 4))):
        gap = draw(st.sampled_from([1, 2, 2, 3] if nasty else [2, 2, 3]))
        first = " " * dash_at + "-" + " " * (gap - 1)
        lines.extend(draw(mappings(dash_at + gap, first, nasty)))
    if nasty and draw(st.booleans()):
        lines.append(draw(st.sampled_from(["other: 1", "predictions: []", "# end", "", "---"])))
    for _ in range(draw(st.integers(0, 2)) if nasty else 0):
        where = draw(st.integers(0, len(lines)))
        lines.insert(where, draw(st.sampled_from(["", "   ", "# c", "    # c", "  x", "\t"])))
    return "\n".join(lines) + draw(st.sampled_from(["\n", "", "\n\n"]))


@settings(max_examples=400)
@given(documents())
def test_the_scanner_reads_what_the_events_read_or_declines(text: str) -> None:
    """For files near the common shape (nasty scalars, quotes, comments, odd
    indentation, flow items, block lists, duplicate keys, invalid YAML), the
    scanner's result equals the event reader's, key order and None included,
    or it declines (None) and the event reader's result or error stands."""
    result = scanned(text)
    if result is not None:
        assert ordered(result) == events(text)


def bench_text(entries: int) -> str:
    lines = ["sources:", "  - {name: Source 000, kind: person}", "predictions:"]
    for index in range(entries):
        lines += [
            f"  - source: Source {index % 3:03d}",
            "    made_on: 2025-01-02",
            "    symbol: GC=F",
            "    kind: touch_above",
            f"    level: {5000 + index}",
            "    deadline: 2026-01-02",
        ]
        if index % 3 == 0:
            lines += ["    probability: 0.25", "    tags: [bench, synthetic]"]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(bench_text(5), id="the-bench's-shape"),
        pytest.param(bench_text(5).replace("  - ", "- ").replace("    ", "  "), id="indentless"),
        pytest.param(
            bench_text(3).split("predictions:\n")[1].replace("  - ", "- ").replace("    ", "  "),
            id="a-list-alone",
        ),
        pytest.param((ROOT / "predictions.example.yaml").read_text(), id="the-example-file"),
        pytest.param(
            "predictions:\n- source: A\n  made_on: 2025-01-02\n  claim: 'gold: up'\n  tags:\n"
            "  - a\n  - b\n  resolutions:\n  - outcome: 'true'\n    method: auto\n",
            id="export-style-lists",
        ),
    ],
)
def test_the_usual_files_are_scanned(text: str) -> None:
    """The shapes an import file usually has are read by the scanner, not
    declined (fails on the old code: no scanner), and equal the events' reading."""
    result = scanned(text)
    assert result is not None
    assert ordered(result) == events(text)
    assert ordered(_load(text)) == events(text)


def test_scanned_keys_and_repeated_values_are_one_string() -> None:
    """As the event reader: one string for each key and each repeated value."""
    first, second = scanned(bench_text(4))["predictions"][1:3]
    for key_one, key_two in zip(first, second, strict=True):
        assert key_one is key_two
    assert first["symbol"] is second["symbol"] and first["made_on"] is second["made_on"]


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",
        "a: 1\nb: 2\na: 3\n",
        "predictions:\n  - source: a\n    source: b\n",
        "a: 1\n---\nb: 2\n",
        "a: |\n  text\n",
        "a: gold\n  hits 5000\n",
        "a: 'two\n  lines'\n",
        "a: !!int 5\n",
        "a:\tb\n",
        "a: b\r\n",
        "\ufeffa: b\n",
        'a: "x\\ty"\n',
        "- a\n - b\n",
        "",
        "# only a comment\n",
    ],
)
def test_what_the_scanner_declines(text: str) -> None:
    """Anchors, duplicate keys, documents, block and multi-line scalars, tags,
    tabs, carriage returns, byte order marks, escapes, odd indentation and empty
    files go to the event reader, whose message and line stand."""
    assert scanned(text) is None


@st.composite
def quoted(draw: st.DrawFn) -> str:
    """A value quoted as a file or `forecast export` quotes it (a quote doubled in
    single quotes; a backslash in double quotes is an escape, declined)."""
    value = draw(st.one_of(MILD, st.sampled_from(NASTY)))
    if draw(st.booleans()):
        return "'" + value.replace("'", "''") + "'"
    return f'"{value}"'


@st.composite
def plain_files(draw: st.DrawFn) -> str:
    """Files of the shape read whole (`_scan_entries`): entries of plain values
    and flow lists, and what breaks that shape now and then (a quote, a comment,
    a blank line, a value YAML reads otherwise, a key twice)."""
    indent = draw(st.sampled_from(["", "  "]))
    lines = []
    if draw(st.booleans()):
        lines += ["sources:", f"{indent}- {{name: Source 001, kind: person}}", "predictions:"]
    elif indent or draw(st.booleans()):
        lines.append("predictions:")
    for _ in range(draw(st.integers(1, 4))):
        keys = draw(st.lists(KEYS, min_size=1, max_size=5, unique=draw(st.booleans())))
        for index, key in enumerate(keys):
            lead = f"{indent}- " if index == 0 else f"{indent}  "
            value = draw(st.one_of(MILD, quoted(), flows(nasty=False), st.sampled_from(NASTY)))
            lines.append(f"{lead}{key}: {value}")
    return "\n".join(lines) + draw(st.sampled_from(["\n", ""]))


@settings(max_examples=300)
@given(plain_files())
def test_whole_entries_read_as_the_events_read_or_decline(text: str) -> None:
    """The whole-entries reader, held to the event reader as the line scanner."""
    result = scanned(text)
    if result is not None:
        assert ordered(result) == events(text)


@settings(max_examples=100)
@given(plain_files(), st.integers(1, 40))
def test_entries_split_a_stretch_at_a_time_read_the_same(text: str, stretch: int) -> None:
    """Splitting the entries a stretch of text at a time (to hold the file's text
    once) reads what one split reads, whatever the stretch."""
    whole = scanned(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(yaml_scan, "_STRETCH", stretch)
        assert ordered(scanned(text)) == ordered(whole)


BAD_ENTRIES = """\
sources:
  - {name: Ann, kind: person}
predictions:
  - source: Ann
    made_on: 2025-01-02
    symbol: GC=F
    kind: touch_above
    level: 5000
    deadline: 2030-01-01
  - source: Ann
    made_on: 2025-01-02
    symbol: GC=F
    kind: touch_above
    level: abc
    deadline: 2026-01-01
  - source: Ann
    made_on: 2025-13-02
    symbol: GC=F
    kind: touch_sideways
    level: 5000
    deadline: 2026-01-01
  - source: Ann
    made_on: 2025-01-02
    symbol: GC=F
    kind: touch_above
    level: 5000
    deadline: 2030-01-01
    extra: field
"""


@pytest.mark.parametrize(
    "text",
    [pytest.param(BAD_ENTRIES, id="entries"), pytest.param(BAD_ENTRIES + "# end\n", id="lines")],
)
def test_a_scanned_file_s_problems_are_the_event_reader_s(text: str) -> None:
    """Bad entries in a scanned file get the messages, wording and lines they get
    when the file is read by the events (the lines come from libyaml's composer)."""
    assert scanned(text) is not None

    def problems() -> list[str]:
        with pytest.raises(ImportFileError) as caught:
            read_import_text(text, path="f.yaml", today=date(2026, 12, 8))
        return caught.value.problems

    scanned_problems = problems()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(yaml_scan, "scan", lambda *_: None)
        assert problems() == scanned_problems
    assert [problem.split(":")[0] for problem in scanned_problems] == [
        "line 10",
        "line 17",
        "line 22",
    ]
