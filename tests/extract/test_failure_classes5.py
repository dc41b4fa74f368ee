"""Failure classes of the fifth round (issue 11), on sentences of our own.

Most are about the side and family of a call when its own words name neither:
the side of a bare "average" against a price the article gives or a comparison
written after the levels, the verbs of a ladder's later rungs, a commodity's
level for a calendar year, the rows of a list under a lead-in. Each class has a
negative that must not fire. Calls are written "SYMBOL kind level deadline
speaker", as in test_failure_classes.py.
"""

from __future__ import annotations

from datetime import date

from extract_calls import MADE_ON, recorded

from ledger.cli.extract import DEFAULT_MIN_CONFIDENCE
from ledger.extract import extract_candidates
from ledger.extract.sentences import split_sentences

# ---------------------------------------------------------------- the side of an average


def test_an_average_under_the_price_the_article_gives_is_below() -> None:
    text = (
        "Brent traded at $70 a barrel on Monday. "
        "Barclays expects Brent to average $60 a barrel in 2026."
    )
    assert "BZ=F average_below 60 from 2026-01-01 to 2026-12-31 Barclays" in recorded(text)


def test_an_average_over_the_price_the_article_gives_stays_above() -> None:
    text = (
        "Brent traded at $50 a barrel on Monday. "
        "Barclays expects Brent to average $60 a barrel in 2026."
    )
    assert "BZ=F average_above 60 from 2026-01-01 to 2026-12-31 Barclays" in recorded(text)


def test_levels_said_to_be_below_the_current_price_are_below() -> None:
    text = (
        "Barclays expects Brent to average $58 and WTI $54 in 2026, both well below the"
        " current futures curve."
    )
    calls = recorded(text)
    assert "BZ=F average_below 58 from 2026-01-01 to 2026-12-31 Barclays" in calls
    assert "CL=F average_below 54 from 2026-01-01 to 2026-12-31 Barclays" in calls


def test_levels_below_an_earlier_forecast_say_nothing_of_todays_price() -> None:
    text = "Barclays expects Brent to average $58 in 2026, below its earlier forecast of $62."
    assert "BZ=F average_above 58 from 2026-01-01 to 2026-12-31 Barclays" in recorded(text)


# ---------------------------------------------------------------- ladders and calendar years


def test_a_later_rungs_falling_verb_moves_from_the_rung_before() -> None:
    text = "Citi sees silver at $40 an ounce in 2026, then easing to $38 in 2027 and $36 in 2028."
    calls = recorded(text)
    assert "SI=F average_above 38 from 2027-01-01 to 2027-12-31 Citi" in calls
    assert "SI=F average_above 36 from 2028-01-01 to 2028-12-31 Citi" in calls


def test_a_fall_within_the_year_of_the_rung_before_is_still_a_fall() -> None:
    text = (
        "Citi expects silver to average $40 an ounce in 2026, slipping to $38 in the fourth"
        " quarter of 2026."
    )
    assert "SI=F touch_below 38 from 2026-10-01 to 2026-12-31 Citi" in recorded(text)


def test_a_negated_rung_is_no_rung_to_move_from() -> None:
    text = (
        "Barclays does not expect silver to reach $80 next year and forecasts it to ease to $45"
        " by the end of 2027."
    )
    assert "SI=F touch_below 45 by 2027-12-31 Barclays" in recorded(text)


def test_a_commoditys_path_to_a_level_in_a_calendar_year_is_the_years_average() -> None:
    text = "Barclays forecasts that WTI will fall to $58 in 2026 and recover to $63 in 2027."
    calls = recorded(text)
    assert "CL=F average_below 58 from 2026-01-01 to 2026-12-31 Barclays" in calls
    assert "CL=F average_above 63 from 2027-01-01 to 2027-12-31 Barclays" in calls


def test_reaching_a_level_or_a_peak_in_a_year_stays_a_touch() -> None:
    assert "SI=F touch_above 70 from 2026-01-01 to 2026-12-31 Barclays" in recorded(
        "Barclays expects silver to reach $70 in 2026."
    )
    assert "GC=F touch_above 5600 from 2026-01-01 to 2026-12-31 Barclays" in recorded(
        "Barclays expects gold to rise to as much as $5,600 in 2026."
    )


