"""Which names are houses, and the one name the ledger keeps for each.

Kept apart from finding the speaker (speakers.py) because every step that reads a
name asks the same two questions of it: is it an organization, and which house is
it ("Citigroup Inc" is Citigroup, "BofA" Bank of America, a desk its bank).
"""

from __future__ import annotations

import re

from ledger.extract.patterns import speaker_phrases

_ORGANIZATION_WORDS = frozenset(speaker_phrases.ORGANIZATION_WORDS)

HOUSE_SUBJECT = re.compile(
    r"^\W*(?P<name>[A-Z][\w&.'-]*(?:\s+(?:[A-Z][\w&.'-]*|of|&)){0,4})"
    # "UBS, meanwhile, keeps its forecast range": an adverb set off by commas
    r"(?:,\s+(?:meanwhile|however|too|also|instead|likewise|similarly|in\s+turn"
    r"|for\s+its\s+part|by\s+contrast|in\s+contrast|by\s+comparison|for\s+example"
    r"|for\s+instance|on\s+the\s+other\s+hand|(?:while|though|although|albeit)\s[^,;:]{1,60}"
    # "ING, after little change at first, keeps backing ...": a phrase of when or despite what
    r"|(?:after|despite|amid|unlike|like|given|since|until|as\s+of)\s[^,;:]{1,60}),)?"
    r"\s+"
    r"(?:[a-z]+(?:s|ed)|led|cut|said|saw|set|kept|took|made|gave|put|held|told|wrote|drew)\b"
)
QUOTED = re.compile(r"\"[^\"]*\"")

_OFFICER_TITLES = frozenset(("CEO", "CIO", "CFO", "COO", "CTO", "CMO", "CSO"))

_LEGAL_SUFFIXES = frozenset(speaker_phrases.LEGAL_SUFFIXES)
HOUSES = {alias.lower(): house for alias, house in speaker_phrases.HOUSE_ALIASES.items()}
HOUSE_NAMES = tuple(dict.fromkeys(speaker_phrases.HOUSE_ALIASES.values()))
_DESKS = frozenset(speaker_phrases.HOUSE_DESKS)


_NOT_A_NAME = frozenset(speaker_phrases.NOT_A_NAME)


def _named_affiliation(name: str) -> bool:
    """ "Philip Newman of Metals Focus": after a person, "of" and a name of capitalized words
    the tables do not know is where the person works (reporters write a city with "in"
    or "-based"; the few places NOT_A_NAME holds are not affiliations)."""
    words = name.split()
    return 1 <= len(words) <= 4 and all(
        word[:1].isupper() and word.lower() not in _NOT_A_NAME for word in words
    )


def is_organization(name: str) -> bool:
    """Whether a name is a firm rather than a person, by the rule in the module docstring."""
    words = name.split()
    if len(words) == 1:
        return True
    return any(
        word.lower() in _ORGANIZATION_WORDS or (len(word) >= 2 and word.isupper()) for word in words
    )


_PUBLIC_FIGURES = frozenset(
    word for figure in speaker_phrases.PUBLIC_FIGURES for word in (figure, figure.split()[-1])
)
# "Thomas Lee": a tracked public figure under another given name, and the name kept for them
_FIGURE_FORMS = {
    f"{given} {figure.split()[-1]}": figure
    for figure, givens in speaker_phrases.PUBLIC_FIGURE_GIVEN_NAMES.items()
    for given in givens
}
# The posts of a firm's officers rather than its researchers
_OFFICER_POST = re.compile(
    r"\b(?:ceo|chief\s+executive|executive|founder|co-founder|chair(?:man|woman)?|president"
    r"|owner)\b",
    re.IGNORECASE,
)


def voices_research(firm: str) -> bool:
    """A house the tables know, or a name with a financial firm's word in it ("Capital",
    "Analytics", "Group"): a firm whose calls are research, not a miner's or a treasury
    company's."""
    return firm in HOUSE_NAMES or house_name(firm) in HOUSE_NAMES or has_organization_word(firm)


def speaks_for(person: str, firm: str, post: str = "") -> bool:
    """Whether the calls of `person`, tied to `firm` by `post` (the words that tie them), are
    the firm's, by the labelling convention: not for the public figures it tracks in their
    own name (unless the firm is a house the tables know), nor for an officer ("chief
    executive of Wheaton Precious Metals", "Strategy founder") of a firm that does not voice
    research."""
    if _FIGURE_FORMS.get(person, person) in _PUBLIC_FIGURES:
        # "Tom Lee, JPMorgan's chief equity strategist" (2013) voiced the bank's research
        return firm in HOUSE_NAMES or house_name(firm) in HOUSE_NAMES
    return not _OFFICER_POST.search(post) or voices_research(firm)


def has_organization_word(name: str) -> bool:
    return any(word.lower() in _ORGANIZATION_WORDS for word in name.split())


