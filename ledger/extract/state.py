"""What the extractor holds while reading: one sentence's facts, the article so far, the settings.

Plain dataclasses shared by the pipeline's steps, kept apart so each step
imports the shapes it reads without importing the other steps.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from ledger.claims import assets
from ledger.claims.dates import DatePhrase
from ledger.extract.compared_calls import COMPARED_REACH
from ledger.extract.directions import Direction, Term
from ledger.extract.levels import Level
from ledger.extract.speakers import SpeakerReading


@dataclass(frozen=True)
class Mention:
    """An asset in the sentence: what was written, its symbol, and how sure the reading is."""

    written: str
    symbol: str
    span: tuple[int, int]
    vague_note: str | None = None
    subject: bool = True


@dataclass(frozen=True)
class Segment:
    """One asset's part of a sentence, and the levels in it."""

    mention: Mention
    start: int
    end: int
    levels: tuple[Level, ...]


@dataclass(frozen=True)
class SentenceFacts:
    """Everything read from one sentence that its calls share."""

    original: str
    work: str
    present: str
    headline: bool
    speaker: SpeakerReading
    terms: tuple[Term, ...]
    future: tuple[DatePhrase, ...]
    scenario_spans: tuple[tuple[int, int], ...]
    conditional_spans: tuple[tuple[int, int], ...]
    hedged: bool
    strong_cue: bool
    period_forecast: bool
    probability: float | None
    cue: tuple[str | None, str] = (None, "")
    speakers_at: tuple[tuple[int, tuple[str, ...]], ...] = ()
    # where a house owns the level in its own bracket or clause (level_speakers): such a
    # house's levels are its own even when it is the only house the sentence names
    level_owner_at: tuple[int, ...] = ()
    respectively: int | None = None
    inherited: DatePhrase | None = None
    # the period of the speaker's forecasts, named by the news of their revision a sentence
    # or two before (announced_periods.py)
    announced: DatePhrase | None = None
    inherit_symbols: tuple[str, ...] = ()
    price_now: Mapping[str, float] = field(default_factory=dict)
    lead_direction: Direction | None = None
    headline_period: DatePhrase | None = None
    level_spans: tuple[tuple[int, int], ...] = ()  # every level the sentence states
    # why this part of the sentence is a caveat to another part's call, not a call of its own
    caveat: str | None = None


