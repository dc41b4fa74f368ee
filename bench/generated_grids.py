"""Read thousands of generated grids of houses' forecasts and count what fails, by layout and
language (issue 11; tests/extract/table_grammar.py writes them, ledger/extract/forecast_grids.py
reads them).

Run: .venv/bin/python bench/generated_grids.py [N] [SEED]   (default 500 grids, seed 1)
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from extract.table_grammar import compose, draw_grid
from extract.test_forecast_grids import problems


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    drawn: Counter[str] = Counter()
    failed: Counter[str] = Counter()
    first: dict[str, tuple[str, list[str]]] = {}
    for _ in range(count):
        grid = draw_grid(rng)
        found = problems(grid)
        for key in (
            f"layout {grid.layout}",
            f"language {grid.language}",
            f"asset {grid.asset.name}",
        ):
            drawn[key] += 1
            if found:
                failed[key] += 1
                first.setdefault(key, (compose(grid), found))
    total = sum(v for k, v in failed.items() if k.startswith("layout"))
    print(f"{total} of {count} grids read wrong")
    for key in sorted(drawn):
        print(f"  {key:<28}{failed[key]:>5} / {drawn[key]}")
    for key, (text, found) in sorted(first.items()):
        print(f"\n--- first failure, {key}\n{text}{found[:3]}")


if __name__ == "__main__":
    main()