def is_house_like(name: str) -> bool:
    """A known house, or a name with a firm's word or an acronym in it ("Evercore ISI")."""
    if _is_house(name) or has_organization_word(name):
        return True
    if len(name.split()) == 1:
        return name.isupper() and len(name) >= 2  # "RBC", not "March" in "and March 2026"
    return is_organization(name)


_HOUSE_MENTION = re.compile(
    r"(?<![\w&])(?:"
    + "|".join(
        re.escape(alias) for alias in sorted(speaker_phrases.HOUSE_ALIASES, key=len, reverse=True)
    )
    + r")(?![\w&])"
)


def houses_named(text: str) -> list[str]:
    """Known houses the text names anywhere outside quotations ("This one comes from ING"),
    as the ledger names them: what "the bank" in the next sentences points back to."""
    unquoted = QUOTED.sub(lambda quote: " " * len(quote[0]), text)
    return [HOUSES[match[0].lower()] for match in _HOUSE_MENTION.finditer(unquoted)]


def house_mentions(text: str) -> list[tuple[int, str]]:
    """Where each known house is named outside quotations, with its name as the ledger keeps it
    (`houses_named` with positions, for the house an article is about at a point)."""
    unquoted = QUOTED.sub(lambda quote: " " * len(quote[0]), text)
    return [(m.start(), HOUSES[m[0].lower()]) for m in _HOUSE_MENTION.finditer(unquoted)]


def split_houses(name: str) -> list[str]:
    """ "Goldman Sachs & Morgan Stanley", "Citi and HSBC": the known houses a name joins, each
    as the ledger names it; one name when it is one firm ("Hauck & Aufhäuser")."""
    parts = [part.strip() for part in re.split(r"\s+(?:&|and)\s+", name)]
    if len(parts) > 1 and all(_is_house(part) for part in parts):
        return [house_name(part) for part in parts]
    return [name]


def houses_in(name: str) -> list[str]:
    """ "Deutsche Bank & SocGen": two houses joined by "&" are two speakers; a firm whose own
    name has an "&" ("Hauck & Aufhäuser") is one."""
    parts = [part.strip() for part in name.split(" & ")]
    if len(parts) > 1 and all(_is_house(part) for part in parts):
        return [house_name(part) for part in parts]
    return [name]


def _is_house(name: str) -> bool:
    """A known house, by any of its names or the first word of one ("Goldman")."""
    key = name.lower()
    return key in HOUSES or any(house.lower().startswith(f"{key} ") for house in HOUSE_NAMES)


def house_name(name: str) -> str:
    """The name a ledger keeps for a speaker: the house, as readers name it.

    The ledger scores a source by its name, so one bank written four ways
    ("JPMorgan Chase & Co.", "J.P. Morgan", "BofA Global Research", "Citigroup
    Inc") would be four sources. Legal suffixes go ("Inc", "& Co.", "plc"),
    a known house's desks and branches go ("UBS Switzerland", "Goldman Sachs
    Research"), a known short name becomes the house's ("BofA"), a
    person named with the firm becomes the firm ("Tony Sycamore of IG",
    "Oxford Economics' Norihiro Yamaguchi": the call is the house's view),
    and "U.S." before an agency goes. A name the tables do not know is kept.
    """
    tokens = name.split()
    while len(tokens) > 1 and tokens[-1].lower().rstrip(".,") in _LEGAL_SUFFIXES:
        tokens = tokens[:-1]
        if len(tokens) > 1 and tokens[-1] == "&":
            tokens = tokens[:-1]
    for index, token in enumerate(tokens[:-1]):
        # "Oxford Economics' Norihiro Yamaguchi": a plural possessive before a person
        if index and token.endswith("'") and not is_organization(" ".join(tokens[index + 1 :])):
            return house_name(" ".join(tokens[: index + 1])[:-1])
        # "Evercore ISI's Julian Emanuel": the firm's person, named in full, speaks for it
        person = tokens[index + 1 :]
        if token.endswith(("'s", "\u2019s")) and len(person) >= 2:
            firm = " ".join(tokens[: index + 1])[:-2]
            if is_organization(firm) and not is_organization(" ".join(person)):
                named = " ".join(person)
                return house_name(firm) if speaks_for(named, firm) else named
    while len(tokens) > 1 and tokens[0] in ("U.S.", "US"):
        tokens = tokens[1:]
    titles = [i for i, token in enumerate(tokens) if token in _OFFICER_TITLES]
    if titles and 0 < titles[0] < len(tokens) - 1:
        # "Ripple CEO Brad Garlinghouse": the person speaks for the firm before the title
        return house_name(" ".join(tokens[: titles[0]]))
    if "of" in tokens:
        at = tokens.index("of")
        person, firm = " ".join(tokens[:at]), " ".join(tokens[at + 1 :])
        if (
            at >= 2
            and firm
            and not is_organization(person)
            and (is_organization(firm) or _named_affiliation(firm))
        ):
            # "Tom Lee of Fundstrat": a public figure the convention tracks in their own name
            return house_name(firm) if speaks_for(person, firm) else person
    name = " ".join(tokens)
    key = name.lower()
    if key in HOUSES:
        return HOUSES[key]
    for house in HOUSE_NAMES:
        if key.startswith(house.lower() + " ") and key[len(house) + 1 :] in _DESKS:
            return house
    within = _house_within(name)
    if within != name:
        return within
    return _house_by_first_word(name)


