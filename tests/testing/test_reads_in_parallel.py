"""A long list never holds up other calls: reads run on connections of their own, gets on
threads no list uses, and a read that outlasts the server's budget ends in DEADLINE_EXCEEDED."""

from __future__ import annotations

import asyncio

import pytest

from aiosdm import Role, errors
from aiosdm.testing import LocalServer

ROWS = 20_000


async def test_a_get_waits_for_none_of_ten_long_lists() -> None:
    # More lists than reader threads: a get queued behind them would wait for several to end.
    async with LocalServer() as server:
        ids = await server.seed([Role(name=f"role-{i:05d}") for i in range(ROWS)])
        async with server.client() as client:

            async def scan() -> None:
                assert [r async for r in client.roles.list("name:*a*a*a*a*a*a*a*a*z")] == []

            scans = [asyncio.create_task(scan()) for _ in range(10)]
            try:
                # Every list is in the server before the get is sent (the server counts a
                # call as it arrives; nothing to wait on but its counter).
                for _ in range(30_000):
                    if server.calls["Roles.List"] >= len(scans):
                        break
                    await asyncio.sleep(0.001)
                assert server.calls["Roles.List"] == len(scans)
                got = await asyncio.wait_for(client.roles.get(ids[-1]), 60)
                assert got.role.id == ids[-1]
                running = sum(not task.done() for task in scans)
                await asyncio.wait_for(asyncio.gather(*scans), 120)
            finally:
                for task in scans:
                    task.cancel()
    assert running == len(scans)


async def test_a_read_over_budget_is_deadline_exceeded() -> None:
    async with LocalServer(read_budget=0.001) as server:
        await server.seed([Role(name=f"role-{i:05d}") for i in range(ROWS)])
        async with server.client() as client:
            # Twice: the second scan finds its pages cached, and spends its time filtering
            # between short queries (no query alone runs long enough to be interrupted).
            for _ in range(2):
                with pytest.raises(errors.TimeoutError) as caught:
                    [r async for r in client.roles.list("name:nothing-like-this", timeout=30)]
                # The server's budget ended it (the call's own 30 s were far from spent).
                assert "narrow the filter" in (caught.value.details or "")
