"""Count, by what lowered their confidence, the readings `--yes` does and does not record.

Issue 11: a reading is recorded by `forecast extract --yes` at confidence >= the
default --min-confidence. This script sorts every candidate with a claim into

- tp: recorded and matching a labelled price target;
- fp: recorded and matching nothing labelled;
- low right: below the threshold, matching a target the recorded ones missed
  (a true positive the score withheld);
- low wrong: below the threshold, matching no target, optional or separate call;

and, per name in the candidate's `lowered_by` (ledger/extract/confidence.py),
counts how many of each class carry it and for how many it is decisive: undoing
that one reason alone lifts the score to the threshold. A penalty worth easing
is one whose decisive count is larger for right readings than for wrong ones in
every file group. Candidates not scored by the price-call score (bands, vague and
computed calls, missing levels) are counted under "(other score)".

Run with an explicit list of development files (there is no default, so a frozen
file is never read by accident):
  PYTHONPATH=. .venv/bin/python bench/confidence_classes.py FILE ... [--fresh FILE ...]
      [--list] [--ease SCORE_HEDGED=-0.05 ...]
--ease reruns the count with other weights, to see what a change would do before making it.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from extract.quality import (
    DEFAULT_TODAY,
    FROZEN_FILES,
    Expected,
    corpus_paths,
    found_of,
    load_articles,
    maximum_matching,
)

from ledger.cli.extract import DEFAULT_MIN_CONFIDENCE
from ledger.extract import Candidate, extract_article
from ledger.extract import confidence as names
from ledger.extract.confidence import CallFacts, price_call_confidence
from ledger.extract.patterns import confidence_scores as weights

FROZEN = frozenset(FROZEN_FILES)  # the frozen set, named once in tests/extract/quality.py
CLASSES = ("tp", "fp", "low right", "low wrong")
OTHER = "(other score)"


def facts_of(lowered_by: tuple[str, ...]) -> CallFacts:
    """The facts a price call's score was composed from, read back from its `lowered_by`."""
    lowered = set(lowered_by)
    return CallFacts(
        time_frame=names.NO_TIME_FRAME not in lowered,
        own_time_frame=names.NO_TIME_FRAME not in lowered
        and names.BORROWED_TIME_FRAME not in lowered,
        speaker=names.NO_SPEAKER not in lowered,
        direction_verb=names.NO_DIRECTION not in lowered,
        strong_cue=names.NO_FORECAST_WORD not in lowered,
        hedged=names.HEDGED in lowered,
        several_levels=names.SEVERAL_LEVELS in lowered,
        vague_asset=names.VAGUE_ASSET in lowered,
        consensus=names.CONSENSUS in lowered,
        unnamed=names.UNNAMED in lowered,
        ratio=names.RATIO in lowered,
        conditional=names.CONDITIONAL in lowered,
        negated=names.NEGATED in lowered,
        caveat=names.CAVEAT in lowered,
    )


_UNDO = {
    names.NO_TIME_FRAME: {"time_frame": True, "own_time_frame": True},
    names.BORROWED_TIME_FRAME: {"own_time_frame": True},
    names.NO_SPEAKER: {"speaker": True},
    names.NO_DIRECTION: {"direction_verb": True},
    names.NO_FORECAST_WORD: {"strong_cue": True},
    names.HEDGED: {"hedged": False},
    names.SEVERAL_LEVELS: {"several_levels": False},
    names.VAGUE_ASSET: {"vague_asset": False},
    names.CONSENSUS: {"consensus": False},
    names.UNNAMED: {"unnamed": False},
    names.RATIO: {"ratio": False},
    names.CONDITIONAL: {"conditional": False},
    names.NEGATED: {"negated": False},
    names.CAVEAT: {"caveat": False},
}


def decisive(lowered_by: tuple[str, ...], reason: str) -> bool:
    """Undoing `reason` alone lifts the score to the threshold."""
    undone = replace(facts_of(lowered_by), **_UNDO[reason])
    return price_call_confidence(undone).score >= weights.RULE_BAR


def classify(path: Path) -> list[tuple[str, Candidate, Expected | None]]:
    """(class, candidate, label matched) for every candidate with a claim, the date given."""
    out: list[tuple[str, Candidate, Expected | None]] = []
    for article in load_articles(path):
        targets = [e for e in article.expected if not e.optional and not e.separate]
        others = [e for e in article.expected if e.optional or e.separate]
        try:
            extraction = extract_article(article.text, today=DEFAULT_TODAY, made_on=article.day)
        except Exception:  # counted by extract_quality.py; nothing to classify here
            continue
        claims = [c for c in extraction.candidates if c.claim is not None]
        high = [c for c in claims if c.confidence >= DEFAULT_MIN_CONFIDENCE]
        low = [c for c in claims if c.confidence < DEFAULT_MIN_CONFIDENCE]
        high_found = [found_of(c) for c in high]
        pairs = maximum_matching(targets, high_found, set())
        hit = {j for _, j in pairs}
        missed = [e for i, e in enumerate(targets) if i not in {i for i, _ in pairs}]
        taken = set(hit)
        taken.update(j for _, j in maximum_matching(others, high_found, taken))
        for j, candidate in enumerate(high):
            # "other": recorded and matching an optional reading or a separate-kind call
            cls = "tp" if j in hit else ("other" if j in taken else "fp")
            out.append((cls, candidate, None))
        low_found = [found_of(c) for c in low]
        right = {j: missed[i] for i, j in maximum_matching(missed, low_found, set())}
        neutral = {j for _, j in maximum_matching(others, low_found, set(right))}
        for j, candidate in enumerate(low):
            if j in right:
                out.append(("low right", candidate, right[j]))
            elif j not in neutral:
                out.append(("low wrong", candidate, None))
    return out


