"""The standard method shapes, implemented once for every kind.

strongDM's services share their message layouts (wire facts §1): a Create request
carries the entity in field 2, Update in field 3 with the id in field 2, Get and
Delete the id in field 2; responses carry the entity, or the page of entities, in
field 2. These factories build a handler for any kind from that layout.
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
    "Call",
    "DeleteHook",
    "Env",
    "Handler",
    "Hook",
    "Page",
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
    "list_handler",
    "list_page",
    "page_of",
    "snapshot_of",
    "update_handler",
    "update_in",
]


@dataclass(frozen=True)
class Call:
    """One authenticated call, as handlers see it."""

    spec: MethodSpec[Any, Any]
    key: ApiKey
    actor: Actor


Handler = Callable[[Call, Any], Awaitable[Message]]
#: Kind-specific rules run inside the write: (tx, entity, stored version or None, call).
Hook = Callable[[Tx, Any, Any, Call], None]
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


def entity_of(request: Any, number: int, kind: Kind) -> Any:
    """A copy of the entity in field ``number`` of ``request``, checked to be usable."""
    name = request.DESCRIPTOR.fields_by_number[number].name
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


def _set_entity(response: Message, number: int, entity: Message) -> None:
    name = response.DESCRIPTOR.fields_by_number[number].name
    getattr(response, name).CopyFrom(entity)


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


def _fingerprint(call: Call, filter_text: str) -> str:
    return f"{zlib.crc32(f'{call.spec.signing_name}|{filter_text}'.encode()):08x}"


def page_of(env: Env, call: Call, request: Any, filter_text: str = "") -> Page:
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


def create_in(tx: Tx, kind: Kind, entity: Any, call: Call, hook: Hook | None) -> Any:
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


def update_in(tx: Tx, kind: Kind, ident: str, entity: Any, call: Call, hook: Hook | None) -> Any:
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


def create_handler(env: Env, kind: Kind, hook: Hook | None = None) -> Handler:
    async def handle(call: Call, request: Any) -> Message:
        entity = entity_of(request, 2, kind)
        stored = await env.store.write(
            lambda tx: create_in(tx, kind, entity, call, hook), call.actor
        )
        response = call.spec.response()
        _set_entity(response, 2, stored)
        return response  # type: ignore[no-any-return]

    return handle


def get_handler(env: Env, kind: Kind) -> Handler:
    async def handle(call: Call, request: Any) -> Message:
        ident, at = request.id, snapshot_of(request)
        if not ident:
            raise bad_request("id is required")
        entity = await env.store.read(lambda tx: tx.get(kind, ident, at))
        if entity is None:
            raise not_found(kind.noun, ident)
        response = call.spec.response()
        _set_entity(response, 2, entity)
        return response  # type: ignore[no-any-return]

    return handle


def update_handler(env: Env, kind: Kind, hook: Hook | None = None) -> Handler:
    async def handle(call: Call, request: Any) -> Message:
        entity = entity_of(request, 3, kind)
        ident = request.id or body(entity).id
        if not ident:
            raise bad_request("id is required")
        stored = await env.store.write(
            lambda tx: update_in(tx, kind, ident, entity, call, hook), call.actor
        )
        response = call.spec.response()
        _set_entity(response, 2, stored)
        return response  # type: ignore[no-any-return]

    return handle


def delete_handler(env: Env, kind: Kind) -> Handler:
    async def handle(call: Call, request: Any) -> Message:
        ident = request.id
        if not ident:
            raise bad_request("id is required")

        def job(tx: Tx) -> None:
            if cascade_delete(env, tx, kind, ident) is None:
                raise not_found(kind.noun, ident)

        await env.store.write(job, call.actor)
        return call.spec.response()  # type: ignore[no-any-return]

    return handle


def list_handler(
    env: Env,
    kind: Kind,
    *,
    keep: Callable[[Any, int], bool] | None = None,
) -> Handler:
    """List current (or snapshot) entities; ``keep(entity, at_us)`` filters further."""

    async def handle(call: Call, request: Any) -> Message:
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
        response = call.spec.response()
        response.meta.next_cursor = next_cursor
        name = response.DESCRIPTOR.fields_by_number[2].name
        getattr(response, name).extend(items)
        return response  # type: ignore[no-any-return]

    return handle


def history_handler(env: Env, kind: Kind) -> Handler:
    """List every version of a kind's entities, oldest first."""
    known = field_names(kind.message.DESCRIPTOR) | {"activity_id"}

    async def handle(call: Call, request: Any) -> Message:
        predicate = compile_for(request.filter, known)
        page = page_of(env, call, request, request.filter)
        if page.after and not page.after.isdigit():
            raise bad_request("invalid cursor")
        record_cls = call.spec.response.DESCRIPTOR.fields_by_number[2].message_type

        def job(tx: Tx) -> tuple[list[Any], str]:
            def fetch(after: str, size: int) -> list[tuple[str, Any]]:
                rows = tx.history(kind, after_seq=int(after or 0), limit=size)
                return [(str(r.seq), r) for r in rows]

            def accept(row: Any) -> bool:
                return predicate(Record(row.entity, {"activity_id": row.activity_id}))

            return list_page(fetch, accept, page)

        rows, next_cursor = await env.store.read(job)
        response = call.spec.response()
        response.meta.next_cursor = next_cursor
        history = response.DESCRIPTOR.fields_by_number[2].name
        for row in rows:
            record = getattr(response, history).add()
            fields = record_cls.fields_by_number
            record.activity_id = row.activity_id
            us_timestamp(row.timestamp_us, record.timestamp)
            getattr(record, fields[3].name).CopyFrom(row.entity)
            if row.deleted_at_us is not None and 4 in fields:
                us_timestamp(row.deleted_at_us, getattr(record, fields[4].name))
        return response  # type: ignore[no-any-return]

    return handle