def test_an_index_level_in_a_year_is_no_average() -> None:
    calls = recorded("Barclays expects the S&P 500 to rise to 7,400 in 2026.")
    assert {line.split()[1] for line in calls} == {"touch_above"}


# ---------------------------------------------------------------- rows under a lead-in


LIST_UNDER_A_LEAD_IN = (
    "The big banks' silver forecasts for 2026:\n"
    "Ounce of silver now: 52 dollars\n"
    "Barclays: 48 dollars\n"
    "Citi: 60 dollars\n"
)


def test_a_lead_in_ends_where_its_rows_begin_whatever_the_case_of_the_first_label() -> None:
    texts = [s.text for s in split_sentences(LIST_UNDER_A_LEAD_IN)]
    assert texts[0] == "The big banks' silver forecasts for 2026:"
    assert texts[1] == "Ounce of silver now: 52 dollars"


def test_rows_under_a_period_forecast_lead_in_are_the_years_averages() -> None:
    calls = recorded(LIST_UNDER_A_LEAD_IN, made_on=date(2025, 12, 1))
    assert "SI=F average_below 48 from 2026-01-01 to 2026-12-31 Barclays" in calls
    assert "SI=F average_above 60 from 2026-01-01 to 2026-12-31 Citi" in calls


def test_rows_under_a_lead_in_with_no_forecast_for_a_period_stay_touches() -> None:
    text = (
        "Where the banks see silver by the end of 2026:\nBarclays: 58 dollars\nCiti: 60 dollars\n"
    )
    kinds = {line.split()[1] for line in recorded(text, made_on=MADE_ON)}
    assert kinds == {"touch_above"}


def test_a_sentence_that_only_ends_in_a_colon_keeps_its_next_line() -> None:
    text = "Barclays said:\nsilver should reach $60 by the end of 2026.\n"
    assert len(split_sentences(text)) == 1


# ---------------------------------------------------------------- speakers


def speakers(text: str, made_on: date = MADE_ON) -> set[str]:
    """The speakers of what --yes would record (a speaker's name may have spaces)."""
    return {
        c.speaker or ""
        for c in extract_candidates(text, made_on=made_on)
        if c.claim is not None and c.confidence >= DEFAULT_MIN_CONFIDENCE
    }


def test_a_house_set_off_by_an_adverb_in_commas_is_the_subject() -> None:
    text = (
        "Morgan Stanley expects Brent at $60 by the end of 2026. "
        "Barclays, meanwhile, keeps its target of $66 for the end of 2026."
    )
    assert ("BZ=F", 66.0, "Barclays") in {
        (line.split()[0], float(line.split()[2]), line.rsplit(" ", 1)[-1])
        for line in recorded(text)
    }


def test_a_house_before_a_participle_clause_is_the_subject() -> None:
    text = (
        "Morgan Stanley sees gold at $4,000 by the end of 2026. "
        "Barclays, calling gold the best hedge of the decade, expects $4,800 within six months."
    )
    assert any(
        line.startswith("GC=F touch_above 4800") and line.endswith(" Barclays")
        for line in recorded(text)
    )


def test_a_lower_case_clause_in_commas_that_is_no_participle_keeps_the_subject_out() -> None:
    # "sing" is no participle clause: the name before it is not taken as the verb's subject
    text = "Barclays sees gold at $4,000 by the end of 2026. Traders, sing along, expect $4,800."
    assert not any(line.endswith(" Traders") for line in recorded(text))


def test_where_a_firm_is_based_is_no_part_of_its_name() -> None:
    assert speakers("London-based Barclays now expects silver to reach $60 in 2026.") == {
        "Barclays"
    }


def test_a_long_firm_name_before_a_role_is_kept_whole() -> None:
    text = (
        "Bank of America Merrill Lynch equity strategist Jane Roe raised her year-end target"
        " for the S&P 500 to 7,400."
    )
    # read whole, then kept by the house's one name (HOUSE_ALIASES), as "BofA Merrill Lynch" is
    assert speakers(text) == {"Bank of America"}


def test_it_points_to_the_house_the_same_sentence_names_first() -> None:
    text = (
        "Citi sees ether at $4,000 by the end of 2026. "
        "Barclays is more upbeat: it raised its year-end 2026 ether target to $6,000."
    )
    found = {(line.split()[2], line.rsplit(" ", 1)[-1]) for line in recorded(text)}
    assert ("6000", "Barclays") in found


