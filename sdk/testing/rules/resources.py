"""Resources: healthy when created, their tags enumerable, and a health check."""

from __future__ import annotations

import bisect
from typing import Any

from google.protobuf.message import Message

from aiosdm._generated.kinds import KINDS
from aiosdm._generated.v1 import tags_pb2
from aiosdm.testing._engine import (
    Env,
    Rules,
    ServerCall,
    ServerHandler,
    compile_for,
    list_page,
    page_of,
    respond,
    snapshot_of,
)
from aiosdm.testing._errors import not_found
from aiosdm.testing._fields import body, field_names, flatten
from aiosdm.testing._store import Tx

__all__ = ["RULES"]

_RESOURCE = KINDS["resource"]


def _on_write(env: Env, tx: Tx, entity: Any, old: Any, call: ServerCall) -> None:
    if old is None:
        body(entity).healthy = True


def _enumerate_tags(env: Env) -> ServerHandler:
    tag_fields = field_names(tags_pb2.Tag.DESCRIPTOR)

    async def enumerate_tags(call: ServerCall, request: Any) -> Message:
        predicate = compile_for(request.filter, tag_fields)
        page = page_of(env, call, request, request.filter)
        at = snapshot_of(request)

        def job(tx: Tx) -> tuple[list[Any], str]:
            pairs: set[tuple[str, str]] = set()
            for resource in tx.iterate(_RESOURCE, at=at):
                pairs.update((p.name, p.value) for p in body(resource).tags.pairs)
            keyed = sorted((f"{n}\x00{v}", tags_pb2.Tag(name=n, value=v)) for n, v in pairs)
            keys = [k for k, _ in keyed]
            return list_page(
                lambda after, size: (
                    keyed[bisect.bisect_right(keys, after) :][:size] if after else keyed[:size]
                ),
                lambda tag: predicate(flatten(tag)),
                page,
            )

        tags, next_cursor = await env.store.read(job)
        response: Any = respond(call)
        response.meta.next_cursor = next_cursor
        getattr(response, call.spec.items).extend(tags)
        return response  # type: ignore[no-any-return]

    return enumerate_tags


def _healthcheck(env: Env) -> ServerHandler:
    async def healthcheck(call: ServerCall, request: Any) -> Message:
        ident = request.id
        if await env.store.read(lambda tx: tx.get(_RESOURCE, ident)) is None:
            raise not_found(_RESOURCE.noun, ident)
        return respond(call)

    return healthcheck


RULES = (
    Rules(
        "Resources",
        on_write=_on_write,
        methods={"EnumerateTags": _enumerate_tags, "Healthcheck": _healthcheck},
    ),
)
