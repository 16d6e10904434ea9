from aiosdm._generated.v1 import hints_pb2 as _hints_pb2
from aiosdm._generated.v1 import spec_pb2 as _spec_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class RemoteIdentityCreateRequest(_message.Message):
    __slots__ = ("meta", "remote_identity")
    META_FIELD_NUMBER: _ClassVar[int]
    REMOTE_IDENTITY_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.CreateRequestMetadata
    remote_identity: RemoteIdentity
    def __init__(self, meta: _Optional[_Union[_spec_pb2.CreateRequestMetadata, _Mapping]] = ..., remote_identity: _Optional[_Union[RemoteIdentity, _Mapping]] = ...) -> None: ...

class RemoteIdentityCreateResponse(_message.Message):
    __slots__ = ("meta", "remote_identity", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    REMOTE_IDENTITY_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.CreateResponseMetadata
    remote_identity: RemoteIdentity
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.CreateResponseMetadata, _Mapping]] = ..., remote_identity: _Optional[_Union[RemoteIdentity, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class RemoteIdentityGetRequest(_message.Message):
    __slots__ = ("meta", "id")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetRequestMetadata
    id: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetRequestMetadata, _Mapping]] = ..., id: _Optional[str] = ...) -> None: ...

class RemoteIdentityGetResponse(_message.Message):
    __slots__ = ("meta", "remote_identity", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    REMOTE_IDENTITY_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetResponseMetadata
    remote_identity: RemoteIdentity
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetResponseMetadata, _Mapping]] = ..., remote_identity: _Optional[_Union[RemoteIdentity, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class RemoteIdentityUpdateRequest(_message.Message):
    __slots__ = ("meta", "id", "remote_identity")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    REMOTE_IDENTITY_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.UpdateRequestMetadata
    id: str
    remote_identity: RemoteIdentity
    def __init__(self, meta: _Optional[_Union[_spec_pb2.UpdateRequestMetadata, _Mapping]] = ..., id: _Optional[str] = ..., remote_identity: _Optional[_Union[RemoteIdentity, _Mapping]] = ...) -> None: ...

class RemoteIdentityUpdateResponse(_message.Message):
    __slots__ = ("meta", "remote_identity", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    REMOTE_IDENTITY_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.UpdateResponseMetadata
    remote_identity: RemoteIdentity
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.UpdateResponseMetadata, _Mapping]] = ..., remote_identity: _Optional[_Union[RemoteIdentity, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class RemoteIdentityDeleteRequest(_message.Message):
    __slots__ = ("meta", "id")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.DeleteRequestMetadata
    id: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.DeleteRequestMetadata, _Mapping]] = ..., id: _Optional[str] = ...) -> None: ...

class RemoteIdentityDeleteResponse(_message.Message):
    __slots__ = ("meta", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.DeleteResponseMetadata
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.DeleteResponseMetadata, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class RemoteIdentityListRequest(_message.Message):
    __slots__ = ("meta", "filter")
    META_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListRequestMetadata
    filter: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListRequestMetadata, _Mapping]] = ..., filter: _Optional[str] = ...) -> None: ...

class RemoteIdentityListResponse(_message.Message):
    __slots__ = ("meta", "remote_identities", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    REMOTE_IDENTITIES_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListResponseMetadata
    remote_identities: _containers.RepeatedCompositeFieldContainer[RemoteIdentity]
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListResponseMetadata, _Mapping]] = ..., remote_identities: _Optional[_Iterable[_Union[RemoteIdentity, _Mapping]]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class RemoteIdentity(_message.Message):
    __slots__ = ("id", "account_id", "remote_identity_group_id", "username")
    ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    REMOTE_IDENTITY_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    id: str
    account_id: str
    remote_identity_group_id: str
    username: str
    def __init__(self, id: _Optional[str] = ..., account_id: _Optional[str] = ..., remote_identity_group_id: _Optional[str] = ..., username: _Optional[str] = ...) -> None: ...
