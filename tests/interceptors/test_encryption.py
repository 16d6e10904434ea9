"""Managed secrets: encrypted to the engine before leaving, decrypted after retrieval."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

import grpc
import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from aiosdm import errors
from aiosdm._generated import models as M
from aiosdm._generated.v1 import spec_pb2
from aiosdm.client import Client
from aiosdm.interceptors import RetryPolicy, generate_client_key

from ..client._servers import ACCESS_KEY, SECRET, Abort, Received, ScriptedServer, timestamp

OAEP = padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=None)
ENGINE_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
ENGINE_PEM = ENGINE_KEY.public_key().public_bytes(
    serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
)
PLAINTEXT = b"s3cr3t-p4ssw0rd"


class SecretsService:
    """Engines with a real key pair; stores only what it can decrypt."""

    def __init__(self, *, publish_key: bool = True, engines: tuple[str, ...] = ("se-1",)):
        self.publish_key = publish_key
        self.engines = engines
        self.stored: dict[str, bytes] = {}
        self.ciphertexts: list[bytes] = []
        self.faults: dict[str, list[Abort]] = {}

    def _engine(self, target: Any, engine_id: str) -> None:
        target.key_value.id = engine_id
        target.key_value.name = "kv"
        if self.publish_key:
            target.key_value.public_key = ENGINE_PEM

    async def __call__(self, received: Received) -> Any:
        method = received.spec.method
        faults = self.faults.get(received.path)
        if faults:
            raise faults.pop(0)
        request = received.message()
        response = received.spec.response()
        if received.path == "/v1.SecretEngines/Get":
            if request.id not in self.engines:
                raise Abort(grpc.StatusCode.NOT_FOUND, f"cannot find engine {request.id}")
            self._engine(response.secret_engine, request.id)
        elif received.path == "/v1.SecretEngines/List":
            for engine_id in self.engines:
                self._engine(response.secret_engines.add(), engine_id)
        elif method in ("Create", "Update"):
            value = request.managed_secret.value
            self.ciphertexts.append(value)
            try:
                plain = ENGINE_KEY.decrypt(value, OAEP)
            except ValueError:
                raise Abort(grpc.StatusCode.INVALID_ARGUMENT, "value is not encrypted") from None
            self.stored["ms-1"] = plain
            response.managed_secret.id = "ms-1"
            response.managed_secret.name = request.managed_secret.name
        elif method == "Retrieve":
            key = serialization.load_pem_public_key(request.public_key)
            assert isinstance(key, rsa.RSAPublicKey)
            response.managed_secret.id = request.id
            response.managed_secret.value = key.encrypt(self.stored[request.id], OAEP)
        return response


def connect(server: ScriptedServer, **kw: Any) -> Client:
    kw.setdefault("retry_policy", RetryPolicy(base_delay=0.001))
    return Client(ACCESS_KEY, SECRET, host=server.target, insecure=True, **kw)


def secret(**kw: Any) -> M.ManagedSecret:
    return M.ManagedSecret(name="db", secret_engine_id="se-1", value=PLAINTEXT, **kw)


async def test_created_secret_comes_back_as_plaintext_while_the_server_sees_ciphertext() -> None:
    service = SecretsService()
    async with ScriptedServer(service) as server, connect(server) as client:
        created = await client.managed_secrets.create(secret())
        retrieved = await client.managed_secrets.retrieve(created.managed_secret.id)
        await client.managed_secrets.update(secret(id="ms-1"))
    assert retrieved.managed_secret.value == PLAINTEXT
    assert service.stored["ms-1"] == PLAINTEXT
    assert all(PLAINTEXT not in r.body for r in server.received)
    assert server.paths() == [
        "/v1.SecretEngines/Get",
        "/v1.ManagedSecrets/Create",
        "/v1.ManagedSecrets/Retrieve",
        "/v1.ManagedSecrets/Update",
    ]


async def test_concurrent_writes_fetch_the_engine_key_once() -> None:
    async with ScriptedServer(SecretsService()) as server, connect(server) as client:
        await asyncio.gather(*(client.managed_secrets.create(secret()) for _ in range(10)))
    assert server.paths().count("/v1.SecretEngines/Get") == 1


async def test_listing_engines_fills_the_key_cache() -> None:
    async with ScriptedServer(SecretsService()) as server, connect(server) as client:
        [e async for e in client.secret_engines.list("")]
        await client.managed_secrets.create(secret())
    assert "/v1.SecretEngines/Get" not in server.paths()


@pytest.mark.parametrize("service", [SecretsService(engines=()), SecretsService(publish_key=False)])
async def test_without_an_engine_key_nothing_is_sent(service: SecretsService) -> None:
    async with ScriptedServer(service) as server, connect(server) as client:
        with pytest.raises(errors.EncryptionError) as caught:
            await client.managed_secrets.create(secret())
    assert "/v1.ManagedSecrets/Create" not in server.paths()
    assert PLAINTEXT.decode() not in str(caught.value)
    assert all(PLAINTEXT not in r.body for r in server.received)


async def test_an_empty_value_needs_no_key() -> None:
    async with ScriptedServer(SecretsService()) as server, connect(server) as client:
        with pytest.raises(errors.BadRequestError):
            await client.managed_secrets.create(M.ManagedSecret(name="x", secret_engine_id="se-1"))
    assert server.paths() == ["/v1.ManagedSecrets/Create"]


async def test_a_retried_write_is_encrypted_once_per_attempt() -> None:
    service = SecretsService()
    reset = timestamp(time.time() + 0.05)
    limit = spec_pb2.RateLimitMetadata(limit=5, reset_at=reset, bucket="k")
    service.faults["/v1.ManagedSecrets/Create"] = [
        Abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "rate limited", rate_limit=limit)
    ]
    async with ScriptedServer(service) as server, connect(server) as client:
        await client.managed_secrets.create(secret())
    creates = [r.message() for r in server.received if r.path.endswith("/Create")]
    assert len(creates) == 2
    first, second = (c.managed_secret.value for c in creates)
    assert first != second  # fresh randomized encryption of the same plaintext
    assert ENGINE_KEY.decrypt(first, OAEP) == ENGINE_KEY.decrypt(second, OAEP) == PLAINTEXT


async def test_a_retried_retrieve_is_still_decrypted() -> None:
    service = SecretsService()
    service.stored["ms-1"] = PLAINTEXT
    service.faults["/v1.ManagedSecrets/Retrieve"] = [Abort(grpc.StatusCode.UNAVAILABLE, "blip")]
    async with ScriptedServer(service) as server, connect(server) as client:
        retrieved = await client.managed_secrets.retrieve("ms-1")
    assert retrieved.managed_secret.value == PLAINTEXT
    keys = {r.message().public_key for r in server.received}
    assert len(keys) == 1 and next(iter(keys)).startswith(b"-----BEGIN PUBLIC KEY-----")


async def test_the_client_key_is_made_once_off_the_event_loop() -> None:
    service = SecretsService()
    service.stored["ms-1"] = PLAINTEXT
    loop_thread = threading.get_ident()
    made_in: list[int] = []

    def key_factory() -> rsa.RSAPrivateKey:
        made_in.append(threading.get_ident())
        return generate_client_key()

    async with (
        ScriptedServer(service) as server,
        connect(server, client_key_factory=key_factory) as client,
    ):
        answers = await asyncio.gather(
            *(client.managed_secrets.retrieve("ms-1") for _ in range(50))
        )
    assert len(made_in) == 1
    assert made_in[0] != loop_thread
    assert {a.managed_secret.value for a in answers} == {PLAINTEXT}
    key = serialization.load_pem_public_key(server.received[0].message().public_key)
    assert isinstance(key, rsa.RSAPublicKey) and key.key_size == 4096


async def test_after_a_failed_key_generation_the_next_caller_tries_again() -> None:
    service = SecretsService()
    service.stored["ms-1"] = PLAINTEXT
    attempts: list[int] = []

    def key_factory() -> rsa.RSAPrivateKey:
        attempts.append(1)
        if len(attempts) == 1:
            raise RuntimeError("no entropy yet")
        return rsa.generate_private_key(public_exponent=65537, key_size=2048)

    async with (
        ScriptedServer(service) as server,
        connect(server, client_key_factory=key_factory) as client,
    ):
        with pytest.raises(RuntimeError, match="no entropy yet"):
            await client.managed_secrets.retrieve("ms-1")
        retrieved = await client.managed_secrets.retrieve("ms-1")
        again = await client.managed_secrets.retrieve("ms-1")
    assert retrieved.managed_secret.value == again.managed_secret.value == PLAINTEXT
    assert len(attempts) == 2  # failed once, then made once and kept
    assert len(server.received) == 2  # nothing was sent without a key


async def test_the_engine_key_fetched_on_the_way_needs_no_slot_of_its_own() -> None:
    # With one call in flight allowed, the create holds it; the engine Get it makes on the
    # way must not wait behind it (that would wait forever).
    async with (
        ScriptedServer(SecretsService()) as server,
        connect(server, max_in_flight=1) as client,
    ):
        secret = M.ManagedSecret(name="db", secret_engine_id="se-1", value=PLAINTEXT)
        await asyncio.wait_for(client.managed_secrets.create(secret), 30)
    assert server.paths() == ["/v1.SecretEngines/Get", "/v1.ManagedSecrets/Create"]
