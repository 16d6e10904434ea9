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
    compile_for,
    list_page,
    page_of,
    respond,
)
from aiosdm.testing._errors import bad_request, not_found
from aiosdm.testing._fields import FieldValue, field_names, flatten
from aiosdm.testing._filters import Predicate, SpecialTerm
from aiosdm.testing._store import Tx

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
    known = field_names(activities_pb2.Activity.DESCRIPTOR)
    special = {
        "before": _time_term("completed_at", before=True),
        "after": _time_term("completed_at", before=False),
    }

    async def list_(call: ServerCall, request: Any) -> Message:
        predicate = compile_for(request.filter, known, special)
        page = page_of(env, call, request, request.filter)
        if page.after and not page.after.isdigit():
            raise bad_request("invalid cursor")

        def job(tx: Tx) -> tuple[list[Any], str]:
            def fetch(after: str, size: int) -> list[tuple[str, Any]]:
                rows = tx.sql(
                    "SELECT seq, data FROM activities WHERE seq>? ORDER BY seq LIMIT ?",
                    (int(after or 0), size),
                ).fetchall()
                return [(str(s), activities_pb2.Activity.FromString(d)) for s, d in rows]

            return list_page(fetch, lambda a: predicate(flatten(a)), page)

        items, next_cursor = await env.store.read(job)
        response: Any = respond(call)
        response.meta.next_cursor = next_cursor
        getattr(response, call.spec.items).extend(items)
        return response  # type: ignore[no-any-return]

    return list_


RULES = (Rules("Activities", methods={"Get": _get, "List": _list}),)
