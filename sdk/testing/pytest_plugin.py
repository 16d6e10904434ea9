"""pytest fixtures for testing code that uses strongDM, against the local control plane.

pytest loads this module by itself wherever aiosdm is installed (entry point ``pytest11``);
nothing else imports it, so aiosdm never needs pytest. The fixtures:

``aiosdm_server``
    A :class:`~aiosdm.testing.ThreadedServer`, fresh for each test: a
    :class:`~aiosdm.testing.LocalServer` on an event loop of its own in a background thread,
    so synchronous tests, async tests and the official (blocking) client all reach it.
    Override ``aiosdm_server_options`` to pass ``LocalServer`` keywords (a rate limit, ...).
``aiosdm_client``
    An :class:`aiosdm.Client` connected to it with the admin key, closed after the test
    (an async fixture: needs pytest-asyncio).
``strongdm_client``
    The official synchronous ``strongdm.Client`` connected to the same server; the test is
    skipped when the ``strongdm`` package is not installed.

Example::

    async def test_onboarding(aiosdm_client: aiosdm.Client) -> None:
        await aiosdm_client.roles.create(aiosdm.Role(name="ops"))
"""

from __future__ import annotations

import importlib.util
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from aiosdm.client import Client
    from aiosdm.testing import ThreadedServer

__all__ = ["aiosdm_client", "aiosdm_server", "aiosdm_server_options", "strongdm_client"]


@pytest.fixture
def aiosdm_server_options() -> dict[str, Any]:
    """Keyword arguments for the ``LocalServer`` behind ``aiosdm_server`` (none by default).
    Override this fixture to change them, e.g. ``{"rate_limit": RateLimit(10, 1.0)}``."""
    return {}


@pytest.fixture
def aiosdm_server(aiosdm_server_options: dict[str, Any]) -> Iterator[ThreadedServer]:
    """A fresh local control plane on loopback for this test, stopped after it."""
    from aiosdm.testing import ThreadedServer  # loaded when a test asks, not when pytest starts

    with ThreadedServer(**aiosdm_server_options) as server:
        yield server


async def _client(server: ThreadedServer) -> AsyncIterator[Client]:
    async with server.server.client() as client:
        yield client


if importlib.util.find_spec("pytest_asyncio") is not None:
    import pytest_asyncio

    @pytest_asyncio.fixture
    async def aiosdm_client(aiosdm_server: ThreadedServer) -> AsyncIterator[Client]:
        """An ``aiosdm.Client`` on ``aiosdm_server`` with its admin key, closed after the test."""
        async for client in _client(aiosdm_server):
            yield client

else:  # without it, the fixture says what it needs

    @pytest.fixture
    def aiosdm_client() -> None:
        """An ``aiosdm.Client`` on ``aiosdm_server``: needs pytest-asyncio."""
        pytest.skip("the aiosdm_client fixture needs pytest-asyncio: pip install pytest-asyncio")


@pytest.fixture
def strongdm_client(aiosdm_server: ThreadedServer) -> Iterator[Any]:
    """The official synchronous ``strongdm.Client`` on ``aiosdm_server`` (admin key)."""
    try:
        import strongdm  # type: ignore[import-untyped]  # (no type information)
    except ImportError:
        pytest.skip("the strongdm_client fixture needs the official SDK: pip install strongdm")
    client = strongdm.Client(
        aiosdm_server.access_key, aiosdm_server.secret_key, host=aiosdm_server.host, insecure=True
    )
    try:
        yield client
    finally:
        client.close()
