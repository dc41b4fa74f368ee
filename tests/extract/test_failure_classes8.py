"""Failure classes of the eighth round (issue 11), on sentences of our own.

The classes come from corpus_dev6.yaml and corpus_dev7.yaml (forecast tables and lists,
and who speaks). Each class has a negative that must not fire. Calls are written
"SYMBOL kind level deadline speaker", as in test_failure_classes.py.
"""

from __future__ import annotations

from datetime import date

from extract_calls import recorded
from hypothesis import given
from hypothesis import strategies as st

from ledger.extract.house_names import house_name
from ledger.extract.speaker_roles import affiliations
from ledger.extract.speakers import roll_call

SEPTEMBER = date(2025, 9, 10)

# ------------------------------------------- a factbox whose header is years, not prices

YEAR_TABLE = (
    "Banks' latest forecasts for 2025 and 2026 gold prices ($ per ounce):\n"
    "House | 2025 | 2026 | Price targets\n"
    "Nomura | $3,310 | $4,120 | $3,900 by year-end and $4,300 by mid-2026\n"
    "Natixis* | $3,290 | - | $3,750 per ounce by the end of next year\n"
    "Rabobank | $3,350 | $3,180 | -\n"
    "*end-of-period forecasts\n"
)


def test_a_table_with_year_columns_is_read_row_by_row() -> None:
    calls = recorded(YEAR_TABLE, made_on=SEPTEMBER)
    assert "GC=F average_above 4120 from 2026-01-01 to 2026-12-31 Nomura" in calls
    assert any(c.startswith("GC=F") and " 3180 " in c and c.endswith("Rabobank") for c in calls)
    assert "GC=F touch_above 4300 by 2026-06-30 Nomura" in calls
    assert any(" 3750 by 2026-12-31 Natixis" in c for c in calls), calls


def test_a_rows_year_end_is_the_year_the_table_was_written_not_its_last_column() -> None:
    calls = recorded(YEAR_TABLE, made_on=SEPTEMBER)
    assert "GC=F touch_above 3900 by 2025-12-31 Nomura" in calls
    assert not any(" 3900 by 2026-12-31" in call for call in calls), calls


def test_each_rows_level_keeps_its_own_house() -> None:
    calls = recorded(YEAR_TABLE, made_on=SEPTEMBER)
    for call in calls:
        if " 4120 " in call or " 4300 " in call or " 3900 " in call:
            assert call.endswith("Nomura"), call
        if " 3750 " in call:
            assert call.endswith("Natixis"), call


def test_a_row_of_a_house_the_tables_do_not_know_keeps_its_name() -> None:
    table = YEAR_TABLE.replace(
        "Natixis* | $3,290 | - | $3,750 per ounce by the end of next year",
        "Kestrel Metals | $3,290 | $3,600 | sees gold at $3,750 by June 2026",
    )
    calls = recorded(table, made_on=SEPTEMBER)
    assert "GC=F touch_above 3750 by 2026-06-30 Kestrel Metals" in calls, calls


@given(
    house=st.sampled_from(["Nomura", "Natixis", "Rabobank", "Jefferies", "BNP Paribas"]),
    average=st.integers(min_value=3000, max_value=5000).filter(lambda n: abs(n - 3950) > 50),
)
def test_any_rows_year_figure_is_its_houses(house: str, average: int) -> None:
    table = (
        "Latest gold forecasts ($/oz):\n"
        "Bank | 2026 | Price targets\n"
        f"{house} | ${average:,} | -\n"
        "Commerzbank | $3,950 | $4,000 by mid-2026\n"
    )
    calls = recorded(table, made_on=SEPTEMBER)
    assert any(f" {average} from 2026-01-01 to 2026-12-31 {house}" in c for c in calls), calls


def test_a_pipe_line_of_years_in_prose_is_not_a_table_of_calls() -> None:
    text = (
        "Gold rallied this week.\n"
        "Year | 2023 | 2024 | 2025\n"
        "Deliveries | 410 | 380 | 395\n"
        "Mine output | 3,100 | 3,250 | 3,300\n"
    )
    assert recorded(text, made_on=SEPTEMBER) == set()


def test_a_compact_quarter_and_year_is_that_quarter() -> None:
    calls = recorded("Nomura sees gold averaging $4,100 in 3Q26.", made_on=SEPTEMBER)
    assert "GC=F average_above 4100 from 2026-07-01 to 2026-09-30 Nomura" in calls
    calls = recorded("Natixis expects silver to average $48 in 1Q27.", made_on=SEPTEMBER)
    assert any(" 48 from 2027-01-01 to 2027-03-31 Natixis" in c for c in calls), calls
    calls = recorded("Nomura sees gold averaging $4,100 in Q3 26.", made_on=SEPTEMBER)
    assert "GC=F average_above 4100 from 2026-07-01 to 2026-09-30 Nomura" in calls
    # a model number is not a quarter
    assert recorded("Nomura sold 5Q55 units of gold at $4,100 last year.") == set()


