"""The standard method shapes, implemented once for every kind.

strongDM's services share their message layouts; the generated wire table names the
fields of each method (``MethodSpec.entity_field``, ``result_field``, ``items``,
``id_field``), so these factories build a handler for any kind from its spec.
"""

from __future__ import annotations

import base64
import binascii
import json
import zlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from google.protobuf.message import Message

from aiosdm._generated.kinds import KINDS
from aiosdm._specs import Kind, MethodSpec
from aiosdm.testing._auth import ApiKey, KeyRing
from aiosdm.testing._errors import bad_request, not_found
from aiosdm.testing._fields import (
    Record,
    arm_name,
    body,
    clear_read_only,
    copy_read_only,
    field_names,
    flatten,
    missing_required,
    oneof_name,
    timestamp_us,
    us_timestamp,
)
from aiosdm.testing._filters import FilterError, Predicate, SpecialTerm, compile_filter
from aiosdm.testing._kinds import type_name
from aiosdm.testing._store import Actor, Store, Tx

__all__ = [
    "DeleteHook",
    "Env",
    "Hook",
    "Page",
    "ServerCall",
    "ServerHandler",
    "cascade_delete",
    "check_refs",
    "compile_for",
    "create_handler",
    "create_in",
    "delete_handler",
    "entity_filter",
    "entity_of",
    "get_handler",
    "history_handler",
    "id_of",
    "list_handler",
    "list_page",
    "page_of",
    "respond",
    "snapshot_of",
    "update_handler",
    "update_in",
]


@dataclass(frozen=True)
class ServerCall:
    """One authenticated call, as the server's handlers see it (the client's per-call
    object is ``aiosdm.interceptors.Call``)."""

    spec: MethodSpec[Any, Any]
    key: ApiKey
    actor: Actor


#: Serves one method: (call, decoded request) -> response.
ServerHandler = Callable[[ServerCall, Any], Awaitable[Message]]
#: Kind-specific rules run inside the write: (tx, entity, stored version or None, call).
Hook = Callable[[Tx, Any, Any, ServerCall], None]
#: Run inside a delete for each entity removed (cascades included): (tx, id, entity).
DeleteHook = Callable[[Tx, str, Any], None]


@dataclass
class Env:
    """What every handler shares."""

    store: Store
    keyring: KeyRing
    page_size: int = 50
    max_page_size: int = 1000
    engine_key_bits: int = 2048
    on_delete: dict[str, DeleteHook] = field(default_factory=dict)


# -- validation ------------------------------------------------------------------


def entity_of(spec: MethodSpec[Any, Any], request: Any, kind: Kind) -> Any:
    """A copy of the entity a create/update ``request`` carries, checked to be usable."""
    name = spec.entity_field
    if not request.HasField(name):
        raise bad_request(f"{name} is required")
    entity = kind.message()
    entity.CopyFrom(getattr(request, name))
    if oneof_name(entity.DESCRIPTOR) is not None and arm_name(entity) is None:
        raise bad_request(f"{name}: unknown or missing {kind.noun} type")
    return entity


def check_required(entity: Message, kind: Kind) -> None:
    missing = missing_required(body(entity))
    if missing:
        label = type_name(kind, entity)
        raise bad_request(f"{label}: missing required field(s): {', '.join(missing)}")


def check_refs(tx: Tx, kind: Kind, entity: Message) -> None:
    fields = body(entity)
    for ref in kind.refs:
        value = getattr(fields, ref.field)
        if value and tx.get(KINDS[ref.target], value) is None:
            raise not_found(KINDS[ref.target].noun, value)


def cascade_delete(env: Env, tx: Tx, kind: Kind, ident: str) -> Any:
    """Delete an entity and everything that refers to it; returns what it was."""
    old = tx.delete(kind, ident)
    if old is None:
        return None
    hook = env.on_delete.get(kind.name)
    if hook is not None:
        hook(tx, ident, old)
    for other in KINDS.values():
        for ref in other.refs:
            if ref.target == kind.name:
                for dependent in tx.linked(other, ref.field, ident):
                    cascade_delete(env, tx, other, dependent)
    return old


def snapshot_of(request: Any) -> int | None:
    """The request's ``meta.snapshot_at`` in microseconds, or None for "now"."""
    if "meta" not in request.DESCRIPTOR.fields_by_name or not request.HasField("meta"):
        return None
    meta = request.meta
    if "snapshot_at" not in meta.DESCRIPTOR.fields_by_name or not meta.HasField("snapshot_at"):
        return None
    at = timestamp_us(meta.snapshot_at)
    return at if at > 0 else None


def respond(call: ServerCall, result: Message | None = None, **fields: Any) -> Message:
    """The method's response: ``result`` in its result field, then ``fields`` by name."""
    response = call.spec.response()
    if result is not None:
        getattr(response, call.spec.result_field).CopyFrom(result)
    for name, value in fields.items():
        if isinstance(value, Message):
            getattr(response, name).CopyFrom(value)
        else:
            setattr(response, name, value)
    return response  # type: ignore[no-any-return]


