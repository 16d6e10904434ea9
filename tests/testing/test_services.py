"""Service semantics at the wire: every method answers; references, cascades, derived
access, snapshots of derived data, secrets, nodes, tags and activities."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import grpc
import grpc.aio
import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from aiosdm._generated.services import SERVICES
from aiosdm._generated.v1 import (
    account_attachments_pb2,
    account_grants_pb2,
    account_permissions_pb2,
    account_resources_pb2,
    accounts_groups_pb2,
    accounts_pb2,
    activities_pb2,
    groups_pb2,
    groups_roles_pb2,
    managed_secrets_pb2,
    nodes_pb2,
    resources_pb2,
    role_resources_pb2,
    roles_pb2,
    secret_engines_pb2,
    secret_stores_pb2,
)
from aiosdm.testing import WireClient

_OAEP = padding.OAEP(
    mgf=padding.MGF1(algorithm=hashes.SHA256()), algorithm=hashes.SHA256(), label=None
)


async def _code(call: Any) -> grpc.StatusCode:
    try:
        await call
    except grpc.aio.AioRpcError as err:
        return err.code()  # type: ignore[no-any-return]
    return grpc.StatusCode.OK


async def _user(wire: WireClient, email: str) -> str:
    request = accounts_pb2.AccountCreateRequest()
    user = request.account.user
    user.email, user.first_name, user.last_name = email, "F", "L"
    return str((await wire.call("Accounts.Create", request)).account.user.id)


async def _resource(wire: WireClient, name: str, **tags: str) -> str:
    request = resources_pb2.ResourceCreateRequest()
    tcp = request.resource.raw_tcp
    tcp.name, tcp.hostname, tcp.port = name, "h", 1
    for key, value in tags.items():
        tcp.tags.pairs.add(name=key, value=value)
    return str((await wire.call("Resources.Create", request)).resource.raw_tcp.id)


async def _role(wire: WireClient, name: str, rules: str = "") -> str:
    request = roles_pb2.RoleCreateRequest()
    request.role.name, request.role.access_rules = name, rules
    return str((await wire.call("Roles.Create", request)).role.id)


async def _attach(wire: WireClient, account_id: str, role_id: str) -> str:
    request = account_attachments_pb2.AccountAttachmentCreateRequest()
    request.account_attachment.account_id, request.account_attachment.role_id = (
        account_id,
        role_id,
    )
    reply = await wire.call("AccountAttachments.Create", request)
    return str(reply.account_attachment.id)


async def _reach(wire: WireClient, account_id: str, at: datetime | None = None) -> set[str]:
    request = account_resources_pb2.AccountResourceListRequest(filter=f"account_id:{account_id}")
    request.meta.SetInParent()
    if at is not None:
        request.meta.snapshot_at.FromDatetime(at)
    reply = await wire.call("AccountResources.List", request)
    return {r.resource_id for r in reply.account_resources}


async def test_every_method_answers_without_internal_errors(wire: WireClient) -> None:
    accepted = {
        grpc.StatusCode.OK,
        grpc.StatusCode.INVALID_ARGUMENT,
        grpc.StatusCode.NOT_FOUND,
    }
    for service, methods in SERVICES.items():
        for method, spec in methods.items():
            code = await _code(wire.call(f"{service}.{method}", spec.request()))
            assert code in accepted, f"{service}.{method} -> {code}"


async def test_roles_reach_resources_by_rule_and_cascades_clean_up(wire: WireClient) -> None:
    user = await _user(wire, "u@example.com")
    dev = await _resource(wire, "dev-db", env="dev")
    prod = await _resource(wire, "prod-db", env="prod")
    by_tag = await _role(wire, "dev", '[{"tags": {"env": "dev"}}]')
    by_id = await _role(wire, "prod", f'[{{"ids": ["{prod}"]}}]')
    await _attach(wire, user, by_tag)
    before_prod = datetime.now(UTC)
    await _attach(wire, user, by_id)
    assert await _reach(wire, user) == {dev, prod}
    assert await _reach(wire, user, at=before_prod) == {dev}

    late = await _resource(wire, "dev-cache", env="dev")  # new resources join matching roles
    assert await _reach(wire, user) == {dev, prod, late}

    await wire.call("Roles.Delete", roles_pb2.RoleDeleteRequest(id=by_tag))
    assert await _reach(wire, user) == {prod}
    reply = await wire.call(
        "AccountAttachments.List", account_attachments_pb2.AccountAttachmentListRequest()
    )
    assert [a.role_id for a in reply.account_attachments] == [by_id]

    await wire.call("Resources.Delete", resources_pb2.ResourceDeleteRequest(id=prod))
    assert await _reach(wire, user) == set()
    request = role_resources_pb2.RoleResourceListRequest()
    assert (await wire.call("RoleResources.List", request)).role_resources == []
    history = await wire.call(
        "RoleResourcesHistory.List", role_resources_pb2.RoleResourceListRequest()
    )
    assert len(history.history) == 6  # 3 pairs made, 3 removed
    assert sum(h.HasField("deleted_at") and h.deleted_at.seconds > 0 for h in history.history) == 3


async def test_groups_pass_their_roles_on(wire: WireClient) -> None:
    alice = await _user(wire, "alice@example.com")
    db = await _resource(wire, "db", env="dev")
    role = await _role(wire, "devs", '[{"type": "raw_tcp"}]')
    await _attach(wire, alice, role)
    made = await wire.call(
        "Groups.CreateFromRoles",
        groups_pb2.GroupCreateFromRolesRequest(role_ids=[role], commit=True),
    )
    [result] = made.group_from_role
    assert result.group.name == "devs" and [u.id for u in result.accounts] == [alice]

    bob = await _user(wire, "bob@example.com")
    request = accounts_groups_pb2.AccountGroupCreateRequest()
    request.account_group.account_id, request.account_group.group_id = bob, result.group.id
    await wire.call("AccountsGroups.Create", request)
    assert await _reach(wire, bob) == {db}

    links = await wire.call("GroupsRoles.List", groups_roles_pb2.GroupRoleListRequest())
    assert [(g.group_name, g.role_name) for g in links.groups_roles] == [("devs", "devs")]
    await wire.call("Groups.Delete", groups_pb2.GroupDeleteRequest(id=result.group.id))
    assert await _reach(wire, bob) == set()
    assert await _reach(wire, alice) == {db}  # still attached directly


async def test_references_must_exist_and_grants_need_a_sane_window(wire: WireClient) -> None:
    user = await _user(wire, "r@example.com")
    request = account_grants_pb2.AccountGrantCreateRequest()
    request.account_grant.account_id, request.account_grant.resource_id = user, "rs-missing"
    assert await _code(wire.call("AccountGrants.Create", request)) == grpc.StatusCode.NOT_FOUND

    request.account_grant.resource_id = await _resource(wire, "x")
    now = datetime.now(UTC)
    request.account_grant.start_from.FromDatetime(now)
    request.account_grant.valid_until.FromDatetime(now - timedelta(hours=1))
    code = await _code(wire.call("AccountGrants.Create", request))
    assert code == grpc.StatusCode.INVALID_ARGUMENT

    permissions = await wire.call(
        "AccountPermissions.List", account_permissions_pb2.AccountPermissionListRequest()
    )
    # A user's level ("user") grants what it lists: filing access requests.
    assert [(p.account_id, p.permission) for p in permissions.permissions] == [
        (user, "accessrequest:requester")
    ]


async def test_managed_secrets_accept_only_values_for_the_engine_key(wire: WireClient) -> None:
    store = secret_stores_pb2.SecretStoreCreateRequest()
    store.secret_store.strong_vault.name = "vault"
    store_id = (await wire.call("SecretStores.Create", store)).secret_store.strong_vault.id
    engine = secret_engines_pb2.SecretEngineCreateRequest()
    kv = engine.secret_engine.key_value
    kv.name, kv.secret_store_id, kv.secret_store_root_path = "kv", store_id, "/kv"
    created = (await wire.call("SecretEngines.Create", engine)).secret_engine.key_value
    public = serialization.load_pem_public_key(created.public_key)
    assert isinstance(public, rsa.RSAPublicKey)

    secret = managed_secrets_pb2.ManagedSecretCreateRequest()
    secret.managed_secret.name, secret.managed_secret.secret_engine_id = "s", created.id
    secret.managed_secret.policy.SetInParent()
    secret.managed_secret.value = b"plaintext"
    status = await _code(wire.call("ManagedSecrets.Create", secret))
    assert status == grpc.StatusCode.INVALID_ARGUMENT

    secret.managed_secret.value = public.encrypt(b"hunter2", _OAEP)
    stored = (await wire.call("ManagedSecrets.Create", secret)).managed_secret
    assert stored.value == b""

    mine = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    retrieve = managed_secrets_pb2.ManagedSecretRetrieveRequest(id=stored.id)
    assert await _code(wire.call("ManagedSecrets.Retrieve", retrieve)) == (
        grpc.StatusCode.INVALID_ARGUMENT
    )
    retrieve.public_key = mine.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    reply = await wire.call("ManagedSecrets.Retrieve", retrieve)
    assert mine.decrypt(reply.managed_secret.value, _OAEP) == b"hunter2"

    # New engine keys: values encrypted to the old key are refused from now on.
    generate = secret_engines_pb2.GenerateKeysRequest(secret_engine_id=created.id)
    await wire.call("SecretEngines.GenerateKeys", generate)
    get = secret_engines_pb2.SecretEngineGetRequest(id=created.id)
    renewed = (await wire.call("SecretEngines.Get", get)).secret_engine.key_value
    assert renewed.public_key != created.public_key
    update = managed_secrets_pb2.ManagedSecretUpdateRequest()
    update.managed_secret.CopyFrom(stored)
    update.managed_secret.value = public.encrypt(b"old key", _OAEP)
    assert await _code(wire.call("ManagedSecrets.Update", update)) == (
        grpc.StatusCode.INVALID_ARGUMENT
    )

    await wire.call(
        "SecretEngines.Delete", secret_engines_pb2.SecretEngineDeleteRequest(id=created.id)
    )
    gone = managed_secrets_pb2.ManagedSecretGetRequest(id=stored.id)
    assert await _code(wire.call("ManagedSecrets.Get", gone)) == grpc.StatusCode.NOT_FOUND


async def test_tcp_probe_really_connects(wire: WireClient) -> None:
    create = nodes_pb2.NodeCreateRequest()
    create.node.relay.SetInParent()
    made = await wire.call("Nodes.Create", create)
    assert made.token and made.node.relay.name.startswith("relay-")

    async def accept(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.close()

    listener = await asyncio.start_server(accept, "127.0.0.1", 0)
    port = listener.sockets[0].getsockname()[1]
    probe = nodes_pb2.NodeTCPProbeRequest(node_id=made.node.relay.id, host="127.0.0.1", port=port)
    try:
        assert (await wire.call("Nodes.TCPProbe", probe)).succeeded
    finally:
        listener.close()
        await listener.wait_closed()
    reply = await wire.call("Nodes.TCPProbe", probe)  # nothing listens there any more
    assert not reply.succeeded and reply.error


async def test_tags_and_activity_filters(wire: WireClient) -> None:
    start = datetime.now(UTC)
    await _resource(wire, "a", env="dev", team="db")
    await _resource(wire, "b", env="prod")
    request = resources_pb2.EnumerateTagsRequest(filter="name:env")
    request.meta.SetInParent()
    reply = await wire.call("Resources.EnumerateTags", request)
    assert [(t.name, t.value) for t in reply.matches] == [("env", "dev"), ("env", "prod")]

    listing = activities_pb2.ActivityListRequest(
        filter=f'after:"{start.isoformat()}",verb:resource*'
    )
    activities = (await wire.call("Activities.List", listing)).activities
    assert [a.description for a in activities] == ["raw_tcp a created", "raw_tcp b created"]
    listing.filter = f"before:{start.isoformat()}"
    assert (await wire.call("Activities.List", listing)).activities == []
    listing.filter = "before:yesterday"
    assert await _code(wire.call("Activities.List", listing)) == grpc.StatusCode.INVALID_ARGUMENT


@pytest.mark.parametrize("bad", ["email", "email:x,:y", 'email:"open', "1x:y"])
async def test_malformed_filters_are_bad_requests(wire: WireClient, bad: str) -> None:
    code = await _code(wire.call("Accounts.List", accounts_pb2.AccountListRequest(filter=bad)))
    assert code == grpc.StatusCode.INVALID_ARGUMENT
