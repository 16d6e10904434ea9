"""``kill -9`` of ``aiosdm serve`` during 1,000 concurrent writes loses no acknowledged one."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path
from typing import Any

import grpc
import grpc.aio

from aiosdm._generated.v1 import accounts_history_pb2, accounts_pb2, activities_pb2
from aiosdm.testing import WireClient

from .._serve import serving, wire_client

WRITES = 1000
KILL_AFTER = 300


async def _list_all(wire: WireClient, method: str, request: Any, field: str) -> list[Any]:
    items: list[Any] = []
    request.meta.limit = 1000
    while True:
        reply = await wire.call(method, request)
        items.extend(getattr(reply, field))
        if not reply.meta.next_cursor:
            return items
        request.meta.cursor = reply.meta.next_cursor


async def test_kill_9_during_concurrent_writes_keeps_every_acknowledged_one(
    tmp_path: Path,
) -> None:
    db = ("--db", str(tmp_path / "cp.db"))
    acked: list[str] = []
    failed = 0
    async with serving(tmp_path, *db) as (proc, creds):
        async with wire_client(creds) as wire:

            async def create(i: int) -> None:
                nonlocal failed
                request = accounts_pb2.AccountCreateRequest()
                user = request.account.user
                user.email, user.first_name, user.last_name = f"u{i}@example.com", "U", str(i)
                try:
                    reply = await wire.call("Accounts.Create", request)
                except grpc.aio.AioRpcError:
                    failed += 1
                    return
                acked.append(reply.account.user.id)
                if len(acked) == KILL_AFTER:
                    proc.send_signal(signal.SIGKILL)

            await asyncio.gather(*(create(i) for i in range(WRITES)))
        assert await proc.wait() == -signal.SIGKILL
    assert len(acked) >= KILL_AFTER and failed > 0

    async with serving(tmp_path, *db) as (proc, again):
        assert again["access_key"] == creds["access_key"]  # the admin key survived too
        async with wire_client(again) as wire:
            accounts = await _list_all(
                wire, "Accounts.List", accounts_pb2.AccountListRequest(), "accounts"
            )
            present = {a.user.id for a in accounts}
            assert set(acked) <= present
            history = await _list_all(
                wire,
                "AccountsHistory.List",
                accounts_history_pb2.AccountHistoryListRequest(),
                "history",
            )
            # One creation record per stored account, each with its activity.
            assert sorted(h.account.user.id for h in history) == sorted(present)
            sample = history[len(history) // 2]
            activity = await wire.call(
                "Activities.Get", activities_pb2.ActivityGetRequest(id=sample.activity_id)
            )
            assert [e.id for e in activity.activity.entities] == [sample.account.user.id]
            # The recovered store takes writes again.
            request = accounts_pb2.AccountCreateRequest()
            request.account.user.email = "after@example.com"
            request.account.user.first_name = request.account.user.last_name = "A"
            await wire.call("Accounts.Create", request)
        proc.send_signal(signal.SIGTERM)
        assert await proc.wait() == 0
