"""Weights of the acceptance model (ledger/extract/acceptance.py).

Written by bench/train_acceptance.py --write; do not edit by hand.
Fitted on 7 first-contact and 24 development files' candidates.
"""

from __future__ import annotations

INTERCEPT = -0.8147
THRESHOLD = 0.51  # --yes records a claim whose probability reaches it
WEIGHTS = {
    "rule confidence": 1.6792,
    "rule confidence >= 0.6": 1.2635,
    "lowered by: no time frame": -1.5223,
    "lowered by: time frame not the sentence's": -0.1564,
    "lowered by: no speaker": -1.6392,
    "lowered by: no direction verb": 0.4754,
    "lowered by: no forecast word": -0.2363,
    "lowered by: hedged": 0.6277,
    "lowered by: several levels": -0.9865,
    "lowered by: vague asset": 1.1720,
    "lowered by: consensus": -0.3159,
    "lowered by: unnamed forecasters": -0.1264,
    "lowered by: ratio": -0.5400,
    "lowered by: conditional": -0.9338,
    "lowered by: negated": -0.6156,
    "lowered by: a caveat set against a call": -1.1729,
    "hedged": -0.2639,
    "conditional": 0.5431,
    "negated": -0.6156,
    "headline": -1.0275,
    "side unstated": 0.6632,
    "relative level": -2.6128,
    "percent level": 0.0000,
    "kind touch": 0.3337,
    "kind close": -0.1056,
    "kind average": 0.7762,
    "kind hold": -0.7416,
    "kind between": -1.1141,
    "no speaker": 0.5219,
    "speaker person-like": 0.2741,
    "speaker firm-like": 0.4017,
    "speaker from elsewhere": -0.1819,
    "speaker a list item's label": 1.5254,
    "speaker first-person": 1.1065,
    "asset not named": -0.6131,
    "deadline assumed": -0.2710,
    "deadline from the sentence before": -0.8480,
    "deadline from the headline": -0.4108,
    "cue: forecast word": 0.4045,
    "cue: future marker": 0.9054,
    "cue: deadline still ahead": 0.4885,
    "no direction words": -0.2569,
    "horizon <= 31 days": -1.6806,
    "horizon (log days)": 1.2629,
    "horizon > 3 years": -0.1115,
    "other calls in the sentence": 0.9044,
    "calls in the article (log)": -0.3366,
    "sentence length (log words)": -1.2694,
    "numbers in the sentence": -0.2466,
    "another number near the level": 0.2035,
    "assumptions": -2.0737,
    "held by a cap of its own path": -1.8300,
}
