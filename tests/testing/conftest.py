"""Fixtures for the local control plane: real servers on loopback, stopped after each test."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import pytest

from aiosdm.testing import LocalServer, ThreadedServer, WireClient


@pytest.fixture
async def server() -> AsyncIterator[LocalServer]:
    async with LocalServer() as local:
        yield local


@pytest.fixture
async def wire(server: LocalServer) -> AsyncIterator[WireClient]:
    async with WireClient(server.host, server.access_key, server.secret_key) as client:
        yield client


@pytest.fixture
def threaded() -> Iterator[ThreadedServer]:
    """A server on a background loop, for the official (synchronous) client."""
    with ThreadedServer() as running:
        yield running


@pytest.fixture
def official(threaded: ThreadedServer) -> Iterator[Callable[..., Any]]:
    """Make official ``strongdm.Client`` objects for ``threaded``; closes them afterwards."""
    import strongdm

    clients: list[Any] = []

    def make(access_key: str | None = None, secret_key: str | None = None, **kw: Any) -> Any:
        client = strongdm.Client(
            access_key or threaded.access_key,
            secret_key or threaded.secret_key,
            host=threaded.host,
            insecure=True,
            **kw,
        )
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()
