"""FrozenMaker makes the instance the class's own __init__ makes: equal, the same
__dict__ in the same order, the same repr and hash, and as frozen; it refuses a
class it cannot make that way."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledger.claims.frozen import FrozenMaker
from ledger.claims.model import Claim, ClaimKind
from ledger.records import NewClaim

TEXTS = st.text(max_size=8)
DAYS = st.dates(date(2000, 1, 1), date(2100, 1, 1))


@st.composite
def claim_fields(draw: st.DrawFn) -> dict:
    made_on = draw(DAYS)
    fields = {
        "symbol": draw(TEXTS),
        "asset": draw(TEXTS),
        "kind": draw(st.sampled_from(list(ClaimKind))),
        "level": draw(st.none() | st.floats(allow_nan=False)),
        "made_on": made_on,
        "window_start": made_on + timedelta(days=1),
        "deadline": made_on + timedelta(days=draw(st.integers(1, 900))),
    }
    optional = {
        "assumptions": st.lists(TEXTS, max_size=3).map(tuple),
        "reference_price": st.none() | st.floats(1, 1e6),
        "versus_symbol": st.none() | TEXTS,
        "margin": st.none() | st.floats(0, 100),
    }
    for name, values in optional.items():
        if draw(st.booleans()):
            fields[name] = draw(values)
    return dict(draw(st.permutations(list(fields.items()))))  # any keyword order


def same_instance(made: object, built: object) -> None:
    assert made == built
    assert type(made) is type(built)
    assert list(made.__dict__.items()) == list(built.__dict__.items())
    assert repr(made) == repr(built)
    assert hash(made) == hash(built)
    assert pickle.loads(pickle.dumps(made)) == built
    assert copy.copy(made) == built


@given(claim_fields())
def test_a_claim_is_the_claim_init_makes(fields: dict) -> None:
    made = FrozenMaker(Claim)(**fields)
    same_instance(made, Claim(**fields))
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.level = 1.0  # type: ignore[misc]
    assert dataclasses.replace(made, level=2.0) == dataclasses.replace(Claim(**fields), level=2.0)


@given(claim_fields(), TEXTS, st.none() | st.floats(0, 1), st.lists(TEXTS, max_size=3))
def test_an_entry_is_the_entry_init_makes(
    fields: dict, source: str, probability: float | None, tags: list[str]
) -> None:
    claim = Claim(**fields)
    given_fields = {"source": source, "claim": claim, "text": source, "tags": tuple(tags)}
    if probability is not None:
        given_fields["probability"] = probability
    made = FrozenMaker(NewClaim)(**given_fields)
    built = NewClaim(**given_fields)
    same_instance(made, built)
    # What the entry keeps once computed stays out of equality, as with __init__'s.
    assert made.fingerprint() == built.fingerprint()
    assert made == built


def test_checked_refuses_an_unknown_or_missing_field() -> None:
    maker = FrozenMaker(NewClaim)
    claim = FrozenMaker(Claim).checked(
        symbol="GC=F",
        asset="gold",
        kind=ClaimKind.TOUCH_ABOVE,
        level=5.0,
        made_on=date(2025, 1, 1),
        window_start=date(2025, 1, 2),
        deadline=date(2026, 1, 1),
    )
    with pytest.raises(TypeError, match=r"unknown field\(s\) \['sauce'\]"):
        maker.checked(sauce="x", source="x", claim=claim, text="t")
    with pytest.raises(TypeError, match=r"missing field\(s\) \['text'\]"):
        maker.checked(source="x", claim=claim)
    assert maker.checked(source="x", claim=claim, text="t") == NewClaim("x", claim, "t")


def test_a_class_it_cannot_make_is_refused() -> None:
    @dataclass
    class Open:
        a: int

    @dataclass(frozen=True)
    class Checked:
        a: int

        def __post_init__(self) -> None:
            assert self.a > 0

    @dataclass(frozen=True)
    class Factory:
        a: list = field(default_factory=list)

    @dataclass(frozen=True, slots=True)
    class Slotted:
        a: int

    for cls in (Open, Checked, Factory, Slotted, int):
        with pytest.raises(TypeError):
            FrozenMaker(cls)
