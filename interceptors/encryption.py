"""Encryption of managed secret values, end to end between this client and the engine.

* ``SecretEngines.Get``/``List`` (and Create/Update) answers fill a cache of engine
  public keys; GenerateKeys, Rotate and Delete drop the engine's cached key.
* ``ManagedSecrets.Create``/``Update`` with a value: the value is encrypted with
  the engine's key (RSA-OAEP, SHA-256, MGF1-SHA-256, no label) in a *copy* of the
  request, so every attempt starts from the plaintext and nothing is encrypted
  twice. When no key can be had the call fails with
  :class:`~aiosdm.errors.EncryptionError`: a secret never leaves in plaintext.
* ``ManagedSecrets.Retrieve``: a copy of the request carries this client's public
  key; the answer is decrypted before it is returned, on every attempt.

The client's RSA-4096 key is made once, in a worker thread (it takes a second
of CPU), and callers that need it at the same time share that one generation.

``cryptography`` is imported only when a key is first needed: most clients never
touch a managed secret, and it is the biggest import of the client.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Awaitable, Callable, Coroutine
from typing import TYPE_CHECKING, Any

from aiosdm import errors
from aiosdm._async import SingleFlight
from aiosdm.interceptors._chain import Call, Handler, Interceptor, Outbound

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric import padding, rsa

__all__ = ["EncryptionInterceptor", "generate_client_key"]

# Answers that carry engines (and so their current public keys).
_ENGINE_ONE = frozenset(
    {"/v1.SecretEngines/Get", "/v1.SecretEngines/Create", "/v1.SecretEngines/Update"}
)
_ENGINE_LIST = "/v1.SecretEngines/List"
# Calls after which an engine's key may have changed: forget it, fetch it again when needed.
_ENGINE_REKEY = {
    "/v1.SecretEngines/GenerateKeys": "secret_engine_id",
    "/v1.SecretEngines/Rotate": "id",
    "/v1.SecretEngines/Delete": "id",
}
_SECRET_WRITES = frozenset({"/v1.ManagedSecrets/Create", "/v1.ManagedSecrets/Update"})
_SECRET_RETRIEVE = "/v1.ManagedSecrets/Retrieve"
#: The calls this link does anything to; every other one passes straight through.
_WATCHED = frozenset(
    {*_ENGINE_ONE, _ENGINE_LIST, *_ENGINE_REKEY, *_SECRET_WRITES, _SECRET_RETRIEVE}
)


def _oaep() -> padding.OAEP:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    return padding.OAEP(
        mgf=padding.MGF1(algorithm=hashes.SHA256()), algorithm=hashes.SHA256(), label=None
    )


def generate_client_key() -> rsa.RSAPrivateKey:
    """A new RSA-4096 key (e = 65537) for receiving secrets. Slow: call it in a thread."""
    from cryptography.hazmat.primitives.asymmetric import rsa

    return rsa.generate_private_key(public_exponent=65537, key_size=4096)


#: Fetches an engine by id through the client (so its answer fills the cache).
EngineFetcher = Callable[[str, "float | None"], Awaitable[Any]]


class EncryptionInterceptor(Interceptor):
    """Encrypts managed secret values and decrypts retrieved ones.

    Args:
        fetch_engine: called with (engine id, deadline) when a write needs a key
            that is not cached; the client passes its own ``SecretEngines.Get``.
        key_factory: makes the client key pair; it runs in a worker thread.
    """

    def __init__(
        self,
        fetch_engine: EngineFetcher | None = None,
        *,
        key_factory: Callable[[], rsa.RSAPrivateKey] = generate_client_key,
    ) -> None:
        self.fetch_engine = fetch_engine
        self.key_factory = key_factory
        self.public_keys: dict[str, rsa.RSAPublicKey] = {}
        self._client_key: tuple[rsa.RSAPrivateKey, bytes] | None = None
        self._generating: SingleFlight[None, tuple[rsa.RSAPrivateKey, bytes]] = SingleFlight()
        self._fetching: SingleFlight[str, None] = SingleFlight()  # by engine id

    def __repr__(self) -> str:
        return f"EncryptionInterceptor(cached_engines={len(self.public_keys)})"

    def intercept(self, next: Handler) -> Handler:
        return _EncryptionOutbound(next, self)

    def remember_engines(self, engines: Any) -> None:
        """Cache the public key of each ``SecretEngine`` message in ``engines``."""
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import rsa

        for engine in engines:
            arm_name = engine.WhichOneof("secret_engine")
            if arm_name is None:
                continue
            arm = getattr(engine, arm_name)
            if not arm.public_key:
                continue
            try:
                key = serialization.load_pem_public_key(arm.public_key)
            except ValueError:
                continue  # not a key we can use; a write to this engine will fail clearly
            if isinstance(key, rsa.RSAPublicKey):
                self.public_keys[arm.id] = key

    async def client_key(self) -> tuple[rsa.RSAPrivateKey, bytes]:
        """This client's key pair and its PEM public key, generated on first use."""
        if self._client_key is not None:
            return self._client_key
        # One generation for every caller; one giving up does not stop it for the others,
        # and after a failure the next caller tries again.
        return await self._generating.run(None, self._generate)

    async def _generate(self) -> tuple[rsa.RSAPrivateKey, bytes]:
        from cryptography.hazmat.primitives import serialization

        private_key = await asyncio.to_thread(self.key_factory)
        pem = private_key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        # Kept before the task ends, so a caller arriving then never starts a second one.
        self._client_key = private_key, pem
        return self._client_key

    async def engine_key(self, engine_id: str, deadline: float | None) -> rsa.RSAPublicKey:
        """The public key of ``engine_id``, fetched once if not cached.

        Raises:
            EncryptionError: the key cannot be had.
        """
        key = self.public_keys.get(engine_id)
        if key is not None:
            return key
        if self.fetch_engine is None:
            raise errors.EncryptionError(
                f"no public key known for secret engine {engine_id!r}; value not sent"
            )
        fetch_engine = self.fetch_engine

        async def fetch() -> None:
            await fetch_engine(engine_id, deadline)  # its answer fills the cache

        try:
            await self._fetching.run(engine_id, fetch)
        except errors.RPCError as exc:
            raise errors.EncryptionError(
                f"cannot get the public key of secret engine {engine_id!r} "
                f"({type(exc).__name__}: {exc.msg}); value not sent"
            ) from exc
        key = self.public_keys.get(engine_id)
        if key is None:
            raise errors.EncryptionError(
                f"secret engine {engine_id!r} has no usable public key; value not sent"
            )
        return key


