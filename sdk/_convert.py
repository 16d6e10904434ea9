"""Runtime helpers shared by the generated models (``aiosdm._generated.models``).

Conversions follow the wire conventions of the strongDM API: timestamps are
always present on the wire and epoch 0 means "unset"; durations are always
present; tags travel as ordered name/value pairs; access rules as JSON text.
A singular message field is always present too: one the caller never set travels
as an empty message, as the official SDK sends its None (see :func:`left_default`).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any, Self, TypeVar

from google.protobuf.duration_pb2 import Duration
from google.protobuf.message import DecodeError, Message
from google.protobuf.timestamp_pb2 import Timestamp

from aiosdm._public import publish

__all__ = [
    "MissingPayloadError",
    "Model",
    "duration_from",
    "duration_into",
    "json_from",
    "json_to",
    "left_default",
    "made_default",
    "parse_arm",
    "payload",
    "require_aware",
    "tags_from",
    "tags_into",
    "timestamp_from",
    "timestamp_into",
    "unknown_arm",
]


_M = TypeVar("_M", bound=Message)
_T = TypeVar("_T")


class Model:
    """Base of every generated model dataclass.

    ``repr()`` and ``==`` work like a dataclass's, from the dataclass fields; fields marked
    ``repr=False`` (secrets, raw bytes) are left out of ``repr()``. ``to_dict()`` and
    ``from_dict()`` use the official SDK's dict layout.
    """

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        """Every field by name, in alphabetical order, holding the value as it is.

        The official SDK's layout: a shallow dict, so nested models stay models, datetimes
        and timedeltas stay themselves, tags are a dict and JSON fields (access rules) their
        parsed value. Secret fields are included.
        """
        return {name: getattr(self, name) for name in _field_names(type(self))}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Self:
        """The model whose fields are ``d``'s values (the inverse of :meth:`to_dict`).

        As in the official SDK, a missing key or a None value leaves the field at its
        default and keys that are not fields are ignored.
        """
        make: Callable[..., Self] = cls  # generated models take their fields as keywords
        return make(**{n: d[n] for n in _field_names(cls) if d.get(n) is not None})

    def __repr__(self) -> str:
        fields = dataclasses.fields(self)  # type: ignore[arg-type]
        shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields if f.repr)
        return f"{type(self).__qualname__}({shown})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        fields = dataclasses.fields(self)  # type: ignore[arg-type]
        return all(getattr(self, f.name) == getattr(other, f.name) for f in fields)

    __hash__ = None  # type: ignore[assignment]  # mutable, like a dataclass with eq=True


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type[Model]) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        fields = dataclasses.fields(cls)  # type: ignore[arg-type]
        names = _FIELD_NAMES[cls] = tuple(sorted(f.name for f in fields))
    return names


_DEFAULT_MARK = "_aiosdm_made_default"
_M2 = TypeVar("_M2", bound=Model)


def made_default(model: _M2) -> _M2:
    """Mark ``model`` as the empty value a constructor made for a field the caller left out."""
    vars(model)[_DEFAULT_MARK] = True
    return model


def left_default(model: Model) -> bool:
    """Whether ``model`` is still the empty default a constructor made (see
    :func:`made_default`).

    The official SDK holds None there and sends an empty message, where writing the default
    model would also send its own nested messages; so such a field is sent empty. A model
    given by the caller or read from the wire is sent field by field, even when empty.
    """
    return bool(vars(model).get(_DEFAULT_MARK)) and model == type(model)()


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class MissingPayloadError(ValueError):
    """A success response lacks the entity it always carries (see :func:`payload`); a call
    raises it as :class:`aiosdm.errors.UnknownError`."""


def payload(p: Message, name: str, read: Callable[[Any], _T | None]) -> _T:
    """The entity a successful create, get or update returns, from field ``name`` of ``p``.

    The service always sends it; an answer without it (or with an empty entity of no kind)
    raises :class:`MissingPayloadError` instead of reading as None or an empty model.
    """
    if p.HasField(name):
        value = read(getattr(p, name))
        if value is not None:
            return value
    raise MissingPayloadError(f"the service answered {p.DESCRIPTOR.name} without its {name}")


def timestamp_from(p: Timestamp) -> datetime | None:
    """A wire timestamp as an aware UTC datetime; epoch 0 (the unset value) is None.

    The same instant as ``p.ToDatetime(tzinfo=UTC)`` (nanoseconds cut toward zero to
    microseconds), in a fraction of its time.
    """
    seconds, nanos = p.seconds, p.nanos
    if not seconds and not nanos:
        return None
    micros = nanos // 1000 if nanos >= 0 else -(-nanos // 1000)
    return _EPOCH + timedelta(seconds=seconds, microseconds=micros)


def timestamp_into(value: datetime | None, p: Timestamp) -> None:
    """Write ``value`` into ``p``, marking it present even when ``value`` is None.

    A naive datetime is a ValueError (see :func:`require_aware`).
    """
    p.SetInParent()
    if value is None:
        return
    require_aware(value)
    p.FromDatetime(value)


def require_aware(value: datetime, what: str = "") -> None:
    """Refuse a naive datetime, saying what to pass instead.

    Guessing the zone silently moves the instant: the official SDK reads a naive value as
    the machine's local time, so ``datetime.utcnow()`` shifts a grant by the UTC offset.

    Raises:
        ValueError: ``value`` has no time zone; the message names ``what`` when given.
    """
    if value.tzinfo is None or value.utcoffset() is None:
        where = f" for {what}" if what else ""
        raise ValueError(
            f"naive datetime {value.isoformat()}{where}: pass a timezone-aware one, such as "
            "datetime.now(timezone.utc), or add the zone it is in, e.g. "
            "value.replace(tzinfo=timezone.utc) for a UTC value"
        )


def duration_from(p: Duration) -> timedelta:
    return p.ToTimedelta()


def duration_into(value: timedelta | None, p: Duration) -> None:
    p.SetInParent()
    if value is not None:
        p.FromTimedelta(value)


def tags_from(p: Any) -> dict[str, str]:
    return {pair.name: pair.value for pair in p.pairs}


def tags_into(value: dict[str, str] | None, p: Any) -> None:
    p.SetInParent()
    if value:
        pairs = p.pairs
        for name, val in value.items():
            pairs.add(name=name, value=val)


def json_from(text: str, empty: Any) -> Any:
    """Parse JSON text; the empty string reads as ``empty`` (``[]`` or ``{}``)."""
    return json.loads(text) if text else empty


def json_to(value: Any) -> str:
    # json.dumps with default separators: the service and the official SDK
    # exchange exactly this text, so the signed bytes stay identical.
    return json.dumps(value)


def unknown_arm(p: Message) -> tuple[int, bytes] | None:
    """The (field number, payload) of the first unknown length-delimited field in ``p``.

    Used to read the common fields of a oneof arm this SDK version does not know.
    """
    from google.protobuf.unknown_fields import UnknownFieldSet

    fields = UnknownFieldSet(p)
    for i in range(len(fields)):
        f = fields[i]
        if f.wire_type == 2:
            return f.field_number, bytes(f.data)
    return None


def parse_arm(
    message_type: type[_M], arm: tuple[int, bytes] | None, numbers: frozenset[int]
) -> _M | None:
    """Read the fields ``numbers`` of an unknown arm's payload with a known arm's layout.

    Only those fields are kept: the rest of an unknown arm may use the same numbers with other
    types. None if there is no arm or it does not parse.
    """
    if arm is None:
        return None
    from google.protobuf.empty_pb2 import Empty
    from google.protobuf.unknown_fields import UnknownFieldSet

    try:
        fields = UnknownFieldSet(Empty.FromString(arm[1]))
        kept = bytearray()
        for i in range(len(fields)):
            f = fields[i]
            if f.field_number in numbers:
                kept += _encode_field(f.field_number, f.wire_type, f.data)
        return message_type.FromString(bytes(kept))
    except (DecodeError, ValueError):
        return None


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        low, n = n & 0x7F, n >> 7
        out.append(low | 0x80 if n else low)
        if not n:
            return bytes(out)


def _encode_field(number: int, wire_type: int, data: Any) -> bytes:
    tag = _varint(number << 3 | wire_type)
    if wire_type == 0:
        return tag + _varint(data)
    if wire_type == 1:
        return tag + int(data).to_bytes(8, "little")
    if wire_type == 5:
        return tag + int(data).to_bytes(4, "little")
    if wire_type == 2:
        return tag + _varint(len(data)) + bytes(data)
    raise ValueError("groups are not supported")


publish(Model)  # shown as aiosdm.Model, where users import it from
