"""One client class per strongDM service, reached as attributes of ``aiosdm.Client``."""

from aiosdm.services._base import CallCore, Service
from aiosdm.services.accounts import (
    AccountAttachments,
    AccountGrants,
    AccountPermissions,
    AccountResources,
    Accounts,
    AccountsGroups,
)
from aiosdm.services.activities import Activities
from aiosdm.services.groups import Groups, GroupsRoles
from aiosdm.services.history import (
    AccountAttachmentsHistory,
    AccountGrantsHistory,
    AccountResourcesHistory,
    AccountsGroupsHistory,
    AccountsHistory,
    GroupsHistory,
    GroupsRolesHistory,
    NodesHistory,
    ResourcesHistory,
    RoleResourcesHistory,
    RolesHistory,
    SecretStoresHistory,
)
from aiosdm.services.nodes import Nodes
from aiosdm.services.resources import Resources
from aiosdm.services.roles import RoleResources, Roles
from aiosdm.services.secrets import ManagedSecrets, SecretEngines, SecretStores

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
