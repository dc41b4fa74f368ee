"""Precision and recall of the extractor over the labelled corpus.

A candidate counts when `--yes` would record it: it has a claim and scores
at least the default --min-confidence. It matches an expected claim on
symbol + kind + level + deadline (each expected claim at most once).

Four files, kept apart because they say different things:

- corpus.yaml: the rules were tuned on it (in-sample; it guards against
  regressions more than it estimates quality);
- corpus_holdout.yaml: written after tuning, measured, then used to fix
  general rules (first measurement: precision 0.68, recall 0.68);
- corpus_unseen.yaml: never used to change a rule (the honest estimate);
- corpus_dev.yaml: paraphrases of real published articles, for tuning the
  rules to the shapes real text has (its header explains the labels).

An article with a `date` (its publication day) is measured with that date
given, as `forecast extract --made-on DATE` would; without one, `made_on`
(if any) or the dateline decides. Expected entries whose kind the ledger
cannot record yet (support, relative, range, vague) are counted apart, not
in precision and recall; a candidate matching an `optional` reading is
neither a hit nor a false positive.

The thresholds sit a little below the figures measured when they were set.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from extract.quality import corpus_entries

from ledger.claims.model import ClaimKind, format_price
from ledger.cli.extract import DEFAULT_MIN_CONFIDENCE
from ledger.extract import extract_article

HERE = Path(__file__).parent
TODAY = date(2026, 11, 24)  # after every dateline in the corpus

# file: (minimum precision, minimum recall); measured values in the comment
THRESHOLDS = {
    "corpus.yaml": (0.97, 0.97),  # measured 1.000 / 1.000 (53 claims)
    # measured 0.950 / 0.950 (20 claims) once kinds follow the labelling convention
    # (kind_convention.py: eia-brent's "averages $55, falling to about $54" is average_below
    # again), so the floor is back at 0.92; 0.900 / 0.900 after the 2026-12-07 relabel, 0.950 /
    # 0.950 before it; 0.947 / 0.900 after issue 11 round two; was 0.895 / 0.895
    "corpus_holdout.yaml": (0.92, 0.87),
    "corpus_unseen.yaml": (0.95, 0.85),  # measured 1.000 / 0.900 (10 claims); was 1.000 / 0.800
    # measured 0.689 / 0.699 (146 claims, kind included) once kinds follow the convention
    # (kind_convention.py: a price of the day stated after the call, an article that sees
    # prices falling); the rest of the old 0.84 / 0.82 needs the day's price the labels take
    # from outside the text. 0.635 / 0.644 after the 2026-12-07 relabel to one
    # convention (corpus_dev.yaml's header): 41 averages below the day's price became
    # average_below and the extractor still reads most averages as average_above, so the floor
    # drops with the labels, not with the rules. 0.853 / 0.836 on the old labels; 0.847 /
    # 0.836 after issue 11 round seven; 0.841 / 0.836 after round five; 0.828 / 0.822 after
    # round two; 0.786 / 0.630 after round one; first contact 0.380 / 0.260
    "corpus_dev.yaml": (0.67, 0.68),
}
# Speakers right on matched development claims: measured 0.91 (strict) after round five,
# 0.90 after round two.
DEV_SPEAKERS = 0.89
# The pooled floor was set on the three files written for the rules; corpus_dev.yaml
# (real articles, far harder) is measured on its own so that it does not mask them.
POOLED_FILES = ("corpus.yaml", "corpus_holdout.yaml", "corpus_unseen.yaml")
POOLED = (0.96, 0.94)  # measured 0.988 / 0.976 (83 claims); 0.988 / 0.963, was 0.963 / 0.951
SPEAKERS = 0.93  # share of matched claims with the right speaker; measured 0.97
# The kinds labelled as price targets; the others are counted apart (UNRECORDABLE_KINDS).
LEDGER_KINDS = frozenset(kind.value for kind in ClaimKind if not (kind.is_band or kind.is_vague))
# Calls labelled in corpus_dev.yaml that the ledger cannot record yet (issue 10).
UNRECORDABLE_KINDS = frozenset({"support", "relative", "range", "vague"})
ENTRY_FIELDS = {"symbol", "kind", "level", "deadline", "speaker"}

Key = tuple[str, str, str, date]


@dataclass(frozen=True)
class Score:
    true_positives: int
    false_positives: int
    false_negatives: int
    speakers_right: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.true_positives + other.true_positives,
            self.false_positives + other.false_positives,
            self.false_negatives + other.false_negatives,
            self.speakers_right + other.speakers_right,
        )


def load(name: str) -> list[dict[str, Any]]:
    return list(corpus_entries(HERE / name))


def expected_key(entry: dict[str, Any]) -> Key:
    level = entry["level"]
    written = level if isinstance(level, str) else format_price(float(level))
    return (entry["symbol"], entry["kind"], written, entry["deadline"])


def same_speaker(found: str | None, wanted: str | None) -> bool:
    if not found or not wanted:
        return found == wanted
    a, b = found.casefold(), wanted.casefold()
    return a in b or b in a


def recordable(entries: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    """The entries the ledger can record today (the others are counted apart)."""
    return [e for e in entries or [] if e["kind"] in LEDGER_KINDS]


def article_made_on(article: dict[str, Any], *, with_date: bool = True) -> date | None:
    """The day the extractor is told: `made_on`, else the publication `date` if given."""
    return article.get("made_on") or (article.get("date") if with_date else None)


def score_article(article: dict[str, Any], *, with_date: bool = True) -> Score:
    made_on = article_made_on(article, with_date=with_date)
    extraction = extract_article(article["text"], today=TODAY, made_on=made_on)
    recorded = [
        c
        for c in extraction.candidates
        if c.claim is not None and c.confidence >= DEFAULT_MIN_CONFIDENCE
    ]
    expected = recordable(article["expected"])
    wanted = Counter(expected_key(e) for e in expected)
    speakers = {expected_key(e): e.get("speaker") for e in expected}
    found = Counter((c.symbol, c.kind, c.level_key, c.deadline) for c in recorded)
    matched = wanted & found
    right = sum(
        1
        for c in recorded
        if (key := (c.symbol, c.kind, c.level_key, c.deadline)) in matched
        and same_speaker(c.speaker, speakers[key])
    )
    hits = sum(matched.values())
    optional = Counter(expected_key(e) for e in recordable(article.get("optional")))
    excused = sum(((found - matched) & optional).values())
    return Score(hits, sum(found.values()) - hits - excused, sum(wanted.values()) - hits, right)


@cache  # the pooled test counts three files that test_precision_and_recall counts
def score_file(name: str, *, with_date: bool = True) -> Score:
    total = Score(0, 0, 0, 0)
    for article in load(name):
        total = total + score_article(article, with_date=with_date)
    return total


def report(capsys: pytest.CaptureFixture[str], label: str, score: Score) -> None:
    speakers = score.speakers_right / score.true_positives if score.true_positives else 1.0
    with capsys.disabled():
        print(
            f"\n[extract] {label}: precision {score.precision:.3f}, recall {score.recall:.3f}"
            f" (tp {score.true_positives}, fp {score.false_positives},"
            f" fn {score.false_negatives}; speakers right {speakers:.2f})"
        )


@pytest.mark.parametrize("name", sorted(THRESHOLDS))
def test_precision_and_recall(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    score = score_file(name)
    report(capsys, name, score)
    minimum_precision, minimum_recall = THRESHOLDS[name]
    assert score.precision >= minimum_precision
    assert score.recall >= minimum_recall
    if name == "corpus_dev.yaml":
        assert score.speakers_right / score.true_positives >= DEV_SPEAKERS


def test_development_articles_without_their_date(capsys: pytest.CaptureFixture[str]) -> None:
    """Shown, not guarded: how much the figures owe to being told the article's date."""
    score = score_file("corpus_dev.yaml", with_date=False)
    report(capsys, "corpus_dev.yaml without the date", score)
    unrecordable = Counter(
        e["kind"]
        for article in load("corpus_dev.yaml")
        for e in article["expected"]
        if e["kind"] in UNRECORDABLE_KINDS
    )
    with capsys.disabled():
        print(f"[extract] corpus_dev.yaml calls the ledger cannot record yet: {dict(unrecordable)}")
    assert score.true_positives + score.false_negatives > 0


