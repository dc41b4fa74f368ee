"""Exchange rates as articles write them, rewritten into the pair and the plain number.

The claim language reads "GBP/USD at 1.05"; FX columns write the same call as "£1 =
$1.05", "the pound worth $1.05", "1 dollar = 155 yen", "the Aussie at US73¢", "the dollar
at R$5,50" or, in Europe, "EUR/USD at 1,10". Each form names the pair by its quote
currency, so the rewrite is safe only where that currency is written: "the pound" becomes
GBP/USD only before a dollar level, never in "the pound at 1.17 euros". Applied to a
sentence before the general rewrites (`prepare`).
"""

from __future__ import annotations

import re

# What may sit between a currency's name and its level: no sentence end ("$1.22." is
# not one: a dot before a digit is a decimal point).
_GAP = r"(?=(?:[^.;:\n]|\.(?=\d)){0,60}?"

# "1,10", "0,90", "1,1098", "R$5,50": a comma before one or two digits (or four) is a
# decimal comma; a thousands comma is always followed by three ("1,100").
_DECIMAL_COMMA = re.compile(r"(?<![\w,.])(\d{1,2}),(\d{1,2}|\d{4})(?![\d,])")

# "£1 = $0.975", "£1 worth $1.07", "€1 = $1.10": one unit of the base in dollars
_UNIT_IN_DOLLARS = re.compile(
    r"(?P<base>[£€])\s?1\s*(?:=|is\s+worth|worth|buys)\s*(?:US)?\$\s?(?=\d)", re.IGNORECASE
)
_BASE_PAIR = {"£": "GBP/USD at ", "€": "EUR/USD at "}

# "1 dollar = 155 yen", "$1 = 155 yen": dollar-yen as yen per dollar
_DOLLAR_IN_YEN = re.compile(
    r"(?:\b1\s+(?:US\s+|U\.S\.\s+)?dollar|(?:US)?\$\s?1)\s*=\s*(?P<level>\d{2,3}(?:\.\d+)?)\s*yen\b",
    re.IGNORECASE,
)

# "the yen at 164 per dollar", "expects the yen to strengthen to 140 yen to the dollar", "the
# rupee to weaken to 90 per dollar", "the loonie at 1.35 per U.S. dollar": a currency quoted in
# units per dollar has that level as the dollar pair's; its own verbs then say the opposite of
# the pair's (a stronger yen is a lower USD/JPY), so they are turned over. Each name with the
# pair it gives and the unit an article may write after the level.
_PER_DOLLAR_CURRENCIES = (
    (r"(?:Japanese\s+)?yen", "USD/JPY", r"yen"),
    (r"(?:Canadian\s+dollar|loonie)", "USD/CAD", r"(?:Canadian\s+dollars?|C\$)"),
    (r"Swiss\s+franc", "USD/CHF", r"(?:Swiss\s+)?francs?"),
    (r"(?:Chinese\s+)?(?:yuan|renminbi)", "USD/CNY", r"(?:yuan|renminbi)"),
    (r"(?:Indian\s+)?rupee", "USD/INR", r"rupees?"),
    (r"Mexican\s+peso", "USD/MXN", r"pesos?"),
)
_PER_DOLLAR = (
    r"(?:per|to\s+the|against\s+the|a)\s+(?:(?:US|U\.S\.|American)\s+)?(?:dollar|greenback)\b"
)
_QUOTED_PER_DOLLAR = tuple(
    (
        re.compile(
            rf"\bthe\s+{name}\b(?P<gap>(?:[^.;:\n]|\.(?=\d)){{0,80}}?)(?<![\w.,$])"
            rf"(?P<level>\d{{1,3}}(?:\.\d+)?)\s*(?:{unit}\s+)?{_PER_DOLLAR}",
            re.IGNORECASE,
        ),
        pair,
    )
    for name, pair, unit in _PER_DOLLAR_CURRENCIES
)
_AGAINST_THE_DOLLAR = re.compile(
    r"\s+(?:against|versus|vs\.?|to)\s+the\s+(?:(?:US|U\.S\.)\s+)?(?:dollar|greenback)\b",
    re.IGNORECASE,
)
# "the euro to rise to 1.22 against the dollar", "sterling at 1.38 versus the greenback": a
# currency quoted in dollars, its level followed by the dollar it is quoted in, is that level in
# dollars ("$1.22"), which the forms below and the asset table read as the pair's.
_LEVEL_AGAINST_THE_DOLLAR = re.compile(
    r"(?P<head>\b(?:the\s+(?:euro|single\s+currency|(?:British\s+)?pound|Aussie"
    r"|(?:Australian|New\s+Zealand)\s+dollar|kiwi)|sterling|(?:EUR|GBP|AUD|NZD)/USD)\b"
    r"(?:[^.;:\n$]|\.(?=\d)){0,80}?)(?<![\w.,$])(?P<level>[0-2]\.\d{1,4})"
    + _AGAINST_THE_DOLLAR.pattern,
    re.IGNORECASE,
)
_YEN_VERBS = {
    "strengthen": "fall", "strengthens": "falls", "strengthening": "falling",
    "strengthened": "fell", "appreciate": "fall", "appreciates": "falls",
    "appreciating": "falling", "firm": "fall", "firms": "falls", "firming": "falling",
    "weaken": "rise", "weakens": "rises", "weakening": "rising", "weakened": "rose",
    "depreciate": "rise", "depreciates": "rises", "depreciating": "rising",
    "stronger": "lower", "weaker": "higher",
    "rise": "fall", "rises": "falls", "rising": "falling", "rose": "fell",
    "gain": "fall", "gains": "falls", "gaining": "falling", "climb": "fall", "climbs": "falls",
    "fall": "rise", "falls": "rises", "falling": "rising", "fell": "rose",
    "drop": "rise", "drops": "rises", "dropping": "rising", "slide": "rise", "slides": "rises",
    "decline": "rise", "declines": "rises", "slump": "rise", "slumps": "rises",
}  # fmt: skip
_YEN_VERB = re.compile(r"\b(" + "|".join(_YEN_VERBS) + r")\b", re.IGNORECASE)


