"""One porcelain object described once, then built by each SDK's own constructor.

A :class:`Twin` names a model and its fields by the official Python names; ``theirs()``
calls the official ``strongdm`` constructors and ``ours()`` the aiosdm ones, recursively,
with the same values. Neither object is derived from the other, so a converter that
misplaces a field (writes ``hostname`` into ``username``) shows up as different bytes.

:func:`every_field` and :func:`required_only` describe a model from the official message
descriptors alone: which fields the official constructor takes (through the
``porcelain_name_override`` field option), which the service requires, and what kind of value
each holds, with a distinct value in every field.
"""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from types import ModuleType
from typing import Any

import strongdm
from google.protobuf import descriptor_pool
from google.protobuf.descriptor import Descriptor, FieldDescriptor
from strongdm import options_pb2, plumbing

from aiosdm import models
from aiosdm._generated.models import binding

POOL = descriptor_pool.Default()  # the official SDK registers its v1.* messages here

#: Fields our models have and the official porcelain leaves out: the wire's engine ``type``
#: (the official SDK sends it empty). Any other difference in the field names is a bug.
OURS_ONLY = {
    name: frozenset({"type"})
    for name in (
        "ActiveDirectoryEngine",
        "KeyValueEngine",
        "MysqlEngine",
        "PostgresEngine",
        "SqlserverEngine",
    )
}


#: The official converter cannot encode these (it copies a map field with CopyFrom, which
#: protobuf maps lack): they are compared in the read direction only.
OFFICIAL_CANNOT_ENCODE = frozenset({"Query", "QueryCapture"})


def _shared() -> Iterator[str]:
    for name, cls in vars(strongdm.models).items():
        official_model = inspect.isclass(cls) and cls.__module__ == strongdm.models.__name__
        if official_model and hasattr(cls, "to_dict") and name in models.__all__:
            yield name


#: The official porcelain classes (those with to_dict) that we have a model for.
SHARED = sorted(_shared())


@dataclass(frozen=True)
class Twin:
    """The model ``name`` with ``fields`` (official Python names), buildable by either SDK.

    Field values are plain values (copied for each build), lists, dicts, or nested twins.
    """

    name: str
    fields: dict[str, Any] = field(default_factory=dict)

    def theirs(self) -> Any:
        """The official SDK's object, from its constructors only."""
        return _build(self, strongdm)

    def ours(self) -> Any:
        """Our object, from our constructors only."""
        return _build(self, models)

    def replace(self, **changes: Any) -> Twin:
        return Twin(self.name, {**self.fields, **changes})

    def __str__(self) -> str:
        return self.name


def twin(model: str, /, **fields: Any) -> Twin:
    return Twin(model, fields)


def _build(value: Any, sdk: ModuleType) -> Any:
    if isinstance(value, Twin):
        cls = getattr(sdk, value.name)
        return cls(**{k: _build(v, sdk) for k, v in value.fields.items()})
    if isinstance(value, list):
        return [_build(v, sdk) for v in value]
    if isinstance(value, dict):
        return {k: _build(v, sdk) for k, v in value.items()}
    return value


# --- the official descriptors: which fields, which values -----------------------------------


def options(f: FieldDescriptor) -> Any:
    return f.GetOptions().Extensions[options_pb2.field_options]


def python_name(f: FieldDescriptor) -> str:
    """The official constructor's name for a wire field."""
    return str(options(f).custom.porcelain_name_override.get("python", f.name.lower()))


def official_fields(name: str) -> dict[str, FieldDescriptor]:
    """The official constructor's parameters, each with the wire field it fills."""
    descriptor = POOL.FindMessageTypeByName("v1." + name)
    wire = {python_name(f): f for f in descriptor.fields if options(f).porcelain}
    return {p: wire[p] for p in inspect.signature(getattr(strongdm, name)).parameters}


def our_fields(name: str) -> set[str]:
    """Our model's field names, from its dataclass."""
    return {f.name for f in dataclasses.fields(getattr(models, name))}


def arms(descriptor: Descriptor) -> list[Descriptor] | None:
    """The arms of a polymorphic message (one oneof of messages) that both SDKs have a model
    for, else None when the message is not polymorphic."""
    for oneof in descriptor.oneofs:
        if oneof.fields and all(f.message_type is not None for f in oneof.fields):
            known = [f.message_type for f in oneof.fields]
            return [m for m in known if hasattr(strongdm, m.name) and m.name in models.__all__]
    return None


def arm_names(name: str) -> list[str]:
    """The concrete models of ``name``: its arms when polymorphic, else itself."""
    found = arms(POOL.FindMessageTypeByName("v1." + name))
    return [name] if found is None else [d.name for d in found]


def counter() -> Callable[[], int]:
    state = [0]

    def fresh() -> int:
        state[0] += 1
        return state[0]

    return fresh


def _required(f: FieldDescriptor) -> bool:
    """Always required by the service (conditional requirements are left out)."""
    opts = options(f)
    return bool(opts.required) and not opts.condition and not list(opts.conditions)


