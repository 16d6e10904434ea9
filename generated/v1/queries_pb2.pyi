import datetime

from aiosdm._generated.v1 import hints_pb2 as _hints_pb2
from aiosdm._generated.v1 import spec_pb2 as _spec_pb2
from aiosdm._generated.v1 import tags_pb2 as _tags_pb2
from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class QueryListRequest(_message.Message):
    __slots__ = ("meta", "filter")
    META_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListRequestMetadata
    filter: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListRequestMetadata, _Mapping]] = ..., filter: _Optional[str] = ...) -> None: ...

class QueryListResponse(_message.Message):
    __slots__ = ("meta", "queries", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    QUERIES_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListResponseMetadata
    queries: _containers.RepeatedCompositeFieldContainer[Query]
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListResponseMetadata, _Mapping]] = ..., queries: _Optional[_Iterable[_Union[Query, _Mapping]]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class Query(_message.Message):
    __slots__ = ("id", "account_id", "resource_id", "query_body", "duration", "encrypted", "query_hash", "remote_identity_username", "timestamp", "egress_node_id", "replayable", "record_count", "resource_type", "query_category", "query_key", "resource_name", "resource_tags", "account_first_name", "account_last_name", "account_email", "account_tags", "query_key_id", "completed_at", "capture", "source_ip", "authentication_id", "target", "authzJson", "client_ip", "identity_alias_username", "metadata_json", "initiator")
    ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_ID_FIELD_NUMBER: _ClassVar[int]
    QUERY_BODY_FIELD_NUMBER: _ClassVar[int]
    DURATION_FIELD_NUMBER: _ClassVar[int]
    ENCRYPTED_FIELD_NUMBER: _ClassVar[int]
    QUERY_HASH_FIELD_NUMBER: _ClassVar[int]
    REMOTE_IDENTITY_USERNAME_FIELD_NUMBER: _ClassVar[int]
    TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    EGRESS_NODE_ID_FIELD_NUMBER: _ClassVar[int]
    REPLAYABLE_FIELD_NUMBER: _ClassVar[int]
    RECORD_COUNT_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_TYPE_FIELD_NUMBER: _ClassVar[int]
    QUERY_CATEGORY_FIELD_NUMBER: _ClassVar[int]
    QUERY_KEY_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NAME_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_TAGS_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_FIRST_NAME_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_LAST_NAME_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_EMAIL_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_TAGS_FIELD_NUMBER: _ClassVar[int]
    QUERY_KEY_ID_FIELD_NUMBER: _ClassVar[int]
    COMPLETED_AT_FIELD_NUMBER: _ClassVar[int]
    CAPTURE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_IP_FIELD_NUMBER: _ClassVar[int]
    AUTHENTICATION_ID_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    AUTHZJSON_FIELD_NUMBER: _ClassVar[int]
    CLIENT_IP_FIELD_NUMBER: _ClassVar[int]
    IDENTITY_ALIAS_USERNAME_FIELD_NUMBER: _ClassVar[int]
    METADATA_JSON_FIELD_NUMBER: _ClassVar[int]
    INITIATOR_FIELD_NUMBER: _ClassVar[int]
    id: str
    account_id: str
    resource_id: str
    query_body: str
    duration: _duration_pb2.Duration
    encrypted: bool
    query_hash: str
    remote_identity_username: str
    timestamp: _timestamp_pb2.Timestamp
    egress_node_id: str
    replayable: bool
    record_count: int
    resource_type: str
    query_category: str
    query_key: str
    resource_name: str
    resource_tags: _tags_pb2.Tags
    account_first_name: str
    account_last_name: str
    account_email: str
    account_tags: _tags_pb2.Tags
    query_key_id: str
    completed_at: _timestamp_pb2.Timestamp
    capture: QueryCapture
    source_ip: str
    authentication_id: str
    target: str
    authzJson: str
    client_ip: str
    identity_alias_username: str
    metadata_json: str
    initiator: Initiator
    def __init__(self, id: _Optional[str] = ..., account_id: _Optional[str] = ..., resource_id: _Optional[str] = ..., query_body: _Optional[str] = ..., duration: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., encrypted: _Optional[bool] = ..., query_hash: _Optional[str] = ..., remote_identity_username: _Optional[str] = ..., timestamp: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., egress_node_id: _Optional[str] = ..., replayable: _Optional[bool] = ..., record_count: _Optional[int] = ..., resource_type: _Optional[str] = ..., query_category: _Optional[str] = ..., query_key: _Optional[str] = ..., resource_name: _Optional[str] = ..., resource_tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ..., account_first_name: _Optional[str] = ..., account_last_name: _Optional[str] = ..., account_email: _Optional[str] = ..., account_tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ..., query_key_id: _Optional[str] = ..., completed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., capture: _Optional[_Union[QueryCapture, _Mapping]] = ..., source_ip: _Optional[str] = ..., authentication_id: _Optional[str] = ..., target: _Optional[str] = ..., authzJson: _Optional[str] = ..., client_ip: _Optional[str] = ..., identity_alias_username: _Optional[str] = ..., metadata_json: _Optional[str] = ..., initiator: _Optional[_Union[Initiator, _Mapping]] = ...) -> None: ...

class Initiator(_message.Message):
    __slots__ = ("type", "ai_agent", "version", "trusted")
    TYPE_FIELD_NUMBER: _ClassVar[int]
    AI_AGENT_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    TRUSTED_FIELD_NUMBER: _ClassVar[int]
    type: str
    ai_agent: str
    version: str
    trusted: bool
    def __init__(self, type: _Optional[str] = ..., ai_agent: _Optional[str] = ..., version: _Optional[str] = ..., trusted: _Optional[bool] = ...) -> None: ...

class QueryCapture(_message.Message):
    __slots__ = ("width", "height", "command", "env", "type", "file_name", "file_size", "client_command", "pod", "container", "request_method", "request_uri", "request_body", "impersonation_user", "impersonation_groups", "privilege_groups")
    class EnvEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    WIDTH_FIELD_NUMBER: _ClassVar[int]
    HEIGHT_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    ENV_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    FILE_SIZE_FIELD_NUMBER: _ClassVar[int]
    CLIENT_COMMAND_FIELD_NUMBER: _ClassVar[int]
    POD_FIELD_NUMBER: _ClassVar[int]
    CONTAINER_FIELD_NUMBER: _ClassVar[int]
    REQUEST_METHOD_FIELD_NUMBER: _ClassVar[int]
    REQUEST_URI_FIELD_NUMBER: _ClassVar[int]
    REQUEST_BODY_FIELD_NUMBER: _ClassVar[int]
    IMPERSONATION_USER_FIELD_NUMBER: _ClassVar[int]
    IMPERSONATION_GROUPS_FIELD_NUMBER: _ClassVar[int]
    PRIVILEGE_GROUPS_FIELD_NUMBER: _ClassVar[int]
    width: int
    height: int
    command: str
    env: _containers.ScalarMap[str, str]
    type: str
    file_name: str
    file_size: int
    client_command: str
    pod: str
    container: str
    request_method: str
    request_uri: str
    request_body: bytes
    impersonation_user: str
    impersonation_groups: _containers.RepeatedScalarFieldContainer[str]
    privilege_groups: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, width: _Optional[int] = ..., height: _Optional[int] = ..., command: _Optional[str] = ..., env: _Optional[_Mapping[str, str]] = ..., type: _Optional[str] = ..., file_name: _Optional[str] = ..., file_size: _Optional[int] = ..., client_command: _Optional[str] = ..., pod: _Optional[str] = ..., container: _Optional[str] = ..., request_method: _Optional[str] = ..., request_uri: _Optional[str] = ..., request_body: _Optional[bytes] = ..., impersonation_user: _Optional[str] = ..., impersonation_groups: _Optional[_Iterable[str]] = ..., privilege_groups: _Optional[_Iterable[str]] = ...) -> None: ...
