"""A small, typed view of our protos for the generators: messages, fields, hints."""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass, field
from typing import Any

from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

FDP = descriptor_pb2.FieldDescriptorProto
PACKAGE = "aiosdm.v1"
WIRE_PACKAGE = "v1"  # what the service calls its package: paths are /v1.<Service>/<Method>

_SCALARS = {
    FDP.TYPE_STRING: ("str", '""'),
    FDP.TYPE_BOOL: ("bool", "False"),
    FDP.TYPE_INT32: ("int", "0"),
    FDP.TYPE_INT64: ("int", "0"),
    FDP.TYPE_UINT32: ("int", "0"),
    FDP.TYPE_UINT64: ("int", "0"),
    FDP.TYPE_BYTES: ("bytes", 'b""'),
    FDP.TYPE_DOUBLE: ("float", "0.0"),
    FDP.TYPE_FLOAT: ("float", "0.0"),
}
TYPE_NAMES = {
    FDP.TYPE_STRING: "string",
    FDP.TYPE_BOOL: "bool",
    FDP.TYPE_INT32: "int32",
    FDP.TYPE_INT64: "int64",
    FDP.TYPE_UINT32: "uint32",
    FDP.TYPE_UINT64: "uint64",
    FDP.TYPE_BYTES: "bytes",
    FDP.TYPE_DOUBLE: "double",
    FDP.TYPE_FLOAT: "float",
    FDP.TYPE_MESSAGE: "message",
}
SPECIAL = {
    ".google.protobuf.Timestamp": "timestamp",
    ".google.protobuf.Duration": "duration",
    f".{PACKAGE}.Tags": "tags",
}


class SchemaError(Exception):
    """The protos ask for something the generator cannot build."""


#: rpc names whose shape needs no hint.
_SHAPES_BY_NAME = {
    "Create": "create",
    "Get": "get",
    "Update": "update",
    "Delete": "delete",
    "List": "list",
}
_UNKNOWN_IDEMPOTENCY = descriptor_pb2.MethodOptions.IDEMPOTENCY_UNKNOWN
#: The standard layouts (wire facts, section 1): where create/get/update responses carry
#: their entity. Requests carry it in their one message field besides ``meta``.
RESULT_FIELD_NUMBER = 2


def snake(name: str) -> str:
    """``AccountGrant`` -> ``account_grant``, ``TCPProbe`` -> ``tcp_probe``."""
    name = name.replace(".", "")
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name).lower()


@dataclass
class Hints:
    name: str = ""
    hidden: bool = False
    read_only: bool = False
    required: bool = False
    secret: bool = False
    json: bool = False
    ref: str = ""  # message name of the entity whose id this field holds
    indexed: bool = False
    required_when: tuple[str, ...] = ()
    nullable: bool = False


@dataclass
class Field:
    name: str  # wire name
    number: int
    attr: str  # Python attribute name
    repeated: bool
    kind: str  # scalar | message | timestamp | duration | tags | json
    scalar: str = ""  # Python type for scalars
    default: str = ""  # Python literal for scalars
    message: str = ""  # short message name for kind == "message"
    oneof: str | None = None
    hints: Hints = field(default_factory=Hints)
    doc: str = ""


@dataclass
class Message:
    name: str
    file: str  # proto module base name, e.g. "accounts"
    doc: str
    porcelain: bool
    fields: list[Field]
    oneofs: list[str]
    grpc_code: int = 0
    unique: list[tuple[str, ...]] = field(default_factory=list)
    #: One repeated field of (key, value message) entries: a dict on the model.
    keyed: bool = False

    @property
    def polymorphic(self) -> str | None:
        """The oneof name if this message is exactly one oneof of message arms."""
        if len(self.oneofs) != 1 or not self.fields:
            return None
        if all(f.oneof == self.oneofs[0] and f.kind == "message" for f in self.fields):
            return self.oneofs[0]
        return None

    @property
    def by_name(self) -> dict[str, Field]:
        return {f.name: f for f in self.fields}

    @property
    def model_fields(self) -> list[Field]:
        return [f for f in self.fields if not f.hints.hidden]


