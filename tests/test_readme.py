"""The README's commands, run as a user would paste them, so the README cannot rot.

Every line of a shell block (```bash, ```sh) in README.md is a command a user
may paste. Each is either run here, in README order, against one fresh ledger
in a temporary directory with the fake Yahoo serving made-up prices, or named
in `NOT_RUN` with the reason it cannot be. A new command in the README that is
neither fails `test_every_readme_command_is_run_or_skipped_with_a_reason`.

A command's expected output may follow it as comment lines indented two spaces
past the ``#`` (``#  gold (GC=F) trades ...``); each such line must appear in
what the command printed, in order, ``...`` standing for any text. Python
blocks (```python) run too, in the same directory, after the commands above
them.
"""

from __future__ import annotations

import re
import shlex
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from cli_runner import forecast
from price_files import write_csv
from yahoo_fake import FakeYahoo, daily_bars

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
MAKEFILE = ROOT / "Makefile"
SHELL_LANGUAGES = {"bash", "sh", "shell", "console"}

# Commands this test cannot run, each with why (and what covers it instead).
NOT_RUN: dict[str, str] = {
    "make test": "runs this suite itself",
    "pip install -e '.[postgres]'": "installs from the network",
    "forecast --db postgresql+psycopg://me@dbhost/ledger list": (
        "needs a PostgreSQL server; the storage tests run there with FORECAST_TEST_DATABASE_URL"
    ),
    "FORECAST_TEST_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/test make test": (
        "runs this suite itself, on PostgreSQL"
    ),
    'forecast extract https://example.com/markets/gold-outlook --source "Goldman Sachs" --json': (
        "fetches a web page; tests/extract/test_fetch_safety.py serves pages from a local server"
    ),
    (
        "forecast extract column.html --llm --llm-url http://localhost:11434/v1"
        " --llm-model llama3.1:8b"
    ): (
        "needs a language-model server; tests/extract/test_llm_extract.py runs it against a "
        "fake endpoint on 127.0.0.1"
    ),
    "export FORECAST_LLM=1 FORECAST_LLM_URL=http://localhost:8080/v1 FORECAST_LLM_MODEL=any": (
        "settings for a language-model server; tests/extract/test_llm_extract.py sets them"
    ),
    "export FORECAST_LLM_API_KEY=sk-...": "a placeholder key for a hosted model",
    'forecast review accept 12 --note "FX bars do this; the close confirms it"': (
        "needs a verdict on a repaired bar; tests/review/test_review_cli.py accepts one"
    ),
    "forecast review rejudge 12 --closes-only": (
        "needs a verdict on a repaired bar; tests/review/test_review_cli.py re-judges one"
    ),
    "export FORECAST_TSA_URL=https://tsa.example.org/tsr": (
        "names a time-stamp authority on the network; tests/proof/test_timestamp.py serves one "
        "on 127.0.0.1"
    ),
    "forecast head --timestamp --json > head.json": (
        "asks a time-stamp authority; tests/proof/test_timestamp.py runs it against a fake TSA "
        "on 127.0.0.1"
    ),
    "forecast verify-timestamp head.json --tsa-cert tsa-ca.pem": (
        "needs a token from a TSA; tests/proof/test_timestamp.py checks one the fake TSA signed"
    ),
    "forecast verify --head head.json --tsa-cert tsa-ca.pem": (
        "needs a token from a TSA; tests/proof/test_timestamp.py checks one the fake TSA signed"
    ),
    "forecast tui": "an interactive terminal; tests/tui drive the app with App.run_test()",
    "forecast tui --prices csv:~/prices": (
        "an interactive terminal; tests/tui drive the app with App.run_test()"
    ),
}
# Commands run by a test of their own rather than in README order.
RUN_ELSEWHERE: dict[str, str] = {
    "make demo": "test_make_demo_recipe_runs_offline",
}
# Exit codes other than 0 that a README command is meant to end with.
EXPECTED_CODES: dict[str, int] = {}


@dataclass
class Snippet:
    """One command line (or Python block) of the README, with its expected output."""

    line: int
    text: str
    language: str
    expected: list[str] = field(default_factory=list)

    def where(self) -> str:
        return f"README.md line {self.line}: {self.text!r}"


