"""The resolver run end to end: store + market data + rules, and its faults."""

from __future__ import annotations

import threading
import time
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from price_files import flat_bars, write_csv
from sqlalchemy import func, select, text
from sqlmodel import Session

from ledger import resolver
from ledger.claims.parser import parse_claim
from ledger.failures import summarize_failures
from ledger.market.csv_source import CsvSource
from ledger.market.source import FetchResult
from ledger.market.yahoo import YahooSource
from ledger.price_cache import missing_range
from ledger.records import NewClaim
from ledger.resolver import run_resolver
from ledger.store.claims import ClaimFilter, get_claim, list_claims, record_claims
from ledger.store.prices import CachedRange
from ledger.store.resolving import ClaimsChanged, settle_claims
from ledger.store.runs import ResolverBusy, acquire_lock, recent_runs
from ledger.store.tables import ResolutionRow, ResolveLockRow

MADE_ON = date(2025, 11, 20)


def record(engine, *texts: str, source: str = "tester", made_on: date = MADE_ON) -> list[int]:
    with Session(engine) as session, session.begin():
        entries = [
            NewClaim(source=source, claim=parse_claim(t, made_on=made_on), text=t) for t in texts
        ]
        return list(record_claims(session, entries).added)


def claims_by_id(engine) -> dict:
    with Session(engine) as session:
        return {c.id: c for c in list_claims(session)}


def resolution_count(engine) -> int:
    with Session(engine) as session:
        return session.execute(select(func.count()).select_from(ResolutionRow)).scalar_one()


def test_csv_run_resolves_with_evidence_and_reasons(engine, prices: Path) -> None:
    ids = record(
        engine,
        "gold $5055 by end-2026",  # touched 2026-01-26 -> true
        "gold $6000 by 2026-06-30",  # never touched, deadline covered -> false
        "BTC holds 80000 until 2026-03-31",  # broken 2026-02-05 -> false
        "BTC hits 150k by 2026-12-31",  # deadline ahead -> open
        "gold $9000 by 2026-07-10",  # deadline is the last bar: covered -> false
    )
    summary = run_resolver(
        engine, CsvSource(prices), as_of=date(2026, 7, 13), today=date(2026, 7, 13)
    )
    assert summary.exit_code == 0
    assert (summary.resolved_true, summary.resolved_false, summary.still_open) == (1, 3, 1)
    claims = claims_by_id(engine)
    gold = claims[ids[0]]
    assert (gold.status, gold.evidence_date, gold.evidence_price, gold.evidence_field) == (
        "true",
        date(2026, 1, 26),
        5100.0,
        "high",
    )
    assert claims[ids[1]].status == "false"
    btc = claims[ids[2]]
    assert (btc.status, btc.evidence_date, btc.evidence_price) == (
        "false",
        date(2026, 2, 5),
        62000.0,
    )
    assert claims[ids[3]].status == "open"
    assert claims[ids[4]].status == "false"
    with Session(engine) as session:
        detail = get_claim(session, ids[0])
        reason = session.execute(
            text("SELECT open_reason FROM prediction WHERE id = :i"), {"i": ids[3]}
        ).scalar_one()
        runs = recent_runs(session)
    assert reason == "waiting_for_deadline"
    (resolution,) = detail.resolutions
    assert resolution.method == "auto" and resolution.run_id == summary.run_id
    assert resolution.days_to_touch == (date(2026, 1, 26) - MADE_ON).days
    assert resolution.data_source.startswith("csv:")
    assert runs[0].id == summary.run_id and runs[0].finished_at is not None
    assert (runs[0].resolved_true, runs[0].resolved_false, runs[0].still_open) == (1, 3, 1)


def test_second_run_is_idempotent(engine, prices: Path) -> None:
    record(engine, "gold $5055 by end-2026", "gold $6000 by 2026-06-30")
    source = CsvSource(prices)
    run_resolver(engine, source, as_of=date(2026, 7, 13), today=date(2026, 7, 13))
    rows = resolution_count(engine)
    again = run_resolver(engine, source, as_of=date(2026, 7, 13), today=date(2026, 7, 13))
    assert (again.resolved_true, again.resolved_false, again.claims_checked) == (0, 0, 0)
    assert resolution_count(engine) == rows == 2


