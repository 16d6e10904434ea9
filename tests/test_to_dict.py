"""``to_dict()``/``from_dict()`` give the official SDK's dict layout, for every model both have.

The official object is built with the official constructor, by field name, with a distinct
value in every field; which kind of value a field takes comes from the official message
descriptors (never from our models). The official SDK encodes it, our model reads those bytes,
and the two ``to_dict()`` must agree: same keys, same values, nested models as models of the
same name.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import strongdm
from google.protobuf import descriptor_pool
from google.protobuf.descriptor import Descriptor, FieldDescriptor
from strongdm import options_pb2, plumbing

from aiosdm import models
from aiosdm._convert import Model
from aiosdm._generated.models import binding

POOL = descriptor_pool.Default()  # the official SDK registers its v1.* messages here

# Fields our models have and the official Python porcelain leaves out: the wire's engine
# `type` (the official SDK sends it empty). Anything else extra or missing fails.
OURS_ONLY = {
    name: {"type"}
    for name in (
        "ActiveDirectoryEngine",
        "KeyValueEngine",
        "MysqlEngine",
        "PostgresEngine",
        "SqlserverEngine",
    )
}


def _shared() -> Iterator[str]:
    """The official porcelain classes (those with to_dict) that we have a model for."""
    for name, cls in vars(strongdm.models).items():
        official_model = inspect.isclass(cls) and cls.__module__ == strongdm.models.__name__
        if official_model and hasattr(cls, "to_dict") and name in models.__all__:
            yield name


#: The official converter cannot encode these (it copies a map field with CopyFrom, which
#: protobuf maps lack), so they are compared in the read direction only, below.
OFFICIAL_CANNOT_ENCODE = {"Query", "QueryCapture"}
SHARED = sorted(set(_shared()) - OFFICIAL_CANNOT_ENCODE)


# --- official objects with a distinct value in every field ---------------------------------


def _options(field: FieldDescriptor) -> Any:
    return field.GetOptions().Extensions[options_pb2.field_options]


def _python_name(field: FieldDescriptor) -> str:
    return str(_options(field).custom.porcelain_name_override.get("python", field.name.lower()))


def _fields(name: str) -> dict[str, FieldDescriptor]:
    """The official constructor's parameters, each with the wire field it fills."""
    descriptor = POOL.FindMessageTypeByName("v1." + name)
    wire = {_python_name(f): f for f in descriptor.fields if _options(f).porcelain}
    return {p: wire[p] for p in inspect.signature(getattr(strongdm, name)).parameters}


def _arms(descriptor: Descriptor) -> list[Descriptor] | None:
    """The arms of a polymorphic message (one oneof of messages), else None.

    Only arms both SDKs have a model for: which drivers exist is the wire tests' concern.
    """
    for oneof in descriptor.oneofs:
        if oneof.fields and all(f.message_type is not None for f in oneof.fields):
            known = [f.message_type for f in oneof.fields]
            return [m for m in known if hasattr(strongdm, m.name) and m.name in models.__all__]
    return None


def _keyed_value(descriptor: Descriptor) -> Descriptor | None:
    """The value message of a keyed map (one repeated field of its own nested entries, each
    a name and a message), else None."""
    if len(descriptor.fields) != 1 or not descriptor.fields[0].is_repeated:
        return None
    entry = descriptor.fields[0].message_type
    if entry is None or entry.containing_type is not descriptor or len(entry.fields) != 2:
        return None
    key, value = entry.fields
    if key.type != FieldDescriptor.TYPE_STRING or value.message_type is None:
        return None
    return value.message_type


def official(name: str, fresh: Callable[[], int]) -> Any:
    """The official ``name`` built by field name, every field holding a distinct value."""
    values = {attr: _value(field, fresh) for attr, field in _fields(name).items()}
    return getattr(strongdm, name)(**values)


def _value(field: FieldDescriptor, fresh: Callable[[], int]) -> Any:
    entry = field.message_type
    if entry is not None and entry.GetOptions().map_entry:  # map<k, v>: a dict
        n = fresh()
        return {f"k{n}": f"v{n}", f"k{n}b": ""}
    if field.is_repeated:
        return [_single(field, fresh), _single(field, fresh)]
    return _single(field, fresh)


