from aiosdm._generated.v1 import hints_pb2 as _hints_pb2
from aiosdm._generated.v1 import spec_pb2 as _spec_pb2
from aiosdm._generated.v1 import tags_pb2 as _tags_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ConnectorCreateRequest(_message.Message):
    __slots__ = ("meta", "connector")
    META_FIELD_NUMBER: _ClassVar[int]
    CONNECTOR_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.CreateRequestMetadata
    connector: Connector
    def __init__(self, meta: _Optional[_Union[_spec_pb2.CreateRequestMetadata, _Mapping]] = ..., connector: _Optional[_Union[Connector, _Mapping]] = ...) -> None: ...

class ConnectorCreateResponse(_message.Message):
    __slots__ = ("meta", "connector", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    CONNECTOR_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.CreateResponseMetadata
    connector: Connector
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.CreateResponseMetadata, _Mapping]] = ..., connector: _Optional[_Union[Connector, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class ConnectorGetRequest(_message.Message):
    __slots__ = ("meta", "id")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetRequestMetadata
    id: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetRequestMetadata, _Mapping]] = ..., id: _Optional[str] = ...) -> None: ...

class ConnectorGetResponse(_message.Message):
    __slots__ = ("meta", "connector", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    CONNECTOR_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetResponseMetadata
    connector: Connector
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetResponseMetadata, _Mapping]] = ..., connector: _Optional[_Union[Connector, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class ConnectorUpdateRequest(_message.Message):
    __slots__ = ("meta", "id", "connector")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    CONNECTOR_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.UpdateRequestMetadata
    id: str
    connector: Connector
    def __init__(self, meta: _Optional[_Union[_spec_pb2.UpdateRequestMetadata, _Mapping]] = ..., id: _Optional[str] = ..., connector: _Optional[_Union[Connector, _Mapping]] = ...) -> None: ...

class ConnectorUpdateResponse(_message.Message):
    __slots__ = ("meta", "connector", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    CONNECTOR_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.UpdateResponseMetadata
    connector: Connector
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.UpdateResponseMetadata, _Mapping]] = ..., connector: _Optional[_Union[Connector, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class ConnectorDeleteRequest(_message.Message):
    __slots__ = ("meta", "id")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.DeleteRequestMetadata
    id: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.DeleteRequestMetadata, _Mapping]] = ..., id: _Optional[str] = ...) -> None: ...

class ConnectorDeleteResponse(_message.Message):
    __slots__ = ("meta", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.DeleteResponseMetadata
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.DeleteResponseMetadata, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class ConnectorListRequest(_message.Message):
    __slots__ = ("meta", "filter")
    META_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListRequestMetadata
    filter: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListRequestMetadata, _Mapping]] = ..., filter: _Optional[str] = ...) -> None: ...

