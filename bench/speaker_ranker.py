"""Could a model fitted to first-contact outcomes choose a claim's speaker better than the rules?

Issue 11, session 17 (speakers7). The rules attribute 0.97 of matched claims right on the
development files they were tuned on and 0.82 on the frozen set. For acceptance, a model
fitted to first-contact outcomes generalized better than more rules (accept13). This study
asks the same of the speaker choice: for every matched claim of the first-contact rows
(bench/acceptance_dump.py under an old revision that had never been tuned on the file),
enumerate the speakers the text offers, label each by whether it is the labelled speaker,
fit a conditional logit over the options, and choose: the rule's speaker unless the model
prefers another by more than a margin (the margin chosen by an inner leave-one-file-out).
Every figure of a file comes from a model and a margin that never saw it.

The options (`speaker_options`), each named as the ledger keeps it (`source_name`):
- the rule's own choice, and "no speaker";
- every run of capitalized words of the sentence that `clean_name` keeps (person, firm,
  outlet alike), and the names the speaker rules attach to a cue there (`named_speakers`);
- the firm a person option is tied to by a post anywhere in the article
  (`article_affiliations`);
- the names of the sentence before, the paragraph's first sentence, the headline (and the
  headline's credited speaker), the byline, and the nearest heading or list label above.

Features say where and how an option is offered, never which firm it is (FEATURE_NAMES).

Run: `.venv/bin/python bench/speaker_ranker.py ROWS` (ROWS from
`bench/train_acceptance.py ROWS --dump`): the table of bench/README.md's speakers7 section.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from ledger.claims.fingerprint import source_key  # noqa: E402
from ledger.extract.article import find_byline  # noqa: E402
from ledger.extract.house_names import HOUSE_NAMES, QUOTED, is_organization  # noqa: E402
from ledger.extract.patterns import speaker_phrases  # noqa: E402
from ledger.extract.person_names import NAME, clean_name  # noqa: E402
from ledger.extract.sentences import Sentence, split_sentences  # noqa: E402
from ledger.extract.speaker_roles import heading_name  # noqa: E402
from ledger.extract.speakers import find_speaker, named_speakers  # noqa: E402
from ledger.extract.textops import any_of  # noqa: E402

# The options of a first-contact file are enumerated under the extractor of that revision
# (`--options`), so no finder tuned on the file since helps its own figures. Two finders
# are younger than the oldest of those revisions: without them, names are kept as
# `house_name` keeps them and no post ties a person to a firm.
try:
    from ledger.extract.house_names import source_name
except ImportError:  # an old revision: house_name alone
    from ledger.extract.house_names import house_name as source_name
try:
    from ledger.extract.article_affiliations import article_affiliations
except ImportError:

    def article_affiliations(sentences: object) -> dict[str, str]:  # type: ignore[misc]
        return {}


FEATURE_NAMES = (
    "rule's choice",
    "no speaker",
    "in the sentence",
    "cued in the sentence",
    "first cued in the sentence",
    "before the level",
    "after the level",
    "near the level",
    "after 'according to'",
    "possessive",
    "the firm of a person's post",
    "a person with a firm",
    "in quotation marks",
    "in the sentence before",
    "speaker of the sentence before",
    "in the paragraph's lead",
    "in the headline",
    "the headline's speaker",
    "the byline",
    "a heading or label above",
    "the sentence's own label",
    "organization",
    "a known house",
    "mentions in the article (log)",
    "first person, no name offered",
    "sentence speaks in the first person",
)
_INDEX = {name: i for i, name in enumerate(FEATURE_NAMES)}

_NAME_RUN = re.compile(NAME)
_ACCORDING = re.compile(r"according\s+to\s+(?:the\s+|an?\s+)?$", re.IGNORECASE)
_POSSESSIVE_AFTER = re.compile(r"(?:'s|(?<=s)')\s")
_OWN_LABEL = re.compile(rf"^\W*(?P<name>{NAME})\s*[:|\u2013\u2014-]\s+\S")
_FIRST_PERSON = any_of(speaker_phrases.FIRST_PERSON)
_HEADING_WINDOW = 12  # sentences above a claim a heading or list label may head


@dataclass
class Option:
    """One speaker the text offers for a claim, with the features of how it is offered."""

    name: str | None  # None: the claim has no speaker
    features: np.ndarray = field(default_factory=lambda: np.zeros(len(FEATURE_NAMES)))

    def mark(self, feature: str, value: float = 1.0) -> None:
        at = _INDEX[feature]
        self.features[at] = max(self.features[at], value)


@dataclass(frozen=True)
class ArticleView:
    """What the option finder reads of an article, computed once per article."""

    text: str
    sentences: tuple[Sentence, ...]
    byline: str | None
    firm_of: dict[str, str]
    headline_speaker: str | None

    @classmethod
    def of(cls, text: str) -> ArticleView:
        sentences = tuple(split_sentences(text))
        firm_of = article_affiliations(s.text for s in sentences)
        head = sentences[0] if sentences else None
        speaker = (
            find_speaker(head.text, headline=True, author=None).name
            if head is not None and head.headline
            else None
        )
        return cls(text, sentences, find_byline(text), firm_of, speaker)

    def sentence_index(self, sentence: str) -> int | None:
        """The article's sentence the candidate was read from: the one it equals or, the
        extractor having rewritten dates and numbers, the one sharing most of its words."""
        for index, candidate in enumerate(self.sentences):
            if candidate.text == sentence:
                return index
        words = set(re.findall(r"[A-Za-z]{3,}", sentence))
        if not words:
            return None
        best, best_share = None, 0.5
        for index, candidate in enumerate(self.sentences):
            share = len(words & set(re.findall(r"[A-Za-z]{3,}", candidate.text))) / len(words)
            if share > best_share:
                best, best_share = index, share
        return best


def key_of(name: str | None) -> str:
    """One option per speaker, however the text wrote it."""
    return "" if not name else source_key(source_name(name))


def names_in(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of every run of capitalized words `clean_name` keeps as a name,
    quotations included (a quoted name is marked as such by the caller)."""
    found = []
    for match in _NAME_RUN.finditer(text):
        name = clean_name(match[0].split())
        if name:
            found.append((match.start(), match.end(), name))
    return found


