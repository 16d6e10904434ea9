"""The engine: every method of every service served from its shape.

The generated wire table says what each method is (``MethodSpec.shape``: create,
get, update, delete, list) and names its fields (``entity_field``, ``result_field``,
``items``, ``id_field``); the generated kinds say what is stored (references, unique
keys, id prefix). From those, :func:`generic_handler` builds the handler of any
method whose messages carry a stored kind: id checks, required fields, references,
uniqueness, versions and snapshots, pagination, history. A history service's list
serves the versions of its kind.

What differs per service is a :class:`Rules` value in ``aiosdm.testing.rules``
(write and delete hooks, list filters, custom methods); the engine runs a kind's
hooks wherever that kind is written or deleted, whichever handler does it.
"""

from __future__ import annotations

import base64
import binascii
import json
import zlib
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import KW_ONLY, dataclass, field
from typing import Any, TypeVar

from google.protobuf.message import Message

from aiosdm._generated.kinds import KIND_OF_SERVICE, KINDS
from aiosdm._generated.services import SERVICE_SPECS
from aiosdm._specs import Kind, MethodSpec, ServiceKind, Shape
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
    "OWNER_OF_KIND",
    "DeleteHook",
    "Env",
    "HistoryRecord",
    "ListFilter",
    "MethodFactory",
    "Page",
    "Rules",
    "ServerCall",
    "ServerHandler",
    "Step",
    "WriteHook",
    "cascade_delete",
    "check_refs",
    "compile_for",
    "create_handler",
    "create_in",
    "delete_handler",
    "entity_filter",
    "entity_of",
    "generic_handler",
    "get_handler",
    "history_handler",
    "id_of",
    "kind_of_service",
    "list_handler",
    "list_page",
    "logged_list_handler",
    "page_of",
    "respond",
    "rules_of",
    "snapshot_of",
    "update_handler",
    "update_in",
]

T = TypeVar("T")


@dataclass(frozen=True)
class ServerCall:
    """One authenticated call, as the server's handlers see it (the client's per-call
    object is ``aiosdm.interceptors.Call``)."""

    spec: MethodSpec[Any, Any]
    key: ApiKey
    actor: Actor


#: Serves one method: (call, decoded request) -> response.
ServerHandler = Callable[[ServerCall, Any], Awaitable[Message]]


@dataclass(frozen=True, kw_only=True)
class Env:
    """What every handler of one server shares."""

    store: Store
    keyring: KeyRing
    #: The rules by service name (``aiosdm.testing.rules.load_rules()`` for a server).
    rules: Mapping[str, Rules]
    page_size: int = 50
    max_page_size: int = 1000
    engine_key_bits: int = 2048
    #: Where clients reach this server ("127.0.0.1:PORT"), known once it listens: the
    #: addresses the organization answers with are built from it.
    host: Callable[[], str] = lambda: ""
    _shared: dict[type[Any], Any] = field(default_factory=dict, init=False, repr=False)

    def shared(self, cls: type[T]) -> T:
        """This server's one ``cls()``: state the handlers of a rule share (a cache)."""
        found = self._shared.get(cls)
        if found is None:
            # setdefault is atomic: the loop and the store thread get the same one.
            found = self._shared.setdefault(cls, cls())
        return found  # type: ignore[no-any-return]


#: Runs inside every create and update of the kind its service stores, after the
#: generic checks and before the store: (env, tx, entity, stored version or None,
#: call). It may fill server-owned fields, or refuse by raising a ServiceError.
WriteHook = Callable[[Env, Tx, Any, Any, ServerCall], None]
#: Runs inside a delete for each entity of the kind removed, cascades included:
#: (env, tx, id, what it was). For state kept beside the entity (keys, values).
DeleteHook = Callable[[Env, Tx, str, Any], None]
#: Builds the handler of one method for a server.
MethodFactory = Callable[[Env], ServerHandler]
#: Keeps a stored row in a list at a time (row, at_us): rows not in force are hidden.
ListFilter = Callable[[Any, int], bool]
#: One more step of a single create or update: (tx, entity, stored version or None).
Step = Callable[[Tx, Any, Any], None]


