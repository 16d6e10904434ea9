from aiosdm._generated.v1 import hints_pb2 as _hints_pb2
from aiosdm._generated.v1 import spec_pb2 as _spec_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ApprovalWorkflowApproverCreateRequest(_message.Message):
    __slots__ = ("meta", "approval_workflow_approver")
    META_FIELD_NUMBER: _ClassVar[int]
    APPROVAL_WORKFLOW_APPROVER_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.CreateRequestMetadata
    approval_workflow_approver: ApprovalWorkflowApprover
    def __init__(self, meta: _Optional[_Union[_spec_pb2.CreateRequestMetadata, _Mapping]] = ..., approval_workflow_approver: _Optional[_Union[ApprovalWorkflowApprover, _Mapping]] = ...) -> None: ...

class ApprovalWorkflowApproverCreateResponse(_message.Message):
    __slots__ = ("meta", "approval_workflow_approver", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    APPROVAL_WORKFLOW_APPROVER_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.CreateResponseMetadata
    approval_workflow_approver: ApprovalWorkflowApprover
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.CreateResponseMetadata, _Mapping]] = ..., approval_workflow_approver: _Optional[_Union[ApprovalWorkflowApprover, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class ApprovalWorkflowApproverGetRequest(_message.Message):
    __slots__ = ("meta", "id")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetRequestMetadata
    id: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetRequestMetadata, _Mapping]] = ..., id: _Optional[str] = ...) -> None: ...

class ApprovalWorkflowApproverGetResponse(_message.Message):
    __slots__ = ("meta", "approval_workflow_approver", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    APPROVAL_WORKFLOW_APPROVER_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetResponseMetadata
    approval_workflow_approver: ApprovalWorkflowApprover
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetResponseMetadata, _Mapping]] = ..., approval_workflow_approver: _Optional[_Union[ApprovalWorkflowApprover, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class ApprovalWorkflowApproverDeleteRequest(_message.Message):
    __slots__ = ("meta", "id")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.DeleteRequestMetadata
    id: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.DeleteRequestMetadata, _Mapping]] = ..., id: _Optional[str] = ...) -> None: ...

class ApprovalWorkflowApproverDeleteResponse(_message.Message):
    __slots__ = ("meta", "id", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.DeleteResponseMetadata
    id: str
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.DeleteResponseMetadata, _Mapping]] = ..., id: _Optional[str] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class ApprovalWorkflowApproverListRequest(_message.Message):
    __slots__ = ("meta", "filter")
    META_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListRequestMetadata
    filter: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListRequestMetadata, _Mapping]] = ..., filter: _Optional[str] = ...) -> None: ...

class ApprovalWorkflowApproverListResponse(_message.Message):
    __slots__ = ("meta", "approval_workflow_approvers", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    APPROVAL_WORKFLOW_APPROVERS_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListResponseMetadata
    approval_workflow_approvers: _containers.RepeatedCompositeFieldContainer[ApprovalWorkflowApprover]
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListResponseMetadata, _Mapping]] = ..., approval_workflow_approvers: _Optional[_Iterable[_Union[ApprovalWorkflowApprover, _Mapping]]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class ApprovalWorkflowApprover(_message.Message):
    __slots__ = ("id", "approval_flow_id", "approval_step_id", "account_id", "role_id", "reference", "group_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    APPROVAL_FLOW_ID_FIELD_NUMBER: _ClassVar[int]
    APPROVAL_STEP_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    ROLE_ID_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    approval_flow_id: str
    approval_step_id: str
    account_id: str
    role_id: str
    reference: str
    group_id: str
    def __init__(self, id: _Optional[str] = ..., approval_flow_id: _Optional[str] = ..., approval_step_id: _Optional[str] = ..., account_id: _Optional[str] = ..., role_id: _Optional[str] = ..., reference: _Optional[str] = ..., group_id: _Optional[str] = ...) -> None: ...