@dataclass
class Method:
    name: str
    request: str
    response: str
    doc: str = ""
    python_name: str = ""
    shape: str = ""  # create | get | update | delete | list | custom
    idempotent: bool = False
    items: str = ""  # list responses: the repeated field of items
    id_field: str = ""
    entity_field: str = ""  # create/update: the request field carrying the entity
    hidden: bool = False  # on the wire, not on the client
    result_field: str = ""  # create/get/update: the response field carrying the entity
    #: What a key must hold to call it: the method hint, else the service's read (for
    #: idempotent methods) or write permission; "" when none is given.
    permission: str = ""


@dataclass
class Service:
    name: str
    file: str
    doc: str
    methods: list[Method]
    kind: str = ""  # crud | read_only | history | derived | custom
    id_prefix: str = ""
    snapshot: bool = False
    entity: str = ""
    history_of: str = ""
    attribute: str = ""
    noun: str = ""
    read_permission: str = ""
    write_permission: str = ""


@dataclass
class Schema:
    messages: dict[str, Message]  # by short name
    services: list[Service]
    files: list[str]

    def arms(self, msg: Message) -> list[tuple[Field, Message]]:
        return [(f, self.messages[f.message]) for f in msg.fields]

    def keyed_parts(self, msg: Message) -> tuple[str, Field, Field]:
        """(entries field, key field, value field) of a keyed message."""
        (entries,) = msg.fields
        key, value = self.messages[entries.message].fields
        return entries.name, key, value


def _comments(fdp: descriptor_pb2.FileDescriptorProto) -> dict[tuple[int, ...], str]:
    out = {}
    for loc in fdp.source_code_info.location:
        text = loc.leading_comments.strip()
        if text:
            out[tuple(loc.path)] = " ".join(line.strip() for line in text.splitlines())
    return out


