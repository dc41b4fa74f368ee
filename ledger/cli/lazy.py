"""Modules imported on first use, so `forecast --help` and light commands start fast.

Two tools. `lazy_module` binds a module that a command uses in its body only
(Rich tables, the store, the claim parser) as a lazy module, loaded the first
time one of its attributes is read (the standard library's
`importlib.util.LazyLoader`). `lazy_group` makes the `forecast` group itself
lazy: it knows each command by name, module and one-line summary, lists them
for `forecast --help` from that table, and imports a command's module only when
the command line names it, so `forecast list` imports the claim commands and
nothing of `extract`, `proof` or `score`.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from dataclasses import dataclass
from types import ModuleType
from typing import Any, ClassVar

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


class _Placeholder(TyperCommand):
    """Stands for a command in the group's listing until its module is imported."""


def lazy_group(commands: tuple[LazyCommand, ...]) -> type[TyperGroup]:
    """A TyperGroup class (for `typer.Typer(cls=...)`) that loads `commands` lazily."""

    class LazyGroup(TyperGroup):
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
                command = typer.main.get_command_from_info(info, **settings)
            self.commands[name] = command
            return command

    return LazyGroup
