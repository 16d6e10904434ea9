"""Roles and the resources they grant."""

from __future__ import annotations

from aiosdm._generated.models.role_resources import RoleResource, read_role_resource
from aiosdm._generated.models.roles import (
    Role,
    RoleCreateResponse,
    RoleDeleteResponse,
    RoleGetResponse,
    RoleUpdateResponse,
    read_role,
    read_role_create_response,
    read_role_delete_response,
    read_role_get_response,
    read_role_update_response,
    write_role,
)
from aiosdm._pagination import ListIterator
from aiosdm.services._base import Service

__all__ = ["RoleResources", "Roles"]


class Roles(Service):
    """Roles: sets of access rules that accounts are attached to (``client.roles``)."""

    _service = "Roles"

    async def create(self, role: Role, timeout: float | None = None) -> RoleCreateResponse:
        """Register a new role."""
        return await self._write(
            "Create", "role", write_role, role, read_role_create_response, timeout
        )

    async def get(self, id: str, timeout: float | None = None) -> RoleGetResponse:
        """Read one role by id."""
        return await self._get(id, read_role_get_response, timeout)

    async def update(self, role: Role, timeout: float | None = None) -> RoleUpdateResponse:
        """Replace every field of the role with ``role.id``."""
        return await self._write(
            "Update", "role", write_role, role, read_role_update_response, timeout
        )

    async def delete(self, id: str, timeout: float | None = None) -> RoleDeleteResponse:
        """Delete a role by id."""
        return await self._by_id("Delete", id, read_role_delete_response, timeout)

    def list(self, filter: str, *args: object, timeout: float | None = None) -> ListIterator[Role]:
        """Roles matching ``filter``."""
        return self._list("List", filter, args, timeout, lambda r: [read_role(x) for x in r.roles])


class RoleResources(Service):
    """Which resources each role grants (read-only)."""

    _service = "RoleResources"

    def list(
        self, filter: str, *args: object, timeout: float | None = None
    ) -> ListIterator[RoleResource]:
        """Role/resource pairs matching ``filter``."""
        return self._list(
            "List",
            filter,
            args,
            timeout,
            lambda r: [read_role_resource(x) for x in r.role_resources],
        )
