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

aiosdm never imports the official ``strongdm`` SDK, so it offers no fixture for it; a test
that wants both clients on one server makes the official one from ``aiosdm_server``'s
``access_key``, ``secret_key`` and ``host`` (with ``insecure=True``), as the README shows.

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

__all__ = ["aiosdm_client", "aiosdm_server", "aiosdm_server_options"]


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
