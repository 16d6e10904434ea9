from aiosdm._generated.v1 import hints_pb2 as _hints_pb2
from aiosdm._generated.v1 import spec_pb2 as _spec_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class PeeringGroupPeerCreateRequest(_message.Message):
    __slots__ = ("meta", "peering_group_peer")
    META_FIELD_NUMBER: _ClassVar[int]
    PEERING_GROUP_PEER_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.CreateRequestMetadata
    peering_group_peer: PeeringGroupPeer
    def __init__(self, meta: _Optional[_Union[_spec_pb2.CreateRequestMetadata, _Mapping]] = ..., peering_group_peer: _Optional[_Union[PeeringGroupPeer, _Mapping]] = ...) -> None: ...

class PeeringGroupPeerCreateResponse(_message.Message):
    __slots__ = ("meta", "peering_group_peer", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    PEERING_GROUP_PEER_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.CreateResponseMetadata
    peering_group_peer: PeeringGroupPeer
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.CreateResponseMetadata, _Mapping]] = ..., peering_group_peer: _Optional[_Union[PeeringGroupPeer, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class PeeringGroupPeerGetRequest(_message.Message):
    __slots__ = ("meta", "id")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetRequestMetadata
    id: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetRequestMetadata, _Mapping]] = ..., id: _Optional[str] = ...) -> None: ...

class PeeringGroupPeerGetResponse(_message.Message):
    __slots__ = ("meta", "peering_group_peer", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    PEERING_GROUP_PEER_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.GetResponseMetadata
    peering_group_peer: PeeringGroupPeer
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.GetResponseMetadata, _Mapping]] = ..., peering_group_peer: _Optional[_Union[PeeringGroupPeer, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class PeeringGroupPeerDeleteRequest(_message.Message):
    __slots__ = ("meta", "id")
    META_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.DeleteRequestMetadata
    id: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.DeleteRequestMetadata, _Mapping]] = ..., id: _Optional[str] = ...) -> None: ...

class PeeringGroupPeerDeleteResponse(_message.Message):
    __slots__ = ("meta", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.DeleteResponseMetadata
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.DeleteResponseMetadata, _Mapping]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class PeeringGroupPeerListRequest(_message.Message):
    __slots__ = ("meta", "filter")
    META_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListRequestMetadata
    filter: str
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListRequestMetadata, _Mapping]] = ..., filter: _Optional[str] = ...) -> None: ...

class PeeringGroupPeerListResponse(_message.Message):
    __slots__ = ("meta", "peering_group_peers", "rate_limit")
    META_FIELD_NUMBER: _ClassVar[int]
    PEERING_GROUP_PEERS_FIELD_NUMBER: _ClassVar[int]
    RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    meta: _spec_pb2.ListResponseMetadata
    peering_group_peers: _containers.RepeatedCompositeFieldContainer[PeeringGroupPeer]
    rate_limit: _spec_pb2.RateLimitMetadata
    def __init__(self, meta: _Optional[_Union[_spec_pb2.ListResponseMetadata, _Mapping]] = ..., peering_group_peers: _Optional[_Iterable[_Union[PeeringGroupPeer, _Mapping]]] = ..., rate_limit: _Optional[_Union[_spec_pb2.RateLimitMetadata, _Mapping]] = ...) -> None: ...

class PeeringGroupPeer(_message.Message):
    __slots__ = ("id", "group_id", "peers_with_group_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    PEERS_WITH_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    group_id: str
    peers_with_group_id: str
    def __init__(self, id: _Optional[str] = ..., group_id: _Optional[str] = ..., peers_with_group_id: _Optional[str] = ...) -> None: ...
