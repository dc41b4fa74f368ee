"""A house shortened to its first words and the initials of the rest (issue 11, speakers8).

Development failure (corpus_test9 t9-coindeskjapan-daiwa-am-usdjpy-2021-2022): the article
names "Daiwa Asset Management", then heads its table "Daiwa AM forecasts", and the calls were
credited to "Daiwa AM", a second source for one house. `article_names` now reads such a short
form as the name the article gives in full (as it reads "EIA" and "BofA"), when both forms
are written in the article; a known house keeps the name the ledger keeps for it ("Nomura
AM" is Nomura).
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledger.extract.extractor import extract_candidates
from ledger.extract.house_names import source_name
from ledger.extract.person_names import article_names

MADE_ON = date(2021, 6, 21)


@pytest.mark.parametrize(
    ("text", "short", "full"),
    [
        (
            "Daiwa Asset Management gave its forecasts. Daiwa AM forecasts USD/JPY at 111.",
            "Daiwa AM",
            "Daiwa Asset Management",
        ),
        # invented
        (
            "Halvorsen Capital Markets raised its target; HCM strategists now see more.",
            "HCM",
            "Halvorsen Capital Markets",
        ),
        (
            "Lindqvist Investment Partners wrote to clients. Lindqvist IP expects a rally.",
            "Lindqvist IP",
            "Lindqvist Investment Partners",
        ),
        ("Nomura Asset Management published. Nomura AM sees 150.", "Nomura AM", "Nomura"),
    ],
)
def test_a_short_form_is_the_name_given_in_full(text: str, short: str, full: str) -> None:
    assert article_names(text).get(short) == full


@pytest.mark.parametrize(
    "text",
    [
        # the short form is never written
        "Daiwa Asset Management gave its forecasts for USD/JPY.",
        # initials of words that are not a firm's name
        "Daiwa Tokyo Morning news. Daiwa TM is a show.",
    ],
)
def test_no_short_form_unless_written_for_a_firm(text: str) -> None:
    assert not any(" " in short and short.split()[-1].isupper() for short in article_names(text))


def test_the_table_is_credited_to_the_house_in_full() -> None:
    text = (
        "In its outlook of 18 June, Daiwa Asset Management gave its currency forecasts.\n\n"
        "Daiwa AM forecasts USD/JPY at 111 at end-2022."
    )
    speakers = {c.speaker for c in extract_candidates(text, made_on=MADE_ON) if c.claim is not None}
    assert speakers == {source_name("Daiwa Asset Management")}  # as the ledger keeps it


@given(st.text(alphabet=st.sampled_from("ABCD aM&-.\n"), max_size=80))
def test_article_names_never_raises(text: str) -> None:
    for short, full in article_names(text).items():
        assert short in text and full
