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

class ApprovalWorkflowCreateRequest(_message.Message):
    __slots__ = ("meta", "approval_workflow")
    META_FIELD_NUMBER: _ClassVar[int]
    APPROVAL_WORKFLOW_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.CreateRequestMetadata
    approval_workflow: ApprovalWorkflow
    def __init__(self, meta: _Optional[_Union[_spec_pb2.CreateRequestMetadata, _Mapping]] = ..., approval_workflow: _Optional[_Union[ApprovalWorkflow, _Mapping]] = ...) -> None: ...

class ApprovalWorkflowCreateResponse(_message.Message):
    __slots__ = ("meta", "approval_workflow", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    APPROVAL_WORKFLOW_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.CreateResponseMetadata
    approval_workflow: ApprovalWorkflow
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.CreateResponseMetadata, _Mapping]] = ..., approval_workflow: _Optional[_Union[ApprovalWorkflow, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class ApprovalWorkflowGetRequest(_message.Message):
    __slots__ = ("meta", "id")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetRequestMetadata
    id: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetRequestMetadata, _Mapping]] = ..., id: _Optional[str] = ...) -> None: ...

class ApprovalWorkflowGetResponse(_message.Message):
    __slots__ = ("meta", "approval_workflow", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    APPROVAL_WORKFLOW_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetResponseMetadata
    approval_workflow: ApprovalWorkflow
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetResponseMetadata, _Mapping]] = ..., approval_workflow: _Optional[_Union[ApprovalWorkflow, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class ApprovalWorkflowUpdateRequest(_message.Message):
    __slots__ = ("meta", "approval_workflow")
    META_FIELD_NUMBER: _ClassVar[int]
    APPROVAL_WORKFLOW_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.UpdateRequestMetadata
    approval_workflow: ApprovalWorkflow
    def __init__(self, meta: _Optional[_Union[_spec_pb2.UpdateRequestMetadata, _Mapping]] = ..., approval_workflow: _Optional[_Union[ApprovalWorkflow, _Mapping]] = ...) -> None: ...

class ApprovalWorkflowUpdateResponse(_message.Message):
    __slots__ = ("meta", "approval_workflow", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    APPROVAL_WORKFLOW_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.UpdateResponseMetadata
    approval_workflow: ApprovalWorkflow
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.UpdateResponseMetadata, _Mapping]] = ..., approval_workflow: _Optional[_Union[ApprovalWorkflow, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class ApprovalWorkflowDeleteRequest(_message.Message):
    __slots__ = ("meta", "id")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.DeleteRequestMetadata
    id: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.DeleteRequestMetadata, _Mapping]] = ..., id: _Optional[str] = ...) -> None: ...

class ApprovalWorkflowDeleteResponse(_message.Message):
    __slots__ = ("meta", "id", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.DeleteResponseMetadata
    id: str
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.DeleteResponseMetadata, _Mapping]] = ..., id: _Optional[str] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class ApprovalWorkflowListRequest(_message.Message):
    __slots__ = ("meta", "filter")
    META_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListRequestMetadata
    filter: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListRequestMetadata, _Mapping]] = ..., filter: _Optional[str] = ...) -> None: ...

class ApprovalWorkflowListResponse(_message.Message):
    __slots__ = ("meta", "approval_workflows", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    APPROVAL_WORKFLOWS_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListResponseMetadata
    approval_workflows: _containers.RepeatedCompositeFieldContainer[ApprovalWorkflow]
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListResponseMetadata, _Mapping]] = ..., approval_workflows: _Optional[_Iterable[_Union[ApprovalWorkflow, _Mapping]]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class ApprovalWorkflow(_message.Message):
    __slots__ = ("id", "name", "approval_mode", "description", "approval_workflow_steps")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    APPROVAL_MODE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    APPROVAL_WORKFLOW_STEPS_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    approval_mode: str
    description: str
    approval_workflow_steps: _containers.RepeatedCompositeFieldContainer[ApprovalFlowStep]
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., approval_mode: _Optional[str] = ..., description: _Optional[str] = ..., approval_workflow_steps: _Optional[_Iterable[_Union[ApprovalFlowStep, _Mapping]]] = ...) -> None: ...

class ApprovalFlowStep(_message.Message):
    __slots__ = ("quantifier", "skip_after", "approvers")
    QUANTIFIER_FIELD_NUMBER: _ClassVar[int]
    SKIP_AFTER_FIELD_NUMBER: _ClassVar[int]
    APPROVERS_FIELD_NUMBER: _ClassVar[int]
    quantifier: str
    skip_after: _duration_pb2.Duration
    approvers: _containers.RepeatedCompositeFieldContainer[ApprovalFlowApprover]
    def __init__(self, quantifier: _Optional[str] = ..., skip_after: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., approvers: _Optional[_Iterable[_Union[ApprovalFlowApprover, _Mapping]]] = ...) -> None: ...

class ApprovalFlowApprover(_message.Message):
    __slots__ = ("account_id", "role_id", "reference", "group_id")
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    ROLE_ID_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    role_id: str
    reference: str
    group_id: str
    def __init__(self, account_id: _Optional[str] = ..., role_id: _Optional[str] = ..., reference: _Optional[str] = ..., group_id: _Optional[str] = ...) -> None: ...
