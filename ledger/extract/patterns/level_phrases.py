"""What tells a price level from a number that is not one.

Times, dates, quantities, reported prices of the day and percentages all look like
levels; the contexts before and after a number that rule it in or out are here.
"""

from __future__ import annotations

import re

from ledger.extract.patterns import speaker_phrases

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
    # (a transcript's timestamp may carry tenths: "| 1:01.1 |")
    rf"(?<![\d$.,])\d{{1,2}}:\d{{2}}(?:\.\d{{1,3}}(?!\d))?(?!\d|,\d)(?:\s*[ap]\.?m\.?)?(?:\s*{_ZONE}\b"
    r"(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?)?(?!\s*%)",
    rf"(?<![\d$.,])\d{{1,2}}\.\d{{2}}\s*(?:[ap]\.?m\.?(?:\s*{_ZONE}\b)?|{_ZONE}\b)",
    r"(?<![\w$])'\d\d\b",  # "'26 oil forecasts": a year
    # "did a complete 180 on gold", "a 180-degree turn": a reversal of view, not a level
    r"\b(?:an?|the)\s+(?:(?:complete|full|total|quick|sharp|sudden|abrupt|swift|dramatic)\s+)?"
    r"180(?:[-\s]degree)?(?![\d,.]*\d)(?=\s+(?:on|in|turn|u-turn|and|from|over)\b|\s*[,.;:)]|\s*$)",
    # valuation multiples: "a forward P/E of 19x", "a price-to-book ratio of 1.7x", "13.5x
    # forward earnings": what the market pays for earnings or book, not a move of the price
    r"\b(?:p/?e|price[-/\s]to[-/\s](?:book|earnings|sales|cash[-\s]flow)|ev/ebitda|valuation"
    r"|earnings\s+multiple|multiple)(?:\s+ratio)?\s+(?:of|at|near|around|to|is|was|stands\s+at)?"
    r"\s*(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+)?(?:x\s?\d[\d.]*|\d[\d.]*\s?(?:x\b|times\b))",
    r"(?<![\w$.,])\d[\d.]*\s?(?:x|times)\s+(?:(?:forward|trailing|next[-\s]year['\u2019]?s?"
    r"|this[-\s]year['\u2019]?s?|current|expected|estimated|projected|its|their|12[-\s]month)\s+){0,2}"
    r"(?:earnings|book(?:\s+value)?|sales|ebitda|eps|cash\s+flows?|profits?)\b",
    # the operands of a sum written out: "25,322.95 / 23.84 = 1,062", "1,253 x 23.84 = 29,871"
    # (the result may be the call; the figures it is worked from are not)
    r"(?<![\w$.,])\$?\d[\d,]*(?:\.\d+)?\s*(?:/|x|\u00d7|\*)\s*\$?\d[\d,]*(?:\.\d+)?(?=\s*=)",
    # a step's result that the next step works from: "= 1,062; 1,062 x 1.18 = 1,253"
    r"=\s*\$?\d[\d,]*(?:\.\d+)?(?=\s*[;,]\s*\$?\d[\d,]*(?:\.\d+)?\s*(?:/|x|\u00d7|\*))",
    # an amount added to or taken off a forecast: "a $200 'risk' premium added to the gold
    # forecast", "a $2 discount on the silver forecast": the size of a change, not a level
    r"(?<![\w.,])(?:US)?\$\s?\d[\d,]*(?:\.\d+)?\s*(?:(?:'[^']{1,30}'|\"[^\"]{1,30}\")\s*)?"
    r"(?:premium|discount|mark-?up|haircut|surcharge)\b",
    # a move named with "the" and then the call it comes from: "the 23% rise the bank
    # projects through end-2026", "the 15% gain that analysts expect": a call told before,
    # pointed back at (the price target it restates is the call)
    r"\b(?:the|this|that)\s+(?:(?:about|roughly|some|nearly|around|almost)\s+)?\d[\d.]*\s*"
    r"(?:%|percent|per\s+cent)\s+(?:rise|gain|increase|advance|rally|upside|jump|climb|drop"
    r"|fall|decline|slide|downside|move)\s+(?:that\s+|which\s+)?(?:[\w&.'\u2019-]+\s+){1,3}?"
    r"(?:projects?|projected|expects?|expected|forecasts?|sees?|saw|predicts?|predicted"
    r"|anticipates?|anticipated|targets?|targeted|calls?\s+for|(?:is|are)\s+calling\s+for)\b",
    # names with a number in them: "the Lower 48" (the contiguous US states)
    r"\blower[\s-]48\b",
    rf"(?<![\d$.,])\d{{1,2}}\s*[ap]\.?m\.?(?:\s*{_ZONE}\b)?",
    rf"\b{_ZONE}\s*[+-]\s*\d{{1,2}}(?::?\d{{2}})?\b",
    rf"\b{_MONTH_NAMES}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?![\d,.]*\d)(?!\s*%)",
    rf"(?<![\d$.,])\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_NAMES}\b",
)

