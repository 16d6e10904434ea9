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

class WorkflowCreateRequest(_message.Message):
    __slots__ = ("meta", "workflow")
    META_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.CreateRequestMetadata
    workflow: Workflow
    def __init__(self, meta: _Optional[_Union[_spec_pb2.CreateRequestMetadata, _Mapping]] = ..., workflow: _Optional[_Union[Workflow, _Mapping]] = ...) -> None: ...

class WorkflowCreateResponse(_message.Message):
    __slots__ = ("meta", "workflow", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.CreateResponseMetadata
    workflow: Workflow
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.CreateResponseMetadata, _Mapping]] = ..., workflow: _Optional[_Union[Workflow, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class WorkflowGetRequest(_message.Message):
    __slots__ = ("meta", "id")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetRequestMetadata
    id: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetRequestMetadata, _Mapping]] = ..., id: _Optional[str] = ...) -> None: ...

class WorkflowGetResponse(_message.Message):
    __slots__ = ("meta", "workflow", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetResponseMetadata
    workflow: Workflow
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetResponseMetadata, _Mapping]] = ..., workflow: _Optional[_Union[Workflow, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class WorkflowUpdateRequest(_message.Message):
    __slots__ = ("meta", "workflow")
    META_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.UpdateRequestMetadata
    workflow: Workflow
    def __init__(self, meta: _Optional[_Union[_spec_pb2.UpdateRequestMetadata, _Mapping]] = ..., workflow: _Optional[_Union[Workflow, _Mapping]] = ...) -> None: ...

class WorkflowUpdateResponse(_message.Message):
    __slots__ = ("meta", "workflow", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.UpdateResponseMetadata
    workflow: Workflow
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.UpdateResponseMetadata, _Mapping]] = ..., workflow: _Optional[_Union[Workflow, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class WorkflowDeleteRequest(_message.Message):
    __slots__ = ("meta", "id")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.DeleteRequestMetadata
    id: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.DeleteRequestMetadata, _Mapping]] = ..., id: _Optional[str] = ...) -> None: ...

class WorkflowDeleteResponse(_message.Message):
    __slots__ = ("meta", "id", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.DeleteResponseMetadata
    id: str
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.DeleteResponseMetadata, _Mapping]] = ..., id: _Optional[str] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class WorkflowListRequest(_message.Message):
    __slots__ = ("meta", "filter")
    META_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListRequestMetadata
    filter: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListRequestMetadata, _Mapping]] = ..., filter: _Optional[str] = ...) -> None: ...

class WorkflowListResponse(_message.Message):
    __slots__ = ("meta", "workflows", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    WORKFLOWS_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListResponseMetadata
    workflows: _containers.RepeatedCompositeFieldContainer[Workflow]
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListResponseMetadata, _Mapping]] = ..., workflows: _Optional[_Iterable[_Union[Workflow, _Mapping]]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class Workflow(_message.Message):
    __slots__ = ("id", "name", "description", "weight", "auto_grant", "enabled", "requires_reason", "access_request_max_duration", "access_request_fixed_duration", "access_rules", "approval_flow_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    WEIGHT_FIELD_NUMBER: _ClassVar[int]
    AUTO_GRANT_FIELD_NUMBER: _ClassVar[int]
    ENABLED_FIELD_NUMBER: _ClassVar[int]
    REQUIRES_REASON_FIELD_NUMBER: _ClassVar[int]
    ACCESS_REQUEST_MAX_DURATION_FIELD_NUMBER: _ClassVar[int]
    ACCESS_REQUEST_FIXED_DURATION_FIELD_NUMBER: _ClassVar[int]
    ACCESS_RULES_FIELD_NUMBER: _ClassVar[int]
    APPROVAL_FLOW_ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    description: str
    weight: int
    auto_grant: bool
    enabled: bool
    requires_reason: bool
    access_request_max_duration: _duration_pb2.Duration
    access_request_fixed_duration: _duration_pb2.Duration
    access_rules: str
    approval_flow_id: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., weight: _Optional[int] = ..., auto_grant: _Optional[bool] = ..., enabled: _Optional[bool] = ..., requires_reason: _Optional[bool] = ..., access_request_max_duration: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., access_request_fixed_duration: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., access_rules: _Optional[str] = ..., approval_flow_id: _Optional[str] = ...) -> None: ...
