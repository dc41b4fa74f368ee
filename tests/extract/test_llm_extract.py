"""forecast extract --llm against a fake chat-completions server on 127.0.0.1.

The model's reply goes through the claim parser like any claim; every way the
model can fail (unreachable, slow, HTTP error, refusal, invalid JSON, schema
mismatch) is one line on stderr and the rule-based candidates instead.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from cli_runner import Result, forecast
from llm_fake import FakeLlm, completion, fake_llm

from ledger.cli import extract as extract_cli
from ledger.cli.app import app
from ledger.extract.llm.client import MAX_REPLY_BYTES

ARTICLE = """Gold and bitcoin: what the banks expect

November 20, 2025

Gold broke $4,000 last week. JPMorgan continues to be bullish on gold, expecting it \
to reach $5,055 by the end of 2026.
Traders wonder whether Bitcoin can hold the critical support level.
The short squeeze in the silver market may not be over, said one analyst.
"""
JPM_QUOTE = (
    "JPMorgan continues to be bullish on gold, expecting it to reach $5,055 by the end of 2026."
)
FALLBACK = "using the rule-based extractor instead"


def claim(**fields: Any) -> dict[str, Any]:
    """One claim record as the schema writes it; unnamed fields null."""
    record: dict[str, Any] = {
        "speaker": None, "asset": None, "kind": None, "level": None, "upper": None,
        "versus": None, "deadline": None, "probability": None, "conditional": False,
        "quote": None,
    }  # fmt: skip
    record.update(fields)
    return record


JPM = claim(
    speaker="JPMorgan",
    asset="gold",
    kind="touch_above",
    level="$5,055",
    deadline="by the end of 2026",
    quote=JPM_QUOTE,
)
SUPPORT = claim(
    asset="bitcoin",
    kind="hold_above",
    level="support",
    quote="Traders wonder whether Bitcoin can hold the critical support level.",
)
SQUEEZE = claim(
    asset="silver",
    kind="vague",
    quote="The short squeeze in the silver market may not be over",
)


@pytest.fixture(autouse=True)
def _extract_registered() -> None:
    if "extract" not in {command.name for command in app.registered_commands}:
        extract_cli.register(app)


@pytest.fixture
def llm() -> Iterator[FakeLlm]:
    with fake_llm() as fake:
        yield fake


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def extract(
    capsys: pytest.CaptureFixture[str],
    db: str,
    article: Path,
    url: str | None,
    *extra: str,
) -> Result:
    llm_args = ["--llm", "--llm-url", url, "--llm-model", "test-model"] if url else []
    return forecast(
        capsys,
        "--db", db, "extract", str(article), "--made-on", "2025-11-20", "--json",
        *llm_args, *extra,
    )  # fmt: skip


def fallback_lines(result: Result) -> list[str]:
    return [line for line in result.err.splitlines() if FALLBACK in line]


def test_good_reply_gives_parsed_candidates_in_the_articles_words(
    capsys: pytest.CaptureFixture[str], ledger_url: str, article: Path, llm: FakeLlm
) -> None:
    llm.answer_claims([JPM, SUPPORT, SQUEEZE])
    result = extract(capsys, ledger_url, article, llm.url)
    assert result.code == 0, result.err
    assert "candidates from the language model test-model" in result.err
    assert not fallback_lines(result)
    found = {c["canonical"]: c for c in result.json()}
    assert set(found) == {
        "GC=F touch_above 5055 by 2026-12-31",
        "BTC-USD hold_above support(60d,pivot3) by 2026-02-18",
        "SI=F vague: The short squeeze in the silver market may not be over",
    }
    jpm = found["GC=F touch_above 5055 by 2026-12-31"]
    assert jpm["speaker"] == "JPMorgan"
    assert jpm["sentence"] == JPM_QUOTE
    assert jpm["claim"] == "gold touch_above $5,055 by the end of 2026"
    assert found["SI=F vague: The short squeeze in the silver market may not be over"]["vague"]
    # What was asked: the model, the article, and the schema as structured output.
    (request,) = llm.requests
    assert llm.paths == ["/v1/chat/completions"]
    assert request["model"] == "test-model"
    assert request["response_format"]["type"] == "json_schema"
    assert JPM_QUOTE in request["messages"][-1]["content"]


def test_yes_records_a_model_candidate_with_its_speaker_and_quote(
    capsys: pytest.CaptureFixture[str], ledger_url: str, article: Path, llm: FakeLlm
) -> None:
    llm.answer_claims([JPM])
    result = extract(capsys, ledger_url, article, llm.url, "--yes")
    assert result.code == 0, result.err
    (row,) = forecast(capsys, "--db", ledger_url, "list", "--json").json()
    assert row["source"] == "JPMorgan"
    assert row["symbol"] == "GC=F" and row["level"] == 5055
    shown = forecast(capsys, "--db", ledger_url, "show", str(row["id"]), "--json").json()
    assert shown["quote"] == JPM_QUOTE


def test_a_claim_the_parser_refuses_is_dropped_with_its_reason(
    capsys: pytest.CaptureFixture[str], ledger_url: str, article: Path, llm: FakeLlm
) -> None:
    unknown = claim(asset="unobtainium", kind="touch_above", level="100", quote=JPM_QUOTE)
    two_levels = claim(asset="gold", kind="touch_above", level="5055 or 6000", quote=JPM_QUOTE)
    llm.answer_claims([unknown, two_levels, JPM])
    result = extract(capsys, ledger_url, article, llm.url)
    assert result.code == 0, result.err
    assert [c["canonical"] for c in result.json()] == ["GC=F touch_above 5055 by 2026-12-31"]
    dropped = [line for line in result.err.splitlines() if "dropped" in line]
    assert len(dropped) == 2
    assert "model claim 1" in dropped[0] and "unobtainium" in dropped[0]
    assert "model claim 2" in dropped[1] and "two different levels" in dropped[1]


def test_a_quote_not_in_the_article_is_dropped(
    capsys: pytest.CaptureFixture[str], ledger_url: str, article: Path, llm: FakeLlm
) -> None:
    invented = dict(JPM, quote="JPMorgan sees gold at $5,055 by the end of 2026.")
    llm.answer_claims([invented, SUPPORT])
    result = extract(capsys, ledger_url, article, llm.url)
    assert result.code == 0, result.err
    assert [c["symbol"] for c in result.json()] == ["BTC-USD"]
    assert "quote does not occur in the article" in result.err


def test_a_speaker_the_article_never_names_is_left_blank(
    capsys: pytest.CaptureFixture[str], ledger_url: str, article: Path, llm: FakeLlm
) -> None:
    llm.answer_claims([dict(JPM, speaker="Goldman Sachs")])
    result = extract(capsys, ledger_url, article, llm.url)
    (candidate,) = result.json()
    assert candidate["speaker"] is None
    assert any("'Goldman Sachs' is not named" in note for note in candidate["assumptions"])


def test_a_server_without_structured_output_is_asked_again_without_it(
    capsys: pytest.CaptureFixture[str], ledger_url: str, article: Path, llm: FakeLlm
) -> None:
    llm.reject_response_format = True
    llm.answer("```json\n" + json.dumps({"claims": [JPM]}) + "\n```")
    result = extract(capsys, ledger_url, article, llm.url)
    assert result.code == 0, result.err
    assert [c["symbol"] for c in result.json()] == ["GC=F"]
    assert ["response_format" in r for r in llm.requests] == [True, False]


def test_in_a_terminal_a_model_candidate_is_shown_edited_and_recorded_like_any(
    capsys: pytest.CaptureFixture[str],
    ledger_url: str,
    article: Path,
    llm: FakeLlm,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    llm.answer_claims([JPM, dict(SUPPORT, level="$80,000", deadline="by 2026-03-31",
                                 quote="Traders wonder whether Bitcoin can hold")])  # fmt: skip
    answers = iter(["e", "gold reaches $5,100 by end-2026", "a"])
    monkeypatch.setattr(extract_cli, "_stdin_is_terminal", lambda: True)
    monkeypatch.setattr(typer, "prompt", lambda text, **_: next(answers))
    result = forecast(
        capsys, "--db", ledger_url, "extract", str(article), "--made-on", "2025-11-20",
        "--llm", "--llm-url", llm.url, "--llm-model", "test-model",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert next(answers, None) is None
    # The bitcoin reading names a level its quote does not state: never asked about.
    assert "model claim 2 (bitcoin hold_above $80,000 by 2026-03-31) dropped" in result.err
    assert "now reads: gold (GC=F) trades at or above 5100" in result.err
    (row,) = forecast(capsys, "--db", ledger_url, "list", "--json").json()
    assert (row["source"], row["level"], row["text"]) == (
        "JPMorgan",
        5100,
        "gold reaches $5,100 by end-2026",
    )


def test_a_reply_too_large_to_be_one_is_refused(
    capsys: pytest.CaptureFixture[str], ledger_url: str, article: Path, llm: FakeLlm
) -> None:
    llm.answer(" " * (MAX_REPLY_BYTES + 1) + json.dumps({"claims": [JPM]}))
    result = extract(capsys, ledger_url, article, llm.url)
    (line,) = fallback_lines(result)
    assert "sent more than 4 MB" in line


def rule_candidates(capsys: pytest.CaptureFixture[str], db: str, article: Path) -> list[dict]:
    result = extract(capsys, db, article, None)
    assert result.code == 0, result.err
    return result.json()


@pytest.mark.parametrize(
    ("setup", "said"),
    [
        pytest.param(lambda f: f.answer("I'm sorry, I can't help with that."), "not valid JSON",
                     id="invalid-json"),
        pytest.param(lambda f: f.answer_claims([dict(JPM, kind="up")]),
                     "does not match the claim schema: claims[0].kind", id="schema-mismatch"),
        pytest.param(lambda f: f.answer(json.dumps({"forecasts": []})),
                     "does not match the claim schema", id="schema-wrong-top-level"),
        pytest.param(lambda f: f.fail(500, b'{"error": {"message": "model crashed"}}'),
                     "answered HTTP 500 (model crashed)", id="http-500"),
        pytest.param(lambda f: f.fail(401, b'{"error": "bad key"}'),
                     "FORECAST_LLM_API_KEY", id="http-401"),
        pytest.param(lambda f: f.fail(200, completion(None, refusal="I cannot do that")),
                     "refused (I cannot do that)", id="refusal"),
        pytest.param(lambda f: f.fail(200, completion('{"claims": [', finish="length")),
                     "cut short", id="cut-short"),
        pytest.param(lambda f: f.fail(200, b"<html>not an API</html>"),
                     "sent no chat completion", id="not-a-completion"),
    ],
)  # fmt: skip
def test_a_failed_answer_is_one_line_and_the_rules_answer_instead(
    capsys: pytest.CaptureFixture[str],
    ledger_url: str,
    article: Path,
    llm: FakeLlm,
    setup: Any,
    said: str,
) -> None:
    setup(llm)
    result = extract(capsys, ledger_url, article, llm.url)
    assert result.code == 0, result.err
    (line,) = fallback_lines(result)
    assert said in line
    assert "Traceback" not in result.err
    assert result.json() == rule_candidates(capsys, ledger_url, article)


def test_a_slow_server_times_out_and_the_rules_answer(
    capsys: pytest.CaptureFixture[str], ledger_url: str, article: Path, llm: FakeLlm
) -> None:
    llm.delay = 30
    llm.answer_claims([JPM])
    result = extract(capsys, ledger_url, article, llm.url, "--llm-timeout", "0.3")
    assert result.code == 0, result.err
    (line,) = fallback_lines(result)
    assert "did not answer within 0.3 s" in line
    assert result.json() == rule_candidates(capsys, ledger_url, article)


def test_a_server_trickling_its_reply_is_cut_off_at_the_deadline(
    capsys: pytest.CaptureFixture[str], ledger_url: str, article: Path, llm: FakeLlm
) -> None:
    # Each byte comes well within the timeout; the whole reply would take minutes.
    llm.trickle = True
    llm.answer_claims([JPM, SUPPORT, SQUEEZE])
    result = extract(capsys, ledger_url, article, llm.url, "--llm-timeout", "0.5")
    (line,) = fallback_lines(result)
    assert "did not answer within 0.5 s" in line
    # The client hung up at the deadline rather than reading to the end.
    assert not llm.sent_whole_reply


def test_an_unreachable_endpoint_is_one_line_and_the_rules_answer(
    capsys: pytest.CaptureFixture[str], ledger_url: str, article: Path
) -> None:
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    result = extract(capsys, ledger_url, article, f"http://127.0.0.1:{port}/v1")
    assert result.code == 0, result.err
    (line,) = fallback_lines(result)
    assert "cannot be reached (connection refused)" in line
    assert result.json() == rule_candidates(capsys, ledger_url, article)


def test_an_error_line_never_shows_credentials_written_in_the_url(
    capsys: pytest.CaptureFixture[str], ledger_url: str, article: Path, llm: FakeLlm
) -> None:
    llm.fail(503, b"busy")
    host = llm.url.removeprefix("http://")
    result = extract(capsys, ledger_url, article, f"http://me:s3cret@{host}?key=s3cret")
    (line,) = fallback_lines(result)
    assert "answered HTTP 503" in line and f"http://{host}/chat/completions" in line
    assert "s3cret" not in result.err


def test_the_api_key_comes_from_the_environment_as_a_bearer_token(
    capsys: pytest.CaptureFixture[str],
    ledger_url: str,
    article: Path,
    llm: FakeLlm,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("FORECAST_LLM_API_KEY", "sk-test")
    monkeypatch.setenv("FORECAST_LLM_URL", llm.url)
    monkeypatch.setenv("FORECAST_LLM_MODEL", "from-env")
    monkeypatch.setenv("FORECAST_LLM", "1")
    llm.answer_claims([JPM])
    result = forecast(
        capsys, "--db", ledger_url, "extract", str(article), "--made-on", "2025-11-20", "--json"
    )
    assert result.code == 0, result.err
    assert llm.headers[0]["Authorization"] == "Bearer sk-test"
    assert llm.requests[0]["model"] == "from-env"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        pytest.param(["--llm"], "--llm needs an endpoint", id="no-url"),
        pytest.param(["--llm", "--llm-url", "http://127.0.0.1:1/v1"], "--llm needs a model",
                     id="no-model"),
        pytest.param(["--llm", "--llm-url", "localhost:11434", "--llm-model", "m"],
                     "is not an http(s) URL", id="not-a-url"),
    ],
)  # fmt: skip
def test_llm_settings_missing_are_a_usage_error(
    capsys: pytest.CaptureFixture[str], ledger_url: str, article: Path, args: list[str], said: str
) -> None:
    result = forecast(capsys, "--db", ledger_url, "extract", str(article), *args)
    assert result.code == 2
    assert said in result.err
    assert len(result.err.strip().splitlines()) == 1