def speaker_options(
    view: ArticleView,
    index: int | None,
    sentence: str,
    rule: str | None,
    level_words: str | None,
) -> list[Option]:
    """Every speaker the text offers for a claim read from `sentence` (the article's sentence
    `index`), with features; the rule's choice and "no speaker" always among them."""
    options: dict[str, Option] = {}

    def option(name: str | None) -> Option:
        key = key_of(name)
        if key not in options:
            options[key] = Option(source_name(name) if name else None)
        return options[key]

    option(None).mark("no speaker")
    option(rule).mark("rule's choice")
    level_at = sentence.find(level_words) if level_words else -1
    quoted = [(m.start(), m.end()) for m in QUOTED.finditer(sentence)]
    for start, end, name in names_in(sentence):
        entry = option(name)
        entry.mark("in the sentence")
        if level_at >= 0:
            entry.mark("before the level" if end <= level_at else "after the level")
            gap = (level_at - end) if end <= level_at else (start - level_at)
            entry.mark("near the level", max(0.0, 1.0 - abs(gap) / 200.0))
        if _ACCORDING.search(sentence, 0, start):
            entry.mark("after 'according to'")
        # the run takes the apostrophe in ("Citi's", "Barclays'"): a name's own "'s" is rare
        if sentence[start:end].endswith(("'s", "\u2019s", "s'")) or _POSSESSIVE_AFTER.match(
            sentence, end
        ):
            entry.mark("possessive")
        if any(a <= start < b for a, b in quoted):
            entry.mark("in quotation marks")
    cued = sorted(named_speakers(sentence))
    for rank, (_, name) in enumerate(cued):
        option(name).mark("cued in the sentence")
        if rank == 0:
            option(name).mark("first cued in the sentence")
    own_label = _OWN_LABEL.match(sentence)
    if own_label:
        name = clean_name(own_label["name"].split())
        if name:
            option(name).mark("the sentence's own label")
    unquoted = QUOTED.sub(" ", sentence)
    first_person = bool(_FIRST_PERSON.search(unquoted))
    if first_person:
        option(None).mark("sentence speaks in the first person")
    sentences = view.sentences
    if index is not None:
        if index > 0:
            before = sentences[index - 1].text
            for _, _, name in names_in(before):
                option(name).mark("in the sentence before")
            previous = find_speaker(before, headline=False, author=view.byline).name
            if previous:
                option(previous).mark("speaker of the sentence before")
        paragraph = sentences[index].paragraph
        lead = next(s for s in sentences if s.paragraph == paragraph)
        if lead.text != sentences[index].text:
            for _, _, name in names_in(lead.text):
                option(name).mark("in the paragraph's lead")
        for above in reversed(sentences[max(0, index - _HEADING_WINDOW) : index]):
            heading = heading_name(above.text, people=True)
            label = _OWN_LABEL.match(above.text) if above.item else None
            name = heading or (clean_name(label["name"].split()) if label else None)
            if name:
                option(name).mark("a heading or label above")
                break
    if sentences and sentences[0].headline:
        for _, _, name in names_in(sentences[0].text):
            option(name).mark("in the headline")
    if view.headline_speaker:
        option(view.headline_speaker).mark("the headline's speaker")
    if view.byline:
        option(view.byline).mark("the byline")
    for entry in list(options.values()):
        if entry.name is None:
            continue
        firm = view.firm_of.get(entry.name) or view.firm_of.get(entry.name.split()[-1])
        if firm:
            entry.mark("a person with a firm")
            tied = option(firm)
            tied.mark("the firm of a person's post")
    offered = [e for e in options.values() if e.name is not None and e.features.any()]
    if first_person and all(e.features[_INDEX["in the sentence"]] == 0 for e in offered):
        option(None).mark("first person, no name offered")
    lowered = view.text.lower()
    for entry in options.values():
        if entry.name is None:
            continue
        entry.mark("organization", float(is_organization(entry.name)))
        entry.mark("a known house", float(entry.name in HOUSE_NAMES))
        count = lowered.count(entry.name.lower())
        entry.mark("mentions in the article (log)", math.log1p(count))
    return list(options.values())


