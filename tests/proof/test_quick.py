"""`verify`'s quick check against the full replay-and-compare it stands in for.

The quick check may say "not shown" when the full comparison finds nothing
(then verify is only slower), never "agrees" when the full comparison finds a
problem. Its oracle is the full comparison on the same log and tables.
"""

from __future__ import annotations

import copy
import json
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine
from sqlmodel import Session

from ledger.proof.entries import FILL_ONCE_CLAIM_COLUMNS, canonical
from ledger.proof.quick import ClaimColumns, ResolutionColumns, Tables, agrees
from ledger.proving import full_comparison
from ledger.store.prooflog import ledger_columns, read_log_with_kinds


def read(url: str) -> tuple[list[tuple], Tables]:
    engine = create_engine(url)
    try:
        with Session(engine) as session:
            return list(read_log_with_kinds(session)), ledger_columns(session)
    finally:
        engine.dispose()


def full(log: list[tuple], tables: Tables) -> list[str]:
    return full_comparison([row[0] for row in log], [row[2] for row in log], tables)


def test_an_honest_ledger_is_shown_without_the_full_comparison(busy_ledger: str) -> None:
    """Every write path's entries (added, imported with history and voids,
    resolved by prices and by hand, rechecked, filled, aliases, sources) are
    what the quick check expects, on SQLite and PostgreSQL."""
    log, tables = read(busy_ledger)
    assert full(log, tables) == []
    assert agrees(log, tables)


def test_every_logged_text_is_in_canonical_form(busy_ledger: str) -> None:
    """The bulk writers (claims, resolutions) log the bytes `canonical` gives."""
    log, _ = read(busy_ledger)
    assert {row[1] for row in log} >= {"claim", "resolution", "status", "filled"}
    for _, kind, text, _ in log:
        entry = json.loads(text)
        assert entry["type"] == kind
        assert canonical(entry).decode("utf-8") == text


def test_an_entry_logged_before_a_column_existed_still_agrees(busy_ledger: str) -> None:
    """An older version's claim entry lacks a column that is null today: the
    full comparison accepts it, and so does the quick check (parsing it)."""
    log, tables = read(busy_ledger)
    position = next(i for i, row in enumerate(log) if row[1] == "claim")
    entry = json.loads(log[position][2])
    assert entry["fields"].pop("upper_level") is None
    log[position] = (*log[position][:2], json.dumps(entry), None)
    assert full(log, tables) == []
    assert agrees(log, tables)


# --- the property -----------------------------------------------------------------


def _change_claim_field(tables: Tables, data) -> Tables:
    claims = tables.claims
    # Half the time a fill-once column, for the claims whose fills were logged.
    columns = sorted(FILL_ONCE_CLAIM_COLUMNS) if data.draw(st.booleans()) else sorted(claims.fields)
    name = data.draw(st.sampled_from(columns), "column")
    i = data.draw(st.integers(0, len(claims.ids) - 1), "claim")
    fields = {k: list(v) for k, v in claims.fields.items()}
    fields[name][i] = data.draw(st.sampled_from([None, 0.0, 6000.0, 1, "x", "2027-06-30"]))
    return replace(tables, claims=replace(claims, fields=fields))


def _change_a_filled_value(tables: Tables, log: list[tuple], data) -> Tables:
    """A value the log filled in later (a reference close, a computed level) rewritten."""
    filled = [json.loads(row[2]) for row in log if row[1] == "filled"]
    entry = data.draw(st.sampled_from(filled), "filled entry")
    if entry["claim_id"] not in tables.claims.ids:  # dropped by an earlier edit
        return tables
    i = list(tables.claims.ids).index(entry["claim_id"])
    fields = {k: list(v) for k, v in tables.claims.fields.items()}
    fields[entry["column"]][i] = data.draw(st.sampled_from([None, 1.0, "x"]))
    return replace(tables, claims=replace(tables.claims, fields=fields))


def _change_claim_state(tables: Tables, data) -> Tables:
    claims = tables.claims
    i = data.draw(st.integers(0, len(claims.ids) - 1), "claim")
    what = data.draw(st.sampled_from(["status", "void_reason", "tags", "source"]), "what")
    choices = {
        "status": ["open", "true", "false", "void", "vague"],
        "void_reason": [None, "x", "duplicate"],
        "tags": [(), ("gold",), ("banks", "gold")],
        "source": ["JPMorgan", "Pundit", "X"],
    }
    new = data.draw(st.sampled_from(choices[what]), "value")
    column = list(getattr(claims, what))
    column[i] = new
    return replace(tables, claims=replace(claims, **{what: column}))


