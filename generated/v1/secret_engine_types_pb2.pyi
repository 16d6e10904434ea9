import datetime

from aiosdm._generated.v1 import hints_pb2 as _hints_pb2
from aiosdm._generated.v1 import secret_engine_policy_pb2 as _secret_engine_policy_pb2
from aiosdm._generated.v1 import tags_pb2 as _tags_pb2
from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class SecretEngine(_message.Message):
    __slots__ = ("key_value", "active_directory", "postgres", "mysql", "sqlserver")
    KEY_VALUE_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_DIRECTORY_FIELD_NUMBER: _ClassVar[int]
    POSTGRES_FIELD_NUMBER: _ClassVar[int]
    MYSQL_FIELD_NUMBER: _ClassVar[int]
    SQLSERVER_FIELD_NUMBER: _ClassVar[int]
    key_value: KeyValueEngine
    active_directory: ActiveDirectoryEngine
    postgres: PostgresEngine
    mysql: MysqlEngine
    sqlserver: SqlserverEngine
    def __init__(self, key_value: _Optional[_Union[KeyValueEngine, _Mapping]] = ..., active_directory: _Optional[_Union[ActiveDirectoryEngine, _Mapping]] = ..., postgres: _Optional[_Union[PostgresEngine, _Mapping]] = ..., mysql: _Optional[_Union[MysqlEngine, _Mapping]] = ..., sqlserver: _Optional[_Union[SqlserverEngine, _Mapping]] = ...) -> None: ...

class ActiveDirectoryEngine(_message.Message):
    __slots__ = ("id", "name", "type", "secret_store_id", "secret_store_root_path", "tags", "public_key", "key_rotation_interval_days", "node_selector", "url", "connection_timeout", "request_timeout", "start_tls", "insecure_tls", "certificate", "binddn", "bindpass", "userdn", "upndomain", "after_read_ttl", "ttl", "policy", "do_not_validate_timestamps", "max_backoff_duration")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    SECRET_STORE_ID_FIELD_NUMBER: _ClassVar[int]
    SECRET_STORE_ROOT_PATH_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    PUBLIC_KEY_FIELD_NUMBER: _ClassVar[int]
    KEY_ROTATION_INTERVAL_DAYS_FIELD_NUMBER: _ClassVar[int]
    NODE_SELECTOR_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    CONNECTION_TIMEOUT_FIELD_NUMBER: _ClassVar[int]
    REQUEST_TIMEOUT_FIELD_NUMBER: _ClassVar[int]
    START_TLS_FIELD_NUMBER: _ClassVar[int]
    INSECURE_TLS_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATE_FIELD_NUMBER: _ClassVar[int]
    BINDDN_FIELD_NUMBER: _ClassVar[int]
    BINDPASS_FIELD_NUMBER: _ClassVar[int]
    USERDN_FIELD_NUMBER: _ClassVar[int]
    UPNDOMAIN_FIELD_NUMBER: _ClassVar[int]
    AFTER_READ_TTL_FIELD_NUMBER: _ClassVar[int]
    TTL_FIELD_NUMBER: _ClassVar[int]
    POLICY_FIELD_NUMBER: _ClassVar[int]
    DO_NOT_VALIDATE_TIMESTAMPS_FIELD_NUMBER: _ClassVar[int]
    MAX_BACKOFF_DURATION_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    type: str
    secret_store_id: str
    secret_store_root_path: str
    tags: _tags_pb2.Tags
    public_key: bytes
    key_rotation_interval_days: int
    node_selector: str
    url: str
    connection_timeout: int
    request_timeout: int
    start_tls: bool
    insecure_tls: bool
    certificate: str
    binddn: str
    bindpass: str
    userdn: str
    upndomain: str
    after_read_ttl: _duration_pb2.Duration
    ttl: _duration_pb2.Duration
    policy: _secret_engine_policy_pb2.SecretEnginePolicy
    do_not_validate_timestamps: bool
    max_backoff_duration: _duration_pb2.Duration
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., type: _Optional[str] = ..., secret_store_id: _Optional[str] = ..., secret_store_root_path: _Optional[str] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ..., public_key: _Optional[bytes] = ..., key_rotation_interval_days: _Optional[int] = ..., node_selector: _Optional[str] = ..., url: _Optional[str] = ..., connection_timeout: _Optional[int] = ..., request_timeout: _Optional[int] = ..., start_tls: _Optional[bool] = ..., insecure_tls: _Optional[bool] = ..., certificate: _Optional[str] = ..., binddn: _Optional[str] = ..., bindpass: _Optional[str] = ..., userdn: _Optional[str] = ..., upndomain: _Optional[str] = ..., after_read_ttl: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., ttl: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., policy: _Optional[_Union[_secret_engine_policy_pb2.SecretEnginePolicy, _Mapping]] = ..., do_not_validate_timestamps: _Optional[bool] = ..., max_backoff_duration: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ...) -> None: ...

