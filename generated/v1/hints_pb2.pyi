from google.protobuf import descriptor_pb2 as _descriptor_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ServiceKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SERVICE_UNSPECIFIED: _ClassVar[ServiceKind]
    SERVICE_CRUD: _ClassVar[ServiceKind]
    SERVICE_READ_ONLY: _ClassVar[ServiceKind]
    SERVICE_HISTORY: _ClassVar[ServiceKind]
    SERVICE_DERIVED: _ClassVar[ServiceKind]
    SERVICE_CUSTOM: _ClassVar[ServiceKind]

class MethodShape(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SHAPE_FROM_NAME: _ClassVar[MethodShape]
    SHAPE_CREATE: _ClassVar[MethodShape]
    SHAPE_GET: _ClassVar[MethodShape]
    SHAPE_UPDATE: _ClassVar[MethodShape]
    SHAPE_DELETE: _ClassVar[MethodShape]
    SHAPE_LIST: _ClassVar[MethodShape]
    SHAPE_CUSTOM: _ClassVar[MethodShape]
SERVICE_UNSPECIFIED: ServiceKind
SERVICE_CRUD: ServiceKind
SERVICE_READ_ONLY: ServiceKind
SERVICE_HISTORY: ServiceKind
SERVICE_DERIVED: ServiceKind
SERVICE_CUSTOM: ServiceKind
SHAPE_FROM_NAME: MethodShape
SHAPE_CREATE: MethodShape
SHAPE_GET: MethodShape
SHAPE_UPDATE: MethodShape
SHAPE_DELETE: MethodShape
SHAPE_LIST: MethodShape
SHAPE_CUSTOM: MethodShape
FIELD_FIELD_NUMBER: _ClassVar[int]
field: _descriptor.FieldDescriptor
MODEL_FIELD_NUMBER: _ClassVar[int]
model: _descriptor.FieldDescriptor
SERVICE_FIELD_NUMBER: _ClassVar[int]
service: _descriptor.FieldDescriptor
METHOD_FIELD_NUMBER: _ClassVar[int]
method: _descriptor.FieldDescriptor

class FieldHints(_message.Message):
    __slots__ = ("name", "hidden", "read_only", "required", "secret", "json", "ref", "indexed", "required_when", "nullable")
    NAME_FIELD_NUMBER: _ClassVar[int]
    HIDDEN_FIELD_NUMBER: _ClassVar[int]
    READ_ONLY_FIELD_NUMBER: _ClassVar[int]
    REQUIRED_FIELD_NUMBER: _ClassVar[int]
    SECRET_FIELD_NUMBER: _ClassVar[int]
    JSON_FIELD_NUMBER: _ClassVar[int]
    REF_FIELD_NUMBER: _ClassVar[int]
    INDEXED_FIELD_NUMBER: _ClassVar[int]
    REQUIRED_WHEN_FIELD_NUMBER: _ClassVar[int]
    NULLABLE_FIELD_NUMBER: _ClassVar[int]
    name: str
    hidden: bool
    read_only: bool
    required: bool
    secret: bool
    json: bool
    ref: str
    indexed: bool
    required_when: _containers.RepeatedScalarFieldContainer[str]
    nullable: bool
    def __init__(self, name: _Optional[str] = ..., hidden: _Optional[bool] = ..., read_only: _Optional[bool] = ..., required: _Optional[bool] = ..., secret: _Optional[bool] = ..., json: _Optional[bool] = ..., ref: _Optional[str] = ..., indexed: _Optional[bool] = ..., required_when: _Optional[_Iterable[str]] = ..., nullable: _Optional[bool] = ...) -> None: ...

class ModelHints(_message.Message):
    __slots__ = ("porcelain", "grpc_code", "unique", "keyed")
    PORCELAIN_FIELD_NUMBER: _ClassVar[int]
    GRPC_CODE_FIELD_NUMBER: _ClassVar[int]
    UNIQUE_FIELD_NUMBER: _ClassVar[int]
    KEYED_FIELD_NUMBER: _ClassVar[int]
    porcelain: bool
    grpc_code: int
    unique: _containers.RepeatedScalarFieldContainer[str]
    keyed: bool
    def __init__(self, porcelain: _Optional[bool] = ..., grpc_code: _Optional[int] = ..., unique: _Optional[_Iterable[str]] = ..., keyed: _Optional[bool] = ...) -> None: ...

class ServiceHints(_message.Message):
    __slots__ = ("kind", "id_prefix", "snapshot", "entity", "history_of", "attribute", "noun", "read_permission", "write_permission")
    KIND_FIELD_NUMBER: _ClassVar[int]
    ID_PREFIX_FIELD_NUMBER: _ClassVar[int]
    SNAPSHOT_FIELD_NUMBER: _ClassVar[int]
    ENTITY_FIELD_NUMBER: _ClassVar[int]
    HISTORY_OF_FIELD_NUMBER: _ClassVar[int]
    ATTRIBUTE_FIELD_NUMBER: _ClassVar[int]
    NOUN_FIELD_NUMBER: _ClassVar[int]
    READ_PERMISSION_FIELD_NUMBER: _ClassVar[int]
    WRITE_PERMISSION_FIELD_NUMBER: _ClassVar[int]
    kind: ServiceKind
    id_prefix: str
    snapshot: bool
    entity: str
    history_of: str
    attribute: str
    noun: str
    read_permission: str
    write_permission: str
    def __init__(self, kind: _Optional[_Union[ServiceKind, str]] = ..., id_prefix: _Optional[str] = ..., snapshot: _Optional[bool] = ..., entity: _Optional[str] = ..., history_of: _Optional[str] = ..., attribute: _Optional[str] = ..., noun: _Optional[str] = ..., read_permission: _Optional[str] = ..., write_permission: _Optional[str] = ...) -> None: ...

class MethodHints(_message.Message):
    __slots__ = ("name", "shape", "items", "id_field", "hidden", "permission")
    NAME_FIELD_NUMBER: _ClassVar[int]
    SHAPE_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_FIELD_NUMBER: _ClassVar[int]
    HIDDEN_FIELD_NUMBER: _ClassVar[int]
    PERMISSION_FIELD_NUMBER: _ClassVar[int]
    name: str
    shape: MethodShape
    items: str
    id_field: str
    hidden: bool
    permission: str
    def __init__(self, name: _Optional[str] = ..., shape: _Optional[_Union[MethodShape, str]] = ..., items: _Optional[str] = ..., id_field: _Optional[str] = ..., hidden: _Optional[bool] = ..., permission: _Optional[str] = ...) -> None: ...
