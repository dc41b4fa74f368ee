"""The C-encoded indented JSON of export objects against `json.dumps(indent=2)`."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ledger import safe_json
from ledger.transfer.json_lines import _fast, indented

_SCALAR = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(["\x00", "\x000", '"\\u00000"', "a\nb", "[x]", "{}", ",\n  "]),
)
_VALUE = st.recursive(
    _SCALAR,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=5)
    ),
    max_leaves=20,
)


@given(_VALUE, st.integers(0, 3))
def test_a_value_is_written_as_the_indented_encoder_writes_it(value, depth: int) -> None:
    expected = safe_json.dumps(value, indent=2).replace("\n", "\n" + "  " * depth)
    assert indented(value, depth) == expected


def test_a_claim_object_takes_the_c_encoder() -> None:
    """The usual claim object: scalars, empty lists, a list of tags."""
    claim = {"id": 1, "level": 5055.0, "tags": ["gold", "macro"], "legs": [], "url": None}
    text = _fast(claim, 2)
    assert text == safe_json.dumps(claim, indent=2).replace("\n", "\n    ")
