"""Bad input on purpose: every request the store could not keep, or a client could not read
back, is INVALID_ARGUMENT with one line naming the field, and nothing is stored."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import grpc
import grpc.aio
import pytest

from aiosdm._generated.v1 import (
    account_grants_pb2,
    accounts_pb2,
    nodes_pb2,
    roles_pb2,
)
from aiosdm.testing import LocalServer, WireClient

YEAR_36812 = 1_099_511_627_776  # seconds: past 9999-12-31
HUGE = 2**62


def _grant(**window: Any) -> account_grants_pb2.AccountGrantCreateRequest:
    request = account_grants_pb2.AccountGrantCreateRequest()
    request.account_grant.account_id, request.account_grant.resource_id = "a-1", "rs-1"
    for name, (seconds, nanos) in window.items():
        stamp = getattr(request.account_grant, name)
        stamp.seconds, stamp.nanos = seconds, nanos
    return request


def _token(seconds: int) -> accounts_pb2.AccountCreateRequest:
    request = accounts_pb2.AccountCreateRequest()
    request.account.token.name = "t"
    request.account.token.duration.seconds = seconds
    return request


def _snapshot_list(seconds: int) -> roles_pb2.RoleListRequest:
    request = roles_pb2.RoleListRequest()
    request.meta.snapshot_at.seconds = seconds
    return request


def _role(name: str = "r", rules: str = "") -> roles_pb2.RoleCreateRequest:
    request = roles_pb2.RoleCreateRequest()
    request.role.name, request.role.access_rules = name, rules
    return request


def _probe(host: str) -> nodes_pb2.NodeTCPProbeRequest:
    return nodes_pb2.NodeTCPProbeRequest(node_id="n-1", host=host, port=22)


CASES: list[tuple[str, str, Callable[[], Any], str]] = [
    (
        "grant-after-year-9999",
        "AccountGrants.Create",
        lambda: _grant(start_from=(YEAR_36812, 0)),
        "account_grant.start_from: a time between 0001-01-01 and 9999-12-31",
    ),
    (
        "grant-before-year-1",
        "AccountGrants.Create",
        lambda: _grant(valid_until=(-YEAR_36812, 0)),
        "account_grant.valid_until: a time between",
    ),
    (
        "negative-nanos",
        "AccountGrants.Create",
        lambda: _grant(start_from=(1_700_000_000, -5)),
        "account_grant.start_from: a time between",
    ),
    (
        "token-duration-2^62s",
        "Accounts.Create",
        lambda: _token(HUGE),
        "account.token.duration: a duration of at most 10,000 years",
    ),
    (
        "snapshot-at-2^62s",
        "Roles.List",
        lambda: _snapshot_list(HUGE),
        "meta.snapshot_at: a time between",
    ),
    (
        "access-rules-10000-deep",
        "Roles.Create",
        lambda: _role(rules="[" * 10_000 + "]" * 10_000),
        "access_rules is nested more than 16 levels deep",
    ),
    ("name-too-long", "Roles.Create", lambda: _role(name="n" * 10_000), "role.name: at most 255"),
    (
        "name-with-nul",
        "Roles.Create",
        lambda: _role(name="a\x00b"),
        "role.name: must not contain NUL",
    ),
    (
        "probe-64-char-label",
        "Nodes.TCPProbe",
        lambda: _probe("a" * 64 + ".example"),
        "not a valid host name",
    ),
    (
        "probe-nul-host",
        "Nodes.TCPProbe",
        lambda: _probe("db\x00.internal"),
        "host: must not contain NUL",
    ),
]


@pytest.mark.parametrize(
    ("method", "build", "says"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
async def test_bad_input_is_invalid_argument_naming_the_field(
    server: LocalServer, wire: WireClient, method: str, build: Callable[[], Any], says: str
) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await wire.call(method, build())
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert says in (caught.value.details() or "")
    # Nothing was stored, and every list still reads in both directions.
    async with server.client() as client:
        assert [g async for g in client.account_grants.list("")] == []
        assert [r async for r in client.account_resources.list("")] == []
        assert [r.name async for r in client.roles.list("")] == []
