"""`settled_since`: the symbols whose resolver verdicts stand on a bar dated on or
after a day, with the earliest such bar (what a resolve run fetches again so that
a revision of the latest bars re-judges them). Read through the driver with the
join led by the resolutions; held here to the claims' own records."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlmodel import Session

from ledger.market.csv_source import CsvSource
from ledger.resolver import run_resolver
from ledger.store.claims import list_claims
from ledger.store.revisions import settled_since
from ledger.store.session import open_ledger
from tests.resolver.conftest import prices  # noqa: F401 (a fixture)
from tests.resolver.test_decided_rows import AS_OF
from tests.resolver.test_resolver import record


@pytest.fixture
def engine(migrated_url: str):
    engine = open_ledger(migrated_url)
    yield engine
    engine.dispose()


def expected(engine, first_day: date) -> dict[str, date]:
    """From each claim's record: the earliest evidence on or after `first_day`, by symbol."""
    found: dict[str, date] = {}
    with Session(engine) as session:
        for claim in list_claims(session):
            day = claim.evidence_date
            if claim.status in ("true", "false") and day is not None and day >= first_day:
                found[claim.symbol] = min(found.get(claim.symbol, day), day)
    return found


def test_settled_since_is_the_earliest_recent_evidence_by_symbol(
    engine,
    prices: Path,  # noqa: F811
) -> None:
    record(
        engine,
        "gold $5055 by end-2026",  # touched 2026-01-26
        "gold $6000 by 2026-06-30",  # false on the last bar by 2026-06-30
        "gold $9000 by 2026-07-10",  # false on 2026-07-10
        "BTC holds 80000 until 2026-03-31",  # broken 2026-02-05
        "BTC hits 150k by 2026-12-31",  # open
        "BTC below $50k by 2026-06-30",  # false on 2026-06-30
    )
    with Session(engine) as session:
        assert settled_since(session, date(2000, 1, 1)) == {}
    run_resolver(engine, CsvSource(prices), as_of=AS_OF, today=AS_OF)
    for first_day in (
        date(2000, 1, 1),
        date(2026, 1, 26),
        date(2026, 1, 27),
        date(2026, 2, 6),
        date(2026, 6, 30),
        date(2026, 7, 1),
        date(2026, 7, 10),
        AS_OF - timedelta(days=1),
    ):
        with Session(engine) as session:
            got = settled_since(session, first_day)
        assert got == expected(engine, first_day), first_day
    # A false verdict on a level never reached stands on no bar (no evidence date).
    with Session(engine) as session:
        assert settled_since(session, date(2026, 1, 1)) == {
            "GC=F": date(2026, 1, 26),
            "BTC-USD": date(2026, 2, 5),
        }
        assert settled_since(session, date(2026, 1, 27)) == {"BTC-USD": date(2026, 2, 5)}
        assert settled_since(session, date(2026, 2, 6)) == {}