@dataclass
class Context:
    """What earlier sentences said: for "the bank", "the metal", "the same period"."""

    author: str | None
    last_speaker: str | None = None
    last_speaker_age: int = 99
    last_organization: str | None = None
    last_person: str | None = None
    last_by_family: dict[str, str] = field(default_factory=dict)
    last_symbol: str | None = None
    last_symbols: tuple[str, ...] = ()
    last_symbol_age: int = 99
    topic: str | None = None
    last_period: str | None = None
    last_period_age: int = 99
    # the assets of the sentence that named that period: "forecasts for XRP, Solana and
    # Dogecoin by the end of 2026" lends the period to a list item on any of them
    period_symbols: tuple[str, ...] = ()
    # whether that sentence was a forecast ("produced price forecasts for ... by 2026")
    period_cue: bool = False
    last_calls: tuple[str, ...] = ()
    # the period of the last sentence whose calls named one, with their assets, and how many
    # sentences ago: a call compared with it later is on its horizon (compared_calls.py)
    dated_call: tuple[DatePhrase, tuple[str, ...]] | None = None
    dated_call_age: int = 99
    # whether the sentence before compared with that call and named no call itself
    comparison_open: bool = False
    price_now: dict[str, float] = field(default_factory=dict)
    firm_of: dict[str, str] = field(default_factory=dict)
    # the direction a list's lead-in names ("see the S&P 500 finishing 2026:")
    lead_direction: Direction | None = None
    # whether that lead-in names a period forecast ("The banks' gold forecasts for 2026:")
    lead_period_forecast: bool = False
    # whether that lead-in names forecasts at all ("Key predictions:", "The banks' targets:")
    lead_forecast: bool = False
    # the period the headline names ("Gold outlook 2026"), and whether the body has begun
    headline_period: DatePhrase | None = None
    read_body: bool = False
    # every asset the article has named so far, in order
    named_symbols: tuple[str, ...] = ()
    # the paragraph of the sentence being read, and of the last organization's naming: an
    # unsigned "we" in the paragraph that names a house may be its note; a paragraph later,
    # in an article that credits several houses, it is the writer's
    paragraph: int = 0
    organization_paragraph: int = -1
    # the houses credited with a call or a statement so far, in order
    credited_houses: tuple[str, ...] = ()
    # the assets the sentence just before gave a named speaker's view on (continued_calls.py)
    viewed_symbols: tuple[str, ...] = ()
    # the house whose forecasts a sentence said were for a period, and that period's text
    # ("Acme raised its forecasts for this year"), and how many sentences ago it was said
    announced: tuple[str, str] | None = None
    announced_age: int = 99
    # the house or person a heading line named ("Goldman Sachs", "2. Standard Chartered"):
    # the speaker of the rows under it that name nobody, until the next heading
    section_speaker: str | None = None
    # whether a sentence of prose has been read: a name alone before any (a byline under
    # the title) heads no section
    read_prose: bool = False
    # whether a quotation opened in a sentence before is still open, and the speaker named
    # before it opened: who a "we" inside it is ('"... We keep our forecast at 150."'),
    # whoever the quotation itself mentions
    in_quote: bool = False
    quoted_speaker: str | None = None

    def state(self) -> ContextState:
        """All of the context a sentence's reading depends on, as a key.

        The age of the last asset counts only up to "more than two sentences
        ago", so it is capped at 3 and a repeated sentence meets the same key.
        """
        return ContextState(
            self.last_speaker,
            min(self.last_speaker_age, 3),
            self.last_organization,
            self.last_person,
            tuple(sorted(self.last_by_family.items())),
            self.last_symbol,
            self.last_symbols,
            min(self.last_symbol_age, 3),
            self.last_period,
            min(self.last_period_age, 3),
            self.period_symbols,
            self.period_cue,
            self.last_calls,
            self.dated_call,
            min(self.dated_call_age, COMPARED_REACH + 1),
            self.comparison_open,
            self.topic,
            tuple(sorted(self.price_now.items())),
            tuple(sorted(self.firm_of.items())),
            self.lead_direction,
            self.lead_period_forecast,
            self.lead_forecast,
            self.headline_period,
            self.read_body,
            self.named_symbols,
            self.organization_paragraph == self.paragraph,
            self.credited_houses,
            self.viewed_symbols,
            self.announced,
            min(self.announced_age, 3),
            self.section_speaker,
            self.read_prose,
            self.in_quote,
            self.quoted_speaker,
        )

    def restore(self, state: ContextState) -> None:
        self.last_speaker = state.last_speaker
        self.last_speaker_age = state.last_speaker_age
        self.last_organization = state.last_organization
        self.last_person = state.last_person
        self.last_by_family = dict(state.last_by_family)
        self.last_symbol = state.last_symbol
        self.last_symbols = state.last_symbols
        self.last_symbol_age = state.last_symbol_age
        self.last_period = state.last_period
        self.last_period_age = state.last_period_age
        self.period_symbols = state.period_symbols
        self.period_cue = state.period_cue
        self.last_calls = state.last_calls
        self.dated_call = state.dated_call
        self.dated_call_age = state.dated_call_age
        self.comparison_open = state.comparison_open
        self.topic = state.topic
        self.price_now = dict(state.price_now)
        self.firm_of = dict(state.firm_of)
        self.lead_direction = state.lead_direction
        self.lead_period_forecast = state.lead_period_forecast
        self.lead_forecast = state.lead_forecast
        self.headline_period = state.headline_period
        self.read_body = state.read_body
        self.named_symbols = state.named_symbols
        self.organization_paragraph = self.paragraph if state.organization_here else -1
        self.credited_houses = state.credited_houses
        self.viewed_symbols = state.viewed_symbols
        self.announced = state.announced
        self.announced_age = state.announced_age
        self.section_speaker = state.section_speaker
        self.read_prose = state.read_prose
        self.in_quote = state.in_quote
        self.quoted_speaker = state.quoted_speaker


@dataclass(frozen=True)
class ContextState:
    last_speaker: str | None
    last_speaker_age: int
    last_organization: str | None
    last_person: str | None
    last_by_family: tuple[tuple[str, str], ...]
    last_symbol: str | None
    last_symbols: tuple[str, ...]
    last_symbol_age: int
    last_period: str | None
    last_period_age: int
    period_symbols: tuple[str, ...]
    period_cue: bool
    last_calls: tuple[str, ...]
    dated_call: tuple[DatePhrase, tuple[str, ...]] | None
    dated_call_age: int
    comparison_open: bool
    topic: str | None
    price_now: tuple[tuple[str, float], ...]
    firm_of: tuple[tuple[str, str], ...]
    lead_direction: Direction | None
    lead_period_forecast: bool
    lead_forecast: bool
    headline_period: DatePhrase | None
    read_body: bool
    named_symbols: tuple[str, ...]
    organization_here: bool
    credited_houses: tuple[str, ...]
    viewed_symbols: tuple[str, ...]
    announced: tuple[str, str] | None
    announced_age: int
    section_speaker: str | None
    read_prose: bool
    in_quote: bool
    quoted_speaker: str | None


@dataclass(frozen=True)
class Settings:
    made_on: date
    aliases: Mapping[str, str]
    asset_table: assets.AssetTable
    tickers: frozenset[str]
    horizon_months: int
    # "BofA" -> "Bank of America", "Schiff" -> "Peter Schiff", as the article spells them out
    full_names: Mapping[str, str] = field(default_factory=dict)
