import datetime

from aiosdm._generated.v1 import hints_pb2 as _hints_pb2
from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

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