def source_name(name: str) -> str:
    """The name the ledger keeps for a call's speaker: `house_name`, and one firm written with
    or without the words that say what kind of firm it is ("Nomura Holdings" / "Nomura",
    "Loop Capital Markets" / "Loop Capital") as one source.

    Applied to the speaker of each call once the article is read (and to the labels the
    quality harness compares with), not inside `house_name`: while an article is read, those
    words are what tell a firm from a person ("Jane Roe of Acme Partners")."""
    if name in _FIGURE_FORMS:
        return _FIGURE_FORMS[name]  # "Thomas Lee" is the Tom Lee the convention tracks
    kept = house_name(name)
    shorter = _without_firm_form(kept)
    return kept if shorter == kept else house_name(shorter)


_FIRM_FORMS = tuple(form.split() for form in speaker_phrases.FIRM_FORM_SUFFIXES)


def _without_firm_form(name: str) -> str:
    """ "Nomura Holdings", "Loop Capital Markets": the name without a trailing word that says
    what kind of firm it is (FIRM_FORM_SUFFIXES), when what stays before it is still a firm's
    name ("Cane Island Alternative Advisors" keeps its last word: without it, it reads as a
    person's; "Zeta Partners" too: one word alone would name no firm). A possessive after a
    firm's word goes first ("Oppenheimer Asset Management's strategist"; "Moody's" keeps its
    own)."""
    tokens = name.split()
    last = tokens[-1]
    if len(tokens) > 1 and last.endswith(("'s", "\u2019s")) and has_organization_word(last[:-2]):
        tokens[-1] = last[:-2]
    lowered = [token.lower() for token in tokens]
    for form in _FIRM_FORMS:
        if len(tokens) > len(form) and lowered[-len(form) :] == form:
            shorter = " ".join(tokens[: -len(form)])
            # one word of form goes only when a firm's word or a known house stays ("Loop
            # Capital Markets", "Nomura Holdings"; "Zeta Partners" keeps its last word)
            kept_as_firm = len(form) > 1 or has_organization_word(shorter) or _is_house(shorter)
            return shorter if kept_as_firm and is_organization(shorter) else " ".join(tokens)
    return " ".join(tokens)


def _house_by_first_word(name: str) -> str:
    """ "Goldman raises its target", "with Deutsche at 6,550": a known house of several words
    named by its first word alone, when that word starts no other house's name and is no
    word of a firm or a common word ("Bank", "Standard", "Wells" are not read this way:
    only a word that is no English word in lower case, i.e. a proper name)."""
    if len(name.split()) != 1 or not name[:1].isupper() or name.lower() in _ORGANIZATION_WORDS:
        return name
    key = name.lower()
    houses = {
        house for house in HOUSE_NAMES if len(house.split()) > 1 and house.lower().split()[0] == key
    }
    # "Morgan" ends "J.P. Morgan" too: a word found in another house's name is no one's
    elsewhere = any(key in house.lower().split()[1:] for house in HOUSE_NAMES)
    if len(houses) != 1 or elsewhere or key in _COMMON_FIRST_WORDS:
        return name
    return houses.pop()


# First words of known houses that are words of their own, so never the house alone
_COMMON_FIRST_WORDS = frozenset(
    ("bank", "standard", "wells", "saxo", "julius", "credit", "international", "energy", "us")
)


# "Did Citi": a question's verb before a house is no part of its name
_AUXILIARIES = frozenset(("did", "does", "do", "will", "can", "could", "has", "is", "would"))


def _house_within(name: str) -> str:
    """ "Goldman Sachs Predicts Gold Surge" (a headline's words run on after the house), "Did
    Citi": the one known house a name holds, when the words around it are no firm's or
    person's name of their own ("Hiroshi Nomura" is a person, kept)."""
    mentions = list(_HOUSE_MENTION.finditer(name))
    if len(mentions) != 1:
        return name
    before = name[: mentions[0].start()].split()
    after = name[mentions[0].end() :].split()
    if before and not all(word.lower() in _AUXILIARIES for word in before):
        return name
    # after the house, a headline's run of capitalized words with a verb among them
    if after and not (len(after) >= 2 and any(_HEADLINE_VERB.fullmatch(w) for w in after)):
        return name
    return HOUSES[mentions[0][0].lower()]


_HEADLINE_VERB = re.compile(
    r"(?:Predicts|Sees|Expects|Forecasts|Targets|Raises|Lifts|Cuts|Says|Warns|Eyes|Bets"
    r"|Calls|Tips|Projects|Lowers|Boosts|Hikes)"
)
