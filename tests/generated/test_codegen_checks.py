"""The generator refuses annotations it cannot honour, with a message naming the element."""

from __future__ import annotations

import copy
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from codegen import protoc
from codegen.schema import Schema, SchemaError, complete, load


@pytest.fixture(scope="module")
def schema() -> Schema:
    with tempfile.TemporaryDirectory() as tmp:
        return load(protoc.descriptor_set(Path(tmp)))


def _service(schema: Schema, name: str) -> object:
    return next(s for s in schema.services if s.name == name)


def _break_history(s: Schema) -> None:
    _service(s, "RolesHistory").history_of = "Nope"  # type: ignore[attr-defined]


def _break_history_owner(s: Schema) -> None:
    _service(s, "RolesHistory").history_of = ""  # type: ignore[attr-defined]


def _break_entity(s: Schema) -> None:
    _service(s, "Roles").entity = "Nope"  # type: ignore[attr-defined]


def _break_kind(s: Schema) -> None:
    _service(s, "Roles").kind = ""  # type: ignore[attr-defined]


def _break_items(s: Schema) -> None:
    _service(s, "Roles").methods[-1].items = "meta"  # type: ignore[attr-defined]


def _break_id_field(s: Schema) -> None:
    _service(s, "Nodes").methods[-1].id_field = "nope"  # type: ignore[attr-defined]


def _break_create(s: Schema) -> None:
    _service(s, "Roles").methods[1].shape = "create"  # Get's request has no entity  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("breaks", "message"),
    [
        (_break_history, r"service RolesHistory: history_of 'Nope' is not a service"),
        (_break_history_owner, r"RolesHistory: a history service names history_of or its entity"),
        (_break_entity, r"service Roles: entity 'Nope' is not a message"),
        (_break_kind, r"service Roles: set option \(aiosdm.v1.service\).kind"),
        (_break_items, r"Roles.List: items 'meta' is not a repeated message field"),
        (_break_id_field, r"Nodes.TCPProbe: id_field 'nope' is not a request field"),
        (_break_create, r"Roles.Get: a create request carries one entity besides meta"),
    ],
)
def test_bad_annotations_are_refused_by_name(
    schema: Schema, breaks: Callable[[Schema], None], message: str
) -> None:
    broken = copy.deepcopy(schema)
    breaks(broken)
    with pytest.raises(SchemaError, match=message):
        complete(broken)


def test_the_real_protos_pass(schema: Schema) -> None:
    complete(copy.deepcopy(schema))


def test_a_method_needs_its_services_read_or_write_permission_unless_it_names_one(
    schema: Schema,
) -> None:
    roles = {m.name: m.permission for m in _service(schema, "Roles").methods}  # type: ignore[attr-defined]
    # Reads (idempotent) take read_permission, writes write_permission; Create and
    # Delete name their own.
    assert roles == {
        "Create": "role:create",
        "Get": "role:list",
        "Update": "role:update",
        "Delete": "role:delete",
        "List": "role:list",
    }
    secrets = {m.name: m.permission for m in _service(schema, "ManagedSecrets").methods}  # type: ignore[attr-defined]
    assert secrets["Retrieve"] == "managedsecret:retrieve"
    assert secrets["Validate"] == "managedsecret:validate"  # idempotent, yet its own
