"""The column-at-a-time entry texts are the canonical form, byte for byte.

The oracle is `entries.canonical` (the json module's encoder with the
documented settings), applied to the same entry built row by row.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ledger.proof.bulk import (
    Same,
    canonical_token,
    claim_texts,
    object_texts,
    resolution_texts,
    tokens,
)
from ledger.proof.entries import canonical, claim_entry, resolution_entry

# Values in the canonical vocabulary: what `plain` gives (and nested lists, as tags are).
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(),  # quotes, backslashes, control characters, '%', non-ASCII, lone surrogates
)
values = st.one_of(scalars, st.lists(st.text(), max_size=3))


def texts(entries) -> list[str]:
    return [canonical(e).decode("utf-8") for e in entries]


def column_tokens(rows: list[dict], keys: list[str]) -> dict:
    return {key: tokens([row[key] for row in rows]) for key in keys}


@given(st.lists(values, max_size=8))
def test_each_token_is_the_canonical_text_of_its_value(column: list) -> None:
    written = tokens(column)
    expected = [canonical_token(v) for v in column]
    assert (written if isinstance(written, list) else [written.token] * len(column)) == expected
    assert expected == [canonical([v]).decode("utf-8")[1:-1] for v in column]


@given(
    st.lists(st.text(min_size=1, max_size=4), min_size=1, max_size=5, unique=True).flatmap(
        lambda keys: st.tuples(
            st.just(keys),
            st.lists(st.fixed_dictionaries({k: values for k in keys}), max_size=6),
        )
    )
)
def test_object_texts_are_canonical_objects(keys_and_rows) -> None:
    keys, rows = keys_and_rows
    assert object_texts(column_tokens(rows, keys), len(rows)) == texts(rows)


def test_a_column_of_one_value_is_written_into_the_template() -> None:
    rows = [{"a": 1, "b": None, "c": "100%"}, {"a": 2, "b": None, "c": "100%"}]
    columns = {"a": tokens([1, 2]), "b": tokens([None, None]), "c": Same('"100%"')}
    assert columns["b"] == Same("null")
    assert object_texts(columns, 2) == texts(rows)
    assert object_texts({"b": Same("null")}, 3) == ['{"b":null}'] * 3


# Columns of one value repeated, or nearly: a run writes its method, time and
# data source on every row; 0.0 and -0.0 are equal and written apart.
repeated = st.tuples(
    scalars | st.sampled_from([0.0, -0.0, 1, 1.0, "x"]),
    st.lists(st.sampled_from([0.0, -0.0, 1, 1.0, True, "x", None]), max_size=2),
    st.integers(1, 5),
).map(lambda parts: [parts[0]] * parts[2] + parts[1])


@given(repeated)
def test_a_repeated_column_is_written_as_each_of_its_values(column: list) -> None:
    written = tokens(column)
    expected = [canonical([v]).decode("utf-8")[1:-1] for v in column]
    assert (written if isinstance(written, list) else [written.token] * len(column)) == expected


def test_a_column_of_zeros_of_both_signs_keeps_each_sign() -> None:
    assert tokens([0.0, -0.0]) == ["0.0", "-0.0"]
    assert tokens([-0.0, -0.0]) == ["-0.0", "-0.0"]
    assert tokens([2.5, 2.5]) == Same("2.5")
    assert tokens(["auto"] * 3) == Same('"auto"')


fields = st.fixed_dictionaries(
    {"level": values, "made_on": st.text(max_size=10), "url": st.none() | st.text()}
)


@given(
    st.lists(
        st.tuples(st.text(), st.lists(st.text(max_size=5), max_size=3), fields),
        max_size=6,
    )
)
def test_claim_texts_are_the_claim_entries(rows) -> None:
    ids = list(range(1, len(rows) + 1))
    entries = [
        claim_entry(i, source, tags, f) for i, (source, tags, f) in zip(ids, rows, strict=True)
    ]
    written = claim_texts(
        ids,
        [source for source, _, _ in rows],
        [sorted(tags) for _, tags, _ in rows],
        column_tokens([f for _, _, f in rows], ["level", "made_on", "url"]),
    )
    assert written == texts(entries)


@given(
    st.lists(
        st.tuples(
            fields,
            st.booleans(),
            st.none() | st.sampled_from(["true", "false", "void"]),
            st.none() | st.text(),
        ),
        max_size=6,
    )
)
def test_resolution_texts_are_the_resolution_entries(rows) -> None:
    ids = [10 * (i + 1) for i in range(len(rows))]
    claim_ids = [i // 2 + 1 for i in range(len(rows))]
    entries = [
        resolution_entry(r, c, f, current=cur, claim_status=status, void_reason=reason)
        for r, c, (f, cur, status, reason) in zip(ids, claim_ids, rows, strict=True)
    ]
    written = resolution_texts(
        ids,
        claim_ids,
        column_tokens([row[0] for row in rows], ["level", "made_on", "url"]),
        [row[1] for row in rows],
        [row[2] for row in rows],
        [row[3] for row in rows],
    )
    assert written == texts(entries)
