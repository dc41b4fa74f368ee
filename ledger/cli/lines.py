"""Lines of text for a person or a script: a claim's preview, notes, one line of data.

These are what `add` and `parse` print, and `render` (Rich tables) re-exports
them for every other command. Where Rich would take the stream for no terminal
(a pipe, a file, a test's capture), what it prints of an unstyled `Text` is
the text itself: one line as written, never wrapped. There the line is
written directly and Rich is not imported, which spares `forecast add` in a
script or a pipe about a twentieth of its start (issue 12); a terminal gets
Rich's console, which wraps notes at word boundaries. A test holds the two
paths to the same bytes.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any, TextIO

from ledger.safe_text import printable

if TYPE_CHECKING:
    from ledger.claims.model import Claim


def plain_stream(stream: TextIO) -> bool:
    """Whether Rich would see `stream` as no terminal (so that plain text is written as it is).

    Rich's own rule (`Console.is_terminal`): TTY_COMPATIBLE and FORCE_COLOR
    decide before the stream does. With either set, or in an interactive shell
    Rich treats apart (IDLE, Jupyter), the answer is no and Rich prints.
    """
    if os.environ.get("TTY_COMPATIBLE") is not None or os.environ.get("FORCE_COLOR") is not None:
        return False
    if "idlelib" in sys.modules or "ipykernel" in sys.modules:
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return isatty is not None and not isatty()
    except ValueError:  # a closed stream: Rich takes it for no terminal too
        return True


def line(text: str) -> None:
    """One line of data on stdout that may hold stored text (shown as `render.cell` shows
    it: one line, control characters escaped)."""
    shown = printable(text)
    if plain_stream(sys.stdout):
        sys.stdout.write(shown + "\n")
        return
    from rich.text import Text

    from ledger.cli.render import stdout

    stdout().print(Text(shown))


def note(message: str) -> None:
    """A note on stderr; any stored text in it is shown, never interpreted."""
    shown = printable(message, keep_newlines=True)
    if plain_stream(sys.stderr):
        sys.stderr.write(shown + "\n")
        return
    from rich.text import Text

    from ledger.cli.render import stderr

    stderr().print(Text(shown))


def claim_lines(claim: Claim) -> list[str]:
    lines = [claim.describe(), f"  canonical: {claim.canonical_text()}"]
    if claim.level_rule is not None:
        lines.append(f"  rule: {claim.level_rule.describe()}")
        lines.append(f"  level: {level_reading(claim.level_note, claim.level is None)}")
    lines += [f"  assuming: {a}" for a in claim.assumptions]
    return lines


def level_reading(note: str | None, pending: bool) -> str:
    """A computed level in words: the reading with its bar, or that it is pending."""
    if pending:
        return "level pending: fixed by the first resolve run with bars up to made_on"
    return note or ""


def level_rule_json(claim: Claim) -> dict[str, Any]:
    """A computed level's fields as `--json` output gives them (all None for other claims)."""
    rule = claim.level_rule
    return {
        "level_rule": rule.text() if rule else None,
        "level_params": rule.params() if rule else None,
        "level_basis": [d.isoformat() for d in claim.level_basis],
        "level_note": claim.level_note,
        "level_pending": claim.level_pending,
    }


def print_claim_preview(claim: Claim) -> None:
    for text in claim_lines(claim):
        line(text)
