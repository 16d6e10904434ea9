"""Secret store healths on the local control plane: a row per store and node, checks that
really probe the store's address, and rows that go with their store or node; driven by
the official client, by aiosdm and (for the hidden Check) on the wire."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from typing import Any

import grpc
import grpc.aio
import pytest

import aiosdm
from aiosdm import errors
from aiosdm._generated.v1 import secret_store_healths_pb2
from aiosdm.testing import LocalServer, WireClient

strongdm = pytest.importorskip("strongdm")

Official = Callable[..., Any]


@pytest.fixture
def listening() -> Iterator[int]:
    """A port on loopback that accepts connections (the kernel completes them)."""
    with socket.create_server(("127.0.0.1", 0)) as server:
        yield server.getsockname()[1]


@pytest.fixture
def closed() -> int:
    """A port on loopback nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _rows(client: Any, filter: str = "", *args: Any) -> dict[tuple[str, str], Any]:
    listed = client.secret_store_healths.list(filter, *args, timeout=30)
    return {(h.secret_store_id, h.node_id): h for h in listed}


def test_official_client_checks_stores_from_every_node(
    official: Official, listening: int, closed: int
) -> None:
    client = official()
    relay = client.nodes.create(strongdm.Relay(name="relay"), timeout=30).node
    gateway = client.nodes.create(
        strongdm.Gateway(name="gw", listen_address="gw.example.com:5000"), timeout=30
    ).node
    up = client.secret_stores.create(
        strongdm.VaultTokenStore(name="up", server_address=f"http://127.0.0.1:{listening}"),
        timeout=30,
    ).secret_store
    down = client.secret_stores.create(
        strongdm.VaultTokenStore(name="down", server_address=f"127.0.0.1:{closed}"), timeout=30
    ).secret_store
    cloud = client.secret_stores.create(
        strongdm.AWSStore(name="aws", region="us-east-1"), timeout=30
    ).secret_store
    stores, nodes = (up.id, down.id, cloud.id), (relay.id, gateway.id)

    before = _rows(client)
    assert set(before) == {(s, n) for s in stores for n in nodes}
    assert {h.status for h in before.values()} == {"unknown"}
    assert all(h.checked_at is None for h in before.values())

    for store in stores:
        client.secret_store_healths.healthcheck(store, timeout=30)
    after = _rows(client)
    for node in nodes:
        assert after[up.id, node].status == "healthy" and after[up.id, node].reachability == ""
        assert after[down.id, node].status == "unhealthy"
        assert f"127.0.0.1:{closed}" in after[down.id, node].reachability
        assert after[cloud.id, node].status == "healthy"
        assert after[cloud.id, node].flags == ["not-probed"]
        assert after[up.id, node].checked_at is not None
        assert after[up.id, node].changed_at == after[up.id, node].checked_at
    assert set(_rows(client, "status:unhealthy")) == {(down.id, n) for n in nodes}

    # Checked again with the same outcome: checked later, not changed.
    client.secret_store_healths.healthcheck(up.id, timeout=30)
    again = _rows(client, "secret_store_id:?", up.id)[up.id, relay.id]
    assert again.checked_at > after[up.id, relay.id].checked_at
    assert again.changed_at == after[up.id, relay.id].changed_at

    client.nodes.delete(gateway.id, timeout=30)
    client.secret_stores.delete(down.id, timeout=30)
    assert set(_rows(client)) == {(up.id, relay.id), (cloud.id, relay.id)}


def test_official_client_gets_typed_errors_for_bad_ids(official: Official) -> None:
    client = official()
    with pytest.raises(strongdm.NotFoundError):
        client.secret_store_healths.healthcheck("se-missing", timeout=30)
    with pytest.raises(strongdm.BadRequestError, match="secret_store_id is required"):
        client.secret_store_healths.healthcheck("", timeout=30)
    with pytest.raises(strongdm.BadRequestError):
        list(client.secret_store_healths.list("nosuchfield:x", timeout=30))


async def test_aiosdm_sees_a_status_change_and_the_hidden_check(closed: int) -> None:
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    async with LocalServer() as server, server.client() as client:
        relay = (await client.nodes.create(aiosdm.Relay(name="relay"))).node
        store = (
            await client.secret_stores.create(
                aiosdm.VaultTokenStore(name="vault", server_address=f"https://localhost:{port}")
            )
        ).secret_store
        await client.secret_store_healths.healthcheck(store.id)
        [first] = [h async for h in client.secret_store_healths.list("")]
        assert (first.node_id, first.status) == (relay.id, "healthy")

        listener.close()
        async with WireClient(server.host, server.access_key, server.secret_key) as wire:
            check = secret_store_healths_pb2.SecretStoreHealthCheckRequest(secret_store_id=store.id)
            await wire.call("SecretStoreHealths.Check", check)
            with pytest.raises(grpc.aio.AioRpcError) as caught:
                missing = secret_store_healths_pb2.SecretStoreHealthCheckRequest(
                    secret_store_id="se-nope"
                )
                await wire.call("SecretStoreHealths.Check", missing)
            assert caught.value.code() == grpc.StatusCode.NOT_FOUND
        [second] = [h async for h in client.secret_store_healths.list("node_id:?", relay.id)]
        assert second.status == "unhealthy" and second.reachability
        assert second.changed_at is not None and first.changed_at is not None
        assert second.changed_at > first.changed_at
        with pytest.raises(errors.NotFoundError):
            await client.secret_store_healths.healthcheck("se-missing")
        activities = [a.verb async for a in client.activities.list("")]
        assert activities.count("secret store healthcheck") == 2


async def test_a_store_is_listed_page_by_page() -> None:
    async with LocalServer() as server, server.client(page_limit=2) as client:
        for i in range(3):
            await client.nodes.create(aiosdm.Relay(name=f"relay-{i}"))
        for i in range(2):
            await client.secret_stores.create(aiosdm.AWSStore(name=f"aws-{i}", region="eu-west-1"))
        pages = [len(page) async for page in client.secret_store_healths.list("").pages()]
        assert pages == [2, 2, 2]


@pytest.mark.parametrize(
    "address", [".", "\x80", "a" * 64 + ".example", "https://a..b:8200", "https://\u2028:1"]
)
async def test_an_address_no_resolver_takes_is_unhealthy_not_internal(
    server: LocalServer, address: str
) -> None:
    # The resolver's UnicodeError (an empty label, one over 63 characters, a character
    # IDNA refuses) once escaped the probe as INTERNAL; found by tests/cli/test_serve_fuzz.py.
    async with server.client() as client:
        relay = (await client.nodes.create(aiosdm.Relay(name="relay"))).node
        store = (
            await client.secret_stores.create(
                aiosdm.VaultTokenStore(name="odd", server_address=address)
            )
        ).secret_store
        assert relay is not None and store is not None
        await client.secret_store_healths.healthcheck(store.id)
        [row] = [h async for h in client.secret_store_healths.list("")]
    assert row.status == "unhealthy"
    assert "not a valid host name" in row.reachability
