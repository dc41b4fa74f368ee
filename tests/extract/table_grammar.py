"""Grids of several houses' forecasts written in many layouts, each claim known (issue 11).

At unseen contact most missed claims were tables and lists of banks' forecasts, each page
drawing its grid its own way. This module writes ONE content (houses x periods x levels
for an asset, with or without a unit and the word "average") in many layouts and
languages, and knows from the content alone what a careful reader logs for every cell:
the asset, the level, the period's last day, the house, and the kind by the labelling
convention of corpus_dev.yaml (an average when the grid says so or when a commodity's
calendar period is given; a touch for an end-of-period or horizon column, and for an
index's or a coin's year).

Pure: no extraction here. `compose(grid)` writes the article; `grids()` is the hypothesis
strategy the tests draw from.
"""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from hypothesis import strategies as st

MADE_ON = date(2026, 1, 15)


@dataclass(frozen=True)
class Asset:
    name: str
    symbol: str
    base: float  # a plausible level; cells are spread around it
    commodity: bool  # a commodity's calendar-period figure is an average
    unit: str
    foreign: tuple[tuple[str, str], ...] = ()  # (language, the name a page in it uses)

    def named(self, language: str) -> str:
        return dict(self.foreign).get(language, self.name)


ASSETS = (
    Asset(
        "Gold",
        "GC=F",
        4500,
        True,
        "USD/oz",
        (("tr", "altın"), ("it", "oro"), ("es", "oro"), ("fr", "l'or"), ("pt", "ouro")),
    ),
    Asset("Brent", "BZ=F", 62, True, "$/bbl"),
    Asset("S&P 500", "^GSPC", 7200, False, "points"),
    Asset("Bitcoin", "BTC-USD", 150000, False, "USD"),
)


@dataclass(frozen=True)
class PeriodForm:
    key: str  # which period, for the translation of the words around the digits
    deadline: date
    calendar_span: bool  # a year, half or quarter (not an end point, not a horizon)

    def written(self, language: str) -> str:
        words = LANGUAGES[language]
        kind, _, value = self.key.partition(":")
        if kind == "end":
            return words.end.format(year=value)
        if kind == "months":
            return words.months.format(n=value)
        return value


PERIODS = (
    PeriodForm("as:2026", date(2026, 12, 31), True),
    PeriodForm("as:2027", date(2027, 12, 31), True),
    PeriodForm("as:Q3 26", date(2026, 9, 30), True),
    PeriodForm("as:3Q26", date(2026, 9, 30), True),
    PeriodForm("as:Q4 2026", date(2026, 12, 31), True),
    PeriodForm("as:H2 2026", date(2026, 12, 31), True),
    PeriodForm("as:1H27", date(2027, 6, 30), True),
    PeriodForm("end:2026", date(2026, 12, 31), False),
    PeriodForm("end:2027", date(2027, 12, 31), False),
    PeriodForm("months:12", date(2027, 1, 15), False),
    PeriodForm("months:3", date(2026, 4, 15), False),
)


@dataclass(frozen=True)
class Words:
    house: str  # the header of the column of houses
    heading: str  # "{asset} forecasts"
    average: str
    end: str  # "end-{year}"
    months: str  # "{n}m"


LANGUAGES = {
    "en": Words("Bank", "{asset} forecasts", "average", "end-{year}", "{n}m"),
    "en2": Words("Broker", "{asset} price outlook", "avg", "year-end {year}", "{n}-month"),
    "tr": Words("Banka", "Bankaların {asset} tahminleri", "ortalama", "{year} sonu", "{n} ay"),
    "it": Words("Banca", "Le previsioni su {asset}", "media", "fine {year}", "{n} mesi"),
    "es": Words(
        "Banco", "Previsiones para el {asset}", "promedio", "finales de {year}", "{n} meses"
    ),
    "de": Words("Bank", "{asset}-Prognosen", "Ø", "Ende {year}", "{n} Monate"),
    "fr": Words("Banque", "Prévisions pour {asset}", "moyenne", "fin {year}", "{n} mois"),
    "pt": Words("Banco", "Previsões para o {asset}", "média", "final de {year}", "{n} meses"),
}