def test_it_with_no_house_in_its_sentence_points_to_the_one_before() -> None:
    text = (
        "Barclays published its outlook on Monday. "
        "Gold is volatile, and it expects the metal to reach $5,000 by the end of 2026."
    )
    assert speakers(text) == {"Barclays"}


# ---------------------------------------------------------------- neutral verbs, parity, weaken


def test_a_pair_quoted_above_one_reaching_parity_or_under_falls() -> None:
    made_on = date(2015, 3, 2)
    calls = recorded(
        "Barclays expects the euro to hit parity with the dollar by the end of 2015 and"
        " EUR/USD to reach 0.95 by the end of 2016.",
        made_on,
    )
    assert "EURUSD=X touch_below 1 by 2015-12-31 Barclays" in calls
    assert "EURUSD=X touch_below 0.95 by 2016-12-31 Barclays" in calls


def test_a_pair_quoted_above_one_reaching_a_level_over_parity_stays_above() -> None:
    made_on = date(2015, 3, 2)
    calls = recorded("Barclays expects EUR/USD to reach 1.15 by the end of 2015.", made_on)
    assert calls == {"EURUSD=X touch_above 1.15 by 2015-12-31 Barclays"}


def test_reaching_a_level_under_the_price_the_article_gives_is_a_fall() -> None:
    text = (
        "Silver is currently at $52 an ounce. "
        "Barclays expects silver to reach $45 by the end of 2026."
    )
    assert "SI=F touch_below 45 by 2026-12-31 Barclays" in recorded(text)


def test_reaching_a_level_over_the_price_the_article_gives_stays_above() -> None:
    text = (
        "Silver is currently at $52 an ounce. "
        "Barclays expects silver to reach $60 by the end of 2026."
    )
    assert "SI=F touch_above 60 by 2026-12-31 Barclays" in recorded(text)


def test_a_currency_weakening_to_a_level_falls() -> None:
    text = "Barclays sees the euro weakening to $1.05 by the end of June 2026."
    assert "EURUSD=X touch_below 1.05 by 2026-06-30 Barclays" in recorded(text)


def test_strengthening_is_no_fall() -> None:
    text = "Barclays sees the euro strengthening to $1.25 by the end of June 2026."
    assert not any("touch_below" in line for line in recorded(text))


# ---------------------------------------------------------------- levels and rows


def test_a_bare_one_moved_to_from_a_decimal_level_is_a_level() -> None:
    made_on = date(2015, 3, 2)
    text = "Barclays has cut its year-end EUR/USD forecast from 1.10 to 1."
    assert "EURUSD=X touch_below 1 by 2015-12-31 Barclays" in recorded(text, made_on)
    text = "Barclays has cut its year-end EUR/USD forecast to 1 from 1.10."
    assert "EURUSD=X touch_below 1 by 2015-12-31 Barclays" in recorded(text, made_on)


def test_a_bare_small_count_is_still_no_level() -> None:
    text = "Barclays now sees 3 rate cuts and EUR/USD at 1.15 by the end of 2026."
    assert {line.split()[2] for line in recorded(text)} == {"1.15"}


HEADERLESS_ROWS = (
    "Where the banks see oil next year:\n"
    "Barclays | Brent 2026 | $62\n"
    "Citi | WTI 2026 | $58\n"
    "HSBC | Brent 2026 | $66\n"
)


def test_headerless_pipe_rows_name_their_own_asset_and_year() -> None:
    calls = recorded(HEADERLESS_ROWS)
    assert "BZ=F average_above 62 from 2026-01-01 to 2026-12-31 Barclays" in calls
    assert "CL=F average_above 58 from 2026-01-01 to 2026-12-31 Citi" in calls
    assert "BZ=F average_above 66 from 2026-01-01 to 2026-12-31 HSBC" in calls


def test_a_pipe_line_with_no_asset_is_no_row() -> None:
    text = "Jane Roe | Updated Dec 16, 2025 4:49 PM\nGold traded at $4,200 on Tuesday.\n"
    assert recorded(text) == set()


# ---------------------------------------------------------------- several houses, one call


