"""Per-symbol fetch failures, told to a person in as few lines as say everything.

A source that is down fails every symbol for the same reason; one line per
symbol (each quoting a 250-character curl message) buries the one fact the user
needs: the source is unreachable, the claims stay open, and prices can come
from files instead. Failures that share their reason become one line naming
how many symbols it hit; a failure of its own keeps its own line.

The stored per-symbol messages (`forecast runs --json`, the run's row) keep the
full detail; this only shapes what is printed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

OFFLINE_HINT = "their claims stay open; '--prices csv:DIR' works offline"

_SHOWN_SYMBOLS = 4
_ATTEMPTS = re.compile(r"\s*\((?:gave up after \d+ attempts?|not asked)\)\s*$")
_CODE = re.compile(r"^(?:source_error|rate_limited|unknown_symbol|no_data):\s*")


def failure_reason(symbol: str, message: str) -> str:
    """The part of a stored failure message that does not depend on the symbol.

    Stored messages read "source_error: GC=F: Yahoo unreachable (...) (gave up
    after 4 attempts)": the code, the symbol and the attempt count differ from
    symbol to symbol while the reason is the same.
    """
    reason = _CODE.sub("", message, count=1)
    prefix = f"{symbol}: "
    if reason.startswith(prefix):
        reason = reason[len(prefix) :]
    return _ATTEMPTS.sub("", reason).strip()


def is_outage(reason: str) -> bool:
    """True for reasons that mean the source itself could not be reached."""
    lowered = reason.lower()
    return "unreachable" in lowered or "network error" in lowered


def summarize_failures(failed: Mapping[str, str], offline_hint: str = OFFLINE_HINT) -> list[str]:
    """One line per distinct reason, symbols counted (sorted, stable); an outage ends
    with `offline_hint`, in the words of where it is read (an option, a TUI's start)."""
    by_reason: dict[str, list[str]] = {}
    for symbol in sorted(failed):
        by_reason.setdefault(failure_reason(symbol, failed[symbol]), []).append(symbol)
    lines = []
    for reason, symbols in by_reason.items():
        hint = f": {offline_hint}" if is_outage(reason) else ""
        if len(symbols) == 1:
            lines.append(f"{symbols[0]}: {reason}{hint}")
            continue
        shown = ", ".join(symbols[:_SHOWN_SYMBOLS])
        more = len(symbols) - _SHOWN_SYMBOLS
        if more > 0:
            shown += f", +{more} more"
        lines.append(f"{reason} for {len(symbols)} symbols ({shown}){hint}")
    return lines