def test_as_of_uses_no_later_bar(engine, prices: Path) -> None:
    (claim_id,) = record(engine, "gold $5055 by end-2026")
    summary = run_resolver(
        engine, CsvSource(prices), as_of=date(2026, 1, 25), today=date(2026, 7, 13)
    )
    assert summary.resolved_true == 0 and summary.still_open == 1
    assert claims_by_id(engine)[claim_id].status == "open"
    run_resolver(engine, CsvSource(prices), as_of=date(2026, 1, 26), today=date(2026, 7, 13))
    assert claims_by_id(engine)[claim_id].status == "true"


def test_data_ending_before_the_deadline_never_gives_false(engine, tmp_path: Path) -> None:
    directory = tmp_path / "short"
    write_csv(directory, "GC=F", flat_bars("2025-01-01", "2026-03-01", 4000.0))
    (claim_id,) = record(engine, "gold $6000 by 2026-06-30")
    summary = run_resolver(
        engine, CsvSource(directory), as_of=date(2026, 7, 13), today=date(2026, 7, 13)
    )
    assert summary.resolved_false == 0
    assert claims_by_id(engine)[claim_id].status == "open"
    assert summary.open_reasons == {"waiting_for_data": 1}


def test_dry_run_writes_nothing(engine, prices: Path) -> None:
    record(engine, "gold $5055 by end-2026")
    summary = run_resolver(
        engine, CsvSource(prices), as_of=date(2026, 7, 13), today=date(2026, 7, 13), dry_run=True
    )
    assert summary.resolved_true == 1 and summary.run_id is None
    assert resolution_count(engine) == 0
    assert claims_by_id(engine)[1].status == "open"
    with Session(engine) as session:
        assert session.execute(text("SELECT count(*) FROM price_bar_block")).scalar_one() == 0


def test_relative_claim_gets_its_reference_close(engine, prices: Path) -> None:
    (claim_id,) = record(engine, "BTC -20% within 90 days")
    run_resolver(engine, CsvSource(prices), as_of=date(2026, 7, 13), today=date(2026, 7, 13))
    claim = claims_by_id(engine)[claim_id]
    assert claim.reference_price == 90000.0
    assert claim.level == pytest.approx(72000.0)
    assert claim.status == "true"  # the 62,000 low on 2026-02-05 is inside 90 days? no:
    # made 2025-11-20 + 90 days = 2026-02-18, and 2026-02-05 is inside the window.


def test_recheck_after_a_data_correction_keeps_the_history(engine, prices: Path) -> None:
    (claim_id,) = record(engine, "gold $5055 by end-2026")
    run_resolver(engine, CsvSource(prices), as_of=date(2026, 7, 13), today=date(2026, 7, 13))
    write_csv(
        prices, "GC=F", flat_bars("2025-01-01", "2026-07-10", 4000.0, highs={"2026-02-02": 5200.0})
    )
    summary = run_resolver(
        engine, CsvSource(prices), as_of=date(2026, 7, 13), today=date(2026, 7, 13), recheck=True
    )
    assert summary.changed_on_recheck == 1
    with Session(engine) as session:
        detail = get_claim(session, claim_id)
    assert [(r.evidence_date, r.is_current) for r in detail.resolutions] == [
        (date(2026, 1, 26), False),
        (date(2026, 2, 2), True),
    ]


def test_missing_range_fetches_only_what_the_cache_lacks() -> None:
    cached = CachedRange(date(2025, 1, 1), date(2026, 6, 30))
    assert missing_range((date(2025, 6, 1), date(2026, 3, 1)), cached, date(2026, 7, 13)) is None
    assert missing_range((date(2025, 6, 1), date(2026, 7, 10)), cached, date(2026, 7, 13)) == (
        date(2026, 6, 25),
        date(2026, 7, 10),
    )
    assert missing_range((date(2024, 6, 1), date(2025, 3, 1)), cached, date(2026, 7, 13)) == (
        date(2024, 6, 1),
        date(2024, 12, 31),
    )
    recent = CachedRange(date(2025, 1, 1), date(2026, 7, 12))
    assert missing_range((date(2025, 6, 1), date(2026, 7, 12)), recent, date(2026, 7, 13)) == (
        date(2026, 7, 7),
        date(2026, 7, 12),
    )
    assert missing_range((date(2025, 6, 1), date(2026, 3, 1)), None, date(2026, 7, 13)) == (
        date(2025, 6, 1),
        date(2026, 3, 1),
    )


# --- the real yfinance against the offline Yahoo fake ---------------------------


@pytest.fixture
def yahoo(tmp_path: Path) -> YahooSource:
    return YahooSource(tmp_path / "yf-cache", retries=2, backoff=0.01, sleep=lambda _s: None)


