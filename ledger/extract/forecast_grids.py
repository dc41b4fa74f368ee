"""Tables and lists of several houses' forecasts, in whatever layout, read cell by cell.

A page that gathers the banks' calls writes them as a grid: houses by periods, the levels
in the cells, the asset (and often the unit and whether the figures are averages) in a
heading above. Every page draws the grid its own way: pipes, columns lined up with spaces
or tabs, comma-separated values, one house per line ("Goldman Sachs: $4,900 (2026 avg)",
"- UBS — 4,500", "> JPM target 5055 Q4 2026"), houses as columns and periods as rows, and
period headers written "2026", "Q3 26", "3Q26", "H2 2026", "end-2026", "12m" or "3-month",
in English or in the language of the page. Rules fitted to one of these layouts did not
reach the next article's (issue 11: most misses at unseen contact were such grids), so
this module reads the grid, not the layout:

1. A paragraph is cut into cells by the first layout that cuts every line of it alike
   (pipes, tabs, ";" or "," values, runs of two spaces), or read as one item per line.
2. The header row says which way the grid runs: periods across (a house per row), or
   houses across (a period per row). Every other cell must be a level or blank; a grid
   with a percent, a word or a column the reader cannot place ("2020 prev", "Revised",
   "EPS") is left as written, for the older readers (tables.py, aligned_tables.py) or for
   prose.
3. The asset is the one named in the grid's headers or in the heading above it (the
   paragraph before, or the short one before that prose); with none, the grid is left as
   written. Only a block of houses each over its "period: level" pairs, which names no
   asset anywhere near, takes the headline's.
4. Each cell is said as the sentence a reader makes of it, "Goldman Sachs expects gold
   to average $4,900 in 2026" or "UBS sees the S&P 500 at 7,500 by the end of 2026",
   which the sentence reader takes like any call (a verb, so that a house the list of
   names does not know is still the speaker). The kind: an average when the grid says so
   (average, avg, mean, Ø, media, promedio, moyenne, média, Durchschnitt, ortalama); a
   point in time for an end-of-period or horizon column ("end-2026", "12m"), touched by
   then; otherwise the labelling convention of corpus_dev.yaml: a commodity's figure for
   a calendar year, half or quarter is that period's average, an index's or a coin's is
   where it will be by the period's end.
5. A period already over on the article's day is history, not a call: its cells are not
   said. A grid of the past (every period over), of percent changes, or of one house's
   dated targets (rows that are dates, not houses) yields nothing here.
"""

from __future__ import annotations

import calendar
import csv
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ledger.extract.house_names import HOUSES, is_house_like

NamesAsset = Callable[[str], tuple[str, bool] | None]

# ------------------------------------------------------------------ periods