def readme_snippets(text: str) -> list[Snippet]:
    """The commands of shell blocks and the Python blocks, in README order."""
    snippets: list[Snippet] = []
    language: str | None = None
    python_lines: list[str] = []
    python_start = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if stripped.startswith("```"):
            if language is None:
                language = stripped[3:].strip().lower()
                python_lines, python_start = [], number + 1
            else:
                if language == "python":
                    snippets.append(Snippet(python_start, "\n".join(python_lines), "python"))
                language = None
            continue
        if language == "python":
            python_lines.append(raw)
        elif language in SHELL_LANGUAGES and stripped:
            if stripped.startswith("#"):
                if raw.startswith("#  ") and snippets and snippets[-1].language == "shell":
                    snippets[-1].expected.append(raw[3:])
                continue
            snippets.append(Snippet(number, _without_comment(stripped), "shell"))
    return snippets


def _without_comment(line: str) -> str:
    """The command without its trailing ``# comment`` (a ``#`` inside quotes stays)."""
    quote: str | None = None
    escaped = False
    for index, char in enumerate(line):
        if escaped:
            escaped = False
        elif char == "\\" and quote != "'":
            escaped = True
        elif quote:
            quote = None if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "#" and (index == 0 or line[index - 1].isspace()):
            return line[:index].rstrip()
    return line


def commands(snippet_text: str) -> Iterator[tuple[list[str], str | None, bool]]:
    """Each simple command of a line: (argv, file its stdout goes to, may it fail).

    Knows the little shell the README uses: ``&&``, ``|| true``, ``> FILE`` and
    ``\\$`` inside double quotes.
    """
    lexer = shlex.shlex(snippet_text, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    lexer.commenters = ""
    tokens = [token.replace("\\$", "$") for token in lexer]
    argv: list[str] = []
    target: str | None = None
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token == ">":
            target = tokens[index + 1]
            index += 2
            continue
        if token == "&&":
            yield argv, target, False
            argv, target = [], None
        elif token == "||":
            assert tokens[index + 1 : index + 2] == ["true"], snippet_text
            yield argv, target, True
            argv, target = [], None
            index += 1
        else:
            assert token not in {"|", ";", "<", ">>"}, f"unsupported shell in {snippet_text!r}"
            argv.append(token)
        index += 1
    if argv:
        yield argv, target, False


def program(argv: list[str]) -> str:
    """The program a command runs, past any VAR=value prefix."""
    return next(word for word in argv if not re.fullmatch(r"[A-Z_][A-Z0-9_]*=.*", word))


def shown_in_order(expected: list[str], printed: str) -> str | None:
    """None when every expected line matches a printed line, in order; else the first miss."""
    lines = iter(line.rstrip() for line in printed.splitlines())
    for want in expected:
        pattern = ".*".join(re.escape(part) for part in want.rstrip().split("..."))
        if not any(re.fullmatch(pattern, line) for line in lines):
            return want
    return None


# ------------------------------------------------------------------ prices


def _btc_bars(today: pd.Timestamp) -> pd.DataFrame:
    """Bitcoin falling steadily into 2025-11-20, its low that day 86,040.7969.

    The README's support example says bitcoin was at its 60-day low on its call
    day (no swing low below the close), so the rule reads the lowest low; these
    bars make that so without Yahoo.
    """
    bars = daily_bars("2024-01-01", str(today.date()), weekdays_only=False, start_price=60_000)
    fall = pd.date_range("2025-08-01", "2025-11-20", freq="D")
    close = np.linspace(115_000.0, 86_400.0, len(fall))
    bars.loc[fall, "close"] = close
    bars.loc[fall, "open"] = np.r_[115_100.0, close[:-1]]
    bars.loc[fall, "high"] = np.r_[115_100.0, close[:-1]] + 300.0
    bars.loc[fall, "low"] = close - 300.0
    bars.loc[pd.Timestamp("2025-11-20"), "low"] = 86_040.7969
    later = bars.index > pd.Timestamp("2025-11-20")
    scale = 86_400.0 / bars.loc[later, "open"].iloc[0]
    bars.loc[later, ["open", "high", "low", "close"]] *= scale
    return bars


def serve_prices(fake: FakeYahoo) -> dict[str, pd.DataFrame]:
    """Made-up daily bars, near real levels, for every asset the README and demo name."""
    today = pd.Timestamp.today().normalize()
    # symbol: (price at the start of 2024, trades on weekdays only)
    levels = {
        "GC=F": (2_100.0, True),
        "SI=F": (24.0, True),
        "CL=F": (70.0, True),
        "^GSPC": (4_800.0, True),
        "EURUSD=X": (1.1, True),
        "ETH-USD": (2_300.0, False),
    }
    served = {
        symbol: daily_bars(
            "2024-01-01", str(today.date()), weekdays_only=weekdays, start_price=price, seed=seed
        )
        for seed, (symbol, (price, weekdays)) in enumerate(levels.items())
    }
    served["BTC-USD"] = _btc_bars(today)
    for symbol, bars in served.items():
        fake.set(symbol, bars)
    return served


@pytest.fixture
def user_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_yahoo: FakeYahoo) -> Path:
    """A working directory holding the example file, HOME pointed at it, Yahoo faked."""
    home = tmp_path / "home"
    home.mkdir()
    for example in ("predictions.example.yaml", "article.example.txt"):
        shutil.copy(ROOT / example, home)
    monkeypatch.chdir(home)
    monkeypatch.setenv("HOME", str(home))
    for symbol, bars in serve_prices(fake_yahoo).items():
        write_csv(home / "prices", symbol, bars)  # for `--prices csv:~/prices`
    return home