def _as_the_dollar_pair(match: re.Match[str], pair: str) -> str:
    """ "the yen to strengthen ... to 140 per dollar" -> "USD/JPY to fall ... to 140"."""
    gap = _AGAINST_THE_DOLLAR.sub("", match["gap"])
    gap = _YEN_VERB.sub(lambda m: _YEN_VERBS[m[1].lower()], gap)
    return f"{pair}{gap}{match['level']}"


# "the pound", "sterling", "the British pound" before a dollar level: GBP/USD
_POUND_IN_DOLLARS = re.compile(
    r"\b(?:the\s+(?:British\s+)?pound|(?:the\s+)?(?:British\s+)?pound\s+sterling|sterling)\b"
    + _GAP
    + r"(?<![\w$])(?:US)?\$\s?[01]\.\d)",
    re.IGNORECASE,
)
# "the Australian dollar", "the Aussie" before a level in US dollars or cents: AUD/USD
_AUSSIE_IN_DOLLARS = re.compile(
    r"\bthe\s+(?:Australian\s+dollar|Aussie(?:\s+dollar)?)\b"
    + _GAP
    + r"(?:\bUS\s?\$?\s?0?\.?\d|\$\s?0\.\d|\b0\.\d\d|\d\s?(?:¢|US\s+cents?\b|cents?\b)))",
    re.IGNORECASE,
)
# "the New Zealand dollar", "the kiwi" before such a level: NZD/USD
_KIWI_IN_DOLLARS = re.compile(
    r"\bthe\s+(?:New\s+Zealand\s+dollar|kiwi(?:\s+dollar)?)\b"
    + _GAP
    + r"(?:\bUS\s?\$?\s?0?\.?\d|\$\s?0\.\d|\b0\.\d\d|\d\s?(?:¢|US\s+cents?\b|cents?\b)))",
    re.IGNORECASE,
)
# "the dollar at R$5.50", "the exchange rate at R$5.80": Brazil's quote, reais per dollar,
# USD/BRL
_DOLLAR_IN_REAIS = re.compile(
    r"\bthe\s+(?:(?:U\.?S\.?\s+)?dollar\b(?!\s+index)|exchange\s+rate\b)" + _GAP + r"R\$\s?\d)",
    re.IGNORECASE,
)
_REAIS = re.compile(r"\bR\$\s?(?=\d)")

# "US73¢", "US78.50¢", "73 US cents": a level in US cents, written in dollars
_US_CENTS = re.compile(
    r"\bUS\s?(?P<cents>\d{1,2}(?:\.\d+)?)\s?(?:¢|c\b|cents?\b)"
    r"|(?<![\w.$])(?P<bare>\d{1,2}(?:\.\d+)?)\s?(?:¢|US\s?cents?\b)",
    re.IGNORECASE,
)

# Plain "73 cents" is a level in dollars only beside a pair quoted in US cents.
_CENT_QUOTED_PAIR = re.compile(r"\b(?:AUD|NZD)/USD\b")
_CENTS = re.compile(r"(?<![\w.$])(?P<bare>\d{1,2}(?:\.\d+)?)[\s-]?cents?\b", re.IGNORECASE)


def fx_forms(text: str) -> str:
    """The sentence with its exchange-rate forms written as the claim language reads them."""
    work = _DECIMAL_COMMA.sub(r"\1.\2", text)
    work = _UNIT_IN_DOLLARS.sub(lambda m: _BASE_PAIR[m["base"]], work)
    work = _DOLLAR_IN_YEN.sub(lambda m: f"USD/JPY at {m['level']}", work)
    for pattern, pair in _QUOTED_PER_DOLLAR:
        work = pattern.sub(lambda m, pair=pair: _as_the_dollar_pair(m, pair), work)
    work = _LEVEL_AGAINST_THE_DOLLAR.sub(lambda m: f"{m['head']}${m['level']}", work)
    work = _POUND_IN_DOLLARS.sub("GBP/USD", work)
    work = _AUSSIE_IN_DOLLARS.sub("AUD/USD", work)
    work = _KIWI_IN_DOLLARS.sub("NZD/USD", work)
    if _DOLLAR_IN_REAIS.search(work):
        work = _REAIS.sub("", _DOLLAR_IN_REAIS.sub("USD/BRL", work))
    work = _US_CENTS.sub(_cents_as_dollars, work)
    if _CENT_QUOTED_PAIR.search(work):
        work = _CENTS.sub(_cents_as_dollars, work)  # "AUD/USD at 73 cents"
    return work


def _cents_as_dollars(match: re.Match[str]) -> str:
    """The same level in dollars: "US73¢" is $0.73, "US78.50¢" $0.785."""
    cents = float(match.groupdict().get("cents") or match["bare"])
    return f"${cents / 100:.6f}".rstrip("0").rstrip(".")
