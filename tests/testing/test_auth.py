"""Signature checks, API key lifecycle and the Status detail every error carries."""

from __future__ import annotations

from datetime import timedelta

import grpc
import grpc.aio
import pytest
from google.rpc import status_pb2

from aiosdm import _signing
from aiosdm._generated.v1 import accounts_pb2, roles_pb2
from aiosdm.testing import LocalServer, WireClient
from aiosdm.testing._auth import REFUSED

LIST = "Roles.List"


def _list_body() -> bytes:
    request = roles_pb2.RoleListRequest()
    request.meta.SetInParent()
    return request.SerializeToString()


def _status(err: grpc.aio.AioRpcError) -> status_pb2.Status:
    trailers = dict(err.trailing_metadata() or ())
    return status_pb2.Status.FromString(trailers["grpc-status-details-bin"])


async def _expect(code: grpc.StatusCode, call: object) -> status_pb2.Status:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call  # type: ignore[misc]
    assert caught.value.code() == code
    status = _status(caught.value)
    assert status.code == code.value[0]
    return status


def _signed_for(server: LocalServer, day_offset: int, body: bytes) -> tuple[tuple[str, str], ...]:
    day = _signing.utc_day() + timedelta(days=day_offset)
    key = _signing.derive_key(_signing.decode_secret(server.secret_key), day)
    return (
        ("x-sdm-authentication", server.access_key),
        ("x-sdm-signature", _signing.sign(key, LIST, body)),
        ("x-sdm-api-version", _signing.API_VERSION),
        ("x-sdm-user-agent", "test"),
    )


async def test_neighbouring_days_are_accepted_older_ones_not(
    server: LocalServer, wire: WireClient
) -> None:
    body = _list_body()
    for offset in (-1, 0, 1):
        await wire.call_bytes(LIST, body, metadata=_signed_for(server, offset, body))
    for offset in (-2, 2):
        status = await _expect(
            grpc.StatusCode.UNAUTHENTICATED,
            wire.call_bytes(LIST, body, metadata=_signed_for(server, offset, body)),
        )
        assert status.message == REFUSED


async def test_signature_covers_the_exact_bytes(server: LocalServer, wire: WireClient) -> None:
    body = _list_body()
    metadata = _signed_for(server, 0, body)
    tampered = roles_pb2.RoleListRequest(filter="name:x")
    tampered.meta.SetInParent()
    await _expect(
        grpc.StatusCode.UNAUTHENTICATED,
        wire.call_bytes(LIST, tampered.SerializeToString(), metadata=metadata),
    )
    # Signed for another method: also refused.
    await _expect(
        grpc.StatusCode.UNAUTHENTICATED,
        wire.call_bytes("Accounts.List", body, metadata=metadata),
    )
    status = await _expect(grpc.StatusCode.UNAUTHENTICATED, wire.call_bytes(LIST, body))
    assert status.message == REFUSED


async def test_keys_can_be_issued_revoked_and_rotated(server: LocalServer) -> None:
    issued = await server.create_api_key(name="extra")
    assert issued.secret_key not in repr(issued)
    async with WireClient(server.host, issued.access_key, issued.secret_key) as extra:
        await extra.call(LIST, roles_pb2.RoleListRequest())
        rotated = await server.rotate_api_key(issued.access_key)
        await _expect(
            grpc.StatusCode.UNAUTHENTICATED, extra.call(LIST, roles_pb2.RoleListRequest())
        )
    async with WireClient(server.host, rotated.access_key, rotated.secret_key) as fresh:
        await fresh.call(LIST, roles_pb2.RoleListRequest())
        await server.revoke_api_key(rotated.access_key)
        await _expect(
            grpc.StatusCode.UNAUTHENTICATED, fresh.call(LIST, roles_pb2.RoleListRequest())
        )
    with pytest.raises(KeyError):
        await server.revoke_api_key(rotated.access_key)


async def test_suspending_a_service_account_stops_its_key(
    server: LocalServer, wire: WireClient
) -> None:
    create = accounts_pb2.AccountCreateRequest()
    create.account.service.name = "robot"
    created = await wire.call("Accounts.Create", create)
    assert created.token and created.access_key
    async with WireClient(server.host, created.access_key, created.secret_key) as robot:
        # A service account's level grants no API permission: known, but not allowed.
        await _expect(
            grpc.StatusCode.PERMISSION_DENIED, robot.call(LIST, roles_pb2.RoleListRequest())
        )
        update = accounts_pb2.AccountUpdateRequest()
        update.account.CopyFrom(created.account)
        update.account.service.suspended = True
        await wire.call("Accounts.Update", update)
        status = await _expect(
            grpc.StatusCode.UNAUTHENTICATED, robot.call(LIST, roles_pb2.RoleListRequest())
        )
        assert status.message == REFUSED


async def test_errors_carry_a_status_detail(wire: WireClient) -> None:
    status = await _expect(
        grpc.StatusCode.NOT_FOUND, wire.call("Roles.Get", roles_pb2.RoleGetRequest(id="r-nope"))
    )
    assert "r-nope" in status.message
    create = roles_pb2.RoleCreateRequest()
    create.role.name = "bad"
    create.role.access_rules = '[{"colour": "blue"}]'
    status = await _expect(grpc.StatusCode.INVALID_ARGUMENT, wire.call("Roles.Create", create))
    assert "colour" in status.message
    await _expect(
        grpc.StatusCode.INVALID_ARGUMENT,
        wire.call_bytes("Roles.Get", b"\xff\xff", metadata=wire.metadata("Roles.Get", b"\xff\xff")),
    )


async def test_every_authentication_failure_says_the_same(
    server: LocalServer, wire: WireClient
) -> None:
    body = _list_body()
    signed = _signed_for(server, 0, body)
    unknown_key = (("x-sdm-authentication", "AKnobody"), *signed[1:])
    bad_signature = (signed[0], ("x-sdm-signature", "AAAA"), *signed[2:])
    revoked = await server.create_api_key(name="gone")
    await server.revoke_api_key(revoked.access_key)
    revoked_key = (("x-sdm-authentication", revoked.access_key), *signed[1:])
    answers = set()
    for metadata in (unknown_key, bad_signature, revoked_key, ()):
        status = await _expect(
            grpc.StatusCode.UNAUTHENTICATED, wire.call_bytes(LIST, body, metadata=metadata)
        )
        answers.add(status.message)
    assert answers == {REFUSED}
