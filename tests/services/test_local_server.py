"""The client against the local control plane: every service, lists, snapshots, secrets,
faults and rate limits, all for real over loopback."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import grpc
import pytest

from aiosdm import errors
from aiosdm._generated import models as M
from aiosdm._generated.services import SERVICE_SPECS
from aiosdm._specs import ServiceKind
from aiosdm.client import Client
from aiosdm.interceptors import Call, Handler, Interceptor, Outbound, RetryPolicy
from aiosdm.interceptors.encryption import generate_client_key
from aiosdm.testing import LocalServer, RateLimit

PATIENT = RetryPolicy(base_delay=0.001, max_delay=0.02, max_retries=15)


@pytest.fixture
async def server() -> AsyncIterator[LocalServer]:
    async with LocalServer() as local:
        yield local


@pytest.fixture
async def client(server: LocalServer) -> AsyncIterator[Client]:
    async with server.client() as connected:
        yield connected


async def collect(items: Any) -> list[Any]:
    return [item async for item in items]


async def test_accounts_roles_and_their_links(client: Client) -> None:
    user = (
        await client.accounts.create(
            M.User(email="ann@example.com", first_name="Ann", last_name="X")
        )
    ).account
    token = await client.accounts.create(
        M.Token(
            name="ci", account_type="api", permissions=["role:list"], duration=timedelta(hours=1)
        )
    )
    assert token.access_key and token.secret_key
    service = (await client.accounts.create(M.Service(name="robot"))).account
    assert isinstance(user, M.User) and isinstance(service, M.Service)
    assert (await client.accounts.get(user.id)).account == user
    updated = await client.accounts.update(
        M.User(id=user.id, email="ann@example.com", first_name="Anne", last_name="X")
    )
    assert isinstance(updated.account, M.User) and updated.account.first_name == "Anne"
    assert [a.id for a in await collect(client.accounts.list("email:?", "ann@example.com"))] == [
        user.id
    ]

    role = (
        await client.roles.create(M.Role(name="dbas", access_rules=[{"tags": {"env": "dev"}}]))
    ).role
    assert (await client.roles.update(M.Role(id=role.id, name="dba"))).role.name == "dba"
    attachment = (
        await client.account_attachments.create(
            M.AccountAttachment(account_id=user.id, role_id=role.id)
        )
    ).account_attachment
    got = await client.account_attachments.get(attachment.id)
    assert got.account_attachment.role_id == role.id
    listed = await collect(client.account_attachments.list("account_id:?", user.id))
    assert [a.id for a in listed] == [attachment.id]

    group = (await client.groups.create(M.Group(name="ops"))).group
    assert (await client.groups.update(M.Group(id=group.id, name="ops2"))).group.name == "ops2"
    assert (await client.groups.get(group.id)).group.name == "ops2"
    assert [g.id for g in await collect(client.groups.list("name:?", "ops2"))] == [group.id]
    preview = await client.groups.create_from_roles([role.id], False)
    assert preview.group_from_role
    member = (
        await client.accounts_groups.create(M.AccountGroup(account_id=user.id, group_id=group.id))
    ).account_group
    link = (
        await client.groups_roles.create(M.GroupRole(group_id=group.id, role_id=role.id))
    ).group_role
    assert (await client.accounts_groups.get(member.id)).account_group.group_id == group.id
    assert (await client.groups_roles.get(link.id)).group_role.role_id == role.id
    assert await collect(client.accounts_groups.list(""))
    assert await collect(client.groups_roles.list(""))
    assert await collect(client.account_permissions.list(""))

    for delete, ident in [
        (client.groups_roles.delete, link.id),
        (client.accounts_groups.delete, member.id),
        (client.account_attachments.delete, attachment.id),
        (client.groups.delete, group.id),
        (client.roles.delete, role.id),
        (client.accounts.delete, user.id),
    ]:
        await delete(ident)
    with pytest.raises(errors.NotFoundError):
        await client.accounts.get(user.id)
    with pytest.raises(errors.AlreadyExistsError):
        await client.accounts.create(M.Service(name="robot"))


async def test_resources_grants_and_nodes(client: Client, server: LocalServer) -> None:
    user = (
        await client.accounts.create(M.User(email="bo@example.com", first_name="Bo", last_name="Y"))
    ).account
    assert user is not None
    postgres = M.Postgres(
        name="pg",
        hostname="db",
        username="u",
        password="p",
        database="d",
        port=5432,
        tags={"env": "dev"},
    )
    resource = (await client.resources.create(postgres)).resource
    assert isinstance(resource, M.Postgres) and resource.password == "p"
    renamed = M.Postgres(
        id=resource.id,
        name="pg2",
        hostname="db",
        username="u",
        password="p",
        database="d",
        port=5432,
        tags={"env": "dev", "team": "db"},
    )
    assert (await client.resources.update(renamed)).resource.name == "pg2"
    fetched = (await client.resources.get(resource.id)).resource
    assert isinstance(fetched, M.Postgres) and (fetched.name, fetched.hostname) == ("pg2", "db")
    assert [r.id for r in await collect(client.resources.list("name:pg2"))] == [resource.id]
    tags = await collect(client.resources.enumerate_tags(""))
    assert sorted((t.name, t.value) for t in tags) == [("env", "dev"), ("team", "db")]
    dev = await client.roles.create(M.Role(name="dev", access_rules=[{"tags": {"env": "dev"}}]))
    reached_by_role = await collect(client.role_resources.list(""))
    assert [(r.role_id, r.resource_id) for r in reached_by_role] == [(dev.role.id, resource.id)]
    await client.resources.healthcheck(resource.id)
    now = datetime.now(UTC)
    grant = (
        await client.account_grants.create(
            M.AccountGrant(
                account_id=user.id,
                resource_id=resource.id,
                start_from=now - timedelta(minutes=1),
                valid_until=now + timedelta(hours=1),
            )
        )
    ).account_grant
    assert (await client.account_grants.get(grant.id)).account_grant.resource_id == resource.id
    assert [g.id for g in await collect(client.account_grants.list(""))] == [grant.id]
    reachable = await collect(client.account_resources.list("account_id:?", user.id))
    assert [r.resource_id for r in reachable] == [resource.id]
    await client.account_grants.delete(grant.id)

    relay = (await client.nodes.create(M.Relay(name="relay-1"))).node
    gateway = await client.nodes.create(M.Gateway(name="gw-1", listen_address="gw:5000"))
    assert gateway.token
    await client.nodes.create(M.ProxyCluster(name="pc-1", address="pc:443"))
    assert relay is not None
    assert (await client.nodes.update(M.Relay(id=relay.id, name="relay-2"))).node.name == "relay-2"
    assert (await client.nodes.get(relay.id)).node.name == "relay-2"
    probe = await client.nodes.tcp_probe(relay.id, "127.0.0.1", server.port)
    assert (probe.succeeded, probe.error) == (True, "")
    with socket.socket() as spare:  # a port nobody listens on once this is closed
        spare.bind(("127.0.0.1", 0))
        closed_port = spare.getsockname()[1]
    refused = await client.nodes.tcp_probe(relay.id, "127.0.0.1", closed_port)
    assert refused.succeeded is False and refused.error
    assert len(await collect(client.nodes.list(""))) == 3
    await client.nodes.delete(relay.id)
    await client.resources.delete(resource.id)
    with pytest.raises(errors.NotFoundError):
        await client.resources.get(resource.id)


async def test_history_and_activities_record_every_write(client: Client) -> None:
    role = (await client.roles.create(M.Role(name="history"))).role
    await client.roles.update(M.Role(id=role.id, name="history-2"))
    await client.roles.delete(role.id)
    records = await collect(client.roles_history.list("id:?", role.id))
    assert [(r.role.name, r.deleted_at is not None) for r in records] == [
        ("history", False),
        ("history-2", False),
        ("history-2", True),
    ]
    activities = await collect(client.activities.list(""))
    assert [a.verb for a in activities] == ["role created", "role updated", "role deleted"]
    # One activity per write, each the one its version names.
    assert [a.id for a in activities] == [r.activity_id for r in records]
    assert (await client.activities.get(activities[0].id)).activity.id == activities[0].id
    # Every other history service answers from the wire table with what exists: only roles
    # were written here, and the organization the server makes on first use (a history list
    # that served another kind's versions would show them).
    others = [
        spec
        for spec in SERVICE_SPECS.values()
        if spec.kind == ServiceKind.HISTORY and spec.history_of != "Roles"
    ]
    assert len(others) > 20
    for spec in others:
        records = await collect(getattr(client, spec.attribute).list(""))
        if spec.history_of == "Organizations":
            assert [r.organization.name for r in records] == ["local"]
        else:
            assert records == [], spec.name


class WireTap:
    """A loopback TCP proxy that keeps every byte the client sends (plaintext HTTP/2)."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.sent = bytearray()
        self.server: asyncio.Server | None = None
        self.port = 0

    async def __aenter__(self) -> WireTap:
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.port = self.server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self.server is not None
        self.server.close()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)

        async def pump(src: asyncio.StreamReader, dst: asyncio.StreamWriter, keep: bool) -> None:
            try:
                while chunk := await src.read(65536):
                    if keep:
                        self.sent.extend(chunk)
                    dst.write(chunk)
                    await dst.drain()
            except (ConnectionError, asyncio.CancelledError):
                pass
            finally:
                dst.close()

        await asyncio.gather(pump(reader, up_writer, True), pump(up_reader, writer, False))


