"""Grids of houses' forecasts are read cell by cell whatever their layout (issue 11).

tests/extract/table_grammar.py writes one content (houses x periods x levels for an asset)
in many layouts and languages and knows what each cell is; hypothesis draws the grids.
The negatives are grids that hold no calls: past prices, earnings, percent changes, one
house's dated targets.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract.quality import recordable, same_speaker_strict
from extract.table_grammar import LAYOUTS, MADE_ON, Grid, compose, grids
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger.claims.fingerprint import source_key
from ledger.extract import extract_article
from ledger.extract.house_names import source_name

TODAY = date(2026, 12, 6)


def problems(grid: Grid) -> list[str]:
    """What was read wrong in the grid's article: each cell missed or misread, and anything
    recorded beyond the cells."""
    found = recordable(extract_article(compose(grid), today=TODAY, made_on=MADE_ON).candidates)
    wrong = []
    used = set()
    for wanted in grid.expected():
        match = next(
            (
                i
                for i, f in enumerate(found)
                if i not in used
                and f.symbol == wanted.symbol
                and f.level is not None
                and abs(f.level - wanted.level) <= 0.01 * wanted.level
                and f.deadline is not None
                and abs((f.deadline - wanted.deadline).days) <= 2
            ),
            None,
        )
        if match is None:
            wrong.append(f"missed {wanted}")
            continue
        used.add(match)
        if found[match].kind.partition("_")[0] != wanted.family:
            wrong.append(f"kind {found[match].kind} for {wanted}")
        if not same_speaker_strict(found[match].speaker, wanted.speaker):
            wrong.append(f"speaker {found[match].speaker} for {wanted}")
    wrong.extend(f"spurious {f}" for i, f in enumerate(found) if i not in used)
    return wrong


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(grids())
def test_every_cell_of_a_generated_grid_is_read(grid: Grid) -> None:
    assert problems(grid) == [], compose(grid)


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_each_layout_is_read(layout: str, data: st.DataObject) -> None:
    grid = data.draw(grids(layouts=(layout,)))
    assert problems(grid) == [], compose(grid)


def recorded(text: str, made_on: date = MADE_ON) -> list[tuple[str, str, float, date | None, str]]:
    found = recordable(extract_article(text, today=TODAY, made_on=made_on).candidates)
    return sorted(
        (f.symbol, f.kind.partition("_")[0], f.level or 0.0, f.deadline, f.speaker or "")
        for f in found
    )


NEGATIVES = {
    "past prices": (
        "Gold's annual average price (USD/oz)\n\n"
        "| Year | Price |\n|---|---|\n| 2023 | 1,943 |\n| 2024 | 2,386 |\n| 2025 | 3,430 |\n"
    ),
    "past prices by bank": (
        "What the banks got right: gold, actual averages\n\n"
        "Bank            2024     2025\n"
        "Goldman Sachs   2,390    3,400\n"
        "UBS             2,350    3,380\n"
    ),
    "earnings": (
        "Earnings estimates\n\n"
        "| Company | 2026 EPS | 2027 EPS |\n|---|---|---|\n"
        "| Goldman Sachs | 45.10 | 49.80 |\n| Morgan Stanley | 9.40 | 10.20 |\n"
    ),
    "percent changes": (
        "Gold forecasts (% change on the year)\n\n"
        "| Bank | 2026 | 2027 |\n|---|---|---|\n"
        "| Goldman Sachs | +8% | +5% |\n| UBS | +6% | +3% |\n"
    ),
    "one house's old targets": (
        "Goldman Sachs' gold target over time\n\n"
        "| Date | Target |\n|---|---|\n| March 2025 | 3,300 |\n"
        "| June 2025 | 3,700 |\n| October 2025 | 4,000 |\n"
    ),
    "one house's old targets, as a list": (
        "How Goldman Sachs moved its gold target\n\n"
        "- March 2025: $3,300\n- June 2025: $3,700\n- October 2025: $4,000\n"
    ),
}


@pytest.mark.parametrize("name", sorted(NEGATIVES))
def test_a_grid_of_no_calls_records_nothing(name: str) -> None:
    assert recorded(NEGATIVES[name]) == []


# The unseen-contact class (issue 11; corpus_test6, corpus_test7, corpus_test10 before anyone
# tuned on them): a list of houses' calls written as a house on a line of its own over its
# "period: level" pairs, or under a heading a paragraph of prose above the list. Several
# phrasings of our own, beyond the corpus instance.
HOUSE_OVER_PAIRS = {
    "end of month and averages": (
        "How high can gold go? The banks' forecasts\n\n"
        "The banks' forecasts\n"
        "Goldman Sachs\n"
        "End of September 2026: $4,800/oz; end of December 2026: $4,900/oz.\n"
        "Bank of America\n"
        "2026 average: $4,700/oz; end of 2027 (target): $5,500/oz.\n",
        [
            ("GC=F", "touch", 4800.0, date(2026, 9, 30), "Goldman Sachs"),
            ("GC=F", "touch", 4900.0, date(2026, 12, 31), "Goldman Sachs"),
            ("GC=F", "average", 4700.0, date(2026, 12, 31), "Bank of America"),
            ("GC=F", "touch", 5500.0, date(2027, 12, 31), "Bank of America"),
        ],
    ),
    "quarters, wrapped over two lines": (
        "Brent: what the banks expect\n\n"
        "Citi\n"
        "Q3 2026: $64; Q4 2026:\n"
        "$66; 2027: $68.\n"
        "HSBC\n"
        "Q3 2026: $61; 2027: $63.\n",
        [
            ("BZ=F", "average", 64.0, date(2026, 9, 30), "Citi"),
            ("BZ=F", "average", 66.0, date(2026, 12, 31), "Citi"),
            ("BZ=F", "average", 68.0, date(2027, 12, 31), "Citi"),
            ("BZ=F", "average", 61.0, date(2026, 9, 30), "HSBC"),
            ("BZ=F", "average", 63.0, date(2027, 12, 31), "HSBC"),
        ],
    ),
    "index targets with horizons": (
        "S&P 500 outlook\n\n"
        "Morgan Stanley:\n"
        "12m: 7,800; end-2026: 7,500\n"
        "UBS:\n"
        "12m: 7,600; end-2026: 7,400\n",
        [
            ("^GSPC", "touch", 7400.0, date(2026, 12, 31), "UBS"),
            ("^GSPC", "touch", 7500.0, date(2026, 12, 31), "Morgan Stanley"),
            ("^GSPC", "touch", 7600.0, date(2027, 1, 15), "UBS"),
            ("^GSPC", "touch", 7800.0, date(2027, 1, 15), "Morgan Stanley"),
        ],
    ),
}

HEADING_ABOVE_PROSE = {
    "stacked, heading two paragraphs up": (
        "Banks see gold higher\n\n"
        "GOLD FORECASTS FOR 2027\n\n"
        "Gold ended last week at $4,287 an ounce after a record high earlier in the month, and "
        "the big banks have now published where they see the metal next year, with most of "
        "them above the current price.\n\n"
        "CITI\n$4,600\n\nBARCLAYS\n$4,750\n\nING\n$4,400\n",
        [
            ("GC=F", "average", 4400.0, date(2027, 12, 31), "ING"),
            ("GC=F", "average", 4600.0, date(2027, 12, 31), "Citi"),
            ("GC=F", "average", 4750.0, date(2027, 12, 31), "Barclays"),
        ],
    ),
    "colon items, heading two paragraphs up": (
        "Oil: the banks' 2026 calls\n\n"
        "Brent forecasts for 2026\n\n"
        "Brent settled at $63 on Friday. The banks below all published their annual outlooks "
        "this month, and most of them expect the glut to weigh on prices for the whole year.\n\n"
        "- Goldman Sachs: $56\n- JPMorgan: $58\n- Morgan Stanley: $60\n",
        [
            ("BZ=F", "average", 56.0, date(2026, 12, 31), "Goldman Sachs"),
            ("BZ=F", "average", 58.0, date(2026, 12, 31), "JPMorgan"),
            ("BZ=F", "average", 60.0, date(2026, 12, 31), "Morgan Stanley"),
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(HOUSE_OVER_PAIRS))
def test_a_house_over_its_period_level_pairs(name: str) -> None:
    text, wanted = HOUSE_OVER_PAIRS[name]
    assert _by_call(recorded(text)) == _by_call(wanted)


@pytest.mark.parametrize("name", sorted(HEADING_ABOVE_PROSE))
def test_a_list_under_a_heading_a_paragraph_above(name: str) -> None:
    text, wanted = HEADING_ABOVE_PROSE[name]
    assert _by_call(recorded(text)) == _by_call(wanted)


def _by_call(calls: list[tuple[str, str, float, date | None, str]]) -> list[tuple[object, ...]]:
    """The calls compared as the protocol does: the speaker by the ledger's name for it."""
    return sorted((s, k, lv, d, source_key(source_name(sp))) for s, k, lv, d, sp in calls)


