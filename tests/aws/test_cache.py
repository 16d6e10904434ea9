"""CredentialsCache: windows, single flight, and never handing out expired credentials."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aiosdm.aws import (
    AwsCredentials,
    CacheKey,
    CredentialsCache,
    ExpiredCredentialsError,
    RefreshPolicy,
)

KEY = CacheKey("111111111111", "reader", "s")


class Issuer:
    """Issues credentials valid for ``lifetime`` seconds from the fake clock's now."""

    def __init__(self, clock: Any, lifetime: float = 3600) -> None:
        self.clock = clock
        self.lifetime = lifetime
        self.issued = 0
        self.fail = False

    async def __call__(self) -> AwsCredentials:
        await asyncio.sleep(0)  # a real suspension point, like a network call
        if self.fail:
            raise ConnectionError("sts unreachable")
        self.issued += 1
        return AwsCredentials(
            f"ASIA{self.issued:016d}",
            "secret",
            "token",
            expiration=self.clock() + timedelta(seconds=self.lifetime),
        )


async def test_fresh_credentials_are_reused(clock: Any) -> None:
    cache, issue = CredentialsCache(clock=clock), Issuer(clock)
    first = await cache.get(KEY, issue)
    clock.advance(60)
    assert await cache.get(KEY, issue) is first
    assert issue.issued == 1


async def test_concurrent_misses_share_one_fetch(clock: Any) -> None:
    cache, issue = CredentialsCache(clock=clock), Issuer(clock)
    results = await asyncio.gather(*(cache.get(KEY, issue) for _ in range(100)))
    assert issue.issued == 1
    assert len({r.access_key_id for r in results}) == 1


async def test_advisory_window_refreshes_but_survives_failure(clock: Any) -> None:
    cache, issue = CredentialsCache(clock=clock), Issuer(clock)
    first = await cache.get(KEY, issue)
    clock.advance(3600 - 800)  # 13 min left: advisory (15) but not mandatory (10)
    issue.fail = True
    assert await cache.get(KEY, issue) is first  # failure logged, current still valid
    issue.fail = False
    second = await cache.get(KEY, issue)
    assert second.access_key_id != first.access_key_id


async def test_mandatory_window_failure_raises(clock: Any) -> None:
    cache, issue = CredentialsCache(clock=clock), Issuer(clock)
    await cache.get(KEY, issue)
    clock.advance(3600 - 300)  # 5 min left: mandatory
    issue.fail = True
    with pytest.raises(ConnectionError):
        await cache.get(KEY, issue)


async def test_already_expired_answer_is_refused(clock: Any) -> None:
    cache, issue = CredentialsCache(clock=clock), Issuer(clock, lifetime=-1)
    with pytest.raises(ExpiredCredentialsError):
        await cache.get(KEY, issue)


async def test_short_lived_credentials_get_proportional_windows(clock: Any) -> None:
    cache, issue = CredentialsCache(clock=clock), Issuer(clock, lifetime=900)
    await cache.get(KEY, issue)
    clock.advance(300)  # 10 of 15 min left: inside the default windows, not the scaled ones
    await cache.get(KEY, issue)
    assert issue.issued == 1


def test_windows_must_be_ordered() -> None:
    with pytest.raises(ValueError):
        RefreshPolicy(advisory=timedelta(minutes=1), mandatory=timedelta(minutes=2))
    with pytest.raises(ValueError):
        RefreshPolicy(advisory=0.75, mandatory=0.5)
    for bad in (timedelta(0), 0.0, 1.0, 1.5, True, "half"):
        with pytest.raises(ValueError):
            RefreshPolicy(advisory=bad)  # type: ignore[arg-type]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    steps=st.lists(
        st.tuples(st.floats(min_value=0, max_value=2000), st.booleans()), min_size=1, max_size=30
    ),
    lifetime=st.sampled_from([900, 1800, 3600]),
)
def test_never_returns_expired_credentials(
    clock_type: Any, steps: list[tuple[float, bool]], lifetime: int
) -> None:
    async def scenario() -> None:
        clock = clock_type()
        cache, issue = CredentialsCache(clock=clock), Issuer(clock, lifetime)
        for seconds, failing in steps:
            clock.advance(seconds)
            issue.fail = failing
            try:
                credentials = await cache.get(KEY, issue)
            except (ConnectionError, ExpiredCredentialsError):
                continue
            assert credentials.expiration is not None
            assert credentials.expiration > clock()

    asyncio.run(scenario())
