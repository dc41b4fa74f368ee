"""The extractor proposes calls on computed levels, for the user to confirm."""

from __future__ import annotations

import re
from datetime import date

from cli_runner import forecast

from ledger.claims.model import ClaimKind, LevelRuleName
from ledger.cli.extract import DEFAULT_MIN_CONFIDENCE
from ledger.extract import extract_article
from ledger.extract.patterns import confidence_scores

MADE_ON = date(2025, 11, 20)
COLUMN = (
    "Bitcoin slid again this week. The key is to observe whether Bitcoin can hold the"
    " critical support level, analysts at the bank said."
)


def test_whether_bitcoin_can_hold_support_is_a_support_candidate() -> None:
    extraction = extract_article(COLUMN, today=MADE_ON, made_on=MADE_ON)
    (candidate,) = extraction.candidates
    claim = candidate.claim
    assert claim is not None and claim.level_rule is not None
    assert claim.level_rule.name is LevelRuleName.SUPPORT
    assert (claim.symbol, claim.kind) == ("BTC-USD", ClaimKind.HOLD_ABOVE)
    assert claim.level is None  # read from the bars when it is recorded, or by the resolver
    assert candidate.needs is None
    # Shown to the user to confirm: below the bar --yes records at.
    # a computed level keeps its own cap: the acceptance model does not score it
    assert candidate.confidence == confidence_scores.CAP_COMPUTED_LEVEL < DEFAULT_MIN_CONFIDENCE
    assert candidate.rule_confidence is None
    assert any("check it is the level the writer meant" in a for a in candidate.assumptions)


def test_yes_does_not_record_it_unseen(capsys, ledger_url: str, tmp_path) -> None:
    article = tmp_path / "column.txt"
    article.write_text(COLUMN, encoding="utf-8")
    result = forecast(
        capsys, "--db", ledger_url, "extract", str(article), "--made-on", MADE_ON.isoformat(),
        "--source", "Columnist", "--yes",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert "support(60d,pivot3)" in result.out
    assert re.search(
        rf"skipped \(confidence 0\.35 is below {DEFAULT_MIN_CONFIDENCE:g}\)", result.err
    )
    assert "added 0" in result.err
