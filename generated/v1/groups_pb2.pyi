from aiosdm._generated.v1 import accounts_pb2 as _accounts_pb2
from aiosdm._generated.v1 import approval_workflows_pb2 as _approval_workflows_pb2
from aiosdm._generated.v1 import hints_pb2 as _hints_pb2
from aiosdm._generated.v1 import roles_pb2 as _roles_pb2
from aiosdm._generated.v1 import spec_pb2 as _spec_pb2
from aiosdm._generated.v1 import tags_pb2 as _tags_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GroupCreateRequest(_message.Message):
    __slots__ = ("meta", "group")
    META_FIELD_NUMBER: _ClassVar[int]
    GROUP_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.CreateRequestMetadata
    group: Group
    def __init__(self, meta: _Optional[_Union[_spec_pb2.CreateRequestMetadata, _Mapping]] = ..., group: _Optional[_Union[Group, _Mapping]] = ...) -> None: ...

class Group(_message.Message):
    __slots__ = ("id", "name", "description", "source", "tags")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    description: str
    source: str
    tags: _tags_pb2.Tags
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., source: _Optional[str] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ...) -> None: ...

class GroupCreateFromRolesRequest(_message.Message):
    __slots__ = ("meta", "role_ids", "commit")
    META_FIELD_NUMBER: _ClassVar[int]
    ROLE_IDS_FIELD_NUMBER: _ClassVar[int]
    COMMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.CreateRequestMetadata
    role_ids: _containers.RepeatedScalarFieldContainer[str]
    commit: bool
    def __init__(self, meta: _Optional[_Union[_spec_pb2.CreateRequestMetadata, _Mapping]] = ..., role_ids: _Optional[_Iterable[str]] = ..., commit: _Optional[bool] = ...) -> None: ...

class GroupFromRole(_message.Message):
    __slots__ = ("rate_limit", "role", "group", "accounts", "approval_flows")
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    GROUP_FIELD_NUMBER: _ClassVar[int]
    ACCOUNTS_FIELD_NUMBER: _ClassVar[int]
    APPROVAL_FLOWS_FIELD_NUMBER: _ClassVar[int]
    rate_limit: _spec_pb2.RateLimitMetadata
    role: _roles_pb2.Role
    group: Group
    accounts: _containers.RepeatedCompositeFieldContainer[_accounts_pb2.User]
    approval_flows: _containers.RepeatedCompositeFieldContainer[_approval_workflows_pb2.ApprovalWorkflow]
    def __init__(self, rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ..., role: _Optional[_Union[_roles_pb2.Role, _Mapping]] = ..., group: _Optional[_Union[Group, _Mapping]] = ..., accounts: _Optional[_Iterable[_Union[_accounts_pb2.User, _Mapping]]] = ..., approval_flows: _Optional[_Iterable[_Union[_approval_workflows_pb2.ApprovalWorkflow, _Mapping]]] = ...) -> None: ...

class GroupGetRequest(_message.Message):
    __slots__ = ("meta", "id")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetRequestMetadata
    id: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetRequestMetadata, _Mapping]] = ..., id: _Optional[str] = ...) -> None: ...

class GroupUpdateRequest(_message.Message):
    __slots__ = ("meta", "id", "group")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    GROUP_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.UpdateRequestMetadata
    id: str
    group: Group
    def __init__(self, meta: _Optional[_Union[_spec_pb2.UpdateRequestMetadata, _Mapping]] = ..., id: _Optional[str] = ..., group: _Optional[_Union[Group, _Mapping]] = ...) -> None: ...

class GroupDeleteRequest(_message.Message):
    __slots__ = ("meta", "id")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.DeleteRequestMetadata
    id: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.DeleteRequestMetadata, _Mapping]] = ..., id: _Optional[str] = ...) -> None: ...

class GroupListRequest(_message.Message):
    __slots__ = ("meta", "filter")
    META_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListRequestMetadata
    filter: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListRequestMetadata, _Mapping]] = ..., filter: _Optional[str] = ...) -> None: ...

class GroupCreateResponse(_message.Message):
    __slots__ = ("meta", "group", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    GROUP_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.CreateResponseMetadata
    group: Group
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.CreateResponseMetadata, _Mapping]] = ..., group: _Optional[_Union[Group, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class GroupCreateFromRolesResponse(_message.Message):
    __slots__ = ("meta", "rate_limit", "group_from_role")
    META_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    GROUP_FROM_ROLE_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.CreateResponseMetadata
    rate_limit: _spec_pb2.RateLimitMetadata
    group_from_role: _containers.RepeatedCompositeFieldContainer[GroupFromRole]
    def __init__(self, meta: _Optional[_Union[_spec_pb2.CreateResponseMetadata, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ..., group_from_role: _Optional[_Iterable[_Union[GroupFromRole, _Mapping]]] = ...) -> None: ...

class GroupGetResponse(_message.Message):
    __slots__ = ("meta", "group", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    GROUP_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetResponseMetadata
    group: Group
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetResponseMetadata, _Mapping]] = ..., group: _Optional[_Union[Group, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class GroupUpdateResponse(_message.Message):
    __slots__ = ("meta", "group", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    GROUP_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.UpdateResponseMetadata
    group: Group
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.UpdateResponseMetadata, _Mapping]] = ..., group: _Optional[_Union[Group, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class GroupDeleteResponse(_message.Message):
    __slots__ = ("meta", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.DeleteResponseMetadata
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.DeleteResponseMetadata, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class GroupListResponse(_message.Message):
    __slots__ = ("meta", "groups", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    GROUPS_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListResponseMetadata
    groups: _containers.RepeatedCompositeFieldContainer[Group]
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListResponseMetadata, _Mapping]] = ..., groups: _Optional[_Iterable[_Union[Group, _Mapping]]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...
