"""The side a percentage's own move word gives it: "losing 7%", "an 8 per cent drop".

A percentage is a move, and the word that moves it sits right beside it: before it ("fall
10%", "losing 7% against the dollar") or after it ("a 20% rally", "an 8 per cent drop"). That
word names the side more surely than a direction word elsewhere in the sentence, which may
belong to another asset or another clause ("sees the euro losing 7%" has "sees", which names
no side, so the default, a rise, used to win).
"""

from __future__ import annotations

import re

from ledger.claims.vocabulary import ABOVE, BELOW

_FALLING = (
    r"fall|falls|fell|falling|drop|drops|dropped|dropping|decline|declines|declined|declining"
    r"|slide|slides|sliding|slid|lose|loses|losing|lost|shed|sheds|shedding|tumble|tumbles"
    r"|tumbling|plunge|plunges|plunging|crash|crashes|crashing|correct|corrects|correcting"
    r"|sink|sinks|sinking|depreciate|depreciates|depreciating|slump|slumps|slumping|retreat"
    r"|retreats|retreating|weaken|weakens|weakening|down|lower|dip|dips|dipping"
)
_RISING = (
    r"rise|rises|rising|rose|gain|gains|gaining|gained|climb|climbs|climbing|rally|rallies"
    r"|rallying|jump|jumps|jumping|surge|surges|surging|soar|soars|soaring|advance|advances"
    r"|advancing|appreciate|appreciates|appreciating|rebound|rebounds|rebounding|add|adds"
    r"|adding|up|higher|strengthen|strengthens|strengthening|climb"
)
# the move word, then at most "by" and a hedge of the size, then the percentage
_WORD_BEFORE = re.compile(
    rf"\b(?P<word>{_FALLING}|{_RISING})\s+(?:by\s+)?(?:(?:another|a\s+further|roughly|about"
    r"|some|nearly|around|almost|just\s+under|just\s+over|up\s+to|as\s+much\s+as|over"
    r"|more\s+than)\s+)?$",
    re.IGNORECASE,
)
# the percentage, then the move's noun: "a 20% rally", "an 8 per cent drop"
_NOUN_AFTER = re.compile(
    r"^\s*(?P<word>drop|decline|fall|slide|slump|plunge|crash|correction|loss|downside|retreat"
    r"|depreciation|rally|rise|gain|jump|surge|climb|advance|upside|rebound|appreciation"
    r"|increase)\b",
    re.IGNORECASE,
)
_FALLING_WORDS = re.compile(
    rf"^(?:{_FALLING}|loss|downside|correction|depreciation|decline|drop|fall|slump|plunge"
    r"|crash|retreat|slide)$",
    re.IGNORECASE,
)


def percent_move_side(text: str, start: int, end: int) -> str | None:
    """ABOVE or BELOW when the percentage at text[start:end] has its own move word beside
    it; None when it has none (the sentence's direction then decides)."""
    before = _WORD_BEFORE.search(text, max(0, start - 60), start)
    found = before or _NOUN_AFTER.match(text[end : end + 30])
    if found is None:
        return None
    return BELOW if _FALLING_WORDS.match(found["word"]) else ABOVE
