"""Strings that try to act on a terminal or a markup renderer, shared by the CLI and TUI tests."""

from __future__ import annotations

HOSTILE = {
    "markup-close-tag": "[/x]",
    "markup-style": "[bold red]Evil[/bold red]",
    "markup-link": "[link=file:///etc/passwd]click[/link]",
    "markup-click-screenshot": "[@click=app.screenshot('x.svg','/tmp')]Read more[/]",
    "markup-click-quit": "[@click=app.quit]q[/]",
    "osc8-hyperlink": "\x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\",
    "osc52-clipboard": "\x1b]52;c;aGVsbG8=\x07",
    "csi-clear": "\x1b[2J",
    "c1-csi": "\x9b2J",
    "bidi-override": "\u202e0505$ dlog",
}
NAMES = list(HOSTILE)


def symbol_of(text: str) -> str:
    """A symbol made of the hostile text (what an old ledger or SQL can store)."""
    return "".join(text.split())
