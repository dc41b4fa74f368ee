"""Forecast sentences composed from independent parts, each claim known from its parts (issue 11).

The extractor's rules were written article by article, so a form that reads with one speaker,
verb, asset or deadline can fail beside another. This module composes a call from six parts
drawn independently (who speaks, the verb frame, the asset's name, the level's written form,
the direction, the deadline) and works out from the parts alone what a careful reader would
log: the symbol, the kind family and side, the level as written, the deadline against the
article's date and the speaker by the labelling convention of corpus_dev.yaml (the firm when
a person speaks for it; the by-lined author for a first-person call). A part that needs an
antecedent ("the bank", "the yellow metal") gets a lead sentence that names it, as an article
would.

Pure: no extraction here. `combine(seed)` draws one call; `compose(parts)` writes the call of
parts chosen by the caller (the hypothesis test draws them); `compatible_*` say which parts
fit together, so every combination is grammatical English.
"""

from __future__ import annotations

import random
from calendar import monthrange
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

# ------------------------------------------------------------------ the parts


@dataclass(frozen=True)
class House:
    name: str
    possessive: str
    noun: str  # what an article calls it once named ("the bank")


HOUSES = (
    House("Goldman Sachs", "Goldman Sachs'", "the bank"),
    House("UBS", "UBS's", "the Swiss bank"),
    House("Citi", "Citi's", "the bank"),
    House("JPMorgan", "JPMorgan's", "the bank"),
    House("Morgan Stanley", "Morgan Stanley's", "the investment bank"),
    House("Bank of America", "Bank of America's", "the lender"),
    House("Deutsche Bank", "Deutsche Bank's", "the German lender"),
    House("HSBC", "HSBC's", "the bank"),
    House("Standard Chartered", "Standard Chartered's", "the bank"),
    House("BNP Paribas", "BNP Paribas'", "the French bank"),
    House("Barclays", "Barclays'", "the British bank"),
    House("ING", "ING's", "the Dutch bank"),
    House("Commerzbank", "Commerzbank's", "the lender"),
    House("Macquarie", "Macquarie's", "the firm"),
)

PEOPLE = (
    "Jane Holloway",
    "Marcus Feld",
    "Priya Raman",
    "Tomas Lindqvist",
    "Elena Rossi",
    "David Okafor",
    "Sarah Whitcombe",
    "Kenji Matsuda",
)

ROLES = (
    "head of commodities research",
    "chief investment officer",
    "chief economist",
    "senior strategist",
    "head of FX strategy",
    "global head of commodities strategy",
    "chief market strategist",
)

TEAMS = ("analysts", "strategists", "economists", "research analysts")
_TITLES = ("analyst", "strategist")
_WOMEN = frozenset(("Jane Holloway", "Priya Raman", "Elena Rossi", "Sarah Whitcombe"))


@dataclass(frozen=True)
class Speaker:
    """Who makes the call, as the sentence names them."""

    form: str
    plural: bool = False
    first_person: bool = False
    needs_lead: bool = False  # "the bank": the article named it in a sentence before
    variant: int = 0  # which wording of the form, for the tally by variant
    # the words only open a sentence ("Not long ago Jane Doe, an analyst at Citi,"): no frame
    # that puts the speaker after "according to" or at the end takes them
    subject_only: bool = False


SPEAKERS = (
    Speaker("house"),
    Speaker("house_possessive_team", plural=True),
    Speaker("team_at_house", plural=True),
    Speaker("the_house", needs_lead=True),
    Speaker("possessive_role_person"),
    Speaker("person_comma_role_at_house"),
    Speaker("house_analyst_person"),
    Speaker("first_person_author", first_person=True),
    Speaker("pronoun_after_intro", needs_lead=True),
    Speaker("the_house_team", plural=True, needs_lead=True),
    Speaker("team_led_by", plural=True),
    # the attribution forms of unseen text (branch speakers3): the subject, then words before
    # its verb; a pronoun after the subject in its own sentence; an outlet relaying the call
    Speaker("person_aside_role_at_house_after_opening", subject_only=True),
    Speaker("person_of_house_in_city", subject_only=True),
    Speaker("house_through_person", subject_only=True),
    Speaker("opening_phrase_house_through_its_role", subject_only=True, needs_lead=True),
    Speaker("pronoun_after_subject_in_sentence", subject_only=True, needs_lead=True),
    Speaker("outlet_relays_house", subject_only=True),
    # branch grammar27: a role before the name in apposition ("Citi's head of research, Jane
    # Doe,"), a person "from" the firm (wire and translated copy)
    Speaker("possessive_role_comma_person"),
    Speaker("person_from_house"),
)

# The forms in which a person speaks for the house (her/his target, "the strategist also")
_PERSON_FORMS = frozenset(
    (
        "pronoun_after_intro",
        "possessive_role_person",
        "person_comma_role_at_house",
        "house_analyst_person",
        "person_aside_role_at_house_after_opening",
        "person_of_house_in_city",
        "pronoun_after_subject_in_sentence",
        "possessive_role_comma_person",
        "person_from_house",
    )
)
# Where a person of a house works, and outlets that pass a house's call on
_CITIES = ("London", "New York", "Zurich", "Frankfurt", "Singapore", "Hong Kong")
_OUTLETS = (
    "According to MarketWire,",
    "According to a Ledger Daily report,",
    "According to ChainDesk,",
    "According to the Harbour Times,",
)
_OPENINGS = ("In a client note,", "Separately,", "Meanwhile", "In a new report,")
_STANCES = ("More cautious,", "Far more upbeat,", "By contrast,", "Among the bulls,")


@dataclass(frozen=True)
class Asset:
    """An asset as an article writes it, and the series it stands for."""

    form: str
    words: str
    symbol: str
    needs_lead: bool = False  # "the yellow metal": the article named the asset before


@dataclass(frozen=True)
class Market:
    """What the levels of one series look like: values above and below the day's price."""

    symbol: str
    plain_name: str
    unit: str | None  # "ounce", "barrel": a commodity priced per unit
    dollars: bool  # priced in dollars ("$5,055"); a pair's rate or an index is not
    up: tuple[float, ...]
    down: tuple[float, ...]
    decimals: int = 0
    now: float = 0.0  # the price of the day, between the levels below and above it


MARKETS = {
    market.symbol: market
    for market in (
        Market("GC=F", "gold", "ounce", True, (5055, 5000, 5400, 6000, 4800), (3800, 3500),
               now=4210),
        Market("SI=F", "silver", "ounce", True, (60, 75, 100, 58.5), (40, 35), 2, now=51.2),
        Market("BZ=F", "Brent crude", "barrel", True, (85, 90, 100), (55, 50, 60), now=68.4),
        Market("CL=F", "WTI crude", "barrel", True, (80, 85, 95), (50, 45), now=64.9),
        Market("^GSPC", "the S&P 500", None, False, (7200, 7500, 8000), (5800, 6000), now=6850),
        Market("EURUSD=X", "the euro", None, False, (1.20, 1.25, 1.22), (1.05, 1.08), 2,
               now=1.16),
        Market("JPY=X", "the dollar against the yen", None, False, (160, 165), (140, 135),
               now=151.5),
        Market("BTC-USD", "bitcoin", None, True, (150000, 200000, 250000), (70000, 60000),
               now=104500),
        Market("ETH-USD", "ether", None, True, (6000, 8000, 10000), (2500, 2000), now=3420),
        Market("GBPUSD=X", "sterling", None, False, (1.40, 1.45), (1.25, 1.22), 2, now=1.33),
    )
}  # fmt: skip


