"""RefreshPolicy: the one rule for when expiring values are refreshed (sources and sessions)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

import aiosdm.aws
import aiosdm.credentials
from aiosdm._refresh_policy import RefreshMoments, RefreshPolicy

T0 = datetime(2030, 1, 1, tzinfo=UTC)
HOUR = timedelta(hours=1)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def test_default_is_botocores_windows() -> None:
    assert RefreshPolicy().moments(T0, T0 + HOUR) == RefreshMoments(at(45), at(50))


def test_windows_shrink_for_short_lifetimes() -> None:
    # 15 minutes: at most half and a quarter of the lifetime, not 15 and 10 minutes.
    assert RefreshPolicy().moments(T0, at(15)) == RefreshMoments(at(7.5), at(11.25))


def test_awsruns_half_life() -> None:
    half = RefreshPolicy(advisory=0.5, mandatory=0.5)
    assert half.moments(T0, T0 + HOUR) == RefreshMoments(at(30), at(30))
    assert RefreshPolicy(advisory=0.5, mandatory=0.75).moments(T0, T0 + HOUR) == (
        RefreshMoments(at(30), at(45))
    )


def test_mixed_kinds_never_put_advisory_after_mandatory() -> None:
    policy = RefreshPolicy(advisory=0.9, mandatory=timedelta(minutes=10))
    assert policy.moments(T0, T0 + HOUR) == RefreshMoments(at(50), at(50))


def test_a_value_issued_expired_is_due_at_once() -> None:
    assert RefreshPolicy().moments(T0, T0 - HOUR) == RefreshMoments(T0 - HOUR, T0 - HOUR)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"advisory": timedelta(0)},
        {"advisory": -0.5},
        {"advisory": 1.0},
        {"advisory": True},
        {"advisory": "half"},
        {"advisory": timedelta(minutes=1), "mandatory": timedelta(minutes=2)},
        {"advisory": 0.8, "mandatory": 0.5},
    ],
)
def test_nonsense_is_refused(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        RefreshPolicy(**kwargs)  # type: ignore[arg-type]


def test_one_policy_type_for_sources_and_sessions() -> None:
    assert aiosdm.credentials.RefreshPolicy is aiosdm.aws.RefreshPolicy is RefreshPolicy


rules = st.one_of(
    st.timedeltas(min_value=timedelta(seconds=1), max_value=timedelta(days=1)),
    st.floats(min_value=0.01, max_value=0.99),
)


@given(
    advisory=rules,
    mandatory=rules,
    lifetime=st.timedeltas(min_value=timedelta(seconds=1), max_value=timedelta(days=2)),
)
def test_moments_stay_inside_the_lifetime(
    advisory: timedelta | float, mandatory: timedelta | float, lifetime: timedelta
) -> None:
    try:
        policy = RefreshPolicy(advisory=advisory, mandatory=mandatory)
    except ValueError:
        return  # an ordering the policy refuses
    advisory_at, mandatory_at = policy.moments(T0, T0 + lifetime)
    assert T0 <= advisory_at <= mandatory_at < T0 + lifetime
