"""The quality harness (issue 11) counts what the protocol says, and the test sets are well formed.

No figure of the extractor on the test sets is asserted here: they are quoted, not
guarded (see their headers). corpus_test.yaml and corpus_test2.yaml were the frozen
set until 2026-12-06, corpus_test3.yaml and corpus_test4.yaml until 2026-12-07 (right after
corpus_test5.yaml's first contact), corpus_test5.yaml until 2026-12-07 (right after
corpus_test7.yaml's first contact), corpus_test6.yaml until 2026-12-07 (session 11, to open its
failures), corpus_test7.yaml until 2026-12-07 (session 12, likewise), corpus_test8.yaml until
2026-12-07 (session 13, likewise), corpus_test10.yaml until 2026-12-07 (session 14, right after
corpus_test11.yaml's first contact), corpus_test9.yaml until 2026-12-08 (session 18, to open its
failures); all ten are development files from then on, and the frozen set is corpus_test11.yaml,
corpus_test12.yaml, corpus_test13.yaml and corpus_test14.yaml (written 2026-12-07 and 2026-12-08,
labelled before any extraction).
FROZEN_SETS below still checks the retired batches' shape (articles,
outlets, negatives, dates), which holds whatever they are used for.
"""

from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import urlparse

import pytest
from extract.quality import (
    CORPUS_DIR,
    CORPUS_FILES,
    DEVELOPMENT_FILES,
    FROZEN_FILES,
    SEPARATE_KINDS,
    Article,
    Expected,
    Found,
    Tally,
    corpus_entries,
    load_articles,
    matches,
    maximum_matching,
    same_speaker_lenient,
    same_speaker_strict,
    score_article,
)

from ledger.claims.model import LEVEL_KINDS

END_2026 = date(2026, 12, 31)


def expected(level: float | str | None = 5055.0, **changes: object) -> Expected:
    fields: dict[str, object] = {
        "symbol": "GC=F",
        "kind": "touch_above",
        "level": level,
        "deadline": END_2026,
        "speaker": "JPMorgan",
    }
    fields.update(changes)
    return Expected(**fields)  # type: ignore[arg-type]


def found(level: float | None = 5055.0, **changes: object) -> Found:
    fields: dict[str, object] = {
        "symbol": "GC=F",
        "kind": "touch_above",
        "level": level,
        "relative": None,
        "deadline": END_2026,
        "speaker": "JPMorgan",
        "confidence": 0.9,
        "claim_text": "gold reaches $5,055 by end-2026",
    }
    fields.update(changes)
    return Found(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("candidate", "wanted", "result"),
    [
        pytest.param(found(5055 * 1.01), expected(), True, id="level-1pct-above-matches"),
        pytest.param(found(5055 * 0.99), expected(), True, id="level-1pct-below-matches"),
        pytest.param(found(5055 * 1.0101), expected(), False, id="level-just-over-1pct-misses"),
        pytest.param(
            found(deadline=END_2026 + timedelta(days=31)), expected(), True, id="deadline-31-days"
        ),
        pytest.param(
            found(deadline=END_2026 - timedelta(days=32)), expected(), False, id="deadline-32-days"
        ),
        pytest.param(found(symbol="SI=F"), expected(), False, id="other-symbol"),
        pytest.param(
            found(156.0, symbol="JPY=X"),
            expected(156.0, symbol="USDJPY=X"),
            True,
            id="two-tickers-of-one-series",
        ),
        pytest.param(
            found(156.0, symbol="EURJPY=X"),
            expected(156.0, symbol="USDJPY=X"),
            False,
            id="another-yen-cross",
        ),
        pytest.param(found(kind="average_above"), expected(), True, id="kind-is-not-matched"),
        pytest.param(
            found(level=None, relative="+20%"), expected("+20%"), True, id="same-relative-level"
        ),
        pytest.param(found(level=None, relative="+20%"), expected(), False, id="relative-vs-price"),
        pytest.param(
            found(230000.0, symbol="BTC-USD"),
            expected(200000.0, symbol="BTC-USD", kind="range", level_high=250000.0),
            True,
            id="inside-a-range",
        ),
        pytest.param(
            found(199000.0, symbol="BTC-USD"),
            expected(200000.0, symbol="BTC-USD", kind="range", level_high=250000.0),
            True,
            id="range-end-within-1pct",
        ),
        pytest.param(
            found(260000.0, symbol="BTC-USD"),
            expected(200000.0, symbol="BTC-USD", kind="range", level_high=250000.0),
            False,
            id="outside-a-range",
        ),
        pytest.param(
            found(), expected(None, kind="vague", deadline=None), False, id="vague-without-level"
        ),
        pytest.param(
            found(), expected(kind="vague", deadline=None), True, id="vague-level-no-deadline"
        ),
    ],
)
def test_match_rule(candidate: Found, wanted: Expected, result: bool) -> None:
    assert matches(wanted, candidate) is result


