"""Notes and lines written without Rich where Rich would print them as they are.

`ledger.cli.lines` writes a note (stderr) or a line of data (stdout) itself
when Rich would take the stream for no terminal; these tests hold that to the
bytes Rich's console prints, and a terminal (or FORCE_COLOR) to Rich.
"""

from __future__ import annotations

import io
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from ledger.cli import lines
from ledger.safe_text import printable

TEXT = st.one_of(
    st.text(),
    st.text(st.sampled_from(" \n\t[]:/ab漢e\u0301\x1b\u200b"), max_size=30),
    st.sampled_from(["[bold]x[/]", ":smile:", "a  ", "\n", "x" * 450, "wide 漢字 " * 60]),
)


class Pipe(io.StringIO):
    """A stream that is no terminal, as a pipe or a file is."""

    def isatty(self) -> bool:
        return False


def _rich(text: Text, **console: object) -> str:
    out = io.StringIO()
    Console(file=out, highlight=False, soft_wrap=True, **console).print(text)  # type: ignore[arg-type]
    return out.getvalue()


@given(TEXT)
def test_a_note_in_a_pipe_is_what_rich_prints(message: str) -> None:
    saved, sys.stderr = sys.stderr, Pipe()
    try:
        lines.note(message)
        written = sys.stderr.getvalue()
    finally:
        sys.stderr = saved
    assert written == _rich(Text(printable(message, keep_newlines=True)))


@given(TEXT)
def test_a_line_in_a_pipe_is_what_rich_prints(text: str) -> None:
    saved, sys.stdout = sys.stdout, Pipe()
    try:
        lines.line(text)
        written = sys.stdout.getvalue()
    finally:
        sys.stdout = saved
    assert written == _rich(Text(printable(text)), width=400)


class Terminal(Pipe):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("stream", "environ", "plain"),
    [
        (Pipe(), {}, True),
        (Terminal(), {}, False),
        (Pipe(), {"FORCE_COLOR": "1"}, False),
        (Pipe(), {"FORCE_COLOR": ""}, False),  # Rich decides (no terminal): it prints
        (Pipe(), {"TTY_COMPATIBLE": "1"}, False),
        (Terminal(), {"TTY_COMPATIBLE": "0"}, False),
    ],
    ids=["pipe", "terminal", "force-color", "force-color-empty", "tty-compatible", "tty-0"],
)
def test_rich_prints_wherever_it_may_see_a_terminal(
    monkeypatch: pytest.MonkeyPatch, stream: io.StringIO, environ: dict[str, str], plain: bool
) -> None:
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    assert lines.plain_stream(stream) is plain
