"""The common shape of an import file read a line at a time, without libyaml's events.

An import file is almost always a block sequence of flat mappings of one-line
scalars (what `forecast export` and most hand-written files are). Reading it
through libyaml's event stream costs a Python object and a loop turn per event
(1.4 million for 100k entries, a quarter of the import's CPU); the lines of that
shape say the same thing with one regular expression match per line.

`scan` promises exactly what `yaml_import._load` makes of the same text (the
same dicts, lists and strings, in the same order; a mapping's null value None;
keys and repeated values interned alike) or None: it *declines the whole file*
on anything outside its small grammar, and the caller reads it with libyaml as
before, so every error message and line number stays libyaml's and the event
reader's. Its grammar: blank and comment lines; block mappings whose keys are
plain words; block sequences (indented or not) whose items are scalars, mappings
or flow collections; plain scalars on one line; quoted scalars on one line with
no escapes; flow sequences and mappings on one line of plain words. Declined:
tabs, carriage returns and characters YAML treats specially, anchors, aliases,
tags, block scalars, multi-line scalars, documents and directives, complex or
quoted keys, a key given twice, odd indentation, an empty file.
tests/transfer/test_yaml_scan.py holds the promise against `_load` with hypothesis.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from sys import intern
from typing import Any

# A character outside these (a tab, a carriage return, a control, NEL, a line or
# paragraph separator, a byte order mark, a surrogate) and the file is declined.
_UNUSUAL = re.compile(
    "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
# Every line: its indent, a sequence dash, a plain key and what follows.
# (A key is at most 128 characters: libyaml refuses a simple key past 1024.)
_LINE = re.compile(r"^( *)(- +)?(?:([A-Za-z_][A-Za-z0-9_]{0,127}):(?: +|$))?(.*)$", re.MULTILINE)
# What may not start a plain scalar (YAML's indicators; '-' is looked at again).
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_SINGLE_QUOTED = re.compile(r"'((?:[^']++|'')*+)'(?: +#.*| *)$")
_DOUBLE_QUOTED = re.compile(r'"([^"\\]*)"(?: +#.*| *)$')
_FLOW = re.compile(r"([\[{])([^\[\]{}]*)([\]}])(?: +#.*| *)$")
# A scalar inside a flow collection: plain words only.
_FLOW_SCALAR = re.compile(r"[A-Za-z0-9_.$^=+/()][A-Za-z0-9_.$^=+/() -]*")
_FLOW_PAIR = re.compile(r"([A-Za-z_][A-Za-z0-9_]{0,127}): +(.+)")


class _Declined(Exception):
    """The text is outside the scanner's grammar: read it with libyaml."""


_SEQUENCE, _MAPPING = 0, 1
_NO_KEY = None


def scan(text: str, nulls: frozenset[str], seldom: frozenset[str]) -> Any | None:
    """The file's document as `_load` makes it, or None when the text is outside
    this reader's grammar (see the module's docstring). `nulls`: a mapping's
    values read as None; `seldom`: keys whose values are not interned."""
    if _UNUSUAL.search(text):
        return None
    try:
        bulk = _scan_entries(text, nulls, seldom)
        return bulk if bulk is not None else _scan(text, nulls, seldom)
    except _Declined:
        return None


# The entries of the usual file, whole: a top-level `predictions:` (or the file
# itself) holding a block sequence of flat mappings of one-line values (plain,
# quoted without escapes, a flow list of words) and nothing else: no comment, no
# blank line, no trailing space. What is before `predictions:` is read by `_scan`.
_PREDICTIONS = re.compile(r"^predictions: *\n", re.MULTILINE)
_KEY = r"[A-Za-z_][A-Za-z0-9_]{0,127}"
# A value: quoted alone on its line (no escapes); a flow list (`_flow` reads it);
# or plain: no indicator first ('-' only before a digit), no ': ' or ' #' in it,
# no ':' or space last (runs of other characters at a time: a character at a time
# is five times slower; possessive, so that a file it refuses is refused at once,
# not after trying every way to cut each value into runs).
_VALUE = (
    r"(?>(?:[^-?:,\[\]{}#&*!|>'\"%@` \n]|-[0-9])(?:[^\n:# ]++|:(?![ \n])|#| ++(?=[^\n #]))*+"
    r"|\[[^\n\[\]{}#]*+\]"
    r"|\"[^\"\\\n]*+\"|'(?:[^'\n]++|'')*+')"
)
# Possessive repeats: a line never needs to be given back, and a plain repeat
# keeps a mark per line it passed (100 MB more for a 100k-entry file).
_ENTRIES = {
    indent: re.compile(f"(?:{indent}- {_KEY}: {_VALUE}\n(?:{indent}  {_KEY}: {_VALUE}\n)*+)++")
    for indent in ("", "  ")
}
_FIELD = re.compile(f"({_KEY}): ([^\n]*)")


