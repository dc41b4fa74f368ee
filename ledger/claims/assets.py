"""Asset names → Yahoo symbols.

People write "gold", "BTC", "S&P 500" or "Nvidia's"; prices come from Yahoo,
which wants "GC=F", "BTC-USD", "^GSPC" and "NVDA". Names come from three
places, the first that knows a name winning: the user's own aliases, the
built-in aliases below (the assets the ledger is mostly used for), and the
instrument table shipped as data (S&P 500 companies, indices, commodities,
FX pairs, crypto; instruments.py). Any raw Yahoo symbol written in upper case
("AAPL", "7203.T") is taken as it is.

How a name is found in text:
- word-bounded: never inside a longer word ("pineapple") or a longer symbol
  ("BTC" in "BTC-USD"); a possessive is fine ("Nvidia's");
- at one place the longest name wins ("Bitcoin Cash" over "bitcoin");
- a name that is an ordinary word counts only as its table rule allows
  (capitalised "Apple", not "apple harvest"; "Target" only next to a stock
  word, since a claim's "target" is a level); see data/README.md;
- a lower-case ticker from the table ("nvda") is read with an assumption line.

A raw symbol must be written in upper case because ordinary words are not
tickers; a few upper-case words that are dates or units ("EOY", "Q3", "USD")
are never tickers either.

The lookup is built once per set of user aliases and cached: one pass over
the text's tokens with a dict probe at each, so it stays linear in the text
however many names the table holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from ledger.claims.instruments import NameRule, instrument_names, name_key
from ledger.claims.numbers import looks_like_level
from ledger.claims.pairs import MAX_SYMBOL_LENGTH, ratio_legs, ratio_symbol
from ledger.errors import ClaimError

BUILTIN_ALIASES: Mapping[str, str] = MappingProxyType(
    {
        "gold": "GC=F",
        "xau": "GC=F",
        "silver": "SI=F",
        "xag": "SI=F",
        "bitcoin": "BTC-USD",
        "btc": "BTC-USD",
        "ether": "ETH-USD",
        "ethereum": "ETH-USD",
        "eth": "ETH-USD",
        "s&p 500": "^GSPC",
        "s&p500": "^GSPC",
        "s&p": "^GSPC",
        "spx": "^GSPC",
        "oil": "CL=F",
        "crude oil": "CL=F",
        "crude": "CL=F",
        "wti": "CL=F",
        "eurusd": "EURUSD=X",
        "eur/usd": "EURUSD=X",
    }
)

# One name per built-in symbol: the names claim texts written by the ledger use.
KNOWN_NAMES = ("gold", "silver", "bitcoin", "ether", "S&P 500", "oil", "EUR/USD")
# Shown after KNOWN_NAMES in "names no asset" errors, so the table's reach is visible.
_HINT_NAMES = ("Nvidia", "Nasdaq 100", "copper", "USD/JPY", "solana")

# A plausible price for each built-in symbol, so that suggested corrections read naturally.
EXAMPLE_LEVELS: Mapping[str, str] = MappingProxyType(
    {
        "GC=F": "$5055",
        "SI=F": "$50",
        "BTC-USD": "80000",
        "ETH-USD": "$4000",
        "^GSPC": "7000",
        "CL=F": "$60",
        "EURUSD=X": "1.2",
    }
)
DEFAULT_EXAMPLE_LEVEL = "100"

# Upper-case tokens that look like tickers but are dates, units or plain words.
NOT_SYMBOLS = frozenset(
    (
        "A", "I", "AM", "PM", "ET", "UTC", "GMT", "EOD", "EOY", "EOM", "EOQ", "YTD", "MTD", "QTD",
        "YE", "FY", "USD", "EUR", "GBP", "JPY", "CHF", "US", "USA", "UK", "EU", "Q1", "Q2", "Q3",
        "Q4", "H1", "H2", "1H", "2H", "1Q", "2Q", "3Q", "4Q", "BY", "ON", "IN", "AT", "TO", "OF",
        "THE", "AND", "OR", "IF", "IS", "IT", "BE", "WILL", "END", "MID", "NEXT", "THIS", "YEAR",
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "SEPT", "OCT", "NOV", "DEC",
        "JANUARY", "FEBRUARY", "MARCH", "APRIL", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER",
        "NOVEMBER", "DECEMBER", "ATH", "ATL", "CEO", "IMO", "OK",
    )
)  # fmt: skip

# "AAPL", "^GSPC", "GC=F", "BTC-USD", "EURUSD=X", "7203.T", "BRK-B".
_SYMBOL_RE = re.compile(r"\^?[A-Z0-9]+(?:[.\-=][A-Z0-9]+)*", re.ASCII)
_TOKEN_RE = re.compile(r"\S+")
_TOKEN_EDGES = "()[]{}\"'.,;:!?"

# Names are probed at the start of each word token; punctuation is a token of its own,
# so "S&P 500", "EUR/USD" and "U.S. Bancorp" are runs of tokens like any other name.
_NAME_TOKEN_RE = re.compile(r"[A-Za-z0-9]+|[^\sA-Za-z0-9]", re.ASCII)
# Not inside a longer word or symbol: "BTC" in "BTC-USD", "EURUSD" in "EURUSD=X".
_BLOCKS_START = re.compile(r"[\w&^=/.-]", re.ASCII)
_BLOCKS_END = re.compile(r"[\w&=/]|-[A-Za-z]", re.ASCII)
# Small words that stay lower case inside a capitalised name: "Bank of America".
_LOWER_INSIDE_NAMES = frozenset(("of", "the", "and", "for", "de", "du", "on", "&"))
# What makes a `context` name a stock: a stock word after it, or "shares of" before it, or
# its ticker in brackets, in capitals ("Bank of America (BAC)"; "(BofA)" is the bank's
# short name, not a ticker).
_STOCK_AFTER = re.compile(
    r"(?:'s)?(?:\s+(?:stock|stocks|shares|share|equity|inc|corp|corporation|co|plc)\b"
    r"|\s*\((?:[A-Za-z]+:\s*)?(?-i:[A-Z][A-Z.\-]*)\))",
    re.IGNORECASE | re.ASCII,
)
_STOCK_BEFORE = re.compile(r"\b(?:shares|stock|stocks)\s+(?:of|in)\s+$", re.IGNORECASE | re.ASCII)

# Words around an unknown name that are not the name: fillers the claim language ignores.
_NOT_A_NAME = frozenset(
    (
        "a", "an", "the", "to", "at", "of", "on", "in", "by", "for", "with", "from", "over",
        "under", "up", "down", "and", "or", "per", "its", "it", "will", "would", "could",
        "should", "may", "might", "can", "be", "is", "are", "was", "price", "prices", "stock",
        "stocks", "share", "shares", "says", "said", "see", "sees", "expect", "expects",
        "target", "level", "about", "around", "near", "than", "more", "less", "still", "again",
        "new", "high", "low", "all", "time", "i", "we", "my", "our", "think", "reach", "hit",
    )
)  # fmt: skip
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z0-9&.'\-]*", re.ASCII)


# A ratio of two assets: "gold/silver ratio", "ETH/BTC", "GC=F/SI=F", "gold-to-silver ratio".
# Each side is one name (an alias or a symbol); the whole must not be an alias ("EUR/USD").
_RATIO_SIDE = r"[A-Za-z0-9^=&]+(?:[.\-][A-Za-z0-9=]+)*"
_RATIO_RE = re.compile(
    rf"(?<![\w^=.&/-])(?P<a>{_RATIO_SIDE})\s*/\s*(?P<b>{_RATIO_SIDE})(?![\w/])"
    r"(?P<word>\s+ratio\b)?",
    re.ASCII | re.IGNORECASE,
)
_RATIO_TO_RE = re.compile(
    r"(?<![\w^=.&/-])(?P<a>[A-Za-z0-9^=&]+)(?:\s+|-)to(?:\s+|-)(?P<b>[A-Za-z0-9^=&]+)"
    r"(?P<word>\s+ratio\b)",
    re.ASCII | re.IGNORECASE,
)
RATIO_ASSUMPTION = (
    "a ratio is judged on daily closes, on the days both assets traded: their intraday highs"
    " and lows are not simultaneous, so a touch needs a close at the level"
)


@dataclass(frozen=True)
class AssetMatch:
    """An asset mention: what the user wrote, the Yahoo symbol, and where.

    `note` is the assumption a reading made, if any ("'nvda' read as NVDA").
    """

    asset: str
    symbol: str
    span: tuple[int, int] = (0, 0)
    note: str | None = None


@dataclass(frozen=True)
class _Entry:
    symbol: str
    rule: NameRule
    checked: bool = False  # a user alias: its symbol is checked when it is used


def looks_like_symbol(token: str) -> bool:
    """Whether an upper-case token can be taken as a raw Yahoo symbol."""
    return (
        len(token) <= 20
        and _SYMBOL_RE.fullmatch(token) is not None
        and re.search(r"[A-Z]", token) is not None
        and token not in NOT_SYMBOLS
        and not looks_like_level(token)
    )


def builtin_names() -> Mapping[str, str]:
    """Every built-in name (the aliases above and the instrument table) and its symbol."""
    return _base_names()


@lru_cache(maxsize=1)
def _base_names() -> Mapping[str, str]:
    names = {key: entry.symbol for key, entry in instrument_names().items()}
    names.update(BUILTIN_ALIASES)
    return MappingProxyType(names)


@lru_cache(maxsize=1)
def _base_entries() -> Mapping[str, _Entry]:
    entries = {key: _Entry(entry.symbol, entry.rule) for key, entry in instrument_names().items()}
    entries.update({key: _Entry(symbol, NameRule.ANY) for key, symbol in BUILTIN_ALIASES.items()})
    return MappingProxyType(entries)


_RESOLVED_KEPT = 10_000


class AssetTable:
    """Every name the ledger knows for one set of user aliases, ready to search text with.

    Build it with `asset_table(aliases)` (cached), not directly: building it
    walks the whole instrument table.
    """

    def __init__(self, user_aliases: Iterable[tuple[str, str]]) -> None:
        entries = dict(_base_entries())
        self.user_aliases: dict[str, str] = {}
        for key, symbol in user_aliases:
            self.user_aliases[key] = symbol
            entries[key] = _Entry(symbol, NameRule.ANY, checked=symbol != BUILTIN_ALIASES.get(key))
        self._entries = entries
        # Every name cut after each of its tokens ("nasdaq", "nasdaq 100"): reading
        # forward from a token stops at the first run of tokens no name starts with,
        # so most tokens of a text cost one set probe.
        prefixes: set[str] = set()
        for key in entries:
            for token in _NAME_TOKEN_RE.finditer(key):
                prefixes.add(key[: token.end()])
        self._prefixes = frozenset(prefixes)
        # `resolve_asset`'s answers for this table (a structured import names a
        # few assets 100k times): only names that resolved, so errors are raised
        # afresh, and at most _RESOLVED_KEPT of them (the table lives as long as the process).
        self.resolved: dict[str, AssetMatch] = {}

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and name_key(key) in self._entries

    def symbol(self, name: str) -> str | None:
        """The symbol a name means (whatever its case rule), or None."""
        entry = self._entries.get(name_key(name))
        return entry.symbol if entry else None

    def checked(self, match: AssetMatch) -> AssetMatch:
        """`match`, after checking that a user alias it came from points at a usable symbol."""
        entry = self._entries.get(name_key(match.asset))
        if entry is not None and entry.checked and entry.symbol == match.symbol:
            _checked_symbol(match.asset, match.symbol)
        return match

    def name_mentions(self, text: str) -> list[AssetMatch]:
        """Every name of the table in `text`, leftmost first, the longest at each place."""
        tokens = [(m.start(), m.end()) for m in _NAME_TOKEN_RE.finditer(text)]
        found: list[AssetMatch] = []
        index = 0
        prefixes = self._prefixes
        while index < len(tokens):
            start, first_end = tokens[index]
            best: tuple[int, AssetMatch] | None = None
            if text[start:first_end].lower() in prefixes and not (
                start and _BLOCKS_START.match(text, start - 1)
            ):
                last = index
                while last < len(tokens):
                    end = tokens[last][1]
                    if last > index and name_key(text[start:end]) not in prefixes:
                        break
                    match = self._match_at(text, start, end)
                    if match is not None:
                        best = (last, match)  # the longest so far
                    last += 1
            if best is not None:
                found.append(best[1])
                index = best[0]
            index += 1
        return found

    def names_at(self, text: str, span: tuple[int, int]) -> bool:
        """Whether the table's own rule reads `text[span]` as its name there.

        "KKR" is both a firm and its ticker; the table reads it as the stock only next to a
        stock word, so a raw upper-case "KKR" in "KKR: 7,600" is not the stock.
        """
        return self._match_at(text, *span) is not None

    def _match_at(self, text: str, start: int, end: int) -> AssetMatch | None:
        written = text[start:end]
        entry = self._entries.get(name_key(written))
        if entry is None or _BLOCKS_END.match(text, end):
            return None
        shown = " ".join(written.split())
        note = None
        if entry.rule is NameRule.CAPITALISED and not _capitalised(shown):
            return None
        if entry.rule is NameRule.CONTEXT and not (
            _capitalised(shown)
            and (_STOCK_AFTER.match(text, end) or _STOCK_BEFORE.search(text, 0, start))
        ):
            return None
        if entry.rule is NameRule.TICKER and shown != entry.symbol:
            note = f"'{shown}' read as {entry.symbol}"
        return AssetMatch(shown, entry.symbol, (start, end), note)


def _capitalised(written: str) -> bool:
    """Every word written with a capital ("Best Buy", "APPLE", "Bank of America")."""
    for word in written.split():
        letter = next((c for c in word if c.isalpha()), None)
        if letter is not None and not letter.isupper() and word not in _LOWER_INSIDE_NAMES:
            return False
    return True


def asset_table(aliases: Mapping[str, str] | AssetTable | None = None) -> AssetTable:
    """The lookup for these user aliases (lower-case alias → symbol), built once and cached."""
    if isinstance(aliases, AssetTable):
        return aliases
    items = []
    for alias, symbol in (aliases or {}).items():
        key = name_key(str(alias))
        if key:
            items.append((key, str(symbol).strip()))
    return _cached_table(tuple(items))


@lru_cache(maxsize=64)
def _cached_table(items: tuple[tuple[str, str], ...]) -> AssetTable:
    return AssetTable(items)


def _checked_symbol(alias: str, symbol: str) -> str:
    """A user alias must point at something that canonical text can name again."""
    if not looks_like_symbol(symbol):
        raise ClaimError(
            f"alias '{alias}' points to '{symbol}', which is not a Yahoo symbol like AAPL or GC=F"
        )
    return symbol


def _raw_symbols(text: str) -> list[AssetMatch]:
    found = []
    for token in _TOKEN_RE.finditer(text):
        raw = token[0]
        stripped = raw.lstrip(_TOKEN_EDGES)
        start = token.start() + len(raw) - len(stripped)
        stripped = stripped.rstrip(_TOKEN_EDGES)
        if looks_like_symbol(stripped):
            found.append(AssetMatch(stripped, stripped, (start, start + len(stripped))))
    return found


def _all_mentions(text: str, table: AssetTable) -> list[AssetMatch]:
    mentions = table.name_mentions(text) + _raw_symbols(text)
    # Leftmost first; at the same place the longer reading ("BTC-USD" over "BTC"), and
    # a name over a raw symbol of the same length ("SPX" is ^GSPC).
    mentions.sort(key=lambda m: (m.span[0], -(m.span[1] - m.span[0])))
    return mentions


def asset_mentions(
    text: str, aliases: Mapping[str, str] | AssetTable | None = None
) -> list[AssetMatch]:
    """Every asset mention in `text`, in order, none overlapping another.

    User aliases are not checked here; `AssetTable.checked` does that for the
    mention a caller uses.
    """
    kept: list[AssetMatch] = []
    for mention in _all_mentions(text, asset_table(aliases)):
        if not kept or mention.span[0] >= kept[-1].span[1]:
            kept.append(mention)
    return kept


def _blank(text: str, span: tuple[int, int]) -> str:
    start, end = span
    return text[:start] + " " * (end - start) + text[end:]


def _ratio_side(name: str, table: AssetTable) -> tuple[str, str] | None:
    symbol = table.symbol(name)
    if symbol is not None:
        return name, symbol
    if looks_like_symbol(name):
        return name, name
    return None


def _ratios(text: str, table: AssetTable) -> list[AssetMatch]:
    """Ratio mentions ("gold/silver ratio"): one compound asset each."""
    found = []
    for pattern in (_RATIO_RE, _RATIO_TO_RE):
        for match in pattern.finditer(text):
            if f"{match['a']}/{match['b']}" in table:  # "EUR/USD" is one asset, not a ratio
                continue
            numerator = _ratio_side(match["a"], table)
            denominator = _ratio_side(match["b"], table)
            if numerator is None or denominator is None:
                continue
            if numerator[1] == denominator[1]:
                raise ClaimError(
                    f"'{match[0].strip()}' divides {numerator[1]} by itself: a ratio names two"
                    " assets, like gold/silver"
                )
            symbol = ratio_symbol(numerator[1], denominator[1])
            if len(symbol) > MAX_SYMBOL_LENGTH:
                raise ClaimError(
                    f"ratio symbol '{symbol}' is longer than {MAX_SYMBOL_LENGTH} characters"
                )
            asset = f"{numerator[0]}/{denominator[0]} ratio"
            found.append(AssetMatch(asset, symbol, match.span()))
    return found


def find_asset_mentions(
    text: str,
    aliases: Mapping[str, str] | AssetTable | None = None,
    extra: Mapping[str, str] | None = None,
    *,
    check: bool = True,
) -> tuple[list[AssetMatch], str]:
    """Every asset mentioned in `text`, leftmost first, and the text with them blanked.

    A ratio ("gold/silver ratio") is one mention of a compound asset. `extra`
    adds names for this reading only ("crypto" when two assets are compared);
    the user's own aliases win over them. With `check`, every mention that
    came from a user alias has its symbol checked.
    """
    table = asset_table(aliases)
    if extra:
        merged = dict(extra)
        merged.update(table.user_aliases)
        table = asset_table(merged)
    ratios = _ratios(text, table)
    rest = text
    for mention in ratios:
        rest = _blank(rest, mention.span)
    kept: list[AssetMatch] = []
    for mention in _all_mentions(rest, table):
        if kept and mention.span[0] < kept[-1].span[1]:
            continue  # the same words read twice ("BTC" as an alias and as a symbol)
        kept.append(mention)
    kept = sorted(ratios + kept, key=lambda m: m.span[0])
    for mention in kept:
        rest = _blank(rest, mention.span)
    if check:
        kept = [table.checked(mention) for mention in kept]
    return kept, rest


def find_assets(
    text: str, aliases: Mapping[str, str] | AssetTable | None = None
) -> tuple[AssetMatch | None, str]:
    """The first asset mentioned in `text`, and the text with every asset mention blanked.

    Later mentions are blanked too, so that "S&P 500" in "gold beats the
    S&P 500" is never read as a level of 500.
    """
    table = asset_table(aliases)
    mentions, rest = find_asset_mentions(text, table, check=False)
    if not mentions:
        return None, text
    return table.checked(mentions[0]), rest


def unknown_name(rest: str) -> str | None:
    """The words most likely meant as the asset in text where no asset was found.

    `rest` is the claim with its date, direction words and level blanked. The
    first capitalised run of words is taken ("Palantir Technologies"), else
    the first word the claim language ignores anyway is not ("rheinmetall").
    """
    words = [m for m in _WORD_RE.finditer(rest) if m[0].lower().rstrip(".") not in _NOT_A_NAME]
    if not words:
        return None
    run = [words[0]]
    if words[0][0][0].isupper():
        for word in words[1:]:
            between = rest[run[-1].end() : word.start()]
            if not word[0][0].isupper() or between != " ":
                break
            run.append(word)
    name = rest[run[0].start() : run[-1].end()]
    name = re.sub(r"(?:'s?|[.\-'])+$", "", name)
    return name[:40] or None


def resolve_asset(name: str, aliases: Mapping[str, str] | AssetTable | None = None) -> AssetMatch:
    """One asset named on its own (a structured field): a name or a Yahoo symbol, any case.

    A field says which asset it is, so a name's case rule does not apply here:
    `asset: apple` in an import file is Apple.
    """
    written = " ".join(str(name).split())
    table = asset_table(aliases)
    known = table.resolved.get(written)
    if known is None:
        known = _resolve_asset(written, table, aliases)
        if len(table.resolved) < _RESOLVED_KEPT:
            table.resolved[written] = known
    return known


def _resolve_asset(
    written: str, table: AssetTable, aliases: Mapping[str, str] | AssetTable | None
) -> AssetMatch:
    symbol = table.symbol(written)
    if symbol is None and "/" in written:
        ratios = _ratios(written, table)
        if len(ratios) == 1 and ratios[0].span == (0, len(written)):
            return ratios[0]
        legs = ratio_legs(written.upper())
        if legs is not None and all(looks_like_symbol(leg) for leg in legs):
            return AssetMatch(written.upper(), written.upper(), (0, len(written)))
    if symbol is not None:
        return table.checked(AssetMatch(written, symbol, (0, len(written))))
    if looks_like_symbol(written.upper()):
        return AssetMatch(written, written.upper(), (0, len(written)))
    raise ClaimError(f"unknown asset '{written}': {known_assets_hint(aliases)}")


def known_assets_hint(aliases: Mapping[str, str] | AssetTable | None = None) -> str:
    """The short list of names that work, for error messages."""
    own = asset_table(aliases).user_aliases
    names = list(KNOWN_NAMES) + list(_HINT_NAMES) + sorted(own)[:3]
    return f"known: {', '.join(names)}, ...; or a Yahoo symbol like AAPL"


def example_level(symbol: str | None) -> str:
    """A level that reads naturally for `symbol` in a suggested claim."""
    return EXAMPLE_LEVELS.get(symbol or "", DEFAULT_EXAMPLE_LEVEL)
