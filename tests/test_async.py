"""SingleFlight: one task per key, shared by every caller, surviving a caller's cancellation."""

from __future__ import annotations

import asyncio

import pytest

from aiosdm._async import SingleFlight


class Work:
    """Counts its runs; each run waits for ``gate`` and then fails or returns the count."""

    def __init__(self) -> None:
        self.runs = 0
        self.gate = asyncio.Event()
        self.fail = False

    async def __call__(self) -> int:
        self.runs += 1
        await self.gate.wait()
        if self.fail:
            raise RuntimeError("backend down")
        return self.runs


async def test_concurrent_callers_share_one_run_per_key() -> None:
    flight: SingleFlight[str, int] = SingleFlight()
    work, other = Work(), Work()
    waiters = [asyncio.ensure_future(flight.run("a", work)) for _ in range(10)]
    waiters.append(asyncio.ensure_future(flight.run("b", other)))
    await asyncio.sleep(0)
    assert flight.in_flight("a") and flight.in_flight("b")
    work.gate.set()
    other.gate.set()
    assert await asyncio.gather(*waiters) == [1] * 11
    assert work.runs == 1 and other.runs == 1
    assert not flight.in_flight("a")


async def test_a_cancelled_caller_leaves_the_work_running_for_the_others() -> None:
    flight: SingleFlight[str, int] = SingleFlight()
    work = Work()
    quitter = asyncio.ensure_future(flight.run("k", work))
    stayer = asyncio.ensure_future(flight.run("k", work))
    await asyncio.sleep(0)
    quitter.cancel()
    with pytest.raises(asyncio.CancelledError):
        await quitter
    work.gate.set()
    assert await stayer == 1
    assert work.runs == 1


async def test_a_failure_reaches_every_caller_and_the_next_call_starts_afresh() -> None:
    flight: SingleFlight[str, int] = SingleFlight()
    work = Work()
    work.fail = True
    waiters = [asyncio.ensure_future(flight.run("k", work)) for _ in range(3)]
    await asyncio.sleep(0)
    work.gate.set()
    results = await asyncio.gather(*waiters, return_exceptions=True)
    assert [type(r) for r in results] == [RuntimeError] * 3
    work.fail = False
    assert await flight.run("k", work) == 2


async def test_aclose_cancels_what_is_running() -> None:
    flight: SingleFlight[str, int] = SingleFlight()
    work = Work()
    waiter = asyncio.ensure_future(flight.run("k", work))
    await asyncio.sleep(0)
    await flight.aclose()
    with pytest.raises(asyncio.CancelledError):
        await waiter
    assert not flight.in_flight("k")