class _EncryptionOutbound(Outbound):
    def __init__(self, next: Handler, config: EncryptionInterceptor) -> None:
        super().__init__(next)
        self._config = config

    def unary(self, call: Call) -> Coroutine[Any, Any, Any]:
        # Most calls touch no secret: handing them on without a coroutine of this link's own
        # keeps their cost to one dictionary lookup.
        if call.method.path not in _WATCHED:
            return self.next.unary(call)
        return self._watched(call)

    async def _watched(self, call: Call) -> Any:
        path = call.method.path
        if path in _SECRET_WRITES:
            return await self._write(call)
        if path == _SECRET_RETRIEVE:
            return await self._retrieve(call)
        rekeyed = _ENGINE_REKEY.get(path)
        if rekeyed is not None:
            self._config.public_keys.pop(getattr(call.request, rekeyed), None)
        response = await self.next.unary(call)
        if path in _ENGINE_ONE:
            if response.HasField("secret_engine"):
                self._config.remember_engines([response.secret_engine])
        elif path == _ENGINE_LIST:
            self._config.remember_engines(response.secret_engines)
        return response

    async def _write(self, call: Call) -> Any:
        secret = call.request.managed_secret
        if not secret.value:
            return await self.next.unary(call)
        key = await self._config.engine_key(secret.secret_engine_id, call.deadline)
        request = type(call.request)()
        request.CopyFrom(call.request)
        request.managed_secret.value = key.encrypt(secret.value, _oaep())
        return await self.next.unary(dataclasses.replace(call, request=request, body=None))

    async def _retrieve(self, call: Call) -> Any:
        private_key, pem = await self._config.client_key()
        request = type(call.request)()
        request.CopyFrom(call.request)
        request.public_key = pem
        response = await self.next.unary(dataclasses.replace(call, request=request, body=None))
        secret = response.managed_secret
        if secret.value:
            # RSA-4096 decryption takes milliseconds of CPU: keep it off the loop.
            try:
                plaintext = await asyncio.to_thread(private_key.decrypt, secret.value, _oaep())
            except ValueError:
                raise errors.EncryptionError(
                    "the retrieved secret value cannot be decrypted with this client's key"
                ) from None
            secret.value = plaintext
        return response
