"""The words that put a call in the past: old calls, old editions, past verbs.

A forecast already made and reported ("in January it had forecast...") is not a new
call; these tables let the extractor tell a reported old call from a live one.
"""

from __future__ import annotations

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
    # "up $26 a barrel in the three months", "down $300 an ounce over four weeks": a move in
    # money per unit over a span, as "up 169% in a year" is one in percent
    r"\b(?:up|down)\s+(?:about\s+|nearly\s+|some\s+|more\s+than\s+|almost\s+)?(?:US)?\$\s?[\d.,]+"
    # (the unit may already be blanked: "a barrel" is no level's word)
    r"(?:\s+(?:an?|per)\s+(?:barrel|ounce|troy\s+ounce|share|tonne|coin))?\s+(?:in|over|across|during)"
    r"\s+(?:the\s+)?(?:(?:past|last|previous)\s+)?(?:\d+|a|an|one|two|three|four|five|six|seven"
    r"|eight|nine|ten|twelve)?\s*(?:days?|weeks?|months?|years?|sessions?|quarters?)\b",
    r"\bin\s+recent\s+(?:days|weeks|months|sessions|trading)\b",
    # "with the S&P 500 up 5.8% on average", "has gained 6.7 percent on average": history's
    # average move, a statistic, not a call
    r"\b(?:up|down|gained|rose|fell|lost|returned|climbed|dropped)\s+(?:about\s+|nearly\s+"
    r"|some\s+|roughly\s+)?[\d.]+\s*(?:%|percent|per\s+cent)\s+on\s+average\b",
    r"\bat\s+the\s+(?:close|open)\b",
    r"(?<!\bnew\s)\b(?:record|all-time|all\s+time|multi-year|fresh)\s+(?:high|low|peak)s?\s+of\b",
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
    # "its earlier call of $100, which had itself been lifted to $110 only recently": a
    # target changed before, told in the pluperfect passive
    r"\bhad\s+(?:itself\s+|themselves\s+|already\s+|previously\s+|earlier\s+|just\s+)?been"
    r"\s+(?:trimmed|cut|raised|lifted|lowered|revised|slashed|upgraded|downgraded|set|put)\b",
    # "Only two weeks ago the bank had raised that target to $85": dated in the past
    r"^\W*(?:only\s+|just\s+|as\s+recently\s+as\s+)?(?:\d+|a|an|one|two|three|four|five|six"
    r"|several|a\s+few|few)\s+(?:days?|weeks?|months?|years?)\s+ago\b",
    # "In October the estimate was only $4,275": what a forecast was, an earlier figure (not
    # "the target was raised to $5,000", a change made now)
    r"\b(?:the|its|their|that|this)\s+(?:[\w-]+\s+)?(?:estimate|forecast|target|projection"
    r"|median)\s+(?:was|were|had\s+been|stood\s+at)\b(?!\s+(?:\w+ly\s+)?(?:\w+ed|set|cut|put"
    r"|kept|held|left|hit|met|seen|taken|broken|beaten)\b)",
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
    # "Just six weeks after cutting its forecast and warning that gold could drop below $3,000
    # before year-end, Citi now projects ...": the view the opening clause recalls is the old one
    r"|^\W*(?:just\s+|only\s+|barely\s+)?(?:\w+\s+){1,2}(?:days?|weeks?|months?)\s+after\s+"
    r"(?:cutting|raising|lowering|lifting|trimming|warning|forecasting|predicting|saying|calling)"
    r"\b(?:[^,;]|,(?=\d))*"
)
# A clause ends at these, so that a past clause can be set aside on its own: "Gold, which
# hit $4,381 in October, will climb to $5,000". Regex.
CLAUSE_BREAKS = (
    # (a bracket that only glosses a ticker, "Bitcoin (BTC) is around $250,000", is no break)
    r",\s|;\s*|:\s|\s-{1,2}\s|\((?![A-Z]{2,5}\))"
    r"|(?<!\([A-Z]{2})(?<!\([A-Z]{3})(?<!\([A-Z]{4})(?<!\([A-Z]{5})\)|\s(?=(?:after|since|while|whereas|but|though|although"
    r"|because|when|which|who|that|having|despite|before|following)\b)"
    r"|\s(?=and\s+(?:could|will|would|may|might|should|is|are|expects?|sees?|now|said|says"
    r"|added|adds|noted|notes|told|warned|argued)\b)"
    # "its base target to 4,500 and its upside case to 4,900": the scenario is a clause of
    # its own, so it does not make the base call before it conditional
    r"|\s(?=and\s+(?:its|their|his|her|the|a)\s+(?:bull|bear|upside|downside|optimistic"
    r"|pessimistic|best|worst|blue[-\s]sky|stress)[-\s]?(?:case|scenario)\b)"
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
