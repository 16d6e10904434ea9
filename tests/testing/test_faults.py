"""Fault injection: errors after (or before) the work, counts, rates and latency."""

from __future__ import annotations

import asyncio
import time
from asyncio import FIRST_COMPLETED
from typing import Any

import grpc
import grpc.aio
import pytest
from google.rpc import status_pb2

from aiosdm._generated.v1 import accounts_pb2, roles_pb2, spec_pb2
from aiosdm.testing import RATE_LIMIT_TYPE_URL, Faults, LocalServer, WireClient


def _role(name: str) -> roles_pb2.RoleCreateRequest:
    request = roles_pb2.RoleCreateRequest()
    request.role.name = name
    return request


async def _names(wire: WireClient) -> list[str]:
    reply = await wire.call("Roles.List", roles_pb2.RoleListRequest())
    return [r.name for r in reply.roles]


async def test_fault_after_commit_means_the_write_happened(
    server: LocalServer, wire: WireClient
) -> None:
    server.faults.add("Roles.Create", grpc.StatusCode.UNAVAILABLE, count=1)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await wire.call("Roles.Create", _role("kept"))
    assert caught.value.code() == grpc.StatusCode.UNAVAILABLE
    assert await _names(wire) == ["kept"]
    # A client retrying blindly now duplicates (here: a uniqueness error).
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await wire.call("Roles.Create", _role("kept"))
    assert caught.value.code() == grpc.StatusCode.ALREADY_EXISTS
    assert server.faults.injected[("Roles.Create", "UNAVAILABLE")] == 1


async def test_fault_before_commit_leaves_no_trace(server: LocalServer, wire: WireClient) -> None:
    server.faults.add("Roles.*", grpc.StatusCode.INTERNAL, count=2, after_commit=False)
    for name in ("a", "b"):
        with pytest.raises(grpc.aio.AioRpcError):
            await wire.call("Roles.Create", _role(name))
    assert await _names(wire) == []
    await wire.call("Roles.Create", _role("c"))
    assert await _names(wire) == ["c"]


async def test_injected_rate_limit_has_the_wire_detail(
    server: LocalServer, wire: WireClient
) -> None:
    server.faults.add("*", grpc.StatusCode.RESOURCE_EXHAUSTED, count=1, after_commit=False)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await wire.call("Roles.List", roles_pb2.RoleListRequest())
    trailers = dict(caught.value.trailing_metadata() or ())
    status = status_pb2.Status.FromString(trailers["grpc-status-details-bin"])
    assert [d.type_url for d in status.details] == [RATE_LIMIT_TYPE_URL]
    assert spec_pb2.RateLimitMetadata.FromString(status.details[0].value).bucket == "injected"


def test_rates_are_reproducible_with_a_seed() -> None:
    def run(seed: int) -> list[bool]:
        faults = Faults(seed)
        faults.add("A.B", grpc.StatusCode.UNAVAILABLE, rate=0.3)
        return [faults.draw("A.B") is not None for _ in range(200)]

    first = run(7)
    assert first == run(7)
    assert 30 < sum(first) < 90
    assert first != run(8)


async def _timed(wire: WireClient, method: str, request: Any) -> float:
    """Seconds one call took, as the client saw it."""
    started = time.monotonic()
    await wire.call(method, request)
    return time.monotonic() - started


#: Large enough that a call without it is done well before a call with it: a check of
#: which calls are delayed, not a measure of speed.
SLOW = 1.0


async def test_latency_applies_to_matching_methods_only(
    server: LocalServer, wire: WireClient
) -> None:
    server.faults.set_latency("Roles.*", SLOW)
    server.faults.set_latency("*", 0.05)
    assert server.faults.latency("Roles.List") == pytest.approx(SLOW + 0.05)
    assert server.faults.latency("Accounts.List") == pytest.approx(0.05)

    roles = asyncio.create_task(_timed(wire, "Roles.List", roles_pb2.RoleListRequest()))
    accounts = asyncio.create_task(_timed(wire, "Accounts.List", accounts_pb2.AccountListRequest()))
    # Sent together, the call only "*" matches ends first; each took at least its latency.
    done, _ = await asyncio.wait({roles, accounts}, timeout=60, return_when=FIRST_COMPLETED)
    assert done == {accounts}
    assert accounts.result() >= 0.05
    assert await asyncio.wait_for(roles, 60) >= SLOW + 0.05

    server.faults.clear()
    assert server.faults.latency("Roles.List") == 0
    # The delay is gone: now a Roles call ends before an Accounts one that waits SLOW / 2
    # (with the old delays still there, the Roles one would wait twice as long).
    server.faults.set_latency("Accounts.*", SLOW / 2)
    roles = asyncio.create_task(_timed(wire, "Roles.List", roles_pb2.RoleListRequest()))
    accounts = asyncio.create_task(_timed(wire, "Accounts.List", accounts_pb2.AccountListRequest()))
    done, _ = await asyncio.wait({roles, accounts}, timeout=60, return_when=FIRST_COMPLETED)
    assert done == {roles}
    assert await asyncio.wait_for(accounts, 60) >= SLOW / 2
