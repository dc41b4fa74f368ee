"""`write_atomically` of an export's pieces: whole or not at all."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ledger.transfer.output import write_atomically


def test_the_pieces_are_written_in_order(tmp_path: Path) -> None:
    target = tmp_path / "out.yaml"
    write_atomically(target, iter(["a: 1\n", "", "b: é\n"]), force=False)
    assert target.read_text(encoding="utf-8") == "a: 1\nb: é\n"


@pytest.mark.parametrize("error", [RuntimeError, KeyboardInterrupt])
@pytest.mark.parametrize("force", [False, True])
def test_a_source_failing_half_way_leaves_the_old_file_and_no_other(
    tmp_path: Path, error: type[BaseException], force: bool
) -> None:
    target = tmp_path / "out.yaml"
    if force:
        target.write_text("the old export\n")

    def pieces() -> Iterator[str]:
        yield "a: 1\n" * 1000
        raise error("stopped")

    with pytest.raises(error):
        write_atomically(target, pieces(), force=force)
    assert [p.name for p in tmp_path.iterdir()] == (["out.yaml"] if force else [])
    if force:
        assert target.read_text() == "the old export\n"
