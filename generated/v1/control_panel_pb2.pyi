from aiosdm._generated.v1 import hints_pb2 as _hints_pb2
from aiosdm._generated.v1 import spec_pb2 as _spec_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ControlPanelGetSSHCAPublicKeyRequest(_message.Message):
    __slots__ = ("meta",)
    META_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetRequestMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetRequestMetadata, _Mapping]] = ...) -> None: ...

class ControlPanelGetSSHCAPublicKeyResponse(_message.Message):
    __slots__ = ("meta", "public_key", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    PUBLIC_KEY_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetResponseMetadata
    public_key: str
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetResponseMetadata, _Mapping]] = ..., public_key: _Optional[str] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class ControlPanelGetRDPCAPublicKeyRequest(_message.Message):
    __slots__ = ("meta",)
    META_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetRequestMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetRequestMetadata, _Mapping]] = ...) -> None: ...

class ControlPanelGetRDPCAPublicKeyResponse(_message.Message):
    __slots__ = ("meta", "public_key", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    PUBLIC_KEY_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetResponseMetadata
    public_key: str
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetResponseMetadata, _Mapping]] = ..., public_key: _Optional[str] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class ControlPanelVerifyJWTRequest(_message.Message):
    __slots__ = ("meta", "token")
    META_FIELD_NUMBER: _ClassVar[int]
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetRequestMetadata
    token: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetRequestMetadata, _Mapping]] = ..., token: _Optional[str] = ...) -> None: ...

class ControlPanelVerifyJWTResponse(_message.Message):
    __slots__ = ("meta", "valid", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    VALID_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetResponseMetadata
    valid: bool
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetResponseMetadata, _Mapping]] = ..., valid: _Optional[bool] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class ControlPanelGetOrgURLInfoRequest(_message.Message):
    __slots__ = ("meta",)
    META_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetRequestMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetRequestMetadata, _Mapping]] = ...) -> None: ...

class ControlPanelGetOrgURLInfoResponse(_message.Message):
    __slots__ = ("meta", "base_url", "websites_subdomain", "oidc_issuer_url", "saml_metadata_url", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    BASE_URL_FIELD_NUMBER: _ClassVar[int]
    WEBSITES_SUBDOMAIN_FIELD_NUMBER: _ClassVar[int]
    OIDC_ISSUER_URL_FIELD_NUMBER: _ClassVar[int]
    SAML_METADATA_URL_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetResponseMetadata
    base_url: str
    websites_subdomain: str
    oidc_issuer_url: str
    saml_metadata_url: str
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetResponseMetadata, _Mapping]] = ..., base_url: _Optional[str] = ..., websites_subdomain: _Optional[str] = ..., oidc_issuer_url: _Optional[str] = ..., saml_metadata_url: _Optional[str] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...
