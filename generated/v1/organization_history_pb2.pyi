import datetime

from aiosdm._generated.v1 import hints_pb2 as _hints_pb2
from aiosdm._generated.v1 import spec_pb2 as _spec_pb2
from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class OrganizationHistoryListRequest(_message.Message):
    __slots__ = ("meta", "filter")
    META_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListRequestMetadata
    filter: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListRequestMetadata, _Mapping]] = ..., filter: _Optional[str] = ...) -> None: ...

class OrganizationHistoryListResponse(_message.Message):
    __slots__ = ("meta", "history", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    HISTORY_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListResponseMetadata
    history: _containers.RepeatedCompositeFieldContainer[OrganizationHistoryRecord]
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListResponseMetadata, _Mapping]] = ..., history: _Optional[_Iterable[_Union[OrganizationHistoryRecord, _Mapping]]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class OrganizationHistoryRecord(_message.Message):
    __slots__ = ("activity_id", "timestamp", "organization")
    ACTIVITY_ID_FIELD_NUMBER: _ClassVar[int]
    TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    ORGANIZATION_FIELD_NUMBER: _ClassVar[int]
    activity_id: str
    timestamp: _timestamp_pb2.Timestamp
    organization: Organization
    def __init__(self, activity_id: _Optional[str] = ..., timestamp: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., organization: _Optional[_Union[Organization, _Mapping]] = ...) -> None: ...

class Organization(_message.Message):
    __slots__ = ("name", "created_at", "updated_at", "auth_provider", "idle_timeout_enabled", "idle_timeout", "session_timeout_enabled", "session_timeout", "mfa_enabled", "mfa_provider", "log_remote_encoder", "log_local_storage", "log_local_encoder", "log_local_format", "log_tcp_address", "log_socket_path", "scim_provider", "websites_subdomain", "ssh_certificate_authority_public_key", "ssh_certificate_authority_updated_at", "require_secret_store", "sensitive_label", "saml_metadata_url", "kind", "id", "loopback_range", "device_trust_enabled", "device_trust_provider", "enforce_single_session", "discard_replays", "public_key_pem", "log_config", "peer_policies_enabled")
    NAME_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    AUTH_PROVIDER_FIELD_NUMBER: _ClassVar[int]
    IDLE_TIMEOUT_ENABLED_FIELD_NUMBER: _ClassVar[int]
    IDLE_TIMEOUT_FIELD_NUMBER: _ClassVar[int]
    SESSION_TIMEOUT_ENABLED_FIELD_NUMBER: _ClassVar[int]
    SESSION_TIMEOUT_FIELD_NUMBER: _ClassVar[int]
    MFA_ENABLED_FIELD_NUMBER: _ClassVar[int]
    MFA_PROVIDER_FIELD_NUMBER: _ClassVar[int]
    LOG_REMOTE_ENCODER_FIELD_NUMBER: _ClassVar[int]
    LOG_LOCAL_STORAGE_FIELD_NUMBER: _ClassVar[int]
    LOG_LOCAL_ENCODER_FIELD_NUMBER: _ClassVar[int]
    LOG_LOCAL_FORMAT_FIELD_NUMBER: _ClassVar[int]
    LOG_TCP_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    LOG_SOCKET_PATH_FIELD_NUMBER: _ClassVar[int]
    SCIM_PROVIDER_FIELD_NUMBER: _ClassVar[int]
    WEBSITES_SUBDOMAIN_FIELD_NUMBER: _ClassVar[int]
    SSH_CERTIFICATE_AUTHORITY_PUBLIC_KEY_FIELD_NUMBER: _ClassVar[int]
    SSH_CERTIFICATE_AUTHORITY_UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    REQUIRE_SECRET_STORE_FIELD_NUMBER: _ClassVar[int]
    SENSITIVE_LABEL_FIELD_NUMBER: _ClassVar[int]
    SAML_METADATA_URL_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    LOOPBACK_RANGE_FIELD_NUMBER: _ClassVar[int]
    DEVICE_TRUST_ENABLED_FIELD_NUMBER: _ClassVar[int]
    DEVICE_TRUST_PROVIDER_FIELD_NUMBER: _ClassVar[int]
    ENFORCE_SINGLE_SESSION_FIELD_NUMBER: _ClassVar[int]
    DISCARD_REPLAYS_FIELD_NUMBER: _ClassVar[int]
    PUBLIC_KEY_PEM_FIELD_NUMBER: _ClassVar[int]
    LOG_CONFIG_FIELD_NUMBER: _ClassVar[int]
    PEER_POLICIES_ENABLED_FIELD_NUMBER: _ClassVar[int]
    name: str
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    auth_provider: str
    idle_timeout_enabled: bool
    idle_timeout: _duration_pb2.Duration
    session_timeout_enabled: bool
    session_timeout: _duration_pb2.Duration
    mfa_enabled: bool
    mfa_provider: str
    log_remote_encoder: str
    log_local_storage: str
    log_local_encoder: str
    log_local_format: str
    log_tcp_address: str
    log_socket_path: str
    scim_provider: str
    websites_subdomain: str
    ssh_certificate_authority_public_key: str
    ssh_certificate_authority_updated_at: _timestamp_pb2.Timestamp
    require_secret_store: bool
    sensitive_label: str
    saml_metadata_url: str
    kind: str
    id: str
    loopback_range: str
    device_trust_enabled: bool
    device_trust_provider: str
    enforce_single_session: bool
    discard_replays: bool
    public_key_pem: str
    log_config: LogConfig
    peer_policies_enabled: bool
    def __init__(self, name: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., auth_provider: _Optional[str] = ..., idle_timeout_enabled: _Optional[bool] = ..., idle_timeout: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., session_timeout_enabled: _Optional[bool] = ..., session_timeout: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., mfa_enabled: _Optional[bool] = ..., mfa_provider: _Optional[str] = ..., log_remote_encoder: _Optional[str] = ..., log_local_storage: _Optional[str] = ..., log_local_encoder: _Optional[str] = ..., log_local_format: _Optional[str] = ..., log_tcp_address: _Optional[str] = ..., log_socket_path: _Optional[str] = ..., scim_provider: _Optional[str] = ..., websites_subdomain: _Optional[str] = ..., ssh_certificate_authority_public_key: _Optional[str] = ..., ssh_certificate_authority_updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., require_secret_store: _Optional[bool] = ..., sensitive_label: _Optional[str] = ..., saml_metadata_url: _Optional[str] = ..., kind: _Optional[str] = ..., id: _Optional[str] = ..., loopback_range: _Optional[str] = ..., device_trust_enabled: _Optional[bool] = ..., device_trust_provider: _Optional[str] = ..., enforce_single_session: _Optional[bool] = ..., discard_replays: _Optional[bool] = ..., public_key_pem: _Optional[str] = ..., log_config: _Optional[_Union[LogConfig, _Mapping]] = ..., peer_policies_enabled: _Optional[bool] = ...) -> None: ...

class LogConfig(_message.Message):
    __slots__ = ("local_storage", "local_encoder", "local_format", "local_tcp_address", "local_socket_path", "public_key", "categories")
    LOCAL_STORAGE_FIELD_NUMBER: _ClassVar[int]
    LOCAL_ENCODER_FIELD_NUMBER: _ClassVar[int]
    LOCAL_FORMAT_FIELD_NUMBER: _ClassVar[int]
    LOCAL_TCP_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    LOCAL_SOCKET_PATH_FIELD_NUMBER: _ClassVar[int]
    PUBLIC_KEY_FIELD_NUMBER: _ClassVar[int]
    CATEGORIES_FIELD_NUMBER: _ClassVar[int]
    local_storage: str
    local_encoder: str
    local_format: str
    local_tcp_address: str
    local_socket_path: str
    public_key: str
    categories: LogCategoryConfigMap
    def __init__(self, local_storage: _Optional[str] = ..., local_encoder: _Optional[str] = ..., local_format: _Optional[str] = ..., local_tcp_address: _Optional[str] = ..., local_socket_path: _Optional[str] = ..., public_key: _Optional[str] = ..., categories: _Optional[_Union[LogCategoryConfigMap, _Mapping]] = ...) -> None: ...

class LogCategoryConfigMap(_message.Message):
    __slots__ = ("entries",)
    class Entry(_message.Message):
        __slots__ = ("name", "config")
        NAME_FIELD_NUMBER: _ClassVar[int]
        CONFIG_FIELD_NUMBER: _ClassVar[int]
        name: str
        config: LogCategoryConfig
        def __init__(self, name: _Optional[str] = ..., config: _Optional[_Union[LogCategoryConfig, _Mapping]] = ...) -> None: ...
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    entries: _containers.RepeatedCompositeFieldContainer[LogCategoryConfigMap.Entry]
    def __init__(self, entries: _Optional[_Iterable[_Union[LogCategoryConfigMap.Entry, _Mapping]]] = ...) -> None: ...

class LogCategoryConfig(_message.Message):
    __slots__ = ("remote_encoder", "remote_discard_replays")
    REMOTE_ENCODER_FIELD_NUMBER: _ClassVar[int]
    REMOTE_DISCARD_REPLAYS_FIELD_NUMBER: _ClassVar[int]
    remote_encoder: str
    remote_discard_replays: bool
    def __init__(self, remote_encoder: _Optional[str] = ..., remote_discard_replays: _Optional[bool] = ...) -> None: ...
