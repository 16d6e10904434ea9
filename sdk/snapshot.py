"""Read-only views of the past: ``client.snapshot_at(when)``.

Only the services the API can answer at a point in time are here, each with
``get``/``list`` only, so a write on a snapshot is caught by the type checker
(and is an AttributeError at run time).
"""

from __future__ import annotations

from datetime import datetime

from aiosdm._generated.models.account_attachments import (
    AccountAttachment,
    AccountAttachmentGetResponse,
)
from aiosdm._generated.models.account_grants import AccountGrant, AccountGrantGetResponse
from aiosdm._generated.models.account_permissions import AccountPermission
from aiosdm._generated.models.account_resources import AccountResource
from aiosdm._generated.models.accounts import Account, AccountGetResponse
from aiosdm._generated.models.accounts_groups import AccountGroup, AccountGroupGetResponse
from aiosdm._generated.models.drivers import Resource
from aiosdm._generated.models.groups import Group, GroupGetResponse
from aiosdm._generated.models.groups_roles import GroupRole, GroupRoleGetResponse
from aiosdm._generated.models.nodes import Node, NodeGetResponse
from aiosdm._generated.models.resources import ResourceGetResponse
from aiosdm._generated.models.role_resources import RoleResource
from aiosdm._generated.models.roles import Role, RoleGetResponse
from aiosdm._generated.models.secret_store_types import SecretStore
from aiosdm._generated.models.secret_stores import SecretStoreGetResponse
from aiosdm._pagination import ListIterator
from aiosdm.services import (
    AccountAttachments,
    AccountGrants,
    AccountPermissions,
    AccountResources,
    Accounts,
    AccountsGroups,
    CallCore,
    Groups,
    GroupsRoles,
    Nodes,
    Resources,
    RoleResources,
    Roles,
    SecretStores,
)

__all__ = [
    "SnapshotAccountAttachments",
    "SnapshotAccountGrants",
    "SnapshotAccountPermissions",
    "SnapshotAccountResources",
    "SnapshotAccounts",
    "SnapshotAccountsGroups",
    "SnapshotClient",
    "SnapshotGroups",
    "SnapshotGroupsRoles",
    "SnapshotNodes",
    "SnapshotResources",
    "SnapshotRoleResources",
    "SnapshotRoles",
    "SnapshotSecretStores",
]


class SnapshotAccounts:
    """Accounts as they were."""

    def __init__(self, service: Accounts) -> None:
        self._service = service

    async def get(self, id: str, timeout: float | None = None) -> AccountGetResponse:
        """Read one account by id, as it was."""
        return await self._service.get(id, timeout=timeout)

    def list(
        self, filter: str, *args: object, timeout: float | None = None
    ) -> ListIterator[Account]:
        """Accounts matching ``filter``, as they were."""
        return self._service.list(filter, *args, timeout=timeout)


class SnapshotAccountAttachments:
    """Account attachments as they were."""

    def __init__(self, service: AccountAttachments) -> None:
        self._service = service

    async def get(self, id: str, timeout: float | None = None) -> AccountAttachmentGetResponse:
        """Read one attachment by id, as it was."""
        return await self._service.get(id, timeout=timeout)

    def list(
        self, filter: str, *args: object, timeout: float | None = None
    ) -> ListIterator[AccountAttachment]:
        """Attachments matching ``filter``, as they were."""
        return self._service.list(filter, *args, timeout=timeout)


class SnapshotAccountGrants:
    """Account grants as they were."""

    def __init__(self, service: AccountGrants) -> None:
        self._service = service

    async def get(self, id: str, timeout: float | None = None) -> AccountGrantGetResponse:
        """Read one grant by id, as it was."""
        return await self._service.get(id, timeout=timeout)

    def list(
        self, filter: str, *args: object, timeout: float | None = None
    ) -> ListIterator[AccountGrant]:
        """Grants matching ``filter``, as they were."""
        return self._service.list(filter, *args, timeout=timeout)


class SnapshotAccountPermissions:
    """Account permissions as they were."""

    def __init__(self, service: AccountPermissions) -> None:
        self._service = service

    def list(
        self, filter: str, *args: object, timeout: float | None = None
    ) -> ListIterator[AccountPermission]:
        """Permissions matching ``filter``, as they were."""
        return self._service.list(filter, *args, timeout=timeout)


class SnapshotAccountResources:
    """Account resources as they were."""

    def __init__(self, service: AccountResources) -> None:
        self._service = service

    def list(
        self, filter: str, *args: object, timeout: float | None = None
    ) -> ListIterator[AccountResource]:
        """Account/resource pairs matching ``filter``, as they were."""
        return self._service.list(filter, *args, timeout=timeout)


class SnapshotAccountsGroups:
    """Group memberships as they were."""

    def __init__(self, service: AccountsGroups) -> None:
        self._service = service

    async def get(self, id: str, timeout: float | None = None) -> AccountGroupGetResponse:
        """Read one membership by id, as it was."""
        return await self._service.get(id, timeout=timeout)

    def list(
        self, filter: str, *args: object, timeout: float | None = None
    ) -> ListIterator[AccountGroup]:
        """Memberships matching ``filter``, as they were."""
        return self._service.list(filter, *args, timeout=timeout)