@dataclass(frozen=True)
class Context:
    """What else the article says around the call: the price of the day, a past move.

    `gives_price`: the article states the price of the day, so a call's side is read
    against it (the convention), an average's included.
    """

    form: str
    sentences: tuple[str, ...]  # "{Asset}", "{now}", "{past}" filled in by compose
    gives_price: bool = False


CONTEXTS = (
    Context("none", ("",)),
    Context("price of the day", (
        "{Asset} traded at {now} on Monday.", "{Asset} was trading around {now} on Friday.",
        "{Asset} closed at {now} on Tuesday.", "{Asset} currently trades near {now}.",
        # the day's move and its close in one clause, a steadying price (round 24)
        "{Asset} lost 0.4% to settle at {now} on Wednesday.", "{Asset} is steadying around {now}.",
    ), gives_price=True),
    Context("a past record", (
        "{Asset} hit a record high of {past} in October.", "{Asset} rose to {past} last month.",
        "{Asset} peaked at {past} in 2024.",
    )),
    Context("a closing remark", (
        "The forecast reflects central bank buying and a weaker dollar.",
        "Other banks are more cautious.", "The note was sent to clients on Monday.",
    )),
)  # fmt: skip

ASSETS = (
    Asset("gold", "gold", "GC=F"),
    Asset("spot gold", "spot gold", "GC=F"),
    Asset("gold prices", "gold prices", "GC=F"),
    Asset("bullion", "bullion", "GC=F"),
    Asset("XAU/USD", "XAU/USD", "GC=F"),
    Asset("the yellow metal", "the yellow metal", "GC=F", needs_lead=True),
    Asset("the precious metal", "the precious metal", "GC=F", needs_lead=True),
    Asset("silver", "silver", "SI=F"),
    Asset("XAG/USD", "XAG/USD", "SI=F"),
    Asset("the white metal", "the white metal", "SI=F", needs_lead=True),
    Asset("Brent", "Brent", "BZ=F"),
    Asset("Brent crude", "Brent crude", "BZ=F"),
    Asset("Brent crude oil", "Brent crude oil", "BZ=F"),
    Asset("WTI", "WTI", "CL=F"),
    Asset("West Texas Intermediate", "West Texas Intermediate", "CL=F"),
    Asset("U.S. crude", "U.S. crude", "CL=F"),
    Asset("the S&P 500", "the S&P 500", "^GSPC"),
    Asset("the S&P 500 index", "the S&P 500 index", "^GSPC"),
    Asset("SPX", "the SPX", "^GSPC"),
    Asset("the benchmark index", "the benchmark index", "^GSPC", needs_lead=True),
    Asset("EUR/USD", "EUR/USD", "EURUSD=X"),
    Asset("the euro", "the euro", "EURUSD=X"),
    Asset("euro-dollar", "euro-dollar", "EURUSD=X"),
    # a pair named with its "rate" (rules23): the pair's price, not an interest rate
    Asset("the EUR/USD rate", "the EUR/USD rate", "EURUSD=X"),
    Asset("the EUR/USD exchange rate", "the EUR/USD exchange rate", "EURUSD=X"),
    Asset("the single currency", "the single currency", "EURUSD=X", needs_lead=True),
    Asset("dollar-yen", "dollar-yen", "JPY=X"),
    Asset("USD/JPY", "USD/JPY", "JPY=X"),
    Asset("bitcoin", "bitcoin", "BTC-USD"),
    Asset("BTC", "BTC", "BTC-USD"),
    Asset("Bitcoin (BTC)", "Bitcoin (BTC)", "BTC-USD"),
    Asset("the largest cryptocurrency", "the world's largest cryptocurrency", "BTC-USD", True),
    Asset("ether", "ether", "ETH-USD"),
    Asset("ETH", "ETH", "ETH-USD"),
    Asset("Ethereum", "Ethereum", "ETH-USD"),
    Asset(
        "the second-largest cryptocurrency", "the second-largest cryptocurrency", "ETH-USD", True
    ),
    # branch grammar27: names of wire copy, FX desks, forum posts and crypto blogs
    Asset("XAUUSD", "XAUUSD", "GC=F"),
    Asset("the price of gold", "the price of gold", "GC=F"),
    Asset("the North Sea benchmark", "the North Sea benchmark", "BZ=F", needs_lead=True),
    Asset("WTI crude", "WTI crude", "CL=F"),
    Asset("US light crude", "US light crude", "CL=F"),
    Asset("the S&P", "the S&P", "^GSPC"),
    Asset("the benchmark U.S. stock gauge", "the benchmark U.S. stock gauge", "^GSPC"),
    Asset("the index", "the index", "^GSPC", needs_lead=True),
    Asset("EURUSD", "EURUSD", "EURUSD=X"),
    Asset("the pair", "the pair", "EURUSD=X", needs_lead=True),
    Asset("cable", "cable", "GBPUSD=X"),
    Asset("GBP/USD", "GBP/USD", "GBPUSD=X"),
    Asset("BTC/USD", "BTC/USD", "BTC-USD"),
    Asset("the price of bitcoin", "the price of bitcoin", "BTC-USD"),
    Asset("ETH/USD", "ETH/USD", "ETH-USD"),
    Asset("Ether (ETH)", "Ether (ETH)", "ETH-USD"),
)


@dataclass(frozen=True)
class Direction:
    """Which way the call points, in the verb forms the frames need.

    `side` is "above"/"below" for a call whose words name its side, None for an average
    (its side is read against the day's price, which these sentences do not give).
    `rising` says which list of levels fits (above or below the day's price).
    """

    form: str
    family: str  # touch, hold, average
    side: str | None
    rising: bool
    infinitive: tuple[str, ...]  # "rise to"
    participle: tuple[str, ...]  # "rising to"
    role: str  # which deadline phrase it takes: target ("by"), period ("in"), span ("through")


DIRECTIONS = (
    Direction("at", "touch", "above", True, ("trade at", "be at"), ("at",), "target"),
    Direction("rise to", "touch", "above", True, ("rise to", "climb to", "rally to"),
              ("rising to", "climbing to", "rallying to"), "target"),
    Direction("reach", "touch", "above", True, ("reach", "hit", "top"),
              ("reaching", "hitting", "topping"), "target"),
    Direction("climb above", "touch", "above", True, ("climb above", "break above", "rise above"),
              ("climbing above", "breaking above", "rising above"), "target"),
    Direction("fall to", "touch", "below", False, ("fall to", "drop to", "decline to"),
              ("falling to", "dropping to", "declining to"), "target"),
    Direction("slide to", "touch", "below", False, ("slide to", "slip to", "sink to"),
              ("sliding to", "slipping to", "sinking to"), "target"),
    Direction("hold above", "hold", "above", False, ("hold above", "stay above", "remain above"),
              ("holding above", "staying above", "remaining above"), "span"),
    Direction("average", "average", None, True, ("average",), ("averaging",), "period"),
    Direction("surge to", "touch", "above", True, ("surge to", "jump to", "soar to"),
              ("surging to", "jumping to", "soaring to"), "target"),
    Direction("drop below", "touch", "below", False, ("drop below", "break below", "dip below"),
              ("dropping below", "breaking below", "dipping below"), "target"),
    Direction("stay below", "hold", "below", True, ("stay below", "remain below", "hold below"),
              ("staying below", "remaining below", "holding below"), "span"),
    # branch grammar27: "expects gold to exceed $2,000 a troy ounce before year-end", "says it
    # will soar past $100,000 by year-end", "could fall as low as $80 in the fourth quarter"
    Direction("exceed", "touch", "above", True, ("exceed", "surpass", "push past", "soar past"),
              ("exceeding", "surpassing", "pushing past", "soaring past"), "target"),
    Direction("fall as low as", "touch", "below", False,
              ("fall as low as", "drop as low as", "sink as low as"),
              ("falling as low as", "dropping as low as", "sinking as low as"), "target"),
)  # fmt: skip


