"""``LocalServer.seed``: bulk setup that behaves like the Create calls it stands for."""

from __future__ import annotations

import grpc
import pytest

from aiosdm._generated.models import AccountAttachment, ManagedSecret, RawTCP, Role, User
from aiosdm._generated.v1 import account_resources_pb2, accounts_history_pb2, accounts_pb2
from aiosdm.testing import LocalServer, ServiceError, WireClient


async def test_seeded_entities_are_real(server: LocalServer, wire: WireClient) -> None:
    users = await server.seed(
        User(email=f"s{i}@example.com", first_name="S", last_name=str(i)) for i in range(300)
    )
    [resource, role] = await server.seed(
        [
            RawTCP(name="tcp", hostname="h", port=1),
            Role(name="all", access_rules=[{"type": "raw_tcp"}]),
        ]
    )
    await server.seed([AccountAttachment(account_id=users[0], role_id=role)])

    reply = await wire.call("Accounts.List", accounts_pb2.AccountListRequest(filter="email:s1*"))
    assert len(reply.accounts) == 50  # the default page: s1, s10..s19, s100..s199 and more
    request = account_resources_pb2.AccountResourceListRequest(filter=f"account_id:{users[0]}")
    reached = await wire.call("AccountResources.List", request)
    assert [r.resource_id for r in reached.account_resources] == [resource]
    history = await wire.call(
        "AccountsHistory.List", accounts_history_pb2.AccountHistoryListRequest()
    )
    assert len({h.activity_id for h in history.history}) == 1  # one transaction, one activity


async def test_seed_is_all_or_nothing(server: LocalServer, wire: WireClient) -> None:
    with pytest.raises(ServiceError) as caught:
        await server.seed([User(email="dup@example.com", first_name="A", last_name="B")] * 2)
    assert caught.value.code == grpc.StatusCode.ALREADY_EXISTS
    reply = await wire.call("Accounts.List", accounts_pb2.AccountListRequest())
    assert list(reply.accounts) == []
    with pytest.raises(ValueError, match="through the API"):
        await server.seed([ManagedSecret(name="x", secret_engine_id="eng-x")])
