"""History services: every recorded version of an entity, with who changed it and when.

Each has ``list`` only; records carry ``activity_id``, ``timestamp``, the entity
as it was, and ``deleted_at`` once it was deleted.
"""

from __future__ import annotations

from aiosdm._generated.models.account_attachments_history import (
    AccountAttachmentHistory,
    read_account_attachment_history,
)
from aiosdm._generated.models.account_grants_history import (
    AccountGrantHistory,
    read_account_grant_history,
)
from aiosdm._generated.models.account_resources_history import (
    AccountResourceHistory,
    read_account_resource_history,
)
from aiosdm._generated.models.accounts_groups_history import (
    AccountGroupHistory,
    read_account_group_history,
)
from aiosdm._generated.models.accounts_history import AccountHistory, read_account_history
from aiosdm._generated.models.groups_history import GroupHistory, read_group_history
from aiosdm._generated.models.groups_roles_history import GroupRoleHistory, read_group_role_history
from aiosdm._generated.models.nodes_history import NodeHistory, read_node_history
from aiosdm._generated.models.resources_history import ResourceHistory, read_resource_history
from aiosdm._generated.models.role_resources_history import (
    RoleResourceHistory,
    read_role_resource_history,
)
from aiosdm._generated.models.roles_history import RoleHistory, read_role_history
from aiosdm._generated.models.secret_stores_history import (
    SecretStoreHistory,
    read_secret_store_history,
)
from aiosdm._pagination import ListIterator
from aiosdm.services._base import Service

__all__ = [
    "AccountAttachmentsHistory",
    "AccountGrantsHistory",
    "AccountResourcesHistory",
    "AccountsGroupsHistory",
    "AccountsHistory",
    "GroupsHistory",
    "GroupsRolesHistory",
    "NodesHistory",
    "ResourcesHistory",
    "RoleResourcesHistory",
    "RolesHistory",
    "SecretStoresHistory",
]


class AccountAttachmentsHistory(Service):
    """Past versions of account attachments."""

    _service = "AccountAttachmentsHistory"

    def list(
        self, filter: str, *args: object, timeout: float | None = None
    ) -> ListIterator[AccountAttachmentHistory]:
        """History records matching ``filter``."""
        return self._list(
            "List",
            filter,
            args,
            timeout,
            lambda r: [read_account_attachment_history(x) for x in r.history],
        )


class AccountGrantsHistory(Service):
    """Past versions of account grants."""

    _service = "AccountGrantsHistory"

    def list(
        self, filter: str, *args: object, timeout: float | None = None
    ) -> ListIterator[AccountGrantHistory]:
        """History records matching ``filter``."""
        return self._list(
            "List",
            filter,
            args,
            timeout,
            lambda r: [read_account_grant_history(x) for x in r.history],
        )


class AccountResourcesHistory(Service):
    """Past versions of account resources."""

    _service = "AccountResourcesHistory"

    def list(
        self, filter: str, *args: object, timeout: float | None = None
    ) -> ListIterator[AccountResourceHistory]:
        """History records matching ``filter``."""
        return self._list(
            "List",
            filter,
            args,
            timeout,
            lambda r: [read_account_resource_history(x) for x in r.history],
        )


class AccountsGroupsHistory(Service):
    """Past versions of group memberships."""

    _service = "AccountsGroupsHistory"

    def list(
        self, filter: str, *args: object, timeout: float | None = None
    ) -> ListIterator[AccountGroupHistory]:
        """History records matching ``filter``."""
        return self._list(
            "List",
            filter,
            args,
            timeout,
            lambda r: [read_account_group_history(x) for x in r.history],
        )


class AccountsHistory(Service):
    """Past versions of accounts."""

    _service = "AccountsHistory"

    def list(
        self, filter: str, *args: object, timeout: float | None = None
    ) -> ListIterator[AccountHistory]:
        """History records matching ``filter``."""
        return self._list(
            "List", filter, args, timeout, lambda r: [read_account_history(x) for x in r.history]
        )


class GroupsHistory(Service):
    """Past versions of groups."""

    _service = "GroupsHistory"

    def list(
        self, filter: str, *args: object, timeout: float | None = None
    ) -> ListIterator[GroupHistory]:
        """History records matching ``filter``."""
        return self._list(
            "List", filter, args, timeout, lambda r: [read_group_history(x) for x in r.history]
        )


class GroupsRolesHistory(Service):
    """Past versions of group role assignments."""

    _service = "GroupsRolesHistory"

    def list(
        self, filter: str, *args: object, timeout: float | None = None
    ) -> ListIterator[GroupRoleHistory]:
        """History records matching ``filter``."""
        return self._list(
            "List", filter, args, timeout, lambda r: [read_group_role_history(x) for x in r.history]
        )


class NodesHistory(Service):
    """Past versions of nodes."""

    _service = "NodesHistory"

    def list(
        self, filter: str, *args: object, timeout: float | None = None
    ) -> ListIterator[NodeHistory]:
        """History records matching ``filter``."""
        return self._list(
            "List", filter, args, timeout, lambda r: [read_node_history(x) for x in r.history]
        )


class ResourcesHistory(Service):
    """Past versions of resources."""

    _service = "ResourcesHistory"

    def list(
        self, filter: str, *args: object, timeout: float | None = None
    ) -> ListIterator[ResourceHistory]:
        """History records matching ``filter``."""
        return self._list(
            "List", filter, args, timeout, lambda r: [read_resource_history(x) for x in r.history]
        )


class RoleResourcesHistory(Service):
    """Past versions of role resources."""

    _service = "RoleResourcesHistory"

    def list(
        self, filter: str, *args: object, timeout: float | None = None
    ) -> ListIterator[RoleResourceHistory]:
        """History records matching ``filter``."""
        return self._list(
            "List",
            filter,
            args,
            timeout,
            lambda r: [read_role_resource_history(x) for x in r.history],
        )


class RolesHistory(Service):
    """Past versions of roles."""

    _service = "RolesHistory"

    def list(
        self, filter: str, *args: object, timeout: float | None = None
    ) -> ListIterator[RoleHistory]:
        """History records matching ``filter``."""
        return self._list(
            "List", filter, args, timeout, lambda r: [read_role_history(x) for x in r.history]
        )


class SecretStoresHistory(Service):
    """Past versions of secret stores."""

    _service = "SecretStoresHistory"

    def list(
        self, filter: str, *args: object, timeout: float | None = None
    ) -> ListIterator[SecretStoreHistory]:
        """History records matching ``filter``."""
        return self._list(
            "List",
            filter,
            args,
            timeout,
            lambda r: [read_secret_store_history(x) for x in r.history],
        )