HOUSES = (
    "Goldman Sachs",
    "UBS",
    "Citi",
    "JPMorgan",
    "Morgan Stanley",
    "Bank of America",
    "Deutsche Bank",
    "HSBC",
    "BNP Paribas",
    "Commerzbank",
    "Raymond James",  # houses the extractor's list of names does not know
    "Fitch Solutions",
    "TD Securities",
)


@dataclass(frozen=True)
class Expected:
    symbol: str
    family: str  # "average" or "touch"
    level: float
    deadline: date
    speaker: str


@dataclass(frozen=True)
class Grid:
    asset: Asset
    houses: tuple[str, ...]
    periods: tuple[PeriodForm, ...]
    language: str
    layout: str
    averaged: bool  # the heading says "average"
    with_unit: bool
    level_form: str  # "$4,900", "4,900", "4900"

    def level(self, house: int, period: int) -> float:
        """A distinct level per cell, so no two cells merge into one call."""
        step = self.asset.base * 0.01
        value = self.asset.base + step * (house * len(self.periods) + period + 1)
        return round(value, 1) if self.asset.base < 1000 else float(round(value))

    def expected(self) -> list[Expected]:
        return [
            Expected(
                self.asset.symbol,
                "average"
                if period.calendar_span and (self.averaged or self.asset.commodity)
                else "touch",
                self.level(h, p),
                period.deadline,
                house,
            )
            for h, house in enumerate(self.houses)
            for p, period in enumerate(self.periods)
        ]


def _written_level(grid: Grid, value: float) -> str:
    if grid.level_form == "4900":
        return f"{value:g}"
    text = f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"
    return f"${text}" if grid.level_form == "$4,900" else text


def _heading(grid: Grid) -> str:
    words = LANGUAGES[grid.language]
    heading = words.heading.format(asset=grid.asset.named(grid.language))
    notes = [grid.asset.unit] if grid.with_unit else []
    if grid.averaged:
        notes.append(words.average)
    if grid.layout in SINGLE_PERIOD_LAYOUTS:
        heading = f"{heading} {grid.periods[0].written(grid.language)}"
    return f"{heading} ({', '.join(notes)})" if notes else heading


def _rows(grid: Grid) -> list[list[str]]:
    header = [LANGUAGES[grid.language].house] + [p.written(grid.language) for p in grid.periods]
    rows = [header]
    for h, house in enumerate(grid.houses):
        rows.append(
            [house] + [_written_level(grid, grid.level(h, p)) for p in range(len(grid.periods))]
        )
    return rows


def _transposed(rows: list[list[str]]) -> list[list[str]]:
    return [list(column) for column in zip(*rows, strict=True)]


def _pipes(rows: list[list[str]], markdown: bool) -> list[str]:
    lines = ["| " + " | ".join(row) + " |" for row in rows]
    if markdown:
        lines.insert(1, "|" + "|".join("---" for _ in rows[0]) + "|")
    return lines


def _spaces(rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) + 3 for i in range(len(rows[0]))]
    return [
        "".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows
    ]


def _values(rows: list[list[str]], delimiter: str) -> list[str]:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return out.getvalue().rstrip("\n").split("\n")


def _items(grid: Grid, form: Callable[[str, str, str], str]) -> list[str]:
    return [
        form(house, _written_level(grid, grid.level(h, p)), period.written(grid.language))
        for h, house in enumerate(grid.houses)
        for p, period in enumerate(grid.periods)
    ]


