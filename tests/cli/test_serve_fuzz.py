"""Fuzzing ``aiosdm serve``, a real server process: hostile bytes and wild messages at
every method.

Every method of the wire table (``SERVICE_SPECS``) is sent, signed as a client would sign
it, arbitrary bytes, a well-formed message built from its descriptor (tame, with one
field singled out to be wild, or wild throughout) or such a message with bytes broken:
ids of what exists and ids of nothing, filters in the list's own field names with stars,
quotes and commas, cursors that are junk or have a real cursor's layout with odd
positions, timestamps and durations at and past their limits, long text, NULs, deep JSON.
Each write's timestamps, durations and JSON fields also get examples of their own, and the
probes (a store's health check, a node's TCP probe) get host names of every shape; every
host a probe could resolve is rewritten to 127.0.0.1, so nothing leaves the machine.

Whatever arrives, the server must answer with a status about the request, never
INTERNAL (or UNKNOWN, or no answer), and keep serving; and whatever it agreed to store
must stay readable: after each service that writes, and at the end for every service,
both SDKs list the same server and must read the same items. At the end the process must
still be running, its log (its stderr) must hold no traceback, and it must stop cleanly.

Hypothesis runs from a fixed seed per test (derived from what it fuzzes, so that each
service gets calls of its own, not the same choices replayed) with a fixed number of
examples, so CI sees the same calls every time, and the module stays within a minute on a
small machine.
"""

from __future__ import annotations

import asyncio
import base64
import json
import string
import subprocess
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import grpc
import grpc.aio
import pytest
from google.protobuf.descriptor import Descriptor, FieldDescriptor
from google.protobuf.message import Message
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

from aiosdm import (
    AccountAttachment,
    AccountGrant,
    Client,
    Group,
    KeyValueEngine,
    ManagedSecret,
    Postgres,
    RawTCP,
    Relay,
    Role,
    Service,
    Token,
    User,
    VaultTokenStore,
    errors,
)
from aiosdm._generated.kinds import KIND_OF_SERVICE, KINDS
from aiosdm._generated.services import SERVICE_SPECS
from aiosdm._generated.v1 import hints_pb2
from aiosdm._specs import MethodSpec, ServiceKind, Shape
from aiosdm.testing import WireClient

from .._serve import serving_sync, stop_sync

strongdm = pytest.importorskip("strongdm")

#: Answers that say something about the request. Anything else (INTERNAL, UNKNOWN, a
#: deadline: the server hung) is a server bug.
ANSWERS = frozenset(
    {
        grpc.StatusCode.OK,
        grpc.StatusCode.INVALID_ARGUMENT,
        grpc.StatusCode.OUT_OF_RANGE,
        grpc.StatusCode.NOT_FOUND,
        grpc.StatusCode.ALREADY_EXISTS,
        grpc.StatusCode.FAILED_PRECONDITION,
        grpc.StatusCode.PERMISSION_DENIED,
        grpc.StatusCode.RESOURCE_EXHAUSTED,
    }
)
#: One loopback call; far beyond what any answers in, and never forever.
CALL_TIMEOUT = 30.0
#: Examples per service: more where things get stored, since what a write lets in is
#: what every reader meets later.
EXAMPLES_FOR_WRITERS, EXAMPLES_FOR_READERS = 60, 25
WRITES = (Shape.CREATE, Shape.UPDATE)
METHODS: list[MethodSpec[Any, Any]] = [
    method for spec in SERVICE_SPECS.values() for method in spec.methods.values()
]
#: Messages nest no deeper than this (beyond it, message fields stay unset).
MAX_DEPTH = 4

# -- values ------------------------------------------------------------------------

TEXT_EDGES = [
    "",
    " ",
    "*",
    "**",
    ",",
    ":",
    '"',
    "\\",
    "\x00",
    "a\x00b",
    "\u202e",
    "名前",
    "😀",
    "null",
    "[]",
    "{}",
    "0",
    "-1",
    "9" * 40,
    "٣",
    "a" * 63,
    "a" * 64 + ".example",
    "a" * 255,
    "a" * 256,
    "x" * 65_537,
    "https://" + "a" * 64 + ".example",
    "'; DROP TABLE versions; --",
    "%s%s%n",
    "\n\r\t",
]
INT32_EDGES = [0, 1, -1, 2**31 - 1, -(2**31), 2**15]
INT64_EDGES = [0, 1, -1, 2**63 - 1, -(2**63), 2**62, 2**31]
SECONDS_EDGES = [
    0,
    -1,
    1,
    253_402_300_799,  # 9999-12-31T23:59:59
    253_402_300_800,
    -62_135_596_800,  # 0001-01-01
    -62_135_596_801,
    1_099_511_627_776,
    2**62,
    -(2**62),
    2**63 - 1,
    -(2**63),
    315_576_000_001,  # just past protobuf's duration range
]
NANOS_EDGES = [0, -1, -5, 999_999_999, 1_000_000_000, 2**31 - 1, -(2**31)]