# ------------------------------------------- a roll call of houses after a call


def test_a_roll_call_after_a_call_gives_each_house_its_level() -> None:
    text = (
        "Only Nomura expects the S&P 500 to end the year above 7,100. Next is Jefferies at"
        " 6,800, then a cluster (Natixis, Rabobank, Evercore ISI) at 6,650."
    )
    calls = recorded(text, made_on=SEPTEMBER)
    assert any(" 6800 by 2025-12-31 Jefferies" in c for c in calls), calls
    for house in ("Natixis", "Rabobank", "Evercore ISI"):
        assert any(f" 6650 by 2025-12-31 {house}" in c for c in calls), (house, calls)


def test_a_roll_call_goes_on_over_the_next_sentence() -> None:
    text = (
        "Nomura sees the S&P 500 finishing the year at 7,000. Jefferies comes in at 6,900."
        " BNP Paribas, Natixis and Rabobank follow at 6,700."
    )
    calls = recorded(text, made_on=SEPTEMBER)
    assert any(" 6900 by 2025-12-31 Jefferies" in c for c in calls), calls
    for house in ("BNP Paribas", "Natixis", "Rabobank"):
        assert any(f" 6700 by 2025-12-31 {house}" in c for c in calls), (house, calls)


@given(
    houses=st.lists(
        st.sampled_from(["Nomura", "Mizuho", "Barclays", "Jefferies", "HSBC", "UBS"]),
        min_size=2,
        max_size=4,
        unique=True,
    ),
    level=st.integers(min_value=60, max_value=80).map(lambda n: n * 100),
)
def test_every_house_of_a_roll_call_is_found(houses: list[str], level: int) -> None:
    names = ", ".join(houses[:-1]) + f" and {houses[-1]}"
    assert roll_call(f"{names} follow at {level:,}.") == [(0, tuple(houses))]


def test_a_price_said_at_a_time_is_no_roll_call() -> None:
    assert roll_call("Spot gold was at $3,650 on Tuesday.") == []
    assert roll_call("In March at $4,000 the metal peaked.") == []
    text = (
        "Nomura expects the S&P 500 to end the year at 7,000. In August at 6,400 the index"
        " had already recovered."
    )
    calls = recorded(text, made_on=SEPTEMBER)
    assert not any(" 6400 " in call for call in calls), calls


def test_a_roll_call_with_no_call_before_it_is_not_read() -> None:
    text = "Stocks rallied on Monday. Jefferies, Natixis and Rabobank follow at 6,700."
    assert recorded(text, made_on=SEPTEMBER) == set()


# ------------------------------------------- one house, several names


def test_variants_of_a_house_name_are_one_source() -> None:
    assert house_name("Citigroup") == house_name("Citi") == "Citi"
    assert house_name("JP Morgan") == house_name("JPMorgan")
    assert house_name("ANZ Group") == "ANZ"
    assert house_name("Standard Chartered Bank") == "Standard Chartered"
    assert house_name("Macquarie Group") == "Macquarie"
    assert house_name("STEO") == "Energy Information Administration"


def test_a_house_name_variant_in_a_sentence_is_kept_as_the_house() -> None:
    calls = recorded("Citigroup expects ether to reach $5,200 by year-end.", made_on=SEPTEMBER)
    assert any(c.startswith("ETH-USD") and c.endswith(" Citi") for c in calls), calls
    calls = recorded("ANZ Group now sees gold at $4,100 by June next year.", made_on=SEPTEMBER)
    assert any(c.startswith("GC=F") and c.endswith(" ANZ") for c in calls), calls


def test_an_unknown_firm_with_group_in_its_name_keeps_it() -> None:
    assert house_name("Acme Group") == "Acme Group"
    assert house_name("CME Group") == "CME Group"


# ------------------------------------------- words that are not names


def test_a_description_before_strategists_at_a_firm_is_not_the_speaker() -> None:
    for written in ("Currency", "Commodity", "Rates", "FX"):
        text = f"{written} strategists at Nomura expect EUR/USD to rise to 1.24 by the end of 2026."
        calls = recorded(text, made_on=SEPTEMBER)
        assert any(c.startswith("EURUSD=X") and c.endswith(" Nomura") for c in calls), calls