def _single(field: FieldDescriptor, fresh: Callable[[], int]) -> Any:
    n = fresh()
    converter = _options(field).custom.converter
    if converter == "access_rules":  # JSON text on the wire, parsed in the porcelain
        return [{"tags": {"env": f"e{n}"}}, {"ids": [f"rs-{n}"]}]
    if converter == "access_rule":
        return {"ids": [f"rs-{n}"], "type": "postgres"}
    message = field.message_type
    if message is not None:
        if message.full_name == "google.protobuf.Timestamp":
            return datetime(2020, 1, 1, tzinfo=UTC) + timedelta(days=n, microseconds=n)
        if message.full_name == "google.protobuf.Duration":
            return timedelta(seconds=n, microseconds=n)
        if message.full_name == "v1.Tags":
            return {f"k{n}": f"v{n}", f"k{n}b": ""}
        keyed = _keyed_value(message)
        if keyed is not None:  # entries of (name, message): a dict of models in porcelain
            return {f"k{n}": official(keyed.name, fresh), f"k{n}b": official(keyed.name, fresh)}
        arms = _arms(message)
        chosen = message if arms is None else arms[n % len(arms)]
        return official(chosen.name, fresh)
    if field.type == FieldDescriptor.TYPE_STRING:
        return f"{field.name}-{n}"
    if field.type == FieldDescriptor.TYPE_BYTES:
        return f"bytes-{n}".encode()
    if field.type == FieldDescriptor.TYPE_BOOL:
        return True  # the default is False
    if field.type in (FieldDescriptor.TYPE_FLOAT, FieldDescriptor.TYPE_DOUBLE):
        return n + 0.5  # exact in a float32
    if field.cpp_type in (FieldDescriptor.CPPTYPE_INT32, FieldDescriptor.CPPTYPE_INT64):
        return n
    if field.cpp_type in (FieldDescriptor.CPPTYPE_UINT32, FieldDescriptor.CPPTYPE_UINT64):
        return n
    raise AssertionError(f"no test value for {field.full_name}")


def counter() -> Callable[[], int]:
    state = [0]

    def fresh() -> int:
        state[0] += 1
        return state[0]

    return fresh


def to_wire(obj: Any) -> bytes:
    """The official SDK's encoding of ``obj`` (its converters, its messages)."""
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


def plain(value: Any) -> Any:
    """``value`` with every model (of either SDK) as (class name, its to_dict())."""
    if isinstance(value, Model) or type(value).__module__ == strongdm.models.__name__:
        name = type(value).__name__
        extra = OURS_ONLY.get(name, set())
        return name, {k: plain(v) for k, v in value.to_dict().items() if k not in extra}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


# --- the tests ------------------------------------------------------------------------------


def test_every_model_the_official_sdk_has_is_covered() -> None:
    assert len(SHARED) > 150
    for name in ("User", "Token", "Role", "AccountGrant", "Postgres", "AccountCreateResponse"):
        assert name in SHARED


@pytest.mark.parametrize("name", SHARED)
def test_to_dict_matches_the_official_layout(name: str) -> None:
    theirs = official(name, counter())
    cls = getattr(models, name)
    b = binding(cls)
    ours = b.read(b.message.FromString(to_wire(theirs)))
    assert type(ours) is cls
    assert plain(ours) == plain(theirs)
    assert set(ours.to_dict()) == set(theirs.to_dict()) | OURS_ONLY.get(name, set())


@pytest.mark.parametrize("name", SHARED)
def test_from_dict_inverts_to_dict(name: str) -> None:
    cls = getattr(models, name)
    b = binding(cls)
    ours = b.read(b.message.FromString(to_wire(official(name, counter()))))
    again = cls.from_dict(ours.to_dict())
    assert again == ours and again is not ours


def test_map_fields_read_like_the_official_sdk() -> None:
    queries = importlib.import_module("strongdm.queries_pb2")
    wire = queries.Query(
        id="q-1", capture=queries.QueryCapture(env={"HOME": "/root", "EMPTY": ""}, width=7)
    ).SerializeToString()
    theirs = strongdm.plumbing.convert_query_to_porcelain(queries.Query.FromString(wire))
    b = binding(models.Query)
    ours = b.read(b.message.FromString(wire))
    assert ours.capture.env == theirs.capture.env == {"HOME": "/root", "EMPTY": ""}
    assert plain(ours) == plain(theirs)
    assert models.Query.from_dict(ours.to_dict()) == ours


def test_to_dict_is_shallow_like_the_official_one() -> None:
    when = datetime(2030, 5, 6, 7, 8, 9, tzinfo=UTC)
    user = models.User(email="a@example.com", created_at=when, tags={"env": "dev"})
    response = models.AccountCreateResponse(account=user, access_key="ak")
    d = response.to_dict()
    assert d["account"] is user  # nested models stay models
    assert d["account"].to_dict()["created_at"] is when
    assert list(user.to_dict()) == sorted(user.to_dict())


def test_from_dict_defaults_missing_and_none_and_ignores_other_keys() -> None:
    # As the official from_dict does with d.get(): an absent key and None are the same.
    assert models.User.from_dict({}) == models.User()
    user = models.User.from_dict({"email": "a@example.com", "first_name": None, "other": 1})
    assert user == models.User(email="a@example.com")
    theirs = strongdm.User.from_dict({"email": "a@example.com", "first_name": None, "other": 1})
    assert (theirs.email, theirs.first_name) == (user.email, user.first_name)
    token = models.Token.from_dict({"duration": None, "permissions": None, "tags": None})
    assert token == models.Token()


def test_from_dict_keeps_the_values_given() -> None:
    when = datetime(2030, 5, 6, tzinfo=UTC)
    rules = [{"tags": {"env": "prod"}}]
    role = models.Role.from_dict({"name": "ops", "access_rules": rules, "tags": {"a": "b"}})
    assert role == models.Role(name="ops", access_rules=rules, tags={"a": "b"})
    grant = models.AccountGrant.from_dict({"start_from": when, "valid_until": when})
    assert grant.start_from is when
