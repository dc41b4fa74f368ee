"""Round 17 (issue 11, branch rules16): calls split inside one sentence, and
who speaks for "we".

A dated call and a clause set against it ("Standard Chartered reiterated its $200,000
bitcoin call for the end of 2027, but warned it could first drop below $70,000") are two
readings: the call is recorded, the caveat with no date of its own is proposed only. Each
class has negatives that must not change. Calls are written "SYMBOL kind level deadline
speaker", as in test_failure_classes.py.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract_calls import recorded
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.extract import extract_candidates
from ledger.extract.person_names import article_names

FEBRUARY = date(2026, 2, 20)

# ---------------------------------------------------- a dated call and a caveat set against it


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Standard Chartered reiterated its $200,000 bitcoin call for the end of 2027, but"
            " warned it could first drop below $70,000.",
            {"BTC-USD touch_above 200000 by 2027-12-31 Standard Chartered"},
        ),
        (
            "Goldman Sachs kept its $5,000 gold target for the end of 2026, though it said"
            " prices could first dip to $3,800.",
            {"GC=F touch_above 5000 by 2026-12-31 Goldman Sachs"},
        ),
        (
            "JPMorgan maintained its 7,500 target for the S&P 500 at the end of 2026, while"
            " warning the index may first slide to 6,200.",
            {"^GSPC touch_above 7500 by 2026-12-31 JPMorgan"},
        ),
        (
            "Citi sees Brent at $70 by the end of 2026, but says a glut could push it under $55.",
            {"BZ=F touch_above 70 by 2026-12-31 Citi"},
        ),
    ],
    ids=["but-warned-could", "though-could-dip", "while-warning-may", "but-says-could"],
)
def test_a_dated_call_beside_a_caveat_is_recorded_and_the_caveat_is_not(
    text: str, expected: set[str]
) -> None:
    assert recorded(text, made_on=FEBRUARY) == expected


def test_the_caveat_is_still_proposed_below_the_default_confidence() -> None:
    candidates = extract_candidates(
        "Standard Chartered reiterated its $200,000 bitcoin call for the end of 2027, but"
        " warned it could first drop below $70,000.",
        made_on=FEBRUARY,
    )
    caveat = next(c for c in candidates if c.claim is not None and c.claim.level == 70000)
    call = next(c for c in candidates if c.claim is not None and c.claim.level == 200000)
    assert caveat.hedged and caveat.confidence < 0.6
    assert any("caveat" in note for note in caveat.assumptions)
    assert not call.hedged  # "could" in the caveat does not hedge the call


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # both sides dated: a ladder of two calls, as before
        (
            "UBS expects gold at $4,500 by mid-2026 but $4,900 by the end of 2026.",
            {
                "GC=F touch_above 4500 by 2026-06-30 UBS",
                "GC=F touch_above 4900 by 2026-12-31 UBS",
            },
        ),
        # a bare "while" is the same call's path, not a clause set against it
        (
            "Goldman Sachs expects gold to hit $5,000 by the end of 2026 while staying above"
            " $4,000.",
            {"GC=F touch_above 5000 by 2026-12-31 Goldman Sachs"},
        ),
    ],
    ids=["both-dated", "bare-while"],
)
def test_contrasts_that_do_not_part_a_call_from_a_caveat_read_as_before(
    text: str, expected: set[str]
) -> None:
    assert recorded(text, made_on=FEBRUARY) == expected


@settings(max_examples=40, deadline=None)
@given(
    house=st.sampled_from(["Standard Chartered", "Citi", "Bernstein", "Acme Capital"]),
    call=st.integers(min_value=120, max_value=400),
    dip=st.integers(min_value=40, max_value=90),
    joint=st.sampled_from([", but warned", ", though it warned", ", while warning", " but warned"]),
    hedge=st.sampled_from(["could", "may", "might"]),
)
def test_the_call_survives_any_caveat(
    house: str, call: int, dip: int, joint: str, hedge: str
) -> None:
    text = (
        f"{house} reiterated its ${call},000 bitcoin call for the end of 2027{joint} it"
        f" {hedge} first drop below ${dip},000."
    )
    assert recorded(text, made_on=FEBRUARY) == {
        f"BTC-USD touch_above {call * 1000} by 2027-12-31 {house}"
    }


# ------------------------------------------------------- who "we" is: the house, or the writer

NEWS_TWO_HOUSES = (
    "Silver's run has further to go, banks say.\n\n"
    "Citi expects silver to reach $60 by the end of 2026, its strategists wrote on Monday.\n\n"
    "ING sees gold at $4,600 by the end of 2026, according to a note from the bank.\n\n"
    "We expect silver to outperform gold and reach $65 by the end of 2026."
)
NEWS_THREE_HOUSES = (
    "Where the banks see oil.\n\n"
    "Goldman Sachs expects Brent to average $56 in 2026.\n\n"
    "Morgan Stanley forecasts Brent at $60 by the end of 2026.\n\n"
    "UBS sees WTI at $58 by the end of 2026, the bank said.\n\n"
    "We think Brent will fall to $50 by the end of 2026."
)


@pytest.mark.parametrize(
    ("text", "writers_call"),
    [
        (NEWS_TWO_HOUSES, "SI=F touch_above 65 by 2026-12-31"),
        (NEWS_THREE_HOUSES, "BZ=F touch_below 50 by 2026-12-31"),
    ],
    ids=["two-houses", "three-houses"],
)
def test_we_a_paragraph_after_the_houses_a_news_article_quotes_is_the_writer(
    text: str, writers_call: str
) -> None:
    calls = {
        c.claim.canonical_text(): c.speaker
        for c in extract_candidates(text, made_on=FEBRUARY)
        if c.claim is not None
    }
    assert calls[writers_call] is None  # the unnamed writer: the user gives --source


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an unsigned report that names only its publisher: the publisher's "we"
        (
            "The EIA released its Short-Term Energy Outlook on Tuesday.\n\n"
            "We forecast the Brent crude oil price will average $56 per barrel in 2026.",
            "BZ=F average_above 56 from 2026-01-01 to 2026-12-31 Energy Information Administration",
        ),
        # the paragraph that names the house goes on in its voice
        (
            "Citi expects silver to reach $60 by the end of 2026.\n\n"
            "ING published its outlook on Monday. We expect gold to reach $4,800 by the end of"
            " 2026.",
            "GC=F touch_above 4800 by 2026-12-31 ING",
        ),
        # the rest of a quotation the house opened
        (
            "Citi expects silver to reach $60 by the end of 2026.\n\n"
            'ING strategists wrote: "The dollar has further to fall. We expect EUR/USD to reach'
            ' 1.22 by the end of 2026."',
            "EURUSD=X touch_above 1.22 by 2026-12-31 ING",
        ),
    ],
    ids=["unsigned-agency-report", "same-paragraph", "open-quotation"],
)
def test_we_stays_the_house_where_the_text_says_it_speaks(text: str, expected: str) -> None:
    assert expected in recorded(text, made_on=FEBRUARY)


@settings(max_examples=30, deadline=None)
@given(
    houses=st.lists(
        st.sampled_from(["Citi", "ING", "UBS", "Barclays", "Commerzbank", "HSBC"]),
        min_size=2,
        max_size=4,
        unique=True,
    ),
    level=st.integers(min_value=61, max_value=99),
)
def test_we_after_several_quoted_houses_is_none_of_them(houses: list[str], level: int) -> None:
    paragraphs = [
        f"{house} expects silver to reach ${50 + i} by the end of 2026."
        for i, house in enumerate(houses)
    ]
    text = "\n\n".join(
        [
            "Banks raise silver forecasts.",
            *paragraphs,
            f"We expect silver at ${level} by the end of 2026.",
        ]
    )
    speakers = {
        c.speaker
        for c in extract_candidates(text, made_on=FEBRUARY)
        if c.claim is not None and c.claim.level == level
    }
    assert speakers == {None}


# ------------------------------------------- a firm's own name, and its first word used alone


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Yardeni Research trimmed its year-end S&P 500 target to 7,000 from 7,700 on"
            " Tuesday, citing tariff risks.",
            "^GSPC touch_above 7000 by 2026-12-31 Yardeni Research",
        ),
        (
            "BCA Research is among the most bearish houses: it sees the S&P 500 dropping to"
            " 5,500 by the end of 2026.",
            "^GSPC touch_below 5500 by 2026-12-31 BCA Research",
        ),
        (
            "Banks such as JPMorgan and Goldman Sachs are bullish on gold. Goldman analyst"
            " Jeffrey Struyven expects gold to reach $4,900 by the end of 2026.",
            "GC=F touch_above 4900 by 2026-12-31 Goldman Sachs",
        ),
        (
            "Deutsche Bank published its outlook on Monday. Deutsche expects gold to reach"
            " $4,800 by the end of 2026.",
            "GC=F touch_above 4800 by 2026-12-31 Deutsche Bank",
        ),
    ],
    ids=["x-research", "acronym-research", "first-word-of-known-house", "first-word-later"],
)
def test_a_firm_is_credited_by_the_name_the_article_gives_it_in_full(
    text: str, expected: str
) -> None:
    assert expected in recorded(text, made_on=FEBRUARY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a known house's research desk is the house
        (
            "Goldman Sachs Research expects gold to reach $4,900 by the end of 2026.",
            "GC=F touch_above 4900 by 2026-12-31 Goldman Sachs",
        ),
        # two firms of the article start with the word: it stays as written
        (
            "Standard Chartered and Standard Bank both published notes. Standard expects"
            " gold to reach $4,800 by the end of 2026.",
            "GC=F touch_above 4800 by 2026-12-31 Standard",
        ),
    ],
    ids=["known-house-desk", "ambiguous-first-word"],
)
def test_a_first_word_is_widened_only_to_one_firm(text: str, expected: str) -> None:
    assert expected in recorded(text, made_on=FEBRUARY)


@settings(max_examples=60, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(
            ["Acme", "Zeta", "Capital", "Research", "Bank", "Partners", "of", "the", "Gold", "Wall"]
        ),
        min_size=1,
        max_size=12,
    )
)
def test_a_short_name_is_only_ever_widened_to_a_longer_one(words: list[str]) -> None:
    """Whatever the capitalized words, a short name maps to a name of two words or more
    that contains it (its first word, its surname) or spells it out (its initials)."""
    names = article_names(" ".join(words) + ". " + " ".join(reversed(words)) + ".")
    for short, full in names.items():
        assert len(full.split()) >= 2
        assert short != full
        if short.istitle() and len(short) > 3:
            assert short in full.split()


# ------------------------------------- a house that speaks, with words between it and its verb


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Fundstrat Global Advisors sees ether at $10,000 by the end of 2026. Standard"
            " Chartered last month raised its ether target to $7,500 by the end of 2026.",
            "ETH-USD touch_above 7500 by 2026-12-31 Standard Chartered",
        ),
        (
            "Citi sees gold at $4,000 by the end of 2026. Goldman Sachs earlier this week lifted"
            " its gold forecast to $5,400 for the end of 2026.",
            "GC=F touch_above 5400 by 2026-12-31 Goldman Sachs",
        ),
        (
            "Nordea sees GBP/USD at 1.40 by the end of 2026. CIBC, by contrast, sees the pair at"
            " 1.36 by the end of 2026.",
            "GBPUSD=X touch_above 1.36 by 2026-12-31 CIBC",
        ),
        (
            "Citi sees gold at $4,000 by the end of 2026. The logic is clear: Goldman Sachs"
            " earlier raised its end-2026 gold forecast to $5,400.",
            "GC=F touch_above 5400 by 2026-12-31 Goldman Sachs",
        ),
        (
            "Citi sees gold at $4,000 by the end of 2026. According to a new UBS note, gold will"
            " rise to $4,900 by the end of 2026.",
            "GC=F touch_above 4900 by 2026-12-31 UBS",
        ),
    ],
    ids=["last-month", "earlier-this-week", "by-contrast", "after-a-colon", "a-house-note"],
)
def test_the_house_that_speaks_is_credited_not_the_one_before(text: str, expected: str) -> None:
    assert expected in recorded(text, made_on=FEBRUARY)


def test_a_newspapers_report_is_not_the_speaker() -> None:
    text = (
        "According to a CNBC report, Goldman Sachs expects gold to reach $5,000 by the end of 2026."
    )
    assert recorded(text, made_on=FEBRUARY) == {"GC=F touch_above 5000 by 2026-12-31 Goldman Sachs"}


# ---------------------------------------------- pointers back to the house the text is about

UBS_VIEW = (
    "Gold remains the central driver among precious metals in 2026, in the view of UBS Wealth"
    " Management. "
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            UBS_VIEW + "The analysts expect gold to rise to $5,000 by the end of March.",
            "GC=F touch_above 5000 by 2026-03-31 UBS",
        ),
        (
            UBS_VIEW + "For the end of 2026 the big bank expects a decline to $4,800.",
            "GC=F touch_below 4800 by 2026-12-31 UBS",
        ),
    ],
    ids=["the-analysts", "the-big-bank"],
)
def test_a_pointer_with_no_speaker_before_is_the_house_named_before(
    text: str, expected: str
) -> None:
    assert recorded(text, made_on=FEBRUARY) == {expected}


def test_a_pointer_after_a_named_person_is_still_theirs() -> None:
    text = (
        "Jane Doe, chief strategist at Acme Capital, is bullish. The analysts expect gold to rise"
        " to $5,000 by the end of 2026."
    )
    assert recorded(text, made_on=FEBRUARY) == {"GC=F touch_above 5000 by 2026-12-31 Acme Capital"}


# ------------------------------------------------ several speakers, and who gives the call


def test_each_asset_of_a_sentence_is_its_own_speakers_call() -> None:
    text = (
        "Deutsche Bank said on Tuesday that gold will rise to $6,000 an ounce by the end of"
        " 2026, while Citi raised its silver forecast to $150 an ounce for the end of 2026."
    )
    assert recorded(text, made_on=FEBRUARY) == {
        "GC=F touch_above 6000 by 2026-12-31 Deutsche Bank",
        "SI=F touch_above 150 by 2026-12-31 Citi",
    }


@pytest.mark.parametrize(
    ("verb", "speaker"),
    [("Hayes gave a similar call", "Hayes"), ("Arthur Hayes made a bolder call", "Arthur Hayes")],
    ids=["gave", "made"],
)
def test_who_gives_or_makes_the_call_is_its_speaker(verb: str, speaker: str) -> None:
    text = (
        "Tom Lee expects bitcoin to reach $200,000 by the end of 2026. "
        f"{verb}: bitcoin will hit $250,000 by the end of 2026."
    )
    assert f"BTC-USD touch_above 250000 by 2026-12-31 {speaker}" in recorded(text, made_on=FEBRUARY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Citi expects gold at $5,000 and silver at $60 by the end of 2026.",
            {
                "GC=F touch_above 5000 by 2026-12-31 Citi",
                "SI=F touch_above 60 by 2026-12-31 Citi",
            },
        ),
        (
            "Citi expects gold at $5,000 by the end of 2026. Gold made a record high on Monday,"
            " and it will reach $5,200 by the end of 2026, Citi said.",
            {
                "GC=F touch_above 5000 by 2026-12-31 Citi",
                "GC=F touch_above 5200 by 2026-12-31 Citi",
            },
        ),
    ],
    ids=["one-speaker-two-assets", "an-asset-made-a-high"],
)
def test_one_speakers_sentence_stays_theirs(text: str, expected: set[str]) -> None:
    assert recorded(text, made_on=FEBRUARY) == expected


# ---------------------------------------------- the outlet that passes a call on is not its speaker


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "CoinVoice has learned from a Gelonghui report that Goldman Sachs raised its"
            " December 2026 gold forecast to $4,900 an ounce from $4,300.",
            "GC=F touch_above 4900 by 2026-12-31 Goldman Sachs",
        ),
        (
            "Citi sees the dollar at 150 yen by the end of 2026. According to Jinshi data, Morgan"
            " Stanley strategists say USD/JPY will fall to 140 by the end of March 2026.",
            "JPY=X touch_below 140 by 2026-03-31 Morgan Stanley",
        ),
    ],
    ids=["has-learned-that", "according-to-its-data"],
)
def test_the_house_an_outlet_reports_is_the_speaker(text: str, expected: str) -> None:
    assert expected in recorded(text, made_on=FEBRUARY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "According to Goldman Sachs, gold will reach $5,000 by the end of 2026.",
            "GC=F touch_above 5000 by 2026-12-31 Goldman Sachs",
        ),
        (
            "Goldman Sachs has raised its gold forecast to $5,000 for the end of 2026.",
            "GC=F touch_above 5000 by 2026-12-31 Goldman Sachs",
        ),
    ],
    ids=["according-to-a-house", "has-raised"],
)
def test_a_house_that_speaks_for_itself_is_still_the_speaker(text: str, expected: str) -> None:
    assert recorded(text, made_on=FEBRUARY) == {expected}


# ------------------------------------------------- roles, labels and what a person is


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Gold is rallying again. Agnico Eagle's chief executive expects gold above $5,000 by"
            " the end of 2026.",
            {"GC=F touch_above 5000 by 2026-12-31 Agnico Eagle"},
        ),
        (
            "Yen outlook for 2026\n\nJane Roe of Acme Securities expects the yen to weaken.\n\n"
            "JPMorgan and BNP Paribas: USD/JPY target of 160 or above by the end of 2026.",
            {
                "JPY=X touch_above 160 by 2026-12-31 JPMorgan",
                "JPY=X touch_above 160 by 2026-12-31 BNP Paribas",
            },
        ),
        (
            '"The yen is weak," said Junya Tani, chief Japan FX strategist at JPMorgan Chase. Tani'
            " is the most pessimistic, predicting USD/JPY will reach 164 by the end of 2026.",
            {"JPY=X touch_above 164 by 2026-12-31 JPMorgan"},
        ),
        (
            "Independent strategist Ed Yardeni projects the S&P 500 at 7,700 by the end of 2026.",
            {"^GSPC touch_above 7700 by 2026-12-31 Ed Yardeni"},
        ),
    ],
    ids=["firms-officer", "label-of-two-houses", "role-with-a-place", "what-the-person-is"],
)
def test_roles_and_labels_name_who_speaks(text: str, expected: set[str]) -> None:
    assert recorded(text, made_on=FEBRUARY) == expected


def test_a_place_in_a_role_is_not_a_firm() -> None:
    text = (
        "Morgan Stanley is bullish. Chief U.S. equity strategist Mike Wilson raised his S&P 500"
        " target to 7,800 for the end of 2026."
    )
    # "U.S." is never the firm; the strategist speaks for the house the sentence before is
    # about (the convention, as corpus_test4's t4-spx-ms-7800-meyka labels this shape; branch
    # speakers4, entity_focus.py), where this test first expected the person
    assert recorded(text, made_on=FEBRUARY) == {
        "^GSPC touch_above 7800 by 2026-12-31 Morgan Stanley"
    }


# ---------------------------------------------------- a person's name heading their section

ROUND_UP = (
    "Experts put a price on Bitcoin\n\n"
    "JP Morgan\nJPMorgan expects Bitcoin to reach $170,000 by the end of 2026.\n\n"
    "Tim Draper\nThe venture capitalist remains among the most bullish: he says Bitcoin will"
    " climb past $250,000 by October 2026."
)


def test_a_persons_name_alone_on_a_line_heads_their_section() -> None:
    calls = {
        c.claim.canonical_text(): c.speaker
        for c in extract_candidates(ROUND_UP, made_on=FEBRUARY)
        if c.claim is not None
    }
    assert calls["BTC-USD touch_above 250000 by 2026-10-31"] == "Tim Draper"
    assert calls["BTC-USD touch_above 170000 by 2026-12-31"] == "JPMorgan"


@pytest.mark.parametrize(
    "text",
    [
        "Gold outlook\n\nBy Jane Roe\n\nCiti expects gold to reach $5,000 by the end of 2026."
        " The bank also sees silver at $60 by the end of 2026.",
        "Peter Schiff\n\nCiti expects gold to reach $5,000 by the end of 2026. The bank also"
        " sees silver at $60 by the end of 2026.",
    ],
    ids=["a-byline", "the-article-headline"],
)
def test_a_byline_or_the_headline_is_no_section_heading(text: str) -> None:
    assert recorded(text, made_on=FEBRUARY) == {
        "GC=F touch_above 5000 by 2026-12-31 Citi",
        "SI=F touch_above 60 by 2026-12-31 Citi",
    }


# ---------------------------------------- reported speech: who the closing words say speaks


def test_the_closing_attribution_speaks_for_what_it_reports() -> None:
    text = (
        "The World Platinum Investment Council sees a deficit, but platinum will reach $1,400 by"
        " the end of 2026, said Carsten Fritsch of Commerzbank."
    )
    assert recorded(text, made_on=FEBRUARY) == {"PL=F touch_above 1400 by 2026-12-31 Commerzbank"}


def test_a_gerund_opening_a_sentence_is_nobodys_name() -> None:
    text = (
        "Citi expects platinum at $1,300 by the end of 2026, said Jane Doe of Citi. Recycling"
        ' was a little higher than expected. "We have raised our platinum price forecast for the'
        ' end of 2026 to $1,400," she writes.'
    )
    assert recorded(text, made_on=FEBRUARY) == {
        "PL=F touch_above 1300 by 2026-12-31 Citi",
        "PL=F touch_above 1400 by 2026-12-31 Citi",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Goldman Sachs raised its gold target to $5,000 for the end of 2026, CoinDesk"
            " reported.",
            "GC=F touch_above 5000 by 2026-12-31 Goldman Sachs",
        ),
        (
            "Citi expects gold at $5,000 by the end of 2026, analysts said.",
            "GC=F touch_above 5000 by 2026-12-31 Citi",
        ),
    ],
    ids=["an-outlet-reported", "unnamed-analysts-said"],
)
def test_a_closing_report_without_a_named_speaker_changes_nothing(text: str, expected: str) -> None:
    assert recorded(text, made_on=FEBRUARY) == {expected}