# ------------------------------------------------------------------ the model


@dataclass
class Claim:
    """One matched claim: its options, which are right, and the rule's option."""

    file: str
    article: str
    features: np.ndarray  # options x features
    names: list[str | None]
    right: np.ndarray  # strict: the option is the labelled speaker
    rule_index: int
    wanted: str | None


@dataclass(frozen=True)
class Setting:
    """A variant of the study: the penalty, features left out, and whether the model may only
    fill a speaker the rule left empty (never replace one it gave)."""

    l2: float = 1.0
    drop: tuple[str, ...] = ()
    fill_only: bool = False


def fit(claims: Sequence[Claim], l2: float = 1.0, drop: Sequence[str] = ()) -> np.ndarray:
    """Conditional logit over each claim's options (softmax of x @ w), L2-penalised: the
    weights that make the right options likeliest. Claims with no right option say nothing
    of the choice and are left out; `drop`ped features keep a weight of 0."""
    used = [c for c in claims if c.right.any()]
    width = len(FEATURE_NAMES)
    if not used:
        return np.zeros(width)
    x = np.vstack([c.features for c in used])
    right = np.concatenate([c.right for c in used]).astype(float)
    starts = np.cumsum([0] + [len(c.names) for c in used[:-1]])
    group = np.repeat(np.arange(len(used)), [len(c.names) for c in used])
    kept = np.array([name not in drop for name in FEATURE_NAMES], dtype=float)

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        w = w * kept
        z = x @ w
        top = np.maximum.reduceat(z, starts)
        e = np.exp(z - top[group])
        total = np.add.reduceat(e, starts)
        chance = np.add.reduceat(e * right, starts)
        value = float(np.sum(np.log(total) - np.log(chance))) + 0.5 * l2 * float(w @ w)
        # d/dw -log(sum_right p) = E_p[x] - E_{p | right}[x], per claim
        weight = e / total[group] - e * right / chance[group]
        gradient = (x.T @ weight + l2 * w) * kept
        return value, gradient

    result = minimize(loss, np.zeros(width), jac=True, method="L-BFGS-B")
    return result.x * kept


