from aiosdm._generated.v1 import hints_pb2 as _hints_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CustomHeaders(_message.Message):
    __slots__ = ("custom_headers",)
    CUSTOM_HEADERS_FIELD_NUMBER: _ClassVar[int]
    custom_headers: _containers.RepeatedCompositeFieldContainer[CustomHeader]
    def __init__(self, custom_headers: _Optional[_Iterable[_Union[CustomHeader, _Mapping]]] = ...) -> None: ...

class CustomHeader(_message.Message):
    __slots__ = ("name", "value", "secret")
    NAME_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    SECRET_FIELD_NUMBER: _ClassVar[int]
    name: str
    value: str
    secret: bool
    def __init__(self, name: _Optional[str] = ..., value: _Optional[str] = ..., secret: _Optional[bool] = ...) -> None: ...
