"""Failure classes of the fourth development batch (issue 11), on sentences of our own.

Each test is one general rule: tables and row lists, numbers in a machine
translation's form, headings in capitals, parity, period averages, later rungs
of ladders, non-calls. Each class has a negative that must not fire. Calls are
written "SYMBOL kind level deadline speaker", as in test_failure_classes.py.
"""

from __future__ import annotations

from datetime import date

from extract_calls import MADE_ON, recorded
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.cli.extract import DEFAULT_MIN_CONFIDENCE
from ledger.extract import extract_candidates


def levels_of(
    text: str, made_on: date = MADE_ON, *, proposed: bool = False
) -> set[tuple[str, float | None]]:
    """(symbol, level) of what --yes would record (with `proposed`, of every claim proposed,
    however unsure), whatever the kind and deadline."""
    found = set()
    for c in extract_candidates(text, made_on=made_on):
        if c.claim is not None and (proposed or c.confidence >= DEFAULT_MIN_CONFIDENCE):
            level = c.claim.level
            found.add((c.claim.symbol, float(level) if level is not None else None))
    return found


def speakers_by_level(text: str, made_on: date = MADE_ON) -> set[tuple[float, str | None]]:
    """(level, speaker) of what --yes would record."""
    return {
        (float(c.claim.level), c.speaker)
        for c in extract_candidates(text, made_on=made_on)
        if c.claim is not None and c.confidence >= DEFAULT_MIN_CONFIDENCE
    }


# ---------------------------------------------------------------- row lists of firms


def test_a_firm_spelled_as_its_ticker_in_a_row_list_is_a_speaker_not_the_stock() -> None:
    text = (
        "Where the big houses see the S&P 500 at the end of 2026:\n"
        "Evercore ISI: 7,900\n"
        "KKR: 7,300\n"
        "BNY: 7,200\n"
        "Barclays: 7,100\n"
    )
    calls = recorded(text)
    assert {line.split()[0] for line in calls} == {"^GSPC"}
    assert {line.rsplit(" ", 1)[-1] for line in calls} >= {"KKR", "BNY", "Barclays"}


def test_the_stock_is_read_when_a_stock_word_sits_beside_it() -> None:
    found = extract_candidates("KKR shares could reach $160 by the end of 2026.", made_on=MADE_ON)
    assert {c.claim.symbol for c in found if c.claim is not None} == {"KKR"}


def test_summary_rows_of_a_list_are_nobodys_call() -> None:
    text = (
        "Year-end 2026 targets for the S&P 500:\n"
        "Piper Sandler: 7,800\n"
        "Wells Fargo: 7,400\n"
        "Highest: 7,800\n"
        "Lowest: 7,400\n"
        "Average: 7,600\n"
    )
    speakers = {line.rsplit(" ", 2)[-2:][-1] for line in recorded(text)}
    assert "Highest" not in speakers and "Lowest" not in speakers and "Average" not in speakers
    assert len(recorded(text)) == 2


# ---------------------------------------------------------------- numbers as translated


def test_thousands_written_in_words_are_one_number() -> None:
    text = (
        "Banks' gold forecasts for 2026:\n"
        "- Nomura: 4 thousand 825 dollars (end of 2026)\n"
        "- Natixis: 5 thousand 40 dollars (end of 2026)\n"
        "- Rabobank: 4 thousand dollars (end of 2026)\n"
    )
    assert {level for _, level in levels_of(text)} == {4825.0, 5040.0, 4000.0}


def test_a_range_in_translated_thousands_is_one_band() -> None:
    found = extract_candidates(
        "Commerzbank sees gold trading at 4 thousand 300-4 thousand 600 dollars in 2026.",
        made_on=MADE_ON,
    )
    assert any("4300" in (c.claim_text or "") and "4600" in (c.claim_text or "") for c in found)
    assert not any(" 300" in (c.claim_text or "") for c in found)


def test_tens_of_thousands_is_no_number() -> None:
    assert levels_of("Tens of thousands of investors expect gold to reach $5,000 in 2026.") == {
        ("GC=F", 5000.0)
    }


def test_prices_in_rupees_or_per_ten_grams_are_no_level_of_a_dollar_symbol() -> None:
    text = (
        "Axis Securities expects gold to reach $5,200 an ounce in 2026, or Rs 1.6 lakh per"
        " 10 grams at home, and silver to touch Rs 2 lakh per kilo."
    )
    assert levels_of(text, proposed=True) == {("GC=F", 5200.0)}