def test_yahoo_run_with_an_unknown_symbol(engine, fake_yahoo, yahoo) -> None:
    fake_yahoo.set(
        "GC=F", flat_bars("2025-10-01", "2026-07-10", 4000.0, highs={"2026-01-26": 5100.0})
    )
    fake_yahoo.set(
        "BTC-USD",
        flat_bars(
            "2025-10-01", "2026-07-12", 90000.0, weekdays_only=False, lows={"2026-02-05": 62000.0}
        ),
    )
    ids = record(
        engine,
        "gold $5055 by end-2026",
        "BTC holds 80000 until 2026-03-31",
        "NOPEZZ hits 100 by 2026-03-31",
    )
    summary = run_resolver(engine, yahoo, as_of=date(2026, 7, 13), today=date(2026, 7, 13))
    assert summary.exit_code == 1
    assert set(summary.failed_symbols) == {"NOPEZZ"}
    claims = claims_by_id(engine)
    assert claims[ids[0]].status == "true" and claims[ids[1]].status == "false"
    assert claims[ids[2]].status == "open"
    with Session(engine) as session:
        reason = session.execute(
            text("SELECT open_reason FROM prediction WHERE id = :i"), {"i": ids[2]}
        ).scalar_one()
    assert reason == "unknown_symbol"
    assert len(fake_yahoo.chart_requests("GC=F")) <= 2
    assert len(fake_yahoo.chart_requests("BTC-USD")) <= 2


def test_yahoo_outage_leaves_claims_open_with_the_error(engine, fake_yahoo, yahoo) -> None:
    fake_yahoo.set("GC=F", flat_bars("2025-10-01", "2026-07-10", 4000.0))
    fake_yahoo.rate_limit(everything=True)
    (claim_id,) = record(engine, "gold $6000 by 2026-06-30")
    summary = run_resolver(engine, yahoo, as_of=date(2026, 7, 13), today=date(2026, 7, 13))
    assert summary.exit_code == 1 and summary.resolved_false == 0
    assert claims_by_id(engine)[claim_id].status == "open"
    assert summary.open_reasons == {"source_error": 1}
    with Session(engine) as session:
        (run,) = recent_runs(session)
    assert "GC=F" in run.errors and run.failed_symbols == 1


def test_an_unreachable_yahoo_is_one_line_and_leaves_every_claim_open(
    engine, fake_yahoo, yahoo
) -> None:
    texts = ["gold $6000 by 2026-06-30", "silver $90 by 2026-06-30", "BTC 200k by 2026-06-30"]
    texts += ["oil $150 by 2026-06-30", "SPX 9000 by 2026-06-30", "ETH $9000 by 2026-06-30"]
    ids = record(engine, *texts)
    fake_yahoo.go_offline()

    summary = run_resolver(engine, yahoo, as_of=date(2026, 7, 13), today=date(2026, 7, 13))

    assert summary.exit_code == 1
    assert {claims_by_id(engine)[i].status for i in ids} == {"open"}
    assert summary.open_reasons == {"source_error": 6}
    # 3 attempts (retries=2), one request each: not 6 symbols x 3.
    assert summary.requests == 3
    assert summarize_failures(summary.failed_symbols) == [
        "Yahoo unreachable (DNS: cannot resolve query2.finance.yahoo.com) for 6 symbols"
        " (BTC-USD, CL=F, ETH-USD, GC=F, +2 more): their claims stay open;"
        " '--prices csv:DIR' works offline"
    ]


def test_warm_cache_needs_no_requests(engine, fake_yahoo, yahoo) -> None:
    fake_yahoo.set("GC=F", flat_bars("2025-10-01", "2026-07-10", 4000.0))
    record(engine, "gold $6000 by 2026-12-31")
    run_resolver(engine, yahoo, as_of=date(2026, 3, 1), today=date(2026, 7, 13))
    fake_yahoo.reset_log()
    summary = run_resolver(engine, yahoo, as_of=date(2026, 2, 1), today=date(2026, 7, 13))
    assert summary.requests == 0 and fake_yahoo.chart_requests() == []


# --- faults ---------------------------------------------------------------------


class Interrupt(BaseException):
    pass


