"""Fetch failures told in as few lines as say everything."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ledger.failures import OFFLINE_HINT, failure_reason, summarize_failures

DNS = "Yahoo unreachable (DNS: cannot resolve query2.finance.yahoo.com)"


def test_the_code_symbol_and_attempts_are_not_part_of_the_reason() -> None:
    stored = f"source_error: GC=F: {DNS} (gave up after 4 attempts)"
    assert failure_reason("GC=F", stored) == DNS
    assert failure_reason("SI=F", f"source_error: SI=F: {DNS} (gave up after 1 attempt)") == DNS


def test_an_outage_of_many_symbols_is_one_line_with_the_offline_hint() -> None:
    failed = {
        symbol: f"source_error: {symbol}: {DNS} (gave up after {n} attempts)"
        for n, symbol in enumerate(["GC=F", "SI=F", "BTC-USD", "^GSPC", "CL=F"], start=1)
    }
    assert summarize_failures(failed) == [
        f"{DNS} for 5 symbols (BTC-USD, CL=F, GC=F, SI=F, +1 more): {OFFLINE_HINT}"
    ]


def test_failures_of_their_own_keep_their_own_lines() -> None:
    failed = {
        "NOPE": "unknown_symbol: NOPE: Yahoo does not know this symbol (misspelt or delisted?)",
        "GC=F": "source_error: GC=F: Yahoo answered HTTP 500 (gave up after 4 attempts)",
        "SI=F": "source_error: SI=F: Yahoo answered HTTP 500 (gave up after 4 attempts)",
    }
    assert summarize_failures(failed) == [
        "Yahoo answered HTTP 500 for 2 symbols (GC=F, SI=F)",
        "NOPE: Yahoo does not know this symbol (misspelt or delisted?)",
    ]


def test_a_lone_outage_names_its_symbol_and_the_hint() -> None:
    failed = {"GC=F": f"source_error: GC=F: {DNS} (gave up after 4 attempts)"}
    assert summarize_failures(failed) == [f"GC=F: {DNS}: {OFFLINE_HINT}"]


symbols = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ=^-", min_size=1, max_size=8)
reasons = st.sampled_from([DNS, "Yahoo answered HTTP 500", "Yahoo says: no", "x"])


@given(st.dictionaries(symbols, reasons, max_size=30))
def test_every_failed_symbol_is_counted_once(chosen: dict[str, str]) -> None:
    failed = {s: f"source_error: {s}: {r} (gave up after 2 attempts)" for s, r in chosen.items()}
    lines = summarize_failures(failed)
    assert len(lines) == len(set(chosen.values()))
    counted = 0
    for line in lines:
        if " symbols (" in line:
            counted += int(line.split(" for ")[-1].split(" symbols")[0])
        else:
            counted += 1
    assert counted == len(chosen)
