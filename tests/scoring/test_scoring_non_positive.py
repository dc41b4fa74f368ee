"""Prices at or below zero (CL=F, 2020-04-20) and the lognormal baseline.

The model cannot say anything honest about them: such claims get no baseline
and a reason, never a probability of 0 or 1 the market never implied.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest
from price_files import flat_bars

from ledger.baseline import baselines_for
from ledger.claims.model import ClaimKind
from ledger.scoring.market_implied import lognormal_obstacle, realized_volatility_many
from ledger.store.baselines import BaselineClaim


def oil(negative_day: str | None) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(7)
    bars = flat_bars("2019-01-01", "2021-06-30", 50.0)
    closes = 50.0 * np.exp(np.cumsum(rng.normal(0, 0.02, len(bars))))
    if negative_day is not None:
        closes[bars.index.get_loc(negative_day)] = -37.63
    return closes, bars.index.to_numpy(dtype="datetime64[D]")


def test_a_year_with_a_negative_close_gives_no_volatility_and_counts_it() -> None:
    closes, dates = oil("2020-04-20")
    as_of = np.array(
        ["2020-03-31", "2020-05-01", "2021-04-21", "2021-06-30"], dtype="datetime64[D]"
    )
    vol = realized_volatility_many(closes, dates, as_of)
    assert vol.non_positive is not None
    assert vol.non_positive.tolist() == [0, 1, 0, 0]
    assert np.isfinite(vol.sigma[[0, 2, 3]]).all()
    assert np.isnan(vol.sigma[1])


def test_without_non_positive_closes_the_volatility_is_unchanged() -> None:
    closes, dates = oil(None)
    vol = realized_volatility_many(closes, dates, np.array(["2020-05-01"], dtype="datetime64[D]"))
    in_window = (dates >= np.datetime64("2019-05-02")) & (dates <= np.datetime64("2020-05-01"))
    returns = np.diff(np.log(closes[in_window]))
    assert vol.sigma[0] == pytest.approx(np.sqrt(vol.periods_per_year[0] * np.mean(returns**2)))


@pytest.mark.parametrize(
    ("spot", "level", "upper", "non_positive", "says"),
    [
        pytest.param(-37.63, 10.0, None, 0, "close on made_on was -37.63", id="negative-spot"),
        pytest.param(20.0, -10.0, None, 0, "level -10 is at or below zero", id="negative-level"),
        pytest.param(20.0, -5.0, -1.0, 0, "level -5", id="negative-band"),
        pytest.param(20.0, 10.0, None, 1, "1 close(s) at or below zero", id="negative-history"),
        pytest.param(20.0, 10.0, 30.0, 0, None, id="all-positive"),
    ],
)
def test_lognormal_obstacle(spot, level, upper, non_positive, says) -> None:
    reason = lognormal_obstacle(spot, level, upper, non_positive)
    if says is None:
        assert reason is None
    else:
        assert reason is not None and reason.startswith("no baseline") and says in reason


def test_baselines_for_oil_after_april_2020_say_why_there_is_none() -> None:
    closes, dates = oil("2020-04-20")
    bars = pd.DataFrame(
        {"open": closes, "high": closes, "low": closes, "close": closes, "volume": np.nan},
        index=pd.DatetimeIndex(dates, name="date"),
    )

    def claim(claim_id: int, made_on: date, level: float) -> BaselineClaim:
        return BaselineClaim(
            id=claim_id,
            symbol="CL=F",
            kind=ClaimKind.TOUCH_BELOW,
            level=level,
            relative=None,
            made_on=made_on,
            window_start=made_on + timedelta(days=1),
            deadline=made_on + timedelta(days=90),
        )

    after, negative_level, before = baselines_for(
        [
            claim(1, date(2020, 5, 1), 10.0),
            claim(2, date(2021, 6, 1), -5.0),
            claim(3, date(2020, 3, 2), 10.0),
        ],
        bars,
        None,
    )
    assert after.market_prob is None and after.sigma is None
    assert "at or below zero in the year before made_on" in (after.note or "")
    assert negative_level.market_prob is None
    assert "level -5 is at or below zero" in (negative_level.note or "")
    assert before.market_prob is not None and 0.0 < before.market_prob < 1.0