def test_matching_is_maximum_not_greedy() -> None:
    # The first candidate fits both labels; a greedy pass that gives it to the
    # first label leaves the second candidate (which fits only that label) unmatched.
    labels = [expected(100.0), expected(100.9)]
    candidates = [found(100.5), found(100.0)]
    pairs = maximum_matching(labels, candidates, taken=set())
    assert sorted(pairs) == [(0, 1), (1, 0)]


def test_each_expected_claim_is_matched_at_most_once() -> None:
    pairs = maximum_matching([expected()], [found(), found()], taken=set())
    assert pairs == [(0, 0)]


def test_a_taken_candidate_is_not_matched_again() -> None:
    assert maximum_matching([expected()], [found()], taken={0}) == []


@pytest.mark.parametrize(
    ("name", "label", "strict", "lenient"),
    [
        ("Goldman Sachs", "goldman  sachs", True, True),
        ("Goldman", "Goldman Sachs", False, True),
        ("Wayne Gordon", "UBS", False, False),
        (None, "UBS", False, False),
        (None, None, True, True),
    ],
)
def test_speaker_comparisons(name: str | None, label: str | None, strict: bool, lenient: bool):
    assert same_speaker_strict(name, label) is strict
    assert same_speaker_lenient(name, label) is lenient


def test_tally_ratios_and_sum() -> None:
    nothing = Tally()
    assert (nothing.precision, nothing.recall, nothing.share(0)) == (1.0, 1.0, 1.0)
    total = Tally(true_positives=3, false_positives=1) + Tally(
        true_positives=1, false_negatives=4, speakers_strict=2
    )
    assert (total.precision, total.recall, total.share(total.speakers_strict)) == (0.8, 0.5, 0.5)


ONE_CALL = "November 20, 2025\n\nJPMorgan expects gold to reach $5,055 by the end of 2026.\n"


def article(*labels: Expected, text: str = ONE_CALL) -> Article:
    return Article(id="a", text=text, expected=labels, day=date(2025, 11, 20))


def test_a_matched_call_is_a_true_positive_with_speaker_and_kind() -> None:
    result = score_article(article(expected()), with_date=True)
    tally = result.tally
    assert (tally.true_positives, tally.false_positives, tally.false_negatives) == (1, 0, 0)
    assert (tally.speakers_strict, tally.kinds_right) == (1, 1)
    assert result.failures() == []


def test_an_unlabelled_call_is_a_false_positive_and_a_missed_label_a_false_negative() -> None:
    result = score_article(article(expected(4000.0)), with_date=True)
    tally = result.tally
    assert (tally.true_positives, tally.false_positives, tally.false_negatives) == (0, 1, 1)
    assert any(line.startswith("missed") for line in result.failures())
    assert any(line.startswith("spurious") for line in result.failures())


def test_an_optional_reading_is_neither_hit_nor_miss() -> None:
    matched = score_article(article(expected(optional=True)), with_date=True).tally
    unmatched = score_article(article(expected(4000.0, optional=True)), with_date=True).tally
    assert (matched.true_positives, matched.false_positives, matched.optional_matched) == (0, 0, 1)
    assert (unmatched.false_negatives, unmatched.false_positives) == (0, 1)


def test_a_separate_kind_call_recorded_is_counted_apart() -> None:
    label = expected(5000.0, kind="range", level_high=5100.0)
    tally = score_article(article(label), with_date=True).tally
    assert (tally.false_positives, tally.separate_recorded, tally.separate_total) == (0, 1, 1)