def test_pooled_precision_recall_and_speakers(capsys: pytest.CaptureFixture[str]) -> None:
    total = Score(0, 0, 0, 0)
    for name in POOLED_FILES:
        total = total + score_file(name)
    report(capsys, "pooled (corpus, holdout, unseen)", total)
    assert total.precision >= POOLED[0]
    assert total.recall >= POOLED[1]
    assert total.speakers_right / total.true_positives >= SPEAKERS


# Development files validated like the measured ones but not given a threshold of their own.
UNMEASURED_DEV_FILES = (
    "corpus_dev2.yaml",
    "corpus_dev3.yaml",
    "corpus_dev4.yaml",
    "corpus_dev5.yaml",
    "corpus_dev8.yaml",
    "corpus_dev9.yaml",
)


def test_corpus_is_as_described() -> None:
    articles = [a for name in (*THRESHOLDS, *UNMEASURED_DEV_FILES) for a in load(name)]
    tuning = load("corpus.yaml")
    assert len(tuning) >= 30
    assert sum(1 for a in tuning if not a["expected"]) >= 8  # negatives: past, conditional, vague
    ids = [a["id"] for a in articles]
    assert len(ids) == len(set(ids))
    for article in articles:
        for entry in article["expected"]:
            assert set(entry) == ENTRY_FIELDS, article["id"]
            assert entry["kind"] in LEDGER_KINDS | UNRECORDABLE_KINDS, article["id"]
            if entry["kind"] in LEDGER_KINDS:
                assert isinstance(entry["deadline"], date), article["id"]
            else:
                assert entry["deadline"] is None or isinstance(entry["deadline"], date)
        for entry in article.get("optional") or []:
            assert set(entry) == ENTRY_FIELDS | {"flag"}, article["id"]
            assert entry["kind"] in LEDGER_KINDS | UNRECORDABLE_KINDS, article["id"]