def every_field(name: str, fresh: Callable[[], int] | None = None, /, **overrides: Any) -> Twin:
    """``name`` with a distinct value in every field the official constructor takes."""
    fresh = fresh or counter()
    values = {attr: _value(f, fresh, minimal=False) for attr, f in official_fields(name).items()}
    return Twin(name, {**values, **overrides})


def _ours_requires(name: str) -> set[str]:
    """The fields our constructor cannot do without (the entity of a success response)."""
    parameters = inspect.signature(getattr(models, name)).parameters.values()
    return {p.name for p in parameters if p.default is inspect.Parameter.empty}


def required_only(name: str, fresh: Callable[[], int] | None = None, /, **overrides: Any) -> Twin:
    """``name`` with a distinct value in each field the service always requires (or our
    constructor does), no other."""
    fresh = fresh or counter()
    ours = _ours_requires(name)
    values = {
        attr: _value(f, fresh, minimal=True)
        for attr, f in official_fields(name).items()
        if _required(f) or attr in ours
    }
    return Twin(name, {**values, **overrides})


def _keyed_value(descriptor: Descriptor) -> Descriptor | None:
    """The value message of a keyed map (one repeated field of its own nested entries, each a
    name and a message), else None."""
    if len(descriptor.fields) != 1 or not descriptor.fields[0].is_repeated:
        return None
    entry = descriptor.fields[0].message_type
    if entry is None or entry.containing_type is not descriptor or len(entry.fields) != 2:
        return None
    key, value = entry.fields
    if key.type != FieldDescriptor.TYPE_STRING or value.message_type is None:
        return None
    return value.message_type


def _value(f: FieldDescriptor, fresh: Callable[[], int], *, minimal: bool) -> Any:
    entry = f.message_type
    if entry is not None and entry.GetOptions().map_entry:  # map<k, v>: a dict
        n = fresh()
        return {f"k{n}": f"v{n}", f"k{n}b": ""}
    if f.is_repeated:
        return [_single(f, fresh, minimal), _single(f, fresh, minimal)]
    return _single(f, fresh, minimal)


def _single(f: FieldDescriptor, fresh: Callable[[], int], minimal: bool) -> Any:
    n = fresh()
    converter = options(f).custom.converter
    if converter == "access_rules":  # JSON text on the wire, parsed in the porcelain
        return [{"tags": {"env": f"e{n}"}}, {"ids": [f"rs-{n}"]}]
    if converter == "access_rule":
        return {"ids": [f"rs-{n}"], "type": "postgres"}
    message = f.message_type
    if message is not None:
        if message.full_name == "google.protobuf.Timestamp":
            return datetime(2020, 1, 1, tzinfo=UTC) + timedelta(days=n, microseconds=n)
        if message.full_name == "google.protobuf.Duration":
            return timedelta(seconds=n, microseconds=n)
        if message.full_name == "v1.Tags":
            return {f"k{n}": f"v{n}", f"k{n}b": ""}
        keyed = _keyed_value(message)
        if keyed is not None:  # a dict of name -> model in both porcelains
            build_value = required_only if minimal else every_field
            return {f"k{n}": build_value(keyed.name, fresh)}
        found = arms(message)
        chosen = message if found is None else found[n % len(found)]
        build = required_only if minimal else every_field
        return build(chosen.name, fresh)
    if f.type == FieldDescriptor.TYPE_STRING:
        return f"{f.name}-{n}"
    if f.type == FieldDescriptor.TYPE_BYTES:
        return f"bytes-{n}".encode()
    if f.type == FieldDescriptor.TYPE_BOOL:
        return True  # the default is False
    if f.type in (FieldDescriptor.TYPE_FLOAT, FieldDescriptor.TYPE_DOUBLE):
        return n + 0.5  # exact in a float32
    if f.cpp_type in (
        FieldDescriptor.CPPTYPE_INT32,
        FieldDescriptor.CPPTYPE_INT64,
        FieldDescriptor.CPPTYPE_UINT32,
        FieldDescriptor.CPPTYPE_UINT64,
    ):
        return n
    raise AssertionError(f"no test value for {f.full_name}")


# --- each SDK's encoding --------------------------------------------------------------------


def official_bytes(obj: Any) -> bytes:
    """The official SDK's encoding of its porcelain ``obj`` (its converters, its messages)."""
    name = type(obj).__name__.lower()
    convert = next(
        getattr(plumbing, fn)
        for fn in dir(plumbing)
        if fn.startswith("convert_")
        and fn.endswith("_to_plumbing")
        and fn.removeprefix("convert_").removesuffix("_to_plumbing").replace("_", "") == name
    )
    data: bytes = convert(obj).SerializeToString()
    return data


def our_bytes(model: Any) -> bytes:
    """Our encoding of ``model`` (its generated writer, our messages)."""
    b = binding(type(model))
    message = b.message()
    b.write(model, message)
    return message.SerializeToString()
