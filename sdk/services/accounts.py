"""Accounts and what links them to roles, groups and resources."""

from __future__ import annotations

from aiosdm._generated.models.account_attachments import (
    AccountAttachment,
    AccountAttachmentCreateResponse,
    AccountAttachmentDeleteResponse,
    AccountAttachmentGetResponse,
    read_account_attachment,
    read_account_attachment_create_response,
    read_account_attachment_delete_response,
    read_account_attachment_get_response,
    write_account_attachment,
)
from aiosdm._generated.models.account_grants import (
    AccountGrant,
    AccountGrantCreateResponse,
    AccountGrantDeleteResponse,
    AccountGrantGetResponse,
    read_account_grant,
    read_account_grant_create_response,
    read_account_grant_delete_response,
    read_account_grant_get_response,
    write_account_grant,
)
from aiosdm._generated.models.account_permissions import (
    AccountPermission,
    read_account_permission,
)
from aiosdm._generated.models.account_resources import AccountResource, read_account_resource
from aiosdm._generated.models.accounts import (
    Account,
    AccountCreateResponse,
    AccountDeleteResponse,
    AccountGetResponse,
    AccountUpdateResponse,
    read_account_create_response,
    read_account_delete_response,
    read_account_get_response,
    read_account_item,
    read_account_update_response,
    write_account,
)
from aiosdm._generated.models.accounts_groups import (
    AccountGroup,
    AccountGroupCreateResponse,
    AccountGroupDeleteResponse,
    AccountGroupGetResponse,
    read_account_group,
    read_account_group_create_response,
    read_account_group_delete_response,
    read_account_group_get_response,
    write_account_group,
)
from aiosdm._pagination import ListIterator
from aiosdm.services._base import Service

__all__ = [
    "AccountAttachments",
    "AccountGrants",
    "AccountPermissions",
    "AccountResources",
    "Accounts",
    "AccountsGroups",
]


class Accounts(Service):
    """Users, service accounts and API tokens (``client.accounts``)."""

    _service = "Accounts"

    async def create(self, account: Account, timeout: float | None = None) -> AccountCreateResponse:
        """Register a new account; a Token or Service answer includes its key pair."""
        return await self._write(
            "Create", "account", write_account, account, read_account_create_response, timeout
        )

    async def get(self, id: str, timeout: float | None = None) -> AccountGetResponse:
        """Read one account by id."""
        return await self._get(id, read_account_get_response, timeout)

    async def update(self, account: Account, timeout: float | None = None) -> AccountUpdateResponse:
        """Replace every field of the account with ``account.id``."""
        return await self._write(
            "Update", "account", write_account, account, read_account_update_response, timeout
        )

    async def delete(self, id: str, timeout: float | None = None) -> AccountDeleteResponse:
        """Delete an account by id."""
        return await self._by_id("Delete", id, read_account_delete_response, timeout)

    def list(
        self, filter: str, *args: object, timeout: float | None = None
    ) -> ListIterator[Account]:
        """Accounts matching ``filter`` (``?`` placeholders filled from ``args``)."""
        return self._list(
            "List", filter, args, timeout, lambda r: [read_account_item(a) for a in r.accounts]
        )


class AccountAttachments(Service):
    """Role memberships of accounts (``client.account_attachments``)."""

    _service = "AccountAttachments"

    async def create(
        self, account_attachment: AccountAttachment, timeout: float | None = None
    ) -> AccountAttachmentCreateResponse:
        """Attach an account to a role."""
        return await self._write(
            "Create",
            "account_attachment",
            write_account_attachment,
            account_attachment,
            read_account_attachment_create_response,
            timeout,
        )

    async def get(self, id: str, timeout: float | None = None) -> AccountAttachmentGetResponse:
        """Read one attachment by id."""
        return await self._get(id, read_account_attachment_get_response, timeout)

    async def delete(
        self, id: str, timeout: float | None = None
    ) -> AccountAttachmentDeleteResponse:
        """Remove an attachment by id."""
        return await self._by_id("Delete", id, read_account_attachment_delete_response, timeout)

    def list(
        self, filter: str, *args: object, timeout: float | None = None
    ) -> ListIterator[AccountAttachment]:
        """Attachments matching ``filter``."""
        return self._list(
            "List",
            filter,
            args,
            timeout,
            lambda r: [read_account_attachment(a) for a in r.account_attachments],
        )


class AccountGrants(Service):
    """Direct (optionally time-bound) access of an account to a resource."""

    _service = "AccountGrants"

    async def create(
        self, account_grant: AccountGrant, timeout: float | None = None
    ) -> AccountGrantCreateResponse:
        """Grant an account access to a resource."""
        return await self._write(
            "Create",
            "account_grant",
            write_account_grant,
            account_grant,
            read_account_grant_create_response,
            timeout,
        )

    async def get(self, id: str, timeout: float | None = None) -> AccountGrantGetResponse:
        """Read one grant by id."""
        return await self._get(id, read_account_grant_get_response, timeout)

    async def delete(self, id: str, timeout: float | None = None) -> AccountGrantDeleteResponse:
        """Revoke a grant by id."""
        return await self._by_id("Delete", id, read_account_grant_delete_response, timeout)

    def list(
        self, filter: str, *args: object, timeout: float | None = None
    ) -> ListIterator[AccountGrant]:
        """Grants matching ``filter``."""
        return self._list(
            "List",
            filter,
            args,
            timeout,
            lambda r: [read_account_grant(g) for g in r.account_grants],
        )


class AccountPermissions(Service):
    """The API permissions each account holds (read-only)."""

    _service = "AccountPermissions"

    def list(
        self, filter: str, *args: object, timeout: float | None = None
    ) -> ListIterator[AccountPermission]:
        """Permissions matching ``filter``."""
        return self._list(
            "List",
            filter,
            args,
            timeout,
            lambda r: [read_account_permission(p) for p in r.permissions],
        )


class AccountResources(Service):
    """Which resources each account can reach, and through what (read-only)."""

    _service = "AccountResources"

    def list(
        self, filter: str, *args: object, timeout: float | None = None
    ) -> ListIterator[AccountResource]:
        """Account/resource pairs matching ``filter``."""
        return self._list(
            "List",
            filter,
            args,
            timeout,
            lambda r: [read_account_resource(a) for a in r.account_resources],
        )


class AccountsGroups(Service):
    """Group memberships of accounts (``client.accounts_groups``)."""

    _service = "AccountsGroups"

    async def create(
        self, account_group: AccountGroup, timeout: float | None = None
    ) -> AccountGroupCreateResponse:
        """Add an account to a group."""
        return await self._write(
            "Create",
            "account_group",
            write_account_group,
            account_group,
            read_account_group_create_response,
            timeout,
        )

    async def get(self, id: str, timeout: float | None = None) -> AccountGroupGetResponse:
        """Read one membership by id."""
        return await self._get(id, read_account_group_get_response, timeout)

    async def delete(self, id: str, timeout: float | None = None) -> AccountGroupDeleteResponse:
        """Remove a membership by id."""
        return await self._by_id("Delete", id, read_account_group_delete_response, timeout)

    def list(
        self, filter: str, *args: object, timeout: float | None = None
    ) -> ListIterator[AccountGroup]:
        """Memberships matching ``filter``."""
        return self._list(
            "List",
            filter,
            args,
            timeout,
            lambda r: [read_account_group(g) for g in r.account_groups],
        )
