"""Grids of houses' forecasts are read cell by cell whatever their layout (issue 11).

tests/extract/table_grammar.py writes one content (houses x periods x levels for an asset)
in many layouts and languages and knows what each cell is; hypothesis draws the grids.
The negatives are grids that hold no calls: past prices, earnings, percent changes, one
house's dated targets.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract.quality import recordable, same_speaker_strict
from extract.table_grammar import LAYOUTS, MADE_ON, Grid, compose, grids
from hypothesis import HealthCheck, given, settings

from ledger.extract import extract_article
from ledger.extract.forecast_grids import parse_level, parse_period

TODAY = date(2026, 12, 6)


def problems(grid: Grid) -> list[str]:
    """What was read wrong in the grid's article: each cell missed or misread, and anything
    recorded beyond the cells."""
    found = recordable(extract_article(compose(grid), today=TODAY, made_on=MADE_ON).candidates)
    wrong = []
    used = set()
    for wanted in grid.expected():
        match = next(
            (
                i
                for i, f in enumerate(found)
                if i not in used
                and f.symbol == wanted.symbol
                and f.level is not None
                and abs(f.level - wanted.level) <= 0.01 * wanted.level
                and f.deadline is not None
                and abs((f.deadline - wanted.deadline).days) <= 2
            ),
            None,
        )
        if match is None:
            wrong.append(f"missed {wanted}")
            continue
        used.add(match)
        if found[match].kind.partition("_")[0] != wanted.family:
            wrong.append(f"kind {found[match].kind} for {wanted}")
        if not same_speaker_strict(found[match].speaker, wanted.speaker):
            wrong.append(f"speaker {found[match].speaker} for {wanted}")
    wrong.extend(f"spurious {f}" for i, f in enumerate(found) if i not in used)
    return wrong


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(grids())
def test_every_cell_of_a_generated_grid_is_read(grid: Grid) -> None:
    assert problems(grid) == [], compose(grid)
