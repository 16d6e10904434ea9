"""What the control plane does with a ``Kind`` (the table of kinds is generated from the
protos' annotations into ``aiosdm._generated.kinds``; ``aiosdm._specs.Kind`` says what
one entry holds): the links it indexes, the unique keys it claims, how it is named.
"""

from __future__ import annotations

from google.protobuf.message import Message

from aiosdm._specs import Kind
from aiosdm.testing._fields import arm_name, body

__all__ = ["UniqueKey", "describe", "links", "type_name", "unique_keys"]

#: (key, message if taken): a value no two current entities of a kind may share.
UniqueKey = tuple[str, str]


def links(kind: Kind, entity: Message) -> list[tuple[str, str]]:
    """(field, value) of every reference and indexed field that is set."""
    fields = body(entity)
    out = []
    for name in (*(r.field for r in kind.refs), *kind.indexed):
        value = getattr(fields, name)
        if value:
            out.append((name, str(value)))
    return out


def unique_keys(kind: Kind, entity: Message) -> list[UniqueKey]:
    """The keys ``entity`` claims. A key binds only the oneof arms that have all its
    fields, and an empty value claims nothing; values compare case-insensitively."""
    fields = body(entity)
    present = fields.DESCRIPTOR.fields_by_name
    out = []
    for key in kind.unique:
        if not all(name in present for name in key):
            continue
        values = [str(getattr(fields, name)) for name in key]
        if not all(values):
            continue
        said = " and ".join(f"{n} {v!r}" for n, v in zip(key, values, strict=True))
        out.append(
            (
                f"{','.join(key)}:{'/'.join(v.lower() for v in values)}",
                f"{type_name(kind, entity)} with {said} already exists",
            )
        )
    return out


def describe(entity: Message) -> str:
    """A short human label of an entity (its name or email when it has one)."""
    fields = body(entity)
    for attr in ("email", "name"):
        if attr in fields.DESCRIPTOR.fields_by_name and getattr(fields, attr):
            return str(getattr(fields, attr))
    return str(getattr(fields, "id", ""))


def type_name(kind: Kind, entity: Message) -> str:
    """The concrete type (``user``, ``postgres``) or the kind's noun."""
    return arm_name(entity) or kind.noun
