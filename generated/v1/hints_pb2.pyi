from google.protobuf import descriptor_pb2 as _descriptor_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor
FIELD_FIELD_NUMBER: _ClassVar[int]
field: _descriptor.FieldDescriptor
MODEL_FIELD_NUMBER: _ClassVar[int]
model: _descriptor.FieldDescriptor

class FieldHints(_message.Message):
    __slots__ = ("name", "hidden", "read_only", "required", "secret", "json")
    NAME_FIELD_NUMBER: _ClassVar[int]
    HIDDEN_FIELD_NUMBER: _ClassVar[int]
    READ_ONLY_FIELD_NUMBER: _ClassVar[int]
    REQUIRED_FIELD_NUMBER: _ClassVar[int]
    SECRET_FIELD_NUMBER: _ClassVar[int]
    JSON_FIELD_NUMBER: _ClassVar[int]
    name: str
    hidden: bool
    read_only: bool
    required: bool
    secret: bool
    json: bool
    def __init__(self, name: _Optional[str] = ..., hidden: _Optional[bool] = ..., read_only: _Optional[bool] = ..., required: _Optional[bool] = ..., secret: _Optional[bool] = ..., json: _Optional[bool] = ...) -> None: ...

class ModelHints(_message.Message):
    __slots__ = ("porcelain", "grpc_code")
    PORCELAIN_FIELD_NUMBER: _ClassVar[int]
    GRPC_CODE_FIELD_NUMBER: _ClassVar[int]
    porcelain: bool
    grpc_code: int
    def __init__(self, porcelain: _Optional[bool] = ..., grpc_code: _Optional[int] = ...) -> None: ...
