"""Stored text made safe to show in a terminal.

Every string in the ledger may come from the web or from someone else's
import file: a source name, a quote, a URL, a tag, a void reason. Shown as it
is, `\\x1b[2J` clears the user's screen, an OSC 52 sequence writes their
clipboard, OSC 8 plants a hyperlink, and a right-to-left override makes a
level read backwards. `printable()` turns every control and format character
into a visible escape (`\\x1b`, `\\u202e`), so what is shown is exactly what
is stored, and nothing in it acts on the terminal.

Markup is the other half: Rich and Textual read `[bold]` and
`[@click=app.quit]` in strings they are given as markup. Stored text reaches
them as `rich.text.Text` or with markup off, never as a markup string; the
CLI's and the TUI's cell helpers do that on top of `printable()`.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, and the Unicode format characters that reorder or
# hide text (bidi overrides and isolates, zero-width joiners, BOM, ...).
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff"
    "\ufff9-\ufffb\U000e0000-\U000e007f]"
)
_WHITESPACE = {"\t": " ", "\n": " ", "\r": " "}


def printable(text: object, *, keep_newlines: bool = False) -> str:
    """`text` with every control or format character shown as an escape.

    Tabs and line breaks become spaces (one line per cell), or stay as line
    breaks with `keep_newlines`; everything else unsafe becomes its Python
    escape, so `"a\\x1b[2Jb"` shows as `a\\x1b[2Jb` and can be read, copied and
    reported.
    """
    if text is None:
        return ""
    value = text if isinstance(text, str) else str(text)
    if not _UNSAFE.search(value):
        return value
    return _UNSAFE.sub(lambda m: _escape(m.group(), keep_newlines), value)


def _escape(char: str, keep_newlines: bool) -> str:
    if char == "\n" and keep_newlines:
        return "\n"
    if char in _WHITESPACE:
        return _WHITESPACE[char]
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"
