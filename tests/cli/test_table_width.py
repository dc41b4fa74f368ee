"""CLI tables at any terminal width: whole columns are dropped, numbers are never cut."""

from __future__ import annotations

import io
import re

import pytest
from cli_runner import forecast
from rich.console import Console

from ledger.cli import grid, render

CLAIMS = (
    ("gold $5055 by end-2026", "JPMorgan Chase Global Commodities Research"),
    ("BTC falls to 69305.52 by 2026-02-18", "The Market Column"),
    ("EURUSD 1.2 by 2026-12-31", "self"),
)


@pytest.fixture
def narrow(monkeypatch: pytest.MonkeyPatch):
    """Tables printed as to a terminal of a given width; what was printed comes back."""
    written = io.StringIO()

    def use(width: int) -> io.StringIO:
        monkeypatch.setattr(
            render,
            "stdout",
            lambda: Console(file=written, width=width, highlight=False, soft_wrap=True),
        )
        # A grid (the scoreboard) goes to Rich as on a terminal, not to the pipe's lines.
        monkeypatch.setattr(grid, "plain_stream", lambda stream: False)
        return written

    return use


@pytest.mark.parametrize("width", [50, 64, 80, 100, 160])
def test_list_fits_the_terminal_and_keeps_numbers_whole(
    capsys, migrated_url, narrow, width
) -> None:
    for text, source in CLAIMS:
        forecast(capsys, "--db", migrated_url, "add", text, "-s", source, "--made-on", "2025-11-20")
    written = narrow(width)
    assert forecast(capsys, "--db", migrated_url, "list").code == 0
    lines = written.getvalue().splitlines()
    assert all(len(line.rstrip()) <= width for line in lines)
    body = "\n".join(lines)
    for number in ("5055", "69305.52", "1.2", "2026-12-31", "2026-02-18"):
        assert re.search(rf"(?<![\d.]){re.escape(number)}(?![\d.])", body), (number, body)
    assert not re.findall(r"\d…", body)  # no number ends in an ellipsis


def test_the_score_table_drops_columns_before_it_cuts_a_figure(
    capsys, migrated_url, narrow
) -> None:
    forecast(capsys, "--db", migrated_url, "add", "gold $9000 by 2099-12-31", "-s", "A")
    written = narrow(60)
    assert forecast(capsys, "--db", migrated_url, "score").code == 0
    header = written.getvalue().splitlines()[0]
    assert "scored" in header and "bits/claim" not in header
    assert all(len(line.rstrip()) <= 60 for line in written.getvalue().splitlines())
