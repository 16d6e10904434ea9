"""What the control plane stores: one ``Kind`` per entity type, with its id prefix,
references to other kinds, uniqueness rules and the services that expose it.

Id prefixes are the service's own (``ServiceOptions.id_prefix`` of strongDM v1).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from google.protobuf.message import Message

from aiosdm._generated.v1 import (
    account_attachments_pb2,
    account_grants_pb2,
    account_resources_pb2,
    accounts_groups_pb2,
    accounts_pb2,
    drivers_pb2,
    groups_pb2,
    groups_roles_pb2,
    managed_secrets_pb2,
    nodes_pb2,
    role_resources_pb2,
    roles_pb2,
    secret_engine_types_pb2,
    secret_store_types_pb2,
)
from aiosdm.testing._fields import arm_name, body

__all__ = ["KINDS", "Kind", "Ref", "UniqueKey"]


@dataclass(frozen=True)
class Ref:
    """``field`` holds the id of a ``target`` entity: it must exist, and deleting the
    target deletes the referring entity too."""

    field: str
    target: str


#: (key, message if taken): a value no two current entities of a kind may share.
UniqueKey = tuple[str, str]


@dataclass(frozen=True)
class Kind:
    name: str
    noun: str
    message: type[Message]
    prefix: str = ""
    refs: tuple[Ref, ...] = ()
    #: Further fields indexed for lookups (refs are always indexed).
    indexed: tuple[str, ...] = ()
    unique: Callable[[Message], list[UniqueKey]] | None = None
    #: Derived kinds are maintained by the server, never written by clients.
    derived: bool = False

    def links(self, entity: Message) -> list[tuple[str, str]]:
        fields = body(entity)
        out = []
        for name in (*(r.field for r in self.refs), *self.indexed):
            value = getattr(fields, name)
            if value:
                out.append((name, str(value)))
        return out

    def unique_keys(self, entity: Message) -> list[UniqueKey]:
        return self.unique(entity) if self.unique is not None else []

    def describe(self, entity: Message) -> str:
        """A short human label of an entity (its name or email when it has one)."""
        fields = body(entity)
        for attr in ("email", "name"):
            if attr in fields.DESCRIPTOR.fields_by_name and getattr(fields, attr):
                return str(getattr(fields, attr))
        return str(getattr(fields, "id", ""))

    def type_name(self, entity: Message) -> str:
        """The concrete type (``user``, ``postgres``) or the kind's noun."""
        return arm_name(entity) or self.noun


def _named(noun: str) -> Callable[[Message], list[UniqueKey]]:
    def keys(entity: Message) -> list[UniqueKey]:
        name = str(body(entity).name)
        if not name:
            return []
        return [(f"name:{name.lower()}", f"{noun} named {name!r} already exists")]

    return keys


def _account_keys(entity: Message) -> list[UniqueKey]:
    fields = body(entity)
    if arm_name(entity) == "user":
        email = str(fields.email)
        return [(f"email:{email.lower()}", f"a user with email {email!r} already exists")]
    return _named("account")(entity)


def _pair(noun: str, left: str, right: str) -> Callable[[Message], list[UniqueKey]]:
    def keys(entity: Message) -> list[UniqueKey]:
        a, b = getattr(entity, left), getattr(entity, right)
        return [(f"{a}/{b}", f"{noun} of {a} and {b} already exists")]

    return keys


def _secret_keys(entity: Message) -> list[UniqueKey]:
    engine, name = entity.secret_engine_id, entity.name  # type: ignore[attr-defined]
    return [(f"{engine}/{name.lower()}", f"managed secret {name!r} already exists in {engine}")]


_KIND_LIST = (
    Kind("account", "account", accounts_pb2.Account, "a-", unique=_account_keys),
    Kind("resource", "resource", drivers_pb2.Resource, "rs-", unique=_named("resource")),
    Kind("role", "role", roles_pb2.Role, "r-", unique=_named("role")),
    Kind("group", "group", groups_pb2.Group, "group-", unique=_named("group")),
    Kind(
        "account_attachment",
        "account attachment",
        account_attachments_pb2.AccountAttachment,
        "aa-",
        refs=(Ref("account_id", "account"), Ref("role_id", "role")),
        unique=_pair("an account attachment", "account_id", "role_id"),
    ),
    Kind(
        "account_grant",
        "account grant",
        account_grants_pb2.AccountGrant,
        "ag-",
        refs=(Ref("account_id", "account"), Ref("resource_id", "resource")),
    ),
    Kind(
        "account_group",
        "account group",
        accounts_groups_pb2.AccountGroup,
        "accountgroup-",
        refs=(Ref("account_id", "account"), Ref("group_id", "group")),
        unique=_pair("a group membership", "account_id", "group_id"),
    ),
    Kind(
        "group_role",
        "group role",
        groups_roles_pb2.GroupRole,
        "grouprole-",
        refs=(Ref("group_id", "group"), Ref("role_id", "role")),
        unique=_pair("a group role", "group_id", "role_id"),
    ),
    Kind("node", "node", nodes_pb2.Node, "n-", unique=_named("node")),
    Kind(
        "secret_store",
        "secret store",
        secret_store_types_pb2.SecretStore,
        "se-",
        unique=_named("secret store"),
    ),
    Kind(
        "secret_engine",
        "secret engine",
        secret_engine_types_pb2.SecretEngine,
        "eng-",
        refs=(Ref("secret_store_id", "secret_store"),),
        unique=_named("secret engine"),
    ),
    Kind(
        "managed_secret",
        "managed secret",
        managed_secrets_pb2.ManagedSecret,
        "ms-",
        refs=(Ref("secret_engine_id", "secret_engine"),),
        unique=_secret_keys,
    ),
    Kind(
        "role_resource",
        "role resource",
        role_resources_pb2.RoleResource,
        indexed=("role_id", "resource_id"),
        derived=True,
    ),
    Kind(
        "account_resource",
        "account resource",
        account_resources_pb2.AccountResource,
        indexed=("account_id",),
        derived=True,
    ),
)

KINDS: dict[str, Kind] = {k.name: k for k in _KIND_LIST}