@dataclass(frozen=True)
class LevelForm:
    """One written form of a level. `write(value, market, variant)` gives (text, value written)."""

    form: str
    fits: Callable[[Market], bool]
    write: Callable[[float, Market, int], tuple[str, float]]
    vague: bool = False  # "six figures": no price claim to log


def _digits(value: float, market: Market, *, grouped: bool = True) -> str:
    if market.decimals:
        return f"{value:,.{market.decimals}f}" if grouped else f"{value:.{market.decimals}f}"
    return f"{value:,.0f}" if grouped else f"{value:.0f}"


def _dollar(value: float, market: Market, variant: int) -> tuple[str, float]:
    return f"${_digits(value, market)}", value


def _dollars_word(value: float, market: Market, variant: int) -> tuple[str, float]:
    word = ("dollars", "US dollars", "dollars")[variant % 3]
    return f"{_digits(value, market, grouped=variant % 2 == 0)} {word}", value


def _us_dollar(value: float, market: Market, variant: int) -> tuple[str, float]:
    prefix = ("US$", "USD ", "US$ ")[variant % 3]
    return f"{prefix}{_digits(value, market)}", value


def _thousands(value: float, market: Market, variant: int) -> tuple[str, float]:
    thousands = round(value / 100) / 10 if value < 10000 else round(value / 1000)
    written = f"{thousands:g}"
    text = (f"${written}k", f"${written}K", f"{written}k dollars", f"${written} thousand")
    return text[variant % 4], thousands * 1000


def _per_unit(value: float, market: Market, variant: int) -> tuple[str, float]:
    unit = market.unit or ""
    short = {"ounce": "oz", "barrel": "bbl"}[unit]
    text = (f"an {unit}" if unit[0] in "aeiou" else f"a {unit}", f"per {unit}", f"/{short}")
    sep = "" if variant % 3 == 2 else " "
    return f"${_digits(value, market)}{sep}{text[variant % 3]}", value


def _hyphen_unit(value: float, market: Market, variant: int) -> tuple[str, float]:
    unit = market.unit or ""
    each = "an" if unit[0] in "aeiou" else "a"
    text = (
        f"the ${_digits(value, market)}-per-{unit} mark",
        f"the ${_digits(value, market)}-{each}-{unit} level",
    )
    return text[variant % 2], value  # fmt: skip


def _bare(value: float, market: Market, variant: int) -> tuple[str, float]:
    return _digits(value, market, grouped=variant % 2 == 0), value


def _points(value: float, market: Market, variant: int) -> tuple[str, float]:
    return f"{_digits(value, market)} {('points', 'pts')[variant % 2]}", value


def _mark(value: float, market: Market, variant: int) -> tuple[str, float]:
    written = f"${_digits(value, market)}" if market.dollars else _digits(value, market)
    return f"the {written} {('mark', 'level', 'threshold')[variant % 3]}", value


def _approximately(value: float, market: Market, variant: int) -> tuple[str, float]:
    word = ("around", "about", "roughly", "near")[variant % 4]
    written = f"${_digits(value, market)}" if market.dollars else _digits(value, market)
    return f"{word} {written}", value


def _no_comma(value: float, market: Market, variant: int) -> tuple[str, float]:
    return f"${_digits(value, market, grouped=False)}", value


def _bare_thousands(value: float, market: Market, variant: int) -> tuple[str, float]:
    text, written = _thousands(value, market, 0)
    return text.removeprefix("$").replace("k", ("k", "K")[variant % 2]), written


def _currency_code_after(value: float, market: Market, variant: int) -> tuple[str, float]:
    return f"{_digits(value, market)} {('USD', 'usd')[variant % 2]}", value


def _six_figures(value: float, market: Market, variant: int) -> tuple[str, float]:
    return ("six figures", "new record highs", "fresh all-time highs")[variant % 3], value


def _troy_ounce(value: float, market: Market, variant: int) -> tuple[str, float]:
    text = ("/toz", " per troy ounce", " a troy ounce", "/t oz")[variant % 4]
    return f"${_digits(value, market)}{text}", value


def _us_thousands(value: float, market: Market, variant: int) -> tuple[str, float]:
    text, written = _thousands(value, market, variant % 2)
    return f"US{text}", written


def _spaced(value: float, market: Market, variant: int) -> tuple[str, float]:
    """Thousands set off by a space, as translated copy writes them ("5 055 dollars")."""
    word = ("dollars", "US dollars", "USD")[variant % 3]
    return f"{_digits(value, market).replace(',', ' ')} {word}", value