def test_kill_between_symbols_then_rerun_finishes(engine, prices: Path, monkeypatch) -> None:
    monkeypatch.setattr(resolver, "BATCH_ROWS", 1)  # one symbol per transaction
    record(engine, "gold $5055 by end-2026", "BTC holds 80000 until 2026-03-31")

    def die_after_first(symbol: str, done: int, total: int) -> None:
        raise Interrupt

    with pytest.raises(Interrupt):
        run_resolver(
            engine,
            CsvSource(prices),
            as_of=date(2026, 7, 13),
            today=date(2026, 7, 13),
            progress=die_after_first,
        )
    statuses = sorted(c.status for c in claims_by_id(engine).values())
    assert statuses == ["false", "open"]  # BTC-USD committed first; GC=F untouched
    summary = run_resolver(
        engine, CsvSource(prices), as_of=date(2026, 7, 13), today=date(2026, 7, 13)
    )
    assert summary.resolved_true == 1
    assert resolution_count(engine) == 2


def test_kill_inside_a_batch_leaves_all_its_symbols_untouched(
    engine, prices: Path, monkeypatch
) -> None:
    """Both symbols share one transaction (a few thousand rows): a kill while the
    second is judged loses the first one's work too, and a rerun does all of it."""
    record(engine, "gold $5055 by end-2026", "BTC holds 80000 until 2026-03-31")
    calls: list[str] = []

    def dying_on_second(judge):
        def die_on_second(session, symbol, *args, **kwargs):
            calls.append(symbol)
            if len(calls) == 2:
                raise Interrupt
            return judge(session, symbol, *args, **kwargs)

        return die_on_second

    # Claims of a fixed level are judged by the column, any other claim one by one.
    for name in ("_resolve_symbol", "_resolve_columns"):
        monkeypatch.setattr(resolver, name, dying_on_second(getattr(resolver, name)))
    with pytest.raises(Interrupt):
        run_resolver(engine, CsvSource(prices), as_of=date(2026, 7, 13), today=date(2026, 7, 13))
    assert calls == ["BTC-USD", "GC=F"]
    assert sorted(c.status for c in claims_by_id(engine).values()) == ["open", "open"]
    assert resolution_count(engine) == 0
    with Session(engine) as session:
        assert session.execute(text("SELECT count(*) FROM price_bar_block")).scalar_one() == 0
    monkeypatch.undo()
    summary = run_resolver(
        engine, CsvSource(prices), as_of=date(2026, 7, 13), today=date(2026, 7, 13)
    )
    assert (summary.resolved_true, summary.resolved_false) == (1, 1)
    assert resolution_count(engine) == 2


def test_claims_settled_by_someone_else_leave_only_their_symbol_open(
    engine, prices: Path, monkeypatch
) -> None:
    """A batch whose writes find a claim already moved is rolled back and redone
    one symbol per transaction: the other symbols of the batch still settle."""
    gold, _btc = record(engine, "gold $5055 by end-2026", "BTC holds 80000 until 2026-03-31")
    settle = resolver.settle_claim_columns

    def someone_else_got_gold(session, claim_ids, *args, **kwargs):
        if gold in claim_ids:
            raise ClaimsChanged("1 claims were settled by someone else during this run")
        return settle(session, claim_ids, *args, **kwargs)

    # Both claims are of a fixed level: the run writes them with settle_claim_columns.
    monkeypatch.setattr(resolver, "settle_claim_columns", someone_else_got_gold)
    summary = run_resolver(
        engine, CsvSource(prices), as_of=date(2026, 7, 13), today=date(2026, 7, 13)
    )
    assert summary.resolved_false == 1 and summary.resolved_true == 0
    assert summary.failed_symbols["GC=F"].startswith("not settled: 1 claims were settled")
    assert "BTC-USD" not in summary.failed_symbols
    statuses = {cid: c.status for cid, c in claims_by_id(engine).items()}
    assert statuses[gold] == "open" and sorted(statuses.values()) == ["false", "open"]
    with Session(engine) as session:  # BTC-USD's bars were stored, GC=F's rolled back
        stored = dict(
            session.execute(
                text("SELECT symbol, sum(bars) FROM price_bar_block GROUP BY symbol")
            ).all()
        )
    assert set(stored) == {"BTC-USD"}


