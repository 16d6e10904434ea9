"""A snapshot judges grant windows at the snapshot's time, not at the time of the call.

An account resource of a time-bounded grant is stored with its window and filtered when
read, so a snapshot read must filter at the snapshot's instant. A snapshot later than now
shows it without waiting: the rows stored now are the rows then, and only the windows
decide. Both SDKs read the same answer.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from aiosdm import AccountAttachment, AccountGrant, Client, RawTCP, Role, User
from aiosdm.testing import ThreadedServer

Official = Callable[..., Any]


async def test_account_resources_at_a_snapshot_use_that_time(
    threaded: ThreadedServer, official: Official
) -> None:
    now = datetime.now(UTC)
    later = now + timedelta(hours=2)
    user, ending, starting, by_role = threaded.call(
        threaded.server.seed,
        [
            User(email="w@example.com", first_name="W", last_name="X"),
            RawTCP(name="ends-in-an-hour", hostname="h1", port=1),
            RawTCP(name="starts-in-an-hour", hostname="h2", port=2),
            RawTCP(name="by-role", hostname="h3", port=3, tags={"reach": "always"}),
        ],
    )
    reach = Role(name="reach", access_rules=[{"tags": {"reach": "always"}}])
    [role] = threaded.call(threaded.server.seed, [reach])
    threaded.call(threaded.server.seed, [AccountAttachment(account_id=user, role_id=role)])
    async with Client(
        threaded.access_key, threaded.secret_key, host=threaded.host, insecure=True
    ) as client:
        # In force now, over at the snapshot:
        await client.account_grants.create(
            AccountGrant(
                account_id=user,
                resource_id=ending,
                start_from=now - timedelta(minutes=1),
                valid_until=now + timedelta(hours=1),
            )
        )
        # Not yet in force now, in force at the snapshot:
        await client.account_grants.create(
            AccountGrant(
                account_id=user,
                resource_id=starting,
                start_from=now + timedelta(hours=1),
                valid_until=now + timedelta(hours=3),
            )
        )
        current = {r.resource_id async for r in client.account_resources.list("")}
        then = {r.resource_id async for r in client.snapshot_at(later).account_resources.list("")}
    assert current == {ending, by_role}
    assert then == {starting, by_role}

    sdk = official()
    assert {r.resource_id for r in sdk.account_resources.list("")} == current
    assert {r.resource_id for r in sdk.snapshot_at(later).account_resources.list("")} == then