def test_without_the_date_the_extractor_falls_back_to_today() -> None:
    undated = "JPMorgan expects gold to reach $5,055 by the end of next year.\n"
    given = score_article(article(expected(), text=undated), with_date=True)
    fallback = score_article(
        article(expected(), text=undated), with_date=False, today=date(2026, 12, 6)
    )
    assert given.made_on == date(2025, 11, 20)
    assert fallback.made_on == date(2026, 12, 6)
    assert (given.tally.true_positives, fallback.tally.true_positives) == (1, 0)


# ------------------------------------------------------------ the test sets' shape

# Each frozen batch: (minimum articles, minimum outlets, minimum articles with nothing to record).
FROZEN_SETS = {
    "corpus_test.yaml": (55, 20, 6),
    "corpus_test2.yaml": (40, 30, 6),
    "corpus_test3.yaml": (55, 30, 8),
    "corpus_test4.yaml": (45, 25, 2),
    "corpus_test5.yaml": (45, 25, 5),
    "corpus_test6.yaml": (45, 25, 6),
    # The seventh batch's brief: at least 55 articles, 35 outlets and 10 negatives.
    "corpus_test7.yaml": (55, 35, 10),
    # The eighth batch's brief: at least 60 articles, 40 outlets and 12 negatives.
    "corpus_test8.yaml": (60, 40, 12),
    # The ninth batch's brief: at least 60 articles, 40 outlets and 12 negatives.
    "corpus_test9.yaml": (60, 40, 12),
    # The tenth batch's brief: at least 60 articles, 45 outlets and 12 negatives.
    "corpus_test10.yaml": (60, 45, 12),
    # The eleventh batch's brief: at least 65 articles, 50 outlets and 14 negatives.
    "corpus_test11.yaml": (65, 50, 14),
    # The twelfth batch's brief: at least 70 articles, 55 outlets and 14 negatives.
    "corpus_test12.yaml": (70, 55, 14),
    # The thirteenth batch's brief: at least 60 articles, 30 outlets and 8 negatives.
    "corpus_test13.yaml": (60, 30, 8),
    # The fourteenth batch's brief: at least 65 articles, 45 outlets and 10 negatives.
    "corpus_test14.yaml": (65, 45, 10),
}
# The day the second and third batches were frozen; no article of any batch may postdate it.
FROZEN_BY = date(2026, 12, 6)
RAW_KEYS = {"id", "outlet", "url", "date", "style", "text", "expected", "notes"}
PRICE_KINDS = {kind.value for kind in LEVEL_KINDS}


def raw_entries(name: str) -> tuple[dict[str, object], ...]:
    """One corpus file's entries as written, parsed once per test process (the URL checks
    read every file once for each frozen batch; nothing here changes an entry)."""
    return corpus_entries(CORPUS_DIR / name)


@pytest.mark.parametrize(("name", "minimum"), FROZEN_SETS.items())
def test_each_frozen_set_is_as_issue_11_asks(name: str, minimum: tuple[int, int, int]) -> None:
    articles, outlets, negatives = minimum
    raw = raw_entries(name)
    assert len(raw) >= articles
    assert all(set(entry) == RAW_KEYS for entry in raw)
    assert len({entry["outlet"] for entry in raw}) >= outlets
    assert sum(1 for entry in raw if not entry["expected"]) >= negatives
    assert all(urlparse(str(entry["url"])).scheme in {"http", "https"} for entry in raw)
    assert all(isinstance(entry["date"], date) for entry in raw)
    assert all(entry["date"] <= FROZEN_BY for entry in raw)  # type: ignore[operator]
    ids = [entry["id"] for entry in raw]
    assert len(set(ids)) == len(ids)


def test_no_article_is_in_two_files() -> None:
    """A held-out article must not also sit in a file the rules are tuned on: ids differ
    across every corpus file, and neither frozen batch cites a page any other file cites.

    (corpus_test.yaml's seven articles whose pages corpus_dev.yaml also paraphrases were
    moved to corpus_seen.yaml, out of the quoted figures.)"""
    ids = [a.id for name in CORPUS_FILES for a in load_articles(CORPUS_DIR / name)]
    assert len(set(ids)) == len(ids)
    for frozen in FROZEN_SETS:
        others = {
            str(entry["url"])
            for name in CORPUS_FILES
            if name != frozen
            for entry in raw_entries(name)
            if "url" in entry
        }
        # The message names the clashing URLs, which the other file cites too: whoever writes a
        # development batch learns which of their own pages to replace without opening the
        # frozen file.
        clashes = {str(entry["url"]) for entry in raw_entries(frozen)} & others
        assert not clashes, f"{frozen} already cites: {sorted(clashes)}"


