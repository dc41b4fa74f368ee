"""Dump every candidate an extractor proposes for a corpus file, as JSON lines (issue 11).

Run under the extractor to be measured: `PYTHONPATH=DIR python bench/acceptance_dump.py FILE`,
DIR being this checkout or an old revision unpacked with `git archive`. It imports only
`ledger.extract.extract_article` and reads only stable Candidate fields, so it runs on
every revision since 405b15a (the first with `Candidate.lowered_by`). Each line is one
candidate of the article read with its date given, as the quality harness's first reading.
bench/train_acceptance.py labels the lines with today's harness and today's labels.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import yaml

from ledger.extract import extract_article

TODAY = date(2026, 12, 6)  # tests/extract/quality.py's DEFAULT_TODAY since it was introduced


def main() -> None:
    path = Path(sys.argv[1])
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    entries = yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or []
    out = sys.stdout
    for entry in entries:
        day = entry.get("date") or entry.get("made_on")
        day = day if isinstance(day, date) else None
        try:
            extraction = extract_article(str(entry["text"]), today=TODAY, made_on=day)
        except Exception as error:  # an old extractor may raise; the article then has no rows
            print(f"{path.name} {entry['id']}: {type(error).__name__}: {error}", file=sys.stderr)
            continue
        for index, candidate in enumerate(extraction.candidates):
            row = candidate.to_json()
            claim = candidate.claim
            row["article_id"] = str(entry["id"])
            row["index"] = index
            row["versus"] = getattr(claim, "versus_symbol", None) if claim else None
            row["has_claim"] = claim is not None
            row["side_unstated"] = bool(getattr(candidate, "side_unstated", False))
            row["made_on"] = extraction.made_on.isoformat()
            out.write(json.dumps(row, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
