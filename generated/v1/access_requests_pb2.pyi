import datetime

from aiosdm._generated.v1 import hints_pb2 as _hints_pb2
from aiosdm._generated.v1 import spec_pb2 as _spec_pb2
from aiosdm._generated.v1 import tags_pb2 as _tags_pb2
from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class AccessRequestListRequest(_message.Message):
    __slots__ = ("meta", "filter")
    META_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListRequestMetadata
    filter: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListRequestMetadata, _Mapping]] = ..., filter: _Optional[str] = ...) -> None: ...

class AccessRequestListResponse(_message.Message):
    __slots__ = ("meta", "access_requests", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    ACCESS_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListResponseMetadata
    access_requests: _containers.RepeatedCompositeFieldContainer[AccessRequest]
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListResponseMetadata, _Mapping]] = ..., access_requests: _Optional[_Iterable[_Union[AccessRequest, _Mapping]]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class AccessRequest(_message.Message):
    __slots__ = ("id", "resource_id", "reason", "workflow_id", "account_id", "start_from", "valid_until", "status", "status_at", "grant_id", "duration", "requestedDuration", "resultDuration", "requester_name")
    ID_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    START_FROM_FIELD_NUMBER: _ClassVar[int]
    VALID_UNTIL_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    STATUS_AT_FIELD_NUMBER: _ClassVar[int]
    GRANT_ID_FIELD_NUMBER: _ClassVar[int]
    DURATION_FIELD_NUMBER: _ClassVar[int]
    REQUESTEDDURATION_FIELD_NUMBER: _ClassVar[int]
    RESULTDURATION_FIELD_NUMBER: _ClassVar[int]
    REQUESTER_NAME_FIELD_NUMBER: _ClassVar[int]
    id: str
    resource_id: str
    reason: str
    workflow_id: str
    account_id: str
    start_from: _timestamp_pb2.Timestamp
    valid_until: _timestamp_pb2.Timestamp
    status: str
    status_at: _timestamp_pb2.Timestamp
    grant_id: str
    duration: int
    requestedDuration: _duration_pb2.Duration
    resultDuration: _duration_pb2.Duration
    requester_name: str
    def __init__(self, id: _Optional[str] = ..., resource_id: _Optional[str] = ..., reason: _Optional[str] = ..., workflow_id: _Optional[str] = ..., account_id: _Optional[str] = ..., start_from: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., valid_until: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., status: _Optional[str] = ..., status_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., grant_id: _Optional[str] = ..., duration: _Optional[int] = ..., requestedDuration: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., resultDuration: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., requester_name: _Optional[str] = ...) -> None: ...

class AccessRequestEvent(_message.Message):
    __slots__ = ("id", "request_id", "actor_id", "type", "metadata", "time")
    ID_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_ID_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    TIME_FIELD_NUMBER: _ClassVar[int]
    id: str
    request_id: str
    actor_id: str
    type: str
    metadata: str
    time: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., request_id: _Optional[str] = ..., actor_id: _Optional[str] = ..., type: _Optional[str] = ..., metadata: _Optional[str] = ..., time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class RequestableResource(_message.Message):
    __slots__ = ("id", "name", "healthy", "type", "authentication", "tags", "access", "privileges", "privileges_requirement_status")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    HEALTHY_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    AUTHENTICATION_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    ACCESS_FIELD_NUMBER: _ClassVar[int]
    PRIVILEGES_FIELD_NUMBER: _ClassVar[int]
    PRIVILEGES_REQUIREMENT_STATUS_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    healthy: bool
    type: str
    authentication: str
    tags: _tags_pb2.Tags
    access: str
    privileges: PrivilegesMessage
    privileges_requirement_status: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., healthy: _Optional[bool] = ..., type: _Optional[str] = ..., authentication: _Optional[str] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ..., access: _Optional[str] = ..., privileges: _Optional[_Union[PrivilegesMessage, _Mapping]] = ..., privileges_requirement_status: _Optional[str] = ...) -> None: ...

class PrivilegesMessage(_message.Message):
    __slots__ = ("kubernetes", "entraGroups", "oktaGroups", "googleGroups")
    KUBERNETES_FIELD_NUMBER: _ClassVar[int]
    ENTRAGROUPS_FIELD_NUMBER: _ClassVar[int]
    OKTAGROUPS_FIELD_NUMBER: _ClassVar[int]
    GOOGLEGROUPS_FIELD_NUMBER: _ClassVar[int]
    kubernetes: KubernetesPrivileges
    entraGroups: EntraGroupPrivileges
    oktaGroups: OktaGroupPrivileges
    googleGroups: GoogleGroupPrivileges
    def __init__(self, kubernetes: _Optional[_Union[KubernetesPrivileges, _Mapping]] = ..., entraGroups: _Optional[_Union[EntraGroupPrivileges, _Mapping]] = ..., oktaGroups: _Optional[_Union[OktaGroupPrivileges, _Mapping]] = ..., googleGroups: _Optional[_Union[GoogleGroupPrivileges, _Mapping]] = ...) -> None: ...

class KubernetesPrivileges(_message.Message):
    __slots__ = ("groups",)
    GROUPS_FIELD_NUMBER: _ClassVar[int]
    groups: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, groups: _Optional[_Iterable[str]] = ...) -> None: ...

class EntraGroupPrivileges(_message.Message):
    __slots__ = ("groups",)
    GROUPS_FIELD_NUMBER: _ClassVar[int]
    groups: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, groups: _Optional[_Iterable[str]] = ...) -> None: ...

class OktaGroupPrivileges(_message.Message):
    __slots__ = ("groups",)
    GROUPS_FIELD_NUMBER: _ClassVar[int]
    groups: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, groups: _Optional[_Iterable[str]] = ...) -> None: ...

class GoogleGroupPrivileges(_message.Message):
    __slots__ = ("groups",)
    GROUPS_FIELD_NUMBER: _ClassVar[int]
    groups: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, groups: _Optional[_Iterable[str]] = ...) -> None: ...

class AccessRequestConfig(_message.Message):
    __slots__ = ("resource_id", "reason", "start_from", "duration")
    RESOURCE_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    START_FROM_FIELD_NUMBER: _ClassVar[int]
    DURATION_FIELD_NUMBER: _ClassVar[int]
    resource_id: str
    reason: str
    start_from: _timestamp_pb2.Timestamp
    duration: str
    def __init__(self, resource_id: _Optional[str] = ..., reason: _Optional[str] = ..., start_from: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., duration: _Optional[str] = ...) -> None: ...

class RequestAccessRequestConfig(_message.Message):
    __slots__ = ("resource_ids", "reason", "start_from", "duration", "access_rules")
    RESOURCE_IDS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    START_FROM_FIELD_NUMBER: _ClassVar[int]
    DURATION_FIELD_NUMBER: _ClassVar[int]
    ACCESS_RULES_FIELD_NUMBER: _ClassVar[int]
    resource_ids: _containers.RepeatedScalarFieldContainer[str]
    reason: str
    start_from: _timestamp_pb2.Timestamp
    duration: str
    access_rules: str
    def __init__(self, resource_ids: _Optional[_Iterable[str]] = ..., reason: _Optional[str] = ..., start_from: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., duration: _Optional[str] = ..., access_rules: _Optional[str] = ...) -> None: ...
