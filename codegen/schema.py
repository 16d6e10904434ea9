"""A small, typed view of our protos for the generators: messages, fields, hints."""

from __future__ import annotations

import keyword
from dataclasses import dataclass, field

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


@dataclass
class Hints:
    name: str = ""
    hidden: bool = False
    read_only: bool = False
    required: bool = False
    secret: bool = False
    json: bool = False


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

    @property
    def polymorphic(self) -> str | None:
        """The oneof name if this message is exactly one oneof of message arms."""
        if len(self.oneofs) != 1 or not self.fields:
            return None
        if all(f.oneof == self.oneofs[0] and f.kind == "message" for f in self.fields):
            return self.oneofs[0]
        return None

    @property
    def model_fields(self) -> list[Field]:
        return [f for f in self.fields if not f.hints.hidden]


@dataclass
class Method:
    name: str
    request: str
    response: str


@dataclass
class Service:
    name: str
    file: str
    doc: str
    methods: list[Method]


@dataclass
class Schema:
    messages: dict[str, Message]  # by short name
    services: list[Service]
    files: list[str]

    def arms(self, msg: Message) -> list[tuple[Field, Message]]:
        return [(f, self.messages[f.message]) for f in msg.fields]


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
            for i, fp in enumerate(mp.field):
                h = field_opts.FromString(fp.options.SerializeToString()).Extensions[field_ext]
                hints = Hints(h.name, h.hidden, h.read_only, h.required, h.secret, h.json)
                attr = hints.name or fp.name.lower()
                if keyword.iskeyword(attr):
                    attr += "_"
                kind = "scalar"
                scalar = default = message = ""
                if fp.type == FDP.TYPE_MESSAGE:
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
                        repeated=fp.label == FDP.LABEL_REPEATED,
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
            )
            for j, nested in enumerate(mp.nested_type):
                add(nested, (*path, 3, j), name + ".", notes, base)

        for i, mp in enumerate(fdp.message_type):
            add(mp, (4, i), "")
        for i, sp in enumerate(fdp.service):
            services.append(
                Service(
                    name=sp.name,
                    file=base,
                    doc=notes.get((6, i), ""),
                    methods=[
                        Method(
                            m.name,
                            m.input_type.rsplit(".", 1)[-1],
                            m.output_type.rsplit(".", 1)[-1],
                        )
                        for m in sp.method
                    ],
                )
            )
    return Schema(messages=messages, services=services, files=files)
