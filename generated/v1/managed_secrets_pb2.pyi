import datetime

from aiosdm._generated.v1 import hints_pb2 as _hints_pb2
from aiosdm._generated.v1 import spec_pb2 as _spec_pb2
from aiosdm._generated.v1 import tags_pb2 as _tags_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ManagedSecretListRequest(_message.Message):
    __slots__ = ("meta", "filter")
    META_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListRequestMetadata
    filter: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListRequestMetadata, _Mapping]] = ..., filter: _Optional[str] = ...) -> None: ...

class ManagedSecret(_message.Message):
    __slots__ = ("id", "name", "secret_engine_id", "value", "secret_store_path", "policy", "tags", "last_rotated_at", "expires_at", "config", "lock_required")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SECRET_ENGINE_ID_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    SECRET_STORE_PATH_FIELD_NUMBER: _ClassVar[int]
    POLICY_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    LAST_ROTATED_AT_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    LOCK_REQUIRED_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    secret_engine_id: str
    value: bytes
    secret_store_path: str
    policy: ManagedSecretPolicy
    tags: _tags_pb2.Tags
    last_rotated_at: _timestamp_pb2.Timestamp
    expires_at: _timestamp_pb2.Timestamp
    config: str
    lock_required: bool
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., secret_engine_id: _Optional[str] = ..., value: _Optional[bytes] = ..., secret_store_path: _Optional[str] = ..., policy: _Optional[_Union[ManagedSecretPolicy, _Mapping]] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ..., last_rotated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., config: _Optional[str] = ..., lock_required: _Optional[bool] = ...) -> None: ...

class ManagedSecretPolicy(_message.Message):
    __slots__ = ("rotation_policy", "password_policy")
    ROTATION_POLICY_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_POLICY_FIELD_NUMBER: _ClassVar[int]
    rotation_policy: ManagedSecretRotationPolicy
    password_policy: ManagedSecretPasswordPolicy
    def __init__(self, rotation_policy: _Optional[_Union[ManagedSecretRotationPolicy, _Mapping]] = ..., password_policy: _Optional[_Union[ManagedSecretPasswordPolicy, _Mapping]] = ...) -> None: ...

class ManagedSecretRotationPolicy(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ManagedSecretPasswordPolicy(_message.Message):
    __slots__ = ("length", "exclude_upper_case", "num_digits", "num_symbols", "allow_repeat", "exclude_characters")
    LENGTH_FIELD_NUMBER: _ClassVar[int]
    EXCLUDE_UPPER_CASE_FIELD_NUMBER: _ClassVar[int]
    NUM_DIGITS_FIELD_NUMBER: _ClassVar[int]
    NUM_SYMBOLS_FIELD_NUMBER: _ClassVar[int]
    ALLOW_REPEAT_FIELD_NUMBER: _ClassVar[int]
    EXCLUDE_CHARACTERS_FIELD_NUMBER: _ClassVar[int]
    length: int
    exclude_upper_case: bool
    num_digits: int
    num_symbols: int
    allow_repeat: bool
    exclude_characters: str
    def __init__(self, length: _Optional[int] = ..., exclude_upper_case: _Optional[bool] = ..., num_digits: _Optional[int] = ..., num_symbols: _Optional[int] = ..., allow_repeat: _Optional[bool] = ..., exclude_characters: _Optional[str] = ...) -> None: ...

class ManagedSecretCreateRequest(_message.Message):
    __slots__ = ("meta", "managed_secret")
    META_FIELD_NUMBER: _ClassVar[int]
    MANAGED_SECRET_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.CreateRequestMetadata
    managed_secret: ManagedSecret
    def __init__(self, meta: _Optional[_Union[_spec_pb2.CreateRequestMetadata, _Mapping]] = ..., managed_secret: _Optional[_Union[ManagedSecret, _Mapping]] = ...) -> None: ...

class ManagedSecretUpdateRequest(_message.Message):
    __slots__ = ("meta", "id", "managed_secret")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    MANAGED_SECRET_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.UpdateRequestMetadata
    id: str
    managed_secret: ManagedSecret
    def __init__(self, meta: _Optional[_Union[_spec_pb2.UpdateRequestMetadata, _Mapping]] = ..., id: _Optional[str] = ..., managed_secret: _Optional[_Union[ManagedSecret, _Mapping]] = ...) -> None: ...

class ManagedSecretRotateRequest(_message.Message):
    __slots__ = ("meta", "id")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GenericRequestMetadata
    id: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GenericRequestMetadata, _Mapping]] = ..., id: _Optional[str] = ...) -> None: ...

class ManagedSecretDeleteRequest(_message.Message):
    __slots__ = ("meta", "id")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.UpdateRequestMetadata
    id: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.UpdateRequestMetadata, _Mapping]] = ..., id: _Optional[str] = ...) -> None: ...

