"""An import file that contradicts itself is refused, naming the lines (issue 14).

Before: claim text with a `level:` or `kind:` that said otherwise recorded the
text and ignored the fields; the same claim twice with different
probabilities kept the first and called the second "already in the ledger";
two entries with one `key` were accepted (a `revises:` then pointed at
whichever came last).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import forecast


def _import(capsys, migrated_url: str, path: Path, body: str):
    path.write_text(body, encoding="utf-8")
    return forecast(capsys, "--db", migrated_url, "import", str(path))


def _nothing_recorded(capsys, migrated_url: str) -> bool:
    return forecast(capsys, "--db", migrated_url, "list", "--json").json() == []


ENTRY = "  - source: A\n    made_on: 2025-11-20\n    claim: gold $5055 by end-2026\n"


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        pytest.param("    level: 6000\n", "level: 6000", id="other-level"),
        pytest.param("    kind: touch_below\n", "kind: touch_below", id="other-kind"),
        pytest.param("    kind: close_above\n", "kind: close_above", id="other-kind-same-side"),
        pytest.param("    deadline: 2026-06-30\n", "deadline: 2026-06-30", id="other-deadline"),
        pytest.param("    symbol: SI=F\n", "symbol: SI=F", id="other-asset"),
        pytest.param(
            "    level: 5055\n    kind: hold_above\n", "kind: hold_above", id="two-fields"
        ),
        pytest.param("    level: lots\n", "level: lots", id="unreadable-level"),
    ],
)
def test_claim_text_and_fields_that_disagree_are_refused(
    capsys, migrated_url: str, tmp_path: Path, extra: str, field: str
) -> None:
    body = "predictions:\n" + ENTRY.replace("  - source: A\n", "  - source: B\n") + ENTRY + extra
    result = _import(capsys, migrated_url, tmp_path / "f.yaml", body)
    assert result.code == 2, result.err
    lines = [line for line in result.err.splitlines() if line.strip().startswith("line ")]
    assert len(lines) == 1, result.err
    assert lines[0].strip().startswith("line 5:")  # the second entry's first line
    assert field in lines[0] and "GC=F touch_above 5055 by 2026-12-31" in lines[0]
    assert "Traceback" not in result.err
    assert _nothing_recorded(capsys, migrated_url)


@pytest.mark.parametrize(
    "extra",
    [
        pytest.param("    level: 5055\n", id="same-level"),
        pytest.param("    level: $5,055\n    kind: touch_above\n", id="same-level-and-kind"),
        pytest.param("    symbol: gold\n    deadline: 2026-12-31\n", id="same-asset-deadline"),
    ],
)
def test_claim_text_and_fields_that_agree_are_recorded_once(
    capsys, migrated_url: str, tmp_path: Path, extra: str
) -> None:
    result = _import(capsys, migrated_url, tmp_path / "f.yaml", "predictions:\n" + ENTRY + extra)
    assert result.code == 0, result.err
    claims = forecast(capsys, "--db", migrated_url, "list", "--json").json()
    assert [(c["symbol"], c["kind"], c["level"], c["deadline"]) for c in claims] == [
        ("GC=F", "touch_above", 5055.0, "2026-12-31")
    ]


def test_the_same_claim_twice_with_different_probabilities_names_both_lines(
    capsys, migrated_url: str, tmp_path: Path
) -> None:
    body = (
        "predictions:\n"
        + ENTRY
        + "    probability: 0.6\n"
        + "  - source: B\n    made_on: 2025-11-20\n    claim: silver hits 60 by 2026-03-31\n"
        + ENTRY
        + "    probability: 0.3\n"
    )
    result = _import(capsys, migrated_url, tmp_path / "f.yaml", body)
    assert result.code == 2, result.err
    assert "line 9: the same claim as line 2" in result.err
    assert "probability (0.3 here, 0.6 there)" in result.err
    assert "already in the ledger" not in result.err
    assert _nothing_recorded(capsys, migrated_url)


def test_the_same_claim_twice_said_alike_is_recorded_once(
    capsys, migrated_url: str, tmp_path: Path
) -> None:
    body = "predictions:\n" + ENTRY + "    probability: 0.6\n" + ENTRY + "    probability: 0.6\n"
    result = _import(capsys, migrated_url, tmp_path / "f.yaml", body)
    assert result.code == 0, result.err
    assert len(forecast(capsys, "--db", migrated_url, "list", "--json").json()) == 1


def test_two_entries_with_one_key_name_both_lines(
    capsys, migrated_url: str, tmp_path: Path
) -> None:
    body = (
        "predictions:\n"
        "  - source: A\n    key: gold-call\n    made_on: 2025-11-20\n"
        "    claim: gold $5055 by end-2026\n"
        "  - source: A\n    key: gold-call\n    made_on: 2025-11-21\n"
        "    claim: gold $6000 by end-2026\n"
        "  - source: A\n    made_on: 2025-12-01\n    claim: gold $6300 by end-2026\n"
        "    revises: gold-call\n"
    )
    result = _import(capsys, migrated_url, tmp_path / "f.yaml", body)
    assert result.code == 2, result.err
    assert "line 7: key 'gold-call' is already the key of the entry on line 2" in result.err
    assert _nothing_recorded(capsys, migrated_url)