async def test_secrets_travel_encrypted_and_come_back_in_plaintext(server: LocalServer) -> None:
    plaintext = b"correct-horse-battery-staple"
    made_in: list[int] = []

    def key_factory() -> Any:
        made_in.append(threading.get_ident())
        return generate_client_key()

    async with WireTap(server.port) as tap:
        client = Client(
            server.access_key,
            server.secret_key,
            host=f"127.0.0.1:{tap.port}",
            insecure=True,
            client_key_factory=key_factory,
        )
        async with client:
            store = (
                await client.secret_stores.create(
                    M.VaultTokenStore(name="vault", server_address="https://vault:8200")
                )
            ).secret_store
            assert store is not None
            await client.secret_stores.update(
                M.VaultTokenStore(id=store.id, name="vault-2", server_address="https://vault:8200")
            )
            assert [s.id for s in await collect(client.secret_engines.list_secret_stores(""))] == [
                store.id
            ]
            assert (await client.secret_stores.get(store.id)).secret_store.name == "vault-2"
            assert [s.id for s in await collect(client.secret_stores.list(""))] == [store.id]
            engine = (
                await client.secret_engines.create(
                    M.KeyValueEngine(
                        name="kv", secret_store_id=store.id, secret_store_root_path="kv/"
                    )
                )
            ).secret_engine
            assert engine is not None
            renamed = M.KeyValueEngine(
                id=engine.id, name="kv-2", secret_store_id=store.id, secret_store_root_path="kv/"
            )
            assert (await client.secret_engines.update(renamed)).secret_engine.name == "kv-2"
            assert (await client.secret_engines.get(engine.id)).secret_engine.name == "kv-2"
            assert [e.id for e in await collect(client.secret_engines.list(""))] == [engine.id]
            await client.secret_engines.generate_keys(engine.id)  # the engine's key changes
            created = await client.managed_secrets.create(
                M.ManagedSecret(name="db-password", secret_engine_id=engine.id, value=plaintext)
            )
            secret_id = created.managed_secret.id
            retrieved = await asyncio.gather(
                *(client.managed_secrets.retrieve(secret_id) for _ in range(50))
            )
            assert {r.managed_secret.value for r in retrieved} == {plaintext}
            assert (await client.managed_secrets.get(secret_id)).managed_secret.value == b""
            await client.managed_secrets.update(
                M.ManagedSecret(
                    id=secret_id, name="db-password", secret_engine_id=engine.id, value=b"v2"
                )
            )
            assert (await client.managed_secrets.retrieve(secret_id)).managed_secret.value == b"v2"
            await client.managed_secrets.validate(secret_id)
            await client.managed_secrets.rotate(secret_id)
            await client.secret_engines.healthcheck(engine.id)
            await client.secret_engines.rotate(engine.id, M.SecretEnginePasswordPolicy(length=24))
            assert [s.id for s in await collect(client.managed_secrets.list(""))] == [secret_id]
            await collect(client.managed_secrets.list_by_actor(""))
            assert await collect(client.managed_secrets.logs(""))
            await client.managed_secrets.delete(secret_id)
            spare = await client.managed_secrets.create(
                M.ManagedSecret(name="spare", secret_engine_id=engine.id, value=plaintext)
            )
            await client.managed_secrets.force_delete(spare.managed_secret.id)
            with pytest.raises(errors.NotFoundError):
                await client.managed_secrets.get(spare.managed_secret.id)
            await client.secret_engines.delete(engine.id)
            await client.secret_stores.delete(store.id)
    assert tap.sent and plaintext not in tap.sent
    assert len(made_in) == 1 and made_in[0] != threading.get_ident()


