"""`_prediction_columns` (the import's column builder) is the plain one-row
reading below (`prediction_row`) a column at a time: for generated claims of
every shape (plain, relative, outperformance with a margin, band, level rule,
vague, with assumptions and a claimed time), on SQLite's and PostgreSQL's value
forms, the columns are the rows transposed, value for value and type for type;
and an entry not marked checked is still checked, as the row reading checks it."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine
from sqlmodel import Session

from ledger.claims import bounds
from ledger.claims.parser import claim_from_fields, parse_vague
from ledger.records import NewClaim
from ledger.store.claims import _PREDICTION_COLUMNS, _day_value, _prediction_columns
from ledger.store.level_columns import level_rule_values
from ledger.store.raw import adapt

TODAY = date(2026, 12, 8)
# No connection is made: only the dialect's value forms are asked for.
ENGINES = {
    "sqlite": create_engine("sqlite://"),
    "postgresql": create_engine("postgresql+psycopg://nobody@127.0.0.1:1/none"),
}
SHAPES = [
    {"asset": "gold", "kind": "touch_above", "level": 5000.0},
    {"asset": "gold", "kind": "close_below", "level": 3000},
    {"asset": "bitcoin", "kind": "touch_above", "level": "+20%"},
    {"asset": "bitcoin", "kind": "touch_below", "level": "-15%"},
    {"asset": "silver", "kind": "close_above", "level": "x2"},
    {"asset": "gold", "kind": "outperform", "level": None, "versus": "silver"},
    {"asset": "gold", "kind": "outperform", "level": None, "versus": "silver", "margin": 10},
    {"asset": "gold", "kind": "close_between", "level": 4000, "upper": 5000},
    {"asset": "gold", "kind": "touch_above", "level": "support(60d,pivot3)"},
    {"asset": "gold", "kind": "close_above", "level": "record-high(high,2025-01-01..2025-12-31)"},
    {"vague": "the silver squeeze is not over"},
]
TEXTS = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12)


def prediction_row(
    session: Session,
    entry: NewClaim,
    fingerprint: str,
    source_id: int,
    today: date,
    day: Callable[[date], date | str],
    created_at: Any,
) -> tuple:
    """One prediction row in `_PREDICTION_COLUMNS` order, read field by field: the
    reference the column builder is held to."""
    claim = entry.claim
    entry.check(today)
    relative = claim.relative
    rule = claim.level_rule
    return (
        source_id,
        claim.symbol,
        claim.asset,
        claim.kind.value,
        claim.level,
        claim.upper,
        relative.kind.value if relative else None,
        relative.value if relative else None,
        claim.reference_price,
        day(claim.made_on),
        day(claim.window_start),
        day(claim.deadline),
        entry.probability,
        "vague" if claim.kind.is_vague else "open",
        entry.text,
        claim.canonical_text(),
        json.dumps(list(claim.assumptions)) if claim.assumptions else None,
        entry.url,
        entry.quote,
        fingerprint,
        None,  # revises_id
        None,  # void_reason
        created_at,
        None if entry.claimed_created_at is None else adapt(session, entry.claimed_created_at),
        claim.versus_symbol,
        claim.versus_asset,
        claim.versus_reference_price,
        claim.margin,
        *((None, None, None, None) if rule is None else tuple(level_rule_values(claim).values())),
    )


@st.composite
def entries(draw: st.DrawFn) -> NewClaim:
    shape = dict(draw(st.sampled_from(SHAPES)))
    made_on = draw(st.dates(date(2025, 1, 1), date(2026, 12, 1)))
    deadline = made_on + timedelta(days=draw(st.integers(30, 700)))
    if "vague" in shape:
        claim = parse_vague(shape["vague"], made_on=made_on)
    else:
        claim = claim_from_fields(**shape, made_on=made_on, deadline=deadline)
    if draw(st.booleans()):
        claim = dataclasses.replace(claim, assumptions=tuple(draw(st.lists(TEXTS, max_size=2))))
    if draw(st.booleans()):
        claim = dataclasses.replace(claim, reference_price=draw(st.floats(1, 1e6)))
    vague = claim.kind.is_vague
    return NewClaim(
        source=draw(st.sampled_from(["Ann", "Bank B", "Éric"])),
        claim=claim,
        text=draw(TEXTS) or "t",
        probability=None if vague else draw(st.none() | st.floats(0, 1)),
        url=draw(st.none() | st.just("https://example.com/a")),
        quote=draw(st.none() | TEXTS),
        tags=tuple(draw(st.lists(st.sampled_from(["a", "b", "c"]), max_size=3))),
        claimed_created_at=draw(
            st.none()
            | st.datetimes(datetime(2024, 1, 1), datetime(2026, 1, 1), timezones=st.just(UTC))
        ),
    )


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(sorted(ENGINES)),
    st.lists(entries(), min_size=1, max_size=8),
    st.booleans(),
)
def test_the_columns_are_the_rows_transposed(
    dialect: str, drawn: list[NewClaim], premarked: bool
) -> None:
    with Session(ENGINES[dialect]) as session:
        day = _day_value(session)
        stamp = adapt(session, datetime(2026, 12, 7, 12, tzinfo=UTC))
        part = [(entry, entry.fingerprint()) for entry in drawn]
        source_ids = [len(entry.source) for entry in drawn]
        if premarked:
            for entry in drawn:
                entry.check(TODAY)
        columns = _prediction_columns(session, part, source_ids, TODAY, day, stamp)
        rows = [
            prediction_row(session, entry, fingerprint, source_id, TODAY, day, stamp)
            for (entry, fingerprint), source_id in zip(part, source_ids, strict=True)
        ]
    assert set(columns) == set(_PREDICTION_COLUMNS)
    for at, name in enumerate(_PREDICTION_COLUMNS):
        expected = [row[at] for row in rows]
        assert columns[name] == expected, name
        assert list(map(type, columns[name])) == list(map(type, expected)), name


def test_an_entry_not_marked_checked_is_checked() -> None:
    claim = claim_from_fields(
        asset="gold",
        kind="touch_above",
        level=5000.0,
        made_on=TODAY + timedelta(days=30),
        deadline=TODAY + timedelta(days=300),
    )
    entry = NewClaim(source="Ann", claim=claim, text="t")
    with Session(ENGINES["sqlite"]) as session:
        day = _day_value(session)
        with pytest.raises(bounds.BoundsError) as from_columns:
            _prediction_columns(session, [(entry, "f")], [1], TODAY, day, "x")
        with pytest.raises(bounds.BoundsError) as from_values:
            prediction_row(session, entry, "f", 1, TODAY, day, "x")
    assert str(from_columns.value) == str(from_values.value)
