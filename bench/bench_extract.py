"""Time `extract_article` on articles of 1,000 to 100,000 sentences: linear, or not.

Two kinds of input, each as one long line (where splitting at stops once
rescanned the line) and as paragraphs:

- *repeated*: one forecast sentence over and over (issue 16: 4,000 copies
  took 22 s, 200,000 more than 5 minutes);
- *distinct*: forecast sentences that differ in speaker and level, so
  nothing can be remembered and every one is read and merged.

Each time is shown beside a baseline: a minimal program that does the same
sentence split (`split_sentences`) and one regex scan per sentence. The
ratio is the price of reading the sentences; if the extractor is linear it
stays flat as the input grows tenfold (a quadratic part makes it grow ten
times at each step).

Run: .venv/bin/python bench/bench_extract.py [--sizes 1000 10000 100000]
     [--distinct-max 10000]
Distinct inputs stop at --distinct-max sentences (each one is read in full,
about a millisecond); figures go to stdout; nothing is written anywhere.
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable
from datetime import date

from ledger.extract import extract_article
from ledger.extract.sentences import split_sentences

TODAY = date(2025, 11, 20)
REPEATED = "Goldman Sachs expects gold to reach $5,000 by end-2026."
_NAMES = ("Goldman Sachs", "UBS", "Citi", "JPMorgan", "Morgan Stanley", "HSBC", "Barclays")
_ASSETS = ("gold", "silver", "bitcoin", "oil", "copper")
_SCAN = re.compile(r"\$?\d[\d,]*(?:\.\d+)?")


def distinct(index: int) -> str:
    name = _NAMES[index % len(_NAMES)]
    asset = _ASSETS[(index // len(_NAMES)) % len(_ASSETS)]
    return f"{name} analyst {index} expects {asset} to reach ${1000 + index:,} by end-2026."


def article(count: int, kind: str, joiner: str) -> str:
    sentences = [REPEATED] * count if kind == "repeated" else [distinct(i) for i in range(count)]
    return joiner.join(sentences)


def baseline(text: str) -> int:
    """The least any reader does: split into sentences, scan each once for numbers."""
    return sum(len(_SCAN.findall(sentence.text)) for sentence in split_sentences(text))


def timed(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--distinct-max", type=int, default=10_000)
    args = parser.parse_args()
    print(f"{'input':<22}{'sentences':>10}{'extract s':>11}{'baseline s':>12}{'ratio':>8}"
          f"{'candidates':>12}")  # fmt: skip
    for kind in ("repeated", "distinct"):
        for layout, joiner in (("one line", " "), ("paragraphs", "\n\n")):
            for count in args.sizes:
                if kind == "distinct" and count > args.distinct_max:
                    continue
                text = article(count, kind, joiner)
                started = time.perf_counter()
                candidates = len(extract_article(text, today=TODAY).candidates)
                extract = time.perf_counter() - started
                floor = timed(lambda text=text: baseline(text))
                print(
                    f"{kind + ', ' + layout:<22}{count:>10,}{extract:>11.2f}{floor:>12.2f}"
                    f"{extract / max(floor, 1e-9):>8.1f}{candidates:>12,}"
                )


if __name__ == "__main__":
    main()
