"""How a candidate's claim text is written: the verb for each kind, the default horizon.

Kept apart because it is about writing, not reading: every verb here must read back
as its kind in the claim language.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

# The verb written in the claim text for each claim kind; each reads back as that kind.
VERB_FOR_KIND: Mapping[str, str] = MappingProxyType(
    {
        "touch_above": "reaches",
        "touch_below": "falls to",
        "close_above": "closes above",
        "close_below": "closes below",
        "hold_above": "holds above",
        "hold_below": "stays below",
        "average_above": "averages above",
        "average_below": "averages below",
    }
)

# When a sentence names no time frame, the call is read over this many months, and
# the candidate says so in its assumptions.
DEFAULT_HORIZON_MONTHS = 12