class KeyValueEngine(_message.Message):
    __slots__ = ("id", "name", "type", "secret_store_id", "secret_store_root_path", "tags", "public_key", "key_rotation_interval_days", "node_selector")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    SECRET_STORE_ID_FIELD_NUMBER: _ClassVar[int]
    SECRET_STORE_ROOT_PATH_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    PUBLIC_KEY_FIELD_NUMBER: _ClassVar[int]
    KEY_ROTATION_INTERVAL_DAYS_FIELD_NUMBER: _ClassVar[int]
    NODE_SELECTOR_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    type: str
    secret_store_id: str
    secret_store_root_path: str
    tags: _tags_pb2.Tags
    public_key: bytes
    key_rotation_interval_days: int
    node_selector: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., type: _Optional[str] = ..., secret_store_id: _Optional[str] = ..., secret_store_root_path: _Optional[str] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ..., public_key: _Optional[bytes] = ..., key_rotation_interval_days: _Optional[int] = ..., node_selector: _Optional[str] = ...) -> None: ...

class MysqlEngine(_message.Message):
    __slots__ = ("id", "name", "type", "secret_store_id", "secret_store_root_path", "tags", "public_key", "key_rotation_interval_days", "node_selector", "hostname", "username", "password", "port", "after_read_ttl", "ttl", "policy", "database", "tls", "tls_skip_verify")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    SECRET_STORE_ID_FIELD_NUMBER: _ClassVar[int]
    SECRET_STORE_ROOT_PATH_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    PUBLIC_KEY_FIELD_NUMBER: _ClassVar[int]
    KEY_ROTATION_INTERVAL_DAYS_FIELD_NUMBER: _ClassVar[int]
    NODE_SELECTOR_FIELD_NUMBER: _ClassVar[int]
    HOSTNAME_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_FIELD_NUMBER: _ClassVar[int]
    PORT_FIELD_NUMBER: _ClassVar[int]
    AFTER_READ_TTL_FIELD_NUMBER: _ClassVar[int]
    TTL_FIELD_NUMBER: _ClassVar[int]
    POLICY_FIELD_NUMBER: _ClassVar[int]
    DATABASE_FIELD_NUMBER: _ClassVar[int]
    TLS_FIELD_NUMBER: _ClassVar[int]
    TLS_SKIP_VERIFY_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    type: str
    secret_store_id: str
    secret_store_root_path: str
    tags: _tags_pb2.Tags
    public_key: bytes
    key_rotation_interval_days: int
    node_selector: str
    hostname: str
    username: str
    password: str
    port: int
    after_read_ttl: _duration_pb2.Duration
    ttl: _duration_pb2.Duration
    policy: _secret_engine_policy_pb2.SecretEnginePolicy
    database: str
    tls: bool
    tls_skip_verify: bool
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., type: _Optional[str] = ..., secret_store_id: _Optional[str] = ..., secret_store_root_path: _Optional[str] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ..., public_key: _Optional[bytes] = ..., key_rotation_interval_days: _Optional[int] = ..., node_selector: _Optional[str] = ..., hostname: _Optional[str] = ..., username: _Optional[str] = ..., password: _Optional[str] = ..., port: _Optional[int] = ..., after_read_ttl: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., ttl: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., policy: _Optional[_Union[_secret_engine_policy_pb2.SecretEnginePolicy, _Mapping]] = ..., database: _Optional[str] = ..., tls: _Optional[bool] = ..., tls_skip_verify: _Optional[bool] = ...) -> None: ...