# Development batches written after the frozen sets, to widen what the rules see.
NEW_DEV_BATCHES = (
    "corpus_dev2.yaml",
    "corpus_dev3.yaml",
    "corpus_dev4.yaml",
    "corpus_dev5.yaml",
    "corpus_dev6.yaml",
    "corpus_dev7.yaml",
    "corpus_dev8.yaml",
    "corpus_dev9.yaml",
    "corpus_dev10.yaml",
    "corpus_dev11.yaml",
)


@pytest.mark.parametrize("name", NEW_DEV_BATCHES)
def test_each_later_development_batch_cites_new_pages(name: str) -> None:
    """corpus_dev2.yaml to corpus_dev11.yaml were written to widen what the rules see: none of
    their pages may be one that another corpus file already paraphrases, and each cites a page
    once."""
    urls = [str(entry["url"]) for entry in raw_entries(name)]
    assert len(set(urls)) == len(urls)
    others = {
        str(entry["url"])
        for other in CORPUS_FILES
        if other != name
        for entry in raw_entries(other)
        if "url" in entry
    }
    assert not set(urls) & others


@pytest.mark.parametrize(
    "entry",
    [
        pytest.param(a, id=a.id)
        for name in (*FROZEN_SETS, *NEW_DEV_BATCHES)
        for a in load_articles(CORPUS_DIR / name)
    ],
)
def test_each_label_is_well_formed(entry: Article) -> None:
    for label in entry.expected:
        assert label.kind in PRICE_KINDS | SEPARATE_KINDS
        if label.kind in PRICE_KINDS:
            assert label.level is not None and isinstance(label.deadline, date)
            assert label.deadline > entry.day  # type: ignore[operator]
        if label.level_high is not None:
            assert label.kind == "range" and isinstance(label.level, float)
            assert label.level < label.level_high


# ------------------------------------------------------------ the development figures

