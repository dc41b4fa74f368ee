"""Messages of the TUI, in one place: what workers report and what widgets ask for.

Workers run the ledger's queries off the UI thread and post one of the
"...Loaded"/"...Failed" messages back; widgets never touch the ledger and say
what the user chose ("GroupChosen", "ClaimChosen", "MoreClaimsWanted") so the
screen that owns them decides what to load. Each is a small dataclass of
plain data. A `generation` tells a screen whether a reply answers its latest
request: a thread worker cannot be stopped, so a slow answer to an old filter
must be recognised and dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual.message import Message

from ledger.errors import LedgerError
from ledger.records import ClaimRecord
from ledger.scoring import GroupScore
from ledger.store.views import ClaimScope, DueSummary, FilterVocabulary
from tui.data import ArticleCandidates, ClaimPage, ClaimView, PicksRecorded, Recorded

if TYPE_CHECKING:  # their modules load with the screens that post them
    from ledger.resolver import ResolveSummary
    from ledger.services.review import ReviewItem, ReviewOutcome

# --- workers -> screens ------------------------------------------------------


@dataclass
class ScoreboardLoaded(Message):
    """Scores of every group of `by`, over the claims in `scope` (the filter, resolved).

    `outcomes` holds the recent hits and misses of the groups that state no
    probabilities (by label), for the strip shown where their calibration
    would be.
    """

    scores: list[GroupScore]
    by: str
    generation: int
    scope: ClaimScope
    outcomes: dict[str, tuple[bool, ...]] = field(default_factory=dict)


@dataclass
class GroupScoreLoaded(Message):
    """A group screen's own statistics (None: the group has no claims any more)."""

    score: GroupScore | None
    generation: int


@dataclass
class ClaimsPageLoaded(Message):
    page: ClaimPage
    generation: int


@dataclass
class ClaimLoaded(Message):
    view: ClaimView


@dataclass
class DueSummaryLoaded(Message):
    summary: DueSummary


@dataclass
class VocabularyLoaded(Message):
    vocabulary: FilterVocabulary
    aliases: dict[str, str]


@dataclass
class ClaimRecorded(Message):
    recorded: Recorded


@dataclass
class ClaimVoided(Message):
    claim: ClaimRecord


@dataclass
class RevisedClaimChecked(Message):
    """The claim a revision names, looked up as the id was typed (None: `error` says why)."""

    typed: str
    claim: ClaimRecord | None
    error: str | None = None


@dataclass
class ArticleExtracted(Message):
    """The candidates of an article (none: the text holds no call about a future price)."""

    found: ArticleCandidates
    generation: int


@dataclass
class CandidatesRecorded(Message):
    """The ticked candidates went through the recording path; some may have been known."""

    outcome: PicksRecorded


@dataclass
class ReviewLoaded(Message):
    """The review list: flagged verdicts, then claims open past their deadline."""

    items: list[ReviewItem]


@dataclass
class ReviewDecided(Message):
    """A review decision (accept, re-judge on closes) was recorded."""

    outcome: ReviewOutcome


@dataclass
class LoadFailed(Message):
    """A read or write failed; `error` is one line for the user, never a traceback."""

    error: str


@dataclass
class ResolveProgress(Message):
    symbol: str
    done: int
    total: int


@dataclass
class ResolveFinished(Message):
    summary: ResolveSummary


@dataclass
class ResolveFailed(Message):
    error: str


# --- widgets -> screens ------------------------------------------------------


@dataclass
class GroupChosen(Message):
    """The user opened a row of the scoreboard."""

    group: str


@dataclass
class ClaimChosen(Message):
    """The user opened a claim in a claims table."""

    claim_id: int


@dataclass
class MoreClaimsWanted(Message):
    """A claims table is near the end of what it holds and wants the next page."""

    offset: int


def describe_error(error: BaseException) -> str:
    """One line for the user: the ledger's own errors speak for themselves."""
    if isinstance(error, LedgerError):
        return str(error).splitlines()[0]
    return f"{error.__class__.__name__}: {error}"


@dataclass
class PooledScoreLoaded(Message):
    """Every claim in a scope scored as one group (None: no claims in it)."""

    score: GroupScore | None
    generation: int