def test_a_pages_own_words_are_not_part_of_the_house() -> None:
    for text, house in (
        ("Danske Bank Forecast: EUR/USD at 1.22 in twelve months", "Danske Bank"),
        ("Nomura Outlook: gold at $4,400 in twelve months", "Nomura"),
        ("Latest analyst forecasts: UBS raises gold target to $4,200 for March 2026", "UBS"),
    ):
        calls = recorded(text, made_on=SEPTEMBER)
        assert calls and all(c.endswith(f" {house}") for c in calls), calls


def test_an_adverb_between_a_house_and_its_verb_keeps_the_house() -> None:
    for adverb in ("likewise", "similarly", "separately", "too"):
        text = (
            "Nomura lifted its S&P 500 year-end target to 6,700 from 6,300."
            f" Jefferies {adverb} raised its target to 6,900 from 6,400."
        )
        calls = recorded(text, made_on=SEPTEMBER)
        assert any(" 6900 " in c and c.endswith(" Jefferies") for c in calls), (adverb, calls)
        assert not any(" 6900 " in c and c.endswith(" Nomura") for c in calls), calls


# ------------------------------------------- the person for the firm


def test_a_firms_person_named_with_a_possessive_speaks_for_the_firm() -> None:
    assert house_name("Evercore ISI's Julian Emanuel") == "Evercore ISI"
    assert house_name("Acme Capital's Jane Doe") == "Acme Capital"
    # a firm's own possessive name is kept
    assert house_name("Barron's") == "Barron's"


def test_a_person_given_by_a_role_speaks_for_the_house_the_sentence_is_about() -> None:
    text = (
        "Acme Capital Markets is the latest to lift its target: head of equity strategy"
        " Jane Doe wrote that the year-end target goes to 6,250."
    )
    assert affiliations(text).get("Jane Doe") == "Acme Capital Markets"
    text = "Nomura raised its view on Monday, and chief economist John Smith said so."
    assert affiliations(text).get("Smith") == "Nomura"
    # a person named after another house is not the subject's
    text = (
        "Nomura has the highest target at 8,000, Mizuho forecasts 7,600, and strategist"
        " John Smith also points to 7,600."
    )
    assert "John Smith" not in affiliations(text)
    # a person after a role with no house as the sentence's subject is nobody's
    assert affiliations("Markets rallied as chief strategist John Smith spoke.") == {}


# ------------------------------------------- a column of annual figures with no year

ANNUAL_TABLE = (
    "Gold slipped 1% on Thursday as the dollar firmed.\n\n"
    "Latest analyst forecasts (dollars an ounce):\n"
    "Broker | Annual forecast | Price targets | Date\n"
    "Nomura | US$ 4.410 | US$ 4.800 by the end of 2026 | 3 Feb 2026\n"
    "Jefferies | US$ 5.150 | to reach US$ 5.150 in Q4 2026 | 1 Feb 2026\n"
    "Mizuho | - | US$ 4.650 by June 2026 | 28 Jan 2026\n"
)


def test_an_annual_column_is_this_years_average_for_each_row() -> None:
    calls = recorded(ANNUAL_TABLE, made_on=date(2026, 2, 5))
    assert "GC=F average_above 4410 from 2026-01-01 to 2026-12-31 Nomura" in calls
    assert "GC=F touch_above 4800 by 2026-12-31 Nomura" in calls
    assert "GC=F touch_above 4650 by 2026-06-30 Mizuho" in calls


def test_an_annual_figure_the_rows_target_repeats_is_one_call() -> None:
    calls = recorded(ANNUAL_TABLE, made_on=date(2026, 2, 5))
    # the target's own window ("in Q4 2026"), not an annual average as well
    assert [c for c in calls if " 5150 " in c] == [
        "GC=F touch_above 5150 from 2026-10-01 to 2026-12-31 Jefferies"
    ]


def test_a_thousands_point_is_read_only_in_a_table_of_an_asset_priced_in_thousands() -> None:
    calls = recorded(ANNUAL_TABLE, made_on=date(2026, 2, 5))
    assert not any(" 4.41 " in call or " 4.8 " in call for call in calls), calls
    fx_table = (
        "The euro slipped against the dollar on Thursday.\n\n"
        "Bank forecasts for EUR/USD:\n"
        "Bank | Annual forecast | Price targets\n"
        "Nomura | $1.180 | $1.220 by the end of 2026\n"
        "Jefferies | $1.150 | $1.200 by June 2026\n"
    )
    calls = recorded(fx_table, made_on=date(2026, 2, 5))
    assert not any(" 1180 " in call or " 1220 " in call for call in calls), calls


# ------------------------------------------- "their view" points back to the house named


def test_their_view_is_the_house_named_just_before() -> None:
    for opening in (
        "In their more aggressive view,",
        "In their base case,",
        "On their forecast path,",
    ):
        text = (
            "Nomura's strategists put numbers on the yen. If the Fed keeps cutting, the dollar"
            f" could lose ground. {opening} USD/JPY falls to around 141 by the first quarter"
            " of 2026."
        )
        calls = recorded(text, made_on=SEPTEMBER)
        assert "JPY=X touch_below 141 by 2026-03-31 Nomura" in calls, (opening, calls)


