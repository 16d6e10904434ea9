"""Every method sends the same bytes and signed headers as the official SDK.

For each method, aiosdm and the official ``strongdm`` client (in a worker thread)
call a recording server with equivalent porcelain input; the recorded request
bytes and ``x-sdm-*`` headers must match, except the user agent (ours on
purpose). Encrypted values differ by design (RSA-OAEP is randomized), so for
managed secrets the decrypted plaintexts are compared and signatures verified.

Equivalent input is built twice, never one from the other: the official objects by the
official constructors and ours by ours, with the same values under the same field names
(``tests/_twins.py``). So a converter that puts a value in the wrong field sends other bytes
than the official SDK, and fails here. Every entity a create or update sends is also tried
with a distinct value in every field, and a create with only the fields the service always
requires, for every arm (all resource drivers, account, node, secret store and engine kinds).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import strongdm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from google.protobuf.descriptor import FieldDescriptor
from google.protobuf.message import Message

from aiosdm import _signing
from aiosdm._generated.services import SERVICE_SPECS
from aiosdm._generated.v1 import hints_pb2
from aiosdm._specs import MethodSpec, ServiceKind, Shape
from aiosdm.client import Client

from .._twins import Twin, arm_names, counter, every_field, required_only, twin
from ..client._servers import ACCESS_KEY, SECRET, Received, ScriptedServer

OAEP = padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=None)
ENGINE_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
ENGINE_PEM = ENGINE_KEY.public_key().public_bytes(
    serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
)
SECRET_VALUE = b"correct horse battery staple"
WHEN = datetime(2030, 5, 6, 7, 8, 9, 123000, tzinfo=UTC)
PAST = datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)


# --- canned answers -------------------------------------------------------------------


def _is_polymorphic(descriptor: Any) -> bool:
    return any(
        oneof.fields and all(f.message_type is not None for f in oneof.fields)
        for oneof in descriptor.oneofs
    )


def _fill(message: Any, depth: int = 0) -> None:
    """Give every polymorphic field its first arm, so both SDKs can read the answer."""
    if depth > 3:
        return
    descriptor = message.DESCRIPTOR
    if _is_polymorphic(descriptor):
        arm = descriptor.oneofs[0].fields[0]
        inner = getattr(message, arm.name)
        inner.SetInParent()
        if "public_key" in inner.DESCRIPTOR.fields_by_name:
            inner.public_key = ENGINE_PEM
            inner.id = "se-1"
        return
    for field in descriptor.fields:
        if field.message_type is None or field.name in ("meta", "rate_limit"):
            continue
        if field.is_repeated:
            if field.message_type.GetOptions().map_entry:
                continue
            _fill(getattr(message, field.name).add(), depth + 1)
        elif depth < 2:
            _fill(getattr(message, field.name), depth + 1)


@dataclass
class Recorder:
    """Answers like the service would, enough for both clients to accept the answer."""

    paged: bool = False

    async def __call__(self, received: Received) -> Message:
        response: Any = received.spec.response()
        _fill(response)
        if received.spec.result_field:  # the entity a create, get or update always returns
            getattr(response, received.spec.result_field).SetInParent()
        if received.path == "/v1.ManagedSecrets/Retrieve":
            client_key = serialization.load_pem_public_key(received.message().public_key)
            assert isinstance(client_key, rsa.RSAPublicKey)
            response.managed_secret.value = client_key.encrypt(SECRET_VALUE, OAEP)
        if self.paged and not received.message().meta.cursor:
            response.meta.next_cursor = "c1"
        return response


# --- the entities, described once and built by each SDK ------------------------------------

USER = twin(
    "User",
    email="alice@example.com",
    first_name="Alice",
    last_name="Liddell",
    tags={"team": "eng"},
    permission_level="admin",
    manager_id="a-9",
    employee_number="17",
)
TOKEN = twin(
    "Token",
    name="ci",
    account_type="api",
    permissions=["user:read", "role:list"],
    duration=timedelta(hours=12),
    deadline=WHEN,
)
SERVICE = twin("Service", name="robot", tags={"k": "v"}, suspended=True)
ROLE = twin(
    "Role",
    name="dbas",
    tags={"a": "b"},
    access_rules=[{"tags": {"env": "prod"}}, {"type": "postgres"}],
)
GRANT = twin(
    "AccountGrant",
    account_id="a-1",
    resource_id="rs-1",
    start_from=PAST,
    valid_until=WHEN,
    access_rule={"ids": ["rs-1"]},
)
MANAGED = twin(
    "ManagedSecret",
    name="db-password",
    secret_engine_id="se-1",
    value=SECRET_VALUE,
    tags={"x": "y"},
    policy=twin(
        "ManagedSecretPolicy",
        password_policy=twin("ManagedSecretPasswordPolicy", length=20, num_digits=3),
    ),
)
RELAY = twin(
    "Relay",
    name="relay-1",
    tags={"dc": "1"},
    gateway_filter="dc:1",
    maintenance_windows=[twin("NodeMaintenanceWindow", cron_schedule="0 3 * * *")],
)
GATEWAY = twin(
    "Gateway", name="gw", listen_address="gw.example.com:5000", bind_address="0.0.0.0:5000"
)
PROXY = twin("ProxyCluster", name="pc", address="pc.example.com:443")
POSTGRES = twin(
    "Postgres",
    name="pg",
    hostname="db.internal",
    username="app",
    password="s3cret",
    database="app",
    port=5432,
    tags={"env": "dev"},
)
STORE = twin("VaultTokenStore", name="vault", server_address="https://vault:8200", namespace="ns")
ENGINE = twin("KeyValueEngine", name="kv", secret_store_id="se-store", secret_store_root_path="kv/")
POLICY = twin("SecretEnginePasswordPolicy", length=32, num_symbols=2, exclude_characters="\"'")


Call = Callable[[Any], Any]


@dataclass
class Case:
    """One method, called the same way on both clients."""

    id: str
    ours: Call
    theirs: Call
    paged: bool = False
    page_limit: int = 0

    def __str__(self) -> str:
        return self.id


def _list(ours: Call, theirs: Call) -> tuple[Call, Call]:
    async def consume_ours(client: Any) -> Any:
        return [item async for item in ours(client)]

    return consume_ours, lambda sdk: list(theirs(sdk))


def sends(attr: str, method: str, entity: Twin, label: str = "") -> Case:
    """``client.<attr>.<method>(entity)``, each client with its own SDK's object."""
    return Case(
        f"{attr}.{method}({label or entity.name})",
        lambda c: getattr(getattr(c, attr), method)(entity.ours()),
        lambda s: getattr(getattr(s, attr), method)(entity.theirs()),
    )


