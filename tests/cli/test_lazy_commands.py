"""The lazy `forecast` group: its table says what the command modules define.

`forecast --help` lists the commands from `ledger.cli.app.COMMANDS` without
importing their modules; these tests hold that table to the modules (names,
order, help) and the listing to the one the loaded commands give.
"""

from __future__ import annotations

import importlib

import pytest
import typer
from cli_runner import forecast

from ledger.cli.app import COMMANDS, app


def _defined_commands() -> dict[str, typer.core.TyperCommand | typer.core.TyperGroup]:
    """Every command the table's modules define, built eagerly as app.py once did."""
    eager = typer.Typer()
    for module_name in dict.fromkeys(entry.module for entry in COMMANDS):
        module = importlib.import_module(module_name)
        if hasattr(module, "register"):
            module.register(eager)
    for entry in COMMANDS:
        if entry.sub_app is not None:
            eager.add_typer(
                getattr(importlib.import_module(entry.module), entry.sub_app), name=entry.name
            )
    return dict(typer.main.get_group(eager).commands)


def test_the_table_names_every_command_in_order_with_its_summary() -> None:
    defined = _defined_commands()
    assert [entry.name for entry in COMMANDS] == list(defined), (
        "a command was added, removed or renamed: update COMMANDS in ledger/cli/app.py"
    )
    for entry in COMMANDS:
        command = defined[entry.name]
        first_paragraph = (command.help or "").split("\n\n")[0]
        assert entry.summary == first_paragraph, f"COMMANDS[{entry.name!r}].summary is stale"
        assert not command.hidden and not command.deprecated


def test_the_listing_is_the_loaded_commands_listing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    group = typer.main.get_command(app)
    group.main(["--help"], prog_name="forecast", standalone_mode=False)
    from_table = capsys.readouterr().out
    for entry in COMMANDS:
        group.load(entry.name)
    group.main(["--help"], prog_name="forecast", standalone_mode=False)
    assert capsys.readouterr().out == from_table
    assert "verify-timestamp" in from_table


def test_a_group_command_loads_with_its_subcommands(capsys: pytest.CaptureFixture[str]) -> None:
    result = forecast(capsys, "alias", "--help")
    assert result.code == 0
    assert "add" in result.out and "remove" in result.out


def test_a_mistyped_command_is_still_suggested(capsys: pytest.CaptureFixture[str]) -> None:
    result = forecast(capsys, "lst")
    assert result.code == 2
    assert "No such command 'lst'" in result.err and "'list'" in result.err