def targets_in(path: Path) -> int:
    """The labelled price targets of a file: what recall is a share of."""
    return sum(
        1
        for article in load_articles(path)
        for e in article.expected
        if not e.optional and not e.separate
    )


def table(
    title: str, rows: list[tuple[str, Candidate, Expected | None]], targets: int
) -> list[str]:
    classes = Counter(cls for cls, _, _ in rows)
    found = classes["tp"] + classes["fp"]
    precision = classes["tp"] / found if found else 1.0
    recall = classes["tp"] / targets if targets else 1.0
    has: Counter[tuple[str, str]] = Counter()
    deciding: Counter[tuple[str, str]] = Counter()
    for cls, candidate, _ in rows:
        if cls not in CLASSES:
            continue
        if not candidate.lowered_by and candidate.confidence < DEFAULT_MIN_CONFIDENCE:
            has[OTHER, cls] += 1
            continue
        for reason in candidate.lowered_by:
            has[reason, cls] += 1
            if cls.startswith("low") and decisive(candidate.lowered_by, reason):
                deciding[reason, cls] += 1
    counts = "  ".join(f"{cls} {classes[cls]}" for cls in CLASSES)
    # a right reading held back for want of a speaker the label names: the speaker
    # rules missed one, which no weight can make up for
    unseen = sum(
        1
        for cls, candidate, label in rows
        if cls == "low right"
        and label is not None
        and label.speaker
        and names.NO_SPEAKER in candidate.lowered_by
    )
    counts += f"  (low right with 'no speaker' whose label names one: {unseen})"
    lines = [
        f"{title}: {counts}",
        f"precision {precision:.3f}  recall {recall:.3f}  ({targets} price targets)",
        f"{'reason':<30}{'tp':>5}{'fp':>5}{'low right':>11}{'(decisive)':>11}"
        f"{'low wrong':>11}{'(decisive)':>11}",
    ]
    reasons = sorted({r for r, _ in has}, key=lambda r: -has[r, "low right"])
    for reason in reasons:
        lines.append(
            f"{reason:<30}{has[reason, 'tp']:>5}{has[reason, 'fp']:>5}"
            f"{has[reason, 'low right']:>11}{deciding[reason, 'low right']:>11}"
            f"{has[reason, 'low wrong']:>11}{deciding[reason, 'low wrong']:>11}"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", help="development corpus files (explicit)")
    parser.add_argument("--fresh", nargs="*", default=(), help="files also tallied on their own")
    parser.add_argument("--list", action="store_true", help="print each reading below threshold")
    parser.add_argument(
        "--ease",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="try another weight of patterns/confidence_scores.py (SCORE_HEDGED=-0.05)",
    )
    args = parser.parse_args()
    for override in args.ease:
        name, _, value = override.partition("=")
        if not hasattr(weights, name):
            parser.error(f"no weight {name} in patterns/confidence_scores.py")
        setattr(weights, name, float(value))
    frozen = [name for name in [*args.files, *args.fresh] if Path(name).name in FROZEN]
    if frozen:
        parser.error(f"frozen test files are not read: {', '.join(frozen)}")
    fresh = {Path(name).name for name in args.fresh}
    everything: list[tuple[str, Candidate, Expected | None]] = []
    fresh_rows: list[tuple[str, Candidate, Expected | None]] = []
    targets = fresh_targets = 0
    for path in corpus_paths(args.files):
        rows = classify(path)
        everything += rows
        targets += targets_in(path)
        if path.name in fresh:
            fresh_rows += rows
            fresh_targets += targets_in(path)
        if args.list:
            for cls, c, label in rows:
                if cls in ("low right", "low wrong"):
                    said = f" [label: {label.speaker}]" if label else ""
                    print(
                        f"{path.name} {cls}: {c.confidence:.2f} {c.lowered_by} {c.claim_text}{said}"
                    )
                    print(f"    {c.sentence[:220]}")
    print("\n".join(table("pooled", everything, targets)))
    if fresh_rows:
        print()
        print("\n".join(table(f"fresh ({', '.join(sorted(fresh))})", fresh_rows, fresh_targets)))


if __name__ == "__main__":
    main()
