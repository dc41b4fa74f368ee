"""Which hand changes to a verdict count as withdrawals and overrides, and which need --force."""

from __future__ import annotations

from datetime import date

import pytest

from ledger.rules.overrides import HandChanges, Ruling, hand_changes, needs_force

DEADLINE = date(2026, 6, 30)
BEFORE = date(2026, 5, 1)
ON = DEADLINE
AFTER = date(2026, 7, 10)


def auto(outcome: str, day: date = AFTER) -> Ruling:
    return Ruling(outcome, "auto", day)


def manual(outcome: str, day: date = AFTER) -> Ruling:
    return Ruling(outcome, "manual", day)


@pytest.mark.parametrize(
    ("history", "expected"),
    [
        pytest.param([], None, id="never-resolved"),
        pytest.param([auto("false")], None, id="automatic-only"),
        pytest.param([manual("void", BEFORE)], None, id="void-while-open"),
        pytest.param(
            [auto("false"), manual("void")],
            HandChanges(withdrawn=True, overridden=False, data_outcome="false"),
            id="voided-after-a-false",
        ),
        pytest.param(
            [auto("true", BEFORE), manual("void")],
            HandChanges(withdrawn=True, overridden=False, data_outcome="true"),
            id="voided-after-an-early-true",
        ),
        pytest.param(
            [manual("true"), manual("void")],
            HandChanges(withdrawn=True, overridden=False, data_outcome="true"),
            id="voided-after-a-late-manual-verdict",
        ),
        pytest.param(
            [manual("true", BEFORE), manual("void")],
            HandChanges(withdrawn=True, overridden=False, data_outcome=None),
            id="voided-after-an-early-manual-verdict-the-data-never-judged",
        ),
        pytest.param(
            [auto("false"), manual("true")],
            HandChanges(withdrawn=False, overridden=True, data_outcome="false"),
            id="manual-flips-automatic",
        ),
        pytest.param([auto("false"), manual("false")], None, id="manual-agrees-with-automatic"),
        pytest.param(
            [auto("true", BEFORE), manual("true", BEFORE)], None, id="early-manual-agrees"
        ),
        pytest.param(
            [manual("true", BEFORE)],
            HandChanges(withdrawn=False, overridden=True, data_outcome=None),
            id="settled-by-hand-before-the-deadline",
        ),
        pytest.param(
            [manual("true", ON)],
            HandChanges(withdrawn=False, overridden=True, data_outcome=None),
            id="settled-by-hand-on-the-deadline-day",
        ),
        pytest.param([manual("false", AFTER)], None, id="settled-by-hand-after-the-deadline"),
        pytest.param(
            [auto("false"), manual("void"), manual("true")],
            HandChanges(withdrawn=False, overridden=True, data_outcome="false"),
            id="unvoided-the-other-way",
        ),
        pytest.param(
            [auto("false"), manual("true"), auto("true")], None, id="the-data-changed-its-mind"
        ),
    ],
)
def test_hand_changes(history: list[Ruling], expected: HandChanges | None) -> None:
    assert hand_changes(history, DEADLINE) == expected


@pytest.mark.parametrize(
    ("history", "outcome", "today", "reason"),
    [
        pytest.param([auto("false")], "true", AFTER, "the prices resolved it false", id="flip"),
        pytest.param([auto("false")], "false", AFTER, None, id="agree"),
        pytest.param([auto("false")], "void", AFTER, None, id="void-needs-a-reason-not-force"),
        pytest.param([], "true", BEFORE, "deadline 2026-06-30 has not passed", id="early"),
        pytest.param([], "false", ON, "deadline 2026-06-30 has not passed", id="deadline-day"),
        pytest.param([], "true", AFTER, None, id="no-data-after-deadline"),
        pytest.param([auto("true", BEFORE)], "true", BEFORE, None, id="early-but-agrees"),
        pytest.param(
            [auto("true", BEFORE)], "false", BEFORE, "resolved it true", id="early-and-flips"
        ),
        pytest.param(
            [auto("false"), manual("void")], "true", AFTER, "resolved it false", id="unvoid-flip"
        ),
    ],
)
def test_needs_force(history: list[Ruling], outcome: str, today: date, reason: str | None) -> None:
    found = needs_force(history, outcome, DEADLINE, today)
    if reason is None:
        assert found is None
    else:
        assert found is not None and reason in found


def test_needs_force_is_the_override_rule_before_the_fact() -> None:
    """Whatever is refused without --force is what the scoreboard then counts, and vice versa."""
    histories = [[], [auto("false")], [auto("true", BEFORE)], [auto("false"), manual("void")]]
    for history in histories:
        for outcome in ("true", "false"):
            for today in (BEFORE, ON, AFTER):
                after = hand_changes([*history, manual(outcome, today)], DEADLINE)
                counted = after is not None and after.overridden
                assert (needs_force(history, outcome, DEADLINE, today) is not None) == counted
