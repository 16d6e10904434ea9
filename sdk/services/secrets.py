"""Secret stores, secret engines and the managed secrets they hold.

Managed secret values are encrypted to the engine's key before they leave and
decrypted after retrieval by the client's encryption interceptor; these
services only build requests and read answers.
"""

from __future__ import annotations

from aiosdm._generated.models.managed_secrets import (
    ManagedSecret,
    ManagedSecretCreateResponse,
    ManagedSecretDeleteResponse,
    ManagedSecretGetResponse,
    ManagedSecretLog,
    ManagedSecretRetrieveResponse,
    ManagedSecretRotateResponse,
    ManagedSecretUpdateResponse,
    ManagedSecretValidateResponse,
    read_managed_secret,
    read_managed_secret_create_response,
    read_managed_secret_delete_response,
    read_managed_secret_get_response,
    read_managed_secret_log,
    read_managed_secret_retrieve_response,
    read_managed_secret_rotate_response,
    read_managed_secret_update_response,
    read_managed_secret_validate_response,
    write_managed_secret,
)
from aiosdm._generated.models.secret_engine_policy import (
    SecretEnginePasswordPolicy,
    write_secret_engine_password_policy,
)
from aiosdm._generated.models.secret_engine_types import (
    SecretEngine,
    read_secret_engine_item,
    write_secret_engine,
)
from aiosdm._generated.models.secret_engines import (
    GenerateKeysResponse,
    HealthcheckResponse,
    SecretEngineCreateResponse,
    SecretEngineDeleteResponse,
    SecretEngineGetResponse,
    SecretEngineRotateResponse,
    SecretEngineUpdateResponse,
    read_generate_keys_response,
    read_healthcheck_response,
    read_secret_engine_create_response,
    read_secret_engine_delete_response,
    read_secret_engine_get_response,
    read_secret_engine_rotate_response,
    read_secret_engine_update_response,
)
from aiosdm._generated.models.secret_store_types import (
    SecretStore,
    read_secret_store_item,
    write_secret_store,
)
from aiosdm._generated.models.secret_stores import (
    SecretStoreCreateResponse,
    SecretStoreDeleteResponse,
    SecretStoreGetResponse,
    SecretStoreUpdateResponse,
    read_secret_store_create_response,
    read_secret_store_delete_response,
    read_secret_store_get_response,
    read_secret_store_update_response,
)
from aiosdm._pagination import ListIterator
from aiosdm.services._base import Service

__all__ = ["ManagedSecrets", "SecretEngines", "SecretStores"]


class ManagedSecrets(Service):
    """Secrets kept by secret engines (``client.managed_secrets``).

    ``create``/``update`` encrypt ``value`` to the engine's public key (and fail
    rather than send it in plaintext); ``retrieve`` returns it decrypted.
    """

    _service = "ManagedSecrets"

    def list(
        self, filter: str, *args: object, timeout: float | None = None
    ) -> ListIterator[ManagedSecret]:
        """Managed secrets matching ``filter`` (without their values)."""
        return self._list(
            "List",
            filter,
            args,
            timeout,
            lambda r: [read_managed_secret(x) for x in r.managed_secrets],
        )

    def list_by_actor(
        self, filter: str, *args: object, timeout: float | None = None
    ) -> ListIterator[ManagedSecret]:
        """Managed secrets of the calling account matching ``filter``."""
        return self._list(
            "ListByActor",
            filter,
            args,
            timeout,
            lambda r: [read_managed_secret(x) for x in r.managed_secrets],
        )

    async def create(
        self, managed_secret: ManagedSecret, timeout: float | None = None
    ) -> ManagedSecretCreateResponse:
        """Create a managed secret; ``value`` travels encrypted to the engine's key."""
        return await self._write(
            "Create",
            "managed_secret",
            write_managed_secret,
            managed_secret,
            read_managed_secret_create_response,
            timeout,
        )

    async def update(
        self, managed_secret: ManagedSecret, timeout: float | None = None
    ) -> ManagedSecretUpdateResponse:
        """Update a managed secret; ``value`` travels encrypted to the engine's key."""
        return await self._write(
            "Update",
            "managed_secret",
            write_managed_secret,
            managed_secret,
            read_managed_secret_update_response,
            timeout,
        )

    async def rotate(self, id: str, timeout: float | None = None) -> ManagedSecretRotateResponse:
        """Make the engine rotate the secret now."""
        return await self._by_id("Rotate", id, read_managed_secret_rotate_response, timeout)

    async def delete(self, id: str, timeout: float | None = None) -> ManagedSecretDeleteResponse:
        """Delete a managed secret."""
        return await self._by_id("Delete", id, read_managed_secret_delete_response, timeout)

    async def force_delete(
        self, id: str, timeout: float | None = None
    ) -> ManagedSecretDeleteResponse:
        """Delete a managed secret even if the external system cannot be cleaned up."""
        return await self._by_id("ForceDelete", id, read_managed_secret_delete_response, timeout)

    async def get(self, id: str, timeout: float | None = None) -> ManagedSecretGetResponse:
        """Read one managed secret by id, without its value."""
        return await self._get(id, read_managed_secret_get_response, timeout)

    async def retrieve(
        self, id: str, timeout: float | None = None
    ) -> ManagedSecretRetrieveResponse:
        """Read one managed secret with its value (decrypted here, never sent in clear)."""
        return await self._by_id("Retrieve", id, read_managed_secret_retrieve_response, timeout)

    async def validate(
        self, id: str, timeout: float | None = None
    ) -> ManagedSecretValidateResponse:
        """Test the stored credential against its engine."""
        return await self._by_id("Validate", id, read_managed_secret_validate_response, timeout)

    def logs(
        self, filter: str, *args: object, timeout: float | None = None
    ) -> ListIterator[ManagedSecretLog]:
        """Audit records of managed secrets matching ``filter``."""
        return self._list(
            "Logs",
            filter,
            args,
            timeout,
            lambda r: [read_managed_secret_log(x) for x in r.managed_secret_logs],
        )


