import datetime

from aiosdm._generated.v1 import approval_workflow_approvers_pb2 as _approval_workflow_approvers_pb2
from aiosdm._generated.v1 import hints_pb2 as _hints_pb2
from aiosdm._generated.v1 import spec_pb2 as _spec_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ApprovalWorkflowApproverHistoryListRequest(_message.Message):
    __slots__ = ("meta", "filter")
    META_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListRequestMetadata
    filter: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListRequestMetadata, _Mapping]] = ..., filter: _Optional[str] = ...) -> None: ...

class ApprovalWorkflowApproverHistoryListResponse(_message.Message):
    __slots__ = ("meta", "history", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    HISTORY_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListResponseMetadata
    history: _containers.RepeatedCompositeFieldContainer[ApprovalWorkflowApproverHistory]
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListResponseMetadata, _Mapping]] = ..., history: _Optional[_Iterable[_Union[ApprovalWorkflowApproverHistory, _Mapping]]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class ApprovalWorkflowApproverHistory(_message.Message):
    __slots__ = ("activity_id", "timestamp", "approval_workflow_approver", "deleted_at")
    ACTIVITY_ID_FIELD_NUMBER: _ClassVar[int]
    TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    APPROVAL_WORKFLOW_APPROVER_FIELD_NUMBER: _ClassVar[int]
    DELETED_AT_FIELD_NUMBER: _ClassVar[int]
    activity_id: str
    timestamp: _timestamp_pb2.Timestamp
    approval_workflow_approver: _approval_workflow_approvers_pb2.ApprovalWorkflowApprover
    deleted_at: _timestamp_pb2.Timestamp
    def __init__(self, activity_id: _Optional[str] = ..., timestamp: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., approval_workflow_approver: _Optional[_Union[_approval_workflow_approvers_pb2.ApprovalWorkflowApprover, _Mapping]] = ..., deleted_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
