"""What head time-stamps cost: `forecast head --timestamp` against a TSA on
127.0.0.1, and `forecast verify` on a 100k-entry ledger holding a year of
daily stamps, each beside its floor timed in the same run.

- stamping: `forecast head --timestamp --json` in-process (open the ledger,
  read the head, build the request, POST it, check the reply, store it)
  beside its floor: one bare POST of a prebuilt request to the same fake
  TSA with http.client, and nothing else. Most of the difference is the
  ledger's open; the figure says what the feature adds to a network call.
- verify: the same ledger verified with no stamp, then with `--stamps`
  stored tokens (real tokens, signed by the tests' fake TSA, for heads of
  growing size along the log), beside `bench_proof.verify_floor`.

Run: .venv/bin/python bench/bench_timestamp.py [--claims 100000 --stamps 365]
"""

from __future__ import annotations

import argparse
import http.client
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from bench_import import write_file
from bench_proof import command, verify_floor
from tsa_fake import TestPki, fake_tsa, timestamp_response

from ledger.proof.merkle import Frontier
from ledger.proof.timestamp import check_reply, timestamp_request


def bare_post(url: str, body: bytes) -> float:
    """The floor of a stamp: one POST to the TSA, the reply read."""
    parts = urlsplit(url)
    started = time.perf_counter()
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    connection.request("POST", parts.path, body=body)
    connection.getresponse().read()
    connection.close()
    return time.perf_counter() - started


def store_stamps(db: Path, pki: TestPki, count: int) -> None:
    """`count` real tokens for heads spread along the log, as if stamped daily."""
    connection = sqlite3.connect(db)
    leaves = [bytes.fromhex(h) for (h,) in connection.execute("SELECT leaf_hash FROM proof_log")]
    step = max(1, len(leaves) // count)
    frontier = Frontier.empty()
    rows = []
    for size in range(step, step * count + 1, step):
        frontier = frontier.extend(leaves[frontier.size : min(size, len(leaves))])
        root = frontier.root.hex()
        request = timestamp_request(frontier.size, root)
        now = datetime.now(UTC)
        reply = timestamp_response(pki.tsa, request.as_bytes())
        stamp = check_reply(
            request,
            reply,
            size=frontier.size,
            root=root,
            tsa_url="http://bench",
            sent_at=now,
            received_at=now,
        )
        rows.append((stamp.size, stamp.root, stamp.tsa_url, stamp.token, now.isoformat(), now))
    connection.executemany(
        "INSERT INTO head_timestamp (tree_size, root, tsa_url, token, gen_time, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [(*r[:4], r[4].replace("T", " ")[:26], r[5].isoformat(" ")[:26]) for r in rows],
    )
    connection.commit()
    connection.close()
    print(f"stored {len(rows)} stamps, heads of {rows[0][0]:,} to {rows[-1][0]:,} entries")


def best_verify(label: str, db: Path) -> tuple[float, float]:
    runs = [(command(label, "--db", str(db), "verify"), verify_floor(db)) for _ in range(2)]
    verify = min(r[0][0] for r in runs)
    floor = min(r[1][0] for r in runs)
    ratio = verify / floor
    print(f"    {label} / floor (wall, best of 2) = {verify:.2f} / {floor:.2f} s = {ratio:.1f}x")
    return verify, floor


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--stamps", type=int, default=365)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    pki = TestPki.make()
    with tempfile.TemporaryDirectory() as tmp, fake_tsa(pki) as tsa:
        directory = Path(tmp)
        source = directory / "claims.yaml"
        write_file(source, args.claims)
        db = directory / "ledger.sqlite3"
        command(f"import of {args.claims:,} entries", "--db", str(db), "import", str(source))

        request = timestamp_request(1, "00" * 32).as_bytes()
        stamping, floors = [], []
        for _ in range(args.rounds):  # interleaved, so both see the same machine load
            floors.append(bare_post(tsa.url, request))
            stamping.append(
                command("head --timestamp", "--db", str(db), "head", "--tsa", tsa.url)[0]
            )
        stamp_s, floor_s = sorted(stamping)[len(stamping) // 2], sorted(floors)[len(floors) // 2]
        print(
            f"    head --timestamp / bare POST (wall, median of {args.rounds}) = "
            f"{stamp_s * 1000:.1f} / {floor_s * 1000:.1f} ms = {stamp_s / floor_s:.1f}x"
        )

        without, _ = best_verify("verify, no stamps", db)
        sqlite3.connect(db).execute("DELETE FROM head_timestamp").connection.commit()
        store_stamps(db, pki, args.stamps)
        with_stamps, _ = best_verify(f"verify, {args.stamps} stamps", db)
        print(f"    the stamps add {with_stamps - without:+.2f} s to verify")


if __name__ == "__main__":
    main()