class SecretEngines(Service):
    """Secret engines (``client.secret_engines``); reading one caches its public key."""

    _service = "SecretEngines"

    def list(
        self, filter: str, *args: object, timeout: float | None = None
    ) -> ListIterator[SecretEngine]:
        """Secret engines matching ``filter``."""
        return self._list(
            "List",
            filter,
            args,
            timeout,
            lambda r: [read_secret_engine_item(x) for x in r.secret_engines],
        )

    async def get(self, id: str, timeout: float | None = None) -> SecretEngineGetResponse:
        """Read one secret engine by id."""
        return await self._get(id, read_secret_engine_get_response, timeout)

    async def create(
        self, secret_engine: SecretEngine, timeout: float | None = None
    ) -> SecretEngineCreateResponse:
        """Register a new secret engine."""
        return await self._write(
            "Create",
            "secret_engine",
            write_secret_engine,
            secret_engine,
            read_secret_engine_create_response,
            timeout,
        )

    async def update(
        self, secret_engine: SecretEngine, timeout: float | None = None
    ) -> SecretEngineUpdateResponse:
        """Replace every field of the engine with ``secret_engine.id``."""
        return await self._write(
            "Update",
            "secret_engine",
            write_secret_engine,
            secret_engine,
            read_secret_engine_update_response,
            timeout,
        )

    async def delete(self, id: str, timeout: float | None = None) -> SecretEngineDeleteResponse:
        """Delete a secret engine by id."""
        return await self._by_id("Delete", id, read_secret_engine_delete_response, timeout)

    def list_secret_stores(
        self, filter: str, *args: object, timeout: float | None = None
    ) -> ListIterator[SecretStore]:
        """Secret stores that can back a secret engine, matching ``filter``."""
        return self._list(
            "ListSecretStores",
            filter,
            args,
            timeout,
            lambda r: [read_secret_store_item(x) for x in r.secret_stores],
        )

    async def generate_keys(
        self, secret_engine_id: str, timeout: float | None = None
    ) -> GenerateKeysResponse:
        """Make a new key pair for the engine (private half kept in its secret store)."""
        return await self._by_id(
            "GenerateKeys",
            secret_engine_id,
            read_generate_keys_response,
            timeout,
            field="secret_engine_id",
        )

    async def healthcheck(
        self, secret_engine_id: str, timeout: float | None = None
    ) -> HealthcheckResponse:
        """Check the engine from every node that serves it."""
        return await self._by_id(
            "Healthcheck",
            secret_engine_id,
            read_healthcheck_response,
            timeout,
            field="secret_engine_id",
        )

    async def rotate(
        self,
        id: str,
        password_policy: SecretEnginePasswordPolicy | None,
        timeout: float | None = None,
    ) -> SecretEngineRotateResponse:
        """Rotate the engine's own credentials, optionally under ``password_policy``."""
        request = self._request("Rotate")
        request.id = id
        if password_policy is not None:
            write_secret_engine_password_policy(password_policy, request.password_policy)
        return read_secret_engine_rotate_response(await self._call("Rotate", request, timeout))


class SecretStores(Service):
    """Secret stores: vaults that hold resource credentials (``client.secret_stores``)."""

    _service = "SecretStores"

    async def create(
        self, secret_store: SecretStore, timeout: float | None = None
    ) -> SecretStoreCreateResponse:
        """Register a new secret store."""
        return await self._write(
            "Create",
            "secret_store",
            write_secret_store,
            secret_store,
            read_secret_store_create_response,
            timeout,
        )

    async def get(self, id: str, timeout: float | None = None) -> SecretStoreGetResponse:
        """Read one secret store by id."""
        return await self._get(id, read_secret_store_get_response, timeout)

    async def update(
        self, secret_store: SecretStore, timeout: float | None = None
    ) -> SecretStoreUpdateResponse:
        """Replace every field of the store with ``secret_store.id``."""
        return await self._write(
            "Update",
            "secret_store",
            write_secret_store,
            secret_store,
            read_secret_store_update_response,
            timeout,
        )

    async def delete(self, id: str, timeout: float | None = None) -> SecretStoreDeleteResponse:
        """Delete a secret store by id."""
        return await self._by_id("Delete", id, read_secret_store_delete_response, timeout)

    def list(
        self, filter: str, *args: object, timeout: float | None = None
    ) -> ListIterator[SecretStore]:
        """Secret stores matching ``filter``."""
        return self._list(
            "List",
            filter,
            args,
            timeout,
            lambda r: [read_secret_store_item(x) for x in r.secret_stores],
        )