def choose(claim: Claim, weights: np.ndarray, margin: float, fill_only: bool = False) -> int:
    """The rule's option unless the model scores another higher by more than `margin` (and,
    `fill_only`, the rule gave no speaker)."""
    if fill_only and claim.names[claim.rule_index] is not None:
        return claim.rule_index
    z = claim.features @ weights
    best = int(np.argmax(z))
    return best if z[best] - z[claim.rule_index] > margin else claim.rule_index


MARGINS = tuple(round(0.25 * i, 2) for i in range(0, 25))  # 0 .. 6


def accuracy(claims: Sequence[Claim], chosen: Sequence[int]) -> tuple[int, int, int]:
    """(strict right, lenient right, claims)."""
    from extract.quality import same_speaker_lenient, same_speaker_strict

    strict = lenient = 0
    for claim, index in zip(claims, chosen, strict=True):
        name = claim.names[index]
        strict += same_speaker_strict(name, claim.wanted)
        lenient += same_speaker_lenient(name, claim.wanted)
    return strict, lenient, len(claims)


Files = dict[str, list[Claim]]


def _others(held: str, *sets: Files) -> list[Claim]:
    return [c for files in sets for name, cs in files.items() if name != held for c in cs]


def _changes(claims: Sequence[Claim], chosen: Sequence[int]) -> list[str]:
    """One line per claim whose speaker the model changed: was it right before, after."""
    lines = []
    for claim, index in zip(claims, chosen, strict=True):
        if index != claim.rule_index:
            before, after = claim.right[claim.rule_index], claim.right[index]
            verdict = "fixed" if after and not before else "broke" if before else "still wrong"
            lines.append(
                f"    {verdict:<12}{claim.article}: {claim.names[claim.rule_index]!r} ->"
                f" {claim.names[index]!r} (label {claim.wanted!r})"
            )
    return lines


def best_margin(scored: Files, extra: Files | None = None, setting: Setting = Setting()) -> float:
    """The margin with the most strict rights pooled over an inner leave-one-file-out on the
    `scored` files (each scored by a model fitted on the others, and on `extra`'s files of
    other names); the largest of ties: the rule is kept when the data cannot tell."""
    extra = extra or {}
    scores = dict.fromkeys(MARGINS, 0)
    for held, claims in scored.items():
        weights = fit(_others(held, scored, extra), setting.l2, setting.drop)
        for margin in MARGINS:
            chosen = [choose(c, weights, margin, setting.fill_only) for c in claims]
            scores[margin] += accuracy(claims, chosen)[0]
    top = max(scores.values())
    return max(m for m, s in scores.items() if s == top)


