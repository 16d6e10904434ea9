"""The test controls on the wire: ``ControlClient`` files and decides access requests on a
running server, signed with an admin key; other keys, bad input and servers without
the controls get clear typed errors."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import grpc
import grpc.aio
import pytest

import aiosdm
from aiosdm import errors
from aiosdm._generated.v1 import access_requests_pb2
from aiosdm.credentials import StaticCredentials
from aiosdm.testing import ControlClient, LocalServer, WireClient

HOUR = timedelta(hours=1)


@pytest.fixture
async def server() -> AsyncIterator[LocalServer]:
    async with LocalServer() as local:
        yield local


def _control(server: LocalServer, access_key: str = "", secret_key: str = "") -> ControlClient:
    credentials = StaticCredentials(
        access_key or server.access_key, secret_key or server.secret_key
    )
    return ControlClient(server.host, credentials, insecure=True, timeout=10)


async def _world(server: LocalServer) -> dict[str, str]:
    async with server.client() as client:
        ids = {}
        for name in ("alice", "bob"):
            user = aiosdm.User(email=f"{name}@example.com", first_name=name, last_name="X")
            ids[name] = (await client.accounts.create(user)).account.id
        db = aiosdm.RawTCP(name="prod-db", hostname="db", port=1, tags={"env": "prod"})
        ids["db"] = (await client.resources.create(db)).resource.id
        flow = aiosdm.Workflow(name="prod", access_rules=[{"tags": {"env": "prod"}}], enabled=True)
        ids["flow"] = (await client.workflows.create(flow)).workflow.id
        approver = aiosdm.WorkflowApprover(workflow_id=ids["flow"], account_id=ids["bob"])
        await client.workflow_approvers.create(approver)
        return ids


async def test_file_approve_deny_and_cancel_over_the_wire(server: LocalServer) -> None:
    ids = await _world(server)
    async with _control(server) as control:
        filed = await control.file_access_request(
            account_id=ids["alice"],
            workflow_id=ids["flow"],
            resource_id=ids["db"],
            reason="on call",
            duration=HOUR,
        )
        assert isinstance(filed, aiosdm.AccessRequest) and filed.status == "pending"
        approved = await control.approve_access_request(filed.id, approver_id=ids["bob"])
        assert approved.status == "approved" and approved.grant_id

        second = await control.file_access_request(
            account_id=ids["alice"], workflow_id=ids["flow"], resource_id=ids["db"], duration=HOUR
        )
        denied = await control.deny_access_request(second.id, approver_id=ids["bob"], comment="no")
        assert denied.status == "denied"
        third = await control.file_access_request(
            account_id=ids["alice"], workflow_id=ids["flow"], resource_id=ids["db"], duration=HOUR
        )
        with pytest.raises(errors.PermissionError, match="cannot decide its own request"):
            await control.approve_access_request(third.id, approver_id=ids["alice"])
        assert (await control.cancel_access_request(third.id)).status == "canceled"

        with pytest.raises(errors.NotFoundError, match="aw-missing"):
            await control.file_access_request(
                account_id=ids["alice"], workflow_id="aw-missing", resource_id=ids["db"]
            )
        with pytest.raises(errors.BadRequestError, match="duration is required"):
            await control.file_access_request(
                account_id=ids["alice"], workflow_id=ids["flow"], resource_id=ids["db"]
            )
        with pytest.raises(errors.BadRequestError, match="is canceled, not pending"):
            await control.approve_access_request(third.id, approver_id=ids["bob"])
    async with server.client() as client:
        statuses = {r.id: r.status async for r in client.access_requests.list("")}
        assert statuses == {filed.id: "approved", second.id: "denied", third.id: "canceled"}
        [grant] = [g async for g in client.account_grants.list("")]
        assert grant.access_request_id == filed.id
    assert server.calls["Control.FileAccessRequest"] == 5


async def test_only_admin_keys_may_use_the_controls(server: LocalServer) -> None:
    ids = await _world(server)
    key = await server.create_api_key(name="reader", admin=False)
    async with _control(server, key.access_key, key.secret_key) as control:
        with pytest.raises(errors.PermissionError, match="admin key"):
            await control.file_access_request(
                account_id=ids["alice"], workflow_id=ids["flow"], resource_id=ids["db"]
            )
    forged = StaticCredentials(server.access_key, "c2VjcmV0")
    async with ControlClient(server.host, forged, insecure=True) as control:
        with pytest.raises(errors.AuthenticationError):
            await control.cancel_access_request("aq-x")


async def _raw_decide(server: LocalServer, event: Any) -> grpc.StatusCode:
    """Send a decision exactly as given (the client never sends these)."""
    body = event.SerializeToString()
    async with WireClient(server.host, server.access_key, server.secret_key) as wire:
        metadata = wire.metadata("Control.DecideAccessRequest", body)
    async with grpc.aio.insecure_channel(server.host) as channel:
        call = channel.unary_unary("/aiosdm.testing.Control/DecideAccessRequest")
        try:
            await call(body, metadata=metadata, timeout=10)
        except grpc.aio.AioRpcError as err:
            return err.code()  # type: ignore[no-any-return]
    return grpc.StatusCode.OK


async def test_decisions_name_a_known_type_and_only_requesters_cancel(
    server: LocalServer,
) -> None:
    ids = await _world(server)
    filed = await server.file_access_request(
        account_id=ids["alice"], workflow_id=ids["flow"], resource_id=ids["db"], duration=HOUR
    )
    Event = access_requests_pb2.AccessRequestEvent
    bad_type = Event(request_id=filed.id, actor_id=ids["bob"], type="maybe")
    assert await _raw_decide(server, bad_type) == grpc.StatusCode.INVALID_ARGUMENT
    by_other = Event(request_id=filed.id, actor_id=ids["bob"], type="canceled")
    assert await _raw_decide(server, by_other) == grpc.StatusCode.PERMISSION_DENIED
    no_request = Event(actor_id=ids["bob"], type="approved")
    assert await _raw_decide(server, no_request) == grpc.StatusCode.INVALID_ARGUMENT
    by_requester = Event(request_id=filed.id, actor_id=ids["alice"], type="canceled")
    assert await _raw_decide(server, by_requester) == grpc.StatusCode.OK


async def test_a_server_without_the_controls_says_so() -> None:
    bare = grpc.aio.server()
    port = bare.add_insecure_port("127.0.0.1:0")
    await bare.start()
    try:
        credentials = StaticCredentials("auth-x", "c2VjcmV0")
        async with ControlClient(f"127.0.0.1:{port}", credentials, insecure=True) as control:
            with pytest.raises(errors.RPCError, match="no test controls"):
                await control.cancel_access_request("aq-x")
    finally:
        await bare.stop(None)
