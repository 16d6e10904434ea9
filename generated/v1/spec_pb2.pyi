import datetime

from aiosdm._generated.v1 import hints_pb2 as _hints_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CreateResponseMetadata(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class RateLimitMetadata(_message.Message):
    __slots__ = ("limit", "remaining", "reset_at", "bucket")
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    REMAINING_FIELD_NUMBER: _ClassVar[int]
    RESET_AT_FIELD_NUMBER: _ClassVar[int]
    BUCKET_FIELD_NUMBER: _ClassVar[int]
    limit: int
    remaining: int
    reset_at: _timestamp_pb2.Timestamp
    bucket: str
    def __init__(self, limit: _Optional[int] = ..., remaining: _Optional[int] = ..., reset_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., bucket: _Optional[str] = ...) -> None: ...

class GetResponseMetadata(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class UpdateResponseMetadata(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class DeleteResponseMetadata(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GenericResponseMetadata(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class CreateRequestMetadata(_message.Message):
    __slots__ = ("fulfillments",)
    FULFILLMENTS_FIELD_NUMBER: _ClassVar[int]
    fulfillments: FulfillmentsMetadata
    def __init__(self, fulfillments: _Optional[_Union[FulfillmentsMetadata, _Mapping]] = ...) -> None: ...

class FulfillmentsMetadata(_message.Message):
    __slots__ = ("fulfillments",)
    FULFILLMENTS_FIELD_NUMBER: _ClassVar[int]
    fulfillments: _containers.RepeatedCompositeFieldContainer[Fulfillment]
    def __init__(self, fulfillments: _Optional[_Iterable[_Union[Fulfillment, _Mapping]]] = ...) -> None: ...

class Fulfillment(_message.Message):
    __slots__ = ("requirement", "value")
    REQUIREMENT_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    requirement: Requirement
    value: str
    def __init__(self, requirement: _Optional[_Union[Requirement, _Mapping]] = ..., value: _Optional[str] = ...) -> None: ...

class Requirement(_message.Message):
    __slots__ = ("type", "value", "MFA")
    TYPE_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    MFA_FIELD_NUMBER: _ClassVar[int]
    type: str
    value: str
    MFA: MFA
    def __init__(self, type: _Optional[str] = ..., value: _Optional[str] = ..., MFA: _Optional[_Union[MFA, _Mapping]] = ...) -> None: ...

class MFA(_message.Message):
    __slots__ = ("provider", "methods_enabled")
    PROVIDER_FIELD_NUMBER: _ClassVar[int]
    METHODS_ENABLED_FIELD_NUMBER: _ClassVar[int]
    provider: str
    methods_enabled: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, provider: _Optional[str] = ..., methods_enabled: _Optional[_Iterable[str]] = ...) -> None: ...

class GetRequestMetadata(_message.Message):
    __slots__ = ("snapshot_at", "fulfillments")
    SNAPSHOT_AT_FIELD_NUMBER: _ClassVar[int]
    FULFILLMENTS_FIELD_NUMBER: _ClassVar[int]
    snapshot_at: _timestamp_pb2.Timestamp
    fulfillments: FulfillmentsMetadata
    def __init__(self, snapshot_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., fulfillments: _Optional[_Union[FulfillmentsMetadata, _Mapping]] = ...) -> None: ...

class UpdateRequestMetadata(_message.Message):
    __slots__ = ("fulfillments",)
    FULFILLMENTS_FIELD_NUMBER: _ClassVar[int]
    fulfillments: FulfillmentsMetadata
    def __init__(self, fulfillments: _Optional[_Union[FulfillmentsMetadata, _Mapping]] = ...) -> None: ...

class DeleteRequestMetadata(_message.Message):
    __slots__ = ("fulfillments",)
    FULFILLMENTS_FIELD_NUMBER: _ClassVar[int]
    fulfillments: FulfillmentsMetadata
    def __init__(self, fulfillments: _Optional[_Union[FulfillmentsMetadata, _Mapping]] = ...) -> None: ...

class ListRequestMetadata(_message.Message):
    __slots__ = ("cursor", "page", "limit", "order_by", "snapshot_at", "fulfillments")
    CURSOR_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    ORDER_BY_FIELD_NUMBER: _ClassVar[int]
    SNAPSHOT_AT_FIELD_NUMBER: _ClassVar[int]
    FULFILLMENTS_FIELD_NUMBER: _ClassVar[int]
    cursor: str
    page: int
    limit: int
    order_by: str
    snapshot_at: _timestamp_pb2.Timestamp
    fulfillments: FulfillmentsMetadata
    def __init__(self, cursor: _Optional[str] = ..., page: _Optional[int] = ..., limit: _Optional[int] = ..., order_by: _Optional[str] = ..., snapshot_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., fulfillments: _Optional[_Union[FulfillmentsMetadata, _Mapping]] = ...) -> None: ...

class ListResponseMetadata(_message.Message):
    __slots__ = ("next_cursor", "total")
    NEXT_CURSOR_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    next_cursor: str
    total: int
    def __init__(self, next_cursor: _Optional[str] = ..., total: _Optional[int] = ...) -> None: ...

class GenericRequestMetadata(_message.Message):
    __slots__ = ("fulfillments",)
    FULFILLMENTS_FIELD_NUMBER: _ClassVar[int]
    fulfillments: FulfillmentsMetadata
    def __init__(self, fulfillments: _Optional[_Union[FulfillmentsMetadata, _Mapping]] = ...) -> None: ...

class AlreadyExistsError(_message.Message):
    __slots__ = ("entity",)
    ENTITY_FIELD_NUMBER: _ClassVar[int]
    entity: str
    def __init__(self, entity: _Optional[str] = ...) -> None: ...

class NotFoundError(_message.Message):
    __slots__ = ("entity",)
    ENTITY_FIELD_NUMBER: _ClassVar[int]
    entity: str
    def __init__(self, entity: _Optional[str] = ...) -> None: ...

class BadRequestError(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class AuthenticationError(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class PermissionError(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class InternalError(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class RateLimitError(_message.Message):
    __slots__ = ("rate_limit",)
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    rate_limit: RateLimitMetadata
    def __init__(self, rate_limit: _Optional[_Union[RateLimitMetadata, _Mapping]] = ...) -> None: ...

class RequirementsMetadata(_message.Message):
    __slots__ = ("requirements",)
    REQUIREMENTS_FIELD_NUMBER: _ClassVar[int]
    requirements: _containers.RepeatedCompositeFieldContainer[Requirement]
    def __init__(self, requirements: _Optional[_Iterable[_Union[Requirement, _Mapping]]] = ...) -> None: ...
