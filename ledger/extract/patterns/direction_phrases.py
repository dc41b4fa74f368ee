"""The phrases that name a claim's kind: touch, hold, close, average, above or below.

Kept apart because they map article verbs onto the claim language's kinds; the
claim language's own direction words (ledger.claims.vocabulary) are not repeated.
"""

from __future__ import annotations

# Verbs articles use for the direction of a call, by claim family and side, where the
# claim language's vocabulary (ledger.claims.vocabulary) has no entry or reads them
# otherwise. Longest phrases are matched first; what is left is read with the claim
# language's own vocabulary.
TOUCH_ABOVE_PHRASES = (
    "reach", "reaching", "hit", "hitting", "top", "topping", "break above", "breaking above",
    "break through", "breaking through", "break past", "rise to", "rising to", "rise toward",
    "rise towards", "climb to", "climbing to", "climb above", "rally to", "rallying to",
    "jump to", "surge to", "soar to", "push above", "push through", "push to", "move above",
    "head to", "heads to", "heading to", "head toward", "heading toward", "heading towards",
    "head for", "heads for", "heading for", "headed for", "on course for", "on track for",
    "eye", "eyes", "eyeing", "target", "targets", "targeting", "target of", "price target of",
    "recovering to", "go as high as", "as high as", "trade as high as", "rise as high as",
    "scale", "clear", "crack", "exceed", "exceeding", "surpass", "surpassing", "go above",
    "pass", "passes", "passing", "pass through", "passing through",
    "trade above", "touch", "reclaim", "recover to", "rebound to", "rebounding to",
    "bounce to", "advance to", "upside to", "extend gains to", "grind higher to",
    "peak at", "peaking at", "peak near", "peaking near", "peak around", "peaking around",
    "peak of", "a peak of", "peaks at", "top out at", "topping out at",
    "run to", "march to", "path to", "road to", "gain to", "rise", "climb", "rally",
    "carry it to", "take it to", "push it to", "send it to", "lift it to", "drive it to",
    "carry prices to", "take prices to", "push prices to", "send prices to", "lift prices to",
    "drive prices to", "carry the metal to", "push the metal to", "carry the index to",
    "push the index to", "lift the index to",
)  # fmt: skip
TOUCH_BELOW_PHRASES = (
    "fall to", "falling to", "fall below", "falling below", "drop to", "dropping to",
    "drop below", "dip to", "dip below", "dipping to", "slide to", "sliding to",
    "slide below", "slump to", "sink to", "sink below", "decline to", "declining to",
    "tumble to", "plunge to", "crash to", "crash below", "retreat to", "retreating to",
    "pull back to", "pullback to", "correct to", "correction to", "fall back to",
    "break below", "breaking below", "downside to", "revisit", "give back", "ease to",
    "easing to", "eases to", "slip to", "slip back to", "slip back toward", "slip below",
    "slipping to", "as low as", "go as low as", "fall as low as", "bottom out at",
    "bottom out", "bottoming out", "bottom at", "trough at", "drift lower to", "fall", "drop",
    "slide", "decline", "retreat", "correct", "weaken to", "weakening to", "weakens to",
    "weaken further to", "depreciate to", "depreciating to", "lose ground to",
    "ease again to", "easing again to", "eases again to", "fall again to", "falling again to",
    "drop again to", "dropping again to", "decline again to", "slip again to",
)  # fmt: skip
HOLD_ABOVE_PHRASES = (
    "hold above", "holds above", "holding above", "stay above", "stays above",
    "staying above", "remain above", "remains above", "remaining above", "keep above",
    "hold support at", "hold support", "holding support", "defend", "defends", "defending",
    "hold onto", "hold on to", "hold", "holds", "holding", "stay", "stays", "remain",
    "remains", "not fall below", "never fall below", "not drop below", "not break below",
    "won't fall below", "will not fall below", "floor at", "floor of", "a floor",
)  # fmt: skip
HOLD_BELOW_PHRASES = (
    "stay below", "stays below", "staying below", "remain below", "remains below",
    "stay under", "stays under", "remain under", "capped at", "capped below", "cap",
    "ceiling at", "ceiling of", "a ceiling", "not rise above", "not break above",
    "won't rise above", "will not rise above", "won't top", "will not top",
)  # fmt: skip
# Hold words that name no side: "BTC holds 80000" means it stays above, unless a side
# word ("below", "under") says otherwise.
SIDELESS_HOLD_WORDS = (
    "hold", "holds", "holding", "stay", "stays", "remain", "remains", "defend", "defends",
)  # fmt: skip
AVERAGE_ABOVE_PHRASES = (
    "average", "averages", "averaging", "average above", "an average of", "average price of",
    "averaging above",
    # "with an annual average target of $6,050": a target for the average is an average
    # (not the touch its last word, "target of", would read)
    "average target", "average target of", "average price target", "average price target of",
    "average forecast of", "average price forecast of",
)  # fmt: skip
AVERAGE_BELOW_PHRASES = ("average below", "averages below", "averaging below")
# A year-end (or period-end) close: "end 2026 at 7,500", "finish the year above $5,000",
# "end Q1 2026 near 7,000". Regexes; matched before deadline phrases are read, since they
# share their words. (PERIOD_END is spliced into both.)
PERIOD_END = (
    r"(?:end|ends|ending|finish|finishes|finishing|close|closes|closing|settle|settles)\s+"
    r"(?:out\s+)?(?:the\s+year|this\s+year|next\s+year|(?:19|20)\d\d|the\s+quarter|the\s+month"
    r"|the\s+decade|[QH][1-4](?:\s+(?:19|20)\d\d)?)"
)
CLOSE_PATTERNS = (
    # (not the "end" of "targets for year-end 2026 at $5,400", a target's date)
    rf"\b(?<!-){PERIOD_END}\s+(?:above|over|north\s+of)\b",
    r"\bclose\s+above\b",
)
# A close that names no side: "close the year around $2,600", "end 2026 at 7,500", "will end
# up at $46 a barrel in 2015". Read as above by default, and as below when the level is under
# the price of the day the article gives (the convention's "direction against the price of
# the day for every kind").
CLOSE_SIDELESS_PATTERNS = (
    rf"\b(?<!-){PERIOD_END}\s+(?:at|around|near|in\s+the)\b",
    r"\byear[-\s]end\s+close\b",
    r"\bclose\s+at\b",
    r"\b(?:end|ends|ended|ending|wind|winds|winding|wound)\s+up\s+(?:the\s+year\s+)?"
    r"(?:at|around|near)\b",
)
CLOSE_BELOW_PATTERNS = (
    rf"\b(?<!-){PERIOD_END}\s+(?:below|under|south\s+of)\b",
    r"\bclose\s+below\b",
    r"\b(?:end|ends|ended|ending|wind|winds|winding|wound)\s+up\s+(?:the\s+year\s+)?"
    r"(?:below|under)\b",
)

