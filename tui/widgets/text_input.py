"""An Input that never holds a control character: what it shows is what it gives.

Textual's Input draws its value as it is, so a pasted `\\x1b[2J` (from an
article, a web page, another terminal) would reach the terminal raw. Text
entered here, typed, pasted or handed in, has its control and format
characters turned into their visible escapes (`ledger.safe_text.printable`)
as it arrives, so the field shows them, and what is saved is what was shown.
"""

from __future__ import annotations

from textual.widgets import Input

from ledger.safe_text import printable


class TextInput(Input):
    """An Input whose value is always printable."""

    def __init__(self, value: str | None = None, *args, **kwargs) -> None:
        super().__init__(None if value is None else printable(value), *args, **kwargs)

    def replace(self, text: str, start: int, end: int) -> None:
        # Typing and pasting both arrive here; the cursor lands after the escaped text.
        super().replace(printable(text), start, end)
