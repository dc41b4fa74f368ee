"""Modules imported on first use, so `forecast --help` and light commands start fast.

Two tools. `lazy_module` binds a module that a command uses in its body only
(Rich tables, the store, the claim parser) as a lazy module, loaded the first
time one of its attributes is read (the standard library's
`importlib.util.LazyLoader`). `lazy_group` makes the `forecast` group itself
lazy: it knows each command by name, module and one-line summary, lists them
for `forecast --help` from that table, and imports a command's module only when
the command line names it, so `forecast list` imports the claim commands and
nothing of `extract`, `proof` or `score`.

The commands it builds take their everyday values (an absent option, a word,
a plain number) without typer's pydantic adapters: see `PlainValues`.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from dataclasses import dataclass
from types import ModuleType
from typing import Any, ClassVar, get_args, get_origin

import typer
from typer.core import TyperCommand, TyperGroup


def lazy_module(name: str) -> ModuleType:
    """The module `name`, executed on first attribute access (at once if already imported)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ImportError(f"no module named {name!r}")
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module


@dataclass(frozen=True)
class LazyCommand:
    """A command of the top-level group, known without importing its module.

    `summary` is the first paragraph of the command's help, exactly as
    `forecast --help` prints it (a test holds it equal to the docstring).
    The module defines the command in `register(app)`, or, with `sub_app`,
    is the module whose Typer sub-app of that name is the command group.
    """

    name: str
    module: str
    summary: str
    sub_app: str | None = None


_NOT_PLAIN = object()
# Digits only, at most 18 (far inside a 64-bit int), no leading zero: what `int(text)`
# reads exactly as pydantic's lax int does. Signs, spaces, underscores go to pydantic.
_LONGEST_PLAIN_INT = 18


class PlainValues:
    """A parameter's coercion that takes the values a command line gives most itself.

    typer (0.29) coerces every parameter's value, an absent option's None and
    a default included, through a pydantic `TypeAdapter` it builds on first
    use. Building them, and importing the parts of pydantic that only they
    use (`import sqlmodel` loads the rest), was about 8 ms of every command
    (issue 12). The values that need no conversion are taken here as the
    adapter gives them: None (an empty tuple for a repeatable option), a `str`
    for a `str` parameter, a list of them for `list[str]`, an int or a string
    of plain digits for an `int` inside its `min`/`max`. Anything else (a
    float, a sign, a value out of range, a custom parser) goes to typer's own
    coercion, built then, so its conversions and error messages are typer's.
    A test holds the two equal over every parameter of every command.
    """

    __slots__ = ("_full", "descriptor")

    def __init__(self, descriptor: Any) -> None:
        self.descriptor = descriptor
        self._full: Any = None

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        plain = self.plain(value, multiple=param.multiple or param.nargs == -1)
        if plain is not _NOT_PLAIN:
            return plain
        if self._full is None:
            from typer._coercion import build_runtime_param

            self._full = build_runtime_param(self.descriptor)
        return self._full.coerce(value, param=param, ctx=ctx)

    def plain(self, value: Any, *, multiple: bool) -> Any:
        """`value` coerced, or `_NOT_PLAIN` if typer's adapter must decide."""
        if value is None:
            return () if multiple else None
        annotation = self.descriptor.annotation
        info = self.descriptor.parameter_info
        if info.parser is not None or self.descriptor.file_annotation is not None:
            return _NOT_PLAIN
        if multiple:
            plain_list = (
                get_origin(annotation) is list
                and get_args(annotation) == (str,)
                and type(value) in (list, tuple)
                and all(type(item) is str for item in value)
            )
            return list(value) if plain_list else _NOT_PLAIN
        if annotation is str:
            return value if type(value) is str else _NOT_PLAIN
        if annotation is int and not info.clamp:
            return _plain_int(value, info.min, info.max)
        return _NOT_PLAIN


def _plain_int(value: Any, low: Any, high: Any) -> Any:
    if type(value) is str:
        if not (value.isascii() and value.isdigit() and len(value) <= _LONGEST_PLAIN_INT):
            return _NOT_PLAIN
        if len(value) > 1 and value[0] == "0":
            return _NOT_PLAIN
        value = int(value)
    elif type(value) is not int:
        return _NOT_PLAIN
    if (low is not None and value < low) or (high is not None and value > high):
        return _NOT_PLAIN  # typer's adapter says why
    return value


class _PlainValuesParams:
    """Gives every parameter a command parses with (its help option too) `PlainValues`."""

    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)  # type: ignore[misc]
        for param in params:
            # typer keeps a parameter's coercion in `_runtime_param`, built on first
            # use; a typer that does not is left as it is.
            if getattr(param, "_runtime_param", _NOT_PLAIN) is None:
                param._runtime_param = PlainValues(param.type_descriptor)
        return params


class PlainValuesCommand(_PlainValuesParams, TyperCommand):
    """A TyperCommand whose parameters take plain values without pydantic (`PlainValues`)."""


class PlainValuesGroup(_PlainValuesParams, TyperGroup):
    """A TyperGroup whose parameters take plain values without pydantic (`PlainValues`)."""


class _Placeholder(TyperCommand):
    """Stands for a command in the group's listing until its module is imported."""


def lazy_group(commands: tuple[LazyCommand, ...]) -> type[TyperGroup]:
    """A TyperGroup class (for `typer.Typer(cls=...)`) that loads `commands` lazily."""

    class LazyGroup(PlainValuesGroup):
        lazy_commands: ClassVar[tuple[LazyCommand, ...]] = commands

        def __init__(self, **attrs: Any) -> None:
            super().__init__(**attrs)
            # Eagerly registered commands (a test may register one) come after the table's.
            eager = dict(self.commands)
            self.commands.clear()
            for entry in self.lazy_commands:
                self.commands[entry.name] = eager.pop(entry.name, None) or _Placeholder(
                    name=entry.name, help=entry.summary
                )
            self.commands.update(eager)

        def resolve_command(self, ctx: Any, args: list[str]) -> Any:
            if args and isinstance(self.commands.get(args[0]), _Placeholder):
                self.load(args[0])
            return super().resolve_command(ctx, args)

        def load(self, name: str) -> TyperCommand | TyperGroup:
            """Import the module of command `name` and build that command alone (its
            module's other commands stay placeholders: building one costs what the
            command's own work does)."""
            entry = next(e for e in self.lazy_commands if e.name == name)
            module = importlib.import_module(entry.module)
            holder = typer.Typer(add_completion=False, rich_markup_mode=self.rich_markup_mode)
            # As `typer.main.get_group_from_info` builds a group's commands and sub-groups.
            settings = {
                "pretty_exceptions_short": holder.pretty_exceptions_short,
                "rich_markup_mode": holder.rich_markup_mode,
            }
            if entry.sub_app is not None:
                holder.add_typer(getattr(module, entry.sub_app), name=entry.name)
                (info,) = holder.registered_groups
                command = typer.main.get_group_from_info(
                    info, suggest_commands=holder.suggest_commands, **settings
                )
            else:
                module.register(holder)
                (info,) = [
                    i
                    for i in holder.registered_commands
                    if (i.name or typer.main.get_command_name(i.callback.__name__)) == name
                ]
                if info.cls in (None, TyperCommand):  # `app.command` gives TyperCommand
                    info.cls = PlainValuesCommand
                command = typer.main.get_command_from_info(info, **settings)
            self.commands[name] = command
            return command

    return LazyGroup
