from aiosdm._generated.v1 import hints_pb2 as _hints_pb2
from aiosdm._generated.v1 import spec_pb2 as _spec_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class WorkflowApproversCreateRequest(_message.Message):
    __slots__ = ("meta", "workflow_approver")
    META_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_APPROVER_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.CreateRequestMetadata
    workflow_approver: WorkflowApprover
    def __init__(self, meta: _Optional[_Union[_spec_pb2.CreateRequestMetadata, _Mapping]] = ..., workflow_approver: _Optional[_Union[WorkflowApprover, _Mapping]] = ...) -> None: ...

class WorkflowApproversCreateResponse(_message.Message):
    __slots__ = ("meta", "workflow_approver", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_APPROVER_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.CreateResponseMetadata
    workflow_approver: WorkflowApprover
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.CreateResponseMetadata, _Mapping]] = ..., workflow_approver: _Optional[_Union[WorkflowApprover, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class WorkflowApproverGetRequest(_message.Message):
    __slots__ = ("meta", "id")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetRequestMetadata
    id: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetRequestMetadata, _Mapping]] = ..., id: _Optional[str] = ...) -> None: ...

class WorkflowApproverGetResponse(_message.Message):
    __slots__ = ("meta", "workflow_approver", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_APPROVER_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetResponseMetadata
    workflow_approver: WorkflowApprover
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetResponseMetadata, _Mapping]] = ..., workflow_approver: _Optional[_Union[WorkflowApprover, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class WorkflowApproversDeleteRequest(_message.Message):
    __slots__ = ("meta", "id")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.DeleteRequestMetadata
    id: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.DeleteRequestMetadata, _Mapping]] = ..., id: _Optional[str] = ...) -> None: ...

class WorkflowApproversDeleteResponse(_message.Message):
    __slots__ = ("meta", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.DeleteResponseMetadata
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.DeleteResponseMetadata, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class WorkflowApproversListRequest(_message.Message):
    __slots__ = ("meta", "filter")
    META_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListRequestMetadata
    filter: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListRequestMetadata, _Mapping]] = ..., filter: _Optional[str] = ...) -> None: ...

class WorkflowApproversListResponse(_message.Message):
    __slots__ = ("meta", "workflow_approvers", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_APPROVERS_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListResponseMetadata
    workflow_approvers: _containers.RepeatedCompositeFieldContainer[WorkflowApprover]
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListResponseMetadata, _Mapping]] = ..., workflow_approvers: _Optional[_Iterable[_Union[WorkflowApprover, _Mapping]]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class WorkflowApprover(_message.Message):
    __slots__ = ("id", "workflow_id", "account_id", "role_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    WORKFLOW_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    ROLE_ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    workflow_id: str
    account_id: str
    role_id: str
    def __init__(self, id: _Optional[str] = ..., workflow_id: _Optional[str] = ..., account_id: _Optional[str] = ..., role_id: _Optional[str] = ...) -> None: ...
