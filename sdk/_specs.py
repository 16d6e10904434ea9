"""The facts the generated wire table records about every service and method.

``aiosdm._generated.services`` holds one :class:`ServiceSpec` per service and one
:class:`MethodSpec` per RPC, built from the annotations in ``protos/``; the client,
the retry link and the local control plane all read these instead of keeping lists
of their own.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any, Generic, NoReturn, Self, TypeVar

from google.protobuf.message import Message

__all__ = ["Kind", "MethodSpec", "Ref", "ServiceKind", "ServiceSpec", "Shape"]

Req = TypeVar("Req")
Resp = TypeVar("Resp")


class _Record:
    """A read-only record compared by value, its fields named by ``__slots__``.

    Plain classes rather than frozen dataclasses: making a dataclass costs most of a
    millisecond at import, and these load with every client.
    """

    __slots__: tuple[str, ...] = ()

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def _set(self, **values: object) -> None:
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, _Record)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({shown})"

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError(f"{type(self).__name__} is read-only; make another with replace()")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def replace(self, **changes: Any) -> Self:
        """A copy with ``changes`` made."""
        values = {name: getattr(self, name) for name in self.__slots__}
        return type(self)(**(values | changes))


class Shape(StrEnum):
    """How a method looks to a caller (and how the control plane serves it)."""

    CREATE = "create"
    GET = "get"
    UPDATE = "update"
    DELETE = "delete"
    LIST = "list"
    CUSTOM = "custom"


class ServiceKind(StrEnum):
    """What a service does with the entities it names."""

    CRUD = "crud"
    READ_ONLY = "read_only"
    HISTORY = "history"
    DERIVED = "derived"
    CUSTOM = "custom"


class MethodSpec(_Record, Generic[Req, Resp]):
    """One RPC: ``path`` goes to gRPC, ``signing_name`` into the request signature.

    ``idempotent`` comes from the proto's ``idempotency_level``: such calls change
    nothing (or the same thing) when sent twice, so they may be retried freely.
    Field names follow the standard layouts: ``entity_field`` is the request field
    carrying the entity of a create/update, ``result_field`` the response field
    carrying the entity of a create/get/update, ``items`` the repeated response field
    of a list, and ``id_field`` the request field holding the id of the entity the
    call acts on.

    ``hidden``: on the wire but not a client method (the official Python SDK lacks it
    too). ``permission``: what a key must hold to make the call (an official permission
    string, "role:create"); "" when the protos give none (the local control plane then
    refuses to start).
    """

    __slots__ = (
        "entity_field",
        "hidden",
        "id_field",
        "idempotent",
        "items",
        "method",
        "path",
        "permission",
        "python_name",
        "request",
        "response",
        "result_field",
        "service",
        "shape",
        "signing_name",
    )
    service: str
    method: str
    path: str
    signing_name: str
    request: type[Req]
    response: type[Resp]
    python_name: str
    shape: Shape
    idempotent: bool
    items: str
    id_field: str
    entity_field: str
    result_field: str
    hidden: bool
    permission: str

    def __init__(
        self,
        service: str,
        method: str,
        path: str,
        signing_name: str,
        request: type[Req],
        response: type[Resp],
        python_name: str,
        shape: Shape,
        idempotent: bool,
        items: str = "",
        id_field: str = "",
        entity_field: str = "",
        result_field: str = "",
        hidden: bool = False,
        permission: str = "",
    ) -> None:
        self._set(
            service=service,
            method=method,
            path=path,
            signing_name=signing_name,
            request=request,
            response=response,
            python_name=python_name,
            shape=shape,
            idempotent=idempotent,
            items=items,
            id_field=id_field,
            entity_field=entity_field,
            result_field=result_field,
            hidden=hidden,
            permission=permission,
        )


class ServiceSpec(_Record):
    """One service: its kind, where it sits on the client, and what it stores.

    ``entity`` is the stored message's name ("" when the service stores nothing of
    its own), ``history_of`` the service whose versions a history service lists.
    ``read_permission``/``write_permission`` are what its reads (idempotent methods)
    and writes need unless a method names its own (``MethodSpec.permission``).
    """

    __slots__ = (
        "attribute",
        "entity",
        "history_of",
        "id_prefix",
        "kind",
        "methods",
        "name",
        "read_permission",
        "snapshot",
        "write_permission",
    )
    name: str
    kind: ServiceKind
    attribute: str
    methods: Mapping[str, MethodSpec[Any, Any]]
    entity: str
    id_prefix: str
    snapshot: bool
    history_of: str
    read_permission: str
    write_permission: str

    def __init__(
        self,
        name: str,
        kind: ServiceKind,
        attribute: str,
        methods: Mapping[str, MethodSpec[Any, Any]],
        entity: str = "",
        id_prefix: str = "",
        snapshot: bool = False,
        history_of: str = "",
        read_permission: str = "",
        write_permission: str = "",
    ) -> None:
        self._set(
            name=name,
            kind=kind,
            attribute=attribute,
            methods=methods,
            entity=entity,
            id_prefix=id_prefix,
            snapshot=snapshot,
            history_of=history_of,
            read_permission=read_permission,
            write_permission=write_permission,
        )


class Ref(_Record):
    """``field`` holds the id of a ``target`` entity: it must exist, and deleting the
    target deletes the referring entity too."""

    __slots__ = ("field", "target")
    field: str
    target: str

    def __init__(self, field: str, target: str) -> None:
        self._set(field=field, target=target)


class Kind(_Record):
    """What the local control plane stores for one service entity.

    ``indexed``: further fields indexed for lookups (refs are always indexed).
    ``unique``: keys no two current entities may share, each a tuple of field names.
    ``derived``: maintained by the server, never written by clients.
    """

    __slots__ = ("derived", "indexed", "message", "name", "noun", "prefix", "refs", "unique")
    name: str
    noun: str
    message: type[Message]
    prefix: str
    refs: tuple[Ref, ...]
    indexed: tuple[str, ...]
    unique: tuple[tuple[str, ...], ...]
    derived: bool

    def __init__(
        self,
        name: str,
        noun: str,
        message: type[Message],
        prefix: str = "",
        refs: tuple[Ref, ...] = (),
        indexed: tuple[str, ...] = (),
        unique: tuple[tuple[str, ...], ...] = (),
        derived: bool = False,
    ) -> None:
        self._set(
            name=name,
            noun=noun,
            message=message,
            prefix=prefix,
            refs=refs,
            indexed=indexed,
            unique=unique,
            derived=derived,
        )