def test_their_with_no_house_before_names_nobody() -> None:
    text = "Traders are nervous. In their view, USD/JPY falls to around 141 by March 2026."
    calls = recorded(text, made_on=SEPTEMBER)
    assert all(call.endswith(" None") for call in calls), calls


# ------------------------------------------- the house speaking itself


def test_according_to_the_institution_names_it() -> None:
    for written, kept in (
        ("according to the World Bank", "World Bank"),
        ("said the International Energy Agency", "International Energy Agency"),
        ("according to the Kestrel Institute", "Kestrel Institute"),
    ):
        text = f"Brent will average $61 a barrel in 2026, {written}."
        calls = recorded(text, made_on=SEPTEMBER)
        assert any(c.startswith("BZ=F") and c.endswith(f" {kept}") for c in calls), calls


def test_a_passive_forecast_in_a_report_is_the_reporting_houses() -> None:
    text = (
        "Commodity prices will fall again next year, according to the World Bank.\n\n"
        "In its latest outlook, the bank says demand will stay weak.\n\n"
        "Energy\n\n"
        "The oil glut should grow further, the bank says.\n\n"
        "Brent crude is expected to slide to an average of US$59 next year."
    )
    calls = recorded(text, made_on=SEPTEMBER)
    assert any(" 59 " in c and c.endswith(" World Bank") for c in calls), calls


def test_a_passive_forecast_long_after_any_house_names_nobody() -> None:
    text = (
        "Commodity prices fell, according to the World Bank.\n\n"
        "Shipping rates rose. Inventories climbed again. The market was calm.\n\n"
        "Brent crude is expected to slide to an average of US$59 next year."
    )
    calls = recorded(text, made_on=SEPTEMBER)
    assert all(c.endswith(" None") for c in calls if " 59 " in c), calls


# ------------------------------------------- a house's estimates, a house that kept its view


def test_a_houses_estimates_name_it() -> None:
    for written in ("latest estimates", "new projections", "revised calls"):
        text = f"Nomura's {written} have Brent falling to US$ 57 in 2026."
        calls = recorded(text, made_on=SEPTEMBER)
        assert any(c.startswith("BZ=F") and c.endswith(" Nomura") for c in calls), calls


def test_a_house_that_kept_its_view_is_the_speaker() -> None:
    text = (
        "Nomura expects Brent to average $58 in 2026. Separately, Mizuho kept its forecast"
        " of Brent at $64 for 2026."
    )
    calls = recorded(text, made_on=SEPTEMBER)
    assert any(" 64 " in c and c.endswith(" Mizuho") for c in calls), calls
    assert not any(" 64 " in c and c.endswith(" Nomura") for c in calls), calls


def test_their_forecasts_as_an_object_do_not_point_back() -> None:
    text = (
        "Nomura ran its yearly survey.\n"
        "The 30 analysts in the survey sent their forecasts by 13 January.\n"
        "Gold: analysts expect an average of $2,740 this year. No analyst forecasts an"
        " average above $3,000."
    )
    calls = recorded(text, made_on=date(2025, 1, 20))
    assert not any(" 3000 " in c and c.endswith(" Nomura") for c in calls), calls


# ------------------------------------------- a ladder by year: "2026 at 1.24 and 2027 at 1.26"


@given(
    first=st.integers(min_value=118, max_value=130),
    step=st.integers(min_value=1, max_value=5),
)
def test_a_ladder_by_year_gives_each_rung_its_year(first: int, step: int) -> None:
    low, high = first / 100, (first + step) / 100
    text = f"Nomura sees EUR/USD at 1.17 by June, with 2026 at {low:.2f} and 2027 at {high:.2f}."
    calls = recorded(text, made_on=SEPTEMBER)
    assert any(f" {low:g} " in c and c.endswith("2026-12-31 Nomura") for c in calls), calls
    assert any(f" {high:g} " in c and c.endswith("2027-12-31 Nomura") for c in calls), calls


def test_a_year_and_a_time_of_day_are_no_ladder() -> None:
    text = "Gold traded at $4,100 on December 31, 2025 and at 4pm Nomura saw $4,500 by mid-2026."
    calls = recorded(text, made_on=SEPTEMBER)
    assert not any(" 4 " in call or "by 2025-12-31" in call for call in calls), calls
    text = "Nomura sees gold at $4,500 by mid-2026, with 2026 at 3pm the busiest year."
    assert not any(" 3 " in call for call in recorded(text, made_on=SEPTEMBER))
