"""Frozen dataclass instances made without their generated `__init__`.

A frozen dataclass refuses assignment, so its generated `__init__` sets each
field with a call of `object.__setattr__`: 3.3 us for a `Claim` (14 fields)
on the build machine, a sixth of what an import spends on a plain entry once
it is parsed. `FrozenMaker` makes the same instance by filling its `__dict__`
in one C dict: every field, in declaration order (what `__init__` leaves, and
what code reading `__dict__` sees), the defaults for those not given. It
refuses a class it cannot make that way (a `__post_init__`, a default
factory, slots). A call does not check its field names (that check would
cost most of what is saved): its caller on an import's hot path names every
required field, and the tests hold what it makes equal to what `__init__`
makes; `checked` checks.

The price is memory: an instance made by `__init__` keeps its values beside
keys its class shares, one made here owns a whole dict (about 280 bytes more
for a `Claim`, 21 MB per 100k entries), which is why it is used only where
the time saved is worth it.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Generic, TypeVar

T = TypeVar("T")

_REQUIRED: Any = object()
_set_attribute = object.__setattr__  # past the frozen class's own __setattr__


class FrozenMaker(Generic[T]):
    """`maker(**fields)` is `cls(**fields)`, made faster (see the module docstring)."""

    def __init__(self, cls: type[T]) -> None:
        params = getattr(cls, "__dataclass_params__", None)
        if params is None or not params.frozen:
            raise TypeError(f"{cls.__name__} is not a frozen dataclass")
        if hasattr(cls, "__post_init__") or "__slots__" in cls.__dict__:
            raise TypeError(f"{cls.__name__} has a __post_init__ or slots: use its __init__")
        defaults: dict[str, Any] = {}
        for field in dataclasses.fields(cls):  # type: ignore[arg-type]
            if field.default_factory is not dataclasses.MISSING or not field.init:
                raise TypeError(f"{cls.__name__}.{field.name}: use its __init__")
            missing = field.default is dataclasses.MISSING
            defaults[field.name] = _REQUIRED if missing else field.default
        self._cls = cls
        self._defaults = defaults
        self._names = frozenset(defaults)
        self._required = frozenset(name for name, value in defaults.items() if value is _REQUIRED)

    def __call__(self, **fields: Any) -> T:
        instance = object.__new__(self._cls)
        # Every field in declaration order first, as one dict made in C: a third
        # less than filling the instance's own dict with two updates.
        _set_attribute(instance, "__dict__", {**self._defaults, **fields})
        return instance

    def checked(self, **fields: Any) -> T:
        """`self(**fields)`, refusing an unknown or missing field as `__init__` does
        (the hot callers are held to `__init__` by their tests instead)."""
        keys = fields.keys()
        if not (keys <= self._names and self._required <= keys):
            unknown = sorted(keys - self._names)
            missing = sorted(self._required - keys)
            raise TypeError(
                f"{self._cls.__name__}: unknown field(s) {unknown}, missing field(s) {missing}"
            )
        return self(**fields)
