"""The scoreboard table: one row per group, sortable by any column from the keyboard.

It is handed GroupScores (plain data) and knows nothing of where they came
from. Sorting happens here, in memory: a scoreboard has at most a few
thousand rows, and re-sorting must not cost a query.

The last column shows how a group has done: the calibration sparkline when
its claims carry stated probabilities, else its last scored calls as a
hit/miss strip (▮ hit, ▯ miss, newest last), handed in with the scores.

A "wdrn/ovrd" column (claims voided after they resolved / manual overrides
of a verdict) appears when some group has one: a hand changed those
verdicts, and a reader should see it before trusting the hit rate. A
"vague" column (calls no price can judge, and their share of the group's
non-void calls) appears when some group has one: a pundit who never
commits to a level shows it.

The table never scrolls sideways: when the columns are wider than the
table, long headers are shortened and then the columns a reader can best do
without are left out (the counts the claims column sums up first), so an
80-column terminal still shows rank, name, hit rate, Brier and the strip.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text

from ledger.scoring import GroupScore
from tui import formatting as fmt
from tui.messages import GroupChosen
from tui.widgets.ledger_table import LedgerTable
from tui.widgets.palette import theme_colour


@dataclass(frozen=True)
class ScoreColumn:
    """A column: its header, what it sorts by, and how a cell reads."""

    key: str
    label: str
    sort_value: Callable[[GroupScore, int], object]
    cell: Callable[[GroupScore, int], str]
    numeric: bool = True
    # Ranks, counts and hit rates read best from the top down; Brier is better low.
    high_first: bool = True
    short_label: str | None = None  # the header when the table is narrow
    meaning: str = ""  # one line: what the column counts or measures (help, status line)


def _label(score: GroupScore) -> str:
    return "(none)" if score.group is None else str(score.group)


def _hand_changes(score: GroupScore) -> str:
    """Claims voided after they resolved / manual overrides; blank when a hand changed none."""
    if not (score.voided_after_resolution or score.manual_overrides):
        return ""
    return f"{score.voided_after_resolution}/{score.manual_overrides}"


def _late(score: GroupScore) -> str:
    """Scored claims logged late; blank when there are none."""
    return str(score.logged_late) if score.logged_late else ""


def _vague(score: GroupScore) -> str:
    """Vague calls and their share of the non-void calls; blank when there are none."""
    if not score.vague:
        return ""
    return f"{score.vague} ({fmt.pct(score.vagueness_rate)})"


COLUMNS: tuple[ScoreColumn, ...] = (
    ScoreColumn(
        "rank",
        "#",
        lambda s, r: r,
        lambda s, r: str(r),
        high_first=False,
        meaning="rank by shrunk hit rate, then by how many claims are scored",
    ),
    ScoreColumn(
        "group",
        "source",
        lambda s, r: _label(s).casefold(),
        lambda s, r: fmt.truncate(_label(s), 22),
        numeric=False,
        high_first=False,
        meaning="the source (or asset, tag, year) the row scores",
    ),
    ScoreColumn(
        "claims",
        "claims",
        lambda s, r: s.claims,
        lambda s, r: str(s.claims),
        meaning="every claim recorded, open, resolved or void",
    ),
    ScoreColumn(
        "open",
        "open",
        lambda s, r: s.open,
        lambda s, r: str(s.open),
        meaning="claims not settled yet",
    ),
    ScoreColumn(
        "scored",
        "scored",
        lambda s, r: s.scored,
        lambda s, r: str(s.scored),
        meaning="true/false claims whose deadline has passed (e adds early ones): what hit% counts",
    ),
    ScoreColumn(
        "vague",
        "vague",
        lambda s, r: s.vagueness_rate or 0.0,
        lambda s, r: _vague(s),
        high_first=True,
        meaning="calls too vague for any price to settle, with their share of the source's calls",
    ),
    ScoreColumn(
        "hand_changes",
        "wdrn/ovrd",
        lambda s, r: s.voided_after_resolution + s.manual_overrides,
        lambda s, r: _hand_changes(s),
        short_label="w/o",
        meaning="claims voided after they resolved / verdicts overridden by hand",
    ),
    ScoreColumn(
        "late",
        "late",
        lambda s, r: s.logged_late,
        lambda s, r: _late(s),
        meaning="scored claims logged after a day of their window had passed (l leaves them out)",
    ),
    ScoreColumn(
        "hit_rate",
        "hit% [90% CI]",
        lambda s, r: s.hit_rate,
        lambda s, r: fmt.hit_rate(s.hit_rate, s.hit_rate_ci),
        short_label="hit% [CI]",
        meaning="share of scored claims that came true, with its 90% interval; blank: none scored",
    ),
    ScoreColumn(
        "shrunk",
        "shrunk",
        lambda s, r: s.shrunk_hit_rate,
        lambda s, r: fmt.pct(s.shrunk_hit_rate),
        meaning="hit rate pulled toward the average by how few claims back it: what ranks",
    ),
    ScoreColumn(
        "boldness",
        "mkt p",
        lambda s, r: s.market_prob_mean,
        lambda s, r: fmt.pct(s.market_prob_mean),
        high_first=False,
        meaning="mean probability the market gave the claims when made: low is a bold call",
    ),
    ScoreColumn(
        "edge",
        "edge",
        lambda s, r: s.edge,
        lambda s, r: fmt.signed(s.edge),
        meaning="hits minus the hits the market's probabilities predicted",
    ),
    ScoreColumn(
        "brier",
        "Brier",
        lambda s, r: s.brier,
        lambda s, r: fmt.number(s.brier),
        high_first=False,
        meaning="mean squared error of the stated probabilities (lower is better); blank: none",
    ),
    ScoreColumn(
        "skill",
        "skill",
        lambda s, r: s.brier_skill_vs_market,
        lambda s, r: fmt.signed(s.brier_skill_vs_market, 2),
        meaning="Brier skill against the market's probabilities: above 0 beats the market",
    ),
    ScoreColumn(
        "calibration",
        "calib / hits",
        lambda s, r: s.with_prob,
        lambda s, r: fmt.calibration_sparkline(s.calibration),
        numeric=False,
        short_label="calib/hits",
        meaning=(
            "stated-probability calibration by bin, or for sources without probabilities"
            " their last scored calls (▮ hit, ▯ miss)"
        ),
    ),
)
COLUMN_LEGEND = tuple(
    (c.short_label or c.label, c.meaning) for c in COLUMNS if c.key not in ("rank", "group")
)
COLUMN_KEYS = tuple(c.key for c in COLUMNS)
_BY_KEY = {c.key: c for c in COLUMNS}
# Left out in this order when the table is too narrow for every column: open and
# claims say less than scored (what the hit rate counts), the edge weighs the
# market's p, skill restates Brier.
# The hand changes (voided after resolving / overrides) go late: they say whether
# the other figures can be trusted.
DROP_ORDER = (
    "open",
    "claims",
    "late",
    "boldness",
    "shrunk",
    "skill",
    "edge",
    "vague",
    "hand_changes",
    "scored",
    "calibration",
)

Outcomes = Mapping[str, tuple[bool, ...]]


def rank_key(score: GroupScore) -> tuple:
    """The order `forecast score` ranks groups in: shrunk hit rate, then sample size."""
    shrunk = score.shrunk_hit_rate
    return (shrunk is None, -(shrunk or 0.0), -score.scored, _label(score))


def sorted_scores(
    scores: Sequence[GroupScore], key: str, reverse: bool
) -> list[tuple[int, GroupScore]]:
    """(rank, score) pairs in the order of column `key`; missing values always last."""
    ranked = [(rank, s) for rank, s in enumerate(sorted(scores, key=rank_key), start=1)]
    column = _BY_KEY[key]
    present = [(r, s) for r, s in ranked if column.sort_value(s, r) is not None]
    missing = [(r, s) for r, s in ranked if column.sort_value(s, r) is None]
    present.sort(key=lambda pair: column.sort_value(pair[1], pair[0]), reverse=reverse)  # type: ignore[arg-type, return-value]
    return present + missing


class ScoreTable(LedgerTable):
    """Groups with their statistics; Enter (or a click) opens one, a header click sorts."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.scores: list[GroupScore] = []
        self.outcomes: Outcomes = {}
        self.group_label = "source"
        self.sort_key = "rank"
        self.sort_reverse = False
        self.shown_keys: tuple[str, ...] = COLUMN_KEYS
        self._laid_out_width = 0
        self._palette: dict[str, str] = {}

    def on_mount(self) -> None:
        # Cells carry theme colours (the sparkline): paint them again in a new theme.
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._render_rows())

    def on_resize(self) -> None:
        if self.size.width != self._laid_out_width and self.scores:
            self._render_rows()

    def show_scores(
        self, scores: Sequence[GroupScore], group_label: str, outcomes: Outcomes | None = None
    ) -> None:
        """Replace the rows, keeping the sort order and, when it is still there, the cursor.

        `outcomes` are the recent hits and misses of groups without stated
        probabilities, by group label.
        """
        self.scores = list(scores)
        self.outcomes = outcomes or {}
        self.group_label = group_label
        self._render_rows()

    def sort_by(self, key: str, reverse: bool | None = None) -> None:
        """Sort by column `key`; without `reverse`, the column's natural direction."""
        column = _BY_KEY[key]
        self.sort_key = key
        self.sort_reverse = column.high_first if reverse is None else reverse
        self._render_rows()

    def cycle_sort(self, step: int = 1) -> None:
        """Move the sort to the next (or previous) column, shown or left out for width."""
        index = (COLUMN_KEYS.index(self.sort_key) + step) % len(COLUMN_KEYS)
        self.sort_by(COLUMN_KEYS[index])

    def reverse_sort(self) -> None:
        self.sort_by(self.sort_key, not self.sort_reverse)

    @property
    def sort_meaning(self) -> str:
        """What the column the board is sorted by means, in one line."""
        return _BY_KEY[self.sort_key].meaning

    @property
    def sort_description(self) -> str:
        column = _BY_KEY[self.sort_key]
        label = self.group_label if column.key == "group" else column.label
        if column.key == "rank":
            label = "rank"
        return f"{label} {'↓' if self.sort_reverse else '↑'}"

    def _render_rows(self) -> None:
        current = self._current_key()
        self._palette = {name: theme_colour(self, name) for name in ("accent", "success", "error")}
        ordered = sorted_scores(self.scores, self.sort_key, self.sort_reverse)
        keys = [_label(score) for _, score in ordered]
        cells = {
            column.key: [self._cell(column, score, rank) for rank, score in ordered]
            for column in COLUMNS
        }
        columns, short = self._fitting_columns(cells, len(ordered))
        self.clear(columns=True)
        for column in columns:
            label = self._header(column, short)
            # Widths are measured here, not left to the table's idle-time measuring,
            # so a re-sort never paints with last time's widths.
            width = max([cell_len(label), *(cell.cell_len for cell in cells[column.key])])
            self.add_column(
                Text(label, justify="right" if column.numeric else "left"),
                key=column.key,
                width=width,
            )
        for index, key in enumerate(keys):
            self.add_row(*(cells[column.key][index] for column in columns), key=key)
        self.shown_keys = tuple(column.key for column in columns)
        self._laid_out_width = self.size.width
        if current is not None and current in keys:
            self.move_cursor(row=keys.index(current), animate=False)

    def _cell(self, column: ScoreColumn, score: GroupScore, rank: int) -> Text:
        if column.key == "calibration":
            return self._track_record(score)
        value = column.cell(score, rank)  # the group's label is stored text: never markup
        return fmt.plain(value, justify="right" if column.numeric else None)

    def _track_record(self, score: GroupScore) -> Text:
        """The calibration sparkline, or for a group without probabilities its hits and misses."""
        if score.with_prob:
            return Text(fmt.calibration_sparkline(score.calibration), style=self._colour("accent"))
        strip = Text()
        for hit in self.outcomes.get(_label(score), ()):
            strip.append(fmt.outcome_mark(hit), style=self._colour("success" if hit else "error"))
        return strip

    def _colour(self, name: str) -> str:
        return self._palette[name]

    def _header(self, column: ScoreColumn, short: bool) -> str:
        label = self.group_label if column.key == "group" else column.label
        if short and column.short_label:
            label = column.short_label
        if column.key == self.sort_key:
            label += " ▼" if self.sort_reverse else " ▲"
        return label

    def _fitting_columns(
        self, cells: dict[str, list[Text]], rows: int
    ) -> tuple[list[ScoreColumn], bool]:
        """The columns that fit the table's width, and whether their headers are the short ones.

        Full headers if everything fits; else short headers, leaving out
        columns in DROP_ORDER (never the one the table is sorted by) until
        the rest fit. Before the table has a size, every column.
        """
        room = self.size.width
        if rows + 1 > self.size.height:  # a vertical scrollbar will take its share
            room -= self.styles.scrollbar_size_vertical
        candidates = self._candidate_columns()
        if room <= 0:
            return candidates, False

        def width(columns: Sequence[ScoreColumn], short: bool) -> int:
            return sum(
                max(
                    [cell_len(self._header(column, short))]
                    + [cell.cell_len for cell in cells[column.key]]
                )
                + 2 * self.cell_padding
                for column in columns
            )

        shown = list(candidates)
        if width(shown, short=False) <= room:
            return shown, False
        for key in DROP_ORDER:
            if width(shown, short=True) <= room:
                break
            # A column may be out already: the late count, vague calls and hand changes
            # show only when some group has them.
            if key != self.sort_key and _BY_KEY[key] in shown:
                shown.remove(_BY_KEY[key])
        return shown, True

    def _candidate_columns(self) -> list[ScoreColumn]:
        """Every column, but the hand changes, the late count and vague calls only when
        some group has them (or the board is sorted on them)."""
        changed = any(s.voided_after_resolution or s.manual_overrides for s in self.scores)
        late = any(s.logged_late for s in self.scores)
        vague = any(s.vague for s in self.scores)
        hidden = set()
        if not changed and self.sort_key != "hand_changes":
            hidden.add("hand_changes")
        if not late and self.sort_key != "late":
            hidden.add("late")
        if not (vague or self.sort_key == "vague"):
            hidden.add("vague")
        return [c for c in COLUMNS if c.key not in hidden]

    def _current_key(self) -> str | None:
        if not self.row_count:
            return None
        try:
            return str(self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value)
        except Exception:  # the cursor is past the rows (after a clear)
            return None

    def on_data_table_header_selected(self, event: LedgerTable.HeaderSelected) -> None:
        event.stop()
        key = str(event.column_key.value)
        if key == self.sort_key:
            self.reverse_sort()
        else:
            self.sort_by(key)

    def on_data_table_row_selected(self, event: LedgerTable.RowSelected) -> None:
        event.stop()
        self.post_message(GroupChosen(str(event.row_key.value)))