def load(fds: descriptor_pb2.FileDescriptorSet) -> Schema:
    pool = descriptor_pool.DescriptorPool()
    for f in fds.file:
        pool.Add(f)
    field_ext = pool.FindExtensionByName(f"{PACKAGE}.field")
    model_ext = pool.FindExtensionByName(f"{PACKAGE}.model")
    service_ext = pool.FindExtensionByName(f"{PACKAGE}.service")
    method_ext = pool.FindExtensionByName(f"{PACKAGE}.method")
    kind_enum = pool.FindEnumTypeByName(f"{PACKAGE}.ServiceKind")
    shape_enum = pool.FindEnumTypeByName(f"{PACKAGE}.MethodShape")
    svc_opts = message_factory.GetMessageClass(
        pool.FindMessageTypeByName("google.protobuf.ServiceOptions")
    )
    method_opts = message_factory.GetMessageClass(
        pool.FindMessageTypeByName("google.protobuf.MethodOptions")
    )
    field_opts = message_factory.GetMessageClass(
        pool.FindMessageTypeByName("google.protobuf.FieldOptions")
    )
    msg_opts = message_factory.GetMessageClass(
        pool.FindMessageTypeByName("google.protobuf.MessageOptions")
    )

    messages: dict[str, Message] = {}
    services: list[Service] = []
    files: list[str] = []
    for fdp in fds.file:
        if fdp.package != PACKAGE or fdp.name.endswith("/hints.proto"):
            continue
        base = fdp.name.rsplit("/", 1)[-1].removesuffix(".proto")
        files.append(base)
        notes = _comments(fdp)

        def add(
            mp: descriptor_pb2.DescriptorProto,
            path: tuple[int, ...],
            prefix: str,
            notes: dict[tuple[int, ...], str] = notes,
            base: str = base,
        ) -> None:
            mo = msg_opts.FromString(mp.options.SerializeToString()).Extensions[model_ext]
            fields = []
            entries = {
                f".{PACKAGE}.{prefix}{mp.name}.{n.name}": n
                for n in mp.nested_type
                if n.options.map_entry
            }
            for i, fp in enumerate(mp.field):
                h = field_opts.FromString(fp.options.SerializeToString()).Extensions[field_ext]
                hints = Hints(
                    h.name,
                    h.hidden,
                    h.read_only,
                    h.required,
                    h.secret,
                    h.json,
                    h.ref,
                    h.indexed,
                    tuple(h.required_when),
                    h.nullable,
                )
                attr = hints.name or fp.name.lower()
                if keyword.iskeyword(attr):
                    attr += "_"
                kind = "scalar"
                scalar = default = message = ""
                repeated = fp.label == FDP.LABEL_REPEATED
                if fp.type_name in entries:  # map<k, v>: a dict on the model
                    key, value = entries[fp.type_name].field
                    kind, repeated = "map", False
                    scalar = f"dict[{_SCALARS[key.type][0]}, {_SCALARS[value.type][0]}]"
                elif fp.type == FDP.TYPE_MESSAGE:
                    kind = SPECIAL.get(fp.type_name, "message")
                    message = fp.type_name.rsplit(".", 1)[-1]
                    if kind == "message" and fp.type_name.count(".") > 3:
                        message = fp.type_name.split(".", 3)[-1]  # nested: Outer.Inner
                elif hints.json:
                    kind = "json"
                else:
                    scalar, default = _SCALARS[fp.type]
                oneof = mp.oneof_decl[fp.oneof_index].name if fp.HasField("oneof_index") else None
                fields.append(
                    Field(
                        name=fp.name,
                        number=fp.number,
                        attr=attr,
                        repeated=repeated,
                        kind=kind,
                        scalar=scalar,
                        default=default,
                        message=message,
                        oneof=oneof,
                        hints=hints,
                        doc=notes.get((*path, 2, i), ""),
                    )
                )
            name = prefix + mp.name
            messages[name] = Message(
                name=name,
                file=base,
                doc=notes.get(path, ""),
                porcelain=mo.porcelain,
                fields=fields,
                oneofs=[o.name for o in mp.oneof_decl],
                grpc_code=mo.grpc_code,
                unique=[tuple(k.split(",")) for k in mo.unique],
                keyed=mo.keyed,
            )
            for j, nested in enumerate(mp.nested_type):
                if not nested.options.map_entry:
                    add(nested, (*path, 3, j), name + ".", notes, base)

        for i, mp in enumerate(fdp.message_type):
            add(mp, (4, i), "")
        for i, sp in enumerate(fdp.service):
            sh = svc_opts.FromString(sp.options.SerializeToString()).Extensions[service_ext]
            methods = []
            for j, mp in enumerate(sp.method):
                mo = method_opts.FromString(mp.options.SerializeToString()).Extensions[method_ext]
                methods.append(
                    Method(
                        name=mp.name,
                        request=mp.input_type.rsplit(".", 1)[-1],
                        response=mp.output_type.rsplit(".", 1)[-1],
                        doc=notes.get((6, i, 2, j), ""),
                        python_name=mo.name or snake(mp.name),
                        shape=_enum_word(shape_enum, mo.shape, "SHAPE_")
                        or _SHAPES_BY_NAME.get(mp.name, "custom"),
                        idempotent=mp.options.idempotency_level != _UNKNOWN_IDEMPOTENCY,
                        items=mo.items,
                        id_field=mo.id_field,
                        hidden=mo.hidden,
                        permission=mo.permission,
                    )
                )
            services.append(
                Service(
                    name=sp.name,
                    file=base,
                    doc=notes.get((6, i), ""),
                    methods=methods,
                    kind=_enum_word(kind_enum, sh.kind, "SERVICE_"),
                    id_prefix=sh.id_prefix,
                    snapshot=sh.snapshot,
                    entity=sh.entity,
                    history_of=sh.history_of,
                    attribute=sh.attribute or snake(sp.name),
                    noun=sh.noun,
                    read_permission=sh.read_permission,
                    write_permission=sh.write_permission,
                )
            )
    schema = Schema(messages=messages, services=services, files=files)
    for msg in messages.values():
        for f in msg.fields:
            if f.kind == "message" and messages[f.message].keyed:
                f.kind = "keyed"
    complete(schema)
    return schema


