"""Fit the acceptance model (ledger/extract/acceptance.py) and measure it leave-one-file-out.

Issue 11: the rule confidence at 0.6 is badly calibrated on text the extractor
was never tuned on. This script labels candidates with today's harness and
today's labels (tests/extract/quality.py: a candidate is right when the
maximum matching pairs it with a price target, wrong when it is left over,
and left out of the fit when it matches an optional reading or a separate
kind), fits an L2 logistic regression with SciPy, and prints, for every
held-out file, the rule at 0.6 against the model (precision and recall of the
accepted set, matched again exactly as the harness does, and AUC).

Two sources of rows (JSON lines written by bench/acceptance_dump.py):
- "first": the extractor of a revision at which the file was frozen or just
  written, i.e. had never been tuned on (FIRST_CONTACT below);
- "now": this checkout's extractor on every development file.

Run:
  .venv/bin/python bench/train_acceptance.py --dump DIR     # write the rows (git archive)
  .venv/bin/python bench/train_acceptance.py DIR            # the table
  .venv/bin/python bench/train_acceptance.py DIR --write    # and write the weights module
  (--no-tables: the shipped model only). The rows of the committed weights are today's
  extractor's *before* the model (rule scores): `rule_confidence` is read where present.
Deterministic: the same rows give the same table and the same weights.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from io import BytesIO
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from extract.quality import (  # noqa: E402
    CORPUS_DIR,
    DEVELOPMENT_FILES,
    FROZEN_FILES,
    Article,
    Expected,
    Found,
    load_articles,
    maximum_matching,
)

from ledger.extract.acceptance import (  # noqa: E402
    CAPPED_FEATURES,
    FEATURE_NAMES,
    facts_from_json,
    feature_vector,
    rule_score,
)
from ledger.extract.patterns.confidence_scores import RULE_BAR  # noqa: E402

# Each file and the revision whose extractor first read it without having been tuned on it:
# the file was frozen (test6-test10) or had just been committed (dev9-dev11) there, and the
# revision has Candidate.lowered_by (405b15a is the first that does).
FIRST_CONTACT = {
    "corpus_test6.yaml": "405b15a",
    "corpus_test7.yaml": "800e12d",
    "corpus_test8.yaml": "800e12d",
    "corpus_test10.yaml": "59415ca",
    "corpus_dev9.yaml": "5ff0fff",
    "corpus_dev10.yaml": "bb91e7f",
    "corpus_dev11.yaml": "8f6a0e8",
}
RULE_THRESHOLD = 0.6
L2 = 1.0  # the penalty on the squared weights (the intercept is not penalised)
THRESHOLDS = tuple(round(0.30 + 0.01 * i, 2) for i in range(51))  # 0.30 .. 0.80
WEIGHTS_MODULE = ROOT / "ledger" / "extract" / "patterns" / "acceptance_weights.py"


# ------------------------------------------------------------------ rows


def dump(out: Path) -> None:
    """Write first_<file>.jsonl (old extractors) and now_<file>.jsonl (this one) into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    script = ROOT / "bench" / "acceptance_dump.py"
    for name, revision in FIRST_CONTACT.items():
        assert name not in FROZEN_FILES
        with tempfile.TemporaryDirectory() as tree:
            unpack_ledger(revision, tree)
            _dump_one(script, CORPUS_DIR / name, Path(tree), out / f"first_{name}.jsonl")
    for name in DEVELOPMENT_FILES:
        _dump_one(script, CORPUS_DIR / name, ROOT, out / f"now_{name}.jsonl")


def unpack_ledger(revision: str, tree: str) -> None:
    """The `ledger` package as it was at `revision`, written under `tree` (git archive)."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", revision, "ledger"], check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(tree, filter="data")


def _dump_one(script: Path, corpus: Path, tree: Path, target: Path) -> None:
    with target.open("w", encoding="utf-8") as handle:
        subprocess.run(
            [sys.executable, str(script), str(corpus)],
            check=True,
            stdout=handle,
            env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
        )


@dataclass
class FileData:
    """One file's claim candidates under one extractor: features, labels, and the articles."""

    name: str
    features: np.ndarray  # rows x features
    labels: np.ndarray  # 1 right, 0 wrong, nan neutral (optional reading, separate kind)
    rule: np.ndarray  # the rule confidence
    articles: list[tuple[Article, list[Found], np.ndarray]]  # article, found, row indices
    memo: dict[tuple[int, tuple[int, ...]], Counts] = field(default_factory=dict)


