"""Resources: the databases, servers, clusters and sites that strongDM proxies."""

from __future__ import annotations

from aiosdm._generated.models.drivers import Resource, read_resource_item, write_resource
from aiosdm._generated.models.resources import (
    ResourceCreateResponse,
    ResourceDeleteResponse,
    ResourceGetResponse,
    ResourceHealthcheckResponse,
    ResourceUpdateResponse,
    read_resource_create_response,
    read_resource_delete_response,
    read_resource_get_response,
    read_resource_healthcheck_response,
    read_resource_update_response,
)
from aiosdm._generated.models.tags import Tag, read_tag
from aiosdm._pagination import ListIterator
from aiosdm.services._base import Service

__all__ = ["Resources"]


class Resources(Service):
    """Resources of every driver type (``client.resources``)."""

    _service = "Resources"

    def enumerate_tags(
        self, filter: str, *args: object, timeout: float | None = None
    ) -> ListIterator[Tag]:
        """The tags (name/value pairs) of the resources matching ``filter``."""
        return self._list(
            "EnumerateTags", filter, args, timeout, lambda r: [read_tag(x) for x in r.matches]
        )

    async def create(
        self, resource: Resource, timeout: float | None = None
    ) -> ResourceCreateResponse:
        """Register a new resource."""
        return await self._write(
            "Create", "resource", write_resource, resource, read_resource_create_response, timeout
        )

    async def get(self, id: str, timeout: float | None = None) -> ResourceGetResponse:
        """Read one resource by id."""
        return await self._get(id, read_resource_get_response, timeout)

    async def update(
        self, resource: Resource, timeout: float | None = None
    ) -> ResourceUpdateResponse:
        """Replace every field of the resource with ``resource.id``."""
        return await self._write(
            "Update", "resource", write_resource, resource, read_resource_update_response, timeout
        )

    async def delete(self, id: str, timeout: float | None = None) -> ResourceDeleteResponse:
        """Delete a resource by id."""
        return await self._by_id("Delete", id, read_resource_delete_response, timeout)

    def list(
        self, filter: str, *args: object, timeout: float | None = None
    ) -> ListIterator[Resource]:
        """Resources matching ``filter``."""
        return self._list(
            "List", filter, args, timeout, lambda r: [read_resource_item(x) for x in r.resources]
        )

    async def healthcheck(
        self, id: str, timeout: float | None = None
    ) -> ResourceHealthcheckResponse:
        """Ask the nodes to check the resource now; the result shows later in get/list."""
        return await self._by_id("Healthcheck", id, read_resource_healthcheck_response, timeout)
