"""Hypothesis strategies for every generated model, derived from the message descriptors."""

from __future__ import annotations

import dataclasses
import typing
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any

from google.protobuf.descriptor import Descriptor, FieldDescriptor
from hypothesis import strategies as st

from aiosdm._convert import Model
from aiosdm._generated import models
from aiosdm._generated.v1 import hints_pb2

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)
INTS = {
    FieldDescriptor.TYPE_INT32: st.integers(-(2**31), 2**31 - 1),
    FieldDescriptor.TYPE_INT64: st.integers(-(2**63), 2**63 - 1),
    FieldDescriptor.TYPE_UINT32: st.integers(0, 2**32 - 1),
    FieldDescriptor.TYPE_UINT64: st.integers(0, 2**64 - 1),
}
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
DATETIMES = st.none() | st.datetimes(
    min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=st.just(UTC)
).filter(lambda d: d != EPOCH)
TIMEDELTAS = st.timedeltas(
    min_value=timedelta(days=-3_000_000), max_value=timedelta(days=3_000_000)
)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=6,
)


def attr_name(f: FieldDescriptor) -> str:
    hint = f.GetOptions().Extensions[hints_pb2.field]
    return hint.name or f.name.lower()


def wire_fields(cls: type[Model]) -> dict[str, FieldDescriptor]:
    desc: Descriptor = models.BINDINGS[cls].message.DESCRIPTOR
    return {attr_name(f): f for f in desc.fields}


def is_polymorphic_base(cls: type[Model]) -> bool:
    return any(
        sub is not cls and issubclass(sub, cls) and not sub.__name__.startswith("Unknown")
        for sub in models.BINDINGS
    )


def arms(base: type[Model]) -> list[type[Model]]:
    return [
        c
        for c in models.BINDINGS
        if c is not base and issubclass(c, base) and not c.__name__.startswith("Unknown")
    ]


def unknown_of(base: type[Model]) -> type[Model]:
    return next(c for c in models.BINDINGS if c.__name__ == "Unknown" + base.__name__)


def for_type(tp: Any, f: FieldDescriptor | None) -> st.SearchStrategy[Any]:
    origin = typing.get_origin(tp)
    if origin is list:
        (inner,) = typing.get_args(tp)
        return st.lists(for_type(inner, f), max_size=2)
    if origin is dict:  # tags, maps, and keyed messages (name -> model)
        key, value = typing.get_args(tp)
        return st.dictionaries(for_type(key, None), for_type(value, None), max_size=3)
    if tp is str:
        return TEXT
    if tp is bool:
        return st.booleans()
    if tp is bytes:
        return st.binary(max_size=16)
    if tp is int:
        assert f is not None
        return INTS[f.type]
    if tp is float:
        return st.floats(
            allow_nan=False, allow_infinity=False, width=32 if f and f.type == 2 else 64
        )
    if tp is timedelta:
        return TIMEDELTAS
    if tp == datetime | None:
        return DATETIMES
    if tp is Any:
        empty_list = f is not None and attr_name(f).endswith("s")
        return st.lists(JSON, max_size=3) if empty_list else st.dictionaries(TEXT, JSON, max_size=3)
    args = typing.get_args(tp)
    if args and type(None) in args:  # polymorphic "Base | None", or a nullable message
        (base,) = [a for a in args if a is not type(None)]
        return st.none() | (polymorphic(base) if is_polymorphic_base(base) else model(base))
    if isinstance(tp, type) and issubclass(tp, Model):
        if is_polymorphic_base(tp):  # a response's entity: always one of its kinds
            return polymorphic(tp)
        return st.deferred(lambda: model(tp))
    raise AssertionError(f"no strategy for {tp!r}")


def polymorphic(base: type[Model]) -> st.SearchStrategy[Any]:
    return st.one_of([st.deferred(lambda c=c: model(c)) for c in arms(base)] + [unknown(base)])


def unknown(base: type[Model]) -> st.SearchStrategy[Any]:
    """An arm this SDK does not know: a known arm's payload under an unused field number."""
    cls = unknown_of(base)
    wrapper = models.BINDINGS[base].message.DESCRIPTOR
    used = {f.number for f in wrapper.fields}
    numbers = st.integers(1, 5000).filter(lambda n: n not in used and not 19000 <= n <= 19999)

    @st.composite
    def build(draw: st.DrawFn) -> Any:
        arm = draw(st.sampled_from(arms(base)))
        hidden = draw(model(arm))
        inner = models.to_message(hidden).SerializeToString()
        number = draw(numbers)
        raw = varint(number << 3 | 2) + varint(len(inner)) + inner
        # What the SDK can read from an unknown arm: the common fields of the arm we hid.
        shared = {name: getattr(hidden, name) for name in cls.readable_fields}  # type: ignore[attr-defined]
        return cls(raw=raw, field_number=number, **shared)

    return build()


def varint(n: int) -> bytes:
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


@cache
def model(cls: type[Model]) -> st.SearchStrategy[Any]:
    if is_polymorphic_base(cls):
        return polymorphic(cls)
    if cls.__name__.startswith("Unknown"):
        return unknown(cls.__mro__[1])
    hints = typing.get_type_hints(cls)
    wf = wire_fields(cls)
    kwargs = {
        fld.name: for_type(hints[fld.name], wf.get(fld.name))
        for fld in dataclasses.fields(cls)  # type: ignore[arg-type]
    }
    return st.builds(cls, **kwargs)