def test_development_corpus_is_as_described() -> None:
    """Real articles, cited: enough of them, from enough outlets, with negatives."""
    articles = load("corpus_dev.yaml")
    assert len(articles) >= 45
    assert len({a["outlet"] for a in articles}) >= 30
    assert sum(1 for a in articles if not a["expected"] and not a.get("optional")) >= 6
    for article in articles + [a for name in UNMEASURED_DEV_FILES for a in load(name)]:
        assert {"id", "outlet", "url", "date", "style", "text", "expected", "notes"} <= set(article)
        assert str(article["url"]).startswith(("http://", "https://")), article["id"]
        assert isinstance(article["date"], date) and article["date"] <= TODAY, article["id"]


@pytest.mark.parametrize(
    "article",
    [pytest.param(a, id=a["id"]) for a in load("corpus.yaml") if not a["expected"]],
)
def test_negative_articles_give_nothing_to_record(article: dict[str, Any]) -> None:
    score = score_article(article)
    assert score.false_positives == 0


JPM_CALL = {
    "symbol": "GC=F",
    "kind": "touch_above",
    "level": 5055,
    "deadline": date(2026, 12, 31),
    "speaker": "JPMorgan",
}
JPM_RANGE = {
    "symbol": "GC=F",
    "kind": "range",
    "level": [4500, 5500],
    "deadline": date(2026, 12, 31),
    "speaker": "JPMorgan",
}


@pytest.mark.parametrize(
    ("expected", "optional", "score"),
    [
        pytest.param([JPM_CALL], [], Score(1, 0, 0, 1), id="expected-call-is-a-hit"),
        pytest.param([], [], Score(0, 1, 0, 0), id="unlabelled-call-is-a-false-positive"),
        pytest.param([], [JPM_CALL | {"flag": "hedged"}], Score(0, 0, 0, 0), id="optional-excused"),
        pytest.param([JPM_CALL, JPM_RANGE], [], Score(1, 0, 0, 1), id="range-counted-apart"),
    ],
)
def test_scoring_rules_for_labels(
    expected: list[dict[str, Any]], optional: list[dict[str, Any]], score: Score
) -> None:
    article = {
        "text": "JPMorgan expects gold to reach $5,055 by the end of 2026.",
        "date": date(2025, 11, 20),
        "expected": expected,
        "optional": optional,
    }
    assert score_article(article) == score
