"""The additive confidence score and its caps, documented weight by weight.

Kept in one module so that the score of any candidate can be recomputed by hand
from its flags and these numbers. A price call's score is composed in
ledger/extract/confidence.py, which names what lowered it (`Candidate.lowered_by`).
"""

from __future__ import annotations

# How sure the extractor is that a candidate is a call a careful reader would record.
# Additive and clipped to 0..1, so the score of any candidate can be recomputed by hand
# from its flags:
SCORE_BASE = 0.40  # an asset and a level in a sentence that reads as a forecast
SCORE_TIME_FRAME = 0.15  # the sentence names the deadline or period
SCORE_SPEAKER = 0.15  # someone is named (or "I"/"we", with a known author)
SCORE_DIRECTION = 0.10  # a direction verb ("reach", "fall to", "average") names the kind
SCORE_STRONG_CUE = 0.15  # a forecast verb or noun ("expects", "target"), not just "will"
SCORE_HEDGED = -0.10  # "could", "may", "might"
SCORE_SEVERAL_LEVELS = -0.15  # the sentence had more levels than calls: one was chosen
SCORE_VAGUE_ASSET = -0.10  # the asset came from "the benchmark index", "the metal", "it"
# The bar the rule score was designed against (the default --min-confidence until the
# acceptance model, ledger/extract/acceptance.py, took over deciding; it keeps these caps).
RULE_BAR = 0.6
# Caps: whatever else is true, these candidates stay below RULE_BAR, and the acceptance
# model holds them at their cap, so `--yes` never records them without the user looking.
CAP_CONDITIONAL = 0.30
# A call with no time frame cannot be judged as stated: the default horizon is the
# extractor's guess, so the user decides ("the bank believes bitcoin will rise to $200,000").
CAP_NO_TIME_FRAME = 0.55
CAP_CONSENSUS = 0.45
CAP_NEGATED = 0.25
CAP_NEEDS_LEVEL = 0.20
CAP_COMPUTED_LEVEL = 0.35  # "hold the critical support level": the rule reads the level
CAP_VAGUE = 0.20
# A band ("between $4,000 and $4,200"): proposed as a band claim for the user to confirm.
CAP_BAND = 0.55
# A ratio of two assets ("the ETH/BTC ratio to 0.08"): a relative call, which the user may
# record on the ratio's symbol; never recorded unseen.
CAP_RATIO = 0.55
# "reiterated its $200,000 call for 2027, but warned it could first drop below $70,000": a
# clause with no date of its own, set against a dated call in the same sentence, is a caveat
# on the way there (a dip first, a risk), not a call; proposed for the user to weigh.
CAP_HEDGED_CAVEAT = 0.45
