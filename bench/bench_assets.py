"""Time asset lookups: one sentence at a time, as the parser and extractor call them.

The lookup is built once per alias set and cached, and a text is read in one
pass over its tokens, so the time per call should not depend on how many
names the table holds and should grow linearly with the text. Printed: the
first call (which builds the table), then microseconds per call for sentences
of growing length, with and without user aliases, and per character.

Run: .venv/bin/python bench/bench_assets.py [--calls 2000]
"""

from __future__ import annotations

import argparse
import time

from ledger.claims.assets import _cached_table, asset_table, find_assets
from ledger.claims.instruments import instrument_names

SENTENCE = "Analysts at Morgan Stanley expect Nvidia's shares to reach $250 by end-2026, "
ALIASES = {"rheinmetall": "RHM.DE", "palantir x": "PLTR"}


def per_call(text: str, calls: int, aliases: dict[str, str] | None) -> float:
    started = time.perf_counter()
    for _ in range(calls):
        find_assets(text, aliases)
    return (time.perf_counter() - started) / calls * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=2000)
    args = parser.parse_args()
    _cached_table.cache_clear()
    started = time.perf_counter()
    asset_table(None)
    print(f"table of {len(instrument_names())} names built in"
          f" {(time.perf_counter() - started) * 1000:.1f} ms (once per alias set)")  # fmt: skip
    print(f"{'sentence chars':>15}{'us/call':>10}{'us/call, aliases':>18}{'ns/char':>9}")
    for repeat in (1, 4, 16, 64):
        text = SENTENCE * repeat
        plain = per_call(text, max(10, args.calls // repeat), None)
        own = per_call(text, max(10, args.calls // repeat), ALIASES)
        print(f"{len(text):>15,}{plain:>10.1f}{own:>18.1f}{plain * 1000 / len(text):>9.1f}")


if __name__ == "__main__":
    main()