class PageLog(Interceptor):
    """Records, in order, page requests starting and items being consumed."""

    def __init__(self) -> None:
        self.events: list[tuple[str, Any]] = []

    def intercept(self, next: Handler) -> Handler:
        events = self.events

        class _Outbound(Outbound):
            async def unary(self, call: Call) -> Any:
                events.append(("request", call.request.meta.cursor))
                return await self.next.unary(call)

        return _Outbound(next)


async def test_ten_thousand_items_stream_with_prefetch(server: LocalServer) -> None:
    await server.seed(
        M.User(email=f"user{n:05}@example.com", first_name="U", last_name=str(n))
        for n in range(10_000)
    )
    log = PageLog()
    async with server.client(page_limit=1000, interceptors=[log]) as client:
        seen: list[str] = []
        async for account in client.accounts.list("email:user*"):
            if len(seen) % 1000 == 999:
                log.events.append(("last of page", len(seen) // 1000))
            seen.append(account.id)
    assert len(seen) == len(set(seen)) == 10_000
    requests = [i for i, e in enumerate(log.events) if e[0] == "request"]
    lasts = [i for i, e in enumerate(log.events) if e[0] == "last of page"]
    assert len(requests) == 10 or len(requests) == 11
    # Page n+1 was asked for before the caller got to the last item of page n.
    for page in range(len(lasts) - 1):
        assert requests[page + 1] < lasts[page]


async def test_snapshots_read_the_past(client: Client) -> None:
    role = (await client.roles.create(M.Role(name="before"))).role
    await client.roles.update(M.Role(id=role.id, name="after"))
    later = (await client.roles.create(M.Role(name="newer"))).role
    created = (await collect(client.roles_history.list("id:?", role.id)))[0]
    assert created.timestamp is not None
    past = client.snapshot_at(created.timestamp)  # the instant the first version was written
    assert (await past.roles.get(role.id)).role.name == "before"
    assert [r.name for r in await collect(past.roles.list(""))] == ["before"]
    assert (await client.roles.get(role.id)).role.name == "after"
    with pytest.raises(errors.NotFoundError):
        await past.roles.get(later.id)


async def test_thirty_percent_failing_reads_and_a_thousand_concurrent_gets(
    server: LocalServer,
) -> None:
    [account_id] = await server.seed([M.User(email="c@example.com", first_name="C", last_name="D")])
    server.faults.seed(11)
    server.faults.add("Accounts.Get", grpc.StatusCode.UNAVAILABLE, rate=0.3)
    async with server.client(retry_policy=PATIENT) as client:
        answers = await asyncio.gather(*(client.accounts.get(account_id) for _ in range(1000)))
    assert all(a.account is not None and a.account.id == account_id for a in answers)
    assert server.faults.injected[("Accounts.Get", "UNAVAILABLE")] > 0


async def test_five_hundred_calls_against_fifty_per_second(server: LocalServer) -> None:
    [role_id] = await server.seed([M.Role(name="limited")])
    server.rate_limit = RateLimit(50, 1.0)
    async with server.client() as client:
        answers = await asyncio.gather(*(client.roles.get(role_id) for _ in range(500)))
    assert len(answers) == 500
    attempts = server.calls["Roles.Get"]
    assert attempts / 500 < 2, attempts


async def test_no_create_is_repeated_when_faults_strike_after_commit(server: LocalServer) -> None:
    server.faults.seed(5)
    server.faults.add("Roles.Create", grpc.StatusCode.UNAVAILABLE, rate=0.3)
    server.faults.add("Roles.Create", grpc.StatusCode.INTERNAL, rate=0.3)
    failed = 0
    async with server.client(retry_policy=PATIENT) as client:
        results = await asyncio.gather(
            *(client.roles.create(M.Role(name=f"role-{n}")) for n in range(100)),
            return_exceptions=True,
        )
        failed = sum(isinstance(r, errors.RPCError) for r in results)
        names = [r.name for r in await collect(client.roles.list("name:role-*"))]
    assert failed > 0
    assert server.calls["Roles.Create"] == 100  # one attempt each
    assert sorted(names) == sorted(f"role-{n}" for n in range(100))  # each committed once


async def test_a_rate_limited_write_is_retried_when_the_quota_is_back(server: LocalServer) -> None:
    server.faults.add(
        "Roles.Create", grpc.StatusCode.RESOURCE_EXHAUSTED, count=1, after_commit=False
    )
    async with server.client() as client:
        await client.roles.create(M.Role(name="once"))
        names = [r.name for r in await collect(client.roles.list(""))]
    assert server.calls["Roles.Create"] == 2
    assert names == ["once"]
