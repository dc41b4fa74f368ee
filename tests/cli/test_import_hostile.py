"""`forecast import` against hostile files: bombs, wrong types, poison values, forged history.

Every refusal is exit 2, one line per problem naming the line, no
traceback, and nothing written.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cli_runner import Result, forecast
from price_files import flat_bars, write_csv


@pytest.fixture
def db(migrated_url: str) -> str:
    """An empty ledger that exists: a refused import must leave it empty, an accepted one fill it.

    The size cap's test starts from nothing instead: it is refused before a
    ledger is opened, so not even an empty one may be created.
    """
    return migrated_url


ENTRY = (
    "predictions:\n  - source: A\n    made_on: 2025-11-20\n"
    "    claim: gold hits 5000 by 2026-03-31\n"
)

BILLION_LAUGHS = (
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
    "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
    "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
    "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
    "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n"
)


def _import(capsys, db: str, tmp_path: Path, content: str, *args: str) -> Result:
    path = tmp_path / "hostile.yaml"
    path.write_text(content, encoding="utf-8")
    return forecast(capsys, "--db", db, "import", str(path), *args)


def _assert_refused(capsys, db: str, result: Result, *needles: str) -> None:
    assert result.code == 2, result.err
    assert "Traceback" not in result.err
    for needle in needles:
        assert needle in result.err, result.err
    # one header line, then one line per problem
    head, *problems = result.err.strip().splitlines()
    assert head.startswith("forecast: error: ")
    assert problems and all(line.startswith("  line ") for line in problems), result.err
    assert forecast(capsys, "--db", db, "list", "--json").json() == []


# --- resource bombs -------------------------------------------------------------


def test_alias_bomb_in_tags_is_refused_fast_with_its_line(capsys, db: str, tmp_path: Path) -> None:
    content = BILLION_LAUGHS + ENTRY + "    tags: *i\n"
    assert len(content.encode()) < 1000
    started = time.perf_counter()
    result = _import(capsys, db, tmp_path, content)
    assert time.perf_counter() - started < 5
    _assert_refused(capsys, db, result, "line 1:", "anchors and aliases", "&a")


@pytest.mark.parametrize(
    ("content", "line"),
    [
        pytest.param(
            "predictions:\n  - source: &who A\n    made_on: 2025-11-20\n"
            "    claim: gold hits 5000 by 2026-03-31\n",
            2,
            id="unused-anchor",
        ),
        pytest.param(
            ENTRY + "  - source: B\n    made_on: 2025-11-20\n    claim: *c\n",
            7,
            id="alias-to-nothing",
        ),
        pytest.param(
            '{"predictions": [{"source": "A", "made_on": "2025-11-20",\n'
            '  "claim": "gold hits 5000 by 2026-03-31", "quote":&q "x"}]}\n',
            2,
            id="json-style-anchor",
        ),
    ],
)
def test_any_anchor_or_alias_is_refused(
    capsys, db: str, tmp_path: Path, content: str, line: int
) -> None:
    result = _import(capsys, db, tmp_path, content)
    _assert_refused(capsys, db, result, f"line {line}:", "anchors and aliases")


def test_ampersands_and_stars_in_text_are_not_anchors(capsys, db: str, tmp_path: Path) -> None:
    content = ENTRY + '    quote: "S&P & gold: *the* trade, up *50%* & more"\n    tags: [s&p]\n'
    result = _import(capsys, db, tmp_path, content)
    assert result.code == 0, result.err
    (claim,) = forecast(capsys, "--db", db, "list", "--json").json()
    assert claim["quote"] == "S&P & gold: *the* trade, up *50%* & more"


def test_a_file_over_the_size_cap_is_refused_before_it_is_read(
    capsys, ledger_url: str, tmp_path: Path
) -> None:
    content = ENTRY + "# " + "x" * 1_100_000 + "\n"
    result = _import(capsys, ledger_url, tmp_path, content, "--max-mb", "1")
    assert result.code == 2, result.err
    assert "larger than 1 MB" in result.err and result.err.count("\n") == 1
    listed = forecast(capsys, "--db", ledger_url, "list", "--json")
    # Refused before the ledger was opened: there is none yet, or it is empty.
    assert "no ledger at" in listed.err if listed.code else listed.json() == []
    assert _import(capsys, ledger_url, tmp_path, content, "--max-mb", "2").code == 0


@pytest.mark.parametrize(
    ("extra", "line", "needle"),
    [
        pytest.param("    tags: [gold, " + "x" * 101 + "]\n", 5, "tag is 101 characters", id="tag"),
        pytest.param("    quote: " + "q" * 5001 + "\n", 5, "quote is 5,001 characters", id="quote"),
        pytest.param("    key: " + "k" * 201 + "\n", 5, "key is 201 characters", id="key"),
        pytest.param(
            "    tags: " + " ".join(["t"] * 51) + "\n", 5, "51 tags given", id="too-many-tags"
        ),
    ],
)
def test_oversize_fields_are_refused_with_their_line(
    capsys, db: str, tmp_path: Path, extra: str, line: int, needle: str
) -> None:
    result = _import(capsys, db, tmp_path, ENTRY + extra)
    _assert_refused(capsys, db, result, f"line {line}:", needle)


def test_oversize_source_name_is_refused_with_its_line(capsys, db: str, tmp_path: Path) -> None:
    content = ENTRY.replace("source: A", "source: " + "S" * 201)
    result = _import(capsys, db, tmp_path, content)
    _assert_refused(capsys, db, result, "line 2:", "source is 201 characters")


# --- structure and types --------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "needles"),
    [
        pytest.param(
            ENTRY + "    source: B\n",
            ("line 5:", "duplicate key 'source' (first on line 2)"),
            id="duplicate-entry-key",
        ),
        pytest.param(
            ENTRY + "predictions: []\n",
            ("line 5:", "duplicate key 'predictions'"),
            id="duplicate-top-level-key",
        ),
        pytest.param(
            ENTRY + "    resolutions:\n      - outcome: true\n        outcome: false\n",
            ("line 7:", "duplicate key 'outcome'"),
            id="duplicate-resolution-key",
        ),
        pytest.param(
            ENTRY.replace("source: A", "source: [a, b]"),
            ("line 2:", "source must be a single value, not a list"),
            id="list-as-source",
        ),
        pytest.param(
            ENTRY.replace("claim: gold", "claim: {gold: 1}\n    text: gold"),
            ("line 4:", "claim must be a single value, not a mapping"),
            id="mapping-as-claim",
        ),
        pytest.param(
            ENTRY + "    url: [http://a, http://b]\n",
            ("line 5:", "url must be a single value"),
            id="list-as-url",
        ),
        pytest.param(
            ENTRY + "    tags: [gold, [nested]]\n",
            ("line 5:", "each of tags must be a single value, not a list"),
            id="nested-tag",
        ),
        pytest.param(
            "sources:\n  - name: A\n    kind: [bank]\n" + ENTRY,
            ("line 3:", "source kind must be a single value"),
            id="list-as-source-kind",
        ),
        pytest.param(
            ENTRY + "    void_reason: the level was a typo\n",
            ("line 5:", "void_reason on a claim that is open"),
            id="void-reason-on-open-claim",
        ),
        pytest.param(
            ENTRY
            + "    void_reason: typo\n    resolutions:\n      - outcome: true\n"
            + "        is_current: true\n",
            ("line 5:", "void_reason on a claim that is true"),
            id="void-reason-on-true-claim",
        ),
        pytest.param(
            ENTRY + "    status: void\n",
            ("line 5:", "a void claim needs its reason"),
            id="void-status-without-reason",
        ),
        pytest.param(ENTRY + "    status: maybe\n", ("line 5:", "status 'maybe'"), id="bad-status"),
    ],
)
def test_structure_and_type_errors_name_their_line(
    capsys, db: str, tmp_path: Path, content: str, needles: tuple[str, ...]
) -> None:
    result = _import(capsys, db, tmp_path, content)
    _assert_refused(capsys, db, result, *needles)


@pytest.mark.parametrize(
    ("field", "needle"),
    [
        pytest.param("evidence_price: abc", "evidence_price 'abc' is not a number", id="price"),
        pytest.param("evidence_price: inf", "evidence_price inf is outside", id="price-inf"),
        pytest.param("outcome: maybe", "outcome: true, false or void", id="outcome"),
        pytest.param("is_current: 7", "is_current '7' is not true or false", id="is-current"),
        pytest.param("evidence_date: 2025-13-45", "evidence_date '2025-13-45'", id="date"),
        pytest.param("created_at: yesterday", "created_at 'yesterday'", id="created-at"),
        pytest.param(
            "created_at: 9999-12-31T23:00:00-05:00", "not an ISO timestamp", id="overflow"
        ),
        pytest.param("method: robot", "method 'robot' is not one of", id="method"),
        pytest.param("days_to_touch: 1e400", "days_to_touch '1e400'", id="days"),
        pytest.param("evidence_field: [high]", "evidence_field must be a single", id="field"),
        pytest.param("data_source: " + "d" * 201, "data_source is 201 characters", id="source"),
        pytest.param("note: {a: b}", "note must be a single value", id="note"),
    ],
)
def test_mistyped_resolution_fields_name_their_line(
    capsys, db: str, tmp_path: Path, field: str, needle: str
) -> None:
    content = ENTRY + "    resolutions:\n      - outcome: false\n        " + field + "\n"
    if field.startswith("outcome"):
        content = ENTRY + "    resolutions:\n      - " + field + "\n"
        line = 6
    else:
        line = 7
    result = _import(capsys, db, tmp_path, content)
    _assert_refused(capsys, db, result, f"line {line}:", needle)


def test_assumptions_given_as_one_text_stay_one_assumption(capsys, db: str, tmp_path: Path) -> None:
    content = ENTRY + "    assumptions: gold means the front-month future\n"
    assert _import(capsys, db, tmp_path, content).code == 0
    (claim,) = forecast(capsys, "--db", db, "list", "--json").json()
    assert claim["assumptions"] == ["gold means the front-month future"]


# --- values out of bounds -------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "line", "needle"),
    [
        pytest.param(
            ENTRY.replace("2025-11-20", "0001-01-01"), 3, "before 1900-01-01", id="made-on-year-1"
        ),
        pytest.param(
            ENTRY.replace("2025-11-20", "9999-12-31").replace("by 2026-03-31", "within 90 days"),
            3,
            "in the future",
            id="made-on-year-9999",
        ),
        pytest.param(
            ENTRY + "    reference_price: inf\n", 5, "not a finite number", id="reference-inf"
        ),
        pytest.param(
            "predictions:\n  - source: A\n    made_on: 2025-11-20\n    symbol: GC=F\n"
            "    kind: touch_above\n    level: 1.7976931348e308\n    deadline: 2026-03-31\n",
            6,
            "level 1.797693135e+308 is outside the accepted range",
            id="level-near-float-max",
        ),
        pytest.param(
            "predictions:\n  - source: A\n    made_on: 2025-11-20\n    symbol: GC=F\n"
            "    kind: touch_above\n    level: x1e308\n    reference_price: 4000\n"
            "    deadline: 2026-03-31\n",
            2,
            "relative level x1e+308 is outside the accepted range",
            id="relative-multiple-1e308",
        ),
        pytest.param(
            ENTRY.replace("5000", "1.7976931348e308"),
            2,
            "is larger than any price",
            id="claim-text-level",
        ),
    ],
)
def test_values_out_of_bounds_are_refused_with_the_entry_line(
    capsys, db: str, tmp_path: Path, content: str, line: int, needle: str
) -> None:
    result = _import(capsys, db, tmp_path, ENTRY + content.split("predictions:\n", 1)[1])
    _assert_refused(capsys, db, result, f"line {line + 3}:", needle)
    assert "1 bad entry" in result.err


# --- forged history -------------------------------------------------------------


def test_a_claimed_logging_time_is_kept_as_history_not_used(
    capsys, db: str, tmp_path: Path
) -> None:
    content = ENTRY.replace("2025-11-20", "2025-01-02") + "    created_at: 9999-12-31\n"
    before = datetime.now(UTC)
    assert _import(capsys, db, tmp_path, content).code == 0
    shown = forecast(capsys, "--db", db, "show", "1", "--json").json()
    logged = datetime.fromisoformat(shown["created_at"])
    assert before - timedelta(seconds=1) <= logged <= datetime.now(UTC)
    assert shown["logged_late"] is True
    assert shown["claimed_created_at"].startswith("9999-12-31T00:00:00")
    text = forecast(capsys, "--db", db, "show", "1").out
    assert "says it was logged at 9999-12-31 00:00 UTC, unverified" in text
    assert "LOGGED LATE" in text


def test_a_backdated_logging_time_does_not_hide_logged_late(
    capsys, db: str, tmp_path: Path
) -> None:
    content = ENTRY + "    created_at: 2025-11-20T08:00:00+00:00\n"
    assert _import(capsys, db, tmp_path, content).code == 0
    (claim,) = forecast(capsys, "--db", db, "list", "--json").json()
    assert claim["logged_late"] is True


FORGED = (
    ENTRY
    + "    resolutions:\n"
    + "      - outcome: true\n"
    + "        method: auto\n"
    + "        is_current: true\n"
    + "        evidence_date: 2026-01-12\n"
    + "        evidence_price: 5100\n"
    + "        evidence_field: high\n"
    + "        data_source: yahoo\n"
    + "        created_at: 2026-01-13T00:00:00+00:00\n"
)


def test_a_fabricated_auto_resolution_decides_nothing(capsys, db: str, tmp_path: Path) -> None:
    assert _import(capsys, db, tmp_path, FORGED).code == 0
    (claim,) = forecast(capsys, "--db", db, "list", "--json").json()
    assert claim["status"] == "open" and claim["evidence_date"] is None
    scores = forecast(capsys, "--db", db, "score", "--json").json()
    assert all(row["true"] == 0 for row in scores)

    prices = tmp_path / "prices"
    write_csv(prices, "GC=F", flat_bars("2025-06-02", "2026-04-30", 4000.0))
    resolved = forecast(
        capsys,
        "--db",
        db,
        "resolve",
        "--prices",
        f"csv:{prices}",
        "--as-of",
        "2026-04-30",
    )
    assert resolved.code == 0, resolved.err
    shown = forecast(capsys, "--db", db, "show", "1", "--json").json()
    assert shown["status"] == "false"
    assert [(r["outcome"], r["method"], r["is_current"]) for r in shown["resolutions"]] == [
        ("true", "imported", False),
        ("false", "auto", True),
    ]
    forged = shown["resolutions"][0]
    assert (forged["claimed_method"], forged["evidence_price"]) == ("auto", 5100.0)
    assert forged["claimed_at"].startswith("2026-01-13")
    text = forecast(capsys, "--db", db, "show", "1").out
    assert "true [imported, says auto at 2026-01-13, unverified]" in text


def test_a_void_with_its_reason_is_kept_and_shown_as_imported(
    capsys, db: str, tmp_path: Path
) -> None:
    content = ENTRY + "    status: void\n    void_reason: the level was a typo\n"
    assert _import(capsys, db, tmp_path, content).code == 0
    shown = forecast(capsys, "--db", db, "show", "1", "--json").json()
    assert (shown["status"], shown["void_reason"]) == ("void", "the level was a typo")
    assert [(r["outcome"], r["method"], r["is_current"]) for r in shown["resolutions"]] == [
        ("void", "imported", True)
    ]
    assert "void [imported]" in forecast(capsys, "--db", db, "show", "1").out