def crud(
    attr: str,
    entity: Twin | None = None,
    *,
    update: bool = True,
    get: bool = True,
    delete: bool = True,
) -> list[Case]:
    """The standard methods of one service."""
    cases: list[Case] = []
    if entity is not None:
        cases.append(sends(attr, "create", entity))
        if update:
            cases.append(sends(attr, "update", entity.replace(id="x-1")))
    if get:
        cases.append(
            Case(
                f"{attr}.get",
                lambda c: getattr(c, attr).get("x-1"),
                lambda s: getattr(s, attr).get("x-1"),
            )
        )
    if delete:
        cases.append(
            Case(
                f"{attr}.delete",
                lambda c: getattr(c, attr).delete("x-1"),
                lambda s: getattr(s, attr).delete("x-1"),
            )
        )
    cases.append(lister(attr, "list", "name:?,tags:?", 'Zoë "q"', 5))
    return cases


def lister(attr: str, method: str, filter: str = "", *args: Any) -> Case:
    ours, theirs = _list(
        lambda c: getattr(getattr(c, attr), method)(filter, *args),
        lambda s: getattr(getattr(s, attr), method)(filter, *args),
    )
    return Case(f"{attr}.{method}", ours, theirs)


def call(name: str, method: str, *args: Any) -> Case:
    return Case(
        f"{name}.{method}",
        lambda c: getattr(getattr(c, name), method)(*args),
        lambda s: getattr(getattr(s, name), method)(*args),
    )


#: Every history service: each takes the same list call.
HISTORY = [s.attribute for s in SERVICE_SPECS.values() if s.kind == ServiceKind.HISTORY]

