"""The everyday values a command line gives are coerced as typer's adapters coerce them.

`ledger.cli.lazy.PlainValues` takes None, words and plain digits itself,
without building typer's pydantic adapters (issue 12); anything else goes to
typer. These tests hold its answers (value or error) to typer's own for every
parameter of every command.
"""

from __future__ import annotations

from typing import Any

import pytest
import typer
from hypothesis import given
from hypothesis import strategies as st
from typer._coercion import build_runtime_param

from ledger.cli.app import COMMANDS, app
from ledger.cli.lazy import PlainValues

SAMPLES: list[Any] = [
    None, (), [], ["a", "b"], ("a",), ["a", 1], "", "abc", "Goldman Sachs", "7", " 7", "7 ",
    "007", "0", "-3", "+3", "1_000", "12345678901234567890", "1e3", "7.0", "0x1f", "٣", "²",
    0, 1, 5, -1, 10**20, True, False, 3.5, b"bytes",
]  # fmt: skip


def _parameters() -> list[tuple[str, Any, Any]]:
    """(command name, parameter, click context) for every parameter, help options too."""
    group = typer.main.get_command(app)
    found = []
    for entry in COMMANDS:
        command = group.load(entry.name)
        commands = [command, *getattr(command, "commands", {}).values()]
        for each in commands:
            ctx = typer.Context(each, info_name=each.name)
            for param in each.get_params(ctx):
                if hasattr(param, "type_descriptor"):
                    found.append((f"{entry.name} {each.name} {param.name}", param, ctx))
    return found


PARAMETERS = _parameters()


def _outcome(coerce: Any, value: Any, param: Any, ctx: Any) -> tuple[str, Any]:
    try:
        result = coerce(value, param=param, ctx=ctx)
    except Exception as exc:  # typer's errors: the same class and words
        return ("error", (type(exc).__name__, str(exc)))
    return ("value", (type(result).__name__, result))


@pytest.mark.parametrize(("name", "param", "ctx"), PARAMETERS, ids=[p[0] for p in PARAMETERS])
def test_every_parameter_takes_every_value_as_typer_does(name: str, param: Any, ctx: Any) -> None:
    plain = PlainValues(param.type_descriptor)
    typers = build_runtime_param(param.type_descriptor)
    for value in SAMPLES:
        assert _outcome(plain.coerce, value, param, ctx) == _outcome(
            typers.coerce, value, param, ctx
        ), (name, value)


INT_PARAMETERS = [p for p in PARAMETERS if p[1].type_descriptor.annotation is int]


@given(
    st.sampled_from(INT_PARAMETERS),
    st.one_of(st.text("0123456789+-_ .e", max_size=22), st.integers(-(2**70), 2**70)),
)
def test_numbers_are_read_as_typer_reads_them(parameter: tuple[str, Any, Any], value: Any) -> None:
    _, param, ctx = parameter
    plain = PlainValues(param.type_descriptor)
    typers = build_runtime_param(param.type_descriptor)
    assert _outcome(plain.coerce, value, param, ctx) == _outcome(typers.coerce, value, param, ctx)


def test_the_commands_take_plain_values_without_building_adapters() -> None:
    """What the probe of the everyday commands relies on: their parameters (and the
    group's --db) are PlainValues, so a plain command line builds no adapter."""
    group = typer.main.get_command(app)
    for name in ("add", "list", "show", "score"):
        command = group.load(name)
        ctx = typer.Context(command, info_name=name)
        kinds = {type(p._runtime_param) for p in command.get_params(ctx)}
        assert kinds == {PlainValues}, name
    ctx = typer.Context(group, info_name="forecast")
    assert {type(p._runtime_param) for p in group.get_params(ctx)} == {PlainValues}
