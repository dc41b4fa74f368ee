"""Assets by name through the CLI: the table, unknown names with Yahoo's suggestions, aliases."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from cli_runner import forecast
from yahoo_fake import FakeYahoo


@pytest.fixture
def db(tmp_path: Path, migrated_ledger: Callable[[Path], str]) -> str:
    """An empty ledger already there: these tests are about reading asset names, not creating it."""
    path = tmp_path / "ledger.sqlite3"
    migrated_ledger(path)
    return str(path)


def test_nvidia_by_name_records_on_nvda(capsys, db: str) -> None:
    added = forecast(
        capsys,
        "--db",
        db,
        "add",
        "Nvidia reaches $250 by end of 2026",
        "-s",
        "me",
        "--made-on",
        "2025-11-20",
        "--json",
    )
    assert added.code == 0, added.err
    listed = forecast(capsys, "--db", db, "list", "--json").json()
    assert [(c["symbol"], c["level"]) for c in listed] == [("NVDA", 250.0)]


def test_a_lower_case_ticker_says_how_it_was_read(capsys, db: str) -> None:
    parsed = forecast(capsys, "parse", "nvda hits 300 by end-2026", "--made-on", "2025-11-20")
    assert parsed.code == 0, parsed.err
    assert "'nvda' read as NVDA" in parsed.out + parsed.err


UNKNOWN = ("add", "Rheinmetall hits 2500 by end-2026", "-s", "me", "--made-on", "2025-11-20")


def test_unknown_name_online_shows_yahoos_suggestions_and_picks_none(
    capsys, db: str, fake_yahoo: FakeYahoo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FORECAST_OFFLINE")
    fake_yahoo.set_search(
        "Rheinmetall", ("RHM.DE", "Rheinmetall AG", "XETRA"), ("RNMBY", "Rheinmetall AG", "OTC")
    )
    result = forecast(capsys, "--db", db, *UNKNOWN)
    assert result.code == 2
    assert result.err == (
        "forecast: error: 'Rheinmetall hits 2500 by end-2026' names no asset: 'Rheinmetall' is"
        " not a known name: Yahoo suggests RHM.DE (Rheinmetall AG, XETRA), RNMBY (Rheinmetall"
        " AG, OTC); add it with 'forecast alias add rheinmetall RHM.DE', or write the symbol:"
        " 'RHM.DE hits 2500 by end-2026'\n"
    )
    assert [r.path for r in fake_yahoo.requests if "search" in r.path] == ["/v1/finance/search"]
    assert forecast(capsys, "--db", db, "list", "--json").json() == []
    # The suggested claim records as written, on the symbol the user chose.
    again = forecast(capsys, "--db", db, "add", "RHM.DE hits 2500 by end-2026", "-s", "me")
    assert again.code == 0, again.err


def test_unknown_name_yahoo_knows_nothing(
    capsys, db: str, fake_yahoo: FakeYahoo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FORECAST_OFFLINE")
    result = forecast(capsys, "--db", db, *UNKNOWN)
    assert result.code == 2
    assert "Yahoo's search knows no symbol for it" in result.err
    assert "'forecast alias add rheinmetall SYMBOL'" in result.err


def test_unknown_name_yahoo_unreachable(
    capsys, db: str, fake_yahoo: FakeYahoo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FORECAST_OFFLINE")
    fake_yahoo.rate_limit(everything=True)
    result = forecast(capsys, "--db", db, *UNKNOWN)
    assert result.code == 2
    assert result.err.count("\n") == 1 and "Traceback" not in result.err
    assert "(Yahoo could not be asked: " in result.err
    assert "add it with 'forecast alias add rheinmetall SYMBOL'" in result.err


def test_unknown_name_offline(capsys, db: str) -> None:
    result = forecast(capsys, "--db", db, *UNKNOWN)
    assert result.code == 2
    assert result.err == (
        "forecast: error: 'Rheinmetall hits 2500 by end-2026' names no asset: 'Rheinmetall' is"
        " not a known name (Yahoo could not be asked: FORECAST_OFFLINE is set); add it with"
        " 'forecast alias add rheinmetall SYMBOL' or write its Yahoo symbol in its place\n"
    )


def test_no_name_at_all_keeps_the_parsers_advice(capsys, db: str) -> None:
    result = forecast(capsys, "--db", db, "add", "$5055 by end-2026", "-s", "me")
    assert result.code == 2
    assert "try 'gold $5055 by end-2026'" in result.err


@pytest.mark.parametrize(
    ("alias", "symbol", "shadows"),
    [
        pytest.param("nvidia", "NVD.DE", "'nvidia' is a built-in name for NVDA", id="table-name"),
        pytest.param("gold", "GLD", "'gold' is a built-in name for GC=F", id="builtin"),
        pytest.param("SPY", "VOO", "'SPY' is already a Yahoo symbol", id="symbol"),
    ],
)
def test_alias_add_refuses_to_shadow_unless_forced(
    capsys, db: str, alias: str, symbol: str, shadows: str
) -> None:
    refused = forecast(capsys, "--db", db, "alias", "add", alias, symbol)
    assert refused.code == 2
    assert shadows in refused.err and "--force" in refused.err
    assert forecast(capsys, "--db", db, "alias", "list", "--json").json() == {}
    forced = forecast(capsys, "--db", db, "alias", "add", alias, symbol, "--force")
    assert forced.code == 0, forced.err
    assert forecast(capsys, "--db", db, "alias", "list", "--json").json() == {alias.lower(): symbol}


def test_alias_is_stored_normalized_and_repointed_only_with_force(capsys, db: str) -> None:
    assert forecast(capsys, "--db", db, "alias", "add", "  Rhein   Metall ", "RHM.DE").code == 0
    assert forecast(capsys, "--db", db, "alias", "list", "--json").json() == {
        "rhein metall": "RHM.DE"
    }
    moved = forecast(capsys, "--db", db, "alias", "add", "rhein metall", "RNMBY")
    assert moved.code == 2 and "already means RHM.DE" in moved.err
    assert (
        forecast(capsys, "--db", db, "alias", "add", "rhein metall", "RNMBY", "--force").code == 0
    )
    assert forecast(capsys, "--db", db, "alias", "list", "--json").json() == {
        "rhein metall": "RNMBY"
    }


def test_an_alias_for_a_builtin_name_to_its_own_symbol_is_harmless(capsys, db: str) -> None:
    assert forecast(capsys, "--db", db, "alias", "add", "copper", "HG=F").code == 0


def test_alias_list_builtin(capsys) -> None:
    listed = forecast(capsys, "alias", "list", "--builtin", "--json")
    assert listed.code == 0
    names = listed.json()
    assert names["nvidia"] == "NVDA" and names["gold"] == "GC=F" and names["solana"] == "SOL-USD"