_ONES = (
    "", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)  # fmt: skip
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def _words_below_thousand(number: int) -> str:
    hundreds, rest = divmod(number, 100)
    words = [f"{_ONES[hundreds]} hundred"] if hundreds else []
    if rest >= 20:
        words.append(_TENS[rest // 10] + (f"-{_ONES[rest % 10]}" if rest % 10 else ""))
    elif rest:
        words.append(_ONES[rest])
    return " ".join(words)


def _spelled(value: float, market: Market, variant: int) -> tuple[str, float]:
    """The level in words ("five thousand dollars"), rounded as a writer rounds it."""
    step = 100 if value < 10000 else 1000
    written = round(value / step) * step
    thousands, rest = divmod(int(written), 1000)
    words = f"{_words_below_thousand(thousands)} thousand"
    if rest:
        words += f" {_words_below_thousand(rest)}"
    return f"{words} {('dollars', 'US dollars')[variant % 2]}", written


def _record(value: float, market: Market, variant: int) -> tuple[str, float]:
    written = f"${_digits(value, market)}" if market.dollars else _digits(value, market)
    text = (
        f"a fresh record above {written}",
        f"a fresh record high of {written}",
        f"a new all-time high of {written}",
        f"new highs above {written}",
    )
    return text[variant % 4], value


LEVEL_FORMS = (
    LevelForm("$5,055", lambda m: m.dollars, _dollar),
    LevelForm("5055 dollars", lambda m: m.dollars, _dollars_word),
    LevelForm("US$5,055", lambda m: m.dollars, _us_dollar),
    LevelForm("$5.1k", lambda m: m.dollars and min(m.up + m.down) >= 1000, _thousands),
    LevelForm("$5,055 an ounce", lambda m: m.unit is not None, _per_unit),
    LevelForm("5,000-per-ounce", lambda m: m.unit is not None, _hyphen_unit),
    LevelForm("bare number", lambda m: True, _bare),
    LevelForm("7,200 points", lambda m: m.symbol == "^GSPC", _points),
    LevelForm("the $150,000 mark", lambda m: True, _mark),
    LevelForm("six figures", lambda m: m.symbol == "BTC-USD", _six_figures, vague=True),
    LevelForm("around $5,055", lambda m: True, _approximately),
    LevelForm("$5055", lambda m: m.dollars and min(m.up + m.down) >= 1000, _no_comma),
    LevelForm("150k", lambda m: m.dollars and min(m.up + m.down) >= 1000, _bare_thousands),
    LevelForm("5,055 USD", lambda m: m.dollars, _currency_code_after),
    # branch grammar27
    LevelForm("$5,055/toz", lambda m: m.unit == "ounce", _troy_ounce),
    LevelForm("US$5.1k", lambda m: m.dollars and min(m.up + m.down) >= 1000, _us_thousands),
    LevelForm("5 055 dollars", lambda m: m.dollars and min(m.up + m.down) >= 1000, _spaced),
    LevelForm(
        "five thousand dollars", lambda m: m.dollars and min(m.up + m.down) >= 1000, _spelled
    ),
    LevelForm(
        "a fresh record above $5,000",
        lambda m: m.symbol in ("GC=F", "SI=F", "^GSPC", "BTC-USD", "ETH-USD"),
        _record,
    ),
)


@dataclass(frozen=True)
class Deadline:
    """A deadline phrase for each role it can take, and the day it means against the made_on.

    Each role holds the phrase's variants; `{Y}` is the year the phrase names.
    `day(made_on, year)` is the deadline; `year_offset` picks the year named (made_on's
    year plus it).
    """

    form: str
    target: tuple[str, ...]
    period: tuple[str, ...]
    span: tuple[str, ...]
    day: Callable[[date, int], date]
    year_offset: int = 1
    # "in the second half" names a period, not a day: with no direction verb ("sees gold at
    # $5,055 in the second half") it reads as the period's average as well as a target, so
    # the convention cannot say which, and such a call is not composed.
    names_a_period: bool = False


def _months_after(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


DEADLINES = (
    Deadline(
        "by end-2027",
        target=(
            "by end-{Y}",
            "by the end of {Y}",
            "by year-end {Y}",
            "by December {Y}",
            "by late {Y}",
            "before the end of {Y}",
            "by the close of {Y}",
        ),
        period=("in {Y}", "over {Y}"),
        span=("through end-{Y}", "through {Y}", "until the end of {Y}"),
        day=lambda d, y: date(y, 12, 31),
    ),
    Deadline(
        "by the end of next year",
        target=("by the end of next year", "by end-next year", "next year"),
        period=("next year",),
        span=("through next year", "until the end of next year"),
        day=lambda d, y: date(d.year + 1, 12, 31),
    ),
    Deadline(
        # "by the middle of next year" was read as next year's end (rules22)
        "by the middle of next year",
        target=(
            "by the middle of next year",
            "by mid-next year",
            "in the middle of next year",
            "by the middle of the next year",
        ),
        period=("in the first half of next year",),
        span=("until the middle of next year", "through the middle of next year"),
        day=lambda d, y: date(d.year + 1, 6, 30),
    ),
    Deadline(
        "in 12 months",
        target=(
            "in 12 months",
            "within 12 months",
            "in 12 months' time",
            "over the next 12 months",
            "over a six-to-twelve-month horizon",
        ),
        period=("over the next 12 months", "over the next year"),
        span=("for the next 12 months", "over the next 12 months"),
        day=lambda d, y: _months_after(d, 12),
        year_offset=0,
    ),
    Deadline(
        "by Q2 2027",
        target=("by Q2 {Y}", "by the second quarter of {Y}", "by the end of Q2 {Y}"),
        period=("in Q2 {Y}", "in the second quarter of {Y}"),
        span=("through Q2 {Y}", "until the end of the second quarter of {Y}"),
        day=lambda d, y: date(y, 6, 30),
    ),
    Deadline(
        "in the second half",
        target=("in the second half", "in the second half of the year", "in H2"),
        period=("in the second half", "in the second half of the year", "in H2"),
        span=("through the second half",),
        day=lambda d, y: date(d.year, 12, 31),
        year_offset=0,
        names_a_period=True,
    ),
    Deadline(
        "by mid-2027",
        target=(
            "by mid-{Y}",
            "by the middle of {Y}",
            "by mid-year {Y}",
            "by June {Y}",
            "by end-June {Y}",
        ),
        period=("in the first half of {Y}", "in H1 {Y}"),
        span=("until mid-{Y}", "through mid-{Y}"),
        day=lambda d, y: date(y, 6, 30),
    ),
    Deadline(
        "within three months",
        target=(
            "within three months",
            "in three months",
            "over the next three months",
            "within 3 months",
            # a horizon span spelled in words (rules23): its far end
            "over a zero-to-three-month horizon",
        ),
        period=("over the next three months",),
        span=("for the next three months", "over the next three months"),
        day=lambda d, y: _months_after(d, 3),
        year_offset=0,
    ),
    Deadline(
        "within six months",
        target=(
            "within six months",
            "in the next six months",
            "in six months' time",
            "within 6 months",
            "within three to six months",
            "in three-to-six months",
        ),
        period=("over the next six months",),
        span=("for the next six months", "over the next six months"),
        day=lambda d, y: _months_after(d, 6),
        year_offset=0,
    ),
    Deadline(
        "by Q4 2027",
        target=(
            "by Q4 {Y}",
            "by the fourth quarter of {Y}",
            "by the end of the fourth quarter of {Y}",
        ),
        period=("in Q4 {Y}", "in the fourth quarter of {Y}"),
        span=("through Q4 {Y}", "until the end of the fourth quarter of {Y}"),
        day=lambda d, y: date(y, 12, 31),
    ),
    Deadline(
        "in 18 months",
        target=("in 18 months", "within 18 months", "over the next 18 months"),
        period=("over the next 18 months",),
        span=("for the next 18 months",),
        day=lambda d, y: _months_after(d, 18),
        year_offset=0,
    ),
    Deadline(
        "this year",
        target=("this year", "by the end of this year", "by year-end", "by the end of the year"),
        period=("this year", "in the rest of the year"),
        span=("through year-end", "for the rest of the year", "until the end of the year"),
        day=lambda d, y: date(d.year, 12, 31),
        year_offset=0,
    ),
    # branch grammar27: the deadlines of wire copy, FX desks' horizon codes and bank outlooks
    Deadline(
        "by Q3 2027",
        target=(
            "by Q3 {Y}",
            "by the end of the third quarter of {Y}",
            "by end-Q3 {Y}",
            "by the end of September {Y}",
        ),
        period=("in Q3 {Y}", "in the third quarter of {Y}"),
        span=("through Q3 {Y}", "until the end of September {Y}"),
        day=lambda d, y: date(y, 9, 30),
    ),
    Deadline(
        "before year-end",
        target=(
            "before year-end",
            "before the end of the year",
            "by December",
            "by the end of December",
            "by year's end",
        ),
        period=("for the full year", "for the year as a whole"),
        span=("into year-end", "through December"),
        day=lambda d, y: date(d.year, 12, 31),
        year_offset=0,
    ),
    Deadline(
        "in 12M",
        target=(
            "in 12M",
            "on a 12-month horizon",
            "in a 12-month horizon",
            "within a year",
            "a year from now",
            "over a one-year horizon",
        ),
        period=("over the coming 12 months", "over the coming year"),
        span=("over the coming 12 months", "for the coming year"),
        day=lambda d, y: _months_after(d, 12),
        year_offset=0,
    ),
    Deadline(
        "by the end of the first half",
        target=(
            "by the end of the first half of {Y}",
            "by end-H1 {Y}",
            "by the end of H1 {Y}",
        ),
        period=("in the first half of {Y}", "over H1 {Y}"),
        span=("through the first half of {Y}", "until the end of H1 {Y}"),
        day=lambda d, y: date(y, 6, 30),
    ),
    Deadline(
        "by 2028",
        target=("by {Y}", "by {Y} year-end", "by the end of {Y} at the latest"),
        period=("for {Y}", "across {Y}"),
        span=("throughout {Y}", "for all of {Y}"),
        day=lambda d, y: date(y, 12, 31),
        year_offset=2,
    ),
    Deadline(
        "within a month",
        target=("within a month", "in the coming month", "over the next month", "in 1M"),
        period=("over the next month",),
        span=("for the next month", "over the coming month"),
        day=lambda d, y: _months_after(d, 1),
        year_offset=0,
    ),
)


@dataclass(frozen=True)
class Frame:
    """A reporting verb or frame: how the speaker, the asset, the move and the deadline are
    laid out. `directions` lists the direction forms the frame can carry (None: any)."""

    form: str
    first_person: bool  # the frame has a subject slot an "I" can fill
    directions: tuple[str, ...] | None = None


FRAMES = (
    Frame("expects", True),
    Frame("sees", True),
    Frame("forecasts", True),
    Frame("is targeting", True, ("at",)),
    Frame("lifted its forecast to", True, ("at",)),
    Frame("according to X", False),
    Frame("X said in a note", False),
    Frame("quote, X said", False),
    Frame("said could", False),
    Frame("X, according to Y", False),
    Frame("raised from", True, ("at",)),
    Frame("predicts will", True),
    Frame("told clients", False),
    # branch grammar27: verb frames and attribution placements of wire copy and bank notes
    Frame("is calling for", True),
    Frame("is looking for", True),
    Frame("sees room for", True),
    Frame("projects to", True),
    Frame("has a target of", True, ("at",)),
    Frame("reiterated its call", True, ("at",)),
    Frame("deadline first, according to X", False),
    Frame("will, according to X,", False),
    Frame("..., said X", False),
    Frame("in a note to clients, X said", False),
    # branch recall28: a reason that measures something against the market ("rate cuts may
    # come more slowly than the market expects") after the call; a target with a higher
    # call in a scenario after it ("..., higher still in an extreme scenario"), the scenario
    # that one's, not the target's
    Frame("than the market expects, X expects", True),
    Frame("a target of, higher still in a scenario", True, ("at",)),
)


@dataclass(frozen=True)
class FollowUp:
    """A second call by the same speaker, in the next sentence, on another asset."""

    form: str


FOLLOW_UPS = (
    FollowUp("none"),
    FollowUp("it also sees"),  # "It also sees silver rising to $60 by mid-2027."
    FollowUp("the bank also expects"),  # "The bank also expects ...", "The strategist also ..."
    FollowUp("its target for"),  # "Its target for silver is $60 by mid-2027."
    # several houses in one sentence: "..., while UBS, with a target of $60 for silver by
    # mid-2027, is more cautious." The second call is the other house's.
    FollowUp("while another house, with a target of"),
)


@dataclass(frozen=True)
class Aside:
    """A sentence after the call that looks like a call and is none (branch grammar27).

    A conditional ("If the Fed cuts faster, gold could even reach ..."), a move or a target
    whose deadline has passed, an open question: a careful reader logs nothing from it, so a
    claim read from it is "spurious". `{Asset}`, `{asset}`, `{far}`, `{old}`, `{last}`, `{Y}`
    and `{House}` are filled in by compose.
    """

    form: str
    sentences: tuple[str, ...]


ASIDES = (
    Aside("none", ("",)),
    Aside("conditional", (
        "If the Fed cuts rates faster, {asset} could even reach {far} by the end of {Y}.",
        "Should the dollar weaken further, {asset} could climb to {far} by the end of {Y}.",
    )),
    Aside("a past deadline", (
        "{Asset} had climbed to {old} by the end of {last}.",
        "At the start of {last}, analysts had expected {asset} to reach {old} by the end of"
        " that year.",
    )),
    Aside("an old target", (
        "In early {last}, {House} had forecast {asset} at {old} by the end of {last}.",
        "{House}'s previous target, set in {last}, was {old}.",
    )),
    Aside("an open question", (
        "Some traders wonder whether {asset} can reach {far} by the end of {Y}.",
        "Whether {asset} can climb to {far} by the end of {Y} is far from certain.",
    )),
)  # fmt: skip


@dataclass(frozen=True)
class SecondCall:
    """The parts of the follow-up's call: drawn like the first call's, the speaker shared."""

    asset: Asset
    level_form: LevelForm
    direction: Direction
    deadline: Deadline
    variant: int = 0


# Days an article is dated: January to May of two years, so "this year" and "the second
# half" are still ahead and a year named is never past.
ARTICLE_DAYS = tuple(
    date(year, month, day) for year in (2025, 2026) for month in (1, 2, 3, 4, 5) for day in (6, 19)
)

# ------------------------------------------------------------------ what is written


@dataclass(frozen=True)
class ExpectedCall:
    """What a careful reader logs for a composed call."""

    symbol: str
    family: str  # touch, hold, average
    side: str | None  # above / below; None where the words do not say (an average)
    level: float
    deadline: date
    speaker: str


@dataclass(frozen=True)
class Parts:
    """One choice of every part, and the variant of each wording (any int; taken modulo)."""

    speaker: Speaker
    frame: Frame
    asset: Asset
    level_form: LevelForm
    direction: Direction
    deadline: Deadline
    made_on: date
    house: int = 0
    person: int = 0
    variant: int = 0
    context: Context = CONTEXTS[0]
    follow_up: FollowUp = FOLLOW_UPS[0]
    second: SecondCall | None = None
    aside: Aside = ASIDES[0]

    def labels(self) -> dict[str, str]:
        """The part forms by name, for tallying failures by part."""
        return {
            "speaker": self.speaker.form,
            "frame": self.frame.form,
            "asset": self.asset.form,
            "level": self.level_form.form,
            "direction": self.direction.form,
            "deadline": self.deadline.form,
            "context": self.context.form,
            "follow-up": self.follow_up.form,
            "aside": self.aside.form,
        }


@dataclass(frozen=True)
class Generated:
    parts: Parts
    text: str
    made_on: date
    expected: tuple[ExpectedCall, ...]  # empty for a vague level: nothing to log


# The part values branch grammar27 added (wordings of real published text), by part: the bench
# and the tests tally the calls drawing any of them apart from those drawing none.
NEW27: dict[str, frozenset[str]] = {
    "speaker": frozenset(("possessive_role_comma_person", "person_from_house")),
    "frame": frozenset(
        f.form
        for f in FRAMES[FRAMES.index(next(f for f in FRAMES if f.form == "is calling for")) :]
    ),
    "asset": frozenset(
        a.form for a in ASSETS[ASSETS.index(next(a for a in ASSETS if a.form == "XAUUSD")) :]
    ),
    "level": frozenset(
        (
            "$5,055/toz",
            "US$5.1k",
            "5 055 dollars",
            "five thousand dollars",
            "a fresh record above $5,000",
        )
    ),
    "direction": frozenset(("exceed", "fall as low as")),
    "deadline": frozenset(
        (
            "by Q3 2027",
            "before year-end",
            "in 12M",
            "by the end of the first half",
            "by 2028",
            "within a month",
        )
    ),
    "aside": frozenset(a.form for a in ASIDES[1:]),
}


def uses_new_values(parts: Parts) -> bool:
    """Whether the call draws any part value branch grammar27 added."""
    labels = parts.labels()
    if any(labels[part] in forms for part, forms in NEW27.items()):
        return True
    second = parts.second
    return second is not None and (
        second.asset.form in NEW27["asset"]
        or second.level_form.form in NEW27["level"]
        or second.direction.form in NEW27["direction"]
        or second.deadline.form in NEW27["deadline"]
    )


# ------------------------------------------------------------------ compatibility


def compatible_frames(speaker: Speaker) -> tuple[Frame, ...]:
    opens_only = speaker.first_person or speaker.subject_only
    return tuple(f for f in FRAMES if f.first_person or not opens_only)


def compatible_level_forms(asset: Asset, frame: Frame | None = None) -> tuple[LevelForm, ...]:
    market = MARKETS[asset.symbol]
    forms = [form for form in LEVEL_FORMS if form.fits(market)]
    if frame is not None and frame.form == "raised from":  # no revision "from six figures"
        forms = [form for form in forms if not form.vague]
    if frame is not None and frame.directions is not None:  # "a target of a fresh record" no
        forms = [f for f in forms if f.form != "a fresh record above $5,000"]
    return tuple(forms)


_RECORD_DIRECTIONS = ("rise to", "reach", "surge to")


def compatible_directions(frame: Frame, level_form: LevelForm) -> tuple[Direction, ...]:
    allowed = [d for d in DIRECTIONS if frame.directions is None or d.form in frame.directions]
    if level_form.vague:  # "six figures" is a height to reach, not a floor or an average
        allowed = [d for d in allowed if d.form in ("rise to", "reach", "climb above", "at")]
    if level_form.form == "around $5,055":  # "around" after "to" or "at", not "above around"
        allowed = [d for d in allowed if not d.form.endswith(("above", "below", "as low as"))]
        allowed = [d for d in allowed if d.form != "exceed"]
    if level_form.form == "a fresh record above $5,000":  # a record is reached: "rise to", "hit"
        allowed = [d for d in allowed if d.form in _RECORD_DIRECTIONS]
    return tuple(allowed)


def compatible_deadlines(direction: Direction) -> tuple[Deadline, ...]:
    deadlines = [d for d in DEADLINES if getattr(d, direction.role)]
    if direction.form == "at":
        deadlines = [d for d in deadlines if not d.names_a_period]
    return tuple(deadlines)


# ------------------------------------------------------------------ composing


def combine(seed: int) -> tuple[str, tuple[ExpectedCall, ...]]:
    """One composed call, drawn with `seed`: its text and what a reader would log."""
    generated = compose(draw_parts(random.Random(seed)))
    return generated.text, generated.expected


def draw_parts(rng: random.Random) -> Parts:
    """Every part drawn independently, each among those that fit the parts drawn before."""
    speaker = rng.choice(SPEAKERS)
    frame = rng.choice(compatible_frames(speaker))
    asset = rng.choice(ASSETS)
    level_form = rng.choice(compatible_level_forms(asset, frame))
    direction = rng.choice(compatible_directions(frame, level_form))
    deadline = rng.choice(compatible_deadlines(direction))
    return Parts(
        speaker=speaker,
        frame=frame,
        asset=asset,
        level_form=level_form,
        direction=direction,
        deadline=deadline,
        made_on=rng.choice(ARTICLE_DAYS),
        house=rng.randrange(1000),
        person=rng.randrange(1000),
        variant=rng.randrange(1000),
        context=rng.choice(CONTEXTS),
        follow_up=(follow_up := rng.choice(FOLLOW_UPS)),
        second=draw_second_call(rng, asset, follow_up),
        aside=rng.choice(ASIDES),
    )


def draw_second_call(rng: random.Random, first: Asset, follow_up: FollowUp) -> SecondCall | None:
    """The follow-up's call: another series, named in full, a level that can be logged."""
    if follow_up.form == "none":
        return None
    asset = rng.choice(second_assets(first, follow_up))
    level_form = rng.choice(second_level_forms(asset))
    direction = rng.choice(second_directions(follow_up))
    deadline = rng.choice(second_deadlines(direction))
    return SecondCall(asset, level_form, direction, deadline, rng.randrange(1000))


def second_assets(first: Asset, follow_up: FollowUp | None = None) -> tuple[Asset, ...]:
    if follow_up is not None and follow_up.form == "while another house, with a target of":
        # a survey compares the houses' calls on one asset
        same = tuple(a for a in ASSETS if a.symbol == first.symbol and not a.needs_lead)
        return same or (first,)
    return tuple(a for a in ASSETS if a.symbol != first.symbol and not a.needs_lead)


def second_level_forms(asset: Asset) -> tuple[LevelForm, ...]:
    return tuple(
        f
        for f in compatible_level_forms(asset)
        if not f.vague and f.form != "a fresh record above $5,000"
    )


def second_deadlines(direction: Direction) -> tuple[Deadline, ...]:
    # "in the second half" after a sentence that named a later year is that year's (the
    # extractor's rule, and a reader's): not the made_on year's, so not composed here
    return tuple(d for d in compatible_deadlines(direction) if d.form != "in the second half")


def second_directions(follow_up: FollowUp) -> tuple[Direction, ...]:
    if follow_up.form in ("its target for", "while another house, with a target of"):
        # a target names a level to reach, no verb
        return tuple(d for d in DIRECTIONS if d.form == "at")
    return DIRECTIONS


def generate(count: int, seed: int = 0) -> list[Generated]:
    """`count` composed calls, the same for the same seed."""
    rng = random.Random(seed)
    return [compose(draw_parts(rng)) for _ in range(count)]


def _pick(options: Sequence[str], variant: int, salt: int) -> str:
    return options[(variant // (salt or 1)) % len(options)]


def compose(parts: Parts) -> Generated:
    """The article text of `parts` and the call a reader would log from it."""
    house = HOUSES[parts.house % len(HOUSES)]
    person = PEOPLE[parts.person % len(PEOPLE)]
    role = ROLES[(parts.person // 7) % len(ROLES)]
    market = MARKETS[parts.asset.symbol]
    levels = market.up if parts.direction.rising else market.down
    value = levels[parts.variant % len(levels)]
    level_text, value = parts.level_form.write(value, market, parts.variant // 3)
    year = parts.made_on.year + parts.deadline.year_offset
    deadline_text = _pick(getattr(parts.deadline, parts.direction.role), parts.variant, 5)
    deadline_text = deadline_text.replace("{Y}", str(year))
    move = _move(parts.direction, level_text, parts.variant)
    subject, agreement = _speaker_words(parts.speaker, house, person, role, parts.variant)
    # what the level was before a revision ("raised its forecast to $5,400 from $4,900")
    old_text, _ = parts.level_form.write(value * 0.9, market, parts.variant // 3)
    sentence = _sentence(
        parts.frame, subject, agreement, parts.asset.words, move, level_text, deadline_text,
        parts.variant, old_text,
    )  # fmt: skip
    lead = _lead(parts.speaker, parts.asset, house, market, person, role)
    context = _context(parts.context, market, parts.variant)
    if parts.context.form == "a closing remark":
        text = " ".join(filter(None, (lead, sentence, context)))
    else:
        text = " ".join(filter(None, (lead, context, sentence)))
    if parts.speaker.first_person:
        text = f"By {person}\n\n{text}"
    speaker_name = person if parts.speaker.first_person else house.name
    follow_text, second_expected = _follow_up(parts, house, person, speaker_name)
    if parts.follow_up.form == "while another house, with a target of" and follow_text:
        if sentence.endswith(".") and sentence in text:
            # the other house's call goes inside the first call's sentence
            text = text.replace(sentence, f"{sentence.removesuffix('.')}{follow_text}", 1)
        else:  # a sentence that closes on a quote: the other house's call follows it
            text = f"{text} {follow_text.removeprefix(', while ')}"
    else:
        text = " ".join(filter(None, (text, follow_text)))
    text = " ".join(filter(None, (text, _aside(parts, house, market))))
    expected = (
        ()
        if parts.level_form.vague
        else (
            ExpectedCall(
                symbol=market.symbol,
                family=parts.direction.family,
                side=parts.direction.side
                or ("above" if parts.context.gives_price and parts.direction.rising else None),
                level=value,
                deadline=parts.deadline.day(parts.made_on, year),
                speaker=speaker_name,
            ),
        )
    )
    return Generated(parts, text, parts.made_on, expected + second_expected)


def _follow_up(
    parts: Parts, house: House, person: str, speaker_name: str
) -> tuple[str, tuple[ExpectedCall, ...]]:
    """The follow-up sentence and its call, pointing back to the first call's speaker."""
    second = parts.second
    if second is None or parts.follow_up.form == "none":
        return "", ()
    market = MARKETS[second.asset.symbol]
    levels = market.up if second.direction.rising else market.down
    value = levels[second.variant % len(levels)]
    if parts.follow_up.form == "while another house, with a target of":
        # the houses of a survey differ: the other house's level is not the first call's
        first_levels = MARKETS[parts.asset.symbol]
        first = (first_levels.up if parts.direction.rising else first_levels.down)[
            parts.variant % len(first_levels.up if parts.direction.rising else first_levels.down)
        ]
        if value == first:
            value = levels[(second.variant + 1) % len(levels)]
    level_text, value = second.level_form.write(value, market, second.variant // 3)
    deadline = second.deadline
    if parts.follow_up.form == "while another house, with a target of" and (
        parts.deadline in second_deadlines(second.direction)
    ):
        # a survey asks every house about one horizon: the first call's
        deadline = parts.deadline
    year = parts.made_on.year + deadline.year_offset
    deadline_text = _pick(getattr(deadline, second.direction.role), second.variant, 5)
    deadline_text = deadline_text.replace("{Y}", str(year))
    infinitive, participle = _move(second.direction, level_text, second.variant)
    speaker = parts.speaker
    person_speaks = speaker.form in _PERSON_FORMS
    if speaker.first_person:
        pronoun, noun, owner, third = "I", "I", "My", False
    elif speaker.plural:
        pronoun, noun, owner, third = "They", "The analysts", "Their", False
    elif person_speaks:
        pronoun = "She" if person in _WOMEN else "He"
        noun, owner, third = "The strategist", "Her" if pronoun == "She" else "His", True
    else:
        pronoun, noun, owner, third = "It", _cap(house.noun), "Its", True
    sees = "sees" if third else "see"
    expects = "expects" if third else "expect"
    if parts.follow_up.form == "while another house, with a target of":
        index = HOUSES.index(house)
        other = HOUSES[(index + 1 + second.variant % (len(HOUSES) - 1)) % len(HOUSES)]
        stance = _pick(("is more cautious", "is less upbeat", "stands apart"), second.variant, 7)
        text = (
            f", while {other.name}, with a target of {level_text} for {second.asset.words}"
            f" {deadline_text}, {stance}."
        )
        speaker_name = other.name
    match parts.follow_up.form:
        case "while another house, with a target of":
            pass
        case "it also sees":
            text = f"{pronoun} also {sees} {second.asset.words} {participle} {deadline_text}."
        case "the bank also expects":
            text = f"{noun} also {expects} {second.asset.words} to {infinitive} {deadline_text}."
        case _:
            text = f"{owner} target for {second.asset.words} is {level_text} {deadline_text}."
    call = ExpectedCall(
        symbol=market.symbol,
        family=second.direction.family,
        side=second.direction.side,
        level=value,
        deadline=deadline.day(parts.made_on, year),
        speaker=speaker_name,
    )
    return text, (call,)


@dataclass(frozen=True)
class _Agreement:
    """The verb forms a subject takes."""

    third_singular: bool
    first_person: bool
    possessive: str  # its / their / my


def _speaker_words(
    speaker: Speaker, house: House, person: str, role: str, variant: int
) -> tuple[str, _Agreement]:
    team = _pick(TEAMS, variant, 11)
    words = {
        "house": house.name,
        "house_possessive_team": f"{house.possessive} {team}",
        "team_at_house": f"{team} at {house.name}",
        "the_house": house.noun,
        "possessive_role_person": f"{house.possessive} {role} {person}",
        "person_comma_role_at_house": f"{person}, {role} at {house.name},",
        "house_analyst_person": f"{house.name} {_pick(_TITLES, variant, 13)} {person}",
        "first_person_author": "I",
        "pronoun_after_intro": "she" if person in _WOMEN else "he",
        "the_house_team": f"{house.noun}'s {team}",
        "team_led_by": f"{team} at {house.name} led by {person}",
        "person_aside_role_at_house_after_opening": (
            f"{_pick(_OPENINGS, variant, 43)} {person}, {_a(role)} at {house.name},"
        ),
        "person_of_house_in_city": f"{person} of {house.name} in {_pick(_CITIES, variant, 47)}",
        "house_through_person": f"{house.name}, through {person},",
        "opening_phrase_house_through_its_role": (
            f"{_pick(_STANCES, variant, 53)} {house.name}, through its {role} {person},"
        ),
        "pronoun_after_subject_in_sentence": (
            f"{person} of {house.name} is more upbeat; {'she' if person in _WOMEN else 'he'}"
        ),
        "outlet_relays_house": f"{_pick(_OUTLETS, variant, 59)} {house.name}",
        "possessive_role_comma_person": f"{house.possessive} {role}, {person},",
        "person_from_house": f"{person} from {house.name}",
    }[speaker.form]  # fmt: skip
    possessive = "my" if speaker.first_person else "their" if speaker.plural else "its"
    if speaker.form in _PERSON_FORMS:
        possessive = "her" if person in _WOMEN else "his"
    return words, _Agreement(
        third_singular=not speaker.plural and not speaker.first_person,
        first_person=speaker.first_person,
        possessive=possessive,
    )


def _move(direction: Direction, level: str, variant: int) -> tuple[str, str]:
    """The move to `level` as infinitive and participle ("rise to $5,055", "rising to $5,055")."""
    infinitive = _pick(direction.infinitive, variant, 17)
    participle = _pick(direction.participle, variant, 17)
    return f"{infinitive} {level}", f"{participle} {level}"


def _verb(base: str, agreement: _Agreement) -> str:
    if not agreement.third_singular:
        return base
    if base.endswith(("s", "sh", "ch")):
        return base + "es"
    return base + "s"


def _sentence(
    frame: Frame,
    subject: str,
    agreement: _Agreement,
    asset: str,
    move: tuple[str, str],
    level: str,
    deadline: str,
    variant: int,
    old_level: str = "",
) -> str:
    infinitive, participle = move
    clean_subject = subject.rstrip(",")
    # the speaker after a preposition ("according to her")
    object_words = {"she": "her", "he": "him"}.get(subject, clean_subject)
    be = "am" if agreement.first_person else "is" if agreement.third_singular else "are"
    match frame.form:
        case "expects":
            return (
                f"{_cap(subject)} {_verb('expect', agreement)} {asset} to {infinitive} {deadline}."
            )
        case "sees":
            return f"{_cap(subject)} {_verb('see', agreement)} {asset} {participle} {deadline}."
        case "forecasts":
            verb = _pick(("forecast", "predict", "project"), variant, 19)
            said = f"{_cap(subject)} {_verb(verb, agreement)} that"
            return f"{said} {asset} will {infinitive} {deadline}."
        case "is targeting":
            return f"{_cap(subject)} {be} targeting {level} for {asset} {deadline}."
        case "lifted its forecast to":
            verb = _pick(("lifted", "raised", "revised up"), variant, 23)
            noun = _pick(("forecast", "price target", "target"), variant, 29)
            owned = f"{agreement.possessive} {noun}"
            return f"{_cap(subject)} {verb} {owned} for {asset} to {level} {deadline}."
        case "according to X":
            return f"According to {object_words}, {asset} will {infinitive} {deadline}."
        case "X said in a note":
            said = _pick(
                ("said in a note", "said in a research note", "wrote in a note to clients"),
                variant,
                31,
            )
            return f"{_cap(asset)} will {infinitive} {deadline}, {subject} {said}."
        case "quote, X said":
            quote = f'"We expect {asset} to {infinitive} {deadline},"'
            if subject.endswith(","):  # "said Jane Doe, head of research at Citi."
                return f"{quote} said {clean_subject}."
            return f"{quote} {clean_subject} said."
        case "said could":
            return f"{_cap(subject)} said {asset} could {infinitive} {deadline}."
        case "X, according to Y":
            return f"{_cap(asset)} could {infinitive} {deadline}, according to {object_words}."
        case "raised from":
            verb = _pick(("raised", "lifted"), variant, 23)
            owned = f"{agreement.possessive} forecast for {asset}"
            return f"{_cap(subject)} {verb} {owned} to {level} from {old_level} {deadline}."
        case "predicts will":
            predicts = f"{_cap(subject)} {_verb('predict', agreement)}"
            return f"{predicts} {asset} will {infinitive} {deadline}."
        case "told clients":
            said = _pick(("told clients", "told investors", "said in a report"), variant, 37)
            return f"{_cap(subject)} {said} {asset} is likely to {infinitive} {deadline}."
        case "is calling for":
            return f"{_cap(subject)} {be} calling for {asset} to {infinitive} {deadline}."
        case "is looking for":
            return f"{_cap(subject)} {be} looking for {asset} to {infinitive} {deadline}."
        case "sees room for":
            room = _pick(("room", "scope"), variant, 23)
            sees = f"{_cap(subject)} {_verb('see', agreement)} {room} for"
            return f"{sees} {asset} to {infinitive} {deadline}."
        case "projects to":
            return (
                f"{_cap(subject)} {_verb('project', agreement)} {asset} to {infinitive} {deadline}."
            )
        case "has a target of":
            have = "has" if agreement.third_singular else "have"
            target = _pick(
                ("a target of", "a price target of", "a year-ahead target of"), variant, 29
            )
            return f"{_cap(subject)} {have} {target} {level} for {asset} {deadline}."
        case "reiterated its call":
            verb = _pick(("reiterated", "stuck with", "stood by"), variant, 23)
            owned = f"{agreement.possessive} call"
            return f"{_cap(subject)} {verb} {owned} for {asset} at {level} {deadline}."
        case "deadline first, according to X":
            return f"{_cap(deadline)}, {asset} will {infinitive}, according to {object_words}."
        case "will, according to X,":
            return f"{_cap(asset)} will, according to {object_words}, {infinitive} {deadline}."
        case "..., said X":
            if subject in ("she", "he"):
                return f"{_cap(asset)} will {infinitive} {deadline}, {subject} said."
            return f"{_cap(asset)} will {infinitive} {deadline}, said {clean_subject}."
        case "in a note to clients, X said":
            return f"In a note to clients, {subject} said {asset} should {infinitive} {deadline}."
        case "than the market expects, X expects":
            reason = _pick(
                (
                    "arguing that rate cuts may come more slowly than the market expects",
                    "as inflation may cool faster than markets expect",
                    "noting that the Fed may cut less than the market is pricing",
                ),
                variant,
                43,
            )
            expects = f"{_cap(subject)} {_verb('expect', agreement)}"
            return f"{expects} {asset} to {infinitive} {deadline}, {reason}."
        case "a target of, higher still in a scenario":
            have = "has" if agreement.third_singular else "have"
            still = _pick(
                (
                    "higher still in an extreme scenario",
                    "more in a hypothetical squeeze",
                    "further in some extreme scenarios",
                ),
                variant,
                47,
            )
            return f"{_cap(subject)} {have} a target of {level} for {asset} {deadline}, {still}."
    raise ValueError(frame.form)  # pragma: no cover - every frame has a case


def _cap(words: str) -> str:
    return words[:1].upper() + words[1:]


def _context(context: Context, market: Market, variant: int) -> str:
    """The context sentence, with the asset named in plain words and its prices written."""
    sentence = _pick(context.sentences, variant, 41)

    def price(value: float) -> str:
        digits = _digits(value, market)
        return f"${digits}" if market.dollars else digits

    return (
        sentence.replace("{Asset}", _cap(market.plain_name))
        .replace("{now}", price(market.now))
        .replace("{past}", price(market.now * 1.02))
    )


def _aside(parts: Parts, house: House, market: Market) -> str:
    """The aside sentence: levels well away from the call's, years before the article's."""
    sentence = _pick(parts.aside.sentences, parts.variant, 61)

    def price(value: float) -> str:
        digits = _digits(value, market)
        return f"${digits}" if market.dollars else digits

    last = parts.made_on.year - 1
    return (
        sentence.replace("{Asset}", _cap(market.plain_name))
        .replace("{asset}", market.plain_name)
        .replace("{House}", house.name)
        .replace("{far}", price(max(market.up) * 1.3))
        .replace("{old}", price(market.now * 0.7))
        .replace("{last}", str(last))
        .replace("{Y}", str(parts.made_on.year + 1))
    )


def _a(role: str) -> str:
    """The role with its article ("an analyst", "a senior strategist", "the chief economist")."""
    if role.startswith(("head", "global head", "chief")):
        return f"the {role}"
    return f"an {role}" if role[:1] in "aeiou" else f"a {role}"


def _lead(
    speaker: Speaker, asset: Asset, house: House, market: Market, person: str, role: str
) -> str:
    """The sentence before the call that names what the call's words point back to."""
    if speaker.form in (
        "pronoun_after_subject_in_sentence",
        "opening_phrase_house_through_its_role",
    ):
        # another house's person first, whom the call's pronoun must not be read as
        other = HOUSES[(HOUSES.index(house) + 5) % len(HOUSES)]
        someone = PEOPLE[(PEOPLE.index(person) + 3) % len(PEOPLE)]
        about = f" on {market.plain_name}" if asset.needs_lead else ""
        return f"{someone} of {other.name} is cautious{about} this year."
    if speaker.form == "pronoun_after_intro":
        about = (
            f" {_cap(market.plain_name)} has been volatile this year." if asset.needs_lead else ""
        )
        return f"{person} is {role} at {house.name}.{about}"
    if speaker.needs_lead and asset.needs_lead:
        return f"{house.name} published its outlook for {market.plain_name} on Monday."
    if speaker.needs_lead:
        return f"{house.name} published its annual outlook on Monday."
    if asset.needs_lead:
        return f"{_cap(market.plain_name)} has been volatile this year."
    return ""


# ------------------------------------------------------------------ judging a reading


@dataclass(frozen=True)
class Reading:
    """One recorded claim as the protocol compares it (quality.Found carries these fields)."""

    symbol: str
    kind: str
    level: float | None
    deadline: date
    speaker: str | None


def problems(
    generated: Generated,
    readings: Sequence[Reading],
    same_speaker: Callable[[str | None, str | None], bool],
) -> tuple[str, ...]:
    """What went wrong in reading one composed call; empty when it was read right.

    The match is the protocol's (quality.py): same symbol, level within 1%, deadline within
    31 days; then the kind family, the side where the words name one, and the speaker
    (`same_speaker`, the protocol's strict comparison). A vague level must give no price
    claim. Anything recorded beyond the expected call is "spurious".
    """
    found_problems: dict[str, None] = {}
    for wanted in generated.expected:
        matched = [r for r in readings if _same_call(wanted, r)]
        if not matched:
            found_problems["missed"] = None
            continue
        found = matched[0]
        family, _, side = found.kind.partition("_")
        if family != wanted.family:
            found_problems["kind"] = None
        elif wanted.side is not None and side != wanted.side:
            found_problems["side"] = None
        if not same_speaker(found.speaker, wanted.speaker):
            found_problems["speaker"] = None
    if len(readings) > len(generated.expected):
        found_problems["spurious"] = None
    return tuple(found_problems)


def _same_call(wanted: ExpectedCall, reading: Reading) -> bool:
    if reading.symbol.replace("USDJPY=X", "JPY=X") != wanted.symbol or reading.level is None:
        return False
    if abs((reading.deadline - wanted.deadline).days) > 31:
        return False
    return abs(reading.level - wanted.level) <= 0.01 * abs(wanted.level) * (1 + 1e-9)