class ConnectorListResponse(_message.Message):
    __slots__ = ("meta", "connectors", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    CONNECTORS_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListResponseMetadata
    connectors: _containers.RepeatedCompositeFieldContainer[Connector]
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListResponseMetadata, _Mapping]] = ..., connectors: _Optional[_Iterable[_Union[Connector, _Mapping]]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class Connector(_message.Message):
    __slots__ = ("aws", "azure", "gcp")
    AWS_FIELD_NUMBER: _ClassVar[int]
    AZURE_FIELD_NUMBER: _ClassVar[int]
    GCP_FIELD_NUMBER: _ClassVar[int]
    aws: AWSConnector
    azure: AzureConnector
    gcp: GCPConnector
    def __init__(self, aws: _Optional[_Union[AWSConnector, _Mapping]] = ..., azure: _Optional[_Union[AzureConnector, _Mapping]] = ..., gcp: _Optional[_Union[GCPConnector, _Mapping]] = ...) -> None: ...

class AWSConnector(_message.Message):
    __slots__ = ("id", "name", "description", "scan_period", "services", "include_tags", "exclude_tags", "role_name", "account_ids")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    SCAN_PERIOD_FIELD_NUMBER: _ClassVar[int]
    SERVICES_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_TAGS_FIELD_NUMBER: _ClassVar[int]
    EXCLUDE_TAGS_FIELD_NUMBER: _ClassVar[int]
    ROLE_NAME_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_IDS_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    description: str
    scan_period: str
    services: _containers.RepeatedScalarFieldContainer[str]
    include_tags: _containers.RepeatedCompositeFieldContainer[_tags_pb2.Tag]
    exclude_tags: _containers.RepeatedCompositeFieldContainer[_tags_pb2.Tag]
    role_name: str
    account_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., scan_period: _Optional[str] = ..., services: _Optional[_Iterable[str]] = ..., include_tags: _Optional[_Iterable[_Union[_tags_pb2.Tag, _Mapping]]] = ..., exclude_tags: _Optional[_Iterable[_Union[_tags_pb2.Tag, _Mapping]]] = ..., role_name: _Optional[str] = ..., account_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class AzureConnector(_message.Message):
    __slots__ = ("id", "name", "description", "scan_period", "services", "include_tags", "exclude_tags", "tenant_id", "client_id", "subscription_ids")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    SCAN_PERIOD_FIELD_NUMBER: _ClassVar[int]
    SERVICES_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_TAGS_FIELD_NUMBER: _ClassVar[int]
    EXCLUDE_TAGS_FIELD_NUMBER: _ClassVar[int]
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    SUBSCRIPTION_IDS_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    description: str
    scan_period: str
    services: _containers.RepeatedScalarFieldContainer[str]
    include_tags: _containers.RepeatedCompositeFieldContainer[_tags_pb2.Tag]
    exclude_tags: _containers.RepeatedCompositeFieldContainer[_tags_pb2.Tag]
    tenant_id: str
    client_id: str
    subscription_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., scan_period: _Optional[str] = ..., services: _Optional[_Iterable[str]] = ..., include_tags: _Optional[_Iterable[_Union[_tags_pb2.Tag, _Mapping]]] = ..., exclude_tags: _Optional[_Iterable[_Union[_tags_pb2.Tag, _Mapping]]] = ..., tenant_id: _Optional[str] = ..., client_id: _Optional[str] = ..., subscription_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class GCPConnector(_message.Message):
    __slots__ = ("id", "name", "description", "scan_period", "services", "include_tags", "exclude_tags", "project_ids", "workload_project_number", "workload_project_id", "workload_provider_id", "workload_pool_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    SCAN_PERIOD_FIELD_NUMBER: _ClassVar[int]
    SERVICES_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_TAGS_FIELD_NUMBER: _ClassVar[int]
    EXCLUDE_TAGS_FIELD_NUMBER: _ClassVar[int]
    PROJECT_IDS_FIELD_NUMBER: _ClassVar[int]
    WORKLOAD_PROJECT_NUMBER_FIELD_NUMBER: _ClassVar[int]
    WORKLOAD_PROJECT_ID_FIELD_NUMBER: _ClassVar[int]
    WORKLOAD_PROVIDER_ID_FIELD_NUMBER: _ClassVar[int]
    WORKLOAD_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    description: str
    scan_period: str
    services: _containers.RepeatedScalarFieldContainer[str]
    include_tags: _containers.RepeatedCompositeFieldContainer[_tags_pb2.Tag]
    exclude_tags: _containers.RepeatedCompositeFieldContainer[_tags_pb2.Tag]
    project_ids: _containers.RepeatedScalarFieldContainer[str]
    workload_project_number: str
    workload_project_id: str
    workload_provider_id: str
    workload_pool_id: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., scan_period: _Optional[str] = ..., services: _Optional[_Iterable[str]] = ..., include_tags: _Optional[_Iterable[_Union[_tags_pb2.Tag, _Mapping]]] = ..., exclude_tags: _Optional[_Iterable[_Union[_tags_pb2.Tag, _Mapping]]] = ..., project_ids: _Optional[_Iterable[str]] = ..., workload_project_number: _Optional[str] = ..., workload_project_id: _Optional[str] = ..., workload_provider_id: _Optional[str] = ..., workload_pool_id: _Optional[str] = ...) -> None: ...