def _scan_entries(text: str, nulls: frozenset[str], seldom: frozenset[str]) -> Any | None:
    """The document when its entries have the usual shape, their lines checked by
    one regular expression and each entry's fields found by another; None when
    not (then `_scan` reads it a line at a time)."""
    if not text.endswith("\n"):
        text += "\n"
    if text.startswith("- "):
        head, start = None, 0
    else:
        found = _PREDICTIONS.search(text)
        if found is None:
            return None
        head, start = text[: found.start()], found.end()
    indent = "  " if text.startswith("  - ", start) else ""
    if _ENTRIES[indent].fullmatch(text, start) is None:
        return None
    root: Any
    if head is None:
        root = entries = []
    else:
        root = _scan(head, nulls, seldom) if head.strip(" \n") else {}
        if root.__class__ is not dict or "predictions" in root:
            raise _Declined
        root["predictions"] = entries = []
    find = _FIELD.findall
    memo: dict[str, str] = {}
    # A flow list's text is read once (`tags: [bench, synthetic]` repeats); each
    # entry gets a list of its own, as from the events.
    flow_lists: dict[str, list[str]] = {}
    for chunk in _entry_texts(text, start + len(indent) + 2, f"\n{indent}- "):
        pairs = find(chunk)
        entry = {
            intern(key): value if key in seldom else memo.setdefault(value, value)
            for key, value in pairs
        }
        if len(entry) != len(pairs):
            raise _Declined  # a key given twice: `_load` names both lines
        if "[" in chunk or '"' in chunk or "'" in chunk or not nulls.isdisjoint(entry.values()):
            for key, value in entry.items():
                first = value[0]
                if first == "[":
                    read = flow_lists.get(value)
                    if read is None:
                        read = flow_lists[value] = _flow(value, nulls, seldom)
                    entry[key] = read.copy()
                    continue
                if first == '"':
                    value = value[1:-1]
                elif first == "'":
                    value = value[1:-1].replace("''", "'")
                if value in nulls:
                    entry[key] = None
                elif first == '"' or first == "'":
                    entry[key] = value if key in seldom else memo.setdefault(value, value)
        entries.append(entry)
    return root


def _scan(text: str, nulls: frozenset[str], seldom: frozenset[str]) -> Any:
    root: Any = None
    # The innermost open container in locals (its kind, column, the container, a
    # mapping's key still waiting for its value); the ones around it on `stack`.
    stack: list[tuple[int, int, Any, Any]] = []
    kind = -1  # -1: no container open
    column = -1
    container: Any = None
    pending: Any = _NO_KEY
    indicators = _INDICATORS
    # One line at a time (not `findall`): a file declined early costs little.
    for line in _LINE.finditer(text):
        indent_text, dash, key, rest = line.groups()
        if not dash and not key and (not rest or rest[0] == "#"):
            continue  # a blank or comment line
        indent = len(indent_text)
        while True:
            if kind == _MAPPING:
                if pending is not _NO_KEY:
                    if indent > column or (indent == column and dash):
                        if not dash:
                            raise _Declined  # a nested mapping or a scalar's next line
                        child: list[Any] = []
                        container[pending] = child
                        pending = _NO_KEY
                        stack.append((kind, column, container, pending))
                        kind, column, container = _SEQUENCE, indent, child
                        continue
                    container[pending] = None  # `key:` and nothing: null
                    pending = _NO_KEY
                    continue
                if indent == column and key and not dash:
                    break
                if indent > column:
                    raise _Declined
            elif kind == _SEQUENCE:
                if indent == column and dash:
                    break
                if indent > column:
                    raise _Declined
            else:
                if root is not None or indent:
                    raise _Declined  # something after the document, or an indented root
                if dash:
                    root = container = []
                    kind, column = _SEQUENCE, 0
                    break
                if key:
                    root = container = {}
                    kind, column = _MAPPING, 0
                    break
                raise _Declined  # a scalar document, a marker, a directive
            kind, column, container, pending = stack.pop() if stack else (-1, -1, None, _NO_KEY)
        if kind == _SEQUENCE:
            if key:
                # `- key: ...`: a mapping item, whose keys stand where this one does
                item: dict[Any, Any] = {}
                container.append(item)
                stack.append((kind, column, container, _NO_KEY))
                kind, column, container = _MAPPING, indent + len(dash), item
            else:
                container.append(_item(rest, nulls, seldom))
                continue
        # a key and its value, in the mapping `container`
        key = intern(key)
        if key in container:
            raise _Declined  # `_load` names both lines
        if not rest or rest[0] == "#":
            pending = key
            continue
        first = rest[0]
        if first in indicators:
            value = _special(rest, nulls, seldom)
            if value.__class__ is str:
                if value in nulls:
                    value = None
                elif key not in seldom:
                    value = intern(value)
        else:
            cut = rest.find(" #")
            if cut >= 0:
                rest = rest[:cut]
            value = rest.rstrip(" ")
            if ": " in value or value[-1] == ":":
                raise _Declined
            if value in nulls:
                value = None
            elif key not in seldom:
                value = intern(value)
        container[key] = value
    while True:
        if kind == _MAPPING and pending is not _NO_KEY:
            container[pending] = None
        if not stack:
            break
        kind, column, container, pending = stack.pop()
    if root is None:
        raise _Declined  # nothing but comments: `_load`'s None, its messages
    return root