def id_of(call: ServerCall, request: Any) -> str:
    """The id the request names, which must be set."""
    ident = str(getattr(request, call.spec.id_field))
    if not ident:
        raise bad_request(f"{call.spec.id_field} is required")
    return ident


# -- pagination ------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """Where a list call starts and how much it returns."""

    after: str
    limit: int
    fingerprint: str

    def cursor(self, last_key: str) -> str:
        raw = json.dumps({"a": last_key, "q": self.fingerprint}, separators=(",", ":"))
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _fingerprint(call: ServerCall, filter_text: str) -> str:
    return f"{zlib.crc32(f'{call.spec.signing_name}|{filter_text}'.encode()):08x}"


def page_of(env: Env, call: ServerCall, request: Any, filter_text: str = "") -> Page:
    """Decode ``meta.cursor``/``meta.limit`` of a list request.

    Raises:
        ServiceError: INVALID_ARGUMENT for a negative limit or a foreign cursor.
    """
    meta = request.meta
    if meta.limit < 0:
        raise bad_request("meta.limit must not be negative")
    limit = min(meta.limit or env.page_size, env.max_page_size)
    fingerprint = _fingerprint(call, filter_text)
    after = ""
    if meta.cursor:
        try:
            padded = meta.cursor + "=" * (-len(meta.cursor) % 4)
            decoded = json.loads(base64.urlsafe_b64decode(padded))
            after, owner = str(decoded["a"]), str(decoded["q"])
        except (binascii.Error, ValueError, KeyError, TypeError):
            raise bad_request("invalid cursor") from None
        if owner != fingerprint:
            raise bad_request("cursor belongs to a different list call")
    return Page(after, limit, fingerprint)


Fetch = Callable[[str, int], list[tuple[str, Any]]]


def list_page(fetch: Fetch, keep: Callable[[Any], bool], page: Page) -> tuple[list[Any], str]:
    """Collect up to ``page.limit`` kept items in key order after ``page.after``.

    Keyset pagination: the cursor is the last key looked at, so an item that exists
    for the whole listing is returned exactly once whatever else changes meanwhile.
    The first fetch asks for one row more than a page, so an unfiltered listing
    knows when it is done without a trailing empty page.
    """
    out: list[Any] = []
    after = page.after
    size = page.limit + 1
    while True:
        chunk = fetch(after, size)
        for key, item in chunk:
            if len(out) >= page.limit:
                return out, page.cursor(after)
            after = key
            if keep(item):
                out.append(item)
        if len(chunk) < size:
            return out, ""
        size = max(page.limit, 100)


def compile_for(
    text: str, known: frozenset[str], special: dict[str, SpecialTerm] | None = None
) -> Predicate:
    try:
        return compile_filter(text, known, special)
    except FilterError as err:
        raise bad_request(f"invalid filter: {err}") from None


def entity_filter(kind: Kind, text: str) -> Callable[[Any], bool]:
    predicate = compile_for(text, field_names(kind.message.DESCRIPTOR))
    if not text.strip():
        return lambda entity: True
    return lambda entity: predicate(flatten(entity))


# -- handler factories -----------------------------------------------------------


def create_in(tx: Tx, kind: Kind, entity: Any, call: ServerCall, hook: Hook | None) -> Any:
    """The steps of a Create inside a write: validate, assign an id, store."""
    fields = body(entity)
    clear_read_only(fields)
    check_required(entity, kind)
    check_refs(tx, kind, entity)
    if hook is not None:
        hook(tx, entity, None, call)
    fields.id = tx.new_id(kind.prefix)
    tx.put(kind, fields.id, entity)
    return entity


def update_in(
    tx: Tx, kind: Kind, ident: str, entity: Any, call: ServerCall, hook: Hook | None
) -> Any:
    """The steps of an Update inside a write: keep server-owned fields, validate, store."""
    old = tx.get(kind, ident)
    if old is None:
        raise not_found(kind.noun, ident)
    if arm_name(old) != arm_name(entity):
        raise bad_request(
            f"cannot change the type of {kind.noun} {ident} "
            f"from {arm_name(old)} to {arm_name(entity)}"
        )
    copy_read_only(body(old), body(entity))
    check_required(entity, kind)
    check_refs(tx, kind, entity)
    if hook is not None:
        hook(tx, entity, old, call)
    tx.put(kind, ident, entity)
    return entity


def create_handler(env: Env, kind: Kind, hook: Hook | None = None) -> ServerHandler:
    async def handle(call: ServerCall, request: Any) -> Message:
        entity = entity_of(call.spec, request, kind)
        stored = await env.store.write(
            lambda tx: create_in(tx, kind, entity, call, hook), call.actor
        )
        return respond(call, stored)

    return handle


