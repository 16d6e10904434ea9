"""One client, several event loops: successive ``asyncio.run()`` calls each get a channel
of their own; a loop still running elsewhere is refused with what to do instead."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator

import pytest

from aiosdm import _handoff, errors
from aiosdm._generated.models import Role
from aiosdm.testing import LocalServer
from aiosdm.testing._ratelimit import RateLimit

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def server() -> Iterator[LocalServer]:
    """A local control plane running on a loop of its own, in another thread."""
    loop = asyncio.new_event_loop()
    started = threading.Event()
    box: list[LocalServer] = []

    def serve() -> None:
        server = LocalServer()
        loop.run_until_complete(server.start())
        box.append(server)
        started.set()
        loop.run_forever()
        loop.run_until_complete(server.stop())
        loop.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    assert started.wait(60)
    yield box[0]
    loop.call_soon_threadsafe(loop.stop)
    thread.join(60)


def test_one_client_in_two_successive_asyncio_runs(server: LocalServer) -> None:
    client = server.client()
    server.rate_limit = RateLimit(40, 0.2)  # so that pacing, with its timers, is used too

    async def use(n: int) -> None:
        role = (await client.roles.create(Role(name=f"ops-{n}"))).role
        assert [r.id async for r in client.roles.list("name:?", f"ops-{n}")] == [role.id]
        await asyncio.wait_for(asyncio.gather(*(client.roles.get(role.id) for _ in range(150))), 60)

    asyncio.run(use(1))
    asyncio.run(use(2))  # a new loop: the first one, and its channel, are gone
    asyncio.run(client.close())
    assert server.calls["Roles.Create"] == 2


def test_a_client_busy_in_another_running_loop_says_what_to_do(server: LocalServer) -> None:
    client = server.client()
    server.faults.set_latency("Roles.Get", 1.0)
    outcome: list[BaseException] = []
    sent = threading.Event()

    def use_elsewhere() -> None:
        # The transport reports each request it hands to gRPC to the listener of its context.
        _handoff.listener.set(sent.set)
        try:
            asyncio.run(client.roles.get("r-0000000000000000"))
        except BaseException as exc:
            outcome.append(exc)

    elsewhere = threading.Thread(target=use_elsewhere)
    elsewhere.start()
    try:
        assert sent.wait(30)  # the other loop's call is on its way, on that loop's channel

        async def meanwhile() -> None:
            with pytest.raises(RuntimeError, match="make one Client per event loop"):
                await client.roles.get("r-1")

        asyncio.run(meanwhile())
    finally:
        elsewhere.join(30)
    assert [type(e) for e in outcome] == [errors.NotFoundError]  # that loop's call went on
