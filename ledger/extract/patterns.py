"""Everything the extractor knows about how articles word a forecast, as data.

The extractor (extractor.py) is a handful of generic steps; what it looks for
is all here, in plain tuples and dicts, so that a reader can see why a
sentence was or was not taken and a user can teach it a new phrasing by
adding a line. Phrases are lower-case and match whole words, case-insensitively,
with any run of spaces between their words; entries marked "regex" are
regular expressions.

What is *not* here, because the claim language already has it and the two
must never disagree: asset aliases (ledger.claims.assets.BUILTIN_ALIASES),
level formats (ledger.claims.numbers), deadline phrases (ledger.claims.dates)
and direction words (ledger.claims.vocabulary). The tables below only add
the names and verbs that articles use and claim notes do not.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

# ---------------------------------------------------------------- assets

# Names articles use, on top of the claim language's built-in aliases and the
# user's own. Only real Yahoo symbols: a name whose symbol does not exist would
# record a claim that can never be resolved. And only where articles quote the price
# in the symbol's own unit: copper is left out because articles quote it per tonne
# (LME) while HG=F trades per pound (add an alias if you want it).
ARTICLE_ASSET_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "spot gold": "GC=F",
        "gold futures": "GC=F",
        "comex gold": "GC=F",
        "bullion": "GC=F",
        "gold bullion": "GC=F",
        "the yellow metal": "GC=F",
        "spot silver": "SI=F",
        "silver futures": "SI=F",
        "the grey metal": "SI=F",
        "the gray metal": "SI=F",
        "the world's largest cryptocurrency": "BTC-USD",
        "the largest cryptocurrency": "BTC-USD",
        "the biggest cryptocurrency": "BTC-USD",
        "the original cryptocurrency": "BTC-USD",
        "the second-largest cryptocurrency": "ETH-USD",
        "the s&p 500 index": "^GSPC",
        "the benchmark index": "^GSPC",
        "the benchmark s&p 500": "^GSPC",
        "wall street's benchmark": "^GSPC",
        "nasdaq 100": "^NDX",
        "the nasdaq 100": "^NDX",
        "the nasdaq-100": "^NDX",
        "nasdaq-100": "^NDX",
        "the nasdaq composite": "^IXIC",
        "the nasdaq": "^IXIC",
        "the dow": "^DJI",
        "dow jones industrial average": "^DJI",
        "the dow jones": "^DJI",
        "brent": "BZ=F",
        "brent crude": "BZ=F",
        "brent oil": "BZ=F",
        "u.s. crude": "CL=F",
        "us crude": "CL=F",
        "west texas intermediate": "CL=F",
        "wti crude": "CL=F",
        "platinum": "PL=F",
        "palladium": "PA=F",
        "natural gas": "NG=F",
        "natural-gas": "NG=F",
        "solana": "SOL-USD",
        "xrp": "XRP-USD",
        "the dax": "^GDAXI",
        "dax": "^GDAXI",
        "dax 40": "^GDAXI",
        "nikkei": "^N225",
        "the nikkei": "^N225",
        "nikkei 225": "^N225",
        "the nikkei 225": "^N225",
        "nikkei share average": "^N225",
        # Japanese 日経平均 ("Nikkei heikin") in translation: the index, not an average of it
        "nikkei average": "^N225",
        "the nikkei average": "^N225",
        "nikkei stock average": "^N225",
        "the nikkei stock average": "^N225",
        "ftse 100": "^FTSE",
        "the ftse 100": "^FTSE",
        "euro stoxx 50": "^STOXX50E",
        "stoxx 600": "^STOXX",
        "hang seng": "^HSI",
        "the hang seng": "^HSI",
        "usd/jpy": "JPY=X",
        "usdjpy": "JPY=X",
        "dollar/yen": "JPY=X",
        "dollar-yen": "JPY=X",
        "gbp/usd": "GBPUSD=X",
        "gbpusd": "GBPUSD=X",
        "the dollar index": "DX-Y.NYB",
        "dxy": "DX-Y.NYB",
        "henry hub": "NG=F",
        "the euro": "EURUSD=X",
        "the single currency": "EURUSD=X",
    }
)

# Names that could mean something else; a candidate read from one says so and scores lower.
VAGUE_ASSET_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "the benchmark index": "'the benchmark index' read as the S&P 500",
        "wall street's benchmark": "'Wall Street's benchmark' read as the S&P 500",
        "the nasdaq": "'the Nasdaq' read as the Nasdaq Composite (^IXIC)",
        "the dow": "'the Dow' read as the Dow Jones Industrial Average (^DJI)",
    }
)

# A family for each symbol, so that "the metal" or "the token" can point back to
# the last asset of that family named in the article.
ASSET_FAMILIES: Mapping[str, str] = MappingProxyType(
    {
        "GC=F": "metal", "SI=F": "metal", "HG=F": "metal", "PL=F": "metal", "PA=F": "metal",
        "BTC-USD": "crypto", "ETH-USD": "crypto", "SOL-USD": "crypto",
        "^GSPC": "index", "^NDX": "index", "^IXIC": "index", "^DJI": "index",
        "CL=F": "oil", "BZ=F": "oil", "NG=F": "gas", "XRP-USD": "crypto",
        "^GDAXI": "index", "^N225": "index", "^FTSE": "index", "^STOXX50E": "index",
        "^STOXX": "index", "^HSI": "index",
        "EURUSD=X": "fx", "JPY=X": "fx", "GBPUSD=X": "fx", "DX-Y.NYB": "fx",
    }
)  # fmt: skip

# Words that point back to an asset named before ("the metal" after "gold"); a word that
# may mean either of two kinds names both, "index|oil".
ASSET_ANAPHORA: Mapping[str, str] = MappingProxyType(
    {
        "the metal": "metal",
        "the precious metal": "metal",
        "the token": "crypto",
        "the coin": "crypto",
        "the cryptocurrency": "crypto",
        "the digital asset": "crypto",
        "the index": "index",
        "the gauge": "index",
        "the benchmark": "index|oil",
        "the contract": "oil",
        "the commodity": "oil",
        "the pair": "fx",
        "the currency pair": "fx",
        "the greenback": "fx",
        "the exchange rate": "fx",
    }
)

# After an asset name, these words make it something other than the price:
# "gold demand could rise 10%", "bitcoin ETFs will see $50 billion of inflows".
NOT_THE_PRICE_AFTER = (
    "miners", "miner", "mining", "stocks", "stock", "shares", "equities", "etf", "etfs",
    "fund", "funds", "demand", "supply", "reserves", "reserve", "holdings", "inflows",
    "outflows", "flows", "production", "output", "imports", "exports", "inventories",
    "stockpiles", "volatility", "dominance", "market cap", "market capitalization",
    "network", "hashrate", "hash rate", "fees", "treasury", "treasuries", "standard",
    "lining", "bugs", "bulls", "bears", "investors", "holders", "whales", "options",
    "open interest", "positioning", "allocations", "allocation", "rig count", "majors",
    "producers", "consumption", "exposure", "ratio", "spread", "earnings per share", "eps",
    "dividend yield",
)  # fmt: skip

# Before an asset name, these words make it a yardstick, not the subject:
# "bitcoin will outperform gold and reach $150,000".
NOT_THE_SUBJECT_BEFORE = (
    "than", "outperform", "outperforms", "outperforming", "outpace", "outpaces",
    "outpacing", "versus", "vs", "vs.", "against", "relative to", "priced in",
    "in terms of", "like", "unlike", "compared with", "compared to", "rotate out of",
    "rotation out of", "out of", "away from",
)  # fmt: skip

# ---------------------------------------------------------------- is it a forecast?

# Verbs and nouns by which someone states a view of the future. A sentence with one
# (outside a clause about the past) is read as a forecast. Strong cues score higher
# than a bare modal verb.
FORECAST_VERBS = (
    "expect", "expects", "expecting", "forecast", "forecasts", "forecasting", "predict",
    "predicts", "predicting", "project", "projects", "projecting", "see", "sees", "seeing",
    "anticipate", "anticipates", "target", "targets", "targeting", "estimate", "estimates",
    "reckon", "reckons", "believe", "believes", "think", "thinks", "call for", "calls for",
    "calling for", "bet on", "bets on", "betting on", "eye", "eyes", "eyeing", "envisage",
    "envisages", "look for", "looks for", "is calling", "now sees", "now expects",
)  # fmt: skip
FORECAST_NOUNS = (
    "price target", "target", "targets", "forecast", "forecasts", "outlook", "projection",
    "projections", "base case", "base-case", "prediction", "predictions", "price objective",
    "year-end target", "fair value", "estimate", "call",
)  # fmt: skip
# Regexes: modal verbs and "set to"-style phrases that put a sentence in the future.
FUTURE_MARKERS = (
    r"\b(?:will|shall|would|could|might|should|must)\b",
    r"(?<=\w)'ll\b",
    r"\bmay\b(?!\s*(?:\d|,?\s*(?:19|20)\d\d))",  # the verb, not the month ("May 2026")
    r"\b(?:set|poised|likely|expected|forecast|projected|seen|tipped|primed|due|bound"
    r"|on\s+track|on\s+course|going|about|needs?|has|have)\s+to\b",
    r"\b(?:heading|headed|heads|on\s+course|on\s+track)\s+(?:for|to|toward|towards)\b",
    r"\bis\s+seen\b|\bseen\s+(?:at|reaching|hitting|rising|falling|averaging)\b",
    r"\b(?:next|coming)\s+(?:year|quarter|month|week|months|quarters|years)\b",
    # "the key is whether Bitcoin can hold support": a test the market has yet to pass.
    r"\bwhether\b[^.;]{0,60}?\bcan\s+(?:hold|defend|keep|stay|remain|break|reclaim|retake"
    r"|regain)\b",
)
# A headline's infinitive: "Gold to hit $5,000 in 2026", "Bitcoin to $150k by year-end".
HEADLINE_INFINITIVE = r"\bto\s+(?:hit|reach|top|rise|climb|rally|fall|drop|slide|test|\$|\d)"

# The speaker says it will *not* happen: still a claim, but with a low probability.
# Looked for between the asset and the level of each call.
NEGATED_CUES = (
    r"\b(?:do|does|did)\s*(?:not|n't)\s+(?:expect|see|think|believe|forecast|anticipate)\b",
    r"\b(?:don't|doesn't|didn't)\s+(?:expect|see|think|believe|forecast|anticipate)\b",
    # "we are not forecasting Brent to trade above $100", "isn't predicting"
    r"\b(?:am|is|are|was|were|'m|'re|'s)\s*(?:not|n't)\s+(?:expecting|forecasting|predicting"
    r"|projecting|calling\s+for|anticipating|seeing|targeting)\b",
    r"\b(?:isn't|aren't|wasn't|weren't)\s+(?:expecting|forecasting|predicting|projecting"
    r"|calling\s+for|anticipating|seeing|targeting)\b",
    r"\bunlikely\s+to\b",
    r"\bno\s+chance\b",
    r"\bdoubts?\s+(?:that|whether|if|it)\b",
    r"\b(?:won't|will\s+not|wouldn't|would\s+not|cannot|can't)\s+(?:reach|hit|top|get\s+to"
    r"|see|exceed|break|surpass|climb|rise)\b",
)

# Phrases with "not" that do not negate the call. Regexes, blanked before negations are read.
NOT_A_NEGATION = (
    r"\b(?:would|will|should)?\s*(?:not|n't)\s+be\s+surprised\b",
    r"\b(?:can't|cannot|can\s+not|not|wouldn't|won't)\s+rule\s+out\b",
    r"\bnot\s+only\b",
    r"\bif\s+not\b",
)

# ---------------------------------------------------------------- the past

# Time words that put a clause in the past. Regexes.
PAST_TIME = (
    r"\byesterday\b",
    r"\blast\s+(?:week|month|year|quarter|session|night|friday|monday|tuesday|wednesday"
    r"|thursday|saturday|sunday|time|cycle)\b",
    r"\bearlier\s+(?:this|in\s+the|that)\s+(?:week|month|year|quarter|session|day)\b",
    r"\b(?:\d+|a|an|one|two|three|four|five|six|several|few)\s+(?:days?|weeks?|months?"
    r"|years?|sessions?)\s+ago\b",
    r"\bon\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    r"\bovernight\b",
    r"\bso\s+far\s+(?:this|in)\b",
    r"\byear[-\s]to[-\s]date\b|\bytd\b",
    r"\b(?:up|down)\s+(?:about\s+|nearly\s+|some\s+|more\s+than\s+)?[\d.]+\s*(?:%|percent"
    r"|per\s+cent)\s+(?:this|so|since|year|in\s+the|over\s+the\s+past|on\s+the\s+(?:year"
    r"|month|week|day|session|quarter))\b",
    # "up 169% in a year", "down 4.2% over seven days": the move so far
    r"\b(?:up|down)\s+(?:about\s+|nearly\s+|some\s+|more\s+than\s+|almost\s+)?[\d.]+\s*(?:%"
    r"|percent|per\s+cent)\s+(?:in|over|across|during)\s+(?:the\s+)?(?:(?:past|last|previous)"
    r"\s+)?(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve)?\s*(?:days?"
    r"|weeks?|months?|years?|sessions?|quarters?)\b",
    r"\bsince\s+(?:january|february|march|april|may|june|july|august|september|october"
    r"|november|december|the\s+start|the\s+beginning)\b",
    r"\bin\s+(?:the\s+)?(?:past|previous|prior)\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?"
    r"|sessions?)\b",
    r"\bthis\s+(?:morning|afternoon)\b",
    r"\bin\s+recent\s+(?:days|weeks|months|sessions|trading)\b",
    r"\bat\s+the\s+(?:close|open)\b",
    r"\b(?:record|all-time|all\s+time|multi-year|fresh)\s+(?:high|low|peak)s?\s+of\b",
)
# A sentence that looks back on an old call, or says how a call turned out, is history
# even when it names a forecast: "At the start of the year, Goldman forecast gold would end
# 2025 at $3,100", "Citi's call for $100,000 came true". Regexes.
OLD_CALLS = (
    r"^\W*(?:at\s+the\s+(?:start|beginning)\s+of\s+(?:the|this|last)\s+year|last\s+year"
    r"|a\s+year\s+ago|back\s+in\b|earlier\s+this\s+year|in\s+(?:early|late|mid)[-\s]"
    r"(?:19|20)\d\d)\b",
    r"\b(?:came|come|comes)\s+true\b",
    r"\bproved\s+(?:right|wrong|correct|prescient|premature)\b",
    r"\b(?:was|were)\s+(?:right|wrong|spot\s+on|off\s+the\s+mark)\b",
    r"\b(?:missed|overshot|undershot)\s+(?:the\s+mark|badly|by)\b",
    r"\b(?:panned|pan)\s+out\b",
    r"\bhad\s+(?:\w+ly\s+)?(?:forecast|predicted|expected|projected|targeted|called\s+for"
    r"|seen|estimated)\b",
    # "The bank had already trimmed its forecasts last week, to $62"
    r"\bhad\s+(?:already\s+|previously\s+|earlier\s+|\w+ly\s+)?(?:trimmed|cut|raised|lifted"
    r"|lowered|revised|slashed|upgraded|downgraded|set|put)\s+(?:its|their|his|her|the|that|this"
    r"|these|those|a|an)\b",
    # "Only two weeks ago the bank had raised that target to $85": dated in the past
    r"^\W*(?:only\s+|just\s+|as\s+recently\s+as\s+)?(?:\d+|a|an|one|two|three|four|five|six"
    r"|several|a\s+few|few)\s+(?:days?|weeks?|months?|years?)\s+ago\b",
)
# A sentence that opens on an earlier edition of a forecast reports that edition's figures:
# "Last month's outlook had $3.61 for 2025", "In an earlier note, dated August 3, the bank
# said Brent could average $64". Past up to the next colon, semicolon or "but", as for an
# old call with "had". Regexes.
OLD_EDITIONS = (
    r"^\W*(?:in\s+|by\s+)?(?:(?:an?|the|its|their|his|her)\s+)?(?:earlier|previous|prior|older"
    r"|former|last)\s+(?:[\w-]+\s+)?(?:note|outlook|report|edition|forecast|update|projection"
    r"|survey|poll|release|estimate|steo)s?\b",
    r"^\W*(?:in\s+)?(?:last\s+(?:week|month|quarter|year)|(?:january|february|march|april|may"
    r"|june|july|august|september|october|november|december))['\u2019]s\s+(?:[\w-]+\s+)?"
    r"(?:note|outlook|report|edition|forecast|update|projection|survey|poll|release|estimate"
    r"|steo)s?\b",
    # "The move comes after an April 4 update in which the bank cut its forecasts to $69"
    r"\b(?:after|since|following)\s+(?:an?|the|its|their)\s+(?:earlier\s+|previous\s+|prior\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:update|note|outlook|report|edition|revision)\s+in\s+which\b",
)
# "Standard Chartered, which last year forecast that bitcoin could drop to $5,000, now
# believes...": an aside that dates a call in the past is history up to its closing comma;
# the sentence around it is the speaker's call now. Regex; the aside runs to the next ", ".
OLD_CALL_ASIDE = (
    r",\s+(?:which|who)\s+(?:(?:last\s+(?:week|month|quarter|year)|in\s+(?:19|20)\d\d|back\s+in"
    r"\s+\S+|(?:\d+|a|an|one|two|three|four|five|six|several|a\s+few)\s+(?:days?|weeks?"
    r"|months?|years?)\s+ago|earlier\s+this\s+year|once|previously)\s+(?:had\s+)?|had\s+"
    r"(?:once\s+|previously\s+|earlier\s+)?)(?:forecast|predicted|projected|expected|called\s+for"
    r"|said|warned|targeted|estimated)\b[^,;]*"
)
# A clause ends at these, so that a past clause can be set aside on its own: "Gold, which
# hit $4,381 in October, will climb to $5,000". Regex.
CLAUSE_BREAKS = (
    r",\s|;\s*|:\s|\s-{1,2}\s|\(|\)|\s(?=(?:after|since|while|whereas|but|though|although"
    r"|because|when|which|who|that|having|despite|before|following)\b)"
    r"|\s(?=and\s+(?:could|will|would|may|might|should|is|are|expects?|sees?|now|said|says"
    r"|added|adds|noted|notes|told|warned|argued)\b)"
)
# Past-tense market verbs. A clause with one of these, and no future marker, reports
# what happened. ("hit" and the like count only when not after "to", "will", "could"...)
PAST_VERBS = (
    "rose", "fell", "climbed", "jumped", "surged", "soared", "rallied", "dropped", "slid",
    "slipped", "slumped", "tumbled", "plunged", "sank", "dipped", "declined", "gained",
    "lost", "shed", "topped", "broke", "breached", "touched", "reached", "crossed",
    "closed", "ended", "finished", "settled", "traded", "peaked", "bottomed", "notched",
    "posted", "hovered", "retreated", "rebounded", "recovered", "spiked", "crashed",
    "advanced", "eased", "firmed", "weakened", "strengthened", "hit", "was", "were",
    "surpassed", "exceeded", "doubled", "tripled", "halved", "plummeted", "skyrocketed",
    "edged", "ticked", "printed", "opened", "marked", "set", "extended", "erased",
    "pared", "swung", "went", "came", "bounced", "stalled", "slipped", "averaged",
)  # fmt: skip
# After these a past-looking verb is not past: "could hit", "to set", "did not break". Regex,
# matched against the text just before the verb.
NOT_PAST_BEFORE_VERB = (
    r"(?:\bto|\bwill|\bwould|\bcould|\bmay|\bmight|\bcan|\bshould|\bmust|\bnot|\bnever|\bdid"
    r"|\bdoes|\bdo|n't|\bcannot|\bbe)\s+$"
)
# "has risen", "have doubled": the perfect tense reports the past too. Regex.
PERFECT_TENSE = (
    r"\b(?:has|have|had)\s+(?:\w+ly\s+|already\s+|just\s+|now\s+|even\s+){0,2}(?:been|risen"
    r"|fallen|\w+ed|hit|lost|sunk|shot|blown|broken|gone|run|grown|swung|slid|set|won)\b"
)

# ---------------------------------------------------------------- conditions and hedges

# A forecast under a condition cannot be judged as stated: it becomes a flagged,
# low-confidence candidate that --yes never records. These make the whole sentence
# conditional ("If the Fed cuts, gold could reach $5,000"). Regexes.
CONDITIONALS = (
    r"\bif\b(?!\s+not\b|\s+anything\b)",
    r"\bunless\b",
    r"\bprovided\s+(?:that\b)?",
    r"\bas\s+long\s+as\b|\bso\s+long\s+as\b",
    r"\bassuming\b",
    r"\bin\s+the\s+event\b",
    r"\bshould\s+the\b",
    r"^\W*should\b",  # "Should inflation return, ...": an inverted condition
    r"\bwere\s+(?:the|it|they)\b.{0,40}\bto\b",
    r"\bbarring\b",
    r"\bin\s+case\b",
    r"\bonly\s+(?:if|when)\b",
    # "it would take rate cuts and a weaker dollar to carry the metal above $5,000": what
    # the move needs, not the call
    r"\b(?:it|that)\s+(?:would|will|could|might|may)\s+(?:take|require|need)\b",
    r"\bwould\s+(?:require|need)\b",
    r"\b(?:in\s+(?:a|an|the|our|its|their)\s+)?(?:hypothetical|extreme|tail[-\s]risk)\b",
)
# A condition governs the clause it belongs to: from the last of these breaks before it
# (or from the start of the sentence) to the end. "My target is $4,800, and I'll cut the
# trade if ETH closes below $2,600": only the second call is conditional. Regex.
CONDITION_SCOPE_BREAK = r",\s+(?:and|but|while|whereas|with)\s+|;\s+|\s-\s"
# ... and ends at a contrast after it: "could gain if fears grow, but is forecasting 1.25".
CONDITION_SCOPE_END = r",\s+(?:but|whereas|yet)\s+|;\s+"
# "even if" and "as if" do not make the call conditional. Regexes, checked just before "if".
NOT_CONDITIONAL_BEFORE_IF = (r"\beven\s+$", r"\bas\s+$")
# Scenarios make only their own clause conditional: in "its base case is $150,000; its
# bear case is $78,000" the base case is the call. Regexes.
# A figure pooled from many forecasters is nobody's call: "a median forecast of $4,746",
# "the average target among the big firms". Regexes; the candidate is flagged and capped.
CONSENSUS = (
    r"\b(?:median|consensus|mean)\b",
    r"\b(?:survey|poll)\s+of\b",
    # "Delegates expect silver at $59.10 next year": the survey's respondents, pooled
    r"\b(?:delegates|respondents|participants|attendees)\b",
    r"\baverage\s+(?:\S+\s+){0,4}(?:target|forecast|estimate)s?\s+(?:among|of\s+the|across)\b",
    # "the average of 13 projections compiled by Bloomberg", "their average year-end target"
    r"\baverage\s+of\s+(?:the\s+)?(?:\S+\s+){0,2}(?:projections|forecasts|estimates|targets"
    r"|calls|analysts|strategists|economists|banks|forecasters|brokers|houses)\b",
    r"\b(?:their|the)\s+average\s+(?:[\w-]+\s+){0,3}?(?:target|forecast|estimate|projection"
    r"|call)s?\b",
    r"\b(?:projections|forecasts|estimates|targets|calls)\s+(?:compiled|polled|gathered"
    r"|collected)\s+by\b",
    # "BofA, Goldman and Deutsche Bank raised their targets, some of them up to $5,000":
    # the level is some of the houses', no one's in particular
    r"\b(?:some|a\s+few|several|one|two|most|many)\s+of\s+them\b",
    # the odds of a prediction market or what the market prices: nobody's call
    r"\b(?:prediction|betting)\s+markets?\b|\b(?:polymarket|kalshi)\b",
    r"\b(?:the\s+)?(?:futures|options|swaps?)\s+markets?\s+(?:expects?|implies?|imply|prices?"
    r"|is\s+pricing|are\s+pricing)\b|\bthe\s+market\s+(?:expects|is\s+pricing|prices\s+in)\b",
    # a survey's spread: "Year-end forecasts ranged from 14,600 to 25,000"
    r"\b(?:forecasts|targets|estimates|calls|predictions)\s+(?:ranged|range|ranging|ran|varied"
    r"|vary|varying)\s+(?:widely\s+)?(?:from|between)\b",
    # a list's summary rows: "Highest: 8,100", "Average: 7,635" restate or pool the rows above
    r"^\W*(?:highest|lowest|average|mean)\s*(?:target|forecast|call|estimate)?s?\s*:",
)
# Forecasters the writer does not name: "some projections place gold at $6,000", "several
# expect $100 crude", "most banks see", "Three strategists expect", "People have been calling
# for $100K". A level they are the source of is nobody's call to score: the candidate is
# flagged and capped as a consensus is, unless a named speaker comes between them and it.
# Regexes.
UNNAMED_SOURCES = (
    # ("the most bearish houses" is a superlative, not a number of them)
    r"(?<!\bthe\s)\b(?:some|several|many|most|a\s+few|few|a\s+(?:growing\s+|small\s+|large\s+)?number\s+of"
    r"|a\s+handful\s+of|a\s+host\s+of|other|two|three|four|five|six|seven|eight|nine|ten"
    r"|a\s+dozen)\s+(?:of\s+the\s+)?(?:[\w-]+\s+){0,2}?(?:analysts|strategists|economists|banks"
    r"|houses|brokers|forecasters|experts|traders|investors|projections|forecasts|estimates"
    r"|models|people|observers|commentators|executives|watchers|bulls|bears|pundits"
    r"|influencers)\b",
    r"\b(?:some|several|many|most|others|a\s+few)\s+(?:(?:now|also|even|already|still)\s+)?"
    r"(?:expect|see|think|predict|forecast|believe|say|argue|reckon|call\s+for|have\s+(?:lifted"
    r"|raised|set|put|pencilled|penciled))\b",
    r"\bpeople\s+(?:have\s+been\s+|are\s+|were\s+)?(?:calling|predicting|expecting|betting"
    r"|talking\s+about)\b",
)
SCENARIOS = (
    r"\b(?:bull|bear|upside|downside|optimistic|pessimistic|blue[-\s]sky|stress|worst|best)"
    r"\s*[-\s]?(?:case|scenario)\b",
    r"\bscenario\s+(?:in\s+which|where)\b",
)

# Hedge words: the call is kept, flagged, so the user can give a probability. Regexes.
HEDGES = (
    r"\b(?:could|might|possibly|perhaps|potentially|conceivably|maybe)\b",
    r"\bmay\b(?!\s*(?:\d|,?\s*(?:19|20)\d\d))",
    r"\bthere\s+is\s+(?:a|some)\s+(?:chance|risk|possibility)\b",
    r"\b(?:can't|cannot|not|wouldn't)\s+rule\s+out\b",
    r"\bnot\s+out\s+of\s+the\s+question\b",
)

# ---------------------------------------------------------------- direction

# Verbs articles use for the direction of a call, by claim family and side, where the
# claim language's vocabulary (ledger.claims.vocabulary) has no entry or reads them
# otherwise. Longest phrases are matched first; what is left is read with the claim
# language's own vocabulary.
TOUCH_ABOVE_PHRASES = (
    "reach", "reaching", "hit", "hitting", "top", "topping", "break above", "breaking above",
    "break through", "breaking through", "break past", "rise to", "rising to", "rise toward",
    "rise towards", "climb to", "climbing to", "climb above", "rally to", "rallying to",
    "jump to", "surge to", "soar to", "push above", "push through", "push to", "move above",
    "head to", "heads to", "heading to", "head toward", "heading toward", "heading towards",
    "head for", "heads for", "heading for", "headed for", "on course for", "on track for",
    "eye", "eyes", "eyeing", "target", "targets", "targeting", "target of", "price target of",
    "recovering to", "go as high as", "as high as", "trade as high as", "rise as high as",
    "scale", "clear", "crack", "exceed", "exceeding", "surpass", "surpassing", "go above",
    "trade above", "touch", "reclaim", "recover to", "rebound to", "rebounding to",
    "bounce to", "advance to", "upside to", "extend gains to", "grind higher to",
    "peak at", "peaking at", "peak near", "peaking near", "peak around", "peaking around",
    "peak of", "a peak of", "peaks at", "top out at", "topping out at",
    "run to", "march to", "path to", "road to", "gain to", "rise", "climb", "rally",
    "carry it to", "take it to", "push it to", "send it to", "lift it to", "drive it to",
    "carry prices to", "take prices to", "push prices to", "send prices to", "lift prices to",
    "drive prices to", "carry the metal to", "push the metal to", "carry the index to",
    "push the index to", "lift the index to",
)  # fmt: skip
TOUCH_BELOW_PHRASES = (
    "fall to", "falling to", "fall below", "falling below", "drop to", "dropping to",
    "drop below", "dip to", "dip below", "dipping to", "slide to", "sliding to",
    "slide below", "slump to", "sink to", "sink below", "decline to", "declining to",
    "tumble to", "plunge to", "crash to", "crash below", "retreat to", "retreating to",
    "pull back to", "pullback to", "correct to", "correction to", "fall back to",
    "break below", "breaking below", "downside to", "revisit", "give back", "ease to",
    "easing to", "eases to", "slip to", "slip back to", "slip back toward", "slip below",
    "slipping to", "as low as", "go as low as", "fall as low as", "bottom out at",
    "bottom out", "bottoming out", "bottom at", "trough at", "drift lower to", "fall", "drop",
    "slide", "decline", "retreat", "correct", "weaken to", "weakening to", "weakens to",
    "weaken further to", "depreciate to", "depreciating to", "lose ground to",
    "ease again to", "easing again to", "eases again to", "fall again to", "falling again to",
    "drop again to", "dropping again to", "decline again to", "slip again to",
)  # fmt: skip
HOLD_ABOVE_PHRASES = (
    "hold above", "holds above", "holding above", "stay above", "stays above",
    "staying above", "remain above", "remains above", "remaining above", "keep above",
    "hold support at", "hold support", "holding support", "defend", "defends", "defending",
    "hold onto", "hold on to", "hold", "holds", "holding", "stay", "stays", "remain",
    "remains", "not fall below", "never fall below", "not drop below", "not break below",
    "won't fall below", "will not fall below", "floor at", "floor of", "a floor",
)  # fmt: skip
HOLD_BELOW_PHRASES = (
    "stay below", "stays below", "staying below", "remain below", "remains below",
    "stay under", "stays under", "remain under", "capped at", "capped below", "cap",
    "ceiling at", "ceiling of", "a ceiling", "not rise above", "not break above",
    "won't rise above", "will not rise above", "won't top", "will not top",
)  # fmt: skip
# Hold words that name no side: "BTC holds 80000" means it stays above, unless a side
# word ("below", "under") says otherwise.
SIDELESS_HOLD_WORDS = (
    "hold", "holds", "holding", "stay", "stays", "remain", "remains", "defend", "defends",
)  # fmt: skip
AVERAGE_ABOVE_PHRASES = (
    "average", "averages", "averaging", "average above", "an average of", "average price of",
    "averaging above",
)  # fmt: skip
AVERAGE_BELOW_PHRASES = ("average below", "averages below", "averaging below")
# A year-end (or period-end) close: "end 2026 at 7,500", "finish the year above $5,000",
# "end Q1 2026 near 7,000". Regexes; matched before deadline phrases are read, since they
# share their words. (PERIOD_END is spliced into both.)
PERIOD_END = (
    r"(?:end|ends|ending|finish|finishes|finishing|close|closes|closing|settle|settles)\s+"
    r"(?:out\s+)?(?:the\s+year|this\s+year|next\s+year|(?:19|20)\d\d|the\s+quarter|the\s+month"
    r"|the\s+decade|[QH][1-4](?:\s+(?:19|20)\d\d)?)"
)
CLOSE_PATTERNS = (
    rf"\b{PERIOD_END}\s+(?:at|above|around|near|over|north\s+of|in\s+the)\b",
    r"\byear[-\s]end\s+close\b",
    r"\bclose\s+(?:at|above)\b",
)
CLOSE_BELOW_PATTERNS = (
    rf"\b{PERIOD_END}\s+(?:below|under|south\s+of)\b",
    r"\bclose\s+below\b",
)

# A bank's price forecast *for a period* ("its Brent forecast for the second half of 2026 to
# $60") is that period's average, as banks publish them. Regexes over the sentence as written;
# applied only when no direction verb names the kind.
PERIOD_FORECAST = (
    r"\b(?:19|20)\d\d\s+(?:(?:average|gold|silver|oil|brent|wti|price|spot|annual)\s+){0,3}"
    r"(?:forecasts?|estimates?|projections?)\b",
    r"\baverage\s+(?:(?:gold|silver|oil|brent|wti|spot|annual|quarterly|yearly|price)\s+){0,3}"
    r"(?:forecasts?|estimates?|projections?|assumptions?)\b",
    r"\b(?:forecasts?|estimates?|projections?)\s+for\s+(?:[\w']+\s+){0,3}average\b",
    r"\bforecasts?\b[^.;]{0,100}?\bfor\s+(?:the\s+)?(?:Q[1-4]|H[12]|first|second|third|fourth"
    r"|full\s+year|(?:19|20)\d\d)\b",
    r"\b(?:forecasts?|estimates?|projections?|assumptions?|price\s+deck)\s+(?:\w+\s+){0,2}"
    r"for\s+(?:the\s+)?(?:Q[1-4]|H[12]|first|second|third|fourth|(?:19|20)\d\d|full\s+year"
    r"|next\s+year|this\s+year)",
)
# "over the same period" points back to the last period named, in this sentence or the one
# before. Regex.
SAME_PERIOD = (
    r"\b(?:over|in|during|for|by|within|across)\s+the\s+same\s+(?:period|time\s*frame"
    r"|timeframe|horizon|stretch|span|window)\b"
)

# Words that mean a level is wanted even though none is given ("Bitcoin needs to hold
# support"): the candidate asks the user for one instead of inventing it.
LEVEL_SEEKING = (
    "support", "resistance", "floor", "ceiling", "key level", "the mark", "target",
    "hold", "holds", "reclaim", "break above", "break below", "retest", "the high",
    "the low", "new high", "new highs", "record high", "record highs",
)  # fmt: skip

# A call no price can settle: a state said to last or to pass, with no level ("the
# short squeeze in the silver market may not be over", "crypto's stagnation may be
# temporary"). A sentence with one of these and no level becomes a candidate flagged
# vague, which the user may record as a vague call (counted, never scored).
VAGUE_CALLS = (
    r"\b(?:is|are|isn't|aren't|may|might|could|will|won't)\s+(?:not\s+)?(?:be\s+)?"
    r"(?:over|done|finished|ending)\b",
    r"\bfar\s+from\s+(?:over|done|finished)\b",
    r"\b(?:be|prove|proves|is|are|looks?|seems?)\s+(?:only\s+)?"
    r"(?:temporary|short-lived|transitory|fleeting|a\s+blip)\b",
    r"\bhas\s+(?:further|more|much\s+more|a\s+long\s+way)\s+to\s+(?:run|go)\b",
    r"\b(?:is|are)\s+(?:just\s+)?(?:getting\s+started|beginning)\b",
)

# ---------------------------------------------------------------- levels

# Numbers that are never a level, blanked before levels are read: clock times with their
# zone ("10:42 GMT+8", "14:05 UTC-5", "9.30 a.m. ET"), a zone's offset on its own, and a
# day of the month ("Nov 20", "20 November": a dateline's day, or a meeting's). Regexes.
_MONTH_NAMES = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_ZONE = r"(?:gmt|utc|et|est|edt|ct|cst|cdt|pt|pst|pdt|bst|cet|cest|jst|hkt|sgt|ist|aest|aedt)"
NOT_A_LEVEL = (
    r"\b(?:both|two|the|first|second|later)\s+halves\b",  # "both halves of 2027": no x0.5
    rf"(?<![\d$.,])\d{{1,2}}:\d{{2}}(?!\d|,\d)(?:\s*[ap]\.?m\.?)?(?:\s*{_ZONE}\b"
    r"(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?)?(?!\s*%)",
    rf"(?<![\d$.,])\d{{1,2}}\.\d{{2}}\s*(?:[ap]\.?m\.?(?:\s*{_ZONE}\b)?|{_ZONE}\b)",
    r"(?<![\w$])'\d\d\b",  # "'26 oil forecasts": a year
    rf"(?<![\d$.,])\d{{1,2}}\s*[ap]\.?m\.?(?:\s*{_ZONE}\b)?",
    rf"\b{_ZONE}\s*[+-]\s*\d{{1,2}}(?::?\d{{2}})?\b",
    rf"\b{_MONTH_NAMES}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?![\d,.]*\d)(?!\s*%)",
    rf"(?<![\d$.,])\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_NAMES}\b",
)

# A number followed by one of these is a quantity, not a price. Regex of the next words.
NOT_A_PRICE_AFTER = (
    # "almost $1 below last month's call", "$4 higher than its previous estimate": a gap
    r"\s+(?:below|above|higher|lower|more|less|under|over)\s+(?:than\b|last\b"
    r"|(?:the|its|their)\s+(?:previous|prior|earlier|old|former|last))",
    # "$6 a barrel higher in the fourth quarter" (the unit is rewritten away before this),
    # "$930 million above estimates": a gap or a change by an amount, not a level
    r"\s+(?:higher|lower|cheaper|dearer)\b(?!\s+(?:still|yet)\b)",
    r"\s+(?:more|less)\s+(?:in|by|on|over|for|next|this|from|across|during)\b",
    r"\s*(?:million|billion|mn|bn)?\s+(?:above|below|ahead\s+of|short\s+of|shy\s+of|more\s+than"
    r"|less\s+than|higher\s+than|lower\s+than)\s+(?:the\s+|analysts['\u2019]?\s+|wall\s+street"
    r"['\u2019]?s?\s+)?(?:estimates?|expectations?|forecasts?|consensus|guidance|projections?)\b",
    r"-?\s*(?:days?|weeks?|months?|years?|hours?|minutes?|sessions?|quarters?)\b",
    r"\s*(?:tonnes?|tons?|metric|ounces|oz\b|barrels|bpd|b/d|bps|basis|cuts?|hikes?|rate\b"
    r"|times|members|people|jobs|companies|stocks|shares|contracts|etfs?"
    r"|funds|banks|analysts|countries|mines|holders|addresses|transactions|straight"
    r"|consecutive|million\s+(?:ounces|barrels?|tonnes|coins|bitcoin)"
    r"|barrel\s+(?:a\s+day|per\s+day|surplus|deficit|glut|shortfall|gap)"
    r"|sats|gwei|employees|votes|seats|deals|mw|gw|nodes|users|wallets|followers|subscribers"
    r"|views|likes|readers|viewers|downloads|clients|customers"
    r"|tickers|lots|cars|units|cents|strike|per\s+cent\s+of|of\s+(?:its|their|the)\s+"
    r"(?:portfolio|reserves|assets|holdings|supply))",
    r"\s*%?\s*(?:chance|probability|odds|likelihood)\b",
    # "before a 46% rally that began in November": a move that has happened
    r"\s*%?\s*(?:[a-z-]+\s+)?(?:rally|gain|rise|surge|jump|climb|drop|fall|decline|slide|run"
    r"|advance|move|slump|selloff|sell-off)\s+(?:that|which)\s+(?:began|started|begun|has|had"
    r"|came|took|was|were)\b",
    # prices in a local unit no symbol trades in: "Rs 150,000 per 10 grams", "5,770 lira"
    # ("$3,000 per gram" in a garbled translation still means the ounce: only ten grams)
    r"\s*(?:(?:(?:yen|rupees|lira|dollars)\s+)?(?:per|a|an|/)\s*(?:(?:10\s*|ten\s+)"
    r"(?:grams?|gm|gms|g)|kg|kilos?|kilograms?"
    r"|tolas?)\b|(?:rupees|lira|liras)\b)",
    # "$36 million in a Series A round": money raised or earned, not a price
    r"\s*(?:million|billion|mn|bn|m\b)\s+(?:in\s+(?:a|an|its|their|the|new)\s+)?(?:series"
    r"|round|funding|financing|investment|raise|deal|revenue|profit|loss|inflows?|outflows?"
    r"|of\s+(?:inflows|outflows|funding|revenue|assets))",
    r"\s+in\s+(?:a|an|its|their|the|new)\s+(?:series|round|funding|financing)\b",
    r"\s*(?:-|to)\s*\d[\d,.]*\s*(?:metric\s+)?(?:tonnes?|tons?|ounces|oz\b|barrels|bpd|b/d"
    r"|bps|basis)",
    r"\s*%?\s*(?:inflation|yield|of\s+gdp|gdp|unemployment|growth|allocation|stake|weight"
    r"|margin|earnings|eps|revenue|dividend|cpi|pce|rate\s+cut)",
)
# Words just before a number that make it not the forecast level: a starting point, a
# past record, another quantity. Regexes, matched against the preceding text.
NOT_THE_LEVEL_BEFORE = (
    # what a target implies against the close: "implying an 11.4% gain from Wednesday's close"
    r"\b(?:implying|implies|implied|imply)\s+(?:an?\s+)?(?:about\s+|roughly\s+|some\s+|nearly"
    r"\s+|around\s+)?$",
    r"\b(?:currently|now|today|presently)(?:\s*:)?\s+(?:at|around|near|trading\s+(?:at"
    r"|around|near)|about|some|roughly)?\s*$",
    # a move that came before: "after a 0.1% fall", "following an 8% drop"
    r"\b(?:after|following)\s+(?:a|an|its|their|the)\s+(?:[a-z-]+\s+)?$",
    # a data release against what was expected: "rose 0.4%, above forecasts of 0.1%"
    r"\b(?:above|below|beating|beat|missing|missed|than|versus|vs\.?|against|topping)\s+(?:the\s+)?"
    r"(?:forecasts?|expectations?|estimates?|consensus)\s+(?:of|for)\s+(?:a\s+|an\s+)?$",
    # the market's own pricing, not a forecast: "below the current curves of $63 and $60",
    # "the futures curve at $61", "what the forward strip implies, $58"
    r"\b(?:current|futures|forward|market)\s+(?:curves?|strips?)\s+(?:of|at|around|near"
    r"|implies|implying|prices?\s+in)?\s*(?:about\s+|around\s+|roughly\s+)?$",
    # a domestic price in rupees or lira: "Rs 150,000", "₹1,32,000", "TL 5,770"
    r"(?:\bRs\.?|\u20b9|\bINR|\bTL|\u20ba)\s*$",
    # a list's row for the price of the day: "Current price: $4,216", "Spot gold today: ..."
    r"\b(?:current|spot|today's|latest)\s+(?:price|level|rate|quote)\s*:\s*$",
    r"\b(?:from|since|vs\.?|versus|compared\s+(?:with|to)|against|up\s+from|down\s+from"
    r"|previous|previously|formerly|prior|old|spot)\s+(?:(?!to\b|at\b)[a-z][\w'-]*\s+){0,5}$",
    r"\b(?:earlier|previous|prior|old|former|original|existing|last)\s+(?:[\w'\u2019]+\s+){0,2}?"
    r"(?:estimate|forecast|target|projection|call|view|outlook|prediction|figure|number"
    r"|level)s?\s+(?:of|at|for)"
    r"\s+(?:(?:gold|silver|oil|brent|wti|bitcoin|ether|the\s+[\w&/.-]+|[\w&/.-]+)\s+(?:at|of"
    r"|near)\s+)?(?:about\s+|around\s+|roughly\s+)?$",
    # last month's figure: "below November's $59.00 estimate", "down from last month's $62"
    rf"\b(?:{_MONTH_NAMES}|last\s+(?:month|week|quarter|year)|the\s+previous\s+\w+)(?:'s|\u2019s)"
    r"\s+(?:about\s+|around\s+|roughly\s+)?$",
    # "rallied past his original 5,200 target", "its previous $4,000 call": an old figure
    r"\b(?:earlier|previous|prior|old|former|original|initial)\s+(?:[\w-]+\s+)?$",
    r"\b(?:record|all-time|all\s+time|multi-year|fresh|lifetime|year-to-date)\s+(?:high|low"
    r"|peak|top|close|closing\s+(?:high|level)|settlement)s?\s+(?:of|at|near|around)?\s*"
    r"(?:about\s+|around\s+|roughly\s+|nearly\s+|some\s+)?$",
    # the price as it stands: "the metal now changes hands at $4,050", "last traded at"
    r"\b(?:changes|changed|changing)\s+hands\s+(?:at|around|near|for)\s+(?:about\s+|around\s+"
    r"|roughly\s+)?$",
    r"\b(?:is|are|was|were)\s+(?:now\s+)?(?:priced|quoted|valued|trading|changing\s+hands)"
    r"\s+(?:at|around|near)\s+(?:about\s+|around\s+|roughly\s+)?$",
    r"\b(?:last|recently)\s+(?:traded|trading|quoted|seen|changed\s+hands)\s+(?:at|around"
    r"|near)\s+(?:about\s+|around\s+|roughly\s+)?$",
    r"\b(?:last|closed\s+at|settled\s+at|ended\s+at|opened\s+at)\s*$",
    # "with calls up to 8,100": the top of a survey of calls, not a call
    r"\b(?:calls|targets|forecasts|estimates|predictions|views)\s+(?:(?:ranging|range|ranged"
    r"|run|running|ran|vary|varying|spread)\s+)?(?:up\s+to|as\s+high\s+as|as\s+low\s+as|from"
    r"|between)\s*$",
    r"\b(?:calls|targets|forecasts|estimates|predictions|views)\s+(?:ranging|range|ranged|run"
    r"|running|ran|vary|varying|spread)\s+(?:from|between)\s+\S+\s+(?:to|and)\s+$",
    r"\bby\s+(?:another|a\s+further|more\s+than|less\s+than|about|around|roughly|some"
    r"|nearly|almost|over|up\s+to)?\s*$",
    r"\b(?:inflation|yields?|rates?|gdp|growth|cpi|pce|unemployment|eps|earnings"
    r"|allocation|stake|weighting|tariffs?|fed\s+funds)\s+(?:of|at|to|around|near|above"
    r"|below|rising\s+to|falling\s+to)?\s*$",
    r"\b(?:rsi|moving\s+average|dma|ema|sma)\s+(?:of|at|near)?\s*$",
    # "the firm's earnings-per-share estimate stays at $258": earnings, not the index
    r"\b(?:earnings[-\s]per[-\s]share|eps|earnings)\s+(?:estimate|forecast|target|projection"
    r"|guidance)?\s*(?:of|at|to|stays\s+at|remains\s+at|is|was|reaching|rising\s+to"
    r"|climbing\s+to|hitting)\s*(?:about\s+|around\s+|roughly\s+)?$",
    # a target held before: "Tom Lee had a year-end target of 1775"
    r"\b(?:had|held)\s+(?:a|an|its|their|his|her)\s+(?:[\w-]+\s+){0,3}?(?:target|forecast"
    r"|estimate|projection|call|view)s?\s+(?:of|at|for)\s+(?:about\s+|around\s+|roughly\s+)?$",
    # the move so far, not a call: "the S&P 500 is up 1.8%", "the index was down 3%"
    r"(?<!be\s)(?<!to\s)\b(?:is|are|was|were|has\s+been|have\s+been|stands|stood)\s+"
    r"(?:already\s+|now\s+|so\s+far\s+|still\s+)?(?:up|down|higher|lower|off)\s+(?:by\s+)?"
    r"(?:about\s+|around\s+|roughly\s+|nearly\s+|some\s+|almost\s+|more\s+than\s+)?$",
)
# The last close, said as a figure of the day: "the S&P 500's close of 6642.16 on Wednesday",
# "Friday's close at 1.3450", "the current spot rate of about 1.3450", "the index's current
# 6,547". Both not a level and the price of the day. ("a year-end close of 7,000" is a call.)
CLOSE_OF_THE_DAY_BEFORE = (
    r"(?:'s|\bits|\btheir)\s+(?:latest\s+|last\s+|previous\s+|recent\s+|current\s+)?"
    r"(?:close|closing\s+(?:level|price)|settlement|finish)\s+(?:of|at)\s*(?:about\s+|around"
    r"\s+|roughly\s+)?$",
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today)(?:'s)?\s+"
    r"(?:close|closing\s+(?:level|price)|settlement|finish)\s+(?:of|at)\s*(?:about\s+|around"
    r"\s+|roughly\s+)?$",
    r"\b(?:the|its|their)\s+(?:[\w&^.'-]+\s+){0,3}?current\s+(?:spot\s+)?(?:(?:price|rate|level"
    r"|quote)\s+)?(?:of\s+)?(?:about\s+|around\s+|roughly\s+|near\s+)?$",
    # records the price sets as the article is written: "as gold sets records above $4,200"
    r"\b(?:sets?|setting|hits?|hitting|notch(?:es|ed|ing)?)\s+(?:a\s+)?(?:fresh\s+|new\s+"
    r"|another\s+)?records?\s+(?:highs?\s+)?(?:above|at|of|near|around|beyond)\s*$",
)
# The price as it stands ("gold, trading at $4,050"): not the level, unless the clause looks
# ahead ("bitcoin trading at $150,000 at the end of next year"). Regexes.
PRESENT_STATE_BEFORE = (
    # "Bitcoin is stuck around the $90,000 mark", "gold, holding around $3,759 an ounce"
    r"(?<!be\s)(?<!to\s)\b(?:(?:is|are|was|were|remains?|remained|stays?|stayed)\s+(?:stuck"
    r"|steady|firm|flat|parked|pinned|holding|hovering|sitting|trading)|holding|stuck)\s+"
    r"(?:at|around|near|about|close\s+to|just\s+(?:above|below|under))\s+(?:the\s+)?$",
    r"(?<!be\s)\b(?:trades|traded|trading|sits|sat|stands|stood|hovers|hovering|hovered"
    r"|is|was|were)\s+(?:at|around|near|just\s+(?:above|below|under))\s*$",
    # "With bitcoin around $98,600, the page puts the rise at 407%"
    r"\bwith\s+(?:the\s+)?(?:[\w&/.^=-]+\s+){1,3}?(?:now\s+)?(?:at|near|around|trading\s+"
    r"(?:at|near|around)|hovering\s+(?:at|near|around)|sitting\s+(?:at|near))\s*(?:about\s+"
    r"|around\s+|roughly\s+)?$",
)
# A price the sentence reports rather than calls: "Platinum climbed to $2,446 as BofA raised
# its forecast" (a move that has happened ends at the price of the day; past forms only:
# "could hit", "sees it hit" look ahead). Its words name no call's direction either. Regexes.
REPORTED_PRICE_BEFORE = (
    r"(?<!\bbe\s)\b(?:rose|fell|climbed|jumped|surged|soared|rallied|dropped|slid|slipped"
    r"|slumped|tumbled|plunged|sank|dipped|declined|spiked|peaked|traded|hovered|touched|topped"
    r"|notched|printed|settled|advanced|retreated|rebounded|recovered|bounced|edged|ticked)"
    r"\s+(?:back\s+|up\s+|down\s+)?(?:to|at|near|around|above|below|under|over|past|through"
    r"|as\s+high\s+as|as\s+low\s+as)?\s*(?:an?\s+)?(?:(?:fresh|new|record|all-time)\s+"
    r"(?:high\s+|low\s+|peak\s+)?(?:of\s+)?)?(?:about\s+|around\s+|roughly\s+|nearly\s+"
    r"|almost\s+|some\s+|just\s+(?:above|below|under|over)\s+)?$",
)
# The price of the day, wherever the article states it ("Gold was bid just above $1,425",
# "with the pair near 155", "currently at $4,200"): remembered per asset, so that a call
# with no direction word below it reads as a fall to its level. Regexes before the number.
PRICE_NOW_BEFORE = (
    *CLOSE_OF_THE_DAY_BEFORE,
    # the latest move the article reports: "spot broke $5,500 intraday and closed at 5,484",
    # "gold reached $5,000 an ounce amid worries", "spot gold rose above 4,170"; a move dated
    # by a year or month ("rose to $2,000 in 2020") is history, and levels.py leaves it out
    r"\b(?:closed|settled|ended|finished)\s+(?:the\s+(?:day|session|week)\s+)?(?:at|near|around)"
    r"\s*(?:about\s+|around\s+|roughly\s+)?$",
    r"\b(?:rose|climbed|jumped|surged|rallied|soared|spiked|fell|dropped|slid|slipped|sank|dipped"
    r"|reached|hit|touched|broke|topped|crossed|passed)\s+(?:(?:by\s+)?\d+(?:\.\d+)?\s*%\s+)?"
    r"(?:above\s+|below\s+|to\s+|past\s+"
    r"|through\s+|beyond\s+|under\s+)?(?:about\s+|around\s+|roughly\s+|nearly\s+)?$",
    r"\b(?:currently|now|presently|today)\s*:?\s+(?:at|around|near|about|trading\s+(?:at|around"
    r"|near)|changing\s+hands\s+at)?\s*(?:about\s+|around\s+|roughly\s+|some\s+)?$",
    r"(?<!be\s)\b(?:trades|traded|trading|sits|sat|stands|stood|hovers|hovering|hovered|was"
    r"|is|were|bid|quoted|changes\s+hands|changed\s+hands|changing\s+hands)\s+(?:just\s+)?"
    r"(?:at|around|near|above|below|under|over)\s*(?:about\s+|around\s+|roughly\s+)?$",
    r"\bwith\s+(?:the\s+)?(?:[\w&/.^=-]+\s+){1,3}?(?:now\s+)?(?:at|near|around|trading\s+"
    r"(?:at|near|around)|hovering\s+(?:at|near|around)|sitting\s+(?:at|near))\s*(?:about\s+"
    r"|around\s+|roughly\s+)?$",
)

# A number with no currency sign followed by one of these is a quantity of the asset
# ("21 million bitcoin", "500 BTC"); with a sign ("$200K bitcoin") it is a price. Regex.
QUANTITY_OF_ASSET_AFTER = r"\s*(?:bitcoins?|btc|eth|ether|coins|tokens|ounces|oz)\b"
# "a 60% chance that gold hits $5,000": the stated probability. Regex; group "p".
STATED_PROBABILITY = (
    r"(?P<p>\d{1,3}(?:\.\d+)?)\s*(?:%|percent|per\s+cent)\s+(?:chance|probability|odds"
    r"|likelihood)\b",
    r"\b(?:probability|odds|chance|likelihood)\s+of\s+(?P<p2>\d{1,3}(?:\.\d+)?)\s*"
    r"(?:%|percent|per\s+cent)",
)

# ---------------------------------------------------------------- speakers

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
    "aiming for", "aims for", "is aiming for", "are aiming for", "pencils in", "pencil in",
    "pencilled in", "penciled in", "is penciling in", "is pencilling in", "looks for",
    "look for", "is looking for", "are looking for", "is targeting", "are targeting",
    "is projecting", "are projecting", "continues to expect", "continue to expect",
    "continues to see", "continue to see", "sticks with", "stuck with", "pegs", "pegged",
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
)  # fmt: skip
# Verbs that put the speaker after them: "said Goldman", "according to UBS". Regexes.
SPEAKER_AFTER = (
    r"\baccording\s+to\s+",
    r"\b(?:said|says|wrote|writes|told|tells|noted|notes|argued|argues|added|adds"
    r"|predicted|predicts|forecast|forecasts|warned|warns|reckons|believes)\s+",
    r"\bin\s+a\s+(?:note|report|research\s+note|client\s+note|letter)\s+(?:from|by)\s+",
    r"\b(?:analysts|strategists|economists|researchers|the\s+team|experts|analyst"
    r"|strategist|economist|technicians|technical\s+analysts|chartists|quants"
    r"|commodity\s+analysts|researchers)\s+(?:at|from|with)\s+",
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
    r"\b(?:the|that|its)\s+(?:swiss\s+|u\.s\.\s+|german\s+|french\s+|canadian\s+|wall\s+street"
    r"\s+|investment\s+|dutch\s+|japanese\s+|british\s+|australian\s+|u\.k\.\s+)?"
    r"(?:bank|firm|lender|brokerage|broker|group|house|manager|asset\s+manager|fund"
    r"|company|consultancy|insurer|agency|administration|institute|council)\b",
    r"\bit\s+(?:also\s+|now\s+|still\s+)?(?:said|says|expects?|sees?|forecasts?|predicts?"
    r"|projects?|estimates?|leans|remains|raised|raises|lifted|lifts|cut|cuts|lowered|lowers"
    r"|kept|keeps|targets?|warned|warns|added|adds|noted|notes)\b",
    # "By quarter, the new outlook has Brent at $79.62": the publisher's report speaks for it
    r"\b(?:the|its|that)\s+(?:[a-z]+\s+){0,2}(?:outlook|report|note|forecast|edition)\s+(?:now\s+)?"
    r"(?:has|sees|puts|expects|shows|projects|forecasts|pegs|pencils|calls)\b",
)
SPEAKER_ANAPHORA_PERSON = (
    r"\b(?:the|that)\s+(?:strategist|analyst|economist|investor|researcher|trader|veteran"
    r"|founder|executive|chief|portfolio\s+manager|fund\s+manager)\b",
    r"\b(?:he|she)\s+" + _VERBS_AFTER_PRONOUN,
    r"^\W*(?:he|she)\b",
    # "... and stood by his target of ETH at $15,000": the target is the person's
    r"\b(?:his|her)\s+(?:[\w-]+\s+){0,3}?(?:target|forecast|call|prediction|projection"
    r"|estimate|price\s+target)s?\b",
)
SPEAKER_ANAPHORA = (
    *SPEAKER_ANAPHORA_ORGANIZATION,
    *SPEAKER_ANAPHORA_PERSON,
    r"\b(?:the|that)\s+(?:team|strategists|analysts|economists)\b",
    r"\bthey\s+" + _VERBS_AFTER_PRONOUN,
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
    r"|pegs|puts|reckons|sticks|stuck|holds|leans|struck|sits|sat|stands|stood)\b"
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
        "JPMorgan Chase": "JPMorgan", "JPMorgan": "JPMorgan", "J.P. Morgan": "J.P. Morgan",
        "Goldman Sachs": "Goldman Sachs",
        "StanChart": "Standard Chartered", "Standard Chartered": "Standard Chartered",
        "SocGen": "Societe Generale", "Société Générale": "Societe Generale",
        "Societe Generale": "Societe Generale",
        "Deutsche Bank": "Deutsche Bank", "Morgan Stanley": "Morgan Stanley", "UBS": "UBS",
        "Citi": "Citi", "Citigroup": "Citi", "HSBC": "HSBC", "Barclays": "Barclays",
        "JP Morgan": "JPMorgan", "ANZ": "ANZ",
        "BNP Paribas": "BNP Paribas", "Commerzbank": "Commerzbank", "ING": "ING",
        "Wells Fargo": "Wells Fargo", "Macquarie": "Macquarie", "RBC": "RBC",
        "Bernstein": "Bernstein", "Jefferies": "Jefferies", "Nomura": "Nomura",
        "Mizuho": "Mizuho", "Saxo Bank": "Saxo Bank", "Julius Baer": "Julius Baer",
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
    "board",
)  # fmt: skip
# The title between a person and their firm: "said Jane Doe, chief strategist at Acme".
PERSON_AT_FIRM = r",\s+(?:[a-z][\w&'-]*\s+){0,6}(?:at|of|with)\s+"

# ---------------------------------------------------------------- rewriting before reading

_MONTH_WORDS = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.",
)  # fmt: skip

# Phrasings the claim language does not read, rewritten into ones it does before a
# sentence is analysed. (regex, replacement) pairs, applied in order.
REWRITES = (
    # "by the end of the year or in the first quarter of next year": the later, the call's
    # last chance (as "by 2022 or 2023" below)
    (
        r"\b(?:by|at|around)\s+(?:the\s+)?(?:end\s+of\s+(?:the|this)\s+year|year[-\s]end)\s+or"
        r"\s+(?:in\s+|by\s+|during\s+)?(?P<later>(?:the\s+)?(?:first|second)\s+(?:quarter|half)"
        r"\s+of\s+next\s+year|early\s+next\s+year|next\s+year)\b",
        r"by \g<later>",
    ),
    # "expects the dollar to fetch about 155 yen", "the dollar to firm to 124 yen": dollar-yen
    # written as yen per dollar names the pair, so the dollar there is USD/JPY (the level in
    # yen stays with its number)
    (
        r"\bthe\s+(?:U\.?S\.?\s+)?dollar\b(?!\s+index)(?=(?:[^.;:\n]|\.(?=\d)){0,60}?"
        r"\b\d{2,3}(?:\.\d+)?(?:\s*-\s*\d{2,3})?\s+yen\b)",
        "USD/JPY",
    ),
    # "in the coming days to weeks", "within days": a short horizon the claim language reads
    (r"\bin\s+the\s+(?:coming|next\s+few)\s+days\s+(?:to|or)\s+weeks\b", "within a month"),
    (r"\bin\s+the\s+(?:coming|next\s+few)\s+weeks\b", "within a month"),
    (r"\b(?:within|in\s+the\s+(?:coming|next\s+few))\s+days\b", "within 1 week"),
    # "by the eoy", "EOY target": the end of the year
    (r"\b(?:the\s+)?eoy\b", "year-end"),
    # "the Street-high end-of-2025 target": a deadline written as an adjective
    (r"\bend-of-((?:19|20)\d\d)\b", r"by end-\1"),
    # "by the middle of 2025" -> "by mid-2025"
    (r"\b(?:the\s+)?middle\s+of\s+((?:19|20)\d\d)\b", r"mid-\1"),
    # "during the first three quarters of 2026", "in the first nine months of 2026": by Q3's end
    (
        r"\b(?:during|in|over|within|for)\s+the\s+first\s+(?:three\s+quarters|nine\s+months)"
        r"\s+of\s+((?:19|20)\d\d)\b",
        r"by the end of Q3 \1",
    ),
    # "for the ends of 2016 and 2017" -> each year's end, a period each
    (
        r"\b(?:the\s+)?ends\s+of\s+((?:19|20)\d\d)\s*,?\s+and\s+((?:19|20)\d\d)\b",
        r"the end of \1 and the end of \2",
    ),
    # "by 2022 or 2023", "in 2026 or 2027": the later year, the call's last chance
    (r"\b(by|in|before|until)\s+(?:19|20)\d\d\s+or\s+((?:19|20)\d\d)\b", r"\1 \2"),
    # "the first quarter of this year" -> "Q1 of this year", which prepare() dates with made_on's
    # year: a bare "Q1" would be read as the coming Q1, and as next year's beside a "next year"
    # later in the sentence ("$64 in the first quarter of this year ... $53 in every quarter of
    # next year")
    (r"\b(?:the\s+)?first\s+quarter\s+of\s+this\s+year\b", "Q1 of this year"),
    (r"\b(?:the\s+)?second\s+quarter\s+of\s+this\s+year\b", "Q2 of this year"),
    (r"\b(?:the\s+)?third\s+quarter\s+of\s+this\s+year\b", "Q3 of this year"),
    (r"\b(?:the\s+)?fourth\s+quarter\s+of\s+this\s+year\b", "Q4 of this year"),
    # "the fourth quarter of the year" -> "Q4" (the year is carried from earlier, if named)
    (r"\b(?:the\s+)?first\s+quarter\s+of\s+(?:the|this)\s+year\b", "Q1"),
    (r"\b(?:the\s+)?second\s+quarter\s+of\s+(?:the|this)\s+year\b", "Q2"),
    (r"\b(?:the\s+)?third\s+quarter\s+of\s+(?:the|this)\s+year\b", "Q3"),
    (r"\b(?:the\s+)?fourth\s+quarter\s+of\s+(?:the|this)\s+year\b", "Q4"),
    # "the second quarter of 2026" -> "Q2 2026"
    (r"\b(?:the\s+)?first[-\s]+quarter(?:\s+of)?(?=\s+(?:19|20)\d\d\b)", "Q1"),
    (r"\b(?:the\s+)?second[-\s]+quarter(?:\s+of)?(?=\s+(?:19|20)\d\d\b)", "Q2"),
    (r"\b(?:the\s+)?third[-\s]+quarter(?:\s+of)?(?=\s+(?:19|20)\d\d\b)", "Q3"),
    (r"\b(?:the\s+)?fourth[-\s]+quarter(?:\s+of)?(?=\s+(?:19|20)\d\d\b)", "Q4"),
    (r"\b(?:the\s+)?first[-\s]+quarter\b", "Q1"),
    (r"\b(?:the\s+)?second[-\s]+quarter\b", "Q2"),
    (r"\b(?:the\s+)?third[-\s]+quarter\b", "Q3"),
    (r"\b(?:the\s+)?fourth[-\s]+quarter\b", "Q4"),
    # halves as quarters: "the second half of the year" -> "H2", "the first half of 2026" ->
    # "H1 2026", "the second half" -> "H2" (a year named before carries to it)
    (r"\b(?:the\s+)?first\s+half\s+of\s+(?:the|this)\s+year\b", "H1"),
    (r"\b(?:the\s+)?second\s+half\s+of\s+(?:the|this)\s+year\b", "H2"),
    (r"\b(?:the\s+)?first\s+half\s+of\s+next\s+year\b", "H1 of next year"),
    (r"\b(?:the\s+)?second\s+half\s+of\s+next\s+year\b", "H2 of next year"),
    (r"\b(?:the\s+)?first[-\s]+half(?:\s+of)?(?=\s+(?:19|20)\d\d\b)", "H1"),
    (r"\b(?:the\s+)?second[-\s]+half(?:\s+of)?(?=\s+(?:19|20)\d\d\b)", "H2"),
    (r"\b(?:the\s+)?first\s+half\b(?!\s+of)", "H1"),
    (r"\b(?:the\s+)?second\s+half\b(?!\s+of)", "H2"),
    # "three- and twelve-month forecasts" -> "within three months and within twelve months
    # forecasts", so that "respectively" can pair each period with its level
    (
        r"\b(\d{1,2}|three|six|nine|twelve|eighteen|twenty-four)-\s+and\s+(\d{1,2}|three|six"
        r"|nine|twelve|eighteen|twenty-four)[-\s]month\s+(?=(?:\w+\s+){0,2}(?:price\s+)?"
        r"(?:targets|forecasts|views|outlooks|objectives|estimates|projections))",
        r"within \1 months and within \2 months ",
    ),
    # "by 4Q26", a factbox's quarter and year in four characters -> "by Q4 2026"
    (r"\b([1-4])Q((?:2|3)\d)\b", r"Q\1 20\2"),
    (r"\bQ([1-4])\s*'?((?:2|3)\d)(?!\d|[.,]\d|\s*%)", r"Q\1 20\2"),
    # a ladder by year: "with 2026 at 1.24 and 2027 at 1.26" -> "with 1.24 in 2026 and 1.26
    # in 2027", each rung a level with its own year
    (
        r"\b(with|and)\s+((?:19|20)\d\d)\s+at\s+((?:US)?[$\u20ac\u00a3]?\s?\d[\d,]*(?:\.\d+)?)"
        r"(?![\d.,]*\s*(?:%|am\b|pm\b|a\.m|p\.m|gmt\b|utc\b|et\b))",
        r"\1 \3 in \2",
    ),
    # "2026 year-end target" -> "year-end 2026 target"
    (r"\b((?:19|20)\d\d)\s+year[-\s]end\b", r"year-end \1"),
    (r"\b((?:19|20)\d\d)\s+(?:closing|close|exit)\b", r"year-end \1"),
    # "in three, six and 12 months" -> one period each, to be paired in order
    (
        r"\bin\s+(\d{1,2}|three|six|nine|twelve|eighteen|twenty-four),\s+(\d{1,2}|three|six|nine"
        r"|twelve|eighteen|twenty-four),?\s+and\s+(\d{1,2}|three|six|nine|twelve|eighteen"
        r"|twenty-four)\s+months\b",
        r"within \1 months, within \2 months and within \3 months",
    ),
    (
        r"\bin\s+(\d{1,2}|three|six|nine|twelve|eighteen|twenty-four)\s+and\s+(\d{1,2}|three"
        r"|six|nine|twelve|eighteen|twenty-four)\s+months\b",
        r"within \1 months and within \2 months",
    ),
    # "(short-term target, 0-3 months)": a span from today, read as its far end
    (r"(?<![\w.-])0\s*(?:-|to)\s*(\d{1,2})[-\s]months?\b", r"within \1 months"),
    # "within 6-12 months", "in 3 to 6 months" -> the far end of the span
    (r"\b(?:within|in)\s+(\d{1,2})\s*(?:-|to)\s*(\d{1,2})\s+months\b", r"within \2 months"),
    # "a 12-month target" -> "a within 12 months target"
    # "over the next 6-12 months" -> "within 12 months": the far end of the span
    (
        r"\b(?:over|in|within|during)\s+the\s+(?:next|coming)\s+\d{1,2}\s*(?:-|to)\s*(\d{1,2})"
        r"\s+months\b",
        r"within \1 months",
    ),
    # "its year-end FX outlook": the report's name, not a deadline
    (
        r"\byear[-\s]end\s+(?=(?:[\w/-]+\s+){0,2}(?:outlook|report|note|review|survey|letter"
        r"|edition|update|publication)s?\b)",
        "",
    ),
    # "0-3m", "3m" -> "3-month"
    (
        r"\b(?:\d{1,2}\s*-\s*)?(\d{1,2})m\b(?=\s+(?:\w+\s+){0,2}(?:target|forecast|view))",
        r"\1-month",
    ),
    # "its short-term silver forecast": a bank's short-term view is its 0-3 month one
    (
        r"\bshort[-\s]term\s+(?=(?:(?:gold|silver|oil|brent|wti|copper|price|fx|currency|euro"
        r"|dollar|bitcoin|ether)\s+){0,2}(?:targets?|forecasts?|views?|outlook|projections?)\b)",
        r"3-month ",
    ),
    # "with 2026 at 1.24 and 2027 at 1.26": a year before its level is that level's period
    (
        r"(?<!\bin\s)(?<!\bof\s)(?<!\bsince\s)(?<!\bduring\s)(?<!\bfrom\s)(?<!\bend\s)"
        r"(?<![\d,.$])\b((?:19|20)\d\d)\s+at\s+((?:US)?\$?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)"
        r"(?![\d%])",
        r"\2 in \1",
    ),
    # "a 6 to 12-month target" -> "a within 12 months target": the far end of the span
    (r"\b\d{1,2}\s*(?:to|-)\s*(\d{1,2})[-\s]month\b", r"\1-month"),
    (
        r"\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen"
        r"|twenty-four)[-\s]month\s+(?=(?:(?:point|price|gold|silver|oil|brent|wti|bitcoin|ether"
        r"|spot|base|average)\s+)"
        r"{0,2}(?:target|forecast|view|horizon|outlook|objective|estimate|projection))",
        r"within \1 months ",
    ),
    # "its 2026 average price forecast" -> "its in 2026 average price forecast": the year
    # of a forecast is its period (not the last year of a span: "its 2030-2035 estimates")
    (
        r"(?<!end\s)(?<!end-)(?<!\d-)(?<!\d\u2013)"
        + "".join(f"(?<!{m}\\s)" for m in _MONTH_WORDS)
        + r"\b((?:19|20)\d\d)\s+(?=(?:(?:average|price|brent|wti|gold|silver|oil|spot|base"
        r"|full-year|annual|s&p\s+500|s&p|nasdaq(?:\s+100)?|dow|index|bitcoin|ether|stock|equity"
        r"|eur/usd|gbp/usd|usd/jpy)\s+){0,3}(?:forecasts?|targets?|estimates?|projections?"
        r"|outlook)\b)",
        r"in \1 ",
    ),
    # "for 2026" (a forecast for a year) -> "in 2026"
    (r"\bfor\s+((?:19|20)\d\d)\b(?!\s*[-\u2013/]\s*\d)", r"in \1"),
    # "by late 2026", "late next year" -> the end of that year; "in early 2027" -> by the end
    # of its first quarter, as readers date "early" (the candidate shows the reading)
    (
        r"\b(?:by|in|until|before|through)\s+late\s+((?:19|20)\d\d|next\s+year|this\s+year)\b",
        r"by the end of \1",
    ),
    (r"\blate\s+(?:in\s+)?((?:19|20)\d\d|next\s+year|this\s+year)\b", r"by the end of \1"),
    (r"\b(?:by|in|until|before)\s+early\s+((?:19|20)\d\d)\b", r"by the end of Q1 \1"),
    (r"\b(?:by|in|until|before)\s+early\s+(next|this)\s+year\b", r"by the end of Q1 of \1 year"),
    # "by the close of 2026" -> "by the end of 2026"
    (r"\bby\s+the\s+close\s+of\s+", "by the end of "),
    # "$150K" is fine, but "$150,000-plus" and "$5,000/oz" are not: drop the suffix
    (r"(?<=\d)-plus\b", ""),
    (r"(?<=\d)\s*(?:/oz|/ounce|/bbl|/barrel|/b\b|/t\b|/troy\s+oz)", ""),
    (r"(?<=\d)\s+(?:an|a|per)\s+(?:troy\s+)?(?:ounce|oz|barrel|bbl|coin|token)\b", ""),
    # "5,000 dollars" reads fine; "five thousand dollars" is rare enough to leave alone.
)

# Words before a "$" ticker that make it a cashtag ("$NVDA"); upper-case words are
# otherwise never taken as tickers in article text, where "UBS", "CPI" or "ETF" abound.
CASHTAG = r"\$(?P<ticker>[A-Z]{1,5}(?:[.-][A-Z]{1,2})?)\b"
PARENTHESIZED_TICKER = (
    r"\((?:(?:NYSE|NASDAQ|Nasdaq|NYSEARCA|AMEX|TSX|LSE|ASX)\s*:\s*)?(?P<ticker>[A-Z]{1,5}"
    r"(?:[.-][A-Z]{1,2})?)\)"
)

# ---------------------------------------------------------------- the claim text written

# The verb written in the claim text for each claim kind; each reads back as that kind.
VERB_FOR_KIND: Mapping[str, str] = MappingProxyType(
    {
        "touch_above": "reaches",
        "touch_below": "falls to",
        "close_above": "closes above",
        "close_below": "closes below",
        "hold_above": "holds above",
        "hold_below": "stays below",
        "average_above": "averages above",
        "average_below": "averages below",
    }
)

# When a sentence names no time frame, the call is read over this many months, and
# the candidate says so in its assumptions.
DEFAULT_HORIZON_MONTHS = 12

# ---------------------------------------------------------------- confidence

# How sure the extractor is that a candidate is a call a careful reader would record.
# Additive and clipped to 0..1, so the score of any candidate can be recomputed by hand
# from its flags:
SCORE_BASE = 0.40  # an asset and a level in a sentence that reads as a forecast
SCORE_TIME_FRAME = 0.15  # the sentence names the deadline or period
SCORE_SPEAKER = 0.15  # someone is named (or "I"/"we", with a known author)
SCORE_DIRECTION = 0.10  # a direction verb ("reach", "fall to", "average") names the kind
SCORE_STRONG_CUE = 0.15  # a forecast verb or noun ("expects", "target"), not just "will"
SCORE_HEDGED = -0.10  # "could", "may", "might"
SCORE_SEVERAL_LEVELS = -0.15  # the sentence had more levels than calls: one was chosen
SCORE_VAGUE_ASSET = -0.10  # the asset came from "the benchmark index", "the metal", "it"
# Caps: whatever else is true, these candidates stay below the default --min-confidence,
# so `--yes` never records them without the user looking.
CAP_CONDITIONAL = 0.30
# A call with no time frame cannot be judged as stated: the default horizon is the
# extractor's guess, so the user decides ("the bank believes bitcoin will rise to $200,000").
CAP_NO_TIME_FRAME = 0.55
CAP_CONSENSUS = 0.45
CAP_NEGATED = 0.25
CAP_NEEDS_LEVEL = 0.20
CAP_COMPUTED_LEVEL = 0.35  # "hold the critical support level": the rule reads the level
CAP_VAGUE = 0.20
# A band ("between $4,000 and $4,200"): proposed as a band claim for the user to confirm.
CAP_BAND = 0.55

# A call with no direction word (or only a target word) is read as one to rise to its
# level, unless the speaker is bearish on the asset: "It leans bearish on palladium, with a
# three-month target of $1,000". Regexes; SIDELESS_TARGET_WORDS are the target words.
SIDELESS_TARGET_WORDS = ("target", "targets", "target of", "price target of", "targeting")
BEARISH = (
    r"\b(?:bearish|downbeat|pessimistic|negative)\s+(?:on|about|for|toward|towards)\b",
    r"\b(?:sell|underweight|short)\s+(?:rating\s+)?on\b",
)

# Assets the extractor has no symbol for. A sentence that names one and no known asset is
# about it: its levels are never credited to the asset named in the sentence before
# ("We forecast retail gasoline at $2.90" after a sentence about Brent).
OTHER_ASSETS = (
    "gasoline", "diesel", "jet fuel", "heating oil", "copper", "aluminium", "aluminum",
    "nickel", "zinc", "iron ore", "steel", "coal", "lng", "wheat", "corn",
    "soybeans", "soybean", "coffee", "cocoa", "sugar", "cotton", "lithium", "uranium",
    "cattle", "hogs", "yield", "yields", "treasuries", "bund", "bunds", "gilts", "topix",
    "the topix", "the yen", "sterling", "the pound", "the yuan", "the rupee", "the franc",
    "the loonie", "the aussie",
)  # fmt: skip
