"""Secret engines and managed secrets.

Each engine holds an RSA key pair; its public half is ``public_key`` (PEM). Clients
encrypt secret values to it (RSA-OAEP, SHA-256, MGF1-SHA-256, no label) and the
server refuses anything else. ``Retrieve`` encrypts the value to the caller's own
public key. Values are kept apart from the versioned entities (so no history, list
or log ever carries them) and are never logged.
"""

from __future__ import annotations

import asyncio
import string
from typing import Any

from cryptography.hazmat.primitives.asymmetric import rsa
from google.protobuf.message import Message

from aiosdm._generated.kinds import KINDS
from aiosdm._generated.v1 import managed_secrets_pb2
from aiosdm.testing._crypto import (
    KeyPair,
    decrypt,
    encrypt_to_pem,
    generate_keypair,
    load_private,
    password,
)
from aiosdm.testing._engine import (
    Env,
    Rules,
    ServerCall,
    ServerHandler,
    cascade_delete,
    create_in,
    entity_of,
    logged_list_handler,
    respond,
    update_in,
)
from aiosdm.testing._errors import bad_request, not_found
from aiosdm.testing._fields import body, us_timestamp
from aiosdm.testing._store import Tx

__all__ = ["RULES"]

_ENGINE = KINDS["secret_engine"]
_SECRET = KINDS["managed_secret"]
_NODE = KINDS["node"]


class _EngineKeys:
    """Engine private keys, parsed once; used on the store thread only."""

    def __init__(self) -> None:
        self._cache: dict[str, rsa.RSAPrivateKey] = {}

    def save(self, tx: Tx, engine_id: str, pair: KeyPair) -> None:
        tx.sql(
            "INSERT OR REPLACE INTO engine_keys(engine_id, private_pem) VALUES (?,?)",
            (engine_id, pair.private_pem),
        )
        self._cache.pop(engine_id, None)

    def drop(self, tx: Tx, engine_id: str) -> None:
        tx.sql("DELETE FROM engine_keys WHERE engine_id=?", (engine_id,))
        self._cache.pop(engine_id, None)

    def get(self, tx: Tx, engine_id: str) -> rsa.RSAPrivateKey:
        key = self._cache.get(engine_id)
        if key is None:
            row = tx.sql(
                "SELECT private_pem FROM engine_keys WHERE engine_id=?", (engine_id,)
            ).fetchone()
            if row is None:
                raise not_found("secret engine", engine_id)
            key = self._cache[engine_id] = load_private(row[0])
        return key


def _store_value(tx: Tx, secret_id: str, value: bytes) -> None:
    tx.sql("INSERT OR REPLACE INTO secret_values(id, value) VALUES (?,?)", (secret_id, value))


def _log(tx: Tx, call: ServerCall, secret: Any, action: str) -> None:
    entry = managed_secrets_pb2.ManagedSecretLog(
        id=tx.new_id("msl-"),
        secret_engine_id=secret.secret_engine_id,
        managed_secret_id=secret.id,
        account_id=call.key.account_id,
        action=action,
    )
    us_timestamp(tx.now, entry.created_at)
    tx.sql("INSERT INTO secret_logs(id, data) VALUES (?,?)", (entry.id, entry.SerializeToString()))


def _rotated_value(secret: Any) -> bytes:
    policy = secret.policy.password_policy
    exclude = policy.exclude_characters
    if policy.exclude_upper_case:
        exclude += string.ascii_uppercase
    return password(
        policy.length or 24,
        digits=policy.num_digits if policy.length else 2,
        symbols=policy.num_symbols if policy.length else 2,
        exclude=exclude,
    ).encode()


def _keys(env: Env) -> _EngineKeys:
    return env.shared(_EngineKeys)


async def _new_keypair(env: Env) -> KeyPair:
    # RSA key generation takes long enough to stall every other call.
    return await asyncio.to_thread(generate_keypair, env.engine_key_bits)


# -- SecretEngines -----------------------------------------------------------------


def _engine_deleted(env: Env, tx: Tx, engine_id: str, engine: Any) -> None:
    _keys(env).drop(tx, engine_id)


