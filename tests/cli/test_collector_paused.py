"""collector_paused: the cyclic collector is off inside the block and as it was
after it, however the block ends."""

from __future__ import annotations

import gc

import pytest

from ledger.cli.context import collector_paused


@pytest.fixture(autouse=True)
def _collector_restored():
    was = gc.isenabled()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


def test_paused_inside_and_resumed_after() -> None:
    gc.enable()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_resumed_after_an_error() -> None:
    gc.enable()
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("a bad entry")
    assert gc.isenabled()


def test_left_off_when_it_was_off() -> None:
    gc.disable()
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_what_the_block_made_resumes_in_the_oldest_generation() -> None:
    """The youngest generation is empty as the collector resumes, so its first
    collection does not walk all the block made (an import's every entry).
    Fails where the block's objects are left in the youngest generation."""
    gc.enable()
    with collector_paused():
        made = [[i] for i in range(1000)]
    assert gc.get_count()[0] < 50
    assert any(o is made for o in gc.get_objects(generation=2))
    assert not any(o is made for o in gc.get_objects(generation=0))
    assert gc.get_freeze_count() == 0


def test_frozen_objects_stay_frozen() -> None:
    """Objects frozen before the block are still frozen after it (the permanent
    generation is not thawed). Counting them would be flaky: a frozen object whose
    last reference goes is freed and leaves the count."""
    gc.enable()
    frozen = [[0]]
    gc.freeze()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert gc.isenabled() and gc.get_freeze_count() > 0
        # gc.get_objects() lists every generation but the permanent one
        assert not any(o is frozen for o in gc.get_objects())
        assert frozen[0] == [0]
    finally:
        gc.unfreeze()
