"""A long list never holds up other calls: reads run on connections of their own, and a
read that outlasts the server's budget ends in DEADLINE_EXCEEDED."""

from __future__ import annotations

import asyncio

import pytest

from aiosdm import Role, errors
from aiosdm.testing import LocalServer

ROWS = 20_000


async def test_a_point_read_finishes_while_a_long_scan_runs() -> None:
    async with LocalServer() as server:
        ids = await server.seed([Role(name=f"role-{i:05d}") for i in range(ROWS)])
        async with server.client() as client:
            finished: list[str] = []

            async def scan() -> None:
                # Matches nothing, so one page means reading every row.
                found = [r async for r in client.roles.list("name:nothing-like-this")]
                assert found == []
                finished.append("scan")

            async def point_reads() -> None:
                for ident in ids[:5]:
                    await client.roles.get(ident)
                finished.append("gets")

            scanning = asyncio.create_task(scan())
            await asyncio.sleep(0)  # the scan's request goes out first
            await asyncio.wait_for(asyncio.gather(scanning, point_reads()), 60)
    assert finished == ["gets", "scan"]


async def test_a_read_over_budget_is_deadline_exceeded() -> None:
    async with LocalServer(read_budget=0.001) as server:
        await server.seed([Role(name=f"role-{i:05d}") for i in range(ROWS)])
        async with server.client() as client:
            with pytest.raises(errors.TimeoutError) as caught:
                [r async for r in client.roles.list("name:nothing-like-this", timeout=30)]
    # The server's budget ended it (the call's own 30 s were far from spent), and said why.
    assert "narrow the filter" in (caught.value.details or "")
