"""API keys from a JSON file, re-read when the file changes."""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from aiosdm._async import SingleFlight
from aiosdm._credentials import Credentials
from aiosdm.credentials._errors import CredentialsError, CredentialsNotFoundError
from aiosdm.credentials._secret_document import credentials_from, load_json_object

__all__ = ["FileCredentials"]

_log = logging.getLogger("aiosdm.credentials")


@dataclass(frozen=True)
class _Version:
    """What identifies one version of the file: a rename or rewrite changes it."""

    inode: int
    size: int
    mtime_ns: int


class FileCredentials:
    """Keys from a JSON file such as ``{"access_key": "...", "secret_key": "..."}``.

    ``aiosdm serve --credentials-out`` writes this shape. The file is checked (``stat``, in a
    worker thread) at most once per ``check_interval`` and re-read when it changed; a
    rotation tool can therefore replace it at any time, preferably by atomic rename.

    Args:
        path: the JSON file.
        access_key_field: field holding the access key.
        secret_key_field: field holding the base64 secret key.
        check_interval: how stale ``get()`` may be before looking at the file again.
        monotonic: clock for ``check_interval``.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        access_key_field: str = "access_key",
        secret_key_field: str = "secret_key",
        check_interval: timedelta = timedelta(seconds=1),
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._path = Path(path)
        self._access_field = access_key_field
        self._secret_field = secret_key_field
        self._check_every = check_interval.total_seconds()
        self._monotonic = monotonic
        self._checked_at = float("-inf")
        self._loaded: tuple[_Version, Credentials] | None = None
        self._flight: SingleFlight[str, Credentials] = SingleFlight()

    def __repr__(self) -> str:
        return f"FileCredentials({str(self._path)!r})"

    async def get(self) -> Credentials:
        """The keys in the file, re-read if it changed since the last check.

        Raises:
            CredentialsNotFoundError: the file does not exist.
            SecretFormatError: the file is not a JSON object with both keys.

        Once keys were loaded, a failed re-read logs a warning and returns them.
        """
        loaded = self._loaded
        if loaded is not None and self._monotonic() - self._checked_at < self._check_every:
            return loaded[1]
        try:
            return await self._flight.run("load", self._load_if_changed)
        except CredentialsError as exc:
            if loaded is None:
                raise
            # A rewrite caught half-way, or a brief removal: keep the last good keys.
            _log.warning("%s: re-reading failed, keeping the loaded keys: %s", self._path, exc)
            self._checked_at = self._monotonic()
            return loaded[1]

    async def refresh(self) -> Credentials:
        """Look at the file now, whatever ``check_interval`` says; errors are raised."""
        self._checked_at = float("-inf")
        return await self._flight.run("load", self._load_if_changed)

    async def close(self) -> None:
        """Stop any read in flight. Safe to call more than once."""
        await self._flight.aclose()

    async def _load_if_changed(self) -> Credentials:
        loaded = self._loaded
        if loaded is None:
            version, text = await asyncio.to_thread(self._read)
        else:
            changed = await asyncio.to_thread(self._read_if_changed, loaded[0])
            if changed is None:
                self._checked_at = self._monotonic()
                return loaded[1]
            version, text = changed
        credentials = credentials_from(
            load_json_object(text, source=str(self._path)),
            access_key_field=self._access_field,
            secret_key_field=self._secret_field,
            source=str(self._path),
        )
        self._loaded = (version, credentials)
        self._checked_at = self._monotonic()
        return credentials

    def _read_if_changed(self, known: _Version) -> tuple[_Version, bytes] | None:
        """In a worker thread: None if the file is still ``known``, else its new bytes."""
        try:
            stat = self._path.stat()
        except FileNotFoundError:
            raise CredentialsNotFoundError(f"{self._path}: no such file") from None
        if _Version(stat.st_ino, stat.st_size, stat.st_mtime_ns) == known:
            return None
        return self._read()

    def _read(self) -> tuple[_Version, bytes]:
        try:
            with self._path.open("rb") as handle:
                stat = os.fstat(handle.fileno())
                return _Version(stat.st_ino, stat.st_size, stat.st_mtime_ns), handle.read()
        except FileNotFoundError:
            raise CredentialsNotFoundError(f"{self._path}: no such file") from None