# The frozen set, the only place quoted figures come from; never guarded, never tuned on.
CURRENT_FROZEN = FROZEN_FILES
# Pooled over every development file, date given, as bench/extract_quality.py counts them:
# measured 0.921 / 0.839, speakers 0.91 strict (1,058 claims, 543 articles) after the twelfth
# round (2026-12-07; 0.914 / 0.826 after the ninth). On 2026-12-07 corpus_test3.yaml and
# corpus_test4.yaml (137 claims at 0.716 / 0.737, never tuned on) joined the development files:
# pooled 0.896 / 0.828, speakers 0.90 (1,195 claims, 653 articles), so the precision floor went
# from 0.91 to 0.89 for that reason alone. Later that day the development labels were brought
# to one convention (pooled 0.908 / 0.837 -> 0.911 / 0.837, speakers 0.91 -> 0.92), and
# corpus_dev8.yaml (77 claims at 0.750 / 0.545, never tuned on) and corpus_test5.yaml (61 claims
# at 0.755 / 0.656, retired from the frozen set) joined them: pooled 0.897 / 0.812, speakers
# 0.91 (1,335 claims, 755 articles), so the recall
# floor went from 0.82 to 0.81 for that reason alone. A later round may raise these; lowering
# one needs a reason in its note. After rounds 16-18 and the kind convention (end of
# 2026-12-07): 0.915 / 0.833, speakers 0.94, so the floors went up to 0.90 / 0.82 / 0.92. At the
# start of session 11 corpus_test6.yaml (72 claims at 0.763 / 0.625, never tuned on) joined them:
# pooled 0.908 / 0.822, speakers 0.93 (1,407 claims, 810 articles); the floors hold. Then
# corpus_dev9.yaml (94 claims at 0.863 / 0.670 at first contact, labelled before any extraction)
# joined them: pooled 0.906 / 0.813, speakers 0.93 (1,501 claims, 868 articles), so the recall
# floor went from 0.82 to 0.81 for that reason alone. After rounds 19-21, speakers2 and the
# generated paraphrases: 0.919 / 0.851, speakers 0.95; corpus_dev10.yaml (33 claims at 0.615 /
# 0.727 at first contact) then joined: pooled 0.911 / 0.849, speakers 0.95 (1,534 claims, 905
# articles), so the floors went up to 0.90 / 0.83 / 0.93.
# At the start of session 12 corpus_test7.yaml (140 claims at 0.780 / 0.686, speakers 0.74, never
# tuned on) joined them: pooled 0.901 / 0.835, speakers 0.93 (1,674 claims, 989 articles); the
# floors hold. Then corpus_dev11.yaml (62 claims at 0.724 / 0.677, speakers 0.64 at first contact,
# labelled before any extraction; 59 claims at 0.719 / 0.695 after four articles also in the frozen
# corpus_test9.yaml were dropped) joined them: pooled 0.894 / 0.830, speakers 0.92 (1,733 claims,
# 1,034 articles), under all three floors for that reason alone, so they went down to 0.89 / 0.82
# / 0.92 for that reason alone. After rounds 22-24, speakers3, headings and surveys (end of session
# 12): 0.918 / 0.844, speakers 0.943, so the floors went up to 0.91 / 0.84 / 0.94.
# At the start of session 13 corpus_test8.yaml (52 claims at 0.682 / 0.577, speakers 0.60, never
# tuned on, frozen two sessions) joined them: pooled 0.911 / 0.836, speakers 0.936 (1,785 claims,
# 1,097 articles), under the recall and speaker floors for that reason alone, so they went down
# to 0.83 and 0.93. After rules25, precision26 (which also let an outperformance reading match
# its label), speakers4 and grammar27 (end of session 13): 0.931 / 0.849, speakers 0.95, so the
# floors went up to 0.92 / 0.84 / 0.94.
# In session 14 corpus_test10.yaml (98 claims at 0.808 / 0.602, speakers 0.83, never tuned on,
# frozen one session) joined them: pooled 0.924 / 0.836, speakers 0.95 (1,883 claims, 1,167
# articles), under the recall floor for that reason alone, so it went down to 0.83. After the lead's
# rules, speakers5, recall28, precision27 and rules29 (end of session 14): 0.931 / 0.860, speakers
# 0.96, so the floors went up to 0.93 / 0.85 / 0.95.
# In session 18 corpus_test9.yaml (103 claims at 0.828 / 0.796, speakers 0.80, never tuned on,
# frozen four sessions) joined them: pooled 0.942 / 0.852, speakers 0.96 (1,986 claims, 1,249
# articles); the floors hold.
DEVELOPMENT_FLOOR = {"precision": 0.93, "recall": 0.85, "speakers": 0.95}


def test_the_pooled_development_figures_hold() -> None:
    from extract.quality import score_file

    development = list(DEVELOPMENT_FILES)
    assert len(development) == len(CORPUS_FILES) - len(CURRENT_FROZEN)
    total = Tally()
    for name in development:
        total = total + score_file(CORPUS_DIR / name, with_date=True).tally
    assert total.errors == 0
    assert total.precision >= DEVELOPMENT_FLOOR["precision"], total
    assert total.recall >= DEVELOPMENT_FLOOR["recall"], total
    assert total.share(total.speakers_strict) >= DEVELOPMENT_FLOOR["speakers"], total


def test_a_bare_quality_run_reads_no_frozen_file() -> None:
    """Tuning on the frozen set begins with reading its failures: the quality bench reads it
    only when asked with --frozen, and never lists its failures."""
    import subprocess
    import sys

    from extract.quality import corpus_paths

    assert not {path.name for path in corpus_paths()} & set(FROZEN_FILES)
    assert [path.name for path in corpus_paths(frozen=True)] == list(FROZEN_FILES)
    bench = CORPUS_DIR.parents[1] / "bench" / "extract_quality.py"
    refused = subprocess.run(
        [sys.executable, str(bench), FROZEN_FILES[0], "--verbose"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert refused.returncode == 2
    assert "--verbose would show the failures of the frozen set" in refused.stderr
    assert "precision" not in refused.stdout
