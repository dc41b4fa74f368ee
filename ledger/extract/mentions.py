"""Which assets a sentence names, which is each call's subject, and what later
sentences remember of them ("the metal", "the index", the price of the day).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ledger.claims import assets
from ledger.claims.instruments import symbols_in
from ledger.claims.numbers import LevelMatch
from ledger.errors import ClaimError
from ledger.extract.crosses import cross_spans
from ledger.extract.house_names import is_organization
from ledger.extract.patterns import asset_words, speaker_phrases
from ledger.extract.speakers import SpeakerReading
from ledger.extract.state import Context, Mention, Settings
from ledger.extract.textops import phrase_regex

_OTHER_ASSET = re.compile(phrase_regex(asset_words.OTHER_ASSETS), re.IGNORECASE)
_OTHER_ASSET_KEYS = frozenset(asset_words.OTHER_ASSETS)
_SHOWN_IN_DOLLARS = re.compile(asset_words.SHOWN_IN_DOLLARS, re.IGNORECASE)
# "$6 per pound", "$5.20 a pound", "$4.75/lb": a level in the unit COMEX copper (HG=F) trades in
_PER_POUND = re.compile(r"\d\s*(?:(?:a|per|an?\s+)\s*pound|/\s*lbs?\b|\s*(?:per|a)\s+lb\b)", re.I)
_PER_TONNE = re.compile(r"\b(?:tonnes?|tons?|mt)\b", re.IGNORECASE)
_QUOTED_PER_POUND = frozenset(("copper",))
_NOT_PRICE_AFTER_ASSET = re.compile(
    r"^\s*(?:'s\s+)?" + phrase_regex(asset_words.NOT_THE_PRICE_AFTER), re.IGNORECASE
)
# After a company's name, its "shares" or "stock" are the company's price itself.
_STOCK_WORDS = frozenset(("stocks", "stock", "shares", "equities"))
_NOT_PRICE_AFTER_COMPANY = re.compile(
    r"^\s*(?:'s\s+)?"
    + phrase_regex(tuple(w for w in asset_words.NOT_THE_PRICE_AFTER if w not in _STOCK_WORDS)),
    re.IGNORECASE,
)
_NOT_SUBJECT_BEFORE_ASSET = re.compile(
    phrase_regex(asset_words.NOT_THE_SUBJECT_BEFORE) + r"\s+(?:the\s+)?(?:price\s+of\s+)?$",
    re.IGNORECASE,
)
_ANAPHORA = re.compile(phrase_regex(asset_words.ASSET_ANAPHORA), re.IGNORECASE)
# The tickers of the houses that make calls (JPM, GS, MS, C, BAC ...): written bare in a
# market article, they are the bank as a source; the stock only when marked ("$JPM",
# "(NYSE: JPM)") or next to a stock word ("JPM shares").
_HOUSE_TICKERS = frozenset(
    symbol
    for name in speaker_phrases.HOUSE_ALIASES
    if (symbol := assets.builtin_names().get(name.lower())) is not None and "=" not in symbol
)
# The end of a list item's label after a house's name: ":" or " (BofA):"
_LABEL_END = re.compile(r"\s*(?:\([^()\n]{1,30}\)\s*)?:")
_STOCK_WORD_AFTER = re.compile(r"(?:'s)?\s+(?:stock|stocks|shares|share\s+price)\b", re.IGNORECASE)


def remember_prices(context: Context, mentions: list[Mention], prices: list[LevelMatch]) -> None:
    """Each price of the day for the asset named last before it (or first after it)."""
    for price in prices:
        before = [m for m in mentions if m.span[1] <= price.span[0]]
        after = [m for m in mentions if m.span[0] >= price.span[1]]
        owner = before[-1] if before else after[0] if after else None
        symbol = owner.symbol if owner else context.last_symbol
        if symbol is not None and price.price is not None:
            context.price_now[symbol] = price.price


def remember(context: Context, mentions: list[Mention], speaker: SpeakerReading) -> None:
    mentions = [m for m in mentions if m.symbol]
    for mention in mentions:
        family = asset_words.ASSET_FAMILIES.get(mention.symbol)
        if family:
            context.last_by_family[family] = mention.symbol
    for mention in mentions:
        if mention.symbol not in context.named_symbols:
            context.named_symbols = (*context.named_symbols, mention.symbol)
    subjects = [m for m in mentions if m.subject]
    if subjects:
        context.last_symbol = subjects[-1].symbol
        context.last_symbols = tuple(dict.fromkeys(m.symbol for m in subjects))
        context.last_symbol_age = 0
        if context.topic is None:
            context.topic = subjects[0].symbol  # the headline's asset, else the first named
    if speaker.named and speaker.name:
        context.last_speaker = speaker.name
        context.last_speaker_age = 0
        if is_organization(speaker.name):
            context.last_organization = speaker.name
            context.organization_paragraph = context.paragraph
            if speaker.name not in context.credited_houses:
                context.credited_houses = (*context.credited_houses, speaker.name)
        else:
            context.last_person = speaker.name
    elif speaker.pointed and speaker.name == context.last_speaker:
        # "..., the bank says": a sentence that points back to the speaker keeps it current
        context.last_speaker_age = 0


def find_mentions(work: str, settings: Settings, context: Context) -> list[Mention]:
    """Asset mentions, in order: aliases and article names, marked tickers, anaphora."""
    table = settings.asset_table
    found: list[Mention] = []
    rest = work
    # Crosses with no symbol ("GBP/EUR", "the pound to euro rate") are assets of their own:
    # no name inside one ("the pound") is read as another pair.
    crosses = cross_spans(work, table)
    for start, end in crosses:
        found.append(Mention(work[start:end], "", (start, end)))
        rest = rest[:start] + " " * (end - start) + rest[end:]
    for match in assets.asset_mentions(work, table):
        if any(s < match.span[1] and match.span[0] < e for s, e in crosses):
            continue
        try:
            table.checked(match)
        except ClaimError:
            break  # a user alias points at something unusable; read no more assets
        key = " ".join(match.asset.lower().split())
        if (
            key in _OTHER_ASSET_KEYS
            and key not in table.user_aliases
            and not (_per_pound(work) and key in _QUOTED_PER_POUND)
        ):
            # Copper, wheat, coffee ... are known to the claim language, but articles
            # quote them in units of their own (copper per tonne, HG=F per pound): their
            # levels are read as another asset's, never as the futures symbol's, unless
            # the user made the name an alias of their own, or the sentence quotes copper
            # per pound and never per tonne ("Bank of America sees copper at $6 a pound").
            continue
        start, end = match.span
        rest = rest[:start] + " " * (end - start) + rest[end:]
        if key in asset_words.DOLLAR_QUOTED_ALONE and not _SHOWN_IN_DOLLARS.search(work):
            found.append(Mention(match.asset, "", match.span))  # a cross, maybe: no symbol
            continue
        if match.note is not None:
            continue  # a lower-case ticker ("nvda"): articles mark tickers, "$NVDA"
        if (
            match.symbol in _HOUSE_TICKERS
            and not work[:start].strip()
            and _LABEL_END.match(work, end)
            and not _STOCK_WORD_AFTER.match(work, end)
        ):
            continue  # "Bank of America (BofA): $5,000 an ounce": the row's source, not BAC
        if _affiliation_in_brackets(work, match.span, found):
            continue  # "Charles Hoskinson (Cardano): $250K": the man's project, not the asset
        named = key in table and table.names_at(work, match.span)
        if (
            match.asset.isupper()
            and match.symbol in _HOUSE_TICKERS
            and match.asset not in settings.tickers
            and not _STOCK_WORD_AFTER.match(work, match.span[1])
        ):
            continue  # "JPM Bearish 164.00", "GS sees ...": the bank as a source, not its stock
        if not named and not _is_ticker(match.asset, settings.tickers):
            continue  # an upper-case word ("UBS", "CPI"), not a ticker the article marked
        symbol = match.symbol
        if f"{symbol}-USD" in asset_words.ASSET_FAMILIES:
            symbol = f"{symbol}-USD"  # "$SOL" is Solana, priced in dollars
        found.append(
            Mention(match.asset, symbol, match.span, asset_words.VAGUE_ASSET_NAMES.get(key))
        )
    for match in _ANAPHORA.finditer(rest):
        if any(m.span[0] < match.end() and match.start() < m.span[1] for m in found):
            continue  # "the EUR/USD exchange rate": the pair named inside it, not a pointer
        families = asset_words.ASSET_ANAPHORA[" ".join(match[0].lower().split())].split("|")
        earlier = [m.symbol for m in found if m.span[0] < match.start()]
        symbol = next(
            (s for s in reversed(earlier) if asset_words.ASSET_FAMILIES.get(s) in families),
            _pointed_asset(context, families),
        )
        if symbol:
            note = f"'{match[0]}' read as {symbol}, named before"
            found.append(Mention(match[0], symbol, match.span(), note))
    # Assets with no symbol ("copper", "the Topix") are mentions too: their levels are
    # theirs, never the next asset's or the one before ("Citi sees gold at $4,500 and
    # copper at $12,000"); they give no candidate.
    for match in _OTHER_ASSET.finditer(rest):
        if not any(m.span[0] < match.end() and match.start() < m.span[1] for m in found):
            found.append(Mention(match[0], "", match.span()))
    found.sort(key=lambda m: m.span[0])
    joined: list[Mention] = []
    for mention in found:
        # "Brent crude oil", "gold bullion": one asset's name read as two; the first names it.
        if joined and not work[joined[-1].span[1] : mention.span[0]].strip():
            last = joined[-1]
            joined[-1] = replace(last, span=(last.span[0], mention.span[1]))
            continue
        joined.append(mention)
    return [_with_role(work, m) for m in joined]


# "Charles Hoskinson (", "Arthur Hayes (BitMEX/": a name of two capitalised words or more
# (a person's, a firm's) and the bracket after it, the bracket holding other names too
_NAME_THEN_BRACKET = re.compile(
    r"\b[A-Z][\w'.-]+(?:\s+(?:[A-Z][\w'.-]+|de|van|von))+\s*\((?:[^()/,]*[/,]\s*)?$"
)


def _affiliation_in_brackets(work: str, span: tuple[int, int], found: list[Mention]) -> bool:
    """Whether an asset's name is written in brackets after someone's name, as the project
    or firm they stand for: "Charles Hoskinson (Cardano): $250K" is Hoskinson's call on the
    article's asset, not a call on Cardano's coin. A bracket after an asset's own name glosses
    it ("Solana (SOL)", "Bitcoin (BTC)") and stays a mention."""
    start, end = span
    if not re.match(r"\s*(?:[/,][^()]*)?\)", work[end:]):
        return False
    before = work[max(0, start - 60) : start]
    if not _NAME_THEN_BRACKET.search(before):
        return False
    bracket = work.rfind("(", 0, start)
    return not any(m.span[1] <= bracket and not work[m.span[1] : bracket].strip() for m in found)


def _pointed_asset(context: Context, families: list[str]) -> str | None:
    """What "the index" or "the benchmark" means when the sentence names no such asset.

    The article's topic if it is of that kind (an S&P 500 story's "the
    benchmark" is the S&P 500 even after a mention of the Dow), else the
    last asset of that kind named.
    """
    if context.topic is not None and asset_words.ASSET_FAMILIES.get(context.topic) in families:
        return context.topic
    for family in families:
        if family in context.last_by_family:
            return context.last_by_family[family]
    return None


def _is_ticker(token: str, tickers: frozenset[str]) -> bool:
    return (
        token in tickers
        or "=" in token
        or token.startswith("^")
        or re.fullmatch(r"[A-Z0-9]+-(?:USD|USDT|EUR|GBP)", token) is not None
    )


def _with_role(work: str, mention: Mention) -> Mention:
    """A mention is the call's subject unless it is a yardstick or not the price."""
    start, end = mention.span
    before = work[max(0, start - 40) : start]
    company = mention.symbol in symbols_in("sp500")
    not_price_after = _NOT_PRICE_AFTER_COMPANY if company else _NOT_PRICE_AFTER_ASSET
    subject = not (not_price_after.search(work[end:]) or _NOT_SUBJECT_BEFORE_ASSET.search(before))
    return mention if subject else replace(mention, subject=False)


def _per_pound(work: str) -> bool:
    """Whether the sentence gives its levels per pound and none per tonne."""
    return _PER_POUND.search(work) is not None and _PER_TONNE.search(work) is None