def test_a_rupee_price_alone_is_no_gold_call() -> None:
    for text in (
        "Domestic gold could climb to Rs 150,000 by the end of 2026.",
        "Kotak sees domestic gold at 150,000 rupees per 10 grams by the end of 2026.",
    ):
        assert levels_of(text, proposed=True) == set()


# ---------------------------------------------------------------- rows and headings


def test_a_row_for_the_price_of_the_day_is_no_call() -> None:
    text = (
        "The houses' silver calls for 2026:\n"
        "Silver now: 58 dollars\n"
        "Citi: 62 dollars\n"
        "HSBC: 55 dollars\n"
    )
    assert {level for _, level in levels_of(text, proposed=True)} == {62.0, 55.0}


def test_a_heading_in_capitals_names_the_house_of_its_paragraph() -> None:
    text = (
        "Where the banks see gold next year\n"
        "BARCLAYS\n"
        "The British bank expects gold to reach 4,800 dollars by the end of 2026.\n"
        "NATIXIS\n"
        "Natixis forecasts 5,100 dollars for the end of 2026.\n"
    )
    speakers = {c.speaker for c in extract_candidates(text, made_on=MADE_ON) if c.claim}
    assert speakers == {"Barclays", "Natixis"}


def test_a_capitals_line_inside_prose_is_not_a_house() -> None:
    text = (
        "MARKET WRAP\n"
        "Citi expects gold to reach 4,800 dollars by the end of 2026, its analysts said.\n"
    )
    assert {c.speaker for c in extract_candidates(text, made_on=MADE_ON) if c.claim} == {"Citi"}


# ---------------------------------------------------------------- pipe tables


def test_a_pipe_table_of_houses_by_asset_and_year_gives_each_cell_a_call() -> None:
    text = (
        "Copper aside, here is where the houses stand on crude.\n"
        "\n"
        "House        | Brent 2026 | WTI 2026 | Brent 2027 | Last updated\n"
        "Natixis      | $64        | $60      | -          | October 2, 2025\n"
        "Rabobank     | $66        | -        | $70        | 12 Nov 2025\n"
        "ING          | n/a        | $59*     | -          | 3 Nov 2025\n"
    )
    assert {" ".join(line.split()[i] for i in (0, 2, 6, 7)) for line in recorded(text)} == {
        "BZ=F 64 2026-12-31 Natixis",
        "CL=F 60 2026-12-31 Natixis",
        "BZ=F 66 2026-12-31 Rabobank",
        "BZ=F 70 2027-12-31 Rabobank",
        "CL=F 59 2026-12-31 ING",
    }


def test_a_table_whose_header_names_no_asset_or_year_is_left_alone() -> None:
    text = (
        "Desk       | Phone        | Office\n"
        "Metals     | 555 0101     | London\n"
        "Energy     | 555 0102     | Houston\n"
        "Gold is expected to stay range-bound.\n"
    )
    assert recorded(text) == set()


def test_tables_as_lines_keeps_prose_and_short_pipes() -> None:
    from ledger.extract.tables import tables_as_lines

    prose = "Viewpoint | 27 Jan 2026 | 9 pages\nGold rose 1% on Tuesday."
    assert tables_as_lines(prose, lambda cell: None) == prose


# ---------------------------------------------------------------- periods written otherwise


def test_hyphenated_quarters_and_a_span_from_today() -> None:
    text = (
        "Danske Bank raised its third-quarter 2026 Brent forecast to $68 a barrel. "
        "Danske Bank's short-term view, 0-3 months, is $61 for Brent."
    )
    assert recorded(text) == {
        "BZ=F touch_above 68 by 2026-09-30 Danske Bank",
        "BZ=F touch_above 61 by 2026-02-20 Danske Bank",
    }


_CELL = st.text(alphabet=st.sampled_from(list("ab $-*0123456789,.\n|")), max_size=12)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(_CELL, min_size=1, max_size=5), max_size=6))
def test_tables_as_lines_keeps_the_number_of_lines(rows: list[list[str]]) -> None:
    from ledger.extract.tables import tables_as_lines

    text = "\n".join(" | ".join(cells) for cells in rows)
    result = tables_as_lines(text, lambda cell: ("Brent", True) if "a" in cell else None)
    assert result.count("\n") == text.count("\n")


