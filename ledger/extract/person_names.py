"""Reading a name out of text: where it starts and ends, and what it is not.

Kept apart because the speaker rules all need the same reading of a run of
capitalized words: trimmed of fillers, titles, places and asset words
(`clean_name`), read before or after a verb of saying, and widened to the full
name the article itself spells out (`article_names`).
"""

from __future__ import annotations

import re

from ledger.claims.assets import BUILTIN_ALIASES
from ledger.claims.instruments import NameRule, instrument_names
from ledger.extract.house_names import HOUSES, has_organization_word, house_name, is_organization
from ledger.extract.patterns import asset_words, speaker_phrases

NOT_A_NAME = frozenset(speaker_phrases.NOT_A_NAME)

_WHERE_BASED = re.compile(r"-(?:based|headquartered|listed|born)$", re.IGNORECASE)
_NAME_TOKEN = re.compile(r"^[A-Z][\w&.'-]*$|^&$")
CONNECTORS = frozenset(("of", "&", "de", "du", "van", "von", "der", "la"))
_FILLERS = frozenset(speaker_phrases.SPEAKER_VERB_FILLERS)
_NATIONALITIES = frozenset(speaker_phrases.NATIONALITIES)
# An index's name is never a speaker's, though written as an acronym: "the KOSPI at 2,900",
# "the TSX at 23,000" are the market's level, not a house's call.
_INDEX_NAMES = frozenset(
    {key for key, row in instrument_names().items() if row.category == "index"} | {"stoxx"}
)
# Nor is a coin's ticker or name ("predicts LTC at $6,500"), unless it is also an ordinary
# or a firm's word, written with a capital ("Ripple", "Stellar" keep their case rule).
_COIN_NAMES = frozenset(
    key
    for key, row in instrument_names().items()
    if row.category == "crypto" and row.rule is NameRule.ANY
)
_ASSET_WORDS = (
    frozenset(BUILTIN_ALIASES)
    | frozenset(asset_words.ARTICLE_ASSET_NAMES)
    | _INDEX_NAMES
    | _COIN_NAMES
)

_WEEKDAYS = frozenset(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
)
# "JPMorgan therefore sees", "Citi reportedly expects": an adverb between name and verb
_ADVERB = re.compile(r"^(?:[a-z]+ly|therefore|thus|hence|too|already|again|similarly)$")
# (a comma between digits, "$2,800", does not end the description)
_APPOSITION = re.compile(
    r",\s+(?:(?:a|an|the|who|whose|which|one|(?:co-)?chief|(?:co-)?head|founder|co-founder|in|at|on|for"
    r"|according)\b(?:[^,;:]|(?<=\d),(?=\d)){1,100}|"
    + r"(?:meanwhile|however|too|also|instead|likewise|similarly"
    r"|though|in\s+turn|for\s+its\s+part|for\s+their\s+part|by\s+contrast|in\s+contrast"
    r"|by\s+comparison|for\s+example|for\s+instance|on\s+the\s+other\s+hand)"
    # "Deutsche Bank, while more conservative, also sees": a clause of contrast
    r"|(?:while|though|although|albeit|like|unlike)\b[^,;:]{1,60}"
    # "Goldman Sachs, calling gold the currency of last resort, expects": a participle's clause
    r"|[a-z]{3,}ing\b[^,;:]{1,100}"
    # "PlanB, creator of the stock-to-flow model, says": a post of something, in any words
    r"|[a-z][\w-]+\s+(?:of|at|with)\s[^,;:]{1,100}),\s*(?:[a-z]+\s+){0,2}$"
)
_PARENTHETICAL = re.compile(r"^\([^()]*\),?$")

# "Bank of America Merrill Lynch equity strategist Savita Subramanian": up to five words
NAME = r"[A-Z][\w&.'-]*(?:\s+(?:[A-Z][\w&.'-]*|of|&)){0,4}"


def name_before_apposition(text: str) -> tuple[str | None, int]:
    """ "Peter Brandt, a well-known trader with 741k followers, predicted": the name before a
    description set off by commas (one that starts in lower case) is the verb's subject."""
    match = _APPOSITION.search(text)
    if match is None:
        return None, len(text)
    return name_before_at(text[: match.start()])


