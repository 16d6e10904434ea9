"""The client against the local control plane under faults, bursts, rate limits and a key
rotation, with default settings: nothing fails, and the logs say what happened."""

from __future__ import annotations

import asyncio
import logging

import grpc
import pytest

from aiosdm._generated.models import User
from aiosdm.client import Client
from aiosdm.credentials import Credentials
from aiosdm.testing import LocalServer
from aiosdm.testing._ratelimit import RateLimit

pytestmark = pytest.mark.timeout(120)


class NoWait:
    """``retry_sleep`` that records the backoff and goes on at once: the policy, budget and
    deadlines are the defaults, only the test does not sit through the waits."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)
        await asyncio.sleep(0)


async def a_user(server: LocalServer) -> str:
    async with server.client() as setup:
        user = await setup.accounts.create(
            User(email="a@example.com", first_name="A", last_name="B")
        )
    return user.account.id


async def test_a_thousand_reads_at_thirty_percent_unavailable_all_succeed() -> None:
    async with LocalServer(seed=13) as server:
        user_id = await a_user(server)
        server.faults.add("Accounts.Get", grpc.StatusCode.UNAVAILABLE, rate=0.3)
        no_wait = NoWait()
        async with server.client(retry_sleep=no_wait) as client:
            results = await asyncio.gather(
                *(client.accounts.get(user_id) for _ in range(1000)), return_exceptions=True
            )
    failures = [r for r in results if isinstance(r, BaseException)]
    assert failures == []
    assert server.faults.injected[("Accounts.Get", "UNAVAILABLE")] == len(no_wait.delays) > 200


async def test_five_thousand_concurrent_reads_on_one_client_all_succeed() -> None:
    async with LocalServer() as server:
        user_id = await a_user(server)
        async with server.client() as client:
            results = await asyncio.gather(
                *(client.accounts.get(user_id) for _ in range(5000)), return_exceptions=True
            )
    assert [r for r in results if isinstance(r, BaseException)] == []
    assert server.calls["Accounts.Get"] == 5000  # nothing cancelled, nothing retried


class FromServer:
    """A credentials source that, asked to refresh, reads the server's current admin key."""

    def __init__(self, server: LocalServer) -> None:
        self.server = server
        self.current = Credentials(server.access_key, server.secret_key)

    async def get(self) -> Credentials:
        return self.current

    async def refresh(self) -> Credentials:
        self.current = Credentials(self.server.access_key, self.server.secret_key)
        return self.current


async def test_retries_pacing_and_refresh_are_logged_without_secrets(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger="aiosdm")
    async with LocalServer() as server:
        user_id = await a_user(server)
        first_secret = server.secret_key
        credentials = FromServer(server)
        async with Client(
            credentials=credentials, host=server.host, insecure=True, retry_sleep=NoWait()
        ) as client:
            server.faults.add("Accounts.Get", grpc.StatusCode.INTERNAL, count=2)
            await client.accounts.get(user_id)
            server.rate_limit = RateLimit(10, 0.5)
            await asyncio.gather(*(client.accounts.get(user_id) for _ in range(30)))
            server.rate_limit = None
            await server.rotate_api_key(server.access_key)
            await client.accounts.get(user_id)
        second_secret = server.secret_key
    records = [r for r in caplog.records if not r.name.startswith("aiosdm.testing")]
    retries = [r for r in records if r.name == "aiosdm.retry" and r.levelno == logging.DEBUG]
    assert len(retries) >= 2
    assert "Accounts.Get" in retries[0].getMessage() and "INTERNAL" in retries[0].getMessage()
    paced = [r for r in records if r.name == "aiosdm.pacing"]
    assert paced and all(r.levelno == logging.INFO for r in paced)
    assert "rate limit on bucket" in paced[0].getMessage()
    refreshed = [r for r in records if r.name == "aiosdm.credentials"]
    assert [r.levelno for r in refreshed] == [logging.WARNING]
    assert "Accounts.Get" in refreshed[0].getMessage()
    for secret in (first_secret, second_secret):
        assert secret not in caplog.text