# A "Name: level" list is rewritten whole or not at all: one label left as written (a one-word
# firm the list of names does not know, a firm named like a share) took the next house's line.
WHOLE_LISTS = {
    "one-word and ticker-named firms": (
        "Strategists' S&P 500 targets for the end of 2026\n"
        "Oppenheimer: 8,100\n"
        "Fundstrat: 7,700\n"
        "KKR: 7,600\n"
        "Stifel: 7,000\n",
        [
            ("^GSPC", "touch", 7000.0, date(2026, 12, 31), "Stifel"),
            ("^GSPC", "touch", 7600.0, date(2026, 12, 31), "KKR"),
            ("^GSPC", "touch", 7700.0, date(2026, 12, 31), "Fundstrat"),
            ("^GSPC", "touch", 8100.0, date(2026, 12, 31), "Oppenheimer"),
        ],
    ),
    "summary rows after the houses": (
        "Gold: what the banks see for 2027\n"
        "- Jefferies: $4,800\n"
        "- Saxo: $4,600\n"
        "- Highest: $4,800\n"
        "- Lowest: $4,600\n",
        [
            ("GC=F", "average", 4600.0, date(2027, 12, 31), "Saxo"),
            ("GC=F", "average", 4800.0, date(2027, 12, 31), "Jefferies"),
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(WHOLE_LISTS))
def test_every_house_of_a_list_keeps_its_line(name: str) -> None:
    text, wanted = WHOLE_LISTS[name]
    assert _by_call(recorded(text)) == _by_call(wanted)


def test_a_list_of_assets_is_no_list_of_houses() -> None:
    text = "Citi's forecasts for 2026\n\nBrent: $64\nWTI: $60\n"
    assert all(speaker.lower() not in ("brent", "wti") for *_, speaker in recorded(text))


def test_a_block_of_rules_alone_is_no_grid() -> None:
    """Two lines of dashes and nothing else (a page's horizontal rules) raised IndexError."""
    text = (
        "Gold outlook 2026\n\n----------\n----------\n\n"
        "Goldman Sachs sees gold at $4,900 by end-2026.\n"
    )
    found = recordable(extract_article(text, today=TODAY, made_on=MADE_ON).candidates)
    assert [(f.symbol, f.level) for f in found] == [("GC=F", 4900.0)]


_GRID_CHARACTERS = st.sampled_from(
    [
        "|",
        "-",
        "---",
        "|---|",
        ":",
        "+",
        " ",
        "  ",
        "\t",
        ",",
        ";",
        "Gold",
        "UBS",
        "2026",
        "$4,900",
        "Q4",
        "avg",
    ]
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    lines=st.lists(
        st.lists(_GRID_CHARACTERS, min_size=0, max_size=8).map("".join), min_size=2, max_size=6
    )
)
def test_no_block_of_grid_characters_raises(lines: list[str]) -> None:
    """Whatever a block of table-like lines holds, reading it proposes or skips, never raises."""
    text = "Gold forecasts (USD/oz)\n\n" + "\n".join(lines) + "\n"
    extract_article(text, today=TODAY, made_on=MADE_ON)