class ManagedSecretGetRequest(_message.Message):
    __slots__ = ("meta", "id")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetRequestMetadata
    id: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetRequestMetadata, _Mapping]] = ..., id: _Optional[str] = ...) -> None: ...

class ManagedSecretRetrieveRequest(_message.Message):
    __slots__ = ("meta", "id", "public_key")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    PUBLIC_KEY_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetRequestMetadata
    id: str
    public_key: bytes
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetRequestMetadata, _Mapping]] = ..., id: _Optional[str] = ..., public_key: _Optional[bytes] = ...) -> None: ...

class ManagedSecretValidateRequest(_message.Message):
    __slots__ = ("meta", "id")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetRequestMetadata
    id: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetRequestMetadata, _Mapping]] = ..., id: _Optional[str] = ...) -> None: ...

class ManagedSecretLogsRequest(_message.Message):
    __slots__ = ("meta", "filter")
    META_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListRequestMetadata
    filter: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListRequestMetadata, _Mapping]] = ..., filter: _Optional[str] = ...) -> None: ...

class ManagedSecretLog(_message.Message):
    __slots__ = ("id", "created_at", "secret_engine_id", "managed_secret_id", "account_id", "action", "debug")
    ID_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    SECRET_ENGINE_ID_FIELD_NUMBER: _ClassVar[int]
    MANAGED_SECRET_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    DEBUG_FIELD_NUMBER: _ClassVar[int]
    id: str
    created_at: _timestamp_pb2.Timestamp
    secret_engine_id: str
    managed_secret_id: str
    account_id: str
    action: str
    debug: str
    def __init__(self, id: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., secret_engine_id: _Optional[str] = ..., managed_secret_id: _Optional[str] = ..., account_id: _Optional[str] = ..., action: _Optional[str] = ..., debug: _Optional[str] = ...) -> None: ...

class ManagedSecretListResponse(_message.Message):
    __slots__ = ("meta", "managed_secrets", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    MANAGED_SECRETS_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListResponseMetadata
    managed_secrets: _containers.RepeatedCompositeFieldContainer[ManagedSecret]
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListResponseMetadata, _Mapping]] = ..., managed_secrets: _Optional[_Iterable[_Union[ManagedSecret, _Mapping]]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class ManagedSecretCreateResponse(_message.Message):
    __slots__ = ("meta", "managed_secret", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    MANAGED_SECRET_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.CreateResponseMetadata
    managed_secret: ManagedSecret
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.CreateResponseMetadata, _Mapping]] = ..., managed_secret: _Optional[_Union[ManagedSecret, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class ManagedSecretUpdateResponse(_message.Message):
    __slots__ = ("meta", "managed_secret", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    MANAGED_SECRET_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.UpdateResponseMetadata
    managed_secret: ManagedSecret
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.UpdateResponseMetadata, _Mapping]] = ..., managed_secret: _Optional[_Union[ManagedSecret, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class ManagedSecretRotateResponse(_message.Message):
    __slots__ = ("meta", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GenericResponseMetadata
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GenericResponseMetadata, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class ManagedSecretDeleteResponse(_message.Message):
    __slots__ = ("meta", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.DeleteResponseMetadata
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.DeleteResponseMetadata, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class ManagedSecretGetResponse(_message.Message):
    __slots__ = ("meta", "managed_secret", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    MANAGED_SECRET_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetResponseMetadata
    managed_secret: ManagedSecret
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetResponseMetadata, _Mapping]] = ..., managed_secret: _Optional[_Union[ManagedSecret, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class ManagedSecretRetrieveResponse(_message.Message):
    __slots__ = ("meta", "managed_secret", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    MANAGED_SECRET_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetResponseMetadata
    managed_secret: ManagedSecret
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetResponseMetadata, _Mapping]] = ..., managed_secret: _Optional[_Union[ManagedSecret, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class ManagedSecretValidateResponse(_message.Message):
    __slots__ = ("meta", "valid", "rate_limit", "invalid_info")
    META_FIELD_NUMBER: _ClassVar[int]
    VALID_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    INVALID_INFO_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetResponseMetadata
    valid: bool
    rate_limit: _spec_pb2.RateLimitMetadata
    invalid_info: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetResponseMetadata, _Mapping]] = ..., valid: _Optional[bool] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ..., invalid_info: _Optional[str] = ...) -> None: ...

class ManagedSecretLogsResponse(_message.Message):
    __slots__ = ("meta", "managed_secret_logs", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    MANAGED_SECRET_LOGS_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListResponseMetadata
    managed_secret_logs: _containers.RepeatedCompositeFieldContainer[ManagedSecretLog]
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListResponseMetadata, _Mapping]] = ..., managed_secret_logs: _Optional[_Iterable[_Union[ManagedSecretLog, _Mapping]]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...
