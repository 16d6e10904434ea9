"""Generic access to entity messages through their descriptors and field hints.

The server treats every entity alike: a message, or a wrapper whose single oneof
picks the concrete kind (Account -> User/Service/Token). Field hints from the protos
(``required``, ``read_only``, renamed attributes) drive validation and filtering.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

from google.protobuf.descriptor import Descriptor, FieldDescriptor
from google.protobuf.message import Message
from google.protobuf.timestamp_pb2 import Timestamp

from aiosdm._generated.v1 import hints_pb2

__all__ = [
    "FieldValue",
    "Record",
    "arm",
    "arm_name",
    "body",
    "clear_read_only",
    "copy_read_only",
    "field_names",
    "flatten",
    "missing_required",
    "oneof_name",
    "timestamp_us",
    "us_timestamp",
]

#: A flattened field: text, a list of texts (repeated), or a mapping (tags).
FieldValue = str | list[str] | dict[str, str]

_TS = "google.protobuf.Timestamp"
_DURATION = "google.protobuf.Duration"
_TAGS_SUFFIX = ".Tags"


@cache
def hints(field: Any) -> Any:
    return field.GetOptions().Extensions[hints_pb2.field]


@cache
def oneof_name(descriptor: Descriptor) -> str | None:
    """The oneof of a polymorphic wrapper (every field inside one oneof), else None."""
    if len(descriptor.oneofs) == 1 and len(descriptor.oneofs[0].fields) == len(descriptor.fields):
        return str(descriptor.oneofs[0].name)
    return None


def arm_name(entity: Message) -> str | None:
    """The chosen arm of a polymorphic entity (``"user"``), None if unset or not polymorphic."""
    name = oneof_name(entity.DESCRIPTOR)
    if name is None:
        return None
    chosen = entity.WhichOneof(name)
    return None if chosen is None else str(chosen)


def arm(entity: Message) -> Any:
    """The concrete message inside a polymorphic entity, or None when no known arm is set."""
    name = arm_name(entity)
    return None if name is None else getattr(entity, name)


def body(entity: Message) -> Any:
    """The message that carries the fields: the arm of a polymorphic entity, else itself."""
    if oneof_name(entity.DESCRIPTOR) is None:
        return entity
    chosen = arm(entity)
    if chosen is None:
        raise ValueError("polymorphic entity without a known type")
    return chosen


def _is_default(message: Message, field: Any) -> bool:
    if field.is_repeated:
        return len(getattr(message, field.name)) == 0
    if field.type == FieldDescriptor.TYPE_MESSAGE:
        return not message.HasField(field.name)
    return bool(getattr(message, field.name) == field.default_value)


@cache
def _required(descriptor: Descriptor) -> tuple[tuple[Any, tuple[tuple[Any, bool], ...]], ...]:
    """(field, its conditions as (other field, whether it must be set)); no conditions:
    always required."""
    out = []
    for f in descriptor.fields:
        h = hints(f)
        if h.required or h.required_when:
            when = tuple(
                (descriptor.fields_by_name[n.removeprefix("!")], not n.startswith("!"))
                for n in h.required_when
            )
            out.append((f, when))
    return tuple(out)


@cache
def _server_owned(descriptor: Descriptor) -> tuple[Any, ...]:
    return tuple(f for f in descriptor.fields if f.name == "id" or hints(f).read_only)


def missing_required(message: Message) -> list[str]:
    """Names of required fields that are empty: those marked ``required``, and those marked
    ``required_when`` while one of their conditions holds."""
    return [
        display_name(f)
        for f, when in _required(message.DESCRIPTOR)
        if _is_default(message, f)
        and (not when or any(_is_default(message, w) != is_set for w, is_set in when))
    ]


def clear_read_only(message: Message) -> None:
    """Forget what a client may send but never decides (ids, server timestamps, ...)."""
    for f in _server_owned(message.DESCRIPTOR):
        message.ClearField(f.name)


def copy_read_only(source: Message, target: Message) -> None:
    """Carry server-owned fields (and the id) from the stored version into an update."""
    for f in _server_owned(target.DESCRIPTOR):
        target.ClearField(f.name)
        if f.is_repeated:
            getattr(target, f.name).extend(getattr(source, f.name))
        elif f.type == FieldDescriptor.TYPE_MESSAGE:
            if source.HasField(f.name):
                getattr(target, f.name).CopyFrom(getattr(source, f.name))
        else:
            setattr(target, f.name, getattr(source, f.name))


def display_name(field: Any) -> str:
    """The name users see (``suspended`` for the wire's ``suspendedRO``)."""
    return str(hints(field).name or field.name)


def timestamp_us(ts: Timestamp) -> int:
    return int(ts.seconds) * 1_000_000 + int(ts.nanos) // 1000


def us_timestamp(us: int, into: Timestamp | None = None) -> Timestamp:
    ts = into if into is not None else Timestamp()
    ts.seconds, micros = divmod(us, 1_000_000)
    ts.nanos = micros * 1000
    return ts


def _scalar_text(field: Any, value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if field.type == FieldDescriptor.TYPE_ENUM:
        enum_value = field.enum_type.values_by_number.get(value)
        return str(enum_value.name) if enum_value is not None else str(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def _message_text(field: Any, value: Message) -> FieldValue | None:
    full_name = field.message_type.full_name
    if full_name == _TS:
        if not value.seconds and not value.nanos:  # type: ignore[attr-defined]
            return ""
        return str(value.ToJsonString())  # type: ignore[attr-defined]
    if full_name == _DURATION:
        return str(value.ToTimedelta().total_seconds())  # type: ignore[attr-defined]
    if full_name.endswith(_TAGS_SUFFIX):
        return {p.name: p.value for p in value.pairs}  # type: ignore[attr-defined]
    return None


def _filterable(field: Any) -> bool:
    if field.type != FieldDescriptor.TYPE_MESSAGE:
        return True
    full_name = field.message_type.full_name
    return not field.is_repeated and (
        full_name in (_TS, _DURATION) or full_name.endswith(_TAGS_SUFFIX)
    )


@cache
def _by_name(descriptor: Descriptor) -> dict[str, Any]:
    """Filterable fields by wire name, and by display name (which wins: the wire's
    User.suspended is not what users mean, suspendedRO is)."""
    names = {f.name: f for f in descriptor.fields if _filterable(f)}
    for f in descriptor.fields:
        if _filterable(f) and hints(f).name:
            names[hints(f).name] = f
    return names


def _value(message: Message, field: Any) -> FieldValue:
    value = getattr(message, field.name)
    if field.type == FieldDescriptor.TYPE_MESSAGE:
        return _message_text(field, value) or ""
    if field.is_repeated:
        return [_scalar_text(field, v) for v in value]
    return _scalar_text(field, value)


class Record(Mapping[str, FieldValue]):
    """An entity's filterable fields as text, computed only when a filter asks."""

    __slots__ = ("_extra", "_message", "_names")

    def __init__(self, entity: Message, extra: Mapping[str, FieldValue] | None = None) -> None:
        kind = arm_name(entity)
        self._message = body(entity)
        self._names = _by_name(self._message.DESCRIPTOR)
        self._extra: dict[str, FieldValue] = dict(extra or {})
        if kind is not None:
            self._extra["type"] = kind

    def __getitem__(self, key: str) -> FieldValue:
        if key in self._extra:
            return self._extra[key]
        return _value(self._message, self._names[key])

    def __iter__(self) -> Iterator[str]:
        yield from self._extra
        yield from (name for name in self._names if name not in self._extra)

    def __len__(self) -> int:
        return len(self._extra) + sum(1 for name in self._names if name not in self._extra)


def flatten(entity: Message) -> Record:
    """Filterable fields of an entity by wire and display name, plus ``type`` for arms."""
    return Record(entity)


@cache
def field_names(descriptor: Descriptor) -> frozenset[str]:
    """Every filterable name of an entity type (the union over a polymorphic one's arms)."""
    if oneof_name(descriptor) is None:
        return frozenset(_by_name(descriptor))
    names = {"type"}
    for arm_field in descriptor.fields:
        names.update(_by_name(arm_field.message_type))
    return frozenset(names)


# -- values the store can keep and both SDKs can read back ----------------------------

#: Timestamps both SDKs can turn into datetimes: 0001-01-01 to 9999-12-31 (UTC).
_MIN_SECONDS, _MAX_SECONDS = -62_135_596_800, 253_402_300_799
#: Durations protobuf allows: about 10,000 years either way.
_MAX_DURATION_SECONDS = 315_576_000_000
#: Names and tags people read: short. Everything else (certificates, policies, keys) may be
#: long, but not without bound.
_SHORT_TEXT = {"name", "email", "first_name", "last_name", "hostname", "host"}
_MAX_SHORT, _MAX_TEXT, _MAX_BYTES = 255, 65_536, 1_048_576


def invalid_value(message: Message, path: str = "") -> str | None:
    """What is wrong with the first field of ``message`` (recursively) that no stored
    state may hold, as one line naming the field; None when all is well."""
    full = message.DESCRIPTOR.full_name
    if full == "google.protobuf.Timestamp":
        seconds, nanos = message.seconds, message.nanos  # type: ignore[attr-defined]
        if not (_MIN_SECONDS <= seconds <= _MAX_SECONDS and 0 <= nanos <= 999_999_999):
            return f"{path}: a time between 0001-01-01 and 9999-12-31 is required"
        return None
    if full == "google.protobuf.Duration":
        seconds, nanos = message.seconds, message.nanos  # type: ignore[attr-defined]
        same_sign = seconds == 0 or nanos == 0 or (seconds > 0) == (nanos > 0)
        if abs(seconds) > _MAX_DURATION_SECONDS or abs(nanos) > 999_999_999 or not same_sign:
            return f"{path}: a duration of at most 10,000 years is required"
        return None
    for field, value in message.ListFields():
        where = f"{path}.{field.name}" if path else field.name
        values = value if field.is_repeated else [value]
        if field.type == FieldDescriptor.TYPE_MESSAGE:
            entry = field.message_type
            if entry is not None and entry.GetOptions().map_entry:
                values = [f"{k}{v}" for k, v in value.items()]
                limit = _MAX_TEXT
            else:
                for item in values:
                    problem = invalid_value(item, where)
                    if problem:
                        return problem
                continue
        elif field.type == FieldDescriptor.TYPE_STRING:
            limit = _MAX_SHORT if field.name in _SHORT_TEXT else _MAX_TEXT
        elif field.type == FieldDescriptor.TYPE_BYTES:
            limit = _MAX_BYTES
        else:
            continue
        for item in values:
            if len(item) > limit:
                return f"{where}: at most {limit} characters"
            if isinstance(item, str) and "\x00" in item:
                return f"{where}: must not contain NUL characters"
    return None