LAYOUTS: dict[str, Callable[[Grid], list[str]]] = {
    "markdown": lambda g: _pipes(_rows(g), markdown=True),
    "pipes": lambda g: _pipes(_rows(g), markdown=False),
    "spaces": lambda g: _spaces(_rows(g)),
    "tabs": lambda g: ["\t".join(row) for row in _rows(g)],
    "csv": lambda g: _values(_rows(g), ","),
    "semicolons": lambda g: _values(_rows(g), ";"),
    "transposed pipes": lambda g: _pipes(_transposed(_rows(g)), markdown=True),
    "transposed spaces": lambda g: _spaces(_transposed(_rows(g))),
    "colon items": lambda g: _items(g, lambda h, lv, p: f"{h}: {lv} ({p})"),
    "dash items": lambda g: _items(g, lambda h, lv, p: f"- {h} — {lv} ({p})"),
    "greentext": lambda g: _items(g, lambda h, lv, p: f">{h} target {lv} {p}"),
    "bullets": lambda g: _items(g, lambda h, lv, p: f"• {h}: {lv}, {p}"),
    "house blocks": lambda g: _house_blocks(g),
    "stacked": lambda g: _stacked(g),
}
# Layouts that give one period for the whole list, named in the heading ("... 2026")
SINGLE_PERIOD_LAYOUTS = frozenset(("stacked",))
YEAR_PERIODS = tuple(p for p in PERIODS if p.key in ("as:2026", "as:2027"))


def _house_blocks(grid: Grid) -> list[str]:
    """Each house on a line of its own, its calls under it: "2026: $4,900; 2027: $5,100"."""
    lines = []
    for h, house in enumerate(grid.houses):
        lines.append(house)
        pairs = [
            f"{period.written(grid.language)}: {_written_level(grid, grid.level(h, p))}"
            for p, period in enumerate(grid.periods)
        ]
        lines.append("; ".join(pairs) + ".")
    return lines


def _stacked(grid: Grid) -> list[str]:
    """Each house in capitals over its level, a blank line between houses."""
    lines = []
    for h, house in enumerate(grid.houses):
        lines.extend([house.upper(), _written_level(grid, grid.level(h, 0)), ""])
    return lines[:-1]


def compose(grid: Grid) -> str:
    """The article: a lead, the heading, the grid."""
    lines = LAYOUTS[grid.layout](grid)
    return (
        "\n".join(["Banks updated their views this week.", "", _heading(grid), "", *lines]) + "\n"
    )


@st.composite
def grids(draw: st.DrawFn, layouts: tuple[str, ...] = tuple(LAYOUTS)) -> Grid:
    asset = draw(st.sampled_from(ASSETS))
    houses = draw(st.lists(st.sampled_from(HOUSES), min_size=2, max_size=4, unique=True))
    layout = draw(st.sampled_from(layouts))
    if layout in SINGLE_PERIOD_LAYOUTS:
        periods = [draw(st.sampled_from(YEAR_PERIODS))]
    else:
        periods = draw(
            st.lists(
                st.sampled_from(PERIODS), min_size=1, max_size=3, unique_by=lambda p: p.deadline
            )
        )
    return Grid(
        asset,
        tuple(houses),
        tuple(periods),
        draw(st.sampled_from(tuple(LANGUAGES))),
        layout,
        draw(st.booleans()),
        draw(st.booleans()),
        draw(st.sampled_from(("$4,900", "4,900", "4900"))),
    )


def draw_grid(rng: random.Random, layouts: tuple[str, ...] = tuple(LAYOUTS)) -> Grid:
    """One grid drawn with `rng`, as `grids()` draws them (for the bench, which counts
    failures by layout and language over thousands of seeds)."""
    layout = rng.choice(layouts)
    if layout in SINGLE_PERIOD_LAYOUTS:
        periods = [rng.choice(YEAR_PERIODS)]
    else:
        periods = []
        for period in rng.sample(PERIODS, rng.randint(1, 3)):
            if all(period.deadline != p.deadline for p in periods):
                periods.append(period)
    return Grid(
        rng.choice(ASSETS),
        tuple(rng.sample(HOUSES, rng.randint(2, 4))),
        tuple(periods),
        rng.choice(tuple(LANGUAGES)),
        layout,
        rng.random() < 0.5,
        rng.random() < 0.5,
        rng.choice(("$4,900", "4,900", "4900")),
    )
