"""The check of the model's reply, and the guards on what it says (no server needed)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.claims.bounds import check_claim
from ledger.claims.parser import parse_claim, parse_vague
from ledger.extract.llm.candidates import LOOKALIKES, ArticleText, read_claims
from ledger.extract.llm.client import LlmEndpoint
from ledger.extract.llm.schema import (
    CLAIM_KINDS,
    CLAIM_SCHEMA,
    FIELDS,
    ReplyClaim,
    ReplyError,
    validate_reply,
)

MADE_ON = date(2025, 11, 20)
TODAY = date(2026, 12, 6)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from([*FIELDS, "claims", "x"]), children, max_size=6)
    ),
    max_leaves=20,
)
# Text as the validator keeps it: no blank, single spaces, no edge spaces.
words = (
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1)
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)
optional_words = st.none() | words.filter(lambda s: len(s) <= 100)


@st.composite
def reply_claims(draw: st.DrawFn) -> ReplyClaim:
    return ReplyClaim(
        asset=draw(words.filter(lambda s: len(s) <= 100)),
        kind=draw(st.sampled_from(CLAIM_KINDS)),
        quote=draw(words),
        speaker=draw(optional_words),
        level=draw(optional_words),
        upper=draw(optional_words),
        versus=draw(optional_words),
        deadline=draw(optional_words),
        probability=draw(st.none() | st.floats(0, 1)),
        conditional=draw(st.booleans()),
    )


def checked(content: object) -> tuple[ReplyClaim, ...] | ReplyError:
    try:
        return validate_reply(content)
    except ReplyError as error:
        return error


@settings(deadline=None)  # a shared machine under load is no failure
@given(st.text())
def test_any_text_is_claims_or_one_reply_error(content: str) -> None:
    result = checked(content)
    assert isinstance(result, (tuple, ReplyError))
    if isinstance(result, ReplyError):
        assert "\n" not in str(result)


@settings(deadline=None)  # a shared machine under load is no failure
@given(json_values)
def test_any_json_is_claims_or_one_reply_error(value: Any) -> None:
    result = checked(json.dumps(value))
    assert isinstance(result, (tuple, ReplyError))
    if isinstance(result, tuple):
        assert all(isinstance(c, ReplyClaim) and c.kind in CLAIM_KINDS for c in result)


@settings(deadline=None)  # a shared machine under load is no failure
@given(st.lists(reply_claims(), max_size=4), st.booleans())
def test_a_reply_of_the_schema_reads_back_field_for_field(
    claims: list[ReplyClaim], fenced: bool
) -> None:
    content = json.dumps({"claims": [c.to_json() for c in claims]})
    if fenced:
        content = f"```json\n{content}\n```"
    assert validate_reply(content) == tuple(claims)


WRONG_VALUES = {
    "speaker": 7, "asset": None, "kind": "goes_up", "level": [5055], "upper": {"v": 1},
    "versus": True, "deadline": 2026, "probability": 1.5, "conditional": "yes", "quote": "  ",
}  # fmt: skip


@settings(max_examples=50, deadline=None)
@given(reply_claims(), st.sampled_from(FIELDS))
def test_one_wrong_field_makes_the_reply_a_schema_mismatch(claim: ReplyClaim, name: str) -> None:
    record = claim.to_json()
    record[name] = WRONG_VALUES[name]
    with pytest.raises(ReplyError, match=rf"claims\[0\]\.?{name}|claims\[0\] has no {name}"):
        validate_reply(json.dumps({"claims": [record]}))


@pytest.mark.parametrize(
    ("content", "said"),
    [
        pytest.param('{"claims": [', "not valid JSON", id="truncated"),
        pytest.param('{"claims": [{"level": NaN}]}', "not valid JSON", id="nan"),
        pytest.param('{"claims": {}}', "'claims' is an object, not a list", id="claims-object"),
        pytest.param("[1]", "claims[0] is a number, not an object", id="bare-list-of-numbers"),
        pytest.param('"gold to 5000"', "not an object with a 'claims' list", id="a-string"),
        pytest.param(
            '{"claims": [{"asset": "gold", "kind": " ", "quote": "q"}]}',
            "claims[0].kind is blank",
            id="blank-kind",
        ),
    ],
)
def test_reply_errors_say_what_is_wrong(content: str, said: str) -> None:
    with pytest.raises(ReplyError, match=r"^the model's reply") as raised:
        validate_reply(content)
    assert said in str(raised.value)


def test_a_numeric_level_is_written_as_the_ledger_writes_prices() -> None:
    record = {"asset": "gold", "kind": "touch_above", "quote": "q", "level": 5055.0}
    (claim,) = validate_reply(json.dumps([record]))
    assert claim.level == "5055" and claim.speaker is None and claim.conditional is False


def test_the_schema_lists_every_field_the_check_reads() -> None:
    item = CLAIM_SCHEMA["properties"]["claims"]["items"]
    assert tuple(item["properties"]) == FIELDS == tuple(item["required"])
    assert item["properties"]["kind"]["enum"] == list(CLAIM_KINDS)


# ---------------------------------------------------------------- finding quotes


def folded(text: str) -> str:
    return " ".join(text.translate(LOOKALIKES).casefold().split())


@settings(deadline=None)  # a shared machine under load is no failure
@given(st.text(min_size=1), st.data())
def test_every_stretch_of_the_article_is_found(article: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(article) - 1))
    end = data.draw(st.integers(start + 1, len(article)))
    quote = article[start:end]
    found = ArticleText(article).find(quote)
    if quote.strip():
        assert found is not None
        # The article's own words, which hold the quote (spacing and case aside).
        assert folded(quote) in folded(found)
        assert found in " ".join(article.split())
    else:
        assert found is None


@pytest.mark.parametrize(
    ("quote", "found"),
    [
        pytest.param("Gold's rally isn't over", "Gold\u2019s rally isn\u2019t over",
                     id="apostrophes"),
        pytest.param("rally isn't  over,\nsays UBS", "rally isn\u2019t over, says UBS",
                     id="spacing"),
        pytest.param("GOLD'S RALLY", "Gold\u2019s rally", id="case"),
        pytest.param("\u201cgold\u201d", None, id="quotes-not-in-text"),
        pytest.param("gold's rally is over", None, id="different-words"),
    ],
)  # fmt: skip
def test_quotes_are_found_in_the_articles_own_words(quote: str, found: str | None) -> None:
    article = "Gold\u2019s rally isn\u2019t over,\n  says UBS \u2014 $5,000 by June."
    assert ArticleText(article).find(quote) == found


# ---------------------------------------------------------------- readings through the parser

ARTICLE = (
    "UBS expects gold to reach $5,000 by June 2026. "
    "If the Fed cuts, ether could double within a year, Citi said. "
    "Barclays sees the S&P 500 between 6,000 and 7,000 at the end of 2026."
)


def read(*claims: ReplyClaim) -> tuple[list[str | None], list[str]]:
    reading = read_claims(claims, ARTICLE, made_on=MADE_ON, today=TODAY, model="m")
    canonical = [c.claim.canonical_text() if c.claim else None for c in reading.candidates]
    return canonical, list(reading.dropped)


def test_each_kind_is_read_by_the_claim_parser() -> None:
    canonical, dropped = read(
        ReplyClaim("gold", "touch_above", "UBS expects gold to reach $5,000 by June 2026.",
                   speaker="UBS", level="$5,000", deadline="by June 2026"),
        ReplyClaim("S&P 500", "close_between", "Barclays sees the S&P 500 between 6,000 and 7,000",
                   level="6,000", upper="7,000", deadline="at the end of 2026"),
        ReplyClaim("ether", "touch_above", "ether could double within a year", level="doubles",
                   deadline="within a year", conditional=True),
    )  # fmt: skip
    assert dropped == []
    assert canonical == [
        "GC=F touch_above 5000 by 2026-06-30",
        "^GSPC close_between 6000 and 7000 by 2026-12-31",
        "ETH-USD touch_above x2 by 2026-11-20",
    ]


def test_a_conditional_reading_is_capped_below_the_yes_bar() -> None:
    reading = read_claims(
        [ReplyClaim("ether", "touch_above", "ether could double", level="doubles",
                    deadline="within a year", conditional=True)],
        ARTICLE, made_on=MADE_ON, today=TODAY, model="m",
    )  # fmt: skip
    (candidate,) = reading.candidates
    assert candidate.conditional and candidate.confidence < 0.6


@pytest.mark.parametrize(
    ("claim", "said"),
    [
        pytest.param(ReplyClaim("gold", "touch_above", "UBS expects gold", deadline="by June 2026"),
                     "needs a level", id="no-level"),
        pytest.param(ReplyClaim("gold", "outperform", "UBS expects gold"), "needs the other asset",
                     id="outperform-without-versus"),
        pytest.param(ReplyClaim("S&P 500", "close_between", "Barclays sees the S&P 500",
                                level="6,000"), "needs its ceiling", id="band-without-ceiling"),
        pytest.param(ReplyClaim("gold", "touch_above", "UBS expects gold", level="$5,000",
                                deadline="by 2300-01-01"), "2300", id="deadline-out-of-bounds"),
        pytest.param(ReplyClaim("gold", "touch_above", "UBS expects gold to hit $9,000",
                                level="$9,000"), "quote does not occur", id="invented-quote"),
    ],
)  # fmt: skip
def test_a_reading_the_checks_refuse_is_dropped_with_why(claim: ReplyClaim, said: str) -> None:
    canonical, dropped = read(claim)
    assert canonical == []
    (note,) = dropped
    assert note.startswith("model claim 1 (") and said in note


def test_the_same_claim_twice_is_proposed_once() -> None:
    ubs = ReplyClaim("gold", "touch_above", "UBS expects gold to reach $5,000", level="5000",
                     deadline="by 2026-06-30")  # fmt: skip
    canonical, dropped = read(ubs, ReplyClaim(**{**ubs.to_json(), "level": "$5,000"}))
    assert canonical == ["GC=F touch_above 5000 by 2026-06-30"]
    assert dropped == ["model claim 2 (gold touch_above $5,000 by 2026-06-30) dropped: the same"
                       " claim as model claim 1"]  # fmt: skip


@pytest.mark.parametrize(
    ("claim", "kept"),
    [
        pytest.param(ReplyClaim("gold", "touch_above", "UBS expects gold to reach $5,000",
                                level="5000", deadline="by June 2026"), True, id="same-price"),
        pytest.param(ReplyClaim("gold", "touch_above", "UBS expects gold to reach $5,000",
                                level="$5,020", deadline="by June 2026"), True,
                     id="within-half-a-percent"),
        pytest.param(ReplyClaim("gold", "touch_above", "UBS expects gold to reach $5,000",
                                level="$5,500", deadline="by June 2026"), False, id="other-price"),
        pytest.param(ReplyClaim("S&P 500", "close_between", "the S&P 500 between 6,000 and 7,000",
                                level="6000", upper="7500", deadline="at the end of 2026"), False,
                     id="band-ceiling-not-stated"),
        pytest.param(ReplyClaim("ether", "touch_above", "ether could double within a year",
                                level="+50%", deadline="within a year"), False,
                     id="relative-not-stated"),
    ],
)  # fmt: skip
def test_a_level_the_quote_does_not_state_is_dropped(claim: ReplyClaim, kept: bool) -> None:
    canonical, dropped = read(claim)
    assert bool(canonical) is kept
    if not kept:
        (note,) = dropped
        assert "is not stated in its quote" in note


@pytest.mark.parametrize(
    ("deadline", "canonical", "assumed"),
    [
        pytest.param("by June 2026", "GC=F touch_above 5000 by 2026-06-30", False, id="phrase"),
        pytest.param("2026-06-30", "GC=F touch_above 5000 by 2026-06-30", False, id="iso-date"),
        pytest.param("2026", "GC=F touch_above 5000 by 2026-12-31", True, id="bare-year"),
        pytest.param("6 months", "GC=F touch_above 5000 by 2026-05-20", True, id="bare-duration"),
        pytest.param(None, "GC=F touch_above 5000 by 2026-11-20", False, id="none-horizon"),
    ],
)
def test_deadlines_the_model_writes_are_read_as_claim_text(
    deadline: str | None, canonical: str, assumed: bool
) -> None:
    reply = ReplyClaim("gold", "touch_above", "UBS expects gold to reach $5,000", level="$5,000",
                       deadline=deadline)  # fmt: skip
    (candidate,) = read_claims([reply], ARTICLE, made_on=MADE_ON, today=TODAY, model="m").candidates
    assert candidate.claim is not None and candidate.claim.canonical_text() == canonical
    noted = any("the model's deadline" in note for note in candidate.assumptions)
    assert noted is assumed
    if deadline is None:
        assert candidate.confidence < 0.6  # no time frame: capped below --yes, as the rules do


PARTS = {
    "asset": ["gold", "bitcoin", "S&P 500", "unobtainium", "GC=F/SI=F", "ether"],
    "level": ["$5,000", "5000", "6,000", "150k", "+20%", "double", "support", "x", "-5", "1e400"],
    "upper": ["7,000", "4000", "abc"],
    "versus": ["bitcoin", "gold", "mars"],
    "deadline": ["by June 2026", "2026", "6 months", "2026-06-30", "in Q4 2026", "yesterday",
                 "by 1800-01-01", "at the end of 2026", "by 2300-01-01"],
}  # fmt: skip


@st.composite
def plausible_claims(draw: st.DrawFn) -> ReplyClaim:
    def part(name: str) -> str | None:
        return draw(st.none() | st.sampled_from(PARTS[name]) | words.filter(lambda s: len(s) < 40))

    return ReplyClaim(
        asset=draw(st.sampled_from(PARTS["asset"]) | words.filter(lambda s: len(s) < 40)),
        kind=draw(st.sampled_from(CLAIM_KINDS)),
        quote=draw(st.sampled_from([ARTICLE[:46], ARTICLE[47:108], ARTICLE[109:], "not there"])),
        speaker=draw(st.none() | st.sampled_from(["UBS", "Citi", "Nobody"])),
        level=part("level"),
        upper=part("upper"),
        versus=part("versus"),
        deadline=part("deadline"),
        probability=draw(st.none() | st.floats(0, 1)),
        conditional=draw(st.booleans()),
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(plausible_claims(), max_size=4))
def test_any_reading_is_a_candidate_that_parses_back_or_a_dropped_note(
    claims: list[ReplyClaim],
) -> None:
    reading = read_claims(claims, ARTICLE, made_on=MADE_ON, today=TODAY, model="m")
    assert len(reading.candidates) + len(reading.dropped) == len(claims)
    for candidate in reading.candidates:
        assert candidate.claim is not None and candidate.claim_text
        assert candidate.sentence in ARTICLE
        if candidate.vague:
            again = parse_vague(candidate.claim_text, made_on=MADE_ON)
        else:
            again = parse_claim(candidate.claim_text, made_on=MADE_ON)
        assert again.canonical_text() == candidate.claim.canonical_text()
        check_claim(candidate.claim, TODAY)


@pytest.mark.parametrize(
    ("url", "posted"),
    [
        ("http://localhost:11434/v1", "http://localhost:11434/v1/chat/completions"),
        ("http://localhost:8080/v1/", "http://localhost:8080/v1/chat/completions"),
        ("https://h/v1/chat/completions", "https://h/v1/chat/completions"),
        ("https://h/openai/deployments/d?api-version=2024-10-21",
         "https://h/openai/deployments/d/chat/completions?api-version=2024-10-21"),
    ],
)  # fmt: skip
def test_the_endpoint_url_is_the_api_base_or_the_completions_url(url: str, posted: str) -> None:
    assert LlmEndpoint(url, "m").completions_url == posted
