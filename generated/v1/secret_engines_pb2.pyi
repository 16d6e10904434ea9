from aiosdm._generated.v1 import hints_pb2 as _hints_pb2
from aiosdm._generated.v1 import secret_engine_policy_pb2 as _secret_engine_policy_pb2
from aiosdm._generated.v1 import secret_engine_types_pb2 as _secret_engine_types_pb2
from aiosdm._generated.v1 import secret_stores_pb2 as _secret_stores_pb2
from aiosdm._generated.v1 import spec_pb2 as _spec_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class SecretEngineListRequest(_message.Message):
    __slots__ = ("meta", "filter")
    META_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListRequestMetadata
    filter: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListRequestMetadata, _Mapping]] = ..., filter: _Optional[str] = ...) -> None: ...

class SecretEngineGetRequest(_message.Message):
    __slots__ = ("meta", "id")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetRequestMetadata
    id: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetRequestMetadata, _Mapping]] = ..., id: _Optional[str] = ...) -> None: ...

class SecretEngineCreateRequest(_message.Message):
    __slots__ = ("meta", "secret_engine")
    META_FIELD_NUMBER: _ClassVar[int]
    SECRET_ENGINE_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.CreateRequestMetadata
    secret_engine: _secret_engine_types_pb2.SecretEngine
    def __init__(self, meta: _Optional[_Union[_spec_pb2.CreateRequestMetadata, _Mapping]] = ..., secret_engine: _Optional[_Union[_secret_engine_types_pb2.SecretEngine, _Mapping]] = ...) -> None: ...

class SecretEngineUpdateRequest(_message.Message):
    __slots__ = ("meta", "id", "secret_engine")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    SECRET_ENGINE_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.UpdateRequestMetadata
    id: str
    secret_engine: _secret_engine_types_pb2.SecretEngine
    def __init__(self, meta: _Optional[_Union[_spec_pb2.UpdateRequestMetadata, _Mapping]] = ..., id: _Optional[str] = ..., secret_engine: _Optional[_Union[_secret_engine_types_pb2.SecretEngine, _Mapping]] = ...) -> None: ...

class SecretEngineDeleteRequest(_message.Message):
    __slots__ = ("meta", "id")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.UpdateRequestMetadata
    id: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.UpdateRequestMetadata, _Mapping]] = ..., id: _Optional[str] = ...) -> None: ...

class GenerateKeysRequest(_message.Message):
    __slots__ = ("meta", "secret_engine_id")
    META_FIELD_NUMBER: _ClassVar[int]
    SECRET_ENGINE_ID_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.UpdateRequestMetadata
    secret_engine_id: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.UpdateRequestMetadata, _Mapping]] = ..., secret_engine_id: _Optional[str] = ...) -> None: ...

class HealthcheckRequest(_message.Message):
    __slots__ = ("meta", "secret_engine_id")
    META_FIELD_NUMBER: _ClassVar[int]
    SECRET_ENGINE_ID_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetRequestMetadata
    secret_engine_id: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetRequestMetadata, _Mapping]] = ..., secret_engine_id: _Optional[str] = ...) -> None: ...

class HealthcheckStatus(_message.Message):
    __slots__ = ("node_id", "status")
    NODE_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    node_id: str
    status: str
    def __init__(self, node_id: _Optional[str] = ..., status: _Optional[str] = ...) -> None: ...

class SecretEngineRotateRequest(_message.Message):
    __slots__ = ("meta", "id", "password_policy")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_POLICY_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.UpdateRequestMetadata
    id: str
    password_policy: _secret_engine_policy_pb2.SecretEnginePasswordPolicy
    def __init__(self, meta: _Optional[_Union[_spec_pb2.UpdateRequestMetadata, _Mapping]] = ..., id: _Optional[str] = ..., password_policy: _Optional[_Union[_secret_engine_policy_pb2.SecretEnginePasswordPolicy, _Mapping]] = ...) -> None: ...

class SecretEngineListResponse(_message.Message):
    __slots__ = ("meta", "secret_engines", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    SECRET_ENGINES_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListResponseMetadata
    secret_engines: _containers.RepeatedCompositeFieldContainer[_secret_engine_types_pb2.SecretEngine]
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListResponseMetadata, _Mapping]] = ..., secret_engines: _Optional[_Iterable[_Union[_secret_engine_types_pb2.SecretEngine, _Mapping]]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class SecretEngineGetResponse(_message.Message):
    __slots__ = ("meta", "secret_engine", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    SECRET_ENGINE_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetResponseMetadata
    secret_engine: _secret_engine_types_pb2.SecretEngine
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetResponseMetadata, _Mapping]] = ..., secret_engine: _Optional[_Union[_secret_engine_types_pb2.SecretEngine, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class SecretEngineCreateResponse(_message.Message):
    __slots__ = ("meta", "secret_engine", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    SECRET_ENGINE_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.CreateResponseMetadata
    secret_engine: _secret_engine_types_pb2.SecretEngine
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.CreateResponseMetadata, _Mapping]] = ..., secret_engine: _Optional[_Union[_secret_engine_types_pb2.SecretEngine, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class SecretEngineUpdateResponse(_message.Message):
    __slots__ = ("meta", "secret_engine", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    SECRET_ENGINE_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.UpdateResponseMetadata
    secret_engine: _secret_engine_types_pb2.SecretEngine
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.UpdateResponseMetadata, _Mapping]] = ..., secret_engine: _Optional[_Union[_secret_engine_types_pb2.SecretEngine, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class SecretEngineDeleteResponse(_message.Message):
    __slots__ = ("meta", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.DeleteResponseMetadata
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.DeleteResponseMetadata, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class GenerateKeysResponse(_message.Message):
    __slots__ = ("meta", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.UpdateResponseMetadata
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.UpdateResponseMetadata, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class HealthcheckResponse(_message.Message):
    __slots__ = ("meta", "status", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetRequestMetadata
    status: _containers.RepeatedCompositeFieldContainer[HealthcheckStatus]
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetRequestMetadata, _Mapping]] = ..., status: _Optional[_Iterable[_Union[HealthcheckStatus, _Mapping]]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class SecretEngineRotateResponse(_message.Message):
    __slots__ = ("meta", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.UpdateRequestMetadata
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.UpdateRequestMetadata, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...