def _found(row: dict) -> Found:
    return Found(
        symbol=row["symbol"],
        kind=row["kind"],
        level=row["level"] if row.get("relative") is None else None,
        relative=row.get("relative"),
        deadline=date.fromisoformat(row["deadline"]),
        speaker=row.get("speaker"),
        confidence=rule_score(row),
        claim_text=row.get("claim") or row["canonical"],
        versus=row.get("versus"),
    )


def _stages(article: Article) -> tuple[list[Expected], list[Expected], list[Expected]]:
    targets = [e for e in article.expected if not e.optional and not e.separate]
    optional = [e for e in article.expected if e.optional and not e.separate]
    separate = [e for e in article.expected if e.separate]
    return targets, optional, separate


def load_file(path: Path, corpus_name: str) -> FileData:
    """Label one rows file against today's labels of `corpus_name`."""
    by_article: dict[str, list[dict]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        by_article.setdefault(row["article_id"], []).append(row)
    features: list[tuple[float, ...]] = []
    labels: list[float] = []
    rule: list[float] = []
    articles = []
    for article in load_articles(CORPUS_DIR / corpus_name):
        rows = sorted(by_article.get(article.id, []), key=lambda r: r["index"])
        claim_rows = [r for r in rows if r.get("canonical")]
        found = [_found(r) for r in claim_rows]
        label = [0.0] * len(found)
        taken: set[int] = set()
        for stage, labels_of_stage in enumerate(_stages(article)):
            pairs = maximum_matching(labels_of_stage, found, taken)
            taken.update(j for _, j in pairs)
            for _, j in pairs:
                label[j] = 1.0 if stage == 0 else math.nan
        start = len(features)
        for row, value in zip(claim_rows, label, strict=True):
            features.append(feature_vector(facts_from_json(row, rows)))
            labels.append(value)
            rule.append(rule_score(row))
        articles.append((article, found, np.arange(start, len(features))))
    return FileData(
        corpus_name,
        np.array(features, dtype=float).reshape(-1, len(FEATURE_NAMES)),
        np.array(labels),
        np.array(rule),
        articles,
    )


# ------------------------------------------------------------------ the model


def fit(
    features: np.ndarray,
    labels: np.ndarray,
    l2: float | None = None,
    row_weights: np.ndarray | None = None,
) -> tuple[np.ndarray, float]:
    """L2-penalised logistic regression on the labelled rows: (weights, intercept)."""
    l2 = L2 if l2 is None else l2
    known = ~np.isnan(labels)
    x, y = features[known], labels[known]
    width = x.shape[1]
    v = np.ones(len(y)) if row_weights is None else row_weights[known]

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:width], theta[width]
        z = x @ w + b
        value = np.sum(v * (np.logaddexp(0.0, z) - y * z)) + 0.5 * l2 * w @ w
        p = 1.0 / (1.0 + np.exp(-z))
        gradient = np.append(x.T @ (v * (p - y)) + l2 * w, np.sum(v * (p - y)))
        return float(value), gradient

    result = minimize(
        loss, np.zeros(width + 1), jac=True, method="L-BFGS-B", options={"maxiter": 5000}
    )
    return result.x[:width], float(result.x[width])


def predict(features: np.ndarray, weights: np.ndarray, intercept: float) -> np.ndarray:
    """The model's probabilities, held where acceptance.capped holds them.

    capped() scales a held reading's rule score so RULE_BAR falls on the threshold; every cap
    is under RULE_BAR, so a held reading is accepted at no threshold. Here, where the
    threshold is still being chosen, the scale is the grid's lowest threshold: the same
    decisions at every threshold of the grid.
    """
    chance = 1.0 / (1.0 + np.exp(-(features @ weights + intercept)))
    held = np.zeros(len(features), dtype=bool)
    for name in CAPPED_FEATURES:
        held |= features[:, FEATURE_NAMES.index(name)] == 1.0
    rule = features[:, FEATURE_NAMES.index("rule confidence")]
    return np.where(held, np.minimum(chance, rule * THRESHOLDS[0] / RULE_BAR), chance)


def auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """Mann-Whitney AUC over the labelled rows (ties count half)."""
    known = ~np.isnan(labels)
    s, y = scores[known], labels[known]
    pos, neg = s[y == 1], s[y == 0]
    if not len(pos) or not len(neg):
        return math.nan
    greater = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(greater / (len(pos) * len(neg)))


@dataclass(frozen=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def counts(data: FileData, accept: np.ndarray) -> Counts:
    """The harness's tp/fp/fn when exactly the `accept`ed candidates are recorded."""
    total = Counts()
    for number, (article, found, rows) in enumerate(data.articles):
        chosen = tuple(i for i, r in enumerate(rows) if accept[r])
        key = (number, chosen)
        if key not in data.memo:  # the threshold search asks for the same sets again and again
            data.memo[key] = _article_counts(article, found, chosen)
        total = total + data.memo[key]
    return total


def _article_counts(article: Article, found: list[Found], chosen: tuple[int, ...]) -> Counts:
    """One article's counts when the candidates at `chosen` are recorded."""
    kept = [found[i] for i in chosen]
    taken: set[int] = set()
    targets, optional, separate = _stages(article)
    pairs = maximum_matching(targets, kept, taken)
    taken.update(j for _, j in pairs)
    for labels in (optional, separate):
        taken.update(j for _, j in maximum_matching(labels, kept, taken))
    return Counts(len(pairs), len(kept) - len(taken), len(targets) - len(pairs))


def best_threshold(files: Sequence[FileData], scores: Sequence[np.ndarray]) -> float:
    """The threshold of THRESHOLDS with the best pooled precision among those whose pooled
    recall is at least the rule's at 0.6 on the same files (the lowest of ties).

    Neither the best F1 nor the least shortfall from the goal: on unseen text F1 takes a
    threshold so low (0.30) that precision falls, and the shortfall (P 0.85, R 0.80) is
    closed fastest by precision, so it took 0.65 and gave up right calls the rule recorded.
    The model has to beat the rule, so it keeps every right call the rule would have kept
    (in count) and spends the rest of its lead on precision.
    """
    rule = sum((counts(d, d.rule >= RULE_THRESHOLD) for d in files), Counts())
    best, best_key = THRESHOLDS[0], (-1, -1.0, -1.0)
    for threshold in THRESHOLDS:
        pooled = sum(
            (counts(d, s >= threshold) for d, s in zip(files, scores, strict=True)), Counts()
        )
        keeps_recall = pooled.recall >= rule.recall - 1e-12
        key = (int(keeps_recall), pooled.precision if keeps_recall else pooled.recall, 0.0)
        if key > best_key:
            best, best_key = threshold, key
    return best


def stack(files: Sequence[FileData]) -> tuple[np.ndarray, np.ndarray]:
    return np.vstack([d.features for d in files]), np.concatenate([d.labels for d in files])


def out_of_fold(
    files: Sequence[FileData], training: Sequence[FileData] | None = None
) -> list[np.ndarray]:
    """Each file's scores by a model fitted on the `training` files (default: `files`) of
    other names: a file read by two extractors is left out under both."""
    training = files if training is None else training
    scores = []
    for held in files:
        x, y = stack([d for d in training if d.name != held.name])
        weights, intercept = fit(x, y)
        scores.append(predict(held.features, weights, intercept))
    return scores


# ------------------------------------------------------------------ the table


def _cell(c: Counts) -> str:
    return f"{c.tp:>3} {c.fp:>3} {c.fn:>3}  {c.precision:.3f} / {c.recall:.3f}"


def leave_one_file_out(
    held: Sequence[FileData],
    training: dict[str, Sequence[FileData]],
    fixed: float | None = None,
) -> list[str]:
    """Per held-out file: rule at 0.6 vs each training set's model, and AUCs. The model's
    threshold comes from an inner leave-one-file-out on the training files only: no figure of
    the held-out file chooses it."""
    lines = [
        f"{'held-out file':<22}{'rule@0.6 tp fp fn  P / R':>28}{'AUC':>6}"
        + "".join(f"{f'{n}: t  tp fp fn  P / R':>34}{'AUC':>6}" for n in training)
    ]
    pooled_rule = Counts()
    pooled = {n: Counts() for n in training}
    for data in held:
        rule = counts(data, data.rule >= RULE_THRESHOLD)
        pooled_rule = pooled_rule + rule
        line = f"{data.name:<22}{_cell(rule):>28}{auc(data.rule, data.labels):>6.3f}"
        for name, sets in training.items():
            train = [d for d in sets if d.name != data.name]
            threshold = fixed if fixed is not None else best_threshold(train, out_of_fold(train))
            weights, intercept = fit(*stack(train))
            scores = predict(data.features, weights, intercept)
            model = counts(data, scores >= threshold)
            pooled[name] = pooled[name] + model
            line += f"{f'{threshold:.2f} {_cell(model)}':>34}{auc(scores, data.labels):>6.3f}"
        lines.append(line)
    lines.append(
        f"{'pooled':<22}{_cell(pooled_rule):>28}{'':>6}"
        + "".join(f"{_cell(pooled[n]):>34}{'':>6}" for n in training)
    )
    return lines


def write_weights(weights: np.ndarray, intercept: float, threshold: float, note: str) -> str:
    """The weights module's text, as `ruff format` would leave it."""
    lines = [
        '"""Weights of the acceptance model (ledger/extract/acceptance.py).',
        "",
        "Written by bench/train_acceptance.py --write; do not edit by hand.",
        note,
        '"""',
        "",
        "from __future__ import annotations",
        "",
        f"INTERCEPT = {intercept:.4f}",
        f"THRESHOLD = {threshold:.2f}  # --yes records a claim whose probability reaches it",
        "WEIGHTS = {",
        *(f'    "{name}": {w:.4f},' for name, w in zip(FEATURE_NAMES, weights, strict=True)),
        "}",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", type=Path, help="the directory of rows (first_*.jsonl, now_*)")
    parser.add_argument("--dump", action="store_true", help="write the rows there first")
    parser.add_argument("--write", action="store_true", help="write the weights module")
    parser.add_argument(
        "--no-tables", action="store_true", help="only the shipped model (a second, not minutes)"
    )
    args = parser.parse_args()
    if args.dump:
        dump(args.rows)
    first = [load_file(args.rows / f"first_{n}.jsonl", n) for n in FIRST_CONTACT]
    now = [load_file(args.rows / f"now_{n}.jsonl", n) for n in DEVELOPMENT_FILES]
    if not args.no_tables:
        print("held out: first-contact candidates (old extractor, file never tuned on)")
        training = {"first": first, "now": now, "both": first + now}
        print("\n".join(leave_one_file_out(first, training)))
        print()
        print("held out: today's extractor's candidates on each development file")
        print("\n".join(leave_one_file_out(now, {"now": now})))
    # The shipped model: fitted on both sources; its threshold is the one with the best
    # precision that keeps the rule's recall on the first-contact files, each scored by a
    # model that never saw its file.
    both = first + now
    threshold = best_threshold(first, out_of_fold(first, both))
    weights, intercept = fit(*stack(both))
    print()
    print(
        f"shipped: fitted on first + now, threshold {threshold:.2f}"
        " (best precision keeping the rule's recall, leave-one-file-out)"
    )
    for label, files in (("first-contact (in sample)", first), ("development (in sample)", now)):
        pooled = sum(
            (counts(d, predict(d.features, weights, intercept) >= threshold) for d in files),
            Counts(),
        )
        rule = sum((counts(d, d.rule >= RULE_THRESHOLD) for d in files), Counts())
        print(f"  {label:<28} rule {_cell(rule)}   model {_cell(pooled)}")
    if args.write:
        note = f"Fitted on {len(first)} first-contact and {len(now)} development files' candidates."
        WEIGHTS_MODULE.write_text(write_weights(weights, intercept, threshold, note))
        print(f"wrote {WEIGHTS_MODULE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
