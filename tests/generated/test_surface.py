"""The generated surface follows the protos' annotations, and nothing per service is
written by hand: every expectation here comes from the generated wire table."""

from __future__ import annotations

import inspect
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

import aiosdm.services
from aiosdm._generated.client_services import ClientServices, SnapshotServices
from aiosdm._generated.kinds import KIND_OF_SERVICE, KINDS
from aiosdm._generated.services import BY_PATH, SERVICE_SPECS, SERVICES
from aiosdm._service import Service
from aiosdm._specs import ServiceKind, Shape
from aiosdm.client import Client

ROOT = Path(__file__).resolve().parents[2]
CLIENT = Client("key", "c2VjcmV0", host="127.0.0.1:1", insecure=True)
READS = {Shape.GET, Shape.LIST}
WRITES = {Shape.CREATE, Shape.UPDATE, Shape.DELETE}


def test_the_wire_table_and_the_service_table_agree() -> None:
    assert set(SERVICES) == set(SERVICE_SPECS)
    for name, spec in SERVICE_SPECS.items():
        assert spec.methods is SERVICES[name]
        for method in spec.methods.values():
            assert BY_PATH[method.path] is method
            assert method.path == f"/v1.{name}/{method.method}"


@pytest.mark.parametrize("name", sorted(SERVICE_SPECS))
def test_every_service_is_a_typed_client_attribute(name: str) -> None:
    spec = SERVICE_SPECS[name]
    service = getattr(CLIENT, spec.attribute)
    assert type(service).__name__ == name
    assert isinstance(service, Service)
    assert getattr(aiosdm.services, name) is type(service)
    public = {n for n in dir(service) if not n.startswith("_")}
    offered = [m for m in spec.methods.values() if not m.hidden]
    assert public == {m.python_name for m in offered}
    for method in offered:
        function = getattr(service, method.python_name)
        # Lists answer at once with an iterator; every other call is a coroutine.
        assert inspect.iscoroutinefunction(function) == (method.shape != Shape.LIST)
        assert function.__doc__, f"{name}.{method.method} has no docstring"
        signature = inspect.signature(function)
        assert "timeout" in signature.parameters
        if method.shape == Shape.LIST:
            assert "filter" in signature.parameters


def test_snapshot_views_only_read_and_only_where_the_protos_allow() -> None:
    past = CLIENT.snapshot_at(datetime(2026, 1, 1, tzinfo=UTC))
    views = {n for n in dir(SnapshotServices) if not n.startswith("_")}
    assert views == {s.attribute for s in SERVICE_SPECS.values() if s.snapshot}
    for spec in SERVICE_SPECS.values():
        if not spec.snapshot:
            continue
        view = getattr(past, spec.attribute)
        public = {n for n in dir(view) if not n.startswith("_")}
        offered = {m.python_name for m in spec.methods.values() if not m.hidden}
        assert public == offered & {"get", "list"}


def test_idempotency_comes_from_the_protos() -> None:
    for methods in SERVICES.values():
        for method in methods.values():
            if method.shape in READS:
                assert method.idempotent, method.path
            if method.shape in WRITES:
                assert not method.idempotent, method.path
    # Custom calls say so themselves: a probe may repeat, rotating a key may not.
    assert SERVICES["Nodes"]["TCPProbe"].idempotent
    assert not SERVICES["SecretEngines"]["GenerateKeys"].idempotent


def test_history_and_derived_services_map_to_stored_kinds() -> None:
    for name, spec in SERVICE_SPECS.items():
        if spec.kind == ServiceKind.HISTORY:
            assert set(spec.methods) == {"List"}
            owner = SERVICE_SPECS[spec.history_of] if spec.history_of else spec
            assert owner.entity and KIND_OF_SERVICE[name] == KIND_OF_SERVICE[owner.name]
        if spec.entity:
            kind = KINDS[KIND_OF_SERVICE[name]]
            assert kind.message.DESCRIPTOR.name == spec.entity
            assert kind.prefix == spec.id_prefix
            assert kind.derived == (spec.kind == ServiceKind.DERIVED)
            for ref in kind.refs:
                assert ref.target in KINDS


def _hand_written(folder: str) -> list[Path]:
    return [p for p in (ROOT / folder).rglob("*.py") if "__pycache__" not in p.parts]


def test_nothing_per_service_is_written_by_hand() -> None:
    service_names = "|".join(sorted(SERVICE_SPECS, key=len, reverse=True))
    per_service = re.compile(rf"\bclass (Snapshot)?({service_names})\b|= _?LazyService\(")
    offenders = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for folder in ("sdk", "interceptors", "tests")
        for path in _hand_written(folder)
        for match in per_service.finditer(path.read_text(encoding="utf-8"))
    ]
    offenders += [
        f"{path.relative_to(ROOT)}: subclass of Service"
        for path in _hand_written("sdk")
        if re.search(r"^class \w+\(Service\):", path.read_text(encoding="utf-8"), re.M)
    ]
    assert offenders == []
    assert ClientServices in Client.__mro__
