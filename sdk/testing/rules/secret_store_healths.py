"""Secret store healths: how each node sees each secret store.

``Healthcheck`` (and the hidden ``Check``) checks a store now and records one row per
node. This server stands in for the nodes: it opens a TCP connection to the store's
address (``server_address``, ``appURL`` or ``server_url``), bounded in time, and every
node gets that outcome. A store named only by a cloud region or project has no address
to probe from here; it is recorded healthy, flagged ``not-probed``. ``List`` answers a
row for every current store and node: the last check recorded, or status ``unknown``
for a pair never checked. Rows go with the store or node they name.
"""

from __future__ import annotations

import asyncio
import bisect
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from google.protobuf.message import Message

from aiosdm._generated.kinds import KINDS
from aiosdm._generated.v1 import secret_store_healths_pb2
from aiosdm.testing._engine import (
    Env,
    Rules,
    ServerCall,
    ServerHandler,
    entity_filter,
    list_page,
    page_of,
    respond,
)
from aiosdm.testing._errors import bad_request, not_found
from aiosdm.testing._fields import arm_name, body, us_timestamp
from aiosdm.testing._store import Tx

__all__ = ["RULES"]

_HEALTH = KINDS["secret_store_health"]
_STORE = KINDS["secret_store"]
_NODE = KINDS["node"]
_PROBE_TIMEOUT = 3.0
#: Where a store's address is, by the field names its types use.
_ADDRESS_FIELDS = ("server_address", "appURL", "server_url")
_DEFAULT_PORTS = {"https": 443, "http": 80}

HEALTHY, UNHEALTHY, UNKNOWN = "healthy", "unhealthy", "unknown"
NOT_PROBED = "not-probed"


@dataclass(frozen=True)
class _Outcome:
    status: str
    reachability: str = ""  # why the store could not be reached
    flags: tuple[str, ...] = ()


def _address(store: Any) -> str:
    fields = body(store)
    present = fields.DESCRIPTOR.fields_by_name
    return next((getattr(fields, n) for n in _ADDRESS_FIELDS if n in present), "")


async def _probe(address: str) -> _Outcome:
    """Can this server open a TCP connection to ``address`` (a URL or host[:port])?"""
    if not address:
        return _Outcome(HEALTHY, flags=(NOT_PROBED,))
    try:
        parts = urlsplit(address if "://" in address else f"//{address}")
        host = parts.hostname
        port = parts.port or _DEFAULT_PORTS.get(parts.scheme or "https", 443)
    except ValueError as err:
        return _Outcome(UNHEALTHY, f"invalid address {address!r}: {err}")
    if not host:
        return _Outcome(UNHEALTHY, f"invalid address {address!r}: no host")
    try:
        # The resolver encodes the name so (labels of 1..63 characters, as DNS allows), and
        # its UnicodeError is no OSError: a name it cannot encode is an answer, not a crash.
        host.encode("idna")
    except UnicodeError:
        return _Outcome(UNHEALTHY, f"invalid address {address!r}: not a valid host name")
    try:
        _, writer = await asyncio.wait_for(asyncio.open_connection(host, port), _PROBE_TIMEOUT)
    except TimeoutError:
        return _Outcome(UNHEALTHY, f"{host}:{port}: no answer within {_PROBE_TIMEOUT:g}s")
    except OSError as err:
        return _Outcome(UNHEALTHY, f"{host}:{port}: {err.strerror or type(err).__name__}")
    writer.close()
    await writer.wait_closed()
    return _Outcome(HEALTHY)


def _record(tx: Tx, store: Any, outcome: _Outcome) -> None:
    store_id = body(store).id
    nodes = [body(n).id for n in tx.iterate(_NODE)]
    for node_id in nodes:
        key = f"{store_id}|{node_id}"
        old: Any = tx.get(_HEALTH, key)
        row = secret_store_healths_pb2.SecretStoreHealth(
            secret_store_id=store_id,
            node_id=node_id,
            status=outcome.status,
            reachability=outcome.reachability,
            flags=outcome.flags,
        )
        us_timestamp(tx.now, row.checked_at)
        if old is not None and old.status == outcome.status:
            row.changed_at.CopyFrom(old.changed_at)
        else:
            us_timestamp(tx.now, row.changed_at)
        tx.put(_HEALTH, key, row)
    tx.describe(
        "secret store healthcheck",
        f"secret store {body(store).name} ({arm_name(store)}) checked from {len(nodes)} "
        f"node(s): {outcome.status}",
    )


def _healthcheck(env: Env) -> ServerHandler:
    async def healthcheck(call: ServerCall, request: Any) -> Message:
        ident = request.secret_store_id
        if not ident:
            raise bad_request("secret_store_id is required")
        store = await env.store.read(lambda tx: tx.get(_STORE, ident))
        if store is None:
            raise not_found(_STORE.noun, ident)
        outcome = await _probe(_address(store))

        def job(tx: Tx) -> None:
            now = tx.get(_STORE, ident)
            if now is None:  # deleted while it was being probed
                raise not_found(_STORE.noun, ident)
            _record(tx, now, outcome)

        await env.store.write(job, call.actor)
        return respond(call)

    return healthcheck


def _unchecked(key: str) -> Any:
    store_id, _, node_id = key.partition("|")
    return secret_store_healths_pb2.SecretStoreHealth(
        secret_store_id=store_id, node_id=node_id, status=UNKNOWN
    )


def _list(env: Env) -> ServerHandler:
    async def list_(call: ServerCall, request: Any) -> Message:
        keep = entity_filter(_HEALTH, request.filter)
        page = page_of(env, call, request, request.filter)

        def job(tx: Tx) -> tuple[list[Any], str]:
            stores = [body(s).id for s in tx.iterate(_STORE)]
            nodes = [body(n).id for n in tx.iterate(_NODE)]
            keys = sorted(f"{s}|{n}" for s in stores for n in nodes)

            def fetch(after: str, size: int) -> list[tuple[str, Any]]:
                start = bisect.bisect_right(keys, after)
                return [
                    (k, tx.get(_HEALTH, k) or _unchecked(k)) for k in keys[start : start + size]
                ]

            return list_page(fetch, keep, page)

        items, next_cursor = await env.store.read(job)
        response: Any = respond(call)
        response.meta.next_cursor = next_cursor
        response.secret_store_healths.extend(items)
        return response  # type: ignore[no-any-return]

    return list_


# Rows are what checks record: none are seeded.
RULES = (
    Rules(
        "SecretStoreHealths",
        methods={"List": _list, "Healthcheck": _healthcheck, "Check": _healthcheck},
        seedable=False,
    ),
)
