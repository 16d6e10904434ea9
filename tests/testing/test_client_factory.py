"""``LocalServer.client()`` hands out an aiosdm client wired to the server."""

from __future__ import annotations

from aiosdm._generated.models import User
from aiosdm.testing import LocalServer


async def test_client_talks_to_the_server(server: LocalServer) -> None:
    async with server.client() as client:
        created = await client.accounts.create(
            User(email="c@example.com", first_name="C", last_name="D")
        )
        listed = [account.id async for account in client.accounts.list("type:user")]
    assert listed == [created.account.id]
    assert server.calls["Accounts.Create"] == 1
