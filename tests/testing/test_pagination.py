"""Cursors under concurrent writes: what exists throughout a listing is listed exactly once."""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import zlib
from typing import Any

import grpc
import grpc.aio
import pytest

from aiosdm._generated.v1 import (
    accounts_history_pb2,
    accounts_pb2,
    activities_pb2,
    managed_secrets_pb2,
)
from aiosdm.testing import WireClient


def _create_request(email: str) -> accounts_pb2.AccountCreateRequest:
    request = accounts_pb2.AccountCreateRequest()
    request.account.user.email, request.account.user.first_name = email, "F"
    request.account.user.last_name = "L"
    return request


async def _create(wire: WireClient, email: str) -> Any:
    return (await wire.call("Accounts.Create", _create_request(email))).account


@pytest.mark.parametrize("filter_text", ["", "email:stable*"])
async def test_every_stable_item_exactly_once_while_writes_happen(
    wire: WireClient, filter_text: str
) -> None:
    stable = [await _create(wire, f"stable{i}@example.com") for i in range(120)]
    doomed = [await _create(wire, f"doomed{i}@example.com") for i in range(60)]
    counter = itertools.count()
    stop = asyncio.Event()
    writes = 0

    async def writer() -> None:
        # Creates, updates and deletes as fast as the server takes them.
        nonlocal writes
        while not stop.is_set():
            n = next(counter)
            await _create(wire, f"new{n}@example.com")
            if n < len(doomed):
                await wire.call(
                    "Accounts.Delete", accounts_pb2.AccountDeleteRequest(id=doomed[n].user.id)
                )
            update = accounts_pb2.AccountUpdateRequest()
            update.account.CopyFrom(stable[n % len(stable)])
            update.account.user.first_name = f"F{n}"
            await wire.call("Accounts.Update", update)
            writes += 1

    seen: list[str] = []
    task = asyncio.create_task(writer())
    try:
        request = accounts_pb2.AccountListRequest(filter=filter_text)
        request.meta.limit = 7
        while True:
            reply = await wire.call("Accounts.List", request)
            seen.extend(a.user.id for a in reply.accounts)
            # Let the writer in between every page, whatever the scheduling.
            await asyncio.sleep(0)
            if not reply.meta.next_cursor:
                break
            request.meta.cursor = reply.meta.next_cursor
    finally:
        stop.set()
        await task
    assert writes > 0
    assert len(seen) == len(set(seen))
    assert {a.user.id for a in stable} <= set(seen)


async def test_history_pages_do_not_skip_or_repeat(wire: WireClient) -> None:
    for i in range(25):
        await _create(wire, f"h{i}@example.com")
    request = accounts_history_pb2.AccountHistoryListRequest()
    request.meta.limit = 4
    seen: list[str] = []
    while True:
        reply = await wire.call("AccountsHistory.List", request)
        seen.extend(h.activity_id for h in reply.history)
        await _create(wire, f"late{len(seen)}@example.com")
        if not reply.meta.next_cursor:
            break
        request.meta.cursor = reply.meta.next_cursor
    assert len(seen) == len(set(seen)) >= 25


async def test_limits_and_cursor_validation(wire: WireClient) -> None:
    for i in range(60):
        await _create(wire, f"p{i}@example.com")
    reply = await wire.call("Accounts.List", accounts_pb2.AccountListRequest())
    assert len(reply.accounts) == 50 and reply.meta.next_cursor  # the default page size

    request = accounts_pb2.AccountListRequest()
    request.meta.limit = 10**6  # clamped to the maximum, not refused
    assert len((await wire.call("Accounts.List", request)).accounts) == 60

    forged = accounts_pb2.AccountListRequest()
    forged.meta.cursor = "not-a-cursor"
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await wire.call("Accounts.List", forged)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT

    # A cursor only continues the listing it came from.
    other = accounts_pb2.AccountListRequest(filter="type:user")
    other.meta.cursor = reply.meta.next_cursor
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await wire.call("Accounts.List", other)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT


def _moved(cursor: str, position: str) -> str:
    """``cursor`` resumed at another position (the listing it belongs to unchanged)."""
    padded = cursor + "=" * (-len(cursor) % 4)
    decoded = json.loads(base64.urlsafe_b64decode(padded))
    decoded["a"] = position
    raw = json.dumps(decoded, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


@pytest.mark.parametrize("position", ["9" * 40, "٣", "-1", "1e3"])
@pytest.mark.parametrize(
    ("method", "request_type"),
    [
        ("AccountsHistory.List", accounts_history_pb2.AccountHistoryListRequest),
        ("Activities.List", activities_pb2.ActivityListRequest),
        ("ManagedSecrets.Logs", managed_secrets_pb2.ManagedSecretLogsRequest),
    ],
)
async def test_a_cursor_at_no_row_is_a_bad_request(
    wire: WireClient, method: str, request_type: Any, position: str
) -> None:
    for i in range(3):
        await _create(wire, f"log{i}@example.com")
    first = request_type()
    first.meta.limit = 1
    reply = await wire.call(method, first)
    # Logs of managed secrets are empty here: take the cursor shape from a fresh one.
    cursor = reply.meta.next_cursor or _cursor_of(method, first.filter)
    again = request_type()
    again.meta.limit = 1
    again.meta.cursor = _moved(cursor, position)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await wire.call(method, again)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "invalid cursor" in (caught.value.details() or "")


def _cursor_of(method: str, filter_text: str) -> str:
    fingerprint = f"{zlib.crc32(f'{method}|{filter_text}'.encode()):08x}"
    raw = json.dumps({"a": "1", "q": fingerprint}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")