wild_text = st.one_of(
    st.text(max_size=24),
    st.sampled_from(TEXT_EDGES),
    st.text(alphabet='ab*,:"\\ =', max_size=40),
)


def _json_values() -> st.SearchStrategy[Any]:
    scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=8))
    return st.recursive(
        scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)
        ),
        max_leaves=8,
    )


RULE_KEYS = ["ids", "type", "tags", "colour"]
json_text = st.one_of(
    _json_values().map(json.dumps),
    st.lists(
        st.dictionaries(st.sampled_from(RULE_KEYS), _json_values(), max_size=3), max_size=3
    ).map(json.dumps),
    st.integers(1, 200_000).map(lambda n: "[" * n + "]" * n),
    st.sampled_from(['[{"tags": {"env": "dev"}}]', '[{"type": "postgres"}]', "{", "[", '"']),
    wild_text,
)


def _int(bits: int, signed: bool) -> st.SearchStrategy[int]:
    low, high = (-(2 ** (bits - 1)), 2 ** (bits - 1) - 1) if signed else (0, 2**bits - 1)
    edges = [e for e in (INT32_EDGES if bits == 32 else INT64_EDGES) if low <= e <= high]
    return st.one_of(st.sampled_from(edges), st.integers(low, high), st.integers(0, 100))


_SCALARS: dict[int, st.SearchStrategy[Any]] = {
    FieldDescriptor.TYPE_INT32: _int(32, True),
    FieldDescriptor.TYPE_SINT32: _int(32, True),
    FieldDescriptor.TYPE_SFIXED32: _int(32, True),
    FieldDescriptor.TYPE_INT64: _int(64, True),
    FieldDescriptor.TYPE_SINT64: _int(64, True),
    FieldDescriptor.TYPE_SFIXED64: _int(64, True),
    FieldDescriptor.TYPE_UINT32: _int(32, False),
    FieldDescriptor.TYPE_FIXED32: _int(32, False),
    FieldDescriptor.TYPE_UINT64: _int(64, False),
    FieldDescriptor.TYPE_FIXED64: _int(64, False),
    FieldDescriptor.TYPE_BOOL: st.booleans(),
    FieldDescriptor.TYPE_FLOAT: st.floats(width=32),
    FieldDescriptor.TYPE_DOUBLE: st.floats(),
    FieldDescriptor.TYPE_BYTES: st.one_of(
        st.binary(max_size=64), st.sampled_from([b"", b"\x00", b"x" * 1_048_577])
    ),
}


# -- the server and what it holds ------------------------------------------------------


@dataclass
class Fuzzing:
    """One server process for the module, a loop to call it from, and what the calls may
    name."""

    server: subprocess.Popen[bytes]
    log: Path  # the server's stderr
    runner: asyncio.Runner
    wire: WireClient
    ours: Client
    theirs: Any  # the official strongdm.Client
    ids: list[str]
    called: set[str] = field(default_factory=set)
    answers: dict[str, int] = field(default_factory=dict)
    #: Something was written since ``ids`` was harvested.
    stale: bool = False

    def refresh(self) -> None:
        """Harvest the ids anew (between tests: within one, hypothesis needs a fixed pool)."""
        if self.stale:
            self.ids = self.runner.run(_harvest(self.wire))
            self.stale = False

    def send(self, method: MethodSpec[Any, Any], body: bytes) -> grpc.StatusCode:
        """Send ``body`` signed for ``method``; the status it ends with."""
        metadata = self.wire.metadata(method.signing_name, body)
        call = self.wire.call_bytes(method.signing_name, body, metadata=metadata)
        try:
            self.runner.run(asyncio.wait_for(call, CALL_TIMEOUT))
        except grpc.aio.AioRpcError as err:
            code = err.code()
            assert code in ANSWERS, f"{method.signing_name} -> {code.name}: {err.details()}"
        except TimeoutError:
            pytest.fail(f"{method.signing_name}: no answer within {CALL_TIMEOUT:g} s")
        else:
            code = grpc.StatusCode.OK
            self.stale |= not method.idempotent
        self.called.add(method.signing_name)
        self.answers[code.name] = self.answers.get(code.name, 0) + 1
        return code

    def read_back(self, listings: list[tuple[str, MethodSpec[Any, Any]]]) -> int:
        """List each of ``listings`` with both SDKs, which must read the same items (a
        stored value either cannot turn into a model fails here); returns how many."""

        async def ours() -> dict[str, list[str]]:
            found: dict[str, list[str]] = {}
            for attribute, method in listings:
                listing = getattr(getattr(self.ours, attribute), method.python_name)
                try:
                    items = [item async for item in listing(*_list_arguments(method))]
                except (errors.NotFoundError, errors.BadRequestError):
                    continue  # a list of what one thing holds, and there is no such thing
                found[f"{attribute}.{method.python_name}"] = sorted(map(_key, items))
            return found

        mine = self.runner.run(asyncio.wait_for(ours(), CALL_TIMEOUT * len(listings)))
        theirs: dict[str, list[str]] = {}
        for attribute, method in listings:
            listing = getattr(getattr(self.theirs, attribute), method.python_name)
            try:
                items = list(listing(*_list_arguments(method), timeout=CALL_TIMEOUT))
            except (strongdm.errors.NotFoundError, strongdm.errors.BadRequestError):
                continue
            theirs[f"{attribute}.{method.python_name}"] = sorted(map(_key, items))
        assert mine == theirs
        return sum(len(v) for v in mine.values())