# A bank's price forecast *for a period* ("its Brent forecast for the second half of 2026 to
# $60") is that period's average, as banks publish them. Regexes over the sentence as written;
# applied only when no direction verb names the kind.
PERIOD_FORECAST = (
    r"\b(?:19|20)\d\d\s+(?:(?:average|gold|silver|oil|brent|wti|price|spot|annual)\s+){0,3}"
    r"(?:forecasts?|estimates?|projections?)\b",
    r"\baverage\s+(?:(?:gold|silver|oil|brent|wti|spot|annual|quarterly|yearly|price)\s+){0,3}"
    r"(?:forecasts?|estimates?|projections?|assumptions?)\b",
    r"\b(?:forecasts?|estimates?|projections?)\s+for\s+(?:[\w']+\s+){0,3}average\b",
    r"\bforecasts?\b[^.;]{0,100}?\bfor\s+(?:the\s+)?(?:Q[1-4]|H[12]|first|second|third|fourth"
    r"|full\s+year|(?:19|20)\d\d)\b",
    r"\b(?:forecasts?|estimates?|projections?|assumptions?|price\s+deck)\s+(?:\w+\s+){0,2}"
    r"for\s+(?:the\s+)?(?:Q[1-4]|H[12]|first|second|third|fourth|(?:19|20)\d\d|full\s+year"
    r"|next\s+year|this\s+year)",
)
# "over the same period" points back to the last period named, in this sentence or the one
# before. Regex.
SAME_PERIOD = (
    r"\b(?:over|in|during|for|by|within|across)\s+the\s+same\s+(?:period|time\s*frame"
    r"|timeframe|horizon|stretch|span|window)\b"
)

# Words that mean a level is wanted even though none is given ("Bitcoin needs to hold
# support"): the candidate asks the user for one instead of inventing it.
LEVEL_SEEKING = (
    "support", "resistance", "floor", "ceiling", "key level", "the mark", "target",
    "hold", "holds", "reclaim", "break above", "break below", "retest", "the high",
    "the low", "new high", "new highs", "record high", "record highs",
)  # fmt: skip

# A call no price can settle: a state said to last or to pass, with no level ("the
# short squeeze in the silver market may not be over", "crypto's stagnation may be
# temporary"). A sentence with one of these and no level becomes a candidate flagged
# vague, which the user may record as a vague call (counted, never scored).
VAGUE_CALLS = (
    r"\b(?:is|are|isn't|aren't|may|might|could|will|won't)\s+(?:not\s+)?(?:be\s+)?"
    r"(?:over|done|finished|ending)\b",
    r"\bfar\s+from\s+(?:over|done|finished)\b",
    r"\b(?:be|prove|proves|is|are|looks?|seems?)\s+(?:only\s+)?"
    r"(?:temporary|short-lived|transitory|fleeting|a\s+blip)\b",
    r"\bhas\s+(?:further|more|much\s+more|a\s+long\s+way)\s+to\s+(?:run|go)\b",
    r"\b(?:is|are)\s+(?:just\s+)?(?:getting\s+started|beginning)\b",
)

# A call with no direction word (or only a target word) is read as one to rise to its
# level, unless the speaker is bearish on the asset: "It leans bearish on palladium, with a
# three-month target of $1,000". Regexes; SIDELESS_TARGET_WORDS are the target words.
SIDELESS_TARGET_WORDS = ("target", "targets", "target of", "price target of", "targeting")
BEARISH = (
    r"\b(?:bearish|downbeat|pessimistic|negative)\s+(?:on|about|for|toward|towards)\b",
    r"\b(?:sell|underweight|short)\s+(?:rating\s+)?on\b",
)
