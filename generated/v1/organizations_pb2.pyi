from aiosdm._generated.v1 import hints_pb2 as _hints_pb2
from aiosdm._generated.v1 import organization_history_pb2 as _organization_history_pb2
from aiosdm._generated.v1 import spec_pb2 as _spec_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class OrganizationUpdateRequest(_message.Message):
    __slots__ = ("meta", "organization")
    META_FIELD_NUMBER: _ClassVar[int]
    ORGANIZATION_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.UpdateRequestMetadata
    organization: _organization_history_pb2.Organization
    def __init__(self, meta: _Optional[_Union[_spec_pb2.UpdateRequestMetadata, _Mapping]] = ..., organization: _Optional[_Union[_organization_history_pb2.Organization, _Mapping]] = ...) -> None: ...

class OrganizationUpdateResponse(_message.Message):
    __slots__ = ("meta", "organization", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    ORGANIZATION_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.UpdateResponseMetadata
    organization: _organization_history_pb2.Organization
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.UpdateResponseMetadata, _Mapping]] = ..., organization: _Optional[_Union[_organization_history_pb2.Organization, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class OrganizationGetRequest(_message.Message):
    __slots__ = ("meta",)
    META_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetRequestMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetRequestMetadata, _Mapping]] = ...) -> None: ...

class OrganizationGetResponse(_message.Message):
    __slots__ = ("meta", "organization", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    ORGANIZATION_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetResponseMetadata
    organization: _organization_history_pb2.Organization
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetResponseMetadata, _Mapping]] = ..., organization: _Optional[_Union[_organization_history_pb2.Organization, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class MFAConfig(_message.Message):
    __slots__ = ("enabled", "provider", "okta")
    ENABLED_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_FIELD_NUMBER: _ClassVar[int]
    OKTA_FIELD_NUMBER: _ClassVar[int]
    enabled: bool
    provider: str
    okta: OktaMFAConfig
    def __init__(self, enabled: _Optional[bool] = ..., provider: _Optional[str] = ..., okta: _Optional[_Union[OktaMFAConfig, _Mapping]] = ...) -> None: ...

class OktaMFAConfig(_message.Message):
    __slots__ = ("auth_mode", "api_token", "api_token_set", "client_id", "private_key_pem", "private_key_pem_set", "organization_url", "multidevice_push_enabled", "user_lookup", "private_key_id", "private_key_id_set")
    AUTH_MODE_FIELD_NUMBER: _ClassVar[int]
    API_TOKEN_FIELD_NUMBER: _ClassVar[int]
    API_TOKEN_SET_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    PRIVATE_KEY_PEM_FIELD_NUMBER: _ClassVar[int]
    PRIVATE_KEY_PEM_SET_FIELD_NUMBER: _ClassVar[int]
    ORGANIZATION_URL_FIELD_NUMBER: _ClassVar[int]
    MULTIDEVICE_PUSH_ENABLED_FIELD_NUMBER: _ClassVar[int]
    USER_LOOKUP_FIELD_NUMBER: _ClassVar[int]
    PRIVATE_KEY_ID_FIELD_NUMBER: _ClassVar[int]
    PRIVATE_KEY_ID_SET_FIELD_NUMBER: _ClassVar[int]
    auth_mode: str
    api_token: str
    api_token_set: bool
    client_id: str
    private_key_pem: str
    private_key_pem_set: bool
    organization_url: str
    multidevice_push_enabled: bool
    user_lookup: str
    private_key_id: str
    private_key_id_set: bool
    def __init__(self, auth_mode: _Optional[str] = ..., api_token: _Optional[str] = ..., api_token_set: _Optional[bool] = ..., client_id: _Optional[str] = ..., private_key_pem: _Optional[str] = ..., private_key_pem_set: _Optional[bool] = ..., organization_url: _Optional[str] = ..., multidevice_push_enabled: _Optional[bool] = ..., user_lookup: _Optional[str] = ..., private_key_id: _Optional[str] = ..., private_key_id_set: _Optional[bool] = ...) -> None: ...

class OrganizationGetMFARequest(_message.Message):
    __slots__ = ("meta",)
    META_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetRequestMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetRequestMetadata, _Mapping]] = ...) -> None: ...

class OrganizationGetMFAResponse(_message.Message):
    __slots__ = ("meta", "mfa", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    MFA_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetResponseMetadata
    mfa: MFAConfig
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetResponseMetadata, _Mapping]] = ..., mfa: _Optional[_Union[MFAConfig, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class OrganizationUpdateMFARequest(_message.Message):
    __slots__ = ("meta", "mfa")
    META_FIELD_NUMBER: _ClassVar[int]
    MFA_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.UpdateRequestMetadata
    mfa: MFAConfig
    def __init__(self, meta: _Optional[_Union[_spec_pb2.UpdateRequestMetadata, _Mapping]] = ..., mfa: _Optional[_Union[MFAConfig, _Mapping]] = ...) -> None: ...

class OrganizationUpdateMFAResponse(_message.Message):
    __slots__ = ("meta", "mfa", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    MFA_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.UpdateResponseMetadata
    mfa: MFAConfig
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.UpdateResponseMetadata, _Mapping]] = ..., mfa: _Optional[_Union[MFAConfig, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class OrganizationTestMFARequest(_message.Message):
    __slots__ = ("meta", "mfa")
    META_FIELD_NUMBER: _ClassVar[int]
    MFA_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.UpdateRequestMetadata
    mfa: MFAConfig
    def __init__(self, meta: _Optional[_Union[_spec_pb2.UpdateRequestMetadata, _Mapping]] = ..., mfa: _Optional[_Union[MFAConfig, _Mapping]] = ...) -> None: ...

class OrganizationTestMFAResponse(_message.Message):
    __slots__ = ("meta", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.UpdateResponseMetadata
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.UpdateResponseMetadata, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...