def _engine_create(env: Env) -> ServerHandler:
    keys = _keys(env)

    async def create(call: ServerCall, request: Any) -> Message:
        engine = entity_of(call.spec, request, _ENGINE)
        pair = await _new_keypair(env)

        def set_public_key(tx: Tx, entity: Any, old: Any) -> None:
            body(entity).public_key = pair.public_pem

        def job(tx: Tx) -> Any:
            stored = create_in(env, tx, _ENGINE, engine, call, set_public_key)
            keys.save(tx, body(stored).id, pair)
            return stored

        return respond(call, await env.store.write(job, call.actor))

    return create


def _engine_generate_keys(env: Env) -> ServerHandler:
    keys = _keys(env)

    async def generate_keys(call: ServerCall, request: Any) -> Message:
        ident = request.secret_engine_id
        pair = await _new_keypair(env)

        def job(tx: Tx) -> None:
            engine: Any = tx.get(_ENGINE, ident)
            if engine is None:
                raise not_found(_ENGINE.noun, ident)
            body(engine).public_key = pair.public_pem
            tx.put(_ENGINE, ident, engine)
            keys.save(tx, ident, pair)
            tx.describe("secret engine keys generated", f"new key pair for {ident}")

        await env.store.write(job, call.actor)
        return respond(call)

    return generate_keys


def _engine_healthcheck(env: Env) -> ServerHandler:
    async def healthcheck(call: ServerCall, request: Any) -> Message:
        ident = request.secret_engine_id

        def job(tx: Tx) -> list[str]:
            if tx.get(_ENGINE, ident) is None:
                raise not_found(_ENGINE.noun, ident)
            return [body(n).id for n in tx.iterate(_NODE)]

        node_ids = await env.store.read(job)
        response: Any = respond(call)
        for node_id in node_ids:
            response.status.add(node_id=node_id, status="healthy")
        return response  # type: ignore[no-any-return]

    return healthcheck


def _engine_rotate(env: Env) -> ServerHandler:
    async def rotate(call: ServerCall, request: Any) -> Message:
        ident = request.id

        def job(tx: Tx) -> None:
            if tx.get(_ENGINE, ident) is None:
                raise not_found(_ENGINE.noun, ident)
            tx.describe("secret engine rotated", f"credentials of {ident} rotated")

        await env.store.write(job, call.actor)
        return respond(call)

    return rotate


# -- ManagedSecrets ----------------------------------------------------------------


def _accept_value(keys: _EngineKeys, tx: Tx, secret: Any) -> bytes | None:
    """The plaintext of an incoming value (None if none was sent)."""
    if not secret.value:
        return None
    plaintext = decrypt(keys.get(tx, secret.secret_engine_id), secret.value)
    if plaintext is None:
        raise bad_request(
            "value must be encrypted to the secret engine's public key (RSA-OAEP with SHA-256)"
        )
    secret.value = b""
    return plaintext


def _place(tx: Tx, secret: Any) -> None:
    engine: Any = tx.get(_ENGINE, secret.secret_engine_id)
    if engine is not None:
        root = body(engine).secret_store_root_path.rstrip("/")
        secret.secret_store_path = f"{root}/{secret.name}"


def _secret_deleted(env: Env, tx: Tx, secret_id: str, secret: Any) -> None:
    tx.sql("DELETE FROM secret_values WHERE id=?", (secret_id,))


def _secret_create(env: Env) -> ServerHandler:
    keys = _keys(env)

    async def create(call: ServerCall, request: Any) -> Message:
        secret = entity_of(call.spec, request, _SECRET)

        def job(tx: Tx) -> Any:
            plaintext: list[bytes | None] = []

            def take_value(tx: Tx, entity: Any, old: Any) -> None:
                plaintext.append(_accept_value(keys, tx, entity))
                _place(tx, entity)
                us_timestamp(tx.now, entity.last_rotated_at)

            stored = create_in(env, tx, _SECRET, secret, call, take_value)
            _store_value(tx, stored.id, plaintext[0] or b"")
            _log(tx, call, stored, "create")
            return stored

        return respond(call, await env.store.write(job, call.actor))

    return create


