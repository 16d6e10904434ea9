import datetime

from aiosdm._generated.v1 import hints_pb2 as _hints_pb2
from aiosdm._generated.v1 import spec_pb2 as _spec_pb2
from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ReplayListRequest(_message.Message):
    __slots__ = ("meta", "filter")
    META_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListRequestMetadata
    filter: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListRequestMetadata, _Mapping]] = ..., filter: _Optional[str] = ...) -> None: ...

class ReplayListResponse(_message.Message):
    __slots__ = ("meta", "chunks", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    CHUNKS_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListResponseMetadata
    chunks: _containers.RepeatedCompositeFieldContainer[ReplayChunk]
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListResponseMetadata, _Mapping]] = ..., chunks: _Optional[_Iterable[_Union[ReplayChunk, _Mapping]]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class ReplayChunk(_message.Message):
    __slots__ = ("data", "events", "symmetric_key")
    DATA_FIELD_NUMBER: _ClassVar[int]
    EVENTS_FIELD_NUMBER: _ClassVar[int]
    SYMMETRIC_KEY_FIELD_NUMBER: _ClassVar[int]
    data: bytes
    events: _containers.RepeatedCompositeFieldContainer[ReplayChunkEvent]
    symmetric_key: str
    def __init__(self, data: _Optional[bytes] = ..., events: _Optional[_Iterable[_Union[ReplayChunkEvent, _Mapping]]] = ..., symmetric_key: _Optional[str] = ...) -> None: ...

class ReplayChunkEvent(_message.Message):
    __slots__ = ("data", "duration")
    DATA_FIELD_NUMBER: _ClassVar[int]
    DURATION_FIELD_NUMBER: _ClassVar[int]
    data: bytes
    duration: _duration_pb2.Duration
    def __init__(self, data: _Optional[bytes] = ..., duration: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ...) -> None: ...