# ---------------------------------------------------------------- the Nikkei in translation


def test_the_nikkei_average_is_the_index_and_yen_is_its_unit() -> None:
    text = "Mizuho expects the Nikkei average to climb to 56,000 yen by the end of 2026."
    assert recorded(text) == {"^N225 touch_above 56000 by 2026-12-31 Mizuho"}


def test_yen_per_gram_is_still_no_level_of_gold_in_dollars() -> None:
    text = "Tanaka sees the retail gold price at 25,000 yen per 10 grams by the end of 2026."
    assert levels_of(text, proposed=True) == set()


# ---------------------------------------------------------------- a second house, verb left out


def test_a_second_house_with_its_level_and_no_verb_is_its_own_speaker() -> None:
    text = (
        "For the S&P 500 at the end of 2026, Barclays has set 7,300 as its target and Evercore"
        " ISI 7,750, while RBC 7,600."
    )
    assert speakers_by_level(text) == {
        (7300.0, "Barclays"),
        (7750.0, "Evercore ISI"),
        (7600.0, "RBC"),
    }


def test_a_level_after_and_with_no_house_stays_with_the_speaker() -> None:
    text = "Barclays expects gold at $4,000 in 2026 and $4,400 in March 2027."
    assert speakers_by_level(text) == {(4000.0, "Barclays"), (4400.0, "Barclays")}


# ---------------------------------------------------------------- parity


def test_parity_is_the_level_one_for_a_pair_quoted_near_one() -> None:
    for text in (
        "Nomura expects the euro to fall to parity with the dollar by the end of 2026.",
        "Nomura sees EUR/USD at parity by the end of 2026.",
        "Nomura expects the euro to trade one-for-one with the dollar by the end of 2026.",
    ):
        assert levels_of(text) == {("EURUSD=X", 1.0)}, text


def test_parity_for_other_things_is_no_level() -> None:
    for text in (
        "Nomura expects the yen to stay weak, with no parity in policy, and sees USD/JPY at 160"
        " by the end of 2026.",
        "Nomura expects gold to reach $5,000 by the end of 2026 as purchasing-power parity fades.",
    ):
        assert 1.0 not in {level for _, level in levels_of(text, proposed=True)}, text


# ---------------------------------------------------------------- sidebars


def test_links_to_other_stories_at_the_end_are_not_the_article() -> None:
    text = (
        "Silver slipped on Tuesday. Traders said the market was thin before the holiday.\n"
        "\n"
        "Citi Sees Silver at $70 by End-2026 on Solar Demand\n"
        "Three Stocks to Watch This Week\n"
        "Crypto levels and bias summary\n"
    )
    assert recorded(text) == set()


def test_a_last_paragraph_of_prose_is_read() -> None:
    text = (
        "Silver slipped on Tuesday. Traders said the market was thin before the holiday.\n"
        "\n"
        "Citi expects silver to reach $70 by the end of 2026.\n"
    )
    assert levels_of(text) == {("SI=F", 70.0)}


def test_a_page_of_a_headline_and_a_subtitle_is_read() -> None:
    text = "Citi Sees Silver at $70 by End-2026\nA Note on Solar Demand From the Bank\n"
    assert levels_of(text, proposed=True) == {("SI=F", 70.0)}


# ---------------------------------------------------------------- speakers paired in order


def test_two_houses_and_two_levels_respectively_are_paired_in_order() -> None:
    text = (
        "Jefferies sees the Nifty at 29,500 by the end of 2026, while Nomura and Kotak"
        " Securities expect 28,000 and 31,000 by the end of 2026, respectively."
    )
    assert speakers_by_level(text) == {
        (29500.0, "Jefferies"),
        (28000.0, "Nomura"),
        (31000.0, "Kotak Securities"),
    }


def test_two_houses_sharing_one_level_both_make_it() -> None:
    text = "Nomura and Kotak Securities expect the Nifty at 28,000 by the end of 2026."
    assert speakers_by_level(text) == {(28000.0, "Nomura"), (28000.0, "Kotak Securities")}


# ---------------------------------------------------------------- an index's target for a period


def test_an_index_target_for_a_month_is_a_level_to_reach_not_an_average() -> None:
    text = "Nomura has raised its Nifty forecast for December 2026 to 29,500."
    assert {line.split()[1] for line in recorded(text)} == {"touch_above"}