def clean_name(tokens: list[str]) -> str | None:
    """A name without leading or trailing common words; None if nothing is left."""
    dropped: str | None = None
    while tokens and (
        (tokens[0].lower().rstrip(".") in NOT_A_NAME and not _handle_word_of(tokens, 0, 1))
        or tokens[0] in CONNECTORS
        # "UK-based Standard Chartered", "London-listed HSBC": where the firm is, not its name
        or (len(tokens) > 1 and _WHERE_BASED.search(tokens[0]))
    ):
        dropped, tokens = tokens[0], tokens[1:]
    if (
        len(tokens) == 1
        and tokens[0].lower() in _FIRM_SUFFIXES
        and dropped is not None
        and dropped[:1].isupper()
        and dropped.lower() not in _LEADING_LITTLE_WORDS
    ):
        # "Bloomberg Intelligence", "Independent Strategy": a word that alone is an outlet or
        # a common word names the firm with the firm's word after it
        tokens = [dropped, *tokens]
    while tokens and (tokens[-1].lower() in NOT_A_NAME or tokens[-1] in CONNECTORS):
        if len(tokens) >= 2 and " ".join(tokens[-2:]).lower() == "capital markets":
            break  # "BMO Capital Markets", "RBC Capital Markets": the firm's own name
        if _handle_word_of(tokens, -1, -2):
            break  # "Daan Crypto", "Credible Crypto": a handle's own word, not the asset
        if tokens[-1].lower() in _FIRM_ENDINGS and any(_is_name_word(t) for t in tokens[:-1]):
            # "Yardeni Research", "Main Street Research": a research firm's own name (a known
            # house's research desk is the house, which `house_name` sees to)
            break
        tokens = tokens[:-1]
    if not tokens:
        return None
    if tokens[-1].endswith("s'"):
        tokens = [*tokens[:-1], tokens[-1][:-1]]  # "Goldman Sachs' Brent forecast": possessive
    name = " ".join(tokens)
    if name.lower() in _ASSET_WORDS or name.lower() in _NATIONALITIES:
        return None
    return house_name(name)


_FIRM_ENDINGS = frozenset(("research",))
# Common words that social handles are made of ("Crypto Rover", "Credible Crypto"): part of
# the name when a name word stands beside them, not the market they are about
_HANDLE_WORDS = frozenset(("crypto",))


def _handle_word_of(tokens: list[str], at: int, beside: int) -> bool:
    """Whether tokens[at] is a handle's word with a name word at tokens[beside]."""
    return (
        len(tokens) >= 2
        and tokens[at].lower() in _HANDLE_WORDS
        and tokens[at][:1].isupper()
        and _is_name_word(tokens[beside])
    )


# The words a firm's name may end on after a word that alone is no name
_FIRM_SUFFIXES = frozenset(
    ("intelligence", "strategy", "strategies", "economics", "analytics", "insights", "research")
)
_LEADING_LITTLE_WORDS = frozenset(
    ("the", "a", "an", "in", "on", "at", "by", "for", "and", "or", "its", "their", "our", "this")
)


def _is_name_word(token: str) -> bool:
    """A capitalized word that can be part of a name ("Yardeni", not "The" or "Wall")."""
    return bool(_NAME_TOKEN.match(token)) and token.lower() not in NOT_A_NAME


def name_before(text: str) -> str | None:
    """The capitalized name that ends `text` ("JPMorgan" in "... JPMorgan " before "expects")."""
    return name_before_at(text)[0]


def name_before_at(text: str) -> tuple[str | None, int]:
    """The capitalized name that ends `text`, and where in `text` it starts."""
    when = _WHEN_BEFORE_VERB.search(text)
    if when:
        text = text[: when.start() + 1]  # positions before it stay put
    name: list[str] = []
    start = len(text)
    weekday = False
    relative = False
    for match in reversed(list(re.finditer(r"\S+", text[-400:]))):
        token = match[0]
        if not name and not relative and token.lower() in ("which", "who", "that"):
            relative = True  # "Bankhaus Lampe, which see the DAX at 12,100"
            continue
        if relative and not name and token.endswith(","):
            token = token[:-1]
        if not name and (token.lower() in _FILLERS or _ADVERB.match(token)):
            continue  # "JPMorgan now expects", "Capital Economics does not expect"
        if not name and _PARENTHETICAL.match(token):
            continue  # "Bank of America (BofA) has lifted": the short name, in brackets
        if not name and token.lower() in _WEEKDAYS:
            weekday = True  # "Bank of America on Monday raised"
            continue
        if not name and weekday and token.lower() == "on":
            weekday = False
            continue
        if name and token.startswith("-") and _NAME_TOKEN.match(token[1:]):
            token = token[1:]  # "(Reuters) -Bank of America": the wire's dash
        if token[:1] in '[("\u201c' and re.fullmatch(r"[A-Z][\w&.'-]*", token[1:]):
            # "[Deutsche Bank predicts: ...]": an opening bracket starts the name, and ends it
            name.insert(0, token[1:])
            start = max(0, len(text) - 400) + match.start() + 1
            break
        bare = token[:-2] if token.endswith("'s") else token
        if name and bare != token:
            break  # a possessive ends a name, it does not continue one
        if re.search(r"[,;:!?\"]$", bare):
            break  # "..., said": the name, if any, is on the other side of the comma
        if _NAME_TOKEN.match(bare) or (name and bare in CONNECTORS):
            name.insert(0, bare)
            start = max(0, len(text) - 400) + match.start()
            continue
        break
    cleaned = clean_name(name) if name else None
    if cleaned is None:
        return None, len(text)
    # the name as the ledger keeps it may be spelled otherwise ("Societe Generale")
    return cleaned, start + max(0, text[start:].find(cleaned.split()[0]))