@dataclass(frozen=True)
class Rules:
    """What one service does beyond its methods' shapes.

    Args:
        service: the service's name in the wire table (``"Accounts"``).
        on_write: run inside every create and update of the service's kind.
        on_delete: run for every entity of the service's kind deleted.
        methods: method name -> factory of its handler: custom methods, and standard
            ones whose reply or effects differ (a Create that also issues a key).
        list_filter: hides stored rows of the service's kind that are not in force
            (``AccountResources`` of expired grants) from every generic list of it.
        seedable: whether ``LocalServer.seed`` may create the kind in bulk; False when
            a create needs more than ``on_write`` can do (key pairs, encryption).
    """

    service: str
    _: KW_ONLY
    on_write: WriteHook | None = None
    on_delete: DeleteHook | None = None
    methods: Mapping[str, MethodFactory] = field(default_factory=dict)
    list_filter: ListFilter | None = None
    seedable: bool = True


def _owners() -> dict[str, str]:
    owners: dict[str, str] = {}
    for service, kind_name in KIND_OF_SERVICE.items():
        if SERVICE_SPECS[service].kind is ServiceKind.HISTORY:
            continue
        if kind_name in owners:
            raise RuntimeError(f"{owners[kind_name]} and {service} both store {kind_name}")
        owners[kind_name] = service
    return owners


#: The service that stores each kind (a history service only lists its versions):
#: its rules are the kind's rules.
OWNER_OF_KIND: Mapping[str, str] = _owners()
#: Each kind by its message's full name, to find the kind a field carries.
_KIND_OF_MESSAGE = {kind.message.DESCRIPTOR.full_name: kind for kind in KINDS.values()}


def kind_of_service(service: str) -> Kind | None:
    """The kind ``service`` stores, or whose versions it lists; None if it has none."""
    name = KIND_OF_SERVICE.get(service)
    return KINDS[name] if name is not None else None


def rules_of(env: Env, kind: Kind) -> Rules | None:
    """The rules of the service that stores ``kind``, if it has any."""
    owner = OWNER_OF_KIND.get(kind.name)
    return env.rules.get(owner) if owner is not None else None


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
    rules = rules_of(env, kind)
    if rules is not None and rules.on_delete is not None:
        rules.on_delete(env, tx, ident, old)
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

    def after_seq(self) -> int:
        """The row number a list of logged rows (history, activities) resumes after.

        Raises:
            ServiceError: INVALID_ARGUMENT for a position that is no row number SQLite can
                hold (non-ASCII digits, or more than 18 of them), not an INTERNAL later.
        """
        if not self.after:
            return 0
        if not (self.after.isascii() and self.after.isdigit() and len(self.after) <= 18):
            raise bad_request("invalid cursor")
        return int(self.after)


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


# -- writes ----------------------------------------------------------------------


def _write_hooks(
    env: Env, tx: Tx, kind: Kind, entity: Any, old: Any, call: ServerCall, extra: Step | None
) -> None:
    rules = rules_of(env, kind)
    if rules is not None and rules.on_write is not None:
        rules.on_write(env, tx, entity, old, call)
    if extra is not None:
        extra(tx, entity, old)


def create_in(
    env: Env, tx: Tx, kind: Kind, entity: Any, call: ServerCall, extra: Step | None = None
) -> Any:
    """The steps of a create inside a write: validate, run the kind's write hook (then
    ``extra``), assign an id, store."""
    fields = body(entity)
    clear_read_only(fields)
    check_required(entity, kind)
    check_refs(tx, kind, entity)
    _write_hooks(env, tx, kind, entity, None, call, extra)
    fields.id = tx.new_id(kind.prefix)
    tx.put(kind, fields.id, entity)
    return entity


def update_in(
    env: Env,
    tx: Tx,
    kind: Kind,
    ident: str,
    entity: Any,
    call: ServerCall,
    extra: Step | None = None,
) -> Any:
    """The steps of an update inside a write: keep server-owned fields, validate, run
    the kind's write hook (then ``extra``), store."""
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
    _write_hooks(env, tx, kind, entity, old, call, extra)
    tx.put(kind, ident, entity)
    return entity


# -- handler factories -----------------------------------------------------------


def create_handler(env: Env, kind: Kind) -> ServerHandler:
    async def handle(call: ServerCall, request: Any) -> Message:
        entity = entity_of(call.spec, request, kind)
        stored = await env.store.write(
            lambda tx: create_in(env, tx, kind, entity, call), call.actor
        )
        return respond(call, stored)

    return handle


def get_handler(env: Env, kind: Kind) -> ServerHandler:
    async def handle(call: ServerCall, request: Any) -> Message:
        ident, at = id_of(call, request), snapshot_of(request)
        entity = await env.store.read(lambda tx: tx.get(kind, ident, at), lookup=True)
        if entity is None:
            raise not_found(kind.noun, ident)
        return respond(call, entity)

    return handle


