"""The import reader on arbitrary input: an ImportBatch or an ImportFileError, nothing else.

Whatever a file holds in whichever field, the reader either returns claims
the ledger accepts (every entry passes `NewClaim.check`, no resolution is a
verdict) or refuses the file with one line per problem.
"""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger.errors import ImportFileError
from ledger.transfer.yaml_import import ENTRY_KEYS, RESOLUTION_KEYS, read_import_text

TODAY = date(2026, 1, 15)

# Values a hostile file might put anywhere: YAML syntax, numbers at the edge
# of float, dates out of range, nested collections, anchors.
HOSTILE = st.sampled_from(
    [
        "inf",
        "-inf",
        "nan",
        "1.7976931348e308",
        "1e400",
        "0",
        "-1",
        "0001-01-01",
        "9999-12-31",
        "2025-13-45",
        "[a, b]",
        "{a: 1}",
        "&x a",
        "*x",
        "~",
        "''",
        "yes",
        "x1e308",
        "+1e308%",
        '"gold hits 5000 by 2026-03-31"',
        "2025-11-20T10:00:00+14:00",
        "9999-12-31T23:59:59-12:00",
    ]
)
VALUE = st.one_of(
    HOSTILE, st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30)
)


def _entry(fields: dict[str, str], resolution: dict[str, str] | None) -> str:
    lines = [
        "  - source: A",
        "    made_on: 2025-11-20",
        "    claim: gold hits 5000 by 2026-03-31",
    ]
    lines += [f"    {key}: {value}" for key, value in fields.items()]
    if resolution is not None:
        lines.append("    resolutions:")
        lines.append("      - outcome: true")
        lines += [f"        {key}: {value}" for key, value in resolution.items()]
    return "\n".join(lines)


def _check(text: str) -> None:
    try:
        batch = read_import_text(text, path="f.yaml", today=TODAY)
    except ImportFileError as error:
        assert all(p.strip() for p in error.problems)
        return
    for entry in batch.entries:
        entry.check(TODAY)
    for position, history in batch.resolutions.items():
        for row in history:
            assert row["method"] == "imported"
            assert not row["is_current"] or (
                row["outcome"] == "void" and position in batch.void_reasons
            )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    fields=st.dictionaries(
        st.sampled_from(sorted(ENTRY_KEYS - {"resolutions"})), VALUE, max_size=4
    ),
    resolution=st.none()
    | st.dictionaries(st.sampled_from(sorted(RESOLUTION_KEYS - {"outcome"})), VALUE, max_size=4),
)
def test_any_field_value_gives_a_batch_or_a_refusal(
    fields: dict[str, str], resolution: dict[str, str] | None
) -> None:
    _check("predictions:\n" + _entry(fields, resolution) + "\n")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_any_text_gives_a_batch_or_a_refusal(text: str) -> None:
    _check(text)


KINDS_WITH_ONE_LEVEL = st.sampled_from(
    [
        "touch_above",
        "touch_below",
        "close_above",
        "close_below",
        "hold_above",
        "hold_below",
        "average_above",
        "average_below",
    ]
)
PLAIN_DECIMALS = st.builds(
    lambda whole, fraction: whole if fraction is None else f"{whole}.{fraction}",
    st.from_regex(r"[0-9]{1,12}", fullmatch=True),
    st.none() | st.from_regex(r"[0-9]{1,12}", fullmatch=True),
)


@settings(max_examples=300, deadline=None)
@given(level=PLAIN_DECIMALS, kind=KINDS_WITH_ONE_LEVEL)
def test_a_plain_level_read_as_a_number_makes_the_claim_its_text_makes(
    level: str, kind: str
) -> None:
    """The importer reads a plain decimal level as a float (skipping the level
    parser); the claim, its assumptions and any refusal must be the text's."""
    from ledger.claims.parser import claim_from_fields
    from ledger.errors import ClaimError
    from ledger.transfer.yaml_import import _plain_number

    def read(value: str | float):
        try:
            return claim_from_fields(
                asset="GC=F", kind=kind, level=value, deadline=date(2026, 12, 31), made_on=TODAY
            )
        except ClaimError as error:
            return str(error)

    assert read(_plain_number(level)) == read(level)
