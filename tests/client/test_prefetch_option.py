"""``Client(prefetch=False)`` asks for a page only when the caller needs it."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from aiosdm._generated.models import User
from aiosdm.interceptors import Call, Handler, Interceptor, Outbound
from aiosdm.testing import LocalServer


class PageRequests(Interceptor):
    """Counts list calls as they leave the client; ``second`` is set by the second one."""

    def __init__(self) -> None:
        self.count = 0
        self.second = asyncio.Event()

    def intercept(self, next: Handler) -> Handler:
        counter = self

        class Counting(Outbound):
            async def unary(self, call: Call) -> Any:
                counter.count += 1
                if counter.count == 2:
                    counter.second.set()
                return await self.next.unary(call)

        return Counting(next)


@pytest.mark.parametrize("prefetch", [True, False])
async def test_pages_are_fetched_ahead_only_with_prefetch(prefetch: bool) -> None:
    async with LocalServer() as server:
        await server.seed(
            User(email=f"p{i}@example.com", first_name="P", last_name=str(i)) for i in range(25)
        )
        pages = PageRequests()
        async with server.client(page_limit=10, prefetch=prefetch, interceptors=[pages]) as client:
            items = client.accounts.list("")
            first = await anext(items)
            assert first.email.startswith("p")
            if prefetch:
                await asyncio.wait_for(pages.second.wait(), 5)  # page 2 is on its way
            else:
                for _ in range(20):  # give a (wrong) prefetch every chance to show up
                    await asyncio.sleep(0)
                assert pages.count == 1
            rest = [u async for u in items]
            assert len(rest) == 24
            assert pages.count == 3
            assert server.calls["Accounts.List"] == 3