def _drop_claim(tables: Tables, data) -> Tables:
    claims = tables.claims
    i = data.draw(st.integers(0, len(claims.ids) - 1), "claim")

    def drop(column):
        return [v for k, v in enumerate(column) if k != i]

    return replace(
        tables,
        claims=ClaimColumns(
            drop(claims.ids),
            drop(claims.status),
            drop(claims.void_reason),
            drop(claims.source),
            drop(claims.tags),
            {k: drop(v) for k, v in claims.fields.items()},
        ),
    )


def _change_resolution(tables: Tables, data) -> Tables:
    resolutions = tables.resolutions
    j = data.draw(st.integers(0, len(resolutions.ids) - 1), "resolution")
    if data.draw(st.booleans(), "flip current"):
        current = list(resolutions.current)
        current[j] = not current[j]
        return replace(tables, resolutions=replace(resolutions, current=current))
    if data.draw(st.booleans(), "drop"):

        def drop(column):
            return [v for k, v in enumerate(column) if k != j]

        return replace(
            tables,
            resolutions=ResolutionColumns(
                drop(resolutions.ids),
                drop(resolutions.claim_ids),
                drop(resolutions.current),
                {k: drop(v) for k, v in resolutions.fields.items()},
            ),
        )
    name = data.draw(st.sampled_from(sorted(resolutions.fields)), "column")
    fields = {k: list(v) for k, v in resolutions.fields.items()}
    fields[name][j] = data.draw(st.sampled_from([None, "true", "false", "void", 1.5, 3]))
    return replace(tables, resolutions=replace(resolutions, fields=fields))


def _change_sources_or_aliases(tables: Tables, data) -> Tables:
    sources = copy.deepcopy(dict(tables.sources))
    aliases = dict(tables.aliases)
    if data.draw(st.booleans(), "alias"):
        aliases[data.draw(st.sampled_from(["shiny", "copper", "lead"]))] = data.draw(
            st.sampled_from(["GC=F", "SI=F"])
        )
    else:
        source_id = data.draw(st.sampled_from(sorted(sources)), "source")
        sources[source_id]["notes"] = data.draw(st.sampled_from([None, "loud", "quiet"]))
    return replace(tables, sources=sources, aliases=aliases)


def _edit_log(log: list[tuple], data) -> list[tuple]:
    """A forger's edit: the text rewritten (and rehashed), an entry dropped,
    repeated, moved, or its kind hint changed."""
    log = list(log)
    k = data.draw(st.integers(0, len(log) - 1), "entry")
    how = data.draw(st.sampled_from(["text", "drop", "repeat", "move", "move back", "kind"]), "how")
    seq, kind, text, _ = log[k]
    if how == "text":
        old = data.draw(st.sampled_from(['"open"', "true", "false", "5055.0", '"GC=F"', "null"]))
        new = data.draw(st.sampled_from(['"void"', "false", "true", "6000.0", '"SI=F"', '"x"']))
        log[k] = (seq, kind, text.replace(old, new, 1), None)
    elif how == "drop":
        del log[k]
    elif how == "repeat":
        log.insert(k, log[k])
    elif how == "move":
        log.insert(data.draw(st.integers(0, len(log) - 1), "to"), log.pop(k))
    elif how == "move back":  # to just before the entry that recorded its claim
        try:
            claim_id = json.loads(text).get("claim_id")
        except json.JSONDecodeError:  # an earlier "text" edit may have broken it
            claim_id = None
        recorded = f'{{"claim_id":{claim_id},"fields"'
        to = next((n for n, row in enumerate(log) if row[2].startswith(recorded)), 0)
        log.insert(to, log.pop(k))
    else:
        hint = data.draw(st.sampled_from(["claim", "resolution", "status", "source"]))
        log[k] = (seq, hint, text, None)
    # Renumbered, as a forger would (a gap or a repeat is caught before the check).
    return [(n, kind, text, None) for n, (_, kind, text, _) in enumerate(log)]


EDITS = [
    _change_claim_field,
    _change_claim_state,
    _drop_claim,
    _change_resolution,
    _change_sources_or_aliases,
]


@pytest.fixture
def honest(busy_ledger: str) -> tuple[list[tuple], Tables]:
    return read(busy_ledger)


@pytest.mark.parametrize("ledger_url", ["sqlite"], indirect=True)
@settings(
    max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_the_quick_check_never_agrees_where_the_full_comparison_finds_a_problem(
    honest: tuple[list[tuple], Tables], data
) -> None:
    log, tables = honest
    for _ in range(data.draw(st.integers(1, 3), "edits")):
        if data.draw(st.booleans(), "edit the log"):
            log = _edit_log(log, data)
        elif data.draw(st.integers(0, 5), "edit a filled value") == 0:
            tables = _change_a_filled_value(tables, honest[0], data)
        else:
            tables = data.draw(st.sampled_from(EDITS), "edit")(tables, data)
    problems = full(log, tables)
    if agrees(log, tables):
        assert problems == []
