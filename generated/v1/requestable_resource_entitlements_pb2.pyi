from aiosdm._generated.v1 import granted_account_entitlements_pb2 as _granted_account_entitlements_pb2
from aiosdm._generated.v1 import hints_pb2 as _hints_pb2
from aiosdm._generated.v1 import spec_pb2 as _spec_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class RequestableResourceEntitlementListRequest(_message.Message):
    __slots__ = ("meta", "resource_id", "filter")
    META_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_ID_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListRequestMetadata
    resource_id: str
    filter: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListRequestMetadata, _Mapping]] = ..., resource_id: _Optional[str] = ..., filter: _Optional[str] = ...) -> None: ...

class RequestableResourceEntitlementListResponse(_message.Message):
    __slots__ = ("meta", "requestable_resource_entitlements", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    REQUESTABLE_RESOURCE_ENTITLEMENTS_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListResponseMetadata
    requestable_resource_entitlements: _containers.RepeatedCompositeFieldContainer[RequestableResourceEntitlement]
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListResponseMetadata, _Mapping]] = ..., requestable_resource_entitlements: _Optional[_Iterable[_Union[RequestableResourceEntitlement, _Mapping]]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class RequestableResourceEntitlement(_message.Message):
    __slots__ = ("account_id", "origin_id", "mapped_identities", "group_id")
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    ORIGIN_ID_FIELD_NUMBER: _ClassVar[int]
    MAPPED_IDENTITIES_FIELD_NUMBER: _ClassVar[int]
    GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    origin_id: str
    mapped_identities: _granted_account_entitlements_pb2.MappedIdentities
    group_id: str
    def __init__(self, account_id: _Optional[str] = ..., origin_id: _Optional[str] = ..., mapped_identities: _Optional[_Union[_granted_account_entitlements_pb2.MappedIdentities, _Mapping]] = ..., group_id: _Optional[str] = ...) -> None: ...