def test_a_commodity_forecast_for_a_quarter_is_still_its_average() -> None:
    text = "Nomura has raised its Brent forecast for the second quarter of 2026 to $66."
    assert {line.split()[1] for line in recorded(text)} == {"average_above"}


# ---------------------------------------------------------------- headline questions, two roles


def test_a_question_in_a_headline_asks_even_with_a_statement_after_it() -> None:
    text = (
        "Sensex at 100,000 by the end of 2026? Motilal Oswal is cautious\n"
        "\n"
        "Markets were quiet on Monday.\n"
    )
    assert levels_of(text, proposed=True) == set()


def test_a_headline_statement_with_no_question_is_read() -> None:
    text = "Motilal Oswal sees the Sensex at 100,000 by the end of 2026\n\nMarkets were quiet.\n"
    assert levels_of(text) == {("^BSESN", 100000.0)}


def test_a_person_with_two_roles_speaks_for_the_firm() -> None:
    text = (
        "Jane Rowe, managing director and chief executive of Acme Securities, said the Nifty"
        " could reach 29,500 by the end of 2026."
    )
    assert speakers_by_level(text) == {(29500.0, "Acme Securities")}


# ---------------------------------------------------------------- rows with asides, wrapped rows


def test_words_in_brackets_after_a_level_are_that_levels() -> None:
    text = (
        "Gold forecasts of the banks:\n"
        "- Deutsche Bank: 4,950 dollars (third-quarter 2026 average),"
        " 6,500 dollars (long-term forecast)\n"
    )
    assert {" ".join(line.split()[:3]) for line in recorded(text)} == {"GC=F average_above 4950"}


def test_a_prose_line_after_a_list_is_not_the_last_items_tail() -> None:
    text = (
        "Gold forecasts of the banks:\n"
        "- Natixis: 4,950 dollars (end of 2026)\n"
        "Most strategists say the rally can run into 2026, and a few see an ounce of gold\n"
        "going well above that level.\n"
    )
    found = [c for c in extract_candidates(text, made_on=MADE_ON) if c.speaker == "Natixis"]
    assert all("strategists" not in c.sentence for c in found)


def test_a_labelled_line_wrapped_mid_sentence_goes_on() -> None:
    text = (
        "Base case: 1.16 by the end of 2026 for EUR/USD\n"
        "Summary: the euro should firm as the ECB holds; Natixis expects\n"
        "EUR/USD to reach 1.20 by the end of 2026.\n"
    )
    assert ("EURUSD=X", 1.2) in levels_of(text)


# ---------------------------------------------------------------- the curve, "and ... next"


def test_the_market_curve_is_no_call_and_does_not_steal_the_second_grade() -> None:
    text = (
        "Natixis forecast that Brent will average 61 dollars and WTI 58 dollars in 2026,"
        " below the current curves of 66 dollars and 63 dollars."
    )
    assert {level for _, level in levels_of(text)} == {61.0, 58.0}


def test_next_after_this_year_is_next_year() -> None:
    text = "The agency sees Brent averaging $61 this year and $59 next, against $68 last year."
    calls = recorded(text, made_on=date(2026, 1, 15))
    assert {" ".join(line.split()[2:6]) for line in calls} == {
        "61 from 2026-01-01 to",
        "59 from 2027-01-01 to",
    }


def test_next_before_a_noun_is_left_alone() -> None:
    text = "The agency sees Brent averaging $61 this year, and the next OPEC meeting is in June."
    assert {level for _, level in levels_of(text, made_on=date(2026, 1, 15))} == {61.0}


# ---------------------------------------------------------------- non-calls


def test_a_move_that_has_happened_is_no_call() -> None:
    for text in (
        "Several banks published 2026 copper and silver targets before a 38% silver rally"
        " that began in October.",
        "Silver could climb again in 2026 after a 12% slide.",
    ):
        assert levels_of(text, proposed=True) == set(), text


def test_a_move_ahead_is_still_a_call() -> None:
    assert {symbol for symbol, _ in levels_of("Natixis expects silver to rally 20% in 2026.")} == {
        "SI=F"
    }


def test_a_data_release_against_forecasts_is_no_call() -> None:
    text = (
        "Gold was flat. US payrolls rose 0.3% in May, beating forecasts of 0.1%, and gold could"
        " be volatile in June."
    )
    assert levels_of(text, proposed=True) == set()


