"""`open_claims_and_baselines`: a resolve run's one read of `prediction` gives what
its two reads gave (`open_claims_split` and `claims_needing_baseline`), on random
ledgers of every kind of claim, statuses and baselines, on both backends."""

from __future__ import annotations

from datetime import date

from claim_ledgers import ledger_of
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlmodel import Session

from ledger.store.baselines import claims_needing_baseline
from ledger.store.resolving import open_claims_and_baselines, open_claims_split

MADE_ON = date(2025, 11, 20)
TEXTS = [
    "gold $5055 by end-2026",  # fixed levels, judged by the column
    "silver falls to $40 by Q2 2026",
    "S&P 500 closes above 7000 on 2026-12-31",
    "BTC holds 80000 until 2026-03-31",
    "oil averages below $60 in 2026",
    "gold stays between 4000 and 4500 until March",
    "BTC hits 150k by 2026-06-30",
    "gold +20% by end-2026",  # relative: the claim path
    "BTC doubles by end-2026",
    "gold outperforms bitcoin in 2026",  # two assets
    "the gold/silver ratio falls to 80 by end-2026",  # a ratio's symbol
    "BTC holds support",  # a computed level, pending
    "vague: crypto's stagnation may be temporary",
    "silver $60 by end-2026",
]
VAGUE = 12

# Per claim: its status (a vague call stays vague) and whether it has a baseline.
states = st.lists(
    st.tuples(st.sampled_from(["open", "open", "true", "false", "void"]), st.booleans()),
    min_size=len(TEXTS),
    max_size=len(TEXTS),
)


def as_plain(columns, claims, baselines) -> tuple:
    """The reads' results as comparable values (dicts of lists, frozen dataclasses)."""
    return (
        {
            symbol: (
                c.ids,
                c.claims.kind,
                c.claims.made_on.tolist(),
                c.claims.window_start.tolist(),
                c.claims.deadline.tolist(),
                [repr(v) for v in c.claims.level.tolist()],
                [repr(v) for v in c.claims.upper.tolist()],
            )
            for symbol, c in columns.items()
        },
        {symbol: list(items) for symbol, items in claims.items()},
        {symbol: list(items) for symbol, items in baselines.items()},
    )


def test_one_read_gives_what_the_two_reads_gave(ledger_url: str) -> None:
    engine, ids = ledger_of(ledger_url, TEXTS, MADE_ON)

    @settings(deadline=None, max_examples=40)
    @given(states)
    def check(drawn: list[tuple[str, bool]]) -> None:
        with Session(engine) as session, session.begin():
            for index, (claim_id, (status, baseline)) in enumerate(zip(ids, drawn, strict=True)):
                session.execute(
                    text(
                        "UPDATE prediction SET status = :status, market_computed_at = "
                        "CASE WHEN :baseline THEN created_at ELSE NULL END WHERE id = :id"
                    ),
                    {
                        "status": "vague" if index == VAGUE and status != "void" else status,
                        "baseline": baseline,
                        "id": claim_id,
                    },
                )
        with Session(engine) as session:
            one_columns, one_claims, one_baselines = open_claims_and_baselines(session)
        with Session(engine) as session:
            columns, claims = open_claims_split(session)
            baselines = claims_needing_baseline(session)
        # A claim held as columns and due a baseline is marked there, not repeated.
        marked = {
            claim_id
            for c in one_columns.values()
            for claim_id, due in zip(c.ids, c.due.tolist(), strict=True)
            if due
        }
        expected = {
            key: [c for c in items if c.id not in marked] for key, items in baselines.items()
        }
        assert as_plain(one_columns, one_claims, one_baselines) == as_plain(
            columns, claims, {key: items for key, items in expected.items() if items}
        )
        assert marked == {c.id for items in baselines.values() for c in items} & {
            claim_id for c in columns.values() for claim_id in c.ids
        }

    check()
    engine.dispose()


def test_the_read_splits_a_ledger_as_expected(ledger_url: str) -> None:
    """Not only equal to the two reads: the claims land where the run wants them."""
    engine, ids = ledger_of(ledger_url, TEXTS, MADE_ON)
    with Session(engine) as session:
        columns, claims, baselines = open_claims_and_baselines(session)
    by_column = {claim_id for c in columns.values() for claim_id in c.ids}
    by_claim = {item.id for items in claims.values() for item in items}
    due = {claim.id for items in baselines.values() for claim in items}
    marked = {
        claim_id
        for c in columns.values()
        for claim_id, flag in zip(c.ids, c.due.tolist(), strict=True)
        if flag
    }
    fixed = {ids[i] for i in (0, 1, 2, 3, 4, 5, 6, 13)}
    assert by_column == fixed
    assert by_claim == set(ids) - fixed - {ids[VAGUE]}
    # Every claim with a level has no baseline yet; a pending computed level and a
    # vague call get none. The column claims are marked due where they are.
    assert marked == fixed
    assert due == set(ids) - fixed - {ids[11], ids[VAGUE]}
    engine.dispose()