async def _populate(client: Client) -> None:
    """Something of most kinds, so that ids drawn from the pool name real entities."""
    now = datetime.now(UTC)
    users = [
        (
            await client.accounts.create(User(email=f"f{i}@x.com", first_name="F", last_name="L"))
        ).account
        for i in range(3)
    ]
    await client.accounts.create(Service(name="robot"))
    await client.accounts.create(
        Token(
            name="tok", account_type="api", permissions=["role:list"], duration=timedelta(hours=1)
        )
    )
    pg = (
        await client.resources.create(
            Postgres(
                name="pg", hostname="h", username="u", password="p", database="d", port=5432,
                tags={"env": "dev"},
            )
        )
    ).resource  # fmt: skip
    await client.resources.create(RawTCP(name="tcp", hostname="h", port=1))
    role = await client.roles.create(Role(name="dev", access_rules=[{"tags": {"env": "dev"}}]))
    group = (await client.groups.create(Group(name="ops"))).group
    assert pg is not None and group is not None and all(u is not None for u in users)
    await client.account_attachments.create(
        AccountAttachment(account_id=users[0].id, role_id=role.role.id)  # type: ignore[union-attr]
    )
    await client.account_grants.create(
        AccountGrant(
            account_id=users[1].id,  # type: ignore[union-attr]
            resource_id=pg.id,
            start_from=now - timedelta(minutes=1),
            valid_until=now + timedelta(days=1),
        )
    )
    await client.nodes.create(Relay(name="relay"))
    store = (
        await client.secret_stores.create(VaultTokenStore(name="v", server_address="127.0.0.1:1"))
    ).secret_store
    assert store is not None
    engine = (
        await client.secret_engines.create(
            KeyValueEngine(name="kv", secret_store_id=store.id, secret_store_root_path="kv/")
        )
    ).secret_engine
    assert engine is not None
    secret = await client.managed_secrets.create(
        ManagedSecret(name="s", secret_engine_id=engine.id, value=b"v")
    )
    await client.managed_secrets.retrieve(secret.managed_secret.id)


def _ids_in(message: Message, into: set[str]) -> None:
    for fd, value in message.ListFields():
        if fd.type == FieldDescriptor.TYPE_MESSAGE:
            if fd.message_type.GetOptions().map_entry:
                continue
            for item in value if fd.is_repeated else [value]:
                _ids_in(item, into)
        elif fd.type == FieldDescriptor.TYPE_STRING and _is_id(fd.name):
            into.update(value if fd.is_repeated else [value])


def _is_id(name: str) -> bool:
    return name == "id" or name.endswith(("_id", "_ids"))


async def _harvest(wire: WireClient) -> list[str]:
    """Every id the plain lists show (lists without arguments of their own)."""
    found: set[str] = set()
    for method in METHODS:
        fields = set(method.request.DESCRIPTOR.fields_by_name)
        if method.shape is not Shape.LIST or fields != {"meta", "filter"}:
            continue
        request = method.request()
        request.meta.limit = 1000
        try:
            reply = await asyncio.wait_for(wire.call(method.signing_name, request), CALL_TIMEOUT)
        except grpc.aio.AioRpcError:
            continue  # a list that needs more than this; the fuzz will get there
        _ids_in(reply, found)
    return sorted(i for i in found if i)


@pytest.fixture(scope="module")
def fuzzing(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fuzzing]:
    folder = tmp_path_factory.mktemp("fuzz")
    with serving_sync(folder, log=folder / "serve.log") as (proc, creds):
        host, access_key, secret_key = creds["host"], creds["access_key"], creds["secret_key"]
        with asyncio.Runner() as runner:
            wire = WireClient(host, access_key, secret_key)
            ours = Client(access_key, secret_key, host=host, insecure=True)
            theirs = strongdm.Client(access_key, secret_key, host=host, insecure=True)

            async def setup() -> list[str]:
                await ours.__aenter__()
                await _populate(ours)
                return await _harvest(wire)

            try:
                ids = runner.run(setup())
                yield Fuzzing(proc, folder / "serve.log", runner, wire, ours, theirs, ids)
            finally:
                theirs.close()
                runner.run(ours.close())
                runner.run(wire.close())


