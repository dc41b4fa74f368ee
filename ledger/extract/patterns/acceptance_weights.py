"""Weights of the acceptance model (ledger/extract/acceptance.py).

Written by bench/train_acceptance.py --write; do not edit by hand.
Fitted on 7 first-contact and 24 development files' candidates.
"""

from __future__ import annotations

INTERCEPT = -1.8655
THRESHOLD = 0.53  # --yes records a claim whose probability reaches it
WEIGHTS = {
    "rule confidence": 2.1247,
    "rule confidence >= 0.6": 1.3120,
    "lowered by: no time frame": -1.4416,
    "lowered by: time frame not the sentence's": -0.1257,
    "lowered by: no speaker": -1.5283,
    "lowered by: no direction verb": 0.4840,
    "lowered by: no forecast word": -0.0420,
    "lowered by: hedged": 0.7719,
    "lowered by: several levels": -0.9275,
    "lowered by: vague asset": 1.2177,
    "lowered by: consensus": -0.1562,
    "lowered by: unnamed forecasters": 0.0227,
    "lowered by: ratio": -0.5193,
    "lowered by: conditional": -0.7507,
    "lowered by: negated": -0.5455,
    "lowered by: a caveat set against a call": -1.0633,
    "hedged": -0.3502,
    "conditional": 0.5998,
    "negated": -0.5455,
    "headline": -1.0214,
    "side unstated": 0.6834,
    "relative level": -2.6092,
    "percent level": 0.0000,
    "kind touch": 0.2792,
    "kind close": -0.1228,
    "kind average": 0.7354,
    "kind hold": -0.7714,
    "kind between": -0.8993,
    "no speaker": 0.4789,
    "speaker person-like": 0.2831,
    "speaker firm-like": 0.4020,
    "speaker from elsewhere": -0.1702,
    "speaker a list item's label": 1.5358,
    "speaker first-person": 1.1485,
    "asset not named": -0.5995,
    "deadline assumed": -0.1980,
    "deadline from the sentence before": -0.8488,
    "deadline from the headline": -0.3627,
    "cue: forecast word": 0.9837,
    "cue: future marker": 1.3571,
    "cue: deadline still ahead": 0.9394,
    "no direction words": -0.2115,
    "horizon <= 31 days": -1.6972,
    "horizon (log days)": 1.2789,
    "horizon > 3 years": -0.1256,
    "other calls in the sentence": 0.8767,
    "calls in the article (log)": -0.3363,
    "sentence length (log words)": -1.2636,
    "numbers in the sentence": -0.1865,
    "another number near the level": 0.2110,
    "assumptions": -2.1005,
}
