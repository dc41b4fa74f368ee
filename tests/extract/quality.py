"""How well `forecast extract` does on the labelled corpora: the protocol of issue 11.

One candidate counts when `forecast extract --yes` would record it: it has a
claim and scores at least DEFAULT_MIN_CONFIDENCE. It matches an expected claim
when the symbol is the same, the level is within 1% and the deadline within
31 days; each expected claim is matched at most once, and the matching is a
maximum one (a greedy pass could leave a claim unmatched that another
assignment would have matched, and so understate recall). The kind is not part
of the match: kind accuracy and speaker accuracy are measured on the matched
pairs, so a call read with the right level but the wrong kind shows up as a
kind error, not as one false positive plus one false negative.

Expected claims come in three sorts (see the header of corpus_test.yaml):

- price targets (touch/close/hold/average): the precision and recall figures;
- `optional: true` readings: matching one is not a true positive, missing one
  is not a false negative, and a candidate that matches one is not a false
  positive;
- support/relative/range/vague calls: counted apart. A candidate matched to
  one of them (a level within 1% of either end of a range, or of the call's
  level; a call without a level never matches) is reported as "recorded from a
  separate-kind call", not as a false positive, since the ledger has no kind
  for it yet.

Matching runs in that order: price targets first, then optional readings, then
separate kinds; what is left over is a false positive.

Each article is read three times: with its date given (as `forecast extract
--made-on DATE` would; the test sets' and corpus_dev.yaml's `date`, the
older files' `made_on`), without it (the extractor then takes the dateline,
else `today`), and without it but with the entry's `url`, as `forecast
extract URL` would read the page (a date in the URL counts when the text has
no dateline). For the older files, which give `made_on` only where the text has
no dateline, the two readings coincide wherever a dateline exists.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ledger.claims.fingerprint import source_key
from ledger.cli.extract import DEFAULT_MIN_CONFIDENCE
from ledger.extract import Candidate, extract_article
from ledger.extract.acceptance import decided
from ledger.extract.house_names import source_name

CORPUS_DIR = Path(__file__).parent
CORPUS_FILES = (
    "corpus.yaml",
    "corpus_holdout.yaml",
    "corpus_unseen.yaml",
    "corpus_dev.yaml",
    # The second development batch: more real articles, same labels, open to tuning.
    "corpus_dev2.yaml",
    # The third development batch: more outlets and registers, same labels, open to tuning.
    "corpus_dev3.yaml",
    # The fourth: tables, social posts, translations, parity and grade ladders, negatives.
    "corpus_dev4.yaml",
    # The fifth: multi-speaker sentences, "respectively", ladders, old targets, scenarios,
    # caption and TV transcripts, more translations, eight negatives.
    "corpus_dev5.yaml",
    # The sixth: agency ladders, bank tables, polls, FX outlooks, prediction/SEO pages, negatives.
    "corpus_dev6.yaml",
    # The seventh: transcripts, social posts, spun and machine-translated copy, eight negatives.
    "corpus_dev7.yaml",
    # The eighth: labelled by the one convention of corpus_dev.yaml's header from the start;
    # wire, digests, an FX table, podcasts and a TV transcript, newsletters, German, French
    # and Spanish pieces, thirteen negatives.
    "corpus_dev8.yaml",
    # The ninth: several firms per sentence, list-item and heading speakers, an oil factbox,
    # year and quarter ladders, relative deadlines, scenarios, indices and FX in words, altcoins,
    # pieces translated from Hindi, Spanish, Portuguese, French and Japanese, eleven negatives.
    "corpus_dev9.yaml",
    # The tenth: who makes each call (firms named once or in a clause, first-person columnists,
    # miners' chiefs, Tom Lee beside polls, several public banks in one survey, two teams of one
    # bank), anonymous "analysts" and polls, translated German wires, ten negatives.
    "corpus_dev10.yaml",
    # The eleventh: who makes each call (firms at the end of reported speech, "(DB)" signatures,
    # five banks in one paragraph, surname-only speakers, Q&A and unlabelled transcripts, social
    # handles, first-person columns with no byline), Reuters polls, translations, nine negatives.
    "corpus_dev11.yaml",
    # Written for the test set, but their pages are also paraphrased in corpus_dev.yaml.
    "corpus_seen.yaml",
    # The first two test batches (63 and 52 articles), labelled before any extraction was run
    # on them; frozen until 2026-12-06, development files (open to tuning) from then on.
    "corpus_test.yaml",
    "corpus_test2.yaml",
    # The third and fourth test batches (60 and 50 articles), labelled before any extraction was
    # run on them; frozen until 2026-12-07, development files from then on.
    "corpus_test3.yaml",
    "corpus_test4.yaml",
    # The fifth test batch (50 articles), labelled before any extraction was run on it;
    # frozen until 2026-12-07 (right after corpus_test7.yaml's first contact), development since.
    "corpus_test5.yaml",
    # The sixth frozen batch (55 articles), labelled before any extraction was run on it.
    "corpus_test6.yaml",
    # The seventh frozen batch, labelled before any extraction was run on it (helper test7,
    # 2026-12-07).
    "corpus_test7.yaml",
    # The eighth frozen batch (62 articles from 62 outlets, 17 negatives), labelled before any
    # extraction was run on it (helper test8, 2026-12-07).
    "corpus_test8.yaml",
    # The ninth test batch (82 articles from 77 outlets, 14 negatives), labelled before any
    # extraction was run on it (helper test9, 2026-12-07); frozen until session 18 (2026-12-08,
    # 103 claims at 0.828 / 0.796, speakers 0.80 at its retirement), a development file since, to
    # open its misses; corpus_test14.yaml replaces it.
    "corpus_test9.yaml",
    # The tenth test batch (70 articles from 64 outlets, 15 negatives), labelled before any
    # extraction was run on it (helper test10, 2026-12-07); frozen until corpus_test11.yaml's
    # first contact (session 14), a development file since, to open its misses.
    "corpus_test10.yaml",
    # The eleventh frozen batch, labelled before any extraction was run on it (helper test11,
    # 2026-12-07).
    "corpus_test11.yaml",
    # The twelfth frozen batch (97 articles from 91 outlets, 20 negatives), labelled before any
    # extraction was run on it (helper test12, 2026-12-07).
    "corpus_test12.yaml",
    # The thirteenth frozen batch (73 articles, 69 outlets, 9 negatives, 21 translated pieces),
    # labelled before any extraction was run on it (helper test13, 2026-12-08).
    "corpus_test13.yaml",
    # The fourteenth frozen batch, labelled before any extraction was run on it (helper test14,
    # 2026-12-08).
    "corpus_test14.yaml",
)
# The frozen set: the only place quoted figures come from; never guarded, never tuned on.
# Nothing here reads them unless asked by name or with `frozen=True`.
FROZEN_FILES = (
    "corpus_test11.yaml",
    "corpus_test12.yaml",
    "corpus_test13.yaml",
    "corpus_test14.yaml",
)
DEVELOPMENT_FILES = tuple(name for name in CORPUS_FILES if name not in FROZEN_FILES)
# After every article's date in every file; only used where an article gives no date at all.
DEFAULT_TODAY = date(2026, 12, 6)
LEVEL_TOLERANCE = 0.01
DEADLINE_TOLERANCE = timedelta(days=31)
SEPARATE_KINDS = frozenset({"support", "relative", "range", "vague"})


@dataclass(frozen=True)
class Expected:
    """One labelled claim. `level` is a number, a relative level ("+20%") or None."""

    symbol: str
    kind: str
    level: float | str | None
    deadline: date | None
    speaker: str | None
    optional: bool = False
    level_high: float | None = None

    @property
    def separate(self) -> bool:
        return self.kind in SEPARATE_KINDS

    def describe(self) -> str:
        level = self.level if self.level_high is None else f"{self.level}-{self.level_high}"
        tag = " (optional)" if self.optional else ""
        return f"{self.symbol} {self.kind} {level} by {self.deadline} [{self.speaker}]{tag}"


@dataclass(frozen=True)
class Found:
    """One candidate that `--yes` would record, reduced to what the protocol compares."""

    symbol: str
    kind: str
    level: float | None
    relative: str | None
    deadline: date
    speaker: str | None
    confidence: float
    claim_text: str
    # the other asset of an outperformance ("ether outperforms bitcoin"), which has no level
    versus: str | None = None

    def describe(self) -> str:
        return f"{self.claim_text} [{self.speaker}] ({self.confidence:.2f})"


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    expected: tuple[Expected, ...]
    day: date | None
    url: str | None = None


@dataclass(frozen=True)
class Tally:
    """Counts that add up over articles and files; the figures are ratios of them."""

    articles: int = 0
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    speakers_strict: int = 0
    speakers_lenient: int = 0
    kinds_right: int = 0
    optional_matched: int = 0
    optional_total: int = 0
    separate_recorded: int = 0
    separate_total: int = 0
    errors: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(*(a + b for a, b in zip(_values(self), _values(other), strict=True)))

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0

    def share(self, count: int) -> float:
        """`count` over the matched price targets (speaker and kind accuracy)."""
        return count / self.true_positives if self.true_positives else 1.0


def _values(tally: Tally) -> tuple[int, ...]:
    return tuple(getattr(tally, name) for name in Tally.__dataclass_fields__)


@dataclass(frozen=True)
class ArticleResult:
    """What happened to one article: the matches and every kind of miss."""

    article_id: str
    made_on: date | None
    matched: tuple[tuple[Expected, Found], ...] = ()
    missed: tuple[Expected, ...] = ()
    spurious: tuple[Found, ...] = ()
    optional_matched: tuple[tuple[Expected, Found], ...] = ()
    optional_total: int = 0
    separate_matched: tuple[tuple[Expected, Found], ...] = ()
    separate_total: int = 0
    error: str | None = None

    @property
    def tally(self) -> Tally:
        return Tally(
            articles=1,
            true_positives=len(self.matched),
            false_positives=len(self.spurious),
            false_negatives=len(self.missed),
            speakers_strict=sum(same_speaker_strict(f.speaker, e.speaker) for e, f in self.matched),
            speakers_lenient=sum(
                same_speaker_lenient(f.speaker, e.speaker) for e, f in self.matched
            ),
            kinds_right=sum(e.kind == f.kind for e, f in self.matched),
            optional_matched=len(self.optional_matched),
            optional_total=self.optional_total,
            separate_recorded=len(self.separate_matched),
            separate_total=self.separate_total,
            errors=int(self.error is not None),
        )

    def failures(self) -> list[str]:
        """One line per thing that went wrong, for the --verbose listing."""
        lines = [f"error: {self.error}"] if self.error else []
        lines += [f"missed    {e.describe()}" for e in self.missed]
        lines += [f"spurious  {f.describe()}" for f in self.spurious]
        for e, f in self.matched:
            if e.kind != f.kind:
                lines.append(f"kind      {f.kind} for {e.describe()}")
            if not same_speaker_strict(f.speaker, e.speaker):
                lines.append(f"speaker   {f.speaker!r} for {e.describe()}")
        lines += [f"separate  {f.describe()} from {e.describe()}" for e, f in self.separate_matched]
        return lines


@dataclass(frozen=True)
class FileResult:
    name: str
    results: tuple[ArticleResult, ...] = field(default=())

    @property
    def tally(self) -> Tally:
        total = Tally()
        for result in self.results:
            total = total + result.tally
        return total


# ------------------------------------------------------------------ loading


# libyaml's parser reads the corpus files eight times faster than PyYAML's own
# (0.55 s against 4.3 s for the development files) into the same Python values:
# the constructor, and so every type and value, is SafeLoader's.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def _entries(path: Path) -> tuple[dict[str, Any], ...]:
    return tuple(yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or ())


def corpus_entries(path: Path) -> tuple[dict[str, Any], ...]:
    """One corpus file's entries as written, parsed once per process.

    The corpus tests read the same files many times over (collection, the
    figures, the shape and URL checks); nothing changes a file while the tests
    run, and no caller changes an entry (the entries are shared: copy one
    before changing it).
    """
    return _entries(path.resolve())


def load_articles(path: Path) -> list[Article]:
    """The articles of one corpus file, in either of the two label formats."""
    return list(_articles(path.resolve()))


@cache
def _articles(path: Path) -> tuple[Article, ...]:
    return tuple(_article(entry) for entry in corpus_entries(path))


def _article(entry: dict[str, Any]) -> Article:
    day = entry.get("date") or entry.get("made_on")
    return Article(
        id=str(entry["id"]),
        text=str(entry["text"]),
        expected=tuple(_expected(item) for item in entry.get("expected") or ())
        # corpus_dev.yaml lists optional readings apart, each with a `flag` saying why.
        + tuple(_expected({**item, "optional": True}) for item in entry.get("optional") or ()),
        day=day if isinstance(day, date) else None,
        url=str(entry["url"]) if entry.get("url") else None,
    )


def _expected(item: dict[str, Any]) -> Expected:
    level = item.get("level")
    high = item.get("level_high")
    if isinstance(level, list) and len(level) == 2:  # a range written [low, high]
        level, high = level
    return Expected(
        symbol=str(item["symbol"]),
        kind=str(item["kind"]),
        level=level if level is None or isinstance(level, str) else float(level),
        deadline=item.get("deadline"),
        speaker=item.get("speaker"),
        optional=bool(item.get("optional", False)),
        level_high=None if high is None else float(high),
    )


# ------------------------------------------------------------------ matching


def found_of(candidate: Candidate) -> Found:
    """What the harness compares of a candidate that has a claim."""
    claim = candidate.claim
    assert claim is not None
    return Found(
        symbol=claim.symbol,
        kind=claim.kind.value,
        level=claim.level if claim.relative is None else None,
        relative=claim.relative.text() if claim.relative is not None else None,
        deadline=claim.deadline,
        speaker=candidate.speaker,
        confidence=candidate.confidence,
        claim_text=candidate.claim_text or claim.canonical_text(),
        versus=claim.versus_symbol,
    )


def recordable(candidates: Iterable[Candidate], bar: float = DEFAULT_MIN_CONFIDENCE) -> list[Found]:
    """The candidates `forecast extract --yes` records: a claim, and enough confidence."""
    found = []
    for candidate in candidates:
        if candidate.claim is None or candidate.confidence < bar:
            continue
        found.append(found_of(candidate))
    return found


def level_close(found: float, wanted: float) -> bool:
    """Within 1% of the labelled level, a level exactly 1% away included (float rounding aside)."""
    return abs(found - wanted) <= LEVEL_TOLERANCE * abs(wanted) * (1 + 1e-9)


# Two Yahoo tickers for one series: Yahoo quotes dollar-yen (yen per dollar) as both JPY=X
# and USDJPY=X, the same prices under either. The extractor's alias is JPY=X (as labelled in
# corpus_dev*.yaml); corpus_test.yaml and corpus_test2.yaml were labelled USDJPY=X, as their
# header's symbol list says. Neither label is wrong, so the match reads them as one symbol.
SAME_SERIES = {"USDJPY=X": "JPY=X"}


def same_series(symbol: str) -> str:
    """The one ticker that stands for every Yahoo ticker of the same series."""
    return SAME_SERIES.get(symbol, symbol)


def matches(expected: Expected, found: Found) -> bool:
    """Same symbol (or series), level within 1% (or the same relative level), deadline within
    31 days."""
    if found.versus is not None:
        return _outperformance_matches(expected, found)
    if same_series(expected.symbol) != same_series(found.symbol):
        return False
    if expected.deadline is not None and abs(found.deadline - expected.deadline) > (
        DEADLINE_TOLERANCE
    ):
        return False
    if expected.deadline is None and not expected.separate:
        return False
    return _level_matches(expected, found)


def _outperformance_matches(expected: Expected, found: Found) -> bool:
    """An outperformance has no level, only the other asset: it matches a label of the same
    two assets, written either as the corpora's relative call ("ETH-USD vs BTC-USD", level 0)
    or as corpus_holdout.yaml's outperform ("ETH-USD", level "vs BTC-USD"), deadline within
    31 days. (Before this, no outperformance reading could match any label.)"""
    pair = f"{same_series(found.symbol)} vs {same_series(found.versus or '')}"
    written = expected.symbol
    if isinstance(expected.level, str):
        written = f"{expected.symbol} {expected.level}"
    elif expected.level not in (None, 0.0):
        return False
    if " ".join(written.split()) != pair:
        return False
    return expected.deadline is not None and abs(found.deadline - expected.deadline) <= (
        DEADLINE_TOLERANCE
    )


def _level_matches(expected: Expected, found: Found) -> bool:
    wanted = expected.level
    if wanted is None:
        return False
    if isinstance(wanted, str):
        return found.relative is not None and _relative_key(found.relative) == _relative_key(wanted)
    if found.level is None:
        return False
    if expected.level_high is not None:
        low, high = sorted((wanted, expected.level_high))
        return (
            low <= found.level <= high
            or level_close(found.level, low)
            or level_close(found.level, high)
        )
    return level_close(found.level, wanted)


def _relative_key(text: str) -> str:
    return "".join(text.split()).casefold()


def same_speaker_strict(found: str | None, wanted: str | None) -> bool:
    """Equal once case and spacing are normalised, as the ledger compares sources.

    A label may name a house any way readers do ("Energy Information
    Administration", "EIA"): it is compared by the name the ledger keeps for it.
    """
    if not found or not wanted:
        return not found and not wanted
    return source_key(found) == source_key(source_name(wanted))


def same_speaker_lenient(found: str | None, wanted: str | None) -> bool:
    """One name contains the other ("Goldman" / "Goldman Sachs"), as test_corpus.py accepts."""
    if not found or not wanted:
        return not found and not wanted
    a, b = source_key(found), source_key(source_name(wanted))
    return a in b or b in a or a in source_key(wanted)


def _preference(expected: Expected, found: Found) -> tuple[int, int, float]:
    """Among several possible partners, the likeliest reading comes first."""
    level_gap = (
        abs(found.level - expected.level)
        if isinstance(expected.level, float) and found.level is not None
        else 0.0
    )
    return (
        not same_speaker_lenient(found.speaker, expected.speaker),
        expected.kind != found.kind,
        level_gap,
    )


def maximum_matching(
    expected: Sequence[Expected], found: Sequence[Found], taken: set[int]
) -> list[tuple[int, int]]:
    """Pairs (expected index, found index) of a maximum matching; found in `taken` are skipped.

    Kuhn's augmenting paths: articles hold a handful of claims, so the simple
    algorithm is plenty, and trying each expected claim's likeliest partner
    first keeps the matching close to what a reader would pair up.
    """
    options = [
        sorted(
            (j for j, f in enumerate(found) if j not in taken and matches(e, f)),
            key=lambda j, e=e: _preference(e, found[j]),
        )
        for e in expected
    ]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(expected)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


# ------------------------------------------------------------------ scoring


def score_article(
    article: Article,
    *,
    with_date: bool,
    today: date = DEFAULT_TODAY,
    with_url: bool = False,
    acceptance: str = "vetted",
) -> ArticleResult:
    """Match one article's recordable candidates against its labels; `with_url`, the article
    read as `forecast extract URL` would, the URL's date counting when the text has none;
    `acceptance` as `forecast extract --acceptance` scores the candidates."""
    made_on = article.day if with_date else None
    targets = [e for e in article.expected if not e.optional and not e.separate]
    optional = [e for e in article.expected if e.optional and not e.separate]
    separate = [e for e in article.expected if e.separate]
    try:
        extraction = extract_article(
            article.text, today=today, made_on=made_on, url=article.url if with_url else None
        )
    except Exception as error:  # a crash is a failure to extract, reported with the article
        return ArticleResult(
            article.id,
            made_on,
            missed=tuple(targets),
            optional_total=len(optional),
            separate_total=len(separate),
            error=f"{type(error).__name__}: {error}",
        )
    scored, bar = decided(extraction.candidates, acceptance)
    found = recordable(scored, bar)
    taken: set[int] = set()
    stages = []
    for labels in (targets, optional, separate):
        pairs = maximum_matching(labels, found, taken)
        taken.update(j for _, j in pairs)
        stages.append([(labels[i], found[j]) for i, j in pairs])
    matched, optional_matched, separate_matched = stages
    matched_targets = {id(e) for e, _ in matched}
    return ArticleResult(
        article.id,
        extraction.made_on,
        matched=tuple(matched),
        missed=tuple(e for e in targets if id(e) not in matched_targets),
        spurious=tuple(f for j, f in enumerate(found) if j not in taken),
        optional_matched=tuple(optional_matched),
        optional_total=len(optional),
        separate_matched=tuple(separate_matched),
        separate_total=len(separate),
    )


def score_file(
    path: Path,
    *,
    with_date: bool,
    today: date = DEFAULT_TODAY,
    with_url: bool = False,
    acceptance: str = "vetted",
) -> FileResult:
    results = tuple(
        score_article(
            article, with_date=with_date, today=today, with_url=with_url, acceptance=acceptance
        )
        for article in load_articles(path)
    )
    return FileResult(path.name, results)


def corpus_paths(names: Sequence[str] = (), *, frozen: bool = False) -> list[Path]:
    """The files named (paths, or names in tests/extract/); else the frozen set when asked
    for it, else every development file: a bare run never reads the frozen set, so nobody
    tunes on it by accident."""
    if not names:
        return [CORPUS_DIR / name for name in (FROZEN_FILES if frozen else DEVELOPMENT_FILES)]
    paths = []
    for name in names:
        path = Path(name)
        paths.append(path if path.exists() else CORPUS_DIR / name)
    return paths