# "the investment bank Goldman Sachs", "French bank Societe Generale", "US brokerage Jefferies":
# what the firm is, in lower case (a nationality may open it), right before its name
DESCRIBED_FIRM = re.compile(
    r"(?:the\s+)?(?:[A-Z][a-z]+\s+|U\.?S\.?\s+|UK\s+)?(?:[a-z-]+\s+){0,2}?(?:bank|firm|lender"
    r"|brokerage|broker|house|consultancy|insurer|agency|asset\s+manager|fund\s+manager)"
    r"\s+(?=[A-Z])"
)


# A person's role in lower case right before the name: "analyst", "chief market strategist",
# "crypto trader", "veteran investor", "co-founder".
_ROLE_BEFORE_NAME = re.compile(
    r"(?:(?:[a-z]+|co-[a-z]+)\s+){0,3}?(?:analyst|strategist|economist|trader|investor"
    r"|founder|co-founder|chief|ceo|cio|partner|head|director|manager|researcher"
    r"|commentator|portfolio\s+manager)\s+(?=[A-Z][a-z])"
)


# "a recent UBS analysis", "a new Citi note": the article, then a house's name, then what it
# published (a note or a forecast, not a newspaper's report or poll)
_HOUSE_PRODUCT = re.compile(
    r"an?\s+(?:(?:new|recent|latest|fresh|separate|research)\s+)?(?P<name>[A-Z][\w&.-]*"
    r"(?:\s+[A-Z][\w&.-]*){0,3})\s+(?:research\s+)?(?:analysis|note|forecast|outlook|projection"
    r"|estimate|model)s?\b"
)
# "according to a research report from Nomura", "an analysis by UK consultancy Capital
# Economics": the house whose work it is, after the work and what the house is (the article
# may already be behind `start`: "according to a " is one of the verbs' phrases)
_WORK_BY_HOUSE = re.compile(
    r"(?:(?:an?|the)\s+)?(?:(?:new|recent|latest|fresh|separate|research|client|weekly|monthly"
    r"|quarterly|annual)\s+){0,2}(?:report|analysis|note|study|survey|forecast|outlook"
    r"|review|paper)\s+(?:from|by)\s+(?:(?:U\.?S\.?|UK|[a-z][\w-]*)\s+){0,3}(?=[A-Z])"
)
# "Standard Chartered last month raised", "Goldman Sachs earlier this week lifted": when,
# between the name and its verb
_WHEN_BEFORE_VERB = re.compile(
    r"\s(?:(?:earlier|late|early)\s+)?(?:last|this|next)\s+(?:week|month|year|quarter)\s*$"
    r"|\s(?:earlier|yesterday|today|overnight)\s*$",
    re.IGNORECASE,
)


def name_after(text: str, start: int) -> tuple[str | None, int]:
    """The capitalized name that starts at `start`, and where it ends."""
    name: list[str] = []
    # "according to the World Bank", "said the IMF": the article before the institution
    work = _WORK_BY_HOUSE.match(text, start)
    if work:
        start = work.end()
    article = re.match(r"the\s+(?=[A-Z])", text[start:]) or DESCRIBED_FIRM.match(text[start:])
    if article:
        start += article.end()
    else:
        # "according to a recent UBS analysis": the house whose note it is
        product = _HOUSE_PRODUCT.match(text, start)
        if product:
            start = product.start("name")
    # "says analyst Jane Doe", "said chief market strategist Jane Doe": the role before the name
    role = _ROLE_BEFORE_NAME.match(text, start)
    if role:
        start = role.end()
    position = start
    for match in re.finditer(r"\S+", text[start:]):
        token = match[0]
        bare = token.rstrip(",;:.!?\")'")
        if bare.endswith("'s"):
            bare = bare[:-2]
        if _NAME_TOKEN.match(bare) or (name and bare in CONNECTORS):
            if token.endswith(".") and (_INITIALISM.match(token) or _TITLE.match(token)):
                # "the U.S. Energy Information Administration", "Dr. Ulrich Stephan": the dot
                # of an initialism or a title does not end the name (clean_name drops a title)
                name.append(token)
                position = start + match.end()
                continue
            name.append(bare)
            position = start + match.start() + len(bare)
            if bare != token:
                break
            continue
        break
    return (clean_name(name) if name else None), position