CASES: list[Case] = [
    *crud("accounts", USER),
    sends("accounts", "create", TOKEN),
    sends("accounts", "create", SERVICE),
    *crud(
        "account_attachments",
        twin("AccountAttachment", account_id="a-1", role_id="r-1"),
        update=False,
    ),
    *crud("account_grants", GRANT, update=False),
    *crud("accounts_groups", twin("AccountGroup", account_id="a-1", group_id="g-1"), update=False),
    lister("account_permissions", "list", "account_id:?", "a-1"),
    lister("account_resources", "list", "account_id:?", "a-1"),
    *crud("activities", get=True, delete=False),
    *crud("roles", ROLE),
    *crud("groups", twin("Group", name="ops", description="on call", tags={"t": "1"})),
    call("groups", "create_from_roles", ["r-1", "r-2"], True),
    *crud("groups_roles", twin("GroupRole", group_id="g-1", role_id="r-1"), update=False),
    *crud("identity_sets", twin("IdentitySet", name="on-call")),
    *crud("nodes", RELAY),
    sends("nodes", "create", GATEWAY),
    sends("nodes", "create", PROXY),
    call("nodes", "tcp_probe", "n-1", "db.internal", 5432),
    *crud("resources", POSTGRES),
    lister("resources", "enumerate_tags", "name:?", "env"),
    call("resources", "healthcheck", "rs-1"),
    lister("role_resources", "list", "role_id:?", "r-1"),
    *crud("secret_stores", STORE),
    *crud("secret_engines", ENGINE),
    lister("secret_engines", "list_secret_stores", "name:vault*"),
    call("secret_engines", "generate_keys", "se-1"),
    call("secret_engines", "healthcheck", "se-1"),
    Case(
        "secret_engines.rotate",
        lambda c: c.secret_engines.rotate("se-1", POLICY.ours()),
        lambda s: s.secret_engines.rotate("se-1", POLICY.theirs()),
    ),
    Case(
        "secret_engines.rotate(no policy)",
        lambda c: c.secret_engines.rotate("se-1", None),
        lambda s: s.secret_engines.rotate("se-1", None),
    ),
    lister("managed_secrets", "list", "name:?", "db-password"),
    lister("managed_secrets", "list_by_actor", ""),
    lister("managed_secrets", "logs", "managed_secret_id:?", "ms-1"),
    call("managed_secrets", "rotate", "ms-1"),
    call("managed_secrets", "delete", "ms-1"),
    call("managed_secrets", "force_delete", "ms-1"),
    call("managed_secrets", "get", "ms-1"),
    call("managed_secrets", "validate", "ms-1"),
    *(lister(name, "list", "id:?", "x-1") for name in HISTORY),
    Case(
        "accounts.list(page_limit)",
        *_list(lambda c: c.accounts.list("type:user"), lambda s: s.accounts.list("type:user")),
        paged=True,
        page_limit=7,
    ),
    Case(
        "nodes.list(page_limit)",
        *_list(lambda c: c.nodes.list(""), lambda s: s.nodes.list("")),
        paged=True,
        page_limit=2,
    ),
]


# --- one generated case for every other method ------------------------------------------

_PARAM_VALUES: dict[str, Any] = {"str": "x-1", "int": 3, "bool": True, "bytes": b"x", "float": 1.5}


def _entity(method: MethodSpec[Any, Any]) -> str:
    """The model a create or update sends (a polymorphic one: the wrapper, e.g. Resource)."""
    return str(method.request.DESCRIPTOR.fields_by_name[method.entity_field].message_type.name)


def _custom_args(method: Any) -> list[Any]:
    """A value of the right type for every parameter of a custom call, in order."""
    args: list[Any] = []
    for field in method.request.DESCRIPTOR.fields:
        hint = field.GetOptions().Extensions[hints_pb2.field]
        if field.name == "meta" or hint.hidden:
            continue
        if field.message_type is not None:
            args.append([] if field.is_repeated else None)
            continue
        value = _PARAM_VALUES[_SCALAR_TYPES[field.type]]
        args.append([value] if field.is_repeated else value)
    return args


