"""Bulk creation for test and benchmark setup: many entities, one transaction."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from google.protobuf.message import Message

from aiosdm._generated.kinds import KINDS
from aiosdm._generated.services import SERVICES
from aiosdm._specs import Kind, MethodSpec, Shape
from aiosdm.testing._auth import ApiKey
from aiosdm.testing._engine import OWNER_OF_KIND, Env, Rules, ServerCall, create_in
from aiosdm.testing._fields import body, oneof_name
from aiosdm.testing._store import Actor, Tx
from aiosdm.testing.rules import load_rules

__all__ = ["SEEDABLE", "seed", "seedable"]


def _create_spec(service: str) -> MethodSpec[Any, Any] | None:
    """The create call a seeded entity stands in for; for what the service only records
    (queries, replays, access requests, ...) its first read."""
    methods = list(SERVICES[service].values())
    return next((s for s in methods if s.shape is Shape.CREATE), methods[0] if methods else None)


def seedable(rules: Mapping[str, Rules]) -> dict[str, str]:
    """The kinds ``seed`` may create, with the service that holds them: every stored kind
    but the derived ones, unless its rule says not. Seeding is how tests put in what
    users make outside the API (queries, replays, access requests, health checks)."""
    out = {}
    for name, service in OWNER_OF_KIND.items():
        rule = rules.get(service)
        if KINDS[name].derived or _create_spec(service) is None:
            continue
        if rule is None or rule.seedable:
            out[name] = service
    return out


#: Kinds that can be seeded under the rules of ``aiosdm.testing.rules``. Secret
#: engines and managed secrets need keys and encryption: create those through the API.
SEEDABLE = seedable(load_rules())


def _resolve(entity: Any, kinds: Iterable[str]) -> tuple[Kind, Message]:
    """The kind of ``entity`` and its stored message (an arm gets its wrapper)."""
    if not isinstance(entity, Message):
        from aiosdm._generated.models import to_message

        entity = to_message(entity)
    name = entity.DESCRIPTOR.full_name
    for kind_name in kinds:
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
    """A store job creating every entity as its create call would; returns their ids."""
    kinds = seedable(env.rules)
    resolved = [_resolve(e, kinds) for e in entities]
    actor = Actor(account_id=key.account_id, first_name=key.name)
    calls = {
        name: ServerCall(spec, key, actor)
        for name, service in kinds.items()
        if (spec := _create_spec(service)) is not None
    }

    def job(tx: Tx) -> list[str]:
        ids = []
        for kind, entity in resolved:
            stored = create_in(env, tx, kind, entity, calls[kind.name])
            ids.append(str(body(stored).id))
        tx.describe("seeded", f"{len(ids)} entities created in bulk")
        return ids

    return job