def get_handler(env: Env, kind: Kind) -> ServerHandler:
    async def handle(call: ServerCall, request: Any) -> Message:
        ident, at = id_of(call, request), snapshot_of(request)
        entity = await env.store.read(lambda tx: tx.get(kind, ident, at))
        if entity is None:
            raise not_found(kind.noun, ident)
        return respond(call, entity)

    return handle


def update_handler(env: Env, kind: Kind, hook: Hook | None = None) -> ServerHandler:
    async def handle(call: ServerCall, request: Any) -> Message:
        entity = entity_of(call.spec, request, kind)
        # The id may come in the request or only inside the entity.
        ident = getattr(request, call.spec.id_field) or body(entity).id
        if not ident:
            raise bad_request(f"{call.spec.id_field} is required")
        stored = await env.store.write(
            lambda tx: update_in(tx, kind, ident, entity, call, hook), call.actor
        )
        return respond(call, stored)

    return handle


def delete_handler(env: Env, kind: Kind) -> ServerHandler:
    async def handle(call: ServerCall, request: Any) -> Message:
        ident = id_of(call, request)

        def job(tx: Tx) -> None:
            if cascade_delete(env, tx, kind, ident) is None:
                raise not_found(kind.noun, ident)

        await env.store.write(job, call.actor)
        return respond(call)

    return handle


def list_handler(
    env: Env,
    kind: Kind,
    *,
    keep: Callable[[Any, int], bool] | None = None,
) -> ServerHandler:
    """List current (or snapshot) entities; ``keep(entity, at_us)`` filters further."""

    async def handle(call: ServerCall, request: Any) -> Message:
        matches = entity_filter(kind, request.filter)
        page = page_of(env, call, request, request.filter)
        at = snapshot_of(request)

        def job(tx: Tx) -> tuple[list[Any], str]:
            when = at if at is not None else tx.now

            def fetch(after: str, size: int) -> list[tuple[str, Any]]:
                return tx.scan(kind, after=after, limit=size, at=at)

            def accept(entity: Any) -> bool:
                return (keep is None or keep(entity, when)) and matches(entity)

            return list_page(fetch, accept, page)

        items, next_cursor = await env.store.read(job)
        response: Any = respond(call)
        response.meta.next_cursor = next_cursor
        getattr(response, call.spec.items).extend(items)
        return response  # type: ignore[no-any-return]

    return handle


@dataclass(frozen=True)
class HistoryRecord:
    """Where a history record keeps what: the entity's field is found by its type."""

    message: Any
    entity_field: str
    has_deleted_at: bool

    @classmethod
    def of(cls, spec: MethodSpec[Any, Any], kind: Kind) -> HistoryRecord | None:
        """The record layout of a history list of ``kind``, or None if it is not one."""
        items = spec.response.DESCRIPTOR.fields_by_name.get(spec.items)
        record = items.message_type if items is not None else None
        if record is None or not {"activity_id", "timestamp"} <= set(record.fields_by_name):
            return None
        entity = kind.message.DESCRIPTOR.full_name
        for field_ in record.fields:
            if field_.message_type is not None and field_.message_type.full_name == entity:
                return cls(record, field_.name, "deleted_at" in record.fields_by_name)
        return None


def history_handler(env: Env, kind: Kind) -> ServerHandler:
    """List every version of a kind's entities, oldest first."""
    known = field_names(kind.message.DESCRIPTOR) | {"activity_id"}

    async def handle(call: ServerCall, request: Any) -> Message:
        layout = HistoryRecord.of(call.spec, kind)
        if layout is None:
            raise TypeError(f"{call.spec.signing_name} does not list {kind.noun} versions")
        predicate = compile_for(request.filter, known)
        page = page_of(env, call, request, request.filter)
        if page.after and not page.after.isdigit():
            raise bad_request("invalid cursor")

        def job(tx: Tx) -> tuple[list[Any], str]:
            def fetch(after: str, size: int) -> list[tuple[str, Any]]:
                rows = tx.history(kind, after_seq=int(after or 0), limit=size)
                return [(str(r.seq), r) for r in rows]

            def accept(row: Any) -> bool:
                return predicate(Record(row.entity, {"activity_id": row.activity_id}))

            return list_page(fetch, accept, page)

        rows, next_cursor = await env.store.read(job)
        response: Any = respond(call)
        response.meta.next_cursor = next_cursor
        history = getattr(response, call.spec.items)
        for row in rows:
            record = history.add()
            record.activity_id = row.activity_id
            us_timestamp(row.timestamp_us, record.timestamp)
            getattr(record, layout.entity_field).CopyFrom(row.entity)
            if row.deleted_at_us is not None and layout.has_deleted_at:
                us_timestamp(row.deleted_at_us, record.deleted_at)
        return response  # type: ignore[no-any-return]

    return handle
