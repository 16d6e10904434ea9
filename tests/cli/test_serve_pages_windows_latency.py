"""Issue 12's test gaps, against a real ``aiosdm serve`` process: bugs that once passed every
test. History pages that skip the row after each cursor, snapshot reads of account resources
that judge grant windows at "now", and ``--latency`` that delays no call (or every call).
The in-process suites go further: tests/testing/test_page_boundaries.py,
test_snapshot_grant_windows.py and test_faults.py."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import grpc
import grpc.aio
import pytest

from aiosdm import AccountAttachment, AccountGrant, Client, RawTCP, Role, User
from aiosdm._generated.v1 import accounts_pb2, activities_pb2, roles_history_pb2, roles_pb2
from aiosdm.testing import WireClient

from .._serve import serving, wire_client

strongdm = pytest.importorskip("strongdm")

#: Every call is one loopback round trip: far more than enough, and never forever.
CALL_TIMEOUT = 30
PAGE_SIZE, MAX_PAGE_SIZE = 3, 5
#: A cursor that never ends fails the test instead of hanging it.
MAX_PAGES = 50


async def _pages(wire: WireClient, method: str, request: Any, items: str) -> list[list[Any]]:
    pages: list[list[Any]] = []
    for _ in range(MAX_PAGES):
        reply = await asyncio.wait_for(wire.call(method, request), CALL_TIMEOUT)
        pages.append(list(getattr(reply, items)))
        if not reply.meta.next_cursor:
            return pages
        request.meta.cursor = reply.meta.next_cursor
    raise AssertionError(f"{method}: still a cursor after {MAX_PAGES} pages")


def _split(rows: list[Any], size: int) -> list[list[Any]]:
    """``rows`` in full pages of ``size`` and the rest (the server looks one row ahead, so
    there is no trailing empty page)."""
    return [rows[at : at + size] for at in range(0, len(rows), size)] or [[]]


async def test_history_and_activity_pages_hold_every_write_once(tmp_path: Path) -> None:
    sizes = ("--page-size", str(PAGE_SIZE), "--max-page-size", str(MAX_PAGE_SIZE))
    async with serving(tmp_path, *sizes) as (_, creds), wire_client(creds) as wire:
        versions: list[tuple[str, str, bool]] = []
        for i in range(4):
            made = await wire.call(
                "Roles.Create", roles_pb2.RoleCreateRequest(role={"name": f"r{i}"})
            )
            versions.append((made.role.id, f"r{i}", False))
        first, second = versions[0][0], versions[1][0]
        update = roles_pb2.RoleUpdateRequest(id=first, role={"id": first, "name": "r0-renamed"})
        await wire.call("Roles.Update", update)
        versions.append((first, "r0-renamed", False))
        await wire.call("Roles.Delete", roles_pb2.RoleDeleteRequest(id=second))
        versions.append((second, "r1", True))
        verbs = ["role created"] * 4 + ["role updated", "role deleted"]

        for limit, size in [(1, 1), (2, 2), (4, 4), (0, PAGE_SIZE), (1000, MAX_PAGE_SIZE)]:
            history = roles_history_pb2.RoleHistoryListRequest()
            history.meta.limit = limit
            pages = await _pages(wire, "RolesHistory.List", history, "history")
            seen = [[(r.role.id, r.role.name, r.HasField("deleted_at")) for r in p] for p in pages]
            assert seen == _split(versions, size), limit
            activities = activities_pb2.ActivityListRequest()
            activities.meta.limit = limit
            pages = await _pages(wire, "Activities.List", activities, "activities")
            assert [[a.verb for a in page] for page in pages] == _split(verbs, size), limit


async def test_account_resources_at_a_snapshot_judge_grants_at_that_time(tmp_path: Path) -> None:
    now = datetime.now(UTC)
    later = now + timedelta(hours=2)
    async with serving(tmp_path) as (_, creds):
        client = Client(creds["access_key"], creds["secret_key"], host=creds["host"], insecure=True)
        async with client:
            user = (
                await client.accounts.create(User(email="w@x.io", first_name="W", last_name="X"))
            ).account
            ending, starting, by_role = [
                (await client.resources.create(tcp)).resource
                for tcp in (
                    RawTCP(name="ends-in-an-hour", hostname="h1", port=1),
                    RawTCP(name="starts-in-an-hour", hostname="h2", port=2),
                    RawTCP(name="by-role", hostname="h3", port=3, tags={"reach": "always"}),
                )
            ]
            assert user is not None and ending and starting and by_role
            role = await client.roles.create(
                Role(name="reach", access_rules=[{"tags": {"reach": "always"}}])
            )
            await client.account_attachments.create(
                AccountAttachment(account_id=user.id, role_id=role.role.id)
            )
            # In force now, over at the snapshot; and not yet in force now, in force then.
            for resource, start, until in (
                (ending, now - timedelta(minutes=1), now + timedelta(hours=1)),
                (starting, now + timedelta(hours=1), now + timedelta(hours=3)),
            ):
                await client.account_grants.create(
                    AccountGrant(
                        account_id=user.id,
                        resource_id=resource.id,
                        start_from=start,
                        valid_until=until,
                    )
                )
            current = {r.resource_id async for r in client.account_resources.list("")}
            at_later = client.snapshot_at(later).account_resources.list("")
            then = {r.resource_id async for r in at_later}

        def official() -> tuple[set[str], set[str]]:
            sdk = strongdm.Client(
                creds["access_key"], creds["secret_key"], host=creds["host"], insecure=True
            )
            try:
                return (
                    {r.resource_id for r in sdk.account_resources.list("")},
                    {r.resource_id for r in sdk.snapshot_at(later).account_resources.list("")},
                )
            finally:
                sdk.close()

        theirs = await asyncio.to_thread(official)
    assert current == {ending.id, by_role.id}  # the other grant starts in an hour
    assert then == {starting.id, by_role.id}  # two hours on, the first grant has ended
    assert theirs == (current, then)


async def _timed(wire: WireClient, method: str, request: Any) -> float:
    started = time.monotonic()
    await asyncio.wait_for(wire.call(method, request), CALL_TIMEOUT)
    return time.monotonic() - started


#: Large enough that a call without it is done well before a call with it: a check of
#: which calls are delayed, not a measure of speed.
SLOW = 1.0


async def test_latency_from_the_command_line_delays_the_calls_it_names(tmp_path: Path) -> None:
    latency = ("--latency", f"Roles.*:{SLOW}", "--latency", "Accounts.Get:0.05")
    accounts = accounts_pb2.AccountListRequest()
    async with serving(tmp_path, *latency) as (_, creds), wire_client(creds) as wire:
        await wire.call("Accounts.List", accounts)  # connected: calls below wait on the server
        roles = asyncio.create_task(_timed(wire, "Roles.List", roles_pb2.RoleListRequest()))
        try:
            await asyncio.sleep(SLOW / 5)  # the Roles call is in the server first
            await asyncio.wait_for(wire.call("Accounts.List", accounts), CALL_TIMEOUT)
            # The call no latency names came back while the one named still waits (were
            # both delayed alike, the Roles call, sent first, would be back first).
            assert not roles.done()
            assert await roles >= SLOW
        finally:
            roles.cancel()
        get = accounts_pb2.AccountGetRequest(id="a-nobody")
        started = time.monotonic()
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await asyncio.wait_for(wire.call("Accounts.Get", get), CALL_TIMEOUT)
        assert caught.value.code() == grpc.StatusCode.NOT_FOUND
        assert time.monotonic() - started >= 0.05  # the second --latency holds too
