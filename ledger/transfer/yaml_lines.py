"""The YAML of the usual export entry, written directly, as `yaml.dump` writes it.

PyYAML builds a node per value and resolves every string against its implicit
types in Python: of a 100k-claim export's time, most went there. The entries
an export writes are almost all plain: short mappings of dates, numbers and
ASCII words. This writes those, byte for byte what `yaml.dump(...,
Dumper=SafeDumper, sort_keys=False, allow_unicode=True, default_flow_style=False)`
writes for them (a hypothesis test holds the two equal), and answers None for
anything it is not sure of (a string with other characters, a line long enough
that the emitter might fold it, a nested mapping), which the caller dumps with
PyYAML as before.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

# The emitter folds a scalar at a space once the line has passed this column.
_WIDTH = 80

# Strings of these characters only, with no leading or trailing space, are
# written plain or single-quoted (nothing to escape, a quote doubled); anything
# else goes to PyYAML.
_CHARACTERS = r"-A-Za-z0-9_.,/$=()+%^:<>;~*&!?@|\[\]{}\"'#\\"
_SIMPLE = re.compile(f"[{_CHARACTERS}]([{_CHARACTERS} ]*[{_CHARACTERS}])?")
# What keeps a simple string from being plain: an indicator first ('-', '?' and
# ':' only before a space), a document marker, ': ' or ' #' (a key, a comment),
# or a final ':'.
_NOT_PLAIN = re.compile(r"[,\[\]{}#&*!|>'\"%@`]|[-?:]( |$)|---|\.\.\.|.*: |.* #|.*:$")


def _implicit_resolvers() -> dict[str | None, list]:
    import yaml

    try:
        dumper: type = yaml.CSafeDumper
    except AttributeError:
        dumper = yaml.SafeDumper
    return dumper.yaml_implicit_resolvers


_RESOLVERS = _implicit_resolvers()
_PLAIN_KEYS: set[str] = set()
_SHORT_STRINGS: dict[tuple[str, int, int], str | None] = {}
_UNSEEN = object()
_ANY_FIRST = _RESOLVERS.get(None, [])


def block_item(entry: Mapping[str, Any]) -> str | None:
    """`entry` as an item of a top-level block sequence (`- key: value` lines), or
    None when it holds a value not known to be written exactly so."""
    lines = []
    lead = "- "
    for key, value in entry.items():
        text = _value(key, value, 2, lead)
        if text is None:
            return None
        lines.append(text)
        lead = "  "
    if not lines:
        return None
    return "".join(lines)


def sequence_item(value: Any, indent: int) -> str | None:
    """`value`, a scalar, as an item of a block sequence whose dashes stand at
    column `indent` (`  - text` lines), or None as `block_item`."""
    text = _scalar(value, indent + 2, indent + 2)
    if text is None:
        return None
    return f"{' ' * indent}- {text}\n"


def _value(key: str, value: Any, indent: int, lead: str) -> str | None:
    """The line(s) of `key: value` in a mapping at column `indent` (`lead`: what
    precedes the key on its line)."""
    if type(value) is list:
        if not value:
            return None
        pad = " " * indent
        parts = [f"{lead}{key}:\n"]
        for item in value:
            if type(item) is dict:
                inner_lead = f"{pad}- "
                for inner_key, inner_value in item.items():
                    text = _value(inner_key, inner_value, indent + 2, inner_lead)
                    if text is None or type(inner_value) is list:
                        return None
                    parts.append(text)
                    inner_lead = pad + "  "
                if not item:
                    return None
            else:
                # an item of an indentless sequence: its text starts after "- ",
                # and folds to two columns in
                text = _scalar(item, indent + 2, indent + 2)
                if text is None:
                    return None
                parts.append(f"{pad}- {text}\n")
        return "".join(parts)
    if key not in _PLAIN_KEYS:
        if type(key) is not str or not _SIMPLE.fullmatch(key) or _NOT_PLAIN.match(key):
            return None
        if _resolves_otherwise(key):
            return None
        _PLAIN_KEYS.add(key)
    text = _scalar(value, indent + len(key) + 2, indent + 2)
    if text is None:
        return None
    return f"{lead}{key}: {text}\n"


def _scalar(value: Any, column: int, fold_indent: int) -> str | None:
    """A scalar's text starting at `column` (folded lines start at `fold_indent`), or None."""
    kind = type(value)
    if kind is str:
        return _string(value, column, fold_indent)
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return str(value)
    if kind is float:
        if value != value:
            return ".nan"
        if value == float("inf"):
            return ".inf"
        if value == -float("inf"):
            return "-.inf"
        text = repr(value).lower()
        if "." not in text and "e" in text:
            text = text.replace("e", ".0e", 1)
        return text
    if kind is date:  # not a datetime (a subclass), which PyYAML writes its own way
        return value.isoformat()
    if value is None:
        return "null"
    return None  # bytes, sets and the rest: PyYAML's own way


def _string(value: str, column: int, fold_indent: int) -> str | None:
    """A string's text, from the cache when it is short (names, symbols, kinds and
    logging times repeat from claim to claim)."""
    if len(value) > 40:
        return _string_text(value, column, fold_indent)
    key = (value, column, fold_indent)
    text = _SHORT_STRINGS.get(key, _UNSEEN)
    if text is _UNSEEN:
        if len(_SHORT_STRINGS) > 100_000:
            _SHORT_STRINGS.clear()
        text = _SHORT_STRINGS[key] = _string_text(value, column, fold_indent)
    return text


def _string_text(value: str, column: int, fold_indent: int) -> str | None:
    if not _SIMPLE.fullmatch(value):
        return None
    if _NOT_PLAIN.match(value) or _resolves_otherwise(value):
        text = "'{}'".format(value.replace("'", "''"))
        if " " in value and column + len(text) > _WIDTH:
            return _folded(text, column, fold_indent, quoted=True)
        return text
    if " " in value and column + len(value) > _WIDTH:
        return _folded(value, column, fold_indent, quoted=False)
    return value


def _folded(text: str, column: int, fold_indent: int, *, quoted: bool) -> str:
    """`text` as the emitter writes it from `column`: a single space met past the
    width, not the scalar's first or last character, becomes a line break."""
    if "  " not in text:
        # single spaces only (the usual text): a word at a time; no space is the
        # scalar's first or last character (`_SIMPLE` has none there)
        words = text.split(" ")
        out = [words[0]]
        column += len(words[0])
        indent = "\n" + " " * fold_indent
        for word in words[1:]:
            if column > _WIDTH:
                out.append(indent)
                column = fold_indent
            else:
                out.append(" ")
                column += 1
            out.append(word)
            column += len(word)
        return "".join(out)
    out = []
    last = len(text) - 1
    after_space = False
    for index, char in enumerate(text):
        if char == " ":
            if (
                not after_space
                and column > _WIDTH
                and text[index + 1] != " "
                and not (quoted and (index == 1 or index == last - 1))
            ):
                out.append("\n" + " " * fold_indent)
                column = fold_indent
            else:
                out.append(" ")
                column += 1
            after_space = True
        else:
            out.append(char)
            column += 1
            after_space = False
    return "".join(out)


def _resolves_otherwise(value: str) -> bool:
    """Whether the string reads back as another type (a number, a date, a bool,
    null) if written plain: the emitter then single-quotes it."""
    return any(regexp.match(value) for _, regexp in _RESOLVERS.get(value[0], ())) or any(
        regexp.match(value) for _, regexp in _ANY_FIRST
    )
