"""Credential refresh: one refresh for many rejected calls, then one more attempt each."""

from __future__ import annotations

import asyncio
import base64
from typing import Any

import grpc
import pytest

from aiosdm import _signing, errors
from aiosdm._generated import models as M
from aiosdm.client import Client
from aiosdm.credentials import Credentials

from ..client._servers import Abort, Received, ScriptedServer, plain_answer

OLD = Credentials("old-key", base64.b64encode(b"old secret").decode())
NEW = Credentials("new-key", base64.b64encode(b"new secret").decode())


class Rotating:
    """Serves OLD until refreshed; refresh waits for ``gate`` so callers pile up."""

    def __init__(self, *, fail: bool = False) -> None:
        self.current = OLD
        self.refreshes = 0
        self.fail = fail
        self.gate = asyncio.Event()
        self.gate.set()

    async def get(self) -> Credentials:
        return self.current

    async def refresh(self) -> Credentials:
        self.refreshes += 1
        await self.gate.wait()
        if self.fail:
            raise RuntimeError("secret store unreachable")
        self.current = NEW
        return self.current


class KeyCheckingServer:
    """Accepts only calls signed with one of ``valid``; others get UNAUTHENTICATED."""

    def __init__(
        self, *valid: Credentials, code: grpc.StatusCode = grpc.StatusCode.UNAUTHENTICATED
    ):
        self.valid = {c.access_key: c for c in valid}
        self.code = code

    async def __call__(self, received: Received) -> Any:
        credentials = self.valid.get(received.header("x-sdm-authentication"))
        if credentials is not None:
            key = _signing.derive_key(credentials.secret_bytes, _signing.utc_day())
            expected = _signing.sign(key, received.spec.signing_name, received.body)
            if received.header("x-sdm-signature") == expected:
                return await plain_answer(received)
        raise Abort(self.code, "invalid signature")


def connect(server: ScriptedServer, provider: Rotating, **kw: Any) -> Client:
    return Client(credentials=provider, host=server.target, insecure=True, **kw)


async def test_many_rejected_calls_share_one_refresh() -> None:
    provider = Rotating()
    provider.gate.clear()
    async with (
        ScriptedServer(KeyCheckingServer(NEW)) as server,
        connect(server, provider) as client,
    ):
        calls = [asyncio.ensure_future(client.accounts.get(f"a-{n}")) for n in range(20)]
        await asyncio.wait_for(server.wait_received(20), 10)
        provider.gate.set()
        await asyncio.gather(*calls)
    assert provider.refreshes == 1
    keys = [r.header("x-sdm-authentication") for r in server.received]
    assert sorted(keys) == ["new-key"] * 20 + ["old-key"] * 20


async def test_a_write_is_retried_once_after_refresh() -> None:
    provider = Rotating()
    async with (
        ScriptedServer(KeyCheckingServer(NEW)) as server,
        connect(server, provider) as client,
    ):
        await client.roles.create(M.Role(name="r"))
    assert [r.header("x-sdm-authentication") for r in server.received] == ["old-key", "new-key"]


async def test_still_rejected_after_refresh_raises() -> None:
    provider = Rotating()
    async with ScriptedServer(KeyCheckingServer()) as server, connect(server, provider) as client:
        with pytest.raises(errors.AuthenticationError):
            await client.accounts.get("a-1")
    assert len(server.received) == 2
    assert provider.refreshes == 1


async def test_a_failed_refresh_reports_the_rejection() -> None:
    provider = Rotating(fail=True)
    async with (
        ScriptedServer(KeyCheckingServer(NEW)) as server,
        connect(server, provider) as client,
    ):
        with pytest.raises(errors.AuthenticationError) as caught:
            await client.accounts.get("a-1")
    assert isinstance(caught.value.__cause__, RuntimeError)
    assert len(server.received) == 1


async def test_what_counts_as_expired_is_pluggable() -> None:
    provider = Rotating()
    server_side = KeyCheckingServer(NEW, code=grpc.StatusCode.PERMISSION_DENIED)
    async with (
        ScriptedServer(server_side) as server,
        connect(server, provider, expired=lambda e: e.code == 7) as client,
    ):
        await client.accounts.get("a-1")
    assert provider.refreshes == 1
    assert len(server.received) == 2


async def test_after_a_failed_refresh_the_next_rejected_call_refreshes_again() -> None:
    provider = Rotating(fail=True)
    async with (
        ScriptedServer(KeyCheckingServer(NEW)) as server,
        connect(server, provider) as client,
    ):
        with pytest.raises(errors.AuthenticationError):
            await client.accounts.get("a-1")
        provider.fail = False
        await client.accounts.get("a-2")
    assert provider.refreshes == 2
    keys = [r.header("x-sdm-authentication") for r in server.received]
    assert keys == ["old-key", "old-key", "new-key"]
