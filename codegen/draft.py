"""``python -m codegen.draft FILE...``: draft ``protos/aiosdm/v1/<FILE>.proto`` from the wire
facts of the official descriptors (a dev-only tool; the product never imports the oracle).

Only wire facts are taken: names, numbers, types, labels and oneofs, plus what the
official options state about the service (id prefix, snapshot support, Go-only
items, required/read-only/credential fields, conditions). The comments and the
annotations' layout are ours; a draft is a starting point to read and edit, not a
file to commit unread. ``--print`` writes to stdout instead of the protos folder.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import sys
from collections.abc import Iterator
from typing import Any

from google.protobuf import descriptor_pool
from google.protobuf.descriptor import Descriptor, FieldDescriptor, FileDescriptor

from .protoc import PROTO_PACKAGE_DIR, PROTO_ROOT
from .schema import snake

HEADER = """// Part of aiosdm's description of the strongDM v1 wire protocol. Names, numbers and
// types match the service; the package is ours so both SDKs load in one process.
//
// {summary}

syntax = "proto3";

package aiosdm.v1;
"""

_SCALAR = {
    FieldDescriptor.TYPE_STRING: "string",
    FieldDescriptor.TYPE_BOOL: "bool",
    FieldDescriptor.TYPE_INT32: "int32",
    FieldDescriptor.TYPE_INT64: "int64",
    FieldDescriptor.TYPE_UINT32: "uint32",
    FieldDescriptor.TYPE_UINT64: "uint64",
    FieldDescriptor.TYPE_BYTES: "bytes",
    FieldDescriptor.TYPE_DOUBLE: "double",
    FieldDescriptor.TYPE_FLOAT: "float",
}
_GOOGLE = {
    "google.protobuf.Timestamp": "google/protobuf/timestamp.proto",
    "google.protobuf.Duration": "google/protobuf/duration.proto",
}
#: What an official condition on a required field depends on: the field that turns it on
#: ("!" when the field being unset does: leased credentials are the ones used while
#: identity aliasing is off).
CONDITION_FIELDS = {
    "identity-alias": "identity_set_id",
    "discovery-enabled": "discovery_enabled",
    "discovery-disabled": "!discovery_enabled",
    "leased-credentials": "!identity_set_id",
}
#: What each drafted file holds, in our words.
SUMMARIES = {
    "access_request_events_history": "What happened to access requests: filed, approved, ...",
    "access_requests": "Access requests: an account asking a workflow for time-bound access.",
    "access_requests_history": "Versions of access requests over time.",
    "approval_workflow_approvers": "Who may approve a step of an approval workflow.",
    "approval_workflow_approvers_history": "Versions of approval workflow approvers over time.",
    "approval_workflow_steps": "The ordered steps of an approval workflow.",
    "approval_workflow_steps_history": "Versions of approval workflow steps over time.",
    "approval_workflows": "Approval workflows: how access requests get approved.",
    "approval_workflows_history": "Versions of approval workflows over time.",
    "control_panel": "Organization-wide keys and checks: CA public keys, JWT verification.",
    "discovery_connectors": "Connectors that discover resources in AWS, Azure and GCP accounts.",
    "drivers": "Resources: one message per driver, joined in the Resource oneof.",
    "granted_account_entitlements": "What one account can reach now, and through what.",
    "granted_resource_entitlements": "Who can reach one resource now, and through what.",
    "granted_role_entitlements": "What one role grants now.",
    "health_checks": "Results of the nodes' health checks of resources.",
    "identity_aliases": "Identity aliases: the username an account uses in an identity set.",
    "identity_aliases_history": "Versions of identity aliases over time.",
    "organization_history": "Versions of the organization's settings over time.",
    "organizations": "The organization: its settings and multi-factor authentication.",
    "peering_group_nodes": "Which nodes belong to a peering group.",
    "peering_group_peers": "Which peering groups may route to each other.",
    "peering_group_resources": "Which resources a peering group's nodes serve.",
    "peering_groups": "Peering groups: sets of nodes that route to each other.",
    "policies": "Policies: rules in a policy language that permit or forbid actions.",
    "policies_history": "Versions of policies over time.",
    "proxy_cluster_keys": "Keys that proxy cluster workers authenticate with.",
    "queries": "Queries: the recorded commands and requests made through resources.",
    "remote_identities": "Remote identities: an account's username on a remote identity group.",
    "remote_identities_history": "Versions of remote identities over time.",
    "remote_identity_groups": "Remote identity groups (read-only).",
    "remote_identity_groups_history": "Versions of remote identity groups over time.",
    "replays": "Session replays: the recorded chunks of a session.",
    "requestable_account_entitlements": "What one account could request through workflows.",
    "requestable_resource_entitlements": "Who could request one resource through workflows.",
    "requestable_role_entitlements": "What could be requested through one role's workflows.",
    "secret_store_healths": "The health of secret stores, as each node sees them.",
    "workflow_approvers": "Who approves access requests of a workflow.",
    "workflow_approvers_history": "Versions of workflow approvers over time.",
    "workflow_roles": "Which roles a workflow grants access through.",
    "workflow_roles_history": "Versions of workflow roles over time.",
    "workflows": "Workflows: how accounts request access and how it is granted.",
    "workflows_history": "Versions of workflows over time.",
}
#: References the field names alone do not give (``group_id`` of a peering group link
#: names a peering group, not a group of accounts).
REFS = {
    ("PeeringGroupNode", "group_id"): "PeeringGroup",
    ("PeeringGroupPeer", "group_id"): "PeeringGroup",
    ("PeeringGroupPeer", "peers_with_group_id"): "PeeringGroup",
    ("PeeringGroupResource", "group_id"): "PeeringGroup",
    ("ApprovalWorkflowStep", "approval_flow_id"): "ApprovalWorkflow",
    ("ApprovalWorkflowApprover", "approval_flow_id"): "ApprovalWorkflow",
    ("ApprovalWorkflowApprover", "approval_step_id"): "ApprovalWorkflowStep",
    ("ProxyClusterKey", "proxy_cluster_id"): "Node",
}
#: Links that exist at most once (one alias per account and identity set, ...).
UNIQUE = {
    "IdentityAlias": ["account_id,identity_set_id"],
    "RemoteIdentity": ["account_id,remote_identity_group_id"],
    "WorkflowRole": ["workflow_id,role_id"],
    "PeeringGroupNode": ["group_id,node_id"],
    "PeeringGroupPeer": ["group_id,peers_with_group_id"],
    "PeeringGroupResource": ["group_id,resource_id"],
}
#: Reads that change nothing: retried freely.
_READ = re.compile(r"^(Get|List)")


class Oracle:
    """The official descriptors and their options, loaded once."""

    def __init__(self) -> None:
        import strongdm  # dev-only oracle

        for info in pkgutil.iter_modules(strongdm.__path__):
            if info.name.endswith("_pb2"):
                importlib.import_module(f"strongdm.{info.name}")
        self.options = importlib.import_module("strongdm.options_pb2")
        self.pool = descriptor_pool.Default()

    def file(self, name: str) -> FileDescriptor:
        return self.pool.FindFileByName(f"{name}.proto")

    def _opts(self, descriptor: Any, extension: str) -> Any:
        return descriptor.GetOptions().Extensions[getattr(self.options, extension)]

    def service_opts(self, d: Any) -> Any:
        return self._opts(d, "service_options")

    def message_opts(self, d: Any) -> Any:
        return self._opts(d, "message_options")

    def field_opts(self, d: Any) -> Any:
        return self._opts(d, "field_options")

    def method_opts(self, d: Any) -> Any:
        return self._opts(d, "method_options")

    def go_only(self, opts: Any) -> bool:
        return "go_private" in list(opts.targets)

    def all_files(self) -> list[str]:
        import strongdm

        return sorted(
            i.name.removesuffix("_pb2")
            for i in pkgutil.iter_modules(strongdm.__path__)
            if i.name.endswith("_pb2") and i.name != "options_pb2"
        )


def _plural(noun: str) -> str:
    if noun.endswith("y") and not noun.endswith(("ay", "ey", "oy")):
        return noun[:-1] + "ies"
    return noun + ("es" if noun.endswith("s") else "s")


def _words(name: str) -> str:
    return snake(name).replace("_", " ")


class Drafter:
    def __init__(self, oracle: Oracle) -> None:
        self.o = oracle
        #: snake_case name -> message of every entity a service stores ("account" -> Account)
        self.entities: dict[str, str] = {}
        #: entities that other entities name by id (those of services that change them)
        self.linkable: set[str] = set()
        for fd_name in oracle.all_files():
            for service in oracle.file(fd_name).services_by_name.values():
                entity = self.entity(service)
                if service.name.endswith("History") or self.o.go_only(self.o.service_opts(service)):
                    continue
                if entity:
                    self.entities[snake(entity)] = entity
                if entity and "Create" in {m.name for m in service.methods}:
                    self.linkable.add(entity)

    # -- services -----------------------------------------------------------------

    def entity(self, service: Any) -> str:
        methods = {m.name: m for m in service.methods}
        if "Create" in methods:
            return str(methods["Create"].input_type.fields_by_number[2].message_type.name)
        if "Get" in methods:
            field = methods["Get"].output_type.fields_by_number.get(2)
            if field is not None and field.message_type is not None:
                return str(field.message_type.name)
        listing = methods.get("List")
        if listing is not None and set(listing.input_type.fields_by_name) == {"meta", "filter"}:
            # A plain list of what the service records (its items are its entity); a list
            # that takes more (whose entitlements) is computed, with no entity of its own.
            items = [f for f in listing.output_type.fields if f.is_repeated and f.message_type]
            if len(items) == 1:
                return str(items[0].message_type.name)
        return ""

    def service_hints(self, service: Any) -> tuple[str, str]:
        """(annotation, comment) of one service."""
        name = str(service.name)
        opts = self.o.service_opts(service)
        methods = {m.name for m in service.methods}
        hints: list[str] = []
        entity = self.entity(service)
        if name.endswith("History"):
            record = next(iter(service.methods)).output_type.fields_by_number[2].message_type
            entity = str(record.fields_by_number[3].message_type.name)
            target = self.history_target(name)
            hints.append("kind: SERVICE_HISTORY")
            hints.append(f'history_of: "{target}"' if target else f'entity: "{entity}"')
            comment = (
                f"Past versions of {target or _plural(_words(entity))}: one record per change."
            )
            return "{" + " ".join(hints) + "}", comment
        if "Create" in methods:
            kind = "SERVICE_CRUD"
        elif methods <= {"Get", "List"} and entity:
            kind = "SERVICE_READ_ONLY"
        elif methods == {"List"}:
            kind = "SERVICE_DERIVED"
        else:
            kind = "SERVICE_CUSTOM"
        hints.append(f"kind: {kind}")
        if opts.id_prefix:
            hints.append(f'id_prefix: "{opts.id_prefix}"')
        if not opts.disable_snapshot_vertical and methods & {"Get", "List"}:
            hints.append("snapshot: true")
        if entity and kind != "SERVICE_DERIVED":
            hints.append(f'entity: "{entity}"')
        noun = _plural(_words(entity)) if entity else _words(name)
        comment = {
            "SERVICE_CRUD": f"Create, read{', change' if 'Update' in methods else ''} and remove "
            f"{noun}.",
            "SERVICE_READ_ONLY": f"Read {noun}; the service records them, the API only reads.",
            "SERVICE_DERIVED": f"{_words(name).capitalize()}, computed from current access.",
            "SERVICE_CUSTOM": f"The {_words(name)} calls.",
        }[kind]
        return "{" + " ".join(hints) + "}", comment

    def history_target(self, name: str) -> str:
        base = name.removesuffix("History")
        for candidate in (base, base + "s", base.replace("Polic", "Polici") + "es"):
            try:
                service = self.o.pool.FindServiceByName(f"v1.{candidate}")
            except KeyError:
                continue
            if self.entity(service):
                return candidate
        return ""

    def method(self, service: Any, m: Any) -> list[str]:
        line = f"  rpc {m.name}({m.input_type.name}) returns ({m.output_type.name})"
        opts: list[str] = []
        if _READ.match(m.name) or m.name == "VerifyJWT":
            opts.append("option idempotency_level = NO_SIDE_EFFECTS;")
        elif m.name in ("Healthcheck", "TCPProbe"):
            opts.append("option idempotency_level = IDEMPOTENT;")
        hints: list[str] = []
        if (
            m.name.startswith("List")
            and m.name != "List"
            and "filter" in m.input_type.fields_by_name
        ):
            hints.append("shape: SHAPE_LIST")
        if m.name in ("Get", "Delete") and "id" not in m.input_type.fields_by_name:
            hints.append("shape: SHAPE_CUSTOM")  # the one entity of its kind: no id to send
        if self.o.go_only(self.o.method_opts(m)):
            hints.append("hidden: true")
        if hints:
            opts.append(f"option (aiosdm.v1.method) = {{{' '.join(hints)}}};")
        if not opts:
            return [line + ";"]
        return [line + " {", *(f"    {o}" for o in opts), "  }"]

    # -- messages -----------------------------------------------------------------

    def field_hints(self, f: FieldDescriptor) -> str:
        opts = self.o.field_opts(f)
        hints: list[str] = []
        owner = f.containing_type
        target = REFS.get((owner.name, f.name)) if owner is not None else None
        if target is None and f.name.endswith("_id"):
            target = self.entities.get(f.name.removesuffix("_id"))
        if target and owner is not None and owner.name in self.linkable:
            hints.append(f'ref: "{target}"')  # a stored entity naming another by id
        python = dict(opts.custom.porcelain_name_override).get("python")
        if python and python != f.name:
            hints.append(f'name: "{python}"')
        if not opts.porcelain or self.o.go_only(opts):
            hints.append("hidden: true")
        if opts.read_only:
            hints.append("read_only: true")
        conditions = list(opts.conditions) or ([opts.condition] if opts.condition else [])
        if opts.required and conditions:
            hints += [f'required_when: "{CONDITION_FIELDS[c]}"' for c in conditions]
        elif opts.required:
            hints.append("required: true")
        if opts.is_credential or opts.write_only:
            hints.append("secret: true")
        if opts.custom.converter == "access_rules":
            hints.append("json: true")
        if opts.nullable:
            hints.append("nullable: true")
        return f" [(aiosdm.v1.field) = {{{' '.join(hints)}}}]" if hints else ""

    def type_of(self, f: FieldDescriptor, imports: set[str]) -> str:
        if f.message_type is not None:
            full = str(f.message_type.full_name)
            if full in _GOOGLE:
                imports.add(_GOOGLE[full])
                return full
            if f.message_type.GetOptions().map_entry:
                key, value = f.message_type.fields_by_number[1], f.message_type.fields_by_number[2]
                return f"map<{_SCALAR[key.type]}, {_SCALAR[value.type]}>"
            imports.add(f"{PROTO_PACKAGE_DIR}/{f.message_type.file.name}")
            return full.removeprefix("v1.")
        return _SCALAR[f.type]

    def message(self, d: Descriptor, imports: set[str], indent: str = "") -> list[str]:
        opts = self.o.message_opts(d)
        out = [f"{indent}message {d.name} {{"]
        keys = UNIQUE.get(d.name, ["name"] if d.name in self.linkable and self._named(d) else [])
        if keys:
            listed = " ".join(f'unique: "{k}"' for k in keys)
            out.append(f"{indent}  option (aiosdm.v1.model) = {{porcelain: true {listed}}};")
        elif _keyed(d):
            out.append(f"{indent}  option (aiosdm.v1.model) = {{keyed: true}};")
        elif opts.porcelain and not self.o.go_only(opts):  # Go-only: on the wire, no model
            out.append(f"{indent}  option (aiosdm.v1.model).porcelain = true;")
        for nested in d.nested_types:
            if not nested.GetOptions().map_entry:
                out += self.message(nested, imports, indent + "  ")
        oneofs = {o.name: [f for f in o.fields] for o in d.oneofs}
        done: set[str] = set()
        for f in d.fields:
            if f.containing_oneof is not None:
                name = f.containing_oneof.name
                if name in done:
                    continue
                done.add(name)
                arms = [a for a in oneofs[name] if not self.o.go_only(self.o.field_opts(a))]
                out.append(f"{indent}  oneof {name} {{")
                out += [
                    f"{indent}    {self.type_of(a, imports)} {a.name} = {a.number};" for a in arms
                ]
                out.append(f"{indent}  }}")
                continue
            label = "repeated " if f.is_repeated and not _is_map(f) else ""
            out.append(
                f"{indent}  {label}{self.type_of(f, imports)} {f.name} = {f.number}"
                f"{self.field_hints(f)};"
            )
        out.append(f"{indent}}}")
        return out

    def _named(self, d: Descriptor) -> bool:
        """Every entity of this message carries a required name (each arm of a oneof does)."""
        if d.oneofs and all(f.containing_oneof is not None for f in d.fields):
            return all(self._named(f.message_type) for f in d.fields if f.message_type)
        name = d.fields_by_name.get("name")
        return name is not None and bool(self.o.field_opts(name).required)

    # -- files --------------------------------------------------------------------

    def draft(self, name: str, summary: str = "") -> str:
        fd = self.o.file(name)
        imports: set[str] = {f"{PROTO_PACKAGE_DIR}/hints.proto"}
        body: list[str] = []
        for service in fd.services_by_name.values():
            if self.o.go_only(self.o.service_opts(service)):
                continue
            hints, comment = self.service_hints(service)
            body += ["", f"// {comment}", f"service {service.name} {{"]
            body.append(f"  option (aiosdm.v1.service) = {hints};")
            for m in service.methods:
                body += self.method(service, m)
            body.append("}")
        for d in fd.message_types_by_name.values():
            body += ["", *self.message(d, imports)]
        imports.discard(f"{PROTO_PACKAGE_DIR}/{fd.name}")
        text = HEADER.format(
            summary=summary or SUMMARIES.get(name, f"{_words(name)}.".capitalize())
        )
        text += "\n" + "".join(f'import "{i}";\n' for i in sorted(imports))
        return text + "\n".join(body) + "\n"


def _keyed(d: Descriptor) -> bool:
    """One repeated field of its own nested (name, message) entries: a dict in porcelain."""
    if len(d.fields) != 1 or not d.fields[0].is_repeated:
        return False
    entry = d.fields[0].message_type
    if entry is None or entry.containing_type is not d or len(entry.fields) != 2:
        return False
    key, value = entry.fields
    return key.type == FieldDescriptor.TYPE_STRING and value.message_type is not None


def _is_map(f: FieldDescriptor) -> bool:
    return f.message_type is not None and f.message_type.GetOptions().map_entry


def missing_files(oracle: Oracle) -> Iterator[str]:
    """Official files with no counterpart in protos/ (Go-only and option files left out)."""
    ours = {p.stem for p in (PROTO_ROOT / PROTO_PACKAGE_DIR).glob("*.proto")}
    for name in oracle.all_files():
        if name in ours:
            continue
        fd = oracle.file(name)
        services = list(fd.services_by_name.values())
        if services and all(oracle.go_only(oracle.service_opts(s)) for s in services):
            continue
        yield name


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen.draft", description=__doc__)
    parser.add_argument("files", nargs="*", help="official file names, e.g. identity_aliases")
    parser.add_argument("--missing", action="store_true", help="every file we do not have")
    parser.add_argument("--print", action="store_true", help="print instead of writing")
    args = parser.parse_args()
    oracle = Oracle()
    drafter = Drafter(oracle)
    names = list(args.files) + (list(missing_files(oracle)) if args.missing else [])
    for name in names:
        text = drafter.draft(name)
        if args.print:
            sys.stdout.write(text)
        else:
            path = PROTO_ROOT / PROTO_PACKAGE_DIR / f"{name}.proto"
            path.write_text(text)
            print(f"drafted {path.relative_to(PROTO_ROOT.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
