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

class GrantedAccountEntitlementListRequest(_message.Message):
    __slots__ = ("meta", "account_id", "filter")
    META_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListRequestMetadata
    account_id: str
    filter: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListRequestMetadata, _Mapping]] = ..., account_id: _Optional[str] = ..., filter: _Optional[str] = ...) -> None: ...

class GrantedAccountEntitlementListResponse(_message.Message):
    __slots__ = ("meta", "granted_account_entitlements", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    GRANTED_ACCOUNT_ENTITLEMENTS_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListResponseMetadata
    granted_account_entitlements: _containers.RepeatedCompositeFieldContainer[GrantedAccountEntitlement]
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListResponseMetadata, _Mapping]] = ..., granted_account_entitlements: _Optional[_Iterable[_Union[GrantedAccountEntitlement, _Mapping]]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class GrantedAccountEntitlement(_message.Message):
    __slots__ = ("resource_id", "origin_id", "last_accessed", "mapped_identities", "group_id")
    RESOURCE_ID_FIELD_NUMBER: _ClassVar[int]
    ORIGIN_ID_FIELD_NUMBER: _ClassVar[int]
    LAST_ACCESSED_FIELD_NUMBER: _ClassVar[int]
    MAPPED_IDENTITIES_FIELD_NUMBER: _ClassVar[int]
    GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    resource_id: str
    origin_id: str
    last_accessed: _timestamp_pb2.Timestamp
    mapped_identities: MappedIdentities
    group_id: str
    def __init__(self, resource_id: _Optional[str] = ..., origin_id: _Optional[str] = ..., last_accessed: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., mapped_identities: _Optional[_Union[MappedIdentities, _Mapping]] = ..., group_id: _Optional[str] = ...) -> None: ...

class MappedIdentities(_message.Message):
    __slots__ = ("kubernetes",)
    KUBERNETES_FIELD_NUMBER: _ClassVar[int]
    kubernetes: GrantedEntitlementKubernetesPrivileges
    def __init__(self, kubernetes: _Optional[_Union[GrantedEntitlementKubernetesPrivileges, _Mapping]] = ...) -> None: ...

class GrantedEntitlementKubernetesPrivileges(_message.Message):
    __slots__ = ("groups",)
    GROUPS_FIELD_NUMBER: _ClassVar[int]
    groups: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, groups: _Optional[_Iterable[str]] = ...) -> None: ...
