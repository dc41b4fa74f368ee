"""Fresh sentences for speakers5's classes (issue 11): do the rules generalise?

bench/speakers5_fresh.txt holds sentences of our own (none is in a corpus file
or in tests/extract/test_speakers5.py), each with the level of one call in it
and the speaker that call should carry. Prints, per class, how many calls
carry that speaker.

Run: .venv/bin/python bench/speakers5_fresh.py [--verbose]
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from ledger.extract.extractor import extract_candidates

MADE_ON = date(2025, 11, 20)
CASES_FILE = Path(__file__).with_suffix(".txt")


def cases() -> dict[str, list[tuple[str, str, str]]]:
    """The sentences by class: (sentence, level as the claim writes it, speaker)."""
    found: dict[str, list[tuple[str, str, str]]] = {}
    current = ""
    for line in CASES_FILE.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
        elif line.strip() and not line.startswith("#"):
            level, speaker, text = (part.strip() for part in line.split("|", 2))
            found.setdefault(current, []).append((text, level, speaker))
    return found


def speakers_at(text: str, level: str) -> set[str | None]:
    return {
        c.speaker
        for c in extract_candidates(text, made_on=MADE_ON)
        if c.claim is not None and f" {level} " in f"{c.claim.canonical_text()} "
    }


def main() -> None:
    verbose = "--verbose" in sys.argv
    for name, group in cases().items():
        right = 0
        for text, level, speaker in group:
            found = speakers_at(text, level)
            right += speaker in found
            if verbose and speaker not in found:
                print(f"  miss [{name}] {level}: wanted {speaker!r}, got {found}\n    {text}")
        print(f"{name:<48}{right:>3}/{len(group)}")


if __name__ == "__main__":
    main()
