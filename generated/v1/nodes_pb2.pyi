from aiosdm._generated.v1 import hints_pb2 as _hints_pb2
from aiosdm._generated.v1 import spec_pb2 as _spec_pb2
from aiosdm._generated.v1 import tags_pb2 as _tags_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Node(_message.Message):
    __slots__ = ("relay", "gateway", "proxy_cluster")
    RELAY_FIELD_NUMBER: _ClassVar[int]
    GATEWAY_FIELD_NUMBER: _ClassVar[int]
    PROXY_CLUSTER_FIELD_NUMBER: _ClassVar[int]
    relay: Relay
    gateway: Gateway
    proxy_cluster: ProxyCluster
    def __init__(self, relay: _Optional[_Union[Relay, _Mapping]] = ..., gateway: _Optional[_Union[Gateway, _Mapping]] = ..., proxy_cluster: _Optional[_Union[ProxyCluster, _Mapping]] = ...) -> None: ...

class Relay(_message.Message):
    __slots__ = ("id", "name", "state", "tags", "gateway_filter", "device", "location", "version", "uuid", "maintenance_windows")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    GATEWAY_FILTER_FIELD_NUMBER: _ClassVar[int]
    DEVICE_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    UUID_FIELD_NUMBER: _ClassVar[int]
    MAINTENANCE_WINDOWS_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    state: str
    tags: _tags_pb2.Tags
    gateway_filter: str
    device: str
    location: str
    version: str
    uuid: str
    maintenance_windows: _containers.RepeatedCompositeFieldContainer[NodeMaintenanceWindow]
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., state: _Optional[str] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ..., gateway_filter: _Optional[str] = ..., device: _Optional[str] = ..., location: _Optional[str] = ..., version: _Optional[str] = ..., uuid: _Optional[str] = ..., maintenance_windows: _Optional[_Iterable[_Union[NodeMaintenanceWindow, _Mapping]]] = ...) -> None: ...

class NodeMaintenanceWindow(_message.Message):
    __slots__ = ("cron_schedule", "require_idleness")
    CRON_SCHEDULE_FIELD_NUMBER: _ClassVar[int]
    REQUIRE_IDLENESS_FIELD_NUMBER: _ClassVar[int]
    cron_schedule: str
    require_idleness: bool
    def __init__(self, cron_schedule: _Optional[str] = ..., require_idleness: _Optional[bool] = ...) -> None: ...

class Gateway(_message.Message):
    __slots__ = ("id", "name", "state", "listen_address", "bind_address", "tags", "gateway_filter", "device", "location", "version", "uuid", "maintenance_windows")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    LISTEN_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    BIND_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    GATEWAY_FILTER_FIELD_NUMBER: _ClassVar[int]
    DEVICE_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    UUID_FIELD_NUMBER: _ClassVar[int]
    MAINTENANCE_WINDOWS_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    state: str
    listen_address: str
    bind_address: str
    tags: _tags_pb2.Tags
    gateway_filter: str
    device: str
    location: str
    version: str
    uuid: str
    maintenance_windows: _containers.RepeatedCompositeFieldContainer[NodeMaintenanceWindow]
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., state: _Optional[str] = ..., listen_address: _Optional[str] = ..., bind_address: _Optional[str] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ..., gateway_filter: _Optional[str] = ..., device: _Optional[str] = ..., location: _Optional[str] = ..., version: _Optional[str] = ..., uuid: _Optional[str] = ..., maintenance_windows: _Optional[_Iterable[_Union[NodeMaintenanceWindow, _Mapping]]] = ...) -> None: ...

class ProxyCluster(_message.Message):
    __slots__ = ("id", "name", "address", "tags", "maintenance_windows")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    MAINTENANCE_WINDOWS_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    address: str
    tags: _tags_pb2.Tags
    maintenance_windows: _containers.RepeatedCompositeFieldContainer[NodeMaintenanceWindow]
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., address: _Optional[str] = ..., tags: _Optional[_Union[_tags_pb2.Tags, _Mapping]] = ..., maintenance_windows: _Optional[_Iterable[_Union[NodeMaintenanceWindow, _Mapping]]] = ...) -> None: ...