def test_odds_of_a_prediction_market_are_nobodys_call() -> None:
    for text in (
        "Prediction markets give a 12% chance of bitcoin reaching $150,000 by the end of 2026.",
        "On Polymarket, traders see bitcoin at $150,000 by the end of 2026 as a long shot.",
    ):
        assert levels_of(text) == set(), text


def test_a_level_already_blown_past_is_history() -> None:
    text = "Silver has already blown past $60 in November, leaving the banks' forecasts behind."
    assert levels_of(text, proposed=True, made_on=date(2025, 11, 5)) == set()


# ---------------------------------------------------------------- translated wording


def test_houses_that_foresee_a_level_are_its_speakers() -> None:
    text = (
        "Citi forecasts that copper-hungry silver will reach 70 dollars by the end of 2026,"
        " while the more cautious estimates of Barclays and HSBC foresee a fall to 50 dollars."
    )
    assert speakers_by_level(text) == {(70.0, "Citi"), (50.0, "Barclays"), (50.0, "HSBC")}


def test_us_dollars_after_a_plain_number_is_a_price() -> None:
    text = "Natixis forecasts gold at 4,700 US dollars by the end of 2026."
    assert levels_of(text) == {("GC=F", 4700.0)}


def test_us_as_a_pronoun_after_a_number_is_still_no_price() -> None:
    text = "Gold could climb in 2026, and 3 of us expect more buying."
    assert levels_of(text, proposed=True) == set()


# ---------------------------------------------------------------- speakers written otherwise


def test_an_adverb_opening_the_sentence_is_not_part_of_the_house() -> None:
    text = "Recently Nomura raised its Brent forecast to $66 for the first half of 2026."
    assert {speaker for _, speaker in speakers_by_level(text)} == {"Nomura"}


def test_a_capitalised_currency_is_no_speaker_for_they() -> None:
    text = (
        "Nomura expects the slide to go on. The Euro has generally fallen after Fed hikes."
        " They see EUR/USD at 1.02 by the end of 2026."
    )
    assert {speaker for _, speaker in speakers_by_level(text)} == {"Nomura"}


# ---------------------------------------------------------------- year-end in the last days


def test_year_end_written_in_the_last_days_of_december_is_the_coming_one() -> None:
    text = "Natixis expects USD/JPY to break 158 by year-end."
    assert recorded(text, made_on=date(2025, 12, 29)) == {
        "JPY=X touch_above 158 by 2026-12-31 Natixis"
    }


def test_year_end_written_earlier_in_december_is_this_one() -> None:
    text = "Natixis expects USD/JPY to break 158 by year-end."
    assert recorded(text, made_on=date(2025, 12, 10)) == {
        "JPY=X touch_above 158 by 2025-12-31 Natixis"
    }


# ---------------------------------------------------------------- either date, and halves


def test_year_end_or_early_next_year_is_the_later() -> None:
    text = (
        "Natixis expects gold to reach $5,000, probably by the end of the year or in the first"
        " quarter of next year."
    )
    assert {line.split()[4] for line in recorded(text)} == {"2026-03-31"}


def test_both_halves_of_a_year_is_no_multiple() -> None:
    text = "Natixis left its Brent forecasts for both halves of 2027 unchanged at $60."
    assert all(level != 0.5 for _, level in levels_of(text, proposed=True))


# ---------------------------------------------------------------- a bank's ticker as a source


def test_a_banks_bare_ticker_in_a_row_is_the_bank_not_its_stock() -> None:
    text = "Year-end 2026 USD/JPY targets of the banks:\nGS Bullish 148.00\nMS Bullish 141.00\n"
    assert all(symbol != "GS" and symbol != "MS" for symbol, _ in levels_of(text, proposed=True))


def test_a_banks_ticker_marked_or_with_shares_is_the_stock() -> None:
    for text in (
        "$GS could reach $900 by the end of 2026, Natixis said.",
        "JPM shares could reach $400 by the end of 2026, Natixis said.",
    ):
        found = extract_candidates(text, made_on=MADE_ON)
        assert {c.claim.symbol for c in found if c.claim is not None} <= {"GS", "JPM"}, text
        assert any(c.claim is not None for c in found), text


def test_some_of_them_is_no_houses_call_in_particular() -> None:
    text = (
        "Citi, Nomura and Natixis have raised their 2026 gold targets, some of them up to the"
        " 5,000-dollar mark."
    )
    assert levels_of(text) == set()
