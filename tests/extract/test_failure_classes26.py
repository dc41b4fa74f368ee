"""Failure classes of the twenty-sixth round (issue 11): false positives on unseen text.

Every false positive of the development files (corpus_test8.yaml, just retired from the
frozen set, among them) was sorted by what the extractor took for a call. The classes fixed
here, each in general form and in wording of our own (none of these sentences is in a
corpus file):

- an old target told beside the new one: "the index target had been 23,500", "they no
  longer expect $36 but $40", "the old high at $73,800", "above the $1,250 forecast in a
  previous poll";
- the day's settlement in a market report: "increased 61 cents to settle at 66.20 dollars";
- the market where it stands or has just been, told beside the news: "with the index
  climbing as high as 6,100 before a pause", "crossed $3,400, its highest since April";
- figures that are no price of the asset: "2.3-million barrels a day", "$300 a share of
  earnings", "has taken $5 off its forecast";
- a band written "X to Y" straight after a verb of forecasting ("projected $10,000 to $12,000
  by year-end") read as a call to its top: it is a band, proposed below --min-confidence;
- an average whose year is its adjective ("forecasts a 2025 average of $3,500 and says gold
  could reach $4,000 in 2026") given the other clause's year; and a gap to an average ("$3
  above its 2017 average") read as a level;
- a transcript's timestamp with tenths ("| 1:01.1 |") read as a level ".1";
- a bare "oil" or "crude" call in a story about Brent read as WTI (the table's default): in
  an article that names Brent and not WTI, it is Brent;
- the euro area's index named by description ("the euro-zone benchmark") read as the DAX the
  story is about;
- a call under a scenario that opens its sentence ("In a scenario where supply falls, Brent
  could top $90") or an inverted condition after a semicolon ("...; should demand stall,
  prices could drop below $50") read as a firm call: conditional, capped;
- calls of a crowd nobody names: "more and more experts think", "an increasing number of
  strategists", "users expect" (a poll's answers), kept below --min-confidence;
- (the harness) an outperformance reading, which has no level, could match no label: it now
  matches a label of the same two assets.

Each class has negatives that must not change. Calls are written "SYMBOL kind level
deadline speaker", as in test_failure_classes.py.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract.quality import Expected, Found, matches
from extract_calls import recorded

from ledger.claims.parser import parse_claim
from ledger.extract import extract_candidates

JUNE = date(2025, 6, 2)

# ------------------------------------------------------------ old targets beside new ones


@pytest.mark.parametrize(
    ("text", "new", "old"),
    [
        (
            "Helaba expects the DAX to reach 25,000 points by year-end. The bank's index target"
            " had been 23,500 points.",
            "^GDAXI touch_above 25000 by 2025-12-31 Helaba",
            "23500",
        ),
        (
            "Nordbank expects the Nikkei 225 to reach 41,000 points by the end of the year. Its"
            " year-end forecast was previously 38,000 points.",
            "^N225 touch_above 41000 by 2025-12-31 Nordbank",
            "38000",
        ),
        (
            "HSBC expects silver to reach $40 by year-end; the bank no longer expects $36 but"
            " $40.",
            "SI=F touch_above 40 by 2025-12-31 HSBC",
            "36",
        ),
        (
            "Kraken's analysts expect bitcoin to hit $150,000 by the end of the year, well past"
            " the previous high of $109,000.",
            "BTC-USD touch_above 150000 by 2025-12-31 Kraken",
            "109000",
        ),
        (
            "A Reuters poll of 30 analysts put gold at $3,600 by year-end, Acme Bank said, above"
            " the $3,100 forecast in a previous poll.",
            "",
            "3100",
        ),
    ],
    ids=["target-had-been", "forecast-was-previously", "no-longer-expects", "previous-high-of",
         "forecast-in-a-previous-poll"],
)  # fmt: skip
def test_an_old_target_beside_the_new_one_is_not_a_call(text: str, new: str, old: str) -> None:
    found = recorded(text, made_on=JUNE)
    if new:
        assert new in found
    assert not any(f" {old} " in line for line in found), found


# ------------------------------------------------------------ the day's settlement


@pytest.mark.parametrize(
    "text",
    [
        "WTI crude for July delivery increased 61 cents to settle at 66.20 dollars a barrel on"
        " the New York Mercantile Exchange.",
        "Brent crude for August delivery decreased 1.15 dollars to close at 63.90 dollars a"
        " barrel on the London ICE Futures Exchange.",
    ],
    ids=["increased-cents-to-settle", "decreased-dollars-to-close"],
)
def test_the_days_settlement_in_a_market_report_is_not_a_call(text: str) -> None:
    assert recorded(text, made_on=JUNE) == set()


def test_a_close_looked_ahead_to_is_still_a_call() -> None:
    text = "Acme Bank expects Brent to close the year at $70 a barrel."
    assert "BZ=F close_above 70 by 2025-12-31 Acme Bank" in recorded(text, made_on=JUNE)


# ------------------------------------------------------------ the market as it stands


@pytest.mark.parametrize(
    ("text", "call", "now"),
    [
        (
            "UBS sees the S&P 500 at 6,600 by the end of the year. With the index climbing as"
            " high as 6,100 before a pause last week, many traders expect more.",
            "^GSPC touch_above 6600 by 2025-12-31 UBS",
            "6100",
        ),
        (
            "Acme Bank expects gold to reach $3,600 by year-end, with gold trading above"
            " $3,350.",
            "GC=F touch_above 3600 by 2025-12-31 Acme Bank",
            "3350",
        ),
        (
            "Acme Bank expects gold to reach $3,600 by year-end. The call came after gold"
            " crossed $3,400, its highest since April.",
            "GC=F touch_above 3600 by 2025-12-31 Acme Bank",
            "3400",
        ),
        (
            "Delta Capital expects bitcoin to reach $150,000 by the end of 2025; the coin is"
            " back near $105,000, its highest in three weeks.",
            "BTC-USD touch_above 150000 by 2025-12-31 Delta Capital",
            "105000",
        ),
    ],
    ids=["with-the-index-climbing-as-high-as", "with-gold-trading-above",
         "its-highest-since", "its-highest-in-three-weeks"],
)  # fmt: skip
def test_the_market_as_it_stands_is_not_a_call(text: str, call: str, now: str) -> None:
    found = recorded(text, made_on=JUNE)
    assert call in found
    assert not any(f" {now} " in line for line in found), found


# ------------------------------------------------------------ figures that are no price


@pytest.mark.parametrize(
    ("text", "call", "figure"),
    [
        (
            "Goldman Sachs expects Brent to average $70 in 2026. It kept its 2026 surplus"
            " estimate at 1.8-million barrels a day.",
            "BZ=F average_above 70 from 2026-01-01 to 2026-12-31 Goldman Sachs",
            "1.8",
        ),
        (
            "Acme Bank sees the S&P 500 at 7,200 by the end of 2026 on earnings of $300 a share"
            " of earnings.",
            "^GSPC touch_above 7200 by 2026-12-31 Acme Bank",
            "300",
        ),
        (
            "Barclays has taken $5 off its WTI forecast for 2026, to $60 a barrel.",
            "CL=F average_above 60 from 2026-01-01 to 2026-12-31 Barclays",
            "5",
        ),
        (
            "Acme Bank knocked $150 an ounce off its gold forecast for 2026, to $3,200.",
            "",
            "150",
        ),
    ],
    ids=["hyphenated-million-barrels-a-day", "a-share-of-earnings", "taken-off-its-forecast",
         "an-ounce-off-its-forecast"],
)  # fmt: skip
def test_a_figure_that_is_no_price_is_not_a_call(text: str, call: str, figure: str) -> None:
    found = recorded(text, made_on=JUNE)
    if call:
        assert call in found
    assert not any(f" {figure} by" in line for line in found), found


# ------------------------------------------------------------ bands after a forecasting verb


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        (
            "On a podcast, Acme Capital's Jo Park projected $6,000 to $7,500 for ether by"
            " year-end.",
            ("6000", "7500"),
        ),
        (
            '"On this run I expect 1,200 to 1,400 dollars an ounce for gold before the year is'
            " out,\" Acme's Jim Ray said.",
            ("1200", "1400"),
        ),
        (
            "Acme Bank sees $58 to $62 for Brent crude by the end of 2025.",
            ("58", "62"),
        ),
    ],
    ids=["projected-x-to-y", "expect-x-to-y-dollars", "sees-x-to-y"],
)
def test_a_band_after_a_forecasting_verb_is_not_a_call_to_its_top(
    text: str, ends: tuple[str, str]
) -> None:
    found = recorded(text, made_on=JUNE)
    assert not any(f" {end} " in line for line in found for end in ends), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Acme Bank raised its gold target from $3,000 to $3,500 by year-end.",
            "GC=F touch_above 3500 by 2025-12-31 Acme Bank",
        ),
        (
            "Acme Bank expects gold to rise to $3,500 by year-end.",
            "GC=F touch_above 3500 by 2025-12-31 Acme Bank",
        ),
    ],
    ids=["from-x-to-y-revision", "rise-to"],
)
def test_a_revision_or_a_move_to_a_level_is_still_a_call(text: str, expected: str) -> None:
    assert expected in recorded(text, made_on=JUNE)


# ------------------------------------------------------------ an average's year as its adjective


@pytest.mark.parametrize(
    ("text", "made_on", "expected"),
    [
        (
            "Acme Bank forecasts a 2025 average of $3,500 for gold and sees it reaching $4,000"
            " in 2026.",
            JUNE,
            "GC=F average_above 3500 from 2025-01-01 to 2025-12-31 Acme Bank",
        ),
        (
            "Nordbank expects a 2027 average of $70 for Brent crude, after $64 in 2026.",
            JUNE,
            "BZ=F average_above 70 from 2027-01-01 to 2027-12-31 Nordbank",
        ),
    ],
    ids=["a-2025-average-beside-2026", "a-2027-average-beside-2026"],
)
def test_an_averages_year_before_it_is_its_period(text: str, made_on: date, expected: str) -> None:
    assert expected in recorded(text, made_on=made_on)


@pytest.mark.parametrize(
    ("text", "gap"),
    [
        ("Acme Bank sees silver averaging $21 next year, $2 above this year's average.", "2"),
        (
            "Acme Bank sees gold averaging $3,900 in 2026, about $400 above its 2025 average.",
            "400",
        ),
    ],
    ids=["above-this-years-average", "above-its-2025-average"],
)
def test_a_gap_to_an_average_is_not_a_level(text: str, gap: str) -> None:
    found = recorded(text, made_on=JUNE)
    assert found, "the average itself is still read"
    assert not any(f" {gap} " in line for line in found), found


# ------------------------------------------------------------ timestamps with tenths


@pytest.mark.parametrize(
    "text",
    [
        "| 1:01.1 | Acme Bank thinks gold falls next year. |",
        "[12:47.5] Acme Bank's strategist says the Fed will cut rates twice next year.",
    ],
    ids=["pipe-table-timestamp", "bracketed-timestamp"],
)
def test_a_transcript_timestamp_with_tenths_is_not_a_level(text: str) -> None:
    assert recorded(text, made_on=JUNE) == set()


# ------------------------------------------------------------ calls of an unnamed crowd


@pytest.mark.parametrize(
    ("text", "level"),
    [
        (
            "More and more analysts think gold will average more than $4,000 next year.",
            "4000",
        ),
        (
            "An increasing number of strategists expect the Nikkei 225 to reach 45,000 by the end"
            " of 2026.",
            "45000",
        ),
        (
            "In the exchange's year-end poll, users expect bitcoin to end the year at $120,000.",
            "120000",
        ),
        (
            "On the forum, voters put ether at $5,000 by the end of the year.",
            "5000",
        ),
    ],
    ids=["more-and-more-analysts", "an-increasing-number-of", "users-expect", "voters-put"],
)
def test_a_call_of_an_unnamed_crowd_is_not_recorded(text: str, level: str) -> None:
    found = recorded(text, made_on=JUNE)
    assert not any(f" {level} " in line for line in found), found


def test_a_crowd_beside_a_named_house_leaves_the_house_its_call() -> None:
    text = (
        "More and more analysts are turning bullish, and Acme Bank expects gold to reach $4,000"
        " by the end of the year."
    )
    assert "GC=F touch_above 4000 by 2025-12-31 Acme Bank" in recorded(text, made_on=JUNE)


# ------------------------------------------------------------ bare "oil" in a story about Brent


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Brent slipped 1% on Monday. Acme Bank expects oil to reach $90 a barrel next year.",
            "BZ=F touch_above 90 by 2026-12-31 Acme Bank",
        ),
        (
            "Acme Bank expects crude to average $61 a barrel in 2026, while Brent trades near $66.",
            "BZ=F average_below 61 from 2026-01-01 to 2026-12-31 Acme Bank",
        ),
        (
            "Brent slipped 1% and WTI fell 2% on Monday. Acme Bank expects oil to reach $90 a"
            " barrel next year.",
            "CL=F touch_above 90 by 2026-12-31 Acme Bank",
        ),
        (
            "Brent will rise, and a barrel of Texas crude will end the year around $60, Acme"
            " Bank said.",
            "CL=F close_above 60 by 2025-12-31 Acme Bank",
        ),
        (
            "Acme Bank expects oil to reach $90 a barrel next year.",
            "CL=F touch_above 90 by 2026-12-31 Acme Bank",
        ),
    ],
    ids=["brent-story", "brent-story-price-of-day", "both-named", "texas-crude", "neither-named"],
)
def test_bare_oil_in_a_story_about_brent_is_brent(text: str, expected: str) -> None:
    assert expected in recorded(text, made_on=JUNE)


def test_bare_oil_read_as_brent_parses_back_to_its_claim() -> None:
    text = "Brent slipped 1% on Monday. Acme Bank expects oil to reach $90 a barrel next year."
    (call,) = [c for c in extract_candidates(text, made_on=JUNE) if c.claim is not None]
    assert call.symbol == "BZ=F"
    assert call.claim_text is not None
    assert parse_claim(call.claim_text, made_on=JUNE) == call.claim
    assert any("read as Brent" in note for note in call.assumptions)


# ------------------------------------------------------------ the euro-zone index by description


@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        (
            "Nordbank lifted its DAX target to 24,500 points for the end of the year, strategist"
            " Jo Park said. For the euro-zone benchmark she forecast a climb to 5,600 points by"
            " year-end.",
            "^STOXX50E touch_above 5600 by 2025-12-31 Jo Park",
            "^GDAXI touch_above 5600",
        ),
        (
            "Acme Bank expects the eurozone blue-chip index to reach 5,800 points by the end of"
            " the year.",
            "^STOXX50E touch_above 5800 by 2025-12-31 Acme Bank",
            "EURUSD=X",
        ),
    ],
    ids=["euro-zone-benchmark-in-a-dax-story", "eurozone-blue-chip-index"],
)
def test_the_euro_zone_index_by_description_is_the_euro_stoxx_50(
    text: str, expected: str, not_expected: str
) -> None:
    found = recorded(text, made_on=JUNE)
    assert expected in found
    assert not any(line.startswith(not_expected) for line in found), found


# ------------------------------------------------------------ scenarios and inverted conditions


@pytest.mark.parametrize(
    ("text", "level"),
    [
        (
            "In a scenario where refinery outages spread, WTI could briefly top $95 a barrel in"
            " 2026, Acme Bank said.",
            "95",
        ),
        (
            "Under a stress scenario in which Gulf exports stop, Acme Bank sees Brent at $130"
            " by the end of the year.",
            "130",
        ),
        (
            "Acme Bank expects Brent to average $70 in 2026; should demand stall while supply"
            " keeps rising, prices could drop below $50.",
            "50",
        ),
    ],
    ids=["in-a-scenario-where", "under-a-stress-scenario-in-which", "semicolon-should-inverted"],
)
def test_a_call_under_a_scenario_or_inverted_condition_is_not_recorded(
    text: str, level: str
) -> None:
    found = recorded(text, made_on=JUNE)
    assert not any(f" {level} " in line for line in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Acme Bank expects Brent to average $70 in 2026; its base-case scenario sees $65 in"
            " 2027.",
            "BZ=F average_above 65 from 2027-01-01 to 2027-12-31 Acme Bank",
        ),
        (
            "Acme Bank expects Brent at $70 in 2026; prices should reach $75 in 2027.",
            "BZ=F touch_above 75 from 2027-01-01 to 2027-12-31 Acme Bank",
        ),
        (
            "Acme Bank expects Brent to average $70 in 2026; should demand stall, prices could"
            " drop below $50.",
            # (its side is the article's business: a fall is said in the sentence)
            " 70 from 2026-01-01 to 2026-12-31 Acme Bank",
        ),
    ],
    ids=["base-case-scenario", "should-reach-is-a-verb", "the-clause-before-stays"],
)
def test_a_base_case_or_a_should_verb_is_still_a_call(text: str, expected: str) -> None:
    assert any(line.endswith(expected) for line in recorded(text, made_on=JUNE))


# ------------------------------------------------------------ outperformance in the harness


def _outperformance(symbol: str, versus: str, deadline: date) -> Found:
    return Found(
        symbol=symbol,
        kind="outperform",
        level=None,
        relative=None,
        deadline=deadline,
        speaker="Acme",
        confidence=0.9,
        claim_text=f"{symbol} outperforms {versus}",
        versus=versus,
    )


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        (Expected("ETH-USD vs BTC-USD", "relative", 0.0, date(2026, 12, 31), "Acme"), True),
        (Expected("ETH-USD", "outperform", "vs BTC-USD", date(2026, 12, 31), "Acme"), True),
        (Expected("BTC-USD vs ETH-USD", "relative", 0.0, date(2026, 12, 31), "Acme"), False),
        (Expected("ETH-USD vs BTC-USD", "relative", 0.0, date(2027, 12, 31), "Acme"), False),
        (Expected("ETH-BTC", "relative", 0.08, date(2026, 12, 31), "Acme"), False),
        (Expected("ETH-USD", "touch_above", 7500.0, date(2026, 12, 31), "Acme"), False),
    ],
    ids=["relative-pair", "outperform-vs", "pair-reversed", "deadline-a-year-off",
         "ratio-level", "a-price-label"],
)  # fmt: skip
def test_an_outperformance_matches_a_label_of_the_same_two_assets(
    label: Expected, expected: bool
) -> None:
    found = _outperformance("ETH-USD", "BTC-USD", date(2026, 12, 31))
    assert matches(label, found) is expected