def out_of_fold_table(
    held_files: Files,
    first: Files,
    now: Files,
    *,
    with_now: bool,
    setting: Setting = Setting(),
    changes: bool = False,
) -> list[str]:
    """Per held-out file: the rule against the model (fitted on first-contact files of other
    names, and today's rows of other names `with_now`), its margin from an inner
    leave-one-file-out on the first-contact training files."""
    lines = [
        f"{'file':<22}{'claims':>7}{'rule s / l':>12}{'offered':>9}{'fixable':>9}"
        f"{'margin':>8}{'model s / l':>13}{'changed':>9}"
    ]
    pooled = np.zeros(6, dtype=int)
    better = worse = 0
    for held, claims in held_files.items():
        training_first = {n: cs for n, cs in first.items() if n != held}
        training_now = {n: cs for n, cs in now.items() if n != held} if with_now else {}
        margin = best_margin(training_first, training_now, setting)
        weights = fit(_others(held, first, training_now), setting.l2, setting.drop)
        chosen = [choose(c, weights, margin, setting.fill_only) for c in claims]
        rule = accuracy(claims, [c.rule_index for c in claims])
        model = accuracy(claims, chosen)
        offered = sum(bool(c.right.any()) for c in claims)
        fixable = sum(bool(c.right.any()) and not c.right[c.rule_index] for c in claims)
        changed = sum(k != c.rule_index for c, k in zip(claims, chosen, strict=True))
        pooled += np.array([rule[0], rule[1], model[0], model[1], len(claims), offered])
        if changes:
            lines.extend(_changes(claims, chosen))
        better += model[0] > rule[0]
        worse += model[0] < rule[0]
        lines.append(
            f"{held:<22}{len(claims):>7}{rule[0]:>6} /{rule[1]:>4}{offered:>9}{fixable:>9}"
            f"{margin:>8.2f}{model[0]:>7} /{model[1]:>4}{changed:>9}"
        )
    n = max(int(pooled[4]), 1)
    lines.append(
        f"pooled: rule {pooled[0] / n:.3f} / {pooled[1] / n:.3f}, model {pooled[2] / n:.3f} /"
        f" {pooled[3] / n:.3f} ({pooled[2] - pooled[0]:+d} strict); better in {better},"
        f" worse in {worse} of {len(held_files)} files; a right option offered for"
        f" {pooled[5] / n:.3f} of {n}"
    )
    return lines


# ------------------------------------------------------------------ rows


