"""The subject of a contrasting clause: "..., while Hayes stressed a $10,000 target".

A sentence that sets two speakers' calls side by side gives the second its own clause, opened
by "while" or "whereas", with any verb of its own ("Lee projected $10,000 to $12,000 by
year-end, while Hayes stressed a $10,000 target"; "UBS sees 7,500, whereas Nordhaven Capital
pencilled in 7,900"). The verbs of saying and forecasting the speaker rules list do not cover
every verb such a clause takes ("stressed", "pencilled in", "countered"), so the levels after
it went to the speaker named first. Read here: a name right after the joint, then a verb
(a past tense, or a present in -s), when the sentence has named a speaker before it; the
levels after it are that name's (speakers.speaker_spans).

Not a speaker: a name the speaker rules refuse (an asset, a month, a common word: "while
Bitcoin traded at", "while March saw"), and a verb of being or having ("while Citi is at
7,000" is read by the roll call, "while Gold has ...").
"""

from __future__ import annotations

import re

from ledger.extract.house_names import house_name
from ledger.extract.person_names import NAME, clean_name

_CONTRAST = re.compile(
    rf",?\s+(?:while|whereas)\s+(?P<name>{NAME})\s+(?!(?:was|is|has|had|does|did|seems)\b)"
    r"(?:[a-z]+(?:ed|es|s)|said|saw|set|put|kept|made|gave|told|wrote|held|took)\b"
)


def contrast_subjects(text: str) -> list[tuple[int, tuple[str, ...]]]:
    """Where the subject of each "while"/"whereas" clause starts, with its name as the ledger
    keeps it."""
    found = []
    for match in _CONTRAST.finditer(text):
        name = clean_name(match["name"].split())
        if name and name == match["name"]:
            found.append((match.start("name"), (house_name(name),)))
    return found
