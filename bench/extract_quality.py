"""Print the quality figures of `forecast extract` over the labelled corpora (issue 11).

Per file and pooled, with each article's date given (as `--made-on DATE`),
without it, and without it but with the article's URL (as `forecast extract
URL` reads a page, whose URL may carry a date): precision and recall of the
claims `--yes` would record, speaker accuracy (strict: equal up to case and
spacing; lenient: one name contains the other) and kind accuracy on the matched claims, optional
readings matched, and calls of a kind the ledger cannot record yet
(support/relative/range/vague) that were recorded anyway. The protocol is
in tests/extract/quality.py.

Run: .venv/bin/python bench/extract_quality.py [FILE ...] [--frozen] [--today D] [--verbose]
FILE is a path or a name in tests/extract/ (default: every development
file; --frozen: the frozen set, whose figures are the ones to quote).
--verbose lists, per article, what was missed, what was recorded that
should not have been, and wrong kinds and speakers; it is refused on a
frozen file, whose failures nobody may read before the file retires.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from extract.quality import (
    DEFAULT_TODAY,
    FROZEN_FILES,
    FileResult,
    Tally,
    corpus_paths,
    score_file,
)

from ledger.extract.acceptance import ACCEPTANCES, decided

HEADER = (
    f"{'file':<24}{'articles':>9}{'claims':>7}{'tp':>5}{'fp':>5}{'fn':>5}"
    f"{'precision':>10}{'recall':>8}{'speaker s/l':>13}{'kind':>7}{'optional':>10}"
    f"{'separate':>10}"
)


def row(label: str, tally: Tally) -> str:
    claims = tally.true_positives + tally.false_negatives
    errors = f"  ({tally.errors} articles raised)" if tally.errors else ""
    return (
        f"{label:<24}{tally.articles:>9}{claims:>7}{tally.true_positives:>5}"
        f"{tally.false_positives:>5}{tally.false_negatives:>5}{tally.precision:>10.3f}"
        f"{tally.recall:>8.3f}"
        f"{tally.share(tally.speakers_strict):>7.2f}/{tally.share(tally.speakers_lenient):.2f}"
        f"{tally.share(tally.kinds_right):>7.2f}"
        f"{f'{tally.optional_matched}/{tally.optional_total}':>10}"
        f"{f'{tally.separate_recorded}/{tally.separate_total}':>10}{errors}"
    )


def table(title: str, files: list[FileResult]) -> list[str]:
    lines = [title, HEADER]
    pooled = Tally()
    for result in files:
        lines.append(row(result.name, result.tally))
        pooled = pooled + result.tally
    if len(files) > 1:
        lines.append(row("pooled", pooled))
    return lines


def failures(title: str, files: list[FileResult]) -> list[str]:
    lines = [f"failures, {title}"]
    for result in files:
        for article in result.results:
            problems = article.failures()
            if problems:
                lines.append(f"  {result.name} {article.article_id} (made on {article.made_on})")
                lines.extend(f"    {problem}" for problem in problems)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", help="corpus files (default: the development files)")
    parser.add_argument(
        "--frozen", action="store_true", help="the frozen set's files (figures only, no --verbose)"
    )
    parser.add_argument(
        "--today",
        type=date.fromisoformat,
        default=DEFAULT_TODAY,
        help=f"the day the extractor falls back to without a date (default {DEFAULT_TODAY})",
    )
    parser.add_argument("--verbose", action="store_true", help="list the failures per article")
    parser.add_argument(
        "--acceptance",
        choices=ACCEPTANCES,
        default="vetted",
        help="how --yes decides, as forecast extract --acceptance (default: vetted)",
    )
    args = parser.parse_args()
    if args.frozen and args.files:
        parser.error("name files or give --frozen, not both")
    paths = corpus_paths(args.files, frozen=args.frozen)
    missing = [str(path) for path in paths if not path.exists()]
    if missing:
        parser.error(f"no such corpus file: {', '.join(missing)}")
    frozen = [path.name for path in paths if path.name in FROZEN_FILES]
    if args.verbose and frozen:
        parser.error(
            f"--verbose would show the failures of the frozen set ({', '.join(frozen)}):"
            " run it on development files only"
        )
    _, bar = decided([], args.acceptance)
    print(
        "match: same symbol, level within 1%, deadline within 31 days; counted when --yes would"
        f" record it (a claim, confidence >= {bar}, acceptance {args.acceptance})"
    )
    print(
        "speaker s/l: strict / lenient share of matched claims; optional: optional readings"
        " matched; separate: support/relative/range/vague calls recorded as price claims"
    )
    readings = (
        (True, False, "date given (--made-on)"),
        (False, False, "date not given"),
        (False, True, "URL given, no date (forecast extract URL)"),
    )
    for with_date, with_url, title in readings:
        results = [
            score_file(
                path,
                with_date=with_date,
                today=args.today,
                with_url=with_url,
                acceptance=args.acceptance,
            )
            for path in paths
        ]
        print()
        print("\n".join(table(title, results)))
        if args.verbose:
            print()
            print("\n".join(failures(title, results)))


if __name__ == "__main__":
    main()
