"""Pipe tables of forecasts, read as the labelled lines a reader would say aloud.

A factbox often gives its calls as a table: a header row that pairs an asset
with a year ("Brent 2026 | Brent 2027 | WTI 2026"), then one row per house:

    Brokerage      | Brent 2026 | Brent 2027 | WTI 2026 | Forecasts as of
    JP Morgan      | $58        | $57        | $54      | November 24, 2025

Read as prose, a row is a run of numbers with no asset and no year, so each
row is rewritten as the line a reader makes of it, "JP Morgan: Brent at $58
in 2026, Brent at $57 in 2027, WTI at $54 in 2026" (with "average" for a
commodity's year: banks' oil and metals tables give annual averages), which the list reading
of the extractor then takes like any "Name: level" item. Columns whose
header names neither an asset nor a year ("Forecasts as of", "Updated") are
not calls; a cell that is not one number ("-", "n/a", a date that slid out of
its column) is no forecast.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# A cell that is one price: "$58", "58.5", "US$4,900", "$67*" (a footnote mark after it)
_PRICE_CELL = re.compile(r"^(?:US\$|\$|€|£)?\s*\d[\d,]*(?:\.\d+)?\s*[kK]?\s*\**$")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# A header's quarter or half: "Q1 2026", "Q1'26", "1Q26", "H2 2026", "2H 2026"
_PART_OF_YEAR = re.compile(
    r"\b(?:(?P<part>[QH])\s*(?P<index>[1-4])|(?P<index_first>[1-4])\s*(?P<part_after>[QH]))"
    r"\s*[-/'\u2019]?\s*(?P<year>(?:19|20)\d\d|\d\d)\b",
    re.IGNORECASE,
)
# A header cell that is only a year ("2025 | 2026"): a column, not a price
_BARE_YEAR = re.compile(r"^(?:19|20)\d\d$")
# A cell of words that gives a level: "$4,500 by mid-2026" (not "-", not "n/a")
_WORDED_TARGET = re.compile(r"\d[\d,.]*")
_SEPARATOR_CELL = re.compile(r"^:?-{2,}:?$")
# "2020 prev", "Previous 2026", "Old target": a column of the forecasts a revision replaced
_REPLACED_COLUMN = re.compile(r"\b(?:prev|previous|prior|old|earlier)\b", re.IGNORECASE)
# "US$ 4.323" in a table captioned "(dollars an ounce)": the thousands point of a page in
# Portuguese or German, not $4.32 to three places, where the table prices an asset in the
# thousands (a row line names no asset, so the caption or header says it for every row)
_POINT_THOUSANDS = re.compile(
    r"(?P<sign>(?:US|U\.S\.)?\$\s?|€\s?|\bUSD\s?)(?P<number>\d{1,3}(?:\.\d{3})+)(?![\d]|[.,]\d)"
)
_OUNCES_OR_POINTS = re.compile(
    r"\b(?:ounces?|oz|onzas?|on[cç]as?|unzen?|oncia|gold|ouro|oro|bitcoin|ether|s&p\s*500"
    r"|nasdaq|points|pontos|punkte)\b",
    re.IGNORECASE,
)


def _with_commas(match: re.Match[str]) -> str:
    return match["sign"] + match["number"].replace(".", ",")


# Below this many rows (header included) a line with pipes is a byline or a caption.
MIN_TABLE_LINES = 3


def tables_as_lines(text: str, names_asset: Callable[[str], tuple[str, bool] | None]) -> str:
    """`text` with each pipe table of forecasts rewritten one labelled line per row.

    `names_asset(cell)` gives the asset name a header cell names ("Brent" in
    "Brent 2026") and whether a year's figure for it is an annual average, or
    None. A table whose header names no asset and no year is left as it is.
    """
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        run_end = index
        while run_end < len(lines) and lines[run_end].count("|") >= 2:
            run_end += 1
        if run_end - index >= MIN_TABLE_LINES:
            table = lines[index:run_end]
            caption = lines[index - 1] if index else ""
            if _OUNCES_OR_POINTS.search(caption) or _OUNCES_OR_POINTS.search(table[0]):
                table = [_POINT_THOUSANDS.sub(_with_commas, line) for line in table]
            rewritten = _table_lines(table, names_asset)
            if rewritten is None:
                rewritten = [_row_line(line, names_asset) for line in lines[index:run_end]]
            out.extend(rewritten)
            index = run_end
            continue
        if run_end > index:
            # "Deutsche Bank | Brent 2026 | $62": a row that names its own asset and year
            out.extend(_row_line(line, names_asset) for line in lines[index:run_end])
            index = run_end
            continue
        out.append(lines[index])
        index += 1
    return "\n".join(out)


def _column_period(cell: str) -> str | None:
    """The period a header cell names: "Q1 2026" for "Gold Q1'26" or "1Q 2026" (a column of
    a quarter's figures, not of the year's), else its year, else None."""
    part = _PART_OF_YEAR.search(cell)
    if part is not None:
        letter = (part["part"] or part["part_after"]).upper()
        year = part["year"] if len(part["year"]) == 4 else f"20{part['year']}"
        return f"{letter}{part['index'] or part['index_first']} {year}"
    year = _YEAR.search(cell)
    return year[0] if year else None


def _cells(line: str) -> list[str]:
    cells = [cell.strip() for cell in line.strip().split("|")]
    if cells and not cells[0]:
        cells = cells[1:]
    if cells and not cells[-1]:
        cells = cells[:-1]
    return cells


def _table_lines(
    lines: list[str], names_asset: Callable[[str], tuple[str, bool] | None]
) -> list[str] | None:
    header = _cells(lines[0])
    if any(_PRICE_CELL.match(cell) and not _BARE_YEAR.match(cell) for cell in header[1:]):
        return None  # a first row with a price in it is a row, not a header ("2026" is a year)
    columns: dict[int, tuple[tuple[str, bool] | None, str | None]] = {}
    for position, cell in enumerate(header[1:], start=1):
        if _REPLACED_COLUMN.search(cell):
            continue
        asset = names_asset(cell)
        period = _column_period(cell)
        if asset is not None or period is not None:
            columns[position] = (asset, period)
    # "Broker | Annual forecast | Price targets | Date": a column of annual figures that
    # names no year is this year's average (said as "an average of $4,323 this year")
    annual = [
        position
        for position, cell in enumerate(header[1:], start=1)
        if position not in columns and _ANNUAL_HEADER.match(cell)
    ]
    if not columns and not annual:
        return _target_table_lines(lines, header)
    # "Broker | annual forecast 2026 | price targets": a column of targets in words ("$4,500
    # by mid-2026", "expects prices to average $5,055/oz by Q4 26") is said after the row's
    # figures as a sentence of the row's own, its speaker the row's label
    worded = [
        position
        for position, cell in enumerate(header[1:], start=1)
        if position not in columns and _TARGET_HEADER.match(cell)
    ]
    indent = re.match(r"\s*", lines[0])
    margin = indent[0] if indent else ""
    rewritten = [lines[0]]
    for line in lines[1:]:
        cells = _cells(line)
        if not cells or all(_SEPARATOR_CELL.match(c) for c in cells if c):
            rewritten.append(line)  # "|---|---|": kept, so every line stays where it was
            continue
        label = cells[0].rstrip("*").strip()  # "Commerzbank*": a footnote mark
        calls = []
        for position, (asset, year) in columns.items():
            level = _cell_price(cells[position]) if position < len(cells) else None
            if level is None:
                continue
            # A commodity's figure for a whole year is its average (the factbox convention
            # of banks' oil and metals tables); an index's or a coin's is where it ends.
            name = ""
            if asset is not None:
                name = f"{asset[0]} {'average' if asset[1] and year else 'at'}"
            words = [name, level, f"in {year}" if year else ""]
            calls.append(" ".join(w for w in words if w))
        targets = [
            f"{label}: {cells[position].rstrip('.')}"
            for position in worded
            if position < len(cells) and _WORDED_TARGET.search(cells[position])
        ]
        figures = [f"{label}: {', '.join(calls)}"] if calls else []
        # A target in words whose period names no year ("$3,350 by year-end") goes first: its
        # year is the one the table was written in, not the last year column said before it
        # ("$3,700 in 2026"). Otherwise the figures lead, "Natixis: $4,050 in 2026", the shape
        # of a labelled item whatever the house's name.
        relative = any(_RELATIVE_PERIOD.search(target) for target in targets)
        said = targets + figures if relative else figures + targets
        # an annual figure the row's target repeats ("US$ 6,300 | to reach US$ 6,300 in Q4
        # 2026") is that target, said once
        worded_text = " ".join(cells[p] for p in worded if p < len(cells))
        said += [
            f"{label}: an average of {level} this year"
            for position in annual
            if position < len(cells)
            and (level := _cell_price(cells[position])) is not None
            and level.lstrip("US$€£ ") not in worded_text
        ]
        rewritten.append(f"{margin}{'. '.join(said)}" if label and said else line)
    return rewritten


# A price cell with the words a table puts around it: "~5,000", "5,400 (with upside)",
# "6,200 (peak), then ~5,900" (the first price is the row's call for the column)
_QUALIFIED_PRICE_CELL = re.compile(
    r"^(?:~|≈|c\.\s*|ca\.\s*|about\s+|around\s+|approx\.?\s*)?"
    r"(?P<price>(?:US\$|\$|€|£)?\s*\d[\d,]*(?:\.\d+)?\s*[kK]?)\s*\**"
    r"(?:\s*\([^()]*\)(?:\s*,?\s*then\s+.*)?)?$",
    re.IGNORECASE,
)


def _cell_price(cell: str) -> str | None:
    """The price a table's cell gives, or None: "$58", "~5,000", "5,400 (with upside)"."""
    if _PRICE_CELL.match(cell):
        return cell.rstrip("*").strip()
    qualified = _QUALIFIED_PRICE_CELL.match(cell.strip())
    return qualified["price"].strip() if qualified else None