def generated_case(attribute: str, method: Any) -> Case:
    """The minimal request of ``method``, sent the same way by both clients."""
    name = method.python_name
    on = attr_getter(attribute, name)
    if method.shape in (Shape.GET, Shape.DELETE):
        return Case(f"{attribute}.{name}", lambda c: on(c)("x-1"), lambda s: on(s)("x-1"))
    if method.shape is Shape.LIST:
        extra = ["x-1"] * (len(_custom_args(method)) - 1)  # whose list, before the filter
        ours, theirs = _list(
            lambda c: on(c)(*extra, "name:?", "x"), lambda s: on(s)(*extra, "name:?", "x")
        )
        return Case(f"{attribute}.{name}", ours, theirs)
    if method.shape in (Shape.CREATE, Shape.UPDATE):
        empty = Twin(arm_names(_entity(method))[0])  # nothing set (an update: the id)
        entity = empty.replace(id="x-1") if method.shape is Shape.UPDATE else empty
        return Case(
            f"{attribute}.{name}", lambda c: on(c)(entity.ours()), lambda s: on(s)(entity.theirs())
        )
    args = _custom_args(method)
    return Case(f"{attribute}.{name}", lambda c: on(c)(*args), lambda s: on(s)(*args))


def attr_getter(attribute: str, name: str) -> Callable[[Any], Any]:
    return lambda client: getattr(getattr(client, attribute), name)


_SCALAR_TYPES = {
    FieldDescriptor.TYPE_STRING: "str",
    FieldDescriptor.TYPE_BOOL: "bool",
    FieldDescriptor.TYPE_BYTES: "bytes",
    FieldDescriptor.TYPE_INT32: "int",
    FieldDescriptor.TYPE_INT64: "int",
    FieldDescriptor.TYPE_UINT32: "int",
    FieldDescriptor.TYPE_UINT64: "int",
    FieldDescriptor.TYPE_DOUBLE: "float",
    FieldDescriptor.TYPE_FLOAT: "float",
}
_ENCRYPTED = {"managed_secrets.create", "managed_secrets.update"}  # their own tests below
_WRITTEN = {c.id.split("(")[0] for c in CASES} | _ENCRYPTED | {"managed_secrets.retrieve"}
GENERATED = [
    generated_case(spec.attribute, method)
    for spec in SERVICE_SPECS.values()
    for method in spec.methods.values()
    if not method.hidden and f"{spec.attribute}.{method.python_name}" not in _WRITTEN
]


def entity_cases() -> list[Case]:
    """Every create and update, for every arm of its entity, with a distinct value in every
    field; every create also with only the fields the service always requires."""
    cases = []
    for spec in SERVICE_SPECS.values():
        for method in spec.methods.values():
            where = f"{spec.attribute}.{method.python_name}"
            if method.hidden or method.shape not in (Shape.CREATE, Shape.UPDATE):
                continue
            if where in _ENCRYPTED:
                continue
            builders = {"every field": every_field}
            if method.shape is Shape.CREATE:
                builders["required"] = required_only
            for arm in arm_names(_entity(method)):
                for label, build in builders.items():
                    entity = build(arm, counter())
                    if method.shape is Shape.UPDATE:
                        entity = entity.replace(id="x-1")
                    cases.append(
                        sends(spec.attribute, method.python_name, entity, f"{arm}, {label}")
                    )
    return cases


ENTITIES = entity_cases()


async def _record(case: Case, run_ours: bool) -> list[Received]:
    async with ScriptedServer(Recorder(paged=case.paged)) as server:
        if run_ours:
            async with Client(
                ACCESS_KEY, SECRET, host=server.target, insecure=True, page_limit=case.page_limit
            ) as client:
                result = case.ours(client)
                if isinstance(result, Awaitable):
                    await result
        else:
            sdk = strongdm.Client(
                ACCESS_KEY, SECRET, host=server.target, insecure=True, page_limit=case.page_limit
            )
            try:
                await asyncio.to_thread(case.theirs, sdk)
            finally:
                sdk.close()
        return server.received


def _wire(received: list[Received]) -> list[tuple[str, bytes, list[tuple[str, Any]]]]:
    return [
        (
            r.path,
            r.body,
            [(k, str(v)) for k, v in r.sdm_headers() if k != "x-sdm-user-agent"],
        )
        for r in received
    ]


