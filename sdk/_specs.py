"""The facts the generated wire table records about every service and method.

``aiosdm._generated.services`` holds one :class:`ServiceSpec` per service and one
:class:`MethodSpec` per RPC, built from the annotations in ``protos/``; the client,
the retry link and the local control plane all read these instead of keeping lists
of their own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Generic, TypeVar

from google.protobuf.message import Message

__all__ = ["Kind", "MethodSpec", "Ref", "ServiceKind", "ServiceSpec", "Shape"]

Req = TypeVar("Req")
Resp = TypeVar("Resp")


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


@dataclass(frozen=True, slots=True)
class MethodSpec(Generic[Req, Resp]):
    """One RPC: ``path`` goes to gRPC, ``signing_name`` into the request signature.

    ``idempotent`` comes from the proto's ``idempotency_level``: such calls change
    nothing (or the same thing) when sent twice, so they may be retried freely.
    Field names follow the standard layouts: ``entity_field`` is the request field
    carrying the entity of a create/update, ``result_field`` the response field
    carrying the entity of a create/get/update, ``items`` the repeated response field
    of a list, and ``id_field`` the request field holding the id of the entity the
    call acts on.
    """

    service: str
    method: str
    path: str
    signing_name: str
    request: type[Req]
    response: type[Resp]
    python_name: str
    shape: Shape
    idempotent: bool
    items: str = ""
    id_field: str = ""
    entity_field: str = ""
    result_field: str = ""
    #: On the wire but not a client method (the official Python SDK lacks it too).
    hidden: bool = False
    #: The permission a key must hold to make the call (an official permission string,
    #: "role:create"); "" when the protos give none (the local control plane then
    #: refuses to start).
    permission: str = ""


@dataclass(frozen=True, slots=True)
class ServiceSpec:
    """One service: its kind, where it sits on the client, and what it stores.

    ``entity`` is the stored message's name ("" when the service stores nothing of
    its own), ``history_of`` the service whose versions a history service lists.
    ``read_permission``/``write_permission`` are what its reads (idempotent methods)
    and writes need unless a method names its own (``MethodSpec.permission``).
    """

    name: str
    kind: ServiceKind
    attribute: str
    methods: Mapping[str, MethodSpec[Any, Any]]
    entity: str = ""
    id_prefix: str = ""
    snapshot: bool = False
    history_of: str = ""
    read_permission: str = ""
    write_permission: str = ""


@dataclass(frozen=True, slots=True)
class Ref:
    """``field`` holds the id of a ``target`` entity: it must exist, and deleting the
    target deletes the referring entity too."""

    field: str
    target: str


@dataclass(frozen=True, slots=True)
class Kind:
    """What the local control plane stores for one service entity."""

    name: str
    noun: str
    message: type[Message]
    prefix: str = ""
    refs: tuple[Ref, ...] = ()
    #: Further fields indexed for lookups (refs are always indexed).
    indexed: tuple[str, ...] = ()
    #: Keys no two current entities may share, each a tuple of field names.
    unique: tuple[tuple[str, ...], ...] = ()
    #: Derived kinds are maintained by the server, never written by clients.
    derived: bool = False
