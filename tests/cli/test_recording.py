"""The recording CLI end to end: add, parse, list, show, void, sources, alias."""

from __future__ import annotations

import pytest
from cli_runner import forecast


@pytest.fixture
def db(migrated_url: str) -> str:
    """An empty ledger that exists: these tests are about what is recorded in it."""
    return migrated_url


@pytest.fixture
def no_ledger_yet(ledger_url: str) -> str:
    """Nothing there yet: for tests of what a command leaves behind where there was no ledger."""
    return ledger_url


def test_add_records_the_headline_claim(capsys, db: str) -> None:
    result = forecast(
        capsys,
        "--db",
        db,
        "add",
        "gold $5055 by end-2026",
        "--source",
        "JPMorgan",
        "--made-on",
        "2025-11-20",
    )
    assert result.code == 0, result.err
    assert "GC=F touch_above 5055 by 2026-12-31" in result.out
    assert "trades at or above 5055" in result.out
    assert "recorded #1" in result.err
    listed = forecast(capsys, "--db", db, "list", "--json").json()
    assert len(listed) == 1
    claim = listed[0]
    assert claim["kind"] == "touch_above"
    assert claim["symbol"] == "GC=F"
    assert claim["level"] == 5055.0
    assert claim["deadline"] == "2026-12-31"
    assert claim["made_on"] == "2025-11-20"
    assert claim["status"] == "open"
    assert claim["source"] == "JPMorgan"
    for key in ("id", "probability", "evidence_date", "evidence_price", "market_prob", "text"):
        assert key in claim


def test_db_option_works_after_the_command_too(capsys, db: str) -> None:
    result = forecast(
        capsys,
        "add",
        "BTC hits 150k by 2026-06-30",
        "-s",
        "me",
        "--db",
        db,
        "--made-on",
        "2025-11-20",
    )
    assert result.code == 0, result.err
    assert len(forecast(capsys, "list", "--json", "--db", db).json()) == 1


def test_same_claim_twice_is_kept_once(capsys, db: str) -> None:
    args = (
        "--db",
        db,
        "add",
        "gold $5055 by end-2026",
        "-s",
        "JPMorgan",
        "--made-on",
        "2025-11-20",
    )
    assert forecast(capsys, *args).code == 0
    again = forecast(
        capsys,
        "--db",
        db,
        "add",
        "XAU 5,055 by EOY 2026",
        "-s",
        "jpmorgan",
        "--made-on",
        "2025-11-20",
    )
    assert again.code == 0
    assert "already recorded as #1" in again.err
    assert len(forecast(capsys, "--db", db, "list", "--json").json()) == 1


def test_dry_run_and_parse_write_nothing(capsys, no_ledger_yet: str) -> None:
    db = no_ledger_yet
    dry = forecast(
        capsys,
        "--db",
        db,
        "add",
        "gold $5055 by end-2026",
        "-s",
        "X",
        "--made-on",
        "2025-11-20",
        "--dry-run",
    )
    assert dry.code == 0 and "nothing recorded" in dry.err
    parsed = forecast(
        capsys,
        "--db",
        db,
        "parse",
        "BTC holds 80000 until 2026-03-31",
        "--made-on",
        "2025-11-20",
        "--json",
    )
    assert parsed.code == 0
    assert parsed.json()["kind"] == "hold_above"
    # Not even an empty ledger was created: reading says there is none.
    listed = forecast(capsys, "--db", db, "list", "--json")
    assert listed.code == 2 and "no ledger at" in listed.err