def _enum_word(enum: Any, number: int, prefix: str) -> str:
    """``SHAPE_CREATE`` -> ``create``; the zero value -> ""."""
    if number == 0:
        return ""
    return str(enum.values_by_number[number].name).removeprefix(prefix).lower()


def complete(schema: Schema) -> None:
    """Fill what the hints leave to convention, and refuse what cannot work."""
    for msg in schema.messages.values():
        for f in msg.fields:
            for other in f.hints.required_when:
                if other.removeprefix("!") not in msg.by_name:
                    raise SchemaError(f"{msg.name}.{f.name}: required_when {other!r} is no field")
    names = {s.name for s in schema.services}
    for s in schema.services:
        where = f"service {s.name}"
        if not s.kind:
            raise SchemaError(f"{where}: set option (aiosdm.v1.service).kind")
        if s.kind == "history" and s.history_of and s.history_of not in names:
            raise SchemaError(f"{where}: history_of {s.history_of!r} is not a service")
        if s.kind == "history" and not (s.history_of or s.entity):
            raise SchemaError(f"{where}: a history service names history_of or its entity")
        if s.entity and s.entity not in schema.messages:
            raise SchemaError(f"{where}: entity {s.entity!r} is not a message")
        if s.entity and not s.noun:
            s.noun = snake(s.entity).replace("_", " ")
        for m in s.methods:
            _check_method(schema, f"{s.name}.{m.name}", m)
            # Left empty when nothing gives one: the local control plane refuses to start
            # then, naming the method (as it does for a custom method without a rule).
            m.permission = m.permission or (
                s.read_permission if m.idempotent else s.write_permission
            )


def _check_method(schema: Schema, where: str, m: Method) -> None:
    request, response = schema.messages[m.request], schema.messages[m.response]
    if m.shape in ("create", "update"):
        carried = [f for f in request.fields if f.kind == "message" and f.name != "meta"]
        if len(carried) != 1:
            raise SchemaError(f"{where}: a {m.shape} request carries one entity besides meta")
        m.entity_field = carried[0].name
    if m.shape in ("create", "get", "update"):
        results = {f.number: f for f in response.fields}
        if RESULT_FIELD_NUMBER in results and results[RESULT_FIELD_NUMBER].kind == "message":
            m.result_field = results[RESULT_FIELD_NUMBER].name
    if m.shape in ("get", "update", "delete") and not m.id_field and "id" in request.by_name:
        m.id_field = "id"  # an update without one takes the id from the entity
    if m.shape in ("get", "delete") and "id" not in request.by_name:
        raise SchemaError(f"{where}: a {m.shape} request carries an id field")
    if m.shape == "list":
        if "filter" not in request.by_name:
            raise SchemaError(f"{where}: a list request carries a filter field")
        repeated = [f.name for f in response.fields if f.repeated and f.kind == "message"]
        if not m.items:
            if len(repeated) != 1:
                raise SchemaError(f"{where}: name the items field (method hint `items`)")
            m.items = repeated[0]
        elif m.items not in repeated:
            raise SchemaError(f"{where}: items {m.items!r} is not a repeated message field")
    if m.id_field and m.id_field not in request.by_name:
        raise SchemaError(f"{where}: id_field {m.id_field!r} is not a request field")
    if m.shape != "list" and not m.hidden and not response.porcelain:
        raise SchemaError(f"{where}: the response {m.response} needs porcelain: true")