_INITIALISM = re.compile(r"^(?:[A-Z]\.){2,}$")
_TITLE = re.compile(r"^(?:Dr|Mr|Mrs|Ms|Prof)\.$")


_SHORT_NAME = re.compile(
    r"(?P<full>[A-Z][\w&.'-]*(?:\s+(?:[A-Z][\w&.'-]*|of|&|for|de)){1,6})\s+"
    r"\((?P<short>[A-Z][A-Za-z]{1,7})\)"
)
_ACRONYM = re.compile(r"\b[A-Z]{3,6}\b")
_FIRM_NAME = re.compile(r"\b[A-Z][\w&'-]*(?:(?:[ \t]+|[ \t]*\n[ \t]*)(?:[A-Z][\w&'-]*|of|&)){1,4}")
_ORGANIZATION_WORDS = frozenset(w.lower() for w in speaker_phrases.ORGANIZATION_WORDS)
_LONG_NAME = re.compile(r"\b[A-Z][\w&.'-]*(?:\s+(?:[A-Z][\w&.'-]*|of|&|for)){2,6}")
_FULL_PERSON = re.compile(r"\b(?P<full>[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+(?P<last>[A-Z][a-z][\w'-]+))\b")


def article_names(text: str) -> dict[str, str]:
    """Short names the article itself spells out: "Bank of America (BofA)", "Peter Schiff".

    A later "BofA" or "Schiff" is then the name the article gave in full, so
    one speaker is one source however a sentence shortens it. An acronym
    counts only with two capitals or more ("BofA", "EIA"), a surname only when
    one person of the article has it.
    """
    names: dict[str, str] = {}
    # Each distinct name is cleaned once: a page repeating one line is read in linear time.
    for short, written in dict.fromkeys(
        (m["short"], m["full"]) for m in _SHORT_NAME.finditer(text)
    ):
        full = clean_name(written.split())
        if full and sum(c.isupper() for c in short) >= 2 and len(full.split()) >= 2:
            names.setdefault(short, full)
    # "The U.S. Energy Information Administration raised ...", later "EIA": its initials
    acronyms = set(_ACRONYM.findall(text))
    if acronyms:
        for written in dict.fromkeys(m[0] for m in _LONG_NAME.finditer(text)):
            full = clean_name(written.split())
            if full is None:
                continue
            initials = "".join(word[0] for word in full.split() if word[0].isupper())
            if len(initials) >= 3 and initials in acronyms:
                names.setdefault(initials, full)
    # "Goldman Sachs ... Goldman analyst Jeffrey Struyven", "Yardeni Research ... Yardeni
    # trimmed": a firm's first word alone is the firm the article names in full, when only
    # one of its firms starts with that word
    firsts: dict[str, set[str]] = {}
    for written in dict.fromkeys(m[0] for m in _FIRM_NAME.finditer(text)):
        full = clean_name(written.split())
        if full is None or len(full.split()) < 2 or not has_organization_word(full):
            continue
        words = full.split()
        first = words[0]
        if first in words[1:]:
            # "Goldman Sachs" / "Goldman expects ...": a heading, then its house's short name
            full = " ".join(words[: words.index(first, 1)])
            if len(full.split()) < 2:
                continue
        if first.lower() in HOUSES or house_name(full) == first:
            continue  # "UBS Wealth Management": a known house is named as the ledger keeps it
        if _is_name_word(first) and first.lower() not in _ORGANIZATION_WORDS:
            firsts.setdefault(first, set()).add(full)
    for first, fulls in firsts.items():
        if len(fulls) == 1:
            names.setdefault(first, next(iter(fulls)))
    # "Daiwa Asset Management ... Daiwa AM forecasts": a firm's first words, then the
    # initials of the rest
    for written in dict.fromkeys(m[0] for m in _FIRM_NAME.finditer(text)):
        full = clean_name(written.split())
        words = written.split()
        if full is None or not has_organization_word(written):
            continue
        for kept in range(1, len(words) - 1):
            initials = "".join(word[0] for word in words[kept:])
            if not initials.isupper():
                continue
            short = " ".join((*words[:kept], initials))
            if re.search(rf"(?<![\w&-]){re.escape(short)}(?![\w&-])", text):
                names.setdefault(short, full)
    surnames: dict[str, set[str]] = {}
    for written, last in dict.fromkeys((m["full"], m["last"]) for m in _FULL_PERSON.finditer(text)):
        full = clean_name(written.split())
        if full is None or full != written or is_organization(full):
            continue
        surnames.setdefault(last, set()).add(full)
    for last, fulls in surnames.items():
        if len(fulls) == 1:
            names.setdefault(last, next(iter(fulls)))
    return names
