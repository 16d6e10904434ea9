"""End to end: the key rotates under 200 calls in flight, and every call still succeeds.

The local control plane revokes key 1 while the secret in moto is switched to key 2.
The 200 calls were already started (parked in a gate interceptor, so this ordering is
deterministic); they go out signed with key 1, are rejected, share one refresh of the
provider and are retried once with key 2.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from aiobotocore.session import AioSession

from aiosdm.client import Client
from aiosdm.credentials import AwsSecretsManager
from aiosdm.interceptors import Call, Handler, Interceptor, Outbound
from aiosdm.testing import LocalServer

REGION = "us-east-1"
IN_FLIGHT = 200


class Gate(Interceptor):
    """Holds every call until ``opened`` is set; ``full`` is set once ``size`` wait."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.waiting = 0
        self.full = asyncio.Event()
        self.opened = asyncio.Event()
        self.opened.set()

    def intercept(self, next: Handler) -> Handler:
        return _GateOutbound(next, self)


class _GateOutbound(Outbound):
    def __init__(self, next: Handler, gate: Gate) -> None:
        super().__init__(next)
        self.gate = gate

    async def unary(self, call: Call) -> Any:
        gate = self.gate
        if not gate.opened.is_set():
            gate.waiting += 1
            if gate.waiting == gate.size:
                gate.full.set()
            await gate.opened.wait()
        return await self.next.unary(call)


async def put_secret(session: Any, url: str, key: Any, *, create: bool = False) -> None:
    value = json.dumps({"access_key": key.access_key, "secret_key": key.secret_key})
    async with session.create_client("secretsmanager", endpoint_url=url) as client:
        if create:
            await client.create_secret(Name="strongdm/api", SecretString=value)
        else:
            await client.put_secret_value(SecretId="strongdm/api", SecretString=value)


async def roles(client: Client) -> list[Any]:
    return [role async for role in client.roles.list("")]


async def test_rotation_with_calls_in_flight(fresh_moto: str) -> None:
    session = AioSession()
    session.set_credentials("AKIAEXAMPLE000000001", "not-real")
    session.set_config_variable("region", REGION)
    gate = Gate(IN_FLIGHT)
    async with LocalServer() as server:
        key1 = await server.create_api_key(name="app")
        key2 = await server.create_api_key(name="app-next")
        await put_secret(session, fresh_moto, key1, create=True)
        async with (
            AwsSecretsManager(
                "strongdm/api", session=session, endpoint_url=fresh_moto, region_name=REGION
            ) as provider,
            Client(
                credentials=provider,
                host=server.host,
                insecure=True,
                interceptors=[gate],
                max_in_flight=IN_FLIGHT,  # all of them at the gate at once (default: 64)
            ) as client,
        ):
            assert await roles(client) == []
            assert provider.fetch_count == 1

            gate.opened.clear()
            calls = [asyncio.ensure_future(roles(client)) for _ in range(IN_FLIGHT)]
            await gate.full.wait()  # all 200 calls are in flight
            await server.revoke_api_key(key1.access_key)
            await put_secret(session, fresh_moto, key2)
            gate.opened.set()
            results = await asyncio.gather(*calls)

            assert results == [[]] * IN_FLIGHT  # every call succeeded
            assert provider.fetch_count == 2  # the provider refreshed exactly once
            assert (await provider.get()).access_key == key2.access_key
            # 1 warm-up + 200 rejected with key 1 + 200 retried with key 2
            assert server.calls["Roles.List"] == 1 + 2 * IN_FLIGHT