# -- wild messages ---------------------------------------------------------------------


#: Times near now (grant windows that are open, over or to come): one "now" for the run,
#: so that hypothesis sees the same choices whenever it replays an example.
NOW = int(datetime.now(UTC).timestamp())
near_now = st.integers(NOW - 86_400 * 30, NOW + 86_400 * 30)
wild_seconds = st.one_of(st.sampled_from(SECONDS_EDGES), st.integers(-(2**63), 2**63 - 1))
wild_nanos = st.one_of(st.sampled_from(NANOS_EDGES), st.integers(-(2**31), 2**31 - 1))
#: Values a client would send: short names, small numbers, valid access rules.
tame_text = st.text(alphabet=string.ascii_letters + string.digits + "-_.@", min_size=1, max_size=12)
tame_rules = st.sampled_from(
    ['[{"tags": {"env": "dev"}}]', '[{"type": "postgres"}]', "[]", '{"tags": {"env": "dev"}}']
)
#: Id prefixes by the names ``ref`` hints use (the message of the kind referred to).
PREFIX = {kind.message.DESCRIPTOR.name: kind.prefix for kind in KINDS.values()}


@dataclass
class Draw:
    """Draws the values of one message: each field tame (what a client would send) or,
    ``wild_percent`` percent of the time, wild. Mostly tame messages get past the checks
    at the door to the rules and the store; wild ones test the door. With a ``target``
    field name, that field (wherever it occurs) is set and wild and every other is tame:
    one odd value in an otherwise valid write is what reaches the store, and what a
    reader then has to cope with."""

    data: st.DataObject
    ids: list[str]
    wild_percent: int = 0
    target: str = ""

    def wild(self, name: str) -> bool:
        if self.target:
            return name == self.target
        return self.wild_percent > 0 and self.data.draw(st.integers(0, 99)) < self.wild_percent

    def timestamp(self, message: Any, name: str) -> None:
        if self.wild(name):
            message.seconds = self.data.draw(wild_seconds)
            message.nanos = self.data.draw(wild_nanos)
            return
        duration = message.DESCRIPTOR.name == "Duration"
        message.seconds = self.data.draw(st.integers(0, 86_400 * 30) if duration else near_now)
        message.nanos = self.data.draw(st.integers(0, 999_999_999))

    def string(self, fd: FieldDescriptor, own: str) -> str:
        hint = fd.GetOptions().Extensions[hints_pb2.field]
        wild = self.wild(fd.name)
        if _is_id(fd.name) and self.ids and not wild:
            # An entity's own id, or the id of the kind a reference names.
            prefix = own if fd.name == "id" else PREFIX.get(hint.ref, "")
            same_kind = [i for i in self.ids if prefix and i.startswith(prefix)]
            return self.data.draw(st.sampled_from(same_kind or self.ids))
        rules = hint.json or fd.name in ("access_rules", "access_rule")
        if wild:
            return self.data.draw(json_text if rules else wild_text)
        return self.data.draw(tame_rules if rules else tame_text)

    def scalar(self, fd: FieldDescriptor, own: str = "") -> Any:
        if fd.type == FieldDescriptor.TYPE_STRING:
            return self.string(fd, own)
        wild = self.wild(fd.name)
        if fd.type == FieldDescriptor.TYPE_ENUM:
            if wild:
                return self.data.draw(st.integers(-(2**31), 2**31 - 1))
            return self.data.draw(st.sampled_from([v.number for v in fd.enum_type.values]))
        if fd.type in (FieldDescriptor.TYPE_BOOL, FieldDescriptor.TYPE_BYTES) or wild:
            return self.data.draw(_SCALARS[fd.type])
        return self.data.draw(st.integers(1, 1000))

    def fill(
        self,
        message: Any,
        depth: int = 0,
        own: str = "",
        always: frozenset[str] = frozenset(),
        name: str = "",
    ) -> None:
        """Set a selection of ``message``'s fields (``name`` is the field it is in),
        recursively: ``always``, the required ones and the target are set unless the draw
        is wild; ``own`` is the id prefix of the entity being filled (its ``id`` field
        names one of that kind)."""
        descriptor: Descriptor = message.DESCRIPTOR
        own = PREFIX.get(descriptor.name, own)
        if descriptor.full_name in ("google.protobuf.Timestamp", "google.protobuf.Duration"):
            self.timestamp(message, name)
            return
        draw = self.data.draw
        chosen: set[str] = set()
        for oneof in descriptor.oneofs:
            arms = [fd for fd in oneof.fields if self.holds(fd)] or list(oneof.fields)
            if self.holds(arms[0]) or draw(st.integers(0, 3)) > 0:
                chosen.add(draw(st.sampled_from(arms)).name)
        for fd in descriptor.fields:
            if fd.containing_oneof is not None:
                if fd.name not in chosen:
                    continue
            elif not self.wanted(fd, always):
                continue
            if fd.type == FieldDescriptor.TYPE_MESSAGE:
                self.message_field(message, fd, depth, own)
            elif fd.is_repeated:
                values = [self.scalar(fd, own) for _ in range(draw(st.integers(0, 3)))]
                getattr(message, fd.name).extend(values)
            else:
                setattr(message, fd.name, self.scalar(fd, own))

    def holds(self, fd: FieldDescriptor) -> bool:
        """Is the target this field, or somewhere inside it?"""
        if not self.target:
            return False
        inner = fd.message_type
        return fd.name == self.target or (
            inner is not None
            and not inner.GetOptions().map_entry
            and self.target in _field_names(inner)
        )

    def wanted(self, fd: FieldDescriptor, always: frozenset[str]) -> bool:
        if self.holds(fd):
            return True
        needed = fd.name in always or fd.GetOptions().Extensions[hints_pb2.field].required
        if needed and not self.wild(fd.name):
            return True
        return self.data.draw(st.integers(0, 3)) > 0

    def message_field(self, message: Any, fd: FieldDescriptor, depth: int, own: str) -> None:
        draw = self.data.draw
        if fd.message_type.GetOptions().map_entry:
            value_fd = fd.message_type.fields_by_name["value"]
            target = getattr(message, fd.name)
            for _ in range(draw(st.integers(0, 3))):
                key = draw(wild_text) if self.wild(fd.name) else draw(tame_text)
                if value_fd.type != FieldDescriptor.TYPE_MESSAGE:
                    target[key] = self.scalar(value_fd)
                elif depth < MAX_DEPTH:
                    self.fill(target[key], depth + 1, name=fd.name)
            return
        if depth >= MAX_DEPTH:
            return
        if fd.is_repeated:
            for _ in range(draw(st.integers(0, 3))):
                self.fill(getattr(message, fd.name).add(), depth + 1, own, name=fd.name)
        else:
            target = getattr(message, fd.name)
            target.SetInParent()
            self.fill(target, depth + 1, own, name=fd.name)