# A number followed by one of these is a quantity, not a price. Regex of the next words.
NOT_A_PRICE_AFTER = (
    # "ETH turning the $3,500 level into solid support", "flipped $100,000 into support": a
    # floor the chart shows, a support reading (kind support), not a price to reach or fall to
    r"\s+(?:level\s+|mark\s+|area\s+)?(?:into|to)\s+(?:(?:a|solid|strong|firm|key|major|critical"
    r"|new)\s+){0,2}support\b",
    # "almost $1 below last month's call", "$4 higher than its previous estimate": a gap
    r"\s+(?:below|above|higher|lower|more|less|under|over)\s+(?:than\b|last\b"
    r"|(?:the|its|their)\s+(?:previous|prior|earlier|old|former|last))",
    # "more than $3 above its 2017 average of $17.13": a gap to a figure named after it
    r"\s+(?:a\s+(?:barrel|tonne|ton|ounce)\s+)?(?:below|above|under|over|higher\s+than|lower\s+than)"
    r"\s+(?:the|its|their|this\s+year['\u2019]s|last\s+year['\u2019]s)\s+(?:in\s+)?(?:(?:19|20)\d\d\s+)?"
    r"(?:full-year\s+|annual\s+)?(?:average|mean)\b",
    # "$6 a barrel higher in the fourth quarter" (the unit is rewritten away before this),
    # "$930 million above estimates": a gap or a change by an amount, not a level
    r"\s+(?:higher|lower|cheaper|dearer)\b(?!\s+(?:still|yet)\b)",
    r"\s+(?:more|less)\s+(?:in|by|on|over|for|next|this|from|across|during)\b",
    r"\s*(?:million|billion|mn|bn)?\s+(?:above|below|ahead\s+of|short\s+of|shy\s+of|more\s+than"
    r"|less\s+than|higher\s+than|lower\s+than)\s+(?:the\s+|analysts['\u2019]?\s+|wall\s+street"
    r"['\u2019]?s?\s+)?(?:estimates?|expectations?|forecasts?|consensus|guidance|projections?)\b",
    # "Gold futures above $4,200 mean a 60% gain in 2025": what a level would amount to, not
    # a call on it
    r"\s+(?:would\s+|will\s+|could\s+)?means?\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?\d[\d,.]*\s*(?:%"
    r"|percent\b|per\s+cent\b)",
    # "200 days", "a 30-year high"; not a deadline written as an adjective: "its $200,000
    # year-end target", "a 7,000 year end target"
    r"-?\s*(?:days?|weeks?|months?|years?|hours?|minutes?|sessions?|quarters?)\b"
    r"(?![-\u2010\u2011\s]?end\b)",
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
    # a quantity written with a hyphen: "a surplus of 2.3-million barrels a day"
    r"\s*-\s*(?:million|billion|mn|bn)\s+(?:barrels?|tonnes?|tons?|ounces|coins|bitcoins?)",
    # what the index earns, not where it trades: "$100 a share of earnings", "$300 per share in
    # earnings"
    r"\s+(?:a|per)\s+share\s+(?:of|in)\s+(?:earnings|profits?|eps)\b",
    # a cut or a rise by an amount: "has taken $4 off its Brent forecast", "added $5 to it"
    r"\s+(?:a\s+barrel\s+|an\s+ounce\s+)?off\s+(?:its|their|the|his|her|our)\b",
    # the market's record as the article is written: "passing $31,000, its highest since June"
    r"\s*(?:a\s+(?:barrel|tonne|ton|ounce)\s*)?,?\s+(?:its|their|the)\s+(?:highest|lowest|best"
    r"|weakest|strongest)\s+(?:level\s+|close\s+|price\s+)?(?:since|in\s+(?:\d|over|more|nearly"
    r"|almost|about|a|an|two|three|four|five|six|seven|eight|nine|ten))\b",
    # a forecast of an earlier poll or report: "the $1,235 forecast in a similar poll in January"
    r"\s+(?:an\s+ounce\s+|a\s+barrel\s+)?(?:forecast|target|estimate|prediction|projection)"
    r"\s+(?:in|of|from)\s+(?:a|an|the|its|their)\s+(?:similar|previous|prior|earlier|last|former"
    r"|january|february|march|april|may|june|july|august|september|october|november|december)\b",
    # "lifted its forecast to $3,100 last month": a figure of a time gone, not one to come
    r"\s+(?:last\s+(?:week|month|quarter|year)|an?\s+(?:week|month|year)\s+ago"
    r"|earlier\s+this\s+(?:week|month|quarter|year))\b",
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
    # "bought 3 million dollars of its shares", "$40 million worth of stock": a sum spent
    r"\s*(?:million|billion|mn|bn|m\b)?\s*(?:(?:dollars|usd|euros)\s+)?(?:worth\s+)?of\s+"
    r"(?:(?:its|their|the|his|her|company(?:['\u2019]s)?|firm['\u2019]s|new|own)\s+)*"
    r"(?:shares|stock|equity|bonds|options"
    r"|notes|units)\b",
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
    # what a target would mean: "it would mean LTC rising 8,800% in a year"
    # "... mean a 60% gain": what a level amounts to
    r"\b(?:(?:would|will|could|might)\s+)?means?\s+an?\s+(?:about\s+|around\s+|some\s+"
    r"|roughly\s+|nearly\s+)?$",
    # (a move, not "could mean prices of US$58 in 2026", which is a call)
    r"\b(?:would|will|could|might)\s+mean\s+(?:(?:[A-Za-z][\w'-]*\s+){0,2}?(?:rising|gaining"
    r"|falling|dropping|climbing|jumping|rallying)|an?\s+(?:gain|rise|fall|drop|jump|rally"
    r"|return|upside|downside)\s+of)\s+(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+)?$",
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
    # "below current forward prices of $63 and $60", "spot prices of $4,100": the market's
    r"\b(?:current|prevailing|today['\u2019]s)\s+(?:(?:forward|futures|spot|market)\s+)?"
    r"(?:prices?|quotes?)\s+(?:of|at|around|near)\s+(?:about\s+|around\s+|roughly\s+)?$",
    # a domestic price in rupees or lira: "Rs 150,000", "₹1,32,000", "TL 5,770"
    r"(?:\bRs\.?|\u20b9|\bINR|\bTL|\u20ba)\s*$",
    # a list's row for the price of the day: "Current price: $4,216", "Spot gold today: ..."
    r"\b(?:current|spot|today's|latest)\s+(?:price|level|rate|quote)\s*:\s*$",
    # (and the figure a new one replaces: "instead of $31.79 they now expect $40")
    r"\b(?:from|since|vs\.?|versus|compared\s+(?:with|to)|against|up\s+from|down\s+from"
    r"|instead\s+of|rather\s+than|in\s+place\s+of|replacing"
    r"|previous|previously|formerly|prior|old|spot(?!\s+(?:gold|silver|platinum|palladium)\b))"
    r"\s+(?:(?!to\b|at\b)[a-z][\w'-]*\s+){0,5}$",
    r"\b(?:earlier|previous|prior|old|former|original|existing|last)\s+(?:[\w'\u2019]+\s+){0,2}?"
    r"(?:estimate|forecast|target|projection|call|view|outlook|prediction|figure|number"
    r"|level|peak|high|low|top|record)s?\s+(?:of|at|for)(?:\s+an?)?"
    r"\s+(?:(?:gold|silver|oil|brent|wti|bitcoin|ether|the\s+[\w&/.-]+|[\w&/.-]+)\s+(?:at|of"
    r"|near)\s+)?(?:about\s+|around\s+|roughly\s+)?$",
    # last month's figure: "below November's $59.00 estimate", "down from last month's $62"
    rf"\b(?:{_MONTH_NAMES}|last\s+(?:month|week|quarter|year)|the\s+previous\s+\w+)(?:'s|\u2019s)"
    r"\s+(?:about\s+|around\s+|roughly\s+)?$",
    # the day's settlement in a market report: "increased 44 cents to close at 74.36 dollars",
    # "shed $1.20 to settle at $61.10" (a move by an amount, then where it ended; not after
    # "to", "will", "could": "is expected to gain 5% to close the year at" looks ahead)
    r"(?<!\bto\s)(?<!\bwill\s)(?<!\bcould\s)(?<!\bwould\s)(?<!\bmay\s)(?<!\bmight\s)"
    r"(?<!\bshould\s)\b(?:increased|decreased|rose|fell|gained|lost|shed|dropped|climbed|jumped"
    r"|slid|eased|sank|advanced|declined|rallied|tumbled|firmed|weakened|edged\s+(?:up|down|higher"
    r"|lower))\s+(?:by\s+)?(?:about\s+|some\s+)?(?:US)?\$?\s?\d+(?:[.,]\d+)?\s*(?:%|percent"
    r"|per\s+cent|points?|cents?|dollars?)?\s+to\s+(?:close|settle|end|finish)\s+(?:the\s+(?:day"
    r"|session|week)\s+)?(?:at|near|around)\s*(?:about\s+|around\s+|roughly\s+)?$",
    # a target that stood before the new one: "the bank's index target had been 12,000",
    # "its forecast was previously 1.15", "they no longer expect $1,800 but $2,500"
    r"\b(?:target|forecast|estimate|projection|call|view|outlook|prediction)s?\s+(?:had\s+(?:been"
    r"|stood\s+at|called\s+for)|was\s+(?:previously|formerly|originally|earlier)|used\s+to\s+be)"
    r"\s+(?:at\s+)?(?:about\s+|around\s+|roughly\s+)?$",
    r"\bno\s+longer\s+(?:expects?|expected|sees?|saw|forecasts?|predicts?|targets?|calls?\s+for)"
    r"\s+(?:an?\s+)?(?:about\s+|around\s+|roughly\s+)?$",
    # "rallied past his original 5,200 target", "its previous $4,000 call": an old figure
    r"\b(?:earlier|previous|prior|old|former|original|initial)\s+(?:[\w-]+\s+)?$",
    # ("a new all-time high of $5,000 by the end of the year" is a call: "new" looks ahead, and
    # so does "fresh": "should reach a fresh record high of $250,000 by Q4 2027"; a fresh
    # record the price has set is told in the past, which past_tense.py reads)
    r"(?<!\bnew\s)(?<!\bfresh\s)\b(?:record|all-time|all\s+time|multi-year|fresh|lifetime|year-to-date)\s+(?:high|low"
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
    # (an exchange rate is the pair's price: "the GBP/USD rate rising to 1.37", "the Pound
    # to Dollar (GBP/USD) rate at 1.37", "the EUR/USD exchange rate", "the spot rate")
    r"\b(?:inflation|yields?|(?<![a-z]{3}/[a-z]{3}\s)(?<!\)\s)(?<!exchange\s)(?<!spot\s)"
    r"(?<!dollar\s)(?<!euro\s)(?<!pound\s)(?<!sterling\s)(?<!yen\s)(?<!cross\s)rates?"
    r"|gdp|growth|cpi|pce|unemployment|eps|earnings"
    r"|allocation|stake|weighting|tariffs?|fed\s+funds)\s+(?:of|at|to|around|near|above"
    r"|below|rising\s+to|falling\s+to)?\s*$",
    r"\b(?:rsi|moving\s+average|dma|ema|sma)\s+(?:of|at|near)?\s*$",
    # "works with a gold-silver ratio of 75": the ratio's figure, not a price of either metal
    r"\bratio\s+(?:of|at|near|around)\s*$",
    # "the firm's earnings-per-share estimate stays at $258": earnings, not the index
    r"\b(?:earnings[-\s]per[-\s]share|eps|earnings)\s+(?:estimate|forecast|target|projection"
    # "raised his earnings forecast by $10 to $250": the step, then the new figure
    r"|guidance)?\s*(?:by\s+\S+\s+)?(?:of|at|to|stays\s+at|remains\s+at|is|was|reaching|rising\s+to"
    r"|climbing\s+to|hitting|nearing|near|approaching|topping|around)\s*(?:about\s+|around\s+"
    r"|roughly\s+)?$",
    # a target held before: "Tom Lee had a year-end target of 1775"
    # ("he had the highest target going into the year at 5,200": the old one, of the year's start)
    r"\b(?:had|held)\s+(?:a|an|its|their|his|her|the)\s+(?:[\w&-]+\s+){0,3}?(?:target|forecast"
    r"|estimate|projection|call|view)s?\s+(?:going\s+into\s+the\s+year\s+|at\s+the\s+start"
    r"\s+of\s+the\s+year\s+)?(?:of|at|for)\s+(?:about\s+|around\s+|roughly\s+)?$",
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
    # (not a record ahead: "expects gold to hit a fresh record above $5,400 by 2027")
    r"(?<!\bto\s)\b(?:sets?|setting|hits?|hitting|notch(?:es|ed|ing)?)\s+(?:a\s+)?(?:fresh\s+|new\s+"
    r"|another\s+)?records?\s+(?:highs?\s+)?(?:above|at|of|near|around|beyond)\s*$",
)
# "with Deutsche Bank at 6,550", "with Deutsche at 6,550", "with Acme Capital at 7,000": a
# house named before "at" in a roll call of forecasts is whose level it is, not the market
# ("with the S&P 500 at 6,500", "with Bitcoin at $98,000" still read as the price of the day).
# A house here is one the tables know (or the first word of one) or a name ending in a
# firm's word.
_HOUSE_WORDS = sorted(
    {*speaker_phrases.HOUSE_ALIASES, *(alias.split()[0] for alias in speaker_phrases.HOUSE_ALIASES)}
    - {"Bank", "Standard", "Wells", "Credit", "International", "Energy", "US", "U.S."},
    key=len,
    reverse=True,
)
_A_NAME_AT = (
    r"(?:(?:" + "|".join(re.escape(word) for word in _HOUSE_WORDS) + r")(?:\s+[A-Z][\w&.'-]*){0,2}"
    r"|(?:[A-Z][\w&.'-]*\s+){1,3}(?:Bank|Capital|Research|Securities|Partners|Advisors|Group"
    r"|Markets|Management|Economics|Investments))\s+(?:at|near|around)\s"
)
# "comes with silver trading above $65", "with the S&P 500 surging as high as 6,700 before a
# breather": the market where it stands or has just been, told beside the news; the side word
# here is the market's, not a call's (a clause that looks ahead is still read as a call).
_WITH_THE_MARKET_MOVING = (
    r"\bwith\s+(?:the\s+)?(?:[\w&/.^=-]+\s+){1,3}?(?:now\s+|already\s+)?(?:trading|changing\s+hands"
    r"|surging|rising|climbing|jumping|rallying|soaring|falling|dropping|sliding|sinking|slipping"
    r"|pushing|running|spiking|tumbling)\s+(?:just\s+|slightly\s+)?(?:as\s+high\s+as|as\s+low\s+as"
    r"|above|below|under|over|past|beyond)\s*(?:about\s+|around\s+|roughly\s+)?$"
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
    # "We're at 3,130 now", said by a trader or an anchor: where the market stands
    r"\b(?:we|you|they)(?:'re|\u2019re|\s+are)\s+(?:now\s+|already\s+)?(?:at|around|near)"
    r"\s+(?:about\s+|around\s+|roughly\s+)?$",
    # "With bitcoin around $98,600, the page puts the rise at 407%"
    # ("with the barrel just under $49": a side word only with "just" or "slightly")
    r"\bwith\s+(?:the\s+)?(?:[\w&/.^=-]+\s+){1,3}?(?:just|slightly)\s+(?:under|below|above"
    r"|over)\s*$",
    _WITH_THE_MARKET_MOVING,
    r"\bwith\s+(?!"
    + _A_NAME_AT
    + r")(?:the\s+)?(?:[\w&/.^=-]+\s+){1,3}?(?:now\s+)?(?:at|near|around|trading\s+"
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
    # the day's move and its close in one clause: "lost 0.5% to close at $2,640.50", "rose above
    # $50 this week, closing above $52", "gained $12 to settle near 1,915"
    r"\b(?:rose|fell|lost|gained|added|shed|dropped|slipped|climbed|jumped|slid|eased|sank"
    r"|increased|decreased|advanced|declined|rallied|surged|tumbled|plunged|firmed|weakened"
    r"|edged\s+(?:up|down|higher|lower))\s+(?:(?:by\s+)?(?:about\s+|some\s+)?(?:US)?\$?\s?"
    r"\d+(?:[.,]\d+)?\s*(?:%|percent|per\s+cent|points?|cents?)?\s+)?to\s+(?:close|settle|end"
    r"|finish)\s+(?:the\s+(?:day|session|week)\s+)?(?:at|near|around)\s*(?:about\s+|around\s+"
    r"|roughly\s+)?$",
    r",\s*(?:closing|settling)\s+(?:the\s+(?:day|session|week)\s+)?(?:just\s+)?(?:at|near|around"
    r"|above|below|under|over)\s*(?:about\s+|around\s+|roughly\s+)?$",
    # what an ounce or a barrel costs now: "an ounce of silver currently costs just under USD 49"
    r"\b(?:currently|now|presently|today)\s+(?:costs?|sells?\s+for|fetch(?:es)?|goes\s+for"
    r"|is\s+worth)\s+(?:just\s+|slightly\s+)?(?:under|below|over|above|about|around|roughly"
    r"|nearly|some|less\s+than|more\s+than)?\s*$",
    # (not after a word and "to": "expected the metal to hit $3,000" looks ahead whatever its
    # tense; "jumped 2% to hit $2,000" still reports)
    r"(?<![a-z]\sto\s)\b(?:rose|climbed|jumped|surged|rallied|soared|spiked|fell|dropped|slid|slipped"
    r"|sank|dipped|reached|hit|touched|broke|topped|crossed|passed)\s+(?:(?:by\s+)?\d+(?:\.\d+)?\s*%\s+)?"
    r"(?:above\s+|below\s+|to\s+|past\s+"
    r"|through\s+|beyond\s+|under\s+)?(?:about\s+|around\s+|roughly\s+|nearly\s+)?$",
    r"\b(?:currently|now|presently|today)\s*:?\s+(?:at|around|near|about|trading\s+(?:at|around"
    r"|near)|changing\s+hands\s+at)?\s*(?:about\s+|around\s+|roughly\s+|some\s+)?$",
    r"(?<!be\s)\b(?:trades|traded|trading|sits|sat|stands|stood|hovers|hovering|hovered|was"
    r"|is|were|bid|quoted|changes\s+hands|changed\s+hands|changing\s+hands|steadies|steadied"
    r"|steadying|rests|rested|resting)\s+(?:just\s+)?"
    r"(?:at|around|near|above|below|under|over)\s*(?:about\s+|around\s+|roughly\s+)?$",
    # ("with the barrel just under $49": a side word only with "just" or "slightly")
    r"\bwith\s+(?:the\s+)?(?:[\w&/.^=-]+\s+){1,3}?(?:just|slightly)\s+(?:under|below|above"
    r"|over)\s*$",
    _WITH_THE_MARKET_MOVING,
    r"\bwith\s+(?!"
    + _A_NAME_AT
    + r")(?:the\s+)?(?:[\w&/.^=-]+\s+){1,3}?(?:now\s+)?(?:at|near|around|trading\s+"
    r"(?:at|near|around)|hovering\s+(?:at|near|around)|sitting\s+(?:at|near))\s*(?:about\s+"
    r"|around\s+|roughly\s+)?$",
    r"\b(?:we|you|they)(?:'re|\u2019re|\s+are)\s+(?:now\s+|already\s+)?(?:at|around|near)"
    r"\s+(?:about\s+|around\s+|roughly\s+)?$",
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
