"""`ResolveSummary.decided` (the `resolved` list of `resolve --json`): one row per
claim the run decided, holding what the ledger now stores for it.

A run keeps the claims it decided by the column as columns (`DecidedColumns`)
and makes the rows only when asked; these tests hold the rows to the stored
resolutions, and the order and the date forms to what a dict per claim gave.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlmodel import Session

from ledger.market.csv_source import CsvSource
from ledger.resolver import DecidedColumns, ResolveSummary, run_resolver
from ledger.store.claims import get_claim
from tests.resolver.test_resolver import record

AS_OF = date(2026, 7, 13)


def test_decided_rows_are_the_stored_resolutions(engine, prices: Path) -> None:
    ids = record(
        engine,
        "gold $5055 by end-2026",  # touched 2026-01-26 -> true
        "gold $6000 by 2026-06-30",  # never touched -> false
        "BTC holds 80000 until 2026-03-31",  # broken 2026-02-05 -> false
        "BTC hits 150k by 2026-12-31",  # open: not in the list
        "gold $9000 by 2026-07-10",  # false on the last bar
        "gold below $3000 by 2026-06-30",  # never reached -> false
    )
    summary = run_resolver(engine, CsvSource(prices), as_of=AS_OF, today=AS_OF)
    rows = summary.decided
    assert rows == summary.to_json()["resolved"]
    assert sorted(row["id"] for row in rows) == sorted(set(ids) - {ids[3]})
    with Session(engine) as session:
        for row in rows:
            detail = get_claim(session, row["id"])
            (current,) = [r for r in detail.resolutions if r.is_current]
            assert row == {
                "id": detail.claim.id,
                "symbol": detail.claim.symbol,
                "outcome": current.outcome,
                "evidence_date": current.evidence_date.isoformat()
                if current.evidence_date
                else None,
                "evidence_price": current.evidence_price,
                "evidence_field": current.evidence_field,
                "bar_quality": current.bar_quality,
            }
    # Symbols in the run's order, each symbol's claims in id order.
    assert [row["symbol"] for row in rows] == sorted(row["symbol"] for row in rows)
    for symbol in {row["symbol"] for row in rows}:
        of_symbol = [row["id"] for row in rows if row["symbol"] == symbol]
        assert of_symbol == sorted(of_symbol)


def test_parts_keep_their_order_and_give_iso_dates() -> None:
    """Rows of claim-by-claim decisions (dicts) and of column blocks, in the order
    the symbols were absorbed; a block's dates are ISO text either way."""
    run = ResolveSummary(1, AS_OF, "csv", False)
    first = ResolveSummary(1, AS_OF, "csv", False)
    first.decided_parts.append(
        DecidedColumns(
            "A",
            [3, 7],
            ["true", "false"],
            [date(1969, 12, 31), None],  # a date before 1970; none where there is none
            [5.5, None],
            ["high", None],
            ["ok", None],
            iso_dates=False,
        )
    )
    second = ResolveSummary(1, AS_OF, "csv", False)
    claim_row = {
        "id": 2,
        "symbol": "B/C",
        "outcome": "true",
        "evidence_date": "2026-01-02",
        "evidence_price": 1.5,
        "evidence_field": "close",
        "bar_quality": "ok",
    }
    second.decided_parts.append(claim_row)
    second.decided_parts.append(
        DecidedColumns(
            "D", [9], ["false"], ["2026-06-30"], [2.0], ["close"], ["repaired"], iso_dates=True
        )
    )
    run.absorb(first)
    run.absorb(second)
    assert run.decided == [
        {
            "id": 3,
            "symbol": "A",
            "outcome": "true",
            "evidence_date": "1969-12-31",
            "evidence_price": 5.5,
            "evidence_field": "high",
            "bar_quality": "ok",
        },
        {
            "id": 7,
            "symbol": "A",
            "outcome": "false",
            "evidence_date": None,
            "evidence_price": None,
            "evidence_field": None,
            "bar_quality": None,
        },
        claim_row,
        {
            "id": 9,
            "symbol": "D",
            "outcome": "false",
            "evidence_date": "2026-06-30",
            "evidence_price": 2.0,
            "evidence_field": "close",
            "bar_quality": "repaired",
        },
    ]
    assert run.to_json()["resolved"] == run.decided