class NodeCreateRequest(_message.Message):
    __slots__ = ("meta", "node")
    META_FIELD_NUMBER: _ClassVar[int]
    NODE_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.CreateRequestMetadata
    node: Node
    def __init__(self, meta: _Optional[_Union[_spec_pb2.CreateRequestMetadata, _Mapping]] = ..., node: _Optional[_Union[Node, _Mapping]] = ...) -> None: ...

class NodeCreateResponse(_message.Message):
    __slots__ = ("meta", "node", "token", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    NODE_FIELD_NUMBER: _ClassVar[int]
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.CreateResponseMetadata
    node: Node
    token: str
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.CreateResponseMetadata, _Mapping]] = ..., node: _Optional[_Union[Node, _Mapping]] = ..., token: _Optional[str] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class NodeGetRequest(_message.Message):
    __slots__ = ("meta", "id")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetRequestMetadata
    id: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetRequestMetadata, _Mapping]] = ..., id: _Optional[str] = ...) -> None: ...

class NodeGetResponse(_message.Message):
    __slots__ = ("meta", "node", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    NODE_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetResponseMetadata
    node: Node
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetResponseMetadata, _Mapping]] = ..., node: _Optional[_Union[Node, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class NodeUpdateRequest(_message.Message):
    __slots__ = ("meta", "id", "node")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    NODE_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.UpdateRequestMetadata
    id: str
    node: Node
    def __init__(self, meta: _Optional[_Union[_spec_pb2.UpdateRequestMetadata, _Mapping]] = ..., id: _Optional[str] = ..., node: _Optional[_Union[Node, _Mapping]] = ...) -> None: ...

class NodeUpdateResponse(_message.Message):
    __slots__ = ("meta", "node", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    NODE_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.UpdateResponseMetadata
    node: Node
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.UpdateResponseMetadata, _Mapping]] = ..., node: _Optional[_Union[Node, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class NodeDeleteRequest(_message.Message):
    __slots__ = ("meta", "id")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.DeleteRequestMetadata
    id: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.DeleteRequestMetadata, _Mapping]] = ..., id: _Optional[str] = ...) -> None: ...

class NodeDeleteResponse(_message.Message):
    __slots__ = ("meta", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.DeleteResponseMetadata
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.DeleteResponseMetadata, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class NodeListRequest(_message.Message):
    __slots__ = ("meta", "filter")
    META_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListRequestMetadata
    filter: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListRequestMetadata, _Mapping]] = ..., filter: _Optional[str] = ...) -> None: ...

class NodeListResponse(_message.Message):
    __slots__ = ("meta", "nodes", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    NODES_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListResponseMetadata
    nodes: _containers.RepeatedCompositeFieldContainer[Node]
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListResponseMetadata, _Mapping]] = ..., nodes: _Optional[_Iterable[_Union[Node, _Mapping]]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class NodeTCPProbeRequest(_message.Message):
    __slots__ = ("meta", "node_id", "host", "port")
    META_FIELD_NUMBER: _ClassVar[int]
    NODE_ID_FIELD_NUMBER: _ClassVar[int]
    HOST_FIELD_NUMBER: _ClassVar[int]
    PORT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.CreateRequestMetadata
    node_id: str
    host: str
    port: int
    def __init__(self, meta: _Optional[_Union[_spec_pb2.CreateRequestMetadata, _Mapping]] = ..., node_id: _Optional[str] = ..., host: _Optional[str] = ..., port: _Optional[int] = ...) -> None: ...

class NodeTCPProbeResponse(_message.Message):
    __slots__ = ("meta", "succeeded", "error", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    SUCCEEDED_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.CreateResponseMetadata
    succeeded: bool
    error: str
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.CreateResponseMetadata, _Mapping]] = ..., succeeded: _Optional[bool] = ..., error: _Optional[str] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...
