"""Failure rates of `extract_article` on composed forecast sentences, by part (issue 11).

tests/extract/grammar.py composes a call from independent parts (speaker, verb frame, asset,
level form, direction, deadline) and knows what a reader would log; this script reads
`--count` of them (seeded) and tabulates, for every value of every part, the share read
wrong (missed, wrong kind family or side, wrong speaker, an extra claim), so the combinations
the rules miss show up as the parts they have in common.

    .venv/bin/python bench/generated_calls.py [--count 3000] [--seed 0] [--show 20]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from extract.grammar import Generated, generate, problems, uses_new_values
from extract.quality import recordable, same_speaker_strict

from ledger.extract import extract_article

TODAY = date(2026, 12, 6)
PART_NAMES = (
    "speaker", "frame", "asset", "level", "direction", "deadline", "context", "follow-up", "aside",
)  # fmt: skip


def judged(generated: Generated) -> tuple[str, ...]:
    extraction = extract_article(generated.text, today=TODAY, made_on=generated.made_on)
    return problems(generated, recordable(extraction.candidates), same_speaker_strict)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", type=int, default=0, help="print this many failing texts")
    args = parser.parse_args()

    by_part: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    overall: Counter[str] = Counter()
    # the calls drawing a value branch grammar27 added, and those drawing none
    by_age: dict[str, Counter[str]] = {"old values": Counter(), "new values": Counter()}
    shown = 0
    for generated in generate(args.count, args.seed):
        found = judged(generated)
        overall["calls"] += 1
        overall["failed"] += bool(found)
        overall.update(found)
        age = by_age["new values" if uses_new_values(generated.parts) else "old values"]
        age["calls"] += 1
        age["failed"] += bool(found)
        for part, form in generated.parts.labels().items():
            tally = by_part[part][form]
            tally["calls"] += 1
            tally["failed"] += bool(found)
            tally.update(found)
        if found and shown < args.show:
            shown += 1
            print(f"{'/'.join(found):<16} {generated.made_on} {generated.text!r}")
            print(f"{'':16} expected {generated.expected}")

    print(
        f"{args.count} calls (seed {args.seed}): {overall['failed']} read wrong"
        f" ({overall['failed'] / overall['calls']:.1%}); missed {overall['missed']},"
        f" kind {overall['kind']}, side {overall['side']}, speaker {overall['speaker']},"
        f" spurious {overall['spurious']}"
    )
    for age, tally in by_age.items():
        share = tally["failed"] / tally["calls"] if tally["calls"] else 0.0
        print(f"  {age}: {tally['failed']} of {tally['calls']} read wrong ({share:.1%})")
    for part in PART_NAMES:
        print(f"\n{part:<34} calls  wrong  missed kind side speaker spurious")
        rows = sorted(by_part[part].items(), key=lambda item: -item[1]["failed"] / item[1]["calls"])
        for form, tally in rows:
            print(
                f"{form:<34} {tally['calls']:>5} {tally['failed'] / tally['calls']:>6.1%}"
                f" {tally['missed']:>6} {tally['kind']:>4} {tally['side']:>4}"
                f" {tally['speaker']:>7} {tally['spurious']:>8}"
            )


if __name__ == "__main__":
    main()
