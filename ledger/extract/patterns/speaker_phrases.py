"""The words that find who made a call: speaker verbs, groups, anaphora, houses.

Kept apart so speaker resolution (speakers.py) reads its vocabulary from one place:
reporting verbs, pronouns, names that are not names, and bank and house aliases.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

# The verbs and nouns around which a speaker is named: "JPMorgan expects",
# "said Goldman Sachs", "analysts at Citi", "Citi's strategists".
SPEAKER_VERBS = (
    "expects", "expect", "expected", "forecasts", "forecast", "forecasted", "predicts",
    "predicted", "sees", "see", "saw", "projects", "projected", "estimates", "estimated",
    "targets", "raised", "raises", "lifted", "lifts", "hiked", "hikes", "upgraded",
    "upgrades", "cut", "cuts", "lowered", "lowers", "trimmed", "trims", "reiterated",
    "reiterates", "maintained", "maintains", "set", "sets", "says", "said", "wrote",
    "writes", "told", "tells", "noted", "notes", "argued", "argues", "believes",
    "believe", "thinks", "think", "reckons", "warned", "warns", "is calling for",
    "calls for", "called for", "is betting", "bets", "now sees", "now expects",
    "also sees", "also expects", "still sees", "still expects", "boosted", "boosts",
    "added", "adds", "is forecasting", "are forecasting", "is predicting", "envisages",
    "anticipates", "eyes", "bumped up", "revised", "revises", "doubled down",
    "calling for", "flagging", "flags", "flagged", "points to", "pointed to", "pointing to",
    "point to",
    # verbs of a model's or a chart's reading: "..., Oxford Economics calculates", "Master
    # Ananda mapped a route for SOL to $620"
    "calculates", "calculated", "modelled", "modeled", "mapped", "maps out",
    "aiming for", "aims for", "is aiming for", "are aiming for", "pencils in", "pencil in",
    "pencilled in", "penciled in", "is penciling in", "is pencilling in", "looks for",
    "look for", "is looking for", "are looking for", "is targeting", "are targeting",
    "is projecting", "are projecting", "continues to expect", "continue to expect",
    "continues to see", "continue to see", "sticks with", "stuck with", "stood by", "stands by",
    "pegs", "pegged",
    "puts", "put", "has", "have", "foresee", "foresees", "foresaw", "anticipate",
    "envisage", "envisions", "envision", "pushed back", "pushes back", "brought forward",
    "moved up", "pulled forward",
    # "Fitch Ratings kept its outlook, with an average Brent price of $63"
    "kept", "keeps",
)  # fmt: skip
# Words that may stand between a speaker and the verb: "JPMorgan now expects",
# "Capital Economics does not expect".
SPEAKER_VERB_FILLERS = (
    "does", "do", "did", "not", "doesn't", "don't", "didn't", "now", "also", "still",
    "further", "again", "currently", "no", "longer", "is", "are", "has", "have", "had",
    "broadly", "largely", "firmly", "even", "meanwhile", "instead", "openly", "publicly",
    "privately", "reportedly", "both", "all", "each", "jointly", "likewise", "similarly",
    "separately", "too",
)  # fmt: skip
# Groups of people who speak for an organization: "analysts at X", "X strategists".
SPEAKER_GROUPS = (
    "analysts", "analyst", "strategists", "strategist", "economists", "economist",
    "researchers", "research", "commodity strategists", "commodities team",
    "commodity team", "team", "desk", "research team", "chief investment officer",
    "cio", "head of research", "global research", "investment strategists",
    "portfolio managers", "fund managers", "traders", "experts", "technicians", "chartists",
    "quants", "technical analysts",
)  # fmt: skip
# What a speaker has, after a possessive: "Citi's strategists", "JPMorgan's forecast".
SPEAKER_POSSESSIONS = (
    "forecast", "forecasts", "target", "targets", "price target", "base case", "outlook",
    "view", "house view", "note", "model", "call", "projection", "strategy",
    # "JPMorgan's latest estimates have Brent falling to $58"
    "estimate", "estimates", "projections", "calls", "views", "outlooks", "scenario",
    # "Agnico Eagle's chief executive expects": an officer unnamed speaks for the firm
    "chief executive", "chief executive officer", "ceo", "boss", "chairman", "president",
)  # fmt: skip
# Verbs that put the speaker after them: "said Goldman", "according to UBS". Regexes.
SPEAKER_AFTER = (
    # "according to Goldman Sachs", "according to a Bank of America Merrill Lynch report"
    r"\baccording\s+to\s+(?:(?:a|an|the)\s+(?:(?:latest|new|recent)\s+)?)?"
    # "according to well-known crypto analyst Ali Charts", "according to an analysis by UK
    # consultancy Capital Economics", "according to a research report from Acme
    # Securities": what the speaker is, or whose document, before the name
    r"(?:(?:research\s+)?(?:analysis|report|note|study|survey)\s+(?:by|from)\s+)?"
    r"(?:(?:(?:[a-z][\w-]*|[A-Z]{2,5})\s+){0,4}?(?:analyst|strategist|economist|trader"
    r"|consultancy|firm|broker|brokerage|house|investor|expert|chartist)\s+(?=[A-Z]))?",
    # "A Jefferies note says ...", "The latest UBS outlook sees ...": the house's document
    r"\b(?:a|an|the)\s+(?:(?:latest|new|recent)\s+)?(?=[\w&.'-]+(?:\s+[\w&.'-]+){0,4}?\s+"
    r"(?:note|report|research\s+note|outlook|study|analysis)\s+(?:says|said|shows|showed|sees"
    r"|saw|expects|predicts|forecasts|estimates|projects)\b)",
    r"\b(?:said|says|wrote|writes|told|tells|noted|notes|argued|argues|added|adds"
    r"|predicted|predicts|forecast|forecasts|warned|warns|reckons|believes)\s+",
    r"\bin\s+a\s+(?:note|report|research\s+note|client\s+note|letter)\s+(?:from|by)\s+",
    r"\b(?:analysts|strategists|economists|researchers|the\s+team|experts|analyst"
    r"|strategist|economist|technicians|technical\s+analysts|chartists|quants"
    r"|commodity\s+analysts|researchers|chart\s+watchers)\s+(?:at|from|with)\s+",
)
# Words that point back to the last speaker named: "the bank also sees silver at $60".
# Those of SPEAKER_ANAPHORA_ORGANIZATION point back to the last organization named, those
# of SPEAKER_ANAPHORA_PERSON to the last person (credited as the article credits them:
# "Jane Doe, strategist at Acme" is Acme), the rest to the last speaker of either kind.
_VERBS_AFTER_PRONOUN = (
    r"(?:also\s+|now\s+|still\s+)?(?:said|says|expects?|sees?|forecasts?"
    r"|predicts?|thinks?|believes?|wrote|writes|added|adds|argued|argues|targets?"
    r"|reckons?|warned|warns|noted|notes|set|sets|raised|raises|lifted|lifts|cut|cuts"
    r"|lowered|lowers|projects?|estimates?|reiterated|reiterates|told|tells)\b"
)
SPEAKER_ANAPHORA_ORGANIZATION = (
    r"\b(?:the|that|its)\s+(?:(?:big|major|large|largest|biggest|global|swiss|u\.s\.|us"
    r"|german|french|canadian|wall\s+street|investment|dutch|japanese|british|australian"
    r"|u\.k\.|european|american|italian|spanish|chinese|nordic|scandinavian)\s+)?"
    r"(?:bank|firm|lender|brokerage|broker|group|house|manager|asset\s+manager|fund"
    r"|company|consultancy|insurer|agency|administration|institute|council)\b"
    # "said the investment bank Goldman Sachs": a description of the name after it, no pointer
    r"(?!\s+(?-i:[A-Z][a-z]|[A-Z]{2}))",
    r"\bit\s+(?:also\s+|now\s+|still\s+)?(?:said|says|expects?|sees?|forecasts?|predicts?"
    r"|projects?|estimates?|leans|remains|raised|raises|lifted|lifts|cut|cuts|lowered|lowers"
    r"|kept|keeps|targets?|warned|warns|added|adds|noted|notes)\b",
    # "Its base case sends the price to $143,000", "Its price target for ether is $11,800":
    # a sentence that opens on what "it" forecasts is the organization's, named before
    r"^\W*its\s+(?:[\w-]+\s+){0,3}?(?:target|forecast|call|prediction|projection|estimate"
    r"|case|scenario|view|outlook)s?\b",
    # "By quarter, the new outlook has Brent at $79.62": the publisher's report speaks for it
    r"\b(?:the|its|that)\s+(?:[a-z]+\s+){0,2}(?:outlook|report|note|forecast|edition)\s+(?:now\s+)?"
    r"(?:has|sees|puts|expects|shows|projects|forecasts|pegs|pencils|calls)\b",
    # "Its analysts had been calling for $4,000", "Jane Doe, its head of research, told
    # reporters": the organization's own people, named before, speak for it
    r"\bits\s+(?:own\s+)?(?:analysts|strategists|economists|researchers|research\s+team"
    r"|commodities\s+team|head\s+of\s+[a-z]+(?:\s+[a-z]+)?|chief\s+[a-z]+)\b",
)
SPEAKER_ANAPHORA_PERSON = (
    r"\b(?:the|that)\s+(?:strategist|analyst|economist|investor|researcher|trader|veteran"
    r"|founder|executive|chief|portfolio\s+manager|fund\s+manager)\b",
    r"\b(?:he|she)\s+" + _VERBS_AFTER_PRONOUN,
    r"^\W*(?:he|she)\b",
    # "According to her, gold will ...", "..., according to him": the person named before
    r"\b(?:according\s+to|in\s+the\s+view\s+of)\s+(?:him|her)\b",
    # "... and stood by his target of ETH at $15,000": the target is the person's
    r"\b(?:his|her)\s+(?:[\w-]+\s+){0,3}?(?:target|forecast|call|prediction|projection"
    r"|estimate|price\s+target)s?\b",
)
SPEAKER_ANAPHORA = (
    *SPEAKER_ANAPHORA_ORGANIZATION,
    *SPEAKER_ANAPHORA_PERSON,
    r"\b(?:the|that)\s+(?:team|strategists|analysts|economists)\b",
    r"\bthey\s+" + _VERBS_AFTER_PRONOUN,
    r"\baccording\s+to\s+them\b",
    # "In their more aggressive view, USD/JPY falls to 140": the view is theirs
    r"\b(?:in|on|under)\s+their\s+(?:[\w-]+\s+){0,3}?(?:target|forecast|call|prediction|projection|estimate"
    r"|view|scenario|case|outlook|path)s?\b",
)
# A headline that starts "UBS: gold to average $3,900 in Q2" names its speaker first. Regex.
HEADLINE_SPEAKER = r"^\W*(?P<name>[A-Z][\w&.'-]*(?:\s+(?:[A-Z][\w&.'-]*|of|&)){0,4})\s*:"
# The subject of a sentence, when nothing else names a speaker: "Deutsche Bank is even more
# optimistic, forecasting ...". Regex; the name must not be a word of NOT_A_NAME.
SENTENCE_SUBJECT = (
    r"^\W*(?P<name>[A-Z][\w&.'-]*(?:\s+(?:[A-Z][\w&.'-]*|of|&)){0,4})\s+(?:is|are|has|have"
    r"|was|were|also|now|still|remains|remain|turned|turns|took|takes|struck|strikes|kept"
    r"|keeps|sounded|sounds|went|goes|published|issued|offered|stays|stayed|continues"
    r"|continued|remained|became|becomes|joined|joins|pencils|pencilled|penciled|aims"
    r"|pegs|puts|reckons|sticks|stuck|holds|leans|struck|sits|sat|stands|stood"
    # "Hayes gave a similar call: bitcoin will hit $250k": who gives or makes the call
    r"|gave|gives|made|makes)\b"
)
# First-person calls belong to the article's author. Regexes.
FIRST_PERSON = (
    r"\b(?:i|we)\s+(?:also\s+|now\s+|still\s+|do\s+|continue\s+to\s+)?(?:expect|think|see"
    r"|believe|forecast|predict|reckon|target|anticipate|project|estimate|am|are|'m|'re"
    r"|would|will|'ll|remain|maintain|reiterate|raise|lift|set|look\s+for|like)\b",
    r"\b(?:i|we)'(?:m|re|ll|d)\b",
    r"\b(?:our|my)\s+(?:target|forecast|base\s+case|view|call|projection|estimate|price"
    r"\s+target|year-end\s+target|prediction|outlook)\b",
    r"\bi\s+have\s+(?:a|my)\b",
)
# Capitalized words that are never a speaker's name (compared lower-case).
NOT_A_NAME = (
    # titles before a name ("Dr. Ulrich Stephan") and prepositions opening a sentence
    "dr", "mr", "mrs", "ms", "prof", "besides", "unlike", "beyond", "amid",
    "the", "a", "an", "in", "on", "at", "but", "and", "or", "so", "if", "as", "by", "for",
    "meanwhile", "however", "also", "still", "now", "then", "this", "that", "these",
    "those", "it", "its", "we", "i", "they", "he", "she", "our", "my", "their", "his",
    "her", "analysts", "analyst", "strategists", "strategist", "economists", "economist",
    "investors", "traders", "experts", "markets", "market", "prices", "price", "some",
    "many", "most", "several", "both", "all", "few", "one", "two", "wall", "street",
    "wall street", "fed", "the fed", "federal", "reserve", "gold", "silver", "bitcoin",
    "ether", "ethereum", "oil", "crude", "brent", "copper", "stocks", "equities", "bonds",
    "treasuries", "dollar", "yields", "news", "update", "analysis", "opinion", "column",
    "exclusive", "breaking", "report", "why", "how", "what", "when", "where", "who",
    "after", "before", "while", "with", "from", "to", "of", "is", "are", "will", "could",
    "may", "might", "should", "would", "can", "must", "year", "next", "last", "q1", "q2",
    "q3", "q4", "h1", "h2", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "january", "february", "march", "april", "june", "july",
    "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "spot", "s&p", "nasdaq",
    "dow", "index", "benchmark", "crypto", "bullion", "said", "says", "according",
    "sees", "expects", "targets", "forecasts", "global", "research", "chief", "head",
    "senior", "managing", "director", "partner", "founder", "ceo", "cio", "cmt", "cfa",
    "usd", "us", "u.s.", "uk", "eu", "etf", "etfs", "asia", "europe", "china", "india",
    "london", "new", "york", "reuters", "bloomberg", "not", "no", "yes", "target", "here",
    "there", "than", "just", "even", "only", "again", "another", "other", "such", "i'll",
    "i'm", "i've", "i'd", "we'll", "we're", "we've", "we'd", "prediction", "call", "calls",
    "lenders", "lender", "bankers", "brokers", "managers", "buyers", "sellers", "bulls",
    "bears", "speculators", "miners", "producers", "consumers", "households", "companies", "firms",
    "forecasters", "sentiment", "demand", "supply", "inflation", "rates",
    "tariffs", "trade", "officials", "policymakers", "governments", "government",
    "shares", "futures", "options", "data", "earnings", "some", "others", "everyone",
    "nobody", "people", "consensus", "polls", "poll", "survey", "respondents",
    # "Independent strategist Ed Yardeni", "Veteran trader Peter Brandt": what the person is
    "independent", "veteran", "famed", "renowned", "longtime", "legendary", "billionaire",
    "prominent", "well-known", "well known", "popular", "noted", "seasoned", "respected",
    # "Rival Borealis Bank", "fellow strategist": who the firm is to another, not its name;
    # "Right now $BTC trades": an adverb opening the sentence
    "rival", "rivals", "fellow", "right",
    # coin and metal codes ("BTC is seen at $150,000"): the asset, not who speaks
    "btc", "eth", "xau", "xag",
    "despite", "although", "though", "because", "since", "until", "unless", "yet",
    "updated", "published", "posted", "gmt", "utc", "et", "est", "edt", "bst", "cet",
    "reporting", "editing", "additional", "writing", "cnbc", "kitco", "marketwatch",
    "barron's", "wsj", "forbes", "fortune", "coindesk", "fxstreet", "investing.com",
    "financial times", "the financial times", "ft", "the wall street journal", "yahoo",
    "yahoo finance", "business insider", "insider", "the block", "decrypt", "axios", "ap",
    "veteran", "key", "top", "bullish", "bearish", "completed", "release", "released",
    "edition", "overview", "separately", "elsewhere",
    # a page's own words before or after a house ("Danske Bank Forecast", "Latest analyst
    # forecasts", "ING Outlook"): the house, not a name of its own
    "forecast", "outlook", "latest",
    "similarly", "likewise", "additionally", "moreover",
    "furthermore", "overall", "ultimately", "finally", "instead", "notably", "indeed",
    "afp", "dow jones newswires", "newswires", "mining.com", "kitco news",
    # adverbs that open a sentence in capitals: "Recently Morgan Stanley raised ..."
    "recently", "lately", "earlier", "later", "previously", "today", "yesterday",
    "currently", "already", "initially", "originally", "subsequently", "then",
    # a desk named by its subject ("our FX team", "Currency strategists at Scotiabank"):
    # the house speaks, not "FX"
    "fx", "forex", "currency", "rates", "commodities", "commodity", "equity", "macro", "team",
    "desk",
    # currencies written with a capital ("The Euro has generally fallen")
    "euro", "yen", "pound", "sterling", "franc", "yuan", "rupee", "greenback",
    # and their ISO codes ("The EUR is likely to struggle in the near term")
    "eur", "usd", "jpy", "gbp", "chf", "cny", "cnh", "aud", "nzd", "cad", "inr",
)  # fmt: skip
# A nationality alone is where a desk is, never a source: "Canadian equity strategist
# Matthew Barasch" (in a firm's name it stays: "Swiss Re", "American Century").
NATIONALITIES = (
    "american", "canadian", "british", "european", "japanese", "chinese", "indian",
    "australian", "german", "french", "swiss", "korean", "brazilian", "asian", "mexican",
)  # fmt: skip
# Legal-form words dropped from a speaker's name: "Citigroup Inc", "JPMorgan Chase & Co.".
LEGAL_SUFFIXES = (
    "inc", "inc.", "corp", "corp.", "co", "co.", "plc", "llc", "ltd", "ltd.", "ag", "sa", "se",
    "n.a.", "nv", "n.v.",
)  # fmt: skip

# Houses readers name one way whatever the article writes; the ledger scores a source by
# its name, so these are one source each. (Short names and the house's full name.)
HOUSE_ALIASES: Mapping[str, str] = MappingProxyType(
    {
        "BofA": "Bank of America", "BofA Global Research": "Bank of America",
        "BofA Securities": "Bank of America", "Bank of America": "Bank of America",
        "BofA Merrill Lynch": "Bank of America", "Merrill Lynch": "Bank of America",
        "BofAML": "Bank of America", "BAML": "Bank of America",
        "Rabo": "Rabobank", "Rabobank": "Rabobank",
        # the merged house's names as desks and wires write them
        "BofA ML": "Bank of America", "BofA-Merrill Lynch": "Bank of America",
        "Bank of America Merrill Lynch": "Bank of America",
        "Bank of America-Merrill Lynch": "Bank of America",
        "JPMorgan Chase": "JPMorgan", "JPMorgan": "JPMorgan", "J.P. Morgan": "J.P. Morgan",
        "JPM": "JPMorgan",
        "Goldman Sachs": "Goldman Sachs",
        "StanChart": "Standard Chartered", "Standard Chartered": "Standard Chartered",
        "SocGen": "Societe Generale", "Société Générale": "Societe Generale",
        "Societe Generale": "Societe Generale",
        "Deutsche Bank": "Deutsche Bank", "Morgan Stanley": "Morgan Stanley", "UBS": "UBS",
        "Citi": "Citi", "Citigroup": "Citi", "Citibank": "Citi", "HSBC": "HSBC",
        "Barclays": "Barclays",
        "JP Morgan": "JPMorgan", "ANZ": "ANZ",
        "BNP Paribas": "BNP Paribas", "Commerzbank": "Commerzbank", "ING": "ING",
        "Wells Fargo": "Wells Fargo", "Macquarie": "Macquarie", "RBC": "RBC",
        "Bernstein": "Bernstein", "Jefferies": "Jefferies", "Nomura": "Nomura",
        "Mizuho": "Mizuho", "Saxo Bank": "Saxo Bank", "Julius Baer": "Julius Baer",
        # banks whose one-word names carry no firm's word of their own ("Scotiabank, by
        # contrast, backs ...": a house opening its sentence is known by the table)
        "Scotiabank": "Scotiabank", "Natixis": "Natixis",
        "Danske Bank": "Danske Bank", "Westpac": "Westpac", "CIBC": "CIBC", "BMO": "BMO",
        "Bank of Montreal": "BMO",
        # a house the labels name in every round-up of index targets
        "Oppenheimer": "Oppenheimer", "Oppenheimer & Co.": "Oppenheimer",
        "Oppenheimer Asset Management": "Oppenheimer",
        "MUFG": "MUFG", "Santander": "Santander", "UniCredit": "UniCredit",
        "Credit Agricole": "Credit Agricole", "Crédit Agricole": "Credit Agricole",
        "EIA": "Energy Information Administration",
        "Energy Information Administration": "Energy Information Administration",
        "US Energy Information Administration": "Energy Information Administration",
        "U.S. Energy Information Administration": "Energy Information Administration",
        # the agency's monthly report speaks for it: "the STEO expects Brent to average $58"
        "STEO": "Energy Information Administration",
        "Short-Term Energy Outlook": "Energy Information Administration",
        "IEA": "International Energy Agency",
        "International Energy Agency": "International Energy Agency",
    }
)  # fmt: skip
# A house's desks and branches ("UBS Switzerland", "Goldman Sachs Research"): the house's view.
HOUSE_DESKS = (
    "research", "global research", "investment research", "securities", "wealth management",
    "global wealth management", "private bank", "private banking", "switzerland",
    "global investment research", "commodities research", "strategists", "analysts",
    "chief investment office", "cio", "asset management", "global markets",
    # "ANZ Group", "Standard Chartered Bank", "Macquarie Group": the house's group or bank
    "group", "bank", "banking group",
)  # fmt: skip

# The trailing words of a firm's name that say what kind of firm or arm it is, which readers
# and writers leave out as often as they write them ("Nomura Holdings" / "Nomura", "Loop
# Capital Markets" / "Loop Capital", "Strategas Research Partners" / "Strategas Research",
# "Fundstrat Global Advisors" / "Fundstrat"): the ledger keeps the name without them, so one
# firm written two ways is one source. Longest first; matched on whole words at the end.
FIRM_FORM_SUFFIXES = (
    "private wealth solutions", "wealth solutions", "global advisors", "global advisers",
    "asset management", "investment management", "holdings", "markets", "partners",
    "advisors", "advisers",
)  # fmt: skip

# Words in a name that make it an organization ("Acme Capital", "Bank of America"); a
# name of one word or in capitals ("JPMorgan", "UBS") is read as one too. Pronouns and
# words like "the bank" point back to the last organization, "she" or "the strategist"
# to the last person.
ORGANIZATION_WORDS = (
    "bank", "banks", "sachs", "capital", "group", "research", "securities", "economics",
    "partners", "advisors", "advisers", "advisory", "management", "investments",
    "investment", "markets", "asset", "assets", "holdings", "financial", "fund", "funds",
    "associates", "council", "institute", "exchange", "trust", "co", "co.", "inc", "inc.",
    "ltd", "ltd.", "llc", "plc", "ag", "sa", "wealth", "global", "strategies", "analytics",
    "intelligence", "digital", "ventures", "labs", "insights", "securities", "brokerage",
    "association", "corp", "corp.", "corporation", "company", "commission", "agency",
    "treasury", "reserve", "stanley", "lynch", "chase", "fargo", "suisse", "paribas",
    "generale", "société", "societe", "nomura", "mizuho", "macquarie", "sec", "imf",
    "chartered", "organization", "organisation", "opec", "opec+", "eia", "iea", "university",
    "board", "invest",
)  # fmt: skip
# The public figures the labelling convention tracks in their own name in every file,
# whatever firm an article ties them to ("Tom Lee, head of research at Fundstrat").
PUBLIC_FIGURES = ("Tom Lee", "Arthur Hayes", "Peter Schiff", "Robert Kiyosaki")
# The other given names they are written with ("Thomas Lee, founder of Fundstrat Global
# Advisors"): the same person, kept under the name above.
PUBLIC_FIGURE_GIVEN_NAMES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "Tom Lee": ("Thomas", "Tommy"), "Arthur Hayes": ("Art",), "Peter Schiff": ("Pete",),
        "Robert Kiyosaki": ("Rob", "Bob", "Robert T."),
    }
)  # fmt: skip
# The title between a person and their firm: "said Jane Doe, chief strategist at Acme".
PERSON_AT_FIRM = r",\s+(?:[a-z][\w&'-]*\s+){0,6}(?:at|of|with)\s+"
