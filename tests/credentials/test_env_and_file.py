"""EnvCredentials and FileCredentials."""

from __future__ import annotations

import asyncio
import base64
import json
import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from aiosdm.credentials import (
    CredentialsNotFoundError,
    CredentialsProvider,
    EnvCredentials,
    FileCredentials,
    SecretFormatError,
    StaticCredentials,
)


def sdm(n: int) -> str:
    return base64.b64encode(f"strongdm-secret-{n}".encode()).decode()


async def test_env_reads_current_values() -> None:
    environ = {"SDM_API_ACCESS_KEY": "auth-1", "SDM_API_SECRET_KEY": sdm(1)}
    source = EnvCredentials(environ=environ)
    assert isinstance(source, CredentialsProvider)
    first = await source.get()
    assert (first.access_key, first.secret_key) == ("auth-1", sdm(1))
    assert await source.get() is first
    environ["SDM_API_ACCESS_KEY"], environ["SDM_API_SECRET_KEY"] = "auth-2", sdm(2)
    assert (await source.refresh()).access_key == "auth-2"


async def test_env_errors_name_the_variable_not_the_value() -> None:
    with pytest.raises(CredentialsNotFoundError, match="SDM_API_ACCESS_KEY"):
        await EnvCredentials(environ={}).get()
    source = EnvCredentials("A", "S", environ={"A": "auth", "S": "hunter2 is not base64"})
    with pytest.raises(SecretFormatError) as caught:
        await source.get()
    assert "hunter2" not in str(caught.value)


async def test_env_defaults_to_os_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDM_API_ACCESS_KEY", "auth-env")
    monkeypatch.setenv("SDM_API_SECRET_KEY", sdm(9))
    assert (await EnvCredentials().get()).access_key == "auth-env"


async def write(path: Path, document: Any, mtime_ns: int) -> None:
    def work() -> None:
        path.write_text(document if isinstance(document, str) else json.dumps(document))
        os.utime(path, ns=(mtime_ns, mtime_ns))  # distinct versions without waiting

    await asyncio.to_thread(work)


async def test_file_is_reread_when_it_changes(tmp_path: Path, monotonic: Any) -> None:
    path = tmp_path / "sdm.json"
    await write(path, {"host": "x", "access_key": "auth-1", "secret_key": sdm(1)}, 10**18)
    source = FileCredentials(path, check_interval=timedelta(seconds=5), monotonic=monotonic)
    first = await source.get()
    assert first.access_key == "auth-1"
    await write(path, {"access_key": "auth-2", "secret_key": sdm(2)}, 2 * 10**18)
    assert await source.get() is first  # not checked again within check_interval
    monotonic.now += 5
    assert (await source.get()).access_key == "auth-2"
    monotonic.now += 5
    assert (await source.get()).access_key == "auth-2"  # unchanged: same object, not re-read
    await source.close()


async def test_file_refresh_looks_now_and_errors_surface(tmp_path: Path) -> None:
    path = tmp_path / "sdm.json"
    with pytest.raises(CredentialsNotFoundError):
        await FileCredentials(path).get()
    await write(path, {"id": "auth-1", "key": sdm(1)}, 10**18)
    source = FileCredentials(path, access_key_field="id", secret_key_field="key")
    assert (await source.get()).access_key == "auth-1"
    await write(path, '{"id": "auth-2", "key": "half-writ', 2 * 10**18)
    with pytest.raises(SecretFormatError) as caught:
        await source.refresh()
    assert "half-writ" not in str(caught.value)


async def test_file_keeps_last_good_keys_on_a_bad_reread(tmp_path: Path, monotonic: Any) -> None:
    path = tmp_path / "sdm.json"
    await write(path, {"access_key": "auth-1", "secret_key": sdm(1)}, 10**18)
    source = FileCredentials(path, check_interval=timedelta(0), monotonic=monotonic)
    first = await source.get()
    await asyncio.to_thread(path.unlink)
    assert await source.get() is first


async def test_static_credentials_repr_hides_secret() -> None:
    source = StaticCredentials("auth-1", sdm(1))
    assert sdm(1) not in repr(source)
    assert sdm(1) not in repr(await source.get())
    assert await source.refresh() is await source.get()
