"""Two processes adding claims and a resolve run at once: every change is
logged, in one unforked sequence (appends queue on the head row's lock)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from cli_runner import forecast

# Each process imports everything, then waits for the others at a starting
# line (a file the test creates once all are ready), so their writes overlap
# instead of following each other's start-up.
START = """
import pathlib, sys, time
from ledger.cli.app import run
ready, go = pathlib.Path(sys.argv[-2]), pathlib.Path(sys.argv[-1])
ready.touch()
while not go.exists():
    time.sleep(0.01)
"""
WRITER = (
    START
    + """
url, source, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
for i in range(count):
    code = run(["--db", url, "add", f"gold ${6100 + i * 7 + len(source)} by 2027-06-30",
                "-s", source, "--made-on", "2025-11-20"])
    assert code == 0, code
"""
)
RESOLVER = (
    START
    + """
url, prices = sys.argv[1], sys.argv[2]
code = run(["--db", url, "resolve", "--prices", f"csv:{prices}", "--as-of", "2026-07-10"])
assert code == 0, code
"""
)


def test_concurrent_writers_never_fork_the_log(
    capsys, ledger_url: str, prices: Path, tmp_path: Path
) -> None:
    batch = tmp_path / "batch.yaml"
    batch.write_text(
        "predictions:\n"
        + "".join(
            f"  - source: Bank\n    made_on: 2025-11-20\n"
            f'    claim: "gold ${4100 + i} by 2026-06-30"\n'
            for i in range(40)
        )
    )
    assert forecast(capsys, "--db", ledger_url, "import", str(batch)).code == 0
    go = tmp_path / "go"
    ready = [tmp_path / f"ready-{n}" for n in range(3)]
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, ledger_url, name, "12", str(r), str(go)])
        for name, r in (("Alpha", ready[0]), ("Beta", ready[1]))
    ]
    resolver = subprocess.Popen(
        [sys.executable, "-c", RESOLVER, ledger_url, str(prices), str(ready[2]), str(go)]
    )
    deadline = time.monotonic() + 120
    while not all(r.exists() for r in ready) and time.monotonic() < deadline:
        time.sleep(0.05)
    go.touch()
    for process in (*writers, resolver):
        assert process.wait(timeout=300) == 0

    result = forecast(capsys, "--db", ledger_url, "verify", "--json")
    assert result.code == 0, result.out
    report = result.json()
    claims = forecast(capsys, "--db", ledger_url, "list", "--json").json()
    assert len(claims) == 40 + 24
    assert sum(c["status"] == "true" for c in claims) == 40
    entries = [
        json.loads(e)
        for e in forecast(capsys, "--db", ledger_url, "export", "-f", "json").json()["log"][
            "entries"
        ]
    ]
    assert report["size"] == len(entries)
    kinds = [e["type"] for e in entries]
    # 3 sources, 64 claims, 40 resolutions: nothing lost, nothing twice.
    assert (kinds.count("source"), kinds.count("claim"), kinds.count("resolution")) == (3, 64, 40)
