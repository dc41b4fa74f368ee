"""Conditionals, consensus, unnamed sources, scenarios and hedges.

These do not decide whether a sentence holds a call but how far to trust it: each
caps or lowers the confidence, so they sit together, apart from the cue words.
"""

from __future__ import annotations

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
    # the same after a semicolon: "...; should demand stall while OPEC+ adds barrels, prices
    # could drop below $50" ("; should reach $60" is a call's verb, not a condition)
    r"(?:(?<=;\s)|(?<=:\s)|(?<=;)|(?<=:))should\s+(?!(?:be|have|also|still|now|not|continue|remain|stay|see|reach|rise|fall"
    r"|climb|hit|trade|average|end|close|finish|get|move|push|drop|decline|gain|rally|test"
    r"|break|top|touch|exceed|surpass|hold)\b)",
    # "In a scenario where damage to supply cuts output, Brent could briefly top $90": the
    # call of the clause the scenario opens is conditional ("its base-case scenario" is not)
    r"\b(?:in|under)\s+(?:a|an|the|this|that|such\s+a)\s+(?:[\w-]+\s+){0,2}?scenario\s+(?:where"
    r"|in\s+which|whereby)\b",
    # "Were the Fed to cut, ...": an inverted condition; "Strategists at Nomura were the most
    # bearish, expecting the pound to ..." is a superlative, no condition
    r"\bwere\s+(?:the|it|they)\b(?!\s+(?:most|least|only|first|last|\w+est)\b).{0,40}\bto\b",
    r"\bbarring\b",
    r"\bin\s+case\b",
    r"\bonly\s+(?:if|when)\b",
    # "it would take rate cuts and a weaker dollar to carry the metal above $5,000": what
    # the move needs, not the call
    # ... but "a path that could take gold to $6,000" carries the price there: no condition
    r"\b(?:it|that)\s+(?:would|will|could|might|may)\s+(?:take(?!\s+(?:[\w&/-]+\s+){1,3}?"
    r"(?:to|toward|towards|above|past|beyond)\s+(?:about\s+|around\s+|roughly\s+)?"
    r"(?:US)?[$€£]?\s?\d)|require|need)\b",
    r"\bwould\s+(?:require|need)\b",
    r"\b(?:in\s+(?:a|an|the|our|its|their)\s+)?(?:hypothetical|extreme|tail[-\s]risk)\b",
)
# An open question is no call either: "Whether bitcoin can climb to $200,000 by the end of
# 2027 is far from certain", "Some traders wonder whether gold can reach $6,000". The level
# in its clause is read as a conditional one is (flagged, capped, never recorded by --yes),
# in the same scope. "whether or not" concedes, it does not ask. Regexes.
OPEN_QUESTIONS = (
    r"^\W*whether\b(?!\s+or\s+not\b)",
    r"\b(?:wonders?|wondering|wondered|asks?|asking|asked|questions?|questioning|questioned"
    r"|debates?|debating|debated|doubts?|doubting|doubted|unsure|unclear|uncertain|not\s+sure"
    r"|remains?\s+to\s+be\s+seen)\s+(?:about\s+)?whether\b(?!\s+or\s+not\b)",
    r"\bthe\s+(?:big\s+|key\s+|open\s+|real\s+)?question\s+(?:is|remains)\s+(?:whether|if)\b",
)
# A condition governs the clause it belongs to: from the last of these breaks before it
# (or from the start of the sentence) to the end. "My target is $4,800, and I'll cut the
# trade if ETH closes below $2,600": only the second call is conditional. Regex.
# A second verb of seeing or saying opens a clause of its own even without a comma: "expects
# $4,900 by the end of 2026 and sees 'significant upside' if more investors buy gold".
CONDITION_SCOPE_BREAK = (
    r",\s+(?:and|but|while|whereas|with)\s+|;\s+|\s-\s"
    r"|\s+and\s+(?:sees|expects|says|said|adds|added|warns|warned|thinks|believes|notes|noted)\s+"
)
# ... and ends at a contrast after it: "could gain if fears grow, but is forecasting 1.25".
CONDITION_SCOPE_END = r",\s+(?:but|whereas|yet)\s+|;\s+"
# A condition that is a clause of its own ("if no move comes soon") also ends at a colon:
# in "The firm will rethink the target if no move comes soon: 'we see $2,050 at the end of
# 2022'" what follows is said for itself. (A case or scenario named before a colon is spelt
# out after it: "one extreme case: bitcoin dropping to $8,000".) Regex, matched on the
# condition's words.
CLAUSE_CONDITION = r"\W*(?:if|unless|provided|as\s+long\s+as|so\s+long\s+as|only\s+if)\b"
# A comma's part that opens on a comparison makes a call beyond the level before it: in
# "a target of $5,400, higher still in some extreme scenarios" the scenario is the higher
# call's, not the target's. Regex, matched where the part begins.
OWN_COMPARATIVE = (
    r"(?:and\s+|or\s+|with\s+)?(?:(?:possibly|perhaps|maybe|potentially|even|still|much|far)\s+)?"
    r"(?:higher|lower|more|less|further|beyond|above\s+that|below\s+that)\b"
)
# Where the part a bracketed condition is said of begins: after a comma, "and", "or",
# "while", "with" before the level the bracket follows. Regex.
PART_BEFORE_BRACKETED_CONDITION = r",\s|\s(?:and|or|while|with|versus|vs\.?)\s"
# The premise of a base case, written after the call it qualifies: "Goldman sees Brent at $56
# in 2026, barring major supply shocks", "the analysts see $1,386, provided the market stays
# calm", "Capital Economics forecasts 8,000 by the end of 2026, assuming valuations climb
# further". The forecaster states what the call rests on; the call is theirs as stated, not
# a scenario ("if the Fed cuts, gold could reach $6,000" stays one). Regex, matched at the
# condition's word, with the comma that sets it after the call just before it.
PREMISE_AFTER_CALL = r"(?:assuming|barring|provided|absent|unless)\b"
# A level called possible rather than expected: with a premise after it, it is a scenario
# ("TD thinks $4,000 is realistic within a month, provided Chinese buying stays strong").
POSSIBLE_NOT_EXPECTED = (
    r"\b(?:is|are|looks?|seems?|becomes?)\s+(?:\w+\s+)?(?:realistic|possible|plausible"
    r"|achievable|attainable|conceivable|feasible|in\s+play|on\s+the\s+cards|within\s+reach)\b",
)
# "even if" and "as if" do not make the call conditional. Regexes, checked just before "if".
NOT_CONDITIONAL_BEFORE_IF = (r"\beven\s+$", r"\bas\s+$")
# Scenarios make only their own clause conditional: in "its base case is $150,000; its
# bear case is $78,000" the base case is the call. Regexes.
# A figure pooled from many forecasters is nobody's call: "a median forecast of $4,746",
# "the average target among the big firms". Regexes; the candidate is flagged and capped.
CONSENSUS = (
    # ("mean" the noun, not the verb: "it would mean LTC rising 8,800%")
    r"\b(?:median|consensus)\b|\b(?:the|a|its|their)\s+mean\b"
    r"|\bmean\s+(?:forecast|target|estimate|projection|expectation)s?\b",
    r"\b(?:survey|poll)\s+of\b",
    # "..., a Reuters poll showed", "the poll sees average prices of $20.50": the poll's figure
    r"\b(?:survey|poll)\s+(?:showed|shows|found|finds|sees|saw|forecasts|expects|predicts"
    r"|suggests|suggested|indicated|indicates)\b",
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
    r"|vary|varying)\s+(?:widely\s*,?\s+)?(?:from|between)\b",
    # a list's summary rows: "Highest: 8,100", "Average: 7,635" restate or pool the rows above
    r"^\W*(?:highest|lowest|average|mean)\s*(?:target|forecast|call|estimate)?s?\s*:",
)
# Forecasters the writer does not name: "some projections place gold at $6,000", "several
# expect $100 crude", "most banks see", "Three strategists expect", "People have been calling
# for $100K". A level they are the source of is nobody's call to score: the candidate is
# flagged and capped as a consensus is, unless a named speaker comes between them and it.
# Regexes.
UNNAMED_SOURCES = (
    # ("the most bearish houses", "one of the world's most respected banks", "Wall Street's
    # most bullish strategists" are superlatives, not a number of them)
    r"(?<!\bthe\s)(?<!'s\s)(?<!\u2019s\s)\b(?:some|several|many|most|a\s+few|few|a\s+(?:growing\s+|small\s+|large\s+)?number\s+of"
    r"|more\s+and\s+more|an\s+increasing\s+number\s+of|a\s+growing\s+(?:chorus|band|group)\s+of"
    r"|a\s+handful\s+of|a\s+host\s+of|other|two|three|four|five|six|seven|eight|nine|ten"
    r"|a\s+dozen)\s+(?:of\s+the\s+)?(?:[\w-]+\s+){0,2}?(?:analysts|strategists|economists|banks"
    r"|houses|brokers|forecasters|experts|traders|investors|projections|forecasts|estimates"
    r"|models|people|observers|commentators|executives|watchers|bulls|bears|pundits"
    r"|influencers|firms|brokerages)\b",
    # "The 28 analysts expect an average of $4,410", "31 economists polled": a count in
    # figures is a poll's panel, not the house named before
    # ("the Euro Stoxx 50 the analysts expect 4,300": a number before "the" ends a name)
    r"(?<![\d,.$])\b\d{1,3}\s+(?!(?:the|a|an|its|their|his|her|our)\s)(?:of\s+the\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:analysts|strategists"
    r"|economists|banks|houses|brokers|forecasters|experts|traders|investors|respondents"
    r"|participants)\b",
    r"\b(?:some|several|many|most|others|a\s+few)\s+(?:(?:now|also|even|already|still)\s+)?"
    r"(?:expect|see|think|predict|forecast|believe|say|argue|reckon|suggest|call\s+for|have"
    r"\s+(?:lifted|raised|set|put|pencilled|penciled))\b",
    # "with some suggesting oil is still heading to $100": the same, as a participle
    r"\b(?:with\s+)?(?:some|several|many|others|a\s+few)\s+(?:(?:now|also|even|still)\s+)?"
    r"(?:suggesting|expecting|predicting|arguing|saying|calling\s+for|betting|seeing)\b",
    r"\bpeople\s+(?:have\s+been\s+|are\s+|were\s+)?(?:calling|predicting|expecting|betting"
    r"|talking\s+about)\b",
    # a poll's answers: "users see a similar path for ether", "voters put bitcoin at ...",
    # "respondents expect": the crowd's, nobody's call
    r"\b(?:users|voters|respondents|readers|participants|members|viewers|followers)\s+(?:also\s+"
    r"|now\s+|still\s+)?(?:see|saw|expect|expected|think|thought|predict|predicted|put|voted"
    r"|chose|picked|are\s+calling\s+for|were\s+calling\s+for)\b",
    # a share of a poll's answers as the subject: "62% expect gold at $2,500", "only 40% of
    # those who answered think $40,000 is in reach", "57% said": the poll's,
    # nobody's call (here, not in CONSENSUS: a house's call before it in the sentence stays)
    r"(?<![\d.,$])\b\d{1,3}(?:\.\d+)?\s*(?:%|percent\b|per\s+cent\b)\s+(?:of\s+(?:the\s+)?"
    r"(?:[\w'\u2019-]+\s+){0,6}?)?(?:said|say|says|expect|expected|think|thought|see|saw"
    r"|believe|believed|agree|agreed|predict|predicted|voted|answered|chose|picked|felt"
    r"|reckon|reckoned|anticipate|anticipated|forecast)\b",
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
