"""Acceptance: every service attribute of the official ``strongdm.Client`` exists on
``aiosdm.Client``, and every method it offers gets a real answer from an ``aiosdm serve``
process: a result or a typed error about the request, never UNIMPLEMENTED or INTERNAL."""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

import pytest

from aiosdm._generated import models
from aiosdm._generated.services import SERVICE_SPECS
from aiosdm._generated.v1 import hints_pb2
from aiosdm._specs import Shape
from aiosdm.client import Client

from .._serve import serving_sync
from .test_serve_official_client import official

strongdm = pytest.importorskip("strongdm")

#: What a request may be refused for: it named nothing that exists, or was incomplete.
ANSWERS = (strongdm.NotFoundError, strongdm.BadRequestError, strongdm.AlreadyExistsError)


def _official_services(client: Any) -> dict[str, Any]:
    return {
        name: value
        for name, value in vars(client).items()
        if not name.startswith("_") and type(value).__module__ == "strongdm.svc"
    }


def _empty_entity(message: str) -> Any:
    """An empty official entity (a oneof wrapper: its first arm both SDKs know)."""
    ours = getattr(models, message)
    arms = [c for c in models.BINDINGS if c is not ours and issubclass(c, ours)]
    known = [c for c in arms if not c.__name__.startswith("Unknown")]
    return getattr(strongdm, (known[0] if known else ours).__name__)()


def _arguments(method: Any) -> list[Any]:
    if method.shape in (Shape.GET, Shape.DELETE):
        return ["x-1"]
    if method.shape in (Shape.CREATE, Shape.UPDATE):
        field = method.request.DESCRIPTOR.fields_by_name[method.entity_field]
        return [_empty_entity(field.message_type.name)]
    values: list[Any] = []
    for field in method.request.DESCRIPTOR.fields:
        if field.name == "filter":
            values.append("")
            continue
        if field.name == "meta" or field.GetOptions().Extensions[hints_pb2.field].hidden:
            continue
        if field.message_type is not None:
            values.append([] if field.is_repeated else None)
        elif field.is_repeated:
            values.append([])
        else:
            values.append(field.default_value or ("x-1" if field.type == field.TYPE_STRING else 1))
    return values


def test_every_official_service_attribute_is_on_aiosdm_client() -> None:
    theirs = strongdm.Client("k", "c2VjcmV0", host="127.0.0.1:1", insecure=True)
    try:
        names = set(_official_services(theirs))
    finally:
        theirs.close()
    ours = Client("k", "c2VjcmV0", host="127.0.0.1:1", insecure=True)
    assert len(names) == 72
    missing = sorted(n for n in names if not hasattr(ours, n))
    assert missing == []


def test_every_official_method_gets_a_real_answer(tmp_path: Path) -> None:
    by_attribute = {s.attribute: s for s in SERVICE_SPECS.values()}
    with serving_sync(tmp_path) as (_, creds):
        client = official(creds, retry_rate_limit_errors=False)
        called = 0
        try:
            for attribute, service in sorted(_official_services(client).items()):
                spec = by_attribute[attribute]
                offered = {m.python_name: m for m in spec.methods.values() if not m.hidden}
                public = {
                    n for n, v in inspect.getmembers(service, callable) if not n.startswith("_")
                }
                assert public == set(offered), attribute
                for name, method in sorted(offered.items()):
                    call = getattr(service, name)
                    try:
                        result = call(*_arguments(method), timeout=20)
                        if method.shape is Shape.LIST:
                            list(result)
                    except ANSWERS:
                        pass  # a real answer about this request
                    called += 1
        finally:
            client.close()
    assert called == sum(
        1 for s in by_attribute.values() for m in s.methods.values() if not m.hidden
    )
