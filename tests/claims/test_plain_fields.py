"""The plain structured claim (`plain_fields_claim`) is `claim_from_fields`'s claim.

An import reads most entries through the short path; the general one is the
oracle: whenever the short path answers, the claim must be equal, field for
field and in its canonical text (the fingerprint), and whenever the general
path refuses the fields the short path must not answer.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from ledger.claims import bounds
from ledger.claims.assets import resolve_asset
from ledger.claims.model import Claim, ClaimKind
from ledger.errors import ClaimError

ALIASES = {"yellow metal": "GC=F", "Apfel": "AAPL"}
ASSETS = st.sampled_from(
    ["GC=F", "gold", "nvda", "Silver", "BTC-USD", "GC=F/SI=F", "gold/silver", "yellow metal"]
)
KINDS = st.one_of(
    st.sampled_from([kind.value for kind in ClaimKind]),
    st.sampled_from(["Touch-Above", "touch above", "close_Below", "tuch_above", ""]),
)
LEVELS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-10, 10**13).map(float),
    st.decimals(min_value=0, max_value=10**6, places=4).map(float),
    st.sampled_from([5055.0, 0.1, 1.0851, 1e12, 1e12 + 1, 1234567890.5, 0.00001234567891]),
)
DAYS = st.dates(min_value=date(1899, 6, 1), max_value=date(2200, 1, 1))


def _general(asset: str, kind: str, level: float, deadline: date, made_on: date) -> Claim | None:
    from ledger.claims.parser import claim_from_fields

    try:
        return claim_from_fields(
            asset=asset, kind=kind, level=level, deadline=deadline, made_on=made_on, aliases=ALIASES
        )
    except ClaimError:
        return None


@given(
    asset=ASSETS,
    kind=KINDS,
    level=LEVELS,
    made_on=DAYS,
    days=st.one_of(st.integers(-40, 800), st.integers(-(10**5), 10**5)),
)
def test_the_plain_claim_is_the_general_one(
    asset: str, kind: str, level: float, made_on: date, days: int
) -> None:
    from ledger.claims.parser import plain_fields_claim

    try:
        deadline = made_on + timedelta(days=days)
    except OverflowError:
        return
    match = resolve_asset(asset, ALIASES)
    plain = plain_fields_claim(
        asset=match, kind=kind, level=level, deadline=deadline, made_on=made_on
    )
    general = _general(asset, kind, level, deadline, made_on)
    if plain is None:
        return
    assert general is not None, "the short path accepted what the general path refuses"
    assert plain == general
    assert plain.canonical_text() == general.canonical_text()


def test_plain_claims_are_read_for_each_level_kind() -> None:
    """The short path answers for the kinds it is for (a test that answered None
    everywhere would hold the property above trivially)."""
    from ledger.claims.parser import plain_fields_claim

    made_on, deadline = date(2025, 11, 20), date(2026, 12, 31)
    answered = {
        kind.value
        for kind in ClaimKind
        if plain_fields_claim(
            asset=resolve_asset("gold/silver"),
            kind=kind.value,
            level=80.5,
            deadline=deadline,
            made_on=made_on,
        )
        is not None
    }
    assert answered == {
        "touch_above",
        "touch_below",
        "close_above",
        "close_below",
        "hold_above",
        "hold_below",
        "average_above",
        "average_below",
    }


@given(
    kind=st.sampled_from(list(ClaimKind)),
    level=st.one_of(st.none(), LEVELS, st.integers(-5, 5)),
    upper=st.one_of(st.none(), LEVELS),
    made_on=DAYS,
    days=st.integers(-10, 40_000),
    margin=st.one_of(st.none(), st.floats(-1, 20_000)),
    versus=st.sampled_from([None, "", "SI=F"]),
    reference=st.one_of(st.none(), LEVELS),
)
def test_the_quick_accept_of_check_claim_changes_no_answer(
    kind: ClaimKind,
    level: float | None,
    upper: float | None,
    made_on: date,
    days: int,
    margin: float | None,
    versus: str | None,
    reference: float | None,
) -> None:
    """`check_claim` accepts a plain level claim after its dates without the other
    checks: with the shortcut turned off every claim gets the same answer."""
    try:
        deadline = made_on + timedelta(days=days)
    except OverflowError:
        return
    claim = Claim(
        symbol="GC=F",
        asset="gold",
        kind=kind,
        level=level,
        made_on=made_on,
        window_start=made_on,
        deadline=deadline,
        reference_price=reference,
        versus_symbol=versus,
        margin=margin,
        upper=upper,
    )
    today = date(2026, 12, 1)

    def answer() -> str | None:
        try:
            bounds.check_claim(claim, today)
        except bounds.BoundsError as error:
            return str(error)
        return None

    quick = answer()
    shortcut = bounds._plain_level_claim
    bounds._plain_level_claim = lambda claim: False  # type: ignore[assignment]
    try:
        assert answer() == quick
    finally:
        bounds._plain_level_claim = shortcut  # type: ignore[assignment]


@given(made_on=DAYS, days=st.integers(0, 40_000))
def test_the_deadline_horizon_by_year_agrees_with_the_day(made_on: date, days: int) -> None:
    try:
        deadline = made_on + timedelta(days=days)
    except OverflowError:
        return
    try:
        bounds.check_deadline(made_on, deadline)
        refused = False
    except bounds.BoundsError:
        refused = True
    assert refused == (deadline > bounds.latest_deadline(made_on))
