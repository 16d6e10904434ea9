"""The in-flight limit: slots are taken at once while free, then handed out in arrival order;
a waiter that gives up (cancelled, or past its deadline) never keeps or loses a slot."""

from __future__ import annotations

import asyncio
import time

import pytest

from aiosdm import errors
from aiosdm._limits import InFlightLimit

BOUND = 10  # seconds: no step here should take near that long


async def hold(limit: InFlightLimit, order: list[int], n: int, release: asyncio.Event) -> None:
    async with limit.slot(None):
        order.append(n)
        await release.wait()


async def test_waiters_get_freed_slots_in_the_order_they_came() -> None:
    limit, order, release = InFlightLimit(2), [], asyncio.Event()
    async with asyncio.timeout(BOUND):
        tasks = [asyncio.create_task(hold(limit, order, n, release)) for n in range(6)]
        await asyncio.sleep(0.01)  # every task has run up to its slot or its wait
        assert order == [0, 1]  # the others wait
        release.set()
        await asyncio.gather(*tasks)
    assert order == list(range(6))


async def test_a_cancelled_waiter_takes_no_slot_and_the_limit_still_holds() -> None:
    limit, order, release = InFlightLimit(1), [], asyncio.Event()
    async with asyncio.timeout(BOUND):
        first = asyncio.create_task(hold(limit, order, 0, release))
        waiting = [asyncio.create_task(hold(limit, order, n, release)) for n in (1, 2, 3)]
        await asyncio.sleep(0.01)
        waiting[0].cancel()  # gives up before its turn
        release.set()
        await asyncio.gather(first, waiting[1], waiting[2])
    assert order == [0, 2, 3]
    assert waiting[0].cancelled()
    line = limit.line()
    assert (line.free, len(line.waiters)) == (1, 0)  # every slot came back


async def test_a_waiter_cancelled_after_it_was_handed_a_slot_passes_it_on() -> None:
    limit, order, release = InFlightLimit(1), [], asyncio.Event()
    async with asyncio.timeout(BOUND):
        async with limit.slot(None):
            handed = asyncio.create_task(hold(limit, order, 1, release))
            after = asyncio.create_task(hold(limit, order, 2, release))
            await asyncio.sleep(0.01)
        # The slot is handed to ``handed``, which is cancelled before it runs again.
        handed.cancel()
        release.set()
        await asyncio.gather(after)
    assert order == [2]
    line = limit.line()
    assert (line.free, len(line.waiters)) == (1, 0)


async def test_a_waiter_past_its_deadline_fails_with_a_timeout_and_leaves_the_line() -> None:
    limit = InFlightLimit(1)
    async with asyncio.timeout(BOUND), limit.slot(None):
        with pytest.raises(errors.TimeoutError):
            async with limit.slot(time.monotonic() + 0.05):
                pytest.fail("entered without a free slot")
        assert len(limit.line().waiters) == 0
    assert limit.line().free == 1


def test_each_event_loop_starts_with_every_slot_free() -> None:
    limit = InFlightLimit(1)

    async def leave_one_taken() -> None:
        assert limit.line().take_now()  # never given back on this loop

    async def take_one() -> bool:
        return limit.line().take_now()

    asyncio.run(leave_one_taken())
    assert asyncio.run(take_one())


async def test_no_limit_never_waits() -> None:
    limit = InFlightLimit(None)
    async with asyncio.timeout(BOUND):
        async with limit.slot(None), limit.slot(None), limit.slot(None):
            pass