def test_houses_named_as_examples_share_the_call() -> None:
    text = (
        "Barclays and others such as HSBC or Société Générale point to $5,000 as a gold"
        " target for the end of 2026."
    )
    assert speakers(text) == {"Barclays", "HSBC", "Societe Generale"}


def test_houses_named_as_examples_of_another_view_do_not_share_the_call() -> None:
    text = (
        "Barclays expects gold to reach $5,000 by the end of 2026; others, such as HSBC,"
        " are more cautious."
    )
    assert speakers(text) == {"Barclays"}


def test_a_row_labelled_with_two_houses_is_one_call_each() -> None:
    text = (
        "The banks' gold targets for the end of 2026:\n"
        "- Barclays: 4,600 an ounce.\n"
        "- Goldman Sachs & Morgan Stanley: point to a target of 4,800 an ounce.\n"
    )
    found = {(line.split()[2], line.split(" ", 5)[-1]) for line in recorded(text)}
    assert {("4800", "Goldman Sachs"), ("4800", "Morgan Stanley")} <= found


def test_a_firm_whose_own_name_has_an_ampersand_is_one_speaker() -> None:
    text = "Hauck & Aufhäuser: the DAX at 25,000 by the end of 2026.\n"
    assert speakers(text) <= {"Hauck & Aufhäuser"}


def test_an_officer_speaks_for_the_firm_before_the_title() -> None:
    assert speakers("Acme CEO Jane Roe expects bitcoin at $180,000 by the end of 2026.") == {"Acme"}


def test_a_house_set_off_by_a_clause_of_contrast_is_the_subject() -> None:
    text = (
        "Citi sees gold at $5,400 by the end of 2026. "
        "Barclays, while more conservative, also sees potential at $4,950 by the end of 2026."
    )
    found = {(line.split()[2], line.rsplit(" ", 1)[-1]) for line in recorded(text)}
    assert ("4950", "Barclays") in found


def test_a_house_that_pushes_back_its_call_is_its_speaker() -> None:
    text = (
        "Gold fell on Monday as Barclays pushed back its call for gold to reach $3,000 an ounce"
        " to the second quarter of 2026."
    )
    assert speakers(text) == {"Barclays"}


def test_a_quarter_with_no_year_is_in_the_year_the_headline_names() -> None:
    text = (
        "Gold could keep rising: banks see about $5,000 an ounce in 2026\n\n"
        "Barclays sees upside risk until the end of December 2025 at least.\n"
        "Barclays expects an average of $5,050 in the fourth quarter.\n"
    )
    calls = recorded(text, date(2025, 12, 15))
    assert any("5050" in line and "2026-12-31" in line for line in calls)


def test_a_quarter_with_no_year_under_a_headline_with_none_is_the_next_to_end() -> None:
    text = (
        "Gold could keep rising\n\nBarclays expects an average of $5,050 in the fourth quarter.\n"
    )
    calls = recorded(text, date(2025, 10, 15))
    assert any("5050" in line and "2025-12-31" in line for line in calls)


TARGET_TABLE = (
    "Who sees bitcoin where, with their exact targets:\n"
    "| Analyst/Firm | Target | Timeline | Key insight |\n"
    "|---|---|---|---|\n"
    "| Barclays | $170,000 | 2026 | Volatility model supports upside |\n"
    "| HSBC | $150,000 | 2027 | Measured, multi-year thesis |\n"
    "| Citi | $143,000-$189,000 | 2026 | Base and bull case |\n"
)


def test_a_table_of_targets_and_timelines_is_read_row_by_row() -> None:
    calls = recorded(TARGET_TABLE, date(2025, 12, 1))
    assert "BTC-USD touch_above 170000 by 2026-12-31 Barclays" in calls
    assert "BTC-USD touch_above 150000 by 2027-12-31 HSBC" in calls


def test_a_table_with_no_target_column_is_left_as_it_is() -> None:
    text = (
        "Who sees bitcoin where:\n"
        "| Analyst/Firm | Rating | Updated | Key insight |\n"
        "|---|---|---|---|\n"
        "| Barclays | 170 | 2026 | Volatility model supports upside |\n"
        "| HSBC | 150 | 2027 | Measured, multi-year thesis |\n"
    )
    assert recorded(text, date(2025, 12, 1)) == set()