#: Values with edges a reader trips over (a time before year 1, a duration of 2^62 s):
#: singled out three times as often as other fields.
_EDGY = ("google.protobuf.Timestamp", "google.protobuf.Duration")


@cache
def _field_names(descriptor: Descriptor, depth: int = 0) -> tuple[str, ...]:
    """Every field name in a message and the messages it holds (to MAX_DEPTH), sorted, those
    of timestamps and durations three times: the fields a draw can single out."""
    names: list[str] = []
    for fd in descriptor.fields:
        inner = fd.message_type
        edgy = inner is not None and inner.full_name in _EDGY
        names.extend([fd.name] * (3 if edgy else 1))
        if inner is not None and depth < MAX_DEPTH and not inner.GetOptions().map_entry:
            names.extend(_field_names(inner, depth + 1))
    return tuple(sorted(names))


def _filter(data: st.DataObject, method: MethodSpec[Any, Any]) -> str:
    """A filter in the list's own field names (or not), with the language's odd corners."""
    items = method.response.DESCRIPTOR.fields_by_name.get(method.items)
    names = {"type", "tags", "colour"}
    if items is not None and items.message_type is not None:
        for fd in items.message_type.fields:
            names.add(fd.name)
            if fd.message_type is not None:
                names.update(f.name for f in fd.message_type.fields)
    field_name = st.sampled_from(sorted(names)).flatmap(
        lambda n: st.sampled_from([n, n.replace("_", ""), n.upper()])
    )
    value = st.one_of(
        wild_text.map(json.dumps),  # a quoted value, as ? placeholders are sent
        st.text(alphabet='"\\abu0,', max_size=8).map('"{}'.format),  # escapes, good or not
        st.text(alphabet="ab*", max_size=12),
        st.just("*a" * 20 + "*b"),
        st.builds(lambda k, v: f"{k}={v}", st.text(alphabet="ab*", max_size=4), wild_text),
        wild_text,
    )
    term = st.builds(lambda f, v: f"{f}:{v}", field_name, value)
    return data.draw(
        st.one_of(
            st.lists(term, max_size=4).map(",".join),
            st.lists(term, min_size=33, max_size=34).map(",".join),
            st.just("name:" + "x" * 5000),
            wild_text,
        )
    )


