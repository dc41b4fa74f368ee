"""A call set against the calls before it: "Goldman isn't alone", "X is more bullish at $6,000".

A roundup names one dated call ("Goldman Sachs now calls for $5,400 per ounce by year-end"),
then the others by comparison, with no period of their own: "Other big banks are just as
bullish: JPMorgan sees $5,055", "MKS PAMP has the most aggressive view at $5,400", "Standard
Chartered is far bolder, forecasting $7,500", "His forecast is $4,200, one of the lowest". A
call compared with the ones before is on their horizon: the comparison only means anything
when the calls are for the same date. So such a sentence takes the period of the last dated
call on its asset a few sentences back (a quote or a reason may come between), where any other
undated sentence only takes the period of the sentence right before it.

A bare "also" is not a comparison ("It also expects intervention talk as dollar-yen nears
160"): only "also" with a target word counts ("also keeps a 3,000 target").
"""

from __future__ import annotations

import re

# How many sentences back the dated call may stand: a roundup puts a reason or a quote
# between the lead call and the houses compared with it.
COMPARED_REACH = 4

_VIEW = (
    r"(?:bullish|bearish|optimistic|pessimistic|conservative|cautious|aggressive|upbeat"
    r"|positive|negative|dovish|hawkish)"
)
# the verb by which a house is said to stand where it does against the others
_IS = r"\b(?:is|are|was|were|looks?|looked|seems?|seemed|sounds?|stands?|remains?|'s)\s+"
_COMPARED = re.compile(
    "|".join(
        (
            # "Goldman isn't alone", "Bitwise is not alone:", "not the only bank"
            r"\b(?:is|are|was|isn['\u2019]t|aren['\u2019]t)\s+(?:not\s+)?(?:by\s+itself|alone)\b",
            r"\bnot\s+(?:alone|the\s+only\s+(?:one|bank|house|firm|broker|forecaster))\b",
            # "are just as bullish", "is equally bullish", "are similarly upbeat"
            rf"{_IS}(?:just\s+as|as|equally|similarly|every\s+bit\s+as)\s+{_VIEW}\b",
            # "is far more bullish", "is even more conservative", "is bolder" (said of a house:
            # "on a more cautious view of trade" gives a reason, and compares nothing)
            rf"{_IS}(?:far\s+|much\s+|even\s+|still\s+|slightly\s+|a\s+(?:bit|little)\s+)?"
            rf"(?:(?:more|less)\s+{_VIEW}|bolder)\b",
            # "the most aggressive view", "the most bearish call", "one of the lowest"
            rf"\bmost\s+{_VIEW}\b",
            r"\bone\s+of\s+the\s+(?:highest|lowest|most\s+\w+)\b",
            r"\b(?:the\s+)?(?:highest|lowest|top|bottom)\s+(?:call|target|forecast|estimate)\b",
            r"\bat\s+the\s+(?:other|opposite|low|high|bullish|bearish)\s+end\b",
            # "Societe Generale echoed that view", "joins the bulls"
            r"\becho(?:es|ed|ing)?\b",
            r"\bjoin(?:s|ed|ing)?\s+(?:the\s+)?(?:bulls|bears|chorus|ranks|camp|call)\b",
            # "also keeps a 3,000 target", "also has $200,000 on his radar"
            r"\balso\s+(?:keeps|kept|holds|held|has|had|sets|set|sees|saw|targets|puts|put"
            r"|pencils|pencilled|penciled)\b[^.;:]{0,40}?\b(?:target|forecast|call|objective"
            r"|radar|sights)\b",
        )
    ),
    re.IGNORECASE,
)


def compares_calls(sentence: str) -> bool:
    """Whether the sentence sets its call against the calls before it."""
    return bool(_COMPARED.search(sentence))