def test_probability_tags_url_quote_round_trip_through_show(capsys, db: str) -> None:
    result = forecast(
        capsys,
        "--db",
        db,
        "add",
        "ETH falls to 2000 by 2026-06-30",
        "-s",
        "self",
        "--prob",
        "35%",
        "--tag",
        "ether",
        "--tag",
        "crypto",
        "--url",
        "https://e.x/a",
        "--quote",
        "ETH looks heavy",
        "--made-on",
        "2025-11-20",
    )
    assert result.code == 0, result.err
    shown = forecast(capsys, "--db", db, "show", "1", "--json").json()
    assert shown["probability"] == pytest.approx(0.35)
    assert shown["tags"] == ["crypto", "ether"]
    assert shown["url"] == "https://e.x/a"
    assert shown["quote"] == "ETH looks heavy"
    assert shown["kind"] == "touch_below"
    text = forecast(capsys, "--db", db, "show", "1")
    assert "touch_below" in text.out and "ETH looks heavy" in text.out


def test_list_filters(capsys, db: str) -> None:
    for claim, source, tag in (
        ("gold $5055 by end-2026", "JPMorgan", "gold"),
        ("BTC hits 150k by 2026-06-30", "self", "bitcoin"),
        ("silver falls to $40 by Q2 2026", "self", "silver"),
    ):
        assert (
            forecast(
                capsys, "--db", db, "add", claim, "-s", source, "-t", tag, "--made-on", "2025-11-20"
            ).code
            == 0
        )

    def ids(*args: str) -> list[int]:
        return [c["id"] for c in forecast(capsys, "--db", db, "list", "--json", *args).json()]

    assert ids() == [1, 2, 3]
    assert ids("--source", "SELF") == [2, 3]
    assert ids("--asset", "gold") == [1]
    assert ids("--asset", "BTC-USD") == [2]
    assert ids("--tag", "silver") == [3]
    assert ids("--due-before", "2026-07-01") == [2, 3]
    assert ids("--status", "void") == []


def test_void_keeps_the_claim_with_its_reason(capsys, db: str) -> None:
    forecast(
        capsys,
        "--db",
        db,
        "add",
        "gold $5055 by end-2026",
        "-s",
        "JPMorgan",
        "--made-on",
        "2025-11-20",
    )
    voided = forecast(capsys, "--db", db, "void", "1", "--why", "wrong level")
    assert voided.code == 0, voided.err
    shown = forecast(capsys, "--db", db, "show", "1", "--json").json()
    assert shown["status"] == "void"
    assert shown["void_reason"] == "wrong level"
    assert [r["outcome"] for r in shown["resolutions"]] == ["void"]
    assert shown["resolutions"][0]["method"] == "manual"
    again = forecast(capsys, "--db", db, "void", "1", "--why", "again")
    assert again.code == 2 and "already void" in again.err


def test_revisions_link_and_show_the_chain(capsys, db: str) -> None:
    forecast(
        capsys,
        "--db",
        db,
        "add",
        "gold $5055 by end-2026",
        "-s",
        "JPMorgan",
        "--made-on",
        "2025-11-20",
    )
    revised = forecast(
        capsys,
        "--db",
        db,
        "add",
        "gold $6300 by end-2026",
        "-s",
        "JPMorgan",
        "--made-on",
        "2026-02-03",
        "--revises",
        "1",
    )
    assert revised.code == 0, revised.err
    shown = forecast(capsys, "--db", db, "show", "2", "--json").json()
    assert shown["revises_id"] == 1
    assert [c["id"] for c in shown["revision_chain"]] == [1, 2]
    first = forecast(capsys, "--db", db, "show", "1", "--json").json()
    assert [c["id"] for c in first["revision_chain"]] == [1, 2]
    assert first["status"] == "open"
    missing = forecast(
        capsys,
        "--db",
        db,
        "add",
        "gold $7000 by end-2026",
        "-s",
        "JPMorgan",
        "--made-on",
        "2026-03-01",
        "--revises",
        "99",
    )
    assert missing.code == 2 and "--revises 99" in missing.err
    assert len(forecast(capsys, "--db", db, "list", "--json").json()) == 2