def _secret_update(env: Env) -> ServerHandler:
    keys = _keys(env)

    async def update(call: ServerCall, request: Any) -> Message:
        secret = entity_of(call.spec, request, _SECRET)
        ident = getattr(request, call.spec.id_field) or secret.id
        if not ident:
            raise bad_request(f"{call.spec.id_field} is required")

        def job(tx: Tx) -> Any:
            plaintext: list[bytes | None] = []

            def take_value(tx: Tx, entity: Any, old: Any) -> None:
                if entity.secret_engine_id != old.secret_engine_id:
                    raise bad_request("a managed secret cannot move to another secret engine")
                plaintext.append(_accept_value(keys, tx, entity))
                _place(tx, entity)

            stored = update_in(env, tx, _SECRET, ident, secret, call, take_value)
            if plaintext[0] is not None:
                _store_value(tx, ident, plaintext[0])
            _log(tx, call, stored, "update")
            return stored

        return respond(call, await env.store.write(job, call.actor))

    return update


def _secret_rotate(env: Env) -> ServerHandler:
    async def rotate(call: ServerCall, request: Any) -> Message:
        ident = request.id

        def job(tx: Tx) -> None:
            secret: Any = tx.get(_SECRET, ident)
            if secret is None:
                raise not_found(_SECRET.noun, ident)
            _store_value(tx, ident, _rotated_value(secret))
            us_timestamp(tx.now, secret.last_rotated_at)
            tx.put(_SECRET, ident, secret)
            _log(tx, call, secret, "rotate")
            tx.describe("managed secret rotated", f"managed secret {secret.name} rotated")

        await env.store.write(job, call.actor)
        return respond(call)

    return rotate


def _secret_delete(env: Env) -> ServerHandler:
    # A direct delete is logged; secrets deleted along with their engine are not.
    async def delete(call: ServerCall, request: Any) -> Message:
        ident = getattr(request, call.spec.id_field)
        if not ident:
            raise bad_request(f"{call.spec.id_field} is required")

        def job(tx: Tx) -> None:
            old = cascade_delete(env, tx, _SECRET, ident)
            if old is None:
                raise not_found(_SECRET.noun, ident)
            _log(tx, call, old, "delete")

        await env.store.write(job, call.actor)
        return respond(call)

    return delete


def _secret_retrieve(env: Env) -> ServerHandler:
    async def retrieve(call: ServerCall, request: Any) -> Message:
        ident, public_key = request.id, bytes(request.public_key)
        if not ident:
            raise bad_request("id is required")
        if not public_key:
            raise bad_request("public_key is required: the value is encrypted to it")

        def job(tx: Tx) -> Any:
            secret: Any = tx.get(_SECRET, ident)
            if secret is None:
                raise not_found(_SECRET.noun, ident)
            row = tx.sql("SELECT value FROM secret_values WHERE id=?", (ident,)).fetchone()
            try:
                secret.value = encrypt_to_pem(public_key, bytes(row[0]) if row else b"")
            except ValueError as err:
                raise bad_request(str(err)) from None
            _log(tx, call, secret, "retrieve")
            return secret

        return respond(call, managed_secret=await env.store.write(job, call.actor))

    return retrieve


def _secret_validate(env: Env) -> ServerHandler:
    async def validate(call: ServerCall, request: Any) -> Message:
        ident = request.id
        exists = await env.store.read(lambda tx: tx.get(_SECRET, ident) is not None)
        if not exists:
            raise not_found(_SECRET.noun, ident)
        return respond(call, valid=True)

    return validate


def _secret_logs(env: Env) -> ServerHandler:
    return logged_list_handler(env, "secret_logs", managed_secrets_pb2.ManagedSecretLog)


# Neither kind can be seeded: an engine needs a key pair, a secret an encrypted value.
RULES = (
    Rules(
        "SecretEngines",
        on_delete=_engine_deleted,
        methods={
            "Create": _engine_create,
            "GenerateKeys": _engine_generate_keys,
            "Healthcheck": _engine_healthcheck,
            "Rotate": _engine_rotate,
        },
        seedable=False,
    ),
    Rules(
        "ManagedSecrets",
        on_delete=_secret_deleted,
        methods={
            "Create": _secret_create,
            "Update": _secret_update,
            "Rotate": _secret_rotate,
            "Delete": _secret_delete,
            "ForceDelete": _secret_delete,
            "Retrieve": _secret_retrieve,
            "Validate": _secret_validate,
            "Logs": _secret_logs,
        },
        seedable=False,
    ),
)
