"""Aliyun KMS client keys: an RSA key pair in a JSON file, opened with a password.

A client key (an application access point's credential) is a JSON file holding ``KeyId``
and ``PrivateKeyData`` (a base64 PKCS#12 archive). Its password comes from an environment
variable or from a file, as Aliyun's own providers take it. Requests signed with it use
the RPC signature with ``SHA256withRSA``.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12

from aiosdm._async import SingleFlight
from aiosdm.credentials._errors import CredentialsNotFoundError, SecretFormatError
from aiosdm.credentials._secret_document import load_json_object, read_text_field

__all__ = ["AliyunClientKey", "AliyunClientKeyFile"]


@dataclass(frozen=True)
class AliyunClientKey:
    """A client key: its id and its RSA private key (never shown)."""

    key_id: str
    private_key: rsa.RSAPrivateKey = field(repr=False)


class AliyunClientKeyFile:
    """A client key read from its file, for :class:`AliyunClient` (``credentials=``).

    The file is read, and the key opened, in a worker thread, once; ``refresh()`` reads it
    again (a client key rotated in place). Give the password's environment variable or its
    file, not both.

    Args:
        path: the client key file (``{"KeyId": ..., "PrivateKeyData": ...}``).
        password_env: name of the environment variable holding the password.
        password_file: file holding the password (surrounding whitespace ignored).
        environ: where ``password_env`` is looked up; ``os.environ`` by default.

    Raises:
        ValueError: neither or both of ``password_env`` and ``password_file``.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        password_env: str | None = None,
        password_file: str | os.PathLike[str] | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        if (password_env is None) == (password_file is None):
            raise ValueError("give the client key's password_env or its password_file (one)")
        self._path = Path(path)
        self._password_env = password_env
        self._password_file = None if password_file is None else Path(password_file)
        self._environ = os.environ if environ is None else environ
        self._key: AliyunClientKey | None = None
        self._flight: SingleFlight[str, AliyunClientKey] = SingleFlight()

    def __repr__(self) -> str:
        return f"AliyunClientKeyFile({str(self._path)!r})"

    async def get(self) -> AliyunClientKey:
        """The client key (read on first use).

        Raises:
            CredentialsNotFoundError: the file, the password variable or file is missing.
            SecretFormatError: the file is not a client key, or the password does not open it.
        """
        key = self._key
        if key is None:
            key = await self._flight.run("load", self._load)
        return key

    async def refresh(self) -> AliyunClientKey:
        """Read the file again."""
        return await self._flight.run("load", self._load)

    async def close(self) -> None:
        """Stop any read in flight. Safe to call more than once."""
        await self._flight.aclose()

    async def _load(self) -> AliyunClientKey:
        password = self._password_from_env()
        key = await asyncio.to_thread(self._open, password)
        self._key = key
        return key

    def _password_from_env(self) -> str | None:
        if self._password_env is None:
            return None
        password = self._environ.get(self._password_env, "")
        if not password:
            raise CredentialsNotFoundError(
                f"${self._password_env} (the password of client key {self._path}) is not set"
            )
        return password

    def _open(self, password: str | None) -> AliyunClientKey:
        """In a worker thread: read the files and open the PKCS#12 archive."""
        source = str(self._path)
        if password is None:
            assert self._password_file is not None
            password = _read_text(self._password_file, "client key password file").strip()
            if not password:
                raise SecretFormatError(f"{self._password_file}: the password file is empty")
        document = load_json_object(_read_text(self._path, "client key file"), source=source)
        key_id = read_text_field(document, "KeyId", source=source)
        data = read_text_field(document, "PrivateKeyData", source=source)
        try:
            archive = base64.b64decode(data, validate=False)
            private_key, _, _ = pkcs12.load_key_and_certificates(archive, password.encode())
        except (binascii.Error, ValueError):
            raise SecretFormatError(
                f"{source}: PrivateKeyData cannot be opened with the given password"
            ) from None
        if not isinstance(private_key, rsa.RSAPrivateKey):
            raise SecretFormatError(f"{source}: PrivateKeyData holds no RSA private key")
        return AliyunClientKey(key_id, private_key)


def _read_text(path: Path, what: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CredentialsNotFoundError(f"{path}: no such {what}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SecretFormatError(f"{path}: cannot read the {what}: {type(exc).__name__}") from None