def test_logged_late_flag(capsys, db: str) -> None:
    forecast(
        capsys,
        "--db",
        db,
        "add",
        "gold $5055 by end-2026",
        "-s",
        "JPMorgan",
        "--made-on",
        "2025-11-20",
    )
    assert forecast(capsys, "--db", db, "show", "1", "--json").json()["logged_late"] is True
    from datetime import date, timedelta

    today = date.today().isoformat()
    later = (date.today() + timedelta(days=400)).isoformat()
    forecast(capsys, "--db", db, "add", f"gold $9000 by {later}", "-s", "me", "--made-on", today)
    assert forecast(capsys, "--db", db, "show", "2", "--json").json()["logged_late"] is False


def test_sources_and_aliases(capsys, db: str) -> None:
    assert forecast(capsys, "--db", db, "alias", "add", "Copper", "HG=F").code == 0
    added = forecast(
        capsys,
        "--db",
        db,
        "add",
        "copper hits 6 by 2026-12-31",
        "-s",
        "Citi",
        "--source-kind",
        "bank",
        "--made-on",
        "2025-11-20",
    )
    assert added.code == 0, added.err
    assert forecast(capsys, "--db", db, "list", "--json").json()[0]["symbol"] == "HG=F"
    assert forecast(capsys, "--db", db, "alias", "list", "--json").json() == {"copper": "HG=F"}
    sources = forecast(capsys, "--db", db, "sources", "--json").json()
    assert [(s["name"], s["kind"], s["claims"], s["open"]) for s in sources] == [
        ("Citi", "bank", 1, 1)
    ]
    assert forecast(capsys, "--db", db, "alias", "remove", "copper").code == 0
    assert forecast(capsys, "--db", db, "alias", "remove", "copper").code == 2


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        pytest.param(("add", "BTC holds firm", "-s", "x"), "has no level", id="no-level"),
        pytest.param(("add", "gold $5055", "-s", "x"), "has no deadline", id="no-deadline"),
        pytest.param(("add", "$5055 by end-2026", "-s", "x"), "names no asset", id="no-asset"),
        pytest.param(
            ("add", "gold $5055 by end-2026"), "Missing option '--source'", id="no-source"
        ),
        pytest.param(
            ("add", "gold $5055 by end-2026", "-s", "x", "--prob", "1.5"),
            "outside 0..1",
            id="bad-probability",
        ),
        pytest.param(
            ("add", "gold $5055 by end-2026", "-s", "x", "--made-on", "20/11/2025"),
            "not a date",
            id="bad-made-on",
        ),
        pytest.param(
            ("add", "gold $5055 by 2020-01-01", "-s", "x", "--made-on", "2025-11-20"),
            "2020-01-01",
            id="deadline-before-made-on",
        ),
        pytest.param(
            ("add", "gold $5055 by end-2026", "-s", "x", "--source-kind", "guru"),
            "unknown source kind",
            id="bad-source-kind",
        ),
        pytest.param(("show", "42"), "no claim with id 42", id="unknown-id"),
        pytest.param(("show", "abc"), "valid integer", id="non-numeric-id"),
        pytest.param(("void", "1", "--why", " "), "needs a reason", id="void-without-reason"),
        pytest.param(("list", "--status", "maybe"), "--status", id="bad-status"),
        pytest.param(("export", "--format", "xml"), "--format", id="bad-format"),
        pytest.param(
            ("import", "/nonexistent/file.yaml"), "no such file", id="missing-import-file"
        ),
        pytest.param(("frobnicate",), "No such command", id="unknown-command"),
    ],
)
def test_bad_input_gets_one_line_and_exit_2(capsys, db: str, args, needle: str) -> None:
    assert forecast(capsys, "--db", db, "db", "upgrade").code == 0  # an empty ledger
    result = forecast(capsys, "--db", db, *args)
    assert result.code == 2, (result.out, result.err)
    assert needle in result.err
    assert result.err.count("\n") == 1, result.err
    assert "Traceback" not in result.err
    assert result.out == ""


