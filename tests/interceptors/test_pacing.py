"""The pacer's bookkeeping: FIFO turns, stale news, deadlines and cancelled waiters."""

from __future__ import annotations

import asyncio
import time

import pytest

from aiosdm.interceptors.pacing import Quota, QuotaExhausted, RateLimitPacer

PATH = "/v1.Roles/Get"


def exhausted(limit: int, reset_in: float, bucket: str = "key") -> Quota:
    return Quota(limit=limit, remaining=0, reset_at=time.time() + reset_in, bucket=bucket)


async def test_unknown_paths_are_not_paced() -> None:
    pacer = RateLimitPacer()
    assert await pacer.acquire(PATH, None) is None


async def test_news_of_an_ended_window_means_back_off() -> None:
    pacer = RateLimitPacer()
    assert pacer.rejected(None, PATH, exhausted(5, -1.0)) is None
    assert await pacer.acquire(PATH, None) is None


async def test_waiters_go_in_turn_and_at_most_limit_per_window() -> None:
    pacer = RateLimitPacer(guard=0.0, jitter=0.0)
    wait = pacer.rejected(None, PATH, exhausted(2, 0.05))
    assert wait is not None and 0 < wait <= 0.05
    order: list[int] = []

    async def caller(n: int) -> None:
        permit = await pacer.acquire(PATH, None)
        order.append(n)
        pacer.answered(permit, PATH, None)

    tasks = [asyncio.ensure_future(caller(n)) for n in range(3)]
    await asyncio.sleep(0)
    assert order == []  # the window has not reset yet
    # Two go at the reset; the third waits for a probe's answer (the service said
    # nothing about the new window) and then follows.
    await asyncio.wait_for(asyncio.gather(*tasks), 5)
    assert order == [0, 1, 2]


async def test_a_quota_back_after_the_deadline_fails_at_once() -> None:
    pacer = RateLimitPacer()
    pacer.rejected(None, PATH, exhausted(1, 30.0))
    with pytest.raises(QuotaExhausted) as caught:
        await pacer.acquire(PATH, time.monotonic() + 1.0)
    assert caught.value.bucket == "key" and caught.value.limit == 1


async def test_a_cancelled_waiter_gives_its_turn_away() -> None:
    pacer = RateLimitPacer(guard=0.0, jitter=0.0)
    pacer.rejected(None, PATH, exhausted(1, 0.05))
    first = asyncio.ensure_future(pacer.acquire(PATH, None))
    second = asyncio.ensure_future(pacer.acquire(PATH, None))
    third = asyncio.ensure_future(pacer.acquire(PATH, None))
    await asyncio.sleep(0)
    first.cancel()
    permit = await asyncio.wait_for(second, 5)
    assert permit is not None and not permit.probe
    assert not third.done()  # one call per window, and it went to the second caller
    pacer.unused(permit)  # never sent: the third caller may use it
    assert await asyncio.wait_for(third, 5) is not None
