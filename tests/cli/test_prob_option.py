"""`--prob` and an import's `probability:` read through the one parser."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import forecast


@pytest.mark.parametrize("prob", ["", "1_0%", "-0", "+0.5"])
def test_add_refuses_a_probability_float_would_take(capsys, tmp_path: Path, prob: str) -> None:
    db = str(tmp_path / "ledger.db")
    result = forecast(
        capsys, "--db", db, "add", "gold $5055 by end-2026", "-s", "me", "--prob", prob
    )
    assert result.code == 2, (result.out, result.err)
    assert "--prob" in result.err and "Traceback" not in result.err
    assert not Path(db).exists() or forecast(capsys, "--db", db, "list", "--json").json() == []


def test_add_takes_zero(capsys, tmp_path: Path) -> None:
    db = str(tmp_path / "ledger.db")
    added = forecast(
        capsys, "--db", db, "add", "gold $5055 by end-2026", "-s", "me", "--prob", "0", "--json"
    )
    assert added.code == 0, added.err
    assert added.json()["probability"] == 0.0


@pytest.mark.parametrize("prob", ["'1_0%'", "'-0'", "'+0.5'"])
def test_import_refuses_them_too(capsys, tmp_path: Path, prob: str) -> None:
    path = tmp_path / "in.yaml"
    path.write_text(
        "predictions:\n  - source: A\n    made_on: 2025-11-20\n"
        f"    claim: gold $5055 by end-2026\n    probability: {prob}\n",
        encoding="utf-8",
    )
    result = forecast(capsys, "--db", str(tmp_path / "ledger.db"), "import", str(path))
    assert result.code == 2, (result.out, result.err)
    assert "probability" in result.err and "nothing imported" in result.err