def test_unreachable_database_is_an_operational_error(capsys, tmp_path) -> None:
    url = "postgresql+psycopg://nobody@127.0.0.1:1/nothing"
    result = forecast(capsys, "--db", url, "list")
    assert result.code == 1
    assert "cannot open the ledger" in result.err
    assert result.err.count("\n") == 1


def test_every_command_has_help(capsys) -> None:
    for args in (
        (),
        ("add",),
        ("parse",),
        ("list",),
        ("show",),
        ("void",),
        ("sources",),
        ("import",),
        ("export",),
        ("alias",),
        ("alias", "add"),
        ("alias", "list"),
        ("alias", "remove"),
        ("db",),
        ("db", "upgrade"),
        ("db", "current"),
        ("tui",),
    ):
        result = forecast(capsys, *args, "--help")
        assert result.code == 0, args
        assert "Usage:" in result.out, args


def test_db_commands(capsys, no_ledger_yet: str) -> None:
    db = no_ledger_yet
    before = forecast(capsys, "--db", db, "db", "current", "--json").json()
    assert before["current"] is None
    assert forecast(capsys, "--db", db, "db", "upgrade").code == 0
    after = forecast(capsys, "--db", db, "db", "current", "--json").json()
    assert after["up_to_date"] is True


@pytest.mark.parametrize(
    ("args", "words"),
    [
        pytest.param(["--made-on", "2999-06-01"], "is in the future", id="made-on-future"),
        pytest.param(["--made-on", "0001-01-01"], "before 1900-01-01", id="made-on-year-1"),
    ],
)
def test_add_refuses_made_on_out_of_range(
    capsys, no_ledger_yet: str, args: list[str], words: str
) -> None:
    db = no_ledger_yet
    result = forecast(capsys, "--db", db, "add", "gold $5055 by 3000-12-31", "-s", "me", *args)
    assert result.code == 2
    assert words in result.err
    assert "Traceback" not in result.err
    listed = forecast(capsys, "--db", db, "list", "--json")
    # Refused before the ledger is opened: a SQLite file is not even created.
    assert ("no ledger at" in listed.err) if listed.code else listed.json() == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("gold 1e13 by end-2026", id="level-1e13"),
        pytest.param("BTC x1e308 by end-2026", id="multiple-1e308"),
        pytest.param("gold 1.7976931348e308 by end-2026", id="level-float-max"),
        pytest.param("gold $5055 by 2199-12-31", id="deadline-beyond-horizon"),
    ],
)
def test_add_and_parse_refuse_absurd_values(capsys, db: str, text: str) -> None:
    for command in ("add", "parse"):
        extra = ["-s", "me"] if command == "add" else []
        result = forecast(capsys, "--db", db, command, text, *extra, "--made-on", "2025-11-20")
        assert result.code == 2, (command, result.out, result.err)
        assert result.err.count("\n") == 1 and "Traceback" not in result.err
    assert forecast(capsys, "--db", db, "list", "--json").json() == []


@pytest.mark.parametrize(
    ("alias", "symbol", "words"),
    [
        pytest.param("gold", "AAPL", "is a built-in name for GC=F", id="builtin-name"),
        pytest.param("GC=F", "AAPL", "is already a Yahoo symbol", id="alias-is-a-symbol"),
        pytest.param("copper", "HG=F\x1b[2J", "is not a Yahoo symbol", id="control-in-symbol"),
        pytest.param("copper", "[bold]X[/bold]", "is not a Yahoo symbol", id="markup-symbol"),
        pytest.param("c" * 101, "HG=F", "alias is 101 characters long", id="alias-too-long"),
    ],
)
def test_alias_add_refuses_what_would_change_how_claims_read(
    capsys, db: str, alias: str, symbol: str, words: str
) -> None:
    result = forecast(capsys, "--db", db, "alias", "add", alias, symbol)
    assert result.code == 2
    assert words in result.err
    assert "\x1b" not in result.err
    assert forecast(capsys, "--db", db, "alias", "list", "--json").json() == {}
