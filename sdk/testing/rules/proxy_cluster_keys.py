"""Proxy cluster keys: only for a proxy cluster, stamped when made, and the secret half
answered once, by Create (never stored, never listed)."""

from __future__ import annotations

import secrets
from typing import Any

from google.protobuf.message import Message

from aiosdm._generated.kinds import KINDS
from aiosdm.testing._engine import (
    Env,
    Rules,
    ServerCall,
    ServerHandler,
    create_in,
    entity_of,
    respond,
)
from aiosdm.testing._errors import bad_request
from aiosdm.testing._fields import arm_name, us_timestamp
from aiosdm.testing._store import Tx

__all__ = ["RULES"]

_KEY = KINDS["proxy_cluster_key"]
_NODE = KINDS["node"]


def _on_write(env: Env, tx: Tx, entity: Any, old: Any, call: ServerCall) -> None:
    node = tx.get(_NODE, entity.proxy_cluster_id)
    if node is not None and arm_name(node) != "proxy_cluster":
        raise bad_request(f"{entity.proxy_cluster_id} is a {arm_name(node)}, not a proxy cluster")
    if old is None:
        us_timestamp(tx.now, entity.created_at)


def _create(env: Env) -> ServerHandler:
    async def create(call: ServerCall, request: Any) -> Message:
        key = entity_of(call.spec, request, _KEY)
        stored = await env.store.write(lambda tx: create_in(env, tx, _KEY, key, call), call.actor)
        return respond(call, stored, secret_key=secrets.token_urlsafe(32))

    return create


RULES = (Rules("ProxyClusterKeys", on_write=_on_write, methods={"Create": _create}),)
