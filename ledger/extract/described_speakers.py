"""A call whose sentence describes its speaker instead of naming them.

"This executive thinks Bitcoin can reach $60,000 by the end of the year", "Investment
Manager Predicts Gold Could Hit $3,000 This Year", "Wall Street's most bullish strategist:
the S&P 500 should climb to 4,900": a headline (or a lead) that stands one forecaster in for
their name, which the article gives below ("Julian Hosp, president and co-founder of TenX",
"John Stoltzfus, chief investment strategist at Oppenheimer"). The call is that speaker's:
the first one credited to a call later in the article. A description in the plural
("Analysts see ...") is a crowd, not one speaker, and is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from ledger.extract.candidate import Candidate

_ROLE = (
    r"(?:executive|strategist|analyst|economist|investor|billionaire|manager|trader|expert"
    r"|CEO|founder|co-founder|forecaster|bull|bear|chartist|veteran|insider|banker)"
)
# "This executive thinks", "One veteran trader says", "Investment Manager Predicts", "Wall
# Street's most bullish strategist:", "Top strategist sees": a determiner or a few words of
# description, then one role (not "strategists"), then a verb or a colon
_DESCRIBED = re.compile(
    r"^\W*(?:(?:this|one|a|an|top|star|famed|famous|veteran|legendary)\s+"
    r"|wall\s+street's\s+(?:most\s+)?|[A-Z][a-z]+\s+)"
    rf"(?:[\w-]+\s+){{0,3}}?{_ROLE}(?![\w-])(?!'s)\s*(?::|\s+[a-z]+s\b)",
    re.IGNORECASE,
)


_ROLE_WORD = re.compile(rf"(?<![\w-]){_ROLE}(?![\w-])", re.IGNORECASE)


def described_speaker(sentence: str) -> str | None:
    """The words that describe the speaker at the start of `sentence`, or None."""
    match = _DESCRIBED.match(sentence)
    return match[0] if match else None


def credited_to_described(
    candidates: Sequence[Candidate], firm_of: Mapping[str, str]
) -> list[Candidate]:
    """Each call whose sentence describes its speaker (and names nobody, or names only words
    of the description: "Investment Manager"), credited to the first speaker a later call
    of the article is credited to, else to the firm of the first person the article ties to
    one (`firm_of`, article_affiliations); left as it is when there is neither."""
    credited = list(candidates)
    for index, candidate in enumerate(candidates):
        described = described_speaker(candidate.sentence)
        if described is None:
            continue
        if candidate.speaker is not None and not _ROLE_WORD.search(candidate.speaker):
            continue  # "Goldman strategist says": the house is named
        later = next(
            (
                c.speaker
                for c in candidates[index + 1 :]
                if c.speaker
                and c.sentence != candidate.sentence
                and not _ROLE_WORD.search(c.speaker)
            ),
            next(iter(firm_of.values()), None),
        )
        if later is None:
            continue
        note = f"'{described.strip(' :')}' is the article's {later}, named below"
        credited[index] = replace(
            candidate, speaker=later, assumptions=(*candidate.assumptions, note)
        )
    return credited