def _cursor(data: st.DataObject, method: MethodSpec[Any, Any], filter_text: str) -> str:
    # A real cursor's layout (base64 JSON of the resume position and the listing's
    # fingerprint, as test_pagination builds them), so that odd positions get past the
    # fingerprint check to the code that reads them.
    fingerprint = f"{zlib.crc32(f'{method.signing_name}|{filter_text}'.encode()):08x}"
    position = st.one_of(wild_text, st.integers().map(str))
    forged = st.builds(
        lambda a, q: (
            base64.urlsafe_b64encode(json.dumps({"a": a, "q": q}, separators=(",", ":")).encode())
            .decode()
            .rstrip("=")
        ),
        st.one_of(position, st.integers(), st.none(), st.lists(st.integers(), max_size=2)),
        st.one_of(st.just(fingerprint), wild_text),
    )
    raw = st.binary(max_size=48).map(lambda b: base64.urlsafe_b64encode(b).decode())
    return data.draw(st.one_of(forged, raw, wild_text))


def _request(method: MethodSpec[Any, Any], draw: Draw) -> Any:
    """A request for ``method`` filled by ``draw``: the entity it writes and the id it
    names always there (unless drawn wild), ids of the right kind when tame."""
    request = method.request()
    kind = KIND_OF_SERVICE.get(method.service)
    own = KINDS[kind].prefix if kind else ""
    draw.fill(request, own=own, always=frozenset({method.entity_field, method.id_field}))
    return request


def _message(data: st.DataObject, method: MethodSpec[Any, Any], ids: list[str]) -> bytes:
    how = data.draw(st.sampled_from(["tame", "one wild field", "one wild field", "some", "all"]))
    if how == "one wild field":
        names = _field_names(method.request.DESCRIPTOR)
        draw = Draw(data, ids, target=data.draw(st.sampled_from(names)))
    else:
        draw = Draw(data, ids, wild_percent={"tame": 0, "some": 10, "all": 100}[how])
    request = _request(method, draw)
    fields = request.DESCRIPTOR.fields_by_name
    if "filter" in fields:  # no filter (everything) half the time, so cursors get a look in
        request.filter = _filter(data, method) if data.draw(st.booleans()) else ""
    lists = "meta" in fields and "cursor" in request.meta.DESCRIPTOR.fields_by_name
    if lists and data.draw(st.booleans()):
        request.meta.cursor = _cursor(data, method, request.filter)
    return _serialized(method, request)


def _serialized(method: MethodSpec[Any, Any], request: Any) -> bytes:
    """The request's bytes, once every host a probe would connect to is on loopback."""
    if method.signing_name == "Nodes.TCPProbe":
        request.host = _host_on_loopback(request.host)
    elif method.service == "SecretStores" and method.entity_field:
        _stores_on_loopback(getattr(request, method.entity_field))
    body: bytes = request.SerializeToString()
    return body


def _host_on_loopback(host: str) -> str:
    """A probe's host, 127.0.0.1 unless no resolver would take it (see :func:`_on_loopback`)."""
    try:
        host.encode("idna")
    except UnicodeError:
        return host
    return "127.0.0.1" if host and "\x00" not in host else host


def _on_loopback(address: str) -> str:
    """``address`` (a host, host:port or URL) with any host a resolver would look up
    replaced by 127.0.0.1, so the fuzz never reaches the network: probes (Nodes.TCPProbe,
    a secret store's health check) connect to what they name. Hosts no resolver takes
    (a label over 63 characters, an empty one) stay as drawn: those are the inputs the
    probes must refuse cleanly."""
    try:
        host = urlsplit(address if "://" in address else f"//{address}").hostname
    except ValueError:
        return address  # unparsable: the server cannot parse it either
    if not host:
        return address
    try:
        host.encode("idna")
    except UnicodeError:
        return address
    at = address.lower().find(host)
    return address if at < 0 else address[:at] + "127.0.0.1" + address[at + len(host) :]


def _stores_on_loopback(message: Message) -> None:
    """Every text field of a secret store but its ids on loopback (any may be its address)."""
    for fd, value in message.ListFields():
        if fd.type == FieldDescriptor.TYPE_MESSAGE and not fd.message_type.GetOptions().map_entry:
            for item in value if fd.is_repeated else [value]:
                _stores_on_loopback(item)
        elif fd.type == FieldDescriptor.TYPE_STRING and not fd.is_repeated and not _is_id(fd.name):
            setattr(message, fd.name, _on_loopback(value))