@pytest.mark.parametrize("case", CASES + GENERATED + ENTITIES, ids=str)
async def test_request_bytes_and_headers_match_the_official_sdk(case: Case) -> None:
    ours = await _record(case, run_ours=True)
    theirs = await _record(case, run_ours=False)
    assert _wire(ours) == _wire(theirs)
    assert ours, "nothing was sent"
    if case.paged:
        assert len(ours) == 2 and ours[1].message().meta.cursor == "c1"


def _verify_signature(received: Received) -> None:
    key = _signing.derive_key(_signing.decode_secret(SECRET), _signing.utc_day())
    expected = _signing.sign(key, received.spec.signing_name, received.body)
    assert received.header("x-sdm-signature") == expected


@pytest.mark.parametrize("method", ["create", "update"])
async def test_managed_secret_writes_carry_the_same_plaintext(method: str) -> None:
    entity = MANAGED if method == "create" else MANAGED.replace(id="ms-1")
    case = sends("managed_secrets", method, entity)
    ours, theirs = await _record(case, True), await _record(case, False)
    # Both first read the engine to learn its key, then write.
    assert [r.path for r in ours] == [r.path for r in theirs]
    assert [r.path for r in ours][-1] == f"/v1.ManagedSecrets/{method.title()}"
    assert _wire(ours[:-1]) == _wire(theirs[:-1])
    plain = []
    for sent in (ours[-1], theirs[-1]):
        _verify_signature(sent)
        message = sent.message()
        assert message.managed_secret.value != SECRET_VALUE
        message.managed_secret.value = ENGINE_KEY.decrypt(message.managed_secret.value, OAEP)
        plain.append(message.SerializeToString())
    assert plain[0] == plain[1]
    assert SECRET_VALUE in plain[0]


async def test_managed_secret_retrieve_sends_a_key_and_decrypts() -> None:
    async with ScriptedServer(Recorder()) as server:
        async with Client(ACCESS_KEY, SECRET, host=server.target, insecure=True) as client:
            ours = await client.managed_secrets.retrieve("ms-1")
        sdk = strongdm.Client(ACCESS_KEY, SECRET, host=server.target, insecure=True)
        try:
            theirs = await asyncio.to_thread(sdk.managed_secrets.retrieve, "ms-1")
        finally:
            sdk.close()
    assert ours.managed_secret.value == theirs.managed_secret.value == SECRET_VALUE
    sent = [r.message() for r in server.received]
    for received in server.received:
        _verify_signature(received)
    for message in sent:
        key = serialization.load_pem_public_key(message.public_key)
        assert isinstance(key, rsa.RSAPublicKey) and key.key_size == 4096
        message.public_key = b""
    assert sent[0].SerializeToString() == sent[1].SerializeToString()


async def test_snapshot_reads_match_the_official_sdk() -> None:
    cases = [
        Case("get", lambda c: c.accounts.get("a-1"), lambda s: s.accounts.get("a-1")),
        Case(
            "list",
            *_list(lambda c: c.roles.list("name:?", "x"), lambda s: s.roles.list("name:?", "x")),
        ),
        Case("resources", *_list(lambda c: c.resources.list(""), lambda s: s.resources.list(""))),
        Case(
            "grant", lambda c: c.account_grants.get("ag-1"), lambda s: s.account_grants.get("ag-1")
        ),
    ]
    for case in cases:
        snap = Case(
            case.id,
            lambda c, f=case.ours: f(c.snapshot_at(WHEN)),
            lambda s, f=case.theirs: f(s.snapshot_at(WHEN)),
            page_limit=3,
        )
        ours, theirs = await _record(snap, True), await _record(snap, False)
        assert _wire(ours) == _wire(theirs)
        assert ours[0].message().meta.snapshot_at.ToDatetime(tzinfo=UTC) == WHEN


def test_every_method_is_covered() -> None:
    covered = _WRITTEN | {c.id for c in GENERATED}
    wanted = set()
    for spec in SERVICE_SPECS.values():
        for method in spec.methods.values():
            if not method.hidden:  # off both clients
                wanted.add(f"{spec.attribute}.{method.python_name}")
    assert wanted <= covered, sorted(wanted - covered)
    assert len({c.id for c in GENERATED}) == len(GENERATED)
