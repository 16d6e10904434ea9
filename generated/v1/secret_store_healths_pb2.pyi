import datetime

from aiosdm._generated.v1 import hints_pb2 as _hints_pb2
from aiosdm._generated.v1 import spec_pb2 as _spec_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class SecretStoreHealthListRequest(_message.Message):
    __slots__ = ("meta", "filter")
    META_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListRequestMetadata
    filter: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListRequestMetadata, _Mapping]] = ..., filter: _Optional[str] = ...) -> None: ...

class SecretStoreHealthListResponse(_message.Message):
    __slots__ = ("meta", "secret_store_healths", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    SECRET_STORE_HEALTHS_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListResponseMetadata
    secret_store_healths: _containers.RepeatedCompositeFieldContainer[SecretStoreHealth]
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListResponseMetadata, _Mapping]] = ..., secret_store_healths: _Optional[_Iterable[_Union[SecretStoreHealth, _Mapping]]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class SecretStoreHealthCheckRequest(_message.Message):
    __slots__ = ("meta", "secret_store_id")
    META_FIELD_NUMBER: _ClassVar[int]
    SECRET_STORE_ID_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.CreateRequestMetadata
    secret_store_id: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.CreateRequestMetadata, _Mapping]] = ..., secret_store_id: _Optional[str] = ...) -> None: ...

class SecretStoreHealthcheckRequest(_message.Message):
    __slots__ = ("meta", "secret_store_id")
    META_FIELD_NUMBER: _ClassVar[int]
    SECRET_STORE_ID_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.CreateRequestMetadata
    secret_store_id: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.CreateRequestMetadata, _Mapping]] = ..., secret_store_id: _Optional[str] = ...) -> None: ...

class SecretStoreHealthCheckResponse(_message.Message):
    __slots__ = ("meta", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.CreateResponseMetadata
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.CreateResponseMetadata, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class SecretStoreHealthcheckResponse(_message.Message):
    __slots__ = ("meta", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.CreateResponseMetadata
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.CreateResponseMetadata, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class SecretStoreHealth(_message.Message):
    __slots__ = ("secret_store_id", "node_id", "status", "changed_at", "checked_at", "error", "reachability", "flags")
    SECRET_STORE_ID_FIELD_NUMBER: _ClassVar[int]
    NODE_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CHANGED_AT_FIELD_NUMBER: _ClassVar[int]
    CHECKED_AT_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    REACHABILITY_FIELD_NUMBER: _ClassVar[int]
    FLAGS_FIELD_NUMBER: _ClassVar[int]
    secret_store_id: str
    node_id: str
    status: str
    changed_at: _timestamp_pb2.Timestamp
    checked_at: _timestamp_pb2.Timestamp
    error: str
    reachability: str
    flags: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, secret_store_id: _Optional[str] = ..., node_id: _Optional[str] = ..., status: _Optional[str] = ..., changed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., checked_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., error: _Optional[str] = ..., reachability: _Optional[str] = ..., flags: _Optional[_Iterable[str]] = ...) -> None: ...
