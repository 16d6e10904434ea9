"""One client class per strongDM service, reached as attributes of ``aiosdm.Client``.

Service modules load on first use (PEP 562): each brings in its own models only.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from aiosdm.services._base import CallCore as CallCore
    from aiosdm.services._base import Service as Service
    from aiosdm.services.accounts import AccountAttachments as AccountAttachments
    from aiosdm.services.accounts import AccountGrants as AccountGrants
    from aiosdm.services.accounts import AccountPermissions as AccountPermissions
    from aiosdm.services.accounts import AccountResources as AccountResources
    from aiosdm.services.accounts import Accounts as Accounts
    from aiosdm.services.accounts import AccountsGroups as AccountsGroups
    from aiosdm.services.activities import Activities as Activities
    from aiosdm.services.groups import Groups as Groups
    from aiosdm.services.groups import GroupsRoles as GroupsRoles
    from aiosdm.services.history import AccountAttachmentsHistory as AccountAttachmentsHistory
    from aiosdm.services.history import AccountGrantsHistory as AccountGrantsHistory
    from aiosdm.services.history import AccountResourcesHistory as AccountResourcesHistory
    from aiosdm.services.history import AccountsGroupsHistory as AccountsGroupsHistory
    from aiosdm.services.history import AccountsHistory as AccountsHistory
    from aiosdm.services.history import GroupsHistory as GroupsHistory
    from aiosdm.services.history import GroupsRolesHistory as GroupsRolesHistory
    from aiosdm.services.history import NodesHistory as NodesHistory
    from aiosdm.services.history import ResourcesHistory as ResourcesHistory
    from aiosdm.services.history import RoleResourcesHistory as RoleResourcesHistory
    from aiosdm.services.history import RolesHistory as RolesHistory
    from aiosdm.services.history import SecretStoresHistory as SecretStoresHistory
    from aiosdm.services.nodes import Nodes as Nodes
    from aiosdm.services.resources import Resources as Resources
    from aiosdm.services.roles import RoleResources as RoleResources
    from aiosdm.services.roles import Roles as Roles
    from aiosdm.services.secrets import ManagedSecrets as ManagedSecrets
    from aiosdm.services.secrets import SecretEngines as SecretEngines
    from aiosdm.services.secrets import SecretStores as SecretStores

_WHERE: dict[str, str] = {
    "AccountAttachments": "accounts",
    "AccountAttachmentsHistory": "history",
    "AccountGrants": "accounts",
    "AccountGrantsHistory": "history",
    "AccountPermissions": "accounts",
    "AccountResources": "accounts",
    "AccountResourcesHistory": "history",
    "Accounts": "accounts",
    "AccountsGroups": "accounts",
    "AccountsGroupsHistory": "history",
    "AccountsHistory": "history",
    "Activities": "activities",
    "CallCore": "_base",
    "Groups": "groups",
    "GroupsHistory": "history",
    "GroupsRoles": "groups",
    "GroupsRolesHistory": "history",
    "ManagedSecrets": "secrets",
    "Nodes": "nodes",
    "NodesHistory": "history",
    "Resources": "resources",
    "ResourcesHistory": "history",
    "RoleResources": "roles",
    "RoleResourcesHistory": "history",
    "Roles": "roles",
    "RolesHistory": "history",
    "SecretEngines": "secrets",
    "SecretStores": "secrets",
    "SecretStoresHistory": "history",
    "Service": "_base",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "AccountAttachments",
    "AccountAttachmentsHistory",
    "AccountGrants",
    "AccountGrantsHistory",
    "AccountPermissions",
    "AccountResources",
    "AccountResourcesHistory",
    "Accounts",
    "AccountsGroups",
    "AccountsGroupsHistory",
    "AccountsHistory",
    "Activities",
    "CallCore",
    "Groups",
    "GroupsHistory",
    "GroupsRoles",
    "GroupsRolesHistory",
    "ManagedSecrets",
    "Nodes",
    "NodesHistory",
    "Resources",
    "ResourcesHistory",
    "RoleResources",
    "RoleResourcesHistory",
    "Roles",
    "RolesHistory",
    "SecretEngines",
    "SecretStores",
    "SecretStoresHistory",
    "Service",
]