class PostgresEngine(_message.Message):
    __slots__ = ("id", "name", "type", "secret_store_id", "secret_store_root_path", "tags", "public_key", "key_rotation_interval_days", "node_selector", "hostname", "username", "password", "port", "after_read_ttl", "ttl", "policy", "database", "tls")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    SECRET_STORE_ID_FIELD_NUMBER: _ClassVar[int]
    SECRET_STORE_ROOT_PATH_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    PUBLIC_KEY_FIELD_NUMBER: _ClassVar[int]
    KEY_ROTATION_INTERVAL_DAYS_FIELD_NUMBER: _ClassVar[int]
    NODE_SELECTOR_FIELD_NUMBER: _ClassVar[int]
    HOSTNAME_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_FIELD_NUMBER: _ClassVar[int]
    PORT_FIELD_NUMBER: _ClassVar[int]
    AFTER_READ_TTL_FIELD_NUMBER: _ClassVar[int]
    TTL_FIELD_NUMBER: _ClassVar[int]
    POLICY_FIELD_NUMBER: _ClassVar[int]
    DATABASE_FIELD_NUMBER: _ClassVar[int]
    TLS_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    type: str
    secret_store_id: str
    secret_store_root_path: str
    tags: _tags_pb2.Tags
    public_key: bytes
    key_rotation_interval_days: int
    node_selector: str
    hostname: str
    username: str
    password: str
    port: int
    after_read_ttl: _duration_pb2.Duration
    ttl: _duration_pb2.Duration
    policy: _secret_engine_policy_pb2.SecretEnginePolicy
    database: str
    tls: bool
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., type: _Optional[str] = ..., secret_store_id: _Optional[str] = ..., secret_store_root_path: _Optional[str] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ..., public_key: _Optional[bytes] = ..., key_rotation_interval_days: _Optional[int] = ..., node_selector: _Optional[str] = ..., hostname: _Optional[str] = ..., username: _Optional[str] = ..., password: _Optional[str] = ..., port: _Optional[int] = ..., after_read_ttl: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., ttl: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., policy: _Optional[_Union[_secret_engine_policy_pb2.SecretEnginePolicy, _Mapping]] = ..., database: _Optional[str] = ..., tls: _Optional[bool] = ...) -> None: ...

class SqlserverEngine(_message.Message):
    __slots__ = ("id", "name", "type", "secret_store_id", "secret_store_root_path", "tags", "public_key", "key_rotation_interval_days", "node_selector", "hostname", "username", "password", "port", "after_read_ttl", "ttl", "policy", "database", "tls", "tls_skip_verify")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    SECRET_STORE_ID_FIELD_NUMBER: _ClassVar[int]
    SECRET_STORE_ROOT_PATH_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    PUBLIC_KEY_FIELD_NUMBER: _ClassVar[int]
    KEY_ROTATION_INTERVAL_DAYS_FIELD_NUMBER: _ClassVar[int]
    NODE_SELECTOR_FIELD_NUMBER: _ClassVar[int]
    HOSTNAME_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_FIELD_NUMBER: _ClassVar[int]
    PORT_FIELD_NUMBER: _ClassVar[int]
    AFTER_READ_TTL_FIELD_NUMBER: _ClassVar[int]
    TTL_FIELD_NUMBER: _ClassVar[int]
    POLICY_FIELD_NUMBER: _ClassVar[int]
    DATABASE_FIELD_NUMBER: _ClassVar[int]
    TLS_FIELD_NUMBER: _ClassVar[int]
    TLS_SKIP_VERIFY_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    type: str
    secret_store_id: str
    secret_store_root_path: str
    tags: _tags_pb2.Tags
    public_key: bytes
    key_rotation_interval_days: int
    node_selector: str
    hostname: str
    username: str
    password: str
    port: int
    after_read_ttl: _duration_pb2.Duration
    ttl: _duration_pb2.Duration
    policy: _secret_engine_policy_pb2.SecretEnginePolicy
    database: str
    tls: bool
    tls_skip_verify: bool
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., type: _Optional[str] = ..., secret_store_id: _Optional[str] = ..., secret_store_root_path: _Optional[str] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ..., public_key: _Optional[bytes] = ..., key_rotation_interval_days: _Optional[int] = ..., node_selector: _Optional[str] = ..., hostname: _Optional[str] = ..., username: _Optional[str] = ..., password: _Optional[str] = ..., port: _Optional[int] = ..., after_read_ttl: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., ttl: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., policy: _Optional[_Union[_secret_engine_policy_pb2.SecretEnginePolicy, _Mapping]] = ..., database: _Optional[str] = ..., tls: _Optional[bool] = ..., tls_skip_verify: _Optional[bool] = ...) -> None: ...
