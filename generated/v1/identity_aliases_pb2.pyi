from aiosdm._generated.v1 import hints_pb2 as _hints_pb2
from aiosdm._generated.v1 import spec_pb2 as _spec_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class IdentityAliasCreateRequest(_message.Message):
    __slots__ = ("meta", "identity_alias")
    META_FIELD_NUMBER: _ClassVar[int]
    IDENTITY_ALIAS_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.CreateRequestMetadata
    identity_alias: IdentityAlias
    def __init__(self, meta: _Optional[_Union[_spec_pb2.CreateRequestMetadata, _Mapping]] = ..., identity_alias: _Optional[_Union[IdentityAlias, _Mapping]] = ...) -> None: ...

class IdentityAliasCreateResponse(_message.Message):
    __slots__ = ("meta", "identity_alias", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    IDENTITY_ALIAS_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.CreateResponseMetadata
    identity_alias: IdentityAlias
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.CreateResponseMetadata, _Mapping]] = ..., identity_alias: _Optional[_Union[IdentityAlias, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class IdentityAliasGetRequest(_message.Message):
    __slots__ = ("meta", "id")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetRequestMetadata
    id: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetRequestMetadata, _Mapping]] = ..., id: _Optional[str] = ...) -> None: ...

class IdentityAliasGetResponse(_message.Message):
    __slots__ = ("meta", "identity_alias", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    IDENTITY_ALIAS_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetResponseMetadata
    identity_alias: IdentityAlias
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetResponseMetadata, _Mapping]] = ..., identity_alias: _Optional[_Union[IdentityAlias, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class IdentityAliasUpdateRequest(_message.Message):
    __slots__ = ("meta", "id", "identity_alias")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    IDENTITY_ALIAS_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.UpdateRequestMetadata
    id: str
    identity_alias: IdentityAlias
    def __init__(self, meta: _Optional[_Union[_spec_pb2.UpdateRequestMetadata, _Mapping]] = ..., id: _Optional[str] = ..., identity_alias: _Optional[_Union[IdentityAlias, _Mapping]] = ...) -> None: ...

class IdentityAliasUpdateResponse(_message.Message):
    __slots__ = ("meta", "identity_alias", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    IDENTITY_ALIAS_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.UpdateResponseMetadata
    identity_alias: IdentityAlias
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.UpdateResponseMetadata, _Mapping]] = ..., identity_alias: _Optional[_Union[IdentityAlias, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class IdentityAliasDeleteRequest(_message.Message):
    __slots__ = ("meta", "id")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.DeleteRequestMetadata
    id: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.DeleteRequestMetadata, _Mapping]] = ..., id: _Optional[str] = ...) -> None: ...

class IdentityAliasDeleteResponse(_message.Message):
    __slots__ = ("meta", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.DeleteResponseMetadata
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.DeleteResponseMetadata, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class IdentityAliasListRequest(_message.Message):
    __slots__ = ("meta", "filter")
    META_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListRequestMetadata
    filter: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListRequestMetadata, _Mapping]] = ..., filter: _Optional[str] = ...) -> None: ...

class IdentityAliasListResponse(_message.Message):
    __slots__ = ("meta", "identity_aliases", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    IDENTITY_ALIASES_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListResponseMetadata
    identity_aliases: _containers.RepeatedCompositeFieldContainer[IdentityAlias]
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListResponseMetadata, _Mapping]] = ..., identity_aliases: _Optional[_Iterable[_Union[IdentityAlias, _Mapping]]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class IdentityAlias(_message.Message):
    __slots__ = ("id", "account_id", "identity_set_id", "username")
    ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    IDENTITY_SET_ID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    id: str
    account_id: str
    identity_set_id: str
    username: str
    def __init__(self, id: _Optional[str] = ..., account_id: _Optional[str] = ..., identity_set_id: _Optional[str] = ..., username: _Optional[str] = ...) -> None: ...
