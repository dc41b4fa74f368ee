"""The words that make a sentence read as a forecast, and those that negate one.

Kept apart so "why was this sentence taken at all?" has one place to look: forecast
verbs and nouns, future markers, headline infinitives, negated cues.
"""

from __future__ import annotations

# Verbs and nouns by which someone states a view of the future. A sentence with one
# (outside a clause about the past) is read as a forecast. Strong cues score higher
# than a bare modal verb.
FORECAST_VERBS = (
    "expect", "expects", "expecting", "forecast", "forecasts", "forecasting", "predict",
    "predicts", "predicting", "project", "projects", "projecting", "see", "sees", "seeing",
    "anticipate", "anticipates", "target", "targets", "targeting", "estimate", "estimates",
    "reckon", "reckons", "believe", "believes", "think", "thinks", "call for", "calls for",
    "calling for", "bet on", "bets on", "betting on", "eye", "eyes", "eyeing", "envisage",
    "envisages", "look for", "looks for", "is calling", "now sees", "now expects",
)  # fmt: skip
FORECAST_NOUNS = (
    "price target", "target", "targets", "forecast", "forecasts", "outlook", "projection",
    "projections", "base case", "base-case", "prediction", "predictions", "price objective",
    "year-end target", "fair value", "estimate", "call",
    # "the new quarterly path is $79.62 in the first quarter, $90.56 in the second ..."
    "path",
)  # fmt: skip
# Regexes: modal verbs and "set to"-style phrases that put a sentence in the future.
FUTURE_MARKERS = (
    r"\b(?:will|shall|would|could|might|should|must)\b",
    r"(?<=\w)'ll\b",
    r"\bmay\b(?!\s*(?:\d|,?\s*(?:19|20)\d\d))",  # the verb, not the month ("May 2026")
    r"\b(?:set|poised|likely|expected|forecast|projected|seen|tipped|primed|due|bound"
    r"|on\s+track|on\s+course|going|about|needs?|has|have)\s+to\b",
    r"\b(?:heading|headed|heads|on\s+course|on\s+track)\s+(?:for|to|toward|towards)\b",
    r"\bis\s+seen\b|\bseen\s+(?:at|reaching|hitting|rising|falling|averaging)\b",
    r"\b(?:next|coming)\s+(?:year|quarter|month|week|months|quarters|years)\b",
    # "the key is whether Bitcoin can hold support": a test the market has yet to pass.
    r"\bwhether\b[^.;]{0,60}?\bcan\s+(?:hold|defend|keep|stay|remain|break|reclaim|retake"
    r"|regain)\b",
)
# A headline's infinitive: "Gold to hit $5,000 in 2026", "Bitcoin to $150k by year-end".
HEADLINE_INFINITIVE = r"\bto\s+(?:hit|reach|top|rise|climb|rally|fall|drop|slide|test|\$|\d)"

# The speaker says it will *not* happen: still a claim, but with a low probability.
# Looked for between the asset and the level of each call.
NEGATED_CUES = (
    # "does not look for GBP/USD gains to 1.40", "doesn't call for $100 oil"
    r"\b(?:do|does|did)\s*(?:not|n't)\s+(?:expect|see|think|believe|forecast|anticipate"
    r"|look\s+for|call\s+for|predict|project)\b",
    r"\b(?:don't|doesn't|didn't)\s+(?:expect|see|think|believe|forecast|anticipate"
    r"|look\s+for|call\s+for|predict|project)\b",
    # "we are not forecasting Brent to trade above $100", "isn't predicting"
    r"\b(?:am|is|are|was|were|'m|'re|'s)\s*(?:not|n't)\s+(?:expecting|forecasting|predicting"
    r"|projecting|calling\s+for|anticipating|seeing|targeting)\b",
    r"\b(?:isn't|aren't|wasn't|weren't)\s+(?:expecting|forecasting|predicting|projecting"
    r"|calling\s+for|anticipating|seeing|targeting)\b",
    r"\bunlikely\s+to\b",
    r"\bno\s+chance\b",
    r"\bdoubts?\s+(?:that|whether|if|it)\b",
    r"\b(?:won't|will\s+not|wouldn't|would\s+not|cannot|can't)\s+(?:reach|hit|top|get\s+to"
    r"|see|exceed|break|surpass|climb|rise)\b",
)

# Phrases with "not" that do not negate the call. Regexes, blanked before negations are read.
NOT_A_NEGATION = (
    r"\b(?:would|will|should)?\s*(?:not|n't)\s+be\s+surprised\b",
    r"\b(?:can't|cannot|can\s+not|not|wouldn't|won't)\s+rule\s+out\b",
    r"\bnot\s+only\b",
    r"\bif\s+not\b",
)