def update_handler(env: Env, kind: Kind) -> ServerHandler:
    async def handle(call: ServerCall, request: Any) -> Message:
        entity = entity_of(call.spec, request, kind)
        # The id may come in the request (when it has an id field) or only inside the entity.
        field = call.spec.id_field
        ident = (getattr(request, field) if field else "") or body(entity).id
        if not ident:
            raise bad_request(f"{field or 'id'} is required")
        stored = await env.store.write(
            lambda tx: update_in(env, tx, kind, ident, entity, call), call.actor
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
    keep: ListFilter | None = None,
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
    """Where a history record keeps what: ``activity_id``, ``timestamp`` and
    ``deleted_at`` by name, the entity in the field of its message type."""

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
                return cls(field_.name, "deleted_at" in record.fields_by_name)
        return None


def logged_list_handler(
    env: Env,
    table: str,
    message: type[Message],
    special: Mapping[str, SpecialTerm] | None = None,
) -> ServerHandler:
    """List the rows of an append-only ``table`` (``seq``, ``data``) of ``message``s, oldest
    first: activities, managed secret logs."""
    known = field_names(message.DESCRIPTOR)
    query = f"SELECT seq, data FROM {table} WHERE seq>? ORDER BY seq LIMIT ?"

    async def handle(call: ServerCall, request: Any) -> Message:
        predicate = compile_for(request.filter, known, dict(special or {}))
        page = page_of(env, call, request, request.filter)
        page.after_seq()  # refuse a bad position before the store thread sees it

        def job(tx: Tx) -> tuple[list[Any], str]:
            def fetch(after: str, size: int) -> list[tuple[str, Any]]:
                rows = tx.sql(query, (int(after or 0), size)).fetchall()
                return [(str(seq), message.FromString(data)) for seq, data in rows]

            return list_page(fetch, lambda row: predicate(flatten(row)), page)

        rows, next_cursor = await env.store.read(job)
        response: Any = respond(call)
        response.meta.next_cursor = next_cursor
        getattr(response, call.spec.items).extend(rows)
        return response  # type: ignore[no-any-return]

    return handle


def history_handler(env: Env, kind: Kind, spec: MethodSpec[Any, Any]) -> ServerHandler:
    """List every version of a kind's entities, oldest first."""
    known = field_names(kind.message.DESCRIPTOR) | {"activity_id"}
    layout = HistoryRecord.of(spec, kind)
    if layout is None:
        raise ValueError(f"{spec.signing_name} does not list versions of {kind.noun}")

    async def handle(call: ServerCall, request: Any) -> Message:
        predicate = compile_for(request.filter, known)
        page = page_of(env, call, request, request.filter)
        page.after_seq()  # refuse a bad position before the store thread sees it

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


# -- from a method's shape -------------------------------------------------------


def _kind_in(message: Any, field_name: str) -> Kind | None:
    """The kind whose message the field ``field_name`` of ``message`` carries."""
    found = message.DESCRIPTOR.fields_by_name.get(field_name) if field_name else None
    if found is None or found.message_type is None:
        return None
    return _KIND_OF_MESSAGE.get(found.message_type.full_name)


def generic_handler(env: Env, spec: MethodSpec[Any, Any]) -> ServerHandler | None:
    """The engine's handler of ``spec``, or None when its shape alone cannot serve it.

    A method acts on the kind its messages carry: the entity of a create or update
    (returned in its result field), the result of a get, the items of a list; a
    delete acts on the kind its service stores, and a history service's list on the
    versions of that kind. Custom methods, and methods whose messages carry no stored
    kind, need a rule.
    """
    own = kind_of_service(spec.service)
    if SERVICE_SPECS[spec.service].kind is ServiceKind.HISTORY:
        if spec.shape is Shape.LIST and own is not None and HistoryRecord.of(spec, own):
            return history_handler(env, own, spec)
        return None
    match spec.shape:
        case Shape.LIST:
            listed = _kind_in(spec.response, spec.items)
            if listed is None:
                return None
            rules = rules_of(env, listed)
            return list_handler(env, listed, keep=rules.list_filter if rules else None)
        case Shape.GET:
            got = _kind_in(spec.response, spec.result_field)
            return get_handler(env, got) if got is not None and spec.id_field else None
        case Shape.CREATE | Shape.UPDATE:
            written = _kind_in(spec.request, spec.entity_field)
            if (
                written is None
                or written.derived
                or _kind_in(spec.response, spec.result_field) is not written
            ):
                return None
            if spec.shape is Shape.CREATE:
                return create_handler(env, written)
            return update_handler(env, written)
        case Shape.DELETE:
            if own is None or own.derived or not spec.id_field:
                return None
            return delete_handler(env, own)
    return None
