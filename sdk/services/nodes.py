"""Nodes: the relays, gateways and proxy clusters that carry connections."""

from __future__ import annotations

from aiosdm._generated.models.nodes import (
    Node,
    NodeCreateResponse,
    NodeDeleteResponse,
    NodeGetResponse,
    NodeTCPProbeResponse,
    NodeUpdateResponse,
    read_node_create_response,
    read_node_delete_response,
    read_node_get_response,
    read_node_item,
    read_node_tcp_probe_response,
    read_node_update_response,
    write_node,
)
from aiosdm._pagination import ListIterator
from aiosdm.services._base import Service

__all__ = ["Nodes"]


class Nodes(Service):
    """Relays, gateways and proxy clusters (``client.nodes``)."""

    _service = "Nodes"

    async def create(self, node: Node, timeout: float | None = None) -> NodeCreateResponse:
        """Register a new node; the answer carries the token the node starts with."""
        return await self._write(
            "Create", "node", write_node, node, read_node_create_response, timeout
        )

    async def get(self, id: str, timeout: float | None = None) -> NodeGetResponse:
        """Read one node by id."""
        return await self._get(id, read_node_get_response, timeout)

    async def update(self, node: Node, timeout: float | None = None) -> NodeUpdateResponse:
        """Replace every field of the node with ``node.id``."""
        return await self._write(
            "Update", "node", write_node, node, read_node_update_response, timeout
        )

    async def delete(self, id: str, timeout: float | None = None) -> NodeDeleteResponse:
        """Delete a node by id."""
        return await self._by_id("Delete", id, read_node_delete_response, timeout)

    def list(self, filter: str, *args: object, timeout: float | None = None) -> ListIterator[Node]:
        """Nodes matching ``filter``."""
        return self._list(
            "List", filter, args, timeout, lambda r: [read_node_item(x) for x in r.nodes]
        )

    async def tcp_probe(
        self, node_id: str, host: str, port: int, timeout: float | None = None
    ) -> NodeTCPProbeResponse:
        """Have a node open a TCP connection to ``host:port`` and report the outcome."""
        request = self._request("TCPProbe")
        request.node_id = node_id
        request.host = host
        request.port = port
        return read_node_tcp_probe_response(await self._call("TCPProbe", request, timeout))