def test_a_claim_settled_between_the_read_and_the_write_is_not_settled_again(
    engine, prices: Path, monkeypatch
) -> None:
    """A real second writer: gold is settled by hand after the run has read it as
    open; the run's compare-and-set finds it moved, so GC=F is left for the next
    run and keeps the one resolution, while BTC-USD settles."""
    gold, btc = record(engine, "gold $5055 by end-2026", "BTC holds 80000 until 2026-03-31")
    read = resolver.open_claims_and_baselines

    def read_then_someone_settles_gold(session):
        split = read(session)
        with Session(engine) as other, other.begin():
            settle_claims(other, [gold], ["false"], [(None,) * 12], run_id=None, method="manual")
        return split

    monkeypatch.setattr(resolver, "open_claims_and_baselines", read_then_someone_settles_gold)
    summary = run_resolver(
        engine, CsvSource(prices), as_of=date(2026, 7, 13), today=date(2026, 7, 13)
    )
    assert summary.failed_symbols["GC=F"].startswith("not settled: 1 claims were settled")
    statuses = {cid: c.status for cid, c in claims_by_id(engine).items()}
    assert statuses == {gold: "false", btc: "false"}
    with Session(engine) as session:
        methods = session.execute(
            text("SELECT prediction_id, method FROM resolution ORDER BY prediction_id")
        ).all()
    assert sorted(methods) == sorted([(gold, "manual"), (btc, "auto")])


class CountingCsv(CsvSource):
    """The CSV source, counting the files it reads."""

    def __init__(self, directory: Path) -> None:
        super().__init__(directory)
        self.read: list[str] = []

    def _fetch_one(self, symbol, first, last):
        self.read.append(symbol)
        return super()._fetch_one(symbol, first, last)


def test_a_warm_run_reads_no_csv_file_that_has_not_changed(engine, prices: Path) -> None:
    """The last days are asked for again on every run; a file of the same size and
    modification time as when its bars were cached is not read again for them.
    A file that changed is read, and its new bars count."""
    record(engine, "gold $9000 by end-2026", "BTC $150000 by end-2026")  # both stay open
    as_of = {"as_of": date(2026, 7, 13), "today": date(2026, 7, 13)}
    first = CountingCsv(prices)
    run_resolver(engine, first, **as_of)
    assert sorted(first.read) == ["BTC-USD", "GC=F"]

    again = CountingCsv(prices)
    summary = run_resolver(engine, again, **as_of)
    assert again.read == [] and summary.bars_stored == 0 and not summary.failed_symbols

    path = prices / "GC=F.csv"
    path.write_text(path.read_text() + "2026-07-13,4600,4650,4550,4600,\n")
    changed = CountingCsv(prices)
    summary = run_resolver(engine, changed, **as_of | {"today": date(2026, 7, 14)})
    assert changed.read == ["GC=F"] and summary.bars_stored > 0


def test_recheck_reads_every_file_whatever_its_version(engine, prices: Path) -> None:
    record(engine, "gold $9000 by end-2026")
    as_of = {"as_of": date(2026, 7, 13), "today": date(2026, 7, 13)}
    run_resolver(engine, CsvSource(prices), **as_of)
    again = CountingCsv(prices)
    run_resolver(engine, again, recheck=True, **as_of)
    assert again.read == ["GC=F"]


class SlowSource:
    """A price source that takes its time, so two runs overlap."""

    def __init__(self, inner: CsvSource, delay: float) -> None:
        self.inner, self.delay, self.name = inner, delay, inner.name

    def fetch(self, wanted) -> FetchResult:
        time.sleep(self.delay)
        return self.inner.fetch(wanted)


def test_two_concurrent_runs_never_double_resolve(engine, prices: Path) -> None:
    record(engine, "gold $5055 by end-2026", "BTC holds 80000 until 2026-03-31")
    results: list[object] = []

    def run() -> None:
        try:
            results.append(
                run_resolver(
                    engine,
                    SlowSource(CsvSource(prices), 0.5),
                    as_of=date(2026, 7, 13),
                    today=date(2026, 7, 13),
                )
            )
        except ResolverBusy as exc:
            results.append(exc)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(type(r).__name__ for r in results) == ["ResolveSummary", "ResolverBusy"]
    assert resolution_count(engine) == 2
    with Session(engine) as session:
        assert session.execute(select(func.count()).select_from(ResolveLockRow)).scalar_one() == 0


def test_a_dead_runs_lock_is_taken_over(engine) -> None:
    with Session(engine) as session, session.begin():
        session.add(
            ResolveLockRow(
                name="resolve",
                holder="x:999999:dead",
                host=__import__("socket").gethostname(),
                pid=999_999,
                acquired_at=pd.Timestamp.now(tz="UTC").to_pydatetime(),
                heartbeat_at=pd.Timestamp.now(tz="UTC").to_pydatetime(),
            )
        )
    lock = acquire_lock(engine)
    lock.release()