def _mutated(data: st.DataObject, body: bytes) -> bytes:
    """``body`` with bytes changed, cut short or added: near the grammar, but broken."""
    out = bytearray(body)
    for _ in range(data.draw(st.integers(1, 4))):
        action = data.draw(st.sampled_from(["flip", "cut", "add"]))
        if action == "flip" and out:
            at = data.draw(st.integers(0, len(out) - 1))
            out[at] = data.draw(st.integers(0, 255))
        elif action == "cut" and out:
            del out[data.draw(st.integers(0, len(out) - 1)) :]
        else:
            out += data.draw(st.binary(min_size=1, max_size=8))
    return bytes(out)


def _body(data: st.DataObject, fuzz: Fuzzing, method: MethodSpec[Any, Any]) -> bytes:
    how = data.draw(st.sampled_from(["message", "message", "message", "mutated", "bytes"]))
    if how == "bytes":
        return data.draw(st.binary(max_size=200))
    body = _message(data, method, fuzz.ids)
    return _mutated(data, body) if how == "mutated" else body


FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES_FOR_READERS,
    derandomize=False,  # each test sets its own seed (see _seed)
    database=None,
    deadline=None,  # each example is a network call: its time is the server's, not ours
    phases=[Phase.explicit, Phase.generate, Phase.shrink],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _seed(name: str) -> Any:
    """A fixed seed of its own for each thing fuzzed: reproducible runs, different calls."""
    return seed(zlib.crc32(name.encode()))


def _writers_first() -> list[str]:
    """Services that store things first, so that what they stored (wild values included)
    is there for the gets, lists, checks and derived services that follow."""
    return sorted(SERVICE_SPECS, key=lambda name: (not _writes(name), name))


def _writes(service: str) -> bool:
    return any(m.shape in WRITES for m in SERVICE_SPECS[service].methods.values())


@pytest.mark.parametrize("service", _writers_first())
def test_no_input_makes_the_server_fail(fuzzing: Fuzzing, service: str) -> None:
    methods = sorted(SERVICE_SPECS[service].methods.values(), key=lambda m: m.method)
    fuzzing.refresh()

    # Writes drawn three times as often as the other methods.
    weighted = [m for m in methods for _ in range(3 if m.shape in WRITES else 1)]
    examples = EXAMPLES_FOR_WRITERS if _writes(service) else EXAMPLES_FOR_READERS

    @_seed(service)
    @settings(FUZZ_SETTINGS, max_examples=examples)
    @given(st.data())
    def one_call(data: st.DataObject) -> None:
        method = data.draw(st.sampled_from(weighted))
        fuzzing.send(method, _body(data, fuzzing, method))

    one_call()
    # Every method of the service, at least once, whatever hypothesis drew.
    for method in methods:
        if method.signing_name not in fuzzing.called:
            fuzzing.send(method, b"")
    # What it stored reads back now, before a later delete elsewhere cascades it away:
    # its own lists, and the lists computed from what is stored.
    if _writes(service):
        fuzzing.read_back(_lists_after(service))


def _lists_after(service: str) -> list[tuple[str, MethodSpec[Any, Any]]]:
    """What a write to ``service`` may change: its own lists, and the computed ones."""
    return [
        (attribute, method)
        for attribute, method in _lists()
        if method.service == service or SERVICE_SPECS[method.service].kind is ServiceKind.DERIVED
    ]


# -- one odd value in an otherwise valid write -------------------------------------------


def _edgy_fields(descriptor: Descriptor, depth: int = 0) -> set[str]:
    """Names of the timestamps, durations and JSON texts a request can carry."""
    found: set[str] = set()
    for fd in descriptor.fields:
        inner = fd.message_type
        if fd.name in ("meta", "snapshot_at"):
            continue
        if (
            (inner is not None and inner.full_name in _EDGY)
            or fd.GetOptions().Extensions[hints_pb2.field].json
            or fd.name.startswith("access_rule")
        ):
            found.add(fd.name)
        elif inner is not None and depth < MAX_DEPTH and not inner.GetOptions().map_entry:
            found |= _edgy_fields(inner, depth + 1)
    return found


#: Every write and each of its fields with edges (timestamps, durations, JSON): the random
#: fuzz above reaches such a pair only now and then, so each gets examples of its own.
EDGY_WRITES = [
    (method, name)
    for method in METHODS
    if method.shape in WRITES
    for name in sorted(_edgy_fields(method.request.DESCRIPTOR))
]


@pytest.mark.parametrize(
    ("method", "target"),
    EDGY_WRITES,
    ids=[f"{method.signing_name}-{name}" for method, name in EDGY_WRITES],
)
def test_one_odd_value_in_a_valid_write(
    fuzzing: Fuzzing, method: MethodSpec[Any, Any], target: str
) -> None:
    fuzzing.refresh()

    @_seed(f"{method.signing_name}.{target}")
    @settings(FUZZ_SETTINGS, max_examples=8)
    @given(st.data())
    def one_write(data: st.DataObject) -> None:
        request = _request(method, Draw(data, fuzzing.ids, target=target))
        fuzzing.send(method, _serialized(method, request))

    one_write()
    fuzzing.read_back(_lists_after(method.service))