def _item(rest: str, nulls: frozenset[str], seldom: frozenset[str]) -> Any:
    """A sequence's scalar or flow item (a list's items stay text, as in `_load`)."""
    if not rest or rest[0] == "#":
        raise _Declined  # an empty item
    if rest[0] in _INDICATORS:
        return _special(rest, nulls, seldom)
    return _plain_item(rest)


def _plain_item(rest: str) -> str:
    """A plain scalar without its comment; a ": " in it would make it a mapping."""
    cut = rest.find(" #")
    if cut >= 0:
        rest = rest[:cut]
    value = rest.rstrip(" ")
    if ": " in value or value[-1] == ":":
        raise _Declined
    return value


def _special(rest: str, nulls: frozenset[str], seldom: frozenset[str]) -> Any:
    """A value that starts with one of YAML's indicators: a quoted scalar, a flow
    collection, or a plain scalar starting with '-'; anything else is declined."""
    first = rest[0]
    if first == "'":
        match = _SINGLE_QUOTED.match(rest)
        if match is None:
            raise _Declined
        return match[1].replace("''", "'")
    if first == '"':
        match = _DOUBLE_QUOTED.match(rest)
        if match is None:
            raise _Declined
        return match[1]
    if first == "[" or first == "{":
        return _flow(rest, nulls, seldom)
    if first == "-" and len(rest) > 1 and rest[1] not in " -.":
        return _plain_item(rest)
    raise _Declined  # anchors, aliases, tags, block scalars, reserved characters


def _flow(rest: str, nulls: frozenset[str], seldom: frozenset[str]) -> Any:
    """A flow sequence or mapping of plain words on one line."""
    match = _FLOW.match(rest)
    if match is None or (match[1] == "[") != (match[3] == "]"):
        raise _Declined
    inner = match[2]
    parts = [] if not inner.strip(" ") else [part.strip(" ") for part in inner.split(",")]
    if match[1] == "[":
        for part in parts:
            if not _FLOW_SCALAR.fullmatch(part):
                raise _Declined
        return parts
    mapping: dict[str, Any] = {}
    for part in parts:
        pair = _FLOW_PAIR.fullmatch(part)
        if pair is None or not _FLOW_SCALAR.fullmatch(pair[2]):
            raise _Declined
        key = intern(pair[1])
        if key in mapping:
            raise _Declined
        value: Any = pair[2]
        if value in nulls:
            value = None
        elif key not in seldom:
            value = intern(value)
        mapping[key] = value
    return mapping


# Characters of entries split at a time: the file's text is held once, not
# twice, beside what is read from it.
_STRETCH = 1 << 20


def _entry_texts(text: str, start: int, separator: str) -> Iterator[str]:
    """The texts between `separator`s from `start` to the text's last newline, a
    stretch at a time."""
    end = len(text) - 1
    while start < end:
        cut = text.find(separator, start + _STRETCH, end)
        if cut < 0:
            cut = end
        yield from text[start:cut].split(separator)
        start = cut + len(separator)