# ------------------------------------------------------------------ tests


def test_every_readme_command_is_run_or_skipped_with_a_reason() -> None:
    snippets = [
        s for s in readme_snippets(README.read_text(encoding="utf-8")) if s.language == "shell"
    ]
    assert snippets, "no shell commands found in README.md"
    unknown = [
        s.where()
        for s in snippets
        for argv, _, _ in commands(s.text)
        if program(argv) != "forecast" and s.text not in NOT_RUN and s.text not in RUN_ELSEWHERE
    ]
    assert not unknown, "README commands neither run by this test nor listed in NOT_RUN:\n" + (
        "\n".join(unknown)
    )
    texts = {s.text for s in snippets}
    stale = [text for text in [*NOT_RUN, *RUN_ELSEWHERE, *EXPECTED_CODES] if text not in texts]
    assert not stale, f"listed here but no longer in README.md: {stale}"


def test_readme_commands_work_as_written(capsys, user_dir: Path) -> None:
    failures: list[str] = []
    for snippet in readme_snippets(README.read_text(encoding="utf-8")):
        if snippet.text in NOT_RUN or snippet.text in RUN_ELSEWHERE:
            continue
        if snippet.language == "python":
            try:
                exec(compile(snippet.text, "README.md", "exec"), {"__name__": "readme"})
            except Exception as exc:  # reported with its README line
                failures.append(f"{snippet.where()}\n  raised {exc!r}")
            continue
        printed = ""
        for argv, target, may_fail in commands(snippet.text):
            if program(argv) != "forecast":
                failures.append(f"{snippet.where()}\n  not a forecast command: list it in NOT_RUN")
                break
            result = forecast(capsys, *argv[argv.index("forecast") + 1 :])
            if target is not None:
                (user_dir / target).write_text(result.out, encoding="utf-8")
            printed += result.out + result.err
            wanted = EXPECTED_CODES.get(snippet.text, 0)
            if result.code != wanted and not may_fail:
                failures.append(
                    f"{snippet.where()}\n  exit {result.code} (want {wanted}): "
                    f"{result.err.strip()}\n{result.out[-2000:]}"
                )
        missing = shown_in_order(snippet.expected, printed)
        if missing is not None:
            failures.append(f"{snippet.where()}\n  did not print {missing!r}; printed:\n{printed}")
    assert not failures, "\n".join(failures)


def demo_recipe() -> list[str]:
    """The command lines of the Makefile's `demo` target."""
    lines = MAKEFILE.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("demo:"))
    recipe = []
    for line in lines[start + 1 :]:
        if not line.startswith("\t"):
            break
        recipe.append(_without_comment(line.strip()))
    return recipe


def test_make_demo_recipe_runs_offline(capsys, user_dir: Path) -> None:
    """`make demo` as the README gives it: the Makefile's recipe, its forecast lines in-process."""
    recipe = demo_recipe()
    assert any("import predictions.example.yaml" in line for line in recipe), recipe
    printed = ""
    for line in recipe:
        for argv, _, _ in commands(line.replace("$(BIN)/", "")):
            assert program(argv) == "forecast", line
            result = forecast(capsys, *argv[1:])
            # `|| true` lets a line fail when Yahoo is down; with every price served none does.
            assert result.code == 0, f"{line}: exit {result.code}: {result.err}"
            printed += result.out
    for source in ("JPMorgan", "Goldman Sachs", "Morgan Stanley", "self"):
        assert source in printed
