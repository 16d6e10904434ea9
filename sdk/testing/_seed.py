"""Bulk creation for test and benchmark setup: many entities, one transaction."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from google.protobuf.message import Message

from aiosdm._generated.kinds import KINDS
from aiosdm._generated.services import SERVICES
from aiosdm._specs import Kind
from aiosdm.testing._auth import ApiKey
from aiosdm.testing._engine import Env, ServerCall, create_in
from aiosdm.testing._fields import body, oneof_name
from aiosdm.testing._handlers import create_hooks
from aiosdm.testing._store import Actor, Tx

__all__ = ["SEEDABLE", "seed"]

#: Kinds that can be seeded, with the service whose Create they stand in for. Secret
#: engines and managed secrets need keys and encryption: create those through the API.
SEEDABLE = {
    "account": "Accounts",
    "resource": "Resources",
    "role": "Roles",
    "group": "Groups",
    "account_attachment": "AccountAttachments",
    "account_grant": "AccountGrants",
    "account_group": "AccountsGroups",
    "group_role": "GroupsRoles",
    "node": "Nodes",
    "secret_store": "SecretStores",
}


def _resolve(entity: Any) -> tuple[Kind, Message]:
    """The kind of ``entity`` and its stored message (an arm gets its wrapper)."""
    if not isinstance(entity, Message):
        from aiosdm._generated.models import to_message

        entity = to_message(entity)
    name = entity.DESCRIPTOR.full_name
    for kind_name in SEEDABLE:
        kind = KINDS[kind_name]
        descriptor: Any = kind.message.DESCRIPTOR
        if descriptor.full_name == name:
            return kind, entity
        if oneof_name(descriptor) is not None:
            for arm in descriptor.fields:
                if arm.message_type.full_name == name:
                    wrapper = kind.message()
                    getattr(wrapper, arm.name).CopyFrom(entity)
                    return kind, wrapper
    raise ValueError(f"cannot seed {type(entity).__name__}: create it through the API")


def seed(env: Env, key: ApiKey, entities: Iterable[Any]) -> Any:
    """A store job creating every entity as its Create call would; returns their ids."""
    resolved = [_resolve(e) for e in entities]
    hooks = create_hooks(env)
    actor = Actor(account_id=key.account_id, first_name=key.name)

    def job(tx: Tx) -> list[str]:
        ids = []
        for kind, entity in resolved:
            spec = SERVICES[SEEDABLE[kind.name]]["Create"]
            stored = create_in(tx, kind, entity, ServerCall(spec, key, actor), hooks.get(kind.name))
            ids.append(str(body(stored).id))
        tx.describe("seeded", f"{len(ids)} entities created in bulk")
        return ids

    return job
