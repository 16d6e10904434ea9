"""Nodes (gateways and relays): a name when none is given, a token on create, and a
TCP probe from the "node" (this server) to a host and port."""

from __future__ import annotations

import asyncio
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
from aiosdm.testing._errors import bad_request, not_found
from aiosdm.testing._fields import arm_name, body
from aiosdm.testing._store import Tx

__all__ = ["RULES"]

_NODE = KINDS["node"]
_PROBE_TIMEOUT = 5.0


def _on_write(env: Env, tx: Tx, entity: Any, old: Any, call: ServerCall) -> None:
    fields = body(entity)
    if not fields.name:
        fields.name = f"{arm_name(entity)}-{secrets.token_hex(4)}"
    if "state" in fields.DESCRIPTOR.fields_by_name and old is None:
        fields.state = "new"


def _create(env: Env) -> ServerHandler:
    async def create(call: ServerCall, request: Any) -> Message:
        node = entity_of(call.spec, request, _NODE)
        stored = await env.store.write(lambda tx: create_in(env, tx, _NODE, node, call), call.actor)
        return respond(call, stored, token=secrets.token_urlsafe(32))

    return create


def _tcp_probe(env: Env) -> ServerHandler:
    async def tcp_probe(call: ServerCall, request: Any) -> Message:
        node_id = request.node_id
        if not node_id:
            raise bad_request("node_id is required")
        if not request.host or not 0 < request.port < 65536:
            raise bad_request("host and a port in 1..65535 are required")
        try:
            request.host.encode("idna")  # labels of 1..63 characters, as DNS allows
        except UnicodeError:
            raise bad_request(f"host: {request.host[:64]!r} is not a valid host name") from None
        if await env.store.read(lambda tx: tx.get(_NODE, node_id)) is None:
            raise not_found(_NODE.noun, node_id)
        try:
            _, writer = await asyncio.wait_for(
                asyncio.open_connection(request.host, request.port), _PROBE_TIMEOUT
            )
        except (OSError, TimeoutError) as err:
            return respond(call, succeeded=False, error=str(err) or type(err).__name__)
        writer.close()
        await writer.wait_closed()
        return respond(call, succeeded=True)

    return tcp_probe


RULES = (Rules("Nodes", on_write=_on_write, methods={"Create": _create, "TCPProbe": _tcp_probe}),)
