"""Groups of accounts and the roles assigned to them."""

from __future__ import annotations

from collections.abc import Iterable

from aiosdm._generated.models.groups import (
    Group,
    GroupCreateFromRolesResponse,
    GroupCreateResponse,
    GroupDeleteResponse,
    GroupGetResponse,
    GroupUpdateResponse,
    read_group,
    read_group_create_from_roles_response,
    read_group_create_response,
    read_group_delete_response,
    read_group_get_response,
    read_group_update_response,
    write_group,
)
from aiosdm._generated.models.groups_roles import (
    GroupRole,
    GroupRoleCreateResponse,
    GroupRoleDeleteResponse,
    GroupRoleGetResponse,
    read_group_role,
    read_group_role_create_response,
    read_group_role_delete_response,
    read_group_role_get_response,
    write_group_role,
)
from aiosdm._pagination import ListIterator
from aiosdm.services._base import Service

__all__ = ["Groups", "GroupsRoles"]


class Groups(Service):
    """Groups: named sets of accounts (``client.groups``)."""

    _service = "Groups"

    async def create(self, group: Group, timeout: float | None = None) -> GroupCreateResponse:
        """Register a new group."""
        return await self._write(
            "Create", "group", write_group, group, read_group_create_response, timeout
        )

    async def create_from_roles(
        self, role_ids: Iterable[str], commit: bool, timeout: float | None = None
    ) -> GroupCreateFromRolesResponse:
        """Make one group per role (with its members); ``commit=False`` only previews."""
        request = self._request("CreateFromRoles")
        request.role_ids.extend(role_ids)
        request.commit = commit
        return read_group_create_from_roles_response(
            await self._call("CreateFromRoles", request, timeout)
        )

    async def get(self, id: str, timeout: float | None = None) -> GroupGetResponse:
        """Read one group by id."""
        return await self._get(id, read_group_get_response, timeout)

    async def update(self, group: Group, timeout: float | None = None) -> GroupUpdateResponse:
        """Replace every field of the group with ``group.id``."""
        return await self._write(
            "Update", "group", write_group, group, read_group_update_response, timeout
        )

    async def delete(self, id: str, timeout: float | None = None) -> GroupDeleteResponse:
        """Delete a group by id."""
        return await self._by_id("Delete", id, read_group_delete_response, timeout)

    def list(self, filter: str, *args: object, timeout: float | None = None) -> ListIterator[Group]:
        """Groups matching ``filter``."""
        return self._list(
            "List", filter, args, timeout, lambda r: [read_group(x) for x in r.groups]
        )


class GroupsRoles(Service):
    """Roles assigned to groups (``client.groups_roles``)."""

    _service = "GroupsRoles"

    async def create(
        self, group_role: GroupRole, timeout: float | None = None
    ) -> GroupRoleCreateResponse:
        """Assign a role to a group."""
        return await self._write(
            "Create",
            "group_role",
            write_group_role,
            group_role,
            read_group_role_create_response,
            timeout,
        )

    async def get(self, id: str, timeout: float | None = None) -> GroupRoleGetResponse:
        """Read one assignment by id."""
        return await self._get(id, read_group_role_get_response, timeout)

    async def delete(self, id: str, timeout: float | None = None) -> GroupRoleDeleteResponse:
        """Remove an assignment by id."""
        return await self._by_id("Delete", id, read_group_role_delete_response, timeout)

    def list(
        self, filter: str, *args: object, timeout: float | None = None
    ) -> ListIterator[GroupRole]:
        """Assignments matching ``filter``."""
        return self._list(
            "List", filter, args, timeout, lambda r: [read_group_role(x) for x in r.groups_roles]
        )