def dump_options(rows_path: Path, corpus: Path, out: Path) -> None:
    """Write every claim candidate's options (name and features by name) as JSON lines, read
    by the extractor on PYTHONPATH: run under a first-contact revision's tree."""
    import yaml

    by_article: dict[str, list[dict]] = {}
    for line in rows_path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row.get("canonical"):
            by_article.setdefault(row["article_id"], []).append(row)
    entries = yaml.load(corpus.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or []
    with out.open("w", encoding="utf-8") as handle:
        for entry in entries:
            rows = by_article.get(str(entry["id"]), [])
            if not rows:
                continue
            view = ArticleView.of(str(entry["text"]))
            for row in rows:
                options = _options_of_row(view, row)
                written = [
                    {
                        "name": o.name,
                        "features": dict(zip(FEATURE_NAMES, o.features.tolist(), strict=True)),
                    }
                    for o in options
                ]
                record = {"article_id": row["article_id"], "index": row["index"]}
                handle.write(json.dumps({**record, "options": written}) + "\n")


def _options_of_row(view: ArticleView, row: dict) -> list[Option]:
    level = next((w["words"] for w in row.get("why") or () if w["role"] == "level"), None)
    index = view.sentence_index(row["sentence"])
    return speaker_options(view, index, row["sentence"], row["speaker"], level)


def _read_options(path: Path) -> dict[tuple[str, int], list[Option]]:
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        found[(record["article_id"], record["index"])] = [
            Option(o["name"], np.array([o["features"].get(n, 0.0) for n in FEATURE_NAMES]))
            for o in record["options"]
        ]
    return found


def load_claims(path: Path, corpus_name: str, options_path: Path | None = None) -> list[Claim]:
    """The claims a rows file's accepted candidates (rule score >= 0.6) match, as the
    harness matches them, each with its options (read from `options_path` when given,
    else enumerated by this checkout's finders)."""
    from extract.quality import CORPUS_DIR, load_articles, maximum_matching, same_speaker_strict
    from train_acceptance import RULE_THRESHOLD, _found

    from ledger.extract.acceptance import rule_score

    stored = _read_options(options_path) if options_path is not None else None
    by_article: dict[str, list[dict]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        by_article.setdefault(row["article_id"], []).append(row)
    claims = []
    for article in load_articles(CORPUS_DIR / corpus_name):
        rows = [
            r
            for r in sorted(by_article.get(article.id, []), key=lambda r: r["index"])
            if r.get("canonical") and rule_score(r) >= RULE_THRESHOLD
        ]
        if not rows:
            continue
        targets = [e for e in article.expected if not e.optional and not e.separate]
        pairs = maximum_matching(targets, [_found(r) for r in rows], set())
        view = ArticleView.of(article.text) if stored is None else None
        for i, j in pairs:
            row, wanted = rows[j], targets[i].speaker
            if stored is not None:
                options = stored[(row["article_id"], row["index"])]
            else:
                options = _options_of_row(view, row)
            names = [o.name for o in options]
            rule_index = next(
                k for k, o in enumerate(options) if o.features[_INDEX["rule's choice"]]
            )
            names[rule_index] = row["speaker"]  # the rule's own spelling, as the harness sees it
            claims.append(
                Claim(
                    corpus_name,
                    article.id,
                    np.vstack([o.features for o in options]),
                    names,
                    np.array([same_speaker_strict(n, wanted) for n in names]),
                    rule_index,
                    wanted,
                )
            )
    return claims


def dump_all_options(rows: Path) -> None:
    """options_first_<file>.jsonl for each first-contact file, enumerated by the finders of
    the revision that first read it (git archive, as train_acceptance.dump)."""
    import subprocess
    import tempfile

    from extract.quality import CORPUS_DIR
    from train_acceptance import FIRST_CONTACT, unpack_ledger

    for name, revision in FIRST_CONTACT.items():
        with tempfile.TemporaryDirectory() as tree:
            unpack_ledger(revision, tree)
            subprocess.run(
                [
                    sys.executable,
                    str(Path(__file__)),
                    str(rows / f"first_{name}.jsonl"),
                    "--options-of",
                    str(CORPUS_DIR / name),
                    str(rows / f"options_first_{name}.jsonl"),
                ],
                check=True,
                env={"PYTHONPATH": tree, "PATH": "/usr/bin:/bin"},
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", type=Path)
    parser.add_argument("--drop", nargs="*", default=(), help="features left out")
    parser.add_argument(
        "--old-finders",
        action="store_true",
        help="first-contact options as the first-contact revision enumerated them",
    )
    parser.add_argument("--dump-options", action="store_true", help="write those options first")
    parser.add_argument("--first-only", action="store_true", help="only the first two tables")
    parser.add_argument("--changes", action="store_true", help="list each speaker changed")
    parser.add_argument("--l2", type=float, default=1.0, help="the penalty on squared weights")
    parser.add_argument("--fill-only", action="store_true", help="only fill an empty speaker")
    parser.add_argument("--options-of", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.options_of:  # inside an old revision's tree: only this checkout's bench code
        dump_options(args.rows, *args.options_of)
        return
    from extract.quality import DEVELOPMENT_FILES
    from train_acceptance import FIRST_CONTACT

    if args.dump_options:
        dump_all_options(args.rows)
    setting = Setting(args.l2, tuple(args.drop), args.fill_only)
    first = {
        n: load_claims(
            args.rows / f"first_{n}.jsonl",
            n,
            args.rows / f"options_first_{n}.jsonl" if args.old_finders else None,
        )
        for n in FIRST_CONTACT
    }
    now = {n: load_claims(args.rows / f"now_{n}.jsonl", n) for n in DEVELOPMENT_FILES}
    tables = (
        ("first-contact files, model fitted on first-contact rows", first, False),
        ("first-contact files, model fitted on first-contact and today's rows", first, True),
        ("development files under today's rules, model fitted on first-contact rows", now, False),
        ("development files under today's rules, fitted on both", now, True),
    )
    for title, held, with_now in tables[:2] if args.first_only else tables:
        print(f"held out: {title}; {setting}")
        print(
            "\n".join(
                out_of_fold_table(
                    held, first, now, with_now=with_now, setting=setting, changes=args.changes
                )
            )
        )
        print()
    weights = fit([c for cs in first.values() for c in cs], setting.l2, setting.drop)
    print("weights fitted on all first-contact claims:")
    for name, w in sorted(zip(FEATURE_NAMES, weights, strict=True), key=lambda t: -abs(t[1])):
        print(f"  {w:+.2f}  {name}")


if __name__ == "__main__":
    main()
