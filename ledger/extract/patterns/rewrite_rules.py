"""Rewrites applied to a sentence before it is read.

Article wordings the claim language does not parse are rewritten into ones it does;
a long, ordered table of its own, applied once, before any other table is consulted.
"""

from __future__ import annotations

_MONTH_WORDS = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.",
)  # fmt: skip

# Phrasings the claim language does not read, rewritten into ones it does before a
# sentence is analysed. (regex, replacement) pairs, applied in order.
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# The words that may stand between a move's verb and its size: "lose another 7%"
_SIZE_HEDGE = (
    r"(?:another|a\s+further|about|around|roughly|some|nearly|almost|up\s+to|as\s+much\s+as"
    r"|more\s+than|over)\s+"
)
# Fractions of a price, as the percent move they are: "lose a third of its value".
_FRACTIONS = (
    (r"(?:a|one)[-\s]+half|half", "50"),
    (r"two[-\s]+thirds", "66.7"),
    (r"(?:a|one)[-\s]+third", "33.3"),
    (r"three[-\s]+quarters", "75"),
    (r"(?:a|one)[-\s]+quarter", "25"),
)
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
    # "sees ETH at $5,500 within weeks", "within the coming weeks": as "in the coming weeks"
    (r"\bwithin\s+(?:(?:a\s+few|the\s+coming|the\s+next\s+few)\s+)?weeks\b", "within a month"),
    (r"\b(?:within|in\s+the\s+(?:coming|next\s+few))\s+days\b", "within 1 week"),
    # "by the eoy", "EOY target": the end of the year
    (r"\b(?:the\s+)?eoy\b", "year-end"),
    # "the Street-high end-of-2025 target": a deadline written as an adjective
    (r"\bend-of-((?:19|20)\d\d)\b", r"by end-\1"),
    # "by the middle of 2025" -> "by mid-2025"
    (r"\b(?:the\s+)?middle\s+of\s+((?:19|20)\d\d)\b", r"mid-\1"),
    # "by mid-year 2027", "mid year 2027" -> "by mid-2027" (not the current year's middle)
    (r"\bmid[-\s]?year\s+((?:19|20)\d\d)\b", r"mid-\1"),
    # "to average $90 over 2027", "over the course of 2027": the year as a period (a year of
    # this century's first decades, not one priced: "ETH to climb over 2000 dollars")
    (
        r"\bover\s+(?:the\s+course\s+of\s+)?(20[1-4]\d)\b(?!\s*(?:[-\u2013/]\s*\d|dollars?\b"
        r"|usd\b|points\b|pts\b|per\b|an?\s+(?:ounce|barrel)\b))",
        r"in \1",
    ),
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
    # "by late 2025 or early 2026", "by the end of 2025 or early 2026": the later period, the
    # call's last chance (as "by 2022 or 2023" below); read whole, the first year alone was
    # taken and the call ended a quarter early
    (
        r"\b(by|in|before|until|around)\s+(?:late(?:\s+in)?\s+|the\s+end\s+of\s+|end[-\s]"
        r"|the\s+(?:second\s+half|fourth\s+quarter)\s+of\s+)?(?:19|20)\d\d\s+or\s+(?:in\s+|by\s+)?"
        r"((?:early(?:\s+in)?\s+|the\s+(?:start|beginning|first\s+(?:quarter|half))\s+of\s+)?"
        r"(?:19|20)\d\d)\b",
        r"\1 \2",
    ),
    # "its third- and fourth-quarter forecasts to $53 and $59 respectively": the suspended
    # hyphen written out, so each period is named and "respectively" pairs them
    (
        r"\b(first|second|third|fourth)-\s*(and|or|to)\s+(first|second|third|fourth)-"
        r"(quarter|half)\b",
        r"\1-\4 \2 \3-\4",
    ),
    # "to touch 13,000 by next year-end": the end of next year (read whole, "year-end" alone
    # was this year's)
    (r"\bnext\s+year(?:[-\s]end|['\u2019]s\s+end)\b", "the end of next year"),
    # "around $50 early in 2026", "late in 2027": the claim language's "in early 2026"
    (r"\b(early|late)\s+in\s+((?:19|20)\d\d)\b", r"in \1 \2"),
    # "a cycle scheduled to end in Aug/Sep 2025", "by May or June 2027": the later month, the
    # call's last chance (read whole, the first month was taken, of the year under way)
    (
        rf"\b{_MONTH}\.?\s*(?:/|\s+or\s+)\s*({_MONTH}\.?\s+(?:19|20)\d\d)\b",
        r"\1",
    ),
    # "the year-end target for 2026", "its year-end forecast for 2027": the end of the year
    # named, not of the year under way
    (
        r"\byear[-\s]end\s+((?:price\s+)?(?:target|forecast|goal|projection|estimate|call"
        r"|outlook)s?)\s+(?:for|of)\s+((?:19|20)\d\d)\b",
        r"\1 for year-end \2",
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
    # "the last quarter of 2026", "the final quarter of the year": the fourth (never a bare
    # "the last quarter", which may be the one just past)
    (r"\b(?:the\s+)?(?:last|final)\s+quarter\s+of\s+this\s+year\b", "Q4 of this year"),
    (r"\b(?:the\s+)?(?:last|final)\s+quarter\s+of\s+the\s+year\b", "Q4"),
    (r"\b(?:the\s+)?(?:last|final)[-\s]+quarter(?:\s+of)?(?=\s+(?:19|20)\d\d\b)", "Q4"),
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
    # an FX desk's horizon codes after a preposition: "We target 0.83 in 12M", "EUR/USD at 1.20
    # in 3M", "in 1M": a span from today (not "in 12m shares", a count)
    (
        r"\b(?:in|within|over)\s+(?:the\s+next\s+)?(\d{1,2})\s?M\b(?![\w$])"
        r"(?!\s+(?:shares|tonnes|tons|barrels|bpd|users|ounces|oz|units|people|accounts))",
        r"within \1 months",
    ),
    # "Tomas Lindqvist from ING is targeting 8,000": a person "from" a firm is the firm's, as
    # "of" it (the "from" of a starting level, "from 6,800 to 7,500", would take the words
    # after it for the old figure's and the call's level for the start)
    (
        r"(?-i:\b([A-Z][a-z][\w'-]*\s+[A-Z][a-z][\w'-]*)\s+from\s+(?=[A-Z][\w&.'-]*))",
        r"\1 of ",
    ),
    # "$58.50/t oz", "$5,055 / t.oz": the troy ounce of bullion desks, as "/oz" (the slash
    # before a lone "t" would otherwise be read as a list's)
    (r"\s?/\s?t\.?\s?oz\b", "/oz"),
    # "over a one-year horizon", "on a one-year view": a span from today, as "12-month"
    (
        r"\b(?:over|on|in|with(?:in)?)\s+(?:a|an|the)\s+(?:one|1)[-\s]year\s+(?:horizon|view"
        r"|basis|time\s?frame)\b",
        "within 12 months",
    ),
    # "average $5,400 across 2027": a year's span, as "in 2027"
    (r"\bacross\s+(?=(?:the\s+)?(?:19|20)\d\d\b)", "in "),
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
    # (not a year inside a period's name: "its target for mid-2026 at $5,000", "end-2026")
    (
        r"(?<!\bin\s)(?<!\bof\s)(?<!\bsince\s)(?<!\bduring\s)(?<!\bfrom\s)(?<!\bend\s)"
        r"(?<!-)(?<!\u2013)(?<!\bmid\s)(?<!\blate\s)(?<!\bearly\s)"
        r"(?<![\d,.$])\b((?:19|20)\d\d)\s+at\s+((?:US)?\$?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)"
        r"(?![\d%])",
        r"\2 in \1",
    ),
    # "a 6 to 12-month target", "a 6-to-12-month view" -> "a within 12 months target": the
    # far end of the span
    (r"\b\d{1,2}\s*(?:-to-|to|-)\s*(\d{1,2})[-\s]month\b", r"\1-month"),
    (
        r"\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen"
        r"|twenty-four)[-\s]month\s+(?=(?:(?:point|price|gold|silver|oil|brent|wti|bitcoin|ether"
        # "its 12-month S&P 500 target", "a 12-month Nikkei forecast": a name (capitalized,
        # whatever the flags) or its number may stand between
        r"|spot|base|average|(?-i:[A-Z][\w&^./-]*)|\d{1,4})\s+)"
        r"{0,3}(?:target|forecast|view|horizon|outlook|objective|estimate|projection))",
        r"within \1 months ",
    ),
    # "its 2026 average price forecast" -> "its in 2026 average price forecast": the year
    # of a forecast is its period (not the last year of a span: "its 2030-2035 estimates",
    # nor a year inside a period's name: "its mid-2026 gold target", "end-2026"). Between
    # the year and the noun may stand the asset's words, whatever the asset: a name
    # (capitalized, whatever the flags, with its number: "FTSE 100"), a ticker in brackets
    # ("Solana (SOL) price target"), or a lower-case price word ("crude price projection");
    # not another quantity's forecast ("its 2025 EPS forecast", "2026 GDP forecast").
    (
        r"(?<!end\s)(?<![-\u2013])"
        + "".join(f"(?<!{m}\\s)" for m in _MONTH_WORDS)
        + r"\b((?:19|20)\d\d)\s+(?=(?:(?:average|price|brent|wti|gold|silver|oil|crude|copper"
        r"|platinum|gas|spot|base|full-year|annual|s&p\s+500|s&p|nasdaq(?:\s+100)?|dow|index"
        r"|bitcoin|ether|stock|equity|eur/usd|gbp/usd|usd/jpy|\((?-i:[A-Z]{2,6})\)"
        r"|(?!(?:EPS|GDP|CPI|PCE|PMI|PE|P/E)\b)(?-i:[A-Z][\w&^./-]*)|\d{1,4})\s+){0,3}"
        # (not "its 2021 expectations": the period of news of a revision, announced_periods.py)
        r"(?:forecasts?|targets?|estimates?|projections?|outlook|goals?|predictions?)\b)",
        r"in \1 ",
    ),
    # "Long-term DAX forecast 2030: ...", "XRP price prediction 2025-2026: ...": a label's year
    # (the last of a span) is the end of its calls' window -> "forecast by the end of 2030:"
    (
        r"\b(forecasts?|predictions?|outlook|targets?|prognos[ie]s)\s+(?:(?:19|20)\d\d\s*[-\u2013/]"
        r"\s*)?((?:19|20)\d\d)\s*:",
        r"\1 by the end of \2:",
    ),
    # "levels around 25,000 are a realistic target in the outlook to 2030": the outlook's end
    (
        r"\b(?:in|over)\s+the\s+(?:outlook|horizon|forecast\s+period|forecast\s+horizon)\s+"
        r"(?:to|until|till|through)\s+((?:19|20)\d\d)\b",
        r"by the end of \1",
    ),
    # "forecasts a 2025 average of $3,500" -> "forecasts a in 2025 average of $3,500": the year
    # before "average" and its level is the average's period, as with a forecast noun (only
    # after "a": "its 2017 average of $17.13 as of November 10" may be the year so far)
    (
        r"(?<=\ba\s)((?:19|20)\d\d)\s+(?=(?:(?:full-year|annual|price|brent|wti|gold|silver|oil|spot"
        r"|base)\s+){0,2}average\s+(?:price\s+)?(?:of|at|near|around)\s+(?:about\s+|around\s+)?"
        r"(?:US)?[$\u20ac\u00a3]?\s?\d)",
        r"in \1 ",
    ),
    # "for all of 2026", "for the whole of 2026", "for full-year 2026" -> "for 2026"
    (
        r"\bfor\s+(?:all\s+of|the\s+whole\s+of|the\s+full\s+year|full[-\s]year)\s+(?=(?:19|20)\d\d\b)",
        "for ",
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
    # "stay in a US$0.785 to US$0.80 trading range": a band, as "between ... and ..." writes it
    (
        r"\b(?:in\s+|within\s+)?an?\s+(?P<low>(?:US)?\$?\d[\d,.]*\d|\d)\s+to\s+"
        r"(?P<high>(?:US)?\$?\d[\d,.]*\d|\d)\s+(?:trading\s+)?range\b",
        r"between \g<low> and \g<high>",
    ),
    # "through next week", "by the end of next week": a short horizon the claim language reads
    (
        r"\b(?:through|until|till|by\s+the\s+end\s+of|by)\s+next\s+week\b",
        "within 2 weeks",
    ),
    # "for Dec '15", "by June '26": a month and a year cut to two digits, this century's
    (
        r"\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
        r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+'(\d\d)\b",
        r"\1 20\2",
    ),
    # "Europe's STOXX 600 index .STOXX to 540", "<.FTSE>": a Reuters instrument code after
    # the index's name says nothing more; left in, it parts the name from its level
    (r"(?-i:\s<?\.[A-Z][A-Z0-9]{1,9}>?)(?=[\s,;)])", ""),
    # "Bitcoin will, according to Kenji Matsuda, chief investment officer at HSBC, hit $200K":
    # the source set inside the verb phrase, with an aside of its own, goes first, as the
    # sentence would be written plainly ("According to ..., bitcoin will hit $200K")
    (
        r"^(?P<subject>[^,;:]{1,80}?\b(?:will|could|should|may|might|would|can|is\s+set\s+to"
        r"|is\s+likely\s+to|is\s+expected\s+to))\s*,\s*(?P<source>according\s+to\s+[^.;:]{1,160}?)"
        r"\s*,\s+(?=(?:hit|top|reach|climb|rise|fall|drop|slip|soar|surge|break|trade|end|finish"
        r"|average|hold|remain|stay|test|sink|slide|rally|touch|be|go|jump|tumble|plunge|decline"
        r"|advance|retreat|rebound|exceed|surpass|breach|cross|climb|approach|return|settle"
        r"|recover|ease|weaken|strengthen|firm|gain|lose)\b)",
        r"\g<source>, \g<subject> ",
    ),
    # "ether could lose a third of its value before June", "fall by half": a fraction of the
    # price is a percent move (the claim language reads "lose 33.3%"; a third within the 1%
    # the level is matched to)
    *(
        (
            rf"\b(los(?:e|es|ing)|shed(?:s|ding)?)\s+(?:{_SIZE_HEDGE})?{fraction}\s+(?:of\s+)?"
            r"(?:its|their|the\s+coin's|the\s+metal's)\s+(?:value|price|worth)\b",
            rf"\1 {percent}%",
        )
        for fraction, percent in _FRACTIONS
    ),
    *(
        (
            rf"\b((?:fall|falls|falling|drop|drops|dropping|decline|declines|declining|slump"
            rf"|slumps|slumping|plunge|plunges|plunging|crash|crashes|crashing)\s+by)\s+"
            rf"(?:{_SIZE_HEDGE})?{fraction}\b(?!\s+(?:of\s+)?(?:the|a|an|this|next|\d))",
            rf"\1 {percent}%",
        )
        for fraction, percent in _FRACTIONS
    ),
    # "the euro losing 7% against the dollar", "bitcoin could shed 20% by June": a move down
    # that names its size, in a verb the direction tables do not hold (bare "losing" is too
    # loose for them: "gold risks losing its shine but UBS sees $4,500"). Left as written,
    # the percent was read as a rise: "+7%".
    *(
        (rf"\b{verb}(?=\s+(?:{_SIZE_HEDGE})?\d+(?:\.\d+)?\s*(?:%|percent\b|per\s+cent\b))", fall)
        for verb, fall in (
            ("losing", "falling"),
            ("loses", "falls"),
            ("lose", "fall"),
            ("shedding", "falling"),
            ("sheds", "falls"),
        )
    ),
    # bare "shed" is as often the past ("gold shed 0.4% to settle at"): only after "to" or a
    # modal is it the move ahead
    (
        rf"\b(to|will|could|may|might|would|should|can)\s+shed(?=\s+(?:{_SIZE_HEDGE})?\d+(?:\.\d+)?"
        r"\s*(?:%|percent\b|per\s+cent\b))",
        r"\1 fall",
    ),
    # "5,000 dollars" reads fine; "five thousand dollars" is rare enough to leave alone.
)