def _row_line(line: str, names_asset: Callable[[str], tuple[str, bool] | None]) -> str:
    """A headerless row, "Deutsche Bank | Brent 2026 | $62", as the line a reader says:
    "Deutsche Bank: Brent average $62 in 2026". Any other line is kept as it is (a byline,
    "Author | Aki Wu", names no asset and no price)."""
    cells = _cells(line)
    if len(cells) != 3 or not cells[0] or _PRICE_CELL.match(cells[0]):
        return line
    label, what, level = cells
    asset = names_asset(what)
    if asset is None or not _PRICE_CELL.match(level):
        return line
    period = _column_period(what)
    verb = "average" if asset[1] and period else "at"
    words = [f"{asset[0]} {verb}", level.rstrip("*").strip(), f"in {period}" if period else ""]
    indent = re.match(r"\s*", line)
    return f"{indent[0] if indent else ''}{label}: {' '.join(w for w in words if w)}"


_ANNUAL_HEADER = re.compile(
    r"^(?:annual|full[-\s]year|yearly)\s+(?:average\s+)?(?:forecasts?|averages?|estimates?)$",
    re.IGNORECASE,
)
# A period counted from the day of writing: "by year-end", "by the end of next year"
_RELATIVE_PERIOD = re.compile(
    r"\b(?:year[-\s]end|end[-\s]year|end\s+of\s+(?:the|this|next)\s+year|this\s+year"
    r"|next\s+year)\b(?!\s*(?:19|20)\d\d)",
    re.IGNORECASE,
)
_TARGET_HEADER = re.compile(
    r"^(?:(?:price\s+)?targets?|forecasts?|predictions?|calls?|levels?)$", re.IGNORECASE
)
_TIME_HEADER = re.compile(r"^(?:timeline|time\s*frame|horizon|deadline|by\s+when|when)$", re.I)
_YEAR_FIRST = re.compile(r"^(?:19|20)\d\d\b")


def _target_table_lines(lines: list[str], header: list[str]) -> list[str] | None:
    """A table of targets with their timelines and no asset in the header ("Analyst/Firm |
    Target | Timeline | Key insight"): each row said as "JPMorgan: $170,000 by the end of
    2026", its asset the one the article is about. None when the header has no such pair."""
    target = next((i for i, c in enumerate(header) if i and _TARGET_HEADER.match(c)), None)
    when = next((i for i, c in enumerate(header) if i and _TIME_HEADER.match(c)), None)
    if target is None or when is None:
        return None
    rewritten = [lines[0]]
    for line in lines[1:]:
        cells = _cells(line)
        if (
            len(cells) <= max(target, when)
            or not cells[0]
            or not _PRICE_CELL.match(cells[target])
            or not cells[when]
        ):
            rewritten.append(line)
            continue
        timeline = cells[when]
        deadline = f"by the end of {timeline}" if _YEAR_FIRST.match(timeline) else f"by {timeline}"
        rewritten.append(f"{cells[0]}: {cells[target].rstrip('*').strip()} {deadline}")
    return rewritten
