"""Reading one sentence: from its words to the calls it makes, segment by segment.

The extractor walks an article sentence by sentence; this module is that walk's
step for one sentence (old calls, questions, reported prices, scenarios, the
speaker and the time frame), apart from the article-level loop in extractor.py
and from the building of each segment's candidates in segment_candidates.py.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from ledger.claims.dates import MONTHS, DatePhrase
from ledger.extract.announced_periods import ANNOUNCED_REACH, announced_period, period_of
from ledger.extract.candidate import Candidate
from ledger.extract.clauses import (
    FIRST_PERSON,
    FORECAST_WORDS,
    FUTURE,
    HEADLINE_INFINITIVE,
    HEDGE,
    STANDING_CALL,
    VAGUE_CALL,
    clause_spans,
    conditional_spans,
    is_past,
)
from ledger.extract.compared_calls import COMPARED_REACH, compares_calls
from ledger.extract.continued_calls import continued_speaker, viewed_symbols
from ledger.extract.crowd_subjects import crowd_subject
from ledger.extract.dated_clauses import deadline_after
from ledger.extract.directions import Direction, find_terms, read_direction
from ledger.extract.elliptic_assets import asset_meant
from ledger.extract.firm_beside_name import firm_beside_name
from ledger.extract.forecast_headings import heading_owner
from ledger.extract.hedge_scope import hedged_at
from ledger.extract.house_names import houses_named, is_organization, split_houses
from ledger.extract.level_speakers import level_owners
from ledger.extract.levels import call_levels, prices_now
from ledger.extract.mentions import find_mentions, remember, remember_prices
from ledger.extract.named_firms import firms_named
from ledger.extract.object_clauses import without_object_clause_names
from ledger.extract.pairing import (
    by_speaker,
    credited,
    for_a_span_of_years,
    respective_assets,
    respectively_at,
    split_segments,
    without_old_deadlines,
)
from ledger.extract.patterns import (
    direction_phrases,
    hedge_phrases,
    level_phrases,
    past_tense,
)
from ledger.extract.patterns.confidence_scores import RULE_BAR
from ledger.extract.prepare import (
    TYPOGRAPHY,
    date_phrases,
    prepare,
    with_same_period,
)
from ledger.extract.segment_candidates import segment_candidates
from ledger.extract.speaker_roles import (
    affiliations,
    heading_name,
    introduced_people,
    label_speaker,
)
from ledger.extract.speakers import Recent, SpeakerReading, find_speaker, roll_call, speaker_spans
from ledger.extract.special_calls import comparison_candidates, vague_call
from ledger.extract.state import Context, Mention, SentenceFacts, Settings
from ledger.extract.textops import any_of, blank
from ledger.extract.unit_families import asset_of_unit
from ledger.extract.writing import cue_words

_OLD_CALL = any_of(past_tense.OLD_CALLS)
_OLD_EDITION = any_of(past_tense.OLD_EDITIONS)
_OLD_CALL_ASIDE = re.compile(past_tense.OLD_CALL_ASIDE, re.IGNORECASE)
# "parity": the level 1.00, for the pairs quoted near one (not USD/JPY).
_PARITY = re.compile(r"\b(?:parity|one-for-one|one-to-one)\b", re.IGNORECASE)
_NEAR_ONE_PAIRS = frozenset(("EURUSD=X", "GBPUSD=X", "AUDUSD=X", "CHF=X", "EURCHF=X", "EURGBP=X"))

_YEAR_IN = re.compile(r"\b((?:19|20)\d\d)\b")

_REPORTED_BEFORE = re.compile(
    r"\b(?:said|says|told|wrote|announced|noted|reported|added)\s+(?:on\s+\w+\s+)?(?:that\s+)?"
    r"(?:it|they|he|she|the\s+(?:bank|firm|group))\s+$",
    re.IGNORECASE,
)
_PART_BOUNDARY = re.compile(r"[:;]\s|\s(?:but|yet|whereas)\s", re.IGNORECASE)
# "have lifted their targets this month alone", "up 20% this year to date": the part gone
_SO_FAR_AFTER = re.compile(r"\s+(?:alone|so\s+far|to\s+date)\b", re.IGNORECASE)
_BACKWARD_PREPOSITION = re.compile(
    r"\s*(?:in|for|during|over|at\s+the\s+end\s+of|the\s+end\s+of|end\s+of)\b", re.IGNORECASE
)
_BARE_MONTH = re.compile(
    r"\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?\s*$", re.IGNORECASE
)

_SCENARIO = any_of(hedge_phrases.SCENARIOS)
_PERIOD_FORECAST = any_of(direction_phrases.PERIOD_FORECAST)
_NOT_A_LEVEL = any_of(level_phrases.NOT_A_LEVEL)
# the plurals a lead-in names its rows by ("The big calls:", "The houses' outlooks:"), which
# are not forecast words in a sentence ("calls for" is; "outlooks" would read a heading)
_LEAD_IN_FORECASTS = re.compile(r"\b(?:calls|outlooks|views|expectations)\b", re.IGNORECASE)
_QUESTION = re.compile(r"\?[\s\"')\]]*$")
# "Brent crude is expected to slide to $60", in a report on one house's outlook: a forecast
# in the passive, whose forecaster is the house the sentences before name
_PASSIVE_FORECAST = re.compile(
    r"\b(?:is|are)\s+(?:now\s+|still\s+|also\s+)?(?:expected|forecast|projected|seen"
    r"|predicted|estimated)\s+to\b",
    re.IGNORECASE,
)
# "earlier this month", "so far this year": the part of a period already gone, not a deadline
_PAST_PART_BEFORE = re.compile(
    r"\b(?:earlier|so\s+far|already|previously|until\s+now|to\s+date)\s+(?:in\s+)?$",
    re.IGNORECASE,
)


def read_sentence(
    original: str, headline: bool, settings: Settings, context: Context, *, item: bool = False
) -> list[Candidate]:
    made_on = settings.made_on
    # The items of a list ("Where the houses see the S&P 500 finishing 2026:" then
    # "- Deutsche Bank: 8,000", "- UBS: 7,500") are all read under the lead-in: they do not
    # age the asset and period it named, however long the list.
    if not item:
        context.last_symbol_age += 1
        context.last_period_age += 1
        context.last_speaker_age += 1
        context.announced_age += 1
    # A list of calls runs over sentences: "Deutsche Bank projects 8,000 for the end of 2026
    # ... Oppenheimer has the most bullish target at 8,100": the period carries to the next
    # sentence's calls on the same asset, when it names none of its own.
    inherited = None
    # A survey's houses, each with its level and no period of its own ("LBBW set its
    # forecast a little lower, at 16,500, while Helaba, with a target of 15,700, ..."), are
    # read under the period of the survey's call before, across a quotation between.
    survey = bool(level_owners(original))
    reach = 2 if item or survey else 1
    if context.last_period is not None and context.last_period_age <= reach:
        # a bare year read in its sentence ("finishing 2026") reads alone as "by 2026"
        inherited = next(
            iter(
                date_phrases(context.last_period, made_on)
                or date_phrases(f"by {context.last_period}", made_on)
            ),
            None,
        )
    # "Other banks are just as bullish: JPMorgan sees $5,055": compared with the dated call a
    # few sentences back, on its horizon (compared_calls.py)
    # ("Goldman is not alone." says it of the sentence after it)
    compares = compares_calls(original)
    lent_by_comparison = False
    compared_call = not item and (compares or context.comparison_open)
    if not item:
        context.comparison_open = compares  # closed again below if it names calls itself
        context.dated_call_age += 1
    if (
        compared_call
        and inherited is None
        and context.dated_call is not None
        and context.dated_call_age <= COMPARED_REACH
    ):
        # the phrase as its own sentence resolved it ("year-end" in a December outlook for
        # next year is next year's end), not read again out of it
        inherited = context.dated_call[0]
        lent_by_comparison = True
        context.dated_call_age = 0  # "Goldman isn't alone." then "Other banks ...": it goes on
    inherit_symbols, context.last_calls = context.last_calls, ()
    viewed_before, context.viewed_symbols = context.viewed_symbols, ()
    if (item or survey) and context.last_symbol is not None:
        inherit_symbols = (*inherit_symbols, context.last_symbol)
    if item:
        inherit_symbols = (*inherit_symbols, *context.period_symbols)
    if compared_call and context.dated_call is not None:
        inherit_symbols = (*inherit_symbols, *context.dated_call[1])
    earlier_year = None
    if context.last_period is not None and context.last_period_age <= 1:
        years = _YEAR_IN.findall(context.last_period)
        earlier_year = int(years[-1]) if years else None
    if (
        (earlier_year is None or earlier_year <= made_on.year)
        and context.headline_period is not None
        and context.read_body
    ):
        # "Gold could keep rising: forecasts point to $5,000 in 2026" then "around $5,055 in
        # the fourth quarter": a quarter with no year is in the year the headline names
        earlier_year = context.headline_period.deadline.year
    if headline or item:
        # "Goldman Sachs" / "End of September 2020: $1,800/oz": a heading that is only a
        # name heads that speaker's section; any other heading ("Gold outlook") ends it
        section = heading_name(original.strip("*_ "), people=True) if context.read_prose else None
        if section is not None or headline:
            context.section_speaker = section
    else:
        context.read_prose = True
    work = prepare(original, made_on, earlier_year, item=item)
    phrases = date_phrases(work, made_on)
    work, phrases = with_same_period(work, phrases, made_on, context)

    affiliated = affiliations(work, context.last_organization)
    context.firm_of.update(affiliated)
    speaker = credited(
        find_speaker(
            work,
            headline=headline,
            author=context.author,
            section=headline and context.read_body,
            recent=Recent(
                context.last_speaker,
                context.last_organization,
                context.last_person,
                writer_may_be_it=context.organization_paragraph == context.paragraph
                or len(context.credited_houses) < 2,
                quoted=context.quoted_speaker if context.in_quote else None,
            ),
        ),
        context.firm_of,
    )
    owner = heading_owner(work) if speaker.name is None and not speaker.writer else None
    owner = owner or (firm_beside_name(work) if speaker.name is None else None)
    if owner is not None:
        # "UBS gold forecasts:" then "- Q2 2026: $4,400": the house whose forecasts these are
        speaker = SpeakerReading(owner, named=True, note=f"the line names {owner}'s forecasts")
    if speaker.name is None and affiliated:
        # "Geoffrey Kendrick, head of research at Standard Chartered, has cut his target"
        person, firm = next(iter(affiliated.items()))
        speaker = SpeakerReading(firm, named=True, note=f"{person} speaks for {firm}")
    # a list item's label, or a paragraph's: "Goldman Sachs: in a Monday note the bank said"
    label = label_speaker(work) if item or not headline else None
    label_houses: tuple[str, ...] = ()
    if label is not None:
        speaker = SpeakerReading(label, named=True, note=f"the list item's label: {label}")
        # "Goldman Sachs & Morgan Stanley: a target of 4,800": two houses, one call each
        label_houses = tuple(split_houses(label))
        if len(label_houses) < 2:
            label_houses = ()
    if speaker.name is None and not speaker.writer and context.section_speaker is not None:
        # named by the heading above as surely as by the row itself: the row's confidence
        # is the one it would have with the name written in it
        section = context.section_speaker
        speaker = SpeakerReading(section, named=True, note=f"the section heading: {section}")
    if (
        speaker.name is None
        and not speaker.writer
        and not speaker.person_unnamed
        and context.last_speaker is not None
        and context.last_speaker_age <= 2
        and not crowd_subject(original)
        and (
            item
            or FORECAST_WORDS.search(work)
            or STANDING_CALL.search(work)
            or _PASSIVE_FORECAST.search(work)
        )
    ):
        # "New price target: $170,000 within 6-12 months" after "JPMorgan's analysts took
        # ...": a forecast nobody is named for, in a report on one speaker's call, is theirs.
        speaker = SpeakerReading(
            context.last_speaker,
            note=f"nobody named in the sentence: read as {context.last_speaker}, named just before",
        )
    mentions = find_mentions(work, settings, context)
    if (
        speaker.name is None
        and not speaker.writer
        and not speaker.person_unnamed
        and not item
        and not crowd_subject(original)
    ):
        # "Bitcoin should then go on to $120,000 by the end of next year", right after the
        # bank's call on bitcoin: the bank's call goes on
        speaker = (
            continued_speaker(
                work,
                last_speaker=context.last_speaker,
                last_speaker_age=context.last_speaker_age,
                previous_calls=(*inherit_symbols, *viewed_before),
                symbols=[m.symbol for m in mentions if m.subject and m.symbol],
                last_symbol=context.last_symbol,
            )
            or speaker
        )
    if speaker.name in settings.full_names:
        full = settings.full_names[speaker.name]
        speaker = replace(speaker, name=full, note=speaker.note or f"'{speaker.name}' is {full}")
    work = _parity_as_level(work, mentions, context)
    clauses = clause_spans(work)
    past = [span for span in clauses if is_past(work, span, phrases, made_on)]
    past += [aside.span() for aside in _OLD_CALL_ASIDE.finditer(work)]
    old_call = _OLD_CALL.search(work) or _OLD_EDITION.search(work)
    if old_call and _REPORTED_BEFORE.search(work, 0, old_call.start()):
        old_call = None  # "Citi said it had raised its forecasts to $1,575": the news itself
    if old_call:
        # "it had expected for 2026: the flagship cryptocurrency should hit $150,000 next
        # year": a call someone had made is past up to the next colon, semicolon or "but";
        # the part after it is the sentence's own. Other old calls take the whole sentence.
        start = next((s for s, e in clauses if s <= old_call.start() < e), 0)
        boundary = _PART_BOUNDARY.search(work, old_call.end())
        end = boundary.start() if boundary else len(work)
        rest = work[end:]
        by_then = old_call[0].lstrip().lower().startswith("had") or bool(
            _OLD_EDITION.match(old_call[0])
        )
        if by_then and (FUTURE.search(rest) or FORECAST_WORDS.search(rest)):
            past = [*past, (start, end)]
        else:
            past = [(0, len(work))]
    present = blank(work, past)
    lead_direction = context.lead_direction
    lead_period_forecast = context.lead_period_forecast
    lead_forecast_items = item and context.lead_forecast
    if not item:
        # A lead-in ("Where the houses see the S&P 500 finishing 2026:") lends its
        # direction to the list under it; any other sentence ends the list.
        terms = find_terms(present, [m.span for m in mentions], phrases)
        lead_in = original.rstrip().endswith(":")
        context.lead_direction = read_direction(terms, (0, len(work)), "") if lead_in else None
        # "The leading banks' gold forecasts for 2026:": each row under it is one for the year
        context.lead_period_forecast = lead_in and bool(
            _PERIOD_FORECAST.search(original.translate(TYPOGRAPHY))
        )
        # "Key predictions:" / "The banks' targets for gold:": the rows under it are forecasts
        # by the lead-in's word, though a row ("- JPMorgan: an average of $5,055 by Q4 2026")
        # has none of its own
        context.lead_forecast = lead_in and bool(
            FORECAST_WORDS.search(original) or _LEAD_IN_FORECASTS.search(original)
        )
    # a quotation left open runs into the next sentences; who was named before it opened
    # is who speaks in it
    # ('Wee said: "We see ...' opens on its speaker; '"Besides, Governor Ueda said ...'
    # opens the quotation at once, and names only whom it mentions)
    marks = original.translate(TYPOGRAPHY)
    if marks.count('"') % 2:
        if not context.in_quote:
            opens_at_once = not marks[: marks.rfind('"')].strip(" *_-\n")
            named = speaker.name if speaker.named and not opens_at_once else None
            context.quoted_speaker = named or context.last_speaker
        context.in_quote = not context.in_quote
    remember(context, mentions, speaker)
    context.viewed_symbols = viewed_symbols(
        work, speaker, [m.symbol for m in mentions if m.subject and m.symbol]
    )
    unrelated = without_object_clause_names(work)
    # "A snippet from Capital Economics:": failing a house the tables know, any research firm
    named_houses = houses_named(unrelated) or [name for _, name in firms_named(unrelated)]
    if named_houses and not (speaker.named and speaker.name and is_organization(speaker.name)):
        context.last_organization = named_houses[-1]  # "This one comes from ING. ... the bank"
        context.organization_paragraph = context.paragraph
    # "said Commerzbank's expert Carsten Fritsch. In that case he expects ...": a person tied
    # to a firm is introduced as surely as one given a post alone
    introduced = introduced_people(work) or [p for p in affiliated if " " in p]
    if introduced and not (speaker.named and speaker.name and not is_organization(speaker.name)):
        context.last_person = introduced[-1]  # "Tom Lee, chairman of BitMine ... he called"

    def looks_ahead(position: int) -> bool:
        span = next(((s, e) for s, e in clauses if s <= position < e), (0, 0))
        clause = work[span[0] : span[1]]
        # "..., with USD/JPY at 152 by the end of this year": a deadline after the level
        return bool(
            FUTURE.search(clause)
            or FORECAST_WORDS.search(clause)
            or deadline_after(position, span, phrases, made_on)
        )

    known = blank(work, [m.span for m in mentions] + [p.span for p in phrases])
    remember_prices(context, mentions, prices_now(known, work, looks_ahead))

    def in_future_clause(position: int) -> bool:
        # "predicted the Nikkei will stand at 41,800 at the end of December", written in
        # January: the month to come, however lately the last one ended
        return bool(FUTURE.search(next((work[s:e] for s, e in clauses if s <= position < e), "")))

    def in_present(span: tuple[int, int]) -> bool:
        return not any(s <= span[0] < e for s, e in past)

    future = tuple(
        p
        for p in phrases
        if p.deadline > made_on
        and in_present(p.span)
        and not _PAST_PART_BEFORE.search(work, 0, p.span[0])
        and not _SO_FAR_AFTER.match(work, p.span[1])
        and not (_month_just_gone(p, made_on) and not in_future_clause(p.span[0]))
    )
    announced = None
    if (
        context.announced is not None
        and context.announced_age <= ANNOUNCED_REACH
        and not future
        and speaker.name == context.announced[0]
    ):
        announced = period_of(context.announced[1], made_on)
    said = announced_period(work, future, made_on) if speaker.name and not item else None
    if said is not None and speaker.name:
        context.announced, context.announced_age = (speaker.name, said), 0
    if headline and not context.read_body:
        # "Gold price seen climbing: major banks bullish on 2026": the year the article's
        # first line names is the period of the calls below it that name none of their own
        # (a dateline after it is the day it was written, not a period).
        context.headline_period = _headline_period(work, future, made_on)
    context.read_body = True
    strong_cue = bool(
        FORECAST_WORDS.search(present)
        or FIRST_PERSON.search(present)
        or STANDING_CALL.search(present)
    )
    # "Claude produced price forecasts for XRP, Solana and Dogecoin by the end of 2026." /
    # "- Solana: from $82 to $450": an item on an asset the forecast sentence named, in the
    # period it named, is one of those forecasts
    lead_forecast = (
        item
        and inherited is not None
        and context.period_cue
        and any(m.symbol in context.period_symbols for m in mentions if m.subject)
    )
    # (a row that names nobody stays nobody's call: "Gold forecasts for 2026:" then "- Q2
    # 2026: $4,400" is not made recordable by the lead-in's word)
    named_row = lead_forecast_items and speaker.named and speaker.name is not None
    strong_cue = strong_cue or lead_forecast or named_row
    # "Next comes BMO Capital at 6,700 ... Morgan Stanley, HSBC and Yardeni follow at 6,500":
    # a roll call of houses right after a sentence of calls goes on with that list, its asset
    # and period, though it has no forecast word of its own
    roll = bool(inherit_symbols) and inherited is not None and bool(roll_call(present))
    cue = (
        strong_cue
        or roll
        or bool(FUTURE.search(present))
        or bool(future)
        or (headline and bool(HEADLINE_INFINITIVE.search(present)))
        or (item and inherited is not None)
        # "the rally in gold is far from over" looks ahead by itself, about a named asset.
        or (bool(VAGUE_CALL.search(present)) and any(m.subject for m in mentions))
    )
    if future and not item:
        context.last_period = future[-1].text
        context.last_period_age = 0
        context.period_symbols = tuple(dict.fromkeys(m.symbol for m in mentions if m.subject))
        context.period_cue = strong_cue
    if not cue or not present.strip():
        return []
    if _QUESTION.search(original):
        return []  # "Is S&P 8,000 in play?": a question asks, it does not call

    # A mention in a past clause still owns the levels after it until the next mention:
    # "In one week the metal went from $4,000 to $4,200, and Schiff is calling for $5,000".
    subjects = [m for m in mentions if m.subject]
    vague = vague_call(original, work, present, subjects, phrases, speaker, headline, settings)
    if vague is not None:
        return [vague]
    if not subjects:
        # An article about one asset only ("Standard Chartered cuts its bitcoin forecast in
        # half") is about it in every sentence: "he now expects the $500,000 level in 2030".
        only_asset = context.named_symbols == (context.topic,) and context.topic is not None
        if mentions or context.last_symbol is None:
            return []
        if context.last_symbol_age > 2 and not only_asset:
            return []
        meant = context.last_symbol
        if context.topic in context.last_symbols:
            meant = context.topic  # "The S&P 500 and the Dow closed at records" in an S&P story
        subjects = [
            Mention(
                "",
                meant,
                (0, 0),
                vague_note=f"no asset named: read as {meant}, named just before",
            )
        ]

    level_text = blank(
        present,
        [m.span for m in mentions]
        + [p.span for p in phrases]
        + [m.span() for m in _NOT_A_LEVEL.finditer(present)],
    )

    found = call_levels(
        level_text, work, asset_starts=[m.span[0] for m in mentions], looks_ahead=looks_ahead
    )
    levels = found.levels
    if not mentions:
        # "Gold, by contrast, has stalled near $4,000. Prices could reach $150,000": not gold's
        prices = [lv.match.price for lv in levels if lv.match.price is not None]
        carried = subjects[0].symbol
        meant = asset_meant(carried, context.topic, context.last_symbols, context.price_now, prices)
        priced = asset_of_unit(original, carried, context.last_by_family, context.topic)
        if meant != carried:
            note = f"no asset named: read as {meant}, the subject ({carried} trades far away)"
            subjects = [replace(subjects[0], symbol=meant, vague_note=note)]
        elif priced != carried:
            # "The dollar index is soft. ... a target of $5,400 an ounce": a metal's level
            note = f"no asset named: read as {priced}, the asset the level's unit prices"
            subjects = [replace(subjects[0], symbol=priced, vague_note=note)]
    future = without_old_deadlines(work, future, levels, found.old_spans)
    sentence = SentenceFacts(
        original=original,
        work=work,
        present=present,
        headline=headline,
        speaker=speaker,
        terms=tuple(
            find_terms(
                blank(present, found.reported_spans),
                [m.span for m in mentions] + [lv.match.span for lv in levels],
                phrases,
            )
        ),
        future=future,
        scenario_spans=tuple(span for span in clauses if _SCENARIO.search(work[span[0] : span[1]])),
        conditional_spans=conditional_spans(work),
        hedged=bool(HEDGE.search(present)),
        strong_cue=strong_cue,
        cue=cue_words(present, future, headline),
        period_forecast=bool(_PERIOD_FORECAST.search(original.translate(TYPOGRAPHY)))
        or (item and lead_period_forecast),
        probability=found.probability,
        speakers_at=((0, label_houses),)
        if label_houses
        else tuple(
            (position, tuple(dict.fromkeys(_full_name(n, context, settings) for n in names)))
            for position, names in speaker_spans(present)
        ),
        level_owner_at=() if label_houses else tuple(start for start, _ in level_owners(present)),
        # (a comparison that names a period of its own, even one gone by, borrows none:
        # "remains among the most bullish: $250,000 by October 2026")
        inherited=inherited
        if (strong_cue or item or roll or survey or compared_call)
        and not future
        and not (lent_by_comparison and phrases)
        else None,
        # a house's firm call takes the period, not its hedge ("could add 860 points")
        announced=announced if strong_cue and not HEDGE.search(present) else None,
        headline_period=context.headline_period,
        level_spans=tuple(lv.match.span for lv in levels),
        inherit_symbols=inherit_symbols,
        price_now=dict(context.price_now),
        respectively=respectively_at(present),
        lead_direction=lead_direction if item else None,
    )

    # "S&P 500 earnings per share reaching $275 ..., and the index at 7,100": a level after an
    # asset that is not the price (its earnings, its miners) and before any subject is not a
    # call on the subject named after it.
    yardsticks = [m for m in mentions if not m.subject]
    levels = [
        lv
        for lv in levels
        if any(m.span[0] < lv.start for m in subjects)
        or not any(m.span[1] <= lv.start for m in yardsticks)
    ]
    levels = [lv for lv in levels if not for_a_span_of_years(work, future, lv)]
    segments = split_segments(subjects, levels, work)
    segments = respective_assets(sentence, segments, subjects)
    candidates: list[Candidate] = []
    carried: Direction | None = None
    for segment in segments:
        # A gapped list reads each asset with the first one's verb: "silver to end the year
        # at $37, platinum at $1,250 and palladium at $1,100" are three year-end closes.
        before, carried = carried, None
        for group, speaker in by_speaker(sentence, segment):
            # a hedge hedges its own statement, not a call said before "..., who added that"
            hedged = sentence.hedged and hedged_at(
                present, [lv.start for lv in group.levels] or [group.start]
            )
            found, carried = segment_candidates(
                replace(sentence, speaker=speaker, hedged=hedged), group, settings, before
            )
            candidates += found
    compared = comparison_candidates(sentence, settings)
    if compared:
        # "gold will outperform bitcoin" names no level for either: nothing to ask for.
        candidates = [c for c in candidates if c.needs != "level"] + compared
    if roll and any(c.claim is not None for c in candidates):
        context.last_period_age = 0  # the roll call may go on in the next sentence
    if any(c.claim is not None and c.symbol == context.last_symbol for c in candidates):
        # A call read on the asset named before keeps it the topic: "The STEO puts the annual
        # average at $3.47 ..." then "Quarter by quarter, the agency now sees $3.51 ...".
        context.last_symbol_age = 0
    # (a firm call: a consensus or a hedge lends no horizon to the calls set against it)
    dated = [c.symbol for c in candidates if c.claim is not None and c.confidence >= RULE_BAR]
    if candidates:
        context.comparison_open = False
    if future and dated and not item:
        # the last call with a period of its own, for a call compared with it later
        period = future[-1]
        context.dated_call = (
            replace(period, span=(0, len(period.text))),
            tuple(dict.fromkeys(dated)),
        )
        context.dated_call_age = 0
    # a call whose level was an old one ("had a year-end target of 1775") still lends its
    # period to the next sentence's ("he lifted that target to 1825")
    context.last_calls = tuple(
        dict.fromkeys(c.symbol for c in candidates if c.claim or c.needs == "level")
    )
    return candidates


def _parity_as_level(work: str, mentions: list[Mention], context: Context) -> str:
    """ "the euro will fall to parity", "trade one-for-one with the dollar": for a currency
    pair quoted near one, parity is the level 1.00. Written over the words, same length, so
    every position read before stays put."""
    if not _PARITY.search(work):
        return work
    symbols = [m.symbol for m in mentions if m.symbol] or [context.last_symbol or ""]
    if not any(symbol in _NEAR_ONE_PAIRS for symbol in symbols):
        return work
    return _PARITY.sub(
        lambda match: (
            match[0]
            if _LEVEL_AFTER_PARITY.match(work, match.end())
            else "1." + "0" * (len(match[0]) - 2)
        ),
        work,
    )


# "to trade below parity, at $0.98": the level after it says where, parity only describes it
_LEVEL_AFTER_PARITY = re.compile(
    r"\s*[,(\u2013\u2014-]\s*(?:at|around|near|about|to|of)?\s*(?:US)?\$?\s?\d"
)


def _month_just_gone(phrase: DatePhrase, made_on: date) -> bool:
    """ "Brent averaged $62.23 in October", written on 12 November: a month named without a
    year that ended in the three months before the article is that month, not next year's."""
    if _YEAR_IN.search(phrase.text) or not _BARE_MONTH.search(phrase.text):
        return False
    if not _BACKWARD_PREPOSITION.match(phrase.text):
        return False  # "by March", "before December", "until June" look ahead
    months_ahead = (phrase.deadline.year - made_on.year) * 12 + phrase.deadline.month
    months_ahead -= made_on.month
    return months_ahead >= 9


def _headline_period(work: str, future: tuple[DatePhrase, ...], made_on: date) -> DatePhrase | None:
    """The period a headline names: a date phrase with a year, else a bare year to come.

    Only a year-long period counts ("2026", "by end-2026"): "by Christmas" in a headline
    is one call's deadline, not the article's period.
    """
    dated = [p for p in future if _YEAR_IN.search(p.text)]
    if dated:
        return dated[0]
    for year in _YEAR_IN.findall(work):
        found = date_phrases(f"by the end of {year}", made_on)
        if found and found[0].deadline > made_on:
            return replace(found[0], text=f"{year} (the headline's year)")
    return None


def _full_name(name: str, context: Context, settings: Settings) -> str:
    """A listed speaker as credited: the firm a person speaks for, else the name in full."""
    if name in context.firm_of:
        return context.firm_of[name]
    return settings.full_names.get(name, name)