class SnapshotRoles:
    """Roles as they were."""

    def __init__(self, service: Roles) -> None:
        self._service = service

    async def get(self, id: str, timeout: float | None = None) -> RoleGetResponse:
        """Read one role by id, as it was."""
        return await self._service.get(id, timeout=timeout)

    def list(self, filter: str, *args: object, timeout: float | None = None) -> ListIterator[Role]:
        """Roles matching ``filter``, as they were."""
        return self._service.list(filter, *args, timeout=timeout)


class SnapshotGroups:
    """Groups as they were."""

    def __init__(self, service: Groups) -> None:
        self._service = service

    async def get(self, id: str, timeout: float | None = None) -> GroupGetResponse:
        """Read one group by id, as it was."""
        return await self._service.get(id, timeout=timeout)

    def list(self, filter: str, *args: object, timeout: float | None = None) -> ListIterator[Group]:
        """Groups matching ``filter``, as they were."""
        return self._service.list(filter, *args, timeout=timeout)


class SnapshotGroupsRoles:
    """Group role assignments as they were."""

    def __init__(self, service: GroupsRoles) -> None:
        self._service = service

    async def get(self, id: str, timeout: float | None = None) -> GroupRoleGetResponse:
        """Read one assignment by id, as it was."""
        return await self._service.get(id, timeout=timeout)

    def list(
        self, filter: str, *args: object, timeout: float | None = None
    ) -> ListIterator[GroupRole]:
        """Assignments matching ``filter``, as they were."""
        return self._service.list(filter, *args, timeout=timeout)


class SnapshotNodes:
    """Nodes as they were."""

    def __init__(self, service: Nodes) -> None:
        self._service = service

    async def get(self, id: str, timeout: float | None = None) -> NodeGetResponse:
        """Read one node by id, as it was."""
        return await self._service.get(id, timeout=timeout)

    def list(self, filter: str, *args: object, timeout: float | None = None) -> ListIterator[Node]:
        """Nodes matching ``filter``, as they were."""
        return self._service.list(filter, *args, timeout=timeout)


class SnapshotResources:
    """Resources as they were."""

    def __init__(self, service: Resources) -> None:
        self._service = service

    async def get(self, id: str, timeout: float | None = None) -> ResourceGetResponse:
        """Read one resource by id, as it was."""
        return await self._service.get(id, timeout=timeout)

    def list(
        self, filter: str, *args: object, timeout: float | None = None
    ) -> ListIterator[Resource]:
        """Resources matching ``filter``, as they were."""
        return self._service.list(filter, *args, timeout=timeout)


class SnapshotRoleResources:
    """Role resources as they were."""

    def __init__(self, service: RoleResources) -> None:
        self._service = service

    def list(
        self, filter: str, *args: object, timeout: float | None = None
    ) -> ListIterator[RoleResource]:
        """Role/resource pairs matching ``filter``, as they were."""
        return self._service.list(filter, *args, timeout=timeout)


class SnapshotSecretStores:
    """Secret stores as they were."""

    def __init__(self, service: SecretStores) -> None:
        self._service = service

    async def get(self, id: str, timeout: float | None = None) -> SecretStoreGetResponse:
        """Read one secret store by id, as it was."""
        return await self._service.get(id, timeout=timeout)

    def list(
        self, filter: str, *args: object, timeout: float | None = None
    ) -> ListIterator[SecretStore]:
        """Secret stores matching ``filter``, as they were."""
        return self._service.list(filter, *args, timeout=timeout)


class SnapshotClient:
    """The snapshot-capable services, reading the API as it was at ``snapshot_at``.

    Made by :meth:`aiosdm.Client.snapshot_at`; shares that client's connection.
    """

    def __init__(self, core: CallCore, snapshot_at: datetime) -> None:
        if snapshot_at.tzinfo is None or snapshot_at.utcoffset() is None:
            raise ValueError("naive datetime: attach a timezone (e.g. tzinfo=timezone.utc)")
        past = core.at(snapshot_at)
        self.snapshot_at = snapshot_at
        self.account_attachments = SnapshotAccountAttachments(AccountAttachments(past))
        self.account_grants = SnapshotAccountGrants(AccountGrants(past))
        self.account_permissions = SnapshotAccountPermissions(AccountPermissions(past))
        self.account_resources = SnapshotAccountResources(AccountResources(past))
        self.accounts = SnapshotAccounts(Accounts(past))
        self.accounts_groups = SnapshotAccountsGroups(AccountsGroups(past))
        self.roles = SnapshotRoles(Roles(past))
        self.groups = SnapshotGroups(Groups(past))
        self.groups_roles = SnapshotGroupsRoles(GroupsRoles(past))
        self.nodes = SnapshotNodes(Nodes(past))
        self.resources = SnapshotResources(Resources(past))
        self.role_resources = SnapshotRoleResources(RoleResources(past))
        self.secret_stores = SnapshotSecretStores(SecretStores(past))

    def __repr__(self) -> str:
        return f"SnapshotClient(snapshot_at={self.snapshot_at.isoformat()})"
