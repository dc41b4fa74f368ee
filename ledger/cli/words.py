"""Counts in words: "1 symbol", "2 symbols", never "1 symbols"."""

from __future__ import annotations


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """`count` and the noun in the number it takes (an irregular plural may be given)."""
    word = noun if count == 1 else (plural or f"{noun}s")
    return f"{count} {word}"
