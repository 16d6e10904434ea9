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

class ApprovalWorkflowStepCreateRequest(_message.Message):
    __slots__ = ("meta", "approval_workflow_step")
    META_FIELD_NUMBER: _ClassVar[int]
    APPROVAL_WORKFLOW_STEP_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.CreateRequestMetadata
    approval_workflow_step: ApprovalWorkflowStep
    def __init__(self, meta: _Optional[_Union[_spec_pb2.CreateRequestMetadata, _Mapping]] = ..., approval_workflow_step: _Optional[_Union[ApprovalWorkflowStep, _Mapping]] = ...) -> None: ...

class ApprovalWorkflowStepCreateResponse(_message.Message):
    __slots__ = ("meta", "approval_workflow_step", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    APPROVAL_WORKFLOW_STEP_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.CreateResponseMetadata
    approval_workflow_step: ApprovalWorkflowStep
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.CreateResponseMetadata, _Mapping]] = ..., approval_workflow_step: _Optional[_Union[ApprovalWorkflowStep, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class ApprovalWorkflowStepGetRequest(_message.Message):
    __slots__ = ("meta", "id")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetRequestMetadata
    id: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetRequestMetadata, _Mapping]] = ..., id: _Optional[str] = ...) -> None: ...

class ApprovalWorkflowStepGetResponse(_message.Message):
    __slots__ = ("meta", "approval_workflow_step", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    APPROVAL_WORKFLOW_STEP_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetResponseMetadata
    approval_workflow_step: ApprovalWorkflowStep
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetResponseMetadata, _Mapping]] = ..., approval_workflow_step: _Optional[_Union[ApprovalWorkflowStep, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class ApprovalWorkflowStepDeleteRequest(_message.Message):
    __slots__ = ("meta", "id")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.DeleteRequestMetadata
    id: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.DeleteRequestMetadata, _Mapping]] = ..., id: _Optional[str] = ...) -> None: ...

class ApprovalWorkflowStepDeleteResponse(_message.Message):
    __slots__ = ("meta", "id", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.DeleteResponseMetadata
    id: str
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.DeleteResponseMetadata, _Mapping]] = ..., id: _Optional[str] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class ApprovalWorkflowStepListRequest(_message.Message):
    __slots__ = ("meta", "filter")
    META_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListRequestMetadata
    filter: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListRequestMetadata, _Mapping]] = ..., filter: _Optional[str] = ...) -> None: ...

class ApprovalWorkflowStepListResponse(_message.Message):
    __slots__ = ("meta", "approval_workflow_steps", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    APPROVAL_WORKFLOW_STEPS_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListResponseMetadata
    approval_workflow_steps: _containers.RepeatedCompositeFieldContainer[ApprovalWorkflowStep]
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListResponseMetadata, _Mapping]] = ..., approval_workflow_steps: _Optional[_Iterable[_Union[ApprovalWorkflowStep, _Mapping]]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class ApprovalWorkflowStep(_message.Message):
    __slots__ = ("id", "approval_flow_id", "quantifier", "skip_after", "step_order")
    ID_FIELD_NUMBER: _ClassVar[int]
    APPROVAL_FLOW_ID_FIELD_NUMBER: _ClassVar[int]
    QUANTIFIER_FIELD_NUMBER: _ClassVar[int]
    SKIP_AFTER_FIELD_NUMBER: _ClassVar[int]
    STEP_ORDER_FIELD_NUMBER: _ClassVar[int]
    id: str
    approval_flow_id: str
    quantifier: str
    skip_after: _duration_pb2.Duration
    step_order: int
    def __init__(self, id: _Optional[str] = ..., approval_flow_id: _Optional[str] = ..., quantifier: _Optional[str] = ..., skip_after: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., step_order: _Optional[int] = ...) -> None: ...
