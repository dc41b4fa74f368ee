"""`forecast extract --acceptance`: the rule score with the model's veto (default), the rule
score alone, or the acceptance model decides."""

from __future__ import annotations

from pathlib import Path

from cli_runner import forecast

TEXT = (
    "Goldman Sachs expects gold to reach $5,000 by mid-April. "
    "Citi sees silver at $60 by the end of 2026.\n"
)
MADE = ("--made-on", "2026-04-01")


def _calls(capsys, tmp_path: Path, *options: str) -> list[dict]:
    """The calls as `extract --json` lists them, each run on a ledger of its own."""
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    ledger = tmp_path / f"ledger-{len(list(tmp_path.glob('ledger-*')))}.sqlite3"
    result = forecast(
        capsys,
        "--db",
        str(ledger),
        "extract",
        str(article),
        *MADE,
        "--json",
        *options,
    )
    assert result.code == 0, result.err
    return result.json()


def test_the_model_rescores_and_keeps_the_rule_score_beside(capsys, tmp_path: Path) -> None:
    rules = {c["canonical"]: c for c in _calls(capsys, tmp_path, "--acceptance", "rules")}
    model = {c["canonical"]: c for c in _calls(capsys, tmp_path, "--acceptance", "model")}
    assert rules.keys() == model.keys()
    for canonical, call in model.items():
        assert call["rule_confidence"] == rules[canonical]["confidence"]
        assert rules[canonical]["rule_confidence"] is None
    # A four-week horizon weighs against a call in the model, not in the rule score.
    gold, silver = "GC=F touch_above 5000 by 2026-04-15", "SI=F touch_above 60 by 2026-12-31"
    assert rules[gold]["confidence"] > rules[silver]["confidence"]
    assert model[gold]["confidence"] < model[silver]["confidence"]


def test_yes_records_by_the_chosen_score(capsys, tmp_path: Path) -> None:
    def recorded(*options: str) -> set[str]:
        calls = _calls(capsys, tmp_path, "--yes", "--min-confidence", "0.9", *options)
        return {c["canonical"] for c in calls if c["status"] == "recorded"}

    assert recorded("--acceptance", "rules") == {"GC=F touch_above 5000 by 2026-04-15"}
    assert recorded() == {"GC=F touch_above 5000 by 2026-04-15"}  # the model doubts neither
    assert recorded("--acceptance", "model") == {"SI=F touch_above 60 by 2026-12-31"}


def test_an_unknown_acceptance_is_a_usage_error(capsys, tmp_path: Path) -> None:
    result = forecast(capsys, "extract", "-", "--acceptance", "learned")
    assert result.code == 2
    assert result.err.strip() == (
        "forecast: error: --acceptance 'learned': write one of vetted, rules, model"
        " (vetted is the default)"
    )


def test_the_default_holds_back_a_reading_the_model_doubts(capsys, tmp_path: Path) -> None:
    """A relative "+N%" call with no speaker: 0 of 43 relative readings were right at first
    contact. The rule score records it (0.7); the vetted default proposes it under the bar."""
    article = tmp_path / "article.txt"
    article.write_text(
        "I expect another 20% to 30% of upside for gold before the year is out.\n",
        encoding="utf-8",
    )

    def run(*options: str) -> dict:
        result = forecast(capsys, "extract", str(article), *MADE, "--json", *options)
        assert result.code == 0, result.err
        (call,) = result.json()
        assert call["canonical"] == "GC=F touch_above +20% by 2026-12-31"
        return call

    rules, vetted = run("--acceptance", "rules"), run()
    assert rules["confidence"] >= 0.6 and "the acceptance model's doubt" not in rules["lowered_by"]
    assert vetted["lowered_by"][-1] == "the acceptance model's doubt"
    assert vetted["rule_confidence"] == rules["confidence"]
    assert vetted["confidence"] < 0.45