# -- probes: what a host name may be ----------------------------------------------------

label = st.one_of(
    st.text(alphabet=string.ascii_lowercase + string.digits + "-", max_size=70),
    st.text(max_size=8),
)
address = st.builds(
    lambda scheme, labels, port, path: f"{scheme}{'.'.join(labels)}{port}{path}",
    st.sampled_from(["", "https://", "http://", "vault://", "//"]),
    st.lists(label, min_size=1, max_size=4),
    st.one_of(st.just(""), st.integers(-5, 70_000).map(":{}".format), wild_text.map(":{}".format)),
    st.sampled_from(["", "/", "/v1?x=1#f"]),
).map(_on_loopback)


def test_probes_take_any_address(fuzzing: Fuzzing) -> None:
    """A secret store's health check and a node's TCP probe connect to a host the user
    wrote: whatever it is, the answer is healthy or not (or a bad request), never INTERNAL."""
    stores = SERVICE_SPECS["SecretStores"].methods
    checks = SERVICE_SPECS["SecretStoreHealths"].methods
    nodes = SERVICE_SPECS["Nodes"].methods
    relay = nodes["Create"].request()
    relay.node.relay.name = "prober"
    node = fuzzing.runner.run(fuzzing.wire.call("Nodes.Create", relay)).node.relay.id
    created = stores["Create"].request()
    created.secret_store.vault_token.name = "probed"
    created.secret_store.vault_token.server_address = "127.0.0.1:1"
    store = fuzzing.runner.run(fuzzing.wire.call("SecretStores.Create", created)).secret_store

    @_seed("probes")
    @FUZZ_SETTINGS
    @given(address)
    def check(where: str) -> None:
        update = stores["Update"].request(id=store.vault_token.id)
        update.secret_store.CopyFrom(store)
        update.secret_store.vault_token.server_address = where
        if fuzzing.send(stores["Update"], update.SerializeToString()) is grpc.StatusCode.OK:
            health = checks["Healthcheck"].request(secret_store_id=store.vault_token.id)
            fuzzing.send(checks["Healthcheck"], health.SerializeToString())
        try:
            parts = urlsplit(where if "://" in where else f"//{where}")
            host, port = parts.hostname or where, parts.port or 1
        except ValueError:
            host, port = where, 1
        tcp = nodes["TCPProbe"].request(node_id=node, host=_host_on_loopback(host), port=port)
        fuzzing.send(nodes["TCPProbe"], tcp.SerializeToString())

    check()


# -- afterwards: still serving, and everything stored reads in both SDKs ---------------


def _list_arguments(method: MethodSpec[Any, Any]) -> list[Any]:
    """What a list method takes besides its filter: placeholder ids and defaults."""
    values: list[Any] = []
    for fd in method.request.DESCRIPTOR.fields:
        if fd.name == "meta" or fd.GetOptions().Extensions[hints_pb2.field].hidden:
            continue
        if fd.name == "filter":
            values.append("")
        elif fd.message_type is not None or fd.is_repeated:
            values.append([] if fd.is_repeated else None)
        else:
            values.append(fd.default_value or ("x-1" if fd.type == fd.TYPE_STRING else 1))
    return values


def _lists() -> list[tuple[str, MethodSpec[Any, Any]]]:
    return [
        (spec.attribute, method)
        for spec in SERVICE_SPECS.values()
        for method in spec.methods.values()
        if method.shape is Shape.LIST and not method.hidden
    ]


def _key(item: Any) -> str:
    """What identifies a listed item in both SDKs' models: its id, else its type."""
    ident = getattr(item, "id", None)
    return str(ident) if ident else type(item).__name__


def test_afterwards_everything_stored_reads_in_both_sdks(fuzzing: Fuzzing) -> None:
    if fuzzing.called:  # the fuzz ran first (as in a whole run): it reached every method
        assert {m.signing_name for m in METHODS} <= fuzzing.called
    # Still serving (the answers it gave are in the message when it is not).
    assert fuzzing.server.poll() is None, fuzzing.log.read_text()[-2000:]
    roles = SERVICE_SPECS["Roles"].methods["List"]
    assert fuzzing.send(roles, b"") is grpc.StatusCode.OK, fuzzing.answers
    assert fuzzing.read_back(_lists()) > 100  # the fuzz stored things, and they all read


def test_last_the_server_logged_no_traceback_and_stops_cleanly(fuzzing: Fuzzing) -> None:
    # Runs last (tests run in file order): it stops the module's server.
    assert fuzzing.server.poll() is None
    assert stop_sync(fuzzing.server) == 0
    log = fuzzing.log.read_text()
    assert "Traceback" not in log, log[-4000:]