def test_a_live_lock_is_respected(engine) -> None:
    lock = acquire_lock(engine)
    try:
        with pytest.raises(ResolverBusy, match="another resolve run"):
            acquire_lock(engine)
    finally:
        lock.release()


def test_list_filter_by_status_after_resolve(engine, prices: Path) -> None:
    record(engine, "gold $5055 by end-2026", "gold $6000 by 2026-06-30")
    run_resolver(engine, CsvSource(prices), as_of=date(2026, 7, 13), today=date(2026, 7, 13))
    with Session(engine) as session:
        assert [c.id for c in list_claims(session, ClaimFilter(status="true"))] == [1]


def test_a_symbol_listed_late_is_not_asked_again_for_its_early_history(
    engine, fake_yahoo, yahoo
) -> None:
    # Listed in March 2026: Yahoo has nothing before, and the resolver must not
    # ask for that missing history on every run.
    fake_yahoo.set("NEWCO", flat_bars("2026-03-02", "2026-07-10", 50.0))
    record(engine, "NEWCO hits 80 by 2026-12-31", made_on=date(2026, 3, 10))
    run_resolver(engine, yahoo, as_of=date(2026, 6, 1), today=date(2026, 7, 13))
    fake_yahoo.reset_log()
    run_resolver(engine, yahoo, as_of=date(2026, 5, 1), today=date(2026, 7, 13))
    assert fake_yahoo.chart_requests() == []


def test_baselines_are_computed_in_the_run(engine, prices: Path) -> None:
    ids = record(engine, "gold $5055 by end-2026", "BTC holds 80000 until 2026-03-31")
    run_resolver(engine, CsvSource(prices), as_of=date(2026, 7, 13), today=date(2026, 7, 13))
    claims = claims_by_id(engine)
    # Flat prices: no volatility, so the market says the touch cannot happen
    # and the hold cannot fail.
    assert claims[ids[0]].market_sigma == 0.0
    assert claims[ids[0]].market_prob == 0.0
    assert claims[ids[1]].market_prob == 1.0
    assert claims[ids[0]].market_spot == 4000.0


def test_one_symbol_rate_limited_the_others_resolve(engine, fake_yahoo, yahoo) -> None:
    fake_yahoo.set(
        "GC=F", flat_bars("2025-10-01", "2026-07-10", 4000.0, highs={"2026-01-26": 5100.0})
    )
    fake_yahoo.set("SI=F", flat_bars("2025-10-01", "2026-07-10", 50.0, highs={"2026-01-05": 61.0}))
    fake_yahoo.rate_limit("SI=F")
    gold, silver = record(engine, "gold $5055 by end-2026", "silver hits $60 by 2026-03-31")
    summary = run_resolver(engine, yahoo, as_of=date(2026, 7, 13), today=date(2026, 7, 13))
    assert summary.exit_code == 1
    assert summary.failed_symbols["SI=F"].startswith("rate_limited")
    claims = claims_by_id(engine)
    assert claims[gold].status == "true"
    assert claims[silver].status == "open"
    assert claims[silver].open_reason == "source_error"
    assert claims[silver].market_prob is None  # no history fetched: left for the next run
    fake_yahoo.lift_rate_limit()
    again = run_resolver(engine, yahoo, as_of=date(2026, 7, 13), today=date(2026, 7, 13))
    assert again.exit_code == 0 and again.resolved_true == 1
    assert claims_by_id(engine)[silver].status == "true"


def test_a_level_set_before_a_split_is_judged_in_todays_units(engine, fake_yahoo, yahoo) -> None:
    # A 4-for-1 split on 2026-02-02. Yahoo's history is split-adjusted: the
    # stock traded near 400 before the split, and its bars all read ~100.
    bars = flat_bars("2025-10-01", "2026-07-10", 100.0, highs={"2026-03-02": 125.0})
    bars["Stock Splits"] = 0.0
    bars.loc["2026-02-02", "Stock Splits"] = 4.0
    fake_yahoo.set("SPLT", bars)
    (claim_id,) = record(engine, "SPLT hits 480 by 2026-06-30")  # 480 then = 120 now
    run_resolver(engine, yahoo, as_of=date(2026, 7, 13), today=date(2026, 7, 13))
    with Session(engine) as session:
        detail = get_claim(session, claim_id)
    assert detail.claim.status == "true"
    (resolution,) = detail.resolutions
    assert resolution.evidence_date == date(2026, 3, 2)
    assert resolution.level_used == pytest.approx(120.0)
    assert resolution.split_factor == pytest.approx(4.0)
    assert "split-adjusted" in resolution.note
