"""Activities: the store records one per write transaction; they are read here,
filtered by their fields and by ``before:``/``after:`` a time (of completion)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from google.protobuf.message import Message

from aiosdm._generated.v1 import activities_pb2
from aiosdm.testing._engine import (
    Env,
    Rules,
    ServerCall,
    ServerHandler,
    logged_list_handler,
    respond,
)
from aiosdm.testing._errors import bad_request, not_found
from aiosdm.testing._fields import FieldValue
from aiosdm.testing._filters import Predicate, SpecialTerm

__all__ = ["RULES"]


def _time_term(field: str, before: bool) -> SpecialTerm:
    def build(value: str) -> Predicate:
        try:
            bound = datetime.fromisoformat(value.strip())
        except ValueError:
            raise bad_request(f"invalid filter: {value!r} is not an RFC 3339 time") from None
        if bound.tzinfo is None:
            bound = bound.replace(tzinfo=UTC)

        def check(record: Mapping[str, FieldValue]) -> bool:
            text = record.get(field)
            if not isinstance(text, str) or not text:
                return False
            when = datetime.fromisoformat(text)
            return when < bound if before else when >= bound

        return check

    return build


def _get(env: Env) -> ServerHandler:
    async def get(call: ServerCall, request: Any) -> Message:
        ident = request.id
        row = await env.store.read(
            lambda tx: tx.sql("SELECT data FROM activities WHERE id=?", (ident,)).fetchone()
        )
        if row is None:
            raise not_found("activity", ident)
        return respond(call, activities_pb2.Activity.FromString(row[0]))

    return get


def _list(env: Env) -> ServerHandler:
    return logged_list_handler(
        env,
        "activities",
        activities_pb2.Activity,
        {
            "before": _time_term("completed_at", before=True),
            "after": _time_term("completed_at", before=False),
        },
    )


RULES = (Rules("Activities", methods={"Get": _get, "List": _list}),)
