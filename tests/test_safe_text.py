"""Stored text shown in a terminal: every control character visible, nothing acting."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledger.safe_text import printable


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        pytest.param("plain [bold]text[/bold]", "plain [bold]text[/bold]", id="markup-untouched"),
        pytest.param("a\x1b[2Jb", "a\\x1b[2Jb", id="csi-clear-screen"),
        pytest.param("\x1b]52;c;ZXZpbA==\x07", "\\x1b]52;c;ZXZpbA==\\x07", id="osc52"),
        pytest.param(
            "\x1b]8;;file:///etc/passwd\x1b\\x\x1b]8;;\x1b\\",
            "\\x1b]8;;file:///etc/passwd\\x1b\\x\\x1b]8;;\\x1b\\",
            id="osc8",
        ),
        pytest.param("\x9b2J", "\\x9b2J", id="c1-csi"),
        pytest.param("5055\u202e0", "5055\\u202e0", id="bidi-override"),
        pytest.param("tag\U000e0041", "tag\\U000e0041", id="tag-character"),
        pytest.param("line one\nline\ttwo\r", "line one line two ", id="whitespace"),
        pytest.param("Müller ¥ 金", "Müller ¥ 金", id="non-ascii-kept"),
    ],
)
def test_printable(stored: str, shown: str) -> None:
    assert printable(stored) == shown


def test_newlines_kept_when_asked() -> None:
    assert printable("a\nb\x1b", keep_newlines=True) == "a\nb\\x1b"


@given(st.text())
def test_printable_output_holds_no_control_character(text: str) -> None:
    shown = printable(text)
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in shown)
    assert printable(shown) == shown