_YY = r"(?P<year>(?:19|20)\d\d|'?\d\d)"
_QUARTER = re.compile(
    rf"^(?:[QT](?P<q1>[1-4])|(?P<q2>[1-4])\s*[QT])\s*[-/'\u2019]?\s*{_YY}$", re.IGNORECASE
)
_HALF = re.compile(
    rf"^(?:[HS](?P<h1>[12])|(?P<h2>[12])\s*[HS])\s*[-/'\u2019]?\s*{_YY}$", re.IGNORECASE
)
_YEAR = re.compile(r"^(?P<year>(?:19|20)\d\d)\s*[EF]?$")
# "end-2026", "year-end 2026", "YE26", "fine 2026", "fin de 2026", "Ende 2026", "2026 sonu"
_END_WORDS = (
    r"(?:year[-\s]?end|end[-\s]?(?:of[-\s]?)?(?:year[-\s]?)?|ye|eoy|fine(?:\s+anno)?|"
    r"fin(?:ales|al)?\s+(?:de(?:l)?\s+)?(?:año\s+|ano\s+)?|fin(?:\s+d'ann[ée]e)?|"
    r"(?:jahres)?ende|final\s+(?:de|do)\s+(?:ano\s+)?)"
)
_END = re.compile(rf"^(?:{_END_WORDS})\s*[-\s]?\s*{_YY}$", re.IGNORECASE)
_END_AFTER = re.compile(rf"^{_YY}\s*(?:yıl\s+)?sonu$", re.IGNORECASE)  # Turkish "2026 sonu"
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# "end of September 2020", "end-June 2021": a month's last day
_MONTH_END = re.compile(
    r"^end[-\s]?(?:of\s+)?(?P<month>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)"
    r"\.?\s+(?P<year>(?:19|20)\d\d)$",
    re.IGNORECASE,
)
# "12m", "12M", "3-month", "6 months", "12 mesi", "12 meses", "12 Monate", "12 mois", "12 ay"
_HORIZON = re.compile(
    r"^(?P<months>\d{1,2})\s*[-\s]?\s*(?:m|mo|mths?|months?|mesi|meses|monate|mois|ay)$",
    re.IGNORECASE,
)
# the words a header may carry around its period ("2026 avg", "Forecast 2026", "Ø 2026")
_AVERAGE_WORDS = re.compile(
    r"(?:\b(?:averages?|avg\.?|mean|media|medio|promedio|moyenne|m[ée]dia|durchschnitt\w*"
    r"|mittel\w*|ortalama(?:s[ıi])?)(?![\w])|Ø)",
    re.IGNORECASE,
)
_FILLER_WORDS = re.compile(
    r"\b(?:forecasts?|f'?cast|estimates?|est\.?|target|proj\.?|outlook|prev[ie]sion[ie]s?"
    r"|previs(?:ão|ões|ion|iones)|prognose|tahmin[ıi]?|for|per|in|the|de|del|di|für|pour)\b"
    r"|[()\[\],:]",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Period:
    """A column's (or row's) period: how a claim says it, its last day, and whether it is a
    calendar span (a year, half or quarter) whose commodity figure is an average."""

    said: str
    deadline: date
    calendar_span: bool


def _full_year(text: str) -> int:
    digits = text.lstrip("'\u2019")
    return int(digits) if len(digits) == 4 else 2000 + int(digits)


def _months_later(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def parse_period(cell: str, made_on: date) -> tuple[Period, bool] | None:
    """The period a header cell names, and whether the cell says "average"; None if the
    cell is anything else ("2020 prev", "EPS 2026", "March 2025")."""
    averaged = _AVERAGE_WORDS.search(cell) is not None
    core = _FILLER_WORDS.sub(" ", _AVERAGE_WORDS.sub(" ", cell))
    core = " ".join(core.split()).strip(" -")
    if not core:
        return None
    if match := _YEAR.match(core):
        year = int(match["year"])
        return Period(f"in {year}", date(year, 12, 31), True), averaged
    if match := _QUARTER.match(core):
        quarter, year = int(match["q1"] or match["q2"]), _full_year(match["year"])
        month = quarter * 3
        last = date(year, month, calendar.monthrange(year, month)[1])
        return Period(f"in Q{quarter} {year}", last, True), averaged
    if match := _HALF.match(core):
        half, year = int(match["h1"] or match["h2"]), _full_year(match["year"])
        last = date(year, 6, 30) if half == 1 else date(year, 12, 31)
        return Period(f"in H{half} {year}", last, True), averaged
    if match := _END.match(core) or _END_AFTER.match(core):
        year = _full_year(match["year"])
        return Period(f"by the end of {year}", date(year, 12, 31), False), averaged
    if match := _MONTH_END.match(core):
        month = _MONTHS.index(match["month"][:3].lower()) + 1
        year = int(match["year"])
        last = date(year, month, calendar.monthrange(year, month)[1])
        said = f"by the end of {calendar.month_name[month]} {year}"
        return Period(said, last, False), averaged
    if match := _HORIZON.match(core):
        months = int(match["months"])
        if not 1 <= months <= 60:
            return None
        return Period(f"in {months} months", _months_later(made_on, months), False), averaged
    return None


# ------------------------------------------------------------------ cells

# A level: "$4,900", "4,900", "US$ 4,900", "4900 USD", "$61.5", "€1.15", "$5k", "4,900$/oz"
_LEVEL = re.compile(
    r"^[~≈]?\s*(?P<sign>US\$|\$|€|£|USD|EUR)?\s*(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"\s*(?P<k>[kK])?\s*(?:\$|USD|US\$|dollars?)?\s*(?:/\s*(?:oz|ounce|bbl|barrel|t|mmbtu))?\s*\**$"
)
_BLANK = re.compile(r"^(?:-+|—|–|n/?a|n\.a\.|/|\.\.\.|)$", re.IGNORECASE)


def parse_level(cell: str) -> str | None:
    """The level a cell gives, written as the claim language reads it ("$4,900"), or None."""
    match = _LEVEL.match(cell.strip())
    if match is None:
        return None
    number = match["number"].replace(",", "")
    value = float(number) * (1000 if match["k"] else 1)
    if value <= 0:
        return None
    text = f"{value:,.0f}" if value == int(value) and value >= 1000 else f"{value:g}"
    if value >= 1000 and value != int(value):
        text = f"{value:,.2f}"
    sign = match["sign"] or ""
    sign = "$" if sign in ("$", "US$", "USD") else sign
    return f"{sign}{text}" if sign in ("$", "€", "£") else text


# ------------------------------------------------------------------ houses

_SUMMARY_LABELS = re.compile(
    r"^(?:average|avg|mean|median|highest|lowest|consensus|spot|current|actual|price|total|high|low|range"
    r"|media|promedio|moyenne|m[ée]dia|durchschnitt|ortalama|konsens(?:us)?|bank|banks"
    r"|broker(?:age)?|firm|house|institution|source|company|analyst|period|year|date"
    r"|banca|banco|bancos|banque|banken|kurum|instituci[oó]n|istituto)$",
    re.IGNORECASE,
)
_ACRONYM = re.compile(r"^[A-Z]{2,5}$")
_HOUSE = re.compile(r"^[A-Za-zÀ-ÿ][\w&.'\u2019\- ]{0,48}$")


def _is_house(cell: str, names_asset: NamesAsset, made_on: date, *, listed: bool = False) -> bool:
    """A row's (or column's) label that names a forecaster: words, no digits that make it a
    date or a figure, not a summary row ("Average", "Consensus"), not an asset."""
    label = cell.strip().rstrip("*").strip()
    if not _HOUSE.match(label) or len(label.split()) > 6:
        return False
    if re.search(r"\d", label) and not re.match(r"^[A-Za-z]+ ?\d?[A-Za-z]*$", label):
        return False
    if _SUMMARY_LABELS.match(label) or parse_period(label, made_on) is not None:
        return False
    # a bank whose name is also its share's ("CITI", "UBS") is the house in a grid's label
    if " ".join(label.lower().split()) in HOUSES:
        return True
    if names_asset(label) is not None and not (listed and _ACRONYM.match(label)):
        return False  # "Brent", "Gold": a row of an asset (but "KKR: 7,600" in a list is a firm)
    # a firm's name: a house's word or an acronym in it ("TD Securities"), or a proper name
    # of several capitalised words ("Raymond James"); not "Deliveries" or "Mine output"
    # In a list of "Name: level" items a one-word name is a house too ("Oppenheimer: 8,100"):
    # an item's label is who gives the level, where a grid's row may be any quantity.
    words = label.split()
    several_capitalised = (len(words) > 1 or listed) and all(w[0].isupper() for w in words)
    return is_house_like(label) or several_capitalised


# ------------------------------------------------------------------ layouts

_SEPARATOR_ROW = re.compile(r"^[\s|:+-]*-{2,}[\s|:+-]*$")


def _split_pipes(line: str) -> list[str] | None:
    if line.count("|") < 1:
        return None
    cells = [cell.strip() for cell in line.strip().split("|")]
    if cells and not cells[0]:
        cells = cells[1:]
    if cells and not cells[-1]:
        cells = cells[:-1]
    return cells if len(cells) >= 2 else None


def _split_tabs(line: str) -> list[str] | None:
    if "\t" not in line:
        return None
    cells = [cell.strip() for cell in line.strip().split("\t") if cell.strip()]
    return cells if len(cells) >= 2 else None


def _split_values(delimiter: str) -> Callable[[str], list[str] | None]:
    def split(line: str) -> list[str] | None:
        if delimiter not in line:
            return None
        cells = [cell.strip() for cell in next(csv.reader([line.strip()], delimiter=delimiter))]
        return cells if len(cells) >= 2 else None

    return split


def _split_spaces(line: str) -> list[str] | None:
    cells = [cell.strip() for cell in re.split(r" {2,}|\t", line.strip()) if cell.strip()]
    return cells if len(cells) >= 2 else None


_SPLITTERS: tuple[Callable[[str], list[str] | None], ...] = (
    _split_pipes,
    _split_tabs,
    _split_values(";"),
    _split_values(","),
    _split_spaces,
)

# ------------------------------------------------------------------ one house per line

_BULLET = r"^\s*(?:[-*•>–—]+\s*)?"
_ITEM_HOUSE = r"(?P<house>[A-Za-zÀ-ÿ][\w&.'\u2019]*(?:[ ][A-Za-zÀ-ÿ&.][\w&.'\u2019]*){0,4}?)"
_ITEM_SEPARATOR = (
    r"\s*(?::|\s[-–—]|\s(?:target|forecast|sees|at|expects)\b:?)\s*"
    r"(?:(?:target|forecast|sees|at)\s+)?"
)
_ITEM_LEVEL = (
    r"(?P<level>[~≈]?\s*(?:US\$|\$|€|£)?\s*(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*[kK]?"
    r"(?:\s*/\s*oz)?)"
)
_ITEM = re.compile(
    rf"{_BULLET}{_ITEM_HOUSE}{_ITEM_SEPARATOR}{_ITEM_LEVEL}"
    r"(?:\s*[(,]?\s*(?P<tail>[^()]*?)\s*\)?)?\s*\.?\s*$",
    re.IGNORECASE,
)
_TAIL_PERIOD = re.compile(r"^(?:(?:by|in|for|at|avg|average)\s+)*(?P<period>.+?)(?:\s+avg\.?)?$")


@dataclass(frozen=True)
class _Cell:
    house: str
    level: str
    period: Period
    averaged: bool


def _item_cells(
    lines: list[str], context: str, made_on: date, names_asset: NamesAsset
) -> list[_Cell | None] | None:
    """Each line as one house's level, the period its own or the heading's; None when fewer
    than two lines are such items."""
    heading_period = _context_period(context, made_on)
    cells: list[_Cell | None] = []
    for line in lines:
        match = _ITEM.match(line)
        if match is not None and _names_other_asset(match["house"], names_asset):
            return None  # a list of assets' levels ("Brent: $64", "Gold: $4,900"), not houses'
        if match is None or not _is_house(match["house"], names_asset, made_on, listed=True):
            cells.append(None)
            continue
        level = parse_level(match["level"].replace(" ", ""))
        tail = (match["tail"] or "").strip()
        found = parse_period(tail, made_on) if tail else None
        if found is None and tail:
            bare = _TAIL_PERIOD.match(tail)
            found = parse_period(bare["period"], made_on) if bare else None
            if found is None:
                cells.append(None)
                continue
        if found is None:
            found = heading_period
        if level is None or found is None:
            cells.append(None)
            continue
        period, averaged = found
        averaged = averaged or bool(tail and _AVERAGE_WORDS.search(tail))
        cells.append(_Cell(match["house"].strip(), level, period, averaged))
    if sum(cell is not None for cell in cells) < 2:
        return None
    return cells


def _names_other_asset(label: str, names_asset: NamesAsset) -> bool:
    """Whether an item's label names an asset rather than a house (a house whose name is
    also a share's, "Citi", "KKR", is a house)."""
    label = label.strip()
    if " ".join(label.lower().split()) in HOUSES or _ACRONYM.match(label):
        return False
    return names_asset(label) is not None


_CONTEXT_PERIOD = re.compile(
    r"(?:(?:year[-\s]?end|end[-\s]?(?:of[-\s]?)?)\s*)?(?:(?:19|20)\d\d)|\b[QH][1-4]\s*(?:19|20)\d\d",
    re.IGNORECASE,
)


def _context_period(context: str, made_on: date) -> tuple[Period, bool] | None:
    """The one period a heading names ("GOLD EXPECTATIONS FOR 2026", "year-end 2026
    targets"), or None when it names none or several."""
    found = {m[0] for m in _CONTEXT_PERIOD.finditer(context)}
    if len(found) != 1:
        return None
    period = parse_period(found.pop(), made_on)
    if period is None:
        return None
    return period[0], bool(_AVERAGE_WORDS.search(context))


# ------------------------------------------------------------------ assets

# The metals' names in the languages of the pages read, said as the asset table knows them
_FOREIGN_ASSETS = re.compile(
    r"\b(?P<gold>oro|ouro|altın|altin|goldpreis|l'or)\b|\b(?P<silver>argento|plata|prata"
    r"|gümüş|silber|l'argent)\b",
    re.IGNORECASE,
)


def _asset_in(text: str, names_asset: NamesAsset) -> tuple[str, bool] | None:
    # "Gold-Prognosen": a German compound names its asset before the hyphen
    found = names_asset(text) or names_asset(re.sub(r"(?<=\w)-(?=\w)", " ", text))
    if found is not None:
        return found
    foreign = _FOREIGN_ASSETS.search(text)
    if foreign is not None:
        return names_asset("gold" if foreign["gold"] else "silver")
    return None


# ------------------------------------------------------------------ the grid


def _grid(lines: list[str]) -> list[list[str]] | None:
    """The lines cut into rows of cells by the first layout that cuts them all alike."""
    rows = [line for line in lines if not _SEPARATOR_ROW.match(line)]
    if not rows:
        return None  # rules and nothing else ("----" under "----"): no grid
    for split in _SPLITTERS:
        cut = [split(line) for line in rows]
        if any(cells is None for cells in cut):
            continue
        width = len(cut[0] or [])
        if all(len(cells or []) == width for cells in cut):
            return [cells for cells in cut if cells is not None]
    return None


def _grid_cells(
    grid: list[list[str]], context: str, made_on: date, names_asset: NamesAsset
) -> tuple[list[_Cell], tuple[str, bool] | None] | None:
    """Every cell of a grid with its house and period, and the asset its headers name."""
    header, rows = grid[0], grid[1:]
    asset = None
    periods: list[tuple[Period, bool] | None] = []
    for cell in header[1:]:
        named = _asset_in(cell, names_asset)
        asset = asset or named
        bare = cell
        if named is not None:
            bare = re.sub(re.escape(named[0]), " ", cell, flags=re.IGNORECASE)
        periods.append(parse_period(bare, made_on))
    asset = asset or _asset_in(header[0], names_asset)
    cells: list[_Cell] = []
    if all(periods):
        for row in rows:
            house = row[0].rstrip("*").strip()
            if not _is_house(house, names_asset, made_on):
                return None
            for found, level_cell in zip(periods, row[1:], strict=True):
                assert found is not None
                if _BLANK.match(level_cell.strip()):
                    continue
                level = parse_level(level_cell)
                if level is None:
                    return None
                cells.append(_Cell(house, level, found[0], found[1]))
        return cells, asset
    # houses across, a period per row
    houses = [cell.rstrip("*").strip() for cell in header[1:]]
    if not all(_is_house(house, names_asset, made_on) for house in houses):
        return None
    for row in rows:
        found = parse_period(row[0], made_on)
        if found is None:
            return None
        for house, level_cell in zip(houses, row[1:], strict=True):
            if _BLANK.match(level_cell.strip()):
                continue
            level = parse_level(level_cell)
            if level is None:
                return None
            cells.append(_Cell(house, level, found[0], found[1]))
    return cells, asset


def _said(cell: _Cell, asset: tuple[str, bool], averaged_grid: bool) -> str:
    """The cell as the sentence a reader makes of it. Said with a verb ("Raymond James
    expects gold to average $4,635 in 2026"), not as a "Name: level" item: a house the
    extractor's list of names does not know is the subject of its verb, where as an item's
    label it was passed over for the house of the line before."""
    name, commodity = asset
    average = cell.period.calendar_span and (averaged_grid or cell.averaged or commodity)
    if average:
        return f"{cell.house} expects {name} to average {cell.level} {cell.period.said}"
    # a calendar span's figure that is no average is where the price stands at its end
    # ("in Q3 2026" alone reads as the quarter's average)
    said = cell.period.said
    if cell.period.calendar_span:
        said = said.replace("in ", "by the end of ", 1)
    return f"{cell.house} sees {name} at {cell.level} {said}"


_PAST_WORDS = re.compile(
    r"\b(?:actual|historical|history|reali[sz]ed|past|closing prices|closed|settled)\b",
    re.IGNORECASE,
)
_NOT_PRICES = re.compile(
    r"\b(?:earnings|eps|revenue|sales|profit|gdp|inflation|growth|change|returns?|yield)\b|%",
    re.IGNORECASE,
)


def _rewritten(
    block: list[str], context: str, made_on: date, names_asset: NamesAsset, subject: str = ""
) -> list[str] | None:
    """The block's lines as sentences, one per cell still ahead; None to leave it."""
    captions: list[str] = []
    body = list(block)
    while (
        body
        and _grid([body[0]]) is None
        and _ITEM.match(body[0]) is None
        and not _is_house(body[0].strip().rstrip(":"), names_asset, made_on)
    ):
        captions.append(body.pop(0))
    around = " ".join([context, *captions])
    if len(body) < 2 or _PAST_WORDS.search(around) or _NOT_PRICES.search(around):
        return None
    grid = _grid(body)
    asset: tuple[str, bool] | None
    if grid is not None and (read := _grid_cells(grid, around, made_on, names_asset)):
        cells, asset = read
        asset = asset or _asset_in(around, names_asset)
        said: list[str | None] = [None] * len(body)
        averaged = bool(_AVERAGE_WORDS.search(around))
        lines = (
            [_said(c, asset, averaged) for c in cells if c.period.deadline > made_on]
            if asset
            else []
        )
    elif (blocks := _house_blocks(body, made_on, names_asset)) is not None:
        asset = _asset_in(around, names_asset) or _asset_in(subject, names_asset)
        if asset is None:
            return None
        averaged = bool(_AVERAGE_WORDS.search(around))
        out = body[: blocks[0][0]]
        for _start, cells in blocks:
            out.extend(
                f"{_said(c, asset, averaged)}." for c in cells if c.period.deadline > made_on
            )
        return [*captions, *out]
    else:
        items = _item_cells(body, around, made_on, names_asset)
        if items is None:
            return None
        asset = _asset_in(around, names_asset) or _asset_in(" ".join(body), names_asset)
        if asset is None:
            return None
        averaged = bool(_AVERAGE_WORDS.search(around))
        said = [
            _said(c, asset, averaged) if c and c.period.deadline > made_on else None for c in items
        ]
        lines = []
    if asset is None:
        return None
    if grid is not None and not lines and not any(said):
        return None
    out = [*captions]
    if grid is not None and read:
        if not lines:
            return None  # every cell is of a period already over: history, left as written
        out.extend(f"{line}." for line in lines)
        return out
    for original, line in zip(body, said, strict=True):
        out.append(original if line is None else f"{line}.")
    return out


_PERIOD_LEVEL = re.compile(r"^(?P<period>[^:]{2,40}):\s*(?P<level>.+?)\.?$")


def _house_blocks(
    body: list[str], made_on: date, names_asset: NamesAsset
) -> list[tuple[int, list[_Cell]]] | None:
    """A block that gives each house on a line of its own and its calls under it as
    "period: level" pairs ("Goldman Sachs" over "End of September 2020: $1,800/oz; end of
    June 2021: $2,000/oz"): the cells of each house, with the index of its line; None when
    fewer than two houses are written so."""
    starts = [
        i
        for i, line in enumerate(body[:-1])
        if _is_house(line.strip().rstrip(":"), names_asset, made_on)
        and _PERIOD_LEVEL.match(body[i + 1].strip().split(";")[0])
    ]
    if len(starts) < 2:
        return None
    houses = []
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(body)
        house = body[start].strip().rstrip(":")
        cells = []
        for pair in " ".join(line.strip() for line in body[start + 1 : end]).split(";"):
            match = _PERIOD_LEVEL.match(pair.strip())
            if match is None:
                continue
            found = parse_period(match["period"], made_on)
            level = parse_level(match["level"].strip().rstrip("."))
            if found is not None and level is not None:
                cells.append(_Cell(house, level, found[0], found[1]))
        houses.append((start, cells))
    return houses


# A heading or caption: one short paragraph. A grid's heading may stand one paragraph of
# prose above it ("GOLD EXPECTATIONS FOR 2026", then a paragraph on the week, then the list).
MAX_HEADING_LENGTH = 160


def _heading_before(previous: list[str]) -> str:
    """The heading a block stands under: the paragraph just before it when short, else the
    short one before that."""
    for paragraph in reversed(previous[-2:]):
        if len(paragraph) <= MAX_HEADING_LENGTH:
            return paragraph
    return ""


def forecast_grids(text: str, names_asset: NamesAsset, made_on: date) -> str:
    """`text` with each grid or list of houses' forecasts said one sentence per cell.

    `names_asset(words)` gives the asset the words name and whether a commodity's period
    figure for it is an average (the extractor's table lookup), or None.
    """
    lines = text.split("\n")
    subject = next((line for line in lines if line.strip()), "")  # the headline
    out: list[str] = []
    index = 0
    previous: list[str] = []
    while index < len(lines):
        if not lines[index].strip():
            out.append(lines[index])
            index += 1
            continue
        end = index
        while end < len(lines) and lines[end].strip():
            end += 1
        block = lines[index:end]
        context = _heading_before(previous)
        rewritten = (
            _rewritten(block, context, made_on, names_asset, subject) if len(block) >= 2 else None
        )
        out.extend(block if rewritten is None else rewritten)
        previous.append(" ".join(line.strip() for line in block))
        index = end
    return "\n".join(out)
